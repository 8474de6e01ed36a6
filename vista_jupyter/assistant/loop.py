"""The analysis loop of one turn: ask the model, run the code it asks for, show it the results,
until it answers (or the step budget is spent).

Everything the user should see is emitted as an event as it happens: text as it streams (`text`,
withdrawn with `text_reset` when a broken stream is retried), the code about to run (`code`), each
output as the kernel sends it (`output`: printed text chunk by chunk, figures carrying their
artifact), the end of a step (`step_done`), and what the user should know about how the answer
was obtained (`notice`). The loop returns what the turn produced so the assistant message can be
stored.

The loop owns the conversation sent to the model, and so the choices that change it for this
turn: the protocol (tool calls, or ```python blocks when the server rejects tools, the model
ignores them, or the server cannot read a tool call back), and the context budget (every request
is fitted to it; when the server still says the conversation is too long, it is shrunk and sent
once more). Code comes from real tool calls, calls written as text, or fenced blocks, and goes
back to the model in the form it came in.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..kernels import KernelExecutor
from . import prompt
from .clients import ContextTooLong, ModelClient, ModelError, ToolHistoryRejected, ToolsRejected
from .model_thread import call_in_model_thread
from .prompt import extract_code, result_for_model
from .stream import Reply, ToolCall, read_text

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
        if (
            last is not None
            and output.get("output_type") == "stream"
            and last.get("output_type") == "stream"
            and last.get("name") == output.get("name")
        ):
            merged[-1] = {**last, "text": last["text"] + output["text"]}
        else:
            merged.append(output)
    return merged


class AnalysisLoop:
    """Runs one turn against one model client and one thread's kernel."""

    def __init__(
        self,
        client: ModelClient,
        executor: KernelExecutor,
        owner: str,
        thread_id: str,
        emit: Emit,
        *,
        max_steps: int = 8,
        context_budget: int = 12000,
        log: logging.Logger | None = None,
    ):
        self.client = client
        #: "tools" or "fenced", for this turn.
        self.protocol = "tools" if client.uses_tools else "fenced"
        self.budget = context_budget
        self.log = log or logging.getLogger(__name__)
        self._told: set[str] = set()
        self.question = 0
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

    def _text_piece(self, delta: str) -> None:
        self._text.append(delta)
        self.emit("text", {"step": self.step, "delta": delta})

    def _text_withdrawn(self, reason: str) -> None:
        self._text.clear()
        self.emit("text_reset", {"step": self.step, "reason": reason})

    async def _on_text(self, delta: str) -> None:
        self._text_piece(delta)

    async def _on_reset(self, reason: str) -> None:
        self._text_withdrawn(reason)

    def partial(self) -> Outcome:
        """What the turn produced so far, for a turn cut short (Stop, an error, a shutdown).

        Finished steps, plus the step in progress as the user saw it: the words streamed so far,
        or the code that was running when it was stopped (marked interrupted, as it never
        finished).
        """
        steps = list(self.outcome.steps)
        text = "".join(self._text)
        if self._running_code is not None:
            steps.append(
                {
                    "step": self.step,
                    "text": text,
                    "code": self._running_code,
                    "result": {"status": "interrupted", "error": None, "outputs": merge_streams(self._running_outputs)},
                }
            )
        elif text.strip() and not any(s["step"] == self.step for s in steps):
            steps.append({"step": self.step, "text": text, "code": None, "result": None})
        return Outcome(
            content=self.outcome.content, steps=steps, usage=dict(self.outcome.usage), timing=dict(self.outcome.timing)
        )

    async def run(self, messages: list[dict[str, Any]]) -> Outcome:
        """Run the turn; `messages` are the system message, the history and the question."""
        self.question = len(messages) - 1
        malformed = 0
        for step in range(self.max_steps):
            self.step = step
            self._text = []
            started = time.perf_counter()
            reply = await self._ask(messages)
            self.outcome.timing["model_ms"] += (time.perf_counter() - started) * 1000
            self.outcome.add_usage(reply.usage)
            text, calls = await self._understand(reply, messages)
            if reply.finish_reason == "length":
                self._notice("length", "The model's reply was cut off at its length limit.")
            if not calls:
                if not text.strip():
                    raise ModelError(
                        "The model sent an empty reply, so there is no answer to show. Servers do "
                        "this when the conversation is longer than the model's loaded context or "
                        "when the model cannot follow the chat format; ask again, or ask an "
                        "administrator to check the model server."
                    )
                self.outcome.content = text
                return self.outcome

            native = [c for c in calls if c.source == "native"]
            if native:
                messages.append(
                    {
                        "role": "assistant",
                        "content": text or None,
                        "tool_calls": [
                            {
                                "id": c.id,
                                "type": "function",
                                # Servers reject history with unreadable arguments: send back valid JSON
                                # (the tool's answer quotes what was wrong).
                                "function": {"name": c.name, "arguments": _valid_arguments(c.arguments)},
                            }
                            for c in native
                        ],
                    }
                )
                for call in native:
                    code, problem = self._code_of(call)
                    if problem:
                        malformed += 1
                        if malformed > MAX_MALFORMED:
                            raise ModelError("The model kept sending code requests Vista could not read.")
                        self.emit("notice", {"step": self.step, "message": problem})
                        messages.append({"role": "tool", "tool_call_id": call.id, "content": problem})
                        continue
                    result = await self._execute(text, code)
                    messages.append({"role": "tool", "tool_call_id": call.id, "content": result_for_model(result)})
            else:
                # Code written as text (a code block, or a call the server did not parse): the
                # output goes back as a message, the form every server accepts.
                messages.append({"role": "assistant", "content": _echo(text, calls)})
                results = []
                for call in calls:
                    code, problem = self._code_of(call)
                    if problem:
                        malformed += 1
                        if malformed > MAX_MALFORMED:
                            raise ModelError("The model kept sending code requests Vista could not read.")
                        self.emit("notice", {"step": self.step, "message": problem})
                        results.append(problem)
                        continue
                    results.append(result_for_model(await self._execute(text, code)))
                messages.append({"role": "user", "content": prompt.OUTPUT_PREFIX + "\n\n".join(results)})

        self.outcome.content = (
            f"I stopped after {self.max_steps} steps without a final answer. The results so far "
            "are above; try asking a narrower question."
        )
        self.emit("text", {"step": self.step, "delta": self.outcome.content})
        return self.outcome

    # --- asking -------------------------------------------------------------------------------

    async def _ask(self, messages: list[dict[str, Any]]) -> Reply:
        """One reply, with the turn-level fallbacks: fenced code when tools fail, and one
        shorter try when the conversation is too long for the model."""
        context_retried = False
        while True:
            # Off the event loop, as the request itself: fitting grows with the conversation.
            fitted = await asyncio.to_thread(prompt.fit, messages, self.budget, self.question)
            self._tell_fit(fitted)
            tools = self.protocol == "tools"
            try:
                # On the model thread: preparing a request and reading its stream cost CPU that
                # grows with the conversation (see there). Text comes back here, in order.
                return await call_in_model_thread(
                    lambda text, reset, fitted=fitted, tools=tools: self.client.complete(
                        fitted.messages, tools=tools, on_text=text, on_reset=reset
                    ),
                    self._text_piece,
                    self._text_withdrawn,
                )
            except ToolsRejected as e:
                await self._withdraw()
                if self.protocol != "tools":
                    raise
                if not getattr(self.client, "may_fall_back", False):
                    raise ModelError(
                        f"{e} Set c.VistaApp.tool_protocol = 'auto' (or 'fenced') to "
                        "have Vista ask for code blocks instead."
                    ) from None
                self._to_fenced(messages, f"{e} Vista asks the model for code blocks instead.")
            except ToolHistoryRejected as e:
                await self._withdraw()
                if self.protocol != "tools":
                    raise
                self._to_fenced(messages, f"{e} Vista continues this answer with code blocks.")
            except ContextTooLong as e:
                await self._withdraw()
                if context_retried:
                    raise
                context_retried = True
                self.budget = shrunk_budget(
                    self.budget, sum(prompt.message_tokens(m) for m in fitted.messages), e.context_size, e.prompt_tokens
                )
                traits = getattr(self.client, "traits", None)
                if traits is not None:
                    traits.context_budget = self.budget  # the next turns start with it
                self.log.warning("Vista: %s; sending a shorter conversation (%d tokens)", e, self.budget)
                self._notice(
                    "context",
                    "The conversation was too long for the model; Vista sent "
                    "it a shorter one (earlier messages left out).",
                )

    async def _withdraw(self) -> None:
        """Withdraw the words of a reply the server refused part-way (it is asked again)."""
        if self._text:
            await self._on_reset("The model server refused this request; asking differently.")

    def _to_fenced(self, messages: list[dict[str, Any]], why: str) -> None:
        messages[:] = prompt.as_fenced(messages, self.question)
        self.protocol = "fenced"
        self.log.warning("Vista: %s", why)
        self._notice("fenced", why)

    def _notice(self, key: str, message: str) -> None:
        """Tell the user something about how this answer is obtained (once per turn)."""
        if key not in self._told:
            self._told.add(key)
            self.emit("notice", {"step": self.step, "message": message})

    def _tell_fit(self, fitted: prompt.Fitted) -> None:
        if fitted.system_tokens > self.budget:
            message = (
                f"The instructions and the description of the data alone are about "
                f"{fitted.system_tokens:,} tokens, more than the context budget "
                f"({self.budget:,}); the model may not see all of it. An administrator can "
                "raise c.VistaApp.context_budget if the model's context allows."
            )
            if "system" not in self._told:
                self.log.warning("Vista: %s", message)
            self._notice("system", message)
        if fitted.question_shortened:
            self._notice(
                "question",
                "Your question is longer than the model's context budget "
                "allows: the model was sent it shortened in the middle.",
            )

    async def _understand(self, reply: Reply, messages: list[dict[str, Any]]) -> tuple[str, list[ToolCall]]:
        """The reply's answer text and the code calls in it, whatever form they came in."""
        text, calls = reply.text, list(reply.tool_calls)
        if not text.strip() and not calls and reply.reasoning:
            # Everything arrived as reasoning (a server that files the whole reply there): read
            # it as the reply.
            text, calls = read_text(reply.reasoning)
            if text:
                await self._on_text(text)
        if not calls:
            code = extract_code(text)
            if code is not None and self._runs_code_blocks():
                if self.protocol == "tools":
                    # The model ignores the tools it was offered and writes code blocks: go on
                    # with the protocol it follows (and start its next turns with it).
                    note = getattr(self.client, "note_tools_ignored", None)
                    if note is not None:
                        note()
                    messages[:] = prompt.as_fenced(messages, self.question)
                    self.protocol = "fenced"
                calls = [ToolCall(f"fenced_{self.step}", "run_python", json.dumps({"code": code}), "fenced")]
        return text, calls

    def _runs_code_blocks(self) -> bool:
        """Whether a ```python block in a reply is code to run (not an example in an answer)."""
        if self.protocol == "fenced":
            return True
        traits = getattr(self.client, "traits", None)
        return bool(getattr(self.client, "may_fall_back", False)) and getattr(traits, "tools", "") != "works"

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
            return "", (
                "Error: the arguments of run_python must be JSON like "
                f'{{"code": "print(1)"}}; got {call.arguments[:200]!r} ({e}). Send it again.'
            )
        return code, None

    async def _execute(self, text: str, code: str) -> dict[str, Any]:
        step = self.step
        self.emit("code", {"step": step, "code": code})
        started = time.perf_counter()
        self._running_code, self._running_outputs = code, []

        def on_output(output: dict[str, Any]) -> None:
            self._running_outputs.append(output)
            self.emit("output", {"step": step, "output": output})

        # Code the client knows reads the data files itself need not wait for the data to load.
        before_data = getattr(self.client, "runs_before_data", None)
        data = not (before_data is not None and before_data(code))
        result = await self.executor.execute(self.owner, self.thread_id, code, on_output=on_output, data=data)
        self._running_code = None
        self.outcome.timing["kernel_ms"] += (time.perf_counter() - started) * 1000
        data = result.to_dict()
        self.emit(
            "step_done",
            {
                "step": step,
                "status": result.status,
                "duration": data["duration"],
                "execution_count": result.execution_count,
            },
        )
        self.outcome.steps.append({"step": step, "text": text, "code": code, "result": data})
        observe = getattr(self.client, "observe", None)
        if observe is not None:
            observe(data)
        return data


def shrunk_budget(budget: int, sent: int, context_size: int | None, prompt_tokens: int | None) -> int:
    """The budget (in Vista's estimated tokens) after the server said `sent` estimated tokens
    were too many. When it says how many tokens it counted and how many fit, the two scales are
    matched (the estimate is rough, more so for Korean); else what was sent is cut by 40%,
    and never above a context size it states."""
    if context_size and prompt_tokens:
        smaller = int(sent * context_size / prompt_tokens * 0.8)
    elif context_size:
        smaller = min(int(context_size * 0.75), int(sent * 0.6))
    else:
        smaller = int(sent * 0.6)
    return max(256, min(smaller, int(budget * 0.9)))


def _valid_arguments(arguments: str) -> str:
    """`arguments` if they are a JSON object, else "{}"."""
    try:
        return arguments if isinstance(json.loads(arguments), dict) else "{}"
    except (ValueError, TypeError):
        return "{}"


def _echo(text: str, calls: list[ToolCall]) -> str:
    """A reply whose code came as text, as it goes back to the model: its words, and each call
    as a code block (a fenced block is already in the words)."""
    parts = [text.strip()] if text.strip() else []
    for call in calls:
        if call.source != "fenced":
            parts.append(f"```python\n{prompt.code_of(call.arguments)}\n```")
    return "\n\n".join(parts)
