"""Two groups compared where the second is given by ellipsis, as the rows the first's condition
does not pick (benchmarks/evalset46 f-07, u-07; Ecdat Males): "how many more affairs do people
with children have than people without?", "... (pubemp yes) compared to those who did not",
"average wage of union members vs non-members". After the word of comparison, a bare negation
(only nouns for the rows beside it) is the other side; of a yes/no column it is the other value.
All three had been declined. Through both renderers. Also: a condition said twice (a word and its
bracketed name with a value, "public employment (pubemp yes)") is one condition, never two sides
of a comparison, nor kept as a filter on the other side (that side had been empty)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, held, states
from test_offline_context import answered, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    rng = np.random.default_rng(7)
    n = 300
    people = pd.DataFrame(
        {
            "child": rng.choice(["yes", "no"], n),
            "union": rng.choice(["yes", "no"], n),
            "pubemp": rng.choice(["yes", "no"], n),
            "sex": rng.choice(["male", "female"], n),
            "nbaffairs": rng.integers(0, 12, n),
            "wage": np.round(rng.uniform(0.5, 4.0, n), 3),
            "duration": rng.integers(1, 60, n),
        }
    )
    return held(tmp_path_factory.mktemp("denied_side"), {"people": people})


def gap(f, column, measure):
    return f.loc[f[column] == "yes", measure].mean() - f.loc[f[column] == "no", measure].mean()


@pytest.mark.parametrize("mode", MODES)
def test_than_those_without(data, mode):
    f = data["people"][0]
    answer = answered(
        data, "people", "How many more affairs on average do people with children have than people without?", mode
    )
    assert states(first_line(answer), abs(gap(f, "child", "nbaffairs"))), answer
    answer = answered(data, "people", "average wage of union members vs non-members", mode)
    assert states(first_line(answer), abs(gap(f, "union", "wage")), 3), answer
    answer = answered(
        data,
        "people",
        "mean duration of people who used a public employment agency (pubemp yes) compared to those who did not",
        mode,
    )
    assert states(first_line(answer), abs(gap(f, "pubemp", "duration"))), answer
    # the side left out of two named conditions is not said: declined, never one of them dropped
    declined(data, "people", "How many more affairs do women with children have than people without?", mode)
