"""Run Vista's benchmarks and print one table.

    python benchmarks/run.py            # every benchmark
    python benchmarks/run.py api        # only modules whose name contains "api"

Each `bench_*.py` module beside this file exposes `run() -> list[Result]`. Benchmarks measure
speed and memory targets that do not belong in timed unit tests; numbers go into the README.
"""

from __future__ import annotations

import importlib
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from common import Result  # noqa: E402


def main(argv: list[str]) -> int:
    selected = [a for a in argv if not a.startswith("-")]
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if selected:
        modules = [m for m in modules if any(s in m for s in selected)]
    results: list[Result] = []
    for name in modules:
        started = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results.extend(importlib.import_module(name).run())
        print(f"  {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(f"\nVista benchmarks on {platform.machine()}, Python {platform.python_version()}\n")
    print(Result.table(results))
    return 1 if any(r.ok is False for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
