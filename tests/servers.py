"""A real Jupyter server with Vista in a subprocess: the one helper of every test and benchmark
that needs a server of its own (to start twice on one data folder, kill, restart, or measure from
outside). Benchmarks import it too (`benchmarks/common.py`), so there is one way to start one."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
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
    variables and `drop_env` removes inherited ones by prefix (e.g. "OPENAI_"); `headers`
    replace the token as what authenticates requests. The server's log is kept in a file
    (`log()`), shown when it fails to start.
    """

    def __init__(
        self,
        tmp_path: Path,
        data_dir: Path,
        *,
        config: str = "",
        env: dict[str, str] | None = None,
        token: str = "test-token",
        root_dir: Path | None = None,
        drop_env: tuple[str, ...] = (),
        headers: dict[str, str] | None = None,
    ):
        self.token, self.data_dir, self.extra = token, data_dir, config
        #: What authenticates every request (the token; a configured identity provider's header).
        self.headers = headers or {"Authorization": f"token {token}"}
        self.root_dir = root_dir or tmp_path / "root"
        self.root_dir.mkdir(parents=True, exist_ok=True)
        self.dir = tmp_path / f"server-{os.urandom(4).hex()}"
        self.dir.mkdir(parents=True)
        self.config = self.dir / "config.py"
        inherited = {k: v for k, v in os.environ.items() if not drop_env or not k.startswith(drop_env)}
        self.env = {**inherited, "JUPYTER_RUNTIME_DIR": str(self.dir / "runtime"), **(env or {})}
        self.process: subprocess.Popen | None = None

    @property
    def _client(self) -> AsyncHTTPClient:
        # Made when first used, on the loop of the caller (blocking users never make one).
        return AsyncHTTPClient()

    @property
    def pid(self) -> int:
        """The server's process id."""
        assert self.process is not None
        return self.process.pid

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
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
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
        request = urllib.request.Request(f"{self.url}/vista/api/info", headers=self.headers)
        while time.monotonic() < deadline:
            if self._lost_its_port():
                request = urllib.request.Request(f"{self.url}/vista/api/info", headers=self.headers)
            assert self.process is not None and self.process.poll() is None, self.log()[-3000:]
            try:
                with urllib.request.urlopen(request, timeout=5):
                    return self
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"the server did not start:\n{self.log()[-3000:]}")

    async def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> tuple[int, Any]:
        """A request to `/vista/api/<path>` (or `/<path>` when it starts with '/'): (status, body)."""
        url = self.url + (path if path.startswith("/") else f"/vista/api/{path}")
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        if data is None and method in ("POST", "PATCH", "PUT"):
            data = b""
        response = await self._client.fetch(
            url,
            method=method,
            body=data,
            raise_error=False,
            request_timeout=timeout,
            headers={**self.headers, **(headers or {})},
            allow_nonstandard_methods=True,
        )
        if response.code == 599 and response.error is not None:
            raise response.error
        content = response.body or b""
        if response.headers.get("Content-Type", "").startswith("application/json") and content:
            return response.code, json.loads(content)
        return response.code, content

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bool = False,
        headers: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> tuple[int, Any]:
        """A blocking request to `/vista/api/<path>` (for callers without an event loop):
        (status, body), the body decoded when it is JSON (unless `raw`)."""
        request = urllib.request.Request(
            f"{self.url}/vista/api/{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={**self.headers, "Content-Type": "application/json", **(headers or {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status, kind, data = response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as e:
            status, kind, data = e.code, e.headers.get("Content-Type", ""), e.read()
        if not raw and kind.startswith("application/json") and data:
            return status, json.loads(data)
        return status, data

    def kill(self) -> None:
        """Kill the process at once (no clean-up of any kind)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        """Stop the server as Ctrl+C would (clean shutdown)."""
        _terminate(self.process, getattr(self, "_log", None))


def _terminate(process: subprocess.Popen | None, log: Any) -> None:
    """Stop a server process as Ctrl+C would (killed if it takes over 30 s), then close its log."""
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
    if log is not None:
        log.close()


class KernelGateway:
    """A real Jupyter Kernel Gateway (`jupyter-kernel-gateway`) on loopback, stopped by `stop()`:
    the remote kernels of a Jupyter server configured with `GatewayClient.url`.

    It works in a folder of its own (its kernels start there, not in Vista's thread folders).
    `hide` lists folders its kernels must not see: it runs in a mount namespace of its own with
    an empty file system mounted over each (as on another machine where that folder is not
    mounted; this needs root, as Linux allows mounts only to it).
    """

    def __init__(self, *, token: str = "gateway-token", hide: list[Path] = ()):
        import tempfile

        self.token, self.hide = token, [str(p) for p in hide]
        self.dir = Path(tempfile.mkdtemp(prefix="vista-gateway-"))
        self.process: subprocess.Popen | None = None
        self._client = AsyncHTTPClient()

    def start(self) -> KernelGateway:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "HOME": str(self.dir),
            "JUPYTER_RUNTIME_DIR": str(self.dir / "runtime"),
            "JUPYTER_DATA_DIR": str(self.dir / "data"),
            "IPYTHONDIR": str(self.dir / "ipython"),
            "MPLCONFIGDIR": str(self.dir / "matplotlib"),
        }
        command = [
            sys.executable,
            "-m",
            "kernel_gateway",
            "--KernelGatewayApp.ip=127.0.0.1",
            f"--KernelGatewayApp.port={self.port}",
            "--KernelGatewayApp.port_retries=0",
            f"--KernelGatewayApp.auth_token={self.token}",
            "--JupyterWebsocketPersonality.list_kernels=True",
        ]
        if self.hide:
            assert os.geteuid() == 0, "hiding folders from a gateway's kernels needs root (mounts)"
            mounts = " && ".join(f"mount -t tmpfs vista-hidden '{p}'" for p in self.hide)
            command = [
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "sh",
                "-c",
                f'{mounts} && exec "$@"',
                "gateway",
                *command,
            ]
        self._log = open(self.dir / "gateway.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(command, cwd=self.dir, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        return self

    def log(self) -> str:
        return (self.dir / "gateway.log").read_text(errors="replace")

    async def get(self, path: str) -> Any:
        response = await self._client.fetch(
            f"{self.url}{path}", raise_error=False, headers={"Authorization": f"token {self.token}"}
        )
        return response.code, json.loads(response.body) if response.body else None

    async def ready(self, timeout: float = 60) -> KernelGateway:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, self.log()[-3000:]
            try:
                if (await self.get("/api"))[0] == 200:
                    return self
            except OSError:
                pass
            await asyncio.sleep(0.1)
        raise AssertionError(f"the gateway did not start:\n{self.log()[-3000:]}")

    def server_config(self) -> str:
        """The Jupyter server configuration that sends its kernels here."""
        return (
            f"c.GatewayClient.url = {self.url!r}\nc.GatewayClient.auth_token = {self.token!r}\n"
            "c.GatewayClient.request_timeout = 120.0\n"
        )

    def stop(self) -> None:
        import shutil

        _terminate(self.process, getattr(self, "_log", None))
        shutil.rmtree(self.dir, ignore_errors=True)
