"""REST API latency through a real Jupyter server (loopback HTTP, token auth, SQLite in WAL)."""

from __future__ import annotations

from common import Result, jupyter_server, summary, timed


def run() -> list[Result]:
    results: list[Result] = []
    with jupyter_server() as server:
        results += summary(
            "api", "create thread", timed(lambda: server.request("POST", "threads", {"name": "b"}), 300), target_p95=20
        )
        results += summary(
            "api", "list 300 threads", timed(lambda: server.request("GET", "threads?limit=500"), 100), target_p95=50
        )
        _, thread = server.request("POST", "threads", {})
        results += summary(
            "api", "get thread", timed(lambda: server.request("GET", f"threads/{thread['id']}"), 300), target_p95=10
        )
    return results
