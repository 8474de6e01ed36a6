"""A new thread's kernel starts while its file is read: end to end on a real Jupyter server.

The kernel started early must be the one that answers the thread's first question (the
automatic overview), and when the thread is not created after all (the reading fails late,
the client goes away) that kernel is shut down: no kernel, thread folder or pending mark is
left behind.
"""

from __future__ import annotations

import asyncio

import pytest
from conftest import error_message
from test_datasets_api import _big_csv, _until, leftovers, post_thread_then_leave, upload


def _kernels(vista_app) -> list[str]:
    return list(vista_app.serverapp.kernel_manager.list_kernel_ids())


async def _nothing_left(vista_app, vista_data_dir, api, kept: list[str]) -> None:
    """Waits until no kernel is left, then checks that no thread, folder or mark is either, and
    that of the upload and staging areas only `kept` is."""

    async def no_kernel():
        return True if not _kernels(vista_app) else None

    await _until(no_kernel)
    threads = vista_data_dir / "threads"
    assert not threads.exists() or list(threads.iterdir()) == []
    assert (await api("GET", "threads"))[1]["threads"] == []
    assert vista_app.store.orphaned_pending([vista_app.store.instance_id]) == []
    assert leftovers(vista_data_dir) == kept


async def test_the_overview_runs_on_the_kernel_started_while_the_file_was_read(api, vista_app):
    # the default configuration: the automatic overview is the thread's first result
    _, big = await upload(api, "sales.csv", _big_csv(1_200_000))
    creating = asyncio.ensure_future(
        api("POST", "threads", json_body={"dataset": {"upload": big["id"]}}, params={"reading": "warm-e2e-1"})
    )

    async def kernel_while_reading():
        kernels = _kernels(vista_app)
        if not kernels:
            return None
        status, progress = await api("GET", "readings/warm-e2e-1")
        return (kernels, status, progress)

    kernels, status, progress = await _until(kernel_while_reading)
    assert status == 200 and progress["phase"] in ("waiting", "reading"), (
        "the kernel only started once the file had been read"
    )
    status, thread = await creating
    assert status == 201, thread

    async def first_output():
        _, page = await api("GET", f"threads/{thread['id']}/events", params={"after": 0})
        outputs = [e for e in page["events"] if e["type"] == "output"]
        return outputs or None

    assert await _until(first_output)
    # the overview ran on that same kernel: no second one was started for the thread
    assert _kernels(vista_app) == kernels == [vista_app.executor.kernel_id(thread["id"])]
    _, info = await api("GET", "info")
    result = await vista_app.executor.execute(info["owner"], thread["id"], "print(len(df))")
    assert result.status == "ok" and result.stdout.strip() == "1200000"


@pytest.mark.parametrize("vista_config", [{"auto_overview": False, "max_line_bytes": 64 << 10}])
async def test_a_reading_that_fails_after_the_kernel_started_leaves_no_kernel(api, vista_app, vista_data_dir):
    # a regular table whose one overlong line comes long after every sample the plan reads
    body = _big_csv(1_200_000) + b"1,Seoul," + b"9" * (200 << 10) + b",2024-01-01\n" + _big_csv(1000)[20:]
    _, up = await upload(api, "late.csv", body)
    creating = asyncio.ensure_future(
        api("POST", "threads", json_body={"dataset": {"upload": up["id"]}}, params={"reading": "warm-late-1"})
    )

    async def kernel_started():
        return _kernels(vista_app) or None

    await _until(kernel_started)
    assert not creating.done(), "the file was refused before its kernel started: too small to show this"
    status, answer = await creating
    assert status == 400 and "longer than 65,536 bytes" in error_message(answer)
    # the upload of a file that cannot be read goes too
    await _nothing_left(vista_app, vista_data_dir, api, [])


@pytest.mark.parametrize("vista_config", [{"auto_overview": False}])
async def test_a_client_that_goes_away_leaves_no_kernel(
    jp_serverapp, jp_base_url, jp_http_port, api, vista_app, vista_data_dir
):
    _, big = await upload(api, "big.csv", _big_csv(2_000_000))
    writer = await post_thread_then_leave(jp_serverapp, jp_base_url, jp_http_port, big["id"], "warm-gone-1")

    async def kernel_while_reading():
        status, progress = await api("GET", "readings/warm-gone-1")
        return True if _kernels(vista_app) and status == 200 and progress["phase"] == "reading" else None

    await _until(kernel_while_reading)
    writer.transport.abort()

    async def reading_gone():
        return True if (await api("GET", "readings/warm-gone-1"))[0] == 404 else None

    await _until(reading_gone)
    # the upload stays: the user may choose it again
    await _nothing_left(vista_app, vista_data_dir, api, [f"uploads/{big['id']}"])
