"""Builds `dev/questions.jsonl` of the twenty-first evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset21/data/gen_data.py && python benchmarks/evalset21/build.py

Written by the coordinator (Nov 2026, issue 14 round 11) as a generalization probe, before the
round's changes were merged and without looking at the planner's vocabulary: tables shaped like
public data people learn and work with (penguins, restaurant tips, a city bike share and
apartment sales with Korean names, taxi trips), asked the way people ask, Korean questions over
English column names too. Its run on `main` before the round's merges, and after them, measures
how the analyst does on questions nobody tuned it to.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
P, T, B, A, X = "penguins.csv", "tips.csv", "공공자전거_이용정보.csv", "아파트_실거래가.csv", "taxi_trips.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
BD = "d = pd.to_datetime(df['대여일자'])\n"
XD = "d = pd.to_datetime(df['pickup_datetime'])\n"
AY = "y = df['계약년월'] // 100\n"

QUESTIONS = [
    # --- penguins ---------------------------------------------------------------------------
    (
        "p-01",
        P,
        "en",
        "average body mass of each species",
        "table",
        "result = df.groupby('species')['body_mass_g'].mean()",
        N5,
    ),
    (
        "p-02",
        P,
        "en",
        "Which island has the heaviest penguins on average?",
        "label",
        "result = df.groupby('island')['body_mass_g'].mean()",
        {"pick": "max"},
    ),
    (
        "p-03",
        P,
        "en",
        "how many penguins of each species are there",
        "table",
        "result = df['species'].value_counts()",
        N0,
    ),
    ("p-04", P, "en", "what's the maximum bill depth", "number", "result = df['bill_depth_mm'].max()", N0),
    (
        "p-05",
        P,
        "en",
        "average flipper length of female Gentoo penguins",
        "number",
        "result = df.loc[(df['species'] == 'Gentoo') & (df['sex'] == 'female'), 'flipper_length_mm'].mean()",
        N5,
    ),
    ("p-06", P, "en", "How many penguins have no sex recorded?", "number", "result = df['sex'].isna().sum()", N0),
    ("p-07", P, "ko", "종별 평균 부리 길이", "table", "result = df.groupby('species')['bill_length_mm'].mean()", N5),
    ("p-08", P, "ko", "펭귄은 모두 몇 마리야?", "number", "result = len(df)", N0),
    (
        "p-09",
        P,
        "en",
        "median body mass of male penguins on Biscoe",
        "number",
        "result = df.loc[(df['sex'] == 'male') & (df['island'] == 'Biscoe'), 'body_mass_g'].median()",
        N5,
    ),
    (
        "p-10",
        P,
        "en",
        "scatter plot of flipper length vs body mass",
        "chart",
        "",
        {"columns": ["flipper_length_mm", "body_mass_g"]},
    ),
    (
        "p-11",
        P,
        "en",
        "correlation between flipper length and body mass",
        "number",
        "result = df['flipper_length_mm'].astype(float).corr(df['body_mass_g'].astype(float))",
        {"rel_tol": 0.01},
    ),
    (
        "p-12",
        P,
        "en",
        "which species has the longest bills",
        "label",
        "result = df.groupby('species')['bill_length_mm'].mean()",
        {"pick": "max"},
    ),
    ("p-13", P, "ko", "2008년에 관측된 펭귄 수", "number", "result = (df['year'] == 2008).sum()", N0),
    ("p-14", P, "en", "train a model to predict a penguin's sex from its measurements", "decline", "", {}),
    ("p-15", P, "ko", "섬별 펭귄 수", "table", "result = df['island'].value_counts()", N0),
    (
        "p-16",
        P,
        "en",
        "smallest flipper length among Adelie penguins on Dream island",
        "number",
        "result = df.loc[(df['species'] == 'Adelie') & (df['island'] == 'Dream'), 'flipper_length_mm'].min()",
        N0,
    ),
    # --- tips -------------------------------------------------------------------------------
    ("t-01", T, "en", "average tip", "number", "result = df['tip'].mean()", N5),
    (
        "t-02",
        T,
        "en",
        "What's the average tip on Saturday vs Sunday?",
        "table",
        "s = df[df['day'].isin(['Sat', 'Sun'])]\nresult = s.groupby('day')['tip'].mean()",
        N5,
    ),
    (
        "t-03",
        T,
        "en",
        "which day has the biggest bills on average",
        "label",
        "result = df.groupby('day')['total_bill'].mean()",
        {"pick": "max"},
    ),
    (
        "t-04",
        T,
        "en",
        "do smokers tip more than non-smokers on average?",
        "table",
        "result = df.groupby('smoker')['tip'].mean()",
        N5,
    ),
    ("t-05", T, "en", "how many tables had 4 or more people", "number", "result = (df['size'] >= 4).sum()", N0),
    ("t-06", T, "en", "total tips at dinner", "number", "result = df.loc[df['time'] == 'Dinner', 'tip'].sum()", N5),
    ("t-07", T, "ko", "요일별 평균 팁", "table", "result = df.groupby('day')['tip'].mean()", N5),
    ("t-08", T, "ko", "점심 평균 총액은?", "number", "result = df.loc[df['time'] == 'Lunch', 'total_bill'].mean()", N5),
    ("t-09", T, "en", "largest party size", "number", "result = df['size'].max()", N0),
    (
        "t-10",
        T,
        "en",
        "average tip as a percentage of the bill",
        "number",
        "result = (df['tip'] / df['total_bill']).mean()",
        PCT,
    ),
    (
        "t-11",
        T,
        "en",
        "what fraction of the bills were paid by women",
        "number",
        "result = (df['sex'] == 'Female').mean()",
        PCT,
    ),
    ("t-12", T, "en", "histogram of total bill", "chart", "", {"columns": ["total_bill"]}),
    ("t-13", T, "ko", "흡연자 테이블은 몇 개?", "number", "result = (df['smoker'] == 'Yes').sum()", N0),
    ("t-14", T, "en", "why do people tip more on weekends?", "decline", "", {}),
    # --- bike share -------------------------------------------------------------------------
    ("b-01", B, "ko", "대여소별 총 이용건수", "table", "result = df.groupby('대여소명')['이용건수'].sum()", N0),
    (
        "b-02",
        B,
        "ko",
        "이용건수가 가장 많은 대여소는?",
        "label",
        "result = df.groupby('대여소명')['이용건수'].sum()",
        {"pick": "max"},
    ),
    ("b-03", B, "ko", "5월 총 이용건수", "number", BD + "result = df.loc[d.dt.month == 5, '이용건수'].sum()", N0),
    ("b-04", B, "ko", "연령대별 평균 이용시간", "table", "result = df.groupby('연령대')['이용시간(분)'].mean()", N5),
    (
        "b-05",
        B,
        "ko",
        "20대 여성의 총 이동거리",
        "number",
        "result = df.loc[(df['연령대'] == '20대') & (df['성별'] == 'F'), '이동거리(M)'].sum()",
        N5,
    ),
    (
        "b-06",
        B,
        "ko",
        "주말 이용건수 합계",
        "number",
        BD + "result = df.loc[d.dt.dayofweek >= 5, '이용건수'].sum()",
        N0,
    ),
    (
        "b-07",
        B,
        "ko",
        "월별 이용건수 추이",
        "table",
        BD + "result = df.groupby(d.dt.strftime('%Y-%m'))['이용건수'].sum()",
        {"rel_tol": 0, "period_month": True},
    ),
    ("b-08", B, "en", "total rides in June", "number", BD + "result = df.loc[d.dt.month == 6, '이용건수'].sum()", N0),
    (
        "b-09",
        B,
        "ko",
        "하루 평균 이용건수는?",
        "number",
        "result = df.groupby('대여일자')['이용건수'].sum().mean()",
        N5,
    ),
    (
        "b-10",
        B,
        "ko",
        "이용건수가 가장 많았던 날은?",
        "label",
        "result = df.groupby('대여일자')['이용건수'].sum()",
        {"pick": "max"},
    ),
    (
        "b-11",
        B,
        "ko",
        "잠실역 8번출구의 평균 이동거리",
        "number",
        "result = df.loc[df['대여소명'] == '잠실역 8번출구', '이동거리(M)'].mean()",
        N5,
    ),
    (
        "b-12",
        B,
        "ko",
        "남자와 여자 중 누가 더 많이 탔어?",
        "label",
        "result = df.groupby('성별')['이용건수'].sum()",
        {"pick": "max"},
    ),
    (
        "b-13",
        B,
        "ko",
        "이용건수와 이용시간의 상관관계",
        "number",
        "result = df['이용건수'].corr(df['이용시간(분)'])",
        {"rel_tol": 0.01},
    ),
    ("b-14", B, "ko", "내일 이용건수를 예측해줘", "decline", "", {}),
    (
        "b-15",
        B,
        "en",
        "how many rides did people in their 30s take in total?",
        "number",
        "result = df.loc[df['연령대'] == '30대', '이용건수'].sum()",
        N0,
    ),
    ("b-16", B, "ko", "이용시간이 100분 넘는 기록은 몇 건?", "number", "result = (df['이용시간(분)'] > 100).sum()", N0),
    # --- apartment sales --------------------------------------------------------------------
    ("a-01", A, "ko", "평균 거래금액은?", "number", "result = df['거래금액(만원)'].mean()", N5),
    ("a-02", A, "ko", "시군구별 평균 거래금액", "table", "result = df.groupby('시군구')['거래금액(만원)'].mean()", N5),
    (
        "a-03",
        A,
        "ko",
        "가장 비싸게 거래된 단지는?",
        "label",
        "result = df.groupby('단지명')['거래금액(만원)'].max()",
        {"pick": "max"},
    ),
    ("a-04", A, "ko", "2024년 거래 건수", "number", AY + "result = (y == 2024).sum()", N0),
    (
        "a-05",
        A,
        "ko",
        "전용면적 84㎡ 이상 아파트의 평균 거래금액",
        "number",
        "result = df.loc[df['전용면적(㎡)'] >= 84, '거래금액(만원)'].mean()",
        N5,
    ),
    (
        "a-06",
        A,
        "ko",
        "건축년도가 2000년 이전인 아파트 거래는 몇 건?",
        "number",
        "result = (df['건축년도'] < 2000).sum()",
        N0,
    ),
    (
        "a-07",
        A,
        "ko",
        "은마 평균 거래가",
        "number",
        "result = df.loc[df['단지명'] == '은마', '거래금액(만원)'].mean()",
        N5,
    ),
    ("a-08", A, "ko", "가장 높은 층은?", "number", "result = df['층'].max()", N0),
    ("a-09", A, "ko", "단지별 거래 건수", "table", "result = df['단지명'].value_counts()", N0),
    (
        "a-10",
        A,
        "en",
        "average price per square meter by district",
        "table",
        "result = (df['거래금액(만원)'] / df['전용면적(㎡)']).groupby(df['시군구']).mean()",
        N5,
    ),
    (
        "a-11",
        A,
        "ko",
        "2023년과 2024년 평균 거래금액 차이",
        "number",
        AY + "result = df.loc[y == 2024, '거래금액(만원)'].mean() - df.loc[y == 2023, '거래금액(만원)'].mean()",
        {"rel_tol": 0.005, "either_sign": True},
    ),
    ("a-12", A, "ko", "거래금액 분포를 보여줘", "chart", "", {"columns": ["거래금액(만원)"]}),
    (
        "a-13",
        A,
        "ko",
        "노원구 아파트 최저 거래금액",
        "number",
        "result = df.loc[df['시군구'].str.contains('노원구'), '거래금액(만원)'].min()",
        N0,
    ),
    (
        "a-14",
        A,
        "en",
        "what is the most expensive complex on average",
        "label",
        "result = df.groupby('단지명')['거래금액(만원)'].mean()",
        {"pick": "max"},
    ),
    ("a-15", A, "ko", "이 아파트 값이 왜 올랐는지 설명해줘", "decline", "", {}),
    # --- taxi trips -------------------------------------------------------------------------
    ("x-01", X, "en", "average trip distance", "number", "result = df['trip_distance'].mean()", N5),
    (
        "x-02",
        X,
        "en",
        "how many trips were paid in cash?",
        "number",
        "result = (df['payment_type'] == 'Cash').sum()",
        N0,
    ),
    (
        "x-03",
        X,
        "en",
        "average tip for credit card payments",
        "number",
        "result = df.loc[df['payment_type'] == 'Credit card', 'tip_amount'].mean()",
        N5,
    ),
    ("x-04", X, "en", "total fares by borough", "table", "result = df.groupby('borough')['fare_amount'].sum()", N5),
    (
        "x-05",
        X,
        "en",
        "busiest hour of the day for pickups",
        "label",
        XD + "result = d.dt.hour.value_counts()",
        {"pick": "max"},
    ),
    (
        "x-06",
        X,
        "en",
        "how many trips had more than 4 passengers",
        "number",
        "result = (df['passenger_count'] > 4).sum()",
        N0,
    ),
    (
        "x-07",
        X,
        "en",
        "average trip duration in minutes",
        "number",
        "result = ((pd.to_datetime(df['dropoff_datetime']) - pd.to_datetime(df['pickup_datetime'])).dt.total_seconds() / 60).mean()",
        N5,
    ),
    (
        "x-08",
        X,
        "en",
        "longest trip distance in Brooklyn",
        "number",
        "result = df.loc[df['borough'] == 'Brooklyn', 'trip_distance'].max()",
        N0,
    ),
    ("x-09", X, "ko", "결제 방식별 평균 팁", "table", "result = df.groupby('payment_type')['tip_amount'].mean()", N5),
    ("x-10", X, "ko", "3월 택시 운행 건수", "number", XD + "result = (d.dt.month == 3).sum()", N0),
    (
        "x-11",
        X,
        "ko",
        "승객 수별 평균 요금",
        "table",
        "result = df.groupby('passenger_count')['fare_amount'].mean()",
        N5,
    ),
    ("x-12", X, "ko", "팁을 준 비율은?", "number", "result = (df['tip_amount'] > 0).mean()", PCT),
    ("x-13", X, "en", "What will the fare be for a 10 mile trip?", "decline", "", {}),
    (
        "x-14",
        X,
        "en",
        "average total amount of Manhattan trips over 5 miles",
        "number",
        "result = df.loc[(df['borough'] == 'Manhattan') & (df['trip_distance'] > 5), 'total_amount'].mean()",
        N5,
    ),
    ("x-15", X, "ko", "자치구별 운행 건수", "table", "result = df['borough'].value_counts()", N0),
    (
        "x-16",
        X,
        "en",
        "total revenue in April",
        "number",
        XD + "result = df.loc[d.dt.month == 4, 'total_amount'].sum()",
        N5,
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8", thousands=",")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
