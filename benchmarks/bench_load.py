"""Load: 20 users x 5 threads asking questions at once against one server with a scripted model.

Each client polls its thread's events every 0.2 s (as a UI without SSE would). Reports errors,
lost messages (rows in the database must equal the questions asked plus their
answers), p95 of the added latency per turn beyond model and kernel, and the server's event-loop
lag under load (the latency of a trivial request sent while the turns run). Users are named
identities (the test identity provider of the suite, selected by a header).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import Result, percentile
from tornado.httpclient import AsyncHTTPClient

TESTS = Path(__file__).parent.parent / "tests"
sys.path.insert(0, str(TESTS))
from openai_server import FakeOpenAI, Script  # noqa: E402
from servers import JupyterServer  # noqa: E402

USERS, THREADS, ROUNDS = 20, 5, 2


async def _measure() -> list[Result]:
    fake = FakeOpenAI().start()
    fake.default = Script(text="Done.")
    http = AsyncHTTPClient(max_clients=300)
    with tempfile.TemporaryDirectory() as tmp:
        server = JupyterServer(
            Path(tmp), Path(tmp, "vista"), root_dir=Path(tmp), env={"PYTHONPATH": str(TESTS)},
            headers={"X-Vista-Test-User": "u0"}, config=(
                "from conftest import HeaderIdentityProvider\n"
                "c.ServerApp.identity_provider_class = HeaderIdentityProvider\n"
                f"c.VistaApp.model = 'load'\nc.VistaApp.base_url = {fake.base_url!r}\n"
                "c.VistaApp.auto_overview = False\nc.VistaApp.kernel_idle_timeout = 0\n"))
        server.start()
        base = f"{server.url}/vista/api/"

        async def call(user: str, method: str, path: str, body: dict | None = None):
            r = await http.fetch(base + path, method=method, raise_error=False, request_timeout=300,
                                 body=None if body is None else json.dumps(body),
                                 headers={"X-Vista-Test-User": user})
            return r.code, json.loads(r.body) if r.body else None

        try:
            await server.ready()
            users = [f"user{i:02d}" for i in range(USERS)]
            threads = {}
            for user in users:
                for _ in range(THREADS):
                    # plain threads: the scripted model answers without code, so no kernels start
                    # and what is measured is Vista's own turn machinery
                    status, t = await call(user, "POST", "threads", {"name": "load"})
                    assert status == 201, t
                    threads.setdefault(user, []).append(t["id"])
            errors, added, asked = 0, [], 0
            lags: list[float] = []
            stop = asyncio.Event()

            async def probe() -> None:
                while not stop.is_set():
                    t = time.monotonic()
                    await call("probe", "GET", "info")
                    lags.append((time.monotonic() - t) * 1000)
                    await asyncio.sleep(0.1)

            async def turn(user: str, tid: str) -> None:
                nonlocal errors, asked
                t = time.monotonic()
                status, body = await call(user, "POST", f"threads/{tid}/messages", {"content": "sum?"})
                if status != 202:
                    errors += 1
                    return
                asked += 1
                while True:
                    _, page = await call(user, "GET", f"threads/{tid}/events?limit=5000")
                    done = [e for e in page["events"] if e["type"] == "done" and e["turn_id"] == body["turn"]["id"]]
                    if done:
                        break
                    await asyncio.sleep(0.2)
                if done[0]["data"]["status"] != "done":
                    errors += 1
                timing = done[0]["data"]["timing"]
                added.append((time.monotonic() - t) * 1000 - timing["model_ms"] - timing["kernel_ms"])

            prober = asyncio.ensure_future(probe())
            started = time.monotonic()
            for _ in range(ROUNDS):
                fake.scripts.clear()
                fake.default = Script(text="Done.")
                await asyncio.gather(*(turn(u, tid) for u in users for tid in threads[u]))
            wall = time.monotonic() - started
            stop.set()
            await prober
        finally:
            server.stop()
            fake.stop()
        with sqlite3.connect(Path(tmp, "vista", "vista.sqlite3")) as db:
            rows = db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
    lost = asked * 2 - rows
    return [
        Result("load", f"{USERS} users x {THREADS} threads x {ROUNDS} rounds: turns", asked, ""),
        Result("load", "errors", errors, "", target="0", ok=errors == 0),
        Result("load", "lost messages (questions+answers - rows)", lost, "", target="0", ok=lost == 0),
        Result("load", "added latency per turn p95 (beyond model and kernel)", percentile(added, 95), "ms"),
        Result("load", "added latency per turn median", statistics.median(added), "ms"),
        Result("load", "event-loop lag: trivial request p95 under load", percentile(lags, 95), "ms"),
        Result("load", "wall time", wall, "s"),
    ]


def run() -> list[Result]:
    return asyncio.run(_measure())
