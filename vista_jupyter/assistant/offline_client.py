"""The offline analyst as a model client, so that it runs through the same analysis loop (and so
the same kernel, events and stored steps) as a language model.

Per turn it asks `offline.plan` (or `offline.overview` for the automatic first turn) for code
steps, hands them to the loop one by one as `run_python` tool calls, observes their results, and
finally answers with `offline.answer`, whose numbers come from what the code printed.
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
        self.plan: Any = None  # offline.Plan
        self.results: list[dict[str, Any]] = []

    def observe(self, result: dict[str, Any]) -> None:
        """Receive the result of the step just run."""
        self.results.append(result)

    async def _say(self, text: str, on_text: TextCallback) -> None:
        # Stream by sentence so the sidebar shows text arriving, as it would from a model.
        for piece in re.findall(r".+?(?:[.!?。]\s+|\n+|$)", text, flags=re.S):
            if piece:
                await on_text(piece)

    async def complete(self, messages: list[dict[str, Any]], *, tools: bool,
                       on_text: TextCallback, on_reset: ResetCallback) -> Reply:
        from . import offline

        if self.plan is None:
            question = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
            self.plan = (offline.overview(self.datasets, self.language) if self.overview
                         else offline.plan(question, self.datasets))
            if not self.plan.steps:
                await self._say(self.plan.fallback, on_text)
                return Reply(text=self.plan.fallback, finish_reason="stop")
        index = len(self.results)
        if index < len(self.plan.steps):
            step = self.plan.steps[index]
            await self._say(step.intro + "\n\n", on_text)
            return Reply(
                text=step.intro,
                tool_calls=[ToolCall(f"offline-{index}", "run_python", json.dumps({"code": step.code}))],
                finish_reason="tool_calls",
            )
        final = offline.answer(self.plan, self.results)
        await self._say(final, on_text)
        return Reply(text=final, finish_reason="stop")
