"""The stream normalizer's cost: Vista reads the raw event stream itself (the `openai` package's
parsed chunks drop non-standard lines and fields), so this compares it with what it replaces, the
package's own parsing of the same events (`json.loads` + `ChatCompletionChunk` validation), on
replies of the sizes users get: a short answer, a long one, and a long tool call.
"""

from __future__ import annotations

import json
import time

from common import Result
from openai.types.chat import ChatCompletionChunk

from vista_jupyter.assistant.stream import StreamNormalizer


def _events(pieces: list[dict]) -> list[str]:
    lines = []
    for delta in pieces:
        chunk = {
            "id": "c1",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "m",
            "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
        }
        lines += [f"data: {json.dumps(chunk)}", ""]
    lines += [
        f"data: {json.dumps({'id': 'c1', 'object': 'chat.completion.chunk', 'created': 1, 'model': 'm', 'choices': [{'index': 0, 'delta': {}, 'finish_reason': 'stop'}]})}",
        "",
        "data: [DONE]",
        "",
    ]
    return lines


def _replies() -> dict[str, list[str]]:
    words = [{"content": f"word{i} "} for i in range(2000)]
    code = json.dumps({"code": "import pandas as pd\n" + "df.groupby('a')['b'].mean()\n" * 200})
    call = [
        {
            "tool_calls": [
                {"index": 0, "id": "call_1", "type": "function", "function": {"name": "run_python", "arguments": ""}}
            ]
        }
    ]
    call += [{"tool_calls": [{"index": 0, "function": {"arguments": code[i : i + 8]}}]} for i in range(0, len(code), 8)]
    return {
        "short answer (40 chunks)": _events(words[:40]),
        "long answer (2000 chunks)": _events(words),
        f"tool call ({len(call)} chunks)": _events(call),
    }


def _vista(lines: list[str]) -> None:
    norm = StreamNormalizer()
    for line in lines:
        norm.feed_line(line)
    norm.end()


def _sdk(lines: list[str]) -> None:
    for line in lines:
        if line.startswith("data: ") and line[6:] != "[DONE]":
            ChatCompletionChunk.model_validate(json.loads(line[6:]))


def _best(fn, lines: list[str], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn(lines)
        times.append(time.perf_counter() - started)
    return min(times)


def run() -> list[Result]:
    results = []
    for name, lines in _replies().items():
        vista, sdk = _best(_vista, lines), _best(_sdk, lines)
        chunks = sum(1 for line in lines if line.startswith("data: "))
        results.append(Result("stream", f"{name}: Vista normalizer per chunk", vista / chunks * 1e6, "µs"))
        results.append(
            Result("stream", f"{name}: Vista / openai parsing time", vista / sdk, "x", "≤ 2x", vista / sdk <= 2)
        )
    return results
