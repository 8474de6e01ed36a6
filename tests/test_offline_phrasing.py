"""How people PHRASE plain questions (session 22, benchmarks/evalset41): the wrapper around a
count, a mean per group or a filter is read for what it is, through both renderers (pandas, and
the dataset held in DuckDB), and a word that may carry content still makes the analyst decline:

* chat around a request (the lexicon's `filler`, kept as data): "quick q:", "out of curiosity",
  "혹시 ... 알 수 있을까요?", "평균 내줘";
* "a breakdown of X by Y": read with the grouping the question names; without one, declined;
* numbers written as words: "fifty", "five hundred", "zero", "twelve years of education";
  and "more than 12 years of education" in a table with a `year` column is education > 12, never
  year > 12 (a WRONG answer before);
* a question word typed together with the next word ("howmany");
* a one-letter value after its column and a Korean particle or "=" ("status가 D", "School = D");
* a one-word value written as two words ("full time" for fulltime);
* the rows' noun glued to an abbreviation in the table's name ("womenlf": women, 여성), never a
  group of values the name does not say ("men" there);
* a column whose name is also a chart or game word ("Drawing": draw) is that column;
* "education이 16년 이상": years of a measure after its column and 이 (a particle that is also a
  filler), not the year 16 of a date.
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
    root = tmp_path_factory.mktemp("phrasing")
    rng = np.random.default_rng(41)
    codes = [f"S{i:02d}" for i in range(40)]
    frames = {
        "states": pd.DataFrame(
            {
                "state": codes,
                "region": rng.choice(["ENC", "PAC", "SA", "NE"], 40),
                "SATM": rng.integers(440, 580, 40),
                "pay": rng.integers(22, 44, 40),
            }
        ),
        "patients": pd.DataFrame(
            {
                "state": rng.choice(["NSW", "VIC", "QLD"], 300),
                "status": rng.choice(["A", "D"], 300),
                "age": rng.integers(0, 80, 300),
            }
        ),
        "painters": pd.DataFrame(
            {
                "painter": [f"Painter {i}" for i in range(50)],
                "School": rng.choice(list("ABCD"), 50),
                "Colour": rng.integers(0, 19, 50),
                "Expression": rng.integers(0, 19, 50),
                "Drawing": np.r_[18, rng.integers(6, 18, 49)],
            }
        ),
        "vocab": pd.DataFrame(
            {
                "year": rng.choice([1974, 1984, 1994, 2004], 400),
                "sex": rng.choice(["Female", "Male"], 400),
                "education": rng.integers(0, 21, 400),
                "vocabulary": rng.integers(0, 11, 400),
            }
        ),
        "womenlf": pd.DataFrame(
            {
                "partic": rng.choice(["fulltime", "not.work", "parttime"], 260),
                "hincome": rng.integers(1, 46, 260),
                "children": rng.choice(["absent", "present"], 260),
                "region": rng.choice(["Atlantic", "Ontario", "Quebec"], 260),
            }
        ),
    }
    out = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_chat_around_a_request_is_no_part_of_it(data, mode):
    frame, _ = data["states"]
    answer = answered(data, "states", "quick q: how many states have pay of 40 or more?", mode)
    assert states(first_line(answer), (frame["pay"] >= 40).sum(), 0), answer
    answer = answered(data, "states", "Out of curiosity, which state has the lowest SATM?!", mode)
    assert frame.loc[frame["SATM"].idxmin(), "state"] in first_line(answer), answer
    mean = frame.groupby("region")["SATM"].mean()
    for question in ("혹시 region별로 SATM 평균 좀 알 수 있을까요?", "region별로 SATM 평균 내줘~"):
        answer = answered(data, "states", question, mode)
        assert all(states(answer, v, 1) for v in mean), answer
    # a word beside the chat that may carry content is still no part of any reading
    declined(data, "states", "quick q: how many states in florida have pay of 40 or more?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_breakdown_is_read_with_its_grouping(data, mode):
    frame, _ = data["states"]
    answer = answered(data, "states", "Give me a breakdown of average SATM by region", mode)
    assert all(states(answer, v, 1) for v in frame.groupby("region")["SATM"].mean()), answer
    declined(data, "states", "give me a breakdown of SATM", mode)


@pytest.mark.parametrize("mode", MODES)
def test_numbers_written_as_words(data, mode):
    frame, _ = data["states"]
    answer = answered(data, "states", "How many states have an SATM over five hundred?", mode)
    assert states(first_line(answer), (frame["SATM"] > 500).sum(), 0), answer
    frame, _ = data["patients"]
    answer = answered(data, "patients", "patients over fifty - how many are there?", mode)
    assert states(first_line(answer), (frame["age"] > 50).sum(), 0), answer
    frame, _ = data["painters"]
    answer = answered(data, "painters", "how many painters have an Expression of zero?", mode)
    assert states(first_line(answer), (frame["Expression"] == 0).sum(), 0), answer
    frame, _ = data["vocab"]
    expected = (frame["education"] > 12).sum()
    for question in (
        "how many people have more than twelve years of education?",
        # the years of education, never the year column "years" also names (year > 12: WRONG)
        "how many people have more than 12 years of education?",
    ):
        answer = answered(data, "vocab", question, mode)
        assert states(first_line(answer), expected, 0) and "education" in first_line(answer), answer
    answer = answered(data, "vocab", "what share of respondents have more than twelve years of education?", mode)
    assert states(first_line(answer), 100 * (frame["education"] > 12).mean(), 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_question_word_typed_together(data, mode):
    frame, _ = data["painters"]
    answer = answered(data, "painters", "howmany painters are there in each School?", mode)
    assert all(states(answer, v, 0) for v in frame.groupby("School").size()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_one_letter_value_after_its_column_and_a_particle(data, mode):
    frame, _ = data["patients"]
    answer = answered(data, "patients", "status가 D인 환자는 몇 명?", mode)
    assert states(first_line(answer), (frame["status"] == "D").sum(), 0), answer
    frame, _ = data["painters"]
    expected = frame.loc[frame["School"] == "D", "Colour"].mean()
    for question in ("School이 D인 Colour 평균은?", "School = D 의 Colour 평균"):
        answer = answered(data, "painters", question, mode)
        assert states(first_line(answer), expected, 1), answer
    # a letter the column does not hold is no value of it
    declined(data, "patients", "status가 Z인 환자는 몇 명?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_one_word_value_written_as_two(data, mode):
    frame, _ = data["womenlf"]
    answer = answered(data, "womenlf", "how many rows are full time?", mode)
    assert states(first_line(answer), (frame["partic"] == "fulltime").sum(), 0), answer
    answer = answered(data, "womenlf", "which region has the most rows with partic part time?", mode)
    counts = frame[frame["partic"] == "parttime"].groupby("region").size()
    assert counts.idxmax() in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_rows_noun_glued_to_an_abbreviation_in_the_name(data, mode):
    frame, _ = data["womenlf"]
    share = 100 * (frame["children"] == "present").mean()
    for question in ("what share of the women have children present?", "children이 present인 여성의 비율은?"):
        answer = answered(data, "womenlf", question, mode)
        assert states(first_line(answer), share, 0), answer
    # the name says women: "men" is no word for its rows
    declined(data, "womenlf", "how many men are there?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_column_named_like_a_chart_or_game_word(data, mode):
    frame, _ = data["painters"]
    answer = answered(data, "painters", "which painter has the highest Drawing score, and what is it?", mode)
    assert frame.loc[frame["Drawing"].idxmax(), "painter"] in first_line(answer), answer
    answer = answered(data, "painters", "average Drawing score per School, thanks!", mode)
    assert all(states(answer, v, 1) for v in frame.groupby("School")["Drawing"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_years_of_a_measure_after_its_column_and_a_particle(data, mode):
    frame, _ = data["vocab"]
    answer = answered(data, "vocab", "education이 16년 이상인 사람은 몇 명이야?", mode)
    assert states(first_line(answer), (frame["education"] >= 16).sum(), 0), answer
    # a year after the year column is still a date
    answer = answered(data, "vocab", "year가 1990년 이후인 사람은 몇 명?", mode)
    assert states(first_line(answer), (frame["year"] >= 1990).sum(), 0), answer
