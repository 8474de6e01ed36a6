"""Builds `dev/questions.jsonl` of the fifth evaluation set: every expected result is computed here
with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset5/data/gen_data.py && python benchmarks/evalset5/build.py

The questions were written (Nov 2026, issue 14 round 4) the way people ask, before changing the
planner, about what plans must express or decline: missing days of a daily series, ranking things
by their extreme, entity-period counts, a total over a column empty for the subset, comparisons
of one measure between two subsets or periods (difference, ratio, percent change, which of two,
against the rest), spreads and per-row differences, group filters, n-th ranks, superlatives over
time buckets, and a free-text column that must not make "orders" look like notes-by-day. A
snippet leaves its answer in `result`:
* number: a scalar (`also` lists other accepted values, e.g. the opposite sign of a difference);
* label: a Series whose idxmax/idxmin (`pick`) is the answer (the runners-up become `others`),
  or a scalar name with `others` given;
* labels: a list (in order); decline: no snippet.
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
ENC = json.loads((DATA / "datasets.json").read_text())

A, S, R = "air_daily.csv", "site_monthly.csv", "orders.csv"
AD = "d = pd.to_datetime(df['date'])\n"
SM = "m = pd.to_datetime(df['month'])\n"
MISSING_AUG = (
    AD + "have = set(d[df['station'] == '{s}'].dt.normalize())\n"
    "result = sum(1 for x in pd.date_range('2023-08-01', '2023-08-31') if x not in have)"
)
GROUP = "g = df.groupby('{by}')['{col}'].{agg}()\n"
CMP = "a = df.loc[{a}, '{col}'].{agg}()\nb = df.loc[{b}, '{col}'].{agg}()\n"

# (id, dataset, lang, question, kind, code, extra expect fields)
QUESTIONS = [
    # --- air_daily: a daily series per station ---
    ("air-01", A, "en", "How many days in August is Mapo's data missing?", "number", MISSING_AUG.format(s="Mapo"), {}),
    ("air-02", A, "ko", "8월에 Nowon 데이터가 빠진 날은 며칠이야?", "number", MISSING_AUG.format(s="Nowon"), {}),
    (
        "air-03",
        A,
        "en",
        "top 3 stations by the highest pm25 they ever reached",
        "labels",
        "s = df.groupby('station')['pm25'].max().sort_values(ascending=False)\nresult = list(s.index[:3])",
        {"ordered": True, "others_from": "s"},
    ),
    (
        "air-04",
        A,
        "ko",
        "temp_max 최고값 기준으로 상위 3개 station은?",
        "labels",
        "s = df.groupby('station')['temp_max'].max().sort_values(ascending=False)\nresult = list(s.index[:3])",
        {"ordered": True, "others_from": "s"},
    ),
    (
        "air-05",
        A,
        "en",
        "average daily temperature range (temp_max minus temp_min) at Jongno",
        "number",
        "j = df[df['station'] == 'Jongno']\nresult = (j['temp_max'] - j['temp_min']).mean()",
        {"rel_tol": 0.005},
    ),
    (
        "air-06",
        A,
        "ko",
        "Jongno에서 temp_max에서 temp_min을 뺀 값의 평균은?",
        "number",
        "j = df[df['station'] == 'Jongno']\nresult = (j['temp_max'] - j['temp_min']).mean()",
        {"rel_tol": 0.005},
    ),
    (
        "air-07",
        A,
        "en",
        "What's the spread between the highest and lowest pm25 at Gangnam?",
        "number",
        "s = df.loc[df['station'] == 'Gangnam', 'pm25']\nresult = s.max() - s.min()",
        {"rel_tol": 0.005},
    ),
    (
        "air-08",
        A,
        "ko",
        "Gangnam pm25 최댓값과 최솟값의 차이는?",
        "number",
        "s = df.loc[df['station'] == 'Gangnam', 'pm25']\nresult = s.max() - s.min()",
        {"rel_tol": 0.005},
    ),
    (
        "air-09",
        A,
        "en",
        "Which month had the lowest average pm25?",
        "label",
        AD + "result = df.groupby(d.dt.month)['pm25'].mean()",
        {"pick": "min", "month_names": True},
    ),
    (
        "air-10",
        A,
        "ko",
        "월평균 pm25가 가장 높은 달은?",
        "label",
        AD + "result = df.groupby(d.dt.month)['pm25'].mean()",
        {"pick": "max", "month_names": True},
    ),
    (
        "air-11",
        A,
        "en",
        "How much higher was the average pm25 at Gangnam than at Mapo?",
        "number",
        CMP.format(a="df['station'] == 'Gangnam'", b="df['station'] == 'Mapo'", col="pm25", agg="mean")
        + "result = a - b",
        {"rel_tol": 0.01},
    ),
    (
        "air-12",
        A,
        "ko",
        "Gangnam이랑 Mapo 평균 pm25 차이가 얼마나 돼?",
        "number",
        CMP.format(a="df['station'] == 'Gangnam'", b="df['station'] == 'Mapo'", col="pm25", agg="mean")
        + "result = a - b",
        {"rel_tol": 0.01, "either_sign": True},
    ),
    (
        "air-13",
        A,
        "en",
        "Songpa or Nowon: which had more rain on average?",
        "label",
        "result = df[df['station'].isin(['Songpa', 'Nowon'])].groupby('station')['rain_mm'].mean()",
        {"pick": "max"},
    ),
    (
        "air-14",
        A,
        "en",
        "which station had the second highest average pm25?",
        "label",
        "s = df.groupby('station')['pm25'].mean().sort_values(ascending=False)\nresult = s.index[1]",
        {"others_from": "s"},
    ),
    (
        "air-15",
        A,
        "ko",
        "평균 pm25가 두 번째로 높은 station은?",
        "label",
        "s = df.groupby('station')['pm25'].mean().sort_values(ascending=False)\nresult = s.index[1]",
        {"others_from": "s"},
    ),
    (
        "air-16",
        A,
        "ko",
        "평균 pm25 기준으로 Jongno는 몇 위야?",
        "number",
        "s = df.groupby('station')['pm25'].mean().rank(ascending=False)\nresult = s['Jongno']",
        {"rel_tol": 0},
    ),
    (
        "air-17",
        A,
        "en",
        "By how much did the average pm25 drop from March to September?",
        "number",
        AD + "result = df.loc[d.dt.month == 3, 'pm25'].mean() - df.loc[d.dt.month == 9, 'pm25'].mean()",
        {"rel_tol": 0.01},
    ),
    (
        "air-18",
        A,
        "ko",
        "평균 pm25가 3월에서 9월까지 몇 퍼센트 줄었어?",
        "number",
        AD + "a = df.loc[d.dt.month == 3, 'pm25'].mean()\nb = df.loc[d.dt.month == 9, 'pm25'].mean()\n"
        "result = (a - b) / a",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "air-19",
        A,
        "en",
        "How much higher is Gangnam's average pm25 than the rest of the stations?",
        "number",
        CMP.format(a="df['station'] == 'Gangnam'", b="df['station'] != 'Gangnam'", col="pm25", agg="mean")
        + "result = a - b",
        {"rel_tol": 0.01},
    ),
    ("air-20", A, "ko", "다음 주 pm25 예보 알려줘", "decline", "", {}),
    ("air-21", A, "en", "How many days is the humidity sensor at Mapo missing?", "decline", "", {}),
    # --- site_monthly: one row per site and month ---
    (
        "site-01",
        S,
        "en",
        "How many site-months had occupancy below 50%?",
        "number",
        "result = (df['occupancy'] < 50).sum()",
        {"rel_tol": 0},
    ),
    (
        "site-02",
        S,
        "ko",
        "occupancy가 50 미만인 site-month는 몇 개야?",
        "number",
        "result = (df['occupancy'] < 50).sum()",
        {"rel_tol": 0},
    ),
    ("site-03", S, "en", "total gas of site Delta", "decline", "", {}),
    ("site-04", S, "ko", "Delta 사이트의 gas 합계는?", "decline", "", {}),
    ("site-05", S, "en", "how many sites are there?", "number", "result = df['site'].nunique()", {"rel_tol": 0}),
    ("site-06", S, "en", "How many companies are there?", "decline", "", {}),
    (
        "site-07",
        S,
        "en",
        "Among sites with at least 30 months of data, which had the highest average revenue?",
        "label",
        "n = df.groupby('site').size()\nresult = df[df['site'].isin(n[n >= 30].index)].groupby('site')['revenue'].mean()",
        {"pick": "max"},
    ),
    (
        "site-08",
        S,
        "en",
        "Which year had the lowest average occupancy?",
        "label",
        SM + "result = df.groupby(m.dt.year)['occupancy'].mean()",
        {"pick": "min"},
    ),
    (
        "site-09",
        S,
        "ko",
        "연평균 revenue가 제일 낮았던 해는?",
        "label",
        SM + "result = df.groupby(m.dt.year)['revenue'].mean()",
        {"pick": "min"},
    ),
    (
        "site-10",
        S,
        "en",
        "how much did total revenue grow from 2022 to 2023?",
        "number",
        SM + "result = df.loc[m.dt.year == 2023, 'revenue'].sum() - df.loc[m.dt.year == 2022, 'revenue'].sum()",
        {"rel_tol": 0.005},
    ),
    (
        "site-11",
        S,
        "ko",
        "2022년이랑 2024년 평균 occupancy 차이는?",
        "number",
        SM + "result = df.loc[m.dt.year == 2024, 'occupancy'].mean() - df.loc[m.dt.year == 2022, 'occupancy'].mean()",
        {"rel_tol": 0.01, "either_sign": True},
    ),
    (
        "site-12",
        S,
        "ko",
        "2024년 revenue 합계는 2022년의 몇 배야?",
        "number",
        SM + "result = df.loc[m.dt.year == 2024, 'revenue'].sum() / df.loc[m.dt.year == 2022, 'revenue'].sum()",
        {"rel_tol": 0.005},
    ),
    (
        "site-13",
        S,
        "en",
        "what percent did total gas drop from 2023 to 2024?",
        "number",
        SM + "a = df.loc[m.dt.year == 2023, 'gas'].sum()\nb = df.loc[m.dt.year == 2024, 'gas'].sum()\n"
        "result = (a - b) / a",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "site-14",
        S,
        "ko",
        "south 지역이 north 지역보다 평균 revenue가 얼마나 더 높아?",
        "number",
        CMP.format(a="df['region'] == 'south'", b="df['region'] == 'north'", col="revenue", agg="mean")
        + "result = a - b",
        {"rel_tol": 0.01},
    ),
    (
        "site-15",
        S,
        "ko",
        "revenue 합계가 두 번째로 많은 site는?",
        "label",
        "s = df.groupby('site')['revenue'].sum().sort_values(ascending=False)\nresult = s.index[1]",
        {"others_from": "s"},
    ),
    (
        "site-16",
        S,
        "ko",
        "평균 occupancy 순위에서 Bravo는 몇 위야?",
        "number",
        "s = df.groupby('site')['occupancy'].mean().rank(ascending=False)\nresult = s['Bravo']",
        {"rel_tol": 0},
    ),
    ("site-17", S, "ko", "회사는 모두 몇 개야?", "decline", "", {}),
    # --- orders: one row per order (a free-text note column) ---
    (
        "ord-01",
        R,
        "en",
        "how many orders from Seoul with amount over 100",
        "number",
        "result = ((df['city'] == 'Seoul') & (df['amount'] > 100)).sum()",
        {"rel_tol": 0},
    ),
    (
        "ord-02",
        R,
        "en",
        "top 10 orders by amount",
        "labels",
        "s = df.set_index('order_id')['amount'].sort_values(ascending=False)\nresult = list(s.index[:10])",
        {"ordered": True},
    ),
    (
        "ord-03",
        R,
        "ko",
        "Seoul에서 amount가 100 넘는 주문은 몇 건이야?",
        "number",
        "result = ((df['city'] == 'Seoul') & (df['amount'] > 100)).sum()",
        {"rel_tol": 0},
    ),
    (
        "ord-04",
        R,
        "en",
        "which month had the most orders?",
        "label",
        AD + "result = df.groupby(d.dt.month).size()",
        {"pick": "max", "month_names": True},
    ),
    (
        "ord-05",
        R,
        "ko",
        "주문이 가장 많았던 달은?",
        "label",
        AD + "result = df.groupby(d.dt.month).size()",
        {"pick": "max", "month_names": True},
    ),
    (
        "ord-06",
        R,
        "en",
        "Among cities with at least 1500 orders, which has the lowest average amount?",
        "label",
        "n = df.groupby('city').size()\nresult = df[df['city'].isin(n[n >= 1500].index)].groupby('city')['amount'].mean()",
        {"pick": "min"},
    ),
    (
        "ord-07",
        R,
        "ko",
        "주문이 1500건 이상인 city 중에서 평균 amount가 가장 낮은 곳은?",
        "label",
        "n = df.groupby('city').size()\nresult = df[df['city'].isin(n[n >= 1500].index)].groupby('city')['amount'].mean()",
        {"pick": "min"},
    ),
    (
        "ord-08",
        R,
        "en",
        "which category had the second most orders?",
        "label",
        "s = df.groupby('category').size().sort_values(ascending=False)\nresult = s.index[1]",
        {"others_from": "s"},
    ),
    (
        "ord-09",
        R,
        "ko",
        "주문 수가 두 번째로 많은 category는?",
        "label",
        "s = df.groupby('category').size().sort_values(ascending=False)\nresult = s.index[1]",
        {"others_from": "s"},
    ),
    (
        "ord-10",
        R,
        "en",
        "Busan or Daegu: which had the higher average amount?",
        "label",
        "result = df[df['city'].isin(['Busan', 'Daegu'])].groupby('city')['amount'].mean()",
        {"pick": "max"},
    ),
    (
        "ord-11",
        R,
        "ko",
        "Busan이랑 Daegu 중에 평균 amount가 더 높은 곳은?",
        "label",
        "result = df[df['city'].isin(['Busan', 'Daegu'])].groupby('city')['amount'].mean()",
        {"pick": "max"},
    ),
    (
        "ord-12",
        R,
        "en",
        "how much more do Seoul orders spend than the rest on average?",
        "number",
        CMP.format(a="df['city'] == 'Seoul'", b="df['city'] != 'Seoul'", col="amount", agg="mean") + "result = a - b",
        {"rel_tol": 0.01},
    ),
    (
        "ord-13",
        R,
        "ko",
        "Seoul 평균 amount는 Busan의 몇 배야?",
        "number",
        CMP.format(a="df['city'] == 'Seoul'", b="df['city'] == 'Busan'", col="amount", agg="mean") + "result = a / b",
        {"rel_tol": 0.005},
    ),
    (
        "ord-14",
        R,
        "ko",
        "amount 상위 5개 주문은?",
        "labels",
        "s = df.set_index('order_id')['amount'].sort_values(ascending=False)\nresult = list(s.index[:5])",
        {"ordered": True},
    ),
    (
        "ord-15",
        R,
        "en",
        "what's the difference between the largest and smallest order amount in Incheon?",
        "number",
        "s = df.loc[df['city'] == 'Incheon', 'amount']\nresult = s.max() - s.min()",
        {"rel_tol": 0.005},
    ),
    (
        "ord-16",
        R,
        "ko",
        "주문 수가 가장 적은 달은?",
        "label",
        AD + "result = df.groupby(d.dt.month).size()",
        {"pick": "min", "month_names": True},
    ),
    ("ord-17", R, "en", "how many customers ordered more than once?", "decline", "", {}),
    ("ord-18", R, "ko", "내일 주문량 예측해줘", "decline", "", {}),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding=ENC[name]["encoding"])


def main() -> None:
    write(HERE, build(QUESTIONS, load, default_tol=0))


if __name__ == "__main__":
    main()
