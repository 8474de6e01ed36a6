"""The turn service: a question posted to a thread becomes a turn that runs on the server.

The user's message is stored (with the turn, atomically) before anything else happens; the turn
then runs as a task of the server, independent of any browser, and every step is appended to the
thread's event log as it happens. One turn runs per thread at a time (409 otherwise). A turn ends
`done`, `error`, `cancelled` (Stop: the model stream is closed and the kernel interrupted; what
was produced is kept) or `interrupted` (the server stopped or restarted while it ran). Either way
its assistant message is stored, assembled from what the turn produced.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from .assistant import prompt
from .assistant.clients import ModelError
from .assistant.loop import AnalysisLoop, Outcome, merge_streams
from .assistant.registry import ModelRegistry
from .errors import VistaError
from .events import EventLog
from .kernels import KernelExecutor
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


class TurnService:
    """Starts, follows, cancels and recovers turns."""

    def __init__(self, store: Store, events: EventLog, executor: KernelExecutor,
                 models: ModelRegistry, *, max_steps: int = 8, log: logging.Logger | None = None):
        self.store = store
        self.events = events
        self.executor = executor
        self.models = models
        self.max_steps = max_steps
        self.log = log or logging.getLogger(__name__)
        self._tasks: dict[str, asyncio.Task] = {}  # thread id -> running turn task

    # --- lifecycle ------------------------------------------------------------------------------

    def recover(self) -> None:
        """Mark turns left running by a previous server process as interrupted (at start-up)."""
        for turn in self.store.running_turns():
            owner, thread_id = turn["owner"], turn["thread_id"]
            outcome = self._replay(owner, thread_id, turn["id"])
            self._finish(owner, thread_id, turn["id"], turn["model"], "interrupted", outcome)

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

    # --- asking ---------------------------------------------------------------------------------

    def ask(self, owner: str, thread_id: str, content: str, model: str | None = None, *,
            overview: bool = False, language: str = "en") -> dict[str, Any]:
        """Store the question, start its turn, and return both (the answer arrives as events)."""
        model = self.models.check(model)
        if thread_id in self._tasks:
            self.store.get_thread(owner, thread_id)  # strangers get 404, not 409
        turn_id = new_id()
        turn, message = self.store.start_turn(owner, thread_id, turn_id, model, content)
        self.events.append(owner, thread_id, turn_id, "turn_started",
                           {"turn_id": turn_id, "model": model, "message": message})
        task = asyncio.ensure_future(
            self._run(owner, thread_id, turn_id, model, overview=overview, language=language)
        )
        self._tasks[thread_id] = task
        task.add_done_callback(lambda _: self._tasks.pop(thread_id, None))
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
            return False
        task.cancel("cancelled")
        await self.executor.interrupt(thread_id)
        await asyncio.wait([task], timeout=10)
        return True

    # --- running --------------------------------------------------------------------------------

    def _messages(self, owner: str, thread_id: str, model: str, fenced: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        datasets = [self.store.get_dataset(owner, thread_id, d["id"])
                    for d in self.store.list_datasets(owner, thread_id)]
        system = prompt.system_message([(d["var_name"], d["summary"]) for d in datasets], fenced)
        # The most recent messages, the new question included (it is the last one); older ones
        # would not fit in the context budget anyway.
        past = self.store.recent_messages(owner, thread_id, limit=RECENT_MESSAGES)
        budget = self.models.context_budget - prompt.tokens(system["content"])
        return [system, *prompt.history(past, max(budget, 500))], datasets

    async def _run(self, owner: str, thread_id: str, turn_id: str, model: str, *,
                   overview: bool, language: str) -> None:
        def emit(kind: str, data: dict[str, Any]) -> None:
            self.events.append(owner, thread_id, turn_id, kind, data)

        loop: AnalysisLoop | None = None
        status = "done"
        error: str | None = None  # for the user, when the turn fails
        try:
            datasets_for_offline: list[dict[str, Any]] = []
            probe = self.models.client(model, [], overview=overview, language=language)
            # Off the event loop: reading and trimming the history grows with the messages read.
            messages, datasets = await asyncio.to_thread(self._messages, owner, thread_id, model,
                                                         not probe.uses_tools)
            datasets_for_offline = [{"var_name": d["var_name"], "name": d["name"],
                                     "profile": d["profile"]} for d in datasets]
            client = self.models.client(model, datasets_for_offline, overview=overview, language=language)
            loop = AnalysisLoop(client, self.executor, owner, thread_id, emit, max_steps=self.max_steps)
            outcome = await loop.run(messages)
        except asyncio.CancelledError as e:
            reason = str(e.args[0]) if e.args else "cancelled"
            status = "interrupted" if reason == "interrupted" else "cancelled"
            outcome = self._cut_short(loop)
            if status == "cancelled" or reason == "deleted":
                await self.executor.interrupt(thread_id)
        except (ModelError, VistaError) as e:
            status, error = "error", str(e)
            outcome = self._cut_short(loop)
        except Exception:
            self.log.exception("Vista: turn %s failed", turn_id)
            status, error = "error", ("Something went wrong inside Vista while answering. "
                                      "The details are in the server log.")
            outcome = self._cut_short(loop)
        if error is not None:
            emit("error", {"message": error})
        self._finish(owner, thread_id, turn_id, model, status, outcome, error)

    def _finish(self, owner: str, thread_id: str, turn_id: str, model: str, status: str,
                outcome: Outcome, error: str | None = None) -> None:
        content = outcome.content or _ENDINGS.get(status, "")
        if status == "error" and not outcome.content:
            content = "I could not finish this answer; see the error above."
        metadata: dict[str, Any] = {"model": model, "steps": outcome.steps, "usage": outcome.usage}
        if error is not None:
            metadata["error"] = error  # shown with the answer whenever the thread is opened
        message = self.store.finish_turn(owner, thread_id, turn_id, status, content, metadata,
                                         outcome.usage)
        if message is not None:
            timing = {k: round(v, 2) for k, v in outcome.timing.items()}
            self.events.append(owner, thread_id, turn_id, "done",
                               {"status": status, "usage": outcome.usage, "timing": timing,
                                "message": message})

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
                steps[step] = {"step": step, "code": data["code"],
                               "result": {"status": "interrupted", "outputs": [], "error": None}}
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
