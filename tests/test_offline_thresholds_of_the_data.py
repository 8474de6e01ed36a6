"""Rows picked by where their value stands among all rows, through both renderers (pandas, and
the dataset held in DuckDB): "people with above average income", "incomes above the median",
"소득이 평균보다 높은", "평균 소득 이상", "below-average income", "평균 이하 소득", "above the
75th percentile", "the top 10% of incomes", "소득 상위 10%", "bottom 25% by income". A probe of session 23 (Ecdat's Fishing) found every such question declined ("A share
needs a condition", from the "%"), though a threshold of the data itself is among the first
filters people ask for.

The threshold is computed in the code from the column over all rows (op "vs_stat": the mean,
the median, or a quantile, at or beyond it for a top or bottom share), and the reply says so;
it composes with other conditions, groupings and statistics as any condition does.
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
    root = tmp_path_factory.mktemp("thresholds")
    rng = np.random.default_rng(7)
    n = 400
    trips = pd.DataFrame(
        {
            "mode": rng.choice(["beach", "pier", "boat", "charter"], n),
            "price": np.round(rng.gamma(2.0, 30.0, n), 2),
            "income": np.round(rng.lognormal(8.2, 0.5, n), 1),
        }
    )
    return held(root, {"trips": trips})


def _check(data, mode, question, expected, digits=2):
    analysis, answer = ask(data, "trips", question, mode)
    assert not analysis.declined, (question, answer)
    assert states(first_line(answer), expected, digits), (question, expected, answer)
    return answer


@pytest.mark.parametrize("mode", MODES)
def test_against_the_mean_and_the_median(data, mode):
    d, _ = data["trips"]
    above_mean = d[d["income"] > d["income"].mean()]
    above_median = d[d["income"] > d["income"].median()]
    answer = _check(data, mode, "average price for people with above average income", above_mean["price"].mean())
    assert "mean over all rows" in first_line(answer), answer
    _check(data, mode, "average price for incomes above the median", above_median["price"].mean())
    _check(data, mode, "평균 소득보다 높은 사람들의 평균 가격", above_mean["price"].mean())
    _check(data, mode, "소득이 평균 이상인 사람 수", (d["income"] >= d["income"].mean()).sum(), 0)
    _check(data, mode, "how many people have income below the median", (d["income"] < d["income"].median()).sum(), 0)


@pytest.mark.parametrize("mode", MODES)
def test_a_share_at_one_end(data, mode):
    d, _ = data["trips"]
    top10 = d[d["income"] >= d["income"].quantile(0.9)]
    answer = _check(data, mode, "average price for the top 10% of incomes", top10["price"].mean())
    assert "90th percentile" in first_line(answer), answer
    _check(data, mode, "소득 상위 10%의 평균 가격", top10["price"].mean())
    _check(
        data, mode, "how many people have income in the top 25%", (d["income"] >= d["income"].quantile(0.75)).sum(), 0
    )
    _check(
        data, mode, "bottom 25% by income: average price", d[d["income"] <= d["income"].quantile(0.25)]["price"].mean()
    )


@pytest.mark.parametrize("mode", MODES)
def test_composed_with_a_grouping(data, mode):
    d, _ = data["trips"]
    top10 = d[d["income"] >= d["income"].quantile(0.9)]
    analysis, answer = ask(data, "trips", "average price by mode for the top 10% of incomes", mode)
    assert not analysis.declined, answer
    for value in top10.groupby("mode")["price"].mean():
        assert states(answer, value, 2), answer
    # a group above the average is another question (the group's mean against all rows'): not read so
    analysis, answer = ask(data, "trips", "which mode has above average price", mode)
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
def test_more_ways_of_saying_it(data, mode):
    d, _ = data["trips"]
    income = d["income"]
    _check(data, mode, "how many people have below-average income?", (income < income.mean()).sum(), 0)
    _check(data, mode, "평균 이하 소득인 사람 수", (income <= income.mean()).sum(), 0)
    answer = _check(
        data, mode, "income above the 75th percentile: how many?", (income > income.quantile(0.75)).sum(), 0
    )
    assert "above its 75th percentile" in first_line(answer), answer
    _check(data, mode, "하위 10% 소득의 평균 가격", d[income <= income.quantile(0.1)]["price"].mean())
