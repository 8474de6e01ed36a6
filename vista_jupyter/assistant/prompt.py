"""What the model is told: the system prompt, the datasets, and the conversation within a budget.

The user sees every message and step; the model is sent a trimmed view (`fit`): the system prompt
and dataset summaries always, the newest question always (shortened in the middle if it alone
would not fit), everything the current turn has done so far (older code outputs shortened first
when space runs out), then as many earlier turns as fit, newest first, each reduced to a short
summary of its code and outputs. Budgets are in tokens, estimated as UTF-8 bytes / 4, and count
every message sent (tool calls and their results included).

The system prompt says how each dataset is held in the kernel (`memory.KernelMemory`): a pandas
DataFrame, or for data too large for the kernel's memory a DuckDB view with a pandas sample and
`sql()`, with how to query it (`LARGE_DATA`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

CHARS_PER_TOKEN = 4
#: Longest tool result (code output) sent back to the model, in characters.
MAX_RESULT_CHARS = 4000
#: Code outputs of earlier steps of a turn are cut to this many characters when space runs out.
SHORT_RESULT_CHARS = 600
#: The newest question is never cut below this many tokens.
MIN_QUESTION_TOKENS = 250
#: How the output of code run from a reply written as text goes back to the model.
OUTPUT_PREFIX = "Output of your code:\n"

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

#: The first lines of the prompt when some dataset is held in DuckDB.
SYSTEM_PROMPT_LARGE = SYSTEM_PROMPT.replace(
    "The user's data is already loaded in a Python (Jupyter) kernel as pandas DataFrames, described\n"
    "below; pd, np and plt (matplotlib) are imported.",
    "The user's data is already in a Python (Jupyter) kernel, described below: pandas DataFrames,\n"
    "and DuckDB views for data too large for the kernel's memory; pd, np and plt (matplotlib) are\n"
    "imported.",
)

LARGE_DATA = """\

Datasets held in DuckDB (marked below) are too large to load into pandas in this kernel:
- Query them with SQL: sql("SELECT ... FROM df ...") runs DuckDB (out of core, so it handles the
  whole table) and returns the result as a pandas DataFrame. Do the work in SQL (GROUP BY,
  WHERE, ORDER BY ... LIMIT) so the result is small; a result over {max_result} is refused.
- Never bring a whole table into pandas (df.df(), df.fetchdf(), SELECT * without LIMIT): the
  kernel would run out of memory. In Python the dataset's name is a DuckDB relation, not a
  DataFrame: it has no pandas methods.
- DuckDB SQL: date_trunc('month', col) for periods, floor(col / width) * width for histogram
  bins, quantile_cont(col, 0.5) for a median, count(*) FILTER (WHERE ...) for conditional counts.
- <name>_sample is a pandas DataFrame of rows spread evenly over the table, for looking at
  values and for scatter plots; say when a chart or a number comes from the sample, and its size.
"""


@dataclass
class DatasetNote:
    """What the model is told about one dataset: its variable, its summary, how it is held."""

    var: str
    summary: str
    mode: str = "pandas"
    #: The pandas sample's variable and its rows, for a dataset held in DuckDB.
    sample: str | None = None
    sample_rows: int = 0


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
    """A rough token count: UTF-8 bytes / 4 (characters / 4 for English; Korean, at 3 bytes a
    syllable, counts about 3 tokens per 4 syllables, nearer what tokenizers make of it)."""
    return len(text.encode("utf-8", "replace")) // CHARS_PER_TOKEN + 1


def _chars_for(text: str, n_tokens: int) -> int:
    """How many characters of `text` make about `n_tokens` tokens."""
    per_char = max(1.0, len(text.encode("utf-8", "replace")) / max(1, len(text)))
    return int(n_tokens * CHARS_PER_TOKEN / per_char)


def system_message(
    datasets: list[DatasetNote | tuple[str, str]], fenced: bool, *, max_result_bytes: int | None = None
) -> dict[str, str]:
    """The system message: instructions plus one summary per dataset, saying how it is held
    (`DatasetNote`s; `(variable name, summary)` pairs are pandas DataFrames)."""
    notes = [d if isinstance(d, DatasetNote) else DatasetNote(*d) for d in datasets]
    large = any(n.mode == "duckdb" for n in notes)
    parts = [SYSTEM_PROMPT_LARGE if large else SYSTEM_PROMPT]
    if large:
        limit = f"{max_result_bytes / 2**20:,.0f} MB" if max_result_bytes else "the kernel's memory"
        parts.append(LARGE_DATA.format(max_result=limit))
    if fenced:
        parts.append(FENCED_PROTOCOL)
    parts.append("\nDatasets (variable name in the kernel, then a description):")
    for note in notes:
        if note.mode == "duckdb":
            rows = f"{note.sample_rows:,} rows, " if note.sample_rows else ""
            sample = f"; sample: `{note.sample}` ({rows}pandas)" if note.sample else ""
            held = f' held in DuckDB, too large for pandas here: query it with sql("... FROM {note.var} ..."){sample}'
        elif large:
            held = " a pandas DataFrame"
        else:
            held = ""
        parts.append(f"\n`{note.var}`:{held}\n{note.summary}")
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


def history(messages: list[dict[str, Any]], budget: int | None = None) -> list[dict[str, str]]:
    """Past messages as chat messages (oldest first); with `budget`, only the newest that fit in
    it (the newest question always)."""
    out: list[dict[str, str]] = []
    for message in messages:
        if message["role"] == "user":
            out.append({"role": "user", "content": message["content"]})
        elif message["role"] == "assistant":
            out.append({"role": "assistant", "content": past_turn(message)})
    if budget is not None and out:
        out = fit(out, budget, question=len(out) - 1).messages
    # A history must not start with an orphan assistant reply.
    while out and out[0]["role"] != "user":
        out.pop(0)
    return out


def message_tokens(message: dict[str, Any]) -> int:
    """Estimated tokens of one chat message as sent (content, tool calls, a little overhead)."""
    n = 4 + tokens(message.get("content") or "")
    for call in message.get("tool_calls") or ():
        function = call.get("function", {})
        n += tokens(function.get("name", "")) + tokens(function.get("arguments", ""))
    return n


@dataclass
class Fitted:
    """A conversation fitted to a budget, and what had to give."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    #: Earlier messages left out.
    dropped: int = 0
    #: Earlier code outputs of this turn that were shortened.
    shortened_outputs: int = 0
    #: Whether the newest question was shortened.
    question_shortened: bool = False
    #: Tokens still over the budget (the system prompt alone is larger than it).
    over: int = 0
    #: Estimated tokens of the system message.
    system_tokens: int = 0


def fit(messages: list[dict[str, Any]], budget: int, question: int) -> Fitted:
    """`messages` (system message first if any, earlier history, the newest question at index
    `question`, then what this turn did) cut to fit `budget` tokens. See the module docstring."""
    has_system = bool(messages) and messages[0].get("role") == "system"
    system = messages[:1] if has_system else []
    earlier = messages[len(system) : question]
    asked = dict(messages[question])
    turn = [dict(m) for m in messages[question + 1 :]]
    result = Fitted(system_tokens=sum(message_tokens(m) for m in system))

    def cost(items: list[dict[str, Any]]) -> int:
        return sum(message_tokens(m) for m in items)

    # What this turn did: shorten the oldest code outputs first, never the newest one.
    outputs = [
        m
        for m in turn[:-1]
        if m.get("role") == "tool" or (m.get("role") == "user" and str(m.get("content", "")).startswith(OUTPUT_PREFIX))
    ]
    for message in outputs:
        if result.system_tokens + message_tokens(asked) + cost(turn) <= budget:
            break
        content = str(message.get("content") or "")
        if len(content) > SHORT_RESULT_CHARS:
            message["content"] = shorten(content, SHORT_RESULT_CHARS)
            result.shortened_outputs += 1

    # The newest question: always sent, shortened in the middle if it alone would not fit.
    room = budget - result.system_tokens - cost(turn)
    if message_tokens(asked) > room:
        # (less the message's overhead and the note saying what was left out)
        content = str(asked.get("content") or "")
        limit = _chars_for(content, max(room - 16, MIN_QUESTION_TOKENS))
        if len(content) > limit:
            asked["content"] = shorten(content, limit)
            result.question_shortened = True

    # Earlier turns, newest first, while they fit.
    room = budget - result.system_tokens - message_tokens(asked) - cost(turn)
    kept: list[dict[str, Any]] = []
    for message in reversed(earlier):
        c = message_tokens(message)
        if c > room:
            break
        kept.insert(0, message)
        room -= c
    while kept and kept[0].get("role") != "user":
        kept.pop(0)
    result.dropped = len(earlier) - len(kept)
    result.messages = [*system, *kept, asked, *turn]
    result.over = max(0, cost(result.messages) - budget)
    return result


def code_of(arguments: str) -> str:
    """The code in a run_python call's arguments (the raw text when they are not readable)."""
    try:
        value = json.loads(arguments)
    except (ValueError, TypeError):
        return arguments
    if isinstance(value, dict) and isinstance(value.get("code"), str):
        return value["code"]
    return arguments


def as_fenced(messages: list[dict[str, Any]], question: int) -> list[dict[str, Any]]:
    """The conversation rewritten for the fenced-code protocol: the system message gets its
    instructions, and this turn's tool calls and results become code blocks and user messages
    (for a server that no longer takes tools mid-turn)."""
    out: list[dict[str, Any]] = []
    for n, message in enumerate(messages[: question + 1]):
        if n == 0 and message.get("role") == "system" and FENCED_PROTOCOL not in message["content"]:
            message = dict(message, content=message["content"] + FENCED_PROTOCOL)
        out.append(message)
    outputs: list[str] = []

    def flush() -> None:
        if outputs:
            out.append({"role": "user", "content": OUTPUT_PREFIX + "\n\n".join(outputs)})
            outputs.clear()

    for message in messages[question + 1 :]:
        if message.get("role") == "tool":
            outputs.append(str(message.get("content") or ""))
            continue
        flush()
        if message.get("role") == "assistant" and message.get("tool_calls"):
            blocks = [f"```python\n{code_of(c['function'].get('arguments', ''))}\n```" for c in message["tool_calls"]]
            text = (message.get("content") or "").strip()
            out.append({"role": "assistant", "content": "\n\n".join([t for t in [text] if t] + blocks)})
        else:
            out.append(message)
    flush()
    return out
