"""Words of sport the lexicon lacked (session 25, benchmarks/evalset48: HSAUR's heptathlon,
athletes named in a first column), through both renderers (pandas, and the dataset held in DuckDB):

* an athlete (competitor, contestant) is a noun for rows of people, of a kind with players and 선수:
  "how many athletes", "top 3 athletes by javelin" are the rows;
* "competed" (participated, took part, 출전한, 참가한) only says the row's person took part: "how
  many athletes competed" counts them;
* the Korean names of the heptathlon's events (포환던지기 shot, 창던지기 javelin, 멀리뛰기 longjump,
  높이뛰기 highjump, 허들 hurdles) name the columns the English words do;
* "15m" is 15 metres, not 15 million, against a column of no unit whose values hold 15 and never
  come near 15 million (it had compared the shot put's distances with 15,000,000: a wrong answer);
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, held, states
from test_offline_context import answered

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    rng = np.random.default_rng(25)
    names = [f"{s} ({c})" for s, c in zip("Abe Bo Cruz Dahl Eno Fox Gal Hu Ito Jax".split(), ["USA", "GDR"] * 5)]
    sport = pd.DataFrame(
        {
            "name": names,
            "javelin": np.round(rng.uniform(35, 50, 10), 2),
            "shot": np.round(rng.uniform(11, 16, 10), 2),
            "score": rng.integers(5200, 7300, 10),
        }
    )
    return held(tmp_path_factory.mktemp("words"), {"heptathlon": sport})


@pytest.mark.parametrize("mode", MODES)
def test_athletes_are_the_rows(data, mode):
    frame, _ = data["heptathlon"]
    for question in ("How many athletes competed?", "How many athletes are there?"):
        answer = answered(data, "heptathlon", question, mode)
        assert states(first_line(answer), len(frame), 0), answer
    answer = answered(data, "heptathlon", "top 3 athletes by javelin", mode)
    top = frame.nlargest(3, "javelin")["name"].tolist()
    assert all(n in answer for n in top), answer
    assert answer.index(top[0]) < answer.index(top[1]) < answer.index(top[2]), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_events_korean_names(data, mode):
    frame, _ = data["heptathlon"]
    answer = answered(data, "heptathlon", "창던지기 평균", mode)
    assert states(first_line(answer), frame["javelin"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_metres_not_millions(data, mode):
    frame, _ = data["heptathlon"]
    answer = answered(data, "heptathlon", "how many rows have shot above 13m?", mode)
    assert states(first_line(answer), (frame["shot"] > 13).sum(), 0), answer
    answer = answered(data, "heptathlon", "포환던지기(shot) 기록이 13m 이상인 선수는 몇 명?", mode)
    assert states(first_line(answer), (frame["shot"] >= 13).sum(), 0), answer
