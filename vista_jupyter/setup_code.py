"""The set-up code Vista's Python runs after: in analysis kernels, at the top of exported notebooks,
and above the first cell Vista inserts into a notebook. One source, so a figure draws the same
everywhere and a notebook holds its data the way the analysis kernel did.

It imports pandas, NumPy and matplotlib, gives matplotlib a font that draws Korean, and loads the
datasets, each the way `memory.KernelMemory` chose (`data_code`):

- every dataset's Parquet file is named first, `df_file = '...'` (`file_names`): the offline
  analyst's first look at a large file reads it through that name, before the table is loaded;
- a dataset held with **pandas** is a DataFrame: `df = pd.read_parquet(df_file)`;
- a dataset held with **DuckDB** (too large for pandas in the kernel's memory) is a DuckDB view
  over its Parquet file, named like the dataset (`FROM df` in SQL; in Python `df` is the view as a
  DuckDB relation), plus `df_sample`, a pandas DataFrame of `SAMPLE_ROWS` rows spread evenly over
  the table, and one helper for all of them, `sql(query)`, which runs DuckDB SQL and returns the
  result as a pandas DataFrame (refusing, with a message, a result too large to hold). DuckDB
  runs out of core: past its memory limit it spills to a folder beside the data. The view reads
  the data as pandas does: rows in file order (DuckDB's default, kept: `LIMIT 5` gives the first
  five rows, `row_number() OVER ()` the row's position), and a floating-point NaN is missing.

Analysis kernels also run `kernel_prelude` first: Arrow's allocator (chosen once, before Arrow is
imported), the memory limit Vista applies to them, and a check that the kernel can see its
thread's folder (a remote kernel may not), with a message saying what to mount. The font is NanumGothic (SIL Open Font License, `fonts/OFL.txt`), shipped in this
package: the code finds it with `importlib.util.find_spec`, which locates the package without
importing it (nor Vista's server), or in a folder beside the notebook (the data folder of a
downloaded zip holds a copy, so the notebook draws Korean on a machine without Vista). Without
either, it looks for a Korean font the system already has. It is registered after DejaVu Sans:
matplotlib falls back glyph by glyph, so Latin text keeps matplotlib's usual look.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The font file shipped in the package, and its licence.
FONT_DIR = Path(__file__).parent / "fonts"
FONT_FILES = ("NanumGothic.ttf", "OFL.txt")

IMPORTS = """\
import pandas as pd
import numpy as np
import matplotlib.pyplot as plt"""

# Plain code, not a function of Vista's: a kernel may run remotely, and a notebook elsewhere,
# without Vista installed. Families tried in order: the shipped font, then fonts that Korean
# systems commonly have (Linux, Windows, macOS).
_FONT_FUNCTION = '''\
def _korean_font(*folders):
    """Let matplotlib draw Korean (Hangul) text: NanumGothic after DejaVu Sans."""
    import importlib.util, pathlib
    from matplotlib import font_manager
    spec = importlib.util.find_spec("vista_jupyter")
    if spec is not None and spec.submodule_search_locations:
        folders += tuple(pathlib.Path(p, "fonts") for p in spec.submodule_search_locations)
    for folder in folders:
        for ttf in sorted(pathlib.Path(folder).glob("*.ttf")):
            font_manager.fontManager.addfont(str(ttf))
    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in ("NanumGothic", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic",
                   "Apple SD Gothic Neo", "AppleGothic"):
        if family in known:
            plt.rcParams["font.family"] = ["DejaVu Sans", family]
            plt.rcParams["axes.unicode_minus"] = False
            return'''


def font_code(*folders: str, guarded: bool = False) -> str:
    """Code that registers a Korean-capable font, also looking in `folders` (relative paths).

    `guarded`: a failure (a broken font file) is ignored, for code that must go on to load data.
    """
    call = f"_korean_font({', '.join(repr(f) for f in folders)})"
    if guarded:
        call = f"try:\n    {call}\nexcept Exception:\n    pass"
    return f"{_FONT_FUNCTION}\n\n\n{call}"


def notebook_setup(
    loads: Iterable[DataLoad | tuple[str, str]], font_folder: str | None = None, *, max_result_bytes: int | None = None
) -> str:
    """The first code cell of a notebook: imports, the font, then the datasets (`data_code`),
    paths relative to the notebook. `(var, path)` pairs are pandas loads. DuckDB spills into
    `<font_folder>/spill` (the notebook's data folder)."""
    loads = [load if isinstance(load, DataLoad) else DataLoad(*load) for load in loads]
    lines = [IMPORTS, "", font_code(*([font_folder] if font_folder else [])), ""]
    spill = f"{font_folder}/{SPILL_DIR}" if font_folder else SPILL_DIR
    lines.append(data_code(loads, spill=spill, max_result_bytes=max_result_bytes))
    return "\n".join(lines).rstrip() + "\n"


# --- the data -----------------------------------------------------------------------------------

PANDAS, DUCKDB = "pandas", "duckdb"
#: Rows of the pandas sample of a dataset held in DuckDB.
SAMPLE_ROWS = 10_000
#: Folder (beside the data) DuckDB spills to when a query needs more than its memory limit.
SPILL_DIR = "spill"


@dataclass(frozen=True)
class DataLoad:
    """One dataset to load: its variable, its Parquet file (a path relative to where the code
    runs), how it is held (`PANDAS` or `DUCKDB`) and its row count (for the sample)."""

    var: str
    path: str
    mode: str = PANDAS
    rows: int = 0


#: Parquet files from this size up have the overview's first look read from the file itself
#: (`first_look_reads_file`): loading such a table into pandas takes longer (about a second at
#: 16 MiB on two busy cores) than planning the overview does, so the first look would wait for it.
FIRST_LOOK_FILE_BYTES = 16 << 20


def first_look_reads_file(path: Any, min_bytes: int = FIRST_LOOK_FILE_BYTES) -> bool:
    """Whether the overview's first look at the Parquet file at `path` is read from the file
    itself (`render_pandas.overview_steps(file_var=...)`) rather than from the loaded table: a file of at least
    `min_bytes` whose columns are all flat (a nested column's missing values are not in the
    statistics), with no pandas metadata (which may restore an index or types the code does not
    follow) and no dictionary type (whose categories come from every row group)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        if os.path.getsize(path) < min_bytes:
            return False
        schema = pq.read_schema(path)
    except (OSError, pa.ArrowException):
        return False
    if schema.metadata and b"pandas" in schema.metadata:
        return False
    return all(not pa.types.is_nested(f.type) and not pa.types.is_dictionary(f.type) for f in schema)


def sample_rows(rows: int) -> int:
    """Rows of the sample of a table of `rows` rows (every step-th row)."""
    step = max(1, -(-rows // SAMPLE_ROWS))
    return -(-rows // step)


def _suffixed(loads: list[DataLoad], suffix: str, taken: set[str], mode: str | None = None) -> dict[str, str]:
    """`<var>_<suffix>` for each dataset (of `mode`, if given), none in `taken` nor another's."""
    names: dict[str, str] = {}
    for load in loads:
        if mode is not None and load.mode != mode:
            continue
        name, n = f"{load.var}_{suffix}", 2
        while name in taken:
            name, n = f"{load.var}_{suffix}_{n}", n + 1
        taken.add(name)
        names[load.var] = name
    return names


def file_names(loads: Iterable[DataLoad]) -> dict[str, str]:
    """The variable holding each dataset's Parquet file (its path): `<var>_file`, never another
    dataset's name nor a sample's. The overview's first look reads the file through it
    (`render_pandas.overview_steps`), before the table is loaded."""
    loads = list(loads)
    return _suffixed(loads, "file", {load.var for load in loads} | set(sample_names(loads).values()))


def file_code(loads: Iterable[DataLoad]) -> str:
    """`<var>_file = <path>` for each dataset (`file_names`)."""
    loads = list(loads)
    files = file_names(loads)
    return "\n".join(f"{files[load.var]} = {load.path!r}" for load in loads)


def sample_names(loads: Iterable[DataLoad]) -> dict[str, str]:
    """The sample variable of each dataset held in DuckDB: `<var>_sample`, never another
    dataset's name."""
    loads = list(loads)
    return _suffixed(loads, "sample", {load.var for load in loads}, DUCKDB)


# Plain code, like the font's: it runs where Vista may not be installed. `sql` reads the result
# chunk by chunk so a query returning far too much is refused before it fills the memory.
_DUCKDB_CODE = '''\
try:
    import duckdb
except ImportError:
    raise ImportError("A dataset here is too large for pandas in this kernel's memory and is held "
                      "in DuckDB, which this Python does not have: install the duckdb package "
                      "(pip install duckdb) where the kernel runs.") from None


def _vista_duckdb(memory_limit, spill):
    """DuckDB for data larger than memory: its memory limit, and the folder it spills to."""
    import os
    if memory_limit:
        duckdb.execute(f"SET memory_limit = '{memory_limit // 2**20}MiB'")
    duckdb.execute("SET temp_directory = '" + os.path.abspath(spill).replace("'", "''") + "'")


def sql(query, max_bytes=MAX_BYTES):
    """Run DuckDB SQL over the data (each large dataset is a view: FROM df) and return the result
    as a pandas DataFrame. Aggregate, filter or LIMIT in SQL: a result larger than max_bytes is
    refused (max_bytes=None: no bound)."""
    cursor = duckdb.cursor()
    try:
        cursor.execute(query)
        if cursor.description is None:  # SET, CREATE ...: no result
            return None
        chunks, size = [], 0
        while True:
            chunk = cursor.fetch_df_chunk(16)
            if chunks and len(chunk) == 0:
                break
            chunks.append(chunk)
            if max_bytes is not None:
                size += int(chunk.memory_usage(deep=True).sum())
                if size > max_bytes:
                    raise ValueError(
                        f"This query's result is larger than {max_bytes / 2**20:,.0f} MB, too large "
                        "to bring into pandas here. Aggregate it (GROUP BY), filter it (WHERE) or "
                        "add LIMIT in the SQL.")
            if len(chunk) == 0:
                break
        return chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)
    finally:
        cursor.close()


def _vista_view(name, path, rows, sample_rows):
    """The Parquet file at `path` as the DuckDB view `name` (in Python: that view as a relation),
    and a pandas sample of it: `sample_rows` rows spread evenly over the file, in file order."""
    import os
    source = "read_parquet('" + os.path.abspath(path).replace("'", "''") + "'"
    # A floating-point NaN is a missing value, as pandas takes it (to DuckDB it is a number above
    # every other). Parquet statistics do not count NaN, so a file's NaN are looked for once
    # (with `can_have_nan`, which DuckDB needs to see them past those statistics).
    floats = [column for column, kind, *_ in duckdb.execute(f"DESCRIBE SELECT * FROM {source})").fetchall()
              if kind in ("FLOAT", "DOUBLE")]
    quoted = ['"' + c.replace('"', '""') + '"' for c in floats]
    columns = "*"
    if quoted:
        try:
            seen = duckdb.execute("SELECT " + ", ".join(f"count(*) FILTER (WHERE isnan({q}))" for q in quoted)
                                  + f" FROM {source}, can_have_nan = true)").fetchone()
        except duckdb.Error:  # an older DuckDB, without that option: every such column is cleaned
            seen = [1] * len(quoted)
            nan_source = source
        else:
            nan_source = source + ", can_have_nan = true"
        with_nan = [q for q, n in zip(quoted, seen) if n]
        if with_nan:
            source = nan_source
            columns = "* REPLACE (" + ", ".join(f"CASE WHEN isnan({q}) THEN NULL ELSE {q} END AS {q}"
                                                for q in with_nan) + ")"
    duckdb.execute(f'CREATE OR REPLACE VIEW "{name}" AS SELECT {columns} FROM {source})')
    step = max(1, -(-rows // sample_rows))
    try:
        sample = sql(f"SELECT * EXCLUDE (file_row_number) FROM {source}, file_row_number = true) "
                     f"WHERE file_row_number % {step} = 0 ORDER BY file_row_number", max_bytes=None)
    except duckdb.Error:  # the file has a column called file_row_number
        sample = sql(f'SELECT * FROM "{name}" USING SAMPLE reservoir({sample_rows} ROWS) '
                     "REPEATABLE (0)", max_bytes=None)
    return duckdb.table(name), sample'''


def data_code(
    loads: Iterable[DataLoad],
    *,
    spill: str = SPILL_DIR,
    memory_limit: int | None = None,
    max_result_bytes: int | None = None,
) -> str:
    """The code that loads `loads`: each file's path (`file_code`), then `var =
    pd.read_parquet(var_file)` for pandas, and for DuckDB the view, the sample and `sql` (see the
    module docstring). `memory_limit`: DuckDB's, in bytes
    (None: DuckDB's default); `max_result_bytes`: the default bound of `sql`'s results."""
    loads = list(loads)
    files = file_names(loads)
    lines = [file_code(loads)] if loads else []
    lines += [f"{load.var} = pd.read_parquet({files[load.var]})" for load in loads if load.mode != DUCKDB]
    large = [load for load in loads if load.mode == DUCKDB]
    if large:
        samples = sample_names(loads)
        lines += [
            "",
            _DUCKDB_CODE.replace("MAX_BYTES", repr(max_result_bytes)),
            "",
            "",
            f"_vista_duckdb({memory_limit!r}, {spill!r})",
        ]
        lines += [
            f"{load.var}, {samples[load.var]} = _vista_view({load.var!r}, {files[load.var]}, "
            f"{load.rows!r}, {SAMPLE_ROWS!r})"
            for load in large
        ]
    return "\n".join(lines)


# --- analysis kernels only ----------------------------------------------------------------------

_PRELUDE_CODE = '''\
def _vista_prelude(folder, files, memory_limit):
    """Put Arrow on the system allocator, enter the thread's folder, checking this kernel can see
    its data, and hold the kernel to `memory_limit` bytes of private memory (None: no limit).
    Whether the limit was applied."""
    import os, sys
    # A limit counts what allocators reserve, not only what they use: Arrow's default allocator
    # (mimalloc) reserves its arenas a gigabyte at a time and held 2.5 times a loaded DataFrame.
    # Arrow reads this variable once, when it is first imported, and its C++ code (the Parquet
    # reader) keeps that allocator whatever Python sets later: so before any import, even in a
    # kernel whose limit comes later (one started while its thread's file is still being read
    # imports pandas first, and its Parquet reads took a 1 GiB arena then).
    if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:  # an administrator's choice stays
        os.environ["ARROW_DEFAULT_MEMORY_POOL"] = "system"
        if "pyarrow" in sys.modules:  # imported already: Python's own calls at least
            try:
                import pyarrow
                pyarrow.set_memory_pool(pyarrow.system_memory_pool())
            except Exception:
                pass
    where = ("Analysis kernels must see Vista's data folder at the same path as the Jupyter "
             "server (or at VistaApp.kernel_data_dir): a kernel on another machine or in a "
             "container, such as one started by a gateway, needs that folder mounted.")
    try:
        os.chdir(folder)
    except OSError:
        raise FileNotFoundError(f"This analysis kernel cannot see its thread's folder {folder}. "
                                + where) from None
    for file in files:
        if not os.access(file, os.R_OK):
            raise FileNotFoundError(f"This analysis kernel cannot read its data file "
                                    f"{os.path.join(folder, file)}. " + where)
    if not memory_limit:
        return None
    try:
        import resource
    except ImportError:  # Windows
        return False
    # Linux counts every private writable mapping in RLIMIT_DATA (4.7 and later): what the
    # code allocates, not the address space libraries reserve and never use, which
    # RLIMIT_AS counts too (over a gigabyte once DuckDB is loaded).
    kind = resource.RLIMIT_DATA if sys.platform.startswith("linux") else resource.RLIMIT_AS
    try:
        hard = resource.getrlimit(kind)[1]
        if hard != resource.RLIM_INFINITY:
            memory_limit = min(memory_limit, hard)
        # The hard limit too: code run in the kernel cannot raise it again.
        resource.setrlimit(kind, (memory_limit, memory_limit))
    except (ValueError, OSError):
        return False
    # glibc reserves 64 MiB per malloc arena (up to 8 per core): Arrow allocates through malloc
    # (above) and malloc keeps to two arenas, so the limit is spent on data.
    try:
        import ctypes
        ctypes.CDLL(None).mallopt(-8, 2)  # M_ARENA_MAX (glibc); elsewhere no such call
    except (OSError, AttributeError):
        pass
    return True'''

#: What the kernel prints after its prelude: whether the memory limit was applied.
PRELUDE_MARK = "vista-memory-limit:"


def kernel_prelude(folder: str | None, files: Iterable[str], memory_limit: int | None) -> str:
    """The first code an analysis kernel runs, always, before anything imports Arrow: Arrow on
    the system allocator, into `folder` (checking it and `files`, relative to it, are readable),
    then the memory limit; it prints `PRELUDE_MARK` and whether the limit holds (True), could not
    be applied (False) or none was asked (None)."""
    files = list(files)
    if folder is None:
        folder_code = "'.'"
    else:
        folder_code = repr(folder)
    return (
        f"{_PRELUDE_CODE}\n\n\nprint({PRELUDE_MARK!r}, "
        f"_vista_prelude({folder_code}, {files!r}, {memory_limit or None!r}))"
    )
