"""VistaKernelAuthorizer on a server shared by several named users: another person's Vista
kernel answers 403 to its REST calls, its websocket and sessions pointed at it, while its owner
(and everything that is not a Vista kernel) works as before."""

from __future__ import annotations

import json

import pytest
from conftest import USER_HEADER, HeaderIdentityProvider
from test_kernels import FRAME, add_dataset
from tornado.httpclient import HTTPClientError

from vista_jupyter.authorizer import VistaKernelAuthorizer

pytestmark = pytest.mark.timeout(120)

SHARED = {"identity_provider_class": HeaderIdentityProvider, "authorizer_class": VistaKernelAuthorizer}


@pytest.fixture
def vista_config():
    return {"owner_rule": "username", "auto_overview": False}


async def call(jp_fetch, user: str, *path: str, method: str = "GET", body=None) -> int:
    try:
        response = await jp_fetch(
            *path,
            method=method,
            headers={USER_HEADER: user},
            body=None if body is None else json.dumps(body),
            allow_nonstandard_methods=True,
        )
    except HTTPClientError as e:
        return e.code
    return response.code


async def connects(jp_ws_fetch, user: str, kernel_id: str) -> bool:
    try:
        ws = await jp_ws_fetch("api", "kernels", kernel_id, "channels", headers={USER_HEADER: user})
    except HTTPClientError as e:
        assert e.code == 403, e
        return False
    ws.close()
    return True


@pytest.mark.parametrize("server_config", [SHARED])
async def test_another_persons_vista_kernel_is_refused(api, vista_app, jp_fetch, jp_ws_fetch):
    _, thread = await api("POST", "threads", json_body={"name": "hers"}, user="alice")
    add_dataset(vista_app, "alice", thread["id"], FRAME)
    result = await vista_app.executor.execute("alice", thread["id"], "secret = df.to_csv()")
    assert result.status == "ok"
    kernel_id = vista_app.executor.kernel_id(thread["id"])

    # bob cannot read, connect to, interrupt, restart, shut down or borrow it
    assert await call(jp_fetch, "bob", "api", "kernels", kernel_id) == 403
    assert not await connects(jp_ws_fetch, "bob", kernel_id)
    for action in ("interrupt", "restart"):
        assert await call(jp_fetch, "bob", "api", "kernels", kernel_id, action, method="POST", body={}) == 403
    assert (
        await call(
            jp_fetch,
            "bob",
            "api",
            "sessions",
            method="POST",
            body={"path": "x.ipynb", "type": "notebook", "name": "x", "kernel": {"id": kernel_id}},
        )
        == 403
    )
    assert await call(jp_fetch, "bob", "api", "kernels", kernel_id, method="DELETE") == 403
    assert kernel_id in vista_app.serverapp.kernel_manager

    # alice can, and bob's own kernels are his as usual
    assert await call(jp_fetch, "alice", "api", "kernels", kernel_id) == 200
    assert await connects(jp_ws_fetch, "alice", kernel_id)
    response = await jp_fetch("api", "kernels", method="POST", body=json.dumps({}), headers={USER_HEADER: "bob"})
    his = json.loads(response.body)["id"]
    assert await connects(jp_ws_fetch, "bob", his)
    assert await call(jp_fetch, "bob", "api", "kernels", his, method="DELETE") == 204
