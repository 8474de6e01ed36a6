"""Server configuration for the Galata integration tests.

Opens the server without token or XSRF check (Galata's defaults), points Vista at a fresh,
empty data directory on every run, and offers the scripted model (scripted_model.py, started by
Playwright) as a choice; the offline analyst stays the default.
"""

import os
import tempfile

from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821 - `c` is injected by the config loader

# CI runs as root.
c.ServerApp.allow_root = True  # noqa: F821

# Each run starts with no threads (playwright.config.js makes the folder and gives it to the
# tests too: seed_history.py writes long histories into its database).
c.VistaApp.data_dir = os.environ.get("VISTA_UI_DATA_DIR") or tempfile.mkdtemp(prefix="vista-galata-")  # noqa: F821

# A small replay cap, so that a long running answer (the scripted "at length") followed after a
# reload shows the newest steps and its "load earlier" control; every other test's turn replays
# whole (a few dozen events).
c.VistaApp.max_replay_events = 200  # noqa: F821

# A model users may pick; not the default (c.VistaApp.model stays empty).
c.VistaApp.models = ["scripted-model"]  # noqa: F821
c.VistaApp.base_url = f"http://127.0.0.1:{os.environ.get('VISTA_UI_MODEL_PORT', '18765')}/v1"  # noqa: F821
c.VistaApp.api_key = "sk-ui-test-key-0123456789"  # noqa: F821
c.VistaApp.model_max_retries = 0  # noqa: F821

# One reader: a second file waits for it, so the reading progress and its Cancel can be seen.
c.VistaApp.ingest_workers = 1  # noqa: F821

# Datasets larger than 1 MiB as a DataFrame are held in DuckDB (the examples and the small files of
# the other tests stay pandas), so a test can upload one and see the card and the overview in SQL.
c.VistaApp.max_dataframe_bytes = 1 << 20  # noqa: F821
