"""A real HTTP server speaking the OpenAI Chat Completions protocol, with scripted replies.

It stands in for a hosted model at the wire: the real `openai` client connects to it over
loopback, receives streamed chunks (text, tool calls, usage), error statuses with their headers,
cut-off streams and slow answers. Every request it receives is recorded for assertions.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
from dataclasses import dataclass, field
from typing import Any

from tornado import httpserver, web


@dataclass
class Script:
    """One scripted answer. Exactly one kind is used, checked in this order."""

    status: int | None = None  # an error answer
    headers: dict[str, str] = field(default_factory=dict)
    error: str = "scripted error"
    reject_tools: bool = False  # 400 if the request offers tools, else fall through
    delay: float = 0.0  # seconds before answering
    cut: bool = False  # stream some text, then drop the connection without finishing
    garbage: bool = False  # 200 with a body that is not SSE JSON
    text: str = ""
    code: str | None = None  # a run_python tool call with this code
    arguments: str | None = None  # a tool call with these raw arguments
    tool_name: str = "run_python"
    chunk_delay: float = 0.0  # pause between streamed chunks
    usage: tuple[int, int] = (11, 7)


def text(content: str, **kw: Any) -> Script:
    return Script(text=content, **kw)


def tool(code: str, content: str = "", **kw: Any) -> Script:
    return Script(code=code, text=content, **kw)


class _Completions(web.RequestHandler):
    def initialize(self, server: FakeOpenAI) -> None:
        self.server = server

    def check_xsrf_cookie(self) -> None:
        pass

    async def post(self) -> None:
        body = json.loads(self.request.body)
        self.record = {"body": body, "headers": dict(self.request.headers), "time": time.monotonic()}
        self.server.requests.append(self.record)
        script = self.server.next(body)
        if script.delay:
            await asyncio.sleep(script.delay)
        if script.reject_tools and body.get("tools"):
            self.set_status(400)
            self.finish({"error": {"message": "tools are not supported by this model",
                                   "type": "invalid_request_error"}})
            return
        if script.status:
            self.set_status(script.status)
            for k, v in script.headers.items():
                self.set_header(k, v)
            self.finish({"error": {"message": script.error, "type": "scripted"}})
            return
        self.set_header("Content-Type", "text/event-stream")
        if script.garbage:
            self.finish("data: {this is not json\n\n")
            return
        model = body.get("model", "m")

        async def send(delta: dict[str, Any], finish: str | None = None) -> None:
            chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": model,
                     "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
            self.write(f"data: {json.dumps(chunk)}\n\n")
            await self.flush()
            if script.chunk_delay:
                await asyncio.sleep(script.chunk_delay)

        await send({"role": "assistant"})
        words = script.text.split(" ") if script.text else []
        for i, word in enumerate(words):
            await send({"content": word + (" " if i < len(words) - 1 else "")})
        if script.cut:
            self.request.connection.stream.close()
            return
        finish = "stop"
        arguments = script.arguments
        if script.code is not None:
            arguments = json.dumps({"code": script.code})
        if arguments is not None:
            finish = "tool_calls"
            half = len(arguments) // 2
            await send({"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                                        "function": {"name": script.tool_name, "arguments": arguments[:half]}}]})
            await send({"tool_calls": [{"index": 0, "function": {"arguments": arguments[half:]}}]})
        await send({}, finish)
        if body.get("stream_options", {}).get("include_usage"):
            usage = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": model,
                     "choices": [], "usage": {"prompt_tokens": script.usage[0],
                                              "completion_tokens": script.usage[1],
                                              "total_tokens": sum(script.usage)}}
            self.write(f"data: {json.dumps(usage)}\n\n")
        self.finish("data: [DONE]\n\n")


    def on_finish(self) -> None:
        if hasattr(self, "record"):
            self.record["duration"] = time.monotonic() - self.record["time"]


class _Models(web.RequestHandler):
    def initialize(self, server: FakeOpenAI) -> None:
        self.server = server

    def get(self) -> None:
        self.finish({"object": "list", "data": [{"id": "scripted-model", "object": "model"}]})


class FakeOpenAI:
    """Start with `FakeOpenAI().start()` (inside the test's event loop); queue answers with `script(...)`."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.scripts: list[Script] = []
        self.default = Script(text="(no more scripted answers)")

    def script(self, *items: Script) -> FakeOpenAI:
        self.scripts.extend(items)
        return self

    def next(self, body: dict[str, Any]) -> Script:
        return self.scripts.pop(0) if self.scripts else self.default

    def start(self, port: int = 0) -> FakeOpenAI:
        """Listen on loopback, on `port` or (0) a free one."""
        if not port:
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
            sock.close()
        self.port = port
        app = web.Application([
            (r"/v1/chat/completions", _Completions, {"server": self}),
            (r"/v1/models", _Models, {"server": self}),
        ])
        self._http = httpserver.HTTPServer(app)
        self._http.listen(self.port, "127.0.0.1")
        return self

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def stop(self) -> None:
        self._http.stop()
