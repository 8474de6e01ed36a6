"""Answers: the plan restated in words with its result, each number once, rounded for people, in
the question's language; and declines that say what was understood, what cannot be done, and
questions to try that are built from the dataset's real columns.

The numbers come from what the kernel printed (tab-separated lines, see render_pandas.py), never
from the planner: the answer is only as right as the code that ran.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

from .catalog import Table
from .plan import Measure, Plan
from .text import particle
from .wording import AGG, BUCKET, MONTHS, conditions_words, fmt, group_words, measure_words, t, where

_MODEL_HELP = {
    "en": (
        "For free-form questions a language model is needed: an administrator sets "
        "`OPENAI_API_KEY`, `OPENAI_BASE_URL` and `VISTA_MODEL` in the server's environment, or "
        "`c.VistaApp.model` and friends in `jupyter_server_config.py` (keys are never entered in "
        "the browser)."
    ),
    "ko": (
        "더 자유로운 질문에는 언어 모델이 필요합니다. 관리자가 서버 환경에 `OPENAI_API_KEY`, "
        "`OPENAI_BASE_URL`, `VISTA_MODEL`을 설정하거나 `jupyter_server_config.py`에 "
        "`c.VistaApp.model` 등을 설정하면 됩니다 (브라우저에서 키를 입력하지 않습니다)."
    ),
}


# --- reading what the code printed -----------------------------------------------------------


def printed(result: dict[str, Any]) -> list[list[str]]:
    text = "".join(
        o.get("text", "")
        for o in result.get("outputs", [])
        if o.get("output_type") == "stream" and o.get("name") == "stdout"
    )
    return [line.split("\t") for line in text.splitlines() if line.strip()]


def _num(text: str) -> float:
    text = text.strip()
    if text in ("<NA>", "NaN", "nan", "None", "NaT", ""):
        return math.nan
    try:
        return float(text)
    except ValueError:
        return math.nan


def _label(text: str) -> str:
    text = text.strip()
    if re.fullmatch(r"-?\d+\.0", text):
        return text[:-2]
    return text


def _md_item(text: str) -> str:
    """A value written where Markdown reads the start of a block (a list item's label): a leading
    '>' is a quote, '#' + space a heading, '-', '+', '*' + space a nested list, so an age band
    '>35' lost its '>' ('- >35: 2,065' showed '35'). The mark is escaped; the reader sees it."""
    text = str(text)
    if re.match(r">|#{1,6}(\s|$)|[-+*](\s|$)", text):
        return "\\" + text
    return text


def _direction(plan: Plan, items: list[tuple[str, float]], bucket: str, per: str) -> str:
    """Which way a measure went over its periods ("is flow going up or down"): the sign of the
    least-squares line through the per-period values, and its slope per period, said as such.
    Periods that are years are placed by their year; others one step apart, in time order."""
    lang = plan.language
    m = plan.measure
    values = [v for _, v in items if v == v]
    try:
        xs = [float(label) for label, v in items if v == v]
    except ValueError:
        xs = [float(k) for k in range(len(values))]
    if len(values) < 2 or len(set(xs)) < 2:
        return t(lang, "There are too few periods to tell which way it went.", "방향을 알기에는 기간이 너무 적습니다.")
    mx, my = sum(xs) / len(xs), sum(values) / len(values)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, values)) / sum((x - mx) ** 2 for x in xs)
    if plan.group is not None and plan.group.column in plan.yearlike and plan.group.bucket is None:
        per = BUCKET[lang].get("year", "year")  # a column of years
    step = per if per and per != "value" else t(lang, "period", "기간")
    what = measure_words(m, lang)
    first, last = items[0][0], items[-1][0]
    if slope == 0:
        return t(
            lang,
            f"{_cap(what)} shows no trend from {first} to {last}: the least-squares line is flat.",
            f"{first}~{last} {particle(what, '은/는')} 추세가 없습니다: 최소제곱 직선의 기울기가 0입니다.",
        )
    up = slope > 0
    return t(
        lang,
        f"{_cap(what)} went **{'up' if up else 'down'}** from {first} to {last}: the least-squares line through the "
        f"values per {step} has a slope of **{fmt(slope)}** per {step}.",
        f"{first}~{last} {particle(what, '은/는')} **{'증가' if up else '감소'}** 추세입니다: {step}별 값에 맞춘 최소제곱 "
        f"직선의 기울기가 {step}당 **{fmt(slope)}**입니다.",
    )


class _Reader:
    """Fixed keys first ('rows', 'groups', ...), then items."""

    def __init__(self, lines: list[list[str]]):
        self.lines = lines
        self.i = 0

    def key(self, name: str) -> str | None:
        if self.i < len(self.lines) and self.lines[self.i][0] == name and len(self.lines[self.i]) > 1:
            value = self.lines[self.i][1]
            self.i += 1
            return value
        return None

    def fields(self, name: str) -> list[str] | None:
        if self.i < len(self.lines) and self.lines[self.i][0] == name:
            value = self.lines[self.i][1:]
            self.i += 1
            return value
        return None

    def items(self) -> list[list[str]]:
        out = self.lines[self.i :]
        self.i = len(self.lines)
        return out


# --- words of a plan ----------------------------------------------------------------------------


def _units(plan: Plan, column: str | None) -> str | None:
    return plan.units.get(column) if column else None


def _period_words(period: str, lang: str, plural: bool = False) -> str:
    en = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}[period]
    ko = {"day": "일", "week": "주", "month": "개월", "quarter": "분기", "year": "년"}[period]
    return t(lang, en + ("s" if plural else ""), ko)


def value_text(plan: Plan, m: Measure, value: float) -> str:
    if m.per and m.column is None:
        return fmt(value)
    if m.agg in ("count", "nunique"):
        return fmt(value, count=True)
    if m.agg in ("share", "cv"):  # the coefficient of variation is sd / mean, a fraction
        return fmt(value, percent=True)
    if m.agg in ("var", "skew"):  # in the square of the column's unit, and in none
        return fmt(value)
    year = m.column in plan.yearlike and m.agg in ("min", "max", "median")
    return fmt(value, year=year, unit=_units(plan, m.column))


def _periods_shown(plan: Plan) -> Plan:
    """The plan with a period written as text that a condition selects ("2023년 3월", read as its
    first day) shown as the period: 2023-03, 2020Q2, not 2023-03-01."""
    import dataclasses

    from .catalog import TEXT_PERIODS

    def shown(k: Any) -> Any:
        fmt = plan.date_columns.get(k.column)
        if k.part != "date" or fmt not in TEXT_PERIODS or not isinstance(k.value, str):
            return k
        year, month = int(k.value[:4]), int(k.value[5:7])
        period = f"{year}-{month:02d}" if TEXT_PERIODS[fmt][1] == "month" else f"{year}Q{(month - 1) // 3 + 1}"
        return dataclasses.replace(k, value=period)

    if not any(k.part == "date" for k in [*plan.conditions, *plan.base]):
        return plan
    return dataclasses.replace(plan, conditions=[shown(k) for k in plan.conditions], base=[shown(k) for k in plan.base])


def restate(plan: Plan) -> str:
    """The plan in words: 'Mean of price for rows where garage = yes'."""
    plan = _periods_shown(plan)
    text = _restate(plan)
    if plan.having and plan.group is not None:
        op, n = plan.having
        words = {
            ">=": ("at least", "이상"),
            ">": ("more than", "초과"),
            "<=": ("at most", "이하"),
            "<": ("fewer than", "미만"),
        }
        en, ko = words.get(op, (op, op))
        text += t(
            plan.language,
            f" (among {plan.group.column} groups with {en} {fmt(n, count=True)} rows)",
            f" (행이 {fmt(n, count=True)}개 {ko}인 {plan.group.column} 중에서)",
        )
    if plan.kept and plan.group is not None:
        op, n = plan.kept
        count = bool(plan.measures) and plan.measures[0].agg in ("count", "nunique")
        en_op, ko_op = _OP_WORDS[op]
        text += t(
            plan.language,
            f" (only the {plan.group.column} groups where it is {en_op} {fmt(n, count=count)})",
            f" (그 값이 {fmt(n, count=count)} {ko_op}인 {plan.group.column}만)",
        )
    return text


def _restate(plan: Plan) -> str:
    lang = plan.language
    conds = plan.conditions
    k = plan.kind
    if k == "aggregate" and plan.group2 is not None:
        what = measure_words(plan.measures[0], lang)
        a, b = plan.group.column, plan.group2.column
        if plan.measures[0].agg == "share":
            return t(
                lang,
                f"Share of each {b} within each {a}{where(conds, lang)}",
                f"{where(conds, lang)}{a}별 {b} 비율",
            )
        return t(
            lang,
            f"{_cap(what)} by {a} and {b}{where(conds, lang)}",
            f"{where(conds, lang)}{a}·{b}별 {what}",
        )
    if k == "aggregate" and plan.sides and plan.group is not None:
        return _change_restated(plan)
    if k == "aggregate" and plan.successive and plan.measures:
        what = measure_words(plan.measures[0], lang)
        before_en, before_ko = _before(plan)
        if plan.superlative and plan.limit == 1:
            noun = BUCKET[lang][plan.group.bucket or "year"]
            up = plan.order == "desc"
            return t(
                lang,
                f"{_cap(noun)} with the largest {'rise' if up else 'fall'} in {what} from {before_en}"
                f"{where(conds, lang)}",
                f"{where(conds, lang)}{particle(what, '이/가')} {before_ko}보다 가장 크게 "
                f"{'늘어난' if up else '줄어든'} {noun}",
            )
        if plan.successive == "percent":
            return t(
                lang,
                f"Percent change in {what} from {before_en}{where(conds, lang)}",
                f"{where(conds, lang)}{what}의 {before_ko} 대비 변화율",
            )
        return t(
            lang,
            f"Change in {what} from {before_en}{where(conds, lang)}",
            f"{where(conds, lang)}{what}의 {before_ko} 대비 변화",
        )
    if k == "aggregate":
        what = _and(lang, [measure_words(m, lang) for m in plan.measures])
        if plan.group is None:
            if plan.measures and all(m.agg == "count" and m.column is None for m in plan.measures):
                return t(
                    lang,
                    f"Number of rows{' where ' + conditions_words(conds, lang) if conds else ''}",
                    f"{conditions_words(conds, lang) + '인 ' if conds else ''}행의 수",
                )
            return t(lang, f"{_cap(what)}{where(conds, lang)}", f"{where(conds, lang)}{what}")
        g = plan.group
        gname = _group_name(plan)
        if (plan.superlative and plan.limit == plan.rank) or plan.limit == 1:
            m = plan.measures[0]
            nth_en, nth_ko = (
                _ORDINAL["en"].get(plan.rank, f"{plan.rank}th"),
                _ORDINAL["ko"].get(plan.rank, f"{plan.rank}번째로"),
            )
            nth_en = "" if plan.rank == 1 else nth_en + " "
            nth_ko = "" if plan.rank == 1 else nth_ko + " "
            extreme = t(
                lang, "highest" if plan.order == "desc" else "lowest", "높은" if plan.order == "desc" else "낮은"
            )
            if m.agg == "count" and m.column is None:
                extreme_en = "most" if plan.order == "desc" else "fewest"
                return t(
                    lang,
                    f"{_cap(gname)} with the {nth_en}{extreme_en} rows{where(conds, lang)}",
                    f"{where(conds, lang)}행이 {nth_ko or '가장 '}{'많은' if plan.order == 'desc' else '적은'} {gname}",
                )
            return t(
                lang,
                f"{_cap(gname)} with the {nth_en}{extreme} {measure_words(m, lang)}{where(conds, lang)}",
                f"{where(conds, lang)}{particle(measure_words(m, lang), '이/가')} {nth_ko or '가장 '}{extreme} {gname}",
            )
        if plan.limit:
            word = t(lang, "Top" if plan.order == "desc" else "Bottom", "상위" if plan.order == "desc" else "하위")
            return t(
                lang,
                f"{word} {plan.limit} {gname} by {what}{where(conds, lang)}",
                f"{where(conds, lang)}{what} 기준 {word} {plan.limit}개 {gname}",
            )
        return t(
            lang,
            f"{_cap(what)} {group_words(g, lang, plan)}{where(conds, lang)}",
            f"{where(conds, lang)}{group_words(g, lang, plan)} {what}",
        )
    if k == "rows":
        if not plan.measures:
            if plan.columns:
                return t(lang, f"{plan.columns[0]}{where(conds, lang)}", f"{where(conds, lang)}{plan.columns[0]}")
            return t(lang, f"Rows where {conditions_words(conds, lang)}", f"{conditions_words(conds, lang)}인 행")
        column = plan.measures[0].column
        if plan.superlative:
            is_date = column in plan.date_columns
            words = (
                ("Latest", "Earliest", "가장 늦은", "가장 이른")
                if is_date
                else ("Highest", "Lowest", "가장 높은", "가장 낮은")
            )
            extreme = t(
                lang, words[0] if plan.order == "desc" else words[1], words[2] if plan.order == "desc" else words[3]
            )
            if plan.rank > 1:
                extreme = t(
                    lang,
                    f"{_cap(_ORDINAL['en'].get(plan.rank, str(plan.rank) + 'th'))} {extreme.lower()}",
                    f"{_ORDINAL['ko'].get(plan.rank, str(plan.rank) + '번째로')} {extreme.replace('가장 ', '')}",
                )
            return t(
                lang,
                f"{extreme} {column}{' among rows where ' + conditions_words(conds, lang) if conds else ''}",
                f"{where(conds, lang)}{extreme} {column}",
            )
        word = t(lang, "Top" if plan.order == "desc" else "Bottom", "상위" if plan.order == "desc" else "하위")
        if plan.distinct_labels and len(plan.labels) == 1:
            # each name once, at its own extreme: the things ranked by their highest (lowest) value
            extreme = t(
                lang, "highest" if plan.order == "desc" else "lowest", "최댓값" if plan.order == "desc" else "최솟값"
            )
            return t(
                lang,
                f"{word} {plan.limit} {plan.labels[0]} by their {extreme} {column}"
                f"{' among rows where ' + conditions_words(conds, lang) if conds else ''}",
                f"{where(conds, lang)}{column} {extreme} 기준 {plan.labels[0]} {word} {plan.limit}개",
            )
        return t(
            lang,
            f"{word} {plan.limit} rows by {column}{' among rows where ' + conditions_words(conds, lang) if conds else ''}",
            f"{where(conds, lang)}{column} {word} {plan.limit}개",
        )
    if k == "share":
        m = plan.measure
        base = plan.base
        if m is not None and m.agg == "nunique" and conds:
            # days, not rows: the reply says which unit was counted, and by which date column
            among = (
                t(lang, f" among days with rows where {conditions_words(base, lang)}", f"{where(base, lang)}")
                if base
                else ""
            )
            by = f", {group_words(plan.group, lang, plan)}" if plan.group is not None else ""
            return t(
                lang,
                f"Share of days (distinct {m.column}){among} with a row where {conditions_words(conds, lang)}{by}",
                f"{among}{group_words(plan.group, lang, plan) + ' ' if plan.group is not None else ''}"
                f"{conditions_words(conds, lang)}인 행이 있는 날({m.column} 기준)의 비율",
            )
        if plan.group is not None:
            gname = _group_name(plan)
            if conds and plan.limit:
                word = t(
                    lang, "highest" if plan.order != "asc" else "lowest", "높은" if plan.order != "asc" else "낮은"
                )
                if plan.limit == 1:
                    return t(
                        lang,
                        f"{_cap(gname)} with the {word} share of rows where {conditions_words(conds, lang)}"
                        f"{' among rows where ' + conditions_words(base, lang) if base else ''}",
                        f"{where(base, lang)}{conditions_words(conds, lang)}인 비율이 가장 {word} {gname}",
                    )
                return t(
                    lang,
                    f"{'Top' if plan.order != 'asc' else 'Bottom'} {plan.limit} {gname} by the share of rows where "
                    f"{conditions_words(conds, lang)}{' among rows where ' + conditions_words(base, lang) if base else ''}",
                    f"{where(base, lang)}{conditions_words(conds, lang)}인 비율 기준 {'상위' if plan.order != 'asc' else '하위'} "
                    f"{plan.limit}개 {gname}",
                )
            if conds:
                return t(
                    lang,
                    f"Share of rows where {conditions_words(conds, lang)}, {group_words(plan.group, lang, plan)}{where(base, lang)}",
                    f"{where(base, lang)}{group_words(plan.group, lang, plan)} {conditions_words(conds, lang)}인 행의 비율",
                )
            what = (
                t(lang, "rows", "행")
                if m is None or m.column is None
                else t(lang, f"total {m.column}", f"{m.column} 합계")
            )
            return t(
                lang,
                f"Share of {what} {group_words(plan.group, lang, plan)}{where(base, lang)}",
                f"{where(base, lang)}{gname}별 {what} 비율",
            )
        if m is not None and m.column:
            return t(
                lang,
                f"Share of total {m.column}{' among rows where ' + conditions_words(base, lang) if base else ''} "
                f"from rows where {conditions_words(conds, lang)}",
                f"{where(base, lang)}{m.column} 합계 중 {conditions_words(conds, lang)}인 행의 비율",
            )
        if base:
            return t(
                lang,
                f"Among rows where {conditions_words(base, lang)}, share with {conditions_words(conds, lang)}",
                f"{conditions_words(base, lang)}인 행 중 {conditions_words(conds, lang)}인 비율",
            )
        return t(
            lang, f"Share of rows where {conditions_words(conds, lang)}", f"{conditions_words(conds, lang)}인 행의 비율"
        )
    if k == "compare":
        m = plan.measure
        a, b = (conditions_words(s, lang) for s in plan.sides)
        return t(
            lang,
            f"{_cap(measure_words(m, lang))}{where(conds, lang)}: {a} vs {b}",
            f"{where(conds, lang)}{measure_words(m, lang)}: {a} 대 {b}",
        )
    if k == "relationship" and plan.sides:
        a, b = (str(side[0].value) for side in plan.sides)
        return t(
            lang,
            f"Correlation between {plan.columns[0]} of {a} and of {b}, matched by {plan.time_column}{where(conds, lang)}",
            f"{where(conds, lang)}{a}와(과) {b}의 {plan.columns[0]} 상관계수 ({plan.time_column} 기준)",
        )
    if k == "relationship":
        x, y = plan.columns
        return t(
            lang,
            f"Correlation between {x} and {y}{where(conds, lang)}",
            f"{where(conds, lang)}{x}와(과) {y}의 상관계수",
        )
    if k == "distribution":
        column = plan.columns[0]
        if plan.group is not None:
            return t(
                lang,
                f"Median of {column} {group_words(plan.group, lang, plan)}{where(conds, lang)}",
                f"{where(conds, lang)}{group_words(plan.group, lang, plan)} {column} 중앙값",
            )
        return t(lang, f"Distribution of {column}{where(conds, lang)}", f"{where(conds, lang)}{column} 분포")
    if k == "trend":
        m = plan.measure
        g = plan.group
        per = group_words(g, lang, plan) if g.bucket not in (None, "auto") else t(lang, "over time", "시간에 따른")
        if g.bucket is None:
            per = t(lang, f"by {g.column}", f"{g.column}별")
        return t(
            lang,
            f"{_cap(measure_words(m, lang))} {per}{where(conds, lang)}",
            f"{where(conds, lang)}{per} {measure_words(m, lang)}",
        )
    if k == "correlations":
        if plan.columns:
            return t(
                lang,
                f"Correlations with {plan.columns[0]}{where(conds, lang)}",
                f"{where(conds, lang)}{plan.columns[0]}와(과)의 상관계수",
            )
        return t(
            lang,
            f"Correlations between the numeric columns{where(conds, lang)}",
            f"{where(conds, lang)}숫자 열 사이의 상관관계",
        )
    if k == "describe":
        cols = ", ".join(plan.columns) if plan.columns else t(lang, "the numeric columns", "숫자 열")
        return t(lang, f"Summary statistics of {cols}{where(conds, lang)}", f"{where(conds, lang)}{cols}의 요약 통계")
    if k == "missing":
        cols = ", ".join(plan.columns) if plan.columns else t(lang, "each column", "열마다")
        return t(lang, f"Missing values in {cols}{where(conds, lang)}", f"{where(conds, lang)}{cols} 결측치")
    if k == "coverage":
        g = plan.group
        unit = BUCKET[lang][g.bucket]
        per = plan.columns[0] if plan.columns else None
        if lang == "ko":
            what = f"{per}별로 행이 없는 {unit}" if per else f"행이 없는 {unit}"
            return f"{where(conds, lang)}{what}"
        what = f"{_cap(unit)}s with no row{' for each ' + per if per else ''}"
        return f"{what}{where(conds, lang)}"
    if k == "columns":
        return t(lang, "The columns of the data", "데이터의 열")
    if k == "head":
        word = t(lang, "First" if plan.order == "asc" else "Last", "처음" if plan.order == "asc" else "마지막")
        return t(lang, f"{word} {plan.limit} rows{where(conds, lang)}", f"{where(conds, lang)}{word} {plan.limit}개 행")
    return ""


_ORDINAL = {
    "en": {2: "second", 3: "third", 4: "fourth", 5: "fifth"},
    "ko": {2: "두 번째로", 3: "세 번째로", 4: "네 번째로", 5: "다섯 번째로"},
}


def _change_restated(plan: Plan) -> str:
    """A change per group between two sides in words: "Store with the largest fall in total of
    revenue from 2022 to 2023", "2022 대비 2023 revenue 합계 감소폭이 가장 큰 store"."""
    lang = plan.language
    conds = plan.conditions
    what = measure_words(plan.measures[0], lang)
    a, b = (_side_name(side, lang) for side in plan.sides)
    percent = plan.change == "percent"
    if plan.superlative:
        up = plan.asked == "high"
        nth_en = "" if plan.rank == 1 else _ORDINAL["en"].get(plan.rank, f"{plan.rank}th") + " "
        nth_ko = _ORDINAL["ko"].get(plan.rank, f"{plan.rank}번째로") if plan.rank > 1 else "가장"
        en = ("percent " if percent else "") + ("rise" if up else "fall")
        ko = ("증가" if up else "감소") + ("율" if percent else "폭")
        return t(
            lang,
            f"{_cap(_group_name(plan))} with the {nth_en}largest {en} in {what} from {b} to {a}{where(conds, lang)}",
            f"{where(conds, lang)}{b} 대비 {a} {what} {particle(ko, '이/가')} {nth_ko} 큰 {_group_name(plan)}",
        )
    return t(
        lang,
        f"{'Percent change' if percent else 'Change'} in {what} from {b} to {a} {group_words(plan.group, lang, plan)}"
        f"{where(conds, lang)}",
        f"{where(conds, lang)}{group_words(plan.group, lang, plan)} {b} 대비 {a} {what} {'변화율' if percent else '변화'}",
    )


def _group_change(plan: Plan, r: _Reader) -> str:
    """Each group's change between the two sides, with the two values it comes from; with a
    superlative the group picked, and a note when no group moved the way the question says."""
    lang = plan.language
    m = plan.measures[0]
    head = restate(plan)
    items = [it for it in r.items() if len(it) >= 4]
    if not items:
        return t(
            lang,
            f"{head}: no group has a value on both sides, so there is no change to give.",
            f"{head}: 양쪽 모두에 값이 있는 그룹이 없어서 변화를 구할 수 없습니다.",
        )

    def change(it: list[str]) -> str:
        return _signed(plan, m, it[1], plan.change == "percent")

    def detail(it: list[str]) -> str:
        return f"{change(it)}: {value_text(plan, m, _num(it[3]))} → {value_text(plan, m, _num(it[2]))}"

    if plan.superlative:
        if len(items) < plan.rank:
            return t(lang, f"{head}: there are only {len(items)} groups.", f"{head}: 그룹이 {len(items)}개뿐입니다.")
        it = items[plan.rank - 1]
        line = f"{head}: **{_label(it[0])}** ({detail(it)})"
        v = _num(it[1])
        if (plan.asked == "high" and v <= 0) or (plan.asked == "low" and v >= 0):
            line += t(
                lang,
                " — no group "
                + ("rose" if plan.asked == "high" else "fell")
                + "; this is the smallest change the other way",
                " — "
                + ("늘어난" if plan.asked == "high" else "줄어든")
                + " 그룹은 없고, 반대 방향으로 가장 작게 변한 그룹입니다",
            )
        rest = [x for k, x in enumerate(items[:5]) if k != plan.rank - 1]
        if rest:
            line += (
                "\n\n" + t(lang, "Others: ", "나머지: ") + ", ".join(f"{_label(x[0])} {change(x)}" for x in rest) + "."
            )
        return line
    listed = [f"- {_md_item(_label(it[0]))}: {detail(it)}" for it in items[:30]]
    out = [f"{head}:", "", *listed]
    if len(items) > 30:
        out.append(t(lang, f"- … and {len(items) - 30} more", f"- … 외 {len(items) - 30}개"))
    return "\n".join(out)


def _before(plan: Plan) -> tuple[str, str]:
    """The period a change is from, in English and Korean: "the previous month", "전월"."""
    bucket = plan.group.bucket if plan.group is not None and plan.group.bucket else "year"
    en = {"day": "the previous day", "week": "the previous week", "month": "the previous month"}
    en.update(quarter="the previous quarter", year="the previous year", decade="the previous decade")
    ko = {"day": "전일", "week": "전주", "month": "전월", "quarter": "전 분기", "year": "전년", "decade": "이전 연대"}
    return en[bucket], ko[bucket]


def _successive(plan: Plan, r: _Reader) -> str:
    """Each period's change from the one before, signed; periods without one (the first, or after
    a period missing from the data) are left out. With a superlative, the period whose change
    went furthest the way asked, and its change."""
    lang = plan.language
    m = plan.measures[0]
    head = restate(plan)
    items = [it for it in r.items() if len(it) == 2 and it[0] not in ("rows", "groups")]
    if not items:
        return t(
            lang,
            f"{head}: no two consecutive periods have a value, so there is no change to give.",
            f"{head}: 값이 있는 연속된 두 기간이 없어서 변화를 구할 수 없습니다.",
        )
    percent = plan.successive == "percent"
    if plan.superlative and plan.limit == 1:
        best = _num(items[0][1])
        if (plan.order == "desc" and not best > 0) or (plan.order == "asc" and not best < 0):
            return t(
                lang,
                f"{head}: none — no period {'rose' if plan.order == 'desc' else 'fell'} from the one before.",
                f"{head}: 없음 — 직전 기간보다 {'늘어난' if plan.order == 'desc' else '줄어든'} 기간이 없습니다.",
            )
        ties = [it for it in items if _num(it[1]) == best]
        names = ", ".join(_period_label(_label(it[0]), plan) for it in ties)
        tie = t(lang, " (tied)", " (동률)") if len(ties) > 1 else ""
        line = f"{head}: **{names}** ({_signed(plan, m, items[0][1], percent)}){tie}"
        rest = items[len(ties) : len(ties) + 4]
        if rest:
            line += (
                "\n\n"
                + t(lang, "Next: ", "그다음: ")
                + ", ".join(f"{_label(it[0])} {_signed(plan, m, it[1], percent)}" for it in rest)
                + "."
            )
        return line

    listed = [
        f"- {_md_item(_label(it[0]))}: {_signed(plan, m, it[1], plan.successive == 'percent')}" for it in items[:40]
    ]
    out = [f"{head}:", "", *listed]
    if len(items) > 40:
        out.append(t(lang, f"- … and {len(items) - 40} more", f"- … 외 {len(items) - 40}개"))
    return "\n".join(out)


def _signed(plan: Plan, m: Measure, text: str, percent: bool) -> str:
    """A change as written in the answer: its sign, then its size in percent or in the measure's
    unit."""
    v = _num(text)
    sign = "+" if v > 0 else ("−" if v < 0 else "")
    return sign + (fmt(abs(v), percent=True) if percent else value_text(plan, m, abs(v)))


def _group_name(plan: Plan) -> str:
    g = plan.group
    if g.bucket:
        return BUCKET[plan.language][g.bucket]
    return g.column


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _and(lang: str, parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return t(lang, ", ".join(parts[:-1]) + " and " + parts[-1], ", ".join(parts))


# --- answers ----------------------------------------------------------------------------------


class NothingRecorded(Exception):
    """The rows asked about hold no value of the measured column at all: no statistic to state.
    The reply is a decline (offline.answer turns the analysis into one), never a number."""

    def __init__(self, lang: str, en: str, ko: str):
        super().__init__(en)
        self.message = t(lang, en, ko)


def answer(plan: Plan, results: list[dict[str, Any]], table: Table | None = None) -> str:
    """The final answer in Markdown (the first line states the result)."""
    lang = plan.language
    if plan.declined:
        return decline_message(plan, table)
    failed = [r for r in results if r.get("status") != "ok"]
    if failed or not results:
        error = (failed[0].get("error") or {}) if failed else {}
        return t(
            lang,
            f"The computation did not finish ({error.get('ename', 'no result')}: {error.get('evalue', '')}), "
            "so I have no answer. Try naming the columns exactly.",
            f"계산이 끝나지 않아 답을 드릴 수 없습니다 ({error.get('ename', '결과 없음')}: {error.get('evalue', '')}). "
            "열 이름을 정확히 적어 보세요.",
        )
    lines = printed(results[0])
    if plan.inner is not None:
        return _spelled(_composed(plan, _Reader(lines), table), plan)
    writer = getattr(_Words, plan.kind, None)
    if plan.kind == "overview":
        return _Words.overview(plan, [printed(r) for r in results])
    text = writer(plan, _Reader(lines)) if writer else restate(plan)
    return _with_readings(_spelled(text.strip(), plan), plan)


def _spelled(text: str, plan: Plan) -> str:
    """The answer with each abbreviated column its first line names followed by the question's
    words read as its name: "Mean of avgprs (average price) ...", so a wrong reading is seen."""
    if not plan.spelled:
        return text
    head, sep, rest = text.partition("\n")
    for name, words in plan.spelled.items():
        if words.lower() == name.lower():
            continue
        at = re.search(rf"(?<![\w.]){re.escape(name)}(?![\w(])", head)
        if at:
            head = f"{head[: at.end()]} ({words}){head[at.end() :]}"
    return head + sep + rest


def _with_readings(text: str, plan: Plan) -> str:
    """The answer with how words of the question were read ("evening" as 18:00–21:59) stated
    right under its first line, so a reading the user did not mean is seen with the result."""
    if not plan.readings:
        return text
    head, _, rest = text.partition("\n")
    note = " ".join(f"_{r}_" for r in plan.readings)
    return f"{head}\n\n{note}" + (f"\n{rest}" if rest else "")


_OP_WORDS = {
    ">": ("over", "초과"),
    ">=": ("at least", "이상"),
    "<": ("under", "미만"),
    "<=": ("at most", "이하"),
}


def _composed(plan: Plan, r: _Reader, table: Table | None) -> str:
    """The answer of a composed plan (chain.py): the periods counted, or the measure
    of the group the inner plan picked, with that group named and why it was picked."""
    import dataclasses

    from .plan import PICKED

    lang, inner = plan.language, plan.inner
    m = inner.measures[0]
    if plan.inner_use == "first":
        fields = r.fields("first") or ["", "nan", "0", "0"]
        op, value = plan.inner_test
        en_op, ko_op = _OP_WORDS[op]
        period = inner.group.bucket or "year"  # a column of years is grouped by its own values
        what = measure_words(m, lang)
        cond = conditions_words(inner.conditions, lang) if inner.conditions else ""
        head_en = f"First {_period_words(period, lang)} whose {what} is {en_op} {fmt(value)}" + (
            f" (rows where {cond})" if cond else ""
        )
        head_ko = (f"{cond}인 행에서 " if cond else "") + (
            f"{particle(what, '이/가')} {fmt(value)} {ko_op}인 첫 {BUCKET[lang][period]}"
        )
        if not fields[0]:
            return t(
                lang,
                f"{head_en}: none — no {period} in the data meets it.",
                f"{head_ko}: 없음 — 해당하는 기간이 데이터에 없습니다.",
            )
        shown = dataclasses.replace(inner, superlative=False)
        label = _period_label(_label(fields[0]), shown)
        line = f"{t(lang, head_en, head_ko)}: **{label}** ({value_text(inner, m, _num(fields[1]))})"
        note = t(
            lang,
            f"{fmt(_num(fields[2]), count=True)} of the {fmt(_num(fields[3]), count=True)} {_period_words(period, lang, True)} meet it.",
            f"{fmt(_num(fields[3]), count=True)}개 {_period_words(period, lang)} 중 {fmt(_num(fields[2]), count=True)}개가 해당합니다.",
        )
        return f"{line}\n\n{note}"
    if plan.inner_use == "count" and inner.successive:
        fields = r.fields("periods") or ["nan", "0"]
        count, total = _num(fields[0]), _num(fields[1])
        up = plan.inner_test[0] == ">"
        before_en, before_ko = _before(inner)
        period = inner.group.bucket or "year"
        what = measure_words(m, lang)
        cond = conditions_words(inner.conditions, lang) if inner.conditions else ""
        head = t(
            lang,
            f"Number of {_period_words(period, lang, True)} in which {what} {'rose' if up else 'fell'} from "
            f"{before_en}" + (f" (rows where {cond})" if cond else "") + f": **{fmt(count, count=True)}**",
            (f"{cond}인 행에서 " if cond else "")
            + f"{particle(what, '이/가')} {before_ko}보다 {'늘어난' if up else '줄어든'} {_period_words(period, lang)} 수: "
            f"**{fmt(count, count=True)}**",
        )
        note = t(
            lang,
            f"Out of the {fmt(total, count=True)} {_period_words(period, lang, True)} with a change from the one before.",
            f"직전 기간 대비 변화가 있는 {fmt(total, count=True)}개 {_period_words(period, lang)} 중입니다.",
        )
        return f"{head}\n\n{note}"
    if plan.inner_use == "count":
        fields = r.fields("periods") or ["nan", "0"]
        count, total = _num(fields[0]), _num(fields[1])
        op, value = plan.inner_test
        en_op, ko_op = _OP_WORDS[op]
        period = inner.group.bucket
        if period is None and not inner.sides and inner.group.column in (plan.yearlike or inner.yearlike or []):
            period = "year"  # the years a column of years holds (one row per event and its year)
        what = measure_words(m, lang)
        cond = conditions_words(inner.conditions, lang) if inner.conditions else ""
        if period is None and inner.sides:  # values whose measure went the way asked between two periods
            g = inner.group.column
            a, b = (conditions_words(side, lang) for side in inner.sides)
            low = op == "<"
            head = t(
                lang,
                f"Number of {g} values whose {what} is {'lower' if low else 'higher'} where {a} than where {b}"
                + (f" (rows where {cond})" if cond else "")
                + f": **{fmt(count, count=True)}**",
                (f"{cond}인 행에서 " if cond else "")
                + f"{b}보다 {a}에서 {particle(what, '이/가')} {'낮은' if low else '높은'} {g} 수: **{fmt(count, count=True)}**",
            )
            note = t(
                lang,
                f"Out of the {fmt(total, count=True)} {g} values with a value in both.",
                f"양쪽 모두 값이 있는 {g} {fmt(total, count=True)}개 중입니다.",
            )
            return f"{head}\n\n{note}"
        if period is None:  # values of a column of names, each with its measure
            g = inner.group.column
            head = t(
                lang,
                f"Number of {g} values whose {what} is {en_op} {fmt(value)}"
                + (f" (rows where {cond})" if cond else "")
                + f": **{fmt(count, count=True)}**",
                (f"{cond}인 행에서 " if cond else "")
                + f"{particle(what, '이/가')} {fmt(value)} {ko_op}인 {g} 수: **{fmt(count, count=True)}**",
            )
            note = t(
                lang,
                f"Out of the {fmt(total, count=True)} {g} values with a value.",
                f"값이 있는 {g} {fmt(total, count=True)}개 중입니다.",
            )
            return f"{head}\n\n{note}"
        head = t(
            lang,
            f"Number of {_period_words(period, lang, True)} whose {what} is {en_op} {fmt(value)}"
            + (f" (rows where {cond})" if cond else "")
            + f": **{fmt(count, count=True)}**",
            (f"{cond}인 행에서 " if cond else "")
            + f"{particle(what, '이/가')} {fmt(value)} {ko_op}인 {_period_words(period, lang)} 수: **{fmt(count, count=True)}**",
        )
        note = t(
            lang,
            f"Out of the {fmt(total, count=True)} {_period_words(period, lang, True)} with a value in the data.",
            f"데이터에서 값이 있는 {fmt(total, count=True)}개 {_period_words(period, lang)} 중입니다.",
        )
        if op in ("<", "<=") and m.agg in ("sum", "count"):
            note = t(
                lang,
                f"Out of the {fmt(total, count=True)} {_period_words(period, lang, True)} from the data's first to its "
                f"last; a {period} without a matching row counts as 0.",
                f"데이터의 처음부터 끝까지 {fmt(total, count=True)}개 {_period_words(period, lang)} 중이며, 해당하는 행이 "
                "없는 기간은 0으로 셉니다.",
            )
        return f"{head}\n\n{note}"
    if plan.inner_use == "row":
        return _picked_row(plan, r)
    if plan.inner_use == "keep":
        return _kept_rows(plan, r, table)
    fields = r.fields("picked")
    if not fields:
        return restate(plan)
    label = fields[0]
    shown = dataclasses.replace(
        plan,
        inner=None,
        conditions=[dataclasses.replace(k, value=label) if k.value is PICKED else k for k in plan.conditions],
    )
    text = answer(
        shown, [{"status": "ok", "outputs": [{"output_type": "stream", "name": "stdout", "text": _rest(r)}]}], table
    )
    side = inner.order == "asc"
    rank = "" if inner.rank == 1 else t(lang, f"{inner.rank}th-ranked ", f"{inner.rank}번째 ")
    g = inner.group
    noun = BUCKET[lang][g.bucket] if g.bucket else g.column
    among = f" ({conditions_words(inner.conditions, lang)})" if inner.conditions else ""
    value = value_text(inner, m, _num(fields[1]))
    why = t(
        lang,
        f"{label} is the {rank}{noun} with the {'lowest' if side else 'highest'} {measure_words(m, lang)}"
        f"{among}: {value}.",
        f"{label}: {particle(measure_words(m, lang), '이/가')} {rank}{'가장 낮은' if side else '가장 높은'} {noun}{among}, {value}.",
    )
    return f"{text}\n\n{why}"


def _kept_rows(plan: Plan, r: _Reader, table: Table | None) -> str:
    """The measure over the rows of the groups the inner plan kept ("average cost for states with
    at least 100 shipments"), with the groups kept named."""
    import dataclasses

    from .plan import PICKED

    lang, inner = plan.language, plan.inner
    fields = r.fields("kept") or ["0", "0"]
    kept, total, names = int(float(fields[0])), int(float(fields[1])), fields[2:]
    g = inner.group.column
    op, n = inner.kept
    en_op, ko_op = _OP_WORDS[op]
    shown = dataclasses.replace(
        plan,
        inner=None,
        conditions=[dataclasses.replace(k, value=names) if k.value is PICKED else k for k in plan.conditions],
    )
    text = answer(
        shown, [{"status": "ok", "outputs": [{"output_type": "stream", "name": "stdout", "text": _rest(r)}]}], table
    )
    listed = ", ".join(names) + (", …" if kept > len(names) else "")
    why = t(
        lang,
        f"The {g} groups with {en_op} {fmt(n, count=True)} rows: {fmt(kept, count=True)} of {fmt(total, count=True)} ({listed}).",
        f"행이 {fmt(n, count=True)}개 {ko_op}인 {g}: {fmt(total, count=True)}개 중 {fmt(kept, count=True)}개 ({listed}).",
    )
    return f"{text}\n\n{why}"


def _nth(rank: int, lang: str) -> str:
    if rank == 1:
        return ""
    if lang == "ko":
        return f"{rank}번째로 "
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix} "


def _picked_row(plan: Plan, r: _Reader) -> str:
    """ "fare of the trip with the 2nd highest distance_km": the column asked of the row(s) the
    inner plan ranks n-th, that row named with its value of the ranking column."""
    lang, inner = plan.language, plan.inner
    ranked = inner.measures[0].column
    asked = plan.columns[0]
    fields = r.fields("cut") or ["nan", "0"]
    cut = _num(fields[0])
    rows = r.items()
    high = inner.order == "desc"
    which = t(
        lang,
        f"the row with the {_nth(inner.rank, lang)}{'highest' if high else 'lowest'} {ranked}",
        f"{ranked}이(가) {_nth(inner.rank, lang) or '가장 '}{'높은' if high else '낮은'} 행",
    )
    cond = f" ({conditions_words(inner.conditions, lang)})" if inner.conditions else ""
    if not rows:
        return t(lang, f"No row has a value of {ranked}{cond}.", f"{ranked} 값이 있는 행이 없습니다{cond}.")
    ranked_value = fmt(cut, unit=_units(plan, ranked))
    if len(rows) == 1:
        label, value = rows[0][0], rows[0][1] if len(rows[0]) > 1 else ""
        shown = fmt(_num(value), unit=_units(plan, asked)) if not math.isnan(_num(value)) else _label(value)
        head = t(lang, f"{asked} of {which}{cond}: **{shown}**", f"{which}{cond}의 {asked}: **{shown}**")
        note = t(
            lang,
            f"That row: {_label(label)} ({ranked} {ranked_value}).",
            f"그 행: {_label(label)} ({ranked} {ranked_value}).",
        )
        return f"{head}\n\n{note}"
    listed = ", ".join(f"{_label(x[0])} {x[1] if len(x) > 1 else ''}".strip() for x in rows[:10])
    head = t(
        lang,
        f"{len(rows)} rows share {which}{cond} ({ranked_value}); their {asked}: **{listed}**",
        f"{which}{cond}은(는) {len(rows)}개 행입니다 ({ranked_value}). 각 행의 {asked}: **{listed}**",
    )
    return head


def _rest(r: _Reader) -> str:
    return "\n".join("\t".join(line) for line in r.items() if line and line[0] not in ("picked", "kept"))


class _Words:
    """One answer writer per plan kind; each gets the plan and the printed lines."""

    @staticmethod
    def aggregate(plan: Plan, r: _Reader) -> str:
        if plan.position is not None:
            return _Words.position(plan, r)
        lang = plan.language
        rows = int(_num(r.key("rows") or "0"))
        if plan.group is None:
            counts = all(m.agg in ("count", "nunique") and not m.per for m in plan.measures)
            if rows == 0 and plan.conditions and not counts:  # a count of no rows is 0, said as such
                return t(
                    lang,
                    f"No rows match {conditions_words(plan.conditions, lang)}, so there is nothing to compute.",
                    f"{conditions_words(plan.conditions, lang)} 조건에 맞는 행이 없어서 계산할 값이 없습니다.",
                )
            values = []
            extra = []
            for m in plan.measures:
                if m.column is None and not m.per:
                    values.append((m, float(rows)))
                else:
                    fields = r.fields(m.agg)
                    values.append((m, _num(fields[0]) if fields else math.nan))
                    if m.agg == "range" and fields and len(fields) >= 3:
                        extra.append(
                            t(
                                lang,
                                f"From {value_text(plan, Measure('min', m.column), _num(fields[1]))} to "
                                f"{value_text(plan, Measure('max', m.column), _num(fields[2]))}.",
                                f"최솟값 {value_text(plan, Measure('min', m.column), _num(fields[1]))}, "
                                f"최댓값 {value_text(plan, Measure('max', m.column), _num(fields[2]))}.",
                            )
                        )
                    if m.per and fields and len(fields) >= 2:
                        extra.append(
                            t(
                                lang,
                                f"Over the {fmt(_num(fields[1]), count=True)} {_period_words(m.per, lang, True)} in the data.",
                                f"데이터에 있는 {fmt(_num(fields[1]), count=True)}개 {_period_words(m.per, lang, True)} 기준입니다.",
                            )
                        )
            # a statistic of rows whose values are all missing is no number at all: said so,
            # never stated as 0 (a total) or "nan"
            empty = [m for m, v in values if m.column and not m.per and math.isnan(v)]
            if empty and len(empty) == len(values):
                cols = _and(lang, sorted({m.column for m in empty}))
                cond = conditions_words(plan.conditions, lang) if plan.conditions else ""
                raise NothingRecorded(
                    lang,
                    f"There are no recorded values of {cols}"
                    + (f" for rows where {cond}" if cond else "")
                    + f" ({fmt(rows, count=True)} rows, every value of {cols} missing), so there is no "
                    f"{_and(lang, [measure_words(m, lang) for m in empty])} to give.",
                    (f"{cond}인 행에는 " if cond else "") + f"{cols} 값이 기록되어 있지 않아"
                    f" ({fmt(rows, count=True)}개 행 모두 {cols} 결측) "
                    f"{particle(_and(lang, [measure_words(m, lang) for m in empty]), '을/를')} 구할 수 없습니다.",
                )
            if plan.superlative and len(values) == 2 and not any(math.isnan(v) for _, v in values):
                # which of two columns: the one higher (or lower) as asked, with both values
                ordered = sorted(values, key=lambda mv: mv[1], reverse=plan.order != "asc")
                (m1, v1), (m2, v2) = ordered
                cond = where(plan.conditions, lang)
                agg = AGG[lang].get(m1.agg, m1.agg) if m1.agg == m2.agg else ""
                high = plan.order != "asc"
                if v1 == v2:
                    return t(
                        lang,
                        f"{m1.column} and {m2.column} have the same {agg or 'value'}{cond}: {value_text(plan, m1, v1)}",
                        f"{cond}{m1.column}와(과) {m2.column}의 {agg or '값'}이 같습니다: {value_text(plan, m1, v1)}",
                    )
                return t(
                    lang,
                    f"{'Higher' if high else 'Lower'} {agg}{cond}: **{m1.column}** ({value_text(plan, m1, v1)}, "
                    f"against {m2.column} {value_text(plan, m2, v2)})",
                    f"{cond}{agg}이 더 {'높은' if high else '낮은'} 쪽: **{m1.column}** ({value_text(plan, m1, v1)}, "
                    f"{m2.column} {value_text(plan, m2, v2)})",
                )
            if len(values) == 1:
                m, v = values[0]
                head = f"{restate(plan)}: **{value_text(plan, m, v)}**"
                if m.agg == "nunique" and not m.per and rows / 2 < v < rows:
                    # a column naming nearly every row ("how many districts" over a table of
                    # districts): the different values and the rows are both what may be meant
                    # (two districts may share a name), so both are said
                    head += t(
                        lang,
                        f", on {fmt(rows, count=True)} rows (some {m.column} values are on more than one row)",
                        f" ({fmt(rows, count=True)}개 행, 일부 {m.column} 값은 여러 행에 있음)",
                    )
            else:
                head = (
                    restate(plan)
                    + ": "
                    + "; ".join(f"{measure_words(m, lang)} **{value_text(plan, m, v)}**" for m, v in values)
                )
            notes = list(extra)
            if plan.conditions and any(m.column for m, _ in values):
                notes.append(
                    t(
                        lang,
                        f"Computed over the {fmt(rows, count=True)} matching rows.",
                        f"조건에 맞는 {fmt(rows, count=True)}개 행으로 계산했습니다.",
                    )
                )
            return "\n\n".join([head, *notes])
        if plan.group2 is not None:
            return _two_way(plan, r)
        if plan.sides:
            return _group_change(plan, r)
        if plan.successive:
            return _successive(plan, r)
        return _grouped(plan, r, rows)

    @staticmethod
    def share(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        if plan.group is not None:
            rows = int(_num(r.key("rows") or "0"))
            return _grouped(plan, r, rows, percent=True)
        base = _num(r.key("base") or "nan")
        hits = _num(r.key("matching") or "nan")
        share = _num(r.key("share") or "nan")
        m = plan.measure
        if math.isnan(share):
            return t(lang, "There are no rows to take a share of.", "비율을 구할 행이 없습니다.")
        head = f"{restate(plan)}: **{fmt(share, percent=True)}**"
        if m is not None and m.agg == "nunique":
            detail = t(
                lang,
                f"{fmt(hits, count=True)} of {fmt(base, count=True)} days.",
                f"{fmt(base, count=True)}일 중 {fmt(hits, count=True)}일입니다.",
            )
        elif m is None or m.column is None:
            detail = t(
                lang,
                f"{fmt(hits, count=True)} of {fmt(base, count=True)} rows.",
                f"{fmt(base, count=True)}개 행 중 {fmt(hits, count=True)}개입니다.",
            )
        else:
            unit = _units(plan, m.column)
            detail = t(
                lang,
                f"{fmt(hits, unit=unit)} of {fmt(base, unit=unit)} in total.",
                f"전체 {fmt(base, unit=unit)} 중 {fmt(hits, unit=unit)}입니다.",
            )
        return f"{head}\n\n{detail}"

    @staticmethod
    def rows(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        rows = int(_num(r.key("rows") or "0"))
        if not plan.measures:
            total = int(_num(r.key("total") or "0"))
            items = r.items()
            if rows == 0:
                return t(
                    lang,
                    f"No rows match {conditions_words(plan.conditions, lang)}.",
                    f"{conditions_words(plan.conditions, lang)} 조건에 맞는 행이 없습니다.",
                )
            if plan.columns:
                column = plan.columns[0]
                unit = _units(plan, column)
                year = column in plan.yearlike
                if rows == 1 and items:
                    head = f"{restate(plan)}: **{fmt(_num(items[0][-1]), unit=unit, year=year)}**"
                    if len(items[0]) > 1 and items[0][0] and not items[0][0].startswith("row "):
                        head += f" ({items[0][0]})"
                    return head
                head = t(
                    lang,
                    f"{restate(plan)} ({fmt(rows, count=True)} matching rows):",
                    f"{restate(plan)} (조건에 맞는 행 {fmt(rows, count=True)}개):",
                )
                listed = [f"- {_md_item(it[0])}: {fmt(_num(it[-1]), unit=unit, year=year)}" for it in items]
            else:
                head = t(
                    lang,
                    f"{restate(plan)}: **{fmt(rows, count=True)}** of {fmt(total, count=True)} rows.",
                    f"{restate(plan)}: 전체 {fmt(total, count=True)}개 중 **{fmt(rows, count=True)}**개",
                )
                listed = [f"- {_md_item(it[0])}" for it in items if it and it[0]]
            more = rows - len(items)
            if more > 0:
                listed.append(t(lang, f"- … and {fmt(more, count=True)} more", f"- … 외 {fmt(more, count=True)}개"))
            return "\n".join([head, "", *listed])
        tied = r.key("tied")  # rows tied for the extreme, when SQL code brought back fewer
        items = r.items()
        m = plan.measures[0]
        if not items:
            if plan.conditions:
                return t(
                    lang,
                    f"No rows match {conditions_words(plan.conditions, lang)}.",
                    f"{conditions_words(plan.conditions, lang)} 조건에 맞는 행이 없습니다.",
                )
            return t(lang, "No rows have a value to rank.", "순위를 매길 값이 있는 행이 없습니다.")
        unit = _units(plan, m.column)
        year = m.column in plan.yearlike
        if plan.superlative:
            if m.column in plan.date_columns or _is_date_text(items[0][1]):
                return t(
                    lang,
                    f"{restate(plan)}: **{items[0][1]}**"
                    + (f" ({items[0][0]})" if items[0][0] and not items[0][0].startswith("row ") else ""),
                    f"{restate(plan)}: **{items[0][1]}**"
                    + (f" ({items[0][0]})" if items[0][0] and not items[0][0].startswith("row ") else ""),
                )
            value = _num(items[0][1])
            names = list(dict.fromkeys(it[0] for it in items if _num(it[1]) == value))
            shown = ", ".join(names[:3])
            others = max(len(names), int(_num(tied)) if tied else 0) - 3
            held = max(sum(_num(it[1]) == value for it in items), int(_num(tied)) if tied else 0)
            if others > 0 and not names[0].startswith("row "):
                # many rows share the value: which three are named is arbitrary, so the headline
                # gives the value and how many rows hold it, and a line below a few of them
                return t(
                    lang,
                    f"{restate(plan)}: **{fmt(value, unit=unit, year=year)}**, held by {fmt(held, count=True)} rows.\n\n"
                    f"For example {shown}.",
                    f"{restate(plan)}: **{fmt(value, unit=unit, year=year)}** (같은 값의 행 {fmt(held, count=True)}개)\n\n"
                    f"예: {shown}",
                )
            if len(names) > 1:
                shown += t(lang, " (tied)", " (동률)")
            if names and names[0].startswith("row "):
                return f"{restate(plan)}: **{fmt(value, unit=unit, year=year)}**"
            return t(
                lang,
                f"{restate(plan)}: **{fmt(value, unit=unit, year=year)}**, for {shown}.",
                f"{restate(plan)}: **{fmt(value, unit=unit, year=year)}** ({shown})",
            )
        head = restate(plan) + ":"
        listed = [f"{i}. {it[0]}: {fmt(_num(it[1]), unit=unit, year=year)}" for i, it in enumerate(items, 1)]
        return "\n".join([head, "", *listed])

    @staticmethod
    def compare(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        a = r.fields("a") or ["nan", "0"]
        b = r.fields("b") or ["nan", "0"]
        diff = _num((r.fields("difference") or ["nan"])[0])
        m = plan.measure
        names = [_side_name(s, lang) for s in plan.sides]
        va, vb = _num(a[0]), _num(b[0])
        empty = [name for name, v in zip(names, (va, vb)) if math.isnan(v)]
        if empty:
            return t(
                lang,
                f"{_cap(measure_words(m, lang))}{where(plan.conditions, lang)}: there is no value for "
                f"{' or '.join(empty)}, so there is no difference to give.",
                f"{where(plan.conditions, lang)}{measure_words(m, lang)}: {', '.join(empty)}에 해당하는 값이 없어서 "
                "차이를 구할 수 없습니다.",
            )
        subject = t(
            lang,
            f"{_cap(measure_words(m, lang))}{where(plan.conditions, lang)}",
            f"{where(plan.conditions, lang)}{measure_words(m, lang)}",
        )
        values = f"{names[0]} {value_text(plan, m, va)}, {names[1]} {value_text(plan, m, vb)}"
        if plan.change in ("percent", "ratio"):
            if vb == 0:
                return t(
                    lang,
                    f"{subject}: {values}; {names[1]} is zero, so there is no ratio to give.",
                    f"{subject}: {values}. {names[1]} 값이 0이라서 비율을 구할 수 없습니다.",
                )
            # the asked ratio or change leads; the two values it comes from follow on their own line
            if plan.change == "ratio":
                return t(
                    lang,
                    f"{subject}: {names[0]} is **{fmt(va / vb)} times** {names[1]}\n\n{values}",
                    f"{subject}: {names[0]}은(는) {names[1]}의 **{fmt(va / vb)}배**\n\n{values}",
                )
            pct = va / vb - 1
            word = t(lang, "up" if pct >= 0 else "down", "증가" if pct >= 0 else "감소")
            if not c_dates(plan):
                # two groups, not two periods: "A is 12% higher than B"
                word = t(lang, "higher" if pct >= 0 else "lower", "높습니다" if pct >= 0 else "낮습니다")
                return t(
                    lang,
                    f"{subject}: {names[0]} is **{fmt(abs(pct), percent=True)} {word}** than {names[1]}\n\n{values}",
                    f"{subject}: {particle(names[0], '이/가')} {names[1]}보다 **{fmt(abs(pct), percent=True)}** {word}\n\n{values}",
                )
            return t(
                lang,
                f"{subject}: from {names[1]} to {names[0]} it went {word} **{fmt(abs(pct), percent=True)}**\n\n{values}",
                f"{subject}: {names[1]} 대비 {names[0]}은(는) **{fmt(abs(pct), percent=True)}** {word}\n\n{values}",
            )
        # The difference as a positive amount with its direction, so "how much less" is answered
        # "12,714 lower", never "−12,714"
        amount = value_text(plan, m, abs(diff))
        if _units(plan, m.column) == "%" and m.agg not in ("count",):
            # a difference of two percentages is in percentage points, never a percent change
            amount = t(lang, f"{fmt(abs(diff))} percentage points", f"{fmt(abs(diff))}%p")
        if diff == 0:
            return t(lang, f"{subject}: {values}; they are **the same**", f"{subject}: {values}, **차이가 없습니다**")
        higher = diff > 0
        word = t(lang, "higher" if higher else "lower", "높습니다" if higher else "낮습니다")
        if m.agg in ("count", "sum") or m.column is None:
            word = t(lang, "more" if higher else "less", "많습니다" if higher else "적습니다")
        if plan.superlative and plan.asked is not None:
            # "A or B: which had more": the one asked for leads, then both values and the gap
            first = (plan.asked == "high") == higher
            winner, other = (names[0], names[1]) if first else (names[1], names[0])
            word = t(
                lang,
                "higher" if plan.asked == "high" else "lower",
                "더 높습니다" if plan.asked == "high" else "더 낮습니다",
            )
            if m.agg in ("count", "sum") or m.column is None:
                word = t(
                    lang,
                    "more" if plan.asked == "high" else "less",
                    "더 많습니다" if plan.asked == "high" else "더 적습니다",
                )
            return t(
                lang,
                f"**{winner}**: its {measure_words(m, lang)}{where(plan.conditions, lang)} is {word} than "
                f"{other}'s by {amount} ({values})",
                f"**{winner}**: {where(plan.conditions, lang)}{measure_words(m, lang)}이(가) {other}보다 "
                f"{amount} {word} ({values})",
            )
        contrary = plan.asked is not None and (plan.asked == "high") != higher
        if lang == "ko":
            head = f"{subject}: {values}. {particle(names[0], '이/가')} {names[1]}보다 **{amount}** {word}"
            if contrary:
                head += " (물으신 것과 반대 방향입니다)"
            return head
        head = f"{subject}: {values}; {names[0]} is **{amount} {word}** than {names[1]}"
        if contrary:
            head += " (the opposite of what the question supposes)"
        return head

    @staticmethod
    def relationship(plan: Plan, r: _Reader) -> str:
        text = _Words._relationship(plan, r)
        sample = r.key("sample")  # a scatter of a sample of the rows (SQL code, large data)
        if sample is not None and not math.isnan(_num(sample)):
            n = fmt(_num(sample), count=True)
            text += "\n\n" + t(
                plan.language,
                f"The chart shows a random sample of {n} of these rows.",
                f"그래프에는 이 행들 중 무작위로 고른 {n}개를 그렸습니다.",
            )
        return text

    @staticmethod
    def _relationship(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        value = _num(r.key("r") or "nan")
        rows = int(_num(r.key("rows") or "0"))
        if math.isnan(value):
            return t(
                lang,
                f"{restate(plan)}: not defined (too few rows with both values).",
                f"{restate(plan)}: 계산할 수 없습니다 (두 값이 모두 있는 행이 너무 적습니다).",
            )
        strength = abs(value)
        if lang == "ko":
            word = (
                "강한"
                if strength >= 0.7
                else "중간 정도의"
                if strength >= 0.4
                else "약한"
                if strength >= 0.2
                else "거의 없는"
            )
            sign = "양의" if value > 0 else "음의"
            kind = f"{word} {sign} 상관" if strength >= 0.2 else "상관이 거의 없음"
            return f"{restate(plan)}: **{fmt(value)}** ({kind}, {fmt(rows, count=True)}개 행)"
        word = (
            "strong"
            if strength >= 0.7
            else "moderate"
            if strength >= 0.4
            else "weak"
            if strength >= 0.2
            else "little or no"
        )
        sign = "positive" if value > 0 else "negative"
        kind = f"{word} {sign} relationship" if strength >= 0.2 else "little or no linear relationship"
        return f"{restate(plan)}: **{fmt(value)}** ({kind}, over {fmt(rows, count=True)} rows)"

    @staticmethod
    def distribution(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        column = plan.columns[0]
        unit = _units(plan, column)
        if plan.group is not None:
            rows = int(_num(r.key("rows") or "0"))
            fake = Plan(
                "aggregate",
                lang,
                measures=[Measure("median", column)],
                group=plan.group,
                conditions=plan.conditions,
                units=plan.units,
                yearlike=plan.yearlike,
                order=plan.order,
            )
            return _grouped(fake, r, rows, head=restate(plan))
        stats = {}
        for key in ("count", "mean", "median", "std", "min", "max"):
            stats[key] = _num(r.key(key) or "nan")
        if not stats["count"]:
            return t(lang, f"{restate(plan)}: there are no values.", f"{restate(plan)}: 값이 없습니다.")
        year = column in plan.yearlike
        head = t(
            lang,
            f"{restate(plan)}: mean **{fmt(stats['mean'], unit=unit)}**, median **{fmt(stats['median'], unit=unit, year=year)}**",
            f"{restate(plan)}: 평균 **{fmt(stats['mean'], unit=unit)}**, 중앙값 **{fmt(stats['median'], unit=unit, year=year)}**",
        )
        detail = t(
            lang,
            f"From {fmt(stats['min'], unit=unit, year=year)} to {fmt(stats['max'], unit=unit, year=year)}, "
            f"standard deviation {fmt(stats['std'])}, over {fmt(stats['count'], count=True)} values.",
            f"최솟값 {fmt(stats['min'], unit=unit, year=year)}, 최댓값 {fmt(stats['max'], unit=unit, year=year)}, "
            f"표준편차 {fmt(stats['std'])}, 값 {fmt(stats['count'], count=True)}개.",
        )
        return f"{head}\n\n{detail}"

    @staticmethod
    def trend(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        bucket = r.key("bucket") or ""
        r.key("rows")
        m = plan.measure
        series = r.key("series")
        if series is not None:
            lines = [it for it in r.items() if len(it) >= 7]
            per = BUCKET[lang].get(bucket, bucket)
            head = t(
                lang,
                f"{_cap(measure_words(m, lang))} per {per} for each {plan.columns[0]}{where(plan.conditions, lang)} "
                f"({len(lines)} lines in the chart):",
                f"{where(plan.conditions, lang)}{plan.columns[0]}별 {per}별 {measure_words(m, lang)} (그래프의 선 {len(lines)}개):",
            )
            listed = [
                t(
                    lang,
                    f"- {_md_item(it[0])}: {value_text(plan, m, _num(it[2]))} in {_label(it[1])} → {value_text(plan, m, _num(it[4]))} "
                    f"in {_label(it[3])}; highest {value_text(plan, m, _num(it[6]))} in {_label(it[5])}",
                    f"- {_md_item(it[0])}: {_label(it[1])} {value_text(plan, m, _num(it[2]))} → {_label(it[3])} "
                    f"{value_text(plan, m, _num(it[4]))}, 최고 {_label(it[5])} {value_text(plan, m, _num(it[6]))}",
                )
                for it in lines
            ]
            return "\n".join([head, "", *listed])
        items = [(_label(it[0]), _num(it[1])) for it in r.items() if len(it) > 1]
        if not items:
            return t(
                lang,
                f"{restate(plan)}: there is nothing to show (no rows with a date and a value).",
                f"{restate(plan)}: 날짜와 값이 모두 있는 행이 없습니다.",
            )
        per = BUCKET[lang].get(bucket, bucket)
        head = restate(plan)
        if plan.group.bucket == "auto":
            head = t(
                lang,
                f"{_cap(measure_words(m, lang))} per {per}{where(plan.conditions, lang)}",
                f"{where(plan.conditions, lang)}{per}별 {measure_words(m, lang)}",
            )
        hi = max(items, key=lambda x: x[1])
        lo = min(items, key=lambda x: x[1])
        first, last = items[0], items[-1]
        head += t(
            lang, f", {first[0]} to {last[0]} ({len(items)} points):", f", {first[0]}~{last[0]} ({len(items)}개 구간):"
        )
        lines = [head, ""]
        if plan.asked == "direction":
            lines = [_direction(plan, items, bucket, per), "", *lines]
        if len(items) <= 24:
            lines += [f"- {_md_item(label)}: {value_text(plan, m, v)}" for label, v in items]
            lines += [
                "",
                t(
                    lang,
                    f"Highest in {hi[0]}, lowest in {lo[0]}.",
                    f"가장 높은 때는 {hi[0]}, 가장 낮은 때는 {lo[0]}입니다.",
                ),
            ]
        else:
            lines += [
                t(
                    lang,
                    f"- highest: {hi[0]} ({value_text(plan, m, hi[1])})",
                    f"- 최고: {hi[0]} ({value_text(plan, m, hi[1])})",
                ),
                t(
                    lang,
                    f"- lowest: {lo[0]} ({value_text(plan, m, lo[1])})",
                    f"- 최저: {lo[0]} ({value_text(plan, m, lo[1])})",
                ),
                t(
                    lang,
                    f"- first: {first[0]} ({value_text(plan, m, first[1])}); last: {last[0]} ({value_text(plan, m, last[1])})",
                    f"- 처음: {first[0]} ({value_text(plan, m, first[1])}), 마지막: {last[0]} ({value_text(plan, m, last[1])})",
                ),
            ]
        return "\n".join(lines)

    @staticmethod
    def correlations(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        items = [(it[0], _num(it[1])) for it in r.items() if len(it) > 1]
        if not items:
            return t(
                lang,
                f"{restate(plan)}: there are not enough numeric columns.",
                f"{restate(plan)}: 숫자 열이 부족합니다.",
            )
        if plan.columns:
            top = items[0]
            head = t(
                lang,
                f"{restate(plan)}: strongest with **{top[0]}** ({fmt(top[1])})",
                f"{restate(plan)}: 가장 강한 것은 **{top[0]}** ({fmt(top[1])})",
            )
            rest = [f"- {_md_item(label)}: {fmt(v)}" for label, v in items[1:8]]
            return "\n".join([head, "", *rest])
        head = t(lang, "The strongest correlations between the numeric columns:", "숫자 열 사이의 가장 강한 상관관계:")
        if plan.conditions:
            head = restate(plan) + ":"
        return "\n".join([head, "", *[f"- {_md_item(label)}: {fmt(v)}" for label, v in items]])

    @staticmethod
    def describe(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        n = int(_num(r.key("columns") or "0"))
        rows = int(_num(r.key("rows") or "0"))
        return t(
            lang,
            f"{restate(plan)}: the table above has count, mean, standard deviation, minimum, median and "
            f"maximum of {n} column{'s' if n != 1 else ''} over {fmt(rows, count=True)} rows.",
            f"{restate(plan)}: 위 표에 {n}개 열의 개수, 평균, 표준편차, 최솟값, 중앙값, 최댓값이 있습니다 "
            f"({fmt(rows, count=True)}개 행).",
        )

    @staticmethod
    def missing(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        rows = int(_num(r.key("rows") or "0"))
        if plan.measures:
            incomplete = int(_num(r.key("incomplete") or "0"))
            r.key("rows")
            r.key("total")
            items = r.items()
            detail = ", ".join(f"{it[0]} {fmt(_num(it[1]), count=True)}" for it in items if len(it) > 1)
            head = t(
                lang,
                f"Rows with at least one missing value{where(plan.conditions, lang).replace(' for rows where', ' among rows where')}: "
                f"**{fmt(incomplete, count=True)}** of {fmt(rows, count=True)}",
                f"{where(plan.conditions, lang)}결측치가 하나 이상 있는 행: 전체 {fmt(rows, count=True)}개 중 **{fmt(incomplete, count=True)}**개",
            )
            if detail:
                head += "\n\n" + t(lang, f"Missing values per column: {detail}.", f"열별 결측치: {detail}.")
            return head
        total = int(_num(r.key("total") or "0"))
        items = r.items()
        if total == 0:
            return t(
                lang, f"{restate(plan)}: **none** — every value is present.", f"{restate(plan)}: 결측치가 **없습니다**."
            )
        head = t(
            lang,
            f"{restate(plan)}: **{fmt(total, count=True)}** missing values in {len(items)} column{'s' if len(items) != 1 else ''}:",
            f"{restate(plan)}: {len(items)}개 열에 결측치 **{fmt(total, count=True)}**개:",
        )
        listed = [
            f"- {_md_item(it[0])}: {fmt(_num(it[1]), count=True)} ({fmt(_num(it[1]) / rows if rows else math.nan, percent=True)})"
            for it in items
            if len(it) > 1
        ]
        return "\n".join([head, "", *listed])

    @staticmethod
    def position(plan: Plan, r: _Reader) -> str:
        """The place of one group in the ranking the code printed (every group, in order)."""
        lang = plan.language
        r.key("rows")
        r.key("groups")
        ranked = [(it[0], _num(it[1])) for it in r.items() if len(it) > 1]
        m = plan.measure
        what = measure_words(m, lang)
        names = [name for name, _ in ranked]
        if str(plan.position) not in names:
            raise NothingRecorded(
                lang,
                f"{plan.position} has no {what}{where(plan.conditions, lang)}, so it has no place in the ranking.",
                f"{plan.position}에는 {where(plan.conditions, lang)}{what} 값이 없어 순위를 매길 수 없습니다.",
            )
        place = names.index(str(plan.position)) + 1
        value = ranked[place - 1][1]
        way = t(
            lang,
            "highest first" if plan.order != "asc" else "lowest first",
            "높은 순" if plan.order != "asc" else "낮은 순",
        )
        first = f"{ranked[0][0]} {value_text(plan, m, ranked[0][1])}"
        head = t(
            lang,
            f"{plan.position} is **#{place}** of {len(ranked)} {plan.group.column} by {what}{where(plan.conditions, lang)} "
            f"({way}): {value_text(plan, m, value)}",
            f"{where(plan.conditions, lang)}{what} 기준({way}) {plan.position}은(는) {len(ranked)}개 {plan.group.column} 중 "
            f"**{place}위**입니다: {value_text(plan, m, value)}",
        )
        if place > 1:
            head += "\n\n" + t(lang, f"#1: {first}.", f"1위: {first}.")
        return head

    @staticmethod
    def coverage(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        expected = int(_num(r.key("expected") or "0"))
        span = r.fields("span") or ["", ""]
        n = int(_num(r.key("missing") or "0"))
        labels = [it[0] for it in r.items() if it and it[0]]
        unit = BUCKET[lang][plan.group.bucket]
        if any(k.column == plan.group.column for k in plan.conditions):
            detail = t(
                lang,
                f"The {unit}s asked about run from {span[0]} to {span[-1]}: {fmt(expected, count=True)} {unit}s.",
                f"물어본 기간은 {span[0]}부터 {span[-1]}까지, {fmt(expected, count=True)}개 {unit}입니다.",
            )
        else:
            detail = t(
                lang,
                f"The data runs from {span[0]} to {span[-1]}: {fmt(expected, count=True)} {unit}s.",
                f"데이터 기간은 {span[0]}부터 {span[-1]}까지, {fmt(expected, count=True)}개 {unit}입니다.",
            )
        if plan.measures and plan.columns and n and len(labels) == n:
            # "how many days is each station missing": a count per value, never one total for each
            from collections import Counter

            per = Counter(label.rsplit(" ", 1)[0] for label in labels)
            listed = ", ".join(f"{name} {fmt(k, count=True)}" for name, k in per.most_common())
            total = t(lang, f"{fmt(n, count=True)} in all", f"모두 {fmt(n, count=True)}개")
            rest = t(lang, "none for the others", "나머지는 없음")
            return f"{restate(plan)}: **{total}**: {listed} ({rest})\n\n" + detail
        if plan.measures or n == 0:
            head = f"{restate(plan)}: **{fmt(n, count=True)}**"
            if 0 < n <= 10:
                head += f" ({', '.join(labels)})"
            return head + "\n\n" + detail
        shown = ", ".join(labels[:12])
        more = t(lang, f" and {fmt(n - 12, count=True)} more", f" 외 {fmt(n - 12, count=True)}개") if n > 12 else ""
        return f"{restate(plan)}: **{shown}**{more}\n\n" + detail

    @staticmethod
    def columns(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        n = int(_num(r.key("columns") or "0"))
        items = r.items()
        head = t(lang, f"The data has **{n}** columns:", f"데이터의 열은 **{n}**개입니다:")
        return "\n".join([head, "", *[f"- {_md_item(it[0])} ({it[1]})" for it in items if len(it) > 1]])

    @staticmethod
    def head(plan: Plan, r: _Reader) -> str:
        lang = plan.language
        return t(lang, f"{restate(plan)} are in the table above.", f"{restate(plan)}은 위 표와 같습니다.")

    @staticmethod
    def overview(plan: Plan, outputs: list[list[list[str]]]) -> str:
        lang = plan.language
        first = _Reader(outputs[0] if outputs else [])
        rows = int(_num(first.key("rows") or "0"))
        columns = int(_num(first.key("columns") or "0"))
        missing = int(_num(first.key("missing") or "0"))
        head = t(
            lang,
            f"**{fmt(rows, count=True)}** rows and **{columns}** columns, "
            f"{'no missing values' if not missing else f'{fmt(missing, count=True)} missing values'}.",
            f"행 **{fmt(rows, count=True)}**개, 열 **{columns}**개, "
            f"{'결측치 없음' if not missing else f'결측치 {fmt(missing, count=True)}개'}.",
        )
        lines = [head]
        if len(outputs) >= 3 and plan.columns:
            split = [it for it in outputs[2] if len(it) > 1]
            if split:
                column = plan.columns[0]
                lines.append(
                    t(
                        lang,
                        f"Most rows have {column} = {split[0][0]}; the chart above shows the split.",
                        f"{column} 값은 {split[0][0]}인 행이 가장 많습니다. 위 그래프에 나뉜 모습이 있습니다.",
                    )
                )
        lines.append(
            t(
                lang,
                "Ask about any column: averages by group, counts, top rows, trends over time.",
                "어떤 열이든 물어보세요: 그룹별 평균, 개수, 상위 행, 시간에 따른 추세.",
            )
        )
        return "\n\n".join(lines)


def _nothing_found(plan: Plan, head: str, what: tuple[str, str]) -> str:
    """The reply when a breakdown brings back no groups (`what`: the English and Korean word for
    them): no row meets the conditions, or none has a value."""
    lang, (en, ko) = plan.language, what
    if plan.conditions:
        said = conditions_words(plan.conditions, lang)
        return t(
            lang, f"No rows match {said}, so there are no {en}.", f"{said} 조건에 맞는 행이 없어서 {ko}이 없습니다."
        )
    return t(lang, f"{head}: there are no {en} with a value.", f"{head}: 값이 있는 {ko}이 없습니다.")


def _grouped(plan: Plan, r: _Reader, rows: int, percent: bool = False, head: str | None = None) -> str:
    lang = plan.language
    groups = r.key("groups")
    overall = r.key("overall") if plan.overall else None
    items = [it for it in r.items() if len(it) > 1]
    # SQL code brings back at most so many groups, and prints how many there are
    total = max(len(items), int(_num(groups)) if groups and not math.isnan(_num(groups)) else 0)
    head = head or restate(plan)
    if not items:
        return _nothing_found(plan, head, ("groups", "그룹"))
    measures = plan.measures or [Measure("count")]

    def val(it: list[str], k: int = 0) -> str:
        m = measures[min(k, len(measures) - 1)]
        v = _num(it[1 + k])
        if percent:
            return fmt(v, percent=True)
        return value_text(plan, m, v)

    if plan.superlative and plan.rank > 1 and len(measures) == 1:
        if len(items) < plan.rank:
            return t(lang, f"{head}: there are only {len(items)} groups.", f"{head}: 그룹이 {len(items)}개뿐입니다.")
        it = items[plan.rank - 1]
        before = ", ".join(f"{_label(x[0])} {val(x)}" for x in items[: plan.rank - 1])
        line = f"{head}: **{_label(it[0])}** ({val(it)})"
        return line + "\n\n" + t(lang, f"Ahead of it: {before}.", f"그보다 앞: {before}.")
    if plan.limit == 1 and len(measures) == 1:
        best = _num(items[0][1])
        ties = [it for it in items if _num(it[1]) == best]
        names = ", ".join(_period_label(_label(it[0]), plan) for it in ties)
        tie = t(lang, " (tied)", " (동률)") if len(ties) > 1 else ""
        line = f"{head}: **{names}** ({val(items[0])}){tie}"
        rest = items[len(ties) : len(ties) + 4]
        if rest:
            line += (
                "\n\n" + t(lang, "Next: ", "그다음: ") + ", ".join(f"{_label(it[0])} {val(it)}" for it in rest) + "."
            )
        return line
    if plan.limit and plan.limit < len(items):
        items = items[: plan.limit]  # "top 3": the three, not the rest
    if len(measures) > 1:
        names = " | ".join(measure_words(m, lang) for m in measures)
        listed = [
            f"- {_md_item(_label(it[0]))}: " + ", ".join(val(it, k) for k in range(len(measures)))
            for it in items[:_LISTED]
        ]
        out = [f"{head} ({names}):", "", *listed]
    elif overall is not None and not math.isnan(_num(overall)):
        # values listed with "and": the one over all their rows, then each (`Plan.overall`)
        whole = restate(replace(plan, group=None, overall=False))
        listed = [f"- {_md_item(_label(it[0]))}: {val(it)}" for it in items[:_LISTED]]
        each = t(lang, "Each of them:", "각각:")
        out = [f"{whole}: **{value_text(plan, measures[0], _num(overall))}**", "", each, "", *listed]
    else:
        listed = [f"- {_md_item(_label(it[0]))}: {val(it)}" for it in items[:_LISTED]]
        order = ""
        if plan.limit:
            order = ""
        elif plan.order == "desc":
            order = t(lang, ", highest first", ", 높은 순")
        elif plan.order == "asc":
            order = t(lang, ", lowest first", ", 낮은 순")
        shown = total if not plan.limit else len(items)
        count = t(lang, f" ({shown} groups)", f" ({shown}개 그룹)") if shown > 5 else ""
        out = [f"{head}{count}{order}:", "", *listed]
    more = (total if not plan.limit else len(items)) - _LISTED
    if more > 0:
        out.append(
            t(
                lang,
                f"- … and {more} more (see the chart and the code's output)",
                f"- … 외 {more}개 (그래프와 코드 출력 참고)",
            )
        )
    return "\n".join(out)


#: a two-way table's columns and rows shown in the reply (the rest are in the code's output, and
#: the reply says how many were left out)
_WIDE_COLUMNS = 8
_WIDE_ROWS = 30


_value_text = value_text


def _two_way(plan: Plan, r: _Reader) -> str:
    """A two-way breakdown (`Plan.group2`): a wide table, the first column's values down and the
    second's across (at most _WIDE_COLUMNS x _WIDE_ROWS, saying what was cut); with an order
    asked for, the combinations ranked, the first of them said first ("which combination ...")."""
    lang = plan.language
    m = plan.measures[0]
    head = restate(plan)
    items = [it for it in r.items() if len(it) >= 3]

    def value_text(plan: Plan, m: Measure, v: float) -> str:
        return fmt(v, percent=True) if m.agg == "share" else _value_text(plan, m, v)

    if not items:
        return _nothing_found(plan, head, ("combinations", "조합"))
    cells = {(_label(a), _label(b)): _num(v) for a, b, v in (it[:3] for it in items)}
    down = list(dict.fromkeys(a for a, _ in cells))
    across = list(dict.fromkeys(b for _, b in cells))
    if plan.order:  # ranked: the table keeps the values' own order
        down, across = sorted(down, key=str), sorted(across, key=str)
    out = []
    if plan.order and (plan.superlative or plan.limit):
        best = _num(items[0][2])
        ties = [it for it in items if _num(it[2]) == best]
        names = ", ".join(f"{_label(it[0])} · {_label(it[1])}" for it in ties)
        tie = t(lang, " (tied)", " (동률)") if len(ties) > 1 else ""
        word = {
            ("desc", "en"): "Highest",
            ("asc", "en"): "Lowest",
            ("desc", "ko"): "가장 높은",
            ("asc", "ko"): "가장 낮은",
        }
        top = word[(plan.order, lang)]
        line = t(
            lang,
            f"{top} {head[:1].lower() + head[1:]}: **{names}** ({value_text(plan, m, best)}){tie}",
            f"{head} {top} 조합: **{names}** ({value_text(plan, m, best)}){tie}",
        )
        out += [line, ""]
        rest = items[len(ties) : len(ties) + 4]
        if rest:
            nxt = ", ".join(f"{_label(it[0])} · {_label(it[1])} {value_text(plan, m, _num(it[2]))}" for it in rest)
            out += [t(lang, f"Next: {nxt}.", f"그다음: {nxt}."), ""]
        out.append(t(lang, "Every combination:", "조합 전체:"))
    else:
        size = f"{len(down)} × {len(across)}"
        out.append(t(lang, f"{head} ({size}):", f"{head} ({size}):"))
    shown_cols, shown_rows = across[:_WIDE_COLUMNS], down[:_WIDE_ROWS]
    corner = f"{plan.group.column} \\ {plan.group2.column}"
    out += ["", "| " + " | ".join([corner, *(_md_item(c) for c in shown_cols)]) + " |"]
    out.append("|" + "---|" * (len(shown_cols) + 1))
    for a in shown_rows:
        row = [value_text(plan, m, cells[(a, b)]) if (a, b) in cells else "–" for b in shown_cols]
        out.append("| " + " | ".join([_md_item(a), *row]) + " |")
    cut = []
    if len(across) > len(shown_cols):
        left = len(across) - len(shown_cols)
        cut.append(t(lang, f"{left} more {plan.group2.column} columns", f"{plan.group2.column} 열 {left}개"))
    if len(down) > len(shown_rows):
        left = len(down) - len(shown_rows)
        cut.append(t(lang, f"{left} more {plan.group.column} rows", f"{plan.group.column} 행 {left}개"))
    if cut:
        out += [
            "",
            t(
                lang,
                f"Not shown here: {_and(lang, cut)} (see the code's output).",
                f"여기서 생략: {_and(lang, cut)} (코드 출력 참고).",
            ),
        ]
    if any(math.isnan(v) for v in cells.values()) is False and len(cells) < len(down) * len(across):
        out += ["", t(lang, "–: no rows of that combination.", "–: 그 조합의 행이 없음.")]
    return "\n".join(out)


#: groups a reply lists one per line (more are in the chart and the code's output): half a century
#: of years, all the states of a country
_LISTED = 50


def _period_label(label: str, plan: Plan) -> str:
    """A calendar month named as people say it: "2024-09" -> "September 2024" / "2024년 9월"."""

    m = re.fullmatch(r"(\d{4})-(\d{2})", label)
    if plan.group is None or plan.group.bucket != "month" or not m:
        return label
    year, month = int(m.group(1)), int(m.group(2))
    return t(plan.language, f"{MONTHS['en'][month - 1]} {year}", f"{year}년 {month}월")


_PART_COLUMNS = {
    "year": "year",
    "yr": "year",
    "연도": "year",
    "년도": "year",
    "quarter": "quarter",
    "qtr": "quarter",
    "분기": "quarter",
    "month": "month",
    "월": "month",
}


def c_dates(plan: Plan) -> bool:
    """Whether the two sides of a comparison are periods (a change over time), not groups."""
    return all(
        c.part is not None or c.column in plan.date_columns or c.column in plan.yearlike
        for side in plan.sides
        for c in side
    )


def _side_name(side: list, lang: str) -> str:
    """A short name for one side of a comparison: Japan, 2014, weekends, July."""
    from .wording import WEEKDAYS

    parts = {c.part or _PART_COLUMNS.get(c.column.lower()): c.value for c in side if c.op == "=="}
    if len(side) > 1 and len(parts) == len(side) and set(parts) <= {"year", "quarter", "month"} and "year" in parts:
        year = int(parts["year"])  # dates kept in parts: "2000 Q1", "March 2000"
        if "quarter" in parts and len(parts) == 2:
            return t(lang, f"{year} Q{int(parts['quarter'])}", f"{year}년 {int(parts['quarter'])}분기")
        if "month" in parts and len(parts) == 2:
            return t(lang, f"{MONTHS['en'][int(parts['month']) - 1]} {year}", f"{year}년 {int(parts['month'])}월")
    if len(side) == 1:
        c = side[0]
        values = c.value if isinstance(c.value, list) else [c.value]
        if c.part == "weekday" and sorted(values) == [5, 6]:
            return t(lang, "weekends", "주말")
        if c.part == "weekday" and sorted(values) == [0, 1, 2, 3, 4]:
            return t(lang, "weekdays", "평일")
        if c.op == "!=":
            inner = _side_name([type(c)(c.column, "==", c.value, c.part)], lang)
            return t(lang, f"the rest (not {inner})", f"나머지({inner} 외)")
        if c.op in ("==", "in"):
            if any(type(v).__name__ in ("bool", "bool_") for v in values):
                return conditions_words(side, lang)  # a yes/no column's side: "union = yes", not "True"
            if c.part == "weekday":
                return "/".join(WEEKDAYS[lang][int(v)] for v in values)
            if c.part == "month":
                months = sorted(int(v) for v in values)
                if len(months) > 2 and months == list(range(months[0], months[-1] + 1)):
                    return f"{MONTHS[lang][months[0] - 1]}–{MONTHS[lang][months[-1] - 1]}"  # March–May
                return "/".join(MONTHS[lang][int(v) - 1] for v in values)
            return "/".join(str(int(v)) if isinstance(v, float) and v.is_integer() else str(v) for v in values)
    return conditions_words(side, lang)


def _is_date_text(text: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()))


# --- declines ---------------------------------------------------------------------------------


def suggestions(table: Table | None, lang: str) -> list[str]:
    """Questions the offline analyst answers about this table (each one plans, see the tests)."""
    if table is None:
        return []
    from .compose import _ADDITIVE

    num = [c.name for c in table.numeric if not c.yearlike]
    cat = [c for c in table.columns if c.kind in ("categorical", "boolean") and c.values]
    amounts = [c.name for c in table.numeric if set(c.concepts) & _ADDITIVE]
    dates = table.dates
    out = []
    if num and cat:
        out.append(t(lang, f"Average {num[0]} by {cat[0].name}", f"{cat[0].name}별 평균 {num[0]}"))
        out.append(
            t(
                lang,
                f"Which {cat[0].name} has the highest average {num[0]}?",
                f"평균 {particle(num[0], '이/가')} 가장 높은 {particle(cat[0].name, '은/는')}?",
            )
        )
    if cat:
        value = cat[0].values[0]
        out.append(t(lang, f"How many rows have {cat[0].name} {value}?", f"{cat[0].name} {value}인 행은 몇 개?"))
    if num and dates:
        out.append(
            t(lang, f"Total {amounts[0]} per month", f"월별 {amounts[0]} 합계")
            if amounts
            else t(lang, f"Average {num[0]} per month", f"월별 평균 {num[0]}")
        )
    if num:
        out.append(t(lang, f"Distribution of {num[0]}", f"{num[0]} 분포"))
    if len(num) >= 2:
        out.append(t(lang, f"Relationship between {num[0]} and {num[1]}", f"{num[0]}와 {num[1]}의 관계"))
    out.append(t(lang, "Are there missing values?", "결측치가 있나요?"))
    return out[:5]


def decline_message(plan: Plan, table: Table | None) -> str:
    lang = plan.language
    lines = [
        t(
            lang,
            "I can't answer this one reliably, so I won't guess.",
            "이 질문에는 정확히 답할 수 없어서 추측하지 않겠습니다.",
        ),
        "",
        plan.problem,
    ]
    if plan.understood:
        lines += ["", t(lang, "What I understood: ", "이해한 부분: ") + "; ".join(plan.understood) + "."]
    tries = plan.suggestions or suggestions(table, lang)
    if tries:
        lines += ["", t(lang, "Questions I can answer about this data:", "이 데이터에 대해 답할 수 있는 질문:")]
        lines += [f"- {s}" for s in tries]
    lines += ["", _MODEL_HELP[lang]]
    return "\n".join(lines)
