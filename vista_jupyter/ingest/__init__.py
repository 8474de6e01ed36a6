"""Reading users' data files: format, encoding, dialect, table layout, types -> Parquet.

`read_table` reads a file exactly as Vista does; `ingest_to_parquet` writes it once as Parquet
(atomically) and says what it found. `engine.py` is the one reading path of delimited text:
sniffing on samples in Python, the body streamed by Arrow's parser (DuckDB's for irregular
tables) and typed with vectorised kernels.
"""

from .engine import Cancelled, Progress
from .reader import IngestLimits, IngestResult, ingest_to_parquet, list_sheets, read_table

__all__ = ["Cancelled", "IngestLimits", "IngestResult", "Progress", "ingest_to_parquet", "list_sheets", "read_table"]
