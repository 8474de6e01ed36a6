"""The schema's history: each migration takes the database from version N-1 to N.

`Store` applies the missing ones in one transaction when it opens (`SCHEMA_VERSION` is the
version this code writes; a newer database is refused, never modified). Never edit a migration
that has shipped: append a new one.

The statements are written out in SQL rather than through sqlite-utils' `create_table` or
`add_column`: a shipped migration must produce exactly the schema it produced when it shipped,
whatever a later sqlite-utils generates (its quoting, its type names, its defaults).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from ..names import is_reserved, variable_name


def _migration_1(db: sqlite_utils.Database) -> None:
    db.execute(
        """
        CREATE TABLE threads (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX threads_owner_updated ON threads (owner, updated_at)")
    db.execute(
        """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
            owner TEXT NOT NULL,
            seq INTEGER NOT NULL,
            role TEXT NOT NULL,
            content TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            UNIQUE (thread_id, seq)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE datasets (
            id TEXT PRIMARY KEY,
            thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
            owner TEXT NOT NULL,
            name TEXT NOT NULL,
            original_name TEXT NOT NULL,
            original_path TEXT NOT NULL,
            parquet_path TEXT,
            source TEXT NOT NULL,
            profile TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX datasets_thread ON datasets (thread_id)")
    db.execute(
        """
        CREATE TABLE artifacts (
            id TEXT PRIMARY KEY,
            thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
            owner TEXT NOT NULL,
            kind TEXT NOT NULL,
            path TEXT NOT NULL,
            mime_type TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX artifacts_thread ON artifacts (thread_id)")


def _migration_2(db: sqlite_utils.Database) -> None:
    # Datasets get what ingest learned; staged uploads get a table of their own.
    for column, kind in [
        ("var_name", "TEXT NOT NULL DEFAULT 'df'"),
        ("rows", "INTEGER NOT NULL DEFAULT 0"),
        ("columns", "INTEGER NOT NULL DEFAULT 0"),
        ("size_bytes", "INTEGER NOT NULL DEFAULT 0"),
        ("detected", "TEXT NOT NULL DEFAULT '{}'"),
        ("warnings", "TEXT NOT NULL DEFAULT '[]'"),
        ("summary", "TEXT NOT NULL DEFAULT ''"),
    ]:
        db.execute(f"ALTER TABLE datasets ADD COLUMN {column} {kind}")
    db.execute(
        """
        CREATE TABLE uploads (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            name TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )


def _migration_3(db: sqlite_utils.Database) -> None:
    # Turns (one question and the work that answers it) and their events, in thread order.
    db.execute(
        """
        CREATE TABLE turns (
            id TEXT PRIMARY KEY,
            thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
            owner TEXT NOT NULL,
            status TEXT NOT NULL,
            model TEXT NOT NULL,
            user_message_id INTEGER,
            assistant_message_id INTEGER,
            usage TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            finished_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX turns_thread ON turns (thread_id, created_at)")
    db.execute("CREATE INDEX turns_status ON turns (status)")
    db.execute(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
            owner TEXT NOT NULL,
            turn_id TEXT,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            data TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (thread_id, seq)
        )
        """
    )


def _migration_4(db: sqlite_utils.Database) -> None:
    # Several servers on one data folder: each holds a lease (instances), running turns and
    # pending file work name the server doing them, so recovery touches only a gone server's.
    db.execute(
        """
        CREATE TABLE instances (
            id TEXT PRIMARY KEY,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            process_start TEXT NOT NULL,
            started_at TEXT NOT NULL,
            beat INTEGER NOT NULL DEFAULT 0,
            heartbeat_at TEXT NOT NULL
        )
        """
    )
    db.execute("ALTER TABLE turns ADD COLUMN instance_id TEXT")
    db.execute(
        """
        CREATE TABLE pending (
            path TEXT PRIMARY KEY,
            instance_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )
    # Dataset variables that shadow names analysis code needs (a dataset `pd.csv` became `pd`)
    # get a safe name; the first dataset of a thread stays `df`.
    taken: dict[str, set[str]] = {}
    rows = db.execute("SELECT id, thread_id, name, var_name FROM datasets ORDER BY created_at, rowid")
    for dataset_id, thread_id, name, var_name in rows.fetchall():
        names = taken.setdefault(thread_id, set())
        if is_reserved(var_name) or var_name in names:
            var_name = variable_name(name, names | {"df"})
            db.execute("UPDATE datasets SET var_name = ? WHERE id = ?", (var_name, dataset_id))
        names.add(var_name)


def _migration_5(db: sqlite_utils.Database) -> None:
    # History at scale: every read walks an index to its page, never a thread's whole history.
    # The message count lives in the thread row, kept by `_insert_message` in the same
    # transaction as the message, instead of being counted on every read.
    db.execute("ALTER TABLE threads ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE threads SET message_count = (SELECT COUNT(*) FROM messages m WHERE m.thread_id = threads.id)")
    # Keyset pages of an owner's threads, newest activity first: (updated_at, id) is the cursor.
    db.execute("DROP INDEX threads_owner_updated")
    db.execute("CREATE INDEX threads_owner_updated_id ON threads (owner, updated_at, id)")
    # The running turn of a thread (at most one) without reading its finished ones.
    db.execute("CREATE INDEX turns_running ON turns (thread_id) WHERE status = 'running'")
    # The events of one turn: where a running turn starts (replay), recovery after a restart.
    db.execute("CREATE INDEX events_turn ON events (turn_id, seq)")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
]

#: The schema version this code writes.
SCHEMA_VERSION = len(MIGRATIONS)
