"""The executor with real kernels: outputs and figures, errors, limits, crashes and recovery."""

from __future__ import annotations

import asyncio
import time

import pandas as pd
import pytest
from conftest import NAMED_USERS

from vista_jupyter.profile import profile_parquet, summary_text
from vista_jupyter.store import new_id

pytestmark = pytest.mark.timeout(180)


def add_dataset(app, owner: str, thread_id: str, frame: pd.DataFrame, var_name: str = "df") -> None:
    """Give a thread a dataset the way ingest leaves it: a Parquet file and a row."""
    dataset_id = new_id()
    folder = app.threads.folders.create(thread_id) / "datasets" / dataset_id
    folder.mkdir(parents=True)
    frame.to_parquet(folder / "data.parquet")
    profile = profile_parquet(folder / "data.parquet")
    app.store.add_dataset(
        owner,
        thread_id,
        {
            "id": dataset_id,
            "name": var_name,
            "original_name": f"{var_name}.csv",
            "original_path": f"datasets/{dataset_id}/{var_name}.csv",
            "parquet_path": f"datasets/{dataset_id}/data.parquet",
            "source": "upload",
            "var_name": var_name,
            "rows": len(frame),
            "columns": frame.shape[1],
            "size_bytes": 0,
            "detected": {},
            "warnings": [],
            "profile": profile,
            "summary": summary_text(var_name, profile),
        },
    )


FRAME = pd.DataFrame({"x": [1, 2, 3, 4], "y": [10.0, 20.0, 15.0, 30.0], "city": ["Seoul", "Busan", "Seoul", "Jeju"]})


async def new_thread(api, vista_app) -> tuple[str, str]:
    """(owner, thread id) of a new thread holding FRAME as `df`."""
    _, info = await api("GET", "info")
    _, thread = await api("POST", "threads", json_body={"name": "kernels"})
    add_dataset(vista_app, info["owner"], thread["id"], FRAME)
    return info["owner"], thread["id"]


async def test_dataframes_are_preloaded_and_tables_come_back_as_html(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    result = await vista_app.executor.execute(owner, tid, "df.groupby('city')['y'].sum().to_frame()")
    assert result.status == "ok", result.error
    [output] = result.outputs
    assert output["output_type"] == "execute_result"
    assert "<table" in output["data"]["text/html"]
    assert "Seoul" in output["data"]["text/plain"] and "25.0" in output["data"]["text/plain"]
    result = await vista_app.executor.execute(owner, tid, "import os; print(os.getcwd()); print(df.shape)")
    folder = vista_app.threads.folders.path_for(tid)
    assert result.stdout.splitlines() == [str(folder), "(4, 3)"]


@pytest.mark.parametrize("server_config", NAMED_USERS)
async def test_figures_are_saved_and_served_to_their_owner_only(api, vista_app, jp_fetch):
    _, created = await api("POST", "threads", json_body={"name": "figs"}, user="alice")
    tid = created["id"]
    add_dataset(vista_app, "alice", tid, FRAME)
    result = await vista_app.executor.execute("alice", tid, "fig, ax = plt.subplots()\nax.plot(df.x, df.y)\nplt.show()")
    assert result.status == "ok", result.error
    [artifact] = result.artifacts
    assert artifact["mime_type"] == "image/png"
    files = list((vista_app.threads.folders.path_for(tid) / "figures").iterdir())
    assert [f.name for f in files] == [f"{artifact['id']}.png"]

    response = await jp_fetch(
        "vista", "api", "threads", tid, "artifacts", artifact["id"], headers={"X-Vista-Test-User": "alice"}
    )
    assert response.body.startswith(b"\x89PNG")
    assert response.headers["Content-Type"] == "image/png"
    status, _ = await api("GET", f"threads/{tid}/artifacts/{artifact['id']}", user="bob")
    assert status == 404
    # bob cannot run code in alice's thread either
    with pytest.raises(Exception, match="No such thread"):
        await vista_app.executor.execute("bob", tid, "print(df)")


async def test_errors_are_captured_without_terminal_colours(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    result = await vista_app.executor.execute(owner, tid, "print('before')\ndf['nope']")
    assert result.status == "error"
    assert result.error["ename"] == "KeyError"
    assert "nope" in result.error["evalue"]
    assert result.error["traceback"]
    assert not any("\x1b" in line for line in result.error["traceback"])
    assert result.stdout == "before\n"


@pytest.mark.parametrize("vista_config", [{"execution_timeout": 1.0}])
async def test_a_timeout_interrupts_and_the_kernel_keeps_its_state(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    await vista_app.executor.execute(owner, tid, "kept = 'still here'")
    started = time.monotonic()
    result = await vista_app.executor.execute(owner, tid, "import time\ntime.sleep(60)")
    assert result.status == "timeout"
    assert "longer than 1 seconds" in result.error["evalue"]
    assert time.monotonic() - started < 15
    result = await vista_app.executor.execute(owner, tid, "print(kept, df.shape)")
    assert result.stdout == "still here (4, 3)\n"


@pytest.mark.parametrize("vista_config", [{"execution_timeout": 1.0}])
async def test_a_kernel_that_ignores_the_interrupt_is_restarted_with_its_data(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    vista_app.executor.interrupt_grace = 1.0
    await vista_app.executor.execute(owner, tid, "print('warm')")
    first_kernel = vista_app.executor.kernel_id(tid)
    stubborn = (
        "import time\nwhile True:\n    try:\n        time.sleep(0.1)\n    except KeyboardInterrupt:\n        pass\n"
    )
    result = await vista_app.executor.execute(owner, tid, stubborn)
    assert result.status == "timeout"
    result = await vista_app.executor.execute(owner, tid, "print(df.shape)")
    assert result.status == "ok" and result.stdout == "(4, 3)\n"
    assert vista_app.executor.kernel_id(tid) != first_kernel


async def test_a_crashed_kernel_is_replaced_and_the_data_reloaded(api, vista_app, jp_serverapp):
    owner, tid = await new_thread(api, vista_app)
    await vista_app.executor.execute(owner, tid, "print('warm')")
    result = await vista_app.executor.execute(owner, tid, "import os\nos._exit(1)")
    assert result.status == "died"
    assert "kernel stopped" in result.error["evalue"]
    result = await vista_app.executor.execute(owner, tid, "print(df['y'].sum())")
    assert result.status == "ok", result.error
    assert result.stdout == "75.0\n"


@pytest.mark.parametrize("vista_config", [{"kernel_idle_timeout": 1.0}])
async def test_idle_kernels_stop_and_restart_transparently(api, vista_app, jp_serverapp):
    owner, tid = await new_thread(api, vista_app)
    await vista_app.executor.execute(owner, tid, "print('warm')")
    kernel_id = vista_app.executor.kernel_id(tid)
    for _ in range(100):
        if not vista_app.executor.running(tid):
            break
        await asyncio.sleep(0.1)
    assert not vista_app.executor.running(tid)
    assert kernel_id not in jp_serverapp.kernel_manager
    result = await vista_app.executor.execute(owner, tid, "print(len(df))")
    assert result.stdout == "4\n"


async def test_deleting_a_thread_shuts_its_kernel_down(api, vista_app, jp_serverapp):
    owner, tid = await new_thread(api, vista_app)
    await vista_app.executor.execute(owner, tid, "print('warm')")
    kernel_id = vista_app.executor.kernel_id(tid)
    assert kernel_id in jp_serverapp.kernel_manager
    status, _ = await api("DELETE", f"threads/{tid}")
    assert status == 204
    assert kernel_id not in jp_serverapp.kernel_manager
    assert not vista_app.executor.running(tid)


async def test_threads_do_not_share_variables(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    _, other = await api("POST", "threads", json_body={"name": "other"})
    add_dataset(vista_app, owner, other["id"], FRAME.head(2))
    await vista_app.executor.execute(owner, tid, "secret = 42")
    result = await vista_app.executor.execute(owner, other["id"], "print(len(df))\nsecret")
    assert result.stdout == "2\n"
    assert result.status == "error" and result.error["ename"] == "NameError"


@pytest.mark.parametrize("vista_config", [{"max_output_bytes": 1000}])
async def test_large_output_is_truncated_with_a_note(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    result = await vista_app.executor.execute(owner, tid, "print('x' * 5000)\nprint('tail')")
    assert result.truncated
    assert result.stdout.count("x") <= 1000
    assert "[Output truncated: more than 1,000 bytes.]" in result.stderr


@pytest.mark.parametrize("vista_config", [{"max_kernels_per_user": 1}])
async def test_kernels_per_user_are_limited(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    _, other = await api("POST", "threads", json_body={"name": "other"})
    add_dataset(vista_app, owner, other["id"], FRAME)
    await vista_app.executor.execute(owner, tid, "print(1)")
    await vista_app.executor.execute(owner, other["id"], "print(2)")
    assert vista_app.executor.running(other["id"])
    assert not vista_app.executor.running(tid)
    result = await vista_app.executor.execute(owner, tid, "print(df.shape)")
    assert result.stdout == "(4, 3)\n"


async def test_concurrent_executions_on_one_thread_keep_their_own_outputs(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    codes = [f"import time\ntime.sleep(0.2)\nprint('run {i}')" for i in range(4)]
    results = await asyncio.gather(*(vista_app.executor.execute(owner, tid, c) for c in codes))
    assert [r.stdout for r in results] == [f"run {i}\n" for i in range(4)]


async def test_the_server_keeps_answering_while_code_runs(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    await vista_app.executor.execute(owner, tid, "print('warm')")
    running = asyncio.ensure_future(vista_app.executor.execute(owner, tid, "import time\ntime.sleep(2)"))
    await asyncio.sleep(0.3)
    started = time.monotonic()
    status, _ = await api("GET", "threads")
    assert status == 200
    assert time.monotonic() - started < 1.0
    assert not running.done()
    assert (await running).status == "ok"


async def test_a_thread_created_from_a_dataset_starts_its_kernel_in_the_background(api, vista_app):
    status, thread = await api("POST", "threads", json_body={"dataset": {"example": "iris"}})
    assert status == 201
    # No execution was asked for, yet the kernel comes up with the data loaded
    for _ in range(200):
        if vista_app.executor.running(thread["id"]):
            break
        await asyncio.sleep(0.05)
    assert vista_app.executor.running(thread["id"])
    owner = (await api("GET", "info"))[1]["owner"]
    result = await vista_app.executor.execute(owner, thread["id"], "print(df.shape)")
    assert result.stdout == "(150, 5)\n"
    # Adding a dataset makes the running kernel load it too
    status, _ = await api("POST", f"threads/{thread['id']}/datasets", json_body={"example": "cars"})
    result = await vista_app.executor.execute(owner, thread["id"], "print(cars.shape)")
    assert result.stdout == "(406, 9)\n", result.error


async def test_korean_text_in_figures_has_a_font(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    code = (
        "import warnings\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    warnings.simplefilter('always')\n"
        "    fig, ax = plt.subplots()\n"
        "    ax.set_title('지역별 합계')\n"
        "    fig.canvas.draw()\n"
        "print([str(w.message) for w in caught if 'missing from' in str(w.message)])\n"
        "plt.close(fig)"
    )
    result = await vista_app.executor.execute(owner, tid, code)
    assert result.status == "ok", result.error
    assert result.stdout == "[]\n"  # no "Glyph ... missing from font" warning


async def test_figures_carry_their_titles_as_text(api, vista_app):
    # The chat uses a figure's text as its alt text; the model reads it too
    owner, tid = await new_thread(api, vista_app)
    result = await vista_app.executor.execute(
        owner,
        tid,
        "fig, (a, b) = plt.subplots(1, 2)\nfig.suptitle('도시별')\na.set_title('합계')\nb.plot([1, 2])\nplt.show()\n"
        "plt.plot([1, 2])\nplt.show()",
    )
    assert result.status == "ok", result.error
    figures = [o for o in result.outputs if "artifact" in o]
    assert [f["data"]["text/plain"] for f in figures] == ["도시별 / 합계", "<Figure size 640x480 with 1 Axes>"]


async def test_stop_while_the_data_loads_leaves_no_kernel_without_its_data(api, vista_app):
    import os
    import signal

    owner, tid = await new_thread(api, vista_app)
    executor, kernels = vista_app.executor, vista_app.serverapp.kernel_manager
    # Given a question whose fresh kernel is loading the data (busy importing pandas and
    # reading Parquet), held right there
    asking = asyncio.ensure_future(executor.execute(owner, tid, "print(df.shape)"))
    for _ in range(1200):
        kernel_id = executor.kernel_id(tid)
        if kernel_id and getattr(kernels.get_kernel(kernel_id), "execution_state", "") == "busy":
            break
        await asyncio.sleep(0.005)
    km = kernels.get_kernel(executor.kernel_id(tid))
    assert km.execution_state == "busy"
    pid = km.provisioner.pid
    os.kill(pid, signal.SIGSTOP)
    try:
        # When the user presses Stop (the turn is cancelled and the kernel interrupted)
        asking.cancel()
        await executor.interrupt(tid)
        with pytest.raises(asyncio.CancelledError):
            await asking
    finally:
        os.kill(pid, signal.SIGCONT)

    # Then the next question loads the data first: df, pd and plt are all there
    result = await executor.execute(owner, tid, "print(df.shape, pd.__name__, plt.__name__)")
    assert result.status == "ok", result.error
    assert result.stdout == "(4, 3) pandas matplotlib.pyplot\n"


@pytest.mark.parametrize("vista_config", [{"execution_timeout": 0.1}])
async def test_loading_the_data_has_its_own_time_bound(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    # A fresh kernel importing pandas and matplotlib and reading the data takes far longer than
    # the 0.1 s an execution may run, yet the data loads
    result = await vista_app.executor.execute(owner, tid, "print(df.shape)")
    assert result.status == "ok", result.error
    assert result.stdout == "(4, 3)\n"
    # while the user's code keeps the execution bound
    result = await vista_app.executor.execute(owner, tid, "import time\ntime.sleep(5)")
    assert result.status == "timeout"


async def test_the_data_load_bound_grows_with_the_data(api, vista_app):
    from vista_jupyter.kernels import LOAD_BYTES_PER_SECOND

    owner, tid = await new_thread(api, vista_app)
    executor = vista_app.executor
    [dataset] = vista_app.store.list_datasets(owner, tid)
    small = executor.pool.data_load_timeout(tid, [dataset])
    assert small >= executor.pool.load_timeout and small >= executor.timeout
    parquet = vista_app.threads.folders.path_for(tid) / dataset["parquet_path"]
    with open(parquet, "r+b") as f:  # a sparse 2 GB file: the size is what counts
        f.truncate(2 << 30)
    big = executor.pool.data_load_timeout(tid, [dataset])
    assert big - executor.pool.load_timeout == pytest.approx((2 << 30) / LOAD_BYTES_PER_SECOND)


def test_every_name_the_kernel_preparation_binds_is_reserved():
    import ast

    from vista_jupyter.kernels import preload_code
    from vista_jupyter.names import PRELOADED, is_reserved

    tree = ast.parse(preload_code([{"var_name": "df", "parquet_path": "x.parquet"}]))
    bound = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            bound |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.Assign):
            bound |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    assert bound - {"df", "df_file"} == set(PRELOADED)  # and the dataset's path
    assert all(is_reserved(name) for name in PRELOADED)


@pytest.mark.parametrize(
    "files, names",
    [
        (["cars.csv", "pd.csv", "np.csv", "plt.csv"], ["df", "df_pd", "df_np", "df_plt"]),
        (
            ["a.csv", "print.csv", "len.csv", "list.csv", "os.csv", "json.csv", "_.csv", "In.csv"],
            ["df", "df_print", "df_len", "df_list", "df_os", "df_json", "data", "df_in"],
        ),
        (
            ["a.csv", "class.csv", "match.csv", "sales.csv", "sales.csv"],
            ["df", "df_class", "df_match", "sales", "sales_2"],
        ),
        # `<name>_file` holds a dataset's path
        (
            ["a.csv", "df_file.csv", "sales file.csv", "x_file_2.csv"],
            ["df", "df_file_data", "sales_file_data", "x_file_2_data"],
        ),
    ],
)
def test_dataset_names_never_shadow_what_the_code_needs(files, names):
    from pathlib import Path

    from vista_jupyter.names import variable_name

    taken: set[str] = set()
    out = []
    for file in files:
        name = variable_name(Path(file).stem, taken)
        taken.add(name)
        out.append(name)
    assert out == names


async def test_datasets_named_like_builtins_and_modules_leave_the_kernel_working(api, vista_app):
    owner, tid = await new_thread(api, vista_app)
    from vista_jupyter.names import variable_name

    taken = {"df"}
    for stem in ("pd", "print", "len", "np"):
        name = variable_name(stem, taken)
        taken.add(name)
        add_dataset(vista_app, owner, tid, FRAME.head(2), var_name=name)
    result = await vista_app.executor.execute(
        owner,
        tid,
        "print(len(df), len(df_print), pd.__name__, np.__name__, df_pd.shape, df_len.shape)",
    )
    assert result.status == "ok", result.error
    assert result.stdout == "4 2 pandas numpy (2, 3) (2, 3)\n"


async def _threads_with_data(api, vista_app, n: int) -> tuple[str, list[str]]:
    _, info = await api("GET", "info")
    tids = []
    for i in range(n):
        _, thread = await api("POST", "threads", json_body={"name": f"t{i}"})
        add_dataset(vista_app, info["owner"], thread["id"], FRAME)
        tids.append(thread["id"])
    return info["owner"], tids


async def _count_kernels_while(app, work) -> tuple[list, int]:
    """Run `work` and sample how many kernels the server has meanwhile; (results, the most)."""
    most = 0
    task = asyncio.ensure_future(work)
    while not task.done():
        most = max(most, len(app.serverapp.kernel_manager.list_kernel_ids()))
        await asyncio.sleep(0.02)
    return await task, most


@pytest.mark.parametrize("vista_config", [{"max_kernels_per_user": 2}])
async def test_kernels_per_user_hold_when_many_threads_start_at_once(api, vista_app):
    owner, tids = await _threads_with_data(api, vista_app, 6)
    executor = vista_app.executor
    # Six threads asking at once, three of them busy for a while: never more than two kernels
    codes = ["import time\ntime.sleep(1.5)\nprint(len(df))" if i % 2 else "print(len(df))" for i in range(6)]
    results, most = await _count_kernels_while(
        vista_app, asyncio.gather(*(executor.execute(owner, t, c) for t, c in zip(tids, codes)))
    )
    assert [r.status for r in results] == ["ok"] * 6, [r.error for r in results]
    assert [r.stdout for r in results] == ["4\n"] * 6
    assert most <= 2
    assert len(vista_app.serverapp.kernel_manager.list_kernel_ids()) <= 2


@pytest.mark.parametrize("vista_config", [{"max_kernels_per_user": 2}])
async def test_when_every_kernel_is_busy_a_question_waits_then_is_refused_clearly(api, vista_app):
    owner, tids = await _threads_with_data(api, vista_app, 3)
    executor = vista_app.executor
    started: list[str] = []
    busy = [
        asyncio.ensure_future(
            executor.execute(
                owner,
                t,
                "import time\nprint('busy', flush=True)\ntime.sleep(6)",
                on_output=lambda output, t=t: started.append(t),
            )
        )
        for t in tids[:2]
    ]
    for _ in range(1200):  # both kernels are running their code
        if len(set(started)) == 2:
            break
        await asyncio.sleep(0.05)
    assert len(set(started)) == 2
    executor.pool.slot_wait = 1.0  # how long a question waits for a slot
    with pytest.raises(Exception, match="All 2 of your analysis kernels are busy"):
        await executor.execute(owner, tids[2], "print(1)")
    assert len(vista_app.serverapp.kernel_manager.list_kernel_ids()) == 2
    executor.pool.slot_wait = None
    # A question that waits long enough gets the first kernel freed
    waiting = asyncio.ensure_future(executor.execute(owner, tids[2], "print(len(df))"))
    assert [(await b).status for b in busy] == ["ok", "ok"]
    assert (await waiting).stdout == "4\n"
