"""How much memory an analysis kernel has, and how each dataset is held in it.

A dataset is held one of two ways, chosen by its size (`KernelMemory.holding`):

- **pandas** (`PANDAS`): the table is loaded whole as a DataFrame, as a person would in a
  notebook. Chosen when the DataFrame's estimated size is at most `max_dataframe_bytes`.
- **DuckDB** (`DUCKDB`): above that, the kernel gets a DuckDB view over the dataset's Parquet file
  (queried out of core, spilling to disk), a small pandas sample, and a helper that runs SQL and
  returns the (small) result as pandas (`setup_code`).

The size is estimated without loading the table: the row count from the Parquet footer, times the
pandas bytes per row of a bounded sample (a few thousand rows read from row groups spread over the
file, converted and measured with `memory_usage(deep=True)`), so strings, categoricals and
nullable columns count what pandas makes of them, not what Parquet stores.

The kernel's memory budget is the smallest limit that applies to it: `kernel_memory_limit` (a
limit Vista applies itself), JupyterHub's `MEM_LIMIT`, the container's cgroup limit, the machine's
memory. DuckDB's `memory_limit` is half of it (the rest stays for Python: results, figures, the
sample).

`max_dataframe_bytes` defaults to what pandas analysis of a DataFrame needs, measured, not a
share picked by hand: `(budget - KERNEL_BASELINE) / WORKING_SET`. What the limit counts matters:
on Linux it is RLIMIT_DATA, every private writable mapping, reserved or touched, so allocator
reservations count as much as data. Measured in a kernel held to 2 GiB (a 4.1M-row, 473 MiB
sales table, `benchmarks/bench_large.py`'s data; `tests/test_kernel_memory.py` keeps the rule):

- a running ipykernel with pandas, NumPy, matplotlib, pyarrow and DuckDB imported and nothing
  loaded holds 381 MiB (`KERNEL_BASELINE`: 400 MiB), of which its 24 threads' stacks reserve
  about 190 MiB they never touch (its resident memory is 105 MiB);
- the loaded DataFrame holds 1.6-1.7 times its estimated size (`read_parquet` goes through
  Arrow, and the heap keeps what the conversion freed);
- everyday operations peak above that: a group-by or a filter's mask at +0.1-0.3x, a histogram
  +0.3x, a month key as text (`strftime` on every row) +0.7x, and any whole-frame copy (a sort,
  `dropna` on the frame, a filter keeping most rows) +1x and more: 2.9-3.5 times the DataFrame in
  all. `WORKING_SET` is 5: a whole-frame copy with room for the heap's fragmentation after a
  series of such operations in one kernel (with 4, `describe(include='all')` after a sort, a
  filter and a group-by failed with ArrowMemoryError at the threshold in a 1 GiB kernel when the
  whole test suite ran; alone it passed: 4 left no margin).

With Arrow's default allocator (mimalloc) the same DataFrame held 2.5 times its size in reserved
segments and a sort failed under 2 GiB: analysis kernels put Arrow on the system allocator before
anything imports it (Arrow's C++ code keeps the allocator it found at import, and a kernel started
while its thread's file is read imports pandas before its limit is applied: its Parquet reads
then reserved a 1 GiB mimalloc arena), and under a limit cap glibc's malloc arenas
(`setup_code`'s prelude). The rule assumes both.

A kernel behind a gateway runs on another machine: its budget is `kernel_memory_limit` when set,
else Vista assumes it has as much memory as this server's machine (the admin guide says to set it).
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .setup_code import DUCKDB, PANDAS, DataLoad

__all__ = ["DUCKDB", "PANDAS", "Holding", "KernelMemory", "estimate_dataframe_bytes"]

#: What an analysis kernel holds before any data: ipykernel running, pandas, NumPy, matplotlib,
#: pyarrow and DuckDB imported (measured: 381 MiB of RLIMIT_DATA on Linux, x86-64).
KERNEL_BASELINE = 400 << 20
#: Memory pandas analysis of a DataFrame needs, as a multiple of its estimated size: the loaded
#: frame (1.7x) plus one whole-frame copy (a sort, a filter) and temporaries (measured: up to
#: 3.5x), with room for fragmentation (see the module docstring).
WORKING_SET = 5
#: Share of the kernel's memory a sql() result may always take (see RESULT_FLOOR).
RESULT_SHARE = 0.25
#: Share of the kernel's memory DuckDB may use before it spills to disk.
DUCKDB_SHARE = 0.5
#: Results of `sql()` may always take this much (within RESULT_SHARE of the kernel's memory), however
#: small `max_dataframe_bytes` is set: a group table or a top-10 is never refused.
RESULT_FLOOR = 8 << 20
#: Rows read to estimate the pandas size of a table, spread over up to `ESTIMATE_GROUPS` row groups.
ESTIMATE_ROWS = 4096
ESTIMATE_GROUPS = 8
#: cgroup values at or above this mean "no limit".
_UNLIMITED = 1 << 60

log = logging.getLogger(__name__)


def human_bytes(n: float) -> str:
    """1610612736 -> '1.5 GiB'."""
    size = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if abs(size) < 1024 or unit == "GiB":
            return f"{int(size)} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TiB"


def _read_int(path: str) -> int | None:
    try:
        text = Path(path).read_text().strip()
    except OSError:
        return None
    if not text.isdigit():  # "max" (cgroup v2: no limit)
        return None
    value = int(text)
    return value if 0 < value < _UNLIMITED else None


def detected_limits() -> list[tuple[int, str]]:
    """Memory limits this process can see: (bytes, where from), smallest first."""
    found: list[tuple[int, str]] = []
    hub = os.environ.get("MEM_LIMIT", "").strip()
    if hub.isdigit() and int(hub) > 0:  # JupyterHub's spawner sets it, in bytes
        found.append((int(hub), "JupyterHub's MEM_LIMIT"))
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        value = _read_int(path)
        if value is not None:
            found.append((value, "the container's memory limit (cgroup)"))
            break
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # not a POSIX system
        physical = 0
    if physical > 0:
        found.append((physical, "the machine's memory"))
    return sorted(found)


def estimate_dataframe_bytes(path: str | Path) -> int:
    """The memory a pandas DataFrame of this Parquet file would take, estimated from its footer
    and a bounded sample of rows (never by loading the table)."""
    parquet = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
    rows = parquet.metadata.num_rows
    groups = parquet.metadata.num_row_groups
    if rows == 0 or groups == 0:
        return 0
    picks = sorted({round(i * (groups - 1) / max(1, ESTIMATE_GROUPS - 1)) for i in range(ESTIMATE_GROUPS)})
    per_group = max(1, ESTIMATE_ROWS // len(picks))
    batches = []
    for group in picks:
        batch = next(parquet.iter_batches(batch_size=per_group, row_groups=[group]), None)
        if batch is not None and batch.num_rows:
            batches.append(batch)
    if not batches:
        return 0
    sample = pa.Table.from_batches(batches).to_pandas()
    per_row = float(sample.memory_usage(deep=True, index=False).sum()) / len(sample)
    return int(per_row * rows) + 128  # and the frame's index and header


def default_max_dataframe_bytes(budget: int) -> int:
    """The largest DataFrame pandas analysis fits in a kernel of `budget` bytes: what is left after
    the kernel's own baseline, over the working set that analysis needs (module docstring)."""
    return max(0, int((budget - KERNEL_BASELINE) / WORKING_SET))


@dataclass(frozen=True)
class Holding:
    """How one dataset is held in the kernel."""

    mode: str  # PANDAS or DUCKDB
    rows: int
    #: Estimated size of the dataset as a pandas DataFrame, in bytes.
    dataframe_bytes: int


class KernelMemory:
    """The memory budget of analysis kernels and the holding of each dataset in them."""

    def __init__(self, *, kernel_memory_limit: int = 0, max_dataframe_bytes: int | None = None, remote: bool = False):
        #: The limit Vista applies to each kernel (0: none of its own).
        self.kernel_memory_limit = max(0, int(kernel_memory_limit or 0))
        if self.kernel_memory_limit:
            self.budget, self.budget_source = self.kernel_memory_limit, "kernel_memory_limit"
        else:
            limits = detected_limits()
            if remote:  # the kernel's machine is not this one: only its memory size is a guess
                limits = [
                    (n, "this server's machine's memory (set kernel_memory_limit for remote kernels)")
                    for n, where in limits
                    if where == "the machine's memory"
                ]
            self.budget, self.budget_source = limits[0] if limits else (8 << 30, "an assumed 8 GiB")
        self.max_dataframe_bytes = (
            int(max_dataframe_bytes) if max_dataframe_bytes is not None else default_max_dataframe_bytes(self.budget)
        )
        #: DuckDB's `memory_limit` in the kernel: beyond it, DuckDB spills to the thread folder.
        self.duckdb_memory_limit = int(self.budget * DUCKDB_SHARE)
        #: The largest result `sql()` brings into pandas: what a DataFrame may take, and at least
        #: `RESULT_FLOOR` (an admin may set max_dataframe_bytes very low to hold more in DuckDB).
        self.max_result_bytes = max(self.max_dataframe_bytes, min(RESULT_FLOOR, int(self.budget * RESULT_SHARE)))
        self._estimates: dict[tuple[str, int, int], tuple[int, int]] = {}
        self._lock = threading.Lock()

    def holding(self, parquet: str | Path) -> Holding:
        """How the dataset in `parquet` is held: pandas up to `max_dataframe_bytes`, else DuckDB.

        Estimates are remembered per file (path, size and modification time)."""
        info = os.stat(parquet)
        key = (str(parquet), info.st_size, info.st_mtime_ns)
        with self._lock:
            known = self._estimates.get(key)
        if known is None:
            rows = pq.ParquetFile(parquet).metadata.num_rows
            known = (rows, estimate_dataframe_bytes(parquet))
            with self._lock:
                if len(self._estimates) > 4096:
                    self._estimates.clear()
                self._estimates[key] = known
        rows, size = known
        mode = DUCKDB if size > self.max_dataframe_bytes else PANDAS
        return Holding(mode, rows, size)

    def describe(self) -> str:
        """One line for the log: the budget and what follows from it."""
        applied = (
            f"limited to {human_bytes(self.kernel_memory_limit)}"
            if self.kernel_memory_limit
            else f"not limited by Vista; budget {human_bytes(self.budget)} from {self.budget_source}"
        )
        return (
            f"analysis kernels {applied}; datasets above {human_bytes(self.max_dataframe_bytes)} "
            f"as DataFrames are held in DuckDB (memory_limit {human_bytes(self.duckdb_memory_limit)})"
        )

    def loads(self, folder: str | Path, datasets: list[dict]) -> list[DataLoad]:
        """The set-up of a thread's datasets (rows of the store, paths relative to `folder`),
        each held as `holding` says."""
        out = []
        for d in datasets:
            try:
                holding = self.holding(Path(folder) / d["parquet_path"])
            except OSError:  # missing or unreadable: the kernel's own check says so, clearly
                holding = Holding(PANDAS, 0, 0)
            out.append(DataLoad(d["var_name"], d["parquet_path"], holding.mode, holding.rows))
        return out


def _status_kb(pid: int, fields: tuple[str, ...]) -> int:
    total = 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in fields:
                total += int(value.split()[0])
    return total * 1024


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(p) for p in f.read().split()]
        except OSError:
            continue
    return out


def process_tree_memory(pid: int) -> int | None:
    """Memory a process and its descendants hold that only they can free: resident private
    (anonymous) plus shared-memory pages, in bytes. `None` where the system does not say (no
    /proc) or the process is gone."""
    try:
        total = _status_kb(pid, ("RssAnon", "RssShmem"))
    except (OSError, ValueError):
        return None
    seen, todo = {pid}, _children(pid)
    while todo:
        child = todo.pop()
        if child in seen:
            continue
        seen.add(child)
        try:
            total += _status_kb(child, ("RssAnon", "RssShmem"))
        except (OSError, ValueError):
            continue  # it ended meanwhile
        todo += _children(child)
    return total


def peak_memory(pid: int) -> int | None:
    """The peak resident memory of one process (VmHWM), in bytes; `None` where unknown."""
    try:
        return _status_kb(pid, ("VmHWM",))
    except (OSError, ValueError):
        return None
