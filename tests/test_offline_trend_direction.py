"""Which way a measure went over time (session 24, benchmarks/evalset44 p-08 and u-17, evalset47
n-08): "is flow going up or down?", "did deaths rise or fall over the years?", "추세가 증가야
감소야?", "what is the linear trend of flow?", through both renderers:

* the trend per period, headed by the sign of the least-squares line through the per-period
  values and its slope per period, said as such ("a slope of -2.71 per year"); a column of years
  places the periods by their year;
* the two ways said as the answers (up or down, 증가 or 감소) beside a trend word are the
  direction asked, not words left over (they had been declined, or answered by the chart alone);
* "did flow rise or fall from 1871 to 1970": the change between the two years, or the line
  through every year between? Not said: declined.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line
from test_offline_context import answered, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("trend_direction")
    rng = np.random.default_rng(2024)
    years = np.arange(1901, 1961)
    # falling on the whole, but the last year above the first (endpoints are not the trend)
    river = pd.DataFrame({"year": years, "flow": np.round(1200 - 4 * (years - 1901) + rng.normal(0, 60, 60), 1)})
    river.loc[river.index[-1], "flow"] = float(river["flow"].iloc[0]) + 50
    drivers = pd.DataFrame([(y, m) for y in range(1969, 1985) for m in range(1, 13)], columns=["year", "month"])
    drivers["deaths"] = np.round(1500 + 20 * (drivers["year"] - 1969) + rng.normal(0, 80, len(drivers))).astype(int)
    out = {"_spill": root / "spill"}
    for name, frame in (("river", river), ("drivers", drivers)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def _slope(x, y) -> float:
    return float(np.polyfit(np.asarray(x, float), np.asarray(y, float), 1)[0])


@pytest.mark.parametrize("mode", MODES)
def test_the_way_a_yearly_series_went(data, mode):
    frame, _ = data["river"]
    slope = _slope(frame["year"], frame["flow"])
    assert slope < 0 < frame["flow"].iloc[-1] - frame["flow"].iloc[0]
    for question in ("is flow going up or down?", "what is the linear trend of flow?"):
        head = first_line(answered(data, "river", question, mode))
        assert "down" in head and " up" not in head, head
        assert "least-squares" in head and f"{abs(slope):.3g}" in head, head
    head = first_line(answered(data, "river", "유량 추세가 증가야 감소야?", mode))
    assert "감소" in head and "증가" not in head and "최소제곱" in head, head


@pytest.mark.parametrize("mode", MODES)
def test_the_way_yearly_totals_went(data, mode):
    frame, _ = data["drivers"]
    totals = frame.groupby("year")["deaths"].sum()
    slope = _slope(totals.index, totals.values)
    assert slope > 0
    head = first_line(answered(data, "drivers", "did deaths rise or fall over the years?", mode))
    assert "up" in head and "down" not in head and f"{slope:.3g}" in head, head
    head = first_line(answered(data, "drivers", "사망자 추세가 증가야 감소야?", mode))
    assert "증가" in head and "감소" not in head, head


@pytest.mark.parametrize("mode", MODES)
def test_two_years_said_are_not_the_trend(data, mode):
    declined(data, "river", "did flow rise or fall from 1901 to 1960?", mode)
