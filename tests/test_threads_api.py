"""The threads REST API against a real Jupyter server (non-trivial base URL) and a real SQLite file."""

from __future__ import annotations

import re
import sqlite3

import pytest
from conftest import NAMED_USERS, error_message

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
    vista_app.store.add_message(owner, thread["id"], "user", "How many cars?")
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
    for i in range(7):
        vista_app.store.add_message(owner, thread["id"], "user" if i % 2 == 0 else "assistant",
                                    f"message {i}", {"i": i})

    seen = []
    after = 0
    while True:
        status, page = await api("GET", f"threads/{thread['id']}/messages",
                                 params={"after": after, "limit": 3})
        assert status == 200
        assert len(page["messages"]) <= 3
        seen.extend(page["messages"])
        if page["next_after"] is None:
            break
        after = page["next_after"]
    assert [m["content"] for m in seen] == [f"message {i}" for i in range(7)]
    assert [m["seq"] for m in seen] == list(range(1, 8))
    assert seen[1]["role"] == "assistant" and seen[1]["metadata"] == {"i": 1}

    status, page = await api("GET", f"threads/{thread['id']}/messages")
    assert len(page["messages"]) == 7 and page["next_after"] is None
    status, page = await api("GET", f"threads/{thread['id']}", )
    assert page["message_count"] == 7


@pytest.mark.parametrize(
    "params, needle",
    [
        ({"limit": 0}, "limit must be an integer from 1 to 500"),
        ({"limit": 501}, "limit must be an integer from 1 to 500"),
        ({"limit": "ten"}, "limit must be an integer"),
        ({"after": -1}, "after must be an integer"),
    ],
)
async def test_messages_bad_query(api, params, needle):
    _, thread = await api("POST", "threads")
    status, body = await api("GET", f"threads/{thread['id']}/messages", params=params)
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
    for path in ("threads/0123456789abcdef0123456789abcdef", "threads/..%2F..%2Fetc",
                 "threads/nope/messages"):
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
    response = await http_server_client.fetch("/vista/api/threads", headers=jp_auth_header,
                                              raise_error=False)
    assert response.code == 404


async def test_info_and_openapi_are_served(api):
    status, info = await api("GET", "info")
    assert status == 200 and info["owner"] and info["version"]
    status, spec = await api("GET", "openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    assert "/vista/api/threads" in spec["paths"]
