"""Builds `dev/questions.jsonl` of the fifteenth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset15/data/gen_data.py && python benchmarks/evalset15/build.py

The questions were written (Nov 2026, issue 14 round 9) the way people ask, before changing the
planner, about how words are read against real-world data: long-format statistics tables whose
indicator column says what each row measures ("취업자", "실업률", "Nonfarm payrolls",
"Unemployment rate") and whose one value column holds the numbers; words that only restate the
dataset's subject (its file name: "외국인" asked of 외국인_입국자.csv, "online orders" of
online_orders.csv, "stock" of stock_prices.csv); quantity adjectives naming the measure ("입국자
많은 국적"); possessive names ("Apple's", "TSLA's", "서울의", "AAPL의"); a month said without a
year over several years ("in July", "7월": every July) and with one year of data; "late",
"delayed", "on time", "지연", "늦은", "제때" as a comparison of two date columns. Near variants
must be declined: an indicator the table lacks (비경제활동인구, inflation, wages, "employed" asked
of a table without an employment series), a value the data lacks (러시아, 울산, Netflix), a
measure it lacks (출국자, 습도, dividend), a breakdown it lacks (여성), and "late" where two
pairs of dates could be meant or none.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
K, L, A, S, ORD, T = (
    "labour_kosis_ko.csv",
    "bls_labor.csv",
    "외국인_입국자.csv",
    "stock_prices.csv",
    "online_orders.csv",
    "기온_일별.csv",
)
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
KI = "k = df[df['항목'] == '{}']\n"  # the rows of one indicator
LS = "d = pd.to_datetime(df['date'])\ns = df[df['series'] == '{}']\nsd = pd.to_datetime(s['date'])\n"
AM = "m = df['연월'].str[5:7].astype(int)\ny = df['연월'].str[:4].astype(int)\n"
SD = "d = pd.to_datetime(df['date'])\n"
OD = "o = df.apply(lambda c: pd.to_datetime(c) if c.name.endswith('date') else c)\n"
TD = "d = pd.to_datetime(df['날짜'])\n"

QUESTIONS = [
    # --- labour_kosis_ko: a long KOSIS table; 항목 says what each row's 값 measures -----------
    (
        "k-01",
        K,
        "ko",
        "2019년 서울 취업자 수는?",
        "number",
        KI.format("취업자") + "result = k.loc[(k['연도'] == 2019) & (k['시도'] == '서울'), '값'].sum()",
        N0,
    ),
    (
        "k-02",
        K,
        "ko",
        "2020년 취업자는 모두 몇 명이야?",
        "number",
        KI.format("취업자") + "result = k.loc[k['연도'] == 2020, '값'].sum()",
        N0,
    ),
    (
        "k-03",
        K,
        "ko",
        "시도별 평균 고용률",
        "table",
        KI.format("고용률") + "result = k.groupby('시도')['값'].mean()",
        N5,
    ),
    (
        "k-04",
        K,
        "ko",
        "2023년 실업률이 가장 높은 시도는?",
        "label",
        KI.format("실업률") + "result = k[k['연도'] == 2023].groupby('시도')['값'].max()",
        {"pick": "max"},
    ),
    (
        "k-05",
        K,
        "ko",
        "부산의 연도별 실업자 수",
        "table",
        KI.format("실업자") + "result = k[k['시도'] == '부산'].groupby('연도')['값'].sum()",
        N0,
    ),
    (
        "k-06",
        K,
        "ko",
        "경기 고용률 최고치는?",
        "number",
        KI.format("고용률") + "result = k.loc[k['시도'] == '경기', '값'].max()",
        N0,
    ),
    (
        "k-07",
        K,
        "ko",
        "2021년 인천 경제활동인구는 얼마야?",
        "number",
        KI.format("경제활동인구") + "result = k.loc[(k['연도'] == 2021) & (k['시도'] == '인천'), '값'].sum()",
        N0,
    ),
    (
        "k-08",
        K,
        "ko",
        "대구의 평균 실업률",
        "number",
        KI.format("실업률") + "result = k.loc[k['시도'] == '대구', '값'].mean()",
        N5,
    ),
    (
        "k-09",
        K,
        "en",
        "How many people were employed in Seoul in 2019?",
        "number",
        KI.format("취업자") + "result = k.loc[(k['연도'] == 2019) & (k['시도'] == '서울'), '값'].sum()",
        N0,
    ),
    (
        "k-10",
        K,
        "en",
        "average unemployment rate by region",
        "table",
        KI.format("실업률") + "result = k.groupby('시도')['값'].mean()",
        N5,
    ),
    (
        "k-11",
        K,
        "ko",
        "2022년 고용률 상위 3개 시도",
        "labels",
        KI.format("고용률") + "result = list(k[k['연도'] == 2022].sort_values('값', ascending=False)['시도'][:3])",
        {"ordered": True},
    ),
    ("k-12", K, "ko", "2020년 서울 비경제활동인구는?", "decline", "", {}),  # not in the table
    ("k-13", K, "ko", "2019년 여성 취업자 수는?", "decline", "", {}),  # no sex breakdown
    ("k-14", K, "ko", "서울 가구 수는?", "decline", "", {}),  # households are not counted here
    (
        "k-15",
        K,
        "en",
        "average unemployment rate in Busan",
        "number",
        KI.format("실업률") + "result = k.loc[k['시도'] == '부산', '값'].mean()",
        N5,
    ),
    # --- bls_labor: a long BLS table; series says what each row's value measures ----------------
    (
        "l-01",
        L,
        "en",
        "average unemployment rate in 2020",
        "number",
        LS.format("Unemployment rate") + "result = s.loc[sd.dt.year == 2020, 'value'].mean()",
        N5,
    ),
    (
        "l-02",
        L,
        "en",
        "What was the average unemployment rate in July?",
        "number",
        LS.format("Unemployment rate") + "result = s.loc[sd.dt.month == 7, 'value'].mean()",
        N5,
    ),
    (
        "l-03",
        L,
        "en",
        "What were nonfarm payrolls in March 2021?",
        "number",
        LS.format("Nonfarm payrolls") + "result = s.loc[(sd.dt.year == 2021) & (sd.dt.month == 3), 'value'].sum()",
        N0,
    ),
    (
        "l-04",
        L,
        "en",
        "highest unemployment rate",
        "number",
        LS.format("Unemployment rate") + "result = s['value'].max()",
        N0,
    ),
    (
        "l-05",
        L,
        "en",
        "unemployment rate in July 2021",
        "number",
        LS.format("Unemployment rate") + "result = s.loc[(sd.dt.year == 2021) & (sd.dt.month == 7), 'value'].sum()",
        N0,
    ),
    (
        "l-06",
        L,
        "en",
        "average unemployment rate by year",
        "table",
        LS.format("Unemployment rate") + "result = s.groupby(sd.dt.year)['value'].mean()",
        N5,
    ),
    (
        "l-07",
        L,
        "en",
        "How many jobs were there in December 2023?",
        "number",
        LS.format("Nonfarm payrolls") + "result = s.loc[(sd.dt.year == 2023) & (sd.dt.month == 12), 'value'].sum()",
        N0,
    ),
    (
        "l-08",
        L,
        "en",
        "lowest labor force participation rate",
        "number",
        LS.format("Labor force participation rate") + "result = s['value'].min()",
        N0,
    ),
    (
        "l-09",
        L,
        "en",
        "average number of unemployed in 2022",
        "number",
        LS.format("Unemployed") + "result = s.loc[sd.dt.year == 2022, 'value'].mean()",
        N5,
    ),
    ("l-10", L, "en", "average inflation rate in 2021", "decline", "", {}),  # no inflation series
    ("l-11", L, "en", "How many people were employed in January 2020?", "decline", "", {}),  # no employment level
    (
        "l-12",
        L,
        "ko",
        "2020년 평균 실업률은?",
        "number",
        LS.format("Unemployment rate") + "result = s.loc[sd.dt.year == 2020, 'value'].mean()",
        N5,
    ),
    (
        "l-13",
        L,
        "ko",
        "7월 평균 실업률",
        "number",
        LS.format("Unemployment rate") + "result = s.loc[sd.dt.month == 7, 'value'].mean()",
        N5,
    ),
    ("l-14", L, "en", "average wage in 2020", "decline", "", {}),  # no wages
    # --- 외국인_입국자: the file name says 외국인 and 입국자; one count column ----------------------
    ("a-01", A, "ko", "외국인 입국자는 총 몇 명이야?", "number", "result = df['입국자수'].sum()", N0),
    (
        "a-02",
        A,
        "ko",
        "입국자 많은 국적 상위 3개",
        "labels",
        "result = list(df.groupby('국적')['입국자수'].sum().sort_values(ascending=False).index[:3])",
        {"ordered": True},
    ),
    (
        "a-03",
        A,
        "ko",
        "2023년 일본 입국자 수",
        "number",
        AM + "result = df.loc[(y == 2023) & (df['국적'] == '일본'), '입국자수'].sum()",
        N0,
    ),
    (
        "a-04",
        A,
        "ko",
        "관광 목적 외국인 입국자 합계",
        "number",
        "result = df.loc[df['목적'] == '관광', '입국자수'].sum()",
        N0,
    ),
    ("a-05", A, "ko", "7월 입국자 합계는?", "number", AM + "result = df.loc[m == 7, '입국자수'].sum()", N0),
    (
        "a-06",
        A,
        "ko",
        "입국자가 가장 적은 국적은?",
        "label",
        "result = df.groupby('국적')['입국자수'].sum()",
        {"pick": "min"},
    ),
    ("a-07", A, "ko", "외국인 출국자 수는?", "decline", "", {}),  # departures are not recorded
    ("a-08", A, "ko", "러시아 입국자 수", "decline", "", {}),  # no Russia
    (
        "a-09",
        A,
        "ko",
        "중국의 연도별 입국자 수",
        "table",
        AM + "result = df[df['국적'] == '중국'].groupby(y)['입국자수'].sum()",
        N0,
    ),
    (
        "a-10",
        A,
        "ko",
        "유학 목적으로 온 베트남 입국자는 몇 명?",
        "number",
        "result = df.loc[(df['목적'] == '유학') & (df['국적'] == '베트남'), '입국자수'].sum()",
        N0,
    ),
    (
        "a-11",
        A,
        "ko",
        "입국자가 가장 많은 해는?",
        "label",
        AM + "result = df.groupby(y)['입국자수'].sum()",
        {"pick": "max"},
    ),
    (
        "a-12",
        A,
        "en",
        "total foreign visitors from Japan in 2019",
        "number",
        AM + "result = df.loc[(y == 2019) & (df['국적'] == '일본'), '입국자수'].sum()",
        N0,
    ),
    # --- stock_prices: possessive names of a ticker or a company --------------------------------
    (
        "s-01",
        S,
        "en",
        "Apple's average closing price",
        "number",
        "result = df.loc[df['company'] == 'Apple', 'close'].mean()",
        N5,
    ),
    ("s-02", S, "en", "TSLA's highest volume", "number", "result = df.loc[df['ticker'] == 'TSLA', 'volume'].max()", N0),
    (
        "s-03",
        S,
        "en",
        "What was Microsoft's lowest close in 2022?",
        "number",
        SD + "result = df.loc[(df['company'] == 'Microsoft') & (d.dt.year == 2022), 'close'].min()",
        N0,
    ),
    (
        "s-04",
        S,
        "en",
        "average volume of Tesla's stock in July",
        "number",
        SD + "result = df.loc[(df['company'] == 'Tesla') & (d.dt.month == 7), 'volume'].mean()",
        N5,
    ),
    (
        "s-05",
        S,
        "ko",
        "AAPL의 2023년 평균 종가",
        "number",
        SD + "result = df.loc[(df['ticker'] == 'AAPL') & (d.dt.year == 2023), 'close'].mean()",
        N5,
    ),
    ("s-06", S, "ko", "TSLA의 최고 거래량은?", "number", "result = df.loc[df['ticker'] == 'TSLA', 'volume'].max()", N0),
    ("s-07", S, "en", "Netflix's average close", "decline", "", {}),  # no Netflix
    ("s-08", S, "en", "Tesla's average dividend", "decline", "", {}),  # no dividends
    (
        "s-09",
        S,
        "ko",
        "MSFT의 7월 평균 종가",
        "number",
        SD + "result = df.loc[(df['ticker'] == 'MSFT') & (d.dt.month == 7), 'close'].mean()",
        N5,
    ),
    (
        "s-10",
        S,
        "en",
        "AAPL's average volume in 2021",
        "number",
        SD + "result = df.loc[(df['ticker'] == 'AAPL') & (d.dt.year == 2021), 'volume'].mean()",
        N5,
    ),
    # --- online_orders: two pairs of dates; one year of data -----------------------------------
    (
        "o-01",
        ORD,
        "en",
        "How many orders shipped late?",
        "number",
        OD + "result = (o['shipped_date'] > o['promised_ship_date']).sum()",
        N0,
    ),
    (
        "o-02",
        ORD,
        "en",
        "how many online orders were delivered late?",
        "number",
        OD + "result = (o['delivered_date'] > o['expected_delivery_date']).sum()",
        N0,
    ),
    ("o-03", ORD, "en", "How many orders were late?", "decline", "", {}),  # shipped or delivered late?
    (
        "o-04",
        ORD,
        "en",
        "percentage of orders shipped on time",
        "number",
        OD + "result = (o['shipped_date'] <= o['promised_ship_date']).mean()",
        {"rel_tol": 0.005, "percent": True},
    ),
    (
        "o-05",
        ORD,
        "en",
        "average amount of orders delivered late",
        "number",
        OD + "result = df.loc[o['delivered_date'] > o['expected_delivery_date'], 'amount'].mean()",
        N5,
    ),
    (
        "o-06",
        ORD,
        "en",
        "which region has the most delayed shipments?",
        "label",
        OD + "result = df[o['shipped_date'] > o['promised_ship_date']].groupby('region').size()",
        {"pick": "max"},
    ),
    (
        "o-07",
        ORD,
        "ko",
        "출고가 늦은 주문은 몇 건?",
        "number",
        OD + "result = (o['shipped_date'] > o['promised_ship_date']).sum()",
        N0,
    ),
    ("o-08", ORD, "ko", "지연된 주문 수는?", "decline", "", {}),  # shipping or delivery?
    (
        "o-09",
        ORD,
        "ko",
        "늦게 배달된 주문 건수",
        "number",
        OD + "result = (o['delivered_date'] > o['expected_delivery_date']).sum()",
        N0,
    ),
    ("o-10", ORD, "en", "How many orders were returned late?", "decline", "", {}),  # no return dates
    (
        "o-11",
        ORD,
        "en",
        "how many orders shipped late in July?",
        "number",
        OD + "result = ((o['shipped_date'] > o['promised_ship_date']) & (o['order_date'].dt.month == 7)).sum()",
        {
            "rel_tol": 0,
            "also_rows": "((o['shipped_date'] > o['promised_ship_date']) & (o['shipped_date'].dt.month == 7)).sum()",
        },
    ),
    (
        "o-12",
        ORD,
        "ko",
        "배송 완료가 늦은 주문의 평균 금액",
        "number",
        OD + "result = df.loc[o['delivered_date'] > o['expected_delivery_date'], 'amount'].mean()",
        N5,
    ),
    # --- 기온_일별: Korean names; several years; 의 after a station ------------------------------
    ("t-01", T, "ko", "서울의 평균 기온은?", "number", "result = df.loc[df['지점'] == '서울', '평균기온'].mean()", N5),
    ("t-02", T, "ko", "7월 평균기온은?", "number", TD + "result = df.loc[d.dt.month == 7, '평균기온'].mean()", N5),
    (
        "t-03",
        T,
        "ko",
        "2021년 7월 부산의 평균 기온",
        "number",
        TD + "result = df.loc[(d.dt.year == 2021) & (d.dt.month == 7) & (df['지점'] == '부산'), '평균기온'].mean()",
        N5,
    ),
    (
        "t-04",
        T,
        "en",
        "average temperature in July in Daejeon",
        "number",
        TD + "result = df.loc[(d.dt.month == 7) & (df['지점'] == '대전'), '평균기온'].mean()",
        N5,
    ),
    (
        "t-05",
        T,
        "ko",
        "8월 서울 강수량 합계",
        "number",
        TD + "result = df.loc[(d.dt.month == 8) & (df['지점'] == '서울'), '강수량'].sum()",
        N5,
    ),
    ("t-06", T, "ko", "울산의 평균 기온", "decline", "", {}),  # no Ulsan station
    ("t-07", T, "ko", "7월 평균 습도", "decline", "", {}),  # no humidity
    (
        "t-08",
        T,
        "ko",
        "서울의 최고기온 최댓값",
        "number",
        "result = df.loc[df['지점'] == '서울', '최고기온'].max()",
        N0,
    ),
    (
        "t-09",
        T,
        "en",
        "Busan's average 최고기온 in January",
        "number",
        TD + "result = df.loc[(d.dt.month == 1) & (df['지점'] == '부산'), '최고기온'].mean()",
        N5,
    ),
    (
        "t-10",
        T,
        "ko",
        "12월 지점별 평균기온",
        "table",
        TD + "result = df[d.dt.month == 12].groupby('지점')['평균기온'].mean()",
        N5,
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
