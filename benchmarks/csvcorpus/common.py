"""Shared pieces of the corpus generators: typed cell values and how a locale writes them.

A source table (tables/<name>.json) keeps every cell as a typed value plus a column spec.
`render()` turns a value into the text a given export locale writes for it (decimal comma,
thousands separators, currency placement, date layout, boolean words).  The ground truth of a
polluted file is always the rendered text of its cells, so the scorer knows, per file, which
decimal mark, group separator and date order the file uses (`locale_info()`).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

# Export locales.  decimal / group are what the exporting program writes; date overrides the
# native date layout of date columns when the locale would re-render dates (Excel in that
# country re-renders on export); None keeps the table's own layout.
LOCALES = {
    "native": {"decimal": ".", "group": None, "date": None, "datetime": None},
    "en": {"decimal": ".", "group": ",", "date": None, "datetime": None},
    "en_nogroup": {"decimal": ".", "group": "", "date": None, "datetime": None},
    "de": {"decimal": ",", "group": ".", "date": "%d.%m.%Y", "datetime": "%d.%m.%Y %H:%M"},
    "de_nogroup": {"decimal": ",", "group": "", "date": "%d.%m.%Y", "datetime": "%d.%m.%Y %H:%M"},
    "fr": {"decimal": ",", "group": "\u202f", "date": "%d/%m/%Y", "datetime": "%d/%m/%Y %H:%M"},
    "fr_space": {"decimal": ",", "group": " ", "date": "%d/%m/%Y", "datetime": "%d/%m/%Y %H:%M"},
    "ru": {"decimal": ",", "group": "\u00a0", "date": "%d.%m.%Y", "datetime": "%d.%m.%Y %H:%M"},
    "ch": {"decimal": ".", "group": "'", "date": "%d.%m.%Y", "datetime": "%d.%m.%Y %H:%M"},
    "us_excel": {"decimal": ".", "group": ",", "date": "%-m/%-d/%Y", "datetime": "%-m/%-d/%Y %-H:%M"},
}


def dec(x, places: int) -> Decimal:
    q = Decimal(1).scaleb(-places) if places else Decimal(1)
    return Decimal(str(x)).quantize(q, rounding=ROUND_HALF_UP)


def _group_int(digits: str, sep: str) -> str:
    if not sep or len(digits) <= 3:
        return digits
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return sep.join(reversed(out))


def fmt_number(value, places: int, loc: dict, use_group: bool) -> str:
    d = dec(value, places)
    neg = d < 0
    s = format(abs(d), "f")
    ip, _, fp = s.partition(".")
    group = loc["group"] if (use_group and loc["group"] is not None) else ""
    ip = _group_int(ip, group)
    out = ip + (loc["decimal"] + fp if fp else "")
    return ("-" if neg else "") + out


def strftime(d: dt.datetime | dt.date, fmt: str) -> str:
    # %-m / %-d / %-H (no padding) spelled out so that it works the same everywhere.
    fmt = fmt.replace("%-m", str(d.month)).replace("%-d", str(d.day))
    if isinstance(d, dt.datetime):
        fmt = fmt.replace("%-H", str(d.hour))
    return d.strftime(fmt)


def render(value, col: dict, locale: str = "native") -> str:
    """Text of one cell as the exporting program writes it (before any CSV quoting)."""
    if value is None:
        return ""
    t = col["type"]
    loc = LOCALES[locale]
    native = locale == "native"
    if t in ("text", "id", "cat"):
        return str(value)
    if t == "bool":
        words = col.get("bool_words", ["TRUE", "FALSE"])
        return words[0] if value else words[1]
    if t == "int":
        use_group = col.get("group", False)
        l2 = dict(loc)
        if native:
            l2["group"] = col.get("group_char", ",")
        return fmt_number(value, 0, l2, use_group)
    if t in ("dec", "money", "pct"):
        places = col.get("places", 2)
        l2 = dict(loc)
        if native:
            l2["decimal"] = col.get("decimal", ".")
            l2["group"] = col.get("group_char", ",")
        use_group = col.get("group", t == "money")
        num = fmt_number(value, places, l2, use_group)
        if t == "money":
            cur = col.get("cur", "")
            if not cur:
                return num
            pos = col.get("cur_pos", "pre")
            if not native and l2["decimal"] == "," and cur in ("$", "€", "£"):
                pos = "post"  # continental Excel writes 1.234,56 €
            if pos == "pre":
                return ("-" + cur + num[1:]) if num.startswith("-") else cur + num
            sep = col.get("cur_sep", " ")
            return num + sep + cur
        if t == "pct":
            sp = col.get("pct_sep", "")
            if not native and locale.startswith("fr"):
                sp = "\u00a0"
            return num + sp + "%"
        return num
    if t == "sci":
        places = col.get("places", 3)
        s = f"{float(value):.{places}E}"
        if not native and loc["decimal"] == ",":
            s = s.replace(".", ",")
        return s
    if t == "date":
        d = dt.date.fromisoformat(value)
        fmt = col.get("fmt", "%Y-%m-%d")
        if not native and loc["date"] and col.get("relocalize", True):
            fmt = loc["date"]
        return strftime(d, fmt)
    if t == "datetime":
        d = dt.datetime.fromisoformat(value)
        fmt = col.get("fmt", "%Y-%m-%d %H:%M:%S")
        if not native and loc["datetime"] and col.get("relocalize", True):
            fmt = loc["datetime"]
        # %f is written as milliseconds, as log exporters do
        return strftime(d, fmt.replace("%f", f"{d.microsecond // 1000:03d}"))
    if t == "time":
        t_ = dt.time.fromisoformat(value)
        return t_.strftime(col.get("fmt", "%H:%M:%S"))
    raise ValueError(f"unknown column type {t}")


def date_order_of(fmts) -> str | None:
    """'dmy' / 'mdy' / None for the ambiguous numeric date layouts a file uses."""
    order = None
    for f in fmts:
        f2 = f.replace("-", "")
        if "%d/%m" in f2 or "%d.%m" in f2 or "%d-%m" in f2:
            order = "dmy"
        elif "%m/%d" in f2 or "%m.%d" in f2:
            order = "mdy"
    return order


def locale_info(table: dict, locale: str) -> dict:
    """What the scorer needs to read this file's numbers and dates by value."""
    loc = LOCALES[locale]
    fmts = []
    decimal = "."
    group = ","
    for c in table["columns"]:
        if c["type"] in ("date", "datetime"):
            f = c.get("fmt", "%Y-%m-%d")
            if locale != "native" and loc[c["type"]] and c.get("relocalize", True):
                f = loc[c["type"]]
            fmts.append(f)
        if c["type"] in ("dec", "money", "pct", "int", "sci") and locale == "native":
            if c.get("decimal", ".") == ",":
                decimal = ","
                group = c.get("group_char", ".")
            elif c.get("group"):
                group = c.get("group_char", ",")
    if locale != "native":
        decimal = loc["decimal"]
        group = loc["group"] if loc["group"] is not None else ","
        if group == "":
            group = "," if decimal == "." else "."
    return {"decimal": decimal, "group": group, "date_order": date_order_of(fmts)}


def load_table(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def rendered_rows(table: dict, locale: str = "native") -> list[list[str]]:
    cols = table["columns"]
    return [[render(v, c, locale) for v, c in zip(row, cols)] for row in table["values"]]
