"""Kernel execution overhead: Vista's executor vs a bare jupyter_client round trip, and the time
from a new thread to its first result."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd
from common import Result, percentile
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from vista_jupyter.folders import ThreadFolders
from vista_jupyter.kernels import KernelExecutor
from vista_jupyter.store import Store, new_id

CODE = "df['y'].sum()"
ROUNDS = 200


async def _bare(km: AsyncMappingKernelManager, cwd: str) -> list[float]:
    kernel_id = await km.start_kernel(kernel_name="python3", cwd=cwd)
    client = km.get_kernel(kernel_id).client()
    client.start_channels()
    await client.wait_for_ready(timeout=60)

    async def run(code: str) -> None:
        msg_id = client.execute(code)
        while True:
            msg = await client.get_iopub_msg(timeout=30)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                return

    await run("import pandas as pd\ndf = pd.read_parquet('data.parquet')")
    for _ in range(10):
        await run(CODE)
    times = []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        await run(CODE)
        times.append((time.perf_counter() - t) * 1000)
    client.stop_channels()
    await km.shutdown_kernel(kernel_id, now=True)
    return times


async def _measure() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        km = AsyncMappingKernelManager(root_dir=tmp)
        store = Store(Path(tmp, "vista.sqlite3"))
        folders = ThreadFolders(Path(tmp, "vista"))
        executor = KernelExecutor(km, store, folders)
        frame = pd.DataFrame({"x": range(10_000), "y": [i * 0.5 for i in range(10_000)]})

        def new_thread() -> str:
            thread = store.create_thread("bench", "bench")
            dataset_id = new_id()
            folder = folders.create(thread["id"]) / "datasets" / dataset_id
            folder.mkdir(parents=True)
            frame.to_parquet(folder / "data.parquet")
            store.add_dataset("bench", thread["id"], {
                "id": dataset_id, "name": "d", "original_name": "d.csv",
                "original_path": f"datasets/{dataset_id}/d.csv",
                "parquet_path": f"datasets/{dataset_id}/data.parquet", "source": "upload",
                "var_name": "df", "rows": len(frame), "columns": 2, "size_bytes": 0,
                "detected": {}, "warnings": [], "profile": {}, "summary": "",
            })
            return thread["id"]

        # Time to first result on a new thread (kernel start + data load + execution)
        firsts = []
        for _ in range(3):
            tid = new_thread()
            t = time.perf_counter()
            result = await executor.execute("bench", tid, CODE)
            assert result.status == "ok", result.error
            firsts.append((time.perf_counter() - t) * 1000)
            await executor.shutdown(tid)

        tid = new_thread()
        for _ in range(10):
            await executor.execute("bench", tid, CODE)
        vista = []
        for _ in range(ROUNDS):
            t = time.perf_counter()
            await executor.execute("bench", tid, CODE)
            vista.append((time.perf_counter() - t) * 1000)
        await executor.shutdown_all()

        bare_dir = Path(tmp, "bare")
        bare_dir.mkdir()
        frame.to_parquet(bare_dir / "data.parquet")
        bare = await _bare(km, str(bare_dir))

    ratio = statistics.median(vista) / statistics.median(bare)
    return [
        Result("kernels", "bare jupyter_client execute median", statistics.median(bare), "ms"),
        Result("kernels", "Vista execute median (warm)", statistics.median(vista), "ms"),
        Result("kernels", "Vista execute p95 (warm)", percentile(vista, 95), "ms"),
        Result("kernels", "Vista / bare (median)", ratio, "x", target="<= 1.2", ok=ratio <= 1.2),
        Result("kernels", "new thread to first result (median of 3)", statistics.median(firsts), "ms"),
    ]


def run() -> list[Result]:
    return asyncio.run(_measure())
