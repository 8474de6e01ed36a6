"""Tables that hold one kind of thing twice, in two roles (home_team/away_team with their scores,
출발터미널/도착터미널, budget/actual_cost, 예정/실제 소요시간): the offline analyst pairs those columns
(catalog.role_pairs), a role word of the question picks its column ("at home", "홈경기", "도착한"),
who won compares the pair of scores ("the home team lost": home < away), "over budget" compares
one column of a pair with the other, and "late" a planned/actual pair of numbers; a value of both
columns with no role word is a value of either ("games the Hawks played"). Each question
through both renderers (pandas, and the dataset held in DuckDB); a question that names no role
where one is needed is declined. All of these were declined or answered wrongly before.
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
    root = tmp_path_factory.mktemp("pairs")
    rng = np.random.default_rng(14)
    teams = ["Hawks", "Tides", "Comets", "Rangers"]
    n = 240
    home = rng.choice(teams, n)
    away = np.array([rng.choice([t for t in teams if t != h]) for h in home])
    games = pd.DataFrame(
        {
            "game_date": pd.date_range("2023-04-01", periods=n, freq="D").strftime("%Y-%m-%d"),
            "home_team": home,
            "away_team": away,
            "home_points": rng.integers(70, 120, n),
            "away_points": rng.integers(68, 118, n),
            "attendance": rng.integers(3000, 20000, n),
        }
    )
    kteams = ["울산", "전북", "포항", "서울"]
    h = rng.choice(kteams, 200)
    kleague = pd.DataFrame(
        {
            "경기일자": np.repeat(pd.date_range("2024-03-01", periods=100, freq="D").strftime("%Y-%m-%d"), 2),
            "홈팀": h,
            "원정팀": [rng.choice([t for t in kteams if t != x]) for x in h],
            "홈팀득점": rng.integers(0, 4, 200),
            "원정팀득점": rng.integers(0, 4, 200),
            "관중수": rng.integers(2000, 30000, 200),
        }
    )
    stops = ["서울", "부산", "대전", "광주"]
    start = rng.choice(stops, 300)
    planned = rng.choice([110, 200, 270], 300)
    bus = pd.DataFrame(
        {
            "출발터미널": start,
            "도착터미널": [rng.choice([s for s in stops if s != x]) for x in start],
            "예정소요시간": planned,
            "실제소요시간": planned + rng.choice([-10, 0, 0, 5, 20], 300),
            "승객수": rng.integers(5, 45, 300),
        }
    )
    budget = np.round(rng.uniform(1e5, 1e6, 150), -3)
    projects = pd.DataFrame(
        {
            "department": rng.choice(["IT", "Parks", "Water"], 150),
            "budget_usd": budget,
            "actual_cost_usd": np.where(
                rng.random(150) < 0.2, budget, np.round(budget * rng.normal(1.1, 0.2, 150), -2)
            ),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("games", games), ("k리그", kleague), ("고속버스", bus), ("projects", projects)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_role_word_picks_its_column_of_a_pair(data, mode):
    frame, _ = data["games"]
    # "Hawks" is a value of home_team and away_team, "points" names home_points and away_points
    answer = answered(data, "games", "average points the Hawks scored at home", mode)
    expected = frame.loc[frame["home_team"] == "Hawks", "home_points"].mean()
    assert states(first_line(answer), expected), answer
    assert "home_team = Hawks" in first_line(answer), answer
    frame, _ = data["k리그"]
    answer = answered(data, "k리그", "울산 홈경기 평균 관중수", mode)
    assert states(first_line(answer), frame.loc[frame["홈팀"] == "울산", "관중수"].mean()), answer
    answer = answered(data, "k리그", "전북이 원정에서 낸 평균 득점", mode)
    assert states(first_line(answer), frame.loc[frame["원정팀"] == "전북", "원정팀득점"].mean()), answer
    frame, _ = data["고속버스"]
    # in Korean the role follows its value: 서울 departs, 부산 is arrived at
    answer = answered(data, "고속버스", "서울에서 출발해서 부산에 도착한 운행의 평균 승객수", mode)
    expected = frame.loc[(frame["출발터미널"] == "서울") & (frame["도착터미널"] == "부산"), "승객수"].mean()
    assert states(first_line(answer), expected), answer


@pytest.mark.parametrize("mode", MODES)
def test_without_a_role_word_a_value_of_both_columns_is_either(data, mode):
    frame, _ = data["games"]
    either = (frame["home_team"] == "Hawks") | (frame["away_team"] == "Hawks")
    answer = answered(data, "games", "how many games did the Hawks play", mode)
    assert states(first_line(answer), either.sum(), 0), answer
    assert "home_team or away_team = Hawks" in first_line(answer), answer
    answer = answered(data, "games", "average attendance of Hawks games", mode)
    assert states(first_line(answer), frame.loc[either, "attendance"].mean()), answer
    frame, _ = data["고속버스"]
    answer = answered(data, "고속버스", "대전 운행은 몇 건? 출발이든 도착이든", mode)
    assert states(first_line(answer), ((frame["출발터미널"] == "대전") | (frame["도착터미널"] == "대전")).sum(), 0), (
        answer
    )
    # who won needs the side: the Hawks winning at home is another condition than away
    declined(data, "games", "how many games did the Hawks win", mode)


@pytest.mark.parametrize("mode", MODES)
def test_who_won_compares_the_pair_of_scores(data, mode):
    frame, _ = data["games"]
    answer = answered(data, "games", "how many games did the home team lose?", mode)
    assert states(first_line(answer), (frame["home_points"] < frame["away_points"]).sum(), 0), answer
    assert "home_points − away_points < 0" in first_line(answer), answer  # the reading, restated
    answer = answered(data, "games", "home win percentage", mode)
    share = (frame["home_points"] > frame["away_points"]).mean()
    assert states(first_line(answer), 100 * share, 0) or states(first_line(answer), 100 * share, 1), answer
    frame, _ = data["k리그"]
    answer = answered(data, "k리그", "원정팀이 이긴 경기는 몇 경기야", mode)
    assert states(first_line(answer), (frame["원정팀득점"] > frame["홈팀득점"]).sum(), 0), answer
    answer = answered(data, "k리그", "무승부 경기 수", mode)
    assert states(first_line(answer), (frame["원정팀득점"] == frame["홈팀득점"]).sum(), 0), answer
    answer = answered(data, "k리그", "울산이 홈에서 진 경기 수", mode)
    lost = (frame["홈팀"] == "울산") & (frame["홈팀득점"] < frame["원정팀득점"])
    assert states(first_line(answer), lost.sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_one_side_of_a_pair_compared_is_the_other_against_it(data, mode):
    frame, _ = data["projects"]
    over, under = frame["actual_cost_usd"] > frame["budget_usd"], frame["actual_cost_usd"] < frame["budget_usd"]
    answer = answered(data, "projects", "how many projects went over budget?", mode)
    assert states(first_line(answer), over.sum(), 0), answer
    answer = answered(data, "projects", "how many projects came in under budget", mode)
    assert states(first_line(answer), under.sum(), 0), answer
    answer = answered(data, "projects", "How many projects cost exactly their budget?", mode)
    assert states(first_line(answer), (frame["actual_cost_usd"] == frame["budget_usd"]).sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_late_and_early_on_a_planned_and_actual_pair_of_numbers(data, mode):
    frame, _ = data["고속버스"]
    answer = answered(data, "고속버스", "예정보다 늦게 도착한 운행은 몇 건?", mode)
    assert states(first_line(answer), (frame["실제소요시간"] > frame["예정소요시간"]).sum(), 0), answer
    answer = answered(data, "고속버스", "예정보다 빨리 도착한 운행 수", mode)
    assert states(first_line(answer), (frame["실제소요시간"] < frame["예정소요시간"]).sum(), 0), answer
    # "지연시간" is the amount of a delay, never a condition on it: the mean delay, or declined
    analysis, answer = ask(data, "고속버스", "평균 지연시간", mode)
    expected = (frame["실제소요시간"] - frame["예정소요시간"]).mean()
    assert analysis.declined or states(first_line(answer), expected), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_count_of_what_a_date_column_dates_counts_rows(data, mode):
    frame, _ = data["k리그"]
    # 경기일자 is the games' date: "경기 수" is the number of games (rows), not of dates
    answer = answered(data, "k리그", "서울 홈경기 수", mode)
    assert states(first_line(answer), (frame["홈팀"] == "서울").sum(), 0), answer
