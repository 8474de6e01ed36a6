"""Where each thread's files live on disk.

Every thread has one folder, `<threads_dir>/<thread id>/`, holding its uploads, Parquet copies and
figures. Thread ids are random hex strings made by the store, and `path_for` refuses anything else,
so no request can name a folder outside `threads_dir`.

Removal is two-step so that a crash never leaves a half-deleted thread visible: the folder is
first renamed into `<data_dir>/trash/` (atomic on one filesystem) and then deleted; whatever a
crash left in the trash is purged the next time the server starts.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import uuid
from pathlib import Path

_ID = re.compile(r"^[0-9a-f]{32}$")

log = logging.getLogger(__name__)


class ThreadFolders:
    """Creates, finds and removes thread folders under one data directory."""

    def __init__(self, data_dir: str | Path):
        self.data_dir = Path(data_dir)
        self.threads_dir = self.data_dir / "threads"
        self.trash_dir = self.data_dir / "trash"
        for folder in (self.data_dir, self.threads_dir, self.trash_dir):
            # Private to the user: other local accounts must not read uploads or figures.
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)

    def path_for(self, thread_id: str) -> Path:
        """The folder of a thread (it may not exist yet)."""
        if not _ID.match(thread_id):
            raise ValueError(f"not a thread id: {thread_id!r}")
        return self.threads_dir / thread_id

    def create(self, thread_id: str) -> Path:
        """Create a thread's folder and return it."""
        path = self.path_for(thread_id)
        path.mkdir(mode=0o700, exist_ok=True)
        return path

    def remove(self, thread_id: str) -> None:
        """Remove a thread's folder and everything in it (no error if it does not exist)."""
        path = self.path_for(thread_id)
        target = self.trash_dir / f"{thread_id}-{uuid.uuid4().hex[:8]}"
        try:
            os.replace(path, target)
        except FileNotFoundError:
            return
        shutil.rmtree(target, ignore_errors=True)

    def purge_trash(self) -> None:
        """Delete what an interrupted removal left behind."""
        for entry in self.trash_dir.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
