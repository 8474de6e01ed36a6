"""What the fresh probe of session 22 found (benchmarks/evalset40: five real Rdatasets tables,
Airline, cabbages, Hartnagel, Garch, Moore, asked the everyday first questions), through both
renderers (pandas, and the dataset held in DuckDB):

* "how many rows in the airline data?" of a table named airline with a column airline: the words
  name the table (its own name and a word for a table: data, table, dataset, 데이터), so the rows
  are counted; it had answered the number of different airline values (a wrong answer);
* "sf가 0.6 넘는 날은 며칠이야?": the number is sf's (the column the sentence is about, marked by
  이/가 before it), not a count of the days after it; a number that is not whole counts nothing
  (it had counted the rows with date > 0.6: a wrong answer).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_plans import ask

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("first")
    rng = np.random.default_rng(40)
    airline = pd.DataFrame(
        [(a, y) for a in range(1, 7) for y in range(1, 16)],
        columns=["airline", "year"],
    )
    airline["cost"] = rng.integers(50_000, 2_000_000, len(airline))
    airline["lf"] = np.round(rng.uniform(0.4, 0.7, len(airline)), 4)
    days = pd.bdate_range("1980-01-02", periods=400)
    garch = pd.DataFrame(
        {
            "date": [int(d.strftime("%y%m%d")) for d in days],  # yymmdd, as Ecdat's Garch has it
            "day": [d.day_name().lower() for d in days],
            "sf": np.round(rng.uniform(0.3, 0.7, len(days)), 4),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("airline", airline), ("garch", garch)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_the_tables_own_name_is_no_column_counted(data, mode):
    frame, _ = data["airline"]
    for question in (
        "how many rows in the airline data?",
        "how many rows does the airline table have?",
        "number of rows in the airline dataset",
        "airline 데이터는 몇 행이야?",
    ):
        analysis, answer = ask(data, "airline", question, mode)
        assert not analysis.declined, answer
        assert states(first_line(answer), len(frame), 0), (question, answer)
        assert not states(first_line(answer), frame["airline"].nunique(), 0), (question, answer)
    # the things themselves asked for: their different values
    analysis, answer = ask(data, "airline", "how many airlines are there?", mode)
    assert not analysis.declined and states(first_line(answer), 6, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_number_after_its_subject_column_counts_nothing_after_it(data, mode):
    frame, _ = data["garch"]
    for question in ("sf가 0.6 넘는 날은 며칠이야?", "sf가 0.6 넘는 날은 몇 일이야?"):
        analysis, answer = ask(data, "garch", question, mode)
        # never the rows with date > 0.6 (all of them)
        assert analysis.declined or states(first_line(answer), (frame["sf"] > 0.6).sum(), 0), (question, answer)
        assert "date > 0.6" not in answer and "date >" not in answer, answer
