"""The SQLite store: schema versioning, durability across servers, start-up housekeeping."""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import error_message, spec_operations
from jupyter_server.auth.authorizer import Authorizer

from vista_jupyter.errors import NotFound, StoreError
from vista_jupyter.store import SCHEMA_VERSION, Store


def test_a_new_database_is_migrated_to_the_current_schema_in_wal_mode(tmp_path):
    store = Store(tmp_path / "db" / "vista.sqlite3")
    assert store.schema_version == SCHEMA_VERSION >= 1
    with sqlite3.connect(tmp_path / "db" / "vista.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"threads", "messages", "datasets", "artifacts"} <= tables
    store.close()
    # Reopening does not migrate again and keeps the data
    store = Store(tmp_path / "db" / "vista.sqlite3")
    thread = store.create_thread("ann", "kept")
    store.close()
    assert Store(tmp_path / "db" / "vista.sqlite3").get_thread("ann", thread["id"])["name"] == "kept"


def test_a_database_from_a_newer_vista_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "vista.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE future (x)")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version of Vista"):
        Store(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "vista.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot be"):
        Store(path)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_rows_of_other_owners_are_invisible(tmp_path):
    store = Store(tmp_path / "vista.sqlite3")
    thread = store.create_thread("ann", "hers")
    with pytest.raises(NotFound):
        store.get_thread("bob", thread["id"])
    with pytest.raises(NotFound):
        store.add_message("bob", thread["id"], "user", "hi")
    with pytest.raises(NotFound):
        store.list_messages("bob", thread["id"])
    with pytest.raises(NotFound):
        store.delete_thread("bob", thread["id"])
    assert store.list_threads("bob") == []
    assert store.get_thread("ann", thread["id"])["message_count"] == 0


@pytest.fixture
def newer_database(vista_data_dir):
    vista_data_dir.mkdir(parents=True)
    with sqlite3.connect(vista_data_dir / "vista.sqlite3") as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    return vista_data_dir / "vista.sqlite3"


async def test_the_server_keeps_running_and_explains_when_the_database_is_newer(
    newer_database, api, jp_fetch
):
    status, body = await api("GET", "threads")
    assert status == 503
    assert "newer version of Vista" in error_message(body)
    # The rest of Jupyter is unaffected
    assert (await jp_fetch("api", "status")).code == 200


async def test_start_up_sweeps_interrupted_removals(vista_data_dir, jp_configurable_serverapp, jp_server_config):
    # Given a previous run that crashed mid-delete: a folder in the trash and an orphan folder
    orphan = vista_data_dir / "threads" / ("ab" * 16)
    orphan.mkdir(parents=True)
    (orphan / "data.csv").write_text("x\n1\n")
    leftover = vista_data_dir / "trash" / "cd" / "nested"
    leftover.mkdir(parents=True)
    live = Store(vista_data_dir / "vista.sqlite3").create_thread("someone", "alive")
    (vista_data_dir / "threads" / live["id"]).mkdir()

    jp_configurable_serverapp(config=jp_server_config)

    assert not orphan.exists()
    assert list((vista_data_dir / "trash").iterdir()) == []
    assert (vista_data_dir / "threads" / live["id"]).is_dir()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


async def test_a_second_server_on_the_same_database_sees_the_history(api, vista_data_dir, tmp_path):
    # Given history written through the first server
    _, thread = await api("POST", "threads", json_body={"name": "survives"})

    # When a second, separate Jupyter server process starts on the same data
    port, token = _free_port(), "second-server-token"
    config = tmp_path / "second_config.py"
    config.write_text(
        "c.ServerApp.jpserver_extensions = {'vista_jupyter': True}\n"
        "c.ServerApp.allow_root = True\n"
        "c.ServerApp.open_browser = False\n"
        f"c.ServerApp.port = {port}\n"
        "c.ServerApp.port_retries = 0\n"
        f"c.IdentityProvider.token = {token!r}\n"
        f"c.VistaApp.data_dir = {str(vista_data_dir)!r}\n"
    )
    (tmp_path / "second-root").mkdir()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "second-runtime")}
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyter_server", f"--config={config}",
         f"--ServerApp.root_dir={tmp_path / 'second-root'}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                listing = _get(f"http://127.0.0.1:{port}/vista/api/threads", token)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(process.stderr.read().decode()[-3000:]) from None
                time.sleep(0.2)
        # Then it lists the thread
        assert [t["name"] for t in listing["threads"]] == ["survives"]
        assert listing["threads"][0]["id"] == thread["id"]
        # and what the second writes, the first sees
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/vista/api/threads", method="POST",
            data=b'{"name": "from the second"}',
            headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 201
        _, listing = await api("GET", "threads")
        assert [t["name"] for t in listing["threads"]] == ["from the second", "survives"]
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_openapi_description_is_valid_and_matches_the_routes():
    from openapi_spec_validator import validate

    from vista_jupyter.api import openapi_spec
    from vista_jupyter.handlers import ROUTES

    spec = openapi_spec()
    validate(spec)
    described = {
        (path, method.upper())
        for path, item in spec["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    }
    served = set()
    for route, handler in ROUTES:
        path = "/vista/api" + re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", route)
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            if method.lower() in handler.__dict__:
                served.add((path, method))
    assert described == served


class DenyAll(Authorizer):
    """An authorizer that allows nothing: every Vista method must then answer 403."""

    def is_authorized(self, handler, user, action, resource):
        return False


@pytest.mark.parametrize("server_config", [{"authorizer_class": DenyAll}])
@pytest.mark.parametrize("method, path", spec_operations("0" * 32))
async def test_every_endpoint_asks_the_authorizer(api, method, path):
    status, _ = await api(method, path, body="{}" if method in ("POST", "PATCH") else None)
    assert status == 403


# --- history at scale: pages, cursors, counters -------------------------------------------------


def _turns(store: Store, owner: str, thread_id: str, n: int, events_per_turn: int = 0) -> None:
    """`n` finished turns (a question and an answer each), with their events."""
    for i in range(n):
        turn = f"{thread_id[:8]}-turn-{i}"
        store.start_turn(owner, thread_id, turn, "vista-offline", f"question {i}")
        if events_per_turn:
            first = store.last_event_seq(thread_id) + 1
            store.append_events(owner, thread_id, [
                {"seq": first + k, "type": "text", "turn_id": turn, "data": {"step": 0, "delta": "x"},
                 "created_at": "2025-01-01T00:00:00.000Z"} for k in range(events_per_turn)])
        store.finish_turn(owner, thread_id, turn, "done", f"answer {i}", {}, {})


def test_migration_4_counts_existing_messages_and_keeps_the_rows(tmp_path):
    # Given a database written by the previous schema (3), with messages
    from vista_jupyter.store import MIGRATIONS

    path = tmp_path / "vista.sqlite3"
    import sqlite_utils

    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    for number, migration in enumerate(MIGRATIONS[:3], start=1):
        migration(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.execute("INSERT INTO threads VALUES ('t1', 'ann', 'old', '2024-01-01T00:00:00.000Z', "
               "'2024-01-01T00:00:00.000Z')")
    for seq in (1, 2, 3):
        db.execute("INSERT INTO messages (thread_id, owner, seq, role, content, created_at) "
                   "VALUES ('t1', 'ann', ?, 'user', 'q', '2024-01-01T00:00:00.000Z')", (seq,))
    db.conn.close()

    # When this Vista opens it, the count is in the thread row and kept from then on
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    assert store.get_thread("ann", "t1")["message_count"] == 3
    store.add_message("ann", "t1", "assistant", "a")
    assert store.get_thread("ann", "t1")["message_count"] == 4
    assert [m["seq"] for m in store.message_page("ann", "t1", limit=10)["messages"]] == [1, 2, 3, 4]


def test_message_pages_walk_both_ways_without_gap_or_repeat(tmp_path):
    store = Store(tmp_path / "vista.sqlite3")
    thread = store.create_thread("ann", "long")
    tid = thread["id"]
    empty = store.message_page("ann", tid, limit=5)
    assert empty == {"messages": [], "next_after": None, "prev_before": None}
    _turns(store, "ann", tid, 12)  # 24 messages

    # The sidebar opens on the last page, then loads older pages before its cursor
    page = store.message_page("ann", tid, limit=5)
    assert [m["seq"] for m in page["messages"]] == [20, 21, 22, 23, 24]
    assert page["next_after"] is None and page["prev_before"] == 20
    seen = page["messages"]
    while page["prev_before"] is not None:
        page = store.message_page("ann", tid, before=page["prev_before"], limit=5)
        assert page["next_after"] == page["messages"][-1]["seq"]  # newer ones exist
        seen = page["messages"] + seen
    assert [m["seq"] for m in seen] == list(range(1, 25))
    assert page["messages"][0]["seq"] == 1 and len(page["messages"]) == 4

    # Forward from any point, as before
    page = store.message_page("ann", tid, after=10, limit=5)
    assert [m["seq"] for m in page["messages"]] == [11, 12, 13, 14, 15]
    assert page["prev_before"] == 11 and page["next_after"] == 15
    assert store.message_page("ann", tid, after=24, limit=5) == {
        "messages": [], "next_after": None, "prev_before": 25}
    assert store.message_page("ann", tid, before=1, limit=5) == {
        "messages": [], "next_after": 0, "prev_before": None}
    assert store.get_thread("ann", tid)["message_count"] == 24
    with pytest.raises(NotFound):
        store.message_page("bob", tid, limit=5)


def test_thread_pages_walk_every_thread_once_newest_first(tmp_path):
    from vista_jupyter.errors import InvalidInput

    store = Store(tmp_path / "vista.sqlite3")
    made = [store.create_thread("ann", f"t{i}")["id"] for i in range(23)]
    store.create_thread("bob", "not hers")
    time.sleep(0.002)  # timestamps have millisecond resolution
    store.add_message("ann", made[5], "user", "moves it to the top")
    walked, cursor, pages = [], None, 0
    while True:
        page, cursor = store.thread_page("ann", limit=10, cursor=cursor)
        walked += page
        pages += 1
        if cursor is None:
            break
    assert pages == 3 and len(walked) == 23 and len({t["id"] for t in walked}) == 23
    assert walked[0]["id"] == made[5] and walked[0]["message_count"] == 1
    keys = [(t["updated_at"], t["id"]) for t in walked]
    assert keys == sorted(keys, reverse=True)
    assert store.list_threads("ann") == walked
    for bad in ("nonsense", "", "bm8gYmFy"):
        with pytest.raises(InvalidInput, match="cursor"):
            store.thread_page("ann", limit=10, cursor=bad)


def test_worker_threads_read_through_their_own_connections(tmp_path):
    # Reads made off the event loop must not queue behind the loop's connection: each worker
    # thread has its own (read-only) connection, and sees what the main one committed.
    import concurrent.futures

    store = Store(tmp_path / "vista.sqlite3")
    thread = store.create_thread("ann", "shared")
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        with store._lock:  # the main connection is busy: a worker still reads
            got = pool.submit(store.get_thread, "ann", thread["id"]).result(timeout=10)
        assert got["name"] == "shared"
        store.rename_thread("ann", thread["id"], "renamed")
        assert pool.submit(store.get_thread, "ann", thread["id"]).result(timeout=10)["name"] == "renamed"
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            pool.submit(lambda: store._reader().execute("DELETE FROM threads")).result(timeout=10)
    store.close()


def test_pages_as_json_text_are_the_pages(tmp_path):
    # The REST API sends pages written as JSON by SQLite from the stored columns: the same
    # documents as the decoded pages, odd characters included; a stored value SQLite does not
    # read as JSON (Python writes NaN) still pages, through Python.
    store = Store(tmp_path / "vista.sqlite3")
    tid = store.create_thread("ann", "json")["id"]
    store.add_message("ann", tid, "user", 'Quotes " and 한국어 and \\ and \n newlines')
    store.add_message("ann", tid, "assistant", "answer", {"steps": [{"x": 1.5e-7, "y": None,
                                                                      "z": "ü"}], "n": [1, 2]})
    store.append_event("ann", tid, None, "text", {"delta": "\u2028 é", "step": 0})
    store.append_event("ann", tid, "turn", "done", {"status": "done", "usage": {}})
    for page in ({"last": True}, {"after": 0}, {"before": 2}):
        args = {k: v for k, v in page.items() if k != "last"}
        assert json.loads(store.message_page("ann", tid, limit=1, as_json=True, **args)) == \
            store.message_page("ann", tid, limit=1, **args)
        assert json.loads(store.event_page("ann", tid, limit=5, as_json=True, **args)) == \
            store.event_page("ann", tid, limit=5, **args)
    store.append_event("ann", tid, None, "step_done", {"duration": float("nan")})
    text = store.event_page("ann", tid, after=0, limit=5, as_json=True)
    assert [e["type"] for e in json.loads(text)["events"]] == ["text", "done", "step_done"]
