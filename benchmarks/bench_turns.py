"""Turn overhead: the server's own time per turn beyond the model's and the kernel's, and many
concurrent turns with no error and no lost event.

A real Jupyter server (subprocess) with Vista talks to a scripted OpenAI-protocol server in this
process that answers instantly: one run_python tool call, then the answer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Result, percentile
from tornado.httpclient import AsyncHTTPClient

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from openai_server import FakeOpenAI, Script, text, tool  # noqa: E402

# Each turn's SSE follower is cancelled once its `done` arrives; tornado then logs the closed
# connection as an error, which is expected here and would bury the table.
logging.getLogger("tornado.application").setLevel(logging.CRITICAL)

TOKEN = "bench-token"


class Api:
    def __init__(self, base: str):
        self.base = base
        self.http = AsyncHTTPClient(max_clients=200)

    async def call(self, method: str, path: str, body: dict | None = None):
        r = await self.http.fetch(self.base + path, method=method, raise_error=False,
                                  body=None if body is None else json.dumps(body),
                                  headers={"Authorization": f"token {TOKEN}"}, request_timeout=120)
        return r.code, json.loads(r.body) if r.body else None


async def wait_done(api: Api, tid: str, turn_id: str) -> list[dict]:
    while True:
        _, body = await api.call("GET", f"threads/{tid}/events?limit=5000")
        events = body["events"]
        if any(e["type"] == "done" and e["turn_id"] == turn_id for e in events):
            return events
        await asyncio.sleep(0.005)


async def _measure() -> list[Result]:
    fake = FakeOpenAI().start()
    model_ms: list[float] = []
    original_next = fake.next

    def next_script(body):
        fake.requests[-1]["served"] = time.monotonic()
        return original_next(body)

    fake.next = next_script
    fake.default = Script(text="Done.")
    with tempfile.TemporaryDirectory() as tmp:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        config = Path(tmp, "config.py")
        config.write_text(
            "c.ServerApp.jpserver_extensions = {'vista_jupyter': True}\n"
            "c.ServerApp.allow_root = True\nc.ServerApp.open_browser = False\n"
            f"c.ServerApp.port = {port}\nc.ServerApp.port_retries = 0\n"
            f"c.ServerApp.root_dir = {tmp!r}\nc.IdentityProvider.token = {TOKEN!r}\n"
            f"c.VistaApp.data_dir = {str(Path(tmp, 'vista'))!r}\n"
            f"c.VistaApp.model = 'bench'\nc.VistaApp.base_url = {fake.base_url!r}\n"
            "c.VistaApp.auto_overview = False\nc.VistaApp.max_kernels_per_user = 25\n"
        )
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(Path(tmp, "runtime"))}
        process = subprocess.Popen([sys.executable, "-m", "jupyter_server", f"--config={config}"],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        api = Api(f"http://127.0.0.1:{port}/vista/api/")
        try:
            for _ in range(600):
                try:
                    if (await api.call("GET", "info"))[0] == 200:
                        break
                except OSError:
                    pass
                await asyncio.sleep(0.1)
            _, thread = await api.call("POST", "threads", {"dataset": {"example": "cars"}})
            tid = thread["id"]

            async def one_turn() -> tuple[float, float, float]:
                """(total, kernel, model) milliseconds of one turn, its end seen on the SSE stream."""
                fake.requests.clear()
                fake.script(tool("df['Horsepower'].max()"), text("The highest horsepower is 230."))
                _, body = await api.call("GET", f"threads/{tid}/events?limit=5000")
                after = body["events"][-1]["seq"] if body["events"] else 0
                done = asyncio.Event()
                events: list[dict] = []

                def on_chunk(chunk: bytes) -> None:
                    for line in chunk.decode().splitlines():
                        if line.startswith("data: "):
                            events.append(json.loads(line[6:]))
                            if events[-1]["type"] == "done":
                                done.set()

                stream = asyncio.ensure_future(api.http.fetch(
                    f"{api.base}threads/{tid}/events/stream?after={after}",
                    headers={"Authorization": f"token {TOKEN}"}, streaming_callback=on_chunk,
                    request_timeout=120, raise_error=False))
                await asyncio.sleep(0.05)
                t = time.monotonic()
                await api.call("POST", f"threads/{tid}/messages", {"content": "max hp?"})
                await done.wait()
                total = (time.monotonic() - t) * 1000
                stream.cancel()
                # The server's own account of its waiting: model client (HTTP and the openai
                # package) and kernel round trips.
                timing = [e for e in events if e["type"] == "done"][0]["data"]["timing"]
                return total, timing["kernel_ms"], timing["model_ms"]

            for _ in range(5):  # warm the kernel and the paths
                await one_turn()
            overheads, totals, models = [], [], []
            for _ in range(30):
                total, kernel, model = await one_turn()
                totals.append(total)
                models.append(model)
                overheads.append(total - kernel - model)

            # 100 turns across 20 threads, 20 at a time (one running turn per thread)
            threads = []
            for i in range(20):
                _, t = await api.call("POST", "threads", {"dataset": {"example": "iris"}})
                threads.append(t["id"])
            fake.default = Script(text="Answer.")
            errors = 0
            started = time.monotonic()
            for _ in range(5):
                async def ask(thread_id: str) -> None:
                    nonlocal errors
                    status, asked = await api.call("POST", f"threads/{thread_id}/messages", {"content": "hi"})
                    if status != 202:
                        errors += 1
                        return
                    events = await wait_done(api, thread_id, asked["turn"]["id"])
                    done = [e for e in events if e["type"] == "done" and e["turn_id"] == asked["turn"]["id"]]
                    if done[0]["data"]["status"] != "done":
                        errors += 1
                await asyncio.gather(*(ask(t) for t in threads))
            burst = time.monotonic() - started
            lost = 0
            for thread_id in threads:
                _, body = await api.call("GET", f"threads/{thread_id}/events?limit=5000")
                seqs = [e["seq"] for e in body["events"]]
                lost += (seqs != list(range(1, len(seqs) + 1)))
                _, page = await api.call("GET", f"threads/{thread_id}/messages")
                lost += len(page["messages"]) != 10
        finally:
            process.terminate()
            process.wait(timeout=30)
            fake.stop()

    return [
        Result("turns", "turn wall time median (instant model, 1 tool call)", statistics.median(totals), "ms"),
        Result("turns", "model client time per turn median (2 requests)", statistics.median(models), "ms"),
        Result("turns", "server overhead per turn median", statistics.median(overheads), "ms",
               target="<= 25 ms", ok=statistics.median(overheads) <= 25),
        Result("turns", "server overhead per turn p95", percentile(overheads, 95), "ms"),
        Result("turns", "100 turns / 20 threads: errors", errors, "", target="0", ok=errors == 0),
        Result("turns", "100 turns / 20 threads: threads with lost events or messages", lost, "",
               target="0", ok=lost == 0),
        Result("turns", "100 turns / 20 threads: wall time", burst, "s"),
    ]


def run() -> list[Result]:
    return asyncio.run(_measure())
