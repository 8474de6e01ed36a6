"""The turn service: a question posted to a thread becomes a turn that runs on the server.

The user's message is stored (with the turn, atomically) before anything else happens; the turn
then runs as a task of the server, independent of any browser, and every step is appended to the
thread's event log as it happens. One turn runs per thread at a time (409 otherwise). A turn ends
`done`, `error`, `cancelled` (Stop: the model stream is closed and the kernel interrupted; what
was produced is kept) or `interrupted` (its server stopped or died while it ran). Either way its
assistant message is stored, assembled from what the turn produced.

This is the server's side of a turn (the store, the event log, tasks, recovery); the model's side,
the analysis loop and its clients, is the `assistant` package, which this module drives.

A turn is closed once: its message, status and `done` event are written in one transaction that
only succeeds while the turn is still running (`Store.finish_turn`), so two servers on one data
folder never answer one turn twice. Recovery closes only turns whose server is gone (`recover`).
When the closing write fails (a full disk), the turn is remembered and closed as soon as the disk
takes it: on the next question or Stop in its thread, or by the periodic housekeeping
(`close_stranded`), never leaving a thread "running" until a restart.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .assistant import prompt
from .assistant.clients import ModelError
from .assistant.loop import AnalysisLoop, Outcome, merge_streams
from .assistant.offline_client import OFFLINE_MODEL
from .assistant.registry import ModelRegistry
from .errors import VistaError
from .events import EventLog
from .kernels import KernelExecutor
from .memory import KernelMemory
from .setup_code import FIRST_LOOK_FILE_BYTES, DataLoad, file_names, first_look_reads_file, sample_names, sample_rows
from .store import Store, new_id

#: Messages read to build the model's history (the budget then keeps what fits).
RECENT_MESSAGES = 60

OVERVIEW_QUESTION = {
    "en": "Give me an overview of this data.",
    "ko": "이 데이터의 개요를 보여 주세요.",
}

_ENDINGS = {
    "cancelled": "Stopped at your request. The steps above are what was done before.",
    "interrupted": "This answer was interrupted because the Jupyter server stopped. Ask again to continue.",
}

_UNSAVED = "I could not save this answer; see the error above."
_STRANDED = "This answer stopped before it could be saved. Ask again to continue."


def _settle(target: concurrent.futures.Future, done: asyncio.Future) -> None:
    """Pass an asyncio future's outcome on to a thread-safe one (read on another event loop)."""
    if target.cancelled():  # its reader was cancelled (the turn stopped)
        return
    if done.cancelled():
        target.cancel()
    elif done.exception() is not None:
        target.set_exception(done.exception())
    else:
        target.set_result(done.result())


def _read_ahead(datasets: list[dict[str, Any]]) -> None:
    """What the offline analyst's planner reads from the datasets' files (blocking)."""
    from .assistant.offline.catalog import warm

    for dataset in datasets:
        warm(dataset)


@dataclass
class _Ending:
    """How a turn ended, kept until it is stored."""

    owner: str
    thread_id: str
    model: str
    status: str
    outcome: Outcome
    error: str | None = None


class TurnService:
    """Starts, follows, cancels and recovers turns."""

    def __init__(
        self,
        store: Store,
        events: EventLog,
        executor: KernelExecutor,
        models: ModelRegistry,
        *,
        max_steps: int = 8,
        memory: KernelMemory | None = None,
        log: logging.Logger | None = None,
    ):
        self.store = store
        #: How each dataset is held in the kernel (the prompt and the offline analyst follow it).
        self.memory = memory or KernelMemory()
        self.events = events
        self.executor = executor
        self.models = models
        self.max_steps = max_steps
        self.log = log or logging.getLogger(__name__)
        self._tasks: dict[str, asyncio.Task] = {}  # thread id -> running turn task
        self._turn_ids: dict[str, str] = {}  # thread id -> the turn its task runs
        #: Turns whose closing write failed (a full disk), by turn id, until they are stored.
        self._unclosed: dict[str, _Ending] = {}
        self._close_error: Exception = VistaError("The answer could not be saved.")
        #: Awaited with (owner, thread id) before a turn reads its datasets: their full profiles
        #: (the model's summary, the offline analyst) may still be being computed.
        self.profiles_ready: Callable[[str, str], Awaitable[None]] | None = None
        #: The offline analyst's overview reads its first look from a Parquet file of at least
        #: this many bytes, before the kernel has loaded the table (None: never).
        self.first_look_file_bytes: int | None = FIRST_LOOK_FILE_BYTES

    # --- lifecycle ------------------------------------------------------------------------------

    def recover(self, gone: Sequence[str] = ()) -> int:
        """Close the turns whose server is gone (`gone`, or no longer registered) as
        interrupted, with what they had produced rebuilt from their events; how many."""
        closed = 0
        for turn in self.store.orphaned_turns(gone):
            if turn["instance_id"] == self.store.instance_id:
                continue  # ours (our lease was taken for lost): `close_stranded` decides
            owner, thread_id = turn["owner"], turn["thread_id"]
            self.log.info("Vista: turn %s of a server that is gone ends as interrupted", turn["id"])
            outcome = self._replay(owner, thread_id, turn["id"])
            closed += self._close(_Ending(owner, thread_id, turn["model"], "interrupted", outcome), turn["id"])
        return closed

    def close_stranded(self, thread_id: str | None = None, *, strict: bool = False) -> int:
        """Close this server's running turns that no task runs any more (their closing write
        failed), in one thread or all; how many. `strict`: raise the store's error (e.g. the
        disk is still full) instead of leaving the turn for the next try."""
        closed = 0
        for turn in self.store.running_turns(self.store.instance_id):
            tid = turn["thread_id"]
            if (thread_id is not None and tid != thread_id) or self._turn_ids.get(tid) == turn["id"]:
                continue
            ending = self._unclosed.get(turn["id"]) or _Ending(
                turn["owner"],
                tid,
                turn["model"],
                "error",
                self._replay(turn["owner"], tid, turn["id"]),
                _STRANDED,
            )
            if self._close(ending, turn["id"]):
                closed += 1
            elif strict:
                raise self._close_error
        return closed

    async def shutdown(self) -> None:
        """Stop running turns when the server stops; they end as interrupted."""
        for task in list(self._tasks.values()):
            task.cancel("interrupted")
        if self._tasks:
            await asyncio.wait(list(self._tasks.values()), timeout=10)

    def on_thread_deleted(self, thread_id: str) -> None:
        """A deleted thread's turn stops at once."""
        task = self._tasks.get(thread_id)
        if task is not None:
            task.cancel("deleted")
        self.events.close_thread(thread_id)

    def running(self, thread_id: str) -> bool:
        return thread_id in self._tasks

    def _forget(self, thread_id: str, task: asyncio.Task) -> None:
        if self._tasks.get(thread_id) is task:
            del self._tasks[thread_id]
            self._turn_ids.pop(thread_id, None)

    # --- asking ---------------------------------------------------------------------------------

    def ask(
        self,
        owner: str,
        thread_id: str,
        content: str,
        model: str | None = None,
        *,
        overview: bool = False,
        language: str = "en",
    ) -> dict[str, Any]:
        """Store the question, start its turn, and return both (the answer arrives as events)."""
        model = self.models.check(model)
        self.store.get_thread(owner, thread_id)  # strangers get 404, not 409
        if thread_id not in self._tasks:
            # A turn of this thread whose end could not be saved is closed first (or the
            # store's error, e.g. 507 for a full disk, says why nothing can be asked yet).
            self.close_stranded(thread_id, strict=True)
        turn_id = new_id()
        turn, message = self.store.start_turn(owner, thread_id, turn_id, model, content)
        try:
            self.events.append(
                owner, thread_id, turn_id, "turn_started", {"turn_id": turn_id, "model": model, "message": message}
            )
        except Exception as e:  # the question is stored, the turn cannot run: close it
            reason = e.message if isinstance(e, VistaError) else "Vista could not start this answer."
            self._close(_Ending(owner, thread_id, model, "error", Outcome(), reason), turn_id)
            raise
        if self._early(overview, model) and self._large_file(owner, thread_id):
            # Its first look may be read from the data file before the kernel loads the table:
            # the load waits for that look (or for `_run` to say there is none), never the look
            # for the load. Held now, before the thread's kernel can start loading. (A smaller
            # file is never held: its load starts at once, as its first look waits for it.)
            self.executor.hold_data(thread_id)
        task = asyncio.ensure_future(self._run(owner, thread_id, turn_id, model, overview=overview, language=language))
        self._tasks[thread_id] = task
        self._turn_ids[thread_id] = turn_id
        task.add_done_callback(lambda done: self._forget(thread_id, done))
        return {"turn": turn, "message": message}

    def ask_overview(self, owner: str, thread_id: str, language: str = "en") -> dict[str, Any]:
        """The automatic first turn of a thread: an overview of its data."""
        question = OVERVIEW_QUESTION.get(language, OVERVIEW_QUESTION["en"])
        return self.ask(owner, thread_id, question, overview=True, language=language)

    async def cancel(self, owner: str, thread_id: str) -> bool:
        """Stop the thread's running turn; whether there was one."""
        self.store.get_thread(owner, thread_id)
        task = self._tasks.get(thread_id)
        if task is None:
            # Nothing runs here; a turn whose end could not be saved is closed now.
            return self.close_stranded(thread_id, strict=True) > 0
        task.cancel("cancelled")
        await self.executor.interrupt(thread_id)
        await asyncio.wait([task], timeout=10)
        return True

    # --- running --------------------------------------------------------------------------------

    def _early(self, overview: bool, model: str) -> bool:
        """Whether the turn is the offline analyst's overview started from the dataset cards:
        its first step (size, columns, first rows) needs no profile, so it runs while the
        profiles are completed."""
        return overview and model == OFFLINE_MODEL and self.profiles_ready is not None

    def _large_file(self, owner: str, thread_id: str) -> bool:
        """Whether the thread's first dataset's Parquet file is large enough for the first look
        to be read from it (its size only: `_from_file` decides)."""
        if self.first_look_file_bytes is None:
            return False
        datasets = self.store.list_datasets(owner, thread_id)
        try:
            path = self.executor.folders.path_for(thread_id) / datasets[0]["parquet_path"]
            return path.stat().st_size >= self.first_look_file_bytes
        except (IndexError, KeyError, TypeError, OSError):
            return False

    def _from_file(self, thread_id: str, datasets: list[dict[str, Any]], loads: list[DataLoad]) -> str | None:
        """The variable holding the first dataset's Parquet file when the overview's first look is
        to be read from it (`first_look_reads_file`), else None (blocking: reads its footer)."""
        if self.first_look_file_bytes is None or not datasets or not loads or loads[0].mode != "pandas":
            return None
        path = self.executor.folders.path_for(thread_id) / datasets[0]["parquet_path"]
        if not first_look_reads_file(path, self.first_look_file_bytes):
            return None
        return file_names(loads)[loads[0].var]

    def _loads(self, thread_id: str, datasets: list[dict[str, Any]]) -> list[DataLoad]:
        """How the thread's datasets are held in its kernel (blocking: reads Parquet footers)."""
        return self.memory.loads(self.executor.folders.path_for(thread_id), datasets)

    def _datasets(self, owner: str, thread_id: str) -> list[dict[str, Any]]:
        """The thread's datasets with their profiles and summaries (blocking)."""
        return [self.store.get_dataset(owner, thread_id, d["id"]) for d in self.store.list_datasets(owner, thread_id)]

    def _datasets_and_loads(self, owner: str, thread_id: str) -> tuple[list[dict[str, Any]], list[DataLoad]]:
        """`_datasets` and their `_loads` (blocking)."""
        datasets = self._datasets(owner, thread_id)
        return datasets, self._loads(thread_id, datasets)

    def _messages(
        self,
        owner: str,
        thread_id: str,
        datasets: list[dict[str, Any]],
        fenced: bool,
        loads: list[DataLoad] | None = None,
    ) -> list[dict[str, Any]]:
        held = {load.var: load for load in loads or []}
        samples = sample_names(loads or [])
        notes = [
            prompt.DatasetNote(
                d["var_name"],
                d["summary"],
                mode=held[d["var_name"]].mode if d["var_name"] in held else "pandas",
                sample=samples.get(d["var_name"]),
                sample_rows=sample_rows(held[d["var_name"]].rows) if d["var_name"] in samples else 0,
            )
            for d in datasets
        ]
        system = prompt.system_message(notes, fenced, max_result_bytes=self.memory.max_result_bytes)
        # The most recent messages, the new question included (it is the last one); the loop
        # fits them to the context budget before each request.
        past = self.store.recent_messages(owner, thread_id, limit=RECENT_MESSAGES)
        return [system, *prompt.history(past)]

    async def _run(
        self, owner: str, thread_id: str, turn_id: str, model: str, *, overview: bool, language: str
    ) -> None:
        def emit(kind: str, data: dict[str, Any]) -> None:
            self.events.append(owner, thread_id, turn_id, kind, data)

        loop: AnalysisLoop | None = None
        status = "done"
        error: str | None = None  # for the user, when the turn fails
        # The offline analyst's overview starts from the datasets' cards: its first step (size,
        # columns, first rows) needs no profile, so it runs while the profiles are completed.
        early = self._early(overview, model)
        profiled: asyncio.Future | None = None
        try:
            if self.profiles_ready is not None and not early:
                await self.profiles_ready(owner, thread_id)
            # One trip to a worker thread for both (under load the workers are a queue)
            datasets, loads = await asyncio.to_thread(self._datasets_and_loads, owner, thread_id)
            from_file = await asyncio.to_thread(self._from_file, thread_id, datasets, loads) if early else None
            if from_file is None:
                self.executor.release_data(thread_id)  # no first look before the load
            held = {load.var: load for load in loads}
            samples = sample_names(loads)
            # The offline analyst reads category values from the Parquet file (the profile keeps
            # only a few); the server made that file, so it has it even when kernels are remote.
            folder = self.executor.folders.path_for(thread_id)

            def for_offline(datasets: list[dict[str, Any]]) -> list[dict[str, Any]]:
                return [
                    {
                        "var_name": d["var_name"],
                        "name": d["name"],
                        "profile": d["profile"],
                        "parquet_path": str(folder / d["parquet_path"]) if d.get("parquet_path") else None,
                        "mode": held[d["var_name"]].mode if d["var_name"] in held else "pandas",
                        "sample": samples.get(d["var_name"]),
                        "first_look_file": from_file if i == 0 else None,
                    }
                    for i, d in enumerate(datasets)
                ]

            async def full(ready: Callable[[str, str], Awaitable[None]]) -> list[dict[str, Any]]:
                await ready(owner, thread_id)
                got = for_offline(await asyncio.to_thread(self._datasets, owner, thread_id))
                await asyncio.to_thread(_read_ahead, got)
                return got

            datasets_for_offline = for_offline(datasets)
            answer: concurrent.futures.Future | None = None
            if early and self.profiles_ready is not None:
                # set here, read by the client on the model thread's loop
                answer = concurrent.futures.Future()
                profiled = asyncio.ensure_future(full(self.profiles_ready))
                profiled.add_done_callback(lambda done: _settle(answer, done))
            client = self.models.client(
                model, datasets_for_offline, overview=overview, language=language, profiled=answer
            )
            if getattr(client, "model", None) == OFFLINE_MODEL and not early:
                # Its planner reads category values from each Parquet file (cached per file):
                # read here, off the event loop, which the planning itself runs on.
                await asyncio.to_thread(_read_ahead, datasets_for_offline)
            # Off the event loop: reading and shaping the history grows with the messages read.
            messages = await asyncio.to_thread(self._messages, owner, thread_id, datasets, not client.uses_tools, loads)
            loop = AnalysisLoop(
                client,
                self.executor,
                owner,
                thread_id,
                emit,
                max_steps=self.max_steps,
                context_budget=self.models.budget_for(model),
                log=self.log,
            )
            outcome = await loop.run(messages)
            # Questions a client suggests (the offline analyst, when it declines) go with the
            # answer, for the sidebar to offer as chips.
            outcome.suggestions = list(getattr(client, "suggestions", None) or [])
        except asyncio.CancelledError as e:
            reason = str(e.args[0]) if e.args else "cancelled"
            status = "interrupted" if reason == "interrupted" else "cancelled"
            outcome = self._cut_short(loop)
            if status == "cancelled" or reason == "deleted":
                await self.executor.interrupt(thread_id)
        except (ModelError, VistaError) as e:
            status, error = "error", str(e)
            # Model messages quote the server but never a secret: fit for an admin's log.
            self.log.warning("Vista: turn %s (thread %s, model %r) failed: %s", turn_id, thread_id, model, error)
            outcome = self._cut_short(loop)
        except Exception:
            self.log.exception("Vista: turn %s failed", turn_id)
            status, error = (
                "error",
                ("Something went wrong inside Vista while answering. The details are in the server log."),
            )
            outcome = self._cut_short(loop)
        finally:
            if profiled is not None and not profiled.done():
                profiled.cancel()  # the turn ended before its plan needed the profiles
            if early:
                self.executor.release_data(thread_id)
        self._close(_Ending(owner, thread_id, model, status, outcome, error), turn_id)

    def _close(self, ending: _Ending, turn_id: str) -> bool:
        """Store a turn's end (its error event, message, status and `done` event, together) and
        push the events; whether the turn is closed now. When the write fails, a short error
        ending is tried (a full disk may still take a small write); when that fails too, the
        ending is kept for `close_stranded`."""
        outcome, status, error = ending.outcome, ending.status, ending.error
        content = outcome.content or _ENDINGS.get(status, "")
        if status == "error" and not outcome.content:
            content = "I could not finish this answer; see the error above."
        metadata: dict[str, Any] = {"model": ending.model, "steps": outcome.steps, "usage": outcome.usage}
        if getattr(outcome, "suggestions", None):
            metadata["suggestions"] = outcome.suggestions
        if error is not None:
            metadata["error"] = error  # shown with the answer whenever the thread is opened
        timing = {k: round(v, 2) for k, v in outcome.timing.items()}
        owner, thread_id = ending.owner, ending.thread_id
        try:
            # With the streamed pieces still waiting to be stored, in the same transaction.
            self.events.finish(
                thread_id,
                lambda waiting, first: self.store.finish_turn(
                    owner,
                    thread_id,
                    turn_id,
                    status,
                    content,
                    metadata,
                    outcome.usage,
                    error=error,
                    timing=timing,
                    pending=waiting,
                    first_seq=first,
                ),
            )
        except Exception as e:
            if turn_id not in self._unclosed:  # once, not at every retry
                self.log.warning(
                    "Vista: the end of turn %s could not be saved (%s); it is saved as soon as possible", turn_id, e
                )
            reason = e.message if isinstance(e, VistaError) else "Vista could not save this answer."
            try:
                self.events.finish(
                    thread_id,
                    lambda _, first: self.store.finish_turn(
                        owner,
                        thread_id,
                        turn_id,
                        "error",
                        _UNSAVED,
                        {"model": ending.model, "error": reason},
                        {},
                        error=reason,
                        first_seq=first,
                    ),
                    drop_waiting=True,
                )
            except Exception as again:
                self._unclosed[turn_id] = ending
                self._close_error = again
                return False
        self._unclosed.pop(turn_id, None)
        return True

    @staticmethod
    def _cut_short(loop: AnalysisLoop | None) -> Outcome:
        """What a stopped or failed turn produced, the step in progress included."""
        return loop.partial() if loop is not None else Outcome()

    def _replay(self, owner: str, thread_id: str, turn_id: str) -> Outcome:
        """What a turn had produced, rebuilt from its events (for turns cut off by a restart):
        steps with code and their outputs, and prose that was streamed."""
        outcome = Outcome()
        steps: dict[int, dict[str, Any]] = {}
        texts: dict[int, list[str]] = {}
        for event in self.store.list_events(owner, thread_id, turn_id=turn_id, limit=100_000):
            data = event["data"]
            step = data.get("step", 0)
            if event["type"] == "text":
                texts.setdefault(step, []).append(data["delta"])
            elif event["type"] == "text_reset":
                texts[step] = []
            elif event["type"] == "code":
                steps[step] = {
                    "step": step,
                    "code": data["code"],
                    "result": {"status": "interrupted", "outputs": [], "error": None},
                }
            elif event["type"] == "output" and step in steps:
                steps[step]["result"]["outputs"].append(data["output"])
            elif event["type"] == "step_done" and step in steps:
                steps[step]["result"]["status"] = data["status"]
        for step, text in texts.items():
            if step not in steps and "".join(text).strip():
                steps[step] = {"step": step, "code": None, "result": None}
        for step, item in sorted(steps.items()):
            item["text"] = "".join(texts.get(step, []))
            if item["result"] is not None:
                item["result"]["outputs"] = merge_streams(item["result"]["outputs"])
            outcome.steps.append(item)
        return outcome
