"""Which models the server offers, and a client for each turn.

The admin configures one OpenAI-compatible endpoint (base URL and key from the environment or
traitlets, or an Azure OpenAI resource) and the models users may pick from it (an allowlist
enforced here, on the server, not only in the picker). The offline analyst is always offered; it
is the default unless `model` names one (models listed only in `models` are choices, never the
default).

Each turn gets its own client, so what goes wrong in one conversation stays there; what is
learned about a model (`ModelTraits`) is kept here per model of the endpoint.
"""

from __future__ import annotations

import concurrent.futures
import logging
from typing import Any

from ..errors import InvalidInput
from ..secrets import Secrets
from .clients import Endpoint, ModelClient, ModelTraits, OpenAIClient
from .offline_client import OFFLINE_MODEL, OfflineClient


class ModelRegistry:
    """The offered models and their clients."""

    def __init__(
        self,
        *,
        model: str,
        models: list[str],
        base_url: str,
        api_key: str,
        tool_protocol: str,
        timeout: float,
        max_retries: int,
        context_budget: int,
        step_timeout: float = 300.0,
        azure_endpoint: str = "",
        azure_api_version: str = "",
        azure_deployments: dict[str, str] | None = None,
        secrets: Secrets | None = None,
        log: logging.Logger | None = None,
    ):
        self.base_url = base_url
        self.tool_protocol = tool_protocol
        self.timeout = timeout
        self.max_retries = max_retries
        self.step_timeout = step_timeout
        self.context_budget = context_budget
        self.log = log or logging.getLogger(__name__)
        configured = [m for m in [model, *models] if m]
        self.models = list(dict.fromkeys(configured))
        self.default = model or OFFLINE_MODEL
        # Checked at start-up even with no model configured yet: a wrong URL is said at once.
        self.endpoint = Endpoint(
            base_url=base_url,
            api_key=api_key,
            azure_endpoint=azure_endpoint,
            azure_api_version=azure_api_version,
            azure_deployments=azure_deployments,
            timeout=timeout,
            secrets=secrets,
        )
        self._traits: dict[str, ModelTraits] = {}

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

    def traits(self, model: str) -> ModelTraits:
        """What has been learned about `model` on this endpoint."""
        return self._traits.setdefault(model, ModelTraits())

    def budget_for(self, model: str) -> int:
        """The context budget of `model`: the configured one, or less if its server said so."""
        learned = self.traits(model).context_budget if model != OFFLINE_MODEL else None
        return min(self.context_budget, learned) if learned else self.context_budget

    def client(
        self,
        model: str,
        datasets: list[dict[str, Any]],
        *,
        overview: bool = False,
        language: str = "en",
        profiled: concurrent.futures.Future | None = None,
    ) -> ModelClient:
        """A client for one turn with `model`. `profiled`: the offline analyst's overview starts
        from the cards in `datasets` and gets the datasets with full profiles from it."""
        if model == OFFLINE_MODEL:
            return OfflineClient(datasets, overview=overview, language=language, profiled=profiled)
        return OpenAIClient(
            self.endpoint,
            model,
            self.traits(model),
            tool_protocol=self.tool_protocol,
            max_retries=self.max_retries,
            step_timeout=self.step_timeout,
            log=self.log,
        )
