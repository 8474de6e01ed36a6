"""A full disk under a running server: Vista's data folder on a small real file system (a tmpfs
the test mounts, fills up and frees again), so every write fails as it fails on a full disk, the
database's ("database or disk is full") included. Mounting needs root, as in CI
(`scripts/test.sh`); elsewhere these tests say so and fail rather than pretend.
"""

from __future__ import annotations

import asyncio
import errno
import os
import subprocess
import time
from pathlib import Path

import pytest
from conftest import error_message
from openai_server import FakeOpenAI, text

pytestmark = pytest.mark.timeout(180)


class Disk:
    """A small tmpfs to fill and free."""

    def __init__(self, path: Path):
        self.path = path

    def fill(self) -> None:
        fd = os.open(self.path / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (1 << 20, 1 << 12, 1):
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError as e:
                    assert e.errno == errno.ENOSPC
        finally:
            os.close(fd)

    def free(self) -> None:
        (self.path / "filler").unlink()


@pytest.fixture
def disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=48m,mode=0700", "tmpfs", str(mount)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.fail(
            "These tests fill a real file system: mounting a small tmpfs needs root (as "
            f"in CI). mount said: {mounted.stderr.strip()}"
        )
    yield Disk(mount)
    subprocess.run(["umount", "-l", str(mount)], check=True)


@pytest.fixture
def vista_data_dir(disk):
    return disk.path / "vista"


@pytest.fixture
def fake(jp_asyncio_loop):
    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture
def vista_config(fake):
    return {
        "model": "scripted-model",
        "base_url": fake.base_url,
        "auto_overview": False,
        "lease_timeout": 1.2,
        "model_max_retries": 0,
    }


async def until(condition, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = await condition()
        if value:
            return value
        await asyncio.sleep(0.1)
    raise AssertionError("the condition did not hold in time")


async def test_a_full_disk_during_a_turn_closes_it_and_recovers_without_a_restart(api, vista_app, fake, disk):
    status, thread = await api("POST", "threads", json_body={"dataset": {"example": "iris"}})
    assert status == 201, thread
    tid = thread["id"]
    fake.script(text(" ".join(f"w{i}" for i in range(200)), chunk_delay=0.2))
    status, asked = await api("POST", f"threads/{tid}/messages", json_body={"content": "slow"})
    assert status == 202
    turn_id = asked["turn"]["id"]

    async def streaming():
        _, body = await api("GET", f"threads/{tid}/events")
        return any(e["type"] == "text" for e in body["events"])

    await until(streaming)

    # When the disk fills up while the answer streams
    disk.fill()

    # Then the turn stops (nothing more can be saved) instead of running on unseen
    async def stopped():
        return not vista_app.turns.running(tid)

    await until(stopped)
    # and while the disk stays full, every write says so (507), not "still answering" (409)
    status, body = await api("POST", f"threads/{tid}/messages", json_body={"content": "again"})
    assert status == 507 and "disk is full" in error_message(body)
    status, body = await api("POST", "threads", json_body={"name": "new"})
    assert status == 507 and "disk is full" in error_message(body)
    status, body = await api("POST", f"threads/{tid}/cancel")
    assert status == 507 and "disk is full" in error_message(body)

    # When space is freed, with no restart
    disk.free()

    # Then the turn is closed, once, with an error saying why
    async def closed():
        _, body = await api("GET", f"threads/{tid}")
        return body["running_turn"] is None

    await until(closed)
    _, body = await api("GET", f"threads/{tid}/events")
    events = [e for e in body["events"] if e["turn_id"] == turn_id]
    [done] = [e for e in events if e["type"] == "done"]
    assert done["data"]["status"] == "error"
    [error] = [e["data"]["message"] for e in events if e["type"] == "error"]
    assert "disk is full" in error
    _, page = await api("GET", f"threads/{tid}/messages")
    assert page["messages"][-1]["metadata"]["error"] == error
    # and the thread answers again
    fake.script(text("All good now."))
    status, asked = await api("POST", f"threads/{tid}/messages", json_body={"content": "ok?"})
    assert status == 202, asked

    async def answered():
        _, page = await api("GET", f"threads/{tid}/messages")
        return page["messages"][-1]["content"] == "All good now."

    await until(answered)


async def test_a_full_disk_refuses_uploads_and_new_threads_with_507_and_leaves_nothing(
    api, vista_app, disk, vista_data_dir
):
    disk.fill()
    status, body = await api("POST", "threads", json_body={"name": "new"})
    assert status == 507 and "disk is full" in error_message(body)
    status, body = await api("POST", "uploads", body=b"a,b\n" + b"1,2\n" * 100_000, params={"name": "big.csv"})
    assert status == 507 and "disk is full" in error_message(body)
    status, body = await api("POST", "threads", json_body={"dataset": {"example": "iris"}})
    assert status == 507 and "disk is full" in error_message(body)
    assert not [p for p in (vista_data_dir / "staging").rglob("*") if p.is_file()]
    assert not list((vista_data_dir / "uploads").iterdir())
    disk.free()
    status, body = await api("POST", "threads", json_body={"dataset": {"example": "iris"}})
    assert status == 201, body
