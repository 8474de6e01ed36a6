"""None of a measure whose name is also a unit ("worked zero hours", benchmarks/evalset46 p-03):
the unit word is the measure's own column, and "zero" of it is the value 0, as "zero earnings" is.
It had been read as a duration of no column and the share within the subgroup declined. Through
both renderers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, held, states
from test_offline_context import answered

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    rng = np.random.default_rng(3)
    n = 300
    people = pd.DataFrame(
        {
            "married": rng.choice(["married", "never married", "divorced"], n),
            "hours": np.where(rng.random(n) < 0.3, 0, rng.integers(100, 3000, n)),
            "age": rng.integers(20, 60, n),
        }
    )
    return held(tmp_path_factory.mktemp("zero_hours"), {"people": people})


@pytest.mark.parametrize("mode", MODES)
def test_zero_hours(data, mode):
    f = data["people"][0]
    answer = answered(data, "people", "What percent of never married people worked zero hours?", mode)
    expected = (f.loc[f["married"] == "never married", "hours"] == 0).mean()
    assert states(first_line(answer), 100 * expected, 1), answer
    answer = answered(data, "people", "How many people worked zero hours?", mode)
    assert states(first_line(answer), (f["hours"] == 0).sum(), 0), answer
