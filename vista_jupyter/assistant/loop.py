"""The analysis loop of one turn: ask the model, run the code it asks for, show it the results,
until it answers (or the step budget is spent).

Everything the user should see is emitted as an event as it happens: text as it streams (`text`,
withdrawn with `text_reset` when a broken stream is retried), the code about to run (`code`), each
output as the kernel sends it (`output`: printed text chunk by chunk, figures carrying their
artifact), the end of a step (`step_done`). The loop
returns what the turn produced so the assistant message can be stored.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..kernels import KernelExecutor
from .clients import ModelClient, ModelError, ToolCall
from .model_thread import call_in_model_thread
from .prompt import extract_code, result_for_model

Emit = Callable[[str, dict[str, Any]], None]

#: Malformed tool calls tolerated in one turn before giving up.
MAX_MALFORMED = 3


@dataclass
class Outcome:
    """What a turn produced (also when it was cut short)."""

    content: str = ""
    steps: list[dict[str, Any]] = field(default_factory=list)
    usage: dict[str, int] = field(default_factory=lambda: {"prompt_tokens": 0, "completion_tokens": 0})
    #: Wall-clock milliseconds spent waiting for the model and for the kernel.
    timing: dict[str, float] = field(default_factory=lambda: {"model_ms": 0.0, "kernel_ms": 0.0})

    def add_usage(self, usage: dict[str, int]) -> None:
        for key in ("prompt_tokens", "completion_tokens"):
            self.usage[key] = self.usage.get(key, 0) + int(usage.get(key, 0))


def merge_streams(outputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Outputs with consecutive chunks of the same text stream joined (as nbformat keeps them)."""
    merged: list[dict[str, Any]] = []
    for output in outputs:
        last = merged[-1] if merged else None
        if (last is not None and output.get("output_type") == "stream"
                and last.get("output_type") == "stream" and last.get("name") == output.get("name")):
            merged[-1] = {**last, "text": last["text"] + output["text"]}
        else:
            merged.append(output)
    return merged


class AnalysisLoop:
    """Runs one turn against one model client and one thread's kernel."""

    def __init__(self, client: ModelClient, executor: KernelExecutor, owner: str, thread_id: str,
                 emit: Emit, *, max_steps: int = 8):
        self.client = client
        self.executor = executor
        self.owner = owner
        self.thread_id = thread_id
        self.emit = emit
        self.max_steps = max_steps
        self.outcome = Outcome()
        self.step = 0
        self._text: list[str] = []
        self._running_code: str | None = None
        self._running_outputs: list[dict[str, Any]] = []

    def _on_text(self, delta: str) -> None:
        self._text.append(delta)
        self.emit("text", {"step": self.step, "delta": delta})

    def _on_reset(self, reason: str) -> None:
        self._text.clear()
        self.emit("text_reset", {"step": self.step, "reason": reason})

    def partial(self) -> Outcome:
        """What the turn produced so far, for a turn cut short (Stop, an error, a shutdown).

        Finished steps, plus the step in progress as the user saw it: the words streamed so far,
        or the code that was running when it was stopped (marked interrupted, as it never
        finished).
        """
        steps = list(self.outcome.steps)
        text = "".join(self._text)
        if self._running_code is not None:
            steps.append({"step": self.step, "text": text, "code": self._running_code,
                          "result": {"status": "interrupted", "error": None,
                                     "outputs": merge_streams(self._running_outputs)}})
        elif text.strip() and not any(s["step"] == self.step for s in steps):
            steps.append({"step": self.step, "text": text, "code": None, "result": None})
        return Outcome(content=self.outcome.content, steps=steps,
                       usage=dict(self.outcome.usage), timing=dict(self.outcome.timing))

    async def run(self, messages: list[dict[str, Any]]) -> Outcome:
        """Run the turn; `messages` are the system message, the history and the question."""
        malformed = 0
        for self.step in range(self.max_steps):
            self._text = []
            started = time.perf_counter()
            # On the model thread: preparing a request grows with the conversation (see there).
            reply = await call_in_model_thread(
                lambda text, reset: self.client.complete(messages, tools=True, on_text=text,
                                                         on_reset=reset),
                self._on_text, self._on_reset,
            )
            self.outcome.timing["model_ms"] += (time.perf_counter() - started) * 1000
            self.outcome.add_usage(reply.usage)
            text = reply.text
            calls = [c for c in reply.tool_calls] if self.client.uses_tools else []
            fenced = None if self.client.uses_tools else extract_code(text)
            if not calls and fenced is None:
                self.outcome.content = text
                return self.outcome

            if calls:
                messages.append({
                    "role": "assistant",
                    "content": text or None,
                    "tool_calls": [
                        {"id": c.id, "type": "function",
                         "function": {"name": c.name, "arguments": c.arguments}}
                        for c in calls
                    ],
                })
                for call in calls:
                    code, problem = self._code_of(call)
                    if problem:
                        malformed += 1
                        if malformed > MAX_MALFORMED:
                            raise ModelError("The model kept sending code requests Vista could not read.")
                        self.emit("notice", {"step": self.step, "message": problem})
                        messages.append({"role": "tool", "tool_call_id": call.id, "content": problem})
                        continue
                    result = await self._execute(text, code)
                    messages.append({"role": "tool", "tool_call_id": call.id,
                                     "content": result_for_model(result)})
            else:
                messages.append({"role": "assistant", "content": text})
                result = await self._execute(text, fenced or "")
                messages.append({"role": "user", "content":
                                 "Output of your code:\n" + result_for_model(result)})

        self.outcome.content = (
            f"I stopped after {self.max_steps} steps without a final answer. The results so far "
            "are above; try asking a narrower question."
        )
        self.emit("text", {"step": self.step, "delta": self.outcome.content})
        return self.outcome

    @staticmethod
    def _code_of(call: ToolCall) -> tuple[str, str | None]:
        if call.name != "run_python":
            return "", f"Error: there is no tool called {call.name!r}; use run_python."
        try:
            arguments = json.loads(call.arguments or "")
            code = arguments["code"]
            if not isinstance(code, str) or not code.strip():
                raise ValueError("code must be a non-empty string")
        except (ValueError, KeyError, TypeError) as e:
            return "", ("Error: the arguments of run_python must be JSON like "
                        f'{{"code": "print(1)"}}; got {call.arguments[:200]!r} ({e}). Send it again.')
        return code, None

    async def _execute(self, text: str, code: str) -> dict[str, Any]:
        step = self.step
        self.emit("code", {"step": step, "code": code})
        started = time.perf_counter()
        self._running_code, self._running_outputs = code, []

        def on_output(output: dict[str, Any]) -> None:
            self._running_outputs.append(output)
            self.emit("output", {"step": step, "output": output})

        result = await self.executor.execute(self.owner, self.thread_id, code, on_output=on_output)
        self._running_code = None
        self.outcome.timing["kernel_ms"] += (time.perf_counter() - started) * 1000
        data = result.to_dict()
        self.emit("step_done", {"step": step, "status": result.status,
                                "duration": data["duration"], "execution_count": result.execution_count})
        self.outcome.steps.append({"step": step, "text": text, "code": code, "result": data})
        observe = getattr(self.client, "observe", None)
        if observe is not None:
            observe(data)
        return data
