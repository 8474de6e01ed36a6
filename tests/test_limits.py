"""Limits and statuses the API promises, against a real server: bodies capped while they arrive,
stalled and expired uploads, workspace entries that are not files, names that could collide or
break a header, odd Last-Event-ID values, damaged databases, a thread deleted mid-add."""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sqlite3
import threading

import pytest
from conftest import converse, error_message, spec_operations

from vista_jupyter.store import SCHEMA_VERSION, Store

pytestmark = pytest.mark.timeout(120)

CSV = "city,temperature\nSeoul,12.5\nBusan,15.0\n"


async def raw_request(port: int, head: str, body_chunks, *, read_timeout: float = 30):
    """Send a request head, then body chunks as long as the server reads them; return
    (status line, headers text, body) of the answer."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(head.encode())

    async def send():
        try:
            for chunk in body_chunks:
                writer.write(chunk)
                await writer.drain()
        except (ConnectionError, OSError):
            pass

    sending = asyncio.ensure_future(send())
    try:
        answer = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=read_timeout)
        head_text = answer.decode("latin1")
        length = int(
            next(
                (
                    line.split(":", 1)[1]
                    for line in head_text.split("\r\n")
                    if line.lower().startswith("content-length:")
                ),
                "0",
            )
        )
        body = await asyncio.wait_for(reader.readexactly(length), timeout=read_timeout)
    finally:
        sending.cancel()
        writer.transport.abort()
    status, _, headers = head_text.partition("\r\n")
    return status, headers, body


def chunked(total: int, size: int = 1 << 16):
    """A chunked transfer encoding of `total` bytes of a JSON-looking body, made on the fly."""
    sent = 0
    while sent < total:
        part = b'{"name": "' + b"x" * (size - 11) + b'"'
        sent += len(part)
        yield f"{len(part):x}\r\n".encode() + part + b"\r\n"
    yield b"0\r\n\r\n"


def auth(jp_serverapp) -> str:
    return f"Authorization: token {jp_serverapp.identity_provider.token}\r\n"


async def test_a_huge_json_body_is_refused_with_413_without_being_read(jp_serverapp, jp_base_url, jp_http_port, api):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # A 200 MB chunked body (its size is not declared) to an endpoint taking a small JSON body
    status, headers, body = await raw_request(
        jp_http_port,
        f"POST {jp_base_url}vista/api/threads HTTP/1.1\r\nHost: localhost\r\n{auth(jp_serverapp)}"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        chunked(200 << 20),
    )
    assert status.split()[1] == "413", status
    assert "application/json" in headers
    assert "larger than the limit of 1.0 MB" in json.loads(body)["message"]
    # The server never held the body: its peak memory did not grow by anything near 200 MB
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 64 * 1024, grown_kb
    # A declared size over the limit is refused before any of it is read
    status, _, body = await raw_request(
        jp_http_port,
        f"POST {jp_base_url}vista/api/threads HTTP/1.1\r\nHost: localhost\r\n{auth(jp_serverapp)}"
        f"Content-Type: application/json\r\nContent-Length: {200 << 20}\r\n\r\n",
        iter([b"{}"]),
    )
    assert status.split()[1] == "413" and "limit" in json.loads(body)["message"]


@pytest.mark.parametrize("vista_config", [{"max_upload_bytes": 100_000}])
async def test_a_chunked_upload_over_the_limit_gets_a_json_413_and_leaves_nothing(
    jp_serverapp, jp_base_url, jp_http_port, vista_data_dir, api
):
    status, headers, body = await raw_request(
        jp_http_port,
        f"POST {jp_base_url}vista/api/uploads?name=big.csv HTTP/1.1\r\nHost: localhost\r\n"
        f"{auth(jp_serverapp)}Transfer-Encoding: chunked\r\n\r\n",
        chunked(50 << 20),
    )
    assert status.split()[1] == "413", status
    assert "larger than the upload limit" in json.loads(body)["message"]
    assert not [p for p in (vista_data_dir / "staging").rglob("*") if p.is_file()]
    assert list((vista_data_dir / "uploads").iterdir()) == []
    assert (await api("GET", "info"))[0] == 200


@pytest.mark.parametrize("vista_config", [{"upload_idle_timeout": 1.0}])
async def test_a_stalled_upload_is_dropped_with_its_partial_file(
    jp_serverapp, jp_base_url, jp_http_port, vista_data_dir, api
):
    reader, writer = await asyncio.open_connection("127.0.0.1", jp_http_port)
    writer.write(
        (
            f"POST {jp_base_url}vista/api/uploads?name=slow.csv HTTP/1.1\r\nHost: localhost\r\n"
            f"{auth(jp_serverapp)}Content-Length: 100000\r\n\r\n"
        ).encode()
        + b"a,b\n1,2\n" * 100
    )
    await writer.drain()
    staging = vista_data_dir / "staging"
    for _ in range(100):
        if list(staging.glob("*/*.part")):
            break
        await asyncio.sleep(0.05)
    assert list(staging.glob("*/*.part"))
    # Nothing more is sent: the server closes the connection and forgets the upload
    assert await asyncio.wait_for(reader.read(), timeout=30) == b""
    for _ in range(100):
        if not list(staging.glob("*/*.part")):
            break
        await asyncio.sleep(0.05)
    assert not list(staging.glob("*/*.part"))
    writer.close()


@pytest.mark.parametrize("vista_config", [{"upload_expiry_hours": 1 / 3600, "lease_timeout": 1.2}])
async def test_uploads_expire_while_the_server_runs(api, vista_data_dir):
    status, up = await api("POST", "uploads", body=CSV, params={"name": "old.csv"})
    assert status == 201
    for _ in range(200):
        if not (vista_data_dir / "uploads" / up["id"]).exists():
            break
        await asyncio.sleep(0.05)
    assert not (vista_data_dir / "uploads" / up["id"]).exists()
    status, body = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
    assert status == 404 and "Upload the file again" in error_message(body)


# (a small limit: should the type check ever break, the copy of /dev/zero stops at 1 MB, not 4 GB)
@pytest.mark.parametrize("vista_config", [{"max_upload_bytes": 1 << 20}])
@pytest.mark.parametrize(
    "make, needle",
    [
        (lambda p: p.symlink_to("/dev/zero"), "not a regular file"),
        (lambda p: os.mkfifo(p), "not a regular file"),
    ],
)
async def test_workspace_entries_that_are_not_files_are_refused(api, jp_root_dir, vista_data_dir, make, needle):
    make(jp_root_dir / "data.csv")
    status, body = await api("POST", "threads", json_body={"dataset": {"path": "data.csv"}})
    assert status == 400, body
    message = error_message(body)
    assert needle in message and str(jp_root_dir) not in message
    assert (await api("GET", "threads"))[1] == {"threads": [], "next_cursor": None}


def test_a_workspace_file_is_copied_only_up_to_the_limit(tmp_path):
    from vista_jupyter.datasets import keep_original
    from vista_jupyter.errors import TooLarge

    source = tmp_path / "grows.csv"
    source.write_bytes(b"a,b\n" + b"1,2\n" * 1000)
    with pytest.raises(TooLarge):
        keep_original(source, tmp_path / "copy.csv", limit=1000, link=False)
    assert not (tmp_path / "copy.csv").exists()
    keep_original(source, tmp_path / "copy.csv", limit=10_000, link=False)
    assert (tmp_path / "copy.csv").read_bytes() == source.read_bytes()


async def test_a_workspace_file_named_with_a_newline_makes_a_clean_name(api, jp_root_dir, jp_fetch):
    (jp_root_dir / "rain\nfall.csv").write_text(CSV)
    status, thread = await api("POST", "threads", json_body={"dataset": {"path": "rain\nfall.csv"}})
    assert status == 201, thread
    assert thread["name"] == "rain_fall"
    # the name passes the validator it bypassed: renaming to it is accepted as it is
    status, _ = await api("PATCH", f"threads/{thread['id']}", json_body={"name": thread["name"]})
    assert status == 200
    _, body = await api("GET", f"threads/{thread['id']}/datasets")
    [dataset] = body["datasets"]
    assert dataset["original_name"] == "rain_fall.csv"
    response = await jp_fetch("vista", "api", "threads", thread["id"], "datasets", dataset["id"], "original")
    assert response.body == CSV.encode()
    assert "rain_fall.csv" in response.headers["Content-Disposition"]


@pytest.mark.parametrize("name", ["data.parquet", ".data.parquet.partial", "original"])
async def test_originals_never_collide_with_vistas_own_files(api, jp_fetch, name):
    status, up = await api("POST", "uploads", body=CSV, params={"name": name})
    assert status == 201
    status, thread = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
    assert status == 201, thread
    _, body = await api("GET", f"threads/{thread['id']}/datasets")
    [dataset] = body["datasets"]
    assert dataset["rows"] == 2
    response = await jp_fetch("vista", "api", "threads", thread["id"], "datasets", dataset["id"], "original")
    assert response.body == CSV.encode()


@pytest.mark.parametrize("value", ["²", "99999999999999999999999", "9223372036854775808", "-1", "1e3", "", " 7 8"])
async def test_odd_last_event_ids_are_400_not_500(api, value):
    _, thread = await api("POST", "threads", json_body={"name": "events"})
    status, body = await api("GET", f"threads/{thread['id']}/events/stream", headers={"Last-Event-ID": value})
    assert status == 400, (value, status, body)
    assert "Last-Event-ID" in error_message(body)


@pytest.fixture
def damaged_database(vista_data_dir):
    """A database with data, then random bytes written over a few of its pages."""
    path = vista_data_dir / "vista.sqlite3"
    store = Store(path)
    for i in range(300):
        thread = store.create_thread("someone", f"thread {i}")
        converse(store, "someone", thread["id"], "hello " * 50, "hi")
    store.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(path, "r+b") as f:
        f.seek(4096 * 2)
        f.write(os.urandom(4096 * 6))
    return path


async def test_a_damaged_database_answers_503_with_an_explanation(damaged_database, api, jp_fetch):
    for method, path in [("GET", "threads"), ("POST", "threads"), ("GET", "models")]:
        status, body = await api(method, path, json_body={} if method == "POST" else None)
        assert status == 503, (method, path, status, body)
        message = error_message(body)
        assert "damaged" in message or "cannot be used" in message, message
    assert (await jp_fetch("api", "status")).code == 200


@pytest.fixture
def newer_database(vista_data_dir):
    vista_data_dir.mkdir(parents=True)
    with sqlite3.connect(vista_data_dir / "vista.sqlite3") as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


#: Endpoints that answer without the database (the API description, version, examples).
WITHOUT_DATABASE = {"openapi.json", "info", "examples"}


@pytest.mark.parametrize("method, path", [op for op in spec_operations("0" * 32) if op[1] not in WITHOUT_DATABASE])
async def test_a_newer_database_makes_every_data_endpoint_503(newer_database, api, method, path):
    status, body = await api(method, path, body="{}" if method in ("POST", "PATCH") else None)
    assert status == 503, (method, path, status, body)
    assert "newer version of Vista" in error_message(body)


async def test_deleting_a_thread_while_a_dataset_is_added_answers_404_and_leaves_nothing(
    api, vista_app, vista_data_dir
):
    _, thread = await api("POST", "threads", json_body={"name": "short-lived"})
    tid = thread["id"]
    service = vista_app.datasets
    reading, release = threading.Event(), threading.Event()
    keep = service.keep_original

    def held(src, target, *, link):
        reading.set()
        release.wait(30)
        keep(src, target, link=link)

    service.keep_original = held
    try:
        adding = asyncio.ensure_future(api("POST", f"threads/{tid}/datasets", json_body={"example": "iris"}))
        while not reading.is_set():
            await asyncio.sleep(0.02)
        status, _ = await api("DELETE", f"threads/{tid}")
        assert status == 204
        release.set()
        status, body = await adding
    finally:
        release.set()
        del service.keep_original
    assert status == 404, body
    assert "No such thread" in error_message(body)
    assert not (vista_data_dir / "threads" / tid).exists()
    assert not [p for p in (vista_data_dir / "staging").rglob("*") if p.is_file()]
    with sqlite3.connect(vista_data_dir / "vista.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM pending").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM datasets").fetchone()[0] == 0
