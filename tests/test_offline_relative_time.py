"""Time said relative to the data (benchmarks/evalset36, session 19): "the last year of the
data", "the latest month", "the first 3 months", "최근 3년", "마지막 해", "가장 최근 연도", and
ranges of years said after a measure ("average gas price between 2002 and 2004").

* the data's own last (first) periods are a condition the code computes from the data (the
  reply says "year is the last year in the data"), in both renderers: a column of years, a
  year + month pair (the last 12 months run across years), a date column;
* "recent" with no number ("in recent years", "최근 몇 년") says no how many: declined;
* a table with two time columns and no word for which one: declined;
* a plan that only lists the rows of such a period (several a period) or counts rows of periods
  holding one each (always the number of periods) computes nothing asked: declined;
* "how many years does the data cover" counts the years, never the rows of a panel;
* a range of two years within the data's years, said after a measure whose amounts never reach
  it, is of years (it had been a range of the amounts: "no rows match"); where the amounts reach
  it too, both readings fit and the question is declined.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, declined
from test_offline_plans import ask

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("relative_time")
    rng = np.random.default_rng(36)
    years = np.arange(1971, 1991)
    panel = pd.DataFrame([(f, y) for f in ("north", "south", "east") for y in years], columns=["plant", "year"])
    panel["output"] = np.round(rng.uniform(50, 400, len(panel)), 1)
    panel["price"] = np.round(rng.uniform(2, 9, len(panel)), 2)
    months = [(y, m) for y in (2001, 2002, 2003) for m in range(1, 13)][2:-4]  # Mar 2001 - Aug 2003
    polls = pd.DataFrame(months, columns=["year", "month"])
    polls["support"] = np.round(rng.uniform(30, 70, len(polls)), 1)
    polls = polls.sample(frac=1, random_state=1).reset_index(drop=True)  # not in time order
    days = pd.to_datetime("2019-03-01") + pd.to_timedelta(np.sort(rng.choice(900, 60, replace=False)), unit="D")
    stock = pd.DataFrame({"day": days, "level": np.round(rng.uniform(10, 90, 60), 2)})
    both = pd.DataFrame(
        {
            "year_built": rng.integers(1950, 2000, 80),
            "sold": pd.to_datetime("2015-01-01") + pd.to_timedelta(rng.integers(0, 2000, 80), unit="D"),
            "price": rng.integers(100, 900, 80),
        }
    )
    air_days = pd.date_range("2023-01-01", periods=120, freq="D")
    air = pd.DataFrame({"측정일자": air_days.strftime("%Y-%m-%d"), "미세먼지": rng.integers(10, 160, 120)})
    air["등급"] = pd.cut(air["미세먼지"], [0, 30, 80, 150, 999], labels=["좋음", "보통", "나쁨", "매우나쁨"]).astype(
        str
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("panel", panel), ("polls", polls), ("stock", stock), ("both", both), ("air", air)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_the_last_and_first_years_of_the_data_are_computed_from_it(data, mode):
    frame, _ = data["panel"]
    last = frame["year"].max()
    answer = answered(data, "panel", "total output in the last year of the data", mode)
    assert states(first_line(answer), frame.loc[frame["year"] == last, "output"].sum(), 0), answer
    assert "last year in the data" in first_line(answer), answer
    answer = answered(data, "panel", "total output over the last 5 years", mode)
    assert states(first_line(answer), frame.loc[frame["year"] > last - 5, "output"].sum(), 0), answer
    answer = answered(data, "panel", "최근 3년 output 합계", mode)
    assert states(first_line(answer), frame.loc[frame["year"] > last - 3, "output"].sum(), 0), answer
    answer = answered(data, "panel", "첫 해의 평균 output", mode)
    first = frame["year"].min()
    assert states(first_line(answer), frame.loc[frame["year"] == first, "output"].mean()), answer
    answer = answered(data, "panel", "가장 최근 연도는?", mode)
    assert states(first_line(answer), last, 0), answer
    # the rows of a period listed compute nothing asked (three plants a year)
    declined(data, "panel", "price in the first year", mode)
    # "recent" with no number says no how many
    declined(data, "panel", "average output in recent years", mode)
    declined(data, "panel", "최근 몇 년간 평균 output", mode)


@pytest.mark.parametrize("mode", MODES)
def test_the_last_months_of_a_year_and_month_pair_run_across_years(data, mode):
    frame, _ = data["polls"]
    ordered = frame.sort_values(["year", "month"])
    answer = answered(data, "polls", "average support over the last 12 months", mode)
    assert states(first_line(answer), ordered["support"].iloc[-12:].mean()), answer
    answer = answered(data, "polls", "마지막 달의 support", mode)
    assert states(first_line(answer), ordered["support"].iloc[-1]), answer
    answer = answered(data, "polls", "처음 3개월 평균 support", mode)
    assert states(first_line(answer), ordered["support"].iloc[:3].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_latest_value_of_a_date_column(data, mode):
    frame, _ = data["stock"]
    answer = answered(data, "stock", "what's the most recent level", mode)
    assert states(first_line(answer), frame.loc[frame["day"].idxmax(), "level"]), answer
    answer = answered(data, "stock", "average level in the last 6 months", mode)
    months = frame["day"].dt.to_period("M")
    kept = months.isin(sorted(months.unique())[-6:])
    assert states(first_line(answer), frame.loc[kept, "level"].mean()), answer
    # two time columns (year_built, sold) and no word for which one
    declined(data, "both", "average price in the last 3 years", mode)


@pytest.mark.parametrize("mode", MODES)
def test_how_many_years_the_data_covers_counts_years_not_rows(data, mode):
    frame, _ = data["panel"]
    answer = answered(data, "panel", "how many years does the data cover?", mode)
    assert states(first_line(answer), frame["year"].nunique(), 0), answer
    assert not states(first_line(answer), len(frame), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_range_of_years_after_a_measure_that_never_reaches_it(data, mode):
    frame, _ = data["panel"]
    answer = answered(data, "panel", "average output between 1975 and 1980", mode)
    assert states(first_line(answer), frame.loc[frame["year"].between(1975, 1980), "output"].mean()), answer
    frame, _ = data["both"]
    # year_built 1950-1999 and prices 100-900: "price between 1960 and 1970" is a range of prices
    analysis, answer = ask(data, "both", "how many houses have a price between 1960 and 1970", mode)
    assert analysis.declined or "year" not in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_last_time_something_happened_is_the_latest_date_of_its_rows(data, mode):
    """ "매우나쁨이 마지막으로 기록된 날짜는?": the date column itself is asked, its latest value among the
    rows kept, never a relative period of the data (it was declined as one after the merge)."""
    frame, _ = data["air"]
    last = frame.loc[frame["등급"] == "매우나쁨", "측정일자"].max()
    answer = answered(data, "air", "매우나쁨이 마지막으로 기록된 날짜는?", mode)
    assert last in first_line(answer), answer
