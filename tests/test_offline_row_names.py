"""Rows named by R's row names, and a category counted in units (benchmarks/evalset31), through
both renderers (pandas, and the dataset held in DuckDB):

* a table exported by R's `write.csv` (or pandas' `to_csv` with its index) names its rows in a
  first column with a blank header (the car models of mtcars, the states of USArrests, the
  provinces of swiss); a question asks for them by a noun no column has ("which province",
  "top 3 provinces", "살인율이 가장 높은 주", "가장 높은 지역 3곳"): those rows are answered, named,
  and the reply says which column names them. The same noun on a table whose first column holds
  row numbers, or a measure read only in part ("인구" for UrbanPop, the urban population), stays
  declined;
* "5-speed cars", "5단": a number of gears is the gear column's value, as "6기통" is cylinders.
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
    root = tmp_path_factory.mktemp("rownames")
    rng = np.random.default_rng(31)
    towns = ["Altdorf", "Brugg", "Chur", "Davos", "Emmen", "Frutigen", "Glarus", "Horgen", "Ilanz", "Jona"]
    provinces = pd.DataFrame(
        {
            "column_1": towns,
            "Fertility": rng.permutation(np.round(np.linspace(40, 90, len(towns)), 1)),
            "Education": rng.permutation(np.arange(5, 5 + 3 * len(towns), 3)),
        }
    )
    numbered = provinces.assign(column_1=np.arange(1, len(towns) + 1))
    states = pd.DataFrame(
        {
            "column_1": ["Ohio", "Utah", "Iowa", "Idaho", "Maine", "Texas", "Kansas", "Oregon"],
            "Murder": [7.3, 3.2, 2.2, 2.6, 2.1, 12.7, 6.0, 4.9],
            "UrbanPop": [75, 80, 57, 54, 51, 80, 66, 67],
        }
    )
    cars = pd.DataFrame(
        {
            "column_1": [f"Model {k}" for k in range(12)],
            "hp": rng.integers(60, 300, 12),
            "gear": [3, 4, 5, 3, 4, 5, 3, 3, 4, 5, 4, 3],
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("swiss", provinces), ("numbered", numbered), ("usarrests", states), ("mtcars", cars)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_noun_no_column_has_names_the_rows_by_their_row_names(data, mode):
    frame, _ = data["swiss"]
    top = frame.loc[frame["Fertility"].idxmax()]
    answer = answered(data, "swiss", "which province has the highest fertility?", mode)
    assert top["column_1"] in first_line(answer) and states(first_line(answer), top["Fertility"], 1), answer
    assert "column_1" in answer, answer  # the reply says what names the rows
    three = frame.nlargest(3, "Education")["column_1"].tolist()
    for question in ("top 3 provinces by education", "Education 가장 높은 지역 3곳"):
        answer = answered(data, "swiss", question, mode)
        listed = [name for name in frame["column_1"] if name in answer]
        assert sorted(listed, key=answer.index) == three, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_korean_noun_for_the_rows_is_no_period(data, mode):
    frame, _ = data["usarrests"]
    top = frame.loc[frame["Murder"].idxmax()]
    answer = answered(data, "usarrests", "살인율이 가장 높은 주", mode)  # 주: a state, not a week
    assert top["column_1"] in first_line(answer) and states(first_line(answer), top["Murder"], 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_rows_not_named_or_a_measure_read_in_part_stay_declined(data, mode):
    declined(data, "numbered", "which province has the highest fertility?", mode)  # row numbers name nothing
    declined(data, "usarrests", "인구가 가장 많은 주는?", mode)  # UrbanPop is the urban population only


@pytest.mark.parametrize("mode", MODES)
def test_a_number_of_gears_is_the_gear_columns_value(data, mode):
    frame, _ = data["mtcars"]
    answer = answered(data, "mtcars", "mean horsepower for 5-speed cars", mode)
    assert states(first_line(answer), frame.loc[frame["gear"] == 5, "hp"].mean()), answer
    answer = answered(data, "mtcars", "5단 차들은 몇 대야", mode)
    assert states(first_line(answer), (frame["gear"] == 5).sum(), 0), answer
