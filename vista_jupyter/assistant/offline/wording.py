"""Words for plans, in English and Korean: aggregations, conditions, groupings, numbers.

Used by the answers (answer.py) and by the chart titles the renderers draw, so a Korean question
gets Korean titles and the answer restates the plan in the words the chart uses.
"""

from __future__ import annotations

import math
from typing import Any

from .amounts import SIGNS_BEFORE
from .plan import Condition, Grouping, Measure, Plan
from .text import particle

AGG = {
    "en": {
        "mean": "mean",
        "median": "median",
        "sum": "total",
        "count": "number of rows",
        "nunique": "number of different values",
        "min": "lowest",
        "max": "highest",
        "std": "standard deviation",
        "range": "range",
        "share": "share",
    },
    "ko": {
        "mean": "평균",
        "median": "중앙값",
        "sum": "합계",
        "count": "행 수",
        "nunique": "고유값 수",
        "min": "최솟값",
        "max": "최댓값",
        "std": "표준편차",
        "range": "범위",
        "share": "비율",
    },
}
AGG["en"].update(var="variance", iqr="interquartile range", cv="coefficient of variation", skew="skewness")
AGG["ko"].update(var="분산", iqr="사분위수 범위", cv="변동계수", skew="왜도")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# the quantiles "p1" ... "p99": the 25th and 75th as the quartiles they are
for _p in range(1, 100):
    AGG["en"][f"p{_p}"] = f"{_ordinal(_p)} percentile"
    AGG["ko"][f"p{_p}"] = f"{_p} 백분위수"
AGG["en"].update(p25="first quartile (25th percentile)", p75="third quartile (75th percentile)")
AGG["ko"].update(p25="제1사분위수(25 백분위수)", p75="제3사분위수(75 백분위수)")
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "ko": [f"{i}월" for i in range(1, 13)],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "ko": ["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"],
}
BUCKET = {
    "en": {
        "day": "day",
        "week": "week",
        "month": "month",
        "quarter": "quarter",
        "year": "year",
        "weekday": "day of the week",
        "month_of_year": "month of the year (all years together)",
        "quarter_of_year": "quarter of the year (all years together)",
        "decade": "decade",
        "hour": "hour",
        "auto": "period",
    },
    "ko": {
        "day": "일",
        "week": "주",
        "month": "월",
        "quarter": "분기",
        "year": "연도",
        "weekday": "요일",
        "month_of_year": "월(모든 연도 합산)",
        "quarter_of_year": "분기(모든 연도 합산)",
        "decade": "연대",
        "hour": "시간",
        "auto": "기간",
    },
}
PART = {
    "en": {
        "year": "year of {c}",
        "month": "month of {c}",
        "day": "day of {c}",
        "quarter": "quarter of {c}",
        "weekday": "weekday of {c}",
        "hour": "hour of {c}",
        "date": "{c}",
    },
    "ko": {
        "year": "{c}의 연도",
        "month": "{c}의 월",
        "day": "{c}의 일",
        "quarter": "{c}의 분기",
        "weekday": "{c}의 요일",
        "hour": "{c}의 시각",
        "date": "{c}",
    },
}
_OPS_TEXT = {"==": "=", "!=": "≠", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}


def t(lang: str, en: str, ko: str) -> str:
    return ko if lang == "ko" else en


# --- numbers ----------------------------------------------------------------------------------


def fmt(value: Any, *, count: bool = False, year: bool = False, percent: bool = False, unit: str | None = None) -> str:
    """A number for people: rounded to what matters, thousands separated, years as years."""
    if value is None:
        return "—"
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return value
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(x):
        return "—"
    if percent:
        v = x * 100
        digits = 1 if abs(v) >= 1 or v == 0 else 2
        return f"{_trim(f'{v:.{digits}f}')}%"
    if year and x.is_integer():
        text = str(int(x))
    elif count or (x.is_integer() and abs(x) < 1e15):
        text = f"{int(x):,}"
    else:
        a = abs(x)
        if a >= 1000:
            text = f"{x:,.0f}"
        elif a >= 100:
            text = _trim(f"{x:,.1f}")
        elif a >= 1:
            text = _trim(f"{x:.2f}")
        elif a >= 0.1:
            text = _trim(f"{x:.3f}")
        else:
            text = f"{x:.3g}"
    if unit in SIGNS_BEFORE:  # "$88,000", "-€35.2": a currency sign leads
        return f"-{unit}{text[1:]}" if text.startswith("-") else f"{unit}{text}"
    if unit:
        text += unit if not unit.isascii() else f" {unit}"
    return text


def _trim(text: str) -> str:
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_value(value: Any, lang: str) -> str:
    """A value in a condition: text as is, numbers rounded, booleans in words."""
    if isinstance(value, bool):
        return t(lang, "yes" if value else "no", "예" if value else "아니오")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- plan parts -------------------------------------------------------------------------------

_PER = {
    "en": {"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "yearly"},
    "ko": {"day": "하루", "week": "주", "month": "월", "quarter": "분기", "year": "연"},
}


def measure_words(m: Measure, lang: str, *, unit: str | None = None) -> str:
    """'mean of price' / 'price 평균'."""
    if m.per:
        period = _PER[lang][m.per]
        name = AGG[lang][m.agg]
        if m.column is None:
            return t(lang, f"{name} number of rows per {m.per}", f"{period} {name} 행 수")
        return t(lang, f"{name} {period} total of {m.column}", f"{period} {name} {m.column} (합계 기준)")
    if m.agg == "ratio" and m.column and " ÷ " in m.column:
        a, b = m.column.split(" ÷ ", 1)
        return t(lang, f"total {a} ÷ total {b}", f"{a} 합계 ÷ {b} 합계")
    if m.agg == "wmean" and m.column and " ⊗ " in m.column:
        a, b = m.column.split(" ⊗ ", 1)
        return t(lang, f"mean of {a} weighted by {b}", f"{b} 가중 {a} 평균")
    if m.agg == "count" and m.column is None:
        return t(lang, "number of rows", "행 수")
    if m.agg == "nunique":
        return t(lang, f"number of different {m.column} values", f"{m.column} 고유값 수")
    if m.agg == "count":
        return t(lang, f"number of rows with a {m.column}", f"{m.column} 값이 있는 행 수")
    name = AGG[lang][m.agg]
    if lang == "ko":
        return f"{m.column} {name}"
    return f"{name} of {m.column}"


def condition_words(c: Condition, lang: str) -> str:
    if c.op == "any":
        return t(
            lang,
            " or ".join(condition_words(x, lang) for x in c.value),
            " 또는 ".join(condition_words(x, lang) for x in c.value),
        )
    if c.op in ("last", "first"):
        return _relative_period_words(c, lang)
    subject = PART[lang][c.part or "date"].format(c=c.column) if c.part else c.column

    def value_text(v: Any) -> str:
        if c.part == "month":
            return MONTHS[lang][int(v) - 1]
        if c.part == "weekday":
            return WEEKDAYS[lang][int(v)]
        if c.part == "quarter":
            return f"Q{int(v)}" if lang == "en" else f"{int(v)}분기"
        if c.part == "hour":
            return f"{int(v)}:00" if lang == "en" else f"{int(v)}시"
        return fmt_value(v, lang)

    if c.op == "contains":
        return t(lang, f"{subject} contains “{c.value}”", f"{subject}에 “{c.value}” 포함")
    if c.op == "not contains":
        return t(lang, f"{subject} does not contain “{c.value}”", f"{subject}에 “{c.value}” 미포함")
    if c.op == "isna":
        return t(lang, f"{subject} is missing", f"{subject} 값 없음")
    if c.op == "notna":
        return t(lang, f"{subject} is recorded", f"{subject} 값 있음")
    if c.op == "either":
        other, one = c.value
        return t(lang, f"{subject} or {other} = {value_text(one)}", f"{subject} 또는 {other} = {value_text(one)}")
    if c.op == "in" and not isinstance(c.value, (list, tuple)) and c.label:
        return c.label  # the groups an inner plan keeps ("state with at least 100 rows")
    if c.op in ("in", "not in"):
        joined = t(lang, " or ", " 또는 ").join(value_text(v) for v in c.value)
        values = sorted(int(v) for v in c.value) if c.part in ("month", "weekday", "quarter") else []
        if len(values) > 2 and values == list(range(values[0], values[-1] + 1)):
            joined = f"{value_text(values[0])}–{value_text(values[-1])}"  # January–June, not six names
        if c.op == "in":
            return f"{subject} = {joined}"
        return t(lang, f"{subject} is not {joined}", f"{subject} ≠ {joined}")
    if c.label:  # a word read as a range (its hours are stated under the answer's first line)
        return f"{subject} “{c.label}”"
    if c.op == "vs_stat":
        cmp, stat, share = c.value
        if stat == "quantile" and cmp in (">", "<"):
            nth = value_text(round(share * 100, 4))
            side_en, side_ko = ("above", "초과") if cmp == ">" else ("below", "미만")
            return t(
                lang,
                f"{subject} is {side_en} its {nth}th percentile over all rows",
                f"{subject} 전체의 {nth} 백분위수 {side_ko}",
            )
        if stat == "quantile":
            top = cmp == ">="
            pct = value_text(round((1 - share if top else share) * 100, 4))
            nth = value_text(round(share * 100, 4))
            return t(
                lang,
                f"{subject} is in the {'top' if top else 'bottom'} {pct}% (at or {'above' if top else 'below'} "
                f"its {nth}th percentile over all rows)",
                f"{subject} {'상위' if top else '하위'} {pct}% (전체의 {nth} 백분위수 {'이상' if top else '이하'})",
            )
        en = {">": "above", ">=": "at or above", "<": "below", "<=": "at or below"}[cmp]
        sign = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}[cmp]
        name_en, name_ko = {"mean": ("mean", "평균"), "median": ("median", "중앙값")}[stat]
        return t(lang, f"{subject} is {en} its {name_en} over all rows", f"{subject} {sign} 전체 {name_ko}")
    if c.op == "outlier":
        k = value_text(c.value)
        return t(
            lang,
            f"{subject} is an outlier (more than {k} IQR below Q1 or above Q3)",
            f"{subject} 이상치 (Q1 - {k}×IQR 미만 또는 Q3 + {k}×IQR 초과)",
        )
    if c.op == "outside":
        lo, hi = c.value
        return t(
            lang,
            f"{subject} before {value_text(lo)} or from {value_text(hi)}",
            f"{subject} {value_text(lo)} 전 또는 {value_text(hi)}부터",
        )
    if c.op == "between":
        lo, hi = c.value
        if c.part == "date" and lo == hi:  # one day: "date = 2024-12-25"
            return f"{subject} = {value_text(lo)}"
        return t(
            lang,
            f"{subject} between {value_text(lo)} and {value_text(hi)}",
            f"{subject} {value_text(lo)}~{value_text(hi)}",
        )
    return f"{subject} {_OPS_TEXT[c.op]} {value_text(c.value)}"


def _relative_period_words(c: Condition, lang: str) -> str:
    """ "year is the last year in the data", "year·month is among the first 3 months in the data"."""
    n, by, unit = c.value  # unit: year, month, day or row (the data's own finest period)
    subject = f"{c.column}·{by}" if by else c.column
    if lang == "ko":
        which = "마지막" if c.op == "last" else "처음"
        what = {"month": "달", "year": "해", "day": "날"}.get(unit, "시점")
        return f"{subject}이(가) 데이터의 {which} {n}개 {what}" if n > 1 else f"{subject}이(가) 데이터의 {which} {what}"
    which = "last" if c.op == "last" else "first"
    what = {"row": "period"}.get(unit, unit)
    if n > 1:
        return f"{subject} is among the {which} {n} {what}s in the data"
    return f"{subject} is the {which} {what} in the data"


def conditions_words(conditions: list[Condition], lang: str) -> str:
    return t(lang, " and ", ", ").join(condition_words(c, lang) for c in conditions)


def where(conditions: list[Condition], lang: str) -> str:
    """' for rows where A and B' / 'A, B인 행의 ' (empty without conditions)."""
    if not conditions:
        return ""
    return t(
        lang, f" for rows where {conditions_words(conditions, lang)}", f"{conditions_words(conditions, lang)}인 행의 "
    )


def group_words(g: Grouping, lang: str, plan: Plan | None = None) -> str:
    """'per month' / '월별'; 'per month of ship_date' / 'ship_date 월별' when the data has several
    date columns, so which one was bucketed is visible."""
    if g.bucket:
        if plan is not None and len(plan.date_columns) > 1 and g.column in plan.date_columns:
            return t(lang, f"per {BUCKET['en'][g.bucket]} of {g.column}", f"{g.column} {BUCKET['ko'][g.bucket]}별")
        return t(lang, f"per {BUCKET['en'][g.bucket]}", f"{BUCKET['ko'][g.bucket]}별")
    return t(lang, f"by {g.column}", f"{g.column}별")


def chart_title(plan: Plan) -> str:
    """The title of the plan's chart, in the question's language."""
    lang = plan.language
    m = plan.measure
    if plan.kind == "aggregate" and plan.sides and plan.group is not None and m is not None:
        # a change per group between two sides: the sides in the title, the conditions below
        a, b = (", ".join(str(k.value) for k in side) for side in plan.sides)
        what = t(lang, f"Change in {measure_words(m, lang)}", f"{measure_words(m, lang)} 변화")
        if plan.change == "percent":
            what = t(lang, f"Percent change in {measure_words(m, lang)}", f"{measure_words(m, lang)} 변화율")
        title = t(
            lang,
            f"{what} {group_words(plan.group, lang, plan)}, {b} → {a}",
            f"{group_words(plan.group, lang, plan)} {what}, {b} → {a}",
        )
    elif plan.kind in ("aggregate", "trend", "share") and plan.group is not None and m is not None:
        what = (
            measure_words(m, lang)
            if plan.kind != "share"
            else t(lang, "share of rows", "행 비율")
            if m.column is None
            else t(lang, f"share of total {m.column}", f"{m.column} 합계의 비율")
        )
        title = t(
            lang, f"{_cap(what)} {group_words(plan.group, lang, plan)}", f"{group_words(plan.group, lang, plan)} {what}"
        )
    elif plan.kind == "rows" and m is not None:
        n = plan.limit or 1
        title = t(
            lang,
            f"{'Top' if plan.order == 'desc' else 'Bottom'} {n} by {m.column}",
            f"{m.column} {'상위' if plan.order == 'desc' else '하위'} {n}개",
        )
    elif plan.kind == "distribution":
        col = plan.columns[0]
        title = t(lang, f"Distribution of {col}", f"{col} 분포")
        if plan.group is not None:
            title = t(lang, f"{title} by {plan.group.column}", f"{plan.group.column}별 {title}")
    elif plan.kind == "relationship" and plan.sides:
        a, b = (str(side[0].value) for side in plan.sides)
        title = t(lang, f"{plan.columns[0]}: {b} vs {a}", f"{a}와(과) {b}의 {plan.columns[0]}")
    elif plan.kind == "relationship":
        x, y = plan.columns
        title = t(lang, f"{y} vs {x}", f"{x}와(과) {y}의 관계")
    elif plan.kind == "compare" and m is not None:
        title = _cap(measure_words(m, lang))
    else:
        title = ""
    if plan.conditions and title:
        title += "\n(" + conditions_words(plan.conditions, lang) + ")"
    return title


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def subject(word: str, lang: str) -> str:
    """A Korean subject with the right particle ('가격이', 'price이(가)')."""
    return particle(word, "이/가") if lang == "ko" else word
