"""The offline analyst as a model client, so that it runs through the same analysis loop (and so
the same kernel, events and stored steps) as a language model.

Per turn it asks `offline.analyse` (or `offline.overview` for the automatic first turn) for a plan
and its code steps, hands the steps to the loop one by one as `run_python` tool calls, observes
their results, and finally answers with `offline.answer`, whose numbers come from what the code
printed. A question the planner cannot express is declined at once, with no code run.
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

    async def complete(self, messages: list[dict[str, Any]], *, tools: bool,
                       on_text: TextCallback, on_reset: ResetCallback) -> Reply:
        from . import offline

        if self.analysis is None:
            question = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
            self.analysis = (offline.overview(self.datasets, self.language) if self.overview
                             else offline.analyse(question, self.datasets))
            held = _held_in_duckdb(self.analysis, self.datasets)
            if held:
                # Its code is pandas code: on a DuckDB view it would fail (or, on the sample,
                # answer about other rows). Say so instead.
                message = _large_data_reply(held, self.analysis.language)
                self.analysis.steps = []
                await self._say(message, on_text)
                return Reply(text=message, finish_reason="stop")
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
