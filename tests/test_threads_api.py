"""The threads REST API against a real Jupyter server (non-trivial base URL) and a real SQLite file."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import sqlite3

import pytest
from conftest import NAMED_USERS, USER_HEADER, CountingStore, converse, error_message

from vista_jupyter.store import Store

THREAD_ID = re.compile(r"^[0-9a-f]{32}$")


async def test_create_list_get_rename_delete(api, vista_data_dir):
    # Given an empty store
    status, body = await api("GET", "threads")
    assert status == 200 and body == {"threads": [], "next_cursor": None}

    # When two threads are created, the second one unnamed
    status, first = await api("POST", "threads", json_body={"name": "  Cars by origin  "})
    assert status == 201
    assert first["name"] == "Cars by origin"  # trimmed
    assert THREAD_ID.match(first["id"])
    assert first["message_count"] == 0
    assert first["created_at"].endswith("Z")
    status, second = await api("POST", "threads")
    assert status == 201 and second["name"] == "Untitled analysis"
    assert second["id"] != first["id"]
    assert (vista_data_dir / "threads" / first["id"]).is_dir()

    # Then both are listed, most recent first
    status, body = await api("GET", "threads")
    assert [t["id"] for t in body["threads"]] == [second["id"], first["id"]]

    status, got = await api("GET", f"threads/{first['id']}")
    assert status == 200 and got == {**first, "replay_after": 0}  # a new thread has no events yet

    # Renaming moves the thread to the top and keeps its id
    status, renamed = await api("PATCH", f"threads/{first['id']}", json_body={"name": "자동차 분석"})
    assert status == 200
    assert renamed["name"] == "자동차 분석" and renamed["id"] == first["id"]
    assert renamed["updated_at"] >= first["updated_at"]
    status, body = await api("GET", "threads")
    assert [t["name"] for t in body["threads"]] == ["자동차 분석", "Untitled analysis"]

    status, body = await api("DELETE", f"threads/{first['id']}")
    assert status == 204
    status, body = await api("GET", f"threads/{first['id']}")
    assert status == 404
    status, body = await api("GET", "threads")
    assert [t["id"] for t in body["threads"]] == [second["id"]]


async def test_delete_removes_rows_and_folder(api, vista_app, vista_data_dir):
    status, thread = await api("POST", "threads", json_body={"name": "to delete"})
    owner = (await api("GET", "info"))[1]["owner"]
    converse(vista_app.store, owner, thread["id"], "How many cars?", "406.")
    folder = vista_data_dir / "threads" / thread["id"]
    (folder / "cars.csv").write_text("a,b\n1,2\n")

    status, _ = await api("DELETE", f"threads/{thread['id']}")
    assert status == 204

    assert not folder.exists()
    assert list((vista_data_dir / "trash").iterdir()) == []
    with sqlite3.connect(vista_data_dir / "vista.sqlite3") as db:
        for table in ("threads", "messages", "datasets", "artifacts"):
            column = "id" if table == "threads" else "thread_id"
            (count,) = db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (thread["id"],)).fetchone()
            assert count == 0, table
    # Deleting again is a 404, not a 500
    status, body = await api("DELETE", f"threads/{thread['id']}")
    assert status == 404 and "No such thread" in error_message(body)


async def test_messages_pagination(api, vista_app):
    status, thread = await api("POST", "threads")
    owner = (await api("GET", "info"))[1]["owner"]
    for i in range(0, 7, 2):  # questions and answers: messages 0 to 6, the last unanswered
        converse(
            vista_app.store,
            owner,
            thread["id"],
            f"message {i}",
            f"message {i + 1}" if i + 1 < 7 else None,
            {"i": i + 1},
        )

    seen = []
    after = 0
    while True:
        status, page = await api("GET", f"threads/{thread['id']}/messages", params={"after": after, "limit": 3})
        assert status == 200
        assert len(page["messages"]) <= 3
        seen.extend(page["messages"])
        if page["next_after"] is None:
            break
        after = page["next_after"]
    assert [m["content"] for m in seen] == [f"message {i}" for i in range(7)]
    assert [m["seq"] for m in seen] == list(range(1, 8))
    assert seen[1]["role"] == "assistant" and seen[1]["metadata"]["i"] == 1

    status, page = await api("GET", f"threads/{thread['id']}/messages")
    assert len(page["messages"]) == 7 and page["next_after"] is None
    status, page = await api(
        "GET",
        f"threads/{thread['id']}",
    )
    assert page["message_count"] == 7


async def test_a_thread_opens_on_its_last_page_and_loads_older_ones(api, vista_app):
    status, thread = await api("POST", "threads")
    owner = (await api("GET", "info"))[1]["owner"]
    for i in range(0, 7, 2):
        converse(vista_app.store, owner, thread["id"], f"message {i}", f"message {i + 1}" if i + 1 < 7 else None)

    status, page = await api("GET", f"threads/{thread['id']}/messages", params={"last": "true", "limit": 3})
    assert status == 200
    assert [m["content"] for m in page["messages"]] == ["message 4", "message 5", "message 6"]
    assert page["next_after"] is None and page["prev_before"] == 5
    older = []
    while page["prev_before"] is not None:
        status, page = await api(
            "GET", f"threads/{thread['id']}/messages", params={"before": page["prev_before"], "limit": 3}
        )
        older = page["messages"] + older
    assert [m["seq"] for m in older] == [1, 2, 3, 4]


async def test_threads_are_listed_in_pages(api):
    made = []
    for i in range(5):
        _, thread = await api("POST", "threads", json_body={"name": f"t{i}"})
        made.append(thread["id"])
    seen, cursor = [], None
    while True:
        params = {"limit": 2} if cursor is None else {"limit": 2, "cursor": cursor}
        status, body = await api("GET", "threads", params=params)
        assert status == 200 and len(body["threads"]) <= 2
        seen += [t["id"] for t in body["threads"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(made) and len(seen) == 5
    status, body = await api("GET", "threads")  # no paging arguments: the first 100
    assert [t["id"] for t in body["threads"]] == seen and body["next_cursor"] is None


@pytest.mark.parametrize(
    "params, needle",
    [
        ({"limit": 0}, "limit must be an integer from 1 to 500"),
        ({"limit": 501}, "limit must be an integer from 1 to 500"),
        ({"limit": "ten"}, "limit must be an integer"),
        ({"after": -1}, "after must be an integer"),
        ({"before": 0}, "before must be an integer from 1"),
        ({"after": 1, "before": 5}, "at most one of after, before and last=true"),
        ({"last": "true", "before": 5}, "at most one of after, before and last=true"),
        ({"last": "yes"}, "last must be true or false"),
    ],
)
async def test_messages_bad_query(api, params, needle):
    _, thread = await api("POST", "threads")
    status, body = await api("GET", f"threads/{thread['id']}/messages", params=params)
    assert status == 400
    assert needle in error_message(body)


@pytest.mark.parametrize(
    "params, needle",
    [
        ({"cursor": "not-a-cursor"}, "cursor: not a cursor this server gave out"),
        ({"limit": 501}, "limit must be an integer from 1 to 500"),
    ],
)
async def test_threads_bad_query(api, params, needle):
    status, body = await api("GET", "threads", params=params)
    assert status == 400
    assert needle in error_message(body)


@pytest.mark.parametrize(
    "method, body, needle",
    [
        ("POST", "{not json", "not valid JSON"),
        ("POST", "[1, 2]", "must be a JSON object"),
        ("POST", '{"name": 42}', "name: input should be a valid string"),
        ("POST", '{"name": "   "}', "name: must not be empty"),
        ("POST", '{"name": "' + "x" * 201 + '"}', "name: must be at most 200 characters"),
        ("POST", '{"name": "a\\u0000b"}', "name: must not contain control characters"),
        ("POST", '{"title": "x"}', "title: unknown field"),
        ("PATCH", "", "needs a JSON body"),
        ("PATCH", "{}", "name: is required"),
        ("PATCH", b"\xff\xfe", "not valid JSON"),
    ],
)
async def test_bad_bodies_are_400_with_a_useful_message(api, method, body, needle):
    _, thread = await api("POST", "threads", json_body={"name": "kept"})
    path = "threads" if method == "POST" else f"threads/{thread['id']}"
    status, answer = await api(method, path, body=body)
    assert status == 400
    assert needle in error_message(answer)
    # Nothing was created or changed
    _, listing = await api("GET", "threads")
    assert [t["name"] for t in listing["threads"]] == ["kept"]


async def test_unknown_thread_is_404(api):
    for path in ("threads/0123456789abcdef0123456789abcdef", "threads/..%2F..%2Fetc", "threads/nope/messages"):
        status, body = await api("GET", path)
        assert status == 404, path
        assert error_message(body) == "No such thread. It may have been deleted."
    status, body = await api("PATCH", "threads/nope", json_body={"name": "x"})
    assert status == 404


async def test_routes_live_under_the_base_url(jp_base_url, jp_fetch, http_server_client, jp_auth_header):
    assert jp_base_url.strip("/") != ""  # pytest-jupyter's base URL is non-trivial ("/a%40b/")
    response = await jp_fetch("vista", "api", "threads")
    assert response.code == 200
    # Without the base URL the API is not there
    response = await http_server_client.fetch("/vista/api/threads", headers=jp_auth_header, raise_error=False)
    assert response.code == 404


async def test_info_and_openapi_are_served(api):
    status, info = await api("GET", "info")
    assert status == 200 and info["owner"] and info["version"]
    status, spec = await api("GET", "openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    assert "/vista/api/threads" in spec["paths"]


# --- every request costs its page, never the whole history --------------------------------------


def _history(store, owner: str, threads: int, turns: int, events_per_turn: int) -> str:
    """`threads` threads of `owner`; the first holds `turns` finished turns with their events and
    ends with a running turn. Returns the big thread's id."""
    big = store.create_thread(owner, "big")["id"]
    for i in range(threads - 1):
        store.create_thread(owner, f"small {i}")
    for i in range(turns + 1):
        turn = f"{owner}-{i}"
        store.start_turn(owner, big, turn, "vista-offline", f"question {i}")
        first = store.last_event_seq(big) + 1
        store.append_events(
            owner,
            big,
            [
                {
                    "seq": first + k,
                    "type": "text",
                    "turn_id": turn,
                    "data": {"step": 0, "delta": "word "},
                    "created_at": "2025-01-01T00:00:00.000Z",
                }
                for k in range(events_per_turn)
            ],
        )
        if i < turns:  # the last one keeps running
            store.finish_turn(owner, big, turn, "done", f"answer {i}", {"steps": []}, {})
    return big


async def _stream_until_replayed(jp_fetch, user: str, tid: str, after: int) -> list[str]:
    """Lines of the event stream up to its end-of-replay comment (then the stream is dropped)."""
    lines: list[str] = []
    replayed = asyncio.Event()

    def on_chunk(chunk: bytes) -> None:
        lines.extend(chunk.decode().splitlines())
        if ": replayed" in lines:
            replayed.set()

    stream = asyncio.ensure_future(
        jp_fetch(
            "vista",
            "api",
            "threads",
            tid,
            "events",
            "stream",
            params={"after": after},
            headers={USER_HEADER: user},
            streaming_callback=on_chunk,
            request_timeout=60,
        )
    )
    await asyncio.wait_for(replayed.wait(), 60)
    stream.cancel()
    return lines


@pytest.mark.timeout(240)
@pytest.mark.parametrize("vista_config", [{"store_class": CountingStore, "max_replay_events": 40}])
@pytest.mark.parametrize("server_config", NAMED_USERS)
async def test_each_request_reads_its_page_not_the_history(api, vista_app, jp_fetch):
    # Given two users, the second with 10x the first's history: 10x the threads, and a big
    # thread with 10x the turns and events (ending with a running turn)
    store = vista_app.store
    sizes = {"small": (30, 40, 10), "large": (300, 400, 10)}
    big = {user: _history(store, user, *size) for user, size in sizes.items()}

    async def measure(user: str) -> dict[str, int]:
        tid = big[user]
        _, thread = await api("GET", f"threads/{tid}", user=user)
        total = thread["message_count"]
        _, first = await api("GET", "threads", params={"limit": 10}, user=user)
        requests = {
            "threads first page": ("threads", {"limit": 10}),
            "threads next page": ("threads", {"limit": 10, "cursor": first["next_cursor"]}),
            "open thread": (f"threads/{tid}", None),
            "last messages": (f"threads/{tid}/messages", {"last": "true", "limit": 20}),
            "messages before": (f"threads/{tid}/messages", {"before": total // 2, "limit": 20}),
            "messages after": (f"threads/{tid}/messages", {"after": total // 2, "limit": 20}),
            "last events": (f"threads/{tid}/events", {"last": "true", "limit": 50}),
            "events after": (f"threads/{tid}/events", {"after": thread["replay_after"] // 2, "limit": 50}),
        }
        # (The least of two runs: a worker thread's first query also reads the schema.)
        costs = {}
        for name, (path, params) in requests.items():
            for _ in range(2):
                with store.counting() as cost:
                    status, body = await api("GET", path, params=params, user=user)
                assert status == 200, (name, body)
                costs[name] = min(costs.get(name, cost["steps"]), cost["steps"])
        # The event stream from the very start: capped, so a long history is not replayed
        for _ in range(2):
            with store.counting() as cost:
                lines = await _stream_until_replayed(jp_fetch, user, tid, after=0)
            costs["event stream from 0"] = min(costs.get("event stream from 0", cost["steps"]), cost["steps"])
        assert lines[:2] == [
            "event: earlier",
            f'data: {{"after": 0, "before": '
            f'{thread["replay_after"] + 10 - 40 + 1}, "count": '
            f"{thread['replay_after'] + 10 - 40}}}",
        ]
        assert sum(line.startswith("id: ") for line in lines) == 40
        return costs

    small, large = await measure("small"), await measure("large")

    # Then every request costs about the same for both (its page), not 10x
    for name in small:
        assert large[name] <= 1.2 * small[name] + 50, (name, small[name], large[name])

    # and the instrument sees growth when a query does read the history
    def count_events(user):
        with store.counting() as cost:
            store._rows("SELECT COUNT(*) FROM events WHERE thread_id = ?", (big[user],))
        return cost["steps"]

    assert count_events("large") > 5 * count_events("small")


# --- the change feed: lists kept current without re-reading them --------------------------------


class Feed:
    """A client of `GET /vista/api/changes`: the events it received, parsed."""

    def __init__(self, jp_fetch, user: str):
        self.items: list[tuple[str, dict]] = []
        self.subscribed = asyncio.Event()
        self._buffer = ""
        self._arrived = asyncio.Event()

        def on_chunk(chunk: bytes) -> None:
            self._buffer += chunk.decode()
            while "\n\n" in self._buffer:
                block, self._buffer = self._buffer.split("\n\n", 1)
                if block.startswith(": subscribed"):
                    self.subscribed.set()
                kind = next((line[7:] for line in block.splitlines() if line.startswith("event: ")), None)
                data = next((line[6:] for line in block.splitlines() if line.startswith("data: ")), None)
                if kind and data:
                    self.items.append((kind, json.loads(data)))
                    self._arrived.set()

        self._stream = asyncio.ensure_future(
            jp_fetch(
                "vista", "api", "changes", headers={USER_HEADER: user}, streaming_callback=on_chunk, request_timeout=120
            )
        )

    async def until(self, condition, timeout: float = 30) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition(self.items):
            assert asyncio.get_running_loop().time() < deadline, self.items
            self._arrived.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), 0.5)

    def close(self) -> None:
        self._stream.cancel()


@pytest.mark.parametrize("server_config", NAMED_USERS)
async def test_the_change_feed_picks_up_another_servers_changes(api, vista_app, jp_fetch, vista_data_dir):
    # Given a list following its changes, and another server writing to the same database
    vista_app.changes.poll = 0.1
    _, thread = await api("POST", "threads", json_body={"name": "shared"}, user="ann")
    feed = Feed(jp_fetch, "ann")
    other = Store(vista_data_dir / "vista.sqlite3")
    try:
        await asyncio.wait_for(feed.subscribed.wait(), 30)
        # When the other server renames the thread and creates one
        other.rename_thread("ann", thread["id"], "renamed elsewhere")
        made = other.create_thread("ann", "made elsewhere")
        # Then both reach the list within a poll or two, in the order they happened
        await feed.until(lambda items: len(items) >= 2)
        assert sorted((k, d["id"], d["name"]) for k, d in feed.items[:2]) == sorted(
            [("thread", thread["id"], "renamed elsewhere"), ("thread", made["id"], "made elsewhere")]
        )
        keys = [(d["updated_at"], d["id"]) for _, d in feed.items[:2]]
        assert keys == sorted(keys)
        # and nothing is sent twice while nothing changes
        await asyncio.sleep(0.5)
        assert len(feed.items) == 2
    finally:
        feed.close()
        other.close()
