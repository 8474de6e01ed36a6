"""Everyday first questions of a table (session 23, benchmarks/evalset42: a fresh generalization
probe on vcd's Baseball, pscl's presidentialElections, survival's veteran, HSAUR's schooldays and
Ecdat's Heating), through both renderers (pandas, and the dataset held in DuckDB):

* "the average number of days absent" where a column holds the value "average" (learner:
  average, slow): the statistic of a count said as "number of", never the rows of that value
  (it had answered the TOTAL of absent for learner = average: a wrong answer);
* a percentage is never added up over rows: a column of a counted thing (votes) holding
  fractions between 0 and 100 (the Democrats' percent of a state's vote), or a column the
  question names with a word of a rate ("득표율"): "가장 낮았던 주" had answered the state whose
  percentages SUMMED over 21 elections were lowest (a one-row `Total`: a wrong answer).
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
    root = tmp_path_factory.mktemp("everyday")
    rng = np.random.default_rng(42)
    n = 150
    states_ = ["Alabama", "Ohio", "Texas", "Vermont", "Utah"]
    years = list(range(1960, 2016, 4))
    frames = {
        "schooldays": pd.DataFrame(
            {
                "race": rng.choice(["aboriginal", "non-aboriginal"], n),
                "sex": rng.choice(["female", "male"], n),
                "learner": rng.choice(["average", "slow"], n),
                "absent": rng.integers(0, 60, n),
            }
        ),
        "elections": pd.DataFrame(
            [(s, round(float(rng.uniform(15, 75)), 2), y) for y in years for s in states_] + [("Total", 51.02, 2012)],
            columns=["state", "demVote", "year"],
        ),
    }
    out = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_the_average_number_of_a_count_is_its_mean(data, mode):
    frame, _ = data["schooldays"]
    answer = answered(data, "schooldays", "What's the average number of days absent?", mode)
    assert states(first_line(answer), frame["absent"].mean()), answer
    assert "learner" not in first_line(answer), answer
    # the value is still read where the rows are named by it
    answer = answered(data, "schooldays", "average days absent of slow learners", mode)
    assert states(first_line(answer), frame.loc[frame["learner"] == "slow", "absent"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_percentage_is_never_summed_over_rows(data, mode):
    frame, _ = data["elections"]
    totals = frame.groupby("state")["demVote"].sum()
    answer = answered(data, "elections", "민주당 득표율(demVote)이 가장 낮았던 주는?", mode)
    low = frame.loc[frame["demVote"].idxmin()]
    assert low["state"] in first_line(answer) and states(first_line(answer), low["demVote"]), answer
    assert "Total" not in first_line(answer), answer
    answer = answered(data, "elections", "which state had the highest demVote?", mode)
    assert not states(first_line(answer), totals.max()), answer
    assert "Total" not in first_line(answer) or "total" in first_line(answer).lower(), answer
    assert "total of" not in first_line(answer).lower(), answer
    # a total asked in words is still that total
    answer = answered(data, "elections", "total demVote by state", mode)
    assert states(answer, totals.max()), answer
