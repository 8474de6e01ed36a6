"""The offline analyst as a model client, so that it runs through the same analysis loop (and so
the same kernel, events and stored steps) as a language model.

Per turn it asks `offline.analyse` (or `offline.overview` for the automatic first turn) for a plan
and its code steps, hands the steps to the loop one by one as `run_python` tool calls, observes
their results, and finally answers with `offline.answer`, whose numbers come from what the code
printed. The code is pandas, or DuckDB SQL for a dataset the kernel holds in DuckDB (each dataset's
`mode`). A question the planner (or, for SQL, the renderer) cannot express is declined at once,
with no code run.

The automatic first turn may start before the datasets' full profiles exist (`profiled`): its
first step (size, columns, first rows) needs none, so it is planned from the cards and runs in
the kernel while the profiles are completed; the rest of the overview is planned once they are,
exactly as it would have been (a plan that does not begin with the step already run is run whole,
and answered from its own steps only). When the first dataset's first look is read from its
Parquet file (`first_look_file`), that step needs no loaded data either
(`runs_before_data`), so it runs before the kernel loads the table.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import re
from typing import Any

from .clients import Reply, ResetCallback, TextCallback, ToolCall

OFFLINE_MODEL = "vista-offline"

log = logging.getLogger(__name__)


class OfflineClient:
    """A deterministic, local stand-in for a language model (one instance per turn)."""

    model = OFFLINE_MODEL
    uses_tools = True

    def __init__(
        self,
        datasets: list[dict[str, Any]],
        *,
        overview: bool = False,
        language: str = "en",
        profiled: concurrent.futures.Future | None = None,
    ):
        """`profiled` (the overview only): the datasets with their full profiles, when `datasets`
        hold only their cards (a future, set on the server's event loop; this client runs on the
        model thread's)."""
        self.datasets = datasets
        self.overview = overview
        self.language = language
        self.profiled = profiled if overview else None
        self.analysis: Any = None  # offline.Analysis, made at the first call
        self.results: list[dict[str, Any]] = []
        self._early: Any = None  # the overview's first step, planned from the cards

    @property
    def declined(self) -> bool:
        """Whether the question was declined (nothing was computed)."""
        return self.analysis is not None and self.analysis.declined

    @property
    def suggestions(self) -> list[str]:
        """Questions to offer after a decline, built from the dataset's real columns (each is one
        the analyst answers); none after an answer."""
        if not self.declined:
            return []
        from . import offline

        return offline.suggestions(self.analysis.table, self.analysis.language)

    def runs_before_data(self, code: str) -> bool:
        """Whether `code` is the overview's first look read from the data file itself, which
        needs no dataset loaded in the kernel."""
        return (
            self._early is not None
            and code == self._early.code
            and bool(self.datasets and self.datasets[0].get("first_look_file"))
        )

    def observe(self, result: dict[str, Any]) -> None:
        """Receive the result of the step just run."""
        self.results.append(result)

    async def _step(self, index: int, step: Any, on_text: TextCallback) -> Reply:
        await self._say(step.intro + "\n\n", on_text)
        return Reply(
            text=step.intro,
            tool_calls=[ToolCall(f"offline-{index}", "run_python", json.dumps({"code": step.code}))],
            finish_reason="tool_calls",
        )

    async def _say(self, text: str, on_text: TextCallback) -> None:
        # Stream by sentence so the sidebar shows text arriving, as it would from a model.
        for piece in re.findall(r".+?(?:[.!?。]\s+|\n+|$)", text, flags=re.S):
            if piece:
                await on_text(piece)

    async def complete(
        self, messages: list[dict[str, Any]], *, tools: bool, on_text: TextCallback, on_reset: ResetCallback
    ) -> Reply:
        from . import offline

        if self.analysis is None and self._early is None and self.profiled is not None:
            self._early = _first_look(self.datasets, self.language)
            if self._early is not None:
                return await self._step(0, self._early, on_text)
        if self.analysis is None:
            if self.profiled is not None:
                self.datasets = await asyncio.wrap_future(self.profiled)
            question = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
            self.analysis = (
                offline.overview(self.datasets, self.language)
                if self.overview
                else offline.analyse(question, self.datasets)
            )
            if self._early is not None and self.analysis.steps[:1] != [self._early]:
                # Not the plan's first step after all: what it printed is not this plan's to
                # answer from, so the plan runs whole.
                self.results = []
            if not self.analysis.steps:
                message = offline.answer(self.analysis, [])
                await self._say(message, on_text)
                return Reply(text=message, finish_reason="stop")
        index = len(self.results)
        if index < len(self.analysis.steps):
            return await self._step(index, self.analysis.steps[index], on_text)
        final = offline.answer(self.analysis, self.results)
        await self._say(final, on_text)
        return Reply(text=final, finish_reason="stop")


def _first_look(datasets: list[dict[str, Any]], language: str) -> Any:
    """The overview's first step planned from the datasets' cards (None when there is none):
    it shows the size, the columns and the first rows, which the card has. The Parquet files are
    not read for category values here (`parquet_path` left out): the first step uses none."""
    from . import offline

    try:
        analysis = offline.overview([{**d, "parquet_path": None} for d in datasets], language)
    except Exception:
        # A card the planner cannot take is a planner defect: it costs only the early start
        # (the overview waits for the profiles), and the server log says why.
        log.warning("Vista: the overview's first step could not be planned from the dataset card", exc_info=True)
        return None
    return analysis.steps[0] if analysis.steps else None
