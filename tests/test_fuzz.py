"""Fuzz the REST API from its OpenAPI description with schemathesis, against a real server.

Every answer must be documented: no 5xx, only the status codes, content types, headers and
response bodies `vista_jupyter/api/openapi.yaml` describes. Requests come from the description,
malformed ones included; operations that need existing objects are also fuzzed against a real
thread with a dataset and a figure. The seed varies from run to run and is printed (and shown
with any failure): replay one with `VISTA_FUZZ_SEED=<seed> pytest tests/test_fuzz.py`. The run
is bounded by examples per operation (`VISTA_FUZZ_EXAMPLES`, default 25), not by time, so a busy
machine runs the same checks, only slower. The endless event streams are left out (they never finish
by design): a thread's (its replay is the same query as /events, which is fuzzed) and the change
feed (its events are the threads of /threads, which is fuzzed; `test_threads_api.py` reads it).
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import sys
from pathlib import Path

import pytest
from servers import JupyterServer

pytestmark = pytest.mark.timeout(1200)

CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    ]
)

#: Operations fuzzed against a real thread (with a dataset and a figure) besides random ids.
WITH_REAL_IDS = r"/datasets/\{dataset_id\}|/artifacts/|/notebook$|/events$|/messages$|/datasets$"


async def real_objects(server: JupyterServer) -> dict[str, str]:
    """A thread made from an example, whose automatic overview drew a figure."""
    status, thread = await server.call("POST", "threads", {"dataset": {"example": "penguins"}})
    assert status == 201, thread
    tid = thread["id"]
    for _ in range(600):
        _, body = await server.call("GET", f"threads/{tid}/events")
        figures = [
            e["data"]["output"]["artifact"]["id"]
            for e in body["events"]
            if e["type"] == "output" and "artifact" in e["data"]["output"]
        ]
        if figures and any(e["type"] == "done" for e in body["events"]):
            break
        await asyncio.sleep(0.1)
    assert figures, body
    _, datasets = await server.call("GET", f"threads/{tid}/datasets")
    return {"thread_id": tid, "dataset_id": datasets["datasets"][0]["id"], "artifact_id": figures[0]}


async def test_every_answer_to_generated_requests_is_documented(tmp_path):
    seed = int(os.environ.get("VISTA_FUZZ_SEED") or random.randrange(1, 2**31))
    examples = os.environ.get("VISTA_FUZZ_EXAMPLES", "25")
    print(f"schemathesis seed: {seed} (replay: VISTA_FUZZ_SEED={seed})")
    server = JupyterServer(tmp_path, tmp_path / "vista", token="fuzz").start()
    try:
        await server.ready()
        ids = await real_objects(server)
        config = tmp_path / "schemathesis.toml"
        config.write_text(
            "[[operations]]\n"
            f"include-path-regex = '{WITH_REAL_IDS}'\n"
            "exclude-method = 'DELETE'\n"
            f"parameters = {{ thread_id = '{ids['thread_id']}', dataset_id = '{ids['dataset_id']}',"
            f" artifact_id = '{ids['artifact_id']}' }}\n"
        )
        st = shutil.which("st", path=str(Path(sys.executable).parent))
        process = await asyncio.create_subprocess_exec(
            st,
            "--config-file",
            str(config),
            "run",
            f"{server.url}/vista/api/openapi.json",
            "-H",
            "Authorization: token fuzz",
            "--checks",
            CHECKS,
            # One worker: schemathesis's workers are threads, and its coverage phase builds
            # hypothesis filters through ast.parse, which is not thread-safe on CPython 3.11
            # ("AST constructor recursion depth mismatch", a runtime error of the fuzzer itself).
            "--max-examples",
            examples,
            "--workers",
            "1",
            "--phases",
            "examples,coverage,fuzzing",
            "--exclude-operation-id",
            "streamEvents",
            "--exclude-operation-id",
            "followChanges",
            "--request-timeout",
            "30",
            "--seed",
            str(seed),
            "--no-color",
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            cwd=tmp_path,
        )
        out, _ = await asyncio.wait_for(process.communicate(), timeout=900)
        report = out.decode(errors="replace")
        print(report[-3000:])  # the summary, shown with any failure
        where = f"\nseed {seed} (replay: VISTA_FUZZ_SEED={seed})\n"
        assert process.returncode == 0, report[-6000:] + where
        # Every operation of the description but the two streams was run (none skipped as
        # unusable), each with generated cases beyond its examples.
        selected, total = map(int, re.search(r"Selected: (\d+)/(\d+)", report).groups())
        tested = int(re.search(r"Tested: (\d+)", report).group(1))
        generated = int(re.search(r"(\d+) generated", report).group(1))
        assert (tested, selected) == (total - 2, total - 2), report[-2000:] + where
        assert generated >= 5 * tested, report[-2000:] + where
    finally:
        server.stop()
