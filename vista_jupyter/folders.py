"""Where each thread's files live on disk.

Every thread has one folder, `<threads_dir>/<thread id>/`, holding its uploads, Parquet copies and
figures. Thread ids are random hex strings made by the store, and `path_for` refuses anything else,
so no request can name a folder outside `threads_dir`.

Removal is two-step so that a crash never leaves a half-deleted thread visible: the folder is
first renamed into `<data_dir>/trash/` (atomic on one filesystem) and then deleted; whatever a
crash left in the trash is purged the next time the server starts. Nothing else is ever deleted
on the strength of the database *not* knowing a folder: a folder is removed only when Vista
marked it (pending creation or deletion, see `Store.mark_pending`) or moved it to the trash.
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
#: The only paths pending marks may name: a thread's folder, or one of its dataset folders.
_MARKED = re.compile(r"threads/([0-9a-f]{32})(?:/datasets/([0-9a-f]{32}))?")

log = logging.getLogger(__name__)


def is_thread_id(value: str) -> bool:
    """Whether `value` has the shape of a thread id (anything else names no folder)."""
    return bool(_ID.match(value))


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

    def relative(self, path: Path) -> str:
        """`path` relative to the data folder, as stored in pending marks."""
        return path.relative_to(self.data_dir).as_posix()

    def remove(self, thread_id: str) -> None:
        """Remove a thread's folder and everything in it (no error if it does not exist)."""
        self.discard(self.path_for(thread_id))

    def discard(self, path: Path) -> None:
        """Remove a folder of Vista's (a thread's or a dataset's) via the trash."""
        target = self.trash_dir / f"{path.name}-{uuid.uuid4().hex[:8]}"
        try:
            os.replace(path, target)
        except FileNotFoundError:
            return
        shutil.rmtree(target, ignore_errors=True)

    def marked(self, relative: str) -> tuple[str, str | None] | None:
        """(thread id, dataset id or None) of a pending mark's path; `None` for any other path,
        which is never deleted."""
        match = _MARKED.fullmatch(relative)
        return (match.group(1), match.group(2)) if match else None

    def unknown_folders(self, known: set[str]) -> list[str]:
        """Thread folders whose id is not in `known` (never deleted: only reported)."""
        return sorted(
            p.name for p in self.threads_dir.iterdir() if p.is_dir() and _ID.match(p.name) and p.name not in known
        )

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
        raise InvalidInput("The file name contains a path separator ('/' or '\\'); give the name of the file only.")
    if name in (".", "..") or set(name) == {"."}:
        raise InvalidInput("The file name cannot be only dots.")
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in name):
        raise InvalidInput("The file name contains control characters.")
    if any(c in _BIDI for c in name):
        raise InvalidInput("The file name contains text-direction override characters.")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise InvalidInput(f"The file name is too long (at most {MAX_NAME_BYTES} bytes in UTF-8).")
    return name


def tidy_file_name(name: str) -> str:
    """A name safe to store, show and send in a header, made from any file's name (a workspace
    file may be called anything its file system allows, newlines included): control and
    text-direction characters become '_', the result is NFC and at most `MAX_NAME_BYTES`."""
    name = unicodedata.normalize("NFC", name)
    name = "".join("_" if unicodedata.category(c) in ("Cc", "Cs") or c in _BIDI else c for c in name)
    name = name.strip() or "data"
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, ext = name.rpartition(".")
        name = f"{stem[:-1]}.{ext}" if dot and stem and len(ext) < 16 else name[:-1]
    return name
