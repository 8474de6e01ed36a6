"""Dataset profiles: what is in a table, computed once at ingest from its Parquet file.

Two forms: `profile_parquet` gives JSON for the sidebar's dataset card (shape, per-column kind,
missing values, distinct counts, ranges, quantiles or top values, sample rows), and
`summary_text` turns that into a compact text for the model that stays within a fixed budget
(about 1,500 tokens) however many columns the table has.

Columns are read one at a time with pyarrow compute, so profiling a table much larger than memory
only needs one column in memory at once.
"""

from __future__ import annotations

import json

import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

#: Column kinds, from most to least specific.
KINDS = ("boolean", "datetime", "numeric", "identifier", "categorical", "text")

SAMPLE_ROWS = 5
TOP_VALUES = 5
#: A string column with at most this many distinct values (or this share of rows) is categorical.
CATEGORICAL_MAX = 50
CATEGORICAL_SHARE = 0.05
#: Text budget of the model summary, in characters (~4 characters per token: ~1,500 tokens).
SUMMARY_BUDGET = 6000

_ID_NAME = re.compile(r"(^|[_\s-])(id|key|code|uuid|no|number)$|^id[_\s-]|identifier", re.I)


def _plain(value: Any, cut: int = 80) -> Any:
    """A JSON-safe version of a cell value (strings cut to `cut` characters)."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, str):
        return value if len(value) <= cut else value[: cut - 1] + "…"
    if isinstance(value, (bool, int)):
        return value
    return _plain(str(value), cut)


def _kind(name: str, column: pa.ChunkedArray, rows: int, distinct: int) -> str:
    t = column.type
    non_null = rows - column.null_count
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_timestamp(t) or pa.types.is_date(t):
        return "datetime"
    if pa.types.is_integer(t):
        if non_null > 1 and distinct == non_null and _ID_NAME.search(name):
            return "identifier"
        return "numeric"
    if pa.types.is_floating(t) or pa.types.is_decimal(t):
        return "numeric"
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_dictionary(t):
        if distinct <= 2 and non_null > 0:
            lowered = {str(v).strip().lower() for v in pc.unique(column).to_pylist() if v is not None}
            if lowered and lowered <= {"true", "false", "yes", "no", "y", "n", "t", "f"}:
                return "boolean"
        if distinct <= max(CATEGORICAL_MAX, CATEGORICAL_SHARE * non_null) and distinct < non_null:
            return "categorical"
        lengths = pc.utf8_length(column.cast(pa.string()))
        mean_length = pc.mean(lengths).as_py() or 0
        has_space = pc.any(pc.match_substring(column.cast(pa.string()), " ")).as_py()
        if distinct == non_null and (not has_space or _ID_NAME.search(name)) and mean_length <= 40:
            return "identifier"
        if distinct <= max(CATEGORICAL_MAX, CATEGORICAL_SHARE * non_null):
            return "categorical"
        return "text"
    return "text"


def _numeric_stats(column: pa.ChunkedArray) -> dict[str, Any]:
    column = column.cast(pa.float64())
    minmax = pc.min_max(column)
    q = pc.quantile(column, q=[0.25, 0.5, 0.75]).to_pylist() if column.null_count < len(column) else []
    return {
        "min": _plain(minmax["min"].as_py()),
        "max": _plain(minmax["max"].as_py()),
        "mean": _plain(pc.mean(column).as_py()),
        "std": _plain(pc.stddev(column, ddof=1).as_py()),
        "quantiles": {"25%": _plain(q[0]), "50%": _plain(q[1]), "75%": _plain(q[2])} if q else {},
    }


def _top_values(column: pa.ChunkedArray) -> list[dict[str, Any]]:
    counts = pc.value_counts(column.drop_null())
    if len(counts) == 0:
        return []
    values, freq = counts.field("values"), counts.field("counts")
    top = pc.array_sort_indices(freq, order="descending")[:TOP_VALUES].to_pylist()
    return [{"value": _plain(values[i].as_py()), "count": freq[i].as_py()} for i in top]


def profile_column(name: str, column: pa.ChunkedArray) -> dict[str, Any]:
    """The profile of one column."""
    dtype = str(column.type)
    if pa.types.is_nested(column.type):
        # Lists and records (nested JSON) have no distinct count or order: profiled as their
        # JSON text, as a person would read them.
        column = pa.chunked_array([pa.array(
            [None if v is None else json.dumps(v, default=str, ensure_ascii=False)
             for v in column.to_pylist()], pa.string())])
    rows = len(column)
    distinct = pc.count_distinct(column, mode="only_valid").as_py()
    kind = _kind(name, column, rows, distinct)
    out: dict[str, Any] = {
        "name": name,
        "kind": kind,
        "dtype": dtype,
        "nulls": column.null_count,
        "distinct": distinct,
    }
    t = column.type
    if kind in ("numeric",) or (kind == "identifier" and pa.types.is_integer(t)):
        out.update(_numeric_stats(column))
    elif kind == "datetime":
        minmax = pc.min_max(column)
        out["min"], out["max"] = _plain(minmax["min"].as_py()), _plain(minmax["max"].as_py())
    if kind in ("categorical", "boolean", "text", "identifier") and not pa.types.is_integer(t):
        out["top"] = _top_values(column)
    return out


def profile_parquet(path: str | Path) -> dict[str, Any]:
    """Profile a Parquet file column by column."""
    parquet = pq.ParquetFile(path)
    rows = parquet.metadata.num_rows
    names = parquet.schema_arrow.names
    columns = []
    for name in names:
        column = parquet.read(columns=[name]).column(0)
        columns.append(profile_column(name, column))
    head = next(parquet.iter_batches(batch_size=SAMPLE_ROWS), None)
    sample = (
        [{k: _plain(v) for k, v in row.items()} for row in head.to_pylist()] if head is not None else []
    )
    return {"rows": rows, "columns": len(names), "column_profiles": columns, "sample": sample}


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
        detail = f"min {_number(c['min'])}, median {_number(c['quantiles'].get('50%'))}, " \
                 f"max {_number(c['max'])}, mean {_number(c['mean'])}"
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
