"""Words of the request itself, against words of the data, through both renderers (pandas, and
the dataset held in DuckDB), on orders with a yes/no `returned` column:

* "return the average sales", "return the top 3 orders by sales": the first word is the request's
  verb (a function word followed by one that opens a noun phrase), never the returned orders (it
  filtered to returned = Yes: a wrong answer);
* "return rate by category" keeps its data: the share returned per category;
* "which region has the most returns?": "returns" is a function word only as a form of "return",
  while the data names it (the returned column); it may not be left out (it counted all the rows
  per region: a wrong answer). "The most" before a yes/no column's word counts its flagged rows
  per group ("the most returned orders" too), and "the fewest returns" counts them over every
  region, a region with none as 0.
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
    root = tmp_path_factory.mktemp("request_words")
    rng = np.random.default_rng(11)
    n = 400
    orders = pd.DataFrame(
        {
            "order_id": np.arange(1, n + 1),
            "region": rng.choice(["North", "South", "East", "West"], n),
            "category": rng.choice(["Furniture", "Office", "Technology"], n),
            "sales": np.round(rng.uniform(5, 900, n), 2),
            "returned": rng.choice(["Yes", "No"], n, p=[0.15, 0.85]),
        }
    )
    orders.to_parquet(root / "orders.parquet")
    return {"_spill": root / "spill", "orders": (orders, root / "orders.parquet")}


@pytest.mark.parametrize("mode", MODES)
def test_a_request_verb_is_no_condition(data, mode):
    frame, _ = data["orders"]
    line = first_line(answered(data, "orders", "return the average sales", mode))
    assert states(line, frame["sales"].mean()), line
    answer = answered(data, "orders", "return the top 3 orders by sales", mode)
    for sales in frame["sales"].nlargest(3):
        assert states(answer, sales), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_data_word_that_is_also_a_verb(data, mode):
    frame, _ = data["orders"]
    shares = frame.assign(r=frame["returned"] == "Yes").groupby("category")["r"].mean() * 100
    answer = answered(data, "orders", "return rate by category", mode)
    for category, share in shares.items():
        assert any(category in x and states(x, share, 1) for x in answer.splitlines()), (category, answer)


@pytest.mark.parametrize("mode", MODES)
def test_the_most_of_a_flag_counts_its_rows(data, mode):
    frame, _ = data["orders"]
    counts = frame[frame["returned"] == "Yes"].groupby("region").size()
    top = counts[counts == counts.max()]
    for question in ("which region has the most returns?", "which region has the most returned orders?"):
        line = first_line(answered(data, "orders", question, mode))
        assert all(r in line for r in top.index) and states(line, counts.max(), 0), (question, line)
    # the fewest counts every region, one with none as 0 (s16c; declined before)
    every = (frame["returned"] == "Yes").groupby(frame["region"]).sum()
    line = first_line(answered(data, "orders", "which region has the fewest returns?", mode))
    low = every[every == every.min()]
    assert all(r in line for r in low.index) and states(line, every.min(), 0), line
