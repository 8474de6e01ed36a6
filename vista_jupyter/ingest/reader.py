"""Reading a file as Vista does, and writing it once as Parquet.

Delimited text goes through the one engine of `engine.py` (sniff on samples, Arrow's streaming
parser reads the body, DuckDB's the irregular ones, vectorised type kernels, Parquet written as it
goes), whatever its size. Excel sheets are
read whole (they are small) and typed with the same kernels; JSON and JSON Lines through pandas,
nested fields (lists, objects) kept as Arrow lists and structs; Parquet is copied batch by batch.

Compressed files are first expanded into a temporary file next to the output, stopping as soon as
the expansion is larger than `max_decompressed_bytes` or its ratio to the compressed bytes read so
far looks like a zip bomb.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InvalidInput, TooLarge, UnsupportedType
from . import dialect as dl
from . import types as ty
from .engine import Cancelled, Progress, read_text
from .sniff import detect_format

__all__ = ["Cancelled", "IngestLimits", "IngestResult", "Progress", "ingest_to_parquet", "list_sheets", "read_table"]


@dataclass
class IngestLimits:
    """Safety limits of reading a file."""

    max_decompressed_bytes: int = 20 << 30
    max_line_bytes: int = 16 << 20
    #: Largest ratio of expanded to compressed bytes, checked as the file expands (past
    #: `ratio_floor`). Real tables compress 3-20x; bombs of repeated bytes 1000x.
    max_ratio: int = 100
    ratio_floor: int = 64 << 20
    #: Most columns a table may have (wider files are refused with 413).
    max_columns: int = 20_000
    #: DuckDB threads used to parse one file.
    threads: int = 2


@dataclass
class IngestResult:
    rows: int
    columns: list[str]
    detected: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: With `ingest_to_parquet(profile=True)`: the profile computed while the file was written
    #: (`StreamProfile.finish(dest)` gives it), or None when the format has none (profile the file).
    profile: Any = None


# --- compressed files ---------------------------------------------------------------------------


class _Counting:
    """A binary file that counts the bytes read from it (the compressed side of an expansion)."""

    def __init__(self, f: Any):
        self.f, self.count = f, 0

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        self.count += len(data)
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self.f, name)


def _expand(
    stream: Any, counter: _Counting, target: Path, limits: IngestLimits, packed: int, progress: Progress
) -> None:
    written = 0
    with open(target, "wb") as out:
        while chunk := stream.read(1 << 20):
            written += len(chunk)
            if written > limits.max_decompressed_bytes or (
                written > limits.ratio_floor and written > limits.max_ratio * max(counter.count, 1)
            ):
                raise TooLarge(
                    "The compressed file expands to more than Vista accepts "
                    f"({limits.max_decompressed_bytes:,} bytes, or more than {limits.max_ratio}x "
                    "its compressed size); it looks like a zip bomb."
                )
            out.write(chunk)
            progress.update("expanding", counter.count, packed)
    if written == 0:
        raise InvalidInput("The compressed file is empty.")


def _decompress(path: Path, kind: str, work: Path, limits: IngestLimits, progress: Progress) -> tuple[Path, str]:
    packed = path.stat().st_size
    target = work / "expanded"
    if kind == "gzip":
        try:
            with open(path, "rb") as raw:
                counter = _Counting(raw)
                with gzip.GzipFile(fileobj=counter, mode="rb") as stream:  # type: ignore[arg-type]
                    _expand(stream, counter, target, limits, packed, progress)
        except (OSError, EOFError) as e:
            raise UnsupportedType(f"The gzip file is damaged: {e}.") from None
        return target, "gzip"
    with open(path, "rb") as raw:
        counter = _Counting(raw)
        try:
            archive = zipfile.ZipFile(counter)  # type: ignore[arg-type]
        except zipfile.BadZipFile:
            raise UnsupportedType("The zip archive is damaged.") from None
        with archive:
            members = [
                m
                for m in archive.infolist()
                if not m.is_dir()
                and not m.filename.startswith("__MACOSX/")
                and not Path(m.filename).name.startswith(".")
            ]
            if not members:
                raise InvalidInput("The zip archive holds no file.")
            if len(members) > 1:
                names = ", ".join(m.filename for m in members[:5])
                raise InvalidInput(
                    f"The zip archive holds {len(members)} files ({names}); upload one data "
                    "file, or a zip with exactly one."
                )
            member = members[0]
            if member.flag_bits & 0x1:
                raise UnsupportedType("The zip archive is encrypted; upload the file without a password.")
            counter.count = 0
            try:
                with archive.open(member) as stream:
                    _expand(stream, counter, target, limits, packed, progress)
            except (zipfile.BadZipFile, OSError, NotImplementedError) as e:
                raise UnsupportedType(f"The zip archive cannot be read: {e}.") from None
    return target, f"zip:{member.filename}"


# --- other formats ------------------------------------------------------------------------------


def _typed_table(rows: list[list[str]], names: list[str], types: bool) -> pa.Table:
    """Text rows as a table, each column typed by the same candidates as delimited text."""
    width = len(names)
    arrays = []
    options = ty.candidates(False)
    for j in range(width):
        column = pa.array([r[j] if j < len(r) else "" for r in rows], pa.string())
        if not types:
            arrays.append(column)
            continue
        text = ty.clean(column)
        arrays.append(ty.convert(text, options[ty.choose(text, options)]))
    return pa.Table.from_arrays(arrays, names=names)


def _excel(path: Path, sheet: str | int | None, types: bool, detected: dict[str, Any], warnings: list[str]) -> pa.Table:
    import pandas as pd

    try:
        sheets = list_sheets(path)
        chosen = sheet if sheet is not None else 0
        raw = pd.read_excel(path, sheet_name=chosen, header=None, dtype=object, engine="calamine")
    except Exception as e:
        raise UnsupportedType(f"The Excel file cannot be read: {e}.") from None
    detected["sheets"] = sheets
    detected["sheet"] = sheets[chosen] if isinstance(chosen, int) and chosen < len(sheets) else chosen
    rows = [
        ["" if pd.isna(v) else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)) for v in row]
        for row in raw.itertuples(index=False)
    ]
    if not rows:
        raise InvalidInput("The Excel sheet is empty.")
    found = dl.layout(rows)
    if found.last < found.first and not found.header_rows:
        raise InvalidInput("No table was found in the Excel sheet.")
    names = dl.column_names(rows, found.header_rows, found.width)
    data = [r[: found.width] for r in rows[found.first : found.last + 1] if not dl._empty(r)]
    if len(sheets) > 1:
        warnings.append(f"The workbook has {len(sheets)} sheets; the first, {sheets[0]!r}, was read.")
    return _typed_table(data, names, types)


def _nested_safe(frame: Any) -> pa.Table:
    """A pandas frame as Arrow; columns of mixed nested values become JSON text."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        pass
    arrays = {}
    for name in frame.columns:
        try:
            arrays[str(name)] = pa.array(frame[name], from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            arrays[str(name)] = pa.array(
                [
                    None
                    if v is None or (isinstance(v, float) and v != v)
                    else (v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str))
                    for v in frame[name]
                ],
                pa.string(),
            )
    return pa.table(arrays)


def _native_jsonl(path: Path, encoding: str | None, types: bool) -> pa.Table | None:
    """JSON Lines through Arrow's own reader (multi-threaded; lists and objects stay nested,
    objects flattened one level into dotted columns like pandas' json_normalize), or None when
    the file needs the forgiving path (mixed types in a field, another encoding...)."""
    import pyarrow.json as pj

    if (encoding or "utf-8").replace("_", "-").lower() not in ("utf-8", "ascii", "utf-8-sig") or not types:
        return None
    try:
        table = pj.read_json(path, parse_options=pj.ParseOptions(newlines_in_values=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None
    columns, names = [], []
    for name, column in zip(table.column_names, table.columns):
        if pa.types.is_struct(column.type) and column.type.num_fields:
            for field, child in zip(column.type, column.flatten()):
                names.append(f"{name}.{field.name}")
                columns.append(child)
        else:
            names.append(name)
            columns.append(column)
    return pa.Table.from_arrays(columns, names=names)


def _json(path: Path, kind: str, encoding: str | None, types: bool, limits: IngestLimits) -> pa.Table:
    import pandas as pd

    if kind == "jsonl":
        native = _native_jsonl(path, encoding, types)
        if native is not None:
            if native.num_columns > limits.max_columns:
                raise TooLarge(
                    f"The file has {native.num_columns:,} columns; Vista reads at most "
                    f"{limits.max_columns:,} (the max_columns setting)."
                )
            return native

    raw = path.read_bytes()
    text = raw.decode(encoding or "utf-8", errors="replace").lstrip("\ufeff")
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
    if isinstance(records[0], dict):
        # Objects become dotted columns (one level per key); lists stay lists.
        frame = pd.json_normalize(records, max_level=1)
    else:
        frame = pd.DataFrame({"value": records})
    if frame.shape[1] > limits.max_columns:
        raise TooLarge(
            f"The file has {frame.shape[1]:,} columns; Vista reads at most "
            f"{limits.max_columns:,} (the max_columns setting)."
        )
    frame.columns = [str(c) for c in frame.columns]
    if not types:
        return pa.table({c: pa.array([_as_text(v) for v in frame[c]], pa.string()) for c in frame.columns})
    return _nested_safe(frame.convert_dtypes())


def _as_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def list_sheets(path: str | Path) -> list[str]:
    """The sheet names of an Excel workbook."""
    from python_calamine import CalamineWorkbook

    return list(CalamineWorkbook.from_path(str(path)).sheet_names)


# --- public -------------------------------------------------------------------------------------


def _to_parquet(
    path: Path,
    out: Path,
    work: Path,
    limits: IngestLimits,
    progress: Progress,
    types: bool,
    sheet: str | int | None,
    detected: dict[str, Any],
    warnings: list[str],
    observe: Any = None,
) -> tuple[int, list[str]]:
    """Read any supported file at `path` into the Parquet file `out`: (rows, column names).
    `observe` (delimited text only) makes what sees each row group written (`engine.Observe`)."""
    fmt = detect_format(path)
    if fmt.kind in ("gzip", "zip"):
        inner, label = _decompress(path, fmt.kind, work, limits, progress)
        detected["compression"] = label
        return _to_parquet(inner, out, work, limits, progress, types, sheet, detected, warnings, observe)
    progress.check()
    if fmt.kind == "text":
        if observe is not None and observe.max_bytes is not None and path.stat().st_size > observe.max_bytes:
            # the text as read (a compressed file's once expanded), not the file as stored: a
            # 60 MB gzip can hold 1 GB of CSV
            observe = None
        result = read_text(
            path,
            fmt.encoding,
            out,
            work,
            limits,
            raw=not types,
            progress=progress,
            doubtful=fmt.doubtful,
            threads=limits.threads,
            observe=observe,
        )
        detected.update(result.detected)
        warnings.extend(result.warnings)
        return result.rows, result.columns
    detected["format"] = fmt.kind
    if fmt.kind == "parquet":
        try:
            source = pq.ParquetFile(path, pre_buffer=False)
            if len(source.schema_arrow) > limits.max_columns:
                raise TooLarge(
                    f"The file has {len(source.schema_arrow):,} columns; Vista reads at most "
                    f"{limits.max_columns:,} (the max_columns setting)."
                )
            with pq.ParquetWriter(out, source.schema_arrow) as writer:
                for batch in source.iter_batches():
                    progress.check()
                    writer.write_batch(batch)
        except (pa.ArrowException, OSError) as e:
            raise UnsupportedType(f"The Parquet file cannot be read: {e}.") from None
        if not types:
            table = pq.read_table(out)
            pq.write_table(
                pa.table(
                    {
                        n: pa.array([_as_text(v) for v in table.column(n).to_pylist()], pa.string())
                        for n in table.column_names
                    }
                ),
                out,
            )
        return source.metadata.num_rows, source.schema_arrow.names
    if fmt.kind == "xlsx":
        table = _excel(path, sheet, types, detected, warnings)
    else:
        detected["encoding"] = fmt.encoding
        table = _json(path, fmt.kind, fmt.encoding, types, limits)
    if table.num_columns > limits.max_columns:
        raise TooLarge(
            f"The file has {table.num_columns:,} columns; Vista reads at most "
            f"{limits.max_columns:,} (the max_columns setting)."
        )
    pq.write_table(table, out)
    return table.num_rows, table.column_names


def read_table(
    path: str | Path, *, types: bool = True, sheet: str | int | None = None, limits: IngestLimits | None = None
) -> Any:
    """Read a data file exactly as Vista does, as a pandas DataFrame.

    With `types=False` every cell is its original text (a `str`; empty cells are `""`) within
    the detected structure (rows, columns, header names). With `types=True` numbers, booleans
    and dates are converted where a whole column agrees.
    """
    with tempfile.TemporaryDirectory(prefix="vista-read-") as work:
        out = Path(work, "table.parquet")
        _to_parquet(Path(path), out, Path(work), limits or IngestLimits(), Progress(), types, sheet, {}, [])
        frame = pq.read_table(out).to_pandas()
    if not types:
        return frame.astype(object)
    return frame


class _Profiles:
    """Makes a `StreamProfile` for each writing of a reading; the last one is the table's.
    `max_bytes`: only for text of at most that many bytes (None: any)."""

    def __init__(self, max_bytes: int | None = None) -> None:
        self.last: Any = None
        self.max_bytes = max_bytes

    def __call__(self, schema: pa.Schema) -> Any:
        from ..profile import StreamProfile

        self.last = StreamProfile(schema)
        return self.last


def ingest_to_parquet(
    src: str | Path,
    dest: str | Path,
    *,
    limits: IngestLimits | None = None,
    progress: Progress | None = None,
    profile: bool = False,
    profile_max_bytes: int | None = None,
) -> IngestResult:
    """Read any supported file and write it as one Parquet file, atomically (no partial output).

    `progress` reports the phase and bytes done, and cancels the reading when asked to. With
    `profile`, the dataset profile of delimited text is computed from the batches as they are
    written (`IngestResult.profile`), instead of reading the file again afterwards; with
    `profile_max_bytes` too, only for text of at most that many bytes once decompressed.
    """
    src, dest = Path(src), Path(dest)
    limits = limits or IngestLimits()
    progress = progress or Progress()
    tmp = dest.with_name(f".{dest.name}.partial")
    detected: dict[str, Any] = {}
    warnings: list[str] = []
    profiles = _Profiles(profile_max_bytes) if profile else None
    with tempfile.TemporaryDirectory(prefix="vista-ingest-", dir=dest.parent) as work:
        try:
            rows, columns = _to_parquet(
                src, tmp, Path(work), limits, progress, True, None, detected, warnings, profiles
            )
            if not columns:
                raise InvalidInput("No columns were found in the file.")
            os.replace(tmp, dest)
            return IngestResult(rows, columns, detected, warnings, profiles.last if profiles else None)
        except BaseException:
            if profiles is not None and profiles.last is not None:
                profiles.last.abort()
            raise
        finally:
            tmp.unlink(missing_ok=True)
            shutil.rmtree(work, ignore_errors=True)
            pa.default_memory_pool().release_unused()  # give the batches' memory back to the system
