#!/usr/bin/env bash
# Set up (scripts/setup.sh, plus Chromium and the UI-test packages) and run every test: the
# linter (ruff), the Python suite (pytest, real Jupyter servers) and the browser suite (Galata
# in Chromium).
# Ends with one line "tests: N passed, N failed"; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
# shellcheck disable=SC1091
source .venv/bin/activate
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Chromium for the browser tests, and a Korean font (fonts-nanum) so that it draws the Korean
# interface and Korean data instead of boxes.
if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/nanum ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum) >/dev/null || exit 1
  else
    echo "Chromium or a Korean font is missing: sudo apt-get install chromium fonts-nanum" >&2; exit 1
  fi
fi
(cd ui-tests && jlpm install --immutable >/dev/null) || exit 1

# Lint and format (ruff; rules in pyproject.toml): any finding, or a file `ruff format` would
# change, fails the run (`ruff format .` fixes the latter).
ruff check --output-format concise .
ruff_status=$?
ruff format --check .
format_status=$?

reports=$(mktemp -d)
# TypeScript lint and formatting (eslint + prettier; `jlpm lint` fixes what it can).
jlpm lint:check
lint_status=$?
# Frontend unit tests (Jest: the session's event reducer and the API client, over a local HTTP server).
jlpm test --ci --json --outputFile="$reports/jest.json"
js_status=$?
# The browser suite runs beside the Python suite: both spend most of their time waiting on
# kernels and servers, so together they take little longer than pytest alone. Its output is
# printed after pytest's, whole. CI=1: Playwright starts its own JupyterLab and scripted model,
# and a port already taken (a server left over from an earlier run) fails loudly instead of
# being reused.
(cd ui-tests && CI=1 PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/ui.json" \
  jlpm playwright test --reporter=list,json,html >"$reports/ui.log" 2>&1) &
ui_pid=$!
trap 'kill "$ui_pid" 2>/dev/null' INT TERM
# Two workers (pytest-xdist), each test file on one of them (its module fixtures made once);
# VISTA_TEST_WORKERS=0 runs it in this process.
python -m pytest -q -p no:cacheprovider -n "${VISTA_TEST_WORKERS:-2}" --dist loadfile --durations=15 \
  --junitxml="$reports/pytest.xml" "$@"
py_status=$?
wait "$ui_pid"
ui_status=$?
echo "== browser tests (Galata), run beside pytest =="
cat "$reports/ui.log"

python - "$reports" "$ruff_status" "$format_status" "$lint_status" <<'PY'
import json, sys, xml.etree.ElementTree as ET
from pathlib import Path
reports = Path(sys.argv[1])
passed = failed = 0
for status, what in zip(sys.argv[2:5], ("ruff check", "ruff format --check", "jlpm lint:check")):
    if status != "0":
        print(f"{what} found problems (above)"); failed += 1
try:
    suite = ET.parse(reports / "pytest.xml").getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total, bad = int(suite.get("tests")), int(suite.get("failures")) + int(suite.get("errors"))
    skipped = int(suite.get("skipped"))
    passed, failed = passed + total - bad - skipped, failed + bad
except Exception as e:
    print(f"no pytest report: {e}"); failed += 1
try:
    stats = json.loads((reports / "ui.json").read_text())["stats"]
    passed += stats["expected"]
    failed += stats["unexpected"] + stats["flaky"]
except Exception as e:
    print(f"no UI test report: {e}"); failed += 1
try:
    jest = json.loads((reports / "jest.json").read_text())
    passed, failed = passed + jest["numPassedTests"], failed + jest["numFailedTests"]
except Exception as e:
    print(f"no frontend unit test report: {e}"); failed += 1
print(f"tests: {passed} passed, {failed} failed")
PY
[ $ruff_status -eq 0 ] || echo "lint failed: ruff check" >&2
[ $format_status -eq 0 ] || echo "format check failed: ruff format --check (run: ruff format .)" >&2
[ $lint_status -eq 0 ] || echo "lint failed: jlpm lint:check" >&2
[ $ruff_status -eq 0 ] && [ $format_status -eq 0 ] && [ $lint_status -eq 0 ] && [ $js_status -eq 0 ] && [ $py_status -eq 0 ] && [ $ui_status -eq 0 ]
