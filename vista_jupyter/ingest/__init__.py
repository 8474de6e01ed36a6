"""Reading users' data files: format, encoding, dialect, table layout, types -> Parquet.

`read_table` reads a file exactly as Vista does; `ingest_to_parquet` writes it once as Parquet
(atomically) and says what it found. See `reader.py` for the two paths (fast and robust).
"""

from .reader import IngestLimits, IngestResult, ingest_to_parquet, list_sheets, read_table

__all__ = ["IngestLimits", "IngestResult", "ingest_to_parquet", "list_sheets", "read_table"]
