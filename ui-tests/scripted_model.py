"""The model behind the browser tests: a real HTTP server speaking the OpenAI protocol.

It is the Python suite's scripted server (`tests/openai_server.py`), answering by what the
last user message asks for, so each browser test can pick a behaviour by its question:

- "slowly": a long answer streamed a word every 0.25 s (a turn that is visibly running);
- "flaky": authentication fails the first time a question is asked, then it answers;
- "sleepy": code that runs for a minute (a step the user can stop while it runs);
- "xss": code whose outputs carry HTML payloads, then an answer full of them;
- "at length": a very long answer (2,400 streamed pieces, about 25 s), longer than the test
  server's replay cap;
- anything else: a short plain answer.

Run: `python scripted_model.py PORT` (Playwright starts it before JupyterLab).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from openai_server import FakeOpenAI, Script, text, tool  # noqa: E402

#: Each payload sets a flag in the page (or opens a dialog) if it ever runs.
PAYLOADS = [
    "<img src=x onerror=\"window.__vistaXss='img'\">",
    "<script>window.__vistaXss='script'</script>",
    "<svg onload=\"window.__vistaXss='svg'\"></svg>",
    "<iframe srcdoc=\"<script>parent.__vistaXss='iframe'</script>\"></iframe>",
    "[click me](javascript:window.__vistaXss='link')",
    "<a href=\"javascript:alert('xss')\">link</a>",
]

XSS_CODE = (
    "from IPython.display import HTML, Markdown, display\n"
    f"payloads = {PAYLOADS!r}\n"
    "for p in payloads:\n"
    "    print(p)\n"
    "display(HTML(''.join(payloads)))\n"
    "display(Markdown('\\n\\n'.join(payloads)))\n"
    "df.head(2).assign(note=payloads[0])\n"
)

SLOW_TEXT = " ".join(f"word{i}" for i in range(80)) + " — the end of a slow answer."

LONG_TEXT = " ".join(f"w{i}" for i in range(3000)) + " — the end of a long answer."


class ScriptedModel(FakeOpenAI):
    """Chooses the script from the conversation instead of a queue."""

    def __init__(self) -> None:
        super().__init__()
        self._failed: set[str] = set()

    def next(self, body: dict[str, Any]) -> Script:
        messages = body.get("messages", [])
        last = messages[-1] if messages else {}
        question = next((str(m.get("content", "")) for m in reversed(messages) if m.get("role") == "user"), "")
        if last.get("role") == "tool":
            if "xss" in question:
                return text("Here is what I found: " + " ".join(PAYLOADS))
            return text("Done.")
        if "xss" in question:
            return tool(XSS_CODE, "Let me look at the data.")
        if "slowly" in question:
            return text(SLOW_TEXT, chunk_delay=0.25)
        if "at length" in question:
            return text(LONG_TEXT, chunk_delay=0.01)
        if "sleepy" in question:
            return tool("import time\nprint('started', flush=True)\ntime.sleep(60)", "Let me wait.")
        if "flaky" in question and question not in self._failed:
            self._failed.add(question)
            return Script(status=401, error="Incorrect API key provided")
        return text("A short scripted answer.")


async def main(port: int) -> None:
    server = ScriptedModel()
    server.start(port)
    print(f"scripted model on {server.base_url}", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
