"""Rows as the API shows them: mappers from stored rows to dictionaries, the JSON text of
pages (built by SQLite where it can), and the opaque cursor of the thread list.

Kept apart from the queries (`database.py`) so that what a row looks like to a client is
written once, whichever query read it.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

from ..errors import InvalidInput


def encode_cursor(updated_at: str, thread_id: str) -> str:
    """An opaque page cursor for the thread list (its position: updated_at, id)."""
    return base64.urlsafe_b64encode(f"{updated_at}|{thread_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        updated_at, thread_id = raw.split("|")
        datetime.fromisoformat(updated_at.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(
            "cursor: not a cursor this server gave out; start again from the first page (no cursor)."
        ) from None
    return updated_at, thread_id


def thread_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "message_count": row["message_count"],
        "datasets": json.loads(row["dataset_names"]),
        "running_turn": row["running_turn"],
    }


def dataset_row(row: dict[str, Any], with_profile: bool = False) -> dict[str, Any]:
    out = {
        "id": row["id"],
        "thread_id": row["thread_id"],
        "name": row["name"],
        "original_name": row["original_name"],
        "var_name": row["var_name"],
        "parquet_path": row["parquet_path"],
        "source": row["source"],
        "rows": row["rows"],
        "columns": row["columns"],
        "size_bytes": row["size_bytes"],
        "detected": json.loads(row["detected"]),
        "warnings": json.loads(row["warnings"]),
        "created_at": row["created_at"],
    }
    if with_profile:
        out["profile"] = json.loads(row["profile"])
        out["summary"] = row["summary"]
    return out


def turn_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "thread_id": row["thread_id"],
        "status": row["status"],
        "model": row["model"],
        "user_message_id": row["user_message_id"],
        "assistant_message_id": row["assistant_message_id"],
        "usage": json.loads(row["usage"]),
        "created_at": row["created_at"],
        "finished_at": row["finished_at"],
    }


def event_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "seq": row["seq"],
        "type": row["type"],
        "turn_id": row["turn_id"],
        "data": json.loads(row["data"]),
        "created_at": row["created_at"],
    }


def message_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "seq": row["seq"],
        "role": row["role"],
        "content": row["content"],
        "created_at": row["created_at"],
        "metadata": json.loads(row["metadata"]),
    }


# Pages as JSON text (what the REST API sends). SQLite writes each row's JSON document itself, in
# C and without holding Python's GIL, so a worker thread building a page of thousands of rows
# hardly competes with the event loop; the stored JSON columns are embedded, not decoded and
# re-encoded in Python. Should SQLite refuse a stored document (Python's json writes NaN, which
# is not JSON), the page is built in Python instead, splicing the stored columns as they are.

EVENT_JSON = "json_object('seq', seq, 'type', type, 'turn_id', turn_id, 'data', json(data), 'created_at', created_at)"
MESSAGE_JSON = (
    "json_object('id', id, 'seq', seq, 'role', role, 'content', content, "
    "'created_at', created_at, 'metadata', json(metadata))"
)


def event_json(row: dict[str, Any]) -> str:
    return (
        f'{{"seq": {row["seq"]}, "type": {json.dumps(row["type"])}, "turn_id": '
        f'{json.dumps(row["turn_id"])}, "data": {row["data"]}, "created_at": '
        f"{json.dumps(row['created_at'])}}}"
    )


def message_json(row: dict[str, Any]) -> str:
    return (
        f'{{"id": {row["id"]}, "seq": {row["seq"]}, "role": {json.dumps(row["role"])}, '
        f'"content": {json.dumps(row["content"])}, "created_at": '
        f'{json.dumps(row["created_at"])}, "metadata": {row["metadata"]}}}'
    )


def page_json(key: str, page: dict[str, Any]) -> str:
    return (
        f'{{"{key}": [{", ".join(page[key])}], "next_after": '
        f'{json.dumps(page["next_after"])}, "prev_before": {json.dumps(page["prev_before"])}}}'
    )
