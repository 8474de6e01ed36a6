"""Builds `dev/questions.jsonl` of the twenty-fifth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset25/build.py

Written by the coordinator (Nov 2026, issue 14 round 12) as a generalization probe, before the
round's changes were merged and without looking at the planner's vocabulary: four REAL public
tables as R users publish them (ggplot2's diamonds, msleep and economics, car's Salaries; the
last with Korean column names), asked the way people ask, Korean questions over English column
names too. Its run on `main` before the round's merges, and after them, measures how the analyst
does on data and questions nobody tuned it to.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
D, M, S, E = "diamonds.csv", "msleep.csv", "professor_salaries.csv", "경제지표_월별.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
ED = "d = pd.to_datetime(df['날짜'])\n"
NAMES = "df = df.set_index('name')\n"

QUESTIONS = [
    # --- diamonds ---------------------------------------------------------------------------
    ("d-01", D, "en", "average price of a diamond", "number", "result = df['price'].mean()", N5),
    ("d-02", D, "en", "how many diamonds are Ideal cut?", "number", "result = (df['cut'] == 'Ideal').sum()", N0),
    ("d-03", D, "en", "average price by cut", "table", "result = df.groupby('cut')['price'].mean()", N5),
    (
        "d-04",
        D,
        "en",
        "which color has the highest average price",
        "label",
        "result = df.groupby('color')['price'].mean()",
        {"pick": "max"},
    ),
    (
        "d-05",
        D,
        "en",
        "most expensive diamond under 1 carat - what did it cost?",
        "number",
        "result = df.loc[df['carat'] < 1, 'price'].max()",
        N0,
    ),
    (
        "d-06",
        D,
        "en",
        "median carat of Premium diamonds",
        "number",
        "result = df.loc[df['cut'] == 'Premium', 'carat'].median()",
        N5,
    ),
    ("d-07", D, "en", "how many diamonds cost more than $10,000", "number", "result = (df['price'] > 10000).sum()", N0),
    ("d-08", D, "en", "price vs carat scatter", "chart", "", {"columns": ["carat", "price"]}),
    ("d-09", D, "ko", "다이아몬드 평균 가격은?", "number", "result = df['price'].mean()", N5),
    ("d-10", D, "ko", "cut 등급별 개수", "table", "result = df['cut'].value_counts()", N0),
    ("d-11", D, "ko", "캐럿이 2 이상인 다이아몬드는 몇 개?", "number", "result = (df['carat'] >= 2).sum()", N0),
    ("d-12", D, "ko", "clarity별 평균 가격", "table", "result = df.groupby('clarity')['price'].mean()", N5),
    (
        "d-13",
        D,
        "ko",
        "color가 D인 것 중에서 제일 비싼 가격",
        "number",
        "result = df.loc[df['color'] == 'D', 'price'].max()",
        N0,
    ),
    (
        "d-14",
        D,
        "ko",
        "가격하고 캐럿 상관계수",
        "number",
        "result = df['price'].astype(float).corr(df['carat'].astype(float))",
        {"rel_tol": 0.01},
    ),
    (
        "d-15",
        D,
        "en",
        "what share of diamonds are Ideal cut",
        "number",
        "result = (df['cut'] == 'Ideal').mean()",
        PCT,
    ),
    (
        "d-16",
        D,
        "en",
        "avg depth for Fair cut diamonds with color J",
        "number",
        "result = df.loc[(df['cut'] == 'Fair') & (df['color'] == 'J'), 'depth'].mean()",
        N5,
    ),
    ("d-17", D, "en", "does a better cut cause a higher price?", "decline", "", {}),
    ("d-18", D, "ko", "다이아몬드 가격 예측하는 모델 만들어줘", "decline", "", {}),
    (
        "d-19",
        D,
        "en",
        "total value of all the VVS1 diamonds",
        "number",
        "result = df.loc[df['clarity'] == 'VVS1', 'price'].sum()",
        N5,
    ),
    (
        "d-20",
        D,
        "ko",
        "프리미엄 컷 다이아몬드 평균가격",
        "number",
        "result = df.loc[df['cut'] == 'Premium', 'price'].mean()",
        N5,
    ),
    ("d-21", D, "en", "heaviest diamond in carats", "number", "result = df['carat'].max()", N0),
    # --- msleep (mammals' sleep) -------------------------------------------------------------
    (
        "m-01",
        M,
        "en",
        "which animal sleeps the most",
        "label",
        NAMES + "result = df['sleep_total']",
        {"pick": "max"},
    ),
    (
        "m-02",
        M,
        "en",
        "average total sleep of carnivores",
        "number",
        "result = df.loc[df['vore'] == 'carni', 'sleep_total'].mean()",
        N5,
    ),
    (
        "m-03",
        M,
        "en",
        "average hours of sleep by vore",
        "table",
        "result = df.groupby('vore')['sleep_total'].mean()",
        N5,
    ),
    (
        "m-04",
        M,
        "en",
        "how many animals have no conservation status",
        "number",
        "result = df['conservation'].isna().sum()",
        N0,
    ),
    ("m-05", M, "en", "heaviest animal?", "label", NAMES + "result = df['bodywt']", {"pick": "max"}),
    ("m-06", M, "ko", "평균 수면 시간", "number", "result = df['sleep_total'].mean()", N5),
    (
        "m-07",
        M,
        "ko",
        "초식동물 평균 수면시간",
        "number",
        "result = df.loc[df['vore'] == 'herbi', 'sleep_total'].mean()",
        N5,
    ),
    (
        "m-08",
        M,
        "ko",
        "Primates의 평균 뇌 무게",
        "number",
        "result = df.loc[df['order'] == 'Primates', 'brainwt'].mean()",
        N5,
    ),
    (
        "m-09",
        M,
        "en",
        "correlation between brain weight and body weight",
        "number",
        "result = df['brainwt'].corr(df['bodywt'])",
        {"rel_tol": 0.01},
    ),
    (
        "m-10",
        M,
        "en",
        "how many animals sleep more than 15 hours",
        "number",
        "result = (df['sleep_total'] > 15).sum()",
        N0,
    ),
    ("m-11", M, "ko", "깨어있는 시간이 제일 긴 동물은?", "label", NAMES + "result = df['awake']", {"pick": "max"}),
    ("m-12", M, "en", "median REM sleep", "number", "result = df['sleep_rem'].median()", N5),
    ("m-13", M, "ko", "order별 동물 수", "table", "result = df['order'].value_counts()", N0),
    (
        "m-14",
        M,
        "en",
        "average sleep of domesticated animals",
        "number",
        "result = df.loc[df['conservation'] == 'domesticated', 'sleep_total'].mean()",
        N5,
    ),
    ("m-15", M, "en", "do bigger brains make animals sleep less?", "decline", "", {}),
    ("m-16", M, "ko", "수면시간이 가장 짧은 동물", "label", NAMES + "result = df['sleep_total']", {"pick": "min"}),
    # --- professors' salaries ------------------------------------------------------------------
    ("s-01", S, "en", "average salary", "number", "result = df['salary'].mean()", N5),
    ("s-02", S, "en", "average salary by rank", "table", "result = df.groupby('rank')['salary'].mean()", N5),
    ("s-03", S, "en", "how many female professors are there", "number", "result = (df['sex'] == 'Female').sum()", N0),
    ("s-04", S, "en", "average salary of men and women", "table", "result = df.groupby('sex')['salary'].mean()", N5),
    (
        "s-05",
        S,
        "en",
        "highest salary in discipline A",
        "number",
        "result = df.loc[df['discipline'] == 'A', 'salary'].max()",
        N0,
    ),
    ("s-06", S, "en", "how many assistant professors", "number", "result = (df['rank'] == 'AsstProf').sum()", N0),
    ("s-07", S, "ko", "교수 평균 연봉", "number", "result = df['salary'].mean()", N5),
    ("s-08", S, "ko", "rank별 평균 연봉", "table", "result = df.groupby('rank')['salary'].mean()", N5),
    ("s-09", S, "ko", "여자 교수는 몇 명?", "number", "result = (df['sex'] == 'Female').sum()", N0),
    (
        "s-10",
        S,
        "ko",
        "근무 연수(yrs.service) 30년 이상인 교수 수",
        "number",
        "result = (df['yrs.service'] >= 30).sum()",
        N0,
    ),
    (
        "s-11",
        S,
        "ko",
        "평균 연봉이 가장 높은 rank는?",
        "label",
        "result = df.groupby('rank')['salary'].mean()",
        {"pick": "max"},
    ),
    (
        "s-12",
        S,
        "en",
        "median salary of professors more than 20 years since their PhD",
        "number",
        "result = df.loc[df['yrs.since.phd'] > 20, 'salary'].median()",
        N5,
    ),
    (
        "s-13",
        S,
        "en",
        "how much more do men make than women on average?",
        "number",
        "m = df.groupby('sex')['salary'].mean()\nresult = m['Male'] - m['Female']",
        N5,
    ),
    (
        "s-14",
        S,
        "ko",
        "남녀 평균 연봉 차이",
        "number",
        "m = df.groupby('sex')['salary'].mean()\nresult = m['Male'] - m['Female']",
        {"rel_tol": 0.005, "either_sign": True},
    ),
    ("s-15", S, "en", "salary histogram", "chart", "", {"columns": ["salary"]}),
    (
        "s-16",
        S,
        "ko",
        "discipline B 최저 연봉",
        "number",
        "result = df.loc[df['discipline'] == 'B', 'salary'].min()",
        N0,
    ),
    ("s-17", S, "en", "is the gender pay gap caused by discrimination?", "decline", "", {}),
    # --- 경제지표_월별 (Korean column names) ------------------------------------------------------
    (
        "e-01",
        E,
        "ko",
        "2000년 평균 실업자수",
        "number",
        ED + "result = df.loc[d.dt.year == 2000, '실업자수'].mean()",
        N5,
    ),
    ("e-02", E, "ko", "개인저축률 최저값은?", "number", "result = df['개인저축률'].min()", N0),
    ("e-03", E, "ko", "연도별 평균 실업자수", "table", ED + "result = df.groupby(d.dt.year)['실업자수'].mean()", N5),
    ("e-04", E, "ko", "실업자수 추이 그래프", "chart", "", {"columns": ["날짜", "실업자수"]}),
    (
        "e-05",
        E,
        "ko",
        "1990년대 개인저축률 평균",
        "number",
        ED + "result = df.loc[(d.dt.year >= 1990) & (d.dt.year <= 1999), '개인저축률'].mean()",
        N5,
    ),
    (
        "e-06",
        E,
        "ko",
        "실업자수가 10000을 넘은 달은 몇 개월?",
        "number",
        "result = (df['실업자수'] > 10000).sum()",
        N0,
    ),
    (
        "e-07",
        E,
        "en",
        "average 개인저축률 in 2005",
        "number",
        ED + "result = df.loc[d.dt.year == 2005, '개인저축률'].mean()",
        N5,
    ),
    ("e-08", E, "ko", "실업자수 최대", "number", "result = df['실업자수'].max()", N0),
    ("e-09", E, "ko", "개인소비지출 최댓값", "number", "result = df['개인소비지출'].max()", N0),
    (
        "e-10",
        E,
        "ko",
        "2000년 이후 실업기간 중앙값의 평균",
        "number",
        ED + "result = df.loc[d.dt.year >= 2000, '실업기간_중앙값'].mean()",
        N5,
    ),
    (
        "e-11",
        E,
        "ko",
        "인구랑 개인소비지출 상관관계",
        "number",
        "result = df['인구'].astype(float).corr(df['개인소비지출'].astype(float))",
        {"rel_tol": 0.01},
    ),
    ("e-12", E, "ko", "월별 평균 개인저축률", "table", ED + "result = df.groupby(d.dt.month)['개인저축률'].mean()", N5),
    ("e-13", E, "ko", "내년 실업자수 예측해줘", "decline", "", {}),
    ("e-14", E, "ko", "데이터는 몇 개월치야?", "number", "result = len(df)", N0),
    (
        "e-15",
        E,
        "ko",
        "2001년 12월 실업자수",
        "number",
        ED + "result = df.loc[(d.dt.year == 2001) & (d.dt.month == 12), '실업자수'].sum()",
        N0,
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
