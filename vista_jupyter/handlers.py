"""HTTP handlers of the Vista REST API (`<base_url>/vista/api/...`).

Handlers are thin: authenticate and authorize, parse and validate, call one service method,
serialise. Domain errors (`errors.VistaError`) are turned into JSON error answers in one place,
`VistaHandler`. The API is described in `api/openapi.yaml`; keep the two in step (a test
checks that every route here is described there and vice versa).
"""

from __future__ import annotations

import json
import sys
from contextlib import aclosing
from functools import cached_property
from typing import TYPE_CHECKING, Any

from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler
from jupyter_server.extension.handler import ExtensionHandlerMixin
from tornado import web
from tornado.escape import url_escape
from tornado.iostream import StreamClosedError

from . import __version__
from .api import openapi_spec
from .errors import InvalidInput, StoreError, VistaError
from .events import Earlier, Signal
from .export import notebook_file_name, stream_bytes
from .identity import owner_of
from .models import (
    DatasetSource,
    MessageCreate,
    NotebookSave,
    ThreadCreate,
    ThreadUpdate,
    parse_body,
)
from .store import MAX_SEQ

if TYPE_CHECKING:
    from .app import VistaApp
    from .datasets import DatasetService, UploadWriter
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

    def ready(self) -> VistaApp:
        """The Vista app, if its services are up (503 with the reason otherwise)."""
        if self.vista.startup_error:
            raise StoreError(self.vista.startup_error)
        return self.vista

    @property
    def threads(self) -> ThreadService:
        """The thread service."""
        return self.ready().threads

    @property
    def datasets(self) -> DatasetService:
        """The dataset service."""
        return self.ready().datasets

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

    def page_arguments(self, max_limit: int, default_limit: int) -> dict[str, Any]:
        """Cursor arguments of a paged list of a thread's messages or events: `after` (the page
        after that seq), `before` (the page before it) or `last=true` (the newest page; `after=0`
        if none is given), and `limit`."""
        after = self.get_query_argument("after", None)
        before = self.get_query_argument("before", None)
        last = self.get_query_argument("last", "false").lower()
        if last not in ("true", "false", "1", "0"):
            raise InvalidInput("last must be true or false.")
        if sum([after is not None, before is not None, last in ("true", "1")]) > 1:
            raise InvalidInput("Give at most one of after, before and last=true.")
        page: dict[str, Any] = {"limit": self.int_argument("limit", default_limit, 1, max_limit)}
        if before is not None:
            page["before"] = self.int_argument("before", 0, 1, MAX_SEQ)
        elif last not in ("true", "1"):
            page["after"] = self.int_argument("after", 0, 0, MAX_SEQ)
        return page

    def write_json(self, data: Any, status: int = 200) -> None:
        """Finish the request with a JSON document."""
        self.write_json_text(json.dumps(data), status)

    def write_json_text(self, text: str, status: int = 200) -> None:
        """Finish the request with a JSON document already encoded (e.g. off the event loop)."""
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(text)

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
    async def get(self) -> None:
        """A page of the caller's threads, most recently active first (`limit`, `cursor`)."""
        limit = self.int_argument("limit", 100, 1, 500)
        cursor = self.get_query_argument("cursor", None)
        threads, next_cursor = await self.threads.page(self.owner, limit, cursor)
        self.write_json({"threads": threads, "next_cursor": next_cursor})

    @web.authenticated
    @authorized
    async def post(self) -> None:
        """Create a thread, optionally named and optionally from a dataset."""
        body = parse_body(ThreadCreate, self.json_body(required=False))
        if body.dataset is None:
            thread = self.threads.create(self.owner, body.name)
        else:
            thread = await self.datasets.create_thread(self.owner, body.name, body.dataset,
                                                       body.language)
        self.write_json(thread, status=201)


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
    async def delete(self, thread_id: str) -> None:
        """Delete a thread with its messages, files and kernel."""
        await self.threads.delete(self.owner, thread_id)
        self.set_status(204)
        self.finish()


class MessagesHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/messages`"""

    @web.authenticated
    @authorized
    async def get(self, thread_id: str) -> None:
        """A page of the thread's messages, oldest first: `after`, `before` or `last=true`."""
        page = self.page_arguments(max_limit=500, default_limit=100)
        self.write_json_text(await self.threads.messages(self.owner, thread_id, **page))

    @web.authenticated
    @authorized
    def post(self, thread_id: str) -> None:
        """Ask a question: stored at once; the answer runs on the server and arrives as events."""
        body = parse_body(MessageCreate, self.json_body())
        self.write_json(self.ready().turns.ask(self.owner, thread_id, body.content, body.model),
                        status=202)


class ExamplesHandler(VistaHandler):
    """`/vista/api/examples`"""

    @web.authenticated
    @authorized
    def get(self) -> None:
        """The bundled example datasets."""
        from .datasets import example_catalog

        self.write_json({"examples": example_catalog()})


@web.stream_request_body
class UploadsHandler(VistaHandler):
    """`/vista/api/uploads?name=<file name>`: the request body is the file, streamed to disk.

    Authentication, XSRF and authorization are checked in `prepare`, before the first byte of
    the body is accepted; a declared size over the limit is refused there too. Browsers report
    upload progress for such a body (XMLHttpRequest `upload.onprogress`).
    """

    _writer: UploadWriter | None = None
    _failure: Exception | None = None

    async def prepare(self) -> None:
        await super().prepare()
        if self._finished:
            return
        if not self.current_user:
            raise web.HTTPError(403)
        if not self.authorizer.is_authorized(self, self.current_user, "write", AUTH_RESOURCE):
            raise web.HTTPError(403)
        declared = self.request.headers.get("Content-Length")
        self.datasets.check_upload_size(int(declared) if declared and declared.isdigit() else None)
        # Past the limit tornado stops reading and drops the connection (chunked bodies only:
        # a declared length was checked above).
        self.request.connection.set_max_body_size(self.datasets.max_upload_bytes + 1)
        # The raw value: tornado's get_query_argument would quietly turn control characters
        # (NUL included) into spaces, and the user should hear what was wrong with the name.
        raw = self.request.query_arguments.get("name", [b""])[0]
        self._writer = self.datasets.begin_upload(raw.decode("utf-8", "replace"))

    def data_received(self, chunk: bytes) -> None:
        if self._writer is None or self._failure is not None:
            return
        try:
            self._writer.write(chunk)
        except Exception as e:  # raised again in post(), where it becomes a JSON answer
            self._writer.abort()
            self._failure = e

    def on_connection_close(self) -> None:
        # An interrupted upload leaves nothing behind.
        if self._writer is not None and not self._finished:
            self._writer.abort()

    @web.authenticated
    @authorized
    async def post(self) -> None:
        """Receive a file; answers its upload id, to be used as a dataset source."""
        if self._failure is not None:
            raise self._failure
        assert self._writer is not None
        upload = await self.datasets.finish_upload(self.owner, self._writer)
        self.write_json(upload, status=201)


class DatasetsHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/datasets`"""

    @web.authenticated
    @authorized
    def get(self, thread_id: str) -> None:
        """The thread's datasets."""
        self.write_json({"datasets": self.datasets.list(self.owner, thread_id)})

    @web.authenticated
    @authorized
    async def post(self, thread_id: str) -> None:
        """Add a dataset (from an upload, an example or a workspace file) to the thread."""
        source = parse_body(DatasetSource, self.json_body())
        self.write_json(await self.datasets.add(self.owner, thread_id, source), status=201)


class DatasetHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/datasets/{dataset_id}`"""

    @web.authenticated
    @authorized
    def get(self, thread_id: str, dataset_id: str) -> None:
        """One dataset with its profile (the dataset card) and the model's summary."""
        self.write_json(self.datasets.get(self.owner, thread_id, dataset_id))


class OriginalHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/datasets/{dataset_id}/original`"""

    @web.authenticated
    @authorized
    async def get(self, thread_id: str, dataset_id: str) -> None:
        """Download the original file under the name it was uploaded with."""
        path, name = self.datasets.original(self.owner, thread_id, dataset_id)
        ascii_name = name.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
        self.set_header("Content-Type", "application/octet-stream")
        self.set_header(
            "Content-Disposition",
            f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{url_escape(name, plus=False)}",
        )
        self.set_header("Content-Length", str(path.stat().st_size))
        self.set_header("X-Content-Type-Options", "nosniff")
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                self.write(chunk)
                await self.flush()
        self.finish(set_content_type="application/octet-stream")


class ArtifactHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/artifacts/{artifact_id}`"""

    @web.authenticated
    @authorized
    def get(self, thread_id: str, artifact_id: str) -> None:
        """A figure produced in the thread (owner only)."""
        path, mime_type = self.vista.executor.artifact_file(self.owner, thread_id, artifact_id)
        self.set_header("X-Content-Type-Options", "nosniff")
        # An SVG opened directly must not run scripts in the server's origin.
        self.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        self.set_header("Cache-Control", "private, max-age=31536000, immutable")
        self.finish(path.read_bytes(), set_content_type=mime_type)


class ModelsHandler(VistaHandler):
    """`/vista/api/models`"""

    @web.authenticated
    @authorized
    def get(self) -> None:
        """The models this server offers (never the endpoint's key), and the default."""
        self.write_json(self.ready().model_registry.offered())


class CancelHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/cancel`"""

    @web.authenticated
    @authorized
    async def post(self, thread_id: str) -> None:
        """Stop the thread's running turn (Stop button); keeps what it produced."""
        cancelled = await self.ready().turns.cancel(self.owner, thread_id)
        self.write_json({"cancelled": cancelled})


class EventsHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/events`"""

    @web.authenticated
    @authorized
    async def get(self, thread_id: str) -> None:
        """A page of the thread's events: `after`, `before` or `last=true`, and `limit`."""
        page = self.page_arguments(max_limit=5000, default_limit=500)
        self.write_json_text(await self.ready().events.page(self.owner, thread_id, as_json=True,
                                                            **page))


class EventStreamHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/events/stream`: server-sent events, replay then live."""

    #: Seconds between keep-alive comments (proxies close silent connections).
    keepalive = 15.0

    @web.authenticated
    @authorized
    async def get(self, thread_id: str) -> None:
        """The events after `after` (or the `Last-Event-ID` header), then new ones as they happen.

        A listener more than the server's replay cap behind first gets an `earlier` message
        (`{"after", "before", "count"}`: the events it was not sent) and then the newest ones."""
        last = self.int_argument("after", 0, 0, MAX_SEQ)
        header = self.request.headers.get("Last-Event-ID", "")
        if header.isdigit():
            last = max(last, int(header))
        # (An error before the first event, such as 404, clears these headers.)
        self.set_header("Content-Type", "text/event-stream; charset=UTF-8")
        self.set_header("Cache-Control", "no-cache")
        self.set_header("X-Accel-Buffering", "no")
        follow = self.ready().events.follow(self.owner, thread_id, last, idle=self.keepalive)
        try:
            async with aclosing(follow):
                async for item in follow:
                    if isinstance(item, Earlier):
                        self.write(f"event: earlier\ndata: {json.dumps(item.as_dict())}\n\n")
                    elif item is Signal.REPLAYED:
                        self.write(": replayed\n\n")
                    elif item is Signal.IDLE:
                        self.write(": keep-alive\n\n")
                    else:
                        self.write("".join(f"id: {e['seq']}\ndata: {json.dumps(e)}\n\n" for e in item))
                    await self.flush()  # also where a long replay lets other requests run
        except StreamClosedError:
            return
        self.finish()


class NotebookHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/notebook`"""

    @web.authenticated
    @authorized
    async def get(self, thread_id: str) -> None:
        """Download the thread as a notebook (`bundle=zip`: with its data folder, ready to run).

        Streamed: written in a worker thread as the thread's messages and files are read, and
        sent as it is written, so the server's memory stays flat whatever the thread's size."""
        exporter = self.ready().exporter
        thread = self.threads.get(self.owner, thread_id)  # 404 before anything is sent
        name = notebook_file_name(thread["name"])
        if self.get_query_argument("bundle", "") == "zip":
            name = name[: -len(".ipynb")] + ".zip"
            content_type = "application/zip"
            chunks = stream_bytes(lambda out: exporter.write_bundle(self.owner, thread_id, out))
        else:
            content_type = "application/x-ipynb+json"
            chunks = stream_bytes(lambda out: exporter.write_notebook(
                self.owner, thread_id, name, lambda text: out.write(text.encode())))
        self._attachment(name)
        self.set_header("Content-Type", content_type)
        try:
            async with aclosing(chunks):
                async for chunk in chunks:
                    self.write(chunk)
                    await self.flush()
        except StreamClosedError:
            return
        except Exception:
            if self._headers_written:
                # Part of the file is out: end the connection so the download fails visibly
                # rather than looking complete.
                self.request.connection.close()
            raise
        self.finish()

    def _attachment(self, name: str) -> None:
        ascii_name = name.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
        self.set_header(
            "Content-Disposition",
            f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{url_escape(name, plus=False)}",
        )

    @web.authenticated
    @authorized
    async def post(self, thread_id: str) -> None:
        """Save the thread as a notebook in the workspace, with its data beside it."""
        body = parse_body(NotebookSave, self.json_body())
        self.threads.get(self.owner, thread_id)
        saved = await self.vista.exporter.save(
            self.owner, thread_id, self.serverapp.contents_manager, body.path, body.on_conflict
        )
        self.write_json(saved, status=201)


_THREAD = r"(?P<thread_id>[^/]+)"
_ARTIFACT = r"(?P<artifact_id>[^/]+)"
_DATASET = r"(?P<dataset_id>[^/]+)"

#: (path under `<base_url>/vista/api`, handler). The OpenAPI test reads this list.
ROUTES: list[tuple[str, type[VistaHandler]]] = [
    ("/info", InfoHandler),
    ("/openapi.json", OpenAPIHandler),
    ("/threads", ThreadsHandler),
    (f"/threads/{_THREAD}", ThreadHandler),
    (f"/threads/{_THREAD}/messages", MessagesHandler),
    ("/examples", ExamplesHandler),
    ("/uploads", UploadsHandler),
    (f"/threads/{_THREAD}/datasets", DatasetsHandler),
    (f"/threads/{_THREAD}/datasets/{_DATASET}", DatasetHandler),
    (f"/threads/{_THREAD}/datasets/{_DATASET}/original", OriginalHandler),
    (f"/threads/{_THREAD}/artifacts/{_ARTIFACT}", ArtifactHandler),
    ("/models", ModelsHandler),
    (f"/threads/{_THREAD}/cancel", CancelHandler),
    (f"/threads/{_THREAD}/events", EventsHandler),
    (f"/threads/{_THREAD}/events/stream", EventStreamHandler),
    (f"/threads/{_THREAD}/notebook", NotebookHandler),
]


def handlers() -> list[tuple[str, type[VistaHandler]]]:
    """Routes for `ExtensionApp.handlers` (the server prefixes its base URL)."""
    return [(rf"/vista/api{path}/?", handler) for path, handler in ROUTES]
