"""Scores CSV readers over the corpus and prints a table per pollution family.

    python run.py                                  # the four baselines on the dev files
    python run.py --reader mypkg.io:read_table     # add a plug-in: read_table(path) -> (header, rows)
    python run.py --heldout DIR                    # score the held-out files in DIR instead
    python run.py --readers pandas,duckdb --timeout 30 --files 'numbers/*'

Each reader runs in its own worker process, which reads and scores one file at a time; a file
that takes longer than --timeout seconds kills the worker (score 0, counted as a timeout) and a
fresh worker takes the next file.  A reader that raises scores 0 for that file.  Per-file
results go to results/<part>_<reader>.json (DIR/results with --heldout), with the reader's error.
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def load_reader(spec: str):
    from readers import BUILTIN

    if spec in BUILTIN:
        return BUILTIN[spec]
    mod, _, fn = spec.partition(":")
    if not fn:
        raise SystemExit(f"reader {spec!r}: expected a built-in name or module:function")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    return getattr(importlib.import_module(mod), fn)


def worker(spec: str) -> None:
    """Reads requests (one JSON line: file and truth paths) and answers one JSON line each."""
    from score import ZERO, score

    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything the reader prints goes to stderr, not into the protocol
    fn = load_reader(spec)
    for line in sys.stdin:
        req = json.loads(line)
        truth = json.loads(Path(req["truth"]).read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        try:
            header, rows = fn(req["path"])
            err = None
        except Exception as e:  # a reader that raises scores 0 for this file
            err = f"{type(e).__name__}: {str(e)[:200]}"
        secs = time.perf_counter() - t0
        # the scorer is not allowed to fail: an exception here stops the worker and is reported
        res = dict(ZERO) if err else score(truth, header, rows)
        out.write(json.dumps({"score": res, "error": err, "secs": round(secs, 4)}) + "\n")


class Worker:
    def __init__(self, spec: str, log):
        self.spec = spec
        self.proc = None
        self.log = log  # the worker's stderr: reader warnings and any crash

    def start(self):
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "run.py"), "--worker", self.spec],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            start_new_session=True,
            cwd=os.getcwd(),
        )

    def stop(self):
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
        self.proc = None

    def ask(self, path: Path, truth: Path, timeout: float) -> dict:
        from score import ZERO

        if self.proc is None:
            self.start()
        try:
            self.proc.stdin.write(json.dumps({"path": str(path), "truth": str(truth)}) + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            self.stop()
            return {"score": dict(ZERO), "error": "worker died", "secs": 0.0}
        r, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not r:
            self.stop()
            return {"score": dict(ZERO), "error": f"timeout after {timeout:g}s", "secs": timeout}
        line = self.proc.stdout.readline()
        if not line:
            self.stop()
            return {"score": dict(ZERO), "error": "worker crashed", "secs": 0.0, "crashed": True}
        return json.loads(line)


def run_reader(spec, files, root, timeout, results, progress, logdir):
    logdir.mkdir(exist_ok=True)
    log = open(logdir / f"worker_{spec.replace(':', '_').replace('/', '_')}.log", "w")
    w = Worker(spec, log)
    out = []
    try:
        for i, m in enumerate(files):
            p = root / m["file"]
            res = w.ask(p, p.with_name(p.name + ".truth.json"), timeout)
            res.update(file=m["file"], family=m["family"], n_pollutions=m["n_pollutions"])
            out.append(res)
            if progress and (i + 1) % 50 == 0:
                print(f"  {spec}: {i + 1}/{len(files)}", file=sys.stderr, flush=True)
    finally:
        w.stop()
        log.close()
    results[spec] = out


def mean(xs):
    xs = list(xs)
    return sum(xs) / len(xs) if xs else float("nan")


def table(results: dict, specs: list, families: list) -> str:
    names = [s.partition(":")[0] if ":" in s else s for s in specs]  # a plug-in by its module name
    lines = ["| family | files | " + " | ".join(names) + " |", "|---|---:|" + "---:|" * len(specs)]

    def row(label, pred):
        n = sum(1 for r in results[specs[0]] if pred(r))
        cells = [f"{mean(r['score']['score'] for r in results[s] if pred(r)):.2f}" for s in specs]
        lines.append(f"| {label} | {n} | " + " | ".join(cells) + " |")

    for fam in families:
        row(fam, lambda r, f=fam: r["family"] == f)
    row("**files with 2+ pollutions**", lambda r: r["n_pollutions"] >= 2)
    row("**all (mean /10)**", lambda r: True)
    for key, label in [("header_f1", "header F1"), ("record_f1", "record F1"), ("cell_f1", "cell F1")]:
        lines.append(
            f"| {label} (all) | | "
            + " | ".join(f"{mean(r['score'][key] for r in results[s]):.3f}" for s in specs)
            + " |"
        )
    lines.append(
        "| raised / timed out / crashed | | "
        + " | ".join(
            f"{sum(1 for r in results[s] if r['error'] and not r['error'].startswith(('timeout', 'worker')))} / "
            f"{sum(1 for r in results[s] if (r['error'] or '').startswith('timeout'))} / "
            f"{sum(1 for r in results[s] if (r['error'] or '').startswith('worker'))}"
            for s in specs
        )
        + " |"
    )
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--readers", default="pandas,pandas_sniff,clevercsv,duckdb")
    ap.add_argument("--reader", action="append", default=[], help="plug-in module:function (repeatable)")
    ap.add_argument("--heldout", metavar="DIR", help="score the held-out files under DIR/files")
    ap.add_argument("--dev", metavar="DIR", help="the dev files are under DIR/files (default: here)")
    ap.add_argument("--files", default="*", help="glob over 'family/name' to run a subset")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--jobs", type=int, default=2, help="readers run at the same time")
    ap.add_argument(
        "--results",
        help="folder for per-file results and worker logs (default: results/ here, or DIR/results with --heldout)",
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        return worker(a.worker)
    specs = [s for s in a.readers.split(",") if s] + a.reader
    for s in specs:
        load_reader(s)  # fail fast on a bad plug-in name
    root = Path(a.heldout) / "files" if a.heldout else Path(a.dev or HERE) / "files"
    part = "heldout" if a.heldout else "dev"
    a.results = a.results or str(Path(a.heldout) / "results" if a.heldout else Path(a.dev or HERE) / "results")
    files = [
        m
        for m in json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        if fnmatch.fnmatch(m["file"], a.files)
    ]
    families = sorted({m["family"] for m in files}, key=lambda f: [m["family"] for m in files].index(f))
    print(f"{part}: {len(files)} files, readers: {', '.join(specs)}", file=sys.stderr)
    results: dict = {}
    t0 = time.time()
    pending = list(specs)
    while pending:
        batch, pending = pending[: a.jobs], pending[a.jobs :]
        threads = [
            threading.Thread(target=run_reader, args=(s, files, root, a.timeout, results, True, Path(a.results)))
            for s in batch
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    outdir = Path(a.results)
    outdir.mkdir(exist_ok=True)
    for s in specs:
        safe = s.replace(":", "_").replace("/", "_")
        (outdir / f"{part}_{safe}.json").write_text(json.dumps(results[s], indent=0), encoding="utf-8")
    print(f"\n{part} set, {len(files)} files, mean Pollock score (0-10) per family; {time.time() - t0:.0f}s\n")
    print(table(results, specs, families))


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        traceback.print_exc()
        sys.exit(130)
