"""Reading files at every size: Vista's engine against bare pyarrow and DuckDB, in one run.

Generated, realistic CSVs (ids, names with quoted commas, amounts, ratios, counts, dates,
booleans, categories, free text, missing cells) at each size of $VISTA_BENCH_SIZES (MB, default
"10,20,30,40,50,120,140,240,300,1000"; add 5000 for the streaming size, once, under the bench lock).
The sizes sit on both sides of the reader's thresholds: a body of at most 32 MB is read in one
pass (30 and 40 MB around it), Parquet row groups stop growing at 256 MB
(eight per file below), batches at 384 MB; the baseline's read_csv gives way to streaming at 1 GB.
Besides wall time, each row reports processor time (every thread), steadier on a shared machine.
Each reader
runs in a fresh subprocess that reports its wall time (modules imported before the clock starts,
as in a running server) and its peak RSS:

- vista: `ingest_to_parquet` (sniffing, parsing, types, Parquet), and separately the profile;
  every contender with the same libraries imported before the clock starts;
- pyarrow: `read_csv` + `write_table` (streaming `open_csv` + `ParquetWriter` from 1 GB on, as
  a user would have to, since a 5 GB table does not fit the way read_csv holds it);
- duckdb: `COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)` with its own sniffer;
- pandas: `read_csv` + `to_parquet` (not at 5 GB: the frame would not fit this machine's memory).

Plus wide files (10,000 and 50,000 columns: read and profiled; $VISTA_BENCH_WIDE), a nested JSON
Lines file, and a new thread made from a file of each size of $VISTA_BENCH_FIRST (MB, default
"5,20,100,1000": both sides of the 128 MB parse threshold) through the API, and again for each size
of $VISTA_BENCH_FIRST_DUCKDB (default "20,1000") with the dataset held in DuckDB in the kernel
(a server with a low `max_dataframe_bytes`: the other side of that threshold): until the thread exists with its dataset card (the answer to the
POST), until the card's profile is complete, until the overview's first code is sent (the
first look, planned from the card; the rest is the kernel's start and data load), until its first
result and until the whole overview is answered (its later steps wait for the profile),
against starting a kernel and running `read_csv` + `describe()` there. Set $VISTA_BENCH_PARTS
(e.g. "csv,wide,first") to run only some parts. Files go to $VISTA_BENCH_DIR (default: a temporary
folder) and are deleted afterwards. Run the big sizes under `flock /tmp/vista-bench.lock`.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import Result, jupyter_server

HERE = Path(__file__).parent

#: Every contender runs with the same libraries loaded (those a Jupyter server with Vista holds),
#: so peak RSS compares the reading itself, not import footprints.
PRELUDE = (
    "import pandas, pyarrow, pyarrow.compute, duckdb\n"
    "import pyarrow.csv as c, pyarrow.parquet as pq\n"
    "from vista_jupyter.ingest import ingest_to_parquet\n"
    "from vista_jupyter.profile import profile_parquet\n"
    "import pandas as pd\n"
)
CODE = {
    "vista": "r = ingest_to_parquet(SRC, OUT)\nrows = r.rows\n",
    "vista_profile": "p = profile_parquet(SRC)\nrows = p['rows']\n",
    # as the server reads a new dataset: the profile computed while the file is written
    "vista_profiled": "r = ingest_to_parquet(SRC, OUT, profile=True)\np = r.profile.finish(OUT)\nrows = r.rows\n",
    "pyarrow": "t = c.read_csv(SRC)\npq.write_table(t, OUT)\nrows = t.num_rows\n",
    "pyarrow_stream": (
        "reader = c.open_csv(SRC)\nrows = 0\nwith pq.ParquetWriter(OUT, reader.schema) as w:\n"
        "    for b in reader:\n        w.write_batch(b)\n        rows += b.num_rows\n"
    ),
    "duckdb": (
        "duckdb.sql(f\"COPY (SELECT * FROM read_csv('{SRC}')) TO '{OUT}' (FORMAT parquet)\")\n"
        "rows = duckdb.sql(f\"SELECT count(*) FROM read_parquet('{OUT}')\").fetchall()[0][0]\n"
    ),
    "pandas": "df = pd.read_csv(SRC)\ndf.to_parquet(OUT)\nrows = len(df)\n",
    "pandas_json": "df = pd.read_json(SRC, lines=True)\ndf.to_parquet(OUT)\nrows = len(df)\n",
}
WRAPPER = """
import json, os, resource, sys, time
SRC, OUT = sys.argv[1], sys.argv[2]
{prelude}
if sys.argv[3] == "warm":  # as in a server that has read a file before: the same reading once, untimed
    _out, OUT = OUT, OUT + ".warm"
    {code_once}
    os.unlink(OUT)
    OUT = _out
_c0 = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
_t0 = time.perf_counter()
{code}
elapsed = time.perf_counter() - _t0
usage = resource.getrusage(resource.RUSAGE_SELF)
# This process's own peak: VmHWM belongs to the memory map made by exec. ru_maxrss does not: Linux
# carries the exec'ing process's peak over, and subprocess starts this one by vfork from the
# benchmark's own process, whose peak (its generated rows, a file it read to upload) it would report.
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({{"seconds": elapsed, "rss_mb": peak_kb / 1024, "rows": rows,
                  "cpu": usage.ru_utime + usage.ru_stime - _c0}}))
"""

FIRST = ["Kim", "Lee", "Park", "Choi", "Jung", "Smith", "García", "Müller", "Rossi", "Nguyen"]
GIVEN = ["Min-su", "Ji-woo", "Anna", "José", "Li", "Olga", "Tom", "Sara"]
CITIES = ["Seoul", "Busan", "Incheon", "Daegu", "New York", "São Paulo", "Zürich", "Lyon"]
WORDS = "delivery late on time damaged refund gift express standard returned new customer again".split()


_POOL = 200_000
_POOL_ROWS: list[str] = []


def _pool() -> list[str]:
    """200,000 rows without their id (about 17 MB), drawn once: big files repeat them under new ids."""
    if not _POOL_ROWS:
        rng = random.Random(7)
        for _ in range(_POOL):
            name = f'"{rng.choice(FIRST)}, {rng.choice(GIVEN)}"'
            discount = "" if rng.random() < 0.2 else f"{rng.random() * 0.3:.3f}"
            shipped = "" if rng.random() < 0.1 else f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            note = "" if rng.random() < 0.3 else " ".join(rng.choices(WORDS, k=rng.randint(1, 6)))
            if rng.random() < 0.05:
                note = f'"{note}, see ticket {rng.randint(1000, 9999)}"'
            _POOL_ROWS.append(
                f"{name},{rng.choice(CITIES)},{rng.uniform(1, 5000):.2f},{discount},"
                f"{rng.randint(1, 20)},2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},{shipped},"
                f"{rng.choice(['true', 'false'])},{rng.choice(['retail', 'business', 'vip'])},{note}\n"
            )
    return _POOL_ROWS


def generate(path: Path, megabytes: int) -> None:
    """A realistic mixed-type CSV of about `megabytes` MB (deterministic; rows after the first
    200,000 repeat earlier ones under new ids, so a 5 GB file is written in about a minute)."""
    rows = _pool()
    target = megabytes << 20
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("order_id,customer,city,amount,discount,quantity,ordered,shipped,express,segment,note\n")
        written, i = 0, 0
        while written < target:
            chunk = "".join(f"{i + k + 1},{rows[(i + k) % _POOL]}" for k in range(10_000))
            i += 10_000
            f.write(chunk)
            written += len(chunk.encode())


def generate_wide(path: Path, columns: int = 10_000, rows: int = 20) -> None:
    rng = random.Random(3)
    with open(path, "w") as f:
        f.write(",".join(f"sensor_{j:05d}" for j in range(columns)) + "\n")
        for _ in range(rows):
            f.write(",".join("" if rng.random() < 0.02 else f"{rng.gauss(0, 1):.4f}" for _ in range(columns)) + "\n")


def generate_nested(path: Path, megabytes: int) -> None:
    rng = random.Random(5)
    target = megabytes << 20
    with open(path, "w") as f:
        written, i = 0, 0
        while written < target:
            i += 1
            record = {
                "id": i,
                "user": {"name": rng.choice(FIRST), "age": rng.randint(18, 90)},
                "tags": rng.sample(WORDS, rng.randint(0, 3)),
                "amount": round(rng.uniform(1, 500), 2),
                "items": [
                    {"sku": f"S{rng.randint(1, 999)}", "qty": rng.randint(1, 5)} for _ in range(rng.randint(0, 2))
                ],
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line)


def measure(name: str, src: Path, out: Path, warm: bool = False) -> dict:
    """One contender in a fresh process: its wall and processor time and peak RSS. `warm`: the
    process does the same reading once before the timed one (first-use costs of a process, such
    as Arrow's thread pools and the first calls of each kernel, are then paid, as in a running
    server; peak RSS then counts both readings)."""
    once = "exec(" + repr(CODE[name]) + ")"
    script = WRAPPER.format(prelude=PRELUDE, code=CODE[name], code_once=once)
    done = subprocess.run(
        [sys.executable, "-c", script, str(src), str(out), "warm" if warm else "cold"],
        capture_output=True,
        text=True,
        cwd=str(HERE.parent),
    )
    if done.returncode != 0:
        return {
            "seconds": float("nan"),
            "rss_mb": float("nan"),
            "rows": -1,
            "cpu": float("nan"),
            "error": done.stderr[-500:],
        }
    return json.loads(done.stdout.strip().splitlines()[-1])


def _sizes() -> list[int]:
    return [
        int(s)
        for s in os.environ.get("VISTA_BENCH_SIZES", "10,20,30,40,50,120,140,240,300,1000").split(",")
        if s.strip()
    ]


#: Sizes (MB) below which each contender runs REPEATS times, interleaved, and the medians are
#: compared: a reading of a fraction of a second varies by 2x between runs on a shared machine.
SMALL_MB = 100
REPEATS = 3


def _median(runs: list[dict], key: str) -> float:
    return sorted(r[key] for r in runs)[len(runs) // 2]


def _csv_results(work: Path) -> list[Result]:
    results: list[Result] = []
    for mb in _sizes():
        src = work / f"mixed_{mb}mb.csv"
        generate(src, mb)
        label = f"ingest {mb} MB CSV"
        baseline = "pyarrow_stream" if mb >= 1000 else "pyarrow"
        runs: dict[str, list[dict]] = {}
        contenders = ("vista", baseline, "duckdb") + (("pandas",) if mb < 5000 else ())
        repeats = REPEATS if mb < SMALL_MB else 1
        for _ in range(repeats):
            for name in contenders:
                out = work / f"{name}.parquet"
                runs.setdefault(name, []).append(measure(name, src, out))
                if name == "vista":
                    runs.setdefault("vista_profile", []).append(measure("vista_profile", out, work / "unused"))
                out.unlink(missing_ok=True)
            if mb < SMALL_MB:  # a second reading in the same process, as in a running server
                for name in ("vista", baseline):
                    runs.setdefault(f"{name} warm", []).append(measure(name, src, work / "warm.parquet", warm=True))
            # the reading as the server does it: the profile computed while the file is written
            runs.setdefault("vista_profiled", []).append(measure("vista_profiled", src, work / "profiled.parquet"))
            (work / "profiled.parquet").unlink(missing_ok=True)
            (work / "warm.parquet").unlink(missing_ok=True)
        src.unlink()

        def med(name: str, key: str = "seconds", runs: dict[str, list[dict]] = runs) -> float:
            return _median(runs[name], key)

        base_label = "pyarrow streaming" if baseline == "pyarrow_stream" else "pyarrow read_csv"
        times = f" (median of {repeats})" if repeats > 1 else ""
        v, p, d = "vista", baseline, "duckdb"
        results += [
            Result(label, f"vista time / peak RSS{times}", med(v), f"s, {med(v, 'rss_mb'):.0f} MB"),
            Result(label, f"{base_label} + write_table time / peak RSS", med(p), f"s, {med(p, 'rss_mb'):.0f} MB"),
            Result(label, "duckdb COPY time / peak RSS", med(d), f"s, {med(d, 'rss_mb'):.0f} MB"),
        ]
        if "pandas" in runs:
            results.append(
                Result(
                    label,
                    "pandas read_csv + to_parquet time / peak RSS",
                    med("pandas"),
                    f"s, {med('pandas', 'rss_mb'):.0f} MB",
                )
            )
        # each run's ratio compares two readings made one after the other, under the same load:
        # their median, not the ratio of medians taken from different runs
        ratio = sorted(a["seconds"] / b["seconds"] for a, b in zip(runs[v], runs[p]))[repeats // 2]
        results += [
            Result(label, f"vista / {base_label} time", ratio, "x", target="<= 1.3", ok=ratio <= 1.3),
            # processor time (all threads) is steadier than wall time on a shared machine: what
            # the reading costs, not what the other work left it
            Result(
                label,
                f"vista / {base_label} processor time",
                med(v, "cpu") / med(p, "cpu"),
                f"x ({med(v, 'cpu'):.2f} / {med(p, 'cpu'):.2f} s)",
            ),
            Result(label, "vista / duckdb time", med(v) / med(d), "x"),
        ]
        if repeats > 1:
            each = ", ".join(f"{a['seconds'] / b['seconds']:.2f}" for a, b in zip(runs[v], runs[p]))
            results.append(Result(label, f"vista / {base_label} time, each run (median above)", ratio, f"x ({each})"))
        if f"{v} warm" in runs:
            warm = sorted(a["seconds"] / b["seconds"] for a, b in zip(runs[f"{v} warm"], runs[f"{p} warm"]))[
                repeats // 2
            ]
            results.append(
                Result(
                    label,
                    f"warm process (a second reading): vista / {base_label} time",
                    warm,
                    f"x ({med(f'{v} warm'):.2f} / {med(f'{p} warm'):.2f} s)",
                )
            )
        if "pandas" in runs:
            results.append(Result(label, "vista / pandas time", med(v) / med("pandas"), "x"))
        if mb <= 1000:
            rss = med(v, "rss_mb") / med(p, "rss_mb")
            results.append(Result(label, f"vista / {base_label} peak RSS", rss, "x", target="<= 1.5", ok=rss <= 1.5))
        else:
            peak = med(v, "rss_mb")
            results.append(Result(label, "vista peak RSS", peak, "MB", target="< 1024", ok=peak < 1024))
        separate = sorted(a["seconds"] + b["seconds"] for a, b in zip(runs["vista"], runs["vista_profile"]))[
            repeats // 2
        ]
        results += [
            Result(
                label,
                "profile of the file written (after the reading) time / peak RSS",
                med("vista_profile"),
                f"s, {med('vista_profile', 'rss_mb'):.0f} MB",
            ),
            Result(
                label,
                "read + profile as the server does (profile while writing) / read, then profile the file",
                med("vista_profiled"),
                f"s, {med('vista_profiled', 'rss_mb'):.0f} MB / {separate:.2f} s",
            ),
        ]
        counted = {r["rows"] for name, rs in runs.items() if name != "vista_profile" for r in rs}
        results.append(Result(label, "rows: vista = every contender", runs[v][0]["rows"], "", ok=len(counted) == 1))
    return results


def _wide(work: Path) -> list[Result]:
    results = []
    for columns in [int(c) for c in os.environ.get("VISTA_BENCH_WIDE", "10000,50000").split(",") if c.strip()]:
        wide = work / "wide.csv"
        generate_wide(wide, columns)
        v = measure("vista", wide, work / "wide.parquet")
        prof = measure("vista_profile", work / "wide.parquet", work / "unused")
        p = measure("pyarrow", wide, work / "wide_pa.parquet")
        streamed = measure("vista_profiled", wide, work / "wide_profiled.parquet")
        total = v["seconds"] + prof["seconds"]
        label = f"ingest wide ({columns:,} columns x 20 rows)"
        # the 5 s target is for 10,000 columns; wider files are measured (max_columns: 20,000)
        target = {"target": "< 5", "ok": total < 5} if columns <= 10_000 else {}
        if v["rows"] < 0:
            results.append(
                Result(
                    label,
                    "vista read (refused over max_columns)",
                    v["seconds"],
                    "s",
                    ok="max_columns" in v.get("error", ""),
                )
            )
        else:
            results.append(Result(label, "vista read, then profile the file", total, "s", **target))
            results.append(
                Result(
                    label, "vista read + profile as the server does (profile while writing)", streamed["seconds"], "s"
                )
            )
        results.append(Result(label, "pyarrow read_csv + write", p["seconds"], "s"))
        results.append(
            Result(label, "processor time: vista read + profile / pyarrow", (v["cpu"] + prof["cpu"]) / p["cpu"], "x")
        )
        for f in work.glob("wide*"):
            f.unlink()
    return results


def _nested(work: Path) -> list[Result]:
    results = []
    nested = work / "nested.jsonl"
    generate_nested(nested, 50)
    v = measure("vista", nested, work / "nested.parquet")
    prof = measure("vista_profile", work / "nested.parquet", work / "unused")
    pj = measure("pandas_json", nested, work / "nested_pd.parquet")
    results += [
        Result(
            "ingest nested JSON Lines 50 MB",
            "vista read / peak RSS",
            v["seconds"],
            f"s, {v['rss_mb']:.0f} MB",
            ok=v["rows"] > 0,
        ),
        Result("ingest nested JSON Lines 50 MB", "vista profile", prof["seconds"], "s", ok=prof["rows"] == v["rows"]),
        Result(
            "ingest nested JSON Lines 50 MB",
            "pandas read_json + to_parquet / peak RSS",
            pj["seconds"],
            f"s, {pj['rss_mb']:.0f} MB",
        ),
    ]
    return results


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _first_result(work: Path) -> list[Result]:
    results = []
    sizes = [int(s) for s in os.environ.get("VISTA_BENCH_FIRST", "5,20,100,1000").split(",") if s.strip()]
    with jupyter_server() as server:
        for mb in sizes:
            results += _first_result_at(work, server, mb)
    # The same files held in DuckDB in the kernel (the other side of max_dataframe_bytes, which
    # a file this machine can hold as a DataFrame reaches only with a lower setting)
    held = [int(s) for s in os.environ.get("VISTA_BENCH_FIRST_DUCKDB", "20,1000").split(",") if s.strip()]
    if held:
        with jupyter_server("c.VistaApp.max_dataframe_bytes = 1 << 20\n") as server:
            for mb in held:
                results += _first_result_at(work, server, mb, held="held in DuckDB")
    return results


def _first_result_at(work: Path, server, mb: int, held: str = "") -> list[Result]:
    """A new thread from an `mb` MB file through the API: until the POST answers (the thread
    and its dataset card exist), until the card's profile is complete, and until the
    overview's first output. Three threads one after the other: the first one's kernel may
    still be starting (the spare kernel starts with the first upload), the next ones take the
    spare started after the thread before ran its first code."""
    src = work / f"sales_{mb}mb.csv"
    generate(src, mb)
    cards, profiles, planned, firsts, answered, rss = [], [], [], [], [], []
    pid = server.pid
    bound = max(300, mb)  # seconds: a 1 GB file takes a minute or two to read here
    for _ in range(3):
        request = urllib.request.Request(
            f"{server.url}/vista/api/uploads?name=sales.csv",
            method="POST",
            data=src.read_bytes(),
            headers={"Authorization": f"token {server.token}"},
        )
        with urllib.request.urlopen(request, timeout=bound) as response:
            upload = json.loads(response.read())
        before = _rss_mb(pid)
        started = time.perf_counter()
        status, thread = server.request("POST", "threads", {"dataset": {"upload": upload["id"]}}, timeout=bound)
        assert status == 201, thread
        cards.append(time.perf_counter() - started)
        _, listed = server.request("GET", f"threads/{thread['id']}/datasets")
        dataset_id = listed["datasets"][0]["id"]
        if held:
            assert listed["datasets"][0]["mode"] == "duckdb", listed
        first = profiled = coded = done = None
        while (done is None or profiled is None) and time.perf_counter() - started < bound:
            if done is None:
                _, page = server.request("GET", f"threads/{thread['id']}/events?after=0")
                if coded is None and any(e["type"] == "code" for e in page["events"]):
                    coded = time.perf_counter() - started
                if first is None and any(e["type"] == "output" for e in page["events"]):
                    first = time.perf_counter() - started
                if any(e["type"] == "done" for e in page["events"]):
                    done = time.perf_counter() - started
            if profiled is None:
                _, dataset = server.request("GET", f"threads/{thread['id']}/datasets/{dataset_id}")
                if not dataset["profile"].get("pending"):
                    profiled = time.perf_counter() - started
            time.sleep(0.05)
        firsts.append(first if first is not None else float("nan"))
        answered.append(done if done is not None else float("nan"))
        planned.append(coded if coded is not None else float("nan"))
        profiles.append(profiled if profiled is not None else float("nan"))
        time.sleep(2)
        rss.append(_rss_mb(pid) - before)
        # the thread goes, and its kernel with it: a user's kernels stay under the limit per user
        server.request("DELETE", f"threads/{thread['id']}")
    bare = _bare_first_result(src)
    src.unlink()
    vista = sorted(firsts)[1]
    label = f"new thread from a {mb} MB CSV" + (f" ({held})" if held else "")
    return [
        Result(label, "vista: POST answered, card shown (median of 3)", sorted(cards)[1], "s"),
        Result(label, "vista: profile complete on the card (median of 3)", sorted(profiles)[1], "s"),
        # the overview's first look, planned from the card: its code goes to the kernel, which may
        # still be starting or loading the data (the rest of the time to the first result)
        Result(label, "vista: first code sent (median of 3)", sorted(planned)[1], "s"),
        Result(label, "vista: POST to first result (median of 3)", vista, "s"),
        Result(label, "vista: POST to first result (slowest of 3)", max(firsts), "s"),
        # the whole overview (every step, then its answer), which the first result does not wait for
        Result(label, "vista: POST to the overview answered (median of 3)", sorted(answered)[1], "s"),
        Result(label, "bare: start kernel + read_csv + describe()", bare, "s"),
        Result(label, "vista / bare", vista / bare, "x", target="<= 1.5", ok=vista / bare <= 1.5),
        Result(label, "vista / bare, slowest of 3", max(firsts) / bare, "x"),
        Result(label, "server RSS growth per thread (median)", sorted(rss)[1], "MB"),
    ]


def _bare_first_result(src: Path) -> float:
    code = f"import pandas as pd\ndf = pd.read_csv({str(src)!r})\ndf.describe()"
    script = (
        "import time, jupyter_client\n"
        "t = time.perf_counter()\n"
        "km, kc = jupyter_client.manager.start_new_kernel(kernel_name='python3')\n"
        f"kc.execute_interactive({code!r}, timeout=1800, output_hook=lambda m: None)\n"
        "print(time.perf_counter() - t)\n"
        "kc.stop_channels(); km.shutdown_kernel(now=True)\n"
    )
    times = []
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        times.append(float(done.stdout.strip().splitlines()[-1]))
    return sorted(times)[1]


def run() -> list[Result]:
    base = Path(os.environ.get("VISTA_BENCH_DIR") or tempfile.gettempdir())
    base.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="vista-bench-ingest-", dir=base))
    try:
        parts = {p.strip() for p in os.environ.get("VISTA_BENCH_PARTS", "csv,wide,nested,first").split(",")}
        results: list[Result] = []
        for part, fn in (("csv", _csv_results), ("wide", _wide), ("nested", _nested), ("first", _first_result)):
            if part in parts:
                results += fn(work)
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)
