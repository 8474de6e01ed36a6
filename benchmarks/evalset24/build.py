"""Builds `dev/questions.jsonl` of the twenty-fourth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset24/data/gen_data.py && python benchmarks/evalset24/build.py

Written by helper i14x (Nov 2026, issue 14) before any change to the analyst and without
reading its vocabulary: rankings and busiest periods ("busiest hour of the day", "가장 한산한
요일", "rank the agents by ...", "마포구는 몇 위?", "second busiest queue", "top 3 months by
revenue") over four event logs of domains no other set has (a support line's calls, a gym
chain's check-ins over two years, a cinema chain's screenings with Korean names, a city's
complaints over three years with Korean names). "Which month had the most X" over data of several
years is a real ambiguity (a month of one year or a month of the calendar) and is expected to be
declined; within one year, or said "of the year", it is the calendar month.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
C, G, M, K = "support_calls.csv", "gym_visits.csv", "영화_관람.csv", "민원_접수.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
MAX, MIN = {"pick": "max"}, {"pick": "min"}
MMAX = {"pick": "max", "month_names": True}
ORD = {"ordered": True}
DECLINE = ("decline", "", {})
CD = "d = pd.to_datetime(df['call_start'])\n"
GD = "d = pd.to_datetime(df['checkin'])\n"
MD = "d = pd.to_datetime(df['상영일시'])\n"
KD = "d = pd.to_datetime(df['접수일시'])\n"
MONTHS = "January February March April May June July August September October November December".split()
#: weekday names in both languages, written here (not taken from Vista's wording)
WEEKDAYS = {
    "Monday": "월요일",
    "Tuesday": "화요일",
    "Wednesday": "수요일",
    "Thursday": "목요일",
    "Friday": "금요일",
    "Saturday": "토요일",
    "Sunday": "일요일",
}

QUESTIONS = [
    # --- support calls (2025-01..2025-06) -------------------------------------------------------
    ("c-01", C, "en", "busiest hour of the day for calls", "label", CD + "result = d.dt.hour.value_counts()", MAX),
    (
        "c-02",
        C,
        "en",
        "What's the slowest day of the week?",
        "label",
        CD + "result = d.dt.day_name().value_counts()",
        MIN,
    ),
    ("c-03", C, "en", "which queue gets the most calls", "label", "result = df['queue'].value_counts()", MAX),
    ("c-04", C, "ko", "통화가 가장 많이 몰리는 시간대는?", "label", CD + "result = d.dt.hour.value_counts()", MAX),
    (
        "c-05",
        C,
        "en",
        "rank the agents by average csat",
        "labels",
        "s = df.groupby('agent')['csat'].mean().sort_values(ascending=False)\nresult = list(s.index)",
        ORD,
    ),
    (
        "c-06",
        C,
        "en",
        "Where does Tom rank among agents by number of calls?",
        "number",
        "result = df['agent'].value_counts().rank(ascending=False)['Tom']",
        N0,
    ),
    (
        "c-07",
        C,
        "en",
        "second busiest queue",
        "label",
        "s = df['queue'].value_counts()\nresult = s.index[1]",
        {"others_from": "s"},
    ),
    (
        "c-08",
        C,
        "ko",
        "상담원별 평균 통화시간 순위",
        "labels",
        "s = df.groupby('agent')['duration_sec'].mean().sort_values(ascending=False)\nresult = list(s.index)",
        ORD,
    ),
    ("c-09", C, "en", "busiest month", "label", CD + "result = d.dt.month.value_counts()", MMAX),
    ("c-10", C, "en", "least popular queue", "label", "result = df['queue'].value_counts()", MIN),
    (
        "c-11",
        C,
        "en",
        "top 3 agents by total talk time",
        "labels",
        "s = df.groupby('agent')['duration_sec'].sum().sort_values(ascending=False)\nresult = list(s.index[:3])",
        {"ordered": True, "others_from": "s"},
    ),
    (
        "c-12",
        C,
        "ko",
        "요일별로 언제 전화가 제일 많이 와?",
        "label",
        CD + "result = d.dt.day_name().value_counts()",
        MAX,
    ),
    (
        "c-13",
        C,
        "en",
        "which queue has the longest calls on average",
        "label",
        "result = df.groupby('queue')['duration_sec'].mean()",
        MAX,
    ),
    ("c-14", C, "en", "why do Technical calls take longer?", *DECLINE),
    ("c-15", C, "ko", "다음 달 통화량 예측해줘", *DECLINE),
    (
        "c-16",
        C,
        "en",
        "peak hour for Billing calls",
        "label",
        CD + "result = d[df['queue'] == 'Billing'].dt.hour.value_counts()",
        MAX,
    ),
    # --- gym check-ins (2024-01..2025-12) -------------------------------------------------------
    ("g-01", G, "en", "peak hour at the gym", "label", GD + "result = d.dt.hour.value_counts()", MAX),
    ("g-02", G, "en", "most popular activity", "label", "result = df['activity'].value_counts()", MAX),
    ("g-03", G, "ko", "가장 인기 없는 운동 종목은?", "label", "result = df['activity'].value_counts()", MIN),
    (
        "g-04",
        G,
        "en",
        "rank branches by number of visits",
        "labels",
        "s = df['branch'].value_counts()\nresult = list(s.index)",
        ORD,
    ),
    ("g-05", G, "en", "busiest month of the year", "label", GD + "result = d.dt.month.value_counts()", MMAX),
    ("g-06", G, "en", "Which month had the most visits?", *DECLINE),
    (
        "g-07",
        G,
        "en",
        "which month in 2025 had the most check-ins",
        "label",
        GD + "result = d[d.dt.year == 2025].dt.month.value_counts()",
        MMAX,
    ),
    (
        "g-08",
        G,
        "ko",
        "2024년에 가장 붐볐던 요일",
        "label",
        GD + "result = d[d.dt.year == 2024].dt.day_name().value_counts()",
        MAX,
    ),
    ("g-09", G, "en", "quietest day of the week", "label", GD + "result = d.dt.day_name().value_counts()", MIN),
    (
        "g-10",
        G,
        "ko",
        "지점별 방문 수 순위에서 Northgate는 몇 위?",
        "number",
        "result = df['branch'].value_counts().rank(ascending=False)['Northgate']",
        N0,
    ),
    ("g-11", G, "en", "which year had more visits", "label", GD + "result = d.dt.year.value_counts()", MAX),
    (
        "g-12",
        G,
        "ko",
        "평균 운동 시간이 두 번째로 긴 종목",
        "label",
        "s = df.groupby('activity')['minutes'].mean().sort_values(ascending=False)\nresult = s.index[1]",
        {"others_from": "s"},
    ),
    (
        "g-13",
        G,
        "ko",
        "회원 유형별 방문 횟수 순위",
        "labels",
        "s = df['membership'].value_counts()\nresult = list(s.index)",
        ORD,
    ),
    ("g-14", G, "en", "does yoga make members stay longer?", *DECLINE),
    (
        "g-15",
        G,
        "en",
        "bottom 2 activities by visits",
        "labels",
        "s = df['activity'].value_counts().sort_values()\nresult = list(s.index[:2])",
        {"ordered": True, "others_from": "s"},
    ),
    # --- cinema screenings (2025) ---------------------------------------------------------------
    (
        "m-01",
        M,
        "ko",
        "관객이 제일 많이 몰리는 시간대",
        "label",
        MD + "result = df.groupby(d.dt.hour)['관객수'].sum()",
        MAX,
    ),
    (
        "m-02",
        M,
        "ko",
        "요일별로 관객이 언제 제일 많아?",
        "label",
        MD + "result = df.groupby(d.dt.day_name())['관객수'].sum()",
        MAX,
    ),
    ("m-03", M, "ko", "상영 횟수가 가장 적은 요일은?", "label", MD + "result = d.dt.day_name().value_counts()", MIN),
    (
        "m-04",
        M,
        "ko",
        "영화별 관객수 순위",
        "labels",
        "s = df.groupby('영화명')['관객수'].sum().sort_values(ascending=False)\nresult = list(s.index)",
        ORD,
    ),
    (
        "m-05",
        M,
        "ko",
        "매출액 기준 지점 순위",
        "labels",
        "s = df.groupby('지점')['매출액(원)'].sum().sort_values(ascending=False)\nresult = list(s.index)",
        ORD,
    ),
    (
        "m-06",
        M,
        "ko",
        "관객수 합계로 보면 잠실은 몇 위야?",
        "number",
        "result = df.groupby('지점')['관객수'].sum().rank(ascending=False)['잠실']",
        N0,
    ),
    (
        "m-07",
        M,
        "ko",
        "두 번째로 관객이 많은 영화는?",
        "label",
        "s = df.groupby('영화명')['관객수'].sum().sort_values(ascending=False)\nresult = s.index[1]",
        {"others_from": "s"},
    ),
    ("m-08", M, "ko", "관객이 가장 적은 장르", "label", "result = df.groupby('장르')['관객수'].sum()", MIN),
    (
        "m-09",
        M,
        "en",
        "top 3 months by revenue",
        "labels",
        MD
        + "s = df.groupby(d.dt.month_name())['매출액(원)'].sum().sort_values(ascending=False)\nresult = list(s.index[:3])",
        {"ordered": True, "others_from": "s", "year": 2025},
    ),
    (
        "m-10",
        M,
        "ko",
        "관객이 가장 많았던 달은?",
        "label",
        MD + "result = df.groupby(d.dt.month)['관객수'].sum()",
        MMAX,
    ),
    ("m-11", M, "ko", "지점별 평균 관객수", "table", "result = df.groupby('지점')['관객수'].mean()", N5),
    (
        "m-12",
        M,
        "en",
        "which genre sells the most tickets",
        "label",
        "result = df.groupby('장르')['관객수'].sum()",
        MAX,
    ),
    ("m-13", M, "ko", "이 영화들이 흥행한 이유가 뭐야?", *DECLINE),
    (
        "m-14",
        M,
        "en",
        "rank the genres by average audience per screening",
        "labels",
        "s = df.groupby('장르')['관객수'].mean().sort_values(ascending=False)\nresult = list(s.index)",
        ORD,
    ),
    # --- complaints (2023..2025) ----------------------------------------------------------------
    ("k-01", K, "ko", "민원이 가장 많이 들어오는 시간대", "label", KD + "result = d.dt.hour.value_counts()", MAX),
    ("k-02", K, "ko", "구별 민원 건수 순위", "labels", "s = df['자치구'].value_counts()\nresult = list(s.index)", ORD),
    (
        "k-03",
        K,
        "ko",
        "민원 건수로 보면 마포구는 몇 위?",
        "number",
        "result = df['자치구'].value_counts().rank(ascending=False)['마포구']",
        N0,
    ),
    ("k-04", K, "ko", "민원이 가장 많았던 해는?", "label", KD + "result = d.dt.year.value_counts()", MAX),
    (
        "k-05",
        K,
        "ko",
        "2024년에 민원이 제일 많았던 달",
        "label",
        KD + "result = d[d.dt.year == 2024].dt.month.value_counts()",
        MMAX,
    ),
    ("k-06", K, "ko", "민원이 가장 많은 달은?", *DECLINE),
    (
        "k-07",
        K,
        "ko",
        "평균 처리일수가 두 번째로 긴 민원 유형",
        "label",
        "s = df.groupby('민원유형')['처리일수'].mean().sort_values(ascending=False)\nresult = s.index[1]",
        {"others_from": "s"},
    ),
    ("k-08", K, "ko", "가장 한산한 요일", "label", KD + "result = d.dt.day_name().value_counts()", MIN),
    ("k-09", K, "en", "most common complaint type", "label", "result = df['민원유형'].value_counts()", MAX),
    (
        "k-10",
        K,
        "en",
        "rank complaint types by average satisfaction",
        "labels",
        "s = df.groupby('민원유형')['만족도'].mean().sort_values(ascending=False)\nresult = list(s.index)",
        ORD,
    ),
    (
        "k-11",
        K,
        "ko",
        "만족도가 가장 낮은 구는 어디야?",
        "label",
        "result = df.groupby('자치구')['만족도'].mean()",
        MIN,
    ),
    (
        "k-12",
        K,
        "ko",
        "불법주차 민원이 제일 많은 구",
        "label",
        "result = df.loc[df['민원유형'] == '불법주차', '자치구'].value_counts()",
        MAX,
    ),
    ("k-13", K, "ko", "소음 민원을 줄이려면 어떻게 해야 해?", *DECLINE),
    (
        "k-14",
        K,
        "en",
        "top 3 districts by complaints in 2025",
        "labels",
        KD + "s = df.loc[d.dt.year == 2025, '자치구'].value_counts()\nresult = list(s.index[:3])",
        {"ordered": True, "others_from": "s"},
    ),
    ("k-15", K, "ko", "연도별 민원 건수", "table", KD + "result = d.dt.year.value_counts()", N0),
    (
        "k-16",
        K,
        "ko",
        "민원 유형별로 건수 많은 순서대로 알려줘",
        "labels",
        "s = df['민원유형'].value_counts()\nresult = list(s.index)",
        ORD,
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


def weekday_names(row: dict) -> None:
    """A weekday named in either language: the Korean name is an alias, and so a competitor."""
    e = row["expect"]
    if e["kind"] == "label" and e["value"] in WEEKDAYS:
        e["also"] = [WEEKDAYS[e["value"]], e["value"][:3]]
        e["others"] = e["others"] + [WEEKDAYS[o] for o in e["others"]]


def month_names(row: dict, extra: dict) -> None:
    """Months of data within one year (`year`) may be named with it: "2025-08" is August."""
    e = row["expect"]
    if e["kind"] == "labels" and "year" in extra:
        y = extra["year"]
        e["also"] = {
            m: [f"{y}-{MONTHS.index(m) + 1:02d}", m[:3], f"{MONTHS.index(m) + 1}월"] for m in e["value"] if m in MONTHS
        }


def check_margins() -> None:
    """No expected winner, list or rank may rest on a tie (a tie would make two answers right)."""
    for qid, ds, _lang, _text, kind, code, extra in QUESTIONS:
        if kind not in ("label", "labels", "number") or not code:
            continue
        env: dict = {"df": load(ds), "pd": pd}
        exec(code, env)  # noqa: S102 - the set's own snippet
        r = env["result"]
        if kind == "number":
            if "rank(" in code:
                assert float(r).is_integer(), f"{qid}: a tied rank {r}"
            continue
        s = r if isinstance(r, pd.Series) else env["s"]
        k = len(r) if isinstance(r, list) else 1
        if not isinstance(r, (pd.Series, list)):  # the n-th: it and its neighbours
            k = list(s.index).index(r) + 1
        ordered = s.sort_values(ascending=extra.get("pick") == "min" or "sort_values()" in code)
        head = list(ordered.values[: k + 1])
        assert len(set(head)) == len(head), f"{qid}: tied values {ordered.head(k + 1).to_dict()}"


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    for r, q in zip(rows, QUESTIONS):
        weekday_names(r)
        month_names(r, q[6])
    check_margins()
    write(HERE, rows)
