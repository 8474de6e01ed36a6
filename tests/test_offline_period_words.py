"""A period word before a measure ("daily sales", "monthly rainfall", "하루 평균 매출") read by what
the rows are, through both renderers (pandas, and the dataset held in DuckDB):

* of transactions, several a day, "average daily revenue" is the mean of each day's total (it was
  the mean of single transactions, a wrong answer: "daily" was taken to describe the rows because
  the dates are days);
* of a daily series, one row a day, "average daily rainfall" is the mean of the rows;
* of a panel, one row per shop and day, "average daily sales" of one shop or by shop is the mean
  of its rows; of no shop in particular, an amount that adds up is declined, naming both readings
  (each shop's day, or all shops' daily total); a level that does not add up (a temperature) is
  the mean of the rows;
* "the co2 level in 1990" of monthly readings (co2 may be emissions, which add up) is never their
  total (it added twelve concentrations: 4,248 ppm, a wrong answer): a measure named with a word
  for a level ("level", "농도") is read as one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, ask

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("period_words")
    rng = np.random.default_rng(11)
    days = pd.date_range("2023-03-01", periods=45, freq="D")
    n = 700
    receipts = pd.DataFrame(
        {
            "receipt_no": np.arange(1, n + 1),
            "sold_on": rng.choice(days, n),
            "branch": rng.choice(["Harbor", "Midtown", "Airport", "Campus"], n),
            "revenue": np.round(rng.uniform(2, 60, n), 2),
        }
    ).sort_values("sold_on")
    rain = pd.DataFrame({"day": days, "rainfall_mm": np.round(rng.gamma(1.2, 3.0, 45), 1)})
    shops = pd.DataFrame(
        [
            (d, s, round(float(rng.uniform(200, 900)), 1), round(float(rng.normal(21, 3)), 1))
            for d in days
            for s in ("Harbor", "Midtown", "Airport")
        ],
        columns=["day", "shop", "sales", "temperature"],
    )
    months = pd.date_range("1988-01-01", periods=36, freq="MS")
    mauna = pd.DataFrame({"month": months, "co2": np.round(350 + np.arange(36) * 0.12 + rng.normal(0, 1, 36), 2)})
    out = {"_spill": root / "spill"}
    for name, frame in (("receipts", receipts), ("rain", rain), ("shops", shops), ("mauna", mauna)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question", ["average daily revenue", "what is the mean daily revenue?", "하루 평균 revenue는?"]
)
def test_a_daily_amount_of_transactions_is_each_days_total(data, mode, question):
    frame, _ = data["receipts"]
    daily = frame.groupby("sold_on")["revenue"].sum().mean()
    single = frame["revenue"].mean()
    answer = answered(data, "receipts", question, mode)
    assert states(first_line(answer), daily), answer
    assert not states(answer, single), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_daily_amount_per_branch_of_transactions_is_each_branchs_daily_total(data, mode):
    frame, _ = data["receipts"]
    per = frame.groupby(["branch", "sold_on"])["revenue"].sum().groupby("branch").mean()
    answer = answered(data, "receipts", "average daily revenue for each branch", mode)
    for branch, value in per.items():
        line = next(x for x in answer.splitlines() if branch in x)
        assert states(line, value), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_daily_amount_of_a_daily_series_is_the_rows(data, mode):
    frame, _ = data["rain"]
    answer = answered(data, "rain", "average daily rainfall", mode)
    assert states(first_line(answer), frame["rainfall_mm"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_daily_amount_of_a_panel_is_each_things_rows_when_one_thing_or_by_thing(data, mode):
    frame, _ = data["shops"]
    answer = answered(data, "shops", "average daily sales for Midtown", mode)
    assert states(first_line(answer), frame.loc[frame["shop"] == "Midtown", "sales"].mean()), answer
    answer = answered(data, "shops", "average daily sales by shop", mode)
    for shop, value in frame.groupby("shop")["sales"].mean().items():
        line = next(x for x in answer.splitlines() if shop in x)
        assert states(line, value), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["average daily sales", "what are the average daily sales?"])
def test_a_daily_amount_of_a_panel_of_no_thing_in_particular_names_both_readings(data, mode, question):
    analysis, answer = ask(data, "shops", question, mode)
    assert analysis.declined, answer
    assert "shop" in answer and "total" in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_daily_level_of_a_panel_is_the_mean_of_its_rows(data, mode):
    frame, _ = data["shops"]
    answer = answered(data, "shops", "average daily temperature", mode)
    assert states(first_line(answer), frame["temperature"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["what was the co2 level in 1989?", "1989년 co2 농도"])
def test_a_measure_said_as_a_level_is_never_added_up(data, mode, question):
    frame, _ = data["mauna"]
    year = frame[frame["month"].dt.year == 1989]["co2"]
    answer = answered(data, "mauna", question, mode)
    assert not states(answer, year.sum()), answer
    assert states(answer, year.mean()) or all(states(answer, v) for v in year), answer
