"""Builds `dev/questions.jsonl` of the twenty-seventh evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset27/build.py

Written by helper i14z (Nov 2026, issue 14 round 13) before any code change and without looking at
the planner's vocabulary: time as real published tables write it. Four REAL public tables from
the Rdatasets collection (see data/gen_data.py): airquality (the date in two integer columns
Month and Day), plyr's baseball (the season in an integer `year`), AirPassengers (the month as
a decimal year) and ggplot2's presidential (a start/end pair of dates), asked the way people ask,
half in Korean, a few that must be declined (forecasts, causes, judgements).

Months are named as people name them ("July", "7월"; the month number alone is accepted too);
airquality's days as "August 28" (its year, 1973, is not in the table); a term's length in days
when the question asks for days, in years (365.25 days) when it asks how long in years.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import MONTHS, build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
A, B, P, R = "airquality.csv", "baseball.csv", "AirPassengers.csv", "presidential.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
N1 = {"rel_tol": 0.01}
MN = {"pick": "max", "month_names": True}
# AirPassengers: the decimal year split into the year and the calendar month
PT = "y = (df['time'] + 1e-6).astype(int)\nm = ((df['time'] - y) * 12).round().astype(int) + 1\n"
# presidential: each term's length
DAYS = "days = (pd.to_datetime(df['end']) - pd.to_datetime(df['start'])).dt.days\n"
YEARS = DAYS + "years = days / 365.25\n"
# airquality: a day named as people name it
DAY = "day = df['Month'].map(lambda k: " + repr(MONTHS) + "[k - 1]) + ' ' + df['Day'].astype(str)\n"

QUESTIONS = [
    # --- airquality: Month + Day ---------------------------------------------------------------
    ("a-01", A, "en", "average Ozone in July", "number", "result = df.loc[df['Month'] == 7, 'Ozone'].mean()", N5),
    (
        "a-02",
        A,
        "en",
        "which month had the highest mean temperature",
        "label",
        "result = df.groupby('Month')['Temp'].mean()",
        MN,
    ),
    ("a-03", A, "ko", "5월 평균 기온", "number", "result = df.loc[df['Month'] == 5, 'Temp'].mean()", N5),
    ("a-04", A, "en", "hottest day", "label", DAY + "result = df.set_index(day)['Temp']", {"pick": "max"}),
    ("a-05", A, "ko", "가장 더웠던 날은 언제야?", "label", DAY + "result = df.set_index(day)['Temp']", {"pick": "max"}),
    ("a-06", A, "en", "average wind speed by month", "table", "result = df.groupby('Month')['Wind'].mean()", N5),
    ("a-07", A, "ko", "월별 평균 오존", "table", "result = df.groupby('Month')['Ozone'].mean()", N5),
    (
        "a-08",
        A,
        "en",
        "how many days in June were above 80 degrees",
        "number",
        "result = ((df['Month'] == 6) & (df['Temp'] > 80)).sum()",
        N0,
    ),
    ("a-09", A, "ko", "8월 오존 최고치", "number", "result = df.loc[df['Month'] == 8, 'Ozone'].max()", N0),
    ("a-10", A, "en", "temperature over the summer, plot it", "chart", "", {"columns": ["Temp"]}),
    (
        "a-11",
        A,
        "en",
        "what was the temperature on July 4th?",
        "number",
        "result = df.loc[(df['Month'] == 7) & (df['Day'] == 4), 'Temp'].sum()",
        N0,
    ),
    (
        "a-12",
        A,
        "ko",
        "6월 15일 풍속은?",
        "number",
        "result = df.loc[(df['Month'] == 6) & (df['Day'] == 15), 'Wind'].sum()",
        N0,
    ),
    (
        "a-13",
        A,
        "en",
        "windiest day in May",
        "label",
        DAY + "result = df.set_index(day).loc[df['Month'].values == 5, 'Wind']",
        {"pick": "max"},
    ),
    ("a-14", A, "en", "does wind cause lower ozone levels?", "decline", "", {}),
    ("a-15", A, "ko", "9월 평균 일사량", "number", "result = df.loc[df['Month'] == 9, 'Solar.R'].mean()", N5),
    ("a-16", A, "en", "how many days of data are there", "number", "result = len(df)", N0),
    ("a-17", A, "ko", "내년 7월 기온 예측해줘", "decline", "", {}),
    (
        "a-18",
        A,
        "en",
        "which month was the windiest on average",
        "label",
        "result = df.groupby('Month')['Wind'].mean()",
        MN,
    ),
    (
        "a-19",
        A,
        "ko",
        "오존 평균이 가장 낮은 달",
        "label",
        "result = df.groupby('Month')['Ozone'].mean()",
        {"pick": "min", "month_names": True},
    ),
    ("a-20", A, "ko", "월별 최고 기온", "table", "result = df.groupby('Month')['Temp'].max()", N0),
    (
        "a-21",
        A,
        "en",
        "mean temp in the first half of july",
        "number",
        "result = df.loc[(df['Month'] == 7) & (df['Day'] <= 15), 'Temp'].mean()",
        N5,
    ),
    (
        "a-22",
        A,
        "ko",
        "7월 8월 평균 기온 비교",
        "table",
        "result = df[df['Month'].isin([7, 8])].groupby('Month')['Temp'].mean()",
        N5,
    ),
    # --- baseball: an integer year ---------------------------------------------------------------
    ("b-01", B, "en", "total home runs per year", "table", "result = df.groupby('year')['hr'].sum()", N0),
    ("b-02", B, "ko", "연도별 홈런 합계", "table", "result = df.groupby('year')['hr'].sum()", N0),
    (
        "b-03",
        B,
        "en",
        "which year had the most home runs",
        "label",
        "result = df.groupby('year')['hr'].sum()",
        {"pick": "max"},
    ),
    ("b-04", B, "en", "average home runs since 2000", "number", "result = df.loc[df['year'] >= 2000, 'hr'].mean()", N5),
    ("b-05", B, "ko", "2000년 이후 평균 홈런", "number", "result = df.loc[df['year'] >= 2000, 'hr'].mean()", N5),
    ("b-06", B, "en", "how many records are from 1995", "number", "result = (df['year'] == 1995).sum()", N0),
    ("b-07", B, "en", "home run trend over the years", "chart", "", {"columns": ["year", "hr"]}),
    ("b-08", B, "ko", "1998년 총 홈런 수", "number", "result = df.loc[df['year'] == 1998, 'hr'].sum()", N0),
    (
        "b-09",
        B,
        "en",
        "most hits in a season during the 1920s",
        "number",
        "result = df.loc[df['year'].between(1920, 1929), 'h'].max()",
        N0,
    ),
    (
        "b-10",
        B,
        "ko",
        "1980년대 평균 타점",
        "number",
        "result = df.loc[df['year'].between(1980, 1989), 'rbi'].mean()",
        N5,
    ),
    (
        "b-11",
        B,
        "en",
        "who hit the most home runs in 2001",
        "label",
        "result = df.loc[df['year'] == 2001].set_index('id')['hr']",
        {"pick": "max"},
    ),
    ("b-12", B, "ko", "연도별 평균 안타 수", "table", "result = df.groupby('year')['h'].mean()", N5),
    ("b-13", B, "en", "will home runs keep going up next decade?", "decline", "", {}),
    ("b-14", B, "en", "first year in the data", "number", "result = df['year'].min()", N0),
    ("b-15", B, "ko", "가장 최근 연도는?", "number", "result = df['year'].max()", N0),
    (
        "b-16",
        B,
        "en",
        "total runs by year since 2000",
        "table",
        "result = df[df['year'] >= 2000].groupby('year')['r'].sum()",
        N0,
    ),
    ("b-17", B, "ko", "2007년 도루 합계", "number", "result = df.loc[df['year'] == 2007, 'sb'].sum()", N0),
    ("b-18", B, "ko", "홈런이 가장 많았던 해는?", "label", "result = df.groupby('year')['hr'].sum()", {"pick": "max"}),
    # --- AirPassengers: a decimal year -----------------------------------------------------------
    ("p-01", P, "en", "total passengers per year", "table", PT + "result = df.groupby(y)['AirPassengers'].sum()", N0),
    ("p-02", P, "ko", "연도별 승객 수 합계", "table", PT + "result = df.groupby(y)['AirPassengers'].sum()", N0),
    (
        "p-03",
        P,
        "en",
        "which month of the year is busiest on average",
        "label",
        PT + "result = df.groupby(m)['AirPassengers'].mean()",
        MN,
    ),
    ("p-04", P, "ko", "1955년 평균 승객 수", "number", PT + "result = df.loc[y == 1955, 'AirPassengers'].mean()", N5),
    (
        "p-05",
        P,
        "en",
        "how many passengers in March 1958",
        "number",
        PT + "result = df.loc[(y == 1958) & (m == 3), 'AirPassengers'].sum()",
        N0,
    ),
    ("p-06", P, "en", "trend of passengers over the years", "chart", "", {"columns": ["time", "AirPassengers"]}),
    (
        "p-07",
        P,
        "en",
        "how many months had more than 400 passengers",
        "number",
        "result = (df['AirPassengers'] > 400).sum()",
        N0,
    ),
    (
        "p-08",
        P,
        "ko",
        "1960년 7월 승객 수",
        "number",
        PT + "result = df.loc[(y == 1960) & (m == 7), 'AirPassengers'].sum()",
        N0,
    ),
    (
        "p-09",
        P,
        "en",
        "average passengers in 1949",
        "number",
        PT + "result = df.loc[y == 1949, 'AirPassengers'].mean()",
        N5,
    ),
    ("p-10", P, "ko", "내년 승객 수 예측해줘", "decline", "", {}),
    (
        "p-11",
        P,
        "en",
        "average passengers in December",
        "number",
        PT + "result = df.loc[m == 12, 'AirPassengers'].mean()",
        N5,
    ),
    ("p-12", P, "ko", "12월 평균 승객 수", "number", PT + "result = df.loc[m == 12, 'AirPassengers'].mean()", N5),
    ("p-13", P, "ko", "월별 평균 승객 수", "table", PT + "result = df.groupby(m)['AirPassengers'].mean()", N5),
    ("p-14", P, "ko", "1950년 최대 승객 수", "number", PT + "result = df.loc[y == 1950, 'AirPassengers'].max()", N0),
    # --- presidential: a start/end pair ----------------------------------------------------------
    (
        "r-01",
        R,
        "en",
        "who served the shortest time",
        "label",
        DAYS + "result = pd.Series(days.values, index=df['name'])",
        {"pick": "min"},
    ),
    (
        "r-02",
        R,
        "ko",
        "재임 기간이 가장 짧은 대통령",
        "label",
        DAYS + "result = pd.Series(days.values, index=df['name'])",
        {"pick": "min"},
    ),
    ("r-03", R, "en", "average length of a presidency in years", "number", YEARS + "result = years.mean()", N1),
    (
        "r-04",
        R,
        "ko",
        "Kennedy 재임 기간은 며칠이야?",
        "number",
        DAYS + "result = days[df['name'] == 'Kennedy'].sum()",
        N0,
    ),
    (
        "r-05",
        R,
        "en",
        "how many presidents were Republican",
        "number",
        "result = (df['party'] == 'Republican').sum()",
        N0,
    ),
    (
        "r-06",
        R,
        "en",
        "how many days did Nixon serve",
        "number",
        DAYS + "result = days[df['name'] == 'Nixon'].sum()",
        N0,
    ),
    ("r-07", R, "ko", "정당별 평균 재임 기간 (일)", "table", DAYS + "result = days.groupby(df['party']).mean()", N5),
    ("r-08", R, "en", "was Reagan a better president than Carter?", "decline", "", {}),
    ("r-09", R, "ko", "재임 일수 합계", "number", DAYS + "result = days.sum()", N0),
    (
        "r-10",
        R,
        "en",
        "how many presidents took office after 1970",
        "number",
        "result = (pd.to_datetime(df['start']) > '1970-12-31').sum()",
        N0,
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


def month_table(row: dict) -> None:
    """A table over airquality's or AirPassengers' month numbers, keyed by the month's name (the
    number alone, its abbreviation and 'N월' accepted)."""
    value = row["expect"]["value"]
    row["expect"]["value"] = {MONTHS[int(k) - 1]: v for k, v in value.items()}
    row["expect"]["also"] = {MONTHS[int(k) - 1]: [MONTHS[int(k) - 1][:3], f"{int(k)}월", str(k)] for k in value}


def day_label(row: dict) -> None:
    """airquality's "August 28" also said as "Aug 28", "8월 28일", "1973-08-28"."""
    name, day = row["expect"]["value"].split()
    k = MONTHS.index(name) + 1
    row["expect"]["also"] = [f"{name[:3]} {day}", f"{k}월 {day}일", f"1973-{k:02d}-{int(day):02d}"]


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    for row in rows:
        if row["id"] in ("a-06", "a-07", "a-20", "a-22", "p-13"):
            month_table(row)
        if row["id"] in ("a-04", "a-05", "a-13"):
            day_label(row)
    write(HERE, rows)
