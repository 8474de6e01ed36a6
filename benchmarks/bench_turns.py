"""Turns: what Vista adds to a turn, against the same work done without it, and many concurrent
turns checked against what the model and the kernel produced.

A real Jupyter server (subprocess, `tests/servers.py`) with Vista talks to a scripted
OpenAI-protocol server in this process that answers at once: one run_python tool call, then an
answer of about 2,200 characters streamed word by word (360 chunks, as a model streams tokens).

Overhead: the same turn without Vista is the least any client must do for it: the same two
model requests streamed and their chunks decoded (httpx and json; the openai package's own
client is slower than Vista's reader, and would hide Vista's cost) and the same code run by a
bare kernel client (jupyter_client), one after the other as a turn does them, in a process of
its own (`--bare`), as Vista's server is. Vista's turn is timed as a browser sees it: from posting the question to its
`done` on the event stream. The difference holds everything Vista does (storing the question,
numbering, storing and pushing each streamed piece, the kernel's output and the step, the
answer), none of it hidden inside "model" or "kernel" time. The two are interleaved, so load
on the machine hits both alike.

Lost events: a listener on each thread's event stream must receive, for every turn, each piece
of text the model sent, in order and once (joined: the scripted answer; counted: the model's
chunks), the code the model called, and exactly what the kernel printed for it (the bare kernel
prints the same code's output on the same data). A dropped, doubled or reordered piece fails it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
from common import Result, percentile
from jupyter_client.manager import AsyncKernelManager
from tornado.httpclient import AsyncHTTPClient

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from openai_server import FakeOpenAI, text, tool  # noqa: E402
from servers import JupyterServer  # noqa: E402

from vista_jupyter.examples import __file__ as _examples  # noqa: E402

# Each turn's SSE follower is cancelled once its `done` arrives; tornado then logs the closed
# connection as an error, which is expected here and would bury the table.
logging.getLogger("tornado.application").setLevel(logging.CRITICAL)

CARS = Path(_examples).parent / "data" / "cars.csv"
CODE = "print(int(df['Horsepower'].max()), len(df))"
SENTENCES = [
    "The heaviest cars are the American eight-cylinder models of the early seventies",
    "Horsepower falls steadily after 1973, while fuel economy rises for every origin",
    "Japanese cars are the lightest on average and the most economical in every year",
    "European cars sit between the two, with a wider spread of engine sizes",
    "Acceleration barely changes with origin once weight is taken into account",
]
#: A realistic answer: about 2,000 characters of prose, every chunk distinct.
ANSWER = " ".join(f"{SENTENCES[i % len(SENTENCES)]} (point {i + 1})." for i in range(25))
#: The pieces the scripted server streams it in (word by word, as `openai_server` sends text).
PIECES = [w + " " for w in ANSWER.split(" ")[:-1]] + [ANSWER.split(" ")[-1]]
CHUNKS = len(PIECES)
#: Warm-up turns, timed turns, and the burst: threads asking at once, rounds of it.
WARM, TIMED, THREADS, ROUNDS = 3, 20, 20, 5
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "run_python",
            "description": "Run Python code in the analysis kernel.",
            "parameters": {"type": "object", "properties": {"code": {"type": "string"}}, "required": ["code"]},
        },
    }
]


def behaviour(body: dict, n: int):
    """The model: a tool call for a question, the long answer once it has seen the output."""
    return text(ANSWER) if body["messages"][-1]["role"] == "tool" else tool(CODE)


async def stream_chat(http: httpx.AsyncClient, url: str, body: dict) -> tuple[str, str]:
    """One streamed chat completion, its chunks decoded as any client must: what the model said,
    and the arguments of its tool calls."""
    said, arguments = [], []
    async with http.stream("POST", url, json=body, headers={"Authorization": "Bearer bench"}) as response:
        async for line in response.aiter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            choices = json.loads(line[6:]).get("choices") or [{}]
            delta = choices[0].get("delta") or {}
            said.append(delta.get("content") or "")
            arguments += [(c.get("function") or {}).get("arguments") or "" for c in delta.get("tool_calls") or []]
    return "".join(said), "".join(arguments)


class Bare:
    """The same turn without Vista: a bare openai client and a bare kernel client."""

    async def start(self, base_url: str) -> Bare:
        self.url = f"{base_url}/chat/completions"
        self.http = httpx.AsyncClient(timeout=120)
        self.kernel = AsyncKernelManager(kernel_name="python3")
        await self.kernel.start_kernel()
        self.client = self.kernel.client()
        self.client.start_channels()
        await self.client.wait_for_ready(timeout=120)
        await self.run(f"import pandas as pd\ndf = pd.read_csv({str(CARS)!r})")
        return self

    async def ask(self, messages: list[dict]) -> tuple[str, str]:
        body = {"model": "bench", "messages": messages, "tools": TOOLS, "stream": True}
        return await stream_chat(self.http, self.url, body)

    async def run(self, code: str) -> str:
        printed: list[str] = []

        def hook(msg: dict) -> None:
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                printed.append(msg["content"]["text"])

        await self.client.execute_interactive(code, output_hook=hook, timeout=120)
        return "".join(printed)

    async def turn(self) -> tuple[float, str]:
        """Milliseconds of one turn done directly, and what the kernel printed."""
        started = time.monotonic()
        messages = [{"role": "user", "content": "What is the highest horsepower?"}]
        _, arguments = await self.ask(messages)
        printed = await self.run(json.loads(arguments)["code"])
        messages += [
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": "c1", "type": "function", "function": {"name": "run_python", "arguments": arguments}}
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": printed},
        ]
        answer, _ = await self.ask(messages)
        assert answer == ANSWER
        return (time.monotonic() - started) * 1000, printed

    async def stop(self) -> None:
        self.client.stop_channels()
        await self.kernel.shutdown_kernel(now=True)
        await self.http.aclose()


class BareProcess:
    """`Bare` in a process of its own (as Vista's server is), one turn per request."""

    async def start(self, base_url: str) -> BareProcess:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            __file__,
            "--bare",
            base_url,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            cwd=Path(__file__).parent,
        )
        assert (await self.process.stdout.readline()).strip() == b"ready"
        return self

    async def turn(self) -> tuple[float, str]:
        self.process.stdin.write(b"turn\n")
        await self.process.stdin.drain()
        done = json.loads(await self.process.stdout.readline())
        return done["ms"], done["printed"]

    async def stop(self) -> None:
        self.process.stdin.close()
        await self.process.wait()


async def _bare_worker(base_url: str) -> None:
    bare = await Bare().start(base_url)
    print("ready", flush=True)
    loop = asyncio.get_running_loop()
    while (await loop.run_in_executor(None, sys.stdin.readline)).strip() == "turn":
        ms, printed = await bare.turn()
        print(json.dumps({"ms": ms, "printed": printed}), flush=True)
    await bare.stop()


class Listener:
    """A browser's view of one thread: its event stream, from `after`."""

    def __init__(self, http: AsyncHTTPClient, server: JupyterServer, thread_id: str, after: int):
        self.events: list[dict] = []
        self.done: dict[str, asyncio.Event] = {}
        self._buffer = ""
        self.fetch = asyncio.ensure_future(
            http.fetch(
                f"{server.url}/vista/api/threads/{thread_id}/events/stream?after={after}",
                headers=server.headers,
                streaming_callback=self._on_chunk,
                request_timeout=600,
                raise_error=False,
            )
        )

    def _on_chunk(self, chunk: bytes) -> None:
        self._buffer += chunk.decode()
        *messages, self._buffer = self._buffer.split("\n\n")
        for message in messages:
            for line in message.splitlines():
                if line.startswith("data: ") and "event:" not in message:
                    event = json.loads(line[6:])
                    self.events.append(event)
                    if event["type"] == "done":
                        self.ended(event["turn_id"]).set()

    def ended(self, turn_id: str) -> asyncio.Event:
        return self.done.setdefault(turn_id, asyncio.Event())

    def close(self) -> None:
        self.fetch.cancel()


def faults(events: list[dict], turn_id: str, printed: str) -> list[str]:
    """What the listener's events of one turn lack against what the model and kernel produced."""
    mine = [e for e in events if e["turn_id"] == turn_id]
    out = []
    steps: dict[int, list[str]] = {}
    for e in mine:
        if e["type"] == "text":
            steps.setdefault(e["data"]["step"], []).append(e["data"]["delta"])
        elif e["type"] == "text_reset":
            steps[e["data"]["step"]] = []
    last = steps.get(max(steps), []) if steps else []
    if last != PIECES:
        out.append(f"text: {len(last)} of {CHUNKS} chunks, {len(''.join(last))} of {len(ANSWER)} characters")
    if [e["data"]["code"] for e in mine if e["type"] == "code"] != [CODE]:
        out.append("code")
    stdout = "".join(
        e["data"]["output"].get("text", "")
        for e in mine
        if e["type"] == "output" and e["data"]["output"].get("name") == "stdout"
    )
    if stdout != printed:
        out.append(f"output {stdout!r} != {printed!r}")
    done = [e for e in mine if e["type"] == "done"]
    if len(done) != 1 or done[0]["data"]["status"] != "done":
        out.append("done")
    return out


async def _measure() -> list[Result]:
    fake = FakeOpenAI().start()
    fake.models["bench"] = behaviour
    http = AsyncHTTPClient(max_clients=200)
    bare = await BareProcess().start(fake.base_url)
    with tempfile.TemporaryDirectory(prefix="vista-bench-") as tmp:
        server = JupyterServer(
            Path(tmp),
            Path(tmp, "vista"),
            root_dir=Path(tmp),
            token="bench-token",
            config=(
                f"c.VistaApp.model = 'bench'\nc.VistaApp.base_url = {fake.base_url!r}\n"
                "c.VistaApp.auto_overview = False\nc.VistaApp.max_kernels_per_user = 25\n"
            ),
        )
        try:
            await server.start().ready(timeout=180)

            async def vista_turn(tid: str) -> tuple[float, list[str]]:
                """Milliseconds of one turn through Vista, as a browser sees it, and its faults."""
                _, page = await server.call("GET", f"threads/{tid}/events?last=true&limit=1")
                after = page["events"][-1]["seq"] if page["events"] else 0
                listener = Listener(http, server, tid, after)
                await asyncio.sleep(0.05)  # listening before the question, as the sidebar is
                started = time.monotonic()
                status, asked = await server.call(
                    "POST", f"threads/{tid}/messages", {"content": "What is the highest horsepower?"}
                )
                assert status == 202, asked
                turn_id = asked["turn"]["id"]
                await asyncio.wait_for(listener.ended(turn_id).wait(), 300)
                total = (time.monotonic() - started) * 1000
                listener.close()
                return total, faults(listener.events, turn_id, printed)

            _, printed = await bare.turn()
            _, thread = await server.call("POST", "threads", {"dataset": {"example": "cars"}})
            tid = thread["id"]
            for _ in range(WARM):  # warm the kernels and the paths
                await bare.turn()
                await vista_turn(tid)
            with_vista, without, overheads, faulty = [], [], [], 0
            for _ in range(TIMED):
                direct, _ = await bare.turn()
                through, wrong = await vista_turn(tid)
                without.append(direct)
                with_vista.append(through)
                overheads.append(through - direct)
                faulty += bool(wrong)

            # ROUNDS x THREADS turns, THREADS at a time (one running turn per thread), each
            # thread followed by one listener for the whole burst
            threads = []
            for _ in range(THREADS):
                _, t = await server.call("POST", "threads", {"dataset": {"example": "cars"}})
                threads.append(t["id"])
            listeners = {t: Listener(http, server, t, 0) for t in threads}
            await asyncio.sleep(0.2)
            turns: dict[str, list[str]] = {t: [] for t in threads}
            errors = 0
            started = time.monotonic()

            async def ask(thread_id: str) -> None:
                nonlocal errors
                status, asked = await server.call("POST", f"threads/{thread_id}/messages", {"content": "hp?"})
                if status != 202:
                    errors += 1
                    return
                turns[thread_id].append(asked["turn"]["id"])
                await asyncio.wait_for(listeners[thread_id].ended(asked["turn"]["id"]).wait(), 600)

            for _ in range(ROUNDS):
                await asyncio.gather(*(ask(t) for t in threads))
            burst = time.monotonic() - started
            lost, wrong_turns = 0, 0
            for thread_id, listener in listeners.items():
                listener.close()
                for turn_id in turns[thread_id]:
                    wrong = faults(listener.events, turn_id, printed)
                    if wrong:
                        wrong_turns += 1
                        print(f"  turn {turn_id}: {wrong}", file=sys.stderr)
                # and what the listener got is what was stored, numbered without gap
                _, stored = await server.call("GET", f"threads/{thread_id}/events?limit=5000")
                seqs = [e["seq"] for e in listener.events]
                lost += seqs != [e["seq"] for e in stored["events"]] or seqs != list(range(1, len(seqs) + 1))
                _, page = await server.call("GET", f"threads/{thread_id}/messages")
                lost += len(page["messages"]) != 2 * ROUNDS
        finally:
            server.stop()
            await bare.stop()
            fake.stop()

    overhead = statistics.median(overheads)
    return [
        Result(
            "turns",
            f"turn without Vista median (bare stream reader + bare kernel; 1 tool call, {CHUNKS}-chunk answer)",
            statistics.median(without),
            "ms",
        ),
        Result(
            "turns",
            "turn through Vista median (question posted -> done on the event stream)",
            statistics.median(with_vista),
            "ms",
        ),
        Result("turns", "Vista's overhead per turn median (through - without)", overhead, "ms"),
        Result("turns", "Vista's overhead per turn p95", percentile(overheads, 95), "ms"),
        Result("turns", "Vista's overhead per streamed chunk median", overhead / CHUNKS, "ms"),
        Result(
            "turns", "through Vista / without, median", statistics.median(with_vista) / statistics.median(without), "x"
        ),
        Result(
            "turns", "timed turns whose listener missed text, code or output", faulty, "", target="0", ok=faulty == 0
        ),
        Result(
            "turns", f"{ROUNDS * THREADS} turns / {THREADS} threads: errors", errors, "", target="0", ok=errors == 0
        ),
        Result(
            "turns",
            f"{ROUNDS * THREADS} turns / {THREADS} threads: turns whose listener missed or doubled a chunk, "
            "the code or the kernel's output",
            wrong_turns,
            "",
            target="0",
            ok=wrong_turns == 0,
        ),
        Result(
            "turns",
            f"{ROUNDS * THREADS} turns / {THREADS} threads: threads whose listener's events differ from the "
            "stored ones, or lost a message",
            lost,
            "",
            target="0",
            ok=lost == 0,
        ),
        Result("turns", f"{ROUNDS * THREADS} turns / {THREADS} threads: wall time", burst, "s"),
    ]


def run() -> list[Result]:
    return asyncio.run(_measure())


if __name__ == "__main__" and sys.argv[1:2] == ["--bare"]:
    asyncio.run(_bare_worker(sys.argv[2]))
