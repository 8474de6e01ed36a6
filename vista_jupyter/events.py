"""The event log of threads: every step of a turn, stored in order and pushed to listeners.

Each event is appended to the store with the thread's next sequence number *before* it is pushed
to the listeners, so a client that replays "events after N" from the database and then follows
the live queue never misses one and can drop duplicates by `seq`.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

from .store import Store


class EventLog:
    """Append and follow the events of threads."""

    def __init__(self, store: Store):
        self.store = store
        self._listeners: dict[str, set[asyncio.Queue]] = defaultdict(set)

    def append(self, owner: str, thread_id: str, turn_id: str | None, kind: str,
               data: dict[str, Any]) -> dict[str, Any] | None:
        """Store an event and push it to the thread's listeners (`None` if the thread is gone)."""
        event = self.store.append_event(owner, thread_id, turn_id, kind, data)
        if event is not None:
            self.publish(thread_id, event)
        return event

    def publish(self, thread_id: str, event: dict[str, Any]) -> None:
        """Push an event already stored (e.g. by `Store.finish_turn`) to the thread's listeners."""
        for queue in self._listeners.get(thread_id, ()):
            queue.put_nowait(event)

    def subscribe(self, thread_id: str) -> asyncio.Queue:
        """A queue receiving the thread's events from now on; `unsubscribe` it when done."""
        queue: asyncio.Queue = asyncio.Queue()
        self._listeners[thread_id].add(queue)
        return queue

    def unsubscribe(self, thread_id: str, queue: asyncio.Queue) -> None:
        listeners = self._listeners.get(thread_id)
        if listeners is not None:
            listeners.discard(queue)
            if not listeners:
                del self._listeners[thread_id]

    def close_thread(self, thread_id: str) -> None:
        """Tell the thread's listeners that it is gone (they receive `None`)."""
        for queue in self._listeners.pop(thread_id, set()):
            queue.put_nowait(None)
