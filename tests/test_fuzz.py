"""Fuzz the REST API from its OpenAPI description with schemathesis: no answer may be a 5xx.

A real Jupyter server (subprocess) with Vista; schemathesis generates requests from
`vista_jupyter/api/openapi.yaml` (served at /vista/api/openapi.json), including malformed ones.
The endless event stream is left out (it never finishes by design; its replay is the same query as
/events, which is fuzzed).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(300)


def test_no_request_from_the_api_description_gets_a_server_error(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = tmp_path / "config.py"
    config.write_text(
        "c.ServerApp.jpserver_extensions = {'vista_jupyter': True}\n"
        "c.ServerApp.allow_root = True\nc.ServerApp.open_browser = False\n"
        f"c.ServerApp.port = {port}\nc.ServerApp.port_retries = 0\n"
        f"c.ServerApp.root_dir = {str(tmp_path)!r}\nc.IdentityProvider.token = 'fuzz'\n"
        f"c.VistaApp.data_dir = {str(tmp_path / 'vista')!r}\nc.VistaApp.auto_overview = False\n"
    )
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    server = subprocess.Popen([sys.executable, "-m", "jupyter_server", f"--config={config}"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        spec = f"http://127.0.0.1:{port}/vista/api/openapi.json"
        for _ in range(300):
            try:
                request = urllib.request.Request(spec, headers={"Authorization": "token fuzz"})
                urllib.request.urlopen(request, timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        st = shutil.which("st", path=str(Path(sys.executable).parent))
        run = subprocess.run(
            [st, "run", spec, "-H", "Authorization: token fuzz", "--checks", "not_a_server_error",
             "--max-examples", "5", "--workers", "1", "--phases", "coverage,fuzzing",
             "--exclude-operation-id", "streamEvents", "--request-timeout", "30",
             "--seed", "20261125", "--no-color"],
            capture_output=True, text=True, timeout=280, cwd=tmp_path,
        )
        assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
        assert " passed" in run.stdout, run.stdout[-2000:]
        import re

        generated = int(re.search(r"(\d+) generated", run.stdout).group(1))
        assert generated > 100, run.stdout[-2000:]
    finally:
        server.terminate()
        server.wait(timeout=30)
