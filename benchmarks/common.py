"""Helpers shared by the benchmarks: results, timing, a real Jupyter server with Vista."""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    benchmark: str
    metric: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None  # None: no target to meet

    @staticmethod
    def table(results: list[Result]) -> str:
        header = ("benchmark", "metric", "value", "target", "ok")
        rows = [
            (r.benchmark, r.metric, f"{r.value:,.2f} {r.unit}", r.target,
             "" if r.ok is None else ("yes" if r.ok else "NO"))
            for r in results
        ]
        widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
        line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
        out = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
        out += [line(r) for r in rows]
        return "\n".join(out)


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock milliseconds of `repeat` calls."""
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def summary(benchmark: str, what: str, ms: list[float], target_p95: float | None = None) -> list[Result]:
    p95 = percentile(ms, 95)
    return [
        Result(benchmark, f"{what} median", statistics.median(ms), "ms"),
        Result(benchmark, f"{what} p95", p95, "ms",
               target=f"<= {target_p95} ms" if target_p95 else "",
               ok=(p95 <= target_p95) if target_p95 else None),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A client for a running Jupyter server (token auth)."""

    def __init__(self, url: str, token: str, pid: int = 0):
        self.url, self.token, self.pid = url, token, pid

    def call(self, method: str, path: str, body: object = None) -> tuple[int, object]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}/vista/api/{path}", method=method, data=data,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")


@contextmanager
def jupyter_server(extra_config: str = "") -> Iterator[Server]:
    """Start `jupyter server` with Vista on a fresh data folder; stop it afterwards."""
    with tempfile.TemporaryDirectory(prefix="vista-bench-") as tmp:
        port, token = free_port(), "bench-token"
        config = Path(tmp, "config.py")
        config.write_text(
            "c.ServerApp.jpserver_extensions = {'vista_jupyter': True}\n"
            "c.ServerApp.allow_root = True\nc.ServerApp.open_browser = False\n"
            f"c.ServerApp.port = {port}\nc.ServerApp.port_retries = 0\n"
            f"c.ServerApp.root_dir = {tmp!r}\n"
            f"c.IdentityProvider.token = {token!r}\n"
            f"c.VistaApp.data_dir = {str(Path(tmp, 'vista'))!r}\n" + extra_config
        )
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(Path(tmp, "runtime"))}
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyter_server", f"--config={config}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        server = Server(f"http://127.0.0.1:{port}", token, process.pid)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    server.call("GET", "info")
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("the Jupyter server did not start") from None
                    time.sleep(0.2)
            yield server
        finally:
            process.terminate()
            process.wait(timeout=30)
