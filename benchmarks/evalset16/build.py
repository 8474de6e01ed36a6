"""Builds `dev/questions.jsonl` of the sixteenth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset16/data/gen_data.py && python benchmarks/evalset16/build.py

The questions were written (Nov 2026, issue 14 round 10) the way people ask, before changing the
planner, over four domains no earlier set uses (school exams, HR records, football results,
disease counts in a wide table) and the shapes real files have: an ID-like number (학번,
employee_id), True/False columns, money and percents written as text ("$85,200", "12,000원",
"12.5%"), Korean months as text ("2024년 3월") and years as columns. The kinds: the share of rows
meeting a condition, a ratio of two aggregates, a change between years, distinct counts, the most
common value, the rank of a named item, ranges and exclusions, two named groups compared, a
per-row derived measure, typos, conditions on True/False columns, and what must be declined
(prediction, causation, a column the data lacks).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
S, E, M, F = "성적_2024.csv", "employees.csv", "k리그_경기.csv", "flu_cases_wide.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
P5 = {"rel_tol": 0.005, "percent": True}
ES = "sal = df['salary'].str.replace('[$,]', '', regex=True).astype(float)\n"
EB = "b = df['bonus'].str.rstrip('%').astype(float)\n"
EH = "h = pd.to_datetime(df['hire_date'])\n"
MF = "fee = df['입장료'].str.replace('[,원]', '', regex=True).astype(int)\n"
FL = "flu = df[df['disease'] == 'Influenza']\nmea = df[df['disease'] == 'Measles']\nper = df[df['disease'] == 'Pertussis']\n"
YEARS = "years = ['2019', '2020', '2021', '2022', '2023']\n"

QUESTIONS = [
    # --- 성적_2024: 40 students x 3 exams; 학번 is an ID, 시험 a Korean month as text ---------------
    ("s-01", S, "ko", "수학 평균 점수는?", "number", "result = df['수학'].mean()", N5),
    ("s-02", S, "ko", "수학 90점 이상 받은 비율은?", "number", "result = (df['수학'] >= 90).mean()", P5),
    (
        "s-03",
        S,
        "ko",
        "2024년 6월 시험 영어 평균",
        "number",
        "result = df.loc[df['시험'] == '2024년 6월', '영어'].mean()",
        N5,
    ),
    ("s-04", S, "ko", "반별 국어 평균 점수", "table", "result = df.groupby('반')['국어'].mean()", N5),
    ("s-05", S, "ko", "학생은 모두 몇 명이야?", "number", "result = df['학번'].nunique()", N0),
    (
        "s-06",
        S,
        "ko",
        "방과후 참여한 학생들의 수학 평균은?",
        "number",
        "result = df.loc[df['방과후참여'], '수학'].mean()",
        N5,
    ),
    (
        "s-07",
        S,
        "ko",
        "방과후에 참여하지 않은 경우 영어 평균",
        "number",
        "result = df.loc[~df['방과후참여'], '영어'].mean()",
        N5,
    ),
    (
        "s-08",
        S,
        "ko",
        "남학생과 여학생 중 국어 평균이 더 높은 쪽은?",
        "label",
        "result = df.groupby('성별')['국어'].mean()",
        {"pick": "max"},
    ),
    (
        "s-09",
        S,
        "ko",
        "국어 점수가 60점에서 80점 사이인 건 몇 개?",
        "number",
        "result = df['국어'].between(60, 80).sum()",
        N0,
    ),
    ("s-10", S, "ko", "1반을 제외한 수학 평균", "number", "result = df.loc[df['반'] != '1반', '수학'].mean()", N5),
    (
        "s-11",
        S,
        "ko",
        "9월 시험에서 수학 점수가 가장 높은 학생은 누구?",
        "label",
        "result = df[df['시험'] == '2024년 9월'].set_index('이름')['수학']",
        {"pick": "max"},
    ),
    (
        "s-12",
        S,
        "ko",
        "3월 시험과 6월 시험의 수학 평균 차이는?",
        "number",
        "g = df.groupby('시험')['수학'].mean()\nresult = g['2024년 6월'] - g['2024년 3월']",
        {**N5, "either_sign": True},
    ),
    (
        "s-13",
        S,
        "ko",
        "영어 평균을 수학 평균으로 나눈 값",
        "number",
        "result = df['영어'].mean() / df['수학'].mean()",
        N5,
    ),
    ("s-14", S, "ko", "3반 학생들의 국어 최저 점수", "number", "result = df.loc[df['반'] == '3반', '국어'].min()", N0),
    ("s-15", S, "ko", "국어 평군", "number", "result = df['국어'].mean()", N5),
    ("s-16", S, "ko", "다음 시험의 수학 점수를 예측해줘", "decline", "", {}),
    ("s-17", S, "ko", "학생들의 체육 점수 평균", "decline", "", {}),
    (
        "s-18",
        S,
        "ko",
        "학번 20240007 학생의 2024년 9월 영어 점수",
        "number",
        "result = df.loc[(df['학번'] == 20240007) & (df['시험'] == '2024년 9월'), '영어'].sum()",
        N0,
    ),
    ("s-19", S, "en", "What share of exams had a math score below 50?", "number", "result = (df['수학'] < 50).mean()", P5),
    (
        "s-20",
        S,
        "en",
        "average english score of students in the after-school program",
        "number",
        "result = df.loc[df['방과후참여'], '영어'].mean()",
        N5,
    ),
    (
        "s-21",
        S,
        "ko",
        "국어, 수학, 영어 세 과목 합계 점수의 평균",
        "number",
        "result = (df['국어'] + df['수학'] + df['영어']).mean()",
        N5,
    ),
    # --- employees: salary "$85,200", bonus "12.5%", remote True/False, employee_id an ID -----------
    ("e-01", E, "en", "What is the average salary?", "number", ES + "result = sal.mean()", N5),
    ("e-02", E, "en", "average salary by department", "table", ES + "result = sal.groupby(df['department']).mean()", N5),
    ("e-03", E, "en", "what percentage of employees work remotely?", "number", "result = df['remote'].mean()", P5),
    ("e-04", E, "en", "How many employees are in Engineering?", "number", "result = (df['department'] == 'Engineering').sum()", N0),
    (
        "e-05",
        E,
        "en",
        "Which department has the most employees?",
        "label",
        "result = df['department'].value_counts()",
        {"pick": "max"},
    ),
    ("e-06", E, "en", "most common performance rating", "label", "result = df['rating'].value_counts()", {"pick": "max"}),
    (
        "e-07",
        E,
        "en",
        "How many people were hired between 2015 and 2017?",
        "number",
        EH + "result = h.dt.year.between(2015, 2017).sum()",
        N0,
    ),
    (
        "e-08",
        E,
        "en",
        "Do Sales or Marketing employees earn more on average?",
        "label",
        ES + "result = sal.groupby(df['department']).mean()[['Sales', 'Marketing']]",
        {"pick": "max"},
    ),
    ("e-09", E, "en", "total payroll for the Finance department", "number", ES + "result = sal[df['department'] == 'Finance'].sum()", N5),
    ("e-10", E, "en", "highest bonus", "number", EB + "result = b.max() / 100", {**P5, "also_rows": "b.max()"}),
    ("e-11", E, "en", "average salary excluding Support", "number", ES + "result = sal[df['department'] != 'Support'].mean()", N5),
    ("e-12", E, "en", "how many employees earn more than $100,000?", "number", ES + "result = (sal > 100000).sum()", N0),
    (
        "e-13",
        E,
        "en",
        "ratio of total Engineering salaries to total Sales salaries",
        "number",
        ES + "result = sal[df['department'] == 'Engineering'].sum() / sal[df['department'] == 'Sales'].sum()",
        N5,
    ),
    ("e-14", E, "en", "number of hires per year", "table", EH + "result = h.dt.year.value_counts().sort_index()", N0),
    ("e-15", E, "en", "avg salery in marketing", "number", ES + "result = sal[df['department'] == 'Marketing'].mean()", N5),
    ("e-16", E, "en", "Why do remote employees get higher ratings?", "decline", "", {}),
    ("e-17", E, "en", "What is the average age of employees?", "decline", "", {}),
    (
        "e-18",
        E,
        "en",
        "Where does Finance rank among departments by average salary?",
        "number",
        ES + "r = sal.groupby(df['department']).mean().rank(ascending=False)\nresult = r['Finance']",
        N0,
    ),
    (
        "e-19",
        E,
        "en",
        "top 3 highest paid employees",
        "labels",
        ES + "result = list(df.assign(s=sal).sort_values('s', ascending=False)['name'][:3])",
        {"ordered": True},
    ),
    ("e-20", E, "ko", "재택근무하는 직원은 몇 명?", "number", "result = df['remote'].sum()", N0),
    ("e-21", E, "ko", "rating이 4점 이상인 직원 비율", "number", "result = (df['rating'] >= 4).mean()", P5),
    ("e-22", E, "ko", "Engineering 부서의 평균 bonus", "number", EB + "result = b[df['department'] == 'Engineering'].mean() / 100", {**P5, "also_rows": "b[df['department'] == 'Engineering'].mean()"}),
    ("e-23", E, "ko", "2020년부터 입사한 직원 수", "number", EH + "result = (h.dt.year >= 2020).sum()", N0),
    ("e-24", E, "ko", "부서별 평균 salary", "table", ES + "result = sal.groupby(df['department']).mean()", N5),
    ("e-25", E, "ko", "부서는 몇 개야?", "number", "result = df['department'].nunique()", N0),
    # --- k리그_경기: 112 matches, 입장료 "12,000원" -----------------------------------------------------
    ("m-01", M, "ko", "경기당 평균 관중수는?", "number", "result = df['관중수'].mean()", N5),
    ("m-02", M, "ko", "홈팀별 평균 관중수", "table", "result = df.groupby('홈팀')['관중수'].mean()", N5),
    ("m-03", M, "ko", "홈팀이 이긴 경기의 비율은?", "number", "result = (df['홈득점'] > df['원정득점']).mean()", P5),
    ("m-04", M, "ko", "2023 시즌 총 관중수", "number", "result = df.loc[df['시즌'] == 2023, '관중수'].sum()", N0),
    (
        "m-05",
        M,
        "ko",
        "2022년 대비 2023년 총 관중수 증감률",
        "number",
        "g = df.groupby('시즌')['관중수'].sum()\nresult = (g[2023] - g[2022]) / g[2022]",
        P5,
    ),
    (
        "m-06",
        M,
        "ko",
        "평균 입장료가 가장 비싼 홈팀은?",
        "label",
        MF + "result = fee.groupby(df['홈팀']).mean()",
        {"pick": "max"},
    ),
    ("m-07", M, "ko", "경기당 평균 총 득점", "number", "result = (df['홈득점'] + df['원정득점']).mean()", N5),
    ("m-08", M, "ko", "홈득점이 3골 이상인 경기 수", "number", "result = (df['홈득점'] >= 3).sum()", N0),
    ("m-09", M, "ko", "울산 홈경기 평균 관중수", "number", "result = df.loc[df['홈팀'] == '울산', '관중수'].mean()", N5),
    (
        "m-10",
        M,
        "ko",
        "서울과 수원 중 홈 관중이 더 많은 팀은?",
        "label",
        "result = df.groupby('홈팀')['관중수'].sum()[['서울', '수원']]",
        {"pick": "max"},
    ),
    (
        "m-11",
        M,
        "ko",
        "관중수가 가장 많았던 경기는 언제였어?",
        "label",
        "result = df.set_index('경기일')['관중수']",
        {"pick": "max"},
    ),
    ("m-12", M, "ko", "제주 홈경기를 빼고 평균 관중수", "number", "result = df.loc[df['홈팀'] != '제주', '관중수'].mean()", N5),
    ("m-13", M, "ko", "관중수 1만명에서 2만명 사이 경기는 몇 경기?", "number", "result = df['관중수'].between(10000, 20000).sum()", N0),
    ("m-14", M, "ko", "관중수가 2만 명을 넘은 경기 비율", "number", "result = (df['관중수'] > 20000).mean()", P5),
    ("m-15", M, "ko", "홈득점 합계를 원정득점 합계로 나눈 값", "number", "result = df['홈득점'].sum() / df['원정득점'].sum()", N5),
    ("m-16", M, "ko", "다음 시즌 우승팀은 어디일까?", "decline", "", {}),
    ("m-17", M, "ko", "경기별 평균 슈팅 수", "decline", "", {}),
    ("m-18", M, "en", "average attendance in 2022", "number", "result = df.loc[df['시즌'] == 2022, '관중수'].mean()", N5),
    ("m-19", M, "en", "how many different home teams are there", "number", "result = df['홈팀'].nunique()", N0),
    (
        "m-20",
        M,
        "ko",
        "홈 관중수 합계 순위에서 대구는 몇 위야?",
        "number",
        "r = df.groupby('홈팀')['관중수'].sum().rank(ascending=False)\nresult = r['대구']",
        N0,
    ),
    (
        "m-21",
        M,
        "ko",
        "평균 관충수가 제일 적은 홈팀",
        "label",
        "result = df.groupby('홈팀')['관중수'].mean()",
        {"pick": "min"},
    ),
    ("m-22", M, "ko", "입장료 평균은 얼마야?", "number", MF + "result = fee.mean()", N5),
    # --- flu_cases_wide: one row per state and disease, one column per year -----------------------
    ("f-01", F, "en", "total influenza cases in 2023", "number", FL + "result = flu['2023'].sum()", N0),
    (
        "f-02",
        F,
        "en",
        "Which state had the most measles cases in 2021?",
        "label",
        FL + "result = mea.set_index('state')['2021']",
        {"pick": "max"},
    ),
    (
        "f-03",
        F,
        "en",
        "How many pertussis cases did Texas have in 2020?",
        "number",
        FL + "result = per.loc[per['state'] == 'Texas', '2020'].sum()",
        N0,
    ),
    (
        "f-04",
        F,
        "en",
        "change in influenza cases in California from 2022 to 2023",
        "number",
        FL + "c = flu[flu['state'] == 'California']\nresult = c['2023'].sum() - c['2022'].sum()",
        N0,
    ),
    (
        "f-05",
        F,
        "en",
        "percent change in total measles cases from 2019 to 2023",
        "number",
        FL + "result = (mea['2023'].sum() - mea['2019'].sum()) / mea['2019'].sum()",
        P5,
    ),
    ("f-06", F, "en", "average influenza cases per state in 2019", "number", FL + "result = flu['2019'].mean()", N5),
    (
        "f-07",
        F,
        "en",
        "which disease had the most cases in 2022?",
        "label",
        "result = df.groupby('disease')['2022'].sum()",
        {"pick": "max"},
    ),
    ("f-08", F, "en", "What will flu cases be in 2024?", "decline", "", {}),
    (
        "f-09",
        F,
        "en",
        "Which year had the highest total number of cases?",
        "label",
        YEARS + "result = df[years].sum()",
        {"pick": "max"},
    ),
    ("f-10", F, "en", "total cases by year", "table", YEARS + "result = df[years].sum()", N0),
    (
        "f-11",
        F,
        "en",
        "how many states reported more than 50 measles cases in 2023",
        "number",
        FL + "result = (mea['2023'] > 50).sum()",
        N0,
    ),
    ("f-12", F, "en", "influenza hospitalizations in 2022", "decline", "", {}),
    (
        "f-13",
        F,
        "ko",
        "2019년 Measles 환자가 가장 많은 주는?",
        "label",
        FL + "result = mea.set_index('state')['2019']",
        {"pick": "max"},
    ),
    ("f-14", F, "ko", "2020년 전체 환자 수 합계", "number", "result = df['2020'].sum()", N0),
    (
        "f-15",
        F,
        "ko",
        "California의 2021년 Pertussis 환자 수",
        "number",
        FL + "result = per.loc[per['state'] == 'California', '2021'].sum()",
        N0,
    ),
    ("f-16", F, "ko", "질병별 2022년 환자 수 합계", "table", "result = df.groupby('disease')['2022'].sum()", N0),
    (
        "f-17",
        F,
        "ko",
        "2019년 대비 2023년 Influenza 환자 증가율",
        "number",
        FL + "result = (flu['2023'].sum() - flu['2019'].sum()) / flu['2019'].sum()",
        P5,
    ),
    ("f-18", F, "ko", "Ohio 인플루엔자 환자 수 2020년", "number", FL + "result = flu.loc[flu['state'] == 'Ohio', '2020'].sum()", N0),
    (
        "f-19",
        F,
        "ko",
        "2022년 Influenza 환자 수로 보면 Florida는 몇 위?",
        "number",
        FL + "result = flu.set_index('state')['2022'].rank(ascending=False)['Florida']",
        N0,
    ),
    ("f-20", F, "ko", "2023년 Influenza 환자 수가 10000명 넘는 주는 몇 개?", "number", FL + "result = (flu['2023'] > 10000).sum()", N0),
    ("f-21", F, "ko", "2024년 홍역 환자 수를 예상해 줘", "decline", "", {}),
    ("f-22", F, "ko", "주별 백신 접종률 평균", "decline", "", {}),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
