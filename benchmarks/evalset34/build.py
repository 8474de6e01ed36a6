"""Builds `dev/questions.jsonl` of the thirty-fourth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset34/build.py

Written by the coordinator (Nov 2026, issue 14, session 18) as a generalization probe, after the
session's own fixes and before its helpers' branches were merged, without looking at the
planner's vocabulary: four REAL public tables from the Rdatasets collection (Florence
Nightingale's monthly army deaths in the Crimean war, the Longley US economy 1947-1962, guinea
pigs' tooth growth, yarn breaks by wool and tension: see data/gen_data.py), asked the way people
ask, about half in Korean over English column names. The data keeps its real quirks: dotted names
(Disease.rate, Armed.Forces, GNP.deflator), row names that are years, values kept as codes (VC,
OJ; L, M, H).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
N, L, T, W = "nightingale.csv", "longley.csv", "toothgrowth.csv", "warpbreaks.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
CORR = {"rel_tol": 0.01, "abs_tol": 0.005}
MONTH = "df['month'] = df['Date'].str[:7]\n"
DEATHS = "df['deaths'] = df['Disease'] + df['Wounds'] + df['Other']\n"

QUESTIONS = [
    # --- Nightingale: the army in the Crimea, monthly -------------------------------------------
    ("n-01", N, "en", "how many soldiers died of disease in total?", "number", "result = df['Disease'].sum()", N0),
    (
        "n-02",
        N,
        "en",
        "which month had the most deaths from disease?",
        "label",
        MONTH + "result = df.set_index('month')['Disease']",
        {"pick": "max", "period_month": True},
    ),
    (
        "n-03",
        N,
        "en",
        "total deaths from wounds in 1855",
        "number",
        "result = df.loc[df['Year'] == 1855, 'Wounds'].sum()",
        N0,
    ),
    ("n-04", N, "en", "average army size", "number", "result = df['Army'].mean()", N5),
    ("n-05", N, "en", "what was the highest disease death rate?", "number", "result = df['Disease.rate'].max()", N0),
    ("n-06", N, "en", "total deaths per year", "table", DEATHS + "result = df.groupby('Year')['deaths'].sum()", N0),
    ("n-07", N, "en", "plot disease deaths over time", "chart", "", {"columns": ["Date", "Disease"]}),
    (
        "n-08",
        N,
        "en",
        "how many months had more than 1000 disease deaths?",
        "number",
        "result = (df['Disease'] > 1000).sum()",
        N0,
    ),
    ("n-09", N, "en", "total disease deaths by year", "table", "result = df.groupby('Year')['Disease'].sum()", N0),
    (
        "n-10",
        N,
        "en",
        "in which month was the army largest?",
        "label",
        MONTH + "result = df.set_index('month')['Army']",
        {"pick": "max", "period_month": True},
    ),
    ("n-11", N, "en", "will disease deaths go up next month?", "decline", "", {}),
    ("n-12", N, "ko", "질병으로 인한 사망자 총합", "number", "result = df['Disease'].sum()", N0),
    ("n-13", N, "ko", "연도별 부상 사망자 합계", "table", "result = df.groupby('Year')['Wounds'].sum()", N0),
    ("n-14", N, "ko", "1855년 평균 병력", "number", "result = df.loc[df['Year'] == 1855, 'Army'].mean()", N5),
    (
        "n-15",
        N,
        "ko",
        "질병 사망률이 가장 높았던 달은?",
        "label",
        MONTH + "result = df.set_index('month')['Disease.rate']",
        {"pick": "max", "period_month": True},
    ),
    ("n-16", N, "ko", "기타 원인 사망자 평균", "number", "result = df['Other'].mean()", N5),
    ("n-17", N, "ko", "질병 사망자가 500명 넘는 달은 몇 개월?", "number", "result = (df['Disease'] > 500).sum()", N0),
    ("n-18", N, "ko", "월별 질병 사망자 추이 그래프", "chart", "", {"columns": ["Date", "Disease"]}),
    (
        "n-19",
        N,
        "ko",
        "기타 원인 사망자가 가장 적었던 달",
        "label",
        MONTH + "result = df.set_index('month')['Other']",
        {"pick": "min", "period_month": True},
    ),
    ("n-20", N, "ko", "질병 사망자와 병력의 상관관계", "number", "result = df['Disease'].corr(df['Army'])", CORR),
    # --- Longley: the US economy, one row a year -----------------------------------------------
    ("l-01", L, "en", "what was the GNP in 1955?", "number", "result = df.loc[df['Year'] == 1955, 'GNP'].iloc[0]", N5),
    (
        "l-02",
        L,
        "en",
        "which year had the highest unemployment?",
        "label",
        "result = df.set_index('Year')['Unemployed']",
        {"pick": "max"},
    ),
    ("l-03", L, "en", "average number of people employed", "number", "result = df['Employed'].mean()", N5),
    (
        "l-04",
        L,
        "en",
        "how much did GNP grow from 1947 to 1962?",
        "number",
        "s = df.set_index('Year')['GNP']\nresult = s[1962] - s[1947]",
        N5,
    ),
    (
        "l-05",
        L,
        "en",
        "in how many years was unemployment above 300?",
        "number",
        "result = (df['Unemployed'] > 300).sum()",
        N0,
    ),
    ("l-06", L, "en", "plot employment over the years", "chart", "", {"columns": ["Year", "Employed"]}),
    (
        "l-07",
        L,
        "en",
        "average armed forces size in the 1950s",
        "number",
        "result = df.loc[df['Year'].between(1950, 1959), 'Armed.Forces'].mean()",
        N5,
    ),
    (
        "l-08",
        L,
        "en",
        "what is the correlation between GNP and employment?",
        "number",
        "result = df['GNP'].corr(df['Employed'])",
        CORR,
    ),
    (
        "l-09",
        L,
        "en",
        "population in the last year of the data",
        "number",
        "result = df.sort_values('Year')['Population'].iloc[-1]",
        N5,
    ),
    ("l-10", L, "en", "does GNP cause employment?", "decline", "", {}),
    (
        "l-11",
        L,
        "ko",
        "실업자 수가 가장 적었던 해",
        "label",
        "result = df.set_index('Year')['Unemployed']",
        {"pick": "min"},
    ),
    (
        "l-12",
        L,
        "ko",
        "1950년 이후 평균 GNP",
        "number",
        "result = df.loc[df['Year'] >= 1950, 'GNP'].mean()",
        {"rel_tol": 0.005, "also_rows": "df.loc[df['Year'] > 1950, 'GNP'].mean()"},
    ),
    ("l-13", L, "ko", "연도별 취업자 수 추이", "chart", "", {"columns": ["Year", "Employed"]}),
    ("l-14", L, "ko", "인구가 120을 넘은 해는 몇 번?", "number", "result = (df['Population'] > 120).sum()", N0),
    ("l-15", L, "ko", "군 병력 최댓값", "number", "result = df['Armed.Forces'].max()", N0),
    ("l-16", L, "ko", "GNP 디플레이터 평균", "number", "result = df['GNP.deflator'].mean()", N5),
    ("l-17", L, "ko", "1960년 실업자 수", "number", "result = df.loc[df['Year'] == 1960, 'Unemployed'].iloc[0]", N5),
    ("l-18", L, "ko", "내년 GNP 예측해줘", "decline", "", {}),
    # --- ToothGrowth: guinea pigs' teeth by supplement and dose -------------------------------
    ("t-01", T, "en", "average tooth length by supplement", "table", "result = df.groupby('supp')['len'].mean()", N5),
    ("t-02", T, "en", "mean length for dose 2", "number", "result = df.loc[df['dose'] == 2, 'len'].mean()", N5),
    ("t-03", T, "en", "how many guinea pigs got orange juice?", "number", "result = (df['supp'] == 'OJ').sum()", N0),
    (
        "t-04",
        T,
        "en",
        "which supplement gives longer teeth on average?",
        "label",
        "result = df.groupby('supp')['len'].mean()",
        {"pick": "max"},
    ),
    (
        "t-05",
        T,
        "en",
        "maximum tooth length with vitamin C",
        "number",
        "result = df.loc[df['supp'] == 'VC', 'len'].max()",
        N0,
    ),
    (
        "t-06",
        T,
        "en",
        "average length for OJ at dose 0.5",
        "number",
        "result = df.loc[(df['supp'] == 'OJ') & (df['dose'] == 0.5), 'len'].mean()",
        N5,
    ),
    ("t-07", T, "en", "standard deviation of tooth length", "number", "result = df['len'].std()", N5),
    ("t-08", T, "ko", "보충제별 평균 길이", "table", "result = df.groupby('supp')['len'].mean()", N5),
    (
        "t-09",
        T,
        "ko",
        "OJ 그룹에서 가장 긴 치아 길이",
        "number",
        "result = df.loc[df['supp'] == 'OJ', 'len'].max()",
        N0,
    ),
    (
        "t-10",
        T,
        "ko",
        "VC 용량 2일 때 평균 길이",
        "number",
        "result = df.loc[(df['supp'] == 'VC') & (df['dose'] == 2), 'len'].mean()",
        N5,
    ),
    ("t-11", T, "ko", "치아 길이 분포", "chart", "", {"columns": ["len"]}),
    ("t-12", T, "ko", "전체 기니피그 수", "number", "result = len(df)", N0),
    ("t-13", T, "ko", "비타민 C가 치아 성장을 일으키나요?", "decline", "", {}),
    # --- warpbreaks: yarn breaks by wool and tension -------------------------------------------
    (
        "w-01",
        W,
        "en",
        "average number of breaks by wool type",
        "table",
        "result = df.groupby('wool')['breaks'].mean()",
        N5,
    ),
    ("w-02", W, "en", "total breaks for wool A", "number", "result = df.loc[df['wool'] == 'A', 'breaks'].sum()", N0),
    (
        "w-03",
        W,
        "en",
        "which tension level has the most breaks on average?",
        "label",
        "result = df.groupby('tension')['breaks'].mean()",
        {"pick": "max"},
    ),
    ("w-04", W, "en", "how many looms used high tension?", "number", "result = (df['tension'] == 'H').sum()", N0),
    (
        "w-05",
        W,
        "en",
        "maximum breaks with low tension",
        "number",
        "result = df.loc[df['tension'] == 'L', 'breaks'].max()",
        N0,
    ),
    ("w-06", W, "en", "median breaks", "number", "result = df['breaks'].median()", N5),
    ("w-07", W, "ko", "장력별 평균 끊어짐 수", "table", "result = df.groupby('tension')['breaks'].mean()", N5),
    ("w-08", W, "ko", "양모 B의 끊어짐 합계", "number", "result = df.loc[df['wool'] == 'B', 'breaks'].sum()", N0),
    ("w-09", W, "ko", "끊어짐이 40회 넘는 경우는 몇 번?", "number", "result = (df['breaks'] > 40).sum()", N0),
    ("w-10", W, "ko", "breaks 최솟값", "number", "result = df['breaks'].min()", N0),
    ("w-11", W, "ko", "장력 M에서 평균 breaks", "number", "result = df.loc[df['tension'] == 'M', 'breaks'].mean()", N5),
    (
        "w-12",
        W,
        "ko",
        "어떤 양모가 더 잘 끊어지나요?",
        "label",
        "result = df.groupby('wool')['breaks'].mean()",
        {"pick": "max"},
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8", keep_default_na=False, na_values=["NA"])


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
