"""The kernel pool: one Jupyter kernel per thread, started, prepared, limited and stopped.

The pool owns kernels' lives; running the assistant's code in them and collecting what it
produces is the executor's (`kernels.KernelExecutor`), which the pool asks to run its own
preparation code too.

Kernels are started through the server's own `kernel_manager`, so a server configured with a
gateway runs them remotely with no change here. A thread's kernel works in the thread's folder
(it enters it itself: a gateway's kernel starts elsewhere, and one that cannot see the folder
fails saying what to mount) and has its datasets loaded from Parquet, each held as
`memory.KernelMemory` chose: a pandas DataFrame (`df` for the first), or for data too large for
the kernel's memory a DuckDB view with a sample and `sql()` (`setup_code`).

Spare kernels (`spare_kernels`, local kernels only): the pool keeps a kernel started ahead of
any thread, its imports done (`preload_code` without data), so that a thread being created from
a file need not wait for a kernel's start and imports, which cost more than reading a file of
tens of megabytes. A spare is nobody's: it runs no one's code, holds no data, works in no
thread's folder, and nobody may connect to it (`kernel_owner` names no user, so
`authorizer.VistaKernelAuthorizer` refuses everyone); it counts against no user's kernels. A
thread being created claims it (`warm_start`): it becomes that thread's kernel for good and
enters the thread's folder, with its memory limit, when the data loads, exactly as a kernel
started for the thread does; it is never handed to another thread. Any thread needing a kernel (a new
one, or one whose kernel was stopped or died) takes a spare the same way. A spare that died or
was restarted is shut down and the thread gets a kernel of its own. A new spare is started when Vista
is used (an upload begins: `want_spare`) and after a claimed spare has run its thread's first
code with the data loaded (so that starting it never competes with the first result, nor with the
load, for the machine); an idle spare
is stopped by the reaper like any idle kernel.

Code that reads the data files itself (the offline analyst's first look at a large file) may run
before the data is loaded (`use(data=False)`): the kernel is then only prepared for its thread
(`_enter`: folder, memory limit, imports, the files' paths). A new thread's turn holds its
background load back (`hold_data`) until that code ran, so the first result never waits for the
load; the load then goes ahead, and every other execution waits for it as before.

Readiness: a kernel counts as ready only once its data loaded. After a load that failed, timed
out or was interrupted (Stop while the data loads), the next execution starts a fresh kernel and
loads the data again (an import cut off halfway breaks a kernel for good), so a thread never
keeps a kernel without its `df`, `pd` or `plt`. Loading has its own time bound, sized by the data
(`load_timeout` plus a second per `LOAD_BYTES_PER_SECOND` of Parquet), never less than the
per-execution one: a large dataset can always be loaded.

Limits: kernels per user (a slot is reserved before a kernel starts; when all are taken, the
longest-idle kernel is stopped, and when every one is busy the execution waits for a slot, up to
the execution timeout, then is refused with a message saying why), idle shutdown (the reaper; a
later execution starts the kernel again and reloads the data). A kernel that died (the kernel
manager restarted it) is replaced by a fresh one with the data reloaded. One thread's kernel is
used by one execution at a time (`use`); threads run in parallel.

Memory (`kernel_memory_limit`): the kernel limits itself when its data loads (RLIMIT_DATA on
Linux, so an allocation beyond the limit fails with MemoryError); the executor watches a local
kernel's whole process tree while code runs (`kernel_pid`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import time
import uuid
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from jupyter_core.utils import ensure_async

from . import gateway, setup_code
from .errors import VistaError
from .folders import ThreadFolders
from .memory import KernelMemory
from .secrets import Secrets
from .store import Store

if TYPE_CHECKING:  # typing only: the executor imports this module
    from .kernels import ExecutionResult

#: What `kernel_owner` answers for a spare kernel: nobody's (no user is ever called this).
SPARE_OWNER = "\x00vista-spare"

#: The slowest loading speed the data-load bound allows for, in bytes of Parquet per second.
LOAD_BYTES_PER_SECOND = 20 << 20


def new_spare_id() -> str:
    return uuid.uuid4().hex


def _ready(task: asyncio.Task) -> PooledKernel | None:
    """The spare kernel a finished start produced (None: unfinished, or none produced)."""
    if not task.done() or task.cancelled() or task.exception() is not None:
        return None
    return task.result()


class KernelUnavailable(VistaError):
    """The kernel could not be started (503)."""

    status_code = 503
    reason = "kernel-unavailable"


# Figures describe themselves: a matplotlib figure's text form is its title(s), so each figure
# output carries a caption (the chat's alt text; what the model reads) instead of
# "<Figure size 640x480 with 1 Axes>". Inline, like the font code: the kernel may not have Vista.
_FIGURE_TEXT = """\
def _figure_text(fig, printer, cycle):
    titles = [fig._suptitle.get_text()] if getattr(fig, "_suptitle", None) else []
    titles += [t for ax in fig.axes for t in [ax.get_title() or ax.get_title("left")] if t]
    printer.text(" / ".join(t for t in titles if t.strip()) or repr(fig))
try:
    import matplotlib.figure
    # The inline backend, set up by the first figure, drops every printer of figures: start it first.
    plt.close(plt.figure())
    get_ipython().display_formatter.formatters["text/plain"].for_type(matplotlib.figure.Figure, _figure_text)
except Exception:
    pass"""


# A kernel started before its data exists also runs what loading data first imports and sets up:
# the Parquet reader (a third of a second), pandas' reading of it (a tiny table, in memory) and
# DuckDB (for data held there), so that loading the data is all that is left once the file has
# been read. Nothing is left in the user's namespace.
_WARM_PARQUET = """
def _vista_warm():
    try:
        import io
        import pyarrow
        import pyarrow.parquet
        buffer = io.BytesIO()
        pyarrow.parquet.write_table(pyarrow.table({"warm": [1]}), buffer)
        pd.read_parquet(io.BytesIO(buffer.getvalue()))
    except Exception:
        pass
    try:
        import duckdb  # noqa: F401
    except ImportError:
        pass
_vista_warm()
del _vista_warm"""


def preload_code(
    datasets: list[dict[str, Any]],
    *,
    loads: list[setup_code.DataLoad] | None = None,
    folder: str | None = None,
    memory_limit: int | None = None,
    duckdb_memory_limit: int | None = None,
    max_result_bytes: int | None = None,
    data: bool = True,
    entered: bool = False,
) -> str:
    """The code that prepares a fresh kernel: into `folder` with the memory limit
    (`setup_code.kernel_prelude`), imports (`names.PRELOADED`), then each dataset as `loads` says
    (by default all as pandas DataFrames). `data=False`: everything but the data, only the files'
    paths (`setup_code.file_code`); `entered`: that ran already, so only the data."""
    if loads is None:
        loads = [setup_code.DataLoad(d["var_name"], d["parquet_path"]) for d in datasets]
    data_code = setup_code.data_code(loads, memory_limit=duckdb_memory_limit, max_result_bytes=max_result_bytes)
    if entered:
        return data_code
    prelude = setup_code.kernel_prelude(folder, [load.path for load in loads], memory_limit)
    lines = [
        *([prelude] if prelude else []),
        setup_code.IMPORTS,
        "pd.set_option('display.max_columns', 50)",
        "pd.set_option('display.width', 200)",
        # The same font code as notebooks; a broken font never stops the data from loading.
        setup_code.font_code(guarded=True),
        _FIGURE_TEXT,
    ]
    if not data:
        data_code = setup_code.file_code(loads)
    if data_code:
        lines.append(data_code)
    return "\n".join(lines)


@dataclass
class PooledKernel:
    """One thread's kernel, as the pool holds it."""

    owner: str
    thread_id: str
    kernel_id: str
    client: Any
    last_used: float = field(default_factory=time.monotonic)
    #: The thread's data is loaded (false until a load succeeds, and again after a restart or
    #: a new dataset).
    loaded: bool = False
    #: Prepared for its thread but for the data (`KernelPool._enter`: its folder, memory limit,
    #: imports and the data files' paths), for code that reads the files itself.
    entered: bool = False
    #: The kernel manager restarted the kernel (it died) since the data was last loaded.
    restarted: bool = False
    #: The signal that ended the process it restarted (9: most likely out of memory), read when
    #: the restart began: afterwards the kernel manager holds the new process.
    exit_signal: int | None = None
    #: A load failed or was interrupted (an import cut off halfway leaves a module half
    #: imported for good): the next execution starts a fresh kernel.
    stale: bool = False
    #: Started or claimed for a new thread (`warm_start`): once it has run the thread's first
    #: code, a new spare is started (not before: it would compete with that first result).
    tops_up: bool = False
    #: Was a spare kernel (its imports were done before its thread took it).
    from_spare: bool = False


class Runner(Protocol):
    """How the pool runs its own preparation code (`KernelExecutor.run` is one)."""

    def __call__(
        self, kernel: PooledKernel, code: str, *, record: bool, timeout: float | None = None
    ) -> Awaitable[ExecutionResult]: ...


class KernelPool:
    """Per-thread kernels: start, prepare, limit, cull and stop them. See the module docstring."""

    def __init__(
        self,
        kernel_manager: Any,
        store: Store,
        folders: ThreadFolders,
        run: Runner,
        *,
        kernel_name: str = "python3",
        timeout: float = 120.0,
        max_kernels_per_user: int = 4,
        idle_timeout: float = 1800.0,
        secrets: Secrets | None = None,
        load_timeout: float = 60.0,
        memory: KernelMemory | None = None,
        kernel_data_dir: str = "",
        spare_kernels: int = 0,
        log: logging.Logger | None = None,
    ):
        self.kernel_manager = kernel_manager
        self.store = store
        self.folders = folders
        #: Runs preparation code in a kernel (the executor's run loop: limits, death detection).
        self.run = run
        self.kernel_name = kernel_name
        #: The per-execution time bound: the least a data load may take, and by default how
        #: long an execution waits for a kernel slot.
        self.timeout = timeout
        self.max_kernels_per_user = max_kernels_per_user
        self.idle_timeout = idle_timeout
        # Kernels never see the server's secrets.
        self.secrets = secrets or Secrets()
        self.load_timeout = load_timeout
        #: The kernels' memory limit, and how each dataset is held in them.
        self.memory = memory or KernelMemory()
        #: Where kernels see the data folder (empty: where the server sees it).
        self.kernel_data_dir = kernel_data_dir
        self._warned_limit = False
        #: Seconds an execution waits for a kernel slot when all are busy (None: `timeout`).
        self.slot_wait: float | None = None
        self.log = log or logging.getLogger(__name__)
        self._kernels: dict[str, PooledKernel] = {}
        #: Per owner, the threads holding a kernel slot (a kernel running or starting).
        self._slots: dict[str, set[str]] = {}
        self._slot_changed = asyncio.Event()
        #: Owner of every kernel this pool started (for `authorizer.VistaKernelAuthorizer`).
        self._kernel_owners: dict[str, str] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._reaper: asyncio.Task | None = None
        self._background: set[asyncio.Task] = set()
        #: Kernels being started for threads still being created (`warm_start`), and the
        #: threads among them that will not be created after all (`discard`).
        self._warming: dict[str, asyncio.Task] = {}
        self._discarded: set[str] = set()
        #: Kernels kept started ahead of any thread (see the module docstring), at most this many.
        self.spare_kernels = spare_kernels
        #: The spares, each the task starting it (its result: the kernel, or None if it failed).
        self._spares: list[asyncio.Task] = []
        #: A new thread's first question (the automatic overview) follows its creation at once.
        self.overview_follows = False
        #: Threads whose background data load waits (`hold_data`), each until its event is set.
        self._holds: dict[str, asyncio.Event] = {}

    # --- what the rest of Vista asks ------------------------------------------------------------

    def running(self, thread_id: str) -> bool:
        """Whether the thread has a kernel now."""
        return thread_id in self._kernels

    def holds(self, kernel: PooledKernel) -> bool:
        """Whether `kernel` is still its thread's kernel (not stopped meanwhile)."""
        return self._kernels.get(kernel.thread_id) is kernel

    def kernel_owner(self, kernel_id: str) -> str | None:
        """Whose analysis kernel `kernel_id` is; `None` if Vista did not start it."""
        return self._kernel_owners.get(kernel_id)

    def kernel_id(self, thread_id: str) -> str | None:
        """The server's id of the thread's kernel, if it has one."""
        kernel = self._kernels.get(thread_id)
        return kernel.kernel_id if kernel else None

    @asynccontextmanager
    async def use(self, owner: str, thread_id: str, *, data: bool = True) -> AsyncIterator[PooledKernel]:
        """The thread's ready kernel (started and its data loaded), held by the caller alone
        until the block ends; it then counts as used now, and a start waiting for a slot may
        take it (it is idle again). `data=False`: for code that reads the data files itself,
        the kernel need not have loaded the data (`_enter`); a load held back for it
        (`hold_data`) goes ahead once it ran."""
        try:
            async with self._lock(thread_id):
                kernel = await self._ensure(owner, thread_id, data=data)
                yield kernel
                kernel.last_used = time.monotonic()
                # (not before the data is loaded: a new spare's start would compete with the load)
                if kernel.tops_up and kernel.loaded:
                    kernel.tops_up = False
                    try:
                        self.want_spare()
                    except Exception as e:  # never the execution's failure
                        self.log.warning("Vista: a spare kernel could not be started: %s", e)
        finally:
            self.release_data(thread_id)
            self._signal()

    # --- lifecycle ------------------------------------------------------------------------------

    def start_reaper(self) -> None:
        """Begin shutting down idle kernels periodically (call once the event loop runs)."""
        if self._reaper is None and self.idle_timeout > 0:
            self._reaper = asyncio.ensure_future(self._reap_idle())

    async def _reap_idle(self) -> None:
        period = max(0.05, min(60.0, self.idle_timeout / 4))
        while True:
            await asyncio.sleep(period)
            now = time.monotonic()
            for task in list(self._spares):
                spare = _ready(task)
                if spare is not None and now - spare.last_used > self.idle_timeout and task in self._spares:
                    self.log.info("Vista: stopping the idle spare kernel")
                    self._spares.remove(task)
                    await self._shut_down(spare)
            for thread_id, kernel in list(self._kernels.items()):
                lock = self._lock(thread_id)
                if now - kernel.last_used > self.idle_timeout and not lock.locked():
                    self.log.info("Vista: stopping idle kernel of thread %s", thread_id)
                    async with lock:
                        await self.stop(thread_id)

    def _lock(self, thread_id: str) -> asyncio.Lock:
        return self._locks.setdefault(thread_id, asyncio.Lock())

    def prestart(self, owner: str, thread_id: str) -> None:
        """Start (or reload) the thread's kernel in the background, so a first question need not wait.
        A kernel the thread already has (started early by `warm_start`, or with older data)
        loads the thread's data now, while a first question is still being planned."""
        if thread_id in self._kernels:
            self._kernels[thread_id].loaded = False

        async def start() -> None:
            try:
                async with self._lock(thread_id):
                    # Only into a free slot: a background start never stops another kernel.
                    if not (thread_id in self._kernels or self._take_slot(owner, thread_id)):
                        return
                    # A held load (`hold_data`) waits; the kernel is prepared meanwhile.
                    await self._ensure(owner, thread_id, data=thread_id not in self._holds)
                hold = self._holds.get(thread_id)
                if hold is not None:
                    await hold.wait()
                    async with self._lock(thread_id):
                        if thread_id in self._kernels:
                            await self._ensure(owner, thread_id)
            except Exception as e:  # a later execute reports it properly
                self.log.warning("Vista: background kernel start for %s failed: %s", thread_id, e)

        task = asyncio.ensure_future(start())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def hold_data(self, thread_id: str) -> None:
        """Hold back the thread's background data load (`prestart`) until `release_data`, or
        until code runs in its kernel (`use`): the first code, which reads the data files
        itself (`use(data=False)`), then runs before the load instead of after it. The kernel is
        still started and prepared (`_enter`) meanwhile."""
        self._holds.setdefault(thread_id, asyncio.Event())

    def release_data(self, thread_id: str) -> None:
        """Let the thread's held data load go ahead (see `hold_data`)."""
        hold = self._holds.pop(thread_id, None)
        if hold is not None:
            hold.set()

    def warm_start(self, owner: str, thread_id: str) -> None:
        """Start the kernel of a thread that is being created while its data is still being read:
        the kernel starts and runs the imports (`preload_code` without data), so the first
        execution only loads the data, taking a spare kernel when there is one. Only into a free
        slot, unless the overview follows (`overview_follows`): then the owner's longest-idle
        kernel is stopped for it, as the overview would a moment later. The kernel is not ready
        (`loaded`) until its data loaded; `discard` stops it when the thread is not created after
        all."""

        # The imports run before the kernel's memory limit applies: `preload_code([])` has no
        # prelude, so pandas, matplotlib and pyarrow load with no RLIMIT_DATA (the executor's
        # watch of a local kernel's memory is on, as for all code the pool runs). The limit is
        # set when the data loads (`_load_data`: its prelude runs first), and what the imports
        # hold counts against it from then on: Linux accepts a limit below what a process holds
        # and refuses only later allocations, so nothing escapes the limit (a cold kernel has
        # run ipykernel unlimited too). The prelude also moves an already imported pyarrow to
        # the system allocator, which it would otherwise have picked at import.

        async def start() -> None:
            try:
                async with self._lock(thread_id):
                    # When the overview follows at once, the new thread's kernel is wanted now:
                    # a slot held by an idle kernel is freed for it, as that question would free
                    # it a moment later. Otherwise only a free slot is taken.
                    if thread_id in self._kernels:
                        return
                    if not (
                        await self._free_slot(owner, thread_id)
                        if self.overview_follows
                        else self._take_slot(owner, thread_id)
                    ):
                        return
                    kernel = await self._start(owner, thread_id)
                    if kernel.from_spare:  # its imports are done
                        return
                    kernel.tops_up = True
                    if thread_id in self._discarded:
                        return  # the thread is not being created any more: `discard` stops it
                    result = await self.run(
                        kernel, preload_code([]) + _WARM_PARQUET, record=False, timeout=self.load_timeout
                    )
                    # imports cut off or failed: the next execution starts a fresh kernel
                    kernel.stale = result.status != "ok"
            except Exception as e:  # a later execute starts the kernel and reports it properly
                self.log.warning("Vista: early kernel start for %s failed: %s", thread_id, e)

        task = asyncio.ensure_future(start())
        self._background.add(task)
        self._warming[thread_id] = task

        def done(finished: asyncio.Task) -> None:
            self._background.discard(finished)
            if self._warming.get(thread_id) is finished:
                del self._warming[thread_id]

        task.add_done_callback(done)

    async def discard(self, thread_id: str) -> None:
        """Stop the kernel `warm_start` began for a thread that was not created (its reading
        failed or was cancelled), once its start finished (a start cut off halfway can leave a
        kernel behind)."""
        task = self._warming.get(thread_id)
        self._discarded.add(thread_id)
        try:
            if task is not None:
                await asyncio.wait([task])
            await self.shutdown(thread_id)
        finally:
            self._discarded.discard(thread_id)

    async def interrupt(self, thread_id: str) -> None:
        """Interrupt whatever the thread's kernel is running (Stop, or a cancelled turn)."""
        kernel = self._kernels.get(thread_id)
        if kernel is not None and kernel.kernel_id in self.kernel_manager:
            await self.interrupt_kernel(kernel)

    async def shutdown(self, thread_id: str) -> None:
        """Stop the thread's kernel (when the thread is deleted)."""
        self.release_data(thread_id)
        async with self._lock(thread_id):
            await self.stop(thread_id)
        self._locks.pop(thread_id, None)

    async def shutdown_all(self) -> None:
        """Stop every kernel (when the server stops)."""
        if self._reaper is not None:
            self._reaper.cancel()
        for thread_id in list(self._holds):
            self.release_data(thread_id)
        # Let kernel starts under way finish (a start cancelled halfway can leave a kernel
        # the server's own clean-up then trips over), then stop everything.
        if self._background:
            _, pending = await asyncio.wait(set(self._background), timeout=15)
            for task in pending:
                task.cancel()
        for thread_id in list(self._kernels):
            await self.stop(thread_id)
        spares, self._spares = self._spares, []
        self.spare_kernels = 0  # none is started any more
        for task in spares:
            spare = _ready(task)
            if spare is not None:
                await self._shut_down(spare)

    async def stop(self, thread_id: str) -> None:
        """Stop the thread's kernel now (the caller holds the thread's lock: `use`, or a pool
        method); the next use starts a fresh one and loads the data."""
        kernel = self._kernels.get(thread_id)
        if kernel is None:
            return
        await self._shut_down(kernel)
        # What DuckDB spilled is the stopped kernel's alone (one kernel per thread): a kernel
        # stopped mid-query (killed for its memory) would otherwise leave it behind.
        shutil.rmtree(self.folders.path_for(thread_id) / setup_code.SPILL_DIR, ignore_errors=True)
        # Forget it only once it is gone, so `running()` never reports a kernel still stopping.
        if self._kernels.get(thread_id) is kernel:
            del self._kernels[thread_id]
            self._release_slot(kernel.owner, thread_id)

    async def _shut_down(self, kernel: PooledKernel) -> None:
        """Stop a kernel's process and forget whose it was (a thread's: `stop`; a spare)."""
        try:
            kernel.client.stop_channels()
        except Exception:
            pass
        if kernel.kernel_id in self.kernel_manager:
            try:
                await self.kernel_manager.shutdown_kernel(kernel.kernel_id, now=True)
            except Exception as e:
                self.log.warning("Vista: could not shut down kernel %s: %s", kernel.kernel_id, e)
        self._kernel_owners.pop(kernel.kernel_id, None)

    # --- spare kernels ---------------------------------------------------------------------------

    def want_spare(self) -> None:
        """Start spare kernels in the background up to `spare_kernels` (Vista is being used)."""
        while len(self._spares) < self.spare_kernels:
            task = asyncio.ensure_future(self._start_spare())
            self._spares.append(task)
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    async def _start_spare(self) -> PooledKernel | None:
        """A kernel of nobody's, started in the data folder's root (no thread's), with the
        imports done; None when it could not be started or prepared."""
        self.start_reaper()
        spare_id = f"spare:{new_spare_id()}"
        try:
            kernel = await self._launch(SPARE_OWNER, spare_id, cwd=self.kernel_data_dir or str(self.folders.data_dir))
        except Exception as e:
            self.log.warning("Vista: a spare kernel could not be started: %s", e)
            return None
        self._watch_restarts(kernel)
        try:
            result = await self.run(kernel, preload_code([]) + _WARM_PARQUET, record=False, timeout=self.load_timeout)
            ok = result.status == "ok"
        except Exception as e:
            self.log.warning("Vista: a spare kernel could not be prepared: %s", e)
            ok = False
        if not ok:
            await self._shut_down(kernel)
            return None
        kernel.last_used = time.monotonic()
        return kernel

    async def _claim_spare(self, owner: str, thread_id: str) -> PooledKernel | None:
        """A spare kernel made the thread's own (its slot is reserved), or None when there is no
        spare or it is no longer fit (dead, restarted, failed): the caller starts one."""
        while self._spares:
            # A ready one first; one still starting is further along than a kernel started now.
            task = next((t for t in self._spares if t.done()), self._spares[0])
            self._spares.remove(task)
            spare = await asyncio.shield(task)
            if spare is None:
                continue
            if spare.restarted or spare.kernel_id not in self.kernel_manager or not await self.alive(spare):
                self.log.info("Vista: the spare kernel died; starting one for thread %s", thread_id)
                await self._shut_down(spare)
                continue
            self.folders.create(thread_id)  # the kernel enters it when the data loads
            spare.owner, spare.thread_id = owner, thread_id
            spare.loaded, spare.entered, spare.stale, spare.tops_up, spare.from_spare = False, False, False, True, True
            spare.last_used = time.monotonic()
            self._kernel_owners[spare.kernel_id] = owner
            self._kernels[thread_id] = spare
            return spare
        return None

    # --- kernel slots (max_kernels_per_user) -----------------------------------------------------

    def _signal(self) -> None:
        """Wake executions waiting for a slot (one was freed, or a kernel became idle)."""
        self._slot_changed.set()
        self._slot_changed = asyncio.Event()

    def _take_slot(self, owner: str, thread_id: str) -> bool:
        """Reserve a kernel slot for a thread if one is free (synchronously: no start can
        slip in between the count and the reservation)."""
        held = self._slots.setdefault(owner, set())
        if thread_id in held or self.max_kernels_per_user <= 0 or len(held) < self.max_kernels_per_user:
            held.add(thread_id)
            return True
        return False

    def _release_slot(self, owner: str, thread_id: str) -> None:
        held = self._slots.get(owner)
        if held is not None and thread_id in held:
            held.discard(thread_id)
            if not held:
                del self._slots[owner]
            self._signal()

    async def _free_slot(self, owner: str, thread_id: str) -> bool:
        """A slot for the thread's kernel without waiting: a free one, else the one of the
        owner's longest-idle kernel (stopped); whether it got one."""
        while not self._take_slot(owner, thread_id):
            if not await self._stop_longest_idle(owner):
                return False
        return True

    async def _stop_longest_idle(self, owner: str) -> bool:
        """Stop the owner's longest-idle kernel (none is being used); whether there was one."""
        idle = [
            self._kernels[t] for t in self._slots.get(owner, ()) if t in self._kernels and not self._lock(t).locked()
        ]
        if not idle:
            return False
        victim = min(idle, key=lambda k: k.last_used)
        self.log.info("Vista: %s is at %d kernels; stopping the longest idle one", owner, self.max_kernels_per_user)
        async with self._lock(victim.thread_id):  # free: acquired without waiting
            await self.stop(victim.thread_id)
        return True

    async def _reserve_slot(self, owner: str, thread_id: str) -> None:
        """A slot for the thread's kernel: a free one, else the one of the owner's longest-idle
        kernel (stopped), else wait for one up to the execution timeout."""
        deadline = time.monotonic() + (self.timeout if self.slot_wait is None else self.slot_wait)
        while not self._take_slot(owner, thread_id):
            if await self._stop_longest_idle(owner):
                continue
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise KernelUnavailable(
                    f"All {self.max_kernels_per_user} of your analysis kernels are busy (the limit "
                    "per user). Try again when one of your other analyses has finished, or stop one."
                )
            changed = self._slot_changed
            try:
                await asyncio.wait_for(changed.wait(), timeout=remaining)
            except asyncio.TimeoutError:
                pass

    # --- starting and preparing kernels ----------------------------------------------------------

    async def _ensure(self, owner: str, thread_id: str, *, data: bool = True) -> PooledKernel:
        """The thread's live kernel with its data loaded (caller holds the thread's lock);
        `data=False`: at least prepared for the thread (`_enter`)."""
        kernel = self._kernels.get(thread_id)
        if kernel is not None and (
            kernel.stale or kernel.kernel_id not in self.kernel_manager or not await self.alive(kernel)
        ):
            await self.stop(thread_id)
            kernel = None
        if kernel is None:
            kernel = await self._start(owner, thread_id)
        if data and not kernel.loaded:
            await self._load_data(kernel)
        elif not data and not kernel.loaded and not kernel.entered:
            await self._enter(kernel)
        return kernel

    async def _start(self, owner: str, thread_id: str) -> PooledKernel:
        """The thread's new kernel, in a slot reserved for it: a spare kernel when there is one
        (`_claim_spare`), else one started now."""
        self.start_reaper()
        await self._reserve_slot(owner, thread_id)
        try:
            spare = await self._claim_spare(owner, thread_id)
            if spare is not None:
                return spare
            kernel = await self._launch(owner, thread_id)
        except BaseException:
            self._release_slot(owner, thread_id)
            raise
        self._kernels[thread_id] = kernel
        self._watch_restarts(kernel)
        return kernel

    def _watch_restarts(self, kernel: PooledKernel) -> None:
        def restarted() -> None:
            # called by the kernel manager's restarter before it starts the new process
            kernel.exit_signal = self.killed_by_signal(kernel)
            kernel.restarted = True
            kernel.loaded = kernel.entered = False

        self.kernel_manager.add_restart_callback(kernel.kernel_id, restarted, event="restart")

    async def _launch(self, owner: str, thread_id: str, cwd: str | None = None) -> PooledKernel:
        """Start a kernel for the thread (its slot is reserved) and wait until it answers; `cwd`:
        where it starts instead of the thread's folder (a spare's)."""
        if cwd is None:
            self.folders.create(thread_id)  # the kernel enters it (remote kernels: as kernel_data_dir)
        try:
            kernel_id = await self.kernel_manager.start_kernel(
                # (a gateway is told where the kernel sees the folder; the kernel enters it itself)
                kernel_name=self.kernel_name,
                cwd=cwd or self.kernel_folder(thread_id),
                env=self.secrets.kernel_env(os.environ),
            )
        except Exception as e:
            raise KernelUnavailable(f"The analysis kernel ({self.kernel_name}) could not be started: {e}") from e
        self._kernel_owners[kernel_id] = owner
        km = self.kernel_manager.get_kernel(kernel_id)
        client = gateway.client_for(km)
        try:
            # A gateway's client opens its websocket asynchronously.
            await ensure_async(client.start_channels())
            await client.wait_for_ready(timeout=60)
        except BaseException as e:
            try:
                client.stop_channels()
            except Exception:  # channels that never opened
                pass
            await self.kernel_manager.shutdown_kernel(kernel_id, now=True)
            self._kernel_owners.pop(kernel_id, None)
            if not isinstance(e, Exception):
                raise
            raise KernelUnavailable(f"The analysis kernel did not become ready: {e}") from e
        return PooledKernel(owner, thread_id, kernel_id, client)

    def data_load_timeout(self, thread_id: str, datasets: list[dict[str, Any]]) -> float:
        """Seconds allowed to load a thread's data: `load_timeout` plus a second per
        `LOAD_BYTES_PER_SECOND` of Parquet, and never less than an execution may take."""
        folder = self.folders.path_for(thread_id)
        size = 0
        for d in datasets:
            try:
                size += (folder / d["parquet_path"]).stat().st_size
            except (OSError, TypeError):
                size += int(d.get("size_bytes") or 0)
        return max(self.timeout, self.load_timeout + size / LOAD_BYTES_PER_SECOND)

    async def _enter(self, kernel: PooledKernel) -> None:
        """Prepare the kernel for its thread but for the data (`preload_code(data=False)`), for
        code that reads the data files itself; a failure leaves it `stale` (the next execution
        starts a fresh kernel)."""
        kernel.restarted, kernel.exit_signal = False, None
        kernel.stale = True  # until it succeeds
        datasets = self.store.list_datasets(kernel.owner, kernel.thread_id)
        result = await self.run(kernel, await self._preload(kernel, datasets, data=False), record=False)
        self._check_prepared(result, "The analysis kernel could not be prepared")
        kernel.entered, kernel.stale = True, False

    async def _preload(self, kernel: PooledKernel, datasets: list[dict[str, Any]], *, data: bool) -> str:
        folder = self.folders.path_for(kernel.thread_id)
        loads = await asyncio.to_thread(self.memory.loads, folder, datasets)
        return preload_code(
            datasets,
            loads=loads,
            folder=self.kernel_folder(kernel.thread_id),
            memory_limit=self.memory.kernel_memory_limit or None,
            duckdb_memory_limit=self.memory.duckdb_memory_limit,
            max_result_bytes=self.memory.max_result_bytes,
            data=data,
            entered=data and kernel.entered,
        )

    def _check_prepared(self, result: ExecutionResult, failed: str) -> None:
        """Warn once when the kernel could not limit its memory; raise when `result` failed."""
        if setup_code.PRELUDE_MARK + " False" in result.stdout and not self._warned_limit:
            self._warned_limit = True
            self.log.warning(
                "Vista: the analysis kernel could not limit its own memory on this "
                "platform; kernel_memory_limit is not applied"
            )
        if result.status != "ok":
            detail = result.error["evalue"] if result.error else result.status
            raise KernelUnavailable(f"{failed}: {detail}")

    async def _load_data(self, kernel: PooledKernel) -> None:
        """Load the thread's data; the kernel counts as ready only once this succeeded (a
        failed or interrupted load leaves it not `loaded`, so the next execution loads again)."""
        kernel.loaded = False
        kernel.restarted, kernel.exit_signal = False, None
        datasets = self.store.list_datasets(kernel.owner, kernel.thread_id)
        limit = self.data_load_timeout(kernel.thread_id, datasets)
        kernel.stale = True  # until the load succeeds
        result = await self.run(kernel, await self._preload(kernel, datasets, data=True), record=False, timeout=limit)
        if result.status == "timeout":
            raise KernelUnavailable(
                f"Loading the thread's data took longer than {limit:.0f} seconds and was stopped; ask again to retry."
            )
        self._check_prepared(result, "The thread's data could not be loaded into the kernel")
        kernel.loaded, kernel.stale = True, False

    def kernel_folder(self, thread_id: str) -> str:
        """The thread's folder as its kernel sees it (`kernel_data_dir` for the data folder)."""
        folder = self.folders.path_for(thread_id)
        if not self.kernel_data_dir:
            return str(folder)
        return str(Path(self.kernel_data_dir) / self.folders.relative(folder))

    # --- the kernel's process ----------------------------------------------------------------------

    async def alive(self, kernel: PooledKernel) -> bool:
        """Whether the kernel's process (or a gateway's kernel) is still there."""
        km = self.kernel_manager.get_kernel(kernel.kernel_id)
        alive = km.is_alive()
        if asyncio.iscoroutine(alive):
            alive = await alive
        return bool(alive)

    async def interrupt_kernel(self, kernel: PooledKernel) -> None:
        """Send the kernel an interrupt (a KeyboardInterrupt in the running code)."""
        try:
            await self.kernel_manager.interrupt_kernel(kernel.kernel_id)
        except Exception as e:
            self.log.warning("Vista: interrupt failed for %s: %s", kernel.kernel_id, e)

    def kernel_pid(self, kernel: PooledKernel) -> int | None:
        """The process id of a local kernel (None for a remote one)."""
        try:
            km = self.kernel_manager.get_kernel(kernel.kernel_id)
        except KeyError:
            return None
        pid = getattr(getattr(km, "provisioner", None), "pid", None)
        return pid if isinstance(pid, int) else None

    def killed_by_signal(self, kernel: PooledKernel) -> int | None:
        """The signal that ended a local kernel's process, if one did (9: the out-of-memory
        killer of a container's or the machine's memory, or a kill -9)."""
        try:
            km = self.kernel_manager.get_kernel(kernel.kernel_id)
            code = km.provisioner.process.poll()
        except Exception:
            return None
        return -code if isinstance(code, int) and code < 0 else None
