"""The question planner: a question (English or Korean) becomes an explicit `Plan`.

`match.Reader` reads the question into mentions (columns, values, numbers, dates, words of the
lexicon). The `Composer` here assembles them into a plan in passes, each claiming the mentions it
uses: numbers and their units, dates, comparisons and ranges, values (with negation and "or"),
the groups to compare, grouping (by a column or a time bucket), measures and their aggregation,
superlatives, order and limit, and the chart. Then the honesty rule: every mention that carries
meaning must have been claimed; otherwise the analyst declines, saying what it understood and
which words it could not use. It never drops a condition or answers a neighbouring question.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from .catalog import (
    TEXT_PERIODS,
    Column,
    Table,
    _singular,
    holds_absence,
    holds_presence,
    period_candidates,
    record_word_set,
    table_name_words,
    text_period_start,
    words_of,
)
from .catalog import row_nouns as table_row_nouns
from .lexicon import joined_forms, lexicon
from .match import (
    DatePart,
    Mention,
    Number,
    Reader,
    Sense,
    ValueParts,
    bare_columns,
    concept_columns,
    counted_columns,
    name_keys,
    short_forms,
)
from .plan import BUCKETS, DURATION_SECONDS, PICKED, Condition, Grouping, Measure, Plan, quantile_of
from .text import irregular_plural, irregular_singular, is_hangul, language_of, normalize, particle, variants
from .wording import t

#: Words of grouping that never say "sorted by" ("by" may: "top 5 cars by horsepower").
_GROUP_ONLY = frozenset({"별", "per", "each", "for each", "for every", "every", "grouped by", "broken down by"})

#: Roles that may stay unused: they carry no condition, measure or grouping of their own.
_HARMLESS = {"filler", "particle", "condition", "entity", "range_join", "either"}
#: Words meaning "or": a condition joined with "or" must be claimed by a membership condition.
_OR_WORDS = {"or", "또는", "혹은", "이나", "나", "이거나", "거나", "either"}
_MONEY_SCALE = {"원": 1, "won": 1, "krw": 1, "₩": 1, "천원": 1_000, "만원": 10_000, "억원": 100_000_000}
_MASS_SCALE = {
    "g": 1,
    "그램": 1,
    "kg": 1000,
    "킬로그램": 1000,
    "킬로": 1000,
    "lb": 453.59237,
    "lbs": 453.59237,
    "pound": 453.59237,
    "pounds": 453.59237,
}
_LENGTH_SCALE = {
    "mm": 1,
    "밀리미터": 1,
    "cm": 10,
    "센티미터": 10,
    "m": 1000,
    "미터": 1000,
    "km": 1_000_000,
    "킬로미터": 1_000_000,
}
#: Durations in minutes: "1시간" against 이용시간(분) is 60, "90 seconds" against a column in
#: minutes 1.5.
_TIME_SCALE = {
    "초": 1 / 60,
    "sec": 1 / 60,
    "secs": 1 / 60,
    "second": 1 / 60,
    "seconds": 1 / 60,
    "분": 1,
    "min": 1,
    "mins": 1,
    "minute": 1,
    "minutes": 1,
    "시간": 60,
    "hr": 60,
    "hrs": 60,
    "hour": 60,
    "hours": 60,
}
#: Time units a column's name may end with (wait_minutes, duration_hours); "min" is left out
#: (temp_min is a minimum).
_NAMED_TIME_UNITS = ("minutes", "mins", "minute", "hours", "hrs", "hour", "seconds", "secs", "second")


def _time_unit_named(column: Column) -> str | None:
    """The unit of time a numeric column's name ends with ("wait_minutes": minutes), if any."""
    keys = column.keys
    if not column.numeric or not keys:
        return None
    if keys[-1] == "min" and len(keys) >= 2 and "duration" in column.concepts:
        return "min"  # duration_min: a duration in minutes (temp_min is a minimum)
    return keys[-1] if keys[-1] in _NAMED_TIME_UNITS else None


#: Nouns for people: a bare "over 40" about them is an age.
def _people_nouns() -> frozenset[str]:
    """Nouns for people, from the lexicon's kinds of rows (`entity_kinds`: every kind with the
    generic "person" in it: customers, patients, respondents, voters, players...), English ones
    with their plurals: "respondents under 30", "students between 18 and 22" are ages."""
    kinds = lexicon().data.get("entity_kinds") or {}
    words = {str(w) for forms in kinds.values() if "person" in forms for w in forms}
    plurals = {
        irregular_plural(w) or w + "s" for w in words if w.isascii() and w.isalpha() and not w.endswith(("s", "ff"))
    }
    return frozenset(words | plurals | {"persons"})


_PEOPLE = _people_nouns()


#: Particles that mark a noun's case or topic (해는, 해가, 해의): written right after a noun.
_CASE_PARTICLES = {"은", "는", "이", "가", "을", "를", "의", "도", "에", "와", "과"}
#: Words that put a year after them in time ("in 2021"), not a value of a column.
_IN_TIME = {"in", "during", "since", "until", "through", "throughout"}
#: A dash written between two words (a minus sign between two columns).
_DASHES = ("-", "−", "–")


def _sign_concept_columns(table: Table, text: str, negative: bool) -> list[str] | None:
    """The numeric columns a sign word that names its measure is about (적자, "loss-making":
    profit; 영하, "below freezing": temperature), those that can hold such values; None for a
    sign word that names no measure ("negative")."""
    lex = lexicon()
    keys = name_keys(text)
    for concept, forms in lex.data.get("sign_concepts", {}).items():
        if keys in {name_keys(f) for f in forms}:
            columns = [c for c in concept_columns(table, concept) if c.numeric]
            return [
                c.name
                for c in columns
                if not (negative and c.minimum is not None and float(c.minimum) >= 0)
                and not (not negative and c.maximum is not None and float(c.maximum) <= 0)
            ]
    return None


#: Words saying a column's thing is absent ("no airbags", "에어백 없는"), before or after its name:
#: the data's own value for none where it writes one, else an empty cell; and words saying the
#: cell itself is empty ("missing price", "가격이 누락된").
_ABSENT_BEFORE = ("no", "without")
_ABSENT_AFTER = ("없는", "없음")
_MISSING_BEFORE = ("missing", "lacking")
_MISSING_AFTER = ("누락된", "빠진", "missing")


def _none_value(column: Column) -> Any:
    """The value a text column writes for none of its thing ("None" of Cars93's AirBags, read as
    a value: `ingest.types.MISSING_WORDS`), or None."""
    if column.numeric or column.is_date:
        return None
    return next((v for v in column.values if isinstance(v, str) and v.strip().lower() in ("none", "nil")), None)


#: Words before a yes/no column's own word that say its true side: "with a garage", "has a
#: garage"; "children who survived", "students that smoke" (a relative clause whose verb it is).
_HAS_OR_WHO = ("with", "has", "have", "having", "had", "who", "that")


#: What names a period ("day of the week", "month", 요일): after a word of busyness ("slowest"),
#: the period the fewest rows fall in, not a speed.
_PERIOD_ROLES = frozenset(("bucket", "date_units", "weekdays", "months", "daytime", "seasons", "quarters"))
_PERIOD_CONCEPTS = frozenset(("weekday", "month", "date", "year"))

#: Question words that, before a dimension's adjective, ask for the measure ("how tall").
_HOW = frozenset({"how", "얼마나", "얼마만큼"})


class Declined(Exception):
    """The question cannot be planned; `problem` says why, in the question's language."""

    def __init__(self, problem_en: str, problem_ko: str):
        super().__init__(problem_en)
        self.en = problem_en
        self.ko = problem_ko


#: Pronouns that stand for a column named before ("when it was below 5%").
_PRONOUNS = ("it", "they")

#: Possessives before a decade that make it an age ("in their 40s", "in her 30s").
_POSSESSIVES = ("their", "his", "her")


@dataclass
class _Num:
    index: int  # mention index of the number
    span: list[int]  # mention indexes it covers (number, multiplier, unit)
    number: Number | None = None
    date: DatePart | None = None


class _Conditions(list):
    """Conditions, each remembering where in the question it was said (`positions`)."""

    def __init__(self) -> None:
        super().__init__()
        self.positions: list[int] = []
        self.at = 0

    def append(self, condition: Condition) -> None:  # type: ignore[override]
        super().append(condition)
        self.positions.append(self.at)


@dataclass
class _Ctx:
    conditions: _Conditions = field(default_factory=_Conditions)
    measures: list[Measure] = field(default_factory=list)
    group: Grouping | None = None
    order: str | None = None
    limit: int | None = None
    superlative: bool = False
    chart: str | None = None
    sides: list[list[Condition]] = field(default_factory=list)
    measure_columns: list[tuple[int, str]] = field(default_factory=list)  # (mention, column)
    aggs: list[tuple[int, str]] = field(default_factory=list)  # (mention, agg)


class Composer:
    """Builds one plan from the mentions of one question."""

    def __init__(self, table: Table, mentions: list[Mention], question: str, tokens: list | None = None):
        self.tokens = tokens or []
        self._weeks: set[int] = set()  # numbers read as weeks of a measure ("26주를 초과한")
        self.t = table
        self.m = mentions
        self.q = question
        self.lang = language_of(question)
        self.used: set[int] = set()
        self._told: dict[tuple[int, tuple[str, ...]], str] = {}  # `_narrowed`'s choices, once made
        self.ctx = _Ctx()
        self.rank_category: tuple[int, str, int | None] | None = None
        self.which_group = False
        self.limit_kind: str | None = None
        self.sort_by: tuple[int, str] | None = None
        self.common: str | None = None  # a frequency ranking ("most common"): "high" or "low"
        self.per: tuple[int, str] | None = None  # "average daily X": the mention and the period
        # "daily" describing rows that are one per thing and day: (the thing's column, the period,
        # the word)
        self.panel_period: tuple[str, str, str] | None = None
        self.record_counts: set[int] = set()  # count words that count records, not units
        self.counted = counted_columns(mentions, table)  # "number of flights": numbers that add up
        self.rank = 1  # "the second most common": 2
        self.date_sides = False  # the sides are two periods of a change ("from 1952 to 2007")
        # each year's change from the year before ("year over year growth"): (column, part)
        self.successive: tuple[str, str | None] | None = None
        self.flag_rate: tuple[str, Any] | None = None  # "return rate": (yes/no column, its yes value)
        # "returned orders", "not returned": the conditions read from yes/no columns (`_flags`)
        self.flag_conditions: list[Condition] = []
        self._flag_at: list[tuple[int, Condition]] = []  # (mention, condition) of each flag read
        # "among states with at least 50 shipments": (group column, op, number of rows)
        self.having: tuple[str, str, float] | None = None
        # "temp_max minus temp_min", "A에서 B를 뺀 값": per-row differences, name -> (a, "-", b)
        self.derived: dict[str, tuple[str, str, str]] = {}
        # how words without a fixed meaning were read, stated in the reply ("evening = 18:00–21:59")
        self.readings: list[str] = []
        self.absences: set[str] = set()  # amounts read as none (0): "days without rain"
        self.presences: set[str] = set()  # amounts read as some (> 0): "days had rain"
        self.difference_words: dict[int, int] = {}  # words of a per-row difference -> its column's word
        self.lex = lexicon()
        self.period_asked: Measure | None = None  # "the earliest date in the data": min of the date

    # --- helpers ------------------------------------------------------------------------------

    def col(self, name: str) -> Column:
        return self.t.column(name)

    def claim(self, *indexes: int) -> None:
        self.used.update(i for i in indexes if i is not None)

    def roles(self, i: int) -> set[str]:
        return self.m[i].roles if 0 <= i < len(self.m) else set()

    def is_skippable(self, i: int, also: tuple[str, ...] = ()) -> bool:
        """Words that may stand between two parts of one construction."""
        roles = self.roles(i)
        if not roles:
            return False
        content = roles - {"filler", "particle", *also}
        return not content or (roles <= {"filler", "particle", "condition", *also})

    def names_table(self, i: int) -> list[int]:
        """The mentions from `i` that name the table itself, its own name and a word for a table
        ("the airline data", "airline 데이터", "the airline table" of airline.csv), or none: a
        column of the same name is not what such words are about ("how many rows in the airline
        data" counts the rows, never the different airline values)."""
        records = record_word_set()
        name = table_name_words(self.t)
        words = words_of(self.m[i].text)
        if not name or not words:
            return []
        if words[-1] in records:
            return [i] if tuple(words[:-1]) == name else []
        j = i + 1
        after = words_of(self.m[j].text) if j < len(self.m) else []
        if tuple(words) == name and len(after) == 1 and after[0] in records:
            return [i, j]
        return []

    def next_index(self, i: int, skip: tuple[str, ...] = ("filler", "particle")) -> int | None:
        j = i + 1
        while j < len(self.m) and self.roles(j) and self.roles(j) <= set(skip):
            j += 1
        return j if j < len(self.m) else None

    def _relative_pronoun(self, i: int) -> bool:
        """An English "who", "which" or "that" right after the thing it tells of ("women who
        voted", "people who earn over 50k", "cars which have a turbo"): it begins a condition on
        those rows, asking nothing; a question's own "which" begins its clause ("which state ...",
        "in which year ...")."""
        if self.m[i].text.lower() not in ("who", "whom", "which", "that"):
            return False
        j = i - 1
        if j < 0:
            return False
        before = self.m[j]
        return bool(before.roles & {"column", "value", "entity", "concept"}) and not before.has("which")

    def prev_index(self, i: int, skip: tuple[str, ...] = ("filler", "particle")) -> int | None:
        j = i - 1
        while j >= 0 and self.roles(j) and self.roles(j) <= set(skip):
            j -= 1
        return j if j >= 0 else None

    def columns_of(self, i: int, *, numeric: bool | None = None, categorical: bool | None = None) -> list[str]:
        """The columns a mention may name, best first (ties kept). Of a kind asked, only those
        as good as the mention's best reading: "per borrower" names borrower_id, not the weaker
        borrower_age because a number is wanted there."""
        senses = sorted(self.m[i].all("column"), key=lambda s: -s.quality)
        best = senses[0].quality if senses else 0.0
        out = []
        for s in senses:
            if (numeric is not None or categorical is not None) and s.quality < best - 1e-9:
                continue
            c = self.col(s.key)
            if numeric is True and not c.numeric:
                continue
            if numeric is False and c.numeric:
                continue
            if categorical is True and not c.categorical:
                continue
            out.append(s.key)
        return list(dict.fromkeys(out))

    def agg_in_name(self, i: int) -> str | None:
        """The column whose name begins with the statistic word i says, when i is said right
        before the words that name that column: "average income" of avginc, "평균 연봉" of
        avgsalary, "total spending" of tot_spend, "total citations" of citestot. Such a column holds the statistic already
        (one district's average income), so the word may be the start of its name rather than
        a statistic of the rows; a plan that computes no such statistic reads it so."""
        if self.roles(i) != {"agg"} or i + 1 >= len(self.m):
            return None
        named = self.columns_of(i + 1)
        if len(named) != 1 or self.m[i + 1].has("value"):
            return None
        key = self.m[i].get("agg").key
        forms = {f.lower() for f in self.lex.forms("agg", key) if f.isascii() and f.isalpha()}
        forms |= {s for f in list(forms) for s in short_forms().get(f, ())}
        keys = self.col(named[0]).keys
        first = keys[0].lower() if keys else ""
        if len(keys) > 1 and (first in forms or keys[-1].lower() in forms):
            return named[0]  # avg_price, total_sales, sales_total
        # a name run together (avgprs, totday; citestot): a form of three letters or more, before
        # or after more of it
        if len(keys) == 1 and any(
            len(f) >= 3 and (first.startswith(f) or first.endswith(f)) and len(first) - len(f) >= 2 for f in forms
        ):
            return named[0]
        return None

    def one_column(self, i: int, **kinds: Any) -> str | None:
        """The column a mention names, if it names exactly one (of the kind asked)."""
        senses = [s for s in self.m[i].all("column") if s.key in self.columns_of(i, **kinds)]
        if not senses:
            return None
        best = max(s.quality for s in senses)
        top = list(dict.fromkeys(s.key for s in senses if s.quality >= best - 1e-9))
        if len(top) == 1:
            return top[0]
        narrowed = self._narrowed(i, top)
        if narrowed is not None:
            return narrowed
        raise Declined(
            f"“{self.m[i].text}” could mean several columns: {', '.join(top)}. Name the one you mean.",
            f"“{self.m[i].text}”은(는) 여러 열을 가리킬 수 있습니다: {', '.join(top)}. 원하는 열 이름을 적어 주세요.",
        )

    def _narrowed(self, i: int, names: list[str]) -> str | None:
        """Of the columns a mention may name, the one another word of the question names too,
        where that word is the part of the names that tells them apart: "sales ... in 2021" of
        sales_2021, sales_2022, sales_2023; "2023년 매출" of sales_2023 beside stores_2023; a year
        said in full of the wave it names ("league in 1987" of league87: `Column.name_year`,
        read with every column of that wave it tells apart). That word is used (claimed) by the
        column when that is all it says; a word naming none or several leaves the choice open."""
        if (i, tuple(names)) in self._told:  # asked again after its telling word was claimed
            return self._told[(i, tuple(names))]
        found: list[tuple[int, str]] = []
        for j, m in enumerate(self.m):
            if j == i:
                continue
            said = {int(y) for y in re.findall(r"\b\d{4}\b", m.text)}
            wave = {n for n in names if self.col(n).name_year in said}
            among = {s.key for s in m.all("column")} & set(names) if j not in self.used else set()
            if not among and j in self.used and self._beside(i, j):
                # "price of nabisco", "nabisco 가격의": the word beside the mention was read as a
                # value (choice = nabisco) before it was seen to tell the names apart; it is the
                # name's own word, and that condition is dropped (`_value_said_as_name`)
                own = {s.key for s in m.all("column")} & set(names)
                if len(own) == 1 and self._value_said_as_name(j):
                    among = own
            if not among:
                among = wave
            if len(among) == 1:
                found.append((j, next(iter(among))))
        if len({name for _, name in found}) != 1:
            return None
        # (the telling word is used by the column when that is all it names: "2021" of sales_2021;
        # a word that names a column of its own, "1987 salary", is still read as that; said right
        # beside the mention, "nabisco 가격" of price.nabisco, it is the name's own word, never a
        # value of another column too: choice = nabisco would answer another question)
        self.claim(
            *(
                j
                for j, _ in found
                if self.m[j].has("num") or {s.key for s in self.m[j].all("column")} <= set(names) or self._beside(i, j)
            )
        )
        self._told[(i, tuple(names))] = found[0][1]
        return found[0][1]

    def _beside(self, i: int, j: int) -> bool:
        """Whether mentions i and j are said together, only particles or filler ("of") between."""
        a, b = sorted((i, j))
        return all(
            self.m[k].roles <= {"particle", "filler"} or self.m[k].text.lower() in ("of", "의") for k in range(a + 1, b)
        )

    def _value_said_as_name(self, j: int) -> bool:
        """Drops the one condition mention j made as a value of a column (its only use so far),
        for j to be read as part of a column's name instead; False when j made none or more."""
        conditions = self.ctx.conditions
        at = [n for n, p in enumerate(conditions.positions) if p == j]
        values = {s.key[0] for s in self.m[j].all("value")}
        if len(at) != 1 or getattr(conditions[at[0]], "column", None) not in values:
            return False
        del conditions[at[0]]
        del conditions.positions[at[0]]
        return True

    def unit_columns(self, number: Number) -> list[str]:
        """Columns a number's unit points to (만원 -> the columns priced in 만원 or money)."""
        if not number.unit:
            return []
        unit_text = normalize(number.unit_text or "")
        numeric = [c for c in self.t.columns if c.numeric]
        same = [c.name for c in numeric if c.unit and normalize(c.unit) == unit_text]
        money = self.currency(unit_text) if number.unit == "money" else None
        if money is not None:
            # an amount in a currency: every column of amounts in it, at any scale (20만원 may be
            # about 관리비 in 원 though 매매가 is in 만원), the column named or the values decide
            same = [c.name for c in numeric if c.unit and self.currency(normalize(c.unit)) == money] or same
        if same:
            return same
        concept = {
            "money": ("price", "money", "salary"),
            "age": ("age",),
            "floor": ("floor",),
            "cylinders": ("cylinders",),
            "transmission": ("transmission",),  # 5-speed, 5단: the number of gears
            "area": ("area",),
            "mass": ("weight",),
            "length": ("length", "distance"),  # 5 miles, 3 km: a length or a distance
            "speed": ("speed", "wind"),
            "temperature": ("temperature", "temp_max", "temp_min"),
        }.get(number.unit, ())
        if number.unit == "money":
            priced = [c.name for c in numeric if c.unit and normalize(c.unit) in _MONEY_SCALE]
            if priced:
                return priced
        return [c.name for c in numeric if set(c.concepts) & set(concept)]

    def currency(self, unit: str) -> str | None:
        """The currency a unit is written in (the lexicon's `currencies`): "$", "달러" -> usd."""
        for code, forms in self.lex.data["currencies"].items():
            if unit in {normalize(str(f)) for f in forms}:
                return code
        return None

    def convert(self, number: Number, column: str) -> float:
        """The number in the column's unit (3억 against 가격(만원) is 30,000)."""
        value = number.value
        unit = normalize(self.col(column).unit or "")
        written = (number.unit_text or "").lower()
        if self._metres_not_millions(number, column):
            return value / number.scale
        if number.unit == "money" and self.currency(normalize(written)) not in (None, self.currency(unit) or None):
            if self.currency(unit) is not None:
                raise Declined(
                    f"“{number.text}” is in another currency than {column} ({self.col(column).unit}).",
                    f"“{number.text}”은(는) {column}의 통화({self.col(column).unit})와 다른 통화입니다.",
                )
        if number.unit == "money" and unit in _MONEY_SCALE:
            return value * _MONEY_SCALE.get(written, 1) / _MONEY_SCALE[unit] if written else value
        if number.unit == "money" and not unit and _MONEY_SCALE.get(written, 1) != 1:
            return self._in_won(number, column)
        if number.unit is None and number.scale != 1.0 and unit in _MONEY_SCALE:
            return value / _MONEY_SCALE[unit]  # "10억 이상" against 거래금액(만원): an amount in won
        for table in (_MASS_SCALE, _LENGTH_SCALE, _TIME_SCALE):
            if unit in table and written in table:
                return value * table[written] / table[unit]
        named = _time_unit_named(self.col(column))
        if not unit and named is not None and written in _TIME_SCALE:
            # "over 2 hours" against wait_minutes: the name's last word is its unit of time
            return value * _TIME_SCALE[written] / _TIME_SCALE[named]
        if not unit and written in _TIME_SCALE and not self._names_its_unit(number, column):
            # "over 2 hours" against a duration whose unit nothing says: 2 of what?
            raise Declined(
                f"I cannot tell which unit of time {column} is in, so I cannot compare it with “{number.text}”.",
                f"{column}이(가) 어떤 시간 단위인지 알 수 없어 “{number.text}”와(과) 비교할 수 없습니다.",
            )
        return value

    def _metres_not_millions(self, number: Number, column: str) -> bool:
        """ "15m" is 15 metres, not 15 million, against a column of no unit or metres whose values
        hold 15 and never come near 15 million (a shot put's distances: "포환던지기 기록이 15m 이상"
        had compared them with 15,000,000)."""
        c = self.col(column)
        if number.unit is not None or number.scale != 1e6 or not number.text.strip().lower().endswith("m"):
            return False
        if normalize(c.unit or "") not in ("", "m") or c.minimum is None or c.maximum is None:
            return False
        bare = number.value / number.scale
        return float(c.minimum) <= bare <= float(c.maximum) and float(c.maximum) < number.value / 1000

    def _named_elsewhere(self, j: int) -> bool:
        """Whether every column the mention at j names is named by another mention too ("waited
        ... 60 minutes": wait_minutes named by "waited"), so the word may be read as a unit."""
        mine = set(self.columns_of(j))
        others = {c for k in range(len(self.m)) if k != j and self.m[k].has("column") for c in self.columns_of(k)}
        return bool(mine) and mine <= others

    def _names_its_unit(self, number: Number, column: str) -> bool:
        """Whether the time word written after a number is itself a word of the column's name
        ("over 90 minutes" against a column named minutes): then it is that column, in its unit."""
        return (number.unit_text or "").lower() in self.col(column).keys

    def _in_won(self, number: Number, column: str) -> float:
        """ "50만원", "6천만원" against an amount whose name gives no unit (매출액): the amount in won,
        the unit written. Declined when the column's values fit the number as written (in 만원)
        far better than in won: the data's unit is then not known."""
        written = (number.unit_text or "").lower()
        won = number.value * _MONEY_SCALE[written]
        col = self.col(column)
        try:
            low, high = float(col.minimum), float(col.maximum)
        except (TypeError, ValueError):
            return won
        if abs(won) > 100 * max(abs(high), abs(low), 1) and low <= number.value <= high:
            raise Declined(
                f"“{number.text}” is {won:,.0f} won, far beyond every {column} value ({low:,.0f}–{high:,.0f}), "
                f"which may be in {written}; I cannot tell which unit {column} is in.",
                f"“{number.text}”은(는) {won:,.0f}원으로 {column}의 모든 값({low:,.0f}~{high:,.0f})보다 훨씬 큰데, "
                f"{column}이(가) {written} 단위일 수도 있어 단위를 알 수 없습니다.",
            )
        return won

    # --- passes -------------------------------------------------------------------------------

    def _vague_adjectives(self) -> None:
        """ "windy days", "hot cars": an adjective that is not a comparison names no condition the
        planner can state, so it does not stand for its column either (a value it names, as
        "rainy" does rain, stays)."""
        for i, m in enumerate(self.m):
            if not m.has("adjective") or not m.has("column") or self._superlative_adjective(i):
                continue
            after = self.next_index(i, ("filler", "particle"))
            if after is not None and self.m[after].has("than"):
                continue
            if any(s.quality >= 1.0 for s in m.all("column")) and m.text.lower() in {
                k for c in self.t.columns for k in c.keys
            }:
                continue  # the column's own name
            m.senses = [s for s in m.senses if s.role not in ("column", "concept")]

    def _busy_periods(self) -> None:
        """ "the slowest day", "slowest month": a word of busyness before a period is how few rows
        fall in it, not the low end of a speed or the high end of a time ("slowest" is both)."""
        for i, m in enumerate(self.m):
            if not (m.has("busy") and m.has("adjective")):
                continue
            j = self.next_index(i, ("filler", "particle"))
            if j is not None and (
                self.roles(j) & _PERIOD_ROLES
                or {s.key for s in self.m[j].all("concept")} & _PERIOD_CONCEPTS
                or self.m[j].text.lower().rstrip("s") in _PERIOD_CONCEPTS | {"hour", "day", "week", "quarter"}
            ):
                m.senses = [s for s in m.senses if s.role != "adjective"]

    def _how_adjectives(self) -> None:
        """ "how tall", "how old", "얼마나 빨라": the question word before a dimension's adjective
        asks for the measure itself, not for its high or low end. Restated by a comparison of the
        same adjective ("how old is the oldest passenger", "how tall are the taller ones") it is
        only the question's wording; else it names the adjective's column ("how expensive are
        computers on average": price; "how far is the Ben Nevis race": its distance), and a
        dimension no column holds (or several could) is declined, never read as another measure."""
        for i, m in enumerate(self.m):
            j = i + 1
            if m.text.lower() not in _HOW or j >= len(self.m) or not self.m[j].has("adjective"):
                continue
            keys = {s.key for s in self.m[j].all("adjective")}
            restated = any(
                k != j and {s.key for s in self.m[k].all("adjective")} & keys and self._superlative_adjective(k)
                for k in range(len(self.m))
            )
            if not restated:
                found = self._adjective_direction(j)
                if found is None:
                    raise Declined(
                        f"No column of this data holds what “{m.text} {self.m[j].text}” asks about.",
                        f"“{m.text} {self.m[j].text}”이(가) 묻는 값을 담은 열이 이 데이터에는 없습니다.",
                    )
                self.m[j].senses = [Sense("column", found[0], 1.0)]
                self.claim(i)
                continue
            self.m[j].senses = [Sense("filler")]
            self.claim(i, j)

    def plan(self) -> Plan:
        self._relative_periods()  # (before the words are checked: "최근 3년" is no date relative to today)
        if self.period_asked is not None:  # nothing but the data's first or last period is asked
            self._check_words()
            return Plan("aggregate", measures=[self.period_asked])
        self._movements()
        self._span_durations()  # (before the words are checked: it reads "minutes" as its unit)
        self._verbs_counted()
        self._headcount_column()
        self._two_way()  # (before the words are checked: "cross-tab", "combination" are its own)
        self._check_words()
        # "the average fuel price (pf)": words the bracketed name glosses name no other column
        # (price is no cost there), so none is read as one
        self.described = self._described_by_name(claimed=False)
        self.glosses = {j for j in self.described if self.m[j].has("column")}
        self.claim(*self.glosses)
        self._concept_phrase_heads()
        self._vague_adjectives()
        self._busy_periods()
        self._how_adjectives()
        role_words(self)
        self._ordinals()
        self._years_as_unit()
        self._comparative_which()
        self._outliers()
        self._relative_to_statistic()
        self._spread()
        self._differences()
        self._column_comparisons()
        outcomes(self)
        one_side(self)
        lateness(self)
        self._ratios()
        nums = self._numbers()
        self._times_of_day(nums)  # before ranges and comparisons read "9 am and 5 pm" as numbers
        self._fixed_intents()
        self._limits(nums)
        self._comparisons(nums)
        self._signs()
        self._equalities(nums)
        self._years_of_named_columns(nums)
        self._dates(nums)
        self._period_restated()
        self._previous_period()
        self._consecutive()
        self._same_conditions()
        self._sides()
        self._values()
        self._amount_presence()
        self._booleans()
        self._flags()
        self._flags_either()
        self._per_row_noun()
        self._grouping()
        self._breakdown()
        self._measures()
        self._chart()
        plan = self._assemble()
        self._check_claimed(plan)
        self._codes_not_measured(plan)
        return plan

    def _codes_not_measured(self, plan: Plan) -> None:
        """Numbers that name things (`Column.names_codes`: customer_id, BROOD 501-743, Pig 4601-8442)
        measure nothing: their largest, smallest, mean or total answers no question ("가장 무거운
        Pig는?" had answered the largest pig NUMBER, 8442, a wrong answer)."""
        for m in plan.measures:
            if m.column is None or m.agg not in ("max", "min", "mean", "median", "sum", "std", "var"):
                continue
            col = self.col(m.column)
            if col is not None and col.numeric and col.names_codes:
                raise Declined(
                    f"The numbers of {m.column} name things (which one); they measure nothing to rank or add up.",
                    f"{m.column}의 숫자는 무엇인지를 가리키는 번호라서 순위를 매기거나 더할 값이 아닙니다.",
                )

    # --- time said relative to the data ("the last 5 years", "마지막 달", "가장 최근 값") ---------------

    def _relative_periods(self) -> None:
        """ "the last year of the data", "the latest month", "the first 10 years", "최근 6개월", "첫 해",
        "가장 최근 값": the data's own last (first) periods of its time column, a condition the code
        computes from the data (op "last"/"first", value (n, the month column of a year + month
        pair or None), part: the period of a date column), stated in the reply as such. "Recent"
        with no number ("in recent years", "최근 몇 년") says no how many and is left to decline;
        a table with two time columns and no word for which one declines."""
        self._months_counted()
        self._periods_spanned()
        for i, m in enumerate(self.m):
            if i in self.used:
                continue
            sense = m.get("relative_period")
            unit, span = None, [i]
            if sense is not None:
                key = sense.key
            elif m.has("unsupported") and m.get("unsupported").key == "relative_time" and self._of_the_data(i):
                # "the last year of the data": a period of the data, not the year before today
                words = m.text.lower().split()
                if len(words) != 2 or words[0] not in self.lex.forms("relative_period", "last"):
                    continue
                key, unit = "last", self._period_unit_of(words[1])
                if unit is None:
                    continue
            else:
                continue
            j = self.next_index(i)
            count = None
            if unit is None and j is not None and self.m[j].has("num") and j not in self.used:
                value = self.m[j].get("num").key
                if isinstance(value, (int, float)) and float(value).is_integer() and 1 <= value <= 1000:
                    count, span = int(value), [*span, j]
                    j = self.next_index(j)
            if unit is None and j is not None:
                unit, unit_span = self._period_unit(j)
                span += unit_span
                if unit_span and unit_span[-1] + 1 < len(self.m) and self.m[unit_span[-1] + 1].text in ("간", "동안"):
                    span.append(unit_span[-1] + 1)  # 6개월간, 3년 동안
            if unit is None:
                if count is not None or m.has("order") or key == "recent":
                    continue  # "the last 5" (rows), "first class", "recent" alone: not a period
                unit = "row"  # "the most recent price", "가장 최근 값": the last row's period
            if unit == "quarter":
                # "the most recent quarter" of a quarterly series: the last row's period; of finer
                # dates a quarter is not counted (left to decline, never read as "quarterly")
                if not (count is None and len(self.t.dates) == 1 and self.t.dates[0].granularity == "quarter"):
                    continue
                unit = "row"
            if key == "recent":
                if count is None:
                    continue  # "recent years", "최근 몇 년": how many is not said
                key = "last"
            axis = self._period_axis(unit, span)
            if axis is None:
                continue
            column, part, by = axis
            naming = [
                k for k in range(len(self.m)) if k not in self.used and k not in span and column in self.columns_of(k)
            ]
            if unit == "row" and naming:
                # "매우나쁨이 마지막으로 기록된 날짜는?", "the last date it rained": the time column
                # itself is asked, its latest value among the rows the conditions keep; "the
                # latest model year" with nothing else asked: that value over all the rows
                rest = [
                    k
                    for k in range(len(self.m))
                    if k not in self.used
                    and k not in span
                    and k not in naming
                    and not self.m[k].roles <= _HARMLESS | {"which"}
                ]
                if not rest:
                    self.claim(*span, *naming)
                    self.period_asked = Measure("max" if key == "last" else "min", column)
                continue
            after = self.next_index(span[-1], ("filler", "particle", "condition"))
            if after is not None and self._data_word(after):
                span.append(after)  # "of the data", "데이터의"
            if count is None and self._period_itself(span):
                # "the earliest year in the data", "가장 최근 연도는?": the period is what is asked
                # (of a column of years; a date's extreme is not yet stated as a date: declined)
                if self.col(column).is_date or by is not None:
                    continue
                self.claim(*span)
                self.period_asked = Measure("max" if key == "last" else "min", column)
                continue
            self.claim(*span)
            self.ctx.conditions.at = i
            self.ctx.conditions.append(Condition(column, key, (count or 1, by, unit), part))

    def _months_counted(self) -> None:
        """ "최근 6개월 평균": 개 + 월 is a number of months, so the 월 read with 평균 as "월평균"
        (an average per month) is the month's unit, and 평균 the aggregation on its own."""
        for j in range(1, len(self.m) - 1):
            m, after = self.m[j], self.m[j + 1]
            if not (self.m[j - 1].has("num") and m.text == "개" and after.has("per_period")):
                continue
            words = after.text.split()
            if len(words) != 2 or words[0] != "월":
                continue
            rest = [s for s in after.senses if s.role == "agg"]
            if not rest:
                continue
            self.m[j + 1 : j + 2] = [  # (tokens are syllables: 월 is the first)
                Mention(after.start, after.start + 1, "월", [Sense("date_units", "month")]),
                Mention(after.start + 1, after.end, words[1], rest),
            ]
            return

    def _periods_spanned(self) -> None:
        """ "how many years does the data cover", "데이터 기간은 몇 년이야?": the number of distinct
        periods of the data's time column (years of a column of years, days of a date column),
        when nothing else is asked; never its number of rows (a panel has many rows a year)."""
        for i, m in enumerate(self.m):
            word = normalize(m.text)
            if m.has("agg") and m.get("agg").key == "count":
                j = self.next_index(i)
                if j is None:
                    return
                unit, span = self._period_unit(j)
                k = self.next_index(j)
                if unit is None and k is not None and self._table_named_noun(j):
                    # "how many election years are covered" of presidential_elections: the periods
                    # of the data's events, said with the noun the table is named by
                    unit, span = self._period_unit(k)
                    span = [j, *span] if unit is not None else span
                span = [i, *span]
            elif m.has("which") and word.startswith("몇") and self._period_unit_of(word[1:].strip()):
                unit, span = self._period_unit_of(word[1:].strip()), [i]  # 몇 년
            else:
                continue
            if unit not in ("year", "day"):
                continue
            # (the data's span asked in words first: "평균 임기는 몇 년?" asks a term's length, and
            # a table of terms' two dates is no reason to ask which time column)
            spanned = {normalize(f) for f in self.lex.data["data_span"]}
            rest = [
                k
                for k in range(len(self.m))
                if k not in span and normalize(self.m[k].text) in spanned | {"데이터", "data", "dataset", "table"}
            ]
            if not any(normalize(self.m[k].text) in spanned for k in rest) and not self._data_word_near(span):
                continue
            axis = self._period_axis(unit, span)
            if axis is None or axis[2] is not None or (axis[1] is not None and axis[1] != "day"):
                continue
            if axis[1] == "day" or (unit == "day" and not self.col(axis[0]).is_date):
                continue
            if self._period_itself([*span, *rest]):
                self.claim(*span, *rest)
                self.period_asked = Measure("nunique", axis[0])
                return

    def _table_named_noun(self, j: int) -> bool:
        """Whether mention `j` is only the noun the table's name says its rows are of (election of
        presidential_elections.csv), singular or plural."""
        m = self.m[j]
        if not m.has("entity") or m.roles - {"entity", "concept"}:
            return False
        word = normalize(m.text).lower()
        own = {k.lower() for k in name_keys(self.t.name)}
        return word in own or f"{word}s" in own or word.rstrip("s") in own

    def _data_word_near(self, span: list[int]) -> bool:
        after = self.next_index(span[-1], ("filler", "particle", "condition"))
        return after is not None and self._data_word(after)

    def _of_the_data(self, i: int) -> bool:
        """ "... of the data", "... in the dataset": the words right after say the data's own time."""
        j = self.next_index(i, ("filler", "particle", "condition"))
        return j is not None and self._data_word(j)

    def _data_word(self, j: int) -> bool:
        word = normalize(self.m[j].text)
        return word in {normalize(f) for f in ("data", "dataset", "table", "데이터", "자료", "표")} or (
            self.m[j].has("filler") and word in ("data", "데이터")
        )

    def _period_unit_of(self, word: str) -> str | None:
        word = normalize(word)
        for unit, forms in self.lex.data["period_units"].items():
            if word in {normalize(f) for f in forms}:
                return unit
        return None

    def _period_unit(self, j: int) -> tuple[str | None, list[int]]:
        """The period written at mention `j` ("years", "해", "개월": 개 + 월) and the mentions it covers."""
        unit = self._period_unit_of(self.m[j].text)
        if unit is not None:
            return unit, [j]
        if j + 1 < len(self.m):
            unit = self._period_unit_of(self.m[j].text + self.m[j + 1].text)
            if unit is not None:
                return unit, [j, j + 1]
        return None, []

    def _period_axis(self, unit: str, said: list[int] = ()) -> tuple[str, str | None, str | None] | None:
        """(time column, part of a date column, month column of a year + month pair) the periods
        of `unit` are counted on; None when the data has no time column for them. Two time
        columns, neither named, decline."""
        dates = [c for c in self.t.dates]
        years = [c.name for c in self.t.columns if c.yearlike and not c.is_date]
        if not dates and not years:
            return None
        if len(dates) + len(years) > 1:
            named = [
                c
                for c in [*(d.name for d in dates), *years]
                # (the period's own word, "years", names no one of them)
                if any(i not in self.used and i not in said and c in self.columns_of(i) for i in range(len(self.m)))
            ]
            if len(named) != 1:
                raise Declined(
                    "This data has more than one time column "
                    f"({', '.join([*(d.name for d in dates), *years])}); name the one the period is of.",
                    f"시간 열이 여러 개입니다 ({', '.join([*(d.name for d in dates), *years])}). 어느 열의 기간인지 적어 주세요.",
                )
            dates = [d for d in dates if d.name == named[0]]
            years = [y for y in years if y == named[0]]
        if dates:
            d = dates[0]
            if unit == "year":
                return d.name, "year", None
            if unit == "month":
                return d.name, "month", None
            return d.name, ("day" if _has_time_of_day(d) else None), None
        month = self._part_column("month")
        if unit == "year":
            return years[0], None, None
        if unit in ("month", "row") and month is not None and self.col(month).numeric:
            return years[0], "month", month
        if unit == "row" and month is None:
            return years[0], None, None
        return None

    def _period_itself(self, span: list[int]) -> bool:
        """Whether nothing but the period is asked ("what is the earliest date", "마지막 날짜")."""
        for k, m in enumerate(self.m):
            if k in self.used or k in span:
                continue
            if m.roles - {"filler", "particle", "which", "when", "condition", "descriptors", "intent"}:
                return False
        return True

    def _concept_phrase_heads(self) -> None:
        """ "median survival time" of a column named `time`, "생존시간 중앙값": a word that, with the
        column's name right after it, spells a form of a lexicon concept (survival time) which no
        column of the data carries says which time that is; the data has no other, so the word
        belongs to the column (it had been declined as a word with no place). Only a numeric
        column that is no date, named by one mention right after the word."""
        carried = {x for c in self.t.columns for x in c.concepts}
        for i in range(len(self.m) - 1):
            m, nxt = self.m[i], self.m[i + 1]
            if i in self.used or not m.has("concept") or m.roles - {"concept"} or not nxt.has("column"):
                continue
            names = self.columns_of(i + 1)
            if len(names) != 1 or not self.col(names[0]).numeric or self.col(names[0]).is_date:
                continue
            joined = self.tokens[nxt.start].joined if nxt.start < len(self.tokens) else False
            phrase = name_keys(f"{m.text}{nxt.text}" if joined else f"{m.text} {nxt.text}")
            for concept, entry in self.lex.concepts.items():
                if concept in carried:
                    continue
                if any(name_keys(str(f)) == phrase for f in entry.get("forms", [])):
                    self.claim(i)
                    break

    def _check_words(self) -> None:
        unknown: list[str] = []
        last = None
        described = self._described_by_name(claimed=False)
        for i, m in enumerate(self.m):
            # (a word a reading took as its own is read: "cover" of "how many years does the data
            # cover", the lexicon's data_span, known only to `_periods_spanned`)
            if m.unknown and any(ch.isalnum() for ch in m.text) and i not in described and i not in self.used:
                # syllables of one unknown Korean word are reported as that word
                if last == i - 1 and unknown and self.tokens[m.start].joined:
                    unknown[-1] += m.text
                else:
                    unknown.append(m.text)
                last = i
        unknown = [self._whole_word(w) for w in unknown] + self._function_pieces()
        if unknown:
            words = ", ".join(f"“{w}”" for w in dict.fromkeys(unknown))
            raise Declined(
                f"I do not know the word{'s' if len(unknown) > 1 else ''} {words}: it is not a "
                "column, a value in the data, or something I can compute.",
                f"{words}이(가) 무엇인지 모르겠습니다. 데이터의 열이나 값, 또는 제가 계산할 수 있는 것이 아닙니다.",
            )
        for i, m in enumerate(self.m):
            if i in self.used:
                continue  # a verb of movement read as part of a comparison ("dropped below zero")
            if m.has("unsupported") and not (m.has("column") or m.has("value") or _adjective_not_edit(m)):
                key = m.get("unsupported").key
                if m.has("change") and self._asks_change(i):
                    continue  # "how much did sales drop": a fall, not deleting anything
                if m.has("previous_period"):
                    continue  # "전년 대비": the base of a change (read by _previous_period, or left unused)
                if key == "cause" and not self._said_as_cause(i):
                    continue  # "a cd drive": a noun, left to be read (or declined) as one
                raise Declined(*_UNSUPPORTED[key])

    def _verbs_counted(self) -> None:
        """A verb that is a form of a measure's concept and a light verb ("earn" of salaries) names
        the measure when the amount is asked ("how much do men earn", "earn more than women");
        where the rows are counted it names the column compared right after it ("how many people
        earn more than 20": wages > 20), and with no comparison it names nothing the count could
        use ("how many employees earn": declined)."""
        if not any(s.key == "count" for m in self.m for s in m.all("agg")):
            return
        for i, m in enumerate(self.m):
            if m.has("light_verbs") and m.has("concept"):
                if m.text.lower() in {x.name.lower() for x in self.t.columns}:
                    continue  # "zero earnings" of a column earnings: the column's own name, no verb
                j = self.next_index(i)
                if j is not None and self.roles(j) & {"compare", "compare_after"}:
                    continue
                m.senses[:] = [s for s in m.senses if s.role not in ("column", "concept")]

    def _said_as_cause(self, i: int) -> bool:
        """Whether a word of causes is said as one: a word the lexicon lists as a noun as often as a
        verb (`cause_verbs`: "a cd drive", "driver age") is a cause only right after a question
        word, an auxiliary or "to", or right before "by", "of" or "behind" ("what drives sales",
        "is driven by", "the drivers of churn"); every other word of causes always is."""
        data = self.lex.data
        word = self.m[i].text.lower()
        if word not in data["cause_verbs"]:
            return True
        before = self.m[i - 1].text.lower() if i > 0 else ""
        after = self.m[i + 1].text.lower() if i + 1 < len(self.m) else ""
        return before in data["cause_verb_before"] or after in data["cause_verb_after"]

    def _movements(self) -> None:
        """A verb of movement written against a comparison restates it ("temp dropped below
        zero", "went over 100", "영하로 떨어진", "30 이상으로 올라간"): used with it. The comparison
        itself must still be read, or the question is declined for it."""
        comparing = {"compare", "compare_after", "sign"}
        for i, m in enumerate(self.m):
            if not m.has("movement") or m.has("column") or m.has("value"):
                continue
            if is_hangul(m.text[:1]):
                j = self.prev_index(i, ("particle", "filler"))
            else:
                j = self.next_index(i, ("particle", "filler"))
                if j is not None and self.m[j].text.lower() == "to" and self.m[j].roles & {"range_join", "filler"}:
                    j = self.next_index(j, ("particle",))  # "fell to below", "rose to over"
            if j is not None and self.roles(j) & comparing:
                # read as a word between the comparison and what it compares, as a filler is
                m.senses[:] = [Sense("filler")]
                self.claim(i)

    def _whole_word(self, piece: str) -> str:
        """The Korean word (as written between spaces) an unknown piece of it belongs to:
        "플로리다" for 리, "중랑" for 랑 (a piece of a word is not what the user wrote)."""
        if not is_hangul(piece):
            return piece
        words = [w for w in re.findall(r"[\uac00-\ud7a3]+", self.q) if piece in w]
        return words[0] if words else piece

    def _function_pieces(self) -> list[str]:
        """Korean words the reader could only cut into function words: 인도 (India) is not 인
        ("which is") + 도 ("also"). A word written on its own that begins with an ending of one
        syllable and has nothing but function words in it is a word not known, never a string of
        endings: it would drop a place the question names (중에, 중 + 에, is a word and stays)."""
        function = {
            "filler",
            "condition",
            "particle",
            "either",
            "range_join",
            "units",
            "multipliers",
            "entity",
            "concept",
        }
        runs: list[list[int]] = []
        for i, m in enumerate(self.m):
            token = self.tokens[m.start] if m.start < len(self.tokens) else None
            if token is None or token.kind != "hangul":
                runs.append([])
                continue
            if token.joined and runs and runs[-1]:
                runs[-1].append(i)
            else:
                runs.append([i])
        out = []
        for run in runs:
            # a word never begins with an ending (인, 도, 나), nor with a counter (대, 명) that no
            # number comes before: one that does is not those pieces
            if len(run) < 2:
                continue
            first = self.m[run[0]]
            before = self.m[run[0] - 1] if run[0] > 0 else None
            start = self.tokens[first.start]
            if start.joined and first.start > 0 and self.tokens[first.start - 1].kind != "hangul":
                continue  # "high이고", "c52인": the endings of the Latin word or number they are written on
            # a counter or bound noun stands after a number (세 곳) or a clause (가장 낮은 곳)
            after_clause = {
                "degree",
                "adjective",
                "evaluative",
                "superlative",
                "change",
                "compare_after",
                "condition",
                "event",
            }
            if before is not None and before.has("particle") and run[0] > 1 and self.m[run[0] - 2].roles & after_clause:
                before = self.m[run[0] - 2]  # "가장 많았던 해": the clause ends in a tense ending (많 + 았던)
            counted = before is not None and bool(
                before.roles & ({"num", "number_words", "multipliers"} | after_clause) or "몇" in before.text
            )
            # a noun after a clause ("가장 많았던 해") is that noun, not an ending
            # (but "...넘은 해는 몇 번": periods counted, which a plan over rows cannot answer)
            noun = (
                counted
                and first.has("entity")
                and before is not None
                and not before.has("num")
                and not any(any(s.key in ("count", "records") for s in x.all("agg")) for x in self.m[run[0] :])
                # and only particles after it: 해는 is the year, 해지는 is no 해 + 지 + 는
                and all(self.m[i].text in _CASE_PARTICLES for i in run[1:])
            )
            # "몇 도야": the unit a value is asked in (match._value_in_units), not the particle 도
            asked_unit = before is not None and "몇" in before.text and first.has("filler") and before.has("filler")
            # a counter of rows after a clause or a condition ("안 된 건의", "0원 낸 건은",
            # "주차한 건의"): the rows themselves, with their particle
            rows_noun = (
                before is not None
                and first.text in _ROW_COUNTERS
                and first.has("entity")
                and all(self.m[i].text in _CASE_PARTICLES for i in run[1:])
            )
            bound = ((first.text,) in self.lex.particles and not noun and not asked_unit) or (
                first.has("units") and not counted and not rows_noun
            )
            if len(first.text) != 1 or not bound:
                continue
            # a noun written on its own with a case or topic particle after it (해는: the year,
            # 해 + 는) is a word, though the noun is also an ending (해 of 해요): a word may begin
            # with a noun, and what follows it is then its particle (명지 is no 명 + 지)
            if (
                first.has("concept")
                and not self.tokens[first.start].joined
                and len(run) == 2
                and self.m[run[1]].text in _CASE_PARTICLES
            ):
                continue
            if all(self.m[i].roles and self.m[i].roles <= function for i in run):
                out.append("".join(self.m[i].text for i in run))
        return out

    def _asks_change(self, i: int) -> bool:
        """A word that reads both as an edit and as a change ("drop") asks for a change when the
        question also asks how much ("how much did", "by what percent", "몇 %"), or names a base
        ("than", "대비")."""
        for j, m in enumerate(self.m):
            if j == i:
                continue
            if m.has("change") or m.has("than") or m.has("times") or m.has("previous_bucket"):
                return True
            if m.has("agg") and m.get("agg").key == "share":
                return True
            if m.has("which") and m.text.lower() in ("how much", "how high", "how low"):
                return True
        return False

    def _same_kind_of_unit(self, n: _Num, column: str) -> None:
        """A number written in a unit of one kind (2 kg: a weight) is never compared with a column
        measured in a unit of another kind (이용시간(분): a duration): declined, not read as 2 분."""
        number = n.number
        unit = normalize(self.col(column).unit or "")
        if number is None or number.unit not in (
            "mass",
            "length",
            "duration",
            "area",
            "temperature",
            "speed",
            "energy",
            "volume",
        ):
            return
        kinds = {k for k, forms in self.lex.data["units"].items() if unit in {normalize(str(f)) for f in forms}}
        if kinds and not kinds & {number.unit, *number.alternatives}:
            raise Declined(
                f"“{number.text}” is not in the unit {column} is measured in ({unit}).",
                f"“{number.text}”은(는) {column}의 단위({unit})와 종류가 다릅니다.",
            )

    def _only_column_at_scale(self, n: _Num) -> str | None:
        """The column an amount written with a scale word ("200 million", "3억", "1.5k") is about
        when the question names none: the one numeric column whose values reach that size (the
        reply says so). None when the amount has no scale word, or when no column or several do."""
        if n.number is None or n.number.unit is not None or n.number.scale < 1000:
            return None
        fits = [
            c.name
            for c in self.t.columns
            if c.numeric
            and not (c.yearlike or c.clock or c.is_date)
            and c.minimum is not None
            and c.maximum is not None
            # in the column's unit: 10억 against 매매가 in 만원 is 100,000
            and float(c.minimum) <= self.convert(n.number, c.name) <= float(c.maximum)
        ]
        if len(fits) != 1:
            return None
        return self._read_as(n, fits[0], "the only column with values of that size", "그만한 값이 있는 유일한 열")

    def _read_as(self, n: _Num, column: str, why: str, why_ko: str) -> str:
        """`column`, the one a number is read as about when the question names none, the reading
        stated in the reply ("“3억” read as 가격 (...)")."""
        words = self._words(n.span[0], n.span[-1])
        self.readings.append(
            t(
                self.lang,
                f"“{words}” read as {column} ({why}).",
                f"“{words}”{particle(words, '은/는')[len(words) :]} {column}의 값으로 읽었습니다 ({why_ko}).",
            )
        )
        return column

    def _grand_units(self, nums: list[_Num]) -> list[_Num]:
        """Korean amounts written in grand units, largest first ("2억 5천만원", "1억 2000만",
        "3만 5천"): one number, the sum of its parts. A part joins the one before it when it comes
        right after it and is smaller than that part's unit (5천만 < 1억), never otherwise ("2억
        3억" stays two numbers)."""
        out: list[_Num] = []
        for n in nums:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.number is not None
                and n.number is not None
                and prev.date is None
                and n.date is None
                and prev.number.unit is None
                and prev.number.scale in (1e4, 1e8)
                and n.index == prev.span[-1] + 1
                and 0 < n.number.value * _MONEY_SCALE.get((n.number.unit_text or "").lower(), 1) < prev.number.scale
                and is_hangul(self.m[prev.span[-1]].text)
            ):
                a, b = prev.number, n.number
                written = _MONEY_SCALE.get((b.unit_text or "").lower(), 1)  # b's value is in its unit (만원)
                if b.unit is None:  # "3만 5천": an amount in ones, its scale kept (read against 만원 columns)
                    total = Number(a.value + b.value, None, None, a.scale, f"{a.text} {b.text}")
                else:
                    total = Number(a.value / written + b.value, b.unit, b.unit_text, b.scale, f"{a.text} {b.text}",
                                   b.alternatives)  # fmt: skip
                out[-1] = _Num(prev.index, [*prev.span, *n.span], total)
                continue
            out.append(n)
        return out

    # numbers with their multipliers and units
    def _numbers(self) -> list[_Num]:
        out: list[_Num] = []
        i = 0
        while i < len(self.m):
            m = self.m[i]
            value = None
            if m.has("num"):
                value = m.get("num").key
            elif m.has("number_words") and not (len(m.text) == 1 and self._needs_counter(i)):
                value = float(m.get("number_words").key)
                if not value.is_integer() and not (i + 1 < len(self.m) and self.m[i + 1].has("multipliers")):
                    value = None  # "half a" is a number only before a multiplier ("half a million")
            elif (
                m.text.lower() in ("a", "an")
                and i + 1 < len(self.m)
                and self.m[i + 1].text.lower() in ("hour", "minute", "second")
                and i > 0
                and self.m[i - 1].has("compare")
            ):
                value = 1.0  # "waited over an hour": one hour
            elif (counted := self._number_word_counter(i)) is not None:
                # "세 대", "네 곳": a number word and its counter, read as one unit (세대, 네곳)
                out.append(_Num(i, [i], Number(counted[0], "count", counted[1], 1.0, m.text, ("count",))))
                i += 1
                continue
            if value is None or m.has("value") or m.has("column"):
                i += 1
                continue
            span = [i]
            scale = 1.0
            unit = unit_text = None
            alternatives: tuple[str, ...] = ()
            date = None
            j = i + 1
            text = m.text
            while j < len(self.m):
                n = self.m[j]
                if n.text in ("-", "–") and j + 1 < len(self.m) and self.m[j + 1].has("units") and unit is None:
                    span.append(j)  # "8-cylinder"
                    j += 1
                    continue
                if (
                    n.has("multipliers")
                    and scale in (100.0, 1000.0)
                    and float(n.get("multipliers").key) >= 1e4
                    and unit is None
                    and is_hangul(self.m[j - 1].text)
                    and self._joined(j)
                    and not n.has("column")
                    and not n.has("value")
                ):
                    # "5천만", "3백억": a Korean multiplier of a grand unit, the two one scale (5 x 10^7)
                    scale *= float(n.get("multipliers").key)
                    span.append(j)
                    text += n.text
                    j += 1
                    continue
                if n.has("multipliers") and scale == 1.0 and not n.has("column") and not n.has("value"):
                    scale = float(n.get("multipliers").key)
                    span.append(j)
                    text += n.text
                    # 만원, 억원: a multiplier written with a money unit
                    j += 1
                    continue
                if (
                    n.text == "주"
                    and j == i + 1
                    and unit is None
                    and scale == 1.0
                    and not n.has("date_units")
                    and n.start < len(self.tokens)
                    and self.tokens[n.start].joined
                    and self._weeks_of_measure(i, j + 1)
                ):
                    # "duration이 26주를 초과한", "기간이 4주 이상 12주 이하": weeks counted by the
                    # numeric column named before (its value in weeks), as 일 and 년 are
                    span.append(j)
                    self._weeks.add(i)
                    break
                if n.has("date_units") and unit is None and date is None and scale == 1.0:
                    part = n.get("date_units").key
                    span.append(j)
                    j += 1
                    if part == "decade" and value < 100 and i > 0 and self.m[i - 1].text.lower() in _POSSESSIVES:
                        # "in their 40s", "in her 30s": a decade of the people's ages, not of years
                        unit, unit_text, alternatives = "age", "s", ("age",)
                        text += n.text
                        break
                    if part == "year" and value < 1000 and self._years_of_measure(i, j):
                        break  # "경력 10년 이상", "교육 연수가 12년": years of a measure, no date
                    if part in ("day", "week", "month") and (
                        self._days_of_measure(i, j, n.text)
                        or (part != "month" and self._years_of_measure(i, j, dated=False))
                    ):
                        break  # "결석일수 20일 넘는": days counted by a measure named in days, no date
                    if part in ("year", "decade"):
                        date = self._written_year(i, int(value), part == "decade")
                    else:
                        date = DatePart(**{part: int(value)})
                    break
                if (
                    unit is None
                    and scale == 1.0
                    and j == i + 1
                    and n.text.lower() in _TIME_SCALE
                    and not n.has("units")
                    and not n.has("value")
                    and not any(self.col(c).keys == (n.text.lower(),) for c in self.columns_of(j))
                    and not (n.has("column") and not self._named_elsewhere(j))
                ):
                    # "over 60 minutes", "an hour": a time word after a number is its unit (the
                    # lexicon keeps hour and minutes from its units: they name pickup_hour,
                    # duration_min), converted to a column whose name ends with its unit
                    unit, unit_text, alternatives = "duration", n.text.lower(), ("duration",)
                    span.append(j)
                    text += " " + n.text
                    j += 1
                    continue
                if n.has("units") and unit is None and not n.has("value"):
                    unit = n.get("units").key
                    alternatives = tuple(x.key for x in n.all("units"))
                    unit_text = n.text.replace(" ", "").lower()
                    if scale != 1.0 and unit == "money" and unit_text in ("원", "won"):
                        compound = {1000: "천원", 10000: "만원", 100000000: "억원"}.get(int(scale))
                        if compound:  # 3000만원: 3000 in 만원
                            unit_text, scale = compound, 1.0
                    span.append(j)
                    text += n.text
                    j += 1
                    continue
                break
            if date is None and unit is None and scale == 1.0 and self._year_marked(i):
                date = self._written_year(i, int(value), False)
            if date is None and unit == "money" and scale != 1.0:
                value *= scale
                scale = 1.0
            if date is not None:
                out.append(_Num(i, span, date=date))
            else:
                if i > 0 and self.m[i - 1].text in self.lex.data["below_zero"] and (i - 1) not in self.used:
                    # "영하 5도": five below zero, the word and the number one amount (-5)
                    value, span, text = -value, [i - 1, *span], f"{self.m[i - 1].text} {text}"
                out.append(_Num(i, span, Number(value * scale, unit, unit_text, scale, text, alternatives)))
            i = span[-1] + 1
        out = self._grand_units(out)
        # "6~8월", "2013-2015년": the unit written once, after the range, belongs to both ends
        for a, b in zip(out, out[1:]):
            gap = range(a.span[-1] + 1, b.index)
            if (
                a.date is None
                and a.number is not None
                and a.number.unit is None
                and b.date is not None
                and len(vars(b.date))
                and float(a.number.value).is_integer()
                and gap
                and all(self.m[g].text in ("~", "-", "–", "에서", "부터", "to") for g in gap)
            ):
                part = next(k for k, v in vars(b.date).items() if v is not None)
                a.date = DatePart(**{part: int(a.number.value)})
                a.number = None
        return out

    def _joined(self, j: int) -> bool:
        """Whether mention j is written onto the one before it (no space)."""
        return j < len(self.m) and 0 <= self.m[j].start < len(self.tokens) and self.tokens[self.m[j].start].joined

    def _year_marked(self, i: int) -> bool:
        """A bare number of two digits written as a year: "in '22"."""
        m = self.m[i]
        if not m.has("num") or not float(m.get("num").key).is_integer() or not self.tokens:
            return False
        token = self.tokens[m.start]
        return len(token.text) == 2 and token.start > 0 and self.q[token.start - 1 : token.start] in ("'", "\u2019")

    def _written_year(self, i: int, value: int, decade: bool) -> DatePart:
        """The year (or the years of a decade) a number written as one names. Two digits ("22년",
        "'23", "90년대", "the 90s") name the century the data covers; a decade ("90년대", "2010년대",
        "the 1990s") is its ten years."""
        token = self.tokens[self.m[i].start] if self.tokens else None
        if token is not None and len(token.text) == 2 and value < 100:
            value = self._century(value, 10 if decade else 1)
        if decade and value % 10 == 0:
            return DatePart(year=list(range(value, value + 10)))
        if decade:
            raise Declined(
                f"A decade starts at a year ending in 0; {value} does not.",
                f"연대는 0으로 끝나는 해부터입니다({value}).",
            )
        return DatePart(year=value)

    def _decade(self, years: list[int], span: list[int]) -> None:
        """ "in the 1990s", "2010년대": the years of a decade, as a range of years."""
        column = self._date_column()
        year_column = column or self._part_column("year")
        if year_column is not None:
            try:
                self._outside(year_column, years, "==")
            except Declined as e:
                covers = e.en.split(";")[0]
                raise Declined(
                    f"{covers}; the {years[0]}s are outside it.",
                    e.ko.split(".")[0] + f". {years[0]}년대는 그 밖입니다.",
                ) from None
        self._date_range(column, {"year": years[0]}, {"year": years[-1]}, span)

    def _century(self, yy: int, years: int) -> int:
        """1900 + yy or 2000 + yy: the one the data's dates or years cover; when both or neither,
        the nearer to today (2000 + yy up to this year)."""
        import datetime

        spans = []
        for c in self.t.columns:
            try:
                if c.is_date and c.minimum is not None:
                    spans.append((int(str(c.minimum)[:4]), int(str(c.maximum)[:4])))
                elif c.yearlike:
                    spans.append((int(float(c.minimum)), int(float(c.maximum))))
            except (TypeError, ValueError):
                continue
        covered = [y for y in (1900 + yy, 2000 + yy) if any(a <= y + years - 1 and y <= b for a, b in spans)]
        if len(covered) == 1:
            return covered[0]
        return 2000 + yy if 2000 + yy <= datetime.date.today().year else 1900 + yy

    def _ordinals(self) -> None:
        """ "the second most common", "두 번째로 비싼": the n-th of a ranking."""
        ranked = self._has_any("superlative", "superlative_marker", "frequent", "order", "adjective")
        for i, m in enumerate(self.m):
            j = self.next_index(i)
            if self.lang == "ko" and j is not None and self.m[j].has("column") and not self.m[j].has("value"):
                j = self.next_index(j)  # "두 번째로 관객이 많은": the measure between them
            # "두 번째로 높은", "the second worst": the ordinal ranks with the word after it
            graded = j is not None and (
                self.m[j].has("degree") or (self.m[j].has("evaluative") and not self.m[j].has("column"))
            )
            if m.has("ordinal") and (ranked or graded) and not m.has("column"):
                self.rank = int(m.get("ordinal").key)
                if not graded:
                    self.claim(i)  # else the superlative it makes with its degree word claims it
            elif (
                m.has("ordinal")
                and not ranked
                and not graded
                and not m.has("column")
                and m.text.replace(" ", "").endswith(("위", "등"))
                and (j is None or not self.m[j].has("compare_after"))
            ):
                # "hits 1위 선수", "매출 2위 지역": a place in the ranking by the measure, highest
                # first (a place is the highest's: 1위 is the most), as "가장 많은" with its rank
                self.rank = int(m.get("ordinal").key)
                m.senses = [Sense("superlative", "high"), *(x for x in m.senses if x.role != "ordinal")]

    def _years_as_unit(self) -> None:
        """ "average years of schooling by ethnicity": "years" is the unit of the measure named
        after "of" (`_years_of`), never the column of years the word also names (it averaged the
        year column: 1,984 years). Claimed with its "of"."""
        for j in range(len(self.m)):
            found = self._years_of(j)
            # ("12 (or more) years of schooling": a value of the measure, the number's to read)
            if (
                found is not None
                and j + 1 < found[0]
                and not any(self.m[x].roles & {"num", "number_words"} for x in range(max(0, j - 3), j))
            ):
                self.claim(j, j + 1)
                # the measure, never a noun for rows ("schooling" is no school)
                k = found[0]
                self.m[k].senses = [x for x in self.m[k].senses if x.role != "entity"] or self.m[k].senses

    def _comparative_which(self) -> None:
        """ "which Sex has the larger standard deviation of Bwt", "성별 중 Bwt 표준편차가 더 큰 쪽은?":
        a comparative asked of which group, with nothing it is compared with (no "than", no number,
        no group named: "A or B, which is larger" compares the two named), asks the group that
        is the larger, the superlative of the groups ("the largest"). English: a comparative
        degree word (larger, higher, fewer...) after "which"; Korean: 더 (덜) before a degree word,
        read as 가장 is."""
        asks = ("which", "who", "which one", "어느 쪽", "쪽", "어느", "어떤", "누구", "누가", "어느 것", "무엇", "뭐")
        if not any(m.has("which") and normalize(m.text).lower() in asks for m in self.m) or any(
            m.has("than") or m.has("num") or m.has("value") or m.has("superlative") or m.has("superlative_marker")
            for m in self.m
        ):
            return
        if any(
            m.has("either") and self.m[i - 1].has("column") and self.m[i + 1].has("column")
            for i, m in enumerate(self.m[1:-1], 1)
        ):
            return  # "factory와 building 중 ... 더 높은 쪽": the two named are compared
        which = next(i for i, m in enumerate(self.m) if m.has("which") and normalize(m.text).lower() in asks)
        for i, m in enumerate(self.m):
            word = m.text.lower()
            if self.lang == "ko" and word in ("더", "덜"):
                nxt = self.next_index(i)
                if nxt is not None and self.m[nxt].has("degree"):
                    if word == "덜":  # 덜 큰: the smaller
                        key = self.m[nxt].get("degree").key
                        self.m[nxt].senses.insert(0, Sense("degree", "low" if key == "high" else "high"))
                    m.senses = [Sense("superlative_marker", None)]
                    return
            elif (
                self.lang == "en"
                and i > which
                and m.has("degree")
                and word.endswith("er")
                or word in ("more", "less", "fewer")
                and i > which
                and m.has("degree")
            ):
                m.senses.insert(0, Sense("superlative", m.get("degree").key))
                return

    def _relative_to_statistic(self) -> None:
        """Rows picked by where their value stands among all rows, the threshold computed in the
        code from the data (op "vs_stat", value (comparison, statistic, quantile)):
        "people with above average income", "incomes above the median", "소득이 평균보다 높은",
        "평균 소득 이상" (against the column's mean or median); "the top 10% of incomes", "top 10%
        by income", "소득 상위 10%", "하위 25%" (at or beyond the quantile). The column is the one
        numeric column named right beside the words; anything else is left unread."""
        cmp_of = {"gt": ">", "ge": ">=", "lt": "<", "le": "<="}

        def numeric(j: int | None) -> str | None:
            if j is None or j in self.used or not self.m[j].has("column") or self.m[j].has("value"):
                return None
            names = self.columns_of(j, numeric=True)
            return names[0] if len(names) == 1 else None

        def statistic(j: int | None) -> str | None:
            if j is None or j in self.used or self.roles(j) != {"agg"}:
                return None
            key = self.m[j].get("agg").key
            if re.fullmatch(r"p\d{1,2}", str(key)):
                return key  # "above the 75th percentile"
            return key if key in ("mean", "median") else None

        def threshold(stat: str) -> tuple[str, float | None]:
            return ("quantile", int(stat[1:]) / 100) if stat.startswith("p") else (stat, None)

        for i, m in enumerate(self.m):
            if i in self.used:
                continue
            # against a statistic: "above (the) average X", "X above the median", "X이 평균보다 높은"
            for role in ("compare", "compare_after"):
                sense = m.get(role)
                if sense is None or sense.key not in cmp_of or m.has("column"):
                    continue
                if role == "compare":
                    j = self.next_index(i)
                    if j is not None and self.m[j].text == "-":
                        j = self.next_index(j)  # "below-average income"
                    stat = statistic(j)
                    if stat is None:
                        continue
                    after, before = self.next_index(j), self.prev_index(i)
                    k = after if numeric(after) else before
                else:
                    j = self.prev_index(i)
                    stat = statistic(j)
                    k = None
                    if stat is not None:  # "소득이 평균보다 높은", "소득 평균 이상", "평균 이하 소득"
                        k = self.prev_index(j)
                        if numeric(k) is None:
                            k = self.next_index(i)
                    else:  # "평균 소득보다 높은"
                        k, j = j, self.prev_index(j) if j is not None else None
                        stat = statistic(j)
                    if stat is None or numeric(k) is None:
                        continue
                if k is None or numeric(k) is None:
                    continue
                self.ctx.conditions.append(Condition(numeric(k), "vs_stat", (cmp_of[sense.key], *threshold(stat))))
                self.claim(i, j, k)
                break
            if i in self.used or not (m.has("order") and m.get("order").key in ("top", "bottom")):
                continue
            # a share of the rows at one end: "top 10% of incomes", "소득 상위 10%", "bottom 25% by X"
            n = self.next_index(i)
            if n is None or not self.m[n].has("num"):
                continue
            share = float(self.m[n].get("num").key)
            pct = n + 1
            if not (0 < share < 100) or pct >= len(self.m) or self.m[pct].text not in ("%", "퍼센트", "percent"):
                continue
            after = self.next_index(pct, ("filler", "particle", "condition", "group"))
            before = self.prev_index(i, ("filler", "particle", "condition"))
            k = after if numeric(after) else None
            if k is None and numeric(before):
                k = before
            if k is None:
                continue
            top = m.get("order").key == "top"
            q = round(1 - share / 100, 6) if top else round(share / 100, 6)
            self.ctx.conditions.append(Condition(numeric(k), "vs_stat", (">=" if top else "<=", "quantile", q)))
            self.claim(i, n, pct, k, *range(pct + 1, after if k == after else pct + 1))

    def _outliers(self) -> None:
        """ "how many Hwt values are outliers by the 1.5 IQR rule", "calories 이상치는 몇 개야? (1.5 IQR
        기준)", "values more than 1.5 IQR beyond the quartiles": the rows whose value lies more than
        k interquartile ranges below the first quartile or above the third (op "outlier", value k),
        of the one numeric column the question names. Read only with the rule said (k before "IQR")
        and a word for outliers or for lying beyond the quartiles; anything else is left unread."""
        for r, m in enumerate(self.m):
            if not (m.has("agg") and m.get("agg").key == "iqr") or r in self.used:
                continue
            k = self.prev_index(r, ("filler", "particle", "times"))
            rule = k is not None and self.m[k].has("num") and isinstance(self.m[k].get("num").key, (int, float))
            if not rule or not 0 < float(self.m[k].get("num").key) <= 10:
                continue
            words = [j for j, x in enumerate(self.m) if x.has("outlier") or x.has("outlier_rule")]
            if not words:
                continue
            columns = list(
                dict.fromkeys(
                    c for j, x in enumerate(self.m) if x.has("column") for c in self.columns_of(j, numeric=True)
                )
            )
            if len(columns) != 1:
                raise Declined(
                    "Outliers of which column? Name one numeric column.",
                    "어느 열의 이상치인가요? 숫자 열 하나를 적어 주세요.",
                )
            value = float(self.m[k].get("num").key)
            self.m[k].senses = [Sense("outlier_rule")]  # the rule's k, no number of the data
            self.ctx.conditions.append(Condition(columns[0], "outlier", value))
            self.claim(r, k, *words)
            for j in (self.prev_index(k), self.next_index(r)):
                # "more than 1.5 IQR", "1.5 IQR 기준", "1.5 times the IQR"
                if j is not None and self.roles(j) & {"compare", "group", "times"} and not self.roles(j) & {"column"}:
                    self.claim(j)
            return

    def _spread(self) -> None:
        """ "the difference between the highest and lowest X", "X 최고값과 최저값의 차이": two opposite
        extremes joined, with a word for their difference, are one statistic, the range (max − min)."""

        def extreme(j: int) -> str | None:
            m = self.m[j]
            for role in ("superlative", "superlative_marker"):
                if m.has(role) and m.get(role).key in ("high", "low"):
                    return m.get(role).key
            if m.has("agg") and m.get("agg").key in ("max", "min"):
                return "high" if m.get("agg").key == "max" else "low"
            return None

        def differs(j: int) -> bool:
            m = self.m[j]
            return (
                (m.has("agg") and m.get("agg").key == "range")
                or (m.has("intent") and m.get("intent").key == "difference")
                or (m.has("change") and m.get("change").key == "change")
            )

        ranges = [j for j, m in enumerate(self.m) if m.has("agg") and m.get("agg").key == "range"]
        if len(ranges) > 1:
            self.claim(*ranges[1:])  # "the range of X (max minus min)": one statistic, said twice
        for a in range(len(self.m)):
            join = self.next_index(a, ("filler",))
            b = self.next_index(join, ("filler",)) if join is not None else None
            joined = join is not None and (
                self.m[join].has("minus")  # "max minus min": the range said as it is computed
                or self.m[join].has("range_join")
                or self.m[join].has("either")
                or self.m[join].text in self.lex.forms("either")  # "최고값과 최저값": 과 read as a particle
            )
            if b is None or not joined:
                continue
            if {extreme(a), extreme(b)} != {"high", "low"}:
                continue
            near = [j for j in (*range(max(0, a - 3), a), *range(b + 1, min(len(self.m), b + 4))) if differs(j)]
            if self.m[join].has("minus") and extreme(a) == "high":
                said = [j for j, m in enumerate(self.m) if m.has("agg") and m.get("agg").key == "range"]
                if said:  # "the range of X (max minus min)": the same statistic, said twice
                    self.claim(a, join, b)
                    return
                near = near or [a]
                self.claim(a, join, b)
                self.used.discard(a)  # the first extreme stands for the range (`_measures`)
                self.spread_at = a
                return
            if not near:
                continue
            self.spread_at = near[0]
            self.claim(a, join, b)
            for j in range(max(0, a - 3), a):
                if self.m[j].has("between"):
                    self.claim(j)
            return

    def _differences(self) -> None:
        """ "temp_max minus temp_min", "temp_max에서 temp_min을 뺀 값": the per-row difference of two
        numeric columns, measured like a column of its own (the plan's `derived` columns)."""

        def numeric(j: int | None) -> str | None:
            if j is None or j in self.used or not self.m[j].has("column") or self.m[j].has("value"):
                return None
            names = self.columns_of(j, numeric=True)
            if len(names) > 1:  # the one named in full ("arrivals", not the "tourists" it may mean)
                full = {s.key for s in self.m[j].all("column") if s.quality >= 1.0 and s.key in names}
                names = list(full) if len(full) == 1 else names
            return names[0] if len(names) == 1 else None

        self._row_sums(numeric)
        for j, m in enumerate(self.m):
            words = m.text.lower().split()
            pair: tuple[int, int, list[int]] | None = None
            if words[:1] == ["minus"] and len(words) > 1 and numeric(j):
                pair = (self.prev_index(j, ("filler",)), j, [])  # "A minus B" read as A, "minus B"
            elif m.has("minus") or (self._spaced_dash(j) and numeric(j - 1) and numeric(j + 1)):
                # (a dash between two numeric columns is their difference: "temp_max - temp_min")
                pair = (self.prev_index(j, ("filler",)), self.next_index(j, ("filler",)), [j])
            elif (
                self._spaced_dash(j)
                and self.m[j - 1].has("column")
                and (self.m[j + 1].has("column") or self.m[j + 1].has("entity"))
            ):
                # a dash between a column and a name that is not a number to subtract: never
                # dropped as punctuation (the first column's statistic would answer another question)
                raise Declined(
                    f"I can subtract only one numeric column from another; “{self._words(j - 1, j + 1)}” "
                    "is not two numeric columns.",
                    f"숫자 열끼리만 뺄 수 있습니다. “{self._words(j - 1, j + 1)}”은(는) 숫자 열 두 개가 아닙니다.",
                )
            elif self.lang == "ko" and m.text.startswith(("뺀", "빼면", "빼고 난", "차감")):
                b = self.prev_index(j, ("particle",))
                a = self.prev_index(b, ("particle", "range_join", "condition")) if b is not None else None
                if a is not None and a + 1 < b and self.m[a + 1].text == "에서":
                    pair = (a, b, [j, a + 1])
            elif (
                m.has("intent")
                and m.get("intent").key == "difference"
                and (self._mean_asked() or self._extreme_asked())
            ):
                pair = self._difference_of_two(j)
            if pair is None or pair[0] is None or pair[1] is None:
                continue
            a, b = numeric(pair[0]), numeric(pair[1])
            if a is None or b is None or a == b:
                continue
            name = self._derived_difference(a, b)
            self.m[pair[0]].senses = [Sense("column", name, 1.0)]
            self.claim(pair[1], *pair[2])
            for k in (pair[1], *pair[2]):
                self.difference_words[k] = pair[0]  # a superlative beside them ranks by the difference
            nxt = self.next_index(j, ("particle",))
            if self.lang == "ko" and nxt is not None and self.m[nxt].text in lexicon().data["difference_heads"]:
                self.claim(nxt)  # "뺀 값", "뺀 금액": the difference itself
            self._difference_named(pair[0])
            return

    def _difference_named(self, a: int) -> None:
        """ "the daily range (high minus low)", "the spread, A − B": a word for a spread said just
        before the difference names the difference itself, not a statistic of it (the range of
        the difference would answer another question)."""
        before = self.prev_index(a, ("filler", "particle"))
        while before is not None and self.m[before].text in ("(", "[", ":", ","):
            before = self.prev_index(before, ("filler", "particle"))
        if before is None or before in self.used:
            return
        m = self.m[before]
        spread = m.has("agg") and m.get("agg").key == "range" or m.text.lower() in ("gap", "spread", "difference")
        if spread:
            self.claim(before)

    def _extreme_asked(self) -> bool:
        """A superlative asked ("the largest", "가장 큰"): the difference of two columns it ranks by
        is their per-row difference ("the day with the largest difference between high and low")."""
        return any(
            i not in self.used and (m.has("superlative") or m.has("superlative_marker")) for i, m in enumerate(self.m)
        )

    def _mean_asked(self) -> bool:
        """An average asked ("on average", "월평균", "average"): a difference of two columns' means
        is the mean of their per-row difference."""
        return any(i not in self.used and m.has("agg") and m.get("agg").key == "mean" for i, m in enumerate(self.m))

    def _difference_of_two(self, j: int) -> tuple[int | None, int | None, list[int]] | None:
        """The two columns a difference word at j is of, as (a, b, words used): "how many more A
        than B" (A − B), "the difference between A and B", "A와 B의 차이" (A − B, said as unsigned)."""
        columnar = lambda k: k is not None and self.m[k].has("column") and not self.m[k].has("value")  # noqa: E731
        joins = ("either", "range_join")
        nxt = self.next_index(j, ("filler",))
        if columnar(nxt):
            than = self.next_index(nxt, ("filler",))
            b = self.next_index(than, ("filler",)) if than is not None else None
            if than is not None and self.m[than].has("than") and columnar(b):
                return (nxt, b, [j, than])  # "how many more A than B"
            return None
        if nxt is not None and self.m[nxt].has("between"):
            a = self.next_index(nxt, ("filler",))
            first_agg = self._same_agg_before(a, columnar)
            if first_agg is not None:
                a = self.next_index(a, ("filler",))  # "the difference between average A and average B"
            join = self.next_index(a, ("filler",)) if a is not None else None
            b = self.next_index(join, ("filler",)) if join is not None else None
            second_agg = self._same_agg_before(b, columnar) if first_agg is not None else None
            if second_agg is not None and self.m[second_agg].get("agg").key == self.m[first_agg].get("agg").key:
                b = self.next_index(b, ("filler",))
                if columnar(a) and self.m[join].roles & set(joins) and columnar(b) and self._whole(a, b):
                    return (a, b, [j, nxt, join, second_agg])
                return None
            if columnar(a) and join is not None and self.m[join].roles & set(joins) and columnar(b):
                return (a, b, [j, nxt, join])  # "the difference between A and B"
            return None
        if self.lang == "ko":
            b = self.prev_index(j, ("particle", "condition"))
            # "A 평균과 B 평균의 차이": each side's statistic said after it, the same one
            b_agg = b if b is not None and self.m[b].has("agg") and not self.m[b].has("column") else None
            if b_agg is not None:
                b = self.prev_index(b_agg, ("particle",))
            join = b - 1 if b is not None and b >= 2 else None
            a_agg = None
            if b_agg is not None and join is not None and join >= 2:
                a_agg = join - 1 if self.m[join - 1].has("agg") and not self.m[join - 1].has("column") else None
            a = (
                (a_agg - 1 if a_agg is not None else None)
                if b_agg is not None
                else (b - 2 if join is not None else None)
            )
            if columnar(b) and columnar(a) and join is not None and self.m[join].text in ("와", "과", "랑", "이랑"):
                if b_agg is not None:
                    if a_agg is None or self.m[a_agg].get("agg").key != self.m[b_agg].get("agg").key:
                        return None
                    if not self._whole(a, b):
                        return None
                    rest = [k for k in range(b_agg + 1, j) if self.m[k].roles <= {"particle", "condition"}]
                    return (a, b, [j, join, b_agg, *rest])
                used = [j, join] + [k for k in range(b + 1, j) if self.m[k].roles <= {"particle", "condition"}]
                return (a, b, used)  # "A와 B의 차이"
        return None

    def _same_agg_before(self, k: int | None, columnar: Any) -> int | None:
        """The statistic word at k said right before a column ("average A"), or None."""
        if k is None or not self.m[k].has("agg") or self.m[k].has("column"):
            return None
        if self.m[k].get("agg").key not in ("mean", "sum", "median"):
            return None
        nxt = self.next_index(k, ("filler",))
        return k if columnar(nxt) else None

    def _whole(self, a: int, b: int) -> bool:
        """Whether two columns have a value on every row: then the difference of their means
        (totals) is the mean (total) of their per-row difference; else each statistic is over its
        own rows and the per-row difference would answer another question (declined)."""
        names = [self.columns_of(x, numeric=True) for x in (a, b)]
        if not all(len(n) == 1 for n in names):
            return False
        if all(self.col(n[0]).nulls == 0 for n in names):
            return True
        raise Declined(
            f"{names[0][0]} and {names[1][0]} each have missing values on different rows, so their "
            "statistics are taken over different rows; ask for each one and compare them.",
            f"{names[0][0]}과(와) {names[1][0]}은(는) 값이 빠진 행이 서로 달라서 두 통계가 다른 행들로 "
            "계산됩니다. 각각 물어본 뒤 비교해 주세요.",
        )

    def _derived_difference(self, a: str, b: str, op: str = "-") -> str:
        """A column computed from two (the plan's `derived` columns): the per-row difference a − b
        ("-"), total a over total b ("/", measured as a ratio), a weighted by b ("w")."""
        name = {
            "-": f"{a} − {b}",
            "s": f"{a} − {b}",
            "sm": f"{a} − {b}, minutes",
            "sh": f"{a} − {b}, hours",
            "sd": f"{a} − {b}, days",
            "sy": f"{a} − {b}, years",
            "/": f"{a} ÷ {b}",
            "q": f"{a} ÷ {b}",
            "w": f"{a} ⊗ {b}",
            "+": f"{a} + {b}",
        }[op]
        if name not in {c.name for c in self.t.columns}:
            first = self.col(a)
            unit = first.unit if op == "w" or (op in ("-", "+") and first.unit == self.col(b).unit) else None
            self.t.columns.append(
                Column(
                    name=name,
                    kind="numeric",
                    dtype="float64",
                    keys=name_keys(name),
                    base=(),
                    unit=None if op == "/" else unit,
                    distinct=first.distinct,
                )
            )
        self.derived[name] = (a, op, b)
        return name

    def _ratios(self) -> None:
        """ "revenue per unit"-like ratios and weighted means of two numeric columns, measured as
        one derived column: "전용면적당 거래가격", "units당 revenue", "revenue per units" (total
        revenue ÷ total units); "average price weighted by units", "units로 가중한 price 평균"
        (Σ price·units ÷ Σ units). The other numeric column must be named once, unambiguously;
        otherwise the weighting word stays unused and the plan declines."""

        def numeric(j: int | None) -> str | None:
            if j is None or j in self.used or not self.m[j].has("column") or self.m[j].has("value"):
                return None
            names = self.columns_of(j, numeric=True)
            return names[0] if len(names) == 1 and names[0] not in self.derived else None

        def ends_weighted(j: int) -> bool:
            words = self.m[j].text.lower().split()  # "price weighted": a column read with the word
            return self.m[j].has("column") and len(words) > 1 and words[-1] == "weighted"

        # weighted means: the weight is the column after "by" (English) or just before the word
        markers = [j for j, m in enumerate(self.m) if j not in self.used and (m.has("weighted") or ends_weighted(j))]
        if markers:
            weight = None
            used = [j for j in markers if not ends_weighted(j)]  # "price weighted" is the measure
            for j in markers:
                nxt = j + 1 if j + 1 < len(self.m) else None
                after = self.next_index(nxt, ("filler",)) if nxt is not None else None
                if nxt is not None and self.m[nxt].text.lower() == "by" and numeric(after):
                    weight = after
                    used.append(nxt)
                    break
                before = self.prev_index(j, ("particle", "filler"))
                if self.lang == "ko" and not ends_weighted(j) and numeric(before):
                    weight = before
                    break
            if weight is None:
                return
            measured = [
                j
                for j, m in enumerate(self.m)
                if j != weight
                and (j not in markers or ends_weighted(j))  # "weighted" itself may read as a "weight" column
                and (numeric(j) or (ends_weighted(j) and j not in self.used))
            ]
            names = {self.columns_of(j, numeric=True)[0] for j in measured if self.columns_of(j, numeric=True)}
            if len(names) != 1 or numeric(weight) in names:
                return
            a, b = names.pop(), numeric(weight)
            name = self._derived_difference(a, b, "w")
            for j in measured:
                self.m[j].senses = [Sense("column", name, 1.0)]
            self.claim(weight, *used)
            return
        self._quotients(numeric)
        # ratios: "A per B" with two numeric columns; "B당 A" (the suffix on B, or 당 after it)
        for j, m in enumerate(self.m):
            if j in self.used:
                continue
            pair = None
            if m.text.lower() == "per" and m.has("group"):
                pair = (self.prev_index(j, ("filler",)), self.next_index(j, ("filler",)), [j])
            elif m.has("ratio_per"):
                b = self.prev_index(j, ())
                pair = (self.next_index(j, ("particle", "filler")), b, [j])
            elif m.has("column") and m.text.endswith("당") and not any(c.endswith("당") for c in self.columns_of(j)):
                pair = (self.next_index(j, ("particle", "filler")), j, [])
            if pair is None:
                continue
            a, b = numeric(pair[0]), numeric(pair[1]) or self._unit_column(pair[1])
            if a is None or b is None or a == b:
                continue
            per = self.col(b)
            additive = any(self.lex.concepts.get(k, {}).get("additive") for k in per.concepts)
            if (
                getattr(per, "integer", False)
                and not additive
                and per.distinct
                and per.distinct <= min(50, 0.05 * self.t.rows)
            ):
                # a few whole numbers not known to add up (a headcount, a size class) repeated
                # over many rows: their total may count the same thing many times
                raise Declined(
                    f"{b} has only {per.distinct} different values over {self.t.rows:,} rows, so its total may "
                    f"count the same thing many times; I cannot tell what {a} per {b} should divide by.",
                    f"{b}에는 {self.t.rows:,}개 행에 값이 {per.distinct}가지뿐이라 합계가 같은 것을 여러 번 셀 수 있습니다. "
                    f"{b}당 {a}를 무엇으로 나눌지 알 수 없습니다.",
                )
            # a median of "A per B" is the middle of the rows' own ratios (the median fare per km,
            # the median price per ㎡); a total or an average stays total over total, and an
            # extreme ("max revenue per unit": of which rows' ratio?) stays declined
            each = any(
                i not in self.used and m.has("agg") and m.get("agg").key == "median" for i, m in enumerate(self.m)
            )
            name = self._derived_difference(a, b, "q" if each else "/")
            self.m[pair[0]].senses = [Sense("column", name, 1.0)]
            self.claim(pair[1], *pair[2])

    def _row_sums(self, numeric) -> None:
        """ "A + B", "A plus B", "A와 B를 합친 금액", "A, B, C 세 개 더한 값": the per-row sum of
        two or more numeric columns, measured like a column of its own (the plan's `derived`
        columns, nested for more than two: (A + B) + C). Every column must be named, one each;
        a list that names anything else is left alone (and the words unused decline)."""
        joiners = ("와", "과", "및", ",", "랑", "이랑", "하고", "and", "&")
        for j, m in enumerate(self.m):
            if j in self.used:
                continue
            text = m.text.lower()
            cols: list[int] = []
            words: list[int] = []
            counted = None
            if text in ("+", "plus", "더하기"):
                # A + B (+ C ...): the columns the plus signs join
                first = self.prev_index(j, ("filler",))
                if first is None or numeric(first) is None:
                    continue
                cols, k = [first], j
                while k is not None and k < len(self.m) and self.m[k].text.lower() in ("+", "plus", "더하기"):
                    nxt = self.next_index(k, ("filler",))
                    if nxt is None or numeric(nxt) is None:
                        cols = []
                        break
                    words.append(k)
                    cols.append(nxt)
                    k = nxt + 1 if nxt + 1 < len(self.m) else None
            elif self.lang == "ko" and text.startswith(("합친", "더한", "합한", "합산한", "더하면", "합치면")):
                # "A와 B를 합친", "A, B, C 세 개 합친": the list of columns before the verb
                k = self.prev_index(j, ("particle",))
                counted = None
                if k is not None and self.m[k].has("units") and self.m[k].get("units").key == "count":
                    words.append(k)  # "세 개", "3개", "세 과목": how many columns, said
                    k = self.prev_index(k, ("particle",))
                if k is not None and (self.m[k].has("num") or self.m[k].has("number_words")):
                    counted = (self.m[k].get("num") or self.m[k].get("number_words")).key
                    words.append(k)
                    k = self.prev_index(k, ("particle",))
                while k is not None and numeric(k) is not None:
                    cols.insert(0, k)
                    before = self.prev_index(k, ())
                    if before is None or self.m[before].text.lower() not in joiners:
                        break
                    words.append(before)
                    k = self.prev_index(before, ())
                words.append(j)
            if len(cols) < 2 or (
                self.lang == "ko" and text not in ("+", "더하기") and counted not in (None, len(cols))
            ):
                continue  # "세 개" said of two columns: not this list
            names = [numeric(c) for c in cols]
            if len(set(names)) != len(names):
                continue
            name = names[0]
            for other in names[1:]:
                name = self._derived_difference(name, other, "+")
            self.m[cols[0]].senses = [Sense("column", name, 1.0)]
            self.claim(*cols[1:], *words)
            result = self.next_index(j, ())
            if (
                self.lang == "ko"
                and text not in ("+", "plus")
                and result is not None
                and self.m[result].text in ("금액", "값", "점수", "총액", "합", "합계", "총합")
            ):
                self.claim(result)  # "합친 금액": the sum itself

    def _quotients(self, numeric) -> None:
        """ "A 합계를 B 합계로 나눈 값", "A divided by B", "the ratio of total A to total B": one
        measure over another, read as total A ÷ total B (the derived ratio "A per B" is). Each side
        may carry its total (합계, total) or, over columns with no empty cell (where the two
        quotients are one), its average; any other statistic of a side is another question."""

        def side(j: int | None, forward: bool) -> tuple[int | None, list[int]]:
            """The column at or next to j (skipping particles) and the statistic word beside it."""
            step = self.next_index if forward else self.prev_index
            if j is not None and j not in self.used and self.m[j].has("agg") and not self.m[j].has("column"):
                return step(j, ("particle", "filler")), [j]
            if j is not None and numeric(j):
                k = (self.prev_index if forward else self.next_index)(j, ("particle",))
                if (
                    k is not None
                    and k not in self.used
                    and self.m[k].has("agg")
                    and not self.m[k].has("column")
                    and not self.m[k].has("divide")
                ):
                    return j, [k]
            return j, []

        for j, m in enumerate(self.m):
            if j in self.used:
                continue
            if m.has("divide") and self.lang == "ko" and m.text.startswith("나누기"):
                (a, sa), (b, sb) = side(self.prev_index(j, ("particle",)), False), side(self.next_index(j, ()), True)
            elif m.has("divide") and self.lang == "ko":
                b, sb = side(self.prev_index(j, ("particle", "filler")), False)
                a, sa = side(self.prev_index(b, ("particle", "filler")) if b is not None else None, False)
                if a is not None and sa and sa[0] < a:
                    sa = []
            elif m.has("divide"):
                (a, sa), (b, sb) = side(self.prev_index(j, ("filler",)), False), side(self.next_index(j, ()), True)
            elif m.text.lower() == "ratio" and m.has("agg"):
                nxt = self.next_index(j, ())
                if nxt is None or self.m[nxt].text.lower() != "of":
                    continue
                a, sa = side(self.next_index(nxt, ()), True)
                to = self.next_index(a, ()) if a is not None else None
                if to is None or self.m[to].text.lower() != "to":
                    continue
                b, sb = side(self.next_index(to, ()), True)
                sb, sa = sb + [nxt, to], sa
            else:
                continue
            ca, cb = numeric(a), numeric(b)
            if ca is None or cb is None or ca == cb:
                continue
            stats = {self.m[k].get("agg").key for k in sa + sb if self.m[k].has("agg")}
            if stats - {"sum", "mean"} or ("mean" in stats and (self.col(ca).nulls or self.col(cb).nulls)):
                continue  # a median over a maximum: not total over total
            name = self._derived_difference(ca, cb, "/")
            self.m[a].senses = [Sense("column", name, 1.0)]
            self.m[j].senses = [Sense("agg", "ratio", 1.0)]  # the dividing word is the statistic asked
            self.claim(b, *sa, *sb)
            value = self.next_index(j, ())
            if self.lang == "ko" and value is not None and self.m[value].text in ("값", "값은", "값이"):
                self.claim(value)
            return

    def _unit_column(self, j: int | None) -> str | None:
        """The one numeric column measured in the unit a word names ("per km": distance_km)."""
        if j is None or j in self.used or not self.m[j].has("units") or self.m[j].has("column"):
            return None
        word = self.m[j].text.lower()
        found = [c.name for c in self.t.columns if c.numeric and c.unit and c.unit.lower() == word]
        return found[0] if len(found) == 1 else None

    def _column_comparisons(self) -> None:
        """ "rows with temp_min greater than temp_max", "최저기온이 최고기온보다 높은 날": one numeric
        column compared with another, row by row, is a condition on their per-row difference
        (temp_min − temp_max > 0). Only two numeric columns side by side with the comparison
        between them (English) or after them (Korean "A이 B보다 높은"); a number in between
        ("15도 이상 높은") is not this reading and is left to the other passes."""
        ops = {"gt": ">", "lt": "<", "ge": ">=", "le": "<="}

        def numeric(j: int | None) -> str | None:
            if j is None or j in self.used or not self.m[j].has("column") or self.m[j].has("value"):
                return None
            names = self.columns_of(j, numeric=True)
            return names[0] if len(names) == 1 and names[0] not in self.derived else None

        def dated(j: int | None) -> str | None:
            if j is None or j in self.used or not self.m[j].has("column") or self.m[j].has("value"):
                return None
            names = [c for c in self.columns_of(j) if self.col(c).is_date]
            return names[0] if len(names) == 1 and len(self.columns_of(j)) == 1 else None

        self._margin_comparisons(ops, numeric)
        for j, m in enumerate(self.m):
            sense = m.get("compare") or m.get("compare_after") or m.get("date_compare")
            if j in self.used or sense is None or sense.key not in ops:
                continue
            before = not is_hangul(m.text[:1]) and (m.has("compare") or m.has("date_compare"))
            if before:  # A greater than B, A after B
                ia, ib = self.prev_index(j, ("filler",)), self.next_index(j, ("filler",))
            else:  # A이 B보다 높은, A가 B보다 늦은
                ib = self.prev_index(j, ("particle",))
                ia = self.prev_index(ib, ("particle", "filler")) if ib is not None else None
                if ia is not None and self.m[ia].has("than") and not self.m[ia].has("column"):
                    # B보다 A가 많은: what "보다" follows is the other side
                    than = ia
                    ia, ib = ib, self.prev_index(than, ("particle",))
                    if dated(ib) or numeric(ib):
                        self.claim(than)
            a, b = dated(ia), dated(ib)
            if a is not None and b is not None and a != b and (m.has("date_compare") or before):
                # one date after another ("delivered_date after promised_date"): compared exactly,
                # as the seconds between them (never whole days, which would drop a time of day)
                name = self._derived_difference(a, b, "s")
                self.ctx.conditions.at = ia
                self.ctx.conditions.append(Condition(name, ops[sense.key], 0))
                self.claim(ia, ib, j)
                continue
            if m.has("date_compare") and not (m.has("compare") or m.has("compare_after")):
                continue
            a, b = numeric(ia), numeric(ib)
            if a is None or b is None or a == b:
                continue
            if not _alike(self.col(a), self.col(b)):
                raise Declined(
                    f"{a} and {b} do not look like measures of the same thing (no shared unit or name), "
                    "so comparing them row by row would not mean much.",
                    f"{particle(a, '와/과')} {particle(b, '은/는')} 같은 것을 재는 값으로 보이지 않아(단위나 이름이 겹치지 "
                    "않음) 행마다 비교해도 의미가 없습니다.",
                )
            name = self._derived_difference(a, b)
            self.ctx.conditions.at = ia
            self.ctx.conditions.append(Condition(name, ops[sense.key], 0))
            self.claim(ia, ib, j)

    def _margin_comparisons(self, ops: dict[str, str], numeric: Any) -> None:
        """ "최고기온이 최저기온보다 10도 이상 높은", "최고기온 at least 10 degrees higher than 최저기온":
        one column above (or below) another by a margin, row by row: a condition on their per-row
        difference (최고기온 − 최저기온 ≥ 10; "lower" is the other way round, 최저기온 − 최고기온)."""

        def amount(k: int | None) -> tuple[float, list[int]] | None:
            if k is None or k in self.used or not self.m[k].has("num"):
                return None
            span = [k]
            if k + 1 < len(self.m) and self.m[k + 1].has("units"):
                span.append(k + 1)
            return float(self.m[k].get("num").key), span

        for j, m in enumerate(self.m):
            if j in self.used:
                continue
            found = None
            if m.has("than") and is_hangul(m.text[:1]):  # A이 B보다 10도 이상 높은
                ib = self.prev_index(j, ("particle",))
                ia = self.prev_index(ib, ("particle", "filler")) if ib is not None else None
                got = amount(self.next_index(j, ()))
                if got is not None:
                    cmp = self.next_index(got[1][-1], ("particle",))
                    way = self.next_index(cmp, ("particle",)) if cmp is not None else None
                    if (
                        cmp is not None
                        and way is not None
                        and self.m[cmp].has("compare_after")
                        and self.m[cmp].get("compare_after").key in ops
                        and self.m[way].has("degree")
                    ):
                        high = self.m[way].get("degree").key == "high"
                        found = (ia, ib, ops[self.m[cmp].get("compare_after").key], got, high, [j, cmp, way])
            elif m.has("compare") and m.get("compare").key in ops:
                # A at least 10 degrees higher than B
                got = amount(self.next_index(j, ("filler",)))
                if got is not None:
                    way = self.next_index(got[1][-1], ("filler",))
                    if (
                        way is not None
                        and self.m[way].text.lower().endswith("than")
                        and self.m[way].has("compare")
                        and self.m[way].get("compare").key in ("gt", "lt")
                    ):
                        ia, ib = self.prev_index(j, ("filler",)), self.next_index(way, ("filler",))
                        high = self.m[way].get("compare").key == "gt"
                        found = (ia, ib, ops[m.get("compare").key], got, high, [j, way])
            if found is None:
                continue
            ia, ib, op, (value, span), high, words = found
            a, b = numeric(ia), numeric(ib)
            if a is None or b is None or a == b or not _alike(self.col(a), self.col(b)):
                continue
            name = self._derived_difference(a, b) if high else self._derived_difference(b, a)
            self.ctx.conditions.at = ia
            self.ctx.conditions.append(Condition(name, op, value))
            self.claim(ia, ib, *span, *words)

    def _spaced_dash(self, j: int) -> bool:
        """A dash written with spaces around it between two words ("temp_max - temp_min"), not
        one joining a compound ("plant-months", "2015-2019")."""
        if not (0 < j < len(self.m) - 1) or self.m[j].text not in _DASHES:
            return False
        dash, after = self.m[j].start, self.m[j + 1].start
        return not self.tokens[dash].joined and not self.tokens[after].joined

    def _needs_counter(self, i: int) -> bool:
        """A one-syllable number word (한, 두, 세, 네) counts only before a counter ("세 곳") or,
        in a question that ranks, before the noun of what is listed ("두 모델"): alone it is
        another word (세: years old, 네: yes)."""
        j = self.next_index(i, ())
        if j is not None and any(u.key == "count" for u in self.m[j].all("units")):
            return False  # "두 대": 대 counts cars here (it may also be an age: "20대")
        return not (
            j is not None
            and (self.m[j].has("entity") or self.m[j].has("column"))
            and not self.m[j].has("units")
            and self._has_any("superlative", "superlative_marker", "order")
        )

    def _number_word_counter(self, i: int) -> tuple[float, str] | None:
        """(the number, the counter) of a mention the matcher read as one word across a space
        ("세 대" as 세대, households), when it is a number word and a counter."""
        m = self.m[i]
        if not m.has("units") or " " not in m.text.strip() or m.has("column") or m.has("value"):
            return None
        head, _, tail = m.text.strip().partition(" ")
        numbers = {str(f): float(k) for k, forms in lexicon().data["number_words"].items() for f in forms}
        counters = {str(f) for f in lexicon().data["units"]["count"]}
        if head in numbers and tail.strip() in counters:
            before = self.prev_index(i, ())
            if before is None or not self.m[before].has("num"):
                return numbers[head], tail.strip()
        return None

    # overview, describe, missing, correlations, columns: whole-table answers
    def _fixed_intents(self) -> None:
        self.intents: dict[str, int] = {}
        for i, m in enumerate(self.m):
            for s in m.all("intent"):
                if m.has("column") or m.has("value"):
                    continue
                self.intents.setdefault(s.key, i)

    # "top 5", "5 most expensive", "상위 5개"
    def _limits(self, nums: list[_Num]) -> None:
        for n in nums:
            if (
                n.number is None
                or n.index in self.used
                or not (n.number.unit in (None, "count") or "count" in n.number.alternatives)
            ):
                continue
            if not float(n.number.value).is_integer() or not 0 < n.number.value <= 1000:
                continue
            before = self.prev_index(n.index)
            after = self.next_index(n.span[-1])
            said = self.prev_index(n.index, ("filler", "particle")), self.next_index(n.span[-1], ("particle",))
            if (said[0] is not None and self.m[said[0]].has("compare")) or (
                said[1] is not None and self.m[said[1]].has("compare_after")
            ):
                continue  # "500건 이상", "at least 5": a comparison, never how many to list
            order = None
            if before is not None and self.m[before].has("order"):
                order = self.m[before].get("order").key
                self.claim(before)
            elif after is not None and self.m[after].has("order") and self.lang == "ko":
                order = self.m[after].get("order").key
                self.claim(after)
            elif after is not None and (
                self.m[after].has("superlative")
                or self.m[after].has("adjective")
                or self.m[after].has("superlative_marker")
            ):
                order = "top"  # direction from the superlative
            elif (
                self.lang == "ko"
                and (
                    n.number.unit == "count"
                    or ("count" in n.number.alternatives and self.m[n.index].has("number_words"))
                )  # "다섯 대": a number word before 대 counts things, never an age
                and self._has_any("superlative", "superlative_marker", "order", "adjective")
            ):
                order = "top"
            elif (
                self.lang == "ko"
                and self.m[n.index].has("number_words")
                and after is not None
                and (self.m[after].has("entity") or self.m[after].has("column"))
                and self._has_any("superlative", "superlative_marker", "order")
            ):
                order = "top"  # "가장 낮은 두 모델": a number word before what is ranked
            elif (
                before is not None
                and self.lang == "en"
                and (
                    self.m[before].has("superlative")
                    or (self.m[before].has("adjective") and self.m[before].text.lower().endswith("est"))
                )
            ):
                if self.m[n.index].text.lower() == "one":
                    self.claim(n.index)  # "the fastest one": the pronoun, the superlative's own row
                    continue
                order = "top"  # "the highest 5", "heaviest 3 shipments"
            elif (
                after is not None
                and (self.m[after].has("entity") or self.m[after].has("column"))
                and not self.m[after].has("units")
                and self._has_any("superlative", "superlative_marker", "adjective")
                and (before is None or self.m[before].has("which") or self.m[before].has("filler"))
            ):
                order = "top"  # "which 3 states have the lowest poverty", "5 cheapest models"
            if order is None:
                continue
            order = {"desc": "top", "asc": "bottom"}.get(order, order)  # "많은 순 5개": the first five
            self.claim(*n.span)
            self.ctx.limit = int(n.number.value)
            if order in ("top", "bottom", "first", "last"):
                self.limit_kind = order
        for i, m in enumerate(self.m):
            if (
                m.has("order")
                and i not in self.used
                and m.get("order").key in ("top", "bottom")
                and self.ctx.limit is None
                and not m.has("column")
            ):
                # "the top cars by mpg" with no number: one
                self.limit_kind = m.get("order").key

    def _has_any(self, *roles: str) -> bool:
        return any(m.has(r) for m in self.m for r in roles)

    # "price over 100", "가격이 3000 이상", "between 10 and 20", "heavier than 3000"
    def _comparisons(self, nums: list[_Num]) -> None:
        k = 0
        last: tuple[int, str] | None = None  # (where the last comparison ended, its column)
        while k < len(nums):
            n = nums[k]
            if n.number is None or n.index in self.used:
                k += 1
                continue
            op, op_index = self._operator(n)
            # A range: between A and B / A to B / A~B / A에서 B 사이 / from A to B
            partner = nums[k + 1] if k + 1 < len(nums) else None
            if op == "!=" and partner is not None and self._listed_with(n, partner):
                k += 1  # "religious other than 1 or 2": a list excluded (`_equalities`), not != 1
                continue
            rng = self._range(n, partner) if partner is not None and partner.number is not None else None
            if rng is not None:
                between_idx, joins = rng
                if self._looks_like_years(n, partner) and self._has_any("change"):
                    # "the increase in average price from 2019 to 2024": two years of a change
                    # (the periods, read by _dates), not a range of prices
                    k += 2
                    continue
                before = set(self.used)
                column = self._number_column(n, partner)
                if column is not None and self._years_not_amounts(column, n, partner):
                    self.used = before  # "average gas price between 2002 and 2004": years (see _dates)
                    k += 1
                    continue
                if column is None:
                    if self._looks_like_years(n, partner):
                        k += 1
                        continue
                    raise Declined(
                        f"I could not tell which column the range {n.number.text} – {partner.number.text} is about.",
                        f"{n.number.text}~{partner.number.text} 범위가 어느 열에 대한 것인지 알 수 없습니다.",
                    )
                if (partner.number.scale != 1.0) != (n.number.scale != 1.0) and partner.number.unit == n.number.unit:
                    # "between 7 and 8 million", "5~6천만": the scale word written once, after the
                    # range, scales both ends (as a unit written once does)
                    big, small = (partner, n) if partner.number.scale != 1.0 else (n, partner)
                    k2 = big.number.scale
                    if small.index < big.index and 0 <= small.number.value < big.number.value / k2:
                        scaled = dataclasses.replace(small.number, value=small.number.value * k2, scale=k2)
                        small = _Num(small.index, small.span, scaled)
                        n, partner = (small, big) if small.index == n.index else (big, small)
                lo, hi = sorted((self.convert(n.number, column), self.convert(partner.number, column)))
                self._fits_values(n, column, lo)
                self._fits_values(partner, column, hi)
                if self._age_decade(partner.number, column) or self._age_decade(n.number, column):
                    hi += 9  # "20~30대", "40~50대": to the end of the last decade (39, 59)
                self.ctx.conditions.at = n.index
                self.ctx.conditions.append(Condition(column, "between", (lo, hi)))
                self.claim(*n.span, *partner.span, *between_idx, *joins)
                k += 2
                continue
            if op is None:
                k += 1
                continue
            if (
                op_index is not None
                and self.m[op_index].has("date_compare")
                and not self.m[op_index].has("compare")
                and not self.m[op_index].has("compare_after")
            ):
                k += 1
                continue  # since/after/before: a date (see _dates)
            if self._group_filter(n, op, op_index):
                k += 1
                continue
            band = self._band_value(n, op, op_index)
            if band is not None:
                self.ctx.conditions.at = min(n.index, op_index if op_index is not None else n.index)
                self.ctx.conditions.append(Condition(band[0], "==", band[1]))
                self.claim(*n.span, op_index)
                last = None
                k += 1
                continue
            column = self._number_column(n, None, op_index)
            if (
                column is None
                and last is not None
                and n.index - last[0] <= 3
                and all(
                    self.roles(x)
                    <= {"particle", "filler", "range_join", "either", "compare_after", "compare", "condition"}
                    for x in range(last[0] + 1, n.index)
                )
            ):
                column = last[1]  # "3000 이상 4000 이하": the same column
            if column is None and not self._is_year(n):
                column = self._only_column_at_scale(n)
            if column is None:
                if self._is_year(n):
                    k += 1
                    continue  # a date comparison ("after 2013"): see _dates
                raise Declined(
                    f"I could not tell which column “{self._words(n.span[0], n.span[-1])}” is about.",
                    f"“{self._words(n.span[0], n.span[-1])}”이(가) 어느 열에 대한 조건인지 알 수 없습니다.",
                )
            value = self.convert(n.number, column)
            if (
                n.number.unit == "percent"
                and self.col(column).maximum is not None
                and float(self.col(column).maximum) <= 1.0
            ):
                value = value / 100
            self._fits_values(n, column, value)
            if self._age_decade(n.number, column) and op in ("<=", ">"):
                value += 9  # "30대 이하": to the decade's last age, 39; "30대 이상" from its first, 30
            self.ctx.conditions.at = min(n.index, op_index if op_index is not None else n.index)
            self.ctx.conditions.append(Condition(column, op, value))
            self.claim(*n.span, op_index)
            last = (max(n.span[-1], op_index or 0), column)
            k += 1

    _BAND_SIGNS = {"<": ("<",), "<=": ("<=", "≤"), ">": (">",), ">=": (">=", "≥")}

    _BAND = re.compile(
        r"\s*(<=|>=|≤|≥|<|>)?\s*(\d+(?:\.\d+)?)\s*(?:[-–~]\s*(\d+(?:\.\d+)?))?\s*(\+)?\s*([A-Za-z]{0,3})\s*"
    )

    def _band_value(self, n: _Num, op: str, op_index: int | None) -> tuple[str, Any] | None:
        """ "policyholders under 25", "25세 미만 가입자", "cars over 2 litres": where a category
        column keeps bands labelled with the comparison itself ("<25", ">2l", ">=65"), the
        comparison names that band: its rows are what the data can tell (the values within a
        band are not in it), and a numeric column near the words ("policyholders": Holders) is
        not compared with the band's bound. A column named right before the comparison ("Holders
        under 25", "Holders가 25 미만") keeps the number's own reading. One band in one column only.
        A bound within such bands that is no band of its own ("policyholders under 30" over <25,
        25-29, 30-35, >35) may be about the banded quantity, which the data does not hold row by
        row: declined, rather than compared with the numeric column near the words."""
        signs = self._BAND_SIGNS.get(op)
        if not signs or n.number is None or op_index is None:
            return None
        bound = float(n.number.value) * float(n.number.scale or 1.0)
        found, spans = [], []
        for column in self.t.columns:
            if column.numeric or column.is_date or column.kind not in ("categorical", "text") or not column.values:
                continue
            parsed = [(v, self._BAND.fullmatch(str(v))) for v in column.values]
            if len(parsed) < 2 or not all(m and (m.group(1) or m.group(3) or m.group(4)) or m for _, m in parsed):
                continue
            if sum(1 for _, m in parsed if m and (m.group(1) or m.group(3) or m.group(4))) < 2:
                continue  # plain numbers written as text, no bands
            if not any(m and (m.group(1) or m.group(4)) for _, m in parsed):
                continue  # ranges with no open end ("2019-20" seasons) are no bands of a scale
            edges = [float(x) for _, m in parsed if m for x in (m.group(2), m.group(3)) if x]
            spans.append((column.name, min(edges), max(edges)))
            for value, m in parsed:
                if m and m.group(1) in signs and not m.group(3) and float(m.group(2)) == bound:
                    found.append((column.name, value))
        if not found and not spans:
            return None
        first = min(n.index, op_index)
        j = self.prev_index(first, ("particle",))
        if j is not None and j not in self.used and any(self.col(c).numeric for c in self.columns_of(j)):
            return None  # "Holders under 25": the named column compared
        if len(found) == 1:
            return found[0]
        inside = [name for name, lo, hi in spans if lo <= bound <= hi]
        if inside:
            words = self._words(min(n.span[0], op_index), max(n.span[-1], op_index))
            raise Declined(
                f"“{words}” may be about {inside[0]}, which this data keeps in bands "
                f"({', '.join(str(v) for v in self.col(inside[0]).values[:6])}), not as a number of each row; "
                "ask for the bands you mean, or name the column compared.",
                f"“{words}”은(는) {inside[0]}에 대한 조건일 수 있는데, 이 데이터는 그 값을 구간"
                f"({', '.join(str(v) for v in self.col(inside[0]).values[:6])})으로만 가지고 있습니다. 원하는 구간을 "
                "묻거나 비교할 열을 말해 주세요.",
            )
        return None

    def _measured_in_periods(self, n: _Num, noun: int, op_index: int | None) -> bool:
        """ "children absent more than 30 days", "결석일수가 20일을 넘는": a number of days (months,
        years) compared with a numeric column named just before it, in a table whose rows are not
        kept one per thing and such period, is that column's value in that unit (the days absent),
        never a number of rows a group must have."""
        words = self.m[noun].text.split()
        period = _time_word(words[-1]) or _time_word(words[-1].rstrip("s")) if words else None
        if period is None:
            return False
        keyed = _entity_periods(self.t)
        if keyed is not None and self.col(keyed[1]).granularity == period:
            return False
        first = min([n.span[0], *([op_index] if op_index is not None else [])])
        j = self.prev_index(first, ("filler", "particle", "condition", "between", "order"))
        comparative = (
            j is not None and self.roles(j) == {"adjective"} and op_index is not None and self.m[op_index].has("than")
        )
        if comparative:
            # "a duration longer than 10 weeks": the comparative before "than" says how it compares
            # (the column named before it may be claimed by it already)
            j = self.prev_index(j, ("filler", "particle", "condition", "between", "order"))
        if j is None or (j in self.used and not comparative) or self.m[j].has("value"):
            return False
        names = self.columns_of(j)
        return bool(names) and all(
            self.col(c).numeric and not self.col(c).is_date and not self.col(c).yearlike for c in names
        )

    def _group_filter(self, n: _Num, op: str, op_index: int | None) -> bool:
        """ "among cities with at least 1500 orders", "주문이 1500건 이상인 city 중에서", "sites with
        at least 30 months of data": a number of rows (said with a noun for what the rows are, a
        counter, or the period the rows are kept by) that a group of a named column must have.
        Recorded as the plan's group filter (HAVING); the plan must then rank or list that
        column's groups (compose.py), or it declines."""
        if self.having is not None or n.number is None or not float(n.number.value).is_integer():
            return False
        after = self.next_index(n.span[-1], ("filler",))
        before = self.prev_index(n.span[0], ("filler", "particle"))

        def counted(j: int | None) -> bool:
            if j is None or j in self.used or self.m[j].has("value"):
                return False
            m = self.m[j]
            if m.has("entity") and all(self.t.names_rows(c) for c in self.columns_of(j)):
                return True  # orders, shipments, 주문: the rows (or a column naming each row)
            bucket = _time_word(m.text.split()[-1]) or _time_word(m.text.split()[-1].rstrip("s"))
            return bucket is not None and m.has("entity")  # months (of data): rows kept per period

        if self._years_of(after) is not None:
            return False  # "more than 12 years of schooling": a value of schooling, in years
        if n.number.unit == "money":
            return False  # "more than 10 dollars an hour": an amount (a wage), never a number of rows
        counter = any(self.m[x].has("units") and self.m[x].get("units").key == "count" for x in n.span)
        noun = after if counted(after) else before if (self.lang == "ko" and counted(before)) else None
        if noun is None and not counter:
            return False
        if noun is not None and self._measured_in_periods(n, noun, op_index):
            return False
        if noun is None:
            # "방문객수가 8만 명을 넘은": a counter after a number compared with a numeric column named
            # just before it is that column's unit (persons, cars), not a number of rows; so is one
            # after a statistic of it ("입국자 수 합계가 100만 명이 넘는")
            first = min([n.index, *([op_index] if op_index is not None else [])])
            j = self.prev_index(first, ("filler", "particle", "condition", "between", "order"))
            if j is not None and self.m[j].has("agg") and self.m[j].get("agg").key not in ("count", "records"):
                return False
            if j is not None and j not in self.used and any(self.col(c).numeric for c in self.columns_of(j)):
                return False
        # the group: a column of names said just before ("cities with") or, in Korean, after
        # ("이상인 city 중에서") the number and its comparison
        edge = max(n.span[-1], op_index or 0, noun or 0)
        start = min(n.span[0], op_index if op_index is not None else n.span[0], noun if noun is not None else n.span[0])
        window = [*range(start - 1, max(-1, start - 4), -1), *range(edge + 1, min(len(self.m), edge + 4))]
        for j in window:
            m = self.m[j]
            if j in self.used or not m.has("column") or m.has("value"):
                continue
            names = [c for c in self.columns_of(j) if not self.col(c).numeric and not self.col(c).is_date]
            if not names or not all(self.t.groups_rows(c) for c in names):
                continue  # a column of one row per value: its values have no number of rows
            period = None
            if noun is not None:
                words = self.m[noun].text.split()
                period = _time_word(words[-1]) or _time_word(words[-1].rstrip("s"))
            if period is not None:
                # "30 months of data" are 30 rows only where the rows are one per thing and month
                keyed = _entity_periods(self.t)
                time = self.col(keyed[1]) if keyed and keyed[0] in names else None
                if time is None or time.granularity != period:
                    raise Declined(
                        f"“{self._words(n.span[0], noun)}” counts {period}s, and the rows of this data are not "
                        f"one per {names[0]} and {period}, so I cannot count them as rows.",
                        f"“{self._words(n.span[0], noun)}”은(는) 기간의 수인데, 이 데이터의 행은 {names[0]}과(와) "
                        "기간마다 하나가 아니어서 행 수로 셀 수 없습니다.",
                    )
            self.having = (names[0], op, float(n.number.value))
            self.claim(*n.span, *([op_index] if op_index is not None else []), *([noun] if noun is not None else []))
            self._set_group(Grouping(self._pick(j, names)), j)
            return True
        if noun is not None and not self.columns_of(noun):
            # "1500 orders" counts rows: never a value of another column (amount ≥ 1500)
            raise Declined(
                f"“{self._words(n.span[0], noun)}” is a number of rows, and I could not tell which groups "
                "must have that many; ask, for example, “among cities with at least 100 orders, which …”.",
                f"“{self._words(n.span[0], noun)}”은(는) 행의 수인데, 어느 그룹이 그만큼의 행을 가져야 하는지 알 수 "
                "없습니다. 예: “주문이 100건 이상인 도시 중에서 …”.",
            )
        return False

    def _signs(self) -> None:
        """ "months where the change was negative", "음수인 변화량": a comparison with zero."""
        for i, m in enumerate(self.m):
            if i in self.used or not m.has("sign") or m.has("column") or m.has("value"):
                continue
            candidates = []
            for j in (
                self.prev_index(i, ("filler", "particle", "condition")),
                self.next_index(i, ("filler", "particle", "condition")),
            ):
                if j is not None and j not in self.used and self.m[j].has("column"):
                    try:
                        column = self.one_column(j, numeric=True)
                    except Declined:
                        column = None
                    if column:
                        candidates.append((j, column))
            # "companies had a negative stock return": a word whose best reading is a column of
            # names (companies -> company) is not what the sign is about when another is
            candidates.sort(key=lambda jx: not self.col(self.columns_of(jx[0])[0]).numeric)
            negative = m.get("sign").key == "negative"
            implied = _sign_concept_columns(self.t, m.text, negative)
            if implied is not None:
                # 적자 is about profit, 영하 about temperature: their column, named or not
                named = [(j, x) for j, x in candidates if x in implied]
                if not named and len(implied) != 1:
                    raise Declined(
                        f"I could not tell which column “{m.text}” is about"
                        + (f" ({', '.join(implied)})." if implied else "."),
                        f"“{m.text}”이(가) 어느 열에 대한 것인지 알 수 없습니다"
                        + (f" ({', '.join(implied)})." if implied else "."),
                    )
                candidates = named or [(None, implied[0])]
                if negative and not named and self._largest_loss(i, implied[0]):
                    continue
            if not candidates:
                continue
            # "quarters with negative inflation": the column that can hold such values is meant
            possible = [
                (j, x)
                for j, x in candidates
                if not (negative and self.col(x).minimum is not None and float(self.col(x).minimum) >= 0)
            ]
            j, column = (possible or candidates)[0]
            if j is not None:
                self.claim(j)
            c = self.col(column)
            if c.minimum is not None and float(c.minimum) >= 0 and m.get("sign").key == "negative":
                raise Declined(
                    f"{column} is never below zero in this data, so “{m.text}” cannot be about it.",
                    f"{column}은(는) 이 데이터에서 0보다 작은 값이 없어서 “{m.text}”에 해당하지 않습니다.",
                )
            self.ctx.conditions.at = i
            self.ctx.conditions.append(Condition(column, "<" if m.get("sign").key == "negative" else ">", 0))
            self.claim(i)

    def _largest_loss(self, i: int, column: str) -> bool:
        """ "the biggest loss", "최대 손실", "손실이 가장 큰": a size of a loss is the gain/loss measure
        below zero, and the largest loss its lowest value (the smallest loss the one nearest zero).
        The loss word becomes that measure, the superlative's direction turns round, and the rows
        are those below zero (none: no loss to name). False when no superlative is beside it."""
        before = self.prev_index(i, ("filler",))
        after = self.next_index(i, ("particle",))
        size = None
        if before is not None and before not in self.used and self.roles(before) & {"superlative", "degree"}:
            size = before  # "biggest loss", "최대 손실", "큰 손실"
        elif after is not None and after not in self.used and self.m[after].has("superlative_marker"):
            nxt = self.next_index(after, ("filler", "particle"))
            if nxt is not None and self.roles(nxt) & {"superlative", "degree"}:
                size = nxt  # "손실이 가장 큰"
        elif after is not None and after not in self.used and self.roles(after) & {"superlative"}:
            size = after  # "손실 최대"
        if size is None:
            return False
        role = "superlative" if self.m[size].has("superlative") else "degree"
        flipped = {"high": "low", "low": "high"}.get(self.m[size].get(role).key)
        if flipped is None:
            return False
        self.m[size].senses = [Sense(role, flipped)] + [s for s in self.m[size].senses if s.role != role]
        self.m[i].senses = [Sense("column", column, 1.0)]
        self.ctx.conditions.at = i
        self.ctx.conditions.append(Condition(column, "<", 0))
        a, b = min(i, size), max(i, size)
        said = (
            self.q[self.tokens[self.m[a].start].start : self.tokens[self.m[b].end - 1].end]
            if self.tokens
            else self._words(a, b)
        )
        self.readings.append(
            t(
                self.lang,
                f"“{said}” read as the rows with {column} below 0, the {'lowest' if flipped == 'low' else 'highest'} first.",
                f"“{said}”{particle(said, '은/는')[len(said) :]} {column}이(가) 0보다 작은 행 중 "
                f"{'가장 낮은' if flipped == 'low' else '가장 높은'} 값으로 읽었습니다.",
            )
        )
        return True

    def _words(self, i: int, j: int) -> str:
        return " ".join(self.m[x].text for x in range(i, j + 1))

    def _operator(self, n: _Num) -> tuple[str | None, int | None]:
        before = self.prev_index(n.index, ("filler", "particle"))
        after = self.next_index(n.span[-1], ("particle",))
        if (
            before is not None
            and (self.m[before].has("compare") or self.m[before].has("date_compare"))
            and before not in self.used
        ):
            sense = self.m[before].get("compare") or self.m[before].get("date_compare")
            return self._OPS[sense.key], before
        if (
            after is not None
            and (self.m[after].has("compare_after") or self.m[after].has("date_compare"))
            and after not in self.used
        ):
            sense = self.m[after].get("compare_after") or self.m[after].get("date_compare")
            return self._OPS[sense.key], after
        # "heavier than 3000", "more than 3000"(handled as compare), "3000보다 무거운"
        if before is not None and self.m[before].has("than") and before not in self.used:
            adj = self.prev_index(before, ("filler", "particle"))
            if adj is not None and self.m[adj].has("adjective"):
                direction = self._adjective_direction(adj)
                if direction:
                    self.claim(adj)
                    return (">" if direction[1] == "high" else "<"), before
            if adj is not None and self.m[adj].has("degree"):
                self.claim(adj)
                return (">" if self.m[adj].get("degree").key == "high" else "<"), before
        if after is not None and self.m[after].has("than") and after not in self.used:
            adj = self.next_index(after, ("filler", "particle"))
            if adj is not None and (self.m[adj].has("adjective") or self.m[adj].has("degree")):
                if self.m[adj].has("adjective"):
                    direction = self._adjective_direction(adj)
                    if direction:
                        self.claim(adj)
                        return (">" if direction[1] == "high" else "<"), after
                else:
                    self.claim(adj)
                    return (">" if self.m[adj].get("degree").key == "high" else "<"), after
        return None, None

    _OPS = {"gt": ">", "ge": ">=", "lt": "<", "le": "<=", "eq": "==", "ne": "!="}

    def _range(self, a: _Num, b: _Num) -> tuple[list[int], list[int]] | None:
        """Mentions making `a .. b` a range: (between-words, joining words), or None."""
        gap = list(range(a.span[-1] + 1, b.index))
        if any(
            not (
                self.roles(i)
                & {"range_join", "either", "filler", "particle", "compare_after", "date_compare", "condition"}
            )
            for i in gap
        ):
            return None
        joins = [i for i in gap if self.roles(i) & {"range_join", "either", "date_compare", "compare_after"}]
        if not joins:
            return None
        before = self.prev_index(a.index, ("filler", "particle"))
        after = self.next_index(b.span[-1], ("particle",))
        between = []
        if before is not None and (
            self.m[before].has("between") or (self.m[before].get("compare") and self.m[before].text.lower() == "from")
        ):
            between.append(before)
        if after is not None and self.m[after].has("between"):
            between.append(after)
        symbol = any(self.m[i].text in ("~", "-", "–") for i in joins)
        ko_range = any(self.m[i].text in ("에서", "부터") for i in joins) and (
            after is not None and (self.m[after].has("between") or self.m[after].text in ("까지",))
        )
        from_to = (
            before is not None
            and self.m[before].text.lower() in ("from",)
            and any(self.m[i].text.lower() == "to" for i in joins)
        )
        # "age 18 to 22", "aged 18 to 22": a numeric column named right before a rising A to B
        column_to = (
            before is not None
            and self.m[before].has("column")
            and bool(self.columns_of(before, numeric=True))
            and any(self.m[i].text.lower() == "to" for i in joins)
            and float(a.number.value) < float(b.number.value)
        )
        if between or symbol or ko_range or from_to or column_to:
            if ko_range and after is not None:
                between.append(after)
            return between, joins
        return None

    def _years_not_amounts(self, column: str, a: _Num, b: _Num) -> bool:
        """Whether a range of two years within the data's one time column ("mean capital between
        1940 and 1945", "nonfinancial profits from 2000 to 2010") is of years, not of the amounts
        of the measure named before it: the amounts never reach it. When they do, both readings
        fit and the question is declined rather than read one way."""
        c = self.col(column)
        if c.yearlike or c.is_date or not self._looks_like_years(a, b):
            return False
        low, high = sorted((int(a.number.value), int(b.number.value)))
        times = [x.name for x in self.t.columns if x.yearlike or x.is_date]
        spans = [self._year_span(x) for x in times]
        if len(times) != 1 or spans[0] is None or not (spans[0][0] <= low and high <= spans[0][1]):
            return False
        if not self._range_fits(column, a, b):
            return True
        raise Declined(
            f"{low} and {high} may be years of {times[0]} or values of {column}; say which "
            f"(“{column} between {low} and {high}” or “in the years {low} to {high}”).",
            f"{low}와 {high}가 {times[0]}의 연도인지 {column}의 값인지 알 수 없습니다. 어느 쪽인지 적어 주세요.",
        )

    def _range_word(self, x: int) -> bool:
        """A word that frames a range: "between", "from", 까지, 사이."""
        return self.m[x].has("between") or self.m[x].text.lower() == "from" or self.m[x].text in ("까지", "사이")

    def _range_fits(self, column: str, n: _Num, partner: _Num | None) -> bool:
        """Whether a range of numbers (a single number: always) overlaps the values of a column it
        was not said to be about: "born between 1980 and 1990" is no range of visits (20-150)."""
        c = self.col(column)
        if partner is None or partner.number is None or c.minimum is None or c.maximum is None:
            return True
        try:
            low, high = float(c.minimum), float(c.maximum)
        except (TypeError, ValueError):
            return True
        a, b = sorted((float(n.number.value), float(partner.number.value)))
        return a <= high and b >= low

    def _reaches(self, column: str, number: Number) -> bool:
        """Whether a number, in the column's unit, lies within the column's values."""
        c = self.col(column)
        try:
            return float(c.minimum) <= self.convert(number, column) <= float(c.maximum)
        except (TypeError, ValueError):
            return False

    def _year_span(self, column: str) -> tuple[int, int] | None:
        """The first and last year of a date column or of a column of years."""
        c = self.col(column)
        if c.minimum is None or c.maximum is None:
            return None
        try:
            if c.is_date:
                return int(str(c.minimum)[:4]), int(str(c.maximum)[:4])
            return int(float(c.minimum)), int(float(c.maximum))
        except ValueError:
            return None

    def _years_column(self, column: str | None, low: int, high: int) -> str | None:
        """The column a range of years binds to, of the date column read so far and the columns
        of years: the one the question names, else the only one whose years the range meets
        ("2000년에서 2007년 사이에 개업한 가게" of shops opened 1995-2021, sold 2023-2024);
        None when that leaves no single column (the caller keeps its reading)."""
        candidates = ([column] if column else []) + [c.name for c in self.t.columns if c.yearlike]
        fitting = []
        for name in candidates:
            span = self._year_span(name)
            if span is None or (low <= span[1] and high >= span[0]):
                fitting.append(name)
        named = [
            name
            for name in fitting
            if any(i not in self.used and name in self.columns_of(i) for i in range(len(self.m)))
        ]
        if len(named) == 1:
            for i in range(len(self.m)):
                if i not in self.used and named[0] in self.columns_of(i) and not self.col(named[0]).is_date:
                    self.claim(i)
            return named[0]
        return fitting[0] if len(fitting) == 1 else None

    def _looks_like_years(self, a: _Num, b: _Num) -> bool:
        return self._is_year(a) and self._is_year(b)

    def _is_year(self, n: _Num) -> bool:
        return (
            n.number is not None
            and n.number.unit is None
            and float(n.number.value).is_integer()
            and self.t.is_year(n.number.value)
            and bool(self.t.dates or [c for c in self.t.columns if c.yearlike])
        )

    def _years_of(self, j: int | None) -> tuple[int, str] | None:
        """ "years of schooling" at j: a word for years, "of" and a numeric column that is no date
        nor a year: (where the column is named, the column), or None."""
        if j is None or j in self.used or _time_word(self.m[j].text.lower()) != "year" or j + 1 >= len(self.m):
            return None
        k = self.next_index(j, ("filler", "particle", "condition"))
        if k is None or k in self.used or not self.m[k].has("column") or self.m[j + 1].text.lower() != "of":
            return None
        column = self.one_column(k, numeric=True)
        if not column or self.col(column).is_date or self.col(column).yearlike:
            return None
        return k, column

    def _years_of_measure(self, i: int, end: int, dated: bool = True) -> bool:
        """ "경력 10년 이상", "교육 연수가 12년 이상": a number of years (below 1000) right after a
        numeric column that is no date nor a year (experience, years of schooling) and compared
        right after (이상, 미만; `end`: the mention after 년) is a value of that column, counted in
        years; not the year 10 or 12 of a date ("매출 2024년", "24년 이후" stay dates). Not
        `dated` (days, weeks: "결석일수가 20일을 넘는"), a comparison that also compares dates
        (이후, 까지) keeps the day of a date."""
        k = self.next_index(end - 1, ("particle",))
        if k is None or not self.m[k].has("compare_after"):
            return False
        if not dated and self.m[k].has("date_compare"):
            return False
        j = self.prev_index(i, ("particle", "filler"))  # (이 of "education이" is also a filler)
        if j is None or j in self.used or not self.m[j].has("column"):
            return False
        names = self.columns_of(j)
        return bool(names) and all(
            self.col(c).numeric and not self.col(c).is_date and not self.col(c).yearlike for c in names
        )

    def _weeks_of_measure(self, i: int, end: int) -> bool:
        """ "duration이 26주를 초과한": a number of weeks (주, which also names a state) compared
        right after by amount, of a numeric column named just before it, or of the same column as
        the first end of a range ("4주 이상 12주 이하": the 12 after the 4's comparison)."""
        k = self.next_index(end - 1, ("particle",))
        if k is None or not self.m[k].has("compare_after") or self.m[k].has("date_compare"):
            return False
        if self.m[k].text in ("이후", "이전", "부터", "까지"):
            return False
        j = self.prev_index(i, ("particle", "filler"))
        if j is not None and self.m[j].has("compare_after") and j >= 2 and self.m[j - 1].text == "주":
            return (j - 2) in self._weeks
        return self._years_of_measure(i, end, dated=False)

    def _days_of_measure(self, i: int, end: int, unit: str) -> bool:
        """ "결석일수 20일 넘는", "입원기간(일) 10일 이상": a number of days (weeks, months) right after a
        numeric column whose name is in that unit (its name holds the unit word: 결석일수 holds 일)
        and compared right after by amount (넘는, 이상; not 이후, 부터: those compare dates) is a
        value of that column; "20일" is no 20th day of a month there."""
        k = self.next_index(end - 1, ("particle",))
        if k is None or not self.m[k].has("compare_after") or self.m[k].has("date_compare"):
            return False
        if self.m[k].text in ("이후", "이전", "부터", "까지"):
            return False
        if not self._years_of_measure(i, end):  # (a numeric column, no date, named just before)
            return False
        j = self.prev_index(i, ("particle", "filler"))
        unit = unit.strip()
        return bool(unit) and all(unit in "".join(self.col(c).keys) for c in self.columns_of(j))

    def _number_column(self, n: _Num, partner: _Num | None, op_index: int | None = None) -> str | None:
        """The numeric column a compared number is about."""
        first = min([n.span[0], *([op_index] if op_index is not None else [])])
        last = (partner or n).span[-1]
        # a column named just before: "price over 100", "가격이 3000 이상", "with price between",
        # "승차총승객수가 처음으로 100000명을 넘은"
        # the unit says: 3000만원 -> 가격(만원); 40세 -> age; 10층 -> 층
        columns = self.unit_columns(n.number) if n.number else []
        # "12 or more years of schooling", "16+ years of education": the years counted by the
        # measure named after "of", whatever column is named before the number
        after = self.next_index(last, ("filler", "particle", "condition", "compare_after", "between", "plus"))
        years = self._years_of(after)
        if years is not None:
            self.claim(after, years[0])
            return years[1]
        # a number that counts the column named right after it: in "trips with more than 4
        # passengers" the passengers are more than 4, not the trips (nor their distance)
        counted = self._counted_column(last) if self._may_count(n, first) else None
        if counted is not None and not columns:
            return counted
        j = self.prev_index(first, ("filler", "particle", "condition", "between", "order"))
        if j is not None and j not in self.used and self.m[j].has("column"):
            column = self.one_column(j, numeric=True)
            # a number written in a unit is compared with a column in that unit: in "packages
            # under 1 lb" the weight is under 1 lb, not the package count named before it; a
            # yes/no column (vote 0/1 named by "voters") takes no number but its two values
            if column and not (columns and column not in columns) and not self._flag_beyond(column, n):
                self._same_kind_of_unit(n, column)
                self.claim(j)
                return column
        if len(columns) == 1:
            return columns[0]
        # a column named just after: "over 100 horsepower", "3000 이상의 가격"; not when a
        # statistic is what the number is said of ("rate 평균이 4 이상인 occupation": the average
        # rate, never occupation ≥ 4)
        stat = self.prev_index(first, ("filler", "particle", "condition"))
        j = self.next_index(last, ("filler", "particle", "condition", "compare_after", "between"))
        if stat is not None and self.m[stat].has("agg") and self.m[stat].get("agg").key not in ("count", "records"):
            j = None
        if (
            j is not None
            and j not in self.used
            and self.m[j].has("column")
            and not (self.m[j].has("entity") and max(s.quality for s in self.m[j].all("column")) < 1)
        ):
            column = self.one_column(j, numeric=True)
            if column:
                self.claim(j)
                return column
        # "orders over $1,000": of several columns in that currency, the one that is the rows' own
        # amount (money: amount, payment, 금액), not a part of it (profit, fee); the reply says so
        if len(columns) > 1 and n.number is not None and n.number.unit == "money":
            own = [c for c in columns if "money" in self.col(c).concepts]
            if len(own) == 1:
                return self._read_as(
                    n, own[0], "the amount of each row; other columns are in that currency too", "각 행의 금액"
                )
        # an adjective before "than": heavier than 3000
        if op_index is not None and self.m[op_index].has("than"):
            for j in (
                self.prev_index(op_index, ("filler", "particle")),
                self.next_index(op_index, ("filler", "particle")),
            ):
                if j is not None and self.m[j].has("adjective"):
                    direction = self._adjective_direction(j)
                    if direction:
                        self.claim(j)
                        return direction[0]
        # "3억 미만": a Korean amount in 만 or 억 with no unit is money, if the data has one money column
        if n.number is not None and n.number.unit is None and n.number.scale in (1e4, 1e8):
            money = [c.name for c in self.t.columns if c.numeric and c.unit and normalize(c.unit) in _MONEY_SCALE]
            if len(money) > 1:  # several (매매가 in 만원, 관리비 in 원): the one whose values reach it
                money = [c for c in money if self._reaches(c, n.number)]
            if len(money) == 1:
                return money[0]
        if self._is_year(n) and op_index is not None and self.m[op_index].has("date_compare"):
            return None  # "surveyed in 1994 or later": a year of the data's dates (see _dates)
        # "people over 40", "students between 18 and 22": an age (before the one measure: people
        # said with a number are their age however many measures the data has)
        j = self.prev_index(first, ("filler", "particle", "condition", "between"))
        # ("women over 40", "men under 30": people named by their sex, a value of the sex column)
        sexed = (
            j is not None
            and self.lang != "ko"
            and self.m[j].has("value")
            and all("sex" in self.col(s.key[0]).concepts for s in self.m[j].all("value"))
        )
        if j is not None and (self.m[j].has("entity") and self.m[j].text.lower() in _PEOPLE or sexed):
            ages = [c.name for c in self.t.columns if c.numeric and "age" in c.concepts]
            if len(ages) == 1:
                return ages[0]
        # the data has one measure only ("when did AAPL first exceed 100" over symbol, date, price)
        measures = [
            c.name
            for c in self.t.columns
            if c.numeric and not c.yearlike and c.kind == "numeric" and not (c.integer and c.distinct <= 12)
        ]
        if (
            len(measures) == 1
            and n.number is not None
            and n.number.unit in (None, "money", "percent")
            and self._range_fits(measures[0], n, partner)
        ):
            return measures[0]
        # "average psavert in months when it was below 5%": a pronoun just before the comparison
        # stands for the one numeric column the question names
        back = [x for x in range(max(0, first - 3), first) if self.m[x].text.lower() in _PRONOUNS]
        if back:
            named = {
                c
                for x in range(len(self.m))
                if self.m[x].has("column") and not self.m[x].has("entity")
                for c in [self.one_column_or_none(x)]
                if c is not None
            }
            if len(named) == 1:
                return self._read_as(n, next(iter(named)), "the one column the question names", "질문이 말한 유일한 열")
        return None

    def _flag_beyond(self, column: str, n: _Num) -> bool:
        """Whether a number is none of the two values of a yes/no column ("voters over 65" of vote
        0/1: the number is the voters' age, not a vote)."""
        return bool(self.col(column).flag and n.number is not None and float(n.number.value) not in (0.0, 1.0))

    def _may_count(self, n: _Num, first: int) -> bool:
        """Whether the number may count the things named after it ("more than 4 passengers"): a
        whole number, with no column the sentence is about before it ("sf가 0.6 넘는 날": sf is
        over 0.6 on those days, not 0.6 days; "요금이 5 넘는 승객" is a fare)."""
        if n.number is not None and not float(n.number.value).is_integer():
            return False
        j = self.prev_index(first, ())
        if j is None or self.m[j].text not in ("이", "가"):
            return True
        k = self.prev_index(j, ())
        return not (k is not None and k not in self.used and self.one_column(k, numeric=True))

    def _counted_column(self, last: int) -> str | None:
        """The numeric column named by the word right after a number ("4 passengers"), which the
        number counts: no word between them, and the word read as a column name."""
        j = last + 1
        if j < len(self.m) and self.m[j].roles == {"compare_after"}:
            j += 1  # "2 or more passengers"
        if j >= len(self.m) or j in self.used or not self.m[j].has("column"):
            return None
        column = self.one_column(j, numeric=True)
        if column is None or self.col(column).is_date or self.col(column).yearlike:
            return None  # "16 or more years": a number of years counts no calendar year
        # a noun also read as the rows' thing counts only into a whole-number column it names
        # closely ("4 passengers": passenger_count), not into any column sharing a word with it
        if self.m[j].has("entity") and max(s.quality for s in self.m[j].all("column")) < 1:
            if not self.col(column).integer or max(s.quality for s in self.m[j].all("column")) < 0.8:
                return None
        self.claim(j)
        return column

    def _unit_asked(self, plan: Plan) -> None:
        """ "in minutes", "in hours" after a duration measured: its own unit restated (claimed), or
        another one, which the answer would not be in (declined; "average duration in hours" of
        duration_min gave the minutes)."""
        for i, m in enumerate(self.m):
            word = m.text.lower()
            if i in self.used or word not in _TIME_SCALE or i == 0 or self.m[i - 1].text.lower() != "in":
                continue
            columns = [x.column for x in plan.measures if x.column and x.column in {c.name for c in self.t.columns}]
            if not columns:
                continue
            named = [_time_unit_named(self.col(c)) for c in columns]
            if all(n is not None and _TIME_SCALE.get(n) == _TIME_SCALE[word] for n in named):
                self.claim(i - 1, i)
                continue
            raise Declined(
                f"{', '.join(columns)} is not recorded in {word}, and I cannot convert it yet.",
                f"{', '.join(columns)}은(는) {m.text} 단위로 기록되어 있지 않고, 아직 단위를 바꿀 수 없습니다.",
            )

    def _span_durations(self) -> None:
        """ "average trip duration", "how long", "평균 소요시간" where no column holds it: the time
        from the start to the end of the span two date columns record (pickup to dropoff), a
        column derived per row, in the unit the question names (minutes, hours, days), else in
        minutes for times and days for dates."""
        span = _span_pair(self.t.dates)
        if span is None:
            return
        start, end = span
        units = lexicon().data["span_dates"]["units"]
        for i, m in enumerate(self.m):
            if (
                i in self.used
                or m.roles & {"column", "value"}
                or not any(s.key == "duration" for s in m.all("concept"))
            ):
                continue
            # the unit written right after the duration ("duration in minutes", "소요시간 분"), not
            # a time word elsewhere ("over the last 7 days" is no unit of the duration)
            unit, said = None, None
            j = i + 2 if i + 2 < len(self.m) and self.m[i + 1].text.lower() == "in" else self.next_index(i)
            # "몇 년", "how many years": the unit asked with a word for how many
            k = self.next_index(j) if j is not None and self.m[j].text.lower() in ("몇", "how many") else None
            for w in (j, k):
                if w is not None and w not in self.used:
                    said_as = re.sub(r"^(?:몇|how many)\s*", "", self.m[w].text.lower())  # "몇 년" read as one
                    unit = next((u for u, forms in units.items() if said_as in map(str, forms)), None)
                    if unit:
                        said = w
                        break
            if unit is None:
                # dates without a time of day (terms of office, stays) are days apart; times are
                # minutes apart
                dated = all(c.granularity in ("day", "week", "month") for c in span) or not any(
                    _has_time_of_day(c) for c in span
                )
                unit = "day" if dated else "minute"
            name = self._derived_difference(end.name, start.name, _DURATION_OPS[unit])
            self.col(name).unit = _DURATION_UNITS[unit]
            self.col(name).concepts = {"duration": 1.0}  # "the longest trip", "가장 오래 걸린"
            m.senses.insert(0, Sense("column", name, 1.0))
            if said is not None:
                self.claim(*range(i + 1, said + 1))  # with the particles and "몇" before it
                self.m[said].senses = [Sense("filler")]  # the unit the duration is given in
            return

    def lex_rivals(self, i: int) -> bool:
        """Whether the adjective at `i` has readings of different dimensions (`rivals` in the lexicon)."""
        return any(self.lex.adjectives[s.key].get("rivals") for s in self.m[i].all("adjective"))

    def _adjective_direction(self, i: int) -> tuple[str, str] | None:
        """(column, "high"/"low") for an adjective such as "heaviest" / "비싼". A numeric column
        named right next to it decides among the adjective's columns ("longest flippers",
        "부리가 가장 긴"), or is the column itself ("the most expensive 거래금액")."""
        direction = None
        candidates: list[str] = []
        toward: dict[str, str] = {}  # each candidate's end: "fastest" is the most speed, the least time
        for sense in self.m[i].all("adjective"):
            entry = self.lex.adjectives[sense.key]
            for concept, d in entry["concept"]:
                columns = [c.name for c in bare_columns(self.t, concept) if c.numeric]
                columns = [c for c in columns if c not in toward]
                if columns:
                    candidates, direction = candidates + columns, direction or d
                    toward.update(dict.fromkeys(columns, d))
                    if not entry.get("rivals"):
                        break  # the first concept with a column; the others are fallbacks
            if direction is None and not entry["concept"]:
                return None
            if direction is None:
                # no column for its concept: the direction still holds for a named column
                direction = entry["concept"][0][1]
            if candidates:
                break
        if direction is None:
            return None
        marker = self.prev_index(i, ("filler", "particle"))
        before = (
            self.prev_index(marker, ("filler", "particle"))
            if marker is not None and self.roles(marker) & {"superlative_marker", "degree"}
            else marker
        )
        for j in (self.next_index(i, ("filler", "particle")), before):
            after = self.next_index(j, ("filler", "particle")) if j is not None else None
            if (
                j is not None
                and j not in self.used
                and self.m[j].has("entity")
                and not self.m[j].has("column")
                # (the noun ends the phrase: in "the longest trip duration" the duration is named)
                and not (after is not None and self.roles(after) & {"column", "concept", "duration"})
            ):
                # "the tallest child" where child is also read as the rows: of the adjective's
                # columns, the one whose name holds the word (childHeight)
                words = set(variants(self.m[j].text.lower()))
                held = [c for c in candidates if words & set(self.col(c).keys)]
                if len(held) == 1:
                    self.claim(j)
                    return held[0], toward.get(held[0], direction)
            if j is None or j in self.used or not self.m[j].has("column") or self.m[j].has("value"):
                continue
            near = self.columns_of(j, numeric=True)
            # of the adjective's columns, the one the word beside it names even as a weaker reading:
            # "the tallest child" is childHeight (child + height), though "child" alone is childNum
            both = [c for c in self.columns_of(j) if c in candidates]
            if len(both) == 1 or (
                not both
                and len(near) == 1
                and (
                    self.m[j].has("descriptors")
                    or not candidates
                    or any(s.quality >= 1 for s in self.m[j].all("column"))
                )
            ):
                self.claim(j)
                return (both or near)[0], toward.get((both or near)[0], direction)
        if len(candidates) == 1:
            return candidates[0], toward[candidates[0]]
        if self.lex_rivals(i):
            # readings of different dimensions ("longest": a distance or a duration): the one the
            # question names elsewhere ("the longest trip duration")
            named = {
                k: [c for c in self.columns_of(k) if c in candidates]
                for k in range(len(self.m))
                if k != i and k not in self.used and self.m[k].has("column") and not self.m[k].has("adjective")
            }
            named = {k: cs for k, cs in named.items() if len(cs) == 1}
            if len({cs[0] for cs in named.values()}) == 1:
                k, (column,) = next(iter(named.items()))
                self.claim(k)
                return column, toward[column]
        if len(candidates) > 1:
            raise Declined(
                f"“{self.m[i].text}” could be about {', '.join(candidates)}. Name the column you mean.",
                f"“{self.m[i].text}”은(는) {', '.join(candidates)} 중 어느 열인지 알 수 없습니다. 열 이름을 적어 주세요.",
            )
        return None

    # "4 cylinders", "cylinders = 4", "4기통", "year 1975", "4 or 6 cylinders"
    def _equalities(self, nums: list[_Num]) -> None:
        k = 0
        while k < len(nums) - 1:
            # numbers joined by "or"/"and"/"," before (or after) one column: membership
            run = [nums[k]]
            while k + len(run) < len(nums):
                a, b = run[-1], nums[k + len(run)]
                gap = range(a.span[-1] + 1, b.index)
                if (
                    b.number is None
                    or b.index in self.used
                    or not gap
                    or not all(self.roles(g) & {"either", "range_join", "filler"} for g in gap)
                    or not any(self.roles(g) & {"either"} for g in gap)
                ):
                    break
                run.append(b)
            if len(run) > 1 and all(n.number is not None and n.index not in self.used for n in run):
                after = self.next_index(run[-1].span[-1], ("particle",))
                # (a negation between the column and its list, "religious other than 1 or 2", is
                # the list's: `_negated` reads it)
                before = self.prev_index(run[0].index, ("filler", "particle", "condition"))
                if before is not None and self.m[before].has("negation") and not self.m[before].has("column"):
                    before = self.prev_index(before, ("filler", "particle", "condition"))
                unit = run[-1].span[-1] if len(run[-1].span) > 1 else None  # "6 cylinders" read as a unit
                column = None
                for j in (unit, after, before):
                    if j is not None and j not in self.used and self.m[j].has("column"):
                        try:
                            name = self.one_column(j, numeric=True)
                        except Declined:
                            name = None
                        if name and all(self._discrete(name, n.number.value) for n in run):
                            column = (j, name)
                            break
                if column is not None:
                    span = [x for n in run for x in n.span] + list(range(run[0].index, run[-1].span[-1] + 1))
                    negated = self._negated(sorted(set(span)))
                    values = [self.convert(n.number, column[1]) for n in run]
                    self.ctx.conditions.at = run[0].index
                    self.ctx.conditions.append(Condition(column[1], "not in" if negated else "in", values))
                    self.claim(*span, column[0])
                    one = self._one_of(run[-1].span[-1])
                    if one:
                        self.claim(*one)
                    k += len(run)
                    continue
            k += 1
        for n in nums:
            if n.number is None or n.index in self.used:
                continue
            candidates = []
            after = self.next_index(n.span[-1], ("particle",))
            before = self.prev_index(n.index, ("filler", "particle", "condition"))
            eq_index = None
            if before is not None and self.m[before].has("compare") and self.m[before].get("compare").key == "eq":
                eq_index = before
                before = self.prev_index(before, ("filler", "particle", "condition"))
            if eq_index is None and self._is_year(n) and n.index > 0 and self.m[n.index - 1].text.lower() in _IN_TIME:
                continue  # "how many births were there in 2021": a year (the dates read it), not births = 2021
            # "사용량이 0인", "usage = 0": equality said outright holds for any measure, not only
            # for whole numbers of a few values
            copula = n.span[-1] + 1 < len(self.m) and self.m[n.span[-1] + 1].text.split()[:1] == ["인"]
            said = (eq_index is not None and self.m[eq_index].text in ("=", "==")) or (copula and before is not None)
            if self._numbered_noun(n):
                before = None  # "청구 건수 중 4번 지역": the region numbered 4, not Claims = 4
            for j in (after, before):
                if j is not None and j not in self.used and self.m[j].has("column"):
                    try:
                        column = self.one_column(j, numeric=True)
                    except Declined:
                        column = None
                    # "zero earnings", "0 hours": none of a measure, said before its name, is its
                    # value 0 (any measure may be 0, whatever values it takes besides)
                    zero = j == after and n.number.value == 0 and n.number.unit is None
                    if column and (
                        self._discrete(column, n.number.value) or ((said or zero) and self._within(column, n))
                    ):
                        candidates.append((j, column))
            last = n.span[-1]
            if (
                not candidates
                and n.number.unit
                and n.number.value == 0
                and last != n.index
                and last not in self.used
                and self.m[last].has("column")
            ):
                # "worked zero hours": the unit word is the measure's own name (hours), and none of
                # it is its value 0, as "zero earnings" is
                try:
                    column = self.one_column(last, numeric=True)
                except Declined:
                    column = None
                if column and self._within(column, _Num(n.index, [n.index], Number(0))):
                    candidates.append((last, column))
            if not candidates and n.number.unit:
                columns = [c for c in self.unit_columns(n.number) if self._discrete(c, n.number.value)]
                if len(columns) == 1:
                    candidates.append((None, columns[0]))
            if not candidates and (code := self._code_column(n)) is not None:
                candidates.append((None, code))
            if not candidates:
                continue
            j, column = candidates[0]
            self.ctx.conditions.at = min(x for x in (n.index, j) if x is not None)
            negated = self._negated(
                [x for x in (n.index, j) if x is not None] if j is None or j > n.index else [j, n.index]
            )
            value = self.convert(n.number, column)
            if self._age_decade(n.number, column) and not negated:
                # "30대", "in their 40s": every age of the decade (30-39), never the age 30 alone
                self.ctx.conditions.append(Condition(column, "between", (value, value + 9)))
            else:
                self.ctx.conditions.append(Condition(column, "!=" if negated else "==", value))
            self.claim(*n.span, j, eq_index)

    def _fits_values(self, n: _Num, column: str, value: float) -> None:
        """Declines a comparison the number cannot honestly be read in: a percentage against a
        column that holds no percentages ("more than 50% of their budget" read against income,
        20-1,110: no share of anything), or an amount written with a scale word ("300 million",
        "500만") a hundred times beyond every value of the column (pop 198,712-301,913: a count in
        thousands, which nothing in the data says), where the comparison would hold for every row
        or none."""
        number, col = n.number, self.col(column)
        if number is None or col.minimum is None or col.maximum is None:
            return
        try:
            low, high = float(col.minimum), float(col.maximum)
        except (TypeError, ValueError):
            return
        words = self._words(n.span[0], n.span[-1])
        if number.unit == "percent" and (low < -100 or high > 100):
            raise Declined(
                f"“{words}” is a percentage, and {column} ({low:,.6g} to {high:,.6g}) holds no percentages.",
                f"“{words}”은(는) 백분율인데 {column}({low:,.6g}~{high:,.6g})은(는) 백분율이 아닙니다.",
            )
        scaled = number.scale >= 1000 or any(
            self.m[x].has("multipliers") and float(self.m[x].get("multipliers").key) >= 1000 for x in n.span
        )  # (an amount of money keeps its scale in its value: "5 trillion dollars")
        if scaled and abs(value) > 100 * max(abs(low), abs(high), 1):
            raise Declined(
                f"“{words}” is {value:,.0f} in {column}'s values, far beyond every one of them "
                f"({low:,.6g} to {high:,.6g}); {column} may be counted in thousands, millions or more, "
                f"which the data does not say.",
                f"“{words}”은(는) {value:,.0f}로 {column}의 모든 값({low:,.6g}~{high:,.6g})보다 훨씬 커서, "
                f"{column}이(가) 천 단위 이상으로 적혔을 수 있는데 데이터에는 그 단위가 없습니다.",
            )

    def one_column_or_none(self, i: int) -> str | None:
        """The one numeric column mention i names, or None (several, or none)."""
        try:
            return self.one_column(i, numeric=True)
        except Declined:
            return None

    def _age_decade(self, number: Number | None, column: str) -> bool:
        """Whether a number names a decade of ages ("30대", "in their 40s": 30-39, 40-49): a
        round number of tens written with the age word 대 (or an "s" after a possessive, see
        `_numbers`), against a column of ages (whole numbers, none beyond a lifetime)."""
        if number is None or number.unit != "age" or normalize(number.unit_text or "") not in ("대", "s"):
            return False
        if not (10 <= number.value <= 90 and number.value % 10 == 0):
            return False
        col = self.col(column)
        if "age" in col.concepts:
            return True
        try:
            return bool(col.integer) and 0 <= float(col.minimum) and float(col.maximum) <= 130
        except (TypeError, ValueError):
            return False

    def _listed_with(self, a: _Num, b: _Num) -> bool:
        """Whether number b follows number a in a list ("1 or 2", "1, 2"): only "or", "," between."""
        gap = range(a.span[-1] + 1, b.index)
        return (
            b.number is not None
            and bool(gap)
            and all(self.roles(g) & {"either"} and self.m[g].text.lower() in ("or", ",", "또는", "혹은") for g in gap)
        )

    def _one_of(self, last: int) -> list[int]:
        """ "1, 2, 3 중 하나인": "one of" said after a list in Korean (중 하나, 중의 하나) says the
        list is a membership, nothing more: its words, or none."""
        j = self.next_index(last, ("particle",))
        if j is None or j in self.used or self.m[j].text != "중":
            return []
        k = self.next_index(j, ("particle",))
        if k is None or k in self.used or self.m[k].text != "하나":
            return []
        return [j, k]

    def _numbered_noun(self, n: _Num) -> bool:
        """ "4번 지역", "3번 출구", "2호 매장": a number with the counter 번 or 호 written right
        before a noun numbers that noun (its no. 4), it does not count times; so it is no value
        of a column said before it ("청구 건수 중 4번 지역" had read Claims = 4)."""
        if n.number is None or (n.number.unit_text or "") not in ("번", "호"):
            return False
        j = n.span[-1] + 1
        return j < len(self.m) and bool(self.roles(j) & {"entity", "concept", "column", "subject"})

    def _code_column(self, n: _Num) -> str | None:
        """The column a number written as a code names ("470번", "143번 노선": a route, a line):
        the one column of whole-number codes (named as codes in the lexicon's `code_names`, few
        distinct values, read from the file) that holds it. The reading is stated."""
        if n.number is None or (n.number.unit not in (None, "count")) or not float(n.number.value).is_integer():
            return None
        if n.number.unit == "count" and (n.number.unit_text or "") not in ("번", "호"):
            return None
        names = joined_forms("code_names")
        value = int(n.number.value)
        holding = [
            c.name
            for c in self.t.columns
            if c.numeric
            and c.integer
            and c.values
            and any("".join(c.keys).endswith(x) or x in c.keys for x in names)
            and value in {int(v) for v in c.values if isinstance(v, (int, float)) and float(v).is_integer()}
        ]
        if len(holding) != 1:
            return None
        words = self._words(n.span[0], n.span[-1]).replace(" 번", "번").replace(" 호", "호")
        self.readings.append(
            t(
                self.lang,
                f"“{words}” read as {holding[0]} = {value}.",
                f"“{words}”{particle(words, '은/는')[len(words) :]} {holding[0]} = {value}(으)로 읽었습니다.",
            )
        )
        return holding[0]

    def _within(self, column: str, n: _Num) -> bool:
        """A number in a measure's range, in no unit of another kind: a value the column may hold."""
        c = self.col(column)
        if not c.numeric or c.yearlike or c.minimum is None or c.maximum is None or n.number.unit == "count":
            return False
        return float(c.minimum) <= float(n.number.value) <= float(c.maximum)

    def _discrete(self, column: str, value: float) -> bool:
        """Whether a number after a column names one of its values: a whole number of a column of
        whole numbers (cyl 6), or one of the few levels of a column of measured levels (dose 0.5,
        1 or 2 of an experiment)."""
        c = self.col(column)
        if not c.numeric or not (c.minimum is None or float(c.minimum) <= value <= float(c.maximum)):
            return False
        if c.integer:
            return float(value).is_integer() and (c.distinct <= 60 or c.yearlike)
        return bool(c.settings) and float(value) in c.settings

    # times of day: after 6 pm, 오후 6시 이후, between 22:00 and 23:00, 밤 10시, 오전에
    def _times_of_day(self, nums: list[_Num]) -> None:
        """Hours of the day as conditions on the hour of a date column that carries times. An
        hour is a number written as one ("6시", "6 pm", "22:00"); the half of the day is taken
        from a.m./p.m. (오전/오후) or, with an hour, from a part of the day that settles it ("밤
        10시"); a part of the day alone other than a.m./p.m. ("at night") is asked back."""
        found: list[tuple[list[int], int, int]] = []  # (mentions, hour, minutes)
        halves: list[tuple[int, str | None]] = []  # the hour as written, and its half of the day
        for n in nums:
            i = n.index
            if n.number is None or i in self.used or n.number.unit is not None:
                continue
            value = n.number.value
            if not float(value).is_integer() or not 0 <= value <= 24:
                continue
            hour, minutes, span = int(value), 0, [i]
            after = i + 1 if i + 1 < len(self.m) else None
            half = None
            if after is not None and self.m[after].text == "시":
                span.append(after)
            elif (
                after is not None and self.m[after].has("daytime") and self.m[after].get("daytime").key in ("am", "pm")
            ):
                half = self.m[after].get("daytime").key
                span.append(after)
            elif (
                after is not None
                and self.m[after].text == ":"
                and after + 1 < len(self.m)
                and self.m[after + 1].has("num")
                and len(self.m[after + 1].text) == 2
            ):
                minutes = int(self.m[after + 1].get("num").key)
                span += [after, after + 1]
            else:
                continue
            before = self.prev_index(i, ("filler",))
            if (
                before is not None
                and before not in self.used
                and self.m[before].has("daytime")
                and not (self.m[before].has("column") or self.m[before].has("value"))
            ):
                if half is not None:
                    continue  # "오후 6 pm": said twice, not read
                half = self.m[before].get("daytime").key
                span.insert(0, before)
            written = hour
            hour = self._hour_in_half(hour, half)
            if not 0 <= hour <= 23 or not 0 <= minutes <= 59:
                continue
            found.append((span, hour, minutes))
            halves.append((written, half))
        # hours named by a word: noon is 12; midnight ends a span of hours ("9 pm to midnight",
        # "자정까지"), as the hour 24 (alone, "after midnight" could be either end of a day)
        for i, m in enumerate(self.m):
            if i in self.used or not m.has("clock_hours") or m.has("column") or m.has("value"):
                continue
            hour = 24 if m.get("clock_hours").key == "midnight" else 12
            found.append(([i], hour, 0))
            halves.append((hour, "named"))
        order = sorted(range(len(found)), key=lambda x: found[x][0][0])
        found, halves = [found[x] for x in order], [halves[x] for x in order]
        alone = [
            i
            for i, m in enumerate(self.m)
            if i not in self.used
            and m.has("daytime")
            and not (m.has("column") or m.has("value"))
            and not any(i in span for span, _, _ in found)
            and (m.get("daytime").key not in ("am", "pm") or is_hangul(m.text[:1]))
        ]
        if not found and not alone:
            return
        column = self._clock_column()
        for i in alone:
            key = self.m[i].get("daytime").key
            self.ctx.conditions.at = i
            if key in ("am", "pm"):
                for c in self._hour_conditions(column, "<" if key == "am" else ">=", 12):
                    self.ctx.conditions.append(c)
            else:
                for c in self._part_of_day(column, self.m[i].text, key):
                    self.ctx.conditions.append(c)
            self.claim(i)
        k = 0
        while k < len(found):
            span, hour, minutes = found[k]
            if k + 1 < len(found):
                span2, hour2, minutes2 = found[k + 1]
                if halves[k + 1][1] is None and halves[k][1] is not None:
                    # "저녁 7시에서 9시 사이", "2 pm to 5": the second end is in the first one's half
                    hour2 = self._hour_in_half(halves[k + 1][0], halves[k][1])
                gap = list(range(span[-1] + 1, span2[0]))
                if gap and all(
                    self.roles(g) & {"range_join", "between", "filler", "particle"} or self.m[g].text in ("~", "-", "–")
                    for g in gap
                ):
                    if minutes or minutes2 or hour2 <= hour:
                        raise Declined(
                            "I can pick rows by whole hours within one day (e.g. between 9:00 and 17:00).",
                            "하루 안의 정시 단위 시간대로만 행을 고를 수 있습니다 (예: 9시에서 17시 사이).",
                        )
                    self.ctx.conditions.at = span[0]
                    upper = (
                        self._hour_conditions(column, "<", hour2) if hour2 < 24 else []
                    )  # to midnight: the day's end
                    for c in [*self._hour_conditions(column, ">=", hour), *upper]:
                        self.ctx.conditions.append(c)
                    self.claim(*span, *gap, *span2)
                    for x in (self.prev_index(span[0], ("filler",)), self.next_index(span2[-1], ("particle",))):
                        if x is not None and self._range_word(x):
                            self.claim(x)
                    k += 2
                    continue
            if hour == 24 and halves[k][1] == "named":
                op, op_index = self._date_operator(span)
                if op not in ("<", "<="):
                    raise Declined(
                        "Midnight starts a day and ends one: ask with the hours, e.g. “between 9 pm and midnight”.",
                        "자정은 하루의 시작이기도 하고 끝이기도 합니다. 시간을 적어 주세요 (예: “밤 9시부터 자정까지”).",
                    )
            if minutes:
                raise Declined(
                    "I can pick rows by whole hours, not to the minute.",
                    "분 단위가 아니라 정시 단위로만 고를 수 있습니다.",
                )
            op, op_index = self._date_operator(span)
            op = {">": ">=", ">=": ">=", "<": "<", "<=": "<"}.get(op, op)  # after 6 pm: from 18:00 on
            self.ctx.conditions.at = span[0]
            for c in self._hour_conditions(column, op, hour):
                self.ctx.conditions.append(c)
            self.claim(*span)
            if op_index is not None:
                self.claim(op_index)
            k += 1

    def _clock_column(self) -> str:
        """The column hours of the day are read from: a date column whose values carry times, a
        column of times of day ("21:05") or of hours (0-23); the one the question names, else the
        only one; several, or none, are declined."""
        timed = [c.name for c in self.t.columns if c.clock or (c.is_date and _has_time_of_day(c))]
        named = [i for i in range(len(self.m)) if self.columns_of(i) and set(self.columns_of(i)) <= set(timed)]
        chosen = {c for i in named for c in self.columns_of(i)}
        if len(chosen) == 1:
            self.claim(*named)
            return chosen.pop()
        if len(timed) == 1:
            return timed[0]
        if timed:
            raise Declined(
                f"This data has several columns with times ({', '.join(timed)}); name the one you mean.",
                f"시각이 담긴 열이 여러 개입니다 ({', '.join(timed)}). 어느 열인지 적어 주세요.",
            )
        raise Declined(
            "This data has no times of day, so I cannot pick rows by the hour.",
            "이 데이터에는 시각이 없어서 시간대로 행을 고를 수 없습니다.",
        )

    def _hour_conditions(self, column: str, op: str, hour: int) -> list[Condition]:
        """`hour <op> h` on the column's hour: of a date with times, an hour column itself, or
        zero-padded times compared as written ("hour >= 21" is time >= "21:00"; 24 is midnight
        at the day's end)."""
        kind = self.col(column).clock
        if kind is None:
            return [Condition(column, op, hour, "hour")]
        if kind == "hour":
            return [Condition(column, op, hour)]

        def at(h: int) -> str:
            return f"{h:02d}:00"

        if op == ">=":
            return [Condition(column, ">=", at(hour))]
        if op == ">":
            return [Condition(column, ">=", at(hour + 1))]
        if op == "<":
            return [Condition(column, "<", at(hour))]
        if op == "<=":
            return [Condition(column, "<", at(hour + 1))]
        if op == "==":
            return [Condition(column, ">=", at(hour)), Condition(column, "<", at(hour + 1))]
        raise Declined(
            "I can pick rows by hours of the day only before, after or between hours.",
            "시간대는 몇 시 이전, 이후, 사이로만 고를 수 있습니다.",
        )

    def _part_of_day(self, column: str, word: str, key: str) -> list[Condition]:
        """A part of the day said without hours ("evening", "새벽", "출근 시간대") as the hours the
        lexicon keeps for it (`daytime_hours`, the usual convention), recorded as a reading the
        reply states ("evening = 18:00–21:59"); a part without agreed hours is asked back."""
        hours = self.lex.data["daytime_hours"].get(key)
        if hours is None:
            raise Declined(
                f"Which hours do you mean by “{word}”? Ask with the hours, e.g. “between 7:00 and 10:00” "
                "or “the morning rush hour”.",
                f"“{word}”이(가) 몇 시부터 몇 시까지인지 정해 주세요 (예: “7시에서 10시 사이”, “출근 시간대”).",
            )
        start, end = (int(h) for h in hours)
        span = f"{start:02d}:00–{(end - 1) % 24:02d}:59"
        self.readings.append(
            t(
                self.lang,
                f"“{word}” read as {span} (the usual hours; ask with hours to mean others).",
                f"“{word}”{particle(word, '은/는')[len(word) :]} {span}로 읽었습니다 "
                "(흔히 쓰는 시간대이며, 다른 시간은 시각을 적어 물어 주세요).",
            )
        )
        # one condition, worded as the question's word: the hours from start to before end, or
        # past midnight ("night" 22:00–05:59) the hours outside [end, start)
        op, lo, hi = ("within", start, end) if start < end else ("outside", end, start)
        kind = self.col(column).clock
        if kind == "text":  # zero-padded times compare as written; 24:00 is after every time
            return [Condition(column, op, (f"{lo:02d}:00", f"{hi:02d}:00"), label=word)]
        return [Condition(column, op, (lo, hi), None if kind == "hour" else "hour", label=word)]

    @staticmethod
    def _hour_in_half(hour: int, half: str | None) -> int:
        """The hour on a 24-hour clock: 6 pm -> 18, 12 am -> 0, 밤 10시 -> 22; -1 when the part
        of the day does not settle it (밤 3시, 아침 8 pm)."""
        if half is None:
            return hour
        if half == "am":
            return 0 if hour == 12 else hour if hour < 12 else -1
        if half == "pm":
            return 12 if hour == 12 else hour + 12 if hour < 12 else hour
        if half in ("evening", "night"):
            return hour + 12 if 6 <= hour <= 11 else -1
        if half in ("morning", "dawn"):
            return hour if (5 if half == "morning" else 0) <= hour <= (11 if half == "morning" else 6) else -1
        return -1  # afternoon (낮): 1 pm or 1 am? not read

    # dates: 2015, July, 2014년 3월, weekends, since 2014, between March and June
    def _years_of_named_columns(self, nums: list[_Num]) -> None:
        """ "1986년 홈런(homer86)", "errors in 1986" of error86: a year that no date of the data
        holds (no date nor year column), written where the question names columns of that wave
        only (`Column.name_year`), is their own year: the columns hold that year's values, no rows
        are picked by it. (A word naming columns of two waves, league86 and league87, is told
        apart by the year instead: `_narrowed`.)"""
        if self.t.dates or any(c.yearlike for c in self.t.columns):
            return
        # (every column a mention may name: "walks" of walks and walks86 names no year of its own)
        waves = [
            {self.col(c).name_year for c in self.columns_of(k)}
            for k in range(len(self.m))
            if (k not in self.used or k in self.glosses) and self.m[k].has("column")
        ]
        for n in nums:
            if any(k in self.used for k in n.span):
                continue
            if n.date is not None and set(k for k, v in vars(n.date).items() if v is not None) == {"year"}:
                year = n.date.year
            elif n.number is not None and n.number.unit is None and float(n.number.value).is_integer():
                year = int(n.number.value)
            else:
                continue
            if any(years == {year} for years in waves):
                self.claim(*n.span)

    def _dates(self, nums: list[_Num]) -> None:
        parts: list[tuple[list[int], dict[str, Any]]] = []
        by_index = {n.index: n for n in nums}
        for i, m in enumerate(self.m):
            if i in self.used:
                continue
            found: dict[str, Any] | None = None
            if m.has("date"):
                d: DatePart = m.get("date").key
                found = {k: v for k, v in vars(d).items() if v is not None}
            elif m.has("months") and not m.has("value") and not m.has("column"):
                if m.text.lower() in ("may", "mar", "sun", "sat", "wed") and not self._date_context(i):
                    continue
                found = {"month": int(m.get("months").key)}
            elif m.has("weekdays") and not m.has("value") and not m.has("column"):
                if m.text.lower() in ("sun", "sat", "wed", "mon") and not self._date_context(i):
                    continue
                found = {"weekday": [int(m.get("weekdays").key)]}
            elif m.has("weekend"):
                found = {"weekday": [5, 6]}
            elif m.has("seasons") and not m.has("column") and not m.has("value"):
                found = {
                    "month": {"spring": [3, 4, 5], "summer": [6, 7, 8], "autumn": [9, 10, 11], "winter": [12, 1, 2]}[
                        m.get("seasons").key
                    ]
                }
            elif m.has("halves") and not m.has("column") and not m.has("value"):
                first = m.get("halves").key == "first"
                k = self.next_index(i, ("filler", "particle", "condition"))
                if k is not None and self.m[k].has("months") and k not in self.used:
                    # "the first half of July": a half of that month, not the year's first six
                    # months (which, with July, would leave no row at all)
                    raise Declined(
                        f"I can take the halves of a year, not yet “{self._words(i, k)}”, a half of a month.",
                        f"한 해의 상반기·하반기는 구할 수 있지만 “{self._words(i, k)}”처럼 한 달의 절반은 아직 구할 수 없습니다.",
                    )
                found = {"month": [1, 2, 3, 4, 5, 6] if first else [7, 8, 9, 10, 11, 12]}
            elif m.has("workdays") and not m.has("column"):
                found = {"weekday": [0, 1, 2, 3, 4]}
            elif m.has("quarters"):
                found = {"quarter": int(m.get("quarters").key)}
            elif i in by_index:
                n = by_index[i]
                if n.date is not None and isinstance(n.date.year, list):
                    self._decade(n.date.year, n.span)
                    continue
                if n.date is not None:
                    found = {k: v for k, v in vars(n.date).items() if v is not None}
                elif self._is_year(n) and (self._date_context(i) or self._near_date_part(i)):
                    found = {"year": int(n.number.value)}
                elif (
                    n.number is not None
                    and n.number.unit is None
                    and float(n.number.value).is_integer()
                    and 1 <= n.number.value <= 12
                    and i + 2 < len(self.m)
                    and self.m[i + 1].text in ("~", "-", "–", "에서", "부터", "to")
                    and self.m[i + 2].has("months")
                ):
                    found = {"month": int(n.number.value)}  # "6~8월"
                elif self._day_of_named_month(n):
                    found = {"day": int(n.number.value)}  # "Jan 1", "March 15, 2024"
                if found is not None:
                    parts.append((n.span, found))
                    continue
            if found is not None:
                parts.append(([i], found))
        if not parts:
            return
        # Merge parts written together: "July 2014", "2014년 3월", "March 5, 2014".
        merged: list[tuple[list[int], dict[str, Any]]] = []
        for span, found in parts:
            if merged:
                last_span, last = merged[-1]
                gap = range(last_span[-1] + 1, span[0])
                if (
                    all(
                        (self.is_skippable(g) and not (self.roles(g) & {"either"}))
                        or (self.m[g].text == "," and "day" in last and set(found) == {"year"})
                        for g in gap
                    )  # "March 15, 2024": the comma before a date's year joins nothing
                    and not (set(last) & set(found))
                    and "weekday" not in found
                    and "weekday" not in last
                ):
                    merged[-1] = (last_span + list(gap) + span, {**last, **found})
                    continue
            merged.append((span, found))
        for _span, found in merged:
            if isinstance(found.get("month"), int) and not 1 <= found["month"] <= 12:  # "13/14/2023"
                raise Declined(
                    f"There is no month {found['month']} in a year.",
                    f"{found['month']}월은 없습니다.",
                )
            if "day" in found and "month" in found and isinstance(found["month"], int):
                import calendar

                days = calendar.monthrange(found.get("year", 2000), found["month"])[1]  # 2000: Feb 29 exists
                if not 1 <= int(found["day"]) <= days:
                    raise Declined(
                        f"There is no day {found['day']} in that month.",
                        f"그 달에는 {found['day']}일이 없습니다.",
                    )
        # Lists of months or weekdays joined by "or"/"and" become one membership condition.
        column = self._date_column()
        k = 0
        while k < len(merged):
            span, found = merged[k]
            op, op_idx = self._date_operator(span)
            # ranges: between March and June, 2013 to 2015, 2013년부터 2015년까지
            if k + 1 < len(merged):
                span2, found2 = merged[k + 1]
                if set(found) ^ set(found2) == {"year"} and "month" in found and "month" in found2:
                    # the year written once for both ends: "June to August 2024", "2023년 3월부터 5월까지"
                    year = found.get("year", found2.get("year"))
                    found, found2 = {**found, "year": year}, {**found2, "year": year}
                gap = list(range(span[-1] + 1, span2[0]))
                joins = [g for g in gap if self.roles(g) & {"range_join", "date_compare", "compare_after", "either"}]
                if (
                    joins
                    and all(
                        self.is_skippable(g, ("range_join", "date_compare", "compare_after", "either")) for g in gap
                    )
                    and set(found) == set(found2)
                    and "weekday" not in found
                ):
                    before = self.prev_index(span[0], ("filler", "particle"))
                    after = self.next_index(span2[-1], ("particle",))
                    is_range = (
                        (
                            before is not None
                            and (self.m[before].has("between") or self.m[before].text.lower() == "from")
                        )
                        or (
                            after is not None
                            and (self.m[after].has("between") or self.m[after].text in ("까지", "사이"))
                        )
                        or any(self.m[g].text in ("~", "-", "–", "부터", "에서", "to", "through") for g in gap)
                    )
                    if is_range:
                        if self._has_any("change", "times"):
                            # "from 1952 to 2007", "between 2021 and 2022" of a change: two periods
                            self._date_sides(column, found, span, found2, span2)
                            self.claim(*gap)
                        else:
                            self._date_range(column, found, found2, span + span2 + gap)
                        for x in (before, after):
                            if x is not None and self._range_word(x):
                                self.claim(x)
                        k += 2
                        continue
                if joins and all(self.is_skippable(g, ("either",)) for g in gap) and "day" in found and "day" in found2:
                    # "12월 25일이랑 1월 1일": a list of single days (both at once match no row)
                    raise Declined(
                        "I can pick one day or a range of days, not a list of days; ask for each day.",
                        "하루 또는 기간으로만 고를 수 있고, 여러 날을 나열해서 고를 수는 없습니다. 날마다 따로 물어봐 주세요.",
                    )
                if (
                    joins
                    and all(self.is_skippable(g, ("either",)) for g in gap)
                    and set(found) == set(found2)
                    and len(found) == 1
                    and list(found)[0] in ("month", "weekday", "quarter", "year")
                ):
                    # "in June or July", "Saturdays and Sundays": one membership condition
                    members = [found, found2]
                    covered = span + gap + span2
                    k2 = k + 2
                    while k2 < len(merged):
                        span3, found3 = merged[k2]
                        gap3 = list(range(covered[-1] + 1, span3[0]))
                        if set(found3) == set(found) and all(self.is_skippable(g, ("either",)) for g in gap3):
                            members.append(found3)
                            covered += gap3 + span3
                            k2 += 1
                        else:
                            break
                    key = list(found)[0]
                    values = []
                    for f in members:
                        values.extend(f[key] if isinstance(f[key], list) else [f[key]])
                    negated = self._negated(covered)
                    self._date_condition(column, {key: sorted(set(values))}, covered, "!=" if negated else "==")
                    k = k2
                    continue
            self._date_condition(column, found, span, op)
            self.claim(op_idx)
            k += 1

    def _period_restated(self) -> None:
        """ "7월 한 달 동안", "2023년 일년 동안": a length of time right after a date of that unit
        restates the date (the whole of July), not an amount per period. Not with a mean asked
        ("7월 한 달 평균" could be either), which stays for the grouping to read or decline."""
        if any(s.key == "mean" for m in self.m for s in m.all("agg")):
            return
        for i, m in enumerate(self.m):
            if i in self.used or not m.has("per_period") or m.has("column") or m.has("value"):
                continue
            j = self.prev_index(i, ("particle", "filler"))
            if j is None or j not in self.used:
                continue
            before = self.m[j]
            unit = (
                "month" if before.has("months") else before.get("date_units").key if before.has("date_units") else None
            )
            if unit == m.get("per_period").key:
                self.claim(i)

    def _day_of_named_month(self, n: _Num) -> bool:
        """A whole number 1-31 written right after a month's name ("Jan 1", "March 15, 2024"): the
        day of that month."""
        i = n.index
        if n.number is None or n.number.unit is not None or not float(n.number.value).is_integer():
            return False
        if not 1 <= n.number.value <= 31 or i == 0 or len(n.span) != 1:
            return False
        before = self.m[i - 1]
        return (
            before.has("months")
            and not before.has("value")
            and not before.has("column")
            and not is_hangul(before.text[:1])
        )

    def _same_conditions(self) -> None:
        """A condition said twice ("봄(3~5월)": spring, and March to May) is one condition."""
        conds = self.ctx.conditions
        seen: list[tuple[str, str | None, frozenset]] = []
        keep = []
        for k, c in enumerate(conds):
            values = _value_set(c)
            key = (c.column, c.part, values) if values is not None else None
            if key is not None and key in seen:
                continue
            if key is not None:
                seen.append(key)
            keep.append(k)
        if len(keep) < len(conds):
            kept = [(conds[k], conds.positions[k]) for k in keep]
            conds.clear()
            conds.positions.clear()
            for c, at in kept:
                conds.at = at
                conds.append(c)

    def _date_context(self, i: int) -> bool:
        before = self.prev_index(i, ("filler", "particle"))
        after = self.next_index(i, ("particle",))
        if before is not None and (
            self.roles(before) & {"range_join", "either", "than"}
            or (self.m[before].has("intent") and self.m[before].get("intent").key in ("relationship", "compare"))
        ):
            # "between 1976 and 1980", "2014 vs 2015": the second year of a pair of years
            first = self.prev_index(before, ("filler", "particle"))
            if (
                first is not None
                and self.m[first].has("num")
                and self.t.is_year(self.m[first].get("num").key)
                and self._date_context(first)
            ):
                return True
        words = {
            "in",
            "during",
            "on",
            "since",
            "after",
            "before",
            "from",
            "until",
            "of",
            "for",
            "by",
            "to",
            "through",
            "between",
        }
        if (
            before is not None
            and self.roles(before) & {"range_join", "either"}
            and self.m[i].has("months")
            and (first := self.prev_index(before, ("filler", "particle"))) is not None
            and self.m[first].has("months")
            and not self.m[first].has("value")
        ):
            return True  # "between March and May", "April or May": the second month of a pair
        return (
            before is not None
            and (
                self.m[before].text.lower() in words
                or self.m[before].has("date_compare")
                or self.m[before].has("months")
            )
        ) or (
            after is not None
            and (
                self.m[after].has("date_compare")
                or self.m[after].has("months")
                or self.m[after].has("date_units")
                or (
                    self.m[i].has("months")
                    and self.m[after].has("num")
                    and self.t.is_year(self.m[after].get("num").key)
                )
            )
        )

    def _near_date_part(self, i: int) -> bool:
        for j in (self.prev_index(i, ("filler", "particle")), self.next_index(i, ("filler", "particle"))):
            if j is not None and (self.m[j].has("months") or self.m[j].has("date") or self.m[j].has("quarters")):
                return True  # "July 2014", "Q3 2021"
        j = i - 1 if i > 0 and self.m[i - 1].text != "," else i - 2  # "March 15, 2024"
        if j > 0 and self.m[j].has("num") and self.m[j - 1].has("months"):
            return not is_hangul(self.m[j - 1].text[:1])  # "Jan 1 2024", "March 15, 2024"
        return False

    def _date_operator(self, span: list[int]) -> tuple[str, int | None]:
        before = self.prev_index(span[0], ("filler", "particle"))
        after = self.next_index(span[-1], ("particle",))
        for j in (before, after):
            if j is not None and j not in self.used:
                sense = (
                    self.m[j].get("date_compare")
                    or (self.m[j].get("compare_after") if j == after else None)
                    or (self.m[j].get("compare") if j == before else None)
                )
                if sense is not None and sense.key in self._OPS and sense.key not in ("eq", "ne"):
                    return self._OPS[sense.key], j
        return "==", None

    def _own_year_column(self) -> str | None:
        """The one column of years named by nothing but a word for the year ("Year", "연도"): the
        year the table's author gave each row (Bundesliga's Year is the season's, which its Date
        does not hold), so a year said alone ("in 1995") or "by year" is of it, not of the year of
        a date column, unless the question names the date column."""
        own = [
            c.name
            for c in self.t.columns
            if c.yearlike and not c.is_date and len(c.keys) == 1 and c.concepts.get("year") == 1.0
        ]
        if len(own) != 1 or not self.t.dates:
            return None
        if any(self.col(c).is_date for i in range(len(self.m)) for c in self.columns_of(i)):
            return None
        return own[0]

    def _year_column_near(self, span: list[int]) -> str | None:
        """A year column named next to a year: "built before 2000" is about the year built."""
        for j in (
            self.prev_index(span[0], ("filler", "particle", "condition", "date_compare")),
            self.next_index(span[-1], ("filler", "particle", "condition", "date_compare", "compare_after")),
        ):
            if j is None or j in self.used or not self.m[j].has("column"):
                continue
            years = [c for c in self.columns_of(j) if self.col(c).yearlike]
            if len(years) == 1:
                self.claim(j)
                return years[0]
        return None

    def _previous_period(self) -> None:
        """ "전년 대비", "year over year", "작년 같은 달보다" with a change: the base is the period a
        year before. With a period stated ("2024년 7월 ... 작년 같은 달보다") the two sides are
        that period and the same period a year earlier; asked per year ("연도별 ... 전년 대비
        변화율", "year over year growth") every year's change from the year before (`successive`);
        otherwise ("전년 대비 가장 많이 감소한 측정소") the data's last year against the year before.
        Without a change word the phrase is a date relative to today and stays unused (declined)."""
        marks = [
            i
            for i, m in enumerate(self.m)
            if i not in self.used and m.has("previous_period") and not (m.has("column") or m.has("value"))
        ]
        if not marks or not self._has_any("change", "times"):  # "몇 배": a ratio to the year before
            return
        axis = self._year_axis()
        if axis is None:
            return
        column, part = axis
        conds = self.ctx.conditions
        years = [k for k, c in enumerate(conds) if c.column == column and c.op == "==" and c.part == part]
        if len(years) > 1 or (years and not isinstance(conds[years[0]].value, (int, float))):
            return
        if years:
            # the period stated, and the same period (its month or quarter kept) a year before
            keep = [
                k
                for k, c in enumerate(conds)
                if c.column == column and c.op == "==" and c.part in (part, "month", "quarter")
            ]
            stated = [conds[k] for k in keep]
            before = [
                dataclasses.replace(c, value=int(c.value) - 1) if k == years[0] else c for k, c in zip(keep, stated)
            ]
            rest = [(c, p) for k, (c, p) in enumerate(zip(conds, conds.positions)) if k not in keep]
            conds.clear()
            conds.positions.clear()
            for c, p in rest:
                conds.at = p
                conds.append(c)
        else:
            bucketed = any(m.has("bucket") and m.get("bucket").key == "year" for m in self.m)
            scalar = any(m.has("agg") and m.get("agg").key == "share" for m in self.m) or self._has_any(
                "superlative", "superlative_marker"
            )  # "몇 % 변했어", "가장 많이 감소한": one change, of the last year
            # "전년 대비 가장 많이 감소한 해": the year itself is what is picked, among every year's
            # change from the year before (not one change of the last year per group)
            years_asked = any(
                i not in self.used and _time_word(m.text.lower().rstrip("s")) == "year" and not m.has("value")
                for i, m in enumerate(self.m)
            )
            if bucketed or not scalar or (years_asked and self._has_any("superlative", "superlative_marker")):
                self.successive = (column, part)
                self.claim(*marks)
                return
            last = _last_year(self.col(column))
            if last is None:
                return
            stated = [Condition(column, "==", last, part)]
            before = [Condition(column, "==", last - 1, part)]
        self.ctx.sides = [stated, before]
        self.date_sides = True
        self.claim(*marks)
        for i in marks:  # "작년 같은 달보다": the comparison's own word
            j = self.next_index(i, ("particle",))
            if j is not None and self.m[j].has("than"):
                self.claim(j)

    def _consecutive(self) -> None:
        """ "fell the most compared with the month before", "전월보다 줄어든 달은 몇 번", "month-over-
        month increase": each period's change from the one just before (`successive`), the period
        named by the words (a month, a quarter...), over the one date column. Read only with a
        change word, and only when the dates are at least as fine as the period (a monthly table
        has no day before); otherwise the words stay unused and the question declines."""
        marks = [i for i, m in enumerate(self.m) if i not in self.used and m.has("previous_bucket")]
        if not marks or self.successive is not None or not self._has_any("change"):
            return
        buckets = {self.m[i].get("previous_bucket").key for i in marks}
        if len(buckets) != 1:
            return
        bucket = buckets.pop()
        column = self._date_column()
        if column is None:
            return
        fine = self.col(column).granularity
        order = ("hour", "day", "week", "month", "quarter", "year")
        if fine in order and order.index(fine) > order.index(bucket):
            return
        self.successive = (column, bucket)
        self.claim(*marks)
        for i in marks:
            # "전월보다", "전월 대비", "compared with the month before", "than the previous month"
            for j in (self.next_index(i, ("particle",)), self.prev_index(i, ("filler",))):
                if (
                    j is not None
                    and j not in self.used
                    and (self.m[j].has("than") or self.m[j].text.lower() in ("compared with", "compared to", "대비"))
                ):
                    self.claim(j)

    def _year_axis(self) -> tuple[str, str | None] | None:
        """The column that holds years: an integer column of years (part None), else the one date
        column (part "year")."""
        years = [c.name for c in self.t.columns if c.yearlike]
        if len(years) == 1:
            return years[0], None
        if years:
            return None
        column = self._date_column()
        return (column, "year") if column else None

    def _date_column(self) -> str | None:
        dates = self.t.dates
        mentioned = [c for i, m in enumerate(self.m) for c in self.columns_of(i) if self.col(c).is_date]
        if mentioned:
            for i, _m in enumerate(self.m):
                cols = self.columns_of(i)
                dated = [c for c in cols if self.col(c).is_date]
                # "shipped" (ship_date, ship_time): the date of the event and its time of day name
                # one event; with a date asked, the word names its date
                if (
                    dated
                    and not any(not self.col(c).is_date and not self.col(c).clock for c in cols)
                    and (len(dated) == len(cols) or len(dated) == 1)
                ):
                    self.claim(i)
            return mentioned[0]
        named = self._event_date(dates)
        if named is not None:
            return named
        if len(dates) == 1:
            return dates[0].name
        own = self._rows_own_date(dates)
        if own is not None:
            return own
        span = _span_pair(dates)
        if span is not None:
            return span[0].name
        if len(dates) > 1:
            raise Declined(
                f"This data has several date columns ({', '.join(c.name for c in dates)}); name the one you mean.",
                f"날짜 열이 여러 개입니다 ({', '.join(c.name for c in dates)}). 어느 열인지 적어 주세요.",
            )
        return None

    def _period_in_name(self, j: int, column: str) -> str:
        """The period a date column is grouped by when named with a period in place of "date"
        ("by ship month": ship_date by month; "주문 연도별"): a word of the mention that is not
        part of the column's name and names a period; else the day."""
        periods = {
            "day": "day",
            "days": "day",
            "week": "week",
            "weeks": "week",
            "month": "month",
            "months": "month",
            "quarter": "quarter",
            "quarters": "quarter",
            "year": "year",
            "years": "year",
        }
        for key, forms in self.lex.data["date_units"].items():
            periods.update({str(f): key for f in forms if key in BUCKETS})
        own = set(self.col(column).keys)
        found = {periods[w] for w in self.m[j].text.lower().split() if w not in own and w in periods}
        return found.pop() if len(found) == 1 else "day"

    def _rows_own_date(self, dates: list[Column]) -> str | None:
        """ "loans per month" of loan_date, due_date and return_date: the noun the question counts
        the rows by names the one date column that starts with it, the date each row was made."""
        fits = {
            c.name
            for m in self.m
            if m.has("entity") and not m.has("column") and not m.has("value")
            for w in variants(m.text.lower())
            for c in dates
            if len(c.keys) > 1 and c.keys[0] == w
        }
        return fits.pop() if len(fits) == 1 else None

    def _event_date(self, dates: list[Column]) -> str | None:
        """The date column a verb of the question names by its event: "placed"/"주문된" the
        order_date, "shipped" the ship_date, "born" the birth_date (the lexicon's events; a date
        column's name starts with its event). The verb is used; a verb whose event no date column
        records stays unused, and two verbs naming two date columns decline: which date the
        question's time refers to is then not settled by its words."""
        fits: dict[str, list[int]] = {}
        mine = getattr(self, "_event_words", set())  # claimed here before: a second call's answer
        for i, m in enumerate(self.m):
            if i in self.used and i not in mine:
                continue
            for sense in m.all("event"):
                for c in dates:
                    first = c.keys[0] if c.keys else ""
                    if first.startswith(str(sense.key)):
                        fits.setdefault(c.name, []).append(i)
        if not fits:
            return None
        if len(fits) > 1:
            words = sorted({self.m[i].text for used in fits.values() for i in used})
            raise Declined(
                f"The question's words ({', '.join(words)}) name several date columns ({', '.join(fits)}); "
                "ask about one date at a time.",
                f"질문의 단어({', '.join(words)})가 날짜 열 여러 개({', '.join(fits)})를 가리킵니다. 한 번에 하나의 날짜로 물어 주세요.",
            )
        ((column, marks),) = fits.items()
        self.claim(*marks)
        self._event_words = mine | set(marks)
        return column

    def _outside(self, column: str, years: list[int], op: str) -> None:
        """Decline a year the data does not cover ("average mpg in 1995" of 1970-1982 data): no
        rows would match, and that is not an answer to the question."""
        c = self.col(column)
        low, high = c.minimum, c.maximum
        if low is None or high is None:
            return
        try:
            first, last = (
                int(str(low)[:4]) if c.is_date else int(float(low)),
                int(str(high)[:4]) if c.is_date else int(float(high)),
            )
        except ValueError:
            return
        outside = [y for y in years if not first <= y <= last]
        if op in ("==", "in") and outside and len(outside) == len(years):
            raise Declined(
                f"The data covers {first} to {last}; {', '.join(map(str, outside))} is outside it.",
                f"데이터는 {first}년부터 {last}년까지입니다. {', '.join(map(str, outside))}년은 그 밖입니다.",
            )
        if op in (">", ">=") and years and min(years) > last or op in ("<", "<=") and years and max(years) < first:
            raise Declined(
                f"The data covers {first} to {last}; nothing is in that range.",
                f"데이터는 {first}년부터 {last}년까지라서 그 범위에는 값이 없습니다.",
            )

    def _date_condition(self, column: str | None, found: dict[str, Any], span: list[int], op: str) -> None:
        self.ctx.conditions.at = span[0]
        years = (found["year"] if isinstance(found["year"], list) else [found["year"]]) if "year" in found else []
        if set(found) == {"year"}:
            year_column = self._year_column_near(span) or self._own_year_column()
            if year_column is not None:
                self._outside(year_column, years, op)
                value = found["year"]
                if isinstance(value, list):
                    self.ctx.conditions.append(Condition(year_column, "in" if op == "==" else "not in", value))
                else:
                    self.ctx.conditions.append(Condition(year_column, op, value))
                self.claim(*span)
                return
        if years and (column is not None or len([c for c in self.t.columns if c.yearlike]) == 1):
            self._outside(column or next(c.name for c in self.t.columns if c.yearlike), years, op)
        if (
            column is None
            and op in ("==", "!=")
            and set(found) - {"year"}
            and set(found) <= {"year", "quarter", "month", "day"}
            and ("day" not in found or "month" in found)
        ):
            # dates kept as parts in columns of their own (year and quarter, year and month; a
            # month and its day, airquality's Month and Day)
            parts = {
                part: self.t.calendar_parts().get("day") if part == "day" else self._part_column(part) for part in found
            }
            if all(parts.values()):
                for part, name in parts.items():
                    value = found[part]
                    if not self.col(name).numeric:  # the column's own name of that quarter or month
                        names = _part_values(self.col(name), part)
                        value = [names[v] for v in value] if isinstance(value, list) else names.get(value)
                        if value is None or (isinstance(value, list) and None in value):
                            continue
                    if isinstance(value, list):
                        self.ctx.conditions.append(Condition(name, "in" if op == "==" else "not in", value))
                    else:
                        self.ctx.conditions.append(Condition(name, op, value))
                self.claim(*span)
                return
        if column is None:
            years = [c.name for c in self.t.columns if c.yearlike]
            if set(found) == {"year"} and len(years) == 1:
                value = found["year"]
                if isinstance(value, list):
                    self.ctx.conditions.append(Condition(years[0], "in" if op == "==" else "not in", value))
                else:
                    self.ctx.conditions.append(Condition(years[0], op, value))
                self.claim(*span)
                return
            short = self._two_digit_year_column()
            if set(found) == {"year"} and short is not None:
                said = found["year"] if isinstance(found["year"], list) else [found["year"]]
                col = self.col(short)
                values = [y % 100 for y in said]
                if all(float(col.minimum) <= v <= float(col.maximum) for v in values) or op not in ("==", "in"):
                    # "96년", "in 1996" of grouseticks' YEAR 95-97: the year without its century
                    if isinstance(found["year"], list):
                        self.ctx.conditions.append(Condition(short, "in" if op == "==" else "not in", values))
                    else:
                        self.ctx.conditions.append(Condition(short, op, values[0]))
                    self.claim(*span)
                    low, high = int(float(col.minimum)), int(float(col.maximum))
                    self.readings.append(
                        t(
                            self.lang,
                            f"{short} holds years without their century ({low}-{high}): "
                            f"{', '.join(map(str, said))} is {', '.join(map(str, values))} there.",
                            f"{short}에는 연도가 뒤 두 자리로 있습니다({low}-{high}): "
                            f"{', '.join(map(str, said))}년은 {', '.join(map(str, values))}입니다.",
                        )
                    )
                    return
            waves = {c.name_year for c in self.t.columns if c.name_year is not None}
            if set(found) == {"year"} and op == "==" and found["year"] in waves:
                return  # "1986년 홈런": the wave of columns named with that year (`_narrowed`)
            raise Declined(
                "This data has no dates, so I cannot pick rows by a date, a month or a weekday.",
                "이 데이터에는 날짜 열이 없어서 날짜, 월, 요일로 행을 고를 수 없습니다.",
            )
        if set(found) == {"weekday"}:
            values = found["weekday"]
            if op not in ("==", "!="):
                raise Declined(
                    "I cannot compare weekdays as earlier or later.", "요일은 크고 작음으로 비교할 수 없습니다."
                )
            self.ctx.conditions.append(
                Condition(
                    column,
                    ("in" if op == "==" else "not in") if len(values) > 1 else op,
                    values if len(values) > 1 else values[0],
                    "weekday",
                )
            )
            self.claim(*span)
            return
        if op == "==" and set(found) == {"year", "month", "day"} and all(isinstance(v, int) for v in found.values()):
            # one day: a date, stated as one ("2024-12-25"), not three parts
            day = f"{found['year']:04d}-{found['month']:02d}-{found['day']:02d}"
            self.ctx.conditions.append(Condition(column, "between", [day, day], "date"))
            self.claim(*span)
            return
        if op in ("==", "!=") or "day" not in found and op in ("==",):
            for key in ("year", "quarter", "month", "day"):
                if key in found:
                    value = found[key]
                    if isinstance(value, list):
                        self.ctx.conditions.append(Condition(column, "in" if op == "==" else "not in", value, key))
                    else:
                        self.ctx.conditions.append(Condition(column, op, value, key))
            self.claim(*span)
            return
        # since / after / before / until a date: compare with the first or last day it covers
        start, end = _date_bounds(found)
        if start is None:
            raise Declined(
                "I can compare whole dates or years, not a month or day on its own, as earlier or later.",
                "연도나 날짜 전체만 이전/이후로 비교할 수 있습니다.",
            )
        if op in (">=",):
            self.ctx.conditions.append(Condition(column, ">=", start, "date"))
        elif op == ">":
            self.ctx.conditions.append(Condition(column, ">", end, "date"))
        elif op == "<":
            self.ctx.conditions.append(Condition(column, "<", start, "date"))
        elif op == "<=":
            self.ctx.conditions.append(Condition(column, "<=", end, "date"))
        self.claim(*span)

    def _date_sides(
        self, column: str | None, a: dict[str, Any], span_a: list[int], b: dict[str, Any], span_b: list[int]
    ) -> None:
        """The two periods of a change, the later one first (its value minus the earlier one's)."""
        sides = []
        for found, span in ((b, span_b), (a, span_a)):
            before = len(self.ctx.conditions)
            self._date_condition(column, found, span, "==")
            sides.append(list(self.ctx.conditions[before:]))
            del self.ctx.conditions[before:]
            del self.ctx.conditions.positions[before:]
        self.ctx.sides = sides
        self.date_sides = True

    def _two_digit_year_column(self) -> str | None:
        """The one column of years written without their century (grouseticks' YEAR 95-97, Cigar's
        year 63-92): named as years (the lexicon's concept), whole numbers from 0 to 99, where
        the table has no column of full years or dates."""
        if any(c.yearlike or c.is_date for c in self.t.columns):
            return None
        found = [
            c.name
            for c in self.t.columns
            if c.numeric
            and c.integer
            and "year" in c.concepts
            and len(c.base or c.keys) == 1
            and c.minimum is not None
            and c.maximum is not None
            and 0 <= float(c.minimum) <= float(c.maximum) <= 99
        ]
        return found[0] if len(found) == 1 else None

    def _part_column(self, part: str) -> str | None:
        """The column holding one part of dates stored in pieces: the year, the quarter (1-4), the
        month (1-12), found by its name and its values."""
        if part == "year":
            years = [c.name for c in self.t.columns if c.yearlike]
            return years[0] if len(years) == 1 else None
        named = [c.name for c in self.t.columns if c.calendar_part == part]
        # or the part's names as text (Q1..Q4, 1월..12월, Jan..Dec: a wide table's periods)
        named += [c.name for c in self.t.columns if not c.numeric and _part_values(c, part)]
        return named[0] if len(named) == 1 else None

    def _date_range(self, column: str | None, a: dict[str, Any], b: dict[str, Any], span: list[int]) -> None:
        self.ctx.conditions.at = span[0]
        if set(a) == {"year"} and isinstance(a["year"], int) and isinstance(b["year"], int):
            bound = self._years_column(column, *sorted((a["year"], b["year"])))
            if bound is not None and not self.col(bound).is_date:
                self.ctx.conditions.append(Condition(bound, "between", tuple(sorted((a["year"], b["year"])))))
                self.claim(*span)
                return
        if column is None and set(a) == {"year"}:
            years = [c.name for c in self.t.columns if c.yearlike]
            if len(years) == 1:
                self.ctx.conditions.append(Condition(years[0], "between", (a["year"], b["year"])))
                self.claim(*span)
                return
        if column is None:
            raise Declined(
                "This data has no dates, so I cannot pick rows by a date range.",
                "이 데이터에는 날짜 열이 없어서 기간으로 행을 고를 수 없습니다.",
            )
        if isinstance(a.get("year"), int) and isinstance(b.get("year"), int):
            # a range wholly after or before the data's years matches no row: not an answer
            self._outside(column, [a["year"]], ">=")
            self._outside(column, [b["year"]], "<=")
        if set(a) == {"month"}:
            self.ctx.conditions.append(Condition(column, "between", (a["month"], b["month"]), "month"))
        elif set(a) == {"year"}:
            self.ctx.conditions.append(Condition(column, "between", (a["year"], b["year"]), "year"))
        else:
            start, _ = _date_bounds(a)
            _, end = _date_bounds(b)
            if start is None or end is None:
                raise Declined("I could not read that range of dates.", "그 기간을 읽지 못했습니다.")
            self.ctx.conditions.append(Condition(column, "between", (start, end), "date"))
        self.claim(*span)

    def _negated(self, span: list[int]) -> bool:
        before = self.prev_index(span[0], ("filler", "particle", "condition"))
        if before is not None and self.m[before].text.lower() in ("by", "from") and before not in self.used:
            # "not by members", "not from Seoul": the preposition between the negation and the value
            by = self.prev_index(before, ("filler", "particle", "condition"))
            if by is not None and self.m[by].has("negation"):
                self.claim(before)
                before = by
        after = self.next_index(span[-1], ("particle",))
        if self.lang == "ko" and after is not None and not self.m[after].has("negation"):
            after = self._excluded_clause(span, after)
        for j in (before, after):
            if j is not None and j not in self.used and self.m[j].has("negation") and not self.m[j].has("column"):
                if j == after and self.lang != "ko" and self.m[j].text.lower() not in ("excluded",):
                    continue
                if j == before and self.lang == "ko" and is_hangul(self.m[j].text[:1]):
                    # Korean negates what it FOLLOWS ("자녀가 있는 사람을 제외한 남성": the men are
                    # kept, those with children excluded); a negation before the value is another's
                    continue
                self.claim(j)
                return True
        return False

    def _excluded_clause(self, span: list[int], after: int) -> int | None:
        """ "reason이 leave인 사람을 제외한", "자녀가 있는 사람을 제외한": in Korean a word of
        exclusion (lexicon `excluding`) after a clause naming ONE condition and the rows it picks
        (인, 있는, 사람, 을) excludes that condition's rows: the word's index, or None. A clause of two
        conditions ("여성이고 자녀가 있는 사람을 제외한") excludes the rows meeting both, which no
        negation of one of them says: not read here (the word is left, and the question declined)."""
        excluding = {str(w) for w in self.lex.data.get("excluding", [])}
        k = after
        while k < len(self.m) and self.roles(k) and self.roles(k) <= {"particle", "filler", "condition", "entity"}:
            k += 1
        if k >= len(self.m) or k == after or k in self.used or self.m[k].text not in excluding:
            return None
        # the clause begins the question, or after a boundary that names no condition of its own
        own = {s.key[0] for x in span for s in self.m[x].all("value")} | {c for x in span for c in self.columns_of(x)}
        j = span[0] - 1
        while j >= 0:
            roles = self.roles(j)
            if roles and roles <= {"particle", "filler", "condition"}:
                j -= 1
                continue
            if roles & {"column", "concept"} and set(self.columns_of(j)) & own and not roles & {"value", "num"}:
                j -= 1  # "reason이 leave인": the value's own column named before it
                continue
            if roles & {"value", "num", "column", "concept", "compare", "date", "negation", "boolcol"}:
                return None
            break
        return k

    # A vs B, A와 B의 차이, how much more A than B
    def _sides(self) -> None:
        values = [(i, s) for i, m in enumerate(self.m) if i not in self.used for s in m.all("value")]
        if len(values) < 2:
            return
        asks_compare = any(
            m.has("than") or m.has("intent") and m.get("intent").key in ("compare", "difference", "relationship")
            for m in self.m
        )
        if not asks_compare:
            return
        by_column: dict[str, list[tuple[int, Any]]] = {}
        for i, s in values:
            by_column.setdefault(s.key[0], []).append((i, s.key[1]))
        pairs = [(c, v) for c, v in by_column.items() if len({i for i, _ in v}) >= 2]
        if len(pairs) != 1:
            return
        column, items = pairs[0]
        items = sorted(dict(items).items())
        if len(items) != 2:
            return
        (i1, v1), (i2, v2) = items
        between = range(i1 + 1, i2)
        joiner = [
            j
            for j in between
            if self.roles(j)
            & {
                "than",
                "either",
                "range_join",
                "intent",
                "filler",
                "particle",
                "condition",
                "entity",
                "degree",
                "adjective",
                "agg",
                "column",
            }
        ]
        if len(joiner) != len(between):
            return
        self.ctx.sides = [[Condition(column, "==", v1)], [Condition(column, "==", v2)]]
        # the base (second side) is what "than"/"대비" governs: the value said after it in English
        # ("A than B"), before it in Korean ("A 대비 B", "A보다 B가"): "Alpha 대비 Bravo 몇 배" is B / A
        marks = [j for j, m in enumerate(self.m) if m.has("than") or m.text.startswith("대비")]
        # the marker's own script says which way it governs ("than 미국" in an English sentence)
        if marks and is_hangul(self.m[marks[0]].text[:1]) and i1 < marks[0] <= i2:
            self.ctx.sides.reverse()
        self.claim(i1, i2, *[j for j in between if self.roles(j) & {"than", "intent"} and not self.m[j].has("column")])
        for i, m in enumerate(self.m):
            if m.has("than") or (m.has("intent") and m.get("intent").key in ("compare", "difference", "relationship")):
                self.claim(i)
                if m.has("intent") and m.get("intent").key == "difference":
                    self.difference = True
        # "between A and B" of a difference
        for i, m in enumerate(self.m):
            if m.has("between") and i < i1:
                self.claim(i)

    # Japan, 강남구, not USA, Japan or Europe
    def _statistic_not_value(self, i: int) -> bool:
        """ "average days absent by race" where a column holds the value "average" (learner:
        average, slow): a word that is both a statistic and a category value is the statistic,
        unless the value's column is named beside it ("average learners", "learner average") or
        the question has the statistic again elsewhere to be it."""
        m = self.m[i]
        if not m.has("agg"):
            return False
        agg = m.get("agg").key
        columns = {s.key[0] for s in m.all("value")}
        for j in (self.prev_index(i, ("filler", "particle")), self.next_index(i, ("filler", "particle"))):
            # (the column a word names best: "score" is the score column, though a weaker
            # reading of it reaches rating, whose value "Average" is no average score then)
            senses = self.m[j].all("column") if j is not None else []
            best = max((x.quality for x in senses), default=0.0)
            if {x.key for x in senses if x.quality >= best - 1e-9} & columns:
                return False
        # a statistic is of a measure said after it ("average days absent"); a name written with a
        # capital inside the question, or said last ("profits of Total"), is the value
        nxt = self.next_index(i, ("filler", "particle"))
        if nxt is not None and self.m[nxt].has("agg") and self.m[nxt].get("agg").key in ("count", "records"):
            # "the average number of days absent": the statistic of a count said as "number of"
            nxt = self.next_index(nxt, ("filler", "particle"))
        if nxt is None or not self.columns_of(nxt, numeric=True):
            return False
        if i > 0 and m.text[:1].isupper() and not m.text.isupper():
            return False
        return not any(k != i and x.has("agg") and x.get("agg").key == agg for k, x in enumerate(self.m))

    def _values(self) -> None:
        i = 0
        while i < len(self.m):
            m = self.m[i]
            if i in self.used or not m.has("value"):
                i += 1
                continue
            if self._prefers_column(i) or self._superlative_adjective(i):
                i += 1
                continue
            if self._statistic_not_value(i):
                m.senses = [s for s in m.senses if s.role != "value"]
                i += 1
                continue
            column, value = self._value_of(i)
            members = list(value) if isinstance(value, ValueParts) else [value]
            span = [i]
            j = i + 1
            while True:
                gap_end = j
                while (
                    gap_end < len(self.m)
                    and self.roles(gap_end)
                    and self.roles(gap_end) <= {"either", "filler", "particle", "range_join", "condition", "entity"}
                    and not self.m[gap_end].has("value")
                ):
                    gap_end += 1
                gap = list(range(j, gap_end))
                if (
                    gap_end < len(self.m)
                    and gap_end not in self.used
                    and self.m[gap_end].has("value")
                    and any(self.roles(g) & {"either", "range_join"} for g in gap)
                    and any(s.key[0] == column for s in self.m[gap_end].all("value"))
                ):
                    other = next(s.key[1] for s in self.m[gap_end].all("value") if s.key[0] == column)
                    members += list(other) if isinstance(other, ValueParts) else [other]
                    span += gap + [gap_end]
                    j = gap_end + 1
                    continue
                break
            if len(members) > 1:
                # "일본이나 유럽 국적", "Japan or Europe origin": the column named after the list
                after = self.next_index(span[-1], ("filler", "particle", "condition"))
                if (
                    after is not None
                    and after not in self.used
                    and self.columns_of(after) == [column]
                    and not self._distinct_asked(after)
                ):
                    self.claim(after)
            named = self.next_index(span[-1], ("particle",))
            if named is not None and not self.m[named].has("value"):  # (claimed with the value, maybe)
                neg = self.next_index(named, ("particle",))
                if self.columns_of(named) == [column] and neg is not None and self.m[neg].has("negation"):
                    self.claim(named)  # "관광 목적이 아닌": the value's own column named before the negation
                    span = [*span, named]
            negated = self._negated(span)
            if negated:
                # "SUV 말고 다른 차종", "기타 빼고 나머지 제조국": the others are those not excluded
                j = self.next_index(span[-1], ("filler", "particle", "negation"))
                if j is not None and j not in self.used and self.m[j].has("rest") and not self.m[j].has("value"):
                    self.claim(j)
                    k = self.next_index(j, ("filler", "particle"))
                    if k is not None and k not in self.used and self.columns_of(k) == [column]:
                        self.claim(k)
            self.ctx.conditions.at = span[0]
            level = self._level_comparison(span, column) if len(members) == 1 and not negated else None
            if level is not None:
                # "나쁨 이상", "Moderate or worse": the level and those past it, in the scale's order
                op, at = level
                order = self.col(column).levels or []
                k = order.index(members[0])
                picked = {
                    ">=": order[k:],
                    ">": order[k + 1 :],
                    "<=": order[: k + 1],
                    "<": order[:k],
                }[op]
                if not picked:
                    raise Declined(
                        f"No level of {column} is past {members[0]}.",
                        f"{column}에 {members[0]}보다 더한 단계가 없습니다.",
                    )
                self.ctx.conditions.append(Condition(column, "in", picked))
                self.claim(*span, at)
                i = max(span[-1], at) + 1
                continue
            contains = self._contains(span, column) if len(members) == 1 else None
            if contains is not None:
                # "Municipal in the name", "containing Lake", "이름에 공원이 들어간": part of the text
                self.ctx.conditions.append(Condition(column, "not contains" if negated else "contains", members[0]))
                self.claim(*contains)
            elif len(members) == 1:
                self.ctx.conditions.append(Condition(column, "!=" if negated else "==", members[0]))
            else:
                joins = {self.m[g].text.strip().lower() for g in span if self.m[g].has("either")}
                both = {str(w).lower() for w in self.lex.data["both"]}
                self.ctx.conditions.append(
                    Condition(
                        column,
                        "not in" if negated else "in",
                        list(dict.fromkeys(members)),
                        listed_with_and=bool(joins) and joins <= both,
                    )
                )
            self.claim(*span)
            after = self.next_index(span[-1], ("particle",))
            if (
                after is not None
                and after not in self.used
                and self.m[after].has("group_noun")
                and not self.roles(after) & {"column", "value"}
            ):
                self.claim(after)  # "the casein group", "대조 그룹": the rows of that value
            i = span[-1] + 1

    def _level_comparison(self, span: list[int], column: str) -> tuple[str, int] | None:
        """A comparison written with a category's value ("나쁨 이상", "보통 이하인", "at least
        Moderate", "나쁨 or worse"): (the operator on the column's levels, the word's index), None
        when there is none; declined when the column's values have no order that can be known."""
        after = self.next_index(span[-1], ("particle",))
        before = self.prev_index(span[0], ("filler", "particle"))
        found: tuple[str, int] | None = None
        c = self.col(column)
        if c.levels is None and not (after is not None and self.m[after].has("level_compare")):
            # "일본보다 많은", "more than Japan": amounts of two values compared, read elsewhere
            return None
        if after is not None and after not in self.used:
            m = self.m[after]
            if (
                m.has("compare_after")
                and m.get("compare_after").key in ("ge", "gt", "le", "lt")
                and not m.text.startswith("보다")
            ):
                found = ({"ge": ">=", "gt": ">", "le": "<=", "lt": "<"}[m.get("compare_after").key], after)
            elif m.has("level_compare"):
                way = m.get("level_compare").key
                if c.levels is not None and c.worse is None:
                    raise Declined(
                        f"I do not know which levels of {column} are worse, so “{m.text}” cannot be read.",
                        f"{column}의 어느 단계가 더 나쁜지 알 수 없어서 “{m.text}”을(를) 읽을 수 없습니다.",
                    )
                found = (">=" if (way == "worse") == (c.worse == "up") else "<=", after)
        if found is None and before is not None and before not in self.used:
            m = self.m[before]
            if (
                m.has("compare")
                and m.get("compare").key in ("ge", "gt", "le", "lt")
                and not m.has("value")
                and "than" not in m.text.lower()
            ):  # "at least Moderate", "above 보통"; "more than X" compares amounts
                found = ({"ge": ">=", "gt": ">", "le": "<=", "lt": "<"}[m.get("compare").key], before)
        if found is None:
            return None
        if c.levels is None:
            word = self.m[found[1]].text
            raise Declined(
                f"The values of {column} have no order I can know, so “{word}” cannot be read.",
                f"{column}의 값에는 제가 알 수 있는 순서가 없어서 “{word}”을(를) 읽을 수 없습니다.",
            )
        return found

    def _contains(self, span: list[int], column: str) -> list[int] | None:
        """The words that make a value part of a text ("in the name", "containing", "들어간"),
        or None when the value is the whole text."""
        before = self.prev_index(span[0], ("filler", "particle"))
        after = self.next_index(span[-1], ("particle",))
        for j in (before, after):
            if j is not None and j not in self.used and self.m[j].has("contains"):
                return [j]
        k = span[-1] + 1
        if k < len(self.m) and self.m[k].text.lower() in ("in", "within"):
            named = self.next_index(k, ("filler", "particle"))
            if named is not None and column in self.columns_of(named):  # (claimed as the value's column)
                return [k, named]
        return None

    def _superlative_adjective(self, i: int) -> bool:
        """ "rainiest" is a superlative of rain, not the weather value rain."""
        m = self.m[i]
        if not m.has("adjective"):
            return False
        word = m.text.lower()
        before = self.prev_index(i, ("filler", "particle"))
        return word.endswith(("est", "er")) or (
            before is not None
            and self.roles(before) & {"superlative_marker", "superlative", "degree"}
            and not self.m[before].has("filler")
        )

    def _prefers_column(self, i: int) -> bool:
        """A word that is both a value and a column ("rain"): a column when measured."""
        m = self.m[i]
        if not m.has("column"):
            return False
        if any(s.quality >= 1.0 for s in m.all("column")) and not any(s.quality >= 1.0 for s in m.all("value")):
            return True
        before = self.prev_index(i, ("filler", "particle"))
        after = self.next_index(i, ("particle",))
        measure_words = ("agg", "superlative", "superlative_marker", "degree", "intent")
        if before is not None and self.roles(before) & set(measure_words) and not self.m[before].has("which"):
            return True
        if (
            self.lang == "ko"
            and after is not None
            and self.roles(after) & {"agg", "superlative", "superlative_marker", "intent"}
        ):
            return True
        if after is not None and self.m[after].has("agg") and len(self.m[after].text.split()) > 1:
            return True  # "rain in total", "wind on average"
        if after is not None and self.roles(after) & {"compare", "compare_after"}:
            return True
        return False

    def _subject_before(self, i: int, j: int | None) -> bool:
        """Whether the mention `j` is a column written as the subject of the value at `i`, only
        a subject particle between them ("fcategory가 low", "성별이 남자")."""
        if j is None or not self.m[j].has("column") or j >= i:
            return False
        between = [self.m[k].text for k in range(j + 1, i)]
        return len(between) == 1 and between[0] in ("이", "가", "은", "는")

    def _value_of(self, i: int) -> tuple[str, Any]:
        senses = self.m[i].all("value")
        best = max(s.quality for s in senses)
        top = {(s.key[0], str(s.key[1])): s.key for s in senses if s.quality >= best - 1e-9}
        if len(top) > 1:
            # a column named next to it decides: "species Adelie"
            near = set()
            # (or written as code: "union=yes", "union = yes")
            equals = i >= 2 and self.m[i - 1].text in ("=", "==") and i - 1 not in self.used
            sides = [
                self.prev_index(i, ("filler", "particle", "condition")),
                self.next_index(i, ("filler", "particle", "condition")),
            ] + ([i - 2] if equals else [])
            for j in sides:
                if j is not None and self.m[j].has("column"):
                    near.update(self.columns_of(j))
            chosen = [k for k in top.values() if k[0] in near]
            if len(chosen) > 1 and self._subject_before(i, sides[0]):
                # "partner.status가 high이고 fcategory가 low인": the column marked as the subject
                # before the value is its column; the one after the clause's ending has its own
                chosen = [k for k in chosen if k[0] in self.columns_of(sides[0])]
            if len(chosen) == 1:
                for j in sides:
                    if j is not None and chosen[0][0] in self.columns_of(j):
                        self.claim(j, *([i - 1] if equals and j == i - 2 else []))
                return chosen[0]
            columns = ", ".join(sorted({k[0] for k in top.values()}))
            if len({k[0] for k in top.values()}) == 1:
                # one name for two values of a column (Congo: "Congo, Rep." and "Congo, Dem. Rep.")
                named = " / ".join(f"“{k[1]}”" for k in top.values())
                raise Declined(
                    f"“{self.m[i].text}” may mean {named} ({columns}); say which one.",
                    f"“{self.m[i].text}”은(는) {named} ({columns}) 중 어느 것인지 알 수 없습니다. 하나를 적어 주세요.",
                )
            raise Declined(
                f"“{self.m[i].text}” is a value of several columns ({columns}); say which one.",
                f"“{self.m[i].text}”은(는) 여러 열({columns})의 값입니다. 어느 열인지 적어 주세요.",
            )
        key = next(iter(top.values()))
        # "species Adelie", "origin = Japan", "기아가 아닌 브랜드": the column named with its value
        for j in (
            self.prev_index(i, ("filler", "particle", "condition", "compare", "negation")),
            self.next_index(i, ("filler", "particle", "condition", "negation")),
        ):
            if (
                j is not None
                and j not in self.used
                and key[0] in self.columns_of(j)
                and not (self._measured(j) and not self._korean_group_before(j))
                and not self._distinct_asked(j)
            ):
                self.claim(j)
                prev = self.prev_index(i, ("filler", "particle", "condition"))
                if prev is not None and self.m[prev].has("compare") and self.m[prev].get("compare").key == "eq":
                    self.claim(prev)
                break
        return key

    def _distinct_asked(self, j: int) -> bool:
        """ "CA 빼고 origin_state가 몇 가지야": a column followed by a count of its different values
        is what is counted, not the column of the value beside it."""
        after = self.next_index(j, ("filler", "particle"))
        return after is not None and any(s.key == "nunique" for s in self.m[after].all("agg"))

    def _korean_group_before(self, j: int) -> bool:
        """ "district별로 등급이 나쁨인": the group word before the column is a Korean suffix of the
        word before it (that column is the group), not "by" asking for this one."""
        before = self.prev_index(j, ("filler", "particle"))
        return (
            before is not None
            and self.roles(before) & {"group"} == {"group"}
            and not self.roles(before) & {"agg", "superlative", "superlative_marker"}
            and is_hangul(self.m[before].text[:1])
            and self._joined(before)
        )

    def _measured(self, j: int) -> bool:
        before = self.prev_index(j, ("filler", "particle"))
        return before is not None and self.roles(before) & {"agg", "superlative", "superlative_marker", "group"}

    # "with a garage", "without parking", "no sex recorded"
    def _flags(self) -> None:
        """Yes/no columns named by what they flag: "returned orders", "흡연자", "not returned" are
        rows where the flag is yes (no); "return rate", "정시 배송률", "on-time rate" are the share
        of yes among the rows where it is recorded."""
        rate_words = ("rate", "rates", "ratio", "율", "률", "비율", "비중", "percentage", "share", "proportion")
        for i, m in enumerate(self.m):
            if i in self.used or not m.has("column") or m.has("value"):
                continue
            names = [n for n in self.columns_of(i) if self.col(n).flag]
            if len(names) > 1 and len(names) == len(self.columns_of(i)):
                # "lived in the south in 1976" of south66 and south76: the wave said picks one
                narrowed = self._narrowed(i, names)
                names = [narrowed] if narrowed is not None else names
            elif len(self.columns_of(i)) != 1:
                continue
            if len(names) != 1:
                continue
            column = self.col(names[0])
            truthy = _truthy(column)
            if truthy is None:
                continue
            words = m.text.lower().replace(" ", "")
            after = self.next_index(i, ("particle",))
            rate = words.endswith(rate_words) or (
                after is not None
                and after not in self.used
                and (
                    self.m[after].text.lower() in rate_words
                    or (self.m[after].has("agg") and self.m[after].get("agg").key == "share")
                )
            )
            before = self.prev_index(i, ("filler", "particle"))
            counted = (
                before is not None
                and self.m[before].has("agg")
                and self.m[before].get("agg").key in ("count", "records")
            )
            if (
                before is not None
                and (self.m[before].has("agg") or self.m[before].has("superlative"))
                and not rate
                and not counted
            ):
                continue  # measured ("average smoker"): not a condition; "how many smokers" counts them
            # ("Embarked별 생존자 수": a column grouped by before it is not this flag's grouping)
            grouped_column = before is not None and (
                (self.m[before].has("group") and self.m[before].has("column")) or self._korean_group_before(i)
            )
            # "worked by blue collar workers", "written by union members": "by" the flagged people
            # names who did it (an agent), not a grouping, when those people are named after it
            last = m.text.lower().split()[-1] if m.text.split() else ""
            people = joined_forms("entity")
            agent = (
                before is not None
                and self.m[before].text.lower() == "by"
                and not rate
                and (
                    (after is not None and self.m[after].has("entity"))
                    # the people named in the flag's own words ("by union members")
                    or (len(m.text.split()) > 1 and (last in people or last.rstrip("s") in people))
                )
            )
            # "which region has the most cancellations", "the fewest returns": in English "most"
            # ("fewest", "least") before the flag counts the flagged rows; in Korean an adverb of
            # how much after the superlative, "가장 많이 (적게) 반품된", does (a Korean superlative
            # adjective before it, "가장 높은 garage", ranks what it names). A group with none of them is
            # counted as 0 (`_flags_counted_per_group`).
            ahead = self.prev_index(before, ("filler", "particle")) if before is not None else None
            most = before is not None and (
                (
                    self.lang != "ko"
                    and self.m[before].has("superlative_marker")
                    and self.m[before].text.lower().split()[-1] in ("most", "fewest", "least")
                )
                or (
                    self.lang == "ko"
                    and self.m[before].roles == {"degree"}
                    and self.m[before].get("degree").key in ("high", "low")
                    # an adverb (많이, 적게) says how often the flag's verb happened; an adjective
                    # (가장 높은 garage) describes what it names
                    and self.m[before].text.endswith(("이", "게"))
                    and ahead is not None
                    and self.m[ahead].has("superlative_marker")
                )
            )
            if agent:
                self.claim(before)
            elif (
                not rate
                and not most
                and (
                    (
                        before is not None
                        and not grouped_column
                        and self.roles(before)
                        & {"group", "superlative_marker", "adjective", "degree", "evaluative", "order"}
                    )
                    or (
                        before is not None
                        and self.m[before].has("which")
                        and not self._relative_pronoun(before)
                        and self._statistic_asked()
                    )
                    # (a group word after it groups by it in Korean, "smoker별"; in English "per" and
                    # "by" come before what they group by: "cancellations per hotel")
                    or (after is not None and self.m[after].has("group") and not self._group_word_before(after))
                )
            ):
                continue  # grouped or ranked by ("가장 높은 garage", "smoker별", "which garage ... average")
            negated = m.has("negated_flag") or self._negated([i])
            if not negated and i > 0 and self.m[i - 1].text == "비" and self.tokens[self.m[i].start].joined:
                negated = True  # 비흡연자: non-smokers
                self.claim(i - 1)
            self.claim(i)
            if rate and not negated:
                self.flag_rate = (column.name, truthy[0])
                if after is not None and after not in self.used and not words.endswith(rate_words):
                    self.claim(after)
                continue
            self.ctx.conditions.at = i
            self.ctx.conditions.append(Condition(column.name, "==", truthy[1] if negated else truthy[0]))
            self.flag_conditions.append(self.ctx.conditions[-1])
            self._flag_at.append((i, self.ctx.conditions[-1]))
            if m.text.split()[-1] in ("수", "건수") and len(m.text.split()) > 1:
                self.record_counts.add(i)  # "생존자 수": the number of those rows
                self.ctx.aggs.append((i, "count"))

    def _flags_either(self) -> None:
        """ "comedies or dramas", "흡연자 또는 음주자": two yes/no columns' conditions joined by "or"
        are one condition, either of them (op "any"), not both."""
        for (i, a), (k, b) in zip(self._flag_at, self._flag_at[1:]):
            gap = list(range(i + 1, k))
            ors = [g for g in gap if self.m[g].text.lower() in _OR_WORDS and g not in self.used]
            if len(ors) != 1 or any(g not in ors and not self.roles(g) <= {"filler", "particle"} for g in gap):
                continue
            conditions = self.ctx.conditions
            if not any(x is a for x in conditions) or not any(x is b for x in conditions):
                continue
            either = Condition(a.column, "any", (a, b))
            at = next(n for n, x in enumerate(conditions) if x is a)
            conditions[at] = either
            conditions[:] = [x for x in conditions if x is not b]
            self.flag_conditions.append(either)
            self.claim(*ors)

    def _group_word_before(self, j: int) -> bool:
        """Whether the group word at j groups by what comes after it ("per hotel", "by region"),
        not by what comes before it (지역별, "smoker-wise")."""
        nxt = self.next_index(j, ("filler", "particle"))
        return (
            not is_hangul(self.m[j].text.replace(" ", ""))
            and nxt is not None
            and bool(self.m[nxt].roles & {"column", "entity", "bucket", "per_period"})
        )

    def _amount_presence(self) -> None:
        """ "days without rain", "orders with no discount", "비가 안 온 날", "할인이 없는 판매": the rows
        where an amount is 0 (none of it); "orders with a discount", "할인 받은 거래": the rows where
        it is above 0. Only for an amount whose rows say so (catalog.holds_presence and
        holds_absence, the one rule for "had rain" that the day counts use too); "no X" of an
        amount that may be left empty for none is declined (empty or 0, the data does not say)."""
        for i, m in enumerate(self.m):
            if i in self.used or not m.has("column") or m.has("value"):
                continue
            names = self.columns_of(i, numeric=True)
            if len(names) != 1 or names[0] in self.derived:
                continue
            column = self.col(names[0])
            if not holds_presence(column):
                continue
            before = self.prev_index(i, ("filler",))
            after = self.next_index(i, ("particle",))
            free = lambda j: j is not None and j not in self.used  # noqa: E731
            negated = None
            if free(before) and self.m[before].text.lower() in ("no", "without"):
                negated = before  # "without rain", "with no discount"
            elif free(after) and (self.m[after].has("absence") or self.m[after].text == "없는"):
                negated = after  # "비가 안 온", "할인이 없는"
            if negated is not None:
                if not holds_absence(column):
                    raise Declined(
                        f"“{self._words(min(i, negated), max(i, negated))}”: {column.name} may be left empty "
                        "rather than 0 when there is none, so I cannot tell which rows have none of it.",
                        f"“{self._words(min(i, negated), max(i, negated))}”: {column.name}은(는) 없을 때 0 대신 빈 "
                        "값일 수 있어, 어느 행에 없는지 알 수 없습니다.",
                    )
                self._presence_read(i, negated, Condition(column.name, "==", 0))
                self.absences.add(column.name)
                continue
            # "orders with a discount", "days had rain": the thing, then the amount it had
            thing = self.prev_index(before, ("filler",)) if before is not None else None
            had = free(before) and self.m[before].text.lower() in ("with", "had", "has", "have", "having")
            if had and thing is not None and self.m[thing].has("entity") and not self.m[thing].has("value"):
                nxt = self.next_index(i, ("filler", "particle"))
                if nxt is None or not (self.m[nxt].roles & {"num", "compare", "compare_after"}):
                    self._presence_read(i, before, Condition(column.name, ">", 0))
                    continue
            # "할인 받은 거래", "비가 온 날": the amount, a verb of having, then the thing
            thing = self.next_index(after, ("particle",)) if after is not None else None
            if (
                free(after)
                and (self.m[after].has("presence") or self.m[after].text in lexicon().data["had_verbs"])
                and thing is not None
                and self.m[thing].has("entity")
                and not self.m[thing].has("value")
            ):
                self._presence_read(i, after, Condition(column.name, ">", 0))

    def _presence_read(self, i: int, word: int, cond: Condition) -> None:
        """The condition a presence or absence reads, with the reading stated in the reply."""
        self.ctx.conditions.at = i
        self.ctx.conditions.append(cond)
        self.claim(i, word)
        if cond.op == ">":
            self.presences.add(cond.column)
        a, b = min(i, word), max(i, word)
        if self.tokens:  # as written: "할인이 없는", particles attached
            said = self.q[self.tokens[self.m[a].start].start : self.tokens[self.m[b].end - 1].end]
        else:
            said = self._words(a, b)
        op = "=" if cond.op == "==" else cond.op
        self.readings.append(
            t(
                self.lang,
                f"“{said}” read as rows with {cond.column} {op} 0.",
                f"“{said}”{particle(said, '은/는')[len(said) :]} {cond.column} {op} 0인 행으로 읽었습니다.",
            )
        )

    def _booleans(self) -> None:
        for i, m in enumerate(self.m):
            if i in self.used or not m.has("column") or m.has("boolcol") or m.has("value"):
                continue
            # "penguins with no sex recorded", "연비가 없는 차": the column is empty
            before = self.prev_index(i, ("filler", "particle"))
            after = self.next_index(i, ("particle",))
            empty_before = (
                before is not None
                and before not in self.used
                and self.m[before].text.lower() in (*_ABSENT_BEFORE, *_MISSING_BEFORE)
            )
            empty_after = (
                after is not None and after not in self.used and self.m[after].text in (*_ABSENT_AFTER, *_MISSING_AFTER)
            )
            if not (empty_before or empty_after):
                continue
            try:
                column = self.one_column(i)
            except Declined:
                continue
            said = self.m[before if empty_before else after].text.lower()
            none = _none_value(self.col(column)) if said in (*_ABSENT_BEFORE, *_ABSENT_AFTER) else None
            if none is not None:
                # "에어백 없는 차" where AirBags writes "None": the data's own word for none
                self.ctx.conditions.at = i
                self.ctx.conditions.append(Condition(column, "==", none))
                self.claim(i, before if empty_before else after)
                continue
            if self.col(column).is_date or _time_word(m.text) or not self.col(column).nulls:
                continue  # "missing days" are absent rows, not empty cells; a full column has none
            self.ctx.conditions.at = i
            self.ctx.conditions.append(Condition(column, "isna", None))
            self.claim(i, before if empty_before else after)
        for i, m in enumerate(self.m):
            if i in self.used or not m.has("boolcol"):
                continue
            column = self.col(m.get("boolcol").key)
            before = self.prev_index(i, ("filler", "particle"))
            after = self.next_index(i, ("particle",))
            has = before is not None and self.m[before].text.lower() in _HAS_OR_WHO
            negated = (
                before is not None
                and self.m[before].has("negation")
                or (after is not None and self.m[after].has("negation") and self.lang == "ko")
            )
            if m.has("negated_flag") and not negated:
                negated, has = True, False  # "non-union", "unmarried", 미혼: its no side, as said
                before = None
            ko_has = after is not None and self.m[after].text in ("있는", "있음", "있고", "있는지")
            if not (has or negated or ko_has):
                continue
            if m.has("negated_flag") and before is None:
                negated = True
            truthy = _truthy(column)
            if truthy is None:
                continue
            yes, no = truthy
            self.ctx.conditions.at = i
            self.ctx.conditions.append(Condition(column.name, "==", no if negated else yes))
            self.claim(
                i, before if (has or (negated and before is not None and self.m[before].has("negation"))) else None
            )
            if negated and self.lang == "ko" and after is not None and self.m[after].has("negation"):
                # (Korean negates what it follows; an English negation after the flag is the next
                # one's: "neither medicaid nor private insurance")
                self.claim(after)
            if ko_has:
                self.claim(after)

    def _headcount_column(self) -> None:
        """ "인원", "사람 수": the number of people, the rows when each row is a person; where a
        column holds each row's number of people (tips' size, a party's), the word names that
        column, never the rows (a row there is a party)."""
        for m in self.m:
            if m.has("agg") and m.get("agg").key == "count" and m.has("descriptors") and m.has("column"):
                if m.text.replace(" ", "") in ("인원", "사람수"):
                    m.senses = [x for x in m.senses if x.role != "agg"]

    # --- two-way breakdowns ("average SAT by sex and major", "성별·전공별 인원", "cross-tab of A and B") ---

    def _category_named(self, i: int | None) -> str | None:
        """The one category column mention `i` names (unclaimed): a word read also as a value only
        where it is the column's own name ("y", a column, also read as "yes")."""
        if i is None or not 0 <= i < len(self.m) or i in self.used or not self.m[i].has("column"):
            return None
        cols = self.columns_of(i, categorical=True)
        best = self.columns_of(i)
        if len(cols) != 1 or not best or best[0] != cols[0] or self.col(cols[0]).is_date:
            return None
        text = self.m[i].text.lower()
        own = text in (cols[0].lower(), f"{cols[0].lower()} 여부")
        if self.m[i].has("value") and not own:
            return None
        if self.m[i].roles & {"agg", "compare", "num", "date", "superlative_marker"}:
            return None
        return cols[0]

    def _two_way(self) -> None:
        """Two category columns joined by "and" (",", "·", "와/과", "및") and said as one grouping:
        after "by"/"per"/"for each", before 별/마다, before a word for their combinations
        ("combination", "group", "조합"), after "combination of" or a cross-tabulation ("cross-tab
        of A and B"); or each with its own 별 ("전공별 성별", "A별 B별"). The rows are grouped by
        both: `Plan.group` (the first named) and `Plan.group2` (the second)."""
        self.group2: Grouping | None = None
        self.crosstab = False
        m = self.m
        n = len(m)

        def text(i: int) -> str:
            """The mention's words, a Korean particle written onto them dropped ("조합은": 조합)."""
            if not 0 <= i < n:
                return ""
            word = m[i].text.lower()
            if m[i].unknown and word[:1] >= "\uac00" and len(word) >= 3 and word[-1] in "은는이가을를의":
                word = word[:-1]
            return word

        def grouped_after(i: int) -> bool:  # a Korean 별/마다 right after
            return 0 <= i < n and m[i].has("group") and text(i)[:1] >= "\uac00"

        def own_group(i: int) -> bool:  # 성별: the column's word with its own 별
            return text(i).endswith("별") and text(i)[:1] >= "\uac00" and self._category_named(i) is not None

        def loose(k: int) -> bool:
            """An unknown syllable, or a Korean scale word with no number before it (조 of 조합 is
            no trillion)."""
            if m[k].unknown:
                return True
            return m[k].roles == {"multipliers"} and m[k].text[:1] >= "\uac00" and not (k > 0 and m[k - 1].has("num"))

        def spelled(i: int) -> tuple[str, list[int]]:
            """The word at i with the unknown syllables written onto it ("조", "합": 조합)."""
            if not (0 <= i < n and loose(i) and m[i].text[:1] >= "\uac00"):
                return text(i), [i]
            span = [i]
            while (
                span[-1] + 1 < n
                and loose(span[-1] + 1)
                and m[span[-1] + 1].start < len(self.tokens)
                and self.tokens[m[span[-1] + 1].start].joined
            ):
                span.append(span[-1] + 1)
            return "".join(m[k].text for k in span).lower(), span

        cross = {"cross", "crosstab", "crosstabs", "cross-tab", "cross-tabulate", "cross-tabulation", "교차표"}
        combos = {"combination", "combinations", "group", "groups", "pair", "pairs", "조합", "그룹", "교차표"}
        joins = {"and", ",", "&", "·", "ㆍ", "와", "과", "및", "그리고"}
        for i in range(n):
            a = self._category_named(i)
            if a is None:
                continue
            claims: list[int] = []
            b = None
            if text(i + 1) in joins:
                b = self._category_named(i + 2)
                if b is not None:
                    before = i - 1
                    if text(before) == "of" and before >= 1 and text(before - 1) in combos | {"tab", "tabulation"}:
                        claims = [before]  # "combination of A and B", "cross-tab of A and B"
                    elif m[before].has("group") and text(before) in ("by", "per", "for each", "for every", "across"):
                        claims = [before]  # "by A and B"
                    elif spelled(i + 3)[0] in combos:
                        claims = spelled(i + 3)[1]  # "A and B combination", "A·B 조합"
                    elif grouped_after(i + 3):
                        claims = [i + 3]  # "A·B별", "A와 B별"
                    elif text(before) in ("tabulate", "cross-tabulate"):
                        claims = [before]
                    if claims:
                        claims += [i, i + 1, i + 2]
            if not claims and grouped_after(i + 1) or (not claims and own_group(i)):
                k = i + 2 if grouped_after(i + 1) else i + 1
                if text(k) in (",", "·", "ㆍ", "및"):
                    k += 1
                b = self._category_named(k)
                if b is not None and (grouped_after(k + 1) or own_group(k)):
                    claims = [i, *range(i + 1, k + 1)] + ([k + 1] if grouped_after(k + 1) else [])
            if not claims or b is None or a == b:
                continue
            # the words before that say "cross-tab(ulate)" or "combination of": cross, -, tab
            j = min(claims) - 1
            tabs = {"-", "tab", "tabs", "tabulate", "tabulation"}
            while j >= 0 and text(j) in cross | tabs | combos | {"of", "a"}:
                claims.append(j)
                j -= 1
            if any(text(k) in cross | tabs for k in claims):
                self.crosstab = True  # a cross-tabulation counts the rows of each combination
                self.ctx.aggs.append((min(claims), "count"))
            self.claim(*claims)
            self.ctx.group = Grouping(a)
            self.group2 = Grouping(b)
            self._group_claims = tuple(claims)
            return

    def _grouped_by_its_name(self, i: int) -> str | None:
        """The category column a Korean word names that ends in 별 itself (성별, sex), or names it as
        a pair of its values (남녀, lexicon `pair_nouns`): said before what is asked ("성별 평균 키",
        "남녀 평균 연봉") it also says "by" it, as 지역별 does; not when a value of it follows
        ("성별이 여자인 사람")."""
        m = self.m[i]
        pair = m.text in {str(w) for w in self.lex.data.get("pair_nouns", [])}
        if not (m.text[:1] >= "\uac00" and (m.text.endswith("별") or pair) and len(m.text) >= 2 and m.has("column")):
            return None
        categorical = self.columns_of(i, categorical=True)
        # (a number column only when its numbers code two kinds: sex written 0/1 or 1/2)
        concepts = self.lex.concepts
        measured = [
            n
            for n in self.columns_of(i, numeric=True)
            if not any(concepts.get(k, {}).get("sides") for k in self.col(n).concepts)
        ]
        if len(categorical) != 1 or measured:
            return None
        j = self.next_index(i, ("filler", "particle"))
        if j is None or self.m[j].has("value") or self.m[j].has("compare") or self.m[j].has("group"):
            return None
        return categorical[0]

    def _whole_year_word(self, m: Mention) -> bool:
        """ "annual", "연간" without an average, of a table with a column per month or quarter
        (wide.py) whose columns make one whole year: the year's total is the total of its rows."""
        t = self.t
        if t.wide_period is None or m.has("column") or any(x.has("agg") and x.get("agg").key == "mean" for x in self.m):
            return False
        whole = {"month": 12, "quarter": 4}.get(t.wide_kind or "") == t.column(t.wide_period).distinct
        return whole and any(m.has(role) and m.get(role).key == "year" for role in ("per_period", "bucket"))

    # by region, 지역별, per month, which island, most common species
    def _grouping(self) -> None:
        g = None
        for i, m in enumerate(self.m):
            if i in self.used:
                continue
            if self._whole_year_word(m):
                self.claim(i)  # "연간 수출액", "annual passengers": the data is that one year
                continue
            own = self._grouped_by_its_name(i)
            if own is not None:
                g = self._set_group(Grouping(own), i)  # "성별 평균 키": by sex
                continue
            if (
                m.has("per_period")
                and not m.has("column")
                and getattr(self, "per", None) is None
                and any(x.has("agg") and x.get("agg").key == "mean" for x in self.m)
                and not self._descriptive_bucket(i, m.get("per_period").key)
                and (self._amounts_asked() or not m.has("bucket"))
            ):
                self.per = (i, m.get("per_period").key)  # "average daily sales": see compose.per_period
                continue
            if m.has("bucket") and not m.has("column"):
                bucket = m.get("bucket").key
                if self._descriptive_bucket(i, bucket):
                    self.claim(i)  # "monthly prices" in monthly data: the rows themselves
                    charted = any(x.has("chart") for x in self.m)
                    thing = (
                        None
                        if charted or not self.t.dates or self.t.names_rows(self.t.dates[0])
                        else self._panel_thing(bucket)
                    )
                    if thing is not None:  # whose rows: see compose's `_panel_period_total`
                        self.panel_period = (thing, bucket, m.text)
                    continue
                column = self._date_column_for_bucket(bucket)
                bucket = self._calendar_months(bucket, column, i, i)
                g = self._set_group(Grouping(column, bucket if self._bucketed(column, bucket) else None), i)
                continue
            if not m.has("group"):
                continue
            # English: "by X", "per X", "for each X"; Korean: "X별", "X마다", "X 기준"
            # English markers come before what they group by; Korean ones (별, 마다) after it
            korean = m.text[:1] >= "\uac00" and m.text not in ("각", "각각")
            j = self.prev_index(i, ("filler", "particle")) if korean else self.next_index(i, ("filler", "particle"))
            if korean and (
                j is None or not (self.m[j].has("column") or self.m[j].has("concept") or self.m[j].has("entity"))
            ):
                j = self.next_index(i, ("filler", "particle"))
            if j is None:
                continue
            if self.m[j].has("agg") and self.m[j].get("agg").key == "count" and not korean:
                k = self.next_index(j, ("filler", "particle", "condition"))
                if k is not None and self.m[k].has("column"):
                    self.claim(j)  # "for each number of cylinders": by cylinders
                    j = k
            if m.text in ("기준", "기준으로") and (
                self.m[j].has("value")
                or self.m[j].has("num")
                or (j > 0 and self.m[j - 1].has("num") and self.m[j].has("date_units"))
            ):
                self.claim(i)  # "2007년 기준", "서울 기준": as of one value, a condition, not a grouping
                continue
            said = self.prev_index(i, ("filler", "particle"))
            if (
                m.text in ("기준", "기준으로")
                and said is not None
                and (
                    self.m[said].has("agg")
                    or self.columns_of(said, numeric=True)
                    and not self.columns_of(said, categorical=True)
                )
                and (
                    self.ctx.limit is not None
                    or any(x.has(r) for x in self.m for r in ("order", "superlative", "superlative_marker", "position"))
                )
            ):
                self.claim(i)  # "temp_max 최고값 기준으로 상위 3개": what the ranking is by, not a grouping
                continue
            target = self.m[j]
            if target.has("bucket") or (target.has("entity") and not target.has("column") and _time_word(target.text)):
                bucket = target.get("bucket").key if target.has("bucket") else _time_word(target.text)
                column = self._date_column_for_bucket(bucket)
                bucket = self._calendar_months(bucket, column, i, j)
                g = self._set_group(Grouping(column, bucket if self._bucketed(column, bucket) else None), i, j)
                continue
            if not target.has("column"):
                continue
            if (
                m.text.lower() in ("across", "over", "throughout")
                and i + 1 < len(self.m)
                and self.m[i + 1].text.lower() in ("all", "every", "the whole")
            ):
                self.claim(i, j)  # "across all sites": added up over them, not one value per site
                continue
            if m.text.lower() in ("across", "over", "among", "throughout", "in all") and any(
                c in self.t.labels and self.t.names_rows(c) for c in self.columns_of(j)
            ):
                self.claim(i, j)  # "average poverty across states": over all the rows, one per state
                continue
            if (
                m.text.lower() in ("per", "a", "each")
                and target.has("entity")
                and self._mean_asked()
                and self.columns_of(j)
                and all(self.col(c).distinct >= max(self.t.rows, 2) for c in self.columns_of(j))
            ):
                # "average attendance per game" where each row is one game (its game_date differs on
                # every row): the mean over the rows, not a list of one-row groups
                self.claim(i, j)
                self.readings.append(
                    t(
                        self.lang,
                        f"“{self._words(i, j)}”: each row is one {target.text}, so over all the rows.",
                        f"“{self._words(i, j)}”: 행 하나가 {target.text} 하나이므로 전체 행에 대해 계산했습니다.",
                    )
                )
                continue
            # "top 5 cars by horsepower": a numeric column after "by" with a limit sorts
            numeric = self.columns_of(j, numeric=True)
            # (a number different on every row groups nothing: "by area" of 40 departments sorts)
            categorical = [
                x
                for x in self.columns_of(j, categorical=True)
                if not (x in numeric and self.col(x).distinct >= max(self.t.rows, 2))
            ]
            quality: dict[str, float] = {}
            for x in self.m[j].all("column"):
                quality[x.key] = max(quality.get(x.key, 0.0), x.quality)
            if categorical and (
                not numeric
                or set(categorical) >= set(numeric)
                and not (self.ctx.limit or getattr(self, "limit_kind", None))
                # "지역별" of Region and Area (both regions to the lexicon): a measured number of
                # many values groups nothing, so the category said as well as it is the grouping
                or not (self.ctx.limit or getattr(self, "limit_kind", None))
                and not self._has_any("superlative", "superlative_marker", "order")
                and max(quality[x] for x in categorical) >= max(quality[x] for x in numeric)
                and not any(self.col(x).few_whole_numbers or self.col(x).settings for x in numeric)
            ):
                column = self._pick(j, categorical)
                if self.col(column).is_date:
                    bucket = self._calendar_months(self._period_in_name(j, column), column, i, j)
                    g = self._set_group(Grouping(column, bucket), i, j)
                else:
                    g = self._set_group(Grouping(column), i, j)
            elif any(self.col(c).is_date for c in self.columns_of(j)):
                column = next(c for c in self.columns_of(j) if self.col(c).is_date)
                bucket = self._calendar_months(self._period_in_name(j, column), column, i, j)
                g = self._set_group(Grouping(column, bucket), i, j)
            elif (
                numeric
                and m.text.lower() not in _GROUP_ONLY
                and (
                    self.ctx.limit
                    or getattr(self, "limit_kind", None)
                    or self._has_any("superlative", "superlative_marker", "order")
                )
            ):
                # ("airline별 총 cost 상위 3개", "top 3 by cost per airline": a word that only
                # groups never sorts; the few numbers of airline are its groups, below)
                self.sort_by = (j, self._pick(j, numeric))
                self.claim(i, j)
            elif numeric and all(self.col(x).few_whole_numbers or self.col(x).settings for x in numeric):
                # "by party size", "실린더별": a count kept as a number is a grouping like a category;
                # so are the few doses an experiment set ("by dose": 0.5, 1 and 2)
                g = self._set_group(Grouping(self._pick(j, numeric)), i, j)
            elif (
                numeric
                and m.text.lower() in ("by", "별")
                and not self._has_any("chart", "intent")
                and not any(self.col(x).is_date for x in self.columns_of(j))
            ):
                # "average mpg by weight": a measured number of many values groups nothing; its
                # mean beside the other's ("by" dropped) answered another question
                name = self._pick(j, numeric)
                raise Declined(
                    f"“{m.text} {self.m[j].text}” would make a group of each value of {name}, a measured number "
                    "with many values; ask by a category, or for the relationship of the two.",
                    f"{name}은(는) 값이 많은 측정값이라 값마다 그룹을 만들 수 없습니다. 범주 열로 나누거나 두 값의 관계를 물어봐 주세요.",
                )
        # "which island has ...", "어느 지역이 ...", "most common species"; when a grouping was
        # already set, a "which month" that asks for another one is a second grouping (declined)
        if g is None:
            g = self._korean_asked_noun()
        if g is None:
            g = self._thing_with_the_most()
        if True:
            for i, m in enumerate(self.m):
                if i in self.used or not m.has("which") or self._relative_pronoun(i):
                    continue
                j = self.next_index(i, ("filler", "particle"))
                while j is not None and j in getattr(self, "described", ()):
                    j = self.next_index(j, ("filler", "particle"))  # "which heating system (depvar)"
                if j is None:
                    continue
                target = self.m[j]
                if target.has("column") and not target.has("value") and not target.has("light_verbs"):
                    # ("who earns the most": a verb naming the measure ranks it, never groups by it)
                    # (a column of month names beside a date column restates the date's month:
                    # "which month" asks the date's, as it would without that column; pooling
                    # Aprils of two years into "Apr" answered another question)
                    categorical = [
                        c
                        for c in self.columns_of(j, categorical=True)
                        if (c not in self.t.labels or self.col(c).distinct < 0.5 * max(self.t.rows, 1))
                        and not self.t.month_names_of_date(c)
                        # "which comedy has the highest rating" of a yes/no column Comedy asks for
                        # one of the comedies, never "yes" (grouping by the flag answered 1); with a
                        # statistic, "which garage has the highest average price", the two sides
                        and not (self.col(c).flag and not self._statistic_asked())
                    ]
                    dates = [c for c in self.columns_of(j) if self.col(c).is_date]
                    if categorical and any(c in self.t.labels and c not in categorical for c in self.columns_of(j)):
                        # "가장 높은 학군" of county and district (both districts to the lexicon):
                        # groups of counties or the districts that are the rows; which, the words
                        # do not say (declined as any word of two columns, unless another word picks)
                        self._pick(j, self.columns_of(j))
                    if categorical:
                        g = self._set_group(Grouping(self._pick(j, categorical)), i, j)
                        self.which_group = True
                        break
                    if dates and _time_word(target.text) is None:
                        continue
                bucket = _time_word(target.text)
                if bucket and (target.has("entity") or target.has("concept") or target.has("column")):
                    bucket = self._period_bucket(bucket)
                    if bucket is None:
                        continue  # "which day" in daily data, "which month" in monthly data: a row
                    column = self._date_column_for_bucket(bucket)
                    if self.col(column).is_date:
                        g = self._set_group(Grouping(column, bucket), i, j)
                    else:
                        g = self._set_group(Grouping(column), i, j)
                    self.which_group = True
                    break
        if g is None and self._has_any("superlative", "superlative_marker", "adjective", "ordinal") and self.t.dates:
            # "하차 인원이 가장 많은 날", "the rainiest month": a period ranked by an amount when the
            # data has several rows per period (one row per period is a question about rows)
            for i, m in enumerate(self.m):
                # "몇 월에", "몇 시에": the asking word names the period itself
                asked = m.has("which") and _time_word(m.text) is not None
                # "gdp가 가장 낮은 분기는?": a period's unit ending a superlative clause is the noun asked
                after = self.next_index(i, ("particle",))
                before = self.prev_index(i, ("particle",))
                asked = asked or (
                    m.has("date_units")
                    and _time_word(m.text) is not None
                    and (after is None or self.m[after].has("filler"))
                    and before is not None
                    and bool(self.m[before].roles & {"degree", "evaluative", "superlative", "adjective"})
                )
                if i in self.used or not (m.has("entity") or m.has("concept") or asked) or m.has("value"):
                    continue
                bucket = _time_word(m.text)
                if bucket is None or (m.has("column") and not any(self.col(c).is_date for c in self.columns_of(i))):
                    continue
                bucket = self._period_bucket(bucket)
                if bucket is None or not (
                    self._amounts_asked()
                    or self._records_counted(i)
                    or self._has_any("busy")  # "the busiest hour": the rows counted per period
                    or self._statistic_asked()
                    or (asked and self._one_row_per_period(bucket))
                ):
                    continue
                column = self._date_column_for_bucket(bucket)
                g = self._set_group(Grouping(column, bucket if self._bucketed(column, bucket) else None), i)
                self.which_group = True
                break
        if g is None and self._has_any("superlative", "superlative_marker", "adjective") and not self.t.dates:
            g = self._ranked_period_part()
        if g is None and (self._has_any("superlative", "superlative_marker", "order") or self.ctx.limit):
            g = self._counted_things()
        if g is None:
            # "자치구 중에서 평균 ... 제일 넓은 곳", "판매량 상위 5개 모델", "the 3 cheapest brands":
            # a category column ranked by something computed for it
            ranked = (
                self._has_any("superlative", "superlative_marker", "order", "adjective")
                or self.ctx.limit
                or self.rank > 1  # "두 번째로 높은 지점": an ordinal with its degree word
            )
            if ranked:
                for i, m in enumerate(self.m):
                    if i in self.used or not m.has("column") or m.has("value"):
                        continue
                    names = self.columns_of(i, categorical=True)
                    if (
                        not names
                        or self.columns_of(i, numeric=True)
                        and not all(self.col(c).kind != "numeric" for c in names)
                    ):
                        continue
                    names = [c for c in names if not self.col(c).numeric]
                    if not names:
                        continue
                    column = self._pick(i, names)
                    col = self.col(column)
                    if col.is_date or (column in self.t.labels and col.distinct >= 0.5 * max(self.t.rows, 1)):
                        continue
                    after = self.next_index(i, ("particle",))
                    among = after is not None and self.m[after].text in ("중", "중에서", "가운데", "among")
                    following = self.next_index(i, ("filler", "particle"))
                    last = following is None or (
                        (
                            self.m[following].has("agg")
                            or (self.m[following].has("order") and self.m[following].get("order").key == "sort")
                        )
                        and self.next_index(following, ("filler", "particle")) is None
                    )  # "… 지점 평균", "매출액 기준 지점 순위"
                    before = self.prev_index(i, ("filler", "particle", "entity"))  # "heaviest penguin species"
                    ranked_before = (
                        before is not None
                        and self.roles(before) & {"adjective", "superlative", "order", "degree", "units", "num"}
                        or (before is not None and before in self.used and self.ctx.limit is not None)
                    )
                    if among or last or ranked_before:
                        # grouped or a row's name: decided with the measure (compose.py)
                        self.rank_category = (i, column, after if among else None)
                        break
        if g is None:
            # "the (second) most common species", "가장 흔한 날씨", "가장 많은 지역"
            for i, m in enumerate(self.m):
                if i in self.used or not (m.has("column") and self.columns_of(i, categorical=True)) or m.has("value"):
                    continue
                names = [
                    c for c in self.columns_of(i, categorical=True) if not (c in self.t.labels and self.t.names_rows(c))
                ]
                if not names:
                    continue
                before = self.prev_index(i, ("filler", "particle", "condition"))
                if before is not None and self.m[before].roles == {"entity"} and before not in self.used:
                    # "the most common complaint type": the rows' noun naming whose type it is
                    before = self.prev_index(before, ("filler", "particle", "condition"))
                counted = None
                if (
                    before is not None
                    and self.m[before].has("agg")
                    and self.m[before].get("agg").key in ("count", "records")
                ):
                    counted, before = before, self.prev_index(before, ("filler", "particle"))  # "most common number of"
                if before is None or before in self.used:
                    continue
                measured = any(
                    k not in self.used
                    and self.m[k].has("column")
                    and not self.m[k].has("value")
                    and self.columns_of(k, numeric=True)
                    and k != i
                    for k in range(len(self.m))
                )
                frequent = self.m[before].has("frequent") or (
                    # (많 + 았던, 적 + 었던: "가장 많았던 해", the stem before a tense ending)
                    self.m[before].has("degree")
                    and self.m[before].text in ("많은", "적은", "많이", "많", "적")
                    and not measured
                )
                sup = self.prev_index(before, ("filler", "particle")) if frequent else None
                if sup is None or not self.roles(sup) & {"superlative", "superlative_marker"}:
                    continue
                g = self._set_group(Grouping(self._pick(i, names)), i)
                self.claim(before, sup, counted)
                low = (
                    (self.m[sup].get("superlative") and self.m[sup].get("superlative").key == "low")
                    or (self.m[sup].get("superlative_marker") and self.m[sup].get("superlative_marker").key == "low")
                    or (self.m[before].get("degree") and self.m[before].get("degree").key == "low")
                )
                self.common = "low" if low else "high"
                break
        if g is not None and getattr(self, "common", None) is None:
            # "which species is the most common": a frequency ranking of the grouped column
            for i, m in enumerate(self.m):
                if i in self.used or not m.has("frequent"):
                    continue
                sup = self.prev_index(i, ("filler", "particle"))
                if sup is not None and self.roles(sup) & {"superlative", "superlative_marker"} and sup not in self.used:
                    self.claim(i, sup)
                    low = any(
                        (self.m[sup].get(r) and self.m[sup].get(r).key == "low")
                        for r in ("superlative", "superlative_marker")
                    )
                    self.common = "low" if low else "high"
                    break

    def _thing_with_the_most(self) -> Grouping | None:
        """ "department with the most projects", "the region with the highest average price": a
        category named first and said to have the extreme asks which of its values has it, as
        "which department has the most projects" does (it ranked single rows and listed their
        departments)."""
        if self.lang == "ko":
            return None
        first = next((i for i, m in enumerate(self.m) if i not in self.used and not m.roles <= {"filler"}), None)
        if first is None or not self.m[first].has("column") or self.m[first].has("value"):
            return None
        categorical = [
            c
            for c in self.columns_of(first, categorical=True)
            if self.t.groups_rows(c) and not self.col(c).is_date and not self.t.month_names_of_date(c)
        ]
        if len(categorical) != 1 or len(self.columns_of(first)) != 1:
            return None
        link = self.next_index(first, ("particle",))
        if link is None or self.m[link].text.lower() not in ("with", "having", "that has", "which has"):
            return None
        nxt = self.next_index(link, ("filler", "particle"))
        if nxt is None or not self.roles(nxt) & {"superlative_marker", "superlative"}:
            return None
        self.which_group = True
        return self._set_group(Grouping(categorical[0]), first)

    def _measure_named_before(self, i: int) -> bool:
        """Whether an adjective at i only gives the direction of a measure named before it, its
        subject ("꽃받침 너비가 가장 넓은": the width, the widest), not a measure of its own
        ("가장 비싼": the price is the adjective's)."""
        k = self.prev_index(i, ("particle", "filler", "superlative_marker"))
        return k is not None and k not in self.used and bool(self.columns_of(k, numeric=True))

    def _korean_asked_noun(self) -> Grouping | None:
        """Korean asks "which city" by ending on the noun a superlative clause describes:
        "초미세먼지가 가장 높았던 도시는?" is "which city had the highest PM2.5". The noun, a category
        column with several rows per value, groups as 어느 도시 would; a column of one value per row
        (an apartment's name) stays a question about rows."""
        if self.lang != "ko":
            return None
        for j, m in enumerate(self.m):
            if j in self.used or not m.has("column") or m.has("value") or _time_word(m.text):
                continue
            after = self.next_index(j, ("particle",))
            if (
                after is not None
                and not self.m[after].has("filler")
                and not (self.m[after].has("which") and self.next_index(after, ("particle", "filler")) is None)
            ):
                continue  # not the last word (but for an asking word: "구는 어디야?"): not what is asked
            before = self.prev_index(j, ("particle", "filler"))
            if before is None or not (
                (
                    self.m[before].roles & {"degree", "evaluative", "superlative"}  # (가장 비싼 모델: a row)
                    or (self.m[before].has("adjective") and self._measure_named_before(before))
                )
                and self._has_any("superlative", "superlative_marker")
            ):
                continue
            rows = max(self.t.rows, 1)
            categorical = [
                c
                for c in self.columns_of(j, categorical=True)
                if not self.col(c).is_date
                # names of things, not amounts ("많이 팔려": sales); numbers that name things do
                # (BROOD 501-743, customer_id: `Column.names_codes`)
                and (not self.col(c).numeric or self.col(c).names_codes)
                and (c not in self.t.labels or self.col(c).distinct < 0.5 * rows)
            ]
            if not categorical:
                return None
            if any(c in self.t.labels and c not in categorical for c in self.columns_of(j)):
                self._pick(j, self.columns_of(j))  # groups or the rows themselves: the word says not which
            g = self._set_group(Grouping(self._pick(j, categorical)), j)
            self.which_group = True
            return g
        return None

    def _counted_things(self) -> Grouping | None:
        """ "매출 상위 세 곳": a Korean counter after the number says what is ranked (곳: places); the
        one category column that names such things is the grouping. Two such columns (a city
        and a district) or none: no grouping is guessed."""
        counters = self.lex.data.get("counters") or {}
        named = [j for j, x in enumerate(self.m) if x.has("column") and self.columns_of(j, categorical=True)]
        if any(not self.col(c).numeric for j in named for c in self.columns_of(j, categorical=True)):
            return None  # "가장 많은 주 상위 3곳": the question names what is ranked
        if any(x.has("rows_named") for x in self.m):
            return None  # "Education 가장 높은 지역 5곳": the rows themselves, by their row names
        for i, m in enumerate(self.m):
            # (the number may have claimed it as its unit; "곳은" is read as one word)
            counter = next(
                (
                    c
                    for c in counters
                    if m.text == c or (m.text.startswith(c) and tuple(m.text[len(c) :]) in self.lex.particles)
                ),
                None,
            )
            if counter is None or i == 0:
                continue
            before = self.m[i - 1]
            if not (before.roles & {"num", "number_words"} or "몇" in before.text):
                continue
            kinds = set(counters[counter])
            names = [
                c.name
                for c in self.t.columns
                if c.categorical and not c.numeric and not c.is_date and kinds & set(c.concepts)
            ]
            if len(names) != 1:
                raise Declined(
                    f"“{m.text}” counts places, and this data has {'no column' if not names else 'several columns'} "
                    "naming places; say which column to rank.",
                    f"“{m.text}”은(는) 장소를 세는 말인데, 이 데이터에는 장소를 나타내는 열이 "
                    f"{'없습니다' if not names else '여러 개 있습니다'}. 어느 열로 순위를 매길지 말씀해 주세요.",
                )
            g = self._set_group(Grouping(names[0]), i)
            self.which_group = True
            return g
        return None

    def _ranked_period_part(self) -> Grouping | None:
        """ "방문객이 가장 많았던 해", "the year with the most visitors" where the period is kept in
        columns of its own (연도, 월; year, quarter): the period word groups by its column, as it
        groups by a bucket of a date column; whether a month of every year pooled is meant is
        settled later (compose asks when the data has several years)."""
        for i, m in enumerate(self.m):
            if i in self.used or m.has("value") or not (m.has("entity") or m.has("concept") or m.has("column")):
                continue
            bucket = _time_word(m.text)
            if bucket not in ("year", "quarter", "month"):
                continue
            column = self._part_column(bucket)
            if column is None or (m.has("column") and column not in self.columns_of(i)):
                continue
            if self.t.names_rows(column):
                continue  # one row per period: a question about rows
            if not (self._amounts_asked() or self._records_counted(i) or self._statistic_asked()):
                continue
            g = self._set_group(Grouping(column), i)
            self.which_group = True
            return g
        return None

    def additive(self, name: str) -> bool:
        """Whether a column's values add up over rows: an amount by its meaning (sales, rain,
        passengers: the lexicon's additive concepts), or a number of things the question names
        as such ("the number of flights", "stations 수")."""
        from .compose import _ADDITIVE

        column = self.col(name)
        if self._said_as_level(name) or self._said_as_rate(name) or _holds_averages(column):
            return False
        if name in self.counted or column.counted_noun is not None:
            return True
        if self._said_as_level(name, "amount_descriptors"):
            return True  # "gas consumption", "가스 소비량": an amount used, which adds up
        if _percent_of_things(column):
            return False
        return bool(set(column.concepts) & _ADDITIVE)

    def _said_as_rate(self, name: str) -> bool:
        """ "득표율(demVote)", "the vote share": the question names the column with a word of a rate
        or a share, which no total of rows is (a percentage summed over years is no figure)."""
        from .compose import _rate_like

        return any(name in self.columns_of(i) and _rate_like(m.text, {}) for i, m in enumerate(self.m))

    def _said_as_level(self, name: str, descriptors: str = "level_descriptors") -> bool:
        """ "co2 level", "이산화탄소 농도": the question names the column with a word saying it is a
        level (the lexicon's `level_descriptors`), which no total of rows is (or, with
        `amount_descriptors`, an amount used: "gas consumption")."""
        words = {str(w) for w in self.lex.data.get(descriptors, ())}
        for i, m in enumerate(self.m):
            if name not in self.columns_of(i):
                continue
            last = m.text.split()[-1].lower() if m.text.split() else ""
            nxt = self.next_index(i, ("filler",))
            if last in words or any(last.endswith(w) for w in words if not w.isascii()):
                return True
            if nxt is not None and self.m[nxt].text.lower() in words and not self.m[nxt].has("column"):
                return True
        return False

    def counts(self, name: str) -> bool:
        """Whether a column counts things (arrivals, passengers: the lexicon's counting concepts),
        or the question names it as a number of things ("the number of flights")."""
        from .compose import _COUNTS

        column = self.col(name)
        return bool(set(column.concepts) & _COUNTS) or name in self.counted or column.counted_noun is not None

    def _amounts_asked(self) -> bool:
        """Whether the question measures an amount (sales, rain) or counts rows: those add up per
        period ("average daily sales"); a price or a temperature does not ("per year": by year)."""
        for i, m in enumerate(self.m):
            if m.has("agg") and m.get("agg").key in ("count", "records"):
                return True
            if any(self.additive(name) for name in self.columns_of(i, numeric=True)):
                return True
        return False

    def _statistic_asked(self) -> bool:
        """ "the month with the highest average pm25", "월평균 ... 가장 높은 달": a statistic named
        for the period (an average, a median...) ranks the periods by it, whatever the measure."""
        return any(
            m.has("agg") and m.get("agg").key in ("mean", "median", "sum", "max", "min", "std") and not m.has("column")
            for m in self.m
        )

    def _records_counted(self, period: int) -> bool:
        """ "주문이 제일 적은 요일", "the day with the most orders": what the rows record, said with a
        word of quantity, is counted per period."""
        from .compose import _QUANTITY_WORDS

        return any(m.text.lower() in _QUANTITY_WORDS for m in self.m) and any(
            m.has("entity") and not m.has("column") and not m.has("value") and _time_word(m.text) is None
            for j, m in enumerate(self.m)
            if j != period
        )

    def _descriptive_bucket(self, i: int, bucket: str) -> bool:
        """ "monthly prices" in data with one row per month (per thing): the word describes the
        rows, it does not ask to group them."""
        m = self.m[i]
        if len(m.text.split()) != 1 or not m.text.isascii():
            return False
        j = self.next_index(i, ("filler",))
        if j is not None and self.m[j].has("agg") and not self.m[j].has("column"):
            j = self.next_index(j, ("filler",))  # "monthly average price"
        if j is None or not self.m[j].has("column"):
            return False
        dates = self.t.dates
        if not dates and bucket == "year":
            # a yearly series kept as a column of years (R's Nile: year, flow), one row a year:
            # "average annual flow" is the mean of the rows, not each year's own value (a chart
            # of "annual flow" still draws it by year)
            years = [c for c in self.t.columns if c.yearlike]
            charted = any(x.has("chart") for x in self.m)
            return len(years) == 1 and years[0].distinct == self.t.rows and not charted
        if not dates or dates[0].granularity != bucket:
            return False
        # the rows are one per period (a daily series), or one per thing and period (each store's
        # day): "daily sales" is each row's; of transactions, several a day, it is each day's total
        # (and a chart over time draws each period's total: "plot daily sales for each branch")
        if self.t.names_rows(dates[0]) or any(x.has("chart") for x in self.m):
            return True
        return self._panel_thing(bucket) is not None

    def _panel_thing(self, bucket: str) -> str | None:
        """The column naming the things of a panel whose rows are one per thing and `bucket`
        period of the first date column (each store's day), None for other rows."""
        dates = self.t.dates
        keyed = _entity_periods(self.t)
        if not dates or dates[0].granularity != bucket or keyed is None or keyed[1] != dates[0].name:
            return None
        return keyed[0]

    def _single_year(self) -> bool:
        years = [c for c in self.ctx.conditions if c.part == "year" and c.op == "=="]
        if years:
            return True
        dates = self.t.dates
        if dates and dates[0].minimum and dates[0].maximum and not dates[0].date_text:
            return str(dates[0].minimum)[:4] == str(dates[0].maximum)[:4]
        return False

    def _period_bucket(self, bucket: str) -> str | None:
        """The grouping "which month" asks for: the calendar month in monthly data (None when each
        row is one: then it is a question about rows), the month of the year (all years together)
        in finer data spanning several years, else the calendar period."""
        dates = self.t.dates
        if not dates:
            return bucket
        d = dates[0]
        if bucket == "hour":
            # the hour of the day (all days together): only dates that carry a time of day have one
            if not _has_time_of_day(d) and not any(c.clock for c in self.t.columns):
                raise Declined(
                    f"{d.name} holds dates without a time of day, so I cannot tell the hour.",
                    f"{d.name}에는 시각이 없는 날짜만 있어 몇 시인지 알 수 없습니다.",
                )
            return bucket
        rank = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
        if d.granularity == bucket:
            return None if self.t.names_rows(d) else bucket
        if (
            bucket == "month"
            and not self._single_year()
            and _years_spanned(d) != 1
            and rank.get(d.granularity or "day", 0) < rank["month"]
        ):
            # "which month had the most orders" over several years: one month of one year, or the
            # same month of every year taken together? Either reading answers a different
            # question if it is the wrong one, so ask
            raise Declined(
                "Do you mean one month of one year, or the same month of every year taken together? "
                "Ask “in which year and month” or “by month of the year”.",
                "어느 한 해의 한 달인지, 모든 해의 같은 달을 합친 것인지 알 수 없습니다. "
                "“몇 년 몇 월” 또는 “매년 몇 월”로 물어봐 주세요.",
            )
        return bucket

    def _daily_rows(self) -> bool:
        dates = self.t.dates
        return bool(dates) and self.t.names_rows(dates[0])

    def _pick(self, i: int, names: list[str]) -> str:
        senses = [s for s in self.m[i].all("column") if s.key in names]
        best = max(s.quality for s in senses)
        top = list(dict.fromkeys(s.key for s in senses if s.quality >= best - 1e-9))
        if len(top) > 1 and (narrowed := self._narrowed(i, top)) is not None:
            return narrowed
        if len(top) > 1:
            raise Declined(
                f"“{self.m[i].text}” could mean several columns: {', '.join(top)}. Name the one you mean.",
                f"“{self.m[i].text}”은(는) 여러 열을 가리킬 수 있습니다: {', '.join(top)}. 원하는 열 이름을 적어 주세요.",
            )
        return top[0]

    def _breakdown(self) -> None:
        """ "a breakdown of X by Y": the word says a grouping is asked, which the question names
        itself; read with that grouping (without one it stays unread, and the question declined)."""
        if self.ctx.group is None:
            return
        self.claim(*(i for i, m in enumerate(self.m) if m.roles == {"breakdown"}))

    def _set_group(self, grouping: Grouping, *indexes: int) -> Grouping:
        if self.ctx.group is not None and self.ctx.group != grouping and self._periods_missing_per_value(grouping):
            # "which years are missing for each country": the periods are what is missing, the
            # column's values what they are missing for (compose.coverage); the period words stay
            # free for it
            timed = [g for g in (self.ctx.group, grouping) if g.bucket or self.col(g.column).is_date]
            keep = grouping if timed[0] is not grouping else self.ctx.group
            if keep is grouping:
                self.used.difference_update(getattr(self, "_group_claims", ()))
                self.ctx.group = grouping
                self.claim(*indexes)
                self._group_claims = indexes
            return self.ctx.group
        if (
            self.ctx.group is not None
            and self.ctx.group != grouping
            and getattr(self, "group2", None) is None
            and self._plain_category(self.ctx.group)
            and self._plain_category(grouping)
        ):
            # "인증기관(certification)별 색상(colour)별", "by A, by B": a second grouping by a
            # category column's values, a two-way breakdown (`_two_way`)
            self.group2 = grouping
            self.claim(*indexes)
            return self.ctx.group
        if self.ctx.group is not None and self.ctx.group != grouping:
            raise Declined(
                "I can group by one thing at a time; you asked for two groupings.",
                "한 번에 한 가지 기준으로만 묶을 수 있는데, 두 가지 기준을 말씀하셨습니다.",
            )
        self.ctx.group = grouping
        self.claim(*indexes)
        self._group_claims = indexes
        return grouping

    def _plain_category(self, g: Grouping) -> bool:
        """A grouping by a category column's own values (no period of a date)."""
        c = self.col(g.column)
        return g.bucket is None and c is not None and c.categorical and not c.is_date and not c.yearlike

    def _one_row_per_period(self, bucket: str) -> bool:
        """Whether the rows asked about are one per period: rows keyed by a name and the period
        (`Table.periods`), the name fixed by the question (Japan's quarters), so that a period's
        value is its row's."""
        pair = _entity_periods(self.t)
        if pair is None:
            return False
        entity, period = pair
        column = self.col(period)
        return (
            column.is_date
            and column.granularity == bucket
            and any(k.column == entity and k.op == "==" and k.part is None for k in self.ctx.conditions)
        )

    def _periods_missing_per_value(self, other: Grouping) -> bool:
        """Two groupings, one by time and one by a column's values, in a question about what is
        missing: the periods missing for each value (not two groupings)."""
        pair = (self.ctx.group, other)
        timed = [g for g in pair if g.bucket or self.col(g.column).is_date]
        valued = [g for g in pair if not (g.bucket or self.col(g.column).is_date)]
        missing = any(m.has("intent") and m.get("intent").key == "missing" for m in self.m)
        return missing and len(timed) == 1 and len(valued) == 1

    def _calendar_months(self, bucket: str, column: str, i: int, j: int) -> str:
        """ "월별 평균 승객 수", "average per month" over monthly rows of several years: each month
        of each year is one row, so a statistic of it per month would restate the rows; the
        calendar month (all years together) is what a mean, a median or an extreme per month can
        mean, and the reply says so. A total per month stays each month's (the rows, a series).
        The same holds of quarters over quarterly rows ("average gas use by quarter", 1960-1986:
        the quarter of the year, every year together)."""
        col = self.col(column)
        # (a column named like a statistic, "count", is the measure, not a count asked)
        stats = {s.key for k, m in enumerate(self.m) if not self._column_sense_wins(k) for s in m.all("agg")}
        if (
            bucket not in ("month", "quarter")
            or not col.is_date
            or col.granularity != bucket
            or not self.t.names_rows(col)
            or _years_spanned(col) in (None, 1)
            or not stats & {"mean", "median", "max", "min", "std"}
            or stats & {"sum", "count", "records"}
        ):
            return bucket
        ko = ("달마다", "월") if bucket == "month" else ("분기마다", "분기")
        self.readings.append(
            t(
                self.lang,
                f"“{self._words(min(i, j), max(i, j))}”: each {bucket} of each year is one row, so per calendar "
                f"{bucket}, every year together ({str(col.minimum)[:4]}–{str(col.maximum)[:4]}).",
                f"“{self._words(min(i, j), max(i, j))}”: 연도마다 {ko[0]} 한 행이므로, 모든 연도를 합친 달력상의 {ko[1]}별로 "
                f"계산했습니다 ({str(col.minimum)[:4]}–{str(col.maximum)[:4]}).",
            )
        )
        return f"{bucket}_of_year"

    def _statistic_of_part_rows(self, bucket: str, held: str, year: str | None) -> bool:
        """ "average deaths by month", "월별 평균" over one row a month kept as a year and a month
        column (1969-1984): each month of each year is one row, so a statistic per month is the
        calendar month, every year together, as `_calendar_months` reads it of dates (said so).
        A total per month stays declined (each year's month, which no one column holds)."""
        if bucket != "month" or year is None:
            return False
        col, years = self.col(held), self.col(year)
        if col.calendar_part != "month" and col.calendar_names != "month":
            return False
        n, k = years.distinct, col.distinct
        if not (k == 12 and (n - 1) * k < self.t.rows <= n * k):
            return False
        stats = {s.key for j, m in enumerate(self.m) if not self._column_sense_wins(j) for s in m.all("agg")}
        if not stats & {"mean", "median", "max", "min", "std"} or stats & {"sum", "count", "records"}:
            return False
        self.readings.append(
            t(
                self.lang,
                f"each month of each year is one row, so per calendar month, every year together "
                f"({years.minimum:.0f}–{years.maximum:.0f}).",
                f"연도마다 달마다 한 행이므로, 모든 연도를 합친 달력상의 월별로 계산했습니다 "
                f"({years.minimum:.0f}–{years.maximum:.0f}).",
            )
        )
        return True

    def _bucketed(self, column: str, bucket: str | None = None) -> bool:
        """Whether a grouping by a period bucket keys on a part of the column: dates, and times of
        day written as text (their hour); a column of hours or years is its own key, but for its
        decades (1840 for 1840-1849)."""
        c = self.col(column)
        return c.is_date or c.clock == "text" or (bucket == "decade" and c.yearlike)

    def _date_column_for_bucket(self, bucket: str) -> str:
        if bucket == "hour" and not any(_has_time_of_day(c) for c in self.t.dates):
            # the hour of the day: a column of hours or of times of day if the data has one;
            # dates without times have no hour (grouping them by it would put every row at 0)
            hours = [c.name for c in self.t.columns if c.clock]
            if len(hours) == 1:
                return hours[0]
            raise Declined(
                "This data has no times of day, so I cannot group it by the hour.",
                "이 데이터에는 시각이 없어서 시간대별로 묶을 수 없습니다.",
            )
        own = self._own_year_column() if bucket in ("year", "decade") else None
        if own is not None:
            return own
        column = self._date_column()
        if column is not None:
            return column
        years = [c.name for c in self.t.columns if c.yearlike]
        if bucket in ("year", "decade") and len(years) == 1:
            return years[0]
        # weekdays, months or quarters written as text ("Sun", "Thur", "Q2"): that column is the grouping
        part = {
            "weekday": "weekday",
            "month_of_year": "month",
            "month": "month",
            "quarter": "quarter",
            "quarter_of_year": "quarter",
        }.get(bucket)
        named = [c.name for c in self.t.columns if part in c.concepts and not c.numeric and not c.is_date]
        if len(named) == 1:
            return named[0]
        # months or quarters kept as numbers in a column of their own (airquality's Month of one
        # summer): that column is the grouping. Beside a year column of several years, "by
        # quarter", "quarterly" is each year's quarter, which no one column holds (the quarter of
        # every year pooled answers only "by quarter of the year")
        held = self._part_column(part) if part in ("month", "quarter") else None
        year = self._part_column("year")
        if held is not None and (year is None or self.col(year).distinct <= 1 or bucket.endswith("_of_year")):
            return held
        if held is not None and self._statistic_of_part_rows(bucket, held, year):
            return held
        # whole numbers named by the period that are no part of a calendar date (sleepstudy's Days
        # 0-9 of a study, a trial's Week 1-12): "by day" groups by them
        counted = [
            c.name
            for c in self.t.columns
            if c.numeric
            and c.integer
            and not c.calendar_part
            and not c.yearlike
            and len(c.base or c.keys) == 1
            and bucket in ((c.base or c.keys)[0], *_singular((c.base or c.keys)[0]))
        ]
        if len(counted) == 1:
            return counted[0]
        raise Declined(
            "This data has no dates, so I cannot group it by time.",
            "이 데이터에는 날짜 열이 없어서 시간 단위로 묶을 수 없습니다.",
        )

    def _names_a_count(self, m: Mention) -> bool:
        """Whether a noun for the rows also names a column whose numbers could be counted up
        ("실린더 수": the cylinders column); a column of codes (환자번호, 우편번호) counts nothing, so
        "환자수" is the number of patients, the rows."""
        return any(not self.col(s.key).names_codes for s in m.all("column") if isinstance(s.key, str))

    # average price, 가격의 평균, the highest price, heaviest, how many
    def _measures(self) -> None:
        ctx = self.ctx
        for i, m in enumerate(self.m):
            if i in self.used:
                continue
            if (
                m.text in ("수", "개수")
                and not m.has("agg")
                and i > 0
                and self.m[i - 1].has("entity")
                and not self._names_a_count(self.m[i - 1])
            ):
                self.record_counts.add(i)  # "주문 건수" read as "주문 건" + "수": the number of them
                ctx.aggs.append((i, "count"))
                continue
            if i == getattr(self, "spread_at", None):
                ctx.aggs.append((i, "range"))  # the difference of the two extremes (_spread)
                continue
            if m.has("agg") and not (m.has("column") and self._column_sense_wins(i)):
                agg = m.get("agg").key
                if agg == "records":
                    self.record_counts.add(i)  # "판매 건수": rows, even next to a quantity column
                    agg = "count"
                ctx.aggs.append((i, agg))
                continue
            if m.has("column"):
                ctx.measure_columns.append((i, ""))
        if len(ctx.measure_columns) <= 1:
            # one measure and its aggregation said twice ("총 매출 합계", "total sum") is one
            seen: set[str] = set()
            for i, agg in list(ctx.aggs):
                if agg in seen and agg not in ("share",):
                    ctx.aggs.remove((i, agg))
                    self.claim(i)
                seen.add(agg)

    def _column_sense_wins(self, i: int) -> bool:
        """ "count" is a column's name in some data: the column wins when it is named in full."""
        return any(s.quality >= 1.0 for s in self.m[i].all("column")) and not self.m[i].has("value")

    def _chart(self) -> None:
        for i, m in enumerate(self.m):
            if i in self.used or not m.has("chart"):
                continue
            kinds = [s.key for s in m.all("chart")]
            kind = next((k for k in kinds if k != "any"), "any")
            if self.ctx.chart in (None, "any"):
                self.ctx.chart = kind
            self.claim(i)

    # --- assembling ---------------------------------------------------------------------------

    def _assemble(self) -> Plan:
        b = _Builder(self)
        return b.build()

    def _described_by_name(self, claimed: bool = True) -> set[int]:
        """The words a column's name in brackets right after them restates: "교사 경력(totexpk)",
        "income per head (medi)", "무료급식(freelunk) 여부별", "해안 지역(coas=yes)": the question's own
        gloss of the name it uses, words the data need not know. Only words of no column, number,
        statistic, value or comparison of their own, up to four mentions, right before the
        bracket."""
        out: set[int] = set()
        tok = self.tokens
        for k, m in enumerate(self.m):
            if (claimed and k not in self.used) or not (m.has("column") or m.has("value")):
                continue
            # "백인(white)과 비백인(nonwhite)": a value of the data in the bracket glosses the words
            # before it as a column's name there does
            names = set(self.columns_of(k)) if not m.has("value") else {str(s.key[1]) for s in m.all("value")}
            bracketed = [
                t
                for t in range(m.start, min(m.end, len(tok)))
                if tok[t].text in {n.lower() for n in names}
                and self.q[: tok[t].start].rstrip()[-1:] in ("(", "[")
                # (the name alone in the bracket, or with its value: "coas=yes", "status 1")
                and re.match(r"\s*(?:(?:==?\s*|\s)[^\s()\[\]=]+\s*)?[)\]]", self.q[tok[t].end :])
            ]
            if not bracketed:
                continue
            j, run = k - 1, []
            glosses = getattr(self, "glosses", set())
            while (
                j >= 0 and k - j <= 4 and (j not in self.used or j in glosses) and self.m[j].end == self.m[j + 1].start
            ):
                if self.m[j].roles & {"value", "num", "agg", "negation", "compare", "date", "date_units"}:
                    break
                # a word that reads as another column only through a concept ("price" of cost, a
                # sense below the name's own) may gloss the bracketed one; a column's name may not
                if self.m[j].has("column") and (
                    names & set(self.columns_of(j)) or max(s.quality for s in self.m[j].all("column")) >= 1.0
                ):
                    break
                run.append(j)
                j -= 1
            # the gloss starts where a written word does: 료급식 of 무료급식 is no gloss (its 무 had
            # been read as the value "no"); particles written onto the word before it end that
            # word's phrase ("미만이고 결혼 만족도(rate)": the gloss is 결혼 만족도)
            while run and run[-1] != 0 and tok[self.m[run[-1]].start].joined and self.m[run[-1]].roles == {"particle"}:
                run.pop()
            if run and (run[-1] == 0 or not tok[self.m[run[-1]].start].joined):
                out.update(run)
        return out

    def _check_claimed(self, plan: Plan) -> None:
        if plan.kind == "decline":
            return
        self._unit_asked(plan)
        left = []
        things = []
        ranked_by_rows = (
            plan.kind == "aggregate"
            and plan.group is not None
            and plan.order is not None
            and [(x.agg, x.column) for x in plan.measures] == [("count", None)]
        )
        events = joined_forms("events")
        by_events: set[int] = set()
        described = self._described_by_name()
        for i, m in enumerate(self.m):
            if i in self.used or i in by_events or i in described:
                continue
            roles = m.roles
            if "light_verbs" in roles and self._light_verb_attached(i):
                continue  # "employees who earn more than", "90점 이상 받은": the measure's own verb
            if "group" in roles:
                # "per customer", "고객별": a grouping by something the plan does not group by
                # (nor could: no such column) is never a harmless word, nor is what it names
                j = self.next_index(i) if self.lang != "ko" else self.prev_index(i)
                if (
                    ranked_by_rows
                    and self.lang != "ko"
                    and m.text.lower() == "by"
                    and j is not None
                    and j not in self.used
                    and "".join(name_keys(self.m[j].text)) in events
                ):
                    by_events.add(j)  # "top 3 districts by complaints": ranked by their rows
                    continue
                if j is not None and j not in self.used and self.m[j].has("entity"):
                    left += [self.m[j].text, m.text] if self.lang == "ko" else [m.text, self.m[j].text]
                    continue
            if self._other_things(i, plan):
                things.append(m.text)
                continue
            if self._count_unanswered(i, plan):
                left.append(m.text)  # "country는 몇 개": things counted, where the plan gives a value
                continue
            if (
                roles == {"per_period"}
                and plan.kind == "aggregate"
                and plan.group is not None
                and plan.group.bucket == m.get("per_period").key
                and plan.measures
                and all(x.agg == "sum" and x.column for x in plan.measures)
            ):
                continue  # "연간 사망자수가 가장 적은 해": a year's total, the plan's own total per year
            if (
                self._rows_are_periods(m.text)
                and i > 0
                and i - 1 in self.used
                and self.m[i - 1].has("agg")
                and self.m[i - 1].get("agg").key == "count"
                and plan.kind == "aggregate"
                and plan.group is None
                and [(x.agg, x.column) for x in plan.measures] == [("count", None)]
            ):
                continue  # "몇 개월", "how many months" of a monthly series: its rows counted
            if self._period_unshown(i, plan):
                left.append(m.text)
                continue
            if m.has("when") and self._period_answered(plan):
                continue  # "가장 많았던 해는 언제": the answer is a period already
            if (
                roles == {"intent"}
                and m.get("intent").key == "compare"
                and plan.kind == "aggregate"
                and plan.group is not None
                and plan.measures
            ):
                continue  # "사료별 평균 무게 비교", "compare average weight by feed": the groups side by side
            if m.text.lower() == "either" and self._opens_list(i, plan):
                continue  # "either Busan or Jeju": the list's first word
            if (agg_named := self.agg_in_name(i)) is not None and (i + 1) in self.used and _uses(plan, agg_named):
                continue  # "correlation between average price and ...": the start of avgprs's name
            if (
                roles == {"agg"}
                and m.get("agg").key in ("sum", "max", "min")  # a total of totals is the total
                and plan.measures
                and all(x.agg == m.get("agg").key and x.column for x in plan.measures)
            ):
                continue  # "전체 기간 합계", "the total sum": the aggregation the plan computes, said twice
            # A word with a harmless reading ("what": a question word; "by": a filler) may stay
            # unused; the words it would have joined stay unused themselves and are reported.
            if (
                (roles & (_HARMLESS | {"which", "rows"}) or roles == {"movement"})  # "they ever reached"
                and (m.text.lower() not in _OR_WORDS or self._ending_not_or(i))
                and not roles & {"negation", "than", "unsupported"}
                and not self._names_data(i, plan)
                and not self._data_word_inflected(i)
            ):
                continue
            left.append(m.text)
        if things and not left and _entity_periods(self.t) is None:
            word = things[0]
            raise Declined(
                f"“{word}” names no column of this data, so ranking its rows would not rank {word}; the "
                "rows are named by other columns.",
                f"“{word}”은(는) 이 데이터의 열이 아니어서, 행의 순위를 매기면 {word}의 순위가 아닙니다. 행은 다른 "
                "열로 이름이 붙어 있습니다.",
            )
        if things and not left:
            name, time = _entity_periods(self.t)
            word = things[0]
            raise Declined(
                f"Each row of this data is one {name} per {time} (a {name} repeats once per {time}), and "
                f"“{word}” names no column, so counting or ranking rows would not count or rank {word}. "
                f"Ask about {name} instead (for example, how many different {name} values there are).",
                f"이 데이터의 각 행은 {name} 하나의 {time} 하나입니다({name}이(가) {time}마다 반복됩니다). "
                f"“{word}”은(는) 열이 아니어서 행을 세거나 순위를 매기면 {word}을(를) 세는 것이 아닙니다. "
                f"{name}에 대해 물어 주세요(예: 서로 다른 {name} 값이 몇 개인지).",
            )
        left += things
        if left:
            from .answer import restate

            words = ", ".join(f"“{w}”" for w in dict.fromkeys(left))
            try:
                reading = restate(plan) if plan.kind not in ("overview", "columns") else ""
            except Exception:  # a partial plan the wording does not cover: say less, never fail
                reading = ""
            if reading:
                # the reading that was made, so the person sees which part of it is missing
                raise Declined(
                    f"I read the question as “{reading}”, and {words} has no place in that reading, so "
                    "answering it would answer a different question.",
                    f"질문을 “{reading}”(으)로 읽었는데 {words}은(는) 이 읽기에 들어갈 자리가 없어서, 답하면 다른 질문에 "
                    "답하게 됩니다.",
                )
            raise Declined(
                f"I understood part of the question, but not how {words} fits into it.",
                f"질문의 일부는 이해했지만 {words}을(를) 어떻게 반영해야 할지 모르겠습니다.",
            )

    def _is_row_noun(self, j: int | None) -> bool:
        """Whether the mention at j names the rows of this table themselves: what the data calls a
        row (its name's head, an identifier's name: `catalog.row_nouns`), a generic word for rows
        ("rows", "records", 건) or a Korean counter of rows (건, 회, 번, 편, 개)."""
        if j is None:
            return False
        m = self.m[j]
        if m.has("column") or m.has("value") or not (m.has("entity") or m.has("units")):
            return False
        word = normalize(m.text).lower()
        if word in _ROW_COUNTERS:
            return True
        if not m.has("entity"):
            return False
        own = {"".join(name_keys(w)) for w in table_row_nouns(self.t)}
        return "".join(name_keys(word)) in own or word in _ROW_NOUNS or word.rstrip("s") in _ROW_NOUNS

    def _per_row_noun(self) -> None:
        """ "average runtime per movie", "경기당 평균 관중수", "상담 1건당 평균 대기시간": a mean
        asked per row of the table, said with the rows' own noun (one naming no column: a noun
        naming an identifier is read by the grouping, as one group a row), is the mean over the
        rows; the words saying it (per, 당, the noun, a "one" before it) are read so, and the reply
        says it. "Per customer" in a table of orders, "per passenger" beside a count of them, stay
        what they were: a grouping the plan must make or decline. So is any statistic of how the
        rows' values spread ("median sugars per cereal", "the variance of weight per chick")."""
        spread = ("median", "std", "var", "iqr", "cv", "skew")
        if not self._mean_asked() and not any(
            i not in self.used and m.has("agg") and (m.get("agg").key in spread or quantile_of(m.get("agg").key))
            for i, m in enumerate(self.m)
        ):
            return
        for i, m in enumerate(self.m):
            if i in self.used or not (m.has("group") or m.has("ratio_per")) or m.text.lower() not in _PER_WORDS:
                continue
            before = m.has("ratio_per") or self.lang == "ko"
            j = self.prev_index(i, ("particle",)) if before else self.next_index(i, ("filler",))
            if j is None or j in self.used or not self._is_row_noun(j):
                continue
            words = [i, j]
            k = j - 1 if before else i + 1  # "1건당", "한 편당", "per one booking"
            if k != j and 0 <= k < len(self.m) and k not in self.used and self.m[k].text.lower() in _ONE:
                words.append(k)
            self.claim(*words)
            noun = self.m[j].text
            said = self._words(min(words), max(words))
            if self.tokens:  # as written: "상담당", "1건당"
                a, b = self.m[min(words)].start, self.m[max(words)].end - 1
                if 0 <= a <= b < len(self.tokens):
                    said = self.q[self.tokens[a].start : self.tokens[b].end]
            self.readings.append(
                t(
                    self.lang,
                    f"“{said}”: each row is one {noun}, so over all the rows.",
                    f"“{said}”: 행 하나가 {noun} 하나이므로 전체 행에 대해 계산했습니다.",
                )
            )

    def _light_verb_attached(self, i: int) -> bool:
        """Whether a light verb ("earn", "took", "받은", "걸린") stands right beside a measure or a
        condition the plan uses (only fillers and particles between): there it only says the rows
        have that measure. Unless a noun for other things than the rows is left unread ("customers"
        naming a column of an orders table: what they spent is a total per customer)."""
        if any(m.has("entity") and m.has("column") and k not in self.used for k, m in enumerate(self.m)):
            return False
        for step in (-1, 1):
            k = i + step
            while 0 <= k < len(self.m) and self.m[k].roles and self.m[k].roles <= {"filler", "particle"}:
                k += step
            if 0 <= k < len(self.m) and k in self.used and not self.m[k].roles <= {"entity", "filler", "particle"}:
                return True
        return False

    def _opens_list(self, i: int, plan: Plan) -> bool:
        """Whether the word at i stands right before the first name of a list the plan filters
        by (a membership condition)."""
        if i + 1 >= len(self.m):
            return False
        listed = {(k.column, v) for k in plan.conditions if k.op == "in" for v in k.value}
        return any((s.key[0], s.key[1]) in listed for s in self.m[i + 1].all("value"))

    def _ending_not_or(self, i: int) -> bool:
        """ "몇 가지나 돼?", "얼마나 나": 나/이나 written onto a word with nothing asked after it is an
        ending (as many as), not "or": an "or" joins two things of one kind."""
        if self.lang != "ko" or not self._joined(i):
            return False
        j = self.next_index(i, ("filler", "particle"))
        return j is None

    def _period_answered(self, plan: Plan) -> bool:
        """Whether the plan's answer names periods: it groups by a bucket of dates, by a date, or
        by a column holding a part of dates (a year, a month, a quarter); or it picks rows named
        by their date ("the hottest day", each row a day named by its Month and Day)."""
        g = plan.group
        named = {c.name for c in self.t.columns}
        if plan.kind == "rows" and g is None:
            shown = [self.col(c) for c in plan.labels if c in named]
            return bool(shown) and all(c.is_date or c.yearlike or c.calendar_part for c in shown)
        if g is None or g.column not in named:
            return False
        col = self.col(g.column)
        return (
            bool(g.bucket)
            or col.is_date
            or col.yearlike
            or g.column
            in {
                self._part_column("month"),
                self._part_column("quarter"),
            }
        )

    def _period_unshown(self, i: int, plan: Plan) -> bool:
        """ "가장 낮았던 달은", "the coldest month": a period word the plan leaves unused, in a plan
        that picks rows and names them by something else (a place, not a month), asks for a
        period the answer would not give, so it is not a harmless word."""
        m = self.m[i]
        if plan.kind != "rows" or not m.has("entity") or _time_word(m.text) is None or m.has("rows_named"):
            return False  # (주 naming the rows of a table of states is no week)
        named = {c.name for c in self.t.columns}
        shown = [c for c in (*plan.labels, *plan.columns) if c in named]
        periods = set(self.columns_of(i))
        return not any(
            self.col(c).is_date or self.col(c).yearlike or self.col(c).calendar_part or c in periods for c in shown
        )

    def _other_things(self, i: int, plan: Plan) -> bool:
        """A noun for things ("companies", "tickers", "회사") that names no column, in a plan that
        counts or ranks rows, on a table whose rows are things-by-period (firm-years, ticker-days:
        a name column repeating once per date): the rows are not those things, and the plan would
        count or rank rows as if they were. Unless the noun is a generic word for rows ("rows",
        "records", "행", "건") or the dataset's own name, it is not a harmless word."""
        m = self.m[i]
        if not m.has("entity") or m.has("column") or m.has("value"):
            return False
        counts = plan.kind == "aggregate" and any(x.agg == "count" and x.column is None for x in plan.measures)
        ranks = plan.kind == "rows" and bool(plan.measures) and not plan.distinct_labels
        if not (counts or ranks):
            return False
        word = normalize(m.text).lower()
        stems = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
        if stems & _ROW_NOUNS or stems & set(name_keys(self.t.name)) or stems & table_row_nouns(self.t):
            return False  # (the rows' own noun: 기업 of 캐나다_기업_겸임이사)
        self._rows_of_another_kind(m.text)
        if _time_word(m.text) == "day" and not self.t.dates and "day" in self.t.calendar_parts():
            return False  # one row a day, its date kept in parts (Month, Day): "the hottest day"
        if self._rows_are_periods(m.text):
            return False  # one row a month (기준년월 197301, 197302, ...): "the month with the most" is a row
        named = any(not c.numeric and not c.is_date and self.t.names_rows(c) for c in self.t.columns)
        if ranks and m.has("concept") and not named:
            # "입국자가 가장 많은 나라": a kind of thing (countries) no column names, on rows no column
            # names one by one (nationality-months): the ranked rows are not that thing (before a
            # column's word, "the latest model year", the noun is part of the column's mention)
            return True
        if _entity_periods(self.t) is not None:
            return True  # (things by period: declined with that reason)
        if counts and plan.group is None:
            self._rows_or_groups(m.text, plan)  # (groups ranked by their rows: "which branch lends the most books")
        return False

    def _rows_are_periods(self, word: str) -> bool:
        """Whether a word for a period ("달", "month", "해") names the rows themselves: a date column
        of that granularity names each row (a monthly series keyed by 기준년월 197301, 197302...)."""
        unit = _time_word(word)
        return bool(unit) and any(c.granularity == unit and self.t.names_rows(c) for c in self.t.dates)

    def _rows_of_another_kind(self, word: str) -> None:
        """Declines a noun of one kind of thing ("cats": animals) counted or ranked as the rows
        of data whose own noun for its rows is of another kind (states: places), the lexicon's
        `entity_kinds`: the rows are not those things."""
        kind = _entity_kind(word)
        if not kind:
            return
        if self.t.indicator is not None:
            # a long statistics table (항목, 값): each row is one figure of an indicator, never a
            # household or a person ("서울 가구 수" had counted Seoul's figures)
            indicator = self.t.indicator[0]
            raise Declined(
                f"Each row of this data is one figure of an indicator ({indicator}), not one of the {word}: "
                f"counting rows would not count {word}.",
                f"이 데이터의 행은 지표({indicator})의 값 하나씩이고 {word}이(가) 아닙니다. 행을 세도 {word}을(를) 세는 것이 "
                "아닙니다.",
            )
        # (the rows' nouns, and the head of the table's name: shop_orders are orders, not shops)
        head = [w for w in name_keys(self.t.name) if len(w) >= 3 and not w.isdigit()][-1:]
        said = [*table_row_nouns(self.t), *head]
        own = {n: k for n in said if (k := _entity_kind(n))}
        if not own or any(kind & k for k in own.values()):
            return
        rows = next(iter(own))
        raise Declined(
            f"The rows of this data are {rows}, not {word}: counting or ranking them would not count {word}.",
            f"이 데이터의 행은 {rows}이고 {word}이(가) 아닙니다. 행을 세거나 순위를 매겨도 {word}을(를) 세는 것이 아닙니다.",
        )

    def _rows_or_groups(self, word: str, plan: Plan) -> None:
        """Declines counting rows for a noun that is not the rows' own, on a table with an
        identifier of groups of rows (`_group_keys`: provnum of hospital stays, 54 values on 1,495
        rows): there are things at two levels, the rows and what the identifier numbers, and
        nothing says which of them the noun names ("how many hospitals" had counted the stays).
        People and events are the exceptions: data about people holds a row per person (or per
        visit of one), the identifier groups them ("how many patients died"), and a row per event
        ("how many orders" by customer_id). The reply gives both counts, so
        the user can ask again for the one meant."""
        keys = _group_keys(self.t)
        if any(k.column in keys and k.op == "==" for k in plan.conditions):
            return  # the rows of one of the identified things ("games minsu_chess played as white")
        if not keys or _entity_kind(word) & _entity_kind("person"):
            return  # (people: the rows of data about people are the people, grouped by the identifier)
        events = {str(w).lower() for w in lexicon().data["events"]}
        forms = {word.lower(), *_singular(word.lower()), *variants(word.lower())}
        if forms & (events | _ROW_NOUNS):
            return  # (events: one row each, "how many orders" of a customer's orders; "recorded": records)
        en = "; ".join(f"{k}: {self.col(k).distinct:,} different values" for k in keys)
        ko = "; ".join(f"{k}: 서로 다른 값 {self.col(k).distinct:,}개" for k in keys)
        raise Declined(
            f"I can't tell whether the {word} are the rows of this data ({self.t.rows:,} rows) or what an "
            f"identifier column numbers ({en}). Ask for the number of rows, or for the number of different "
            "values of that column.",
            f"{word}이(가) 이 데이터의 행({self.t.rows:,}개)인지, 식별 열이 가리키는 것({ko})인지 알 수 없습니다. "
            "행의 수나 그 열의 서로 다른 값의 수를 물어 주세요.",
        )

    def _count_unanswered(self, i: int, plan: Plan) -> bool:
        """A word asking how many ("몇 개", "how many") left over by a plan that states a value, not
        a number of things (a comparison of means, a total): the question counts something the
        plan does not count, so the word is not harmless. "How many times as large" asks a ratio."""
        m = self.m[i]
        if not (m.has("agg") and m.get("agg").key in ("count", "records")):
            return False
        if plan.kind not in ("compare", "aggregate", "share") or plan.inner is not None:
            return False
        if any(x.agg in ("count", "nunique") for x in plan.measures):
            return False
        j = self.next_index(i, ("filler", "particle"))
        return not (j is not None and self.m[j].has("times"))

    def _names_data(self, i: int, plan: Plan) -> bool:
        """A noun for the rows ("companies", "회사") that is also a column of this data, in a plan
        that counts rows: unless that column holds (nearly) one value per row, rows are not those
        things (company-years are not companies), so the count would answer a different question
        and the noun is not a harmless word."""
        m = self.m[i]
        if not (m.has("entity") and m.has("column")):
            return False
        if not any(x.agg == "count" and x.column is None for x in plan.measures):
            return False
        named = [n for n in self.columns_of(i) if not self.col(n).numeric]  # names of things, not amounts
        if named and all(self.col(n).is_date for n in named) and not _says_time(m.text):
            return False  # "경기" of 경기일자: the games are the rows, the column only their date
        return bool(named) and not all(self.t.names_rows(n) for n in named)

    def _data_word_inflected(self, i: int) -> bool:
        """A word that is a function word only as another form of one ("returns", "returned" of
        the filler "return": "return the top 5") while it names a column or a yes/no column of
        the data as surely: "which region has the most returns" asks about the returned orders,
        so leaving the word out would answer another question."""
        m = self.m[i]
        function = [s.quality for s in m.senses if s.role in ("filler", "particle", "condition")]
        data = [s.quality for s in m.senses if s.role in ("column", "boolcol", "value")]
        return bool(function and data) and max(function) < 1.0 and max(data) >= max(function)

    def accounting(self) -> tuple[list[str], list[str]]:
        """The question's words as the plan accounts for them: (used by the plan, function words
        that carry nothing of their own: question words, fillers, particles)."""
        used = [m.text for i, m in enumerate(self.m) if i in self.used]
        function = [m.text for i, m in enumerate(self.m) if i not in self.used]
        return used, function


_UNSUPPORTED = {
    "model": (
        "Building or training predictive models (regression, classification, forecasting) is beyond "
        "the offline analyst: it only computes from the data as it is.",
        "예측 모델(회귀, 분류, 예측)을 만들거나 학습하는 것은 오프라인 분석기가 할 수 없습니다. 데이터에 있는 값으로 "
        "계산만 합니다.",
    ),
    "cause": (
        "Why something happens (causes, effects) cannot be read from a table by computing: I can show "
        "how columns relate, not what causes what.",
        "원인이나 영향은 표를 계산해서 알 수 없습니다. 열 사이의 관계는 보여 드릴 수 있지만 무엇이 원인인지는 말할 수 "
        "없습니다.",
    ),
    "test": (
        "Statistical tests and significance are beyond the offline analyst.",
        "통계적 검정이나 유의성 판단은 오프라인 분석기가 할 수 없습니다.",
    ),
    "advice": (
        "Recommendations and advice are beyond the offline analyst; it computes facts from the data.",
        "추천이나 조언은 할 수 없습니다. 데이터에서 사실을 계산합니다.",
    ),
    "relative_time": (
        "Dates relative to today (this year, last month, recently) are not something I can pin "
        "down in this data; name the year or month.",
        "올해, 지난달, 최근처럼 오늘을 기준으로 한 날짜는 정할 수 없습니다. 연도나 월을 적어 주세요.",
    ),
    "edit": (
        "The offline analyst reads the data; it does not change, clean or save it.",
        "오프라인 분석기는 데이터를 읽기만 하고, 바꾸거나 정리하거나 저장하지 않습니다.",
    ),
}


#: Words that name a table's rows whatever they are (and Korean counters): never another thing.
_ROW_NOUNS = frozenset(str(w).lower() for w in lexicon().data["row_nouns"])


@functools.lru_cache(maxsize=1)
def _entity_kinds() -> dict[str, frozenset[str]]:
    """The lexicon's `entity_kinds`, a noun to the kinds it names."""
    out: dict[str, set[str]] = {}
    for kind, words in lexicon().data["entity_kinds"].items():
        for w in words:
            out.setdefault(str(w).lower(), set()).add(kind)
    return {w: frozenset(k) for w, k in out.items()}


def _entity_kind(word: str) -> frozenset[str]:
    """The kinds of thing a noun names (cats -> cats, 환자 -> patients, people -> every kind of
    people), or none."""
    kinds = _entity_kinds()
    word = normalize(word).lower().strip()
    # the word or its singular (cats, cities, women), never a shorter word it starts with (carry)
    for form in (word, irregular_singular(word) or "", *_singular(word)):
        if form in kinds:
            return kinds[form]
    return frozenset()


#: Korean counters of rows ("건당", "1회당", "한 편당"): one row each.
_ROW_COUNTERS = frozenset(("건", "회", "번", "편", "개"))
#: The group words that say "per one" (not "by", "별": a breakdown).
_PER_WORDS = frozenset(("per", "each", "당", "마다"))
#: "One" said before the rows' noun ("1건당", "한 편당", "per one booking").
_ONE = frozenset(("1", "한", "one", "single"))


#: a span's duration in a unit: the derived column's operation (seconds between two dates,
#: divided) and the unit shown with its numbers
_DURATION_OPS = {"second": "s", "minute": "sm", "hour": "sh", "day": "sd", "year": "sy"}
_DURATION_UNITS = {"second": "s", "minute": "min", "hour": "h", "day": "days", "year": "years"}


def _span_pair(dates: list[Column]) -> tuple[Column, Column] | None:
    """Two date columns that start and end one span (pickup and dropoff, check-in and check-out,
    대여 and 반납 of the lexicon's span words): (start, end). The start is the date a trip, a stay
    or a rental is counted at; the time between them is its duration."""
    if len(dates) != 2:
        return None
    words = lexicon().data["span_dates"]

    def marked(column: Column, side: str) -> bool:
        keys = column.base or column.keys
        joined = "".join(keys)
        for form in words[side]:
            form_keys = name_keys(str(form))
            if is_hangul("".join(form_keys)):
                if "".join(form_keys) in joined:
                    return True
            elif form_keys and any(tuple(keys[k : k + len(form_keys)]) == form_keys for k in range(len(keys))):
                return True
        return False

    starts = [c for c in dates if marked(c, "start") and not marked(c, "end")]
    ends = [c for c in dates if marked(c, "end") and not marked(c, "start")]
    if len(starts) == 1 and len(ends) == 1 and starts[0] is not ends[0]:
        return starts[0], ends[0]
    return None


def _adjective_not_edit(m: Mention) -> bool:
    """ "the cleanest city": a superlative that is read as an edit verb only through its stem
    (clean) is the adjective; "clean the column" stays an edit request."""
    return m.has("evaluative") and m.get("unsupported").key == "edit" and m.text.lower().endswith(("est", "er"))


def _part_values(column: Column, part: str) -> dict[int, Any]:
    """{number: value} of a text column whose values all name quarters or months as the lexicon
    does (Q3, 3분기; Jul, 7월): the value naming each; {} when they are not such names."""
    from .match import _norm_value

    if part not in ("quarter", "month") or part not in column.concepts or not column.values:
        return {}
    lex = lexicon()
    role = {"quarter": "quarters", "month": "months"}[part]
    out: dict[int, Any] = {}
    for value in column.values:
        keys = _norm_value(value)
        hit = [int(k) for k in lex.data[role] if keys in {name_keys(f) for f in lex.forms(role, k)}]
        if len(hit) != 1:
            return {}
        out[hit[0]] = value
    return out


def _measured_name_counted(plan: Plan, c: Composer, table: Table) -> None:
    """ "turnout by race" of turnout.csv: the file's name word asked as the thing measured, with
    no word of counting, had been read as the rows' noun and counted rows per race. A word of the
    name that cannot name things (singular, no noun for rows or events, not the rows' own noun:
    `catalog.row_nouns`) is what the data measures, not its rows: declined, as no column is
    named for it."""
    if plan.kind != "aggregate" or plan.measures != [Measure("count")]:
        return
    if any(m.has("agg") and m.get("agg").key in ("count", "records", "nunique") for m in c.m):
        return
    own = {"".join(name_keys(w)) for w in table_row_nouns(table)}
    lex = lexicon()
    for i, m in enumerate(c.m):
        word = m.text.lower()
        if not m.has("entity") or m.roles - {"entity", "concept"} or not word.isascii():
            continue
        if i in getattr(c, "described", ()):
            continue  # "heating system (depvar)": words a bracketed column's name restates
        if word not in name_keys(table.name):
            continue
        # (only the thing asked, said first: "turnout by race"; "peak hour at the gym", "cities in
        # the survey" restate where the rows are from)
        if any(not (x.roles <= {"filler", "which", "condition"}) for x in c.m[:i]):
            continue
        known = {x.role for k, x in lex.phrases.starting_with(word) if k == (word,)}
        if not _singular(word) and not known & {"entity", "events"} and word not in own:
            raise Declined(
                f"“{m.text}” is what this data measures, but no column is named for it; name the column to use.",
                f"“{m.text}”은(는) 이 데이터가 재는 것이지만 그 이름의 열이 없습니다. 쓸 열을 적어 주세요.",
            )


def _group_keys(table: Table) -> list[str]:
    """Columns that identify groups of rows: named for codes or identities (`Column.named_as_code`:
    store_id, customerID, 환자번호, zip_code; or a number word run onto a stem of its own, provnum)
    and holding each of three values or more on two rows or more on average (54 providers on 1,495
    hospital stays). Dates and row numbers are none; nor is a name that merely ends in an id word's
    letters (medicaid) or starts with a word of number (numGroups: a count)."""
    out = []
    for c in table.columns:
        if c.row_number or c.is_date or c.distinct < 3 or c.distinct * 2 > table.rows:
            continue
        keys = c.base or c.keys
        run_together = len(keys) == 1 and any(
            keys[0].endswith(w) and len(keys[0]) - len(w) >= 3 for w in ("num", "number", "nr")
        )
        if c.named_as_code or run_together:
            out.append(c.name)
    return out


def _entity_periods(table: Table) -> tuple[str, str] | None:
    """The (name column, time column) that key the rows when they are things by period (one row
    per name and period: firm-years, ticker-days), as the data showed (`Table.periods`); without
    the data at hand, a pair whose distinct counts multiply to about the row count."""
    pairs = table.periods if table.periods is not None else period_candidates(table)
    return pairs[0] if pairs else None


def _years_spanned(column: Column) -> int | None:
    """How many calendar years a date column's values span (dates written as text included, from
    the span the catalog parsed), or None when its range is not known."""
    import pandas as pd

    try:
        low, high = pd.Timestamp(str(column.minimum)), pd.Timestamp(str(column.maximum))
    except (TypeError, ValueError):
        return None
    if pd.isna(low) or pd.isna(high):
        return None
    return high.year - low.year + 1


def _truthy(column: Column) -> tuple[Any, Any] | None:
    """(yes, no) of a yes/no column as its values are stored (catalog's `Column.truth`)."""
    return column.truth


def _value_set(c: Condition) -> frozenset | None:
    """The values a condition on a whole-number part (month, weekday...) lets through."""
    if c.op == "==" and not isinstance(c.value, (list, tuple)):
        return frozenset([c.value])
    if c.op == "in":
        return frozenset(c.value)
    if (
        c.op == "between"
        and c.part in ("month", "weekday", "quarter", "year", "day")
        and all(float(v).is_integer() for v in c.value)
    ):
        return frozenset(range(int(c.value[0]), int(c.value[1]) + 1))
    return None


def _has_time_of_day(column: Column) -> bool:
    """Whether a date column's values carry a time of day (not all at midnight), as far as the
    catalog knows them (range and values)."""
    if column.date_format in TEXT_PERIODS or column.date_format in ("%Y%m%d", "%Y%m"):
        return False
    seen = [column.minimum, column.maximum, *column.values[:200]]
    times = [re.search(r"[T ](\d{1,2}):(\d{2})(?::(\d{2}))?", str(v)) for v in seen if v is not None]
    return any(m and (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)) != (0, 0, 0) for m in times)


def _time_word(text: str) -> str | None:
    word = text.lower().strip()
    table = {
        "day": "day",
        "days": "day",
        "date": "day",
        "날": "day",
        "날짜": "day",
        "일": "day",
        "week": "week",
        "weeks": "week",
        "주": "week",
        "month": "month",
        "months": "month",
        "달": "month",
        "월": "month",
        "몇 월": "month",
        "quarter": "quarter",
        "분기": "quarter",
        "year": "year",
        "years": "year",
        "해": "year",
        "연도": "year",
        "년도": "year",
        "년": "year",
        "weekday": "weekday",
        "요일": "weekday",
        "day of the week": "weekday",
        "hour": "hour",
        "hours": "hour",
        "hour of the day": "hour",
        "시간": "hour",
        "시간대": "hour",
        "몇 시": "hour",
        "몇시": "hour",
    }
    return table.get(word)


def _date_bounds(found: dict[str, Any]) -> tuple[str | None, str | None]:
    import calendar

    year = found.get("year")
    if year is None or isinstance(year, list):
        return None, None
    month = found.get("month")
    day = found.get("day")
    quarter = found.get("quarter")
    if day is not None and month is not None:
        d = f"{year:04d}-{month:02d}-{day:02d}"
        return d, d
    if month is not None:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    if quarter is not None:
        first = 3 * (quarter - 1) + 1
        last_month = first + 2
        return (
            f"{year:04d}-{first:02d}-01",
            f"{year:04d}-{last_month:02d}-{calendar.monthrange(year, last_month)[1]:02d}",
        )
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


from .compose import _Builder, _says_time, lateness, month_readings  # noqa: E402
from .pairs import one_side, outcomes, role_words  # noqa: E402  (the assembling half lives in its own module)


def _percent_of_things(column: Column) -> bool:
    """A column named for things counted (votes, passengers: the lexicon's counting concepts)
    whose values are no whole numbers, all between 0 and 100: a percentage of them (pscl's
    demVote, the Democrats' percent of a state's vote), which adds up over no rows."""
    from .compose import _COUNTS

    return (
        column.numeric
        and not column.integer
        and bool(set(column.concepts) & _COUNTS)
        and column.minimum is not None
        and column.maximum is not None
        and 0 <= float(column.minimum)
        and float(column.maximum) <= 100
    )


def plan_question(question: str, table: Table, reader: Reader | None = None) -> Plan:
    """The plan for a question about one table (a plan of kind "decline" when it cannot). A
    question no single plan expresses may be two chained (chain.py): a group picked by a
    superlative, then a measure of it; or periods counted by a condition on a per-period value."""
    # a question that splits into two plans is those two (read first: a single plan of it would
    # drop one half, e.g. "how many days had more than 60 orders" as rows with amount > 60)
    from .chain import composed_plan

    try:
        composed = composed_plan(question, table)
    except Declined as d:  # the two parts read, but their composition cannot be answered honestly
        lang = language_of(question)
        return Plan("decline", lang, table.var, problem=d.ko if lang == "ko" else d.en)
    if composed is not None:
        return composed
    plan = _plan_direct(question, table, reader)
    if plan.declined:
        # "the deepest quake's magnitude", "most expensive diamond's carat": an English possessive
        # is its noun "of" the possessor ("the magnitude of the deepest quake"), read so when the
        # question as written is not
        turned = _possessive_turned(question)
        if turned is not None:
            again = plan_question(turned, table)  # (no possessive left in it: read once)
            if not again.declined:
                return again
        from .chain import picked_row_of

        try:
            picked = picked_row_of(question, table)
        except Declined:
            picked = None
        if picked is not None:
            return picked
    return plan


_POSSESSIVE = re.compile(
    r"^(?P<ask>(?:what(?:'s| is| was| are)|show(?: me)?|tell me|give me|find)\s+)?(?P<owner>[^?']+?)'s\s+(?P<owned>[^?']+?)\s*\??$",
    re.IGNORECASE,
)


def _holds_averages(column: Column) -> bool:
    """Whether a column's name says each row holds an average (avginc, avg_price, mean_temp,
    평균기온): such values never add up over rows (a district's average income is no amount)."""
    joined = "".join(column.keys).lower()
    return any(joined.startswith(f) and len(joined) > len(f) + 1 for f in _mean_words())


@functools.lru_cache(maxsize=1)
def _mean_words() -> tuple[str, ...]:
    """The one-word forms of the mean (average, mean, 평균) and their short forms (avg), of two
    syllables or three letters or more, as names begin with them (as `agg_in_name` reads them)."""
    forms = {"".join(name_keys(f)) for f in lexicon().forms("agg", "mean") if " " not in str(f)}
    forms |= {short for f in list(forms) for short in short_forms().get(f, ())}
    return tuple(f for f in forms if len(f) >= 3 or (is_hangul(f) and len(f) >= 2))


def _possessive_turned(question: str) -> str | None:
    """An English question with one possessive ("what is the deepest quake's magnitude?") turned
    into its noun "of" the possessor ("what is the magnitude of the deepest quake?"); None for
    any other question."""
    if language_of(question) != "en" or question.count("'s") != 1:
        return None
    m = _POSSESSIVE.match(question.strip())
    if m is None:
        return None
    ask = m.group("ask") or ""
    return f"{ask}{m.group('owned')} of {m.group('owner')}"


def _plan_direct(question: str, table: Table, reader: Reader | None = None) -> Plan:
    lang = language_of(question)
    reader = reader or Reader(table)
    tokens, mentions = reader.read(question)
    composer = Composer(table, mentions, question, tokens)
    try:
        plan = composer.plan()
        _two_way_plan(plan, composer)
        fixed: dict[tuple[str, str | None], Any] = {}
        _absent_values(plan, table)
        _period_values(plan, table)
        _and_membership(plan, composer)
        _each_listed(plan)
        for k in plan.conditions:
            if k.op == "==" and fixed.setdefault((k.column, k.part), k.value) != k.value:
                # "month = 1 and month = 12": no row can hold both, and "two periods" was not read
                raise Declined(
                    "I read two values of the same thing that no row can have at once "
                    f"({k.column}); ask about one, or compare them one against the other.",
                    f"한 행이 동시에 가질 수 없는 두 값을 읽었습니다 ({k.column}). 하나만 묻거나 둘을 비교해 주세요.",
                )
        _derived_measures(plan, composer.derived)
        _relative_periods_used(plan, table)
        _level_added_over_periods(plan, table)
        _events_counted(plan, composer, table)
        _frequency_counted(plan, composer, table)
        _things_beside_a_count(plan, composer, table)
        _things_of_a_repeated_id(plan, composer, table)
        _busy_rows(plan, composer, table)
        _presence(plan, composer, table)
        _periods_counted_unread(plan, composer)
        _groups_of_one_row(plan, table, question)
        _flags_counted_per_group(plan, composer)
        _measured_name_counted(plan, composer, table)
        plan.consumed, plan.function_words = composer.accounting()
    except Declined as d:
        plan = Plan("decline", lang, table.var, problem=d.ko if lang == "ko" else d.en)
        plan.understood = understood(composer)
    plan.language = lang
    plan.var = table.var
    plan.date_columns = {c.name: c.date_format for c in table.dates}
    plan.units = {c.name: c.unit for c in table.columns if c.unit}
    plan.amounts = {c.name: c.amount for c in table.columns if c.amount}
    plan.yearlike = [c.name for c in table.columns if c.yearlike]
    plan.derived = dict(composer.derived) if not plan.declined else {}
    if not plan.declined:
        spelled = [
            t(lang, f"“{said}” read as “{read}”.", f"“{said}”을(를) “{read}”(으)로 읽었습니다.")
            for said, read in getattr(reader, "corrections", [])
        ]
        plan.readings = list(
            dict.fromkeys(spelled + plan.readings + composer.readings + _rows_named_readings(mentions, table, lang))
        )
        month_readings(plan, table)
    if plan.inner is not None:  # a plan composed here (periods counted by their change)
        plan.inner.date_columns, plan.inner.units, plan.inner.yearlike = plan.date_columns, plan.units, plan.yearlike
        plan.inner.amounts = plan.amounts
        plan.inner.derived = plan.derived
    return plan


#: what a two-way breakdown computes in each combination
TWO_WAY_AGGS = ("count", "mean", "sum", "median", "min", "max", "nunique", "std", "share")


def _two_way_plan(plan: Plan, composer: Composer) -> None:
    """A plan grouped by two columns (`Composer._two_way`): one measure of the rows of every
    combination, optionally kept by conditions and ranked ("which combination has the highest
    ..."); anything else of two groupings is declined as it was."""
    second = getattr(composer, "group2", None)
    if second is None or plan.declined:
        return
    if getattr(composer, "crosstab", False) and plan.kind == "aggregate" and not plan.measures:
        plan.measures = [Measure("count")]  # "cross-tab of A and B": the rows of each combination
    if (
        plan.kind == "share"
        and plan.group is not None
        and [(x.agg, x.column) for x in plan.measures] in ([], [("count", None)])
        and not plan.conditions
        and not plan.base
    ):
        # "within each sex, the share in each major", "전공별로 성별 비율": row shares, the rows
        # of each combination as a share of the first column's group
        plan.kind, plan.measures, plan.order, plan.superlative, plan.limit = (
            "aggregate",
            [Measure("share")],
            None,
            False,
            None,
        )
    simple = (
        plan.kind == "aggregate"
        and plan.group is not None
        and plan.group.bucket is None
        and plan.group.column != second.column
        and len(plan.measures) == 1
        and plan.measures[0].agg in TWO_WAY_AGGS
        and not plan.measures[0].per
        and not (plan.sides or plan.successive or plan.having or plan.kept or plan.overall or plan.counted)
        and plan.position is None
        and plan.inner is None
        and plan.rank == 1
    )
    said = {a for _, a in composer.ctx.aggs}
    if simple and (plan.superlative or plan.limit) and plan.measures[0].column and plan.measures[0].agg not in said:
        # "인증기관과 색상별 최고 가격": each combination's highest price, or the combination of the
        # highest (average?) price; no statistic said, so which is not known
        raise Declined(
            "I read a breakdown by two columns and a highest or lowest value, but not which: each "
            "combination's own highest value, or the combination with the highest average?",
            "두 열로 나눈 값과 최고(최저)를 읽었지만, 조합마다의 최고값인지 평균이 가장 높은 조합인지 모르겠습니다.",
        )
    if simple and any(k.column in (plan.group.column, second.column) and k.op == "==" for k in plan.conditions):
        # one value of a column the rows are broken down by: no breakdown by it (a word read as
        # both, "average" a statistic and a value of y)
        raise Declined(
            f"I read both a breakdown by {plan.group.column} and {second.column} and one value of one of them.",
            f"{plan.group.column}·{second.column}별로 나누라는 말과 그중 한 값만 보라는 말을 함께 읽었습니다.",
        )
    if not simple:
        raise Declined(
            "I can break a measure down by two columns (a count, mean, total, median, minimum or "
            "maximum of each combination), but not this question in that way.",
            "두 열로 나눈 값(조합마다 개수, 평균, 합계, 중앙값, 최솟값, 최댓값)은 구할 수 있지만, "
            "이 질문을 그렇게 계산하지는 못합니다.",
        )
    plan.group2 = second


def _flags_counted_per_group(plan: Plan, composer: Composer) -> None:
    """ "number of returns by region", "which region has the fewest returns": the rows a yes/no
    flag marks counted in each group of the rows the other conditions keep, a group with none of
    them 0 (counting only the flagged rows would leave it out, and "the fewest" would miss it)."""
    if (
        plan.kind != "aggregate"
        or plan.group is None
        or plan.inner is not None
        or plan.sides
        or [(m.agg, m.column, m.per) for m in plan.measures] != [("count", None, None)]
    ):
        return
    plan.counted = [
        c for c in plan.conditions if any(c is f for f in composer.flag_conditions) and c.column != plan.group.column
    ]


def _level_added_over_periods(plan: Plan, table: Table) -> None:
    """A level recorded once a period (a population: the lexicon's `level` concepts) adds up over
    the places of one period, never over periods: "which continent has the largest population"
    of country-years added every year's population up (30 billion people in Asia). Unless one
    period is kept (an equality on the time column, or its last / first one) or the periods are
    the groups, such a total is of the latest year when the time is a column of years (said in
    the reply), and declined otherwise, with what to ask instead."""
    from .compose import _LEVELS

    times = [c for c in table.columns if (c.is_date or c.yearlike) and c.distinct > 1]
    if not times:
        return
    summed = [
        m.column
        for m in plan.measures
        if m.agg == "sum" and m.column and m.per is None and set(table.column(m.column).concepts) & _LEVELS
    ]
    if not summed:
        return
    names = {c.name for c in times}
    if plan.group is not None and plan.group.column in names:
        return

    def one_period(conditions: list[Condition]) -> bool:
        return any(
            k.column in names and (k.op == "==" or (k.op in ("last", "first") and k.value[0] == 1)) for k in conditions
        )

    # (each side of a comparison may keep its own period: "2019년 대비 2023년")
    if one_period(plan.conditions) or (plan.sides and all(one_period(side) for side in plan.sides)):
        return
    time = times[0].name
    measured_time = any(m.column in names for m in plan.measures)  # ("average yearly workers": no mean year)
    if len(times) == 1 and times[0].yearlike and not times[0].is_date and not plan.sides and not measured_time:
        # a level asked of years: the latest year's, said so ("which region has the most Filipino
        # workers" over 2019-2023 is where most work now, never five years' registrations added)
        plan.conditions.append(Condition(time, "last", (1, None, "year"), None))
        plan.readings.append(
            t(
                plan.language,
                f"{summed[0]} is a level recorded each {time}: the latest {time}'s, not every {time} added up.",
                f"{summed[0]}은(는) {time}마다 기록된 값이라, 모든 {time}를 더하지 않고 가장 최근 {time}의 값으로 계산했습니다.",
            )
        )
        return
    raise Declined(
        f"{summed[0]} is a level recorded for each period ({time}), so adding it up over every period would "
        f"count it once a period. Ask for one period (“in …”) or by {time}.",
        f"{summed[0]}은(는) 기간({time})마다 기록된 값이라, 모든 기간을 더하면 기간 수만큼 겹쳐 셉니다. 한 기간을 "
        f"정해서(“… 년”) 묻거나 {time}별로 물어봐 주세요.",
    )


def _relative_periods_used(plan: Plan, table: Table) -> None:
    """A period relative to the data ("the first year", "the latest date") picks the rows a
    measure is computed on. A plan that only lists those rows, or counts the rows of periods that
    hold one row each (always the number of periods picked), computes nothing that was asked
    ("how much was invested in the first year", "how many packages at the latest date"): declined.
    The one row of a period that holds one ("the latest level", "마지막 달의 disapprove") is its value."""
    relative = [k for k in plan.conditions if k.op in ("last", "first")]
    if not relative:
        return
    # one row per period: "the latest level" is that row's value; several: a list of values
    single = all(k.value[1] is not None or table.column(k.column).distinct >= table.rows for k in relative)
    listed = plan.kind == "rows" and not plan.order and not plan.superlative and not (plan.columns and single)
    counted = (
        plan.kind == "aggregate"
        and plan.group is None
        and [(m.agg, m.column) for m in plan.measures] == [("count", None)]
        and any(k.value[1] is not None or table.column(k.column).distinct >= table.rows for k in relative)
    )
    if listed or counted:
        raise Declined(
            "I read a period of the data (its first or last) but no measure to compute over it; "
            "name the column and what to compute (for example “total sales in the last year”).",
            "데이터의 처음이나 마지막 기간은 읽었지만 그 기간에 계산할 값을 찾지 못했습니다. "
            "열과 계산을 적어 주세요 (예: “마지막 해의 매출 합계”).",
        )


def _rows_named_readings(mentions: list[Mention], table: Table, lang: str) -> list[str]:
    """What a noun read as the rows' own (`match._rows_named`: "which province" of a table whose
    rows are named by its row names) stands for, said in the reply so a wrong reading shows."""
    out = []
    for m in mentions:
        if m.has("rows_named"):
            column = m.get("rows_named").key
            out.append(
                t(
                    lang,
                    f"“{m.text}”: the rows, each named in the column {column} (the table's row names).",
                    f"“{m.text}”: 각 행을 뜻하며, 행의 이름은 {column} 열(표의 행 이름)에 있습니다.",
                )
            )
    return out


def _groups_of_one_row(plan: Plan, table: Table, question: str) -> None:
    """ "average population per province in 2018", "mean GDP across countries in 2022" of a table
    with a column per period (wide.py): with the period and the other labels fixed, each province is
    one row (labels that key the file's rows: `Table.wide_keys`), so a mean
    (or median) per province is each row's own value and the average asked is the one over the
    provinces. A breakdown asked with "by", "별" stays one (it lists the values)."""
    if (
        table.wide_period is None
        or plan.kind != "aggregate"
        or plan.group is None
        or plan.group.bucket is not None
        or plan.superlative
        or plan.limit
        or plan.order
        and plan.order != "desc"
        or not plan.measures
        or any(m.agg not in ("mean", "median") or m.per for m in plan.measures)
        or re.search(r"\bby\b|별", question, re.IGNORECASE)
    ):
        return
    fixed = {k.column for k in plan.conditions if k.op == "==" and not isinstance(k.value, (list, tuple))}
    if table.wide_period in fixed and any(k <= fixed | {plan.group.column} for k in table.wide_keys):
        plan.group, plan.order, plan.chart = None, None, None


def _periods_counted_unread(plan: Plan, composer: Composer) -> None:
    """ "이용 건수가 전월보다 줄어든 달은 몇 개월?": the periods that fell are to be counted; a
    listing of each period's change (`successive`) answers another question, so it is declined
    (chain.py counts them where it reads the question as that)."""
    if not plan.successive or plan.inner is not None or plan.order or plan.superlative or plan.limit:
        return  # "which month fell the most": one period picked by its change, as asked
    counts = any(m.has("agg") and m.get("agg").key == "count" for m in composer.m)
    moved = any(m.has("change") and m.get("change").key in ("up", "down") for m in composer.m)
    if counts and moved:
        raise Declined(
            "I can list each period's change from the one before, but not count the periods that rose "
            "or fell as asked.",
            "기간별 전기 대비 변화는 보여 드릴 수 있지만, 물으신 대로 늘거나 줄어든 기간의 수를 세지는 못합니다.",
        )


#: Concepts of columns that count things (arrivals, passengers): their total is how many there were.
_COUNTING = {name for name, entry in lexicon().concepts.items() if entry.get("counts")}


def _presence(plan: Plan, composer: Composer, table: Table) -> None:
    """ "How many days had rain", "비가 온 날은 며칠": rows counted where an amount was recorded
    above zero, not the count beside the amount's total (two answers to another question). Only
    when the count is all that is asked (no word for a total or another statistic) and the amount
    is one that adds up (rain, sales); the reading is stated."""
    if plan.kind != "aggregate" or plan.group is not None or len(plan.measures) != 2:
        return
    counted, amount = plan.measures
    if counted.agg not in ("count", "nunique") or amount.agg != "sum" or amount.column is None:
        return
    column = table.column(amount.column) if amount.column in {c.name for c in table.columns} else None
    if column is None or not holds_presence(column):
        return
    said = [m.text for m in composer.m if m.has("agg") and m.get("agg").key in ("count", "records")]
    if set(column.concepts) & _COUNTING and any("명" in w for w in said):
        # "입국자는 모두 몇 명", "how many visitors": a column counting the things asked is their
        # total (the count of rows beside it answers another question)
        plan.measures = [amount]
        return
    asked = {m.get("agg").key for m in composer.m if m.has("agg")}
    if asked - {"count", "records", "nunique"}:
        return
    plan.measures = [counted]
    plan.conditions.append(Condition(amount.column, ">", 0))
    word = next(
        (m.text for m in composer.m if amount.column in composer.columns_of(composer.m.index(m))), amount.column
    )
    composer.readings.append(
        t(
            composer.lang,
            f"“{word}” read as rows with {amount.column} above 0.",
            f"“{word}”{particle(word, '은/는')[len(word) :]} {amount.column}이(가) 0보다 큰 행으로 읽었습니다.",
        )
    )


def _event_counts(table: Table) -> dict[str, str]:
    """The columns that count the events rows stand for, by event: a numeric column named by an
    event noun and a count head (이용건수, 대여 횟수, trip_count): {"이용": "이용건수"}."""
    events, heads = joined_forms("events"), joined_forms("count_heads")
    out: dict[str, str] = {}
    for c in table.columns:
        keys = c.base or c.keys
        if not c.numeric or not keys:
            continue
        word = "".join(keys)
        for event in events:
            if word.startswith(event) and word[len(event) :] in heads:
                out.setdefault(event, c.name)
    return out


def _frequency_counted(plan: Plan, composer: Composer, table: Table) -> None:
    """On a frequency table (`Table.frequency`: Class, Sex, Age, Survived and Freq, one row per
    combination), "how many third class passengers survived" is the total of the count column
    over the rows asked, never their number of rows (the reply says so); so is a share of them
    ("what percentage of applicants were admitted": the total over the rows asked out of the
    total over all) and a comparison of how many ("how many more men than women applied"). A
    plan that would count rows any other way (the rows that match stated by their number, a
    count beside other measures) is declined: it would count combinations."""
    column = table.frequency
    counted = [k for k, m in enumerate(plan.measures) if m.agg in ("count", "records") and m.column is None]
    if column is None or plan.kind == "decline":
        return
    # (a rate within each group, "survival rate by class", stays declined: its wording speaks of rows)
    rates = plan.kind == "share" and plan.group is not None and bool(plan.conditions)
    if plan.kind in ("aggregate", "share", "compare") and counted and len(counted) == len(plan.measures) and not rates:
        # a share of them is their total's share ("what percentage of applicants were admitted":
        # the admitted ones' Freq over all Freq), a comparison of how many compares totals
        for k in counted:
            plan.measures[k] = Measure("sum", column)
        composer.readings.append(
            t(
                composer.lang,
                f"Each row is one combination of the categories and {column} is how many it holds, so the "
                f"count is the total of {column}.",
                f"행 하나는 범주의 한 조합이고 {column}이(가) 그 수이므로, 개수는 {column}의 합계입니다.",
            )
        )
        return
    # "average age" of combinations each holding Freq people: the mean over the rows is no mean
    # of the people (vcd's Suicide: 50 over the combinations, 47.5 over the people)
    spread = ("mean", "median", "std", "var", "iqr", "cv", "skew")
    if any(
        m.column not in (None, column) and (m.agg in spread or quantile_of(m.agg) is not None) for m in plan.measures
    ):
        raise Declined(
            f"Each row of this data is one combination of the categories, holding how many in {column}; "
            f"an average over the rows would weigh every combination alike, not what {column} counts.",
            f"이 데이터의 행 하나는 범주의 한 조합이고 그 수는 {column}에 있어, 행의 평균은 {column}이(가) 세는 "
            "대상의 평균이 아닙니다.",
        )
    listed = plan.kind == "rows" and not plan.measures  # the rows that match, stated by their number
    if counted or listed or plan.kind == "share":
        raise Declined(
            f"Each row of this data is one combination of the categories, holding how many in {column}; "
            f"counting rows would count combinations. Ask for the total of {column} of the rows you mean.",
            f"이 데이터의 행 하나는 범주의 한 조합이고 그 수는 {column}에 있어, 행을 세면 조합을 세게 됩니다. "
            f"원하는 행의 {column} 합계를 물어 주세요.",
        )


def _nouns_for_things(composer: Composer, table: Table, events: bool) -> list[str]:
    """The question's nouns for things that name no column or value and are no word for rows
    themselves (rows, records, 건), nor the table's own noun for its rows; with `events`, nor an
    event the rows record (visits, trips: each row one). A word that is also filler is no such
    noun ("how many purchases are recorded": recorded, a form of record, says nothing counted)."""
    own = {"".join(name_keys(w)) for w in table_row_nouns(table)}
    happenings = joined_forms("events") if events else frozenset()
    out = []
    for m in composer.m:
        if not m.has("entity") or m.has("column") or m.has("value") or m.has("filler"):
            continue
        word = normalize(m.text).lower()
        if {word, word.rstrip("s")} & (_ROW_NOUNS | set(happenings)) or word in _ROW_COUNTERS:
            continue
        if "".join(name_keys(word)) not in own:
            out.append(m.text)
    return out


def _things_beside_a_count(plan: Plan, composer: Composer, table: Table) -> None:
    """A table with a column named only as a count (count, n, freq, 건수: how many of something
    each row holds) whose rows are not a frequency table's combinations: "how many insects were
    counted" (InsectSprays: count per plot and spray) counted the plots, 72, where the insects
    are the count column's total. Which of the two a noun for things means is not in the data:
    a plan counting rows for such a noun (not a word for rows themselves: rows, records, 건) is
    declined, saying both ways to ask."""
    if table.frequency is not None or plan.kind != "aggregate":
        return
    if not any(m.agg in ("count", "records") and m.column is None for m in plan.measures):
        return
    heads = {"".join(name_keys(str(w))) for key in ("frequency_names", "count_heads") for w in lexicon().data[key]}
    counts = [
        c.name
        for c in table.columns
        if c.numeric and c.integer and not c.row_number and "".join(c.keys) in heads and float(c.minimum or 0) >= 0
    ]
    if len(counts) != 1:
        return
    nouns = _nouns_for_things(composer, table, events=False)
    if not nouns:
        return
    raise Declined(
        f"Each row holds a count in the column “{counts[0]}”, so “{nouns[0]}” may be the rows or the total "
        f"of {counts[0]}. Ask for the number of rows, or for the total of {counts[0]}.",
        f"행마다 “{counts[0]}” 열에 개수가 있어서 “{nouns[0]}”이(가) 행의 수인지 {counts[0]}의 합계인지 알 수 "
        f"없습니다. 행의 수나 {counts[0]} 합계로 물어봐 주세요.",
    )


def _things_of_a_repeated_id(plan: Plan, composer: Composer, table: Table) -> None:
    """ "how many patients are there" of R's sleep (extra, group, ID: each patient in two rows)
    counted the rows, 20 for 10 patients. Where the table's one identifier is named only as one
    (ID, no, 번호) and its values repeat, the things a noun counts (one that is no word for rows
    and no event the rows record) are its different values; the reply says so."""
    if plan.kind != "aggregate" or [(m.agg, m.column) for m in plan.measures] != [("count", None)]:
        return
    from .catalog import _IDENTITY_WORDS

    bare = [
        c
        for c in table.columns
        if (c.keys and set(c.keys) <= _IDENTITY_WORDS | {"번호", "아이디"})
        and not c.row_number
        and 1 < c.distinct < table.rows
    ]
    nouns = _nouns_for_things(composer, table, events=True)
    if not nouns:
        return
    if not bare:
        bare = _abbreviated_ids(nouns[0], table)
    if len(bare) != 1:
        return
    column = bare[0].name
    plan.measures = [Measure("nunique", column)]
    composer.readings.append(
        t(
            composer.lang,
            f"“{nouns[0]}” counted by their different {column} values: each {column} appears in several rows.",
            f"“{nouns[0]}”은(는) 서로 다른 {column} 값으로 셌습니다: 같은 {column}이(가) 여러 행에 나옵니다.",
        )
    )


def _abbreviated_ids(noun: str, table: Table) -> list[Column]:
    """Identifier columns of the things a noun names, their name the noun cut short before an id
    word ("schools" of Project STAR's schidkn, "hospitals" of hospid, "stores" of storeno): the
    noun's first three letters or more, then id, no or nr, then anything; values repeating (the
    rows are not those things). The column's whole name is no word of its own (a name that is
    one, "schedule_no", says what it is)."""
    from .catalog import _singular

    word = normalize(noun).lower()
    stems = [w for w in (word, *_singular(word)) if w.isascii() and w.isalpha() and len(w) >= 4]
    out = []
    for c in table.columns:
        name = c.name.lower()
        if not name.isascii() or c.row_number or not (1 < c.distinct < table.rows) or c.is_date:
            continue
        for stem in stems:
            cut = next(
                (
                    k
                    for k in range(len(stem) - 1, 2, -1)
                    if name.startswith(stem[:k]) and any(name[k:].startswith(w) for w in ("id", "no", "nr"))
                ),
                None,
            )
            if cut is not None and not name.startswith(stem):
                out.append(c)
                break
    return out


def _busy_rows(plan: Plan, composer: Composer, table: Table) -> None:
    """ "the busiest month" counts the rows of each group only when each row is one event (a call,
    a visit); when rows hold amounts (a wide table's cells, a statistics table's values, counts such
    as 이용건수) or one row per thing and period, their number says nothing of how busy: declined."""
    counted = any(m.agg == "count" and m.column is None for m in plan.measures)
    if plan.kind != "aggregate" or plan.group is None or not counted:
        return
    busy = [m.text for m in composer.m if m.has("busy")]
    if not busy:
        return
    counts = set(_event_counts(table).values())
    if len(counts) == 1 and not (table.wide_period or table.indicator):
        # each row counts the events (이용건수): how busy a group is is the total of that count
        column = counts.pop()
        plan.measures = [Measure("sum", column) if m.agg == "count" and m.column is None else m for m in plan.measures]
        composer.readings.append(
            t(
                composer.lang,
                f"“{busy[0]}” read as the total of {column} (each row holds a count).",
                f"“{busy[0]}”{particle(busy[0], '은/는')[len(busy[0]) :]} {column}의 합계로 읽었습니다 (행마다 건수가 담겨 있음).",
            )
        )
        return
    if table.wide_period or table.indicator or table.periods or counts:
        raise Declined(
            f"Each row of this data holds an amount, so the number of rows does not say what is “{busy[0]}”; "
            "name the amount to total (for example “the month with the most passengers”).",
            f"이 데이터의 행에는 수량이 담겨 있어 행 수로는 “{busy[0]}” 정도를 알 수 없습니다. "
            "합계를 낼 값을 적어 주세요 (예: “승객이 가장 많은 달”).",
        )


def _events_counted(plan: Plan, composer: Composer, table: Table) -> None:
    """ "How many uses / rides / 이용": a count of the rows when each row is one (the reply says
    so), the total of the column that counts them when rows hold counts (이용건수), declined when
    rows hold counts of something the question does not name (asked "rides" of 이용건수)."""
    counted = [k for k, m in enumerate(plan.measures) if m.agg == "count" and m.column is None]
    if plan.kind != "aggregate" or not counted:
        return
    events = joined_forms("events")
    said = [m.text for m in composer.m if "".join(name_keys(m.text)) in events]
    if not said:
        return
    word = said[0]
    columns = _event_counts(table)
    if not columns:
        composer.readings.append(
            t(
                composer.lang,
                f"“{word}” counted as rows (one row each).",
                f"“{word}”{particle(word, '은/는')[len(word) :]} 행 수로 셌습니다 (행 하나가 한 건).",
            )
        )
        return
    column = columns.get("".join(name_keys(word)))
    if column is None:
        named = ", ".join(sorted(set(columns.values())))
        raise Declined(
            f"Each row of this data holds a count ({named}), so “{word}” is not its number of rows, and "
            f"I cannot tell that {named} counts “{word}”; ask for the total of {named} if it does.",
            f"이 데이터의 행에는 건수({named})가 담겨 있어 “{word}”은(는) 행 수가 아니고, {named}이(가) "
            f"“{word}”을(를) 세는지 알 수 없습니다. 그렇다면 {named} 합계를 물어 주세요.",
        )
    for k in counted:
        plan.measures[k] = Measure("sum", column)
    composer.readings.append(
        t(
            composer.lang,
            f"“{word}” counted as the total of {column} (each row holds a count).",
            f"“{word}”{particle(word, '은/는')[len(word) :]} {column}의 합계로 셌습니다 (행마다 건수가 담겨 있음).",
        )
    )


@functools.cache
def _list_words() -> frozenset[str]:
    """The words that join a list (the lexicon's `either`: and, or, 와/과, 및, ",", ...)."""
    return frozenset(str(w).lower() for w in lexicon().data["either"])


def _and_membership(plan: Plan, composer: Composer) -> None:
    """ "total of 강남과 잠실", "how many from Busan and Daegu": names of one column listed with
    "and", where no row can hold two of them, are the rows of any of them; only for a total or a
    count (the total of both is the sum of each), never for a mean or an extreme, which may ask
    for each. The names must stand together, joined by nothing but list words."""
    if plan.kind != "aggregate" or plan.group is not None or not plan.measures:
        return
    if any(m.agg not in ("sum", "count") for m in plan.measures):
        return
    by_column: dict[str, list[Condition]] = {}
    for k in plan.conditions:
        if k.op == "==" and k.part is None:
            by_column.setdefault(k.column, []).append(k)
    for column, same in by_column.items():
        values = list(dict.fromkeys(k.value for k in same))
        if len(values) < 2:
            continue
        spots = [
            i
            for i, m in enumerate(composer.m)
            if any(s.key[0] == column and s.key[1] in values for s in m.all("value"))
        ]
        if len(spots) != len(values):
            return
        for a, b in zip(spots, spots[1:]):
            gap = composer.m[a + 1 : b]
            if not gap or not all(g.text.strip().lower() in _list_words() for g in gap):
                return
        listed = Condition(column, "in", values)
        first = plan.conditions.index(same[0])
        kept = [k for k in plan.conditions if k not in same]
        kept.insert(min(first, len(kept)), listed)
        plan.conditions = kept


def _each_listed(plan: Plan) -> None:
    """ "average salary of men and women", "UPS랑 FedEx 배송의 평균 비용": a mean, a median or an
    extreme of values listed with "and" asks either the one over all their rows or each of them,
    and people mean both: the values become the groups and the one over all is given first
    (`Plan.overall`). A total or a count of them (of rows or of distinct values) stays one
    number (`_and_membership`): "how many Korean and American models" is never split."""
    if plan.kind != "aggregate" or plan.group is not None or len(plan.measures) != 1:
        return
    if plan.measures[0].agg not in _EACH_OF_LISTED or plan.measures[0].per:
        return
    listed = [k for k in plan.conditions if k.op == "in" and k.part is None and k.listed_with_and]
    if len(listed) == 1:
        plan.group = Grouping(listed[0].column)
        plan.overall = True


#: aggregations asked of each of values listed with "and" as well as of all their rows
_EACH_OF_LISTED = ("mean", "median", "min", "max", "std")


def _last_year(column: Column) -> int | None:
    """The last year a column of years or dates holds."""
    found = re.match(r"\s*(\d{4})", str(column.maximum)) if column.maximum is not None else None
    return int(found.group(1)) if found else None


def _alike(a: Column, b: Column) -> bool:
    """Whether two numeric columns measure the same kind of thing, so that one can be compared
    with the other: the same unit, or a shared part of their names (최고기온 / 최저기온,
    home_score / away_score, temp_max / temp_min)."""
    if a.unit and b.unit:
        return a.unit == b.unit
    concepts = lexicon().concepts
    if all(any(concepts.get(k, {}).get("currency") for k in c.concepts) for c in (a, b)):
        return True  # two amounts of money (cost / revenue): both in the data's currency
    words_a = {w for w in re.split(r"[\s_\-./()]+", a.name.lower()) if len(w) >= 3}
    words_b = {w for w in re.split(r"[\s_\-./()]+", b.name.lower()) if len(w) >= 3}
    if words_a & words_b:
        return True
    x, y = a.name, b.name
    if is_hangul(x[-1:]) and is_hangul(y[-1:]):
        shared = 0
        while shared < min(len(x), len(y)) and x[-1 - shared] == y[-1 - shared]:
            shared += 1
        return shared >= 2  # 최고기온 / 최저기온: 기온
    return False


def _derived_measures(plan: Plan, derived: dict[str, tuple[str, str, str]]) -> None:
    """A ratio ("revenue ÷ units") is measured as total over total, a weighted column as its
    weighted mean, and only as a statistic of rows (one, or per group): an average, a maximum or
    a condition of per-row ratios, or a change of one, is another question, declined."""
    uses = {c.column for c in [*plan.conditions, *plan.base, *(k for side in plan.sides for k in side)]}
    for k, m in enumerate(plan.measures):
        op = derived.get(m.column or "", ("", "-", ""))[1]
        if op in ("-", "q", "+") or op in DURATION_SECONDS:  # per-row values: any statistic of them
            continue
        a, _, b = derived[m.column]
        allowed = {"/": ("ratio",), "w": ("wmean", "mean")}[op]
        if (
            m.agg not in allowed
            or m.per
            or plan.kind != "aggregate"
            or plan.sides
            or len(plan.measures) > 1
            or plan.inner is not None
        ):
            raise Declined(
                f"I can give {a} per {b} as total {a} ÷ total {b}, and {a} weighted by {b} as the weighted "
                "mean, for all rows or per group; this question asks something else of them.",
                f"{b}당 {a}는 {a} 합계 ÷ {b} 합계로, {b} 가중 {a}는 가중 평균으로 전체나 그룹별로만 구할 수 있습니다. "
                "이 질문은 그와 다른 것을 묻습니다.",
            )
        plan.measures[k] = Measure("ratio" if op == "/" else "wmean", m.column)
    uses |= {*plan.columns, *plan.labels}
    if any(derived.get(c, ("", "-", ""))[1] in ("/", "w") for c in uses):
        raise Declined(
            "I can use a ratio or a weighted column as a measure, not as a condition on rows.",
            "비율이나 가중 값은 측정값으로만 쓸 수 있고 행 조건으로는 쓸 수 없습니다.",
        )


def _period_values(plan: Plan, table: Table) -> None:
    """A value of a column of periods written as text ("2023년 3월", "1995Q1") named as it is
    written becomes its period, compared with the column read as dates (as the renderers read it:
    the period's first day), so that "2023년 3월" selects that month's rows."""

    def as_period(k: Condition) -> Condition:
        fmt = table.column(k.column).date_format if k.column in {c.name for c in table.columns} else None
        if fmt not in TEXT_PERIODS or k.part is not None or k.op in ("isna", "notna"):
            return k
        if k.op not in ("==", "!="):
            raise Declined(
                f"I can compare {k.column} with one period at a time.",
                f"{k.column}은(는) 한 번에 한 기간과만 비교할 수 있습니다.",
            )
        start = text_period_start(k.value, fmt)
        if start is None:
            raise Declined(
                f"“{k.value}” is not a period of {k.column}.", f"“{k.value}”은(는) {k.column}의 기간이 아닙니다."
            )
        return dataclasses.replace(k, value=start[:10], part="date")

    plan.conditions = [as_period(k) for k in plan.conditions]
    plan.base = [as_period(k) for k in plan.base]
    plan.sides = [[as_period(k) for k in side] for side in plan.sides]


def _absent_values(plan: Plan, table: Table) -> None:
    """A name the data does not hold is declined ("X is not in column Y"), never filtered on: a
    total over no rows would be stated as 0 for something the data knows nothing about."""
    conditions = [*plan.conditions, *plan.base, *(k for side in plan.sides for k in side)]
    for k in conditions:
        if k.op not in ("==", "in") or k.part is not None or k.value is PICKED:
            continue  # (the groups an inner plan picks are the data's own)
        column = table.column(k.column)
        if (
            column.kind not in ("categorical", "text", "identifier")
            or not column.values
            or len(column.values) < column.distinct
        ):
            continue  # only a complete list of the column's values can show a value is absent
        held = {str(v) for v in column.values}
        for value in k.value if isinstance(k.value, (list, tuple)) else [k.value]:
            if str(value) not in held:
                raise Declined(f"“{value}” is not in column {k.column}.", f"“{value}”은(는) {k.column} 열에 없습니다.")


def understood(composer: Composer) -> list[str]:
    """What the planner recognised, for a decline message."""
    out = []
    for m in composer.m:
        if m.has("column"):
            names = composer.columns_of(composer.m.index(m))
            out.append(f"{m.text} → {', '.join(names[:3])}")
        elif m.has("value"):
            best = max(s.quality for s in m.all("value"))
            read = [f"{s.key[0]} = {s.key[1]}" for s in m.all("value") if s.quality >= best - 1e-9]
            out.append(f"{m.text} → {' / '.join(dict.fromkeys(read))}")  # (both, when it may be either)
        elif m.has("agg"):
            out.append(f"{m.text} → {m.get('agg').key}")
    return list(dict.fromkeys(out))


def _uses(plan: Plan, column: str) -> bool:
    """Whether a plan computes with a column as a measure or an axis (not only a condition)."""
    return any(x.column == column for x in plan.measures) or column in plan.columns
