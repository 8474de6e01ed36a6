"""Request bodies of the REST API, validated with pydantic.

With `responses.py` they are the one description of the API's data: `openapi.yaml` is generated
from them (`python -m vista_jupyter.api.openapi`). A validator the JSON Schema cannot express
(trimming, control characters) states its limits with `WithJsonSchema` for the document.

Validation failures become `InvalidInput` with one readable sentence per problem, e.g.
"name: must be at most 200 characters", which the sidebar shows as it is.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, WithJsonSchema, model_validator

from ..errors import InvalidInput

MAX_NAME_LENGTH = 200


def _clean_name(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    if len(value) > MAX_NAME_LENGTH:
        raise ValueError(f"must be at most {MAX_NAME_LENGTH} characters")
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in value):
        raise ValueError("must not contain control characters")
    return value


#: A thread name: trimmed, 1-200 characters, no control characters.
Name = Annotated[
    str,
    AfterValidator(_clean_name),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_NAME_LENGTH,
            "description": "Trimmed; no control characters.",
        }
    ),
]


class _Body(BaseModel):
    # strict: 123 is not silently taken as the name "123"; forbid: typos in field names are
    # reported instead of ignored.
    model_config = ConfigDict(extra="forbid", strict=True)


def _path_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, AfterValidator(_path_text), WithJsonSchema({"type": "string", "minLength": 1})]


class DatasetSource(_Body):
    """Where a dataset comes from: exactly one of an upload, an example, a workspace path."""

    upload: Text | None = Field(default=None, description="An upload id.")
    example: Text | None = Field(default=None, description="An example dataset id.")
    path: Text | None = Field(default=None, description="A file path in the Jupyter workspace.")

    @model_validator(mode="after")
    def _exactly_one(self) -> DatasetSource:
        if sum(v is not None for v in (self.upload, self.example, self.path)) != 1:
            raise ValueError("give exactly one of upload, example or path")
        return self


Language = Literal["en", "ko"]


class ThreadCreate(_Body):
    """POST /threads"""

    name: Name | None = None
    dataset: DatasetSource | None = None
    #: Language of the automatic overview (when the thread starts from a dataset).
    language: Language = Field(
        default="en", description="Language of the automatic overview that starts a thread made from a dataset."
    )


MAX_QUESTION = 20_000


def _clean_question(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    if len(value) > MAX_QUESTION:
        raise ValueError(f"must be at most {MAX_QUESTION:,} characters")
    return value


class MessageCreate(_Body):
    """POST /threads/{id}/messages: a question."""

    content: Annotated[
        str,
        AfterValidator(_clean_question),
        WithJsonSchema(
            {
                "type": "string",
                "minLength": 1,
                "maxLength": MAX_QUESTION,
            }
        ),
    ]
    model: str | None = Field(default=None, description="One of the ids from /models (default otherwise).")


class ThreadUpdate(_Body):
    """PATCH /threads/{id}"""

    name: Name


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "body"
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"{where}: unknown field"
    if kind == "missing":
        return f"{where}: is required"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return f"{where}: {message[:1].lower()}{message[1:]}"


def parse_body(model: type[_Body], data: Any) -> _Body:
    """Validate decoded JSON against a request model, raising `InvalidInput` on any problem."""
    if not isinstance(data, dict):
        raise InvalidInput("The request body must be a JSON object.")
    try:
        return model.model_validate(data)
    except ValidationError as e:
        problems = "; ".join(_describe(err) for err in e.errors(include_url=False))
        raise InvalidInput(f"Invalid request: {problems}.") from None


class NotebookSave(_Body):
    """POST /threads/{id}/notebook: save into the workspace."""

    path: Text = Field(description="Workspace path, e.g. analyses/cars.ipynb")
    on_conflict: Literal["error", "rename"] = Field(
        default="error",
        description="An existing file is never overwritten; 'error' answers 409, 'rename' picks a fresh name.",
    )


class NotebookSetup(_Body):
    """POST /threads/{id}/notebook/setup: the set-up cell for a notebook code is inserted into."""

    path: Text = Field(description="Workspace path of an existing notebook, e.g. analyses/Untitled.ipynb")
