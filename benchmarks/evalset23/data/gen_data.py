"""Seeded generator of the twenty-third evaluation set: datasets and questions (none is bundled).

    python benchmarks/evalset23/data/gen_data.py   # rewrites the CSVs and ../dev/questions.jsonl

The set is about tables that hold one kind of thing twice, in two roles (home/away team and score,
departure/arrival terminal, budget/actual cost, planned/actual date, white/black player and rating),
and about questions that pick one role ("at home", "홈에서", "부산행") or compare the two columns
("over budget", "late", "이긴 경기"). Every expected value is computed here with pandas, written
before looking at the analyst's vocabulary.

* KBO_경기결과.csv: Korean baseball games: 경기일자, 구장, 홈팀, 원정팀, 홈팀점수, 원정팀점수, 관중수.
* 고속버스_운행.csv: express bus runs: 운행일자, 출발터미널, 도착터미널, 예정소요시간(분),
  실제소요시간(분), 좌석수, 승객수.
* city_projects.csv: municipal capital projects: project_id, department, project_type, budget_usd,
  actual_cost_usd, planned_end, actual_end.
* chess_games.csv: online chess games shaped like the Lichess dump: game_id, rated, turns,
  victory_status, winner (white/black/draw), white_id, white_rating, black_id, black_rating,
  opening_name.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent
DEV = HERE.parent / "dev" / "questions.jsonl"

TEAMS = {  # team: stadium, crowd level
    "LG": ("잠실", 17000),
    "두산": ("잠실", 15500),
    "KIA": ("광주", 14000),
    "삼성": ("대구", 13500),
    "롯데": ("사직", 15000),
    "한화": ("대전", 9500),
    "SSG": ("문학", 12000),
    "NC": ("창원", 9000),
    "KT": ("수원", 10000),
    "키움": ("고척", 8000),
}


def kbo(rng: np.random.Generator) -> pd.DataFrame:
    teams = list(TEAMS)
    strength = dict(zip(teams, rng.normal(4.6, 0.5, len(teams))))
    days = pd.date_range("2024-04-02", "2024-09-30", freq="D")
    rows = []
    for day in days:
        if day.day_of_week == 0:  # no games on Mondays
            continue
        order = list(rng.permutation(teams))
        for i in range(0, 10, 2):
            if rng.random() < 0.25:
                continue
            home, away = order[i], order[i + 1]
            hs = int(rng.poisson(strength[home] + 0.4))
            as_ = int(rng.poisson(strength[away]))
            stadium, crowd = TEAMS[home]
            weekend = 1.3 if day.day_of_week >= 5 else 1.0
            att = int(min(24000, max(2500, rng.normal(crowd * weekend, 2200))))
            rows.append((day.strftime("%Y-%m-%d"), stadium, home, away, hs, as_, att))
    return pd.DataFrame(rows, columns=["경기일자", "구장", "홈팀", "원정팀", "홈팀점수", "원정팀점수", "관중수"])


TERMINALS = {"서울경부": 0, "부산": 270, "대전": 110, "광주": 200, "대구": 210, "강릉": 160, "전주": 165}


def bus(rng: np.random.Generator) -> pd.DataFrame:
    names = list(TERMINALS)
    days = pd.date_range("2024-03-01", "2024-03-31", freq="D")
    rows = []
    for _ in range(900):
        a, b = rng.choice(names, 2, replace=False)
        if a != "서울경부" and b != "서울경부" and rng.random() < 0.6:
            a = "서울경부"
        minutes = max(TERMINALS[a], TERMINALS[b]) if "서울경부" in (a, b) else abs(TERMINALS[a] - TERMINALS[b]) + 90
        planned = int(round(minutes / 5) * 5)
        delay = int(
            rng.choice(
                [-10, -5, 0, 0, 0, 5, 10, 15, 25, 40], p=[0.07, 0.12, 0.2, 0.1, 0.06, 0.15, 0.12, 0.08, 0.06, 0.04]
            )
        )
        seats = int(rng.choice([28, 45], p=[0.4, 0.6]))
        riders = int(min(seats, rng.binomial(seats, 0.78) + (rng.random() < 0.15) * seats))
        day = days[rng.integers(len(days))].strftime("%Y-%m-%d")
        rows.append((day, a, b, planned, planned + delay, seats, riders))
    df = pd.DataFrame(
        rows,
        columns=["운행일자", "출발터미널", "도착터미널", "예정소요시간(분)", "실제소요시간(분)", "좌석수", "승객수"],
    )
    return df.sort_values("운행일자", kind="stable").reset_index(drop=True)


def projects(rng: np.random.Generator) -> pd.DataFrame:
    depts = {"Public Works": 0.25, "Parks": 0.1, "IT": 0.35, "Water": 0.15, "Transportation": 0.2}
    types = {
        "Public Works": ["Road", "Building"],
        "Parks": ["Park", "Building"],
        "IT": ["Software"],
        "Water": ["Pipeline", "Building"],
        "Transportation": ["Road", "Bridge"],
    }
    rows = []
    for i in range(320):
        dept = str(rng.choice(list(depts)))
        ptype = str(rng.choice(types[dept]))
        budget = float(round(rng.lognormal(13.2, 0.8), -3))
        r = rng.random()
        if r < 0.12:
            actual = budget
        else:
            actual = float(round(budget * rng.normal(1.0 + depts[dept] * 0.4, 0.18), -2))
        planned = pd.Timestamp("2021-01-01") + pd.Timedelta(days=int(rng.integers(0, 1200)))
        slip = int(rng.normal(25 + 120 * depts[dept], 90))
        actual_end = planned + pd.Timedelta(days=slip)
        rows.append(
            (
                f"P-{1000 + i}",
                dept,
                ptype,
                budget,
                actual,
                planned.strftime("%Y-%m-%d"),
                actual_end.strftime("%Y-%m-%d"),
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "project_id",
            "department",
            "project_type",
            "budget_usd",
            "actual_cost_usd",
            "planned_end",
            "actual_end",
        ],
    )


PLAYERS = [
    "knightmare99",
    "pawnstorm",
    "bishop_bash",
    "queenie_k",
    "rookie_mistake",
    "castle_king",
    "e4_enjoyer",
    "sicilian_sam",
    "endgame_ella",
    "blitz_bora",
    "gambit_gary",
    "zugzwang_zoe",
    "fianchetto_fred",
    "tactics_tom",
    "minsu_chess",
    "jiyeon_k",
    "hikaru_fan",
    "caro_kahn",
]
OPENINGS = [
    "Sicilian Defense",
    "French Defense",
    "Queen's Gambit Declined",
    "Italian Game",
    "Ruy Lopez",
    "Caro-Kann Defense",
    "King's Indian Defense",
    "Scandinavian Defense",
]


def chess(rng: np.random.Generator) -> pd.DataFrame:
    base = dict(zip(PLAYERS, rng.integers(1250, 2250, len(PLAYERS))))
    rows = []
    for i in range(1100):
        w, b = rng.choice(PLAYERS, 2, replace=False)
        wr = int(base[w] + rng.integers(-60, 61))
        br = int(base[b] + rng.integers(-60, 61))
        p_white = 1 / (1 + 10 ** ((br - wr - 35) / 400))
        u = rng.random()
        if u < 0.08:
            winner, status = "draw", str(rng.choice(["draw", "outoftime"], p=[0.8, 0.2]))
        else:
            winner = "white" if rng.random() < p_white else "black"
            status = str(rng.choice(["resign", "mate", "outoftime"], p=[0.55, 0.3, 0.15]))
        turns = int(max(8, rng.normal(62, 25)))
        rows.append(
            (f"g{10000 + i}", bool(rng.random() < 0.8), turns, status, winner, w, wr, b, br, str(rng.choice(OPENINGS)))
        )
    return pd.DataFrame(
        rows,
        columns=[
            "game_id",
            "rated",
            "turns",
            "victory_status",
            "winner",
            "white_id",
            "white_rating",
            "black_id",
            "black_rating",
            "opening_name",
        ],
    )


def num(v, rel_tol=0.005, percent=False):
    e = {"kind": "number", "rel_tol": rel_tol, "value": float(v)}
    if percent:
        e["percent"] = True
    return e


def table(s: pd.Series, rel_tol=0.005):
    return {"kind": "table", "rel_tol": rel_tol, "value": {str(k): float(v) for k, v in s.items()}}


def label(s: pd.Series, pick="max"):
    s = s.sort_values(ascending=(pick == "min"))
    assert len(s) < 2 or s.iloc[0] != s.iloc[1], s.head()
    return {"kind": "label", "pick": pick, "value": str(s.index[0]), "others": [str(x) for x in s.index[1:]]}


DECLINE = {"kind": "decline"}


def chart(*cols):
    return {"kind": "chart", "columns": list(cols)}


def questions(k: pd.DataFrame, b: pd.DataFrame, p: pd.DataFrame, c: pd.DataFrame) -> list[dict]:
    qs: list[tuple] = []
    K, B, P, C = "KBO_경기결과.csv", "고속버스_운행.csv", "city_projects.csv", "chess_games.csv"
    hs, as_ = k["홈팀점수"], k["원정팀점수"]
    home_win = hs > as_
    qs += [
        ("k-01", K, "ko", "LG 홈경기 평균 관중수", num(k.loc[k["홈팀"] == "LG", "관중수"].mean())),
        ("k-02", K, "ko", "홈팀이 이긴 경기의 비율은?", num(home_win.mean(), percent=True)),
        ("k-03", K, "ko", "원정팀이 이긴 경기는 몇 경기야", num((as_ > hs).sum(), 0)),
        ("k-04", K, "ko", "무승부 경기 수", num((hs == as_).sum(), 0)),
        ("k-05", K, "ko", "경기당 평균 총득점 (홈+원정)", num((hs + as_).mean())),
        ("k-06", K, "ko", "두산이 원정에서 낸 평균 점수", num(k.loc[k["원정팀"] == "두산", "원정팀점수"].mean())),
        ("k-07", K, "ko", "한화가 홈에서 진 경기 수", num(((k["홈팀"] == "한화") & (hs < as_)).sum(), 0)),
        ("k-08", K, "ko", "팀별 홈경기 평균 관중수", table(k.groupby("홈팀")["관중수"].mean())),
        (
            "k-09",
            K,
            "ko",
            "KIA가 치른 경기는 모두 몇 경기?",
            num(((k["홈팀"] == "KIA") | (k["원정팀"] == "KIA")).sum(), 0),
        ),
        ("k-10", K, "ko", "홈팀 점수에서 원정팀 점수를 뺀 평균 점수차", num((hs - as_).mean())),
        ("k-11", K, "ko", "총 관중수가 가장 많은 구장은?", label(k.groupby("구장")["관중수"].sum())),
        (
            "k-12",
            K,
            "en",
            "Which team scored the most runs at home in total?",
            label(k.groupby("홈팀")["홈팀점수"].sum()),
        ),
        ("k-13", K, "en", "how many games did the away team win", num((as_ > hs).sum(), 0)),
        ("k-14", K, "en", "home win percentage", num(home_win.mean(), percent=True)),
        ("k-15", K, "ko", "다음 시즌 우승팀 예측해줘", DECLINE),
        ("k-16", K, "ko", "홈 어드밴티지 때문에 관중이 많은 건가요?", DECLINE),
        ("k-17", K, "ko", "삼성 원정경기 평균 관중", num(k.loc[k["원정팀"] == "삼성", "관중수"].mean())),
        (
            "k-18",
            K,
            "en",
            "average attendance when 롯데 plays at home",
            num(k.loc[k["홈팀"] == "롯데", "관중수"].mean()),
        ),
        ("k-19", K, "ko", "원정팀 평균 득점", num(as_.mean())),
        ("k-20", K, "en", "how many games did SSG play", num(((k["홈팀"] == "SSG") | (k["원정팀"] == "SSG")).sum(), 0)),
    ]
    plan, real = b["예정소요시간(분)"], b["실제소요시간(분)"]
    qs += [
        ("b-01", B, "ko", "예정보다 늦게 도착한 운행은 몇 건?", num((real > plan).sum(), 0)),
        ("b-02", B, "ko", "실제 소요시간이 예정 소요시간보다 긴 운행의 비율", num((real > plan).mean(), percent=True)),
        ("b-03", B, "ko", "부산에서 출발한 버스의 평균 승객수", num(b.loc[b["출발터미널"] == "부산", "승객수"].mean())),
        (
            "b-04",
            B,
            "ko",
            "부산 도착 버스 평균 실제소요시간",
            num(b.loc[b["도착터미널"] == "부산", "실제소요시간(분)"].mean()),
        ),
        ("b-05", B, "ko", "평균 지연시간 (실제-예정)", num((real - plan).mean())),
        ("b-06", B, "ko", "도착터미널별 운행 건수", table(b["도착터미널"].value_counts(), 0)),
        ("b-07", B, "ko", "대전에 도착하는 운행의 평균 승객수", num(b.loc[b["도착터미널"] == "대전", "승객수"].mean())),
        ("b-08", B, "ko", "출발터미널별 평균 승객수", table(b.groupby("출발터미널")["승객수"].mean())),
        ("b-09", B, "ko", "예정보다 빨리 도착한 운행 수", num((real < plan).sum(), 0)),
        (
            "b-10",
            B,
            "ko",
            "강릉 관련 운행은 총 몇 건? 출발이든 도착이든",
            num(((b["출발터미널"] == "강릉") | (b["도착터미널"] == "강릉")).sum(), 0),
        ),
        (
            "b-11",
            B,
            "ko",
            "승객수가 좌석수와 같은 운행, 즉 만석 운행은 몇 건",
            num((b["승객수"] == b["좌석수"]).sum(), 0),
        ),
        ("b-12", B, "en", "how many trips took longer than planned", num((real > plan).sum(), 0)),
        (
            "b-13",
            B,
            "en",
            "average actual travel time of buses departing from 광주",
            num(b.loc[b["출발터미널"] == "광주", "실제소요시간(분)"].mean()),
        ),
        ("b-14", B, "ko", "승객수 분포 히스토그램", chart("승객수")),
        ("b-15", B, "ko", "버스 요금 평균이 얼마야?", DECLINE),
        (
            "b-16",
            B,
            "ko",
            "서울경부에서 출발해서 부산에 도착한 운행의 평균 승객수",
            num(b.loc[(b["출발터미널"] == "서울경부") & (b["도착터미널"] == "부산"), "승객수"].mean()),
        ),
        ("b-17", B, "en", "number of runs arriving at 대구", num((b["도착터미널"] == "대구").sum(), 0)),
        ("b-18", B, "ko", "정시 도착 비율 (예정=실제)", num((real == plan).mean(), percent=True)),
    ]
    bud, act = p["budget_usd"], p["actual_cost_usd"]
    late = pd.to_datetime(p["actual_end"]) > pd.to_datetime(p["planned_end"])
    over = act > bud
    qs += [
        ("c-01", P, "en", "how many projects went over budget?", num(over.sum(), 0)),
        ("c-02", P, "en", "what share of projects finished late", num(late.mean(), percent=True)),
        ("c-03", P, "en", "average of actual cost minus budget", num((act - bud).mean())),
        (
            "c-04",
            P,
            "en",
            "which department has the highest share of projects over budget",
            label(over.groupby(p["department"]).mean()),
        ),
        (
            "c-05",
            P,
            "en",
            "average budget of Parks projects",
            num(p.loc[p["department"] == "Parks", "budget_usd"].mean()),
        ),
        ("c-06", P, "en", "how many projects came in under budget", num((act < bud).sum(), 0)),
        ("c-07", P, "ko", "예산보다 실제 비용이 많은 프로젝트는 몇 개?", num(over.sum(), 0)),
        ("c-08", P, "ko", "예산 초과 프로젝트 비율", num(over.mean(), percent=True)),
        ("c-09", P, "ko", "부서별 평균 실제 비용", table(p.groupby("department")["actual_cost_usd"].mean())),
        (
            "c-10",
            P,
            "en",
            "for Road projects, average overrun (actual minus budget)",
            num((act - bud)[p["project_type"] == "Road"].mean()),
        ),
        ("c-11", P, "en", "How many projects cost exactly their budget?", num((act == bud).sum(), 0)),
        ("c-12", P, "en", "why are IT projects always over budget?", DECLINE),
        ("c-13", P, "ko", "계획된 종료일보다 늦게 끝난 프로젝트 수", num(late.sum(), 0)),
        ("c-14", P, "en", "histogram of actual cost", chart("actual_cost_usd")),
        ("c-15", P, "ko", "부서별 예산 합계", table(p.groupby("department")["budget_usd"].sum())),
        ("c-16", P, "ko", "IT 부서 프로젝트 중 예산을 넘긴 건 몇 개", num((over & (p["department"] == "IT")).sum(), 0)),
        ("c-17", P, "ko", "실제비용 합계에서 예산 합계를 빼면?", num(act.sum() - bud.sum())),
        ("c-18", P, "en", "predict which of next year's projects will overrun", DECLINE),
    ]
    wr, br = c["white_rating"], c["black_rating"]
    played = lambda who: (c["white_id"] == who) | (c["black_id"] == who)  # noqa: E731
    qs += [
        ("h-01", C, "en", "how many games did white win", num((c["winner"] == "white").sum(), 0)),
        ("h-02", C, "en", "average rating of the white player", num(wr.mean())),
        (
            "h-03",
            C,
            "en",
            "how many games did knightmare99 play as black",
            num((c["black_id"] == "knightmare99").sum(), 0),
        ),
        ("h-04", C, "en", "how many games did pawnstorm play", num(played("pawnstorm").sum(), 0)),
        ("h-05", C, "en", "in how many games was white rated higher than black", num((wr > br).sum(), 0)),
        ("h-06", C, "en", "average rating difference, white minus black", num((wr - br).mean())),
        ("h-07", C, "ko", "백 레이팅이 흑 레이팅보다 높은 게임 비율", num((wr > br).mean(), percent=True)),
        ("h-08", C, "ko", "흑이 이긴 게임 수", num((c["winner"] == "black").sum(), 0)),
        ("h-09", C, "ko", "minsu_chess가 백으로 둔 게임 수", num((c["white_id"] == "minsu_chess").sum(), 0)),
        (
            "h-10",
            C,
            "en",
            "which opening has the longest games on average",
            label(c.groupby("opening_name")["turns"].mean()),
        ),
        ("h-11", C, "ko", "레이팅 차이가 승패에 영향을 주나요?", DECLINE),
        ("h-12", C, "ko", "흑 레이팅 분포 보여줘", chart("black_rating")),
        (
            "h-13",
            C,
            "en",
            "average black rating in games jiyeon_k played as white",
            num(c.loc[c["white_id"] == "jiyeon_k", "black_rating"].mean()),
        ),
        ("h-14", C, "ko", "jiyeon_k가 참여한 게임은 몇 판?", num(played("jiyeon_k").sum(), 0)),
        ("h-15", C, "ko", "무승부 비율", num((c["winner"] == "draw").mean(), percent=True)),
        (
            "h-16",
            C,
            "ko",
            "흑 레이팅이 백보다 높은 게임 중 흑이 이긴 게임 수",
            num(((br > wr) & (c["winner"] == "black")).sum(), 0),
        ),
        ("h-17", C, "en", "predict the winner of the next game between pawnstorm and queenie_k", DECLINE),
        ("h-18", C, "ko", "흑 평균 레이팅", num(br.mean())),
    ]
    return [{"id": i, "dataset": d, "lang": lang, "question": q, "expect": e, "code": ""} for i, d, lang, q, e in qs]


def main() -> None:
    rng = np.random.default_rng(23)
    frames = {
        "KBO_경기결과.csv": kbo(rng),
        "고속버스_운행.csv": bus(rng),
        "city_projects.csv": projects(rng),
        "chess_games.csv": chess(rng),
    }
    for name, df in frames.items():
        df.to_csv(HERE / name, index=False)
    # the expected values are computed from the files as written, read back as a user would
    back = [pd.read_csv(HERE / name) for name in frames]
    (HERE / "datasets.json").write_text(
        json.dumps({name: {"encoding": "utf-8"} for name in frames}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    DEV.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(q, ensure_ascii=False) for q in questions(*back)]
    DEV.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
