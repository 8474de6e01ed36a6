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
            held = _held_in_duckdb(self.plan, self.datasets)
            if held:
                # Its code is pandas code: on a DuckDB view it would fail (or, on the sample,
                # answer about other rows). Say so instead.
                self.plan = offline.Plan(self.plan.language, "unknown",
                                         fallback=_large_data_reply(held, self.plan.language))
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


def _held_in_duckdb(plan: Any, datasets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The datasets held in DuckDB that the plan's (pandas) code uses."""
    code = "\n".join(step.code for step in plan.steps)
    return [d for d in datasets if d.get("mode") == "duckdb"
            and re.search(rf"\b{re.escape(d['var_name'])}\b", code)]


def _large_data_reply(held: list[dict[str, Any]], language: str) -> str:
    names = ", ".join(f"`{d['var_name']}`" for d in held)
    if language == "ko":
        return (f"{names} 데이터는 이 커널의 메모리에 pandas로 올리기에는 너무 커서 DuckDB에 두었습니다. "
                "오프라인 분석기는 아직 이런 데이터에 답하지 못합니다. 언어 모델을 연결하면(관리자가 "
                "`VISTA_MODEL` 등을 설정) SQL로 답할 수 있고, 노트북에서는 "
                "`sql(\"SELECT ... FROM df\")`로 직접 조회할 수 있습니다.")
    return (f"{names} is too large to load into pandas in this kernel's memory, so Vista holds it "
            "in DuckDB. The offline analyst cannot answer questions about data held this way yet. "
            "A language model can (an administrator sets `VISTA_MODEL` and friends), and in a "
            "notebook you can query it yourself with `sql(\"SELECT ... FROM df\")`.")
