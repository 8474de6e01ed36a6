#!/usr/bin/env bash
# Set up (scripts/setup.sh) and start JupyterLab with Vista. Extra arguments go to `jupyter lab`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# shellcheck disable=SC1091
source .venv/bin/activate
extra=()
if [ "$(id -u)" = 0 ]; then extra+=(--allow-root); fi
exec jupyter lab "${extra[@]}" "$@"
