"""Reading a file as Vista does, and writing it once as Parquet.

Two paths for delimited text. Files up to `ROBUST_MAX_BYTES` take the **robust path**: the text is
decoded with the detected encoding, parsed with the sniffed dialect, the table is located
(preamble, notes, headers, ragged rows) and the cells typed. Larger files take the **streaming
path**: the same detection on the first megabyte (dialect, lines before the header), then
pyarrow's streaming CSV reader parses blocks while a second thread writes them to Parquet, so
memory stays flat whatever the file size (rows that do not fit the table are skipped and counted).

Compressed files are first expanded into a temporary file next to the output, with limits on the
expanded size (zip bombs), then read like any other.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..errors import InvalidInput, TooLarge, UnsupportedType
from . import dialect as dl
from .sniff import SAMPLE_BYTES, detect_encoding, detect_format, looks_binary
from .types import convert, decimal_comma_likely

#: Text files up to this size are read whole (the robust path); larger ones are streamed.
ROBUST_MAX_BYTES = 256 << 20


@dataclass
class IngestLimits:
    """Safety limits of reading a file."""

    max_decompressed_bytes: int = 20 << 30
    max_line_bytes: int = 16 << 20
    #: Largest expansion ratio of a compressed file beyond its first 100 MB.
    max_ratio: int = 1000


@dataclass
class IngestResult:
    rows: int
    columns: list[str]
    detected: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


# --- compressed files ---------------------------------------------------------------------------

def _expand(stream: Any, target: Path, limits: IngestLimits, packed: int) -> None:
    written = 0
    with open(target, "wb") as out:
        while chunk := stream.read(1 << 20):
            written += len(chunk)
            if written > limits.max_decompressed_bytes or (
                written > 100 << 20 and written > limits.max_ratio * max(packed, 1)
            ):
                raise TooLarge("The compressed file expands to more than Vista accepts "
                               f"({limits.max_decompressed_bytes:,} bytes, or a suspicious ratio); "
                               "it looks like a zip bomb.")
            out.write(chunk)
    if written == 0:
        raise InvalidInput("The compressed file is empty.")


def _decompress(path: Path, kind: str, work: Path, limits: IngestLimits) -> tuple[Path, str]:
    packed = path.stat().st_size
    if kind == "gzip":
        target = work / "expanded"
        try:
            with gzip.open(path, "rb") as stream:
                _expand(stream, target, limits, packed)
        except (OSError, EOFError) as e:
            raise UnsupportedType(f"The gzip file is damaged: {e}.") from None
        return target, "gzip"
    with zipfile.ZipFile(path) as archive:
        members = [m for m in archive.infolist()
                   if not m.is_dir() and not m.filename.startswith("__MACOSX/")
                   and not Path(m.filename).name.startswith(".")]
        if not members:
            raise InvalidInput("The zip archive holds no file.")
        if len(members) > 1:
            names = ", ".join(m.filename for m in members[:5])
            raise InvalidInput(f"The zip archive holds {len(members)} files ({names}); upload one data "
                               "file, or a zip with exactly one.")
        member = members[0]
        if member.flag_bits & 0x1:
            raise UnsupportedType("The zip archive is encrypted; upload the file without a password.")
        target = work / "expanded"
        try:
            with archive.open(member) as stream:
                _expand(stream, target, limits, packed)
        except (zipfile.BadZipFile, OSError, NotImplementedError) as e:
            raise UnsupportedType(f"The zip archive cannot be read: {e}.") from None
        return target, f"zip:{member.filename}"


# --- text ---------------------------------------------------------------------------------------

def _check_lines(path: Path, limits: IngestLimits) -> None:
    """Refuse a file with a line longer than the limit, reading it in blocks (never a whole line)."""
    run = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            last = block.rfind(b"\n")
            if last < 0:
                run += len(block)
            else:
                first = block.find(b"\n")
                if run + first > limits.max_line_bytes:
                    break
                pieces = block[first + 1:last].split(b"\n") if last > first else []
                if pieces and max(map(len, pieces)) > limits.max_line_bytes:
                    run = limits.max_line_bytes + 1
                    break
                run = len(block) - last - 1
            if run > limits.max_line_bytes:
                break
    if run > limits.max_line_bytes:
        raise InvalidInput(f"The file has a line longer than {limits.max_line_bytes:,} bytes, so it "
                           "is not a table Vista can read.")


def _decode(path: Path, encoding: str) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        pass
    fallback = detect_encoding(raw[:SAMPLE_BYTES * 4])
    try:
        return raw.decode(fallback)
    except (UnicodeDecodeError, LookupError):
        text = raw.decode(encoding if encoding != "ascii" else "utf-8", errors="replace")
        if text.count("\ufffd") > 0.01 * max(len(text), 1):
            raise InvalidInput("The file's text encoding could not be recognised (too many bytes "
                               "that are not valid characters). Save it as UTF-8 and try again.") from None
        return text


def _text_table(text: str, types: bool, detected: dict[str, Any], warnings: list[str]) -> pd.DataFrame:
    text = text.lstrip("\ufeff")
    if looks_binary(text):
        raise UnsupportedType("This file does not contain a text table.")
    sniffed = dl.sniff(text[:SAMPLE_BYTES])
    rows = dl.parse(text, sniffed)
    found = dl.layout(rows)
    if found.last < found.first or found.width == 0:
        raise InvalidInput("No table was found in the file (it has no rows with several columns).")
    data = [r for r in rows[found.first:found.last + 1] if not dl._empty(r)]
    width = max(found.width, max(len(r) for r in data))
    names = dl.column_names(rows, found.header_rows, width)
    frame = pd.DataFrame([r + [""] * (width - len(r)) for r in data], columns=names, dtype="string")
    # drop columns that are empty everywhere and have no name (trailing delimiters)
    empty = [c for c in frame.columns if c.startswith("column_") and frame[c].fillna("").str.strip().eq("").all()]
    if found.header_rows and empty:
        frame = frame.drop(columns=empty)
    before = found.header_rows[0] if found.header_rows else found.first
    skipped_top = sum(1 for r in rows[:before] if not dl._empty(r))
    skipped_bottom = sum(1 for r in rows[found.last + 1:] if not dl._empty(r))
    if skipped_top:
        warnings.append(f"{skipped_top} line(s) before the table (a title or notes) were left out.")
    if skipped_bottom:
        warnings.append(f"{skipped_bottom} line(s) after the table (notes or totals) were left out.")
    ragged = sum(1 for r in data if len(r) != found.width)
    if ragged:
        warnings.append(f"{ragged} row(s) had a different number of cells; they were padded or kept "
                        "in extra columns.")
    detected.update(sniffed.as_dict())
    detected["header_rows"] = len(found.header_rows)
    detected["skipped_lines_before"] = skipped_top
    detected["skipped_lines_after"] = skipped_bottom
    if not types:
        return frame.fillna("").astype(object)
    cells = [c for r in data[:200] for c in r]
    comma = decimal_comma_likely(sniffed.delimiter, cells)
    detected["decimal_comma"] = comma
    return pd.DataFrame({c: convert(frame[c], decimal_comma=comma) for c in frame.columns})


# --- other formats ------------------------------------------------------------------------------

def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(object).where(frame.notna(), "").astype(str).astype(object)


def _excel(path: Path, sheet: str | int | None, types: bool, detected: dict[str, Any],
           warnings: list[str]) -> pd.DataFrame:
    try:
        sheets = list_sheets(path)
        chosen = sheet if sheet is not None else 0
        raw = pd.read_excel(path, sheet_name=chosen, header=None, dtype=object, engine="calamine")
    except Exception as e:
        raise UnsupportedType(f"The Excel file cannot be read: {e}.") from None
    detected["sheets"] = sheets
    detected["sheet"] = sheets[chosen] if isinstance(chosen, int) and chosen < len(sheets) else chosen
    rows = [["" if pd.isna(v) else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
             for v in row] for row in raw.itertuples(index=False)]
    if not rows:
        raise InvalidInput("The Excel sheet is empty.")
    found = dl.layout(rows)
    if found.last < found.first:
        raise InvalidInput("No table was found in the Excel sheet.")
    names = dl.column_names(rows, found.header_rows, found.width)
    data = [r[:found.width] + [""] * (found.width - len(r)) for r in rows[found.first:found.last + 1]
            if not dl._empty(r)]
    frame = pd.DataFrame(data, columns=names, dtype="string")
    if len(sheets) > 1:
        warnings.append(f"The workbook has {len(sheets)} sheets; the first, {sheets[0]!r}, was read.")
    if not types:
        return frame.fillna("").astype(object)
    return pd.DataFrame({c: convert(frame[c]) for c in frame.columns})


def _json(path: Path, kind: str, encoding: str | None, types: bool) -> pd.DataFrame:
    text = _decode(path, encoding or "utf-8")
    try:
        if kind == "jsonl":
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            data = json.loads(text)
            if isinstance(data, dict):
                lists = [v for v in data.values() if isinstance(v, list)]
                if len(lists) == 1 and lists[0] and isinstance(lists[0][0], dict):
                    data = lists[0]  # records under one key: {"rows": [{...}, ...]}
                elif data and all(isinstance(v, list) for v in data.values()):
                    data = pd.DataFrame(data).to_dict("records")  # columns: {"a": [...], "b": [...]}
                else:
                    data = [data]
            records = data
    except ValueError as e:
        raise InvalidInput(f"The JSON is not valid: {e}.") from None
    if not isinstance(records, list) or not records:
        raise InvalidInput("The JSON holds no records (expected a list of objects).")
    frame = pd.json_normalize(records) if isinstance(records[0], dict) else pd.DataFrame({"value": records})
    if not types:
        return _as_text(frame)
    return frame.convert_dtypes()


def list_sheets(path: str | Path) -> list[str]:
    """The sheet names of an Excel workbook."""
    from python_calamine import CalamineWorkbook

    return list(CalamineWorkbook.from_path(str(path)).sheet_names)


# --- public -------------------------------------------------------------------------------------

def _read(path: Path, types: bool, sheet: str | int | None, limits: IngestLimits, work: Path,
          detected: dict[str, Any], warnings: list[str]) -> pd.DataFrame:
    fmt = detect_format(path)
    detected.setdefault("format", fmt.kind)
    if fmt.kind in ("gzip", "zip"):
        inner, label = _decompress(path, fmt.kind, work, limits)
        detected["compression"] = label
        detected.pop("format")
        return _read(inner, types, sheet, limits, work, detected, warnings)
    if fmt.kind == "parquet":
        try:
            frame = pd.read_parquet(path)
        except Exception as e:
            raise UnsupportedType(f"The Parquet file cannot be read: {e}.") from None
        return frame if types else _as_text(frame)
    if fmt.kind == "xlsx":
        return _excel(path, sheet, types, detected, warnings)
    if fmt.kind in ("json", "jsonl"):
        detected["encoding"] = fmt.encoding
        return _json(path, fmt.kind, fmt.encoding, types)
    detected["format"] = "delimited text"
    detected["encoding"] = fmt.encoding
    _check_lines(path, limits)
    return _text_table(_decode(path, fmt.encoding or "utf-8"), types, detected, warnings)


def read_table(path: str | Path, *, types: bool = True, sheet: str | int | None = None,
               limits: IngestLimits | None = None) -> pd.DataFrame:
    """Read a data file exactly as Vista does.

    With `types=False` every cell is its original text (a `str`; empty cells are `""`) within
    the detected structure (rows, columns, header names). With `types=True` numbers, booleans
    and dates are converted where a whole column agrees.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="vista-read-") as work:
        return _read(Path(path), types, sheet, limits or IngestLimits(), Path(work), {}, [])


@dataclass
class _Plan:
    """How to stream a large text file: its dialect and where its header is."""

    sniffed: dl.Dialect
    skip_rows: int
    encoding: str


def _stream_plan(path: Path, encoding: str | None) -> _Plan | None:
    """For a large text file, the streaming plan (None: small enough for the robust path)."""
    if path.stat().st_size <= ROBUST_MAX_BYTES:
        return None
    with open(path, "rb") as f:
        raw = f.read(SAMPLE_BYTES)
    sample = raw.decode(encoding or "utf-8", errors="ignore")
    sniffed = dl.sniff(sample)
    lines = sample.splitlines()[:-1]
    rows = dl.parse("\n".join(lines), sniffed)
    found = dl.layout(rows)
    header = found.header_rows[0] if found.header_rows else found.first
    # parsed rows and physical lines agree unless quoted newlines came first; count lines
    skip = header  # physical lines before the header (preambles have no quoted newlines)
    return _Plan(sniffed, skip, encoding or "utf-8")


def _fast(path: Path, tmp: Path, limits: IngestLimits, detected: dict[str, Any], plan: _Plan,
          warnings: list[str]) -> IngestResult:
    """Stream the CSV into Parquet: pyarrow parses blocks while a second thread writes them.

    Blocks start small (4 MiB: flat memory) and grow only if a line does not fit, up to twice the
    longest line allowed; parsing and writing overlap (both release the GIL).
    """
    block = min(4 << 20, limits.max_line_bytes * 2)
    while True:
        try:
            return _stream(path, tmp, limits, detected, plan, warnings, block)
        except _FastPathFailed as e:
            if "straddling" in str(e) and block < limits.max_line_bytes * 2:
                block = min(block * 4, limits.max_line_bytes * 2)
                continue
            raise


def _stream(path: Path, tmp: Path, limits: IngestLimits, detected: dict[str, Any], plan: _Plan,
            warnings: list[str], block: int) -> IngestResult:
    import queue
    import threading

    sniffed = plan.sniffed
    skipped = 0
    too_long = False

    def skip_bad_row(row: Any) -> str:
        nonlocal skipped, too_long
        if len(row.text or "") > limits.max_line_bytes:
            too_long = True
            return "error"
        skipped += 1
        return "skip"

    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(block_size=block,
                                           encoding=plan.encoding.replace("-sig", "").replace("-", ""),
                                           skip_rows=plan.skip_rows),
            parse_options=pacsv.ParseOptions(delimiter=sniffed.delimiter, quote_char=sniffed.quotechar,
                                             newlines_in_values=True,
                                             invalid_row_handler=skip_bad_row),
            convert_options=pacsv.ConvertOptions(timestamp_parsers=[pacsv.ISO8601, "%Y/%m/%d"]),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
        raise _FastPathFailed(str(e)) from None
    batches: queue.Queue = queue.Queue(maxsize=4)
    failure: list[BaseException] = []

    def write() -> None:
        writer = None
        try:
            while (batch := batches.get()) is not None:
                if writer is None:
                    writer = pq.ParquetWriter(tmp, batch.schema)
                writer.write_batch(batch)
        except BaseException as e:  # reported by the reading side
            failure.append(e)
            while batches.get() is not None:
                pass
        finally:
            if writer is not None:
                writer.close()

    thread = threading.Thread(target=write, name="vista-parquet-writer")
    thread.start()
    rows = 0
    try:
        for batch in reader:
            batches.put(batch)
            rows += batch.num_rows
    except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
        raise _FastPathFailed("straddling: line too long" if too_long else str(e)) from None
    finally:
        batches.put(None)
        thread.join()
    if failure:
        raise failure[0]
    if rows == 0 and not tmp.exists():
        pq.write_table(reader.schema.empty_table(), tmp)
    detected.update(format="delimited text", encoding=plan.encoding, path="streaming",
                    **sniffed.as_dict(), header_rows=1, skipped_lines_before=plan.skip_rows)
    if plan.skip_rows:
        warnings.append(f"{plan.skip_rows} line(s) before the table were left out.")
    if skipped:
        warnings.append(f"{skipped} row(s) that did not fit the table were left out.")
    return IngestResult(rows, reader.schema.names, detected, warnings)


class _FastPathFailed(Exception):
    pass


def ingest_to_parquet(src: str | Path, dest: str | Path, *, limits: IngestLimits | None = None) -> IngestResult:
    """Read any supported file and write it as one Parquet file, atomically (no partial output)."""
    import tempfile

    src, dest = Path(src), Path(dest)
    limits = limits or IngestLimits()
    tmp = dest.with_name(f".{dest.name}.partial")
    detected: dict[str, Any] = {}
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="vista-ingest-", dir=dest.parent) as work:
        try:
            source = src
            fmt = detect_format(src)
            if fmt.kind in ("gzip", "zip"):
                source, label = _decompress(src, fmt.kind, Path(work), limits)
                detected["compression"] = label
                fmt = detect_format(source)
            plan = _stream_plan(source, fmt.encoding) if fmt.kind == "text" else None
            if plan is not None:
                # Too big to hold in memory: stream it, whatever it looks like.
                try:
                    result = _fast(source, tmp, limits, detected, plan, warnings)
                except _FastPathFailed as e:
                    reason = str(e)
                    if "straddling" in reason or "block" in reason:
                        raise InvalidInput(f"The file has a line longer than {limits.max_line_bytes:,} "
                                           "bytes, so it is not a table Vista can read.") from None
                    raise InvalidInput("This large file could not be read as one table "
                                       f"({reason[:200]}). Check that it is one table throughout.") from None
                os.replace(tmp, dest)
                return result
            frame = _read(source, True, None, limits, Path(work), detected, warnings)
            if frame.shape[1] == 0:
                raise InvalidInput("No columns were found in the file.")
            frame.columns = [str(c) for c in frame.columns]
            table = pa.Table.from_pandas(frame, preserve_index=False)
            pq.write_table(table, tmp)
            os.replace(tmp, dest)
            detected.setdefault("path", "robust")
            return IngestResult(len(frame), list(frame.columns), detected, warnings)
        finally:
            tmp.unlink(missing_ok=True)
            shutil.rmtree(work, ignore_errors=True)
