"""Amounts written as text: money and percentages held as text cells ("$85,200", "1.234,50 €",
"12,000원", "₩12,900", "1,200만원", "3억 2,000만", "12.5%", "45 %", "(1,200)", "USD 1,200").

The reader keeps such columns as text, as pandas and DuckDB do. The catalog reads one as a measure
in the unit its values are written in when every non-missing value reads as an amount of that one
unit (`detect`, a vectorised check of the column's values); the generated code then converts the
column explicitly and visibly (`pandas_expr`, `sql_expr`), so the code re-runs in a notebook and
fails loudly, never silently, on a value that is not such an amount.

Values are kept in the unit they are written in: "12.5%" is 12.5 (percent), "4,800만원" and
"3억 2,000만" are 4,800 and 32,000 (만원), "$85,200" is 85,200 (dollars).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: Currency signs and codes written before an amount ("$1,200", "USD 1,200", "₩12,900") -> the unit.
_BEFORE = {
    "US$": "$",
    "$": "$",
    "€": "€",
    "£": "£",
    "¥": "¥",
    "₩": "원",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "JPY": "JPY",
    "KRW": "원",
    "CHF": "CHF",
}
#: ... and written after it ("1.234,50 €", "12,000원", "45 %", "1,200 USD").
_AFTER = {
    "%": "%",
    "€": "€",
    "$": "$",
    "원": "원",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "KRW": "원",
    "CHF": "CHF",
    "달러": "$",
    "유로": "€",
    "엔": "¥",
}
#: Units written before the number when shown ("$88,000"); the others follow it ("12.5%", "15,000원").
SIGNS_BEFORE = ("$", "€", "£", "¥")

_DOT = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # 1,234.50
_COMMA = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"  # 1.234,50
_KOREAN = r"(?=\d)(?:(\d+(?:\.\d+)?)\s*억)?\s*(?:(\d+(?:\.\d+)?)\s*만)?\s*(\d+)?\s*원?"  # 3억 2000만 (commas removed)

#: The same, anchored, for DuckDB's regexp_extract (RE2 reads no lookahead).
_KOREAN_SQL = r"^\s*(?:([0-9]+(?:\.[0-9]+)?)\s*억)?\s*(?:([0-9]+(?:\.[0-9]+)?)\s*만)?\s*([0-9]+)?\s*원?\s*$"


@dataclass(frozen=True)
class Amount:
    """How a column's amounts are written: the unit (None: only thousands separators), whether
    the decimal mark is a comma, whether values use Korean large-number words (억, 만: then the
    values are in 만원), and whether negatives are written in parentheses."""

    unit: str | None
    decimal_comma: bool = False
    korean: bool = False
    parens: bool = False
    example: str = ""  # one value as written, quoted in the generated code's comment


def _pattern(sign: str, where: str, number: str) -> str:
    s = re.escape(sign)
    core = rf"-?\s*{s}\s*-?\s*{number}" if where == "before" else rf"-?\s*{number}\s*{s}"
    return rf"\s*(?:{core}|\(\s*{core}\s*\))\s*"


def detect(values: Any) -> Amount | None:
    """The way every non-missing value of a text column is written as an amount of one unit, or
    None (some value is no such amount, or nothing marks them as amounts). `values` is anything
    pandas makes a Series of: the column's distinct values, or its values."""
    import pandas as pd

    s = pd.Series(values, dtype="object").dropna()
    s = s[s.map(lambda v: isinstance(v, str))].astype(str)
    if len(s) < 3 or len(s) != len(pd.Series(values, dtype="object").dropna()):
        return None
    s = s[s.str.strip() != ""]
    if len(s) < 3:
        return None
    # every amount has a digit, and little else beside its number than a sign or a unit (USD,
    # 만원): one pass each before the ways of writing one are tried
    if not s.str.contains(r"\d", regex=True).all():
        return None
    if s.str.replace(r"[\d\s.,()+\-]", "", regex=True).str.len().max() > 4:
        return None
    example = str(s.iloc[0]).strip()
    parens = bool(s.str.contains(r"^\s*\(.*\)\s*$", regex=True).any())
    # Korean large-number words: 3억 2,000만, 1,200만원, 8억 (the values in 만원)
    if s.str.contains("[억만]", regex=True).any():
        bare = s.str.replace(",", "", regex=False)
        if bare.str.fullmatch(rf"\s*{_KOREAN}\s*").all():
            return Amount("만원", korean=True, example=example)
        return None
    candidates = [(sign, "before", unit) for sign, unit in _BEFORE.items()]
    candidates += [(sign, "after", unit) for sign, unit in _AFTER.items()]
    for sign, where, unit in candidates:
        if not s.str.contains(re.escape(sign), regex=True).all():
            continue
        for comma, number in ((False, _DOT), (True, _COMMA)):
            if s.str.fullmatch(_pattern(sign, where, number)).all():
                if comma and not s.str.contains(r",\d{1,2}(?!\d)", regex=True).any():
                    continue  # "1.234 €" alone does not show a decimal comma
                return Amount(unit, decimal_comma=comma, parens=parens, example=example)
    # no unit: thousands separators (or accounting parentheses) mark them as amounts written as text
    if s.str.fullmatch(rf"\s*(?:-?{_DOT}|\(\s*{_DOT}\s*\))\s*").all() and (
        s.str.contains(r"\d,\d{3}", regex=True).any() or parens
    ):
        return Amount(None, parens=parens, example=example)
    return None


def full_regex(amount: Amount) -> tuple[str, bool]:
    """An anchored regular expression (RE2, as pyarrow and DuckDB read them) every value written
    as `amount` matches, and whether commas are to be removed from the values first."""
    if amount.korean:
        return r"^\s*(?:[0-9]+(?:\.[0-9]+)?\s*억)?\s*(?:[0-9]+(?:\.[0-9]+)?\s*만)?\s*[0-9]*\s*원?\s*$", True
    number = _COMMA if amount.decimal_comma else _DOT
    if amount.unit is None:
        return rf"^\s*(?:-?{number}|\(\s*{number}\s*\))\s*$", False
    signs = [k for k, v in (_BEFORE | _AFTER).items() if v == amount.unit]
    ways = [_pattern(k, "before", number) for k, v in _BEFORE.items() if v == amount.unit]
    ways += [_pattern(k, "after", number) for k, v in _AFTER.items() if v == amount.unit]
    del signs
    return "^(?:" + "|".join(ways) + ")$", False


def parse(value: Any, amount: Amount) -> float | None:
    """One value as a number (for the catalog's ranges; the generated code does the same)."""
    if value is None or not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if amount.korean:
        m = re.fullmatch(_KOREAN, text.replace(",", "").strip())
        if not m:
            return None
        eok, man, won = (float(g) if g else 0.0 for g in m.groups())
        return eok * 10000 + man + won / 10000
    negative = text.startswith("(") and text.endswith(")") or "-" in text
    if amount.decimal_comma:
        text = text.replace(".", "").replace(",", ".")
    digits = re.sub(r"[^0-9.]", "", text)
    try:
        number = float(digits)
    except ValueError:
        return None
    return -number if negative else number


def pandas_expr(source: str, amount: Amount) -> str:
    """pandas code reading the text column `source` (e.g. "df['salary']") as numbers."""
    s = f"{source}.str.strip()"
    if amount.korean:
        # 억 and 만 as written, then what is left in 원: the amount in 만원
        return (
            f"{source}.str.replace(',', '').str.extract({_KOREAN!r})"
            ".astype(float).pipe(lambda w: (w[0].fillna(0) * 10000 + w[1].fillna(0) + w[2].fillna(0) / 10000)"
            ".where(w.notna().any(axis=1)))"
        )
    if amount.parens:
        s += ".str.replace(r'^\\((.*)\\)$', r'-\\1', regex=True)"  # (1,200) is -1,200
    if amount.decimal_comma:
        s += ".str.replace('.', '', regex=False).str.replace(',', '.', regex=False)"
    return f"pd.to_numeric({s}.str.replace(r'[^0-9.\\-]', '', regex=True))"


def sql_expr(column: str, amount: Amount) -> str:
    """DuckDB SQL reading the text column (an identifier, quoted) as numbers, as `pandas_expr`."""
    if amount.korean:
        bare = f"replace({column}, ',', '')"
        pat = "'" + _KOREAN_SQL + "'"
        part = [f"coalesce(CAST(nullif(regexp_extract({bare}, {pat}, {k}), '') AS DOUBLE), 0)" for k in (1, 2, 3)]
        return f"CASE WHEN {column} IS NULL THEN NULL ELSE {part[0]} * 10000 + {part[1]} + {part[2]} / 10000 END"
    s = f"trim({column})"
    if amount.decimal_comma:
        s = f"replace(replace({s}, '.', ''), ',', '.')"
    number = f"CAST(regexp_replace({s}, '[^0-9.]', '', 'g') AS DOUBLE)"
    negative = f"(trim({column}) LIKE '(%' OR {column} LIKE '%-%')" if amount.parens else f"{column} LIKE '%-%'"
    return f"CASE WHEN {negative} THEN -{number} ELSE {number} END"


def used(plan: Any) -> list[str]:
    """The amount columns (`plan.amounts`) a plan, or the plan it composes, reads anywhere."""
    names: set[str] = set()
    p = plan
    while p is not None:
        names.update(m.column for m in p.measures if m.column)
        for c in [*p.conditions, *p.base, *(x for side in p.sides for x in side)]:
            names.add(c.column)
        if p.group is not None:
            names.add(p.group.column)
        names.update(p.labels)
        names.update(c for c in (p.time_column, *p.columns) if c)
        names.update(x for a, _, b in p.derived.values() for x in (a, b))
        p = p.inner
    return sorted(n for n in names if n in plan.amounts)
