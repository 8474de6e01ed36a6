""" "The average number of <a column counting things>" (benchmarks/evalset46 o-09, session 24):
"number of" before a column that counts things per row is read as that column's own values, and
the statistic said before it ("average") is of that column, through both renderers. It had been
left unread ("“average” has no place in that reading") when the column was named twice, by a word
and its bracketed name ("chronic conditions (numchron)"), and the question declined."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, held, states
from test_offline_context import answered

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    rng = np.random.default_rng(9)
    n = 300
    visits = pd.DataFrame(
        {
            "ofp": rng.integers(0, 30, n),
            "numchron": rng.integers(0, 8, n),
            "region": rng.choice(["midwest", "noreast", "west", "other"], n),
            "age": rng.integers(66, 95, n),
        }
    )
    return held(tmp_path_factory.mktemp("average_number_of"), {"visits": visits})


@pytest.mark.parametrize("mode", MODES)
def test_average_number_of_a_column_glossed(data, mode):
    f = data["visits"][0]
    answer = answered(data, "visits", "what is the average number of chronic conditions (numchron)?", mode)
    assert states(first_line(answer), f["numchron"].mean()), answer
    answer = answered(
        data, "visits", "Excluding the midwest, what's the average number of chronic conditions (numchron)?", mode
    )
    assert states(first_line(answer), f.loc[f["region"] != "midwest", "numchron"].mean()), answer
    answer = answered(data, "visits", "median number of chronic conditions (numchron) for people over 80", mode)
    assert states(first_line(answer), f.loc[f["age"] > 80, "numchron"].median()), answer
