"""The thread service: the API over threads that the handlers call.

It keeps the store's rows and the thread folders in step: a thread's row is written before its
folder is made, and its rows are deleted before its folder is removed, so a crash can at worst
leave an orphan folder (never a thread whose files are gone), and orphans are swept at start-up.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from .folders import ThreadFolders
from .store import Store

DEFAULT_THREAD_NAME = "Untitled analysis"


class ThreadService:
    """Create, list, read, rename and delete the threads of an owner."""

    def __init__(self, store: Store, folders: ThreadFolders, log: logging.Logger | None = None):
        self.store = store
        self.folders = folders
        self.log = log or logging.getLogger(__name__)
        #: Called with the thread id after a thread is deleted (e.g. to stop its kernel).
        self.on_deleted: list[Callable[[str], Awaitable[None]]] = []

    def startup_cleanup(self) -> None:
        """Finish removals a crash interrupted: empty the trash, sweep folders with no thread."""
        self.folders.purge_trash()
        known = self.store.all_thread_ids()
        for path in self.folders.threads_dir.iterdir():
            if path.is_dir() and path.name not in known:
                self.log.info("Vista: removing orphaned thread folder %s", path.name)
                self.folders.remove(path.name)

    def list(self, owner: str) -> list[dict[str, Any]]:
        """Every thread of the owner, newest activity first (housekeeping and tests; the API
        pages with `page`)."""
        return self.store.list_threads(owner)

    async def page(self, owner: str, limit: int, cursor: str | None
                   ) -> tuple[list[dict[str, Any]], str | None]:
        """A page of the owner's threads, newest activity first, read off the event loop."""
        return await asyncio.to_thread(self.store.thread_page, owner, limit, cursor)

    def create(self, owner: str, name: str | None = None) -> dict[str, Any]:
        """A new, empty thread with its folder."""
        thread = self.store.create_thread(owner, name or DEFAULT_THREAD_NAME)
        self.folders.create(thread["id"])
        return thread

    def get(self, owner: str, thread_id: str) -> dict[str, Any]:
        """One of the owner's threads (`NotFound` otherwise), with where to follow its events."""
        thread = self.store.get_thread(owner, thread_id)
        return {**thread, "replay_after": self.store.replay_after(thread_id, thread["running_turn"])}

    def rename(self, owner: str, thread_id: str, name: str) -> dict[str, Any]:
        """Rename one of the owner's threads."""
        return self.store.rename_thread(owner, thread_id, name)

    async def delete(self, owner: str, thread_id: str) -> None:
        """Delete one of the owner's threads: its rows, then its kernel and folder."""
        self.store.delete_thread(owner, thread_id)
        for callback in self.on_deleted:
            try:
                await callback(thread_id)
            except Exception:
                self.log.exception("Vista: clean-up after deleting thread %s failed", thread_id)
        self.folders.remove(thread_id)

    async def messages(self, owner: str, thread_id: str, *, limit: int, after: int | None = None,
                       before: int | None = None) -> str:
        """A page of a thread's messages (see `Store.message_page`) as JSON text, read and
        encoded off the event loop."""
        return await asyncio.to_thread(self.store.message_page, owner, thread_id, after=after,
                                       before=before, limit=limit, as_json=True)
