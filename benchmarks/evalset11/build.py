"""Builds `dev/questions.jsonl` of the eleventh evaluation set: every expected result is computed
here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset11/data/gen_data.py && python benchmarks/evalset11/build.py

The questions were written (Nov 2026, issue 14 round 7) the way people ask, before changing the
planner, about how words and values are read: chatty filler and request words ("pls", "좀
알려줘", "궁금해"), lists and exclusions in both languages ("A이나 B", "A랑 B", "X 빼고", "except
X", "other than X"), Korean counters with numbers written as words ("세 대", "상위 3개", "다섯 대")
and the rows' names asked for, time words (hours of the day, month ranges within a year, a single
date, two months joined), words naming a threshold or a level of the data (영하, "나쁨 이상" on an
ordered grade), and names (a column named with a parenthetical alias, values written with their
counter "2호선", distinct counts "몇 가지", a column named with its unit "per kg"), with near
variants that must be declined (a value the data lacks, a date outside it, a level that is not
one of the grades, a unit the data does not use, a part of the day whose hours nobody fixed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
C, S, A, P = "cars_ko.csv", "subway_hourly.csv", "air_daily.csv", "shipments.csv"
SD = "d = pd.to_datetime(df['날짜'])\n"
AD = "d = pd.to_datetime(df['date'])\n"
PD = "d = pd.to_datetime(df['ship_date'])\n"
BAD = "bad = df['등급'].isin(['나쁨', '매우나쁨'])\n"
PRICE = "가격(만원)"


def top(measure: str, n: int, low: bool = False, frame: str = "df") -> str:
    """The names of the n models with the highest (lowest) measure."""
    way = "nsmallest" if low else "nlargest"
    return (
        f"s = {frame}.set_index('모델명')['{measure}']\nresult = list(s.{way}({n}).index)\n"
        f"others = s.sort_values(ascending={low})"
    )


QUESTIONS = [
    # --- cars_ko: lists, exclusions, counters, names with an alias ----------------------------
    (
        "c-01",
        C,
        "ko",
        "일본이나 유럽에서 만든 차들의 평균 가격은?",
        "number",
        f"result = df.loc[df['제조국'].isin(['일본', '유럽']), '{PRICE}'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "c-02",
        C,
        "ko",
        "한국이랑 미국 모델은 몇 개야?",
        "number",
        "result = df['제조국'].isin(['한국', '미국']).sum()",
        {"rel_tol": 0},
    ),
    (
        "c-03",
        C,
        "ko",
        "기타 제외하고 제조국별 평균 연비 좀 알려줘",
        "table",
        "result = df[df['제조국'] != '기타'].groupby('제조국')['연비'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "c-04",
        C,
        "ko",
        "미국 빼고 가격 평균이 궁금해",
        "number",
        f"result = df.loc[df['제조국'] != '미국', '{PRICE}'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "c-05",
        C,
        "ko",
        "가장 비싼 차 세 대 이름 알려줘",
        "labels",
        top(PRICE, 3),
        {"ordered": False, "others_from": "others"},
    ),
    ("c-06", C, "ko", "연비 상위 3개 모델은?", "labels", top("연비", 3), {"ordered": False, "others_from": "others"}),
    (
        "c-07",
        C,
        "ko",
        "가격이 제일 싼 다섯 대는?",
        "labels",
        top(PRICE, 5, low=True),
        {"ordered": False, "others_from": "others"},
    ),
    ("c-08", C, "ko", "제조국은 몇 가지야?", "number", "result = df['제조국'].nunique()", {"rel_tol": 0}),
    ("c-09", C, "ko", "차종이 몇 종류 있어?", "number", "result = df['차종'].nunique()", {"rel_tol": 0}),
    (
        "c-10",
        C,
        "en",
        "average 연비 for cars other than SUV",
        "number",
        "result = df.loc[df['차종'] != 'SUV', '연비'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "c-11",
        C,
        "en",
        "total 판매대수 excluding 트럭",
        "number",
        "result = df.loc[df['차종'] != '트럭', '판매대수'].sum()",
        {"rel_tol": 0},
    ),
    (
        "c-12",
        C,
        "ko",
        "판매지역별 판매대수 합계",
        "table",
        "result = df.groupby('판매지역(시도)')['판매대수'].sum()",
        {"rel_tol": 0},
    ),
    (
        "c-13",
        C,
        "ko",
        "어느 시도에서 판매대수가 제일 많아?",
        "label",
        "result = df.groupby('판매지역(시도)')['판매대수'].sum()",
        {"pick": "max"},
    ),
    (
        "c-14",
        C,
        "ko",
        "일본이나 유럽 국적 차 중에 SUV는 몇 개?",
        "number",
        "result = (df['제조국'].isin(['일본', '유럽']) & (df['차종'] == 'SUV')).sum()",
        {"rel_tol": 0},
    ),
    (
        "c-15",
        C,
        "ko",
        "연비가 가장 낮은 두 모델 이름 알려줘",
        "labels",
        top("연비", 2, low=True),
        {"ordered": False, "others_from": "others"},
    ),
    ("c-16", C, "ko", "일본이나 중국 차 평균 가격", "decline", "", {}),  # no 중국 in the data
    ("c-17", C, "ko", "가장 안전한 차 세 대 알려줘", "decline", "", {}),  # nothing measures safety
    (
        "c-18",
        C,
        "en",
        "names of the five cheapest cars pls",
        "labels",
        top(PRICE, 5, low=True),
        {"ordered": False, "others_from": "others"},
    ),
    (
        "c-19",
        C,
        "en",
        "how many models are there except 기타 and 미국?",
        "number",
        "result = (~df['제조국'].isin(['기타', '미국'])).sum()",
        {"rel_tol": 0},
    ),
    # --- subway_hourly: hours, month ranges, a date, two months, values with a counter ------
    (
        "s-01",
        S,
        "ko",
        "2호선 승차인원 합계 좀 알려줘",
        "number",
        "result = df.loc[df['호선'] == '2호선', '승차인원'].sum()",
        {"rel_tol": 0},
    ),
    (
        "s-02",
        S,
        "ko",
        "6월부터 8월까지 2호선 승차인원 합계는?",
        "number",
        SD + "result = df.loc[d.dt.month.between(6, 8) & (df['호선'] == '2호선'), '승차인원'].sum()",
        {"rel_tol": 0},
    ),
    (
        "s-03",
        S,
        "ko",
        "2024년 1월 1일 하차인원 합계",
        "number",
        "result = df.loc[df['날짜'] == '2024-01-01', '하차인원'].sum()",
        {"rel_tol": 0},
    ),
    (
        "s-04",
        S,
        "ko",
        "11월이랑 12월 승차인원 평균",
        "number",
        SD + "result = df.loc[d.dt.month.isin([11, 12]), '승차인원'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "s-05",
        S,
        "ko",
        "밤 9시부터 자정까지 승차인원 합계",
        "number",
        "result = df.loc[df['시간'] >= 21, '승차인원'].sum()",
        {"rel_tol": 0},
    ),
    (
        "s-06",
        S,
        "ko",
        "오후 6시 이후 승차인원 평균이 궁금해",
        "number",
        "result = df.loc[df['시간'] >= 18, '승차인원'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "s-07",
        S,
        "en",
        "total 승차인원 on Jan 1 2024",
        "number",
        "result = df.loc[df['날짜'] == '2024-01-01', '승차인원'].sum()",
        {"rel_tol": 0},
    ),
    (
        "s-08",
        S,
        "en",
        "average 하차인원 between June and August 2024",
        "number",
        SD + "result = df.loc[d.dt.month.between(6, 8), '하차인원'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "s-09",
        S,
        "en",
        "sum of 승차인원 for 2호선 between 9pm and midnight",
        "number",
        "result = df.loc[(df['시간'] >= 21) & (df['호선'] == '2호선'), '승차인원'].sum()",
        {"rel_tol": 0},
    ),
    (
        "s-10",
        S,
        "ko",
        "호선별 승차인원 합계 보여줘",
        "table",
        "result = df.groupby('호선')['승차인원'].sum()",
        {"rel_tol": 0},
    ),
    (  # evening as the usual 18:00-21:59 (evalset13's round: parts of the day read, and stated)
        "s-11",
        S,
        "ko",
        "저녁 시간대 승차인원 합계",
        "number",
        "result = df.loc[df['시간'].between(18, 21), '승차인원'].sum()",
        {"rel_tol": 0},
    ),
    (
        "s-12",
        S,
        "ko",
        "3호선이나 4호선의 하차인원 평균",
        "number",
        "result = df.loc[df['호선'].isin(['3호선', '4호선']), '하차인원'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "s-13",
        S,
        "ko",
        "1호선 빼고 시간별 승차인원 평균",
        "table",
        "result = df[df['호선'] != '1호선'].groupby('시간')['승차인원'].mean()",
        {"rel_tol": 0.005},
    ),
    ("s-14", S, "ko", "5호선 승차인원 합계", "decline", "", {}),  # no line 5
    ("s-15", S, "ko", "2025년 1월 1일 승차인원 합계", "decline", "", {}),  # outside the data
    ("s-16", S, "en", "chart 승차인원 over time pls", "chart", "", {"columns": ["승차인원"]}),
    (
        "s-17",
        S,
        "ko",
        "7월 한 달 동안 2호선 승차인원 합계가 궁금해",
        "number",
        SD + "result = df.loc[(d.dt.month == 7) & (df['호선'] == '2호선'), '승차인원'].sum()",
        {"rel_tol": 0},
    ),
    (
        "s-18",
        S,
        "ko",
        "2호선이랑 3호선 중 승차인원 합계가 더 많은 건?",
        "label",
        "result = df[df['호선'].isin(['2호선', '3호선'])].groupby('호선')['승차인원'].sum()",
        {"pick": "max"},
    ),
    # --- air_daily: an ordered grade, below zero, dates, exclusions ---------------------------
    (
        "a-01",
        A,
        "ko",
        "등급이 나쁨 이상인 날은 며칠이야?",
        "number",
        BAD + "result = bad.sum()",
        {"rel_tol": 0, "also_rows": "df.loc[df['등급'].isin(['나쁨', '매우나쁨']), 'date'].nunique()"},
    ),
    (
        "a-02",
        A,
        "ko",
        "Mapo에서 등급이 나쁨 이상이었던 날 수",
        "number",
        BAD + "result = (bad & (df['district'] == 'Mapo')).sum()",
        {"rel_tol": 0},
    ),
    (
        "a-03",
        A,
        "ko",
        "등급이 보통 이하인 비율",
        "number",
        "result = df['등급'].isin(['좋음', '보통']).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "a-04",
        A,
        "en",
        "how many days in Gangnam had a 등급 of 나쁨 or worse?",
        "number",
        BAD + "result = (bad & (df['district'] == 'Gangnam')).sum()",
        {"rel_tol": 0},
    ),
    (
        "a-05",
        A,
        "ko",
        "temp_min이 영하로 떨어진 날은 며칠?",
        "number",
        "result = (df['temp_min'] < 0).sum()",
        {"rel_tol": 0, "also_rows": "df.loc[df['temp_min'] < 0, 'date'].nunique()"},
    ),
    (
        "a-06",
        A,
        "ko",
        "Jongno에서 temp_max가 영하였던 날 수",
        "number",
        "result = ((df['temp_max'] < 0) & (df['district'] == 'Jongno')).sum()",
        {"rel_tol": 0},
    ),
    (
        "a-07",
        A,
        "en",
        "how many days did temp_min drop below zero in Nowon?",
        "number",
        "result = ((df['temp_min'] < 0) & (df['district'] == 'Nowon')).sum()",
        {"rel_tol": 0},
    ),
    (
        "a-08",
        A,
        "ko",
        "district별로 등급이 나쁨 이상인 날 수",
        "table",
        BAD + "result = bad.groupby(df['district']).sum()",
        {"rel_tol": 0},
    ),
    (
        "a-09",
        A,
        "ko",
        "2024년 12월 25일 pm10 평균",
        "number",
        "result = df.loc[df['date'] == '2024-12-25', 'pm10'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "a-10",
        A,
        "en",
        "average pm10 between March and May 2023",
        "number",
        AD + "result = df.loc[(d.dt.year == 2023) & d.dt.month.between(3, 5), 'pm10'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "a-11",
        A,
        "ko",
        "2023년 3월부터 5월까지 pm10 평균",
        "number",
        AD + "result = df.loc[(d.dt.year == 2023) & d.dt.month.between(3, 5), 'pm10'].mean()",
        {"rel_tol": 0.005},
    ),
    ("a-12", A, "ko", "등급이 위험 이상인 날은 며칠?", "decline", "", {}),  # 위험 is not a grade
    (
        "a-13",
        A,
        "en",
        "average pm10 excluding Gangnam",
        "number",
        "result = df.loc[df['district'] != 'Gangnam', 'pm10'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "a-14",
        A,
        "ko",
        "Mapo나 Nowon의 pm10 평균 좀 알려줘",
        "number",
        "result = df.loc[df['district'].isin(['Mapo', 'Nowon']), 'pm10'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "a-15",
        A,
        "ko",
        "등급이 나쁨 미만인 날은 며칠?",
        "number",
        "result = df['등급'].isin(['좋음', '보통']).sum()",
        {"rel_tol": 0, "also_rows": "df.loc[df['등급'].isin(['좋음', '보통']), 'date'].nunique()"},
    ),
    (
        "a-16",
        A,
        "en",
        "what share of days in 2024 had temp_min below zero?",
        "number",
        AD + "result = (df.loc[d.dt.year == 2024, 'temp_min'] < 0).mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    ("a-17", A, "en", "average pm10 on Feb 30 2024", "decline", "", {}),  # no such date
    # --- shipments: a late flag, codes, a column named with its unit, times of day -----------
    ("p-01", P, "en", "how many shipments were late?", "number", "result = df['late'].sum()", {"rel_tol": 0}),
    (
        "p-02",
        P,
        "en",
        "what percent of UPS shipments were late?",
        "number",
        "result = df.loc[df['carrier'] == 'UPS', 'late'].mean()",
        {"rel_tol": 0.01, "percent": True},
    ),
    (
        "p-03",
        P,
        "en",
        "how many different state codes are there?",
        "number",
        "result = df['origin_state'].nunique()",
        {"rel_tol": 0},
    ),
    ("p-04", P, "en", "average cost per kg", "number", "result = df['cost_per_kg'].mean()", {"rel_tol": 0.005}),
    (
        "p-05",
        P,
        "en",
        "total kg shipped by each carrier",
        "table",
        "result = df.groupby('carrier')['weight_kg'].sum()",
        {"rel_tol": 0.005},
    ),
    (
        "p-06",
        P,
        "en",
        "average weight in kg excluding DHL",
        "number",
        "result = df.loc[df['carrier'] != 'DHL', 'weight_kg'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "p-07",
        P,
        "en",
        "how many parcels came from states other than CA?",
        "number",
        "result = (df['origin_state'] != 'CA').sum()",
        {"rel_tol": 0},
    ),
    (
        "p-08",
        P,
        "en",
        "total cost_usd except FedEx and UPS",
        "number",
        "result = df.loc[~df['carrier'].isin(['FedEx', 'UPS']), 'cost_usd'].sum()",
        {"rel_tol": 0.005},
    ),
    (
        "p-09",
        P,
        "en",
        "how many shipments went out between 9pm and midnight?",
        "number",
        "result = (df['ship_time'] >= '21:00').sum()",
        {"rel_tol": 0},
    ),
    (
        "p-10",
        P,
        "en",
        "average cost_usd on March 15, 2024",
        "number",
        "result = df.loc[df['ship_date'] == '2024-03-15', 'cost_usd'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "p-11",
        P,
        "en",
        "number of shipments between June and August 2024",
        "number",
        PD + "result = d.dt.month.between(6, 8).sum()",
        {"rel_tol": 0},
    ),
    (
        "p-12",
        P,
        "en",
        "hey can u tell me the avg weight_kg of late shipments thx",
        "number",
        "result = df.loc[df['late'], 'weight_kg'].mean()",
        {"rel_tol": 0.005},
    ),
    ("p-13", P, "ko", "late인 배송은 몇 건이야?", "number", "result = df['late'].sum()", {"rel_tol": 0}),
    (
        "p-14",
        P,
        "ko",
        "UPS랑 FedEx 배송의 평균 cost_usd 알려줘",
        "number",
        "result = df.loc[df['carrier'].isin(['UPS', 'FedEx']), 'cost_usd'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "p-15",
        P,
        "ko",
        "CA 빼고 origin_state가 몇 가지야?",
        "number",
        "result = df.loc[df['origin_state'] != 'CA', 'origin_state'].nunique()",
        {"rel_tol": 0},
    ),
    ("p-16", P, "en", "how many shipments were damaged?", "decline", "", {}),  # nothing records damage
    ("p-17", P, "en", "average cost per pound", "decline", "", {}),  # the data is per kg
    ("p-18", P, "en", "plot weight_kg over time please", "chart", "", {"columns": ["weight_kg"]}),
    (
        "p-19",
        P,
        "en",
        "how many shipments left after 6pm",
        "number",
        "result = (df['ship_time'] > '18:00').sum()",
        {"rel_tol": 0, "also_rows": "(df['ship_time'] >= '18:00').sum()"},
    ),
    (
        "p-20",
        P,
        "ko",
        "오후 9시 이후 배송 건수",
        "number",
        "result = (df['ship_time'] >= '21:00').sum()",
        {"rel_tol": 0},
    ),
    (  # evening as the usual 18:00-21:59, as s-11
        "p-21",
        P,
        "ko",
        "저녁에 나간 배송은 몇 건?",
        "number",
        "result = ((df['ship_time'] >= '18:00') & (df['ship_time'] < '22:00')).sum()",
        {"rel_tol": 0},
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
