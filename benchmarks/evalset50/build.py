"""Builds `dev/questions.jsonl` of the fiftieth evaluation set: every expected result is computed
here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset50/build.py

Written by helper s22c (Nov 2026, issue 14, session 25) before running the analyst on it and
without reading the analyst's code: NUMBERS AS PEOPLE WRITE THEM, a source of confident wrong
answers. Four real public tables from the Rdatasets collection (see data/gen_data.py), none used
by an earlier set, whose numbers come in different scales and units: US macro series in
billions of dollars and thousands of people with a savings rate in percent that goes negative
(ggplot2::economics), married women's labour supply with ages 30-60, hours a year, dollars and
a county unemployment rate in percent (Ecdat::Mroz), British household budget shares stored as
fractions 0-1 beside pounds and ages (Ecdat::BudgetUK), earthquake recordings with distances in
km and accelerations in g (datasets::attenu). The questions write numbers as people do:
magnitudes ("over 2k", "1천만 명", "5 trillion"), percents against fractions and against
percents, age decades ("30대", "in their 20s", "20~30대", "teenagers"), ordinals and number
words ("top three", "the second highest", "a dozen", "세 번째로 큰", "상위 10%"), approximations
that hedge the answer ("roughly", "대략"), ranges with units ("between 5 and 10 km",
"1천~2천 시간"), negative numbers (a minus sign, U+2212 too), and eight that must be declined
where the number cannot be read honestly (a money unit the table does not have; "high" with
no threshold; "around 40" as a filter).

Conventions: "between A and B" and "A~B" include both ends; "in their 20s" / "20대" is 20-29;
"20~30대" is 20-39; a teenager is 13-19; a decade of years ("the 1990s", "2000년대") is its ten
calendar years; a count of earthquakes counts events, of recordings rows; shares are fractions
(written as 0.25 or 25%); "top 10%" is the rows at or above the 90th percentile.

START and END numbers: README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import N0, N5, PCT, build, month_aliases, q, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
EC, MR, BU, AT = "economics.csv", "mroz.csv", "budget_uk.csv", "attenu.csv"
YEAR = "pd.to_datetime(df['date']).dt.year"


QUESTIONS = [
    # --- economics: 478 US months; pce in billions of dollars, pop and unemploy in thousands ------
    q(
        "e-01",
        EC,
        "en",
        "In how many months were more than 10 million people unemployed?",
        "number",
        "result = (df['unemploy'] > 10000).sum()",
        N0,
    ),
    q(
        "e-02",
        EC,
        "ko",
        "실업자가 1천만 명 이상인 달은 몇 개월이야?",
        "number",
        "result = (df['unemploy'] >= 10000).sum()",
        N0,
    ),
    q(
        "e-03",
        EC,
        "en",
        "How many months had a population of at least 300 million?",
        "number",
        "result = (df['pop'] >= 300000).sum()",
        N0,
    ),
    q(
        "e-04",
        EC,
        "ko",
        "인구가 2억 5천만 명을 넘은 달은 몇 개월?",
        "number",
        "result = (df['pop'] > 250000).sum()",
        N0,
    ),
    q(
        "e-05",
        EC,
        "en",
        "In how many months did personal consumption expenditures exceed 5 trillion dollars?",
        "number",
        "result = (df['pce'] > 5000).sum()",
        N0,
    ),
    q(
        "e-06",
        EC,
        "ko",
        "소비지출(pce)이 1조 달러 미만인 달은 몇 개월?",
        "number",
        "result = (df['pce'] < 1000).sum()",
        N0,
    ),
    q(
        "e-07",
        EC,
        "en",
        "average savings rate (psavert) in months when it was below 5%",
        "number",
        "result = df.loc[df['psavert'] < 5, 'psavert'].mean()",
        N5,
    ),
    q(
        "e-08",
        EC,
        "ko",
        "개인저축률(psavert)이 마이너스였던 달은 몇 번이야?",
        "number",
        "result = (df['psavert'] < 0).sum()",
        N0,
    ),
    q(
        "e-09",
        EC,
        "en",
        "How many months had a personal savings rate below \u22121%?",
        "number",
        "result = (df['psavert'] < -1).sum()",
        N0,
    ),
    q(
        "e-10",
        EC,
        "ko",
        "저축률이 -2에서 2 사이인 달의 평균 실업자 수(unemploy)는?",
        "number",
        "result = df.loc[df['psavert'].between(-2, 2), 'unemploy'].mean()",
        N5,
    ),
    q(
        "e-11",
        EC,
        "en",
        "average pce when unemployment was under 3 million",
        "number",
        "result = df.loc[df['unemploy'] < 3000, 'pce'].mean()",
        N5,
    ),
    q(
        "e-12",
        EC,
        "en",
        "What was the average median unemployment duration (uempmed) in the 1990s?",
        "number",
        f"result = df.loc[{YEAR}.between(1990, 1999), 'uempmed'].mean()",
        N5,
    ),
    q(
        "e-13",
        EC,
        "ko",
        "2000년대 평균 저축률(psavert)은?",
        "number",
        f"result = df.loc[{YEAR}.between(2000, 2009), 'psavert'].mean()",
        N5,
    ),
    q(
        "e-14",
        EC,
        "en",
        "In how many months was unemployment between 7 and 8 million?",
        "number",
        "result = df['unemploy'].between(7000, 8000).sum()",
        N0,
    ),
    q(
        "e-15",
        EC,
        "ko",
        "실업자가 500만~600만 명 사이였던 달은 몇 개월?",
        "number",
        "result = df['unemploy'].between(5000, 6000).sum()",
        N0,
    ),
    q(
        "e-16",
        EC,
        "ko",
        "실업자 수가 두 번째로 많았던 달은?",
        "label",
        "dates = df.sort_values('unemploy', ascending=False)['date']\nresult = dates.iloc[1]",
        {"others": "list(dates.iloc[[0, 2, 3, 4]])", "date_month": True},
    ),
    q("e-19", EC, "en", "How many months had high unemployment?", "decline"),
    q("e-20", EC, "ko", "소비지출이 100조 원을 넘은 달은 몇 개월이야?", "decline"),
    # --- mroz: 753 married women, 1975; ages 30-60, hours a year, dollars, unemprate in percent ---
    q(
        "m-01",
        MR,
        "ko",
        "아내 나이(agew)가 30대인 사람은 몇 명?",
        "number",
        "result = df['agew'].between(30, 39).sum()",
        N0,
    ),
    q("m-02", MR, "en", "How many wives are in their 40s?", "number", "result = df['agew'].between(40, 49).sum()", N0),
    q(
        "m-03",
        MR,
        "en",
        "average family income for women in their 50s",
        "number",
        "result = df.loc[df['agew'].between(50, 59), 'income'].mean()",
        N5,
    ),
    q(
        "m-04",
        MR,
        "ko",
        "남편 나이(ageh)가 40~50대인 가구의 평균 소득(income)은?",
        "number",
        "result = df.loc[df['ageh'].between(40, 59), 'income'].mean()",
        N5,
    ),
    q(
        "m-05",
        MR,
        "en",
        "How many families have an income over 50k?",
        "number",
        "result = (df['income'] > 50000).sum()",
        N0,
    ),
    q(
        "m-06",
        MR,
        "ko",
        "가족 소득(income)이 2만 달러 이상인 여성은 몇 명이야?",
        "number",
        "result = (df['income'] >= 20000).sum()",
        N0,
    ),
    q(
        "m-07",
        MR,
        "ko",
        "가족 소득이 3천 달러 미만인 경우는 몇 건?",
        "number",
        "result = (df['income'] < 3000).sum()",
        N0,
    ),
    q(
        "m-08",
        MR,
        "en",
        "How many women worked over 2k hours in 1975?",
        "number",
        "result = (df['hoursw'] > 2000).sum()",
        N0,
    ),
    q(
        "m-09",
        MR,
        "ko",
        "아내 근무시간(hoursw)이 1천~2천 시간인 사람은 몇 명?",
        "number",
        "result = df['hoursw'].between(1000, 2000).sum()",
        N0,
    ),
    q(
        "m-10",
        MR,
        "en",
        "What share of families have an income under $10,000?",
        "number",
        "result = (df['income'] < 10000).mean()",
        PCT,
    ),
    q(
        "m-11",
        MR,
        "en",
        "average hearnw where the county unemployment rate is above 10%",
        "number",
        "result = df.loc[df['unemprate'] > 10, 'hearnw'].mean()",
        N5,
    ),
    q(
        "m-12",
        MR,
        "ko",
        "실업률(unemprate)이 5% 이하인 지역에 사는 여성은 몇 명?",
        "number",
        "result = (df['unemprate'] <= 5).sum()",
        N0,
    ),
    q(
        "m-13",
        MR,
        "en",
        "What's the second highest family income?",
        "number",
        "result = df['income'].sort_values(ascending=False).iloc[1]",
        N0,
    ),
    q(
        "m-14",
        MR,
        "ko",
        "소득(income) 상위 10% 가구의 평균 소득은?",
        "number",
        "result = df.loc[df['income'] >= df['income'].quantile(0.9), 'income'].mean()",
        {"rel_tol": 0.01},
    ),
    q(
        "m-15",
        MR,
        "en",
        "How many wives have a dozen or more years of education (educw)?",
        "number",
        "result = (df['educw'] >= 12).sum()",
        N0,
    ),
    q(
        "m-17",
        MR,
        "ko",
        "남편 시급(wageh)이 10달러 넘는 경우 아내의 평균 근무시간(hoursw)은?",
        "number",
        "result = df.loc[df['wageh'] > 10, 'hoursw'].mean()",
        N5,
    ),
    q(
        "m-18",
        MR,
        "en",
        "How many families have three or more children aged 6 to 18 (child618)?",
        "number",
        "result = (df['child618'] >= 3).sum()",
        N0,
    ),
    q(
        "m-19",
        MR,
        "ko",
        "6세 미만 자녀(child6)가 두 명 이상인 가구는 몇 개야?",
        "number",
        "result = (df['child6'] >= 2).sum()",
        N0,
    ),
    q("m-20", MR, "ko", "가족 소득이 1억 원 이상인 가구는 몇 개야?", "decline"),
    q("m-21", MR, "en", "How many wives are around 40?", "decline"),
    q("m-22", MR, "en", "How many women have a high income?", "decline"),
    # --- budget_uk: 1,519 British households; budget shares as fractions 0-1, pounds, ages -------
    q(
        "b-01",
        BU,
        "en",
        "How many households spend more than 50% of their budget on food (wfood)?",
        "number",
        "result = (df['wfood'] > 0.5).sum()",
        N0,
    ),
    q(
        "b-02",
        BU,
        "ko",
        "식비 비중(wfood)이 30% 미만인 가구는 몇 곳?",
        "number",
        "result = (df['wfood'] < 0.3).sum()",
        N0,
    ),
    q(
        "b-03",
        BU,
        "en",
        "average income of households whose alcohol share (walc) is over 10%",
        "number",
        "result = df.loc[df['walc'] > 0.1, 'income'].mean()",
        N5,
    ),
    q(
        "b-04",
        BU,
        "ko",
        "교통비 비중(wtrans)이 20% 이상인 가구의 비율은?",
        "number",
        "result = (df['wtrans'] >= 0.2).mean()",
        PCT,
    ),
    q(
        "b-05",
        BU,
        "en",
        "How many households spend under 5% on fuel (wfuel)?",
        "number",
        "result = (df['wfuel'] < 0.05).sum()",
        N0,
    ),
    q(
        "b-06",
        BU,
        "en",
        "What percentage of households have a food share above 0.5?",
        "number",
        "result = (df['wfood'] > 0.5).mean()",
        PCT,
    ),
    q(
        "b-07",
        BU,
        "en",
        "How many household heads are in their 20s?",
        "number",
        "result = df['age'].between(20, 29).sum()",
        N0,
    ),
    q(
        "b-08",
        BU,
        "ko",
        "가구주 나이가 20~30대인 가구의 평균 식비 비중(wfood)은?",
        "number",
        "result = df.loc[df['age'].between(20, 39), 'wfood'].mean()",
        PCT,
    ),
    q(
        "b-09",
        BU,
        "en",
        "How many households are headed by a teenager?",
        "number",
        "result = df['age'].between(13, 19).sum()",
        N0,
    ),
    q(
        "b-10",
        BU,
        "ko",
        "가구주가 50대인 가구의 평균 소득은?",
        "number",
        "result = df.loc[df['age'].between(50, 59), 'income'].mean()",
        N5,
    ),
    q(
        "b-11",
        BU,
        "en",
        "average total expenditure (totexp) of households with an income of at least 200",
        "number",
        "result = df.loc[df['income'] >= 200, 'totexp'].mean()",
        N5,
    ),
    q(
        "b-12",
        BU,
        "ko",
        "소득(income)이 100 이하인 가구의 평균 연료비 비중(wfuel)은?",
        "number",
        "result = df.loc[df['income'] <= 100, 'wfuel'].mean()",
        PCT,
    ),
    q(
        "b-13",
        BU,
        "ko",
        "세 번째로 큰 의류비 비중(wcloth)은 얼마야?",
        "number",
        "result = df['wcloth'].sort_values(ascending=False).iloc[2]",
        N0,
    ),
    q(
        "b-14",
        BU,
        "en",
        "How many households have total expenditure between 100 and 150 pounds?",
        "number",
        "result = df['totexp'].between(100, 150).sum()",
        N0,
    ),
    q(
        "b-15",
        BU,
        "ko",
        "아이가 두 명인 가구 중 술 비중(walc)이 0.1 넘는 가구 수",
        "number",
        "result = ((df['children'] == 2) & (df['walc'] > 0.1)).sum()",
        N0,
    ),
    q(
        "b-16",
        BU,
        "ko",
        "대략 가구당 평균 총지출(totexp)은 얼마야?",
        "number",
        "result = df['totexp'].mean()",
        N5,
    ),
    q("b-17", BU, "en", "How many households spend over $100 a week?", "decline"),
    q("b-18", BU, "ko", "식비 비중이 높은 가구는 몇 곳이야?", "decline"),
    # --- attenu: 182 recordings of 23 Californian earthquakes; dist in km, accel in g ------------
    q(
        "a-01",
        AT,
        "en",
        "How many recordings were made between 5 and 10 km from the quake?",
        "number",
        "result = df['dist'].between(5, 10).sum()",
        N0,
    ),
    q("a-02", AT, "ko", "거리(dist)가 100km 이상인 관측은 몇 건?", "number", "result = (df['dist'] >= 100).sum()", N0),
    q(
        "a-03",
        AT,
        "en",
        "average peak acceleration for recordings within 20 km",
        "number",
        "result = df.loc[df['dist'] <= 20, 'accel'].mean()",
        N5,
    ),
    q("a-04", AT, "ko", "가속도(accel)가 0.5g 넘는 기록은 몇 개?", "number", "result = (df['accel'] > 0.5).sum()", N0),
    q(
        "a-05",
        AT,
        "en",
        "How many earthquakes had a magnitude of at least 7?",
        "number",
        "result = df.loc[df['mag'] >= 7, 'event'].nunique()",
        N0,
    ),
    q(
        "a-06",
        AT,
        "ko",
        "규모 6 이상 지진에서 관측된 기록의 평균 거리는?",
        "number",
        "result = df.loc[df['mag'] >= 6, 'dist'].mean()",
        N5,
    ),
    q(
        "a-07",
        AT,
        "en",
        "What is the second largest acceleration?",
        "number",
        "result = df['accel'].sort_values(ascending=False).iloc[1]",
        N0,
    ),
    q(
        "a-09",
        AT,
        "ko",
        "거리 50~100km 사이 기록의 평균 가속도는?",
        "number",
        "result = df.loc[df['dist'].between(50, 100), 'accel'].mean()",
        N5,
    ),
    q(
        "a-10",
        AT,
        "ko",
        "규모(mag)가 6점대인 지진은 몇 개야?",
        "number",
        "result = df.loc[(df['mag'] >= 6) & (df['mag'] < 7), 'event'].nunique()",
        N0,
    ),
    q("a-11", AT, "en", "Roughly what's the average distance?", "number", "result = df['dist'].mean()", N5),
    q(
        "a-13",
        AT,
        "ko",
        "가속도가 가장 큰 기록 세 개의 거리",
        "labels",
        "result = list(df.sort_values('accel', ascending=False)['dist'].head(3))",
        {"ordered": False},
    ),
    q("a-15", AT, "ko", "진동이 강했던 기록은 몇 건이야?", "decline"),
    q("a-16", AT, "en", "How many recordings were far from the quake?", "decline"),
]


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    dated = {x[0] for x in QUESTIONS if x[6].get("date_month")}
    for r in rows:  # a month named by its last day: the month said in any usual way is the answer too
        if r["id"] in dated:
            month = r["expect"]["value"][:7]
            r["expect"]["also"] = [month, *month_aliases(month)]
    write(HERE, rows)


if __name__ == "__main__":
    main()
