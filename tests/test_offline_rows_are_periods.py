"""A series with ONE ROW PER PERIOD (a monthly table keyed by 기준년월 197301, 197302, ... as
data.go.kr writes it): a word for that period names the rows themselves, through both renderers
(pandas, and the dataset held in DuckDB). Found by benchmarks/evalset43 (datasets::USAccDeaths as
미국_사고사망자_월별.csv), where each was declined:

* "사망자가 가장 많았던 달은 언제야?", "Which month had the fewest deaths?": the row with the extreme,
  named by its month (it had said "달" names no column, so ranking rows would not rank months);
* "1만명 넘은 달은 몇 개월이야?": "몇 개월" counts the rows, which are months; on a DAILY series the
  same words would ask for months, not rows, and are never answered with the number of days;
* "연간 사망자수가 가장 적은 해는?": "연간" (per year) is the plan's own total per year.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered
from test_offline_plans import ask

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("period_rows")
    rng = np.random.default_rng(1973)
    months = [y * 100 + m for y in range(1973, 1979) for m in range(1, 13)]
    monthly = pd.DataFrame({"기준년월": months, "사망자수(명)": rng.integers(6500, 11500, len(months))})
    days = pd.date_range("2023-01-01", "2023-12-31", freq="D")
    daily = pd.DataFrame({"일자": days.strftime("%Y-%m-%d"), "사망자수(명)": rng.integers(200, 400, len(days))})
    out = {"_spill": root / "spill"}
    for name, frame in (("사고사망자_월별", monthly), ("사고사망자_일별", daily)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_the_month_with_the_extreme_is_a_row_of_a_monthly_series(data, mode):
    frame, _ = data["사고사망자_월별"]
    top = frame.loc[frame["사망자수(명)"].idxmax()]
    line = first_line(answered(data, "사고사망자_월별", "사망자가 가장 많았던 달은 언제야?", mode))
    assert states(line, top["사망자수(명)"], 0), line
    assert f"{top['기준년월'] // 100}-{top['기준년월'] % 100:02d}" in line, line
    low = frame.loc[frame["사망자수(명)"].idxmin()]
    line = first_line(answered(data, "사고사망자_월별", "Which month had the fewest 사망자?", mode))
    assert f"{low['기준년월'] // 100}-{low['기준년월'] % 100:02d}" in line, line


@pytest.mark.parametrize("mode", MODES)
def test_how_many_months_counts_the_rows_of_a_monthly_series_only(data, mode):
    frame, _ = data["사고사망자_월별"]
    line = first_line(answered(data, "사고사망자_월별", "사망자가 1만명 넘은 달은 몇 개월이야?", mode))
    assert states(line, (frame["사망자수(명)"] > 10000).sum(), 0), line
    frame, _ = data["사고사망자_일별"]
    analysis, answer = ask(data, "사고사망자_일별", "사망자가 300명 넘은 달은 몇 개월이야?", mode)
    assert analysis.declined or not states(first_line(answer), (frame["사망자수(명)"] > 300).sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_per_year_beside_a_total_per_year_is_that_total(data, mode):
    frame, _ = data["사고사망자_월별"]
    totals = frame.groupby(frame["기준년월"] // 100)["사망자수(명)"].sum()
    line = first_line(answered(data, "사고사망자_월별", "연간 사망자수가 가장 적은 해는?", mode))
    assert str(totals.idxmin()) in line and states(line, totals.min(), 0), line
