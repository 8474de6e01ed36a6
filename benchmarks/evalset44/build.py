"""Builds `dev/questions.jsonl` of the forty-fourth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset44/build.py

Written by helper s19c (Nov 2026, issue 14, session 23) before running the analyst on it and
without reading its time vocabulary. Its kind: QUESTIONS ABOUT TIME as data scientists and
students ask them, on five real public tables whose time has five shapes (see data/gen_data.py):
a full date column (daily NOx 2004), year and month as two columns (Paris registers 1812-1854), a
decimal time (UK gas per quarter, 1960.25 ...), one row per year (lynx trappings), a year column
in rows of another kind (melanoma patients by year of operation). Asked: a given year / month /
quarter / season / weekday; since / before / between; by year, month, quarter, decade, month of
the year; trend; change and growth between two periods (absolute and %), year over year; the
first / last / most recent period; the period with the highest / lowest value; running totals;
averages per year; how many periods had X above Y; the longest streak. Seven must be declined
(forecasts, causes, periods the data does not hold: answering another period is WRONG).

Conventions a careful analyst would follow: "since 1830" / "1830년 이후" include 1830, "before 1965"
excludes it, "between 1820 and 1829" / "부터 ... 까지" include both ends; the 1840s are 1840-1849;
summer is June-August; a quarter's decimal time is year + (quarter - 1) / 4; gas consumption and
lynx trappings are flows (a year's figure is the sum of its quarters), the Paris count is a stock
(a year's figure is the mean of its months); growth in % is (new - old) / old; a change asked
"from A to B" is B - A (the negated value is also accepted only where the question does not fix
the direction).

START (main 1488621): 28 correct / 49 declined / 2 WRONG in pandas and DuckDB as first written
(29 / 49 / 1 once 2004Q1 was accepted for Q1 and "9.7% 감소" for a -9.7% change). END (branch s19c):
45 / 34 / 0 in pandas and in DuckDB. See README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import MONTHS, build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
NX, PR, UK, LX, ME = "ambient_nox.csv", "prostitutes.csv", "ukgas.csv", "lynx.csv", "melanoma.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
# a fall said in words ("9.7% 감소", "fell by 9.7%") states the negative change as a positive number
FALL = {**PCT, "either_sign": True}
MAX = {"pick": "max"}
MIN = {"pick": "min"}
MONTH_MAX = {"pick": "max", "month_names": True}
QMAX = {"pick": "max", "quarter": True}
PERIOD_MAX = {"pick": "max", "period_month": True}
D = "decline"

# the date column as dates
DATES = "df['date'] = pd.to_datetime(df['date'])\n"
# prostitutes: one row a month, in the order of (Year, mon)
ORDERED = "df = df.sort_values(['Year', 'mon']).reset_index(drop=True)\n"
# ukgas: the decimal time split into year and quarter
QUARTERS = "df['year'] = df['time'].astype(int); df['q'] = ((df['time'] - df['year']) * 4).round().astype(int) + 1\n"
# ukgas: the annual totals
ANNUAL = QUARTERS + "y = df.groupby('year')['UKgas'].sum()\n"


def q(qid, ds, lang, text, kind, code="", extra=None):
    return (qid, ds, lang, text, kind, code, extra or {})


def streak(cond: str) -> str:
    """The longest run of consecutive rows where `cond` holds (a missing value breaks a run)."""
    return f"c = ({cond}).astype(int); g = (c != c.shift()).cumsum(); result = c.groupby(g).sum().max()"


QUESTIONS = [
    # --- ambient_nox: one row a day of 2004, a date column ------------------------------------
    q(
        "n-01",
        NX,
        "en",
        "average ba in March 2004",
        "number",
        DATES + "result = df.loc[df['date'].dt.month == 3, 'ba'].mean()",
        N5,
    ),
    q(
        "n-02",
        NX,
        "en",
        "what is the mean NOx at ad on Sundays?",
        "number",
        DATES + "result = df.loc[df['date'].dt.dayofweek == 6, 'ad'].mean()",
        N5,
    ),
    q(
        "n-03",
        NX,
        "en",
        "which day of the week has the highest average ef?",
        "label",
        DATES + "result = df.groupby(df['date'].dt.day_name())['ef'].mean()",
        MAX,
    ),
    q(
        "n-04",
        NX,
        "en",
        "monthly average of lu",
        "table",
        DATES + "result = df.groupby(df['date'].dt.month)['lu'].mean()",
        N5,
    ),
    q(
        "n-05",
        NX,
        "en",
        "average zg in summer",
        "number",
        DATES + "result = df.loc[df['date'].dt.month.isin([6, 7, 8]), 'zg'].mean()",
        N5,
    ),
    q(
        "n-06",
        NX,
        "en",
        "on which day was su highest?",
        "label",
        DATES + "result = df.set_index(df['date'].dt.strftime('%Y-%m-%d'))['su']",
        MAX,
    ),
    q("n-07", NX, "en", "how many days had ef above 100?", "number", "result = (df['ef'] > 100).sum()", N0),
    q(
        "n-09",
        NX,
        "en",
        "what was lu on 15 October 2004?",
        "number",
        "result = df.loc[df['date'] == '2004-10-15', 'lu'].iloc[0]",
        N5,
    ),
    q("n-10", NX, "en", "longest run of consecutive days with ef above 80", "number", streak("df['ef'] > 80"), N0),
    q(
        "n-12",
        NX,
        "ko",
        "ri 값이 가장 낮았던 날짜는?",
        "label",
        DATES + "result = df.set_index(df['date'].dt.strftime('%Y-%m-%d'))['ri']",
        MIN,
    ),
    q(
        "n-13",
        NX,
        "ko",
        "1분기 re 평균",
        "number",
        DATES + "result = df.loc[df['date'].dt.quarter == 1, 're'].mean()",
        N5,
    ),
    q(
        "n-14",
        NX,
        "ko",
        "분기별 la 평균",
        "table",
        DATES + "result = df.groupby(df['date'].dt.quarter)['la'].mean()",
        N5,
    ),
    q(
        "n-15",
        NX,
        "ko",
        "주말(토, 일)의 lu 평균은?",
        "number",
        DATES + "result = df.loc[df['date'].dt.dayofweek >= 5, 'lu'].mean()",
        N5,
    ),
    q(
        "n-16",
        NX,
        "ko",
        "12월 ba 평균은 1월 평균보다 얼마나 높아?",
        "number",
        DATES + "m = df.groupby(df['date'].dt.month)['ba'].mean(); result = m[12] - m[1]",
        N5,
    ),
    q(
        "n-17",
        NX,
        "ko",
        "월평균 sz가 가장 높은 달은?",
        "label",
        DATES + "result = df.groupby(df['date'].dt.month)['sz'].mean()",
        MONTH_MAX,
    ),
    q("n-18", NX, "ko", "si가 30을 넘은 날은 며칠이야?", "number", "result = (df['si'] > 30).sum()", N0),
    q(
        "n-19",
        NX,
        "ko",
        "요일별 ad 평균",
        "table",
        DATES + "result = df.groupby(df['date'].dt.day_name())['ad'].mean()",
        N5,
    ),
    q("n-20", NX, "ko", "2003년 ba 평균은?", D),
    q("n-21", NX, "en", "what will ef be in January 2005?", D),
    # --- prostitutes: Year + month (Jan..Dec) + mon (1-12), count -----------------------------
    q(
        "p-01",
        PR,
        "en",
        "count in March 1830",
        "number",
        "result = df.loc[(df['Year'] == 1830) & (df['mon'] == 3), 'count'].iloc[0]",
        N0,
    ),
    q(
        "p-02",
        PR,
        "en",
        "which year had the highest average count?",
        "label",
        "result = df.groupby('Year')['count'].mean()",
        MAX,
    ),
    q(
        "p-03",
        PR,
        "en",
        "average count by decade",
        "table",
        "result = df.groupby(df['Year'] // 10 * 10)['count'].mean()",
        N5,
    ),
    q(
        "p-04",
        PR,
        "en",
        "how much did the count change from January 1812 to December 1854?",
        "number",
        ORDERED + "result = df['count'].iloc[-1] - df['count'].iloc[0]",
        N5,
    ),
    q(
        "p-05",
        PR,
        "en",
        "which month of the year has the highest average count across all years?",
        "label",
        "result = df.groupby('mon')['count'].mean()",
        MONTH_MAX,
    ),
    q(
        "p-06",
        PR,
        "en",
        "in how many months was the count above 4000?",
        "number",
        "result = (df['count'] > 4000).sum()",
        N0,
    ),
    q(
        "p-08",
        PR,
        "en",
        "is the count going up or down over the years?",
        "label",
        "result = 'up'",
        {"others": "['down']"},
    ),
    q(
        "p-09",
        PR,
        "en",
        "what was the count in the last month of the data?",
        "number",
        ORDERED + "result = df['count'].iloc[-1]",
        N0,
    ),
    q("p-10", PR, "ko", "1850년 평균 count", "number", "result = df.loc[df['Year'] == 1850, 'count'].mean()", N5),
    q(
        "p-11",
        PR,
        "ko",
        "1840년대 count 평균",
        "number",
        "result = df.loc[df['Year'].between(1840, 1849), 'count'].mean()",
        N5,
    ),
    q(
        "p-12",
        PR,
        "ko",
        "1812년 1월 대비 1854년 12월 count 증가율(%)",
        "number",
        ORDERED + "result = df['count'].iloc[-1] / df['count'].iloc[0] - 1",
        PCT,
    ),
    q(
        "p-13",
        PR,
        "ko",
        "count가 가장 많았던 달은 언제야?",
        "label",
        ORDERED + "result = df.set_index(df['Year'].astype(str) + '-' + df['mon'].map('{:02d}'.format))['count']",
        PERIOD_MAX,
    ),
    q("p-14", PR, "ko", "1830년 이후 count 평균", "number", "result = df.loc[df['Year'] >= 1830, 'count'].mean()", N5),
    q(
        "p-16",
        PR,
        "ko",
        "연평균 count가 가장 낮았던 해는?",
        "label",
        "result = df.groupby('Year')['count'].mean()",
        MIN,
    ),
    q(
        "p-17",
        PR,
        "ko",
        "1844년 평균 대비 1854년 평균 count는 얼마나 늘었어?",
        "number",
        "m = df.groupby('Year')['count'].mean(); result = m[1854] - m[1844]",
        N5,
    ),
    q("p-18", PR, "ko", "1860년 count 평균은?", D),
    q("p-19", PR, "ko", "1830년대에 count가 왜 늘었어?", D),
    # --- ukgas: one row a quarter, decimal time 1960.00, 1960.25, ... ------------------------
    q("u-02", UK, "en", "average UKgas by quarter", "table", QUARTERS + "result = df.groupby('q')['UKgas'].mean()", N5),
    q("u-03", UK, "en", "annual gas consumption by year", "table", ANNUAL + "result = y", N5),
    q(
        "u-04",
        UK,
        "en",
        "percentage growth in annual consumption from 1960 to 1986",
        "number",
        ANNUAL + "result = y[1986] / y[1960] - 1",
        PCT,
    ),
    q("u-05", UK, "en", "which year had the highest total consumption?", "label", ANNUAL + "result = y", MAX),
    q(
        "u-06",
        UK,
        "en",
        "how much did consumption in Q1 1986 change from Q1 1985?",
        "number",
        QUARTERS + "s = df.set_index(['year', 'q'])['UKgas']; result = s[(1986, 1)] - s[(1985, 1)]",
        N5,
    ),
    q(
        "u-07",
        UK,
        "en",
        "gas consumption in the most recent quarter",
        "number",
        "result = df.sort_values('time')['UKgas'].iloc[-1]",
        N5,
    ),
    q(
        "u-08",
        UK,
        "en",
        "how many quarters had consumption above 500?",
        "number",
        "result = (df['UKgas'] > 500).sum()",
        N0,
    ),
    q(
        "u-09",
        UK,
        "en",
        "total consumption by decade",
        "table",
        QUARTERS + "result = df.groupby(df['year'] // 10 * 10)['UKgas'].sum()",
        N5,
    ),
    q(
        "u-10",
        UK,
        "en",
        "average Q4 consumption since 1980",
        "number",
        QUARTERS + "result = df.loc[(df['q'] == 4) & (df['year'] >= 1980), 'UKgas'].mean()",
        N5,
    ),
    q(
        "u-11",
        UK,
        "ko",
        "1980년 가스 소비량 합계",
        "number",
        QUARTERS + "result = df.loc[df['year'] == 1980, 'UKgas'].sum()",
        N5,
    ),
    q(
        "u-12",
        UK,
        "ko",
        "평균 소비량이 가장 높은 분기는?",
        "label",
        QUARTERS + "result = df.groupby('q')['UKgas'].mean()",
        QMAX,
    ),
    q(
        "u-13",
        UK,
        "ko",
        "1975년 4분기 가스 소비량",
        "number",
        QUARTERS + "result = df.loc[(df['year'] == 1975) & (df['q'] == 4), 'UKgas'].iloc[0]",
        N5,
    ),
    q(
        "u-15",
        UK,
        "ko",
        "1985년 대비 1986년 연간 소비량 증가율",
        "number",
        ANNUAL + "result = y[1986] / y[1985] - 1",
        PCT,
    ),
    q(
        "u-16",
        UK,
        "ko",
        "연간 소비량이 2000을 넘은 해는 몇 년이야?",
        "number",
        ANNUAL + "result = (y > 2000).sum()",
        N0,
    ),
    q("u-17", UK, "ko", "가스 소비량은 증가 추세야 감소 추세야?", "label", "result = '증가'", {"others": "['감소']"}),
    q(
        "u-18",
        UK,
        "ko",
        "1962년 말까지의 누적 소비량",
        "number",
        QUARTERS + "result = df.loc[df['year'] <= 1962, 'UKgas'].sum()",
        N5,
    ),
    q("u-19", UK, "ko", "1987년 가스 소비량을 예측해줘", D),
    # --- lynx: one row a year 1821-1934 (time, lynx) ------------------------------------------
    q(
        "l-01",
        LX,
        "en",
        "how many lynx were trapped in 1900?",
        "number",
        "result = df.loc[df['time'] == 1900, 'lynx'].iloc[0]",
        N0,
    ),
    q(
        "l-02",
        LX,
        "en",
        "which year had the most lynx trappings?",
        "label",
        "result = df.set_index('time')['lynx']",
        MAX,
    ),
    q(
        "l-03",
        LX,
        "en",
        "total lynx trapped per decade",
        "table",
        "result = df.groupby(df['time'] // 10 * 10)['lynx'].sum()",
        N5,
    ),
    q(
        "l-04",
        LX,
        "en",
        "average annual trappings before 1850",
        "number",
        "result = df.loc[df['time'] < 1850, 'lynx'].mean()",
        N5,
    ),
    q(
        "l-05",
        LX,
        "en",
        "how many years had more than 3000 lynx trapped?",
        "number",
        "result = (df['lynx'] > 3000).sum()",
        N0,
    ),
    q(
        "l-06",
        LX,
        "en",
        "change in trappings from 1933 to 1934",
        "number",
        "s = df.set_index('time')['lynx']; result = s[1934] - s[1933]",
        N5,
    ),
    q(
        "l-07",
        LX,
        "en",
        "cumulative number of lynx trapped up to 1830",
        "number",
        "result = df.loc[df['time'] <= 1830, 'lynx'].sum()",
        N0,
    ),
    q(
        "l-08",
        LX,
        "en",
        "longest run of consecutive years with fewer than 500 lynx trapped",
        "number",
        streak("df.sort_values('time')['lynx'] < 500"),
        N0,
    ),
    q(
        "l-09",
        LX,
        "ko",
        "1850년부터 1859년까지 lynx 합계",
        "number",
        "result = df.loc[df['time'].between(1850, 1859), 'lynx'].sum()",
        N0,
    ),
    q("l-10", LX, "ko", "lynx가 가장 적었던 해는?", "label", "result = df.set_index('time')['lynx']", MIN),
    q(
        "l-11",
        LX,
        "ko",
        "10년 단위 평균 포획 수가 가장 높았던 연대는?",
        "label",
        "result = df.groupby(df['time'] // 10 * 10)['lynx'].mean()",
        MAX,
    ),
    q("l-12", LX, "ko", "1900년 이후 연평균 lynx", "number", "result = df.loc[df['time'] >= 1900, 'lynx'].mean()", N5),
    q(
        "l-13",
        LX,
        "ko",
        "가장 최근 연도의 lynx 포획 수",
        "number",
        "result = df.sort_values('time')['lynx'].iloc[-1]",
        N0,
    ),
    q(
        "l-14",
        LX,
        "ko",
        "1904년 대비 1905년 lynx 증감률",
        "number",
        "s = df.set_index('time')['lynx']; result = s[1905] / s[1904] - 1",
        FALL,
    ),
    q("l-16", LX, "en", "predict the number of lynx trapped in 1935", D),
    # --- melanoma: one row a patient, the year of operation -----------------------------------
    q(
        "m-01",
        ME,
        "en",
        "how many patients were operated on in 1970?",
        "number",
        "result = (df['year'] == 1970).sum()",
        N0,
    ),
    q("m-02", ME, "en", "which year had the most operations?", "label", "result = df['year'].value_counts()", MAX),
    q(
        "m-03",
        ME,
        "en",
        "average tumour thickness for patients operated before 1965",
        "number",
        "result = df.loc[df['year'] < 1965, 'thickness'].mean()",
        N5,
    ),
    q(
        "m-04",
        ME,
        "en",
        "average thickness by year of operation",
        "table",
        "result = df.groupby('year')['thickness'].mean()",
        N5,
    ),
    q(
        "m-06",
        ME,
        "en",
        "average number of operations per year",
        "number",
        "result = df.groupby('year').size().mean()",
        {"rel_tol": 0.005, "also_rows": "len(df) / (df['year'].max() - df['year'].min() + 1)"},
    ),
    q("m-07", ME, "ko", "연도별 수술 환자 수", "table", "result = df['year'].value_counts().sort_index()", N0),
    q(
        "m-08",
        ME,
        "ko",
        "1972년 이후 수술받은 환자의 평균 나이",
        "number",
        "result = df.loc[df['year'] >= 1972, 'age'].mean()",
        N5,
    ),
    q(
        "m-09",
        ME,
        "ko",
        "1965년부터 1969년까지 수술받은 환자 수",
        "number",
        "result = df['year'].between(1965, 1969).sum()",
        N0,
    ),
    q("m-10", ME, "ko", "가장 이른 수술 연도는?", "number", "result = df['year'].min()", N0),
    q(
        "m-11",
        ME,
        "ko",
        "1973년에 수술받은 환자 중 흑색종으로 사망한(status 1) 환자 수",
        "number",
        "result = ((df['year'] == 1973) & (df['status'] == 1)).sum()",
        N0,
    ),
    q("m-12", ME, "ko", "1980년에 수술받은 환자의 평균 나이", D),
]

#: the names a careful analyst may give the groups of a time question (written out here)
WEEKDAYS_KO = dict(zip("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(), "월화수목금토일"))
TREND = {
    "up": ["increasing", "increased", "rising", "rose", "upward", "grew", "growing"],
    "증가": ["상승", "늘", "up", "increasing", "increased", "rising"],
}


def aliases(key: str, ds: str) -> list[str]:
    """Other names of a group of a time question: months, quarters, decades, weekdays."""
    if key in WEEKDAYS_KO:
        return [key[:3], WEEKDAYS_KO[key] + "요일"]
    return []


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    decade_sets = {"p-03", "u-09", "l-03"}
    for r in rows:
        e = r["expect"]
        if e["kind"] == "table":
            if r["id"] in decade_sets:  # decades 1810 -> '1810s'
                e["value"] = {f"{k}s": v for k, v in e["value"].items()}
                e["also"] = {k: [k[:-1] + "년대", k[:-1] + "-" + k[:-2] + "9"] for k in e["value"]}
            elif r["id"] in ("n-04",):  # months of 2004
                e["value"] = {MONTHS[int(k) - 1]: v for k, v in e["value"].items()}
                e["also"] = {m: [m[:3], f"{i + 1}월", f"2004-{i + 1:02d}"] for i, m in enumerate(MONTHS)}
            elif r["id"] in ("n-14", "u-02"):  # quarters (of 2004 only, in the NOx data: 2004Q1 is Q1)
                e["value"] = {f"Q{k}": v for k, v in e["value"].items()}
                e["also"] = {k: [f"{k[1]}분기", f"quarter {k[1]}"] for k in e["value"]}
                if r["dataset"] == NX:
                    e["also"] = {k: [*a, f"2004{k}", f"2004-{k}", f"2004년 {k[1]}분기"] for k, a in e["also"].items()}
            elif r["id"] == "n-19":
                e["also"] = {k: aliases(k, r["dataset"]) for k in e["value"]}
        elif e["kind"] == "label":
            if e["value"] in WEEKDAYS_KO:
                e["also"] = aliases(e["value"], r["dataset"])
            if e["value"] in TREND:
                e["also"] = TREND[e["value"]]
                e["others"] = e["others"] + (
                    ["decreasing", "decreased", "falling", "downward"] if e["value"] == "up" else ["하락", "줄"]
                )
            if r["id"] == "l-11":  # a decade
                top = e["value"]
                e.update(
                    value=f"{top}s",
                    also=[f"{top}년대"],
                    others=[f"{o}s" for o in e["others"]] + [f"{o}년대" for o in e["others"]],
                )
    write(HERE, rows)


if __name__ == "__main__":
    main()
