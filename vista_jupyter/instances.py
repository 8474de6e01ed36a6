"""Which Jupyter servers share Vista's data folder, and which of them are gone.

Several servers may run on one data folder (two `jupyter lab` of one user, a restarted server
next to one still stopping, servers on several machines over a shared volume). Each is an
*instance*: when Vista starts it registers a row in the database (its id, host and process) and
a background thread renews it (a heartbeat) every `lease_timeout / 6` seconds. Another instance
is **gone** when

- it runs on this host (same host name, boot and PID namespace) and its process no longer exists
  (the pid is checked together with the process's start time, so a reused pid is not taken for
  it): known at once, so a restart after a crash recovers immediately; or
- its heartbeat counter has not moved for `lease_timeout` seconds as measured by this server's
  own clock (any host: no two clocks need to agree).

A server that stops cleanly removes its row. Only what a gone instance left is recovered (its
running turns, its pending folders, its scratch folder); see `VistaApp.housekeeping`.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from .store import Store


def host_key() -> str:
    """What identifies this host for process checks: name, boot, and PID namespace."""
    parts = [socket.gethostname()]
    for path in ("/proc/sys/kernel/random/boot_id",):
        try:
            parts.append(Path(path).read_text().strip())
        except OSError:
            pass
    try:
        parts.append(os.readlink("/proc/self/ns/pid"))
    except OSError:
        pass
    return "/".join(parts)


def process_start(pid: int) -> str:
    """When process `pid` started (clock ticks since boot; '' where /proc is missing)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    # The command name (2nd field) may contain spaces and parentheses: split after the last ')'.
    return stat.rsplit(")", 1)[1].split()[19]


def process_alive(pid: int, started: str) -> bool:
    """Whether the process `pid` that started at `started` still runs (on this host)."""
    if started:
        return process_start(pid) == started
    if os.name == "nt":  # os.kill would terminate it there: only the lease can tell
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Instances:
    """This server's lease, and the judgement of the others'."""

    def __init__(
        self,
        store: Store,
        *,
        lease_timeout: float = 60.0,
        touch: Sequence[Path] = (),
        log: logging.Logger | None = None,
    ):
        self.store = store
        self.lease_timeout = lease_timeout
        #: Seconds between heartbeats (and between housekeeping rounds).
        self.period = max(0.05, lease_timeout / 6)
        self.touch = list(touch)
        self.log = log or logging.getLogger(__name__)
        self.host = host_key()
        self._seen: dict[str, tuple[int, float]] = {}  # id -> (beat, when it last moved)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failing = False

    @property
    def id(self) -> str:
        return self.store.instance_id

    def start(self) -> None:
        """Register this server and start its heartbeat."""
        pid = os.getpid()
        self.store.register_instance(self.host, pid, process_start(pid))
        self._thread = threading.Thread(target=self._beat, name="vista-heartbeat", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the heartbeat and drop the lease (a clean shutdown)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        try:
            self.store.forget_instance(self.id)
        except Exception as e:  # the next server's recovery will see us gone
            self.log.warning("Vista: could not drop this server's lease: %s", e)

    def _beat(self) -> None:
        # A thread of its own: a busy event loop must not make this server look gone.
        while not self._stop.wait(self.period):
            try:
                self.store.heartbeat()
                for path in self.touch:  # scratch folders: fresh while their server lives
                    os.utime(path)
                if self._failing:
                    self.log.info("Vista: the heartbeat is saved again")
                self._failing = False
            except Exception as e:
                if not self._failing:
                    self.log.warning("Vista: the heartbeat could not be saved: %s", e)
                self._failing = True

    def gone(self) -> list[str]:
        """Ids of the other registered servers that are gone (see the module docstring)."""
        now = time.monotonic()
        out = []
        rows = self.store.instances()
        for row in rows:
            if row["id"] == self.id:
                continue
            beat, moved = self._seen.get(row["id"], (None, now))
            if beat != row["beat"]:
                moved = now
            self._seen[row["id"]] = (row["beat"], moved)
            same_host = row["host"] == self.host
            if (same_host and not process_alive(row["pid"], row["process_start"])) or (
                now - moved > self.lease_timeout
            ):
                out.append(row["id"])
        known = {r["id"] for r in rows}
        for instance_id in list(self._seen):
            if instance_id not in known:
                del self._seen[instance_id]
        return out
