"""A place in a ranking said in Korean, through both renderers (pandas, and the dataset held in
DuckDB): "hits 1위 선수", "매출 2위 지역", "방식별 평균 가격 1위는?". A probe of session 23 (vcd's
Baseball) found "1위" and "2위" read only beside a word that ranks ("가장 높은", "두 번째로 많은"),
and every question that says the place alone declined. A place said alone ranks by the measure,
highest first: 1위 is the highest, 2위 the second highest, of the rows or of the groups asked.
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
    root = tmp_path_factory.mktemp("places")
    rng = np.random.default_rng(3)
    n = 80
    players = pd.DataFrame(
        {
            "name": [f"player{i:02d}" for i in range(n)],
            "team": rng.choice(["Bos", "NY", "Det", "Hou"], n),
            "hits": rng.choice(np.arange(100, 5000), n, replace=False),
            "salary": np.round(rng.uniform(70, 2400, n), 1),
        }
    )
    return held(root, {"players": players})


@pytest.mark.parametrize("mode", MODES)
def test_a_place_of_the_rows(data, mode):
    d, _ = data["players"]
    ranked = d.sort_values("hits", ascending=False)
    for question, place in (("hits 1위 선수는?", 0), ("hits 2위 선수", 1), ("안타 3위 선수 알려줘", 2)):
        analysis, answer = ask(data, "players", question, mode)
        assert not analysis.declined, (question, answer)
        row = ranked.iloc[place]
        assert states(first_line(answer), row["hits"], 0) and row["name"] in first_line(answer), (question, answer)


@pytest.mark.parametrize("mode", MODES)
def test_a_place_of_the_groups(data, mode):
    d, _ = data["players"]
    means = d.groupby("team")["salary"].mean().sort_values(ascending=False)
    for question, place in (("팀별 평균 salary 1위는?", 0), ("team별 평균 salary 2위", 1)):
        analysis, answer = ask(data, "players", question, mode)
        assert not analysis.declined, (question, answer)
        assert means.index[place] in first_line(answer), (question, answer)
        assert states(first_line(answer), means.iloc[place], 1), (question, answer)
