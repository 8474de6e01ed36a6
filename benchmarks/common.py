"""Helpers shared by the benchmarks: results, timing, a real Jupyter server with Vista."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from servers import JupyterServer  # noqa: E402  (tests/servers.py: one helper for tests and benchmarks)


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
            (
                r.benchmark,
                r.metric,
                f"{r.value:,.2f} {r.unit}",
                r.target,
                "" if r.ok is None else ("yes" if r.ok else "NO"),
            )
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
        Result(
            benchmark,
            f"{what} p95",
            p95,
            "ms",
            target=f"<= {target_p95} ms" if target_p95 else "",
            ok=(p95 <= target_p95) if target_p95 else None,
        ),
    ]


@contextmanager
def jupyter_server(extra_config: str = "", *, env: dict[str, str] | None = None) -> Iterator[JupyterServer]:
    """Start `jupyter server` with Vista on a fresh data folder (`tests/servers.py`, the one
    helper tests use too); stop it afterwards. Call it with `server.request(...)`."""
    with tempfile.TemporaryDirectory(prefix="vista-bench-") as tmp:
        server = JupyterServer(
            Path(tmp), Path(tmp, "vista"), config=extra_config, env=env, token="bench-token", root_dir=Path(tmp)
        )
        try:
            yield server.start().wait(timeout=120)
        finally:
            server.stop()
