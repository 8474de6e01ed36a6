#!/usr/bin/env bash
# Set up a working copy: a .venv with Vista installed in editable mode (test extras included),
# its frontend built and linked into JupyterLab. Idempotent; safe to run again after a pull.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# shellcheck disable=SC1091
source .venv/bin/activate
export PIP_DISABLE_PIP_VERSION_CHECK=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Build requirements, installed once into the venv so the editable install needs no isolated
# build environment (faster, and jlpm comes from jupyterlab).
python -m pip install -q "jupyterlab>=4.4,<5" "hatchling>=1.5" "hatch-jupyter-builder>=0.5" \
  "hatch-nodejs-version>=0.3.2" editables
# A previous set-up linked the venv's copy of the frontend to vista_jupyter/labextension (below).
# Unlink it first: reinstalling would write install.json through the link into the source tree,
# and a wheel built from there would then hold install.json twice.
link=.venv/share/jupyter/labextensions/vista-jupyter
if [ -L "$link" ]; then rm "$link"; fi
rm -f vista_jupyter/labextension/install.json
# Builds the TypeScript (jlpm install + jlpm build) as part of the install.
python -m pip install -q --no-build-isolation -e ".[test]"
# Link the built frontend so `jlpm build` / `jlpm watch` changes show up on reload.
jupyter labextension develop --overwrite . >/dev/null
# configurable-http-proxy for the JupyterHub integration test (tests/test_hub.py).
npm ci --prefix tests/hub --no-audit --no-fund --silent
