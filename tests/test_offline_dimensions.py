"""Measures named by an adjective or a question word rather than by their column's name (issue 14,
round 18; benchmarks/evalset32): "how tall", "the oldest", "quickest", "얼마나 빨라", "몇 살". An
adjective names a dimension (height, age, price, speed, distance, duration) and a direction; the
lexicon maps it to the concepts the catalog gives columns, so the column is found whatever it is
called. Each question is asked in both renderers (pandas, and the table held in DuckDB).

* "how <adjective>" asks for the measure itself: restated by a superlative ("how fast is the
  fastest one") it is only the wording; else it names the column ("how expensive are computers on
  average": the mean price), and a dimension no column holds is declined;
* a word beside the adjective that names part of one of its columns picks that column ("the
  tallest child" of father, mother, midparentHeight and childHeight: childHeight);
* an adjective whose readings are different dimensions ("long": a distance or a time; "fast": more
  speed or less time) asks which is meant when the table has a column for two of them, and
  otherwise takes the direction of the one it has ("the quickest race": the least time);
* "몇 살" asks for an age;
* two comparatives in a yes/no question ("are faster computers more expensive?") ask how the two
  measures go together: their correlation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask_held as ask_held_any
from answers import first_line, states
from test_offline_context import answered, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("dimensions")
    rng = np.random.default_rng(32)
    n = 300
    computers = pd.DataFrame(
        {
            "price": rng.integers(900, 5400, n),
            "speed": rng.choice([25, 33, 50, 66, 75, 100], n),
            "cd": rng.choice(["yes", "no"], n),
        }
    )
    families = pd.DataFrame(
        {
            "family": [f"{k // 4:03d}" for k in range(n)],
            "father": np.round(rng.uniform(62, 78, n), 1),
            "mother": np.round(rng.uniform(58, 70, n), 1),
            "midparentHeight": np.round(rng.uniform(64, 75, n), 2),
            "childNum": rng.integers(1, 8, n),
            "gender": rng.choice(["male", "female"], n),
            "childHeight": np.round(rng.uniform(56, 79, n), 1),
        }
    )
    races = pd.DataFrame(
        {
            "race": [f"Hill {k}" for k in range(30)] + ["Ben Nevis"],
            "dist": np.round(rng.uniform(2, 28, 31), 1),
            "time": np.round(rng.uniform(15, 200, 31), 2),
        }
    )
    races.loc[races["race"] == "Ben Nevis", "time"] = 10.5  # the quickest, not the shortest
    survey = pd.DataFrame(
        {
            "시급": np.round(rng.uniform(5, 40, n), 2),
            "나이": rng.integers(16, 95, n),
            "성별": rng.choice(["남성", "여성"], n),
        }
    )
    days = pd.date_range("2025-03-03", periods=28, freq="D")  # four weeks, Monday first
    calls = pd.DataFrame(
        {
            "call_start": np.repeat(days, [1 + (d.dayofweek != 6) * 5 for d in days]),
        }
    )
    calls["duration_sec"] = np.where(calls["call_start"].dt.dayofweek == 6, 900, 120)  # long Sunday calls
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("computers", computers),
        ("galton", families),
        ("hills", races),
        ("survey", survey),
        ("record_times", races[["race", "time"]]),
        ("support_calls", calls),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_how_with_an_adjective_asks_for_its_measure(data, mode):
    frame, _ = data["computers"]
    answer = answered(data, "computers", "how expensive are computers on average?", mode)
    assert states(first_line(answer), frame["price"].mean()), answer
    answer = answered(data, "computers", "how fast is the fastest one", mode)
    assert states(first_line(answer), frame["speed"].max(), 0), answer
    frame, _ = data["survey"]
    answer = answered(data, "survey", "how young is the youngest respondent", mode)
    assert states(first_line(answer), frame["나이"].min(), 0), answer
    answer = answered(data, "survey", "응답자들 평균 몇 살이야", mode)
    assert states(first_line(answer), frame["나이"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_dimension_no_column_holds_is_declined(data, mode):
    declined(data, "survey", "how tall are the respondents on average?", mode)
    declined(data, "computers", "how heavy are the computers", mode)


@pytest.mark.parametrize("mode", MODES)
def test_the_word_beside_the_adjective_picks_its_column(data, mode):
    frame, _ = data["galton"]
    answer = answered(data, "galton", "how tall is the tallest child?", mode)
    assert states(first_line(answer), frame["childHeight"].max(), 1), answer
    declined(data, "galton", "가장 키가 큰 사람", mode)  # four heights: whose?


@pytest.mark.parametrize("mode", MODES)
def test_an_adjective_of_two_dimensions_asks_which(data, mode):
    # "longest" of races with a distance and a time: either; it had been the longest time
    declined(data, "hills", "which is the longest race?", mode)
    declined(data, "hills", "가장 긴 경주는 어디야?", mode)
    frame, _ = data["hills"]
    answer = answered(data, "hills", "which race takes the longest time", mode)
    assert frame.loc[frame["time"].idxmax(), "race"] in first_line(answer), answer
    # with only the time recorded, "quickest" is the least of it (speed's opposite end)
    answer = answered(data, "record_times", "which race is the quickest", mode)
    assert "Ben Nevis" in first_line(answer), answer
    # of a period, "slowest" is the least busy: the day fewest calls fall on, not the longest calls
    answer = answered(data, "support_calls", "What's the slowest day of the week?", mode)
    assert "Sunday" in first_line(answer) and "duration" not in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_two_comparatives_in_a_yes_no_question_ask_how_they_go_together(data, mode):
    frame, _ = data["computers"]
    answer = answered(data, "computers", "are faster computers more expensive?", mode)
    assert states(first_line(answer), frame["speed"].corr(frame["price"]), 2), answer
    # "than" compares named things: no correlation read into it
    analysis, answer = ask_held_any(data, "computers", "is the fastest computer more expensive than the slowest?", mode)
    assert analysis.declined or "orrelation" not in first_line(answer), answer
