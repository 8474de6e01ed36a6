"""The thread service: the API over threads that the handlers call.

It keeps the store's rows and the thread folders in step: a thread's row is written before its
folder is made, and its rows are deleted before its folder is removed, so a crash can at worst
leave an orphan folder, never a thread whose files are gone. Deleting marks the folder pending
deletion in the same transaction as the rows, so recovery finishes what a crash interrupted.

Recovery deletes only folders Vista itself marked (pending creation or deletion) whose server is
gone, and only when the database has no row for them. A folder the database simply does not
know is never deleted: the database may have been moved, replaced or pointed elsewhere
(`db_path`), and deleting would lose every original, Parquet copy and figure. Such folders are
reported in the log and kept.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from .errors import NotFound, VistaError, disk_error
from .folders import ThreadFolders, is_thread_id
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
        """At start-up: empty the trash, finish what gone servers left marked, and report (never
        delete) thread folders the database does not know."""
        self.folders.purge_trash()
        self.recover()
        known = self.store.all_thread_ids()
        pending = {self.folders.marked(m["path"]) for m in self.store.orphaned_pending()}
        unknown = [name for name in self.folders.unknown_folders(known) if (name, None) not in pending]
        if unknown and not known:
            self.log.warning(
                "Vista: the database %s holds no threads, but %s holds %d thread folders. The "
                "database may have been moved, replaced or configured elsewhere (db_path). The "
                "folders are kept: put the original database back to see them again.",
                self.store.path,
                self.folders.threads_dir,
                len(unknown),
            )
        elif unknown:
            self.log.warning(
                "Vista: %d folders in %s belong to no thread of the database %s; they are kept "
                "(Vista deletes only what it marked for deletion): %s",
                len(unknown),
                self.folders.threads_dir,
                self.store.path,
                ", ".join(unknown[:10]),
            )

    def recover(self, gone: Sequence[str] = ()) -> int:
        """Finish the creations and deletions that servers now gone left marked: a marked
        folder is removed only if the database has no row for it; how many marks were done."""
        done = 0
        for mark in self.store.orphaned_pending(gone):
            if mark["instance_id"] == self.store.instance_id:
                continue  # our own work in progress
            target = self.folders.marked(mark["path"])
            if target is not None:
                thread_id, dataset_id = target
                if dataset_id is None and not self.store.thread_exists(thread_id):
                    self.log.info("Vista: finishing the removal of thread folder %s", thread_id)
                    self.folders.remove(thread_id)
                elif dataset_id is not None and not self.store.dataset_exists(dataset_id):
                    self.log.info("Vista: removing the unfinished dataset folder %s", mark["path"])
                    self.folders.discard(self.folders.data_dir / mark["path"])
            self.store.clear_pending(mark["path"])
            done += 1
        return done

    def list(self, owner: str) -> list[dict[str, Any]]:
        """Every thread of the owner, newest activity first (housekeeping and tests; the API
        pages with `page`)."""
        return self.store.list_threads(owner)

    async def page(self, owner: str, limit: int, cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
        """A page of the owner's threads, newest activity first, read off the event loop."""
        return await asyncio.to_thread(self.store.thread_page, owner, limit, cursor)

    def create(self, owner: str, name: str | None = None) -> dict[str, Any]:
        """A new, empty thread with its folder."""
        thread = self.store.create_thread(owner, name or DEFAULT_THREAD_NAME)
        try:
            self.folders.create(thread["id"])
        except OSError as e:  # the row stands; the folder is made again when first needed
            raise disk_error(e, "The analysis folder") from None
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
        if not is_thread_id(thread_id):
            raise NotFound("No such thread. It may have been deleted.")
        folder = self.folders.relative(self.folders.path_for(thread_id))
        self.store.delete_thread(owner, thread_id, folder=folder)
        for callback in self.on_deleted:
            try:
                await callback(thread_id)
            except Exception:
                self.log.exception("Vista: clean-up after deleting thread %s failed", thread_id)
        self.folders.remove(thread_id)
        try:
            self.store.clear_pending(folder)
        except VistaError as e:  # the mark stays; recovery finds the folder already gone
            self.log.warning("Vista: could not clear the deletion mark of %s: %s", thread_id, e)

    async def messages(
        self, owner: str, thread_id: str, *, limit: int, after: int | None = None, before: int | None = None
    ) -> str:
        """A page of a thread's messages (see `Store.message_page`) as JSON text, read and
        encoded off the event loop."""
        return await asyncio.to_thread(
            self.store.message_page, owner, thread_id, after=after, before=before, limit=limit, as_json=True
        )
