"""HTTP handlers of the Vista REST API (`<base_url>/vista/api/...`).

Handlers are thin: authenticate and authorize, parse and validate, call one service method,
serialise. Domain errors (`errors.VistaError`) are turned into JSON error answers in one place,
`VistaHandler`. The API is described in `api/openapi.yaml`, generated from `api/paths.yaml` and
the pydantic models in `api/`; keep them in step (a test checks that every route here is
described there and vice versa, another that real answers match the described schemas).

Request bodies are received by `VistaHandler` itself (tornado's streamed bodies), after the
caller was authenticated: a JSON body is capped (`max_json_bytes`) while it arrives, never read
whole into memory first; an upload streams to disk (`UploadsHandler`). A body over its limit is
answered at once with a JSON 413 (also for chunked bodies, whose size is not declared), the rest
of it is dropped, and the connection is closed a moment later, so the client can read the answer.
A body that stops arriving for `upload_idle_timeout` seconds is dropped with its connection.
"""

from __future__ import annotations

import functools
import inspect
import json
import re
import time
from contextlib import aclosing
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol, cast

from jupyter_core.utils import ensure_async
from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler
from jupyter_server.extension.handler import ExtensionHandlerMixin
from tornado import web
from tornado.escape import url_escape
from tornado.ioloop import IOLoop
from tornado.iostream import StreamClosedError

from .. import __version__
from ..datasets import human_size
from ..errors import InvalidInput, StoreError, TooLarge, VistaError
from ..events import Earlier, Signal
from ..export import notebook_file_name, stream_bytes
from ..identity import owner_of
from ..store import MAX_SEQ
from . import openapi_spec
from .bodies import (
    DatasetSource,
    MessageCreate,
    NotebookSave,
    NotebookSetup,
    ThreadCreate,
    ThreadUpdate,
    parse_body,
)

if TYPE_CHECKING:  # typing only: the app imports this module, never the other way round
    from ..artifacts import Artifacts
    from ..assistant.registry import ModelRegistry
    from ..changes import ThreadChanges
    from ..datasets import DatasetService, UploadWriter
    from ..events import EventLog
    from ..export import NotebookExporter
    from ..threads import ThreadService
    from ..turns import TurnService

#: jupyter_server authorization resource name of every Vista endpoint.
AUTH_RESOURCE = "vista"

#: After refusing a body that is still arriving: how much more of it is read (and dropped), and
#: for how long, before the connection is closed. Closing while the client still sends can reset
#: the connection before it reads the answer.
LINGER_BYTES = 8 << 20
LINGER_SECONDS = 2.0

#: HTTP methods of handlers; each is guarded by `_once_received` (see `VistaHandler`).
_METHODS = ("get", "post", "put", "patch", "delete")


class Settings(Protocol):
    """The Vista settings the handlers read, whether or not the services are up (`VistaApp`
    provides them; a protocol, so the REST layer does not import the app that imports it)."""

    startup_error: str | None
    owner_rule: str
    server_owner: str
    max_json_bytes: int
    upload_idle_timeout: float


class Services(Settings, Protocol):
    """Vista's services, as handlers reach them: only through `VistaHandler.ready()`."""

    threads: ThreadService
    datasets: DatasetService
    turns: TurnService
    events: EventLog
    changes: ThreadChanges
    artifacts: Artifacts
    exporter: NotebookExporter
    model_registry: ModelRegistry


def http_error(error: VistaError) -> web.HTTPError:
    """The HTTP form of a domain error, for jupyter_server's own error path: `APIHandler.
    write_error` answers `{"message": error.message, "reason": error.reason}` with its status."""
    return web.HTTPError(error.status_code, error.message, reason=error.reason)


def _domain_errors(method):
    """Raise a method's domain errors (`VistaError`) as `http_error`s."""

    @functools.wraps(method)
    async def translated(self: VistaHandler, *args: Any, **kwargs: Any) -> None:
        try:
            result = method(self, *args, **kwargs)
            if inspect.isawaitable(result):
                await result
        except VistaError as e:
            raise http_error(e) from e

    translated._vista_guarded = True  # type: ignore[attr-defined]
    return translated


def _once_received(method):
    """Run a handler method only if its request was not answered while its body arrived; its
    domain errors become HTTP errors."""
    method = _domain_errors(method)

    @functools.wraps(method)
    async def guarded(self: VistaHandler, *args: Any, **kwargs: Any) -> None:
        self._body_done = True
        if self._refused is not None:
            self._close_refused()
            return
        await method(self, *args, **kwargs)

    guarded._vista_guarded = True  # type: ignore[attr-defined]
    return guarded


@web.stream_request_body
class VistaHandler(ExtensionHandlerMixin, APIHandler):
    """Base of every Vista handler: owner resolution, request bodies, error mapping."""

    auth_resource = AUTH_RESOURCE
    #: Whether the endpoint needs Vista's services (the database): 503 at once when they are
    #: down, before the body is read or validated.
    needs_store = True
    _refused: VistaError | None = None
    _body_done = False
    _idle_timer: object | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in (*_METHODS, "prepare"):
            method = cls.__dict__.get(name)
            if method is not None and not getattr(method, "_vista_guarded", False):
                setattr(cls, name, _domain_errors(method) if name == "prepare" else _once_received(method))

    @property
    def vista(self) -> Settings:
        """Vista's settings (limits, owner rule); its services are reached through `ready`."""
        return cast("Settings", self.extensionapp)

    def ready(self) -> Services:
        """Vista's services, if they are up (503 with the reason otherwise): the one way a
        handler reaches a service."""
        if self.vista.startup_error:
            raise StoreError(self.vista.startup_error)
        return cast("Services", self.extensionapp)

    @cached_property
    def owner(self) -> str:
        """Whose data this request may see (see `identity.py` for the rule)."""
        return owner_of(
            self.current_user,
            self.vista.owner_rule,
            self.identity_provider,
            self.vista.server_owner,
        )

    # Request bodies: received here, within this endpoint's limit.

    def check_body_size(self, size: int) -> None:
        """Refuse a body of `size` bytes over this endpoint's limit (`TooLarge`)."""
        limit = self.vista.max_json_bytes
        if size > limit:
            raise TooLarge(f"The request body is larger than the limit of {human_size(limit)}.")

    async def prepare(self) -> None:
        await super().prepare()
        if self._finished:
            return
        if self.needs_store and self.current_user:
            try:
                self.ready()
            except VistaError as e:
                self.refuse(e)
                return
        self._chunks: list[bytes] = []
        self._received = 0
        self._dropped = 0
        declared = self.request.headers.get("Content-Length", "")
        try:
            self.check_body_size(int(declared) if declared.isdigit() else 0)
        except VistaError as e:
            self.refuse(e)
            return
        # The limits are enforced while the body arrives (`data_received`); tornado's own would
        # answer a bare 400 without JSON.
        self.request.connection.set_max_body_size(1 << 62)
        idle = self.vista.upload_idle_timeout
        if idle > 0 and (
            declared not in ("", "0") or "chunked" in self.request.headers.get("Transfer-Encoding", "").lower()
        ):
            self._last_chunk = time.monotonic()
            self._idle_timer = IOLoop.current().call_later(idle, self._check_idle)

    def data_received(self, chunk: bytes) -> None:
        if self._refused is not None:
            self._dropped += len(chunk)
            if self._dropped > LINGER_BYTES:
                self._close_refused()
            return
        self._last_chunk = time.monotonic()
        self._received += len(chunk)
        try:
            self.check_body_size(self._received)
            self.receive(chunk)
        except VistaError as e:
            self.refuse(e)

    def receive(self, chunk: bytes) -> None:
        """Keep a chunk of the body (a JSON body is kept in memory, within its limit)."""
        self._chunks.append(chunk)

    def json_body(self, *, required: bool = True) -> Any:
        """The decoded JSON body; `{}` for an empty body when not `required`."""
        body = b"".join(self._chunks)
        if not body:
            if required:
                raise InvalidInput("The request needs a JSON body.")
            return {}
        try:
            return json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise InvalidInput("The request body is not valid JSON.") from None

    def refuse(self, error: VistaError) -> None:
        """Answer `error` now, while the body is still arriving; drop the rest of the body and
        close the connection once the client had a moment to read the answer."""
        self._refused = error
        self.log.info("Vista %s %s: %s %s", self.request.method, self.request.path, error.status_code, error)
        answer = json.dumps({"message": error.message, "reason": error.reason}).encode()
        self.set_status(error.status_code)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.set_header("Content-Length", str(len(answer)))
        self.set_header("Connection", "close")
        self.write(answer)
        # A client gone meanwhile is fine: the connection closes either way.
        self.flush().add_done_callback(lambda sent: sent.exception())
        IOLoop.current().call_later(LINGER_SECONDS, self._close_refused)

    def _close_refused(self) -> None:
        if not self._finished:
            self.finish()

    def _check_idle(self) -> None:
        self._idle_timer = None
        if self._finished or self._body_done or self._refused is not None:
            return
        idle = self.vista.upload_idle_timeout
        waited = time.monotonic() - self._last_chunk
        if waited < idle:
            self._idle_timer = IOLoop.current().call_later(idle - waited, self._check_idle)
            return
        self.log.info(
            "Vista %s %s: the body stalled for %.0f s; dropping it", self.request.method, self.request.path, waited
        )
        self.request.connection.close()  # on_connection_close cleans up

    def _stop_idle_timer(self) -> None:
        if self._idle_timer is not None:
            IOLoop.current().remove_timeout(self._idle_timer)
            self._idle_timer = None

    def on_finish(self) -> None:
        self._stop_idle_timer()
        super().on_finish()

    def on_connection_close(self) -> None:
        self._stop_idle_timer()
        super().on_connection_close()

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

    # Domain errors -> HTTP, in one place: every method (and `prepare`) of a handler raises its
    # `VistaError`s as `http_error`s (see `__init_subclass__`); jupyter_server's `write_error`
    # answers them as JSON. Only their logging is Vista's own.

    def log_exception(self, typ: Any, value: BaseException | None, tb: Any) -> None:
        cause = value.__cause__ if isinstance(value, web.HTTPError) else None
        if isinstance(cause, VistaError):
            # An expected failure, already explained to the user: one line, no traceback;
            # an error only when the server is at fault (5xx).
            level = self.log.error if cause.status_code >= 500 else self.log.info
            level("Vista %s %s: %s %s", self.request.method, self.request.path, cause.status_code, cause.message)
            return
        super().log_exception(typ, value, tb)


class InfoHandler(VistaHandler):
    """`/vista/api/info`"""

    needs_store = False

    @web.authenticated
    @authorized
    def get(self) -> None:
        """Vista's version and the owner name the caller's history is kept under."""
        self.write_json({"version": __version__, "owner": self.owner})


class OpenAPIHandler(VistaHandler):
    """`/vista/api/openapi.json`"""

    needs_store = False

    @web.authenticated
    @authorized
    def get(self) -> None:
        """The OpenAPI description of this API."""
        self.write_json(openapi_spec())


class _ReadsDatasets(VistaHandler):
    """A handler whose POST may read a dataset: progress under `?reading=<id>`, cancelled when
    the client goes away."""

    _progress: Any = None

    def on_connection_close(self) -> None:
        if self._progress is not None:
            self._progress.cancel()
        super().on_connection_close()

    async def _reading(self, work: Any) -> Any:
        reading_id = self.get_query_argument("reading", None)
        self._progress = self.ready().datasets.start_reading(self.owner, reading_id)
        try:
            return await work(self._progress)
        finally:
            self.ready().datasets.end_reading(self.owner, reading_id)


class ThreadsHandler(_ReadsDatasets):
    """`/vista/api/threads`"""

    @web.authenticated
    @authorized
    async def get(self) -> None:
        """A page of the caller's threads, most recently active first (`limit`, `cursor`)."""
        limit = self.int_argument("limit", 100, 1, 500)
        cursor = self.get_query_argument("cursor", None)
        threads, next_cursor = await self.ready().threads.page(self.owner, limit, cursor)
        self.write_json({"threads": threads, "next_cursor": next_cursor})

    @web.authenticated
    @authorized
    async def post(self) -> None:
        """Create a thread, optionally named and optionally from a dataset."""
        body = parse_body(ThreadCreate, self.json_body(required=False))
        if body.dataset is None:
            thread = self.ready().threads.create(self.owner, body.name)
        else:
            thread = await self._reading(
                lambda progress: self.ready().datasets.create_thread(
                    self.owner, body.name, body.dataset, body.language, progress
                )
            )
        self.write_json(thread, status=201)


class ThreadHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}`"""

    @web.authenticated
    @authorized
    def get(self, thread_id: str) -> None:
        """One thread."""
        self.write_json(self.ready().threads.get(self.owner, thread_id))

    @web.authenticated
    @authorized
    def patch(self, thread_id: str) -> None:
        """Rename a thread."""
        body = parse_body(ThreadUpdate, self.json_body())
        self.write_json(self.ready().threads.rename(self.owner, thread_id, body.name))

    @web.authenticated
    @authorized
    async def delete(self, thread_id: str) -> None:
        """Delete a thread with its messages, files and kernel."""
        await self.ready().threads.delete(self.owner, thread_id)
        self.set_status(204)
        self.finish()


class MessagesHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/messages`"""

    @web.authenticated
    @authorized
    async def get(self, thread_id: str) -> None:
        """A page of the thread's messages, oldest first: `after`, `before` or `last=true`."""
        page = self.page_arguments(max_limit=500, default_limit=100)
        self.write_json_text(await self.ready().threads.messages(self.owner, thread_id, **page))

    @web.authenticated
    @authorized
    def post(self, thread_id: str) -> None:
        """Ask a question: stored at once; the answer runs on the server and arrives as events."""
        body = parse_body(MessageCreate, self.json_body())
        self.write_json(self.ready().turns.ask(self.owner, thread_id, body.content, body.model), status=202)


class ExamplesHandler(VistaHandler):
    """`/vista/api/examples`"""

    needs_store = False

    @web.authenticated
    @authorized
    def get(self) -> None:
        """The bundled example datasets."""
        from ..datasets import example_catalog

        self.write_json({"examples": example_catalog()})


class UploadsHandler(VistaHandler):
    """`/vista/api/uploads?name=<file name>`: the request body is the file, streamed to disk.

    Authentication, XSRF and authorization are checked in `prepare`, before the first byte of
    the body is accepted; a declared size over the limit is refused there too, and a chunked body
    as soon as it passes the limit (`VistaHandler.refuse`: a JSON 413). Browsers report upload
    progress for such a body (XMLHttpRequest `upload.onprogress`).
    """

    _writer: UploadWriter | None = None

    def check_body_size(self, size: int) -> None:
        self.ready().datasets.check_upload_size(size)

    async def prepare(self) -> None:
        await super().prepare()
        if self._finished or self._refused is not None:
            return
        if not self.current_user:
            raise web.HTTPError(403)
        if not await ensure_async(self.authorizer.is_authorized(self, self.current_user, "write", AUTH_RESOURCE)):
            raise web.HTTPError(403)
        # The raw value: tornado's get_query_argument would quietly turn control characters
        # (NUL included) into spaces, and the user should hear what was wrong with the name.
        raw = self.request.query_arguments.get("name", [b""])[0]
        self._writer = self.ready().datasets.begin_upload(raw.decode("utf-8", "replace"))

    def receive(self, chunk: bytes) -> None:
        if self._writer is not None:
            self._writer.write(chunk)  # a full disk or the limit: refused at once, file gone

    def refuse(self, error: VistaError) -> None:
        if self._writer is not None:
            self._writer.abort()
        super().refuse(error)

    def on_connection_close(self) -> None:
        # An interrupted or stalled upload leaves nothing behind.
        if self._writer is not None and not self._finished:
            self._writer.abort()
        super().on_connection_close()

    @web.authenticated
    @authorized
    async def post(self) -> None:
        """Receive a file; answers its upload id, to be used as a dataset source."""
        assert self._writer is not None
        upload = await self.ready().datasets.finish_upload(self.owner, self._writer)
        self.write_json(upload, status=201)


class DatasetsHandler(_ReadsDatasets):
    """`/vista/api/threads/{thread_id}/datasets`"""

    @web.authenticated
    @authorized
    def get(self, thread_id: str) -> None:
        """The thread's datasets."""
        self.write_json({"datasets": self.ready().datasets.list(self.owner, thread_id)})

    @web.authenticated
    @authorized
    async def post(self, thread_id: str) -> None:
        """Add a dataset (from an upload, an example or a workspace file) to the thread."""
        source = parse_body(DatasetSource, self.json_body())
        dataset = await self._reading(
            lambda progress: self.ready().datasets.add(self.owner, thread_id, source, progress)
        )
        self.write_json(dataset, status=201)


class ReadingHandler(VistaHandler):
    """`/vista/api/readings/{reading_id}`: a dataset being read (`?reading=` of a POST)."""

    @web.authenticated
    @authorized
    def get(self, reading_id: str) -> None:
        """How far the reading is: phase, bytes done of total, seconds elapsed."""
        self.write_json(self.ready().datasets.reading(self.owner, reading_id).as_dict())

    @web.authenticated
    @authorized
    def delete(self, reading_id: str) -> None:
        """Cancel the reading; its request then answers 409 and nothing is kept."""
        self.ready().datasets.reading(self.owner, reading_id).cancel()
        self.set_status(204)
        self.finish()


class DatasetHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/datasets/{dataset_id}`"""

    @web.authenticated
    @authorized
    def get(self, thread_id: str, dataset_id: str) -> None:
        """One dataset with its profile (the dataset card) and the model's summary."""
        self.write_json(self.ready().datasets.get(self.owner, thread_id, dataset_id))


class OriginalHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/datasets/{dataset_id}/original`"""

    @web.authenticated
    @authorized
    async def get(self, thread_id: str, dataset_id: str) -> None:
        """Download the original file under the name it was uploaded with."""
        path, name = self.ready().datasets.original(self.owner, thread_id, dataset_id)
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
        path, mime_type = self.ready().artifacts.file(self.owner, thread_id, artifact_id)
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
        self.write_json_text(await self.ready().events.page(self.owner, thread_id, as_json=True, **page))


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
        header = self.request.headers.get("Last-Event-ID")
        if header is not None:
            # What this stream sent as `id:` (ASCII digits); anything else is not one of ours.
            if not re.fullmatch(r"[0-9]{1,19}", header.strip()) or int(header) > MAX_SEQ:
                raise InvalidInput("Last-Event-ID must be an event sequence number from this stream.")
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


class ChangesHandler(VistaHandler):
    """`/vista/api/changes`: server-sent events, the caller's threads as they change."""

    #: Seconds between keep-alive comments (proxies close silent connections).
    keepalive = 15.0

    @web.authenticated
    @authorized
    async def get(self) -> None:
        """`: subscribed` once listening (read the list then), then an `event: thread` with
        the thread as listed for each created or changed thread, and an `event: deleted` with
        `{"id"}` for each deleted one."""
        self.set_header("Content-Type", "text/event-stream; charset=UTF-8")
        self.set_header("Cache-Control", "no-cache")
        self.set_header("X-Accel-Buffering", "no")
        follow = self.ready().changes.follow(self.owner, idle=self.keepalive)
        try:
            async with aclosing(follow):
                async for item in follow:
                    if item is Signal.REPLAYED:
                        self.write(": subscribed\n\n")
                    elif item is Signal.IDLE:
                        self.write(": keep-alive\n\n")
                    else:
                        self.write(
                            "".join(
                                f"event: thread\ndata: {json.dumps(change['thread'])}\n\n"
                                if "thread" in change
                                else f"event: deleted\ndata: {json.dumps({'id': change['deleted']})}\n\n"
                                for change in item
                            )
                        )
                    await self.flush()
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
        services = self.ready()
        exporter = services.exporter
        thread = services.threads.get(self.owner, thread_id)  # 404 before anything is sent
        name = notebook_file_name(thread["name"])
        if self.get_query_argument("bundle", "") == "zip":
            name = name[: -len(".ipynb")] + ".zip"
            content_type = "application/zip"
            chunks = stream_bytes(lambda out: exporter.write_bundle(self.owner, thread_id, out))
        else:
            content_type = "application/x-ipynb+json"
            chunks = stream_bytes(
                lambda out: exporter.write_notebook(self.owner, thread_id, name, lambda text: out.write(text.encode()))
            )
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
        self.ready().threads.get(self.owner, thread_id)
        saved = await self.ready().exporter.save(
            self.owner, thread_id, self.serverapp.contents_manager, body.path, body.on_conflict
        )
        self.write_json(saved, status=201)


class NotebookSetupHandler(VistaHandler):
    """`/vista/api/threads/{thread_id}/notebook/setup`"""

    @web.authenticated
    @authorized
    async def post(self, thread_id: str) -> None:
        """The set-up cell (imports, font, data copied beside it) for a notebook the thread's
        code is inserted into."""
        body = parse_body(NotebookSetup, self.json_body())
        cell = await self.ready().exporter.setup_cell(self.owner, thread_id, self.serverapp.contents_manager, body.path)
        self.write_json(cell)


_THREAD = r"(?P<thread_id>[^/]+)"
_ARTIFACT = r"(?P<artifact_id>[^/]+)"
_DATASET = r"(?P<dataset_id>[^/]+)"

#: (path under `<base_url>/vista/api`, handler). The OpenAPI test reads this list.
ROUTES: list[tuple[str, type[VistaHandler]]] = [
    ("/info", InfoHandler),
    ("/openapi.json", OpenAPIHandler),
    ("/threads", ThreadsHandler),
    ("/changes", ChangesHandler),
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
    (f"/threads/{_THREAD}/notebook/setup", NotebookSetupHandler),
    ("/readings/(?P<reading_id>[^/]+)", ReadingHandler),
]


def handlers() -> list[tuple[str, type[VistaHandler]]]:
    """Routes for `ExtensionApp.handlers` (the server prefixes its base URL)."""
    return [(rf"/vista/api{path}/?", handler) for path, handler in ROUTES]
