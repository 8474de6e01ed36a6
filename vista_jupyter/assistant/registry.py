"""Which models the server offers, and a client for each.

The admin configures one OpenAI-compatible endpoint (base URL and key from the environment or
traitlets) and the models users may pick from it (an allowlist enforced here, on the server, not
only in the picker). The offline analyst is always offered; it is the default unless `model`
names one (models listed only in `models` are choices, never the default).
"""

from __future__ import annotations

from typing import Any

from ..errors import InvalidInput
from .clients import ModelClient, OpenAIClient
from .offline_client import OFFLINE_MODEL, OfflineClient


class ModelRegistry:
    """The offered models and their clients."""

    def __init__(self, *, model: str, models: list[str], base_url: str, api_key: str,
                 tool_protocol: str, timeout: float, max_retries: int, context_budget: int):
        self.base_url = base_url
        self._api_key = api_key
        self.tool_protocol = tool_protocol
        self.timeout = timeout
        self.max_retries = max_retries
        self.context_budget = context_budget
        configured = [m for m in [model, *models] if m]
        self.models = list(dict.fromkeys(configured))
        self.default = model or OFFLINE_MODEL
        self._clients: dict[str, OpenAIClient] = {}

    def offered(self) -> dict[str, Any]:
        """What the UI may show: the models, the default, whether Vista is offline."""
        models = [{"id": m, "label": m, "kind": "openai"} for m in self.models]
        models.append({"id": OFFLINE_MODEL, "label": "Vista offline analyst", "kind": "offline"})
        return {
            "models": models,
            "default": self.default,
            "offline": self.default == OFFLINE_MODEL,
            "context_budget": self.context_budget,
        }

    def check(self, model: str | None) -> str:
        """The model to use for a request (`None`: the default); refuses models not offered."""
        if model is None:
            return self.default
        if model != OFFLINE_MODEL and model not in self.models:
            offered = ", ".join([*self.models, OFFLINE_MODEL])
            raise InvalidInput(f"The model {model!r} is not offered on this server. Offered: {offered}.")
        return model

    def client(self, model: str, datasets: list[dict[str, Any]], *, overview: bool = False,
               language: str = "en") -> ModelClient:
        """A client for one turn with `model`."""
        if model == OFFLINE_MODEL:
            return OfflineClient(datasets, overview=overview, language=language)
        if model not in self._clients:
            self._clients[model] = OpenAIClient(
                model, base_url=self.base_url or None, api_key=self._api_key,
                tool_protocol=self.tool_protocol, timeout=self.timeout, max_retries=self.max_retries,
            )
        return self._clients[model]
