"""Builds `dev/questions.jsonl` of the thirty-third evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset33/build.py

Written by helper s14b (Nov 2026, issue 14, session 18) before any code change and without
reading the planner's vocabulary: four REAL public tables from the Rdatasets collection whose
columns are abbreviated or coded the way economists name them (totsc4, lnchpct, tchratio,
percap, avgsalary, unemp, gsp, pcap, packpc, avgprs, mrall, unrate, perinc, mlda: see
data/gen_data.py), asked for with the words they stand for, about half in Korean.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
M, P, G, F = "mcas.csv", "produc.csv", "cigarette.csv", "fatality.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
CORR = {"rel_tol": 0.01, "abs_tol": 0.005}
MAX = {"pick": "max"}
MIN = {"pick": "min"}
DEC = ("decline", "", {})

QUESTIONS = [
    # --- Massachusetts school districts -------------------------------------------------------
    ("m-01", M, "en", "average 4th grade test score", "number", "result = df['totsc4'].mean()", N5),
    (
        "m-02",
        M,
        "en",
        "which district has the highest per capita income?",
        "label",
        "result = df.set_index('district')['percap']",
        MAX,
    ),
    (
        "m-03",
        M,
        "en",
        "how many districts have more than 40% of students on free lunch",
        "number",
        "result = (df['lnchpct'] > 40).sum()",
        N0,
    ),
    ("m-04", M, "en", "avg teacher salary", "number", "result = df['avgsalary'].mean()", N5),
    (
        "m-05",
        M,
        "en",
        "top 5 districts by total spending per pupil",
        "labels",
        "result = df.nlargest(5, 'totday')['district'].tolist()",
        {"ordered": True},
    ),
    (
        "m-06",
        M,
        "en",
        "correlation between the free lunch percentage and the 8th grade score",
        "number",
        "result = df['lnchpct'].corr(df['totsc8'])",
        CORR,
    ),
    ("m-07", M, "en", "median student teacher ratio", "number", "result = df['tchratio'].median()", N5),
    (
        "m-08",
        M,
        "en",
        "what was the 8th grade score in Boston?",
        "number",
        "result = df.loc[df['district'] == 'Boston', 'totsc8'].iloc[0]",
        N5,
    ),
    (
        "m-09",
        M,
        "en",
        "district with the fewest students per computer",
        "label",
        "result = df.set_index('district')['spc']",
        MIN,
    ),
    ("m-10", M, "en", "average percent of english learners", "number", "result = df['pctel'].mean()", N5),
    ("m-11", M, "en", "does spending more per pupil cause higher test scores?", *DEC),
    ("m-12", M, "ko", "4학년 시험 점수 평균", "number", "result = df['totsc4'].mean()", N5),
    ("m-13", M, "ko", "8학년 점수가 가장 낮은 학군은?", "label", "result = df.set_index('district')['totsc8']", MIN),
    ("m-14", M, "ko", "교사 1인당 학생 수 평균", "number", "result = df['tchratio'].mean()", N5),
    ("m-15", M, "ko", "무료 급식 비율이 제일 높은 학군", "label", "result = df.set_index('district')['lnchpct']", MAX),
    ("m-16", M, "ko", "1인당 소득 중앙값", "number", "result = df['percap'].median()", N5),
    (
        "m-17",
        M,
        "ko",
        "교사 평균 연봉 상위 3개 학군",
        "labels",
        "result = df.nlargest(3, 'avgsalary')['district'].tolist()",
        {"ordered": True},
    ),
    ("m-18", M, "ko", "특수교육 학생 비율 평균은?", "number", "result = df['speced'].mean()", N5),
    ("m-19", M, "ko", "학생 1인당 총지출이 7000 넘는 학군 몇 개", "number", "result = (df['totday'] > 7000).sum()", N0),
    ("m-20", M, "ko", "내년 시험 점수 예측해줘", *DEC),
    # --- US states' productivity 1970-1986 ----------------------------------------------------
    (
        "p-01",
        P,
        "en",
        "unemployment rate in California in 1980",
        "number",
        "result = df.loc[(df['state'] == 'CALIFORNIA') & (df['year'] == 1980), 'unemp'].iloc[0]",
        N5,
    ),
    (
        "p-02",
        P,
        "en",
        "which state had the highest unemployment rate in 1982?",
        "label",
        "result = df[df['year'] == 1982].set_index('state')['unemp']",
        MAX,
    ),
    ("p-03", P, "en", "average unemployment rate by year", "table", "result = df.groupby('year')['unemp'].mean()", N5),
    (
        "p-04",
        P,
        "en",
        "total gross state product in 1986",
        "number",
        "result = df.loc[df['year'] == 1986, 'gsp'].sum()",
        N5,
    ),
    (
        "p-05",
        P,
        "en",
        "top 5 states by employment in 1986",
        "labels",
        "result = df[df['year'] == 1986].nlargest(5, 'emp')['state'].tolist()",
        {"ordered": True},
    ),
    ("p-06", P, "en", "mean private capital", "number", "result = df['pc'].mean()", N5),
    (
        "p-07",
        P,
        "en",
        "public capital in texas 1970",
        "number",
        "result = df.loc[(df['state'] == 'TEXAS') & (df['year'] == 1970), 'pcap'].iloc[0]",
        N5,
    ),
    (
        "p-08",
        P,
        "en",
        "correlation between employment and gross state product",
        "number",
        "result = df['emp'].corr(df['gsp'])",
        CORR,
    ),
    (
        "p-09",
        P,
        "en",
        "highway capital stock of New York in 1975",
        "number",
        "result = df.loc[(df['state'] == 'NEW_YORK') & (df['year'] == 1975), 'hwy'].iloc[0]",
        N5,
    ),
    ("p-10", P, "en", "what will the unemployment rate be in 1990?", *DEC),
    (
        "p-11",
        P,
        "ko",
        "1986년에 실업률이 가장 낮은 주",
        "label",
        "result = df[df['year'] == 1986].set_index('state')['unemp']",
        MIN,
    ),
    ("p-12", P, "ko", "연도별 평균 실업률", "table", "result = df.groupby('year')['unemp'].mean()", N5),
    ("p-13", P, "ko", "1986년 주 총생산 합계", "number", "result = df.loc[df['year'] == 1986, 'gsp'].sum()", N5),
    (
        "p-14",
        P,
        "ko",
        "1986년 고용이 제일 많은 주는?",
        "label",
        "result = df[df['year'] == 1986].set_index('state')['emp']",
        MAX,
    ),
    ("p-15", P, "ko", "공공 자본 평균", "number", "result = df['pcap'].mean()", N5),
    (
        "p-16",
        P,
        "ko",
        "1986년 민간 자본이 가장 큰 주",
        "label",
        "result = df[df['year'] == 1986].set_index('state')['pc']",
        MAX,
    ),
    ("p-17", P, "ko", "평균 실업률", "number", "result = df['unemp'].mean()", N5),
    ("p-18", P, "ko", "실업률이 10% 넘는 경우 몇 건?", "number", "result = (df['unemp'] > 10).sum()", N0),
    ("p-19", P, "ko", "고속도로에 투자하면 경제가 성장하나?", *DEC),
    # --- cigarette consumption 1985-1995 ------------------------------------------------------
    (
        "g-01",
        G,
        "en",
        "average packs per capita in 1995",
        "number",
        "result = df.loc[df['year'] == 1995, 'packpc'].mean()",
        N5,
    ),
    (
        "g-02",
        G,
        "en",
        "which state smoked the most packs per person in 1985?",
        "label",
        "result = df[df['year'] == 1985].set_index('state')['packpc']",
        MAX,
    ),
    ("g-03", G, "en", "average price by year", "table", "result = df.groupby('year')['avgprs'].mean()", N5),
    (
        "g-04",
        G,
        "en",
        "population of CA in 1995",
        "number",
        "result = df.loc[(df['state'] == 'CA') & (df['year'] == 1995), 'pop'].iloc[0]",
        N5,
    ),
    (
        "g-05",
        G,
        "en",
        "correlation between average price and packs per capita",
        "number",
        "result = df['avgprs'].corr(df['packpc'])",
        CORR,
    ),
    ("g-06", G, "en", "median tax in 1995", "number", "result = df.loc[df['year'] == 1995, 'tax'].median()", N5),
    (
        "g-07",
        G,
        "en",
        "top 3 states by avg price in 1995",
        "labels",
        "result = df[df['year'] == 1995].nlargest(3, 'avgprs')['state'].tolist()",
        {"ordered": True},
    ),
    ("g-08", G, "en", "if the tax goes up 10 cents how much will smoking drop?", *DEC),
    (
        "g-09",
        G,
        "ko",
        "1995년 1인당 담배 소비가 가장 적은 주",
        "label",
        "result = df[df['year'] == 1995].set_index('state')['packpc']",
        MIN,
    ),
    ("g-10", G, "ko", "연도별 평균 가격", "table", "result = df.groupby('year')['avgprs'].mean()", N5),
    ("g-11", G, "ko", "1인당 팩 수 평균", "number", "result = df['packpc'].mean()", N5),
    ("g-12", G, "ko", "1995년 평균 세금", "number", "result = df.loc[df['year'] == 1995, 'tax'].mean()", N5),
    ("g-13", G, "ko", "소비자 물가지수 최댓값", "number", "result = df['cpi'].max()", N5),
    ("g-14", G, "ko", "1985년 인구 합계", "number", "result = df.loc[df['year'] == 1985, 'pop'].sum()", N0),
    ("g-15", G, "ko", "담뱃값이 오르면 흡연이 줄어드는 게 가격 때문이야?", *DEC),
    # --- traffic fatalities 1982-1988 ---------------------------------------------------------
    (
        "f-01",
        F,
        "en",
        "average traffic fatality rate by year",
        "table",
        "result = df.groupby('year')['mrall'].mean()",
        N5,
    ),
    (
        "f-02",
        F,
        "en",
        "average beer tax in 1988",
        "number",
        "result = df.loc[df['year'] == 1988, 'beertax'].mean()",
        N5,
    ),
    (
        "f-03",
        F,
        "en",
        "how many states had a minimum drinking age of 21 in 1982?",
        "number",
        "result = ((df['year'] == 1982) & (df['mlda'] == 21)).sum()",
        N0,
    ),
    (
        "f-04",
        F,
        "en",
        "average unemployment rate in 1985",
        "number",
        "result = df.loc[df['year'] == 1985, 'unrate'].mean()",
        N5,
    ),
    ("f-05", F, "en", "median per capita income", "number", "result = df['perinc'].median()", N5),
    ("f-06", F, "en", "average miles driven per driver", "number", "result = df['vmiles'].mean()", N5),
    (
        "f-07",
        F,
        "en",
        "which year had the highest average fatality rate?",
        "label",
        "result = df.groupby('year')['mrall'].mean()",
        MAX,
    ),
    ("f-08", F, "ko", "연도별 평균 실업률", "table", "result = df.groupby('year')['unrate'].mean()", N5),
    ("f-09", F, "ko", "1인당 소득 평균", "number", "result = df['perinc'].mean()", N5),
    ("f-10", F, "ko", "맥주세 평균", "number", "result = df['beertax'].mean()", N5),
    ("f-11", F, "ko", "최저 음주 연령 평균은?", "number", "result = df['mlda'].mean()", N5),
    ("f-12", F, "ko", "교통사고 사망률 최댓값", "number", "result = df['mrall'].max()", N5),
    ("f-13", F, "ko", "맥주세를 올리면 사망률이 줄어드나?", *DEC),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8", keep_default_na=False, na_values=["NA"])


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
