"""The offline analyst's overview started from the dataset cards (`OfflineClient(profiled=...)`):
its first step is sent before the full profiles exist, and the overview it then completes is the
one planned from the full profiles, step for step and answer for answer."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
from importlib.resources import files

import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pytest

from vista_jupyter.assistant import offline
from vista_jupyter.assistant.offline_client import OfflineClient
from vista_jupyter.profile import card_profile, profile_parquet


@pytest.fixture
def cars(tmp_path):
    path = tmp_path / "cars.parquet"
    pq.write_table(pcsv.read_csv(str(files("vista_jupyter.examples").joinpath("data/cars.csv"))), path)
    return path


def _dataset(path, profile, name="cars"):
    return {"var_name": "df", "name": name, "profile": profile, "parquet_path": str(path), "mode": "pandas"}


async def _nothing(_: str) -> None:
    return None


def _ask(client: OfflineClient):
    return client.complete([{"role": "user", "content": "overview"}], tools=True, on_text=_nothing, on_reset=_nothing)


def _code(reply) -> str | None:
    return json.loads(reply.tool_calls[0].arguments)["code"] if reply.tool_calls else None


def _result(i: int) -> dict:
    # what a step printed: distinct per step, so that an answer made from the wrong results shows
    return {"status": "ok", "outputs": [{"output_type": "stream", "name": "stdout", "text": f"rows\t{400 + i}\n"}]}


async def _run_to_end(client: OfflineClient, start: int = 0) -> list[str | None]:
    codes = []
    while True:
        reply = await _ask(client)
        codes.append(_code(reply))
        if not reply.tool_calls:
            return codes + [reply.text]
        client.observe(_result(start + len(codes) - 1))


async def test_the_first_step_is_sent_before_the_profiles_and_the_rest_is_the_full_plan(cars):
    card, full = card_profile(cars), profile_parquet(cars)
    assert card["pending"] and "pending" not in full
    profiled: concurrent.futures.Future = concurrent.futures.Future()
    client = OfflineClient([_dataset(cars, card)], overview=True, profiled=profiled)
    first = await asyncio.wait_for(_ask(client), 10)  # the profiles are not there: it does not wait
    plan = offline.overview([_dataset(cars, full)])
    assert _code(first) == plan.steps[0].code and not profiled.done()
    client.observe(_result(0))
    waiting = asyncio.ensure_future(_ask(client))
    await asyncio.sleep(0.2)
    assert not waiting.done()  # the second step needs the full profile (categories, numbers)
    profiled.set_result([_dataset(cars, full)])
    second = await asyncio.wait_for(waiting, 30)
    assert _code(second) == plan.steps[1].code
    client.observe(_result(1))
    rest = await _run_to_end(client, start=2)
    # The same steps and answer as a client given the full profiles from the start
    reference = OfflineClient([_dataset(cars, full)], overview=True)
    expected = await _run_to_end(reference)
    assert [_code(first), _code(second), *rest] == expected
    assert any("Origin" in (c or "") for c in expected)  # a split by the categorical column


async def test_a_full_plan_that_starts_otherwise_is_run_whole_and_answered_from_its_own_steps(cars):
    card, full = card_profile(cars), profile_parquet(cars)
    profiled: concurrent.futures.Future = concurrent.futures.Future()
    client = OfflineClient([_dataset(cars, card)], overview=True, profiled=profiled)
    first = await _ask(client)
    client.observe({"status": "ok", "outputs": [{"output_type": "stream", "name": "stdout", "text": "rows\t1\n"}]})
    # the full datasets describe another table name: the plan's first step is not the one run
    profiled.set_result([_dataset(cars, full, name="autos")])
    steps = await _run_to_end(client)
    expected = await _run_to_end(OfflineClient([_dataset(cars, full, name="autos")], overview=True))
    assert steps == expected and steps[0] == _code(first)  # (the same code, another intro)


async def test_without_a_card_to_plan_from_the_overview_waits_for_the_profiles(cars):
    full = profile_parquet(cars)
    profiled: concurrent.futures.Future = concurrent.futures.Future()
    client = OfflineClient([], overview=True, profiled=profiled)
    waiting = asyncio.ensure_future(_ask(client))
    await asyncio.sleep(0.2)
    assert not waiting.done()
    profiled.set_result([_dataset(cars, full)])
    first = await asyncio.wait_for(waiting, 30)
    assert _code(first) == offline.overview([_dataset(cars, full)]).steps[0].code


async def test_a_card_the_planner_cannot_take_is_logged_and_the_overview_waits_for_the_profiles(
    cars, monkeypatch, caplog
):
    card, full = card_profile(cars), profile_parquet(cars)
    planned = offline.overview

    def overview(datasets, language="en"):
        if any(d["profile"].get("pending") for d in datasets):
            raise KeyError("a planner defect on cards")
        return planned(datasets, language)

    monkeypatch.setattr(offline, "overview", overview)
    profiled: concurrent.futures.Future = concurrent.futures.Future()
    client = OfflineClient([_dataset(cars, card)], overview=True, profiled=profiled)
    waiting = asyncio.ensure_future(_ask(client))
    await asyncio.sleep(0.2)
    assert not waiting.done()
    assert "could not be planned from the dataset card" in caplog.text and "a planner defect" in caplog.text
    profiled.set_result([_dataset(cars, full)])
    first = await asyncio.wait_for(waiting, 30)
    assert _code(first) == planned([_dataset(cars, full)]).steps[0].code
