"""The offline analyst on tables of many columns: what depends only on the table is worked out
once per dataset and reused question after question (never served for a changed file), and the
shortcuts that make wide tables fast give what the long way gave."""

from __future__ import annotations

import os
import time

import numpy as np
import pandas as pd
import pytest

from vista_jupyter.assistant import offline
from vista_jupyter.assistant.offline import catalog
from vista_jupyter.assistant.offline.catalog import Column, build_table
from vista_jupyter.assistant.offline.match import Reader, segment, spelled_names
from vista_jupyter.profile import profile_parquet


def _write(path, frame):
    frame.to_parquet(path, index=False)
    return {"var_name": "df", "name": "sales", "profile": profile_parquet(path), "parquet_path": str(path)}


@pytest.fixture()
def sales(tmp_path):
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {
            "region": rng.choice(["North", "South"], 60),
            "price": rng.integers(10, 100, 60).astype(float),
            **{f"sensor_{i}": rng.normal(size=60) for i in range(40)},
        }
    )
    return tmp_path / "sales.parquet", frame


def test_a_table_is_described_once_per_dataset(sales, monkeypatch):
    path, frame = sales
    dataset = _write(path, frame)
    built = []
    real = catalog._build_table
    monkeypatch.setattr(catalog, "_build_table", lambda d: built.append(1) or real(d))
    first, second = build_table(dataset), build_table(dataset)
    assert len(built) == 1
    assert [c.name for c in first.columns] == [c.name for c in second.columns]
    assert first is not second and first.columns[0] is not second.columns[0]  # copies


def test_a_changed_file_is_described_again(sales):
    path, frame = sales
    before = build_table(_write(path, frame))
    assert "North" in before.column("region").values
    time.sleep(0.01)
    frame["region"] = frame["region"].map({"North": "East", "South": "West"})
    frame["cost"] = frame["price"] / 2
    after = build_table(_write(path, frame))
    assert "cost" in [c.name for c in after.columns]
    assert set(after.column("region").values) == {"East", "West"}


def test_the_same_profile_over_a_rewritten_file_is_described_again(sales):
    """The values a description reads from the file (a category's levels) follow the file."""
    path, frame = sales
    dataset = _write(path, frame)
    assert set(build_table(dataset).column("region").values) == {"North", "South"}
    frame["region"] = frame["region"].map({"North": "East", "South": "West"})
    frame.to_parquet(path, index=False)
    os.utime(path, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    assert set(build_table(dataset).column("region").values) == {"East", "West"}


def test_a_column_derived_for_one_question_is_not_in_the_next(sales):
    path, frame = sales
    dataset = _write(path, frame)
    table = build_table(dataset)
    table.columns.append(
        Column(name="price ÷ sensor_1", kind="numeric", dtype="float64", keys=("x",), base=(), unit=None)
    )
    assert "price ÷ sensor_1" not in [c.name for c in build_table(dataset).columns]


def test_readers_of_one_dataset_share_its_phrases_unless_its_columns_differ(sales):
    path, frame = sales
    dataset = _write(path, frame)
    one, two = Reader(build_table(dataset)), Reader(build_table(dataset))
    assert one.data is two.data and one.spelled is two.spelled
    table = build_table(dataset)
    table.columns.append(
        Column(name="margin_rate", kind="numeric", dtype="float64", keys=("margin", "rate"), base=(), unit=None)
    )
    three = Reader(table)
    assert three.data is not one.data
    assert "margin_rate" in [name for name, _, _ in three.spelled]


def test_answers_are_the_same_question_after_question(sales):
    path, frame = sales
    dataset = _write(path, frame)
    question = "average price by region"
    first = offline.analyse(question, [dataset])
    offline.analyse("total sensor_3 in North", [dataset])
    again = offline.analyse(question, [dataset])
    assert not first.declined
    assert [s.code for s in first.steps] == [s.code for s in again.steps]


def _spelled_pairwise(names):
    """The definition `spelled_names` keeps: a cut where a name parts from another name."""
    out = {}
    for name in names:
        cuts = {0, len(name)}
        for other in names:
            if other != name:
                shared = len(os.path.commonprefix([name, other]))
                if 3 <= shared < len(name) and shared < len(other):
                    cuts.add(shared)
        out[name] = frozenset(cuts)
    return out


def test_names_part_where_they_part_from_each_other():
    names = ["realgdp", "realcons", "realinv", "real", "gdp", "gdppercap", "gdpgrowth", "tbilrate", "tbil"]
    table = catalog.Table(
        "df", "t", 10, [Column(name=n, kind="numeric", dtype="float64", keys=(n,), base=(), unit=None) for n in names]
    )
    assert {name: cuts for name, _, cuts in spelled_names(table)} == _spelled_pairwise(names)
    assert dict((n, c) for n, _, c in spelled_names(table))["realgdp"] == frozenset({0, 4, 7})


@pytest.mark.parametrize(
    ("name", "words", "whole", "expected"),
    [
        ("tbilrate", ("t", "bill", "rate"), True, True),
        ("lifeexp", ("life", "expectancy"), True, True),
        ("gdppercap", ("gdp", "per", "capita"), True, True),
        ("pkgcnt", ("package", "count"), True, True),
        ("sensor17", ("sea", "level"), True, False),
        ("delivdays", ("delivery",), False, True),
    ],
)
def test_the_shortcuts_of_segment_keep_its_readings(name, words, whole, expected):
    cuts = None if whole else frozenset({0, 5, 9})
    assert (segment(name, cuts, words, whole) > 0) == expected
