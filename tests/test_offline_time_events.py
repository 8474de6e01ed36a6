"""Questions about time over a yearly series and over tables of events (benchmarks/evalset47,
session 24), through both renderers (pandas, and the dataset held in DuckDB):

* a yearly series kept as a column of years, one row a year (R's Nile: year, flow): "average
  annual flow since 1950" listed each year's own flow (a mean per year of one row each, answering
  another question); it is the mean of the rows. A chart of "annual flow" still draws it by year.
* a verb that only says the row's event happened or began at the time said ("quarrels that began
  in 1914", "polls conducted in 2006", "1941년에 시작된 분쟁", "실시된 여론조사"): the lexicon's
  `event_verbs`, read as the rows (it had been an unknown word); a verb that says something else
  ("died") still declines.
* an English noun for the rows (the table's name, "quarrels", "polls") said in Korean by the
  lexicon's glossary (분쟁, 여론조사): it had been an unknown word. The glossary's 유량 names a
  column `flow`.
* a party's share in a poll said with "vote", "support", "지지율" ("ALP vote"): its column.
* one row a month kept as year and month columns: "average monthly deaths in 1979" (had been the
  mean of the column `month`: "monthly" read as the column its stem names) and "1979년 월평균" are
  the year's rows' mean; "average by month" and "which month has the highest average" are the
  calendar month over every year, said so (declined before).
* a rate of change said with its percent sign ("변화율(%)", "증가율은 몇 %?"): the rate's unit.
* a start said after the date ("from July 2007 onwards", "1980 and later"): from it on.
* "how many lynx in 1900?" of a column counting lynx per year (a plural that keeps its form after
  "how many") is the column's total, never the number of rows with a lynx (1).
* the procedure a row records ("patients operated on in 1970", "the most operations", "수술받은
  환자"): event verbs and nouns of the lexicon, read as the rows (unknown words before). A catch
  ("trapped") is not added: in a yearly series its rows are years, not events.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask_held, first_line, held, states
from test_offline_context import answered

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    rng = np.random.default_rng(47)
    years = np.arange(1871, 1971)
    nile = pd.DataFrame({"year": years, "flow": rng.integers(450, 1400, len(years))})
    n = 300
    quarrels = pd.DataFrame(
        {
            "ID": np.arange(1, n + 1),
            "year": rng.integers(1810, 1950, n),
            "colonial": rng.integers(0, 2, n),
            "months": rng.integers(1, 120, n),
        }
    )
    dates = pd.Timestamp("2004-10-01") + pd.to_timedelta(np.sort(rng.integers(0, 1100, 120)), unit="D")
    polls = pd.DataFrame(
        {"ALP": rng.uniform(35, 55, 120).round(1), "sampleSize": rng.integers(800, 2500, 120), "startDate": dates}
    )
    return held(tmp_path_factory.mktemp("time_events"), {"nile": nile, "quarrels": quarrels, "polls": polls})


@pytest.mark.parametrize("mode", MODES)
def test_average_annual_of_one_row_a_year_is_the_rows_mean(data, mode):
    frame, _ = data["nile"]
    since = frame.loc[frame["year"] >= 1950, "flow"]
    for question in ("average annual flow since 1950", "annual average flow since 1950"):
        line = first_line(answered(data, "nile", question, mode))
        assert states(line, since.mean(), 1) and "1951" not in line, line
    # one year's "annual flow" is that year's row
    line = first_line(answered(data, "nile", "annual flow in 1900", mode))
    assert states(line, frame.loc[frame["year"] == 1900, "flow"].iloc[0], 0), line


@pytest.mark.parametrize("mode", MODES)
def test_a_verb_saying_the_event_began_is_the_rows(data, mode):
    frame, _ = data["quarrels"]
    line = first_line(answered(data, "quarrels", "how many quarrels began in 1914?", mode))
    assert states(line, (frame["year"] == 1914).sum(), 0), line
    line = first_line(answered(data, "quarrels", "average months for quarrels that started before 1850", mode))
    assert states(line, frame.loc[frame["year"] < 1850, "months"].mean(), 2), line
    line = first_line(answered(data, "quarrels", "1880년대에 시작된 colonial 분쟁 수", mode))
    expected = ((frame["colonial"] == 1) & frame["year"].between(1880, 1889)).sum()
    assert states(line, expected, 0), line
    # a verb that says something else is no reading of the rows
    analysis, _ = ask_held(data, "quarrels", "how many quarrels died in 1914?", mode)
    assert analysis.declined


@pytest.mark.parametrize("mode", MODES)
def test_the_rows_noun_said_in_korean_by_the_glossary(data, mode):
    frame, _ = data["quarrels"]
    line = first_line(answered(data, "quarrels", "1941년에 시작된 분쟁 수", mode))
    assert states(line, (frame["year"] == 1941).sum(), 0), line
    polls, _ = data["polls"]
    line = first_line(answered(data, "polls", "2005년 1월 1일 이전에 실시된 여론조사는 몇 건?", mode))
    assert states(line, (polls["startDate"] < "2005-01-01").sum(), 0), line
    nile, _ = data["nile"]
    line = first_line(answered(data, "nile", "1920년대 평균 유량", mode))
    assert states(line, nile.loc[nile["year"].between(1920, 1929), "flow"].mean(), 1), line


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    rng = np.random.default_rng(470)
    years = np.arange(1821, 1935)
    trapped = pd.DataFrame({"time": years, "lynx": rng.integers(39, 7000, len(years))})
    n = 200
    patients = pd.DataFrame(
        {
            "age": rng.integers(20, 90, n),
            "year": rng.integers(1962, 1978, n),
            "thickness": rng.uniform(0.1, 9, n).round(2),
        }
    )
    return held(tmp_path_factory.mktemp("time_series"), {"lynx": trapped, "melanoma": patients})


@pytest.mark.parametrize("mode", MODES)
def test_how_many_of_a_count_column_is_its_total(series, mode):
    """ "how many lynx in 1900?" of a column of lynx counted per year (a noun whose plural keeps its
    form) is the count said in the row, never the number of rows (1)."""
    frame, _ = series["lynx"]
    line = first_line(answered(series, "lynx", "how many lynx in 1900?", mode))
    assert states(line, frame.loc[frame["time"] == 1900, "lynx"].iloc[0], 0), line
    line = first_line(answered(series, "lynx", "how many lynx were there before 1830?", mode))
    assert states(line, frame.loc[frame["time"] < 1830, "lynx"].sum(), 0), line
    # a verb of a catch is not read as the rows of a yearly series
    analysis, _ = ask_held(series, "lynx", "how many were trapped in 1900?", mode)
    assert analysis.declined


@pytest.mark.parametrize("mode", MODES)
def test_the_procedure_a_row_records(series, mode):
    frame, _ = series["melanoma"]
    line = first_line(answered(series, "melanoma", "how many patients were operated on in 1970?", mode))
    assert states(line, (frame["year"] == 1970).sum(), 0), line
    answer = answered(series, "melanoma", "which year had the most operations?", mode)
    assert str(frame["year"].value_counts().idxmax()) in first_line(answer), answer
    line = first_line(answered(series, "melanoma", "1972년 이후 수술받은 환자의 평균 나이", mode))
    assert states(line, frame.loc[frame["year"] >= 1972, "age"].mean(), 2), line


@pytest.mark.parametrize("mode", MODES)
def test_a_partys_vote_or_support_is_its_column(data, mode):
    """ "ALP vote", "ALP support", "ALP 지지율" of a poll table with a column per party: the party's
    column (the lexicon's descriptors; "vote", "support", "지지율" had been unknown words); said
    alone they name no column."""
    frame, _ = data["polls"]
    in_2006 = frame.loc[frame["startDate"].dt.year == 2006, "ALP"].mean()
    for question in (
        "average ALP vote in polls taken in 2006",
        "average ALP support in 2006",
        "2006년 ALP 평균 지지율",
    ):
        line = first_line(answered(data, "polls", question, mode))
        assert states(line, in_2006, 2), line
    analysis, _ = ask_held(data, "polls", "average support", mode)
    assert analysis.declined
    # a column whose name it says keeps it: 득표율 of demVote (vote + 율), not a descriptor
    votes = pd.DataFrame({"state": ["California", "Texas"] * 3, "year": [2004, 2004, 2008, 2008, 2012, 2012]})
    votes["demVote"] = [54.3, 38.2, 61.0, 43.7, 60.2, 41.4]
    (data["_spill"].parent / "votes").mkdir(exist_ok=True)
    frames = held(data["_spill"].parent / "votes", {"votes": votes})
    answer = answered(frames, "votes", "California의 연도별 득표율 추이", mode)
    assert "demVote" in answer and states(answer, 61.0, 1), answer


@pytest.fixture(scope="module")
def months(tmp_path_factory):
    rng = np.random.default_rng(4747)
    years = np.repeat(np.arange(1969, 1985), 12)
    month = np.tile(np.arange(1, 13), 16)
    drivers = pd.DataFrame({"year": years, "month": month, "deaths": rng.integers(1000, 2700, len(years))})
    return held(tmp_path_factory.mktemp("time_months"), {"drivers": drivers})


@pytest.mark.parametrize("mode", MODES)
def test_per_month_over_year_and_month_columns(months, mode):
    """One row a month kept as `year` and `month` columns (R's UKDriverDeaths as two columns):
    "average monthly deaths in 1979" had been the mean of the column `month` beside the year's total
    (the adverb read as the column its stem names: a different question), "1979년 월평균" declined
    for want of a date column; both are the mean of the year's rows. A mean per month, or the month
    with the highest mean, is the calendar month over every year (said so); it had been declined."""
    frame, _ = months["drivers"]
    in_1979 = frame.loc[frame["year"] == 1979, "deaths"].mean()
    for question in ("average monthly deaths in 1979", "1979년 월평균 사망자 수"):
        line = first_line(answered(months, "drivers", question, mode))
        assert states(line, in_1979, 1) and not states(line, 6.5, 1), line
    by_month = frame.groupby("month")["deaths"].mean()
    answer = answered(months, "drivers", "average deaths by month", mode)
    assert "every year together" in answer and all(states(answer, v, 1) for v in by_month), answer
    answer = answered(months, "drivers", "which month of the year has the highest average deaths?", mode)
    top = [
        "January February March April May June July August September October November December".split()[
            by_month.idxmax() - 1
        ]
    ]
    assert top[0] in first_line(answer) and states(first_line(answer), by_month.max(), 1), answer
    # a total per month is each year's month, which no one column holds: still declined
    analysis, _ = ask_held(months, "drivers", "total deaths by month", mode)
    assert analysis.declined


@pytest.mark.parametrize("mode", MODES)
def test_a_rate_of_change_said_with_its_percent_sign(data, mode):
    """ "1871년 대비 1970년 유량 변화율(%)", "증가율은 몇 %?": the % says the rate's unit again (it had
    been left over as a share of rows, and the question declined)."""
    frame, _ = data["nile"]
    s = frame.set_index("year")["flow"]
    rate = (s[1970] / s[1871] - 1) * 100
    for question in ("1871년 대비 1970년 유량 변화율(%)", "1871년 대비 1970년 유량 증가율은 몇 %?"):
        line = first_line(answered(data, "nile", question, mode))
        assert states(line, abs(rate), 1) and "%" in line, line


@pytest.mark.parametrize("mode", MODES)
def test_a_start_said_after_the_date(data, mode):
    """ "from July 2007 onwards", "1980 and later": the word after the date says from it on (the
    lexicon's date_compare, as "or later"; "onwards" had been an unknown word)."""
    frame, _ = data["polls"]
    line = first_line(answered(data, "polls", "average ALP from July 2007 onwards", mode))
    assert states(line, frame.loc[frame["startDate"] >= "2007-07-01", "ALP"].mean(), 2), line
    nile, _ = data["nile"]
    line = first_line(answered(data, "nile", "average flow 1950 and later", mode))
    assert states(line, nile.loc[nile["year"] >= 1950, "flow"].mean(), 1), line
