"""Builds `dev/questions.jsonl` of the seventh evaluation set: every expected result is computed
here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset7/data/gen_data.py && python benchmarks/evalset7/build.py

The questions were written (Nov 2026, issue 14 round 5) the way people ask, before changing the
planner, about periods written as text ("2021년 1월", "1995Q1", "2015-01", "2019년 1분기"), the
hour of a timestamp, the n-th of a ranking, counts of periods meeting a per-period condition,
missing years per value, and two-step questions (a superlative that picks a group or a period,
then a measure of it), with near variants that must be declined. See `evalset_build.py` for the
kinds of expected result.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
B, G, T, R, K = "branch_monthly.csv", "gdp_quarterly.csv", "taxi_trips.csv", "rain_monthly.csv", "kr_quarter.csv"
BM = "p = pd.to_datetime(df['기준월'], format='%Y년 %m월')\n"
GQ = "p = pd.PeriodIndex(df['quarter'], freq='Q')\n"
TX = "t = pd.to_datetime(df['pickup_time'])\n"
RM = "p = pd.to_datetime(df['ym'], format='%Y-%m')\n"
KQ = "y = df['분기'].str[:4].astype(int)\nq = df['분기'].str[6].astype(int)\n"

# (id, dataset, lang, question, kind, code, extra expect fields)
QUESTIONS = [
    # --- branch_monthly: Korean columns, months written "2021년 1월" ---
    ("br-01", B, "ko", "2022년 강남점 매출 합계는?", "number",
     BM + "result = df.loc[(p.dt.year == 2022) & (df['지점'] == '강남점'), '매출'].sum()", {"rel_tol": 0}),
    ("br-02", B, "en", "total 매출 of 홍대점 in 2023", "number",
     BM + "result = df.loc[(p.dt.year == 2023) & (df['지점'] == '홍대점'), '매출'].sum()", {"rel_tol": 0}),
    ("br-03", B, "ko", "연도별 매출 합계 보여줘", "table", BM + "result = df.groupby(p.dt.year)['매출'].sum()", {"rel_tol": 0.001}),
    ("br-04", B, "ko", "2023년 3월 전체 매출은 얼마야?", "number",
     BM + "result = df.loc[(p.dt.year == 2023) & (p.dt.month == 3), '매출'].sum()", {"rel_tol": 0}),
    ("br-05", B, "ko", "매출이 두 번째로 높은 지점은?", "label",
     "s = df.groupby('지점')['매출'].sum().sort_values(ascending=False)\nresult = s.index[1]", {"others_from": "s"}),
    ("br-06", B, "ko", "월 매출 합계가 6000을 넘은 달은 몇 번이야?", "number",
     "s = df.groupby('기준월')['매출'].sum()\nresult = (s > 6000).sum()", {"rel_tol": 0}),
    ("br-07", B, "ko", "매출이 가장 높은 지점의 평균 직원수는?", "number",
     "top = df.groupby('지점')['매출'].sum().idxmax()\nresult = df.loc[df['지점'] == top, '직원수'].mean()",
     {"rel_tol": 0.005}),
    ("br-08", B, "en", "which year had the highest total 매출?", "label", BM + "result = df.groupby(p.dt.year)['매출'].sum()",
     {"pick": "max"}),
    ("br-09", B, "ko", "2021년 1분기 방문객수 합계는?", "number",
     BM + "result = df.loc[(p.dt.year == 2021) & (p.dt.quarter == 1), '방문객수'].sum()", {"rel_tol": 0}),
    ("br-10", B, "ko", "방문객수가 가장 많았던 해의 매출 합계는?", "number",
     BM + "y = df.groupby(p.dt.year)['방문객수'].sum().idxmax()\nresult = df.loc[p.dt.year == y, '매출'].sum()",
     {"rel_tol": 0}),
    ("br-11", B, "ko", "2022년 지점별 평균 매출", "table",
     BM + "result = df[p.dt.year == 2022].groupby('지점')['매출'].mean()", {"rel_tol": 0.005}),
    ("br-12", B, "en", "How many months did total 매출 exceed 6000?", "number",
     "s = df.groupby('기준월')['매출'].sum()\nresult = (s > 6000).sum()", {"rel_tol": 0}),
    ("br-13", B, "en", "which branch had the third highest 방문객수 in total?", "label",
     "s = df.groupby('지점')['방문객수'].sum().sort_values(ascending=False)\nresult = s.index[2]", {"others_from": "s"}),
    ("br-14", B, "ko", "두 번째 지점의 매출은?", "decline", "", {}),
    # --- gdp_quarterly: quarters written "1995Q1"; Chile has no rows in 1998-1999 ---
    ("gq-01", G, "en", "average gdp_growth of Korea in 2008", "number",
     GQ + "result = df.loc[(p.year == 2008) & (df['country'] == 'Korea'), 'gdp_growth'].mean()", {"rel_tol": 0.005}),
    ("gq-02", G, "en", "which quarter had the lowest gdp_growth in Japan?", "label",
     "result = df[df['country'] == 'Japan'].set_index('quarter')['gdp_growth']", {"pick": "min"}),
    ("gq-03", G, "ko", "Korea의 연도별 평균 unemployment", "table",
     GQ + "result = df[df['country'] == 'Korea'].groupby(p[df['country'] == 'Korea'].year)['unemployment'].mean()",
     {"rel_tol": 0.005}),
    ("gq-04", G, "en", "how many years did Chile have average unemployment above 8?", "number",
     GQ + "c = df['country'] == 'Chile'\ns = df[c].groupby(p[c].year)['unemployment'].mean()\nresult = (s > 8).sum()",
     {"rel_tol": 0}),
    ("gq-05", G, "ko", "Chile의 연평균 unemployment가 8을 넘은 해는 몇 번이야?", "number",
     GQ + "c = df['country'] == 'Chile'\ns = df[c].groupby(p[c].year)['unemployment'].mean()\nresult = (s > 8).sum()",
     {"rel_tol": 0}),
    ("gq-06", G, "en", "which years are missing for each country?", "labels",
     GQ + "have = set(p[df['country'] == 'Chile'].year)\nresult = [y for y in range(1995, 2020) if y not in have]",
     {"ordered": False}),
    ("gq-07", G, "ko", "country별로 빠진 연도는?", "labels",
     GQ + "have = set(p[df['country'] == 'Chile'].year)\nresult = [y for y in range(1995, 2020) if y not in have]",
     {"ordered": False}),
    ("gq-08", G, "en", "what was Korea's second highest gdp_growth?", "number",
     "result = df.loc[df['country'] == 'Korea', 'gdp_growth'].sort_values(ascending=False).iloc[1]", {"rel_tol": 0}),
    ("gq-09", G, "ko", "Japan에서 gdp_growth가 세 번째로 낮은 분기는?", "label",
     "s = df[df['country'] == 'Japan'].set_index('quarter')['gdp_growth'].sort_values()\nresult = s.index[2]",
     {"others": "list(s.index[:2]) + list(s.index[3:8])"}),
    ("gq-10", G, "en", "average unemployment of Korea in Q1", "number",
     GQ + "result = df.loc[(p.quarter == 1) & (df['country'] == 'Korea'), 'unemployment'].mean()", {"rel_tol": 0.005}),
    ("gq-11", G, "ko", "2010년 2분기 Korea의 gdp_growth는?", "number",
     GQ + "result = df.loc[(p.year == 2010) & (p.quarter == 2) & (df['country'] == 'Korea'), 'gdp_growth'].mean()",
     {"rel_tol": 0.005}),
    ("gq-12", G, "en", "Which country has the highest average unemployment, and what is its average gdp_growth?", "number",
     "c = df.groupby('country')['unemployment'].mean().idxmax()\nresult = df.loc[df['country'] == c, 'gdp_growth'].mean()",
     {"rel_tol": 0.005}),
    ("gq-13", G, "en", "in how many quarters was Korea's gdp_growth negative?", "number",
     "result = ((df['country'] == 'Korea') & (df['gdp_growth'] < 0)).sum()", {"rel_tol": 0}),
    ("gq-14", G, "ko", "Japan의 gdp_growth 평균이 가장 낮았던 해는?", "label",
     GQ + "j = df['country'] == 'Japan'\nresult = df[j].groupby(p[j].year)['gdp_growth'].mean()", {"pick": "min"}),
    ("gq-15", G, "en", "total gdp_growth by quarter for Chile in 2005", "table",
     GQ + "m = (df['country'] == 'Chile') & (p.year == 2005)\nresult = df[m].set_index('quarter')['gdp_growth']",
     {"rel_tol": 0.005}),
    # --- taxi_trips: a pickup timestamp ---
    ("tx-01", T, "en", "which hour of the day has the most trips?", "label", TX + "result = df.groupby(t.dt.hour).size()",
     {"pick": "max"}),
    ("tx-02", T, "ko", "몇 시에 승차가 가장 많아?", "label", TX + "result = df.groupby(t.dt.hour).size()", {"pick": "max"}),
    ("tx-03", T, "en", "how many trips started after 6 pm?", "number", TX + "result = (t.dt.hour >= 18).sum()", {"rel_tol": 0}),
    ("tx-04", T, "ko", "오후 6시 이후 운행은 몇 건이야?", "number", TX + "result = (t.dt.hour >= 18).sum()", {"rel_tol": 0}),
    ("tx-05", T, "en", "average fare for trips between 9 and 17", "number",
     TX + "result = df.loc[(t.dt.hour >= 9) & (t.dt.hour < 17), 'fare'].mean()",
     {"rel_tol": 0.005, "also_rows": "df.loc[(t.dt.hour >= 9) & (t.dt.hour <= 17), 'fare'].mean()"}),
    ("tx-06", T, "ko", "오전 6시 이전에 출발한 운행의 평균 fare는?", "number",
     TX + "result = df.loc[t.dt.hour < 6, 'fare'].mean()", {"rel_tol": 0.005}),
    ("tx-07", T, "ko", "오전에 출발한 운행은 몇 건?", "number", TX + "result = (t.dt.hour < 12).sum()", {"rel_tol": 0}),
    ("tx-08", T, "en", "how many trips in the evening?", "decline", "", {}),
    ("tx-09", T, "ko", "밤에 가장 많이 가는 zone은?", "decline", "", {}),
    ("tx-10", T, "en", "average fare by hour of day", "table", TX + "result = df.groupby(t.dt.hour)['fare'].mean()",
     {"rel_tol": 0.005}),
    ("tx-11", T, "ko", "시간대별 평균 tip", "table", TX + "result = df.groupby(t.dt.hour)['tip'].mean()", {"rel_tol": 0.005}),
    ("tx-12", T, "en", "Which zone has the highest average fare, and how many trips did it have?", "number",
     "z = df.groupby('zone')['fare'].mean().idxmax()\nresult = (df['zone'] == z).sum()", {"rel_tol": 0}),
    ("tx-13", T, "ko", "평균 fare가 가장 높은 zone의 운행 건수는?", "number",
     "z = df.groupby('zone')['fare'].mean().idxmax()\nresult = (df['zone'] == z).sum()", {"rel_tol": 0}),
    ("tx-14", T, "en", "what is the fare of the 3rd longest trip?", "number",
     "result = df.sort_values('distance_km', ascending=False)['fare'].iloc[2]", {"rel_tol": 0}),
    ("tx-15", T, "ko", "distance_km가 두 번째로 긴 운행의 fare는?", "number",
     "result = df.sort_values('distance_km', ascending=False)['fare'].iloc[1]", {"rel_tol": 0}),
    ("tx-16", T, "en", "at what hour is the average tip highest?", "label", TX + "result = df.groupby(t.dt.hour)['tip'].mean()",
     {"pick": "max"}),
    ("tx-17", T, "ko", "운행 건수가 세 번째로 많은 zone은?", "label",
     "s = df.groupby('zone').size().sort_values(ascending=False)\nresult = s.index[2]", {"others_from": "s"}),
    ("tx-18", T, "en", "number of trips between 22:00 and 23:00", "number", TX + "result = (t.dt.hour == 22).sum()",
     {"rel_tol": 0}),
    ("tx-19", T, "ko", "Airport zone에서 밤 10시 이후 평균 fare는?", "number",
     TX + "result = df.loc[(df['zone'] == 'Airport') & (t.dt.hour >= 22), 'fare'].mean()", {"rel_tol": 0.005}),
    ("tx-20", T, "en", "Which zone has the highest average fare, and why?", "decline", "", {}),
    # --- rain_monthly: months written "2015-01" ---
    ("rn-01", R, "en", "total rain_mm in Seoul in 2018", "number",
     RM + "result = df.loc[(p.dt.year == 2018) & (df['city'] == 'Seoul'), 'rain_mm'].sum()", {"rel_tol": 0.001}),
    ("rn-02", R, "ko", "Busan의 연도별 rain_mm 합계", "table",
     RM + "b = df['city'] == 'Busan'\nresult = df[b].groupby(p[b].dt.year)['rain_mm'].sum()", {"rel_tol": 0.001}),
    ("rn-03", R, "en", "in how many months was avg_temp below 0 in Seoul?", "number",
     "result = ((df['city'] == 'Seoul') & (df['avg_temp'] < 0)).sum()", {"rel_tol": 0}),
    ("rn-04", R, "en", "how many years had total rain_mm over 1500 in Seoul?", "number",
     RM + "s = df['city'] == 'Seoul'\nt = df[s].groupby(p[s].dt.year)['rain_mm'].sum()\nresult = (t > 1500).sum()",
     {"rel_tol": 0}),
    ("rn-05", R, "ko", "Seoul의 연간 rain_mm 합계가 1500을 넘은 해는 몇 번이야?", "number",
     RM + "s = df['city'] == 'Seoul'\nt = df[s].groupby(p[s].dt.year)['rain_mm'].sum()\nresult = (t > 1500).sum()",
     {"rel_tol": 0}),
    ("rn-06", R, "ko", "평균 avg_temp가 가장 높은 해는?", "label", RM + "result = df.groupby(p.dt.year)['avg_temp'].mean()",
     {"pick": "max"}),
    ("rn-07", R, "en", "which month in 2019 had the most rain_mm in Daejeon?", "label",
     "d = (df['city'] == 'Daejeon') & df['ym'].str.startswith('2019')\nresult = df[d].set_index('ym')['rain_mm']",
     {"pick": "max", "period_month": True}),
    ("rn-08", R, "ko", "2020년 7월 Seoul의 rain_mm은?", "number",
     "result = df.loc[(df['ym'] == '2020-07') & (df['city'] == 'Seoul'), 'rain_mm'].sum()", {"rel_tol": 0.001}),
    ("rn-09", R, "en", "which year had the second highest total rain_mm in Busan?", "label",
     RM + "b = df['city'] == 'Busan'\ns = df[b].groupby(p[b].dt.year)['rain_mm'].sum().sort_values(ascending=False)\n"
     "result = s.index[1]", {"others_from": "s"}),
    ("rn-10", R, "ko", "rain_mm 합계가 가장 많은 해의 평균 avg_temp는?", "number",
     RM + "y = df.groupby(p.dt.year)['rain_mm'].sum().idxmax()\nresult = df.loc[p.dt.year == y, 'avg_temp'].mean()",
     {"rel_tol": 0.005}),
    ("rn-11", R, "en", "average avg_temp in the year with the most rain_mm", "number",
     RM + "y = df.groupby(p.dt.year)['rain_mm'].sum().idxmax()\nresult = df.loc[p.dt.year == y, 'avg_temp'].mean()",
     {"rel_tol": 0.005}),
    ("rn-12", R, "ko", "Busan에서 rain_mm이 300을 넘은 달은 몇 개월이야?", "number",
     "result = ((df['city'] == 'Busan') & (df['rain_mm'] > 300)).sum()", {"rel_tol": 0}),
    ("rn-13", R, "en", "average avg_temp in Q3 2021 for Seoul", "number",
     RM + "result = df.loc[(p.dt.year == 2021) & (p.dt.quarter == 3) & (df['city'] == 'Seoul'), 'avg_temp'].mean()",
     {"rel_tol": 0.005}),
    ("rn-14", R, "ko", "연도별 평균 avg_temp 추이", "table", RM + "result = df.groupby(p.dt.year)['avg_temp'].mean()",
     {"rel_tol": 0.005}),
    # --- kr_quarter: quarters written "2019년 1분기" ---
    ("kq-01", K, "ko", "2020년 2분기 매출액 합계는?", "number",
     KQ + "result = df.loc[(y == 2020) & (q == 2), '매출액'].sum()", {"rel_tol": 0.001}),
    ("kq-02", K, "ko", "2021년 부문별 매출액 합계", "table", KQ + "result = df[y == 2021].groupby('부문')['매출액'].sum()",
     {"rel_tol": 0.001}),
    ("kq-03", K, "ko", "연도별 매출액 합계", "table", KQ + "result = df.groupby(y)['매출액'].sum()", {"rel_tol": 0.001}),
    ("kq-04", K, "en", "which year had the highest total 매출액?", "label", KQ + "result = df.groupby(y)['매출액'].sum()",
     {"pick": "max"}),
    ("kq-05", K, "ko", "매출액 합계가 두 번째로 높은 부문은?", "label",
     "s = df.groupby('부문')['매출액'].sum().sort_values(ascending=False)\nresult = s.index[1]", {"others_from": "s"}),
    ("kq-06", K, "ko", "분기 매출액 합계가 1100을 넘은 분기는 몇 개야?", "number",
     "s = df.groupby('분기')['매출액'].sum()\nresult = (s > 1100).sum()", {"rel_tol": 0}),
    ("kq-07", K, "ko", "몇 분기에 매출액이 평균적으로 가장 높아?", "label", KQ + "result = df.groupby(q)['매출액'].mean()",
     {"pick": "max", "quarter": True}),
    ("kq-08", K, "en", "average 영업이익 of 모바일 in 2022", "number",
     KQ + "result = df.loc[(y == 2022) & (df['부문'] == '모바일'), '영업이익'].mean()", {"rel_tol": 0.005}),
    ("kq-09", K, "ko", "영업이익 합계가 가장 큰 부문의 매출액 합계는?", "number",
     "u = df.groupby('부문')['영업이익'].sum().idxmax()\nresult = df.loc[df['부문'] == u, '매출액'].sum()", {"rel_tol": 0.001}),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding=json.loads((DATA / "datasets.json").read_text())[name]["encoding"])


if __name__ == "__main__":
    write(HERE, build(QUESTIONS, load, None))
