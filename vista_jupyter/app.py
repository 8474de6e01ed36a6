"""The Vista server extension: configuration (traitlets) and the services it wires together.

Everything an admin can set lives here, settable in `jupyter_server_config.py` as
`c.VistaApp.<trait>` or on the command line as `--VistaApp.<trait>=...`. Swappable services are
`Type` traits so that tests and deployments can substitute their own classes through config.
"""

from __future__ import annotations

import os

from jupyter_core.paths import jupyter_data_dir
from jupyter_server.extension.application import ExtensionApp
from traitlets import Enum, Type, Unicode, default

from . import __version__
from .errors import StoreError
from .folders import ThreadFolders
from .handlers import handlers
from .identity import default_server_owner
from .store import Store
from .threads import ThreadService


class VistaApp(ExtensionApp):
    """Vista for Jupyter: analyse data in plain language from a JupyterLab sidebar."""

    name = "vista_jupyter"
    app_name = "Vista"
    description = "Vista for Jupyter: analyse data in plain language from a JupyterLab sidebar."
    load_other_extensions = True

    data_dir = Unicode(
        config=True,
        help=(
            "Folder holding Vista's database and every thread's files (uploads, Parquet copies, "
            "figures). Defaults to $VISTA_DATA_DIR if set, else <jupyter data dir>/vista. On "
            "JupyterHub put it on the user's persistent volume."
        ),
    )

    @default("data_dir")
    def _default_data_dir(self) -> str:
        return os.environ.get("VISTA_DATA_DIR") or os.path.join(jupyter_data_dir(), "vista")

    db_path = Unicode(
        config=True,
        help="The SQLite database file. Defaults to <data_dir>/vista.sqlite3.",
    )

    @default("db_path")
    def _default_db_path(self) -> str:
        return os.path.join(self.data_dir, "vista.sqlite3")

    owner_rule = Enum(
        ["auto", "username", "server"],
        default_value="auto",
        config=True,
        help=(
            "Whose history a request sees. 'username': the identity's username. 'server': "
            "always server_owner (one history per server). 'auto' (default): the username when "
            "the identity provider knows real users (JupyterHub, or any provider overriding "
            "get_user); server_owner for the anonymous identities of jupyter_server's built-in "
            "token/password login, which mints a random username per browser."
        ),
    )

    server_owner = Unicode(
        config=True,
        help=(
            "Owner name for requests that carry no real user name (see owner_rule). Defaults "
            "to the account running the server."
        ),
    )

    @default("server_owner")
    def _default_server_owner(self) -> str:
        return default_server_owner()

    store_class = Type(
        default_value=Store,
        klass=Store,
        config=True,
        help="The store class (SQLite persistence of threads and messages).",
    )

    thread_service_class = Type(
        default_value=ThreadService,
        klass=ThreadService,
        config=True,
        help="The thread service class (threads' rows and folders).",
    )

    def initialize_settings(self) -> None:
        """Open the store and build the services; a broken database disables Vista, not Jupyter."""
        self.startup_error: str | None = None
        self.store: Store | None = None
        try:
            folders = ThreadFolders(self.data_dir)
            self.store = self.store_class(self.db_path)
            self.threads = self.thread_service_class(self.store, folders, log=self.log)
            self.threads.startup_cleanup()
        except StoreError as e:
            self.startup_error = e.message
            self.log.error("Vista is disabled: %s", e.message)
            return
        self.log.info(
            "Vista %s: data in %s, owner rule %r", __version__, self.data_dir, self.owner_rule
        )

    def initialize_handlers(self) -> None:
        """Register the REST API under <base_url>/vista/api."""
        self.handlers.extend(handlers())

    async def stop_extension(self) -> None:
        """Close the database when the server stops."""
        if self.store is not None:
            self.store.close()
