"""Builds `dev/questions.jsonl` of the forty-seventh evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset47/build.py

Written by helper s20c (Nov 2026, issue 14, session 24) before running the analyst on it and
without reading its time vocabulary. Its kind: QUESTIONS ABOUT TIME as data scientists and
students ask them, on four real public tables whose time has four shapes (see data/gen_data.py):
a full date column at irregular dates (Australian polls 2004-2007), year and month as two columns
(UK drivers killed or seriously injured, 1969-1984), one row per year (the Nile's flow, 1871-1970),
one row per event with the year it began (Richardson's deadly quarrels, 1807-1949). Asked: a given
year / month / quarter / half-year / season / weekday; since / before / between; by year, month,
quarter, decade, month of the year; the trend and by how much; change and % change between two
periods; year over year; the first / last / most recent; the period with the highest / lowest
value; the average per year; how many periods had X above Y. Eight must be declined (forecasts,
causes, periods the data does not hold: answering another period is WRONG).

Conventions a careful analyst would follow: "since 1950" / "1950년 이후" include 1950, "before 1900"
excludes it, "after 1930" excludes 1930, "between 1900 and 1918" / "부터 ... 까지" include both ends;
the 1920s are 1920-1929; winter is December-February (of any year); the first half (상반기) is
January-June; drivers killed or injured are a flow (a year's figure is the sum of its months);
the Nile's flow is one figure a year; a poll's date is its `startDate`; % change is (new - old) /
old; a change asked "from A to B" is B - A (the negated value is also accepted only where the
question does not fix the direction); the trend "by how much" is the least-squares slope per year.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import EITHER, MAX, MIN, MONTHS, N0, N5, PCT, build, q, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
PO, DR, NI, QU = "polls.csv", "uk_drivers.csv", "nile.csv", "quarrels.csv"
# a fall said in words ("33.9% 감소", "380 lower") states the negative change as a positive number
FALL = {**PCT, "either_sign": True}
MONTH_MAX = {"pick": "max", "month_names": True}
PERIOD_MAX = {"pick": "max", "period_month": True}
D = "decline"

# polls: the date column as dates
DATES = "df['startDate'] = pd.to_datetime(df['startDate'])\ny = df['startDate'].dt.year; m = df['startDate'].dt.month\n"
# uk_drivers: the annual totals
ANNUAL = "a = df.groupby('year')['deaths'].sum()\n"
# quarrels: the decade a quarrel began
DECADE = "dec = df['year'] // 10 * 10\n"


QUESTIONS = [
    # --- polls: one row per poll, irregular dates ---------------------------------------------
    q(
        "a-01",
        PO,
        "en",
        "average ALP vote in polls taken in 2006",
        "number",
        DATES + "result = df.loc[y == 2006, 'ALP'].mean()",
        N5,
    ),
    q(
        "a-02",
        PO,
        "en",
        "how many polls were taken in March 2007?",
        "number",
        DATES + "result = ((y == 2007) & (m == 3)).sum()",
        N0,
    ),
    q("a-03", PO, "en", "number of polls by year", "table", DATES + "result = y.value_counts().sort_index()", N0),
    q(
        "a-04",
        PO,
        "en",
        "which month of 2007 had the most polls?",
        "label",
        DATES + "result = m[y == 2007].value_counts()",
        MONTH_MAX,
    ),
    q(
        "a-05",
        PO,
        "en",
        "average Green support since July 2007",
        "number",
        DATES + "result = df.loc[df['startDate'] >= '2007-07-01', 'Green'].mean()",
        N5,
    ),
    q(
        "a-06",
        PO,
        "en",
        "what was the ALP figure in the most recent Newspoll?",
        "number",
        DATES + "result = df[df['org'] == 'Newspoll'].sort_values('startDate')['ALP'].iloc[-1]",
        N5,
    ),
    q(
        "a-07",
        PO,
        "en",
        "on which date did the poll with the highest ALP vote start?",
        "label",
        DATES + "result = df.groupby(df['startDate'].dt.strftime('%Y-%m-%d'))['ALP'].max()",
        MAX,
    ),
    q(
        "a-08",
        PO,
        "en",
        "average Lib vote per quarter in 2005",
        "table",
        DATES + "result = df[y == 2005].groupby(df['startDate'].dt.quarter)['Lib'].mean()",
        N5,
    ),
    q(
        "a-09",
        PO,
        "en",
        "how much did the average ALP vote change from 2005 to 2007?",
        "number",
        DATES + "result = df.loc[y == 2007, 'ALP'].mean() - df.loc[y == 2005, 'ALP'].mean()",
        N5,
    ),
    q(
        "a-10",
        PO,
        "ko",
        "2006년 여론조사의 평균 표본 크기",
        "number",
        DATES + "result = df.loc[y == 2006, 'sampleSize'].mean()",
        N5,
    ),
    q(
        "a-11",
        PO,
        "ko",
        "2007년 11월 ALP 평균 지지율",
        "number",
        DATES + "result = df.loc[(y == 2007) & (m == 11), 'ALP'].mean()",
        N5,
    ),
    q(
        "a-12",
        PO,
        "ko",
        "2006년 월별 여론조사 건수",
        "table",
        DATES + "result = m[y == 2006].value_counts().sort_index()",
        N0,
    ),
    q(
        "a-13",
        PO,
        "ko",
        "2005년 1월 1일 이전에 실시된 여론조사는 몇 건?",
        "number",
        DATES + "result = (df['startDate'] < '2005-01-01').sum()",
        N0,
    ),
    q(
        "a-14",
        PO,
        "ko",
        "Lib 평균 지지율이 가장 높았던 해는?",
        "label",
        DATES + "result = df.groupby(y)['Lib'].mean()",
        MAX,
    ),
    q(
        "a-15",
        PO,
        "ko",
        "2006년 상반기 ALP 평균",
        "number",
        DATES + "result = df.loc[(y == 2006) & (m <= 6), 'ALP'].mean()",
        N5,
    ),
    q(
        "a-16",
        PO,
        "ko",
        "요일별 여론조사 건수",
        "table",
        DATES + "result = df['startDate'].dt.day_name().value_counts()",
        N0,
    ),
    q("a-17", PO, "en", "what will the ALP vote be at the 2008 election?", D),
    q("a-18", PO, "ko", "2003년 ALP 평균 지지율은?", D),
    # --- uk_drivers: one row a month, year and month as two columns ---------------------------
    q("d-01", DR, "en", "total deaths in 1975", "number", "result = df.loc[df['year'] == 1975, 'deaths'].sum()", N0),
    q(
        "d-02",
        DR,
        "en",
        "deaths in December 1980",
        "number",
        "result = df.loc[(df['year'] == 1980) & (df['month'] == 12), 'deaths'].iloc[0]",
        N0,
    ),
    q(
        "d-03",
        DR,
        "en",
        "which month of the year has the highest average deaths?",
        "label",
        "result = df.groupby('month')['deaths'].mean()",
        MONTH_MAX,
    ),
    q("d-04", DR, "en", "total deaths by year", "table", ANNUAL + "result = a", N0),
    q(
        "d-05",
        DR,
        "en",
        "average monthly deaths from February 1983 onwards",
        "number",
        "result = df.loc[df['year'] * 12 + df['month'] >= 1983 * 12 + 2, 'deaths'].mean()",
        N5,
    ),
    q(
        "d-06",
        DR,
        "en",
        "percentage change in total deaths from 1969 to 1984",
        "number",
        ANNUAL + "result = a[1984] / a[1969] - 1",
        FALL,
    ),
    q(
        "d-07",
        DR,
        "en",
        "how many months had more than 2000 deaths?",
        "number",
        "result = (df['deaths'] > 2000).sum()",
        N0,
    ),
    q("d-08", DR, "en", "which year had the fewest deaths?", "label", ANNUAL + "result = a", MIN),
    q("d-09", DR, "en", "year over year change in total deaths", "table", ANNUAL + "result = a.diff().dropna()", N0),
    q(
        "d-10",
        DR,
        "ko",
        "1979년 월평균 사망자 수",
        "number",
        "result = df.loc[df['year'] == 1979, 'deaths'].mean()",
        N5,
    ),
    q(
        "d-11",
        DR,
        "ko",
        "겨울(12~2월) 평균 사망자 수",
        "number",
        "result = df.loc[df['month'].isin([12, 1, 2]), 'deaths'].mean()",
        N5,
    ),
    q(
        "d-12",
        DR,
        "ko",
        "1984년 12월 사망자 수는 1983년 12월보다 얼마나 늘었어?",
        "number",
        "s = df.set_index(['year', 'month'])['deaths']\nresult = s[(1984, 12)] - s[(1983, 12)]",
        N0,
    ),
    q(
        "d-13",
        DR,
        "ko",
        "사망자 수가 가장 많았던 달은 언제야?",
        "label",
        "result = df.set_index(df['year'].astype(str) + '-' + df['month'].map('{:02d}'.format))['deaths']",
        PERIOD_MAX,
    ),
    q(
        "d-14",
        DR,
        "ko",
        "분기별 평균 사망자 수",
        "table",
        "result = df.groupby((df['month'] - 1) // 3 + 1)['deaths'].mean()",
        N5,
    ),
    q(
        "d-15",
        DR,
        "ko",
        "1970년부터 1974년까지 총 사망자 수",
        "number",
        "result = df.loc[df['year'].between(1970, 1974), 'deaths'].sum()",
        N0,
    ),
    q(
        "d-16",
        DR,
        "ko",
        "1980년대 월평균 사망자 수",
        "number",
        "result = df.loc[df['year'].between(1980, 1989), 'deaths'].mean()",
        N5,
    ),
    q("d-17", DR, "ko", "1985년 1월 사망자 수는?", D),
    q("d-18", DR, "en", "why did deaths drop in 1983?", D),
    # --- nile: one row a year ----------------------------------------------------------------
    q("n-01", NI, "en", "Nile flow in 1900", "number", "result = df.loc[df['year'] == 1900, 'flow'].iloc[0]", N0),
    q("n-02", NI, "en", "average flow before 1900", "number", "result = df.loc[df['year'] < 1900, 'flow'].mean()", N5),
    q(
        "n-03",
        NI,
        "en",
        "average flow by decade",
        "table",
        "result = df.groupby(df['year'] // 10 * 10)['flow'].mean()",
        N5,
    ),
    q("n-04", NI, "en", "which year had the lowest flow?", "label", "result = df.set_index('year')['flow']", MIN),
    q("n-05", NI, "en", "how many years had a flow above 1000?", "number", "result = (df['flow'] > 1000).sum()", N0),
    q(
        "n-06",
        NI,
        "en",
        "change in flow from 1871 to 1970",
        "number",
        "s = df.set_index('year')['flow']\nresult = s[1970] - s[1871]",
        EITHER,
    ),
    q(
        "n-07",
        NI,
        "en",
        "average annual flow since 1950",
        "number",
        "result = df.loc[df['year'] >= 1950, 'flow'].mean()",
        N5,
    ),
    q(
        "n-08",
        NI,
        "en",
        "by how much per year has the flow changed over time (linear trend)?",
        "number",
        "import numpy as np\nresult = np.polyfit(df['year'], df['flow'], 1)[0]",
        {"rel_tol": 0.01},
    ),
    q(
        "n-09",
        NI,
        "ko",
        "1920년대 평균 유량",
        "number",
        "result = df.loc[df['year'].between(1920, 1929), 'flow'].mean()",
        N5,
    ),
    q("n-10", NI, "ko", "유량이 가장 많았던 해는?", "label", "result = df.set_index('year')['flow']", MAX),
    q(
        "n-11",
        NI,
        "ko",
        "1871년 대비 1970년 유량 변화율(%)",
        "number",
        "s = df.set_index('year')['flow']\nresult = s[1970] / s[1871] - 1",
        FALL,
    ),
    q(
        "n-12",
        NI,
        "ko",
        "1913년 유량은 전년보다 얼마나 줄었어?",
        "number",
        "s = df.set_index('year')['flow']\nresult = s[1913] - s[1912]",
        EITHER,
    ),
    q(
        "n-13",
        NI,
        "ko",
        "1900년부터 1909년까지 평균 유량",
        "number",
        "result = df.loc[df['year'].between(1900, 1909), 'flow'].mean()",
        N5,
    ),
    q("n-14", NI, "ko", "가장 최근 연도의 유량은?", "number", "result = df.sort_values('year')['flow'].iloc[-1]", N0),
    q("n-15", NI, "ko", "유량이 800 미만이었던 해는 몇 번이야?", "number", "result = (df['flow'] < 800).sum()", N0),
    q("n-16", NI, "ko", "2000년 나일강 유량은?", D),
    q("n-17", NI, "en", "forecast the Nile flow for 1971", D),
    # --- quarrels: one row per event, the year it began ---------------------------------------
    q("q-01", QU, "en", "how many quarrels began in 1914?", "number", "result = (df['year'] == 1914).sum()", N0),
    q(
        "q-02",
        QU,
        "en",
        "number of quarrels by decade",
        "table",
        DECADE + "result = dec.value_counts().sort_index()",
        N0,
    ),
    q("q-03", QU, "en", "which year had the most quarrels?", "label", "result = df['year'].value_counts()", MAX),
    q(
        "q-04",
        QU,
        "en",
        "how many quarrels started between 1900 and 1918?",
        "number",
        "result = df['year'].between(1900, 1918).sum()",
        N0,
    ),
    q(
        "q-05",
        QU,
        "en",
        "average months of fighting for quarrels that began before 1850",
        "number",
        "result = df.loc[df['year'] < 1850, 'months'].mean()",
        N5,
    ),
    q(
        "q-06",
        QU,
        "en",
        "how many international quarrels started after 1930?",
        "number",
        "result = ((df['international'] == 1) & (df['year'] > 1930)).sum()",
        N0,
    ),
    q("q-07", QU, "en", "in what year did the earliest quarrel begin?", "number", "result = df['year'].min()", N0),
    q(
        "q-08",
        QU,
        "en",
        "average number of quarrels per year",
        "number",
        "result = df.groupby('year').size().mean()",
        {"rel_tol": 0.005, "also_rows": "len(df) / (df['year'].max() - df['year'].min() + 1)"},
    ),
    q("q-09", QU, "ko", "1941년에 시작된 분쟁 수", "number", "result = (df['year'] == 1941).sum()", N0),
    q(
        "q-10",
        QU,
        "ko",
        "연대별 평균 전투 개월 수(months)",
        "table",
        DECADE + "result = df.groupby(dec)['months'].mean()",
        N5,
    ),
    q(
        "q-11",
        QU,
        "ko",
        "revolution이 1인 분쟁 중 1900년 이후 시작된 것은 몇 건?",
        "number",
        "result = ((df['revolution'] == 1) & (df['year'] >= 1900)).sum()",
        N0,
    ),
    q("q-12", QU, "ko", "가장 최근에 시작된 분쟁의 연도는?", "number", "result = df['year'].max()", N0),
    q(
        "q-13",
        QU,
        "ko",
        "분쟁이 10건 이상 시작된 해는 몇 해야?",
        "number",
        "result = (df['year'].value_counts() >= 10).sum()",
        N0,
    ),
    q(
        "q-14",
        QU,
        "ko",
        "1880년대에 시작된 colonial 분쟁 수",
        "number",
        "result = ((df['colonial'] == 1) & df['year'].between(1880, 1889)).sum()",
        N0,
    ),
    q(
        "q-15",
        QU,
        "ko",
        "1930년대 분쟁 수는 1920년대보다 몇 건 많아?",
        "number",
        DECADE + "result = (dec == 1930).sum() - (dec == 1920).sum()",
        N0,
    ),
    q("q-16", QU, "ko", "1960년에 시작된 분쟁은 몇 건이야?", D),
    q("q-17", QU, "en", "what caused the rise in quarrels in the 1930s?", D),
]

WEEKDAYS_KO = dict(zip("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(), "월화수목금토일"))


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    for r in rows:
        e = r["expect"]
        if e["kind"] != "table":
            continue
        if r["id"] in ("n-03", "q-02", "q-10"):  # decades 1870 -> '1870s'
            e["value"] = {f"{k}s": v for k, v in e["value"].items()}
            e["also"] = {k: [k[:-1] + "년대", k[:-1] + "-" + k[:-2] + "9"] for k in e["value"]}
        elif r["id"] == "a-12":  # months of 2006
            e["value"] = {MONTHS[int(k) - 1]: v for k, v in e["value"].items()}
            e["also"] = {m: [m[:3], f"{MONTHS.index(m) + 1}월", f"2006-{MONTHS.index(m) + 1:02d}"] for m in e["value"]}
        elif r["id"] in ("a-08", "d-14"):  # quarters (of 2005 only, in the polls)
            e["value"] = {f"Q{k}": v for k, v in e["value"].items()}
            e["also"] = {k: [f"{k[1]}분기", f"quarter {k[1]}"] for k in e["value"]}
            if r["dataset"] == PO:
                e["also"] = {k: [*a, f"2005{k}", f"2005-{k}", f"2005년 {k[1]}분기"] for k, a in e["also"].items()}
        elif r["id"] == "a-16":
            e["also"] = {k: [k[:3], WEEKDAYS_KO[k] + "요일"] for k in e["value"]}
    write(HERE, rows)


if __name__ == "__main__":
    main()
