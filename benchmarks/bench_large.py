"""Data larger than the kernel's memory, end to end: a generated 5 GB CSV read by Vista, then a
thread's automatic overview and five everyday questions answered by the offline analyst in a
kernel limited to 2 GiB, every number checked against DuckDB run on the CSV outside Vista.

    flock /tmp/vista-bench.lock python benchmarks/bench_large.py     # prints the table
    python benchmarks/run.py large                                   # as part of the benchmarks

For each size, a real Jupyter server with Vista (`kernel_memory_limit` = 2 GiB, so datasets over
`max_dataframe_bytes`, (2 GiB - 400 MiB) / 5 = 330 MiB as a DataFrame, are held in DuckDB) reads the CSV from its workspace (a thread made from a
file, as the file browser's "Analyse" does), answers the automatic overview, then these questions
through the REST API, as a user would ask them:

- group mean: "average amount by city"
- filtered count: "how many orders from Seoul with amount over 100"
- top-10: "top 10 orders by amount"
- monthly trend: "total amount per month"
- histogram: "histogram of amount"

Each answer's numbers are checked against the same computation in DuckDB over the original CSV
(read with explicit types, not with Vista's reader), and its figures must draw something. Sizes:
5 GB (DuckDB mode), and tables just below and just above the DuckDB threshold (pandas mode and
DuckDB mode at nearly the same size), to compare the two holdings: their row counts follow from
Vista's own threshold (`KernelMemory`) and its size estimate, so a change to the rule moves them
with it, and the run stops, saying so, when a dataset is not held as its size meant (a "below"
table in DuckDB measures nothing about pandas). Reported: ingest time, time to
the first overview (kernel start and data set-up included), time per answer and the same query
run by hand in DuckDB on Vista's Parquet file (what a user could do instead), the kernel's peak
RSS, and correctness. $VISTA_BENCH_LARGE_GB sets the big size (default 5), $VISTA_BENCH_DIR the
folder for the files (default: a temporary folder); everything made is deleted afterwards.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from common import Result, jupyter_server  # noqa: E402

from vista_jupyter.memory import DUCKDB, PANDAS, KernelMemory  # noqa: E402

GiB = 1 << 30
#: The analysis kernel's memory limit in every run.
KERNEL_LIMIT = 2 * GiB
#: Vista's threshold in such a kernel: larger DataFrames are held in DuckDB (its current rule).
THRESHOLD = KernelMemory(kernel_memory_limit=KERNEL_LIMIT).max_dataframe_bytes

CITIES = [
    "Seoul",
    "Busan",
    "Incheon",
    "Daegu",
    "Daejeon",
    "Gwangju",
    "Ulsan",
    "Suwon",
    "Jeju",
    "제주시",
    "São Paulo",
    "Zürich",
]
CITY_WEIGHTS = [30, 14, 11, 9, 7, 6, 5, 5, 4, 3, 3, 3]
CHANNELS = ["web", "store", "app", "phone"]
WORDS = (
    "delivery late on time damaged refund gift express standard returned new customer again "
    "fragile weekend office home 배송 빠름 포장 교환"
).split()

QUESTIONS = {
    "group mean": "average amount by city",
    "filtered count": "how many orders from Seoul with amount over 100",
    "top-10": "top 10 orders by amount",
    "monthly trend": "total amount per month",
    "histogram": "histogram of amount",
}


# --- the data -----------------------------------------------------------------------------------


def generate(path: Path, *, rows: int | None = None, megabytes: int | None = None, seed: int = 18) -> int:
    """A sales CSV of mixed types (ids, ids written as text, categories in three scripts,
    amounts with missing cells, counts, dates, free text with quoted commas), `rows` rows or
    about `megabytes` MB; deterministic. Returns the rows written."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    rng = np.random.default_rng(seed)
    notes = []
    for _ in range(4000):
        words = rng.choice(WORDS, rng.integers(3, 9))
        text = " ".join(words)
        if rng.random() < 0.15:
            text = f"{text}, ticket {rng.integers(1000, 9999)}"
        notes.append(text)
    notes_pool = pa.array(notes)
    cities_pool = pa.array(CITIES)
    channels_pool = pa.array(CHANNELS)
    weights = np.array(CITY_WEIGHTS, dtype=float) / sum(CITY_WEIGHTS)
    schema = pa.schema(
        [
            ("id", pa.int64()),
            ("customer", pa.string()),
            ("city", pa.string()),
            ("channel", pa.string()),
            ("amount", pa.float64()),
            ("qty", pa.int64()),
            ("date", pa.date32()),
            ("note", pa.string()),
        ]
    )
    target = (megabytes or 0) << 20
    written = 0
    chunk = 1_000_000
    with pacsv.CSVWriter(str(path), schema, write_options=pacsv.WriteOptions(quoting_style="needed")) as writer:
        while (rows is not None and written < rows) or (rows is None and path.stat().st_size < target):
            n = chunk if rows is None else min(chunk, rows - written)
            ids = np.arange(written, written + n)
            amount = np.round(rng.gamma(2.0, 40.0, n), 2)
            missing = rng.random(n) < 0.01
            customers = np.char.add("C", np.char.zfill(rng.integers(1, 2_000_000, n).astype(str), 7))
            table = pa.table(
                {
                    "id": ids,
                    "customer": pa.array(customers),
                    "city": cities_pool.take(pa.array(rng.choice(len(CITIES), n, p=weights))),
                    "channel": channels_pool.take(pa.array(rng.integers(0, len(CHANNELS), n))),
                    "amount": pa.array(amount, mask=missing),
                    "qty": rng.integers(1, 21, n),
                    "date": pa.array(np.datetime64("2021-01-01") + rng.integers(0, 1461, n).astype("timedelta64[D]")),
                    "note": notes_pool.take(pa.array(rng.integers(0, len(notes), n))),
                },
                schema=schema,
            )
            writer.write_table(table)
            written += n
    return written


REFERENCE_SQL = {
    "overview": """SELECT count(*) AS rows, count(*) - count(amount) AS missing,
        (SELECT city FROM {t} GROUP BY city ORDER BY count(*) DESC LIMIT 1) AS top_city FROM {t}""",
    "group mean": "SELECT city, avg(amount) AS value FROM {t} GROUP BY city",
    "filtered count": "SELECT count(*) AS n FROM {t} WHERE city = 'Seoul' AND amount > 100",
    "top-10": "SELECT id, customer, amount FROM {t} WHERE amount IS NOT NULL ORDER BY amount DESC, id LIMIT 10",
    "monthly trend": "SELECT strftime(date, '%Y-%m') AS month, coalesce(sum(amount), 0) AS value FROM {t} GROUP BY 1",
    "histogram": """SELECT count(amount) AS count, avg(amount) AS mean, median(amount) AS median,
        stddev_samp(amount) AS std, min(amount) AS min, max(amount) AS max FROM {t}""",
}


def reference(csv: Path, work: Path) -> dict[str, Any]:
    """Every expected result, by DuckDB over the CSV (explicit types; not Vista's reader)."""
    import duckdb

    con = duckdb.connect(str(work / "reference.duckdb"))
    con.execute("SET threads = 2")
    con.execute("SET memory_limit = '3GB'")
    con.execute(f"SET temp_directory = '{work / 'reference.tmp'}'")
    columns = (
        "{'id': 'BIGINT', 'customer': 'VARCHAR', 'city': 'VARCHAR', 'channel': 'VARCHAR', "
        "'amount': 'DOUBLE', 'qty': 'BIGINT', 'date': 'DATE', 'note': 'VARCHAR'}"
    )
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{csv}', header = true, columns = {columns})")
    out = {name: con.execute(query.format(t="t")).df() for name, query in REFERENCE_SQL.items()}
    out["columns"] = len(con.execute("DESCRIBE t").fetchall())
    con.close()
    (work / "reference.duckdb").unlink()
    shutil.rmtree(work / "reference.tmp", ignore_errors=True)
    return out


def by_hand(parquet: Path) -> dict[str, float]:
    """Seconds of each question's query run by hand in DuckDB on Vista's Parquet file (2 threads,
    a fresh connection each): what a user could do instead."""
    import duckdb

    out = {}
    for name, query in REFERENCE_SQL.items():
        if name == "overview":
            continue
        con = duckdb.connect()
        con.execute("SET threads = 2")
        started = time.perf_counter()
        con.execute(query.format(t=f"read_parquet('{parquet}')")).fetchall()
        out[name] = time.perf_counter() - started
        con.close()
    return out


# --- checking answers ---------------------------------------------------------------------------


def _shown(text: str) -> float:
    return float(text.replace(",", ""))


def close(shown: str, value: float) -> bool:
    """Whether a number as the answer shows it ("1,234.5", "12.35") is `value` rounded."""
    digits = len(shown.split(".")[1]) if "." in shown else 0
    return abs(_shown(shown) - value) <= 0.5 * 10**-digits + 1e-9 * abs(value)


NUMBER = r"-?[\d,]+(?:\.\d+)?"


def check(name: str, answer: str, ref: Any) -> str | None:
    """None when the answer's numbers are the reference's; else what differs."""
    if name == "overview":
        row = ref.iloc[0]
        m = re.search(rf"\*\*({NUMBER})\*\* rows and \*\*(\d+)\*\* columns, ({NUMBER}) missing values", answer)
        if not m:
            return "no row/column/missing counts in the answer"
        if int(_shown(m.group(1))) != row["rows"] or int(_shown(m.group(3))) != row["missing"]:
            return f"counts {m.groups()} != {row['rows']}, {row['missing']}"
        if f"Most rows have city = {row['top_city']};" not in answer:
            return f"most common city is {row['top_city']}"
        return None
    if name == "group mean":
        for city, value in zip(ref["city"], ref["value"]):
            m = re.search(rf"^- {re.escape(city)}: ({NUMBER})$", answer, re.M)
            if not m or not close(m.group(1), value):
                return f"{city}: expected {value}"
        return None
    if name == "filtered count":
        m = re.search(rf"\*\*({NUMBER})\*\*", answer)
        n = int(ref["n"].iloc[0])
        return None if m and int(_shown(m.group(1))) == n else f"expected {n:,}"
    if name == "top-10":
        lines = re.findall(rf"^(\d+)\. (.+): ({NUMBER})$", answer, re.M)
        if len(lines) != 10:
            return f"{len(lines)} rows listed"
        for (rank, label, shown), (_, row) in zip(lines, ref.iterrows()):
            if not close(shown, row["amount"]):
                return f"rank {rank}: {shown} != {row['amount']}"
            if not {str(row["id"]), row["customer"]} & set(label.split(" · ")):
                return f"rank {rank}: {label} is not order {row['id']} ({row['customer']})"
        return None
    if name == "monthly trend":
        # listed month by month, or (a long series) its highest, lowest, first and last months
        totals = dict(zip(ref["month"], ref["value"]))
        found = re.findall(rf"^- (\d{{4}}-\d{{2}}): ({NUMBER})$", answer, re.M)
        found += re.findall(rf"(\d{{4}}-\d{{2}}) \(({NUMBER})\)", answer)
        if len(found) < 4:
            return "fewer than four months stated"
        for month, shown in found:
            if month not in totals or not close(shown, totals[month]):
                return f"{month}: {shown} != {totals.get(month)}"
        if f"({len(totals)} groups)" not in answer and f"({len(totals)} points)" not in answer:
            return f"expected {len(totals)} months"
        return None
    if name == "histogram":
        row = ref.iloc[0]
        m = re.search(rf"mean \*\*({NUMBER})\*\*, median \*\*({NUMBER})\*\*", answer)
        d = re.search(rf"From ({NUMBER}) to ({NUMBER}), standard deviation ({NUMBER}), over ({NUMBER}) values", answer)
        if not m or not d:
            return "statistics missing"
        pairs = [
            (m.group(1), row["mean"]),
            (m.group(2), row["median"]),
            (d.group(1), row["min"]),
            (d.group(2), row["max"]),
            (d.group(3), row["std"]),
        ]
        for shown, value in pairs:
            if not close(shown, value):
                return f"{shown} != {value}"
        return None if int(_shown(d.group(4))) == row["count"] else f"count != {row['count']}"
    raise KeyError(name)


# --- the server -----------------------------------------------------------------------------------


def _call(server, method: str, path: str, body: object = None, timeout: float = 3600) -> tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"{server.url}/vista/api/{path}",
        method=method,
        data=data,
        headers={"Authorization": f"token {server.token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, (
                json.loads(raw) if raw and "json" in response.headers.get("Content-Type", "") else raw
            )
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def _wait_turn(server, thread_id: str, after: int, timeout: float = 1800) -> tuple[dict, int]:
    """The `done` event of the next turn after event `after`, and the last event seen."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _, page = _call(server, "GET", f"threads/{thread_id}/events?after={after}")
        for event in page["events"]:
            after = max(after, event["seq"])
            if event["type"] == "done":
                return event["data"], after
        time.sleep(0.1)
    raise TimeoutError("no answer")


def _kernel_pids(server_pid: int) -> list[int]:
    """The kernels among the server's descendants."""
    out, todo = [], [server_pid]
    while todo:
        pid = todo.pop()
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo += [int(p) for p in f.read().split()]
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if b"ipykernel" in f.read() and pid != server_pid:
                    out.append(pid)
        except OSError:
            continue
    return out


def _peak_rss(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def _figures_draw(server, thread_id: str, message: dict) -> tuple[int, int]:
    """(figures, figures that draw nothing) of an answer."""
    from bench_offline_eval import figure_draws_something

    figures = blank = 0
    for step in message.get("metadata", {}).get("steps", []):
        for output in (step.get("result") or {}).get("outputs") or []:
            if output.get("artifact"):
                figures += 1
                _, png = _call(server, "GET", f"threads/{thread_id}/artifacts/{output['artifact']['id']}")
                blank += not figure_draws_something(png)
    return figures, blank


class WrongSide(RuntimeError):
    """A dataset meant for one side of the threshold was held the other way."""


def run_size(label: str, csv: Path, work: Path, ref: dict[str, Any], expect: str) -> dict[str, Any]:
    """One size through a real server: ingest, overview, the five questions; timings, checks.
    `expect` is the holding ("pandas" or "duckdb") the size is meant to measure."""
    root = work / f"server-{label.replace(' ', '-')}"
    root.mkdir()
    os.link(csv, root / csv.name)  # in the server's workspace, as a user's file is
    data_dir = work / f"vista-{label.replace(' ', '-')}"
    config = (
        f"c.ServerApp.root_dir = {str(root)!r}\n"
        f"c.VistaApp.data_dir = {str(data_dir)!r}\n"
        f"c.VistaApp.kernel_memory_limit = {KERNEL_LIMIT}\n"
        f"c.VistaApp.max_upload_bytes = {64 * GiB}\n"
        "c.VistaApp.execution_timeout = 1800\n"
        "c.VistaApp.auto_overview = True\n"
    )
    out: dict[str, Any] = {"label": label, "csv_bytes": csv.stat().st_size, "answers": {}}
    with jupyter_server(config) as server:
        started = time.perf_counter()
        status, thread = _call(server, "POST", "threads", {"name": label, "dataset": {"path": csv.name}})
        assert status == 201, (status, thread)
        out["ingest_s"] = time.perf_counter() - started
        tid = thread["id"]
        _, listed = _call(server, "GET", f"threads/{tid}/datasets")
        dataset = listed["datasets"][0]
        out["mode"], out["rows"], out["dataframe_bytes"] = dataset["mode"], dataset["rows"], dataset["dataframe_bytes"]
        parquet = data_dir / "threads" / tid / dataset["parquet_path"]
        print(
            f"  {label}: held as {out['mode']} (estimated DataFrame {out['dataframe_bytes'] / 2**20:,.0f} MiB, "
            f"threshold {THRESHOLD / 2**20:,.0f} MiB)",
            file=sys.stderr,
            flush=True,
        )
        if out["mode"] != expect:
            raise WrongSide(
                f"{label}: held as {out['mode']}, meant to measure {expect} "
                f"(estimated {out['dataframe_bytes']:,} bytes, threshold {THRESHOLD:,})"
            )
        done, seen = _wait_turn(server, tid, 0)
        out["overview_s"] = time.perf_counter() - started - out["ingest_s"]
        answer = done["message"]["content"]
        figures, blank = _figures_draw(server, tid, done["message"])
        out["answers"]["overview"] = {
            "seconds": out["overview_s"],
            "error": check("overview", answer, ref["overview"]),
            "figures": figures,
            "blank": blank,
            "answer": answer,
        }
        for name, question in QUESTIONS.items():
            started = time.perf_counter()
            status, _ = _call(
                server, "POST", f"threads/{tid}/messages", {"content": question, "model": "vista-offline"}
            )
            assert status == 202
            done, seen = _wait_turn(server, tid, seen)
            seconds = time.perf_counter() - started
            message = done["message"]
            steps = message.get("metadata", {}).get("steps", [])
            failed = [s for s in steps if s.get("code") and (s.get("result") or {}).get("status") != "ok"]
            error = check(name, message["content"], ref[name])
            if failed:
                error = f"a step failed: {failed[0]['result'].get('error')}"
            if not any(s.get("code") for s in steps):
                error = "declined: " + message["content"][:200]
            figures, blank = _figures_draw(server, tid, message)
            out["answers"][name] = {
                "seconds": seconds,
                "error": error,
                "figures": figures,
                "blank": blank,
                "answer": message["content"],
                "sql": all("sql(" in s["code"] for s in steps if s.get("code")),
            }
        kernels = _kernel_pids(server.pid)
        out["kernel_peak_rss"] = max((_peak_rss(pid) for pid in kernels), default=0)
        out["by_hand"] = by_hand(parquet)
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(data_dir, ignore_errors=True)
    return out


# --- the runs ---------------------------------------------------------------------------------------


def _threshold_rows(work: Path) -> tuple[int, int]:
    """Rows just below and just above the DuckDB threshold (max_dataframe_bytes of a 2 GiB kernel),
    from the DataFrame bytes per row Vista estimates for this data."""
    from vista_jupyter.ingest import ingest_to_parquet
    from vista_jupyter.memory import estimate_dataframe_bytes

    probe = work / "probe.csv"
    generate(probe, rows=200_000, seed=1)
    ingest_to_parquet(probe, work / "probe.parquet")
    per_row = estimate_dataframe_bytes(work / "probe.parquet") / 200_000
    probe.unlink()
    (work / "probe.parquet").unlink()
    return int(0.92 * THRESHOLD / per_row), int(1.08 * THRESHOLD / per_row)


def run_all(work: Path, gigabytes: float) -> list[dict[str, Any]]:
    below, above = _threshold_rows(work)
    sizes = [
        ("below threshold", {"rows": below}, PANDAS),
        ("above threshold", {"rows": above}, DUCKDB),
        (f"{gigabytes:g} GB", {"megabytes": int(gigabytes * 1000**3 / 2**20)}, DUCKDB),
    ]
    runs = []
    for label, size, expect in sizes:
        csv = work / f"sales-{label.replace(' ', '-')}.csv"
        started = time.perf_counter()
        generate(csv, **size)
        print(
            f"  {label}: generated {csv.stat().st_size / 1e9:.2f} GB in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
            flush=True,
        )
        ref = reference(csv, work)
        print(f"  {label}: reference computed", file=sys.stderr, flush=True)
        result = run_size(label, csv, work, ref, expect)
        csv.unlink()
        runs.append(result)
        print(
            f"  {label}: {json.dumps({k: v for k, v in result.items() if k != 'answers'}, default=str)}",
            file=sys.stderr,
            flush=True,
        )
        for name, a in result["answers"].items():
            print(
                f"    {name}: {a['seconds']:.1f} s, {'ok' if a['error'] is None else 'WRONG: ' + a['error']}",
                file=sys.stderr,
                flush=True,
            )
    return runs


def table(runs: list[dict[str, Any]]) -> str:
    """The README's table: one column per size."""

    def mb(n: float) -> str:
        return f"{n / 2**20:,.0f} MiB"

    head = ["", *(r["label"] for r in runs)]
    rows = [
        ["CSV", *(f"{r['csv_bytes'] / 1e9:.2f} GB, {r['rows'] / 1e6:.1f} M rows" for r in runs)],
        [
            f"held as (estimated DataFrame; threshold {mb(THRESHOLD)})",
            *(f"{r['mode']} ({mb(r['dataframe_bytes'])})" for r in runs),
        ],
        ["ingest (read, Parquet, profile)", *(f"{r['ingest_s']:.1f} s" for r in runs)],
        [
            "overview (kernel start, data set-up, answer)",
            *(
                f"{r['answers']['overview']['seconds']:.1f} s {'✓' if r['answers']['overview']['error'] is None else '✗'}"
                for r in runs
            ),
        ],
    ]
    for name in QUESTIONS:
        rows.append(
            [
                f"{name}: answer / DuckDB by hand",
                *(
                    f"{r['answers'][name]['seconds']:.1f} s / {r['by_hand'][name]:.2f} s "
                    f"{'✓' if r['answers'][name]['error'] is None else '✗'}"
                    for r in runs
                ),
            ]
        )
    rows.append(["kernel peak RSS (limit 2 GiB)", *(mb(r["kernel_peak_rss"]) for r in runs)])
    rows.append(
        [
            "answers correct",
            *(f"{sum(a['error'] is None for a in r['answers'].values())} / {len(r['answers'])}" for r in runs),
        ]
    )
    rows.append(
        [
            "figures (blank)",
            *(
                f"{sum(a['figures'] for a in r['answers'].values())} ({sum(a['blank'] for a in r['answers'].values())})"
                for r in runs
            ),
        ]
    )
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def run() -> list[Result]:
    """For benchmarks/run.py."""
    gigabytes = float(os.environ.get("VISTA_BENCH_LARGE_GB", "5"))
    base = os.environ.get("VISTA_BENCH_DIR")
    work = Path(tempfile.mkdtemp(prefix="vista-large-", dir=base))
    try:
        runs = run_all(work, gigabytes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(runs), file=sys.stderr)
    results = []
    for r in runs:
        bench = f"large data: {r['label']}"
        results.append(Result(bench, f"ingest ({r['csv_bytes'] / 1e9:.2f} GB CSV)", r["ingest_s"], "s"))
        results.append(Result(bench, f"held as {r['mode']}", r["dataframe_bytes"] / 2**20, "MiB (DataFrame estimate)"))
        for name, a in r["answers"].items():
            ratio = f" ({a['seconds'] / r['by_hand'][name]:.1f}x DuckDB by hand)" if name in r["by_hand"] else ""
            results.append(
                Result(
                    bench,
                    f"{name}{ratio}",
                    a["seconds"],
                    "s",
                    target="correct",
                    ok=a["error"] is None and not a["blank"],
                )
            )
        peak = r["kernel_peak_rss"] / 2**20
        results.append(Result(bench, "kernel peak RSS", peak, "MiB", target="< 2048", ok=peak < 2048))
    return results


def main() -> int:
    try:
        results = run()
    except WrongSide as e:
        print(f"bench_large: {e}: the sizes no longer straddle the threshold", file=sys.stderr)
        return 2
    print(Result.table(results))
    return 1 if any(r.ok is False for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
