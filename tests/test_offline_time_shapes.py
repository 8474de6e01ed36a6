"""Questions about time over tables whose time has other shapes (benchmarks/evalset44, session 23),
through both renderers (pandas, and the dataset held in DuckDB):

* a quarterly series over several years (R's UKgas: time 1960, 1960.25, ... as decimal years, or a
  date column of quarter starts): "average by quarter" grouped each of the 108 quarters, one row
  each (an "average" of one value); it is each quarter of the year over the years, said so, as
  "월별 평균" over monthly rows already was. A total per quarter stays the series.
* a series named as R names them, an initialism and a word ("UKgas"): "가스 소비량", "gas
  consumption" named no column (the name was one word, ukgas); it is UK + gas.
* "consumption", "usage", "소비량", "사용량" said with a measure make it an amount used, which adds
  up: "annual gas consumption by year" was each year's mean of its quarters, now its total.
* a column named for time in general holding whole years (R's `time` of an annual series, lynx
  1821-1934) is a column of years: "1850년부터 1859년까지" had "no date column", "가장 적었던 해"
  named no column; "연평균 lynx" over one row a year is the rows' mean (it had been declined as
  "over all rows, or one value per year?", the same thing there).
* decades ("by decade", "per decade", "연대별", "10년 단위", "which decade"), of a column of years
  or of a date column: the year rounded down to ten, named 1840s / 1840년대 (it had been an
  unknown word, or with a column of years its own years).
* in a table of one measure (a series beside its time), "consumption", "소비량", "level" said alone
  is that measure ("total consumption by decade", "average Q4 consumption since 1980"); with two
  measures it names none.
* "the most recent quarter" of a quarterly series is its last row: "quarter" had been left over
  and read as "quarterly", grouping the one last row by quarter.
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
    root = tmp_path_factory.mktemp("time_shapes")
    rng = np.random.default_rng(44)
    n = 40  # 1970Q1 - 1979Q4
    gas = pd.DataFrame({"time": 1970 + np.arange(n) / 4, "UKgas": rng.uniform(80, 900, n).round(1)})
    starts = pd.date_range("1970-01-01", periods=n, freq="QS")
    dated = pd.DataFrame({"date": starts, "demand": gas["UKgas"], "water": rng.uniform(10, 50, n).round(1)})
    years = np.arange(1821, 1935)
    trapped = pd.DataFrame({"time": years, "lynx": rng.integers(39, 7000, len(years))})
    out = {"_spill": root / "spill"}
    for name, frame in (("series", gas), ("dated", dated), ("trapped", trapped)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def _quarter_of(frame: pd.DataFrame) -> pd.Series:
    return ((frame["time"] % 1) * 4).round().astype(int) + 1


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("question", "q"), [("average UKgas by quarter", "Q"), ("분기별 UKgas 평균", "분기")])
def test_by_quarter_of_quarterly_rows_is_each_quarter_of_the_year(data, mode, question, q):
    frame, _ = data["series"]
    means = frame.groupby(_quarter_of(frame))["UKgas"].mean()
    answer = answered(data, "series", question, mode)
    lines = answer.splitlines()
    for quarter, mean in means.items():
        name = f"Q{quarter}" if q == "Q" else f"{quarter}분기"
        assert any(x.strip().startswith(f"- {name}:") and states(x, mean) for x in lines), answer
    assert "1970Q1" not in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_the_quarter_with_the_highest_average_is_a_quarter_of_the_year(data, mode):
    frame, _ = data["dated"]
    means = frame.groupby(frame["date"].dt.quarter)["demand"].mean()
    line = first_line(answered(data, "dated", "which quarter has the highest average demand?", mode))
    assert f"**Q{means.idxmax()}**" in line and states(line, means.max()), line


@pytest.mark.parametrize("mode", MODES)
def test_a_total_by_quarter_stays_the_series(data, mode):
    frame, _ = data["series"]
    answer = answered(data, "series", "total UKgas by quarter", mode)
    assert "40 groups" in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_an_initialism_before_a_word_is_a_word_of_its_own(data, mode):
    frame, _ = data["series"]
    year = frame["time"].astype(int)
    line = first_line(answered(data, "series", "1975년 가스 소비량 합계", mode))
    assert states(line, frame.loc[year == 1975, "UKgas"].sum()), line


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["annual gas consumption by year", "연도별 가스 소비량"])
def test_consumption_adds_up_over_the_year(data, mode, question):
    frame, _ = data["series"]
    totals = frame.groupby(frame["time"].astype(int))["UKgas"].sum()
    lines = answered(data, "series", question, mode).splitlines()
    for year, total in totals.items():
        assert any(x.strip().startswith(f"- {year}:") and states(x, total) for x in lines), lines


@pytest.mark.parametrize("mode", MODES)
def test_the_most_recent_quarter_of_a_quarterly_series_is_its_last_row(data, mode):
    frame, _ = data["series"]
    answer = answered(data, "series", "gas consumption in the most recent quarter", mode)
    assert states(first_line(answer), frame["UKgas"].iloc[-1]) and "per quarter" not in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["water usage by year", "연도별 water 사용량"])
def test_usage_of_a_measure_adds_up_over_the_year(data, mode, question):
    frame, _ = data["dated"]
    totals = frame.groupby(frame["date"].dt.year)["water"].sum()
    lines = answered(data, "dated", question, mode).splitlines()
    for year, total in totals.items():
        assert any(x.strip().startswith(f"- {year}:") and states(x, total) for x in lines), lines


@pytest.mark.parametrize("mode", MODES)
def test_a_time_column_of_whole_years_is_a_column_of_years(data, mode):
    frame, _ = data["trapped"]
    line = first_line(answered(data, "trapped", "1850년부터 1859년까지 lynx 합계", mode))
    assert states(line, frame.loc[frame["time"].between(1850, 1859), "lynx"].sum(), 0), line
    line = first_line(answered(data, "trapped", "lynx가 가장 적었던 해는?", mode))
    assert str(frame.loc[frame["lynx"].idxmin(), "time"]) in line, line
    line = first_line(answered(data, "trapped", "1900년 이후 연평균 lynx", mode))
    assert states(line, frame.loc[frame["time"] >= 1900, "lynx"].mean()), line


@pytest.mark.parametrize("mode", MODES)
def test_by_decade_of_a_column_of_years(data, mode):
    frame, _ = data["trapped"]
    totals = frame.groupby(frame["time"] // 10 * 10)["lynx"].sum()
    lines = answered(data, "trapped", "total lynx per decade", mode).splitlines()
    for decade, total in totals.items():
        assert any(x.strip().startswith(f"- {decade}s:") and states(x, total, 0) for x in lines), lines
    means = frame.groupby(frame["time"] // 10 * 10)["lynx"].mean()
    line = first_line(answered(data, "trapped", "10년 단위 평균 lynx가 가장 높았던 연대는?", mode))
    assert f"**{means.idxmax()}년대**" in line and states(line, means.max(), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_by_decade_of_a_date_column(data, mode):
    frame, _ = data["dated"]
    means = frame.groupby(frame["date"].dt.year // 10 * 10)["demand"].mean()
    lines = answered(data, "dated", "연대별 demand 평균", mode).splitlines()
    for decade, mean in means.items():
        assert any(x.strip().startswith(f"- {decade}년대:") and states(x, mean) for x in lines), lines


@pytest.mark.parametrize("mode", MODES)
def test_a_word_for_an_amount_alone_is_the_one_measure(data, mode):
    frame, _ = data["series"]
    year, quarter = frame["time"].astype(int), _quarter_of(frame)
    line = first_line(answered(data, "series", "average Q4 consumption since 1975", mode))
    assert states(line, frame.loc[(quarter == 4) & (year >= 1975), "UKgas"].mean()), line
    line = first_line(answered(data, "series", "1975년 소비량 합계", mode))
    assert states(line, frame.loc[year == 1975, "UKgas"].sum()), line


@pytest.mark.parametrize("mode", MODES)
def test_a_word_for_an_amount_alone_names_no_measure_of_two(data, mode):
    from test_offline_context import declined

    declined(data, "dated", "total consumption in 1975", mode)
