"""Turns through the REST API with a real HTTP server speaking the OpenAI protocol (scripted),
driven by the real `openai` client, and a real kernel."""

from __future__ import annotations

import asyncio
import json
import threading
import time

import pytest
from conftest import NAMED_USERS, error_message
from openai_server import FakeOpenAI, Script, text, tool
from test_kernels import FRAME, add_dataset
from test_threads_api import Feed

from vista_jupyter.assistant.registry import ModelRegistry

pytestmark = pytest.mark.timeout(120)

SECRET = "sk-test-SECRET-0123456789"


@pytest.fixture
def fake(jp_asyncio_loop):
    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture
def vista_config(fake):
    return {
        "model": "scripted-model",
        "base_url": fake.base_url,
        "api_key": SECRET,
        "model_max_retries": 2,
        "model_timeout": 5.0,
        "auto_overview": False,
    }


async def new_thread(api, vista_app) -> tuple[str, str]:
    _, info = await api("GET", "info")
    _, thread = await api("POST", "threads", json_body={"name": "turns"})
    add_dataset(vista_app, info["owner"], thread["id"], FRAME)
    return info["owner"], thread["id"]


async def wait_done(api, tid: str, timeout: float = 60) -> list[dict]:
    """All events of the thread once its latest turn is done."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _, body = await api("GET", f"threads/{tid}/events")
        events = body["events"]
        started = [e for e in events if e["type"] == "turn_started"]
        if started and any(e["type"] == "done" and e["turn_id"] == started[-1]["turn_id"] for e in events):
            return events
        await asyncio.sleep(0.05)
    raise AssertionError(f"turn did not finish: {events}")


def of(events, kind):
    return [e["data"] for e in events if e["type"] == kind]


async def test_a_tool_call_turn_runs_code_and_answers(api, vista_app, fake):
    owner, tid = await new_thread(api, vista_app)
    fake.script(tool("print(df['y'].sum())", "Let me add it up."), text("The total of y is 75."))

    status, body = await api("POST", f"threads/{tid}/messages", json_body={"content": "What is the total of y?"})
    assert status == 202, body
    assert body["message"]["role"] == "user" and body["message"]["content"] == "What is the total of y?"
    # The question is stored at once
    _, page = await api("GET", f"threads/{tid}/messages")
    assert page["messages"][0]["content"] == "What is the total of y?"

    events = await wait_done(api, tid)
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert of(events, "code") == [{"step": 0, "code": "print(df['y'].sum())"}]
    outputs = [d["output"] for d in of(events, "output")]
    assert outputs == [{"output_type": "stream", "name": "stdout", "text": "75.0\n"}]
    text_events = "".join(d["delta"] for d in of(events, "text"))
    assert "Let me add it up." in text_events and "The total of y is 75." in text_events
    [done] = of(events, "done")
    assert done["status"] == "done"
    assert done["usage"] == {"prompt_tokens": 22, "completion_tokens": 14}

    # The model saw the dataset, and then the code's output
    first, second = fake.requests[0]["body"], fake.requests[1]["body"]
    assert first["model"] == "scripted-model" and first["tools"][0]["function"]["name"] == "run_python"
    assert "`df`" in first["messages"][0]["content"] and "4 rows x 3 columns" in first["messages"][0]["content"]
    tool_message = second["messages"][-1]
    assert tool_message["role"] == "tool" and "75.0" in tool_message["content"]

    # The stored answer carries the steps
    _, page = await api("GET", f"threads/{tid}/messages")
    answer = page["messages"][-1]
    assert answer["role"] == "assistant" and answer["content"] == "The total of y is 75."
    [step] = answer["metadata"]["steps"]
    assert step["code"] == "print(df['y'].sum())" and step["result"]["status"] == "ok"
    _, thread = await api("GET", f"threads/{tid}")
    assert thread["running_turn"] is None
    # Nothing runs: a client opening the thread follows only what comes next
    assert thread["replay_after"] == events[-1]["seq"]


async def test_an_error_goes_back_to_the_model_which_fixes_it(api, vista_app, fake):
    owner, tid = await new_thread(api, vista_app)
    fake.script(tool("df['Y'].sum()"), tool("df['y'].sum()"), text("The sum is 75."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "sum of y"})
    events = await wait_done(api, tid)
    assert [d["status"] for d in of(events, "step_done")] == ["error", "ok"]
    assert "KeyError" in fake.requests[1]["body"]["messages"][-1]["content"]
    _, page = await api("GET", f"threads/{tid}/messages")
    steps = page["messages"][-1]["metadata"]["steps"]
    assert [s["result"]["status"] for s in steps] == ["error", "ok"]


async def test_fenced_code_protocol_when_configured(api, vista_app, fake):
    vista_app.model_registry.tool_protocol = "fenced"  # as c.VistaApp.tool_protocol = "fenced" sets it
    owner, tid = await new_thread(api, vista_app)
    fake.script(text("Counting.\n```python\nprint(df.shape[0])\n```"), text("There are 4 rows."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "how many rows?"})
    events = await wait_done(api, tid)
    assert "tools" not in fake.requests[0]["body"]
    assert "exactly one fenced block" in fake.requests[0]["body"]["messages"][0]["content"]
    assert of(events, "code") == [{"step": 0, "code": "print(df.shape[0])"}]
    assert of(events, "done")[0]["message"]["content"] == "There are 4 rows."


async def test_fenced_code_when_the_server_rejects_tools(api, vista_app, fake):
    owner, tid = await new_thread(api, vista_app)
    fake.script(
        Script(reject_tools=True),
        text("I will count the rows.\n```python\nprint(len(df))\n```"),
        text("There are 4 rows."),
    )
    await api("POST", f"threads/{tid}/messages", json_body={"content": "how many rows?"})
    events = await wait_done(api, tid)
    assert of(events, "code") == [{"step": 0, "code": "print(len(df))"}]
    assert of(events, "done")[0]["status"] == "done"
    retried, after = fake.requests[1]["body"], fake.requests[2]["body"]
    assert "tools" not in retried
    assert "exactly one fenced block" in retried["messages"][0]["content"]
    assert after["messages"][-1]["role"] == "user"
    assert (
        after["messages"][-1]["content"].startswith("Output of your code:") and "4" in after["messages"][-1]["content"]
    )


async def test_429_is_retried_after_the_delay_the_server_asks_for(api, vista_app, fake):
    owner, tid = await new_thread(api, vista_app)
    fake.script(Script(status=429, headers={"Retry-After": "1"}), text("Fine now."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "hello"})
    events = await wait_done(api, tid)
    assert of(events, "done")[0]["status"] == "done"
    assert len(fake.requests) == 2
    assert fake.requests[1]["time"] - fake.requests[0]["time"] >= 0.9


@pytest.mark.parametrize(
    "fault",
    [
        Script(status=500),
        Script(status=503),
        Script(delay=7.0, text="too late"),
        Script(cut=True, text="half an"),
        Script(garbage=True),
    ],
)
async def test_transient_faults_are_retried(api, vista_app, fake, fault):
    owner, tid = await new_thread(api, vista_app)
    fake.script(fault, text("Recovered answer."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "hello"})
    events = await wait_done(api, tid)
    done = of(events, "done")[0]
    assert done["status"] == "done", events
    assert done["message"]["content"] == "Recovered answer."
    if fault.cut:
        assert of(events, "text_reset"), "the partial text must be withdrawn"


async def test_persistent_failure_ends_with_a_clear_error_and_no_key(api, vista_app, fake, caplog):
    owner, tid = await new_thread(api, vista_app)
    fake.script(*[Script(status=500, error=f"upstream exploded with key {SECRET}")] * 10)
    await api("POST", f"threads/{tid}/messages", json_body={"content": "hello"})
    events = await wait_done(api, tid)
    [error] = of(events, "error")
    assert "HTTP 500" in error["message"]
    assert of(events, "done")[0]["status"] == "error"
    assert len(fake.requests) == 3  # one try and two retries
    # The stored answer keeps why it failed, for whoever opens the thread later
    _, page = await api("GET", f"threads/{tid}/messages")
    answer = page["messages"][-1]
    assert answer["metadata"]["status"] == "error" and answer["metadata"]["error"] == error["message"]
    everything = json.dumps(events) + json.dumps(page)
    assert SECRET not in everything
    # The server log says why (at warning level), without the key
    assert error["message"] in caplog.text and SECRET not in caplog.text
    assert any(r.levelname == "WARNING" and "failed" in r.getMessage() for r in caplog.records)


async def test_a_wrong_key_says_authentication_failed_and_how_to_configure(api, vista_app, fake):
    owner, tid = await new_thread(api, vista_app)
    fake.script(Script(status=401, error="Incorrect API key provided"))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "hello"})
    events = await wait_done(api, tid)
    [error] = of(events, "error")
    assert "Authentication failed" in error["message"]
    assert "OPENAI_API_KEY" in error["message"]
    assert len(fake.requests) == 1  # not retried
    # The key went to the model server, and nowhere else
    assert fake.requests[0]["headers"]["Authorization"] == f"Bearer {SECRET}"
    assert SECRET not in json.dumps(events)


async def test_malformed_tool_arguments_go_back_to_the_model(api, vista_app, fake):
    owner, tid = await new_thread(api, vista_app)
    fake.script(Script(arguments='{"code": print(1)'), tool("print(1)"), text("Done."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "hello"})
    events = await wait_done(api, tid)
    assert of(events, "notice")
    assert "must be JSON" in fake.requests[1]["body"]["messages"][-1]["content"]
    assert of(events, "done")[0]["status"] == "done"


async def test_one_turn_at_a_time_and_cancel_keeps_what_was_done(api, vista_app, fake):
    owner, tid = await new_thread(api, vista_app)
    fake.script(tool("import time\nprint('started', flush=True)\ntime.sleep(60)"), text("never"))
    status, _ = await api("POST", f"threads/{tid}/messages", json_body={"content": "slow"})
    assert status == 202
    # Printed output arrives while the code still runs
    for _ in range(300):
        _, body = await api("GET", f"threads/{tid}/events")
        if any(e["type"] == "output" for e in body["events"]):
            break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError("no live output from the running code")
    assert not any(e["type"] == "step_done" for e in body["events"])

    status, body = await api("POST", f"threads/{tid}/messages", json_body={"content": "another"})
    assert status == 409 and "still answering" in error_message(body)
    _, thread = await api("GET", f"threads/{tid}")
    assert thread["running_turn"]

    started = time.monotonic()
    status, body = await api("POST", f"threads/{tid}/cancel")
    assert status == 200 and body == {"cancelled": True}
    events = await wait_done(api, tid)
    assert time.monotonic() - started < 10
    done = of(events, "done")[0]
    assert done["status"] == "cancelled"
    # The stored answer keeps the step that was running, with what it printed
    [step] = done["message"]["metadata"]["steps"]
    assert step["code"].startswith("import time") and step["result"]["status"] == "interrupted"
    assert step["result"]["outputs"] == [{"output_type": "stream", "name": "stdout", "text": "started\n"}]
    assert of(events, "code")[0]["code"].startswith("import time")
    # The kernel was interrupted: the next question runs at once
    fake.scripts.clear()
    fake.script(tool("print('next')"), text("ok"))
    status, _ = await api("POST", f"threads/{tid}/messages", json_body={"content": "next"})
    assert status == 202
    events = await wait_done(api, tid, timeout=20)
    # (a stream may arrive in pieces: "next" and "\n" are two messages under load)
    assert "next\n" in "".join(d["output"].get("text") or "" for d in of(events, "output")), events[-8:]
    status, body = await api("POST", f"threads/{tid}/cancel")
    assert body == {"cancelled": False}


async def test_stop_while_the_answer_streams_keeps_the_words_written(api, vista_app, fake):
    owner, tid = await new_thread(api, vista_app)
    fake.script(text("A first, finished answer."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "first"})
    finished = await wait_done(api, tid)
    words = " ".join(f"w{i}" for i in range(60))
    fake.script(text(words, chunk_delay=0.1))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "talk"})
    for _ in range(200):
        _, body = await api("GET", f"threads/{tid}/events")
        if len([e for e in body["events"] if e["type"] == "text"]) >= len(of(finished, "text")) + 4:
            break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError("the answer did not stream")

    # A tab opening the thread now replays this turn from its start, not the finished one
    _, thread = await api("GET", f"threads/{tid}")
    assert thread["replay_after"] == finished[-1]["seq"] > 0
    assert [e for e in body["events"] if e["seq"] == thread["replay_after"] + 1][0]["type"] == "turn_started"

    status, _ = await api("POST", f"threads/{tid}/cancel")
    assert status == 200
    events = await wait_done(api, tid)
    streamed = "".join(d["delta"] for d in of(events[len(finished) :], "text"))
    assert streamed.startswith("w0 w1 w2") and not streamed.endswith("w59")

    # What the user saw stream is in the stored answer, not only "stopped"
    _, page = await api("GET", f"threads/{tid}/messages")
    answer = page["messages"][-1]
    assert answer["role"] == "assistant" and answer["metadata"]["status"] == "cancelled"
    assert [s["text"] for s in answer["metadata"]["steps"]] == [streamed]
    assert answer["metadata"]["steps"][0]["code"] is None


async def test_events_replay_after_n_and_stream_live(api, vista_app, fake, jp_fetch):
    owner, tid = await new_thread(api, vista_app)
    fake.script(tool("print(42)"), text("It is 42."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "answer?"})
    events = await wait_done(api, tid)
    n = len(events)
    _, body = await api("GET", f"threads/{tid}/events", params={"after": 3})
    assert [e["seq"] for e in body["events"]] == list(range(4, n + 1))

    # Server-sent events: replay from 2, then follow a second turn live
    received: list[dict] = []
    second_turn_done = asyncio.Event()

    def on_chunk(chunk: bytes) -> None:
        for line in chunk.decode().splitlines():
            if line.startswith("data: "):
                event = json.loads(line[6:])
                received.append(event)
                if event["type"] == "done" and event["seq"] > n:
                    second_turn_done.set()

    stream = asyncio.ensure_future(
        jp_fetch(
            "vista",
            "api",
            "threads",
            tid,
            "events",
            "stream",
            params={"after": 2},
            streaming_callback=on_chunk,
            request_timeout=60,
        )
    )
    await asyncio.sleep(0.5)
    fake.script(tool("print(43)"), text("Now 43."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "again?"})
    await asyncio.wait_for(second_turn_done.wait(), 30)
    stream.cancel()
    seqs = [e["seq"] for e in received]
    assert seqs == list(range(3, seqs[-1] + 1)), "replayed, then live, no gap and no duplicate"
    assert any(e["type"] == "output" and e["data"]["output"].get("text") == "43\n" for e in received)


async def test_models_endpoint_offers_the_allowlist_and_never_the_key(api, vista_app):
    status, body = await api("GET", "models")
    assert status == 200
    assert [m["id"] for m in body["models"]] == ["scripted-model", "vista-offline"]
    assert body["default"] == "scripted-model" and body["offline"] is False
    assert SECRET not in json.dumps(body)
    _, tid = await new_thread(api, vista_app)
    status, body = await api("POST", f"threads/{tid}/messages", json_body={"content": "x", "model": "gpt-unlisted"})
    assert status == 400 and "not offered" in error_message(body)


class HeldRegistry(ModelRegistry):
    """The real registry and clients, with each model request first held (as a long request
    preparation would hold it) until the test releases it, and the thread it ran on noted."""

    release = threading.Event()
    held_on: list[str] = []

    def client(self, model, datasets, **kwargs):
        inner = super().client(model, datasets, **kwargs)

        class Held:
            def __getattr__(self, name):
                return getattr(inner, name)

            async def complete(self, *args, **kw):
                HeldRegistry.held_on.append(threading.current_thread().name)
                released = HeldRegistry.release.wait(timeout=20)  # a blocking wait
                HeldRegistry.held_on.append("released" if released else "timed out")
                return await inner.complete(*args, **kw)

        return Held()


@pytest.mark.parametrize(
    "vista_config",
    [{"model": "scripted-model", "model_timeout": 5.0, "auto_overview": False, "model_registry_class": HeldRegistry}],
)
async def test_model_requests_are_prepared_off_the_server_loop(api, vista_app, fake):
    # Given a model request that holds its thread until this test (served by the server's
    # event loop) answers an HTTP request
    HeldRegistry.held_on.clear()
    HeldRegistry.release.clear()
    from vista_jupyter.assistant.clients import Endpoint

    vista_app.model_registry.endpoint = Endpoint(base_url=fake.base_url, timeout=5.0)
    fake.script(text("Fine."))
    owner, tid = await new_thread(api, vista_app)
    await api("POST", f"threads/{tid}/messages", json_body={"content": "hello?"})
    # When the request is being prepared, the server still answers
    deadline = time.monotonic() + 20
    while not HeldRegistry.held_on and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    status, _ = await api("GET", "info")
    assert status == 200
    HeldRegistry.release.set()
    # Then the turn ends normally, its text streamed and stored in order
    events = await wait_done(api, tid)
    assert HeldRegistry.held_on[:2] == ["vista-model", "released"]
    assert "".join(d["delta"] for d in of(events, "text")) == "Fine."
    assert of(events, "done")[0]["status"] == "done"


async def test_the_model_thread_delivers_in_order_and_stops_at_once():
    from vista_jupyter.assistant.model_thread import call_in_model_thread
    from vista_jupyter.errors import StorageFull

    ended: list[str] = []

    def model(pieces: int, then_wait: float):
        async def start(text, reset):
            try:
                for i in range(pieces):
                    await text(f"p{i} ")
                await reset("again")
                await text("final")
                await asyncio.sleep(then_wait)
                return threading.current_thread().name
            except asyncio.CancelledError:
                ended.append("cancelled")
                raise

        return start

    # Every piece arrives here, in order, before the result
    got: list[str] = []
    on_thread = await call_in_model_thread(model(500, 0), got.append, lambda r: got.append(f"<{r}>"))
    assert on_thread == "vista-model"
    assert got == [f"p{i} " for i in range(500)] + ["<again>", "final"]

    # A piece that cannot be kept (the event log's store is full) ends the call with that error
    # and cancels the request on the model thread, instead of being lost in a callback
    def full(_: str) -> None:
        raise StorageFull("The server's disk is full.")

    started = time.monotonic()
    with pytest.raises(StorageFull):
        await call_in_model_thread(model(3, 30), full, full)
    assert time.monotonic() - started < 10
    deadline = time.monotonic() + 10
    while not ended and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    assert ended == ["cancelled"]

    # Stop: cancelling the caller cancels the request there at once
    ended.clear()
    call = asyncio.ensure_future(call_in_model_thread(model(1, 30), got.append, got.append))
    await asyncio.sleep(0.2)
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    while not ended and time.monotonic() < deadline + 10:
        await asyncio.sleep(0.01)
    assert ended == ["cancelled"]


def test_models_listed_only_as_choices_leave_the_offline_analyst_the_default():
    # Given an admin who offers a model without making it the default
    registry = ModelRegistry(
        model="",
        models=["llama3.1"],
        base_url="http://127.0.0.1:9/v1",
        api_key="",
        tool_protocol="auto",
        timeout=1.0,
        max_retries=0,
        context_budget=4000,
    )
    # Then the offline analyst stays the default and the model can still be picked
    offered = registry.offered()
    assert offered["default"] == "vista-offline" and offered["offline"] is True
    assert [m["id"] for m in offered["models"]] == ["llama3.1", "vista-offline"]
    assert registry.check(None) == "vista-offline" and registry.check("llama3.1") == "llama3.1"


@pytest.mark.parametrize(
    "body, needle",
    [
        ({"content": "   "}, "content: must not be empty"),
        ({}, "content: is required"),
        ({"content": "x" * 20001}, "at most 20,000 characters"),
        ({"content": 5}, "content: input should be a valid string"),
    ],
)
async def test_bad_questions_are_400(api, vista_app, body, needle):
    _, tid = await new_thread(api, vista_app)
    status, answer = await api("POST", f"threads/{tid}/messages", json_body=body)
    assert status == 400 and needle in error_message(answer)


async def test_a_server_restart_marks_the_running_turn_interrupted(fake, tmp_path):
    import sqlite3

    from servers import JupyterServer

    data_dir = tmp_path / "vista"
    config = (
        f"c.VistaApp.model = 'scripted-model'\nc.VistaApp.base_url = {fake.base_url!r}\n"
        "c.VistaApp.auto_overview = False\n"
    )
    first = JupyterServer(tmp_path, data_dir, config=config).start()
    try:
        await first.ready()
        _, thread = await first.call("POST", "threads", {"dataset": {"example": "iris"}})
        tid = thread["id"]
        fake.script(text("Thinking very slowly about it", chunk_delay=1.0))
        status, asked = await first.call("POST", f"threads/{tid}/messages", {"content": "how many species?"})
        assert status == 202
        for _ in range(100):
            _, body = await first.call("GET", f"threads/{tid}/events")
            if any(e["type"] == "text" for e in body["events"]):
                break
            await asyncio.sleep(0.1)
        # The server is killed mid-turn
        first.kill()
    finally:
        first.stop()

    with sqlite3.connect(data_dir / "vista.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT status FROM turns").fetchone()[0] == "running"

    second = JupyterServer(tmp_path, data_dir, config=config).start()
    try:
        await second.ready()
        _, page = await second.call("GET", f"threads/{tid}/messages")
        user, assistant = page["messages"]
        assert user["content"] == "how many species?" and user["id"] == asked["message"]["id"]
        assert assistant["metadata"]["status"] == "interrupted"
        assert "interrupted" in assistant["content"]
        _, body = await second.call("GET", f"threads/{tid}/events")
        done = [e for e in body["events"] if e["type"] == "done"]
        assert [d["data"]["status"] for d in done] == ["interrupted"]
        _, thread = await second.call("GET", f"threads/{tid}")
        assert thread["running_turn"] is None
        # and the thread takes a new question
        fake.script(text("There are 3 species."))
        status, _ = await second.call("POST", f"threads/{tid}/messages", {"content": "again"})
        assert status == 202
    finally:
        second.stop()


@pytest.mark.parametrize("server_config", [NAMED_USERS[0]])
async def test_turns_and_events_are_private(api, vista_app, fake, jp_fetch):
    _, thread = await api("POST", "threads", json_body={"name": "alice's"}, user="alice")
    tid = thread["id"]
    add_dataset(vista_app, "alice", tid, FRAME)
    fake.script(tool("print('alice secret 123')"), text("done"))
    status, _ = await api("POST", f"threads/{tid}/messages", json_body={"content": "q"}, user="alice")
    assert status == 202
    for _ in range(400):
        _, body = await api("GET", f"threads/{tid}/events", user="alice")
        if any(e["type"] == "done" for e in body["events"]):
            break
        await asyncio.sleep(0.05)

    for method, path, payload in [
        ("GET", f"threads/{tid}/events", None),
        ("GET", f"threads/{tid}/events/stream", None),
        ("POST", f"threads/{tid}/messages", {"content": "let me in"}),
        ("POST", f"threads/{tid}/cancel", None),
        ("GET", f"threads/{tid}/notebook", None),
    ]:
        status, answer = await api(method, path, json_body=payload, user="bob")
        assert status == 404, (method, path, status)
        assert "alice secret" not in json.dumps(answer)
    _, page = await api("GET", f"threads/{tid}/messages", user="alice")
    assert len(page["messages"]) == 2  # bob's question was not stored


async def test_deleting_a_thread_while_its_turn_runs(api, vista_app, fake, vista_data_dir, jp_serverapp):
    import sqlite3

    owner, tid = await new_thread(api, vista_app)
    fake.script(tool("import time\nprint('working', flush=True)\ntime.sleep(60)"), text("never"))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "slow"})
    for _ in range(200):
        _, body = await api("GET", f"threads/{tid}/events")
        if any(e["type"] == "output" for e in body["events"]):
            break
        await asyncio.sleep(0.05)
    kernel_id = vista_app.executor.kernel_id(tid)
    started = time.monotonic()
    status, _ = await api("DELETE", f"threads/{tid}")
    assert status == 204
    assert time.monotonic() - started < 10
    for _ in range(100):
        if not vista_app.turns.running(tid):
            break
        await asyncio.sleep(0.05)
    assert not vista_app.turns.running(tid)
    assert kernel_id not in jp_serverapp.kernel_manager
    assert not (vista_data_dir / "threads" / tid).exists()
    with sqlite3.connect(vista_data_dir / "vista.sqlite3") as db:
        for table in ("threads", "messages", "turns", "events", "datasets"):
            column = "id" if table == "threads" else "thread_id"
            assert db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (tid,)).fetchone()[0] == 0
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    status, _ = await api("GET", f"threads/{tid}/events")
    assert status == 404


async def test_two_tabs_asking_at_once_get_one_turn_and_409s(api, vista_app, fake):
    owner, tid = await new_thread(api, vista_app)
    fake.script(text("One answer.", chunk_delay=0.2))
    answers = await asyncio.gather(
        *(api("POST", f"threads/{tid}/messages", json_body={"content": f"question {i}"}) for i in range(4))
    )
    assert sorted(status for status, _ in answers) == [202, 409, 409, 409], answers
    for status, body in answers:
        if status == 409:
            assert "still answering" in error_message(body)
    events = await wait_done(api, tid)
    assert len(of(events, "turn_started")) == 1 and len(of(events, "done")) == 1
    _, page = await api("GET", f"threads/{tid}/messages")
    assert [m["role"] for m in page["messages"]] == ["user", "assistant"]


@pytest.mark.parametrize("server_config", NAMED_USERS)
async def test_the_change_feed_tells_a_list_what_changed_as_it_happens(api, vista_app, jp_fetch, fake):
    # Given a list following its owner's changes (and another user's feed), with polling of the
    # database off: what arrives is what this server pushed
    vista_app.changes.poll = 3600
    ann, bob = Feed(jp_fetch, "ann"), Feed(jp_fetch, "bob")
    go_on = threading.Event()
    try:
        await asyncio.wait_for(ann.subscribed.wait(), 30)
        await asyncio.wait_for(bob.subscribed.wait(), 30)
        # When a thread is created, renamed, asked (its turn starts, is held by the model after its
        # first words until this test lets it go on, and ends) and deleted
        _, thread = await api("POST", "threads", json_body={"name": "first"}, user="ann")
        tid = thread["id"]
        await ann.until(lambda items: ("thread", thread) in items)
        await api("PATCH", f"threads/{tid}", json_body={"name": "renamed"}, user="ann")
        await ann.until(lambda items: any(k == "thread" and d["name"] == "renamed" for k, d in items))
        fake.script(text("Hello there, how can I help?", hold=go_on))
        status, _ = await api("POST", f"threads/{tid}/messages", json_body={"content": "hello?"}, user="ann")
        assert status == 202
        # Then each change arrives as the thread is listed now: running while it answers,
        await ann.until(lambda items: any(k == "thread" and d["running_turn"] for k, d in items))
        go_on.set()
        # then finished, with both messages counted
        await ann.until(
            lambda items: any(k == "thread" and d["message_count"] == 2 and d["running_turn"] is None for k, d in items)
        )
        _, listed = await api("GET", f"threads/{tid}", user="ann")
        last = [d for k, d in ann.items if k == "thread"][-1]
        assert {k: v for k, v in listed.items() if k != "replay_after"} == last
        await api("DELETE", f"threads/{tid}", user="ann")
        await ann.until(lambda items: ("deleted", {"id": tid}) in items)
        # and another user hears nothing of it
        _, own = await api("POST", "threads", json_body={"name": "bob's"}, user="bob")
        await bob.until(lambda items: items)
        assert [(k, d["id"]) for k, d in bob.items] == [("thread", own["id"])]
        assert not any(d.get("id") == own["id"] for _, d in ann.items)
    finally:
        go_on.set()
        ann.close()
        bob.close()
