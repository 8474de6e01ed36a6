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
    assert f"belong to no thread of the database" in log and unknown.name in log and "kept" in log
    with sqlite3.connect(vista_data_dir / "vista.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM pending").fetchone()[0] == 0


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
