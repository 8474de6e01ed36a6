"""Vista's REST API contract: request bodies (`bodies.py`), answers (`responses.py`) and the OpenAPI
description generated from them (`openapi.py` writes `openapi.yaml`, shipped in the package and
served at `/vista/api/openapi.json`)."""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import Any

import yaml


@functools.cache
def openapi_spec() -> dict[str, Any]:
    """The parsed OpenAPI document."""
    return yaml.safe_load(files(__package__).joinpath("openapi.yaml").read_text(encoding="utf-8"))
