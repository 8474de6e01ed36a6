"""What the planner knows about a dataset: its columns (names, kinds, units, concepts), its row
names, and the category values a question may name.

Built from the dataset's stored profile (kinds, ranges, top values, sample rows). The profile keeps
only a few top values per column, so when the dataset's Parquet file is at hand (the server has
it: it made it), the distinct values of its string columns are read from it too, column by column
and in batches, so memory stays small for big files; they are cached per file.
"""

from __future__ import annotations

import copy
import datetime
import itertools
import math
import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .amounts import Amount, detect, pandas_expr, parse
from .lexicon import concept_words, joined_forms, lexicon
from .text import is_hangul, name_keys, normalize, variants

#: Columns with more distinct values than this are not searched for values a question names.
MAX_VALUES = 5000
#: Largest file whose values are read (bigger files use the profile's top values only).
MAX_VALUE_SCAN_BYTES = 2 * 1024**3

_UNIT_IN_BRACKETS = re.compile(r"^(.*?)[\s_]*[(\[]([^)\]]+)[)\]]\s*$")
_UNIT_AFTER_SEPARATOR = re.compile(r"^(.*\S)[\s_]+([^\s_]+)$")
_YEAR_WORDS = {"year", "years", "yr", "yyyy"}
_KO_YEAR = ("연도", "년도", "연식", "년")
#: Date parts kept as whole numbers in columns of their own: (part, largest value, English name
#: words, Korean names), for `Column.calendar_part`.
_CALENDAR_PARTS = (
    ("month", 12, {"month", "mon", "mm"}, {"월", "달", "기준월", "발생월"}),
    ("quarter", 4, {"quarter", "qtr"}, {"분기", "기준분기"}),
    ("day", 31, {"day", "dd"}, {"일", "날"}),
)

#: Periods written as text that no date parser reads alike in pandas and SQL ("2021년 1월",
#: "2019.01", "1995Q1", "1995 Q1", "2019년 1분기"): the format's name (a column's `date_format`)
#: -> (a regular expression whose groups are the year and the month or quarter, the unit). The
#: renderers read a value as the first day of its period; a value not written so is no date.
TEXT_PERIODS: dict[str, tuple[str, str]] = {
    "text:year-month-ko": (r"^\s*(\d{4})\s*년\s*(\d{1,2})\s*월\s*$", "month"),
    "text:year.month": (r"^\s*(\d{4})\s*[./]\s*(\d{1,2})\.?\s*$", "month"),
    "text:year-quarter": (r"^\s*(\d{4})\s*[-./ ]?\s*[Qq]\s*([1-4])\s*$", "quarter"),
    "text:year-quarter-ko": (r"^\s*(\d{4})\s*년\s*([1-4])\s*분기\s*$", "quarter"),
}


#: Months written as decimal numbers ("2019.01" read as 2019.01, "2019.10" as 2019.1): the year
#: before the point, the month as two digits after it.
YEAR_DOT_MONTH = "number:year.month"

#: Periods written as decimal years, as R's `time()` of a monthly or quarterly series writes them
#: (1949, 1949.0833 for February, 1960.25 for the second quarter): the year before the point, the
#: month from the fraction of the year (twelfths).
DECIMAL_YEAR = "number:decimal-year"


def _time_named(column: Column) -> bool:
    """A name that speaks of time (time, date, period, 연월, 시점...), as `_yyyymm` asks."""
    name = "".join(column.keys)
    words = {"month", "date", "period", "ym", "yearmonth", "time", "year"}
    return bool(
        words & set(column.keys)
        # a numbered one (Journals' date1, a founding year; time2): the same word
        or any(k.rstrip("0123456789") in words and k[-1:].isdigit() for k in column.keys)
        or any(w in name for w in ("월", "년월", "연월", "일자", "시점", "기간", "연도", "년도"))
        or {"month", "date"} & set(column.concepts)
    )


#: The years a four-digit number is read as a year by itself (a column of years or of months
#: written 2019.01, dates written 20230105, a wide table's header, a year said in a question):
#: measurements near 2000 are never periods unless a name says so.
YEARS = (1800, 2200)
#: The years a column NAMED for years may hold: London's christenings from 1629, reigns from 1066.
NAMED_YEARS = (1000, 2200)


def within_years(low: float, high: float) -> bool:
    """Whether numbers from `low` to `high` are all years of `YEARS` (a decimal year's fraction,
    2200.5, still in 2200)."""
    return YEARS[0] <= low and high < YEARS[1] + 1


def _decimal_year(column: Column, sampled: list[Any]) -> bool:
    """A numeric column of decimal years (1949.0833 ... 1960.9167): a name that speaks of time,
    every value a year of `YEARS` whose fraction is a whole number of twelfths (a month's start),
    some of them past the point, so that measurements near 2000 are never read as periods."""
    if column.minimum is None or not within_years(float(column.minimum), float(column.maximum)):
        return False
    if not _time_named(column):
        return False
    values = [float(v) for v in [column.minimum, column.maximum, *sampled] if v is not None]
    twelfths = [(v - math.floor(v + 1e-6)) * 12 for v in values]
    return len(values) >= 3 and all(abs(t - round(t)) < 1e-3 for t in twelfths) and any(round(t) for t in twelfths)


def decimal_year_start(value: float) -> str:
    """The first day of the month a decimal year names (1949.0833 -> 1949-02-01)."""
    year = math.floor(float(value) + 1e-6)
    month = round((float(value) - year) * 12) + 1
    return f"{year:04d}-{month:02d}-01T00:00:00"


def _year_dot_month(column: Column, sampled: list[Any]) -> bool:
    """A numeric column of months written 2019.01 ... 2019.12 (as Korean statistics write them),
    read as numbers: every value a year with a month 01-12 after the point, and a name that
    speaks of time (as `_yyyymm` asks), so that measurements near 2000 are never read as months."""
    if column.minimum is None or not within_years(float(column.minimum), float(column.maximum)):
        return False
    name = "".join(column.keys)
    if not (
        {"month", "date", "period", "ym", "yearmonth", "time"} & set(column.keys)
        or any(w in name for w in ("월", "년월", "연월", "일자", "시점", "기간"))
        or {"month", "date"} & set(column.concepts)
    ):
        return False
    values = [float(v) for v in [column.minimum, column.maximum, *sampled] if v is not None]
    months = [round((v - math.floor(v)) * 100, 6) for v in values]
    return bool(values) and all(m.is_integer() and 1 <= m <= 12 for m in months)


def text_period_format(values: list[Any]) -> str | None:
    """The `TEXT_PERIODS` format every one of a text column's values is written in, if any (all
    with a valid month or quarter; at least three values)."""
    texts = [str(v) for v in values if isinstance(v, str) and v.strip()]
    if len(texts) < 3:
        return None
    for name, (pattern, unit) in TEXT_PERIODS.items():
        found = [re.match(pattern, t) for t in texts]
        if all(found) and all(1 <= int(m.group(2)) <= (12 if unit == "month" else 4) for m in found):
            return name
    return None


def text_period_start(value: Any, fmt: str) -> str | None:
    """The first day of the period a value written in `fmt` (a `TEXT_PERIODS` name) names."""
    pattern, unit = TEXT_PERIODS[fmt]
    m = re.match(pattern, str(value))
    if not m:
        return None
    year, part = int(m.group(1)), int(m.group(2))
    month = part if unit == "month" else 3 * part - 2
    if not 1 <= month <= 12:
        return None
    return f"{year:04d}-{month:02d}-01T00:00:00"


#: how the yes and the no side of a yes/no column are written
_YES = frozenset(("yes", "true", "y", "t", "1", "present", "예", "네", "있음", "유", "o"))
_NO = frozenset(("no", "false", "n", "f", "0", "absent", "아니오", "아니요", "없음", "무", "x"))


@dataclass
class Column:
    name: str
    kind: str  # numeric, categorical, boolean, datetime, text, identifier
    dtype: str
    keys: tuple[str, ...]  # the whole name as tokens
    base: tuple[str, ...]  # the name without its unit
    unit: str | None
    concepts: dict[str, float] = field(default_factory=dict)  # concept -> how centrally
    values: list[Any] = field(default_factory=list)
    distinct: int = 0
    nulls: int = 0
    minimum: Any = None
    maximum: Any = None
    mean: float | None = None
    integer: bool = False
    date_format: str | None = None  # dates stored as text ("mixed": "Jan 1 2000") or as numbers
    # ("%Y%m%d": 20230105): parsed in the code
    granularity: str | None = None  # for dates: one row per "day", "week", "month"... (per thing)
    # a column of times of day without dates: "text" (zero-padded "21:05", compared as written)
    # or "hour" (whole hours 0-23 as integers, named as hours: hour, 시간, 시각)
    clock: str | None = None
    # a category whose values are all levels of one ordered scale of the lexicon: its values in
    # order, lowest first, and which way is worse ("up", "down", None)
    levels: list[Any] | None = None
    worse: str | None = None
    # the few values a column of measured numbers takes, read from the file (dose 0.5, 1, 2 of an
    # experiment): a number said after the column is one of them ("dose 2"); None otherwise
    settings: list[float] | None = None
    # amounts written as text ("$85,200", "12.5%", "3억 2,000만"): how, read as numbers in the code
    # (amounts.py); the column is then numeric, in `unit`
    amount: Amount | None = None
    row_number: bool = False  # the row numbers a program wrote with the table (R's, pandas' index)
    # whole numbers numbering things of a panel (airline 1-6 by year: `_numbered_things`)
    numbers_things: bool = False
    # a category whose values are the names of a calendar part: "weekday" (Mon..Sun), "month"
    # (Jan..Dec), "quarter" (Q1..Q4), read from its values (`match.calendar_groups`)
    calendar_names: str | None = None
    # the year a name ends with, as panel surveys and published tables write one measure per wave
    # (Baseball's hits86, sal87; Schooling's ed66, ed76; gdp2010): its base is the name before it
    # (`_year_suffixes`)
    name_year: int | None = None

    @property
    def numeric(self) -> bool:
        return self.kind == "numeric" and self.date_format is None

    @property
    def date_text(self) -> bool:
        return self.date_format is not None

    @property
    def is_date(self) -> bool:
        return self.kind == "datetime" or self.date_format is not None

    @property
    def yearlike(self) -> bool:
        """An integer column of years (Year, 건축년도, model_year): no thousands separators. Its
        name says years, so any four-digit year counts: London's christenings from 1629, a
        history's reigns from 1066 (numbers near 2000 unnamed are never taken for years). A name
        of time in general (R's `time` of an annual series, lynx 1821-1934; period, 시점) holds
        years when every value is one of `YEARS`."""
        if not (self.numeric and self.integer) or self.minimum is None:
            return False
        in_range = NAMED_YEARS[0] <= float(self.minimum) and float(self.maximum) <= NAMED_YEARS[1]
        words = set(self.keys)
        joined = "".join(self.keys)
        if within_years(float(self.minimum), float(self.maximum)) and _time_named(self):
            return True
        return in_range and (
            bool(words & _YEAR_WORDS)
            or any(w in joined for w in _KO_YEAR)
            or "year" in self.concepts
            or "built_year" in self.concepts
        )

    @property
    def calendar_part(self) -> str | None:
        """The part of a date a whole-number column holds, as published tables keep dates in
        several columns (airquality's Month and Day, a Year + Quarter pair, 연도 + 월): "month"
        (1-12), "quarter" (1-4) or "day" (of the month, 1-31), by its name and its range; None
        for any other column. A day is a part only beside a month (`Table.calendar_parts`)."""
        if not (self.numeric and self.integer) or self.minimum is None or self.maximum is None:
            return None
        low, high = float(self.minimum), float(self.maximum)
        keys = set(self.base or self.keys)
        joined = "".join(self.base or self.keys)
        for part, top, words, korean in _CALENDAR_PARTS:
            named = keys & words or joined in korean or (part != "day" and part in self.concepts)
            if low >= 1 and high <= top and named:
                return part
        return None

    @property
    def few_whole_numbers(self) -> bool:
        """Whole numbers of a few values (2-24: cylinders, party sizes, airlines 1-6): a column
        that groups like a category."""
        return self.numeric and self.integer and 1 < self.distinct <= 24

    @property
    def flag(self) -> bool:
        """A yes/no column: booleans, whole numbers that are only ever 0 or 1 (is_canceled,
        survived, 흡연여부 written 0/1), and two values that say yes and no however spelled
        (yes/no, Y/N, TRUE/FALSE as text, present/absent, 예/아니오)."""
        if self.kind == "boolean":
            return True
        if self.kind == "categorical" and self.distinct == 2:
            return self.truth is not None
        concepts = lexicon().concepts
        if any(concepts.get(k, {}).get("sides") for k in self.concepts) and not _one_sex_named(self):
            return False  # sex written 0/1: two kinds, neither a yes (female 0/1 says which is 1)
        return (
            self.numeric
            and self.integer
            and self.distinct == 2
            and self.minimum is not None
            and float(self.minimum) == 0
            and float(self.maximum) == 1
        )

    @property
    def truth(self) -> tuple[Any, Any] | None:
        """The values of a yes/no column as stored, its yes side first: (True, False), (1, 0),
        ("yes", "no"), ("Y", "N"), ("present", "absent"), ("예", "아니오"); None for a column whose
        two sides cannot be told."""
        if self.numeric:
            return (1, 0) if self.flag else None
        yes = [v for v in self.values if str(v).strip().lower() in _YES]
        no = [v for v in self.values if str(v).strip().lower() in _NO]
        if len(yes) == 1 and len(no) == 1:
            return yes[0], no[0]  # as stored: "yes"/"no", "Y"/"N" (a boolean the reader made of text)
        if self.dtype.startswith("bool") or (self.kind == "boolean" and not self.values):
            return True, False
        return None

    @property
    def names_codes(self) -> bool:
        """Whether the column's numbers name things and count none (`named_as_code`, or a panel's
        numbered things: `numbers_things`), so "how many zip codes" asks how many different
        ones, and nothing adds them up."""
        return self.named_as_code or self.numbers_things

    @property
    def named_as_code(self) -> bool:
        """Whether the column's name ends in a word of codes or identities (zip_code, order_no,
        customer_id, 노선번호; the lexicon's `code_names`)."""
        keys = self.base or self.keys
        if not keys:
            return False
        if (len(keys) >= 2 and keys[-1] in _IDENTITY_WORDS) or keys[-1] in joined_forms("code_names"):
            return True
        return hangul_code_named(keys)

    @property
    def counted_noun(self) -> str | None:
        """The things a column of whole numbers counts when its name says so with a count word
        before a noun (the lexicon's `count_prefixes`): ncases, n_cases, num_children, cnt_orders,
        no_of_visits -> cases, children, orders, visits (R's and SAS's habit for counts). A name
        run together is split only before a plural of four letters or more (nkids, ncontrols),
        which the question must then write as the name does. None for any other column."""
        if not (self.numeric and self.integer) or self.minimum is None or float(self.minimum) < 0:
            return None
        keys = self.keys
        if not keys or not all(k.isascii() and k.isalpha() for k in keys):
            return None
        prefixes = sorted(joined_forms("count_prefixes"), key=len, reverse=True)
        if len(keys) >= 2 and keys[0] in prefixes:
            rest = keys[1:]
            if rest[0] == "of" and len(rest) > 1:
                rest = rest[1:]
            elif keys[0] == "no":
                return None  # no_show is no count of shows; no_of_visits is
            return " ".join(rest) if len(rest) == 1 and len(rest[0]) >= 3 else None
        if len(keys) == 1:
            for prefix in prefixes:
                rest = keys[0][len(prefix) :]
                if keys[0].startswith(prefix) and len(rest) >= 4 and _singular(rest):
                    return rest
                if keys[0].startswith(prefix) and len(prefix) >= 3 and len(rest) >= 4 and _known_noun(rest):
                    return rest + "s"  # numvisit: a count of visits, the noun written singular
        return None

    @property
    def categorical(self) -> bool:
        """Can be grouped by: categories, booleans, and integer columns with few values."""
        if self.kind in ("categorical", "boolean"):
            return True
        if self.numeric and self.integer and 0 < self.distinct <= 60:
            return True
        if self.numeric and self.integer and self.names_codes:
            return True  # customer_id, store_no: the things the rows are about, however many
        return self.kind in ("text", "identifier") and 0 < self.distinct <= 60


def hangul_code_named(keys: tuple[str, ...]) -> bool:
    """Whether a name written in Korean ends in a word of codes or identities after a noun of its
    own (환자번호, 회원코드, 고객아이디, 2호선: the lexicon's `code_names` and `id_words`). Korean glues
    the two into one word where English writes patient_id, so the test is on the name's end, not on
    its last word."""
    joined = "".join(keys)
    if not joined or not all(is_hangul(ch) or ch.isdigit() for ch in joined):
        return False
    words = (w for w in joined_forms("code_names") | joined_forms("id_words") if is_hangul(w))
    return any(joined.endswith(w) and len(joined) > len(w) for w in words)


def _numbered_things(table: Table, dataset: dict[str, Any]) -> None:
    """Whole numbers under the singular name of a kind of thing that, with a column of time,
    key the rows (airline 1-6 x 15 years, firm 1-140 over 7-9 years each, subject 308-372 x days
    0-9: a panel of numbered things): which one, never how many ("how many airlines" are its
    different values, "total of subject" means nothing). The rows are one per thing and period
    when the two columns' distinct counts multiply to about the row count or more (a panel may
    miss some years of some things) and, with the data at hand, no pair of values repeats. A
    column of years of schooling named school is no such panel, and stays a measure."""
    periods = _period_words()

    def period_name(c: Column) -> bool:
        keys = c.base or c.keys
        return len(keys) == 1 and (keys[0] in periods or any(w in periods for w in _singular(keys[0])))

    # (a time column, or whole numbers named as a period: Airline's year 1-15, Cigar's year 63-92,
    # sleepstudy's Days 0-9)
    times = [c for c in table.columns if (c.yearlike or c.is_date or (c.integer and period_name(c))) and c.distinct > 1]
    rows = max(table.rows, 1)
    pairs = []
    for c in table.columns:
        keys = c.base or c.keys
        if not (c.numeric and c.integer and len(keys) == 1 and keys[0] in _thing_names() and c.distinct > 1):
            continue
        pairs += [
            (c.name, t.name)
            for t in times
            if t is not c and 0.5 * c.distinct * t.distinct <= rows <= 1.1 * c.distinct * t.distinct
        ]
    if not pairs:
        return
    unique = _pairs_unique(dataset, pairs)
    if unique is None:  # without the data, only a panel with every thing in every period
        unique = [
            (a, b) for a, b in pairs if abs(table.column(a).distinct * table.column(b).distinct - rows) <= 0.1 * rows
        ]
    for name, _ in unique:
        table.column(name).numbers_things = True


def _labelled_things(table: Table) -> None:
    """Whole numbers under the singular name of a kind of thing (the lexicon's `entity` nouns:
    BROOD 501-743, LOCATION 1-63, Litter, Pig 4601-8442) that measure nothing (no lexicon concept
    of a measure) and repeat over the rows (each thing in several rows: chicks of a brood, pigs
    weighed weekly): which one, never how many, as `_numbered_things` reads a panel's numbers.
    "by BROOD" groups by them however many they are, "how many broods" counts the different ones,
    and nothing adds them up. A word for the table itself (table, list: `record_words`) names no
    such thing (diamonds' `table` is a width), nor does an event the rows record (`events`)."""
    concepts = lexicon().concepts
    tables = {str(w).lower() for w in lexicon().data["record_words"]}
    tables |= {str(w).lower() for w in lexicon().data["events"]}  # (visit 1-4: each event a row)
    for c in table.columns:
        keys = c.base or c.keys
        if not (c.numeric and c.integer and len(keys) == 1) or keys[0] not in _thing_names() or keys[0] in tables:
            continue
        if c.row_number or c.yearlike or c.is_date or c.calendar_part or c.minimum is None or float(c.minimum) < 0:
            continue
        if any(concepts.get(k, {}).get(flag) for k in c.concepts for flag in _MEASURE_FLAGS):
            continue
        if 1 < c.distinct <= table.rows / 2:
            c.numbers_things = True


def _two_sexes(column: Column) -> bool:
    """Whether a column's two values are the two sexes (the lexicon's `values` lines of male and
    female: Men and Women, M and F, 남 and 여), whatever its name (pscl's fem); or a yes/no column
    named by one of them (female 0/1)."""
    values = [normalize(str(v)) for v in (column.values or []) if v is not None and str(v).strip()]
    if not values and column.kind == "numeric" and column.distinct == 2:
        values = [normalize(str(v)).removesuffix(".0") for v in (column.minimum, column.maximum)]
    if len(values) != 2:
        return False
    male, female = _sex_lines()
    if {values[0] in male, values[1] in male} == {True, False} and any(v in female for v in values):
        return True
    # a yes/no column named by one sex (female 0/1 of rwm1984): which sex each row is
    yes_no = {"0", "1", "true", "false", "yes", "no"}
    return _one_sex_named(column) and set(values) <= yes_no


def _one_sex_named(column: Column) -> bool:
    """Whether a column's name is one sex's word (female, male, woman): its yes is that sex."""
    keys = column.base or column.keys
    return len(keys) == 1 and any(keys[0] in line for line in _sex_lines())


@lru_cache(maxsize=1)
def _sex_lines() -> tuple[frozenset[str], frozenset[str]]:
    """The forms of the lexicon's `values` lines of male and of female (men, 남성; women, 여성)."""
    lines = [frozenset(normalize(str(f)) for f in line) for line in lexicon().data["values"]]
    return (
        next((line for line in lines if "male" in line), frozenset()),
        next((line for line in lines if "female" in line), frozenset()),
    )


@lru_cache(maxsize=1)
def _period_words() -> frozenset[str]:
    """Words naming a period (the lexicon's buckets and date units, period, time): a column so
    named holds periods, and no such word names a kind of thing."""
    lex = lexicon().data
    return frozenset({str(w) for w in lex["bucket"]} | {str(w) for w in lex["date_units"]} | {"period", "time"})


@lru_cache(maxsize=1)
def _thing_names() -> frozenset[str]:
    """Singular English nouns for kinds of things rows can be (the lexicon's `entity` words, with
    airline beside airport), without words for rows themselves (row, case, reading), periods
    (day, year, hour) and plurals (people; "class" ends in s and is none): a column of whole
    numbers named by one numbers those things."""
    lex = lexicon().data
    periods = _period_words() | {"date"}
    rows = {str(w) for w in lex["row_nouns"]}
    return frozenset(
        w
        for w in (str(x) for x in lex["entity"])
        if w.isascii() and w.isalpha() and w.islower() and not _singular(w) and w not in periods | rows | {"people"}
    )


def _smallest(column: Column) -> float | None:
    """A numeric column's smallest value as a number (None when not known)."""
    if not column.numeric or column.minimum is None:
        return None
    try:
        return float(column.minimum)
    except (TypeError, ValueError):
        return None


def holds_presence(column: Column) -> bool:
    """Whether a row "has" some of this column's amount exactly when the value is above 0 ("days
    had rain", "orders with a discount", "비가 온 날", "할인 받은 거래"): a numeric amount that is
    never negative and either adds up (rain, sales: its lexicon concept is `additive`) or records
    none as 0 (its smallest value is 0). The one rule for a presence; see `holds_absence`."""
    low = _smallest(column)
    if low is None or low < 0:
        return False
    additive = any(lexicon().concepts.get(k, {}).get("additive") for k in column.concepts)
    return additive or low == 0


def holds_absence(column: Column) -> bool:
    """Whether "none of it" ("days without rain", "할인이 없는 판매") is a value of 0 in this column:
    a presence (`holds_presence`) whose rows record none as 0 (its smallest value is 0) and never
    leave it empty (an empty cell might be none or unknown)."""
    return holds_presence(column) and _smallest(column) == 0 and not column.nulls


def names_each_row(distinct: int, rows: int) -> bool:
    """Whether `distinct` values over `rows` rows all but name each row: 90% of the rows or more
    have a value of their own (a few repeats, a few missing). One rule wherever the analyst asks
    if a column names the rows (the things counted, the labels of a superlative's rows, a date
    column that is the series' own timeline)."""
    return distinct >= 0.9 * max(rows, 1)


@dataclass
class Table:
    var: str
    name: str
    rows: int
    columns: list[Column]
    labels: list[str] = field(default_factory=list)  # columns naming a row, in order
    # the column of row names (R's write.csv, pandas' index: `row_names_column`), or None
    row_names: str | None = None
    # the count column of a frequency table (`frequency_column`: Freq of R's as.data.frame), or None
    frequency: str | None = None
    # (name column, time column) pairs that key the rows: one row per name and period (firm-years,
    # ticker-days), verified against the data (`_periods_keyed`); None when no file was at hand
    periods: list[tuple[str, str]] | None = None
    # a long table as statistics offices publish them (KOSIS, BLS, Eurostat): (indicator column,
    # value column); the indicator column's values say what each row's number measures (취업자,
    # "Unemployment rate") and the one value column holds every number (`indicator_columns`)
    indicator: tuple[str, str] | None = None
    # a wide table read in long form (wide.py): the column holding the periods its file has one
    # column each for (연도 of `시도, 2015, ..., 2023`), each period one row per label
    wide_period: str | None = None
    wide_kind: str | None = None  # what its periods are: year, month, quarter, year_month
    wide_keys: list[frozenset[str]] = field(default_factory=list)  # sets of its labels naming each row once
    # what the table was described from (`build_table`'s key of its dataset), so that what is
    # worked out from the table alone is worked out once per dataset, not once per question
    fingerprint: str | None = field(default=None, compare=False)
    # columns of month names that restate the first date column's month (`_restated_months`)
    restated_months: frozenset[str] = frozenset()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def of_kind(self, *kinds: str) -> list[Column]:
        return [c for c in self.columns if c.kind in kinds]

    def names_rows(self, column: str | Column) -> bool:
        """Whether a column's values all but name each row (`names_each_row`): a table of
        countries' country, an order id, a daily series' date."""
        col = column if isinstance(column, Column) else self.column(column)
        return names_each_row(col.distinct, self.rows)

    def groups_rows(self, name: str) -> bool:
        """Whether the values of column `name` repeat enough for a number of rows per value to be
        asked ("districts with more than 20 schools"): two rows or more each on average. Of a table
        of districts, one row each, "districts with more than 10000 students" counts something the
        rows hold, not rows per district."""
        return self.column(name).distinct * 2 <= self.rows

    @property
    def numeric(self) -> list[Column]:
        return [c for c in self.columns if c.numeric]

    def calendar_parts(self) -> dict[str, str]:
        """{part: column} of the date parts held in whole-number columns of their own (see
        `Column.calendar_part`), each part in one column only; a day of the month only beside
        a month, and a year (`Column.yearlike`) beside a month or quarter."""
        found: dict[str, list[str]] = {}
        for c in self.columns:
            part = "year" if c.yearlike else c.calendar_part
            if part:
                found.setdefault(part, []).append(c.name)
        parts = {part: names[0] for part, names in found.items() if len(names) == 1}
        if "month" not in parts:
            parts.pop("day", None)
        if "month" not in parts and "quarter" not in parts:
            parts.pop("year", None)
        return parts

    @property
    def dates(self) -> list[Column]:
        return [c for c in self.columns if c.is_date]

    def month_names_of_date(self, name: str) -> bool:
        """Whether column `name` holds month names (Apr, May, ...) that restate a date column's
        month (`_restated_months`), so a row is named, and a month asked, by the date (Sep 1855,
        never the Septembers of every year pooled). A month of something else beside a date (a
        member's birth month beside the signup date) is a category of its own."""
        return name in self.restated_months

    def label_for(self, name: str) -> str:
        """The column a row is named by when column `name` is asked for its name: the date for a
        column of month names beside it (`month_names_of_date`), else `name`."""
        return self.dates[0].name if self.month_names_of_date(name) else name

    def is_year(self, value: Any) -> bool:
        """Whether a whole number may be a year of this table: in `YEARS`, or within the years a
        column of years holds (1665 of christenings kept from 1629)."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            return False
        if not number.is_integer():
            return False
        if within_years(number, number):
            return True
        return any(float(c.minimum) <= number <= float(c.maximum) for c in self.columns if c.yearlike)


# --- names ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Form:
    """A concept's form (a word or phrase of the lexicon) as column names are matched to it."""

    keys: tuple[str, ...]
    hangul: str | None  # the form written in Hangul, joined ("판매량"); None when it is not
    initials: frozenset[str] | None  # Latin forms squashed runs may abbreviate: first letters of
    # the first word's variants (`abbreviates` needs one); else None


@dataclass(frozen=True, eq=False)  # compared (and hashed, for the cache) by identity
class _Index:
    """What naming columns needs from the lexicon, tokenized once per lexicon instead of once
    per column and form (tokenizing the lexicon's forms was nearly all of `build_table`'s time)."""

    source: Any  # the lexicon it was built from
    forms: dict[str, tuple[_Form, ...]]  # concept -> its forms
    units: frozenset[str]
    suffixes: frozenset[str]
    words: frozenset[str]  # every concept's Korean forms, whole
    # every (concept, form) in the lexicon's order, and where to find the few a name can match:
    # by the form's first word (a name must hold it to spell the form), the forms written in
    # Hangul (matched inside a Korean name), and by the first letters a run may abbreviate
    pairs: tuple[tuple[str, _Form], ...] = ()
    by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)
    hangul_at: tuple[int, ...] = ()
    by_initial: dict[str, tuple[int, ...]] = field(default_factory=dict)


_index_slot: list[_Index] = []
_index_lock = threading.Lock()


def _index() -> _Index:
    lex = lexicon()
    with _index_lock:
        if _index_slot and _index_slot[0].source is lex:
            return _index_slot[0]
        forms: dict[str, tuple[_Form, ...]] = {}
        for concept, entry in lex.concepts.items():
            made = []
            for form in entry["forms"]:
                fk = name_keys(form)
                if not fk:
                    continue
                hangul = "".join(fk) if all(is_hangul(k) for k in fk) else None
                latin = all(w.isascii() and w.isalpha() for w in fk) and len("".join(fk)) >= 3
                made.append(_Form(fk, hangul, frozenset(w[0] for w in variants(fk[0]) if w) if latin else None))
            forms[concept] = tuple(made)
        pairs = tuple((concept, form) for concept, fs in forms.items() for form in fs)
        by_first: dict[str, list[int]] = {}
        by_initial: dict[str, list[int]] = {}
        for at, (_, form) in enumerate(pairs):
            by_first.setdefault(form.keys[0], []).append(at)
            for letter in form.initials or ():
                by_initial.setdefault(letter, []).append(at)
        index = _Index(
            lex,
            forms,
            frozenset(u for fs in lex.data["units"].values() for u in fs),
            frozenset(lex.data["name_suffixes"]),
            frozenset(f.hangul for fs in forms.values() for f in fs if f.hangul),
            pairs,
            {k: tuple(v) for k, v in by_first.items()},
            tuple(at for at, (_, form) in enumerate(pairs) if form.hangul is not None),
            {k: tuple(v) for k, v in by_initial.items()},
        )
        _index_slot[:] = [index]
        _concepts_of.cache_clear()  # results of an older lexicon
        return index


def _unit_and_base(name: str) -> tuple[tuple[str, ...], str | None]:
    m = _UNIT_IN_BRACKETS.match(str(name))
    if m and m.group(1).strip():
        if bracket_alias(name) is not None:
            return name_keys(m.group(1)), None  # 판매지역(시도): another name, not a unit
        return name_keys(m.group(1)), m.group(2).strip()  # as written (㎡ stays ㎡)
    # a unit written as the name's last part after a separator, as written in any case or script:
    # 사용량_kWh, 생산량_톤, area_ha (a Korean unit is told from a syllable of the name only here)
    m = _UNIT_AFTER_SEPARATOR.match(str(name))
    if m and _separate_unit(m.group(2)) and name_keys(m.group(1)):
        base = name_keys(m.group(1))
        if base[-1] != "per" and not (len(base) >= 2 and base[-1] in ("in", "of")):
            return base, m.group(2)
    keys = name_keys(name)
    if len(keys) >= 2 and keys[-1] in _index().units and not is_hangul(keys[-1]):
        base = keys[:-1]
        if base[-1] == "per":
            return keys, None  # cost_per_kg: a rate per kg, not an amount in kg
        if len(base) >= 2 and base[-1] in ("in", "of"):
            base = base[:-1]
        return base, keys[-1]
    return keys, None


def _separate_unit(part: str) -> bool:
    """A name's last part is its unit: a unit of the lexicon, but not a Korean noun that is also
    a counter (1인_가구, 고령_세대 name who is counted, not the unit counted in)."""
    if part.lower() not in _index().units:
        return False
    if not is_hangul(part) or len(part) == 1:
        return True
    counters = {str(f) for kind in ("count", "age", "rank") for f in lexicon().data["units"][kind]}
    return part not in counters


def bracket_alias(name: str) -> tuple[str, ...] | None:
    """The other name a column gives in brackets ("동네(법정동)", "판매지역(시도)"): a Korean word of
    two syllables or more that is no unit (만원, 명, 개소 are units: "가격(만원)")."""
    m = _UNIT_IN_BRACKETS.match(str(name))
    if not m or not m.group(1).strip():
        return None
    inside = m.group(2).strip()
    units = _index().units
    scales = {str(f) for forms in lexicon().data["multipliers"].values() for f in forms}
    # a unit, or a unit with its scale (천명, 백만원): the values' unit, not a name
    unitlike = inside in units or any(inside == f"{s}{u}" for s in scales for u in units if is_hangul(u))
    if not is_hangul(inside) or len(inside) < 2 or unitlike:
        return None
    return name_keys(inside)


def _contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


def _squashed(keys: tuple[str, ...]) -> str:
    """Name parts run together without dots and separators: ('pm2', '.5') -> 'pm25'."""
    return re.sub(r"[\W_]", "", "".join(keys))


@lru_cache(maxsize=4)
def _run_together_words(index: _Index) -> tuple[frozenset[str], frozenset[str]]:
    """The one-word Latin forms of the concepts, and those with the words that join them in a name."""
    words = frozenset(f.keys[0] for fs in index.forms.values() for f in fs if len(f.keys) == 1 and f.keys[0].isascii())
    words = frozenset(w for w in words if w.isalpha() and len(w) >= 2)
    glue = frozenset(str(w).lower() for w in index.source.data.get("name_glue", []))
    return words, words | glue


def run_together(keys: tuple[str, ...]) -> tuple[str, ...] | None:
    """A Latin name written as one word run together from words of the lexicon (poptotal ->
    pop + total, percbelowpoverty -> perc + below + poverty, repwt -> rep + wt), as R and older
    statistical tables name columns; None when the name is a word of its own or does not split
    wholly into such words (the fewest parts, each of two letters or more, one of them a concept's
    word of three letters or more)."""
    if len(keys) != 1:
        return None
    word = keys[0]
    if not (word.isascii() and word.isalpha() and word.islower() and len(word) >= 5):
        return None
    concepts, known = _run_together_words(_index())
    if word in known:
        return None
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(2, len(word) + 1):
        for start in range(0, end - 1):
            head = best[start]
            if head is None or word[start:end] not in known:
                continue
            if best[end] is None or len(head) + 1 < len(best[end]):  # type: ignore[arg-type]
                best[end] = (*head, word[start:end])
    parts = best[-1]
    if not parts or len(parts) < 2 or not any(p in concepts and len(p) >= 3 for p in parts):
        return None
    return parts


#: the shortest piece of a run-together name read as the short form of a word (avg, inc, prs)
_SHORT_PIECE = 3
#: what a lexicon concept says when it is a measure (an amount, a count, a level, a better
#: direction): such a concept names only a column of numbers
_MEASURE_FLAGS = ("additive", "better", "counts", "level", "currency")


def spelled_out(keys: tuple[str, ...]) -> tuple[tuple[str, str, str | None], ...] | None:
    """A Latin name run together from words and their short forms, as economists and statistical
    tables write them: 'avgprs' -> avg (average) + prs (prices), 'perinc' -> per + inc (income),
    'enrltot' -> enrl (enrollment) + tot (total), 'tchratio' -> tch (teacher) + ratio. Each piece
    is a word of the lexicon in full, a word that joins names (avg, tot, pct, per) or the start or
    consonant skeleton (`match.abbreviates`) of ONE concept's one-word form; the WHOLE name must
    split so, in the fewest pieces, in one way only. (piece, the word it stands for, its concept
    or None) each; None when the name does not split so wholly and unambiguously."""
    if len(keys) != 1:
        return None
    word = keys[0]
    if not (word.isascii() and word.isalpha() and word.islower() and 5 <= len(word) <= 14):
        return None
    return _spelled_out(word, _index())


@lru_cache(maxsize=8192)
def _piece_readings(piece: str, index: _Index) -> tuple[tuple[str, str | None], ...]:
    """What one piece of a name may stand for: (word, concept) pairs, the concept None for a word
    that only joins names (avg, tot, pct)."""
    from .match import abbreviates

    concepts, known = _run_together_words(index)
    found: dict[str | None, str] = {}
    if piece in known and piece not in concepts:
        found[None] = piece
    for at in index.by_initial.get(piece[0], ()):
        concept, form = index.pairs[at]
        if len(form.keys) != 1:
            continue
        w = form.keys[0]
        if w == piece or (len(piece) >= _SHORT_PIECE and any(abbreviates(piece, v) for v in variants(w))):
            found.setdefault(concept, w)
    return tuple((w, c) for c, w in found.items())


@lru_cache(maxsize=8192)
def _spelled_out(word: str, index: _Index) -> tuple[tuple[str, str, str | None], ...] | None:
    n = len(word)
    # best[end]: the fewest pieces that spell word[:end], and every reading with that many
    best: list[tuple[int, list[tuple]] | None] = [(0, [()])] + [None] * n
    for end in range(2, n + 1):
        for start in range(0, end - 1):
            head = best[start]
            if head is None:
                continue
            readings = _piece_readings(word[start:end], index)
            if not readings or (len(readings) > 1 and any(c is not None for _, c in readings)):
                continue  # a piece of two concepts (cons: consumption or construction) is no reading
            count = head[0] + 1
            made = [(*r, (word[start:end], w, c)) for r in head[1] for w, c in readings]
            if best[end] is None or count < best[end][0]:
                best[end] = (count, made)
            elif count == best[end][0]:
                best[end] = (count, best[end][1] + made)
    last = best[n]
    if last is None or last[0] < 2:
        return None
    shown = {tuple(c for _, _, c in r) for r in last[1]}
    if len(shown) != 1 or not any(c for c in next(iter(shown))):
        return None  # two readings of different concepts, or none of a concept
    return last[1][0]


def _shared_heads(table: Table) -> None:
    """A concept a run-together name gets from its head (mathscr: math + scr, a score) is as much
    the concept of the names ending in that same head whose start the lexicon does not know
    (testscr, readscr: test and read scores too): otherwise "average score" would name mathscr
    alone, the one of the three whose start is a word of the lexicon. Each such name gets the
    concept at the same weight, so the word names them all (and declines unless another word
    picks one: "math score")."""
    heads: dict[str, tuple[str, float]] = {}
    for column in table.columns:
        keys = column.base or column.keys
        pieces = spelled_out(tuple(keys)) if len(keys) == 1 else None
        if not pieces or not pieces[-1][2] or pieces[-1][2] not in column.concepts:
            continue
        head = pieces[-1][0]
        if len(head) >= 3:
            heads.setdefault(head, (pieces[-1][2], column.concepts[pieces[-1][2]]))
    if not heads:
        return
    for column in table.columns:
        keys = column.base or column.keys
        if column.concepts or not column.numeric or len(keys) != 1 or not keys[0].isascii():
            continue
        for head, (concept, weight) in heads.items():
            if keys[0].endswith(head) and len(keys[0]) - len(head) >= 2:
                column.concepts[concept] = weight
                break


def spelled_concepts(keys: tuple[str, ...]) -> dict[str, float]:
    """The concepts of a run-together name's pieces (`spelled_out`): the last one, the name's
    head, centrally (0.9), the others less (0.7)."""
    pieces = spelled_out(keys)
    if not pieces:
        return {}
    # only measures (an amount, a count, a level, a better direction): a name's piece read as a
    # grouping or a time (reg: region, day) would let the name steal "by region", "per day"
    lex = lexicon().concepts
    concepts = [c for _, _, c in pieces if c and any(lex[c].get(flag) for flag in _MEASURE_FLAGS)]
    out: dict[str, float] = {}
    for i, c in enumerate(concepts):
        out[c] = max(out.get(c, 0.0), 0.9 if i == len(concepts) - 1 else 0.7)
    return out


def concepts_of(keys: tuple[str, ...]) -> dict[str, float]:
    """The lexicon concepts a column name speaks of ("Weight_in_lbs" -> weight; 연비 -> mpg), each
    with how central it is: Korean compounds put the head last (판매일 is a date of sales, 판매량 a
    quantity), so a concept found only before the end of a Korean name counts less. (A new
    dict each call: callers may change it.)"""
    index = _index()
    return dict(_concepts_of(tuple(keys), index))


@lru_cache(maxsize=4)
def _digit_codes(index: _Index) -> tuple[tuple[str, str], ...]:
    """The lexicon's forms that are codes with digits (pm2.5, no2), squashed: (concept, code)."""
    out = []
    for concept, forms in index.forms.items():
        for form in forms:
            code = _squashed(form.keys)
            if len(code) >= 3 and any(ch.isdigit() for ch in code) and code.isascii():
                out.append((concept, code))
    return tuple(out)


@lru_cache(maxsize=65536)  # once per distinct name (a wide table has thousands)
def _concepts_of(keys: tuple[str, ...], index: _Index) -> tuple[tuple[str, float], ...]:
    found: dict[str, float] = {}
    spelled: set[int] = set()  # name parts that spell a concept's form in full
    joined_ko = "".join(k for k in keys if is_hangul(k))
    # a name column (역명, 단지명: the name of a station, of a complex) is about what it names
    named = joined_ko[:-1] if len(joined_ko) >= 2 and joined_ko.endswith("명") else None
    # only the forms this name could spell or hold, in the lexicon's order (the others add nothing)
    near = {at for k in set(keys) for at in index.by_first.get(k, ())}
    if joined_ko:
        near.update(index.hangul_at)
    for at in sorted(near):
        concept, form = index.pairs[at]
        fk = form.keys
        for i in range(len(keys) - len(fk) + 1):
            if keys[i : i + len(fk)] == fk:
                spelled.update(range(i, i + len(fk)))
        if form.hangul is not None:
            word = form.hangul
            # One syllable is too ambiguous inside a longer word: it must be the whole name
            # or its last syllable (자치구 -> 구, 단지명 -> 명), as Korean names are built.
            if (len(word) >= 2 and word in joined_ko) or (
                len(word) == 1
                and joined_ko
                and (
                    joined_ko == word
                    or named == word
                    # (not when the whole name is a word of two syllables of the lexicon: 가구
                    # is no 구, 일시 no 시; 실업률 is still a rate)
                    or (
                        joined_ko.endswith(word)
                        and word in index.suffixes
                        and not (len(joined_ko) == 2 and joined_ko in index.words)
                    )
                )
            ):
                weight = 1.0 if joined_ko.endswith(word) else 0.8
                found[concept] = max(found.get(concept, 0.0), weight)
        elif _contains(keys, fk):
            found[concept] = 1.0
    # Codes with digits are written with or without their dots and separators: a column pm25,
    # PM_2_5 or pm2.5 is the concept written "pm2.5", NO2 or no_2 the one written "no2"
    for concept, code in _digit_codes(index):
        if concept in found:
            continue
        if any(_squashed(keys[a:b]) == code for a in range(len(keys)) for b in range(a + 1, len(keys) + 1)):
            found[concept] = 1.0
    # Korean: a longer form of another concept that contains this one decides ("초미세먼지" is
    # PM2.5, not the 미세먼지 (PM10) inside it)
    if joined_ko:

        def hangul_of(form: _Form) -> str:
            return "".join(form.keys)

        hits = {
            concept: [
                hangul_of(f)
                for f in index.forms[concept]
                if is_hangul(hangul_of(f)) and len(hangul_of(f)) >= 2 and hangul_of(f) in joined_ko
            ]
            for concept in found
        }
        for concept, words in hits.items():
            longest = max((len(w) for w in words), default=0)
            if words and any(
                len(g) > longest and w in g
                for other, others in hits.items()
                if other != concept
                for g in others
                for w in words
            ):
                found.pop(concept, None)
    # Latin names that abbreviate or run together a concept's words: unemp (unemployment), lifeExp
    # (life expectancy), gdpPercap (per capita), DEST_STATE (destination); a name part that could
    # abbreviate words of two concepts is left alone (cons: consumption or construction)
    latin = [k for k in keys if k.isascii() and k.isalnum()]
    if latin and len(latin) == len(keys) and not set(latin) & {"id", "no", "nr", "num", "cd", "code"}:
        from .match import segment

        by_run: dict[tuple[int, int], set[str]] = {}
        runs = []
        for a in range(len(latin)):
            for b in range(a + 1, len(latin) + 1):
                if spelled & set(range(a, b)):
                    continue  # a part that is a word in full is that word (lon: longitude)
                cuts = {0}
                for k in latin[a:b]:
                    cuts.add(max(cuts) + len(k))
                runs.append(((a, b), "".join(latin[a:b]), frozenset(cuts)))
        letters = {run[0] for _, run, _ in runs}
        for at in sorted({at for letter in letters for at in index.by_initial.get(letter, ())}):
            concept, form = index.pairs[at]
            if concept in found:
                continue
            fk = form.keys
            joined = "".join(fk)
            for span, run, cuts in runs:
                # the run's first letter must start the first word (or a variant of it)
                if run[0] not in form.initials or run == joined:
                    continue
                if segment(run, cuts, fk, True) >= 0.85:
                    by_run.setdefault(span, set()).add(concept)
        read = [span for span, concepts in by_run.items() if len(concepts) == 1]
        for span, concepts in by_run.items():
            # a part of a longer run read as one concept is that reading's (Exp of lifeExp is
            # life expectancy's, not exports)
            inside = any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in read)
            if len(concepts) == 1 and not inside:
                found[next(iter(concepts))] = 0.9
    return tuple(found.items())


# --- values from the Parquet file --------------------------------------------------------------

#: Per file (path, mtime, size): column -> its distinct values, or None when it has more than
#: MAX_VALUES (remembered too, so a column the profile's estimate put under the limit is not read
#: again at every question).
_cache: OrderedDict[tuple[str, int, int], dict[str, list[Any] | None]] = OrderedDict()
_cache_lock = threading.Lock()


def _scan_values(path: str, columns: list[str]) -> dict[str, list[Any]]:
    """Distinct values of string columns of a Parquet file (columns with more than MAX_VALUES
    are left out). Only the columns not yet read for this version of the file are read."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    try:
        stat = os.stat(path)
    except OSError:
        return {}
    if stat.st_size > MAX_VALUE_SCAN_BYTES or not columns:
        return {}
    key = (path, stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        known = dict(_cache.get(key) or {})
        if key in _cache:
            _cache.move_to_end(key)
    missing = [name for name in columns if name not in known]
    if missing:
        try:
            parquet = pq.ParquetFile(path)
            for name in missing:
                seen: set[Any] = set()
                for batch in parquet.iter_batches(batch_size=65536, columns=[name]):
                    seen.update(v for v in pc.unique(batch.column(0)).to_pylist() if v is not None)
                    if len(seen) > MAX_VALUES:
                        break
                known[name] = sorted(seen, key=lambda v: str(v)) if len(seen) <= MAX_VALUES else None
        except Exception:  # an unreadable file: the profile's values are used
            return {}
        with _cache_lock:
            _cache[key] = {**(_cache.get(key) or {}), **known}
            _cache.move_to_end(key)
            while len(_cache) > 16:
                _cache.popitem(last=False)
    return {name: known[name] for name in columns if known.get(name) is not None}


def _read_amounts(column: Column, dataset: dict[str, Any], known: list[Any] | None, seen: list[Any]) -> None:
    """A text column whose every value is an amount of one unit ("$85,200", "12.5%", "3억 2,000만")
    becomes a numeric measure in that unit, its range that of the amounts. The decision reads the
    column's distinct values when they are all known, else every value of the file (vectorised,
    in batches); with no file at hand, the profile's values (the generated code then converts
    without coercion, so a value that is no amount fails loudly)."""
    amount = detect(known if known is not None else seen)
    if amount is None:
        return
    if known is None and dataset.get("parquet_path"):
        span = _amount_span(dataset["parquet_path"], column.name, amount)
    else:
        numbers = [x for x in (parse(v, amount) for v in (known if known is not None else seen)) if x is not None]
        span = (min(numbers), max(numbers), all(float(x).is_integer() for x in numbers)) if numbers else None
    if span is None:
        return
    column.kind = "numeric"
    column.amount = amount
    column.unit = amount.unit or column.unit
    column.minimum, column.maximum, column.integer = span
    column.mean = None
    column.values = []


_span_cache: OrderedDict[tuple[str, int, str, Amount], tuple[float, float, bool] | None] = OrderedDict()


def _amount_span(path: str, name: str, amount: Amount) -> tuple[float, float, bool] | None:
    """(smallest, largest, all whole) of a text column of a Parquet file read as `amount`, or None
    when some value is not such an amount: the generated code's own conversion, by batches."""
    import pandas as pd
    import pyarrow.parquet as pq

    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = (path, stat.st_mtime_ns, name, amount)
    with _cache_lock:
        if key in _span_cache:
            return _span_cache[key]
    low = high = None
    whole = True
    result: tuple[float, float, bool] | None = None
    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=65536, columns=[name]):
            s = batch.column(0).to_pandas()
            x = eval(pandas_expr("s", amount), {"pd": pd, "s": s})  # noqa: S307 - our own expression
            if int(x.notna().sum()) != int(s.notna().sum()):
                raise ValueError("a value that is no amount")
            if x.notna().any():
                low = float(x.min()) if low is None else min(low, float(x.min()))
                high = float(x.max()) if high is None else max(high, float(x.max()))
                whole = whole and bool((x.dropna() % 1 == 0).all())
        if low is not None:
            result = (low, high, whole)
    except Exception:  # a value that is no amount, or an unreadable file: not a measure
        result = None
    with _cache_lock:
        _span_cache[key] = result
        while len(_span_cache) > 64:
            _span_cache.popitem(last=False)
    return result


def warm(dataset: dict[str, Any]) -> None:
    """Do ahead, e.g. in a worker thread, what `build_table` then finds cached: read the string
    columns' values from the dataset's Parquet file and parse those written as dates."""
    build_table(dataset)


# --- building ---------------------------------------------------------------------------------


def _looks_like_dates(values: list[Any]) -> bool:
    texts = [str(v) for v in values if isinstance(v, str) and v.strip()]
    if len(texts) < 3 or not all(re.search(r"\d", t) for t in texts):
        return False
    if all(re.fullmatch(r"-?\d+(\.\d+)?", t.strip()) for t in texts):
        return False
    # a date writes at least two numbers (2024-01-05, 2024년 1월) or one beside a month's name
    # (Jan 2024): codes with one number in them (M001, A12) are names, though a lenient parser
    # reads them
    if not all(len(re.findall(r"\d+", t)) >= 2 or _MONTH_NAME.search(t) for t in texts):
        return False
    return _all_dates(tuple(texts))


_MONTH_NAME = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b")


@lru_cache(maxsize=1024)
def _all_dates(texts: tuple[str, ...]) -> bool:
    import warnings

    import pandas as pd

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(pd.Series(list(texts)), errors="coerce", format="mixed")
    return bool(parsed.notna().all())


def _value_columns(profile: dict[str, Any]) -> list[str]:
    """The columns whose values the planner reads from the file: strings with few enough."""
    return [
        c["name"]
        for c in profile.get("column_profiles", [])
        if c["kind"] in ("categorical", "boolean", "text", "identifier")
        and (c.get("distinct") or 0) <= MAX_VALUES
        and "string" in str(c.get("dtype", "string"))
        or _code_like(c)
        or _settings_like(c)
    ]


def _settings_like(c: dict[str, Any]) -> bool:
    """A column of measured numbers that takes only a few values (the doses or temperatures an
    experiment set): they are read from the file, so that "dose 2" is known to be one of them."""
    dtype = str(c.get("dtype", ""))
    return c["kind"] == "numeric" and ("float" in dtype or "double" in dtype) and 1 < (c.get("distinct") or 0) <= 12


def _code_like(c: dict[str, Any]) -> bool:
    """A column of whole-number codes (bus routes 143, 262; line numbers), named as codes in the
    lexicon's `code_names`: few distinct values, read from the file so that a number asked is
    known to be one of them."""
    if c["kind"] != "numeric" or "int" not in str(c.get("dtype", "")) or not 0 < (c.get("distinct") or 0) <= 60:
        return False
    keys = name_keys(c["name"])
    names = joined_forms("code_names")
    return any("".join(keys).endswith(x) or x in keys for x in names)


#: the names Vista's reader gives columns whose header cell is blank (column_3; column_3_1 when
#: repeated): no words of their own ("3" in a question is a number)
GENERATED_NAME = re.compile(r"column_\d+(_\d+)?$")
#: names a column of row numbers gets when its header cell was blank, besides the reader's own
#: (column_1): pandas (Unnamed: 0), R's readr (...1), or the index's own name
_INDEX_NAME = re.compile(r"^(unnamed:? ?\d*|\.\.\.\d+|index|row_?(no|num(ber)?|id)?)$", re.IGNORECASE)


def _row_numbers(column: Column, rows: int) -> bool:
    """Whether a column is the row numbers a program wrote with the table (R's `write.csv`,
    pandas' `to_csv` with its index: a first column with a blank header holding 1..n or 0..n-1).
    Its values count rows; averaging or charting them answers nothing."""
    if column.kind != "numeric" or not column.integer or column.nulls or rows < 2:
        return False
    name = column.name.strip()
    if not (_INDEX_NAME.match(name) or GENERATED_NAME.match(name.lower())):
        return False
    low, high = column.minimum, column.maximum
    if low is None or high is None:
        return False
    return float(low) in (0.0, 1.0) and float(high) - float(low) + 1 == rows and names_each_row(column.distinct, rows)


#: Tables described, by their dataset's fingerprint: a thread asks question after question of
#: the same dataset, and describing a table of thousands of columns is most of a question's time
_tables: OrderedDict[str, Table] = OrderedDict()


def _fingerprint(dataset: dict[str, Any]) -> str:
    """What a table's description depends on: the dataset's names and profile, and its Parquet
    file as it is now (path, modification time, size), with the lexicon it is read with."""
    import hashlib
    import json

    path = dataset.get("parquet_path")
    stat = None
    if path:
        try:
            st = os.stat(path)
            stat = (st.st_mtime_ns, st.st_size)
        except OSError:
            stat = "missing"
    text = json.dumps(
        [dataset.get(k) for k in ("var_name", "name", "mode", "profile")] + [path, stat, id(lexicon())],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha1(text.encode()).hexdigest()


def build_table(dataset: dict[str, Any]) -> Table:
    """The planner's view of one dataset (`var_name`, `name`, `profile`, optional `parquet_path`):
    described once per dataset as it is (`_fingerprint`), and a copy of that handed out (the
    planner adds the columns it derives to its table)."""
    key = _fingerprint(dataset)
    with _cache_lock:
        known = _tables.get(key)
        if known is not None:
            _tables.move_to_end(key)
    if known is None:
        known = _build_table(dataset)
        known.fingerprint = key
        with _cache_lock:
            _tables[key] = known
            while len(_tables) > 8:
                _tables.popitem(last=False)
    return copy.deepcopy(known)


def _build_table(dataset: dict[str, Any]) -> Table:
    profile = dataset.get("profile") or {}
    sample = profile.get("sample") or []
    scanned = _scan_values(dataset["parquet_path"], _value_columns(profile)) if dataset.get("parquet_path") else {}
    columns = []
    for c in profile.get("column_profiles", []):
        keys = name_keys(c["name"])
        base, unit = _unit_and_base(c["name"])
        if unit is None:
            base = run_together(keys) or base
        if unit is not None and unit.isascii() and keys[: len(base)] == base and len(keys) > len(base) + 1:
            keys = (*base, unit.lower())  # 사용량_kWh: the unit is one word (kwh), not k + wh
        top = [t["value"] for t in c.get("top", [])]
        settings = scanned.get(c["name"]) if _settings_like(c) else None
        values = top if settings is not None else scanned.get(c["name"]) or top
        sampled = [row.get(c["name"]) for row in sample if row.get(c["name"]) is not None]
        if c["kind"] == "boolean" and not values:
            values = sorted({v for v in sampled}, key=str)
        integer = False
        if c["kind"] == "numeric":
            dtype = str(c.get("dtype", ""))
            integer = "int" in dtype or all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer()
                for v in [c.get("min"), c.get("max"), *sampled]
                if v is not None and not (isinstance(v, float) and math.isnan(v))
            )
        column = Column(
            name=c["name"],
            kind=c["kind"],
            dtype=str(c.get("dtype", "")),
            keys=keys,
            base=base,
            unit=unit,
            concepts={**concepts_of(keys), **concepts_of(base)} or spelled_concepts(keys),
            values=values,
            distinct=int(c.get("distinct") or 0),
            nulls=int(c.get("nulls") or 0),
            minimum=c.get("min"),
            maximum=c.get("max"),
            mean=c.get("mean"),
            integer=integer,
            settings=[float(v) for v in settings if isinstance(v, (int, float))] if settings else None,
        )
        if _row_numbers(column, int(profile.get("rows") or 0)):
            column.kind, column.row_number = "identifier", True  # an exported index: no measure, no name
        elif (
            column.kind == "numeric"
            and integer
            and (hangul_code_named(keys) or "".join(keys) in joined_forms("row_number_names"))
            and names_each_row(column.distinct, int(profile.get("rows") or 0))
        ):
            column.kind = "identifier"  # 환자번호 1..84: the profile's customer_id rule, in Korean
        if c["kind"] in ("text", "identifier", "categorical") and "string" in column.dtype:
            period = text_period_format(list(values or (top + sampled)))
            if period is not None:
                column.date_format = period
            elif _clock_text(list(values or (top + sampled))):
                column.clock = "text"  # "05:43": a time of day, not a date (no parser adds today)
            elif _looks_like_dates((top + sampled)[:20]):
                column.date_format = "mixed"
        elif c["kind"] == "numeric" and integer and _yyyymmdd(column, sampled):
            column.date_format = "%Y%m%d"
        elif c["kind"] == "numeric" and integer and _yyyymm(column, sampled):
            column.date_format = "%Y%m"
        elif c["kind"] == "numeric" and not integer and _year_dot_month(column, sampled):
            column.date_format = YEAR_DOT_MONTH
        elif c["kind"] == "numeric" and not integer and _decimal_year(column, sampled):
            column.date_format = DECIMAL_YEAR
        if (
            column.kind in ("categorical", "text", "identifier")
            and "string" in column.dtype
            and not column.date_text
            and not column.clock
        ):
            _read_amounts(column, dataset, scanned.get(c["name"]), top + sampled)
        if column.kind in ("categorical", "text") and not column.date_text and not column.clock:
            column.levels, column.worse = _levels(column.values)
        if _clock_hours(column):
            column.clock = "hour"
        if column.kind == "numeric" and not integer and "sales" in column.concepts and "money" not in column.concepts:
            # "sales" holding amounts with cents (1377.77) is takings, not units sold: 매출, revenue
            column.concepts["money"] = column.concepts["sales"]
        if column.numeric:
            _attribute_of_counted(column)
        if column.counted_noun:
            # numvisit, n_orders: the concept of what is counted ("방문 횟수" of visits)
            for concept, weight in concepts_of(name_keys(column.counted_noun)).items():
                column.concepts.setdefault(concept, weight)
        if column.clock:  # "time" in its name is the time of day, never a date or a duration
            column.concepts.pop("date", None)
            column.concepts.pop("duration", None)
        if column.kind == "datetime":
            column.granularity = _granularity(column.minimum, column.maximum, column.distinct)
        elif column.date_format in ("%Y%m%d", "%Y%m"):
            low, high = (
                _from_yyyymmdd(column.minimum, column.date_format),
                _from_yyyymmdd(column.maximum, column.date_format),
            )
            column.minimum, column.maximum = low, high
            column.granularity = _granularity(low, high, column.distinct)
        elif column.date_format == YEAR_DOT_MONTH:
            low, high = float(column.minimum), float(column.maximum)
            column.minimum, column.maximum = (
                f"{math.floor(v):04d}-{round((v - math.floor(v)) * 100):02d}-01T00:00:00" for v in (low, high)
            )
            column.granularity = _granularity(column.minimum, column.maximum, column.distinct)
        elif column.date_format == DECIMAL_YEAR:
            column.minimum, column.maximum = decimal_year_start(column.minimum), decimal_year_start(column.maximum)
            column.granularity = _granularity(column.minimum, column.maximum, column.distinct)
        elif column.date_format in TEXT_PERIODS and values:
            starts = sorted({s for s in (text_period_start(v, column.date_format) for v in values) if s})
            if starts:
                column.minimum, column.maximum = starts[0], starts[-1]
                column.granularity = _granularity(starts[0], starts[-1], len(starts))
        elif column.date_text and scanned.get(c["name"]):
            span = _date_span(dataset["parquet_path"], c["name"], scanned[c["name"]])
            if span is not None:
                column.minimum, column.maximum, count = span
                column.granularity = _granularity(column.minimum, column.maximum, count)
        if not column.numeric:
            # a count of things is a number: order_date is the date of an order, never the
            # number of orders (so "주문 수" there counts the rows)
            # (but a column named by the thing itself, 가구 of households H01, H02, names them:
            # "household H01", "가구 수" counts its values)
            whole = "".join(column.base or column.keys)
            for concept in [k for k in column.concepts if _counting(k)]:
                forms = {"".join(name_keys(f)) for f in lexicon().concepts[concept]["forms"]}
                if column.is_date or column.kind not in ("categorical", "identifier", "text") or whole not in forms:
                    del column.concepts[concept]
        if column.kind in ("categorical", "text") and not column.date_text:
            from .match import calendar_groups

            kinds = {g[0] for g in calendar_groups(column)}
            for first, part in (("monday", "weekday"), ("january", "month"), ("q1", "quarter")):
                if first in kinds:
                    column.calendar_names = part
                    column.concepts.setdefault(part, 1.0)  # "요일별", "day of the week": this column
                    break
        if column.yearlike and _time_named(column) and not column.is_date:
            column.concepts.setdefault("year", 1.0)  # R's `time` of an annual series: "해", "which year"
        if _two_sexes(column):
            column.concepts.setdefault("sex", 0.9)  # fem of Men and Women: "by gender" groups by it
        columns.append(column)
    _codes_second(columns)
    _year_suffixes(columns)
    table = Table(
        dataset["var_name"], dataset.get("name") or dataset["var_name"], int(profile.get("rows") or 0), columns
    )
    _numbered_things(table, dataset)
    _labelled_things(table)
    _shared_heads(table)
    table.labels = _labels(table)
    table.row_names = row_names_column(table)
    table.frequency = frequency_column(table)
    table.periods = _periods_keyed(dataset, table)
    table.indicator = indicator_columns(table)
    table.restated_months = _restated_months(table, sample)
    return table


#: A name of letters that ends with a year's two or four digits: sal87, league_86, gdp2010.
_YEAR_SUFFIX = re.compile(r"([a-z][a-z_.]*?[a-z])[_.]?(\d{2}|\d{4})")


def _known_noun(word: str) -> bool:
    """Whether an English noun's plural is a word of a lexicon concept ("visit": visits), so that
    a count word run into it (numvisit) is read as counting it, never any run of letters."""
    return word.isalpha() and (word + "s") in concept_words()


def _year_suffixes(columns: list[Column]) -> None:
    """Names that end with a year, as a panel survey names one measure per wave (Baseball's
    hits86, league86 and sal87, league87; Schooling's ed66, ed76): the year is the wave, the
    name before it is what is measured (`Column.base`, so "salary" names sal87 and "league" both
    league86 and league87), and the year said in full ("1987 salary", "league in 1986") names
    the column of that wave (`Column.name_year`). A name is read so only among others of its
    pattern: a year ending two names of different measures, or one measure ending with two
    years. Codes with digits (pm25, pm10: lexicon `_digit_codes`) and names of one part (x1)
    are none; a year of two digits is of the 1900s unless it is 30 or less."""
    codes = {code for _, code in _digit_codes(_index())}
    found: dict[str, tuple[tuple[str, ...], str]] = {}
    for column in columns:
        if column.base != column.keys or column.is_date:
            continue  # (a unit already split off: 사용량_kWh)
        name = column.name.strip().lower()
        if name.replace("_", "").replace(".", "") in codes:
            continue
        m = _YEAR_SUFFIX.fullmatch(name)
        if m is None or not m.group(1).replace("_", "").replace(".", "").isalpha():
            continue
        stem = name_keys(m.group(1))
        if len(column.keys) > 1 and column.keys[-1] == m.group(2) and len(m.group(2)) == 4:
            continue  # sales_2021: its year a word of its name already
        found[column.name] = (stem, m.group(2))
    by_year: dict[str, set[tuple[str, ...]]] = {}
    by_stem: dict[tuple[str, ...], set[str]] = {}
    for stem, digits in found.values():
        by_year.setdefault(digits, set()).add(stem)
        by_stem.setdefault(stem, set()).add(digits)
    for column in columns:
        if column.name not in found:
            continue
        stem, digits = found[column.name]
        if len(by_year[digits]) < 2 and len(by_stem[stem]) < 2:
            continue
        year = int(digits) if len(digits) == 4 else (2000 if int(digits) <= 30 else 1900) + int(digits)
        if not within_years(year, year):
            continue
        column.base, column.name_year = stem, year
        for concept, weight in concepts_of(stem).items():
            column.concepts.setdefault(concept, weight)


def _restated_months(table: Table, sample: list[dict[str, Any]]) -> frozenset[str]:
    """The columns of month names (Apr, 4월) beside a date column that no sample row of the
    profile contradicts: in each row with both, the name is the month of the first date column
    (Nightingale's Month beside its Date). One row where they differ (a birth month beside a
    signup date) makes the column a category of its own; a column the sample cannot check is
    taken to restate the date, as a month name beside a date most often does."""
    if not table.dates:
        return frozenset()
    date = table.dates[0].name
    number = {form: int(key) for key in lexicon().data["months"] for form in lexicon().forms("months", key)}
    found = set()
    for column in table.columns:
        if column.numeric or column.is_date or "month" not in column.concepts:
            continue
        agree = checked = 0
        for row in sample:
            when, month = row.get(date), row.get(column.name)
            said = number.get(str(month).strip().rstrip(".").lower()) if month is not None else None
            try:
                day = datetime.date.fromisoformat(str(when)[:10]) if when is not None else None
            except ValueError:
                day = None
            if said is None or day is None:
                continue
            checked += 1
            agree += day.month == said
        if agree == checked:
            found.add(column.name)
    return frozenset(found)


def indicator_columns(table: Table) -> tuple[str, str] | None:
    """(indicator column, value column) of a long statistics table, or None. The indicator column
    is a category whose values name different measures, two or more of them in different concepts
    of the lexicon that its own name does not carry (취업자 and 실업률, "Nonfarm payrolls" and
    "Unemployment rate"; not gasoline and diesel of a fuel column), and the table has exactly one
    numeric column that is no year, code or count of a period: the value every row measures."""
    measured = [
        c for c in table.columns if c.numeric and not c.yearlike and not (c.integer and c.distinct and c.distinct <= 12)
    ]
    if len(measured) != 1:
        return None
    found = []
    lex = lexicon().concepts
    flags = ("additive", "counts", "level", "better", "currency")

    def measure(concept: str) -> bool:  # a concept numbers are about (not a place or a service)
        return concept == "rate" or any(lex.get(concept, {}).get(f) for f in flags)

    for c in table.columns:
        if not c.categorical or c.numeric or not c.values or len(c.values) > 60:
            continue
        own = set(c.concepts)
        named: dict[str, set[str]] = {}
        for v in c.values:
            concepts = set(concepts_of(name_keys(str(v)))) - own
            if any(measure(x) for x in concepts):
                named[str(v)] = concepts
        distinct = {frozenset(x) for x in named.values()}
        if len(named) >= 2 and len(distinct) >= 2 and len(named) * 2 >= len(c.values):
            found.append(c.name)
    if len(found) != 1:
        return None
    return found[0], measured[0].name


_CLOCK_TEXT = re.compile(r"^\s*(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\s*$")
#: Names of a column of hours of the day (a name, whole: 근무시간 is a duration, not a time).
_HOUR_NAMES = {"hour", "hours", "hr", "hh", "hour of day", "hour of the day", "시", "시간", "시각", "시간대"}
_HOUR_SUFFIXES = ("시각", "시간대")


def _level_key(value: Any) -> str:
    return "".join(name_keys(str(value)))


def _levels(values: list[Any]) -> tuple[list[Any] | None, str | None]:
    """The values in order, lowest first, when every one is a level of one of the lexicon's
    ordered scales (at least two of them), and which way is worse; else (None, None)."""
    texts = [v for v in values if isinstance(v, str)]
    if len(texts) < 2 or len(texts) != len(values):
        return None, None
    for scale in lexicon().data.get("level_scales", []):
        order = {_level_key(level): k for k, level in enumerate(scale["levels"])}
        if all(_level_key(v) in order for v in texts):
            return sorted(texts, key=lambda v: order[_level_key(v)]), scale.get("worse")
    return None, None


def _clock_text(values: list[Any]) -> bool:
    """Every value a zero-padded time of day ("07:30", "21:05:10"): such text sorts as the
    clock does, so hours are compared as written, in pandas and SQL alike."""
    texts = [v for v in values if v is not None]
    return len(texts) >= 3 and all(isinstance(v, str) and _CLOCK_TEXT.match(v) for v in texts)


def _clock_hours(column: Column) -> bool:
    """An integer column of hours of the day: named as hours, every value within 0-23. A name
    ending in a word for a point or slot of the day names one too ("대여시각", "승차시간대",
    "pickup hour"); one ending in 시간 or "hours" may be a duration (근무시간, "work hours")."""
    if not (column.numeric and column.integer) or column.minimum is None or column.maximum is None:
        return False
    name = " ".join(column.keys)
    joined = "".join(column.keys)
    named = (
        name in _HOUR_NAMES
        or joined in _HOUR_NAMES
        or joined.endswith(_HOUR_SUFFIXES)
        or (len(column.keys) > 1 and column.keys[-1] == "hour")
    )
    return named and 0 <= float(column.minimum) and float(column.maximum) <= 23


def _attribute_of_counted(column: Column) -> None:
    """A number named by what it is of and what it measures, the head last (patient_age,
    student_score: an age, a score) is not a count of the thing named first: "how many patients"
    counts rows, never adds up ages. Its counting concept from a word before the head is dropped
    when the head names a concept of its own that counts nothing (passenger_count and
    num_patients, whose head is a count or the thing, keep theirs)."""
    keys = column.keys
    if len(keys) < 2 or not all(k.isascii() for k in keys):
        return
    head = concepts_of(keys[-1:])
    if not head or any(_counting(k) or k == "count_col" for k in head):
        return
    for concept in [k for k in column.concepts if _counting(k) and k not in head]:
        del column.concepts[concept]


def _counting(concept: str) -> bool:
    """A concept of columns that count things (arrivals, orders: `counts` in the lexicon)."""
    return bool(lexicon().concepts.get(concept, {}).get("counts"))


#: The last words of a column that identifies a thing (customer_id, order_no, player_key).
_IDENTITY_WORDS = frozenset({"id", "no", "nr", "num", "number", "key", "code", "uid", "uuid"})
_CODE_WORDS = {"code", "codes", "id", "iso", "iso2", "iso3", "abbr", "abbrev", "abbreviation", "cd", "코드"}


def _codes_second(columns: list[Column]) -> None:
    """A column of codes beside a column of names of the same things ("Country Code" beside
    "Country Name", state_cd beside state_name) answers to their concept a little less surely:
    "which country" names the countries, not their codes. Only when they have as many distinct
    values (one code per name): ids of customers beside their names, which may repeat, stay two
    readings to ask about."""
    for column in columns:
        if column.numeric or not set(column.keys) & _CODE_WORDS:
            continue
        for concept in list(column.concepts):
            if any(
                other is not column
                and concept in other.concepts
                and not other.numeric
                and not set(other.keys) & _CODE_WORDS
                and other.distinct == column.distinct > 0
                for other in columns
            ):
                column.concepts[concept] *= 0.9


# --- rows that are things by period --------------------------------------------------------------

_keyed: OrderedDict[tuple[Any, ...], list[tuple[str, str]]] = OrderedDict()


def period_candidates(table: Table) -> list[tuple[str, str]]:
    """(name column, time column) pairs whose distinct counts multiply to about the row count
    (names × periods ≥ rows ≥ half of it): what one row per name and period would look like.
    A coincidence is possible (a free-text column of 4,000 notes × 1,461 days ≈ 50M orders), so
    the pairs are only candidates until the data shows them unique (`_periods_keyed`)."""
    rows = table.rows
    # each period holds several rows (one per name): a time column nearly unique on its own (an
    # order's date, 420 orders on 350 days) keys its rows with any flag beside it, by coincidence
    times = [c for c in table.columns if (c.is_date or c.yearlike) and 2 <= c.distinct and 1.5 * c.distinct <= rows]
    names = [
        c
        for c in table.columns
        if not c.numeric
        and not c.is_date
        and c.kind != "boolean"
        and 2 <= c.distinct
        and not names_each_row(c.distinct, rows)
    ]
    return [
        (n.name, d.name)
        for n in names
        for d in times
        if 0.5 * n.distinct * d.distinct <= rows <= n.distinct * d.distinct
    ]


def _periods_keyed(dataset: dict[str, Any], table: Table) -> list[tuple[str, str]] | None:
    """The candidate pairs whose (name, period) values are unique in the data (`period_candidates`,
    `_pairs_unique`)."""
    return _pairs_unique(dataset, period_candidates(table))


def _pairs_unique(dataset: dict[str, Any], candidates: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """The pairs of columns whose values together are unique in the data (None when the data is
    not at hand), read with one aggregate query over the Parquet file, once per file version:
    exact distinct counts for a dataset held in pandas (small enough), HyperLogLog estimates for
    one held in DuckDB (any size, constant memory; a repeating pair shows as far fewer distinct
    pairs than rows)."""
    path = dataset.get("parquet_path")
    if not candidates:
        return []
    if not path:
        return None
    approximate = dataset.get("mode") == "duckdb"
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = (path, stat.st_mtime_ns, stat.st_size, approximate, tuple(candidates))
    with _cache_lock:
        if key in _keyed:
            _keyed.move_to_end(key)
            return _keyed[key]
    import duckdb

    def q(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    counter = "approx_count_distinct(hash({}, {}))" if approximate else "count(DISTINCT ({}, {}))"
    parts = ", ".join(counter.format(q(a), q(b)) for a, b in candidates)
    try:
        with duckdb.connect() as con:
            con.execute("SET memory_limit = '1GB'; SET threads = 2")
            row = con.execute(f"SELECT count(*), {parts} FROM read_parquet(?)", [path]).fetchone()
    except Exception:  # an unreadable file: nothing is known to key the rows
        return None
    total, distinct = row[0], row[1:]
    # Pairs that repeat by coincidence (a note on a day) leave far fewer distinct pairs than rows
    # (about 63% when spread at random); a firm-year table keeps nearly all, even with a few
    # duplicated rows, and HyperLogLog is within a few percent of the true count.
    need = 0.9 * total
    keyed = [pair for pair, n in zip(candidates, distinct) if n >= need]
    with _cache_lock:
        _keyed[key] = keyed
        while len(_keyed) > 64:
            _keyed.popitem(last=False)
    return keyed


_spans: OrderedDict[tuple[Any, ...], tuple[str, str, int] | None] = OrderedDict()


def _date_span(path: str, name: str, values: list[Any]) -> tuple[str, str, int] | None:
    """(first, last, how many distinct) of a column of dates written as text, from its distinct
    values; parsed once per file version (text is parsed value by value: ~0.4 s for 5,000)."""
    try:
        stat = os.stat(path)
        key: tuple[Any, ...] | None = (path, stat.st_mtime_ns, stat.st_size, name, len(values))
    except OSError:
        key = None
    with _cache_lock:
        if key is not None and key in _spans:
            _spans.move_to_end(key)
            return _spans[key]
    import warnings

    import pandas as pd

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(pd.Series([str(v) for v in values]), errors="coerce", format="mixed").dropna()
    span = (parsed.min().isoformat(), parsed.max().isoformat(), int(parsed.nunique())) if len(parsed) else None
    if key is not None:
        with _cache_lock:
            _spans[key] = span
            while len(_spans) > 256:
                _spans.popitem(last=False)
    return span


def _yyyymmdd(column: Column, sampled: list[Any]) -> bool:
    """Integers written as dates (20230105), as many Korean public data files have them."""
    from datetime import datetime

    if column.minimum is None or not (
        YEARS[0] * 10000 + 101 <= float(column.minimum) and float(column.maximum) <= YEARS[1] * 10000 + 1231
    ):
        return False
    for value in [column.minimum, column.maximum, *sampled]:
        try:
            datetime.strptime(str(int(float(value))), "%Y%m%d")
        except (TypeError, ValueError):
            return False
    return True


def _yyyymm(column: Column, sampled: list[Any]) -> bool:
    """Integers written as months (201901), as monthly statistics often have them: six digits, a
    year and a month 01-12 in every value, and a name that speaks of time (연월, 기준월, yyyymm,
    month, period, date), so that six-digit amounts are never read as months."""
    if column.minimum is None or not (
        YEARS[0] * 100 + 1 <= float(column.minimum) and float(column.maximum) <= YEARS[1] * 100 + 12
    ):
        return False
    name = "".join(column.keys)
    if not (
        {"month", "date", "period", "yyyymm", "ym", "yearmonth"} & set(column.keys)
        or any(w in name for w in ("월", "년월", "연월", "일자", "시점", "기간", "yyyymm"))
        or {"month", "date"} & set(column.concepts)
    ):
        return False
    return all(1 <= int(float(v)) % 100 <= 12 for v in [column.minimum, column.maximum, *sampled])


def _from_yyyymmdd(value: Any, fmt: str = "%Y%m%d") -> str | None:
    from datetime import datetime

    try:
        return datetime.strptime(str(int(float(value))), fmt).isoformat()
    except (TypeError, ValueError):
        return None


def _granularity(low: Any, high: Any, distinct: int) -> str | None:
    """How often the dates come: one per day, week, month, quarter or year (of the span)."""
    from datetime import datetime

    try:
        days = (datetime.fromisoformat(str(high)[:19]) - datetime.fromisoformat(str(low)[:19])).days + 1
    except ValueError:
        return None
    if days <= 0 or distinct <= 1:
        return None
    for name, length in (("day", 1), ("week", 7), ("month", 30.44), ("quarter", 91.3), ("year", 365.25)):
        if distinct >= 0.5 * days / length:
            return name if distinct <= 1.5 * days / length + 1 else None
    return None


_NAME_CONCEPTS = ("name", "complex", "model", "state", "country", "city", "symbol", "title")


def _labels(table: Table) -> list[str]:
    """The columns that name a row: a name-like text column, else a unique date, else nothing."""
    rows = max(table.rows, 1)
    candidates = [
        c
        for c in table.columns
        if c.kind in ("text", "identifier", "categorical") and not c.date_text and not c.row_number
    ]
    unique = [c for c in candidates if names_each_row(c.distinct, rows)]
    named = [c for c in unique if set(c.concepts) & set(_NAME_CONCEPTS)]
    if not named and unique and unique[0].kind == "identifier":
        # people's names that repeat now and then (two Alice Smiths) beside a unique identifier:
        # the name says who a row is, the identifier which one
        almost = [
            c
            for c in candidates
            if set(c.concepts) & set(_NAME_CONCEPTS) and c.kind in ("text", "categorical") and c.distinct >= 0.5 * rows
        ]
        if almost:
            return [almost[0].name, unique[0].name]
    if named or unique:
        return [(named or unique)[0].name]
    dates = table.dates
    if dates and names_each_row(dates[0].distinct, rows):
        return [dates[0].name]
    parts = table.calendar_parts()
    if not dates and "day" in parts:
        # a date kept in parts (airquality's Month and Day, Year + Month + Day): they name the row
        return [parts[p] for p in ("year", "month", "day") if p in parts]
    # Rows named by a combination: a category and a date (a symbol on a day), or the most
    # varied text column with the date.
    varied = sorted((c for c in candidates if c.distinct > 1), key=lambda c: -c.distinct)
    named_varied = [c for c in varied if set(c.concepts) & set(_NAME_CONCEPTS)]
    first = (named_varied or varied)[:1]
    if first and dates:
        return [first[0].name, dates[0].name]
    years = [c for c in table.columns if c.yearlike]
    if named_varied[:1] and len(years) == 1:
        return [named_varied[0].name, years[0].name]  # a country in a year
    if first and first[0].distinct >= 0.5 * rows:
        return [first[0].name]
    # No column names a row: describe it by its categories (species, island, sex), never by
    # yes/no columns (a house "yes · no · no" by driveway, recroom, fullbase says nothing)
    return [c.name for c in table.columns if c.kind in ("categorical", "boolean") and not c.flag][:3]


#: names a column of row names gets besides a blank header's (rownames, row.names, row_names)
_ROW_NAMES_NAME = re.compile(r"^row_?names?$", re.IGNORECASE)


def row_names_column(table: Table) -> str | None:
    """The column that names each row and nothing else: R's row names as `write.csv` writes them
    (the car models of mtcars, the states of USArrests, the occupations of Prestige), pandas'
    index written with `to_csv`: the first column, its header blank (column_1, Unnamed: 0, ...1)
    or "rownames", holding text, one value per row, none missing, not numbers or dates. Its rows
    are the things a question names by a noun no column has ("which occupation", "top 5 states",
    "가장 높은 주"); None when the table has no such column."""
    if not table.columns:
        return None
    c = table.columns[0]
    name = c.name.strip()
    if not (_INDEX_NAME.match(name) or GENERATED_NAME.match(name.lower()) or _ROW_NAMES_NAME.match(name)):
        return None
    if c.kind not in ("text", "identifier", "categorical") or "string" not in c.dtype or c.row_number:
        return None
    if c.date_text or c.clock or c.nulls or table.rows < 2 or c.distinct < table.rows:
        return None
    names = [str(v) for v in (c.values or [])]
    if not names or sum(bool(re.search(r"[^\W\d_]", v)) for v in names) < 0.9 * len(names):
        return None  # codes or numbers written as text name no things
    return c.name


def frequency_column(table: Table) -> str | None:
    """The count column of a frequency table: every row one combination of the other columns'
    categories (each combination once: the product of their numbers of values is the number of
    rows) and a column of whole, non-negative numbers named as a count (the lexicon's
    `frequency_names`: Freq, n, count, 빈도), how many people or things the combination holds
    (datasets::Titanic, UCBAdmissions, HairEyeColor as R's as.data.frame writes them). A row is
    then no person: how many of them is the total of that column. None for any other table."""
    names = {"".join(name_keys(str(w))) for w in lexicon().data.get("frequency_names", [])}
    counts = [
        c
        for c in table.columns
        if c.numeric and c.integer and not c.row_number and "".join(c.keys) in names and (c.minimum or 0) >= 0
    ]
    if len(counts) != 1 or table.rows < 2:
        return None
    others = [c for c in table.columns if c is not counts[0] and not c.row_number]
    # (a column of periods makes it a series of counts, one per period: "how many months had a
    # count above 1500" counts months)
    if not others or any(not c.categorical or c.is_date or c.yearlike or c.calendar_part for c in others):
        return None
    cells = math.prod(max(c.distinct, 1) for c in others)
    if cells == table.rows:
        return counts[0].name
    # (vcd's Suicide: sex x method x age make the rows, and age.group and method2 only restate
    # age and method: some of the columns' values, combined, are the rows)
    if len(others) <= 8:
        for size in range(2, len(others)):
            for subset in itertools.combinations(others, size):
                if math.prod(max(c.distinct, 1) for c in subset) == table.rows:
                    return counts[0].name
    return None


def _singular(word: str) -> list[str]:
    """An English plural's possible singulars ("claims" -> claim; "entries" -> entry, entrie;
    "movies" -> movie): a form nobody writes matches nothing."""
    out = []
    if word.isascii() and word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        out.append(word[:-1])
        if word.endswith("ies") and len(word) > 4:
            out.append(word[:-3] + "y")
    return out


def _name_words(name: str) -> list[str]:
    """The words of a file or table name, a Korean word kept whole ("콜센터_상담내역" -> 콜센터,
    상담내역; "hotelBookings" -> hotel, bookings)."""
    out = []
    for piece in re.split(r"[^0-9A-Za-z\uac00-\ud7a3]+", name):
        for run in re.findall(r"[\uac00-\ud7a3]+|[0-9A-Za-z]+", piece):
            out += [run] if is_hangul(run) else list(name_keys(run))
    return [w.lower() for w in out if w and not w.isdigit()]


def table_name_words(table: Table) -> tuple[str, ...]:
    """The words of the table's own name without those names add about records or the file's
    kind ("airline.csv", "airline_data" -> airline): what "the airline data" says of the table."""
    name = re.sub(r"\.(csv|tsv|txt|xlsx?|parquet|json)$", "", table.name, flags=re.IGNORECASE)
    return tuple(w for w in _name_words(name) if w not in record_word_set())


def record_word_set() -> frozenset[str]:
    """The lexicon's `record_words` (data, table, 데이터...), lower-case."""
    return frozenset(str(w).lower() for w in lexicon().data["record_words"])


def words_of(text: str) -> list[str]:
    """The words of a phrase as a name's words are read (`_name_words`: a Korean word kept whole)."""
    return _name_words(text)


def _glued_row_nouns(head: str, table: Table) -> list[str]:
    """The noun for the rows inside a name that glues it to a short abbreviation, as R's data
    sets are named ("womenlf": women + lf, labour force; "uscereal": us + cereal): a noun of the
    lexicon for rows, or a word of a group of values (women: female, 여성) that no column holds,
    with every form of that group in both languages. At least four letters of it, at most three
    of the abbreviation; nothing when more than one split reads."""
    if not head.isascii() or not head.isalpha():
        return []
    lex = lexicon()
    held = {str(v).lower() for c in table.columns for v in (c.values or [])}
    found: list[list[str]] = []
    for k in range(1, len(head)):
        for word, rest in ((head[:k], head[k:]), (head[k:], head[:k])):
            if len(word) < 4 or len(rest) > 3:
                continue
            roles = {m.role: m.key for keys, m in lex.phrases.starting_with(word) if keys == (word,)}
            if "entity" in roles:
                found.append([word])
            elif "value_group" in roles:
                group = [str(f).lower() for f in lex.value_groups[roles["value_group"]]]
                if not held & set(group):
                    found.append([f for f in group if len(f) >= (2 if is_hangul(f) else 3)])
    return found[0] if len(found) == 1 else []


def _owner_of_measure(words: list[str], known: set[str], table: Table) -> list[str]:
    """The things a Korean table's name says its measure is OF: the name puts the owner before
    the measure (의류매장_매출: the stores' sales; 캐나다_기업_겸임이사: the firms' interlocks;
    학생_결석일수: the students' days absent), so when the head is a measure (a concept of the
    lexicon, or a column's name or the start of one), the nearest word before it that is, or
    ends in, a noun for rows of the lexicon (`entity`: 매장 of 의류매장) names the rows. Not a
    noun a column counts (사망자 beside 사망자수: the noun and a count head, `count_heads`)."""
    head = words[-1] if words else ""
    if not is_hangul(head) or len(words) < 2:
        return []
    names = ["".join(c.base or c.keys) for c in table.columns]
    if not ("concept" in known or any(n.startswith(head) or head.startswith(n) for n in names if len(n) >= 2)):
        return []
    nouns = sorted(
        {"".join(name_keys(str(w))) for w in lexicon().data["entity"] if is_hangul(str(w).replace(" ", ""))},
        key=len,
        reverse=True,
    )
    for word in reversed(words[:-1]):
        if not is_hangul(word):
            continue
        noun = next((n for n in nouns if len(n) >= 2 and word.endswith(n)), None)
        if noun is not None:
            counts = joined_forms("count_heads")
            return [] if any(n.startswith(noun) and n[len(noun) :] in counts for n in names) else [noun]
    return []


def row_nouns(table: Table) -> frozenset[str]:
    """What one row of the table is called, as the data says it (the forms a question writes):

    * the head of the table's name, its last word, without the words names add about records
      (`record_words`: "insurance_claims" -> claims, claim; 콜센터_상담내역 -> 상담);
    * an identifier column's name without its id word (`id_words`), when its values are (nearly)
      one per row (invoice_id -> invoice; 상담번호 -> 상담; booking_no -> booking).

    A word the lexicon reads as something else (a period: "daily"; a measure: "prices"), or that
    is a column's whole name or one of its values, names that instead and is left out
    ("passengers" in a table with a `passengers` count). English nouns come with their singular."""
    lex = lexicon()
    records = {"".join(name_keys(str(w))) for w in lex.data["record_words"]}
    ids = {"".join(name_keys(str(w))) for w in lex.data["id_words"]}
    found: list[str] = []
    owners: list[str] = []
    words = [w for w in _name_words(table.name) if w not in records]
    if words:
        head, said = words[-1], len(words) < len(_name_words(table.name))  # "orders_data": said so
        for suffix in sorted(records, key=len, reverse=True):
            if is_hangul(head) and is_hangul(suffix) and head.endswith(suffix) and len(head) - len(suffix) >= 2:
                head, said = head[: -len(suffix)], True  # 상담내역: records of 상담
                break
        # the head names the rows when the name says it lists them (a plural, "orders"; records
        # of it, 상담내역) or it is a noun for rows; not a measure or a topic ("전력사용량", "labor")
        known = {m.role for keys, m in lex.phrases.starting_with(name_keys(head)[0]) if keys == name_keys(head)}
        if said or known & {"entity", "events"} or (head.isascii() and _singular(head)):
            found.append(head)
        else:
            owners = _owner_of_measure(words, known, table)
            found += _glued_row_nouns(head, table) or owners
    rows = max(table.rows, 1)
    for column in table.columns:
        keys = column.base or column.keys
        if (column.numeric and column.kind != "identifier") or not names_each_row(column.distinct, rows):
            continue
        joined = "".join(keys)
        if len(keys) >= 2 and keys[-1] in ids and not is_hangul(joined):
            found.append(keys[-2])
        elif is_hangul(joined):
            for word in sorted(ids, key=len, reverse=True):
                if is_hangul(word) and joined.endswith(word) and len(joined) - len(word) >= 2:
                    found.append(joined[: -len(word)])
                    owners.append(joined[: -len(word)])  # 환자 of 환자번호: the data's own noun
                    break
    taken = {"".join(c.base or c.keys) for c in table.columns} | {"".join(c.keys) for c in table.columns}
    taken |= {"".join(name_keys(str(v))) for c in table.columns for v in (c.values or [])}
    other = {
        "concept",
        "bucket",
        "per_period",
        "agg",
        "descriptors",
        "date_units",
        "units",
        "filler",
        "adjective",
        "quarters",
        "months",
        "weekdays",
        "seasons",
        "when",
    }
    suffixes = {str(x) for x in lex.data["name_suffixes"]}
    names = {"".join(c.base or c.keys) for c in table.columns}
    if not table.dates and "day" in table.calendar_parts():
        # a date kept in parts, one row a day (airquality's Month and Day): "the hottest day"
        found += ["day", "days", "날", "날짜"]
    out: set[str] = set()
    for word in found:
        # a name that is a measure (전력사용량: a 사용량; 인구; 가게매출 beside 매출) names no row
        if is_hangul(word) and (word[-1] in suffixes or any(len(n) >= 2 and n in word for n in names)):
            continue
        forms = list(dict.fromkeys([word, *_singular(word)]))
        if len(word) < (2 if is_hangul(word) else 3) or any("".join(name_keys(f)) in taken for f in forms):
            continue
        said = [m for f in forms for keys, m in lex.phrases.starting_with(name_keys(f)[0]) if keys == name_keys(f)]
        meanings = {m.role for m in said}
        # an owner the name puts before its measure (기업 of 캐나다_기업_겸임이사) or the noun of a
        # Korean identifier (환자 of 환자번호) is a noun for the rows though the lexicon also has it
        # as a concept, unless a column holds that concept
        held = {k for c in table.columns for k in c.concepts}
        owner = word in owners and "entity" in meanings and not {m.key for m in said if m.role == "concept"} & held
        if meanings & other and not (owner and meanings & other == {"concept"}):
            continue
        out.update(forms)
    # an English noun for the rows said in Korean, by the lexicon's glossary ("quarrels.csv":
    # 분쟁; "polls": 여론조사), unless a column or value of the data is called so
    glossary = lex.data.get("glossary", {})
    for word in [w for w in out if w.isascii()]:
        out.update(k for k in (str(x) for x in glossary.get(word, [])) if "".join(name_keys(k)) not in taken)
    return frozenset(out)


# --- pairs of columns in two roles ------------------------------------------------------------


@dataclass(frozen=True)
class RolePair:
    """Two columns holding one kind of thing in two opposed roles (home_team/away_team,
    home_score/away_score, 출발터미널/도착터미널, budget_usd/actual_cost_usd): their names are the
    same once the role word of the lexicon's `pair_role` is taken out, and they hold the same
    kind of values (numbers in one unit, dates, or names that occur in both)."""

    columns: tuple[str, str]
    roles: tuple[str, str]
    stem: str  # what is left of both names

    def column_of(self, role: str) -> str | None:
        return self.columns[self.roles.index(role)] if role in self.roles else None

    def other(self, column: str) -> str:
        return self.columns[1 - self.columns.index(column)]

    def role_of(self, column: str) -> str:
        return self.roles[self.columns.index(column)]


def opposed(role: str) -> frozenset[str]:
    """The roles of `role`'s opposition in the lexicon's `pair_roles` (home: {home, away})."""
    for group in lexicon().data.get("pair_roles", []):
        if role in group:
            return frozenset(group)
    return frozenset()


def _role_in_name(column: Column) -> tuple[str, str] | None:
    """(role, the rest of the name) of a column whose name has one role word of `pair_role`
    (home_points: home, "points"; 원정팀점수: away, "팀점수"); the longest form decides, and a
    name with words of two roles at that length has none."""
    return _role_in_keys(tuple(column.base or column.keys), id(lexicon()))


@lru_cache(maxsize=4)
def _pair_role_forms(_lexicon: int) -> tuple[tuple[str, tuple[str, ...], str, bool], ...]:
    """The lexicon's `pair_role` forms, read once: (role, keys, joined, written in Hangul)."""
    out = []
    for role, forms in lexicon().data.get("pair_role", {}).items():
        for form in forms:
            fk = name_keys(str(form))
            if fk:
                out.append((role, fk, "".join(fk), is_hangul("".join(fk))))
    return tuple(out)


@lru_cache(maxsize=65536)  # once per distinct name (and lexicon): role_pairs is asked per question
def _role_in_keys(keys: tuple[str, ...], _lexicon: int) -> tuple[str, str] | None:
    found: list[tuple[int, str, str]] = []
    joined = "".join(keys)
    for role, fk, word, hangul in _pair_role_forms(_lexicon):
        if hangul:
            if word in joined and is_hangul(joined):
                found.append((len(word), role, joined.replace(word, " ", 1).strip()))
            continue
        n = len(fk)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i : i + n]) == fk:
                found.append((len(word), role, " ".join(list(keys[:i]) + list(keys[i + n :]))))
                break
    if not found:
        return None
    best = max(n for n, _, _ in found)
    top = {(role, rest) for n, role, rest in found if n == best}
    return next(iter(top)) if len({r for r, _ in top}) == 1 and len(top) == 1 else None


def _same_kind(a: Column, b: Column) -> bool:
    if a.numeric or b.numeric:
        return a.numeric and b.numeric and (a.unit or "").lower() == (b.unit or "").lower()
    if a.is_date or b.is_date:
        return a.is_date and b.is_date
    if a.values and b.values:
        return bool({str(v) for v in a.values} & {str(v) for v in b.values})
    return a.kind == b.kind


def role_pairs(table: Table) -> list[RolePair]:
    """The table's pairs of columns in two opposed roles (`RolePair`); a column that could pair
    with two others pairs with none."""
    named = []
    for c in table.columns:
        got = _role_in_name(c)
        if got is not None:
            named.append((c, *got))
    found: list[RolePair] = []
    for i, (a, ra, rest_a) in enumerate(named):
        for b, rb, rest_b in named[i + 1 :]:
            if ra != rb and rb in opposed(ra) and rest_a == rest_b and _same_kind(a, b):
                found.append(RolePair((a.name, b.name), (ra, rb), rest_a))
    counts: dict[str, int] = {}
    for p in found:
        for c in p.columns:
            counts[c] = counts.get(c, 0) + 1
    return [p for p in found if all(counts[c] == 1 for c in p.columns)]
