"""The Python names datasets get in an analysis kernel.

A thread's datasets are loaded into its kernel as variables (`df` for the first, then a name made
from each file's name). A variable must never take a name the analysis code needs: a dataset
called `pd.csv`, `print.csv` or `len.csv` would otherwise replace pandas, `print` or `len` in the
kernel and in the exported notebook, and break every later step. `RESERVED` lists what is never
given out: Python keywords and builtins, the names the kernel's preparation binds
(`kernels.preload_code`, and for data held in DuckDB `duckdb` and `sql`), IPython's own names, the standard library's module names (analysis code
imports them), and anything starting with an underscore (IPython's output history). Nor does a
dataset get a name ending in `_file`: `<name>_file` holds each dataset's Parquet path.
"""

from __future__ import annotations

import builtins
import keyword
import re
import sys

#: Names `kernels.preload_code` binds in every analysis kernel (a test keeps the two in step).
PRELOADED = frozenset({"pd", "np", "plt"})

#: Names the kernel's preparation binds when a dataset is held in DuckDB (`setup_code.data_code`;
#: the dataset's sample is `<name>_sample`, kept apart from other datasets' names there).
LARGE_DATA = frozenset({"duckdb", "sql"})

#: Names IPython defines in a kernel's namespace.
_IPYTHON = frozenset({"In", "Out", "get_ipython", "exit", "quit", "display"})

#: Libraries analysis code commonly imports under a conventional alias.
_ALIASES = frozenset({"sns", "sm", "smf", "scipy", "sklearn", "duckdb", "pa", "pq", "mpl", "tf"})

RESERVED = frozenset(
    set(keyword.kwlist)
    | set(getattr(keyword, "softkwlist", ()))
    | set(dir(builtins))
    | PRELOADED
    | LARGE_DATA
    | _IPYTHON
    | _ALIASES
    | set(getattr(sys, "stdlib_module_names", ()))
)


def is_reserved(name: str) -> bool:
    """Whether a dataset may not be called `name` in the kernel."""
    return name in RESERVED or name.startswith("_")


def variable_name(stem: str, taken: set[str]) -> str:
    """A Python identifier for a dataset in the kernel: `df` for the first, else from its name.

    The name never shadows a reserved one (`pd.csv` becomes `df_pd`) and is not in `taken`.
    """
    if "df" not in taken:
        return "df"
    base = re.sub(r"\W+", "_", stem.strip().lower()).strip("_") or "data"
    if not base.isidentifier() or base[0].isdigit() or is_reserved(base):
        base = f"df_{base}"
    if re.search(r"_file(_\d+)?$", base):
        base += "_data"  # `<name>_file` holds a dataset's path (`setup_code.file_names`)
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    return name
