"""The reading engine for delimited text: one path for every file size.

1. **Sniff** in Python on a head sample (and a tail sample of large files): the dialect
   (delimiter, quotes, escapes, `", "`), then — parsing the samples with the same parser as the
   body — the layout (title or notes before the table, header rows, notes after it, width) and a
   type candidate per column (`types.py`).
2. **Parse the body** with DuckDB's CSV reader given those options explicitly (every column as
   text, short rows padded, long rows cut, in file order, multi-threaded, bounded memory), as
   Arrow batches.
3. **Convert** each batch with vectorised kernels and write it to Parquet from a second thread.
   A batch holding a cell its column's candidate cannot take (a late `2.5` in an integer column)
   makes the column move to the next candidate that fits, and the body is read again, so types
   are decided over the whole column and the same file gives the same table at any size.

Rows the parser had to repair (padded or cut) are counted and reported; blank rows, the header
line repeated inside the data, and the notes after the table are left out and reported.
"""

from __future__ import annotations

import codecs
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import InvalidInput, TooLarge, UnsupportedType
from . import dialect as dl
from . import types as ty
from .sniff import cut_at_line, looks_binary

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
        return {"phase": self.phase, "bytes_done": self.done, "bytes_total": self.total,
                "elapsed": round(time.monotonic() - self.started, 1)}


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
        raise InvalidInput("The file's text encoding could not be recognised (too many bytes that are "
                           "not valid characters). Save it as UTF-8 and try again.")
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

    con = duckdb.connect(config={"threads": threads, "memory_limit": "1GB",
                                 "temp_directory": str(work / "duckdb-tmp"),
                                 "preserve_insertion_order": True})
    return con


def _query(path: Path, d: dl.Dialect, width: int, max_line: int, parallel: bool) -> str:
    delimiter = d.delimiter + (" " if d.skipinitialspace else "")
    quote = d.quotechar or ""
    escape = (d.escapechar or "") if d.quotechar else ""
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


def _parse_records(con: Any, path: Path, d: dl.Dialect, width: int, max_line: int,
                   keep: list[pa.Table] | None = None) -> list[list[str | None]]:
    """Every record of a (small) sample file, exactly as the body parser splits them."""
    table = _fetch(con, _query(path, d, width, max_line, parallel=False))
    if keep is not None:
        keep.append(table)
    columns = [c.to_pylist() for c in table.columns]
    return [list(r) for r in zip(*columns)] if columns else []


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


def _cells(records: list[list[str | None]]) -> list[list[str]]:
    return [["" if c is None else c for c in r] for r in records]


def _trim_padding(records: list[list[str | None]]) -> list[list[str]]:
    # Padded cells (None) are not cells: a row's fields end at its last real cell.
    out = []
    for r in records:
        end = len(r)
        while end and r[end - 1] is None:
            end -= 1
        out.append(["" if c is None else c for c in r[:end]])
    return out


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


def make_plan(con: Any, text_path: Path, work: Path, limits: Any, raw: bool, max_columns: int,
              warnings: list[str], detected: dict[str, Any]) -> Plan:
    size = text_path.stat().st_size
    with open(text_path, "rb") as f:
        head = f.read(HEAD_BYTES)
        # Wide files: the head holds at least 64 lines (up to 32 MB), or layout and types would
        # be guessed from a handful of rows.
        while len(head) < size and head.count(b"\n") + head.count(b"\r") < 64 and len(head) < 32 << 20:
            more = f.read(len(head))
            if not more:
                break
            head += more
        complete = len(head) >= size
        tail = b""
        if not complete:
            f.seek(max(len(head), size - TAIL_BYTES))
            tail = cut_at_line(f.read(), head=False)
    if not complete:
        head = cut_at_line(head)
    head_text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    if looks_binary(head_text):
        raise UnsupportedType("This file does not contain a text table.")
    d = dl.sniff(head_text[:64 << 10])
    # Columns to declare to the parser: at least as many as any line has cells (counting the
    # delimiters on each line over-counts quoted ones, which costs only empty columns), and one
    # more to see rows that are longer than the table.
    separator = d.delimiter + (" " if d.skipinitialspace else "")
    declared = max((line.count(separator) for line in head_text.splitlines()), default=0) + 2
    if declared - 1 > max_columns:
        raise TooLarge(f"The file has {declared - 1:,} columns; Vista reads at most {max_columns:,} "
                       "(the max_columns setting).")
    sample = work / "head.csv"
    sample.write_bytes(head.lstrip(codecs.BOM_UTF8))
    parsed: list[pa.Table] = []
    records = _parse_records(con, sample, d, declared, limits.max_line_bytes, parsed)
    if not complete and len(records) > 2:
        records = records[:-1]  # the sample ends at a line break, maybe inside a quoted field
    rows = _trim_padding(records)
    # Where the table starts shows in its first rows; the rest only matters for types and notes.
    found = dl.layout(rows[:3000])
    if found.width == 0 or (found.last < found.first and (not found.header_rows or found.width < 2)):
        raise InvalidInput("No table was found in the file (it has no rows with several columns).")
    # The table runs from its first data record to the end of the file, less the notes after it:
    # the same rule on the whole file (small files) and on the tail sample (large ones).
    if complete:
        head_rows, tail_rows = [], rows[found.first:]
    else:
        tail_path = work / "tail.csv"
        tail_path.write_bytes(tail)
        head_rows = rows[found.first:]
        tail_rows = _trim_padding(_parse_records(con, tail_path, d, declared, limits.max_line_bytes)[1:])
    header_row = rows[found.header_rows[-1]] if found.header_rows else None
    notes = _footer(tail_rows, found.width)
    first_name = header_row[0].strip() if header_row else None

    def is_header(r: list[str]) -> bool:  # a cheap first look, then the real comparison
        return bool(header_row) and bool(r) and r[0].strip() == first_name and dl._same(r, header_row)

    body_rows = [r for r in head_rows + tail_rows[:len(tail_rows) - notes]
                 if not dl._empty(r) and not is_header(r)]
    data = [r for r in (rows[found.first:] if not complete else tail_rows[:len(tail_rows) - notes])
            if not dl._empty(r)]
    header_width = max((len(rows[i]) for i in found.header_rows), default=0)
    field_counts = [len(r) for r in data]
    common = max(set(field_counts), key=lambda w: (field_counts.count(w), w)) if field_counts else header_width
    out = max(common, found.width, min(header_width, max(field_counts, default=0) or header_width))
    names = dl.column_names(rows, found.header_rows, out)
    skip = found.first
    decimal_comma = ty.decimal_comma_likely(d.delimiter, [c for r in body_rows[:300] for c in r])
    options = ty.candidates(decimal_comma)

    def choose_all(sample_rows: list[list[str]]) -> tuple[list[pa.Array], list[int]]:
        texts = []
        for j in range(out):
            column = pa.array([r[j] if j < len(r) else None for r in sample_rows], pa.string())
            texts.append(column if raw else ty.clean(column))
        picks = [len(options) - 1] * out if raw else ty.choose_many(texts, options)
        return texts, picks

    samples, chosen = choose_all(body_rows)
    sampled = len(body_rows)
    # Short rows just before the notes are records when their cells fit the columns' types
    # (a number where the column holds numbers), notes when they do not.
    first_note = len(tail_rows) - notes
    while notes and not raw and _looks_like_record(tail_rows[first_note], chosen, options):
        first_note += 1
        notes -= 1
    if first_note > len(tail_rows) - notes - 1:
        body_rows += [r for r in tail_rows[len(tail_rows) - notes - (first_note - (len(tail_rows) - notes)):first_note]
                      if not dl._empty(r)]
    footer = notes
    if len(body_rows) != sampled:
        samples, chosen = choose_all(body_rows)
    # An unnamed column with nothing in it (trailing delimiters) is no column, in text and typed
    # readings alike.
    droppable = [names[j].startswith("column_") and bool(found.header_rows)
                 and (samples[j].null_count == len(samples[j]) if not raw else
                      not any((v or "").strip() for v in samples[j].to_pylist()))
                 for j in range(out)]
    before = found.header_rows[0] if found.header_rows else found.first
    skipped_top = sum(1 for r in rows[:before] if not dl._empty(r))
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
    multiline = any("\n" in c or "\r" in c for r in records for c in r if c)
    return Plan(d, declared, out, names, skip, footer, header_cells, chosen, options, droppable,
                decimal_comma, max(8.0, len(head) / n_records), multiline, samples,
                parsed[0] if complete else None)


# --- the body -----------------------------------------------------------------------------------

class _Restart(Exception):
    def __init__(self, column: int, batch: pa.Array):
        self.column, self.batch = column, batch


def _not_blank(batch: pa.RecordBatch, width: int) -> pa.Array | None:
    """Mask of rows with at least one non-blank cell (None when every row has one)."""
    keep = None
    for j in range(width):
        col = batch.column(j)
        filled = pc.and_kleene(pc.is_valid(col), pc.not_equal(pc.utf8_trim_whitespace(col), ""))
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
        eq = pc.equal(pc.utf8_trim_whitespace(batch.column(j)), header[j])
        mask = eq if mask is None else pc.and_kleene(mask, eq)
        compared += 1
        if not pc.any(mask).as_py():
            return None
    return pc.fill_null(mask, False) if compared >= 2 or (compared == 1 and width == 1) else None


def read_body(con: Any, text_path: Path, out_path: Path, plan: Plan, limits: Any, raw: bool,
              progress: Progress, detected: dict[str, Any], warnings: list[str]) -> TextResult:
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
            plan.candidates[j] = ty.choose(plan.samples[j], plan.options, plan.candidates[j] + 1,
                                           also=r.batch)
            out_path.unlink(missing_ok=True)
            continue
        break
    rows, padded, cut, _blank, repeated = result
    detected["passes"] = passes
    detected["types"] = {n: str(plan.options[c]) for n, c, drop in
                         zip(plan.names, plan.candidates, plan.droppable) if not drop}
    if padded:
        warnings.append(f"{padded} row(s) had fewer cells than the table; the missing cells were left empty.")
    if cut:
        warnings.append(f"{cut} row(s) had more cells than the table; the extra cells were left out.")
    if repeated:
        warnings.append(f"The header line appeared {repeated} more time(s) inside the data; those lines were left out.")
    names = [n for n, drop in zip(plan.names, plan.droppable) if not drop]
    return TextResult(rows, names, detected, warnings)


def _one_pass(con: Any, text_path: Path, out_path: Path, plan: Plan, limits: Any, raw: bool,
              progress: Progress, parallel: bool) -> tuple[int, int, int, int, int]:
    total = text_path.stat().st_size
    # at least eight batches, so that parsing, converting and writing overlap on small files too
    batch_rows = int(min(1_000_000, max(2048, min(BATCH_BYTES, total / 8) / plan.bytes_per_record)))
    sql = _query(text_path, plan.dialect, plan.width, limits.max_line_bytes, parallel)
    unhook = progress.hook(con.interrupt)
    try:
        try:
            reader = (pa.RecordBatchReader.from_batches(plan.whole.schema, plan.whole.to_batches(batch_rows))
                      if plan.whole is not None else con.sql(sql).to_arrow_reader(batch_rows))
        except Exception as e:
            raise _classify(e) from None
        keep = [j for j in range(plan.out) if not plan.droppable[j]]
        schema = pa.schema([(plan.names[j], pa.string() if raw else ty.output_type(plan.options[plan.candidates[j]]))
                            for j in keep])
        writer = _Writer(out_path, schema)
        skip = plan.skip
        rows = padded = cut = blank = repeated = 0
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
                    n, p, c, b, r = _emit(held, plan, raw, writer, keep)
                    rows, padded, cut, blank, repeated = rows + n, padded + p, cut + c, blank + b, repeated + r
                held = batch
                progress.update("reading", min(int(seen * plan.bytes_per_record), int(total * 0.99)), total)
            if held is not None:
                n, p, c, b, r = _emit(held, plan, raw, writer, keep, footer=plan.footer)
                rows, padded, cut, blank, repeated = rows + n, padded + p, cut + c, blank + b, repeated + r
        except BaseException:
            writer.abort()
            raise
        writer.close()
        progress.update("reading", total, total)
        return rows, padded, cut, blank, repeated
    finally:
        unhook()


def _classify(e: Exception) -> Exception:
    text = str(e)
    if "parallel scanner does not support null_padding" in text:
        return _NeedsSerial()
    translated = _translate(e)
    return translated


def _emit(batch: pa.RecordBatch, plan: Plan, raw: bool, writer: _Writer, keep: list[int],
          footer: int = 0) -> tuple[int, int, int, int, int]:
    blank = repeated = 0
    mask = _not_blank(batch, plan.width)
    if mask is not None:
        before = batch.num_rows
        batch = batch.filter(mask)
        blank = before - batch.num_rows
    if footer:
        batch = batch.slice(0, max(0, batch.num_rows - footer))
    if plan.header_cells and batch.num_rows:
        same = _is_header(batch, plan.header_cells, plan.out)
        if same is not None:
            before = batch.num_rows
            batch = batch.filter(pc.invert(same))
            repeated = before - batch.num_rows
    if batch.num_rows == 0:
        return 0, 0, 0, blank, repeated
    padded = batch.column(plan.out - 1).null_count if plan.out >= 1 else 0
    longer = None
    for j in range(plan.out, plan.width):
        extra = batch.column(j)
        filled = pc.fill_null(pc.not_equal(extra, ""), False)
        longer = filled if longer is None else pc.or_(longer, filled)
    cut = 0 if longer is None else int(pc.sum(longer).as_py() or 0)
    if not raw and len(keep) > 64:
        writer.put(pa.record_batch(_convert_wide(batch, plan, keep), schema=writer.schema))
        return batch.num_rows, padded, cut, blank, repeated
    columns = []
    for j in keep:
        col = batch.column(j)
        if raw:
            if plan.droppable[j] and pc.any(pc.not_equal(pc.utf8_trim_whitespace(col), "")).as_py():
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
    return batch.num_rows, padded, cut, blank, repeated


def _convert_wide(batch: pa.RecordBatch, plan: Plan, keep: list[int]) -> list[pa.Array]:
    """The columns of a wide batch converted group by group: the columns sharing a candidate are
    cleaned and converted as one array (a few calls instead of a few per column), then split."""
    groups: dict[int, list[int]] = {}
    for j in keep:
        groups.setdefault(plan.candidates[j], []).append(j)
    converted: dict[int, pa.Array] = {}
    n = batch.num_rows
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


class _Writer:
    """Writes record batches to Parquet from a second thread (parsing and writing overlap)."""

    def __init__(self, path: Path, schema: pa.Schema):
        self.path, self.schema = path, schema
        self._queue: queue.Queue = queue.Queue(maxsize=2)
        self._failure: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, name="vista-parquet-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        writer = None
        try:
            writer = pq.ParquetWriter(self.path, self.schema)
            while (batch := self._queue.get()) is not None:
                writer.write_batch(batch)
        except BaseException as e:
            self._failure.append(e)
            while self._queue.get() is not None:
                pass
        finally:
            if writer is not None:
                writer.close()

    def put(self, batch: pa.RecordBatch) -> None:
        if self._failure:
            raise self._failure[0]
        self._queue.put(batch)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._failure:
            raise self._failure[0]

    def abort(self) -> None:
        self._queue.put(None)
        self._thread.join()
        try:
            os.unlink(self.path)
        except OSError:
            pass


def read_text(path: Path, encoding: str | None, out_path: Path, work: Path, limits: Any, *,
              raw: bool = False, progress: Progress | None = None, doubtful: bool = False,
              threads: int = 2) -> TextResult:
    """Read the delimited text file at `path` into the Parquet file `out_path`."""
    progress = progress or Progress()
    detected: dict[str, Any] = {"format": "delimited text", "encoding": encoding or "utf-8"}
    warnings: list[str] = []
    encoding = (encoding or "utf-8").lower()
    if doubtful:
        warnings.append(f"The text encoding was a close call; it was read as {encoding}. If letters look "
                        "wrong, save the file as UTF-8 and upload it again.")
    text_path = path
    if encoding.replace("_", "-") not in _NATIVE:
        text_path = work / "utf8.csv"
        replaced = transcode(path, encoding, text_path, progress)
        if replaced:
            warnings.append(f"{replaced} byte(s) were not valid {encoding} text and were replaced by �.")
    con = _connect(work, threads)
    try:
        try:
            check_line_lengths(text_path, limits.max_line_bytes, progress)
            plan = make_plan(con, text_path, work, limits, raw, limits.max_columns, warnings, detected)
            return read_body(con, text_path, out_path, plan, limits, raw, progress, detected, warnings)
        except _LineTooLong:
            raise InvalidInput(f"The file has a line longer than {limits.max_line_bytes:,} bytes, so it is "
                               "not a table Vista can read.") from None
        except InvalidInput as e:
            if "unicode" in e.message.lower() and text_path == path:
                # Not UTF-8 after all, beyond the sample: read it again with bad bytes replaced.
                fixed = work / "utf8.csv"
                replaced = transcode(path, "utf-8", fixed, progress)
                warnings.append(f"{replaced} byte(s) were not valid UTF-8 text and were replaced by �.")
                plan = make_plan(con, fixed, work, limits, raw, limits.max_columns, warnings, detected)
                return read_body(con, fixed, out_path, plan, limits, raw, progress, detected, warnings)
            raise
    finally:
        con.close()
