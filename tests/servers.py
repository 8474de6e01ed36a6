"""A real Jupyter server with Vista in a subprocess: the one helper of every test that needs a
server it can start twice on one data folder, kill, or restart."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from tornado.httpclient import AsyncHTTPClient, HTTPClientError


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterServer:
    """`jupyter server` with Vista on `data_dir`, token-authenticated, stopped by `stop()`.

    `config` is appended to the config file (`c.VistaApp.model = ...`); `env` adds environment
    variables. The server's log is kept in a file (`log()`), shown when it fails to start.
    """

    def __init__(self, tmp_path: Path, data_dir: Path, *, config: str = "",
                 env: dict[str, str] | None = None, token: str = "test-token",
                 root_dir: Path | None = None):
        self.token, self.data_dir, self.extra = token, data_dir, config
        self.root_dir = root_dir or tmp_path / "root"
        self.root_dir.mkdir(parents=True, exist_ok=True)
        self.dir = tmp_path / f"server-{os.urandom(4).hex()}"
        self.dir.mkdir(parents=True)
        self.config = self.dir / "config.py"
        self.env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(self.dir / "runtime"), **(env or {})}
        self.process: subprocess.Popen | None = None
        self._client = AsyncHTTPClient()

    def _configure(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.config.write_text(
            "c.ServerApp.jpserver_extensions = {'vista_jupyter': True}\n"
            "c.ServerApp.allow_root = True\nc.ServerApp.open_browser = False\n"
            f"c.ServerApp.port = {self.port}\nc.ServerApp.port_retries = 0\n"
            f"c.ServerApp.root_dir = {str(self.root_dir)!r}\n"
            f"c.IdentityProvider.token = {self.token!r}\n"
            f"c.VistaApp.data_dir = {str(self.data_dir)!r}\n" + self.extra
        )

    def _lost_its_port(self) -> bool:
        """The process ended because another process took its port meanwhile: start again."""
        if self.process is None or self.process.poll() is None or "is not available" not in self.log():
            return False
        self._log.close()
        self.start()
        return True

    def start(self) -> JupyterServer:
        self._configure()
        self._log = open(self.dir / "server.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyter_server", f"--config={self.config}"],
            env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
        )
        return self

    def log(self) -> str:
        """What the server wrote to its log so far."""
        return (self.dir / "server.log").read_text(errors="replace")

    async def ready(self, timeout: float = 90) -> JupyterServer:
        """Wait until Vista answers (asynchronously: the test's own servers keep running)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._lost_its_port()
            assert self.process is not None and self.process.poll() is None, self.log()[-3000:]
            try:
                if (await self.call("GET", "info"))[0] == 200:
                    return self
            except (OSError, HTTPClientError):
                pass
            await asyncio.sleep(0.1)
        raise AssertionError(f"the server did not start:\n{self.log()[-3000:]}")

    def wait(self, timeout: float = 90) -> JupyterServer:
        """Wait until Vista answers (blocking, for tests without an event loop)."""
        deadline = time.monotonic() + timeout
        request = urllib.request.Request(f"{self.url}/vista/api/info",
                                         headers={"Authorization": f"token {self.token}"})
        while time.monotonic() < deadline:
            if self._lost_its_port():
                request = urllib.request.Request(f"{self.url}/vista/api/info",
                                                 headers={"Authorization": f"token {self.token}"})
            assert self.process is not None and self.process.poll() is None, self.log()[-3000:]
            try:
                with urllib.request.urlopen(request, timeout=5):
                    return self
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"the server did not start:\n{self.log()[-3000:]}")

    async def call(self, method: str, path: str, body: Any = None, *, raw: bytes | None = None,
                   headers: dict[str, str] | None = None, timeout: float = 120
                   ) -> tuple[int, Any]:
        """A request to `/vista/api/<path>` (or `/<path>` when it starts with '/'): (status, body)."""
        url = self.url + (path if path.startswith("/") else f"/vista/api/{path}")
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        if data is None and method in ("POST", "PATCH", "PUT"):
            data = b""
        response = await self._client.fetch(
            url, method=method, body=data, raise_error=False, request_timeout=timeout,
            headers={"Authorization": f"token {self.token}", **(headers or {})},
            allow_nonstandard_methods=True,
        )
        if response.code == 599 and response.error is not None:
            raise response.error
        content = response.body or b""
        if response.headers.get("Content-Type", "").startswith("application/json") and content:
            return response.code, json.loads(content)
        return response.code, content

    def kill(self) -> None:
        """Kill the process at once (no clean-up of any kind)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        """Stop the server as Ctrl+C would (clean shutdown)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
        if hasattr(self, "_log"):
            self._log.close()
