"""The executor: runs the assistant's code in a thread's kernel and collects what it produced.

Kernels come from the pool (`kernel_pool.KernelPool`: start, data loading, slots per user, idle
culling, restarts); figures go to the artifacts service (`artifacts.Artifacts`). `execute`
returns a structured result (streams, rich outputs, figures saved as artifacts, errors without
ANSI codes); the pool runs its own preparation code through the same loop (`run`).

Limits: time per execution (interrupt, then restart if the kernel stays busy), output size per
execution (truncated with a note). A kernel that dies mid-execution (os._exit, segfault, out of
memory) yields a clear error; the next execution gets a fresh kernel with the data reloaded.
Executions on one thread run one at a time; threads run in parallel; nothing here blocks the
event loop.

Memory (`kernel_memory_limit`): the kernel limits itself when its data loads (RLIMIT_DATA on
Linux, so an allocation beyond the limit fails with MemoryError, which the step explains), and
while code runs in a local kernel the executor watches what the kernel and its child processes
hold (private and shared memory, which the rlimit does not count) and stops a kernel that goes
over: the step says so and the next one gets a fresh kernel.

Why `run` waits for iopub messages with a 0.25 s timeout rather than jupyter_client's
`execute_interactive(output_hook=...)`: the wait returns as soon as a message arrives (the 0.25 s
is how often a silent execution is checked, not a delay on any output), and between messages the
loop must do what `execute_interactive` cannot: watch the kernel's memory, interrupt at the
deadline and restart a kernel that ignores the interrupt, and notice a kernel that died without
a word (its process gone, or the kernel manager restarting it). `execute_interactive` waits on
the iopub socket with a zmq poller, which a gateway kernel's client does not have (its channels
are queues fed from a websocket), and ends a silent execution only by raising at its timeout.
`benchmarks/bench_kernels.py` measures the two: a bare `execute_interactive` round trip against
Vista's `execute` on the same code.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .artifacts import FIGURE_TYPES, Artifacts
from .folders import ThreadFolders
from .kernel_pool import LOAD_BYTES_PER_SECOND, KernelPool, KernelUnavailable, PooledKernel, preload_code
from .memory import KernelMemory, human_bytes, process_tree_memory
from .secrets import Secrets
from .store import Store

__all__ = [
    "LOAD_BYTES_PER_SECOND",
    "ExecutionResult",
    "KernelExecutor",
    "KernelUnavailable",
    "preload_code",
    "strip_ansi",
]

#: Seconds between two looks at a running local kernel's memory.
MEMORY_CHECK_SECONDS = 0.25
#: Errors that mean the code ran out of memory (Python, NumPy, DuckDB, pyarrow).
MEMORY_ERRORS = frozenset(
    {"MemoryError", "_ArrayMemoryError", "OutOfMemoryException", "ArrowMemoryError", "OutOfMemoryError"}
)

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
TEXT_TYPES = ("text/plain", "text/html", "text/markdown", "application/json")


def strip_ansi(text: str) -> str:
    """Text without terminal colour codes."""
    return ANSI.sub("", text)


@dataclass
class ExecutionResult:
    """What one execution produced, in nbformat-like outputs plus a summary."""

    status: str  # "ok", "error", "timeout", "died"
    outputs: list[dict[str, Any]] = field(default_factory=list)
    error: dict[str, Any] | None = None
    duration: float = 0.0
    truncated: bool = False
    execution_count: int | None = None

    @property
    def stdout(self) -> str:
        return "".join(o["text"] for o in self.outputs if o["output_type"] == "stream" and o["name"] == "stdout")

    @property
    def stderr(self) -> str:
        return "".join(o["text"] for o in self.outputs if o["output_type"] == "stream" and o["name"] == "stderr")

    @property
    def artifacts(self) -> list[dict[str, Any]]:
        return [o["artifact"] for o in self.outputs if "artifact" in o]

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "outputs": self.outputs,
            "error": self.error,
            "duration": round(self.duration, 4),
            "truncated": self.truncated,
            "execution_count": self.execution_count,
        }


class KernelExecutor:
    """Runs code in per-thread kernels from its `pool`. See the module docstring."""

    def __init__(
        self,
        kernel_manager: Any,
        store: Store,
        folders: ThreadFolders,
        *,
        interrupt_grace: float = 5.0,
        max_output_bytes: int = 256 * 1024,
        secrets: Secrets | None = None,
        memory: KernelMemory | None = None,
        artifacts: Artifacts | None = None,
        log: logging.Logger | None = None,
        **pool_options: Any,
    ):
        """`pool_options` configure the `KernelPool` (kernel_name, timeout, max_kernels_per_user,
        idle_timeout, load_timeout, kernel_data_dir, spare_kernels); `secrets`, `memory` and `log` are shared
        with it."""
        self.store = store
        self.folders = folders
        self.interrupt_grace = interrupt_grace
        self.max_output_bytes = max_output_bytes
        # Kernels never see the server's secrets, and their outputs are recorded redacted.
        self.secrets = secrets or Secrets()
        #: The kernels' memory limit, and how each dataset is held in them.
        self.memory = memory or KernelMemory()
        #: Where figures are saved (and served from).
        self.artifacts = artifacts or Artifacts(store, folders)
        self.log = log or logging.getLogger(__name__)
        #: The threads' kernels.
        self.pool = KernelPool(
            kernel_manager,
            store,
            folders,
            self.run,
            secrets=self.secrets,
            memory=self.memory,
            log=self.log,
            **pool_options,
        )

    @property
    def timeout(self) -> float:
        """Seconds an execution may run (the pool's: data loads and slot waits follow it)."""
        return self.pool.timeout

    @timeout.setter
    def timeout(self, value: float) -> None:
        self.pool.timeout = value

    # --- the pool's face, as the app, turns and the authorizer use it ------------------------------

    def running(self, thread_id: str) -> bool:
        """Whether the thread has a kernel now."""
        return self.pool.running(thread_id)

    def kernel_id(self, thread_id: str) -> str | None:
        """The server's id of the thread's kernel, if it has one."""
        return self.pool.kernel_id(thread_id)

    def kernel_owner(self, kernel_id: str) -> str | None:
        """Whose analysis kernel `kernel_id` is; `None` if Vista did not start it."""
        return self.pool.kernel_owner(kernel_id)

    async def interrupt(self, thread_id: str) -> None:
        """Interrupt whatever the thread's kernel is running (Stop, or a cancelled turn)."""
        await self.pool.interrupt(thread_id)

    async def shutdown(self, thread_id: str) -> None:
        """Stop the thread's kernel (when the thread is deleted)."""
        await self.pool.shutdown(thread_id)

    async def shutdown_all(self) -> None:
        """Stop every kernel (when the server stops)."""
        await self.pool.shutdown_all()

    # --- execution ------------------------------------------------------------------------------

    def hold_data(self, thread_id: str) -> None:
        """The thread's data load waits (see `KernelPool.hold_data`)."""
        self.pool.hold_data(thread_id)

    def release_data(self, thread_id: str) -> None:
        """The thread's data load goes ahead (see `KernelPool.release_data`)."""
        self.pool.release_data(thread_id)

    async def execute(
        self,
        owner: str,
        thread_id: str,
        code: str,
        *,
        on_output: Callable[[dict[str, Any]], None] | None = None,
        data: bool = True,
    ) -> ExecutionResult:
        """Run `code` in the thread's kernel and collect what it produced.

        `on_output` is called with each output as the kernel sends it (text streams chunk by
        chunk), so a long computation shows its progress; the result holds the same outputs
        with consecutive stream chunks merged. `data=False`: the code needs no loaded dataset
        (it reads the files itself), so it runs without waiting for the data to load.
        """
        self.store.get_thread(owner, thread_id)  # NotFound for strangers
        async with self.pool.use(owner, thread_id, data=data) as kernel:
            guard = self.secrets.guard(on_output)
            result = await self.run(kernel, code, record=True, on_output=guard.emit)
            guard.close(result)
            return result

    async def run(
        self,
        kernel: PooledKernel,
        code: str,
        *,
        record: bool,
        on_output: Callable[[dict[str, Any]], None] | None = None,
        timeout: float | None = None,
    ) -> ExecutionResult:
        """Run `code` in `kernel` (the caller holds it: `KernelPool.use`, or the pool preparing
        it) within `timeout` (default: the execution timeout), watching its memory and its life;
        `record` keeps it in the kernel's history and saves its figures as artifacts."""
        started = time.monotonic()
        timeout = self.timeout if timeout is None else timeout

        def tell(output: dict[str, Any]) -> None:
            if on_output is not None:
                on_output(output)

        client = kernel.client
        # stop_on_error=False: an error (a KeyboardInterrupt from Stop included) must not make the
        # kernel abort requests queued behind it; executions here are serialised anyway.
        msg_id = client.execute(code, store_history=record, allow_stdin=False, stop_on_error=False)
        result = ExecutionResult(status="ok")
        budget = self.max_output_bytes
        deadline = started + timeout
        interrupted_at: float | None = None
        limit = self.memory.kernel_memory_limit
        pid = self.pool.kernel_pid(kernel) if limit else None
        next_check = started
        killed_signal: int | None = None
        over_memory: int | None = None

        while True:
            now = time.monotonic()
            if pid is not None and now >= next_check:
                next_check = now + MEMORY_CHECK_SECONDS
                used = process_tree_memory(pid)
                if used is not None and used > limit:
                    # Over the limit in memory the rlimit does not count (shared memory, child
                    # processes): stop the kernel before the machine runs out.
                    self.log.warning(
                        "Vista: the kernel of thread %s holds %s, over its limit of %s; stopping it",
                        kernel.thread_id,
                        human_bytes(used),
                        human_bytes(limit),
                    )
                    over_memory = used
                    result.status = "died"
                    await self.pool.stop(kernel.thread_id)
                    break
            if interrupted_at is None and now > deadline:
                interrupted_at = now
                result.status = "timeout"
                await self.pool.interrupt_kernel(kernel)
            elif interrupted_at is not None and now > interrupted_at + self.interrupt_grace:
                # Still busy after the interrupt: restart, and reload the data next time.
                self.log.info("Vista: kernel of %s ignored the interrupt; restarting", kernel.thread_id)
                await self.pool.stop(kernel.thread_id)
                break
            try:
                msg = await client.get_iopub_msg(timeout=0.25)
            except Exception:  # queue.Empty: nothing yet; is the kernel still there?
                if kernel.restarted or not await self.pool.alive(kernel):
                    killed_signal = kernel.exit_signal or self.pool.killed_by_signal(kernel)
                    result.status = "died"
                    await self.pool.stop(kernel.thread_id)
                    break
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "status" and content.get("execution_state") in ("restarting", "dead"):
                # A gateway's kernel died: its server says so over the websocket.
                result.status = "died"
                await self.pool.stop(kernel.thread_id)
                break
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if kind == "status" and content.get("execution_state") == "idle":
                break
            if kind == "execute_input":
                result.execution_count = content.get("execution_count")
            elif kind == "stream":
                budget, kept = self._add_text(result, content["name"], content.get("text", ""), budget)
                if kept:
                    tell({"output_type": "stream", "name": content["name"], "text": kept})
            elif kind in ("display_data", "execute_result"):
                count = len(result.outputs)
                budget = self._add_rich(kernel, result, kind, content, budget, record)
                if len(result.outputs) > count:
                    tell(result.outputs[-1])
            elif kind == "error":
                if result.status == "ok":
                    result.status = "error"
                result.error = {
                    "ename": content.get("ename", ""),
                    "evalue": strip_ansi(content.get("evalue", "")),
                    "traceback": [strip_ansi(line) for line in content.get("traceback", [])],
                }
                result.outputs.append({"output_type": "error", **result.error})
                tell(result.outputs[-1])

        if result.status == "timeout":
            result.error = {
                "ename": "TimeoutError",
                "evalue": f"The code ran longer than {timeout:g} seconds and was stopped.",
                "traceback": [],
            }
        elif result.status == "died":
            result.error = {
                "ename": "KernelDied",
                "evalue": self._death_message(over_memory, killed_signal),
                "traceback": [],
            }
            if over_memory is not None:
                result.error["ename"] = "KernelOutOfMemory"
        elif result.error and result.error["ename"] in MEMORY_ERRORS:
            result.outputs.append(
                {"output_type": "stream", "name": "stderr", "text": "\n" + self._memory_note() + "\n"}
            )
            tell(result.outputs[-1])
        if self.pool.running(kernel.thread_id) and result.status in ("ok", "error", "timeout"):
            await self._take_reply(client, msg_id)
        if result.truncated:
            result.outputs.append(
                {
                    "output_type": "stream",
                    "name": "stderr",
                    "text": f"\n[Output truncated: more than {self.max_output_bytes:,} bytes.]\n",
                }
            )
            tell(result.outputs[-1])
        result.duration = time.monotonic() - started
        return result

    def _memory_note(self) -> str:
        """What a step that ran out of memory tells the user and the model."""
        limit = self.memory.kernel_memory_limit
        held = f"This kernel may use {human_bytes(limit)} of memory" if limit else "The kernel ran out of memory"
        return (
            f"[{held}, and this code needed more. Work on less data at once: aggregate or "
            "filter first, use fewer columns, or for a dataset held in DuckDB query it with "
            "sql(...) instead of loading it. The kernel and its data are still there.]"
        )

    def _death_message(self, over_memory: int | None, killed_signal: int | None) -> str:
        fresh = "A fresh kernel with your data will be used next time."
        if over_memory is not None:
            return (
                f"The code used more memory ({human_bytes(over_memory)}) than an analysis kernel "
                f"may have ({human_bytes(self.memory.kernel_memory_limit)}), so Vista stopped the "
                f"kernel. {fresh} Work on less data at once (aggregate or filter first)."
            )
        if killed_signal == 9:
            return (
                "The Python kernel was killed while running this code, most likely because it "
                "ran out of memory (the system stops a process that uses more than it may). "
                f"{fresh} Work on less data at once (aggregate or filter first)."
            )
        return f"The Python kernel stopped while running this code (it may have run out of memory or crashed). {fresh}"

    @staticmethod
    async def _take_reply(client: Any, msg_id: str) -> None:
        """Consume the execute reply (results come from iopub) so replies do not pile up."""
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                reply = await client.get_shell_msg(timeout=max(0.0, deadline - time.monotonic()))
            except Exception:
                return
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return

    def _add_text(self, result: ExecutionResult, name: str, text: str, budget: int) -> tuple[int, str]:
        """Append stream text within the output budget; the budget left and the text kept."""
        data = text.encode("utf-8", "replace")
        if len(data) > budget:
            text = data[: max(budget, 0)].decode("utf-8", "ignore")
            result.truncated = True
        if text:
            last = result.outputs[-1] if result.outputs else None
            if last and last["output_type"] == "stream" and last["name"] == name:
                last["text"] += text
            else:
                result.outputs.append({"output_type": "stream", "name": name, "text": text})
        return budget - len(text.encode("utf-8")), text

    def _add_rich(
        self,
        kernel: PooledKernel,
        result: ExecutionResult,
        kind: str,
        content: dict[str, Any],
        budget: int,
        record: bool,
    ) -> int:
        data = content.get("data", {})
        output: dict[str, Any] = {"output_type": kind, "data": {}, "metadata": {}}
        if kind == "execute_result":
            output["execution_count"] = content.get("execution_count")
        for mime in TEXT_TYPES:
            if mime in data:
                value = data[mime] if isinstance(data[mime], str) else json.dumps(data[mime])
                size = len(value.encode("utf-8"))
                if size > budget:
                    result.truncated = True
                    continue
                output["data"][mime] = data[mime]
                budget -= size
        for mime in FIGURE_TYPES:
            if mime in data and record:
                output["artifact"] = self.artifacts.save_figure(kernel.owner, kernel.thread_id, mime, data[mime])
                break
        if output["data"] or "artifact" in output:
            result.outputs.append(output)
        return budget
