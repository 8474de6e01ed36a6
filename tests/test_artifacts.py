"""The artifacts service on its own: figures saved whole into their thread's folder, and found
only by their owner (a real SQLite store and real folders; serving over HTTP is covered in
`test_kernels.py`)."""

from __future__ import annotations

import base64

import pytest

from vista_jupyter.artifacts import Artifacts
from vista_jupyter.errors import NotFound
from vista_jupyter.folders import ThreadFolders
from vista_jupyter.store import Store

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>가나다</text></svg>'


@pytest.fixture
def service(tmp_path):
    store = Store(tmp_path / "vista.sqlite3")
    folders = ThreadFolders(tmp_path / "vista")
    return Artifacts(store, folders), store, folders


def new_thread(store: Store, folders: ThreadFolders, owner: str) -> str:
    thread = store.create_thread(owner, "figures")
    folders.create(thread["id"])
    return thread["id"]


def test_figures_are_saved_whole_and_found_by_their_owner(service):
    artifacts, store, folders = service
    tid = new_thread(store, folders, "alice")
    png = artifacts.save_figure("alice", tid, "image/png", base64.b64encode(PNG).decode())
    svg = artifacts.save_figure("alice", tid, "image/svg+xml", SVG)

    path, mime = artifacts.file("alice", tid, png["id"])
    assert (mime, path.read_bytes(), path.suffix) == ("image/png", PNG, ".png")
    path, mime = artifacts.file("alice", tid, svg["id"])
    assert (mime, path.read_text("utf-8"), path.suffix) == ("image/svg+xml", SVG, ".svg")
    # in the thread's own figures folder, nothing half-written left beside them
    figures = folders.path_for(tid) / "figures"
    assert sorted(p.name for p in figures.iterdir()) == sorted([f"{png['id']}.png", f"{svg['id']}.svg"])


def test_another_users_or_threads_figure_is_not_found(service):
    artifacts, store, folders = service
    tid = new_thread(store, folders, "alice")
    other = new_thread(store, folders, "alice")
    saved = artifacts.save_figure("alice", tid, "image/png", base64.b64encode(PNG).decode())
    with pytest.raises(NotFound) as strangers:
        artifacts.file("bob", tid, saved["id"])
    with pytest.raises(NotFound) as unknown:
        artifacts.file("alice", tid, "no-such-figure")
    assert strangers.value.message == unknown.value.message  # a stranger learns nothing more
    with pytest.raises(NotFound):
        artifacts.file("alice", other, saved["id"])


def test_a_figure_whose_file_is_gone_is_not_found_rather_than_an_error(service):
    artifacts, store, folders = service
    tid = new_thread(store, folders, "alice")
    saved = artifacts.save_figure("alice", tid, "image/png", base64.b64encode(PNG).decode())
    path, _ = artifacts.file("alice", tid, saved["id"])
    path.unlink()
    with pytest.raises(NotFound, match="missing"):
        artifacts.file("alice", tid, saved["id"])
