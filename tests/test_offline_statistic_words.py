"""A word that is both a statistic and a value of the data, through both renderers (pandas, and the
dataset held in DuckDB):

* "average days absent by race" where a column holds the value "average" (HSAUR's schooldays:
  learner is average or slow) is the mean over every pupil; it kept only the average learners
  and took their mean (a wrong answer, stated as "for rows where learner = average");
* the value is still read when its column is named beside it ("learner average").
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
    root = tmp_path_factory.mktemp("statistic_words")
    rng = np.random.default_rng(23)
    n = 120
    pupils = pd.DataFrame(
        {
            "race": rng.choice(["aboriginal", "non-aboriginal"], n),
            "learner": rng.choice(["average", "slow"], n),
            "absent": rng.integers(0, 60, n),
        }
    )
    out = {"_spill": root / "spill"}
    pupils.to_parquet(root / "pupils.parquet")
    out["pupils"] = (pupils, root / "pupils.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_statistic_that_is_also_a_value_is_the_statistic(data, mode):
    frame, _ = data["pupils"]
    answer = answered(data, "pupils", "average days absent by race", mode)
    assert "learner" not in answer, answer
    for race, mean in frame.groupby("race")["absent"].mean().items():
        assert any(race in x and states(x, mean) for x in answer.splitlines()), answer
    line = first_line(answered(data, "pupils", "mean absent for learner average", mode))
    assert states(line, frame.loc[frame["learner"] == "average", "absent"].mean()), line
