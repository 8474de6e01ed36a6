"""Kernel execution overhead: Vista's executor vs a bare jupyter_client round trip, and the time
from a new thread to its first result.

Two bare round trips on one kernel, the same code as Vista's: waiting on iopub messages (as
Vista's executor does, with no checks between them) and jupyter_client's
`execute_interactive(output_hook=...)`, which awaits the iopub socket and then the execute
reply (as Vista's executor does too). Vista's `execute` is compared with the faster of the two.
"""

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


class Bare:
    """A bare kernel client on a kernel of its own, with the same data as Vista's."""

    async def start(self, km: AsyncMappingKernelManager, cwd: str) -> Bare:
        self.km = km
        self.kernel_id = await km.start_kernel(kernel_name="python3", cwd=cwd)
        self.client = km.get_kernel(self.kernel_id).client()
        self.client.start_channels()
        await self.client.wait_for_ready(timeout=60)
        await self.wait("import pandas as pd\ndf = pd.read_parquet('data.parquet')")
        return self

    async def wait(self, code: str) -> None:
        """Execute, then wait on iopub until the kernel is idle again (no checks between)."""
        msg_id = self.client.execute(code)
        while True:
            msg = await self.client.get_iopub_msg(timeout=30)
            if (
                msg["parent_header"].get("msg_id") == msg_id
                and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"
            ):
                return

    async def interactive(self, code: str) -> None:
        """jupyter_client's own loop: outputs to a hook, then the execute reply."""
        outputs: list[dict] = []
        reply = await self.client.execute_interactive(code, output_hook=outputs.append, timeout=30)
        assert reply["content"]["status"] == "ok" and outputs, reply

    async def stop(self) -> None:
        self.client.stop_channels()
        await self.km.shutdown_kernel(self.kernel_id, now=True)


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
            store.add_dataset(
                "bench",
                thread["id"],
                {
                    "id": dataset_id,
                    "name": "d",
                    "original_name": "d.csv",
                    "original_path": f"datasets/{dataset_id}/d.csv",
                    "parquet_path": f"datasets/{dataset_id}/data.parquet",
                    "source": "upload",
                    "var_name": "df",
                    "rows": len(frame),
                    "columns": 2,
                    "size_bytes": 0,
                    "detected": {},
                    "warnings": [],
                    "profile": {},
                    "summary": "",
                },
            )
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

        bare_dir = Path(tmp, "bare")
        bare_dir.mkdir()
        frame.to_parquet(bare_dir / "data.parquet")
        bare = await Bare().start(km, str(bare_dir))
        tid = new_thread()

        async def through_vista(code: str) -> None:
            result = await executor.execute("bench", tid, code)
            assert result.status == "ok", result.error

        ways = {"vista": through_vista, "wait": bare.wait, "interactive": bare.interactive}
        times: dict[str, list[float]] = {name: [] for name in ways}
        for _ in range(10):
            for way in ways.values():
                await way(CODE)
        for _ in range(ROUNDS):  # in turn, so that load on the machine hits all alike
            for name, way in ways.items():
                t = time.perf_counter()
                await way(CODE)
                times[name].append((time.perf_counter() - t) * 1000)
        await executor.shutdown_all()
        await bare.stop()
        vista, bare_wait, interactive = times["vista"], times["wait"], times["interactive"]

    ratio = statistics.median(vista) / min(statistics.median(bare_wait), statistics.median(interactive))
    return [
        Result("kernels", "bare jupyter_client execute median (iopub wait)", statistics.median(bare_wait), "ms"),
        Result("kernels", "bare execute_interactive(output_hook) median", statistics.median(interactive), "ms"),
        Result("kernels", "Vista execute median (warm)", statistics.median(vista), "ms"),
        Result("kernels", "Vista execute p95 (warm)", percentile(vista, 95), "ms"),
        Result("kernels", "Vista / faster bare (median)", ratio, "x", target="<= 1.2", ok=ratio <= 1.2),
        Result("kernels", "new thread to first result (median of 3)", statistics.median(firsts), "ms"),
    ]


def run() -> list[Result]:
    return asyncio.run(_measure())
