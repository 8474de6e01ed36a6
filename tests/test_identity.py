"""Who sees what: authentication on every endpoint, isolation of named users, and the owner rule
for the anonymous identities of jupyter_server's token login."""

from __future__ import annotations

import json
import re
from http.cookies import SimpleCookie

import pytest
from conftest import NAMED_USERS, converse, spec_operations

UNKNOWN = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize("method, path", list(spec_operations()))
async def test_every_endpoint_refuses_unauthenticated_requests(api, method, path):
    _, thread = await api("POST", "threads", json_body={"name": "secret"})
    relative = path.replace("{thread_id}", thread["id"])
    body = "{}" if method in ("POST", "PATCH", "PUT") else None
    status, answer = await api(method, relative, body=body, headers={"Authorization": ""})
    assert status == 403
    assert "secret" not in json.dumps(answer)
    # and nothing happened
    _, listing = await api("GET", "threads")
    assert [t["name"] for t in listing["threads"]] == ["secret"]


async def test_a_wrong_token_is_refused(api):
    status, _ = await api("GET", "threads", headers={"Authorization": "token not-the-token"})
    assert status == 403


@pytest.mark.parametrize("server_config", NAMED_USERS)
async def test_named_users_are_isolated(api, vista_app):
    # Given alice's thread with a message
    status, thread = await api("POST", "threads", json_body={"name": "alice's"}, user="alice")
    assert status == 201
    converse(vista_app.store, "alice", thread["id"], "private question", "private answer")
    tid = thread["id"]

    # bob cannot list, read, page, rename or delete it; every answer is the unknown-thread 404
    _, unknown = await api("GET", f"threads/{UNKNOWN}", user="bob")
    status, listing = await api("GET", "threads", user="bob")
    assert status == 200 and listing["threads"] == []
    for method, path, body in [
        ("GET", f"threads/{tid}", None),
        ("GET", f"threads/{tid}/messages", None),
        ("PATCH", f"threads/{tid}", {"name": "pwned"}),
        ("DELETE", f"threads/{tid}", None),
    ]:
        status, answer = await api(method, path, json_body=body, user="bob")
        assert status == 404, (method, path)
        assert answer == unknown, (method, path)

    # and alice's thread is untouched
    status, mine = await api("GET", f"threads/{tid}", user="alice")
    assert status == 200 and mine["name"] == "alice's" and mine["message_count"] == 2
    status, info = await api("GET", "info", user="bob")
    assert info["owner"] == "bob"
    # a request with no identity at all is refused
    status, _ = await api("GET", "threads")
    assert status == 403


async def login_browser(jp_fetch, token) -> SimpleCookie:
    """Log in like a browser opening the `?token=` URL: the answer sets the login cookie."""
    response = await jp_fetch("api", "me", params={"token": token}, headers={"Authorization": ""})
    jar = SimpleCookie()
    for header in response.headers.get_list("Set-Cookie"):
        jar.load(header)
    assert any(name.startswith("username-") for name in jar), jar
    return jar


async def me(jp_fetch, headers):
    response = await jp_fetch("api", "me", headers=headers)
    return json.loads(response.body)["identity"]["username"]


async def test_anonymous_identities_of_a_single_user_server_share_one_history(api, jp_fetch, jp_serverapp):
    # Each token-authenticated request gets a fresh random anonymous identity...
    token = jp_serverapp.identity_provider.token
    first, second = await me(jp_fetch, {}), await me(jp_fetch, {})
    assert first != second and re.fullmatch(r"[0-9a-f]{32}", first)

    # ...and two browsers logged in with the token each keep their own anonymous identity
    browser = []
    for _ in range(2):
        jar = await login_browser(jp_fetch, token)
        browser.append({"Authorization": "", "Cookie": "; ".join(f"{k}={v.value}" for k, v in jar.items())})
    assert await me(jp_fetch, browser[0]) != await me(jp_fetch, browser[1])

    # yet all of them are the server's owner for Vista: one history
    status, thread = await api("POST", "threads", json_body={"name": "mine"})
    for headers in browser:
        status, listing = await api("GET", "threads", headers=headers)
        assert status == 200
        assert [t["id"] for t in listing["threads"]] == [thread["id"]]
        status, info = await api("GET", "info", headers=headers)
        assert info["owner"] == vista_app_owner(jp_serverapp)


def vista_app_owner(serverapp):
    app = next(iter(serverapp.extension_manager.extension_apps["vista_jupyter"]))
    return app.server_owner


@pytest.mark.parametrize("vista_config", [{"owner_rule": "username"}])
async def test_owner_rule_username_keys_on_the_raw_username(api):
    # Forcing the naive rule shows what "auto" prevents: each anonymous request is a stranger
    status, thread = await api("POST", "threads", json_body={"name": "lost"})
    assert status == 201
    status, listing = await api("GET", "threads")
    assert listing["threads"] == []


@pytest.mark.parametrize("server_config", NAMED_USERS)
@pytest.mark.parametrize("vista_config", [{"owner_rule": "server", "server_owner": "team"}])
async def test_owner_rule_server_shares_one_history_between_named_users(api):
    _, thread = await api("POST", "threads", json_body={"name": "shared"}, user="alice")
    status, listing = await api("GET", "threads", user="bob")
    assert [t["id"] for t in listing["threads"]] == [thread["id"]]
    _, info = await api("GET", "info", user="bob")
    assert info["owner"] == "team"


async def test_cookie_requests_that_change_state_need_the_xsrf_token(api, jp_fetch, jp_serverapp):
    jar = await login_browser(jp_fetch, jp_serverapp.identity_provider.token)
    cookie = "; ".join(f"{k}={v.value}" for k, v in jar.items() if k != "_xsrf")
    # A cross-site form post carries the login cookie but not the XSRF token
    status, _ = await api(
        "POST", "threads", json_body={"name": "csrf"}, headers={"Authorization": "", "Cookie": cookie}
    )
    assert status == 403
    _, listing = await api("GET", "threads")
    assert listing["threads"] == []
    # With the XSRF cookie echoed in the header, as the Lab frontend (same origin) does, it works
    xsrf = "0123456789abcdef"
    status, created = await api(
        "POST",
        "threads",
        json_body={"name": "same-site"},
        headers={"Authorization": "", "Cookie": f"{cookie}; _xsrf={xsrf}", "X-XSRFToken": xsrf},
    )
    assert status == 201, created
