"""A real HTTP server speaking the OpenAI Chat Completions protocol, with scripted replies written
in the wire dialects of the servers people run.

It stands in for a model server at the wire: the real `openai` client connects to it over
loopback and receives streamed chunks (text, tool calls, usage), error statuses with their headers
and bodies, cut-off streams, silences and slow answers. Every request is recorded for assertions.

A `Script` is one reply. Its plain fields say what to answer (text, a run_python call, an error);
its dialect fields say how the bytes look, each one a behaviour some server is documented to have
(see docs/model-servers.md for the sources): how tool calls are split into deltas, calls written
as text, reasoning fields and <think> tags, missing finish reasons, error chunks and `error:` lines,
Azure's filter chunk, comments, a whole JSON answer instead of a stream.

Replies come from a queue (`script(...)`), or per model name from a behaviour (`models[name]`, a
callable of the request body and how many requests that model has had), so one server can play
many servers at once: `Analyst` is a whole scripted model that asks to run its code and then
answers from the output it is sent back.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tornado import httpserver, web


@dataclass
class Script:
    """One scripted answer. The first matching kind is used, in the order of the fields."""

    # --- instead of a stream ----------------------------------------------------------------
    reject_tools: bool = False  # answer `reject_status` + `reject_body` if the request offers tools
    reject_status: int = 400
    reject_body: Any = None  # default: {"error": {"message": "tools are not supported by this model"}}
    reject_stream_options: bool = False  # 400 if the request has stream_options
    status: int | None = None  # an error answer
    headers: dict[str, str] = field(default_factory=dict)
    error: str = "scripted error"
    error_body: Any = None  # the error's JSON body as sent (default {"error": {"message": error}})
    hang: bool = False  # accept the request and never send a byte
    delay: float = 0.0  # seconds before answering
    garbage: bool = False  # 200 with a body that is not SSE JSON
    json_body: bool = False  # a whole (non-streamed) chat.completion instead of a stream
    html: str | None = None  # 200 with this web page (a base URL pointing at a web app)
    plain: str | None = None  # 200 with this plain text (a proxy's message)

    # --- what the stream says ---------------------------------------------------------------
    text: str = ""
    code: str | None = None  # a run_python call with this code
    codes: list[str] | None = None  # several run_python calls in one reply (parallel calls)
    arguments: str | None = None  # a call with these raw arguments
    tool_name: str = "run_python"
    usage: tuple[int, int] = (11, 7)
    cut: bool = False  # stream the text, then drop the connection without finishing
    chunk_delay: float = 0.0  # pause between chunks
    stall: float = 0.0  # one pause after the first chunk of text
    #: After the first chunk of text, wait until this is set (a test decides when the reply goes
    #: on, instead of guessing how long the rest of the test takes on a busy machine).
    hold: threading.Event | None = None

    # --- how the stream is written (the dialect) ---------------------------------------------
    #: How calls are sent: "split" (id and name on the first delta, arguments in small pieces),
    #: "whole" (one delta), "same_index" (each call whole at index 0 with its own id: Ollama),
    #: "no_index" (whole, no index, no id), "name_every_chunk" (the name repeated in every delta),
    #: "summary_repeat" (split, then the whole call again in a closing chunk: LiteLLM),
    #: "cumulative" (each delta restates the arguments so far), "args_object" (arguments as a JSON
    #: object), "function_call" (legacy delta.function_call), "text_tool_call" (<tool_call> JSON
    #: in the text: vLLM/llama.cpp without a tool parser), "fenced" (a ```python block in the
    #: text: tools ignored), "bare_json" (the call as plain JSON text).
    calls_as: str = "split"
    reasoning: str = ""  # reasoning streamed before the text
    reasoning_field: str = "reasoning_content"
    only_reasoning: bool = False  # the whole reply (text included) sent in the reasoning field
    think: str | None = None  # reasoning written into the text as <think>...</think>
    orphan_think: bool = False  # ... with only the closing tag (the template opened it)
    finish: bool = True  # send a finish_reason (False: [DONE] only)
    finish_reason: str | None = None  # override the finish reason
    done: bool = True  # send [DONE]
    linger: bool = False  # after the last chunk, keep the connection open (no [DONE], no close)
    stream_error: str | None = None  # "sse_line", "chunk" or "event", carrying `error`
    stream_error_code: Any = 500
    azure_filter: bool = False  # a first chunk with no choices, only prompt_filter_results
    comments: bool = False  # SSE comments (keep-alives) between events
    compact: bool = False  # no blank line between events
    role_chunk: bool = True  # the first delta carries only the role


def text(content: str, **kw: Any) -> Script:
    return Script(text=content, **kw)


def tool(code: str, content: str = "", **kw: Any) -> Script:
    return Script(code=code, text=content, **kw)


_STDOUT = re.compile(r"\[stdout\]\n(.*?)(?=\n\[(?:stdout|stderr|result|error|figure)\b|\Z)", re.S)
OUTPUT_PREFIX = "Output of your code:"


def last_output(body: dict[str, Any]) -> str | None:
    """What the code printed, from the output(s) Vista sent back at the end of this request
    (None if the request does not end with a code output)."""
    contents = []
    for message in reversed(body.get("messages") or []):
        content = str(message.get("content") or "")
        if message.get("role") == "tool":
            contents.insert(0, content)
            continue
        if not contents and message.get("role") == "user" and content.startswith(OUTPUT_PREFIX):
            contents.append(content)
        break
    if not contents:
        return None
    found = [f.strip() for c in contents for f in _STDOUT.findall(c)]
    return " ".join(found) if found else " ".join(contents)


class Analyst:
    """A scripted model for whole turns: asks to run `code` (with the `call` dialect), then
    answers `answer` with `{output}` replaced by what the code printed (with the `reply` dialect).
    Its answer can only be right if its code really ran and the output came back."""

    def __init__(
        self,
        code: str | list[str],
        answer: str = "The result is {output}.",
        *,
        call: dict[str, Any] | None = None,
        reply: dict[str, Any] | None = None,
    ):
        self.codes = [code] if isinstance(code, str) else code
        self.answer = answer
        self.call = call or {}
        self.reply = reply or {}

    def __call__(self, body: dict[str, Any], n: int) -> Script:
        output = last_output(body)
        if output is None:
            if len(self.codes) == 1:
                return Script(code=self.codes[0], **self.call)
            return Script(codes=self.codes, **self.call)
        return Script(text=self.answer.format(output=output), **self.reply)


def then(*first: Script, after: Callable[[dict[str, Any], int], Script]) -> Callable[[dict[str, Any], int], Script]:
    """A behaviour answering the `first` scripts in turn, then as `after`."""

    def behaviour(body: dict[str, Any], n: int) -> Script:
        return first[n] if n < len(first) else after(body, n - len(first))

    return behaviour


class _Completions(web.RequestHandler):
    def initialize(self, server: FakeOpenAI) -> None:
        self.server = server
        self.closed = asyncio.Event()

    def check_xsrf_cookie(self) -> None:
        pass

    def on_connection_close(self) -> None:
        self.closed.set()

    async def post(self, prefix: str = "", deployment: str | None = None) -> None:
        body = json.loads(self.request.body)
        self.record = {
            "body": body,
            "headers": dict(self.request.headers),
            "time": time.monotonic(),
            "path": self.request.path,
            "query": self.request.query,
            "deployment": deployment,
        }
        self.server.requests.append(self.record)
        script = self.server.next(body)
        if script.hang:
            try:
                await asyncio.wait_for(self.closed.wait(), 120)
            except asyncio.TimeoutError:
                pass
            return
        if script.delay:
            await asyncio.sleep(script.delay)
        if script.reject_tools and body.get("tools"):
            self.set_status(script.reject_status)
            self.finish(
                json.dumps(
                    script.reject_body
                    or {"error": {"message": "tools are not supported by this model", "type": "invalid_request_error"}}
                )
            )
            return
        if script.reject_stream_options and "stream_options" in body:
            self.set_status(400)
            self.finish(
                {
                    "error": {
                        "message": "Unrecognized request argument supplied: stream_options",
                        "type": "invalid_request_error",
                    }
                }
            )
            return
        if script.status:
            self.set_status(script.status)
            for k, v in script.headers.items():
                self.set_header(k, v)
            error_body = (
                script.error_body
                if script.error_body is not None
                else {"error": {"message": script.error, "type": "scripted"}}
            )
            self.set_header("Content-Type", "application/json")
            self.finish(error_body if isinstance(error_body, str) else json.dumps(error_body))
            return
        if script.json_body:
            self._whole_answer(body, script)
            return
        if script.html is not None or script.plain is not None:
            kind = "text/html" if script.html is not None else "text/plain"
            self.set_header("Content-Type", f"{kind}; charset=utf-8")
            self.finish(script.html if script.html is not None else script.plain)
            return
        self.set_header("Content-Type", "text/event-stream")
        if script.garbage:
            self.finish("data: {this is not json\n\n")
            return
        await _Stream(self, body, script).run()

    def _whole_answer(self, body: dict[str, Any], script: Script) -> None:
        message: dict[str, Any] = {"role": "assistant", "content": script.text or None}
        finish = "stop"
        if script.code is not None:
            message["tool_calls"] = [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": script.tool_name, "arguments": json.dumps({"code": script.code})},
                }
            ]
            finish = "tool_calls"
        self.set_header("Content-Type", "application/json")
        self.finish(
            json.dumps(
                {
                    "id": "c1",
                    "object": "chat.completion",
                    "created": 1,
                    "model": body.get("model", "m"),
                    "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                    "usage": {
                        "prompt_tokens": script.usage[0],
                        "completion_tokens": script.usage[1],
                        "total_tokens": sum(script.usage),
                    },
                }
            )
        )

    def on_finish(self) -> None:
        if hasattr(self, "record"):
            self.record["duration"] = time.monotonic() - self.record["time"]


class _Stream:
    """Writes one scripted reply as a server of the script's dialect would."""

    def __init__(self, handler: _Completions, body: dict[str, Any], script: Script):
        self.handler = handler
        self.body = body
        self.script = script
        self.model = body.get("model", "m")
        self.stalled = False

    async def write(self, raw: str) -> None:
        self.handler.write(raw)
        await self.handler.flush()
        if self.script.chunk_delay:
            await asyncio.sleep(self.script.chunk_delay)

    async def event(self, data: dict[str, Any]) -> None:
        if self.script.comments:
            await self.write(": keep-alive\n\n")
        end = "\n" if self.script.compact else "\n\n"
        await self.write(f"data: {json.dumps(data)}{end}")

    async def send(self, delta: dict[str, Any], finish: str | None = None, **extra: Any) -> None:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        if self.script.azure_filter:
            choice["content_filter_results"] = {"hate": {"filtered": False, "severity": "safe"}}
        await self.event(
            {
                "id": "c1",
                "object": "chat.completion.chunk",
                "created": 1,
                "model": self.model,
                "choices": [choice],
                **extra,
            }
        )

    async def say(self, content: str, field_name: str = "content") -> None:
        """Text in word-sized pieces."""
        words = content.split(" ")
        for i, word in enumerate(words):
            piece = word + (" " if i < len(words) - 1 else "")
            if piece:
                await self.send({field_name: piece})
            if self.script.stall and not self.stalled:
                self.stalled = True
                await asyncio.sleep(self.script.stall)
            if self.script.hold is not None and i == 0:
                while not self.script.hold.is_set():
                    await asyncio.sleep(0.05)

    def calls(self) -> list[str]:
        """The arguments of each call of the script."""
        s = self.script
        if s.codes is not None:
            return [json.dumps({"code": c}) for c in s.codes]
        if s.code is not None:
            return [json.dumps({"code": s.code})]
        if s.arguments is not None:
            return [s.arguments]
        return []

    def text_form(self, arguments: list[str]) -> str:
        """Calls written as text, for the text dialects."""
        s, parts = self.script, []
        for a in arguments:
            try:
                value: Any = json.loads(a)
            except ValueError:
                value = a
            if s.calls_as == "text_tool_call":
                parts.append("<tool_call>\n" + json.dumps({"name": s.tool_name, "arguments": value}) + "\n</tool_call>")
            elif s.calls_as == "bare_json":
                parts.append(json.dumps({"name": s.tool_name, "parameters": value}))
            elif s.calls_as == "fenced":
                code = value["code"] if isinstance(value, dict) else a
                parts.append(f"```python\n{code}\n```")
        return "\n".join(parts)

    async def run(self) -> None:
        s = self.script
        if s.azure_filter:
            await self.event(
                {
                    "id": "",
                    "object": "",
                    "created": 0,
                    "model": "",
                    "choices": [],
                    "prompt_filter_results": [
                        {"prompt_index": 0, "content_filter_results": {"hate": {"filtered": False, "severity": "safe"}}}
                    ],
                }
            )
        if s.role_chunk:
            await self.send({"role": "assistant", "content": ""})
        if s.reasoning:
            await self.say(s.reasoning, s.reasoning_field)
        content = s.text
        arguments = self.calls()
        written_calls = s.calls_as in ("text_tool_call", "bare_json", "fenced") and arguments
        if written_calls:
            content = (content + "\n" if content else "") + self.text_form(arguments)
        if s.think is not None:
            content = ("" if s.orphan_think else "<think>") + s.think + "</think>\n\n" + content
        if content:
            if s.only_reasoning:
                await self.say(content, s.reasoning_field)
            else:
                await self.say(content)
        if s.cut:
            self.handler.request.connection.stream.close()
            return
        if s.stream_error:
            await self.error_out()
            return
        finish = "stop"
        if arguments and not written_calls:
            finish = "function_call" if s.calls_as == "function_call" else "tool_calls"
            await self.send_calls(arguments)
        if s.finish_reason:
            finish = s.finish_reason
        if s.finish:
            await self.send({}, finish)
        if self.body.get("stream_options", {}).get("include_usage"):
            await self.event(
                {
                    "id": "c1",
                    "object": "chat.completion.chunk",
                    "created": 1,
                    "model": self.model,
                    "choices": [],
                    "usage": {
                        "prompt_tokens": s.usage[0],
                        "completion_tokens": s.usage[1],
                        "total_tokens": sum(s.usage),
                    },
                }
            )
        if s.linger:
            await asyncio.wait_for(self.handler.closed.wait(), 120)
            return
        self.handler.finish("data: [DONE]\n\n" if s.done else "")

    async def error_out(self) -> None:
        s = self.script
        error = {"code": s.stream_error_code, "message": s.error, "type": "server_error"}
        if s.stream_error == "sse_line":  # older llama.cpp
            await self.write(f"error: {json.dumps(error)}\n\n")
        elif s.stream_error == "event":
            await self.write(f"event: error\ndata: {json.dumps({'error': error})}\n\n")
        else:  # OpenRouter: an error chunk with finish reason "error"
            await self.send({"content": ""}, "error", error=error)
        self.handler.finish()

    async def send_calls(self, arguments: list[str]) -> None:
        s, name = self.script, self.script.tool_name
        for i, a in enumerate(arguments):
            call_id = f"call_{i + 1}"
            if s.calls_as == "function_call":
                await self.send({"function_call": {"name": name, "arguments": ""}})
                for piece in _pieces(a):
                    await self.send({"function_call": {"arguments": piece}})
            elif s.calls_as == "whole":
                await self.send(
                    {
                        "tool_calls": [
                            {"index": i, "id": call_id, "type": "function", "function": {"name": name, "arguments": a}}
                        ]
                    }
                )
            elif s.calls_as == "args_object":
                await self.send(
                    {
                        "tool_calls": [
                            {
                                "index": i,
                                "id": call_id,
                                "type": "function",
                                "function": {"name": name, "arguments": json.loads(a)},
                            }
                        ]
                    }
                )
            elif s.calls_as == "same_index":
                await self.send(
                    {
                        "tool_calls": [
                            {"index": 0, "id": call_id, "type": "function", "function": {"name": name, "arguments": a}}
                        ]
                    }
                )
            elif s.calls_as == "no_index":
                await self.send({"tool_calls": [{"type": "function", "function": {"name": name, "arguments": a}}]})
            elif s.calls_as == "cumulative":
                await self.send(
                    {
                        "tool_calls": [
                            {"index": i, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}
                        ]
                    }
                )
                so_far = ""
                for piece in _pieces(a):
                    so_far += piece
                    await self.send({"tool_calls": [{"index": i, "function": {"arguments": so_far}}]})
            else:  # split, name_every_chunk, summary_repeat
                await self.send(
                    {
                        "tool_calls": [
                            {"index": i, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}
                        ]
                    }
                )
                for piece in _pieces(a):
                    function = {"arguments": piece}
                    if s.calls_as == "name_every_chunk":
                        function["name"] = name
                    await self.send({"tool_calls": [{"index": i, "function": function}]})
        if s.calls_as == "summary_repeat":
            await self.send(
                {
                    "tool_calls": [
                        {
                            "index": i,
                            "id": f"call_{i + 1}",
                            "type": "function",
                            "function": {"name": name, "arguments": a},
                        }
                        for i, a in enumerate(arguments)
                    ]
                }
            )


def _pieces(text: str, size: int = 7) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


class _Models(web.RequestHandler):
    def initialize(self, server: FakeOpenAI) -> None:
        self.server = server

    def get(self, prefix: str = "") -> None:
        self.finish({"object": "list", "data": [{"id": "scripted-model", "object": "model"}]})


class FakeOpenAI:
    """Start with `FakeOpenAI().start()` (inside the test's event loop); queue answers with
    `script(...)`, or give a model its behaviour with `models[name] = ...`."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.scripts: list[Script] = []
        self.models: dict[str, Callable[[dict[str, Any], int], Script]] = {}
        self.default = Script(text="(no more scripted answers)")

    def script(self, *items: Script) -> FakeOpenAI:
        self.scripts.extend(items)
        return self

    def requests_for(self, model: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["body"].get("model") == model]

    def next(self, body: dict[str, Any]) -> Script:
        behaviour = self.models.get(body.get("model", ""))
        if behaviour is not None:
            return behaviour(body, len(self.requests_for(body["model"])) - 1)
        return self.scripts.pop(0) if self.scripts else self.default

    def start(self, port: int = 0) -> FakeOpenAI:
        """Listen on loopback, on `port` or (0) a free one."""
        if not port:
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
            sock.close()
        self.port = port
        app = web.Application(
            [
                (r"/openai/deployments/([^/]+)/chat/completions", _AzureCompletions, {"server": self}),
                (r"(.*)/chat/completions", _Completions, {"server": self}),
                (r"(.*)/models", _Models, {"server": self}),
            ]
        )
        self._http = httpserver.HTTPServer(app)
        self._http.listen(self.port, "127.0.0.1")
        return self

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self._http.stop()


class _AzureCompletions(_Completions):
    """Azure OpenAI's deployment route: the deployment is in the path."""

    async def post(self, deployment: str) -> None:  # type: ignore[override]
        await super().post("", deployment)
