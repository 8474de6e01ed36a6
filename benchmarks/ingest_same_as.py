"""Whether this tree's reader reads files as another revision's does: for every file given (or
under every folder given), typed and as text, the same Parquet table (schema, values,
metadata), detected options and warnings, or the same error. Prints each difference and a count.

    python benchmarks/ingest_same_as.py --ref main /tmp/csvcorpus/files /tmp/pollution FILE.csv
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import _main_copy


def _read(reader: Any, ingest: Any, path: str, types: bool) -> tuple:
    import pyarrow.parquet as pq

    with tempfile.TemporaryDirectory(prefix="vista-same-") as work:
        out, detected, warnings = Path(work, "t.parquet"), {}, []
        try:
            reader._to_parquet(
                Path(path), out, Path(work), ingest.IngestLimits(), ingest.Progress(), types, None, detected, warnings
            )
        except Exception as e:
            return ("error", type(e).__name__, str(e))
        return (pq.read_table(out), json.dumps(detected, sort_keys=True, default=str), warnings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ref", default="main")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    _main_copy.load(args.ref)
    import vista_ref.ingest as ref_ingest
    import vista_ref.ingest.reader as ref_reader

    import vista_jupyter.ingest as this_ingest
    import vista_jupyter.ingest.reader as this_reader

    files = sorted(
        f
        for a in args.paths
        for f in (glob.glob(a + "/**/*", recursive=True) if os.path.isdir(a) else [a])
        if os.path.isfile(f) and not f.endswith(".json")
    )
    differ = readings = 0
    start = time.time()
    for f in files:
        for types in (True, False):
            a = _read(ref_reader, ref_ingest, f, types)
            b = _read(this_reader, this_ingest, f, types)
            readings += 1
            if a[0] == "error" or b[0] == "error":
                same = a == b
            else:
                same = a[0].equals(b[0], check_metadata=True) and a[1:] == b[1:]
            if not same:
                differ += 1
                print("DIFF", f, "typed" if types else "text", str(a)[:300], "|", str(b)[:300], flush=True)
    print(f"{readings} readings, {differ} differ ({time.time() - start:.0f} s)")


if __name__ == "__main__":
    main()
