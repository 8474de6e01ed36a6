"""Remote kernels: a Jupyter server configured with `GatewayClient.url` runs Vista's kernels on a
real Jupyter Kernel Gateway (started here on loopback), end to end: a thread's overview and
questions, a dataset held in DuckDB, a kernel that dies there. A gateway whose kernels cannot see
the thread folder (run as another account, like a kernel on another machine) makes the turn fail
with a message saying what to mount, and never leaves the thread stuck."""

from __future__ import annotations

import asyncio
import io
import json
import os
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openai_server import FakeOpenAI, text, tool
from servers import JupyterServer, KernelGateway

pytestmark = pytest.mark.timeout(300)

CARS = Path(__file__).parent.parent / "vista_jupyter" / "examples" / "data" / "cars.csv"


@pytest.fixture
def fake(jp_asyncio_loop):
    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture
def gateway(jp_asyncio_loop):
    gateway = KernelGateway().start()
    yield gateway
    gateway.stop()


async def until_done(server: JupyterServer, tid: str, turns: int, timeout: float = 180) -> list[dict]:
    """The thread's events once `turns` turns have ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, body = await server.call("GET", f"threads/{tid}/events")
        assert status == 200, body
        if sum(1 for e in body["events"] if e["type"] == "done") >= turns:
            return body["events"]
        await asyncio.sleep(0.2)
    raise AssertionError(f"the turns did not end:\n{server.log()[-3000:]}")


async def answers(server: JupyterServer, tid: str) -> list[dict]:
    status, page = await server.call("GET", f"threads/{tid}/messages")
    assert status == 200, page
    return [m for m in page["messages"] if m["role"] == "assistant"]


def descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        for task in os.listdir(f"/proc/{current}/task"):
            try:
                children = Path(f"/proc/{current}/task/{task}/children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


async def test_a_threads_turns_run_on_a_kernel_gateway(tmp_path, gateway, fake):
    server = JupyterServer(
        tmp_path,
        tmp_path / "data",
        config=(
            gateway.server_config()
            + "c.VistaApp.models = ['scripted-model']\n"
            + f"c.VistaApp.base_url = {fake.base_url!r}\n"
            + f"c.VistaApp.max_dataframe_bytes = {1 << 20}\n"
        ),
    ).start()
    try:
        await gateway.ready()
        await server.ready()
        # A thread from an example: its overview runs by itself, on a kernel of the gateway
        status, thread = await server.call("POST", "threads", {"dataset": {"example": "cars"}})
        assert status == 201, thread
        tid = thread["id"]
        await until_done(server, tid, 1)
        status, kernels = await gateway.get("/api/kernels")
        assert status == 200 and len(kernels) == 1, kernels
        assert descendants(gateway.process.pid) and not descendants(server.process.pid)
        [overview] = await answers(server, tid)
        assert "error" not in overview["metadata"], overview["metadata"]
        assert "406" in overview["content"]

        # A question, answered there with the numbers pandas gets here
        status, _ = await server.call(
            "POST", f"threads/{tid}/messages", {"content": "average Miles_per_Gallon by Origin"}
        )
        assert status == 202
        await until_done(server, tid, 2)
        answer = (await answers(server, tid))[-1]["content"]
        means = pd.read_csv(CARS).groupby("Origin")["Miles_per_Gallon"].mean().round(2)
        for origin, mean in means.items():
            assert f"{origin}: {mean}" in answer, answer

        # A dataset too large for pandas there: a DuckDB view in the gateway's kernel
        rng = np.random.default_rng(5)
        sales = pd.DataFrame(
            {"city": rng.choice(["Seoul", "Busan", "Jeju"], 100_000), "amount": rng.integers(1, 1000, 100_000)}
        )
        body = io.BytesIO()
        sales.to_csv(body, index=False)
        status, upload = await server.call("POST", "uploads?name=sales.csv", raw=body.getvalue())
        assert status == 201, upload
        status, big = await server.call("POST", "threads", {"dataset": {"upload": upload["id"]}})
        assert status == 201, big
        seen = max(e["seq"] for e in await until_done(server, big["id"], 1))
        # its overview, computed by the offline analyst in SQL in the gateway's kernel
        overview = (await answers(server, big["id"]))[-1]
        assert overview["content"].startswith("**100,000** rows and **2** columns"), overview["content"]
        assert all("sql(" in step["code"] for step in overview["metadata"]["steps"] if step.get("code"))
        fake.script(
            tool(
                "print(sql('SELECT city, sum(amount) AS total FROM df GROUP BY city "
                "ORDER BY city').to_json(orient='records'))\n"
                "import os; print(os.getcwd())"
            ),
            text("Totals per city."),
        )
        status, _ = await server.call(
            "POST", f"threads/{big['id']}/messages", {"content": "total amount per city", "model": "scripted-model"}
        )
        assert status == 202
        events = await until_done(server, big["id"], 2)
        printed = "".join(
            e["data"]["output"].get("text", "") for e in events if e["type"] == "output" and e["seq"] > seen
        )  # this turn's, not the overview's
        totals, cwd = printed.splitlines()
        expected = sales.groupby("city")["amount"].sum()
        assert {r["city"]: r["total"] for r in json.loads(totals)} == expected.to_dict()
        # the kernel entered the thread's folder although the gateway started it in its own
        assert cwd == str(tmp_path / "data" / "threads" / big["id"])
        status, kernels = await gateway.get("/api/kernels")
        assert len(kernels) == 2

        # A kernel that dies on the gateway: the step says so, the next question gets a new one
        fake.script(
            tool("import os; os._exit(1)"),
            text("It crashed."),
            tool("print(sql('SELECT count(*) AS n FROM df').n[0])"),
            text("Counted."),
        )
        await server.call("POST", f"threads/{big['id']}/messages", {"content": "crash", "model": "scripted-model"})
        events = await until_done(server, big["id"], 3)
        died = [e["data"] for e in events if e["type"] == "step_done"][-1]
        assert died["status"] == "died", died
        await server.call("POST", f"threads/{big['id']}/messages", {"content": "count", "model": "scripted-model"})
        events = await until_done(server, big["id"], 4)
        outputs = [e["data"]["output"] for e in events if e["type"] == "output"]
        assert outputs[-1]["text"] == "100000\n"
    finally:
        server.stop()


async def test_a_gateway_whose_kernels_cannot_see_the_thread_folder_fails_clearly(tmp_path):
    # The gateway's kernels do not see Vista's data folder: as on another machine where the
    # folder is not mounted
    data = tmp_path / "data"
    data.mkdir()
    gateway = KernelGateway(hide=[data]).start()
    server = JupyterServer(tmp_path, data, config=gateway.server_config())
    try:
        await gateway.ready()
        server.start()
        await server.ready()
        status, thread = await server.call("POST", "threads", {"dataset": {"example": "iris"}})
        assert status == 201, thread
        tid = thread["id"]
        for turns in (1, 2):  # the overview, then a question: each fails clearly, none hangs
            if turns == 2:
                status, _ = await server.call("POST", f"threads/{tid}/messages", {"content": "describe the data"})
                assert status == 202
            await until_done(server, tid, turns)
            last = (await answers(server, tid))[-1]
            error = last["metadata"].get("error", "")
            folder = tmp_path / "data" / "threads" / tid
            assert f"cannot see its thread's folder {folder}" in error, last
            assert "mounted" in error and "kernel_data_dir" in error
            assert "Traceback" not in error
        status, body = await server.call("GET", f"threads/{tid}")
        assert status == 200 and body["running_turn"] is None, body
    finally:
        server.stop()
        gateway.stop()
