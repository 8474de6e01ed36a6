"""The dataset service: turns an upload, a bundled example or a workspace file into a dataset of
a thread (original kept, Parquet copy, stored profile).

Every server works in a scratch folder of its own, `<data_dir>/staging/<instance id>/`: uploads
stream into `<upload id>.part` there and are renamed to `<data_dir>/uploads/<upload id>` only when
complete, so an interrupted upload leaves nothing behind; datasets are read in a stage folder
there. Another server sharing the data folder removes a scratch folder only once its server is
gone (`recover`), never while it is in use. A dataset's folder is moved into its thread only after
being marked pending (`Store.mark_pending`), and the mark is cleared in the transaction that
records its rows; when anything fails, the folder is removed and no row is written. A new thread
created from a dataset is only recorded once its dataset has been read successfully.

A dataset's folder keeps the original file under `original/<its name>`, apart from Vista's own
files (`data.parquet` and whatever the reader writes beside it), so no name a user can give ever
collides with one of Vista's. Workspace files are copied only when they are regular files, and
never more than `max_upload_bytes` of them.

A dataset is recorded as soon as it is read, with the card `card_profile` makes from the Parquet
footer (marked `pending`); its full profile replaces the card once complete (`_profile_later`, on
the reading pool): for delimited text it is computed from the batches as they are written
(`profile.StreamProfile`), so the file is not read again; other formats are profiled from it. A new thread's card therefore shows without waiting for
the profile; a turn, whose model summary and offline analyst need the profile, waits for it
(`profiled`), and computes it when a server stopped before it was stored. The offline analyst's
overview waits only from its second step: its first look (size, columns, first rows) is planned
from the card and runs in the kernel meanwhile (`turns.py`).

Reading (ingest and profile) runs on a dedicated, bounded pool of threads, never on the shared
`asyncio.to_thread` pool, so many large or wide files at once cannot starve the server's other
work. Each reading has a `Progress` (phase, bytes done of total, elapsed) that the sidebar polls
under a client-chosen id, and that cancels the reading when the user presses Cancel or the
request's client goes away.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import shutil
import stat
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from importlib.resources import files
from pathlib import Path
from typing import Any

from jupyter_core.utils import ensure_async

from .api.bodies import MAX_NAME_LENGTH
from .api.bodies import DatasetSource as Source
from .errors import InvalidInput, NotFound, ReadingCancelled, TooLarge, UnsupportedType, VistaError, disk_error
from .folders import ThreadFolders, safe_file_name, tidy_file_name
from .ingest import Cancelled, IngestLimits, Progress, ingest_to_parquet
from .names import variable_name
from .profile import StreamProfile, card_profile, profile_parquet, summary_text
from .store import Store, new_id

EXAMPLES_PACKAGE = "vista_jupyter.examples"


def example_catalog() -> list[dict[str, Any]]:
    """The bundled example datasets (id, title, descriptions, source, licence)."""
    return json.loads(files(EXAMPLES_PACKAGE).joinpath("catalog.json").read_text(encoding="utf-8"))


def human_size(n: int) -> str:
    """1536 -> '1.5 KB' (binary units; terabytes stay in GB: '2048.0 GB')."""
    if n < 1024:
        return f"{int(n)} bytes"
    size = n / 1024
    for unit in ("KB", "MB"):
        if size < 1024:
            return f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


_log = logging.getLogger(__name__)


def _disk_error(e: OSError) -> VistaError:
    return disk_error(e, "The file")


#: Sub-folder of a dataset's folder that holds its original file, and nothing else.
ORIGINAL_DIR = "original"

#: Files up to this size get their profile computed while they are written; larger ones are
#: profiled from the Parquet file after the card. On 2 cores the profile computed alongside the
#: reading pays off for small and medium files (50 MB: read + profile 3.3 s instead of 4.6 s) but
#: delays the card of large ones (300 MB: 10.9 s instead of 9.1 s; 1 GB: the card 4-21 s later),
#: and a large file's card is what its user waits for.
STREAM_PROFILE_MAX_BYTES = 256 << 20

_COPY_CHUNK = 1 << 20


def keep_original(src: Path, target: Path, *, limit: int, link: bool) -> None:
    """Keep a dataset's original at `target`: a hard link to `src` when `link` (an upload,
    already Vista's), else a copy of at most `limit` bytes of a *regular* file (checked on the
    open file, so a swapped-in pipe or device is refused too, and a growing file is cut off)."""
    if link:
        try:
            os.link(src, target)
            return
        except OSError:
            pass
    fd = os.open(src, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InvalidInput(f"{src.name!r} is not a regular file (a pipe, device or socket cannot be read as data).")
        os.set_blocking(fd, True)
        copied = 0
        with open(fd, "rb", closefd=False) as source, open(target, "xb") as out:
            while chunk := source.read(_COPY_CHUNK):
                copied += len(chunk)
                if copied > limit:
                    raise TooLarge(f"{src.name!r} is larger than the limit of {human_size(limit)}.")
                out.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)


def full_profile(path: Path, streamed: StreamProfile | None) -> dict[str, Any]:
    """A dataset's full profile: the one computed while its file was written, else (no such
    profile, or it could not be completed, or completing it failed) from the file."""
    profile = None
    if streamed is not None:
        try:
            profile = streamed.finish(path)
        except Exception:
            # the file is still there to profile: a failure of the streamed profile costs time,
            # not the profile
            _log.exception("Vista: the profile computed while %s was written failed; profiling the file", path)
    return profile if profile is not None else profile_parquet(path)


class UploadWriter:
    """Streams one upload to disk: `write` chunks, then `finish` (atomic rename) or `abort`."""

    def __init__(self, folder: Path, scratch: Path, upload_id: str, name: str, limit: int):
        self.id, self.name, self.limit = upload_id, name, limit
        self.final = folder / upload_id
        self.part = scratch / f"{upload_id}.part"
        self.size = 0
        try:
            self._file = open(self.part, "xb")  # noqa: SIM115 - closed in finish/abort
        except OSError as e:
            raise _disk_error(e) from None

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            self.abort()
            raise TooLarge(f"The file is larger than the upload limit of {human_size(self.limit)}.")
        try:
            self._file.write(chunk)
        except OSError as e:
            self.abort()
            raise _disk_error(e) from None

    def finish(self) -> None:
        """Flush to disk and move the file into place."""
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self.part, self.final)
        except OSError as e:
            self.abort()
            raise _disk_error(e) from None

    def abort(self) -> None:
        """Drop what was written."""
        if not self._file.closed:
            self._file.close()
        self.part.unlink(missing_ok=True)


class DatasetService:
    """Uploads, examples and workspace files in; datasets of threads out."""

    def __init__(
        self,
        store: Store,
        folders: ThreadFolders,
        *,
        contents_manager: Any = None,
        max_upload_bytes: int,
        limits: IngestLimits | None = None,
        upload_expiry: timedelta = timedelta(hours=24),
        log: logging.Logger | None = None,
        ingest_workers: int = 2,
        memory: Any = None,
    ):
        self.store = store
        #: How analysis kernels hold each dataset (memory.KernelMemory); None: not said.
        self.memory = memory
        self.folders = folders
        self.contents_manager = contents_manager
        self.max_upload_bytes = max_upload_bytes
        self.limits = limits or IngestLimits()
        self.upload_expiry = upload_expiry
        self.log = log or logging.getLogger(__name__)
        #: Called with (owner, thread id) once a thread has a new dataset (e.g. to load it in its kernel).
        self.on_dataset_added: list[Callable[[str, str], None]] = []
        #: Called with (owner, thread id, language) once a thread was created from a dataset.
        self.on_thread_created: list[Callable[[str, str, str], Any]] = []
        #: Called with (owner, thread id) when a thread is about to be created from a dataset,
        #: before the dataset is read (e.g. to start its kernel meanwhile), and with the thread
        #: id (awaited, in the background) when it is not created after all.
        self.on_thread_starting: list[Callable[[str, str], None]] = []
        self.on_thread_abandoned: list[Callable[[str], Awaitable[None]]] = []
        #: Called with no argument when an upload begins (a new thread is likely to follow:
        #: e.g. to have a kernel ready for it).
        self.on_upload_started: list[Callable[[], None]] = []
        #: Readings run here: at most `ingest_workers` at once, the others wait their turn.
        self.reader_pool = ThreadPoolExecutor(max_workers=max(1, ingest_workers), thread_name_prefix="vista-ingest")
        self._readings: dict[tuple[str, str], Progress] = {}
        #: Full profiles being computed, by dataset id (`_profile_later`).
        self._profiling: dict[str, asyncio.Future] = {}
        #: Datasets whose stored profile was read complete (`profiled` reads them no more).
        self._complete: set[str] = set()
        #: Clean-ups of threads not created after all (kept until done).
        self._cleanups: set[asyncio.Task] = set()
        self._readings_lock = threading.Lock()
        self.uploads_dir = folders.data_dir / "uploads"
        self.staging_dir = folders.data_dir / "staging"
        #: This server's scratch folder (partial uploads, datasets being read).
        self.work_dir = self.staging_dir / store.instance_id
        for folder in (self.uploads_dir, self.staging_dir, self.work_dir):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)

    # --- housekeeping ---------------------------------------------------------------------------

    def recover(self, gone: Sequence[str] = (), *, stale_after: float = 60.0) -> int:
        """Remove the scratch folders of servers that are gone: those in `gone`, and any other
        not touched for `stale_after` seconds (a live server touches its own with every
        heartbeat; a folder no registered server owns may belong to a server using another
        database, which keeps it fresh too). How many were removed."""
        registered = {row["id"] for row in self.store.instances()}
        removed = 0
        now = time.time()
        for entry in self.staging_dir.iterdir():
            if entry.name == self.store.instance_id:
                continue
            try:
                age = now - entry.lstat().st_mtime
            except FileNotFoundError:
                continue
            if entry.name in gone or (entry.name not in registered and age > stale_after):
                self.log.info("Vista: removing the scratch folder of a server that is gone: %s", entry.name)
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
                removed += 1
        return removed

    def expire_uploads(self) -> int:
        """Delete uploads not turned into a dataset within `upload_expiry` (rows and files; a
        file with no row only once it is that old too); how many files were deleted."""
        cutoff_time = datetime.now(timezone.utc) - self.upload_expiry
        cutoff = cutoff_time.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        for upload_id in self.store.uploads_before(cutoff):
            self.store.delete_upload(upload_id)
        known = self.store.all_upload_ids()
        deleted = 0
        for entry in self.uploads_dir.iterdir():
            if entry.name in known:
                continue
            try:
                if entry.lstat().st_mtime < cutoff_time.timestamp():
                    entry.unlink(missing_ok=True)
                    deleted += 1
            except (FileNotFoundError, IsADirectoryError, PermissionError):
                continue
        return deleted

    def startup_cleanup(self) -> None:
        """At start-up: expired uploads go (scratch folders are `recover`ed with the turns)."""
        self.expire_uploads()

    # --- readings in progress -----------------------------------------------------------------

    def start_reading(self, owner: str, reading_id: str | None) -> Progress:
        """A new reading's progress, findable by the owner under `reading_id` (if given)."""
        progress = Progress()
        if reading_id is not None:
            if not re.fullmatch(r"[A-Za-z0-9_-]{8,64}", reading_id):
                raise InvalidInput("reading: 8 to 64 letters, digits, '-' or '_'.")
            with self._readings_lock:
                if (owner, reading_id) in self._readings:
                    raise InvalidInput("reading: this id is already in use.")
                self._readings[(owner, reading_id)] = progress
        return progress

    def end_reading(self, owner: str, reading_id: str | None) -> None:
        if reading_id is not None:
            with self._readings_lock:
                self._readings.pop((owner, reading_id), None)

    def reading(self, owner: str, reading_id: str) -> Progress:
        """The progress of one of the owner's readings (404 when unknown or finished)."""
        with self._readings_lock:
            progress = self._readings.get((owner, reading_id))
        if progress is None:
            raise NotFound("No reading with this id is in progress.")
        return progress

    def shutdown(self) -> None:
        """Cancel every reading and stop the pool (server shutdown)."""
        with self._readings_lock:
            readings = list(self._readings.values())
        for progress in readings:
            progress.cancel()
        self.reader_pool.shutdown(wait=False, cancel_futures=True)

    # --- uploads --------------------------------------------------------------------------------

    def check_upload_size(self, declared: int | None) -> None:
        """Refuse an upload whose declared size is over the limit before reading any of it."""
        if declared is not None and declared > self.max_upload_bytes:
            raise TooLarge(
                f"The file ({human_size(declared)}) is larger than the upload limit of "
                f"{human_size(self.max_upload_bytes)}."
            )

    def begin_upload(self, name: str | None) -> UploadWriter:
        """Start receiving a file called `name`."""
        name = safe_file_name(name or "")
        self.work_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        for callback in self.on_upload_started:
            try:
                callback()
            except Exception:
                self.log.exception("Vista: reacting to an upload failed")
        return UploadWriter(self.uploads_dir, self.work_dir, new_id(), name, self.max_upload_bytes)

    async def finish_upload(self, owner: str, writer: UploadWriter) -> dict[str, Any]:
        """Complete an upload and record it for `owner`."""
        if writer.size == 0:
            writer.abort()
            raise InvalidInput("The file is empty.")
        await asyncio.to_thread(writer.finish)
        try:
            return self.store.add_upload(owner, writer.id, writer.name, writer.size)
        except BaseException:
            writer.final.unlink(missing_ok=True)
            raise

    # --- datasets -------------------------------------------------------------------------------

    async def _resolve(self, owner: str, source: Source) -> tuple[Path, str, str, str | None]:
        """(file, original name, source label, upload id to consume) for a source."""
        if source.upload is not None:
            upload = self.store.get_upload(owner, source.upload)
            return self.uploads_dir / upload["id"], upload["name"], "upload", upload["id"]
        if source.example is not None:
            for example in example_catalog():
                if example["id"] == source.example:
                    path = Path(str(files(EXAMPLES_PACKAGE).joinpath(example["file"])))
                    return path, Path(example["file"]).name, f"example:{example['id']}", None
            ids = ", ".join(e["id"] for e in example_catalog())
            raise NotFound(f"No example dataset called {source.example!r}. Examples: {ids}.")
        path = source.path or ""
        return (await self._workspace_file(path), tidy_file_name(Path(path).name), f"path:{tidy_file_name(path)}", None)

    async def _workspace_file(self, path: str) -> Path:
        """The file at a contents path of the user's workspace (never outside its root)."""
        cm = self.contents_manager
        path = path.strip("/")
        if cm is None or not hasattr(cm, "_get_os_path"):
            raise InvalidInput("Reading workspace files is not supported with this contents manager.")
        try:
            # The contents manager refuses paths outside its root and hidden files (404).
            model = await ensure_async(cm.get(path, content=False))
            os_path = Path(cm._get_os_path(path))
        except Exception:
            raise NotFound(f"There is no file {path!r} in your workspace.") from None
        shown = tidy_file_name(path)
        if model.get("type") == "directory":
            raise InvalidInput(f"{shown!r} is a folder; choose a data file in it.")
        try:
            info = os_path.stat()  # of what a symlink points to: that is what would be read
        except OSError:
            raise NotFound(f"There is no file {shown!r} in your workspace.") from None
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(f"{shown!r} is not a regular file (a pipe, device or socket cannot be read as data).")
        size = info.st_size
        if size > self.max_upload_bytes:
            raise TooLarge(
                f"{shown} ({human_size(size)}) is larger than the limit of {human_size(self.max_upload_bytes)}."
            )
        return os_path

    def _read(
        self,
        src: Path,
        original_name: str,
        folder: Path,
        name: str,
        var_name: str,
        source: str,
        link: bool,
        progress: Progress,
    ) -> dict[str, Any]:
        """Blocking: keep the original, write Parquet and the profile into `folder`."""
        folder.mkdir(mode=0o700, parents=True)
        (folder / ORIGINAL_DIR).mkdir(mode=0o700)
        original = folder / ORIGINAL_DIR / original_name
        self.keep_original(src, original, link=link)
        parquet = folder / "data.parquet"
        # The full profile is computed while the file is written (delimited text of up to
        # STREAM_PROFILE_MAX_BYTES once decompressed), on a thread of its own that may finish a
        # moment after the reading does.
        result = ingest_to_parquet(
            original,
            parquet,
            limits=self.limits,
            progress=progress,
            profile=True,
            profile_max_bytes=STREAM_PROFILE_MAX_BYTES,
        )
        # The card shows at once; the full profile follows in the background (`_profile_later`).
        profile = card_profile(parquet)
        return {
            "name": name,
            "original_name": original_name,
            "var_name": var_name,
            "source": source,
            "rows": result.rows,
            "columns": len(result.columns),
            "size_bytes": original.stat().st_size,
            "detected": result.detected,
            "warnings": list(result.warnings),
            "profile": profile,
            "summary": summary_text(name, profile),
            # not stored: the profile being computed (`_profile_later` takes it)
            "_streamed": result.profile,
        }

    def keep_original(self, src: Path, target: Path, *, link: bool) -> None:
        """Blocking: keep a dataset's original file (see `keep_original`)."""
        keep_original(src, target, limit=self.max_upload_bytes, link=link)

    async def _ingest(
        self, owner: str, source: Source, thread_dir: Path, taken: set[str], progress: Progress | None = None
    ) -> tuple[dict[str, Any], str | None, Path]:
        src, original_name, label, upload_id = await self._resolve(owner, source)
        dataset_id = new_id()
        folder = thread_dir / "datasets" / dataset_id
        stem = (Path(original_name).stem.split(".")[0] or original_name)[:MAX_NAME_LENGTH]
        progress = progress or Progress()
        progress.update("waiting", 0, src.stat().st_size if src.exists() else 0)
        job = asyncio.get_running_loop().run_in_executor(
            self.reader_pool,
            self._read,
            src,
            original_name,
            folder,
            stem,
            variable_name(stem, taken),
            label,
            upload_id is not None,
            progress,
        )
        try:
            try:
                row = await asyncio.shield(job)
            except asyncio.CancelledError:
                progress.cancel()  # the request was abandoned: stop reading, then clean up
                await asyncio.wait([job])
                raise
        except Cancelled:
            shutil.rmtree(folder, ignore_errors=True)
            raise ReadingCancelled("Reading the file was cancelled.") from None
        except VistaError:
            shutil.rmtree(folder, ignore_errors=True)
            # The file itself is the problem: keeping the upload would only take up space.
            self._consume_upload(upload_id)
            raise
        except OSError as e:
            shutil.rmtree(folder, ignore_errors=True)
            raise _disk_error(e) from None
        except Exception as e:
            # The reader failed on this content in a way it does not describe: the user gets a
            # clear 415 (the file is the problem), the log keeps the traceback.
            shutil.rmtree(folder, ignore_errors=True)
            self._consume_upload(upload_id)
            self.log.exception("Vista: reading %r failed unexpectedly", original_name)
            raise UnsupportedType(
                f"Vista could not turn {original_name!r} into a table ({type(e).__name__})."
            ) from None
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        relative = folder.relative_to(thread_dir)
        row.update(
            id=dataset_id,
            original_path=(relative / ORIGINAL_DIR / original_name).as_posix(),
            parquet_path=(relative / "data.parquet").as_posix(),
        )
        return row, upload_id, folder

    def _consume_upload(self, upload_id: str | None) -> None:
        if upload_id is not None:
            self.store.delete_upload(upload_id)
            (self.uploads_dir / upload_id).unlink(missing_ok=True)

    async def create_thread(
        self, owner: str, name: str | None, source: Source, language: str = "en", progress: Progress | None = None
    ) -> dict[str, Any]:
        """A new thread holding one dataset; nothing is recorded unless the dataset was read.

        The thread's id and folder exist from the start, so that its kernel can start while the
        dataset is read (`on_thread_starting`); the folder is marked pending until the thread's
        rows are written, so a crash leaves a folder recovery knows it may remove."""
        stage = self.work_dir / new_id()
        thread_id = new_id()
        folder = self.folders.path_for(thread_id)
        mark = self.folders.relative(folder)
        self.store.mark_pending(mark, "create")
        self._starting(owner, thread_id)
        try:
            try:
                row, upload_id, _ = await self._ingest(owner, source, stage, set(), progress)
                streamed = row.pop("_streamed", None)
                # The folder may already be a kernel's working folder: its content is moved in.
                folder.mkdir(mode=0o700, exist_ok=True)
                for entry in stage.iterdir():
                    os.replace(entry, folder / entry.name)
                thread = self.store.create_thread(
                    owner, name or row["name"], thread_id=thread_id, datasets=[row], clear_pending=mark
                )
            except BaseException as e:
                await self._abandon(thread_id, mark)
                if isinstance(e, OSError):
                    raise _disk_error(e) from None
                raise
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        self._consume_upload(upload_id)
        self._profile_later(owner, thread_id, row["id"], streamed)
        self._added(owner, thread["id"])
        for callback in self.on_thread_created:
            try:
                callback(owner, thread["id"], language)
            except Exception:
                self.log.exception("Vista: reacting to the new thread %s failed", thread["id"])
        return self.store.get_thread(owner, thread["id"])

    async def add(self, owner: str, thread_id: str, source: Source, progress: Progress | None = None) -> dict[str, Any]:
        """Add a dataset to one of the owner's threads.

        The dataset is read in this server's scratch folder, then moved into the thread; if the
        thread is deleted meanwhile, the answer is 404 and nothing is left behind.
        """
        existing = self.store.list_datasets(owner, thread_id)
        stage = self.work_dir / new_id()
        try:
            try:
                row, upload_id, staged = await self._ingest(
                    owner, source, stage, {d["var_name"] for d in existing}, progress
                )
                streamed = row.pop("_streamed", None)
            except Exception:
                self._check_thread(owner, thread_id)
                raise
            target = self.folders.path_for(thread_id) / "datasets" / row["id"]
            mark = self.folders.relative(target)
            self.store.mark_pending(mark, "create")
            try:
                self._check_thread(owner, thread_id)
                target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                os.replace(staged, target)
                dataset = self.store.add_dataset(owner, thread_id, row, clear_pending=mark)
            except BaseException as e:
                self.folders.discard(target)
                self._clear_mark(mark)
                if not self.store.thread_exists(thread_id):
                    # Deleted meanwhile: a folder made again by the steps above goes too.
                    self.folders.remove(thread_id)
                    raise NotFound("No such thread. It may have been deleted.") from None
                if isinstance(e, OSError):
                    raise _disk_error(e) from None
                raise
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        self._consume_upload(upload_id)
        self._profile_later(owner, thread_id, row["id"], streamed)
        self._added(owner, thread_id)
        return self._held(thread_id, [dataset], self.store.list_datasets(owner, thread_id))[0]

    # --- profiles ---------------------------------------------------------------------------------

    def _profile_later(
        self, owner: str, thread_id: str, dataset_id: str, streamed: StreamProfile | None = None
    ) -> asyncio.Future:
        """Compute a recorded dataset's full profile on the reading pool and store it (the card
        was recorded without it, `pending`): the one `streamed` while its file was written,
        else from the file. A failure is logged and leaves the card, marked not pending, so
        that nothing waits for it forever."""
        running = self._profiling.get(dataset_id)
        if running is not None:
            return running

        def work() -> None:
            try:
                dataset = self.store.get_dataset(owner, thread_id, dataset_id)
                path = self.folders.path_for(thread_id) / dataset["parquet_path"]
                try:
                    profile = full_profile(path, streamed)
                except Exception:
                    if not self.store.dataset_exists(dataset_id):
                        return  # deleted meanwhile
                    self.log.exception("Vista: profiling dataset %s failed; its card stays as it is", dataset_id)
                    profile = {**dataset["profile"], "pending": False}
                self.store.set_dataset_profile(dataset_id, profile, summary_text(dataset["name"], profile))
            except NotFound:
                pass  # the thread or dataset was deleted meanwhile

        job = asyncio.ensure_future(asyncio.get_running_loop().run_in_executor(self.reader_pool, work))
        self._profiling[dataset_id] = job
        job.add_done_callback(lambda _: self._profiling.pop(dataset_id, None))
        return job

    async def profiled(self, owner: str, thread_id: str) -> None:
        """Wait until every dataset of the thread has its full profile (the model's summary and
        the offline analyst need it); a profile left pending by a server that stopped is
        computed now.

        Called before every turn, so it is cheap: a dataset whose stored profile was once read
        complete is not read again (a full profile is never replaced by a pending one: the card
        is stored first, the profile after it), and the others are read together, off the event
        loop; a thread whose profiles are all known complete costs one indexed query."""
        unknown = [d["id"] for d in self.store.list_datasets(owner, thread_id) if d["id"] not in self._complete]
        if not unknown:
            return

        def pending(ids: list[str]) -> list[tuple[str, bool]]:
            return [(i, bool(self.store.get_dataset(owner, thread_id, i)["profile"].get("pending"))) for i in ids]

        waits, orphans = [], []
        for dataset_id, is_pending in await asyncio.to_thread(pending, unknown):
            job = self._profiling.get(dataset_id)
            if job is not None:
                waits.append(job)
            elif is_pending:
                orphans.append(dataset_id)
            else:
                self._complete.add(dataset_id)
        if orphans:
            # Pending with no job running: left by a server that stopped, or stored by a job that
            # ended after the read above (a job leaves `_profiling` only once its profile is
            # stored). Read again, so that a profile just stored is not made a second time.
            for dataset_id, is_pending in await asyncio.to_thread(pending, orphans):
                job = self._profiling.get(dataset_id)
                if job is None and is_pending:
                    job = self._profile_later(owner, thread_id, dataset_id)
                if job is not None:
                    waits.append(job)
        for job in waits:
            try:
                await asyncio.shield(job)
            except Exception:  # the store failed: the turn goes on with the card
                self.log.exception("Vista: storing a profile of thread %s failed", thread_id)

    def _check_thread(self, owner: str, thread_id: str) -> None:
        if not self.store.thread_exists(thread_id, owner):
            raise NotFound("No such thread. It may have been deleted.")

    def _clear_mark(self, mark: str) -> None:
        try:
            self.store.clear_pending(mark)
        except VistaError as e:  # recovery finds the folder gone and clears it
            self.log.warning("Vista: could not clear the pending mark %s: %s", mark, e)

    def _starting(self, owner: str, thread_id: str) -> None:
        for callback in self.on_thread_starting:
            try:
                callback(owner, thread_id)
            except Exception:
                self.log.exception("Vista: preparing the new thread %s failed", thread_id)

    async def _abandon(self, thread_id: str, mark: str) -> None:
        """Undo a thread that is not created after all: the callbacks first (its kernel stops,
        so nothing recreates the folder), then its folder and mark. Runs to the end even when
        the request was cancelled (the clean-up is shielded)."""

        async def clean() -> None:
            for callback in self.on_thread_abandoned:
                try:
                    await callback(thread_id)
                except Exception:
                    self.log.exception("Vista: cleaning up after thread %s failed", thread_id)
            self.folders.remove(thread_id)
            self._clear_mark(mark)

        task = asyncio.ensure_future(clean())
        self._cleanups.add(task)
        task.add_done_callback(self._cleanups.discard)
        await asyncio.shield(task)

    def _added(self, owner: str, thread_id: str) -> None:
        for callback in self.on_dataset_added:
            try:
                callback(owner, thread_id)
            except Exception:
                self.log.exception("Vista: reacting to a new dataset in %s failed", thread_id)

    def list(self, owner: str, thread_id: str) -> list[dict[str, Any]]:
        """The thread's datasets (without profiles), each with how kernels hold it."""
        datasets = self.store.list_datasets(owner, thread_id)
        return self._held(thread_id, datasets, datasets)

    def get(self, owner: str, thread_id: str, dataset_id: str) -> dict[str, Any]:
        """One dataset with its profile and model summary, and how kernels hold it."""
        dataset = self.store.get_dataset(owner, thread_id, dataset_id)
        return self._held(thread_id, [dataset], self.store.list_datasets(owner, thread_id))[0]

    def _held(
        self, thread_id: str, datasets: list[dict[str, Any]], everyone: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """`datasets` with `mode` (pandas or duckdb), `dataframe_bytes` (the estimated size as a
        DataFrame, which chose the mode) and `sample_var` (the pandas sample of a dataset held
        in DuckDB); `everyone`: the thread's datasets (sample names never take another's name)."""
        if self.memory is None:
            return datasets
        from .setup_code import DataLoad, sample_names

        folder = self.folders.path_for(thread_id)
        holdings = {}
        for d in everyone:
            try:
                holdings[d["var_name"]] = self.memory.holding(folder / d["parquet_path"])
            except Exception:  # missing or unreadable: the kernel says so when it loads it
                self.log.debug("Vista: no holding for %s", d["var_name"], exc_info=True)
        samples = sample_names(
            [
                DataLoad(d["var_name"], "", holdings[d["var_name"]].mode if d["var_name"] in holdings else "pandas")
                for d in everyone
            ]
        )
        out = []
        for d in datasets:
            holding = holdings.get(d["var_name"])
            out.append(
                {
                    **d,
                    "mode": holding.mode if holding else None,
                    "dataframe_bytes": holding.dataframe_bytes if holding else None,
                    "sample_var": samples.get(d["var_name"]),
                }
            )
        return out

    def original(self, owner: str, thread_id: str, dataset_id: str) -> tuple[Path, str]:
        """The original file of a dataset and the name it was uploaded under."""
        paths = self.store.dataset_paths(owner, thread_id, dataset_id)
        path = self.folders.path_for(thread_id) / paths["original_path"]
        if not path.is_file():
            raise NotFound("The original file of this dataset is missing.")
        return path, tidy_file_name(path.name)
