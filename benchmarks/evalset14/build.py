"""Builds `dev/questions.jsonl` of the fourteenth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset14/data/gen_data.py && python benchmarks/evalset14/build.py

The questions were written (Nov 2026, issue 14 round 9) the way people ask, before changing the
planner, about what a plan can express: groups kept by a statistic of the group ("states with at
least 50 shipments", "매출 합계가 6천만원이 넘는 지점은 몇 개야?"), ranks beyond the first ("the
second most", "두 번째로 비싼"), a count inside a superlative ("the two cheapest", "가장 싼 두 대",
"세 곳"), "how many times" ("A는 B의 몇 배야?"), a statistic of a per-row difference ("average
daily range (high minus low)", "최고기온과 최저기온 차이의 평균"), and negation of a value ("not
from California", "강남점 제외") or of a presence ("days without rain", "할인이 없는 판매").
Near variants must be declined: a measure or event the data lacks (returns, snow, humidity,
출국, speed), a group the data lacks (Alaska, 명동점, 테슬라).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
S, K, W, C, A = "shipments.csv", "store_sales_ko.csv", "weather_cities.csv", "cars_ko.csv", "arrivals_ko.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
R1 = {"rel_tol": 0.01}
SC = "n = df['state'].value_counts()\n"
SV = "v = df.groupby('state')['order_value'].sum()\n"
KS = "t = df.groupby('지점')['매출액'].sum()\n"
KN = "n = df['지점'].value_counts()\n"
WR = "r = df['temp_high'] - df['temp_low']\n"
P, E = "가격(만원)", "연비(km/L)"


def ordered(extra: str = "") -> dict:
    return {"ordered": True, **({"others_from": extra} if extra else {})}


QUESTIONS = [
    # --- shipments: groups kept by their size or total; ranks; negation; ratio -------------------
    (
        "s-01",
        S,
        "en",
        "which states have at least 50 shipments?",
        "labels",
        SC + "result = list(n[n >= 50].index)",
        {"ordered": False},
    ),
    ("s-02", S, "en", "how many states have at least 50 shipments?", "number", SC + "result = (n >= 50).sum()", N0),
    (
        "s-03",
        S,
        "en",
        "Which states have a total order value over 20,000?",
        "labels",
        SV + "result = list(v[v > 20000].index)",
        {"ordered": False},
    ),
    ("s-04", S, "en", "how many states had more than 200 shipments", "number", SC + "result = (n > 200).sum()", N0),
    (
        "s-05",
        S,
        "en",
        "average shipping cost for states with at least 100 shipments",
        "number",
        SC + "result = df.loc[df['state'].isin(n[n >= 100].index), 'shipping_cost'].mean()",
        N5,
    ),
    ("s-06", S, "ko", "배송 건수가 100건 이상인 주는 몇 개야?", "number", SC + "result = (n >= 100).sum()", N0),
    (
        "s-07",
        S,
        "en",
        "which state has the second most shipments?",
        "label",
        SC + "result = n.index[1]",
        {"others_from": "n"},
    ),
    (
        "s-08",
        S,
        "en",
        "which state has the third highest total order value?",
        "label",
        SV + "v = v.sort_values(ascending=False)\nresult = v.index[2]",
        {"others_from": "v"},
    ),
    (
        "s-09",
        S,
        "en",
        "the 2 carriers with the highest average shipping cost",
        "labels",
        "m = df.groupby('carrier')['shipping_cost'].mean().sort_values(ascending=False)\nresult = list(m.index[:2])",
        ordered("m"),
    ),
    (
        "s-10",
        S,
        "en",
        "the three states with the fewest shipments",
        "labels",
        SC + "n = n.sort_values()\nresult = list(n.index[:3])",
        ordered(),
    ),
    ("s-11", S, "en", "how many shipments had no discount?", "number", "result = (df['discount'] == 0).sum()", N0),
    (
        "s-12",
        S,
        "en",
        "average order value of orders with no discount",
        "number",
        "result = df.loc[df['discount'] == 0, 'order_value'].mean()",
        N5,
    ),
    (
        "s-13",
        S,
        "en",
        "how many shipments were not from California?",
        "number",
        "result = (df['state'] != 'California').sum()",
        N0,
    ),
    (
        "s-14",
        S,
        "en",
        "average shipping cost except UPS",
        "number",
        "result = df.loc[df['carrier'] != 'UPS', 'shipping_cost'].mean()",
        N5,
    ),
    (
        "s-15",
        S,
        "en",
        "How many times bigger is California's total order value than Texas's?",
        "number",
        SV + "result = v['California'] / v['Texas']",
        R1,
    ),
    (
        "s-16",
        S,
        "en",
        "average of order value minus discount",
        "number",
        "result = (df['order_value'] - df['discount']).mean()",
        N5,
    ),
    (
        "s-17",
        S,
        "ko",
        "UPS가 아닌 배송의 평균 무게",
        "number",
        "result = df.loc[df['carrier'] != 'UPS', 'weight_kg'].mean()",
        N5,
    ),
    ("s-18", S, "en", "which states have at least 50 returns?", "decline", "", {}),  # no returns recorded
    ("s-19", S, "en", "how many times more shipments does Texas have than Alaska?", "decline", "", {}),  # no Alaska
    ("s-20", S, "ko", "할인 없는 주문은 몇 건?", "number", "result = (df['discount'] == 0).sum()", N0),
    (
        "s-21",
        S,
        "ko",
        "텍사스 배송 건수는 오하이오의 몇 배야?",
        "number",
        SC + "result = n['Texas'] / n['Ohio']",
        R1,
    ),
    # --- store_sales_ko: Korean columns; HAVING, ranks, counts in superlatives, ratios --------------
    (
        "k-01",
        K,
        "ko",
        "매출 합계가 6천만원이 넘는 지점은 몇 개야?",
        "number",
        KS + "result = (t > 60_000_000).sum()",
        N0,
    ),
    (
        "k-02",
        K,
        "ko",
        "매출액 합계가 6천만 원 이상인 지점들은?",
        "labels",
        KS + "result = list(t[t >= 60_000_000].index)",
        {"ordered": False},
    ),
    (
        "k-03",
        K,
        "ko",
        "판매 건수가 400건 이상인 지점의 평균 매출액",
        "number",
        KN + "result = df.loc[df['지점'].isin(n[n >= 400].index), '매출액'].mean()",
        N5,
    ),
    (
        "k-04",
        K,
        "ko",
        "매출이 두 번째로 많은 지점은?",
        "label",
        KS + "t = t.sort_values(ascending=False)\nresult = t.index[1]",
        {"others_from": "t"},
    ),
    (
        "k-05",
        K,
        "ko",
        "평균 매출액이 세 번째로 높은 지점",
        "label",
        "m = df.groupby('지점')['매출액'].mean().sort_values(ascending=False)\nresult = m.index[2]",
        {"others_from": "m"},
    ),
    (
        "k-06",
        K,
        "ko",
        "매출 합계가 가장 낮은 세 곳",
        "labels",
        KS + "t = t.sort_values()\nresult = list(t.index[:3])",
        ordered(),
    ),
    (
        "k-07",
        K,
        "ko",
        "매출이 가장 많은 두 지점은?",
        "labels",
        KS + "t = t.sort_values(ascending=False)\nresult = list(t.index[:2])",
        ordered(),
    ),
    ("k-08", K, "ko", "강남점 매출은 광주점의 몇 배야?", "number", KS + "result = t['강남점'] / t['광주점']", R1),
    (
        "k-09",
        K,
        "ko",
        "강남점 제외한 매출 합계",
        "number",
        "result = df.loc[df['지점'] != '강남점', '매출액'].sum()",
        N5,
    ),
    ("k-10", K, "ko", "할인이 없는 판매는 몇 건이야?", "number", "result = (df['할인액'] == 0).sum()", N0),
    (
        "k-11",
        K,
        "ko",
        "할인 받은 거래의 평균 매출액",
        "number",
        "result = df.loc[df['할인액'] > 0, '매출액'].mean()",
        N5,
    ),
    (
        "k-12",
        K,
        "ko",
        "식품이 아닌 상품군의 판매수량 합계",
        "number",
        "result = df.loc[df['상품군'] != '식품', '판매수량'].sum()",
        N0,
    ),
    (
        "k-13",
        K,
        "ko",
        "매출액에서 할인액을 뺀 금액의 합계",
        "number",
        "result = (df['매출액'] - df['할인액']).sum()",
        N5,
    ),
    (
        "k-14",
        K,
        "ko",
        "매출 합계가 두 번째로 큰 상품군은?",
        "label",
        "t = df.groupby('상품군')['매출액'].sum().sort_values(ascending=False)\nresult = t.index[1]",
        {"others_from": "t"},
    ),
    ("k-15", K, "ko", "반품이 50건 넘는 지점은?", "decline", "", {}),  # no returns recorded
    ("k-16", K, "ko", "강남점 매출은 명동점의 몇 배야?", "decline", "", {}),  # no 명동점
    (
        "k-17",
        K,
        "ko",
        "의류 매출은 식품 매출의 몇 배?",
        "number",
        "t = df.groupby('상품군')['매출액'].sum()\nresult = t['의류'] / t['식품']",
        R1,
    ),
    (
        "k-18",
        K,
        "ko",
        "판매 건수가 300건 미만인 지점은 어디야?",
        "labels",
        KN + "result = list(n[n < 300].index)",
        {"ordered": False},
    ),
    (
        "k-19",
        K,
        "en",
        "how many branches have total 매출액 above 60 million?",
        "number",
        KS + "result = (t > 60_000_000).sum()",
        N0,
    ),
    # --- weather_cities: presence and its negation; per-row differences; ranks; ratios ------------
    (
        "w-01",
        W,
        "en",
        "how many days without rain in London?",
        "number",
        "result = ((df['rain_mm'] == 0) & (df['city'] == 'London')).sum()",
        N0,
    ),
    (
        "w-02",
        W,
        "en",
        "how many days had rain in Seoul?",
        "number",
        "result = ((df['rain_mm'] > 0) & (df['city'] == 'Seoul')).sum()",
        N0,
    ),
    (
        "w-03",
        W,
        "ko",
        "마드리드에 비가 안 온 날은 며칠이야?",
        "number",
        "result = ((df['rain_mm'] == 0) & (df['city'] == 'Madrid')).sum()",
        N0,
    ),
    (
        "w-04",
        W,
        "en",
        "average daily range (high minus low) in Busan",
        "number",
        WR + "result = r[df['city'] == 'Busan'].mean()",
        N5,
    ),
    (
        "w-05",
        W,
        "en",
        "what was the largest gap between the high and low temperature?",
        "number",
        WR + "result = r.max()",
        N5,
    ),
    (
        "w-06",
        W,
        "en",
        "on which day was the difference between temp_high and temp_low the largest in Seoul?",
        "label",
        WR + "s = r[df['city'] == 'Seoul']\nresult = df.loc[s.idxmax(), 'date']",
        {"others": "list(df.loc[r[df['city'] == 'Seoul'].nlargest(4).index[1:], 'date'])"},
    ),
    ("w-07", W, "ko", "최고기온과 최저기온 차이의 평균은?", "number", WR + "result = r.mean()", N5),
    (
        "w-08",
        W,
        "ko",
        "서울 제외 평균 최고기온",
        "number",
        "result = df.loc[df['city'] != 'Seoul', 'temp_high'].mean()",
        N5,
    ),
    (
        "w-09",
        W,
        "en",
        "average wind speed on days without rain",
        "number",
        "result = df.loc[df['rain_mm'] == 0, 'wind_kmh'].mean()",
        N5,
    ),
    (
        "w-10",
        W,
        "en",
        "which city has the second most rainy days?",
        "label",
        "n = (df['rain_mm'] > 0).groupby(df['city']).sum().sort_values(ascending=False)\nresult = n.index[1]",
        {"others_from": "n"},
    ),
    (
        "w-11",
        W,
        "en",
        "How many times more rain does London get than Madrid in total?",
        "number",
        "t = df.groupby('city')['rain_mm'].sum()\nresult = t['London'] / t['Madrid']",
        R1,
    ),
    (
        "w-12",
        W,
        "en",
        "what was the 3rd hottest day in Madrid?",
        "label",
        "m = df[df['city'] == 'Madrid'].sort_values('temp_high', ascending=False)\nresult = m['date'].iloc[2]",
        {
            "others": "list(df[df['city'] == 'Madrid'].sort_values('temp_high', ascending=False)['date'].iloc[[0, 1, 3]])"
        },
    ),
    ("w-13", W, "ko", "런던의 일교차 평균", "number", WR + "result = r[df['city'] == 'London'].mean()", N5),
    ("w-14", W, "en", "how many days without snow?", "decline", "", {}),  # no snow recorded
    ("w-15", W, "en", "average daily range of humidity", "decline", "", {}),  # no humidity
    (
        "w-17",
        W,
        "ko",
        "마드리드에서 가장 더웠던 세 날은?",
        "labels",
        "m = df[df['city'] == 'Madrid'].sort_values('temp_high', ascending=False)\nresult = list(m['date'].iloc[:3])",
        ordered(),
    ),
    (
        "w-18",
        W,
        "en",
        "Busan's average temp_high is how many times London's?",
        "number",
        "m = df.groupby('city')['temp_high'].mean()\nresult = m['Busan'] / m['London']",
        R1,
    ),
    (
        "w-19",
        W,
        "ko",
        "비가 온 날 중 부산이 아닌 곳의 평균 강수량",
        "number",
        "result = df.loc[(df['rain_mm'] > 0) & (df['city'] != 'Busan'), 'rain_mm'].mean()",
        N5,
    ),
    # --- cars_ko: named rows ranked; counts in superlatives; ratios of group means ---------------
    (
        "c-01",
        C,
        "ko",
        "두 번째로 비싼 차는?",
        "label",
        f"s = df.sort_values('{P}', ascending=False)\nresult = s['모델'].iloc[1]",
        {"others": "list(df.sort_values('가격(만원)', ascending=False)['모델'].iloc[[0, 2, 3]])"},
    ),
    (
        "c-02",
        C,
        "ko",
        "가장 싼 두 대는?",
        "labels",
        f"result = list(df.sort_values('{P}')['모델'].iloc[:2])",
        ordered(),
    ),
    (
        "c-03",
        C,
        "ko",
        "연비가 세 번째로 좋은 모델",
        "label",
        f"s = df.sort_values('{E}', ascending=False)\nresult = s['모델'].iloc[2]",
        {"others": "list(df.sort_values('연비(km/L)', ascending=False)['모델'].iloc[[0, 1, 3]])"},
    ),
    (
        "c-04",
        C,
        "ko",
        "제조사별 평균 가격이 두 번째로 높은 제조사는?",
        "label",
        f"m = df.groupby('제조사')['{P}'].mean().sort_values(ascending=False)\nresult = m.index[1]",
        {"others_from": "m"},
    ),
    (
        "c-05",
        C,
        "ko",
        "가장 비싼 차 세 대",
        "labels",
        f"result = list(df.sort_values('{P}', ascending=False)['모델'].iloc[:3])",
        ordered(),
    ),
    (
        "c-06",
        C,
        "ko",
        "연비가 가장 낮은 네 개 모델",
        "labels",
        f"result = list(df.sort_values('{E}')['모델'].iloc[:4])",
        ordered(),
    ),
    (
        "c-07",
        C,
        "en",
        "what is the second cheapest SUV?",
        "label",
        f"s = df[df['차종'] == 'SUV'].sort_values('{P}')\nresult = s['모델'].iloc[1]",
        {"others": "list(df[df['차종'] == 'SUV'].sort_values('가격(만원)')['모델'].iloc[[0, 2]])"},
    ),
    (
        "c-08",
        C,
        "en",
        "the two most powerful cars",
        "labels",
        "result = list(df.sort_values('출력(마력)', ascending=False)['모델'].iloc[:2])",
        ordered(),
    ),
    (
        "c-09",
        C,
        "ko",
        "현대가 아닌 차의 평균 가격",
        "number",
        f"result = df.loc[df['제조사'] != '현대', '{P}'].mean()",
        N5,
    ),
    (
        "c-10",
        C,
        "ko",
        "제네시스 평균 가격은 기아의 몇 배야?",
        "number",
        f"m = df.groupby('제조사')['{P}'].mean()\nresult = m['제네시스'] / m['기아']",
        R1,
    ),
    ("c-11", C, "ko", "SUV 제외 평균 연비", "number", f"result = df.loc[df['차종'] != 'SUV', '{E}'].mean()", N5),
    (
        "c-12",
        C,
        "ko",
        "모델이 5개 이상인 제조사는?",
        "labels",
        "n = df['제조사'].value_counts()\nresult = list(n[n >= 5].index)",
        {"ordered": False},
    ),
    ("c-13", C, "ko", "두 번째로 빠른 차는?", "decline", "", {}),  # no speed: 출력 is not speed
    ("c-14", C, "ko", "테슬라 평균 가격은 현대의 몇 배?", "decline", "", {}),  # no Tesla
    (
        "c-15",
        C,
        "en",
        "the third most fuel efficient car",
        "label",
        f"s = df.sort_values('{E}', ascending=False)\nresult = s['모델'].iloc[2]",
        {"others": "list(df.sort_values('연비(km/L)', ascending=False)['모델'].iloc[[0, 1, 3]])"},
    ),
    (
        "c-16",
        C,
        "ko",
        "평균 가격이 4000만원 넘는 제조사는 어디?",
        "labels",
        f"m = df.groupby('제조사')['{P}'].mean()\nresult = list(m[m > 4000].index)",
        {"ordered": False},
    ),
    (
        "c-17",
        C,
        "ko",
        "차종 중 모델이 5개 넘는 차종은 몇 개?",
        "number",
        "n = df['차종'].value_counts()\nresult = (n > 5).sum()",
        N0,
    ),
    # --- arrivals_ko: negated category, ratio of totals, ranks over nationalities ----------------
    (
        "a-01",
        A,
        "ko",
        "관광 목적이 아닌 입국자는 모두 몇 명이야?",
        "number",
        "result = df.loc[df['목적'] != '관광', '입국자수'].sum()",
        N0,
    ),
    (
        "a-02",
        A,
        "ko",
        "중국 입국자는 일본 입국자의 몇 배야?",
        "number",
        "t = df.groupby('국적')['입국자수'].sum()\nresult = t['중국'] / t['일본']",
        R1,
    ),
    (
        "a-03",
        A,
        "ko",
        "일본 제외 입국자 수 합계",
        "number",
        "result = df.loc[df['국적'] != '일본', '입국자수'].sum()",
        N0,
    ),
    (
        "a-04",
        A,
        "ko",
        "입국자가 두 번째로 많은 나라는?",
        "label",
        "t = df.groupby('국적')['입국자수'].sum().sort_values(ascending=False)\nresult = t.index[1]",
        {"others_from": "t"},
    ),
    (
        "a-05",
        A,
        "ko",
        "입국자가 가장 적은 세 나라",
        "labels",
        "t = df.groupby('국적')['입국자수'].sum().sort_values()\nresult = list(t.index[:3])",
        ordered(),
    ),
    (
        "a-06",
        A,
        "ko",
        "입국자 수 합계가 100만 명이 넘는 국적은?",
        "labels",
        "t = df.groupby('국적')['입국자수'].sum()\nresult = list(t[t > 1_000_000].index)",
        {"ordered": False},
    ),
    (
        "a-07",
        A,
        "en",
        "how many times more arrivals from 중국 than from 미국?",
        "number",
        "t = df.groupby('국적')['입국자수'].sum()\nresult = t['중국'] / t['미국']",
        R1,
    ),
    (
        "a-08",
        A,
        "ko",
        "업무 목적 입국자 중 미국이 아닌 사람은 몇 명?",
        "number",
        "result = df.loc[(df['목적'] == '업무') & (df['국적'] != '미국'), '입국자수'].sum()",
        N0,
    ),
    ("a-09", A, "ko", "관광 목적이 아닌 출국자는 몇 명?", "decline", "", {}),  # departures not recorded
    (
        "a-10",
        A,
        "en",
        "total 입국자수 excluding 관광",
        "number",
        "result = df.loc[df['목적'] != '관광', '입국자수'].sum()",
        N0,
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name)


if __name__ == "__main__":
    write(HERE, build(QUESTIONS, load, None))
