"""Readings of scores and points found by evalset16 (exam results, match results): a word for the
kind of value said after a column's statistic ("수학 평균 점수": the mean of 수학) and numbers
written in points or goals ("90점 이상", "3골 이상"). Each in both renderers, with the near
variant that must decline."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_plans import MODES, ask


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("scores")
    rng = np.random.default_rng(16)
    n = 90
    exams = pd.DataFrame(
        {
            "학번": np.arange(20240001, 20240001 + n),
            "반": rng.choice(["1반", "2반", "3반"], n),
            "국어": rng.integers(30, 101, n),
            "수학": rng.integers(20, 101, n),
        }
    )
    games = pd.DataFrame(
        {
            "홈팀": rng.choice(["울산", "전북", "포항"], n),
            "홈득점": rng.poisson(1.6, n),
            "원정득점": rng.poisson(1.1, n),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("exams", exams), ("games", games)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_word_for_the_kind_of_value_after_a_statistic_describes_the_column(data, mode):
    frame, _ = data["exams"]
    analysis, answer = ask(data, "exams", "수학 평균 점수는?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame["수학"].mean(), 2), answer
    analysis, answer = ask(data, "exams", "반별 국어 평균 점수", mode)
    assert not analysis.declined, answer
    for group, mean in frame.groupby("반")["국어"].mean().items():
        line = next(x for x in answer.splitlines() if group in x)
        assert states(line, mean, 2), (group, answer)
    # a measure the data lacks is still not the column before it
    analysis, _ = ask(data, "exams", "수학 평균 습도는?", mode)
    assert analysis.declined


@pytest.mark.parametrize("mode", MODES)
def test_points_and_goals_are_numbers_of_the_column_they_follow(data, mode):
    frame, _ = data["exams"]
    analysis, answer = ask(data, "exams", "국어 점수가 60점에서 80점 사이인 건 몇 개?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int(frame["국어"].between(60, 80).sum()), 0), answer
    games, _ = data["games"]
    analysis, answer = ask(data, "games", "홈득점이 3골 이상인 경기 수", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int((games["홈득점"] >= 3).sum()), 0), answer
