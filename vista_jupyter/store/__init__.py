"""The store: Vista's SQLite database (threads, messages, datasets, artifacts).

Every row carries its owner and every query filters by it, so a caller can only ever see its own
rows; a row of another owner behaves exactly like a missing one (`NotFound`). The schema is
versioned with SQLite's `user_version` and upgraded by the forward migrations in `MIGRATIONS`
(`migrations.py`), applied in one transaction when the store opens. A database written by a newer Vista is refused,
never modified.

The database is opened in WAL mode so that readers never wait for the writer and several Jupyter
servers (for example two JupyterLab processes of one user) can share one file. Each server is an
*instance* with its own id (`Store.instance_id`) and a row in `instances` renewed by a heartbeat
(`instances.py` decides when one is gone). Work that outlives a request names its instance: a
running turn (`turns.instance_id`) and files written before their rows exist or after their rows
are gone (`pending`: folders of threads and datasets being created or deleted). Recovery touches
only what a gone instance left, and never a file the database does not mark (see `threads.py`).

SQLite failures are turned into domain errors here, once: a full disk is `StorageFull` (507), a
damaged, locked, unreadable or read-only database is `StoreError` (503) with an explanation.

The package: `database.py` holds `Store` (connections, transactions, the queries), `migrations.py`
the schema's history, `rows.py` how rows become API dictionaries and JSON pages.
"""

from .database import DISK_FULL, MAX_SEQ, Store, new_id, utcnow
from .migrations import MIGRATIONS, SCHEMA_VERSION

__all__ = ["DISK_FULL", "MAX_SEQ", "MIGRATIONS", "SCHEMA_VERSION", "Store", "new_id", "utcnow"]
