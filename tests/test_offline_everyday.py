"""What the fresh probe of session 21 found (benchmarks/evalset39: five real Rdatasets tables,
Bundesliga, Males, water, Airq, Star, asked the everyday first questions), through both renderers
(pandas, and the dataset held in DuckDB):

* a column of years named by nothing but the word (Bundesliga's Year, the season's first year)
  beside a date column is the rows' year: "total home goals in 1995" and "by year" are of it, not
  of the year of the date (which had answered with the calendar year's games: a wrong answer);
  naming the date column still groups by its year;
* "경기가 제일 많았던 해는?": a stem of quantity before a tense ending (많 + 았던) ranks the years by
  how many rows each has, as "가장 많은 해" does (it had been the highest year itself: wrong);
* a name of one run of letters holding a word between short codes (Project STAR's tmathssk, total
  math scaled score in kindergarten; treadssk) is named by the word ("math", "reading", and the
  Korean 수학, 읽기 through the lexicon's concepts), when one name only holds it: the questions of
  math and reading scores had all been declined; held by two names, it is still declined; a name
  that starts with the word is none of this ("수", count, is no "coun" of country: "대륙별 나라 수"
  had been declined so);
* "corr" (pandas' own name) is a correlation, and "is X correlated with Y? give the correlation"
  asks one correlation, the word said again (both had been declined);
* a value of several yes/no columns written as code after its column ("union=yes", "union = yes")
  is of that column (it had been declined as "yes" of health, married or union);
* words the question glosses a column's name with, the name in brackets right after them ("교사
  경력(totexpk)", "income per head (medi)", "해안 지역(coas=yes)"), need not be the data's words:
  they had declined the question as unknown or unplaced; a gloss that starts inside a written
  word (료급식 of 무료급식, whose 무 reads as the value "no") is none, and stays declined.
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
    root = tmp_path_factory.mktemp("everyday")
    rng = np.random.default_rng(39)
    rows = []
    for season in range(2001, 2006):
        games = 40 if season == 2003 else 30  # one season with more games
        # a season runs from August to May: its games fall in two calendar years
        days = pd.to_datetime(f"{season}-08-01") + pd.to_timedelta(rng.integers(0, 300, games), unit="D")
        rows += [(season, d, rng.choice(["Lions", "Tigers", "Bears", "Wolves"])) for d in days]
    games = pd.DataFrame(rows, columns=["Year", "Date", "HomeTeam"])
    games["HomeGoals"] = rng.integers(0, 6, len(games))
    n = 300
    pupils = pd.DataFrame(
        {
            "tmathssk": rng.integers(380, 620, n),
            "treadssk": rng.integers(350, 560, n),
            "sex": rng.choice(["boy", "girl"], n),
            "race": rng.choice(["white", "black", "other"], n),
        }
    )
    waves = pupils.rename(columns={"treadssk": "tmathss1"})  # math held by two names
    workers = pd.DataFrame(
        {
            "school": rng.integers(8, 17, n),
            "union": rng.choice(["yes", "no"], n),
            "married": rng.choice(["yes", "no"], n),
            "health": rng.choice(["yes", "no"], n, p=[0.1, 0.9]),
        }
    )
    workers["wage"] = np.round(0.1 * workers["school"] + rng.normal(0, 0.5, n), 3)
    workers["totexpk"] = rng.integers(0, 30, n)
    workers["freelunk"] = rng.choice(["yes", "no"], n)
    nations = pd.DataFrame(
        [(f"country {k}", ["Africa", "Asia", "Europe"][k % 3], y) for k in range(12) for y in (2000, 2005)],
        columns=["country", "continent", "year"],
    )
    nations["pop"] = rng.integers(1000, 90000, len(nations))
    out = {"_spill": root / "spill"}
    frames = (("games", games), ("pupils", pupils), ("waves", waves), ("workers", workers), ("nations", nations))
    for name, frame in frames:
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_column_named_year_is_the_rows_year_beside_a_date(data, mode):
    frame, _ = data["games"]
    answer = answered(data, "games", "total home goals in 2003", mode)
    assert states(first_line(answer), frame.loc[frame["Year"] == 2003, "HomeGoals"].sum(), 0), answer
    assert not states(first_line(answer), frame.loc[frame["Date"].dt.year == 2003, "HomeGoals"].sum(), 0), answer
    answer = answered(data, "games", "average home goals by year", mode)
    means = frame.groupby("Year")["HomeGoals"].mean()
    assert all(states(answer, v) for v in means), answer
    assert "2006" not in answer, answer  # no calendar year of the dates
    answer = answered(data, "games", "연도별 경기 수 보여줘", mode)
    assert "40" in answer and "2006" not in answer, answer
    # the date column named: the calendar year of its dates
    answer = answered(data, "games", "average home goals by year of Date", mode)
    assert "2006" in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_most_rows_said_with_a_tense_ending_ranks_years_by_rows(data, mode):
    for question in ("경기가 제일 많았던 해는?", "경기가 가장 많았던 연도는?"):
        answer = answered(data, "games", question, mode)
        assert "2003" in first_line(answer) and "40" in first_line(answer), answer
        assert "2005" not in first_line(answer), answer
    answer = answered(data, "games", "경기가 가장 적었던 연도는?", mode)
    assert "2003" not in first_line(answer) and "30" in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_word_inside_one_run_together_name_names_it(data, mode):
    frame, _ = data["pupils"]
    answer = answered(data, "pupils", "average math score of girls", mode)
    assert states(first_line(answer), frame.loc[frame["sex"] == "girl", "tmathssk"].mean()), answer
    answer = answered(data, "pupils", "which race has the lowest average reading score?", mode)
    means = frame.groupby("race")["treadssk"].mean()
    assert means.idxmin() in first_line(answer) and states(first_line(answer), means.min(), 1), answer
    answer = answered(data, "pupils", "race별 수학 점수 중앙값", mode)
    assert all(states(answer, v) for v in frame.groupby("race")["tmathssk"].median()), answer
    answer = answered(data, "pupils", "성별 평균 읽기 점수 보여줘", mode)
    assert all(states(answer, v, 1) for v in frame.groupby("sex")["treadssk"].mean()), answer
    # two names hold "math": no one of them is named
    declined(data, "waves", "average math score of girls", mode)


@pytest.mark.parametrize("mode", MODES)
def test_corr_and_a_correlation_asked_twice(data, mode):
    frame, _ = data["workers"]
    r = frame["school"].corr(frame["wage"])
    for question in ("corr between school and wage", "is school correlated with wage? give the correlation"):
        assert states(first_line(answered(data, "workers", question, mode)), r, 3), question


@pytest.mark.parametrize("mode", MODES)
def test_a_column_equals_its_value_written_as_code(data, mode):
    frame, _ = data["workers"]
    mean = frame.loc[frame["union"] == "yes", "wage"].mean()
    for question in ("average wage where union = yes", "union=yes인 사람의 평균 wage"):
        answer = answered(data, "workers", question, mode)
        assert states(first_line(answer), mean, 2) and "union" in first_line(answer), answer
    # a value of several columns, none named: still declined
    declined(data, "workers", "average wage where yes", mode)


@pytest.mark.parametrize("mode", MODES)
def test_words_glossing_a_bracketed_name(data, mode):
    frame, _ = data["workers"]
    answer = answered(data, "workers", "교사 경력(totexpk) 평균은?", mode)
    assert states(first_line(answer), frame["totexpk"].mean()), answer
    answer = answered(data, "workers", "average of hourly pay (wage)", mode)
    assert states(first_line(answer), frame["wage"].mean(), 2), answer
    answer = answered(data, "workers", "노조 가입자(union=yes)의 평균 wage는?", mode)
    assert states(first_line(answer), frame.loc[frame["union"] == "yes", "wage"].mean(), 2), answer
    # a gloss inside a written word: never its syllable read as a value
    declined(data, "workers", "무료급식(freelunk) 여부별 평균 wage", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_count_word_is_no_start_of_a_name(data, mode):
    answer = answered(data, "nations", "대륙별 나라 수", mode)
    assert "continent" in first_line(answer) and "4" in answer and "8" not in answer, answer
