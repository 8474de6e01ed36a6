"""Reading a file as Vista does, and writing it once as Parquet.

Two paths for delimited text: a **fast path** for large, clean files (a header on the first line,
no preamble, one width, UTF-8): pyarrow's streaming CSV reader converts it batch by batch into
Parquet, so memory stays flat whatever the file size; and a **robust path** for everything else
(and all smaller files): the text is decoded with the detected encoding, parsed with the sniffed
dialect, the table is located (preamble, notes, headers, ragged rows) and the cells typed.

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

#: Text files up to this size take the robust path whatever they look like.
ROBUST_MAX_BYTES = 64 << 20


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


def _fast_path_ok(path: Path, encoding: str | None) -> bool:
    """A large file that looks clean: UTF-8, a header on line one, one width throughout the sample."""
    if path.stat().st_size <= ROBUST_MAX_BYTES or encoding not in ("utf-8", "utf-8-sig"):
        return False
    with open(path, "rb") as f:
        sample = f.read(SAMPLE_BYTES).decode("utf-8", errors="ignore")
    sniffed = dl.sniff(sample)
    if sniffed.delimiter == " " or sniffed.escapechar:
        return False
    rows = dl.parse("\n".join(sample.splitlines()[:-1]), sniffed)
    found = dl.layout(rows)
    return (found.header_rows == [0] and found.first == 1 and len({len(r) for r in rows if r}) == 1
            and not decimal_comma_likely(sniffed.delimiter, [c for r in rows[1:50] for c in r]))


def _fast(path: Path, tmp: Path, limits: IngestLimits, detected: dict[str, Any]) -> IngestResult:
    with open(path, "rb") as f:
        sniffed = dl.sniff(f.read(SAMPLE_BYTES).decode("utf-8", errors="ignore"))
    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(block_size=max(1 << 24, min(limits.max_line_bytes * 2, 1 << 28)),
                                       encoding="utf8"),
        parse_options=pacsv.ParseOptions(delimiter=sniffed.delimiter, quote_char=sniffed.quotechar,
                                         newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            timestamp_parsers=[pacsv.ISO8601, "%Y/%m/%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"]),
    )
    rows = 0
    writer = None
    try:
        for batch in reader:
            if writer is None:
                writer = pq.ParquetWriter(tmp, batch.schema)
            writer.write_batch(batch)
            rows += batch.num_rows
    except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
        if writer is not None:
            writer.close()
            writer = None
        raise _FastPathFailed(str(e)) from None
    finally:
        if writer is not None:
            writer.close()
    detected.update(format="delimited text", encoding="utf-8", path="fast", **sniffed.as_dict(),
                    header_rows=1)
    return IngestResult(rows, reader.schema.names, detected, [])


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
            if fmt.kind == "text" and _fast_path_ok(source, fmt.encoding):
                _check_lines(source, limits)
                try:
                    result = _fast(source, tmp, limits, detected)
                    result.detected = detected
                    os.replace(tmp, dest)
                    return result
                except _FastPathFailed:
                    tmp.unlink(missing_ok=True)
                    detected.clear()
                    if "compression" in locals().get("label", ""):
                        detected["compression"] = label
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
