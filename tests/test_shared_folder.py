"""Several real Jupyter servers on one data folder (two `jupyter lab` of one user, a restart next
to a server still running): each server's turns, uploads and dataset reads are its own until it is
gone, a turn is answered once, one turn runs per thread across servers, and what a dead server
left is recovered by the others without a restart."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest
from openai_server import FakeOpenAI, text
from servers import JupyterServer
from tornado.httpclient import AsyncHTTPClient

pytestmark = pytest.mark.timeout(240)

#: Short leases make the servers judge each other often; the turns below outlast several.
LEASE = 2.0
CSV = b"city,temperature\nSeoul,12.5\nBusan,15.0\n" + b"Daegu,13.0\n" * 2000


@pytest.fixture
def fake(jp_asyncio_loop):
    server = FakeOpenAI().start()
    yield server
    server.stop()


def servers_config(fake: FakeOpenAI | None = None) -> str:
    config = f"c.VistaApp.auto_overview = False\nc.VistaApp.lease_timeout = {LEASE}\n"
    if fake is not None:
        config += f"c.VistaApp.model = 'scripted-model'\nc.VistaApp.base_url = {fake.base_url!r}\n"
    return config


async def events_of(server: JupyterServer, tid: str) -> list[dict]:
    status, body = await server.call("GET", f"threads/{tid}/events")
    assert status == 200, body
    return body["events"]


async def until(condition, timeout: float = 60, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = await condition()
        if value:
            return value
        await asyncio.sleep(every)
    raise AssertionError("the condition did not hold in time")


def done_events(events: list[dict], turn_id: str) -> list[dict]:
    return [e for e in events if e["type"] == "done" and e["turn_id"] == turn_id]


async def test_a_second_server_never_takes_over_a_running_turn_and_recovers_a_dead_ones(tmp_path, fake):
    data = tmp_path / "vista"
    first = JupyterServer(tmp_path, data, config=servers_config(fake)).start()
    second = JupyterServer(tmp_path, data, config=servers_config(fake))
    stream = None
    try:
        await first.ready()
        _, thread = await first.call("POST", "threads", {"dataset": {"example": "iris"}})
        tid = thread["id"]
        # Given a turn running on the first server, held after its first word until told to go on
        words = " ".join(f"word{i}" for i in range(30))
        go_on = threading.Event()
        fake.script(text(words, chunk_delay=0.05, hold=go_on))
        status, asked = await first.call("POST", f"threads/{tid}/messages", {"content": "slowly"})
        assert status == 202, asked
        turn_id = asked["turn"]["id"]
        await until(lambda: _has(first, tid, "text"))

        # When a second server starts on the same folder meanwhile
        await second.start().ready()
        # (a tab on it follows the turn live)
        received: list[bytes] = []
        following = AsyncHTTPClient(force_instance=True)
        stream = following.fetch(
            f"{second.url}/vista/api/threads/{tid}/events/stream?after=0",
            headers={"Authorization": f"token {second.token}"},
            request_timeout=180,
            streaming_callback=received.append,
            raise_error=False,
        )

        # Then it sees the turn running, and refuses a second turn on the thread
        status, seen = await second.call("GET", f"threads/{tid}")
        assert seen["running_turn"] == turn_id
        status, body = await second.call("POST", f"threads/{tid}/messages", {"content": "me too"})
        assert status == 409, body
        # and after several leases went by with both servers up, it still leaves the turn alone
        await asyncio.sleep(3 * LEASE)
        status, seen = await second.call("GET", f"threads/{tid}")
        assert seen["running_turn"] == turn_id
        assert not done_events(await events_of(second, tid), turn_id)
        # and the turn, let go on, finishes once, with its whole answer
        go_on.set()
        events = await until(lambda: _done(second, tid, turn_id), timeout=120)
        [done] = done_events(events, turn_id)
        assert done["data"]["status"] == "done"
        _, page = await second.call("GET", f"threads/{tid}/messages")
        assert [m["role"] for m in page["messages"]] == ["user", "assistant"]
        assert page["messages"][1]["content"] == words
        # and the tab on the other server saw the answer arrive, up to its end, on one stream
        await until(lambda: _has_text(received, f'"type": "done", "turn_id": "{turn_id}"'))
        streamed = b"".join(received).decode()
        assert streamed.count('"type": "text"') == 30

        # One turn per thread across servers: of three questions at once, one is taken
        fake.script(text("first", chunk_delay=0.5))
        answers = await asyncio.gather(
            first.call("POST", f"threads/{tid}/messages", {"content": "a"}),
            second.call("POST", f"threads/{tid}/messages", {"content": "b"}),
            first.call("POST", f"threads/{tid}/messages", {"content": "c"}),
        )
        assert sorted(status for status, _ in answers) == [202, 409, 409], answers
        [taken] = [body for status, body in answers if status == 202]
        await until(lambda: _done(first, tid, taken["turn"]["id"]))

        # When the server running a turn dies
        fake.script(text(words, chunk_delay=0.5))
        status, asked = await first.call("POST", f"threads/{tid}/messages", {"content": "again"})
        assert status == 202, asked
        turn_id = asked["turn"]["id"]
        await until(lambda: _has(first, tid, "text", turn_id))
        first.kill()

        # Then the other one closes it as interrupted, without being restarted, exactly once
        events = await until(lambda: _done(second, tid, turn_id), timeout=60)
        [done] = done_events(events, turn_id)
        assert done["data"]["status"] == "interrupted"
        _, page = await second.call("GET", f"threads/{tid}/messages")
        assert page["messages"][-1]["metadata"]["status"] == "interrupted"
        assert sum(m["role"] == "assistant" for m in page["messages"]) == 3
        # and the thread takes questions again
        fake.script(text("back"))
        status, _ = await second.call("POST", f"threads/{tid}/messages", {"content": "back?"})
        assert status == 202
    finally:
        first.stop()
        second.stop()
        if stream is not None:  # ends with its server
            await asyncio.wait([stream], timeout=30)
            following.close()


async def _has_text(chunks: list[bytes], needle: str) -> bool:
    return needle in b"".join(chunks).decode()


async def _has(server: JupyterServer, tid: str, kind: str, turn_id: str | None = None) -> bool:
    return any(e["type"] == kind and (turn_id is None or e["turn_id"] == turn_id) for e in await events_of(server, tid))


async def _done(server: JupyterServer, tid: str, turn_id: str) -> list[dict] | None:
    events = await events_of(server, tid)
    return events if done_events(events, turn_id) else None


async def test_an_upload_in_progress_survives_another_server_starting(tmp_path):
    data = tmp_path / "vista"
    first = JupyterServer(tmp_path, data, config=servers_config()).start()
    second = JupyterServer(tmp_path, data, config=servers_config())
    try:
        await first.ready()
        # Given an upload streaming into the first server, half sent
        reader, writer = await asyncio.open_connection("127.0.0.1", first.port)
        writer.write(
            (
                f"POST /vista/api/uploads?name=cities.csv HTTP/1.1\r\nHost: localhost\r\n"
                f"Authorization: token {first.token}\r\nContent-Length: {len(CSV)}\r\n\r\n"
            ).encode()
            + CSV[: len(CSV) // 2]
        )
        await writer.drain()
        part = await until(lambda: _glob(data / "staging", "*/*.part"))

        # When a second server starts on the folder and runs its recovery for a while
        await second.start().ready()
        await asyncio.sleep(3 * LEASE)

        # Then the partial upload is still there, and completes
        assert part[0].exists()
        writer.write(CSV[len(CSV) // 2 :])
        await writer.drain()
        head = (await reader.readuntil(b"\r\n\r\n")).decode()
        assert head.startswith("HTTP/1.1 201"), head
        writer.close()
        # and is usable from either server
        upload_id = (await _upload_ids(data))[0]
        status, thread = await second.call("POST", "threads", {"dataset": {"upload": upload_id}})
        assert status == 201, thread
        [dataset] = (await second.call("GET", f"threads/{thread['id']}/datasets"))[1]["datasets"]
        status, original = await first.call("GET", f"threads/{thread['id']}/datasets/{dataset['id']}/original")
        assert status == 200 and original == CSV
        assert "scratch folder of a server that is gone" not in second.log()
    finally:
        first.stop()
        second.stop()


async def _glob(folder: Path, pattern: str) -> list[Path]:
    return list(folder.glob(pattern))


async def _upload_ids(data: Path) -> list[str]:
    return [p.name for p in (data / "uploads").iterdir()]


GATED_SERVICE = '''
import os, time
from pathlib import Path
from vista_jupyter.datasets import DatasetService

class GatedDatasetService(DatasetService):
    """Vista's dataset service, holding each read at its first step until a gate file exists."""

    def keep_original(self, src, target, *, link):
        gate = Path(os.environ["VISTA_TEST_GATE"])
        (gate.parent / "reading").touch()
        while not gate.exists():
            time.sleep(0.05)
        super().keep_original(src, target, link=link)
'''


async def test_a_dataset_being_read_survives_another_server_starting(tmp_path):
    data = tmp_path / "vista"
    (tmp_path / "gated.py").write_text(GATED_SERVICE)
    gate = tmp_path / "gate" / "open"
    gate.parent.mkdir()
    first = JupyterServer(
        tmp_path,
        data,
        config=servers_config() + "c.VistaApp.dataset_service_class = 'gated.GatedDatasetService'\n",
        env={"PYTHONPATH": str(tmp_path), "VISTA_TEST_GATE": str(gate)},
    ).start()
    second = JupyterServer(tmp_path, data, config=servers_config())
    try:
        await first.ready()
        (first.root_dir / "cities.csv").write_bytes(CSV)
        # Given a thread being created from a workspace file on the first server, mid-read
        creating = asyncio.ensure_future(first.call("POST", "threads", {"dataset": {"path": "cities.csv"}}))
        await until(lambda: _exists(gate.parent / "reading"))
        stages = await _glob(data / "staging", "*/*/datasets/*")
        assert len(stages) == 1

        # When a second server starts on the folder and runs its recovery for a while
        await second.start().ready()
        await asyncio.sleep(3 * LEASE)

        # Then the read goes on undisturbed and the thread is created
        assert stages[0].is_dir()
        gate.touch()
        status, thread = await creating
        assert status == 201, thread
        _, listing = await second.call("GET", "threads")
        assert [t["id"] for t in listing["threads"]] == [thread["id"]]
        [dataset] = (await second.call("GET", f"threads/{thread['id']}/datasets"))[1]["datasets"]
        status, original = await second.call("GET", f"threads/{thread['id']}/datasets/{dataset['id']}/original")
        assert status == 200 and original == CSV
    finally:
        gate.touch()
        first.stop()
        second.stop()


async def _exists(path: Path) -> bool:
    return path.exists()


async def test_a_moved_database_deletes_nothing_and_putting_it_back_restores_everything(
    tmp_path,
):
    data = tmp_path / "vista"
    server = JupyterServer(tmp_path, data, config=servers_config()).start()
    try:
        await server.ready()
        status, up = await server.call("POST", "uploads?name=cities.csv", raw=CSV)
        assert status == 201, up
        _, thread = await server.call("POST", "threads", {"dataset": {"upload": up["id"]}})
        tid = thread["id"]
        [dataset] = (await server.call("GET", f"threads/{tid}/datasets"))[1]["datasets"]
    finally:
        server.stop()
    files = sorted(p.relative_to(data) for p in (data / "threads").rglob("*") if p.is_file())
    assert files

    # When the database is moved aside (or db_path points at a new file) and a server starts
    db = data / "vista.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{db}{suffix}").exists():
            Path(f"{db}{suffix}").rename(tmp_path / f"aside{suffix}")
    empty = JupyterServer(tmp_path, data, config=servers_config()).start()
    try:
        await empty.ready()
        await asyncio.sleep(2 * LEASE)  # a few rounds of housekeeping too
        assert (await empty.call("GET", "threads"))[1] == {"threads": [], "next_cursor": None}
    finally:
        empty.stop()
    # Then every file is still there, and the log says why the history looks empty
    assert sorted(p.relative_to(data) for p in (data / "threads").rglob("*") if p.is_file()) == files
    assert "holds no threads" in empty.log() and "folders are kept" in empty.log()

    # When the database is put back
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    for suffix in ("", "-wal", "-shm"):
        if (tmp_path / f"aside{suffix}").exists():
            (tmp_path / f"aside{suffix}").rename(f"{db}{suffix}")
    back = JupyterServer(tmp_path, data, config=servers_config()).start()
    try:
        await back.ready()
        # Then the original downloads as uploaded and the data loads into a kernel
        status, original = await back.call("GET", f"threads/{tid}/datasets/{dataset['id']}/original")
        assert status == 200 and original == CSV
        status, asked = await back.call(
            "POST", f"threads/{tid}/messages", {"content": "Give me an overview of this data."}
        )
        assert status == 202, asked
        events = await until(lambda: _done(back, tid, asked["turn"]["id"]), timeout=120)
        assert done_events(events, asked["turn"]["id"])[0]["data"]["status"] == "done"
        assert not [e for e in events if e["type"] == "error"]
        outputs = [e["data"]["output"] for e in events if e["type"] == "output"]
        assert any("2002" in str(o) for o in outputs), outputs  # the rows of the file
    finally:
        back.stop()
