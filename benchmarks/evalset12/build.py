"""Builds `dev/questions.jsonl` of the twelfth evaluation set: every expected result is computed
here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset12/data/gen_data.py && python benchmarks/evalset12/build.py

The questions were written (Nov 2026, issue 14 round 8) the way people ask, before changing the
planner, about what a plan must be able to say: the month-over-month change (or growth) of one
group within a year; which of several date columns a time condition or a time bucket refers to
(named by the question's verb or noun: placed, shipped, born, joined; declined when nothing tells);
the percent of days when a table holds several rows a day; the rows of the group a superlative
picks ("the orders of the customer who spent the most", "그 지역의 상위 5개 가게"); a range
"between A and B" bound to the column its values fit (a year column, a date column's years, a
measure); a statistic left unsaid ("fewest orders" counts rows, "lowest sales" totals an amount);
the share of rows meeting a condition per group; and dates written the US way, with dashes, with
dots (day first) or in Korean. Near variants must be declined: a measure or a value the data
lacks, a date that does not exist, a time condition no column's name settles.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, month_aliases, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
O, M, W, S = "orders.csv", "members.csv", "weather_stations.csv", "가게매출.csv"  # noqa: E741 - the four datasets
OD = "od = pd.to_datetime(df['order_date'])\n"
SD = "sd = pd.to_datetime(df['ship_date'])\n"
BD = "bd = pd.to_datetime(df['birth_date'])\n"
JD = "jd = pd.to_datetime(df['join_date'])\n"
WD = "d = pd.to_datetime(df['date'])\n"
KD = "d = pd.to_datetime(df['날짜'])\n"


def mom(frame: str, date: str, measure: str, growth: bool = False) -> str:
    """Month-over-month change (growth as a fraction) of a measure's monthly total."""
    step = "pct_change()" if growth else "diff()"
    return (
        f"m = {frame}.groupby({date}.dt.to_period('M'))['{measure}'].sum()\n"
        f"result = m.{step}.dropna()\nresult.index = result.index.astype(str)"
    )


def share_of_days(cond: str) -> str:
    """Share of the distinct days on which some row meets cond (rows are station-days)."""
    return f"{WD}hit = d[{cond}].nunique()\nresult = hit / d.nunique()"


QUESTIONS = [
    # --- orders: two date columns, superlative's rows, share per group, US dates, ranges -------
    (
        "o-01",
        O,
        "en",
        "How did Furniture sales change month over month in 2023, by order date?",
        "table",
        OD + "f = df[(df['category'] == 'Furniture') & (od.dt.year == 2023)]\n" + mom("f", "od[f.index]", "sales"),
        {"rel_tol": 0.005, "period_month": True},
    ),
    (
        "o-02",
        O,
        "en",
        "month over month growth in West region sales for orders placed in 2024",
        "table",
        OD + "f = df[(df['region'] == 'West') & (od.dt.year == 2024)]\n" + mom("f", "od[f.index]", "sales", True),
        {"rel_tol": 0.01, "period_month": True, "percent": True},
    ),
    (
        "o-03",
        O,
        "en",
        "How many orders were shipped in January 2023?",
        "number",
        SD + "result = ((sd.dt.year == 2023) & (sd.dt.month == 1)).sum()",
        {"rel_tol": 0},
    ),
    (
        "o-04",
        O,
        "en",
        "How many orders were placed in January 2023?",
        "number",
        OD + "result = ((od.dt.year == 2023) & (od.dt.month == 1)).sum()",
        {"rel_tol": 0},
    ),
    (
        "o-05",
        O,
        "en",
        "total sales by ship month in 2024",
        "table",
        SD + "f = df[sd.dt.year == 2024]\nresult = f.groupby(sd[f.index].dt.to_period('M'))['sales'].sum()\n"
        "result.index = result.index.astype(str)",
        {"rel_tol": 0.005, "period_month": True},
    ),
    (
        "o-06",
        O,
        "ko",
        "2023년에 주문된 건들의 월별 매출 합계",
        "table",
        OD + "f = df[od.dt.year == 2023]\nresult = f.groupby(od[f.index].dt.to_period('M'))['sales'].sum()\n"
        "result.index = result.index.astype(str)",
        {"rel_tol": 0.005, "period_month": True},
    ),
    (
        "o-07",
        O,
        "ko",
        "2023년 12월에 배송된 주문은 몇 건이야?",
        "number",
        SD + "result = ((sd.dt.year == 2023) & (sd.dt.month == 12)).sum()",
        {"rel_tol": 0},
    ),
    ("o-08", O, "en", "How many rows fall in June 2023?", "decline", "", {}),
    ("o-09", O, "ko", "2023년 6월에 해당하는 행은 몇 개야?", "decline", "", {}),
    (
        "o-10",
        O,
        "en",
        "List the orders of the customer who spent the most",
        "labels",
        "top = df.groupby('customer')['sales'].sum().idxmax()\nresult = list(df.loc[df['customer'] == top, 'order_id'])",
        {"ordered": False},
    ),
    (
        "o-11",
        O,
        "en",
        "show me the 3 biggest orders of the customer with the highest total sales",
        "labels",
        "top = df.groupby('customer')['sales'].sum().idxmax()\n"
        "result = list(df[df['customer'] == top].nlargest(3, 'sales')['order_id'])",
        {"ordered": True},
    ),
    (
        "o-12",
        O,
        "ko",
        "매출 합계가 가장 큰 고객의 주문 목록을 보여줘",
        "labels",
        "top = df.groupby('customer')['sales'].sum().idxmax()\nresult = list(df.loc[df['customer'] == top, 'order_id'])",
        {"ordered": False},
    ),
    ("o-13", O, "en", "List the orders of the customer who complained the most", "decline", "", {}),
    (
        "o-14",
        O,
        "en",
        "Which quarter had the fewest orders placed in 2023?",
        "label",
        OD + "result = od[od.dt.year == 2023].dt.quarter.value_counts()",
        {"pick": "min", "quarter": 2023},
    ),
    (
        "o-15",
        O,
        "en",
        "Which carrier has the lowest sales?",
        "label",
        "result = df.groupby('carrier')['sales'].sum()",
        {"pick": "min"},
    ),
    ("o-16", O, "ko", "주문이 가장 적은 운송사는?", "label", "result = df['carrier'].value_counts()", {"pick": "min"}),
    (
        "o-17",
        O,
        "en",
        "share of late shipments by carrier",
        "table",
        "result = (df['delivery'] == 'Late').groupby(df['carrier']).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "o-18",
        O,
        "ko",
        "운송사별 Late 비율 알려줘",
        "table",
        "result = (df['delivery'] == 'Late').groupby(df['carrier']).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "o-19",
        O,
        "en",
        "What percentage of orders in each region were late?",
        "table",
        "result = (df['delivery'] == 'Late').groupby(df['region']).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    ("o-20", O, "en", "share of lost shipments by carrier", "decline", "", {}),
    (
        "o-21",
        O,
        "en",
        "How many orders were placed on 2/28/2023?",
        "number",
        OD + "result = (od == '2023-02-28').sum()",
        {"rel_tol": 0},
    ),
    (
        "o-22",
        O,
        "en",
        "total sales of orders placed on 03-18-2022",
        "number",
        OD + "result = df.loc[od == '2022-03-18', 'sales'].sum()",
        {"rel_tol": 0.005},
    ),
    (
        "o-23",
        O,
        "en",
        "how many orders shipped on 23.08.2023?",
        "number",
        SD + "result = (sd == '2023-08-23').sum()",
        {"rel_tol": 0},
    ),
    (
        "o-24",
        O,
        "ko",
        "2024년 6월 10일에 주문된 건은 몇 개?",
        "number",
        OD + "result = (od == '2024-06-10').sum()",
        {"rel_tol": 0},
    ),
    ("o-25", O, "en", "How many orders were placed on 2/30/2023?", "decline", "", {}),
    (
        "o-26",
        O,
        "en",
        "How many orders had sales between 200 and 500?",
        "number",
        "result = df['sales'].between(200, 500).sum()",
        {"rel_tol": 0},
    ),
    (
        "o-27",
        O,
        "en",
        "How many orders had a quantity between 5 and 10?",
        "number",
        "result = df['quantity'].between(5, 10).sum()",
        {"rel_tol": 0},
    ),
    (
        "o-28",
        O,
        "ko",
        "2024년에 주문된 Furniture 매출이 매달 전월 대비 얼마나 변했어?",
        "table",
        OD + "f = df[(df['category'] == 'Furniture') & (od.dt.year == 2024)]\n" + mom("f", "od[f.index]", "sales"),
        {"rel_tol": 0.005, "period_month": True},
    ),
    (
        "o-29",
        O,
        "ko",
        "수량이 5개에서 10개 사이인 주문은 몇 건?",
        "number",
        "result = df['quantity'].between(5, 10).sum()",
        {"rel_tol": 0},
    ),
    (
        "o-30",
        O,
        "ko",
        "2023.02.26에 배송된 주문은 몇 건?",
        "number",
        SD + "result = (sd == '2023-02-26').sum()",
        {"rel_tol": 0},
    ),
    # --- members: two date columns (birth, join), ranges on years and measures, unsaid statistic --
    (
        "m-01",
        M,
        "en",
        "How many members were born between 1980 and 1990?",
        "number",
        BD + "result = bd.dt.year.between(1980, 1990).sum()",
        {"rel_tol": 0},
    ),
    (
        "m-02",
        M,
        "en",
        "average visits of members who joined between 2020 and 2022",
        "number",
        JD + "result = df.loc[jd.dt.year.between(2020, 2022), 'visits'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "m-03",
        M,
        "ko",
        "1970년에서 1979년 사이에 태어난 회원 수",
        "number",
        BD + "result = bd.dt.year.between(1970, 1979).sum()",
        {"rel_tol": 0},
    ),
    (
        "m-04",
        M,
        "ko",
        "방문 횟수가 50에서 80 사이인 회원은 몇 명?",
        "number",
        "result = df['visits'].between(50, 80).sum()",
        {"rel_tol": 0},
    ),
    ("m-05", M, "en", "how many members scored between 10 and 20?", "decline", "", {}),
    (
        "m-06",
        M,
        "en",
        "How many members joined in 2021?",
        "number",
        JD + "result = (jd.dt.year == 2021).sum()",
        {"rel_tol": 0},
    ),
    (
        "m-07",
        M,
        "en",
        "How many members were born in 1985?",
        "number",
        BD + "result = (bd.dt.year == 1985).sum()",
        {"rel_tol": 0},
    ),
    (
        "m-08",
        M,
        "ko",
        "2022년에 가입한 회원의 평균 방문 횟수",
        "number",
        JD + "result = df.loc[jd.dt.year == 2022, 'visits'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "m-09",
        M,
        "en",
        "Which plan has the fewest members?",
        "label",
        "result = df['plan'].value_counts()",
        {"pick": "min"},
    ),
    (
        "m-10",
        M,
        "en",
        "Which plan has the fewest visits?",
        "label",
        "result = df.groupby('plan')['visits'].sum()",
        {"pick": "min"},
    ),
    (
        "m-11",
        M,
        "ko",
        "가입자가 가장 적은 연도는?",
        "label",
        JD + "result = jd.dt.year.value_counts()",
        {"pick": "min"},
    ),
    (
        "m-12",
        M,
        "ko",
        "1990년부터 2000년 사이에 태어난 회원의 평균 방문 횟수",
        "number",
        BD + "result = df.loc[bd.dt.year.between(1990, 2000), 'visits'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "m-13",
        M,
        "ko",
        "플랜별 방문 60회 이상 회원 비율",
        "table",
        "result = (df['visits'] >= 60).groupby(df['plan']).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "m-14",
        M,
        "en",
        "what share of members in each plan joined in 2024?",
        "table",
        JD + "result = (jd.dt.year == 2024).groupby(df['plan']).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    # --- weather_stations: five rows a day; percent of days, unsaid statistic, dates ----------
    (
        "w-01",
        W,
        "en",
        "What percent of days had rain?",
        "number",
        share_of_days("df['rain_mm'] > 0"),
        {"rel_tol": 0.005, "percent": True},
    ),
    (
        "w-02",
        W,
        "en",
        "On what percentage of days did the temperature go above 30?",
        "number",
        share_of_days("df['temp_max'] > 30"),
        {"rel_tol": 0.005, "percent": True},
    ),
    (
        "w-03",
        W,
        "ko",
        "비가 온 날의 비율은?",
        "number",
        share_of_days("df['rain_mm'] > 0"),
        {"rel_tol": 0.005, "percent": True},
    ),
    (
        "w-04",
        W,
        "ko",
        "최고기온이 0도 아래인 날은 몇 퍼센트야?",
        "number",
        share_of_days("df['temp_max'] < 0"),
        {"rel_tol": 0.005, "percent": True},
    ),
    (
        "w-05",
        W,
        "en",
        "What percent of days did Harbor get rain?",
        "number",
        "h = df[df['station'] == 'Harbor']\nresult = (h['rain_mm'] > 0).mean()",
        {"rel_tol": 0.005, "percent": True},
    ),
    (
        "w-06",
        W,
        "en",
        "what percent of days had winds over 30 km/h",
        "number",
        share_of_days("df['wind_kmh'] > 30"),
        {"rel_tol": 0.005, "percent": True},
    ),
    ("w-07", W, "en", "What percent of days had snow?", "decline", "", {}),
    (
        "w-08",
        W,
        "en",
        "Which month had the least rain?",
        "label",
        WD + "result = df.groupby(d.dt.month)['rain_mm'].sum()",
        {"pick": "min", "month_names": True},
    ),
    (
        "w-09",
        W,
        "ko",
        "비가 가장 적게 온 달은?",
        "label",
        WD + "result = df.groupby(d.dt.month)['rain_mm'].sum()",
        {"pick": "min", "month_names": True},
    ),
    (
        "w-10",
        W,
        "en",
        "Which station had the lowest rainfall?",
        "label",
        "result = df.groupby('station')['rain_mm'].sum()",
        {"pick": "min"},
    ),
    (
        "w-11",
        W,
        "en",
        "How did total rain at Valley change month over month in 2023?",
        "table",
        WD + "f = df[(df['station'] == 'Valley') & (d.dt.year == 2023)]\n" + mom("f", "d[f.index]", "rain_mm"),
        {"rel_tol": 0.005, "period_month": True},
    ),
    (
        "w-12",
        W,
        "en",
        "share of rainy days by station",
        "table",
        "result = (df['rain_mm'] > 0).groupby(df['station']).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "w-13",
        W,
        "ko",
        "관측소별로 풍속 30 넘은 날 비율",
        "table",
        "result = (df['wind_kmh'] > 30).groupby(df['station']).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "w-14",
        W,
        "en",
        "What was the average max temperature on 7/4/2023?",
        "number",
        WD + "result = df.loc[d == '2023-07-04', 'temp_max'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "w-15",
        W,
        "ko",
        "2023년 8월 17일 강수량 합계",
        "number",
        WD + "result = df.loc[d == '2023-08-17', 'rain_mm'].sum()",
        {"rel_tol": 0.005},
    ),
    (
        "w-16",
        W,
        "en",
        "max temperature at Harbor on 21.06.2023",
        "number",
        WD + "result = df.loc[(d == '2023-06-21') & (df['station'] == 'Harbor'), 'temp_max'].max()",
        {"rel_tol": 0.005},
    ),
    (
        "w-17",
        W,
        "en",
        "How many days had max temps between 20 and 25 at Airport?",
        "number",
        "result = df.loc[df['station'] == 'Airport', 'temp_max'].between(20, 25).sum()",
        {"rel_tol": 0},
    ),
    (
        "w-18",
        W,
        "ko",
        "하루 최고기온이 30도를 넘은 날은 전체 날 중 몇 %?",
        "number",
        share_of_days("df['temp_max'] > 30"),
        {"rel_tol": 0.005, "percent": True},
    ),
    ("w-19", W, "ko", "눈이 온 날의 비율은?", "decline", "", {}),
    ("w-20", W, "ko", "2023년 2월 30일 강수량은?", "decline", "", {}),
    # --- 가게매출: Korean columns; month-over-month, superlative's rows, year ranges, shares --------
    (
        "s-01",
        S,
        "ko",
        "하늘카페 매출이 2024년에 전월 대비 어떻게 변했어?",
        "table",
        KD + "f = df[(df['가게'] == '하늘카페') & (d.dt.year == 2024)]\n" + mom("f", "d[f.index]", "매출액"),
        {"rel_tol": 0.005, "period_month": True},
    ),
    (
        "s-02",
        S,
        "ko",
        "2023년 서울 지역 매출의 전월 대비 증감률",
        "table",
        KD + "f = df[(df['지역'] == '서울') & (d.dt.year == 2023)]\n" + mom("f", "d[f.index]", "매출액", True),
        {"rel_tol": 0.01, "period_month": True, "percent": True},
    ),
    (
        "s-03",
        S,
        "en",
        "month-over-month change in 카페 sales in 2024",
        "table",
        KD + "f = df[(df['업종'] == '카페') & (d.dt.year == 2024)]\n" + mom("f", "d[f.index]", "매출액"),
        {"rel_tol": 0.005, "period_month": True},
    ),
    (
        "s-04",
        S,
        "ko",
        "매출이 가장 높은 지역의 상위 5개 가게는?",
        "labels",
        "r = df.groupby('지역')['매출액'].sum().idxmax()\n"
        "result = list(df[df['지역'] == r].groupby('가게')['매출액'].sum().nlargest(5).index)",
        {"ordered": True},
    ),
    (
        "s-05",
        S,
        "ko",
        "방문객이 가장 많은 업종에서 매출 상위 3개 가게",
        "labels",
        "k = df.groupby('업종')['방문객수'].sum().idxmax()\n"
        "result = list(df[df['업종'] == k].groupby('가게')['매출액'].sum().nlargest(3).index)",
        {"ordered": True},
    ),
    (
        "s-06",
        S,
        "ko",
        "매출이 가장 낮은 가게의 월별 매출",
        "table",
        KD + "g = df.groupby('가게')['매출액'].sum().idxmin()\nf = df[df['가게'] == g]\n"
        "result = f.groupby(d[f.index].dt.to_period('M'))['매출액'].sum()\nresult.index = result.index.astype(str)",
        {"rel_tol": 0.005, "period_month": True},
    ),
    ("s-07", S, "ko", "평점이 가장 높은 지역의 상위 5개 가게", "decline", "", {}),
    (
        "s-08",
        S,
        "ko",
        "2000년에서 2007년 사이에 개업한 가게들의 월 평균 매출",
        "number",
        "result = df.loc[df['개업연도'].between(2000, 2007), '매출액'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "s-09",
        S,
        "ko",
        "2000년부터 2007년까지 문을 연 가게는 몇 곳?",
        "number",
        "result = df.loc[df['개업연도'].between(2000, 2007), '가게'].nunique()",
        {"rel_tol": 0},
    ),
    (
        "s-10",
        S,
        "ko",
        "매출액이 1000에서 1500 사이인 기록은 몇 건?",
        "number",
        "result = df['매출액'].between(1000, 1500).sum()",
        {"rel_tol": 0},
    ),
    (
        "s-11",
        S,
        "en",
        "average 방문객수 for shops opened between 2010 and 2015",
        "number",
        "result = df.loc[df['개업연도'].between(2010, 2015), '방문객수'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "s-12",
        S,
        "ko",
        "2024년에 매출이 가장 적은 분기는?",
        "label",
        KD + "f = df[d.dt.year == 2024]\nresult = f.groupby(d[f.index].dt.quarter)['매출액'].sum()",
        {"pick": "min", "quarter": 2024},
    ),
    (
        "s-13",
        S,
        "ko",
        "2023년에 방문객이 가장 적었던 달은?",
        "label",
        KD + "f = df[d.dt.year == 2023]\nresult = f.groupby(d[f.index].dt.month)['방문객수'].sum()",
        {"pick": "min", "month_names": True},
    ),
    (
        "s-14",
        S,
        "ko",
        "지역별로 매출액 2000 넘은 비율",
        "table",
        "result = (df['매출액'] > 2000).groupby(df['지역']).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "s-15",
        S,
        "ko",
        "업종별 방문객수 1000명 이상인 비율은?",
        "table",
        "result = (df['방문객수'] >= 1000).groupby(df['업종']).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "s-16",
        S,
        "ko",
        "2024년 3월 1일 매출 합계",
        "number",
        KD + "result = df.loc[d == '2024-03-01', '매출액'].sum()",
        {"rel_tol": 0.005},
    ),
    ("s-17", S, "ko", "2024년 2월 30일 매출 합계", "decline", "", {}),
    (
        "s-18",
        S,
        "ko",
        "매출이 가장 높은 업종의 가게 목록",
        "labels",
        "k = df.groupby('업종')['매출액'].sum().idxmax()\nresult = sorted(df.loc[df['업종'] == k, '가게'].unique())",
        {"ordered": False},
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name)


def finish(rows: list[dict], questions: list[tuple]) -> list[dict]:
    """Set-specific readings the shared builder does not know: percent tables, and quarters
    of a named year (said as Q2, 2분기, 2023Q2 or 2023-Q2)."""
    extras = {q[0]: q[6] for q in questions}
    for r in rows:
        extra, expect = extras[r["id"]], r["expect"]
        if expect["kind"] == "table" and extra.get("percent"):
            expect["percent"] = True
        year = extra.get("quarter")
        if year:
            q = int(expect["value"][1:])
            expect["also"] = [f"{q}분기", f"{year}Q{q}", f"{year}-Q{q}", f"{year} Q{q}"]
        if expect["kind"] == "table" and extra.get("period_month"):
            expect["also"] = {k: month_aliases(k) for k in expect["value"]}
    return rows


if __name__ == "__main__":
    write(HERE, finish(build(QUESTIONS, load, None), QUESTIONS))
