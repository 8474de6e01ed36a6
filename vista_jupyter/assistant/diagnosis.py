"""What a model server's error means: the words it said, and what Vista should do about it.

Servers disagree on where the message goes (`{"error": {"message": ...}}`, `{"error": "..."}`,
`{"detail": ...}`, `{"message": ...}`, an upstream error nested in `metadata.raw`, plain text)
and on status codes (llama.cpp answers 500 for a request that needs `--jinja`, OpenRouter 404
when no provider supports tools). So the decision is made on the server's own words, with the
status as a second opinion, from the pattern tables below; the message shown to the user always
quotes what the server said.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

#: Longest quotation of a server's message in an error shown to a user.
MAX_SAID = 400

#: Kinds of failure recognised from the server's words, checked in this order (the first match
#: wins). Each pattern is searched case-insensitively in the message (and the raw body).
WORDS: list[tuple[str, list[str]]] = [
    # The conversation does not fit the model's context (OpenAI, vLLM, llama.cpp, LM Studio,
    # LiteLLM, Anthropic-style gateways).
    (
        "context",
        [
            r"context[ _-]?length[ _-]?exceeded",
            r"maximum context length",
            r"exceed\w*[ _]context",
            r"context (size|window|length) (has been |was |is )?exceeded",
            r"exceeds? (the )?(available |maximum )?context",
            r"larger than the (max(imum)? )?context",
            r"too many tokens",
            r"prompt is too long",
            r"input is too long",
            r"reduce the length of the messages",
            r"context ?window ?exceeded",
            r"requested tokens \(\d+\) exceed",
        ],
    ),
    # A tool call in the history the server cannot parse (Ollama, llama.cpp, vLLM reject
    # malformed `arguments` they are sent back).
    (
        "bad_tool_history",
        [
            r"invalid tool call arguments",
            r"tool call arguments",
            r"parse tool call",
            r"unmarshal .*arguments",
            r"tool_calls?\b.*\barguments",
            r"function\.arguments",
        ],
    ),
    # `stream_options` (usage in the stream) not understood.
    ("stream_options", [r"stream_options", r"include_usage"]),
    # Tool calling not available on this server or model.
    (
        "tools_unsupported",
        [
            r"support(s|ed)? tool",
            r"tools? (are|is) not (supported|available|enabled)",
            r"does ?n[o']t support (tools|tool calling|function)",
            r"not support (tools|tool|function)",
            r"tools param",
            r"--jinja",
            r"tool[ _]choice",
            r"auto[ -]tool[ -]choice",
            r"tool[ _-]call[ _-]parser",
            r"function[ _-]?calling (is )?not",
            r"unrecognized .*\btools\b",
            r"\btools\b.*\b(not permitted|not allowed|unexpected|unknown|extra)",
            r"(unexpected|unknown|extra)\b.*\btools\b",
        ],
    ),
]

#: The context size some servers state in their error ("maximum context length is 4096 tokens",
#: "n_ctx": 4096, "exceeds the available context size (2048 tokens)").
_CONTEXT_SIZE = [
    re.compile(r"maximum context length is (\d+)", re.I),
    re.compile(r"context (?:size|window|length)[^0-9]{0,20}\((\d+)(?: tokens)?\)", re.I),
    re.compile(r"context (?:size|window|length) (?:is|of) (\d+)", re.I),
    re.compile(r'"n_ctx"\s*:\s*(\d+)'),
    re.compile(r"exceed context window of (\d+)", re.I),
]

#: The prompt size some servers state ("your messages resulted in 9000 tokens", "request (5000
#: tokens) exceeds", "n_prompt_tokens": 5000).
_PROMPT_SIZE = [
    re.compile(r"resulted in (\d+) tokens", re.I),
    re.compile(r"request \((\d+) tokens\)", re.I),
    re.compile(r'"n_prompt_tokens"\s*:\s*(\d+)'),
    re.compile(r"requested (\d+) tokens", re.I),
    re.compile(r"requested tokens \((\d+)\)", re.I),
    re.compile(r"prompt is too long: (\d+) tokens", re.I),
]

#: Statuses whose failure is worth another try (with the server's Retry-After).
RETRY_STATUSES = {408, 409, 425, 429, 500, 502, 503, 504, 520, 522, 524, 529}


@dataclass
class Failure:
    """One failed request, understood."""

    kind: str  # a WORDS kind, or "status"
    status: int | None
    said: str  # what the server said, as one line (not yet redacted)
    retry_after: float | None = None
    context_size: int | None = None
    prompt_tokens: int | None = None

    @property
    def retryable(self) -> bool:
        return self.kind == "status" and self.status in RETRY_STATUSES


def _strings(value: Any, depth: int = 0) -> list[str]:
    """Candidate messages in an error body, best first."""
    if depth > 4 or value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith(("{", "[")):
            try:
                return _strings(json.loads(text), depth + 1) or [text]
            except ValueError:
                pass
        return [text] if text else []
    if isinstance(value, list):
        return [s for item in value[:3] for s in _strings(item, depth + 1)]
    if isinstance(value, dict):
        found: list[str] = []
        # An upstream provider's own words (OpenRouter's metadata.raw) beat a generic wrapper.
        metadata = value.get("metadata")
        if isinstance(metadata, dict):
            found += _strings(metadata.get("raw"), depth + 1)
        for key in ("error", "message", "detail", "msg", "error_message", "errors", "description"):
            if key in value:
                found += _strings(value[key], depth + 1)
        return found
    return [str(value)]


def server_said(body: Any, text: str = "") -> str:
    """The server's own message in an error `body` (parsed JSON or text), on one line."""
    candidates = _strings(body) or _strings(text)
    said = candidates[0] if candidates else ""
    if re.search(r"<(html|!doctype|body|head)\b", said, re.I):  # a web page: its title and heading
        parts = [
            re.sub(r"<[^>]+>", " ", m)
            for m in re.findall(r"<(?:title|h1)[^>]*>(.*?)</(?:title|h1)>", said, re.I | re.S)
        ]
        parts = list(dict.fromkeys(" ".join(p.split()) for p in parts if p.strip()))
        if parts:
            said = " - ".join(parts)
        else:
            said = re.sub(r"<(script|style)\b.*?</\1>", " ", said, flags=re.I | re.S)
            said = re.sub(r"<[^>]+>", " ", said)
    said = " ".join(said.split())
    return said[:MAX_SAID] + ("..." if len(said) > MAX_SAID else "")


def classify(status: int | None, said: str, raw: str = "") -> str:
    """The kind of failure (see WORDS), or "status" when only the status code says anything."""
    haystack = f"{said}\n{raw}"
    for kind, patterns in WORDS:
        if any(re.search(p, haystack, re.I) for p in patterns):
            return kind
    if status == 413:
        return "context"
    return "status"


def _number(patterns: list[re.Pattern[str]], said: str, raw: str) -> int | None:
    for pattern in patterns:
        match = pattern.search(f"{said}\n{raw}")
        if match:
            return int(match.group(1))
    return None


def context_size(said: str, raw: str = "") -> int | None:
    """The model's context size if the error states it."""
    return _number(_CONTEXT_SIZE, said, raw)


def prompt_size(said: str, raw: str = "") -> int | None:
    """The prompt's size in the server's tokens if the error states it."""
    return _number(_PROMPT_SIZE, said, raw)


def retry_after(headers: Any) -> float | None:
    """Seconds the server asks to wait (`retry-after-ms`, `retry-after` seconds or date)."""
    if headers is None:
        return None
    try:
        ms = headers.get("retry-after-ms")
        if ms:
            return max(0.0, float(ms) / 1000)
        value = headers.get("retry-after")
        if not value:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            from datetime import datetime, timezone

            when = parsedate_to_datetime(value)
            return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
    except (TypeError, ValueError, OverflowError):
        return None


def understand(status: int | None, body: Any, text: str = "", headers: Any = None) -> Failure:
    """A failed request (status, parsed body or text, response headers) understood."""
    said = server_said(body, text)
    raw = text if isinstance(text, str) else ""
    if not raw and body is not None and not isinstance(body, str):
        try:
            raw = json.dumps(body)
        except (TypeError, ValueError):
            raw = ""
    kind = classify(status, said, raw) if status not in (401, 403, 429) else "status"
    context = kind == "context"
    return Failure(
        kind=kind,
        status=status,
        said=said,
        retry_after=retry_after(headers),
        context_size=context_size(said, raw) if context else None,
        prompt_tokens=prompt_size(said, raw) if context else None,
    )
