"""The offline analyst as a model client, so that it runs through the same analysis loop (and so
the same kernel, events and stored steps) as a language model.

Per turn it asks `offline.analyse` (or `offline.overview` for the automatic first turn) for a plan
and its code steps, hands the steps to the loop one by one as `run_python` tool calls, observes
their results, and finally answers with `offline.answer`, whose numbers come from what the code
printed. The code is pandas, or DuckDB SQL for a dataset the kernel holds in DuckDB (each dataset's
`mode`). A question the planner (or, for SQL, the renderer) cannot express is declined at once,
with no code run.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .clients import Reply, ResetCallback, TextCallback, ToolCall

OFFLINE_MODEL = "vista-offline"


class OfflineClient:
    """A deterministic, local stand-in for a language model (one instance per turn)."""

    model = OFFLINE_MODEL
    uses_tools = True

    def __init__(self, datasets: list[dict[str, Any]], *, overview: bool = False, language: str = "en"):
        self.datasets = datasets
        self.overview = overview
        self.language = language
        self.analysis: Any = None  # offline.Analysis, made at the first call
        self.results: list[dict[str, Any]] = []

    @property
    def declined(self) -> bool:
        """Whether the question was declined (nothing was computed)."""
        return self.analysis is not None and self.analysis.declined

    @property
    def suggestions(self) -> list[str]:
        """Questions to offer after a decline, built from the dataset's real columns (each is one
        the analyst answers); none after an answer."""
        if not self.declined:
            return []
        from . import offline

        return offline.suggestions(self.analysis.table, self.analysis.language)

    def observe(self, result: dict[str, Any]) -> None:
        """Receive the result of the step just run."""
        self.results.append(result)

    async def _say(self, text: str, on_text: TextCallback) -> None:
        # Stream by sentence so the sidebar shows text arriving, as it would from a model.
        for piece in re.findall(r".+?(?:[.!?。]\s+|\n+|$)", text, flags=re.S):
            if piece:
                await on_text(piece)

    async def complete(
        self, messages: list[dict[str, Any]], *, tools: bool, on_text: TextCallback, on_reset: ResetCallback
    ) -> Reply:
        from . import offline

        if self.analysis is None:
            question = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
            self.analysis = (
                offline.overview(self.datasets, self.language)
                if self.overview
                else offline.analyse(question, self.datasets)
            )
            if not self.analysis.steps:
                message = offline.answer(self.analysis, [])
                await self._say(message, on_text)
                return Reply(text=message, finish_reason="stop")
        index = len(self.results)
        if index < len(self.analysis.steps):
            step = self.analysis.steps[index]
            await self._say(step.intro + "\n\n", on_text)
            return Reply(
                text=step.intro,
                tool_calls=[ToolCall(f"offline-{index}", "run_python", json.dumps({"code": step.code}))],
                finish_reason="tool_calls",
            )
        final = offline.answer(self.analysis, self.results)
        await self._say(final, on_text)
        return Reply(text=final, finish_reason="stop")
