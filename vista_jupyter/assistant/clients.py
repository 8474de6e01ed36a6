"""Model clients: how the analysis loop talks to a language model.

`Endpoint` is the one configured OpenAI-compatible server (OpenAI, Azure OpenAI, Ollama, vLLM,
llama.cpp's llama-server, LM Studio, a LiteLLM proxy, OpenRouter...): the `openai` client that
speaks to it, how it is named to users (never with credentials), and its configuration checks.
`OpenAIClient` is one turn's use of one model there: it sends the conversation, reads the reply
through the stream normalizer (`stream.py`), and turns every failure into a `ModelError` whose
message quotes what the server said and never contains a secret.

What is learned about a model (its server rejects tools, its model ignores them, it has no
`stream_options`, its real context size) is kept per endpoint and model in `ModelTraits`, so one
model's quirk never changes how another is used; what goes wrong inside one conversation (a tool
call the server cannot read back) only changes that turn.

Time: `timeout` is the longest silence accepted from the server (before its answer starts, and
between streamed pieces). Retries (429 honouring Retry-After, 5xx, timeouts, dropped connections
and streams) are Vista's alone, the `openai` package's own being off so they never multiply, and
all of one step's attempts and waits must fit in `step_timeout`; an answer that is streaming is
never cut for taking long.
"""

from __future__ import annotations

import asyncio
import base64
import importlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import openai

from ..errors import VistaError
from ..secrets import Secrets
from . import diagnosis
from .stream import (
    DroppedStream,
    Op,
    Reply,
    ServerReported,
    StreamNormalizer,
    ToolCall,
    UnreadableStream,
)

__all__ = [
    "ModelError",
    "ContextTooLong",
    "ToolsRejected",
    "ToolHistoryRejected",
    "ModelConfigError",
    "ModelTraits",
    "Endpoint",
    "OpenAIClient",
    "ModelClient",
    "Reply",
    "ToolCall",
    "RUN_PYTHON_TOOL",
]

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

#: The Azure OpenAI API version used when none is configured (the current GA version).
AZURE_API_VERSION = "2024-10-21"
#: Longest wait between retries when the server does not say how long to wait.
MAX_BACKOFF = 8.0


def _transport_errors() -> tuple[type[BaseException], ...]:
    """The HTTP library's request errors (`httpx2` for recent `openai` releases, `httpx` before):
    a stream read directly, as Vista does, raises them unwrapped."""
    errors = []
    for name in ("httpx2", "httpx"):
        try:
            errors.append(importlib.import_module(name).RequestError)
        except (ImportError, AttributeError):
            continue
    return tuple(errors)


TRANSPORT_ERRORS = _transport_errors()


class ModelError(Exception):
    """The model could not answer; the message is fit to show to the user."""


class ContextTooLong(ModelError):
    """The server says the conversation does not fit the model's context."""

    def __init__(self, message: str, context_size: int | None = None, prompt_tokens: int | None = None):
        super().__init__(message)
        #: The model's context and the prompt's size, in the server's tokens, when it says them.
        self.context_size = context_size
        self.prompt_tokens = prompt_tokens


class ToolsRejected(ModelError):
    """The server or model does not offer tool calling."""


class ToolHistoryRejected(ModelError):
    """The server cannot read a tool call in the conversation it was sent."""


class ModelConfigError(VistaError):
    """The model endpoint is configured in a way that cannot work (found at start-up)."""

    status_code = 503
    reason = "misconfigured"


@dataclass
class ModelTraits:
    """What has been learned about one model on one endpoint (shared by its turns)."""

    #: "unknown", "works" (it made a real tool call), "rejected" (the server refused the tools
    #: parameter) or "ignored" (the model answered with code blocks although tools were offered).
    tools: str = "unknown"
    #: Whether the server accepts `stream_options` (usage in the stream).
    stream_options: bool = True
    #: A context budget (tokens) learned from a "context length exceeded" answer.
    context_budget: int | None = None


class ModelClient(Protocol):
    """What the analysis loop needs from a model."""

    #: The model's id as offered to users.
    model: str
    #: Whether the turn starts with tool calling (else the fenced-code protocol is used).
    uses_tools: bool

    async def complete(
        self, messages: list[dict[str, Any]], *, tools: bool, on_text: TextCallback, on_reset: ResetCallback
    ) -> Reply:
        """Stream one reply, calling `on_text` with each piece of text as it arrives."""
        ...


def _plain_url(url: str) -> tuple[str, str | None]:
    """`url` without credentials, and a Basic authorization header for them (if any)."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url, None
    host = parts.netloc.rpartition("@")[2]
    pair = f"{parts.username or ''}:{parts.password or ''}"
    auth = "Basic " + base64.b64encode(pair.encode()).decode()
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment)), auth


class Endpoint:
    """The configured model server. Raises `ModelConfigError` for a configuration that cannot
    work, with what to write instead."""

    def __init__(
        self,
        *,
        base_url: str = "",
        api_key: str = "",
        azure_endpoint: str = "",
        azure_api_version: str = "",
        azure_deployments: dict[str, str] | None = None,
        timeout: float = 120.0,
        secrets: Secrets | None = None,
    ):
        self.secrets = secrets or Secrets.of(api_key=api_key, base_url=base_url, azure_endpoint=azure_endpoint)
        self.timeout = timeout
        self.azure = bool(azure_endpoint)
        #: Azure: the deployment serving each model id (else the id is the deployment's name).
        self.deployments = dict(azure_deployments or {}) if self.azure else {}
        headers: dict[str, str] = {}
        if self.azure:
            url, auth = self._check("azure_endpoint", azure_endpoint, azure=True)
            self.display = url.rstrip("/")
            # Local servers need no key, but the openai package insists on one.
            self.client: Any = openai.AsyncAzureOpenAI(
                azure_endpoint=url,
                api_version=azure_api_version or AZURE_API_VERSION,
                api_key=api_key or "no-key-needed",
                max_retries=0,
                timeout=timeout + 5,
                default_headers={"Authorization": auth} if auth else None,
            )
            return
        url, auth = self._check("base_url", base_url) if base_url else ("", None)
        self.display = url.rstrip("/")
        if auth:
            # Credentials written into the URL go in a header, so the URL that may appear in a
            # message or a log line carries none.
            headers["Authorization"] = auth
        self.client = openai.AsyncOpenAI(
            api_key=api_key or "no-key-needed",
            base_url=url or None,
            max_retries=0,
            timeout=timeout + 5,
            default_headers=headers or None,
        )

    def _check(self, name: str, url: str, *, azure: bool = False) -> tuple[str, str | None]:
        shown = self.secrets.redact(url)
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a bad port
        except ValueError:
            raise ModelConfigError(f"c.VistaApp.{name} is not a valid URL: {shown!r}.") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ModelConfigError(
                f"c.VistaApp.{name} must be an http:// or https:// URL, such as "
                f"'http://localhost:11434/v1'; it is {shown!r}."
            )
        azure_hint = (
            "For an Azure OpenAI deployment set c.VistaApp.azure_endpoint = "
            "'https://<resource>.openai.azure.com' (the model names are the deployment names; "
            "the API version is c.VistaApp.azure_api_version), or use Azure's v1 endpoint "
            "'https://<resource>.openai.azure.com/openai/v1/' as base_url."
        )
        if parts.query or parts.fragment:
            raise ModelConfigError(
                f"c.VistaApp.{name} must not contain a query string ('?...'): the openai client "
                f"drops or mangles it. It is {shown!r}. {azure_hint}"
            )
        if azure and parts.path.strip("/"):
            raise ModelConfigError(
                f"c.VistaApp.azure_endpoint is the address of the Azure OpenAI resource only, "
                f"without a path; it is {shown!r}. {azure_hint}"
            )
        if not azure and "/openai/deployments/" in parts.path:
            raise ModelConfigError(f"c.VistaApp.base_url points at one Azure deployment ({shown!r}). {azure_hint}")
        return _plain_url(url)

    def model_name(self, model: str) -> str:
        """What to send as `model` (on Azure: the deployment's name)."""
        return self.deployments.get(model, model)

    @property
    def where(self) -> str:
        """' at <url>' for messages (no credentials), or '' for OpenAI's own."""
        return f" at {self.display}" if self.display else ""


class _Retry(Exception):
    """A failure worth another attempt: what to say if it is the last one."""

    def __init__(self, problem: str, wait: float | None = None, advice: str = "", free: bool = False):
        super().__init__(problem)
        self.problem = problem
        self.wait = wait
        self.advice = advice
        #: Not a failure of the server but a request to fix: another attempt, not counted.
        self.free = free


class OpenAIClient:
    """One turn's client for one model of the endpoint (see the module docstring)."""

    def __init__(
        self,
        endpoint: Endpoint,
        model: str,
        traits: ModelTraits | None = None,
        *,
        tool_protocol: str = "auto",
        max_retries: int = 3,
        step_timeout: float = 300.0,
        backoff: float = 0.5,
        log: logging.Logger | None = None,
    ):
        self.endpoint = endpoint
        self.model = model
        self.traits = traits or ModelTraits()
        self.tool_protocol = tool_protocol
        #: Whether the loop may switch this turn to fenced code when tools do not work.
        self.may_fall_back = tool_protocol == "auto"
        self.uses_tools = tool_protocol == "tools" or (
            tool_protocol == "auto" and self.traits.tools not in ("rejected", "ignored")
        )
        self.max_retries = max_retries
        self.step_timeout = step_timeout
        self.backoff = backoff
        self.log = log or logging.getLogger(__name__)

    def note_tools_ignored(self) -> None:
        """The model answered with a code block although tools were offered: its next turns
        start with the fenced-code protocol."""
        if self.traits.tools != "works":
            self.traits.tools = "ignored"

    @property
    def silence(self) -> float:
        return self.endpoint.timeout

    def _say(self, text: str) -> str:
        return self.endpoint.secrets.redact(text)

    # --- one step -------------------------------------------------------------------------------

    async def complete(
        self, messages: list[dict[str, Any]], *, tools: bool, on_text: TextCallback, on_reset: ResetCallback
    ) -> Reply:
        started = time.monotonic()
        # At least one full silence period: raising model_timeout alone must be enough for a slow model.
        deadline = started + max(self.step_timeout, self.silence)
        attempt = 0
        shown = False

        async def emit(op: Op) -> None:
            nonlocal shown
            kind, text = op
            if kind == "text":
                shown = True
                await on_text(text)
            elif shown:
                shown = False
                await on_reset("The model's reply was not its answer.")

        while True:
            attempt += 1
            try:
                reply = await self._attempt(messages, tools, emit, deadline)
            except _Retry as failure:
                if failure.free:
                    attempt -= 1
                    continue
                wait = failure.wait
                if wait is None:
                    wait = min(MAX_BACKOFF, self.backoff * 2 ** (attempt - 1))
                elapsed = time.monotonic() - started
                if attempt > self.max_retries or time.monotonic() + wait >= deadline:
                    tries = f"{attempt} attempts in {elapsed:.0f} s" if attempt > 1 else f"after {elapsed:.0f} s"
                    if failure.wait is not None and failure.wait > deadline - time.monotonic():
                        tries = (
                            f"and asks to wait {failure.wait:.0f} s, longer than Vista waits "
                            f"for one step ({max(self.step_timeout, self.silence):g} s)"
                        )
                    message = self._say(
                        f"The model server{self.endpoint.where} {failure.problem} ({tries}). {failure.advice}".strip()
                    )
                    raise ModelError(message) from None
                self.log.warning(
                    "Vista: model %r%s: %s; retrying in %.1f s (attempt %d of %d)",
                    self.model,
                    self.endpoint.where,
                    self._say(failure.problem),
                    wait,
                    attempt + 1,
                    self.max_retries + 1,
                )
                if shown:
                    shown = False
                    await on_reset("The model's answer broke off; asking again.")
                await asyncio.sleep(wait)
                continue
            if tools and any(c.source == "native" for c in reply.tool_calls):
                self.traits.tools = "works"
            if reply.finish_reason == "content_filter":
                raise ModelError(
                    self._say(
                        f"The model server{self.endpoint.where} stopped the answer with its content "
                        "filter. Rephrase the question, or ask an administrator about the filter settings."
                    )
                )
            return reply

    async def _attempt(
        self, messages: list[dict[str, Any]], tools: bool, emit: Callable[[Op], Awaitable[None]], deadline: float
    ) -> Reply:
        kwargs: dict[str, Any] = {"model": self.endpoint.model_name(self.model), "messages": messages, "stream": True}
        if tools:
            kwargs["tools"] = [RUN_PYTHON_TOOL]
        if self.traits.stream_options:
            kwargs["stream_options"] = {"include_usage": True}

        # One timeout for every read of this request (the response's headers, each piece of the
        # stream): the longest silence, cut to what is left of the step. (The HTTP library's own
        # timeout, not asyncio.wait_for around each read: on Python 3.11 that can swallow a
        # Stop that arrives just as a piece does.)
        kwargs["timeout"] = max(0.1, min(self.silence, deadline - time.monotonic()))
        norm = StreamNormalizer()
        try:
            async with self.endpoint.client.chat.completions.with_streaming_response.create(**kwargs) as response:
                content_type = response.headers.get("content-type", "")
                if content_type.startswith("text/html"):
                    # A web page: the URL is a web app or a proxy's page, not the API.
                    page = (await response.read())[:2000].decode("utf-8", "replace")
                    said = diagnosis.server_said(None, page)
                    raise ModelError(
                        self._say(
                            f"The model server{self.endpoint.where} answered with a web page, not the API"
                            f"{self._quote(said)}. Check c.VistaApp.base_url: it is the OpenAI-compatible "
                            "address, which usually ends in /v1."
                        )
                    )
                if "json" in content_type and "event-stream" not in content_type:
                    # A whole answer (or an error) instead of a stream.
                    body = await response.read()
                    try:
                        answer = json.loads(body)
                    except ValueError:
                        raise UnreadableStream(f"not JSON: {body[:80]!r}") from None
                    for op in norm.feed_chunk(answer):
                        await emit(op)
                    norm.done = True
                else:
                    try:
                        async for line in response.iter_lines():
                            for op in norm.feed_line(line):
                                await emit(op)
                            if norm.done:
                                break
                            if not norm.started and time.monotonic() > deadline:
                                # Keep-alive comments, but no answer within the step's time.
                                raise _Retry("sent keep-alive comments but no answer")
                    except (openai.APITimeoutError, *TRANSPORT_ERRORS) as e:
                        if "timeout" not in type(e).__name__.lower() or norm.finish_reason is None:
                            raise
                        # Finished, and the server keeps the connection open: the answer is whole.
                reply, ops = norm.end()
                for op in ops:
                    await emit(op)
                return reply
        except openai.APIStatusError as e:
            raise self._status_failure(e, tools) from None
        except openai.APITimeoutError:
            raise self._silent(norm.started, kwargs["timeout"]) from None
        except (openai.APIConnectionError, *TRANSPORT_ERRORS) as e:
            if "timeout" in type(e).__name__.lower():
                raise self._silent(norm.started, kwargs["timeout"]) from None
            if norm.started:
                raise _Retry("broke off in the middle of its answer (the connection was lost)") from None
            cause = e if isinstance(e, TRANSPORT_ERRORS) else (e.__cause__ or e.__context__)
            detail = f": {self._say(str(cause))[:200]}" if cause and str(cause) else ""
            raise _Retry(
                f"cannot be reached{detail}", advice="Check c.VistaApp.base_url and that the server is running."
            ) from None
        except DroppedStream:
            if norm.started:
                raise _Retry("broke off in the middle of its answer") from None
            if norm.stray:
                raise _Retry(
                    f"answered with something that is not an event stream: {self._say(norm.stray)}",
                    advice="Check that c.VistaApp.base_url is the server's OpenAI-compatible "
                    "address (it usually ends in /v1).",
                ) from None
            raise _Retry("closed the connection without answering") from None
        except UnreadableStream as e:
            raise _Retry(
                f"sent something that is not a Chat Completions stream ({self._say(str(e))})",
                advice="Check that c.VistaApp.base_url is the server's OpenAI-compatible "
                "address (it usually ends in /v1).",
            ) from None
        except ServerReported as e:
            raise self._reported_failure(e, tools) from None

    # --- failures -------------------------------------------------------------------------------

    def _silent(self, started: bool, waited: float) -> _Retry:
        advice = (
            "It may be overloaded or stuck: an administrator can check it, or raise "
            "c.VistaApp.model_timeout for a slow model."
        )
        if started:
            return _Retry(f"stopped sending in the middle of its answer (nothing for {waited:.3g} s)", advice=advice)
        return _Retry(f"accepted the request but sent nothing for {waited:.3g} s", advice=advice)

    def _quote(self, said: str) -> str:
        return f": {self._say(said)}" if said else ""

    def _understood(self, failure: diagnosis.Failure, tools: bool, what: str) -> Exception | None:
        """The exception for failures recognised from the server's words (else None)."""
        where = self.endpoint.where
        said = self._quote(failure.said)
        if failure.kind == "context":
            return ContextTooLong(
                self._say(
                    f"The conversation is too long for the model {self.model!r}: the model server{where} "
                    f"{what}{said}. Start a new analysis, or ask an administrator to lower "
                    "c.VistaApp.context_budget or give the model a larger context."
                ),
                failure.context_size,
                failure.prompt_tokens,
            )
        if failure.kind == "tools_unsupported" and tools:
            if self.traits.tools != "works":
                self.traits.tools = "rejected"  # a property of this model here: its next turns go fenced
            return ToolsRejected(
                self._say(f"The model server{where} does not offer tool calling for {self.model!r} ({what}{said}).")
            )
        if failure.kind == "bad_tool_history":
            return ToolHistoryRejected(
                self._say(
                    f"The model server{where} could not read a code request earlier in this answer ({what}{said})."
                )
            )
        return None

    def _status_failure(self, e: openai.APIStatusError, tools: bool) -> Exception:
        response = getattr(e, "response", None)
        text = ""
        try:
            text = response.text if response is not None else ""
        except Exception:  # the body could not be read
            text = ""
        failure = diagnosis.understand(e.status_code, e.body, text, response.headers if response is not None else None)
        status, said, where = e.status_code, self._quote(failure.said), self.endpoint.where
        if failure.kind == "stream_options" and self.traits.stream_options:
            self.traits.stream_options = False
            return _Retry("does not accept stream_options", free=True)
        understood = self._understood(failure, tools, f"answered HTTP {status}")
        if understood is not None:
            return understood
        if status == 401:
            return ModelError(
                self._say(
                    f"Authentication failed with the model server{where} (HTTP 401{said}). The API key "
                    "is missing or wrong: an administrator sets it in the server's environment "
                    "(OPENAI_API_KEY) or as c.VistaApp.api_key in jupyter_server_config.py."
                )
            )
        if status == 403:
            return ModelError(
                self._say(f"The model server{where} refused access to the model {self.model!r} (HTTP 403{said}).")
            )
        if status == 404:
            hint = (
                f"Check that the model {self.model!r} is available there."
                if not failure.said or "model" in failure.said.lower() or "deployment" in failure.said.lower()
                else "Check c.VistaApp.base_url (it usually ends in /v1) and the model name."
            )
            return ModelError(
                self._say(f"The model server{where} answered HTTP 404 for the model {self.model!r}{said}. {hint}")
            )
        if failure.retryable:
            problem = (
                f"is rate-limiting requests (HTTP 429{said})" if status == 429 else f"answered HTTP {status}{said}"
            )
            return _Retry(problem, wait=failure.retry_after, advice="Try again in a minute." if status == 429 else "")
        return ModelError(self._say(f"The model server{where} refused the request (HTTP {status}{said})."))

    def _reported_failure(self, e: ServerReported, tools: bool) -> Exception:
        code = e.code
        status = int(code) if isinstance(code, (int, str)) and str(code).isdigit() else None
        failure = diagnosis.understand(status, e.body, e.said)
        failure.said = failure.said or e.said
        understood = self._understood(failure, tools, "reported an error while answering")
        if understood is not None:
            return understood
        if status in diagnosis.RETRY_STATUSES:
            return _Retry(f"reported an error while answering{self._quote(failure.said)}")
        return ModelError(
            self._say(
                f"The model server{self.endpoint.where} reported an error while answering{self._quote(failure.said)}."
            )
        )
