"""Artifacts: the files an analysis produced (figures), saved in the thread's folder and served
to the thread's owner only.

The executor hands each figure a kernel displayed to `save_figure`; the REST layer asks `file`
for one to serve. A figure is a file under the thread's `figures/` folder, written whole (to a
temporary name, then renamed: a reader never sees half a figure), and a row in the store that
names its owner and thread: `file` looks the row up by owner first, so another user's figure
answers `NotFound` exactly like an unknown one.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from .errors import NotFound
from .folders import ThreadFolders
from .store import Store, new_id

#: The image types saved as figures, and their files' suffixes (a display with several saves the
#: first of these it holds).
FIGURE_TYPES = {"image/png": ".png", "image/svg+xml": ".svg", "image/jpeg": ".jpg"}


class Artifacts:
    """Saves and finds the figures of users' threads. See the module docstring."""

    def __init__(self, store: Store, folders: ThreadFolders):
        self.store = store
        self.folders = folders

    def save_figure(self, owner: str, thread_id: str, mime: str, payload: str) -> dict[str, Any]:
        """Save one figure as a kernel sent it (base64, or SVG text) and record it; its record."""
        suffix = FIGURE_TYPES[mime]
        folder = self.folders.path_for(thread_id) / "figures"
        folder.mkdir(mode=0o700, exist_ok=True)
        artifact_id = new_id()
        raw = payload.encode("utf-8") if mime == "image/svg+xml" else base64.b64decode(payload)
        path = folder / f"{artifact_id}{suffix}"
        tmp = path.with_suffix(suffix + ".tmp")
        tmp.write_bytes(raw)
        tmp.replace(path)
        return self.store.add_artifact(
            owner,
            thread_id,
            artifact_id,
            "figure",
            str(Path("figures") / path.name),
            mime,
        )

    def file(self, owner: str, thread_id: str, artifact_id: str) -> tuple[Path, str]:
        """The file and MIME type of one of the owner's artifacts (`NotFound` for anyone else's)."""
        artifact = self.store.get_artifact(owner, thread_id, artifact_id)
        path = self.folders.path_for(thread_id) / artifact["path"]
        if not path.is_file():
            raise NotFound("This figure's file is missing.")
        return path, artifact["mime_type"]
