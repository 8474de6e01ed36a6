"""Response bodies of the REST API, as pydantic models: the one description of what Vista answers.

They describe the dictionaries the services return and the handlers serialise; they are not
used to build answers (that would copy every row once more). `python -m vista_jupyter.api.openapi`
turns them, with the request bodies (`bodies.py`), into the schemas of `openapi.yaml`, from which
the sidebar's TypeScript types are generated (`jlpm build`). Tests check real answers against the
generated document (`tests/test_contract.py`, `tests/test_fuzz.py`), so a model that stops
describing an answer fails there.

A field that may be absent (not `null`) is declared with `absent()`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field


def _drop_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def absent(description: str | None = None) -> Any:
    """A field that is sometimes left out of the answer (never sent as null)."""
    return Field(default=None, description=description, json_schema_extra=_drop_default)


class Error(BaseModel):
    """Every error answer (4xx, 5xx)."""

    message: str = Field(description="Fit to show to the user.")
    reason: str | None = None


class Info(BaseModel):
    version: str
    owner: str = Field(description="The owner name the caller's history is kept under.")


class Thread(BaseModel):
    id: str
    name: str
    created_at: datetime
    updated_at: datetime
    message_count: int = Field(ge=0, description="Kept with the thread as messages are added (never counted per read).")
    datasets: list[str] = Field(description="Names of the thread's datasets, in the order they were added.")
    running_turn: str | None = Field(description="Id of the turn running now, if any.")
    replay_after: int = absent(
        "Only in GET /threads/{thread_id}. Follow the events after this seq to see the running turn "
        "from its start (or, when none runs, only what comes next); earlier events belong to finished "
        "turns, whose answers are already messages."
    )


class ThreadPage(BaseModel):
    threads: list[Thread]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")


class ThreadDeleted(BaseModel):
    """Data of the change feed's `event: deleted`."""

    id: str


class Message(BaseModel):
    id: int
    seq: int = Field(ge=1)
    role: Literal["user", "assistant", "system"]
    content: str
    created_at: datetime
    metadata: dict[str, Any] = Field(
        description="For assistant messages: model, turn_id, status (done, error, cancelled, interrupted), "
        "steps (text, code and its result; a turn cut short keeps the step in progress), usage, error "
        "(why a failed turn failed, for the user), and suggestions (questions to offer, when the offline "
        "analyst declined: each one it answers)."
    )


class MessagePage(BaseModel):
    messages: list[Message]
    next_after: int | None = Field(description="Pass as `after` for the newer messages; null when there are none.")
    prev_before: int | None = Field(description="Pass as `before` for the older messages; null when there are none.")


TurnStatus = Literal["running", "done", "error", "cancelled", "interrupted"]


class Turn(BaseModel):
    id: str
    thread_id: str
    status: TurnStatus
    model: str
    user_message_id: int | None = absent()
    assistant_message_id: int | None = absent()
    usage: dict[str, Any] = absent()
    created_at: datetime
    finished_at: datetime | None = absent()


class Asked(BaseModel):
    """The answer to a question: the stored question and its running turn."""

    turn: Turn
    message: Message


class Cancelled(BaseModel):
    cancelled: bool = Field(description="Whether a turn was running.")


class Event(BaseModel):
    """One step of a turn. Types and their data: turn_started {turn_id, model, message};
    text {step, delta}; text_reset {step, reason} (discard the step's text so far);
    code {step, code}; output {step, output} (an nbformat output, sent as the kernel
    produces it: printed text arrives in chunks to be joined; figures carry
    `artifact` {id, mime_type}); step_done {step, status, duration, execution_count};
    notice {step, message}; error {message}; done {status, usage, message}."""

    seq: int = Field(ge=1)
    type: str = Field(description="One of the types above (a client ignores types it does not know).")
    turn_id: str | None = absent()
    data: dict[str, Any]
    created_at: datetime


class EventPage(BaseModel):
    events: list[Event]
    next_after: int | None
    prev_before: int | None


class Earlier(BaseModel):
    """Data of the event stream's `event: earlier`: the events it did not send
    (`after < seq < before`), which `GET .../events?before=` pages."""

    after: int
    before: int
    count: int


class ServerSentEvent(BaseModel):
    """One message of an event stream (`text/event-stream`), as a client's parser yields it:
    `data` is JSON text (an `Event`, a `Thread`, `Earlier` or `ThreadDeleted`, by `event`)."""

    event: str = absent("The message's `event:` name; absent for the default, `message`.")
    data: str
    id: str = absent("The event's seq (event stream only): resume after it.")


class NotebookSaved(BaseModel):
    path: str
    data_folder: str
    figures: int
    cells: int


class NotebookCell(BaseModel):
    """The set-up cell for code of a thread inserted into a notebook."""

    code: str
    thread: str
    datasets: list[str] = Field(description="Ids of the datasets the cell loads.")
    data_folder: str


class Model(BaseModel):
    """A language model this server offers."""

    id: str
    label: str
    kind: Literal["openai", "offline"]


class Models(BaseModel):
    models: list[Model]
    default: str
    offline: bool = Field(description="True when the offline analyst is the default.")
    context_budget: int


class Example(BaseModel):
    id: str
    title: str
    file: str = absent()
    description: str
    description_ko: str
    source: str
    license: str
    attribution: str


class Examples(BaseModel):
    examples: list[Example]


class Upload(BaseModel):
    id: str
    name: str
    size_bytes: int
    created_at: datetime


class Dataset(BaseModel):
    id: str
    thread_id: str
    name: str
    original_name: str
    var_name: str = Field(description="The DataFrame's name in the thread's kernel.")
    parquet_path: str = Field(description="The Parquet copy, relative to the thread's folder.")
    source: str = Field(description="upload, example:<id> or path:<path>")
    rows: int
    columns: int
    size_bytes: int
    detected: dict[str, Any] = Field(description="What reading found: format, encoding, delimiter, header, ...")
    warnings: list[str]
    created_at: datetime
    mode: Literal["pandas", "duckdb", None] = Field(
        None,
        description="How analysis kernels hold the dataset: a pandas DataFrame, or (too large for "
        "pandas in the kernel's memory, see max_dataframe_bytes) a DuckDB view queried with sql(). "
        "Null when its file cannot be read.",
    )
    dataframe_bytes: int | None = Field(
        None, description="The dataset's estimated size as a pandas DataFrame, which chose the mode."
    )
    sample_var: str | None = Field(
        None, description="For a dataset held in DuckDB, the name of its pandas sample in the kernel."
    )


class Datasets(BaseModel):
    datasets: list[Dataset]


class TopValue(BaseModel):
    value: Any
    count: int


class ColumnProfile(BaseModel):
    name: str
    kind: Literal["boolean", "datetime", "numeric", "identifier", "categorical", "text"]
    dtype: str
    nulls: int
    distinct: int | None = Field(description="Distinct values; null while the profile is pending.")
    min: Any = absent()
    max: Any = absent()
    mean: float | None = absent()
    std: float | None = absent()
    quantiles: dict[str, Any] = absent()
    top: list[TopValue] = absent()
    estimated: list[str] = absent("Statistics estimated from a sample (a large file), e.g. top.")


class Profile(BaseModel):
    rows: int
    columns: int
    pending: bool = absent(
        "True while the full profile is being computed: the card then holds "
        "what the file's footer says (types, missing values, sample rows), "
        "kinds by type only and no distinct counts."
    )
    sample: list[dict[str, Any]]
    column_profiles: list[ColumnProfile]


class DatasetDetail(Dataset):
    """A dataset with its profile (the dataset card) and the model's text summary."""

    summary: str = Field(description="The compact description the model sees.")
    profile: Profile


class Reading(BaseModel):
    """How far a dataset being read is."""

    phase: str = Field(
        description="waiting (for a free reader), expanding (a compressed file), decoding, checking, reading, profiling."
    )
    bytes_done: int
    bytes_total: int
    elapsed: float = Field(description="Seconds since the reading started.")


#: Every response model, in the order the document lists them.
RESPONSES: tuple[type[BaseModel], ...] = (
    Error,
    Info,
    Thread,
    ThreadPage,
    ThreadDeleted,
    Message,
    MessagePage,
    Turn,
    Asked,
    Cancelled,
    Event,
    EventPage,
    Earlier,
    ServerSentEvent,
    NotebookSaved,
    NotebookCell,
    Model,
    Models,
    Example,
    Examples,
    Upload,
    Dataset,
    Datasets,
    TopValue,
    ColumnProfile,
    Profile,
    DatasetDetail,
    Reading,
)
