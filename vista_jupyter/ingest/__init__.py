"""TEMPORARY minimal reader used until the full ingest engine lands (overwrite freely)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..errors import InvalidInput, UnsupportedType


@dataclass
class IngestLimits:
    max_decompressed_bytes: int = 20 << 30
    max_line_bytes: int = 16 << 20


@dataclass
class IngestResult:
    rows: int
    columns: list[str]
    detected: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def ingest_to_parquet(src, dest, *, limits=None) -> IngestResult:
    src, dest = Path(src), Path(dest)
    if src.stat().st_size == 0:
        raise InvalidInput("The file is empty.")
    head = src.read_bytes()[:4096]
    if b"\x00" in head:
        raise UnsupportedType("This file is not a table Vista can read.")
    try:
        table = pacsv.read_csv(src)
    except Exception as e:
        raise UnsupportedType(f"This file is not a table Vista can read: {e}") from None
    tmp = dest.with_name(dest.name + ".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, dest)
    return IngestResult(table.num_rows, table.column_names, {"format": "csv"}, [])
