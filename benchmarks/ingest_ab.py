"""Another revision's reader, this tree's and bare pyarrow (`read_csv` + `write_table`) in ONE
warm process, interleaved with the order rotating: medians of each round's processor time and
wall time over pyarrow's. Rounds per file: 21 below 5 MB, 15 below 25 MB, 9 below 100 MB, else 3
($AB_ROUNDS for all).

    nice python benchmarks/ingest_ab.py --ref main FILE.csv [FILE.csv ...]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import tempfile
import time
from pathlib import Path

import _main_copy


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ref", default="main")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    _main_copy.load(args.ref)
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq
    import vista_ref.ingest.reader as ref_reader

    import vista_jupyter.ingest.reader as this_reader

    readers = {
        "pyarrow": lambda src, out: pq.write_table(pcsv.read_csv(src), out),
        args.ref: ref_reader.ingest_to_parquet,
        "this tree": this_reader.ingest_to_parquet,
    }
    names = list(readers)
    work = Path(tempfile.mkdtemp(prefix="vista-ab-"))
    print(f"| file (rounds) | {args.ref} | this tree |\n|---|---|---|")
    for src in args.files:
        size = os.path.getsize(src) / (1 << 20)
        rounds = int(os.environ.get("AB_ROUNDS") or (21 if size < 5 else 15 if size < 25 else 9 if size < 100 else 3))
        cpu: dict[str, list[float]] = {k: [] for k in names}
        wall: dict[str, list[float]] = {k: [] for k in names}
        for r in range(rounds + 1):  # the first round warms the process up and is not counted
            for k in names[r % len(names) :] + names[: r % len(names)]:
                out = work / "out.parquet"
                gc.collect()
                c, w = time.process_time(), time.perf_counter()
                readers[k](src, out)
                c, w = time.process_time() - c, time.perf_counter() - w
                out.unlink(missing_ok=True)
                if r:
                    cpu[k].append(c)
                    wall[k].append(w)
        cells = []
        for k in names[1:]:
            rc = statistics.median(a / b for a, b in zip(cpu[k], cpu["pyarrow"]))
            rw = statistics.median(a / b for a, b in zip(wall[k], wall["pyarrow"]))
            cells.append(f"{rc:.2f}x / {rw:.2f}x ({statistics.median(cpu[k]) * 1000:.1f} ms)")
        print(f"| {size:.1f} MB ({rounds}) | " + " | ".join(cells) + " |", flush=True)
    print("load average", os.getloadavg())


if __name__ == "__main__":
    main()
