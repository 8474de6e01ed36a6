"""The offline analyst: Vista's built-in, deterministic analyst for when no language model is
configured. No network, English and Korean.

A question goes through three stages, each its own module:

- parse.py (with match.py, lexicon.yaml, catalog.py): the question becomes an explicit `Plan`
  (plan.py): measures and aggregation, conditions, grouping (incl. time buckets), order and
  limit, chart. Every word that carries meaning must be used by the plan, or the plan declines.
- render_pandas.py: the plan becomes pandas/matplotlib code for the thread's kernel (a renderer
  behind the `Renderer` interface, so a SQL renderer can serve datasets held in DuckDB).
- answer.py (with wording.py): what the code printed becomes the answer, its first line stating
  the result with the plan restated in words; declines say what was understood and what to ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .answer import answer as _answer
from .answer import decline_message, suggestions
from .catalog import Table, build_table
from .match import Reader
from .parse import plan_question
from .plan import Plan
from .render_pandas import PandasRenderer, Renderer, Step, overview_steps
from .text import language_of

__all__ = ["Analysis", "analyse", "overview", "answer", "language_of", "suggestions", "Plan", "Step",
           "Renderer", "PandasRenderer"]


@dataclass
class Analysis:
    """A question's plan, the table it is about, and the code steps that compute it."""

    plan: Plan
    table: Table | None
    steps: list[Step] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.plan.language

    @property
    def declined(self) -> bool:
        return self.plan.declined

    @property
    def message(self) -> str:
        """The whole answer when there is nothing to run (a decline)."""
        return decline_message(self.plan, self.table) if self.plan.declined else ""


def _tables(datasets: list[dict[str, Any]]) -> list[Table]:
    return [build_table(d) for d in datasets]


def analyse(question: str, datasets: list[dict[str, Any]], renderer: Renderer | None = None) -> Analysis:
    """Plan a question about the thread's datasets and render its code."""
    lang = language_of(question)
    if not datasets:
        plan = Plan("decline", lang, problem="There is no dataset in this thread yet." if lang == "en"
                    else "이 대화에는 아직 데이터가 없습니다.")
        return Analysis(plan, None)
    tables = _tables(datasets)
    best: tuple[int, Analysis] | None = None
    for table in tables:
        reader = Reader(table)
        _, mentions = reader.read(question)
        plan = plan_question(question, table, reader)
        named = sum(1 for m in mentions if m.has("column") or m.has("value"))
        score = named + (100 if not plan.declined else 0)
        if best is None or score > best[0]:
            best = (score, Analysis(plan, table))
    analysis = best[1]
    if not analysis.declined:
        analysis.steps = (renderer or PandasRenderer()).render(analysis.plan, analysis.table)
    return analysis


def overview(datasets: list[dict[str, Any]], language: str = "en") -> Analysis:
    """The automatic first turn: a look at the (first) dataset with one or two figures."""
    if not datasets:
        plan = Plan("decline", language, problem="There is no dataset yet." if language == "en" else "아직 데이터가 없습니다.")
        return Analysis(plan, None)
    table = build_table(datasets[0])
    plan = Plan("overview", language, table.var)
    plan.columns = [c.name for c in table.columns if c.kind == "categorical"][:1]
    return Analysis(plan, table, overview_steps(table, language))


def answer(analysis: Analysis, results: list[dict[str, Any]]) -> str:
    """The final answer in Markdown, from what the steps printed."""
    if analysis.declined:
        return analysis.message
    return _answer(analysis.plan, results, analysis.table)
