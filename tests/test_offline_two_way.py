"""Two-way breakdowns (session 25, benchmarks/evalset49): a measure of every combination of two
category columns, asked as people ask it ("average score by sex and major", "count by A and B",
"cross-tab of A and B", "성별·전공별 인원", "A별 B별 평균", "which combination has the highest ...",
"within each A, the share of each B", "전공별로 성별 비율"), through both renderers (pandas, and the
dataset held in DuckDB):

* the reply is a wide table, the first-named column down and the second across, every
  combination's value in its cell; a table wider than 8 columns says how many it leaves out;
* "which combination" names the winning pair first;
* row shares are each combination's rows as a share of its first value's rows;
* a yes/no column named after "by A and" is the second grouping, not a condition (it had
  answered a one-way breakdown over the rows where it is yes: a different question);
* "성별 연령대별" of a table without ages is declined (it had answered by sex alone), and a
  breakdown read together with one value of its own column ("average" also a value) is declined.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask_held, first_line, held

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    rng = np.random.default_rng(49)
    n = 400
    frame = pd.DataFrame(
        {
            "sex": rng.choice(["female", "male"], n),
            "major": rng.choice(["eco", "hum", "ns", "oss", "other"], n),
            "volunteer": rng.choice(["yes", "no"], n),
            "rating": rng.choice(["Average", "High", "Low"], n),
            "state": rng.choice([f"S{i:02d}" for i in range(12)], n),
            "score": rng.integers(400, 800, n),
        }
    )
    return held(tmp_path_factory.mktemp("two_way"), {"students": frame})


def _answer(data, question: str, mode: str) -> str:
    analysis, answer = ask_held(data, "students", question, mode)
    assert not analysis.declined, answer
    return answer


def _cells(answer: str) -> dict[tuple[str, str], str]:
    """The wide Markdown table of the answer: (row label, column label) -> cell text."""
    rows = [ln for ln in answer.splitlines() if ln.startswith("|") and not set(ln) <= set("|-")]
    head = [c.strip() for c in rows[0].strip("|").split("|")]
    out = {}
    for ln in rows[1:]:
        cells = [c.strip() for c in ln.strip("|").split("|")]
        out.update({(cells[0], head[k]): cells[k] for k in range(1, len(cells))})
    return out


def _states(cell: str, value: float) -> bool:
    x = float(cell.replace(",", "").rstrip("%"))
    return abs(x - value) <= max(0.05, abs(value) * 0.0005)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question", ["average score by sex and major", "성별·major별 평균 score", "sex별 major별 score 평균"]
)
def test_a_mean_of_every_combination_in_a_wide_table(data, mode, question):
    frame, _ = data["students"]
    answer = _answer(data, question, mode)
    cells = _cells(answer)
    expected = frame.groupby(["sex", "major"])["score"].mean()
    assert len(cells) == len(expected), answer
    for (a, b), v in expected.items():
        assert _states(cells[(a, b)], v), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question", ["cross-tab of sex and major", "성별·major별 인원", "count of rows by sex and major"]
)
def test_the_rows_of_every_combination_counted(data, mode, question):
    frame, _ = data["students"]
    cells = _cells(_answer(data, question, mode))
    for (a, b), v in frame.groupby(["sex", "major"]).size().items():
        assert cells[(a, b)] == str(v), cells


@pytest.mark.parametrize("mode", MODES)
def test_a_yes_no_column_after_by_and_is_the_second_grouping(data, mode):
    frame, _ = data["students"]
    answer = _answer(data, "median score by sex and volunteer", mode)
    cells = _cells(answer)
    for (a, b), v in frame.groupby(["sex", "volunteer"])["score"].median().items():
        assert _states(cells[(a, b)], v), answer
    assert "volunteer = yes" not in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_which_combination_names_the_winning_pair_first(data, mode):
    frame, _ = data["students"]
    means = frame.groupby(["sex", "major"])["score"].mean()
    top, low = means.idxmax(), means.idxmin()
    head = first_line(_answer(data, "Which combination of sex and major has the highest average score?", mode))
    assert f"{top[0]} · {top[1]}" in head, head
    head = first_line(_answer(data, "평균 score가 가장 낮은 sex·major 조합은?", mode))
    assert f"{low[0]} · {low[1]}" in head, head


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question, first, second",
    [
        ("Within each sex, what percentage of rows are in each major?", "sex", "major"),
        ("major별로 성별 비율을 보여줘", "major", "sex"),
    ],
)
def test_row_shares_within_the_first_columns_groups(data, mode, question, first, second):
    frame, _ = data["students"]
    answer = _answer(data, question, mode)
    cells = _cells(answer)
    shares = pd.crosstab(frame[first], frame[second], normalize="index").stack()
    for (a, b), v in shares.items():
        assert _states(cells[(a, b)], 100 * v), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_wide_table_says_what_it_leaves_out(data, mode):
    frame, _ = data["students"]
    answer = _answer(data, "average score by sex and state", mode)
    cells = _cells(answer)
    assert {b for _, b in cells} == {f"S{i:02d}" for i in range(8)}, answer
    assert "4 more state columns" in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_breakdown_by_a_column_the_table_lacks_is_declined(data, mode):
    analysis, answer = ask_held(data, "students", "성별 연령대별 평균 score", mode)
    assert analysis.declined, answer
    # "average" is a statistic and a value of rating: a breakdown by rating is no average rating
    analysis, answer = ask_held(data, "students", "average score by rating and sex", mode)
    assert analysis.declined or "rating = Average" not in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_statistic_word_before_a_measure_is_no_value_of_another_column(data, mode):
    # "average score": the mean of score, though rating holds the value "Average" and "score" also
    # reaches rating by a weaker reading (it had answered the scores where rating = Average)
    frame, _ = data["students"]
    head = first_line(_answer(data, "average score by sex", mode))
    assert "Average" not in head, head
    for sex, v in frame.groupby("sex")["score"].mean().items():
        assert _states(_listed(_answer(data, "average score by sex", mode), sex), v)


def _listed(answer: str, label: str) -> str:
    return next(ln.split(":", 1)[1] for ln in answer.splitlines() if ln.startswith(f"- {label}:"))


@pytest.fixture(scope="module")
def parties(tmp_path_factory):
    rng = np.random.default_rng(2)
    n = 120
    frame = pd.DataFrame(
        {"day": rng.choice(["Sat", "Sun"], n), "size": rng.integers(1, 6, n), "tip": rng.uniform(1, 9, n).round(2)}
    )
    return held(tmp_path_factory.mktemp("parties"), {"tips": frame})


@pytest.mark.parametrize("mode", MODES)
def test_a_headcount_word_names_the_column_of_headcounts(parties, mode):
    # "인원" counts the rows where each row is a person; a table of parties with their sizes has
    # its headcounts in a column ("토요일 평균 인원수" had been declined once 인원 counted rows)
    frame, _ = parties["tips"]
    analysis, answer = ask_held(parties, "tips", "토요일 평균 인원수", mode)
    assert not analysis.declined, answer
    assert _states(first_line(answer).split("**")[1], frame.loc[frame["day"] == "Sat", "size"].mean()), answer
    analysis, answer = ask_held(parties, "tips", "요일별 인원", mode)
    assert analysis.declined or "size" in first_line(answer), answer


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {
            "state": [f"State{i}" for i in range(20)],
            "violent": rng.uniform(100, 900, 20).round(1),
            "weather": rng.choice(["sun", "rain", "fog"], 20),
        }
    )
    return held(tmp_path_factory.mktemp("states"), {"crime": frame})


@pytest.mark.parametrize("mode", MODES)
def test_a_concept_word_still_describes_the_column_before_it(states, mode):
    # only a column of a two-sided concept (sex) takes no other concept as its descriptor:
    # "violent crime rate" is the violent column, "날씨 종류" the weather column
    for question in ("top 3 states by violent crime rate", "날씨 종류별 개수"):
        analysis, answer = ask_held(states, "crime", question, mode)
        assert not analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_highest_value_by_two_columns_without_a_statistic_is_asked_back(data, mode):
    # "sex와 major별 최고 score": each combination's highest score, or the combination of the
    # highest average? (it had answered the combination of the highest MEAN score)
    analysis, answer = ask_held(data, "students", "sex와 major별 최고 score", mode)
    assert analysis.declined or "Highest mean" not in answer and "평균 가장" not in answer, answer
