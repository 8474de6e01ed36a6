"""Rows picked and listed, through both renderers (pandas, and the dataset held in DuckDB):

* "list the occupations with income above 70" of a table whose column `occupation` names each
  row: the rows listed, called by that column (declined: "occupations" had no place beside the
  condition);
* "what is the lot size of the most expensive house": one column of the row a superlative picks,
  said "<column> of the <superlative> <noun>" (declined, where "... of the house with the highest
  price" was answered);
* a row is never described by yes/no columns when no column names it (a house was "yes · no · no"
  by driveway, recroom and fullbase).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("listed")
    rng = np.random.default_rng(11)
    jobs = pd.DataFrame(
        {
            "occupation": ["pilot", "baker", "nurse", "plumber", "lawyer", "clerk", "welder", "author"],
            "type": ["prof", "bc", "prof", "bc", "prof", "wc", "bc", "prof"],
            "income": [72, 30, 55, 48, 76, 35, 41, 60],
            "prestige": [83, 25, 61, 30, 89, 40, 35, 70],
        }
    )
    houses = pd.DataFrame(
        {
            "price": rng.integers(30, 200, 60) * 1000,
            "lotsize": rng.integers(2000, 9000, 60),
            "bedrooms": rng.integers(1, 6, 60),
            "driveway": rng.choice(["yes", "no"], 60),
            "recroom": rng.choice(["yes", "no"], 60),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("jobs", jobs), ("houses", houses)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_rows_are_listed_by_the_noun_of_the_column_that_names_them(data, mode):
    frame, _ = data["jobs"]
    high = frame.loc[frame["income"] > 70, "occupation"]
    for question in ("list the occupations with income above 70", "which occupations have income above 70?"):
        answer = answered(data, "jobs", question, mode)
        assert states(first_line(answer), len(high), 0), (question, answer)
        assert all(name in answer for name in high), (question, answer)
        assert not any(name in answer for name in frame.loc[frame["income"] <= 70, "occupation"]), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_column_of_the_row_a_superlative_picks(data, mode):
    frame, _ = data["houses"]
    top = frame.loc[frame["price"].idxmax()]
    for question in ("what is the lot size of the most expensive house?", "lotsize of the most expensive house"):
        line = first_line(answered(data, "houses", question, mode))
        assert states(line, top["lotsize"], 0), (question, line)
    low = frame.loc[frame["price"] == frame["price"].min(), "lotsize"]
    answer = answered(data, "houses", "lot size of the cheapest house", mode)
    assert all(states(answer, v, 0) for v in low), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_row_is_never_described_by_yes_no_columns(data, mode):
    answer = answered(data, "houses", "lot size of the house with the highest price", mode)
    assert "yes" not in answer and "· no" not in answer, answer
