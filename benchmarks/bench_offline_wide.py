"""The offline analyst on wide tables: seconds per question and peak memory by number of columns.

    python benchmarks/bench_offline_wide.py            # 10, 100, 1,000 and 10,000 columns
    python benchmarks/bench_offline_wide.py --quick    # 10 and 100 columns, three questions (smoke)
    python benchmarks/bench_offline_wide.py --server   # also 1,000 columns through a real server

A table of each size is made here (1,500 rows; mixed as real wide tables are: numeric measures
with ordinary names, some abbreviated, sensor readings, codes, low- and high-cardinality text, a
date, a few Korean names), read as Vista reads an upload (Parquet, `profile_parquet`), and a fixed
list of everyday questions (English and Korean; naming a column, a value, a group, a time bucket;
one that must decline) is put to `offline.analyse` in a fresh process per size, the way a thread
asks them one after the other. Printed per size: the profile time (done once at upload, not per
question), the first question's time (the table's description included), the median of the
following questions, the peak resident memory of the process, and a digest of the plans (the
kinds and code of every answer): the same digest before and after a change means the same answers.

With `--server` the 1,000-column table is uploaded as CSV to a real Jupyter server with Vista and
the questions are posted to one thread (kernel included), as `bench_offline_eval.py` does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent

QUESTIONS = [
    "What is the average price by region?",
    "total quantity in Busan",
    "monthly total revenue",
    "지역별 평균 매출액",
    "how many orders have status closed?",
    "which city has the highest average temperature?",
    "서울의 수량 합계",
    "what will the weather be like on Mars next year?",  # must decline
]

STEMS = [
    "temperature",
    "humidity",
    "pressure",
    "voltage",
    "current",
    "speed",
    "weight",
    "height",
    "score",
    "cost",
    "income",
    "duration",
    "distance",
    "rainfall",
    "wind_speed",
    "co2",
    "heart_rate",
    "blood_pressure",
    "satisfaction",
    "visits",
]
ABBREVIATED = ["temp", "hum", "press", "volt", "spd", "wt", "ht", "dur", "dist", "sat"]
KOREAN = ["매출액", "지역", "수량", "고객수", "방문자수"]
CITIES = ["Seoul", "Busan", "Incheon", "Daegu", "Daejeon", "Gwangju"]


def column_names(n: int) -> list[str]:
    """n column names, the everyday ones first (so every size has them), then measures."""
    fixed = ["order_id", "order_date", "region", "city", "status", "comment", "price", "quantity", "revenue"]
    fixed += KOREAN if n >= 20 else []
    names = fixed[:n]
    i = 0
    while len(names) < n:
        k = i % 4
        if k == 0:
            names.append(f"{STEMS[(i // 4) % len(STEMS)]}_{i // 4 // len(STEMS) + 1}")
        elif k == 1:
            names.append(
                f"{ABBREVIATED[(i // 4) % len(ABBREVIATED)]}_{['avg', 'max', 'min', 'std'][(i // 40) % 4]}_{i // 160 + 1}"
            )
        elif k == 2:
            names.append(f"sensor_{i // 4 + 1}")
        else:
            names.append(f"q{i // 4 % 12 + 1}_item{i // 48 + 1}")
        i += 1
    return names


def make_table(n: int, rows: int, path: Path) -> None:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(n)
    cities = CITIES + [f"Town{i:03d}" for i in range(300 - len(CITIES))]
    data = {}
    for name in column_names(n):
        if name == "order_id":
            data[name] = [f"ORD{i:06d}" for i in range(rows)]
        elif name == "order_date":
            data[name] = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 730, rows), unit="D")
        elif name in ("region", "지역"):
            data[name] = rng.choice(
                ["North", "South", "East", "West"] if name == "region" else ["서울", "부산", "대구", "광주"], rows
            )
        elif name == "city":
            data[name] = rng.choice(cities, rows)
        elif name == "status":
            data[name] = rng.choice(["open", "closed", "pending"], rows)
        elif name == "comment":
            data[name] = [f"note {i} about case {rng.integers(0, 10**6)}" for i in range(rows)]
        elif name.startswith("q") and "_item" in name:
            data[name] = rng.integers(1, 6, rows)  # a survey answer 1-5
        elif name in ("quantity", "수량", "고객수", "방문자수", "visits") or name.startswith("visits"):
            data[name] = rng.integers(0, 50, rows)
        else:
            data[name] = np.round(rng.normal(100, 25, rows), 2)
    frame = pd.DataFrame(data)
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path, index=False)


def _digest(analysis) -> str:
    """What decides the answer: the plan's kind and every step's code."""
    text = analysis.plan.kind + "\n" + "\n".join(s.code for s in analysis.steps)
    return hashlib.sha1(text.encode()).hexdigest()[:8]


def _tiny() -> dict:
    profile = {
        "rows": 2,
        "column_profiles": [
            {
                "name": "city",
                "kind": "categorical",
                "dtype": "string",
                "distinct": 2,
                "nulls": 0,
                "top": [{"value": "A", "count": 1}, {"value": "B", "count": 1}],
            },
            {"name": "price", "kind": "numeric", "dtype": "float64", "distinct": 2, "nulls": 0, "min": 1.0, "max": 2.0},
        ],
        "sample": [{"city": "A", "price": 1.0}, {"city": "B", "price": 2.0}],
    }
    return {"var_name": "tiny", "name": "tiny", "profile": profile}


def measure(path: str, questions: list[str], limit: float) -> dict:
    """In this (fresh) process: the profile, then each question in turn. Stops after a question
    that took longer than `limit` seconds (the rest would too)."""
    import resource

    from vista_jupyter.assistant import offline
    from vista_jupyter.profile import profile_parquet

    # what a running server has done once for any table (the lexicon read and indexed): not timed
    offline.analyse("average price by city", [_tiny()])
    started = time.process_time()
    profile = profile_parquet(path)
    profiled = time.process_time() - started
    dataset = {"var_name": "df", "name": "wide", "profile": profile, "parquet_path": path}
    seconds, digests, declined = [], [], []
    for q in questions:
        started = time.process_time()
        analysis = offline.analyse(q, [dataset])
        seconds.append(time.process_time() - started)
        digests.append(_digest(analysis))
        declined.append(analysis.declined)
        if seconds[-1] > limit:
            break
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"profile": profiled, "seconds": seconds, "digests": digests, "declined": declined, "peak_mb": peak}


def run_size(n: int, rows: int, questions: list[str], limit: float, tmp: Path, timeout: float) -> dict:
    path = tmp / f"wide{n}.parquet"
    make_table(n, rows, path)
    code = (
        "import json, sys; sys.path.insert(0, %r); import bench_offline_wide as b; "
        "print(json.dumps(b.measure(%r, json.loads(sys.argv[1]), %r)))" % (str(HERE), str(path), limit)
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, json.dumps(questions)], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return {}
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_server(n: int, rows: int, questions: list[str], tmp: Path) -> list[float]:
    import asyncio

    sys.path.insert(0, str(HERE))
    from bench_offline_eval import _tornado_call, ask, make_thread
    from common import jupyter_server

    path = tmp / f"wide{n}.csv"
    make_table(n, rows, path)
    with jupyter_server("c.VistaApp.auto_overview = False\n") as server:
        call, _ = _tornado_call(server.url, server.token)

        async def go() -> list[float]:
            thread = await make_thread(call, path)
            out = []
            for q in questions:
                started = time.perf_counter()
                await ask(call, thread, q, timeout=900)
                out.append(time.perf_counter() - started)
            return out

        return asyncio.run(go())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10 and 100 columns, three questions")
    parser.add_argument("--sizes", type=int, nargs="*", help="numbers of columns (default 10 100 1000 10000)")
    parser.add_argument("--rows", type=int, default=1500)
    parser.add_argument("--limit", type=float, default=300, help="stop a size after a question this slow (s)")
    parser.add_argument("--timeout", type=float, default=900, help="give up on a size after this long (s, wall)")
    parser.add_argument("--server", action="store_true", help="also 1,000 columns through a real server")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([10, 100] if args.quick else [10, 100, 1000, 10000])
    questions = QUESTIONS[:3] if args.quick else QUESTIONS
    print(f"load average {os.getloadavg()[0]:.2f}; {args.rows} rows; {len(questions)} questions", flush=True)
    print("Seconds are CPU seconds of the process (time.process_time: steady on a loaded machine).")
    print("| columns | profile (s) | first question (s) | following, median (s) | peak memory (MB) | plans |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = run_size(n, args.rows, questions, args.limit, Path(tmp), args.timeout)
            if not r:
                print(f"| {n:,} | did not finish in {args.timeout:.0f} s (wall) | | | | |", flush=True)
                continue
            s = r["seconds"]
            rest = f"{statistics.median(s[1:]):.2f}" if len(s) > 1 else "-"
            if len(s) < len(questions):
                rest += f" (stopped after {len(s)} questions: over {args.limit:.0f} s)"
            plans = (
                "".join("d" if d else "a" for d in r["declined"])
                + " "
                + hashlib.sha1("".join(r["digests"]).encode()).hexdigest()[:8]
            )
            print(f"| {n:,} | {r['profile']:.2f} | {s[0]:.2f} | {rest} | {r['peak_mb']:.0f} | {plans} |", flush=True)
        if args.server:
            s = run_server(1000, args.rows, questions, Path(tmp))
            print(
                f"server, 1,000 columns (kernel included): first {s[0]:.2f} s, "
                f"following median {statistics.median(s[1:]):.2f} s, max {max(s):.2f} s"
            )
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
