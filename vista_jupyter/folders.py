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
import unicodedata
import uuid
from pathlib import Path

from .errors import InvalidInput

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


# Characters that make a name lie about itself when displayed (bidirectional overrides and
# isolates) or that file systems treat specially.
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
MAX_NAME_BYTES = 255


def safe_file_name(name: str) -> str:
    """Check a user-given file name (as uploaded) and return it NFC-normalised.

    Plain names in any script are fine ("매출 2024.csv"); anything that could escape a folder,
    hide its real extension or break a file system is refused with a message naming the problem.
    """
    if name is None or not name.strip():
        raise InvalidInput("The file name is empty.")
    name = unicodedata.normalize("NFC", name.strip())
    if "\x00" in name:
        raise InvalidInput("The file name contains a NUL character.")
    if "/" in name or "\\" in name:
        raise InvalidInput(
            "The file name contains a path separator ('/' or '\\'); give the name of the file only."
        )
    if name in (".", "..") or set(name) == {"."}:
        raise InvalidInput("The file name cannot be only dots.")
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in name):
        raise InvalidInput("The file name contains control characters.")
    if any(c in _BIDI for c in name):
        raise InvalidInput("The file name contains text-direction override characters.")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise InvalidInput(f"The file name is too long (at most {MAX_NAME_BYTES} bytes in UTF-8).")
    return name
