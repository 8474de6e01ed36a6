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
servers). Should another process have written meanwhile anyway (a server that took this one for
gone and closed its turn), the waiting events are renumbered after the stored ones, so the
stored log stays gap-free.

A turn ends with one transaction (`finish`, over `Store.finish_turn`): the waiting pieces, the
error, the answer, the turn's status and the `done` event are stored together and then pushed,
once. When storing fails (a full disk), the pieces keep waiting and the next piece tries again at
once, so the turn hears of it and stops; a last, small attempt to close the turn may leave the
waiting pieces out (listeners saw them; the stored log skips their numbers).

`follow` is how a listener reads a thread (the SSE endpoint, tests): the stored events after a
point, in batches read off the event loop with an `await` between them, then the live ones. One
request replays at most `max_replay` events: a listener further behind gets an `Earlier` marker
and the last `max_replay` events (the rest can be paged with `page`). Another server's events
(a turn running there, on a shared data folder) are read from the database every `poll` seconds.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import sqlite3
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import NotFound, VistaError
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
    #: The last attempt to store them failed (a full disk, say): the next piece tries at once,
    #: so a turn learns of it (and stops) instead of streaming on what cannot be kept.
    failed: bool = False


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
    poll:
        Seconds between looks in the database, while following, for events that another server
        sharing the data folder appended (its turns are followed live too, a moment late).
    """

    #: Seconds before storing again after a failed write (the disk may have been freed).
    retry_interval = 1.0

    def __init__(
        self,
        store: Store,
        *,
        flush_interval: float = 0.05,
        flush_chars: int = 4096,
        max_replay: int = 5000,
        batch: int = 200,
        poll: float = 2.0,
        log: logging.Logger | None = None,
    ):
        self.store = store
        self.flush_interval = flush_interval
        self.flush_chars = flush_chars
        self.max_replay = max_replay
        self.batch = batch
        self.poll = poll
        self.log = log or logging.getLogger(__name__)
        self._listeners: dict[str, set[asyncio.Queue]] = defaultdict(set)
        self._pending: dict[str, _Pending] = {}

    # --- writing --------------------------------------------------------------------------------

    def append(
        self, owner: str, thread_id: str, turn_id: str | None, kind: str, data: dict[str, Any]
    ) -> dict[str, Any] | None:
        """Number an event, push it to the thread's listeners and store it (streamed pieces a
        moment later, with their neighbours). `None` if the thread is gone.

        Raises the store's error (`StorageFull`...) when storing fails: at once for a change of
        state (which is then not pushed: it did not happen), and for a streamed piece when the
        previous attempt to store the waiting pieces failed too."""
        pending = self._pending.get(thread_id)
        if pending is None:
            pending = self._pending[thread_id] = _Pending(owner)
        event = {
            "seq": self._next_seq(thread_id, pending),
            "type": kind,
            "turn_id": turn_id,
            "data": data,
            "created_at": utcnow(),
        }
        pending.events.append(event)
        if kind in STREAMED:
            self._push(thread_id, event)
            pending.chars += _size(data)
            if pending.chars >= self.flush_chars or pending.failed:
                self.flush(thread_id)
            elif pending.timer is None:
                self._schedule(thread_id, pending)
            return event
        # A change of state is stored before anyone hears of it.
        try:
            stored = self.flush(thread_id)
        except BaseException:
            waiting = self._pending.get(thread_id)
            if waiting is not None and waiting.events and waiting.events[-1] is event:
                waiting.events.pop()  # the last number: no gap is left
            raise
        if not stored:
            return None
        self._push(thread_id, event)
        return event

    def _next_seq(self, thread_id: str, pending: _Pending) -> int:
        if pending.events:
            return pending.events[-1]["seq"] + 1
        # After every stored event (another server's included); events `finish` left unstored
        # on a full disk are numbered below the ones it stored.
        return self.store.last_event_seq(thread_id) + 1

    def flush(self, thread_id: str) -> bool:
        """Store the thread's waiting events now; `False` if the thread no longer exists.
        Raises the store's error (the events keep waiting for the next attempt)."""
        pending = self._pending.pop(thread_id, None)
        if pending is None or not pending.events:
            return True
        if pending.timer is not None:
            pending.timer.cancel()
            pending.timer = None
        try:
            try:
                stored = self.store.append_events(pending.owner, thread_id, pending.events)
            except sqlite3.IntegrityError:
                # Another process appended to this thread meanwhile: keep the stored log
                # gap-free (listeners saw other numbers; the stored log is what replays).
                first = self.store.last_event_seq(thread_id) + 1
                self.log.warning(
                    "Vista: events of thread %s were written by another process; renumbering %d events from %d",
                    thread_id,
                    len(pending.events),
                    first,
                )
                for offset, event in enumerate(pending.events):
                    event["seq"] = first + offset
                stored = self.store.append_events(pending.owner, thread_id, pending.events)
        except BaseException as e:
            # Keep them for the next attempt (the next piece, the timer, or the end of the turn).
            if not pending.failed:
                self.log.warning(
                    "Vista: %d events of thread %s could not be stored yet: %s", len(pending.events), thread_id, e
                )
            pending.failed = True
            current = self._pending.get(thread_id)
            if current is not None:  # appended meanwhile (cannot happen on one loop; be safe)
                pending.events += current.events
                pending.chars += current.chars
            self._pending[thread_id] = pending
            self._schedule(thread_id, pending, self.retry_interval)
            raise
        return stored

    def finish(
        self,
        thread_id: str,
        write: Callable[[list[dict[str, Any]], int], tuple[Any, list[dict[str, Any]]] | None],
        *,
        drop_waiting: bool = False,
    ) -> tuple[Any, list[dict[str, Any]]] | None:
        """Close a turn with one store write, `write(waiting, first_seq)`, and push the events it
        wrote to the listeners (once: they are not stored twice either).

        `write` stores the thread's `waiting` events (numbered, already heard by listeners)
        first, then its own events numbered from at least `first_seq`, all in one transaction
        (`Store.finish_turn`), and returns `(anything, its events)`, or `None` when there was
        nothing to close (then the waiting events are stored on their own). With
        `drop_waiting` (a last, small attempt when the disk is full) the waiting events are
        left out: listeners keep what they saw, the stored log skips their numbers. When
        `write` raises, the waiting events keep waiting.
        """
        pending = self._pending.pop(thread_id, None)
        if pending is not None and pending.timer is not None:
            pending.timer.cancel()
            pending.timer = None
        waiting = pending.events if pending is not None else []
        first = waiting[-1]["seq"] + 1 if waiting else 1
        try:
            result = write([] if drop_waiting else waiting, first)
        except BaseException:
            if pending is not None:
                current = self._pending.get(thread_id)
                if current is not None:
                    pending.events += current.events
                    pending.chars += current.chars
                self._pending[thread_id] = pending
            raise
        if result is None:
            if pending is not None and not drop_waiting:
                self._pending[thread_id] = pending
                try:
                    self.flush(thread_id)
                except Exception:
                    pass  # logged by flush; retried by its timer
            return None
        if drop_waiting and waiting:
            self.log.warning(
                "Vista: %d streamed events of thread %s were shown but could not be stored", len(waiting), thread_id
            )
        for event in result[1]:
            self._push(thread_id, event)
        return result

    def flush_all(self) -> None:
        """Store every waiting event (at shutdown)."""
        for thread_id in list(self._pending):
            try:
                self.flush(thread_id)
            except Exception:
                self.log.exception("Vista: could not store the last events of thread %s", thread_id)

    def _schedule(self, thread_id: str, pending: _Pending, delay: float | None = None) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (start-up, scripts): store at once
            if delay is None:
                self.flush(thread_id)
            return
        if pending.timer is not None:
            pending.timer.cancel()

        def later() -> None:
            pending.timer = None
            if self._pending.get(thread_id) is pending:
                try:
                    self.flush(thread_id)
                except Exception:
                    pass  # said by flush, which tries again later

        pending.timer = loop.call_later(self.flush_interval if delay is None else delay, later)

    def _push(self, thread_id: str, event: dict[str, Any]) -> None:
        for queue in self._listeners.get(thread_id, ()):
            queue.put_nowait(event)

    # --- reading --------------------------------------------------------------------------------

    def waiting(self, thread_id: str) -> list[dict[str, Any]]:
        """The thread's events that listeners have heard but that are not stored yet."""
        pending = self._pending.get(thread_id)
        return list(pending.events) if pending is not None else []

    async def page(
        self,
        owner: str,
        thread_id: str,
        *,
        after: int | None = None,
        before: int | None = None,
        limit: int = 500,
        as_json: bool = False,
    ) -> Any:
        """A page of the thread's stored events (see `Store.event_page`), read off the event
        loop. What listeners have heard is stored first, when the store takes it."""
        try:
            self.flush(thread_id)
        except VistaError:
            pass  # the page shows what is stored; the error is the writer's to report
        return await asyncio.to_thread(
            self.store.event_page, owner, thread_id, after=after, before=before, limit=limit, as_json=as_json
        )

    async def follow(
        self, owner: str, thread_id: str, after: int = 0, *, idle: float | None = None
    ) -> AsyncIterator[list[dict[str, Any]] | Earlier | Signal]:
        """The thread's events after seq `after`: stored ones, then live ones as they happen.

        Yields lists of events in seq order (no duplicate), `Earlier` first if the listener is
        more than `max_replay` events behind, `Signal.REPLAYED` once the stored events are
        sent, and `Signal.IDLE` after each `idle` seconds without events. Events another server
        appends to the thread are read from the database every `poll` seconds (and at once when
        a live event shows that some are missing). Ends when the thread is deleted (here or by
        another server). Raises `NotFound` (before yielding) for a thread that is not the
        owner's. Close it (`contextlib.aclosing`) to stop listening.
        """
        await asyncio.to_thread(self.store.check_thread, owner, thread_id)
        queue = self.subscribe(thread_id)
        # In the same tick as the subscription: every event appended before it is stored or
        # waiting here, every one after it arrives in the queue.
        waiting = self.waiting(thread_id)
        try:
            end = await asyncio.to_thread(self.store.last_event_seq, thread_id)
            end = max([end, *(e["seq"] for e in waiting)])
            last = after
            if end - after > self.max_replay:
                last = end - self.max_replay
                yield Earlier(after=after, before=last + 1)
            async for rows in self._stored(owner, thread_id, last):
                if rows is None:
                    return
                last = rows[-1]["seq"]
                yield rows
            fresh = [e for e in waiting if e["seq"] > last]
            for start in range(0, len(fresh), self.batch):
                last = fresh[start : start + self.batch][-1]["seq"]
                yield fresh[start : start + self.batch]
            yield Signal.REPLAYED
            quiet = 0.0
            while True:
                timeout = self.poll if idle is None else min(self.poll, idle)
                try:
                    event = await asyncio.wait_for(queue.get(), timeout=timeout)
                except asyncio.TimeoutError:
                    events = []  # a look in the database for another server's events
                else:
                    events = [event]
                    while not queue.empty():  # a burst goes out in one piece
                        events.append(queue.get_nowait())
                deleted = None in events
                live = [e for e in events if e is not None]
                if not live or live[0]["seq"] > last + 1:
                    # Quiet, or a gap: what another server appended is in the database.
                    async for rows in self._stored(owner, thread_id, last):
                        if rows is None:
                            return
                        last = rows[-1]["seq"]
                        quiet = 0.0
                        yield rows
                fresh = [e for e in live if e["seq"] > last]
                if fresh:
                    last = fresh[-1]["seq"]
                    quiet = 0.0
                    yield fresh
                elif not live:
                    quiet += timeout
                    if idle is not None and quiet >= idle:
                        quiet = 0.0
                        yield Signal.IDLE
                if deleted:
                    return
        finally:
            self.unsubscribe(thread_id, queue)

    async def _stored(self, owner: str, thread_id: str, after: int) -> AsyncIterator[list[dict[str, Any]] | None]:
        """The stored events after `after`, in batches read off the event loop (the `await`
        between them lets other requests run); `None` when the thread is gone."""
        while True:
            try:
                rows = await asyncio.to_thread(self.store.list_events, owner, thread_id, after=after, limit=self.batch)
            except NotFound:
                yield None
                return
            if rows:
                after = rows[-1]["seq"]
                yield rows
            if len(rows) < self.batch:
                return

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
