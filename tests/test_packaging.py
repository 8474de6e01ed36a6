"""The wheel users install: it carries the prebuilt frontend and enables the server extension.

Built from this checkout with pip, then installed (without its dependencies, which are borrowed
from the test environment) into a fresh virtual environment, where Jupyter itself must report
both halves of Vista as enabled and OK.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(300)

REPO = Path(__file__).resolve().parent.parent


def plain(text: str) -> str:
    """Text without terminal colour codes."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def run(*args: str | Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False, **kw)


def test_setting_up_again_keeps_the_checkout_buildable():
    # Given a checkout set up once (the test command did that), when set-up runs again,
    # as the README tells developers to after a pull (the wheel below is built afterwards:
    # a second set-up used to leave install.json in the built frontend, so the wheel held it twice)
    again = run("bash", REPO / "scripts" / "setup.sh", cwd=REPO)
    assert again.returncode == 0, (again.stdout + again.stderr)[-3000:]
    # Then the built frontend holds only what `jupyter labextension build` wrote
    assert not (REPO / "vista_jupyter" / "labextension" / "install.json").exists()
    assert (REPO / "vista_jupyter" / "labextension" / "package.json").exists()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", dist, REPO)
    assert built.returncode == 0, built.stderr[-3000:]
    [path] = dist.glob("vista_jupyter-*.whl")
    return path


def test_the_wheel_carries_the_prebuilt_frontend_and_the_server_config(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        data = next(n.split("/data/")[0] for n in names if ".data/data/" in n) + "/data/"
        lab = data + "share/jupyter/labextensions/vista-jupyter/"
        assert lab + "package.json" in names and lab + "install.json" in names
        assert any(n.startswith(lab + "static/remoteEntry.") for n in names)
        assert lab + "schemas/vista-jupyter/plugin.json" in names
        config = json.loads(zf.read(data + "etc/jupyter/jupyter_server_config.d/vista_jupyter.json"))
        assert config == {"ServerApp": {"jpserver_extensions": {"vista_jupyter": True}}}
        # What the server needs at run time ships in the package
        for needed in (
            "vista_jupyter/api/openapi.yaml",
            "vista_jupyter/examples/ATTRIBUTION.md",
            "vista_jupyter/fonts/NanumGothic.ttf",
            "vista_jupyter/fonts/OFL.txt",
            "vista_jupyter/locale/ko_KR/LC_MESSAGES/vista_jupyter.json",
            "vista_jupyter/assistant/offline/lexicon.yaml",
        ):
            assert needed in names
        # JupyterLab finds the Korean catalogue through this entry point
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "[jupyterlab.locale]\nvista_jupyter = vista_jupyter" in zf.read(entry_points).decode()
        assert sum(n.startswith("vista_jupyter/examples/") and n.endswith(".csv") for n in names) >= 4


def test_an_installed_wheel_shows_both_extensions_enabled_and_ok(wheel, tmp_path):
    # Given a fresh environment with the wheel installed and the test environment's
    # dependencies visible (but not this checkout's editable install)
    env = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    installed = run(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-compile", "-q", wheel
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    clean_env.update(HOME=str(tmp_path), JUPYTER_PLATFORM_DIRS="1")
    # (run outside this checkout, which `python -c` would put first on sys.path)
    outside = {"env": clean_env, "cwd": tmp_path}

    # Then Vista comes from the wheel, and Jupyter finds both halves enabled and OK
    where = run(python, "-c", "import vista_jupyter; print(vista_jupyter.__file__)", **outside)
    assert where.stdout.strip().startswith(str(site)), where
    # (the `jupyter` command would run the test environment's subcommands: call the apps)
    lab = run(python, "-m", "jupyterlab.labextensions", "list", **outside)
    assert lab.returncode == 0, lab.stderr
    lab_out = plain(lab.stdout + lab.stderr)
    assert str(env / "share" / "jupyter" / "labextensions") in lab_out, lab_out
    assert re.search(r"vista-jupyter v[\d.]+ enabled\s+OK \(python, vista_jupyter\)", lab_out), lab_out
    server = run(python, "-m", "jupyter_server.extension.serverextension", "list", **outside)
    out = plain(server.stdout + server.stderr)
    assert server.returncode == 0, out
    assert re.search(r"vista_jupyter\s+enabled", out) and re.search(r"vista_jupyter [\d.]+ OK", out), out
