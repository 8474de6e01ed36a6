"""The model thread: an event loop of its own, beside the server's, where model clients run.

Talking to a model costs CPU that grows with the conversation: before each request the `openai`
package validates and transforms every message (about 0.5 ms each, so tens of milliseconds for a
long history, and again at every step of a turn), then it parses every streamed chunk. On the
server's event loop that time would hold up every other request of every user; here it runs
beside it (the GIL still interleaves both threads, in slices of a few milliseconds).

The streamed text comes back to the server's loop in order (`call_soon_threadsafe`), before the
call's result; pieces that arrive after a call was cancelled are dropped.
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


async def call_in_model_thread(start: Callable[[Callback, Callback], Awaitable[T]],
                               on_text: Callable[[str], Any],
                               on_reset: Callable[[str], Any]) -> T:
    """Run `start(text, reset)` (a model client's `complete`) on the model thread and return its
    result here; `on_text` and `on_reset` are called on this loop, in order, as it streams.
    Cancelling the caller cancels the call."""
    home = asyncio.get_running_loop()
    listening = [True]

    def deliver(callback: Callable[[str], Any], value: str) -> None:
        if listening[0]:
            callback(value)

    async def text(delta: str) -> None:
        home.call_soon_threadsafe(deliver, on_text, delta)

    async def reset(reason: str) -> None:
        home.call_soon_threadsafe(deliver, on_reset, reason)

    future = asyncio.run_coroutine_threadsafe(start(text, reset), model_loop())
    try:
        return await asyncio.wrap_future(future)
    finally:
        listening[0] = False
