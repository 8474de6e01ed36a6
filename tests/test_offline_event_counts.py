"""Columns that count events on each row, through both renderers (pandas, and the dataset held
in DuckDB). On a survey of people with docvis and hospvis (COUNT's rwm1984: doctor and hospital
visits in a year, a person a row):

* "how many doctor visits" answered the number of rows (3,874 people) where the visits add up
  to the column's total;
* "average number of doctor visits" was declined ("Number of rows", the average left over): the
  number of the things a column counts, averaged, is that column's mean;
* a column numbering the rows' things (a visit's number in a patient-visit table) is no count.
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
    root = tmp_path_factory.mktemp("event_counts")
    rng = np.random.default_rng(5)
    n = 400
    people = pd.DataFrame(
        {
            "docvis": rng.poisson(3, n),
            "hospvis": rng.poisson(0.2, n),
            "age": rng.integers(25, 65, n),
            "female": rng.integers(0, 2, n),
        }
    )
    visits = pd.DataFrame(
        [(p, v, int(rng.integers(100, 160))) for p in range(1, 31) for v in range(1, int(rng.integers(2, 6)))],
        columns=["patient", "visit", "bp"],
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("people", people), ("visits", visits)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_how_many_events_is_the_total_of_the_column_counting_them(data, mode):
    frame, _ = data["people"]
    line = first_line(answered(data, "people", "how many doctor visits", mode))
    assert "docvis" in line and states(line, int(frame["docvis"].sum())), line


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question,column", [("average number of doctor visits", "docvis"), ("mean number of hospital visits", "hospvis")]
)
def test_the_average_number_of_events_is_the_columns_mean(data, mode, question, column):
    frame, _ = data["people"]
    line = first_line(answered(data, "people", question, mode))
    assert column in line and states(line, frame[column].mean()), line


@pytest.mark.parametrize("mode", MODES)
def test_a_column_numbering_each_event_is_no_count_of_them(data, mode):
    frame, _ = data["visits"]
    line = first_line(answered(data, "visits", "how many visits", mode))
    assert states(line, len(frame)) and not states(line, int(frame["visit"].sum())), line
