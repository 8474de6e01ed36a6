"""A Korean question writes an English word of a longer column name as it sounds (보너스 for the
bonus of signing_bonus, 레이팅 for the rating of home_rating and away_rating), through both
renderers (pandas, and the dataset held in DuckDB). Session 21, the probe sets' declines
(evalset23's chess ratings, evalset34's GNP.deflator): a loanword had reached only a column
named by ONE English word (캐럿 for carat), so "흑 평균 레이팅" and "GNP 디플레이터 평균" were
declined as unknown words.

* the loanword names the one column whose name holds the word, as the English word does; a
  word two names hold (레이팅 of home_rating and away_rating) is left unknown and declined: with
  a pair's side words (홈 레이팅이 원정 레이팅보다 높은) the reading took one column twice, a
  wrong answer (evalset23 h-07);
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
def test_a_loanword_of_a_word_two_names_hold_stays_unknown(data, mode):
    # 레이팅 of home_rating and away_rating: with the side words of the pair the reading took one
    # of them twice (the share of one rating's total, a wrong answer), so the word is left unknown
    declined(data, "players", "레이팅 평균", mode)
    declined(data, "players", "홈 레이팅이 원정 레이팅보다 높은 선수 비율", mode)
