"""The kernel's memory: estimating a dataset's size as a DataFrame without loading it, the budget
and thresholds that follow, and a limit that holds in a real kernel against real allocations
(MemoryError from the kernel's own limit; a kernel stopped when its child processes or shared
memory go over; a kernel killed by the system), each with a clear message and the data back."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from test_kernels import FRAME, add_dataset
from test_turns import wait_done

from vista_jupyter.memory import (
    DUCKDB,
    PANDAS,
    KernelMemory,
    default_max_dataframe_bytes,
    estimate_dataframe_bytes,
    process_tree_memory,
)

pytestmark = pytest.mark.timeout(240)

GiB = 1 << 30
LIMIT = GiB


def tables() -> dict[str, pd.DataFrame]:
    """Tables of the shapes real exports have, each with its own trap for an estimate."""
    rng = np.random.default_rng(3)
    n = 300_000
    return {
        "mixed": pd.DataFrame(
            {
                "id": np.arange(n),
                "x": rng.normal(size=n),
                "flag": rng.random(n) < 0.5,
                "when": pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 10**6, n), unit="s"),
                "city": rng.choice(["서울", "부산", "Chicago", "São Paulo"], n),
                "comment": [f"free text of varying length {'x' * int(k)}" for k in rng.integers(0, 80, n)],
            }
        ),
        # strings that grow along the file: a sample from its start alone would miss most of it
        "growing": pd.DataFrame({"s": ["y" * (1 + i // 3000) for i in range(n)]}),
        "nullable": pd.DataFrame(
            {
                "n": pd.array(np.where(rng.random(n) < 0.3, None, rng.integers(0, 9, n)), dtype="Int64"),
                "empty": pd.Series([None] * n, dtype="object"),
                "cat": pd.Categorical(rng.choice(["low", "mid", "high"], n)),
            }
        ),
        "wide": pd.DataFrame(rng.normal(size=(20_000, 300)), columns=[f"c{i}" for i in range(300)]),
    }


@pytest.mark.parametrize("name", list(tables()))
def test_the_dataframe_size_is_estimated_from_the_file_without_loading_it(tmp_path, name):
    frame = tables()[name]
    path = tmp_path / f"{name}.parquet"
    frame.to_parquet(path, row_group_size=20_000)
    estimate = estimate_dataframe_bytes(path)
    actual = pd.read_parquet(path).memory_usage(deep=True, index=False).sum()
    assert abs(estimate - actual) / actual < 0.1, (estimate, actual)


def test_an_empty_table_is_estimated_as_nothing(tmp_path):
    FRAME.head(0).to_parquet(tmp_path / "empty.parquet")
    assert estimate_dataframe_bytes(tmp_path / "empty.parquet") < 1024


def test_the_holding_follows_the_threshold_on_both_sides(tmp_path):
    path = tmp_path / "t.parquet"
    tables()["mixed"].to_parquet(path)
    size = estimate_dataframe_bytes(path)
    assert KernelMemory(max_dataframe_bytes=size).holding(path).mode == PANDAS
    assert KernelMemory(max_dataframe_bytes=size - 1).holding(path).mode == DUCKDB
    held = KernelMemory(max_dataframe_bytes=size - 1).holding(path)
    assert held.rows == 300_000 and held.dataframe_bytes == size


def test_the_budget_is_the_smallest_limit_known(monkeypatch):
    monkeypatch.delenv("MEM_LIMIT", raising=False)
    limited = KernelMemory(kernel_memory_limit=2 * GiB)
    assert (limited.budget, limited.duckdb_memory_limit) == (2 * GiB, GiB)
    assert limited.max_dataframe_bytes == default_max_dataframe_bytes(2 * GiB)
    # JupyterHub's spawner says how much the user's server may use
    monkeypatch.setenv("MEM_LIMIT", str(3 * GiB))
    hub = KernelMemory()
    assert hub.budget == 3 * GiB and hub.max_dataframe_bytes == default_max_dataframe_bytes(3 * GiB)
    assert "MEM_LIMIT" in hub.describe()
    # ... which says nothing about a gateway's machine
    assert KernelMemory(remote=True).budget != 3 * GiB
    # an explicit threshold wins
    assert KernelMemory(kernel_memory_limit=2 * GiB, max_dataframe_bytes=123).max_dataframe_bytes == 123
    # sql() results may take what a DataFrame may, but a tiny threshold (to hold more data in
    # DuckDB) never refuses a small result: at least 8 MiB, within a quarter of the kernel's memory
    assert limited.max_result_bytes == limited.max_dataframe_bytes
    assert KernelMemory(kernel_memory_limit=2 * GiB, max_dataframe_bytes=1).max_result_bytes == 8 << 20
    assert KernelMemory(kernel_memory_limit=16 << 20, max_dataframe_bytes=1).max_result_bytes == 4 << 20


def test_the_threshold_leaves_the_kernel_its_baseline_and_pandas_its_working_set():
    # what a kernel holds before any data is not the data's: a budget below it holds nothing in pandas
    assert default_max_dataframe_bytes(256 << 20) == 0
    # and the rest is shared by the DataFrame and the copies its analysis makes, whatever the budget
    for budget in (GiB, 2 * GiB, 16 * GiB):
        assert default_max_dataframe_bytes(budget) * 3 < budget - (256 << 20)


def test_a_process_trees_memory_counts_its_children():
    before = process_tree_memory(os.getpid())
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; b = bytearray(300 << 20); print(1, flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE,
    )
    try:
        assert child.stdout.readline() == b"1\n"
        assert process_tree_memory(os.getpid()) - before > 250 << 20
    finally:
        child.kill()
        child.wait()


# --- a real kernel with a limit ----------------------------------------------------------------


@pytest.fixture
def vista_config():
    return {"kernel_memory_limit": LIMIT, "auto_overview": False}


async def kernel_thread(api, vista_app) -> tuple[str, str]:
    _, info = await api("GET", "info")
    _, thread = await api("POST", "threads", json_body={"name": "memory"})
    add_dataset(vista_app, info["owner"], thread["id"], FRAME)
    return info["owner"], thread["id"]


async def test_the_kernel_holds_itself_to_the_limit(api, vista_app):
    owner, tid = await kernel_thread(api, vista_app)
    result = await vista_app.executor.execute(
        owner, tid, "import resource; print(resource.getrlimit(resource.RLIMIT_DATA))"
    )
    assert result.stdout == f"({LIMIT}, {LIMIT})\n"


async def test_a_kernel_started_before_its_data_exists_still_allocates_what_the_limit_expects(api, vista_app):
    # A thread made from a file starts its kernel while the file is read, and that kernel imports
    # pandas (so Arrow) before its memory limit is applied. Arrow chooses its allocator once, at
    # import: were it mimalloc, the Parquet reader would reserve a 1 GiB arena the limit counts
    # (in a 2 GiB kernel the five everyday questions failed at 0.9 times the threshold).
    status, thread = await api("POST", "threads", json_body={"dataset": {"example": "cars"}})
    assert status == 201
    for _ in range(400):
        if vista_app.executor.running(thread["id"]):
            break
        await asyncio.sleep(0.05)
    assert vista_app.executor.running(thread["id"])  # started early, as users' threads are
    owner = (await api("GET", "info"))[1]["owner"]
    [dataset] = vista_app.store.list_datasets(owner, thread["id"])
    result = await vista_app.executor.execute(
        owner,
        thread["id"],
        (
            "import resource, pyarrow\n"
            f"again = pd.read_parquet({dataset['parquet_path']!r})\n"
            "print(len(df), resource.getrlimit(resource.RLIMIT_DATA)[0], pyarrow.mimalloc_memory_pool().max_memory())"
        ),
    )
    assert result.stdout == f"406 {LIMIT} 0\n", result.error  # Arrow's C++ code never used mimalloc


async def test_a_kernel_started_before_its_data_holds_itself_to_the_limit_once_loaded(api, vista_app):
    # A thread's kernel started while its file is still read imports its libraries before the
    # limit applies (the pool says why); the limit comes with the data, on that same kernel.
    _, info = await api("GET", "info")
    _, thread = await api("POST", "threads", json_body={"name": "early"})
    owner, tid = info["owner"], thread["id"]
    executor = vista_app.executor
    executor.pool.warm_start(owner, tid)
    for _ in range(1200):
        if executor.running(tid):
            break
        await asyncio.sleep(0.05)
    early = executor.kernel_id(tid)
    assert early is not None
    add_dataset(vista_app, owner, tid, FRAME)
    result = await executor.execute(  # waits for the early start's imports, then loads the data
        owner, tid, "import resource; print(resource.getrlimit(resource.RLIMIT_DATA), len(df))"
    )
    assert result.stdout == f"({LIMIT}, {LIMIT}) {len(FRAME)}\n", result.error
    assert executor.kernel_id(tid) == early


@pytest.mark.parametrize(
    "code",
    [
        "big = np.ones(2 * 2**30 // 8)",  # one allocation over the limit
        "chunks = []\nwhile True:\n    chunks.append(np.ones(2**24))",  # growing until it hits it
    ],
)
async def test_an_allocation_over_the_limit_fails_clearly_and_the_kernel_keeps_its_data(api, vista_app, code):
    owner, tid = await kernel_thread(api, vista_app)
    await vista_app.executor.execute(owner, tid, "kept = 'still here'")
    kernel = vista_app.executor.kernel_id(tid)
    result = await vista_app.executor.execute(owner, tid, code)
    assert result.status == "error"
    assert result.error["ename"] in ("MemoryError", "_ArrayMemoryError")
    assert "This kernel may use 1.0 GiB of memory, and this code needed more" in result.stderr
    # the same kernel goes on, with its data and variables
    result = await vista_app.executor.execute(owner, tid, "print(kept, df.shape)")
    assert result.stdout == "still here (4, 3)\n"
    assert vista_app.executor.kernel_id(tid) == kernel


# Memory the kernel's own limit does not count: child processes (joblib, multiprocessing,
# scikit-learn's n_jobs) each have their own, and shared memory is not private.
CHILDREN = """\
import subprocess, sys, time
eat = "b = bytearray(450 << 20)\\nimport time\\nprint(1, flush=True)\\ntime.sleep(120)"
workers = [subprocess.Popen([sys.executable, "-c", eat], stdout=subprocess.PIPE) for _ in range(3)]
print([w.stdout.readline() for w in workers])
time.sleep(120)"""
SHARED = """\
import mmap, time
block = mmap.mmap(-1, 1536 << 20)
for i in range(0, len(block), 4096):
    block[i] = 1
time.sleep(120)"""


@pytest.mark.parametrize("code", [CHILDREN, SHARED], ids=["child processes", "shared memory"])
async def test_a_kernel_over_the_limit_is_stopped_and_the_next_step_gets_a_fresh_one(api, vista_app, code):
    owner, tid = await kernel_thread(api, vista_app)
    await vista_app.executor.execute(owner, tid, "print('warm')")
    kernel = vista_app.executor.kernel_id(tid)
    result = await vista_app.executor.execute(owner, tid, code)
    assert result.status == "died"  # stopped (left alone, it would sleep out its time)
    assert result.error["ename"] == "KernelOutOfMemory"
    assert "than an analysis kernel may have (1.0 GiB), so Vista stopped the kernel" in result.error["evalue"]
    assert kernel not in vista_app.serverapp.kernel_manager
    result = await vista_app.executor.execute(owner, tid, "print(df['y'].sum())")
    assert result.status == "ok" and result.stdout == "75.0\n"
    assert vista_app.executor.kernel_id(tid) != kernel


async def test_a_kernel_killed_by_the_system_says_it_likely_ran_out_of_memory(api, vista_app):
    # The out-of-memory killer of a container (JupyterHub's mem_limit) ends a kernel with SIGKILL
    owner, tid = await kernel_thread(api, vista_app)
    await vista_app.executor.execute(owner, tid, "print('warm')")
    result = await vista_app.executor.execute(owner, tid, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    assert result.status == "died"
    assert "killed while running this code, most likely because it ran out of memory" in result.error["evalue"]
    result = await vista_app.executor.execute(owner, tid, "print(len(df))")
    assert result.stdout == "4\n"


# --- the threshold holds: pandas analysis of the largest DataFrame it lets in -----------------------


def sales_at(target_bytes: int) -> pd.DataFrame:
    """A sales table of mixed types (ids, ids as text, categories, amounts with missing values,
    dates, free text) whose estimated DataFrame size is just under `target_bytes`."""

    def make(n: int) -> pd.DataFrame:
        rng = np.random.default_rng(18)
        amount = np.round(rng.gamma(2.0, 40.0, n), 2)
        amount[rng.random(n) < 0.01] = np.nan
        words = np.array(["delivery late", "on time, gift", "refund 배송", "express fragile weekend"])
        return pd.DataFrame(
            {
                "id": np.arange(n),
                "customer": pd.Series(rng.integers(1, 2_000_000, n)).map("C{:07d}".format),
                "city": rng.choice(["Seoul", "Busan", "Jeju", "제주시", "São Paulo"], n),
                "channel": rng.choice(["web", "store", "app"], n),
                "amount": amount,
                "qty": rng.integers(1, 21, n),
                "date": pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 1461, n), unit="D"),
                "note": rng.choice(words, n),
            }
        )

    probe = make(20_000)
    per_row = probe.memory_usage(deep=True, index=False).sum() / len(probe)
    return make(int(0.95 * target_bytes / per_row))


#: Everyday analysis of the whole table, the heaviest kinds: copies of the whole frame (a sort,
#: dropping rows with a missing value, a filter keeping most rows), dates as text per row, a summary.
EVERYDAY = [
    "df.sort_values('amount').head()",
    "df.dropna().nlargest(10, 'amount')",
    "df[df['qty'] > 1].groupby('city')['amount'].mean()",
    "df.groupby(df['date'].dt.strftime('%Y-%m'))['amount'].sum()",
    "df.describe(include='all')",
]


@pytest.mark.timeout(600)
async def test_the_largest_dataframe_the_threshold_allows_can_be_analysed_within_the_limit(api, vista_app, tmp_path):
    # The default threshold is what pandas analysis needs, measured: were it a larger share of
    # the kernel's memory (the baseline ignored, or the working set taken smaller than a copy of
    # the frame), these would fail with MemoryError in a kernel held to 1 GiB.
    threshold = vista_app.kernel_memory.max_dataframe_bytes
    assert threshold == default_max_dataframe_bytes(LIMIT)
    frame = sales_at(threshold)
    _, info = await api("GET", "info")
    _, thread = await api("POST", "threads", json_body={"name": "at the threshold"})
    owner, tid = info["owner"], thread["id"]
    add_dataset(vista_app, owner, tid, frame)
    _, listed = await api("GET", f"threads/{tid}/datasets")
    [dataset] = listed["datasets"]
    assert dataset["mode"] == PANDAS and 0.8 * threshold < dataset["dataframe_bytes"] <= threshold
    result = await vista_app.executor.execute(
        owner, tid, "import pyarrow; print(len(df), pyarrow.default_memory_pool().backend_name)"
    )
    assert result.stdout == f"{len(frame)} system\n", result.error  # Arrow allocates what it uses
    kernel = vista_app.executor.kernel_id(tid)
    for code in EVERYDAY:
        result = await vista_app.executor.execute(owner, tid, code)
        assert result.status == "ok", (code, result.error and result.error["ename"])
    # and the offline analyst's own code for the everyday questions
    for question in (
        "average amount by city",
        "how many orders from Seoul with amount over 100",
        "top 10 orders by amount",
        "total amount per month",
        "histogram of amount",
    ):
        status, _ = await api("POST", f"threads/{tid}/messages", json_body={"content": question})
        assert status == 202
        await wait_done(api, tid, timeout=300)
        _, page = await api("GET", f"threads/{tid}/messages")
        steps = [s for s in page["messages"][-1]["metadata"]["steps"] if s.get("code")]
        assert steps and all(s["result"]["status"] == "ok" for s in steps), (question, steps[-1]["result"])
    assert vista_app.executor.kernel_id(tid) == kernel  # never stopped for its memory


@pytest.mark.timeout(600)
async def test_two_and_a_half_times_the_threshold_would_not_fit_so_the_rule_is_not_padding(api, vista_app):
    # The other side of the rule: a DataFrame 2.5 times as large loads, but a whole-frame copy
    # no longer fits in the same kernel, so the rule's room for fragmentation (WORKING_SET 5,
    # where a sort alone peaks at 3.5) is less than that. It fails clearly and the kernel goes
    # on: this is why such data is held in DuckDB.
    threshold = default_max_dataframe_bytes(LIMIT)
    vista_app.kernel_memory.max_dataframe_bytes = 1 << 40  # held in pandas whatever its size
    frame = sales_at(int(2.5 * threshold))
    _, info = await api("GET", "info")
    _, thread = await api("POST", "threads", json_body={"name": "2.5 times the threshold"})
    owner, tid = info["owner"], thread["id"]
    add_dataset(vista_app, owner, tid, frame)
    result = await vista_app.executor.execute(owner, tid, "print(len(df))")
    assert result.stdout == f"{len(frame)}\n", result.error
    result = await vista_app.executor.execute(owner, tid, "ordered = df.sort_values('amount')")
    assert result.status == "error" and "MemoryError" in result.error["ename"], result.error
    assert "This kernel may use 1.0 GiB of memory, and this code needed more" in result.stderr
    result = await vista_app.executor.execute(owner, tid, "print(len(df))")
    assert result.stdout == f"{len(frame)}\n"
