"""Plans rendered as pandas/matplotlib code for the thread's kernel (where `df` and friends are).

The code is plain pandas a person would write, so it reads well in the chat and runs as is when
inserted into a notebook. It prints its results as tab-separated lines (a key or label, then the
value, rounded to six decimals so float noise never shows); answer.py reads them back in the
order the plan defines. Figures draw only non-missing data, so a chart is never empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from .amounts import pandas_expr
from .amounts import used as amounts_used
from .catalog import DECIMAL_YEAR, TEXT_PERIODS, YEAR_DOT_MONTH, Table
from .plan import DURATION_SECONDS, Condition, Grouping, Measure, Plan, quantile_of
from .wording import MONTHS, WEEKDAYS, chart_title, measure_words, t

COLOR = "#4c72b0"


@dataclass
class Step:
    intro: str
    code: str


class Renderer(Protocol):
    """Turns a plan into code steps for one kind of kernel data (pandas today, SQL later)."""

    def render(self, plan: Plan, table: Table) -> list[Step]: ...


def lit(value: Any) -> str:
    """A Python literal for a value of the data."""
    if isinstance(value, float) and value.is_integer():
        return repr(int(value))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(lit(v) for v in value) + "]"
    return repr(value)


def q(name: str) -> str:
    return repr(name)


_PANDAS_AGG = {
    "mean": "mean",
    "median": "median",
    "sum": "sum",
    "min": "min",
    "max": "max",
    "std": "std",
    "nunique": "nunique",
    "count": "count",
}


_SPREAD_CALLS = {
    "var": "var()",
    "skew": "skew()",
    "iqr": "agg(lambda x: x.quantile(0.75) - x.quantile(0.25))",
    "cv": "agg(lambda x: x.std() / x.mean())",
}


def _call(agg: str) -> str:
    """The pandas call of an aggregation (of a Series or of a grouped one). A total of values that
    are all missing is missing, not 0 (`min_count=1`, as SQL's SUM gives NULL): "no recorded
    values", never a total of 0. A quantile ("p90") is pandas' own (linear interpolation); the
    variance, skewness and coefficient of variation (sd / mean, in percent) are the sample's."""
    if (p := quantile_of(agg)) is not None:
        return f"quantile({p})"
    if agg in _SPREAD_CALLS:
        return _SPREAD_CALLS[agg]
    return "sum(min_count=1)" if agg == "sum" else f"{_PANDAS_AGG[agg]}()"


class PandasRenderer:
    """pandas code for a plan over the DataFrame named `plan.var`."""

    def render(self, plan: Plan, table: Table) -> list[Step]:
        self.plan = plan
        self.root = plan
        self.table = table
        self.lang = plan.language
        self.var = plan.var
        if plan.inner is not None:
            return self._composed()
        method = getattr(self, f"_{plan.kind}")
        return method()

    # --- composition: the inner plan's value per group first (chain.py) ------------

    def _inner(self) -> str:
        """Code computing `per`: the inner plan's measure per group (groups without a value left
        out, as every grouped answer leaves them out)."""
        outer, inner = self.plan, self.plan.inner
        self.plan = inner
        try:
            setup, frame = self._data()
            code = setup + self._select(frame)
            key, _ = self._key(inner.group, "rows")
            m = inner.measures[0]
            code += key
            if inner.sides:
                # each group's measure in one period less in the other (none without both)
                for name, side in zip(("a", "b"), inner.sides):
                    code += (
                        f"side_{name} = {self._mask(side, 'rows')}\n"
                        f"value_{name} = rows[side_{name}].groupby(key[side_{name}])[{q(m.column)}].{_call(m.agg)}\n"
                    )
                code += "per = value_a - value_b\n"
            elif m.column is None:
                code += "per = rows.groupby(key).size()\n"
            else:
                code += f"per = rows.groupby(key)[{q(m.column)}].{_call(m.agg)}\n"
            code += self._successive("per")  # each period's change from the one before
            code += "per = per.dropna()\n"
            if _zero_filled(outer):
                span, _ = self._key(inner.group, frame)
                code += span.replace("key = ", "span = ", 1) + _fill_span(inner.group.bucket, "per", "span")
        finally:
            self.plan = outer
        return code

    def _picked_row(self) -> list[Step]:
        """The rows holding the inner plan's n-th distinct value (as the rows kind ranks them),
        with the column asked."""
        outer, inner = self.plan, self.plan.inner
        self.plan = inner
        try:
            setup, frame = self._data()
            column = inner.measures[0].column
            pick = "nlargest" if inner.order == "desc" else "nsmallest"
            code = setup + self._select(frame)
            code += (
                f"ranked = rows[{q(column)}].dropna()\n"
                f"cut = ranked.drop_duplicates().{pick}({inner.rank}).iloc[-1]\n"
                "top = rows.loc[ranked.index[ranked == cut]]\n"
            )
            code += self._label_code("top")
        finally:
            self.plan = outer
        asked = q(outer.columns[0])
        code += (
            "print('cut', cut, len(top), sep='\\t')\n"
            f"for label, value in zip(names, top[{asked}]):\n"
            "    print(label, round(float(value), 6) if isinstance(value, (int, float)) else value, sep='\\t')\n"
        )
        return self._step(self._intro(), code)

    def _composed(self) -> list[Step]:
        p = self.plan
        inner = p.inner
        if p.inner_use == "row":
            return self._picked_row()
        code = self._inner()
        if p.inner_use == "first":
            # the earliest period whose value meets the test (periods in time order)
            op, value = p.inner_test
            code += (
                f"hits = per[per {op} {lit(value)}].sort_index()\n"
                "if len(hits):\n"
                "    print('first', hits.index[0], round(float(hits.iloc[0]), 6), len(hits), len(per), sep='\\t')\n"
                "else:\n"
                "    print('first', '', 'nan', 0, len(per), sep='\\t')\n"
            )
            return self._step(self._intro(), code)
        if p.inner_use == "count":
            op, value = p.inner_test
            code += f"print('periods', int((per {op} {lit(value)}).sum()), len(per), sep='\\t')\n"
            return self._step(self._intro(), code)
        if p.inner_use == "keep":
            # the groups kept by their value, then the outer plan on their rows
            op, value = inner.kept
            code += (
                f"picked = per[per {op} {lit(value)}].index\n"
                "print('kept', len(picked), len(per), *picked[:20], sep='\\t')\n"
            )
            steps = getattr(self, f"_{p.kind}")()
            return [Step(steps[0].intro, code + steps[0].code), *steps[1:]]
        # the picked group (ties: the first in the groups' own order), then the outer plan on it
        code += (
            f"per = per.sort_values(ascending={inner.order == 'asc'}, kind='stable')\n"
            f"picked = per.index[{inner.rank - 1}]\n"
            f"print('picked', picked, round(float(per.iloc[{inner.rank - 1}]), 6), sep='\\t')\n"
        )
        steps = getattr(self, f"_{p.kind}")()
        return [Step(steps[0].intro, code + steps[0].code), *steps[1:]]

    # --- shared pieces --------------------------------------------------------------------------

    def _t(self, en: str, ko: str) -> str:
        return t(self.lang, en, ko)

    def _data(self) -> tuple[str, str]:
        """(set-up code, name of the frame): dates stored as text are parsed first."""
        used = set()
        p = self.plan
        for c in [*p.conditions, *p.base, *(x for side in p.sides for x in side)]:
            used.add(c.column)
        if p.group is not None:
            used.add(p.group.column)
        used.update(p.labels)
        used.update(c for c in (p.time_column, *p.columns) if c)
        used.update(m.column for m in p.measures if m.agg == "nunique" and m.column in p.date_columns)
        apart = {name: (a, b, DURATION_SECONDS[op]) for name, (a, op, b) in p.derived.items() if op in DURATION_SECONDS}
        used.update(x for a, b, _ in apart.values() for x in (a, b))
        text_dates = [c for c in used if p.date_columns.get(c)]
        differences = {name: (a, b) for name, (a, op, b) in p.derived.items() if op == "-"}
        quotients = {name: (a, b) for name, (a, op, b) in p.derived.items() if op == "q"}
        root = getattr(self, "root", p)
        amounts = amounts_used(root)
        before, origin = "", self.var
        if amounts:
            # amounts written as text ("$88,000", "12.5%", "3억 2,000만"): read as numbers first, in
            # the unit they are written in; a value that is no such amount stops the code
            before = (
                f"data = {self.var}.assign(**{{\n"
                + "".join(
                    f"    {q(c)}: {pandas_expr(f'{self.var}[{q(c)}]', root.amounts[c])},  # {root.amounts[c].example}\n"
                    for c in amounts
                )
                + "})\n"
            )
            origin = "data"
        sums = [name for name, (_, op, _) in p.derived.items() if op == "+"]
        if not text_dates and not differences and not apart and not quotients and not sums:
            return before, origin
        parts = (
            [
                # a per-row difference asked (rounded past float noise: 28.1 − 9.0 and 21.2 − 2.1 tie)
                f"**{{{q(name)}: ({origin}[{q(a)}] - {origin}[{q(b)}]).round(9)}}"
                for name, (a, b) in differences.items()
            ]
            + [
                # a per-row ratio asked (none where the divisor is 0)
                f"**{{{q(name)}: {origin}[{q(a)}] / {origin}[{q(b)}].where({origin}[{q(b)}] != 0)}}"
                for name, (a, b) in quotients.items()
            ]
            + [
                # a per-row sum of columns asked (a row missing one of them has none, as in SQL)
                f"**{{{q(name)}: {self._sum(name)}}}"
                for name in sums
            ]
        )
        for k, c in enumerate(sorted(text_dates)):
            fmt = p.date_columns[c]
            if fmt in TEXT_PERIODS:
                # a period written as text ("2021년 1월", "1995Q1"): its year and month or quarter
                # as written, read as the period's first day
                pattern, unit = TEXT_PERIODS[fmt]
                found = f"written{k or ''}"
                month = f"{found}[1]" if unit == "month" else f"{found}[1] * 3 - 2"
                before += (
                    f"{found} = {self.var}[{q(c)}].astype('string').str.extract({pattern!r}).astype('float')"
                    f"  # year, {unit}\n"
                )
                parts.append(
                    f"**{{{q(c)}: pd.to_datetime(pd.DataFrame({{'year': {found}[0], 'month': {month}, 'day': 1}}), "
                    "errors='coerce')}"
                )
                continue
            if fmt == YEAR_DOT_MONTH:
                # months written as numbers (2019.01): the year before the point, the month after
                found = f"written{k or ''}"
                before += f"{found} = {self.var}[{q(c)}]  # 2019.01: year.month\n"
                parts.append(
                    f"**{{{q(c)}: pd.to_datetime(pd.DataFrame({{'year': {found} // 1, "
                    f"'month': (({found} - {found} // 1) * 100).round(), 'day': 1}}), errors='coerce')}}"
                )
                continue
            if fmt == DECIMAL_YEAR:
                # months written as decimal years (1949.0833 for February): the year before the
                # point, the month from the twelfths after it
                found = f"written{k or ''}"
                before += f"{found} = {self.var}[{q(c)}]  # 1949.0833: a decimal year\n"
                year = f"({found} + 1e-6) // 1"
                parts.append(
                    f"**{{{q(c)}: pd.to_datetime(pd.DataFrame({{'year': {year}, "
                    f"'month': (({found} - {year}) * 12).round() + 1, 'day': 1}}), errors='coerce')}}"
                )
                continue
            source = f"{self.var}[{q(c)}]" if fmt == "mixed" else f"{self.var}[{q(c)}].astype('Int64').astype(str)"
            parts.append(f"**{{{q(c)}: pd.to_datetime({source}, errors='coerce', format={fmt!r})}}")
        # seconds from one date to another, from the dates as read above (assign takes them in order)
        parts += [
            f"**{{{q(name)}: lambda d: (d[{q(a)}] - d[{q(b)}]).dt.total_seconds(){f' / {per}' if per > 1 else ''}}}"
            for name, (a, b, per) in apart.items()
        ]
        why = "dates written as text or numbers, read as dates" if text_dates else "the difference asked, per row"
        return f"{before}data = {origin}.assign({', '.join(parts)})  # {why}\n", "data"

    def _cond(self, c: Condition, frame: str) -> str:
        if c.op == "any":  # either of two conditions ("comedies or dramas")
            return "(" + " | ".join(self._cond(x, frame) for x in c.value) + ")"
        column = f"{frame}[{q(c.column)}]"
        if c.op in ("last", "first"):
            # the data's own last (first) n periods: "the last 5 years", "최근 6개월", "첫 해"
            n, by, _ = c.value
            key = _period_key(column, c.part, by and f"{frame}[{q(by)}]")
            pick = f"[-{n}:]" if c.op == "last" else f"[:{n}]"
            return f"{key}.isin(sorted({key}.dropna().unique()){pick})"
        if c.part in ("year", "month", "day", "quarter", "hour"):
            column += f".dt.{c.part}"
        elif c.part == "weekday":
            column += ".dt.dayofweek"
        value = c.value
        if c.part == "date":
            if c.op == "between":
                return f"{column}.between(pd.Timestamp({value[0]!r}), pd.Timestamp({value[1]!r}) + pd.Timedelta(days=1) - pd.Timedelta('1ns'))"
            if c.op in ("<=", ">"):
                # up to and including that day
                boundary = f"pd.Timestamp({value!r}) + pd.Timedelta(days=1)"
                return f"({column} {'<' if c.op == '<=' else '>='} {boundary})"
            return f"({column} {c.op} pd.Timestamp({value!r}))"
        if c.op == "isna":
            return f"{column}.isna()"
        if c.op == "notna":
            return f"{column}.notna()"
        if c.op in ("contains", "not contains"):
            test = f"{column}.astype('string').str.contains({value!r}, case=False, regex=False).fillna(False)"
            return test if c.op == "contains" else f"~{test}"
        if c.op == "either":  # a value of either column of a pair (home_team or away_team)
            other, one = value
            return f"(({column} == {lit(one)}) | ({frame}[{q(other)}] == {lit(one)}))"
        if c.op == "in":
            return f"{column}.isin({lit(value)})"
        if c.op == "not in":
            return f"~{column}.isin({lit(value)})"
        if c.op == "between":
            return f"{column}.between({lit(value[0])}, {lit(value[1])})"
        if c.op == "within":
            return f"(({column} >= {lit(value[0])}) & ({column} < {lit(value[1])}))"
        if c.op == "outside":  # a missing value is in neither part
            return f"(({column} < {lit(value[0])}) | ({column} >= {lit(value[1])}))"
        if c.op == "vs_stat":  # against the column's own mean, median or quantile, over all its rows
            cmp, stat, share = c.value
            threshold = f"{column}.quantile({share!r})" if stat == "quantile" else f"{column}.{stat}()"
            return f"({column} {cmp} {threshold})"
        if c.op == "outlier":  # more than k IQR below the first quartile or above the third, of the column
            q1, q3 = f"{column}.quantile(0.25)", f"{column}.quantile(0.75)"
            return (
                f"(({column} < {q1} - {lit(value)} * ({q3} - {q1})) | ({column} > {q3} + {lit(value)} * ({q3} - {q1})))"
            )
        return f"({column} {c.op} {lit(value)})"

    def _mask(self, conditions: list[Condition], frame: str) -> str:
        return " & ".join(self._cond(c, frame) for c in conditions)

    def _select(self, frame: str, conditions: list[Condition] | None = None, name: str = "rows") -> str:
        conditions = self.plan.conditions if conditions is None else conditions
        if not conditions:
            return f"{name} = {frame}\n"
        return f"{name} = {frame}[{self._mask(conditions, frame)}]\n"

    def _key(self, g: Grouping, frame: str) -> tuple[str, str]:
        """(code computing `key`, how its groups are ordered: "index" or "value")."""
        column = f"{frame}[{q(g.column)}]"
        b = g.bucket
        if b == "year" and self.table.column(g.column).yearlike and not self.table.column(g.column).is_date:
            b = None  # a column of years: its own values
        if b is None:
            ordered = self.table.column(g.column)
            by_index = ordered.numeric or ordered.is_date or ordered.yearlike
            return f"key = {column}\n", "index" if by_index else "value"
        if b == "decade":  # the year rounded down to ten: 1840 for the 1840s
            year = column if not self.table.column(g.column).is_date else f"{column}.dt.year"
            return f"key = {year} // 10 * 10\n", "index"
        if b == "hour" and self.table.column(g.column).clock == "text":
            # times of day written as text ("21:05"): the hour is their first two digits
            return f"key = pd.to_numeric({column}.str.slice(0, 2), errors='coerce')\n", "index"
        code = {
            "day": f"key = {self._period(g.column, column, 'D', '%Y-%m-%d')}\n",
            "week": f"key = {column}.dt.to_period('W').dt.start_time.dt.strftime('%Y-%m-%d')\n",
            "month": f"key = {self._period(g.column, column, 'M', '%Y-%m')}\n",
            "quarter": f"key = {column}.dt.to_period('Q').astype(str)\n",
            "year": f"key = {column}.dt.year\n",
            "weekday": f"key = {column}.dt.dayofweek\n",
            "month_of_year": f"key = {column}.dt.month\n",
            "quarter_of_year": f"key = {column}.dt.quarter\n",
            "hour": f"key = {column}.dt.hour\n",
        }[b]
        return code, "index"

    def _period(self, name: str, column: str, freq: str, fmt: str) -> str:
        """A day or month key of the dates in `column`: a period, which reads as the date text
        ('2024-03') and costs 8 bytes a row, not a string per row (text of millions of dates takes
        more memory than the table's columns). Dates with a time zone keep `strftime` (a period
        would drop the zone, with a warning)."""
        if "," in self.table.column(name).dtype:  # datetime64[ns, tz]
            return f"{column}.dt.strftime({fmt!r})"
        return f"{column}.dt.to_period({freq!r})"

    def _names(self, g: Grouping | None, target: str = "result") -> str:
        """Month and weekday numbers renamed to names in the question's language."""
        if g is None:
            return ""
        bucket = g.bucket
        if bucket is None and self.table.calendar_parts().get("month") == g.column:
            bucket = "month_of_year"  # months kept as numbers in a column of their own (Month: 5-9)
        if bucket == "decade":  # 1840: the 1840s, 1840년대
            suffix = "s" if self.lang == "en" else "년대"
            return f"{target}.index = [f'{{int(i)}}{suffix}' for i in {target}.index]\n"
        if bucket == "quarter_of_year":  # 1-4: Q1..Q4, 1분기..4분기
            names = [f"Q{i}" for i in range(1, 5)] if self.lang == "en" else [f"{i}분기" for i in range(1, 5)]
            return f"{target}.index = [{names!r}[int(i) - 1] for i in {target}.index]\n"
        if bucket not in ("weekday", "month_of_year"):
            return ""
        names = WEEKDAYS[self.lang] if bucket == "weekday" else MONTHS[self.lang]
        offset = 0 if bucket == "weekday" else 1
        return f"{target}.index = [{names!r}[int(i) - {offset}] for i in {target}.index]\n"

    def _show(self) -> str:
        return "plt.tight_layout()\nplt.show()\n"

    def _title(self) -> str:
        return f"ax.set_title({q(chart_title(self.plan))})\n"

    def _step(self, intro: str, code: str) -> list[Step]:
        return [Step(intro, code.rstrip("\n"))]

    def _intro(self) -> str:
        from .answer import restate
        from .text import particle

        what = restate(self.plan)
        return self._t(f"Computing the {what[:1].lower() + what[1:]}:", f"{particle(what, '을/를')} 계산합니다:")

    # --- kinds ----------------------------------------------------------------------------------

    def _aggregate(self) -> list[Step]:
        p = self.plan
        setup, frame = self._data()
        code = setup + self._select(frame, _kept(p))
        if p.group is None:
            code += "print('rows', len(rows), sep='\\t')\n"
            for m in p.measures:
                if m.per:
                    code += self._per_period(m)
                elif m.column is None:
                    continue
                elif m.agg == "range":
                    code += (
                        f"low, high = rows[{q(m.column)}].min(), rows[{q(m.column)}].max()\n"
                        "print('range', round(float(high - low), 6) if pd.notna(low) else 'nan', low, high, sep='\\t')\n"
                    )
                elif m.agg in ("ratio", "wmean"):
                    code += (
                        self._ratio(m)
                        + "value = num.sum(min_count=1) / den.sum(min_count=1) if den.sum() != 0 else float('nan')\n"
                    )
                    code += f"print({q(m.agg)}, round(float(value), 6) if pd.notna(value) else 'nan', sep='\\t')\n"
                else:
                    code += (
                        f"value = rows[{q(m.column)}].{_call(m.agg)}\n"
                        f"print({q(m.agg)}, round(float(value), 6) if pd.notna(value) else 'nan', sep='\\t')\n"
                    )
            return self._step(self._intro(), code)
        if p.group2 is not None:
            return self._step(self._intro(), code + self._two_way())
        key, order = self._key(p.group, "rows")
        code += key
        if p.sides:
            m = p.measures[0]
            for name, side in zip(("a", "b"), p.sides):
                code += f"side_{name} = {self._mask(side, 'rows')}\n"
                if m.column is None:  # a group without rows on one side has none there: 0
                    code += f"value_{name} = rows[side_{name}].groupby(key[side_{name}]).size().reindex(key.dropna().unique(), fill_value=0)\n"
                else:
                    code += (
                        f"value_{name} = rows[side_{name}].groupby(key[side_{name}])[{q(m.column)}].{_call(m.agg)}\n"
                    )
            code += self._group_change()
            return self._step(self._intro(), code)
        if len(p.measures) == 1:
            m = p.measures[0]
            if m.per:
                # each group's total per period, then the measure over its periods
                period, _ = self._key(Grouping(p.time_column, m.per), "rows")
                total = "size()" if m.column is None else f"[{q(m.column)}].sum()"
                code += "period = " + period.split(" = ", 1)[1]
                code += (
                    f"totals = rows.groupby([key, period]){total}\nresult = totals.groupby(level=0).{_call(m.agg)}\n"
                )
            elif m.column is None and p.counted:
                # the rows meeting them counted in every group, a group with none 0
                code += (
                    f"hit = ({self._mask(p.counted, 'rows')}).fillna(False).astype(bool)\n"
                    "result = hit.groupby(key).sum()\n"
                )
            elif m.column is None:
                code += "result = rows.groupby(key).size()\n"
            elif m.agg in ("ratio", "wmean"):
                code += self._ratio(m) + (
                    "den = den.groupby(key).sum(min_count=1)\n"
                    "result = num.groupby(key).sum(min_count=1) / den.where(den != 0)\n"
                )
            else:
                code += f"result = rows.groupby(key)[{q(m.column)}].{_call(m.agg)}\n"
            if p.overall:  # the one value over every listed group's rows, given first
                code += f"overall = rows.loc[key.notna(), {q(m.column)}].{_call(m.agg)}\n"
            if p.having:
                # only the groups with that many rows (HAVING)
                code += (
                    "sizes = rows.groupby(key).size()\n"
                    f"result = result[result.index.isin(sizes[sizes {p.having[0]} {lit(p.having[1])}].index)]\n"
                )
            if p.kept:
                code += f"result = result[result {p.kept[0]} {lit(p.kept[1])}]  # only the groups whose value is so\n"
            code += self._successive()
            code += "result = result.dropna()\n"
            ascending = p.order == "asc"
            if p.order or order == "value":
                code += f"result = result.sort_values(ascending={ascending})\n"
            else:
                code += "result = result.sort_index()\n"
            code += self._names(p.group)
            counted = "int(hit.sum())" if p.counted and m.column is None else "len(rows)"
            code += f"print('rows', {counted}, sep='\\t')\nprint('groups', len(result), sep='\\t')\n"
            if p.overall:
                code += "print('overall', round(float(overall), 6) if pd.notna(overall) else 'nan', sep='\\t')\n"
            code += "for label, value in result.round(6).items():\n    print(label, value, sep='\\t')\n"
            code += self._group_chart("result")
        else:
            if p.having:
                raise ValueError("a group filter with several measures is not planned")
            code += self._multi(p)
            code += "result = result.sort_index()\n" + self._names(p.group)
            code += "print('rows', len(rows), sep='\\t')\nprint('groups', len(result), sep='\\t')\n"
            code += "for label, values in result.round(6).iterrows():\n    print(label, *values.tolist(), sep='\\t')\n"
            code += self._group_chart("result")
        return self._step(self._intro(), code)

    def _two_way(self) -> str:
        """A measure of every combination of two columns' values (`Plan.group2`), printed one
        combination a line (first value, second value, the measure), in the order of the first
        column's values and the second's; ranked by the measure when an order was asked."""
        p = self.plan
        m = p.measures[0]
        keys = f"[rows[{q(p.group.column)}], rows[{q(p.group2.column)}]]"
        if m.agg == "share":  # each combination's rows as a share of its first value's rows
            code = f"counts = rows.groupby({keys}).size()\nresult = counts / counts.groupby(level=0).transform('sum')\n"
        elif m.column is None:
            code = f"result = rows.groupby({keys}).size()\n"
        else:
            code = f"result = rows.groupby({keys})[{q(m.column)}].{_call(m.agg)}\n"
        code += "result = result.dropna()\n"
        if p.order:
            code += f"result = result.sort_values(ascending={p.order == 'asc'}, kind='stable')\n"
        code += (
            "print('rows', len(rows), sep='\\t')\nprint('groups', len(result), sep='\\t')\n"
            "for (first, second), value in result.round(6).items():\n"
            "    print(first, second, value, sep='\\t')\n"
        )
        return code + self._two_way_chart("result")

    def _two_way_chart(self, series: str) -> str:
        """Grouped bars: the first column's values along the axis, a bar for each of the second's
        (at most 12 of them, the rest named in the title as left out)."""
        p = self.plan
        if p.chart is None:
            return ""
        label = measure_words(p.measures[0], self.lang)
        body = (
            f"wide = {series}.unstack()\n"
            "cut = wide.shape[1] - 12\n"
            "wide = wide.iloc[:40, :12]\n"
            "ax = wide.plot.bar()\n"
            f"ax.set_ylabel({q(label)})\n"
            + self._title()
            + "if cut > 0:\n    ax.set_xlabel(f'{ax.get_xlabel()} (first 12 columns; {cut} more not drawn)')\n"
            + self._show()
        )
        return f"if len({series}):\n" + "".join("    " + line + "\n" for line in body.splitlines())

    def _successive(self, target: str = "result") -> str:
        """Each period's change from the one before (the plan's `successive`), the periods in
        order and every period between the first and the last present: a period missing from the
        data leaves the next one without a change, never a change over two periods. Years are
        whole numbers; months, quarters, weeks and days are keyed as their text ('2024-03',
        '2024Q1'), whichever renderer made them, and stay so."""
        p = self.plan
        if not p.successive:
            return ""
        r = target
        change = f"{r}.pct_change(fill_method=None)" if p.successive == "percent" else f"{r}.diff()"
        bucket = p.group.bucket if p.group is not None else None
        if bucket in ("day", "week", "month", "quarter"):
            freq = {"day": "D", "week": "W", "month": "M", "quarter": "Q"}[bucket]
            full = (
                f"    periods = pd.PeriodIndex({r}.index.astype(str), freq={freq!r})\n"
                f"    {r} = pd.Series({r}.to_numpy(), index=periods).sort_index()\n"
                f"    {r} = {r}.reindex(pd.period_range(periods.min(), periods.max(), freq={freq!r}))\n"
            )
            if bucket == "week":  # weeks are named by their first day, as the grouping names them
                full += f"    {r}.index = {r}.index.start_time.strftime('%Y-%m-%d')\n"
            else:
                full += f"    {r}.index = {r}.index.astype(str)\n"
        else:
            full = f"    {r} = {r}.reindex(range(int({r}.index.min()), int({r}.index.max()) + 1))\n"
        return (
            f"{r} = {r}.dropna().sort_index()\n"
            f"if len({r}):\n" + full + f"{r} = {change}  # from the period before\n"
            f"{r} = {r}.where(np.isfinite({r}))\n"
        )

    def _sum(self, name: str) -> str:
        """The per-row sum a derived "+" column stands for, its nested sums written out."""
        derived = self.plan.derived.get(name)
        if derived is None or derived[1] != "+":
            return f"{self.var}[{q(name)}]"
        a, _, b = derived
        return f"({self._sum(a)} + {self._sum(b)})"

    def _ratio(self, m: Measure) -> str:
        """`num` and `den` of a ratio (total a ÷ total b) or a weighted mean (Σ a·b ÷ Σ b), over
        the rows holding both values."""
        a, op, b = self.plan.derived[m.column]
        both = f"rows[[{q(a)}, {q(b)}]].notna().all(axis=1)"
        num = f"rows[{q(a)}]" if op == "/" else f"(rows[{q(a)}] * rows[{q(b)}])"
        why = f"total {a} ÷ total {b}" if op == "/" else f"Σ {a}·{b} ÷ Σ {b}"
        return f"both = {both}  # {why}, over rows with both values\nnum, den = {num}.where(both), rows[{q(b)}].where(both)\n"

    def _group_change(self, rows: str = "len(rows)") -> str:
        """From `value_a` and `value_b` (the measure per group on each side, as Series by group):
        each group's change (a − b, or a / b − 1 in percent), groups without a value on both
        sides left out, ordered as asked, printed (label, change, a, b) and drawn."""
        p = self.plan
        if p.change == "percent":  # a base of 0 has no percent change
            code = "result = (value_a / value_b.where(value_b != 0) - 1)\n"
        else:
            code = "result = value_a - value_b\n"
        code += (
            "result = result.astype(float).dropna()\n"
            f"result = result.sort_values(ascending={p.order == 'asc'}, kind='stable')\n"
        )
        code += (
            f"print('rows', {rows}, sep='\\t')\nprint('groups', len(result), sep='\\t')\n"
            "for label, value in result.round(6).items():\n"
            "    print(label, value, round(float(value_a[label]), 6), round(float(value_b[label]), 6), sep='\\t')\n"
        )
        return code + self._group_chart("result")

    def _per_period(self, m: Measure) -> str:
        """The measure over the totals per period: "average daily sales"."""
        key, _ = self._key(Grouping(self.plan.time_column, m.per), "rows")
        total = "rows.groupby(key).size()" if m.column is None else f"rows.groupby(key)[{q(m.column)}].sum()"
        return (
            key + f"totals = {total}\n"
            f"value = totals.{_call(m.agg)}\n"
            f"print({q(m.agg)}, round(float(value), 6) if pd.notna(value) else 'nan', len(totals), sep='\\t')\n"
        )

    def _multi(self, p: Plan) -> str:
        items = []
        for m in p.measures:
            name = measure_words(m, self.lang)
            if m.column is None:
                items.append(f"{q(name)}: rows.groupby(key).size()")
            else:
                items.append(f"{q(name)}: rows.groupby(key)[{q(m.column)}].{_call(m.agg)}")
        return "result = pd.DataFrame({" + ", ".join(items) + "})\n"

    def _group_chart(self, series: str) -> str:
        p = self.plan
        chart = p.chart
        if chart is None:
            return ""
        shown = series if not (p.limit and p.limit > 1) else f"{series}.head({p.limit})"
        code = f"shown = {shown}\n"
        if p.limit == 1:
            code = f"shown = {series}.head(20)\n"
        code += "if len(shown):\n"
        body = ""
        if chart == "pie":
            body += "ax = shown.plot.pie(autopct='%1.1f%%', ylabel='')\n"
        elif chart == "line":
            body += "ax = shown.plot(marker='o' if len(shown) < 40 else None, color='#4c72b0')\n"
        else:
            body += (
                "ax = shown.plot.barh(color='#4c72b0')\nax.invert_yaxis()\n"
                if len(p.measures) == 1 and self._long_labels()
                else "ax = shown.plot.bar(color='#4c72b0' if shown.ndim == 1 else None)\n"
            )
        if chart != "pie":
            label = measure_words(p.measures[0], self.lang) if len(p.measures) == 1 else ""
            axis = "set_xlabel" if "barh" in body else "set_ylabel"
            body += f"ax.{axis}({q(label)})\n"
        body += self._title() + self._show()
        return code + "".join("    " + line + "\n" for line in body.splitlines())

    def _long_labels(self) -> bool:
        g = self.plan.group
        if g is None or g.bucket is not None:
            return False
        column = self.table.column(g.column)
        return column.kind in ("categorical", "text", "identifier") and (
            column.distinct > 12 or any(len(str(v)) > 10 for v in column.values[:50])
        )

    def _label_code(self, frame: str) -> str:
        labels = [c for c in self.plan.labels if c in {col.name for col in self.table.columns}]
        if not labels:
            return f"names = 'row ' + {frame}.index.astype(str)\n"
        code = ""
        for k, c in enumerate(labels):
            column = self.table.column(c)
            if column.kind == "datetime" or self.plan.date_columns.get(c):
                fmt = {"month": "%Y-%m", "quarter": "%Y-%m", "year": "%Y"}.get(column.granularity or "", "%Y-%m-%d")
                part = f"{frame}[{q(c)}].dt.strftime({fmt!r})"
            else:
                part = f"{frame}[{q(c)}].astype(str)"
            after_year = k > 0 and self.table.column(labels[k - 1]).yearlike
            before = self.table.column(labels[k - 1]) if k > 0 else None
            day_after = k + 1 < len(labels) and self.table.column(labels[k + 1]).calendar_part == "day"
            if after_year and _part_name(column) == "quarter":
                part = f"' Q' + {frame}[{q(c)}].astype(int).astype(str)"  # a period: "2002 Q4"
            elif after_year and _part_name(column) == "month":
                part = f"'-' + {frame}[{q(c)}].astype(int).astype(str).str.zfill(2)"  # "2002-04"
            elif _part_name(column) == "month" and day_after:
                # a day named by its month and day, no year (airquality's Month and Day): "August 28"
                part = f"{frame}[{q(c)}].astype(int).map(lambda m: {MONTHS[self.lang]!r}[m - 1])"
            elif column.calendar_part == "day" and before is not None and before.calendar_part == "month":
                day = f"{frame}[{q(c)}].astype(int).astype(str)"
                if k > 1 and self.table.column(labels[k - 2]).yearlike:
                    part = f"'-' + {day}.str.zfill(2)"  # "1973-08-28"
                else:
                    part = f"' ' + {day}" + (" + '일'" if self.lang == "ko" else "")  # "August 28", "8월 28일"
            elif k > 0:
                part = "' · ' + " + part
            code += (" + " if k else "") + part
        return "names = " + code + "\n"

    def _rows(self) -> list[Step]:
        p = self.plan
        setup, frame = self._data()
        code = setup + self._select(frame)
        if not p.measures:
            code += "print('rows', len(rows), sep='\\t')\n"
            code += f"print('total', len({frame}), sep='\\t')\n"
            code += "shown = rows.head(15)\n" + self._label_code("shown")
            if p.columns:
                column = p.columns[0]
                code += f"for label, value in zip(names, shown[{q(column)}].round(6)):\n    print(label, value, sep='\\t')\n"
            else:
                code += "for label in names:\n    print(label)\n"
            return self._step(self._intro(), code)
        m = p.measures[0]
        column = m.column
        # ranked on the one column, then the rows picked by index: no copy of the whole table
        code += f"ranked = rows[{q(column)}].dropna()\n"
        pick = "nlargest" if p.order == "desc" else "nsmallest"
        keep = "'all'" if p.superlative else "'first'"
        if p.superlative and p.rank > 1:
            # the n-th distinct value, with every row that has it
            code += (
                f"cut = ranked.drop_duplicates().{pick}({p.rank}).iloc[-1]\n"
                f"top = rows.loc[ranked.index[ranked == cut]]\n"
            )
        elif p.distinct_labels and p.labels and (p.limit or 1) > 1:
            # a name that several rows share (a country over years) is listed once, at its own
            # highest (lowest) row: a top 5 of countries, never China three times (only the
            # name columns are copied, in ranked order)
            code += (
                f"order = ranked.sort_values(ascending={p.order != 'desc'}, kind='stable')\n"
                f"first = rows.loc[order.index, {p.labels!r}].drop_duplicates().head({p.limit})\n"
                "top = rows.loc[first.index]\n"
            )
        else:
            code += f"top = rows.loc[ranked.{pick}({p.limit or 1}, keep={keep}).index]\n"
        code += self._label_code("top")
        code += "print('rows', len(ranked), sep='\\t')\n"
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

    def _share(self) -> list[Step]:
        p = self.plan
        setup, frame = self._data()
        code = setup + self._select(frame, p.base, "base")
        m = p.measure or Measure("count")
        if p.group is not None:
            key, _ = self._key(p.group, "base")
            code += key
            if p.conditions:
                # the share of each group's rows (or total) meeting the conditions
                code += f"hit = ({self._mask(p.conditions, 'base')}).fillna(False).astype(bool)\n"
                if m.agg == "nunique":
                    # each group's days with a row meeting them, of its days with a row at all
                    code += (
                        f"days = base[{q(m.column)}].dt.normalize()\n"
                        "result = days.where(hit).groupby(key).nunique() / days.groupby(key).nunique()\n"
                    )
                elif m.column is None:
                    code += "result = hit.groupby(key).mean()\n"
                else:
                    code += (
                        f"result = base[{q(m.column)}].where(hit, 0).groupby(key).sum() / "
                        f"base.groupby(key)[{q(m.column)}].sum()\n"
                    )
            elif m.column is None:
                code += "totals = base.groupby(key).size()\nresult = totals / totals.sum()\n"
            else:
                code += f"totals = base.groupby(key)[{q(m.column)}].sum()\nresult = totals / totals.sum()\n"
            code += f"result = result.dropna().sort_values(ascending={p.order == 'asc'})\n" + self._names(p.group)
            code += "print('rows', len(base), sep='\\t')\nprint('groups', len(result), sep='\\t')\n"
            code += "for label, value in result.round(6).items():\n    print(label, value, sep='\\t')\n"
            code += self._group_chart("result")
            return self._step(self._intro(), code)
        code += f"hits = base[{self._mask(p.conditions, 'base')}]\n"
        if m.agg == "nunique":
            # days, not rows: a day counts once however many of its rows meet the conditions
            code += (
                f"total = base[{q(m.column)}].dt.normalize().nunique()\n"
                f"part = hits[{q(m.column)}].dt.normalize().nunique()\n"
                "print('base', total, sep='\\t')\nprint('matching', part, sep='\\t')\n"
                "print('share', round(part / total, 6) if total else float('nan'), sep='\\t')\n"
            )
        elif m.column is None:
            code += "print('base', len(base), sep='\\t')\nprint('matching', len(hits), sep='\\t')\n"
            code += "print('share', round(len(hits) / len(base), 6) if len(base) else float('nan'), sep='\\t')\n"
        else:
            code += (
                f"total = base[{q(m.column)}].sum()\npart = hits[{q(m.column)}].sum()\n"
                "print('base', round(total, 6), sep='\\t')\nprint('matching', round(part, 6), sep='\\t')\n"
                "print('share', round(part / total, 6) if total else float('nan'), sep='\\t')\n"
            )
        if p.chart == "pie":
            code += (
                f"ax = pd.Series([len(hits), len(base) - len(hits)], index=[{q(self._t('matching', '해당'))}, "
                f"{q(self._t('other', '그 외'))}]).plot.pie(autopct='%1.1f%%', ylabel='')\n"
                + self._title()
                + self._show()
            )
        return self._step(self._intro(), code)

    def _compare(self) -> list[Step]:
        p = self.plan
        setup, frame = self._data()
        code = setup + self._select(frame)
        m = p.measure
        for name, side in zip(("a", "b"), p.sides):
            code += f"side_{name} = rows[{self._mask(side, 'rows')}]\n"
            if m.column is None:
                code += f"value_{name} = len(side_{name})\n"
            else:
                code += f"value_{name} = side_{name}[{q(m.column)}].{_call(m.agg)}\n"
        code += (
            "print('a', round(value_a, 6), len(side_a), sep='\\t')\n"
            "print('b', round(value_b, 6), len(side_b), sep='\\t')\n"
            "print('difference', round(value_a - value_b, 6), sep='\\t')\n"
        )
        names = [("≠ " if side[0].op == "!=" else "") + str(side[0].value) for side in p.sides]
        if p.chart:
            code += (
                f"ax = pd.Series([value_a, value_b], index={names!r}).plot.bar(color=['#4c72b0', '#dd8452'], rot=0)\n"
                f"ax.set_ylabel({q(measure_words(m, self.lang))})\n" + self._title() + self._show()
            )
        return self._step(self._intro(), code)

    def _relationship(self) -> list[Step]:
        p = self.plan
        x, y = p.columns
        setup, frame = self._data()
        code = setup + self._select(frame)
        if p.sides:
            # two series of one column, matched on their dates
            a, b = (str(side[0].value) for side in p.sides)
            split = p.sides[0][0].column
            code += (
                f"wide = rows.pivot_table(index={q(p.time_column)}, columns={q(split)}, values={q(x)}, aggfunc='mean')\n"
                f"pair = wide[[{a!r}, {b!r}]].dropna().astype(float)\n"
                f"r = pair[{a!r}].corr(pair[{b!r}])\n"
                "print('r', round(r, 6), sep='\\t')\nprint('rows', len(pair), sep='\\t')\n"
                f"ax = pair.plot.scatter(x={a!r}, y={b!r}, alpha=0.6, color='#4c72b0')\n" + self._title() + self._show()
            )
            return self._step(self._intro(), code)
        code += (
            f"pair = rows[[{q(x)}, {q(y)}]].dropna().astype(float)\n"
            f"r = pair[{q(x)}].corr(pair[{q(y)}])\n"
            "print('r', round(r, 6), sep='\\t')\nprint('rows', len(pair), sep='\\t')\n"
        )
        if p.chart:
            code += (
                f"ax = pair.plot.scatter(x={q(x)}, y={q(y)}, alpha=0.6, color='#4c72b0')\n"
                f"if len(pair) > 1 and pair[{q(x)}].nunique() > 1:\n"
                f"    slope, intercept = np.polyfit(pair[{q(x)}], pair[{q(y)}], 1)\n"
                f"    xs = np.linspace(pair[{q(x)}].min(), pair[{q(x)}].max(), 100)\n"
                "    ax.plot(xs, slope * xs + intercept, color='#c44e52')\n" + self._title() + self._show()
            )
        return self._step(self._intro(), code)

    def _distribution(self) -> list[Step]:
        p = self.plan
        column = p.columns[0]
        setup, frame = self._data()
        code = setup + self._select(frame)
        if p.group is not None:
            g = p.group
            key, _ = self._key(g, "rows")
            code += key + (
                f"groups = rows.assign(_key=key).dropna(subset=['_key', {q(column)}]).groupby('_key')[{q(column)}]\n"
                + (
                    "result = groups.median().sort_index()\n"
                    if g.bucket or self.table.column(g.column).numeric
                    else "result = groups.median().sort_values(ascending=False)\n"
                )
                + "order = list(result.index)\ncounts = groups.size().reindex(order)\n"
                + self._names(g)
                + "print('rows', int(counts.sum()), sep='\\t')\nprint('groups', len(result), sep='\\t')\n"
                "for label, value in result.round(6).items():\n    print(label, value, sep='\\t')\n"
                "data_by_group = [groups.get_group(g).values for g in order]\n"
                "fig, ax = plt.subplots(figsize=(max(4, 0.8 * len(result) + 2), 4))\n"
                "ax.boxplot(data_by_group, patch_artist=True, boxprops={'facecolor': '#4c72b0', 'alpha': 0.7},\n"
                "           medianprops={'color': '#c44e52'})\n"
                "ax.set_xticks(range(1, len(result) + 1), [str(i) for i in result.index], rotation=45 if len(result) > 6 else 0)\n"
                f"ax.set_ylabel({q(column)})\n" + self._title() + self._show()
            )
            return self._step(self._intro(), code)
        code += (
            f"values = rows[{q(column)}].dropna().astype(float)\n"
            "print('count', len(values), sep='\\t')\n"
            "print('mean', round(values.mean(), 6), sep='\\t')\n"
            "print('median', round(values.median(), 6), sep='\\t')\n"
            "print('std', round(values.std(), 6), sep='\\t')\n"
            "print('min', round(values.min(), 6), sep='\\t')\n"
            "print('max', round(values.max(), 6), sep='\\t')\n"
            "if len(values):\n"
        )
        if p.chart == "box":
            body = (
                "ax = values.plot.box(patch_artist=True, boxprops={'facecolor': '#4c72b0', 'alpha': 0.7}, "
                "medianprops={'color': '#c44e52'})\n"
            )
        else:
            # counted by NumPy and drawn from the counts: plotting the values would copy them
            body = (
                "counts, edges = np.histogram(values.to_numpy(), bins=min(30, max(5, values.nunique())))\n"
                "fig, ax = plt.subplots()\n"
                "ax.bar(edges[:-1], counts, width=np.diff(edges), align='edge', color='#4c72b0', edgecolor='white')\n"
                f"ax.axvline(values.mean(), color='#c44e52', linestyle='--', label={q(self._t('mean', '평균'))})\n"
                f"ax.set_xlabel({q(column)})\nax.set_ylabel({q(self._t('rows', '행 수'))})\nax.legend()\n"
            )
        body += self._title() + self._show()
        code += "".join("    " + line + "\n" for line in body.splitlines())
        return self._step(self._intro(), code)

    def _trend(self) -> list[Step]:
        p = self.plan
        g = p.group
        setup, frame = self._data()
        code = setup + self._select(frame)
        m = p.measure
        split = p.columns[0] if p.columns else None
        columns = [g.column] + ([m.column] if m.column else []) + ([split] if split else [])
        code += f"data = rows[{columns!r}].dropna()\n"
        if g.bucket == "auto":
            d = f"data[{q(g.column)}]"
            code += (
                f"days = ({d}.max() - {d}.min()).days if len(data) else 0\n"
                f"if days > 366 * 15:\n    key, bucket = {d}.dt.year, 'year'\n"
                f"elif days > 120:\n    key, bucket = {self._period(g.column, d, 'M', '%Y-%m')}, 'month'\n"
                f"else:\n    key, bucket = {self._period(g.column, d, 'D', '%Y-%m-%d')}, 'day'\n"
            )
        else:
            key, _ = self._key(g, "data")
            code += key + f"bucket = {q(g.bucket or 'value')}\n"
        agg = "size" if m.column is None else f"{_PANDAS_AGG[m.agg]}()" if m.agg in _PANDAS_AGG else _call(m.agg)
        if split:
            keys = f"[key, data[{q(split)}]]"
            if m.column is None:
                code += f"series = data.groupby({keys}).size().unstack().sort_index()\n"
            else:
                code += f"series = data.groupby({keys})[{q(m.column)}].{agg}.unstack().sort_index()\n"
            code += self._names(g, "series")
            shown, body = self._trend_shown(m, "len(data)", split=True)
            code += shown
        else:
            if m.column is None:
                code += "series = data.groupby(key).size().sort_index()\n"
            else:
                code += f"series = data.groupby(key)[{q(m.column)}].{agg}.dropna().sort_index()\n"
            code += self._names(g, "series")
            shown, body = self._trend_shown(m, "len(data)", split=False)
            code += shown
        code += "".join("    " + line + "\n" for line in body.splitlines())
        return self._step(self._intro(), code)

    def _trend_shown(self, m: Measure, rows: str, split: bool) -> tuple[str, str]:
        """What a trend prints from `series` (one line per period, or per series when `split`:
        first, last and peak) and the figure's code, run only when there is something to draw;
        `rows` is the expression for the rows counted. Both renderers build `series` their own
        way, then show it with this."""
        head = f"print('bucket', bucket, sep='\\t')\nprint('rows', {rows}, sep='\\t')\n"
        ylabel = f"ax.set_ylabel({q(measure_words(m, self.lang))})\n" + self._title() + self._show()
        if split:
            shown = head + (
                "print('series', series.shape[1], sep='\\t')\n"
                "for name in series.columns:\n"
                "    values = series[name].dropna()\n"
                "    if len(values):\n"
                "        print(name, values.index[0], round(float(values.iloc[0]), 6), values.index[-1], "
                "round(float(values.iloc[-1]), 6), values.idxmax(), round(float(values.max()), 6), sep='\\t')\n"
                "if series.notna().any().any():\n"
            )
            return shown, "ax = series.plot(marker='o' if len(series) < 40 else None)\n" + ylabel
        shown = (
            head + "for label, value in series.round(6).items():\n    print(label, value, sep='\\t')\nif len(series):\n"
        )
        if self.plan.chart == "bar":
            return shown, "ax = series.plot.bar(color='#4c72b0')\n" + ylabel
        return shown, "ax = series.plot(marker='o' if len(series) < 40 else None, color='#4c72b0')\n" + ylabel

    def _correlations(self) -> list[Step]:
        setup, frame = self._data()
        code = setup + self._select(frame)
        code += "corr = rows.select_dtypes('number').corr()\n"
        return self._step(self._intro(), code + self._correlations_shown())

    def _correlations_shown(self) -> str:
        """Code printing and drawing `corr` (a correlation matrix, however computed): the
        correlations with the asked column, else the strongest pairs and a heat map."""
        p = self.plan
        if p.columns:
            column = p.columns[0]
            return (
                f"result = corr[{q(column)}].drop({q(column)}).dropna()\n"
                "result = result.reindex(result.abs().sort_values(ascending=False).index)\n"
                "for label, value in result.round(6).items():\n    print(label, value, sep='\\t')\n"
                "if len(result):\n"
                "    ax = result.plot.barh(color=['#4c72b0' if v >= 0 else '#dd8452' for v in result])\n"
                "    ax.invert_yaxis()\n    ax.axvline(0, color='black', linewidth=0.8)\n"
                f"    ax.set_title({q(self._t(f'Correlation with {column}', f'{column}와(과)의 상관계수'))})\n"
                "    plt.tight_layout()\n    plt.show()\n"
            )
        return (
            "pairs = corr.where(np.triu(np.ones(corr.shape, dtype=bool), 1)).stack()\n"
            "strongest = pairs.reindex(pairs.abs().sort_values(ascending=False).index).head(5)\n"
            "for (a, b), value in strongest.round(6).items():\n    print(f'{a} ~ {b}', value, sep='\\t')\n"
            "if len(corr) > 1:\n"
            "    fig, ax = plt.subplots(figsize=(1 + 0.7 * len(corr), 0.8 + 0.6 * len(corr)))\n"
            "    im = ax.imshow(corr, cmap='RdBu_r', vmin=-1, vmax=1)\n"
            "    ax.set_xticks(range(len(corr)), corr.columns, rotation=45, ha='right')\n"
            "    ax.set_yticks(range(len(corr)), corr.columns)\n"
            "    for i in range(len(corr)):\n        for j in range(len(corr)):\n"
            "            ax.text(j, i, f'{corr.iloc[i, j]:.2f}', ha='center', va='center', fontsize=8)\n"
            "    fig.colorbar(im)\n"
            f"    ax.set_title({q(self._t('Correlations', '상관관계'))})\n"
            "    plt.tight_layout()\n    plt.show()\n"
        )

    def _describe(self) -> list[Step]:
        p = self.plan
        setup, frame = self._data()
        code = setup + self._select(frame)
        cols = f"[{', '.join(q(c) for c in p.columns)}]" if p.columns else None
        source = f"rows[{cols}]" if cols else "rows.select_dtypes('number')"
        code += (
            f"summary = {source}.describe().T[['count', 'mean', 'std', 'min', '50%', 'max']].round(2)\n"
            "print('columns', len(summary), sep='\\t')\nprint('rows', len(rows), sep='\\t')\nsummary"
        )
        return self._step(self._intro(), code)

    def _missing(self) -> list[Step]:
        p = self.plan
        setup, frame = self._data()
        code = setup + self._select(frame)
        source = f"rows[[{', '.join(q(c) for c in p.columns)}]]" if p.columns else "rows"
        if p.measures:
            code += (
                f"incomplete = {source}.isna().any(axis=1)\n"
                "print('rows', len(rows), sep='\\t')\nprint('incomplete', int(incomplete.sum()), sep='\\t')\n"
            )
        code += (
            f"missing = {source}.isna().sum()\n"
            "print('rows', len(rows), sep='\\t')\nprint('total', int(missing.sum()), sep='\\t')\n"
            "for column, n in missing[missing > 0].sort_values(ascending=False).items():\n"
            "    print(column, n, sep='\\t')\n"
            "if missing.sum():\n"
            "    ax = missing[missing > 0].sort_values().plot.barh(color='#dd8452')\n"
            f"    ax.set_xlabel({q(self._t('missing values', '결측치 수'))})\n"
            f"    ax.set_title({q(self._t('Missing values per column', '열별 결측치'))})\n"
            "    plt.tight_layout()\n    plt.show()\n"
        )
        return self._step(self._intro(), code)

    def _coverage(self) -> list[Step]:
        p = self.plan
        g = p.group
        setup, frame = self._data()
        freq = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}[g.bucket]
        date = q(g.column)
        code = setup + self._select(frame)
        code += (
            f"# every {g.bucket} from the data's first to its last, and those with a row\n"
            f"span = {frame}[{date}].dropna()\n"
            f"expected = pd.period_range(span.min(), span.max(), freq={freq!r})\n"
        )
        on_dates = [k for k in p.conditions if k.column == g.column]
        if on_dates:
            # "in August": the calendar is the periods asked about, not the data's whole span
            code += (
                f"calendar = pd.DataFrame({{{date}: expected.start_time}})\n"
                f"expected = expected[({self._mask(on_dates, 'calendar')}).to_numpy()]\n"
            )
        if p.columns:
            entity = q(p.columns[0])
            code += (
                f"present = rows.dropna(subset=[{date}, {entity}])\n"
                f"have = pd.MultiIndex.from_arrays([present[{entity}], present[{date}].dt.to_period({freq!r})]).unique()\n"
                f"full = pd.MultiIndex.from_product([present[{entity}].unique(), expected])\n"
                "missing = full.difference(have)\n"
                "labels = [f'{a} {b}' for a, b in missing]\n"
            )
        else:
            code += (
                f"have = rows[{date}].dropna().dt.to_period({freq!r}).unique()\n"
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

    def _columns(self) -> list[Step]:
        code = (
            f"print('columns', {self.var}.shape[1], sep='\\t')\n"
            f"for name, dtype in {self.var}.dtypes.items():\n    print(name, dtype, sep='\\t')\n"
        )
        return self._step(self._t("The columns of the data:", "데이터의 열입니다:"), code)

    def _head(self) -> list[Step]:
        p = self.plan
        setup, frame = self._data()
        code = setup + self._select(frame)
        pick = "head" if p.order == "asc" else "tail"
        code += f"print('rows', len(rows), sep='\\t')\nrows.{pick}({p.limit})"
        return self._step(self._intro(), code)

    def _overview(self) -> list[Step]:
        return overview_steps(self.table, self.lang)


def _first_look_from_file(file_var: str) -> str:
    """The first look's code reading the Parquet file named by `file_var` (see `overview_steps`):
    the same lines and first rows as computed on the whole table, each column typed as pandas
    types the whole column. Its names are a function's own (imports included), so that it never
    rebinds a dataset's variable (a dataset may be called `source` or `pc`)."""
    body = (
        "import io\n"
        "import pyarrow as pa\n"
        "import pyarrow.compute as pc\n"
        "import pyarrow.parquet as pq\n"
        "\n"
        "source = pq.ParquetFile(path)\n"
        "meta, schema = source.metadata, source.schema_arrow\n"
        "nulls = []\n"
        "for i, field in enumerate(schema):\n"
        "    stats = [meta.row_group(g).column(i).statistics for g in range(meta.num_row_groups)]\n"
        "    if all(s is not None and s.has_null_count for s in stats):\n"
        "        nulls.append(sum(s.null_count for s in stats))\n"
        "    else:  # no statistics: the column is read\n"
        "        nulls.append(source.read(columns=[field.name]).column(0).null_count)\n"
        "missing = sum(nulls)\n"
        "# a NaN is missing to pandas too, and the statistics do not count it\n"
        "floats = [field.name for field in schema if pa.types.is_floating(field.type)]\n"
        "for batch in source.iter_batches(columns=floats) if floats else []:\n"
        "    missing += sum(pc.sum(pc.is_nan(column)).as_py() or 0 for column in batch.columns)\n"
        "batch = next(source.iter_batches(batch_size=5), None)\n"
        "rows = pa.Table.from_batches([] if batch is None else [batch], schema)\n"
        "# pandas types a column by all of it (an integer column with a null anywhere is float): one\n"
        "# more row, null where the column has nulls, gives these rows the types of the whole table\n"
        "extra = pa.table([pa.nulls(1, f.type) if n or not len(rows) else rows.column(i).slice(0, 1)\n"
        "                  for i, (f, n) in enumerate(zip(schema, nulls))], schema=schema)\n"
        "buffer = io.BytesIO()\n"
        "pq.write_table(pa.concat_tables([rows, extra]), buffer)\n"
        "first = pd.read_parquet(buffer).head(len(rows))\n"
        "print('rows', meta.num_rows, sep='\\t')\n"
        "print('columns', first.shape[1], sep='\\t')\n"
        "print('missing', missing, sep='\\t')\n"
        "return first"
    )
    return (
        "def _first_look(path):\n"
        '    """Read from the Parquet file itself, so that this first look need not wait for the\n'
        "    whole table to load: the size from the file's footer, the missing cells from its\n"
        '    statistics, the first rows from its start."""\n'
        + "".join(f"    {line}\n" if line else "\n" for line in body.split("\n"))
        + f"\n\n_first_look({file_var})"
    )


def overview_steps(table: Table, lang: str, file_var: str | None = None) -> list[Step]:
    """The automatic first look: size, columns, a few rows, distributions, one category split.
    `file_var`: the variable holding the table's Parquet file, when the first look is read from
    the file itself (`setup_code.first_look_reads_file`), so that it need not wait for the table to load; it
    prints the same lines and rows."""
    var = table.var
    steps = [
        Step(
            t(
                lang,
                f"A first look at **{table.name}**: its size, its columns and a few rows.",
                f"**{table.name}** 데이터의 크기, 열, 처음 몇 행을 살펴보겠습니다.",
            ),
            _first_look_from_file(file_var)
            if file_var
            else f"print('rows', len({var}), sep='\\t')\n"
            f"print('columns', {var}.shape[1], sep='\\t')\n"
            f"print('missing', int({var}.isna().sum().sum()), sep='\\t')\n"
            f"{var}.head()",
        )
    ]
    numeric = [c for c in table.numeric][:4]
    if numeric:
        cols = ", ".join(q(c.name) for c in numeric)
        steps.append(
            Step(
                t(lang, "The distributions of the main numeric columns:", "주요 숫자 열의 분포입니다:"),
                f"cols = [{cols}]\n"
                f"fig, axes = plt.subplots(1, len(cols), figsize=(4 * len(cols), 3.2))\n"
                f"axes = np.atleast_1d(axes)\n"
                f"for ax, col in zip(axes, cols):\n"
                f"    values = {var}[col].dropna().astype(float)\n"
                f"    if len(values):\n"
                f"        values.plot.hist(ax=ax, bins=20, color='#4c72b0', edgecolor='white')\n"
                f"    ax.set_title(col)\n"
                f"    ax.set_ylabel({q(t(lang, 'rows', '행 수'))})\n"
                f"plt.tight_layout()\nplt.show()",
            )
        )
    categorical = [c for c in table.columns if c.kind == "categorical"][:1]
    if categorical:
        c = categorical[0].name
        title = t(lang, f"Rows by {c}", f"{c}별 행 수")
        steps.append(
            Step(
                t(lang, f"How the rows split by **{c}**:", f"**{c}**별 행 수입니다:"),
                f"counts = {var}[{q(c)}].value_counts()\n"
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


def _kept(plan: Plan) -> list[Condition]:
    """The conditions that keep rows: all of them but those the plan counts per group."""
    return [c for c in plan.conditions if not any(c is k for k in plan.counted)]


def _period_key(column: str, part: str | None, by: str | None) -> str:
    """The period of each row a relative period is counted in: the column's own value, the year
    or month of a date column, or the months of a year + month pair (year * 12 + month)."""
    if by is not None:
        return f"({column} * 12 + {by})"
    if part == "year":
        return f"{column}.dt.year"
    if part == "month":
        return f"{column}.dt.to_period('M')"
    if part == "day":
        return f"{column}.dt.normalize()"
    return column


def _part_name(column) -> str | None:
    """ "quarter" or "month" for a whole-number column holding that part of a date by name."""
    return column.calendar_part if column.calendar_part in ("quarter", "month") else None


def _zero_filled(plan: Plan) -> bool:
    """Periods counted under a total or a count ("how many years had total arrivals under 12
    million"): a period of the data's span without a matching row has a total of 0 and is one of
    them, so the per-period values are filled with 0 over the data's whole span."""
    inner = plan.inner
    return (
        plan.inner_use == "count"
        and inner is not None
        and not inner.sides
        and not inner.successive
        and plan.inner_test is not None
        and plan.inner_test[0] in ("<", "<=")
        and inner.group is not None
        and inner.group.bucket in ("day", "month", "quarter", "year")
        and inner.measures[0].agg in ("sum", "count")
    )


def _fill_span(bucket: str, target: str, span: str) -> str:
    """`target` (values by period) over every period from the first to the last of `span` (the
    periods of the whole table), 0 where it has none."""
    r = target
    if bucket == "year":
        return (
            f"{span} = {span}.dropna()\n"
            f"if len({span}):\n"
            f"    {r} = {r}.reindex(range(int({span}.min()), int({span}.max()) + 1), fill_value=0)\n"
        )
    freq = {"day": "D", "week": "W", "month": "M", "quarter": "Q"}[bucket]
    return (
        f"{span} = pd.PeriodIndex(pd.Series({span}).dropna().astype(str).unique(), freq={freq!r})\n"
        f"if len({span}):\n"
        f"    {r} = pd.Series({r}.to_numpy(), index=pd.PeriodIndex({r}.index.astype(str), freq={freq!r}))\n"
        f"    {r} = {r}.reindex(pd.period_range({span}.min(), {span}.max(), freq={freq!r}), fill_value=0)\n"
    )
