"""Builds `dev/questions.jsonl` of the twentieth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset20/data/gen_data.py && python benchmarks/evalset20/build.py

Written by helper i14u (Nov 2026, issue 14 round 11) before running the analyst on it and without
reading the planner's vocabulary. Its kind: arithmetic between answers and the words that connect
measures to conditions - a ratio or difference of two aggregates ("A 대비 B", "how much higher"),
rates per thing (경기당, per game, 인구 10만명당), percent change (증감률), negated conditions
(않은, 아닌, 제외, not, didn't, excluding), sums of several columns per row, linking verbs
(scored, waited, 걸린) and typos (avg, averge, 평군, attendence). Four domains no other set
uses: clinic visits and basketball games (English names), parcel deliveries and yearly disease
cases by province (Korean names).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
C, B, P, D = "clinic_visits.csv", "basketball_games.csv", "택배_배송.csv", "지역_감염병.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
# a change stated with its direction in words ("went down 3.4%", "0.4% 감소") is the same answer
PCS = {"rel_tol": 0.005, "percent": True, "either_sign": True}
CD = "d = pd.to_datetime(df['visit_date'])\n"
PD = "d = pd.to_datetime(df['주문일'])\n"
FEES = "(df['consult_fee'] + df['lab_fee'] + df['drug_fee'])"

QUESTIONS = [
    # --- clinic visits ------------------------------------------------------------------
    (
        "c-01",
        C,
        "en",
        "average wait time for patients who are not insured",
        "number",
        "result = df.loc[df['insured'] == 'No', 'wait_minutes'].mean()",
        N5,
    ),
    (
        "c-02",
        C,
        "en",
        "What's the average total cost per visit (consult + lab + drug fees)?",
        "number",
        f"result = {FEES}.mean()",
        N5,
    ),
    (
        "c-03",
        C,
        "en",
        "ratio of total lab fees to total drug fees",
        "number",
        "result = df['lab_fee'].sum() / df['drug_fee'].sum()",
        N5,
    ),
    (
        "c-04",
        C,
        "en",
        "how much higher is the average consult fee in Cardiology than in Dermatology",
        "number",
        "g = df.groupby('department')['consult_fee'].mean()\nresult = g['Cardiology'] - g['Dermatology']",
        N5,
    ),
    (
        "c-05",
        C,
        "en",
        "avg wait minutes at North clinic",
        "number",
        "result = df.loc[df['clinic'] == 'North', 'wait_minutes'].mean()",
        N5,
    ),
    (
        "c-06",
        C,
        "en",
        "averge patient age in pediatrics",
        "number",
        "result = df.loc[df['department'] == 'Pediatrics', 'patient_age'].mean()",
        N5,
    ),
    ("c-07", C, "en", "how many visits didn't need a follow up?", "number", "result = (~df['follow_up']).sum()", N0),
    (
        "c-08",
        C,
        "en",
        "share of visits where the patient waited more than 30 minutes",
        "number",
        "result = (df['wait_minutes'] > 30).mean()",
        PCT,
    ),
    (
        "c-09",
        C,
        "en",
        "percent change in the number of visits from 2023 to 2024",
        "number",
        CD + "n = d.dt.year.value_counts()\nresult = (n[2024] - n[2023]) / n[2023]",
        PCS,
    ),
    (
        "c-10",
        C,
        "en",
        "average drug fee excluding Dermatology",
        "number",
        "result = df.loc[df['department'] != 'Dermatology', 'drug_fee'].mean()",
        N5,
    ),
    (
        "c-11",
        C,
        "en",
        "how many patients waited over an hour?",
        "number",
        "result = (df['wait_minutes'] > 60).sum()",
        N0,
    ),
    (
        "c-12",
        C,
        "en",
        "average wait minutes by clinic",
        "table",
        "result = df.groupby('clinic')['wait_minutes'].mean()",
        N5,
    ),
    ("c-13", C, "en", "Does having insurance cause shorter waits?", "decline", "", {}),
    ("c-14", C, "en", "predict next month's wait times for the West clinic", "decline", "", {}),
    (
        "c-15",
        C,
        "en",
        "total lab fees for visits without insurance",
        "number",
        "result = df.loc[df['insured'] == 'No', 'lab_fee'].sum()",
        N5,
    ),
    ("c-16", C, "ko", "보험 없는 환자 수", "number", "result = (df['insured'] == 'No').sum()", N0),
    ("c-17", C, "ko", "consult_fee, lab_fee, drug_fee 세 개 합친 금액의 평균", "number", f"result = {FEES}.mean()", N5),
    (
        "c-18",
        C,
        "ko",
        "South 대비 North 평균 대기시간 비율",
        "number",
        "g = df.groupby('clinic')['wait_minutes'].mean()\nresult = g['North'] / g['South']",
        N5,
    ),
    (
        "c-19",
        C,
        "ko",
        "Cardiology 평균 대기시간",
        "number",
        "result = df.loc[df['department'] == 'Cardiology', 'wait_minutes'].mean()",
        N5,
    ),
    (
        "c-20",
        C,
        "ko",
        "Pediatrics가 아닌 진료과의 평균 나이",
        "number",
        "result = df.loc[df['department'] != 'Pediatrics', 'patient_age'].mean()",
        N5,
    ),
    # --- basketball games ----------------------------------------------------------------
    ("b-01", B, "en", "average attendance per game", "number", "result = df['attendance'].mean()", N5),
    (
        "b-02",
        B,
        "en",
        "total points per game on average (home + away)",
        "number",
        "result = (df['home_points'] + df['away_points']).mean()",
        N5,
    ),
    (
        "b-03",
        B,
        "en",
        "ratio of total home points to total away points",
        "number",
        "result = df['home_points'].sum() / df['away_points'].sum()",
        N5,
    ),
    (
        "b-04",
        B,
        "en",
        "percent change in total attendance from 2021 to 2023",
        "number",
        "s = df.groupby('season')['attendance'].sum()\nresult = (s[2023] - s[2021]) / s[2021]",
        # "2021" may also be read as game_date's calendar year (the season column is one reading)
        {
            **PCT,
            "also_rows": "(lambda y: (y[2023] - y[2021]) / y[2021])(df.groupby(pd.to_datetime(df['game_date']).dt.year)['attendance'].sum())",
        },
    ),
    (
        "b-05",
        B,
        "en",
        "how many games did the home team lose?",
        "number",
        "result = (df['home_points'] < df['away_points']).sum()",
        N0,
    ),
    (
        "b-06",
        B,
        "en",
        "average points the Hawks scored at home",
        "number",
        "result = df.loc[df['home_team'] == 'Hawks', 'home_points'].mean()",
        N5,
    ),
    (
        "b-07",
        B,
        "en",
        "average attendance when the home team is not the Tides",
        "number",
        "result = df.loc[df['home_team'] != 'Tides', 'attendance'].mean()",
        N5,
    ),
    (
        "b-08",
        B,
        "en",
        "which home team draws the biggest crowds on average?",
        "label",
        "result = df.groupby('home_team')['attendance'].mean()",
        {"pick": "max"},
    ),
    (
        "b-09",
        B,
        "en",
        "how much higher was average attendance in 2023 than in 2022?",
        "number",
        "g = df.groupby('season')['attendance'].mean()\nresult = g[2023] - g[2022]",
        {
            **N5,
            "also_rows": "(lambda y: y[2023] - y[2022])(df.groupby(pd.to_datetime(df['game_date']).dt.year)['attendance'].mean())",
        },
    ),
    ("b-10", B, "en", "home win percentage", "number", "result = (df['home_points'] > df['away_points']).mean()", PCT),
    (
        "b-11",
        B,
        "en",
        "average point difference, home minus away",
        "number",
        "result = (df['home_points'] - df['away_points']).mean()",
        N5,
    ),
    (
        "b-12",
        B,
        "en",
        "total attendence in the 2022 season",
        "number",
        "result = df.loc[df['season'] == 2022, 'attendance'].sum()",
        N0,
    ),
    ("b-13", B, "en", "who will win the 2024 title?", "decline", "", {}),
    ("b-14", B, "ko", "경기당 평균 관중수", "number", "result = df['attendance'].mean()", N5),
    (
        "b-15",
        B,
        "ko",
        "home_points 합계를 away_points 합계로 나눈 값",
        "number",
        "result = df['home_points'].sum() / df['away_points'].sum()",
        N5,
    ),
    (
        "b-16",
        B,
        "ko",
        "2022 시즌 대비 2023 시즌 관중 합계 증감률",
        "number",
        "s = df.groupby('season')['attendance'].sum()\nresult = (s[2023] - s[2022]) / s[2022]",
        PCT,
    ),
    (
        "b-17",
        B,
        "ko",
        "Hawks가 홈에서 낸 평균 득점",
        "number",
        "result = df.loc[df['home_team'] == 'Hawks', 'home_points'].mean()",
        N5,
    ),
    # --- parcels (Korean names) ----------------------------------------------------------
    (
        "p-01",
        P,
        "ko",
        "파손 안 된 택배의 평균 배송일수",
        "number",
        "result = df.loc[df['파손여부'] == 'N', '배송일수'].mean()",
        N5,
    ),
    (
        "p-02",
        P,
        "ko",
        "배송비와 포장비를 합친 금액의 평균",
        "number",
        "result = (df['배송비'] + df['포장비']).mean()",
        N5,
    ),
    (
        "p-03",
        P,
        "ko",
        "서울 평균 배송비 대비 제주 평균 배송비 비율",
        "number",
        "g = df.groupby('지역')['배송비'].mean()\nresult = g['제주'] / g['서울']",
        N5,
    ),
    ("p-04", P, "ko", "택배사별 평균 배송일수", "table", "result = df.groupby('택배사')['배송일수'].mean()", N5),
    ("p-05", P, "ko", "반품되지 않은 주문 건수", "number", "result = (df['반품'] == 0).sum()", N0),
    (
        "p-06",
        P,
        "ko",
        "2023년 대비 2024년 주문 건수 증감률",
        "number",
        PD + "n = d.dt.year.value_counts()\nresult = (n[2024] - n[2023]) / n[2023]",
        PCS,
    ),
    (
        "p-07",
        P,
        "ko",
        "롯데 택배의 파손 비율",
        "number",
        "result = (df.loc[df['택배사'] == '롯데', '파손여부'] == 'Y').mean()",
        PCT,
    ),
    ("p-08", P, "ko", "무게 5kg 넘는 택배 비율", "number", "result = (df['무게_kg'] > 5).mean()", PCT),
    (
        "p-09",
        P,
        "ko",
        "제주 제외한 지역의 평균 배송일수",
        "number",
        "result = df.loc[df['지역'] != '제주', '배송일수'].mean()",
        N5,
    ),
    ("p-10", P, "ko", "배송비 총합을 주문 건수로 나눈 값", "number", "result = df['배송비'].sum() / len(df)", N5),
    ("p-11", P, "ko", "평군 배송일수", "number", "result = df['배송일수'].mean()", N5),
    (
        "p-12",
        P,
        "ko",
        "대한통운이 아닌 택배사의 평균 무게",
        "number",
        "result = df.loc[df['택배사'] != '대한통운', '무게_kg'].mean()",
        N5,
    ),
    ("p-13", P, "ko", "배송일수 3일 이상 걸린 비율", "number", "result = (df['배송일수'] >= 3).mean()", PCT),
    ("p-14", P, "ko", "배송이 늦으면 왜 반품이 늘어나?", "decline", "", {}),
    ("p-15", P, "ko", "내년 택배 물량 예측해줘", "decline", "", {}),
    ("p-16", P, "ko", "지역별 주문 건수", "table", "result = df['지역'].value_counts()", N0),
    (
        "p-17",
        P,
        "ko",
        "한진 평균 배송비에서 우체국 평균 배송비를 뺀 값",
        "number",
        "g = df.groupby('택배사')['배송비'].mean()\nresult = g['한진'] - g['우체국']",
        {"rel_tol": 0.005, "either_sign": True},
    ),
    (
        "p-18",
        P,
        "en",
        "average shipping fee for parcels that were not returned",
        "number",
        "result = df.loc[df['반품'] == 0, '배송비'].mean()",
        N5,
    ),
    (
        "p-19",
        P,
        "ko",
        "파손여부가 Y가 아닌 건의 배송비 합계",
        "number",
        "result = df.loc[df['파손여부'] != 'Y', '배송비'].sum()",
        N0,
    ),
    # --- disease cases by province (Korean names) ----------------------------------------
    (
        "d-01",
        D,
        "ko",
        "2023년 인구 10만명당 확진자수가 가장 높은 시도는?",
        "label",
        "x = df[df['연도'] == 2023].set_index('시도')\nresult = x['확진자수'] / x['인구'] * 100000",
        {"pick": "max"},
    ),
    (
        "d-02",
        D,
        "ko",
        "2022년 대비 2023년 전체 확진자수 증감률",
        "number",
        "s = df.groupby('연도')['확진자수'].sum()\nresult = (s[2023] - s[2022]) / s[2022]",
        PCS,
    ),
    ("d-03", D, "ko", "연도별 확진자 합계", "table", "result = df.groupby('연도')['확진자수'].sum()", N0),
    (
        "d-04",
        D,
        "ko",
        "사망자수 합계를 확진자수 합계로 나눈 값",
        "number",
        "result = df['사망자수'].sum() / df['확진자수'].sum()",
        {"rel_tol": 0.005, "percent": True},
    ),
    (
        "d-05",
        D,
        "ko",
        "2021년 서울 인구 10만명당 확진자 수",
        "number",
        "x = df[(df['연도'] == 2021) & (df['시도'] == '서울')].iloc[0]\nresult = x['확진자수'] / x['인구'] * 100000",
        N5,
    ),
    (
        "d-06",
        D,
        "ko",
        "서울 제외 확진자수 합계",
        "number",
        "result = df.loc[df['시도'] != '서울', '확진자수'].sum()",
        N0,
    ),
    (
        "d-07",
        D,
        "en",
        "percent change in total cases from 2019 to 2023",
        "number",
        "s = df.groupby('연도')['확진자수'].sum()\nresult = (s[2023] - s[2019]) / s[2019]",
        PCS,
    ),
    ("d-08", D, "ko", "확진자수 평균", "number", "result = df['확진자수'].mean()", N5),
    ("d-09", D, "ko", "감염병이 왜 제주에서 많아?", "decline", "", {}),
    ("d-10", D, "ko", "사망자가 10명 넘은 경우는 몇 건?", "number", "result = (df['사망자수'] > 10).sum()", N0),
    (
        "d-11",
        D,
        "en",
        "cases per 100,000 people in 부산 in 2020",
        "number",
        "x = df[(df['연도'] == 2020) & (df['시도'] == '부산')].iloc[0]\nresult = x['확진자수'] / x['인구'] * 100000",
        N5,
    ),
    (
        "d-12",
        D,
        "ko",
        "2019년 대비 2021년 서울 확진자수 몇 % 늘었어?",
        "number",
        "x = df[df['시도'] == '서울'].set_index('연도')['확진자수']\nresult = (x[2021] - x[2019]) / x[2019]",
        PCT,
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
