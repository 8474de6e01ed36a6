"""Spare kernels (`spare_kernels`): a kernel started ahead of any thread, taken by the next thread
created from a file, on a real Jupyter server with real kernels.

What is held here: a new thread runs on the spare and a new spare follows once the thread's first
code ran; a spare taken by one person never carries another's folder, variables or data, and
nobody may connect to a spare (`VistaKernelAuthorizer`); a spare that died never costs a thread
its data; the kernels per user still hold; an idle spare stops.
"""

from __future__ import annotations

import os
import signal

import pytest
from conftest import HeaderIdentityProvider
from test_authorizer import call
from test_datasets_api import _big_csv, _until, upload

from vista_jupyter.authorizer import VistaKernelAuthorizer
from vista_jupyter.kernel_pool import SPARE_OWNER

pytestmark = pytest.mark.timeout(240)

SHARED = {"identity_provider_class": HeaderIdentityProvider, "authorizer_class": VistaKernelAuthorizer}


@pytest.fixture
def vista_config():
    return {"spare_kernels": 1, "auto_overview": False}


def _owners(vista_app) -> dict[str, str | None]:
    """Every kernel of the server, and whose Vista kernel it is."""
    return {k: vista_app.executor.kernel_owner(k) for k in vista_app.serverapp.kernel_manager.list_kernel_ids()}


async def _ready_spare(vista_app, other_than: set[str] = frozenset()) -> str:
    """The id of a spare kernel that finished starting (imports done), waited for."""
    pool = vista_app.executor.pool

    async def ready():
        for task in pool._spares:
            if task.done() and task.result() is not None and task.result().kernel_id not in other_than:
                return task.result().kernel_id
        return None

    return await _until(ready)


async def _kernel_of(vista_app, thread_id: str) -> str:
    """The thread's kernel id, once it has one (its early start runs in the background)."""

    async def has():
        return vista_app.executor.kernel_id(thread_id)

    return await _until(has)


async def _thread_from_file(api, user: str | None, rows: int) -> dict:
    _, up = await upload(api, "sales.csv", _big_csv(rows), user=user)
    status, thread = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}}, user=user)
    assert status == 201, thread
    return thread


@pytest.mark.parametrize("vista_config", [{"spare_kernels": 1, "auto_overview": False, "owner_rule": "username"}])
@pytest.mark.parametrize("server_config", [SHARED])
async def test_a_spare_taken_by_one_person_carries_nothing_of_another(api, vista_app, jp_fetch):
    executor = vista_app.executor
    # alice's upload starts the spare; nobody, alice included, may use a spare
    _, up = await upload(api, "hers.csv", _big_csv(300), user="alice")
    first = await _ready_spare(vista_app)
    assert executor.kernel_owner(first) == SPARE_OWNER
    for user in ("alice", "bob"):
        assert await call(jp_fetch, user, "api", "kernels", first) == 403

    _, hers = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}}, user="alice")
    assert await _kernel_of(vista_app, hers["id"]) == first, "the new thread did not take the spare"
    assert executor.kernel_owner(first) == "alice"
    result = await executor.execute("alice", hers["id"], "alices_secret = 'hers'\nprint(len(df))")
    assert result.stdout == "300\n", result.error
    # her first code ran: a new spare, another kernel, nobody's
    second = await _ready_spare(vista_app, {first})
    assert second != first and executor.kernel_owner(second) == SPARE_OWNER
    assert await call(jp_fetch, "alice", "api", "kernels", second) == 403

    bob = await _thread_from_file(api, "bob", 70)
    assert await _kernel_of(vista_app, bob["id"]) == second
    folder = vista_app.threads.folders.path_for(bob["id"])
    result = await executor.execute(
        "bob",
        bob["id"],
        "import os\nprint(os.getcwd())\nprint(len(df))\nprint('alices_secret' in globals())",
    )
    assert result.stdout.split("\n")[:3] == [str(folder), "70", "False"], result.error
    # each works in its own thread's folder only, and only its owner may reach it
    assert await call(jp_fetch, "alice", "api", "kernels", second) == 403
    assert await call(jp_fetch, "bob", "api", "kernels", second) == 200
    assert await call(jp_fetch, "bob", "api", "kernels", first) == 403


async def test_a_thread_gets_its_data_when_the_spare_died(api, vista_app):
    executor = vista_app.executor
    _, up = await upload(api, "sales.csv", _big_csv(500))
    spare = await _ready_spare(vista_app)
    pid = executor.pool.kernel_pid(executor.pool._spares[0].result())
    os.kill(pid, signal.SIGKILL)

    async def gone():  # the process is gone (the kernel manager may start another under its id)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return None

    await _until(gone)
    status, thread = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
    assert status == 201, thread
    owner = (await api("GET", "info"))[1]["owner"]
    result = await executor.execute(owner, thread["id"], "print(len(df), df['city'].iloc[1])")
    assert result.status == "ok" and result.stdout == "500 Seoul\n", result.error
    assert executor.kernel_id(thread["id"]) != spare


@pytest.mark.parametrize("vista_config", [{"spare_kernels": 1, "auto_overview": False, "max_kernels_per_user": 1}])
async def test_the_kernels_per_user_hold_with_a_spare(api, vista_app):
    executor = vista_app.executor
    dan = (await api("GET", "info"))[1]["owner"]
    threads = []
    for rows in (40, 50, 60):
        _, up = await upload(api, "sales.csv", _big_csv(rows))
        spare = await _ready_spare(vista_app)
        threads.append((await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}}))[1])
        # each new thread takes the spare: the first when it is created, the next ones (their
        # early start found no free slot) when their question stops the idle kernel; the user
        # never holds two
        result = await executor.execute(dan, threads[-1]["id"], "print(len(df))")
        assert result.stdout == f"{rows}\n", result.error
        assert executor.kernel_id(threads[-1]["id"]) == spare
        owners = list(_owners(vista_app).values())
        assert owners.count(dan) == 1, owners
        assert set(owners) <= {dan, SPARE_OWNER} and owners.count(SPARE_OWNER) <= 1, owners
    # an older thread asking again gets its data back in the one kernel, the spare's
    spare = await _ready_spare(vista_app)
    result = await executor.execute(dan, threads[0]["id"], "print(len(df))")
    assert result.stdout == "40\n"
    assert executor.kernel_id(threads[0]["id"]) == spare
    assert list(_owners(vista_app).values()).count(dan) == 1


@pytest.mark.parametrize("vista_config", [{"spare_kernels": 1, "kernel_idle_timeout": 1.0}])
async def test_an_idle_spare_stops(api, vista_app):
    await upload(api, "sales.csv", _big_csv(10))
    await _ready_spare(vista_app)

    async def no_kernel():
        return True if not _owners(vista_app) and not vista_app.executor.pool._spares else None

    await _until(no_kernel)
    # the next upload starts one again
    await upload(api, "sales.csv", _big_csv(10))
    await _ready_spare(vista_app)


@pytest.mark.parametrize("vista_config", [{"spare_kernels": 1, "auto_overview": False, "max_line_bytes": 64 << 10}])
async def test_a_thread_not_created_after_all_stops_the_spare_it_took(api, vista_app, vista_data_dir):
    from test_reading_warm_start import _nothing_left

    # a regular table whose one overlong line comes long after every sample the reader takes
    body = _big_csv(1_200_000) + b"1,Seoul," + b"9" * (200 << 10) + b",2024-01-01\n" + _big_csv(1000)[20:]
    _, up = await upload(api, "late.csv", body)
    spare = await _ready_spare(vista_app)
    status, _ = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
    assert status == 400
    # the spare was taken by the thread, and went with it: no kernel, thread or folder is left
    assert spare not in vista_app.serverapp.kernel_manager
    await _nothing_left(vista_app, vista_data_dir, api, [])
