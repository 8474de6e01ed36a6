"""Builds `dev/questions.jsonl` of the thirty-sixth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset36/build.py

Written by helper s15b (Nov 2026, issue 14 session 19) before changing any code and without
reading the planner's time vocabulary: TIME said RELATIVE to the data ("the last year of the
data", "the most recent value", "the first 3 months", "최근 5년") or as a RANGE ("since 2000",
"before 1950", "between 1990 and 2000", "the 1990s", "80년대", "2000년 이후", "1970년부터 1980년까지"),
on four real public tables (see data/gen_data.py): a year column in a panel of firms (Grunfeld),
year + month columns (presidential approval polls), a date column (CRAN package counts) and a
year column with a missing last year (US finance profits). About half the questions are in
Korean over the English column names. "Since/after/이후/until/까지" are read as the words say:
"since 2000" and "2000년 이후" include 2000, "after 2000" does not; "1940년 이전" is accepted
either way (Korean usage varies). Declines: modelling, causation, forecasts, and "recent" with
no number of periods.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
G, A, C, U = "grunfeld.csv", "approval.csv", "cran_packages.csv", "us_finance.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
DIFF = {"rel_tol": 0.005, "either_sign": True}
# approval: one row a month, in the order of (year, month)
ORDERED = "df = df.sort_values(['year', 'month']).reset_index(drop=True)\n"
# cran: the Date column as dates
DATES = "df['Date'] = pd.to_datetime(df['Date'])\n"
D = "Decline"

QUESTIONS = [
    # --- Grunfeld: 10 firms x 20 years ---------------------------------------------------------
    ("g-01", G, "en", "total investment in the last year of the data", "number",
     "result = df.loc[df['year'] == df['year'].max(), 'inv'].sum()", N5),
    ("g-02", G, "en", "average firm value since 1950", "number",
     "result = df.loc[df['year'] >= 1950, 'value'].mean()", N5),
    ("g-03", G, "en", "total investment before 1940", "number",
     "result = df.loc[df['year'] < 1940, 'inv'].sum()", N5),
    ("g-04", G, "en", "mean capital between 1940 and 1945", "number",
     "result = df.loc[df['year'].between(1940, 1945), 'capital'].mean()", N5),
    ("g-05", G, "en", "how much was invested in the first year?", "number",
     "result = df.loc[df['year'] == df['year'].min(), 'inv'].sum()", N5),
    ("g-06", G, "en", "average investment in the 1940s", "number",
     "result = df.loc[df['year'].between(1940, 1949), 'inv'].mean()", N5),
    ("g-07", G, "en", "total inv over the last 5 years", "number",
     "result = df.loc[df['year'] > df['year'].max() - 5, 'inv'].sum()", N5),
    ("g-08", G, "en", "how many years does the data cover?", "number",
     "result = df['year'].nunique()", {"rel_tol": 0, "also_rows": "df['year'].max() - df['year'].min()"}),
    ("g-09", G, "en", "what's the earliest year in the data", "number", "result = df['year'].min()", N0),
    ("g-10", G, "en", "average investment of firm 1 after 1950", "number",
     "result = df.loc[(df['firm'] == 1) & (df['year'] > 1950), 'inv'].mean()", N5),
    ("g-11", G, "en", "how much did firms invest in recent years?", D, "", {}),
    ("g-12", G, "en", "does capital cause investment?", D, "", {}),
    ("g-13", G, "en", "change in total investment from the first to the last year", "number",
     "s = df.groupby('year')['inv'].sum()\nresult = s.iloc[-1] - s.iloc[0]", N5),
    ("g-14", G, "ko", "마지막 해의 총 투자액", "number",
     "result = df.loc[df['year'] == df['year'].max(), 'inv'].sum()", N5),
    ("g-15", G, "ko", "1950년 이후 평균 투자", "number", "result = df.loc[df['year'] >= 1950, 'inv'].mean()", N5),
    ("g-16", G, "ko", "1940년 이전 capital 합계", "number", "result = df.loc[df['year'] <= 1940, 'capital'].sum()",
     {"rel_tol": 0.005, "also_rows": "df.loc[df['year'] < 1940, 'capital'].sum()"}),
    ("g-17", G, "ko", "1945년부터 1950년까지 평균 value", "number",
     "result = df.loc[df['year'].between(1945, 1950), 'value'].mean()", N5),
    ("g-18", G, "ko", "최근 3년 투자 합계", "number",
     "result = df.loc[df['year'] > df['year'].max() - 3, 'inv'].sum()", N5),
    ("g-19", G, "ko", "첫 해의 평균 자본", "number",
     "result = df.loc[df['year'] == df['year'].min(), 'capital'].mean()", N5),
    ("g-20", G, "ko", "데이터 기간은 몇 년이야?", "number",
     "result = df['year'].nunique()", {"rel_tol": 0, "also_rows": "df['year'].max() - df['year'].min()"}),
    ("g-21", G, "ko", "1930년대 평균 inv", "number", "result = df.loc[df['year'].between(1930, 1939), 'inv'].mean()", N5),
    ("g-22", G, "ko", "최근 몇 년간 평균 투자액", D, "", {}),
    ("g-23", G, "ko", "첫 해와 마지막 해의 총 투자 차이", "number",
     "s = df.groupby('year')['inv'].sum()\nresult = s.iloc[-1] - s.iloc[0]", DIFF),
    ("g-24", G, "ko", "가장 최근 연도는?", "number", "result = df['year'].max()", N0),
    # --- approval: one row a month, as year + month columns ------------------------------------
    ("a-01", A, "en", "what was the approval rating in the latest month?", "number",
     ORDERED + "result = df['approve'].iloc[-1]", N5),
    ("a-02", A, "en", "average approval since 2004", "number", "result = df.loc[df['year'] >= 2004, 'approve'].mean()", N5),
    ("a-03", A, "en", "mean disapproval before 2003", "number",
     "result = df.loc[df['year'] < 2003, 'disapprove'].mean()", N5),
    ("a-04", A, "en", "average gas price between 2002 and 2004", "number",
     "result = df.loc[df['year'].between(2002, 2004), 'avg.price'].mean()", N5),
    ("a-05", A, "en", "approval in the first month of the data", "number", ORDERED + "result = df['approve'].iloc[0]", N5),
    ("a-06", A, "en", "average approval over the last 12 months", "number",
     ORDERED + "result = df['approve'].iloc[-12:].mean()", N5),
    ("a-07", A, "en", "highest disapproval after 2004", "number", "result = df.loc[df['year'] > 2004, 'disapprove'].max()", N5),
    ("a-08", A, "en", "how much did approval change from the first to the last month?", "number",
     ORDERED + "result = df['approve'].iloc[-1] - df['approve'].iloc[0]", N5),
    ("a-09", A, "en", "what's the most recent avg price", "number", ORDERED + "result = df['avg.price'].iloc[-1]", N5),
    ("a-10", A, "en", "approval in recent months", D, "", {}),
    ("a-11", A, "en", "will approval go up next year?", D, "", {}),
    ("a-12", A, "ko", "가장 최근 approve 값은?", "number", ORDERED + "result = df['approve'].iloc[-1]", N5),
    ("a-13", A, "ko", "2005년 이후 평균 지지율", "number", "result = df.loc[df['year'] >= 2005, 'approve'].mean()", N5),
    ("a-14", A, "ko", "2003년까지 disapprove 평균", "number", "result = df.loc[df['year'] <= 2003, 'disapprove'].mean()", N5),
    ("a-15", A, "ko", "2002년부터 2003년까지 평균 avg.price", "number",
     "result = df.loc[df['year'].between(2002, 2003), 'avg.price'].mean()", N5),
    ("a-16", A, "ko", "최근 6개월 평균 approve", "number", ORDERED + "result = df['approve'].iloc[-6:].mean()", N5),
    ("a-17", A, "ko", "처음 3개월 평균 지지율", "number", ORDERED + "result = df['approve'].iloc[:3].mean()", N5),
    ("a-18", A, "ko", "마지막 달의 disapprove", "number", ORDERED + "result = df['disapprove'].iloc[-1]", N5),
    ("a-19", A, "ko", "데이터는 몇 개월치야?", "number", "result = len(df)", N0),
    ("a-20", A, "ko", "유가가 지지율을 떨어뜨렸나?", D, "", {}),
    ("a-21", A, "en", "max approval in 2001", "number", "result = df.loc[df['year'] == 2001, 'approve'].max()", N5),
    # --- CRAN packages: a date column ---------------------------------------------------------
    ("c-01", C, "en", "how many packages were on CRAN at the latest date?", "number",
     DATES + "result = df.loc[df['Date'].idxmax(), 'Packages']", N0),
    ("c-02", C, "en", "what is the earliest date in the data?", "label",
     DATES + "result = df['Date'].min().strftime('%Y-%m-%d')",
     {"others": "df['Date'].iloc[1:6].dt.strftime('%Y-%m-%d').tolist()"}),
    ("c-03", C, "en", "average number of packages since 2010", "number",
     DATES + "result = df.loc[df['Date'].dt.year >= 2010, 'Packages'].mean()", N5),
    ("c-04", C, "en", "how many releases were before 2005?", "number",
     DATES + "result = (df['Date'].dt.year < 2005).sum()", N0),
    ("c-05", C, "en", "how many releases in the 2000s?", "number",
     DATES + "result = df['Date'].dt.year.between(2000, 2009).sum()", N0),
    ("c-06", C, "en", "max packages between 2005 and 2008", "number",
     DATES + "result = df.loc[df['Date'].dt.year.between(2005, 2008), 'Packages'].max()", N0),
    ("c-07", C, "en", "how many packages were added from the first to the last date?", "number",
     DATES + "df = df.sort_values('Date')\nresult = df['Packages'].iloc[-1] - df['Packages'].iloc[0]", N0),
    ("c-08", C, "en", "number of packages at the earliest date", "number",
     DATES + "result = df.loc[df['Date'].idxmin(), 'Packages']", N0),
    ("c-09", C, "en", "what's the most recent date", "label",
     DATES + "result = df['Date'].max().strftime('%Y-%m-%d')",
     {"others": "df['Date'].iloc[-6:-1].dt.strftime('%Y-%m-%d').tolist()"}),
    ("c-10", C, "ko", "가장 최근 패키지 수", "number", DATES + "result = df.loc[df['Date'].idxmax(), 'Packages']", N0),
    ("c-11", C, "ko", "2010년 이후 평균 Packages", "number",
     DATES + "result = df.loc[df['Date'].dt.year >= 2010, 'Packages'].mean()", N5),
    ("c-12", C, "ko", "2005년 이전 릴리스는 몇 개?", "number", DATES + "result = (df['Date'].dt.year < 2005).sum()",
     {"rel_tol": 0, "also_rows": "(df['Date'].dt.year <= 2005).sum()"}),
    ("c-13", C, "ko", "2000년대 패키지 수 평균", "number",
     DATES + "result = df.loc[df['Date'].dt.year.between(2000, 2009), 'Packages'].mean()", N5),
    ("c-14", C, "ko", "처음 날짜는 언제야?", "label", DATES + "result = df['Date'].min().strftime('%Y-%m-%d')",
     {"others": "df['Date'].iloc[1:6].dt.strftime('%Y-%m-%d').tolist()"}),
    ("c-15", C, "ko", "2008년부터 2012년까지 최대 패키지 수", "number",
     DATES + "result = df.loc[df['Date'].dt.year.between(2008, 2012), 'Packages'].max()", N0),
    ("c-16", C, "ko", "첫 기록과 마지막 기록의 패키지 수 차이", "number",
     DATES + "df = df.sort_values('Date')\nresult = df['Packages'].iloc[-1] - df['Packages'].iloc[0]",
     {"rel_tol": 0, "either_sign": True}),
    ("c-17", C, "ko", "마지막 날짜", "label", DATES + "result = df['Date'].max().strftime('%Y-%m-%d')",
     {"others": "df['Date'].iloc[-6:-1].dt.strftime('%Y-%m-%d').tolist()"}),
    ("c-18", C, "ko", "패키지 수가 늘어난 이유는?", D, "", {}),
    ("c-19", C, "en", "average packages in 2012", "number",
     DATES + "result = df.loc[df['Date'].dt.year == 2012, 'Packages'].mean()", N5),
    # --- US finance industry: a year column, 2012 missing -------------------------------------
    ("u-01", U, "en", "average corporate profits in the 1990s", "number",
     "result = df.loc[df['year'].between(1990, 1999), 'CorporateProfitsAdj'].mean()", N5),
    ("u-02", U, "en", "total financial profits in the 80s", "number",
     "result = df.loc[df['year'].between(1980, 1989), 'Financial'].sum()", N5),
    ("u-03", U, "en", "mean finance proportion before 1950", "number",
     "result = df.loc[df['year'] < 1950, 'FinanceProportion'].mean()", N5),
    ("u-04", U, "en", "finance proportion in the earliest year", "number",
     "result = df.loc[df['year'].idxmin(), 'FinanceProportion']", N5),
    ("u-05", U, "en", "from 1960 to 1970 how much did domestic profits grow?", "number",
     "s = df.set_index('year')['Domestic']\nresult = s[1970] - s[1960]", N5),
    ("u-06", U, "en", "average nonfinancial profits from 2000 to 2010", "number",
     "result = df.loc[df['year'].between(2000, 2010), 'Nonfinancial'].mean()", N5),
    ("u-07", U, "en", "how many years does the table cover", "number",
     "result = df['year'].nunique()", {"rel_tol": 0, "also_rows": "df['year'].max() - df['year'].min()"}),
    ("u-08", U, "en", "average rest of world profits after 2000", "number",
     "result = df.loc[df['year'] > 2000, 'restOfWorld'].mean()", N5),
    ("u-09", U, "en", "maximum corporate profits in the last 10 years", "number",
     "result = df.loc[df['year'] > df['year'].max() - 10, 'CorporateProfitsAdj'].max()", N5),
    ("u-10", U, "ko", "1990년대 Financial 합계", "number",
     "result = df.loc[df['year'].between(1990, 1999), 'Financial'].sum()", N5),
    ("u-11", U, "ko", "1950년 이전 평균 CorporateProfitsAdj", "number",
     "result = df.loc[df['year'] <= 1950, 'CorporateProfitsAdj'].mean()",
     {"rel_tol": 0.005, "also_rows": "df.loc[df['year'] < 1950, 'CorporateProfitsAdj'].mean()"}),
    ("u-12", U, "ko", "2000년 이후 Domestic 평균", "number", "result = df.loc[df['year'] >= 2000, 'Domestic'].mean()", N5),
    ("u-13", U, "ko", "1970년부터 1980년까지 FinanceProportion 평균", "number",
     "result = df.loc[df['year'].between(1970, 1980), 'FinanceProportion'].mean()", N5),
    ("u-14", U, "ko", "80년대 비금융 이익 평균", "number",
     "result = df.loc[df['year'].between(1980, 1989), 'Nonfinancial'].mean()", N5),
    ("u-15", U, "ko", "첫 해의 CorporateProfitsAdj", "number",
     "result = df.loc[df['year'].idxmin(), 'CorporateProfitsAdj']", N5),
    ("u-16", U, "ko", "최근 금융 비중은 어땠어?", D, "", {}),
    ("u-17", U, "ko", "2020년 금융 비중 예측해줘", D, "", {}),
    ("u-18", U, "ko", "1929년부터 1939년까지 restOfWorld 합계", "number",
     "result = df.loc[df['year'].between(1929, 1939), 'restOfWorld'].sum()", N5),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8", keep_default_na=False, na_values=["NA"])


if __name__ == "__main__":
    rows = build([(q[0], q[1], q[2], q[3], q[4].lower() if q[4] == D else q[4], q[5], q[6]) for q in QUESTIONS],
                 load, default_tol=None)
    write(HERE, rows)
