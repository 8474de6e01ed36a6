"""A heavy user's history for the browser tests, made in a moment through Vista's store API.

Asking hundreds of questions through the chat would take the tests minutes; the store writes the
same rows (questions, answers, closed turns, threads) directly into the database the test server
uses (`$VISTA_UI_DATA_DIR/vista.sqlite3`, shared with the running server as a second server
would share it).

    python seed_history.py turns OWNER THREAD_ID N      # N finished questions and answers
    python seed_history.py threads OWNER PREFIX N       # N analyses last used long ago
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from vista_jupyter.store import Store, new_id


def main(kind: str, owner: str, target: str, count: int) -> None:
    path = Path(os.environ["VISTA_UI_DATA_DIR"]) / "vista.sqlite3"
    store = Store(path)
    try:
        if kind == "turns":
            for i in range(count):
                turn = new_id()
                store.start_turn(owner, target, turn, "vista-offline", f"Question {i}: how many rows?")
                store.finish_turn(
                    owner,
                    target,
                    turn,
                    "done",
                    f"Answer {i}: the table has {100 + i} rows. " + "Details. " * 20,
                    {"model": "vista-offline", "steps": []},
                    {},
                )
        elif kind == "threads":
            made = [store.create_thread(owner, f"{target} {i:03d}")["id"] for i in range(count)]
        else:
            raise SystemExit(f"unknown kind {kind!r}")
    finally:
        store.close()
    if kind == "threads":
        # Last used long ago (the oldest first), so they list below every analysis of the other
        # tests: only scrolling down the list reaches them.
        with sqlite3.connect(path) as db:
            db.executemany(
                "UPDATE threads SET created_at = ?, updated_at = ? WHERE id = ?",
                [(f"2020-01-01T00:{i // 60:02d}:{i % 60:02d}.000Z",) * 2 + (tid,) for i, tid in enumerate(made)],
            )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
