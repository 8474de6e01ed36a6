"""The second half of the planner: from the parts found in a question (conditions, grouping,
aggregation words, columns, superlatives, limits, chart words) to one plan of one kind.

Each kind takes exactly what it needs and claims it; the composer then checks that nothing the
question said was left over (see parse.Composer._check_claimed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .catalog import Column, concepts_of, holds_presence
from .lexicon import joined_forms, lexicon
from .plan import PICKED, Condition, Grouping, Measure, Plan
from .text import is_hangul, name_keys
from .wording import condition_words, t

if TYPE_CHECKING:
    from .match import Mention
    from .parse import Composer

_ADDITIVE = {name for name, entry in lexicon().concepts.items() if entry.get("additive")}
#: Amounts that add up over things but not over time (a population, a stock).
_LEVELS = {name for name, entry in lexicon().concepts.items() if entry.get("level")}
#: Concepts of columns that count things (arrivals, passengers): "how many" of them is their sum.
_COUNTS = {name for name, entry in lexicon().concepts.items() if entry.get("counts")}
#: Extremes said with a word of quantity: without a measure, they rank by how many rows.
_QUANTITY_WORDS = {
    "most",
    "the most",
    "fewest",
    "the fewest",
    "least",
    "the least",
    "최다",
    "최소",
    "많은",
    "적은",
    "많이",
    "적게",
    "많",
    "적",
    "more",
    "fewer",
    "less",
    "many",
    "few",
    "often",
    "frequently",
    "busiest",
    "commonest",
    "자주",
}
_TIME_WORDS = {
    "day",
    "days",
    "date",
    "dates",
    "time",
    "month",
    "months",
    "year",
    "years",
    "week",
    "weeks",
    "날",
    "날짜",
    "일",
    "때",
    "달",
    "해",
    "주",
    "시점",
    "요일",
    "quarter",
    "quarters",
    "분기",
    "연도",
    "년도",
}


#: aggregations of an amount (a count of a noun counts things, not amounts)
_AMOUNT_AGGS = frozenset(("sum", "mean", "median"))


def _is_sold(text: str) -> bool:
    return text.lower().startswith(("sold", "selling", "팔린", "팔렸", "팔려", "판매된", "팔아"))


def _is_time_word(text: str) -> bool:
    return text.lower().strip() in _TIME_WORDS


def _implied(text: str) -> str | None:
    """ "max temperature", "최고기온": a column named with an extreme in its words."""
    lex = lexicon()
    high = {*lex.forms("superlative", "high"), *lex.forms("agg", "max")}
    low = {*lex.forms("superlative", "low"), *lex.forms("agg", "min")}
    keys = name_keys(text)
    joined = "".join(keys)
    for form in high:
        fk = name_keys(form)
        if fk and (set(fk) <= set(keys) if fk[0].isascii() else "".join(fk) in joined):
            return "high"
    for form in low:
        fk = name_keys(form)
        if fk and (set(fk) <= set(keys) if fk[0].isascii() else "".join(fk) in joined):
            return "low"
    return None


def _rate_like(value: str, concepts: dict) -> bool:
    """ "Unemployment rate", 고용률, "participation ratio": a value naming a rate or a share."""
    keys = name_keys(value)
    joined = "".join(keys)
    return (
        "rate" in concepts
        or bool(keys and keys[-1] in ("rate", "rates", "ratio", "percent", "percentage", "share", "%"))
        or (is_hangul(joined) and joined.endswith(("율", "률", "비율", "비중")))
    )


def _implied_mean(text: str, column: str) -> bool:
    """ "평균 기온" of 평균기온, "average temp" of avg_temp: the column's own name says it holds
    means, and the question says it too; asked of many rows, it is their mean."""
    lex = lexicon()
    said, named = name_keys(text), name_keys(column)
    for form in lex.forms("agg", "mean"):
        fk = name_keys(form)
        if not fk:
            continue
        if is_hangul("".join(fk)):
            if "".join(fk) in "".join(said) and "".join(fk) in "".join(named):
                return True
        elif len(fk) == 1 and fk[0] in said and fk[0] in named:
            return True
    return False


#: Words saying a column holds a value (the opposite of missing): "A is recorded but B is missing".
_PRESENT = {
    "있는",
    "있고",
    "있는데",
    "있지만",
    "있으나",
    "있으면서",
    "기록된",
    "기록되어",
    "recorded",
    "present",
    "filled",
    "available",
    "known",
    "entered",
}


#: words after "what share of <rows>" that begin what is asked of them ("... are female", "...
#: who survived"): the conditions before are the base, those after the question
_SHARE_VERBS = ("are", "is", "were", "was", "have", "has", "had", "with", "that", "who", "which")

#: statistics of amounts: what numbers naming things never have
_OF_AMOUNTS = frozenset({"sum", "mean", "median", "std", "var", "iqr", "cv", "skew", "wmean"})


class _Builder:
    def __init__(self, composer: Composer):
        from .parse import Declined

        self.c = composer
        self.Declined = Declined
        self.ctx = composer.ctx
        self.m = composer.m

    def decline(self, en: str, ko: str) -> None:
        raise self.Declined(en, ko)

    # --- the parts still free -------------------------------------------------------------------

    def free(self, i: int) -> bool:
        return i not in self.c.used

    def superlatives(self) -> list[tuple[int, str, str | None, list[int]]]:
        """Free superlatives: (mention, "high"/"low", column or None, mentions used)."""
        out = []
        skip = set()
        for i, m in enumerate(self.m):
            if i in skip or not self.free(i):
                continue
            direction = None
            used = [i]
            column = None
            if m.has("adjective") and not m.has("column") and (not m.has("value") or self.c._superlative_adjective(i)):
                found = self.c._adjective_direction(i)
                if found is None:
                    continue
                column, direction = found
                before = self.c.prev_index(i, ("filler", "particle"))
                marked = before is not None and (
                    self.m[before].has("superlative_marker")
                    or self.m[before].has("superlative")
                    or self.m[before].has("ordinal")
                )
                extreme = any(self.c.lex.adjectives[x.key].get("extreme") for x in m.all("adjective"))
                # "most expensive", "least costly": English's superlative in two words, one form
                words = m.text.lower().split()
                periphrastic = len(words) > 1 and words[0] in ("most", "least")
                superlative = m.text.lower().endswith("est") or marked or extreme or periphrastic
                if not superlative and not self.ctx.limit:
                    continue  # "heavier" alone compares with nothing; "무거운 차" names no extreme
                if marked or (before is not None and self.m[before].has("degree")):
                    used.append(before)
            elif m.has("superlative_marker"):
                j = self.c.next_index(i, ("filler", "particle"))
                if j is None:
                    if m.get("superlative_marker").key and m.text.lower() in _QUANTITY_WORDS:
                        out.append((i, m.get("superlative_marker").key, None, used))  # "used the most"
                    continue
                nxt = self.m[j]
                if nxt.has("adjective") and not nxt.has("column"):
                    found = self.c._adjective_direction(j)
                    if found is None:
                        continue
                    column, direction = found
                    used.append(j)
                elif nxt.has("degree"):
                    direction = nxt.get("degree").key
                    used.append(j)
                elif nxt.has("superlative"):
                    direction = nxt.get("superlative").key
                    used.append(j)
                elif nxt.has("evaluative"):
                    column, direction = self.evaluated(j)
                    used.append(j)
                elif m.get("superlative_marker").key:
                    direction = m.get("superlative_marker").key  # "the most hp", "the least rain"
                else:
                    continue
                skip.update(used)
            elif m.has("ordinal") and not m.has("column") and self.c.rank > 1:
                # "두 번째로 높은", "second most": the ordinal marks the superlative's degree word
                j = self.c.next_index(i, ("filler", "particle"))
                if (
                    self.c.lang == "ko"
                    and j is not None
                    and self.free(j)
                    and self.m[j].has("column")
                    and not self.m[j].has("value")
                ):
                    k = self.c.next_index(j, ("filler", "particle"))
                    if k is not None and self.free(k) and self.m[k].has("degree"):
                        j = k  # "두 번째로 관객이 많은": the measure named between them (bound below)
                if j is None or not self.free(j):
                    continue
                if self.m[j].has("degree"):
                    direction = self.m[j].get("degree").key
                elif self.m[j].has("evaluative") and not self.m[j].has("column"):
                    column, direction = self.evaluated(j)  # "the second worst", "두 번째로 나쁜"
                else:
                    continue
                used.append(j)
                skip.add(j)
            elif m.has("evaluative") and not m.has("column"):
                column, direction = self.evaluated(i)
            elif m.has("superlative") and not m.has("column"):
                direction = m.get("superlative").key
                if m.text.lower() in ("top", "bottom") and self.ctx.limit:
                    continue
            elif m.has("order") and m.get("order").key in ("top", "bottom") and not m.has("column"):
                direction = "high" if m.get("order").key == "top" else "low"
            else:
                continue
            out.append((i, direction, column, used))
        return out

    def evaluated(self, i: int) -> tuple[str, str]:
        """(column, "high"/"low") for "the best" / "the worst" / "가장 심한": the measure named next
        to it, and which way is better for it (from the lexicon); declined when that is unknown."""
        c = self.c
        good = self.m[i].get("evaluative").key == "good"
        skip = ("filler", "particle", "condition", "agg", "superlative_marker", "ordinal")
        # "the cleanest by average PM2.5", "초미세먼지 기준으로 가장 깨끗한": the measure after "by"
        by = [k for k, m in enumerate(self.m) if self.free(k) and m.text.lower() in ("by", "기준", "기준으로")]
        measured = [c.next_index(k, skip) if self.m[k].text.lower() == "by" else c.prev_index(k, skip) for k in by]
        for j in (c.next_index(i, skip), c.prev_index(i, skip), *measured):
            if j is None or not self.free(j) or not self.m[j].has("column") or self.m[j].has("value"):
                continue
            c.claim(*[k for k, x in zip(by, measured) if x == j])
            names = c.columns_of(j, numeric=True)
            if not names:
                continue
            column = c.one_column(j, numeric=True)
            col = c.col(column)
            # the column's concepts, and those of the words that named it (시내 연비 of `cty`:
            # fuel economy, better high)
            said = set(concepts_of(name_keys(self.m[j].text)))
            sides = {self.c.lex.concepts[k].get("better") for k in {*col.concepts, *said} if k in self.c.lex.concepts}
            sides -= {None}
            if len(sides) == 1:
                better = sides.pop()
                c.claim(j)
                return column, better if good else ("low" if better == "high" else "high")
            self.decline(
                f"Whether a higher or a lower {column} is “{self.m[i].text}” I cannot tell; ask for the "
                "highest or the lowest.",
                f"{column}은(는) 높은 쪽과 낮은 쪽 중 어느 쪽이 “{self.m[i].text}” 것인지 알 수 없습니다. "
                "가장 높은 곳이나 가장 낮은 곳으로 물어봐 주세요.",
            )
        self.decline(f"“{self.m[i].text}” by what? Name the measure.", f"무엇을 기준으로 “{self.m[i].text}”인가요?")

    def events_counted(self, i: int, column: str) -> bool:
        """ "how many doctor visits" of docvis (whole numbers from 0, one person a row): a column the
        question names with a plural noun of events (the lexicon's `events`: visits, trips, calls)
        counts them on each row, so how many there are is its total, never the number of rows.
        A column numbering things (one named in the singular, "visit" 1-4 of each patient; an id)
        is no count."""
        c = self.c
        col = c.col(column)
        word = self.m[i].text.lower().split()[-1]
        events = joined_forms("events")
        if not (word.endswith("s") and word in events and word[:-1] in events):
            return False  # a plural noun of events: visits, trips
        if not (col.numeric and col.integer) or col.minimum is None or float(col.minimum) < 0:
            return False
        if col.names_codes or c.t.names_rows(column) or col.yearlike or col.is_date or col.numbers_things:
            return False
        return list(col.keys) != [word[:-1]]  # a column named "visit" numbers each visit: which one

    def bind_column(self, i: int, used: list[int]) -> tuple[str | None, int | None]:
        """The column a superlative or aggregation word is about: the one named next to it."""
        c = self.c
        candidates = []
        j = c.next_index(max(used), ("filler", "particle", "condition"))
        while j is not None and self.m[j].has("value") and not self.m[j].has("column"):
            j = c.next_index(j, ("filler", "particle", "condition"))  # "highest MSFT price"
        j = c.difference_words.get(j, j)  # "the largest difference between A and B": A − B
        if j is not None and self.free(j) and self.m[j].has("column"):
            candidates.append(j)
        k = c.prev_index(min(used), ("filler", "particle"))
        k = c.difference_words.get(k, k)  # "A와 B의 차이가 가장 큰"
        if k is not None and self.free(k) and self.m[k].has("column") and (c.lang == "ko" or not candidates):
            candidates.insert(0, k) if c.lang == "ko" else candidates.append(k)
        for j in candidates:
            numeric = c.columns_of(j, numeric=True)
            if numeric:
                return c.one_column(j, numeric=True), j
        return None, None

    # --- building ---------------------------------------------------------------------------------

    def build(self) -> Plan:
        plan = self._build()
        counted = any(m.agg in ("count", "nunique") for m in plan.measures)
        skewed = [
            m.column
            for m in plan.measures
            if m.agg in ("mean", "median", "min", "std") and m.column in self.c.presences
        ]
        if plan.kind == "aggregate" and counted and skewed:
            # "how many days had rain and the average rain": the days are those with some, and an
            # average over only them may not be the average asked; a total or a maximum is the same
            self.decline(
                f"I read “had {skewed[0]}” as rows with {skewed[0]} above 0 for the count; whether the "
                f"{skewed[0]} statistic is over those rows only or over all of them is not clear. Ask them one at a time.",
                f"개수에는 {skewed[0]}이(가) 0보다 큰 행으로 읽었는데, {skewed[0]} 통계를 그 행들만으로 낼지 전체로 낼지 "
                "분명하지 않습니다. 하나씩 물어 주세요.",
            )
        dates = [m.column for m in plan.measures if m.agg == "nunique" and m.column and self.c.col(m.column).is_date]
        if plan.kind == "aggregate" and dates:
            self.days_without(dates[0])  # "how many days without rain": the days, not the dry rows
        self._panel_period_total(plan)
        self._numbers_of_names(plan)
        self.ranked_degree(plan)
        having = self.c.having
        if having is not None:
            column, op, n = having
            g = plan.group
            if plan.kind != "aggregate" or g is None or g.column != column or g.bucket is not None:
                self.decline(
                    f"I can keep only the {column} groups with a number of rows ({op} {n:g}) when the "
                    f"question ranks or lists {column} groups; here it does not.",
                    f"행 수 조건({op} {n:g})으로 {column} 그룹을 거르는 것은 {column} 그룹의 순위나 목록을 물을 때만 "
                    "할 수 있습니다.",
                )
            per_group = plan.superlative or plan.limit or plan.position is not None
            if not per_group and not any(m.has("group") or m.has("which") for m in self.m):
                # "average cost for states with at least 100 shipments": one value over those
                # groups' rows is asked, not one per group
                return self.rows_of_kept(plan, column, op, n)
            plan.having = (op, n)
        return plan

    def _numbers_of_names(self, plan: Plan) -> None:
        """Numbers that name things (zip_code, customer_id, a panel's herd 1-15: `names_codes`)
        are never added up or averaged. Beside a measure the name only says whose it is ("herd
        size", "customer age": the measure alone); alone ("total herd") it is declined, saying how
        such a column can be asked."""
        c = self.c
        named = [m for m in plan.measures if m.column and m.agg in _OF_AMOUNTS and c.col(m.column).names_codes]
        if not named:
            return
        others = [m for m in plan.measures if m not in named]
        if any(m.column and c.col(m.column).numeric for m in others):
            plan.measures = others
            return
        name = named[0].column
        self.decline(
            f"{name} holds numbers that name each one (which one, not how much): they do not add up or "
            f"average. Ask how many different {name} values there are, or group by {name}.",
            f"{name}의 숫자는 각각을 가리키는 번호(얼마가 아니라 어느 것)라서 더하거나 평균을 낼 수 없습니다. "
            f"서로 다른 {name}이(가) 몇 개인지 묻거나 {name}별로 나누어 물어봐 주세요.",
        )

    def _panel_period_total(self, plan: Plan) -> None:
        """ "average daily sales" of rows that are one store on one day, asked of no store in
        particular: each store's daily sales averaged (the rows), or all stores' daily total
        averaged over the days? Of an amount that adds up both are answers; declined, naming
        both, unless the question keeps one store or groups by store."""
        c = self.c
        if c.panel_period is None or plan.kind != "aggregate":
            return
        thing, period, word = c.panel_period
        if plan.group is not None and plan.group.column == thing:
            return
        if any(k.column == thing and k.op in ("==", "in") for k in self.ctx.conditions):
            return
        summed = [m.column for m in plan.measures if m.column and m.agg in ("mean", "median") and c.additive(m.column)]
        if summed:
            self.decline(
                f"Each row is one {thing} in one {period}, so “{word} {summed[0]}” may be each {thing}'s (the "
                f"rows: ask “by {thing}” or of one {thing}) or the total of every {thing} per {period}; ask one "
                "of them.",
                f"행 하나가 {thing} 하나의 {period} 하나라서 “{word} {summed[0]}”이(가) {thing}마다의 값(행: "
                f"“{thing}별”로 묻거나 {thing} 하나를 골라 주세요)인지 {period}마다 모든 {thing}의 합계인지 알 수 "
                "없습니다. 둘 중 하나로 물어봐 주세요.",
            )

    def rows_of_kept(self, plan: Plan, column: str, op: str, n: float) -> Plan:
        """The measure over the rows of the groups kept by their number of rows ("average cost for
        states with at least 100 shipments", "판매 건수가 400건 이상인 지점의 평균 매출액"): the groups'
        row counts first (the inner plan, on the same rows), then the measure where the group is one
        of those kept."""
        if any(m.per for m in plan.measures) or plan.sides or plan.successive or plan.derived:
            self.decline(
                f"I can compute a value over the rows of the {column} groups with {op} {n:g} rows only for a plain "
                "statistic.",
                f"행이 {n:g}개 {op}인 {column}들의 행에 대한 값은 단순한 통계로만 구할 수 있습니다.",
            )
        inner = Plan(
            "aggregate",
            plan.language,
            plan.var,
            measures=[Measure("count")],
            conditions=list(plan.conditions),
            group=Grouping(column),
            kept=(op, n),
        )
        plan.group, plan.order, plan.chart = None, None, None
        words = {
            ">=": ("at least", "이상"),
            ">": ("more than", "초과"),
            "<=": ("at most", "이하"),
            "<": ("fewer than", "미만"),
        }
        en, ko = words[op]
        label = t(
            plan.language,
            f"{column} has {en} {n:g} rows",
            f"{column}의 행이 {n:g}개 {ko}",
        )
        plan.conditions = [*plan.conditions, Condition(column, "in", PICKED, label=label)]
        plan.inner, plan.inner_use = inner, "keep"
        return plan

    def ranked_degree(self, plan: Plan) -> None:
        """ "입국자 많은 국적 상위 3개", "매출 높은 지점 top 5": a word of degree right after the
        measure the groups are ranked by, in the ranking's direction, only restates it."""
        if plan.kind != "aggregate" or not plan.order or not plan.measures or plan.measures[0].column is None:
            return
        column = plan.measures[0].column
        for j, m in enumerate(self.m):
            if not self.free(j) or not m.has("degree") or m.roles - {"degree", "superlative"}:
                continue
            before = self.c.prev_index(j, ("particle",))
            if before is None or column not in self.c.columns_of(before):
                continue
            if (m.get("degree").key == "high") == (plan.order == "desc"):
                self.c.claim(j)

    def rank_of_one(self) -> list[int]:
        """ "Where does Tom rank by number of calls?", "마포구 순위는?": a word of ranking with one named
        value of a category column (no other grouping, no top-N) asks for that value's place among
        its column's groups, as "몇 위" does. The ranking words, or none."""
        c, ctx = self.c, self.ctx
        places = {str(w).lower() for w in c.lex.data["rank_words"]}
        ranking = [
            j
            for j, m in enumerate(self.m)
            if self.free(j) and m.has("order") and m.get("order").key == "sort" and m.text.lower() in places
        ]
        if not ranking or ctx.limit or c.rank > 1:
            return []
        named = [k for k in ctx.conditions if k.op == "==" and k.part is None and c.col(k.column).categorical]
        if len(named) != 1 or len(ctx.conditions) != 1:
            return []
        if ctx.group is not None and ctx.group.column != named[0].column:
            return []  # "rank the agents in Billing": a ranking of agents among Billing's rows
        return ranking

    def position(self, asked: list[int]) -> Plan:
        """ "평균 pm25 기준으로 Jongno는 몇 위야?", "what rank is Jongno by average pm25": the groups of
        the named value's column ranked by the measure, and that value's place among them."""
        c, ctx = self.c, self.ctx
        equal = [k for k in ctx.conditions if k.op == "==" and k.part is None]
        named = [k for k in equal if c.col(k.column).categorical]
        if len(equal) > 1:
            # "2007년 한국 1인당 GDP는 전체 나라 중 몇 위": of two named values, the one whose column
            # the question names as what is ranked (나라 -> country) has the place; the other
            # (2007) only picks rows. Without such a word the place is not said: declined.
            said = {s.key for m in self.m if not m.has("value") for s in m.all("column")}
            ranked = [k for k in equal if k.column in said]
            named = ranked if len(ranked) == 1 else equal
        if len(named) != 1 or ctx.group is not None and ctx.group.column != named[0].column:
            self.decline(
                "I can tell the place of one named value among its column's groups; name one value.",
                "한 값이 그 열의 그룹 중 몇 위인지 알려 드릴 수 있습니다. 값 하나를 적어 주세요.",
            )
        one = named[0]
        ctx.conditions.remove(one)
        c.claim(*asked)
        sorted_as: list[str] = []
        for j, m in enumerate(self.m):
            if self.free(j) and m.has("order") and m.get("order").key in ("desc", "asc"):
                sorted_as.append(m.get("order").key)  # "낮은 순으로 몇 위"
                c.claim(j)
            if self.free(j) and (m.has("group") or (m.has("order") and m.get("order").key == "sort")):
                c.claim(j)  # "기준으로", "by", "순위", "rank"
            elif self.free(j) and m.has("column") and not m.has("value") and c.columns_of(j) == [one.column]:
                c.claim(j)  # the groups it is placed among, named: "among agents", "자치구 중"
        low = [j for j, m in enumerate(self.m) if self.free(j) and m.has("degree") and m.get("degree").key == "low"]
        high = [j for j, m in enumerate(self.m) if self.free(j) and m.has("degree") and m.get("degree").key == "high"]
        c.claim(*low, *high)
        if len(set(sorted_as)) > 1 or (
            sorted_as and (low or high) and (sorted_as[0] == "asc") != bool(low and not high)
        ):
            self.decline("Highest first or lowest first?", "높은 순인가요, 낮은 순인가요?")
        measures = self.measures_with_aggs()
        if not measures:
            counts = [i for i, a in ctx.aggs if a == "count" and self.free(i)]
            c.claim(*counts)
            measures = [Measure("count")]
        if len(measures) != 1 or measures[0].per or measures[0].agg == "range":
            self.decline("I can rank by one measure at a time.", "한 번에 한 가지 값으로만 순위를 매길 수 있습니다.")
        return Plan(
            "aggregate",
            c.lang,
            c.t.var,
            measures=measures,
            conditions=[k for k in ctx.conditions if k != one],
            group=Grouping(one.column),
            order="asc" if (low and not high) or sorted_as == ["asc"] else "desc",
            position=one.value,
        )

    def which_column(self) -> Plan | None:
        """ "which had the higher average, 건설업 or 제조업?", "제조업과 건설업 중 평균이 더 높은 쪽은?":
        two numeric columns of one unit named as the alternatives, and a comparative: the same
        statistic of each (the one said, else each column's default), the one that is higher (or
        lower) named. Columns of different units, or not joined as alternatives, are left to the
        other readings."""
        c, ctx = self.c, self.ctx
        if ctx.group is not None or ctx.sides or c.successive is not None or c.derived:
            return None
        columns = [
            (k, self.c.columns_of(k, numeric=True))
            for k, m in enumerate(self.m)
            if self.free(k) and m.has("column") and not m.has("value")
        ]
        if len(columns) != 2 or any(len(names) != 1 for _, names in columns):
            return None  # (a word that may mean several columns is left to the other readings)
        if any(self.free(k) and self.c.columns_of(k, numeric=False) for k, m in enumerate(self.m) if m.has("column")):
            return None  # "which city has the higher ...": groups are asked, not one of two columns
        (i, (a,)), (j, (b,)) = sorted(columns)
        if a == b or not all(self.m[k].roles <= {"column", "concept", "entity"} for k in (i, j)):
            return None
        between = range(i + 1, j)
        joined = any(self.m[k].has("either") or self.m[k].text in ("과", "와", "랑", "이랑", "하고") for k in between)
        if (
            not joined
            or j - i > 3
            or any(self.m[k].roles - {"either", "particle", "filler", "range_join"} for k in between)
        ):
            return None
        if c.col(a).unit != c.col(b).unit or set(c.col(a).concepts) != set(c.col(b).concepts):
            return None  # things of different kinds (a count of people and a rate) are not compared
        comparative = [
            k
            for k, m in enumerate(self.m)
            if self.free(k)
            and (m.has("degree") or (m.has("superlative_marker") and m.get("superlative_marker").key))
            and not m.has("column")
        ]
        which = [k for k, m in enumerate(self.m) if self.free(k) and (m.has("which") or m.text in ("중", "중에서"))]
        if not comparative or not which:
            return None
        keys = {(self.m[k].get("degree") or self.m[k].get("superlative_marker")).key for k in comparative}
        if len(keys) != 1:
            return None
        direction = keys.pop()
        aggs = [(k, a_) for k, a_ in ctx.aggs if self.free(k) and a_ not in ("count", "nunique", "share", "range")]
        if len({a_ for _, a_ in aggs}) > 1:
            return None
        agg = aggs[0][1] if aggs else None
        if agg is None and self.default_agg(a) != self.default_agg(b):
            return None
        c.claim(i, j, *between, *comparative, *which, *[k for k, _ in aggs])
        for k, m in enumerate(self.m):
            if self.free(k) and m.text in ("쪽", "편") and m.has("unknown"):
                c.claim(k)  # "더 높은 쪽": the one of the two
        plan = Plan(
            "aggregate",
            c.lang,
            c.t.var,
            measures=[Measure(agg or self.default_agg(a), a), Measure(agg or self.default_agg(b), b)],
            conditions=list(ctx.conditions),
        )
        plan.superlative, plan.order, plan.limit = True, "asc" if direction == "low" else "desc", 1
        return plan

    def _build(self) -> Plan:
        c, ctx = self.c, self.ctx
        asked = [j for j, m in enumerate(self.m) if self.free(j) and m.has("position")] or self.rank_of_one()
        if asked:
            return self.position(asked)
        which = self.which_column()
        if which is not None:
            return which
        intents = {k: i for k, i in c.intents.items() if self.free(i)}
        plan = Plan("aggregate", c.lang, c.t.var)

        # whole-table answers; "what columns are there" wins over a summary asked with it
        if "columns" in intents:
            j = intents["columns"]
            asked = any(self.m[x].has("which") for x in (c.prev_index(j, ("filler", "particle")),) if x is not None)
            if asked and not self.column_measures(numeric_only=False):
                c.claim(j, *[i for n, i in intents.items() if n in ("overview", "describe")])
                plan.kind = "columns"
                return plan
        for name in ("overview", "missing", "describe"):
            if name in intents:
                return self.fixed(name, intents[name])
        if "columns" in intents and not self.column_measures(numeric_only=False):
            c.claim(intents["columns"])
            counts = [i for i, a in ctx.aggs if a == "count"]
            c.claim(*counts)
            plan.kind = "columns"
            return plan
        related = self.comparatives_related()
        if related is not None:
            return self.relationship(None, related, correlation=True)
        if "correlation" in intents:
            return self.correlations(intents["correlation"])
        if c.successive is not None and not ctx.sides:
            return self.successive_change()
        if not ctx.sides:
            self.sides_from_conditions()
        if ctx.sides:
            return self.compare()
        if "distribution" in intents and self.m[intents["distribution"]].text.lower() == "spread":
            if any(a == "range" and self.free(i) for i, a in ctx.aggs):
                c.claim(intents.pop("distribution"))  # "the spread ..., max minus min": the range named
        if "distribution" in intents or ctx.chart in ("hist", "box"):
            return self.distribution(intents.get("distribution"))
        if "relationship" in intents or ctx.chart == "scatter":
            return self.relationship(intents.get("relationship"))
        ways = self.direction_words(intents)
        if ways:
            # "is flow going up or down", "증가 추세야 감소 추세야": the trend, and which way it went
            c.claim(*ways)
            plan = self.trend(intents.get("trend"))
            if any(
                k.op == "between" and (c.col(k.column).is_date or c.col(k.column).yearlike) for k in plan.conditions
            ):
                # "did flow rise or fall from 1871 to 1970": the change between those two, or the
                # line through every period between? Not said
                self.decline(
                    "Do you mean the change from the first of those periods to the last, or the trend over every "
                    "period between? Ask “how did … change from … to …” or “the trend of … between … and …”.",
                    "두 시점 사이의 변화인지, 그 사이 모든 기간의 추세인지 알 수 없습니다. “…에서 …까지 어떻게 변했어” 또는 "
                    "“… 사이의 추세”로 물어봐 주세요.",
                )
            plan.asked = "direction"
            return plan
        if "trend" in intents or (ctx.chart == "line" and ctx.group is None and c.t.dates):
            return self.trend(intents.get("trend"))
        if (
            ctx.chart == "line"
            and ctx.group is not None
            and ctx.group.bucket is None
            and not c.col(ctx.group.column).is_date
            and not c.col(ctx.group.column).yearlike
            and not c.col(ctx.group.column).numeric
        ):
            # "a line chart of sales for each branch": a line runs over time, one per branch; a
            # line through categories would be a bar chart of another question
            if not c.t.dates and not any(col.yearlike for col in c.t.columns):
                self.decline(
                    "A line chart needs a time axis, and this data has no dates; ask for a bar chart.",
                    "선 그래프에는 시간 축이 필요한데 이 데이터에는 날짜가 없습니다. 막대그래프로 물어봐 주세요.",
                )
            return self.trend(None)
        if c.flag_rate is not None:
            return self.flag_share()
        # "min and max price", "가격 최소 최대": both ends asked, two statistics, never the row at
        # one end (the other had been dropped)
        ends = [i for i, a in ctx.aggs if self.free(i) and a in ("min", "max")]
        if {a for i, a in ctx.aggs if i in ends} == {"min", "max"} and not ctx.limit:
            for i in ends:
                self.m[i].senses = [x for x in self.m[i].senses if x.role != "superlative"]
        shares = [i for i, a in ctx.aggs if a == "share" and self.free(i)]
        stated = [a for i, a in ctx.aggs if self.free(i) and a in ("mean", "median")]
        totals = [a for i, a in ctx.aggs if self.free(i) and a == "sum"]
        if shares and not totals:
            # "average alcohol share by region", "alcohol share by region" of salcohol (each
            # household's budget share): the word names what the column holds, next to it; a
            # statistic of those shares is asked (the mean unless another is said), never the
            # share of their total (it had been read so, dropping "average": a wrong answer)
            measured = self.column_measures()
            named = [
                j
                for j, name in measured
                if _holds_shares(c.col(name))
                and any(
                    k is not None and k in shares
                    for k in (
                        c.prev_index(j, ("filler", "particle", "condition")),
                        c.next_index(j, ("filler", "particle", "condition")),
                    )
                )
            ]
            if len(named) == 1 and len(measured) == 1:
                c.claim(*[k for k in shares if k != named[0]])
                if not stated:
                    ctx.aggs = [(k, "mean" if k == shares[0] else a) for k, a in ctx.aggs]
                    c.used.discard(shares[0])
                return self.aggregate_or_rows()
            if stated:
                word, ko = ("average", "평균") if stated[0] == "mean" else ("median", "중앙값")
                self.decline(
                    f"“{self.m[shares[0]].text}” with “{word}” asks two things: the share of a total, or the "
                    f"{word} of a column of shares. Ask for one.",
                    f"“{self.m[shares[0]].text}”와(과) {ko}을(를) 함께 물으셨습니다. 전체에서 차지하는 비율인지, 비율 열의 "
                    f"{ko}인지 하나만 물어봐 주세요.",
                )
        if shares:
            return self.share(shares)
        return self.aggregate_or_rows()

    def sides_from_conditions(self) -> None:
        """Two alternatives of one column asked to be compared: "weekends vs weekdays", "2014 vs
        2015", "diesel and gasoline: difference" (they cannot both hold, so they are sides)."""
        c, ctx = self.c, self.ctx
        words = [
            j
            for j, m in enumerate(self.m)
            if self.free(j)
            and (
                m.has("than")
                or m.has("change")
                or m.has("times")
                or (m.has("intent") and m.get("intent").key in ("compare", "difference", "relationship"))
            )
        ]
        conds = list(ctx.conditions)
        rest = [j for j, m in enumerate(self.m) if self.free(j) and m.has("rest")]
        denied = self._denied_side(words)
        if denied and not rest:
            # "people with children than people without": the rows a condition picks against
            # those it does not, as "than the rest" (one named value against the others)
            rest = denied
        if rest:
            # "Seoul than the rest", "나머지보다": one value of a column against all its other values
            if not words:
                words = [j for j, m in enumerate(self.m) if self.free(j) and m.has("degree")]
            named = [
                k
                for k, cond in enumerate(conds)
                if cond.op == "==" and (cond.part is None or cond.part in ("month", "weekday", "quarter", "year"))
            ]
            named = [k for k in named if conds[k] not in conds[:k]]  # (a condition said twice is one)
            if len(named) > 1:  # "in August than the other months": the one the rest is said of
                near = [k for k in named if conds[k].part is not None and self._rest_of(rest[0], conds[k].part)]
                named = near or named
            compared = [k for k, cond in enumerate(conds) if cond.op in _NEGATED]
            if compared:
                # "countries with life expectancy over 75 than the rest" (in 2007): the rows meeting
                # the comparison against those that do not; the periods said stay the scope. With
                # another value named as well, which one the rest is of is not said: declined.
                dated = {k for k in named if self._dated(conds[k])}
                named = compared if len(compared) == 1 and set(named) <= dated else [*named, *compared]
            if not words or len(named) != 1:
                self.decline(
                    "I can compare one named value against the rest of its column, with one measure; "
                    "name the one value to set against the rest.",
                    "한 값과 그 열의 나머지 값들을 한 가지 값으로 비교할 수 있습니다. 나머지와 비교할 값 하나를 적어 주세요.",
                )
            k = named[0]
            one = conds[k]
            keep = [(cond, p) for cond, p in zip(conds, ctx.conditions.positions) if cond != one]
            ctx.conditions.clear()
            ctx.conditions.positions.clear()
            for cond, pos in keep:
                ctx.conditions.at = pos
                ctx.conditions.append(cond)
            other = _NEGATED.get(one.op, "!=")
            ctx.sides = [[one], [Condition(one.column, other, one.value, one.part)]]
            col = c.col(one.column)
            if denied and one.op == "==" and col.distinct == 2 and len(col.values) == 2 and one.value in col.values:
                # "people with children than people without": of a yes/no column, the other value
                # (rows missing it are neither side)
                ctx.sides[1] = [Condition(one.column, "==", next(v for v in col.values if v != one.value))]
            c.claim(*words, *rest)
            for j, m in enumerate(self.m):
                # "the rest of the stations", "the other months": the column's own noun
                if self.free(j) and m.has("entity") and (one.column in c.columns_of(j) or self._rest_of(j, one.part)):
                    c.claim(j)
            return
        same = [(k.column, k.part) for k in conds if k.op == "=="]
        two = any(k.op == "in" and len(k.value) == 2 for k in conds) or any(same.count(x) == 2 for x in same)
        if not words and two:
            # "A or B: which had more X", "A랑 B 중에 X가 더 높은 곳": a comparative (more, higher,
            # 더) over two alternatives compares them
            words = [
                j
                for j, m in enumerate(self.m)
                if self.free(j)
                and (m.has("degree") or (m.has("superlative_marker") and m.get("superlative_marker").key))
            ]  # "more", "더 높은", "the higher"
            self.which_of_two = bool(words)
        if not words:
            return
        pairs: dict[tuple[str, str | None], list[int]] = {}
        for k, cond in enumerate(conds):
            if cond.op in ("==", "in"):
                pairs.setdefault((cond.column, cond.part), []).append(k)
        for _key, ks in pairs.items():
            if len(ks) == 2 and conds[ks[0]] == conds[ks[1]]:
                continue  # one condition said twice ("public employment (pubemp yes)") is no two sides
            if len(ks) == 2:
                sides = [[conds[ks[0]]], [conds[ks[1]]]]
            elif len(ks) == 1 and conds[ks[0]].op == "in" and len(conds[ks[0]].value) == 2:
                cond = conds[ks[0]]
                sides = [[Condition(cond.column, "==", v, cond.part)] for v in cond.value]
                # "Alpha 대비 Bravo": where each value was said decides which is the base
                at = [
                    next((j for j, m in enumerate(self.m) if (cond.column, v) in [x.key for x in m.all("value")]), None)
                    for v in cond.value
                ]
                if None not in at:
                    sides = self._base_last(sides, at, words)
            else:
                continue
            if len(ks) == 2:
                sides = self._base_last(sides, [ctx.conditions.positions[k] for k in ks], words)
            keep = [cond for k, cond in enumerate(conds) if k not in ks]
            positions = [p for k, p in enumerate(ctx.conditions.positions) if k not in ks]
            ctx.conditions.clear()
            ctx.conditions.positions.clear()
            for cond, pos in zip(keep, positions):
                ctx.conditions.at = pos
                ctx.conditions.append(cond)
            ctx.sides = sides
            c.claim(*words)
            for j, m in enumerate(self.m):
                if self.free(j) and m.has("between"):
                    c.claim(j)
            return

    def _denied_side(self, words: list[int]) -> list[int]:
        """ "... than people without", "than those who do not": after the word of comparison, a
        bare negation (only nouns for the rows and fillers beside it, nothing after it) is the
        second side by ellipsis: the rows the condition named before do not meet. Its words (the
        negation and the nouns for the rows), [] when there is none."""
        c = self.c
        if c.lang == "ko":
            return []
        for k in words:
            if self.m[k].has("change") or self.m[k].has("times"):
                continue
            j = c.next_index(k, ("filler", "entity", "which", "condition"))
            if j is None or not self.free(j) or not self.m[j].has("negation"):
                continue
            after = range(j + 1, len(self.m))
            if any(
                self.m[x].text != "-" and not (self.m[x].roles <= {"filler", "entity", "light_verbs", "condition"})
                for x in after
            ):
                continue  # "than people without children": a condition of its own, said again
            return [x for x in range(k + 1, len(self.m)) if self.free(x) and not self.m[x].has("filler")]
        return []

    def _dated(self, cond: Condition) -> bool:
        """A condition on a period: a part of a date, a date column, or a column of years."""
        column = self.c.col(cond.column)
        return cond.part is not None or column.is_date or column.yearlike

    def _rest_of(self, j: int, part: str | None) -> bool:
        """Whether the words at `j` (or just after it) name the period a date part counts ("the
        other months" for a month)."""
        from .parse import _time_word

        if part is None:
            return False
        for k in (j, j + 1, j + 2):
            if k < len(self.m):
                words = self.m[k].text.split()
                if words and (_time_word(words[-1]) or _time_word(words[-1].rstrip("s"))) == part:
                    return True
        return False

    def _base_last(self, sides: list[list[Condition]], at: list[int], words: list[int]) -> list[list[Condition]]:
        """The two sides with the base of the comparison second (a change is from the second side
        to the first, a difference is first minus second). The base is what "than"/"compared
        with" governs: the side said after it in English ("2023 compared with 2022"), before it
        in Korean ("2022년 대비 2023년", "2022년보다"). Without such a word, two periods of a
        change keep the later first."""
        c = self.c
        marks = [
            j
            for j in (words or range(len(self.m)))
            if self.m[j].has("than") or self.m[j].text.lower().startswith(("compared", "대비"))
        ]
        if not marks:  # "대비" may have been claimed already (as the comparison asked)
            marks = [
                j for j, m in enumerate(self.m) if m.has("than") or m.text.lower().startswith(("compared", "대비"))
            ]
        if marks:
            j = marks[0]
            if is_hangul(self.m[j].text[:1]):  # "보다", "대비"; "than" governs what follows it
                before = [k for k in (0, 1) if at[k] < j]
                base = max(before, key=lambda k: at[k]) if before else None
            else:
                after = [k for k in (0, 1) if at[k] > j]
                base = min(after, key=lambda k: at[k]) if after else None
            if base is not None:
                return [sides[1 - base], sides[base]]
            return sides
        if any(self.m[j].has("change") for j in words):
            first, second = sides[0][0], sides[1][0]
            if first.column == second.column and (
                first.part or c.col(first.column).is_date or c.col(first.column).yearlike
            ):
                try:
                    if first.value < second.value:
                        return [sides[1], sides[0]]
                except TypeError:
                    pass
        return sides

    def fixed(self, name: str, i: int) -> Plan:
        c = self.c
        c.claim(i)
        plan = Plan(name, c.lang, c.t.var, conditions=list(self.ctx.conditions))
        if name == "missing":
            # "which months are missing", "자료가 없는 날은 며칠": periods with no row at all, never
            # empty cells (a different question)
            from .parse import _time_word

            # days, "which days", "how many days" (the unit counted, even when a date condition
            # took the word for its column), "빠진 날" (the unit inside the phrase asking)
            times = [
                j
                for j, m in enumerate(self.m)
                if (self.free(j) or j == i or (m.has("concept") and not self._names_column(j)))
                and not m.has("value")
                and m.text.split()
                and _is_time_word(m.text.split()[-1])
                and _time_word(m.text.split()[-1])
            ]
            g = self.ctx.group
            if g is not None and (g.bucket or c.col(g.column).is_date):
                return self.coverage(g.bucket or "day", times)
            if times:
                return self.coverage(_time_word(self.m[times[0]].text.split()[-1]), times)
            if g is not None:
                self.decline(
                    "I can count missing values over all the rows, not per group.",
                    "결측치는 그룹별로가 아니라 전체 행에 대해서만 셀 수 있습니다.",
                )
        if name == "missing":
            present = self.present_and_missing(i)
            if present is not None:
                return present
        if name in ("missing", "describe"):
            plan.columns = self.column_list()
        for j, a in self.ctx.aggs:
            if name == "missing" and a in ("count", "share"):
                c.claim(j)
        if name == "missing":
            # "rows with missing values" are counted; missing days or dates are absent rows,
            # which a count of empty cells does not find
            for j, m in enumerate(self.m):
                if not self.free(j) or not m.has("entity"):
                    continue
                # (the rows named by what they are, "players", "선수", are rows too: "연봉이 빠진
                # 선수" counts players with no salary; only days and periods are never rows here)
                if not (m.text.split() and _is_time_word(m.text.split()[-1])):
                    plan.measures = [Measure("count")]
                    c.claim(j)
                else:
                    self.decline(
                        "I can count empty cells and rows with empty cells, not dates or periods that "
                        "are absent from the data.",
                        "비어 있는 값과 그런 행은 셀 수 있지만, 데이터에 없는 날짜나 기간은 찾을 수 없습니다.",
                    )
        if name == "overview" and (plan.conditions or plan.columns):
            self.decline(
                "I can give an overview of the whole table only; ask about the rows you want directly.",
                "개요는 표 전체에 대해서만 보여 드릴 수 있습니다. 원하는 행에 대해 직접 물어봐 주세요.",
            )
        return plan

    def _names_column(self, j: int) -> bool:
        """The words are a column's whole name ("date"), not a word for its unit ("days")."""
        return any(s.quality >= 1.0 for s in self.m[j].all("column"))

    def coverage(self, bucket: str, times: list[int]) -> Plan:
        """Periods with no row: every day (month...) from the data's first to its last, less those
        that have a row (for the rows asked about, or for each value of a column named)."""
        c, ctx = self.c, self.ctx
        column = c._date_column()
        if column is None:
            self.decline(
                "This data has no dates, so no days or months can be missing from it.",
                "이 데이터에는 날짜 열이 없어서 빠진 날이나 달을 찾을 수 없습니다.",
            )
        rank = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
        have = c.col(column).granularity
        if bucket not in rank or have not in rank or rank[bucket] < rank[have]:
            self.decline(
                f"{column} does not come once per {bucket}, so I cannot tell which {bucket}s are missing.",
                f"{column}은(는) 일정한 간격으로 기록되어 있지 않아 빠진 기간을 알 수 없습니다.",
            )
        c.claim(*times)
        grouped = ctx.group
        ctx.group = None
        per = [
            (j, name)
            for j, m in enumerate(self.m)
            if self.free(j) and m.has("column") and not m.has("value")
            for name in [c.one_column(j)]
            if c.col(name).categorical and not c.col(name).is_date
        ]
        if grouped is not None and grouped.bucket is None and not c.col(grouped.column).is_date:
            # "which days is each station missing": the missing periods of each value
            per = [(j, name) for j, name in per if name != grouped.column] + [(None, grouped.column)]
        if len(per) > 1:
            self.decline("Missing periods for which column's values? Name one.", "어느 열의 값마다 빠진 기간을 셀까요?")
        counted = [j for j, a in ctx.aggs if a in ("count",) and self.free(j)]
        c.claim(*counted, *[j for j, _ in per if j is not None])
        return Plan(
            "coverage",
            c.lang,
            c.t.var,
            conditions=list(ctx.conditions),
            group=Grouping(column, bucket),
            columns=[per[0][1]] if per else [],
            measures=[Measure("count")] if counted else [],
        )

    def present_and_missing(self, missing_word: int) -> Plan | None:
        """ "A is recorded but B is missing", "A는 있는데 B가 비어 있는": rows where some named
        columns hold a value and others are empty, never rows missing any of them."""
        c = self.c
        named = [j for j, m in enumerate(self.m) if self.free(j) and m.has("column")]
        if len(named) < 2:
            return None
        said_present = []
        for j in named:
            k = j + 1
            while (
                k < len(self.m)
                and self.m[k].roles
                and self.m[k].roles <= {"particle", "filler", "condition"}
                and self.m[k].text.lower() not in _PRESENT
            ):
                k += 1
            if k < len(self.m) and self.m[k].text.lower() in _PRESENT and k != missing_word:
                said_present.append((j, k))
        if not said_present:
            return None
        present = {j for j, _ in said_present}
        conditions = list(self.ctx.conditions)
        conditions += [Condition(c.one_column(j), "notna", None) for j in named if j in present]
        conditions += [Condition(c.one_column(j), "isna", None) for j in named if j not in present]
        c.claim(*named, *[k for _, k in said_present])
        for j, m in enumerate(self.m):
            if self.free(j) and (m.has("entity") or (m.has("agg") and m.get("agg").key in ("count", "records"))):
                c.claim(j)
        return Plan("aggregate", c.lang, c.t.var, measures=[Measure("count")], conditions=conditions)

    def column_list(self) -> list[str]:
        out = []
        for i, m in enumerate(self.m):
            if self.free(i) and m.has("column"):
                out.append(self.c.one_column(i))
                self.c.claim(i)
        return out

    def column_measures(self, numeric_only: bool = True) -> list[tuple[int, str]]:
        out = []
        for i, m in enumerate(self.m):
            if not self.free(i) or not m.has("column"):
                continue
            if self._restates_a_condition(i):
                self.c.claim(i)  # "at least one hospital stay (hosp)": the condition's column, named again
                continue
            if m.has("entity") and not m.has("value"):
                names = self.c.columns_of(i)
                # "total visitors" over 입국자수: a noun for people the column counts is that column
                counted = any(
                    s.key in _COUNTS and m.text.lower() in self.c.lex.concepts[s.key]["forms"] for s in m.all("concept")
                ) and any(set(self.c.col(n).concepts) & _COUNTS and self.c.col(n).numeric for n in names)
                if (
                    not counted
                    and not self._aggregated_amount(i, names)
                    and not self._joined_to_a_column(i)
                    and (
                        all(n in self.c.t.labels for n in names)
                        or not names
                        or max(s.quality for s in m.all("column")) < 1.0
                    )
                ):
                    continue
            if numeric_only:
                if not self.c.columns_of(i, numeric=True):
                    continue
                out.append((i, self.c.one_column(i, numeric=True)))
            else:
                out.append((i, self.c.one_column(i)))
        return out

    def _restates_a_condition(self, i: int) -> bool:
        """A column's name in brackets ("(hosp)") right after words (at most three) of which one
        names the same column in a condition already read: "with at least one hospital stay
        (hosp)" restates the condition's column, it is no measure of its own."""
        c = self.c
        tok = c.tokens
        m = self.m[i]
        if m.start >= len(tok) or c.q[: tok[m.start].start].rstrip()[-1:] not in ("(", "["):
            return False
        names = set(c.columns_of(i))
        conditioned = {k.column for k in self.ctx.conditions}
        if not names & conditioned:
            return False
        for j in range(i - 1, max(-1, i - 4), -1):
            if self.free(j) and not self.m[j].roles <= {"unknown", "entity", "filler"}:
                return False
            if not self.free(j) and self.m[j].has("column") and names & set(c.columns_of(j)) & conditioned:
                return True
        return False

    def _joined_to_a_column(self, i: int) -> bool:
        """A noun for rows that also names a numeric column ("reading" of treadssk), joined by "and"
        to a column's own word ("math and reading scores", "reading and math"): one of two measures
        listed, not the rows."""
        if not self.c.columns_of(i, numeric=True):
            return False
        for step in (-1, 1):
            j = self.c.prev_index(i, ("filler",)) if step < 0 else self.c.next_index(i, ("filler",))
            if j is None or not self.m[j].has("range_join") or self.m[j].text.lower() not in ("and", "과", "와", "및"):
                continue
            k = self.c.prev_index(j, ("filler",)) if step < 0 else self.c.next_index(j, ("filler",))
            if k is not None and self.m[k].has("column") and not self.m[k].has("entity"):
                if self.c.columns_of(k, numeric=True):
                    return True
        return False

    def _aggregated_amount(self, i: int, names: list[str]) -> bool:
        """ "total tips" in a file of tips where each row has a `tip` amount: a total or an average
        (not a count) of a noun naming one numeric measure is that measure's, even when the noun
        also names the rows."""
        j = self.c.prev_index(i, ("filler",))
        if j is None or not self.m[j].has("agg") or self.m[j].get("agg").key not in _AMOUNT_AGGS:
            return False
        numeric = self.c.columns_of(i, numeric=True)
        return len(numeric) == 1 and numeric == names and self.c.col(numeric[0]).kind == "numeric"

    def comparatives_related(self) -> list[tuple[int, str]] | None:
        """ "are faster computers more expensive?", "are heavier cars less fuel efficient?": two
        measures said as comparatives of each other in a yes/no question ask how they go together,
        their correlation, not the rows at one end of either (with "than" the comparison is of
        named things, and answered as such)."""
        c = self.c
        if c.lang != "en" or not self.m or self.m[0].text.lower() not in _YES_NO or any(m.has("than") for m in self.m):
            return None
        found: list[tuple[int, str]] = []
        for j, m in enumerate(self.m):
            if not self.free(j) or not m.has("adjective"):
                continue
            word = m.text.lower()
            before = self.m[j - 1].text.lower() if j else ""
            if not (word.endswith("er") or word.startswith(("more ", "less ")) or before in ("more", "less")):
                continue
            got = c._adjective_direction(j)
            if got is None:
                return None
            found.append((j, got[0]))
            if before in ("more", "less"):
                c.claim(j - 1)
        if len(found) != 2 or found[0][1] == found[1][1]:
            return None
        return found

    def correlations(self, i: int) -> Plan:
        c = self.c
        # "is X correlated with Y? give the correlation": the word said again restates the one asked
        again = [
            j
            for j, m in enumerate(self.m)
            if j != i
            and self.free(j)
            and not (m.has("column") or m.has("value"))
            and any(s.key == "correlation" for s in m.all("intent"))
        ]
        c.claim(i, *again)
        columns = self.column_measures()
        plan = Plan("correlations", c.lang, c.t.var, conditions=list(self.ctx.conditions))
        if len(columns) == 2:
            return self.relationship(None, columns, correlation=True)
        pair = [
            k
            for k, cond in enumerate(self.ctx.conditions)
            if cond.op == "in" and len(cond.value) == 2 and cond.part is None and not c.col(cond.column).numeric
        ]
        if len(columns) == 1 and len(pair) == 1 and c.t.dates:
            # "correlation between MSFT and IBM prices": the two series, matched by date
            cond = self.ctx.conditions[pair[0]]
            c.claim(columns[0][0], *[j for j, m in enumerate(self.m) if self.free(j) and m.has("between")])
            rest = [x for k, x in enumerate(self.ctx.conditions) if k != pair[0]]
            return Plan(
                "relationship",
                c.lang,
                c.t.var,
                conditions=rest,
                columns=[columns[0][1], columns[0][1]],
                sides=[[Condition(cond.column, "==", v)] for v in cond.value],
                chart="scatter",
                time_column=c._date_column(),
            )
        if len(columns) > 2:
            self.decline(
                "Name two columns for a correlation, or none for all of them.",
                "상관관계는 두 열을 적거나, 전체를 보려면 열을 적지 마세요.",
            )
        if columns:
            plan.columns = [columns[0][1]]
            c.claim(columns[0][0])
        for _, _, _, used in self.superlatives():
            c.claim(*used)  # "which columns are most correlated with mpg"
        return plan

    def relationship(
        self, i: int | None, columns: list[tuple[int, str]] | None = None, correlation: bool = False
    ) -> Plan:
        c = self.c
        c.claim(i)
        columns = columns if columns is not None else self.column_measures()
        if len(columns) == 1 and self.ctx.group is not None and not correlation:
            return self.grouped(None, [])  # "how does horsepower vary by origin": per group
        if len(columns) != 2:
            both = [(j, c.one_column(j)) for j, m in enumerate(self.m) if self.free(j) and m.has("column")]
            numeric = [x for x in both if c.col(x[1]).numeric]
            cats = [x for x in both if c.col(x[1]).categorical and not c.col(x[1]).numeric]
            if len(numeric) == 1 and len(cats) == 1 and not correlation:
                # "mpg vs origin": the measure per group
                self.ctx.group = Grouping(cats[0][1])
                c.claim(cats[0][0])
                return self.grouped([(numeric[0][0], numeric[0][1])], [])
            self.decline(
                "A relationship needs two numeric columns; name both.",
                "관계를 보려면 숫자 열 두 개가 필요합니다. 두 열을 적어 주세요.",
            )
        c.claim(*[j for j, _ in columns])
        c.claim(*[j for j, m in enumerate(self.m) if self.free(j) and m.has("between")])
        plan = Plan(
            "relationship",
            c.lang,
            c.t.var,
            conditions=list(self.ctx.conditions),
            columns=[columns[0][1], columns[1][1]],
            chart="scatter",
        )
        if self.ctx.group is not None:
            self.decline(
                "I can relate two columns over all the rows, not per group.",
                "두 열의 관계는 그룹별로가 아니라 전체 행에 대해서만 볼 수 있습니다.",
            )
        return plan

    def distribution(self, i: int | None) -> Plan:
        c = self.c
        c.claim(i)
        candidates = [
            (j, c.one_column(j))
            for j, m in enumerate(self.m)
            if self.free(j)
            and m.has("column")
            and not (m.has("entity") and all(n in c.t.labels for n in c.columns_of(j)))
        ]
        if self.ctx.group is not None:
            candidates = [x for x in candidates if x[1] != self.ctx.group.column]
        if len(candidates) != 1:
            self.decline("Name the one column whose distribution you want.", "분포를 볼 열 하나를 적어 주세요.")
        j, column = candidates[0]
        c.claim(j)
        plan = Plan("distribution", c.lang, c.t.var, conditions=list(self.ctx.conditions), columns=[column])
        col = c.col(column)
        if col.numeric:
            plan.chart = "box" if self.ctx.group is not None else "hist"
            plan.group = self.ctx.group
            if plan.group is not None and plan.group.bucket is None:
                g = c.col(plan.group.column)
                plan.order = None if (g.numeric or g.is_date or g.yearlike) else "desc"
        else:
            if self.ctx.group is not None:
                self.decline(
                    "I can show how one category column splits, not per group.",
                    "범주 열의 분포는 그룹별로 보여 드릴 수 없습니다.",
                )
            plan.chart = "bar" if self.ctx.chart in (None, "any", "bar", "hist") else self.ctx.chart
            plan.measures = [Measure("count")]
            plan.group = Grouping(column)
            plan.kind = "aggregate"
            plan.order = "desc"
        if self.ctx.chart == "box" and plan.group is None:
            plan.chart = "box"
        return plan

    def direction_words(self, intents: dict[str, int]) -> list[int]:
        """The words asking which way a measure went over time: "up or down", "rise or fall" (the
        lexicon's intent `direction`), or a trend asked with a rise and a fall both said as the
        two answers ("증가 추세야 감소 추세야", "추세가 증가야 감소야")."""
        if "direction" in intents:
            return [intents["direction"]]
        if "trend" not in intents:
            return []
        ways = {"up": [], "down": []}
        for j, m in enumerate(self.m):
            if self.free(j) and m.has("change") and m.get("change").key in ways:
                ways[m.get("change").key].append(j)
        if len(ways["up"]) == 1 and len(ways["down"]) == 1:
            return [
                *ways["up"],
                *ways["down"],
                *[
                    j
                    for j, m in enumerate(self.m)
                    if j != intents["trend"] and self.free(j) and m.has("intent") and m.get("intent").key == "trend"
                ],
            ]
        return []

    def trend(self, i: int | None) -> Plan:
        c = self.c
        c.claim(i, *[j for j, m in enumerate(self.m) if m.has("intent") and m.get("intent").key == "trend"])
        measures = self.measures_with_aggs()
        if not measures:
            counts = [j for j, a in self.ctx.aggs if a == "count" and self.free(j)] + self.quantity_words()
            if counts:
                c.claim(*counts)
                measures = [Measure("count")]
        if not measures:
            self.decline("Name the numeric column whose trend you want.", "추세를 볼 숫자 열을 적어 주세요.")
        if len(measures) > 1:
            self.decline("I can follow one measure over time at a time.", "한 번에 한 가지 값의 추세만 볼 수 있습니다.")
        group = self.ctx.group
        split = None
        if (
            group is not None
            and group.bucket is None
            and not c.col(group.column).is_date
            and not c.col(group.column).yearlike
            and group.column != c.t.wide_period
        ):
            split, group = group.column, None  # "the price of each stock over time": one line each
        if group is None:
            dates = c.t.dates
            if not dates:
                years = [col.name for col in c.t.columns if col.yearlike]
                if c.t.wide_period is not None:  # a column per period (wide.py): the periods
                    years = [c.t.wide_period]
                if len(years) != 1:
                    self.decline(
                        "This data has no dates to follow a trend over.", "이 데이터에는 추세를 볼 날짜 열이 없습니다."
                    )
                group = Grouping(years[0])
            else:
                column = c._date_column()
                group = Grouping(column, "auto")
        plan = Plan(
            "trend",
            c.lang,
            c.t.var,
            measures=measures,
            conditions=list(self.ctx.conditions),
            group=group,
            chart="line" if self.ctx.chart in (None, "any", "line") else self.ctx.chart,
        )
        if split is not None:
            plan.columns = [split]
        return plan

    def pair_noun(self, a: int) -> list[int] | None:
        """ "site-months", "station days", "firm-years": a noun for (thing, period) pairs, written
        as a name column's word joined to a period word. On rows that are one thing per period
        (the data showed the pairs unique: `Table.periods`) the pairs are the rows; otherwise
        counting them is declined, never answered as a count of things or of periods."""
        c = self.c
        from .parse import _entity_periods, _time_word

        def period_of(j: int) -> str | None:
            words = self.m[j].text.split()
            return _time_word(words[-1]) or _time_word(words[-1].rstrip("s")) if words else None

        def names_thing(j: int) -> str | None:
            if not self.m[j].has("column") or self.m[j].has("value"):
                return None
            names = [n for n in c.columns_of(j) if not c.col(n).numeric and not c.col(n).is_date]
            return names[0] if names else None

        for b, join in ((a - 2, a - 1), (a + 2, a + 1), (a - 1, None), (a + 1, None)):
            if not (0 <= b < len(self.m)) or (b, a) == (b, b):
                continue
            if join is not None and not self.m[join].has("range_join"):
                continue
            first, second = sorted((a, b))
            thing, bucket = names_thing(first), period_of(second)
            if thing is None or bucket is None or not self.free(b) and b != a:
                continue
            keyed = _entity_periods(c.t)
            time = c.col(keyed[1]) if keyed and keyed[0] == thing else None
            fits = time is not None and (
                time.granularity == bucket or (bucket == "year" and time.yearlike and not time.is_date)
            )
            if not fits:
                self.decline(
                    f"Counting {thing}-{bucket} pairs needs one row per {thing} and {bucket}, and the rows "
                    f"of this data are not that; ask how many {thing} values, or count rows.",
                    f"{thing}-{bucket} 쌍을 세려면 {thing}과(와) {bucket}마다 한 행이어야 하는데 이 데이터의 행은 "
                    f"그렇지 않습니다. 서로 다른 {thing} 값의 수나 행 수를 물어 주세요.",
                )
            return [x for x in (first, join, second) if x is not None]
        return None

    def one_row_per_period(self, column: str) -> bool:
        """A period-part column (quarter, month) beside one year column, one row per period."""
        c = self.c
        if not self.period_part(column):
            return False
        years = [x for x in c.t.columns if x.yearlike and x.name != column]
        return len(years) == 1 and c.t.rows <= years[0].distinct * max(c.col(column).distinct, 1)

    def period_part(self, column: str) -> bool:
        """A column holding a part of a date: whole numbers by name (quarter 1-4, month 1-12), or
        the months' or quarters' names (Jan..Dec, Q1..Q4, read from its values)."""
        col = self.c.col(column)
        return col.calendar_part in ("quarter", "month") or col.calendar_names in ("quarter", "month")

    def quantity_words(self) -> list[int]:
        """Quantities the data has no column for are never guessed to be row counts ("trading
        volume" of stock prices is not how many rows there are): none."""
        return []

    def _per_wide_period(self, i: int, period: str, measures: list[Measure]) -> list[Measure]:
        """ "average monthly passengers", "연간 수출액" of a table with a column per period (wide.py):
        per its own period, each row is one period's value (their mean is the mean per period);
        per year, with the periods making one whole year (1월..12월, Q1..Q4), the year's value is
        their total. Other periods are declined."""
        c = self.c
        kind, column = c.t.wide_kind, c.col(c.t.wide_period)
        whole_year = {"month": 12, "quarter": 4}.get(kind or "") == column.distinct
        out = []
        for m in measures:
            if m.column is None:
                out.append(m)
            elif period == kind:
                for j, a in self.ctx.aggs:
                    if a == "mean" and self.free(j):
                        c.claim(j)
                out.append(Measure(m.agg if m.agg not in ("count", "sum") else "mean", m.column))
            elif period == "year" and whole_year and self.adds_up(m.column) and m.agg in ("sum", "mean"):
                out.append(Measure("sum", m.column))
            else:
                self.decline(
                    f"This data has one column per {kind}, so I cannot total or average it per {period}.",
                    f"이 데이터는 {kind}마다 열이 하나라서 {period} 단위로 합하거나 평균을 낼 수 없습니다.",
                )
        c.claim(i)
        return out

    def per_period(self, measures: list[Measure]) -> list[Measure]:
        """ "average daily sales", "하루 평균 판매 건수": the measure over the totals per period."""
        c = self.c
        per = getattr(c, "per", None)
        if per is None:
            return measures
        i, period = per
        if not c.t.dates and c.t.wide_period is not None:
            return self._per_wide_period(i, period, measures)
        years = [x.name for x in c.t.columns if x.yearlike]
        monthly_rows = not c.t.dates and self._rows_are_parts(period, years)
        if not c.t.dates and period == "year" and len(years) == 1:
            # "average number of workers per year" of a column of years: the totals per year
            self._one_row_per_thing_and_year(years[0])
            self.per_time = years[0]
        elif monthly_rows:
            # "1979년 월평균 사망자 수" of one row a month kept as year and month columns: each
            # row is its month's value, so the mean per month is the rows' mean
            for j, a in self.ctx.aggs:
                if a == "mean" and self.free(j):
                    c.claim(j)
            c.claim(i)
            if any(m.column is None for m in measures):
                self.decline(
                    "Each row is one month here, so a count per month is one; ask for a measure.",
                    "여기서는 행 하나가 한 달이라서 달마다 세면 하나입니다. 측정값으로 물어봐 주세요.",
                )
            return [Measure(m.agg if m.agg not in ("count", "sum") else "mean", m.column) for m in measures]
        elif not c.t.dates:
            self.decline(
                "This data has no dates, so there are no days or months to average over.",
                "이 데이터에는 날짜 열이 없어서 기간별 평균을 낼 수 없습니다.",
            )
        # "how many per day on average": the "on average" is this mean
        for j, a in self.ctx.aggs:
            if a == "mean" and self.free(j):
                c.claim(j)
        out = []
        for m in measures:
            column = c.col(m.column) if m.column else None
            dates = c.t.dates
            unique = bool(dates) and dates[0].granularity == period and c.t.names_rows(dates[0])
            if not dates and period == "year" and len(years) == 1:
                unique = c.col(years[0]).distinct == c.t.rows  # one row a year: "연평균" is the rows' mean
            if column is not None and not c.additive(column.name):
                if unique:
                    out.append(m)  # one row per period: the rows are the periods
                    continue
                self.decline(
                    f"Do you mean the {m.agg} over all rows, or of one value per {period}? For a value that "
                    "does not add up I cannot tell; ask without the period, or per period with “by”.",
                    "모든 행의 평균인지, 기간마다 하나의 값을 낸 평균인지 알 수 없습니다. 기간 없이 묻거나 "
                    "“별”로 기간별로 물어봐 주세요.",
                )
            agg = m.agg if m.agg not in ("count", "sum") else "mean"
            out.append(Measure(agg, m.column, per=period))
        c.claim(i)
        return out

    def _rows_are_parts(self, period: str, years: list[str]) -> bool:
        """Whether the rows are one per `period` (month, quarter) of the years, kept as a column of
        years and a column of that part (year, month 1-12): as many rows as the years hold parts,
        the first or last year maybe in part."""
        c = self.c
        if period not in ("month", "quarter") or len(years) != 1:
            return False
        parts = [x for x in c.t.columns if x.calendar_part == period or x.calendar_names == period]
        if not parts or not self.one_row_per_period(parts[0].name):  # (month names beside 1-12: one part)
            return False
        n, k = c.col(years[0]).distinct, parts[0].distinct
        return (n - 1) * k < c.t.rows <= n * k

    def _one_row_per_thing_and_year(self, year: str) -> None:
        """A panel, one row per thing (a company, a country) and year, asked "average revenue per
        year" over all its things: each year's average ("by year") or the things' yearly total
        averaged over the years? Declined, naming both, unless one thing is kept (a condition on
        it: "visitors to Russia per year") or the question groups (each group's yearly totals)."""
        c = self.c
        if self.ctx.group is not None:
            return
        years = max(c.col(year).distinct, 1)
        rows = max(c.t.rows, 1)
        kept = {k.column for k in self.ctx.conditions if k.op in ("==", "in")}
        things = [
            x.name
            for x in c.t.columns
            if x.name != year and not x.numeric and x.distinct > 1 and abs(x.distinct * years - rows) <= 0.1 * rows
        ]
        if things and not kept & set(things):
            self.decline(
                f"Each row is one {things[0]} in one {year}, so “per year” may be each year's average (“by "
                f"{year}”) or the yearly total of every {things[0]} averaged over the years; ask one of them.",
                f"행 하나가 {year} 하나의 {things[0]} 하나라서 “연평균”이 연도별 평균(“{year}별”)인지 모든 "
                f"{things[0]}의 연간 합계의 평균인지 알 수 없습니다. 둘 중 하나로 물어봐 주세요.",
            )

    def _labels_asked(self, j: int, col: Column) -> bool:
        """Whether "how many" at the mention j asks how many different things a column of whole
        numbers labels (`match.labels_things`: "how many broods" of BROOD 501-743, "Litter는 몇
        개"): the question says the plural of the column's singular name (Korean has none), and no
        count of things is asked of it. Adding the numbers up, or counting the rows, answers
        another question."""
        from .catalog import _singular
        from .match import labels_things

        c = self.c
        if c.counts(col.name) or not labels_things(col, c.t):
            return False
        word = self.m[j].text.lower().strip()
        key = (col.base or col.keys)[0]
        return word == key if c.lang == "ko" else key in _singular(word)

    def _individuals_measured_again(self, column: str) -> bool:
        """Whether the column numbers individual things (pigs, patients, subjects: a noun of a kind
        of thing in `entity_kinds`, numbers that measure nothing), many of them, each in several
        rows: "which pig was the heaviest" of pigs weighed weekly asks of one of each pig's weights
        (its largest? its last?), never said; their mean over the weeks is another question."""
        from .parse import _entity_kind

        col = self.c.col(column)
        if col is None or not (col.numeric or col.kind == "identifier") or col.concepts or col.row_number:
            return False
        if len(col.keys) != 1 or not _entity_kind(col.keys[0]):
            return False
        return col.distinct >= 20 and self.c.t.rows >= 2 * col.distinct

    def default_agg(self, column: str) -> str:
        op = self.c.derived.get(column, ("", "-", ""))[1]
        if op not in ("-", "q", "+"):  # a ratio of two columns' totals, a weighted mean
            return "ratio" if op == "/" else "wmean"
        col = self.c.col(column)
        if self.c.additive(column):
            return "sum"
        # a column named by a word for a sum ("total", 합계) is added up: "total by country"
        keys = tuple(col.keys)
        named_sum = keys and any(
            k == keys and m.role == "agg" and m.key == "sum" for k, m in self.c.lex.phrases.starting_with(keys[0])
        )
        return "sum" if named_sum else "mean"

    def adds_up(self, column: str, said: bool = False) -> bool:
        """Whether a name's rows add up to its total of this column: sales do; a population
        recorded once a year does not, unless one year is asked. A total `said` ("total cost",
        "총 cost") is asked of any amount that is no level, whatever its usual statistic."""
        c = self.c
        if self.default_agg(column) != "sum" and not said:
            return False
        if not set(c.col(column).concepts) & _LEVELS:
            return True
        times = {x.name for x in c.t.columns if x.is_date or x.yearlike}
        return not times or any(k.column in times and k.op == "==" for k in self.ctx.conditions)

    def _said_of_another(self, i: int) -> bool:
        """Whether the statistic word at i is said of the column right after it, which the plan uses
        in a row condition ("an average rate above 4"): "occupations with an
        average rate above 4" asks of the occupations' average rate, never of the average
        occupation of the rows whose rate is above 4. No other column may take the statistic."""
        c = self.c
        conditioned = {k.column for k in self.ctx.conditions}
        k = c.next_index(i, ("filler", "particle"))  # (a statistic word comes before its column)
        return (
            k is not None
            and self.m[k].has("column")
            and not self.free(k)
            and not self.m[k].has("value")
            and bool(set(c.columns_of(k)) & conditioned)
        )

    def measures_with_aggs(self) -> list[Measure]:
        """Measures named with their aggregation ("average price", "가격의 평균", "total sales");
        columns without one take the default (sum for amounts, mean otherwise)."""
        c, ctx = self.c, self.ctx
        out: list[Measure] = []
        columns = self.column_measures()
        free_aggs = [(i, a) for i, a in ctx.aggs if self.free(i) and a not in ("share",)]
        bound: dict[int, str] = {}
        for i, agg in free_aggs:
            if agg in ("count", "nunique"):
                continue
            target = self._agg_target(i, columns, bound)
            if target is not None:
                bound[target] = agg
                c.claim(i)
                # "average price and weight": the aggregation carries over a list of columns
                k = target
                while True:
                    nxt = c.next_index(k, ("filler", "particle", "either", "range_join"))
                    if nxt is None or not any(j == nxt for j, _ in columns) or nxt in bound:
                        break
                    gap = range(k + 1, nxt)
                    if not any(self.m[g].roles & {"either", "range_join"} for g in gap):
                        break
                    bound[nxt] = agg
                    k = nxt
        # "min and max price", "가격의 최솟값과 최댓값": statistics listed before (after) one column
        # are each asked of it
        also: dict[int, list[str]] = {}
        for i, agg in free_aggs:
            if agg in ("count", "nunique") or not self.free(i):
                continue
            for step in (c.next_index, c.prev_index):
                k = step(i, ("filler", "particle", "either", "range_join", "agg", "superlative"))
                if k is not None and k in bound and self._listed_with(i, k):
                    also.setdefault(k, []).append(agg)
                    c.claim(i)
                    break
        for j, column in columns:
            if j in bound:
                for agg in [bound[j], *also.get(j, [])]:
                    if Measure(agg, column) not in out:
                        out.append(Measure(agg, column))
                c.claim(j)
        aggs_left = [(i, a) for i, a in free_aggs if self.free(i) and a not in ("count", "nunique")]
        free_columns = [(j, col) for j, col in columns if self.free(j)]
        if aggs_left and not free_columns and not out:
            # "평균 고용률" of a long table: 고용률 is a value of its indicator column (a condition);
            # the numbers are in the value column
            found = self.indicator_measure(aggs_left[0][1])
            if found is not None:
                out.append(found)
                c.claim(aggs_left[0][0])
                aggs_left = []
        if aggs_left and len(free_columns) == 1 and not out and not self._said_of_another(aggs_left[0][0]):
            j, column = free_columns[0]
            out.append(Measure(aggs_left[0][1], column))
            c.claim(j, aggs_left[0][0])
            free_columns = []
        if out or aggs_left:
            # "서울에서 팔린 차의 평균 가격": a verb of selling describes the rows, it is no measure
            free_columns = [(j, col) for j, col in free_columns if not _is_sold(self.m[j].text)]
        if out:
            # measures governed by aggregation words were asked; a word that only shares a stem
            # with a column ("결제 주문" beside 결제금액) is no further measure: left unused, it
            # makes the plan decline rather than add a figure nobody asked for
            measured = {m.column for m in out}
            free_columns = [
                (j, col)
                for j, col in free_columns
                if col in measured or max(s.quality for s in self.m[j].all("column")) >= 1.0
            ]
        # (a plain count: no change, extreme, rule or comparison a column could be the measure of,
        # as visitors are of "how many months saw a drop in visitors")
        measuring = {"change", "movement", "previous_period", "superlative", "superlative_marker", "degree"}
        measuring |= {"compare", "compare_after", "sign", "outlier", "outlier_rule", "adjective", "evaluative"}
        counted_only = (
            not out
            and not aggs_left
            and any(a in ("count", "nunique") for _, a in ctx.aggs)
            and all(a in ("count", "nunique") for _, a in ctx.aggs)
            and not any(m.roles & measuring for m in self.m)
        )
        for j, column in free_columns:
            verb_before = any(self.m[k].has("light_verbs") for k in range(j))
            if counted_only and verb_before and not _implied(self.m[j].text) and self.default_agg(column) == "mean":
                # "how many people took prescribed medicines": a count asked, and a column said
                # with no statistic of its own is no mean the question wanted beside it (left
                # unused, the plan declines rather than add a figure nobody asked for); a column
                # that adds up may be what is counted ("입국자 중 ... 몇 명": 입국자수's total), and one
                # said before any verb is the thing counted ("how many monthly prices")
                continue
            # an extreme in a column's name ("temp_max") says which statistic of that column is
            # meant, not of a difference computed from it ("temp_max − temp_min")
            implied = None if column in self.c.derived else _implied(self.m[j].text)
            if implied and not out and not aggs_left:
                out.append(Measure("max" if implied == "high" else "min", column))
            elif not out and not aggs_left and not self._list_asked() and _implied_mean(self.m[j].text, column):
                out.append(Measure("mean", column))
            elif Measure(self.default_agg(column), column) not in out:
                out.append(Measure(self.default_agg(column), column))
            c.claim(j)
        return out

    # --- long statistics tables: the indicator named is what is measured ----------------------

    def indicator_value(self) -> str | None:
        """In a long table (catalog.indicator_columns) whose indicator column the question filters
        on ("2019년 취업자", "unemployment rate in July"), the value column: what that indicator's
        rows measure. None otherwise."""
        found = self.c.t.indicator
        if found is None:
            return None
        column, value = found
        if not any(k.column == column and k.op in ("==", "in") for k in self.ctx.conditions):
            return None
        return value

    def indicator_total(self) -> bool:
        """Whether the filtered indicators add up across the rows left (취업자 of five 시도 in one
        year, payrolls of one month): counts of things (lexicon concepts marked additive, none a
        rate), with every time column of the table pinned by a condition (a level summed over
        years or months is no figure anyone asked for)."""
        from .catalog import concepts_of

        c, (column, _) = self.c, self.c.t.indicator
        values: list = []
        for k in self.ctx.conditions:
            if k.column == column and k.op in ("==", "in"):
                values += list(k.value) if k.op == "in" else [k.value]
        for v in values:
            concepts = concepts_of(name_keys(str(v)))
            if _rate_like(str(v), concepts) or not any(c.lex.concepts.get(x, {}).get("additive") for x in concepts):
                return False
        return self.indicator_pinned()

    def indicator_pinned(self) -> bool:
        """Every time column of the table is fixed by a condition or is the grouping."""
        c = self.c
        times = [x.name for x in c.t.columns if x.is_date or x.yearlike]
        pinned = {k.column for k in self.ctx.conditions if k.op == "==" or (k.op == "between" and k.part)}
        grouped = self.ctx.group.column if self.ctx.group is not None else None
        return all(t in pinned or t == grouped for t in times)

    def indicator_measure(self, agg: str | None) -> Measure | None:
        """The measure of a question about a long table's indicator: `agg` of the value column
        (None: what the indicator's rows add up to when they do, else None)."""
        value = self.indicator_value()
        if value is None:
            return None
        if agg is not None:
            return Measure(agg, value)
        return Measure("sum", value) if self.indicator_total() else None

    def _list_asked(self) -> bool:
        """ "목록", "list the rows": the rows themselves were asked for."""
        return any(m.has("rows") for m in self.m)

    def _listed_with(self, i: int, k: int) -> bool:
        """Whether the words between statistic i and column k are only other statistics joined
        by "and", commas or particles ("min and max price": min's column is price)."""
        a, b = sorted((i, k))
        between = range(a + 1, b)
        # (Korean lists statistics side by side, "가격 최소 최대"; English joins them, "min and
        # max": "median total expenditure" is the median of one column, totexp)
        joined = any(
            self.m[g].roles & {"either", "range_join"} or self.m[g].text in ("과", "와", ",") for g in between
        ) or (self.c.lang == "ko" and bool(between) and all(self.m[g].has("agg") for g in between))
        return joined and all(
            self.m[g].roles & {"agg", "either", "range_join", "filler", "particle"} and not self.m[g].has("column")
            for g in between
        )

    def _agg_target(self, i: int, columns: list[tuple[int, str]], bound: dict[int, str]) -> int | None:
        c = self.c
        positions = [j for j, _ in columns if j not in bound and self.free(j)]
        after = c.next_index(i, ("filler", "particle", "condition"))
        if (
            after is not None
            and not self.free(after)
            and self.m[after].has("agg")
            and self.m[after].get("agg").key in ("count", "records")
        ):
            # "the average number of chronic conditions": "number of", already read by `counts` as
            # the column's own values (a column counting things), stands between the statistic
            # and its column
            after = c.next_index(after, ("filler", "particle", "condition"))
        before = c.prev_index(i, ("filler", "particle", "condition"))
        order = [after, before] if c.lang != "ko" else [before, after]
        if not (after is not None and after in positions) and self._said_of_another(i):
            return None  # "occupations with an average rate above 4": the rate's average, not theirs
        for j in order:
            if j is not None and j in positions:
                return j
        return None

    def compare(self) -> Plan:
        c, ctx = self.c, self.ctx
        # superlatives read before the words of the difference take their degree ("biggest")
        sups = self.superlatives()
        # a change between two periods: its words, whether asked as a ratio or in percent
        change, asked_change = "difference", None
        for j, m in enumerate(self.m):  # (claimed already when they made the sides)
            if m.has("times"):
                change = "ratio"
                c.claim(j)
            elif m.has("change"):
                key = m.get("change").key
                asked_change = asked_change or {"up": "high", "down": "low"}.get(key)
                nxt = c.next_index(j, ())
                if nxt is not None and self.m[nxt].text in ("율", "률") and self.free(nxt):
                    c.claim(nxt)  # "증감 률", a rate word split from its change word
                    change = "percent" if change == "difference" else change
                if _asks_rate(m):
                    change = "percent" if change == "difference" else change
                c.claim(j)
        if change == "percent":
            # "변화율(%)", "증가율은 몇 %?": the rate's unit said again, no share of rows
            c.claim(*[j for j, a in ctx.aggs if a == "share" and self.free(j) and _percent_word(self.m[j])])
        # "how much higher ... in percent": a difference asked with its direction, as "몇 퍼센트
        # 높아" (a bare "difference in percent" may be in points of a percent measure: not this)
        degree = any(self.m[j].has("degree") for j in range(len(self.m)))
        how_much = any(
            m.has("intent") and m.get("intent").key == "difference" and len(m.text.split()) > 2 for m in self.m
        )
        if change == "difference" and not degree and how_much:
            # "how much higher ... in percent": the word of the unit itself (not a share of rows)
            percent = [
                j
                for j, a in ctx.aggs
                if a == "share" and self.free(j) and self.m[j].has("units") and self.m[j].get("units").key == "percent"
            ]
            if percent:
                change = "percent"
                c.claim(*percent)
        if change == "difference" and asked_change is None and not degree and not c.date_sides:
            # "South 대비 North 평균 대기시간 비율", "the ratio of A's average to B's": one value
            # over the other (a share word beside two sides of one measure is no share of rows)
            ratios = [
                j for j, a in ctx.aggs if a == "share" and self.free(j) and self.m[j].text.lower() in _RATIO_WORDS
            ]
            if ratios:
                change = "ratio"
                c.claim(*ratios)
        if change == "difference" and (asked_change is not None or degree) or c.date_sides:
            # "by what percent did it rise", "몇 퍼센트 높아": the change in percent of the base. Only a
            # word of percent is that unit: "share", "likely", 비율 with "higher" ask whose share of
            # rows is higher ("are women more likely to volunteer than men")
            shares = [j for j, a in ctx.aggs if a == "share" and self.free(j) and _percent_word(self.m[j])]
            if shares:
                change = "percent"  # "by what percent did it rise", "몇 % 늘었어"
                c.claim(*shares)
                c.claim(*[j for j, a in ctx.aggs if a == "count" and self.free(j)])  # "by how many percent"
        measures = self.measures_with_aggs()
        if not measures:
            for j, m in enumerate(self.m):
                if self.free(j) and m.has("adjective"):
                    found = c._adjective_direction(j)
                    if found:
                        free = [(x, a) for x, a in ctx.aggs if self.free(x) and a not in ("count", "share")]
                        agg = free[0][1] if free else "mean"
                        c.claim(j, *[x for x, _ in free[:1]])
                        measures = [Measure(agg, found[0])]
                        break
        if not measures:
            # "how many more years of schooling do men have than women": the years are the
            # measure's values (each row's own), compared by their mean; not a count of rows
            for j in range(len(self.m)):
                found = c._years_of(j) if self.free(j) else None
                if found is not None:
                    c.claim(j, found[0])
                    measures = [Measure("mean", found[1])]
                    break
        if not measures:
            measures = self.counted_amount()
        measures = self._how_many_of_a_count(measures)
        counts = [i for i, a in ctx.aggs if a == "count" and self.free(i)]
        if not measures:
            c.claim(*counts)
            measures = [Measure("count")]
        if len(measures) != 1:
            self.decline(
                "I can compare one measure at a time between two groups.",
                "두 그룹은 한 번에 한 가지 값으로만 비교할 수 있습니다.",
            )
        # "how much more", "더 많이": words of the difference itself, and the direction asked
        asked = None
        for j, m in enumerate(self.m):
            # "how much heavier", "얼마나 더 무거워": an adjective of the measure compared says
            # the difference's direction (heavier: weight, higher)
            if self.free(j) and m.has("adjective"):
                found = c._adjective_direction(j)
                if found and found[0] == measures[0].column:
                    c.claim(j)
                    asked = asked or found[1]
        for j, m in enumerate(self.m):
            if self.free(j) and (m.has("degree") or (m.has("intent") and m.get("intent").key == "difference")):
                c.claim(j)
            words = m.text.lower().split()
            nxt = c.next_index(j, ("filler", "particle"))
            if m.has("degree") and nxt is not None and self.m[nxt].has("degree"):
                continue  # "더 낮은": the intensifier takes the direction of the word it intensifies
            if m.has("degree"):
                asked = asked or m.get("degree").key
            elif m.has("superlative_marker") and m.get("superlative_marker").key and getattr(self, "which_of_two", 0):
                asked = asked or m.get("superlative_marker").key  # "which had the higher ..."
            elif m.has("intent") and m.get("intent").key == "difference" and len(words) > 2:
                asked = asked or ("low" if words[-1] in ("less", "lower", "fewer", "smaller", "cheaper") else "high")
        shared = self._shares_compared(measures, change)
        if shared is not None:
            return shared
        plan = Plan(
            "compare",
            c.lang,
            c.t.var,
            measures=measures,
            conditions=list(ctx.conditions),
            sides=ctx.sides,
            chart="bar" if ctx.chart in (None, "any", "bar") else ctx.chart,
            asked=asked or asked_change,
            change=change,
            superlative=getattr(self, "which_of_two", False) and change == "difference",  # which of the two
        )
        if ctx.group is None and c.rank_category is not None and sups:
            # "가장 많이 줄어든 구는?", "which district rose the most": the thing asked is the group
            i, column, among = c.rank_category
            ctx.group = Grouping(column)
            c.claim(i, among)
        if ctx.group is not None:
            return self.grouped_change(plan, asked_change, sups)
        return plan

    def _shares_compared(self, measures: list[Measure], change: str) -> Plan | None:
        """ "are women more likely to volunteer than men", "is the share of volunteers higher among
        women than men": a share word ("likely", "share", 비율, not a word of percent) left over by a
        comparison of two values of one column that counts the rows meeting a condition asks
        whose share of rows meeting it is higher: within each group, not the groups' counts (349
        women against 248 men had answered; more women were asked). The shares of both groups,
        each of its own rows."""
        c, ctx = self.c, self.ctx
        rates = [j for j, a in ctx.aggs if a == "share" and self.free(j) and not _percent_word(self.m[j])]
        flag = c.flag_rate  # "the volunteer rate of women and men": a yes/no column's rate
        if not (rates or flag) or measures != [Measure("count")] or change != "difference" or ctx.group is not None:
            return None
        conditions = list(ctx.conditions) or ([Condition(flag[0], "==", flag[1])] if flag else [])
        sides = ctx.sides
        if not conditions or len(sides) != 2 or any(len(side) != 1 or side[0].op != "==" for side in sides):
            return None
        column = sides[0][0].column
        if sides[1][0].column != column or sides[0][0].part is not None or sides[1][0].part is not None:
            return None
        c.claim(*rates)
        values = [sides[0][0].value, sides[1][0].value]
        return Plan(
            "share",
            c.lang,
            c.t.var,
            measures=[Measure("count")],
            conditions=conditions,
            group=Grouping(column),
            base=[Condition(column, "in", values), *(Condition(x.column, "notna", None) for x in conditions)],
            order="desc",
            chart="bar" if ctx.chart in (None, "any", "bar") else ctx.chart,
        )

    def _how_many_of_a_count(self, measures: list[Measure]) -> list[Measure]:
        """ "how many more policyholders does district 1 have than district 4", "how many times
        more policyholders": a column of whole counts named right after "how many (times) more"
        is the things counted, compared by their total; its mean per row (the default) would
        answer another question. A statistic said ("average policyholders") keeps it."""
        c, ctx = self.c, self.ctx
        if len(measures) != 1 or measures[0].agg != "mean" or measures[0].column is None:
            return measures
        if any(a in ("mean", "median") for _, a in ctx.aggs):
            return measures
        column = c.col(measures[0].column)
        if not column.integer or column.yearlike or column.minimum is None or float(column.minimum) < 0:
            return measures
        for j, m in enumerate(self.m):
            if not m.text.lower().startswith("how many"):
                continue
            k = c.next_index(j, ("filler", "degree"))
            if k is not None and measures[0].column in c.columns_of(k, numeric=True):
                return [Measure("sum", measures[0].column)]
        return measures

    def counted_amount(self) -> list[Measure]:
        """ "how many times more arrivals from A than from B": a column that counts things (arrivals,
        passengers) compared between two groups is compared by its total, not by rows."""
        c = self.c
        found = [(j, name) for j, name in self._single_columns(numeric=True) if c.counts(name)]
        if len(found) != 1:
            return []
        c.claim(found[0][0])
        return [Measure("sum", found[0][1])]

    def successive_change(self) -> Plan:
        """ "year over year growth of revenue", "연도별 평균 거래가격의 전년 대비 변화율", "month-over-
        month change in arrivals": the measure per period, then each period's change from the one
        before (in percent when a rate is asked). With a superlative and a direction ("fell the
        most compared with the month before", "전월보다 가장 크게 늘어난 달") the period whose change
        went furthest that way; with a count of periods ("how many months saw a drop", "전달보다
        줄어든 달은 몇 번") the periods whose change went that way, counted (a composed plan). A
        superlative without a direction ("changed the most"), or the least, is declined."""
        from .parse import _time_word

        c, ctx = self.c, self.ctx
        column, part = c.successive
        change = "difference"
        directions = set()
        for j, m in enumerate(self.m):
            if m.has("change") and self.free(j):
                nxt = c.next_index(j, ())
                rate = _asks_rate(m)
                if nxt is not None and self.m[nxt].text in ("율", "률") and self.free(nxt):
                    rate = True
                    c.claim(nxt)
                change = "percent" if rate else change
                directions.add(m.get("change").key)
                c.claim(j)
        shares = [j for j, a in ctx.aggs if a == "share" and self.free(j)]
        if shares:
            change = "percent"  # "몇 % 늘었나", "in percent"
            c.claim(*shares)
        period = Grouping(column, part)
        noun = part or "year"
        if ctx.group is not None and ctx.group.column == column and ctx.group.bucket == "day" and part != "day":
            # "month over month ..., by order date": the words name the date column the periods
            # are of (of several), not a grouping by each of its days
            ctx.group = None
        if ctx.group is not None and ctx.group != period:
            self.decline(
                "I can give each period's change from the one before over all the rows, not for each group at once.",
                "직전 기간 대비 변화는 그룹별로 나누지 않고 기간별로만 구할 수 있습니다.",
            )
        for j, m in enumerate(self.m):
            if self.free(j) and m.has("bucket") and m.get("bucket").key == noun:
                c.claim(j)  # "연도별", "by year", "monthly"
        # the periods asked about ("in which month", "달은", "how many months"): the period's own word
        # (a word that also names the date column may be taken by it already: "달" of a column 월)
        asked_period = [
            j
            for j, m in enumerate(self.m)
            if (_time_word(m.text) == noun or _time_word(m.text.lower().rstrip("s")) == noun) and not m.has("value")
        ]
        sups = [x for x in self.superlatives() if x[2] is None]
        counts = [i for i, a in ctx.aggs if a in ("count", "records") and self.free(i)]
        direction = directions.pop() if len(directions) == 1 else None

        # the periods are counted when the count word is said of them ("how many months", "달은
        # 몇 번"); "the number of trips" is the measure, of which the period is picked
        def beside(i: int, step: int) -> int | None:
            j = i + step  # over fillers, particles and "모두" ("달은 모두 몇 번")
            while 0 <= j < len(self.m) and (
                self.m[j].roles <= {"filler", "particle"}
                or (self.m[j].has("agg") and self.m[j].get("agg").key == "sum")
            ):
                j += step
            return j if 0 <= j < len(self.m) else None

        counted = any(beside(i, 1) in asked_period or beside(i, -1) in asked_period for i in counts)
        if (sups or counted) and direction not in ("up", "down"):
            self.decline(
                "I can find the period that rose the most or fell the most from the one before; say "
                "which (a change either way has no single largest).",
                "직전 기간보다 가장 많이 늘어난 기간인지 줄어든 기간인지 말씀해 주세요.",
            )
        if sups and (len(sups) > 1 or sups[0][1] != "high" or counted):
            self.decline(
                "I can find the period with the largest rise or the largest fall from the one before.",
                "직전 기간 대비 가장 크게 늘어난 기간이나 가장 크게 줄어든 기간을 찾을 수 있습니다.",
            )
        c.claim(*[j for j in asked_period if self.free(j)])
        for _i, _d, _col, used in sups:
            c.claim(*used)
        if counted:
            c.claim(*counts)  # the periods are counted, not the rows
            for i in counts:  # "모두 몇 번": all told
                j = beside(i, -1)
                k = i - 1
                while j is not None and k > j:
                    if self.free(k) and self.m[k].has("agg"):
                        c.claim(k)
                    k -= 1
            counts = []
        measures = self.measures_with_aggs()
        if not measures:
            c.claim(*counts)
            measures = [Measure("count")]
        if len(measures) != 1 or measures[0].per or measures[0].agg == "range":
            self.decline(
                "I can give the change from the period before of one measure at a time.",
                "직전 기간 대비 변화는 한 번에 한 가지 값만 구할 수 있습니다.",
            )
        plan = Plan(
            "aggregate",
            c.lang,
            c.t.var,
            measures=measures,
            conditions=list(ctx.conditions),
            group=period,
            successive=change,
            chart="bar" if ctx.chart in (None, "any", "bar") else ctx.chart,
        )
        if sups:
            # the furthest rise is the largest change; the furthest fall the most negative
            plan.order = "asc" if direction == "down" else "desc"
            plan.superlative, plan.limit = True, 1
            plan.chart = None
        elif counted:
            outer = Plan("aggregate", c.lang, c.t.var, measures=[Measure("count")])
            outer.inner, outer.inner_use = plan, "count"
            outer.inner_test = ("<", 0.0) if direction == "down" else (">", 0.0)
            return outer
        return plan

    def grouped_change(self, plan: Plan, asked_change: str | None, sups: list) -> Plan:
        """ "which store's revenue fell the most from 2022 to 2023", "구별 평균 거래가격 변화": the
        measure per group on each side, its change per group (a − b, or in percent of b), and with
        a superlative the group whose change went furthest the way the question says (rose or
        fell). A superlative without that direction ("changed the most"), or "the least", is
        declined: it could mean either way."""
        c, ctx = self.c, self.ctx
        g = ctx.group
        if (
            plan.change == "ratio"
            or g.bucket in ("weekday", "month_of_year", "quarter_of_year")
            or any(g.column == k.column for side in plan.sides for k in side)
        ):
            self.decline(
                "I can give the change between two periods (or values) for each group as a difference "
                "or a percent change, with the groups on another column than the two sides.",
                "그룹별 변화는 두 기간(또는 두 값) 사이의 차이나 변화율로, 비교하는 열과 다른 열의 그룹마다 구할 수 있습니다.",
            )
        plan.kind = "aggregate"
        plan.group = g
        plan.superlative = False
        plan.chart = "bar" if ctx.chart in (None, "any", "bar") else ctx.chart
        if sups:
            _, direction, column, used = sups[0]
            if len(sups) > 1 or column is not None or direction != "high" or asked_change not in ("high", "low"):
                self.decline(
                    "I can name the group whose change went furthest when the question says which way "
                    "(rose or fell, increased or decreased) and asks for the most.",
                    "변화가 가장 큰 그룹은 어느 쪽(늘었는지 줄었는지)으로 가장 많이 변했는지 물을 때 알려 드릴 수 있습니다.",
                )
            c.claim(*used)
            plan.order = "desc" if asked_change == "high" else "asc"
            plan.superlative = True
            plan.rank = c.rank
            plan.limit = c.rank
            plan.asked = asked_change
        else:
            plan.order = "desc"
            plan.asked = asked_change
        return plan

    def share(self, shares: list[int]) -> Plan:
        c, ctx = self.c, self.ctx
        c.claim(*shares)
        # "차량 수 비율", "share of the number of rows": a share of counts is the share itself
        c.claim(
            *[
                i
                for i, a in ctx.aggs
                if a == "count"
                and self.free(i)
                and not any(
                    self.free(j) and self.m[j].has("column")
                    for j in (c.next_index(i, ("filler", "particle", "condition")),)
                    if j is not None
                )
            ]
        )
        day_column = self.days_counted()
        if day_column is not None:
            measure = Measure("nunique", day_column)
        else:
            measures = self.measures_with_aggs()
            if len(measures) > 1:
                self.decline(
                    "I can give the share of one thing at a time.", "한 번에 한 가지의 비율만 구할 수 있습니다."
                )
            measure = measures[0] if measures else Measure("count")
            if measure.column and measure.agg != "sum":
                measure = Measure("sum", measure.column)
            if measure.column and self.share_had_any(min(shares), measure.column):
                measure = Measure("count")
            if measure.column:
                self.share_predicate_amount(min(shares), measure.column)
        plan = Plan("share", c.lang, c.t.var, measures=[measure], group=ctx.group)
        conditions = list(ctx.conditions)
        positions = list(ctx.conditions.positions)
        # "what percentage of Japanese cars have 4 cylinders": before the verb is the base
        split = None
        base_after = False  # "share of children among survivors": the base is what follows "among"
        for j, m in enumerate(self.m):
            word = m.text.lower()
            among = m.text in ("중", "중에서", "가운데", "among") or word == "among"
            if among and any(p < j for p in positions) and any(p > j for p in positions):
                split = j  # "카카오페이 결제 건 중 골드 등급 비중": of the KakaoPay payments, gold members
                base_after = word == "among"
                break
            if (
                j > min(shares)
                and m.has("entity")
                and not (m.has("column") or m.has("value"))
                and any(p < j for p in positions)
                and any(p > j for p in positions)
            ):
                split = j  # "share of treated patients improved markedly": the rows' noun ends the base
                break
            # (a light verb says what is asked of the rows before it: "people with income over
            # 5000 chose charter" is of those people)
            verb = word in _SHARE_VERBS or (m.has("light_verbs") and not m.has("column"))
            if j > min(shares) and (verb or m.text in ("중", "중에서", "가운데")):
                if any(p < j for p in positions) and any(p > j for p in positions):
                    split = j
                    break
                if m.text in ("중", "중에서", "가운데") and any(p < j for p in positions):
                    split = j
                    break
        if split is None:
            split = self.predicate_of_share(min(shares), conditions, positions)
        if split is None and measure == Measure("count"):
            self.joint_share(min(shares), conditions, positions)  # (a share of days is of the days)
        if base_after:
            plan.base = [cond for cond, p in zip(conditions, positions) if p > split]
            plan.conditions = [cond for cond, p in zip(conditions, positions) if p < split]
        elif split is not None:  # the conditions from the split on are what the share is of
            plan.base = [cond for cond, p in zip(conditions, positions) if p < split]
            plan.conditions = [cond for cond, p in zip(conditions, positions) if p >= split]
        else:
            plan.conditions = conditions
        if not plan.conditions and (plan.group is None or measure.agg == "nunique"):
            self.decline(
                "A share needs a condition (the share of what?).",
                "비율을 구하려면 조건이 필요합니다 (무엇의 비율인가요?).",
            )
        if ctx.chart:
            plan.chart = ctx.chart if ctx.chart != "any" else ("pie" if plan.group else None)
        elif plan.group is not None:
            plan.chart = "bar"
        if plan.group is not None:
            plan.order = "desc"
        return plan

    def share_had_any(self, share: int, column: str) -> bool:
        """ "what share had an emergency room visit (emr)": after the share word, a verb of the
        rows (had, have) and "a", "an" or "any" before a column of whole numbers from 0 (a number of
        things each row has) ask for the rows with at least one: the condition column >= 1, the
        share of rows. False (nothing changed) otherwise."""
        c = self.c
        col = c.col(column)
        if not (col.numeric and col.integer and col.minimum is not None and float(col.minimum) == 0):
            return False
        named = [j for j in range(share + 1, len(self.m)) if column in c.columns_of(j)]
        if not named:
            return False
        first = named[0]
        article = first - 1
        if article <= share or self.m[article].text.lower() not in ("a", "an", "any"):
            return False
        verb = c.prev_index(article, ("filler", "particle"))
        if verb is None or verb <= share or self.m[verb].text.lower() not in ("have", "has", "had"):
            return False
        self.ctx.conditions.at = first
        self.ctx.conditions.append(Condition(column, ">=", 1))
        c.claim(*named)
        return True

    def share_predicate_amount(self, share: int, column: str) -> None:
        """ "what share of men agree" of a table counting answers (agree, disagree per group): the
        rows picked first and the amount named after them asks how much of those rows' own whole
        the amount is (the men who agree among all men), which the data holds only as other
        columns; the share of the amount's total from those rows ("what share of agree is from
        men", the amount named first) is a different question. Declined, saying what can be asked."""
        c = self.c
        positions = [p for p in self.ctx.conditions.positions if p is not None and p > share]
        named = [j for j in range(share + 1, len(self.m)) if column in c.columns_of(j)]
        # "of those ..., what share had an emergency room visit (emr)": the amount said after a
        # verb of the rows (had, were) is what those rows are asked to have, never the thing whose
        # total is shared ("what share of emr comes from ...")
        verb = bool(named) and any(self.m[j].text.lower() in _SHARE_VERBS[:7] for j in range(share + 1, min(named)))
        if not verb and (not positions or not named or min(named) < max(positions)):
            return
        self.decline(
            f"I can give the share of the total {column} that comes from those rows (ask “what share of "
            f"{column} comes from …”); a share of those rows' own whole needs the column of that whole.",
            f"{column} 전체 중 그 행들이 차지하는 비율은 구할 수 있습니다(“{column} 중 …의 비율”). 그 행들 자체의 "
            "전체에 대한 비율은 그 전체를 담은 열이 있어야 합니다.",
        )

    def joint_share(self, share: int, conditions: list, positions: list[int]) -> None:
        """ "what share of patients in the treated group improved markedly": conditions on two
        columns after the share, with nothing saying where the rows it is of end and what it
        asks of them begins, are the share of rows meeting both only when joined by "and" ("share
        of patients who are female and treated"); otherwise the first may be the base (the treated
        patients) and the rest what is asked of them. Declined, naming both readings."""
        after = sorted(((p, cond) for cond, p in zip(conditions, positions) if p > share), key=lambda pc: pc[0])
        if len({cond.column for _, cond in after}) < 2:
            return
        first, last = after[0][0], after[-1][0]
        joined = any(
            self.m[j].text.lower() in ("and", "&", "그리고", "및", "이고", "이면서", "하고", "both")
            for j in range(first + 1, last)
        )
        # (a verb before every condition makes them one predicate: "share of patients are treated women")
        verb = any(self.m[j].text.lower() in _SHARE_VERBS for j in range(share + 1, first))
        if joined or verb:
            return
        a, b = (condition_words(x[1], "en") for x in after[:2])
        ka, kb = (condition_words(x[1], "ko") for x in after[:2])
        self.decline(
            f"Do you mean the share of all rows where {a} and {b}, or, among the rows where {a}, the share "
            f"where {b}? Ask with “among” or “and”.",
            f"{ka}이면서 {kb}인 행이 전체에서 차지하는 비율인지, {ka}인 행 중에서 {kb}인 비율인지 알 수 "
            "없습니다. “중” 또는 “그리고”로 물어봐 주세요.",
        )

    def predicate_of_share(self, share: int, conditions: list, positions: list[int]) -> int | None:
        """ "what share of the children survived", "share of men in 1st class survived": a yes/no
        column named by its own word (a predicate: survived, smoker) said last, after the share and
        after other conditions, is what the share is of; the conditions before it are its base
        (the children, the men in 1st class). Its position, or None."""
        after = [(p, cond) for cond, p in zip(conditions, positions) if p > share]
        if len(after) < 2:
            return None
        last, cond = max(after, key=lambda pc: pc[0])
        m = self.m[last]
        if not m.has("boolcol") or m.get("boolcol").key != cond.column:
            return None
        if self.c.next_index(last, ("filler", "particle")) is not None:
            return None  # words follow the predicate: not a plain "share of A B"
        return last

    def days_counted(self) -> str | None:
        """ "percent of days with rain", "비가 온 날의 비율": a share whose unit is the day counts
        distinct days of the date column (a table of station-days holds several rows a day; on
        a table of one row a day it is the share of rows), the day word used. A day "with" an
        amount that is never negative ("days had rain", "비가 온 날": rain_mm) is a day on which
        some row's amount is above 0. None when no day word is asked or the dates are coarser
        than days (a monthly table has no days to count)."""
        c = self.c
        days = [
            i
            for i, m in enumerate(self.m)
            if self.free(i) and _day_word(m.text) and not m.has("value") and (m.has("entity") or m.has("column"))
        ]
        if len(days) != 1:
            return None
        column = c._date_column()
        if column is None or c.col(column).granularity not in (None, "day", "hour", "minute", "second"):
            return None
        self.days_without(column)
        c.claim(days[0])
        if not any(self.free(i) and a not in ("share", "count") for i, a in self.ctx.aggs):
            amounts = [(j, name) for j, name in self.column_measures() if holds_presence(c.col(name))]
            if len(amounts) == 1:
                j, name = amounts[0]
                self.ctx.conditions.at = j
                self.ctx.conditions.append(Condition(name, ">", 0))
                c.presences.add(name)
                c.claim(j)
        return column

    def days_without(self, column: str) -> None:
        """Days counted under an absence ("days without rain") over several rows a day: a day with a
        dry row may have had rain in another, and counting the days none of whose rows had any is
        not planned, so that is declined unless one thing is named (city = London)."""
        c = self.c
        if not c.absences or c.col(column).distinct >= c.t.rows or self._one_row_a_day(column):
            return
        amounts = ", ".join(sorted(c.absences))
        self.decline(
            f"This data has several rows a day, so a day with one row without {amounts} may have some in "
            "another; I cannot yet count the days with none in any row. Name one of the places (or things) "
            "the rows are about.",
            f"이 데이터는 하루에 여러 행이 있어, 한 행에 {amounts}이(가) 없어도 다른 행에는 있을 수 있습니다. 모든 "
            "행에 없는 날을 세는 것은 아직 못 합니다. 행이 가리키는 장소(또는 대상) 하나를 정해 물어 주세요.",
        )

    def _one_row_a_day(self, date: str) -> bool:
        """Whether the conditions keep one row a day: the rows are things by day and one thing is
        named (city = London)."""
        from .parse import _entity_periods

        keyed = _entity_periods(self.c.t)
        if keyed is None or keyed[1] != date:
            return False
        return any(k.column == keyed[0] and k.op == "==" for k in self.ctx.conditions)

    def flag_share(self) -> Plan:
        """ "on-time rate by carrier", "반품률 제일 높은 카테고리": the share of rows where a yes/no
        column is yes, among those where it is recorded (per group, and ranked if asked)."""
        c, ctx = self.c, self.ctx
        column, yes = c.flag_rate
        c.claim(*[i for i, a in ctx.aggs if a == "share" and self.free(i)])
        if ctx.group is None and c.rank_category is not None:
            i, category, among = c.rank_category  # "반품률 제일 높은 카테고리": ranked categories
            ctx.group = Grouping(category)
            c.claim(i, among)
        plan = Plan(
            "share",
            c.lang,
            c.t.var,
            measures=[Measure("count")],
            group=ctx.group,
            conditions=[Condition(column, "==", yes)],
            base=[*ctx.conditions, Condition(column, "notna", None)],
        )
        direction = None
        for i, m in enumerate(self.m):
            if not self.free(i):
                continue
            if m.has("evaluative"):
                better = {self.c.lex.concepts[k].get("better") for k in c.col(column).concepts} - {None}
                if len(better) != 1:
                    self.decline(
                        f"Whether a higher or a lower share of {column} = {yes} is “{m.text}” I cannot tell.",
                        f"{column} = {yes} 비율은 높은 쪽과 낮은 쪽 중 어느 쪽이 “{m.text}” 것인지 알 수 없습니다.",
                    )
                b = better.pop()
                direction = b if m.get("evaluative").key == "good" else ("low" if b == "high" else "high")
                c.claim(i)
            elif m.has("superlative") or m.has("superlative_marker"):
                d = (m.get("superlative") or m.get("superlative_marker")).key
                nxt = c.next_index(i, ("filler", "particle"))
                if d is None and nxt is not None and self.m[nxt].has("degree"):
                    d = self.m[nxt].get("degree").key
                    c.claim(nxt)
                if d in ("high", "low"):
                    direction = d
                    c.claim(i)
        if plan.group is not None:
            plan.order = "asc" if direction == "low" else "desc"
            plan.chart = "bar" if ctx.chart in (None, "any", "bar") else ctx.chart
            if direction is not None or ctx.limit:
                plan.limit = ctx.limit or 1
                plan.superlative = not ctx.limit
        elif direction is not None:
            self.decline(
                "The highest share of what? Ask it per group (for example “by carrier”).",
                "무엇별 비율이 가장 높은지 적어 주세요 (예: “운송사별”).",
            )
        return plan

    def aggregate_or_rows(self) -> Plan:
        c, ctx = self.c, self.ctx
        sups = self.superlatives()
        if ctx.group is None and c.rank_category is not None:
            # "판매량 상위 5개 모델", "가장 비싸게 거래된 단지": groups ranked by an amount or by an
            # explicit aggregation; otherwise the extreme rows, named by that column
            i, column, among = c.rank_category
            explicit = [a for j, a in ctx.aggs if self.free(j) and a not in ("share",)]
            by_adjective = [
                col
                for _, _, col, used in sups
                if col and any(self.m[u].has("adjective") for u in used) and not set(c.col(col).concepts) & {"sales"}
            ]
            measured = [col for _, _, col, _ in sups if col] + [name for j, name in self.column_measures()]
            additive = not by_adjective and any(c.additive(x) for x in measured)
            counted = any(a in ("count", "nunique") for a in explicit) or not measured
            if explicit or additive or counted:
                ctx.group = Grouping(column)
                c.which_group = True
                c.claim(i, among)
                return self.grouped(None, sups)
            self.label_override = column
            c.claim(i, among)
        if ctx.group is not None:
            return self.grouped(None, sups)
        limit_kind = getattr(c, "limit_kind", None)
        sort_by = getattr(c, "sort_by", None)
        firsts = [
            m.get("order").key
            for j, m in enumerate(self.m)
            if self.free(j) and m.has("order") and m.get("order").key in ("first", "last")
        ]
        if (limit_kind in ("first", "last") or firsts) and not ctx.limit and not sups and ctx.conditions and c.t.dates:
            return self.first_time(limit_kind if limit_kind in ("first", "last") else firsts[0])
        if sups or ctx.limit or sort_by or limit_kind:
            return self.rows(sups, limit_kind, sort_by)
        # scalar aggregates: "average price of cars with ...", "how many days had rain"
        counts = [(i, a) for i, a in ctx.aggs if a in ("count", "nunique") and self.free(i)]
        counts += [(i, "count") for i in self.quantity_words()]
        measures = []
        if counts:
            measures = self.counts(counts)
        measures += self.measures_with_aggs()
        measures = self.per_period(measures)
        if not measures:
            value = self.indicator_value()
            if value is not None:
                # "2021년 인천 경제활동인구는 얼마야?": the indicator's number, added up when it adds
                # up over the rows asked about, else the rows' numbers listed
                found = self.indicator_measure(None)
                if found is not None:
                    return Plan("aggregate", c.lang, c.t.var, measures=[found], conditions=list(ctx.conditions))
                return self.listing(columns=[value])
            if ctx.conditions:
                return self.listing()
            self.decline(
                "I could not find what to compute in the question.", "질문에서 무엇을 계산해야 할지 찾지 못했습니다."
            )
        explicit = any(not self.free(i) for i, _ in ctx.aggs) or any(m.per for m in measures)
        if (
            not explicit
            and all(m.column for m in measures)
            and len(measures) == 1
            and not _implied(self._measure_text(measures[0].column))
            and (self._list_asked() or not _implied_mean(self._measure_text(measures[0].column), measures[0].column))
        ):
            # a column named with no aggregation: an amount adds up ("2024년 1분기 판매량"),
            # other values are listed
            if ctx.conditions and c.additive(measures[0].column):
                return Plan(
                    "aggregate",
                    c.lang,
                    c.t.var,
                    measures=[Measure("sum", measures[0].column)],
                    conditions=list(ctx.conditions),
                )
            if ctx.conditions:
                return self.listing(columns=[measures[0].column])
            return self.distribution_of(measures[0].column)
        plan = Plan("aggregate", c.lang, c.t.var, measures=measures, conditions=list(ctx.conditions))
        if any(m.per for m in measures):
            plan.time_column = getattr(self, "per_time", None) or c._date_column()
        if ctx.chart:
            self.decline(
                "A single number makes no chart; ask for it per group (for example “by month”).",
                "숫자 하나로는 그래프를 그릴 수 없습니다. 그룹별로 물어봐 주세요 (예: “월별”).",
            )
        return plan

    def first_time(self, which: str) -> Plan:
        """ "when did MSFT first close above 30", "처음으로 눈이 온 날": the earliest (latest) date
        of the rows meeting the conditions."""
        c = self.c
        column = c._date_column()
        for j, m in enumerate(self.m):
            if self.free(j) and (m.has("order") or m.has("when")):
                c.claim(j)
            if self.free(j) and m.has("entity") and _is_time_word(m.text):
                c.claim(j)
        labels = [x for x in c.t.labels if x != column]
        return Plan(
            "rows",
            c.lang,
            c.t.var,
            measures=[Measure("min" if which == "first" else "max", column)],
            conditions=list(self.ctx.conditions),
            order="asc" if which == "first" else "desc",
            limit=1,
            labels=labels,
            columns=[column],
            superlative=True,
        )

    def _measure_text(self, column: str) -> str:
        for i, m in enumerate(self.m):
            if column in self.c.columns_of(i):
                return m.text
        return ""

    def counts(self, counts: list[tuple[int, str]]) -> list[Measure]:
        """how many (rows), how many different X, number of X."""
        c = self.c
        out = []
        # "how many ... in total", "총 몇 행": a total with nothing to add up is the count itself
        for j, a in self.ctx.aggs:
            if a == "sum" and self.free(j):
                nxt = c.next_index(j, ("filler", "particle", "condition"))
                prv = c.prev_index(j, ("filler", "particle"))
                if not any(x is not None and self.free(x) and c.columns_of(x, numeric=True) for x in (nxt, prv)):
                    c.claim(j)
        for i, agg in counts:
            c.claim(i)
            j = c.next_index(i, ("filler", "particle", "condition"))
            if j is not None and self.m[j].has("value") and not self.m[j].has("column"):
                # "how many Vietnamese residents": a value describing the column that counts them
                after = c.next_index(j, ("filler", "particle"))
                if (
                    after is not None
                    and self.free(after)
                    and any(c.counts(n) for n in c.columns_of(after, numeric=True))
                ):
                    j = after
            k = c.prev_index(i, ("filler", "particle"))
            # "회사는 모두 몇 개": the counted noun may stand before words already used (모두, 총)
            totals = []  # "입국자는 총 몇 명": 총 (a total) before the count asks the same number
            while (
                k is not None
                and k != i
                and not self.m[k].has("column")
                and (k in c.used or (self.m[k].has("agg") and self.m[k].get("agg").key == "sum"))
            ):
                if k not in c.used:
                    totals.append(k)
                k = c.prev_index(k, ("filler", "particle"))
            if not (k is not None and self.free(k) and self.m[k].has("column")):
                totals = []
            # "how many people got off", "내린 사람은 몇 명": people, counted by the column next to
            # the noun that counts them (하차인원), not rows
            j, k = (self._counted_people(x, +1 if x == j else -1) for x in (j, k))
            target = None
            for cand in [j, k] if c.lang != "ko" else [k, j]:
                if cand is not None and self.free(cand) and self.m[cand].has("column"):
                    table = c.names_table(cand)
                    if table:
                        c.claim(*table)  # "how many rows in the airline data": the table, not its column
                        continue
                    names = c.columns_of(cand)
                    if self.m[cand].has("entity") and all(n in c.t.labels and c.t.names_rows(n) for n in names):
                        c.claim(cand)  # "how many cars": rows, each named by its own label
                        continue
                    after = c.next_index(cand, ("filler", "particle"))
                    if (
                        agg == "count"
                        and after is not None
                        and any(s.key[0] in names for s in self.m[after].all("value"))
                        and any(k.column in names for k in self.ctx.conditions)
                    ):
                        # "how many voted no": the word names the column of the value after it
                        # (vote = N), the rows are counted, not the column's different values
                        c.claim(cand)
                        continue
                    target = cand
                    break
            if target is not None:
                pair = self.pair_noun(target)
                if pair is not None:
                    c.claim(*pair)  # "site-months": (site, month) pairs, one row each
                    out.append(Measure("count"))
                    continue
                column = c.one_column(target)
                col = c.col(column)
                if self.one_row_per_period(column):
                    c.claim(target)  # "how many quarters had ...": the periods (rows), never 1-4
                    out.append(Measure("count"))
                    continue
                if i not in c.record_counts and self._labels_asked(target, col):
                    c.claim(target, *totals)  # "how many broods", "BROOD는 모두 몇 개": its different numbers
                    out.append(Measure("nunique", column))
                    c.readings.append(
                        t(
                            c.lang,
                            f"“{self.m[target].text}” counted by the different values of {column}: each names one, "
                            "in several rows.",
                            f"“{self.m[target].text}”은(는) 서로 다른 {column} 값으로 셌습니다: 값 하나가 하나를 "
                            "가리키고 여러 행에 나옵니다.",
                        )
                    )
                    continue
                sold = _is_sold(self.m[target].text)
                if col.numeric and i not in c.record_counts and sold and set(col.concepts) & {"sales", "quantity"}:
                    c.claim(target)  # "how many cars were sold", "몇 대 팔렸어": the units sold add up
                    out.append(Measure("sum", column))
                    continue
                if (
                    col.numeric
                    and i not in c.record_counts
                    and (c.counts(column) or self.events_counted(target, column))
                ):
                    c.claim(target, *totals)  # "how many arrivals", "관광객 수": a column counting things adds up
                    # "how many bedrooms do houses have on average": the mean of the things a row has
                    means = [x for x, a in self.ctx.aggs if a == "mean" and self.free(x)]
                    c.claim(*means[:1])
                    out.append(Measure("mean" if means else "sum", column))
                    continue
                if col.is_date and agg == "count" and not _says_time(self.m[target].text):
                    # "몇 경기", "how many orders" where the word is only part of a date column's
                    # name (경기일자, order_date): the games are the rows, not their dates
                    c.claim(target)
                    out.append(Measure("count"))
                    continue
                if col.names_codes and not c.t.names_rows(column):
                    # "how many customers" of customer_id beside orders: the customers are the
                    # different ids, never the rows (each customer has many)
                    c.claim(target)
                    out.append(Measure("nunique", column))
                    continue
                if col.numeric and not col.categorical and agg != "nunique":
                    if c.lang == "ko" or self.m[target].has("entity"):
                        c.claim(target)  # "판매 건수": the rows of sales
                        out.append(Measure("count"))
                        continue
                    others = [a for x, a in self.ctx.aggs if self.free(x) and a not in ("count", "nunique", "share")]
                    if others:
                        continue  # "the average number of cylinders": the column itself
                    c.claim(target)
                    out.append(Measure("count", column))  # "how many prices": the values there are
                    continue
                if (
                    col.numeric
                    and agg != "nunique"
                    and not col.names_codes
                    and c.lang != "ko"
                    and not self.m[target].has("entity")
                    and any(self.free(x) and a in ("mean", "median") for x, a in self.ctx.aggs)
                ):
                    continue  # "the average number of doctor visits" (few values): the column itself
                c.claim(target)
                if col.numeric and agg != "nunique" and not col.names_codes:
                    out.append(Measure("count"))  # "판매 건수", "how many cylinders rows": rows
                    continue
                # "how many zip codes", "how many routes": numbers naming things, counted as names
                # "how many countries": the different values of a name column, however many rows
                # each has (a row count would count country-years)
                out.append(
                    Measure(
                        "nunique"
                        if (agg == "nunique" or col.categorical or not col.numeric or col.names_codes)
                        else "count",
                        column,
                    )
                )
            else:
                if agg == "nunique":
                    self.decline("Different values of which column?", "어느 열의 서로 다른 값인가요?")
                if agg == "count" and any(a == "nunique" for _, a in counts):
                    continue  # "서로 다른 호선은 몇 개": 몇 개 asks the number of different values
                if i not in c.record_counts and self.indicator_value() is not None:
                    # "2019년 서울 취업자 수", "how many jobs in December 2023": the number the
                    # indicator's rows hold, never how many rows there are
                    found = self.indicator_measure(None)
                    if found is None:
                        self.decline(
                            "That indicator's numbers do not add up over the rows asked about (a rate, or "
                            "several periods); name one period, or ask for an average.",
                            "그 항목의 값은 물어본 행들에 걸쳐 더할 수 없습니다 (비율이거나 여러 기간). 한 기간을 "
                            "정하거나 평균을 물어봐 주세요.",
                        )
                    out.append(found)
                    continue
                out.append(Measure("count"))
        return list(dict.fromkeys(out))

    def _counted_people(self, x: int | None, step: int) -> int | None:
        """The mention a count is of: `x`, or, when `x` is a noun for rows that names no column
        ("people", 사람), the column beyond it that counts such things (boardings, 하차인원)."""
        c = self.c
        if x is None or not self.m[x].has("entity") or self.m[x].has("column") or not self.free(x):
            return x
        y = (
            c.next_index(x, ("filler", "particle", "condition"))
            if step > 0
            else c.prev_index(x, ("filler", "particle"))
        )
        if (
            y is not None
            and self.free(y)
            and self.m[y].has("column")
            and any(c.counts(n) for n in c.columns_of(y, numeric=True))
        ):
            return y
        return x

    def distribution_of(self, column: str) -> Plan:
        c = self.c
        plan = Plan("distribution", c.lang, c.t.var, conditions=list(self.ctx.conditions), columns=[column])
        if c.col(column).numeric:
            plan.chart = "hist"
            return plan
        plan.kind = "aggregate"
        plan.measures = [Measure("count")]
        plan.group = Grouping(column)
        plan.order = "desc"
        plan.chart = "bar"
        return plan

    def listing(self, columns: list[str] | None = None) -> Plan:
        c = self.c
        # "list the occupations with income above 70": the rows listed, called by the column that
        # names each of them (as "countries" of a table of countries is)
        for j, m in enumerate(self.m):
            if self.free(j) and m.has("column") and not m.has("value"):
                names = c.columns_of(j)
                if names and all(n in c.t.labels and c.t.names_rows(n) for n in names):
                    c.claim(j)
        plan = Plan(
            "rows",
            c.lang,
            c.t.var,
            conditions=list(self.ctx.conditions),
            labels=list(c.t.labels),
            columns=columns or [],
        )
        if self.ctx.chart:
            self.decline(
                "I can list the matching rows, but not chart them without a measure.",
                "조건에 맞는 행은 보여 드릴 수 있지만, 측정값 없이 그래프는 그릴 수 없습니다.",
            )
        return plan

    def _ranked_totals(
        self, column: str, group: Grouping, direction: str, limit: int | None, superlative: bool = False, rank: int = 1
    ) -> Plan:
        """Groups ranked by their total of `column` (the measure words naming it are used)."""
        c, ctx = self.c, self.ctx
        for j, m in enumerate(self.m):
            if self.free(j) and m.has("column") and column in c.columns_of(j):
                c.claim(j)
        return Plan(
            "aggregate",
            c.lang,
            c.t.var,
            measures=[Measure("sum", column)],
            conditions=list(ctx.conditions),
            group=group,
            order="desc" if direction == "high" else "asc",
            limit=limit,
            superlative=superlative,
            rank=rank,
            chart="bar",
        )

    def _repeating_name(self) -> tuple[int, str] | None:
        """(mention, column) of the one column of names the question names whose names several
        rows share (customer_id of orders, a region; a few whole numbers naming things, the
        airlines 1-6 of a panel), if there is exactly one such mention."""
        c = self.c
        found = [
            (j, name)
            for j, name in self._single_columns()
            if (
                c.col(name).names_codes
                or not c.col(name).numeric
                or (c.col(name).few_whole_numbers and not c.col(name).yearlike)
            )
            and not c.col(name).is_date
            and not c.t.names_rows(name)
        ]
        return found[0] if len(found) == 1 else None

    def _single_columns(self, numeric: bool | None = None) -> list[tuple[int, str]]:
        """(mention, column) of the free mentions that name one column (of the kind `numeric`
        asks, as `columns_of` reads it) and no value."""
        c = self.c
        return [
            (j, names[0])
            for j, m in enumerate(self.m)
            if self.free(j)
            and m.has("column")
            and not m.has("value")
            and len(names := c.columns_of(j, numeric=numeric)) == 1
        ]

    def rows(self, sups, limit_kind, sort_by) -> Plan:
        c, ctx = self.c, self.ctx
        column = direction = None
        if sort_by is not None:
            column = sort_by[1]
            direction = "low" if limit_kind == "bottom" else "high"
        for i, d, col, used in sups:
            if col is None:
                col, j = self.bind_column(i, used)
                if col is None:
                    if self.m[i].has("superlative") and self.m[i].text.lower() in ("top", "bottom", "상위", "하위"):
                        c.claim(*used)
                        direction = direction or d
                        continue
                    if sort_by is not None and d in ("high", "low"):
                        # "the largest department by area", "the 3 smallest by area": the degree
                        # word ranks by the measure after "by", its way
                        c.claim(*used)
                        direction = d
                    continue
                used = used + [j]
            if column is not None and col != column:
                self.decline(
                    "You asked for the extreme of two different columns; ask one at a time.",
                    "서로 다른 두 열의 최댓값/최솟값을 한 번에 물으셨습니다. 하나씩 물어봐 주세요.",
                )
            column, direction = col, d
            c.claim(*used)
        if column is None and sups and self.indicator_value() is not None:
            # "highest unemployment rate" of a long table: the extreme of the indicator's numbers
            i, d, _, used = sups[0]
            column, direction = self.indicator_value(), d or "high"
            c.claim(*used)
        if column is None and limit_kind in ("top", "bottom"):
            # "마력 상위 5개", "top 10 by weight": the one numeric column named is ranked
            # (numbers that name things, customer_id, are what is ranked, never the measure)
            named = [
                (j, measured)
                for j, m in enumerate(self.m)
                if self.free(j)
                and m.has("column")
                and not m.has("value")
                and (measured := [n for n in c.columns_of(j, numeric=True) if not c.col(n).names_codes])
            ]
            if len(named) == 1:
                column = c.one_column(named[0][0], numeric=True)
                direction = "high" if limit_kind == "top" else "low"
                c.claim(named[0][0])
        if column is None and limit_kind in ("first", "last") and ctx.limit:
            plan = Plan(
                "head",
                c.lang,
                c.t.var,
                conditions=list(ctx.conditions),
                limit=ctx.limit,
                order="asc" if limit_kind == "first" else "desc",
            )
            return plan
        if column is None:
            counts = [i for i, a in ctx.aggs if a == "count" and self.free(i)]
            self.decline(
                "I could not tell which column to rank the rows by.", "무엇을 기준으로 순위를 매길지 알 수 없습니다."
            ) if not counts else None
            self.decline(
                "Counting needs groups to rank (for example “which region has the most rows”).",
                "개수로 순위를 매기려면 그룹이 필요합니다 (예: “행이 가장 많은 지역”).",
            )
        explicit = [(i, a) for i, a in ctx.aggs if self.free(i)]
        for i, a in explicit:
            if a in ("max", "min"):
                c.claim(i)  # "the maximum price": the extreme row
            elif c.agg_in_name(i) == column:
                c.claim(i)  # "top 5 districts by average income": avginc, each district's own average
            elif (
                a == "sum"
                and ctx.limit
                and (owner := self._repeating_name()) is not None
                and self.adds_up(column, said=True)
            ):
                # "top 5 customers by total sales", "고객별 총 매출 상위 5": the things a name
                # several rows share, ranked by their totals
                c.claim(i, owner[0])
                return self._ranked_totals(column, Grouping(owner[1]), direction, limit=ctx.limit)
            else:
                self.decline(
                    "An average (or total) of the highest row makes no sense without groups; "
                    "ask for it per group (for example “which brand has the highest average price”).",
                    "그룹 없이 평균이나 합계의 최댓값은 구할 수 없습니다. 그룹별로 물어봐 주세요 "
                    "(예: “평균 가격이 가장 높은 브랜드”).",
                )
        labels = list(c.t.labels)
        # a column of names asked for ("단지 이름"), or the year of a table of one row a year
        # ("사망자가 가장 많았던 해", "the year with the most deaths": the row, by its year)
        named = [
            j
            for j, m in enumerate(self.m)
            if self.free(j)
            and m.has("column")
            and not m.has("value")
            and (
                # (numbers that name things are names too: customer_id, store_no)
                all(c.col(n).names_codes for n in c.columns_of(j, numeric=True))
                or (len(years := c.columns_of(j)) == 1 and c.col(years[0]).yearlike and c.t.names_rows(years[0]))
            )
        ]
        if getattr(self, "label_override", None):
            labels = [c.t.label_for(self.label_override)]
        elif named:
            # "단지 이름", "3개 이름"; a column of month names beside a date column stands for the
            # date ("which month": Sep 1855, never Sep of any year)
            labels = list(dict.fromkeys(c.t.label_for(c.one_column(j)) for j in named))
            c.claim(*named)
        whens = [i for i, m in enumerate(self.m) if self.free(i) and m.has("when")]
        if whens and c.t.dates:
            labels = [c.t.dates[0].name] + [x for x in labels if x != c.t.dates[0].name]
            c.claim(*whens)
        elif whens and c.t.wide_period is not None:  # "언제", "when": the period of a column per period
            labels = [c.t.wide_period]
            c.claim(*whens)
        from .parse import _time_word

        days = [
            j
            for j, m in enumerate(self.m)
            if not m.has("value")
            and (
                (self.free(j) and _time_word(m.text) == "day")
                or (m.has("when") and m.text.lower().endswith(("day", "date", "날", "날짜")))
            )
        ]
        if days and column is not None and len(c.t.dates) == 1 and self.adds_up(column):
            # "the day with the most patients" where each day has several rows (one per clinic and
            # department): the day's total, never one (clinic, day) row
            day = c.t.dates[0].name
            if not c.t.names_rows(day):
                c.claim(*days)
                return self._ranked_totals(
                    column,
                    Grouping(day, "day"),
                    direction,
                    limit=max(ctx.limit or 1, c.rank),
                    superlative=not ctx.limit,
                    rank=c.rank if not ctx.limit else 1,
                )
        period = c.t.wide_period
        fixed = {k.column for k in ctx.conditions if k.op == "==" and not isinstance(k.value, (list, tuple))}
        others = [x.name for x in c.t.columns if x.name != period and not x.numeric]
        if labels == [period] and column is not None and not any(k <= fixed for k in c.t.wide_keys):
            # "the month with the most exports" of a table with a column per month (one row per
            # item and month): the month's total over the items, never one item's month
            if self.adds_up(column) and c.col(period).distinct < c.t.rows:
                return self._ranked_totals(
                    column,
                    Grouping(period),
                    direction,
                    limit=max(ctx.limit or 1, c.rank),
                    superlative=not ctx.limit,
                    rank=c.rank if not ctx.limit else 1,
                )
            self.decline(
                f"Each {period} has one value of {column} per {', '.join(others)}; name one, or ask for "
                "their total or average per period.",
                f"{period}마다 {', '.join(others)}별로 {column} 값이 하나씩 있습니다. 하나를 정하거나 기간별 "
                "합계나 평균을 물어봐 주세요.",
            )
        if (
            named
            and ctx.limit
            and ctx.limit > 1
            and len(labels) == 1
            and self.adds_up(column)
            and c.col(labels[0]).distinct < c.t.rows
        ):
            # "top 5 customers by sales": a name several rows share is ranked by its total, never
            # by its single largest row
            return self._ranked_totals(column, Grouping(labels[0]), direction, limit=ctx.limit)
        # "top 3 stations by the highest pm25": a noun for the things a repeating label names
        # asks for things, each listed once at its own extreme, never the same one twice
        override = getattr(self, "label_override", None)
        things = (
            len(labels) == 1
            and not c.t.names_rows(labels[0])
            and (
                override is not None
                or any(
                    m.has("entity") and m.has("column") and not m.has("value") and labels[0] in c.columns_of(j)
                    for j, m in enumerate(self.m)
                )
            )
        )
        plan = Plan(
            "rows",
            c.lang,
            c.t.var,
            measures=[Measure("max" if direction == "high" else "min", column)],
            conditions=list(ctx.conditions),
            order="desc" if direction == "high" else "asc",
            limit=max(ctx.limit or 1, c.rank),
            labels=labels,
            columns=[column],
            superlative=not ctx.limit,
            rank=c.rank if not ctx.limit else 1,
            distinct_labels=((bool(named) and override is None) or things) and bool(ctx.limit),
        )
        for j, m in enumerate(self.m):
            if self.free(j) and m.has("column") and column in c.columns_of(j):
                c.claim(j)  # the ranked column named again
        if ctx.chart:
            plan.chart = "bar"
        elif ctx.limit and ctx.limit > 1:
            plan.chart = "bar"
        return plan

    def grouped(self, measures: list[tuple[int, str]] | None, sups) -> Plan:
        c, ctx = self.c, self.ctx
        group = ctx.group
        if c.common is not None:
            # "the (second) most common species": rows counted per value
            plan = Plan(
                "aggregate",
                c.lang,
                c.t.var,
                measures=[Measure("count")],
                conditions=list(ctx.conditions),
                group=group,
                order="desc" if c.common == "high" else "asc",
                limit=c.rank,
                superlative=True,
                rank=c.rank,
                chart="bar",
            )
            for j, m in enumerate(self.m):
                if self.free(j) and m.has("column") and group.column in c.columns_of(j):
                    c.claim(j)
            for j, a in ctx.aggs:
                if a == "count" and self.free(j):
                    c.claim(j)
            return plan
        years = [x.name for x in c.t.columns if x.yearlike and x.name != group.column]
        # "which month has the highest AVERAGE deaths" over a month column beside years: a mean of
        # one month of one year is its one row, so the statistic is of the calendar month, every
        # year together (as "average by month" is), said so
        pooled = (
            sups
            and group.bucket is None
            and self.period_part(group.column)
            and len(years) == 1
            and c.col(years[0]).distinct > 1
            and any(a in ("mean", "median") for _, a in ctx.aggs)
            and not any(a in ("sum", "count", "records") for _, a in ctx.aggs)
        )
        if pooled:
            lo, hi = c.col(years[0]).minimum, c.col(years[0]).maximum
            c.readings.append(
                t(
                    c.lang,
                    f"“{group.column}”: each {group.column} of the year, every year together ({lo:.0f}–{hi:.0f}).",
                    f"“{group.column}”: 모든 연도를 합친 달력상의 {group.column}별로 계산했습니다 ({lo:.0f}–{hi:.0f}).",
                )
            )
        if (
            sups
            and not pooled
            and group.bucket is None
            and self.period_part(group.column)
            and (any(c.col(y).distinct > 1 for y in years) or not getattr(c, "which_group", False))
        ):
            # "which quarter had the highest unemployment" over a quarter column (1-4) beside a
            # year column: a quarter is a period (1975 Q2), not the same quarter of every year
            # pooled; with one row per period the extreme row names it, else ask. Without a year
            # of its own (airquality's Month, of one summer) each value is one period: the one
            # asked for ("which month") is ranked as the groups are
            part = c.col(group.column)
            if len(years) == 1 and c.t.rows <= c.col(years[0]).distinct * max(part.distinct, 1):
                ctx.group = None
                c.which_group = False
                for j, m in enumerate(self.m):
                    if self.free(j) and m.has("column") and group.column in c.columns_of(j):
                        c.claim(j)
                plan = self.rows(sups, getattr(c, "limit_kind", None), None)
                plan.labels = [years[0], group.column]
                return plan
            self.decline(
                f"Do you mean one {group.column} of one year, or the same {group.column} of every year "
                f"taken together? Ask “in which year and {group.column}” or “by {group.column} of the year”.",
                f"어느 한 해의 {group.column}인지, 모든 해의 같은 {group.column}을(를) 합친 것인지 알 수 없습니다. "
                f"“몇 년 몇 {group.column}” 또는 “{group.column}별”로 물어봐 주세요.",
            )
        direction = None
        sup_column = None
        by_quantity = False  # the extreme is said with a word of quantity ("the most", "가장 많은")
        which = getattr(c, "which_group", False)
        # "top 3 companies by the highest profit they made": a superlative after "by", with the
        # ranking said by another word, is what each group is ranked by: its own extreme
        extreme_agg: str | None = None
        if len(sups) > 1 or ctx.limit:
            for i, d, col, used in sups:
                b = c.prev_index(i, ("filler", "particle"))
                if (
                    b is not None
                    and self.free(b)
                    and self.m[b].has("group")
                    and self.m[b].text.lower() in ("by", "per")
                    and d in ("high", "low")
                ):
                    extreme_agg = "max" if d == "high" else "min"
                    c.claim(b, i)
                    sups = [x for x in sups if x[0] != i] + [(i, None, col, used)]
                    break
        for i, d, col, used in sups:
            if d is None:  # the groups' extreme (above): binds the column, sets no direction
                if col is None:
                    col, j = self.bind_column(i, used)
                    if col is not None:
                        used = used + [j]
                if col is None or (sup_column is not None and sup_column != col):
                    self.decline(
                        "Ranked by the highest or lowest of which column?", "어느 열의 최고/최저값으로 순위를 매길까요?"
                    )
                sup_column = col
                c.claim(*used)
                continue
            # "the busiest", "가장 한산한": a word of how many rows a group holds
            by_quantity = by_quantity or any(
                self.m[u].text.lower() in _QUANTITY_WORDS or self.m[u].has("busy") for u in used
            )
            if self.m[i].has("agg") and not which and not ctx.limit:
                continue  # "maximum wind per month": an aggregation per group, not a ranking
            if col is None:
                col, j = self.bind_column(i, used)
                if col is not None:
                    used = used + [j]
            if (
                col is not None
                and col == group.column
                and not measures
                and not any(
                    self.free(j)
                    and m.has("column")
                    and c.columns_of(j, numeric=True)
                    and group.column not in c.columns_of(j)
                    for j, m in enumerate(self.m)
                )
            ):
                # "what year is the newest car from": the extreme value of that column, not a group
                ctx.group = None
                c.which_group = False
                return self.rows(sups, getattr(c, "limit_kind", None), None)
            if col is not None and col == group.column:
                col = None
            direction = d
            if col is not None:
                if sup_column is not None and sup_column != col:
                    self.decline(
                        "You asked for the extreme of two different columns; ask one at a time.",
                        "서로 다른 두 열의 최댓값/최솟값을 한 번에 물으셨습니다. 하나씩 물어봐 주세요.",
                    )
                sup_column = col
            c.claim(*used)
        counts = [(i, a) for i, a in ctx.aggs if a in ("count", "nunique") and self.free(i)]
        counts += [(i, "count") for i in self.quantity_words()]
        out: list[Measure] = []
        if measures is not None:
            out = [Measure(self.default_agg(col), col) for _, col in measures]
            c.claim(*[j for j, _ in measures])
        else:
            if counts:
                out += [m for m in self.counts(counts) if m.column != group.column]
            out += self.measures_with_aggs()
            # "average number of workers per year by region": each group's totals per period
            out = self.per_period(out)
        if sup_column is not None and not any(m.column == sup_column for m in out):
            free = [(i, a) for i, a in ctx.aggs if self.free(i) and a not in ("count", "nunique", "share")]
            if extreme_agg is not None:
                if free:
                    self.decline(
                        "Rank the groups by the extreme or by the aggregation you named? Ask for one.",
                        "최고/최저값과 말씀하신 집계 중 무엇으로 순위를 매길까요? 하나만 물어봐 주세요.",
                    )
                agg = extreme_agg
            elif len(free) == 1:
                agg = free[0][1]
                c.claim(free[0][0])
            else:
                agg = self.default_agg(sup_column)
                if agg == "mean" and self._individuals_measured_again(group.column):
                    self.decline(
                        f"Each {group.column} has several rows of {sup_column}: rank them by which of its values, "
                        "its largest, its last or its average? Ask for one.",
                        f"{group.column}마다 {sup_column} 값이 여러 행에 있습니다: 가장 큰 값, 마지막 값, 평균 중 "
                        "무엇으로 순위를 매길까요? 하나로 물어봐 주세요.",
                    )
            out.append(Measure(agg, sup_column))
        sort_by = getattr(c, "sort_by", None)
        if sort_by is not None and not out and (direction is None and ctx.limit or direction in ("high", "low")):
            # "top 3 categories by revenue", "the largest region by area": the groups ranked by
            # what they add up to (or by the aggregation asked: "by average price"), never the
            # largest rows
            free = [(i, a) for i, a in ctx.aggs if self.free(i) and a not in ("count", "nunique", "share")]
            column = sort_by[1]
            if len(free) == 1:
                out = [Measure(free[0][1], column)]
                c.claim(free[0][0])
            elif not free and self.adds_up(column):
                out = [Measure("sum", column)]
            else:
                self.decline(
                    f"Rank the groups by which figure of {column}: its total, its average?",
                    f"{column}의 어떤 값으로 순위를 매길까요? 합계, 평균?",
                )
            c.sort_by = None
        if not out and (direction is not None or ctx.limit) and self.indicator_value() is not None:
            # "2023년 실업률이 가장 높은 시도", "고용률 상위 3개 시도": groups ranked by the
            # indicator's number (their total when it adds up, else their mean, each group one row
            # when the periods are pinned); a ranking over unpinned periods is not read
            found = self.indicator_measure(None)
            if found is None and self.indicator_pinned():
                found = Measure("mean", self.indicator_value())
            if found is not None:
                out = [found]
        if not out:
            if (
                direction is None
                and not ctx.aggs
                and not ctx.limit
                and ctx.chart is None
                and not getattr(c, "which_group", False)
                and not any(self.m[i].has("entity") for i in range(len(self.m)))
            ):
                self.decline(
                    "Grouped by what measure? Name a column to compute per group, or ask “how many”.",
                    "그룹별로 무엇을 계산할까요? 열 이름을 적거나 “몇 개”인지 물어봐 주세요.",
                )
            if direction is not None and not by_quantity and not ctx.aggs and not ctx.limit:
                # "the best on-time rate", "the highest": an extreme of something not understood,
                # never a count of rows in its place
                self.decline(
                    "I could not tell what to rank the groups by.", "무엇을 기준으로 순위를 매길지 알 수 없습니다."
                )
            out = [Measure("count")]
        if len(out) > 1 and (direction or ctx.limit):
            self.decline(
                "I can rank groups by one measure at a time.", "그룹 순위는 한 가지 값으로만 매길 수 있습니다."
            )
        plan = Plan("aggregate", c.lang, c.t.var, measures=out, conditions=list(ctx.conditions), group=group)
        if any(m.per for m in out):
            plan.time_column = getattr(self, "per_time", None) or c._date_column()
            if plan.time_column == group.column or len(out) > 1 or group.bucket is not None:
                self.decline(
                    "I can give a measure per period for each group of a column, one measure at a time.",
                    "기간별 값은 한 열의 그룹마다, 한 번에 한 가지 값만 구할 수 있습니다.",
                )
        # the grouping named again ("which species ... 종은?", "곳", "one")
        for j, m in enumerate(self.m):
            if self.free(j) and m.has("column") and group.column in c.columns_of(j) and not m.has("value"):
                c.claim(j)
        limit_kind = getattr(c, "limit_kind", None)
        ranking = [
            j
            for j, m in enumerate(self.m)
            if self.free(j) and m.has("order") and m.get("order").key in ("sort", "desc", "asc")
        ]
        if ranking and direction is None and not ctx.limit:
            # "구별 민원 건수 순위", "rank the agents by average csat", "건수 많은 순": every group,
            # ranked by its value (highest first, unless asked lowest first: "낮은 순", "ascending")
            keys = {self.m[j].get("order").key for j in ranking}
            if keys >= {"desc", "asc"}:
                self.decline("Highest first or lowest first?", "높은 순인가요, 낮은 순인가요?")
            plan.order = "asc" if "asc" in keys else "desc"
            c.claim(*ranking)
        if direction is not None:
            plan.order = "desc" if direction == "high" else "asc"
            plan.limit = ctx.limit or c.rank
            plan.superlative = not ctx.limit
            plan.rank = c.rank if not ctx.limit else 1
        elif ctx.limit:
            plan.order = "asc" if limit_kind == "bottom" else "desc"
            plan.limit = ctx.limit
        elif getattr(c, "which_group", False) and not ranking:
            self.decline(
                "Which one by what? Say what makes it stand out (for example “the highest average price”).",
                "무엇을 기준으로 고를까요? (예: “평균 가격이 가장 높은”)",
            )
        col = c.col(group.column)
        if plan.order is None and group.bucket is None and not (col.numeric or col.is_date or col.yearlike):
            plan.order = "desc"  # categories: highest first (times and numbers keep their own order)
        sort_by = getattr(c, "sort_by", None)
        if sort_by is not None:
            self.decline(
                "I can sort groups by what is computed for them, not by another column.",
                "그룹은 계산한 값으로만 정렬할 수 있습니다.",
            )
        time = group.bucket is not None or c.col(group.column).is_date or c.col(group.column).yearlike
        if ctx.chart in (None, "any"):
            if plan.limit == 1:
                plan.chart = None if ctx.chart is None else "bar"
            else:
                plan.chart = (
                    "line"
                    if time and not plan.limit and group.bucket not in ("weekday", "month_of_year", "quarter_of_year")
                    else "bar"
                )
        else:
            plan.chart = ctx.chart
        if ctx.chart is None and plan.limit == 1:
            plan.chart = "bar"  # the ranking the extreme comes from
        return plan


#: A comparison's complement: the rows of "the rest" (a row without a value is in neither).
#: The words a yes/no question opens with ("are faster computers more expensive?").
_YES_NO = frozenset(("are", "is", "do", "does", "did", "were", "was"))

_NEGATED = {">": "<=", ">=": "<", "<": ">=", "<=": ">"}


#: Share words that, between two values of one measure, ask for one over the other.
_RATIO_WORDS = ("비율", "ratio", "비")


def _percent_word(m: Mention) -> bool:
    """Whether a share word is a word of percent ("percent", "%", 퍼센트, 프로, "what percentage"), the
    unit a change can be asked in; "share", "proportion", "likely", 비율, 가능성 ask for a share of rows."""
    text = m.text.lower()
    return (
        "%" in text
        or any(w in text for w in ("percent", "퍼센", "프로", "pct"))
        or (m.has("units") and m.get("units").key == "percent")
    )


def _asks_rate(m: Mention) -> bool:
    """Whether a change word asks for it in percent ("growth", "growth rate", 증가율, 변화률)."""
    return m.text.endswith(("율", "률", "rate")) or m.text.lower() == "growth"


def _day_word(text: str) -> bool:
    """A word naming days as the things counted ("days", "날", "일수")."""
    return text.lower().strip() in ("day", "days", "날", "날들", "일수", "날수", "일자")


def month_readings(plan: Plan, table) -> None:
    """ "average in July", "7월 평균" without a year: over data of several years it is every July;
    the reply says so ("July of every year, 2019–2023"), and over one year which year it is."""
    from .wording import MONTHS

    for k in plan.conditions:
        if k.part != "month" or k.op not in ("==", "in"):
            continue
        if any(x.column == k.column and x.part in ("year", "date") for x in plan.conditions):
            continue
        try:
            column = table.column(k.column)
        except StopIteration:
            continue
        first, last = str(column.minimum or "")[:4], str(column.maximum or "")[:4]
        if not (first.isdigit() and last.isdigit()):
            continue
        months = [k.value] if k.op == "==" else list(k.value)
        en = " or ".join(MONTHS["en"][int(m) - 1] for m in months)
        ko = ", ".join(MONTHS["ko"][int(m) - 1] for m in months)
        if first != last:
            text = (
                f"{ko}: {first}–{last}년 매년의 {ko}"
                if plan.language == "ko"
                else f"{en}: {en} of every year, {first}–{last}"
            )
        else:
            text = (
                f"{ko}: {first}년 {ko} (데이터에 있는 유일한 해)"
                if plan.language == "ko"
                else f"{en}: {en} {first} (the data's only year)"
            )
        if text not in plan.readings:
            plan.readings.append(text)


def _date_pairs(table) -> list[tuple[str, str, frozenset[str]]]:
    """(actual, expected, what) pairs of date columns: a column whose name has a word of
    expectation (promised_ship_date, 배송예정일, due_date) and the one other date column named
    by the rest of its name (shipped_date, 배송일; ship_date for "promised" alone); `what` is the
    stem's words, their variants and lexicon concepts, to tell pairs apart by the question."""
    from .catalog import concepts_of
    from .text import variants

    lex = lexicon()
    marks = [name_keys(str(f)) for f in lex.data.get("expected_date", [])]
    dateish = {"date", "dt", "day", "time", "at", "on", "일", "일자", "날짜", "일시"}
    dates = [c for c in table.columns if c.is_date]

    def words(keys: tuple[str, ...]) -> tuple[str, ...]:
        joined = "".join(keys)
        if is_hangul(joined):
            for mark in sorted(("".join(m) for m in marks if is_hangul("".join(m))), key=len, reverse=True):
                joined = joined.replace(mark, " ")
            return tuple(w for w in joined.split() if w and w not in dateish)
        return tuple(k for k in keys if k not in dateish and (k,) not in marks)

    def tags(stem: tuple[str, ...]) -> frozenset[str]:
        out = set()
        for w in stem:
            out |= {w, *variants(w)}
        # "ship" of promised_ship_date: the concept whose word it begins (shipment; 출고 in Korean)
        for name, entry in lex.concepts.items():
            if any(len(w) >= 4 and w.isascii() and str(f).lower().startswith(w) for w in stem for f in entry["forms"]):
                out.add(name)
        return frozenset(out | set(concepts_of(stem)))

    pairs = []
    for e in dates:
        keys = e.base or e.keys
        joined = "".join(keys)
        marked = any(
            (m[0].isascii() and set(m) <= set(keys)) or (not m[0].isascii() and "".join(m) in joined)
            for m in marks
            if m
        )
        if not marked:
            continue
        stem = words(keys)
        found = []
        for a in dates:
            if a is e:
                continue
            other = words(a.base or a.keys)
            if any(any(m and set(m) <= set(a.keys) for m in marks) for _ in [0]):
                continue  # two expectations are no pair
            if not stem or tags(other) & tags(stem) or ("".join(other) and "".join(other) in joined):
                found.append(a.name)
        if len(found) > 1 and not stem:
            # due_date beside placed_date and delivered_date: the date something happened on
            done = {name_keys(str(f)) for f in lex.data.get("done_date", [])}
            found = [
                a
                for a in found
                if any(
                    (k[0].isascii() and set(k) <= set(table.column(a).keys))
                    or (not k[0].isascii() and "".join(k) in "".join(table.column(a).keys))
                    for k in done
                    if k
                )
            ]
        if len(found) == 1:
            pairs.append((found[0], e.name, tags(stem) | tags(words(table.column(found[0]).keys))))
        else:  # an expectation compared with what cannot be told: still a meaning of "late"
            pairs.append((None, e.name, tags(stem)))
    return pairs


def lateness(composer) -> None:
    """ "How many orders shipped late?", "늦게 배달된 주문", "percentage shipped on time": a date
    later than the date it was expected by (late), or not later (on time), over the pair of date
    columns the data has for it (`_date_pairs`); the question's other words pick the pair when
    there are two ("shipped" or "delivered"). Two pairs left, or none, and it declines."""
    from .catalog import concepts_of
    from .pairs import numeric_lateness
    from .parse import Declined
    from .plan import Condition
    from .text import variants

    for i, m in enumerate(composer.m):
        sense = m.get("lateness")
        if sense is None or i in composer.used or m.roles & {"column", "boolcol", "value"}:
            continue  # the data records it itself (a column "late", a status "Delayed")
        said = name_keys(m.text)
        if (
            said
            and said[0].isascii()
            and said not in {name_keys(str(f)) for forms in composer.lex.data["lateness"].values() for f in forms}
        ):
            continue  # "latest", "later": an order in time, not lateness
        pairs = _date_pairs(composer.t)
        if not pairs and numeric_lateness(composer, i, sense.key):
            continue
        if not pairs:
            raise Declined(
                f"“{m.text}” compares a date with the date it was due, and the data has no such pair of dates.",
                f"“{m.text}”은(는) 날짜를 예정된 날짜와 비교하는 말인데, 데이터에 그런 두 날짜 열이 없습니다.",
            )
        named: dict[int, set] = {}
        for j, x in enumerate(composer.m):
            if j == i or j in composer.used:
                continue
            said = set()
            for k in name_keys(x.text):
                said |= {k, *variants(k)}
            said |= set(concepts_of(name_keys(x.text))) | {s.key for s in x.all("concept")}
            for s in x.all("column"):
                said |= set(name_keys(s.key))
            hits = {p for p, pair in enumerate(pairs) if said & pair[2] and not said <= {"order", "orders"}}
            if hits:
                named[j] = hits
        chosen = set(range(len(pairs)))
        for hits in named.values():
            if hits & chosen:
                chosen &= hits
        if len(chosen) != 1 or pairs[next(iter(chosen))][0] is None:
            options = ", ".join(f"{a or '?'} after {e}" for a, e, _ in pairs)
            raise Declined(
                f"“{m.text}” could compare several pairs of dates ({options}); say which (for example "
                "“shipped late” or “delivered late”).",
                f"“{m.text}”은(는) 여러 날짜 쌍을 비교할 수 있습니다 ({options}). 어느 쪽인지 말해 주세요 "
                "(예: “출고가 늦은”, “배송이 늦은”).",
            )
        p = chosen.pop()
        actual, expected, _ = pairs[p]
        name = composer._derived_difference(actual, expected, "s")
        op = {"late": ">", "early": "<"}.get(sense.key, "<=")
        composer.ctx.conditions.at = i
        composer.ctx.conditions.append(Condition(name, op, 0))
        words = [j for j, hits in named.items() if p in hits and len(hits) < len(pairs)]
        for j in words:
            # "shipped" names the shipping (shipped_date), not its promise: a month asked with it
            # ("shipped late in July") is of that date
            x = composer.m[j]
            if any(s.role == "column" and s.key == actual for s in x.senses):
                x.senses = [s for s in x.senses if s.role != "column" or s.key == actual]
        composer.claim(i, *words)


#: words that name a time when part of a column's name or a question's word ("경기일", "order_date"):
#: the whole time words and the parts names abbreviate them to
_DATE_NAME_WORDS = frozenset(_TIME_WORDS) | frozenset(
    {"times", "when", "period", "periods", "dt", "일자", "일시", "년", "월", "시", "기간"}
)


def _says_time(text: str) -> bool:
    """Whether words of a question name a time ("days", "날짜", "경기일"), not only the thing a
    date column is the date of ("경기" of 경기일자)."""
    return bool(set(name_keys(text)) & _DATE_NAME_WORDS)


def _holds_shares(column: Column) -> bool:
    """A numeric column of shares: every value between 0 and 1 (a budget share, a rate as a
    fraction), or between 0 and 100 with a name that says percent."""
    if not column.numeric or column.minimum is None or column.maximum is None:
        return False
    low, high = float(column.minimum), float(column.maximum)
    if 0 <= low and high <= 1:
        return True
    named = set(column.keys) & {"pct", "percent", "percentage", "share", "rate", "%"}
    return bool(named) and 0 <= low and high <= 100
