"""Scores one reader's table against a file's ground truth, Pollock-style.

    score(truth, header, rows) -> dict

`truth` is the parsed `<file>.truth.json`; `header` is the reader's list of column names, or None
when the reader decided the file has no header; `rows` is a list of records, each a list of cell
strings (None is taken as an empty cell).  Returned: success, header/record/cell precision,
recall and F1, and `score` = their sum (0-10), as in the Pollock benchmark (Vitagliano et al.,
VLDB 2023).  The precise rules are in README.md ("Scoring"); in short:

* cells are compared as text after stripping surrounding whitespace and unifying line breaks;
* two cells that both read as numbers are equal when their values are equal (the file's own
  decimal mark / group separator, or plain `1234.5` form; currency signs and codes are ignored;
  a percentage equals its number or its number / 100; `(1,234.50)` is negative); text with a
  leading zero (`007`, `02134`) is an identifier and is only compared as text;
* two cells that both read as the same date, date-time or time are equal (the file's own day /
  month order decides `05/03/2024`); yes/no words (true/false, yes/no, y/n, t/f, ja/nein, oui/non,
  да/нет, 예/아니오, はい/いいえ, 是/否, any case) equal the boolean a reader may make of them;
* fully empty rows are ignored on both sides, trailing empty cells of a row are ignored, and a
  column that is empty in every row and has an empty name is dropped on both sides;
* header: multiset of column names (a multi-row header's parts may be joined in any way);
  record: multiset of whole rows; cell: multiset of non-empty data cells;
* when both sides are empty a level scores 1/1/1; when only one side is empty it scores 0/0/0.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation

__all__ = ["score", "cell_key", "cell_candidates", "ZERO"]

LEVELS = ("header", "record", "cell")
ZERO = {"success": 0.0, **{f"{lv}_{m}": 0.0 for lv in LEVELS for m in ("p", "r", "f1")}, "score": 0.0}

_CUR = r"US\$|C\$|A\$|R\$|HK\$|\$|€|£|¥|￥|₩|₽|₹|CHF|EUR|USD|KRW|JPY|RUB|GBP|CNY|RMB|руб\.?|р\.|원|円|元|zł|kr"
_CUR_PRE = re.compile(rf"^(?:{_CUR})[\s\u00a0\u202f]*")
_CUR_POST = re.compile(rf"[\s\u00a0\u202f]*(?:{_CUR})$")
_SPACES = " \u00a0\u202f\u2009"
# yes/no words a reader may turn into a boolean (and back into "True"/"False")
_BOOL = {}
for _t, _f in [
    ("true", "false"),
    ("yes", "no"),
    ("y", "n"),
    ("t", "f"),
    ("ja", "nein"),
    ("oui", "non"),
    ("sí", "no"),
    ("si", "no"),
    ("да", "нет"),
    ("예", "아니오"),
    ("はい", "いいえ"),
    ("是", "否"),
]:
    _BOOL[_t], _BOOL[_f] = "true", "false"
_PLAIN = re.compile(r"^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_MONTHS = {
    m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])
}
_TIME = r"(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?"
_DATE_PATTERNS = [
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\.?"), "ymd"),
    (re.compile(r"^(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?"), "ymd"),
    (re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日"), "ymd"),
    (re.compile(r"^(\d{4})년\s?(\d{1,2})월\s?(\d{1,2})일"), "ymd"),
    (re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})"), "amb"),
    (re.compile(r"^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*[- ](\d{4})"), "dMy"),
    (re.compile(r"^([A-Za-z]{3})[a-z]* (\d{1,2}),? (\d{4})"), "Mdy"),
]


def _norm_text(s) -> str:
    if s is None:
        return ""
    if not isinstance(s, str):
        s = str(s)
    return s.replace("\r\n", "\n").replace("\r", "\n").strip()


def _num_core(s: str):
    """Split sign, currency, percent and accounting brackets off a cell: (core, negative, percent)."""
    neg = False
    pct = False
    s = s.strip(_SPACES + "\t")
    if s.startswith("(") and s.endswith(")"):
        neg, s = True, s[1:-1].strip()
    if s.endswith("%") or s.endswith("％"):
        pct, s = True, s[:-1].rstrip(_SPACES)
    for _ in range(2):
        if s and s[0] in "+-−":
            neg, s = neg ^ (s[0] != "+"), s[1:].lstrip(_SPACES)
        s = _CUR_PRE.sub("", s)
        s = _CUR_POST.sub("", s)
    if s and s[0] in "+-−":
        neg, s = neg ^ (s[0] != "+"), s[1:].lstrip(_SPACES)
    return s, neg, pct


def _to_float(text: str):
    try:
        v = float(Decimal(text))
    except (InvalidOperation, ValueError):
        return None
    return v if math.isfinite(v) else None


def _parse_locale(core: str, dec: str, group: str):
    groups = _SPACES if group in _SPACES else group
    g = "[" + re.escape(groups) + "]"
    d = re.escape(dec)
    m = re.fullmatch(rf"(\d{{1,3}}(?:{g}\d{{3}})+|\d+)(?:{d}(\d+))?(?:[eE]([+-]?\d+))?", core)
    if not m:
        if dec != "." and re.fullmatch(rf"{d}\d+", core):
            return _to_float("0." + core[1:])
        return None
    ip = re.sub(g, "", m.group(1))
    txt = ip + ("." + m.group(2) if m.group(2) else "") + ("e" + m.group(3) if m.group(3) else "")
    return _to_float(txt)


def _nkey(v: float) -> str:
    if v == 0:
        v = 0.0
    return f"{v:.12g}"


def _temporal(s: str, order: str | None):
    """('d', iso) / ('dt', iso) / ('tm', iso) for a date, date-time or time cell, else None."""
    m = re.fullmatch(_TIME, s)
    if m:
        h, mi, se, fr, _tz = m.groups()
        try:
            t = dt.time(int(h), int(mi), int(se or 0), int((fr or "0").ljust(6, "0")[:6]))
        except ValueError:
            return None
        return ("tm", t.isoformat(timespec="microseconds"))
    for pat, kind in _DATE_PATTERNS:
        m = pat.match(s)
        if not m:
            continue
        a, b, c = m.groups()
        try:
            if kind == "ymd":
                y, mo, d = int(a), int(b), int(c)
            elif kind == "dMy":
                y, mo, d = int(c), _MONTHS[b[:3].lower()], int(a)
            elif kind == "Mdy":
                y, mo, d = int(c), _MONTHS[a[:3].lower()], int(b)
            else:
                x, z, y = int(a), int(b), int(c)
                if x > 12 or (order != "mdy" and z <= 12):
                    d, mo = x, z
                else:
                    mo, d = x, z
            date = dt.date(y, mo, d)
        except (ValueError, KeyError):
            return None
        rest = s[m.end() :]
        if not rest.strip():
            return ("d", date.isoformat())
        m2 = re.fullmatch(r"(?:[T ]|\s+)" + _TIME, rest)
        if not m2:
            return None
        h, mi, se, fr, tz = m2.groups()
        try:
            t = dt.datetime(
                date.year, date.month, date.day, int(h), int(mi), int(se or 0), int((fr or "0").ljust(6, "0")[:6])
            )
        except ValueError:
            return None
        if tz and tz != "Z":
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            off = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
            t = t - sign * off
        return ("dt", t.isoformat(timespec="microseconds"))
    return None


def cell_key(text, loc: dict) -> tuple:
    """The single comparison key of a ground-truth cell, read with the file's own locale."""
    s = _norm_text(text)
    if s == "":
        return ("e",)
    if s.lower() in _BOOL:
        return ("b", _BOOL[s.lower()])
    t = _temporal(s, loc.get("date_order"))
    if t:
        return t
    core, neg, pct = _num_core(s)
    if core and not re.match(r"^0\d", core):
        v = _parse_locale(core, loc.get("decimal", "."), loc.get("group", ","))
        if v is None and loc.get("decimal", ".") == ".":
            v = _to_float(core) if _PLAIN.match(core) else None
        if v is not None:
            return ("p" if pct else "n", _nkey(-v if neg else v))
    return ("t", s)


def cell_candidates(text, loc: dict) -> list[tuple]:
    """Every key a reader's cell may legitimately stand for, most literal first."""
    s = _norm_text(text)
    if s == "":
        return [("e",)]
    out = [("t", s)]
    if s.lower() in _BOOL:
        out.append(("b", _BOOL[s.lower()]))
    t = _temporal(s, loc.get("date_order"))
    if t:
        out.append(t)
        if t[0] == "dt" and t[1].endswith("T00:00:00.000000"):
            out.append(("d", t[1][:10]))
        if t[0] == "d":
            out.append(("dt", t[1] + "T00:00:00.000000"))
    core, neg, pct = _num_core(s)
    if core:
        vals = []
        v = _parse_locale(core, loc.get("decimal", "."), loc.get("group", ","))
        if v is not None:
            vals.append(v)
        if _PLAIN.match(core):
            vals.append(_to_float(core))
        for v in vals:
            if v is None:
                continue
            v = -v if neg else v
            if pct:
                out.append(("p", _nkey(v)))
            else:
                out += [("n", _nkey(v)), ("p", _nkey(v)), ("p", _nkey(v * 100))]
    return out


def _alnum(s: str) -> str:
    return "".join(ch for ch in _norm_text(s).lower() if ch.isalnum())


def _prf(matched: int, n_pred: int, n_true: int):
    if n_pred == 0 and n_true == 0:
        return 1.0, 1.0, 1.0
    if n_pred == 0 or n_true == 0:
        return 0.0, 0.0, 0.0
    p, r = matched / n_pred, matched / n_true
    return p, r, (2 * p * r / (p + r) if matched else 0.0)


def _clean(header, rows):
    """Strings everywhere, fully empty rows gone, unnamed all-empty columns gone."""
    rows = [[_norm_text(c) for c in (r or [])] for r in (rows or [])]
    rows = [r for r in rows if any(c != "" for c in r)]
    hdr = None if header is None else [_norm_text(h) for h in header]
    width = max([len(r) for r in rows] + [len(hdr) if hdr else 0])
    keep = []
    for j in range(width):
        named = hdr is not None and j < len(hdr) and hdr[j] != ""
        filled = any(j < len(r) and r[j] != "" for r in rows)
        keep.append(named or filled)
    if not all(keep):
        rows = [[c for j, c in enumerate(r) if j >= width or keep[j]] for r in rows]
        if hdr is not None:
            hdr = [h for j, h in enumerate(hdr) if j >= width or keep[j]]
    rows = [_rtrim(r) for r in rows]
    return hdr, rows


def _rtrim(r: list) -> list:
    n = len(r)
    while n and r[n - 1] == "":
        n -= 1
    return r[:n]


def _choose(cands: list[tuple], col_keys: set, all_keys: set) -> tuple:
    for pool in (col_keys, all_keys):
        for k in cands:
            if k in pool:
                return k
    return cands[0]


def _header_score(truth, hdr):
    t_hdr = truth.get("header")
    if not t_hdr:
        t_hdr = []
    p_hdr = [h for h in (hdr or [])]
    loc = truth.get("locale", {})
    variants = truth.get("header_variants") or [[] for _ in t_hdr]
    accepts = []
    for name, vs in zip(t_hdr, variants):
        acc = {cell_key(name, loc)}
        acc |= {("h", _alnum(v)) for v in [name, *vs] if _alnum(v)}
        accepts.append(acc)
    used = [False] * len(t_hdr)
    matched = 0
    for j, name in enumerate(p_hdr):
        cands = set(cell_candidates(name, loc))
        if _alnum(name):
            cands.add(("h", _alnum(name)))
        order = ([j] if j < len(t_hdr) else []) + list(range(len(t_hdr)))
        for i in order:
            if not used[i] and accepts[i] & cands:
                used[i] = True
                matched += 1
                break
    return _prf(matched, len(p_hdr), len(t_hdr))


def score(truth: dict, header, rows) -> dict:
    """Pollock-style header/record/cell precision, recall, F1 and a 0-10 total for one file."""
    loc = truth.get("locale", {})
    t_hdr, t_rows = _clean(truth.get("header"), truth.get("rows", []))
    truth = dict(truth, header=t_hdr)
    p_hdr, p_rows = _clean(header, rows)

    t_keys = [[cell_key(c, loc) for c in r] for r in t_rows]
    col_keys = defaultdict(set)
    all_keys = set()
    for r in t_keys:
        for j, k in enumerate(r):
            col_keys[j].add(k)
            all_keys.add(k)
    p_keys = [[_choose(cell_candidates(c, loc), col_keys[j], all_keys) for j, c in enumerate(r)] for r in p_rows]

    out = {"success": 1.0}
    out["header_p"], out["header_r"], out["header_f1"] = _header_score(truth, p_hdr)

    t_rec = Counter(tuple(r) for r in t_keys)
    p_rec = Counter(tuple(r) for r in p_keys)
    m = sum((t_rec & p_rec).values())
    out["record_p"], out["record_r"], out["record_f1"] = _prf(m, len(p_keys), len(t_keys))

    t_cell = Counter(k for r in t_keys for k in r if k != ("e",))
    p_cell = Counter(k for r in p_keys for k in r if k != ("e",))
    m = sum((t_cell & p_cell).values())
    out["cell_p"], out["cell_r"], out["cell_f1"] = _prf(m, sum(p_cell.values()), sum(t_cell.values()))
    out["score"] = sum(v for v in out.values())
    return out
