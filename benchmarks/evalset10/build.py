"""Builds `dev/questions.jsonl` of the tenth evaluation set: every expected result is computed
here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset10/data/gen_data.py && python benchmarks/evalset10/build.py

The questions were written (Nov 2026, issue 14 round 7) the way people ask, before changing the
planner, about what plans express: changes between consecutive periods as a series (the month
that fell or rose the most against the one before, how many months fell, the same month a year
earlier), aggregate-then-condition over groups and periods (how many years had a total under a
threshold, how many countries were lower in one year than another, which region rose the most,
HAVING), ordinal superlatives, the first period crossing a threshold, derived per-row measures (a
ratio's median, a spread max − min, a yearly average's extreme, quarters), and comparisons (a
filtered mean against the rest, the share of rows not matching, which of two columns is larger),
with near variants that must be declined. `percent` results are fractions (0.25 = 25%).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, month_aliases, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
V, E, C, T = "visitors_monthly.csv", "고용_월별.csv", "country_stats.csv", "trips.csv"
VS = "s = df.set_index('month')['arrivals']\n"  # arrivals per month
VY = "y = df['month'].str[:4].astype(int)\n"
ES = "s = df.set_index('연월')['실업률']\n"
EY = "y = df['연월'].str[:4].astype(int)\n"
TY = "y = pd.to_datetime(df['start_time']).dt.year\n"
CP = "p = df.pivot(index='country', columns='year', values='gdp_per_capita')\n"


def region_change(measure: str, a: int, b: int) -> str:
    return f"g = df.groupby(['region', 'year'])['{measure}'].mean().unstack()\nresult = g[{b}] - g[{a}]"


QUESTIONS = [
    # --- visitors_monthly: consecutive changes, a year earlier, first crossing, yearly totals ---
    (
        "v-01",
        V,
        "en",
        "In which month did arrivals fall the most compared with the month before?",
        "label",
        VS + "result = s.diff()",
        {"pick": "min", "period_month": True},
    ),
    (
        "v-02",
        V,
        "en",
        "how many months saw a drop in arrivals from the previous month?",
        "number",
        VS + "result = (s.diff() < 0).sum()",
        {"rel_tol": 0},
    ),
    (
        "v-03",
        V,
        "en",
        "What was the biggest month-over-month increase in arrivals?",
        "number",
        VS + "result = s.diff().max()",
        {"rel_tol": 0.005},
    ),
    (
        "v-04",
        V,
        "ko",
        "arrivals가 전월보다 가장 크게 늘어난 달은 언제야?",
        "label",
        VS + "result = s.diff()",
        {"pick": "max", "period_month": True},
    ),
    (
        "v-05",
        V,
        "ko",
        "arrivals가 전달보다 줄어든 달은 몇 번이야?",
        "number",
        VS + "result = (s.diff() < 0).sum()",
        {"rel_tol": 0},
    ),
    (
        "v-06",
        V,
        "en",
        "December 2023 arrivals vs December 2022, how many times as large?",
        "number",
        VS + "result = s['2023-12'] / s['2022-12']",
        {"rel_tol": 0.005},
    ),
    (
        "v-07",
        V,
        "ko",
        "2023년 8월 arrivals는 1년 전 같은 달의 몇 배야?",
        "number",
        VS + "result = s['2023-08'] / s['2022-08']",
        {"rel_tol": 0.005},
    ),
    (
        "v-08",
        V,
        "en",
        "How many years had total arrivals under 12 million?",
        "number",
        VY + "result = (df.groupby(y)['arrivals'].sum() < 12_000_000).sum()",
        {"rel_tol": 0},
    ),
    (
        "v-09",
        V,
        "ko",
        "연간 arrivals 합계가 1500만을 넘은 해는 몇 번이야?",
        "number",
        VY + "result = (df.groupby(y)['arrivals'].sum() > 15_000_000).sum()",
        {"rel_tol": 0},
    ),
    (
        "v-10",
        V,
        "en",
        "What was the first month after 2020 when arrivals passed 1 million again?",
        "label",
        VY + "r = df[(y > 2020) & (df['arrivals'] > 1_000_000)]['month']\nresult = r.iloc[0]",
        {"others": "list(r.iloc[1:6])"},
    ),
    (
        "v-11",
        V,
        "ko",
        "2021년 이후 arrivals가 처음으로 100만을 넘은 달은?",
        "label",
        VY + "r = df[(y >= 2021) & (df['arrivals'] > 1_000_000)]['month']\nresult = r.iloc[0]",
        {"others": "list(r.iloc[1:6])"},
    ),
    (
        "v-12",
        V,
        "en",
        "percent change in total arrivals from 2018 to 2019",
        "number",
        VY + "g = df.groupby(y)['arrivals'].sum()\nresult = g[2019] / g[2018] - 1",
        {"rel_tol": 0.01, "percent": True, "either_sign": True},
    ),
    (
        "v-13",
        V,
        "ko",
        "2022년 대비 2023년 arrivals 합계 증가율은?",
        "number",
        VY + "g = df.groupby(y)['arrivals'].sum()\nresult = g[2023] / g[2022] - 1",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "v-14",
        V,
        "en",
        "On average, how many more departures than arrivals were there per month?",
        "number",
        "result = (df['departures'] - df['arrivals']).mean()",
        {"rel_tol": 0.005},
    ),
    (
        "v-15",
        V,
        "ko",
        "월평균 departures와 arrivals의 차이는?",
        "number",
        "result = (df['departures'] - df['arrivals']).mean()",
        {"rel_tol": 0.005, "either_sign": True},
    ),
    (
        "v-16",
        V,
        "ko",
        "arrivals가 전년 대비 가장 많이 감소한 해는?",
        "label",
        VY + "result = df.groupby(y)['arrivals'].sum().diff()",
        {"pick": "min"},
    ),
    ("v-17", V, "en", "In which month did arrivals change the most?", "decline", "", {}),
    ("v-18", V, "ko", "arrivals가 가장 많이 변한 달은?", "decline", "", {}),
    (
        "v-19",
        V,
        "en",
        "What was the first month when arrivals passed 1 million visitors from Japan?",
        "decline",
        "",
        {},
    ),
    # --- 고용_월별: Korean columns, a wide monthly table ---
    (
        "e-01",
        E,
        "ko",
        "실업률이 전월 대비 가장 크게 오른 달은?",
        "label",
        ES + "result = s.diff()",
        {"pick": "max", "period_month": True},
    ),
    (
        "e-02",
        E,
        "ko",
        "실업률이 전달보다 떨어진 달은 모두 몇 번?",
        "number",
        ES + "result = (s.diff() < 0).sum()",
        {"rel_tol": 0},
    ),
    (
        "e-03",
        E,
        "ko",
        "연평균 실업률이 제일 낮았던 해는?",
        "label",
        EY + "result = df.groupby(y)['실업률'].mean()",
        {"pick": "min"},
    ),
    (
        "e-04",
        E,
        "ko",
        "연평균 실업률이 두 번째로 높았던 해는?",
        "label",
        EY + "g = df.groupby(y)['실업률'].mean().sort_values(ascending=False)\nresult = g.index[1]",
        {"others": "[g.index[0]] + list(g.index[2:6])"},
    ),
    (
        "e-05",
        E,
        "ko",
        "연평균 실업률이 4% 미만이었던 해는 몇 번이야?",
        "number",
        EY + "result = (df.groupby(y)['실업률'].mean() < 4).sum()",
        {"rel_tol": 0},
    ),
    (
        "e-06",
        E,
        "ko",
        "실업률이 처음으로 3% 아래로 떨어진 달은?",
        "label",
        "r = df[df['실업률'] < 3]['연월']\nresult = r.iloc[0]",
        {"others": "list(r.iloc[1:6])"},
    ),
    (
        "e-07",
        E,
        "ko",
        "제조업과 건설업 중 평균적으로 취업자가 더 많은 쪽은?",
        "label",
        "result = df[['제조업', '건설업']].mean()",
        {"pick": "max"},
    ),
    (
        "e-08",
        E,
        "en",
        "Which had the higher average in 2023, 건설업 or 제조업?",
        "label",
        EY + "result = df.loc[y == 2023, ['건설업', '제조업']].mean()",
        {"pick": "max"},
    ),
    (
        "e-09",
        E,
        "ko",
        "2015년 제조업 합계는?",
        "number",
        EY + "result = df.loc[y == 2015, '제조업'].sum()",
        {"rel_tol": 0},
    ),
    (
        "e-10",
        E,
        "en",
        "total 건설업 in 2020",
        "number",
        EY + "result = df.loc[y == 2020, '건설업'].sum()",
        {"rel_tol": 0},
    ),
    (
        "e-11",
        E,
        "en",
        "In which year was the average 서비스업 first above 15000?",
        "label",
        EY + "g = df.groupby(y)['서비스업'].mean()\nr = g[g > 15000]\nresult = r.index[0]",
        {"others": "list(r.index[1:6])"},
    ),
    (
        "e-12",
        E,
        "ko",
        "2010년 이후 건설업이 가장 적었던 분기는?",
        "label",
        "d = pd.to_datetime(df['연월'])\nk = df[d.dt.year >= 2010]\nq = pd.to_datetime(k['연월']).dt.to_period('Q').astype(str)\n"
        "result = k.groupby(q)['건설업'].sum()",
        {"pick": "min", "year_quarter": True},
    ),
    (
        "e-13",
        E,
        "en",
        "Which quarter had the lowest average 실업률 in 2019?",
        "label",
        EY + "k = df[y == 2019]\nresult = k.groupby(pd.to_datetime(k['연월']).dt.quarter)['실업률'].mean()",
        {"pick": "min", "quarter": True, "in_year": 2019},
    ),
    ("e-14", E, "ko", "실업률이 가장 많이 변한 해는?", "decline", "", {}),
    ("e-15", E, "ko", "제조업과 건설업 중 임금이 더 높은 쪽은?", "decline", "", {}),
    (
        "e-16",
        E,
        "en",
        "how much higher was 실업률 in 2020 than in 2019, on average?",
        "number",
        EY + "result = df.loc[y == 2020, '실업률'].mean() - df.loc[y == 2019, '실업률'].mean()",
        {"rel_tol": 0.01},
    ),
    # --- country_stats: groups and years ---
    (
        "c-01",
        C,
        "en",
        "How many countries had a lower GDP per capita in 2007 than in 1987?",
        "number",
        CP + "result = (p[2007] < p[1987]).sum()",
        {"rel_tol": 0},
    ),
    (
        "c-02",
        C,
        "ko",
        "1987년보다 2007년에 gdp_per_capita가 낮아진 country는 몇 개?",
        "number",
        CP + "result = (p[2007] < p[1987]).sum()",
        {"rel_tol": 0},
    ),
    (
        "c-03",
        C,
        "en",
        "Which region's average life expectancy rose the most from 1990 to 2000?",
        "label",
        region_change("life_expectancy", 1990, 2000),
        {"pick": "max"},
    ),
    (
        "c-04",
        C,
        "ko",
        "1995년부터 2005년까지 평균 gdp_per_capita가 가장 많이 오른 region은?",
        "label",
        region_change("gdp_per_capita", 1995, 2005),
        {"pick": "max"},
    ),
    (
        "c-05",
        C,
        "en",
        "Which country had the second lowest life expectancy in 2000?",
        "label",
        "g = df[df['year'] == 2000].set_index('country')['life_expectancy'].sort_values()\nresult = g.index[1]",
        {"others": "[g.index[0]] + list(g.index[2:6])"},
    ),
    (
        "c-06",
        C,
        "ko",
        "2007년 gdp_per_capita가 세 번째로 높은 country는?",
        "label",
        "g = df[df['year'] == 2007].set_index('country')['gdp_per_capita'].sort_values(ascending=False)\n"
        "result = g.index[2]",
        {"others": "list(g.index[:2]) + list(g.index[3:6])"},
    ),
    (
        "c-07",
        C,
        "en",
        "Which 3 countries had the lowest average life expectancy between 2000 and 2007?",
        "labels",
        "g = df[df['year'].between(2000, 2007)].groupby('country')['life_expectancy'].mean().sort_values()\n"
        "result = list(g.index[:3])",
        {"ordered": False, "others_from": "g"},
    ),
    (
        "c-08",
        C,
        "ko",
        "2005년 gdp_per_capita 상위 5개 country",
        "labels",
        "g = df[df['year'] == 2005].set_index('country')['gdp_per_capita'].sort_values(ascending=False)\n"
        "result = list(g.index[:5])",
        {"ordered": True, "others_from": "g"},
    ),
    (
        "c-09",
        C,
        "en",
        "How many regions had an average GDP per capita above 5000 in 2007?",
        "number",
        "result = (df[df['year'] == 2007].groupby('region')['gdp_per_capita'].mean() > 5000).sum()",
        {"rel_tol": 0},
    ),
    (
        "c-10",
        C,
        "en",
        "In 2007, how much higher was the average GDP per capita of countries with life expectancy over 75 than of the rest?",
        "number",
        "k = df[df['year'] == 2007]\nm = k['life_expectancy'] > 75\n"
        "result = k.loc[m, 'gdp_per_capita'].mean() - k.loc[~m, 'gdp_per_capita'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "c-11",
        C,
        "ko",
        "2007년 life_expectancy가 70 미만인 나라의 평균 gdp_per_capita는 나머지보다 얼마나 낮아?",
        "number",
        "k = df[df['year'] == 2007]\nm = k['life_expectancy'] < 70\n"
        "result = k.loc[~m, 'gdp_per_capita'].mean() - k.loc[m, 'gdp_per_capita'].mean()",
        {"rel_tol": 0.005, "either_sign": True},
    ),
    (
        "c-12",
        C,
        "ko",
        "region별 2007년 평균 life_expectancy가 두 번째로 낮은 곳은?",
        "label",
        "g = df[df['year'] == 2007].groupby('region')['life_expectancy'].mean().sort_values()\nresult = g.index[1]",
        {"others": "[g.index[0]] + list(g.index[2:])"},
    ),
    ("c-13", C, "en", "Which region's average life expectancy rose the most?", "decline", "", {}),
    ("c-14", C, "en", "How many countries had a lower GDP per capita in 2007 than in 1980?", "decline", "", {}),
    ("c-15", C, "ko", "1990년부터 2000년까지 행복지수가 가장 많이 오른 region은?", "decline", "", {}),
    (
        "c-16",
        C,
        "ko",
        "2000년 대비 2007년 population_m 합계 증가율은?",
        "number",
        "g = df.groupby('year')['population_m'].sum()\nresult = g[2007] / g[2000] - 1",
        {"rel_tol": 0.01, "percent": True},
    ),
    # --- trips: HAVING, ordinals, per-row ratios, spreads, shares not matching ---
    (
        "t-01",
        T,
        "en",
        "Among cities with at least 300 trips, which has the shortest average trip duration?",
        "label",
        "n = df['city'].value_counts()\nk = df[df['city'].isin(n[n >= 300].index)]\n"
        "result = k.groupby('city')['duration_min'].mean()",
        {"pick": "min"},
    ),
    (
        "t-02",
        T,
        "ko",
        "이용 건수가 600건 이상인 city 중에서 평균 fare가 가장 낮은 곳은?",
        "label",
        "n = df['city'].value_counts()\nk = df[df['city'].isin(n[n >= 600].index)]\n"
        "result = k.groupby('city')['fare'].mean()",
        {"pick": "min"},
    ),
    (
        "t-03",
        T,
        "en",
        "How long was the third longest trip, in minutes?",
        "number",
        "result = df['duration_min'].sort_values(ascending=False).iloc[2]",
        {"rel_tol": 0},
    ),
    (
        "t-04",
        T,
        "ko",
        "평균 duration_min이 두 번째로 긴 city는?",
        "label",
        "g = df.groupby('city')['duration_min'].mean().sort_values(ascending=False)\nresult = g.index[1]",
        {"others": "[g.index[0]] + list(g.index[2:])"},
    ),
    (
        "t-05",
        T,
        "en",
        "What is the median fare per km?",
        "number",
        "result = (df['fare'] / df['distance_km']).median()",
        {"rel_tol": 0.005},
    ),
    (
        "t-06",
        T,
        "ko",
        "km당 fare의 중앙값은 얼마야?",
        "number",
        "result = (df['fare'] / df['distance_km']).median()",
        {"rel_tol": 0.005},
    ),
    (
        "t-07",
        T,
        "en",
        "What's the spread of fares for casual riders, max minus min?",
        "number",
        "k = df[df['rider_type'] == 'casual']['fare']\nresult = k.max() - k.min()",
        {"rel_tol": 0.005},
    ),
    (
        "t-08",
        T,
        "ko",
        "Porto에서 duration_min 최댓값과 최솟값의 차이는?",
        "number",
        "k = df[df['city'] == 'Porto']['duration_min']\nresult = k.max() - k.min()",
        {"rel_tol": 0.005},
    ),
    (
        "t-09",
        T,
        "en",
        "What percentage of trips in 2023 were not by members?",
        "number",
        TY + "k = df[y == 2023]\nresult = (k['rider_type'] != 'member').mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "t-10",
        T,
        "ko",
        "2022년 casual이 아닌 이용의 비율은?",
        "number",
        TY + "k = df[y == 2022]\nresult = (k['rider_type'] != 'casual').mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "t-11",
        T,
        "ko",
        "casual 이용자의 평균 fare는 나머지보다 얼마나 높아?",
        "number",
        "m = df['rider_type'] == 'casual'\nresult = df.loc[m, 'fare'].mean() - df.loc[~m, 'fare'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "t-12",
        T,
        "en",
        "how much longer are trips in Lisbon than in the other cities, on average?",
        "number",
        "m = df['city'] == 'Lisbon'\nresult = df.loc[m, 'duration_min'].mean() - df.loc[~m, 'duration_min'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "t-13",
        T,
        "ko",
        "세 번째로 긴 이용의 distance_km는?",
        "number",
        "result = df.sort_values('duration_min', ascending=False)['distance_km'].iloc[2]",
        {"rel_tol": 0},
    ),
    (
        "t-14",
        T,
        "en",
        "In which month of 2023 did the number of trips drop the most from the month before?",
        "label",
        "d = pd.to_datetime(df['start_time'])\nk = d[d.dt.year == 2023].dt.to_period('M').astype(str)\n"
        "result = k.value_counts().sort_index().diff()",
        {"pick": "min", "period_month": True},
    ),
    (
        "t-15",
        T,
        "ko",
        "2023년에 이용 건수가 전월보다 줄어든 달은 몇 개월?",
        "number",
        "d = pd.to_datetime(df['start_time'])\nk = d[d.dt.year == 2023].dt.to_period('M').astype(str)\n"
        "result = (k.value_counts().sort_index().diff() < 0).sum()",
        {"rel_tol": 0},
    ),
    ("t-16", T, "en", "What is the median fare per passenger?", "decline", "", {}),
    ("t-17", T, "ko", "세 번째로 긴 이용의 목적지는?", "decline", "", {}),
    ("t-18", T, "en", "Among cities with at least 300 trips, which has the happiest riders?", "decline", "", {}),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


def quarter_aliases(label: str) -> list[str]:
    """'2013Q2' -> ['2013 Q2', '2013-Q2', 'Q2 2013', '2013년 2분기', '2013년 2사분기']."""
    y, q = label.split("Q")
    return [f"{y} Q{q}", f"{y}-Q{q}", f"Q{q} {y}", f"{y}년 {q}분기", f"{y}년 {q}사분기"]


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    extras = {q[0]: q[6] for q in QUESTIONS}
    for row in rows:
        e = row["expect"]
        extra = extras[row["id"]]
        if extra.get("in_year"):  # the quarter of the one year asked about, said with that year
            q = e["value"][1:]
            e["also"] = [*e["also"], *quarter_aliases(f"{extra['in_year']}Q{q}"), f"{extra['in_year']}Q{q}"]
        if extra.get("year_quarter"):
            e["also"] = quarter_aliases(e["value"])
        if e["kind"] == "label" and "others" in extra and "-" in e["value"]:  # a month named, not a group
            e["also"] = month_aliases(e["value"])
    write(HERE, rows)
