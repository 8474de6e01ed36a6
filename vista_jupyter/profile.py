"""Dataset profiles: what is in a table, computed once at ingest from its Parquet file.

Two forms: `profile_parquet` gives JSON for the sidebar's dataset card (shape, per-column kind,
missing values, distinct counts, ranges, quantiles or top values, sample rows), and
`summary_text` turns that into a compact text for the model that stays within a fixed budget
(about 1,500 tokens) however many columns the table has.

Memory stays bounded whatever the table's size. Tables up to `EXACT_ROWS` rows are profiled
exactly, one column in memory at a time. Larger ones are streamed in batches: counts, ranges,
means and deviations are merged exactly; distinct counts are HyperLogLog estimates (DuckDB's
`approx_count_distinct`, streaming over the file); quantiles come from a uniform sample of
`SAMPLE_VALUES` values per column; top values are exact for columns with few distinct values
and taken from the sample otherwise (the profile says which numbers are estimates).
List and struct columns (nested JSON) are their own kind, `nested`, profiled as JSON text.

`StreamProfile` computes the same profile from a table's batches while they are written to
Parquet (the reader hands it each row group), so a new dataset's profile is ready when its file
is, without reading the file again: small tables are held and profiled exactly, larger ones
merged batch by batch as above, their HyperLogLog counts taken by DuckDB from the stream itself.
"""

from __future__ import annotations

import json
import math
import queue
import re
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

#: Column kinds, from most to least specific.
KINDS = ("boolean", "datetime", "numeric", "identifier", "categorical", "text", "nested")

SAMPLE_ROWS = 5
TOP_VALUES = 5
#: A string column with at most this many distinct values (or this share of rows, counted up to
#: `EXACT_ROWS` rows) is categorical.
CATEGORICAL_MAX = 50
CATEGORICAL_SHARE = 0.05
#: Text budget of the model summary, in characters (~4 characters per token: ~1,500 tokens).
SUMMARY_BUDGET = 6000
#: Tables with at most this many rows are profiled exactly.
EXACT_ROWS = 200_000
#: Values per column kept as a uniform sample of larger tables (quantiles, top values of
#: columns with many distinct values, text lengths).
SAMPLE_VALUES = 100_000
#: Columns with at most this many (estimated) distinct values get exact top-value counts.
EXACT_TOP_MAX = 10_000
#: Rows per batch of a large table's statistics (value counts merge per batch of this size).
BATCH_ROWS = 65_536

_ID_NAME = re.compile(r"(^|[_\s-])(id|key|code|uuid|no|number)$|^id[_\s-]|identifier", re.IGNORECASE)


def _plain(value: Any, cut: int = 80) -> Any:
    """A JSON-safe version of a cell value (strings cut to `cut` characters)."""
    if value is None:
        return None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, str):
        return value if len(value) <= cut else value[: cut - 1] + "…"
    if isinstance(value, (bool, int)):
        return value
    if isinstance(value, (list, dict)):
        return _plain(json.dumps(value, ensure_ascii=False, default=str), cut)
    return _plain(str(value), cut)


def _nested(t: pa.DataType) -> bool:
    return pa.types.is_nested(t) or pa.types.is_map(t)


def _as_text(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """Nested values as JSON text (for distinct and top values)."""
    return pa.array(
        [
            None if v is None else json.dumps(v, ensure_ascii=False, default=str, sort_keys=True)
            for v in column.to_pylist()
        ],
        pa.string(),
    )


def _is_text(t: pa.DataType) -> bool:
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_dictionary(t)


def _kind(name: str, t: pa.DataType, non_null: int, distinct: int, sample: pa.Array) -> str:
    by_type = _type_kind(t)
    if by_type in ("nested", "boolean", "datetime"):
        return by_type
    # Distinct counts are HyperLogLog estimates above a few hundred thousand rows: on columns of
    # unique values they came out 5% under to 7% over the truth (0.3 to 50 million rows), so
    # "unique" allows for 10%, as the offline analyst's row names do
    unique = non_null > 1 and distinct >= 0.9 * non_null
    if pa.types.is_integer(t):
        return "identifier" if unique and _ID_NAME.search(name) else "numeric"
    if pa.types.is_floating(t) or pa.types.is_decimal(t):
        return "numeric"
    if _is_text(t):
        text = sample.cast(pa.string()) if len(sample) else pa.array([], pa.string())
        if 0 < distinct <= 2 and non_null > 0:
            lowered = {str(v).strip().lower() for v in pc.unique(text).to_pylist() if v is not None}
            if lowered and lowered <= {"true", "false", "yes", "no", "y", "n", "t", "f"}:
                return "boolean"
        # The share stops growing at EXACT_ROWS rows (10,000 values, as many as get exact top
        # counts): otherwise a column's kind changed with the table's length alone, and 2 million
        # customer ids in 52 million rows (4%) were a category the overview split the rows by
        few = distinct <= max(CATEGORICAL_MAX, CATEGORICAL_SHARE * min(non_null, EXACT_ROWS))
        if few and not unique:
            return "categorical"
        mean_length = pc.mean(pc.utf8_length(text)).as_py() or 0 if len(text) else 0
        has_space = bool(len(text)) and bool(pc.any(pc.match_substring(text, " ")).as_py())
        if unique and (not has_space or _ID_NAME.search(name)) and mean_length <= 40:
            return "identifier"
        return "categorical" if few else "text"
    return "text"


def _top(counts: Counter | pa.StructArray) -> list[dict[str, Any]]:
    """The most frequent values, ties in the order of their text."""
    if isinstance(counts, Counter):
        pairs = counts.most_common()
    else:
        values, numbers = counts.field("values"), counts.field("counts")
        if len(counts) > TOP_VALUES and (
            pa.types.is_string(values.type) or pa.types.is_large_string(values.type) or pa.types.is_boolean(values.type)
        ):
            # Sorted by Arrow, not in Python: a column of unique values has as many pairs as rows.
            # Text sorts by its UTF-8 bytes, which is the order of its code points, as str does.
            order = pa.table({"v": values, "n": numbers}).sort_by([("n", "descending"), ("v", "ascending")])
            order = order.filter(pc.is_valid(order.column("v"))).slice(0, TOP_VALUES)
            return [
                {"value": _plain(v), "count": int(n)}
                for v, n in zip(order.column("v").to_pylist(), order.column("n").to_pylist())
            ]
        pairs = list(zip(values.to_pylist(), numbers.to_pylist()))
    pairs.sort(key=lambda p: (-p[1], str(p[0])))
    return [{"value": _plain(v), "count": int(n)} for v, n in pairs[:TOP_VALUES] if v is not None]


class _Column:
    """Merged statistics of one column over the batches of a large table."""

    def __init__(self, name: str, t: pa.DataType, rows: int):
        self.name, self.type, self.rows = name, t, rows
        self.non_null = 0
        self.low = self.high = None
        self.total = self.squares = 0.0
        # Value counts give the top values of text and yes/no columns only: dates and numbers
        # show ranges. Nested values are counted as JSON text, which costs Python time: from the
        # sample only. Each batch's counts are kept as Arrow arrays and merged by Arrow.
        self.counting = _type_kind(t) in ("text", "boolean")
        self.counts: list[pa.StructArray] | None = [] if self.counting else None
        self.counted = 0
        self.sample: list[pa.Array] = []
        self.numeric = pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t)
        # Ranges are shown for numbers and dates only (a text column's kind is never either).
        self.ranged = _type_kind(t) in ("numeric", "datetime")

    def add(self, values: pa.Array, keep: pa.Array) -> None:
        # Kernels skip missing values themselves: no copy of the batch without them.
        present = len(values) - values.null_count
        self.non_null += present
        if present and self.ranged:
            mm = pc.min_max(values)
            lo, hi = mm["min"].as_py(), mm["max"].as_py()
            self.low = lo if self.low is None or (lo is not None and lo < self.low) else self.low
            self.high = hi if self.high is None or (hi is not None and hi > self.high) else self.high
        if self.numeric and present:
            as_float = pc.cast(values, pa.float64(), safe=False)  # integers past 2**53 are rounded
            self.total += pc.sum(as_float).as_py() or 0.0
            self.squares += pc.sum(pc.multiply(as_float, as_float)).as_py() or 0.0
        if self.counts is not None:
            if pa.types.is_dictionary(values.type):
                counts = _dictionary_counts(values)
            else:
                counts = pc.value_counts(values)
                if values.null_count:
                    counts = counts.filter(pc.is_valid(counts.field("values")))
            self.counts.append(counts)
            self.counted += len(counts)
            if self.counted > 4 * EXACT_TOP_MAX:
                self.counts = [self.merged_counts()]
                self.counted = len(self.counts[0])
            if self.counted > EXACT_TOP_MAX and len(self.counts) == 1:
                self.counts = None  # many distinct values: top values come from the sample
        kept = values.filter(keep)
        # a dictionary-encoded batch's sample is decoded: the few rows kept, not the row group's
        # whole dictionary, stay held until the end
        self.sample.append(kept.dictionary_decode() if pa.types.is_dictionary(kept.type) else kept)

    def merged_counts(self) -> pa.StructArray:
        """The batches' value counts summed per value (one array of values and counts)."""
        parts = self.counts or []
        if len(parts) == 1:
            return parts[0]
        table = pa.table(
            {
                "values": pa.concat_arrays([p.field("values") for p in parts]),
                "counts": pa.concat_arrays([p.field("counts") for p in parts]),
            }
        )
        summed = table.group_by("values").aggregate([("counts", "sum")])
        return pa.StructArray.from_arrays(
            [summed.column("values").combine_chunks(), summed.column("counts_sum").combine_chunks()],
            names=["values", "counts"],
        )


def _exact(name: str, column: pa.ChunkedArray) -> dict[str, Any]:
    t = column.type
    rows = len(column)
    nested = _nested(t)
    text = _as_text(column) if nested else column
    # Text columns need their value counts anyway (top values): the distinct count is their length.
    counted = pc.value_counts(pc.drop_null(text)) if _is_text(text.type) or nested else None
    distinct = len(counted) if counted is not None else pc.count_distinct(text, mode="only_valid").as_py()
    non_null = rows - column.null_count
    flat = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    kind = _kind(name, t, non_null, distinct, flat.drop_null() if not nested else flat)
    out: dict[str, Any] = {
        "name": name,
        "kind": kind,
        "dtype": str(t),
        "nulls": column.null_count,
        "distinct": distinct,
    }
    if kind == "numeric" or (kind == "identifier" and pa.types.is_integer(t)):
        as_float = pc.cast(column, pa.float64(), safe=False)  # integers past 2**53 are rounded
        mm = pc.min_max(as_float)
        q = pc.quantile(as_float, q=[0.25, 0.5, 0.75]).to_pylist() if non_null else []
        out.update(
            min=_plain(mm["min"].as_py()),
            max=_plain(mm["max"].as_py()),
            mean=_plain(pc.mean(as_float).as_py()),
            std=_plain(pc.stddev(as_float, ddof=1).as_py()),
            quantiles={"25%": _plain(q[0]), "50%": _plain(q[1]), "75%": _plain(q[2])} if q else {},
        )
    elif kind == "datetime":
        mm = pc.min_max(column)
        out["min"], out["max"] = _plain(mm["min"].as_py()), _plain(mm["max"].as_py())
    if kind in ("categorical", "boolean", "text", "identifier", "nested") and not pa.types.is_integer(t):
        out["top"] = _top(counted if counted is not None else pc.value_counts(pc.drop_null(text)))
    return out


#: A chunk of more columns than this has its numeric columns profiled together (`_numeric_many`).
MANY_COLUMNS = 64


def _numeric_many(table: pa.Table, members: list[int]) -> list[dict[str, Any]] | None:
    """`_exact` for many numeric columns of one type at once: the columns as the rows of one
    matrix, every statistic one vectorised call over all of them (a wide table's per-column
    calls cost more than its values). None when the values do not allow it exactly (NaN values
    that are not missing, integers beyond float precision): those go column by column."""
    import warnings

    import numpy as np

    t = table.schema.field(members[0]).type
    n = table.num_rows
    if n == 0:
        return None
    flat = pa.chunked_array([ch for j in members for ch in table.column(j).chunks], type=t).combine_chunks()
    if pa.types.is_integer(t):
        bounds = pc.min_max(flat)
        if bounds["min"].is_valid and max(-bounds["min"].as_py(), bounds["max"].as_py()) > 2**53:
            return None
    matrix = flat.cast(pa.float64()).to_numpy(zero_copy_only=False).reshape(len(members), n)  # nulls: NaN
    nulls = [table.column(j).null_count for j in members]
    missing = np.isnan(matrix)
    if int(missing.sum()) != sum(nulls):
        return None
    ordered = np.sort(matrix, axis=1)  # NaN last
    valid = ~np.isnan(ordered)
    distinct = valid[:, 0].astype(np.int64) + ((ordered[:, 1:] != ordered[:, :-1]) & valid[:, 1:]).sum(axis=1)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)  # all-missing columns: NaN, shown as None
        low, high = np.nanmin(matrix, axis=1), np.nanmax(matrix, axis=1)
        mean, std = np.nanmean(matrix, axis=1), np.nanstd(matrix, axis=1, ddof=1)
        # linear interpolation between the sorted values, as Arrow's quantile (numpy's nanquantile
        # goes row by row when values are missing)
        count = valid.sum(axis=1)
        rows = np.arange(len(members))
        quartiles = []
        for q in (0.25, 0.5, 0.75):
            pos = q * np.maximum(count - 1, 0)
            lower = np.floor(pos).astype(np.int64)
            upper = np.ceil(pos).astype(np.int64)
            below, above = ordered[rows, lower], ordered[rows, upper]
            quartiles.append(below + (above - below) * (pos - lower))
        quartiles = np.array(quartiles)
    empty = pa.array([], pa.string())
    names = table.column_names
    out = []
    for k, j in enumerate(members):
        name = names[j]
        non_null = n - nulls[k]
        kind = _kind(name, t, non_null, int(distinct[k]), empty)
        column: dict[str, Any] = {
            "name": name,
            "kind": kind,
            "dtype": str(t),
            "nulls": nulls[k],
            "distinct": int(distinct[k]),
        }
        if kind == "numeric" or (kind == "identifier" and pa.types.is_integer(t)):
            column.update(
                min=_plain(float(low[k])),
                max=_plain(float(high[k])),
                mean=_plain(float(mean[k])),
                std=_plain(float(std[k])) if non_null > 1 else None,
                quantiles={q: _plain(float(v)) for q, v in zip(("25%", "50%", "75%"), quartiles[:, k])}
                if non_null
                else {},
            )
        out.append(column)
    return out


def _exact_columns(table: pa.Table) -> list[dict[str, Any]]:
    """`_exact` for every column of `table`; numeric columns of a wide table together."""
    done: dict[int, dict[str, Any]] = {}
    if table.num_columns > MANY_COLUMNS:
        by_type: dict[pa.DataType, list[int]] = {}
        for j, f in enumerate(table.schema):
            if pa.types.is_integer(f.type) or pa.types.is_floating(f.type):
                by_type.setdefault(f.type, []).append(j)
        for members in by_type.values():
            for j, column in zip(members, _numeric_many(table, members) or []):
                done[j] = column
    return [done[j] if j in done else _exact(name, table.column(j)) for j, name in enumerate(table.column_names)]


def _dictionary_counts(values: pa.DictionaryArray) -> pa.StructArray:
    """`value_counts` of a dictionary-encoded column, as of its decoded values: the indices are
    counted (no text hashed per row), the values that occur are then looked up once each."""
    counts = pc.value_counts(values.indices)
    present = pc.is_valid(counts.field("values"))
    indices, numbers = counts.field("values").filter(present), counts.field("counts").filter(present)
    decoded = values.dictionary.take(indices)
    if len(pc.unique(decoded)) < len(decoded):  # a value twice in the dictionary: summed
        summed = pa.table({"values": decoded, "counts": numbers}).group_by("values").aggregate([("counts", "sum")])
        decoded, numbers = summed.column("values").combine_chunks(), summed.column("counts_sum").combine_chunks()
    return pa.StructArray.from_arrays([decoded, numbers], names=["values", "counts"])


def _dictionary_columns(parquet: pq.ParquetFile) -> list[str]:
    """Text columns written dictionary-encoded in every row group: read as dictionaries, their
    values are decoded once per row group rather than copied out for every row."""
    meta = parquet.metadata
    names = []
    leaf = 0  # the field's first column in the file (nested fields span several)
    for field in parquet.schema_arrow:
        if (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)) and all(
            meta.row_group(g).column(leaf).has_dictionary_page for g in range(meta.num_row_groups)
        ):
            names.append(field.name)
        leaf += _leaves(field.type)
    return names


def _even(batches: Any, size: int) -> Any:
    """The rows of `batches` in batches of exactly `size` (the last one fewer): reading
    dictionaries, Parquet's reader also cuts at every row group, and the statistics (float sums
    in batch order, the sample's draws) are those of the same batches as the stream profile's."""
    held: list[pa.RecordBatch] = []
    count = 0
    for batch in batches:
        while batch.num_rows:
            take = min(size - count, batch.num_rows)
            held.append(batch.slice(0, take))
            count += take
            batch = batch.slice(take)
            if count == size:
                yield _joined(held)
                held, count = [], 0
    if held:
        yield _joined(held)


def _joined(parts: list[pa.RecordBatch]) -> pa.RecordBatch:
    if len(parts) == 1:
        return parts[0]
    columns = []
    for j in range(parts[0].num_columns):
        arrays = [part.column(j) for part in parts]
        if pa.types.is_dictionary(arrays[0].type):  # each row group has a dictionary of its own
            arrays = [a.dictionary_decode() for a in arrays]
        columns.append(pa.concat_arrays(arrays))
    return pa.RecordBatch.from_arrays(columns, names=parts[0].schema.names)


def _leaves(t: pa.DataType) -> int:
    """How many Parquet columns a field of type `t` is stored as."""
    if pa.types.is_struct(t):
        return sum(_leaves(t.field(i).type) for i in range(t.num_fields))
    if pa.types.is_map(t):
        return _leaves(t.key_type) + _leaves(t.item_type)
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        return _leaves(t.value_type)
    return 1


def _merged(c: _Column, distinct: int) -> dict[str, Any]:
    sample = pa.concat_arrays([s.cast(c.type) for s in c.sample]) if c.sample else pa.array([], c.type)
    valid = sample.filter(pc.is_valid(sample)) if len(sample) else sample
    kind = _kind(c.name, c.type, c.non_null, distinct, valid)
    out: dict[str, Any] = {
        "name": c.name,
        "kind": kind,
        "dtype": str(c.type),
        "nulls": c.rows - c.non_null,
        "distinct": distinct,
        "estimated": ["distinct"],
    }
    if kind == "numeric" or (kind == "identifier" and pa.types.is_integer(c.type)):
        n = c.non_null
        mean = c.total / n if n else None
        var = (c.squares - n * mean * mean) / (n - 1) if n > 1 and mean is not None else None
        q = pc.quantile(pc.cast(valid, pa.float64(), safe=False), q=[0.25, 0.5, 0.75]).to_pylist() if len(valid) else []
        out.update(
            min=_plain(c.low),
            max=_plain(c.high),
            mean=_plain(mean),
            std=_plain(math.sqrt(max(var, 0.0)) if var is not None else None),
            quantiles={"25%": _plain(q[0]), "50%": _plain(q[1]), "75%": _plain(q[2])} if q else {},
        )
        out["estimated"].append("quantiles")
    elif kind == "datetime":
        out["min"], out["max"] = _plain(c.low), _plain(c.high)
    if kind in ("categorical", "boolean", "text", "identifier", "nested") and not pa.types.is_integer(c.type):
        merged = c.merged_counts() if c.counts is not None else None
        if merged is not None and len(merged) <= EXACT_TOP_MAX:
            out["top"] = _top(merged)
        else:
            text = _as_text(valid) if _nested(c.type) else valid
            out["top"] = _top(pc.value_counts(text)) if len(text) else []
            out["estimated"].append("top")
    return out


def _distinct_sql(names: list[str], types: list[pa.DataType]) -> str:
    exprs = []
    for name, t in zip(names, types):
        ident = '"' + name.replace('"', '""') + '"'
        exprs.append(
            f"approx_count_distinct(CAST({ident} AS VARCHAR))" if _nested(t) else f"approx_count_distinct({ident})"
        )
    return ", ".join(exprs)


def _approx_distinct(path: Path, names: list[str], types: list[pa.DataType]) -> list[int]:
    """HyperLogLog distinct counts, streamed by DuckDB over the Parquet file (bounded memory)."""
    import duckdb

    con = duckdb.connect(config={"threads": 2, "memory_limit": "256MB"})
    try:
        out: list[int] = []
        for k in range(0, len(names), 200):
            exprs = _distinct_sql(names[k : k + 200], types[k : k + 200])
            path_sql = "'" + str(path).replace("'", "''") + "'"
            out += [int(v or 0) for v in con.sql(f"SELECT {exprs} FROM read_parquet({path_sql})").fetchall()[0]]
        return out
    finally:
        con.close()


def _type_kind(t: pa.DataType) -> str:
    """A column's kind from its type alone (before its values are looked at)."""
    if _nested(t):
        return "nested"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_timestamp(t) or pa.types.is_date(t):
        return "datetime"
    if pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t):
        return "numeric"
    return "text"


def card_profile(path: str | Path) -> dict[str, Any]:
    """What the dataset card shows at once, from the Parquet footer and the first rows (no
    pass over the data): shape, each column's type and kind by type, its missing values (the
    footer's counts), no distinct counts yet, the sample rows; `pending` until `profile_parquet`
    replaces it."""
    parquet = pq.ParquetFile(path, pre_buffer=False)
    meta = parquet.metadata
    schema = parquet.schema_arrow
    # The footer's missing-value counts, per leaf column and row group: a column without nested
    # fields is one leaf, in the schema's order (others are counted by the full profile).
    flat = meta.num_columns == len(schema.names)
    nulls: list[int | None] = [0 if flat else None] * len(schema.names)
    for g in range(meta.num_row_groups if flat else 0):
        group = meta.row_group(g)
        for j in range(len(nulls)):
            if nulls[j] is None:
                continue
            stats = group.column(j).statistics
            nulls[j] = nulls[j] + stats.null_count if stats is not None and stats.has_null_count else None
    head = next(parquet.iter_batches(batch_size=SAMPLE_ROWS), None)
    sample = [{k: _plain(v) for k, v in row.items()} for row in head.to_pylist()] if head is not None else []
    return {
        "rows": meta.num_rows,
        "columns": len(schema.names),
        "pending": True,
        "sample": sample,
        "column_profiles": [
            {
                "name": f.name,
                "kind": _type_kind(f.type),
                "dtype": str(f.type),
                "nulls": n if n is not None else 0,
                "distinct": None,
            }
            for f, n in zip(schema, nulls)
        ],
    }


def profile_column(name: str, column: pa.ChunkedArray) -> dict[str, Any]:
    """The exact profile of one column held in memory."""
    return _exact(name, column)


def _exact_all(
    read: Any, names: list[str], rows: int, progress: Any = None
) -> tuple[list[dict[str, Any]], pa.Table | None]:
    """The exact profile of every column of a small table, `read` giving the columns asked
    for (one chunk each), a few at a time: about a million cells in memory, whatever the
    shape. Also the first rows, when every column was read at once."""
    step = max(1, min(len(names), 1_000_000 // max(rows, 1)))
    columns: list[dict[str, Any]] = []
    first_rows = None
    for k in range(0, len(names), step):
        if progress is not None:
            progress.update("profiling", k, len(names))
        chunk = read(names[k : k + step])
        if step >= len(names):
            first_rows = chunk.slice(0, SAMPLE_ROWS)  # every column is here: no second read
        columns += _exact_columns(chunk)
    return columns, first_rows


def profile_parquet(path: str | Path, progress: Any = None) -> dict[str, Any]:
    """Profile a Parquet file in bounded memory (exact for small tables, estimates for large)."""
    # pre_buffer=False: by default iterating batches caches the whole file's column chunks
    parquet = pq.ParquetFile(path, pre_buffer=False)
    rows = parquet.metadata.num_rows
    schema = parquet.schema_arrow
    names = schema.names
    columns: list[dict[str, Any]] = []
    first_rows: pa.Table | None = None
    if rows <= EXACT_ROWS:
        columns, first_rows = _exact_all(lambda chunk: parquet.read(columns=chunk), names, rows, progress)
    else:
        import numpy as np

        share = min(1.0, SAMPLE_VALUES / rows)
        step = max(1, min(len(names), 200))
        # Text columns Parquet holds as dictionaries are read as such (the statistics are those
        # of the decoded values: `_Column.add`): on the 1 GB benchmark file the pass took 2.3-2.75 s
        # of processor time instead of 2.95-3.3 s.
        encoded = pq.ParquetFile(path, pre_buffer=False, read_dictionary=_dictionary_columns(parquet))
        # DuckDB's HyperLogLog pass reads the file beside the statistics pass (it leaves the GIL):
        # the profile then takes the longer of the two, not both one after the other.
        with ThreadPoolExecutor(1, thread_name_prefix="vista-distinct") as pool:
            counting = pool.submit(_approx_distinct, Path(path), names, schema.types)
            for k in range(0, len(names), step):
                # the same rows sampled every time, and for every column
                rng = np.random.default_rng(0)
                chunk = names[k : k + step]
                merged = [_Column(n, schema.field(n).type, rows) for n in chunk]
                done = 0
                for batch in _even(encoded.iter_batches(batch_size=BATCH_ROWS, columns=chunk), BATCH_ROWS):
                    keep = pa.array(rng.random(batch.num_rows) < share)
                    for j, c in enumerate(merged):
                        c.add(batch.column(j), keep)
                    done += batch.num_rows
                    if progress is not None:
                        progress.update("profiling", k * rows + done * len(chunk), rows * len(names))
                distinct = counting.result()
                columns += [_merged(c, d) for c, d in zip(merged, distinct[k : k + step])]
    head = first_rows if first_rows is not None else next(parquet.iter_batches(batch_size=SAMPLE_ROWS), None)
    sample = [{k: _plain(v) for k, v in row.items()} for row in head.to_pylist()] if head is not None else []
    pa.default_memory_pool().release_unused()
    return {"rows": rows, "columns": len(names), "column_profiles": columns, "sample": sample}


#: Bytes of batches a stream profile holds to profile a small table exactly; a table of at most
#: `EXACT_ROWS` rows that is larger (hundreds of columns) is profiled from its file instead.
HOLD_BYTES = 64 << 20
#: Bytes of row groups waiting for a stream profile's thread before the writing waits for it.
QUEUE_BYTES = 128 << 20
#: Widest table whose HyperLogLog counts DuckDB takes from the stream (one query over every
#: column); a wider large table has them counted over its file afterwards.
STREAM_DISTINCT_COLUMNS = 200


class StreamProfile:
    """The profile of a table computed from its batches as they are written (`add` each one,
    in order, then `close`), on a thread of its own: `finish` gives what `profile_parquet`
    gives for the file written, without reading it again, or None when it cannot (then profile
    the file).

    Up to `EXACT_ROWS` rows the batches are held (at most `HOLD_BYTES`) and profiled exactly
    when asked; past it they are merged as they come in batches of `BATCH_ROWS` rows, as
    `profile_parquet` reads them: the same counts and ranges, the same sampled rows (each row's
    random draw is the same, and the rows kept are those whose draw is under the final share,
    known at the end), the same HyperLogLog counts (DuckDB reads the stream itself)."""

    def __init__(self, schema: pa.Schema):
        self.schema = schema
        self.rows = 0
        self._held: list[pa.Table] | None = []
        self._held_bytes = 0
        self._first: list[dict[str, Any]] = []  # the first rows, as the profile shows them
        #: Statistics of a large table, batch by batch (None until the table is large).
        self._columns: list[_Column] | None = None
        self._rest: pa.Table | None = None  # rows not yet merged: less than a batch
        self._rng: Any = None
        self._draws: list[Any] = []  # each sampled row's draw, in order
        self._sampled = 0
        self._fed = 0
        self._distinct: list[int] | None = None
        #: Exact profile impossible from the stream (held too much), or a failure: read the file.
        self._from_file = False
        self._aborted = False
        self._ended = False  # the end of the stream was taken from the queue
        # Row groups wait here for the profile's thread, up to QUEUE_BYTES. The thread starts
        # only once half of that waits, or the writing ended: a table that small is profiled
        # after it was read, from memory, rather than slow its reading down (the reading's
        # threads use both cores); a larger one is profiled meanwhile, at most that far behind.
        self._queue: queue.Queue = queue.Queue()
        self._room = threading.Condition()
        self._queued = 0
        self._go = threading.Event()
        self._stream_distinct = len(schema) <= STREAM_DISTINCT_COLUMNS and not any(_nested(t) for t in schema.types)
        self._thread = threading.Thread(target=self._run, name="vista-profile", daemon=True)
        self._thread.start()

    # --- the writer's side ---

    def add(self, table: pa.Table) -> None:
        self._put(table)

    def close(self) -> None:
        """No more batches (the profile is completed on its thread)."""
        self._put(None)

    def abort(self) -> None:
        self._aborted = True
        self._put(None)

    def _put(self, item: pa.Table | None) -> None:
        size = item.nbytes if item is not None else 0
        with self._room:
            # never waits for a thread that is gone; one table always fits
            while self._queued and self._queued + size > QUEUE_BYTES and self._thread.is_alive():
                self._go.set()  # room is made by the thread: it runs from now on
                self._room.wait(0.2)
            self._queued += size
            self._queue.put(item)
            if item is None or self._queued >= QUEUE_BYTES // 2:
                self._go.set()

    def finish(self, path: str | Path) -> dict[str, Any] | None:
        """The profile of the table written to `path` (waits for the thread), or None: profile
        the file (`profile_parquet`)."""
        self._thread.join()
        if self._aborted or self._from_file:
            return None
        names = self.schema.names
        try:
            if self._columns is None:
                table = pa.concat_tables(self._held) if self._held else self.schema.empty_table()
                self._held = None
                # one chunk per column, as read from the file (a few columns at a time)
                columns, _ = _exact_all(lambda chunk: table.select(chunk).combine_chunks(), names, self.rows)
            else:
                distinct = self._distinct
                if distinct is None:
                    distinct = _approx_distinct(Path(path), names, self.schema.types)
                share = min(1.0, SAMPLE_VALUES / max(self.rows, 1))
                columns = []
                for c, d in zip(self._columns, distinct):
                    c.rows = self.rows
                    self._subsample(c, share)
                    columns.append(_merged(c, d))
            return {"rows": self.rows, "columns": len(names), "column_profiles": columns, "sample": self._first}
        finally:
            self._columns = None
            pa.default_memory_pool().release_unused()

    # --- the profile's thread ---

    def _run(self) -> None:
        self._go.wait()
        if self._stream_distinct and not self._aborted:
            try:
                import duckdb

                con = duckdb.connect(config={"threads": 1, "memory_limit": "256MB"})
                try:
                    con.register("stream", pa.RecordBatchReader.from_batches(self.schema, self._batches()))
                    sql = f"SELECT {_distinct_sql(self.schema.names, self.schema.types)} FROM stream"
                    self._distinct = [int(v or 0) for v in con.sql(sql).fetchall()[0]]
                finally:
                    con.close()
            except Exception:
                self._distinct = None  # counted over the file at the end
        for _ in self._batches():  # whatever DuckDB did not take (all of it without DuckDB)
            pass

    def _batches(self) -> Any:
        while not self._ended:
            table = self._queue.get()
            if table is None:
                self._ended = True
                break
            with self._room:
                self._queued -= table.nbytes
                self._room.notify_all()
            if not (self._aborted or self._from_file):
                try:
                    self._take(table)
                except Exception:
                    self._from_file = True
            yield from table.to_batches()
        if not (self._aborted or self._from_file) and self._columns is not None and self._rest is not None:
            try:
                self._merge(self._rest)
            except Exception:
                self._from_file = True
            self._rest = None

    def _take(self, table: pa.Table) -> None:
        self.rows += table.num_rows
        if len(self._first) < SAMPLE_ROWS:
            head = table.slice(0, SAMPLE_ROWS - len(self._first)).to_pylist()
            self._first += [{k: _plain(v) for k, v in row.items()} for row in head]
        if self._held is not None:
            self._held.append(table)
            self._held_bytes += table.nbytes
            if self.rows <= EXACT_ROWS:
                if self._held_bytes > HOLD_BYTES:
                    self._from_file = True
                    self._held = None
                return
            # larger than an exact profile takes: merged from here, the held rows first
            held, self._held = self._held, None
            self._columns = [_Column(f.name, f.type, 0) for f in self.schema]
            import numpy as np

            self._rng = np.random.default_rng(0)
            for part in held:
                self._feed(part)
            return
        self._feed(table)

    def _feed(self, table: pa.Table) -> None:
        """Merge `table`'s rows in batches of BATCH_ROWS counted from the table's first row."""
        if self._rest is not None:
            table = pa.concat_tables([self._rest, table])
            self._rest = None
        start = 0
        while table.num_rows - start >= BATCH_ROWS:
            self._merge(table.slice(start, BATCH_ROWS))
            start += BATCH_ROWS
        if start < table.num_rows:
            self._rest = table.slice(start)

    def _merge(self, table: pa.Table) -> None:
        batch = table.combine_chunks()
        draws = self._rng.random(batch.num_rows)
        self._fed += batch.num_rows
        # rows under the share of the rows seen so far: a superset of those under the final one
        share = min(1.0, SAMPLE_VALUES / self._fed)
        below = draws < share
        keep = pa.array(below)
        self._draws.append(draws[below])
        self._sampled += int(below.sum())
        for c, column in zip(self._columns or [], batch.columns):
            c.add(column.chunk(0) if column.num_chunks == 1 else column.combine_chunks(), keep)
        if self._sampled > 4 * SAMPLE_VALUES:  # thinned to the current share (bounded memory)
            for c in self._columns or []:
                self._subsample(c, share)

    def _subsample(self, c: _Column, share: float) -> None:
        """Keep the sampled rows whose draw is under `share` (every column keeps the same rows)."""
        import numpy as np

        draws = np.concatenate(self._draws) if self._draws else np.zeros(0)
        keep = pa.array(draws < share)
        sample = pa.concat_arrays([s.cast(c.type) for s in c.sample]) if c.sample else pa.array([], c.type)
        c.sample = [sample.filter(keep)]
        if c is (self._columns or [None])[-1]:  # the last column: the draws follow
            self._draws = [draws[draws < share]]
            self._sampled = len(self._draws[0])


# --- the model's view ---------------------------------------------------------------------------


def _number(x: Any) -> str:
    if x is None:
        return "?"
    if isinstance(x, float):
        if x == int(x) and abs(x) < 1e15:
            return str(int(x))
        return f"{x:.4g}"
    return str(x)


def _column_line(c: dict[str, Any]) -> str:
    parts = [c["kind"]]
    if c["nulls"]:
        parts.append(f"{c['nulls']} missing")
    detail = ""
    if "mean" in c:
        detail = (
            f"min {_number(c['min'])}, median {_number(c['quantiles'].get('50%'))}, "
            f"max {_number(c['max'])}, mean {_number(c['mean'])}"
        )
    elif c["kind"] == "datetime":
        detail = f"{c.get('min')} to {c.get('max')}"
    elif c.get("top"):
        shown = ", ".join(f"{_plain(t['value'], 24)!s} ({t['count']})" for t in c["top"][:TOP_VALUES])
        detail = f"{c['distinct']} distinct; top: {shown}"
    return f"- {c['name']} ({', '.join(parts)})" + (f": {detail}" if detail else "")


def summary_text(name: str, profile: dict[str, Any], budget: int = SUMMARY_BUDGET) -> str:
    """A compact description of a dataset for the model, at most `budget` characters."""
    lines = [f"Dataset {name}: {profile['rows']:,} rows x {profile['columns']:,} columns.", "Columns:"]
    used = sum(len(x) + 1 for x in lines)
    columns = profile["column_profiles"]
    shown = 0
    reserve = 600  # room for the "more columns" line and the sample
    for c in columns:
        line = _column_line(c)
        if used + len(line) + 1 > budget - reserve:
            break
        lines.append(line)
        used += len(line) + 1
        shown += 1
    rest = columns[shown:]
    if rest:
        by_kind: dict[str, list[str]] = {}
        for c in rest:
            by_kind.setdefault(c["kind"], []).append(c["name"])
        groups = []
        for kind, names in by_kind.items():
            listed = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
            groups.append(f"{len(names)} {kind} ({listed})")
        more = f"... and {len(rest):,} more columns: " + "; ".join(groups)
        lines.append(more[: max(0, budget - used - 200)])
        used += len(lines[-1]) + 1
    if profile["sample"] and used < budget - 100:
        first = profile["sample"][0]
        cells = [f"{k}={_number(v) if isinstance(v, float) else _plain(v, 20)}" for k, v in list(first.items())[:12]]
        sample = "First row: " + ", ".join(cells) + (", ..." if len(first) > 12 else "")
        lines.append(sample[: budget - used - 1])
    return "\n".join(lines)[:budget]
