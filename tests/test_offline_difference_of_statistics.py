"""The difference of two columns' statistics, through both renderers (pandas, and the dataset held
in DuckDB): "difference between average ACT and average age", "ACT 평균과 age 평균의 차이" were
declined (the difference word had no place beside two means). With a value on every row the
difference of the means is the mean of the per-row difference; with values missing on different
rows it is not, and the question is declined rather than answered over other rows.
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
    root = tmp_path_factory.mktemp("difference_of_statistics")
    rng = np.random.default_rng(29)
    n = 300
    scores = pd.DataFrame(
        {
            "age": rng.integers(13, 66, n),
            "ACT": rng.integers(15, 37, n),
            "SATV": rng.integers(200, 801, n).astype(float),
            "SATQ": rng.integers(200, 801, n).astype(float),
        }
    )
    scores.loc[rng.choice(n, 12, replace=False), "SATQ"] = np.nan
    out = {"_spill": root / "spill"}
    scores.to_parquet(root / "scores.parquet")
    out["scores"] = (scores, root / "scores.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["difference between average ACT and average age", "ACT 평균과 age 평균의 차이"])
def test_the_difference_of_two_means(data, mode, question):
    frame, _ = data["scores"]
    line = first_line(answered(data, "scores", question, mode))
    assert states(line, frame["ACT"].mean() - frame["age"].mean()), line


@pytest.mark.parametrize("mode", MODES)
def test_means_over_different_rows_are_declined(data, mode):
    declined(data, "scores", "difference between average SATQ and average SATV", mode)
