"""Notebook export: a thread as an nbformat v4 notebook that re-runs top to bottom.

Layout of an export of thread "Cars" saved as `analyses/cars.ipynb`:

    analyses/cars.ipynb
    analyses/cars_data/df.parquet        one Parquet file per dataset, named by its variable

The notebook starts with a title and a description of the data, then one set-up code cell
(`setup_code.py`: imports, a font that draws Korean, the datasets loaded from those files by
relative path, so the folder can be moved or shared; a dataset too large for pandas in the
analysis kernel is a DuckDB view there as in the kernel, with its sample and `sql()`), then for each
turn: the question (Markdown), each code step that ran with its recorded outputs (figures
embedded), and the answer (Markdown).

Steps that failed (an error, a timeout, a crash, or cut short by Stop) are kept for the record but
as Markdown, clearly marked as not run, so that a re-run never stops on them: the assistant's
corrected code follows them as ordinary code cells. No secret is ever written: the notebook only
holds the conversation, the code, its outputs and the model's name. A downloaded zip also
carries the font (and its licence) in the data folder.

`setup_cell` serves code inserted into a notebook from the chat: the same set-up cell, with the
thread's data copied beside that notebook.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import copy
import itertools
import json
import os
import re
import shutil
import zipfile
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbformat.v4.nbjson import BytesEncoder
from nbformat.v4.rwbase import split_lines

from . import __version__, setup_code
from .errors import Conflict, InvalidInput, NotFound
from .memory import KernelMemory
from .store import Store

FIGURE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


def data_folder_name(notebook_name: str) -> str:
    """`cars.ipynb` -> `cars_data`."""
    stem = notebook_name[: -len(".ipynb")] if notebook_name.endswith(".ipynb") else notebook_name
    return f"{stem}_data"


def notebook_file_name(thread_name: str) -> str:
    """A file name for a thread's notebook: its name, made safe for any file system."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", thread_name).strip(" ._") or "analysis"
    return f"{stem[:100]}.ipynb"


def _fence(code: str) -> str:
    ticks = "````" if "```" in code else "```"
    return f"{ticks}python\n{code}\n{ticks}"


def write_ipynb(cells: Iterable[Any], metadata: Callable[[], dict[str, Any]], write: Callable[[str], Any]) -> None:
    """Write a v4 notebook as JSON text, one cell at a time, exactly as `nbformat.writes` would
    (sorted keys, one-space indent, multi-line text split into lists). `metadata` is called after
    the last cell (JSON puts "metadata" after "cells"), so it may sum up what the cells held.
    The cells come from nbformat's constructors, which validate each one."""
    write('{\n "cells": [')
    first = True
    for cell in cells:
        cell = split_lines(new_notebook(cells=[copy.deepcopy(cell)])).cells[0]
        cell.metadata.pop("trusted", None)
        text = json.dumps(cell, **_IPYNB_JSON)
        write(("\n" if first else ",\n") + "\n".join("  " + line for line in text.split("\n")))
        first = False
    tail = {"metadata": metadata(), "nbformat": 4, "nbformat_minor": 5}
    write(("\n ],\n" if not first else "],\n") + json.dumps(tail, **_IPYNB_JSON)[2:])


class _Abandoned(Exception):
    """The reader of a stream went away."""


class _Pipe:
    """A write-only, non-seekable file whose bytes go, in chunks, to an `asyncio.Queue` read on
    the event loop; writing blocks while `depth` chunks wait (back-pressure: a slow client
    slows the writer instead of filling the server's memory)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, chunk_size: int, depth: int):
        self.loop, self.chunk_size = loop, chunk_size
        self.queue: asyncio.Queue = asyncio.Queue(depth)
        self.buffer = bytearray()
        self.abandoned = False

    def write(self, data: bytes) -> int:
        self.buffer += data
        if len(self.buffer) >= self.chunk_size:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buffer:
            self.send(bytes(self.buffer))
            self.buffer.clear()

    def send(self, item: Any) -> None:
        if self.abandoned:
            raise _Abandoned()
        future = asyncio.run_coroutine_threadsafe(self.queue.put(item), self.loop)
        while True:
            try:
                future.result(timeout=0.5)
                return
            except concurrent.futures.TimeoutError:
                if self.abandoned:
                    future.cancel()
                    raise _Abandoned() from None


async def stream_bytes(
    produce: Callable[[BinaryIO], None], *, chunk_size: int = 1 << 20, depth: int = 4
) -> AsyncIterator[bytes]:
    """The bytes `produce(file)` writes, as chunks of about `chunk_size`: `produce` runs in a
    worker thread while the chunks are sent, so the server holds at most `depth + 1` chunks of
    it, and the event loop none of its work. Closing the iterator early stops `produce`."""
    pipe = _Pipe(asyncio.get_running_loop(), chunk_size, depth)
    done = object()

    def run() -> None:
        try:
            try:
                produce(pipe)  # type: ignore[arg-type]
                pipe.flush()
                end: Any = done
            except _Abandoned:
                return
            except BaseException as e:  # handed to the reader, raised there
                end = e
            pipe.send(end)
        except _Abandoned:
            pass

    worker = asyncio.ensure_future(asyncio.to_thread(run))
    try:
        while True:
            item = await pipe.queue.get()
            if item is done:
                break
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        pipe.abandoned = True
        while not pipe.queue.empty():  # unblock a writer waiting for room
            pipe.queue.get_nowait()
        await worker


#: How nbformat writes .ipynb JSON.
_IPYNB_JSON: dict[str, Any] = {
    "indent": 1,
    "sort_keys": True,
    "separators": (",", ": "),
    "ensure_ascii": False,
    "cls": BytesEncoder,
}


class _Parts:
    """A notebook being written: its first cells, data files, and the turns' cells, read from
    the store a page of messages at a time."""

    def __init__(
        self,
        exporter: NotebookExporter,
        owner: str,
        thread_id: str,
        thread: dict[str, Any],
        datasets: list[dict[str, Any]],
        files: list[tuple[Path, str]],
        head: list[Any],
    ):
        self.exporter, self.owner, self.thread_id = exporter, owner, thread_id
        self.thread, self.datasets, self.files, self.head = thread, datasets, files, head
        self.models: list[str] = []
        self.figures = 0

    def turn_cells(self) -> Iterator[Any]:
        after: int | None = 0
        while after is not None:
            page, after = self.exporter.store.list_messages(self.owner, self.thread_id, after=after, limit=100)
            for message in page:
                yield from self.exporter._message_cells(self, message)

    def metadata(self) -> dict[str, Any]:
        """The notebook's metadata (models seen so far: call it after the cells)."""
        thread, datasets = self.thread, self.datasets
        return {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "vista": {
                "thread_name": thread["name"],
                "created_at": thread["created_at"],
                "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "models": self.models,
                "vista_version": __version__,
                "datasets": [
                    {
                        "variable": d["var_name"],
                        "name": d["name"],
                        "original_name": d["original_name"],
                        "rows": d["rows"],
                        "columns": d["columns"],
                    }
                    for d in datasets
                ],
            },
        }


class NotebookExporter:
    """Builds notebooks from the store and the thread folders."""

    def __init__(self, store: Store, threads_dir: Path, memory: KernelMemory | None = None):
        self.store = store
        self.threads_dir = threads_dir
        #: How each dataset is held: notebooks hold their data the way the analysis kernel did.
        self.memory = memory or KernelMemory()

    def _load(self, thread_id: str, dataset: dict[str, Any], path: str) -> setup_code.DataLoad:
        """The set-up of one dataset loaded from `path` (relative to the notebook)."""
        holding = self.memory.holding(self.threads_dir / thread_id / dataset["parquet_path"])
        return setup_code.DataLoad(dataset["var_name"], path, holding.mode, holding.rows)

    def _outputs(self, owner: str, thread_id: str, outputs: list[dict[str, Any]]) -> tuple[list[Any], int]:
        cells_out, figures = [], 0
        for output in outputs:
            kind = output["output_type"]
            if kind == "stream":
                cells_out.append(new_output("stream", name=output["name"], text=output["text"]))
            elif kind in ("display_data", "execute_result"):
                data = dict(output.get("data", {}))
                artifact = output.get("artifact")
                if artifact:
                    path = self._artifact_path(owner, thread_id, artifact["id"])
                    if path is not None:
                        raw = path.read_bytes()
                        mime = artifact["mime_type"]
                        data[mime] = raw.decode() if mime == "image/svg+xml" else base64.b64encode(raw).decode()
                        figures += 1
                if not data:
                    continue
                if kind == "execute_result":
                    cells_out.append(
                        new_output("execute_result", data=data, execution_count=output.get("execution_count"))
                    )
                else:
                    cells_out.append(new_output("display_data", data=data))
            elif kind == "error":
                cells_out.append(
                    new_output(
                        "error",
                        ename=output.get("ename", ""),
                        evalue=output.get("evalue", ""),
                        traceback=output.get("traceback", []),
                    )
                )
        return cells_out, figures

    def _artifact_path(self, owner: str, thread_id: str, artifact_id: str) -> Path | None:
        try:
            artifact = self.store.get_artifact(owner, thread_id, artifact_id)
        except NotFound:
            return None
        path = self.threads_dir / thread_id / artifact["path"]
        return path if path.is_file() else None

    def build(
        self, owner: str, thread_id: str, notebook_name: str
    ) -> tuple[nbformat.NotebookNode, list[tuple[Path, str]], int]:
        """The notebook, the data files to place beside it (source, relative path), and the
        number of figures it holds (the whole notebook in memory: for saving through the
        contents manager; downloads use `write_notebook`, which streams)."""
        parts = self._parts(owner, thread_id, notebook_name)
        cells = [*parts.head, *parts.turn_cells()]
        notebook = new_notebook(cells=cells)
        notebook.metadata.update(parts.metadata())
        nbformat.validate(notebook)
        return notebook, parts.files, parts.figures

    def _parts(self, owner: str, thread_id: str, notebook_name: str) -> _Parts:
        """What a notebook is made of: its first cells, its data files, and the cells of its
        turns to be read message by message."""
        thread = self.store.get_thread(owner, thread_id)
        datasets = self.store.list_datasets(owner, thread_id)
        folder = data_folder_name(notebook_name)
        files: list[tuple[Path, str]] = []
        cells = []

        loads = [self._load(thread_id, d, f"{folder}/{d['var_name']}.parquet") for d in datasets]
        samples = setup_code.sample_names(loads)
        lines = [f"# {thread['name']}", ""]
        if datasets:
            lines.append("Data:")
            for d in datasets:
                held = ""
                if d["var_name"] in samples:
                    held = (
                        f"; too large for pandas, so held in DuckDB: query it with "
                        f'`sql("SELECT ... FROM {d["var_name"]}")`, and `{samples[d["var_name"]]}` '
                        "is a sample of its rows"
                    )
                lines.append(
                    f"- `{d['var_name']}`: **{d['name']}** ({d['rows']:,} rows x "
                    f"{d['columns']:,} columns), from `{d['original_name']}`{held}"
                )
        lines += [
            "",
            f"*Exported from Vista for Jupyter on {datetime.now(timezone.utc):%Y-%m-%d}. "
            "Failed attempts are kept as text and are not run.*",
        ]
        cells.append(new_markdown_cell("\n".join(lines)))

        for d, load in zip(datasets, loads):
            files.append((self.threads_dir / thread_id / d["parquet_path"], load.path))
        code = setup_code.notebook_setup(loads, folder, max_result_bytes=self.memory.max_result_bytes)
        cells.append(
            new_code_cell(
                code.rstrip("\n"),
                metadata={"vista": {"setup": {"thread": thread_id, "datasets": [d["id"] for d in datasets]}}},
            )
        )
        return _Parts(self, owner, thread_id, thread, datasets, files, cells)

    def _message_cells(self, parts: _Parts, message: dict[str, Any]) -> list[Any]:
        """The cells of one message (a question, or an answer with its steps)."""
        meta = message.get("metadata", {})
        if message["role"] == "user":
            return [new_markdown_cell(f"## {message['content']}")]
        if message["role"] != "assistant":
            return []
        cells = []
        if meta.get("model") and meta["model"] not in parts.models:
            parts.models.append(meta["model"])
        for step in meta.get("steps", []):
            if not step.get("code"):
                # Prose of an answer that was stopped or failed before it finished.
                if (step.get("text") or "").strip():
                    cells.append(new_markdown_cell(step["text"].strip()))
                continue
            result = step.get("result") or {}
            status = result.get("status", "interrupted")
            if step.get("text", "").strip():
                cells.append(new_markdown_cell(step["text"].strip()))
            if status == "ok":
                outputs, n = self._outputs(parts.owner, parts.thread_id, result.get("outputs", []))
                parts.figures += n
                cells.append(new_code_cell(step["code"], outputs=outputs))
            else:
                error = result.get("error") or {}
                why = {"error": "failed", "timeout": "ran out of time", "died": "crashed the kernel"}.get(
                    status, "was stopped"
                )
                detail = f" ({error.get('ename')}: {error.get('evalue')})" if error.get("ename") else ""
                cells.append(
                    new_markdown_cell(
                        f"*Not run: this attempt {why}{detail}; the assistant went on from "
                        f"there.*\n\n{_fence(step['code'])}"
                    )
                )
        if message["content"].strip():
            cells.append(new_markdown_cell(message["content"]))
        return cells

    def write_notebook(
        self, owner: str, thread_id: str, notebook_name: str, write: Callable[[str], Any]
    ) -> list[tuple[Path, str]]:
        """Write the notebook as .ipynb JSON text to `write`, cell by cell, as its messages are
        read (memory stays that of one message, whatever the thread's length); returns the
        data files to place beside it. The text is what `nbformat.writes` gives."""
        parts = self._parts(owner, thread_id, notebook_name)
        write_ipynb(itertools.chain(parts.head, parts.turn_cells()), parts.metadata, write)
        return parts.files

    def write_bundle(self, owner: str, thread_id: str, out: BinaryIO) -> None:
        """Write a zip of the notebook and its data folder to `out` (which need not be seekable):
        each entry is written as it is read, so memory stays flat whatever the sizes."""
        thread = self.store.get_thread(owner, thread_id)
        name = notebook_file_name(thread["name"])
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            entry = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            # zip64 from the start: the size of a streamed entry is not known in advance.
            with archive.open(entry, "w", force_zip64=True) as notebook:
                files = self.write_notebook(owner, thread_id, name, lambda text: notebook.write(text.encode()))
            for source, relative in files:
                # Parquet is compressed already: stored as it is.
                data = zipfile.ZipInfo.from_file(source, relative)
                data.compress_type = zipfile.ZIP_STORED
                with open(source, "rb") as f, archive.open(data, "w", force_zip64=True) as dest:
                    shutil.copyfileobj(f, dest, 1 << 20)
            # The font travels with the zip: its notebook draws Korean where Vista is not installed.
            for font_file in setup_code.FONT_FILES:
                archive.write(setup_code.FONT_DIR / font_file, f"{data_folder_name(name)}/{font_file}")

    async def save(
        self, owner: str, thread_id: str, contents_manager: Any, path: str, on_conflict: str = "error"
    ) -> dict[str, Any]:
        """Save the thread as a notebook in the user's workspace, its data folder beside it.

        An existing notebook or data folder is never overwritten: `on_conflict="error"` answers
        409, `"rename"` picks a fresh name (`cars-1.ipynb`, ...).
        """
        from jupyter_core.utils import ensure_async

        cm = contents_manager
        path = path.strip().strip("/")
        if not path or path.endswith("/"):
            raise InvalidInput("path: give a notebook file name, such as analyses/cars.ipynb.")
        if not path.endswith(".ipynb"):
            path += ".ipynb"
        folder, _, name = path.rpartition("/")
        if folder and not await ensure_async(cm.dir_exists(folder)):
            raise NotFound(f"There is no folder {folder!r} in your workspace.")

        def sibling(file_name: str) -> str:
            return f"{folder}/{file_name}" if folder else file_name

        async def taken(file_name: str) -> bool:
            return bool(
                await ensure_async(cm.exists(sibling(file_name)))
                or await ensure_async(cm.exists(sibling(data_folder_name(file_name))))
            )

        if await taken(name):
            if on_conflict != "rename":
                raise Conflict(
                    f"{sibling(name)} (or its data folder) already exists. Choose another "
                    "name; Vista never overwrites a file."
                )
            stem, n = name[: -len(".ipynb")], 1
            while await taken(f"{stem}-{n}.ipynb"):
                n += 1
            name = f"{stem}-{n}.ipynb"

        notebook, files, figures = self.build(owner, thread_id, name)
        data_folder = sibling(data_folder_name(name))
        try:
            await ensure_async(cm.save({"type": "directory"}, data_folder))
            for source, relative in files:
                await _copy_into_workspace(cm, source, sibling(relative))
            await ensure_async(cm.save({"type": "notebook", "format": "json", "content": notebook}, sibling(name)))
        except BaseException:
            for leftover in (sibling(name), data_folder):
                try:
                    if await ensure_async(cm.exists(leftover)):
                        await ensure_async(cm.delete(leftover))
                except Exception:
                    pass
            raise
        return {"path": sibling(name), "data_folder": data_folder, "figures": figures, "cells": len(notebook.cells)}

    async def setup_cell(self, owner: str, thread_id: str, contents_manager: Any, notebook_path: str) -> dict[str, Any]:
        """The set-up cell for the thread's code inserted into the notebook at `notebook_path`.

        Code copied out of an analysis needs what the analysis kernel had: the imports, the font
        and the data. The thread's datasets are copied (once: an existing copy is reused) into the
        notebook's data folder, `<notebook name>_data/<variable>_<dataset id>.parquet`, and the
        cell loads them from there by a path relative to the notebook, so it runs in the
        notebook's own kernel. The dataset id in the file name keeps the datasets of two
        analyses inserted into one notebook apart.
        """
        from jupyter_core.utils import ensure_async

        cm = contents_manager
        path = notebook_path.strip().strip("/")
        if not path.endswith(".ipynb"):
            raise InvalidInput("path: give the path of a notebook (.ipynb) in your workspace.")
        if not await ensure_async(cm.file_exists(path)):
            raise NotFound(f"There is no notebook {path!r} in your workspace.")
        self.store.get_thread(owner, thread_id)
        folder, _, name = path.rpartition("/")
        data_folder = data_folder_name(name)

        def sibling(file_name: str) -> str:
            return f"{folder}/{file_name}" if folder else file_name

        datasets = self.store.list_datasets(owner, thread_id)
        loads = []
        if datasets:
            if await ensure_async(cm.file_exists(sibling(data_folder))):
                raise Conflict(
                    f"{sibling(data_folder)} is a file; Vista needs that name for the "
                    "notebook's data folder. Rename the file and insert again."
                )
            if not await ensure_async(cm.dir_exists(sibling(data_folder))):
                await ensure_async(cm.save({"type": "directory"}, sibling(data_folder)))
        for d in datasets:
            relative = f"{data_folder}/{d['var_name']}_{d['id'][:8]}.parquet"
            if not await ensure_async(cm.file_exists(sibling(relative))):
                await _copy_into_workspace(cm, self.threads_dir / thread_id / d["parquet_path"], sibling(relative))
            loads.append(self._load(thread_id, d, relative))
        return {
            "code": setup_code.notebook_setup(loads, data_folder, max_result_bytes=self.memory.max_result_bytes),
            "thread": thread_id,
            "datasets": [d["id"] for d in datasets],
            "data_folder": sibling(data_folder),
        }


async def _copy_into_workspace(cm: Any, source: Path, target: str) -> None:
    """Copy a file into the workspace at `target`, whole or not at all."""
    from jupyter_core.utils import ensure_async

    if hasattr(cm, "_get_os_path"):
        final = cm._get_os_path(target)
        partial = f"{final}.vista-partial"
        try:
            # Off the event loop: a dataset may be gigabytes.
            await asyncio.to_thread(shutil.copyfile, source, partial)
            os.replace(partial, final)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
    else:  # a contents manager without local files
        content = base64.b64encode(source.read_bytes()).decode()
        await ensure_async(cm.save({"type": "file", "format": "base64", "content": content}, target))
