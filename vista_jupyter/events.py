"""The event log of threads: every step of a turn, stored in order and pushed to listeners.

Each event gets the thread's next sequence number when it is appended and is pushed to the
thread's live listeners at once. Storing is coalesced: streamed pieces (`text` from the model,
`output` chunks from the kernel) wait in memory and are written together, one transaction per
`flush_interval` seconds or `flush_chars` characters, instead of one per piece; every other
event (a step starting or ending, an error, the end of the turn) is written at once, together
with whatever waits before it. A server that dies loses at most the last `flush_interval` of
streamed text; start-up recovery rebuilds the turn from what was stored.

Sequence numbers are assigned here, from the thread's last stored event: only the server running
a thread's turn appends to that thread (one running turn per thread, enforced by the store across
servers). Should another process have written meanwhile anyway, the waiting events are
renumbered after the stored ones, so the stored log stays gap-free.

`follow` is how a listener reads a thread (the SSE endpoint, tests): the stored events after a
point, in batches read off the event loop with an `await` between them, then the live ones. One
request replays at most `max_replay` events: a listener further behind gets an `Earlier` marker
and the last `max_replay` events (the rest can be paged with `page`).
"""

from __future__ import annotations

import asyncio
import enum
import logging
import sqlite3
from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from .store import Store, utcnow

#: Event types whose storage is coalesced (streamed pieces); every other type is stored at once.
STREAMED = frozenset({"text", "output"})


class Signal(enum.Enum):
    """Markers `follow` yields between batches of events."""

    #: Every stored event has been sent; what follows is live.
    REPLAYED = "replayed"
    #: Nothing happened for `idle` seconds (time for a keep-alive).
    IDLE = "idle"


@dataclass(frozen=True)
class Earlier:
    """Events a listener was too far behind to be sent: those with `after < seq < before`.

    Page them with `EventLog.page(..., before=before)` (the REST events endpoint)."""

    after: int
    before: int

    @property
    def count(self) -> int:
        return self.before - self.after - 1

    def as_dict(self) -> dict[str, int]:
        return {"after": self.after, "before": self.before, "count": self.count}


@dataclass
class _Pending:
    """A thread's appended but not yet stored events."""

    owner: str
    events: list[dict[str, Any]] = field(default_factory=list)
    chars: int = 0
    timer: asyncio.TimerHandle | None = None


class EventLog:
    """Append, store (coalesced) and follow the events of threads.

    Parameters
    ----------
    store:
        Where events are kept.
    flush_interval:
        Longest time (seconds) a streamed event waits in memory before it is stored.
    flush_chars:
        Streamed characters after which waiting events are stored at once.
    max_replay:
        Most stored events one `follow` replays before going live.
    batch:
        Events read from the database per step of a replay.
    """

    def __init__(self, store: Store, *, flush_interval: float = 0.05, flush_chars: int = 4096,
                 max_replay: int = 5000, batch: int = 200, log: logging.Logger | None = None):
        self.store = store
        self.flush_interval = flush_interval
        self.flush_chars = flush_chars
        self.max_replay = max_replay
        self.batch = batch
        self.log = log or logging.getLogger(__name__)
        self._listeners: dict[str, set[asyncio.Queue]] = defaultdict(set)
        self._pending: dict[str, _Pending] = {}

    # --- writing --------------------------------------------------------------------------------

    def append(self, owner: str, thread_id: str, turn_id: str | None, kind: str,
               data: dict[str, Any]) -> dict[str, Any] | None:
        """Number an event, push it to the thread's listeners and store it (streamed pieces a
        moment later, with their neighbours). `None` if the thread is gone."""
        pending = self._pending.get(thread_id)
        if pending is None:
            pending = self._pending[thread_id] = _Pending(owner)
        seq = pending.events[-1]["seq"] + 1 if pending.events else self.store.last_event_seq(thread_id) + 1
        event = {"seq": seq, "type": kind, "turn_id": turn_id, "data": data, "created_at": utcnow()}
        pending.events.append(event)
        if kind in STREAMED:
            self._push(thread_id, event)
            pending.chars += _size(data)
            if pending.chars >= self.flush_chars:
                self.flush(thread_id)
            elif pending.timer is None:
                self._schedule(thread_id, pending)
            return event
        # A change of state is stored before anyone hears of it.
        if not self.flush(thread_id):
            return None
        self._push(thread_id, event)
        return event

    def flush(self, thread_id: str) -> bool:
        """Store the thread's waiting events now; `False` if the thread no longer exists."""
        pending = self._pending.pop(thread_id, None)
        if pending is None:
            return True
        if pending.timer is not None:
            pending.timer.cancel()
        try:
            try:
                return self.store.append_events(pending.owner, thread_id, pending.events)
            except sqlite3.IntegrityError:
                # Another process appended to this thread meanwhile: keep the stored log
                # gap-free (listeners saw other numbers; the stored log is what replays).
                first = self.store.last_event_seq(thread_id) + 1
                self.log.warning("Vista: events of thread %s were written by another process; "
                                 "renumbering %d events from %d", thread_id, len(pending.events),
                                 first)
                for offset, event in enumerate(pending.events):
                    event["seq"] = first + offset
                return self.store.append_events(pending.owner, thread_id, pending.events)
        except BaseException:
            # Keep them for the next attempt (the next event or timer).
            pending.timer = None
            self._pending[thread_id] = pending
            raise

    def flush_all(self) -> None:
        """Store every waiting event (at shutdown)."""
        for thread_id in list(self._pending):
            try:
                self.flush(thread_id)
            except Exception:
                self.log.exception("Vista: could not store the last events of thread %s", thread_id)

    def _schedule(self, thread_id: str, pending: _Pending) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (start-up, scripts): store at once
            self.flush(thread_id)
            return

        def later() -> None:
            pending.timer = None
            if self._pending.get(thread_id) is pending:
                try:
                    self.flush(thread_id)
                except Exception:
                    self.log.exception("Vista: storing events of thread %s failed; retrying",
                                       thread_id)
                    current = self._pending.get(thread_id)
                    if current is not None and current.timer is None:
                        self._schedule(thread_id, current)

        pending.timer = loop.call_later(self.flush_interval, later)

    def _push(self, thread_id: str, event: dict[str, Any]) -> None:
        for queue in self._listeners.get(thread_id, ()):
            queue.put_nowait(event)

    # --- reading --------------------------------------------------------------------------------

    async def page(self, owner: str, thread_id: str, *, after: int | None = None,
                   before: int | None = None, limit: int = 500, as_json: bool = False) -> Any:
        """A page of the thread's events (see `Store.event_page`), read off the event loop."""
        self.flush(thread_id)  # what listeners have seen is stored, so the page shows it too
        return await asyncio.to_thread(self.store.event_page, owner, thread_id, after=after,
                                       before=before, limit=limit, as_json=as_json)

    async def follow(self, owner: str, thread_id: str, after: int = 0, *,
                     idle: float | None = None
                     ) -> AsyncIterator[list[dict[str, Any]] | Earlier | Signal]:
        """The thread's events after seq `after`: stored ones, then live ones as they happen.

        Yields lists of events in seq order (no gap, no duplicate), `Earlier` first if the
        listener is more than `max_replay` events behind, `Signal.REPLAYED` once the stored
        events are sent, and `Signal.IDLE` after each `idle` seconds without events. Ends when
        the thread is deleted. Raises `NotFound` (before yielding) for a thread that is not the
        owner's. Close it (`contextlib.aclosing`) to stop listening.
        """
        await asyncio.to_thread(self.store.check_thread, owner, thread_id)
        queue = self.subscribe(thread_id)
        try:
            # Everything appended before the subscription is stored now (same tick: nothing can
            # slip between), everything after it arrives in the queue.
            self.flush(thread_id)
            end = await asyncio.to_thread(self.store.last_event_seq, thread_id)
            last = after
            if end - after > self.max_replay:
                last = end - self.max_replay
                yield Earlier(after=after, before=last + 1)
            while True:
                rows = await asyncio.to_thread(self.store.list_events, owner, thread_id,
                                               after=last, limit=self.batch)
                if rows:
                    last = rows[-1]["seq"]
                    yield rows
                if len(rows) < self.batch:
                    break
            yield Signal.REPLAYED
            while True:
                try:
                    event = await asyncio.wait_for(queue.get(), timeout=idle)
                except asyncio.TimeoutError:
                    yield Signal.IDLE
                    continue
                events = [event]
                while not queue.empty():  # a burst goes out in one piece
                    events.append(queue.get_nowait())
                deleted = None in events
                fresh = [e for e in events if e is not None and e["seq"] > last]
                if fresh:
                    last = fresh[-1]["seq"]
                    yield fresh
                if deleted:
                    return
        finally:
            self.unsubscribe(thread_id, queue)

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
        """The thread is gone: forget its waiting events and tell its listeners (`None`)."""
        pending = self._pending.pop(thread_id, None)
        if pending is not None and pending.timer is not None:
            pending.timer.cancel()
        for queue in self._listeners.pop(thread_id, set()):
            queue.put_nowait(None)


def _size(data: dict[str, Any]) -> int:
    """Characters a streamed event carries (what the `flush_chars` threshold counts)."""
    if "delta" in data:
        return len(data["delta"])
    output = data.get("output") or {}
    text = output.get("text", "")
    return len(text) if isinstance(text, str) else 256
