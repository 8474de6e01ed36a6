"""Wide tables: one measure observed per period, one column per period, as statistics offices
publish them (`state, disease, 2019, 2020, 2021`, `시도, 2015, ..., 2023`, `품목, 1월, ..., 12월`,
`region, Q1, Q2, Q3, Q4`, `Country Name, Country Code, 1990, ...`).

Such a table is one measure (cases, 인구, exports) by the row's labels and by period: the period
is a dimension of the data written across the header. The analyst reads it as what it is: the
planner is given the table in long form (`long_dataset`: the labels, a period column, the
measure), so "total cases in 2023", "which year had the most", "2019년 대비 2023년 증가율" and
"trend" are the questions of a long table, and the code it runs first turns the file into that
long form in the kernel (`prelude`: `melt` in pandas, `UNPIVOT` in DuckDB), visibly.

The period columns are recognised by their names alone, read as periods of one kind (years,
months as 1월 or Jan, quarters as Q1 or 1분기, months of years as 2023-01), three or more
side by side over numbers, all distinct and in order, evenly spaced, with no other numeric
column in the table (a second measure would leave the one observed per period unknown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .catalog import Table

from .catalog import within_years
from .text import language_of


def has_hangul(text: str) -> bool:
    return language_of(text) == "ko"


_MONTHS_EN = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTHS_LONG = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip


def period_of(name: str) -> tuple[str, int] | None:
    """(kind, ordinal) of a column name that names a period: ("year", 2019) for "2019" or
    "2019년", ("month", 3) for "3월", "Mar", "March", ("quarter", 2) for "Q2", "2분기",
    ("year_month", 2023 * 12 + 0) for "2023-01" or "2023.01"; None otherwise."""
    s = str(name).strip()
    low = s.lower()
    if m := re.fullmatch(r"(\d{4})(?:년)?", s):
        year = int(m.group(1))
        return ("year", year) if within_years(year, year) else None
    if m := re.fullmatch(r"(\d{1,2})\s*월", s):
        return ("month", int(m.group(1))) if 1 <= int(m.group(1)) <= 12 else None
    if low in _MONTHS_EN:
        return ("month", _MONTHS_EN.index(low) + 1)
    if low in _MONTHS_LONG:
        return ("month", _MONTHS_LONG.index(low) + 1)
    if m := re.fullmatch(r"q([1-4])|([1-4])\s*분기", low):
        return ("quarter", int(m.group(1) or m.group(2)))
    if m := re.fullmatch(r"(\d{4})\s*[-./]\s*(\d{1,2})", s):
        year, month = int(m.group(1)), int(m.group(2))
        return ("year_month", year * 12 + month - 1) if within_years(year, year) and 1 <= month <= 12 else None
    return None


#: The period column's name, by kind, in the data's language.
_PERIOD_NAMES = {
    "year": ("year", "연도"),
    "month": ("month", "월"),
    "quarter": ("quarter", "분기"),
    "year_month": ("month", "연월"),
}

#: Words of a file name that say the table's shape or period, not what it measures.
_SHAPE_WORDS = {
    "wide", "data", "dataset", "table", "tbl", "stats", "statistics", "by", "year", "years",
    "yearly", "annual", "month", "months", "monthly", "quarter", "quarterly", "csv", "xlsx", "raw",
    "final", "v", "연도", "연도별", "년도별", "연간", "월별", "분기별", "연별", "통계", "현황", "자료",
}  # fmt: skip


@dataclass
class Wide:
    """A wide table's reading: its label columns, period columns in order, and the long form's
    names (the period column and the measure)."""

    var: str  # the wide table's variable in the kernel
    long_var: str  # the long form's
    labels: list[str]
    periods: list[str]
    kind: str
    period: str  # the long form's period column
    measure: str  # the long form's value column

    @property
    def integer_periods(self) -> bool:
        return self.kind == "year"


def wide_of(dataset: dict[str, Any]) -> Wide | None:
    """The wide reading of a dataset, or None when it is not one measure by period."""
    profile = dataset.get("profile") or {}
    columns = profile.get("column_profiles") or []
    names = [c["name"] for c in columns]
    read = [period_of(n) for n in names]
    periods = [j for j, p in enumerate(read) if p is not None]
    if len(periods) < 3 or len({read[j][0] for j in periods}) != 1:
        return None
    # side by side, all distinct and in order, evenly spaced (years may be 5 apart)
    if periods != list(range(periods[0], periods[0] + len(periods))):
        return None
    ordinals = [read[j][1] for j in periods]
    steps = {b - a for a, b in zip(ordinals, ordinals[1:])}
    if len(steps) != 1 or next(iter(steps)) <= 0:
        return None
    kind = read[periods[0]][0]
    if kind in ("month", "quarter") and steps != {1}:
        return None
    if any(columns[j]["kind"] != "numeric" for j in periods):
        return None
    labels = [n for j, n in enumerate(names) if j not in periods]
    if not labels or any(columns[j]["kind"] == "numeric" for j, n in enumerate(names) if j not in periods):
        return None
    korean = any(has_hangul(str(n)) for n in names) or has_hangul(str(dataset.get("name") or ""))
    period = _PERIOD_NAMES[kind][1 if korean else 0]
    if period in labels:
        period = "기간" if korean else "period"
    measure = measure_name(str(dataset.get("name") or ""), labels, korean)
    var = dataset["var_name"]
    return Wide(var, f"{var}_long", labels, [names[j] for j in periods], kind, period, measure)


def measure_name(file_name: str, labels: list[str], korean: bool) -> str:
    """What the numbers measure, from the file's name: its words less those that say the table's
    shape or period ("wide", "연도별", years) and those naming the row labels ("airport" of
    airport_passengers, "시도별" of 시도별_인구: a word ending in 별 names a breakdown); "value" /
    "값" when nothing is left."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", file_name.strip())
    words = [w for w in re.split(r"[\s_\-.()\[\]]+", stem) if w]
    own = {str(n).lower() for n in labels}
    kept = []
    for w in words:
        low = w.lower()
        if low in _SHAPE_WORDS or re.fullmatch(r"\d+", w) or (has_hangul(w) and w.endswith("별")):
            continue
        if any(low == n or (len(n) >= 4 and low.startswith(n)) for n in own):
            continue
        kept.append(w)
    name = "_".join(kept)
    if not name or name.lower() in own:
        return "값" if korean else "value"
    return name


def long_dataset(dataset: dict[str, Any], wide: Wide) -> dict[str, Any]:
    """The dataset as the planner sees it in long form: its label columns as they are (with all
    their values), the period column (the periods' names, in order) and the measure (the period
    columns' values together). No file is behind it: what the planner would read from one is in
    the profile."""
    from .catalog import _scan_values

    profile = dataset.get("profile") or {}
    columns = {c["name"]: c for c in profile.get("column_profiles") or []}
    rows = int(profile.get("rows") or 0)
    n = len(wide.periods)
    path = dataset.get("parquet_path")
    scanned = _scan_values(path, wide.labels) if path else {}
    out = []
    for name in wide.labels:
        c = dict(columns[name])
        if scanned.get(name):
            c["top"] = [{"value": v, "count": n} for v in scanned[name]]
        else:
            c["top"] = [{**t, "count": t.get("count", 1) * n} for t in c.get("top") or []]
        c["nulls"] = int(c.get("nulls") or 0) * n
        out.append(c)
    values = [p if not wide.integer_periods else int(re.sub(r"\D", "", p)) for p in wide.periods]
    period = {"name": wide.period, "nulls": 0, "distinct": n, "top": [{"value": v, "count": rows} for v in values]}
    if wide.integer_periods:
        period.update(kind="numeric", dtype="int64", min=min(values), max=max(values))
        period["mean"] = sum(values) / n
    else:
        period.update(kind="categorical", dtype="large_string")
    measured = [columns[p] for p in wide.periods]
    lows = [c["min"] for c in measured if c.get("min") is not None]
    highs = [c["max"] for c in measured if c.get("max") is not None]
    means = [c["mean"] for c in measured if c.get("mean") is not None]
    integer = all("int" in str(c.get("dtype", "")) for c in measured)
    measure = {
        "name": wide.measure,
        "kind": "numeric",
        "dtype": "int64" if integer else "double",
        "nulls": sum(int(c.get("nulls") or 0) for c in measured),
        "distinct": sum(int(c.get("distinct") or 0) for c in measured),
        "min": min(lows) if lows else None,
        "max": max(highs) if highs else None,
        "mean": sum(means) / len(means) if means else None,
    }
    sample = []
    for row in (profile.get("sample") or [])[:20]:
        for p, v in zip(wide.periods, values):
            sample.append({**{k: row.get(k) for k in wide.labels}, wide.period: v, wide.measure: row.get(p)})
    long = {
        "rows": rows * n,
        "columns": len(wide.labels) + 2,
        "column_profiles": [*out, period, measure],
        "sample": sample[:50],
    }
    return {**{k: v for k, v in dataset.items() if k != "parquet_path"}, "var_name": wide.long_var, "profile": long}


def _py(names: list[str]) -> str:
    return "[" + ", ".join(repr(str(n)) for n in names) + "]"


def pandas_prelude(wide: Wide) -> str:
    """The pandas code that makes the long form, ahead of the answer's own code."""
    lines = [
        f"# {wide.var} has one column per {wide.kind.replace('_', '-')}: one row per "
        f"{', '.join(wide.labels)} and {wide.period} instead",
        f"{wide.long_var} = {wide.var}.melt(id_vars={_py(wide.labels)}, value_vars={_py(wide.periods)}, "
        f"var_name={wide.period!r}, value_name={wide.measure!r})",
    ]
    if wide.integer_periods:
        lines.append(
            f"{wide.long_var}[{wide.period!r}] = {wide.long_var}[{wide.period!r}].str.extract(r'(\\d+)', expand=False).astype(int)"
        )
    else:  # the periods in their order (1월 before 10월), not alphabetical
        lines.append(
            f"{wide.long_var}[{wide.period!r}] = pd.Categorical({wide.long_var}[{wide.period!r}], "
            f"categories={_py(wide.periods)}, ordered=True)"
        )
    return "\n".join(lines) + "\n"


def sql_prelude(wide: Wide) -> str:
    """The DuckDB code that makes the long form (a view), ahead of the answer's own code."""
    from .render_sql import call, ident, literal

    on = ", ".join(ident(p) for p in wide.periods)
    labels = ", ".join(ident(n) for n in wide.labels)
    period = ident(wide.period)
    if wide.integer_periods:
        key = f"CAST(regexp_extract({period}, '\\d+') AS INTEGER) AS {period}"
    else:  # the periods in their order (1월 before 10월), as an ENUM sorts
        key = f"CAST({period} AS ENUM ({', '.join(literal(p) for p in wide.periods)})) AS {period}"
    query = (
        f"CREATE OR REPLACE VIEW {ident(wide.long_var)} AS\n"
        f"SELECT {labels}, {key}, {ident(wide.measure)}\n"
        f"FROM {ident(wide.var)} UNPIVOT INCLUDE NULLS ({ident(wide.measure)} FOR {period} IN ({on}))"
    )
    return f"# {wide.var} has one column per {wide.kind.replace('_', '-')}: one row per {', '.join(wide.labels)} and {wide.period} instead\n{call(query)}\n"


def long_table(dataset: dict[str, Any], wide: Wide) -> Table:
    """The planner's table of a wide dataset in long form (`long_dataset`). A label that names
    each row of the file (a country, a 시도) and the period key the long rows: one per name and
    period, known from the shape without reading the data."""
    from .catalog import build_table

    table = build_table(long_dataset(dataset, wide))
    rows = int((dataset.get("profile") or {}).get("rows") or 0)
    period = table.column(wide.period)
    named = [c.name for c in table.columns if c.name in wide.labels and c.distinct == rows and rows > 1]
    table.wide_period, table.wide_kind = wide.period, wide.kind
    table.wide_keys = _keys(dataset, wide.labels)
    table.periods = [(n, wide.period) for n in named] if (period.yearlike or period.is_date) else []
    return table


def _keys(dataset: dict[str, Any], labels: list[str]) -> list[frozenset[str]]:
    """The sets of label columns that name each row of the file once (state and disease of
    `state, disease, 2019, ...`; Country Name, or Country Code, of the World Bank's files),
    smallest first, read from its Parquet file (a wide table is small)."""
    from itertools import combinations

    path = dataset.get("parquet_path")
    rows = int((dataset.get("profile") or {}).get("rows") or 0)
    if not path or not rows or rows > 1_000_000 or len(labels) > 6:
        return []
    try:
        import pyarrow.parquet as pq

        frame = pq.read_table(path, columns=labels).to_pandas()
    except Exception:  # an unreadable file: not known
        return []
    out: list[frozenset[str]] = []
    for n in range(1, len(labels) + 1):
        for names in combinations(labels, n):
            if not any(k <= set(names) for k in out) and not frame.duplicated(list(names)).any():
                out.append(frozenset(names))
    return out
