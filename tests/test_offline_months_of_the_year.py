"""Monthly data over several years, through both renderers (pandas, and the dataset held in DuckDB).
HistData's Prostitutes has one row per month, 1812-1854 (Year, month as Jan..Dec, count, date):

* "월별 평균 count" grouped by each of the 516 months, one row each (an "average" of one value);
  with one row per month the average asked is of each month of the year over the years, said so;
* "how many months had a count above 1500?" counted the 12 different month names among them
  (12, where 502 months did): a column of month names beside a year column names periods, one
  row each, as a month number does.
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
    root = tmp_path_factory.mktemp("months_of_the_year")
    rng = np.random.default_rng(12)
    dates = pd.date_range("1990-01-01", periods=48, freq="MS")
    registers = pd.DataFrame(
        {
            "Year": dates.year,
            "month": dates.strftime("%b"),
            "count": rng.integers(1000, 2000, 48),
            "mon": dates.month,
            "date": dates,
        }
    )
    named = registers[["Year", "month", "count"]]  # the months by name only
    rates = pd.DataFrame({"연월": dates.strftime("%Y-%m"), "실업률": rng.uniform(3, 5, 48).round(1)})
    out = {"_spill": root / "spill"}
    for name, frame in (("registers", registers), ("named", named), ("rates", rates)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_by_month_of_monthly_data_is_each_month_of_the_year(data, mode):
    frame, _ = data["registers"]
    answer = answered(data, "registers", "월별 평균 count", mode)
    means = frame.groupby(frame["date"].dt.month)["count"].mean()
    lines = answer.splitlines()
    for month, mean in means.items():
        assert any(x.strip().startswith(f"- {month}월:") and states(x, mean) for x in lines), answer


@pytest.mark.parametrize("mode", MODES)
def test_how_many_months_of_a_column_of_month_names_counts_the_rows(data, mode):
    frame, _ = data["named"]
    line = first_line(answered(data, "named", "how many months had a count above 1500?", mode))
    assert f"**{int((frame['count'] > 1500).sum())}**" in line, line  # the answer, not a note beside it


@pytest.mark.parametrize("mode", MODES)
def test_a_change_from_the_month_before_stays_month_by_month(data, mode):
    frame, _ = data["rates"]
    change = frame["실업률"].diff()
    line = first_line(answered(data, "rates", "실업률이 전월 대비 가장 크게 오른 달은?", mode))
    assert states(line, change.max()), line
