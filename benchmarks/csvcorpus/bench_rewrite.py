"""What the rewritten dialects cost: database dumps with backslash escapes and quoted cells padded
with spaces, read by Vista, against pyarrow (read + Parquet write) and Vista on a clean CSV of the
same size and rows, each in a fresh process (wall time, peak RSS), and the rewrite alone.

    flock /tmp/vista-bench.lock python bench_rewrite.py [--sizes 50,300] [--dir /work/tmp/x]

Prints a Markdown table. The files are generated (seeded) into --dir and deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROWS_PER_BLOCK = 5000


def _rows(seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    cities = ["Seoul", "Busan", "Köln", "Paris, 11e", "São Paulo", "Osaka"]
    out = []
    for i in range(ROWS_PER_BLOCK):
        note = rng.choice(["", "ok", "late, see mail", 'said "hi"', "two\nlines", "C:\\tmp\\x", "tab\there"])
        out.append(
            [
                str(i),
                rng.choice(cities),
                f"{rng.uniform(-1000, 100000):.2f}",
                str(rng.randint(0, 500)),
                f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                rng.choice(["true", "false"]),
                "" if rng.random() < 0.1 else note,
            ]
        )
    return out


def _clean(rows: list[list[str]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _dump(rows: list[list[str]]) -> str:
    # MySQL SELECT ... INTO OUTFILE: tab, no quotes, \N for NULL, backslash before \, tab, newline
    def cell(v: str) -> str:
        if v == "":
            return "\\N"
        return v.replace("\\", "\\\\").replace("\t", "\\\t").replace("\n", "\\\n")

    return "".join("\t".join(cell(v) for v in r) + "\n" for r in rows)


def _padded(rows: list[list[str]]) -> str:
    def cell(v: str) -> str:
        return ' "' + v.replace('"', '""') + '" ' if ("," in v or '"' in v or "\n" in v) else v

    return "".join(",".join(cell(v) for v in r) + "\n" for r in rows)


def write(path: Path, header: str, block: str, repeats: int) -> int:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header)
        for _ in range(repeats):
            f.write(block)
    return repeats * ROWS_PER_BLOCK


CHILD = r"""
import json, sys, time
kind, path, out = sys.argv[1:4]
# the same libraries loaded in every process before the clock starts (as in a running server)
import pyarrow.csv as pcsv, pyarrow.parquet as pq
from pathlib import Path
from vista_jupyter.ingest import dialect as dl, normalize, ingest_to_parquet
from vista_jupyter.ingest.engine import Progress
t, cpu = time.perf_counter(), time.process_time()
if kind == "pyarrow":
    table = pcsv.read_csv(path, parse_options=pcsv.ParseOptions(newlines_in_values=True))
    pq.write_table(table, out)
    rows = table.num_rows
elif kind == "rewrite":
    text = open(path, encoding="utf-8").read(1 << 16)
    d = dl.sniff(text)
    assert normalize.needed(d), d
    normalize.rewrite(Path(path), Path(out), d, Progress())
    rows = -1
else:
    rows = ingest_to_parquet(path, out).rows
secs, cpu = time.perf_counter() - t, time.process_time() - cpu
# the peak of this process's memory (VmHWM: getrusage's ru_maxrss keeps the parent's peak
# across fork and exec, and the parent holds the tables it compares)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"secs": secs, "cpu": cpu, "rss_mb": hwm / 1024, "rows": rows}))
"""


def run(kind: str, path: Path, out: Path, keep: bool = False) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(path), str(out)], capture_output=True, text=True, check=True
    )
    if not keep:
        out.unlink(missing_ok=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="50,300", help="file sizes in MB")
    ap.add_argument("--dir", default=os.environ.get("VISTA_BENCH_DIR", "/tmp/vista-bench-rewrite"))
    a = ap.parse_args()
    work = Path(a.dir)
    work.mkdir(parents=True, exist_ok=True)
    rows = _rows(7)
    header = "id,city,amount,count,day,flag,note\n"
    lines = [
        "| file | rows | pyarrow, clean CSV | Vista, clean CSV | Vista, this file | rewrite alone "
        "| Vista / pyarrow: time, processor time, RSS |",
        "|---|---:|---|---|---|---|---|",
    ]

    def cell(r: dict) -> str:  # wall time / processor time (every thread), peak RSS
        return f"{r['secs']:.2f} s / {r['cpu']:.2f} s, {r['rss_mb']:.0f} MB"

    try:
        for size in [int(s) for s in a.sizes.split(",")]:
            clean = work / "clean.csv"
            block = _clean(rows)
            repeats = max(1, (size << 20) // len(block.encode()))  # the same rows in every file
            n = write(clean, header, block, repeats)
            base = run("pyarrow", clean, work / "out.parquet")
            vista_clean = run("vista", clean, work / "clean.parquet", keep=True)
            assert vista_clean["rows"] == base["rows"] == n, (vista_clean, base, n)
            for name, path, head, block in (
                ("MySQL dump (tab, `\\N`, backslashes)", work / "dump.txt", "", _dump(rows)),
                ('padded quotes (`, "a, b" ,`)', work / "padded.csv", header, _padded(rows)),
            ):
                write(path, head, block, repeats)
                mb = path.stat().st_size / (1 << 20)
                vista = run("vista", path, work / "out.parquet", keep=True)
                alone = run("rewrite", path, work / "rewritten.csv")
                assert vista["rows"] == n, (name, vista, n)
                # the same table as from the clean file (types and cells), or the timing means nothing
                import pyarrow.parquet as pq

                got, want = pq.read_table(work / "out.parquet"), pq.read_table(work / "clean.parquet")
                assert got.rename_columns(want.column_names).equals(want), name
                (work / "out.parquet").unlink()
                lines.append(
                    f"| {name}, {mb:.0f} MB | {n:,} | {cell(base)} | {cell(vista_clean)} | {cell(vista)} | {cell(alone)} "
                    f"| {vista['secs'] / base['secs']:.2f}x, {vista['cpu'] / base['cpu']:.2f}x, "
                    f"{vista['rss_mb'] / base['rss_mb']:.2f}x |"
                )
                path.unlink()
            clean.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(lines))
    print(f"\n{time.strftime('%Y-%m-%d %H:%M')} load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
