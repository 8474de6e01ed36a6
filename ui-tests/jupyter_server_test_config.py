"""Server configuration for the Galata integration tests.

Opens the server without token or XSRF check (Galata's defaults) and points
Vista at a fresh, empty data directory on every run.
"""

import tempfile

from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821 - `c` is injected by the config loader

# CI runs as root.
c.ServerApp.allow_root = True  # noqa: F821

# Each run starts with no threads.
c.VistaApp.data_dir = tempfile.mkdtemp(prefix="vista-galata-")  # noqa: F821
