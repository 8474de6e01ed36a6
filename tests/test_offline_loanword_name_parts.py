"""A Korean question writes an English word of a longer column name as it sounds (보너스 for the
bonus of signing_bonus, 레이팅 for the rating of home_rating and away_rating), through both
renderers (pandas, and the dataset held in DuckDB). Session 21, the probe sets' declines
(evalset23's chess ratings, evalset34's GNP.deflator): a loanword had reached only a column
named by ONE English word (캐럿 for carat), so "흑 평균 레이팅" and "GNP 디플레이터 평균" were
declined as unknown words.

* the loanword names every column whose name holds the word, as the English word does: with
  the other word of the name (홈 레이팅: home_rating) one column, alone (레이팅 평균) two, and
  the planner asks which (declined);
* the same sound and letter test as names of values in the other script; a word of four
  letters or more only, never a whole name of its own.
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
    root = tmp_path_factory.mktemp("loanparts")
    rng = np.random.default_rng(23)
    n = 60
    frames = {
        "players": pd.DataFrame(
            {
                "player": [f"P{i:02d}" for i in range(n)],
                "team": rng.choice(["Lions", "Tigers", "Bears"], n),
                "signing_bonus": rng.integers(100, 5000, n),
                "penalty_minutes": rng.integers(0, 120, n),
                "home_rating": np.round(rng.uniform(50, 99, n), 1),
                "away_rating": np.round(rng.uniform(50, 99, n), 1),
            }
        ),
    }
    out = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_loanword_names_the_column_whose_name_holds_the_word(data, mode):
    frame, _ = data["players"]
    answer = answered(data, "players", "페널티 합계", mode)
    assert states(first_line(answer), frame["penalty_minutes"].sum(), 0), answer
    answer = answered(data, "players", "보너스가 가장 많은 선수", mode)
    best = frame.loc[frame["signing_bonus"].idxmax()]
    assert best["player"] in first_line(answer) and states(first_line(answer), best["signing_bonus"], 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_loanword_with_the_other_word_of_the_name(data, mode):
    frame, _ = data["players"]
    answer = answered(data, "players", "홈 레이팅 평균", mode)
    assert states(first_line(answer), frame["home_rating"].mean()), answer
    answer = answered(data, "players", "원정 레이팅 최댓값", mode)
    assert states(first_line(answer), frame["away_rating"].max(), 1), answer
    # alone it names both ratings: which one is asked, never guessed
    declined(data, "players", "레이팅 평균", mode)
