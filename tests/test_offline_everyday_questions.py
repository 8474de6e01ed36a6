"""Everyday first questions of a table (session 23, benchmarks/evalset42: a fresh generalization
probe on vcd's Baseball, pscl's presidentialElections, survival's veteran, HSAUR's schooldays and
Ecdat's Heating), through both renderers (pandas, and the dataset held in DuckDB):

* "the average number of days absent" where a column holds the value "average" (learner:
  average, slow): the statistic of a count said as "number of", never the rows of that value
  (it had answered the TOTAL of absent for learner = average: a wrong answer);
* a percentage is never added up over rows: a column of a counted thing (votes) holding
  fractions between 0 and 100 (the Democrats' percent of a state's vote), or a column the
  question names with a word of a rate ("득표율"): "가장 낮았던 주" had answered the state whose
  percentages SUMMED over 21 elections were lowest (a one-row `Total`: a wrong answer);
* nouns for rows people use (lexicon data): "children" of pupils, "가구" of households;
* "absent more than 30 days", "결석일수가 20일을 넘는": a number of days compared with a numeric
  column named just before it is that column's value in days, never a number of rows a group
  must have nor the 20th day of a month (declined: "no dates");
* verbs of choosing ("households chose a heat pump", "gr을 선택한 가구"): they say only that the
  rows hold the value (lexicon `event_verbs`);
* "1986년 홈런(homer86) 평균", "errors in 1986" of error86: a year no date of the data holds,
  said beside a column named with that year, is the column's own (it had been declined as "no
  dates"); a column named without it (career homeruns) is still declined for the year;
* "median survival time" of a column named `time`, "생존시간": a word that with the column's name
  spells a lexicon concept no column carries (survival time) says which time it is;
* words before a bracketed column's name and its value, "died (status 1)", are its gloss, as
  "(coas=yes)" was; "which heating system (depvar)" asks for the bracketed column;
* a period several column names end with (hits86, homer86, posit86) is no word of theirs:
  "position" names posit86; a year is the column's own only when every column its words may
  name ends with it ("walks in 1986" of walks and walks86 is declined, never career walks);
* "how many election years are covered" of presidential_elections: the distinct years (the
  noun the table is named by, before the period counted);
* a misspelling of a data value keeps its first letter: "how many catchers" had counted the rows of a player
  named Hatcher (a wrong answer); "averge" is still read as "average".
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, declined
from test_offline_plans import ask

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("everyday")
    rng = np.random.default_rng(42)
    n = 150
    states_ = ["Alabama", "Ohio", "Texas", "Vermont", "Utah"]
    years = list(range(1960, 2016, 4))
    frames = {
        "schooldays": pd.DataFrame(
            {
                "race": rng.choice(["aboriginal", "non-aboriginal"], n),
                "sex": rng.choice(["female", "male"], n),
                "learner": rng.choice(["average", "slow"], n),
                "absent": rng.integers(0, 60, n),
            }
        ),
        "elections": pd.DataFrame(
            [(s, round(float(rng.uniform(15, 75)), 2), y) for y in years for s in states_] + [("Total", 51.02, 2012)],
            columns=["state", "demVote", "year"],
        ),
    }
    frames["heating"] = pd.DataFrame(
        {
            "depvar": rng.choice(["gc", "gr", "ec", "er", "hp"], 300, p=[0.6, 0.15, 0.1, 0.1, 0.05]),
            "income": rng.integers(2, 8, 300),
            "rooms": rng.integers(2, 8, 300),
            "region": rng.choice(["valley", "scostl", "mountn", "ncostl"], 300),
        }
    )
    frames["players"] = pd.DataFrame(
        {
            "name": ["Hatcher", "Hatcher", *[f"P{k}" for k in range(118)]],
            "homer86": rng.integers(0, 40, 120),
            "homeruns": rng.integers(0, 400, 120),
            "error86": [35, *rng.integers(0, 30, 119)],
            "walks86": rng.integers(0, 100, 120),
            "walks": rng.integers(0, 1000, 120),
            "posit86": rng.choice(["C", "1B", "2B", "SS", "OF"], 120, p=[0.4, 0.15, 0.15, 0.15, 0.15]),
        }
    )
    frames["presidential_elections"] = frames["elections"]
    frames["veteran"] = pd.DataFrame(
        {
            "trt": rng.choice([1, 2], 137),
            "celltype": rng.choice(["squamous", "smallcell", "adeno", "large"], 137),
            "time": rng.integers(1, 999, 137),
            "status": rng.choice([0, 1], 137, p=[0.1, 0.9]),
            "age": rng.integers(35, 81, 137),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_the_average_number_of_a_count_is_its_mean(data, mode):
    frame, _ = data["schooldays"]
    answer = answered(data, "schooldays", "What's the average number of days absent?", mode)
    assert states(first_line(answer), frame["absent"].mean()), answer
    assert "learner" not in first_line(answer), answer
    # the value is still read where the rows are named by it
    answer = answered(data, "schooldays", "average days absent of slow learners", mode)
    assert states(first_line(answer), frame.loc[frame["learner"] == "slow", "absent"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_percentage_is_never_summed_over_rows(data, mode):
    frame, _ = data["elections"]
    totals = frame.groupby("state")["demVote"].sum()
    answer = answered(data, "elections", "민주당 득표율(demVote)이 가장 낮았던 주는?", mode)
    low = frame.loc[frame["demVote"].idxmin()]
    assert low["state"] in first_line(answer) and states(first_line(answer), low["demVote"]), answer
    assert "Total" not in first_line(answer), answer
    answer = answered(data, "elections", "which state had the highest demVote?", mode)
    assert not states(first_line(answer), totals.max()), answer
    assert "Total" not in first_line(answer) or "total" in first_line(answer).lower(), answer
    assert "total of" not in first_line(answer).lower(), answer
    # a total asked in words is still that total
    answer = answered(data, "elections", "total demVote by state", mode)
    assert states(answer, totals.max()), answer


@pytest.mark.parametrize("mode", MODES)
def test_nouns_people_use_for_the_rows(data, mode):
    frame, _ = data["schooldays"]
    answer = answered(data, "schooldays", "how many children are slow learners?", mode)
    assert states(first_line(answer), (frame["learner"] == "slow").sum(), 0), answer
    answer = answered(data, "schooldays", "결석일수가 가장 많은 아이의 learner는?", mode)
    assert frame.loc[frame["absent"].idxmax(), "learner"] in first_line(answer), answer
    frame, _ = data["heating"]
    answer = answered(data, "heating", "region별 가구 수", mode)
    for region, count in frame["region"].value_counts().items():
        assert f"{region}" in answer and states(answer, count, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_days_compared_with_a_count_of_days(data, mode):
    frame, _ = data["schooldays"]
    answer = answered(data, "schooldays", "What percentage of children were absent more than 30 days?", mode)
    assert states(first_line(answer), 100 * (frame["absent"] > 30).mean(), 1), answer
    answer = answered(data, "schooldays", "slow learner 중 결석일수가 20일을 넘는 학생 수", mode)
    expected = ((frame["learner"] == "slow") & (frame["absent"] > 20)).sum()
    assert states(first_line(answer), expected, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_verb_of_choosing_says_the_rows_hold_the_value(data, mode):
    frame, _ = data["heating"]
    answer = answered(data, "heating", "How many households chose a heat pump (depvar hp)?", mode)
    assert states(first_line(answer), (frame["depvar"] == "hp").sum(), 0), answer
    answer = answered(data, "heating", "gr을 선택한 가구의 비율", mode)
    assert states(first_line(answer), 100 * (frame["depvar"] == "gr").mean(), 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_year_named_by_the_column(data, mode):
    frame, _ = data["players"]
    answer = answered(data, "players", "1986년 홈런(homer86) 평균은?", mode)
    assert states(first_line(answer), frame["homer86"].mean()), answer
    answer = answered(data, "players", "Who made the most error86 in 1986?", mode)
    assert frame.loc[frame["error86"].idxmax(), "name"] in first_line(answer), answer
    # a column not named with that year: the year has no place
    declined(data, "players", "average homeruns in 1986", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_concept_phrase_ending_with_the_columns_name(data, mode):
    frame, _ = data["veteran"]
    answer = answered(data, "veteran", "median survival time by celltype", mode)
    for cell, median in frame.groupby("celltype")["time"].median().items():
        assert cell in answer and states(answer, median, 1), answer
    answer = answered(data, "veteran", "squamous 환자의 생존시간 중앙값", mode)
    assert states(first_line(answer), frame.loc[frame["celltype"] == "squamous", "time"].median(), 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_words_glossed_by_a_bracketed_column(data, mode):
    frame, _ = data["veteran"]
    answer = answered(data, "veteran", "How many patients older than 65 died (status 1)?", mode)
    assert states(first_line(answer), ((frame["age"] > 65) & (frame["status"] == 1)).sum(), 0), answer
    frame, _ = data["heating"]
    answer = answered(data, "heating", "Which heating system (depvar) is chosen most often?", mode)
    assert frame["depvar"].value_counts().idxmax() in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_period_the_names_share_is_no_word_of_theirs(data, mode):
    frame, _ = data["players"]
    answer = answered(data, "players", "Which position has the most players?", mode)
    assert frame["posit86"].value_counts().idxmax() in first_line(answer), answer
    # walks and walks86 both: the year names neither alone
    declined(data, "players", "average walks in 1986", mode)


@pytest.mark.parametrize("mode", MODES)
def test_the_years_of_the_tables_events(data, mode):
    frame, _ = data["presidential_elections"]
    answer = answered(data, "presidential_elections", "How many election years are covered?", mode)
    assert states(first_line(answer), frame["year"].nunique(), 0), answer
    assert not states(first_line(answer), len(frame), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_misspelling_keeps_its_first_letter(data, mode):
    frame, _ = data["players"]
    analysis, answer = ask(data, "players", "how many catchers are there", mode)
    assert analysis.declined or not states(first_line(answer), 2, 0), answer
    answer = answered(data, "players", "averge homer86", mode)
    assert states(first_line(answer), frame["homer86"].mean()), answer
