"""The change feed of each user's threads: which threads changed, as it happens.

The sidebar reads its list of analyses a page at a time and then keeps it current with this feed
instead of reading the list again every few seconds: a thread created, renamed, asked, answered
(its turn started or ended), given a dataset or deleted reaches every open list of its owner at
once, whichever browser tab or device did it, and the list never re-reads what did not change.

Two sources, so that nothing is missed and nothing costs more than the change:

- this server's own writes: the store calls `notify` after each committed change of a thread
  (`Store.on_change`), which wakes the owner's listeners at once;
- other servers sharing the data folder: every `poll` seconds a listener reads the owner's
  threads updated since the newest change it has seen, one range of the (owner, updated_at, id)
  index (every change of a thread moves its `updated_at`). Deletions made by another server are
  not seen this way (the row is gone): such a thread stays listed until the list is read again.

A listener is told when it is subscribed (`Signal.REPLAYED`): a client reads the first page of
its list then, so that a change made between its reading and its subscribing is not lost.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

from .errors import NotFound
from .events import Signal
from .store import Store


class ThreadChanges:
    """Notify and follow the changes of users' threads.

    Parameters
    ----------
    store:
        Where threads are read.
    poll:
        Seconds between looks in the database for changes made by another server.
    """

    def __init__(self, store: Store, *, poll: float = 5.0, log: logging.Logger | None = None):
        self.store = store
        self.poll = poll
        self.log = log or logging.getLogger(__name__)
        self._listeners: dict[str, set[asyncio.Queue]] = defaultdict(set)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None

    def notify(self, owner: str, thread_id: str) -> None:
        """A thread of `owner` changed or was deleted. Callable from any thread: the store
        calls it after committing, possibly from a worker thread."""
        if not self._listeners.get(owner) or self._loop is None:
            return
        if threading.get_ident() == self._loop_thread:
            self._deliver(owner, thread_id)
        else:
            try:
                self._loop.call_soon_threadsafe(self._deliver, owner, thread_id)
            except RuntimeError:  # the loop is closed (the server stops)
                pass

    def _deliver(self, owner: str, thread_id: str) -> None:
        for queue in list(self._listeners.get(owner, ())):
            queue.put_nowait(thread_id)

    async def follow(self, owner: str, *, idle: float | None = None) -> AsyncIterator[list[dict[str, Any]] | Signal]:
        """The owner's thread changes from now on: `Signal.REPLAYED` once subscribed, then
        lists of changes, each `{"thread": <thread as listed>}` or `{"deleted": <id>}`, and
        `Signal.IDLE` after each `idle` seconds without any. Close it to stop listening."""
        self._loop = asyncio.get_running_loop()
        self._loop_thread = threading.get_ident()
        queue: asyncio.Queue = asyncio.Queue()
        self._listeners[owner].add(queue)
        try:
            # Changes after the newest one stored now are news (subscribed first: none is lost).
            since = await asyncio.to_thread(self.store.latest_update, owner)
            yield Signal.REPLAYED
            quiet = 0.0
            while True:
                timeout = self.poll if idle is None else min(self.poll, idle)
                try:
                    first = await asyncio.wait_for(queue.get(), timeout=timeout)
                except asyncio.TimeoutError:
                    changes = await asyncio.to_thread(self.store.threads_updated_since, owner, since)
                    items = [{"thread": t} for t in changes]
                else:
                    noted = [first]
                    while not queue.empty():  # a burst (many changes at once) is read once
                        noted.append(queue.get_nowait())
                    items = await asyncio.to_thread(self._read, owner, noted)
                for item in items:
                    if "thread" in item:
                        since = max(since, item["thread"]["updated_at"])
                if items:
                    quiet = 0.0
                    yield items
                elif idle is not None:
                    quiet += timeout
                    if quiet >= idle:
                        quiet = 0.0
                        yield Signal.IDLE
        finally:
            listeners = self._listeners.get(owner)
            if listeners is not None:
                listeners.discard(queue)
                if not listeners:
                    del self._listeners[owner]

    def _read(self, owner: str, noted: list[str]) -> list[dict[str, Any]]:
        """The threads noted as changed, as they are now (in a worker thread)."""
        items = []
        for thread_id in dict.fromkeys(noted):
            try:
                items.append({"thread": self.store.get_thread(owner, thread_id)})
            except NotFound:
                items.append({"deleted": thread_id})
        return items
