"""The API contract: `openapi.yaml` is what the pydantic models generate, and real answers of a
running server (pytest-jupyter, a real kernel, the offline analyst) match its schemas.

`test_fuzz.py` fuzzes every operation with schemathesis in a separate server; this test walks
one complete, deterministic story (a thread from a dataset, its overview with code and a figure,
a question, paging, notebook set-up, errors) so every response model meets a real answer of
every kind, and fails on the first field a model stops describing.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from vista_jupyter.api import openapi

pytestmark = pytest.mark.timeout(180)

CHECKED_IN = Path(openapi.__file__).with_name("openapi.yaml")


def test_the_checked_in_document_is_the_generated_one():
    assert CHECKED_IN.read_text(encoding="utf-8") == openapi.render(), (
        "vista_jupyter/api/openapi.yaml differs from what the models generate; regenerate it with "
        "`python -m vista_jupyter.api.openapi > vista_jupyter/api/openapi.yaml`"
    )


def test_every_model_is_used_by_an_operation():
    text = openapi.render()
    spec = openapi.document()
    referenced = {name for name in spec["components"]["schemas"] if f"#/components/schemas/{name}" in text}
    # The SSE payloads are documented for clients but are not the body of an HTTP answer.
    assert set(spec["components"]["schemas"]) - referenced <= {"ThreadDeleted", "Earlier"}


class Contract:
    """Checks answers against the served document's schema for their operation and status."""

    def __init__(self, spec: dict[str, Any]):
        self.spec = spec
        self.checked: set[tuple[str, str, int]] = set()

    def schema(self, path: str, method: str, status: int) -> dict[str, Any]:
        answers = self.spec["paths"][path][method.lower()]["responses"]
        assert str(status) in answers, f"{method} {path} answered {status}, which is not documented"
        answer = answers[str(status)]
        if "$ref" in answer:
            answer = self.spec["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]]
        return answer["content"]["application/json"]["schema"]

    def check(self, path: str, method: str, status: int, body: Any) -> Any:
        root = {**self.schema(path, method, status), "components": self.spec["components"]}
        validator = Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)
        problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(body)]
        assert not problems, f"{method} {path} -> {status} does not match the document: {problems}"
        self.checked.add((path, method, status))
        return body


async def test_real_answers_match_the_documented_schemas(api):
    status, spec = await api("GET", "openapi.json")
    assert status == 200
    contract = Contract(spec)

    async def call(method: str, path: str, expect: int, **kw: Any) -> Any:
        real = path.format(**ids)
        status, body = await api(method, real.removeprefix("/vista/api/"), **kw)
        assert status == expect, (method, real, status, body)
        return contract.check(path, method, status, body)

    ids: dict[str, str] = {}
    await call("GET", "/vista/api/info", 200)
    await call("GET", "/vista/api/models", 200)
    examples = await call("GET", "/vista/api/examples", 200)
    thread = await call(
        "POST", "/vista/api/threads", 201, json_body={"dataset": {"example": examples["examples"][0]["id"]}}
    )
    ids["thread_id"] = thread["id"]

    # The automatic overview: text, code, outputs (a figure among them), steps, done.
    deadline = time.monotonic() + 120
    while True:
        page = await call("GET", "/vista/api/threads/{thread_id}/events", 200, params={"last": "true"})
        if any(e["type"] == "done" for e in page["events"]) or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.2)
    kinds = {e["type"] for e in page["events"]}
    assert {"turn_started", "text", "code", "output", "step_done", "done"} <= kinds, kinds

    datasets = await call("GET", "/vista/api/threads/{thread_id}/datasets", 200)
    ids["dataset_id"] = datasets["datasets"][0]["id"]
    await call("GET", "/vista/api/threads/{thread_id}/datasets/{dataset_id}", 200)
    asked = await call(
        "POST", "/vista/api/threads/{thread_id}/messages", 202, json_body={"content": "How many rows are there?"}
    )
    assert asked["turn"]["status"] == "running"
    await call("POST", "/vista/api/threads/{thread_id}/cancel", 200)
    await call("GET", "/vista/api/threads/{thread_id}", 200)
    await call("GET", "/vista/api/threads/{thread_id}/messages", 200, params={"last": "true"})
    await call("GET", "/vista/api/threads/{thread_id}/events", 200, params={"after": "1", "limit": "2"})
    await call("PATCH", "/vista/api/threads/{thread_id}", 200, json_body={"name": "renamed"})
    await call("GET", "/vista/api/threads", 200, params={"limit": "1"})
    upload = await call("POST", "/vista/api/uploads", 201, params={"name": "t.csv"}, body=b"a,b\n1,2\n")
    await call("POST", "/vista/api/threads/{thread_id}/datasets", 201, json_body={"upload": upload["id"]})
    ids["reading_id"] = "unknown-reading"
    await call("GET", "/vista/api/readings/{reading_id}", 404)

    # Errors have one shape, whatever produced them.
    await call("GET", "/vista/api/threads/{thread_id}/datasets/{dataset_id}", 200)
    await call("POST", "/vista/api/threads", 400, json_body={"name": ""})
    await call("PATCH", "/vista/api/threads/{thread_id}", 400, json_body={"nme": "typo"})
    ids["thread_id"] = "0" * 32
    await call("GET", "/vista/api/threads/{thread_id}", 404)
    await call("GET", "/vista/api/threads/{thread_id}/messages", 404)
    assert len(contract.checked) >= 20
