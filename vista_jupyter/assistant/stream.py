"""The stream normalizer: any OpenAI-compatible server's streamed answer, in whatever dialect it
speaks, turned into Vista's own reply (visible text, reasoning, tool calls, finish, usage).

Servers that claim the Chat Completions protocol differ in the details, and each difference has
made some client fail silently. What this module accepts (sources in the comments of the tables
and in docs/model-servers.md):

- The event stream itself: `data:` lines (with or without a blank line between them), comments,
  `event: error`, the non-standard `error:` line of older llama.cpp servers, a body that is one
  whole JSON answer instead of a stream, `[DONE]` with or without a finish reason before it.
- Text in `delta.content` (a string or a list of parts) or `delta.refusal`; reasoning in `reasoning_content`,
  `reasoning` or `thinking`, or written into the text as `<think>...</think>` (also when only the
  closing tag appears, the opening one being part of the chat template).
- Tool calls as deltas keyed by `index`, else by `id`, else by order; the name assigned, not
  appended (some servers repeat it in every chunk); arguments as fragments, as a whole, as a JSON
  object instead of a string, or repeated whole in a closing summary chunk; two whole calls at the
  same index told apart by their ids or by being complete; the legacy `function_call`.
- Tool calls written as text by a server without a tool parser: `<tool_call>{...}</tool_call>`,
  `<|python_tag|>`, `[TOOL_CALLS]`, `<function=name>{...}</function>`, or a bare JSON call.
- Errors inside the stream: a chunk with an `error` object (OpenRouter, with finish reason
  `"error"`), `event: error`, `error:` lines. They become `ServerReported` with the server's words.
- Azure's first chunk with no choices (prompt filter results) and usage-only final chunks.

The normalizer does no I/O: `feed_line` / `feed_chunk` return the text operations to show (text to
append, or a reset when text already shown turns out not to be the answer), and `end` returns the
reply or raises `DroppedStream` when the stream stopped before it was complete.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .diagnosis import server_said

#: Fields of a delta that carry reasoning rather than the answer.
REASONING_FIELDS = ("reasoning_content", "reasoning", "thinking")

#: Reasoning written into the text: (opening tag, closing tag).
THINK_TAGS = [("<think>", "</think>"), ("<thinking>", "</thinking>")]

#: Tool calls written into the text by servers that do not parse them: (opening marker, closing
#: marker or None when the call runs to the end of the text).
TEXT_CALL_MARKERS = [
    ("<tool_call>", "</tool_call>"),  # Hermes / Qwen templates (vLLM, llama.cpp without a parser)
    ("<|tool_call|>", "<|/tool_call|>"),  # Granite, Phi-4-mini
    ("<|python_tag|>", "<|eom_id|>"),  # Llama 3.1 / 3.2
    ("[TOOL_CALLS]", None),  # Mistral
    ("<function=", "</function>"),  # Llama 3.1's custom function format
]

#: The operations returned to show text: ("text", piece) appends, ("reset", "") withdraws
#: everything shown so far in this reply.
Op = tuple[str, str]


class DroppedStream(Exception):
    """The stream ended before the answer was complete (no finish reason and no [DONE])."""


class UnreadableStream(Exception):
    """The server sent something that is not an answer in the Chat Completions format."""


class ServerReported(Exception):
    """The server reported an error inside its stream (or in a 200 answer)."""

    def __init__(self, said: str, code: Any = None, body: Any = None):
        super().__init__(said)
        self.said = said
        self.code = code
        self.body = body


@dataclass
class ToolCall:
    """A tool call as the model sent it (arguments are the raw JSON text).

    `source` says how it came: "native" (the protocol's tool calls), "legacy" (`function_call`),
    "text" (written into the answer text) or "fenced" (a ```python block).
    """

    id: str
    name: str
    arguments: str
    source: str = "native"


@dataclass
class Reply:
    """One complete model reply."""

    text: str = ""  # the answer as shown (reasoning and calls written as text removed)
    tool_calls: list[ToolCall] = field(default_factory=list)
    usage: dict[str, int] = field(default_factory=dict)
    finish_reason: str | None = None
    reasoning: str = ""


def _json_object(text: str) -> dict[str, Any] | None:
    if not text or text.lstrip()[:1] != "{":  # most argument fragments: no parse attempt
        return None
    try:
        value = json.loads(text)
    except (ValueError, TypeError):
        return None
    return value if isinstance(value, dict) else None


def json_values(text: str) -> list[tuple[int, int, Any]]:
    """The JSON objects and arrays found in `text`, as (start, end, value)."""
    decoder = json.JSONDecoder()
    found, i = [], 0
    while i < len(text):
        starts = [p for p in (text.find("{", i), text.find("[", i)) if p >= 0]
        if not starts:
            break
        start = min(starts)
        try:
            value, end = decoder.raw_decode(text, start)
        except ValueError:
            i = start + 1
            continue
        found.append((start, end, value))
        i = end
    return found


def _arguments_text(arguments: Any) -> str:
    if arguments is None:
        return ""
    if isinstance(arguments, str):
        return arguments
    return json.dumps(arguments)


def calls_in_json(value: Any) -> list[tuple[str, str]]:
    """(name, arguments) of tool calls written as JSON: an object with a name and arguments
    (or parameters), a list of them, or OpenAI's own shape with a `function` inside."""
    items = value if isinstance(value, list) else [value]
    calls = []
    for item in items:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("function"), dict):
            item = item["function"]
        name = item.get("name")
        if not isinstance(name, str) or not name:
            continue
        arguments = item.get("arguments", item.get("parameters"))
        if arguments is None:
            continue
        calls.append((name, _arguments_text(arguments)))
    return calls


def parse_text_calls(marker: str, region: str) -> list[tuple[str, str]]:
    """(name, arguments) of the calls in the text after `marker` (up to its closing marker)."""
    if marker == "<function=":
        name, _, rest = region.partition(">")
        values = json_values(rest)
        return [(name.strip(), json.dumps(values[0][2]))] if values and name.strip() else []
    if "[ARGS]" in region:  # Mistral's newer form: [TOOL_CALLS]name[ARGS]{...}
        name, _, rest = region.partition("[ARGS]")
        values = json_values(rest)
        return [(name.strip(), json.dumps(values[0][2]))] if values and name.strip() else []
    return [call for _, _, value in json_values(region) for call in calls_in_json(value)]


class _Calls:
    """Assembles tool-call deltas into calls: keyed by index, else id, else order."""

    def __init__(self) -> None:
        self.slots: list[dict[str, Any]] = []

    @staticmethod
    def _complete(slot: dict[str, Any]) -> bool:
        return _json_object(slot["arguments"]) is not None

    def _slot(self, index: Any, call_id: str | None, name: str | None, fragment: str) -> dict[str, Any] | None:
        whole = _json_object(fragment)
        if whole is not None:
            # A whole call restating one already complete (a closing summary chunk, sometimes
            # with a new id) is the same call, not a second one.
            for slot in self.slots:
                if name in (None, slot["name"]) and self._complete(slot) and _json_object(slot["arguments"]) == whole:
                    return slot
        if call_id:
            for slot in self.slots:
                if slot["id"] == call_id:
                    return slot
        candidates = [s for s in self.slots if s["index"] == index] if index is not None else self.slots
        current = candidates[-1] if candidates else None
        if current is None:
            return None
        if call_id and current["id"] and current["id"] != call_id:
            return None  # another call at the same index (Ollama sends each whole at index 0)
        if (name or whole is not None) and self._complete(current):
            if name and not fragment and name == current["name"]:
                return current  # the name repeated in a later chunk
            return None  # a complete call followed by another one
        return current

    def add(self, delta: dict[str, Any], position: int, *, source: str = "native") -> None:
        function = delta.get("function")
        if not isinstance(function, dict):
            function = delta if "name" in delta or "arguments" in delta else {}
        index = delta.get("index", None if source == "native" else "legacy")
        if source == "native" and not isinstance(index, int):
            index = None
        call_id = delta.get("id") or None
        name = function.get("name") or None
        fragment = _arguments_text(function.get("arguments"))
        slot = self._slot(index, call_id, name, fragment)
        if slot is None:
            slot = {
                "index": index,
                "id": call_id,
                "name": "",
                "arguments": "",
                "source": source,
                "order": len(self.slots),
            }
            self.slots.append(slot)
        if call_id and not slot["id"]:
            slot["id"] = call_id
        if name:
            slot["name"] = name  # assigned: servers that repeat it in every chunk do not double it
        if fragment:
            so_far = slot["arguments"]
            if _json_object(fragment) is not None and (not so_far or self._complete(slot)):
                slot["arguments"] = fragment  # whole arguments (first, or a repeat that restates them)
            elif len(so_far) >= 2 and fragment.startswith(so_far):
                slot["arguments"] = fragment  # cumulative: each chunk restates everything so far
            else:
                slot["arguments"] = so_far + fragment

    def result(self) -> list[ToolCall]:
        calls, seen = [], set()
        for n, slot in enumerate(self.slots):
            if not slot["name"] and not slot["arguments"]:
                continue
            call_id = slot["id"] or f"call_{n}"
            while call_id in seen:  # ids must be unique for the answers to be matched
                call_id += "_"
            seen.add(call_id)
            calls.append(ToolCall(call_id, slot["name"], slot["arguments"], slot["source"]))
        return calls


class _Text:
    """The answer text as it streams: reasoning tags and calls written as text are kept out of
    what is shown, holding back only what could be the start of a marker."""

    def __init__(self) -> None:
        self.pending = ""
        self.state = "text"  # "text", "think" or "call"
        self.close = ""
        self.shown: list[str] = []
        self.reasoning: list[str] = []
        self.regions: list[tuple[str, str]] = []  # (marker, text) of calls written as text
        self._region: list[str] = []
        self._marker = ""
        self._opens = [(o, "think", c) for o, c in THINK_TAGS] + [(o, "call", c or "") for o, c in TEXT_CALL_MARKERS]
        self._orphan_closes = [c for _, c in THINK_TAGS]

    def _show(self, text: str, ops: list[Op]) -> None:
        if not self.shown:
            text = text.lstrip()
        if text:
            self.shown.append(text)
            ops.append(("text", text))

    @staticmethod
    def _tail(text: str, markers: list[str]) -> int:
        """Characters at the end of `text` that could begin one of `markers` (the longest such
        end; only the last few characters are looked at, and only from a marker's first
        character)."""
        longest = max(len(m) for m in markers) - 1
        window = text[-longest:]
        firsts = {m[0] for m in markers}
        for i, char in enumerate(window):
            if char in firsts:
                end = window[i:]
                if any(m.startswith(end) and len(m) > len(end) for m in markers):
                    return len(end)
        return 0

    def feed(self, piece: str) -> list[Op]:
        self.pending += piece
        ops: list[Op] = []
        while self.pending:
            if self.state == "text":
                hits = [(self.pending.find(o), o, kind, c) for o, kind, c in self._opens]
                hits += [(self.pending.find(c), c, "orphan", "") for c in self._orphan_closes]
                hits = [h for h in hits if h[0] >= 0]
                if not hits:
                    keep = self._tail(self.pending, [o for o, _, _ in self._opens] + self._orphan_closes)
                    self._show(self.pending[: len(self.pending) - keep], ops)
                    self.pending = self.pending[len(self.pending) - keep :]
                    break
                pos, marker, kind, close = min(hits, key=lambda h: h[0])
                before, self.pending = self.pending[:pos], self.pending[pos + len(marker) :]
                if kind == "orphan":
                    # Only the closing tag: the template opened the reasoning, so all the text
                    # so far was reasoning, not the answer.
                    self.reasoning += [*self.shown, before]
                    if self.shown:
                        ops.append(("reset", ""))
                    self.shown = []
                    continue
                self._show(before, ops)
                self.state, self.close, self._marker, self._region = kind, close, marker, []
            else:
                end = self.pending.find(self.close) if self.close else -1
                sink = self.reasoning if self.state == "think" else self._region
                if end < 0:
                    keep = self._tail(self.pending, [self.close]) if self.close else 0
                    sink.append(self.pending[: len(self.pending) - keep])
                    self.pending = self.pending[len(self.pending) - keep :]
                    break
                sink.append(self.pending[:end])
                self.pending = self.pending[end + len(self.close) :]
                if self.state == "call":
                    self.regions.append((self._marker, "".join(self._region)))
                self.state = "text"
        return ops

    def finish(self) -> list[Op]:
        ops: list[Op] = []
        if self.state == "text":
            self._show(self.pending, ops)
        elif self.state == "think":
            self.reasoning.append(self.pending)
        else:
            self._region.append(self.pending)
            self.regions.append((self._marker, "".join(self._region)))
        self.pending, self.state = "", "text"
        return ops


class StreamNormalizer:
    """One reply being received. See the module docstring."""

    def __init__(self, tool_names: frozenset[str] = frozenset({"run_python"})):
        self.tool_names = tool_names
        self.text = _Text()
        self.calls = _Calls()
        self.usage: dict[str, int] = {}
        self.finish_reason: str | None = None
        self.done = False  # [DONE] seen
        self.started = False  # any data: the answer has started
        self.stray = ""  # lines that were not the protocol
        self._event = ""
        self._data: list[str] = []
        self._positions = 0

    # --- the event stream -----------------------------------------------------------------------

    def feed_line(self, line: str) -> list[Op]:
        """One line of the event stream."""
        line = line.rstrip("\r")
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return []  # a comment (keep-alive)
        name, colon, value = line.partition(":")
        if not colon:
            name, value = line, ""
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            ops: list[Op] = []
            if self._data and self._complete_json("\n".join(self._data)):
                ops = self._dispatch()  # no blank line between events
            self._data.append(value)
            return ops
        if name == "event":
            self._event = value.strip()
            return []
        if name == "error":  # older llama.cpp: `error: {...}` in place of an event
            raise self._reported(value)
        if name in ("id", "retry"):
            return []
        if line.lstrip().startswith("{"):  # a JSON line without the `data:` prefix
            self._data.append(line)
            return self._dispatch()
        if len(self.stray) < 300:  # not the protocol: kept to say what the server sent instead
            self.stray = (self.stray + " " + line.strip()).strip()[:300]
        return []

    @staticmethod
    def _complete_json(text: str) -> bool:
        try:
            json.loads(text)
        except ValueError:
            return False
        return True

    def _reported(self, payload: Any) -> ServerReported:
        body = payload
        if isinstance(payload, str):
            try:
                body = json.loads(payload)
            except ValueError:
                body = payload
        code = None
        if isinstance(body, dict):
            error = body.get("error", body)
            code = error.get("code") if isinstance(error, dict) else body.get("code")
        said = server_said(body) or "the server reported an error without saying what it was"
        return ServerReported(said, code, body)

    def _dispatch(self) -> list[Op]:
        data, event = "\n".join(self._data), self._event
        self._data, self._event = [], ""
        if not data.strip():
            return []
        self.started = True
        if data.strip() == "[DONE]":
            self.done = True
            return []
        try:
            chunk = json.loads(data)
        except ValueError:
            raise UnreadableStream(f"not JSON: {data[:80]!r}") from None
        if event == "error":
            raise self._reported(chunk)
        return self.feed_chunk(chunk)

    # --- one chunk ------------------------------------------------------------------------------

    def feed_chunk(self, chunk: Any) -> list[Op]:
        """One decoded chunk (or a whole non-streamed answer)."""
        self.started = True
        if not isinstance(chunk, dict):
            raise UnreadableStream(f"a chunk that is not an object: {str(chunk)[:80]!r}")
        if chunk.get("error"):
            raise self._reported(chunk)
        usage = chunk.get("usage")
        if isinstance(usage, dict):
            self.usage = {
                "prompt_tokens": int(usage.get("prompt_tokens") or 0),
                "completion_tokens": int(usage.get("completion_tokens") or 0),
            }
        ops: list[Op] = []
        choices = chunk.get("choices")
        for choice in choices if isinstance(choices, list) else ():
            if not isinstance(choice, dict) or choice.get("index", 0) not in (0, None):
                continue
            delta = choice.get("delta")
            if not isinstance(delta, dict):
                delta = choice.get("message") if isinstance(choice.get("message"), dict) else {}
            ops += self._delta(delta)
            finish = choice.get("finish_reason")
            if finish:
                self.finish_reason = str(finish)
                if finish == "error":
                    raise self._reported(choice.get("error") or chunk)
        return ops

    def _delta(self, delta: dict[str, Any]) -> list[Op]:
        ops: list[Op] = []
        for key in REASONING_FIELDS:
            value = delta.get(key)
            if isinstance(value, str) and value:
                self.text.reasoning.append(value)
        content = delta.get("content")
        if isinstance(content, list):  # content parts
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
        if isinstance(content, str) and content:
            ops += self.text.feed(content)
        refusal = delta.get("refusal")  # OpenAI: the model declines; that is its answer
        if isinstance(refusal, str) and refusal:
            ops += self.text.feed(refusal)
        tool_calls = delta.get("tool_calls")
        if isinstance(tool_calls, dict):
            tool_calls = [tool_calls]
        for tc in tool_calls if isinstance(tool_calls, list) else ():
            if isinstance(tc, dict):
                self.calls.add(tc, self._positions)
                self._positions += 1
        legacy = delta.get("function_call")
        if isinstance(legacy, dict):
            self.calls.add(legacy, 0, source="legacy")
        return ops

    # --- the end --------------------------------------------------------------------------------

    def end(self) -> tuple[Reply, list[Op]]:
        """The reply and the last text operations; raises DroppedStream when incomplete.

        A stream is complete when the server said why it finished, or sent [DONE] (some servers
        send [DONE] without ever giving a finish reason).
        """
        if self._data:
            ops = self._dispatch()
        else:
            ops = []
        if not self.done and self.finish_reason is None:
            raise DroppedStream("the stream ended before the answer was complete")
        ops += self.text.finish()
        reply = Reply(usage=self.usage, reasoning="".join(self.text.reasoning).strip())
        reply.tool_calls = self.calls.result()
        text = "".join(self.text.shown)
        for marker, region in self.text.regions:
            for name, arguments in parse_text_calls(marker, region):
                reply.tool_calls.append(ToolCall(f"text_call_{len(reply.tool_calls)}", name, arguments, "text"))
        if not reply.tool_calls:
            cleaned, found = bare_json_calls(text, self.tool_names)
            if found:
                ops.append(("reset", ""))
                if cleaned:
                    ops.append(("text", cleaned))
                text = cleaned
                reply.tool_calls = found
        reply.text = text.strip()
        reply.finish_reason = self.finish_reason or ("tool_calls" if reply.tool_calls else "stop")
        return reply, ops


def bare_json_calls(text: str, tool_names: frozenset[str]) -> tuple[str, list[ToolCall]]:
    """Tool calls written as bare JSON in `text` (servers with no tool template at all), and the
    text without them. Only calls of a tool Vista offers count, so an answer that shows JSON data
    is not mistaken for one."""
    kept, found, last = [], [], 0
    for start, end, value in json_values(text):
        calls = [c for c in calls_in_json(value) if c[0] in tool_names]
        if calls:
            found += calls
            kept.append(text[last:start])
            last = end
    if not found:
        return text, []
    kept.append(text[last:])
    cleaned = "".join(kept).replace("```json", "").replace("```", "").strip()
    return cleaned, [ToolCall(f"text_call_{i}", n, a, "text") for i, (n, a) in enumerate(found)]


def read_text(text: str, tool_names: frozenset[str] = frozenset({"run_python"})) -> tuple[str, list[ToolCall]]:
    """A whole text read as a reply's content: the answer part and the calls written in it
    (for replies whose server put everything in the reasoning field)."""
    reader = _Text()
    reader.feed(text)
    reader.finish()
    shown = "".join(reader.shown).strip()
    calls = [
        ToolCall(f"text_call_{i}", n, a, "text")
        for i, (n, a) in enumerate(c for m, r in reader.regions for c in parse_text_calls(m, r))
    ]
    if not calls:
        shown, calls = bare_json_calls(shown, tool_names)
    return shown, calls
