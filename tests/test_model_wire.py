"""The parts of the model path that need no server: the stream normalizer on shapes the scripted
server does not produce, what error bodies of real servers mean, fitting a conversation to a
budget, and keeping secrets out of kernels and their outputs. (Whole turns against every server
behaviour: test_model_servers.py.)"""

from __future__ import annotations

import json
import socket
import time

import pytest

from vista_jupyter.assistant import diagnosis, prompt
from vista_jupyter.assistant.stream import DroppedStream, ServerReported, StreamNormalizer
from vista_jupyter.secrets import HIDDEN, Secrets

CALL = json.dumps({"code": "print(1)"})


def run(lines: list[str]) -> tuple[StreamNormalizer, str]:
    """Feed SSE lines; the normalizer and the text as shown (resets applied)."""
    norm, shown = StreamNormalizer(), ""
    for line in lines:
        for kind, piece in norm.feed_line(line):
            shown = shown + piece if kind == "text" else ""
    return norm, shown


def data(delta: dict, finish: str | None = None, **extra) -> list[str]:
    return [f"data: {json.dumps({'choices': [{'index': 0, 'delta': delta, 'finish_reason': finish}], **extra})}", ""]


def finish(norm: StreamNormalizer, shown: str):
    reply, ops = norm.end()
    for kind, piece in ops:
        shown = shown + piece if kind == "text" else ""
    return reply, shown


# --- tool calls -----------------------------------------------------------------------------------


def test_a_summary_chunk_with_a_new_id_is_the_same_call():
    lines = data({"tool_calls": [{"index": 0, "id": "a", "function": {"name": "run_python", "arguments": CALL[:5]}}]})
    lines += data({"tool_calls": [{"index": 0, "function": {"arguments": CALL[5:]}}]})
    lines += data(
        {"tool_calls": [{"index": 0, "id": "summary-1", "function": {"name": "run_python", "arguments": CALL}}]},
        "tool_calls",
    )
    reply, _ = finish(*run(lines + ["data: [DONE]"]))
    assert [(c.name, c.arguments) for c in reply.tool_calls] == [("run_python", CALL)]


def test_two_different_whole_calls_without_ids_are_two_calls():
    other = json.dumps({"code": "print(2)"})
    lines = data({"tool_calls": [{"index": 0, "function": {"name": "run_python", "arguments": CALL}}]})
    lines += data({"tool_calls": [{"index": 0, "function": {"name": "run_python", "arguments": other}}]}, "tool_calls")
    reply, _ = finish(*run(lines))
    assert [c.arguments for c in reply.tool_calls] == [CALL, other]
    assert len({c.id for c in reply.tool_calls}) == 2


@pytest.mark.parametrize(
    "content, code",
    [
        ('[TOOL_CALLS][{"name": "run_python", "arguments": {"code": "print(1)"}}]', "print(1)"),  # Mistral
        ('[TOOL_CALLS]run_python[ARGS]{"code": "print(1)"}', "print(1)"),  # Mistral, newer
        ('<|python_tag|>{"name": "run_python", "parameters": {"code": "print(1)"}}', "print(1)"),  # Llama 3.1
        ('<function=run_python>{"code": "print(1)"}</function>', "print(1)"),  # Llama 3.1 custom
        ('<|tool_call|>[{"name": "run_python", "arguments": {"code": "print(1)"}}]', "print(1)"),  # Granite
        (
            'Sure.\n<tool_call>\n{"name": "run_python", "arguments": "{\\"code\\": \\"print(1)\\"}"}\n</tool_call>',
            "print(1)",
        ),
    ],
)
def test_calls_written_as_text_in_each_known_form(content, code):
    lines = []
    for i in range(0, len(content), 5):  # in small pieces, markers split across them
        lines += data({"content": content[i : i + 5]})
    lines += data({}, "stop")
    reply, shown = finish(*run(lines))
    assert [json.loads(c.arguments)["code"] for c in reply.tool_calls] == [code]
    assert "{" not in shown and "<" not in shown and "[TOOL" not in shown


# --- the event stream ------------------------------------------------------------------------------


def test_an_error_line_carries_the_servers_words():
    norm, _ = run(data({"content": "Hel"}))
    with pytest.raises(ServerReported) as e:
        norm.feed_line('error: {"code": 500, "message": "slot unavailable", "type": "server_error"}')
    assert e.value.said == "slot unavailable" and e.value.code == 500


def test_an_error_event_and_an_error_chunk():
    norm, _ = run([])
    norm.feed_line("event: error")
    with pytest.raises(ServerReported, match="overloaded"):
        norm.feed_line('data: {"error": {"message": "overloaded", "code": 529}}')
        norm.feed_line("")
    with pytest.raises(ServerReported, match="no route"):
        run(data({"content": ""}, "error", error={"code": 502, "message": "no route"}))


def test_a_stream_that_stops_without_finish_or_done_is_dropped_not_done():
    norm, _ = run(data({"content": "The total is"}))
    with pytest.raises(DroppedStream):
        norm.end()


def test_only_the_closing_think_tag_withdraws_what_was_shown_as_reasoning():
    lines = (
        data({"content": "Let me add up the"})
        + data({"content": " column.</thi"})
        + data({"content": "nk>\n\nIt is 876.5."}, "stop")
    )
    reply, shown = finish(*run(lines))
    assert shown == reply.text == "It is 876.5."
    assert reply.reasoning.startswith("Let me add up the column.")


def test_a_refusal_is_the_answer_not_an_empty_reply():
    reply, shown = finish(*run(data({"content": None, "refusal": "I can't help with that."}) + data({}, "stop")))
    assert shown == reply.text == "I can't help with that."


def test_text_answers_are_unchanged_by_the_quirk_handling():
    # A plain answer that mentions JSON or code is an answer, not a call
    norm = StreamNormalizer()
    for piece in ['The data as JSON: {"name": "iris", "arguments": {"rows": 150}} and ', "a < b > c."]:
        norm.feed_chunk({"choices": [{"index": 0, "delta": {"content": piece}}]})
    norm.feed_line("data: [DONE]")
    reply, _ = norm.end()
    assert reply.tool_calls == []
    assert reply.text == 'The data as JSON: {"name": "iris", "arguments": {"rows": 150}} and a < b > c.'


def test_text_that_looks_like_a_marker_prefix_is_shown_in_the_end():
    reply, shown = finish(*run(data({"content": "x <"}) + data({"content": "= 3 and y <thin"}) + data({}, "stop")))
    assert shown == reply.text == "x <= 3 and y <thin"


# --- what errors mean ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status, body, kind, said",
    [
        (
            400,
            {
                "error": {
                    "message": "This model's maximum context length is 8192 tokens. However, your messages "
                    "resulted in 9000 tokens.",
                    "type": "invalid_request_error",
                    "code": "context_length_exceeded",
                }
            },
            "context",
            "maximum context length is 8192",
        ),
        (
            400,
            {
                "object": "error",
                "message": '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set',
                "type": "BadRequestError",
                "code": 400,
            },
            "tools_unsupported",
            "--enable-auto-tool-choice",
        ),  # vLLM started without a tool parser
        (
            400,
            {"error": {"message": "registry.ollama.ai/library/gemma:2b does not support tools"}},
            "tools_unsupported",
            "does not support tools",
        ),
        (
            400,
            {
                "error": {
                    "message": "Provider returned error",
                    "code": 400,
                    "metadata": {"raw": '{"error": {"message": "messages.2: unexpected tool_use_id"}}'},
                }
            },
            "status",
            "messages.2: unexpected tool_use_id",
        ),  # OpenRouter: the provider's own words
        (
            400,
            {"error": {"message": "litellm.ContextWindowExceededError: prompt is too long: 210000 tokens > 200000"}},
            "context",
            "ContextWindowExceededError",
        ),
        (502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "status", "502 Bad Gateway"),
        (400, {"error": "Failed to parse tool call arguments as JSON"}, "bad_tool_history", "Failed to parse"),
    ],
)
def test_real_error_bodies_are_understood(status, body, kind, said):
    text = body if isinstance(body, str) else json.dumps(body)
    failure = diagnosis.understand(status, None if isinstance(body, str) else body, text)
    assert failure.kind == kind and said in failure.said
    if "8192" in said:
        assert failure.context_size == 8192


def test_retry_after_in_seconds_milliseconds_or_a_date():
    assert diagnosis.retry_after({"retry-after": "2"}) == 2.0
    assert diagnosis.retry_after({"retry-after-ms": "1500", "retry-after": "9"}) == 1.5
    assert diagnosis.retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0
    assert diagnosis.retry_after({}) is None


# --- the context budget ----------------------------------------------------------------------------

SYSTEM = {"role": "system", "content": "s" * 400}  # 100 tokens


def test_the_newest_question_is_kept_shortened_when_it_alone_is_too_long():
    question = "How many rows? " + "x" * 20000
    fitted = prompt.fit(
        [
            SYSTEM,
            {"role": "user", "content": "old"},
            {"role": "assistant", "content": "old answer"},
            {"role": "user", "content": question},
        ],
        budget=2000,
        question=3,
    )
    asked = fitted.messages[-1]["content"]
    assert fitted.question_shortened and asked.startswith("How many rows?") and "characters left out" in asked
    assert sum(prompt.message_tokens(m) for m in fitted.messages) <= 2000
    assert fitted.messages[0] == SYSTEM and fitted.dropped == 2


def test_what_the_turn_did_is_counted_and_older_outputs_shortened_first():
    history = [{"role": "user", "content": f"question {i} " + "h" * 2000} for i in range(3)]
    turn = [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [{"id": "1", "type": "function", "function": {"name": "run_python", "arguments": CALL}}],
        },
        {"role": "tool", "tool_call_id": "1", "content": "o" * 8000},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [{"id": "2", "type": "function", "function": {"name": "run_python", "arguments": CALL}}],
        },
        {"role": "tool", "tool_call_id": "2", "content": "n" * 3000},
    ]
    messages = [SYSTEM, *history, {"role": "user", "content": "now"}, *turn]
    fitted = prompt.fit(messages, budget=1500, question=4)
    sent = fitted.messages
    assert sum(prompt.message_tokens(m) for m in sent) <= 1500
    assert [m["content"] for m in sent if m["role"] == "user"] == ["now"]  # history made room
    outputs = [m["content"] for m in sent if m["role"] == "tool"]
    assert len(outputs[0]) < 1000 and outputs[1] == "n" * 3000  # the newest output is whole
    assert fitted.shortened_outputs == 1


def test_a_system_prompt_over_the_budget_is_reported_and_the_question_still_sent():
    fitted = prompt.fit(
        [{"role": "system", "content": "s" * 8000}, {"role": "user", "content": "why?"}], budget=500, question=1
    )
    assert fitted.over > 0 and fitted.system_tokens > 500
    assert fitted.messages[-1]["content"] == "why?"


# --- secrets ---------------------------------------------------------------------------------------

KEY = "sk-test-0123456789abcdef"


def test_a_secret_split_across_output_chunks_never_appears():
    seen: list[dict] = []
    guard = Secrets([KEY]).guard(seen.append)
    text = f"key={KEY}; again {KEY[:3]}"
    pieces = [text[i : i + 4] for i in range(0, len(text), 4)]
    for piece in pieces:
        guard.emit({"output_type": "stream", "name": "stdout", "text": piece})

    class Result:
        outputs = [
            {"output_type": "stream", "name": "stdout", "text": text},
            {"output_type": "error", "ename": "E", "evalue": KEY, "traceback": [f"x {KEY}"]},
            {"output_type": "display_data", "data": {"text/html": f"<b>{KEY}</b>"}},
        ]
        error = {"ename": "E", "evalue": KEY, "traceback": []}

    result = Result()
    guard.close(result)
    shown = "".join(o["text"] for o in seen)
    assert KEY not in shown and shown == f"key={HIDDEN}; again {KEY[:3]}"
    assert KEY not in json.dumps(result.outputs) + json.dumps(result.error)
    # every piece shown is safe on its own
    assert all(KEY[:8] not in o["text"] for o in seen)


def test_the_kernel_environment_loses_model_settings_and_anything_holding_a_secret():
    secrets = Secrets.of(api_key=KEY, base_url="http://u:gateway-pass-123@host/v1")
    env = secrets.kernel_env(
        {
            "PATH": "/bin",
            "OPENAI_API_KEY": KEY,
            "OPENAI_BASE_URL": "x",
            "AZURE_OPENAI_API_KEY": "other",
            "VISTA_MODEL": "m",
            "MY_TOKEN": f"Bearer {KEY}",
            "PROXY": "http://u:gateway-pass-123@host",
            "HOME": "/home/u",
        }
    )
    assert env == {"PATH": "/bin", "HOME": "/home/u"}
    assert secrets.redact("http://u:gateway-pass-123@host/v1") == f"http://u:{HIDDEN}@host/v1"


def test_placeholder_keys_of_local_servers_are_not_treated_as_secrets():
    secrets = Secrets.of(api_key="ollama")
    assert secrets.redact("ollama says hi") == "ollama says hi"


# --- the client against a real socket, without Jupyter ------------------------------------------

from openai_server import FakeOpenAI, Script  # noqa: E402

from vista_jupyter.assistant.clients import Endpoint, ModelError, OpenAIClient  # noqa: E402


@pytest.fixture
def fake(jp_asyncio_loop):
    server = FakeOpenAI().start()
    yield server
    server.stop()


async def _complete(client: OpenAIClient) -> tuple[object, list[str]]:
    shown: list[str] = []

    async def on_text(piece: str) -> None:
        shown.append(piece)

    async def on_reset(reason: str) -> None:
        shown.append(f"<reset: {reason}>")

    reply = await client.complete([{"role": "user", "content": "hi"}], tools=True, on_text=on_text, on_reset=on_reset)
    return reply, shown


async def test_a_server_that_finishes_but_keeps_the_connection_open_has_answered(fake):
    fake.script(Script(text="All done.", linger=True))
    client = OpenAIClient(Endpoint(base_url=fake.base_url, timeout=1.0), "m", max_retries=2)
    started = time.monotonic()
    reply, shown = await _complete(client)
    assert reply.text == "All done." and "".join(shown) == "All done."
    assert len(fake.requests) == 1 and time.monotonic() - started < 10


async def test_a_closed_port_says_it_cannot_be_reached_after_bounded_retries():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens once closed
    client = OpenAIClient(
        Endpoint(base_url=f"http://127.0.0.1:{port}/v1", timeout=2.0), "m", max_retries=2, backoff=0.05
    )
    with pytest.raises(ModelError) as e:
        await _complete(client)
    message = str(e.value)
    assert f"127.0.0.1:{port}/v1 cannot be reached" in message and "3 attempts" in message
    assert "onnect" in message  # the cause, e.g. "All connection attempts failed"


async def test_a_retry_after_longer_than_the_step_fails_at_once_saying_so(fake):
    fake.script(Script(status=429, headers={"Retry-After": "600"}, error="Quota exceeded for this minute"))
    client = OpenAIClient(Endpoint(base_url=fake.base_url, timeout=2.0), "m", max_retries=3, step_timeout=30)
    started = time.monotonic()
    with pytest.raises(ModelError) as e:
        await _complete(client)
    assert time.monotonic() - started < 5 and len(fake.requests) == 1
    assert "Quota exceeded for this minute" in str(e.value) and "asks to wait 600 s" in str(e.value)


def test_a_korean_question_over_the_budget_is_cut_to_fit_it():
    question = "전체 꽃받침 길이의 합은 얼마인가요? " + "가나다라마바사 " * 3000
    fitted = prompt.fit([SYSTEM, {"role": "user", "content": question}], budget=1500, question=1)
    assert fitted.question_shortened and fitted.messages[-1]["content"].startswith("전체 꽃받침 길이의 합은")
    assert sum(prompt.message_tokens(m) for m in fitted.messages) <= 1500


def test_the_shrunk_budget_follows_what_the_server_counted():
    from vista_jupyter.assistant.loop import shrunk_budget

    # llama.cpp: "request (9000 tokens) exceeds the available context size (4096 tokens)", while
    # Vista estimated 6000: its tokens were 1.5 times Vista's, so ~2200 of Vista's fit in 4096
    said = "request (9000 tokens) exceeds the available context size (4096 tokens), try increasing it"
    failure = diagnosis.understand(400, {"error": {"message": said}}, "")
    assert (failure.kind, failure.context_size, failure.prompt_tokens) == ("context", 4096, 9000)
    assert shrunk_budget(12000, 6000, failure.context_size, failure.prompt_tokens) == int(6000 * 4096 / 9000 * 0.8)
    # Without numbers: 40% less than what was sent, and never grown
    assert shrunk_budget(12000, 6000, None, None) == 3600
    assert shrunk_budget(3000, 6000, None, None) == 2700


async def test_a_base_url_that_serves_a_web_page_says_so_at_once(fake):
    fake.script(
        Script(
            html="<!doctype html><html><head><title>Open WebUI</title><script>var x = 1;</script>"
            "</head><body><h1>Sign in</h1></body></html>"
        )
    )
    client = OpenAIClient(Endpoint(base_url=fake.base_url, timeout=2.0), "m", max_retries=3)
    with pytest.raises(ModelError) as e:
        await _complete(client)
    assert "answered with a web page, not the API: Open WebUI - Sign in" in str(e.value)
    assert "ends in /v1" in str(e.value) and len(fake.requests) == 1


async def test_a_plain_text_answer_is_quoted_not_called_a_broken_stream(fake):
    # A proxy that answers 200 with a line of text instead of the stream
    fake.script(Script(plain="Service temporarily disabled by the administrator"))
    client = OpenAIClient(Endpoint(base_url=fake.base_url, timeout=2.0), "m", max_retries=0)
    with pytest.raises(ModelError) as e:
        await _complete(client)
    assert "not an event stream: Service temporarily disabled by the administrator" in str(e.value)
    assert "broke off" not in str(e.value)
