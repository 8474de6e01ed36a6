"""A noun for another kind of thing than the rows are, through both renderers (pandas, and the
dataset held in DuckDB): "how many cats are there?" of car's States (one row a state) answered
51, the states counted as cats. The lexicon's `entity_kinds` sort nouns for rows by kind; a noun
of a kind the data's own noun for its rows is not (its name, its row nouns) is declined, saying
what the rows are. Nouns of a shared kind still name the rows ("birds" of penguins, "states"); the
head of the name says what the rows are (shop_orders: orders), and a verb that starts like a noun
("carry") is none.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("rows_of_another_kind")
    rng = np.random.default_rng(8)
    frames = {
        "states": pd.DataFrame(
            {"region": rng.choice(["ENC", "PAC", "SA", "MTN"], 51), "pop": rng.integers(400, 30000, 51)}
        ),
        "penguins": pd.DataFrame(
            {"island": rng.choice(["Biscoe", "Dream"], 120), "body_mass_g": rng.integers(2700, 6300, 120)}
        ),
        # the head of the name says what the rows are (orders, not shops); a verb is no noun ("carry")
        "shop_orders": pd.DataFrame({"carrier": rng.choice(["USPS", "UPS"], 90), "amount": rng.integers(5, 90, 90)}),
    }
    out = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "name,question",
    [("states", "how many cats are there?"), ("states", "how many countries?"), ("penguins", "how many cats?")],
)
def test_a_noun_of_another_kind_is_declined(data, mode, name, question):
    declined(data, name, question, mode)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "name,question",
    [
        ("states", "how many states are there?"),
        ("penguins", "how many birds are there?"),
        ("penguins", "how many animals?"),
    ],
)
def test_a_noun_of_the_rows_kind_counts_them(data, mode, name, question):
    frame, _ = data[name]
    assert states(first_line(answered(data, name, question, mode)), len(frame))


@pytest.mark.parametrize("mode", MODES)
def test_the_head_of_the_name_and_no_verb(data, mode):
    frame, _ = data["shop_orders"]
    line = first_line(answered(data, "shop_orders", "How many orders did USPS carry?", mode))
    assert states(line, int((frame["carrier"] == "USPS").sum())), line
