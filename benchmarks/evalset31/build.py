"""Builds `dev/questions.jsonl` of the thirty-first evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset31/build.py

Written by helper s13z (Nov 2026, issue 14, session 16) before any code change and without
reading the planner's vocabulary, about one kind of question: what the rows ARE, and categories
written as numbers or ordinals. Four REAL public tables from the Rdatasets collection (see
data/gen_data.py): three whose rows are named only by R's row names in an unnamed first column
(car models in mtcars, states in USArrests, provinces in swiss), asked "which car ...", "top 5
states ...", "살인율이 가장 높은 주", where the entity noun is in no column name; and categories
coded as numbers (mtcars' cyl 4/6/8, gear 3/4/5) or ordinals (the Titanic's Class 1st/2nd/3rd/
Crew) asked in words: "six-cylinder cars", "8기통", "5-speed", "third class", "1등석", "3등실".
About half in Korean over the English column names and values; some questions must be declined
(causes, models, what the data does not hold).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
M, U, S, T = "mtcars.csv", "usarrests.csv", "swiss.csv", "titanic_freq.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
CORR = {"rel_tol": 0.01, "abs_tol": 0.005}
ROWS = "df = df.set_index('Unnamed: 0')\n"
MAX, MIN = {"pick": "max"}, {"pick": "min"}
ORD = {"ordered": True}

QUESTIONS = [
    # --- mtcars: car models as row names; cyl, gear as numbers ---------------------------------
    ("m-01", M, "en", "which car has the best mileage?", "label", ROWS + "result = df['mpg']", MAX),
    ("m-02", M, "en", "top 5 cars by horsepower", "labels", ROWS + "result = df['hp'].nlargest(5).index.tolist()", ORD),
    (
        "m-03",
        M,
        "en",
        "average mpg of six-cylinder cars",
        "number",
        "result = df.loc[df['cyl'] == 6, 'mpg'].mean()",
        N5,
    ),
    ("m-04", M, "en", "how many 8 cylinder cars are there", "number", "result = (df['cyl'] == 8).sum()", N0),
    (
        "m-05",
        M,
        "en",
        "mean horsepower for 5-speed cars",
        "number",
        "result = df.loc[df['gear'] == 5, 'hp'].mean()",
        N5,
    ),
    ("m-06", M, "en", "which car is the heaviest", "label", ROWS + "result = df['wt']", MAX),
    ("m-07", M, "ko", "연비가 제일 좋은 차 3개", "labels", ROWS + "result = df['mpg'].nlargest(3).index.tolist()", ORD),
    ("m-08", M, "ko", "8기통 차들의 평균 마력", "number", "result = df.loc[df['cyl'] == 8, 'hp'].mean()", N5),
    ("m-09", M, "ko", "4기통 차는 몇 대?", "number", "result = (df['cyl'] == 4).sum()", N0),
    ("m-10", M, "ko", "가장 가벼운 차는?", "label", ROWS + "result = df['wt']", MIN),
    ("m-11", M, "ko", "3단 기어 차량의 평균 연비", "number", "result = df.loc[df['gear'] == 3, 'mpg'].mean()", N5),
    ("m-12", M, "en", "average mpg by number of cylinders", "table", "result = df.groupby('cyl')['mpg'].mean()", N5),
    ("m-13", M, "ko", "qsec이 가장 짧은 모델", "label", ROWS + "result = df['qsec']", MIN),
    ("m-14", M, "en", "does having more cylinders cause lower mpg?", "decline", "", {}),
    ("m-15", M, "ko", "마력으로 연비 예측하는 회귀모형 만들어줘", "decline", "", {}),
    (
        "m-16",
        M,
        "en",
        "what's the mpg of the Honda Civic",
        "number",
        ROWS + "result = df.loc['Honda Civic', 'mpg']",
        N0,
    ),
    ("m-17", M, "en", "how many cars have 4 gears", "number", "result = (df['gear'] == 4).sum()", N0),
    ("m-18", M, "ko", "6기통 중에 연비 제일 좋은 차", "label", ROWS + "result = df.loc[df['cyl'] == 6, 'mpg']", MAX),
    ("m-19", M, "en", "avg weight of 4-cylinder cars", "number", "result = df.loc[df['cyl'] == 4, 'wt'].mean()", N5),
    ("m-20", M, "ko", "마력이 가장 높은 차량 이름", "label", ROWS + "result = df['hp']", MAX),
    ("m-21", M, "ko", "5단 차들은 몇 대야", "number", "result = (df['gear'] == 5).sum()", N0),
    ("m-22", M, "en", "which car model is the slowest over a quarter mile", "label", ROWS + "result = df['qsec']", MAX),
    ("m-23", M, "ko", "이 차들 가격이 제일 비싼 건?", "decline", "", {}),
    # --- USArrests: states as row names -------------------------------------------------------
    ("u-01", U, "en", "which state has the highest murder rate?", "label", ROWS + "result = df['Murder']", MAX),
    (
        "u-02",
        U,
        "en",
        "top 5 states by assault",
        "labels",
        ROWS + "result = df['Assault'].nlargest(5).index.tolist()",
        ORD,
    ),
    ("u-03", U, "ko", "살인율이 가장 높은 주", "label", ROWS + "result = df['Murder']", MAX),
    ("u-04", U, "ko", "UrbanPop 가장 낮은 주는?", "label", ROWS + "result = df['UrbanPop']", MIN),
    ("u-05", U, "en", "what is the murder rate in Texas", "number", ROWS + "result = df.loc['Texas', 'Murder']", N0),
    ("u-06", U, "ko", "Rape 상위 3개 주", "labels", ROWS + "result = df['Rape'].nlargest(3).index.tolist()", ORD),
    ("u-07", U, "en", "average murder rate across states", "number", "result = df['Murder'].mean()", N5),
    (
        "u-08",
        U,
        "en",
        "how many states have a murder rate above 10",
        "number",
        "result = (df['Murder'] > 10).sum()",
        N0,
    ),
    ("u-09", U, "ko", "폭행(Assault)이 가장 적은 주", "label", ROWS + "result = df['Assault']", MIN),
    ("u-10", U, "en", "does urbanization cause more crime?", "decline", "", {}),
    ("u-11", U, "en", "which state has the fewest assaults", "label", ROWS + "result = df['Assault']", MIN),
    ("u-12", U, "ko", "인구가 가장 많은 주는?", "decline", "", {}),
    (
        "u-13",
        U,
        "ko",
        "살인 상위 5개 주 알려줘",
        "labels",
        ROWS + "result = df['Murder'].nlargest(5).index.tolist()",
        ORD,
    ),
    # --- swiss: provinces as row names ----------------------------------------------------------
    ("s-01", S, "en", "which province has the highest fertility?", "label", ROWS + "result = df['Fertility']", MAX),
    (
        "s-02",
        S,
        "en",
        "which province has the lowest infant mortality",
        "label",
        ROWS + "result = df['Infant.Mortality']",
        MIN,
    ),
    ("s-03", S, "ko", "Catholic 비율이 가장 높은 지역", "label", ROWS + "result = df['Catholic']", MAX),
    (
        "s-04",
        S,
        "ko",
        "Education 가장 높은 지역 5곳",
        "labels",
        ROWS + "result = df['Education'].nlargest(5).index.tolist()",
        ORD,
    ),
    ("s-05", S, "en", "average fertility", "number", "result = df['Fertility'].mean()", N5),
    (
        "s-06",
        S,
        "en",
        "top 3 provinces by agriculture",
        "labels",
        ROWS + "result = df['Agriculture'].nlargest(3).index.tolist()",
        ORD,
    ),
    ("s-07", S, "ko", "Examination 점수가 가장 낮은 곳은?", "label", ROWS + "result = df['Examination']", MIN),
    (
        "s-08",
        S,
        "en",
        "correlation between education and fertility",
        "number",
        "result = df['Education'].corr(df['Fertility'])",
        CORR,
    ),
    ("s-09", S, "en", "fertility in Lausanne", "number", ROWS + "result = df.loc['Lausanne', 'Fertility']", N0),
    (
        "s-10",
        S,
        "ko",
        "출산율(Fertility)이 80 넘는 지역은 몇 개야?",
        "number",
        "result = (df['Fertility'] > 80).sum()",
        N0,
    ),
    ("s-11", S, "en", "why is fertility lower in protestant areas?", "decline", "", {}),
    ("s-12", S, "ko", "어느 지방이 Agriculture 제일 커?", "label", ROWS + "result = df['Agriculture']", MAX),
    ("s-13", S, "ko", "영아 사망률이 가장 높은 지역", "label", ROWS + "result = df['Infant.Mortality']", MAX),
    # --- Titanic frequency table: classes as ordinals ------------------------------------------
    (
        "t-01",
        T,
        "en",
        "how many third class passengers survived?",
        "number",
        "result = df.loc[(df['Class'] == '3rd') & (df['Survived'] == 'Yes'), 'Freq'].sum()",
        N0,
    ),
    (
        "t-02",
        T,
        "en",
        "how many people were in first class",
        "number",
        "result = df.loc[df['Class'] == '1st', 'Freq'].sum()",
        N0,
    ),
    (
        "t-03",
        T,
        "ko",
        "3등실 생존자 수",
        "number",
        "result = df.loc[(df['Class'] == '3rd') & (df['Survived'] == 'Yes'), 'Freq'].sum()",
        N0,
    ),
    ("t-04", T, "ko", "1등석 승객은 몇 명이었어?", "number", "result = df.loc[df['Class'] == '1st', 'Freq'].sum()", N0),
    ("t-05", T, "en", "total Freq by Class", "table", "result = df.groupby('Class')['Freq'].sum()", N0),
    (
        "t-06",
        T,
        "en",
        "number of second-class children",
        "number",
        "result = df.loc[(df['Class'] == '2nd') & (df['Age'] == 'Child'), 'Freq'].sum()",
        N0,
    ),
    (
        "t-07",
        T,
        "ko",
        "2등석 여성 승객 수",
        "number",
        "result = df.loc[(df['Class'] == '2nd') & (df['Sex'] == 'Female'), 'Freq'].sum()",
        N0,
    ),
    ("t-08", T, "ko", "1등석 사람들이 더 많이 살아남은 이유는?", "decline", "", {}),
    (
        "t-09",
        T,
        "en",
        "how many crew members died",
        "number",
        "result = df.loc[(df['Class'] == 'Crew') & (df['Survived'] == 'No'), 'Freq'].sum()",
        N0,
    ),
    (
        "t-10",
        T,
        "ko",
        "삼등석 남자 Freq 합계",
        "number",
        "result = df.loc[(df['Class'] == '3rd') & (df['Sex'] == 'Male'), 'Freq'].sum()",
        N0,
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
