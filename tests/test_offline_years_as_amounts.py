"""A number of years is an amount, never a calendar year, through both renderers (pandas, and the
dataset held in DuckDB). On a survey with a year column (1974-2004) and years of education
(car's Vocab has this shape):

* "average vocabulary of people with 16 or more years of education" kept the rows with
  year >= 16 (every row) and averaged education too: "16 or more years" was read as counting
  the year column, as "4 passengers" counts passengers;
* "average vocabulary for 16+ years of education" compared vocabulary, the column named before
  the number, with 16;
* "16+" and "2004 or later" include their number (they were read as "more than").
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
    root = tmp_path_factory.mktemp("years_as_amounts")
    rng = np.random.default_rng(31)
    n = 600
    survey = pd.DataFrame(
        {
            "year": rng.choice([1974, 1984, 1994, 2004], n),
            "sex": rng.choice(["Female", "Male"], n),
            "education": rng.integers(6, 21, n),
            "vocabulary": rng.integers(0, 11, n),
        }
    )
    out = {"_spill": root / "spill"}
    survey.to_parquet(root / "survey.parquet")
    out["survey"] = (survey, root / "survey.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    [
        "average vocabulary of people with 16 or more years of education",
        "average vocabulary for 16+ years of education",
        "mean vocabulary of people with at least 16 years of education",
    ],
)
def test_years_of_a_measure_are_a_value_of_that_measure(data, mode, question):
    frame, _ = data["survey"]
    line = first_line(answered(data, "survey", question, mode))
    assert "education" in line and "year " not in line, line
    assert states(line, frame.loc[frame["education"] >= 16, "vocabulary"].mean()), line


@pytest.mark.parametrize("mode", MODES)
def test_a_count_of_years_with_a_year_column_is_a_value_of_the_measure(data, mode):
    frame, _ = data["survey"]
    line = first_line(answered(data, "survey", "how many people have more than 12 years of education", mode))
    assert states(line, int((frame["education"] > 12).sum())), line


@pytest.mark.parametrize("mode", MODES)
def test_a_number_of_years_of_nothing_named_is_not_a_calendar_year(data, mode):
    answer = answered(data, "survey", "average vocabulary of people with 16 or more years", mode)
    assert "year ≥ 16" not in answer and "year >= 16" not in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_or_later_and_plus_include_their_number(data, mode):
    frame, _ = data["survey"]
    line = first_line(answered(data, "survey", "how many people were surveyed in 1994 or later", mode))
    assert states(line, int((frame["year"] >= 1994).sum())), line
    line = first_line(answered(data, "survey", "how many people have 18+ years of education", mode))
    assert states(line, int((frame["education"] >= 18).sum())), line


@pytest.mark.parametrize("mode", MODES)
def test_korean_words_for_years_of_education_and_the_top_score(data, mode):
    frame, _ = data["survey"]
    line = first_line(answered(data, "survey", "교육 연수와 vocabulary의 상관관계", mode))
    assert states(line, frame["education"].corr(frame["vocabulary"]), 3), line
    line = first_line(answered(data, "survey", "vocabulary 최고점", mode))
    assert states(line, frame["vocabulary"].max()), line
