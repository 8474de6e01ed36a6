"""From text cells to typed columns, with vectorised kernels (pyarrow compute, never a Python loop
per cell).

A column's type is the first *candidate* in a fixed order (booleans, integers, integers with
thousands separators, decimals, decimals with separators, dates in one format, text) that converts
every non-missing cell of the column. The reader picks a candidate from a sample, converts each
batch of the body with it, and when a batch holds a cell the candidate cannot take (`Mismatch`)
moves on to the next candidate that takes both the sample and that batch, and reads again. So the
result is the same whatever the file size: the first candidate that fits the whole column.

Missing values are one set of markers (`MISSING`, pandas' defaults and a few more), the same for
every column and every file, except the words among them (`MISSING_WORDS`: None, nil) in a column
that stays text: there they are a value ("None" of an exercise level, a veneer type), as pyarrow
and DuckDB read them; in a column of numbers, dates or yes/no they are missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

#: Cells read as missing (after trimming spaces): pandas' defaults and the usual spreadsheet marks.
MISSING = sorted(
    {
        "",
        "NA",
        "na",
        "N/A",
        "n/a",
        "N/a",
        "NaN",
        "nan",
        "NAN",
        "null",
        "NULL",
        "Null",
        "None",
        "none",
        "NONE",
        "Nil",
        "-",
        "--",
        "?",
        "#N/A",
        "#NA",
        "#N/A N/A",
        "<NA>",
        "N.A.",
        "n.a.",
        "nil",
        "NIL",
        "-NaN",
        "-nan",
        "1.#IND",
        "1.#QNAN",
        "-1.#IND",
        "-1.#QNAN",
    }
)
#: Markers that are also words a category may hold ("None", "Nil"): missing only in a column of
#: numbers, dates or yes/no, never in text.
MISSING_WORDS = ["None", "none", "NONE", "nil", "Nil", "NIL"]
_MISSING = pa.array([m for m in MISSING if m not in MISSING_WORDS], pa.string())
_WORDS = pa.array(MISSING_WORDS, pa.string())
#: Words of a yes/no column (lower case), in the languages of Vista's users and their files.
_TRUE = ["true", "yes", "ja", "oui", "sí", "si", "sim", "да", "예", "네", "참"]
_FALSE = ["false", "no", "nein", "non", "não", "nao", "нет", "아니오", "아니요", "거짓"]
_BOOLS = pa.array(_TRUE + _FALSE)

DATE_FORMATS = [
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%m/%d/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d-%m-%Y",
    "%Y년 %m월 %d일",
]
_SPACES = "[ \u00a0\u202f]"
TIMESTAMP = pa.timestamp("us")


#: Dates (and times) in ISO 8601 form, as the `date_iso` candidate takes them.
_ISO_DATE = r"^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$"


class Mismatch(Exception):
    """A cell the candidate cannot convert."""


@dataclass(frozen=True)
class Candidate:
    """One way of reading a text column: `kind` and, for dates, the format."""

    kind: str  # empty, bool, int, int_sep, float, float_sep, date_iso, date, string
    fmt: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.fmt}" if self.fmt else self.kind


def candidates(decimal_comma: bool) -> list[Candidate]:
    """Every candidate, from the most specific to text."""
    out = [Candidate("empty"), Candidate("bool"), Candidate("int"), Candidate("int_sep", "dc" if decimal_comma else "")]
    if decimal_comma:
        out += [Candidate("float_sep", "dc"), Candidate("float")]
    else:
        out += [Candidate("float"), Candidate("float_sep")]
    out += [Candidate("date_iso")] + [Candidate("date", f) for f in DATE_FORMATS] + [Candidate("string")]
    return out


#: The characters Arrow's `utf8_trim_whitespace` trims: Unicode's White_Space and the ASCII
#: separators 0x1C-0x1F (`tests/test_ingest_clean.py` checks this against Arrow over every code
#: point).
TRIMMED = (
    "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)


def _codes(pairs: list[tuple[int, int]], size: int) -> np.ndarray:
    table = np.zeros(size, dtype=np.uint8)
    for key, code in pairs:
        table[key] = max(table[key], code)
    return table


_FORMS = [ch.encode() for ch in TRIMMED]
#: By a cell's first (last) byte: 2 when it is a trimmed character, 1 when it may start (end) one
_FIRST_BYTE = _codes([(f[0], 2 if len(f) == 1 else 1) for f in _FORMS], 256)
_LAST_BYTE = _codes([(f[-1], 2 if len(f) == 1 else 1) for f in _FORMS], 256)
#: By a cell's first (last) two bytes: a trimmed character of two or three bytes starts (ends) so
_FIRST_TWO = _codes([(int.from_bytes(f[:2], "big"), 1) for f in _FORMS if len(f) > 1], 1 << 16)
_LAST_TWO = _codes([(int.from_bytes(f[-2:], "big"), 1) for f in _FORMS if len(f) > 1], 1 << 16)


def needs_trim(column: pa.Array) -> bool:
    """Whether a cell of a string column may start or end with a character the trim removes,
    decided on the bytes at once: every cell's first and last byte, and for the few cells whose
    byte may belong to a longer trimmed character its first or last two bytes, looked up in
    tables of those characters' UTF-8 forms. False is proof that trimming changes nothing; True
    may be a false alarm (bytes of a neighbouring cell, a CJK character sharing two bytes with
    U+3000), and then the column is trimmed as before."""
    offsets_buffer, data_buffer = column.buffers()[1:3]
    if offsets_buffer is None or data_buffer is None or len(column) == 0 or data_buffer.size == 0:
        return False
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32)[column.offset : column.offset + len(column) + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8)
    # an empty cell reads its neighbours' bytes: a false alarm at worst
    for at, one, two, step in (
        (offsets[:-1], _FIRST_BYTE, _FIRST_TWO, 1),
        (offsets[1:] - 1, _LAST_BYTE, _LAST_TWO, -1),
    ):
        code = one[data.take(at, mode="clip")]
        if not code.any():
            continue
        if (code == 2).any():
            return True
        maybe = at[code == 1]
        pair = data.take(np.minimum(maybe, maybe + step), mode="clip").astype(np.int32) << 8
        pair |= data.take(np.maximum(maybe, maybe + step), mode="clip")
        if two[pair].any():
            return True
    return False


#: Cells from which a column's bytes are looked at before a kernel runs over them (`trim`,
#: `_missing_markers`): for fewer (a wide table's columns) the kernel costs less than the look.
LOOKED_AT = 1024


def trim(column: pa.Array) -> pa.Array:
    """A string column with every cell trimmed as `utf8_trim_whitespace` trims it: the column
    itself (no copy) when its bytes show no cell to trim (`needs_trim`)."""
    if pa.types.is_string(column.type) and len(column) >= LOOKED_AT and not needs_trim(column):
        return column
    return pc.utf8_trim_whitespace(column)


_MARKER_BYTES = [m.encode() for m in MISSING if m not in MISSING_WORDS]
#: The longest marker of `_MISSING` (bytes), and by a cell's first byte: whether a marker starts so
_MARKER_LONGEST = max(map(len, _MARKER_BYTES))
_MARKER_FIRST = _codes([(m[0], 1) for m in _MARKER_BYTES if m], 256).astype(bool)


def _missing_markers(text: pa.Array) -> np.ndarray | None:
    """Per cell of a string array: whether it is empty or a marker of `_MISSING` (as `is_in`
    says, null cells aside; None when no cell is either). Empty cells are found from the
    offsets; `is_in` looks only at the cells that could be another marker (no longer than the
    longest, starting with a byte a marker starts with), most columns none or few of their
    cells. Short arrays (`LOOKED_AT`) are looked up whole."""
    offsets_buffer, data_buffer = text.buffers()[1:3]
    n = len(text)
    if offsets_buffer is None or n == 0:
        return None
    if n < LOOKED_AT:
        found = pc.fill_null(pc.is_in(text, value_set=_MISSING), False)
        return found.to_numpy(zero_copy_only=False) if pc.any(found).as_py() else None
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32)[text.offset : text.offset + n + 1]
    lengths = np.diff(offsets)
    missing = lengths == 0
    if data_buffer is not None and data_buffer.size:
        data = np.frombuffer(data_buffer, dtype=np.uint8)
        maybe = (lengths <= _MARKER_LONGEST) & ~missing
        maybe &= _MARKER_FIRST[data.take(offsets[:-1], mode="clip")]
        where = np.flatnonzero(maybe)
        if len(where):
            found = pc.is_in(text.take(pa.array(where)), value_set=_MISSING)
            missing[where] = pc.fill_null(found, False).to_numpy(zero_copy_only=False)
    return missing if missing.any() else None


def clean(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Trimmed text with the missing markers as nulls (the input of every candidate). Columns
    whose bytes show no cell to trim (most: `needs_trim`) are not copied by a trim."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    if not pa.types.is_string(column.type):
        column = column.cast(pa.string())
    text = pc.utf8_trim_whitespace(column) if needs_trim(column) else column
    missing = _missing_markers(text)
    if missing is None:
        return text
    kept = ~missing
    if text.null_count:
        kept &= pc.is_valid(text).to_numpy(zero_copy_only=False)
    present = pa.array(kept)
    if text.offset == 0 and present.offset == 0:
        # the same offsets and characters with a validity bitmap of the cells kept: no copy of
        # the text (`if_else` would copy every character of the column)
        return pa.Array.from_buffers(pa.string(), len(text), [present.buffers()[1], *text.buffers()[1:]])
    return pc.if_else(present, text, pa.scalar(None, pa.string()))


def _all(mask: pa.Array) -> bool:
    return pc.all(mask, skip_nulls=True).as_py() is not False


def _check(text: pa.Array, pattern: str) -> None:
    if not _all(pc.match_substring_regex(text, pattern)):
        raise Mismatch(pattern)


def convert(text: pa.Array, cand: Candidate) -> pa.Array:
    """`text` (already `clean`) as `cand`'s type; `Mismatch` when a non-missing cell does not fit.
    Besides text, the words of `MISSING_WORDS` are missing too (looked for only when a cell does
    not fit: most columns have none)."""
    try:
        return _convert(text, cand)
    except Mismatch:
        if cand.kind == "string":
            raise
        words = pc.is_in(text, value_set=_WORDS)
        if not pc.any(words).as_py():
            raise
        return _convert(pc.if_else(words, pa.scalar(None, pa.string()), text), cand)


def _convert(text: pa.Array, cand: Candidate) -> pa.Array:
    kind = cand.kind
    try:
        if kind == "string":
            return text
        if kind == "empty":
            if text.null_count != len(text):
                raise Mismatch("not empty")
            return text
        if kind == "bool":
            lowered = pc.utf8_lower(text)
            if not _all(pc.or_kleene(pc.is_null(lowered), pc.is_in(lowered, value_set=_BOOLS))):
                raise Mismatch("bool")
            return pc.if_else(
                pc.is_valid(lowered), pc.is_in(lowered, value_set=pa.array(_TRUE)), pa.scalar(None, pa.bool_())
            )
        if kind == "int":
            return pc.cast(text, pa.int64())
        if kind == "float":
            return pc.cast(text, pa.float64())
        if kind in ("int_sep", "float_sep"):
            group, point = (r"[.]", ",") if cand.fmt == "dc" else (",", ".")
            sep = f"(?:{group}|{_SPACES})"
            frac = "" if kind == "int_sep" else rf"(\{point}\d+)?" if point == "." else rf"({point}\d+)?"
            _check(text, rf"^[+-]?(\d{{1,3}}({sep}\d{{3}})+|\d+){frac}$")
            plain = pc.replace_substring_regex(text, sep, "")
            if point == ",":
                plain = pc.replace_substring(plain, ",", ".")
            return pc.cast(plain, pa.int64() if kind == "int_sep" else pa.float64())
        if kind == "date_iso":
            # Arrow's ISO 8601 cast takes exactly the cells of `_ISO_DATE` that are real dates and
            # times, plus one form the pattern refuses: a date with an hour alone (13 characters).
            # So a cast and a length check decide as the pattern would, without a regex per cell.
            values = pc.cast(text, TIMESTAMP)
            # (after the cast every cell is ASCII: its bytes are its characters)
            if pc.any(pc.equal(pc.binary_length(text), 13)).as_py():
                _check(text, _ISO_DATE)
            return values
        if kind == "date":
            _check(text, r"\d")
            return pc.strptime(text, format=cand.fmt, unit="us")
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as e:
        raise Mismatch(str(e)) from None
    raise ValueError(f"unknown candidate {cand}")


def choose(text: pa.Array, options: list[Candidate], start: int = 0, also: pa.Array | None = None) -> int:
    """Index of the first candidate from `start` that converts `text` (and `also`, if given)."""
    present = text.drop_null()
    head = present.slice(0, 32)
    # Every date format first asks for a digit in each cell (`convert`): asked once per array
    digits: dict[int, bool] = {}

    def without_digits(*arrays: pa.Array | None) -> bool:
        for k, a in enumerate(arrays):
            if a is not None and k not in digits:
                digits[k] = _all(pc.match_substring_regex(a, r"\d"))
            if a is not None and not digits[k]:
                return True
        return False

    # `convert`, with each array's missing words (None, nil) looked for once, not per candidate
    nulled: dict[int, pa.Array | None] = {}

    def fits(k: int, a: pa.Array, cand: Candidate) -> None:
        try:
            _convert(a, cand)
        except Mismatch:
            if cand.kind == "string":
                raise
            if k not in nulled:
                words = pc.is_in(a, value_set=_WORDS)
                nulled[k] = pc.if_else(words, pa.scalar(None, pa.string()), a) if pc.any(words).as_py() else None
            if nulled[k] is None:
                raise
            _convert(nulled[k], cand)

    for i in range(start, len(options)):
        try:
            if options[i].kind == "date" and without_digits(head if len(present) > 64 else None, text, also):
                continue
            if options[i].kind != "empty" and len(present) > 64:
                fits(0, head, options[i])  # most candidates fail on the first cells: fail fast
            fits(1, text, options[i])
            if also is not None:
                fits(2, also, options[i])
            return i
        except Mismatch:
            continue
    return len(options) - 1


def values_of(cells: list[str], cands: list[Candidate]) -> list[bool]:
    """Per cell: would `convert` take it as a value of its candidate (a missing marker is taken
    by every candidate)? For many cells at once: one pass of cleaning and of each candidate's
    pattern, and `convert` itself only for the cells a pattern does not settle."""
    if not cells:
        return []
    text = clean(pa.array(cells, pa.string()))
    out = [True] * len(cells)
    for kind in {c.kind for c in cands}:
        members = [i for i, c in enumerate(cands) if c.kind == kind]
        group = text.take(pa.array(members, pa.int64()))
        if kind == "bool":  # exactly `convert`'s test
            for i, ok in zip(members, pc.fill_null(pc.is_in(pc.utf8_lower(group), value_set=_BOOLS), True).to_pylist()):
                out[i] = ok
            continue
        # A cell that does not start as a number does (a sign, then a digit, a point and a digit,
        # or a word Arrow reads as a number) is none: settled here; the rest (few: header cells
        # are names) are converted one by one.
        maybe = pc.fill_null(pc.match_substring_regex(group, r"(?i)^[+-]?([0-9]|\.[0-9]|inf|nan)"), True)
        for i, possible in zip(members, maybe.to_pylist()):
            if not possible:
                out[i] = False
                continue
            try:
                convert(text.slice(i, 1), cands[i])
            except Mismatch:
                out[i] = False
    return out


def output_type(cand: Candidate) -> pa.DataType:
    return {
        "bool": pa.bool_(),
        "int": pa.int64(),
        "int_sep": pa.int64(),
        "float": pa.float64(),
        "float_sep": pa.float64(),
        "date_iso": TIMESTAMP,
        "date": TIMESTAMP,
    }.get(cand.kind, pa.string())


#: Candidates Arrow's CSV reader converts while parsing exactly as `convert` would (the same number
#: parser; missing markers and yes/no words matched as written, in the three usual letter cases,
#: so a cell that needs trimming or another case fails there and the column is converted here).
PARSED_BY_ARROW = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}


def _cases(words: list[str]) -> list[str]:
    return sorted({v for w in words for v in (w, w.upper(), w.capitalize())})


ARROW_TRUE, ARROW_FALSE = _cases(_TRUE), _cases(_FALSE)


_GROUP = "[ \u00a0\u202f.]"


def decimal_comma_likely(delimiter: str, cells: list[str]) -> bool:
    """Whether the numbers in `cells` (a sample of the body's parsed cells) write decimals with a
    comma: more cells that show it than cells that show a decimal point (vectorised: wide
    samples hold hundreds of thousands of cells).

    In a comma-separated file a number holding a comma was quoted (`"1,5"`, `"-1.269,97"`: German
    or Russian numbers exported with the comma delimiter), and a quoted `"1,234"` is as likely a
    US thousands separator: there only unambiguous cells count (a comma not followed by exactly
    three digits, or after groups of dots or spaces), and US grouped numbers (`"12,345.50"`) count
    for the point. With another delimiter, `1,250` is the decimal comma it usually is there."""
    group = _GROUP
    if delimiter.strip() == ",":
        dc = (
            rf"^[+-]?(\d{{1,3}}({group}\d{{3}})+,\d+|\d+,(\d{{1,2}}|\d{{4,}})|\d{{4,}},\d+|0,\d+"
            rf"|\d{{1,3}}(\.\d{{3}}){{2,}})$"
        )
        dot = r"^[+-]?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.(\d{1,2}|\d{4,})|\d{4,}\.\d+|0\.\d+)$"
    else:
        dc = rf"^[+-]?\d{{1,3}}({group}\d{{3}})+(,\d+)?$|^[+-]?\d+,\d+$"
        dot = r"^[+-]?\d+\.\d+$"
    if not cells:
        return False
    text = trim(pa.array(cells, pa.string()))
    comma = pc.match_substring_regex(text, dc)
    if not pc.any(comma).as_py():
        return False  # no cell shows a decimal comma (most files): nothing to weigh
    comma = pc.and_not(
        comma, pc.match_substring_regex(text, r"^[+-]?\d{1,3}( \d{3})+$")
    )  # spaces alone: no decimal mark
    point = pc.and_not(
        pc.and_not(pc.match_substring_regex(text, dot), comma),
        pc.match_substring_regex(text, r"^[+-]?\d{1,3}\.\d{3}$"),
    )
    return (pc.sum(comma).as_py() or 0) > (pc.sum(point).as_py() or 0)


def _fits_all(text: pa.Array, cand: Candidate) -> pa.Array:
    """Per cell: could `cand` take it? (nulls fit everything). Regex and set checks only, so one
    call covers the cells of many columns at once."""
    kind = cand.kind
    if kind == "string":
        return pa.array([True] * len(text))
    if kind == "empty":
        return pc.is_null(text)
    if kind == "bool":
        ok = pc.is_in(pc.utf8_lower(text), value_set=_BOOLS)
    elif kind == "int":
        ok = pc.match_substring_regex(text, r"^[+-]?\d{1,18}$")
    elif kind == "float":
        ok = pc.match_substring_regex(text, r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
    elif kind in ("int_sep", "float_sep"):
        group, point = (r"[.]", ",") if cand.fmt == "dc" else (",", r"\.")
        sep = f"(?:{group}|{_SPACES})"
        frac = "" if kind == "int_sep" else f"({point}\\d+)?"
        ok = pc.match_substring_regex(text, rf"^[+-]?(\d{{1,3}}({sep}\d{{3}})+|\d+){frac}$")
    elif kind == "date_iso":
        ok = pc.match_substring_regex(text, _ISO_DATE)
    else:
        ok = pc.is_valid(pc.strptime(text, format=cand.fmt, unit="us", error_is_null=True))
    return pc.fill_null(pc.or_kleene(pc.is_null(text), ok), True)


def choose_many(texts: list[pa.Array], options: list[Candidate]) -> list[int]:
    """`choose` for many columns: for wide tables the candidates are tested on the cells of all
    columns at once (a few vectorised calls instead of a few per column). A pick the body later
    disproves is corrected like any other (`Mismatch`, then the next candidate)."""
    if len(texts) <= 64:
        return [choose(t, options) for t in texts]
    cells = pa.concat_arrays([t if t.type == pa.string() else t.cast(pa.string()) for t in texts])
    ids = pa.array(np.repeat(np.arange(len(texts), dtype=np.int32), [len(t) for t in texts]))
    picks: list[int | None] = [None] * len(texts)
    for i, cand in enumerate(options):
        open_columns = [j for j, p in enumerate(picks) if p is None]
        if not open_columns:
            break
        fits = pa.table({"col": ids, "ok": _fits_all(cells, cand)}).group_by("col").aggregate([("ok", "all")])
        for j, ok in zip(fits.column("col").to_pylist(), fits.column("ok_all").to_pylist()):
            if ok and picks[j] is None:
                picks[j] = i
    return [p if p is not None else len(options) - 1 for p in picks]
