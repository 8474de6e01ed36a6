"""Model clients: how the analysis loop talks to a language model.

`OpenAIClient` speaks the OpenAI Chat Completions protocol through the `openai` package, so it
works with OpenAI, Azure-compatible gateways, Ollama, vLLM, llama.cpp server and LM Studio. It
streams text, accumulates tool calls, and turns every failure into a `ModelError` whose message
tells the user what happened and never contains the API key.

Retries: the `openai` client itself retries 408/409/429/5xx answers, connection errors and
timeouts with exponential backoff, honouring `Retry-After` (`max_retries`). A stream that breaks
off after it started is retried here (the partial text is withdrawn with `on_reset`), a bounded
number of times.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import openai

TextCallback = Callable[[str], Awaitable[None]]
ResetCallback = Callable[[str], Awaitable[None]]

#: The tool the model calls to run code in the thread's kernel.
RUN_PYTHON_TOOL = {
    "type": "function",
    "function": {
        "name": "run_python",
        "description": (
            "Run Python code in the user's Jupyter kernel, where the datasets are loaded as "
            "pandas DataFrames and pd, np and plt are imported. Returns printed output, the "
            "value of the last expression, figures shown with plt.show(), or the error."
        ),
        "parameters": {
            "type": "object",
            "properties": {"code": {"type": "string", "description": "The Python code to run."}},
            "required": ["code"],
        },
    },
}


class ModelError(Exception):
    """The model could not answer; the message is fit to show to the user."""


@dataclass
class ToolCall:
    """A tool call as the model sent it (arguments are the raw JSON text)."""

    id: str
    name: str
    arguments: str


@dataclass
class Reply:
    """One complete model reply."""

    text: str = ""
    tool_calls: list[ToolCall] = field(default_factory=list)
    usage: dict[str, int] = field(default_factory=dict)
    finish_reason: str | None = None


class ModelClient(Protocol):
    """What the analysis loop needs from a model."""

    #: The model's id as offered to users.
    model: str
    #: Whether to pass `RUN_PYTHON_TOOL` (else the fenced-code protocol is used).
    uses_tools: bool

    async def complete(self, messages: list[dict[str, Any]], *, tools: bool,
                       on_text: TextCallback, on_reset: ResetCallback) -> Reply:
        """Stream one reply, calling `on_text` with each piece of text as it arrives."""
        ...


class _DroppedStream(Exception):
    pass


def _usage(chunk: Any) -> dict[str, int]:
    usage = getattr(chunk, "usage", None)
    if usage is None:
        return {}
    return {
        "prompt_tokens": int(getattr(usage, "prompt_tokens", 0) or 0),
        "completion_tokens": int(getattr(usage, "completion_tokens", 0) or 0),
    }


class OpenAIClient:
    """An OpenAI-compatible Chat Completions endpoint."""

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None,
        api_key: str | None,
        tool_protocol: str = "auto",
        timeout: float = 120.0,
        max_retries: int = 3,
        stream_retries: int = 2,
        backoff: float = 1.0,
    ):
        self.model = model
        self.base_url = base_url
        self._secret = api_key or ""
        self.tool_protocol = tool_protocol
        self.uses_tools = tool_protocol != "fenced"
        self.stream_retries = stream_retries
        self.backoff = backoff
        # Local servers need no key, but the openai package insists on one.
        self._client = openai.AsyncOpenAI(
            api_key=api_key or "no-key-needed",
            base_url=base_url or None,
            timeout=timeout,
            max_retries=max_retries,
        )
        self._include_usage = True

    def _clean(self, text: str) -> str:
        """A message with the API key (if any) removed."""
        if self._secret and len(self._secret) >= 4:
            text = text.replace(self._secret, "[hidden]")
        return text

    def _explain(self, e: Exception) -> ModelError:
        where = f" at {self.base_url}" if self.base_url else ""
        if isinstance(e, openai.AuthenticationError):
            return ModelError(
                f"Authentication failed with the model server{where} (HTTP 401). The API key is "
                "missing or wrong: an administrator sets it in the server's environment "
                "(OPENAI_API_KEY) or as c.VistaApp.api_key in jupyter_server_config.py."
            )
        if isinstance(e, openai.PermissionDeniedError):
            return ModelError(f"The model server{where} refused access to model {self.model!r} (HTTP 403).")
        if isinstance(e, openai.NotFoundError):
            return ModelError(f"The model server{where} does not know the model {self.model!r} (HTTP 404).")
        if isinstance(e, openai.RateLimitError):
            return ModelError(f"The model server{where} is rate-limiting requests (HTTP 429) and "
                              "did not recover after several retries. Try again in a minute.")
        if isinstance(e, openai.APITimeoutError):
            return ModelError(f"The model server{where} did not answer in time, even after retries.")
        if isinstance(e, openai.APIConnectionError):
            return ModelError(f"The model server{where} cannot be reached, even after retries.")
        if isinstance(e, openai.APIStatusError):
            detail = self._clean(str(getattr(e, "message", "") or ""))[:300]
            return ModelError(f"The model server{where} answered with an error (HTTP "
                              f"{e.status_code}) after retries: {detail}")
        if isinstance(e, _DroppedStream):
            return ModelError(f"The model server{where} kept breaking off its answer mid-stream.")
        return ModelError(f"The model server{where} gave an unusable answer: {self._clean(str(e))[:300]}")

    async def complete(self, messages: list[dict[str, Any]], *, tools: bool,
                       on_text: TextCallback, on_reset: ResetCallback) -> Reply:
        attempt = 0
        while True:
            try:
                return await self._once(messages, tools=tools and self.uses_tools, on_text=on_text)
            except openai.BadRequestError as e:
                message = str(getattr(e, "message", "") or e).lower()
                if tools and self.uses_tools and self.tool_protocol == "auto" and "tool" in message:
                    # This server or model has no tool calling: use fenced code from now on,
                    # and tell the model how (the system message was written for tools).
                    self.uses_tools = False
                    if messages and messages[0].get("role") == "system":
                        from .prompt import FENCED_PROTOCOL

                        messages[0] = dict(messages[0], content=messages[0]["content"] + FENCED_PROTOCOL)
                    return await self.complete(messages, tools=False, on_text=on_text, on_reset=on_reset)
                if self._include_usage and "stream_options" in message:
                    self._include_usage = False
                    continue
                raise ModelError(f"The model server refused the request (HTTP 400): "
                                 f"{self._clean(str(getattr(e, 'message', '')))[:300]}") from None
            except (_DroppedStream, openai.APIConnectionError, json.JSONDecodeError) as e:
                attempt += 1
                if attempt > self.stream_retries:
                    raise self._explain(e) from None
                await on_reset("The model's answer broke off; asking again.")
                await asyncio.sleep(self.backoff * 2 ** (attempt - 1))
            except openai.OpenAIError as e:
                raise self._explain(e) from None

    async def _once(self, messages: list[dict[str, Any]], *, tools: bool,
                    on_text: TextCallback) -> Reply:
        kwargs: dict[str, Any] = {"model": self.model, "messages": messages, "stream": True}
        if tools:
            kwargs["tools"] = [RUN_PYTHON_TOOL]
        if self._include_usage:
            kwargs["stream_options"] = {"include_usage": True}
        stream = await self._client.chat.completions.create(**kwargs)
        reply = Reply()
        calls: dict[int, dict[str, str]] = {}
        text: list[str] = []
        async with stream:
            async for chunk in stream:
                reply.usage = _usage(chunk) or reply.usage
                for choice in chunk.choices or ():
                    delta = choice.delta
                    if delta is not None and delta.content:
                        text.append(delta.content)
                        await on_text(delta.content)
                    for tc in (delta.tool_calls if delta is not None else None) or ():
                        slot = calls.setdefault(tc.index, {"id": "", "name": "", "arguments": ""})
                        if tc.id:
                            slot["id"] = tc.id
                        if tc.function is not None:
                            slot["name"] += tc.function.name or ""
                            slot["arguments"] += tc.function.arguments or ""
                    if choice.finish_reason:
                        reply.finish_reason = choice.finish_reason
        if reply.finish_reason is None:
            raise _DroppedStream("the stream ended without a finish reason")
        reply.text = "".join(text)
        reply.tool_calls = [
            ToolCall(c["id"] or f"call_{i}", c["name"], c["arguments"])
            for i, c in sorted(calls.items())
        ]
        return reply
