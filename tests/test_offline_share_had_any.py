"""The share of a subgroup that has something, asked with a verb (benchmarks/evalset46 o-07):
"Of those with at least one hospital stay (hosp), what share also had an emergency room visit
(emr)?". Through both renderers:

* "had a / an / any <a column of whole numbers from 0>" is the rows with at least one (emr >= 1),
  and the share is of the subgroup's rows; it had answered the share of the total emr that comes
  from the subgroup (a different question, a WRONG answer);
* a column's name in brackets after the words of a condition on it ("at least one hospital stay
  (hosp)") restates that condition's column; it had been read as a measure of its own ("share of
  total hosp ... from rows where emr >= 1": a WRONG answer);
* an amount said after a verb of the rows ("what share had an income") is what the rows are asked
  to have, never a total shared: declined, where the share of the total had been answered;
  "what share of emr comes from ..." is still the share of the total.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, held, states
from test_offline_context import answered, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    rng = np.random.default_rng(11)
    n = 400
    visits = pd.DataFrame(
        {
            "hosp": np.where(rng.random(n) < 0.7, 0, rng.integers(1, 5, n)),
            "emr": np.where(rng.random(n) < 0.6, 0, rng.integers(1, 4, n)),
            "hlth": rng.choice(["poor", "average", "excellent"], n),
            "faminc": np.round(rng.uniform(0.5, 9.5, n), 2),
        }
    )
    return held(tmp_path_factory.mktemp("share_had_any"), {"visits": visits})


@pytest.mark.parametrize("mode", MODES)
def test_share_that_had_any(data, mode):
    f = data["visits"][0]
    expected = (f.loc[f["hosp"] >= 1, "emr"] >= 1).mean()
    wrong = f.loc[f["hosp"] >= 1, "emr"].sum() / f["emr"].sum()
    for question in (
        "Of those with at least one hospital stay (hosp), what share also had an emergency room visit (emr)?",
        "Of those with at least one hosp, what share had an emr?",
        "Of those with at least one hospital stay (hosp), what share had at least one emr?",
    ):
        answer = answered(data, "visits", question, mode)
        assert states(first_line(answer), 100 * expected, 1), answer
        assert not states(first_line(answer), 100 * wrong, 1), answer
    answer = answered(data, "visits", "What percent of people in poor health had any hosp?", mode)
    assert states(first_line(answer), 100 * (f.loc[f["hlth"] == "poor", "hosp"] >= 1).mean(), 1), answer
    # the share of a total, said as one, stays that
    answer = answered(data, "visits", "what share of emr comes from people with at least one hosp?", mode)
    assert states(first_line(answer), 100 * wrong, 1), answer
    # an amount the rows are asked to have, not a count of things: no total shared
    declined(data, "visits", "Of those with at least one hosp, what share had an faminc?", mode)
