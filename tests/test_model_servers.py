"""Every OpenAI-compatible server users run, played at the wire: one real turn per server
behaviour, through a real Jupyter server with Vista, a real kernel and a real SQLite file, against
the real HTTP server of `openai_server.py` speaking each server's dialect, driven by the real
`openai` client.

Each profile is a model name on one scripted server (so one Jupyter server plays them all, and
what Vista learns about one model cannot help another). A profile passes when the code ran and
the answer quotes its output (the scripted model can only answer right if its code really ran and
the output came back), or when the turn fails with an error that says what the server said. The
API key (a marker) must appear nowhere: events, messages, exports, the SQLite file, the server's
log, the kernel's environment. Where each behaviour is documented: docs/model-servers.md.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from openai_server import Analyst, FakeOpenAI, Script, last_output, then
from servers import JupyterServer

pytestmark = pytest.mark.timeout(300)

KEY = "sk-vista-KEYMARKER-5f2c9a1e7b"
TOKEN = "model-servers-token"
SUM = "876.5"  # total sepal length of iris
PETAL = "563.7"  # total petal length
CODE = "print(round(df['sepalLength'].sum(), 1))"
PETAL_CODE = "print(round(df['petalLength'].sum(), 1))"
QUESTION = "What is the total sepal length?"
#: What must never be shown as an answer: raw protocol text.
RAW = ("<tool_call>", "</tool_call>", "<think>", "</think>", "run_pythonrun_python", '"arguments"')

#: Every server setting the tests use: short, so failures fail fast, but not so short that a busy
#: machine trips them (the scripted server answers in milliseconds).
TIMEOUT, STEP_TIMEOUT, RETRIES = 3.0, 8.0, 2


def analyst(
    call: dict[str, Any] | None = None,
    reply: dict[str, Any] | None = None,
    *,
    code: str | list[str] = CODE,
    answer: str = "The total sepal length is {output}.",
) -> Analyst:
    return Analyst(code, answer, call=call, reply=reply)


def tools_rejected(status: int, body: Any) -> Callable[[dict[str, Any], int], Script]:
    """A server that refuses the tools parameter, and a model that follows the fenced protocol."""
    model = analyst({"calls_as": "fenced", "text": "I will add it up."})

    def behaviour(body_: dict[str, Any], n: int) -> Script:
        if body_.get("tools"):
            return Script(reject_tools=True, reject_status=status, reject_body=body)
        return model(body_, n)

    return behaviour


def ollama_malformed_arguments(body: dict[str, Any], n: int) -> Script:
    """Ollama: 400 "invalid tool call arguments" for history holding unreadable arguments; the
    model first sends a broken call, then a good one."""
    for message in body["messages"]:
        for call in message.get("tool_calls") or ():
            try:
                json.loads(call["function"]["arguments"])
            except ValueError:
                return Script(
                    status=400,
                    error_body={"error": {"message": "invalid tool call arguments", "type": "invalid_request_error"}},
                )
    if n == 0:
        return Script(arguments='{"code": print(1)', calls_as="whole")
    last = body["messages"][-1]
    if last.get("role") == "tool" and str(last.get("content", "")).startswith("Error:"):
        return Script(code=CODE, calls_as="whole")
    return analyst({"calls_as": "whole"})(body, n)


def strict_tool_history(body: dict[str, Any], n: int) -> Script:
    """A server that cannot read tool results back at all (400 for any tool message)."""
    if any(m.get("role") == "tool" for m in body["messages"]):
        return Script(
            status=400,
            error_body={
                "error": {"message": "Failed to parse tool call arguments as JSON", "type": "invalid_request_error"}
            },
        )
    return analyst()(body, n)


class SmallContext:
    """A server whose model has a small context (set at the first request to 70% of it), saying
    so as llama.cpp does: an HTTP 400 with `n_ctx`, or (older versions) an `error:` SSE line."""

    def __init__(self, how: str):
        self.how = how
        self.n_ctx: int | None = None

    def __call__(self, body: dict[str, Any], n: int) -> Script:
        size = sum(len(str(m.get("content") or "")) for m in body["messages"]) // 4
        if self.n_ctx is None:
            self.n_ctx = int(size * 0.7)
        if size > self.n_ctx:
            said = (
                f"request ({size} tokens) exceeds the available context size ({self.n_ctx} tokens), try increasing it"
            )
            if self.how == "status":
                return Script(
                    status=400,
                    error_body={
                        "error": {
                            "code": 400,
                            "message": said,
                            "type": "exceed_context_size_error",
                            "n_prompt_tokens": size,
                            "n_ctx": self.n_ctx,
                        }
                    },
                )
            return Script(text="", stream_error="sse_line", error=said)
        return analyst()(body, n)


KEY_PROBE = (
    "import os\n"
    "print(sorted(k for k in os.environ if k.startswith(('OPENAI_', 'AZURE_', 'VISTA_'))))\n"
    "server = open(f'/proc/{os.getppid()}/environ', 'rb').read().decode(errors='replace')\n"
    "print([v for v in server.split(chr(0)) if v.startswith('OPENAI_API_KEY=')])\n"
)

LONG_QUESTION = (
    QUESTION
    + " Some context about why I ask: "
    + " ".join(f"the quarterly report number {i} mentions sepal measurements again" for i in range(300))
)


@dataclass
class Case:
    """One server behaviour and what Vista must make of it."""

    name: str
    behaviour: Callable[[dict[str, Any], int], Script]
    #: Words the answer must contain (None: the turn must fail).
    answer: str | None = SUM
    outputs: list[str] = field(default_factory=lambda: [SUM])
    #: Words the error must contain (what the server said).
    error: list[str] = field(default_factory=list)
    question: str = QUESTION
    #: Further assertions: check(turn, requests of this model).
    check: Callable[[Turn, list[dict[str, Any]]], None] | None = None
    #: A second question in the same thread (what was learned must hold, or not leak).
    again: Callable[[Turn, list[dict[str, Any]]], None] | None = None


def no_retry(turn: Turn, requests: list[dict[str, Any]]) -> None:
    assert len(requests) == 2, [r["body"].get("tools") is not None for r in requests]
    assert not turn.of("text_reset")


def ran_once(turn: Turn, requests: list[dict[str, Any]]) -> None:
    assert [c["code"] for c in turn.of("code")] == [CODE]


def ran_both(turn: Turn, requests: list[dict[str, Any]]) -> None:
    assert [c["code"] for c in turn.of("code")] == [CODE, PETAL_CODE]


def fell_back_to_fenced(turn: Turn, requests: list[dict[str, Any]]) -> None:
    first, retried = requests[0]["body"], requests[1]["body"]
    assert first.get("tools") and "tools" not in retried
    assert "exactly one fenced block" in retried["messages"][0]["content"]
    assert any("code blocks" in n["message"] for n in turn.of("notice"))


def next_turn_starts_fenced(turn: Turn, requests: list[dict[str, Any]]) -> None:
    # Learned for this model: its next question does not offer tools again
    assert "tools" not in requests[0]["body"], "the model's next turn should start fenced"


def next_turn_still_uses_tools(turn: Turn, requests: list[dict[str, Any]]) -> None:
    # What went wrong in one conversation stays there
    assert requests[0]["body"].get("tools"), "the fallback must not outlive its turn"
    assert turn.done["status"] == "done"


def waited_for_retry_after(turn: Turn, requests: list[dict[str, Any]]) -> None:
    assert requests[1]["time"] - requests[0]["time"] >= 0.9


def stream_options_dropped(turn: Turn, requests: list[dict[str, Any]]) -> None:
    assert "stream_options" in requests[0]["body"]
    assert all("stream_options" not in r["body"] for r in requests[1:])


def usage_counted(turn: Turn, requests: list[dict[str, Any]]) -> None:
    assert turn.done["usage"] == {"prompt_tokens": 22, "completion_tokens": 14}


def withdrew_partial_text(turn: Turn, requests: list[dict[str, Any]]) -> None:
    assert turn.of("text_reset")


def never_sent_malformed_arguments(turn: Turn, requests: list[dict[str, Any]]) -> None:
    for r in requests:
        for m in r["body"]["messages"]:
            for c in m.get("tool_calls") or ():
                json.loads(c["function"]["arguments"])
    assert any("must be JSON" in n["message"] for n in turn.of("notice"))


def shrunk_and_retried_once(turn: Turn, requests: list[dict[str, Any]]) -> None:
    notices = " ".join(n["message"] for n in turn.of("notice"))
    assert "too long" in notices

    def size(request: dict[str, Any]) -> int:
        return sum(len(str(m.get("content") or "")) for m in request["body"]["messages"])

    # One refusal, then a shorter conversation that still asks the newest question
    assert size(requests[1]) < size(requests[0]) * 0.7
    last_question = [m for m in requests[1]["body"]["messages"] if m["role"] == "user"][-1]["content"]
    assert last_question.startswith(QUESTION)
    assert len(requests) == 3  # the refusal, the code, the answer


def reasoning_not_in_answer(turn: Turn, requests: list[dict[str, Any]]) -> None:
    assert "Let me think" not in turn.answer and "I should add" not in turn.answer


def bounded(turn: Turn, requests: list[dict[str, Any]]) -> None:
    assert turn.seconds < STEP_TIMEOUT + 10, turn.seconds
    assert len(requests) <= RETRIES + 1
    assert "broke off" not in turn.error


def key_kept_from_kernel(turn: Turn, requests: list[dict[str, Any]]) -> None:
    printed = " ".join(o.get("text", "") for o in turn.outputs())
    assert "[]" in printed, printed  # no OPENAI_*, AZURE_*, VISTA_* variable in the kernel
    assert "OPENAI_API_KEY=[hidden]" in printed, printed  # read another way, it is redacted
    # and what went back to the model is the redacted output
    seen = last_output(requests[-1]["body"])
    assert (
        seen is not None and "OPENAI_API_KEY=[hidden]" in seen and KEY not in json.dumps([r["body"] for r in requests])
    )


REASON = {"reasoning": "Let me think about which column holds the sepal length."}

CASES = [
    # --- behaviours every server shares, that already worked -----------------------------------
    Case("split-arguments", analyst(), check=usage_counted),
    Case("whole-call", analyst({"calls_as": "whole"})),
    Case(
        "parallel-calls",
        analyst(code=[CODE, PETAL_CODE], answer="Sepal {output}"),
        answer=f"{SUM} {PETAL}",
        outputs=[SUM, PETAL],
        check=ran_both,
    ),
    Case("stream-options-400", then(Script(reject_stream_options=True), after=analyst()), check=stream_options_dropped),
    Case("tools-400", tools_rejected(400, None), check=fell_back_to_fenced, again=next_turn_starts_fenced),
    Case("sse-comments", analyst({"comments": True}, {"comments": True})),
    Case("azure-filter-chunk", analyst({"azure_filter": True}, {"azure_filter": True})),
    Case(
        "rate-limited",
        then(Script(status=429, headers={"Retry-After": "1"}, error="Rate limit reached"), after=analyst()),
        check=waited_for_retry_after,
    ),
    Case(
        "dropped-connection", then(Script(cut=True, text="The total is"), after=analyst()), check=withdrew_partial_text
    ),
    Case("stall", analyst({"stall": TIMEOUT / 3}, {"stall": TIMEOUT / 3})),
    Case("no-blank-lines", analyst({"compact": True}, {"compact": True})),
    Case("whole-json-answer", analyst({"json_body": True}, {"json_body": True})),
    Case("cumulative-arguments", analyst({"calls_as": "cumulative"})),
    Case("arguments-as-object", analyst({"calls_as": "args_object"})),
    # --- 1. calls written as text (vLLM without a tool parser; vllm#17161, #21571) ---------------
    Case("text-tool-call", analyst({"calls_as": "text_tool_call", "text": "Let me compute it."})),
    Case("bare-json-call", analyst({"calls_as": "bare_json"})),
    # --- 2. tools ignored, a fenced block instead (llama.cpp without a tool template) -------------
    Case("tools-ignored", analyst({"calls_as": "fenced", "text": "Here is the code:"}), again=next_turn_starts_fenced),
    # --- 3. tools refused with a 500 (llama.cpp#10920) or a 404 (OpenRouter) -----------------------
    Case(
        "jinja-500",
        tools_rejected(
            500, {"error": {"code": 500, "message": "tools param requires --jinja flag", "type": "server_error"}}
        ),
        check=fell_back_to_fenced,
    ),
    Case(
        "openrouter-404-tools",
        tools_rejected(
            404,
            {
                "error": {
                    "message": "No endpoints found that support tool use. To learn more about provider routing, "
                    "visit: https://openrouter.ai/docs/provider-routing",
                    "code": 404,
                }
            },
        ),
        check=fell_back_to_fenced,
    ),
    # --- 4. unreadable arguments in the history (Ollama 400), fallback only for the turn ---------
    Case(
        "ollama-malformed-arguments",
        ollama_malformed_arguments,
        check=never_sent_malformed_arguments,
        again=next_turn_still_uses_tools,
    ),
    Case("tool-history-400", strict_tool_history, again=next_turn_still_uses_tools),
    # --- 5. call deltas that must not be merged or doubled ----------------------------------------
    Case(
        "ollama-same-index",
        analyst({"calls_as": "same_index"}, code=[CODE, PETAL_CODE], answer="Sepal {output}"),
        answer=f"{SUM} {PETAL}",
        outputs=[SUM, PETAL],
        check=ran_both,
    ),
    Case(
        "no-index-no-id",
        analyst({"calls_as": "no_index"}, code=[CODE, PETAL_CODE], answer="Sepal {output}"),
        answer=f"{SUM} {PETAL}",
        outputs=[SUM, PETAL],
        check=ran_both,
    ),
    Case("name-every-chunk", analyst({"calls_as": "name_every_chunk"}), check=ran_once),
    Case("litellm-summary-chunk", analyst({"calls_as": "summary_repeat"}), check=ran_once),
    # --- 6. reasoning ---------------------------------------------------------------------------
    Case("reasoning-only", analyst(REASON, {"only_reasoning": True})),
    Case("reasoning-field", analyst(REASON, REASON), check=reasoning_not_in_answer),
    Case(
        "openrouter-reasoning",
        analyst({**REASON, "reasoning_field": "reasoning"}, {**REASON, "reasoning_field": "reasoning"}),
        check=reasoning_not_in_answer,
    ),
    Case(
        "think-tags",
        analyst({"think": "I should add the column."}, {"think": "I should add the column."}),
        check=reasoning_not_in_answer,
    ),
    Case(
        "think-closing-tag-only",
        analyst(reply={"think": "I should add the column.", "orphan_think": True}),
        check=reasoning_not_in_answer,
    ),
    # --- 7. legacy function_call ---------------------------------------------------------------
    Case("legacy-function-call", analyst({"calls_as": "function_call"})),
    # --- 8. [DONE] without a finish reason (vllm#27572) -----------------------------------------
    Case("no-finish-reason", analyst({"finish": False}, {"finish": False}), check=no_retry),
    # --- 9. errors inside the stream, and error bodies that are a string --------------------------
    Case(
        "openrouter-error-chunk",
        lambda b, n: Script(
            text="The total",
            stream_error="chunk",
            stream_error_code=502,
            error="Provider returned error: upstream overloaded",
        ),
        answer=None,
        error=["Provider returned error: upstream overloaded"],
    ),
    Case(
        "error-event",
        lambda b, n: Script(
            stream_error="event", stream_error_code="invalid_request", error="Model is warming up, try later"
        ),
        answer=None,
        error=["Model is warming up, try later"],
    ),
    Case(
        "string-error-body",
        lambda b, n: Script(status=400, error_body={"error": "json: cannot unmarshal number into Go value"}),
        answer=None,
        error=["HTTP 400", "json: cannot unmarshal number into Go value"],
    ),
    Case(
        "ollama-model-not-found",
        lambda b, n: Script(
            status=404,
            error_body={"error": {"message": 'model "llama9" not found, try pulling it first', "type": "api_error"}},
        ),
        answer=None,
        error=["HTTP 404", 'model "llama9" not found, try pulling it first'],
    ),
    Case(
        "detail-body-422",
        lambda b, n: Script(
            status=422,
            error_body={"detail": [{"loc": ["body", "temperature"], "msg": "Input should be a valid number"}]},
        ),
        answer=None,
        error=["HTTP 422", "Input should be a valid number"],
    ),
    Case("empty-reply", lambda b, n: Script(text=""), answer=None, error=["empty reply", "context"]),  # LM Studio
    Case(
        "azure-content-filter",
        lambda b, n: Script(text="", azure_filter=True, finish_reason="content_filter"),
        answer=None,
        error=["content filter"],
    ),
    # --- 10. a server that never sends a byte ----------------------------------------------------
    Case("never-a-byte", lambda b, n: Script(hang=True), answer=None, error=["sent nothing"], check=bounded),
    Case(
        "persistent-500",
        lambda b, n: Script(status=503, error="upstream connect error"),
        answer=None,
        error=["HTTP 503", "upstream connect error"],
    ),
    # --- 13. context: the newest question is kept (shortened), shrink and retry once --------------
    Case("llama-context-400", SmallContext("status"), question=LONG_QUESTION, check=shrunk_and_retried_once),
    Case("llama-context-error-line", SmallContext("line"), question=LONG_QUESTION, check=shrunk_and_retried_once),
    # --- 14. the key never reaches the kernel, nor anything recorded from it ----------------------
    Case(
        "key-probe",
        analyst(code=KEY_PROBE, answer="The kernel saw {output}"),
        answer="[hidden]",
        outputs=["[]"],
        check=key_kept_from_kernel,
    ),
]


# --- the servers ------------------------------------------------------------------------------


class ThreadedFake:
    """The scripted model server, on its own event loop in a thread (it outlives each test's loop)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.fake = FakeOpenAI()

        async def start() -> None:
            self.fake.start()

        asyncio.run_coroutine_threadsafe(start(), self.loop).result(10)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.fake.stop)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@dataclass
class Turn:
    """One finished turn, as the API shows it."""

    thread_id: str
    events: list[dict[str, Any]]
    seconds: float

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [e["data"] for e in self.events if e["type"] == kind]

    @property
    def done(self) -> dict[str, Any]:
        return self.of("done")[-1]

    @property
    def answer(self) -> str:
        return self.done["message"]["content"]

    @property
    def error(self) -> str:
        errors = self.of("error")
        return errors[-1]["message"] if errors else ""

    def outputs(self) -> list[dict[str, Any]]:
        return [d["output"] for d in self.of("output")]


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    fake = ThreadedFake()
    for case in CASES:
        fake.fake.models[case.name] = case.behaviour
    root = tmp_path_factory.mktemp("model-servers")
    env = {
        "OPENAI_API_KEY": KEY,
        "OPENAI_BASE_URL": fake.fake.base_url,
        "AZURE_OPENAI_API_KEY": "azure-key-not-used-0000",
        "VISTA_MODELS": ",".join(c.name for c in CASES),
    }
    jupyter = (
        JupyterServer(
            root,
            root / "vista",
            token=TOKEN,
            root_dir=root,
            env=env,
            drop_env=("OPENAI_", "AZURE_", "VISTA_"),
            config=(
                "c.VistaApp.auto_overview = False\n"
                f"c.VistaApp.model_timeout = {TIMEOUT}\nc.VistaApp.model_step_timeout = {STEP_TIMEOUT}\n"
                f"c.VistaApp.model_max_retries = {RETRIES}\nc.VistaApp.max_kernels_per_user = 2\n"
            ),
        )
        .start()
        .wait()
    )
    yield jupyter, fake.fake
    jupyter.stop()
    fake.stop()


def ask(jupyter: JupyterServer, model: str, question: str, thread_id: str | None = None) -> Turn:
    """Ask `question` with `model` (in a new thread holding iris unless given) and wait for the end."""
    if thread_id is None:
        status, thread = jupyter.request("POST", "threads", {"dataset": {"example": "iris"}})
        assert status == 201, thread
        thread_id = thread["id"]
    started = time.monotonic()
    status, asked = jupyter.request("POST", f"threads/{thread_id}/messages", {"content": question, "model": model})
    assert status == 202, asked
    turn_id = asked["turn"]["id"]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        _, body = jupyter.request("GET", f"threads/{thread_id}/events?limit=5000")
        events = [e for e in body["events"] if e["turn_id"] == turn_id]
        if any(e["type"] == "done" for e in events):
            return Turn(thread_id, events, time.monotonic() - started)
        time.sleep(0.05)
    raise AssertionError(f"the turn did not end: {events[-5:]}")


@pytest.fixture(scope="module")
def shared_thread(servers) -> str:
    """One analysis of iris for all profiles (one kernel, started once): each profile is a new
    question in it, so earlier turns are history, as in real use."""
    jupyter, _ = servers
    status, thread = jupyter.request("POST", "threads", {"dataset": {"example": "iris"}})
    assert status == 201, thread
    return thread["id"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_server_behaviour(servers, shared_thread, case: Case):
    jupyter, fake = servers
    turn = ask(jupyter, case.name, case.question, shared_thread)
    requests = fake.requests_for(case.name)
    assert requests, "the model server was never asked"
    if case.answer is not None:
        assert turn.done["status"] == "done", (turn.error, turn.events[-6:])
        printed = " ".join(str(o.get("text", "")) for o in turn.outputs())
        for expected in case.outputs:
            assert expected in printed, (expected, printed)
        assert case.answer in turn.answer, turn.answer
        assert not any(raw in turn.answer for raw in RAW), turn.answer
        streamed = _streamed(turn)
        assert streamed.strip() and not any(raw in streamed for raw in RAW), streamed
    else:
        assert turn.done["status"] == "error", turn.events[-6:]
        for expected in case.error:
            assert expected in turn.error, (expected, turn.error)
        assert "Traceback" not in turn.error
        # An admin can see why in the server log
        assert turn.error in jupyter.log()
    if case.check is not None:
        case.check(turn, requests)
    if case.again is not None:
        before = len(requests)
        again = ask(jupyter, case.name, "And the total petal length?", turn.thread_id)
        case.again(again, fake.requests_for(case.name)[before:])
    _, notebook = jupyter.request("GET", f"threads/{turn.thread_id}/notebook", raw=True)
    _, messages = jupyter.request("GET", f"threads/{turn.thread_id}/messages")
    for where in (json.dumps(turn.events), json.dumps(messages), notebook.decode(errors="replace")):
        assert KEY not in where


def _streamed(turn: Turn) -> str:
    """The text as the sidebar shows it: deltas, withdrawn at each reset, of the last step."""
    shown: dict[int, str] = {}
    for event in turn.events:
        data = event["data"]
        if event["type"] == "text":
            shown[data["step"]] = shown.get(data["step"], "") + data["delta"]
        elif event["type"] == "text_reset":
            shown[data["step"]] = ""
    return shown[max(shown)] if shown else ""


def test_the_key_is_nowhere_but_the_model_requests(servers):
    jupyter, fake = servers
    # Given turns that read the key from the server's process, and turns that failed (run here
    # if the profiles above were not)
    for name in ("key-probe", "openrouter-error-chunk"):
        if not fake.requests_for(name):
            ask(jupyter, name, QUESTION)
    # The key went to the model server, as a bearer token
    assert all(r["headers"]["Authorization"] == f"Bearer {KEY}" for r in fake.requests)
    # and nowhere else: database (with its WAL), every thread file, the server log
    for path in jupyter.data_dir.rglob("*"):
        if path.is_file():
            assert KEY.encode() not in path.read_bytes(), path
    log = jupyter.log()
    assert KEY not in log
    # Failed turns were logged at warning level, saying why
    assert re.search(
        r"\[W [^\]]*\] Vista: turn \w+ \(thread \w+, model 'openrouter-error-chunk'\) "
        r"failed: .*Provider returned error: upstream overloaded",
        log,
    ), log[-3000:]
    # The server itself kept its key (the kernels never had it)
    assert jupyter.process.poll() is None


# --- configurations of their own (a Jupyter server each, through pytest-jupyter) ----------------


@pytest.fixture
def fake(jp_asyncio_loop):
    server = FakeOpenAI().start()
    yield server
    server.stop()


async def _turn(api, question: str = QUESTION, model: str | None = None, timeout: float = 60) -> dict:
    _, thread = await api("POST", "threads", json_body={"dataset": {"example": "iris"}})
    body = {"content": question} if model is None else {"content": question, "model": model}
    status, asked = await api("POST", f"threads/{thread['id']}/messages", json_body=body)
    assert status == 202, asked
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _, page = await api("GET", f"threads/{thread['id']}/events")
        events = page["events"]
        if any(e["type"] == "done" for e in events):
            return {
                "thread_id": thread["id"],
                "events": events,
                "done": [e["data"] for e in events if e["type"] == "done"][-1],
                "notices": [e["data"]["message"] for e in events if e["type"] == "notice"],
                "error": " ".join(e["data"]["message"] for e in events if e["type"] == "error"),
            }
        await asyncio.sleep(0.05)
    raise AssertionError("the turn did not end")


class TestAzureDeployments:
    """Azure OpenAI: deployments addressed by name, the api-key header, the api-version query."""

    @pytest.fixture
    def vista_config(self, fake):
        return {
            "azure_endpoint": fake.address,
            "azure_api_version": "2024-10-21",
            "model": "gpt-4o-deploy",
            "models": ["gpt-4o"],
            "azure_deployments": {"gpt-4o": "prod-4o-east"},
            "api_key": KEY,
            "auto_overview": False,
            "model_timeout": TIMEOUT,
            "model_max_retries": 0,
        }

    async def test_a_turn_goes_to_the_deployment_with_the_api_key(self, api, fake):
        fake.models["gpt-4o-deploy"] = analyst({"azure_filter": True}, {"azure_filter": True})
        turn = await _turn(api)
        assert turn["done"]["status"] == "done", turn["error"]
        assert SUM in turn["done"]["message"]["content"]
        first = fake.requests[0]
        assert first["deployment"] == "gpt-4o-deploy" and first["query"] == "api-version=2024-10-21"
        assert first["headers"]["Api-Key"] == KEY and "Authorization" not in first["headers"]

    async def test_a_model_id_mapped_to_another_deployment(self, api, fake):
        fake.models["prod-4o-east"] = analyst()
        turn = await _turn(api, model="gpt-4o")
        assert turn["done"]["status"] == "done", turn["error"]
        assert [r["deployment"] for r in fake.requests] == ["prod-4o-east", "prod-4o-east"]
        _, models = await api("GET", "models")
        assert [m["id"] for m in models["models"]] == ["gpt-4o-deploy", "gpt-4o", "vista-offline"]


class TestAzureV1Endpoint:
    """Azure's v1 endpoint is a plain OpenAI base URL (…/openai/v1/), no api-version."""

    @pytest.fixture
    def vista_config(self, fake):
        return {
            "base_url": fake.address + "/openai/v1/",
            "model": "gpt-4o-deploy",
            "api_key": KEY,
            "auto_overview": False,
            "model_timeout": TIMEOUT,
            "model_max_retries": 0,
        }

    async def test_a_turn_goes_to_the_v1_path(self, api, fake):
        fake.models["gpt-4o-deploy"] = analyst()
        turn = await _turn(api)
        assert turn["done"]["status"] == "done", turn["error"]
        assert fake.requests[0]["path"] == "/openai/v1/chat/completions"
        assert fake.requests[0]["headers"]["Authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    "url, words",
    [
        (
            "https://res.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21",
            ["query string", "azure_endpoint"],
        ),
        ("https://res.openai.azure.com/openai/deployments/gpt4o", ["one Azure deployment", "azure_endpoint"]),
        ("localhost:11434/v1", ["http:// or https://"]),
    ],
)
class TestBadBaseUrl:
    @pytest.fixture
    def vista_config(self, url, words):
        return {"base_url": url, "model": "m", "api_key": KEY}

    async def test_is_refused_at_start_up_with_what_to_write_instead(self, api, url, words, caplog):
        status, body = await api("GET", "threads")
        assert status == 503
        for word in words:
            assert word in body["message"] and word in caplog.text


class TestCredentialsInTheBaseUrl:
    """http://user:secret@gateway/v1: Basic authorization, and the secret shown or stored nowhere."""

    PASSWORD = "gw-PASSWORD-marker-77"

    @pytest.fixture
    def vista_config(self, fake):
        return {
            "base_url": f"http://vista:{self.PASSWORD}@127.0.0.1:{fake.port}/v1",
            "model": "gw",
            "auto_overview": False,
            "model_timeout": TIMEOUT,
            "model_max_retries": 0,
        }

    async def test_sent_as_basic_auth_and_never_shown(self, api, fake, vista_data_dir, caplog):
        fake.models["gw"] = then(Script(status=500, error="gateway says no"), after=analyst())
        failed = await _turn(api)
        assert failed["done"]["status"] == "error"
        assert f"127.0.0.1:{fake.port}/v1" in failed["error"] and "gateway says no" in failed["error"]
        worked = await _turn(api)
        assert worked["done"]["status"] == "done", worked["error"]
        expected = "Basic " + base64.b64encode(f"vista:{self.PASSWORD}".encode()).decode()
        assert all(r["headers"]["Authorization"] == expected for r in fake.requests)
        _, models = await api("GET", "models")
        everything = json.dumps([failed, worked, models]) + caplog.text
        assert self.PASSWORD not in everything
        for path in vista_data_dir.rglob("*"):
            if path.is_file():
                assert self.PASSWORD.encode() not in path.read_bytes(), path


class TestTinyContextBudget:
    """A system prompt and data description larger than the budget: the user is told, and the
    question is still sent."""

    @pytest.fixture
    def vista_config(self, fake):
        return {
            "base_url": fake.base_url,
            "model": "small",
            "context_budget": 300,
            "auto_overview": False,
            "model_timeout": TIMEOUT,
            "model_max_retries": 0,
        }

    async def test_warns_and_still_sends_the_question(self, api, fake, caplog):
        fake.models["small"] = analyst()
        turn = await _turn(api)
        assert turn["done"]["status"] == "done", turn["error"]
        assert any("more than the context budget" in n for n in turn["notices"])
        assert "more than the context budget" in caplog.text
        for request in fake.requests:
            assert [m for m in request["body"]["messages"] if m["role"] == "user"][0]["content"] == QUESTION


class TestForcedTools:
    """tool_protocol = 'tools': no fallback; the refusal is explained with the setting to change."""

    @pytest.fixture
    def vista_config(self, fake):
        return {
            "base_url": fake.base_url,
            "model": "strict",
            "tool_protocol": "tools",
            "auto_overview": False,
            "model_timeout": TIMEOUT,
            "model_max_retries": 0,
        }

    async def test_says_what_the_server_said_and_what_to_set(self, api, fake):
        fake.models["strict"] = tools_rejected(400, {"error": {"message": "model does not support tools"}})
        turn = await _turn(api)
        assert turn["done"]["status"] == "error"
        assert "model does not support tools" in turn["error"] and "tool_protocol" in turn["error"]
        assert len(fake.requests) == 1
