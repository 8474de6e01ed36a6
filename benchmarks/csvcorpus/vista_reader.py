"""Vista's reader as a plug-in of the corpus runner: `python run.py --reader vista_reader:read`.

`read(path)` reads the file exactly as Vista does, every cell as its original text
(`read_table(path, types=False)`), and returns (header or None, rows of strings). Names Vista
invents (`column_3` for the third column when the file has no header, or a blank header cell
there) are mapped back to "no name", as the baselines' adapters map `Unnamed: 3` and `column3`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path


def read(path):
    import pyarrow.parquet as pq

    from vista_jupyter.ingest import IngestLimits, Progress
    from vista_jupyter.ingest.reader import _to_parquet  # what read_table(types=False) runs

    with tempfile.TemporaryDirectory(prefix="vista-corpus-") as work:
        out = Path(work, "table.parquet")
        detected: dict = {}
        _to_parquet(Path(path), out, Path(work), IngestLimits(), Progress(), False, None, detected, [])
        table = pq.read_table(out)
    names = table.column_names
    if detected.get("header_rows", 1) == 0:
        header = None
    else:
        header = ["" if n == f"column_{j + 1}" else n for j, n in enumerate(names)]
    columns = [c.to_pylist() for c in table.columns]
    rows = [["" if v is None else str(v) for v in r] for r in zip(*columns)]
    return header, rows
