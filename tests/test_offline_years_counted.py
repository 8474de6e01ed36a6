"""Years counted by what happened in them, over a table that keeps its years as a column and no
date (session 24, benchmarks/evalset47 q-13: HistData's Quarrels, one row per quarrel with the year
it began; UKDriverDeaths kept as year + month columns), through both renderers:

* "how many years had 10 or more quarrels", "분쟁이 10건 이상 시작된 해는 몇 해야": the rows per
  year, then the years with at least 10 counted (it had answered "rows where year >= 10": the
  year column compared with the number of quarrels);
* "how many years had total deaths above 20000": each year's total, then the years over it;
* under a number ("fewer than 3 quarrels") a year without any row is not in the column: declined;
* "how many years had deaths above 2000" over monthly rows: a year's total or any month of it is
  not said: declined (it had counted the months over 2000);
* "how many cities have 3 or more orders": the rows per city, then the cities with at least 3
  (it had counted the cities of rows with amount >= 3); "how many months had 10 or more orders".
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
    root = tmp_path_factory.mktemp("years_counted")
    rng = np.random.default_rng(24)
    years = rng.choice(np.arange(1900, 1960), 400, p=np.linspace(1, 3, 60) / np.linspace(1, 3, 60).sum())
    quarrels = pd.DataFrame({"ID": np.arange(1, 401), "year": np.sort(years), "months": rng.integers(1, 60, 400)})
    drivers = pd.DataFrame([(y, m) for y in range(1969, 1985) for m in range(1, 13)], columns=["year", "month"])
    drivers["deaths"] = rng.integers(1000, 2600, len(drivers))
    n = 90
    orders = pd.DataFrame(
        {
            "order_id": np.arange(1001, 1001 + n),
            "city": rng.permutation(
                np.repeat(["Seoul", "Busan", "Daegu", "Incheon", "Ulsan", "Suwon"], [40, 25, 12, 8, 3, 2])
            ),
            "amount": rng.integers(10, 500, n),
            "order_date": pd.date_range("2024-01-01", periods=n, freq="2D"),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("quarrels", quarrels), ("drivers", drivers), ("orders", orders)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_years_counted_by_their_rows(data, mode):
    frame, _ = data["quarrels"]
    expected = int((frame["year"].value_counts() >= 10).sum())
    assert 0 < expected < frame["year"].nunique()
    for question in ("how many years had 10 or more quarrels?", "분쟁이 10건 이상 시작된 해는 몇 해야?"):
        answer = answered(data, "quarrels", question, mode)
        assert states(first_line(answer), expected, 0), answer
        assert "≥ 10" not in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_years_counted_by_their_total(data, mode):
    frame, _ = data["drivers"]
    totals = frame.groupby("year")["deaths"].sum()
    cut = float(totals.median())
    expected = int((totals > cut).sum())
    answer = answered(data, "drivers", f"how many years had total deaths above {cut:g}?", mode)
    assert states(first_line(answer), expected, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_years_not_said_which_are_declined(data, mode):
    # a year without a quarrel is not in the column of years: fewer than 3 cannot be counted
    declined(data, "quarrels", "how many years had fewer than 3 quarrels?", mode)
    # a year's total of deaths, or any month of it?
    declined(data, "drivers", "how many years had deaths above 2000?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_groups_and_months_counted_by_their_rows(data, mode):
    frame, _ = data["orders"]
    per_city = frame["city"].value_counts()
    expected = int((per_city >= 3).sum())
    assert expected < len(per_city)
    answer = answered(data, "orders", "how many cities have 3 or more orders?", mode)
    assert states(first_line(answer), expected, 0), answer
    per_month = frame.groupby(frame["order_date"].dt.to_period("M")).size()
    expected = int((per_month >= 15).sum())
    assert 0 < expected < len(per_month)
    answer = answered(data, "orders", "how many months had 15 or more orders?", mode)
    assert states(first_line(answer), expected, 0), answer
