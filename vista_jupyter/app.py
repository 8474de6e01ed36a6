"""The Vista server extension: configuration (traitlets) and the services it wires together.

Everything an admin can set lives here, settable in `jupyter_server_config.py` as
`c.VistaApp.<trait>` or on the command line as `--VistaApp.<trait>=...`. Swappable services are
`Type` traits so that tests and deployments can substitute their own classes through config.
"""

from __future__ import annotations

import asyncio
import os
import time
from datetime import timedelta

from jupyter_core.paths import jupyter_data_dir
from jupyter_server.extension.application import ExtensionApp
from traitlets import Bool, Dict, Enum, Float, Int, List, Type, Unicode, default

from . import __version__
from .api.handlers import handlers
from .artifacts import Artifacts
from .assistant.clients import AZURE_API_VERSION
from .assistant.registry import ModelRegistry
from .changes import ThreadChanges
from .datasets import DatasetService
from .errors import VistaError
from .events import EventLog
from .export import NotebookExporter
from .folders import ThreadFolders
from .identity import default_server_owner
from .ingest import IngestLimits
from .instances import Instances
from .kernels import KernelExecutor
from .memory import KernelMemory
from .secrets import DEFAULT_KERNEL_ENV_EXCLUDE, Secrets
from .setup_code import FIRST_LOOK_FILE_BYTES
from .store import Store
from .threads import ThreadService
from .turns import TurnService

GiB = 1 << 30


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

    max_upload_bytes = Int(
        4 * GiB,
        config=True,
        help=(
            "Largest file accepted as a dataset, in bytes (uploads and workspace files). "
            "Bigger uploads are refused with 413 before they are read."
        ),
    )

    max_decompressed_bytes = Int(
        20 * GiB,
        config=True,
        help="Largest size a compressed dataset (gzip, zip) may expand to, in bytes (zip bombs).",
    )

    max_line_bytes = Int(
        16 << 20,
        config=True,
        help="Longest line a text dataset may have, in bytes; longer lines mean it is not a table.",
    )

    max_replay_events = Int(
        5000,
        config=True,
        help=(
            "Most stored events one event-stream request replays before following live. A "
            "client further behind gets the newest ones and an 'earlier' marker (it can page the "
            "rest), so one long history never holds the server up."
        ),
    )

    event_flush_interval = Float(
        0.05,
        config=True,
        help=(
            "Seconds streamed text and output may wait before being written to the database "
            "(written together: one transaction instead of one per piece). Live listeners get "
            "every piece at once; a crash loses at most this much of a running answer's stream."
        ),
    )

    max_columns = Int(
        20_000,
        config=True,
        help=(
            "Most columns a dataset may have; wider files are refused with 413. Reading and "
            "profiling cost grows with the number of columns (10,000 take a few seconds)."
        ),
    )

    ingest_workers = Int(
        2,
        config=True,
        help=(
            "Datasets read at the same time (each on its own thread, with up to two parser "
            "threads); further readings wait their turn. Reading never uses the server's shared "
            "thread pool, so other requests are not kept waiting."
        ),
    )

    upload_expiry_hours = Float(
        24.0,
        config=True,
        help=(
            "Uploaded files not turned into a dataset are deleted after this many hours "
            "(checked at start-up and then every few minutes while the server runs)."
        ),
    )

    upload_idle_timeout = Float(
        120.0,
        config=True,
        help=(
            "Seconds an upload may send nothing before it is dropped (and its partial file "
            "deleted). Stalled uploads would otherwise hold a file and a connection forever. "
            "0: never."
        ),
    )

    max_json_bytes = Int(
        1 << 20,
        config=True,
        help="Largest JSON request body, in bytes; bigger ones get 413 before they are read.",
    )

    lease_timeout = Float(
        60.0,
        config=True,
        help=(
            "Seconds after which a server sharing this data folder whose heartbeat stopped counts "
            "as gone, and its running turns, uploads and staging folders are recovered (a server "
            "on the same machine whose process ended counts as gone at once). Heartbeats are sent "
            "every lease_timeout / 6 seconds; a shorter lease recovers faster from a crash on "
            "another machine, a longer one tolerates longer stalls."
        ),
    )

    dataset_service_class = Type(
        default_value=DatasetService,
        klass=DatasetService,
        config=True,
        help="The dataset service class (uploads, ingest, profiles).",
    )

    kernel_name = Unicode(
        "python3",
        config=True,
        help="Kernel spec of the analysis kernels (one per thread). It needs pandas, pyarrow and matplotlib.",
    )

    execution_timeout = Float(
        120.0,
        config=True,
        help="Seconds one execution may run before it is interrupted (and the kernel restarted if it stays busy).",
    )

    max_output_bytes = Int(
        256 * 1024,
        config=True,
        help="Text output kept per execution, in bytes; the rest is cut with a note saying so.",
    )

    max_kernels_per_user = Int(
        4,
        config=True,
        help=(
            "Analysis kernels one user may have running. Starting another stops the user's "
            "longest-idle one; when all are busy, the question waits for one (up to "
            "execution_timeout) and is then refused with a message. 0: no limit."
        ),
    )

    kernel_idle_timeout = Float(
        1800.0,
        config=True,
        help=(
            "Seconds after which an unused analysis kernel is shut down (0: never). The next "
            "question starts it again and reloads the data."
        ),
    )

    spare_kernels = Int(
        1,
        config=True,
        help=(
            "Analysis kernels kept started ahead of any thread, their imports (pandas, "
            "matplotlib, pyarrow) done, so that a thread created from a file gets its first "
            "result without waiting for a kernel to start. A spare is nobody's until a new "
            "thread takes it (it then enters that thread's folder, with its memory limit) and "
            "counts against no user's max_kernels_per_user; the first spare starts when a file "
            "is uploaded, the next once a taken one has run its first code, and an idle one stops "
            "after kernel_idle_timeout. Not used when kernels run on a gateway. 0: none (each new thread starts its own kernel while its file is read)."
        ),
    )

    data_load_timeout = Float(
        60.0,
        config=True,
        help=(
            "Seconds allowed for loading a thread's data into its kernel, plus one second per "
            "20 MB of Parquet (and never less than execution_timeout): loading has its own bound "
            "so that a large dataset can always be loaded."
        ),
    )

    kernel_memory_limit = Int(
        0,
        config=True,
        help=(
            "Memory one analysis kernel may use, in bytes (0: no limit of Vista's own). The kernel "
            "limits itself when it starts (on Linux RLIMIT_DATA: an allocation beyond it fails with "
            "MemoryError, which the step explains), DuckDB's memory_limit is half of it, and Vista "
            "stops a local kernel whose memory, child processes and shared memory included, goes "
            "over it (the next question gets a fresh kernel). It also sets the default of "
            "max_dataframe_bytes. Set it below what the machine or the JupyterHub spawner gives "
            "the user, e.g. 2147483648 for 2 GiB."
        ),
    )

    max_dataframe_bytes = Int(
        None,
        allow_none=True,
        config=True,
        help=(
            "Largest dataset, by its estimated size as a pandas DataFrame in bytes (from its Parquet "
            "file's metadata and a small sample, never by loading it), that analysis kernels load "
            "as a DataFrame. A larger one is held as a DuckDB view over its Parquet file, with a "
            "pandas sample (<name>_sample) and sql() for queries. Default, from measurement: "
            "(M - 400 MiB) / 5, where M is the kernel's memory (kernel_memory_limit, else "
            "JupyterHub's MEM_LIMIT, the container's cgroup limit, or the machine's memory): a "
            "running kernel holds about 400 MiB before any data (Linux's RLIMIT_DATA counts "
            "reserved memory, thread stacks included), a loaded DataFrame 1.7 times its "
            "estimated size, and everyday pandas analysis (a sort or a filter copies the whole "
            "frame) peaks at 3.5 times it, and the heap fragments over a session. Lower it if users run heavier code than that."
        ),
    )

    kernel_data_dir = Unicode(
        "",
        config=True,
        help=(
            "Where analysis kernels see data_dir, when they run elsewhere (a gateway's kernels on "
            "other machines or in containers, with Vista's data folder mounted at another path). "
            "Empty: at the same path as this server. A kernel that cannot see its thread's folder "
            "fails to load its data with a message saying so."
        ),
    )

    executor_class = Type(
        default_value=KernelExecutor,
        klass=KernelExecutor,
        config=True,
        help="The executor class (runs code in per-thread kernels).",
    )

    model = Unicode(
        config=True,
        help=(
            "Default model of the OpenAI-compatible endpoint (e.g. 'gpt-4o-mini', 'llama3.1'). "
            "Defaults to $VISTA_MODEL. Empty: the built-in offline analyst is the default."
        ),
    )

    @default("model")
    def _default_model(self) -> str:
        return os.environ.get("VISTA_MODEL", "")

    models = List(
        Unicode(),
        config=True,
        help=(
            "Further models users may choose (an allowlist enforced by the server). The offline "
            "analyst is always offered. Defaults to $VISTA_MODELS (comma-separated)."
        ),
    )

    @default("models")
    def _default_models(self) -> list[str]:
        return [m.strip() for m in os.environ.get("VISTA_MODELS", "").split(",") if m.strip()]

    base_url = Unicode(
        config=True,
        help=(
            "Base URL of the OpenAI-compatible API, e.g. http://localhost:11434/v1 for Ollama. "
            "Defaults to $OPENAI_BASE_URL; empty means OpenAI's own. Credentials written into it "
            "(http://user:password@gateway/v1) are sent as Basic authorization and never shown. "
            "A query string is refused at start-up (the openai client drops it): for Azure "
            "OpenAI use azure_endpoint, or Azure's v1 endpoint https://<resource>.openai.azure.com/openai/v1/."
        ),
    )

    @default("base_url")
    def _default_base_url(self) -> str:
        return os.environ.get("OPENAI_BASE_URL", "")

    azure_endpoint = Unicode(
        config=True,
        help=(
            "Azure OpenAI resource endpoint, e.g. https://my-resource.openai.azure.com (no path). "
            "When set, Vista calls Azure deployments: model and models name deployments, the key "
            "is sent as the api-key header, and azure_api_version is added to every request. "
            "Defaults to $AZURE_OPENAI_ENDPOINT."
        ),
    )

    @default("azure_endpoint")
    def _default_azure_endpoint(self) -> str:
        return os.environ.get("AZURE_OPENAI_ENDPOINT", "")

    azure_deployments = Dict(
        value_trait=Unicode(),
        config=True,
        help=(
            "With azure_endpoint: the deployment each offered model id is served by, e.g. "
            "{'gpt-4o': 'prod-gpt4o-eastus'}; a model not listed is its own deployment name."
        ),
    )

    azure_api_version = Unicode(
        config=True,
        help=f"Azure OpenAI API version (with azure_endpoint). Defaults to $OPENAI_API_VERSION, else {AZURE_API_VERSION}.",
    )

    @default("azure_api_version")
    def _default_azure_api_version(self) -> str:
        return os.environ.get("OPENAI_API_VERSION", "") or AZURE_API_VERSION

    api_key = Unicode(
        config=True,
        help=(
            "API key of the endpoint. Defaults to $OPENAI_API_KEY (with azure_endpoint, also "
            "$AZURE_OPENAI_API_KEY); may be empty for local servers. It stays on the server: never "
            "sent to a browser, logged, stored or exported, never in an analysis kernel's "
            "environment, and hidden from anything a kernel prints."
        ),
    )

    @default("api_key")
    def _default_api_key(self) -> str:
        key = os.environ.get("OPENAI_API_KEY", "")
        if not key and self.azure_endpoint:
            key = os.environ.get("AZURE_OPENAI_API_KEY", "")
        return key

    kernel_env_exclude = List(
        Unicode(),
        default_value=list(DEFAULT_KERNEL_ENV_EXCLUDE),
        config=True,
        help=(
            "Environment variables the analysis kernels do not inherit from the server "
            "(shell-style patterns). Variables whose value holds the API key are always removed."
        ),
    )

    tool_protocol = Enum(
        ["auto", "tools", "fenced"],
        default_value="auto",
        config=True,
        help=(
            "How the model runs code: 'tools' (function calling), 'fenced' (```python blocks, for "
            "models without tool support), or 'auto': tools, switching to fenced for a model "
            "whose server rejects tools or that answers with code blocks instead (remembered per "
            "model), and for the rest of one answer when the server cannot read a tool call back."
        ),
    )

    model_timeout = Float(
        120.0,
        config=True,
        help=(
            "Longest silence from the model server, in seconds: before its answer starts and "
            "between streamed pieces. Raise it for slow local models that take long to read a "
            "long prompt."
        ),
    )

    model_step_timeout = Float(
        300.0,
        config=True,
        help=(
            "Most seconds one model step may take to get an answer started, every retry and "
            "wait included (at least model_timeout); then the step fails saying why. An answer "
            "that is streaming is never cut for taking long."
        ),
    )

    model_max_retries = Int(
        3,
        config=True,
        help=(
            "Retries of a failed model request (429 honouring Retry-After, 5xx, timeouts, dropped "
            "connections and streams), within model_step_timeout. Vista retries itself; the openai "
            "package's own retries are off, so the two never multiply."
        ),
    )

    max_steps = Int(8, config=True, help="Most model replies (code runs included) in one turn.")

    context_budget = Int(
        12000,
        config=True,
        help=(
            "Tokens sent to the model per request, everything counted (estimated at 4 bytes of "
            "UTF-8 per token). Earlier turns are left out first; the newest question is always "
            "sent, shortened if it alone is too long. Set it below the model's context size: small "
            "local models silently drop the start of longer prompts, which is where the "
            "instructions are. A server that says the conversation is too long gets a shorter one "
            "once, and that model keeps the smaller budget."
        ),
    )

    auto_overview = Bool(
        True,
        config=True,
        help="Start every thread created from a dataset with an automatic overview of the data.",
    )

    first_look_file_bytes = Int(
        FIRST_LOOK_FILE_BYTES,
        allow_none=True,
        config=True,
        help=(
            "The offline analyst's automatic overview reads its first look (size, columns, missing "
            "values, first rows) from a dataset's Parquet file of at least this many bytes itself "
            "(footer, statistics, first rows), before the analysis kernel has loaded the table, "
            "which it then loads: the first result no longer waits for the load (seconds from "
            "tens of megabytes on). Smaller files load faster than the overview is planned, so "
            "their first look is computed from the loaded table. None: always from the table."
        ),
    )

    model_registry_class = Type(
        default_value=ModelRegistry,
        klass=ModelRegistry,
        config=True,
        help="The model registry class (offered models and their clients).",
    )

    turn_service_class = Type(
        default_value=TurnService,
        klass=TurnService,
        config=True,
        help="The turn service class (runs questions on the server).",
    )

    def initialize_settings(self) -> None:
        """Open the store and build the services; a broken database disables Vista, not Jupyter."""
        self.startup_error: str | None = None
        self.store: Store | None = None
        self.instances: Instances | None = None
        self._housekeeper: asyncio.Task | None = None
        try:
            folders = ThreadFolders(self.data_dir)
            self.store = self.store_class(self.db_path)
            self.threads = self.thread_service_class(self.store, folders, log=self.log)
            remote = bool(getattr(getattr(self.serverapp, "gateway_config", None), "gateway_enabled", False))
            memory = KernelMemory(
                kernel_memory_limit=self.kernel_memory_limit,
                max_dataframe_bytes=self.max_dataframe_bytes,
                remote=remote,
            )
            self.kernel_memory = memory
            self.datasets = self.dataset_service_class(
                self.store,
                folders,
                contents_manager=self.serverapp.contents_manager,
                max_upload_bytes=self.max_upload_bytes,
                limits=IngestLimits(
                    max_decompressed_bytes=self.max_decompressed_bytes,
                    max_line_bytes=self.max_line_bytes,
                    max_columns=self.max_columns,
                ),
                upload_expiry=timedelta(hours=self.upload_expiry_hours),
                log=self.log,
                ingest_workers=self.ingest_workers,
                memory=memory,
            )
            # The lease first: recovery below must know this server is alive.
            self.instances = Instances(
                self.store, lease_timeout=self.lease_timeout, touch=[self.datasets.work_dir], log=self.log
            )
            self.instances.start()
            self.threads.startup_cleanup()
            self.datasets.startup_cleanup()
            secrets = Secrets.of(
                api_key=self.api_key,
                base_url=self.base_url,
                azure_endpoint=self.azure_endpoint,
                kernel_env_exclude=self.kernel_env_exclude,
            )
            self.artifacts = Artifacts(self.store, folders)
            self.executor = self.executor_class(
                self.serverapp.kernel_manager,
                self.store,
                folders,
                kernel_name=self.kernel_name,
                timeout=self.execution_timeout,
                max_output_bytes=self.max_output_bytes,
                max_kernels_per_user=self.max_kernels_per_user,
                idle_timeout=self.kernel_idle_timeout,
                secrets=secrets,
                load_timeout=self.data_load_timeout,
                memory=memory,
                kernel_data_dir=self.kernel_data_dir,
                # a gateway's kernels run elsewhere, whose machine may keep spares of its own
                spare_kernels=0 if remote else self.spare_kernels,
                artifacts=self.artifacts,
                log=self.log,
            )
            self.events = EventLog(
                self.store, flush_interval=self.event_flush_interval, max_replay=self.max_replay_events, log=self.log
            )
            self.changes = ThreadChanges(self.store, log=self.log)
            self.store.on_change = self.changes.notify
            self.exporter = NotebookExporter(self.store, folders.threads_dir, memory=memory)
            self.model_registry = self.model_registry_class(
                model=self.model,
                models=self.models,
                base_url=self.base_url,
                api_key=self.api_key,
                tool_protocol=self.tool_protocol,
                timeout=self.model_timeout,
                max_retries=self.model_max_retries,
                context_budget=self.context_budget,
                step_timeout=self.model_step_timeout,
                azure_endpoint=self.azure_endpoint,
                azure_api_version=self.azure_api_version,
                azure_deployments=self.azure_deployments,
                secrets=secrets,
                log=self.log,
            )
            self.turns = self.turn_service_class(
                self.store,
                self.events,
                self.executor,
                self.model_registry,
                max_steps=self.max_steps,
                memory=memory,
                log=self.log,
            )
            self.turns.profiles_ready = self.datasets.profiled
            self.turns.first_look_file_bytes = self.first_look_file_bytes
            self.recover()
            # A thread's kernel starts (or reloads) as soon as it has data; it stops with the thread.
            self.datasets.on_dataset_added.append(self.executor.pool.prestart)
            # ... and a new thread's kernel starts while its dataset is still being read.
            self.datasets.on_thread_starting.append(self.executor.pool.warm_start)
            self.datasets.on_thread_abandoned.append(self.executor.pool.discard)
            # ... taking a spare kernel started when the file's upload began.
            self.datasets.on_upload_started.append(self.executor.pool.want_spare)
            if self.auto_overview:
                self.datasets.on_thread_created.append(self.turns.ask_overview)
                self.executor.pool.overview_follows = True

            async def thread_deleted(thread_id: str) -> None:
                self.turns.on_thread_deleted(thread_id)
                await self.executor.shutdown(thread_id)

            self.threads.on_deleted.append(thread_deleted)
            try:  # already inside a running loop (an embedding server, tests): start now
                asyncio.get_running_loop()
            except RuntimeError:
                pass  # `_start_jupyter_server_extension` starts it
            else:
                self._start_housekeeping()
        except VistaError as e:  # the store, or the model settings (ModelConfigError)
            self.startup_error = e.message
            self.log.error("Vista is disabled: %s", e.message)
            if self.instances is not None:
                self.instances.stop()
            return
        self.log.info(
            "Vista %s: data in %s, owner rule %r, server %s",
            __version__,
            self.data_dir,
            self.owner_rule,
            self.store.instance_id,
        )
        self.log.info("Vista: %s", self.kernel_memory.describe())

    def recover(self) -> None:
        """Recover what servers now gone left (their running turns end interrupted, their
        marked folders and scratch folders go), then close this server's turns whose end could
        not be saved. Runs at start-up and then with every heartbeat (`housekeeping`)."""
        assert self.instances is not None
        gone = self.instances.gone()
        self.turns.recover(gone)
        self.threads.recover(gone)
        self.datasets.recover(gone, stale_after=self.lease_timeout)
        for instance_id in gone:
            self.log.info("Vista: server %s sharing this data folder is gone; its work was recovered", instance_id)
            self.store.forget_instance(instance_id)
        self.turns.close_stranded()

    async def housekeeping(self) -> None:
        """Every heartbeat: `recover`; every few minutes: expire old uploads."""
        assert self.instances is not None
        uploads_every = min(300.0, max(1.0, self.upload_expiry_hours * 3600 / 4))
        next_expiry = time.monotonic() + uploads_every
        while True:
            await asyncio.sleep(self.instances.period)
            try:
                self.recover()
                if time.monotonic() >= next_expiry:
                    next_expiry = time.monotonic() + uploads_every
                    self.datasets.expire_uploads()
            except Exception as e:  # e.g. a full disk: the next round tries again
                self.log.warning("Vista: housekeeping failed: %s", e)

    def _start_housekeeping(self) -> None:
        if self.startup_error is None and self._housekeeper is None:
            self._housekeeper = asyncio.ensure_future(self.housekeeping())

    async def _start_jupyter_server_extension(self, serverapp: object) -> None:
        """The server's event loop runs: start the periodic housekeeping."""
        self._start_housekeeping()

    def initialize_handlers(self) -> None:
        """Register the REST API under <base_url>/vista/api."""
        self.handlers.extend(handlers())

    async def stop_extension(self) -> None:
        """Stop the analysis kernels, drop this server's lease and close the database."""
        if self._housekeeper is not None:
            self._housekeeper.cancel()
        if self.startup_error is None:
            self.datasets.shutdown()
            await self.turns.shutdown()
            self.events.flush_all()
            await self.executor.shutdown_all()
            if self.instances is not None:
                self.instances.stop()
        if self.store is not None:
            self.store.close()
