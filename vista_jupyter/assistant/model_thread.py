"""The model thread: an event loop of its own, beside the server's, where model clients run.

Talking to a model costs CPU that grows with the conversation: before each request the `openai`
package validates and transforms every message (about 0.5 ms each, so tens of milliseconds for a
long history, and again at every step of a turn), then it parses every streamed chunk. On the
server's event loop that time would hold up every other request of every user; here it runs
beside it (the GIL still interleaves both threads, in slices of a few milliseconds).

The streamed text comes back to the server's loop in order (`call_soon_threadsafe`), before the
call's result; pieces that arrive after a call was cancelled are dropped.

Every request of a turn's client (`clients.OpenAIClient`, made per turn on the server's loop) runs
here, so the endpoint's one `openai` client, whose connection pool belongs to the event loop that
first used it, is only ever used on this loop. What a client learns about a model (`ModelTraits`:
plain attributes) is written here and read by the server's loop between requests.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

T = TypeVar("T")

Callback = Callable[[str], Awaitable[None]]

_loop: asyncio.AbstractEventLoop | None = None
_lock = threading.Lock()


def model_loop() -> asyncio.AbstractEventLoop:
    """The model thread's event loop (started on first use; a daemon thread)."""
    global _loop
    with _lock:
        if _loop is None:
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="vista-model", daemon=True).start()
            _loop = loop
        return _loop


async def call_in_model_thread(
    start: Callable[[Callback, Callback], Awaitable[T]], on_text: Callable[[str], Any], on_reset: Callable[[str], Any]
) -> T:
    """Run `start(text, reset)` (a model client's `complete`) on the model thread and return its
    result here; `on_text` and `on_reset` are called on this loop, in order, as it streams.

    Cancelling the caller cancels the call (Stop does not wait for the model thread). When
    `on_text` or `on_reset` raises (the event log cannot store what streams: a full disk), the
    call is cancelled and the error is raised here, as it would be with the client on this loop.
    """
    home = asyncio.get_running_loop()
    listening = [True]
    failed: asyncio.Future = home.create_future()

    def deliver(callback: Callable[[str], Any], value: str) -> None:
        if not listening[0]:
            return
        try:
            callback(value)
        except Exception as e:
            listening[0] = False
            if not failed.done():
                failed.set_exception(e)

    async def text(delta: str) -> None:
        home.call_soon_threadsafe(deliver, on_text, delta)

    async def reset(reason: str) -> None:
        home.call_soon_threadsafe(deliver, on_reset, reason)

    call = asyncio.wrap_future(asyncio.run_coroutine_threadsafe(start(text, reset), model_loop()))
    try:
        # The pieces are delivered before the result (both come through this loop's queue, in
        # the order the model thread sent them), so a failed delivery is seen first.
        await asyncio.wait([call, failed], return_when=asyncio.FIRST_COMPLETED)
        if failed.done():
            return failed.result()  # raises the delivery's error
        return call.result()
    finally:
        listening[0] = False
        if not call.done():
            call.cancel()  # cancels the call on the model thread
        elif not call.cancelled():
            call.exception()  # looked at, so an unused error is not reported as lost
        if not failed.done():
            failed.cancel()
