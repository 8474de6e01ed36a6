"""Kernels behind a gateway (`c.GatewayClient.url`: Jupyter Kernel Gateway, Enterprise Gateway).

The server's own gateway support starts, interrupts and stops kernels over HTTP with the
gateway's headers (its auth token among them). The kernel client it hands out for talking to a
kernel directly, which Vista uses to run code, opens its websocket without those headers, so a
gateway that requires a token answers 401 and no analysis can run. `GatewayKernelClient` here is
that client with the same headers on its websocket; `client_for` gives it to gateway kernels and
leaves every other kernel manager's client as it is.
"""

from __future__ import annotations

from threading import Thread
from typing import Any

import websocket
from jupyter_core.utils import ensure_async
from jupyter_server.gateway.gateway_client import GatewayClient
from jupyter_server.gateway.managers import GatewayKernelClient as ServerGatewayKernelClient
from jupyter_server.gateway.managers import GatewayKernelManager
from jupyter_server.utils import url_escape, url_path_join


class GatewayKernelClient(ServerGatewayKernelClient):
    """The server's gateway kernel client, sending the gateway's headers on its websocket."""

    async def start_channels(self, shell=True, iopub=True, stdin=True, hb=True, control=True):
        gateway = GatewayClient.instance()
        # The same headers (auth token, custom headers, cookies) as its HTTP requests.
        headers = gateway.load_connection_args().get("headers", {})
        url = url_path_join(gateway.ws_url or "", gateway.kernels_endpoint, url_escape(self.kernel_id), "channels")
        self.channel_socket = websocket.create_connection(
            url,
            header=headers,
            timeout=gateway.KERNEL_LAUNCH_TIMEOUT,
            enable_multithread=True,
            sslopt={"ca_certs": gateway.ca_certs, "certfile": gateway.client_cert, "keyfile": gateway.client_key},
        )
        # The channel queues of the plain asynchronous client, fed by the router below.
        await ensure_async(
            super(ServerGatewayKernelClient, self).start_channels(
                shell=shell, iopub=iopub, stdin=stdin, hb=hb, control=control
            )
        )
        self.response_router = Thread(target=self._route_responses, daemon=True)
        self.response_router.start()


def client_for(km: Any) -> Any:
    """A client of the kernel managed by `km`, authenticated to the gateway when there is one."""
    if isinstance(km, GatewayKernelManager):
        km.client_factory = GatewayKernelClient
    return km.client()
