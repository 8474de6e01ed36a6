"""Ingest at scale: a generated mixed-type CSV through Vista's reader vs bare pyarrow and pandas.

Size from $VISTA_BENCH_CSV_MB (default 300 MB, so the table prints in about a minute; the issue's
reference size is 1 GB: VISTA_BENCH_CSV_MB=1000). Each contender runs in a fresh subprocess that
reports its own wall time and peak RSS.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from common import Result

CONTENDERS = {
    "vista": (
        "from vista_jupyter.ingest import ingest_to_parquet\n"
        "r = ingest_to_parquet(SRC, OUT)\nrows = r.rows\n"
    ),
    "pyarrow": (
        "import pyarrow.csv as c, pyarrow.parquet as pq\n"
        "t = c.read_csv(SRC)\npq.write_table(t, OUT)\nrows = t.num_rows\n"
    ),
    "pandas": (
        "import pandas as pd\n"
        "df = pd.read_csv(SRC)\ndf.to_parquet(OUT)\nrows = len(df)\n"
    ),
}

WRAPPER = """
import json, resource, sys, time
SRC, OUT = sys.argv[1], sys.argv[2]
_t0 = time.perf_counter()
{code}
elapsed = time.perf_counter() - _t0
print(json.dumps({{"seconds": elapsed, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rows": rows}}))
"""


def generate(path: Path, megabytes: int) -> None:
    rng = random.Random(7)
    cities = ["Seoul", "Busan", "Incheon", "Daegu", "Daejeon", "Gwangju", "Ulsan", "Suwon"]
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
    target = megabytes << 20
    with open(path, "w") as f:
        f.write("id,city,amount,ratio,count,date,active,comment\n")
        written, i = 0, 0
        while written < target:
            lines = []
            for _ in range(10_000):
                i += 1
                lines.append(
                    f"{i},{rng.choice(cities)},{rng.uniform(0, 10000):.2f},{rng.random():.6f},"
                    f"{rng.randint(0, 500)},2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},"
                    f"{rng.choice(['true', 'false'])},{' '.join(rng.choices(words, k=4))}\n"
                )
            chunk = "".join(lines)
            f.write(chunk)
            written += len(chunk)


def run() -> list[Result]:
    megabytes = int(os.environ.get("VISTA_BENCH_CSV_MB", "300"))
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="vista-bench-ingest-") as tmp:
        src = Path(tmp, "data.csv")
        generate(src, megabytes)
        measured = {}
        for name, code in CONTENDERS.items():
            out = Path(tmp, f"{name}.parquet")
            done = subprocess.run([sys.executable, "-c", WRAPPER.format(code=code), str(src), str(out)],
                                  capture_output=True, text=True, check=True)
            measured[name] = json.loads(done.stdout.strip().splitlines()[-1])
            out.unlink()
    label = f"ingest {megabytes} MB CSV"
    for name, m in measured.items():
        results.append(Result(label, f"{name}: time", m["seconds"], "s"))
        results.append(Result(label, f"{name}: peak RSS", m["rss_mb"], "MB"))
    ratio = measured["vista"]["seconds"] / measured["pyarrow"]["seconds"]
    results.append(Result(label, "vista / bare pyarrow time", ratio, "x", target="<= 1.3", ok=ratio <= 1.3))
    memory = measured["vista"]["rss_mb"] / measured["pandas"]["rss_mb"]
    results.append(Result(label, "vista / pandas peak RSS", memory, "x", target="far below 1", ok=memory < 0.5))
    results.append(Result(label, "rows (all agree)", measured["vista"]["rows"], "",
                          ok=len({m["rows"] for m in measured.values()}) == 1))
    return results
