"""A real JupyterHub (jupyterhub + configurable-http-proxy) on loopback with two users, each with
their own single-user server running Vista, reached through the hub's proxy under /user/<name>/."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tornado.httpclient import AsyncHTTPClient, HTTPClientError

pytestmark = pytest.mark.timeout(240)

HERE = Path(__file__).parent
PROXY = HERE / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
CSV = "name,score\nkim,3\nlee,5\npark,4\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    """A JupyterHub process and a client for its proxy."""

    def __init__(self, root: Path):
        self.root = root
        self.port, self.hub_port, self.proxy_api = free_port(), free_port(), free_port()
        self.admin = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.http = AsyncHTTPClient()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        singleuser = shutil.which("jupyterhub-singleuser", path=str(Path(sys.executable).parent))
        config = self.root / "jupyterhub_config.py"
        config.write_text(f"""
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {self.port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {self.hub_port}
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{self.proxy_api}"
c.JupyterHub.db_url = "sqlite:///{self.root}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{self.root}/cookie_secret"
c.JupyterHub.pid_file = "{self.root}/hub.pid"
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allowed_users = {{"alice", "bob"}}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{self.root}/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = ["--ServerApp.allow_root=True"]
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 60
c.JupyterHub.services = [{{"name": "test-admin", "api_token": {self.admin!r}}}]
c.JupyterHub.load_roles = [{{"name": "test-admin", "services": ["test-admin"],
    "scopes": ["admin:users", "admin:servers", "tokens"]}}]
c.JupyterHub.cleanup_servers = True
""")
        env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        self.log = open(self.root / "hub.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)],
            cwd=self.root,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()

    async def call(
        self, method: str, path: str, token: str, body: object = None, raw: bytes | None = None
    ) -> tuple[int, object]:
        data = raw if raw is not None else (None if body is None else json.dumps(body))
        if data is None and method == "POST":
            data = b""
        response = await self.http.fetch(
            self.url + path,
            method=method,
            body=data,
            headers={"Authorization": f"token {token}"},
            raise_error=False,
            follow_redirects=False,
            request_timeout=60,
        )
        if "json" not in response.headers.get("Content-Type", ""):
            return response.code, response.body
        return response.code, json.loads(response.body) if response.body else None

    async def ready(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (self.root / "hub.log").read_text()[-3000:]
            try:
                status, _ = await self.call("GET", "/hub/api/", self.admin)
                if status == 200:
                    return
            except (OSError, HTTPClientError):
                pass
            await asyncio.sleep(0.2)
        raise AssertionError("the hub did not start:\n" + (self.root / "hub.log").read_text()[-3000:])

    async def user_with_server(self, name: str) -> str:
        """Create `name`'s token and start their server; returns the token."""
        await self.call("POST", f"/hub/api/users/{name}", self.admin)
        status, token = await self.call(
            "POST", f"/hub/api/users/{name}/tokens", self.admin, {"note": "vista test", "expires_in": 3600}
        )
        assert status in (200, 201), token
        status, _ = await self.call("POST", f"/hub/api/users/{name}/server", self.admin)
        assert status in (201, 202), status
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            _, user = await self.call("GET", f"/hub/api/users/{name}", self.admin)
            server = user.get("servers", {}).get("", {})
            if server.get("ready"):
                return token["token"]
            await asyncio.sleep(0.3)
        raise AssertionError("server did not start:\n" + (self.root / "hub.log").read_text()[-4000:])


@pytest.fixture
def hub(tmp_path, jp_asyncio_loop):
    assert PROXY.exists(), "run `npm ci --prefix tests/hub` (scripts/setup.sh does)"
    hub = Hub(tmp_path)
    hub.start()
    yield hub
    hub.stop()


async def follow_until_done(hub: Hub, user: str, token: str, tid: str) -> list[dict]:
    """Read the thread's server-sent events through the proxy until a turn is done."""
    events: list[dict] = []
    done = asyncio.Event()
    buffer = b""

    def on_chunk(chunk: bytes) -> None:
        nonlocal buffer
        buffer += chunk
        while b"\n\n" in buffer:
            block, buffer = buffer.split(b"\n\n", 1)
            for line in block.decode().splitlines():
                if line.startswith("data: "):
                    events.append(json.loads(line[6:]))
                    if events[-1]["type"] == "done":
                        done.set()

    stream = asyncio.ensure_future(
        hub.http.fetch(
            f"{hub.url}/user/{user}/vista/api/threads/{tid}/events/stream",
            headers={"Authorization": f"token {token}"},
            streaming_callback=on_chunk,
            request_timeout=120,
            raise_error=False,
        )
    )
    try:
        await asyncio.wait_for(done.wait(), 90)
    finally:
        stream.cancel()
    return events


async def test_two_hub_users_each_see_only_their_own_vista(hub):
    await hub.ready()
    tokens = {name: await hub.user_with_server(name) for name in ("alice", "bob")}
    threads = {}
    for name, token in tokens.items():
        base = f"/user/{name}/vista/api"
        status, info = await hub.call("GET", f"{base}/info", token)
        assert status == 200 and info["owner"] == name  # the hub's user name, not an anonymous id
        status, upload = await hub.call("POST", f"{base}/uploads?name={name}.csv", token, raw=CSV.encode())
        assert status == 201, upload
        status, thread = await hub.call(
            "POST", f"{base}/threads", token, {"name": f"{name}'s", "dataset": {"upload": upload["id"]}}
        )
        assert status == 201, thread
        threads[name] = thread["id"]
        # The automatic overview is a turn of the offline analyst; its events arrive live
        events = await follow_until_done(hub, name, token, thread["id"])
        done = [e for e in events if e["type"] == "done"][-1]
        assert done["data"]["status"] == "done", events[-5:]
        assert any(e["type"] == "code" for e in events)
        figures = [
            e["data"]["output"]["artifact"]
            for e in events
            if e["type"] == "output" and "artifact" in e["data"]["output"]
        ]
        assert figures
        status, _ = await hub.call("GET", f"{base}/threads/{thread['id']}/artifacts/{figures[0]['id']}", token)
        assert status == 200
        threads[name + "_figure"] = figures[0]["id"]

    for name, other in (("alice", "bob"), ("bob", "alice")):
        token = tokens[name]
        status, listing = await hub.call("GET", f"/user/{name}/vista/api/threads", token)
        assert [t["id"] for t in listing["threads"]] == [threads[name]]
        # One user's token cannot reach the other's server at all
        tid = threads[other]
        for path in (
            "threads",
            f"threads/{tid}",
            f"threads/{tid}/events",
            f"threads/{tid}/artifacts/{threads[other + '_figure']}",
            f"threads/{tid}/events/stream",
        ):
            status, _ = await hub.call("GET", f"/user/{other}/vista/api/{path}", token)
            assert status in (302, 403, 404), (name, path, status)
            assert status != 200
        status, _ = await hub.call("POST", f"/user/{other}/vista/api/threads", token, {"name": "intruder"})
        assert status in (302, 403)
    # bob's attempt left nothing in alice's Vista
    status, listing = await hub.call("GET", "/user/alice/vista/api/threads", tokens["alice"])
    assert [t["name"] for t in listing["threads"]] == ["alice's"]
