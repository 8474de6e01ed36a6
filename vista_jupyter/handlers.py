"""HTTP handlers of the Vista REST API (`<base_url>/vista/api/...`).

Handlers are thin: authenticate and authorize, parse and validate, call one service method,
serialise. Domain errors (`errors.VistaError`) are turned into JSON error answers in one place,
`VistaHandler`. The API is described in `api/openapi.yaml`; keep the two in step (a test
checks that every route here is described there and vice versa).
"""

from __future__ import annotations

import json
import sys
from functools import cached_property
from typing import TYPE_CHECKING, Any

from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler
from jupyter_server.extension.handler import ExtensionHandlerMixin
from tornado import web

from . import __version__
from .api import openapi_spec
from .errors import InvalidInput, StoreError, VistaError
from .identity import owner_of
from .models import ThreadCreate, ThreadUpdate, parse_body

if TYPE_CHECKING:
    from .app import VistaApp
    from .threads import ThreadService

#: jupyter_server authorization resource name of every Vista endpoint.
AUTH_RESOURCE = "vista"


class VistaHandler(ExtensionHandlerMixin, APIHandler):
    """Base of every Vista handler: owner resolution, JSON bodies, error mapping."""

    auth_resource = AUTH_RESOURCE

    @property
    def vista(self) -> VistaApp:
        """The Vista extension app (configuration and services)."""
        return self.extensionapp  # type: ignore[return-value]

    @property
    def threads(self) -> ThreadService:
        """The thread service."""
        if self.vista.startup_error:
            raise StoreError(self.vista.startup_error)
        return self.vista.threads

    @cached_property
    def owner(self) -> str:
        """Whose data this request may see (see `identity.py` for the rule)."""
        return owner_of(
            self.current_user,
            self.vista.owner_rule,
            self.identity_provider,
            self.vista.server_owner,
        )

    def json_body(self, *, required: bool = True) -> Any:
        """The decoded JSON body; `{}` for an empty body when not `required`."""
        if not self.request.body:
            if required:
                raise InvalidInput("The request needs a JSON body.")
            return {}
        try:
            return json.loads(self.request.body)
        except (ValueError, UnicodeDecodeError):
            raise InvalidInput("The request body is not valid JSON.") from None

    def int_argument(self, name: str, default: int, low: int, high: int) -> int:
        """An integer query argument within [low, high]."""
        raw = self.get_query_argument(name, None)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise InvalidInput(f"{name} must be an integer from {low} to {high}.")
        return value

    def write_json(self, data: Any, status: int = 200) -> None:
        """Finish the request with a JSON document."""
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(json.dumps(data))

    # Domain errors -> HTTP, in one place.

    def _handle_request_exception(self, e: BaseException) -> None:
        if isinstance(e, VistaError):
            level = self.log.error if e.status_code >= 500 else self.log.info
            level("Vista %s %s: %s %s", self.request.method, self.request.path, e.status_code, e)
            if not self._finished:
                self.send_error(e.status_code, exc_info=sys.exc_info())
            return
        super()._handle_request_exception(e)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None, None))[1]
        if isinstance(exc, VistaError):
            self.set_header("Content-Type", "application/json; charset=UTF-8")
            self.finish(json.dumps({"message": exc.message, "reason": exc.reason}))
            return
        super().write_error(status_code, **kwargs)


class InfoHandler(VistaHandler):
    """`/vista/api/info`"""

    @web.authenticated
    @authorized
    def get(self) -> None:
        """Vista's version and the owner name the caller's history is kept under."""
        self.write_json({"version": __version__, "owner": self.owner})


class OpenAPIHandler(VistaHandler):
    """`/vista/api/openapi.json`"""

    @web.authenticated
    @authorized
    def get(self) -> None:
        """The OpenAPI description of this API."""
        self.write_json(openapi_spec())


class ThreadsHandler(VistaHandler):
    """`/vista/api/threads`"""

    @web.authenticated
    @authorized
    def get(self) -> None:
        """The caller's threads, most recently active first."""
        self.write_json({"threads": self.threads.list(self.owner)})

    @web.authenticated
    @authorized
    def post(self) -> None:
        """Create a thread (optionally named)."""
        body = parse_body(ThreadCreate, self.json_body(required=False))
        self.write_json(self.threads.create(self.owner, body.name), status=201)


class ThreadHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}`"""

    @web.authenticated
    @authorized
    def get(self, thread_id: str) -> None:
        """One thread."""
        self.write_json(self.threads.get(self.owner, thread_id))

    @web.authenticated
    @authorized
    def patch(self, thread_id: str) -> None:
        """Rename a thread."""
        body = parse_body(ThreadUpdate, self.json_body())
        self.write_json(self.threads.rename(self.owner, thread_id, body.name))

    @web.authenticated
    @authorized
    def delete(self, thread_id: str) -> None:
        """Delete a thread with its messages and files."""
        self.threads.delete(self.owner, thread_id)
        self.set_status(204)
        self.finish()


class MessagesHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/messages`"""

    @web.authenticated
    @authorized
    def get(self, thread_id: str) -> None:
        """A page of the thread's messages: `after` (sequence number, exclusive) and `limit`."""
        after = self.int_argument("after", 0, 0, 2**62)
        limit = self.int_argument("limit", 100, 1, 500)
        messages, next_after = self.threads.messages(self.owner, thread_id, after, limit)
        self.write_json({"messages": messages, "next_after": next_after})


_THREAD = r"(?P<thread_id>[^/]+)"

#: (path under `<base_url>/vista/api`, handler). The OpenAPI test reads this list.
ROUTES: list[tuple[str, type[VistaHandler]]] = [
    ("/info", InfoHandler),
    ("/openapi.json", OpenAPIHandler),
    ("/threads", ThreadsHandler),
    (f"/threads/{_THREAD}", ThreadHandler),
    (f"/threads/{_THREAD}/messages", MessagesHandler),
]


def handlers() -> list[tuple[str, type[VistaHandler]]]:
    """Routes for `ExtensionApp.handlers` (the server prefixes its base URL)."""
    return [(rf"/vista/api{path}/?", handler) for path, handler in ROUTES]
