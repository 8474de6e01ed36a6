"""Notebook export: valid nbformat, re-runs top to bottom in a fresh kernel with the same figures,
saved into the workspace without overwriting anything."""

from __future__ import annotations

import asyncio
import io
import os
import tempfile
import zipfile

import nbformat
import pytest
from conftest import NAMED_USERS, converse, error_message
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from openai_server import text, tool
from test_turns import SECRET, fake, new_thread, vista_config, wait_done  # noqa: F401

pytestmark = pytest.mark.timeout(180)

FIGURE = "fig, ax = plt.subplots()\nax.bar(df['city'], df['y'])\nax.set_title('y by city')\nplt.show()"


def figures_in(notebook) -> int:
    return sum(
        1
        for cell in notebook.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if "image/png" in out.get("data", {})
    )


def rerun(notebook, cwd) -> nbformat.NotebookNode:
    """Run `notebook` top to bottom in a fresh kernel, as a user re-running an export would.

    The kernel talks over IPC sockets in a private directory, not TCP: with two test
    workers, a TCP port jupyter_client picked could be taken by the other worker before
    the kernel bound it, and the kernel died at start ("Kernel died before replying to
    kernel_info"). The server's own kernels recover from that by restarting on new ports;
    a bare NotebookClient does not."""
    fresh = nbformat.reads(nbformat.writes(notebook), as_version=4)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    with tempfile.TemporaryDirectory(prefix="vk") as sockets:
        km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "k"))
        NotebookClient(fresh, km=km, timeout=60, resources={"metadata": {"path": str(cwd)}}).execute()
    return fresh


async def scripted_conversation(api, vista_app, fake) -> str:
    owner, tid = await new_thread(api, vista_app)
    fake.script(
        tool("df.groupby('city')['Y'].sum()", "I'll sum y per city."),  # fails: no column Y
        tool("totals = df.groupby('city')['y'].sum()\ntotals", "The column is lower-case; again."),
        tool(FIGURE),
        text("Jeju has the largest total (30). The chart above compares the cities."),
    )
    await api("POST", f"threads/{tid}/messages", json_body={"content": "Which city has the most y?"})
    await wait_done(api, tid)
    fake.script(tool("print(totals.idxmax())"), text("Jeju again."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "And the top one?"})
    await wait_done(api, tid)
    return tid


async def test_a_scripted_conversation_exports_and_reruns(api, vista_app, fake, jp_root_dir):
    tid = await scripted_conversation(api, vista_app, fake)
    status, saved = await api("POST", f"threads/{tid}/notebook", json_body={"path": "report.ipynb"})
    assert status == 201, saved
    assert saved == {"path": "report.ipynb", "data_folder": "report_data", "figures": 1, "cells": saved["cells"]}
    path = jp_root_dir / "report.ipynb"
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert (jp_root_dir / "report_data" / "df.parquet").is_file()
    assert "report_data/df.parquet" in notebook.cells[1].source

    sources = [c.source for c in notebook.cells]
    # The failed attempt is kept, marked, and not code
    failed = [c for c in notebook.cells if "Not run" in c.source]
    assert len(failed) == 1 and failed[0].cell_type == "markdown" and "KeyError" in failed[0].source
    assert "## Which city has the most y?" in sources and "## And the top one?" in sources
    assert any("Jeju has the largest total" in s for s in sources)
    assert figures_in(notebook) == 1
    meta = notebook.metadata["vista"]
    assert meta["models"] == ["scripted-model"] and meta["datasets"][0]["variable"] == "df"
    assert SECRET not in path.read_text()

    # Re-run from scratch in a fresh kernel, from the notebook's folder
    rerun_nb = rerun(notebook, jp_root_dir)
    assert figures_in(rerun_nb) == 1

    def printed(nb):
        return [
            o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream"
        ]

    assert printed(rerun_nb) == printed(notebook) == ["Jeju\n"]

    # The folder can be moved: it only uses relative paths
    moved = jp_root_dir / "elsewhere"
    moved.mkdir()
    (jp_root_dir / "report_data").rename(moved / "report_data")
    assert figures_in(rerun(notebook, moved)) == 1


async def test_saving_never_overwrites(api, vista_app, fake, jp_root_dir):
    tid = await scripted_conversation(api, vista_app, fake)
    (jp_root_dir / "taken.ipynb").write_text("{}")
    status, body = await api("POST", f"threads/{tid}/notebook", json_body={"path": "taken.ipynb"})
    assert status == 409 and "already exists" in error_message(body)
    assert (jp_root_dir / "taken.ipynb").read_text() == "{}"
    assert not (jp_root_dir / "taken_data").exists()
    status, body = await api(
        "POST", f"threads/{tid}/notebook", json_body={"path": "taken.ipynb", "on_conflict": "rename"}
    )
    assert status == 201 and body["path"] == "taken-1.ipynb"
    status, body = await api("POST", f"threads/{tid}/notebook", json_body={"path": "taken", "on_conflict": "rename"})
    assert body["path"] == "taken-2.ipynb"
    for bad, code in [("missing/x.ipynb", 404), ("../outside.ipynb", 404), ("", 400)]:
        status, body = await api("POST", f"threads/{tid}/notebook", json_body={"path": bad})
        assert status == code, (bad, status, body)


async def test_downloads_as_ipynb_and_as_a_runnable_zip(api, vista_app, fake, jp_fetch, tmp_path):
    tid = await scripted_conversation(api, vista_app, fake)
    response = await jp_fetch("vista", "api", "threads", tid, "notebook")
    assert response.headers["Content-Type"] == "application/x-ipynb+json"
    assert "turns.ipynb" in response.headers["Content-Disposition"]
    notebook = nbformat.reads(response.body.decode(), as_version=4)
    nbformat.validate(notebook)

    response = await jp_fetch("vista", "api", "threads", tid, "notebook", params={"bundle": "zip"})
    assert response.headers["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.body)) as archive:
        assert sorted(archive.namelist()) == [
            "turns.ipynb",
            "turns_data/NanumGothic.ttf",
            "turns_data/OFL.txt",
            "turns_data/df.parquet",
        ]
        archive.extractall(tmp_path / "unzipped")
    unzipped = nbformat.read(tmp_path / "unzipped" / "turns.ipynb", as_version=4)
    assert figures_in(rerun(unzipped, tmp_path / "unzipped")) == 1


@pytest.mark.parametrize("server_config", NAMED_USERS)
async def test_other_users_cannot_export_a_thread(api):
    _, thread = await api("POST", "threads", json_body={"name": "private"}, user="alice")
    status, _ = await api("GET", f"threads/{thread['id']}/notebook", user="bob")
    assert status == 404
    status, _ = await api("POST", f"threads/{thread['id']}/notebook", json_body={"path": "x.ipynb"}, user="bob")
    assert status == 404


OFFLINE_QUESTIONS = [
    ("cars", "describe the data"),
    ("cars", "결측치가 있나요?"),
    ("cars", "distribution of horsepower"),
    ("cars", "how many cars per origin?"),
    ("cars", "마력 상위 5개"),
    ("cars", "average mpg by origin"),
    ("cars", "relationship between weight and mpg"),
    ("cars", "상관관계"),
    ("cars", "only cars from Japan"),
    ("cars", "cars with horsepower over 150"),
    ("cars", "가장 높은 마력"),
    ("cars", "what is the meaning of life"),
    ("seattle-weather", "trend of temp_max over time"),
]


@pytest.mark.parametrize("vista_config", [{"auto_overview": True}])
@pytest.mark.parametrize("example", ["cars", "seattle-weather"])
async def test_offline_analyst_threads_export_and_rerun(api, jp_root_dir, example):
    status, thread = await api("POST", "threads", json_body={"dataset": {"example": example}})
    assert status == 201
    tid = thread["id"]
    await wait_done(api, tid)  # the automatic overview
    for dataset, question in OFFLINE_QUESTIONS:
        if dataset != example:
            continue
        status, body = await api("POST", f"threads/{tid}/messages", json_body={"content": question})
        assert status == 202, body
        events = await wait_done(api, tid)
        assert events[-1]["data"]["status"] == "done", events[-3:]
    status, saved = await api("POST", f"threads/{tid}/notebook", json_body={"path": f"{example}.ipynb"})
    assert status == 201, saved
    notebook = nbformat.read(jp_root_dir / f"{example}.ipynb", as_version=4)
    nbformat.validate(notebook)
    assert not [c for c in notebook.cells if "Not run" in c.source]
    expected = figures_in(notebook)
    # overview 2 + missing, distribution, counts, top 5, group, relationship, correlation 1 each
    assert expected == (3 if example == "seattle-weather" else 9)
    assert figures_in(rerun(notebook, jp_root_dir)) == expected


# --- streamed downloads -------------------------------------------------------------------------


def test_the_streamed_notebook_is_what_nbformat_writes():
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    from vista_jupyter.export import write_ipynb

    cells = [
        new_markdown_cell('# 제목\n\nTwo lines\nand "quotes"'),
        new_code_cell(
            "import pandas as pd\nprint('x')",
            outputs=[
                new_output("stream", name="stdout", text="a\nb\n"),
                new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>\nsize"}),
                new_output("execute_result", data={"text/plain": "42"}, execution_count=3),
                new_output("error", ename="KeyError", evalue="'Y'", traceback=["line 1", "line 2"]),
            ],
        ),
        new_markdown_cell(""),
    ]
    metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "vista": {"models": ["m"], "thread_name": "ü"},
    }
    parts: list[str] = []
    write_ipynb(iter(cells), lambda: metadata, parts.append)
    assert len(parts) == len(cells) + 2  # written a cell at a time
    notebook = new_notebook(cells=cells, metadata=metadata)
    assert "".join(parts) == nbformat.writes(notebook)
    empty: list[str] = []
    write_ipynb(iter([]), lambda: {}, empty.append)
    assert "".join(empty) == nbformat.writes(new_notebook())


async def test_a_stream_holds_a_few_chunks_however_much_is_written():
    from vista_jupyter.export import stream_bytes

    chunk, total = 64 * 1024, 40 * 1024 * 1024
    written = 0

    def produce(out):
        nonlocal written
        for _ in range(total // 4096):
            out.write(b"x" * 4096)
            written += 4096

    received, most_waiting = 0, 0
    async for piece in stream_bytes(produce, chunk_size=chunk, depth=3):
        received += len(piece)
        most_waiting = max(most_waiting, written - received)
        await asyncio.sleep(0)  # a slow reader
    assert received == total
    # Back-pressure: the writer was never more than the queue plus a chunk or two ahead
    assert most_waiting <= 6 * chunk


async def test_a_stream_whose_reader_leaves_stops_its_writer_and_errors_reach_the_reader():
    from contextlib import aclosing

    from vista_jupyter.export import stream_bytes

    written = 0

    def endless(out):
        nonlocal written
        while True:
            out.write(b"y" * 65536)
            written += 65536

    async with aclosing(stream_bytes(endless, chunk_size=65536, depth=2)) as chunks:
        async for _ in chunks:
            break
    stopped_at = written
    await asyncio.sleep(0.2)
    assert written == stopped_at < 20 * 65536  # the writer stopped (closing waited for it)

    def failing(out):
        out.write(b"z" * 200_000)
        raise OSError("disk gone")

    got = b""
    with pytest.raises(OSError, match="disk gone"):
        async for piece in stream_bytes(failing, chunk_size=65536):
            got += piece
    assert len(got) >= 65536  # what was written before the failure had been sent


async def test_a_download_that_fails_midway_fails_for_the_client_too(api, vista_app, jp_fetch):
    # Given a thread whose notebook is over a megabyte (sent before the data files) and whose
    # data file has gone missing
    import secrets

    from test_kernels import FRAME, add_dataset

    owner = (await api("GET", "info"))[1]["owner"]
    _, thread = await api("POST", "threads", json_body={"name": "broken"})
    tid = thread["id"]
    add_dataset(vista_app, owner, tid, FRAME)
    for i in range(600):
        converse(vista_app.store, owner, tid, f"question {i} {secrets.token_hex(2500)}", "-")
    [dataset] = vista_app.store.list_datasets(owner, tid)
    (vista_app.threads.folders.threads_dir / tid / dataset["parquet_path"]).unlink()

    # When it is downloaded, the transfer breaks off instead of ending as a complete-looking zip
    with pytest.raises(Exception) as failure:
        await jp_fetch("vista", "api", "threads", tid, "notebook", params={"bundle": "zip"})
    assert getattr(failure.value, "code", None) == 599  # the connection closed, not an answer
    # and the server carries on
    status, _ = await api("GET", "info")
    assert status == 200


KOREAN_FIGURE = (
    "fig, ax = plt.subplots()\nax.bar(['서울', '부산', '제주'], [3, 2, 1])\nax.set_title('도시별 합계')\nplt.show()"
)


def warnings_in(notebook) -> list[str]:
    """Every stderr text and error of the notebook's code cells."""
    return [
        o.get("text", "") or o.get("evalue", "")
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error" or o.get("name") == "stderr"
    ]


# Stands for a machine without Vista: the kernel cannot find the package (nor its font).
HIDE_VISTA = (
    "import importlib.util as _u\n_find = _u.find_spec\n"
    "_u.find_spec = lambda name, *a: None if name == 'vista_jupyter' else _find(name, *a)"
)


async def test_a_downloaded_export_draws_korean_without_vista(api, vista_app, fake, jp_fetch, tmp_path):
    # Given an analysis whose figure is labelled in Korean
    _, tid = await new_thread(api, vista_app)
    fake.script(tool(KOREAN_FIGURE), text("서울이 가장 큽니다."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "도시별 합계를 그려 주세요"})
    await wait_done(api, tid)

    # When it is downloaded as a zip and re-run where Vista is not installed
    response = await jp_fetch("vista", "api", "threads", tid, "notebook", params={"bundle": "zip"})
    with zipfile.ZipFile(io.BytesIO(response.body)) as archive:
        assert sorted(archive.namelist()) == [
            "turns.ipynb",
            "turns_data/NanumGothic.ttf",
            "turns_data/OFL.txt",
            "turns_data/df.parquet",
        ]
        archive.extractall(tmp_path)
    notebook = nbformat.read(tmp_path / "turns.ipynb", as_version=4)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(HIDE_VISTA))
    notebook.cells.append(
        nbformat.v4.new_code_cell(
            "from matplotlib import font_manager\n"
            "print(plt.rcParams['font.family'])\n"
            "print(sorted({f.fname.split('/')[-2] for f in font_manager.fontManager.ttflist if f.name == 'NanumGothic'}))"
        )
    )
    rerun_nb = rerun(notebook, tmp_path)

    # Then its figure draws, with no missing-glyph warning: the font came with the zip
    assert figures_in(rerun_nb) == 1
    assert warnings_in(rerun_nb) == []
    printed = rerun_nb.cells[-1].outputs[0]["text"]
    assert "['DejaVu Sans', 'NanumGothic']" in printed and "turns_data" in printed


async def test_a_workspace_export_draws_korean(api, vista_app, fake, jp_root_dir):
    _, tid = await new_thread(api, vista_app)
    fake.script(tool(KOREAN_FIGURE), text("서울이 가장 큽니다."))
    await api("POST", f"threads/{tid}/messages", json_body={"content": "도시별 합계를 그려 주세요"})
    await wait_done(api, tid)
    status, saved = await api("POST", f"threads/{tid}/notebook", json_body={"path": "korean.ipynb"})
    assert status == 201, saved
    notebook = nbformat.read(jp_root_dir / "korean.ipynb", as_version=4)
    # Without the set-up cell's font code, matplotlib warns "Glyph ... missing from font(s) DejaVu Sans"
    assert "_korean_font(" in notebook.cells[1].source
    rerun_nb = rerun(notebook, jp_root_dir)
    assert figures_in(rerun_nb) == 1
    assert warnings_in(rerun_nb) == []


async def test_inserted_code_gets_a_setup_cell_that_runs_from_the_notebooks_folder(api, vista_app, jp_root_dir):
    # Given an analysis and a new notebook in a sub-folder of the workspace
    _, tid = await new_thread(api, vista_app)
    (jp_root_dir / "work").mkdir()
    nbformat.write(nbformat.v4.new_notebook(), jp_root_dir / "work" / "Untitled.ipynb")

    # When code of the analysis is inserted into it, Vista gives the set-up cell
    status, cell = await api("POST", f"threads/{tid}/notebook/setup", json_body={"path": "work/Untitled.ipynb"})
    assert status == 200, cell
    dataset_id = cell["datasets"][0]
    copied = jp_root_dir / "work" / "Untitled_data" / f"df_{dataset_id[:8]}.parquet"
    assert copied.is_file() and cell["data_folder"] == "work/Untitled_data"
    assert f"df_file = 'Untitled_data/df_{dataset_id[:8]}.parquet'\ndf = pd.read_parquet(df_file)" in cell["code"]

    # Then the set-up cell and the inserted code run in a fresh kernel from the notebook's folder
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(cell["code"]),
            nbformat.v4.new_code_cell("print(df.groupby('city')['y'].sum().idxmax())"),
            nbformat.v4.new_code_cell(KOREAN_FIGURE),
        ]
    )
    ran = rerun(notebook, jp_root_dir / "work")
    assert ran.cells[1].outputs[0]["text"] == "Jeju\n"
    assert figures_in(ran) == 1 and warnings_in(ran) == []

    # A second insert reuses the copy (the same file, untouched)
    before = copied.stat().st_mtime_ns
    status, again = await api("POST", f"threads/{tid}/notebook/setup", json_body={"path": "work/Untitled.ipynb"})
    assert status == 200 and again["code"] == cell["code"] and copied.stat().st_mtime_ns == before


async def test_setup_cells_refuse_what_they_cannot_do(api, vista_app, jp_root_dir):
    _, tid = await new_thread(api, vista_app)
    nbformat.write(nbformat.v4.new_notebook(), jp_root_dir / "taken.ipynb")
    (jp_root_dir / "taken_data").write_text("mine")
    for body, code, words in [
        ({"path": "notes.txt"}, 400, "notebook"),
        ({"path": "missing.ipynb"}, 404, "no notebook"),
        ({"path": "../outside.ipynb"}, 404, "outside"),
        ({"path": "taken.ipynb"}, 409, "is a file"),
        ({}, 400, "path"),
    ]:
        status, answer = await api("POST", f"threads/{tid}/notebook/setup", json_body=body)
        assert status == code and words in error_message(answer), (body, status, answer)
    assert (jp_root_dir / "taken_data").read_text() == "mine"
    status, _ = await api("POST", "threads/nope/notebook/setup", json_body={"path": "taken.ipynb"})
    assert status == 404


@pytest.mark.parametrize("server_config", NAMED_USERS)
async def test_other_users_get_no_setup_cell(api, jp_root_dir):
    _, thread = await api("POST", "threads", json_body={"name": "private"}, user="alice")
    nbformat.write(nbformat.v4.new_notebook(), jp_root_dir / "bob.ipynb")
    status, _ = await api("POST", f"threads/{thread['id']}/notebook/setup", json_body={"path": "bob.ipynb"}, user="bob")
    assert status == 404
