"""Builds `dev/questions.jsonl` of the twenty-second evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset22/data/gen_data.py && python benchmarks/evalset22/build.py

Written by helper i14v (Nov 2026, issue 14) before any code change and without reading the
planner's vocabulary, to probe one kind of question: the name people give one row ("how many
movies", "claims that took ...", "상담당 평균", "낸 건", "몇 대") and the light verbs put around
a measure ("earned", "scored", "took", "받은", "걸린", "낸"). Four domains not in the earlier sets
(films, insurance claims, a call centre's calls and a car park's sessions, the last two with
Korean names), asked the way people ask, with a few questions that must be declined.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
M, C, K, P = "movies.csv", "insurance_claims.csv", "콜센터_상담내역.csv", "주차장_이용내역.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
CD = "d = pd.to_datetime(df['filed_date'])\n"
KD = "d = pd.to_datetime(df['상담일자'])\n"
PD = "d = pd.to_datetime(df['입차시각'])\n"

QUESTIONS = [
    # --- movies ---------------------------------------------------------------------------
    ("m-01", M, "en", "how many movies are there?", "number", "result = len(df)", N0),
    (
        "m-02",
        M,
        "en",
        "how many movies earned more than 300 at the box office",
        "number",
        "result = (df['box_office_musd'] > 300).sum()",
        N0,
    ),
    ("m-03", M, "en", "average runtime per movie", "number", "result = df['runtime_min'].mean()", N5),
    (
        "m-04",
        M,
        "en",
        "which genre has the most movies",
        "label",
        "result = df['genre'].value_counts()",
        {"pick": "max"},
    ),
    ("m-05", M, "en", "how many films scored above 8?", "number", "result = (df['imdb_rating'] > 8).sum()", N0),
    (
        "m-06",
        M,
        "en",
        "average rating of movies released after 2015",
        "number",
        "result = df.loc[df['release_year'] > 2015, 'imdb_rating'].mean()",
        N5,
    ),
    ("m-07", M, "en", "number of movies per genre", "table", "result = df['genre'].value_counts()", N0),
    (
        "m-08",
        M,
        "en",
        "what's the average budget of an action movie",
        "number",
        "result = df.loc[df['genre'] == 'Action', 'budget_musd'].mean()",
        N5,
    ),
    ("m-09", M, "ko", "영화는 총 몇 편이야?", "number", "result = len(df)", N0),
    ("m-10", M, "ko", "평점 7점 이상 받은 영화 비율", "number", "result = (df['imdb_rating'] >= 7).mean()", PCT),
    (
        "m-11",
        M,
        "ko",
        "장르별 영화 한 편당 평균 상영시간",
        "table",
        "result = df.groupby('genre')['runtime_min'].mean()",
        N5,
    ),
    ("m-12", M, "ko", "2020년에 개봉한 영화 몇 편?", "number", "result = (df['release_year'] == 2020).sum()", N0),
    ("m-13", M, "en", "does a bigger budget cause a higher rating?", "decline", "", {}),
    ("m-14", M, "ko", "다음 작품의 흥행 수익을 예측해줘", "decline", "", {}),
    (
        "m-15",
        M,
        "en",
        "which director made the most movies",
        "label",
        "result = df['director'].value_counts()",
        {"pick": "max"},
    ),
    (
        "m-16",
        M,
        "en",
        "total box office of movies that ran longer than 150 minutes",
        "number",
        "result = df.loc[df['runtime_min'] > 150, 'box_office_musd'].sum()",
        N5,
    ),
    # --- insurance claims -----------------------------------------------------------------
    ("c-01", C, "en", "how many claims were denied?", "number", "result = (df['status'] == 'Denied').sum()", N0),
    ("c-02", C, "en", "average amount per claim", "number", "result = df['claim_amount'].mean()", N5),
    (
        "c-03",
        C,
        "en",
        "How many claims took more than 60 days to settle?",
        "number",
        "result = (df['days_to_settle'] > 60).sum()",
        N0,
    ),
    (
        "c-04",
        C,
        "en",
        "what share of claims took over 30 days",
        "number",
        "result = (df['days_to_settle'] > 30).mean()",
        PCT,
    ),
    ("c-05", C, "en", "number of claims by policy type", "table", "result = df['policy_type'].value_counts()", N0),
    (
        "c-06",
        C,
        "en",
        "total claim amount for Home claims in the North region",
        "number",
        "result = df.loc[(df['policy_type'] == 'Home') & (df['region'] == 'North'), 'claim_amount'].sum()",
        N5,
    ),
    (
        "c-07",
        C,
        "en",
        "average days to settle for each status",
        "table",
        "result = df.groupby('status')['days_to_settle'].mean()",
        N5,
    ),
    ("c-08", C, "ko", "보험 청구 건수는 총 몇 건이야?", "number", "result = len(df)", N0),
    ("c-09", C, "ko", "지역별 청구 건수", "table", "result = df['region'].value_counts()", N0),
    (
        "c-10",
        C,
        "ko",
        "Denied 된 건의 평균 청구금액",
        "number",
        "result = df.loc[df['status'] == 'Denied', 'claim_amount'].mean()",
        N5,
    ),
    (
        "c-11",
        C,
        "ko",
        "Auto 청구 한 건당 평균 금액",
        "number",
        "result = df.loc[df['policy_type'] == 'Auto', 'claim_amount'].mean()",
        N5,
    ),
    ("c-12", C, "en", "how many claimants are over 65?", "number", "result = (df['claimant_age'] > 65).sum()", N0),
    ("c-13", C, "en", "why are Travel claims denied more often?", "decline", "", {}),
    (
        "c-14",
        C,
        "ko",
        "청구 금액 합계가 가장 큰 달은?",
        "label",
        CD + "result = df.groupby(d.dt.month)['claim_amount'].sum()",
        {"pick": "max", "month_names": True},
    ),
    ("c-15", C, "en", "how many claims were filed in March?", "number", CD + "result = (d.dt.month == 3).sum()", N0),
    (
        "c-16",
        C,
        "en",
        "how many Health claims got approved",
        "number",
        "result = ((df['policy_type'] == 'Health') & (df['status'] == 'Approved')).sum()",
        N0,
    ),
    # --- call centre (Korean names) ---------------------------------------------------------
    ("k-01", K, "ko", "상담 건수는 총 몇 건?", "number", "result = len(df)", N0),
    ("k-02", K, "ko", "상담원별 상담 건수", "table", "result = df['상담원'].value_counts()", N0),
    ("k-03", K, "ko", "만족도 5점 받은 상담 비율", "number", "result = (df['만족도'] == 5).mean()", PCT),
    (
        "k-04",
        K,
        "ko",
        "통화가 10분 넘게 걸린 상담은 몇 건이야",
        "number",
        "result = (df['통화시간(분)'] > 10).sum()",
        N0,
    ),
    ("k-05", K, "ko", "상담당 평균 통화시간", "number", "result = df['통화시간(분)'].mean()", N5),
    (
        "k-06",
        K,
        "ko",
        "해결 안 된 건의 평균 대기시간",
        "number",
        "result = df.loc[df['해결여부'] == 'N', '대기시간(초)'].mean()",
        N5,
    ),
    ("k-07", K, "ko", "3월 상담 건수", "number", KD + "result = (d.dt.month == 3).sum()", N0),
    ("k-08", K, "ko", "만족도 4점 이상 받은 건수", "number", "result = (df['만족도'] >= 4).sum()", N0),
    ("k-09", K, "ko", "상담유형별 평균 만족도", "table", "result = df.groupby('상담유형')['만족도'].mean()", N5),
    ("k-10", K, "ko", "대기 300초 이상 걸린 상담 몇 건", "number", "result = (df['대기시간(초)'] >= 300).sum()", N0),
    (
        "k-11",
        K,
        "ko",
        "평균 만족도가 제일 높은 상담원은 누구?",
        "label",
        "result = df.groupby('상담원')['만족도'].mean()",
        {"pick": "max"},
    ),
    ("k-12", K, "en", "how many calls were there in total", "number", "result = len(df)", N0),
    ("k-13", K, "ko", "만족도를 높이려면 어떻게 해야 해?", "decline", "", {}),
    ("k-14", K, "ko", "상담 1건당 평균 대기시간은?", "number", "result = df['대기시간(초)'].mean()", N5),
    (
        "k-15",
        K,
        "ko",
        "기술지원 상담은 평균 몇 분 걸렸어?",
        "number",
        "result = df.loc[df['상담유형'] == '기술지원', '통화시간(분)'].mean()",
        N5,
    ),
    # --- car park (Korean names, no id column) ---------------------------------------------
    ("p-01", P, "ko", "주차 건수 총 몇 건?", "number", "result = len(df)", N0),
    ("p-02", P, "ko", "주차 1회당 평균 요금", "number", "result = df['주차요금(원)'].mean()", N5),
    ("p-03", P, "ko", "180분 넘게 주차한 차량은 몇 대?", "number", "result = (df['주차시간(분)'] > 180).sum()", N0),
    ("p-04", P, "ko", "요금 5000원 이상 낸 비율", "number", "result = (df['주차요금(원)'] >= 5000).mean()", PCT),
    ("p-05", P, "ko", "주차장별 이용 건수", "table", "result = df['주차장명'].value_counts()", N0),
    (
        "p-06",
        P,
        "ko",
        "경차는 평균 주차요금 얼마 냈어?",
        "number",
        "result = df.loc[df['차량구분'] == '경차', '주차요금(원)'].mean()",
        N5,
    ),
    ("p-07", P, "ko", "전기차 몇 대 들어왔어?", "number", "result = (df['차량구분'] == '전기차').sum()", N0),
    ("p-08", P, "ko", "결제수단별 주차요금 합계", "table", "result = df.groupby('결제수단')['주차요금(원)'].sum()", N0),
    ("p-09", P, "ko", "5월 이용 건수", "number", PD + "result = (d.dt.month == 5).sum()", N0),
    (
        "p-10",
        P,
        "en",
        "how many parking sessions were there in April?",
        "number",
        PD + "result = (d.dt.month == 4).sum()",
        N0,
    ),
    (
        "p-11",
        P,
        "ko",
        "차량구분별 평균 주차시간",
        "table",
        "result = df.groupby('차량구분')['주차시간(분)'].mean()",
        N5,
    ),
    ("p-12", P, "ko", "주차요금 0원 낸 건은 몇 건?", "number", "result = (df['주차요금(원)'] == 0).sum()", N0),
    ("p-13", P, "ko", "주차장을 하나 더 지어야 할까?", "decline", "", {}),
    (
        "p-14",
        P,
        "ko",
        "이용 건수가 제일 많은 주차장은?",
        "label",
        "result = df['주차장명'].value_counts()",
        {"pick": "max"},
    ),
    (
        "p-15",
        P,
        "ko",
        "체육공원에서 60분 이상 주차한 건의 평균 요금",
        "number",
        "result = df.loc[(df['주차장명'] == '체육공원') & (df['주차시간(분)'] >= 60), '주차요금(원)'].mean()",
        N5,
    ),
    ("p-16", P, "ko", "주차요금 평균 얼마 냈어", "number", "result = df['주차요금(원)'].mean()", N5),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
