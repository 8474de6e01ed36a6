"""A column whose name begins with a statistic (avgsal: each school's average salary, totpay: a
total) is named by the statistic word with the rest ("average salary", 평균 급여), through both
renderers (pandas, and the dataset held in DuckDB). Session 21, the probe sets' declines
(evalset29's caschool, evalset33's cigarette and mcas):

* where the plan computes that statistic of the rows ("average salary": the mean of avgsal) the
  word stays the question's, as before;
* where it computes none (rows ranked without groups, a correlation), the word is the start of
  the column's name: "top 3 schools by average salary" ranks the schools by avgsal, and
  "correlation of average salary with enrollment" correlates avgsal (both had declined: an
  average of the highest row, "average" with no place in the reading);
* a column whose name holds no statistic is still no average of rows without groups ("top 3
  schools by average enrollment" is declined).
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
    root = tmp_path_factory.mktemp("statname")
    rng = np.random.default_rng(21)
    n = 36
    frames = {
        "schools": pd.DataFrame(
            {
                "school": [f"School {chr(65 + i % 26)}{i}" for i in range(n)],
                "county": rng.choice(["Kern", "Lake", "Marin"], n),
                "avgsal": np.round(rng.uniform(30, 70, n), 2),
                "enrl": rng.integers(100, 3000, n),
            }
        ),
        "firms": pd.DataFrame(
            {
                "firm": [f"Firm {i:02d}" for i in range(30)],
                "totpay": rng.integers(1_000, 90_000, 30),
                "staff": rng.integers(5, 400, 30),
            }
        ),
    }
    out = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_rows_ranked_by_a_column_named_with_its_statistic(data, mode):
    frame, _ = data["schools"]
    top = frame.nlargest(3, "avgsal")
    answer = answered(data, "schools", "top 3 schools by average salary", mode)
    assert "avgsal" in first_line(answer), answer
    assert all(name in answer for name in top["school"]), answer
    answer = answered(data, "schools", "평균 급여 상위 3개 학교", mode)
    assert all(name in answer for name in top["school"]), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_correlation_with_a_column_named_with_its_statistic(data, mode):
    frame, _ = data["schools"]
    r = frame["avgsal"].corr(frame["enrl"])
    answer = answered(data, "schools", "correlation of average salary with enrollment", mode)
    assert states(first_line(answer), r, 3) and "avgsal" in first_line(answer), answer
    answer = answered(data, "schools", "평균 급여와 enrl의 상관계수", mode)
    assert states(first_line(answer), r, 3), answer
    frame, _ = data["firms"]
    answer = answered(data, "firms", "correlation between total pay and staff", mode)
    assert states(first_line(answer), frame["totpay"].corr(frame["staff"]), 3), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_statistic_of_the_rows_stays_asked(data, mode):
    frame, _ = data["schools"]
    answer = answered(data, "schools", "average salary", mode)
    assert states(first_line(answer), frame["avgsal"].mean()), answer
    answer = answered(data, "schools", "which county has the highest average salary", mode)
    best = frame.groupby("county")["avgsal"].mean().idxmax()
    assert best in first_line(answer), answer
    # no statistic in enrl's name: an average of the highest row is still no question
    declined(data, "schools", "top 3 schools by average enrollment", mode)
