"""Domain exceptions of Vista.

Services raise these; the HTTP layer (`api.handlers.VistaHandler`) maps them to status codes in one
place. Messages are written for the person using the sidebar: they say what was wrong and, where
it helps, what to do instead. They never carry tracebacks, paths outside the user's own data, or
secrets.
"""

from __future__ import annotations

import errno


class VistaError(Exception):
    """Base class: an expected failure with a message fit to show a user."""

    status_code = 500
    reason = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidInput(VistaError):
    """The request is malformed or a field has a bad value (400)."""

    status_code = 400
    reason = "invalid-input"


class NotFound(VistaError):
    """Unknown, or not the caller's: the two are indistinguishable on purpose (404)."""

    status_code = 404
    reason = "not-found"


class Conflict(VistaError):
    """The request clashes with the current state, e.g. a turn is already running (409)."""

    status_code = 409
    reason = "conflict"


class TooLarge(VistaError):
    """The request or upload exceeds a configured limit (413)."""

    status_code = 413
    reason = "too-large"


class UnsupportedType(VistaError):
    """The file or content type cannot be handled (415)."""

    status_code = 415
    reason = "unsupported-type"


class StorageFull(VistaError):
    """The server's disk is full (507)."""

    status_code = 507
    reason = "storage-full"


class StoreError(VistaError):
    """The database cannot be used safely (corrupt, or written by a newer Vista)."""

    status_code = 503
    reason = "store-unavailable"


def disk_error(e: OSError, what: str = "The file") -> VistaError:
    """The domain error for a failed write on the server's disk (never naming server paths)."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull(
            f"The server's disk is full, so {what[:1].lower()}{what[1:]} could not "
            "be saved. Free some space (or ask your administrator) and try again."
        )
    return VistaError(f"{what} could not be written on the server: {e.strerror or 'input/output error'}.")


class ReadingCancelled(VistaError):
    """Reading a dataset was cancelled by the user, or the client went away (409)."""

    status_code = 409
    reason = "cancelled"
