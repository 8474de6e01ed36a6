"""The event log against a real SQLite file: numbering, coalesced storage, follow (replay in
batches, the replay cap, then live) and deletion."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3

import pytest
from conftest import CountingStore

from vista_jupyter.errors import NotFound
from vista_jupyter.events import Earlier, EventLog, Signal
from vista_jupyter.store import Store

pytestmark = pytest.mark.timeout(60)


class WriteCountingStore(CountingStore):
    """Counts the transactions that store events."""

    writes = 0

    def append_events(self, owner, thread_id, events):
        self.writes += 1
        return super().append_events(owner, thread_id, events)


@pytest.fixture
def store(tmp_path):
    store = WriteCountingStore(tmp_path / "vista.sqlite3")
    yield store
    store.close()


@pytest.fixture
def thread(store):
    return store.create_thread("ann", "events")["id"]


def stored(store: Store, thread_id: str) -> list[dict]:
    return store.list_events("ann", thread_id, limit=100_000)


async def until(condition, timeout: float = 20) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


async def collect(follow, stop) -> list:
    """Items of a follow() until `stop(item)` is true (that item included)."""
    items = []
    async for item in follow:
        items.append(item)
        if stop(item):
            return items
    return items


def seqs(items) -> list[int]:
    return [e["seq"] for item in items if isinstance(item, list) for e in item]


async def test_streamed_pieces_reach_listeners_at_once_and_are_stored_together(store, thread):
    log = EventLog(store, flush_interval=0.05, flush_chars=10_000)
    queue = log.subscribe(thread)
    writes = store.writes

    # When a model streams 200 pieces of text in a burst
    for i in range(200):
        log.append("ann", thread, "t1", "text", {"step": 0, "delta": f"w{i} "})

    # Then the listener has every one already, numbered 1..200, before anything is stored
    assert [queue.get_nowait()["seq"] for _ in range(200)] == list(range(1, 201))
    assert stored(store, thread) == [] and store.writes == writes
    # and they are stored in one write a moment later
    await until(lambda: len(stored(store, thread)) == 200)
    assert store.writes == writes + 1

    # A change of state is stored at once, with whatever waits before it, then heard
    log.append("ann", thread, "t1", "text", {"step": 0, "delta": "last"})
    log.append("ann", thread, "t1", "step_done", {"step": 0, "status": "ok"})
    assert [e["type"] for e in stored(store, thread)[-2:]] == ["text", "step_done"]
    assert store.writes == writes + 2
    assert [e["seq"] for e in stored(store, thread)] == list(range(1, 203))
    text = "".join(e["data"]["delta"] for e in stored(store, thread) if e["type"] == "text")
    assert text == "".join(f"w{i} " for i in range(200)) + "last"


async def test_many_characters_are_stored_without_waiting_for_the_timer(store, thread):
    log = EventLog(store, flush_interval=3600, flush_chars=100)
    for _ in range(10):
        log.append(
            "ann",
            thread,
            "t1",
            "output",
            {"step": 0, "output": {"output_type": "stream", "name": "stdout", "text": "x" * 30}},
        )
    # 4 pieces reach 120 characters: stored twice (after the 4th and the 8th)
    assert len(stored(store, thread)) == 8
    log.flush_all()
    assert len(stored(store, thread)) == 10


async def test_follow_replays_stored_and_waiting_events_then_live_without_gap(store, thread):
    log = EventLog(store, flush_interval=3600, batch=7)
    for i in range(30):
        log.append("ann", thread, "t1", "code" if i % 10 == 0 else "text", {"delta": str(i)})
    # Some are stored (up to the last state change), the newest still wait in memory
    assert len(stored(store, thread)) == 21

    follow = log.follow("ann", thread, after=4, idle=30)
    async with contextlib.aclosing(follow):
        replay = await collect(follow, lambda item: item is Signal.REPLAYED)
        assert all(len(batch) <= 7 for batch in replay if isinstance(batch, list))
        for i in range(30, 35):
            log.append("ann", thread, "t1", "text", {"delta": str(i)})
        live = await collect(follow, lambda item: seqs([item])[-1:] == [35])
    assert seqs(replay) == list(range(5, 31))
    assert seqs(live) == list(range(31, 36))


async def test_a_replay_lets_other_work_run_between_its_batches(store, thread):
    log = EventLog(store, batch=50)
    store.append_events(
        "ann",
        thread,
        [{"seq": i, "type": "text", "turn_id": "t", "data": {"delta": "x"}, "created_at": "x"} for i in range(1, 1001)],
    )
    ticks = 0

    async def other_work():
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    worker = asyncio.ensure_future(other_work())
    marks = []
    follow = log.follow("ann", thread, after=0)
    async with contextlib.aclosing(follow):
        async for item in follow:
            if item is Signal.REPLAYED:
                break
            marks.append(ticks)
    worker.cancel()
    # 20 batches, and the other task ran between every two of them
    assert len(marks) == 20
    assert all(b > a for a, b in zip(marks, marks[1:]))


async def test_a_listener_far_behind_gets_the_tail_and_an_earlier_marker(store, thread):
    log = EventLog(store, max_replay=50, batch=20)
    store.append_events(
        "ann",
        thread,
        [{"seq": i, "type": "text", "turn_id": "t", "data": {"delta": "x"}, "created_at": "x"} for i in range(1, 301)],
    )
    follow = log.follow("ann", thread, after=10)
    async with contextlib.aclosing(follow):
        items = await collect(follow, lambda item: item is Signal.REPLAYED)
    assert items[0] == Earlier(after=10, before=251)
    assert items[0].as_dict() == {"after": 10, "before": 251, "count": 240}
    assert seqs(items) == list(range(251, 301))
    # What was left out can be paged, newest first
    page = await log.page("ann", thread, before=251, limit=100)
    assert [e["seq"] for e in page["events"]] == list(range(151, 251))
    assert page["prev_before"] == 151 and page["next_after"] == 250
    # A listener within the cap gets everything after its point
    follow = log.follow("ann", thread, after=260)
    async with contextlib.aclosing(follow):
        items = await collect(follow, lambda item: item is Signal.REPLAYED)
    assert not any(isinstance(item, Earlier) for item in items)
    assert seqs(items) == list(range(261, 301))


async def test_follow_ends_when_the_thread_is_deleted_and_waiting_events_are_dropped(store, thread):
    log = EventLog(store, flush_interval=3600)
    follow = log.follow("ann", thread, after=0, idle=30)
    async with contextlib.aclosing(follow):
        await collect(follow, lambda item: item is Signal.REPLAYED)
        log.append("ann", thread, "t1", "text", {"delta": "soon gone"})
        store.delete_thread("ann", thread)
        log.close_thread(thread)
        rest = await asyncio.wait_for(collect(follow, lambda item: False), 10)
    assert seqs(rest) == [1]
    log.flush_all()
    assert store._rows("SELECT COUNT(*) AS n FROM events")[0]["n"] == 0
    # Appending to a deleted thread stores nothing and says so
    assert log.append("ann", thread, "t1", "done", {}) is None


async def test_follow_is_only_for_the_owner(store, thread):
    log = EventLog(store)
    with pytest.raises(NotFound):
        async with contextlib.aclosing(log.follow("bob", thread)) as follow:
            await follow.__anext__()


async def test_follow_says_when_it_is_idle(store, thread):
    log = EventLog(store)
    follow = log.follow("ann", thread, idle=0.05)
    async with contextlib.aclosing(follow):
        items = await collect(follow, lambda item: item is Signal.IDLE)
    assert items == [Signal.REPLAYED, Signal.IDLE]


async def test_events_written_meanwhile_by_another_process_are_not_overwritten(store, thread, tmp_path):
    log = EventLog(store, flush_interval=3600)
    log.append("ann", thread, "t1", "text", {"delta": "a"})  # waits in memory as seq 1
    other = Store(tmp_path / "vista.sqlite3")  # another server on the same file
    EventLog(other).append("ann", thread, None, "notice", {"from": "elsewhere"})
    log.append("ann", thread, "t1", "done", {})
    events = stored(store, thread)
    assert [e["seq"] for e in events] == [1, 2, 3]
    assert [e["type"] for e in events] == ["notice", "text", "done"]
    other.close()


# --- with issue 15's rules: one closing transaction, other servers, a full disk ------------------


def _start_turn(store: Store, thread: str, turn: str = "t1") -> None:
    store.start_turn("ann", thread, turn, "m", "question?")


def _finish(store: Store, thread: str, turn: str = "t1", **kw):
    def write(waiting, first):
        return store.finish_turn(
            "ann", thread, turn, "done", "the answer", {}, {}, pending=waiting, first_seq=first, **kw
        )

    return write


async def test_a_turn_ends_with_its_waiting_pieces_in_one_transaction_heard_once(store, thread):
    # Given a turn whose last streamed pieces still wait in memory
    log = EventLog(store, flush_interval=3600)
    _start_turn(store, thread)
    log.append("ann", thread, "t1", "turn_started", {})
    for i in range(5):
        log.append("ann", thread, "t1", "text", {"step": 0, "delta": f"w{i}"})
    assert len(stored(store, thread)) == 1
    queue = log.subscribe(thread)
    writes = store.writes

    # When the turn is closed
    message, events = log.finish(thread, _finish(store, thread, error="it broke"))

    # Then the pieces, the error and the done event are stored together, numbered on, no gap
    assert store.writes == writes  # not a separate write of the pieces
    assert [(e["seq"], e["type"]) for e in stored(store, thread)] == [
        (1, "turn_started"),
        *((i, "text") for i in range(2, 7)),
        (7, "error"),
        (8, "done"),
    ]
    # and the listener hears the error and the end once each (it had the pieces already)
    heard = [queue.get_nowait() for _ in range(queue.qsize())]
    assert [(e["seq"], e["type"]) for e in heard] == [(7, "error"), (8, "done")]
    assert events == heard and message["content"] == "the answer"
    # A second close (another server's recovery, late) writes and pushes nothing
    assert log.finish(thread, _finish(store, thread)) is None
    assert queue.empty() and len(stored(store, thread)) == 8


async def test_a_turn_closed_meanwhile_by_another_server_keeps_its_pieces(store, thread, tmp_path):
    # Given a turn running here whose pieces wait, closed meanwhile by another server
    log = EventLog(store, flush_interval=3600)
    _start_turn(store, thread)
    log.append("ann", thread, "t1", "text", {"step": 0, "delta": "late"})
    other = Store(tmp_path / "vista.sqlite3")
    assert other.finish_turn("ann", thread, "t1", "interrupted", "", {}, {}) is not None
    # When this server closes it too, nothing is closed twice, and the pieces are stored after
    # the other server's events (never over them)
    assert log.finish(thread, _finish(store, thread)) is None
    events = stored(store, thread)
    assert [(e["seq"], e["type"]) for e in events] == [(1, "done"), (2, "text")]
    assert store.get_turn("ann", thread, "t1")["status"] == "interrupted"
    other.close()


async def test_follow_picks_up_what_another_server_appends(store, thread, tmp_path):
    # Given a listener on this server, following live
    log = EventLog(store, poll=0.05)
    other_store = Store(tmp_path / "vista.sqlite3")
    other = EventLog(other_store)  # another server on the same data folder, running the turn
    follow = log.follow("ann", thread, after=0, idle=30)
    async with contextlib.aclosing(follow):
        await collect(follow, lambda item: item is Signal.REPLAYED)
        # When the other server's turn appends events (and ends with one transaction)
        _start_turn(other_store, thread)
        other.append("ann", thread, "t1", "turn_started", {})
        for i in range(3):
            other.append("ann", thread, "t1", "text", {"step": 0, "delta": f"w{i}"})
        other.finish(thread, _finish(other_store, thread))
        # Then the listener here gets every one, in order, within a poll or two
        items = await asyncio.wait_for(collect(follow, lambda item: seqs([item])[-1:] == [5]), 10)
        # and a live event of its own after a gap fetches what it missed first
        other.append("ann", thread, None, "notice", {"n": 1})
        log.append("ann", thread, None, "notice", {"n": 2})
        more = await asyncio.wait_for(collect(follow, lambda item: seqs([item])[-1:] == [7]), 10)
    assert seqs(items) == [1, 2, 3, 4, 5]
    assert [e["type"] for item in items if isinstance(item, list) for e in item] == [
        "turn_started",
        "text",
        "text",
        "text",
        "done",
    ]
    assert seqs(more) == [6, 7]
    other_store.close()


def _fill(store: Store) -> None:
    """Make the database full (SQLite's own page limit: writes fail as on a full disk)."""
    with store._lock:
        store.db.execute("CREATE TABLE IF NOT EXISTS filler (x BLOB)")
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        try:
            for _ in range(1000):
                store.db.execute("INSERT INTO filler VALUES (zeroblob(4000))")
        except sqlite3.OperationalError:
            pass


def _free(store: Store) -> None:
    with store._lock:
        store.db.execute("DELETE FROM filler")
        store.db.execute("PRAGMA max_page_count = 1073741823")


async def test_a_full_disk_while_pieces_wait_stops_the_turn_and_still_closes_it(store, thread):
    from vista_jupyter.errors import StorageFull

    # Given a turn streaming while the disk fills up
    log = EventLog(store, flush_interval=0.01, flush_chars=100_000)
    _start_turn(store, thread)
    log.append("ann", thread, "t1", "turn_started", {})
    queue = log.subscribe(thread)
    _fill(store)
    log.append("ann", thread, "t1", "text", {"step": 0, "delta": "x" * 40_000})
    # When the timed write fails, the next piece tries again at once and says so (the turn
    # stops instead of streaming on what cannot be kept); the piece was heard, and waits
    await until(lambda: thread in log._pending and log._pending[thread].failed)
    with pytest.raises(StorageFull):
        log.append("ann", thread, "t1", "text", {"step": 0, "delta": "y"})
    # A change of state that cannot be stored is not heard and takes no number
    with pytest.raises(StorageFull):
        log.append("ann", thread, "t1", "step_done", {"step": 0})
    assert [e["type"] for e in log.waiting(thread)] == ["text", "text"]
    # Closing with the pieces fails while the disk is full, and so may the short close
    with pytest.raises(StorageFull):
        log.finish(thread, _finish(store, thread))
    assert len(log.waiting(thread)) == 2  # kept for the next attempt
    # When space is back, the turn is closed with everything listeners heard
    _free(store)
    log.finish(thread, _finish(store, thread))
    assert [(e["seq"], e["type"]) for e in stored(store, thread)] == [
        (1, "turn_started"),
        (2, "text"),
        (3, "text"),
        (4, "done"),
    ]
    heard = [queue.get_nowait()["type"] for _ in range(queue.qsize())]
    assert heard == ["text", "text", "done"]
    assert store.get_turn("ann", thread, "t1")["status"] == "done"


async def test_a_last_small_close_leaves_the_waiting_pieces_out_without_reusing_numbers(store, thread):
    # Given pieces listeners heard but that cannot be stored
    log = EventLog(store, flush_interval=3600)
    _start_turn(store, thread)
    log.append("ann", thread, "t1", "turn_started", {})
    for i in range(3):
        log.append("ann", thread, "t1", "text", {"step": 0, "delta": f"w{i}"})
    queue = log.subscribe(thread)
    # When the turn is closed without them (the short ending a full disk may still take)
    log.finish(thread, _finish(store, thread), drop_waiting=True)
    # Then the end gets a number after every one listeners heard, so they hear it too
    assert [(e["seq"], e["type"]) for e in stored(store, thread)] == [(1, "turn_started"), (5, "done")]
    assert [e["seq"] for e in [queue.get_nowait()]] == [5]
    assert log.waiting(thread) == []
    # and the next event is numbered after it
    assert log.append("ann", thread, None, "notice", {})["seq"] == 6
