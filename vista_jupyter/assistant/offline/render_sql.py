"""Plans rendered as DuckDB SQL, for datasets held in DuckDB (too large for pandas in the kernel).

Such a dataset is a DuckDB view in the kernel (`FROM df`), with the helper `sql(query)` returning
a (small) pandas result (see `setup_code`). This renderer turns a plan into SQL that does all the
work over the whole table (filters, groups, aggregates, order and limit, histogram bins, box-plot
statistics, correlations) and brings back only what is printed or drawn; then it runs the same
pandas post-processing, prints and charts as `PandasRenderer` on that small result. So the kernel
prints exactly the lines answer.py reads for the pandas code, and answers read the same.

Where pandas semantics are not SQL's, the SQL follows pandas: groups never have a missing key;
a measure's total of no recorded values is missing (SQL's `sum`, pandas' `sum(min_count=1)`),
while a share's or a period's total of nothing is 0 (`coalesce(sum(x), 0)`, pandas' `sum()`); `x != v` and `not in` keep missing values;
ties keep the file's order (`row_number() OVER ()`, the row's position, as the DataFrame index);
group keys are sorted as pandas sorts them (in pandas, on the small result). Only a scatter plot
differs: it draws a random sample of at most `SCATTER_ROWS` points (the correlation and the fitted
line use every row), and the answer then says so.

A plan this renderer cannot express completely raises `Unsupported`, and the question is declined:
never answered with pandas on the dataset's sample, which would be about other rows. Plans carry
what the planner understood; a plan kind, plan field, aggregation, condition or time bucket this
module does not know (one added to the planner later) is refused the same way until it has SQL.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from typing import Any

from .amounts import sql_expr
from .amounts import used as amounts_used
from .catalog import DECIMAL_YEAR, TEXT_PERIODS, YEAR_DOT_MONTH, Column, Table
from .plan import DURATION_SECONDS, PICKED, SPREAD, Condition, Grouping, Measure, Plan, quantile_of
from .render_pandas import _PANDAS_AGG, PandasRenderer, Step, _call, _fill_span, _kept, _zero_filled, q
from .wording import measure_words, t

#: Groups brought back into pandas at most (their count is printed, so the answer says how many).
MAX_GROUPS = 1000
#: Rows tied for an extreme brought back at most (their count is printed too).
MAX_TIED_ROWS = 1000
#: Points a scatter plot draws at most: a random sample of the rows beyond that.
SCATTER_ROWS = 5000
#: Outliers a box plot draws at most (a sample beyond that; the box and whiskers use every row).
BOX_FLIERS = 2000


class Unsupported(Exception):
    """A plan (or part of one) this renderer cannot express in SQL; words in both languages."""

    def __init__(self, en: str, ko: str):
        super().__init__(en)
        self.en, self.ko = en, ko

    def words(self, language: str) -> str:
        return t(language, self.en, self.ko)


# --- what this renderer knows of plans --------------------------------------------------------

SQL_KINDS = (
    "aggregate",
    "share",
    "compare",
    "rows",
    "distribution",
    "relationship",
    "correlations",
    "trend",
    "overview",
    "describe",
    "missing",
    "coverage",
    "columns",
    "head",
)
_KNOWN_FIELDS = {
    Plan: {
        "group2",  # a two-way breakdown (`_sql_two_way`)
        "kind",
        "language",
        "var",
        "measures",
        "conditions",
        "group",
        "order",
        "limit",
        "chart",
        "columns",
        "labels",
        "sides",
        "base",
        "counted",
        "superlative",
        "rank",
        "time_column",
        "understood",
        "problem",
        "suggestions",
        "date_columns",
        # amounts written as text, read as numbers where the rows are selected (`_parsed_dates`)
        "amounts",
        "units",
        "yearlike",
        # wording only (the same values are printed): what a comparison asked, and how
        "asked",
        "change",
        # rows: each name once, at its own extreme row
        "distinct_labels",
        # aggregate by year: each year's change from the one before (computed in pandas after)
        "successive",
        # aggregate by group: groups kept by their number of rows (HAVING)
        "having",
        "kept",
        # wording only (every group is printed, in order): the group whose place is asked
        "position",
        "overall",
        # per-row differences of two columns (aggregates and comparisons only, see `check`)
        "derived",
        # composition: a grouped aggregate computed first (its checks are its own, see `check`)
        "inner",
        "inner_use",
        "inner_test",
        # the honesty check's record of the question's words (nothing to compute)
        "consumed",
        "function_words",
        # wording only: how words were read ("evening" as 18:00–21:59), and the words an
        # abbreviated name was read as ("avgprs": "average price")
        "readings",
        "spelled",
    },
    Measure: {"agg", "column", "per"},
    Condition: {"column", "op", "value", "part", "label", "listed_with_and"},
    Grouping: {"column", "bucket"},
}
_AGGS = {"count", "nunique", "sum", "mean", "median", "min", "max", "std", "range", "ratio", "wmean"}
_OPS = {
    "==",
    "!=",
    ">",
    ">=",
    "<",
    "<=",
    "in",
    "not in",
    "between",
    "within",
    "outside",
    "outlier",
    "vs_stat",
    "isna",
    "notna",
    "either",
    "any",
    "last",
    "first",
}
_PARTS = {None, "year", "month", "day", "quarter", "weekday", "date", "hour"}
_BUCKETS = {
    None,
    "day",
    "week",
    "month",
    "quarter",
    "year",
    "weekday",
    "month_of_year",
    "quarter_of_year",
    "hour",
    "decade",
}
_PERIODS = {None, "day", "week", "month", "quarter", "year"}
#: the aggregations of a group's totals per period in SQL, as pandas computes them (sample sd)
_PER_SQL = {"mean": "avg", "median": "median", "min": "min", "max": "max", "sum": "sum", "std": "stddev_samp"}
_CHARTS = {None, "bar", "line", "pie", "hist", "scatter", "box"}
_ORDERS = {None, "asc", "desc"}

_NUMERIC_TYPES = re.compile(r"^(u?int(8|16|32|64)|float(16|32|64)?|halffloat|double)$")


def _unknown_fields(obj: Any) -> list[str]:
    """Fields of a plan part this module does not know that hold something (not their default)."""
    known = next((_KNOWN_FIELDS[cls] for cls in type(obj).__mro__ if cls in _KNOWN_FIELDS), set())
    out = []
    for f in dataclasses.fields(obj):
        if f.name in known:
            continue
        default = (
            f.default
            if f.default is not dataclasses.MISSING
            else (f.default_factory() if f.default_factory is not dataclasses.MISSING else dataclasses.MISSING)
        )
        if getattr(obj, f.name) != default:
            out.append(f.name)
    return out


def check(plan: Plan, table: Table) -> None:
    """Raise `Unsupported` unless every part of `plan` has SQL here."""

    def no(en: str, ko: str) -> Unsupported:
        return Unsupported(en, ko)

    if plan.inner is not None:
        if plan.inner_use not in ("pick", "count", "row", "first", "keep") or plan.inner.inner is not None:
            raise no("I cannot compose these questions in SQL yet.", "이 질문들을 아직 SQL로 이어서 계산하지 못합니다.")
        check(plan.inner, table)
    if plan.kind not in SQL_KINDS:
        raise no(
            f"I cannot compute this kind of answer ({plan.kind}) in SQL yet.",
            f"이런 종류의 답({plan.kind})은 아직 SQL로 계산하지 못합니다.",
        )
    if plan.derived and plan.kind not in ("aggregate", "compare", "share"):
        raise no(
            "I can use a difference of two columns in SQL only for totals, averages and comparisons yet.",
            "두 열의 차이는 아직 SQL에서 합계, 평균, 비교에만 쓸 수 있습니다.",
        )
    parts: list[Any] = [plan, *plan.measures, *plan.conditions, *plan.base, *(c for side in plan.sides for c in side)]
    if plan.group is not None:
        parts.append(plan.group)
    for part in parts:
        extra = _unknown_fields(part)
        if extra:
            names = ", ".join(extra)
            raise no(
                f"Part of this question ({names}) has no SQL in the offline analyst yet.",
                f"이 질문의 일부({names})는 아직 오프라인 분석기가 SQL로 계산하지 못합니다.",
            )
    if plan.group2 is not None:
        if plan.group2.bucket is not None or plan.kind != "aggregate":
            raise no(
                "I cannot compute this two-way breakdown in SQL yet.", "이 두 열 분석은 아직 SQL로 계산하지 못합니다."
            )
        parts = [plan.group2]
        if _unknown_fields(plan.group2):
            raise no(
                "I cannot compute this two-way breakdown in SQL yet.", "이 두 열 분석은 아직 SQL로 계산하지 못합니다."
            )
    names = {c.name for c in table.columns}
    for m in plan.measures:
        if plan.group2 is not None and m.agg == "share":
            continue  # each combination's share of its first value's rows (`_sql_two_way`)
        if (m.agg not in _AGGS and m.agg not in SPREAD and quantile_of(m.agg) is None) or m.per not in _PERIODS:
            raise no(f"I cannot compute the {m.agg} in SQL yet.", f"{m.agg} 값은 아직 SQL로 계산하지 못합니다.")
    for c in [*plan.conditions, *plan.base, *(c for side in plan.sides for c in side)]:
        if c.op not in _OPS or c.part not in _PARTS:
            raise no(
                f"I cannot apply the condition on {c.column} in SQL yet.",
                f"{c.column} 조건은 아직 SQL로 적용하지 못합니다.",
            )
    if plan.group is not None and plan.group.bucket not in _BUCKETS | ({"auto"} if plan.kind == "trend" else set()):
        raise no(
            f"I cannot group by {plan.group.bucket} in SQL yet.",
            f"{plan.group.bucket} 단위 묶음은 아직 SQL로 계산하지 못합니다.",
        )
    if plan.chart not in _CHARTS or plan.order not in _ORDERS:
        raise no("I cannot draw or order this in SQL yet.", "이 그래프나 정렬은 아직 SQL로 만들지 못합니다.")
    used = _columns_used(plan)
    missing = [c for c in used if c not in names]
    if missing:
        raise no(
            f"{', '.join(missing)} is not a column of the data.", f"{', '.join(missing)}은(는) 데이터의 열이 아닙니다."
        )


def _columns_used(plan: Plan) -> list[str]:
    out = [m.column for m in plan.measures if m.column]
    out += [c.column for c in [*plan.conditions, *plan.base, *(x for side in plan.sides for x in side)]]
    if plan.group is not None:
        out.append(plan.group.column)
    if plan.group2 is not None:
        out.append(plan.group2.column)
    if plan.kind != "overview":
        out += plan.columns
    out += [c for c in (plan.time_column,) if c]
    return list(dict.fromkeys(out))


# --- SQL text ----------------------------------------------------------------------------------


def ident(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + str(name).replace('"', '""') + '"'


def literal(value: Any) -> str:
    """A SQL literal for a value of the data (or of a plan's condition)."""
    import math

    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "'NaN'::DOUBLE"
        if math.isinf(value):
            return "'Infinity'::DOUBLE" if value > 0 else "'-Infinity'::DOUBLE"
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def call(query: str) -> str:
    """The code `sql(<query>)`, the query in a triple-quoted string laid out as written (or in a
    plain literal when it holds what a triple-quoted string cannot)."""
    body = _layout(query)
    if '"""' in body or "\\" in body:
        return f"sql({body!r})"
    return 'sql("""\n' + body + '\n""")'


def _layout(query: str) -> str:
    return "\n".join(line for line in query.strip("\n").splitlines() if line.strip())


def quantile(p: float, x: str = "x", i: str = "i", n: str = "n", where: str = "") -> str:
    """The aggregate giving the exact `p` quantile of `x` as pandas takes it (linear interpolation
    between the two values nearest position p * (n - 1)), over rows ranked by `ranked`: the rank
    `i` (0 for the smallest) and count `n` of each row's values. Built on a sort, which DuckDB
    spills to disk, not on median()/quantile_cont(), which hold every value in memory."""
    pos = f"{p} * ({n} - 1)"
    only = f"{where} AND " if where else ""
    return f"sum({x} * (1 - abs({i} - {pos}))) FILTER (WHERE {only}abs({i} - {pos}) < 1)"


def near(*ps: float, i: str = "i", n: str = "n") -> str:
    """The condition keeping only the ranked rows the `quantile`s at `ps` take (a WHERE before
    the aggregate, so the rows it holds at once are a few, not all)."""
    return " OR ".join(f"abs({i} - {p} * ({n} - 1)) < 1" for p in ps)


def ranked(x: str = "x", partition: str = "", i: str = "i", n: str = "n") -> str:
    """Window columns ranking `x` (within `partition`) for `quantile`: the rank `i` of each value
    in order (missing values after the others) and the count `n` of values."""
    over = f"PARTITION BY {partition} " if partition else ""
    return f"row_number() OVER ({over}ORDER BY {x} NULLS LAST) - 1 AS {i}, count({x}) OVER ({over.strip()}) AS {n}"


def fcall(query: str, **values: str) -> str:
    """Like `call`, for a query holding values computed in the kernel: `{name}` in `query` becomes
    the Python expression `values[name]` (an f-string); any other brace is kept as text."""
    body = _layout(query).replace("{", "{{").replace("}", "}}")
    for name, expression in values.items():
        body = body.replace("{{" + name + "}}", "{" + expression + "}")
    if '"""' in body or "\\" in body:
        return "sql(f" + repr(body) + ")"
    return 'sql(f"""\n' + body + '\n""")'


def indent(code: str, by: str = "    ") -> str:
    return "".join(by + line + "\n" for line in code.splitlines())


def _dtype_numeric(column: Column) -> bool:
    """Whether pandas holds the column as numbers (`select_dtypes('number')`)."""
    return bool(_NUMERIC_TYPES.match(column.dtype.strip()))


def _date_formats(column: Column) -> list[str]:
    """strptime formats that read every known value of a column of dates written as text the way
    pandas reads them (`format='mixed'`); `Unsupported` when there is no such list."""
    import warnings

    import pandas as pd
    from pandas.tseries.api import guess_datetime_format

    values = [str(v).strip() for v in column.values if v is not None and str(v).strip()]
    if not values:
        raise Unsupported(
            f"I do not know how the dates in {column.name} are written, so I cannot read them in SQL.",
            f"{column.name}의 날짜 형식을 알 수 없어 SQL로 읽지 못합니다.",
        )
    formats: list[str] = []
    for value in values:
        found = guess_datetime_format(value)
        if found and found not in formats:
            formats.append(found)
    if any("%z" in f or "%Z" in f for f in formats):
        raise Unsupported(
            f"The dates in {column.name} carry time zones, which I cannot read alike in SQL yet.",
            f"{column.name}의 날짜에는 시간대가 있어 아직 SQL로 같게 읽지 못합니다.",
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = pd.to_datetime(pd.Series(values), errors="coerce", format="mixed")
    for value, want in zip(values, expected):
        got = None
        for fmt in formats:
            try:
                got = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
        if (got is None) != pd.isna(want) or (got is not None and pd.Timestamp(got) != want):
            raise Unsupported(
                f"Some dates in {column.name} ({value!r}) are written in a way I cannot read the same in SQL.",
                f"{column.name}의 일부 날짜({value!r})는 SQL에서 같은 방식으로 읽지 못합니다.",
            )
    return formats


_BUCKET_SQL = {
    "day": "strftime({c}, '%Y-%m-%d')",
    "week": "strftime(date_trunc('week', {c}), '%Y-%m-%d')",
    "month": "strftime({c}, '%Y-%m')",
    "quarter": "CAST(year({c}) AS VARCHAR) || 'Q' || CAST(quarter({c}) AS VARCHAR)",
    "year": "year({c})",
    "weekday": "isodow({c}) - 1",
    "month_of_year": "month({c})",
    "quarter_of_year": "quarter({c})",
    "hour": "hour({c})",
    "decade": "(year({c}) // 10) * 10",
}
_PART_SQL = {
    "year": "year({c})",
    "month": "month({c})",
    "day": "day({c})",
    "quarter": "quarter({c})",
    "weekday": "(isodow({c}) - 1)",
    "hour": "hour({c})",
}


class SqlRenderer(PandasRenderer):
    """DuckDB SQL for a plan over the view named `plan.var`, run with the kernel's `sql()`.

    It inherits the pandas renderer's chart, label and naming code, which then runs on the small
    results the SQL brings back; every kind is its own method here (`_sql_<kind>`)."""

    def render(self, plan: Plan, table: Table) -> list[Step]:
        self.plan = plan
        self.root = plan
        self._ranks: list[str] = []  # window columns the medians of the query being built take (`_agg`)
        self.table = table
        self.lang = plan.language
        self.var = plan.var
        check(plan, table)
        self.view = ident(plan.var)
        taken = {c.name for c in table.columns}
        row = "__row"
        while row in taken:
            row = "_" + row
        self.row_name = row
        self.row = ident(row)
        self.parsed = self._parsed_dates()
        if plan.inner is not None:
            return self._sql_composed()
        return getattr(self, f"_sql_{plan.kind}")()

    # --- composition: the inner plan's value per group first (chain.py) ------------

    def _inner_sql(self) -> str:
        """SQL of the inner plan's measure per group (key, value), groups without a key or a value
        left out, as the pandas path leaves them out."""
        outer, parsed = self.plan, self.parsed
        self.plan = outer.inner
        try:
            self.parsed = self._parsed_dates()
            key, _ = self._key_sql(self.plan.group)
            agg = self._agg(self.plan.measures[0], partition=key)
            if self.plan.sides:  # each group's measure in one period less in the other
                a, b = (self._agg(self.plan.measures[0], where=self._mask(side)) for side in self.plan.sides)
                agg = f"{a} - {b}"
            grouped = f"SELECT {key} AS key, {agg} AS value\n{self._from(self._where(None, f'{key} IS NOT NULL'))}\nGROUP BY 1"
        finally:
            self.plan, self.parsed = outer, parsed
        return f"SELECT key, value FROM (\n{indent(grouped, '    ')}\n) WHERE value IS NOT NULL"

    def _sql_picked_row(self) -> list[Step]:
        """The rows holding the inner plan's n-th distinct value (in the file's order, as the
        pandas path takes them), with the column asked."""
        outer, parsed = self.plan, self.parsed
        inner = outer.inner
        self.plan = inner
        try:
            self.parsed = self._parsed_dates()
            column = inner.measures[0].column
            x = ident(column)
            direction = "DESC" if inner.order == "desc" else "ASC"
            values = f"SELECT {x} AS v FROM {self._src()} {self._where(None, f'{x} IS NOT NULL')}".replace("\n", " ")
            cut = (
                f"(SELECT {'min' if inner.order == 'desc' else 'max'}(v) FROM "
                f"(SELECT DISTINCT v FROM ({values}) ORDER BY v {direction} LIMIT {inner.rank}))"
            )
            labels = self._label_columns()
            code = self._fetch_rows(
                "top", labels + [column, outer.columns[0]], self._where(None, f"{x} = {cut}"), self.row, None
            )
            code += self._label_code("top")
        finally:
            self.plan, self.parsed = outer, parsed
        asked = q(outer.columns[0])
        code += (
            f"cut = top[{q(column)}].iloc[0] if len(top) else float('nan')\n"
            "print('cut', cut, len(top), sep='\\t')\n"
            f"for label, value in zip(names, top[{asked}]):\n"
            "    print(label, round(float(value), 6) if isinstance(value, (int, float)) else value, sep='\\t')\n"
        )
        return self._step(self._intro(), code)

    def _sql_composed(self) -> list[Step]:
        p = self.plan
        inner = p.inner
        if p.inner_use == "row":
            return self._sql_picked_row()
        per = self._inner_sql()
        if p.inner_use == "first":
            op, value = p.inner_test
            query = (
                f"SELECT key, value, count(*) OVER () AS hits, total FROM (\n"
                f"    SELECT key, value, count(*) OVER () AS total FROM (\n{indent(per, '        ')}\n    )\n"
                f") WHERE value {op} {literal(value)} ORDER BY key LIMIT 1"
            )
            code = (
                f"result = {call(query)}\n"
                "if len(result):\n"
                "    print('first', result['key'].iloc[0], round(float(result['value'].iloc[0]), 6),"
                " int(result['hits'].iloc[0]), int(result['total'].iloc[0]), sep='\\t')\n"
                "else:\n"
                "    print('first', '', 'nan', 0, 0, sep='\\t')\n"
            )
            return self._step(self._intro(), code)
        if p.inner_use == "count" and inner.successive:
            # each period's change from the one before, computed as the pandas path computes it
            # (on the periods' values the query returns), then those meeting the test counted
            op, value = p.inner_test
            self.plan = inner
            try:
                change = self._successive("per")
            finally:
                self.plan = p
            code = (
                f"per = {call(per)}.set_index('key')['value'].astype(float)\n" + change + "per = per.dropna()\n"
                f"print('periods', int((per {op} {literal(value)}).sum()), len(per), sep='\\t')\n"
            )
            return self._step(self._intro(), code)
        if _zero_filled(p):
            # periods under a total: every period of the data's span, 0 where no row matches
            op, value = p.inner_test
            outer, parsed = self.plan, self.parsed
            self.plan = inner
            try:
                self.parsed = self._parsed_dates()
                key, _ = self._key_sql(inner.group)
                span = f"SELECT DISTINCT {key} AS key\n{self._from(f'WHERE {key} IS NOT NULL')}"
            finally:
                self.plan, self.parsed = outer, parsed
            code = (
                f"per = {call(per)}.set_index('key')['value'].astype(float)\n"
                f"span = {call(span)}['key']\n"
                + _fill_span(inner.group.bucket, "per", "span")
                + f"print('periods', int((per {op} {literal(value)}).sum()), len(per), sep='\\t')\n"
            )
            return self._step(self._intro(), code)
        if p.inner_use == "keep":
            # the groups kept by their value, then the outer plan on their rows
            op, value = inner.kept
            self._picked_sql = f"SELECT key FROM (\n{indent(per, '    ')}\n) WHERE value {op} {literal(value)}"
            count = (
                f"SELECT count(*) FILTER (WHERE value {op} {literal(value)}) AS n, count(*) AS total, "
                f"list(key ORDER BY key) FILTER (WHERE value {op} {literal(value)}) AS keys FROM (\n{indent(per, '    ')}\n)"
            )
            code = (
                f"kept = {call(count)}\n"
                "keys = kept['keys'].iloc[0]\n"
                "keys = [] if keys is None else list(keys)\n"
                "print('kept', int(kept['n'].iloc[0]), int(kept['total'].iloc[0]), *keys[:20], sep='\\t')\n"
            )
            steps = getattr(self, f"_sql_{p.kind}")()
            return [Step(steps[0].intro, code + steps[0].code), *steps[1:]]
        if p.inner_use == "count":
            op, value = p.inner_test
            query = (
                f"SELECT count(*) FILTER (WHERE value {op} {literal(value)}) AS n, count(*) AS total FROM (\n"
                f"{indent(per, '    ')}\n)"
            )
            code = (
                f"result = {call(query)}\n"
                "print('periods', int(result['n'].iloc[0]), int(result['total'].iloc[0]), sep='\\t')\n"
            )
            return self._step(self._intro(), code)
        order = "value ASC, key" if inner.order == "asc" else "value DESC, key"
        self._picked_sql = (
            f"SELECT key FROM (\n{indent(per, '    ')}\n) ORDER BY {order} LIMIT 1 OFFSET {inner.rank - 1}"
        )
        pick = self._picked_sql.replace("SELECT key FROM", "SELECT key, value FROM", 1)
        code = (
            f"picked = {call(pick)}\n"
            "print('picked', picked['key'].iloc[0], round(float(picked['value'].iloc[0]), 6), sep='\\t')\n"
        )
        steps = getattr(self, f"_sql_{p.kind}")()
        return [Step(steps[0].intro, code + steps[0].code), *steps[1:]]

    # --- the rows a plan is about ---------------------------------------------------------------

    def _parsed_dates(self) -> dict[str, str]:
        """SQL reading the dates written as text or numbers that the plan uses (as `_data` does)."""
        p = self.plan
        used = set()
        for c in [*p.conditions, *p.base, *(x for side in p.sides for x in side)]:
            used.add(c.column)
        if p.group is not None:
            used.add(p.group.column)
        used.update(p.labels)
        used.update(c for c in (p.time_column, *p.columns) if c)
        used.update(x for a, op, b in p.derived.values() if op in DURATION_SECONDS for x in (a, b))
        out = {}
        for name in sorted(used):
            fmt = p.date_columns.get(name)
            if not fmt:
                continue
            if name not in {c.name for c in self.table.columns}:
                continue
            if fmt == YEAR_DOT_MONTH:
                col = ident(name)
                out[name] = (
                    f"try_strptime(CAST(CAST(floor({col}) AS BIGINT) AS VARCHAR) || '-' || "
                    f"CAST(CAST(round(({col} - floor({col})) * 100) AS BIGINT) AS VARCHAR) || '-01', '%Y-%m-%d')"
                )
            elif fmt == DECIMAL_YEAR:
                col = ident(name)
                year = f"floor({col} + 1e-6)"
                out[name] = (
                    f"try_strptime(CAST(CAST({year} AS BIGINT) AS VARCHAR) || '-' || "
                    f"CAST(CAST(round(({col} - {year}) * 12) + 1 AS BIGINT) AS VARCHAR) || '-01', '%Y-%m-%d')"
                )
            elif fmt in TEXT_PERIODS:
                # a period written as text: its year and month or quarter, as its first day
                pattern, unit = TEXT_PERIODS[fmt]
                col, pat = ident(name), literal(pattern)
                part = f"TRY_CAST(regexp_extract({col}, {pat}, 2) AS INTEGER)"
                month = part if unit == "month" else f"{part} * 3 - 2"
                out[name] = (
                    f"try_strptime(regexp_extract({col}, {pat}, 1) || '-' || CAST({month} AS VARCHAR) || '-01', "
                    "'%Y-%m-%d')"
                )
            elif fmt == "mixed":
                formats = _date_formats(self.table.column(name))
                pattern = (
                    literal(formats[0]) if len(formats) == 1 else "[" + ", ".join(literal(f) for f in formats) + "]"
                )
                out[name] = f"try_strptime({ident(name)}, {pattern})"
            else:
                out[name] = f"try_strptime(CAST(CAST({ident(name)} AS BIGINT) AS VARCHAR), {literal(fmt)})"
        # amounts written as text ("$88,000", "12.5%", "3억 2,000만"), read as numbers in their unit
        # (a value that is no such amount stops the query)
        root = getattr(self, "root", p)
        for name in amounts_used(root):
            out[name] = sql_expr(ident(name), root.amounts[name])
        return out

    def _src(self, rows: bool = False) -> str:
        """What to select from: the view, with the row's position (`rows`) and dates read."""
        if not self.parsed and not rows:
            return self.view
        items = [f"row_number() OVER () - 1 AS {self.row}"] if rows else []
        star = "*"
        if self.parsed:
            star += " REPLACE (" + ", ".join(f"{expr} AS {ident(name)}" for name, expr in self.parsed.items()) + ")"
        items.append(star)
        return f"(SELECT {', '.join(items)} FROM {self.view}) AS data"

    def _cond(self, c: Condition) -> str:
        if c.op == "any":  # either of two conditions ("comedies or dramas")
            return "(" + " OR ".join(self._cond(x) for x in c.value) + ")"
        column = self._expr(c.column)
        if c.op in ("last", "first"):
            # the data's own last (first) n periods, as pandas: "the last 5 years", "첫 해"
            n, by, _ = c.value
            if by is not None:
                key = f"({column} * 12 + {ident(by)})"
            else:
                key = {"year": "year({c})", "month": "date_trunc('month', {c})", "day": "CAST({c} AS DATE)"}.get(
                    c.part or "", "{c}"
                ).format(c=column)
            order = "DESC" if c.op == "last" else "ASC"
            return f"{key} IN (SELECT DISTINCT {key} FROM {self._src()} WHERE {key} IS NOT NULL ORDER BY 1 {order} LIMIT {n})"
        if c.part in _PART_SQL:
            column = _PART_SQL[c.part].format(c=column)
        value = c.value
        if value is PICKED and c.op == "in":  # the groups the inner plan kept (`_sql_composed`)
            return f"{column} IN ({self._picked_sql})"
        if value is PICKED:  # the group the inner plan picked (`_sql_composed`)
            return f"{column} = ({self._picked_sql})"
        if c.part == "date":
            import pandas as pd

            def stamp(v: Any) -> str:
                return f"TIMESTAMP {literal(pd.Timestamp(v).isoformat(sep=' '))}"

            if c.op == "between":
                return f"({column} >= {stamp(value[0])} AND {column} < {stamp(value[1])} + INTERVAL 1 DAY)"
            if c.op == "<=":
                return f"{column} < {stamp(value)} + INTERVAL 1 DAY"
            if c.op == ">":
                return f"{column} >= {stamp(value)} + INTERVAL 1 DAY"
            if c.op == "!=":
                return f"{column} IS DISTINCT FROM {stamp(value)}"
            return f"{column} {'=' if c.op == '==' else c.op} {stamp(value)}"
        if c.op == "isna":
            return f"{column} IS NULL"
        if c.op == "notna":
            return f"{column} IS NOT NULL"
        if c.op == "either":  # a value of either column of a pair (home_team or away_team)
            other, one = value
            return f"({column} = {literal(one)} OR {self._expr(other)} = {literal(one)})"
        if c.op == "in":
            return f"{column} IN ({', '.join(literal(v) for v in value)})"
        if c.op == "not in":  # pandas: a missing value is not in the list
            return f"({column} IS NULL OR {column} NOT IN ({', '.join(literal(v) for v in value)}))"
        if c.op == "between":
            return f"{column} BETWEEN {literal(value[0])} AND {literal(value[1])}"
        if c.op == "within":
            return f"({column} >= {literal(value[0])} AND {column} < {literal(value[1])})"
        if c.op == "outside":
            return f"({column} < {literal(value[0])} OR {column} >= {literal(value[1])})"
        if c.op == "vs_stat":  # against the column's own mean, median or quantile, as pandas computes them
            cmp, stat, share = c.value
            fn = {"mean": f"avg({column})", "median": f"quantile_cont({column}, 0.5)"}.get(
                stat, f"quantile_cont({column}, {float(share or 0.5)!r})"
            )
            return f"{column} {cmp} (SELECT {fn} FROM {self._src()})"
        if c.op == "outlier":  # more than k IQR below the first quartile or above the third, of the column
            q1, q3 = f"quantile_cont({column}, 0.25)", f"quantile_cont({column}, 0.75)"
            k = literal(value)
            low = f"(SELECT {q1} - {k} * ({q3} - {q1}) FROM {self._src()})"
            high = f"(SELECT {q3} + {k} * ({q3} - {q1}) FROM {self._src()})"
            return f"({column} < {low} OR {column} > {high})"
        if c.op == "!=":  # pandas: a missing value differs from every value
            return f"{column} IS DISTINCT FROM {literal(value)}"
        return f"{column} {'=' if c.op == '==' else c.op} {literal(value)}"

    def _mask(self, conditions: list[Condition]) -> str:
        return " AND ".join(self._cond(c) for c in conditions) or "TRUE"

    def _where(self, conditions: list[Condition] | None = None, *extra: str) -> str:
        conditions = self.plan.conditions if conditions is None else conditions
        parts = [self._cond(c) for c in conditions] + [e for e in extra if e]
        return ("WHERE " + "\n  AND ".join(parts)) if parts else ""

    def _key_sql(self, g: Grouping) -> tuple[str, str]:
        """(SQL of a group's key, how pandas orders its groups: "index" or "value")."""
        column = ident(g.column)
        c = self.table.column(g.column)
        if g.bucket is None or (g.bucket == "year" and c.yearlike and not c.is_date):  # years: their own values
            return column, "index" if (c.numeric or c.is_date or c.yearlike) else "value"
        if g.bucket == "hour" and self.table.column(g.column).clock == "text":
            return f"TRY_CAST(substr({column}, 1, 2) AS INTEGER)", "index"  # "21:05": hour 21
        if g.bucket == "decade" and not c.is_date:  # a column of years: 1840 for the 1840s
            return f"(CAST({column} AS BIGINT) // 10) * 10", "index"
        return _BUCKET_SQL[g.bucket].format(c=column), "index"

    def _expr(self, column: str) -> str:
        """A column, or the per-row difference the plan derives under that name."""
        if column in self.plan.derived and self.plan.derived[column][1] == "-":
            a, _, b = self.plan.derived[column]
            return f"round({ident(a)} - {ident(b)}, 9)"  # (28.1 − 9.0 and 21.2 − 2.1 are one value)
        if column in self.plan.derived and self.plan.derived[column][1] == "+":
            a, _, b = self.plan.derived[column]  # a per-row sum (none where a value is missing)
            return f"({self._value(a)} + {self._value(b)})"
        if column in self.plan.derived and self.plan.derived[column][1] == "q":
            a, _, b = self.plan.derived[column]  # a per-row ratio, none where the divisor is 0
            return f"(CAST({ident(a)} AS DOUBLE) / NULLIF(CAST({ident(b)} AS DOUBLE), 0))"
        if column in self.plan.derived and self.plan.derived[column][1] in DURATION_SECONDS:
            a, op, b = self.plan.derived[column]  # seconds from one date to the other, as pandas
            per = DURATION_SECONDS[op]
            return f"(epoch({ident(a)}) - epoch({ident(b)}))" + (f" / {per}" if per > 1 else "")
        return ident(column)

    def _value(self, column: str) -> str:
        """A column's values for arithmetic (booleans counted as 1 and 0, as pandas sums them)."""
        if self.table.column(column).kind == "boolean" or self.table.column(column).dtype == "bool":
            return f"CAST({ident(column)} AS INTEGER)"
        return self._expr(column)

    def _agg(self, m: Measure, where: str = "", partition: str = "") -> str:
        """A measure as a SQL aggregate (`where`: a FILTER on the rows it takes; `partition`: the
        group key of the query it is in). A median takes its values' ranks, which `_from` adds."""
        only = f" FILTER (WHERE {where})" if where else ""
        if m.column is None:
            return f"count(*){only}"
        if m.agg in ("ratio", "wmean"):
            # total a ÷ total b, or Σ a·b ÷ Σ b, over the rows holding both values (as pandas)
            a, _, b = self.plan.derived[m.column]
            both = f"{ident(a)} IS NOT NULL AND {ident(b)} IS NOT NULL" + (f" AND ({where})" if where else "")
            num = ident(a) if m.agg == "ratio" else f"{ident(a)} * {ident(b)}"
            return f"(sum({num}) FILTER (WHERE {both}) / NULLIF(sum({ident(b)}) FILTER (WHERE {both}), 0))"
        x = self._value(m.column)
        at = 0.5 if m.agg == "median" else quantile_of(m.agg)
        if at is not None or m.agg == "iqr":
            i, n = f"_rank_{len(self._ranks)}", f"_count_{len(self._ranks)}"
            self._ranks.append(ranked(x, ", ".join(filter(None, [partition, f"({where})" if where else ""])), i, n))
            if m.agg == "iqr":
                return f"({quantile(0.75, x, i, n, where)} - {quantile(0.25, x, i, n, where)})"
            return quantile(at, x, i, n, where)
        return {
            "count": f"count({x}){only}",
            "nunique": f"count(DISTINCT {x}){only}",
            "sum": f"sum({x}){only}",  # no recorded values: missing (pandas: sum(min_count=1)), never 0
            "mean": f"avg({x}){only}",
            "min": f"min({x}){only}",
            "max": f"max({x}){only}",
            "std": f"stddev_samp({x}){only}",
            "var": f"var_samp({x}){only}",
            "skew": f"skewness({x}){only}",
            "cv": f"(stddev_samp({x}){only} / avg({x}){only})",
        }[m.agg]

    def _from(self, where: str) -> str:
        """FROM and WHERE of a query over the rows meeting `where`, with the ranks its medians take
        (`_agg`) computed over those rows: a sort, which DuckDB spills to disk, where median()
        would hold every value in memory."""
        if not self._ranks:
            return f"FROM {self._src()}\n{where}"
        ranks, self._ranks = self._ranks, []
        return (
            f"FROM (SELECT *, {(',' + chr(10) + '        ').join(ranks)}\n"
            f"      FROM {self._src()}\n      {where.replace(chr(10), chr(10) + '      ')})\n{where}"
        )

    def _rows_count(self, conditions: list[Condition] | None = None, name: str = "rows") -> str:
        """Code counting the rows meeting the conditions into `name`."""
        query = f"SELECT count(*) AS n\nFROM {self._src()}\n{self._where(conditions)}"
        return f"{name} = int({call(query)}['n'].iloc[0])\n"

    def _grouped(
        self, select: str, g: Grouping, where: str, order: str, conditions: list[Condition] | None = None
    ) -> str:
        """Code fetching `result` (key, value... and the number of groups `groups`) of a grouped
        query: groups without a key or a value are left out, as pandas leaves them out."""
        key, _ = self._key_sql(g)
        query = (
            f"SELECT *, count(*) OVER () AS groups FROM (\n"
            f"    SELECT {key} AS key, {select}\n"
            + indent(self._from(self._where(conditions, f"{key} IS NOT NULL")) + "\n", "    ")
            + "    GROUP BY 1\n)\n"
            + (f"WHERE {where}\n" if where else "")
            + f"ORDER BY {order}\nLIMIT {MAX_GROUPS}"
        )
        return f"result = {call(query)}\ngroups = int(result['groups'].iloc[0]) if len(result) else 0\n"

    def _order(self, order_kind: str, descending: bool | None = None) -> str:
        """ORDER BY of a grouped query: the groups pandas would list first come first."""
        if self.plan.order or order_kind == "value":
            return "value ASC, key" if self.plan.order == "asc" else "value DESC, key"
        return "key"

    # --- kinds ----------------------------------------------------------------------------------

    def _sql_coverage(self) -> list[Step]:
        """Periods with no row: the periods present are read in SQL (a few thousand at most), the
        calendar and its difference in pandas, as the pandas path computes them."""
        p = self.plan
        g = p.group
        freq = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}[g.bucket]
        date = ident(g.column)
        span = f"SELECT min({date}) AS low, max({date}) AS high\nFROM {self._src()}"
        entity = ident(p.columns[0]) if p.columns else None
        if entity is not None:
            # each value's periods present (the pairs, not the rows): its calendar less those, as
            # the pandas path computes them
            have = (
                f"SELECT DISTINCT {entity} AS entity, CAST({date} AS DATE) AS day\nFROM {self._src()}\n"
                f"{self._where(None, f'{date} IS NOT NULL', f'{entity} IS NOT NULL')}"
            )
        else:
            have = f"SELECT DISTINCT CAST({date} AS DATE) AS day\nFROM {self._src()}\n{self._where(None, f'{date} IS NOT NULL')}"
        code = (
            f"# every {g.bucket} from the data's first to its last, and those with a row\n"
            f"span = {call(span)}.iloc[0]\n"
            f"expected = pd.period_range(span['low'], span['high'], freq={freq!r})\n"
        )
        on_dates = [k for k in p.conditions if k.column == g.column]
        if on_dates:
            code += (
                f"calendar = pd.DataFrame({{{q(g.column)}: expected.start_time}})\n"
                f"expected = expected[({' & '.join(PandasRenderer._cond(self, k, 'calendar') for k in on_dates)}).to_numpy()]\n"
            )
        if entity is not None:
            code += (
                f"present = {call(have)}\n"
                f"have = pd.MultiIndex.from_arrays([present['entity'], pd.to_datetime(present['day']).dt.to_period({freq!r})]).unique()\n"
                "full = pd.MultiIndex.from_product([present['entity'].unique(), expected])\n"
                "missing = full.difference(have)\n"
                "labels = [f'{a} {b}' for a, b in missing]\n"
            )
        else:
            code += (
                f"have = pd.to_datetime({call(have)}['day']).dt.to_period({freq!r}).unique()\n"
                "missing = expected.difference(have)\n"
                "labels = [str(x) for x in missing]\n"
            )
        code += (
            "print('expected', len(expected), sep='\\t')\n"
            "print('span', str(expected[0]) if len(expected) else '', str(expected[-1]) if len(expected) else '', sep='\\t')\n"
            "print('missing', len(missing), sep='\\t')\n"
            "for label in labels[:100]:\n    print(label)\n"
        )
        return self._step(self._intro(), code)

    def _sql_aggregate(self) -> list[Step]:
        p = self.plan
        if p.group is None:
            return self._step(self._intro(), self._ungrouped())
        if any(m.agg == "range" or (m.per and (len(p.measures) > 1 or p.having or p.overall)) for m in p.measures):
            raise Unsupported(
                "I cannot compute a range or a per-period measure for each group in SQL yet.",
                "그룹마다 범위나 기간별 값을 구하는 것은 아직 SQL로 하지 못합니다.",
            )
        if p.group2 is not None:
            return self._step(self._intro(), self._sql_two_way())
        key, order = self._key_sql(p.group)
        code = self._rows_count()
        if p.sides:
            # the measure per group on each side (a count of no rows is 0, a sum of none missing,
            # as pandas gives them); the change itself is computed as the pandas path computes it
            m = p.measures[0]
            a, b = (self._agg(m, self._mask(side), partition=key) for side in p.sides)
            change = "value_a / NULLIF(value_b, 0)" if p.change == "percent" else "value_a - value_b"
            code += self._grouped(
                f"{a} AS value_a, {b} AS value_b",
                p.group,
                "",
                f"{change} {'ASC' if p.order == 'asc' else 'DESC'} NULLS LAST, key",
            )
            code += (
                "result = result.set_index('key')\n"
                "value_a, value_b = result['value_a'].astype(float), result['value_b'].astype(float)\n"
            )
            code += self._group_change("rows")
            return self._step(self._intro(), code)
        if len(p.measures) == 1:
            m = p.measures[0]
            having = f" AND n_rows {p.having[0]} {literal(p.having[1])}" if p.having else ""
            if p.kept:  # only the groups whose value is so
                having += f" AND value {p.kept[0]} {literal(p.kept[1])}"
            if p.overall:  # the one value over every listed group's rows, given first
                where = self._where(None, f"{key} IS NOT NULL")
                code += f"overall = {call(f'SELECT {self._agg(m)} AS value{chr(10)}{self._from(where)}')}['value'].iloc[0]\n"
            # rows counted per group (`counted`): each group of the rows the other conditions keep
            # has its number of rows meeting them, 0 when none does
            if m.per:
                code += self._per_period_grouped(m, having)
            else:
                value = self._agg(m, self._mask(p.counted) if p.counted else "", partition=key)
                code += self._grouped(
                    f"{value} AS value" + (", count(*) AS n_rows" if p.having else ""),
                    p.group,
                    "key IS NOT NULL AND value IS NOT NULL" + having,
                    self._order(order),
                    _kept(p),
                )
            code += (
                f"result = result.set_index('key')['value'].rename_axis({q(p.group.column)}).sort_index()\n"
                + self._successive()
                + "result = result.dropna()\n"
            )
            ascending = p.order == "asc"
            if p.order or order == "value":
                code += f"result = result.sort_values(ascending={ascending})\n"
            else:
                code += "result = result.sort_index()\n"
            code += self._names(p.group)
            code += "print('rows', rows, sep='\\t')\nprint('groups', groups, sep='\\t')\n"
            if p.overall:
                code += "print('overall', round(float(overall), 6) if pd.notna(overall) else 'nan', sep='\\t')\n"
            code += "for label, value in result.round(6).items():\n    print(label, value, sep='\\t')\n"
            code += self._group_chart("result")
        else:
            if p.having:
                raise Unsupported(
                    "I can filter groups by their number of rows for one measure at a time.",
                    "행 수로 그룹을 거르는 것은 한 번에 한 가지 값에 대해서만 할 수 있습니다.",
                )
            names = [measure_words(m, self.lang) for m in p.measures]
            select = ", ".join(f"{self._agg(m, partition=key)} AS value_{i}" for i, m in enumerate(p.measures))
            code += self._grouped(select, p.group, "", "key")
            code += (
                f"result = result.set_index('key')[{[f'value_{i}' for i in range(len(names))]!r}]"
                f".rename_axis({q(p.group.column)})\n"
                f"result.columns = {names!r}\n"
            )
            code += "result = result.sort_index()\n" + self._names(p.group)
            code += "print('rows', rows, sep='\\t')\nprint('groups', groups, sep='\\t')\n"
            code += "for label, values in result.round(6).iterrows():\n    print(label, *values.tolist(), sep='\\t')\n"
            code += self._group_chart("result")
        return self._step(self._intro(), code)

    def _sql_two_way(self) -> str:
        """A measure of every combination of two columns' values (`Plan.group2`), as the pandas
        path prints it: the combinations with both values and a value, in the order of the first
        column's values and the second's, or ranked by the measure when an order was asked."""
        p = self.plan
        a, b = ident(p.group.column), ident(p.group2.column)
        if p.measures[0].agg == "share":  # each combination's rows as a share of its first value's rows
            value = f"CAST(count(*) AS DOUBLE) / sum(count(*)) OVER (PARTITION BY {a})"
        else:
            value = self._agg(p.measures[0], partition=f"{a}, {b}")
        where = self._where(None, f"{a} IS NOT NULL", f"{b} IS NOT NULL")
        order = "g1, g2"
        if p.order:
            order = f"value {'ASC' if p.order == 'asc' else 'DESC'}, g1, g2"
        query = (
            f"SELECT * FROM (\n    SELECT {a} AS g1, {b} AS g2, {value} AS value\n"
            + indent(self._from(where) + "\n", "    ")
            + f"    GROUP BY 1, 2\n)\nWHERE value IS NOT NULL\nORDER BY {order}\nLIMIT {MAX_GROUPS}"
        )
        code = self._rows_count()
        code += (
            f"result = {call(query)}\n"
            f"result = result.set_index(['g1', 'g2'])['value'].rename_axis([{q(p.group.column)}, {q(p.group2.column)}])\n"
            "print('rows', rows, sep='\\t')\nprint('groups', len(result), sep='\\t')\n"
            "for (first, second), value in result.round(6).items():\n"
            "    print(first, second, value, sep='\\t')\n"
        )
        return code + self._two_way_chart("result")

    def _ungrouped(self) -> str:
        p = self.plan
        select = ["count(*) AS rows"]
        for i, m in enumerate(p.measures):
            if m.per or m.column is None:
                continue
            if m.agg == "range":
                select += [f"min({self._value(m.column)}) AS low_{i}", f"max({self._value(m.column)}) AS high_{i}"]
            else:
                select.append(f"{self._agg(m)} AS value_{i}")
        query = f"SELECT {', '.join(select)}\n{self._from(self._where())}"
        code = f"result = {call(query)}\n"
        code += "print('rows', int(result['rows'].iloc[0]), sep='\\t')\n"
        for i, m in enumerate(p.measures):
            if m.per:
                code += self._per_period_sql(m)
            elif m.column is None:
                continue
            elif m.agg == "range":
                code += (
                    f"low, high = result['low_{i}'].iloc[0], result['high_{i}'].iloc[0]\n"
                    "print('range', round(float(high - low), 6) if pd.notna(low) else 'nan', low, high, sep='\\t')\n"
                )
            else:
                code += (
                    f"value = result['value_{i}'].iloc[0]\n"
                    f"print({q(m.agg)}, round(float(value), 6) if pd.notna(value) else 'nan', sep='\\t')\n"
                )
        return code

    def _per_period_sql(self, m: Measure) -> str:
        """The measure over the totals per period ("average daily sales"): totals in SQL, then
        their mean (median, ...) in pandas, as the pandas code takes it."""
        key, _ = self._key_sql(Grouping(self.plan.time_column, m.per))
        total = "count(*)" if m.column is None else f"coalesce(sum({self._value(m.column)}), 0)"
        query = (
            f"SELECT {key} AS period, {total} AS total\nFROM {self._src()}\n"
            f"{self._where(None, f'{key} IS NOT NULL')}\nGROUP BY 1"
        )
        agg = f"{_PANDAS_AGG[m.agg]}()" if m.agg in _PANDAS_AGG else _call(m.agg)
        return (
            f"totals = {call(query)}['total']\n"
            f"value = totals.{agg}\n"
            f"print({q(m.agg)}, round(float(value), 6) if pd.notna(value) else 'nan', len(totals), sep='\\t')\n"
        )

    def _per_period_grouped(self, m: Measure, having: str) -> str:
        """Code fetching `result` and `groups` of a measure per period for each group ("average
        number of workers per year by region"): each group's total per period, then the measure
        over the periods it has, as the pandas code takes them."""
        p = self.plan
        if m.agg not in _PER_SQL:
            raise Unsupported(
                f"I cannot compute the {m.agg} of totals per period for each group in SQL yet.",
                f"그룹마다 기간별 합계의 {m.agg} 값은 아직 SQL로 구하지 못합니다.",
            )
        key, order = self._key_sql(p.group)
        period, _ = self._key_sql(Grouping(p.time_column, m.per))
        total = "count(*)" if m.column is None else f"coalesce(sum({self._value(m.column)}), 0)"
        totals = (
            f"SELECT {key} AS key, {period} AS period, {total} AS total\nFROM {self._src()}\n"
            f"{self._where(None, f'{key} IS NOT NULL', f'{period} IS NOT NULL')}\nGROUP BY 1, 2"
        )
        query = (
            "SELECT *, count(*) OVER () AS groups FROM (\n"
            f"    SELECT key, {_PER_SQL[m.agg]}(total) AS value FROM (\n"
            + indent(totals, "        ")
            + "\n    )\n    GROUP BY 1\n)\n"
            + f"WHERE key IS NOT NULL AND value IS NOT NULL{having}\n"
            + f"ORDER BY {self._order(order)}\nLIMIT {MAX_GROUPS}"
        )
        return f"result = {call(query)}\ngroups = int(result['groups'].iloc[0]) if len(result) else 0\n"

    def _sql_share(self) -> list[Step]:
        p = self.plan
        m = p.measure or Measure("count")
        hit = self._mask(p.conditions)
        if p.group is not None:
            code = self._rows_count(p.base, "rows")
            x = None if m.column is None else self._value(m.column)
            if p.conditions and m.agg == "nunique":
                day = f"CAST({ident(m.column)} AS DATE)"  # days, not rows
                value = f"count(DISTINCT {day}) FILTER (WHERE {hit}) / count(DISTINCT {day})"
            elif p.conditions:
                value = (
                    f"avg(CASE WHEN {hit} THEN 1.0 ELSE 0.0 END)"
                    if x is None
                    else f"coalesce(sum({x}) FILTER (WHERE {hit}), 0) / coalesce(sum({x}), 0)"
                )
            else:
                total = "count(*)" if x is None else f"coalesce(sum({x}), 0)"
                value = f"{total} / sum({total}) OVER ()"
            # the groups in the order asked ("the lowest survival rate": lowest first), as pandas
            ascending = p.order == "asc"
            order = "value ASC, key" if ascending else "value DESC, key"
            code += self._grouped(f"{value} AS value", p.group, "value IS NOT NULL", order, p.base)
            code += (
                f"result = result.set_index('key')['value'].rename_axis({q(p.group.column)}).sort_index()\n"
                f"result = result.dropna().sort_values(ascending={ascending})\n" + self._names(p.group)
            )
            code += "print('rows', rows, sep='\\t')\nprint('groups', groups, sep='\\t')\n"
            code += "for label, value in result.round(6).items():\n    print(label, value, sep='\\t')\n"
            code += self._group_chart("result")
            return self._step(self._intro(), code)
        select = ["count(*) AS base", f"count(*) FILTER (WHERE {hit}) AS matching"]
        if m.agg == "nunique":  # days, not rows: a day counts once however many rows it has
            day = f"CAST({ident(m.column)} AS DATE)"
            select = [f"count(DISTINCT {day}) AS base", f"count(DISTINCT {day}) FILTER (WHERE {hit}) AS matching"]
        elif m.column is not None:
            x = self._value(m.column)
            select += [f"coalesce(sum({x}), 0) AS total", f"coalesce(sum({x}) FILTER (WHERE {hit}), 0) AS part"]
        query = f"SELECT {', '.join(select)}\nFROM {self._src()}\n{self._where(p.base)}"
        code = f"result = {call(query)}\n"
        code += "base, hits = int(result['base'].iloc[0]), int(result['matching'].iloc[0])\n"
        if m.column is None or m.agg == "nunique":
            code += "print('base', base, sep='\\t')\nprint('matching', hits, sep='\\t')\n"
            code += "print('share', round(hits / base, 6) if base else float('nan'), sep='\\t')\n"
        else:
            code += (
                "total, part = result['total'].iloc[0], result['part'].iloc[0]\n"
                "print('base', round(total, 6), sep='\\t')\nprint('matching', round(part, 6), sep='\\t')\n"
                "print('share', round(part / total, 6) if total else float('nan'), sep='\\t')\n"
            )
        if p.chart == "pie":
            code += (
                f"ax = pd.Series([hits, base - hits], index=[{q(self._t('matching', '해당'))}, "
                f"{q(self._t('other', '그 외'))}]).plot.pie(autopct='%1.1f%%', ylabel='')\n"
                + self._title()
                + self._show()
            )
        return self._step(self._intro(), code)

    def _sql_compare(self) -> list[Step]:
        p = self.plan
        m = p.measure
        select = []
        for name, side in zip(("a", "b"), p.sides):
            mask = self._mask(side)
            select.append(f"count(*) FILTER (WHERE {mask}) AS rows_{name}")
            if m.column is not None:
                select.append(f"{self._agg(m, mask)} AS value_{name}")
        query = f"SELECT {', '.join(select)}\n{self._from(self._where())}"
        code = f"result = {call(query)}.iloc[0]\n"
        for name in ("a", "b"):
            code += f"rows_{name} = int(result['rows_{name}'])\n"
            code += f"value_{name} = rows_{name}\n" if m.column is None else f"value_{name} = result['value_{name}']\n"
        code += (
            "print('a', round(value_a, 6), rows_a, sep='\\t')\n"
            "print('b', round(value_b, 6), rows_b, sep='\\t')\n"
            "print('difference', round(value_a - value_b, 6), sep='\\t')\n"
        )
        names = [("≠ " if side[0].op == "!=" else "") + str(side[0].value) for side in p.sides]
        if p.chart:
            code += (
                f"ax = pd.Series([value_a, value_b], index={names!r}).plot.bar(color=['#4c72b0', '#dd8452'], rot=0)\n"
                f"ax.set_ylabel({q(measure_words(m, self.lang))})\n" + self._title() + self._show()
            )
        return self._step(self._intro(), code)

    def _label_columns(self) -> list[str]:
        names = {c.name for c in self.table.columns}
        return [c for c in self.plan.labels if c in names]

    def _fetch_rows(self, name: str, columns: list[str], where: str, order: str, limit: int | None) -> str:
        """Code fetching rows (with their position as the index, as a DataFrame has it)."""
        selected = ", ".join([self.row, *(ident(c) for c in dict.fromkeys(columns))])
        query = f"SELECT {selected}\nFROM {self._src(rows=True)}\n{where}\nORDER BY {order}" + (
            f"\nLIMIT {limit}" if limit is not None else ""
        )
        return f"{name} = {call(query)}\n{name} = {name}.set_index({q(self.row_name)}).rename_axis(None)\n"

    def _sql_rows(self) -> list[Step]:
        p = self.plan
        labels = self._label_columns()
        if not p.measures:
            query = (
                f"SELECT count(*) FILTER (WHERE {self._mask(p.conditions)}) AS matching, count(*) AS total\n"
                f"FROM {self._src()}"
            )
            code = f"counts = {call(query)}.iloc[0]\n"
            code += "print('rows', int(counts['matching']), sep='\\t')\n"
            code += "print('total', int(counts['total']), sep='\\t')\n"
            code += self._fetch_rows("shown", labels + p.columns[:1], self._where(), self.row, 15)
            code += self._label_code("shown")
            if p.columns:
                column = p.columns[0]
                code += f"for label, value in zip(names, shown[{q(column)}].round(6)):\n    print(label, value, sep='\\t')\n"
            else:
                code += "for label in names:\n    print(label)\n"
            return self._step(self._intro(), code)
        m = p.measures[0]
        column = m.column
        x = ident(column)
        code = f"ranked_rows = int({call(f'SELECT count({x}) AS n' + chr(10) + f'FROM {self._src()}' + chr(10) + self._where())}['n'].iloc[0])\n"
        desc = p.order == "desc"
        direction = "DESC" if desc else "ASC"
        inner = f"SELECT {x} AS v FROM {self._src()} {self._where(None, f'{x} IS NOT NULL')}".replace("\n", " ")
        if p.superlative and p.rank > 1:
            # the n-th distinct value, with every row that has it (in the file's order)
            cut = f"(SELECT {'min' if desc else 'max'}(v) FROM (SELECT DISTINCT v FROM ({inner}) ORDER BY v {direction} LIMIT {p.rank}))"
            code += self._fetch_rows(
                "top", labels + [column], self._where(None, f"{x} = {cut}"), self.row, MAX_TIED_ROWS + 1
            )
            tied = f"SELECT count(*) AS n FROM ({inner}) WHERE v = {cut}"
        elif p.distinct_labels and p.labels and (p.limit or 1) > 1:
            # a name that several rows share (a country over years) is listed once, at its own
            # highest (lowest) row, the first in the file among equals (as pandas' stable sort)
            selected = ", ".join([self.row, *(ident(c) for c in dict.fromkeys(labels + [column]))])
            names = ", ".join(ident(c) for c in p.labels)
            query = (
                f"SELECT {selected}\nFROM (\n"
                f"    SELECT *, row_number() OVER (PARTITION BY {names} ORDER BY {x} {direction}, {self.row})"
                " AS vista_first\n"
                f"    FROM {self._src(rows=True)}\n"
                + indent(self._where(None, f"{x} IS NOT NULL"), "    ")
                + f")\nWHERE vista_first = 1\nORDER BY {x} {direction}, {self.row}\nLIMIT {p.limit}"
            )
            code += f"top = {call(query)}\ntop = top.set_index({q(self.row_name)}).rename_axis(None)\n"
            tied = ""
        elif p.superlative:
            # every row tied with the n-th value (pandas' keep='all'), highest first
            cut = f"(SELECT {'min' if desc else 'max'}(v) FROM (SELECT v FROM ({inner}) ORDER BY v {direction} LIMIT {p.limit or 1}))"
            op = ">=" if desc else "<="
            code += self._fetch_rows(
                "top",
                labels + [column],
                self._where(None, f"{x} {op} {cut}"),
                f"{x} {direction}, {self.row}",
                MAX_TIED_ROWS + 1,
            )
            tied = f"SELECT count(*) AS n FROM ({inner}) WHERE v {op} {cut}"
        else:
            code += self._fetch_rows(
                "top",
                labels + [column],
                self._where(None, f"{x} IS NOT NULL"),
                f"{x} {direction}, {self.row}",
                p.limit or 1,
            )
            tied = ""
        if tied:
            # more tied rows than are brought back: say how many there are
            code += (
                f"if len(top) > {MAX_TIED_ROWS}:\n"
                f"    tied = int({call(tied)}['n'].iloc[0])\n"
                f"    top = top.head({MAX_TIED_ROWS})\n"
                "else:\n    tied = None\n"
            )
        code += self._label_code("top")
        code += "print('rows', ranked_rows, sep='\\t')\n"
        if tied:
            code += "if tied is not None:\n    print('tied', tied, sep='\\t')\n"
        is_date = self.table.column(column).is_date
        values = f"top[{q(column)}].dt.strftime('%Y-%m-%d')" if is_date else f"top[{q(column)}].round(6)"
        code += f"for label, value in zip(names, {values}):\n    print(label, value, sep='\\t')\n"
        if is_date and not p.chart:
            return self._step(self._intro(), code)
        if p.chart:
            code += (
                f"shown = pd.Series(top[{q(column)}].values, index=names).head(20)\n"
                "ax = shown.plot.barh(color='#4c72b0')\nax.invert_yaxis()\n"
                f"ax.set_xlabel({q(column)})\n" + self._title() + self._show()
            )
        return self._step(self._intro(), code)

    def _sql_distribution(self) -> list[Step]:
        p = self.plan
        column = p.columns[0]
        x = f"CAST({ident(column)} AS DOUBLE)"
        if p.group is not None:
            return self._step(self._intro(), self._grouped_boxes(column, x))
        where = self._where(None, f"{ident(column)} IS NOT NULL").replace("\n", " ")
        values = f"(SELECT {x} AS x FROM {self._src()} {where})"
        query = (
            f"SELECT count(x) AS count, avg(x) AS mean, stddev_samp(x) AS std,\n"
            f"       min(x) AS min, max(x) AS max, count(DISTINCT x) AS distinct_values\nFROM {values}"
        )
        # the median on its own: its sort and the distinct count's table need not share the memory
        median = f"SELECT {quantile(0.5)} AS median\nFROM (SELECT x, {ranked('x')} FROM {values})\nWHERE {near(0.5)}"
        code = (
            f"stats = {call(query)}.iloc[0]\n"
            "# the exact median: the middle value (or the mean of the middle two) of the values\n"
            "# ranked in order, a sort DuckDB spills to disk (its median() holds them all in memory)\n"
            f"stats['median'] = {call(median)}['median'].iloc[0]\n"
        )
        for key in ("count", "mean", "median", "std", "min", "max"):
            if key == "count":
                code += "print('count', int(stats['count']), sep='\\t')\n"
            else:
                code += f"print({key!r}, round(float(stats[{key!r}]), 6) if pd.notna(stats[{key!r}]) else float('nan'), sep='\\t')\n"
        code += "if stats['count']:\n"
        if p.chart == "box":
            body = self._box_code(values)
            body += (
                "ax.bxp([box], patch_artist=True, boxprops={'facecolor': '#4c72b0', 'alpha': 0.7}, "
                "medianprops={'color': '#c44e52'})\n"
                f"ax.set_xticks([1], [{q(column)}])\n"
            )
        else:
            hist = fcall(
                f"SELECT least(CAST(floor((x - {{low}}) / {{width}}) AS BIGINT), {{last}}) AS bin, count(*) AS n\n"
                f"FROM {values}\nGROUP BY 1",
                low="float(low)",
                width="float(width)",
                last="bins - 1",
            )
            body = (
                "# the histogram's bins counted in SQL, drawn as matplotlib would bin the values\n"
                "bins = int(min(30, max(5, stats['distinct_values'])))\n"
                "low, high = float(stats['min']), float(stats['max'])\n"
                "if low == high:\n    low, high = low - 0.5, high + 0.5\n"
                "width = (high - low) / bins\n"
                f"counts = {hist}.set_index('bin')['n'].reindex(range(bins), fill_value=0)\n"
                "edges = np.linspace(low, high, bins + 1)\n"
                "fig, ax = plt.subplots()\n"
                "ax.hist(edges[:-1], bins=edges, weights=counts.values, color='#4c72b0', edgecolor='white')\n"
                f"ax.axvline(stats['mean'], color='#c44e52', linestyle='--', label={q(self._t('mean', '평균'))})\n"
                f"ax.set_xlabel({q(column)})\nax.set_ylabel({q(self._t('rows', '행 수'))})\nax.legend()\n"
            )
        body += self._title() + self._show()
        code += indent(body)
        return self._step(self._intro(), code)

    def _box_code(self, values: str) -> str:
        """Code computing `box`, matplotlib's statistics of one box (quartiles as NumPy takes
        them, whiskers at the furthest values within 1.5 IQR, a sample of the outliers)."""
        quartiles = call(
            f"SELECT {quantile(0.25)} AS q1,\n       {quantile(0.5)} AS median,\n"
            f"       {quantile(0.75)} AS q3\nFROM (SELECT x, {ranked('x')} FROM {values})\n"
            f"WHERE {near(0.25, 0.5, 0.75)}"
        )
        fences = fcall(
            f"SELECT min(x) FILTER (WHERE x >= {{low}}) AS whislo, max(x) FILTER (WHERE x <= {{high}}) AS whishi\n"
            f"FROM {values}",
            low="float(q1 - 1.5 * (q3 - q1))",
            high="float(q3 + 1.5 * (q3 - q1))",
        )
        fliers = fcall(
            f"SELECT x AS v\nFROM {values}\nWHERE x < {{low}} OR x > {{high}}\n"
            f"USING SAMPLE reservoir({BOX_FLIERS} ROWS) REPEATABLE (0)",
            low="float(q1 - 1.5 * (q3 - q1))",
            high="float(q3 + 1.5 * (q3 - q1))",
        )
        return (
            f"q1, median, q3 = {quartiles}.iloc[0]\n"
            f"whiskers = {fences}.iloc[0]\n"
            f"box = {{'q1': q1, 'med': median, 'q3': q3, 'whislo': whiskers['whislo'], 'whishi': whiskers['whishi'],\n"
            f"       'fliers': {fliers}['v'].values}}\n"
            "fig, ax = plt.subplots()\n"
        )

    def _grouped_boxes(self, column: str, x: str) -> str:
        """One box per group: quartiles, whiskers and a sample of the outliers computed in SQL."""
        p = self.plan
        g = p.group
        key, _ = self._key_sql(g)
        by_index = g.bucket or self.table.column(g.column).numeric
        where = self._where(None, f"{key} IS NOT NULL", f"{x} IS NOT NULL").replace("\n", " ")
        values = f"(SELECT {key} AS key, {x} AS x FROM {self._src()} {where})"
        by_key = f"(SELECT key, x, {ranked('x', 'key')} FROM {values})"
        quartiles = (
            f"SELECT key, {quantile(0.25)} AS q1,\n       {quantile(0.5)} AS median,\n"
            f"       {quantile(0.75)} AS q3\n"
            f"FROM {by_key}\nWHERE {near(0.25, 0.5, 0.75)}\nGROUP BY 1\nORDER BY {'key' if by_index else 'median DESC, key'}\n"
            f"LIMIT {MAX_GROUPS}"
        )
        fences = (
            f"SELECT key, q1 - 1.5 * (q3 - q1) AS low, q3 + 1.5 * (q3 - q1) AS high\n"
            f"    FROM (SELECT key, {quantile(0.25)} AS q1, {quantile(0.75)} AS q3\n"
            f"          FROM {by_key} WHERE {near(0.25, 0.75)} GROUP BY 1)"
        )
        whiskers = (
            f"SELECT v.key, min(v.x) FILTER (WHERE v.x >= b.low) AS whislo, max(v.x) FILTER (WHERE v.x <= b.high) AS whishi\n"
            f"FROM {values} AS v\nJOIN (\n    {fences}\n) AS b ON v.key = b.key\nGROUP BY 1"
        )
        outliers = (
            f"SELECT v.key, v.x\nFROM {values} AS v\nJOIN (\n    {fences}\n) AS b ON v.key = b.key\n"
            f"WHERE v.x < b.low OR v.x > b.high\nUSING SAMPLE reservoir({BOX_FLIERS} ROWS) REPEATABLE (0)"
        )
        counts = f"SELECT count(DISTINCT key) AS groups, count(*) AS n FROM {values}"
        return (
            f"boxes = {call(quartiles)}\n"
            f"counts = {call(counts)}.iloc[0]\n"
            f"boxes = boxes.set_index('key').rename_axis({q(g.column)}).sort_index()\n"
            + ("result = boxes['median']\n" if by_index else "result = boxes['median'].sort_values(ascending=False)\n")
            + "order = list(result.index)\n"
            + self._names(g)
            + "print('rows', int(counts['n']), sep='\\t')\nprint('groups', int(counts['groups']), sep='\\t')\n"
            "for label, value in result.round(6).items():\n    print(label, value, sep='\\t')\n"
            "# whiskers at the furthest values within 1.5 IQR, and a sample of the outliers\n"
            f"whiskers = {call(whiskers)}.set_index('key')\n"
            f"outliers = {call(outliers)}\n"
            "data_by_group = [{'q1': boxes.loc[k, 'q1'], 'med': boxes.loc[k, 'median'], 'q3': boxes.loc[k, 'q3'],\n"
            "                  'whislo': whiskers.loc[k, 'whislo'], 'whishi': whiskers.loc[k, 'whishi'],\n"
            "                  'fliers': outliers.loc[outliers['key'] == k, 'x'].values} for k in order]\n"
            "fig, ax = plt.subplots(figsize=(max(4, 0.8 * len(result) + 2), 4))\n"
            "ax.bxp(data_by_group, patch_artist=True, boxprops={'facecolor': '#4c72b0', 'alpha': 0.7},\n"
            "       medianprops={'color': '#c44e52'})\n"
            "ax.set_xticks(range(1, len(result) + 1), [str(i) for i in result.index], rotation=45 if len(result) > 6 else 0)\n"
            f"ax.set_ylabel({q(column)})\n" + self._title() + self._show()
        )

    def _sql_relationship(self) -> list[Step]:
        p = self.plan
        x, y = p.columns
        if p.sides:
            # two series of one column, matched on their dates: one row per date with both
            a, b = (str(side[0].value) for side in p.sides)
            split = p.sides[0][0].column
            time = ident(p.time_column)
            value = f"CAST({ident(x)} AS DOUBLE)"
            pairs = (
                f"SELECT {time} AS {self.row}, avg({value}) FILTER (WHERE {ident(split)} = {literal(p.sides[0][0].value)}) AS a,\n"
                f"       avg({value}) FILTER (WHERE {ident(split)} = {literal(p.sides[1][0].value)}) AS b\n"
                f"FROM {self._src()}\n{self._where(None, f'{time} IS NOT NULL')}\nGROUP BY 1"
            )
            pair_x, pair_y, names = "a", "b", (a, b)
        else:
            pairs = (
                f"SELECT CAST({ident(x)} AS DOUBLE) AS a, CAST({ident(y)} AS DOUBLE) AS b\n"
                f"FROM {self._src()}\n{self._where()}"
            )
            pair_x, pair_y, names = "a", "b", (x, y)
        pairs_sql = pairs.replace("\n", "\n    ")
        stats = (
            f"SELECT corr(b, a) AS r, count(*) AS n, regr_slope(b, a) AS slope, regr_intercept(b, a) AS intercept,\n"
            f"       count(DISTINCT a) AS distinct_x\n"
            f"FROM (\n    {pairs_sql}\n) WHERE a IS NOT NULL AND b IS NOT NULL"
        )
        sample = (
            f"SELECT a AS {ident(names[0])}, b AS {ident(names[1])}\n"
            f"FROM (\n    {pairs_sql}\n) WHERE a IS NOT NULL AND b IS NOT NULL\n"
            f"USING SAMPLE reservoir({SCATTER_ROWS} ROWS) REPEATABLE (0)"
        )
        code = (
            f"stats = {call(stats)}.iloc[0]\n"
            "r = float(stats['r']) if pd.notna(stats['r']) else float('nan')\n"
            "print('r', round(r, 6), sep='\\t')\nprint('rows', int(stats['n']), sep='\\t')\n"
        )
        del pair_x, pair_y
        if p.chart or p.sides:
            code += (
                f"# the scatter draws at most {SCATTER_ROWS:,} points, a random sample of the rows\n"
                f"pair = {call(sample)}\n"
                "if len(pair) < stats['n']:\n    print('sample', len(pair), sep='\\t')\n"
                f"ax = pair.plot.scatter(x={q(names[0])}, y={q(names[1])}, alpha=0.6, color='#4c72b0')\n"
            )
            if not p.sides:
                code += (
                    "if stats['n'] > 1 and stats['distinct_x'] > 1:\n"
                    f"    xs = np.linspace(pair[{q(names[0])}].min(), pair[{q(names[0])}].max(), 100)\n"
                    "    ax.plot(xs, stats['slope'] * xs + stats['intercept'], color='#c44e52')\n"
                )
            code += self._title() + self._show()
        return self._step(self._intro(), code)

    def _sql_trend(self) -> list[Step]:
        p = self.plan
        g = p.group
        m = p.measure
        split = p.columns[0] if p.columns else None
        columns = [g.column] + ([m.column] if m.column else []) + ([split] if split else [])
        present = [f"{ident(c)} IS NOT NULL" for c in dict.fromkeys(columns)]
        where = self._where(None, *present)
        by = ("{key}" if g.bucket == "auto" else self._key_sql(g)[0]) + (f", {ident(split)}" if split else "")
        agg = "count(*)" if m.column is None else self._agg(m, partition=by)
        if g.bucket == "auto":
            span = call(
                f"SELECT min({ident(g.column)}) AS first, max({ident(g.column)}) AS last\nFROM {self._src()}\n{where}"
            )
            keys = {b: _BUCKET_SQL[b].format(c=ident(g.column)) for b in ("year", "month", "day")}
            code = (
                f"span = {span}.iloc[0]\n"
                "days = (span['last'] - span['first']).days if pd.notna(span['first']) else 0\n"
                "bucket = 'year' if days > 366 * 15 else 'month' if days > 120 else 'day'\n"
                f"key = {keys!r}[bucket]  # the SQL of the period\n"
            )
        else:
            code = f"bucket = {q(g.bucket or 'value')}\n"

        def query(key: str) -> str:
            return (
                f"SELECT {key} AS key"
                + (f", {ident(split)} AS series" if split else "")
                + f", {agg} AS value, count(*) AS n\n{self._from(where)}\n"
                f"GROUP BY {'1, 2' if split else '1'}"
            )

        fetch = fcall(query("{key}"), key="key") if g.bucket == "auto" else call(query(self._key_sql(g)[0]))
        code += f"series = {fetch}\n"
        code += "rows = int(series['n'].sum())\n"
        if split:
            code += (
                f"series = series.set_index(['key', 'series'])['value'].rename_axis([{q(g.column)}, {q(split)}])"
                ".unstack().sort_index()\n"
            )
            code += self._names(g, "series")
            shown, body = self._trend_shown(m, "rows", split=True)
            code += shown
        else:
            code += f"series = series.set_index('key')['value'].rename_axis({q(g.column)})"
            code += ".sort_index()\n" if m.column is None else ".dropna().sort_index()\n"
            code += self._names(g, "series")
            shown, body = self._trend_shown(m, "rows", split=False)
            code += shown
        code += indent(body)
        return self._step(self._intro(), code)

    def _numeric_columns(self) -> list[str]:
        """The columns pandas holds as numbers (dates read from text or numbers are dates)."""
        return [c.name for c in self.table.columns if _dtype_numeric(c) and c.name not in self.parsed]

    def _sql_correlations(self) -> list[Step]:
        numeric = self._numeric_columns()
        select = []
        for i, a in enumerate(numeric):
            select.append(f"var_samp({ident(a)}) > 0 AS self_{i}")
            for j in range(i + 1, len(numeric)):
                select.append(f"corr({ident(numeric[j])}, {ident(a)}) AS r_{i}_{j}")
        if not select:
            select = ["NULL AS nothing"]
        query = f"SELECT {(',' + chr(10) + '       ').join(select)}\nFROM {self._src()}\n{self._where()}"
        code = (
            f"pairs = {call(query)}.iloc[0]\n"
            f"names = {numeric!r}\n"
            "# the matrix pandas' DataFrame.corr() makes: 1 on the diagonal where a column varies\n"
            "corr = pd.DataFrame(np.nan, index=names, columns=names)\n"
            "for i, a in enumerate(names):\n"
            "    corr.iloc[i, i] = 1.0 if pairs[f'self_{i}'] is True or pairs[f'self_{i}'] == True else np.nan  # noqa: E712\n"
            "    for j in range(i + 1, len(names)):\n"
            "        value = pairs[f'r_{i}_{j}']\n"
            "        corr.iloc[i, j] = corr.iloc[j, i] = float(value) if pd.notna(value) else np.nan\n"
        )
        return self._step(self._intro(), code + self._correlations_shown())

    def _sql_describe(self) -> list[Step]:
        p = self.plan
        numeric = self._numeric_columns()
        # pandas describes the numeric columns of those named (all numeric ones when none is)
        columns = [c for c in p.columns if c in numeric] if p.columns else numeric
        if not columns:
            raise Unsupported("There is no numeric column to summarise.", "요약할 숫자 열이 없습니다.")
        select, ranks = ["count(*) AS rows"], []
        for i, c in enumerate(columns):
            x = ident(c)
            ranks.append(ranked(x, i=f"_rank_{i}", n=f"_count_{i}"))
            select.append(
                f"count({x}) AS count_{i}, avg({x}) AS mean_{i}, stddev_samp({x}) AS std_{i}, "
                f"min({x}) AS min_{i}, {quantile(0.5, x, f'_rank_{i}', f'_count_{i}')} AS median_{i}, max({x}) AS max_{i}"
            )
        # each column's values ranked (a sort, which spills to disk) for its exact median
        source = f"(SELECT *, {(',' + chr(10) + '        ').join(ranks)}\n FROM {self._src()}\n {self._where()})"
        query = f"SELECT {(',' + chr(10) + '       ').join(select)}\nFROM {source}"
        code = (
            f"stats = {call(query)}.iloc[0]\n"
            f"names = {columns!r}\n"
            "summary = pd.DataFrame([[stats[f'{s}_{i}'] for s in ('count', 'mean', 'std', 'min', 'median', 'max')]\n"
            "                        for i in range(len(names))],\n"
            "                       index=names, columns=['count', 'mean', 'std', 'min', '50%', 'max']).astype(float).round(2)\n"
            "print('columns', len(summary), sep='\\t')\nprint('rows', int(stats['rows']), sep='\\t')\nsummary"
        )
        return self._step(self._intro(), code)

    def _sql_missing(self) -> list[Step]:
        p = self.plan
        columns = p.columns or [c.name for c in self.table.columns]
        select = ["count(*) AS rows"] + [f"count(*) - count({ident(c)}) AS missing_{i}" for i, c in enumerate(columns)]
        if p.measures:
            select.append(
                "count(*) FILTER (WHERE " + " OR ".join(f"{ident(c)} IS NULL" for c in columns) + ") AS incomplete"
            )
        query = f"SELECT {(',' + chr(10) + '       ').join(select)}\nFROM {self._src()}\n{self._where()}"
        code = (
            f"counts = {call(query)}.iloc[0]\n"
            f"missing = pd.Series([int(counts[f'missing_{{i}}']) for i in range({len(columns)})], index={columns!r})\n"
        )
        if p.measures:
            code += (
                "print('rows', int(counts['rows']), sep='\\t')\n"
                "print('incomplete', int(counts['incomplete']), sep='\\t')\n"
            )
        code += (
            "print('rows', int(counts['rows']), sep='\\t')\nprint('total', int(missing.sum()), sep='\\t')\n"
            "for column, n in missing[missing > 0].sort_values(ascending=False).items():\n"
            "    print(column, n, sep='\\t')\n"
            "if missing.sum():\n"
            "    ax = missing[missing > 0].sort_values().plot.barh(color='#dd8452')\n"
            f"    ax.set_xlabel({q(self._t('missing values', '결측치 수'))})\n"
            f"    ax.set_title({q(self._t('Missing values per column', '열별 결측치'))})\n"
            "    plt.tight_layout()\n    plt.show()\n"
        )
        return self._step(self._intro(), code)

    def _sql_columns(self) -> list[Step]:
        return self._step(self._t("The columns of the data:", "데이터의 열입니다:"), columns_code(self.var, self.table))

    def _sql_head(self) -> list[Step]:
        p = self.plan
        first = p.order == "asc"
        names = [c.name for c in self.table.columns]
        code = self._rows_count()
        code += self._fetch_rows("shown", names, self._where(), self.row if first else f"{self.row} DESC", p.limit)
        if not first:
            code += "shown = shown.sort_index()\n"
        code += "print('rows', rows, sep='\\t')\nshown"
        return self._step(self._intro(), code)

    def _sql_overview(self) -> list[Step]:
        return sql_overview_steps(self.table, self.lang)


def columns_code(var: str, table: Table) -> str:
    """The columns and the dtypes pandas would give them (the view's Arrow schema, converted as
    pandas converts Parquet: integers or booleans with missing values become floats or objects)."""
    nullable = [c.name for c in table.columns if re.match(r"^(u?int\d+|bool)$", c.dtype.strip())]
    code = f"schema = duckdb.sql('SELECT * FROM {ident(var)} LIMIT 0').arrow().read_all().schema\n"
    code += "dtypes = schema.empty_table().to_pandas().dtypes\n"
    if nullable:
        select = ", ".join(f"count(*) - count({ident(c)}) > 0 AS has_missing_{i}" for i, c in enumerate(nullable))
        code += (
            f"gaps = {call(f'SELECT {select}' + chr(10) + f'FROM {ident(var)}')}.iloc[0]\n"
            f"for i, name in enumerate({nullable!r}):\n"
            "    if gaps[f'has_missing_{i}']:\n"
            "        dtypes[name] = np.dtype('float64') if dtypes[name].kind in 'iu' else np.dtype('O')\n"
        )
    code += (
        "print('columns', len(dtypes), sep='\\t')\n"
        "for name, dtype in dtypes.items():\n    print(name, dtype, sep='\\t')"
    )
    return code


def sql_overview_steps(table: Table, lang: str) -> list[Step]:
    """The automatic first look, in SQL (the table is never loaded): size, columns, missing values
    and the first rows; the distributions of the main numeric columns; one category split. The
    same steps and printed lines as `render_pandas.overview_steps`."""
    var = ident(table.var)
    names = [c.name for c in table.columns]
    missing = " + ".join(f"(count(*) - count({ident(c)}))" for c in names) or "0"
    steps = [
        Step(
            t(
                lang,
                f"A first look at **{table.name}**: its size, its columns and a few rows.",
                f"**{table.name}** 데이터의 크기, 열, 처음 몇 행을 살펴보겠습니다.",
            ),
            f"size = {call(f'SELECT count(*) AS rows, {missing} AS missing' + chr(10) + f'FROM {var}')}.iloc[0]\n"
            "print('rows', int(size['rows']), sep='\\t')\n"
            f"print('columns', {len(names)}, sep='\\t')\n"
            "print('missing', int(size['missing']), sep='\\t')\n"
            f"sql({('SELECT * FROM ' + var + ' LIMIT 5')!r})  # the first rows, in the file's order",
        )
    ]
    numeric = [c for c in table.numeric][:4]
    if numeric:
        cols = [c.name for c in numeric]
        ranges = ", ".join(
            f"min(CAST({ident(c)} AS DOUBLE)) AS low_{i}, max(CAST({ident(c)} AS DOUBLE)) AS high_{i}"
            for i, c in enumerate(cols)
        )
        bins = "\nUNION ALL\n".join(
            f"SELECT {i} AS col, least(CAST(floor((CAST({ident(c)} AS DOUBLE) - {{low_{i}}}) / {{width_{i}}}) AS BIGINT), 19) AS bin, "
            f"count(*) AS n FROM {var} WHERE {ident(c)} IS NOT NULL GROUP BY 2"
            for i, c in enumerate(cols)
        )
        values = {}
        for i in range(len(cols)):
            values[f"low_{i}"] = f"edges[{i}][0]"
            values[f"width_{i}"] = f"edges[{i}][1] - edges[{i}][0]"
        steps.append(
            Step(
                t(lang, "The distributions of the main numeric columns:", "주요 숫자 열의 분포입니다:"),
                f"cols = {cols!r}\n"
                f"ranges = {call(f'SELECT {ranges}' + chr(10) + f'FROM {var}')}.iloc[0]\n"
                "# 20 bins per column, counted in SQL, as matplotlib would bin the values\n"
                "edges = []\n"
                "for i in range(len(cols)):\n"
                "    low, high = float(ranges[f'low_{i}']), float(ranges[f'high_{i}'])\n"
                "    if low == high:\n        low, high = low - 0.5, high + 0.5\n"
                "    edges.append(np.linspace(low, high, 21) if low == low else np.linspace(0, 1, 21))\n"
                f"counts = {fcall(bins, **values)}\n"
                f"fig, axes = plt.subplots(1, len(cols), figsize=(4 * len(cols), 3.2))\n"
                f"axes = np.atleast_1d(axes)\n"
                f"for i, (ax, col) in enumerate(zip(axes, cols)):\n"
                f"    n = counts[counts['col'] == i].set_index('bin')['n'].reindex(range(20), fill_value=0)\n"
                f"    if n.sum():\n"
                f"        ax.hist(edges[i][:-1], bins=edges[i], weights=n.values, color='#4c72b0', edgecolor='white')\n"
                f"    ax.set_title(col)\n"
                f"    ax.set_ylabel({q(t(lang, 'rows', '행 수'))})\n"
                f"plt.tight_layout()\nplt.show()",
            )
        )
    categorical = [c for c in table.columns if c.kind == "categorical"][:1]
    if categorical:
        c = categorical[0].name
        title = t(lang, f"Rows by {c}", f"{c}별 행 수")
        # most rows first; ties in the order the values first appear (as pandas' value_counts)
        query = (
            f"SELECT {ident(c)} AS value, count(*) AS n, min(row) AS first\n"
            f"FROM (SELECT row_number() OVER () AS row, {ident(c)} FROM {var})\n"
            f"WHERE {ident(c)} IS NOT NULL\nGROUP BY 1\nORDER BY n DESC, first\nLIMIT 20"
        )
        steps.append(
            Step(
                t(lang, f"How the rows split by **{c}**:", f"**{c}**별 행 수입니다:"),
                f"counts = {call(query)}.set_index('value')['n'].rename_axis({q(c)})\n"
                f"for value, n in counts.head(10).items():\n"
                f"    print(value, n, sep='\\t')\n"
                f"if len(counts):\n"
                f"    ax = counts.head(20).plot.bar(color='#4c72b0')\n"
                f"    ax.set_title({q(title)})\n"
                f"    ax.set_ylabel({q(t(lang, 'rows', '행 수'))})\n"
                f"    plt.tight_layout()\n    plt.show()",
            )
        )
    return steps
