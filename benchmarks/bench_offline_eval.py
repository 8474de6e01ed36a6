"""The offline analyst on an independent evaluation set: correct, declined and WRONG answers.

    python benchmarks/bench_offline_eval.py                      # the dev set in benchmarks/evalset
    python benchmarks/bench_offline_eval.py --questions Q.jsonl --data DIR   # any set of the same format
    python benchmarks/bench_offline_eval.py --duckdb             # every dataset held in DuckDB (SQL code)
    python benchmarks/run.py offline_eval                        # as part of the benchmark table

Every question goes through the path a user's question takes: a real Jupyter server (subprocess)
with Vista, a thread made from the data file by uploading it (so it is read exactly as Vista reads
any upload: encoding, dialect, types), one thread and so one kernel per dataset, reused; the
question is posted to the thread with the offline analyst as the model, and the turn's stored
answer, steps and figures are graded by `evalset/grade.py` (the second set's author grades by the
same rules, with an identical grader, so it is kept once). A turn that ran
no code is a decline. Every figure is fetched and checked to draw something (not a blank chart).

With `--duckdb` the server holds every dataset in DuckDB (`max_dataframe_bytes = 1`), as it holds
data too large for pandas in the kernel, so every answer is computed by the SQL renderer.

Prints a table of correct / declined / wrong per language and per kind, then every wrong answer.
The questions and expected results were written independently of the analyst (see
`evalset/README.md`); the target is no wrong answer and at least 90% correct.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
EVALSET = HERE / "evalset"
sys.path.insert(0, str(EVALSET))

from grade import grade, headline  # noqa: E402

Call = Callable[..., Awaitable[tuple[int, Any]]]


def load_questions(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def figure_draws_something(png: bytes) -> bool:
    """Whether a chart shows data: enough coloured (not black, white or grey) pixels, as every
    series Vista draws is coloured while axes, ticks and labels are not."""
    import matplotlib.image as mpimg

    image = mpimg.imread(io.BytesIO(png), format="png")[..., :3]
    spread = image.max(axis=2) - image.min(axis=2)
    return float((spread > 0.15).mean()) >= 0.002


async def make_thread(call: Call, path: Path) -> str:
    status, upload = await call("POST", "uploads", body=path.read_bytes(), params={"name": path.name})
    if status != 201:
        raise RuntimeError(f"upload of {path.name} failed: {status} {upload}")
    status, thread = await call("POST", "threads", json_body={"name": path.stem, "dataset": {"upload": upload["id"]}})
    if status != 201:
        raise RuntimeError(f"thread for {path.name} failed: {status} {thread}")
    return thread["id"]


async def ask(call: Call, thread_id: str, question: str, timeout: float = 180) -> dict[str, Any]:
    """Post a question to the offline analyst and return its finished assistant message."""
    status, body = await call(
        "POST", f"threads/{thread_id}/messages", json_body={"content": question, "model": "vista-offline"}
    )
    if status != 202:
        raise RuntimeError(f"question refused: {status} {body}")
    turn_id = body["turn"]["id"]
    after = 0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _, page = await call("GET", f"threads/{thread_id}/events", params={"after": after})
        for event in page["events"]:
            after = max(after, event["seq"])
            if event["type"] == "done" and event["turn_id"] == turn_id:
                return event["data"]["message"]
        await asyncio.sleep(0.02)
    raise TimeoutError(f"no answer within {timeout} s: {question}")


async def evaluate(
    call: Call,
    questions: list[dict[str, Any]],
    data_dir: Path,
    fetch: Callable[[str, str], Awaitable[bytes]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """Ask every question (one thread per dataset) and grade the answers."""
    threads: dict[str, str] = {}
    out = []
    for n, q in enumerate(questions, 1):
        if q["dataset"] not in threads:
            threads[q["dataset"]] = await make_thread(call, data_dir / q["dataset"])
        thread_id = threads[q["dataset"]]
        started = time.perf_counter()
        message = await ask(call, thread_id, q["question"])
        seconds = time.perf_counter() - started
        steps = message.get("metadata", {}).get("steps", [])
        code = "\n".join(s.get("code") or "" for s in steps)
        outputs = [o for s in steps for o in ((s.get("result") or {}).get("outputs") or [])]
        artifacts = [o["artifact"]["id"] for o in outputs if o.get("artifact")]
        failed = [s for s in steps if s.get("code") and (s.get("result") or {}).get("status") != "ok"]
        # declined: nothing computed, or flagged so after computing (suggestions are offered only
        # with a decline: e.g. a total over rows that hold no value of the column at all)
        declined = not any(s.get("code") for s in steps) or bool(message.get("metadata", {}).get("suggestions"))
        answer = message.get("content", "")
        verdict = grade(q["expect"], answer, declined, len(artifacts), code, q["question"])
        blank = 0
        if fetch is not None:
            for artifact in artifacts:
                if not figure_draws_something(await fetch(thread_id, artifact)):
                    blank += 1
        out.append(
            {
                "id": q["id"],
                "lang": q["lang"],
                "kind": q["expect"]["kind"],
                "question": q["question"],
                "expect": q["expect"],
                "verdict": verdict,
                "declined": declined,
                "answer": answer,
                "figures": len(artifacts),
                "blank_figures": blank,
                "failed_steps": len(failed),
                "seconds": seconds,
            }
        )
        if progress:
            progress(n, len(questions))
    return out


def report(rows: list[dict[str, Any]]) -> str:
    lines = []
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in rows:
        table[(r["lang"], r["kind"])][r["verdict"]] += 1
        table[(r["lang"], "all")][r["verdict"]] += 1
        table[("all", r["kind"])][r["verdict"]] += 1
        table[("all", "all")][r["verdict"]] += 1
    kinds = sorted({r["kind"] for r in rows}) + ["all"]
    langs = sorted({r["lang"] for r in rows}) + ["all"]
    lines.append("| language | kind | questions | correct | declined | WRONG |")
    lines.append("|---|---|---|---|---|---|")
    for lang in langs:
        for kind in kinds:
            c = table.get((lang, kind))
            if not c:
                continue
            total = sum(c.values())
            lines.append(
                f"| {lang} | {kind} | {total} | {c['correct']} ({c['correct'] / total:.0%}) | "
                f"{c['declined']} | {c['wrong']} |"
            )
    wrong = [r for r in rows if r["verdict"] == "wrong"]
    lines.append("")
    lines.append(f"wrong answers: {len(wrong)}")
    for r in wrong:
        lines.append(f"- {r['id']} [{r['kind']}] {r['question']}")
        lines.append(
            f"    expected {json.dumps({k: r['expect'].get(k) for k in ('value', 'also') if k in r['expect']}, ensure_ascii=False)[:300]}"
        )
        lines.append(f"    answered {'(declined) ' if r['declined'] else ''}{headline(r['answer'])[:300]}")
    declined = [r for r in rows if r["verdict"] == "declined"]
    lines.append(f"declined (not wrong): {len(declined)}")
    for r in declined:
        lines.append(f"- {r['id']} {r['question']}")
    blank = sum(r["blank_figures"] for r in rows)
    failed = sum(r["failed_steps"] for r in rows)
    seconds = [r["seconds"] for r in rows]
    lines.append(f"figures: {sum(r['figures'] for r in rows)}, blank: {blank}; code steps that failed: {failed}")
    lines.append(f"seconds per question: median {statistics.median(seconds):.2f}, max {max(seconds):.2f}")
    return "\n".join(lines)


def _tornado_call(base: str, token: str) -> tuple[Call, Callable[[str, str], Awaitable[bytes]]]:
    from urllib.parse import urlencode

    from tornado.httpclient import AsyncHTTPClient

    http = AsyncHTTPClient()
    headers = {"Authorization": f"token {token}"}

    async def call(
        method: str,
        path: str,
        *,
        json_body: Any = None,
        body: bytes | None = None,
        params: dict[str, Any] | None = None,
    ) -> tuple[int, Any]:
        if json_body is not None:
            body = json.dumps(json_body).encode()
        if body is None and method == "POST":
            body = b""
        url = f"{base}/vista/api/{path}" + (f"?{urlencode(params)}" if params else "")
        r = await http.fetch(url, method=method, body=body, headers=headers, raise_error=False, request_timeout=300)
        return r.code, json.loads(r.body) if r.body else None

    async def fetch(thread_id: str, artifact_id: str) -> bytes:
        r = await http.fetch(
            f"{base}/vista/api/threads/{thread_id}/artifacts/{artifact_id}", headers=headers, request_timeout=60
        )
        return r.body

    return call, fetch


def run_set(questions_path: Path, data_dir: Path, verbose: bool = True, duckdb: bool = False) -> list[dict[str, Any]]:
    from common import jupyter_server

    questions = load_questions(questions_path)
    config = "c.VistaApp.auto_overview = False\n" + ("c.VistaApp.max_dataframe_bytes = 1\n" if duckdb else "")
    with jupyter_server(config) as server:
        call, fetch = _tornado_call(server.url, server.token)

        def progress(n: int, total: int) -> None:
            if verbose and (n % 20 == 0 or n == total):
                print(f"  {n}/{total} questions", file=sys.stderr, flush=True)

        return asyncio.run(evaluate(call, questions, data_dir, fetch, progress))


def run() -> list:
    """For benchmarks/run.py: the dev set's counts and targets, with the data held in pandas and
    then in DuckDB (the SQL renderer)."""
    from common import Result

    out = []
    for duckdb in (False, True):
        name = "offline_eval" + (" (duckdb)" if duckdb else "")
        rows = run_set(EVALSET / "dev" / "questions.jsonl", EVALSET / "data", duckdb=duckdb)
        print(report(rows), file=sys.stderr)
        for lang in sorted({r["lang"] for r in rows}) + ["all"]:
            mine = [r for r in rows if lang == "all" or r["lang"] == lang]
            correct = sum(r["verdict"] == "correct" for r in mine) / len(mine) * 100
            wrong = sum(r["verdict"] == "wrong" for r in mine)
            out.append(Result(name, f"{lang}: correct ({len(mine)} questions)", correct, "%", ">= 90 %", correct >= 90))
            out.append(Result(name, f"{lang}: wrong answers", wrong, "", "0", wrong == 0))
        blank = sum(r["blank_figures"] for r in rows)
        out.append(Result(name, "blank figures", blank, "", "0", blank == 0))
        out.append(Result(name, "seconds per question (median)", statistics.median(r["seconds"] for r in rows), "s"))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=Path, default=EVALSET / "dev" / "questions.jsonl")
    parser.add_argument("--data", type=Path, default=EVALSET / "data")
    parser.add_argument("--json", type=Path, help="also write every graded answer to this file")
    parser.add_argument("--duckdb", action="store_true", help="hold every dataset in DuckDB (the SQL renderer)")
    args = parser.parse_args(argv)
    rows = run_set(args.questions, args.data, duckdb=args.duckdb)
    print(report(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if any(r["verdict"] == "wrong" for r in rows) else 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main(sys.argv[1:]))
