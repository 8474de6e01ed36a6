"""The offline analyst: Vista's built-in, deterministic analyst for when no language model is
configured. No network, English and Korean.

A question goes through three stages, each its own module:

- parse.py (with match.py, lexicon.yaml, catalog.py): the question becomes an explicit `Plan`
  (plan.py): measures and aggregation, conditions, grouping (incl. time buckets), order and
  limit, chart. Every word that carries meaning must be used by the plan, or the plan declines.
  A question that is two in one (a group picked by a superlative, then a measure of it; periods
  counted by a per-period condition) becomes two plans chained (chain.py), each planned on its
  own words.
- render_pandas.py: the plan becomes pandas/matplotlib code for the thread's kernel; for a
  dataset held in DuckDB (too large for pandas there), render_sql.py makes it DuckDB SQL instead,
  behind the same `Renderer` interface, printing the same lines. A plan the SQL renderer cannot
  express is declined (never answered with pandas on the dataset's sample: other rows).
- answer.py (with wording.py): what the code printed becomes the answer, its first line stating
  the result with the plan restated in words; declines say what was understood and what to ask.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from .answer import NothingRecorded, decline_message, suggestions
from .answer import answer as _answer
from .catalog import Table, build_table
from .match import Reader
from .parse import plan_question
from .plan import Plan
from .render_pandas import PandasRenderer, Renderer, Step, overview_steps
from .render_sql import SqlRenderer, Unsupported, sql_overview_steps
from .text import language_of, variants
from .wide import Wide, long_table, pandas_prelude, sql_prelude, wide_of
from .wording import t

log = logging.getLogger(__name__)

__all__ = [
    "Analysis",
    "analyse",
    "overview",
    "answer",
    "language_of",
    "suggestions",
    "Plan",
    "Step",
    "Renderer",
    "PandasRenderer",
    "SqlRenderer",
    "renderer_for",
]

#: How a dataset is held in the kernel (`datasets[i]["mode"]`; see vista_jupyter.memory).
DUCKDB = "duckdb"


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


def _tables(datasets: list[dict[str, Any]]) -> list[tuple[Table, Wide | None]]:
    """Each dataset's table for the planner: a wide one (a column per period) in long form."""
    out = []
    for d in datasets:
        wide = wide_of(d)
        out.append((long_table(d, wide), wide) if wide else (build_table(d), None))
    return out


def renderer_for(dataset: dict[str, Any]) -> Renderer:
    """The renderer for a dataset as the kernel holds it: SQL for DuckDB, else pandas."""
    return SqlRenderer() if dataset.get("mode") == DUCKDB else PandasRenderer()


def _render(analysis: Analysis, renderer: Renderer) -> Analysis:
    """The analysis with its code, or declined when the renderer cannot express its plan."""
    try:
        analysis.steps = renderer.render(analysis.plan, analysis.table)
    except Unsupported as e:
        from .answer import restate

        plan = analysis.plan
        held = t(
            plan.language,
            f"`{plan.var}` is held in DuckDB (it is too large for pandas in this kernel's memory), "
            "so I compute answers about it in SQL. ",
            f"`{plan.var}` 데이터는 이 커널의 메모리에 pandas로 올리기에는 너무 커서 DuckDB에 두었고, "
            "답은 SQL로 계산합니다. ",
        )
        understood = [restate(plan)] if plan.kind not in ("decline", "overview") else []
        analysis.plan = Plan(
            "decline",
            plan.language,
            plan.var,
            problem=held + e.words(plan.language),
            understood=[u for u in understood if u],
        )
        analysis.steps = []
    return analysis


def analyse(question: str, datasets: list[dict[str, Any]], renderer: Renderer | None = None) -> Analysis:
    """Plan a question about the thread's datasets and render its code (as pandas, or as SQL for
    a dataset held in DuckDB, unless `renderer` is given). A fault of the planner or a renderer
    (an exception) is logged and the question declined: the user gets no traceback and no answer
    to a question that was not understood."""
    try:
        return _analyse(question, datasets, renderer)
    except Exception:
        log.exception("Vista: the offline analyst failed on a question; declined")
        lang = language_of(question)
        problem = t(
            lang,
            "I could not work this question out (a fault in the offline analyst, logged on the server).",
            "이 질문은 처리하지 못했습니다 (오프라인 분석기의 오류이며, 서버 로그에 남겼습니다).",
        )
        return Analysis(Plan("decline", lang, problem=problem), None)


def _analyse(question: str, datasets: list[dict[str, Any]], renderer: Renderer | None) -> Analysis:
    lang = language_of(question)
    if not datasets:
        plan = Plan(
            "decline",
            lang,
            problem="There is no dataset in this thread yet."
            if lang == "en"
            else "이 대화에는 아직 데이터가 없습니다.",
        )
        return Analysis(plan, None)
    tables = _tables(datasets)
    best: tuple[int, Analysis, Wide | None] | None = None
    for table, wide in tables:
        reader = Reader(table)
        _, mentions = reader.read(question)
        plan = plan_question(question, table, reader)
        if plan.declined:
            # names written in the other script than the data's (삼성 for Samsung): only to
            # rescue a question declined without them, never to change an answer
            rescue = Reader(table, other_script=True)
            rescued = plan_question(question, table, rescue)
            if not rescued.declined:
                plan, mentions = rescued, rescue.read(question)[1]
                reader = rescue
        if not plan.declined:
            plan.spelled = {
                c: w
                for c, w in reader.spelled_as.items()
                # (not a word that is the name inflected: states, profit)
                if not any(ch.isdigit() for ch in w)
                and c.lower() not in variants(w.lower())
                and w.lower() not in variants(c.lower())
            }
            # a code value and the words it was read from ("OJ": "orange juice", "trt1": "treatment 1")
            plan.spelled.update({v: w for v, w in reader.code_words.items() if v not in plan.spelled})
        named = sum(1 for m in mentions if m.has("column") or m.has("value"))
        score = named + (100 if not plan.declined else 0)
        if best is None or score > best[0]:
            best = (score, Analysis(plan, table), wide)
    _, analysis, wide = best
    if not analysis.declined:
        var = wide.var if wide else analysis.table.var
        dataset = next(d for d in datasets if d["var_name"] == var)
        renderer = renderer or renderer_for(dataset)
        _render(analysis, renderer)
        if wide and analysis.steps:  # the long form made first, in the code the user sees
            first = analysis.steps[0]
            prelude = sql_prelude(wide) if isinstance(renderer, SqlRenderer) else pandas_prelude(wide)
            analysis.steps[0] = Step(first.intro, prelude + first.code)
    return analysis


def overview(datasets: list[dict[str, Any]], language: str = "en") -> Analysis:
    """The automatic first turn: a look at the (first) dataset with one or two figures."""
    if not datasets:
        plan = Plan(
            "decline", language, problem="There is no dataset yet." if language == "en" else "아직 데이터가 없습니다."
        )
        return Analysis(plan, None)
    table = build_table(datasets[0])
    plan = Plan("overview", language, table.var)
    plan.columns = [c.name for c in table.columns if c.kind == "categorical"][:1]
    if datasets[0].get("mode") == DUCKDB:
        return Analysis(plan, table, sql_overview_steps(table, language))
    # `first_look_file`: the variable holding the dataset's Parquet file, when the first look is
    # to be read from it (`render_pandas.first_look_reads_file`) rather than from the loaded table
    return Analysis(plan, table, overview_steps(table, language, datasets[0].get("first_look_file")))


def answer(analysis: Analysis, results: list[dict[str, Any]]) -> str:
    """The final answer in Markdown, from what the steps printed."""
    if analysis.declined:
        return analysis.message
    try:
        return _answer(analysis.plan, results, analysis.table)
    except NothingRecorded as e:
        # "total gas of site Z" where Z has no gas value at all: declined (with suggestions),
        # saying so, as a question the data cannot answer
        from .answer import restate

        plan = analysis.plan
        analysis.plan = Plan("decline", plan.language, plan.var, problem=e.message, understood=[restate(plan)])
        return analysis.message
