"""From text cells to typed columns: numbers (thousands separators and decimal commas where
unambiguous), booleans and dates. A column is converted only when (nearly) all its non-empty cells
agree; otherwise it stays text, so nothing is silently turned into a missing value.
"""

from __future__ import annotations

import re

import pandas as pd

MISSING = {"", "na", "n/a", "nan", "null", "none", "-", "--", "?", "#n/a"}
_TRUE = {"true", "yes", "y", "t"}
_FALSE = {"false", "no", "n", "f"}

_PLAIN = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_COMMA_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DOT_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_SPACE_THOUSANDS = re.compile(r"^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$")

DATE_FORMATS = [
    "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y", "%Y%m%d",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S",
    "%d.%m.%Y %H:%M", "%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M:%S.%f",
]


def _numbers(values: pd.Series, decimal_comma: bool) -> pd.Series | None:
    text = values.str.strip()
    if text.str.match(_PLAIN.pattern).all():
        return pd.to_numeric(text)
    if text.str.match(_COMMA_THOUSANDS.pattern).all() or (
        text.str.match(_COMMA_THOUSANDS.pattern) | text.str.match(_PLAIN.pattern)
    ).all() and text.str.contains(",").any() and not decimal_comma:
        return pd.to_numeric(text.str.replace(",", "", regex=False))
    if decimal_comma or text.str.match(_DOT_THOUSANDS.pattern).any():
        european = text.str.match(_DOT_THOUSANDS.pattern) | text.str.match(_DECIMAL_COMMA.pattern) | \
            text.str.match(r"^[+-]?\d+$")
        if european.all():
            return pd.to_numeric(text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    if text.str.match(_SPACE_THOUSANDS.pattern).all():
        cleaned = text.str.replace(r"[ \u00a0\u202f]", "", regex=True)
        return pd.to_numeric(cleaned.str.replace(",", ".", regex=False) if decimal_comma else cleaned,
                             errors="coerce")
    return None


def _dates(values: pd.Series) -> pd.Series | None:
    text = values.str.strip()
    if not text.str.contains(r"\d", regex=True).all() or text.str.len().max() > 40:
        return None
    if text.str.match(r"^\d+(\.\d+)?$").all() and not text.str.match(r"^\d{8}$").all():
        return None
    for fmt in DATE_FORMATS:
        parsed = pd.to_datetime(text, format=fmt, errors="coerce")
        if parsed.notna().all():
            return parsed
    return None


def convert(column: pd.Series, *, decimal_comma: bool = False) -> pd.Series:
    """A text column as numbers, booleans or dates when every non-empty cell is one; else text."""
    text = column.astype("string")
    missing = text.isna() | text.str.strip().str.lower().isin(MISSING)
    present = text[~missing]
    if present.empty:
        return pd.Series([None] * len(column), index=column.index, dtype="object").astype("string")
    lowered = present.str.strip().str.lower()
    if lowered.isin(_TRUE | _FALSE).all() and lowered.nunique() <= 2 and not lowered.isin({"y", "n", "t", "f"}).all():
        out = pd.Series(pd.NA, index=column.index, dtype="boolean")
        out[~missing] = lowered.isin(_TRUE).to_numpy()
        return out
    numbers = _numbers(present, decimal_comma)
    if numbers is not None and numbers.notna().all():
        out = pd.Series(float("nan"), index=column.index, dtype="float64")
        out[~missing] = numbers.astype("float64").to_numpy()
        if (out.dropna() % 1 == 0).all() and out.dropna().abs().max() < 2**53:
            return out.astype("Int64")
        return out
    dates = _dates(present)
    if dates is not None:
        out = pd.Series(pd.NaT, index=column.index, dtype="datetime64[ns]")
        out[~missing] = dates.to_numpy()
        return out
    return text.where(~missing, None).str.strip()


def decimal_comma_likely(delimiter: str, sample_cells: list[str]) -> bool:
    """Decimal commas are only plausible when the delimiter is not a comma and the cells show them."""
    if delimiter == ",":
        return False
    commas = sum(1 for c in sample_cells if _DECIMAL_COMMA.match(c.strip()) or _DOT_THOUSANDS.match(c.strip()))
    dots = sum(1 for c in sample_cells if re.match(r"^[+-]?\d+\.\d+$", c.strip()) and not _DOT_THOUSANDS.match(c.strip()))
    return commas > dots
