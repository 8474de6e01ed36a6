"""Shared fixtures: a real Jupyter server (pytest-jupyter) with Vista enabled on a real SQLite file."""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from jupyter_server.auth.identity import IdentityProvider, User
from tornado.httpclient import HTTPClientError

from vista_jupyter.store import Store, new_id

pytest_plugins = ("pytest_jupyter.jupyter_server",)

USER_HEADER = "X-Vista-Test-User"


class HeaderIdentityProvider(IdentityProvider):
    """An identity provider that knows real users, like JupyterHub's: the name comes from a header.

    It stands in for a deployment's provider (JupyterHub, a proxy that authenticates) in tests
    that need several named users on one server. Header-authenticated requests are treated like
    token-authenticated ones (no XSRF cookie), as API tokens are.
    """

    def get_user(self, handler):
        name = handler.request.headers.get(USER_HEADER)
        if not name:
            return None
        return User(username=name, name=name, display_name=name)

    def is_token_authenticated(self, handler) -> bool:
        return bool(handler.request.headers.get(USER_HEADER))


@pytest.fixture
def vista_data_dir(tmp_path: Path) -> Path:
    return tmp_path / "vista-data"


@pytest.fixture
def vista_config() -> dict[str, Any]:
    """Extra `VistaApp` traits for a test module (override the fixture to change them)."""
    return {}


@pytest.fixture
def server_config() -> dict[str, Any]:
    """Extra `ServerApp` traits (override, e.g. to install `HeaderIdentityProvider`)."""
    return {}


@pytest.fixture
def jp_server_config(vista_data_dir, vista_config, server_config):
    # No spare kernel unless a test asks for one (`test_spare_kernels.py`): tests count kernels,
    # and one more kernel per test server would slow the suite on a small machine.
    return {
        "ServerApp": {"jpserver_extensions": {"vista_jupyter": True}, **server_config},
        "VistaApp": {"data_dir": str(vista_data_dir), "spare_kernels": 0, **vista_config},
    }


#: Use with `@pytest.mark.parametrize("server_config", NAMED_USERS)` for several named users.
NAMED_USERS = [{"identity_provider_class": HeaderIdentityProvider}]


@pytest.fixture
def vista_app(jp_serverapp):
    """The running VistaApp (its services and configuration)."""
    return next(iter(jp_serverapp.extension_manager.extension_apps["vista_jupyter"]))


Api = Callable[..., Awaitable[tuple[int, Any]]]


@pytest.fixture
def api(jp_fetch) -> Api:
    """Call the Vista API: `status, body = await api("GET", "threads", json=..., user=...)`.

    Error statuses are returned, not raised, so tests assert on them. `user` sends the
    test identity header (for the named-users provider); `headers` are passed on as they are.
    """

    async def call(
        method: str,
        path: str,
        *,
        json_body: Any = None,
        body: bytes | str | None = None,
        params: dict[str, Any] | None = None,
        user: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        headers = dict(headers or {})
        if user is not None:
            headers[USER_HEADER] = user
        if json_body is not None:
            body = json.dumps(json_body)
        if body is None and method in ("POST", "PATCH", "PUT"):
            body = b""
        try:
            response = await jp_fetch(
                "vista",
                "api",
                *path.split("/"),
                method=method,
                body=body,
                params=params,
                headers=headers,
                allow_nonstandard_methods=True,
            )
        except HTTPClientError as e:
            response = e.response
            assert response is not None, e
        text = response.body.decode() if response.body else ""
        content_type = response.headers.get("Content-Type", "")
        data = json.loads(text) if text and content_type.startswith("application/json") else text
        return response.code, data

    return call


def spec_operations(thread_id: str = "{thread_id}", other_id: str = "0" * 32) -> list[tuple[str, str]]:
    """Every (METHOD, path under vista/api/) the OpenAPI description declares.

    Tests parametrized with it cover new endpoints as soon as they are described.
    """
    from vista_jupyter.api import openapi_spec

    return [
        (
            method.upper(),
            re.sub(r"\{\w+_id\}", other_id, path.removeprefix("/vista/api/").replace("{thread_id}", thread_id)),
        )
        for path, item in openapi_spec()["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    ]


def converse(
    store: Store,
    owner: str,
    thread_id: str,
    question: str,
    answer: str | None = None,
    metadata: dict[str, Any] | None = None,
) -> None:
    """Add messages to a thread the way the app does: the question opens a turn
    (`Store.start_turn`), the answer closes it (`Store.finish_turn`); without `answer` the turn
    stays running."""
    turn_id = new_id()
    store.start_turn(owner, thread_id, turn_id, "test-model", question)
    if answer is not None:
        store.finish_turn(owner, thread_id, turn_id, "done", answer, metadata or {}, {})


def error_message(data: Any) -> str:
    """The user-facing message of a JSON error answer (asserting its shape)."""
    assert isinstance(data, dict) and isinstance(data.get("message"), str), data
    assert "Traceback" not in data["message"]
    return data["message"]


class CountingStore(Store):
    """The real store, with every SQLite connection counting the virtual-machine instructions
    it runs: a measure of the rows a request visits that, unlike time, does not depend on how
    busy the machine is. Install it with `vista_config` `{"store_class": CountingStore}`."""

    def _connect(self) -> sqlite3.Connection:
        conn = super()._connect()
        if not hasattr(self, "_ticks"):
            self._ticks = itertools.count()
        conn.set_progress_handler(lambda: next(self._ticks) and 0, 1)
        return conn

    @contextmanager
    def counting(self) -> Iterator[dict[str, int]]:
        """`with store.counting() as cost: ...` then `cost["steps"]`: instructions run inside."""
        cost = {"steps": 0}
        start = next(self._ticks)
        try:
            yield cost
        finally:
            cost["steps"] = next(self._ticks) - start - 1
