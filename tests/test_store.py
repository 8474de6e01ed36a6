"""The SQLite store: schema versioning, durability across servers, start-up housekeeping."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import converse, error_message, spec_operations
from jupyter_server.auth.authorizer import Authorizer
from servers import JupyterServer

from vista_jupyter.errors import NotFound, StoreError
from vista_jupyter.store import SCHEMA_VERSION, Store, new_id, utcnow


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
        store.start_turn("bob", thread["id"], new_id(), "m", "hi")
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


async def test_the_server_keeps_running_and_explains_when_the_database_is_newer(newer_database, api, jp_fetch):
    status, body = await api("GET", "threads")
    assert status == 503
    assert "newer version of Vista" in error_message(body)
    # The rest of Jupyter is unaffected
    assert (await jp_fetch("api", "status")).code == 200


async def test_start_up_finishes_marked_removals_and_keeps_unknown_folders(
    vista_data_dir, jp_configurable_serverapp, jp_server_config, capfd
):
    # Given a previous server that crashed mid-work: a folder in the trash, a deleted thread
    # whose folder it had marked for deletion, a thread folder it was creating (marked) but never
    # recorded, and a marked dataset folder of a live thread
    store = Store(vista_data_dir / "vista.sqlite3")
    store.register_instance("a host that is gone", 1, "")
    threads = vista_data_dir / "threads"
    leftover = vista_data_dir / "trash" / "cd" / "nested"
    leftover.mkdir(parents=True)
    deleted, unrecorded = threads / ("ab" * 16), threads / ("ef" * 16)
    for folder in (deleted, unrecorded):
        folder.mkdir(parents=True)
        (folder / "data.csv").write_text("x\n1\n")
    store.mark_pending(f"threads/{deleted.name}", "delete")
    store.mark_pending(f"threads/{unrecorded.name}", "create")
    live = store.create_thread("someone", "alive")
    half_added = threads / live["id"] / "datasets" / ("12" * 16)
    half_added.mkdir(parents=True)
    store.mark_pending(f"threads/{live['id']}/datasets/{half_added.name}", "create")
    # and a folder nobody marked: the database does not know it, which proves nothing
    unknown = threads / ("99" * 16)
    unknown.mkdir()
    (unknown / "original.csv").write_text("precious\n")
    store.forget_instance(store.instance_id)  # the crashed server's lease is gone
    store.close()

    jp_configurable_serverapp(config=jp_server_config)

    assert list((vista_data_dir / "trash").iterdir()) == []
    assert not deleted.exists() and not unrecorded.exists() and not half_added.exists()
    assert (threads / live["id"]).is_dir()
    assert (unknown / "original.csv").read_text() == "precious\n"
    log = capfd.readouterr().err
    assert "belong to no thread of the database" in log and unknown.name in log and "kept" in log
    with sqlite3.connect(vista_data_dir / "vista.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM pending").fetchone()[0] == 0


async def test_a_second_server_on_the_same_database_sees_the_history(api, vista_data_dir, tmp_path):
    # Given history written through the first server
    _, thread = await api("POST", "threads", json_body={"name": "survives"})

    # When a second, separate Jupyter server process starts on the same data
    second = JupyterServer(tmp_path, vista_data_dir).start()
    try:
        await second.ready()
        # Then it lists the thread
        _, listing = await second.call("GET", "threads")
        assert [t["name"] for t in listing["threads"]] == ["survives"]
        assert listing["threads"][0]["id"] == thread["id"]
        # and what the second writes, the first sees
        status, _ = await second.call("POST", "threads", {"name": "from the second"})
        assert status == 201
        _, listing = await api("GET", "threads")
        assert [t["name"] for t in listing["threads"]] == ["from the second", "survives"]
    finally:
        second.stop()


def test_openapi_description_is_valid_and_matches_the_routes():
    from openapi_spec_validator import validate

    from vista_jupyter.api import openapi_spec
    from vista_jupyter.api.handlers import ROUTES

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
            store.append_events(
                owner,
                thread_id,
                [
                    {
                        "seq": first + k,
                        "type": "text",
                        "turn_id": turn,
                        "data": {"step": 0, "delta": "x"},
                        "created_at": "2025-01-01T00:00:00.000Z",
                    }
                    for k in range(events_per_turn)
                ],
            )
        store.finish_turn(owner, thread_id, turn, "done", f"answer {i}", {}, {})


def test_migration_5_counts_existing_messages_and_keeps_the_rows(tmp_path):
    # Given a database written by the released schema before history at scale (4: several
    # servers), with messages, a finished turn with its events, and a running turn
    from vista_jupyter.store import MIGRATIONS

    path = tmp_path / "vista.sqlite3"
    import sqlite_utils

    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    for number, migration in enumerate(MIGRATIONS[:4], start=1):
        migration(db)
        db.execute(f"PRAGMA user_version = {number}")
    stamp = "2024-01-01T00:00:00.000Z"
    for tid in ("t1", "t2"):
        db.execute("INSERT INTO threads VALUES (?, 'ann', 'old', ?, ?)", (tid, stamp, stamp))
    for seq in (1, 2, 3):
        db.execute(
            "INSERT INTO messages (thread_id, owner, seq, role, content, created_at) "
            "VALUES ('t1', 'ann', ?, 'user', 'q', ?)",
            (seq, stamp),
        )
    db.execute(
        "INSERT INTO turns (id, thread_id, owner, status, model, user_message_id, "
        "created_at, instance_id) VALUES ('old', 't1', 'ann', 'done', 'm', 1, ?, 'gone')",
        (stamp,),
    )
    db.execute(
        "INSERT INTO turns (id, thread_id, owner, status, model, user_message_id, "
        "created_at, instance_id) VALUES ('now', 't1', 'ann', 'running', 'm', 3, ?, 'gone')",
        (stamp,),
    )
    for seq, turn in ((1, "old"), (2, "old"), (3, "now"), (4, "now")):
        db.execute(
            "INSERT INTO events (thread_id, owner, turn_id, seq, type, data, created_at) "
            "VALUES ('t1', 'ann', ?, ?, 'text', '{}', ?)",
            (turn, seq, stamp),
        )
    db.conn.close()

    # When this Vista opens it, the count is in the thread row and kept from then on
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION == 5
    assert store.get_thread("ann", "t1")["message_count"] == 3
    assert store.get_thread("ann", "t2")["message_count"] == 0
    # and issue 15's rows read through the new indexes: the running turn, where it starts
    assert store.get_thread("ann", "t1")["running_turn"] == "now"
    assert store.replay_after("t1", "now") == 2
    assert [t["id"] for t in store.orphaned_turns()] == ["now"]
    # and the running turn closes with its answer as the thread's next message
    store.finish_turn("ann", "t1", "now", "done", "a", {}, {})
    assert store.get_thread("ann", "t1")["message_count"] == 4
    assert [m["seq"] for m in store.message_page("ann", "t1", limit=10)["messages"]] == [1, 2, 3, 4]
    page, cursor = store.thread_page("ann", limit=1)
    assert [t["id"] for t in page] == ["t1"]  # the message made it the newest
    assert [t["id"] for t in store.thread_page("ann", limit=1, cursor=cursor)[0]] == ["t2"]


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
    assert store.message_page("ann", tid, after=24, limit=5) == {"messages": [], "next_after": None, "prev_before": 25}
    assert store.message_page("ann", tid, before=1, limit=5) == {"messages": [], "next_after": 0, "prev_before": None}
    assert store.get_thread("ann", tid)["message_count"] == 24
    with pytest.raises(NotFound):
        store.message_page("bob", tid, limit=5)


def test_thread_pages_walk_every_thread_once_newest_first(tmp_path):
    from vista_jupyter.errors import InvalidInput

    store = Store(tmp_path / "vista.sqlite3")
    made = [store.create_thread("ann", f"t{i}")["id"] for i in range(23)]
    store.create_thread("bob", "not hers")
    time.sleep(0.002)  # timestamps have millisecond resolution
    converse(store, "ann", made[5], "moves it to the top")
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
            pool.submit(lambda: store._reader()[0].execute("DELETE FROM threads")).result(timeout=10)
    store.close()


def test_pages_as_json_text_are_the_pages(tmp_path):
    # The REST API sends pages written as JSON by SQLite from the stored columns: the same
    # documents as the decoded pages, odd characters included; a stored value SQLite does not
    # read as JSON (Python writes NaN) still pages, through Python.
    store = Store(tmp_path / "vista.sqlite3")
    tid = store.create_thread("ann", "json")["id"]
    converse(
        store,
        "ann",
        tid,
        'Quotes " and 한국어 and \\ and \n newlines',
        "answer",
        {"steps": [{"x": 1.5e-7, "y": None, "z": "ü"}], "n": [1, 2]},
    )

    def event(seq, turn_id, kind, data):
        return {"seq": seq, "turn_id": turn_id, "type": kind, "data": data, "created_at": utcnow()}

    store.append_events(
        "ann",
        tid,
        [
            event(2, None, "text", {"delta": "\u2028 é", "step": 0}),
            event(3, "turn", "done", {"status": "done", "usage": {}}),
        ],
    )
    for page in ({"last": True}, {"after": 0}, {"before": 2}):
        args = {k: v for k, v in page.items() if k != "last"}
        assert json.loads(store.message_page("ann", tid, limit=1, as_json=True, **args)) == store.message_page(
            "ann", tid, limit=1, **args
        )
        assert json.loads(store.event_page("ann", tid, limit=5, as_json=True, **args)) == store.event_page(
            "ann", tid, limit=5, **args
        )
    store.append_events("ann", tid, [event(4, None, "step_done", {"duration": float("nan")})])
    text = store.event_page("ann", tid, after=0, limit=5, as_json=True)
    assert [e["type"] for e in json.loads(text)["events"]] == ["done", "text", "done", "step_done"]


def _store_with_a_running_turn(tmp_path):
    store = Store(tmp_path / "vista.sqlite3")
    thread = store.create_thread("ann", "t")
    store.start_turn("ann", thread["id"], "a" * 32, "m", "question?")
    return store, thread["id"]


def test_a_turn_is_closed_once_even_by_two_servers(tmp_path):
    first, tid = _store_with_a_running_turn(tmp_path)
    second = Store(tmp_path / "vista.sqlite3")  # another server on the same file
    closed = first.finish_turn("ann", tid, "a" * 32, "done", "the answer", {}, {})
    assert closed is not None
    message, events = closed
    assert [e["type"] for e in events] == ["done"] and events[0]["data"]["message"] == message
    # The other server's recovery comes too late: nothing is written
    assert second.finish_turn("ann", tid, "a" * 32, "interrupted", "late", {}, {}, error="gone") is None
    messages, _ = second.list_messages("ann", tid)
    assert [m["content"] for m in messages] == ["question?", "the answer"]
    assert [e["type"] for e in second.list_events("ann", tid)] == ["done"]
    assert second.get_turn("ann", tid, "a" * 32)["status"] == "done"


def test_only_turns_of_servers_that_are_gone_are_orphaned(tmp_path):
    store, tid = _store_with_a_running_turn(tmp_path)
    store.register_instance("host", os.getpid(), "")
    [turn] = store.running_turns()
    assert turn["instance_id"] == store.instance_id
    assert store.orphaned_turns() == []  # its server is registered
    assert [t["id"] for t in store.orphaned_turns([store.instance_id])] == [turn["id"]]
    store.forget_instance(store.instance_id)
    assert [t["id"] for t in store.orphaned_turns()] == [turn["id"]]


def test_sqlite_failures_become_clear_domain_errors(tmp_path):
    from vista_jupyter.errors import StorageFull

    store = Store(tmp_path / "vista.sqlite3")
    with store._lock:
        store.db.execute("CREATE TABLE filler (x BLOB)")
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageFull, match="disk is full"):
        for _ in range(100):
            store.create_thread("ann", "x" * 5000)
    with store._lock:
        store.db.execute("PRAGMA max_page_count = 1073741823")
    assert store.create_thread("ann", "fine")["name"] == "fine"  # and it recovers by itself


def test_the_heartbeat_and_the_judgement_of_other_servers(tmp_path):
    from vista_jupyter.instances import Instances, process_alive, process_start

    store = Store(tmp_path / "vista.sqlite3")
    me = Instances(store, lease_timeout=0.5)
    me.start()
    try:
        # A server on this host whose process ended is gone at once; a live one is not
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        other = Store(tmp_path / "vista.sqlite3")
        other.register_instance(me.host, dead.pid, process_start(os.getpid()) + "0")
        alive = Store(tmp_path / "vista.sqlite3")
        alive.register_instance(me.host, os.getpid(), process_start(os.getpid()))
        remote = Store(tmp_path / "vista.sqlite3")
        remote.register_instance("another machine", 1, "")
        assert not process_alive(dead.pid, process_start(os.getpid()) + "0")
        assert process_alive(os.getpid(), process_start(os.getpid()))
        assert me.gone() == [other.instance_id]
        # A server elsewhere is gone once its heartbeat stops moving for a lease; one that
        # keeps beating is not
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            alive.heartbeat()
            gone = me.gone()
            if remote.instance_id in gone:
                break
            time.sleep(0.05)
        assert set(gone) == {other.instance_id, remote.instance_id}
        # and our own heartbeat keeps renewing our lease
        beat = {r["id"]: r["beat"] for r in store.instances()}[store.instance_id]
        time.sleep(0.5)
        assert {r["id"]: r["beat"] for r in store.instances()}[store.instance_id] > beat
    finally:
        me.stop()
    assert store.instance_id not in {r["id"] for r in store.instances()}


def test_migrating_renames_dataset_variables_that_shadow_needed_names(tmp_path):
    from vista_jupyter import store as store_module

    path = tmp_path / "vista.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    import sqlite_utils

    old = sqlite_utils.Database(db)
    for number, migrate in enumerate(store_module.MIGRATIONS[:3], start=1):
        migrate(old)
        db.execute(f"PRAGMA user_version = {number}")
    db.execute("INSERT INTO threads VALUES ('t', 'ann', 'x', '1', '1')")
    for i, (name, var) in enumerate([("cars", "df"), ("pd", "pd"), ("print", "print"), ("sales", "sales")]):
        db.execute(
            "INSERT INTO datasets (id, thread_id, owner, name, original_name, original_path,"
            " source, var_name, created_at) VALUES (?, 't', 'ann', ?, ?, ?, 'upload', ?, ?)",
            (f"d{i}", name, f"{name}.csv", f"x/{name}.csv", var, f"2024-01-0{i + 1}"),
        )
    db.close()
    store = Store(path)
    assert [d["var_name"] for d in store.list_datasets("ann", "t")] == ["df", "df_pd", "df_print", "sales"]


def test_closing_the_store_while_workers_read_ends_their_reads_cleanly(tmp_path):
    # Given worker threads reading through their own connections (as the change feed's poll does)
    # when the server closes the store mid-read: closing a connection another thread is stepping
    # through crashed the process (a segmentation fault in CI), both in the middle of a query and
    # while a worker's connection was still being opened. Run in a child process, so that a crash
    # is seen as one, many times over (the old code crashed in 7 of 8 runs of 300 trials).
    script = tmp_path / "close_while_reading.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import faulthandler, sys, threading, time
            faulthandler.enable()  # a crash prints where each thread was
            from vista_jupyter.errors import StoreError
            from vista_jupyter.store import Store

            path = {str(tmp_path / "vista.sqlite3")!r}
            store = Store(path)
            for i in range(300):
                store.create_thread("ann", f"t{{i}}")
            store.close()
            outcomes = []
            for trial in range(400):
                store = Store(path)
                started = threading.Event()

                def read():
                    try:
                        while True:
                            started.set()
                            store.threads_updated_since("ann", "", limit=300)
                    except StoreError as e:
                        outcomes.append(str(e))

                workers = [threading.Thread(target=read) for _ in range(2)]
                for w in workers:
                    w.start()
                started.wait()
                time.sleep(0.0003 * (trial % 10))
                store.close()
                for w in workers:
                    w.join(10)
                    assert not w.is_alive(), "a reader did not stop"
            print(len(outcomes), outcomes[0] if outcomes else "")
            """
        )
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    count, _, message = done.stdout.strip().partition(" ")
    # every reader ended with the clear error, not a traceback of SQLite's
    assert int(count) == 800, done.stdout
    assert "server is stopping" in message
