"""`Store`: the connections, transactions and queries of Vista's database (see the package).

SQL is written out rather than built with sqlite-utils' table helpers (`insert`, `rows_where`,
`update`): every statement filters by owner and most do more in the same statement (a thread's
datasets and running turn in its row, the next `seq` of a thread, keyset pages), and the hot
paths (events, pages) run thousands of times a minute, where the helpers' per-call table
introspection would cost more than the statement. sqlite-utils gives the connection handling
(`Database`, `query`, WAL).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NoReturn

import sqlite_utils

from ..errors import Conflict, NotFound, StorageFull, StoreError
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .rows import (
    EVENT_JSON,
    MESSAGE_JSON,
    dataset_row,
    decode_cursor,
    encode_cursor,
    event_json,
    event_row,
    message_json,
    message_row,
    page_json,
    thread_row,
    turn_row,
)

#: Larger than any sequence number (the end of a thread, for "the last page").
MAX_SEQ = 2**62


def utcnow() -> str:
    """The current time as an ISO-8601 UTC string with milliseconds (sortable as text)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    """An opaque, unguessable identifier (128 random bits, URL- and filename-safe)."""
    return secrets.token_hex(16)


# SQLite result codes (the primary code is the low byte of an extended one).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26

DISK_FULL = (
    "The server's disk is full, so Vista could not save this. Free some space (or ask "
    "your administrator) and try again."
)

STORE_CLOSED = "Vista's database is closed: the server is stopping. Reload the page once it is back."


def _sqlite_code(e: sqlite3.Error) -> int | None:
    code = getattr(e, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF
    text = str(e).lower()  # older Pythons: the message is all there is
    for needle, number in (
        ("disk is full", _SQLITE_FULL),
        ("malformed", _SQLITE_CORRUPT),
        ("not a database", _SQLITE_NOTADB),
        ("is locked", _SQLITE_BUSY),
        ("readonly", _SQLITE_READONLY),
        ("disk i/o error", _SQLITE_IOERR),
        ("unable to open", _SQLITE_CANTOPEN),
    ):
        if needle in text:
            return number
    return None


class Store:
    """Owner-scoped access to the Vista database.

    Parameters
    ----------
    path:
        The SQLite file; created (with its folder) if missing.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        #: This server's id among the servers sharing the database (see `register_instance`).
        self.instance_id = new_id()
        self._instance_row: dict[str, Any] | None = None
        #: Called with (owner, thread id) after each committed change of what a thread list
        #: shows (a thread created, renamed, deleted, given a message or a dataset): the change
        #: feed (`changes.py`) sets it. Called on the writing thread, inside no transaction.
        self.on_change: Callable[[str, str], None] | None = None
        self._touched: list[tuple[str, str]] = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One connection for writes (and for reads on the thread that opened the store, the
        # server's event loop), usable from worker threads too; the lock serialises access to it.
        # Reads made from worker threads (`asyncio.to_thread`) use a connection of their own
        # instead (`_reader`): in WAL mode they never wait for the writer, and the event loop
        # never waits for them.
        # Autocommit mode: transactions are explicit (`_transaction`).
        self._home_thread = threading.get_ident()
        self._local = threading.local()
        # Each reader with the lock its thread holds while it reads: `close` takes it before
        # closing that connection, since closing a connection another thread is stepping through
        # a query crashes the process (SQLite's connection is freed under it).
        self._readers: list[tuple[sqlite3.Connection, threading.Lock]] = []
        self._readers_lock = threading.Lock()
        self._closed = False
        conn = self._connect()
        try:
            self.db = sqlite_utils.Database(conn)
            # Look before touching anything: switching to WAL rewrites the file header.
            self._refuse_newer(self.db.execute("PRAGMA user_version").fetchone()[0])
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 10000")
            self.db.enable_wal()
            # In WAL mode NORMAL is durable across application crashes; only an OS crash can
            # lose the last commits, never corrupt the file.
            self.db.execute("PRAGMA synchronous = NORMAL")
            self._lock = threading.RLock()
            self._migrate()
        except sqlite3.DatabaseError as e:
            conn.close()
            raise StoreError(f"The Vista database {self.path} cannot be used: {e}") from e
        except BaseException:
            conn.close()
            raise

    # --- plumbing -------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        """A new connection to the database file (every connection of the store is made here)."""
        return sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10)

    def _reader(self) -> tuple[sqlite_utils.Database, threading.Lock] | None:
        """The calling worker thread's own read connection and the lock to hold while reading
        through it; `None` on the store's home thread (which reads through the main connection)."""
        if threading.get_ident() == self._home_thread:
            return None
        reader = getattr(self._local, "reader", None)
        if reader is None:
            with self._readers_lock:
                if self._closed:
                    raise StoreError(STORE_CLOSED)
                conn = self._connect()
                conn.execute("PRAGMA busy_timeout = 10000")
                conn.execute("PRAGMA query_only = ON")
                # Wrapping the connection runs a statement on it too (sqlite_utils sets a
                # pragma), so it happens before `close` can see the connection.
                reader = self._local.reader = (sqlite_utils.Database(conn), threading.Lock())
                self._readers.append((conn, reader[1]))
        return reader

    def _translated(self, e: sqlite3.Error) -> BaseException:
        """The domain error for a SQLite failure (`e` itself when it is a programming error)."""
        code = _sqlite_code(e)
        if code == _SQLITE_FULL:
            return StorageFull(DISK_FULL)
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return StoreError(
                f"The Vista database {self.path} is damaged ({e}). Vista cannot use it until it "
                "is repaired or restored from a backup; the rest of Jupyter keeps working."
            )
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return StoreError("The Vista database is busy (another process holds it locked). Try again in a moment.")
        if code == _SQLITE_READONLY:
            return StoreError(
                f"The Vista database {self.path} is read-only, so nothing can be "
                "saved. Ask your administrator to make it writable."
            )
        if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
            return StoreError(
                f"The Vista database {self.path} could not be read or written ({e}). Check the disk it is on."
            )
        return e

    def _raise(self, e: sqlite3.Error) -> NoReturn:
        error = self._translated(e)
        if error is e:
            raise e
        raise error from e

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (a full disk, an I/O error).
        if self.db.conn.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    @contextmanager
    def _transaction(self) -> Iterator[sqlite_utils.Database]:
        """A write transaction taken up front (IMMEDIATE), so concurrent writers queue cleanly."""
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                self._raise(e)
            self._touched = []
            try:
                yield self.db
            except sqlite3.Error as e:
                self._rollback()
                self._raise(e)
            except BaseException:
                self._rollback()
                raise
            try:
                self.db.execute("COMMIT")
            except sqlite3.Error as e:
                self._rollback()
                self._raise(e)
            touched, self._touched = self._touched, []
        if self.on_change is not None:
            for owner, thread_id in dict.fromkeys(touched):
                try:
                    self.on_change(owner, thread_id)
                except Exception:  # a listener's failure is not the write's
                    pass

    def _touch(self, owner: str, thread_id: str) -> None:
        """Note (inside a transaction) that a thread's listed state changes with it."""
        self._touched.append((owner, thread_id))

    @staticmethod
    def _owned(db: sqlite_utils.Database, owner: str, thread_id: str) -> bool:
        """Whether `thread_id` exists and belongs to `owner` (inside a transaction)."""
        return db.execute("SELECT 1 FROM threads WHERE id = ? AND owner = ?", (thread_id, owner)).fetchone() is not None

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        reader = self._reader()
        if reader is not None:
            db, lock = reader
            # Rows are made in Python one at a time, so a worker reading a long page hands the
            # GIL to the event loop every few milliseconds (a C-level `fetchall` keeps it,
            # measured: loop stalls of 50 ms for 5,000 rows).
            with lock:
                if self._closed:
                    raise StoreError(STORE_CLOSED)
                try:
                    return list(db.query(sql, params))
                except sqlite3.Error as e:
                    self._raise(e)
        with self._lock:
            try:
                return list(self.db.query(sql, params))
            except sqlite3.Error as e:
                self._raise(e)

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return self._rows("PRAGMA user_version")[0]["user_version"]

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The Vista database {self.path} was written by a newer version of Vista "
                f"(schema {version}; this version knows up to {SCHEMA_VERSION}). Upgrade "
                "vista_jupyter; the database was left untouched."
            )

    def _migrate(self) -> None:
        with self._transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            self._refuse_newer(version)  # again: another server may have migrated meanwhile
            for number in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[number - 1](db)
                db.execute(f"PRAGMA user_version = {number}")

    def close(self) -> None:
        """Close the connections (the WAL is checkpointed by SQLite)."""
        with self._readers_lock:
            self._closed = True
            for conn, lock in self._readers:
                with lock:  # a read in progress ends first
                    conn.close()
            self._readers.clear()
        with self._lock:
            self.db.conn.close()

    # --- threads --------------------------------------------------------------------------------

    # Every column is read from the thread's own row or through an index of a few rows (its
    # datasets, its running turn), so a thread costs the same however long its history is.
    _THREAD_SELECT = """
        SELECT t.id, t.name, t.created_at, t.updated_at, t.message_count,
               (SELECT json_group_array(name) FROM
                   (SELECT d.name FROM datasets d WHERE d.thread_id = t.id
                    ORDER BY d.created_at, d.rowid)) AS dataset_names,
               (SELECT r.id FROM turns r WHERE r.thread_id = t.id AND r.status = 'running'
                LIMIT 1) AS running_turn
        FROM threads t
    """

    def create_thread(
        self,
        owner: str,
        name: str,
        *,
        thread_id: str | None = None,
        datasets: Sequence[dict[str, Any]] = (),
        clear_pending: str | None = None,
    ) -> dict[str, Any]:
        """Create a thread for `owner`, with its first datasets in the same transaction.

        `clear_pending`: the pending mark of the thread's folder, cleared in that transaction
        (the folder now belongs to a recorded thread).
        """
        now = utcnow()
        thread_id = thread_id or new_id()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO threads (id, owner, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                (thread_id, owner, name, now, now),
            )
            for dataset in datasets:
                self._insert_dataset(db, owner, thread_id, dataset, now)
            if clear_pending is not None:
                db.execute("DELETE FROM pending WHERE path = ?", (clear_pending,))
            self._touch(owner, thread_id)
        return self.get_thread(owner, thread_id)

    def all_thread_ids(self) -> set[str]:
        """Ids of every thread of every owner (for housekeeping only)."""
        return {r["id"] for r in self._rows("SELECT id FROM threads")}

    def thread_exists(self, thread_id: str, owner: str | None = None) -> bool:
        """Whether a thread exists (of `owner`, or of anyone)."""
        if owner is None:
            return bool(self._rows("SELECT 1 FROM threads WHERE id = ?", (thread_id,)))
        return bool(self._rows("SELECT 1 FROM threads WHERE id = ? AND owner = ?", (thread_id, owner)))

    def dataset_exists(self, dataset_id: str) -> bool:
        """Whether a dataset row exists (of anyone; for housekeeping)."""
        return bool(self._rows("SELECT 1 FROM datasets WHERE id = ?", (dataset_id,)))

    def list_threads(self, owner: str) -> list[dict[str, Any]]:
        """Every thread of the owner, most recently updated first (all pages of `thread_page`)."""
        threads: list[dict[str, Any]] = []
        cursor: str | None = None
        while True:
            page, cursor = self.thread_page(owner, limit=500, cursor=cursor)
            threads += page
            if cursor is None:
                return threads

    def thread_page(
        self, owner: str, limit: int = 100, cursor: str | None = None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """A page of the owner's threads, most recently updated first.

        `cursor` is the value a previous page returned (`None`: the first page). Returns the
        page and the cursor of the next one (`None` after the last). The cursor is the position
        (updated_at, id) of the page's last thread, so a page is an index range, whatever the
        number of threads; a thread updated while someone pages moves to the top (where the
        next refresh finds it), and no thread is listed twice in one walk unless it moved.
        """
        sql = self._THREAD_SELECT + " WHERE t.owner = ?"
        params: list[Any] = [owner]
        if cursor is not None:
            sql += " AND (t.updated_at, t.id) < (?, ?)"
            params += decode_cursor(cursor)
        rows = self._rows(sql + " ORDER BY t.updated_at DESC, t.id DESC LIMIT ?", (*params, limit + 1))
        page = [thread_row(r) for r in rows[:limit]]
        more = len(rows) > limit
        return page, (encode_cursor(page[-1]["updated_at"], page[-1]["id"]) if more else None)

    def get_thread(self, owner: str, thread_id: str) -> dict[str, Any]:
        """One of the owner's threads; `NotFound` if unknown or someone else's."""
        rows = self._rows(self._THREAD_SELECT + " WHERE t.id = ? AND t.owner = ?", (thread_id, owner))
        if not rows:
            raise NotFound("No such thread. It may have been deleted.")
        return thread_row(rows[0])

    def latest_update(self, owner: str) -> str:
        """When the owner's most recently changed thread changed ('' without threads): the
        end of the (owner, updated_at, id) index."""
        rows = self._rows("SELECT MAX(updated_at) AS at FROM threads WHERE owner = ?", (owner,))
        return rows[0]["at"] or ""

    def threads_updated_since(self, owner: str, since: str, limit: int = 500) -> list[dict[str, Any]]:
        """The owner's threads changed after `since` (an `updated_at`), oldest change first: a
        range of the (owner, updated_at, id) index, as long as what changed."""
        rows = self._rows(
            self._THREAD_SELECT + " WHERE t.owner = ? AND t.updated_at > ? ORDER BY t.updated_at, t.id LIMIT ?",
            (owner, since, limit),
        )
        return [thread_row(r) for r in rows]

    def rename_thread(self, owner: str, thread_id: str, name: str) -> dict[str, Any]:
        """Rename one of the owner's threads and return it."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE threads SET name = ?, updated_at = ? WHERE id = ? AND owner = ?",
                (name, utcnow(), thread_id, owner),
            )
            if cursor.rowcount == 0:
                raise NotFound("No such thread. It may have been deleted.")
            self._touch(owner, thread_id)
        return self.get_thread(owner, thread_id)

    def delete_thread(self, owner: str, thread_id: str, folder: str | None = None) -> None:
        """Delete one of the owner's threads with all its rows (messages, datasets, artifacts).

        `folder`: the thread's folder (relative to the data folder), marked pending deletion in
        the same transaction, so a crash before it is removed leaves it to recovery.
        """
        with self._transaction() as db:
            cursor = db.execute("DELETE FROM threads WHERE id = ? AND owner = ?", (thread_id, owner))
            if cursor.rowcount == 0:
                raise NotFound("No such thread. It may have been deleted.")
            if folder is not None:
                self._mark(db, folder, "delete")
            self._touch(owner, thread_id)

    # --- messages -------------------------------------------------------------------------------

    def _insert_message(
        self,
        db: sqlite_utils.Database,
        owner: str,
        thread_id: str,
        role: str,
        content: str,
        metadata: dict[str, Any] | None,
        now: str,
    ) -> int:
        (seq,) = db.execute(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE thread_id = ?", (thread_id,)
        ).fetchone()
        cursor = db.execute(
            "INSERT INTO messages (thread_id, owner, seq, role, content, metadata, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (thread_id, owner, seq, role, content, json.dumps(metadata or {}), now),
        )
        db.execute(
            "UPDATE threads SET updated_at = ?, message_count = message_count + 1 WHERE id = ?",
            (now, thread_id),
        )
        self._touch(owner, thread_id)
        return int(cursor.lastrowid)

    def list_messages(
        self, owner: str, thread_id: str, after: int = 0, limit: int = 100
    ) -> tuple[list[dict[str, Any]], int | None]:
        """A page of the thread's messages with `seq > after`, oldest first.

        Returns the page and the cursor for the next page (`None` when this page is the last).
        """
        page = self.message_page(owner, thread_id, after=after, limit=limit)
        return page["messages"], page["next_after"]

    def message_page(
        self,
        owner: str,
        thread_id: str,
        *,
        after: int | None = None,
        before: int | None = None,
        limit: int = 100,
        as_json: bool = False,
    ) -> Any:
        """A page of the thread's messages, oldest first, read through the (thread, seq) index.

        With `after`: the first `limit` messages with `seq > after`. With `before`: the last
        `limit` messages with `seq < before` (`before=None, after=None`: the thread's last page,
        which is where a conversation is opened). The answer holds the page and both cursors:
        `next_after` (pass as `after` for the newer messages; `None` when there are none) and
        `prev_before` (pass as `before` for the older ones; `None` when there are none).

        `as_json`: the page as JSON text, the same document as the page, written by SQLite
        from the stored columns (what the REST API sends).
        """
        if as_json:
            return self._page_as_json("messages", MESSAGE_JSON, message_json, owner, thread_id, after, before, limit)
        return self._page("messages", message_row, owner, thread_id, after, before, limit)

    def _page_as_json(
        self,
        table: str,
        document: str,
        fallback: Callable[[Any], str],
        owner: str,
        thread_id: str,
        after: int | None,
        before: int | None,
        limit: int,
    ) -> str:
        try:
            page = self._page(
                table,
                lambda row: row["json"],
                owner,
                thread_id,
                after,
                before,
                limit,
                select=f"seq, {document} AS json",
            )
        except sqlite3.OperationalError as e:
            if "JSON" not in str(e):
                raise
            page = self._page(table, fallback, owner, thread_id, after, before, limit)
        return page_json(table, page)

    def _page(
        self,
        table: str,
        mapper: Callable[[Any], Any],
        owner: str,
        thread_id: str,
        after: int | None,
        before: int | None,
        limit: int,
        select: str = "*",
    ) -> dict[str, Any]:
        # `table` and `select` are constants of this module, never user input. Every query is
        # a range of the UNIQUE (thread_id, seq) index: `limit + 1` rows, or one for EXISTS.
        self.check_thread(owner, thread_id)
        base = f"SELECT {select} FROM {table} WHERE thread_id = ? AND owner = ?"
        if after is not None:
            rows = self._rows(f"{base} AND seq > ? ORDER BY seq LIMIT ?", (thread_id, owner, after, limit + 1))
            newer = len(rows) > limit
            rows = rows[:limit]
            # The page covers seq in [low, high]; an empty page covers (after, after].
            low, high = (rows[0]["seq"], rows[-1]["seq"]) if rows else (after + 1, after)
            older = self._exists(table, thread_id, "seq < ?", low)
        else:
            end = MAX_SEQ if before is None else before
            rows = self._rows(f"{base} AND seq < ? ORDER BY seq DESC LIMIT ?", (thread_id, owner, end, limit + 1))
            older = len(rows) > limit
            rows = rows[:limit][::-1]
            low, high = (rows[0]["seq"], rows[-1]["seq"]) if rows else (end, end - 1)
            newer = self._exists(table, thread_id, "seq > ?", high)
        return {
            table: [mapper(r) for r in rows],
            "next_after": high if newer else None,
            "prev_before": low if older else None,
        }

    def _exists(self, table: str, thread_id: str, condition: str, value: int) -> bool:
        return bool(
            self._rows(
                f"SELECT EXISTS (SELECT 1 FROM {table} WHERE thread_id = ? AND {condition}) AS x",
                (thread_id, value),
            )[0]["x"]
        )

    def check_thread(self, owner: str, thread_id: str) -> None:
        """`NotFound` unless the thread exists and is the owner's (one primary-key look-up)."""
        if not self._rows("SELECT 1 FROM threads WHERE id = ? AND owner = ?", (thread_id, owner)):
            raise NotFound("No such thread. It may have been deleted.")

    def recent_messages(self, owner: str, thread_id: str, limit: int) -> list[dict[str, Any]]:
        """The thread's last `limit` messages, oldest first."""
        rows = self._rows(
            "SELECT * FROM messages WHERE thread_id = ? AND owner = ? ORDER BY seq DESC LIMIT ?",
            (thread_id, owner, limit),
        )
        return [message_row(r) for r in reversed(rows)]

    # --- uploads (staged files not yet part of a thread) ---------------------------------------

    def add_upload(self, owner: str, upload_id: str, name: str, size_bytes: int) -> dict[str, Any]:
        """Record a completed upload."""
        row = {"id": upload_id, "owner": owner, "name": name, "size_bytes": size_bytes, "created_at": utcnow()}
        with self._transaction() as db:
            db.execute(
                "INSERT INTO uploads (id, owner, name, size_bytes, created_at) VALUES (?, ?, ?, ?, ?)",
                tuple(row.values()),
            )
        return {k: v for k, v in row.items() if k != "owner"}

    def get_upload(self, owner: str, upload_id: str) -> dict[str, Any]:
        """One of the owner's uploads; `NotFound` otherwise."""
        rows = self._rows(
            "SELECT id, name, size_bytes, created_at FROM uploads WHERE id = ? AND owner = ?",
            (upload_id, owner),
        )
        if not rows:
            raise NotFound("No such upload. Upload the file again.")
        return rows[0]

    def delete_upload(self, upload_id: str) -> None:
        """Forget an upload (its file is the caller's to remove)."""
        with self._transaction() as db:
            db.execute("DELETE FROM uploads WHERE id = ?", (upload_id,))

    def uploads_before(self, cutoff: str) -> list[str]:
        """Ids of uploads created before `cutoff` (an ISO timestamp), of every owner."""
        return [r["id"] for r in self._rows("SELECT id FROM uploads WHERE created_at < ?", (cutoff,))]

    def all_upload_ids(self) -> set[str]:
        """Ids of every upload of every owner (start-up housekeeping)."""
        return {r["id"] for r in self._rows("SELECT id FROM uploads")}

    # --- datasets -------------------------------------------------------------------------------

    def add_dataset(
        self, owner: str, thread_id: str, dataset: dict[str, Any], clear_pending: str | None = None
    ) -> dict[str, Any]:
        """Record a dataset of one of the owner's threads.

        `dataset` holds the columns of the table (id, name, original_name, original_path,
        parquet_path, source, var_name, rows, columns, size_bytes, detected, warnings, profile,
        summary); JSON-valued ones are encoded here. `clear_pending`: the pending mark of the
        dataset's folder, cleared in the same transaction.
        """
        now = utcnow()
        with self._transaction() as db:
            if not self._owned(db, owner, thread_id):
                raise NotFound("No such thread. It may have been deleted.")
            self._insert_dataset(db, owner, thread_id, dataset, now)
            db.execute("UPDATE threads SET updated_at = ? WHERE id = ?", (now, thread_id))
            self._touch(owner, thread_id)
            if clear_pending is not None:
                db.execute("DELETE FROM pending WHERE path = ?", (clear_pending,))
        return self.get_dataset(owner, thread_id, dataset["id"])

    @staticmethod
    def _insert_dataset(
        db: sqlite_utils.Database, owner: str, thread_id: str, dataset: dict[str, Any], now: str
    ) -> None:
        row = dict(dataset, thread_id=thread_id, owner=owner, created_at=now)
        for key in ("detected", "warnings", "profile"):
            row[key] = json.dumps(row[key])
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        db.execute(f"INSERT INTO datasets ({columns}) VALUES ({marks})", tuple(row.values()))

    def list_datasets(self, owner: str, thread_id: str) -> list[dict[str, Any]]:
        """The datasets of one of the owner's threads, in the order they were added."""
        self.get_thread(owner, thread_id)
        rows = self._rows(
            "SELECT * FROM datasets WHERE thread_id = ? AND owner = ? ORDER BY created_at, rowid",
            (thread_id, owner),
        )
        return [dataset_row(r) for r in rows]

    def get_dataset(self, owner: str, thread_id: str, dataset_id: str) -> dict[str, Any]:
        """One dataset with its profile; `NotFound` if unknown or someone else's."""
        rows = self._rows(
            "SELECT * FROM datasets WHERE id = ? AND thread_id = ? AND owner = ?",
            (dataset_id, thread_id, owner),
        )
        if not rows:
            raise NotFound("No such dataset.")
        return dataset_row(rows[0], with_profile=True)

    def set_dataset_profile(self, dataset_id: str, profile: dict[str, Any], summary: str) -> bool:
        """Replace a dataset's profile and model summary (the full profile, computed after the
        dataset was recorded); whether the dataset still exists."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE datasets SET profile = ?, summary = ? WHERE id = ?", (json.dumps(profile), summary, dataset_id)
            )
            return cursor.rowcount > 0

    def dataset_paths(self, owner: str, thread_id: str, dataset_id: str) -> dict[str, str]:
        """Where a dataset's files are, relative to its thread folder."""
        rows = self._rows(
            "SELECT original_path, parquet_path FROM datasets WHERE id = ? AND thread_id = ? AND owner = ?",
            (dataset_id, thread_id, owner),
        )
        if not rows:
            raise NotFound("No such dataset.")
        return rows[0]

    # --- artifacts (figures) --------------------------------------------------------------------

    def add_artifact(
        self, owner: str, thread_id: str, artifact_id: str, kind: str, path: str, mime_type: str
    ) -> dict[str, Any]:
        """Record a file produced in a thread (path relative to the thread folder)."""
        now = utcnow()
        with self._transaction() as db:
            if not self._owned(db, owner, thread_id):
                raise NotFound("No such thread. It may have been deleted.")
            db.execute(
                "INSERT INTO artifacts (id, thread_id, owner, kind, path, mime_type, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (artifact_id, thread_id, owner, kind, path, mime_type, now),
            )
        return {"id": artifact_id, "thread_id": thread_id, "kind": kind, "mime_type": mime_type, "created_at": now}

    def get_artifact(self, owner: str, thread_id: str, artifact_id: str) -> dict[str, Any]:
        """One of the owner's artifacts (with its path); `NotFound` otherwise."""
        rows = self._rows(
            "SELECT id, thread_id, kind, path, mime_type, created_at FROM artifacts "
            "WHERE id = ? AND thread_id = ? AND owner = ?",
            (artifact_id, thread_id, owner),
        )
        if not rows:
            raise NotFound("No such figure.")
        return rows[0]

    # --- turns and events -----------------------------------------------------------------------

    def start_turn(
        self, owner: str, thread_id: str, turn_id: str, model: str, content: str
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Store the user's message and open a turn for it, atomically.

        Raises `Conflict` if the thread already has a running turn (also across servers).
        """
        now = utcnow()
        with self._transaction() as db:
            if not self._owned(db, owner, thread_id):
                raise NotFound("No such thread. It may have been deleted.")
            if db.execute("SELECT 1 FROM turns WHERE thread_id = ? AND status = 'running'", (thread_id,)).fetchone():
                raise Conflict(
                    "Vista is still answering the previous question in this thread. "
                    "Wait for it to finish or press Stop."
                )
            message_id = self._insert_message(db, owner, thread_id, "user", content, {"turn_id": turn_id}, now)
            db.execute(
                "INSERT INTO turns (id, thread_id, owner, status, model, user_message_id, "
                "created_at, instance_id) VALUES (?, ?, ?, 'running', ?, ?, ?, ?)",
                (turn_id, thread_id, owner, model, message_id, now, self.instance_id),
            )
        message = message_row(self._rows("SELECT * FROM messages WHERE id = ?", (message_id,))[0])
        return self.get_turn(owner, thread_id, turn_id), message

    def finish_turn(
        self,
        owner: str,
        thread_id: str,
        turn_id: str,
        status: str,
        content: str,
        metadata: dict[str, Any],
        usage: dict[str, Any],
        *,
        error: str | None = None,
        timing: dict[str, Any] | None = None,
        pending: Sequence[dict[str, Any]] = (),
        first_seq: int = 1,
    ) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
        """Close a turn that is still running, in one transaction: the events still waiting to
        be stored (`pending`, numbered by the event log), its `error` event (if any), its
        assistant message, its status and its `done` event (numbered from at least
        `first_seq`, after every number the event log gave out).

        Returns the message and the events written (not `pending`), or `None` when there was
        nothing to close (and nothing is written): the thread is gone, or the turn was already
        closed (by another server's recovery, say). Only a running turn is ever closed, so a
        turn never gets two answers.
        """
        now = utcnow()
        with self._transaction() as db:
            row = db.execute(
                "SELECT status FROM turns WHERE id = ? AND thread_id = ? AND owner = ?",
                (turn_id, thread_id, owner),
            ).fetchone()
            if row is None or row[0] != "running":
                return None
            if pending:
                self._insert_events(db, owner, thread_id, pending)
            events = []
            if error is not None:
                events.append(
                    self._insert_event(db, owner, thread_id, turn_id, "error", {"message": error}, now, first_seq)
                )
            message_id = self._insert_message(
                db, owner, thread_id, "assistant", content, dict(metadata, turn_id=turn_id, status=status), now
            )
            db.execute(
                "UPDATE turns SET status = ?, assistant_message_id = ?, usage = ?, finished_at = ? "
                "WHERE id = ? AND status = 'running'",
                (status, message_id, json.dumps(usage), now, turn_id),
            )
            message = message_row(
                dict(
                    zip(
                        ("id", "seq", "role", "content", "metadata", "created_at"),
                        db.execute(
                            "SELECT id, seq, role, content, metadata, created_at FROM messages WHERE id = ?",
                            (message_id,),
                        ).fetchone(),
                    )
                )
            )
            events.append(
                self._insert_event(
                    db,
                    owner,
                    thread_id,
                    turn_id,
                    "done",
                    {"status": status, "usage": usage, "timing": timing or {}, "message": message},
                    now,
                    first_seq,
                )
            )
        return message, events

    def get_turn(self, owner: str, thread_id: str, turn_id: str) -> dict[str, Any]:
        """One turn of one of the owner's threads."""
        rows = self._rows(
            "SELECT * FROM turns WHERE id = ? AND thread_id = ? AND owner = ?",
            (turn_id, thread_id, owner),
        )
        if not rows:
            raise NotFound("No such turn.")
        return turn_row(rows[0])

    def running_turns(self, instance_id: str | None = None) -> list[dict[str, Any]]:
        """Turns still marked running (of every owner; with `instance_id`, only that server's)."""
        sql, params = "SELECT * FROM turns WHERE status = 'running'", ()
        if instance_id is not None:
            sql, params = sql + " AND instance_id = ?", (instance_id,)
        return [dict(turn_row(r), owner=r["owner"], instance_id=r["instance_id"]) for r in self._rows(sql, params)]

    def orphaned_turns(self, gone: Sequence[str] = ()) -> list[dict[str, Any]]:
        """Running turns whose server is gone: named in `gone`, or no longer registered.

        One query, so a server that registers meanwhile is never taken for gone (a server
        registers before it starts any turn).
        """
        marks = ", ".join("?" for _ in gone) or "NULL"
        rows = self._rows(
            "SELECT * FROM turns WHERE status = 'running' AND (instance_id IS NULL "
            f"OR instance_id NOT IN (SELECT id FROM instances) OR instance_id IN ({marks}))",
            tuple(gone),
        )
        return [dict(turn_row(r), owner=r["owner"], instance_id=r["instance_id"]) for r in rows]

    @staticmethod
    def _insert_event(
        db: sqlite_utils.Database,
        owner: str,
        thread_id: str,
        turn_id: str | None,
        kind: str,
        data: dict[str, Any],
        now: str,
        at_least: int = 1,
    ) -> dict[str, Any]:
        (seq,) = db.execute(
            "SELECT MAX(COALESCE(MAX(seq), 0) + 1, ?) FROM events WHERE thread_id = ?",
            (at_least, thread_id),
        ).fetchone()
        db.execute(
            "INSERT INTO events (thread_id, owner, turn_id, seq, type, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (thread_id, owner, turn_id, seq, kind, json.dumps(data), now),
        )
        return {"seq": seq, "type": kind, "turn_id": turn_id, "data": data, "created_at": now}

    def append_events(self, owner: str, thread_id: str, events: Sequence[dict[str, Any]]) -> bool:
        """Store events whose `seq` the caller assigned (the event log's coalesced writes), in
        one transaction; `False` (nothing written) if the thread no longer exists."""
        with self._transaction() as db:
            if not self._owned(db, owner, thread_id):
                return False
            self._insert_events(db, owner, thread_id, events)
        return True

    @staticmethod
    def _insert_events(db: sqlite_utils.Database, owner: str, thread_id: str, events: Sequence[dict[str, Any]]) -> None:
        db.conn.executemany(
            "INSERT INTO events (thread_id, owner, turn_id, seq, type, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (thread_id, owner, e["turn_id"], e["seq"], e["type"], json.dumps(e["data"]), e["created_at"])
                for e in events
            ],
        )

    def last_event_seq(self, thread_id: str) -> int:
        """The thread's highest event seq (0 without events): one index look-up."""
        return int(
            self._rows("SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE thread_id = ?", (thread_id,))[0]["seq"]
        )

    def replay_after(self, thread_id: str, running_turn: str | None) -> int:
        """The event seq after which a client sees the running turn from its start, or (none
        running) only what comes next: every earlier event belongs to a finished turn, whose
        answer is already a message. Call after the ownership check (`get_thread`).

        Two index look-ups (the turn's first event; the thread's last), whatever the history."""
        if running_turn is not None:
            [row] = self._rows("SELECT MIN(seq) - 1 AS seq FROM events WHERE turn_id = ?", (running_turn,))
            if row["seq"] is not None:
                return int(row["seq"])
        return self.last_event_seq(thread_id)

    def list_events(
        self, owner: str, thread_id: str, after: int = 0, limit: int = 1000, turn_id: str | None = None
    ) -> list[dict[str, Any]]:
        """The thread's events with `seq > after`, oldest first (of one turn, if `turn_id`)."""
        self.check_thread(owner, thread_id)
        if turn_id is not None:
            rows = self._rows(
                "SELECT * FROM events WHERE turn_id = ? AND thread_id = ? AND owner = ? "
                "AND seq > ? ORDER BY seq LIMIT ?",
                (turn_id, thread_id, owner, after, limit),
            )
        else:
            rows = self._rows(
                "SELECT * FROM events WHERE thread_id = ? AND owner = ? AND seq > ? ORDER BY seq LIMIT ?",
                (thread_id, owner, after, limit),
            )
        return [event_row(r) for r in rows]

    def event_page(
        self,
        owner: str,
        thread_id: str,
        *,
        after: int | None = None,
        before: int | None = None,
        limit: int = 500,
        as_json: bool = False,
    ) -> Any:
        """A page of the thread's stored events; cursors and `as_json` as in `message_page`."""
        if as_json:
            return self._page_as_json("events", EVENT_JSON, event_json, owner, thread_id, after, before, limit)
        return self._page("events", event_row, owner, thread_id, after, before, limit)

    # --- instances (servers sharing this database) and pending file work -----------------------

    def register_instance(self, host: str, pid: int, process_start: str) -> None:
        """Record this server as running (its lease; `heartbeat` renews it)."""
        now = utcnow()
        self._instance_row = {
            "id": self.instance_id,
            "host": host,
            "pid": pid,
            "process_start": process_start,
            "started_at": now,
        }
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO instances (id, host, pid, process_start, started_at, beat, "
                "heartbeat_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
                (self.instance_id, host, pid, process_start, now, now),
            )

    def heartbeat(self) -> None:
        """Renew this server's lease; re-register it if another server took it for gone."""
        now = utcnow()
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE instances SET beat = beat + 1, heartbeat_at = ? WHERE id = ?",
                (now, self.instance_id),
            )
            if cursor.rowcount == 0 and self._instance_row is not None:
                row = self._instance_row
                db.execute(
                    "INSERT INTO instances (id, host, pid, process_start, started_at, beat, "
                    "heartbeat_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
                    (row["id"], row["host"], row["pid"], row["process_start"], row["started_at"], now),
                )

    def instances(self) -> list[dict[str, Any]]:
        """Every registered server (this one included)."""
        return self._rows(
            "SELECT id, host, pid, process_start, started_at, beat, heartbeat_at FROM instances ORDER BY started_at"
        )

    def forget_instance(self, instance_id: str) -> None:
        """Drop a server's lease (it stopped, or it is gone and its work was recovered)."""
        with self._transaction() as db:
            db.execute("DELETE FROM instances WHERE id = ?", (instance_id,))

    def _mark(self, db: sqlite_utils.Database, path: str, kind: str) -> None:
        db.execute(
            "INSERT OR REPLACE INTO pending (path, instance_id, kind, created_at) VALUES (?, ?, ?, ?)",
            (path, self.instance_id, kind, utcnow()),
        )

    def mark_pending(self, path: str, kind: str) -> None:
        """Mark a folder (relative to the data folder) as work in progress of this server:
        `create` before it is written (its rows come later), `delete` once its rows are gone.
        Recovery removes a marked folder whose server is gone and whose rows do not exist."""
        with self._transaction() as db:
            self._mark(db, path, kind)

    def clear_pending(self, path: str) -> None:
        """The marked work on `path` is finished."""
        with self._transaction() as db:
            db.execute("DELETE FROM pending WHERE path = ?", (path,))

    def orphaned_pending(self, gone: Sequence[str] = ()) -> list[dict[str, Any]]:
        """Pending marks whose server is gone (named in `gone`, or no longer registered)."""
        marks = ", ".join("?" for _ in gone) or "NULL"
        return self._rows(
            "SELECT path, instance_id, kind, created_at FROM pending WHERE instance_id NOT IN "
            f"(SELECT id FROM instances) OR instance_id IN ({marks})",
            tuple(gone),
        )
