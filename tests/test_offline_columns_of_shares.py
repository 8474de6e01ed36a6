"""Columns that hold shares, through both renderers (pandas, and the dataset held in DuckDB).

Ecdat's Tobacco has salcohol and stobacco, each household's budget share spent on them. A probe
of session 23 asked "average alcohol share by region" and was answered "Share of total salcohol
by region": the share of the shares' total, the "average" asked silently dropped (a wrong
answer). A word for a share next to a column whose values are shares (all between 0 and 1, or
0-100 named as percent) names what the column holds: the statistic asked of it (the mean when
none is said). A share said with an average of a column that holds no shares asks two things
and is declined; "total alcohol share by region" is still the share of the total.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask_held as ask
from answers import first_line, held, states

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("shares")
    rng = np.random.default_rng(11)
    n = 300
    budgets = pd.DataFrame(
        {
            "region": rng.choice(["flanders", "walloon", "brussels"], n),
            "salcohol": np.round(rng.beta(1.2, 60, n), 5),
            "nkids": rng.integers(0, 5, n),
            "income": rng.integers(800, 9000, n),
        }
    )
    return held(root, {"budgets": budgets})


@pytest.mark.parametrize("mode", MODES)
def test_a_statistic_of_shares_held(data, mode):
    d, _ = data["budgets"]
    means = d.groupby("region")["salcohol"].mean()
    for question in (
        "average alcohol share by region",
        "alcohol share by region",
        "average share of alcohol by region",
    ):
        analysis, answer = ask(data, "budgets", question, mode)
        assert not analysis.declined, (question, answer)
        assert first_line(answer).startswith("Mean of salcohol"), (question, answer)
        for value in means:
            assert states(answer, value, 4), (question, value, answer)
    analysis, answer = ask(data, "budgets", "median alcohol share", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), d["salcohol"].median(), 4), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_share_of_the_total_is_still_one_when_said(data, mode):
    d, _ = data["budgets"]
    totals = d.groupby("region")["salcohol"].sum()
    analysis, answer = ask(data, "budgets", "total alcohol share by region", mode)
    assert not analysis.declined, answer
    assert first_line(answer).startswith("Share of total salcohol"), answer
    assert states(answer, 100 * totals.max() / totals.sum(), 1), answer
    # an average and a share of a column of amounts: two questions
    analysis, answer = ask(data, "budgets", "average income share by region", mode)
    assert analysis.declined, answer
