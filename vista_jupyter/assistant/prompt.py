"""What the model is told: the system prompt, the datasets, and the conversation within a budget.

The user sees every message and step; the model is sent a trimmed view: the system prompt and
dataset summaries always, then as many recent turns as fit in the context budget (newest first),
with each past turn's code and outputs reduced to a short summary. Budgets are in tokens,
estimated as characters / 4.
"""

from __future__ import annotations

import re
from typing import Any

CHARS_PER_TOKEN = 4
#: Longest tool result (code output) sent back to the model, in characters.
MAX_RESULT_CHARS = 4000

SYSTEM_PROMPT = """\
You are Vista, a careful data analyst working inside JupyterLab for people who do not program.
The user's data is already loaded in a Python (Jupyter) kernel as pandas DataFrames, described
below; pd, np and plt (matplotlib) are imported.

How to work:
- Answer by running code with the run_python tool; look at its output before you answer. If the
  code fails, read the error, fix the code and run it again.
- Visualise proactively: a well-labelled chart (title, axis labels, units) often explains more
  than a table. Show figures with plt.show(). Keep tables short (head, top rows, aggregates).
- Never invent numbers: every number you state must come from code output you have seen.
- State your assumptions (for example how missing values were treated or which column you took
  as the date).
- Final answer: plain language in Markdown, short, for a non-programmer; refer to the figures you
  produced ("the chart above shows ..."); no code in the final answer.
- Answer in the language the user writes in (for example Korean if they write Korean).
"""

FENCED_PROTOCOL = """\

This model has no tool calling. To run code, reply with exactly one fenced block:
```python
# your code
```
and nothing after it; you will receive its output in the next message. When you have what you
need, reply with your final answer and no code block.
"""

_FENCE = re.compile(r"```(?:python|py)?[ \t]*\n(.*?)```", re.S)


def extract_code(text: str) -> str | None:
    """The first fenced Python block of a reply (fenced-code protocol), if any."""
    match = _FENCE.search(text)
    return match.group(1).strip() if match else None


def tokens(text: str) -> int:
    """A rough token count (characters / 4)."""
    return len(text) // CHARS_PER_TOKEN + 1


def system_message(dataset_summaries: list[tuple[str, str]], fenced: bool) -> dict[str, str]:
    """The system message: instructions plus one summary per dataset (variable name, summary)."""
    parts = [SYSTEM_PROMPT]
    if fenced:
        parts.append(FENCED_PROTOCOL)
    parts.append("\nDatasets (variable name in the kernel, then a description):")
    for var_name, summary in dataset_summaries:
        parts.append(f"\n`{var_name}`:\n{summary}")
    return {"role": "system", "content": "\n".join(parts)}


def shorten(text: str, limit: int = MAX_RESULT_CHARS) -> str:
    """`text` cut in the middle to `limit` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    head, tail = text[: limit * 2 // 3], text[-limit // 3 :]
    return f"{head}\n... [{len(text) - len(head) - len(tail):,} characters left out] ...\n{tail}"


def result_for_model(result: dict[str, Any]) -> str:
    """An execution result (ExecutionResult.to_dict()) as text for the model."""
    lines = [f"status: {result['status']}"]
    figures = 0
    for output in result["outputs"]:
        kind = output["output_type"]
        if kind == "stream":
            lines.append(f"[{output['name']}]\n{output['text'].rstrip()}")
        elif kind in ("execute_result", "display_data"):
            if "artifact" in output:
                figures += 1
                lines.append(f"[figure {figures} shown to the user]")
            elif "text/plain" in output.get("data", {}):
                lines.append(f"[result]\n{output['data']['text/plain']}")
        elif kind == "error":
            trace = "\n".join(output.get("traceback", [])[-3:])
            lines.append(f"[error] {output['ename']}: {output['evalue']}\n{trace}")
    if result.get("error") and result["status"] in ("timeout", "died"):
        lines.append(f"[error] {result['error']['evalue']}")
    return shorten("\n".join(lines))


def past_turn(message: dict[str, Any]) -> str:
    """A finished assistant message as a compact text for the model's history."""
    steps = message.get("metadata", {}).get("steps", [])
    parts = []
    for step in steps:
        if step.get("code"):
            summary = shorten(result_for_model(step["result"]), 600) if step.get("result") else ""
            parts.append(f"Code I ran:\n```python\n{step['code']}\n```\nIts output: {summary}")
    parts.append(message["content"])
    return "\n\n".join(p for p in parts if p)


def history(messages: list[dict[str, Any]], budget: int) -> list[dict[str, str]]:
    """Past messages as chat messages, newest kept first, within `budget` tokens."""
    out: list[dict[str, str]] = []
    used = 0
    for message in reversed(messages):
        if message["role"] == "user":
            content = message["content"]
        elif message["role"] == "assistant":
            content = past_turn(message)
        else:
            continue
        cost = tokens(content)
        if used + cost > budget:
            break
        out.append({"role": message["role"], "content": content})
        used += cost
    out.reverse()
    # A history must not start with an orphan assistant reply.
    while out and out[0]["role"] != "user":
        out.pop(0)
    return out
