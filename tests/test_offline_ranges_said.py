"""Ranges of a number said as people say them, through both renderers (pandas, and the dataset
held in DuckDB). On psych's sat.act (gender, education, age, ACT, SATV, SATQ):

* "average ACT of students aged 18 to 22", "average ACT for ages 18 to 22": a numeric column
  named right before "A to B" is the range's column (it kept age = 18 and declined the 22);
* "average ACT of students between 18 and 22": people between two numbers are of an age, as
  "people over 40" are (it was declined, no column named);
* "average ACT for age from 18 to 22" was read already, and stays.
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
    root = tmp_path_factory.mktemp("ranges_said")
    rng = np.random.default_rng(41)
    n = 500
    scores = pd.DataFrame(
        {
            "gender": rng.integers(1, 3, n),
            "education": rng.integers(0, 6, n),
            "age": rng.integers(13, 66, n),
            "ACT": rng.integers(15, 37, n),
            "SATV": rng.integers(200, 801, n),
        }
    )
    out = {"_spill": root / "spill"}
    scores.to_parquet(root / "scores.parquet")
    out["scores"] = (scores, root / "scores.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    [
        "average ACT of students aged 18 to 22",
        "average ACT for ages 18 to 22",
        "average ACT of students between 18 and 22",
        "average ACT for age from 18 to 22",
    ],
)
def test_a_range_of_ages(data, mode, question):
    frame, _ = data["scores"]
    kept = frame[(frame["age"] >= 18) & (frame["age"] <= 22)]
    line = first_line(answered(data, "scores", question, mode))
    assert "age" in line and states(line, kept["ACT"].mean()), line


@pytest.mark.parametrize("mode", MODES)
def test_a_range_of_a_measure_named_before_it(data, mode):
    frame, _ = data["scores"]
    line = first_line(answered(data, "scores", "how many students have SATV 500 to 600?", mode))
    assert states(line, int(frame["SATV"].between(500, 600).sum())), line
