"""The reading engine for delimited text: one path for every file size.

1. **Sniff** in Python on a head sample (and a tail sample of large files): the dialect
   (delimiter, quotes, escapes, `", "`), then — parsing the samples with the same parser as the
   body — the layout (title or notes before the table, header rows, notes after it, width) and a
   type candidate per column (`types.py`). Dialects neither parser reads (quotes padded with
   spaces, database dumps' backslash escapes) are first rewritten as plain CSV (`normalize.py`).
2. **Parse the body.** A regular table (every sampled data row as wide as the table) in a
   dialect Arrow reads (one-character delimiter, not spaces) is streamed by Arrow's CSV parser
   over the table's byte range, in 1 MB blocks; a row of another width further on stops it and
   the file goes to the careful parser. Every other file is parsed by DuckDB's CSV reader given
   the options explicitly (every column as text, short rows padded, in file
   order, multi-threaded, bounded memory). Both give the same table (tests compare them).
3. **Convert** each batch with vectorised kernels and write it to Parquet from a second thread
   (a body of at most `INLINE_BYTES`: in the calling thread, as it is parsed)
   (dictionary encoding only for the columns whose sample repeats values); each row group
   written is also handed to the plan's observer, if any (the dataset's profile, computed
   meanwhile: `profile.StreamProfile`).
   A batch holding a cell its column's candidate cannot take (a late `2.5` in an integer column)
   makes the column move to the next candidate that fits, and the body is read again, so types
   are decided over the whole column and the same file gives the same table at any size.

Rows the parser had to repair are counted and reported: short rows padded; long rows either a
text cell split at an unquoted delimiter (put back together) or extra cells (kept in unnamed
columns), decided row by row from what the row's cells show (`_long_rows`). Blank rows, the
header line repeated inside the data, page banners ("Page 3 of 12") and the notes after the table
are left out and reported.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import InvalidInput, TooLarge, UnsupportedType
from . import dialect as dl
from . import normalize
from . import types as ty
from .sniff import cut_at_line, looks_binary

# Sample records may hold cells as long as a line may be (the limit is checked before parsing).
csv.field_size_limit(2**31 - 1)

#: Encodings DuckDB reads directly; others are transcoded to UTF-8 first (streamed).
_NATIVE = {"utf-8", "utf-8-sig", "ascii"}
#: A cell value that never occurs, so that DuckDB turns no cell into NULL: NULL means "padded".
_NEVER = "\x01vista-no-null\x01"
#: The samples the plan is made from: the file's first and last bytes (whole lines). A file
#: no longer than HEAD_BYTES is parsed once, as its own sample.
HEAD_BYTES = 256 << 10
TAIL_BYTES = 64 << 10
#: Target size of one batch in memory (its row count follows from the average record size).
BATCH_BYTES = 48 << 20
#: Converted data gathered into one Parquet row group (bounded memory, few row groups).
ROW_GROUP_BYTES = 32 << 20
#: Bytes Arrow's streaming parser reads at a time (at least four of the longest line): its
#: read-ahead holds dozens of blocks, so memory grows with this (1 MB: ~60 MB; 4 MB: ~220 MB).
BLOCK_BYTES = 1 << 20
#: A body of at most this many bytes is read in one pass in the calling thread: each batch is
#: converted and written as it is parsed (Arrow's reader still parses ahead on its own threads).
#: Below it, handing batches to the converting and writing threads costs more than running the
#: three at once gives. Arrow's parser gives it larger batches (INLINE_BLOCK_BYTES): fewer
#: kernel calls per column, and no row groups kept small for writing to overlap parsing.
INLINE_BYTES = 32 << 20
INLINE_BLOCK_BYTES = 4 << 20


def _inline(plan: Plan) -> bool:
    """Whether the planned body is small enough to be read in one pass (`INLINE_BYTES`)."""
    return plan.end - plan.start <= INLINE_BYTES


class Cancelled(Exception):
    """The reading was cancelled (the user pressed Cancel, or the client went away)."""


class Progress:
    """Where a reading is (phase, bytes done of total) and whether it was cancelled.

    Thread-safe enough for its use: one reader thread writes, request handlers read.
    """

    def __init__(self) -> None:
        self.phase = "waiting"
        self.done = 0
        self.total = 0
        self.started = time.monotonic()
        self._cancelled = threading.Event()
        self._on_cancel: list[Callable[[], None]] = []

    def update(self, phase: str, done: int, total: int) -> None:
        self.phase, self.done, self.total = phase, max(0, done), max(0, total)
        self.check()

    def cancel(self) -> None:
        self._cancelled.set()
        for hook in list(self._on_cancel):
            try:
                hook()
            except Exception:  # noqa: S110 - best effort: the reader checks the flag anyway
                pass

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled("The reading was cancelled.")

    def hook(self, fn: Callable[[], None]) -> Callable[[], None]:
        """Call `fn` on cancel (e.g. interrupt a query); returns the function to remove it."""
        self._on_cancel.append(fn)
        return lambda: self._on_cancel.remove(fn) if fn in self._on_cancel else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "bytes_done": self.done,
            "bytes_total": self.total,
            "elapsed": round(time.monotonic() - self.started, 1),
        }


@dataclass
class TextResult:
    rows: int
    columns: list[str]
    detected: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


# --- transcoding ----------------------------------------------------------------------------------


def transcode(src: Path, encoding: str, target: Path, progress: Progress) -> int:
    """Write `src` as UTF-8 into `target`, streamed; returns the number of undecodable bytes."""
    total = src.stat().st_size
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    replaced = done = 0
    with open(src, "rb") as f, open(target, "w", encoding="utf-8", newline="") as out:
        while chunk := f.read(4 << 20):
            text = decoder.decode(chunk)
            replaced += text.count("\ufffd")
            out.write(text)
            done += len(chunk)
            progress.update("decoding", done, total)
        text = decoder.decode(b"", final=True)
        replaced += text.count("\ufffd")
        out.write(text)
    if replaced > 0.01 * max(total, 1) and replaced > 10:
        raise InvalidInput(
            "The file's text encoding could not be recognised (too many bytes that are "
            "not valid characters). Save it as UTF-8 and try again."
        )
    return replaced


def check_line_lengths(path: Path, limit: int, progress: Progress) -> None:
    """Refuse a file with a line longer than `limit` bytes, reading it in blocks of at most half
    the limit: such a line spans a whole block without a line break, so only the first and last
    break of each block are looked for (C speed, never a whole line in memory)."""
    block_size = max(1, min(4 << 20, limit // 2))
    total = path.stat().st_size
    run = done = 0
    with open(path, "rb") as f:
        while block := f.read(block_size):
            done += len(block)
            first = min((i for i in (block.find(b"\n"), block.find(b"\r")) if i >= 0), default=-1)
            if first < 0:
                run += len(block)
            else:
                if run + first > limit:
                    break
                run = len(block) - max(block.rfind(b"\n"), block.rfind(b"\r")) - 1
            if run > limit:
                break
            if done % (64 << 20) < block_size:
                progress.update("checking", done, total)
    if run > limit:
        raise _LineTooLong(f"line longer than {limit}")


# --- DuckDB -------------------------------------------------------------------------------------


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _connect(work: Path, threads: int) -> Any:
    import duckdb

    con = duckdb.connect(
        config={
            "threads": threads,
            "memory_limit": "1GB",
            "temp_directory": str(work / "duckdb-tmp"),
            "preserve_insertion_order": True,
        }
    )
    return con


def _query(path: Path, d: dl.Dialect, width: int, max_line: int, parallel: bool) -> str:
    delimiter = d.delimiter + (" " if d.skipinitialspace else "")
    quote = d.quotechar or ""
    escape = d.escapechar or ""  # without quotes too: a dump's backslashes (`normalize.py`)
    if d.quotechar and d.escapechar is None:
        escape = d.quotechar if d.doublequote else ""
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width))
    return (
        f"SELECT * FROM read_csv({_sql_string(str(path))}, auto_detect=false, header=false, "
        f"delim={_sql_string(delimiter)}, quote={_sql_string(quote)}, escape={_sql_string(escape)}, "
        f"null_padding=true, strict_mode=false, nullstr={_sql_string(_NEVER)}, "
        f"max_line_size={max(max_line, 1 << 20) + 1024}, buffer_size={max(2 * max_line + (1 << 20), 32 << 20)}, "
        f"parallel={'true' if parallel else 'false'}, columns={{{columns}}})"
    )


class DuckRecords:
    """Records of a sample exactly as DuckDB's reader splits them (the careful parser's
    `RecordParser`); keeps the head sample's table, which is the whole file when it fits."""

    def __init__(self, con: Any, work: Path, max_line: int):
        self.con, self.work, self.max_line = con, work, max_line
        self.tables: list[pa.Table] = []

    def __call__(self, data: bytes, base: int, d: dl.Dialect, declared: int) -> Records:
        path = self.work / f"sample{len(self.tables)}.csv"
        path.write_bytes(data)
        table = _fetch(self.con, _query(path, d, declared, self.max_line, parallel=False))
        self.tables.append(table)
        columns = [c.to_pylist() for c in table.columns]
        return Records([list(r) for r in zip(*columns)] if columns else [])


def _fetch(con: Any, sql: str) -> pa.Table:
    try:
        return con.sql(sql).to_arrow_table()
    except Exception as e:  # duckdb's own exception classes
        raise _translate(e) from None


def _translate(e: Exception) -> Exception:
    text = str(e)
    if "Maximum line size" in text or "maximum line size" in text:
        return _LineTooLong(text)
    if "nterrupt" in text:
        return Cancelled("The reading was cancelled.")
    return InvalidInput(f"The file could not be read as a table: {text.splitlines()[0][:300]}")


class _LineTooLong(Exception):
    pass


class _NeedsSerial(Exception):
    pass


# --- the plan -----------------------------------------------------------------------------------


class Observer(Protocol):
    """Sees each row group written (e.g. `profile.StreamProfile`): `add` each in order, then
    `close`, or `abort` when the writing failed or is read again."""

    def add(self, table: pa.Table) -> None: ...
    def close(self) -> None: ...
    def abort(self) -> None: ...


#: Makes the observer of one writing, given its schema (a pass read again makes a new one).
Observe = Callable[[pa.Schema], Observer]


@dataclass
class Plan:
    """Everything decided from the samples before the body is read."""

    dialect: dl.Dialect
    width: int  # columns declared to the parser (the table's and one more, to see long rows)
    out: int  # columns of the table
    names: list[str]
    skip: int  # records before the first data record
    footer: int  # non-blank records after the last data record
    header_cells: list[str] | None
    candidates: list[int]
    options: list[ty.Candidate]
    droppable: list[bool]  # unnamed columns empty in the sample: left out if empty throughout
    decimal_comma: bool
    bytes_per_record: float
    multiline: bool  # quoted fields span lines in the sample
    samples: list[pa.Array]  # per column: the sample cells (clean), to re-choose candidates
    #: The whole file, already parsed, when it fits in the head sample (no second parse).
    whole: pa.Table | None = None
    #: For Arrow's parser: the body's byte range, whether the samples show every data row as
    #: wide as the table, and the longest line of the head sample.
    start: int = 0
    end: int = 0
    regular: bool = False
    longest: int = 0
    #: Patterns of page banners repeated in the data (`dialect.page_banners`): left out, counted.
    banners: list[str] = field(default_factory=list)
    banner_example: str = ""
    #: Columns named by the header (the table's width before unnamed columns for extra cells).
    named: int = 0
    #: Each named column's candidate over the sample, typed reading or not (`_shape`).
    shape: list[int] | None = None
    #: Columns into which split text cells were put back together.
    merged_into: set[int] = field(default_factory=set)
    #: Columns Arrow's parser leaves as text although their candidate is one it converts (a
    #: cell it could not take as written: spaces around it, another letter case, or a mismatch).
    arrow_text: set[int] = field(default_factory=set)
    #: Makes what sees each row group written (e.g. the dataset's profile, computed meanwhile).
    observe: Observe | None = None
    #: The candidates and droppable columns as chosen from the samples (a pass that learns a
    #: page banner starts again from them: `_Banners`).
    initial: tuple[list[int], list[bool]] | None = None
    #: One-cell lines of the body met so far in this pass, by `dialect.banner_template`: how
    #: many, up to two of their texts, their column; and the rows met (`_body_banners`).
    singles: dict[str, tuple[int, list[str], int]] = field(default_factory=dict)
    rows_met: int = 0


def _cells(records: list[list[str | None]]) -> list[list[str]]:
    return [["" if c is None else c for c in r] for r in records]


def _trim_padding(records: list[list[str | None]]) -> list[list[str]]:
    # Padded cells (None, only ever at the end of a record) are not cells: a row's fields end
    # at its last real cell.
    out = []
    for r in records:
        if r and r[-1] is None:
            end = len(r)
            while end and r[end - 1] is None:
                end -= 1
            r = r[:end]
        out.append(r)
    return out  # type: ignore[return-value]


def _fits(row: list[str], width: int) -> bool:
    filled = max((j + 1 for j, c in enumerate(row) if c.strip()), default=0)
    return filled >= max(2, width - max(1, width // 3)) or (width == 1 and filled == 1)


def _footer(rows: list[list[str]], width: int) -> int:
    """Non-blank rows after the last row that fits the table (notes, totals, sources)."""
    count = 0
    for row in reversed(rows):
        if dl._empty(row):
            continue
        if _fits(row, width):
            break
        count += 1
    return count


def _nth_from_end(rows: list[list[str]], n: int) -> int:
    """Index of the first of the last `n` non-blank rows (`len(rows)` when `n` is 0)."""
    index = len(rows)
    while n and index > 0:
        index -= 1
        if not dl._empty(rows[index]):
            n -= 1
    return index


def _looks_like_record(row: list[str], chosen: list[int], options: list[ty.Candidate]) -> bool:
    filled = [(j, c) for j, c in enumerate(row) if c.strip() and j < len(chosen)]
    typed = [j for j, _ in filled if options[chosen[j]].kind not in ("string", "empty")]
    if len(filled) < 2 or not typed:
        return False
    for j, cell in filled:
        try:
            ty.convert(ty.clean(pa.array([cell])), options[chosen[j]])
        except ty.Mismatch:
            return False
    return True


@dataclass
class Samples:
    """The bytes a plan is made from: the file's head and tail (whole lines), with their offsets."""

    head: bytes
    base: int  # file offset of head[0] (past a UTF-8 byte order mark)
    tail: bytes  # empty when the head holds the whole file
    tail_base: int
    complete: bool
    size: int


def read_samples(path: Path, max_line: int) -> Samples:
    """The head sample (at least 64 lines for wide files, up to 32 MB) and the tail sample of a
    file; a line longer than `max_line` in the head is refused here, before anything is parsed."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
        # Wide files: the head holds at least 64 lines (up to 32 MB), or layout and types would
        # be guessed from a handful of rows.
        while (
            len(head) < size
            and head.count(b"\n") + head.count(b"\r") < 64
            and len(head) < 32 << 20
            and _longest_line(head) <= max_line
        ):
            more = f.read(len(head))
            if not more:
                break
            head += more
        complete = len(head) >= size
        tail, tail_base = b"", size
        if not complete:
            f.seek(max(len(head), size - TAIL_BYTES))
            tail = cut_at_line(f.read(), head=False)
            tail_base = size - len(tail)
    if _longest_line(head) > max_line:
        raise _LineTooLong(f"line longer than {max_line}")
    if not complete:
        head = cut_at_line(head)
    base = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    return Samples(head[base:], base, tail, tail_base, complete, size)


def _longest_line(data: bytes) -> int:
    """The longest line's length as `bytes.splitlines` cuts lines (at LF, CR and CRLF, which
    leaves an empty line between CR and LF), from the positions of the breaks."""
    if not data:
        return 0
    raw = np.frombuffer(data, dtype=np.uint8)
    breaks = np.flatnonzero((raw == 10) | (raw == 13))
    if not len(breaks):
        return len(data)
    return int(max(breaks[0], np.diff(breaks).max(initial=1) - 1, len(data) - breaks[-1] - 1))


#: Line breaks of `str.splitlines` besides LF and CR, in UTF-8 (VT, FF, FS, GS, RS, NEL, U+2028,
#: U+2029), each after a byte that is in it (looked for first, at C speed: most texts have none).
_OTHER_BREAKS = [
    (b[-1:], b) for b in (b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
]


def _breaks_only_lf_cr(data: bytes) -> bool:
    """Whether UTF-8 text breaks lines only at LF and CR, where `bytes.splitlines` and the
    decoded text's `str.splitlines` cut the same lines."""
    return not any(last in data and whole in data for last, whole in _OTHER_BREAKS)


def _most_on_a_line(data: bytes, separator: str) -> int:
    """The most times `separator` occurs on one line of the UTF-8 text `data` (its lines as
    `str.splitlines` cuts the decoded text, invalid bytes replaced). An ASCII separator is
    counted on the bytes' lines when those are the text's (most samples), without decoding:
    a replaced invalid byte is never an ASCII one."""
    if len(separator.encode()) == 1 and _breaks_only_lf_cr(data):
        return max(map(bytes.count, data.splitlines(), itertools.repeat(separator.encode())), default=0)
    text = data.decode("utf-8", errors="replace")
    return max(map(str.count, text.splitlines(), itertools.repeat(separator)), default=0)


@dataclass
class Records:
    """A sample split into records (cells; None pads a short record to the declared width)."""

    records: list[list[str | None]]
    #: The file offset where each record ends (None: the parser does not say).
    ends: list[int] | None = None
    #: Whether a record spans lines (None: look for line breaks in the cells).
    multiline: bool | None = None


#: How a sample is split into records: (sample bytes, file offset of its first byte, dialect,
#: columns to declare) -> records.
RecordParser = Callable[[bytes, int, dl.Dialect, int], Records]


def text_records(data: bytes, base: int, d: dl.Dialect, declared: int = 0) -> Records:
    """Records of a sample under `d` as Arrow's CSV parser splits them (Python's csv module has
    the same rules: quotes open only at the start of a cell, text after a closing quote stays in
    the cell, LF, CRLF and CR end records), with the file offset where each record ends."""
    lines = data.splitlines(keepends=True)
    offsets = list(itertools.accumulate(map(len, lines), initial=base))
    # Decoded at once: the text's lines are the bytes' lines unless it holds a line break of
    # Unicode's that is none of the bytes' (U+2028, a form feed...): then line by line.
    text_lines: list[str] = data.decode("utf-8", errors="replace").splitlines(keepends=True)
    if len(text_lines) != len(lines):
        text_lines = [line.decode("utf-8", errors="replace") for line in lines]
    options = {
        "delimiter": d.delimiter,
        "quotechar": d.quotechar or "\x00",
        "quoting": csv.QUOTE_MINIMAL if d.quotechar else csv.QUOTE_NONE,
        "escapechar": d.escapechar,
        "doublequote": d.doublequote,
        "strict": False,
    }
    # Most samples have one record per line (no quoted line breaks): every record took exactly
    # one line when there are as many records as lines (each takes at least one, and the reader
    # takes them all), and the ends are then the lines' ends, without a Python step per record.
    records: list[list[str | None]] = list(csv.reader(text_lines, **options))  # type: ignore[arg-type]
    if len(records) == len(text_lines):
        return Records(records, offsets[1:], False)
    reader = csv.reader(text_lines, **options)
    records = []
    ends: list[int] = []
    lines_read = 0
    multiline = False
    for row in reader:
        records.append(row)
        multiline = multiline or reader.line_num > lines_read + 1
        lines_read = reader.line_num
        ends.append(offsets[lines_read])
    return Records(records, ends, multiline)


def _fast_dialect(d: dl.Dialect) -> bool:
    """Whether Arrow's CSV parser reads this dialect as the samples were read: a one-character
    delimiter that is not a space (runs of spaces and `", "` need the careful parser)."""
    return d.delimiter != " " and not d.skipinitialspace


def _layout(
    rows: list[list[str]], head: bytes, base: int, d: dl.Dialect, blanks_dropped: bool, complete: bool
) -> dl.Layout:
    """The layout of the sample's first rows. Blank lines tell stacked tables apart, and DuckDB's
    parser drops them: its rows get them back from the text parser's records, when the two
    parsers' non-blank records line up one to one (else they are laid out without them)."""
    complete = complete and len(rows) <= 3000
    if not blanks_dropped:
        return dl.layout(rows[:3000], complete=complete)
    text = text_records(head, base, d).records
    filled = sum(1 for r in text if r)
    if filled < len(rows) or not any(not r for r in text):
        return dl.layout(rows[:3000], complete=complete)
    expanded: list[list[str]] = []
    back: dict[int, int] = {}
    k = 0
    for r in text:
        if k >= len(rows) or len(back) >= 3000:
            break
        if r:
            back[len(expanded)] = k
            expanded.append(rows[k])
            k += 1
        else:
            expanded.append([])
    found = dl.layout(expanded, complete=complete)

    def at(i: int) -> int:  # the DuckDB row at or after position i of the expanded rows
        while i < len(expanded) and i not in back:
            i += 1
        return back.get(i, len(rows))

    found.header_rows = [at(i) for i in found.header_rows]
    found.first = at(found.first)
    found.last = at(found.last) if found.last >= 0 else found.last
    return found


def make_plan(
    samples: Samples,
    d: dl.Dialect,
    parse: RecordParser,
    limits: Any,
    raw: bool,
    max_columns: int,
    warnings: list[str],
    detected: dict[str, Any],
    *,
    fast: bool = False,
) -> Plan:
    """Layout, names and type candidates from the samples, parsed by `parse`. With `fast`, the
    plan is for Arrow's parser: the byte range of the body, and whether the samples show a
    regular table (every data row as wide as the table), which that parser needs."""
    head, complete = samples.head, samples.complete
    # Columns to declare to the careful parser: at least as many as any line has cells (counting
    # the delimiters on each line over-counts quoted ones, which costs only empty columns), and
    # one more to see rows that are longer than the table.
    separator = d.delimiter + (" " if d.skipinitialspace else "")
    declared = _most_on_a_line(head, separator) + 2
    if declared - 1 > max_columns:
        raise TooLarge(
            f"The file has {declared - 1:,} columns; Vista reads at most {max_columns:,} (the max_columns setting)."
        )
    parsed = parse(head, samples.base, d, declared)
    records, ends = parsed.records, parsed.ends
    if not complete and len(records) > 2:
        records = records[:-1]  # the sample ends at a line break, maybe inside a quoted field
    rows = _trim_padding(records)
    # Where the table starts shows in its first rows; the rest only matters for types and notes.
    found = _layout(rows, head, samples.base, d, parsed.ends is None, complete)
    if found.width == 0 or (found.last < found.first and (not found.header_rows or found.width < 2)):
        raise InvalidInput("No table was found in the file (it has no rows with several columns).")
    # The table runs from its first data record to the end of the file, less the notes after it:
    # the same rule on the whole file (small files) and on the tail sample (large ones).
    tail_ends: list[int] | None
    if complete:
        head_rows, tail_rows = [], rows[found.first :]
        tail_ends = ends[found.first :] if ends is not None else None
        before_tail = ends[found.first - 1] if ends is not None and found.first else samples.base
    else:
        head_rows = rows[found.first :]
        parsed_tail = parse(samples.tail, samples.tail_base, d, declared)
        tail_records, all_tail_ends = parsed_tail.records, parsed_tail.ends
        # the tail starts at a line break, maybe inside a record: its first record is not used
        tail_rows = _trim_padding(tail_records[1:])
        tail_ends = all_tail_ends[1:] if all_tail_ends is not None else None
        before_tail = all_tail_ends[0] if all_tail_ends else samples.tail_base
    header_row = rows[found.header_rows[-1]] if found.header_rows else None
    notes = _footer(tail_rows, found.width)
    if complete and found.ends_before_another:
        # a smaller table after this one: its rows are not records
        notes = max(notes, sum(1 for r in rows[found.last + 1 :] if not dl._empty(r)))
    first_name = header_row[0].strip() if header_row else None

    banner = dl.banner_matcher(found.banners) if found.banners else None

    def furniture(r: list[str]) -> bool:  # a page banner repeated in the data
        return banner is not None and dl.is_banner(r, banner)

    # Each sample row is looked at once: whether it is a row of the table at all (not blank, no
    # page banner), kept for the type sample, the widths and the body's regularity below.
    # (a row whose first cell has text is not blank: most rows, told without a call)
    kept_head = [r for r in head_rows if (r and r[0].strip()) or not dl._empty(r)]
    if banner is not None:
        kept_head = [r for r in kept_head if not furniture(r)]
    kept_tail = [not dl._empty(r) and not furniture(r) for r in tail_rows]

    def tail_kept(stop: int) -> list[list[str]]:
        return [r for r, kept in zip(tail_rows[:stop], kept_tail) if kept]

    before_notes = tail_kept(len(tail_rows) - notes)
    body_rows = kept_head + before_notes
    if header_row:  # the header line repeated in the data (a cheap first look, then the real comparison)
        body_rows = [r for r in body_rows if not r or r[0].strip() != first_name or not dl._same(r, header_row)]
    data = kept_head if not complete else before_notes
    header_width = max((len(rows[i]) for i in found.header_rows), default=0)
    field_counts = list(map(len, data))
    common = max(set(field_counts), key=lambda w: (field_counts.count(w), w)) if field_counts else header_width
    out = max(common, found.width, min(header_width, max(field_counts, default=0) or header_width))
    if found.header_rows and 1 < header_width < common:
        # Most rows have more cells than the header names: when each is a text cell split at
        # a delimiter that was not quoted (every name holds `Smith, John`), the table is the
        # header's width, as the body's reading decides row by row (`_long_rows`).
        rejoined = _rejoined(body_rows, header_width, d)
        if rejoined is not None:
            out, body_rows = header_width, rejoined
    names = dl.column_names(rows, found.header_rows, out)
    skip = found.first
    # Rows with more cells than the table (a text cell split at an unquoted delimiter, a note in
    # an unnamed column; counted with empty cells, as a shifted row may end with one) are left to
    # the body's reading (`_long_rows`): their cells would put shifted values into the samples.
    body_rows = [r for r in body_rows if len(r) <= out]
    # the first 300 rows, or as many as make 20,000 cells (wide tables): plenty of numbers
    vote = body_rows[: max(1, min(300, 20_000 // max(1, out)))]
    decimal_comma = ty.decimal_comma_likely(d.delimiter, [c for r in vote for c in r])
    options = ty.candidates(decimal_comma)

    def choose_all(sample_rows: list[list[str]]) -> tuple[list[pa.Array], list[int]]:
        even = sample_rows
        if set(map(len, sample_rows)) - {out}:  # (most samples: every row as wide as the table)
            even = [r if len(r) == out else (r[:out] if len(r) > out else r + [None] * (out - len(r))) for r in even]
        # every cell in one array, column after column, cleaned at once and cut per column: made
        # row after row from the rows' cells and put in column order by one `take` (transposing
        # the rows in Python, `zip(*rows)`, cost as much as making the array)
        cells = pa.array(list(itertools.chain.from_iterable(even)), pa.string())
        if even and out:
            order = np.arange(len(even) * out, dtype=np.int64).reshape(len(even), out).T.ravel()
            cells = cells.take(pa.array(order))
        if not raw:
            cells = ty.clean(cells)
        n = len(even)
        texts = [cells.slice(j * n, n) for j in range(out)]
        picks = [len(options) - 1] * out if raw else ty.choose_many(texts, options)
        return texts, picks

    samples_, chosen = choose_all(body_rows)
    sampled = len(body_rows)
    # Short rows just before the notes are records when their cells fit the columns' types
    # (a number where the column holds numbers), notes when they do not.
    first_note = _nth_from_end(tail_rows, notes)
    while notes and not raw and _looks_like_record(tail_rows[first_note], chosen, options):
        body_rows.append(tail_rows[first_note])
        notes -= 1
        first_note = _nth_from_end(tail_rows, notes)
    footer = notes
    if len(body_rows) != sampled:
        samples_, chosen = choose_all(body_rows)
    # An unnamed column with nothing in it (trailing delimiters) is no column, in text and typed
    # readings alike.
    droppable = [
        names[j].startswith("column_")
        and bool(found.header_rows)
        and (
            samples_[j].null_count == len(samples_[j])
            if not raw
            else not any((v or "").strip() for v in samples_[j].to_pylist())
        )
        for j in range(out)
    ]
    before = found.header_rows[0] if found.header_rows else found.first
    skipped_top = sum(1 for r in rows[:before] if not dl._empty(r))
    if found.tables > 1:
        warnings.append(f"The file holds {found.tables} tables; the largest was read and the others were left out.")
    if skipped_top:
        warnings.append(f"{skipped_top} line(s) before the table (a title or notes) were left out.")
    if footer:
        warnings.append(f"{footer} line(s) after the table (notes or totals) were left out.")
    header_cells = [c.strip() for c in rows[found.header_rows[-1]]] if found.header_rows else None
    detected.update(d.as_dict())
    detected["header_rows"] = len(found.header_rows)
    detected["skipped_lines_before"] = skipped_top
    detected["skipped_lines_after"] = footer
    detected["decimal_comma"] = decimal_comma
    n_records = max(1, len(records))
    multiline = (
        parsed.multiline
        if parsed.multiline is not None
        else any("\n" in c or "\r" in c for r in records for c in r if c)
    )
    plan = Plan(
        d,
        declared,
        out,
        names,
        skip,
        footer,
        header_cells,
        chosen,
        options,
        droppable,
        decimal_comma,
        max(8.0, len(head) / n_records),
        multiline,
        samples_,
    )
    plan.banners = found.banners
    plan.named = out
    plan.initial = (list(chosen), list(droppable))
    if banner is not None:
        plan.banner_example = next(
            (c.strip() for r in rows + tail_rows if dl.is_banner(r, banner) for c in r if c.strip()), ""
        )
    if fast and ends is not None and tail_ends is not None:
        # The body is the bytes from the first data record to the first note after the table.
        kept = _nth_from_end(tail_rows, footer)
        plan.start = ends[found.first - 1] if found.first else samples.base
        plan.end = samples.size if not footer else (tail_ends[kept - 1] if kept > 0 else before_tail)
        plan.regular = set(map(len, kept_head)) | set(map(len, tail_kept(kept))) <= {out}
        plan.width = out
        plan.skip = plan.footer = 0
        plan.longest = _longest_line(head)
    return plan


# --- the body -----------------------------------------------------------------------------------


@dataclass
class Counts:
    """What a pass did to the parsed rows besides reading them (said on the dataset card)."""

    rows: int = 0
    padded: int = 0  # fewer cells than the table: the missing cells left empty
    blank: int = 0
    repeated: int = 0  # the header line again inside the data
    banners: int = 0  # page banners ("Page 3 of 12") inside the data
    merged: int = 0  # more cells: a text cell split at an unquoted delimiter, put back together
    extra: int = 0  # more cells: kept in unnamed columns after the table's

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(vars(self).values(), vars(other).values())))

    def say(self, plan: Plan, warnings: list[str]) -> None:
        if self.padded:
            warnings.append(f"{self.padded} row(s) had fewer cells than the table; the missing cells were left empty.")
        if self.merged:
            column = ", ".join(plan.names[j] for j in sorted(plan.merged_into)) or "a text column"
            warnings.append(
                f"{self.merged} row(s) had more cells than the table because a text cell held the delimiter "
                f"without quotes; its pieces were put back together ({column})."
            )
        if self.extra:
            extra = [plan.names[j] for j in range(plan.named, plan.out) if not plan.droppable[j]]
            warnings.append(
                f"{self.extra} row(s) had more cells than the table; the extra cells were kept in "
                f"{len(extra)} unnamed column(s) ({', '.join(extra)})."
            )
        if self.repeated:
            warnings.append(
                f"The header line appeared {self.repeated} more time(s) inside the data; those lines were left out."
            )
        if self.banners:
            warnings.append(
                f"{self.banners} page banner line(s) (like {plan.banner_example!r}) inside the data were left out."
            )


class _Restart(Exception):
    def __init__(self, column: int, batch: pa.Array):
        self.column, self.batch = column, batch


def _not_blank(batch: pa.RecordBatch, width: int) -> pa.Array | None:
    """Mask of rows with at least one non-blank cell (None when every row has one)."""
    keep = None
    for j in range(width):
        col = batch.column(j)
        if not pa.types.is_string(col.type):  # typed while parsing: missing cells are nulls
            filled = pc.is_valid(col)
        else:
            filled = pc.and_kleene(pc.is_valid(col), pc.not_equal(ty.trim(col), ""))
        keep = filled if keep is None else pc.or_kleene(keep, filled)
        if pc.all(keep).as_py():
            return None
    return pc.fill_null(keep, False) if keep is not None else None


def _is_header(batch: pa.RecordBatch, header: list[str], width: int) -> pa.Array | None:
    mask = None
    compared = 0
    for j in range(min(width, len(header))):
        if not header[j]:
            continue
        if not pa.types.is_string(batch.column(j).type):
            # typed while parsing only when the header cell is no value of the type: no row of
            # the batch can repeat the header
            return None
        eq = pc.equal(ty.trim(batch.column(j)), header[j])
        mask = eq if mask is None else pc.and_kleene(mask, eq)
        compared += 1
        if not pc.any(mask).as_py():
            return None
    return pc.fill_null(mask, False) if compared >= 2 or (compared == 1 and width == 1) else None


def read_body(
    con: Any,
    text_path: Path,
    out_path: Path,
    plan: Plan,
    limits: Any,
    raw: bool,
    progress: Progress,
    detected: dict[str, Any],
    warnings: list[str],
) -> TextResult:
    """Parse, convert and write the whole body (reading it again after a type widening)."""
    parallel = not plan.multiline
    passes = 0
    while True:
        passes += 1
        try:
            result = _one_pass(con, text_path, out_path, plan, limits, raw, progress, parallel)
        except _NeedsSerial:
            # quoted line breaks the sample did not show: DuckDB pads rows only when serial
            parallel, passes = False, passes - 1
            out_path.unlink(missing_ok=True)
            continue
        except _Restart as r:
            j = r.column
            plan.droppable[j] = False
            plan.candidates[j] = ty.choose(plan.samples[j], plan.options, plan.candidates[j] + 1, also=r.batch)
            out_path.unlink(missing_ok=True)
            continue
        except _Widen as w:
            # rows with more cells than the table that are no split text cell: the table gets
            # unnamed columns for them (or DuckDB is told of more columns, to see them whole)
            _widen(plan, w, raw)
            out_path.unlink(missing_ok=True)
            continue
        except _Banners as b:
            _rebanner(plan, b, raw)
            out_path.unlink(missing_ok=True)
            continue
        break
    detected["passes"] = passes
    detected["types"] = {
        n: str(plan.options[c]) for n, c, drop in zip(plan.names, plan.candidates, plan.droppable) if not drop
    }
    result.say(plan, warnings)
    names = [n for n, drop in zip(plan.names, plan.droppable) if not drop]
    return TextResult(result.rows, names, detected, warnings)


def _one_pass(
    con: Any, text_path: Path, out_path: Path, plan: Plan, limits: Any, raw: bool, progress: Progress, parallel: bool
) -> Counts:
    total = text_path.stat().st_size
    plan.singles, plan.rows_met = {}, 0
    # at least eight batches, so that parsing, converting and writing overlap on small files too
    batch_rows = int(min(1_000_000, max(2048, min(BATCH_BYTES, total / 8) / plan.bytes_per_record)))
    inline = total <= INLINE_BYTES
    sql = _query(text_path, plan.dialect, plan.width, limits.max_line_bytes, parallel)
    unhook = progress.hook(con.interrupt)
    try:
        try:
            reader = (
                pa.RecordBatchReader.from_batches(plan.whole.schema, plan.whole.to_batches(batch_rows))
                if plan.whole is not None
                else con.sql(sql).to_arrow_reader(batch_rows)
            )
        except Exception as e:
            raise _classify(e) from None
        keep = [j for j in range(plan.out) if not plan.droppable[j]]
        schema = pa.schema(
            [(plan.names[j], pa.string() if raw else ty.output_type(plan.options[plan.candidates[j]])) for j in keep]
        )
        writer = _Writer(
            out_path, schema, expected=total, dictionary=_repeating(plan, keep), observe=plan.observe, inline=inline
        )
        converter = _Converter(plan, raw, writer, keep, inline=inline)
        skip = plan.skip
        held: pa.RecordBatch | None = None
        seen = 0
        try:
            while True:
                progress.check()
                try:
                    batch = reader.read_next_batch()
                except StopIteration:
                    break
                except Exception as e:
                    raise _classify(e) from None
                seen += batch.num_rows
                if skip:
                    cut_rows = min(skip, batch.num_rows)
                    batch, skip = batch.slice(cut_rows), skip - cut_rows
                    if batch.num_rows == 0:
                        continue
                if held is not None:
                    converter.put(held)
                held = batch
                progress.update("reading", min(int(seen * plan.bytes_per_record), int(total * 0.99)), total)
            if held is not None:
                converter.put(held, footer=plan.footer)
            converter.close()
        except BaseException:
            converter.abort()
            writer.abort()
            # the query's result must be let go before the next pass queries the connection
            # (the exception's traceback would keep the reader alive until collected)
            reader.close()
            raise
        writer.close()
        progress.update("reading", total, total)
        return converter.counts
    finally:
        unhook()


def _classify(e: Exception) -> Exception:
    text = str(e)
    if "parallel scanner does not support null_padding" in text:
        return _NeedsSerial()
    translated = _translate(e)
    return translated


def _emit(batch: pa.RecordBatch, plan: Plan, raw: bool, writer: _Writer, keep: list[int], footer: int = 0) -> Counts:
    counts = Counts()
    mask = _not_blank(batch, plan.width)
    if mask is not None:
        before = batch.num_rows
        batch = batch.filter(mask)
        counts.blank = before - batch.num_rows
    if footer:
        batch = batch.slice(0, max(0, batch.num_rows - footer))
    if plan.banners and batch.num_rows:
        furniture = _banner_rows(batch, plan)
        if furniture is not None:
            before = batch.num_rows
            batch = batch.filter(pc.invert(furniture))
            counts.banners = before - batch.num_rows
    if plan.header_cells and batch.num_rows:
        same = _is_header(batch, plan.header_cells, plan.out)
        if same is not None:
            before = batch.num_rows
            batch = batch.filter(pc.invert(same))
            counts.repeated = before - batch.num_rows
    if batch.num_rows == 0:
        return counts
    if plan.out > 1:
        learned = _body_banners(batch, plan)
        if learned:
            raise _Banners(*learned)
    counts.rows = batch.num_rows
    counts.padded = batch.column(plan.named - 1).null_count if plan.named >= 1 else 0
    if plan.width > plan.out:
        batch, counts.merged, counts.extra = _long_rows(batch, plan)
    if not raw and len(keep) > 64:
        writer.put(pa.record_batch(_convert_wide(batch, plan, keep), schema=writer.schema))
        return counts
    columns = []
    for j in keep:
        col = batch.column(j)
        if not pa.types.is_string(col.type):  # typed while parsing, as `convert` would have
            if plan.droppable[j] and col.null_count != len(col):
                raise _Restart(j, col.cast(pa.string()))
            columns.append(_from_arrow(col))
            continue
        if raw:
            if plan.droppable[j] and pc.any(pc.not_equal(ty.trim(col), "")).as_py():
                raise _Restart(j, col)
            columns.append(pc.fill_null(col, ""))
            continue
        text = ty.clean(col)
        cand = plan.options[plan.candidates[j]]
        try:
            columns.append(ty.convert(text, cand))
        except ty.Mismatch:
            raise _Restart(j, text) from None
        if plan.droppable[j] and text.null_count != len(text):
            raise _Restart(j, text)
    writer.put(pa.record_batch(columns, schema=writer.schema))
    return counts


def _filled(col: pa.Array) -> pa.Array:
    """Per cell: holds something other than spaces (False for a padded cell)."""
    if not pa.types.is_string(col.type):
        return pc.is_valid(col)
    return pc.fill_null(pc.not_equal(ty.trim(col), ""), False)


def _first_cells(batch: pa.RecordBatch) -> tuple[pa.Array | None, pa.Array | None, pa.Array | None]:
    """Per row: how many cells are filled, the first filled text cell (trimmed) and its column
    (vectorised; None for a batch without columns, or without text columns)."""
    count = text = where = None
    for j in range(batch.num_columns):
        col = batch.column(j)
        filled = _filled(col)
        ones = pc.cast(filled, pa.int8())
        count = ones if count is None else pc.add(count, ones)
        if pa.types.is_string(col.type):
            cell = pc.if_else(filled, ty.trim(col), pa.scalar(None, pa.string()))
            at = pc.if_else(filled, pa.scalar(j, pa.int32()), pa.scalar(None, pa.int32()))
            text = cell if text is None else pc.coalesce(text, cell)
            where = at if where is None else pc.coalesce(where, at)
    return count, text, where


def _filled_everywhere(batch: pa.RecordBatch) -> bool:
    """Whether a column typed while parsing has a value in every row: then no row is a one-cell
    line of text (a row's one filled cell would be that typed one, never text), so no row is a
    banner; asked before looking at any cell (a typed first column, an id, most often has)."""
    return any(not pa.types.is_string(col.type) and col.null_count == 0 and len(col) for col in batch.columns)


def _banner_rows(batch: pa.RecordBatch, plan: Plan) -> pa.Array | None:
    """Mask of the rows that are a page banner of the plan: one filled cell, matching one of the
    banner patterns (vectorised; None when no row is one)."""
    if _filled_everywhere(batch):
        return None
    filled_count, text, _ = _first_cells(batch)
    if filled_count is None or text is None:
        return None
    single = pc.equal(filled_count, 1)
    if not pc.any(single).as_py():
        return None
    pattern = "|".join(f"(?:{p})" for p in plan.banners)
    found = pc.and_kleene(single, pc.fill_null(pc.match_substring_regex(text, pattern), False))
    return found if pc.any(found).as_py() else None


class _Banners(Exception):
    """Page banners first seen in the body: the body is read again leaving them out."""

    def __init__(self, patterns: list[str], example: str):
        self.patterns, self.example = patterns, example


def _body_banners(batch: pa.RecordBatch, plan: Plan) -> tuple[list[str], str] | None:
    """Page banners the samples did not show (pages longer than the head sample), learned from
    the body by the rule the samples are held to (`dialect.page_banners`): one-cell lines whose
    text recurs with only its numbers changed, and which the cells of that column in the sample
    do not look like. Returns their patterns and an example once one recurs, else None.

    Only rows with one of their first two cells empty can hold a single cell; they are rare, so
    the rest (per cell, vectorised) looks at those rows alone."""
    plan.rows_met += batch.num_rows
    if _filled_everywhere(batch):
        return None
    maybe = pc.invert(pc.and_(_filled(batch.column(0)), _filled(batch.column(1))))
    if not pc.any(maybe).as_py():
        return None
    count, text, where = _first_cells(batch.filter(maybe))
    if count is None or text is None or where is None:
        return None
    single = pc.and_(pc.equal(count, 1), pc.is_valid(text))
    if not pc.any(single).as_py():
        return None
    for cell, j in zip(text.filter(single).to_pylist(), where.filter(single).to_pylist()):
        if not dl.banner_candidate(cell):
            continue
        template = dl.banner_template(cell)
        seen, texts, _ = plan.singles.get(template, (0, [], j))
        plan.singles[template] = (seen + 1, texts if len(texts) > 1 or cell in texts else texts + [cell], j)
    known = set(plan.banners)
    found: list[str] = []
    example = ""
    for template, (seen, texts, j) in plan.singles.items():
        pattern = dl.banner_pattern(template)
        if pattern in known or not dl.recurs_as_banner(template, len(texts), seen, plan.rows_met):
            continue
        own = plan.samples[j].filter(_full_sample_rows(plan)) if j < plan.named else pa.array([], pa.string())
        if any(dl.banner_template(v.strip()) == template for v in pc.drop_null(own).to_pylist()):
            continue  # the column's values in full rows look like it: records with one cell filled
        found.append(pattern)
        example = example or texts[0]
    return (found, example) if found else None


def _full_sample_rows(plan: Plan) -> pa.Array:
    """Mask of the sample's rows with two filled cells or more (not a one-cell line)."""
    count = pa.array([0] * (len(plan.samples[0]) if plan.samples else 0), pa.int8())
    for sample in plan.samples[: plan.named]:
        count = pc.add(count, pc.cast(_filled(sample), pa.int8()))
    return pc.greater_equal(count, 2)


def _rebanner(plan: Plan, b: _Banners, raw: bool) -> None:
    """The body is read again leaving the banners out: the sample's rows that are one of them
    leave the samples too, and the columns' candidates are chosen again from the samples (a
    banner in the samples, or one met in the body, moved a column of numbers to text)."""
    plan.banners = plan.banners + b.patterns
    plan.banner_example = plan.banner_example or b.example
    matcher = "|".join(f"(?:{p})" for p in b.patterns)
    lone = pc.invert(_full_sample_rows(plan))
    banner = pa.array([False] * len(lone))
    for sample in plan.samples[: plan.named]:
        cell = ty.trim(sample)
        banner = pc.or_(banner, pc.fill_null(pc.match_substring_regex(cell, matcher), False))
    keep = pc.invert(pc.and_(lone, banner))
    plan.samples[: plan.named] = [sample.filter(keep) for sample in plan.samples[: plan.named]]
    plan.shape = None
    if plan.initial is not None:
        candidates, droppable = plan.initial
        plan.droppable[: len(droppable)] = droppable
        plan.candidates[: len(candidates)] = (
            candidates if raw else ty.choose_many(plan.samples[: len(candidates)], plan.options)
        )


class _Widen(Exception):
    """The table needs `columns` more unnamed columns (extra cells), or DuckDB must be told of more
    columns (`declare`) because a row filled every column it was told of."""

    def __init__(self, columns: int = 0, declare: bool = False, cells: pa.Array | None = None):
        self.columns, self.declare, self.cells = columns, declare, cells


def _widen(plan: Plan, w: _Widen, raw: bool) -> None:
    plan.whole = None  # parsed with too few columns: the file is parsed again
    if w.declare:
        plan.width = max(2 * plan.width, plan.out + 2)
        return
    for _ in range(w.columns):
        j = plan.out
        name, k = f"column_{j + 1}", 1
        while name in plan.names:
            k += 1
            name = f"column_{j + 1}_{k}"
        plan.names.append(name)
        plan.out += 1
        sample = ty.clean(w.cells) if w.cells is not None else pa.array([], pa.string())
        plan.samples.append(sample)
        plan.candidates.append(len(plan.options) - 1 if raw else ty.choose(sample, plan.options))
        plan.droppable.append(False)
        if plan.header_cells is not None:
            plan.header_cells.append("")
    plan.width = max(plan.width, plan.out + 1)


def _long_rows(batch: pa.RecordBatch, plan: Plan) -> tuple[pa.RecordBatch, int, int]:
    """Rows with more cells than the table (cells after its named columns), decided by what the
    row shows; returns the batch with split text cells put back together, and how many rows were
    merged so and how many keep cells in the unnamed columns after the table.

    Only the rows that hold such cells are looked at (vectorised over them): an empty trailing
    cell (a trailing delimiter) is no cell. A row whose typed cells (numbers, dates, yes/no:
    the columns' kinds in the samples) only fit when the cells from one text column on are
    shifted back by the extra count, or whose extra pieces start with a space as text after a
    comma does (`Smith, John`), is a text cell split at a delimiter that was not quoted: its
    pieces are joined again with the delimiter. Any other row keeps its extra cells, in unnamed
    columns (the table gets them, and the body is read again, at any file size)."""
    named, out = plan.named, plan.out
    if pc.any(pc.is_valid(batch.column(plan.width - 1))).as_py():
        raise _Widen(declare=True)  # the parser may have dropped cells after the last it was told of
    # Rows with a cell (even an empty one: not padded by the parser) after the named columns
    longer = None
    for j in range(named, plan.width):
        present = pc.is_valid(batch.column(j))
        longer = present if longer is None else pc.or_(longer, present)
    if longer is None or not pc.any(longer).as_py():
        return batch, 0, 0
    long = batch.filter(longer)
    n = long.num_rows
    cells = [pc.fill_null(long.column(j), "") for j in range(plan.width)]
    import numpy as np

    # the row's cells (up to its last one, empty or not) and its data (up to its last filled one)
    length = np.zeros(n, dtype=np.int64)
    filled_length = np.zeros(n, dtype=np.int64)
    for j in range(plan.width):
        length = np.where(pc.is_valid(long.column(j)).to_numpy(zero_copy_only=False), j + 1, length)
        filled_length = np.where(_filled(cells[j]).to_numpy(zero_copy_only=False), j + 1, filled_length)
    has_data = filled_length > named  # else only empty cells after the names (trailing delimiters)
    # a shift by the row's extra cells, or by its extra data (a trailing delimiter after a split)
    extras = (length - named, filled_length - named)
    kinds = _shape(plan)
    typed = [plan.options[kinds[j]].kind not in ("string", "empty") for j in range(named)]
    clean = [ty.clean(c) for c in cells]

    def fits(i: int, m: int) -> np.ndarray:  # cell m fits column i's kind (a missing cell fits)
        if not typed[i]:
            return np.ones(n, dtype=bool)
        return ty._fits_all(clean[m], plan.options[kinds[i]]).to_numpy(zero_copy_only=False)

    shapes = [pc.drop_null(_shapes(ty.clean(plan.samples[i]))).unique() for i in range(named)]
    cell_shapes = [_shapes(c) for c in clean]

    def seen(i: int, shape: pa.Array) -> np.ndarray:  # the cell has a shape column i's sample has
        if len(shapes[i]) == 0:
            return np.zeros(n, dtype=np.int64)
        return pc.fill_null(pc.is_in(shape, value_set=shapes[i]), False).to_numpy(zero_copy_only=False).astype(np.int64)

    # Each reading of a row: valid when its typed cells fit; ranked by how many of its text cells
    # have a shape (letters, digits and signs in order: `DE12 3456`, `a-9`) that their column's
    # sample shows, then by pieces that start with a space (text after a comma), then the row as
    # it is, then the leftmost shift.
    none = pa.nulls(n, pa.string())
    as_is = np.ones(n, dtype=bool)
    as_is_seen = np.zeros(n, dtype=np.int64)
    for i in range(named):
        as_is &= fits(i, i)
        as_is_seen += seen(i, cell_shapes[i])
    best = np.where(as_is, as_is_seen * 4 + 1, -1)  # the key: seen, spaced, as it is
    chosen = np.full(n, -1, dtype=np.int64)
    chosen_k = np.zeros(n, dtype=np.int64)
    for k in sorted({int(v) for e in extras for v in e[e > 0]}):
        rows_k = (extras[0] == k) | (extras[1] == k)
        if named + k > plan.width:
            continue
        # prefix[j]: the cells before j fit as they are; suffix[j]: the cells after j fit shifted by k
        prefix, prefix_seen = [np.ones(n, dtype=bool)], [np.zeros(n, dtype=np.int64)]
        for i in range(named):
            prefix.append(prefix[-1] & fits(i, i))
            prefix_seen.append(prefix_seen[-1] + seen(i, cell_shapes[i]))
        suffix = [np.ones(n, dtype=bool)] * (named + 1)
        suffix_seen = [np.zeros(n, dtype=np.int64)] * (named + 1)
        for i in range(named - 1, -1, -1):
            shifted = fits(i, i + k) if i + k < plan.width else np.ones(n, dtype=bool)
            suffix[i] = suffix[i + 1] & shifted
            moved = cell_shapes[i + k] if i + k < plan.width else none
            suffix_seen[i] = suffix_seen[i + 1] + seen(i, moved)
        for j in range(named):
            if typed[j]:
                continue  # only text holds a delimiter as text
            ok = rows_k & prefix[j] & suffix[j + 1]
            spaced = ok.copy()
            for m in range(j + 1, j + k + 1):
                spaced &= pc.fill_null(pc.match_substring_regex(cells[m], r"^\s+\S"), False).to_numpy(
                    zero_copy_only=False
                )
            if not ok.any():
                continue
            joined = _shapes(ty.clean(pc.binary_join_element_wise(*cells[j : j + k + 1], plan.dialect.delimiter)))
            score = prefix_seen[j] + seen(j, joined) + suffix_seen[j + 1]
            key = np.where(ok, score * 4 + spaced * 2, -1)
            better = key > best
            chosen = np.where(better, j, chosen)
            chosen_k = np.where(better, k, chosen_k)
            best = np.where(better, key, best)
    # empty cells after a row that fits as it is: a trailing delimiter, no data
    chosen = np.where(~has_data & as_is, -1, chosen)
    merged = int((chosen >= 0).sum())
    plan.merged_into.update(int(j) for j in chosen[chosen >= 0])
    keeps = (chosen < 0) & has_data
    needed = int((filled_length - named)[keeps].max()) if keeps.any() else 0
    if needed > out - named:
        beyond = [cells[j].filter(pa.array(keeps)) for j in range(out, min(named + needed, plan.width))]
        raise _Widen(named + needed - out, cells=pa.concat_arrays(beyond) if beyond else None)
    if not merged:
        return batch, 0, int(keeps.sum())
    # put the split cells back together, one shift (j, k) at a time
    delimiter = plan.dialect.delimiter + (" " if plan.dialect.skipinitialspace else "")
    columns = list(cells)
    for j, k in sorted({(int(a), int(b)) for a, b in zip(chosen[chosen >= 0], chosen_k[chosen >= 0])}):
        rows_jk = pa.array((chosen == j) & (chosen_k == k))
        joined = pc.binary_join_element_wise(*cells[j : j + k + 1], delimiter)
        columns[j] = pc.if_else(rows_jk, joined, columns[j])
        for i in range(j + 1, plan.width):
            source = cells[i + k] if i + k < plan.width else pa.nulls(n, pa.string())
            columns[i] = pc.if_else(rows_jk, source, columns[i])
    # padded cells stay null (as the parser gave them), moved cells empty where nothing moved in
    merged_rows = pa.array(chosen >= 0)
    full = []
    for j in range(plan.width):
        original = batch.column(j)
        fixed = pc.if_else(merged_rows, columns[j], long.column(j))
        full.append(pc.replace_with_mask(original, longer, fixed) if pa.types.is_string(original.type) else original)
    return pa.record_batch(full, names=batch.schema.names), merged, int(keeps.sum())


def _rejoined(rows: list[list[str]], named: int, d: dl.Dialect) -> list[list[str]] | None:
    """The sample rows with their split text cells put back together, as `_long_rows` reads
    the body at the header's width `named`, when every row longer than that is such a split;
    None when a row keeps cells after the named columns (then they are the table's own).

    `_long_rows` tells a split by the columns' kinds in the sample, and here nearly every
    sample row is shifted. A cell is split only in a text column, so the columns before the
    first text column (cells counted from the left) and after the last (counted from the
    right) hold their own values in every row: their kinds are taken from those, the rest from
    the rows that are as wide as the header."""
    if not rows:
        return None
    cells = [c for r in rows[:300] for c in r]
    options = ty.candidates(ty.decimal_comma_likely(d.delimiter, cells))
    fit = [r for r in rows if len(r) == named]
    long = [r for r in rows if len(r) > named]

    def kinds(columns: list[list[str]]) -> list[bool]:  # typed (not text) by its cells
        texts = [ty.clean(pa.array(c, pa.string())) for c in columns]
        return [options[k].kind not in ("string", "empty") for k in ty.choose_many(texts, options)]

    left = [[r[i] for r in long] for i in range(named)]
    right = [[r[len(r) - named + i] for r in long] for i in range(named)]
    left_typed, right_typed = kinds(left), kinds(right)
    lead = next((i for i in range(named) if not left_typed[i]), named)
    trail = next((i for i in range(named - 1, -1, -1) if not right_typed[i]), -1)
    samples = []
    for i in range(named):
        own = [r[i] for r in fit] + (left[i] if i < lead else right[i] if i > trail else [])
        samples.append(ty.clean(pa.array(own, pa.string())))
    width = max(len(r) for r in rows) + 1  # one more, always empty: no cell is cut off
    columns = [pa.array([r[j] if j < len(r) else None for r in rows], pa.string()) for j in range(width)]
    batch = pa.record_batch(columns, names=[f"c{j}" for j in range(width)])
    last = len(options) - 1
    plan = Plan(
        d, width, named, [""] * named, 0, 0, None, [last] * named, options, [False] * named, False, 8.0, False, samples
    )
    plan.named = named
    try:
        fixed, merged, kept = _long_rows(batch, plan)
    except _Widen:
        return None
    if not merged or kept:
        return None
    out = [fixed.column(j).to_pylist() for j in range(named)]
    return [["" if c is None else c for c in row] for row in zip(*out)]


def _shapes(text: pa.Array) -> pa.Array:
    """The shape of each cell: runs of letters as `a`, of digits as `9`, other characters kept
    (`DE12 3456 7890` -> `a9 9 9`, `Kim, Min-su` -> `a, a-a`)."""
    return pc.replace_substring_regex(pc.replace_substring_regex(text, r"\p{L}+", "a"), r"\p{Nd}+", "9")


def _shape(plan: Plan) -> list[int]:
    """Each named column's candidate over its sample, as the typed reading would start from it:
    the kinds a row's cells are checked against to see whether they are shifted (the same for
    typed and text readings, decided once)."""
    if plan.shape is None:
        texts = [ty.clean(plan.samples[j]) for j in range(plan.named)]
        plan.shape = ty.choose_many(texts, plan.options)
    return plan.shape


def _convert_wide(batch: pa.RecordBatch, plan: Plan, keep: list[int]) -> list[pa.Array]:
    """The columns of a wide batch converted group by group: the columns sharing a candidate are
    cleaned and converted as one array (a few calls instead of a few per column), then split."""
    groups: dict[int, list[int]] = {}
    converted: dict[int, pa.Array] = {}
    n = batch.num_rows
    for j in keep:
        col = batch.column(j)
        if not pa.types.is_string(col.type):  # typed while parsing
            if plan.droppable[j] and col.null_count != n:
                raise _Restart(j, col.cast(pa.string()))
            converted[j] = _from_arrow(col)
        else:
            groups.setdefault(plan.candidates[j], []).append(j)
    for index, members in groups.items():
        cand = plan.options[index]
        text = ty.clean(pa.concat_arrays([batch.column(j) for j in members]))
        try:
            values = ty.convert(text, cand)
        except ty.Mismatch:
            for k, j in enumerate(members):  # which column: the first that fails moves on
                try:
                    ty.convert(text.slice(k * n, n), cand)
                except ty.Mismatch:
                    raise _Restart(j, text.slice(k * n, n)) from None
            raise
        for k, j in enumerate(members):
            piece = values.slice(k * n, n)
            if plan.droppable[j] and piece.null_count != n:
                raise _Restart(j, text.slice(k * n, n))
            converted[j] = piece
    return [converted[j] for j in keep]


class _Converter:
    """Converts batches (`_emit`) in a thread of its own, so that parsing, converting and writing
    Parquet run at once; a failure (`_Restart`...) is raised to the reading thread by the next
    `put` or by `close`. `inline`: in the calling thread instead, as each batch is put (a small
    body, where handing batches between threads costs more than the overlap gives)."""

    def __init__(self, plan: Plan, raw: bool, writer: _Writer, keep: list[int], inline: bool = False):
        self.plan, self.raw, self.writer, self.keep = plan, raw, writer, keep
        self.counts = Counts()
        self.inline = inline
        self._queue: queue.Queue = queue.Queue(maxsize=2)
        self._failure: list[BaseException] = []
        if not inline:
            self._thread = threading.Thread(target=self._run, name="vista-convert", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._failure:
                continue  # drain: the reading thread stops at its next put
            try:
                got = _emit(item[0], self.plan, self.raw, self.writer, self.keep, footer=item[1])
            except BaseException as e:
                self._failure.append(e)
                continue
            self.counts = self.counts + got

    def put(self, batch: pa.RecordBatch, footer: int = 0) -> None:
        if self.inline:
            self.counts = self.counts + _emit(batch, self.plan, self.raw, self.writer, self.keep, footer=footer)
            return
        if self._failure:
            raise self._failure[0]
        self._queue.put((batch, footer))

    def close(self) -> None:
        if self.inline:
            return
        self._queue.put(None)
        self._thread.join()
        if self._failure:
            raise self._failure[0]

    def abort(self) -> None:
        if not self.inline and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()


def _repeating(plan: Plan, keep: list[int]) -> list[str]:
    """Names of the columns whose sample repeats values (at most half of them distinct): those
    are dictionary-encoded in Parquet. Ids, amounts and free text are not: their dictionary
    would be built and dropped again in every row group (a fifth of the writing time)."""
    if not keep:
        return []
    samples = [
        plan.samples[j] if plan.samples[j].type == pa.string() else plan.samples[j].cast(pa.string()) for j in keep
    ]
    if len(keep) <= 64:
        # a call per column (no grouping engine to start for a few columns)
        return [
            plan.names[j]
            for j, sample in zip(keep, samples)
            if pc.count_distinct(sample, mode="only_valid").as_py() <= (len(sample) - sample.null_count) // 2
        ]
    import numpy as np

    # every column's sample at once (wide tables: one call, not one per column)
    cells = pa.table(
        {
            "column": pa.array(np.repeat(np.arange(len(keep), dtype=np.int32), [len(s) for s in samples])),
            "value": pa.concat_arrays(samples),
        }
    ).filter(pc.is_valid(pa.concat_arrays(samples)))
    pairs = cells.group_by(["column", "value"]).aggregate([])

    def per_column(table: pa.Table) -> dict[int, int]:
        counted = table.group_by("column").aggregate([("value", "count")])
        return dict(zip(counted.column("column").to_pylist(), counted.column("value_count").to_pylist()))

    distinct, present = per_column(pairs), per_column(cells)
    names = []
    for k, j in enumerate(keep):
        count = present.get(k)
        if count is None or distinct[k] <= count // 2:
            names.append(plan.names[j])
    return names


class _Writer:
    """Writes record batches to Parquet from a thread of its own (parsing and writing overlap).
    `dictionary` names the columns to dictionary-encode (None: every column); `observe` makes
    an observer that is handed every row group once written. `inline`: written in the calling
    thread as batches are put, in the same row groups (a small body)."""

    def __init__(
        self,
        path: Path,
        schema: pa.Schema,
        expected: int = 0,
        dictionary: list[str] | None = None,
        observe: Observe | None = None,
        inline: bool = False,
    ):
        self.path, self.schema = path, schema
        self.observer = observe(schema) if observe is not None else None
        self.dictionary: bool | list[str] = True if dictionary is None else dictionary
        # Row groups of ROW_GROUP_BYTES, but at least eight of them for a smaller file: a row
        # group is written whole, so writing overlaps parsing only once the first one is full.
        self.row_group = max(1 << 20, min(ROW_GROUP_BYTES, expected // 8))
        self.inline = inline
        self._writer: pq.ParquetWriter | None = None
        self._held: list[pa.RecordBatch] = []
        self._size = 0
        self._queue: queue.Queue = queue.Queue(maxsize=2)
        self._failure: list[BaseException] = []
        if not inline:
            self._thread = threading.Thread(target=self._run, name="vista-parquet-writer", daemon=True)
            self._thread.start()

    def _take(self, batch: pa.RecordBatch) -> None:
        """Batches are gathered into row groups: one per parsed block would make the file slower
        to write and to read."""
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, self.schema, use_dictionary=self.dictionary)
        self._held.append(batch)
        self._size += batch.nbytes
        if self._size >= self.row_group:
            self._flush()

    def _flush(self) -> None:
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, self.schema, use_dictionary=self.dictionary)
        if self._held:
            table = pa.Table.from_batches(self._held, self.schema)
            self._held, self._size = [], 0
            self._writer.write_table(table)
            if self.observer is not None:
                self.observer.add(table)

    def _shut(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def _run(self) -> None:
        ended = False  # the end (None) was taken: nothing more comes to drain
        try:
            self._writer = pq.ParquetWriter(self.path, self.schema, use_dictionary=self.dictionary)
            while (batch := self._queue.get()) is not None:
                self._take(batch)
            ended = True
            self._flush()
        except BaseException as e:
            self._failure.append(e)
            while not ended and self._queue.get() is not None:
                pass
        finally:
            self._shut()

    def put(self, batch: pa.RecordBatch) -> None:
        if self.inline:
            self._take(batch)
            return
        if self._failure:
            raise self._failure[0]
        self._queue.put(batch)

    def close(self) -> None:
        if self.inline:
            try:
                self._flush()
            except BaseException as e:
                self._failure.append(e)
            finally:
                self._shut()
        else:
            self._queue.put(None)
            self._thread.join()
        if self._failure:
            if self.observer is not None:
                self.observer.abort()
            raise self._failure[0]
        if self.observer is not None:
            self.observer.close()

    def abort(self) -> None:
        if self.inline:
            self._held = []
            self._shut()
        else:
            self._queue.put(None)
            self._thread.join()
        if self.observer is not None:
            self.observer.abort()
        try:
            os.unlink(self.path)
        except OSError:
            pass


class _Window:
    """The bytes `[start, end)` of a file, read by Arrow's parser: counts them (progress) and
    watches line lengths on the way (a line longer than `limit` ends the reading: `too_long`)."""

    def __init__(self, path: Path, start: int, end: int, limit: int):
        self.path = path
        self._file = open(path, "rb")  # noqa: SIM115 - closed by close()
        self._file.seek(start)
        self.start, self.left, self.done, self.limit = start, end - start, 0, limit
        self.run = 0
        self.too_long = False
        self.closed = False

    def read(self, n: int = -1) -> bytes:
        if self.too_long or self.left <= 0:
            return b""
        data = self._file.read(self.left if n is None or n < 0 else min(n, self.left))
        self.left -= len(data)
        self.done += len(data)
        first = min((i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0), default=-1)
        if first < 0:
            self.run += len(data)
        else:
            self.too_long = self.run + first > self.limit
            self.run = len(data) - max(data.rfind(b"\n"), data.rfind(b"\r")) - 1
        if self.too_long or self.run > self.limit:
            self.too_long = True
            return b""
        return data

    def readable(self) -> bool:
        return True

    def source(self, block: int = 0) -> Any:
        """What Arrow's parser reads: this window, or, for a range no longer than a line may be
        (no line in it can be too long), its bytes read at once into one Arrow buffer. Arrow's
        reader calls a Python file from a thread of its own, where each block read is a new
        Python bytes object: in a fresh process that thread's allocations fault in fresh memory
        (40-75 ms of system time at 10 MB, as much as the parse itself); one buffer read here
        costs a copy. Progress then counts the whole range as read when the parse starts.

        A longer range of at most `INLINE_BYTES` is read so too when it is parsed in `block`s
        no longer than a line may be: a line longer than that is longer than a block, and
        Arrow's parser stops at it (a record straddling blocks), where the pass is read again
        with larger blocks, through this window."""
        if self.left > self.limit and not (self.left <= INLINE_BYTES and 0 < block <= self.limit):
            return self
        with pa.OSFile(str(self.path)) as f:
            f.seek(self.start)
            data = f.read_buffer(self.left)
        self.done += self.left
        self.left = 0
        return pa.BufferReader(data)

    def close(self) -> None:
        self.closed = True
        self._file.close()


class _Irregular(Exception):
    """A body row is not as wide as the table: the careful parser reads the file."""


def _blank_text(d: dl.Dialect) -> str:
    return " \t\r\n\f\v" + d.delimiter + (d.quotechar or "")


def read_body_arrow(
    text_path: Path,
    out_path: Path,
    plan: Plan,
    limits: Any,
    raw: bool,
    progress: Progress,
    detected: dict[str, Any],
    warnings: list[str],
) -> TextResult:
    """The body parsed by Arrow's streaming CSV reader (every cell as text), converted batch by
    batch; `_Irregular` when a row has more or fewer cells than the table."""
    passes = 0
    block = max(INLINE_BLOCK_BYTES if _inline(plan) else BLOCK_BYTES, 4 * plan.longest)
    while True:
        passes += 1
        try:
            counts = _arrow_pass(text_path, out_path, plan, limits, raw, progress, block)
        except _Restart as r:
            j = r.column
            plan.droppable[j] = False
            plan.candidates[j] = ty.choose(plan.samples[j], plan.options, plan.candidates[j] + 1, also=r.batch)
            out_path.unlink(missing_ok=True)
            continue
        except _Banners as b:
            _rebanner(plan, b, raw)
            out_path.unlink(missing_ok=True)
            continue
        except _ArrowTyped as t:
            # Arrow's parser could not take a cell as written: that column is converted here from
            # now on, where a cell that really does not fit moves the column on as usual.
            plan.arrow_text.update(t.columns)
            out_path.unlink(missing_ok=True)
            if all(plan.options[plan.candidates[j]].kind == "date_iso" for j in t.columns):
                passes -= 1  # dates parsed by Arrow: a shortcut that did not hold (`_typed_in_arrow`)
            continue
        except _Straddling:
            # a record longer than a block (long quoted text): larger blocks, up to what a line may be
            out_path.unlink(missing_ok=True)
            if block > 2 * limits.max_line_bytes:
                raise _Irregular() from None
            block *= 4
            passes -= 1
            continue
        break
    detected["passes"] = passes
    detected["parser"] = "arrow"
    detected["types"] = {
        n: str(plan.options[c]) for n, c, drop in zip(plan.names, plan.candidates, plan.droppable) if not drop
    }
    counts.say(plan, warnings)
    names = [n for n, drop in zip(plan.names, plan.droppable) if not drop]
    return TextResult(counts.rows, names, detected, warnings)


class _Straddling(Exception):
    pass


class _ArrowTyped(Exception):
    def __init__(self, columns: set[int]):
        self.columns = columns


def _dates_only(sample: pa.Array) -> bool:
    """Whether every cell of a (clean) `date_iso` sample is a date alone (`2024-03-01`: ten
    characters; the candidate's other forms carry a time and are longer)."""
    lengths = pc.min_max(pc.binary_length(sample))
    return lengths["min"].as_py() == 10 and lengths["max"].as_py() == 10


def _typed_in_arrow(plan: Plan, raw: bool) -> dict[int, pa.DataType]:
    """Columns whose candidate Arrow's parser converts while parsing (and whose header cell is no
    value of that type, so a repeated header line cannot hide in a converted batch).

    A `date_iso` column whose sample holds dates alone is parsed as `date32` (then cast to the
    table's timestamps, `_from_arrow`): Arrow's date parser takes exactly `YYYY-MM-DD` with real
    month and day (after trimming spaces and tabs, as `clean` would, and more), which `convert`
    takes too, so no string column is built and parsed again. Any other cell (a time, a date
    hour alone) fails there, and the column is converted here from then on (`_ArrowTyped`; that
    reading again is not counted as a pass: the table and its types are those of one pass)."""
    if raw:
        return {}
    eligible = [
        j
        for j in range(plan.out)
        if j not in plan.arrow_text
        and (
            plan.options[plan.candidates[j]].kind in ty.PARSED_BY_ARROW
            or (
                plan.options[plan.candidates[j]].kind == "date_iso"
                and j < len(plan.samples)
                and _dates_only(plan.samples[j])
            )
        )
    ]
    cells = [(plan.header_cells[j] if plan.header_cells and j < len(plan.header_cells) else "") for j in eligible]
    values = ty.values_of(cells, [plan.options[plan.candidates[j]] for j in eligible])
    return {
        j: ty.PARSED_BY_ARROW.get(plan.options[plan.candidates[j]].kind, pa.date32())
        for j, cell, value in zip(eligible, cells, values)
        if not (cell and value)
    }


def _from_arrow(col: pa.Array) -> pa.Array:
    """A column Arrow's parser typed, as the table holds it (its dates as timestamps)."""
    return col.cast(ty.TIMESTAMP) if col.type == pa.date32() else col


def _arrow_pass(
    text_path: Path, out_path: Path, plan: Plan, limits: Any, raw: bool, progress: Progress, block: int
) -> Counts:
    import pyarrow.csv as pcsv

    d = plan.dialect
    blank = _blank_text(d)
    irregular: list[str] = []
    plan.singles, plan.rows_met = {}, 0
    banner = dl.banner_matcher(plan.banners) if plan.banners else None
    skipped = [0]

    def on_invalid(row: Any) -> str:
        # called for the rows Arrow's parser rejects (another number of cells) only
        text = row.text.strip(blank)
        if not text:
            return "skip"  # a blank line (spaces, or delimiters only): left out like any blank row
        if banner is not None and banner.match(text) and d.delimiter not in text:
            skipped[0] += 1  # a page banner ("Page 3 of 12"): left out, counted
            return "skip"
        irregular.append(row.text)
        return "error"

    names = [f"c{j}" for j in range(plan.out)]
    typed = _typed_in_arrow(plan, raw)
    total = text_path.stat().st_size  # progress is told in bytes of the file
    window = _Window(text_path, plan.start, plan.end, limits.max_line_bytes)
    options = dict(
        read_options=pcsv.ReadOptions(column_names=names, block_size=block, use_threads=True),
        parse_options=pcsv.ParseOptions(
            delimiter=d.delimiter,
            quote_char=d.quotechar or False,
            double_quote=bool(d.quotechar) and d.doublequote and d.escapechar is None,
            escape_char=d.escapechar or False,
            # quoted line breaks, or escaped ones (a dump's `\<line break>`): the parser must
            # not cut its blocks there
            newlines_in_values=bool(d.quotechar or d.escapechar),
            ignore_empty_lines=True,
            invalid_row_handler=on_invalid,
        ),
        convert_options=pcsv.ConvertOptions(
            column_types={n: typed.get(j, pa.string()) for j, n in enumerate(names)},
            null_values=ty.MISSING,
            true_values=ty.ARROW_TRUE,
            false_values=ty.ARROW_FALSE,
            strings_can_be_null=False,
            quoted_strings_can_be_null=True,
        ),
    )
    reader: Any
    try:
        # Streamed at every size: Arrow parses on this thread while the batches parsed before
        # are converted and written on the others. Its table reader (`read_csv`) parses on every
        # core but only then lets conversion and writing start, and it held the whole body:
        # measured on 2 cores it took more processor time (its parallel chunking of quoted
        # text), more memory, and longer at 10-120 MB.
        reader = pcsv.open_csv(window.source(block), **options)
    except pa.ArrowInvalid as e:
        window.close()
        progress.check()  # cancelled meanwhile: no parse error to report
        if "Empty CSV file" not in str(e) or window.too_long:
            raise _arrow_error(e, window, irregular, typed) from None
        reader = None  # nothing but blank lines in the range: a table without rows
    keep = [j for j in range(plan.out) if not plan.droppable[j]]
    schema = pa.schema(
        [(plan.names[j], pa.string() if raw else ty.output_type(plan.options[plan.candidates[j]])) for j in keep]
    )
    inline = _inline(plan)
    writer = _Writer(
        out_path, schema, expected=total, dictionary=_repeating(plan, keep), observe=plan.observe, inline=inline
    )
    converter = _Converter(plan, raw, writer, keep, inline=inline)
    try:
        while reader is not None:
            progress.check()
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                break
            except pa.ArrowInvalid as e:
                raise _arrow_error(e, window, irregular, typed) from None
            if window.too_long:
                raise _LineTooLong(f"line longer than {limits.max_line_bytes}")
            converter.put(batch)
            progress.update("reading", min(plan.start + window.done, int(total * 0.99)), total)
        if window.too_long:
            raise _LineTooLong(f"line longer than {limits.max_line_bytes}")
        converter.close()
    except BaseException:
        converter.abort()
        writer.abort()
        raise
    finally:
        if reader is not None:
            reader.close()
        window.close()
    writer.close()
    progress.update("reading", total, total)
    counts = converter.counts
    counts.banners += skipped[0]
    counts.padded = 0  # Arrow's parser pads no row (a short row is `_Irregular`): nulls here are missing cells
    return counts


def _arrow_error(e: Exception, window: _Window, irregular: list[str], typed: dict[int, pa.DataType]) -> Exception:
    import re

    text = str(e)
    if window.too_long:
        return _LineTooLong(text)
    if irregular or "Expected" in text and "columns" in text:
        return _Irregular()
    if "conversion error to" in text and typed:
        column = re.match(r"In CSV column #(\d+)", text)
        return _ArrowTyped({int(column.group(1))} if column else set(typed))
    if "straddl" in text:
        return _Straddling()
    if "UTF8" in text or "utf8" in text.lower():
        return InvalidInput("The file is not valid unicode (UTF-8) text beyond the sample.")
    return InvalidInput(f"The file could not be read as a table: {text.splitlines()[0][:300]}")


def read_text(
    path: Path,
    encoding: str | None,
    out_path: Path,
    work: Path,
    limits: Any,
    *,
    raw: bool = False,
    progress: Progress | None = None,
    doubtful: bool = False,
    threads: int = 2,
    careful: bool = False,
    observe: Observe | None = None,
) -> TextResult:
    """Read the delimited text file at `path` into the Parquet file `out_path`.

    `careful` reads with DuckDB's careful parser whatever the file (the tests check that both
    parsers give the same table wherever Arrow's is used). `observe` makes what sees each row
    group as it is written (one per pass: a pass read again aborts the one before)."""
    progress = progress or Progress()
    encoding = (encoding or "utf-8").lower()
    notes: list[str] = []
    if doubtful:
        notes.append(
            f"The text encoding was a close call; it was read as {encoding}. If letters look "
            "wrong, save the file as UTF-8 and upload it again."
        )
    text_path = path
    if encoding.replace("_", "-") not in _NATIVE:
        text_path = work / "utf8.csv"
        replaced = transcode(path, encoding, text_path, progress)
        if replaced:
            notes.append(f"{replaced} byte(s) were not valid {encoding} text and were replaced by �.")
    try:
        try:
            return _read_utf8(
                text_path, out_path, work, limits, raw, progress, encoding, notes, threads, careful, observe
            )
        except InvalidInput as e:
            if "unicode" in e.message.lower() and text_path == path:
                # Not UTF-8 after all, beyond the sample: read it again with bad bytes replaced.
                fixed = work / "utf8.csv"
                replaced = transcode(path, "utf-8", fixed, progress)
                notes.append(f"{replaced} byte(s) were not valid UTF-8 text and were replaced by �.")
                return _read_utf8(
                    fixed, out_path, work, limits, raw, progress, encoding, notes, threads, careful, observe
                )
            raise
    except _LineTooLong:
        raise InvalidInput(
            f"The file has a line longer than {limits.max_line_bytes:,} bytes, so it is not a table Vista can read."
        ) from None


def _read_utf8(
    text_path: Path,
    out_path: Path,
    work: Path,
    limits: Any,
    raw: bool,
    progress: Progress,
    encoding: str,
    notes: list[str],
    threads: int,
    careful: bool,
    observe: Observe | None = None,
) -> TextResult:
    """Plan and read a UTF-8 file: Arrow's parser when the samples show a regular table in a
    dialect it reads, else (or when the body turns out irregular) DuckDB's careful parser."""
    samples = read_samples(text_path, limits.max_line_bytes)
    progress.update("reading", 0, samples.size)
    head_text = samples.head.decode("utf-8", errors="replace")
    if looks_binary(head_text):
        raise UnsupportedType("This file does not contain a text table.")
    d = dl.sniff(head_text[: 64 << 10])
    sniffed = d
    if normalize.needed(d):
        # quotes padded with spaces, or a database dump's backslash escapes: rewritten as CSV
        source, text_path = text_path, work / "normal.csv"
        d = normalize.rewrite(source, text_path, d, progress)
        samples = read_samples(text_path, limits.max_line_bytes)

    def start() -> tuple[dict[str, Any], list[str]]:
        detected: dict[str, Any] = {"format": "delimited text", "encoding": encoding}
        if sniffed.padded_quotes:
            detected["padded_quotes"] = True
        if sniffed.text_escapes:
            detected["escapes"] = "backslash (database dump; \\N is an empty cell)"
        return detected, list(notes)

    if _fast_dialect(d) and not careful:
        detected, warnings = start()
        plan = make_plan(samples, d, text_records, limits, raw, limits.max_columns, warnings, detected, fast=True)
        plan.observe = observe
        if plan.regular:
            try:
                return read_body_arrow(text_path, out_path, plan, limits, raw, progress, detected, warnings)
            except _Irregular:
                out_path.unlink(missing_ok=True)
    detected, warnings = start()
    con = _connect(work, threads)
    try:
        check_line_lengths(text_path, limits.max_line_bytes, progress)
        parse = DuckRecords(con, work, limits.max_line_bytes)
        plan = make_plan(samples, d, parse, limits, raw, limits.max_columns, warnings, detected)
        plan.observe = observe
        if samples.complete:
            plan.whole = parse.tables[0]
        result = read_body(con, text_path, out_path, plan, limits, raw, progress, detected, warnings)
        result.detected["parser"] = "duckdb"
        return result
    finally:
        con.close()
