"""Builds `dev/questions.jsonl` of the nineteenth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset19/data/gen_data.py && python benchmarks/evalset19/build.py

Written by helper i14t (Nov 2026, issue 14) before reading the analyst's vocabulary: wide tables
with one column per period (years, 1월..12월, Jan..Dec, Q1..Q4), as KOSIS, the World Bank and
Eurostat publish them, asked the way people ask (some sloppy), with questions that must be
declined (forecasts, causes, what the data lacks).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import MONTHS, build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
P, G, X, S, A = (
    "시도별_인구.csv",
    "gdp_per_capita.csv",
    "품목별_수출액.csv",
    "regional_sales.csv",
    "airport_passengers.csv",
)
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
#: A change stated as a size with its direction in words ("5.7% 감소", "13.7% 낮습니다").
PCT_SIGNED = {"rel_tol": 0.005, "percent": True, "either_sign": True}
PY = "y = df.set_index('시도')\n"
GY = "y = df.set_index('Country Name')[[str(c) for c in range(2014, 2024)]]\n"
XM = "m = df.set_index('품목')\n"
AM = "m = df.set_index('airport')\n"
QS = ["Q1", "Q2", "Q3", "Q4"]
DECLINE = ("decline", "", {})

QUESTIONS = [
    # --- 시도별 인구 (KOSIS: 시도, 2015..2023) ----------------------------------------------
    ("p-01", P, "ko", "2023년 서울 인구는?", "number", PY + "result = y.loc['서울', '2023']", N0),
    ("p-02", P, "ko", "2023년 인구가 가장 많은 시도는?", "label", PY + "result = y['2023']", {"pick": "max"}),
    ("p-03", P, "ko", "인구가 제일 적은 시도 (2023년 기준)", "label", PY + "result = y['2023']", {"pick": "min"}),
    ("p-04", P, "ko", "연도별 전체 인구", "table", PY + "result = y.sum()", N0),
    ("p-05", P, "en", "total population in 2020", "number", "result = df['2020'].sum()", N0),
    (
        "p-06",
        P,
        "ko",
        "2019년 대비 2023년 전체 인구 변화",
        "number",
        "result = df['2023'].sum() - df['2019'].sum()",
        N0,
    ),
    (
        "p-07",
        P,
        "en",
        "which year had the largest total population?",
        "label",
        PY + "result = y.sum()",
        {"pick": "max"},
    ),
    (
        "p-08",
        P,
        "ko",
        "경기 인구 2015년부터 2023년까지 얼마나 늘었어",
        "number",
        PY + "result = y.loc['경기', '2023'] - y.loc['경기', '2015']",
        N0,
    ),
    (
        "p-09",
        P,
        "ko",
        "2023년 인구 300만 넘는 시도",
        "labels",
        PY + "s = y['2023']\nresult = list(s[s > 3_000_000].index)",
        {"ordered": False},
    ),
    ("p-10", P, "en", "average population per province in 2018", "number", "result = df['2018'].mean()", N5),
    (
        "p-11",
        P,
        "ko",
        "2015년 대비 2023년 인구 증가율이 가장 높은 시도",
        "label",
        PY + "result = y['2023'] / y['2015'] - 1",
        {"pick": "max"},
    ),
    (
        "p-12",
        P,
        "ko",
        "부산 인구 2015년 대비 2023년 증감률",
        "number",
        PY + "result = y.loc['부산', '2023'] / y.loc['부산', '2015'] - 1",
        PCT_SIGNED,
    ),
    (
        "p-13",
        P,
        "en",
        "rank the provinces by population in 2023",
        "labels",
        PY + "result = list(y['2023'].sort_values(ascending=False).index)",
        {"ordered": True},
    ),
    ("p-14", P, "ko", "부산 인구 추이 그래프로 보여줘", "chart", "", {"columns": ["부산"]}),
    ("p-15", P, "ko", "대구 연도별 인구", "table", PY + "result = y.loc['대구']", N0),
    ("p-16", P, "ko", "2030년 서울 인구 예측해줘", *DECLINE),
    ("p-17", P, "ko", "시도별 인구 밀도는?", *DECLINE),
    # --- GDP per capita (World Bank: Country Name, Country Code, 2014..2023) -----------------
    ("g-01", G, "en", "GDP per capita of Japan in 2020", "number", GY + "result = y.loc['Japan', '2020']", N5),
    (
        "g-02",
        G,
        "en",
        "Which country had the highest GDP per capita in 2023?",
        "label",
        GY + "result = y['2023']",
        {"pick": "max"},
    ),
    (
        "g-03",
        G,
        "en",
        "how much did Germany's gdp per capita grow from 2014 to 2023, in percent",
        "number",
        GY + "result = y.loc['Germany', '2023'] / y.loc['Germany', '2014'] - 1",
        PCT,
    ),
    ("g-04", G, "en", "average GDP per capita across countries in 2022", "number", "result = df['2022'].mean()", N5),
    ("g-05", G, "ko", "2021년 1인당 GDP가 가장 낮은 나라", "label", GY + "result = y['2021']", {"pick": "min"}),
    ("g-06", G, "en", "Mexico GDP per capita by year", "table", GY + "result = y.loc['Mexico']", N5),
    (
        "g-07",
        G,
        "en",
        "In which year was France's GDP per capita highest?",
        "label",
        GY + "result = y.loc['France']",
        {"pick": "max"},
    ),
    (
        "g-08",
        G,
        "en",
        "countries with GDP per capita above 50000 in 2023",
        "labels",
        GY + "s = y['2023']\nresult = list(s[s > 50000].index)",
        {"ordered": False},
    ),
    (
        "g-09",
        G,
        "ko",
        "2022년에서 2023년 사이 1인당 GDP가 가장 많이 오른 나라는?",
        "label",
        GY + "result = y['2023'] - y['2022']",
        {"pick": "max"},
    ),
    (
        "g-10",
        G,
        "en",
        "plot the trend of GDP per capita for the United States",
        "chart",
        "",
        {"columns": ["United States"]},
    ),
    ("g-11", G, "en", "why did GDP per capita fall in 2020?", *DECLINE),
    ("g-12", G, "en", "median gdp per capita 2019", "number", "result = df['2019'].median()", N5),
    ("g-13", G, "ko", "브라질 2020년 1인당 GDP", "number", GY + "result = y.loc['Brazil', '2020']", N5),
    ("g-14", G, "ko", "2016년 1인당 국민소득 제일 높은 국가", "label", GY + "result = y['2016']", {"pick": "max"}),
    ("g-15", G, "en", "which countries will be richest in 2030?", *DECLINE),
    # --- 품목별 수출액 (품목, 1월..12월) ---------------------------------------------------------
    ("x-01", X, "ko", "반도체 3월 수출액", "number", XM + "result = m.loc['반도체', '3월']", N0),
    ("x-02", X, "ko", "반도체 연간 수출액 합계", "number", XM + "result = m.loc['반도체'].sum()", N0),
    ("x-03", X, "ko", "월별 총 수출액", "table", XM + "result = m.sum()", N0),
    ("x-04", X, "ko", "수출이 가장 많았던 달은?", "label", XM + "result = m.sum()", {"pick": "max", "month": True}),
    ("x-05", X, "ko", "12월 수출액이 가장 큰 품목", "label", XM + "result = m['12월']", {"pick": "max"}),
    ("x-06", X, "en", "total exports in June", "number", "result = df['6월'].sum()", N0),
    (
        "x-07",
        X,
        "ko",
        "자동차 수출 1월 대비 12월 증가율",
        "number",
        XM + "result = m.loc['자동차', '12월'] / m.loc['자동차', '1월'] - 1",
        PCT_SIGNED,
    ),
    ("x-08", X, "ko", "1년 동안 수출액이 제일 많은 품목은", "label", XM + "result = m.sum(axis=1)", {"pick": "max"}),
    (
        "x-09",
        X,
        "ko",
        "선박 수출이 가장 적었던 달",
        "label",
        XM + "result = m.loc['선박']",
        {"pick": "min", "month": True},
    ),
    ("x-10", X, "en", "average monthly exports of 화장품", "number", XM + "result = m.loc['화장품'].mean()", N5),
    (
        "x-11",
        X,
        "ko",
        "3월 품목별 수출액 순위",
        "labels",
        XM + "result = list(m['3월'].sort_values(ascending=False).index)",
        {"ordered": True},
    ),
    ("x-12", X, "ko", "품목별 연간 수출 총액", "table", XM + "result = m.sum(axis=1)", N0),
    ("x-13", X, "ko", "내년 반도체 수출 전망은?", *DECLINE),
    ("x-14", X, "ko", "7월 철강 수출은 얼마?", "number", XM + "result = m.loc['철강', '7월']", N0),
    # --- regional sales (region, product, Q1..Q4) --------------------------------------------
    ("s-01", S, "en", "total sales in Q3", "number", "result = df['Q3'].sum()", N5),
    (
        "s-02",
        S,
        "en",
        "which quarter had the highest sales?",
        "label",
        f"result = df[{QS}].sum()",
        {"pick": "max", "qname": True},
    ),
    ("s-03", S, "en", "sales by quarter", "table", f"result = df[{QS}].sum()", N5),
    (
        "s-04",
        S,
        "en",
        "Which region sold the most in Q4?",
        "label",
        "result = df.groupby('region')['Q4'].sum()",
        {"pick": "max"},
    ),
    (
        "s-05",
        S,
        "en",
        "how much did gadget sales change from Q1 to Q4",
        "number",
        "g = df[df['product'] == 'Gadgets']\nresult = g['Q4'].sum() - g['Q1'].sum()",
        N5,
    ),
    ("s-06", S, "ko", "2분기 매출 합계", "number", "result = df['Q2'].sum()", N5),
    ("s-07", S, "ko", "지역별 4분기 매출", "table", "result = df.groupby('region')['Q4'].sum()", N5),
    (
        "s-08",
        S,
        "en",
        "West widgets sales in Q2",
        "number",
        "result = df.loc[(df['region'] == 'West') & (df['product'] == 'Widgets'), 'Q2'].sum()",
        N5,
    ),
    ("s-09", S, "ko", "매출이 가장 낮은 분기는", "label", f"result = df[{QS}].sum()", {"pick": "min", "qname": True}),
    ("s-10", S, "en", "does marketing spend drive Q4 sales?", *DECLINE),
    ("s-11", S, "ko", "제품별 연간 매출", "table", f"result = df.groupby('product')[{QS}].sum().sum(axis=1)", N5),
    ("s-12", S, "en", "show the quarterly sales trend as a chart", "chart", "", {"columns": ["Q1", "Q4"]}),
    # --- airport passengers (airport, Jan..Dec) ------------------------------------------------
    ("a-01", A, "en", "passengers at LHR in August", "number", AM + "result = m.loc['LHR', 'Aug']", N0),
    ("a-02", A, "en", "busiest month overall", "label", AM + "result = m.sum()", {"pick": "max", "month": True}),
    ("a-03", A, "en", "total passengers by month", "table", AM + "result = m.sum()", N0),
    ("a-04", A, "ko", "1월 승객이 가장 많은 공항", "label", AM + "result = m['Jan']", {"pick": "max"}),
    ("a-05", A, "ko", "CDG 연간 승객 수", "number", AM + "result = m.loc['CDG'].sum()", N0),
    (
        "a-06",
        A,
        "en",
        "which airport had the most passengers in the year",
        "label",
        AM + "result = m.sum(axis=1)",
        {"pick": "max"},
    ),
    ("a-07", A, "ko", "12월 전체 승객 수", "number", "result = df['Dec'].sum()", N0),
    (
        "a-08",
        A,
        "en",
        "percent change in total passengers from January to July",
        "number",
        "result = df['Jul'].sum() / df['Jan'].sum() - 1",
        PCT,
    ),
    ("a-09", A, "ko", "공항별 평균 월 승객 수", "table", AM + "result = m.mean(axis=1)", N5),
    ("a-10", A, "ko", "승객이 가장 적은 달은 언제야", "label", AM + "result = m.sum()", {"pick": "min", "month": True}),
    ("a-11", A, "en", "what will ICN traffic be next summer?", *DECLINE),
]

#: Month columns as people name them in answers: "7월", "Jul", "July", month 7.
MONTH_NAMES = {f"{i + 1}월": MONTHS[i] for i in range(12)} | {MONTHS[i][:3]: MONTHS[i] for i in range(12)}


def month_also(expect: dict) -> None:
    name = MONTH_NAMES[expect["value"]]
    num = MONTHS.index(name) + 1
    expect["also"] = sorted({name, name[:3], f"{num}월"} - {expect["value"]})


def main() -> None:
    rows = build(
        [(q[0], q[1], q[2], q[3], q[4], q[5], q[6]) for q in QUESTIONS],
        lambda name: pd.read_csv(DATA / name),
        None,
    )
    extra = {q[0]: q[6] for q in QUESTIONS}
    for r in rows:
        if extra[r["id"]].get("month"):
            month_also(r["expect"])
        if extra[r["id"]].get("qname"):
            r["expect"]["also"] = [r["expect"]["value"].replace("Q", "") + "분기"]
    write(HERE, rows)


if __name__ == "__main__":
    main()
