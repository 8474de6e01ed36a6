"""History at scale: what a heavy user's requests cost, at 1x and 10x the history.

1x is 2,000 threads plus one thread of 10,000 turns (20,000 messages, 200,000 events); 10x is
ten times each. The history is built through the store API (fast), then a real Jupyter server
with Vista is started on it and every request is measured through the real HTTP API (loopback,
token auth):

- the thread list (the sidebar's first page of 50; a page of 100, and one deep down by cursor;
  every page, as the sidebar read it before it paged),
- opening the big thread (the thread; the thread, its last page of 50 messages and its event
  stream up to the end of the replay, as the sidebar opens it; the thread and every message,
  500 a page, as the sidebar read it before it paged),
- a page of 100 messages (older, newer), the last 100 events,
- the event stream from the start (capped by `max_replay_events`: the tail and a marker),
- event-loop lag: the latency of Jupyter's own `GET /api/status`, polled from another process
  every 10 ms, while the stream replays and while a client pages through every event,
- the server's RSS while the big thread downloads as a zip (notebook and data).

The servers of both scales run side by side and the short requests alternate between them call
by call, so that the ratios hold on a machine whose load changes meanwhile (the 2-core machine
is shared); `/api/status` on an idle server is reported as the noise floor of the lag rows.

Targets: every request at most 2x slower at 10x than at 1x; opening any thread < 300 ms;
loop lag p99 < 20 ms during replays; RSS flat during the export. The rows without a target read
the whole history by nature (they grow with it): they show what the sidebar's paging replaced. Also in-process: the event loop's time per streamed text chunk with coalesced writes
against one transaction per chunk.

    python benchmarks/run.py history                  # 1x and 10x (10x: ~1.5 GB, minutes)
    VISTA_BENCH_HISTORY_SCALES=1 python benchmarks/run.py history
    VISTA_BENCH_HISTORY_DIR=/big/disk ...             # where the databases are built
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from common import Result, jupyter_server, percentile

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))

from vista_jupyter.store import Store  # noqa: E402

OWNER = "bench"
THREADS, TURNS, EVENTS_PER_TURN = 2000, 10_000, 20
REPEAT = 30


# --- building the history -----------------------------------------------------------------------


def _dataset(i: int, parquet: str) -> dict:
    return {
        "id": f"ds{i:08d}",
        "name": "cars",
        "original_name": "cars.csv",
        "original_path": "cars.csv",
        "parquet_path": parquet,
        "source": "upload",
        "var_name": "df",
        "rows": 406,
        "columns": 9,
        "size_bytes": 22_000,
        "detected": {"format": "csv"},
        "warnings": [],
        "profile": {},
        "summary": "cars",
    }


def _answer(i: int) -> tuple[str, dict]:
    output = "".join(
        f"{origin:<8}{20 + (i + k) % 17:>8.2f}\n" for k, origin in enumerate(["USA", "Europe", "Japan"] * 8)
    )
    steps = [
        {
            "step": 0,
            "text": "Let me compute the average per origin.",
            "code": "df.groupby('Origin')['MPG'].mean().round(2)",
            "result": {
                "status": "ok",
                "error": None,
                "execution_count": i,
                "duration": 0.01,
                "outputs": [{"output_type": "stream", "name": "stdout", "text": output}],
            },
        }
    ]
    content = (
        f"Answer {i}: cars from Japan have the highest average MPG, followed by Europe "
        "and the USA. The table above lists the averages per origin; the differences are "
        "large compared with the spread within each group."
    )
    return content, {"model": "bench", "steps": steps, "usage": {"prompt_tokens": 900}}


def _turn_events(turn: str, i: int, first: int) -> list[dict]:
    now = "2025-01-01T00:00:00.000Z"
    kinds = ["turn_started"] + ["text"] * 12 + ["code", "output", "step_done"] + ["text"] * 3 + ["done"]
    data = {
        "turn_started": {"turn_id": turn, "model": "bench"},
        "text": {"step": 0, "delta": "average MPG per "},
        "code": {"step": 0, "code": "df.groupby('Origin')['MPG'].mean().round(2)"},
        "output": {
            "step": 0,
            "output": {"output_type": "stream", "name": "stdout", "text": "USA 20.08\nEurope 27.89\nJapan 30.45\n"},
        },
        "step_done": {"step": 0, "status": "ok", "duration": 0.01, "execution_count": i},
        "done": {"status": "done", "usage": {}, "timing": {}},
    }
    return [
        {"seq": first + k, "type": kind, "turn_id": turn, "data": data[kind], "created_at": now}
        for k, kind in enumerate(kinds)
    ]


def build(data_dir: Path, scale: float) -> dict:
    """The history of one heavy user, through the store API."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    started = time.perf_counter()
    store = Store(data_dir / "vista.sqlite3")
    big = store.create_thread(OWNER, "Cars, every question", datasets=[_dataset(0, "cars.parquet")])
    folder = data_dir / "threads" / big["id"]
    folder.mkdir(parents=True)
    # ~100 MB of data per 1x (1 GB at 10x) beside the notebook in the zip, written in row groups
    rng = np.random.default_rng(0)
    origin = pa.array(["USA", "Europe", "Japan"])
    with pq.ParquetWriter(
        folder / "cars.parquet",
        pa.schema(
            [
                ("MPG", pa.float64()),
                ("Weight", pa.float64()),
                ("Horsepower", pa.int64()),
                ("Origin", pa.dictionary(pa.int8(), pa.string())),
            ]
        ),
        compression="zstd",
    ) as writer:
        for _ in range(int(40 * scale) or 1):
            n = 100_000
            writer.write_table(
                pa.table(
                    {
                        "MPG": rng.random(n) * 40,
                        "Weight": rng.random(n) * 4000,
                        "Horsepower": rng.integers(40, 240, n),
                        "Origin": pa.DictionaryArray.from_arrays(pa.array(rng.integers(0, 3, n), pa.int8()), origin),
                    }
                )
            )
    for i in range(int(TURNS * scale)):
        turn = f"turn{i:09d}"
        store.start_turn(OWNER, big["id"], turn, "bench", f"Question {i}: average MPG by origin?")
        first = store.last_event_seq(big["id"]) + 1
        store.append_events(OWNER, big["id"], _turn_events(turn, i, first))
        content, metadata = _answer(i)
        store.finish_turn(OWNER, big["id"], turn, "done", content, metadata, {})
    for i in range(int(THREADS * scale) - 1):
        thread = store.create_thread(OWNER, f"Analysis {i}", datasets=[_dataset(i + 1, "x.parquet")])
        turn = f"small{i:09d}"
        store.start_turn(OWNER, thread["id"], turn, "bench", "Give me an overview.")
        content, metadata = _answer(i)
        store.finish_turn(OWNER, thread["id"], turn, "done", content, metadata, {})
    # The big thread is the most recently active one, as a user's current analysis is.
    store.start_turn(OWNER, big["id"], "last", "bench", "One more thing.")
    store.finish_turn(OWNER, big["id"], "last", "done", *_answer(0), {})
    events = store.last_event_seq(big["id"])
    messages = store.get_thread(OWNER, big["id"])["message_count"]
    store.close()
    return {
        "thread": big["id"],
        "messages": messages,
        "events": events,
        "threads": int(THREADS * scale),
        "seconds": time.perf_counter() - started,
        "db_mb": sum(p.stat().st_size for p in data_dir.glob("vista.sqlite3*")) / 1e6,
    }


# --- measuring ----------------------------------------------------------------------------------


class Client:
    """Token-authenticated GETs on one kept-alive connection."""

    def __init__(self, url: str, token: str):
        parsed = urllib.parse.urlparse(url)
        self.host, self.port, self.token = parsed.hostname, parsed.port, token
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=600)

    def get(self, path: str) -> tuple[int, bytes]:
        self.conn.request("GET", path, headers={"Authorization": f"token {self.token}"})
        response = self.conn.getresponse()
        return response.status, response.read()

    def send(self, method: str, path: str, body: dict) -> int:
        self.conn.request(
            method,
            path,
            body=json.dumps(body),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        response = self.conn.getresponse()
        response.read()
        return response.status

    def feed(self):
        """The change feed, read up to its `: subscribed` comment (then it is live)."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
        conn.request("GET", f"{API}/changes", headers={"Authorization": f"token {self.token}"})
        response = conn.getresponse()
        while not response.readline().startswith(b": subscribed"):
            pass
        return response

    def json(self, path: str) -> dict:
        status, body = self.get(path)
        assert status == 200, (path, status, body[:300])
        return json.loads(body)

    def stream_until_replayed(self, path: str) -> int:
        """Open the event stream and read it up to the end of its replay; events received."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
        conn.request("GET", path, headers={"Authorization": f"token {self.token}"})
        response = conn.getresponse()
        events = 0
        while True:
            line = response.readline()
            if not line or line.startswith(b": replayed"):
                break
            events += line.startswith(b"id: ")
        conn.close()
        return events


def _probe(url: str, token: str, ready, stop, out) -> None:
    """In another process: GET /api/status every 10 ms; send the latencies (ms) when stopped."""
    parsed = urllib.parse.urlparse(url)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=600)
    latencies: list[float] = []
    while not stop.is_set():
        t = time.perf_counter()
        conn.request("GET", "/api/status", headers={"Authorization": f"token {token}"})
        conn.getresponse().read()
        latencies.append((time.perf_counter() - t) * 1000)
        ready.set()
        time.sleep(0.01)
    out.send(latencies)


class LoopLag:
    """`with LoopLag(server) as lag: ...` then `lag.latencies`: /api/status while it ran."""

    def __init__(self, server):
        self.server = server

    def __enter__(self):
        ctx = multiprocessing.get_context("spawn")
        self.stop, ready = ctx.Event(), ctx.Event()
        self.recv, send = ctx.Pipe(duplex=False)
        self.process = ctx.Process(
            target=_probe, args=(self.server.url, self.server.token, ready, self.stop, send), daemon=True
        )
        self.process.start()
        assert ready.wait(60), "the probe did not start"
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.latencies = self.recv.recv()
        self.process.join(30)


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


API = "/vista/api"


def requests_of(client: Client, info: dict) -> dict[str, Callable[[], int]]:
    """The short requests of the table against one server: name -> a call returning the size
    of what it read."""
    tid = info["thread"]
    size = min(100, info["threads"] // 4)  # (smaller only for tiny trial scales)
    cursor, pages = None, 0
    while pages < info["threads"] // (2 * size):  # half-way down the list
        page = client.json(f"{API}/threads?limit={size}" + (f"&cursor={cursor}" if cursor else ""))
        cursor, pages = page["next_cursor"], pages + 1
    middle = info["messages"] // 2

    def get(path: str) -> Callable[[], int]:
        def call() -> int:
            status, body = client.get(path)
            assert status == 200, (path, status, body[:300])
            json.loads(body)
            return len(body)

        return call

    def open_as_the_sidebar_does() -> int:
        # session.ts: the thread, its newest page, then its events from `replay_after` (the
        # running turn, if any) up to the end of the replay.
        status, body = client.get(f"{API}/threads/{tid}")
        assert status == 200, (status, body[:300])
        after = json.loads(body)["replay_after"]
        size = len(body) + get(f"{API}/threads/{tid}/messages?last=true&limit=50")()
        client.stream_until_replayed(f"{API}/threads/{tid}/events/stream?after={after}")
        return size

    feed = None
    renames = iter(range(10**9))

    def change_reaches_the_list() -> int:
        # The sidebar's list is kept current by the change feed: a rename made through the API
        # until the feed tells the list about it.
        nonlocal feed
        if feed is None:
            feed = client.feed()
        assert client.send("PATCH", f"{API}/threads/{tid}", {"name": f"Cars, every question ({next(renames)})"}) == 200
        while not feed.readline().startswith(b"event: thread"):
            pass
        return len(feed.readline())

    def stream_from_start() -> int:
        return client.stream_until_replayed(f"{API}/threads/{tid}/events/stream?after=0")

    return {
        "list threads as the sidebar does: first page of 50": get(f"{API}/threads?limit=50"),
        "list threads: first page of 100": get(f"{API}/threads?limit={size}"),
        "list threads: a page half-way down (cursor)": get(f"{API}/threads?limit={size}&cursor={cursor}"),
        "open the big thread": get(f"{API}/threads/{tid}"),
        "open the big thread as the sidebar does (thread, last 50 messages, event stream to "
        "its replay)": open_as_the_sidebar_does,
        "100 older messages (before a cursor)": get(f"{API}/threads/{tid}/messages?before={middle}&limit=100"),
        "100 newer messages (after a cursor)": get(f"{API}/threads/{tid}/messages?after={middle}&limit=100"),
        "last 100 events": get(f"{API}/threads/{tid}/events?last=true&limit=100"),
        "event stream from the start (capped replay)": stream_from_start,
        "change feed: a rename until a listening list hears of it": change_reaches_the_list,
    }


def interleaved(calls: dict[float, dict[str, Callable[[], int]]]) -> dict[float, dict[str, dict]]:
    """Time every request at every scale, alternating scales call by call, so that a machine
    getting busier or quieter meanwhile weighs on every scale alike."""
    out: dict[float, dict[str, dict]] = {scale: {} for scale in calls}
    for name in next(iter(calls.values())):
        times: dict[float, list[float]] = {scale: [] for scale in calls}
        sizes: dict[float, int] = {}
        for scale in calls:
            calls[scale][name]()  # warm: connections opened, the schema read
        for _ in range(REPEAT):
            for scale in calls:
                t = time.perf_counter()
                sizes[scale] = calls[scale][name]()
                times[scale].append((time.perf_counter() - t) * 1000)
        for scale in calls:
            out[scale][name] = {
                "median": statistics.median(times[scale]),
                "p95": percentile(times[scale], 95),
                "kib": sizes[scale] / 1024 if not name.startswith("event stream") else 0,
            }
            if name.startswith("event stream"):
                out[scale][name]["events"] = sizes[scale]
    return out


def heavy(server, client: Client, info: dict) -> dict[str, dict]:
    """Event-loop lag during replays, the requests that read everything, and the export."""
    tid = info["thread"]
    out: dict[str, dict] = {}

    def lag_of(latencies: list[float]) -> dict:
        return {"p50": percentile(latencies, 50), "p99": percentile(latencies, 99)}

    with LoopLag(server) as lag:
        time.sleep(3)
    out["loop lag: idle server"] = lag_of(lag.latencies)
    with LoopLag(server) as lag:
        for _ in range(40):
            client.stream_until_replayed(f"{API}/threads/{tid}/events/stream?after=0")
    out["loop lag: event stream replays"] = lag_of(lag.latencies)

    def full_replay() -> None:
        after, count = 0, 0
        while after is not None:
            page = client.json(f"{API}/threads/{tid}/events?after={after}&limit=5000")
            count += len(page["events"])
            after = page["next_after"]
        assert count == info["events"], (count, info["events"])

    def every_message() -> None:
        after, count = 0, 0
        client.json(f"{API}/threads/{tid}")
        while after is not None:
            page = client.json(f"{API}/threads/{tid}/messages?after={after}&limit=500")
            count += len(page["messages"])
            after = page["next_after"]
        assert count == info["messages"]

    def repeated(work: Callable[[], None]) -> list[float]:
        """Milliseconds of `work`, run again until 5 s have passed (enough lag samples for a
        p99 at every scale)."""
        times: list[float] = []
        while not times or sum(times) < 5000:
            t = time.perf_counter()
            work()
            times.append((time.perf_counter() - t) * 1000)
        return times

    with LoopLag(server) as lag:
        times = repeated(full_replay)
    out["every event, 5000 a page (a full replay)"] = {
        "median": statistics.median(times),
        "p95": percentile(times, 95),
        "kib": 0,
    }
    out["loop lag: full replay"] = lag_of(lag.latencies)

    with LoopLag(server) as lag:
        times = repeated(every_message)
    out["every message of the big thread, 500 a page (the sidebar before it paged)"] = {
        "median": statistics.median(times),
        "p95": percentile(times, 95),
        "kib": 0,
    }
    out["loop lag: reading every message"] = lag_of(lag.latencies)

    t = time.perf_counter()
    cursor, count = None, 0
    while True:
        page = client.json(f"{API}/threads?limit=500" + (f"&cursor={cursor}" if cursor else ""))
        count += len(page["threads"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert count == info["threads"]
    every = (time.perf_counter() - t) * 1000
    out["every thread, 500 a page (the sidebar before it paged)"] = {"median": every, "p95": every, "kib": 0}

    # The zip download of the big thread, the server's RSS sampled meanwhile
    before = _rss_mb(server.pid)
    peak, done = [before], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak.append(_rss_mb(server.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    t = time.perf_counter()
    conn = http.client.HTTPConnection(client.host, client.port, timeout=3600)
    conn.request("GET", f"{API}/threads/{tid}/notebook?bundle=zip", headers={"Authorization": f"token {server.token}"})
    response = conn.getresponse()
    assert response.status == 200
    size = 0
    while chunk := response.read(1 << 20):
        size += len(chunk)
    conn.close()
    done.set()
    sampler.join()
    time.sleep(1)
    out["export"] = {
        "seconds": time.perf_counter() - t,
        "mb": size / 1e6,
        "before": before,
        "peak": max(peak),
        "after": _rss_mb(server.pid),
    }
    return out


def coalescing() -> list[Result]:
    """The event loop's time per streamed chunk: coalesced writes against one per chunk."""
    from vista_jupyter.events import EventLog

    async def per_chunk(flush_chars: int, path: Path) -> tuple[float, int]:
        store = Store(path)
        thread = store.create_thread(OWNER, "stream")["id"]
        writes = 0
        original = store.append_events

        def counted(*args):
            nonlocal writes
            writes += 1
            return original(*args)

        store.append_events = counted  # type: ignore[method-assign]
        log = EventLog(store, flush_chars=flush_chars)
        busy = 0.0
        for _ in range(2000):  # a long answer: 2000 chunks, one every millisecond
            t = time.perf_counter()
            log.append(OWNER, thread, "t", "text", {"step": 0, "delta": "word "})
            busy += time.perf_counter() - t
            await asyncio.sleep(0.001)
        t = time.perf_counter()
        log.append(OWNER, thread, "t", "done", {})
        busy += time.perf_counter() - t
        store.close()
        return busy / 2000 * 1000, writes

    with tempfile.TemporaryDirectory() as tmp:
        coalesced, writes = asyncio.run(per_chunk(4096, Path(tmp, "a.sqlite3")))
        each, writes_each = asyncio.run(per_chunk(0, Path(tmp, "b.sqlite3")))
    return [
        Result("history", "streamed chunk: event-loop time, coalesced writes", coalesced * 1000, "us"),
        Result("history", "streamed chunk: event-loop time, one write per chunk", each * 1000, "us"),
        Result(
            "history",
            "streamed chunk: SQLite writes for 2000 chunks, coalesced / one each",
            writes,
            f"(vs {writes_each})",
        ),
    ]


def model_requests() -> list[Result]:
    """The event loop's stalls while a turn asks a model with a long history (60 messages,
    the most a turn sends from its history): the openai client run on the server's loop
    against on the model thread. A real HTTP server speaking the protocol answers at once."""
    sys.path.insert(0, str(ROOT / "tests"))
    from openai_server import FakeOpenAI, Script

    from vista_jupyter.assistant.clients import Endpoint, OpenAIClient
    from vista_jupyter.assistant.model_thread import call_in_model_thread

    # The model server runs on an event loop of its own (another thread), as it would elsewhere.
    fake_loop = asyncio.new_event_loop()
    threading.Thread(target=fake_loop.run_forever, daemon=True).start()

    async def start_fake() -> FakeOpenAI:
        return FakeOpenAI().start()

    fake = asyncio.run_coroutine_threadsafe(start_fake(), fake_loop).result()
    fake.default = Script(text="Done.")
    history = [{"role": "system", "content": "You are Vista. " * 300}] + [
        {"role": "user" if i % 2 == 0 else "assistant", "content": f"Message {i}: " + "word " * 200} for i in range(59)
    ]

    async def stalls(on_thread: bool) -> list[float]:
        # A turn's client (its endpoint's `openai` client is then used on one event loop only).
        client = OpenAIClient(Endpoint(base_url=fake.base_url, timeout=30.0), "bench", max_retries=0)
        gaps: list[float] = []
        running = True

        async def ticker() -> None:
            last = time.perf_counter()
            while running:
                await asyncio.sleep(0.001)
                now = time.perf_counter()
                gaps.append((now - last) * 1000 - 1)
                last = now

        async def quiet(_: str) -> None:
            pass

        def ignore(_: str) -> None:
            pass

        task = asyncio.ensure_future(ticker())
        for _ in range(20):
            if on_thread:
                await call_in_model_thread(
                    lambda text, reset: client.complete(list(history), tools=True, on_text=text, on_reset=reset),
                    ignore,
                    ignore,
                )
            else:
                await client.complete(list(history), tools=True, on_text=quiet, on_reset=quiet)
        running = False
        await task
        return gaps

    try:
        on_loop, on_thread = asyncio.run(stalls(False)), asyncio.run(stalls(True))
    finally:
        fake_loop.call_soon_threadsafe(fake.stop)
        fake_loop.call_soon_threadsafe(fake_loop.stop)
    return [
        Result(
            "history",
            f"60-message model request: event-loop stall p99, client on the server loop (max {max(on_loop):.1f} ms)",
            percentile(on_loop, 99),
            "ms",
        ),
        Result(
            "history",
            f"60-message model request: event-loop stall p99, client on the model thread (max {max(on_thread):.1f} ms)",
            percentile(on_thread, 99),
            "ms",
            target="< 20 ms",
            ok=percentile(on_thread, 99) < 20,
        ),
    ]


def run() -> list[Result]:
    scales = [float(s) for s in os.environ.get("VISTA_BENCH_HISTORY_SCALES", "1,10").split(",")]
    base = Path(os.environ.get("VISTA_BENCH_HISTORY_DIR") or tempfile.gettempdir())
    results: list[Result] = []
    measured: dict[float, dict] = {}
    dirs: dict[float, Path] = {}
    try:
        infos: dict[float, dict] = {}
        for scale in scales:
            dirs[scale] = Path(tempfile.mkdtemp(prefix=f"vista-history-{scale:g}x-", dir=base))
            print(f"  building the {scale:g}x history in {dirs[scale]} ...", file=sys.stderr, flush=True)
            infos[scale] = info = build(dirs[scale], scale)
            results.append(
                Result(
                    "history",
                    f"{scale:g}x: {info['threads']:,} threads, "
                    f"{info['messages']:,} messages and {info['events']:,} events "
                    f"in one; built in (s), database MB {info['db_mb']:,.0f}",
                    info["seconds"],
                    "s",
                )
            )
        with contextlib.ExitStack() as stack:
            servers, clients = {}, {}
            for scale in scales:  # one server per scale, all up at once
                servers[scale] = stack.enter_context(
                    jupyter_server(
                        f"c.VistaApp.data_dir = {str(dirs[scale])!r}\n"
                        f"c.VistaApp.server_owner = {OWNER!r}\nc.VistaApp.auto_overview = False\n"
                    )
                )
                clients[scale] = Client(servers[scale].url, servers[scale].token)
            print("  measuring the requests, scales interleaved ...", file=sys.stderr, flush=True)
            measured = interleaved({scale: requests_of(clients[scale], infos[scale]) for scale in scales})
            for scale in scales:
                print(f"  replays, full reads and the export at {scale:g}x ...", file=sys.stderr, flush=True)
                measured[scale].update(heavy(servers[scale], clients[scale], infos[scale]))
    finally:
        for folder in dirs.values():
            shutil.rmtree(folder, ignore_errors=True)

    low, high = min(scales), max(scales)
    for name, row in measured[low].items():
        if "median" not in row:
            continue
        for scale in scales:
            value = measured[scale][name]
            opening = name.startswith("open the big thread")
            target = "< 300 ms" if opening else ""
            results.append(
                Result(
                    "history",
                    f"{name}, {scale:g}x median (p95 {value['p95']:.1f} ms"
                    + (f", {value['kib']:.0f} KiB" if value["kib"] else "")
                    + (f", {value['events']} events" if "events" in value else "")
                    + ")",
                    value["median"],
                    "ms",
                    target=target,
                    ok=(value["p95"] < 300) if opening else None,
                )
            )
        if high != low:
            ratio = measured[high][name]["median"] / measured[low][name]["median"]
            whole = "every" in name
            results.append(
                Result(
                    "history",
                    f"{name}: {high:g}x / {low:g}x" + (" (reads everything)" if whole else ""),
                    ratio,
                    "x",
                    target="" if whole else "<= 2x",
                    ok=None if whole else ratio <= 2,
                )
            )
    for scale in scales:
        for name in (
            "loop lag: idle server",
            "loop lag: event stream replays",
            "loop lag: full replay",
            "loop lag: reading every message",
        ):
            lag = measured[scale][name]
            idle = name.endswith("idle server")
            results.append(
                Result(
                    "history",
                    f"{name}, {scale:g}x: /api/status p99 (p50 {lag['p50']:.1f} ms)",
                    lag["p99"],
                    "ms",
                    target="" if idle else "< 20 ms",
                    ok=None if idle else lag["p99"] < 20,
                )
            )
        export = measured[scale]["export"]
        growth = export["peak"] - export["before"]
        results.append(
            Result(
                "history",
                f"zip export of the big thread, {scale:g}x ({export['mb']:,.0f} MB in "
                f"{export['seconds']:.0f} s): server RSS growth (before {export['before']:.0f}, "
                f"peak {export['peak']:.0f}, after {export['after']:.0f} MB)",
                growth,
                "MB",
                target="< 100 MB",
                ok=growth < 100,
            )
        )
    return results + coalescing() + model_requests()
