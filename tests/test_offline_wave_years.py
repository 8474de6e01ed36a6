"""Names that end with a year, through both renderers (pandas, and the dataset held in DuckDB).

A panel survey or a season's table names one measure per wave: vcd's Baseball has hits86 and
hits (career), league86 and league87, sal87; Ecdat's Schooling has ed66 and ed76. A probe of
session 23 asked such a table "average salary", "average 1987 salary by league", "correlation
between hits and salary": all were declined, for "salary" (sal87: the year glued to the name
hid its start) or for "league" (two columns). Now:

* the name before the year is what is measured (`Column.base`): "salary" names sal87, "league"
  both league86 and league87 (a word naming both is still declined, and says so);
* the year said in full, anywhere in the question ("1987 salary by league", "league in 1987"),
  tells the wave's columns apart (`Composer._narrowed`), as a year written as a word of a name
  does ("sales in 2021" of sales_2021, sales_2022; "2023년 매출" of sales_2023 beside
  stores_2023: it had been declined as two columns);
* a column named by the word alone ("hits") is still that column, not hits86;
* a yes/no column of each wave ("lived in the south in 1976" of south66, south76) is the one of
  the year said; a year naming several waves' columns and nothing to pick from is no column.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask_held as ask
from answers import first_line, held, states

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("waves")
    rng = np.random.default_rng(23)
    n = 120
    players = pd.DataFrame(
        {
            "name": [f"P{i:03d}" for i in range(n)],
            "hits86": rng.integers(20, 230, n),
            "homer86": rng.integers(0, 40, n),
            "hits": rng.integers(100, 4000, n),
            "league86": rng.choice(["A", "N"], n),
            "league87": rng.choice(["A", "N"], n),
            "team86": rng.choice(["Bos", "NY", "Det", "Hou"], n),
            "sal87": np.where(rng.random(n) < 0.15, np.nan, np.round(rng.uniform(70, 2400, n), 1)),
        }
    )
    schooling = pd.DataFrame(
        {
            "south66": rng.choice(["yes", "no"], n),
            "south76": rng.choice(["yes", "no"], n),
            "ed66": rng.integers(6, 16, n),
            "ed76": rng.integers(8, 18, n),
            "wage76": rng.integers(200, 1500, n),
        }
    )
    regions = pd.DataFrame(
        {
            "region": ["North", "South", "East", "West", "Central"],
            "sales_2021": [237, 882, 607, 767, 196],
            "sales_2022": [682, 164, 879, 488, 599],
            "sales_2023": [967, 361, 560, 907, 129],
            "stores_2023": [30, 8, 20, 11, 17],
        }
    )
    return held(root, {"players": players, "regions": regions, "schooling": schooling})


@pytest.mark.parametrize("mode", MODES)
def test_the_name_before_the_year_is_the_measure(data, mode):
    frame, _ = data["players"]
    analysis, answer = ask(data, "players", "average salary", mode)
    assert not analysis.declined, answer
    assert "sal87" in first_line(answer) and states(first_line(answer), frame["sal87"].mean(), 1), answer
    analysis, answer = ask(data, "players", "리그별 평균 연봉", mode)
    assert analysis.declined and "league86" in answer and "league87" in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_the_year_said_tells_the_waves_apart(data, mode):
    frame, _ = data["players"]
    expected = frame.groupby("league87")["sal87"].mean()
    for question in (
        "average 1987 salary by league",
        "average salary by league in 1987",
        "1987 연봉 리그별 평균",
    ):
        analysis, answer = ask(data, "players", question, mode)
        assert not analysis.declined, (question, answer)
        assert "league87" in first_line(answer) and "league86" not in answer, (question, answer)
        for league, value in expected.items():
            assert states(answer, value, 1), (question, league, answer)
    analysis, answer = ask(data, "players", "how many players in each league in 1986", mode)
    assert not analysis.declined, answer
    assert "league86" in first_line(answer), answer
    for value in frame["league86"].value_counts():
        assert states(answer, value, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_name_that_is_the_word_wins_over_a_waves(data, mode):
    frame, _ = data["players"]
    analysis, answer = ask(data, "players", "who had the most hits", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame["hits"].max(), 0), answer
    rows = frame.dropna(subset=["sal87"])
    analysis, answer = ask(data, "players", "correlation between hits and salary", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), rows["hits"].corr(rows["sal87"]), 3), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_year_word_of_a_name_picks_among_the_names_a_word_means(data, mode):
    frame, _ = data["regions"]
    analysis, answer = ask(data, "regions", "which region had the highest sales in 2021?", mode)
    assert not analysis.declined, answer
    assert frame.loc[frame["sales_2021"].idxmax(), "region"] in first_line(answer), answer
    assert "sales_2021" in first_line(answer), answer
    analysis, answer = ask(data, "regions", "2023년 매출 합계", mode)
    assert not analysis.declined, answer
    assert "sales_2023" in first_line(answer) and states(first_line(answer), frame["sales_2023"].sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_flag_of_each_wave(data, mode):
    d, _ = data["schooling"]
    analysis, answer = ask(data, "schooling", "how many people lived in the south in 1976?", mode)
    assert not analysis.declined, answer
    assert "south76" in first_line(answer) and states(first_line(answer), (d["south76"] == "yes").sum(), 0), answer
    analysis, answer = ask(data, "schooling", "average wage of people living in the south in 1976", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), d[d["south76"] == "yes"]["wage76"].mean(), 1), answer
    analysis, answer = ask(data, "schooling", "1966년 남부 거주자 수", mode)
    assert not analysis.declined, answer
    assert "south66" in first_line(answer) and states(first_line(answer), (d["south66"] == "yes").sum(), 0), answer
    # "1976" alone names ed76, wage76, south76: no one column, no answer about another one
    analysis, answer = ask(data, "schooling", "average in 1976", mode)
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_year_that_agrees_with_the_one_column_named(data, mode):
    frame, _ = data["players"]
    for question in ("who had the most homers in 1986", "1986년 homer 1위 선수는?"):
        analysis, answer = ask(data, "players", question, mode)
        assert not analysis.declined, (question, answer)
        assert states(first_line(answer), frame["homer86"].max(), 0), (question, answer)
    # a year of no wave of that measure is not read into it
    analysis, answer = ask(data, "players", "who had the most homers in 1987", mode)
    assert analysis.declined, answer
