"""The plan: what the offline analyst will compute, independent of how (pandas or SQL).

A question becomes one `Plan`: the rows it is about (conditions), what is measured (a column and
an aggregation, or a count), how the rows are grouped (by a column's values or by a time bucket),
the order and how many to keep, and the chart that fits. A renderer (render_pandas.py today; a SQL
renderer for large datasets later) turns a plan into code; answer.py words it and its result.
A question the planner cannot express completely becomes a plan of kind "decline".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: What a plan computes.
KINDS = (
    "aggregate",  # measures (optionally per group), e.g. mean price where garage = yes
    "share",  # the share of rows (or of a measure's total) meeting conditions
    "compare",  # a measure for two groups and their difference
    "rows",  # rows: top/bottom N by a measure, one extreme row, or those meeting conditions
    "distribution",  # how one column's values spread (histogram / counts)
    "relationship",  # two numeric columns: correlation and scatter
    "correlations",  # correlations between numeric columns (or with one column)
    "trend",  # a measure over time
    "coverage",  # periods (days, months...) with no row at all: the data's span less those present
    "overview",
    "describe",
    "missing",
    "columns",
    "head",
    "decline",  # cannot be done honestly: say what was understood and what was not
)

#: with "var" (variance), "iqr" (interquartile range), "cv" (coefficient of variation, sd / mean, a
#: fraction shown in percent), "skew" (skewness) and the quantiles "p1" ... "p99" (`quantile_of`), all of the sample
AGGREGATIONS = (
    "count",
    "nunique",
    "sum",
    "mean",
    "median",
    "min",
    "max",
    "std",
    "var",
    "iqr",
    "cv",
    "skew",
    "range",
    "share",
    "ratio",
    "wmean",
)
#: the aggregations of how values spread that the renderers compute besides std and range
SPREAD = ("var", "iqr", "cv", "skew")


def quantile_of(agg: str) -> float | None:
    """The fraction a quantile aggregation ("p90") stands for (0.9), or None for any other."""
    if len(agg) > 1 and agg[0] == "p" and agg[1:].isdigit() and 0 < int(agg[1:]) < 100:
        return int(agg[1:]) / 100
    return None


BUCKETS = ("day", "week", "month", "quarter", "year", "weekday", "month_of_year", "quarter_of_year", "hour", "decade")


@dataclass(frozen=True)
class Condition:
    """column <op> value; `part` picks a part of a date column (year, month, weekday...)."""

    column: str
    op: str  # ==, !=, >, >=, <, <=, in, not in, between, within, outside, isna, notna, contains, not contains, either, last, first
    # a scalar, a list (in / not in) or a (low, high) pair (between: low <= x <= high; outside:
    # x < low or x >= high, the hours of a night past midnight; within: low <= x < high); either:
    # (other column, v), the row's value in this column or in the other is v (a pair of columns
    # in two roles, home_team or away_team, catalog.RolePair); last, first: (n, month column or
    # None, unit), the rows of the data's own last (first) n periods of this time column (its
    # values, or the year / month / day of a date per `part`, or year * 12 + month of a pair),
    # counted in the code from the data ("the last 5 years", "최근 6개월", "첫 해")
    value: Any
    part: str | None = None  # None, "year", "month", "day", "quarter", "weekday", "date"
    # wording only: the question's word the condition reads ("evening" for hours 18-21)
    label: str | None = field(default=None, compare=False)
    # "in": the values were listed with "and" (men and women), not "or"; a mean is asked of each
    listed_with_and: bool = field(default=False, compare=False)


class _Picked:
    """The value a plan's condition takes from the group its `inner` plan picked (composition):
    rendered as the variable the picked group is held in."""

    def __repr__(self) -> str:
        return "picked"

    def __str__(self) -> str:
        return "picked"


PICKED = _Picked()


@dataclass(frozen=True)
class Measure:
    agg: str  # one of AGGREGATIONS
    column: str | None = None  # None: rows are counted
    per: str | None = None  # "mean" of the totals per day/week/month/year ("average daily sales")


@dataclass(frozen=True)
class Grouping:
    column: str
    bucket: str | None = None  # None: the column's own values; else one of BUCKETS


@dataclass
class Plan:
    kind: str
    language: str = "en"
    var: str = "df"
    measures: list[Measure] = field(default_factory=list)
    conditions: list[Condition] = field(default_factory=list)
    group: Grouping | None = None
    # aggregate: a second grouping, by a column's values ("average SAT by sex and major"): one
    # value per combination of `group` and `group2` (a two-way breakdown)
    group2: Grouping | None = None
    order: str | None = None  # "desc" or "asc"
    limit: int | None = None
    chart: str | None = None  # bar, line, pie, hist, scatter, box
    columns: list[str] = field(default_factory=list)  # relationship axes, listed columns
    labels: list[str] = field(default_factory=list)  # columns naming rows (rows plans)
    sides: list[list[Condition]] = field(default_factory=list)  # compare: the two groups
    base: list[Condition] = field(default_factory=list)  # share: the rows the share is of
    # aggregate: rows counted per group, those of `conditions` (the same objects) that count rows
    # rather than keep them: each group of the rows the other conditions keep has its number of
    # rows meeting these, 0 when none does ("number of returns by region", "the fewest returns")
    counted: list[Condition] = field(default_factory=list)
    superlative: bool = False  # one extreme (row or group) was asked for
    distinct_labels: bool = False  # rows: the question named what is ranked ("top 5 countries"),
    # so each name is listed once, at its own extreme row
    rank: int = 1  # with a superlative: the n-th ("the second most common")
    # groups kept by their number of rows (HAVING): (op, n), "among states with at least 50 rows"
    having: tuple[str, float] | None = None
    # groups kept by their own value (HAVING on the measure): (op, n), "states with a total order
    # value over 20,000", "모델이 5개 이상인 제조사"
    kept: tuple[str, float] | None = None
    # columns computed from two others: name -> (a, op, b). "-": the per-row difference
    # ("temp_max − temp_min"); "/": measured by the "ratio" aggregation, total a over total b
    # ("revenue ÷ units"); "w": measured by "wmean", a's mean weighted by b ("price ⊗ units")
    derived: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    position: Any = None  # aggregate by group: the group whose place in the ranking is asked ("몇 위")
    # aggregate by group: the groups are values listed with "and" ("average salary of men and
    # women"), which asks either each or the one over them all: the one over all is given too
    overall: bool = False
    time_column: str | None = None  # the date column of measures per period
    # compare: what is asked of the two values: "difference" (a − b, stated as a positive amount
    # with its direction), "percent" (the change from b to a, in percent), "ratio" (a / b)
    change: str = "difference"
    # aggregate by year: each year's change from the year before, "difference" or "percent"
    # ("year over year growth", "전년 대비 증가율"); a year missing from the data has none
    successive: str | None = None
    asked: str | None = None  # compare: the direction the question asked ("high": how much
    # more/higher, "low": how much less/lower), or None
    # The honesty check's record: the question's words the plan uses (measure, aggregation,
    # conditions, grouping, order, limit, chart) and those it leaves as function words (question
    # words, fillers, particles); every other word makes the plan a decline (parse.py).
    consumed: list[str] = field(default_factory=list)
    # how words without one fixed meaning were read ("evening" as 18:00–21:59), stated in the reply
    readings: list[str] = field(default_factory=list)
    function_words: list[str] = field(default_factory=list)
    # For declines: what was understood, what could not be done, questions to try instead.
    understood: list[str] = field(default_factory=list)
    # an abbreviated column name -> the question's words that spelled it ("avgprs": "average
    # price"), restated beside the name in the answer so a wrong reading is seen
    spelled: dict[str, str] = field(default_factory=dict)
    problem: str = ""
    suggestions: list[str] = field(default_factory=list)
    date_columns: dict[str, str | None] = field(default_factory=dict)  # date column -> format if stored as text/number
    units: dict[str, str] = field(default_factory=dict)  # column -> unit ("만원", "mm")
    # amounts written as text (column -> amounts.Amount): converted to numbers in the code
    amounts: dict[str, Any] = field(default_factory=dict)
    yearlike: list[str] = field(default_factory=list)  # integer columns holding years
    # Composition (chain.py): `inner` is a plan computed first. With `inner_use` "pick", inner (a
    # grouped aggregate) picks its `rank`-th group in its order and this plan's condition on that
    # grouping takes it (value `PICKED`): "the 지점 with the highest 매출's 직원수"; with "count", this
    # plan counts inner's groups whose value meets `inner_test` (op, number): "how many years had
    # a total over 1500"; with "row", inner (a ranking of rows) picks the rows holding its n-th
    # value and this plan shows their `columns[0]`: "the fare of the 2nd longest trip"; with
    # "first", the earliest of inner's periods whose value meets `inner_test`: "the first month
    # after 2020 when arrivals passed 1 million". Inner's groups may be periods, or values of a
    # column of names ("how many regions had an average over 5000"); inner may give each group's
    # change between two periods (`sides`) or each period's change from the one before
    # (`successive`), counted by its sign ("how many months fell from the month before").
    # With "keep", inner (a grouped aggregate kept by its value, `kept`) keeps some groups and this
    # plan's condition on that grouping takes them (op "in", value `PICKED`): "average cost for
    # states with at least 100 shipments".
    inner: Plan | None = None
    inner_use: str | None = None
    inner_test: tuple[str, float] | None = None

    @property
    def declined(self) -> bool:
        return self.kind == "decline"

    @property
    def measure(self) -> Measure | None:
        return self.measures[0] if self.measures else None


#: a derived column of the time between two dates (Plan.derived's operations "s", "sm", "sh",
#: "sd", "sy"): the seconds in its unit (seconds, minutes, hours, days, years of 365.25 days)
DURATION_SECONDS = {"s": 1, "sm": 60, "sh": 3600, "sd": 86400, "sy": 31557600}
