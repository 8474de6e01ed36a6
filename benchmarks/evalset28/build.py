"""Builds `dev/questions.jsonl` of the twenty-eighth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset28/build.py

Written by the coordinator (Nov 2026, issue 14 round 13) as a generalization probe, before the
round's branches were merged and without looking at the planner's vocabulary: four REAL public
tables from the Rdatasets collection (the Forbes 2000 companies, Titanic passengers, house sales
in Windsor, Canadian occupations' prestige: see data/gen_data.py), asked the way people ask,
about half in Korean over English column names and values. The data keeps its real quirks:
Korean companies listed under two country names, an occupation table whose names are R's row
names in an unnamed first column, yes/no columns with abbreviated names (airco, gashw).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
F, T, H, P = "forbes2000.csv", "titanic.csv", "house_prices.csv", "prestige.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
CORR = {"rel_tol": 0.01, "abs_tol": 0.005}
BY_NAME = "df = df.set_index('name')\n"
JOBS = "df = df.set_index('Unnamed: 0')\n"
KOREA = "korea = df['country'].isin(['South Korea', 'Korea'])\n"
SURVIVED = "alive = df['survived'] == 'yes'\n"

QUESTIONS = [
    # --- Forbes 2000 ---------------------------------------------------------------------------
    ("f-01", F, "en", "how many companies are from Japan?", "number", "result = (df['country'] == 'Japan').sum()", N0),
    (
        "f-02",
        F,
        "en",
        "total profits of German companies",
        "number",
        "result = df.loc[df['country'] == 'Germany', 'profits'].sum()",
        N5,
    ),
    (
        "f-03",
        F,
        "en",
        "which country has the most companies in the list?",
        "label",
        "result = df.groupby('country').size()",
        {"pick": "max"},
    ),
    (
        "f-04",
        F,
        "en",
        "average market value by category",
        "table",
        "result = df.groupby('category')['marketvalue'].mean()",
        N5,
    ),
    (
        "f-05",
        F,
        "en",
        "top 5 companies by sales",
        "labels",
        "result = df.nlargest(5, 'sales')['name'].tolist()",
        {"ordered": True},
    ),
    (
        "f-06",
        F,
        "en",
        "which company had the biggest loss?",
        "label",
        BY_NAME + "result = df['profits'].dropna()",
        {"pick": "min"},
    ),
    ("f-07", F, "en", "how many companies lost money", "number", "result = (df['profits'] < 0).sum()", N0),
    (
        "f-08",
        F,
        "en",
        "median assets of banks",
        "number",
        "result = df.loc[df['category'] == 'Banking', 'assets'].median()",
        N5,
    ),
    (
        "f-09",
        F,
        "en",
        "correlation between sales and market value",
        "number",
        "result = df['sales'].corr(df['marketvalue'])",
        CORR,
    ),
    ("f-10", F, "en", "do higher sales cause higher profits?", "decline", "", {}),
    ("f-11", F, "ko", "일본 기업은 몇 개야?", "number", "result = (df['country'] == 'Japan').sum()", N0),
    ("f-12", F, "ko", "국가별 기업 수", "table", "result = df['country'].value_counts()", N0),
    ("f-13", F, "ko", "매출이 가장 큰 회사는?", "label", BY_NAME + "result = df['sales']", {"pick": "max"}),
    ("f-14", F, "ko", "category별 평균 profits", "table", "result = df.groupby('category')['profits'].mean()", N5),
    (
        "f-15",
        F,
        "ko",
        "한국 기업들의 시가총액 합계",
        "number",
        KOREA + "result = df.loc[korea, 'marketvalue'].sum()",
        N5,
    ),
    ("f-16", F, "ko", "profits가 음수인 회사 수", "number", "result = (df['profits'] < 0).sum()", N0),
    (
        "f-17",
        F,
        "ko",
        "미국 회사 평균 매출",
        "number",
        "result = df.loc[df['country'] == 'United States', 'sales'].mean()",
        N5,
    ),
    (
        "f-18",
        F,
        "en",
        "what percentage of the companies are American",
        "number",
        "result = (df['country'] == 'United States').mean()",
        PCT,
    ),
    (
        "f-19",
        F,
        "ko",
        "assets 상위 3개 회사",
        "labels",
        "result = df.nlargest(3, 'assets')['name'].tolist()",
        {"ordered": True},
    ),
    (
        "f-20",
        F,
        "en",
        "average profit of Korean companies",
        "number",
        KOREA + "result = df.loc[korea, 'profits'].mean()",
        N5,
    ),
    (
        "f-21",
        F,
        "en",
        "sales of Toyota Motor",
        "number",
        "result = df.loc[df['name'] == 'Toyota Motor', 'sales'].iloc[0]",
        N5,
    ),
    (
        "f-22",
        F,
        "ko",
        "삼성전자 순위는 몇 위야?",
        "number",
        "result = df.loc[df['name'] == 'Samsung Electronics', 'rank'].iloc[0]",
        N0,
    ),
    # --- Titanic passengers ----------------------------------------------------------------------
    ("t-01", T, "en", "how many passengers survived?", "number", "result = (df['survived'] == 'yes').sum()", N0),
    (
        "t-02",
        T,
        "en",
        "survival rate by class",
        "table",
        SURVIVED + "result = alive.groupby(df['class']).mean()",
        PCT,
    ),
    (
        "t-03",
        T,
        "en",
        "what share of the children survived",
        "number",
        SURVIVED + "result = alive[df['age'] == 'child'].mean()",
        PCT,
    ),
    (
        "t-04",
        T,
        "en",
        "how many women were in third class",
        "number",
        "result = ((df['sex'] == 'women') & (df['class'] == '3rd class')).sum()",
        N0,
    ),
    ("t-05", T, "ko", "생존자는 몇 명?", "number", "result = (df['survived'] == 'yes').sum()", N0),
    ("t-06", T, "ko", "성별 생존율", "table", SURVIVED + "result = alive.groupby(df['sex']).mean()", PCT),
    ("t-07", T, "ko", "1등석 승객은 몇 명이야?", "number", "result = (df['class'] == '1st class').sum()", N0),
    (
        "t-08",
        T,
        "ko",
        "사망한 남성은 몇 명이야?",
        "number",
        "result = ((df['sex'] == 'man') & (df['survived'] == 'no')).sum()",
        N0,
    ),
    (
        "t-09",
        T,
        "en",
        "which class had the lowest survival rate?",
        "label",
        SURVIVED + "result = alive.groupby(df['class']).mean()",
        {"pick": "min"},
    ),
    ("t-10", T, "ko", "어린이 생존률", "number", SURVIVED + "result = alive[df['age'] == 'child'].mean()", PCT),
    ("t-11", T, "en", "how old was the oldest passenger?", "decline", "", {}),
    ("t-12", T, "ko", "승객 평균 나이", "decline", "", {}),
    (
        "t-13",
        T,
        "en",
        "survival rate of men in 1st class",
        "number",
        SURVIVED + "result = alive[(df['sex'] == 'man') & (df['class'] == '1st class')].mean()",
        PCT,
    ),
    # --- house prices ----------------------------------------------------------------------------
    (
        "h-01",
        H,
        "en",
        "average price of houses with air conditioning",
        "number",
        "result = df.loc[df['airco'] == 'yes', 'price'].mean()",
        N5,
    ),
    (
        "h-02",
        H,
        "en",
        "median price by number of bedrooms",
        "table",
        "result = df.groupby('bedrooms')['price'].median()",
        N5,
    ),
    ("h-03", H, "en", "how many houses have a garage?", "number", "result = (df['garagepl'] > 0).sum()", N0),
    (
        "h-04",
        H,
        "en",
        "average lot size of houses in the preferred area",
        "number",
        "result = df.loc[df['prefarea'] == 'yes', 'lotsize'].mean()",
        N5,
    ),
    (
        "h-05",
        H,
        "en",
        "how much more do houses with a driveway sell for on average?",
        "number",
        "g = df.groupby('driveway')['price'].mean()\nresult = g['yes'] - g['no']",
        {"rel_tol": 0.005, "either_sign": True},
    ),
    (
        "h-06",
        H,
        "ko",
        "에어컨 있는 집 평균 가격",
        "number",
        "result = df.loc[df['airco'] == 'yes', 'price'].mean()",
        N5,
    ),
    ("h-07", H, "ko", "침실 4개 이상인 집은 몇 채?", "number", "result = (df['bedrooms'] >= 4).sum()", N0),
    ("h-08", H, "ko", "층수별 평균 가격", "table", "result = df.groupby('stories')['price'].mean()", N5),
    ("h-09", H, "ko", "가장 비싼 집 가격은?", "number", "result = df['price'].max()", N0),
    ("h-10", H, "ko", "지하실 있는 집 비율", "number", "result = (df['fullbase'] == 'yes').mean()", PCT),
    (
        "h-11",
        H,
        "en",
        "how many houses have 2 or more bathrooms and a rec room",
        "number",
        "result = ((df['bathrms'] >= 2) & (df['recroom'] == 'yes')).sum()",
        N0,
    ),
    (
        "h-12",
        H,
        "ko",
        "차고 2대 이상인 집들 평균 가격",
        "number",
        "result = df.loc[df['garagepl'] >= 2, 'price'].mean()",
        N5,
    ),
    ("h-13", H, "en", "predict the price of a 3 bedroom house", "decline", "", {}),
    (
        "h-14",
        H,
        "en",
        "average price of houses with gas hot water",
        "number",
        "result = df.loc[df['gashw'] == 'yes', 'price'].mean()",
        N5,
    ),
    ("h-15", H, "ko", "집값 분포 보여줘", "chart", "", {"columns": ["price"]}),
    (
        "h-16",
        H,
        "en",
        "cheapest house with 3 bathrooms",
        "number",
        "result = df.loc[df['bathrms'] == 3, 'price'].min()",
        N0,
    ),
    # --- occupations' prestige -------------------------------------------------------------------
    (
        "p-01",
        P,
        "en",
        "which occupation has the highest income?",
        "label",
        JOBS + "result = df['income']",
        {"pick": "max"},
    ),
    ("p-02", P, "en", "average prestige by type", "table", "result = df.groupby('type')['prestige'].mean()", N5),
    ("p-03", P, "en", "how many occupations are professional?", "number", "result = (df['type'] == 'prof').sum()", N0),
    (
        "p-04",
        P,
        "en",
        "average income of occupations where women are more than 50%",
        "number",
        "result = df.loc[df['women'] > 50, 'income'].mean()",
        N5,
    ),
    (
        "p-05",
        P,
        "en",
        "correlation between education and prestige",
        "number",
        "result = df['education'].corr(df['prestige'])",
        CORR,
    ),
    ("p-06", P, "ko", "소득이 가장 낮은 직업은?", "label", JOBS + "result = df['income']", {"pick": "min"}),
    ("p-07", P, "ko", "type별 평균 교육 연수", "table", "result = df.groupby('type')['education'].mean()", N5),
    ("p-08", P, "ko", "여성 비율이 가장 높은 직업", "label", JOBS + "result = df['women']", {"pick": "max"}),
    ("p-09", P, "ko", "prestige 점수 평균", "number", "result = df['prestige'].mean()", N5),
    (
        "p-10",
        P,
        "en",
        "top 3 occupations by prestige",
        "labels",
        "result = df.nlargest(3, 'prestige')['Unnamed: 0'].tolist()",
        {"ordered": True},
    ),
    (
        "p-11",
        P,
        "en",
        "how much more do prof jobs earn than bc jobs on average?",
        "number",
        "g = df.groupby('type')['income'].mean()\nresult = g['prof'] - g['bc']",
        {"rel_tol": 0.005, "either_sign": True},
    ),
    (
        "p-12",
        P,
        "en",
        "median income of white collar occupations",
        "number",
        "result = df.loc[df['type'] == 'wc', 'income'].median()",
        N5,
    ),
    ("p-13", P, "ko", "블루칼라 직업은 몇 개야?", "number", "result = (df['type'] == 'bc').sum()", N0),
    ("p-14", P, "ko", "교육을 더 받으면 소득이 오르는 이유는?", "decline", "", {}),
    (
        "p-15",
        P,
        "en",
        "income of nurses",
        "number",
        "result = df.loc[df['Unnamed: 0'] == 'nurses', 'income'].iloc[0]",
        N0,
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
