"""Counts and totals per group, through both renderers (pandas, and the dataset held in DuckDB):

* the rows meeting a yes/no flag counted per group are counted over every group of the rows
  asked about, a group with none of them 0: "which region has the fewest returns?",
  "가장 적게 반품된 지역", "number of returns by region" (the fewest was declined: counting only
  the flagged rows leaves out a group with none);
* "average number of workers per year by region" on a table with a column of years: each
  region's total per year, then the mean over its years (declined: "per year" worked only with a
  date column), and "average sales per day by store" on dated rows (declined: a measure per
  period was never computed for each group);
* "average revenue per year" of a panel (one row per company and year) is declined, naming each
  year's average and the yearly total averaged (it answered the companies' yearly total averaged,
  where the question may ask each year's average); one company kept, or per group, it is answered.
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
    root = tmp_path_factory.mktemp("group_counts")
    rng = np.random.default_rng(11)
    n = 120
    region = rng.choice(["North", "South", "East"], n)
    # West has orders but none returned; South's returns are the most
    returned = np.where(
        region == "South", rng.choice(["yes", "no"], n, p=[0.5, 0.5]), rng.choice(["yes", "no"], n, p=[0.15, 0.85])
    )
    orders = pd.DataFrame(
        {"order_id": np.arange(1, n + 1), "region": region, "returned": returned, "amount": rng.integers(5, 300, n)}
    )
    west = pd.DataFrame(
        {"order_id": np.arange(n + 1, n + 9), "region": "West", "returned": "no", "amount": rng.integers(5, 300, 8)}
    )
    orders = pd.concat([orders, west], ignore_index=True)
    # a count of people by year, region and nationality; 부산 is missing a year
    rows = [
        (year, place, nation, int(rng.integers(1000, 9000)), int(rng.integers(100, 5000)))
        for year in (2019, 2020, 2021)
        for place in ("서울", "경기", "부산")
        for nation in ("China", "Viet Nam", "Nepal")
        if not (place == "부산" and year == 2020)
    ]
    residents = pd.DataFrame(rows, columns=["year", "region", "nationality", "residents", "workers"])
    # sales of three stores on dates with several rows a day
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 60, 300), unit="D")
    shop = pd.DataFrame({"date": days, "store": rng.choice(["A", "B", "C"], 300), "sales": rng.integers(1, 100, 300)})
    out = {"_spill": root / "spill"}
    panel = pd.DataFrame(
        [
            (firm, year, float(rng.integers(100, 900)))
            for firm in ("Acme", "Bolt", "Crane")
            for year in range(2019, 2024)
        ],
        columns=["company", "year", "revenue"],
    )
    for name, frame in (("orders", orders), ("foreign_residents", residents), ("shop", shop), ("firms", panel)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def _returns(frame: pd.DataFrame) -> pd.Series:
    return (frame["returned"] == "yes").groupby(frame["region"]).sum()


@pytest.mark.parametrize("mode", MODES)
def test_the_fewest_flagged_counts_groups_without_any(data, mode):
    frame, _ = data["orders"]
    counts = _returns(frame)
    assert counts.idxmin() == "West" and counts.min() == 0
    for question in ("which region has the fewest returns?", "가장 적게 반품된 지역은?"):
        line = first_line(answered(data, "orders", question, mode))
        assert "West" in line and states(line, 0, 0), (question, line)
    line = first_line(answered(data, "orders", "which region has the most returns?", mode))
    assert counts.idxmax() in line and states(line, counts.max(), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_the_number_of_flagged_rows_by_group_lists_zero(data, mode):
    frame, _ = data["orders"]
    counts = _returns(frame)
    answer = answered(data, "orders", "number of returns by region", mode)
    for region, count in counts.items():
        assert any(region in line and states(line, count, 0) for line in answer.splitlines()), (region, answer)
    # the flagged rows' count over all rows, and other conditions, stay as they were
    line = first_line(answered(data, "orders", "how many returned orders?", mode))
    assert states(line, int(counts.sum()), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_a_measure_per_year_of_a_column_of_years_for_each_group(data, mode):
    """Each region's total per year (its nationalities added up), then the mean over the years
    it has (부산 has two), said as such; over the whole table the mean of the yearly totals."""
    frame, _ = data["foreign_residents"]
    per_region = frame.groupby(["region", "year"])["workers"].sum().groupby(level=0).mean()
    wrong = frame.groupby("region")["workers"].mean()
    for question in ("average number of workers per year by region", "지역별 연평균 근로자 수"):
        answer = answered(data, "foreign_residents", question, mode)
        assert "year" in first_line(answer) or "연" in first_line(answer), (question, answer)
        for region, value in per_region.items():
            assert any(region in line and states(line, value) for line in answer.splitlines()), (question, answer)
            assert not any(region in line and states(line, wrong[region]) for line in answer.splitlines())
    line = first_line(
        answered(data, "foreign_residents", "which region has the highest average number of workers per year?", mode)
    )
    assert per_region.idxmax() in line and states(line, per_region.max()), line
    line = first_line(answered(data, "foreign_residents", "average number of workers per year", mode))
    assert states(line, frame.groupby("year")["workers"].sum().mean()), line


@pytest.mark.parametrize("mode", MODES)
def test_a_measure_per_day_for_each_group(data, mode):
    """ "average sales per day by store": each store's daily totals, then their mean (declined:
    "per day" had no place beside a grouping)."""
    frame, _ = data["shop"]
    daily = frame.groupby(["store", frame["date"].dt.normalize()])["sales"].sum().groupby(level=0).mean()
    answer = answered(data, "shop", "average sales per day by store", mode)
    for store, value in daily.items():
        assert any(line.startswith(f"- {store}:") and states(line, value) for line in answer.splitlines()), answer


@pytest.mark.parametrize("mode", MODES)
def test_per_year_of_a_panel_of_things_is_not_guessed(data, mode):
    frame, _ = data["firms"]
    analysis, answer = ask(data, "firms", "average revenue per year", mode)
    assert analysis.declined and "by year" in answer, answer
    acme = frame[frame["company"] == "Acme"]
    line = first_line(answered(data, "firms", "average revenue of Acme per year", mode))
    assert states(line, acme.groupby("year")["revenue"].sum().mean()), line
