"""Plans chained: a question that is two questions in one becomes two plans, the first computed
before the second uses its result (the composition `Plan.inner` records, rendered by both
renderers and worded by answer.py):

* a group (or period) picked by a superlative, then a measure of it: "매출이 가장 높은 지점의 평균
  직원수", "average temp in the year with the most rain", "which zone has the highest average
  fare, and how many trips did it have?";
* the row a ranking picks, then a column of it: "distance_km가 두 번째로 긴 운행의 fare";
* periods counted by a condition on a per-period value: "how many years had total rain over 1500",
  "월 매출 합계가 6000을 넘은 달은 몇 번", "how many days had more than 60 orders" (a period of the
  data's span without rows counts as 0 under a total or a count);
* values of a column of names counted by their measure ("how many regions had an average GDP
  over 5000 in 2007") or by the way it went between two periods ("how many countries had a lower
  GDP in 2007 than in 1987");
* the first period whose value crosses a number: "the first month after 2020 when arrivals
  passed 1 million", "실업률이 처음으로 3% 아래로 떨어진 달".

Each part is planned by the planner on its own words (parse.py `_plan_direct`), so every word is
still used by one of the two plans or the question declines; a question that splits so but whose
parts are not plans of the needed shape is left to the planner as one question.
"""

from __future__ import annotations

import re

from .catalog import Table
from .lexicon import lexicon
from .match import Mention, Number, Reader
from .parse import Composer, Declined, _entity_periods, _plan_direct, _time_word
from .plan import PICKED, Condition, Grouping, Measure, Plan
from .text import language_of, particle
from .wording import t

#: How a time bucket's value is a part of the date (the condition a picked bucket becomes).
_BUCKET_PART = {
    None: None,
    "year": "year",
    "month_of_year": "month",
    "quarter_of_year": "quarter",
    "weekday": "weekday",
    "hour": "hour",
}
_PRONOUNS = {"it", "its", "they", "their", "them", "that", "those", "this", "there", "그", "그곳", "거기"}


def composed_plan(question: str, table: Table) -> Plan | None:
    """Two plans composed when the question is two questions in one, each planned on its own
    words (so every word is still used by one of them or the whole declines):
    * a group picked by a superlative, then a measure of that group: "매출이 가장 높은 지점의 평균
      직원수", "average temp in the year with the most rain", "which zone has the highest average
      fare, and how many trips did it have?";
    * periods counted by a condition on a per-period value: "how many years had total rain over
      1500", "월 매출 합계가 6000을 넘은 달은 몇 번?".
    None when the question does not split so, or a part is not a plan of the needed shape."""
    reader = Reader(table)
    tokens, mentions = reader.read(question)
    if not tokens or not mentions:
        return None
    return (
        _period_count(question, table, tokens, mentions)
        or _group_count(question, table, tokens, mentions)
        or _kept_groups(question, table, tokens, mentions)
        or _first_period(question, table, tokens, mentions)
        or _picked_group(question, table, tokens, mentions)
    )


def _cut(question: str, tokens: list, mentions: list[Mention], drop: set[int], swap: dict | None = None) -> str:
    """The question without the mentions `drop` (their characters), those in `swap` replaced."""
    out, at = [], 0
    swap = swap or {}
    for k in sorted(set(drop) | set(swap)):
        m = mentions[k]
        a, b = tokens[m.start].start, tokens[m.end - 1].end
        out.append(question[at:a])
        if k in swap and k not in drop:
            out.append(swap[k])
        at = b
    out.append(question[at:])
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _span(question: str, tokens: list, mentions: list[Mention], first: int, last: int) -> str:
    return question[tokens[mentions[first].start].start : tokens[mentions[last].end - 1].end]


def _period_of(m: Mention, table: Table | None = None) -> str | None:
    """The period a word names ("years", "해", "분기"), not when it names a value or a column
    other than the dates themselves."""
    dates_named = table is not None and all(
        table.column(s.key).is_date or table.column(s.key).yearlike for s in m.all("column")
    )
    if m.has("value") or (m.has("column") and not m.has("entity") and not dates_named):
        return None
    if table is not None and any(
        not table.column(s.key).numeric and not table.column(s.key).is_date for s in m.all("column")
    ):
        return None  # "주" of a table with a state column: states, not weeks
    word = m.text.lower()
    return _time_word(word) or _time_word(word.rstrip("s")) or ({"개월": "month"}.get(word))


def _year_column(table: Table, m: Mention, bucket: str) -> str | None:
    """The column of years that stands for the years counted when the table keeps no date (one
    row per event with the year it began, year + month columns): the one the word names, or the
    table's only column of years. None for other periods or when it is not said which."""
    if bucket != "year" or table.dates:
        return None
    named = [s.key for s in m.all("column") if table.column(s.key).yearlike]
    years = named or [c.name for c in table.columns if c.yearlike]
    return years[0] if len(set(years)) == 1 else None


def _period_count(question: str, table: Table, tokens: list, mentions: list[Mention]) -> Plan | None:
    """ "how many years had total X over N": X per year (the inner plan, on the question's other
    words grouped by year), then the years whose value meets the comparison counted."""
    lang = language_of(question)
    n = len(mentions)
    counts = [i for i, m in enumerate(mentions) if any(s.key in ("count", "records") for s in m.all("agg"))]
    for c in counts:
        # the counted period: "how many years", "해는 몇 번", "분기는 몇 개"
        period_at = None
        nxt = c + 1
        if nxt < n and _period_of(mentions[nxt], table):
            period_at = nxt
        else:
            prev = c - 1
            while prev >= 0 and mentions[prev].has("particle") and not mentions[prev].has("value"):
                prev -= 1
            if prev >= 0 and _period_of(mentions[prev], table):
                period_at = prev
        if period_at is None:
            continue
        bucket = _period_of(mentions[period_at], table)
        test = _number_test(question, table, tokens, mentions, c)
        if test is None:
            continue
        op, value, used, things, number = test
        aggs = [
            i
            for i, m in enumerate(mentions)
            if i != c and (m.has("agg") and m.get("agg").key not in ("count", "records") or m.has("per_period"))
        ]
        if not aggs and things:
            return _periods_by_rows(question, table, tokens, mentions, c, period_at, bucket, (op, value), used | things)
        if not aggs:
            plan = _periods_as_rows(question, table, tokens, mentions, c, period_at, bucket)
            # a numeric column named with no aggregation ("400 passengers", "deaths above 2000")
            amounts = [
                m
                for i, m in enumerate(mentions)
                if i != period_at
                and not _period_of(m, table)
                and (_rows_word(m) or m.has("column"))
                and _names_amount(table, m)
            ]
            # the rows' own period: their dates', or the finest part of a date kept in columns
            rank = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
            parts = table.calendar_parts()
            grain = table.dates[0].granularity if table.dates else next((p for p in rank if p in parts), None)
            if plan is None and amounts and grain in rank and bucket in rank and rank[grain] < rank[bucket]:
                # "how many years had more than 4000 passengers" over monthly rows: a year's total,
                # or any month of it? Not said; the rows counted would answer another question
                raise Declined(
                    f"Do you mean the {bucket}'s total of {amounts[0].text}, or any row within the {bucket}? "
                    f"Ask for “a total over …” or count the rows.",
                    f"{amounts[0].text}의 기간 합계인지, 기간 안의 어느 한 행인지 알 수 없습니다. “합계가 … 넘은”으로 "
                    "물어 주시거나 행 수를 물어 주세요.",
                )
            return plan
        drop = {c, period_at, *used}
        if c > 0 and mentions[c - 1].text.lower() == "in":
            drop.add(c - 1)  # "in how many months"
        drop |= _with_particles(mentions, period_at, c) | _with_particles(mentions, c, n)  # 해는, 몇 개야
        drop |= _with_particles(mentions, max(used), n)  # "4 미만이었던": the comparison's own ending
        # "연평균", "annual total": the per-period value is the counted period's own value, so the
        # period is said by the counting; its aggregation word stays
        swap: dict[int, str] = {}
        for i, m in enumerate(mentions):
            if i not in drop and _period_of(m, table) == bucket and not m.has("num"):
                drop |= _with_particles(mentions, i, c)  # "월 매출 합계가 ... 달은 몇 번": the period said twice
                continue
            if i in drop or not m.has("per_period") or m.get("per_period").key != bucket:
                continue
            agg = next((s.key for s in m.all("agg") if s.key in ("mean", "sum")), None)
            swap[i] = {"mean": t(lang, "average", "평균"), "sum": t(lang, "total", "합계")}.get(agg, "")
        rest = _cut(question, tokens, mentions, drop, swap)
        inner = _plan_direct(rest, table)
        if inner.declined or inner.kind != "aggregate" or inner.group is not None or len(inner.measures) != 1:
            return None
        m = inner.measures[0]
        if m.column is None or m.agg not in ("sum", "mean", "median", "min", "max", "count", "nunique"):
            return None
        if m.agg not in ("count", "nunique"):
            value = Composer(table, mentions, question, tokens).convert(number, m.column)  # "6천만원" in won
        if op in ("<", "<=") and (m.agg == "nunique" or _on_dates(inner.conditions, table)):
            _few_rows_declined(lang, bucket)
        if m.per is not None:
            if m.per != bucket:
                return None
            # "연간 합계", "annual average": the per-period value is the period's own
            m = Measure(m.agg if m.agg != "mean" or not _explicit_total(mentions) else "sum", m.column)
        date = next((d for d in table.dates), None)
        column = date.name if date is not None else None
        year = _year_column(table, mentions[period_at], bucket)
        if column is None and year is None:
            return None
        inner.measures = [m]
        if year is not None:
            # the years a column of years holds: a year without any row is not among them
            if op in ("<", "<="):
                _few_rows_declined(lang, bucket)
            inner.group = Grouping(year)
            return _over(inner, lang, "count", (op, value), [mentions[i].text for i in sorted(drop)])
        inner.group = Grouping(
            column, bucket if bucket in ("day", "week", "month", "quarter", "year", "hour") else None
        )
        if inner.group.bucket is None:
            return None
        return _over(inner, lang, "count", (op, value), [mentions[i].text for i in sorted(drop)])
    return None


def _over(inner: Plan, lang: str, use: str, test: tuple, used: list[str]) -> Plan:
    """The plan that runs `inner` and answers from its result (`use`: "count" counts the groups
    passing `test`, "first" finds the first one), with inner's words and the extra words `used`."""
    outer = Plan("aggregate", lang, inner.var, measures=[Measure("count")])
    outer.inner, outer.inner_use, outer.inner_test = inner, use, test
    outer.consumed = [*inner.consumed, *used]
    outer.function_words = inner.function_words
    outer.date_columns, outer.units, outer.yearlike = inner.date_columns, inner.units, inner.yearlike
    outer.amounts = inner.amounts
    return outer


def _named_column(table: Table, m: Mention) -> str | None:
    """The one column of names (not amounts, not dates) a word names: "regions", "country"."""
    if m.has("value") or m.has("num"):
        return None
    names = {s.key for s in m.all("column") if not table.column(s.key).numeric and not table.column(s.key).is_date}
    return names.pop() if len(names) == 1 else None


def _group_count(question: str, table: Table, tokens: list, mentions: list[Mention]) -> Plan | None:
    """ "how many regions had an average GDP above 5000 in 2007", "평균 fare가 2.5를 넘는 city는
    몇 개": the measure per value of a column of names (the inner plan, on the question's other
    words), then the values whose measure meets the comparison counted. A value without any row
    has no measure at all, so a count of those under a total is declined (they would be left out)."""
    lang = language_of(question)
    n = len(mentions)
    counts = [i for i, m in enumerate(mentions) if any(s.key in ("count", "records") for s in m.all("agg"))]
    for c in counts:
        at = None
        if c + 1 < n and _named_column(table, mentions[c + 1]):
            at = c + 1  # "how many regions"
        else:
            prev = c - 1
            while prev >= 0 and mentions[prev].has("particle") and not mentions[prev].has("value"):
                prev -= 1
            if prev >= 0 and _named_column(table, mentions[prev]):
                at = prev  # "city는 몇 개"
        if at is None:
            continue
        column = _named_column(table, mentions[at])
        test = _number_test(question, table, tokens, mentions, c)
        if test is None:
            changed = _groups_changed(question, table, tokens, mentions, c, at, column)
            if changed is not None:
                return changed
            continue
        op, value, used, things, number = test
        if things:
            # "how many states had more than 200 shipments": the rows counted per group
            kept = _rows_per_group(question, table, tokens, mentions, {c, at, *used, *things}, column, (op, value))
            if kept is not None:
                return kept
            continue
        if not any(
            i not in (c, at) and m.has("agg") and m.get("agg").key not in ("count", "records")
            for i, m in enumerate(mentions)
        ):
            continue  # no measure of the group said: rows, not groups ("how many cities have fare over 5")
        drop = {c, at, *used} | _with_particles(mentions, at, n) | _with_particles(mentions, c, n)
        drop |= _with_particles(mentions, max(used), n)
        if c > 0 and mentions[c - 1].text.lower() == "in":
            drop.add(c - 1)
        inner = _plan_direct(_cut(question, tokens, mentions, drop), table)
        if inner.declined or inner.kind != "aggregate" or inner.group is not None or len(inner.measures) != 1:
            return None
        if inner.inner is not None or inner.sides or any(k.column == column for k in inner.conditions):
            return None
        m = inner.measures[0]
        if m.column is None or m.per is not None or m.agg not in ("sum", "mean", "median", "min", "max"):
            return None
        value = Composer(table, mentions, question, tokens).convert(number, m.column)  # "6천만원" in won
        if op in ("<", "<=") and m.agg == "sum":
            raise Declined(
                f"A {column} without any matching row has a total of 0 but no row to count it by, so I cannot "
                f"count the {column} values under a number; ask for those over it.",
                f"조건에 맞는 행이 없는 {column} 값은 합계가 0이지만 셀 행이 없어서, 어떤 수보다 적은 값은 셀 수 없습니다. 그 수를 넘는 값으로 물어봐 주세요.",
            )
        inner.group = Grouping(column)
        return _over(inner, lang, "count", (op, value), [mentions[i].text for i in sorted(drop)])
    return None


#: Words asking which one ("which states", "어디야") and relative words ("states with"):
#: lexicon roles `asking` and `having`.
_ASKING = frozenset(str(w).lower() for w in lexicon().data["asking"])
_HAVING = frozenset(str(w).lower() for w in lexicon().data["having"])


def _rows_per_group(
    question: str,
    table: Table,
    tokens: list,
    mentions: list[Mention],
    taken: set[int],
    column: str,
    test: tuple[str, float],
    use: str = "count",
) -> Plan | None:
    """ "how many states had more than 200 shipments", "which states have at least 50 shipments":
    the rows per value of a column of names (the question's other words may only be conditions on
    the rows), then those values counted (`use` "count") or listed with their number of rows
    ("list": a grouped count kept by its value)."""
    lang = language_of(question)
    n = len(mentions)
    if not table.groups_rows(column):
        return None  # the rows are the groups themselves
    drop = set(taken)
    for k in list(taken):
        drop |= _with_particles(mentions, k, n)
    for k in list(drop):
        if k > 0 and mentions[k - 1].text.lower() in ("in", *_ASKING):
            drop.add(k - 1)  # "in how many states", "which states"
        if k + 1 < n and mentions[k + 1].text.lower() in _HAVING:
            drop.add(k + 1)  # "states with", "states that have"
    found = _row_conditions(question, table, tokens, mentions, drop)
    if found is None:
        return None
    conditions, consumed = found
    if any(k.column == column for k in conditions):
        return None
    inner = Plan("aggregate", lang, table.var, measures=[Measure("count")], conditions=conditions)
    inner.group = Grouping(column)
    inner.date_columns = {c.name: c.date_format for c in table.dates}
    inner.units = {c.name: c.unit for c in table.columns if c.unit}
    inner.amounts = {c.name: c.amount for c in table.columns if c.amount}
    inner.yearlike = [c.name for c in table.columns if c.yearlike]
    inner.consumed = consumed
    if use == "list":
        inner.kept, inner.order, inner.chart = test, "desc", "bar"
        return inner
    return _over(inner, lang, "count", test, [])


def _asks_count(m: Mention) -> bool:
    """ "how many", "몇 개", "number of": a count asked, not a noun for one ("건수")."""
    word = m.text.lower()
    counting = any(s.key in ("count", "records") for s in m.all("agg"))
    return counting and (word.startswith(("how many", "number of", "the number", "count")) or "몇" in word)


def _names_amount(table: Table, m: Mention) -> bool:
    """A word for things that also names a numeric column holding how many there are ("400
    passengers" beside AirPassengers): the column's amount, not a number of rows."""
    names = {c.name for c in table.columns}
    return any(s.key in names and table.column(s.key).numeric for s in m.all("column"))


def _names_rows(table: Table, m: Mention) -> bool:
    """A word naming a column whose every row holds its own value (모델, order_id): a number of
    them is a number of rows."""
    if m.has("value") or not m.has("column"):
        return False
    return all(table.names_rows(s.key) and not table.column(s.key).numeric for s in m.all("column"))


def _kept_groups(question: str, table: Table, tokens: list, mentions: list[Mention]) -> Plan | None:
    """ "which states have a total order value over 20,000", "매출액 합계가 6천만 원 이상인 지점들은?",
    "모델이 5개 이상인 제조사는?": the measure per value of a column of names (planned on the
    question's other words) or its number of rows, and the values whose measure meets the
    comparison listed with it (a group filter on the group's own value, HAVING). The column must
    be what is asked: "which <column>", or, in Korean, the noun the comparison qualifies."""
    lang = language_of(question)
    n = len(mentions)
    if any(_asks_count(m) for m in mentions):
        return None  # "how many …": counted (`_group_count`), not listed
    test = _number_test(question, table, tokens, mentions, None)
    if test is None:
        return None
    op, value, used, things, number = test
    at = None
    for i, m in enumerate(mentions):
        if i in used or i in things or not _named_column(table, m):
            continue
        before = i - 1
        asked = before >= 0 and mentions[before].text.lower() in _ASKING
        korean_subject = lang == "ko" and i > max(used | things)  # "… 이상인 지점들은?"
        if asked or korean_subject or (i == 0 and lang == "en"):
            at = i
            break
    if at is None:
        return None
    column = _named_column(table, mentions[at])
    drop = {at, *used} | _with_particles(mentions, at, n) | _with_particles(mentions, max(used), n)
    for k in range(n):
        if mentions[k].text.lower() in _ASKING and k not in drop and (k == at - 1 or k > at):
            drop |= _with_particles(mentions, k, n)  # "which", "어디야"
    if at + 1 < n and mentions[at + 1].text.lower() in _HAVING:
        drop.add(at + 1)
    measured = [i for i, m in enumerate(mentions) if m.has("agg") and m.get("agg").key not in ("count", "records")]
    if things and not measured:
        return _rows_per_group(question, table, tokens, mentions, drop | things, column, (op, value), "list")
    if things or not measured or min(measured) > min(used) or max(measured) > max(used):
        # the statistic compared is said before the number ("total order value over 20,000", "평균
        # 가격이 4000만원 넘는"); a statistic after it is asked of the rows, not compared
        return None
    inner = _plan_direct(_cut(question, tokens, mentions, drop), table)
    if inner.declined or inner.kind != "aggregate" or inner.group is not None or len(inner.measures) != 1:
        return None
    if inner.inner is not None or inner.sides or inner.order or any(k.column == column for k in inner.conditions):
        return None
    m = inner.measures[0]
    if m.column is None or m.per is not None or m.agg not in ("sum", "mean", "median", "min", "max"):
        return None
    value = Composer(table, mentions, question, tokens).convert(number, m.column)  # "6천만원" in won
    inner.group = Grouping(column)
    inner.kept, inner.order, inner.chart = (op, value), "desc", "bar"
    inner.consumed = [*inner.consumed, *(mentions[i].text for i in sorted(drop))]
    return inner


def _groups_changed(
    question: str, table: Table, tokens: list, mentions: list[Mention], c: int, at: int, column: str
) -> Plan | None:
    """ "how many countries had a lower GDP in 2007 than in 1987", "1987년보다 2007년에 X가 낮아진
    country는 몇 개": the question without its count is a comparison of two periods with the
    direction asked; each value of the column compared so (its measure in one period less in the
    other), and those that went the way asked counted. A value without a row in either period has
    no change and is not counted."""
    n = len(mentions)
    drop = {c, at} | _with_particles(mentions, at, n) | _with_particles(mentions, c, n)
    if c > 0 and mentions[c - 1].text.lower() == "in":
        drop.add(c - 1)
    rest = _plan_direct(_cut(question, tokens, mentions, drop), table)
    if (
        rest.declined
        or rest.kind != "compare"
        or rest.asked not in ("high", "low")
        or rest.change != "difference"
        or len(rest.sides) != 2
        or len(rest.measures) != 1
        or rest.group is not None
        or rest.derived
    ):
        return None
    m = rest.measures[0]
    if m.column is None or m.per is not None or m.agg not in ("sum", "mean", "min", "max"):
        return None
    dated = [
        table.column(k.column).is_date or table.column(k.column).yearlike or k.part is not None
        for side in rest.sides
        for k in side
    ]
    if not all(dated) or any(k.column == column for k in rest.conditions):
        return None  # two periods compared, not two groups
    inner = Plan("aggregate", rest.language, table.var, measures=[m], conditions=list(rest.conditions))
    inner.sides, inner.group, inner.asked = rest.sides, Grouping(column), rest.asked
    outer = Plan("aggregate", rest.language, table.var, measures=[Measure("count")])
    outer.inner, outer.inner_use = inner, "count"
    outer.inner_test = ("<", 0.0) if rest.asked == "low" else (">", 0.0)
    outer.consumed = [*rest.consumed, *[mentions[i].text for i in sorted(drop)]]
    outer.function_words = rest.function_words
    outer.date_columns, outer.units, outer.yearlike = rest.date_columns, rest.units, rest.yearlike
    outer.amounts = rest.amounts
    inner.date_columns, inner.units, inner.yearlike = rest.date_columns, rest.units, rest.yearlike
    inner.amounts = rest.amounts
    return outer


def _first_period(question: str, table: Table, tokens: list, mentions: list[Mention]) -> Plan | None:
    """ "the first month after 2020 when arrivals passed 1 million", "실업률이 처음으로 3 미만인
    달은?", "in which year was the average X first above 15000": the measure per period (the
    inner plan, on the question's other words), then the earliest period whose value meets the
    comparison. Without an aggregation said, only where the rows are one per period (a month's
    row is that month's value); elsewhere (several rows a month: any row, or their total?) it is
    not said which, and the question is left to the planner (declined)."""
    lang = language_of(question)
    n = len(mentions)
    firsts = [i for i, m in enumerate(mentions) if m.has("order") and m.get("order").key == "first"]
    if len(firsts) != 1:
        return None
    first = firsts[0]
    periods = [
        i
        for i, m in enumerate(mentions)
        if _period_of(m, table) and not m.has("num") and not (i > 0 and mentions[i - 1].has("num"))
    ]  # "달은", "which month"; not the unit of a date written ("2021년")
    buckets = {_period_of(mentions[i], table) for i in periods}
    if len(buckets) != 1:
        return None
    bucket = buckets.pop()
    if bucket not in ("day", "week", "month", "quarter", "year"):
        return None
    test = _number_test(question, table, tokens, mentions, None)
    if test is None or test[3]:
        return None
    op, value, used, _things, number = test
    drop = {first, *used} | _with_particles(mentions, first, n) | _with_particles(mentions, max(used), n)
    for i in periods:
        drop |= {i} | _with_particles(mentions, i, n)
        if i > 0 and mentions[i - 1].text.lower() in ("which", "what", "the"):
            drop.add(i - 1)  # "in which month"
            if i > 1 and mentions[i - 2].text.lower() == "in":
                drop.add(i - 2)
    for i, m in enumerate(mentions):
        # "fell below 3", "passed 1 million", "아래로 떨어진": the crossing said by a verb of change
        if m.has("change") and m.get("change").key == ("down" if op in ("<", "<=") else "up"):
            drop |= {i} | _with_particles(mentions, i, n)
        if m.has("when") and i + 1 < n and i + 1 in used | {first}:
            drop.add(i)  # "when arrivals passed": the period asked
    date = next((d for d in table.dates), None)
    years = [c for c in table.columns if c.yearlike]
    if date is None and bucket == "year" and len(years) == 1:
        date = years[0]  # a column of years ("year", "연도"): its values are the periods
    elif date is None or len(table.dates) != 1:
        return None
    inner = _plan_direct(_cut(question, tokens, mentions, drop), table)
    if inner.declined or inner.group is not None or inner.inner is not None:
        return None
    by_value = not date.is_date
    per_row = (by_value or date.granularity == bucket) and date.distinct >= table.rows  # one row per period
    if inner.kind == "aggregate" and len(inner.measures) == 1 and inner.measures[0].column is not None:
        m = inner.measures[0]
        if m.per is not None or m.agg not in ("sum", "mean", "median", "min", "max"):
            return None
    elif inner.kind == "distribution" and len(inner.columns) == 1 and per_row and inner.chart in (None, "hist"):
        if any(w.lower() in ("distribution", "분포", "histogram", "히스토그램") for w in inner.consumed):
            return None
        m = Measure("sum", inner.columns[0])  # one row a period: its value
    else:
        return None
    value = Composer(table, mentions, question, tokens).convert(number, m.column)  # "1억원" in won
    inner.kind, inner.measures, inner.columns, inner.chart = "aggregate", [m], [], None
    inner.group = Grouping(date.name, None if by_value else bucket)
    if any(k.column == date.name and k.op == "==" for k in inner.conditions):
        return None  # one period named: nothing to find the first of
    return _over(inner, lang, "first", (op, value), [mentions[i].text for i in sorted(drop)])


def _number_test(
    question: str, table: Table, tokens: list, mentions: list[Mention], c: int | None
) -> tuple[str, float, set[int], set[int], Number] | None:
    """The comparison of a per-period value with a number: "over 1500", "1500을 넘은", "exceed
    6000", "below 0", as (op, number, the mentions it takes, the mentions naming what the number
    counts, the number as read), or None. `c` is the counting word, never what a number counts."""
    n = len(mentions)
    # the comparison with a number: "over 1500", "1500을 넘은", "exceed 6000", "below 0"
    test = None
    # numbers read as the planner reads them: with their multiplier and unit ("10만 명" is
    # 100,000 people); a year ("2021년") is a date, not a number compared
    numbers = [x for x in Composer(table, mentions, question, tokens)._numbers() if x.number is not None]
    for num in numbers:
        k = num.index
        if not mentions[k].has("num"):
            continue
        value = float(num.number.value)
        before = k - 1 if k > 0 else None
        after = num.span[-1] + 1
        number_span = set(num.span)
        # what the number counts: "60 orders", "주문이 60건" (rows, counted per period)
        things = set()
        while after < n and not mentions[after].has("compare_after"):
            if mentions[after].has("particle"):
                after += 1
            elif _rows_word(mentions[after]) and not things and not _names_amount(table, mentions[after]):
                things.add(after)
                after += 1
            else:
                break
        said = k - 1
        while said >= 0 and mentions[said].has("particle"):
            said -= 1
        if said >= 0 and not mentions[said].has("compare") and said != c:
            if _rows_word(mentions[said]) or (mentions[said].has("column") and _names_rows(table, mentions[said])):
                things.add(said)  # "주문이 60건", "모델이 5개": the rows named before the number too
        for j, role in ((before, "compare"), (after if after < n else None, "compare_after")):
            if j is None or not mentions[j].has(role):
                continue
            op = Composer._OPS.get(mentions[j].get(role).key)
            if op in (">", ">=", "<", "<="):
                if (
                    role == "compare_after"
                    and not things
                    and mentions[j].text.isascii()
                    and getattr(num.number, "unit", None) is None
                ):
                    # "10 or more quarrels": the rows named after the comparison said after the number
                    # (English only, a bare number: "3632만원이 넘는 매장" is an amount of the shops)
                    k2 = j + 1
                    while k2 < n and mentions[k2].has("particle") and not mentions[k2].has("value"):
                        k2 += 1
                    if k2 < n and k2 != c and _rows_word(mentions[k2]) and not _names_amount(table, mentions[k2]):
                        things.add(k2)
                test = (op, value, {k, j, *number_span, *range(min(k, j) + 1, max(k, j))}, things, num.number)
                break
        if test:
            break
    return test


def _periods_as_rows(
    question: str, table: Table, tokens: list, mentions: list[Mention], count: int, period_at: int, bucket: str
) -> Plan | None:
    """ "in how many months was avg_temp below 0 in Seoul" with no aggregation said: an answer
    only where the rows asked about are one per period (rows keyed by a name and the period, the
    name fixed by the question), so that the rows counted are the periods. Elsewhere ("how many
    months did 매출 exceed 6000" over several branches a month: a total per month, or any row?)
    it is not said which, and the question stays declined."""
    pair = _entity_periods(table)
    if pair is None:
        return None
    entity, period_column = pair
    column = table.column(period_column)
    if not column.is_date or column.granularity != bucket:
        return None
    lang = language_of(question)
    drop = {period_at}
    k = period_at + 1
    while k < len(mentions) and k != count and mentions[k].has("particle") and not mentions[k].has("value"):
        drop.add(k)
        k += 1
    for i, m in enumerate(mentions):
        if i != count and not m.has("num") and _period_of(m, table) == bucket:
            drop |= _with_particles(mentions, i, count)  # the period said twice ("달은 몇 개월")
    plan = _plan_direct(_cut(question, tokens, mentions, drop), table)
    if (
        plan.declined
        or plan.kind != "aggregate"
        or plan.group is not None
        or [m.column for m in plan.measures] != [None]
        or not any(k.column == entity and k.op == "==" and k.part is None for k in plan.conditions)
        or not any(k.column != entity for k in plan.conditions)
    ):
        return None
    plan.consumed = [*plan.consumed, *[mentions[i].text for i in sorted(drop)]]
    plan.language = lang
    return plan


def _on_dates(conditions: list[Condition], table: Table) -> bool:
    """Whether a condition limits the dates (then which periods count as "without a row" is not
    the data's span, and periods under a number are not counted)."""
    return any(table.column(k.column).is_date or table.column(k.column).yearlike for k in conditions)


def _few_rows_declined(lang: str, bucket: str) -> None:
    """Periods with a small count or total include those without any row. Over the data's whole
    span the renderers count them as 0; when the dates are limited by a condition, or the measure
    is a number of different values, the question is declined."""
    raise Declined(
        f"A {bucket} without any row has a count (or total) of 0 but is not in the data, so I cannot "
        f"count the {bucket}s under a number; ask for those over it.",
        "행이 하나도 없는 기간은 데이터에 없어서, 어떤 수보다 적은 기간은 셀 수 없습니다. 그 수를 넘는 기간으로 물어봐 주세요.",
    )


def _rows_word(m: Mention) -> bool:
    """A word for the rows themselves ("orders", "주문", "건"), not a value, an amount or a span of
    time ("5 hours of sunshine" measures hours, it does not count rows)."""
    word = m.text.lower()
    if _time_word(word) or _time_word(word.rstrip("s")) or m.has("value"):
        return False
    if m.has("agg") and m.get("agg").key not in ("count", "records"):
        return False
    return m.has("entity") or (m.has("units") and m.text in ("건", "개", "번", "회"))


def _periods_by_rows(
    question: str,
    table: Table,
    tokens: list,
    mentions: list[Mention],
    count: int,
    period_at: int,
    bucket: str,
    test: tuple[str, float],
    used: set[int],
) -> Plan | None:
    """ "how many days had more than 60 orders", "주문이 60건 넘은 날은 며칠": the rows per period
    counted (the inner plan), then the periods whose count meets the comparison. The question's
    other words must be conditions on the rows, or nothing."""
    lang = language_of(question)
    n = len(mentions)
    drop = {count, period_at, *used} | _with_particles(mentions, period_at, count) | _with_particles(mentions, count, n)
    for k in list(used):
        drop |= _with_particles(mentions, k, n)
    if count > 0 and mentions[count - 1].text.lower() == "in":
        drop.add(count - 1)
    for i, m in enumerate(mentions):
        if i not in drop and _period_of(m, table) == bucket and not m.has("num"):
            drop |= _with_particles(mentions, i, count)
    found = _row_conditions(question, table, tokens, mentions, drop)
    if found is None:
        return None
    conditions, consumed = found
    date = next((d for d in table.dates), None)
    year = _year_column(table, mentions[period_at], bucket)
    if (date is None and year is None) or bucket not in ("day", "week", "month", "quarter", "year", "hour"):
        return None
    if test[0] in ("<", "<=") and (_on_dates(conditions, table) or year is not None):
        _few_rows_declined(lang, bucket)  # a column of years holds no year without a row
    inner = Plan("aggregate", lang, table.var, measures=[Measure("count")], conditions=conditions)
    inner.group = Grouping(year) if year is not None else Grouping(date.name, bucket)
    inner.date_columns = {c.name: c.date_format for c in table.dates}
    inner.amounts = {c.name: c.amount for c in table.columns if c.amount}
    outer = Plan("aggregate", lang, table.var, measures=[Measure("count")])
    outer.inner, outer.inner_use, outer.inner_test = inner, "count", test
    outer.consumed = consumed
    outer.date_columns = inner.date_columns
    outer.units = {c.name: c.unit for c in table.columns if c.unit}
    outer.amounts = {c.name: c.amount for c in table.columns if c.amount}
    outer.yearlike = [c.name for c in table.columns if c.yearlike]
    return outer


def _row_conditions(
    question: str, table: Table, tokens: list, mentions: list[Mention], drop: set[int]
) -> tuple[list[Condition], list[str]] | None:
    """The conditions on the rows the question's words other than `drop` say ("from UPS", "in
    2024"), with every word used: nothing but conditions may be left, or None."""
    n = len(mentions)
    # "배송 건수가", "shipments": the word for the rows themselves is what is counted
    drop = drop | {i for i in range(n) if i not in drop and _rows_word(mentions[i]) and not mentions[i].has("column")}
    left = [i for i in range(n) if i not in drop and not (mentions[i].roles <= {"filler", "particle", "condition"})]
    conditions: list[Condition] = []
    consumed: list[str] = [mentions[i].text for i in sorted(drop)]
    if left:
        rest = _plan_direct(_cut(question, tokens, mentions, drop), table)
        if rest.declined or rest.kind not in ("rows", "head") or rest.measures or rest.group is not None:
            return None
        conditions, consumed = list(rest.conditions), [*consumed, *rest.consumed]
        if not conditions:
            return None
    return conditions, consumed


def _with_particles(mentions: list[Mention], i: int, stop: int) -> set[int]:
    """Mention i with the particles written after it (해는, 달은), up to mention `stop`."""
    out = {i}
    k = i + 1
    while k < len(mentions) and k != stop and mentions[k].has("particle") and not mentions[k].has("value"):
        out.add(k)
        k += 1
    return out


def _explicit_total(mentions: list[Mention]) -> bool:
    return any(m.has("agg") and m.get("agg").key == "sum" for m in mentions)


def _picked_group(question: str, table: Table, tokens: list, mentions: list[Mention]) -> Plan | None:
    """A group picked by a superlative, then a measure of it (see `composed_plan`)."""
    lang = language_of(question)
    n = len(mentions)
    sup = [i for i, m in enumerate(mentions) if m.has("superlative") or m.has("superlative_marker") or m.has("ordinal")]
    if not sup:
        return None
    splits: list[tuple[str, str]] = []
    # both grammars are tried (an English question about Korean columns reads as Korean)
    # "<매출이 가장 높은 지점>의 <평균 직원수>"
    for k, m in enumerate(mentions):
        # (or "<방문객이 가장 많은 업종>에서 <매출 상위 3개 가게>": the rows of the picked group)
        if m.text not in ("의", "에서", "중에서") or k == 0 or not any(i < k for i in sup):
            continue
        noun = mentions[k - 1]
        if not (noun.has("column") or noun.has("entity") or noun.has("concept")) or k + 1 >= n:
            continue
        head = _span(question, tokens, mentions, 0, k - 1)
        splits.append((f"{particle(head, '은/는')}?", _span(question, tokens, mentions, k + 1, n - 1)))
    for w, m in enumerate(mentions):
        # "<average temp> in the <year> with the <most rain>"
        # "<the orders> of the <customer> who <spent the most>": a relative clause alike
        if m.text.lower() not in ("with", "who", "that", "which") or w < 2 or not any(i > w for i in sup):
            continue
        noun = w - 1
        if not (mentions[noun].has("column") or mentions[noun].has("entity") or mentions[noun].has("concept")):
            continue
        k = noun - 1
        while k >= 0 and mentions[k].text.lower() in ("the", "a"):
            k -= 1
        if k <= 0 or mentions[k].text.lower() not in ("in", "of", "for", "at", "from"):
            continue
        verb = "has " if m.text.lower() == "with" else ""
        sub = f"which {mentions[noun].text} {verb}" + _span(question, tokens, mentions, w + 1, n - 1)
        splits.append((sub, _span(question, tokens, mentions, 0, k - 1)))
    for a, m in enumerate(mentions):
        # "which zone has the highest average fare, and how many trips did it have?"
        if m.text.lower() != "and" or not any(i < a for i in sup) or a + 1 >= n:
            continue
        rest = [i for i in range(a + 1, n)]
        pronouns = {i for i in rest if mentions[i].text.lower() in _PRONOUNS}
        if not pronouns:
            continue
        first = a - 1 if mentions[a - 1].text == "," else a
        if first <= 0:
            continue
        sub = _span(question, tokens, mentions, 0, first - 1)
        main = _cut(question, tokens, mentions, set(range(0, a + 1)) | pronouns)
        splits.append((sub, main))
    for sub_text, main_text in splits:
        picked = _pick_then(sub_text, main_text, table, lang)
        if picked is not None:
            return picked
    return None


def picked_row_of(question: str, table: Table) -> Plan | None:
    """ "what is the lot size of the most expensive house", "bedrooms of the heaviest car": one
    column of the row a superlative picks, said "<column> of the <superlative> <noun>" (as "... of
    the house with the highest price" already is, see `_picked_group`). Tried only for a question
    the direct plan declines: the part after "of" must plan alone as that row, the part before as
    the one column (`_pick_then`)."""
    tokens, mentions = Reader(table).read(question)
    n = len(mentions)
    lang = language_of(question)
    for k, m in enumerate(mentions):
        if m.text.lower() not in ("of", "for") or k == 0 or k + 1 >= n:
            continue
        after = [i for i in range(k + 1, n) if mentions[i].text.lower() not in ("the", "a", "?", ".")]
        if not after or not any(
            mentions[i].has("superlative") or mentions[i].has("superlative_marker") or mentions[i].has("adjective")
            for i in after
        ):
            continue
        if not any(mentions[i].has("column") or mentions[i].has("entity") for i in after):
            continue  # "the most expensive <house>": the row's noun ends the picking part
        picked = _pick_then(
            _span(question, tokens, mentions, k + 1, n - 1), _span(question, tokens, mentions, 0, k - 1), table, lang
        )
        if picked is not None and picked.inner_use == "row":
            return picked
    return None


def _pick_then(sub_text: str, main_text: str, table: Table, lang: str) -> Plan | None:
    inner = _plan_direct(sub_text, table)
    if (
        not inner.declined
        and inner.kind == "rows"
        and inner.superlative
        and len(inner.measures) == 1
        and inner.measures[0].column is not None
        and inner.order in ("asc", "desc")
        and not inner.derived
    ):
        return _row_then(inner, main_text, table, lang)
    if (
        inner.declined
        or inner.kind != "aggregate"
        or inner.group is None
        or len(inner.measures) != 1
        or not inner.superlative
        or inner.limit not in (None, 1)
        or inner.order not in ("asc", "desc")
        or inner.group.bucket not in _BUCKET_PART
        or inner.sides  # a change per group, a change from the year before, a ratio: not picked
        or inner.successive
        or inner.measures[0].agg in ("ratio", "wmean")
    ):
        return None
    g = inner.group
    outer = _plan_direct(main_text, table)
    if outer.declined and g.bucket is None:
        outer = _rows_of_picked(main_text, table, lang, g.column) or outer
    if (
        outer.declined
        or outer.kind not in ("aggregate", "rows")
        or outer.inner is not None
        or outer.sides
        or outer.successive
    ):
        return None
    if outer.kind == "rows" and (outer.measures or outer.order):
        return None
    if outer.group is not None and outer.group.column == g.column:
        return None
    if any(k.column == g.column for k in outer.conditions):
        return None  # the question also names one: which one is meant?
    if outer.group is not None and outer.limit and _unsaid_count(outer):
        # "매출이 가장 높은 지역의 상위 5개 가게": the ranking of the picked group's rows is by the
        # statistic the question names (the inner's), not by a count nobody asked for
        outer.measures = list(inner.measures)
    outer.conditions = [*outer.conditions, Condition(g.column, "==", PICKED, _BUCKET_PART[g.bucket])]
    outer.inner, outer.inner_use = inner, "pick"
    outer.consumed = [*inner.consumed, *outer.consumed]
    outer.function_words = [*inner.function_words, *outer.function_words]
    outer.language = lang
    return outer


def _rows_of_picked(main_text: str, table: Table, lang: str, column: str) -> Plan | None:
    """ "<the orders> of the customer who spent the most", "<주문 목록> of 매출 합계가 가장 큰 고객":
    a list of rows needs a condition, which here is the picked group; the list is planned with a
    stand-in value of the group's column in its place (a value of the data), then that condition
    is the picked group's. None unless that makes a plan listing rows under that one condition."""
    values = [v for v in table.column(column).values if isinstance(v, str) and v.strip()]
    if not values:
        return None
    stand_in = values[0]
    text = f"{column} = {stand_in} {main_text}" if lang == "ko" else f"{main_text} where {column} is {stand_in}"
    plan = _plan_direct(text, table)
    if (
        plan.declined
        or plan.kind != "rows"
        or [(k.column, k.op, k.value) for k in plan.conditions] != [(column, "==", stand_in)]
    ):
        return None
    plan.conditions = []
    added = {column.lower(), stand_in.lower(), "where", "is", "="}
    plan.consumed = [w for w in plan.consumed if w.lower() not in added]
    plan.function_words = [w for w in plan.function_words if w.lower() not in added]
    return plan


def _unsaid_count(plan: Plan) -> bool:
    """Whether a plan counts rows without a word asking for a count (its statistic left unsaid)."""
    if [(m.agg, m.column) for m in plan.measures] != [("count", None)]:
        return False
    lex = lexicon()
    counting = {f.lower() for key in ("count", "records") for f in lex.forms("agg", key)}
    return not any(word.lower() in counting for word in plan.consumed)


def _row_then(inner: Plan, main_text: str, table: Table, lang: str) -> Plan | None:
    """ "distance_km가 두 번째로 긴 운행의 fare", "fare of the trip with the highest distance": the
    row the inner plan ranks n-th (every row sharing that value), then one column of it. The
    second part must name that column and nothing else."""
    outer = _plan_direct(main_text, table)
    if (
        outer.declined
        or outer.kind != "distribution"
        or len(outer.columns) != 1
        or outer.conditions
        or outer.group is not None
        or outer.measures
        or outer.chart not in (None, "hist")
        or outer.columns[0] == inner.measures[0].column
    ):
        return None
    if any(word for word in outer.consumed if word.lower() in ("distribution", "분포", "histogram", "히스토그램")):
        return None
    plan = Plan("rows", lang, table.var, columns=[outer.columns[0]])
    plan.inner, plan.inner_use = inner, "row"
    plan.consumed = [*inner.consumed, *outer.consumed]
    plan.function_words = [*inner.function_words, *outer.function_words]
    plan.date_columns, plan.units, plan.yearlike = inner.date_columns, inner.units, inner.yearlike
    plan.amounts = inner.amounts
    return plan
