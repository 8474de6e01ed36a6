"""Baseline readers, each called the way a user calls it, turned into (header, rows of strings).

A reader returns `header` (list of names, or None when it decided there is no header row) and
`rows` (lists of cell strings).  Missing values (NaN, None, NaT) become "".  Names a library
invents for an empty header cell (pandas' `Unnamed: 3`, DuckDB's `column3`) become "", and a
header made only of invented names means "no header".
"""

from __future__ import annotations

import math
import re

_UNNAMED = re.compile(r"^Unnamed: \d+(?:[._]\d+)?$")
_DUCK_AUTO = re.compile(r"^column\d+$")


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and math.isnan(v):
        return ""
    try:
        import pandas as pd

        if v is pd.NaT or v is pd.NA:
            return ""
    except ImportError:
        pass
    return str(v)


def _from_df(df):
    names = [str(c) for c in df.columns]
    if all(isinstance(c, int) for c in df.columns):
        header = None
    else:
        header = ["" if _UNNAMED.match(n) else n for n in names]
    rows = [[_cell(v) for v in r] for r in df.astype(object).itertuples(index=False, name=None)]
    return header, rows


def pandas_default(path):
    import pandas as pd

    return _from_df(pd.read_csv(path))


def pandas_sniff(path):
    import pandas as pd

    return _from_df(pd.read_csv(path, sep=None, engine="python"))


def clevercsv_reader(path):
    import clevercsv

    return _from_df(clevercsv.read_dataframe(path))


def duckdb_auto(path):
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        rel = con.read_csv(str(path))
        names = list(rel.columns)
        data = rel.fetchall()
    finally:
        con.close()
    header = None if all(_DUCK_AUTO.match(n) for n in names) else ["" if _DUCK_AUTO.match(n) else n for n in names]
    return header, [[_cell(v) for v in r] for r in data]


BUILTIN = {
    "pandas": pandas_default,
    "pandas_sniff": pandas_sniff,
    "clevercsv": clevercsv_reader,
    "duckdb": duckdb_auto,
}
