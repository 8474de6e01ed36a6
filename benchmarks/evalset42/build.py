"""Builds `dev/questions.jsonl` of the forty-second evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset42/build.py

Written by helper s19a (Nov 2026, issue 14, session 23) before running the analyst on it and
without reading the analyst's code: a FRESH GENERALIZATION PROBE, the everyday questions a
student or data scientist asks first of a table they have just been given, of every kind
(overview, counts, filters with one or two conditions, group means and totals, rankings,
extremes and the row holding them, over time, correlations, shares, spread, two groups
compared), in English and Korean (about half each), phrased as people phrase them (column
names or plain words), and eight that must be declined (not answerable from the table, causal,
a forecast, or too vague). Five real public tables from the Rdatasets collection (see
data/gen_data.py), none used by an earlier set: sport (vcd::Baseball, 26 columns, 24 teams
and 25 positions), elections (pscl::presidentialElections, a year column, 52 states), a medical
trial (survival::veteran, coded treatment), schooling (HSAUR::schooldays), home energy
(Ecdat::Heating, 22 columns, coded systems).

Conventions: the standard deviation is the sample one (the population one also accepted);
correlations are Pearson's over the rows where both values are known; shares are fractions
(written as 0.25 or 25%); a player is named by his last name (name2), which an answer showing
the row also states.

START and END numbers: README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
BB, EL, VE, SD, HE = "baseball_1986.csv", "presidential_elections.csv", "veteran.csv", "schooldays.csv", "heating.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
MAX = {"pick": "max"}
MIN = {"pick": "min"}


def q(qid, ds, lang, text, kind, code="", extra=None):
    return (qid, ds, lang, text, kind, code, extra or {})


def sd(col: str, where: str = "") -> tuple[str, dict]:
    """The sample standard deviation of `col` (rows `where`), the population one also accepted."""
    s = f"df.loc[{where}, '{col}']" if where else f"df['{col}']"
    return f"result = {s}.std()", {**N5, "also_rows": f"{s}.std(ddof=0)"}


QUESTIONS = [
    # --- baseball_1986: 322 hitters, 1986 season and career, 1987 salary ----------------------
    q("b-01", BB, "en", "How many players are in this dataset?", "number", "result = len(df)", N0),
    q(
        "b-02",
        BB,
        "en",
        "Who hit the most home runs in 1986?",
        "label",
        "result = df.set_index('name2')['homer86']",
        MAX,
    ),
    q(
        "b-03",
        BB,
        "en",
        "average sal87 by league86",
        "table",
        "result = df.groupby('league86')['sal87'].mean()",
        N5,
    ),
    q(
        "b-04",
        BB,
        "en",
        "How many players had more than 20 home runs in 1986?",
        "number",
        "result = (df['homer86'] > 20).sum()",
        N0,
    ),
    q(
        "b-05",
        BB,
        "en",
        "top 5 players by career hits",
        "labels",
        "result = list(df.sort_values('hits', ascending=False)['name2'].head(5))",
        {"ordered": True},
    ),
    q("b-06", BB, "en", "How many players have a missing sal87?", "number", "result = df['sal87'].isna().sum()", N0),
    q(
        "b-07",
        BB,
        "en",
        "What's the correlation between hits86 and sal87?",
        "number",
        "result = df['hits86'].corr(df['sal87'])",
        {"rel_tol": 0.01},
    ),
    q(
        "b-08",
        BB,
        "en",
        "Which position has the most players?",
        "label",
        "result = df['posit86'].value_counts()",
        MAX,
    ),
    q(
        "b-09",
        BB,
        "en",
        "average number of years in the majors for catchers (posit86 = C)",
        "number",
        "result = df.loc[df['posit86'] == 'C', 'years'].mean()",
        N5,
    ),
    q("b-10", BB, "ko", "1986년 홈런(homer86) 평균은?", "number", "result = df['homer86'].mean()", N5),
    q("b-11", BB, "ko", "포지션(posit86)별 선수 수", "table", "result = df['posit86'].value_counts()", N0),
    q(
        "b-12",
        BB,
        "ko",
        "연봉(sal87)이 가장 높은 선수는 누구야?",
        "label",
        "result = df.set_index('name2')['sal87']",
        MAX,
    ),
    q(
        "b-13",
        BB,
        "ko",
        "team86별 평균 연봉(sal87)",
        "table",
        "result = df.groupby('team86')['sal87'].mean()",
        N5,
    ),
    q(
        "b-14",
        BB,
        "ko",
        "경력(years)이 10년 이상인 선수들의 평균 sal87은?",
        "number",
        "result = df.loc[df['years'] >= 10, 'sal87'].mean()",
        N5,
    ),
    q(
        "b-15",
        BB,
        "ko",
        "league86이 A이고 homer86이 20개 이상인 선수는 몇 명?",
        "number",
        "result = ((df['league86'] == 'A') & (df['homer86'] >= 20)).sum()",
        N0,
    ),
    q(
        "b-16",
        BB,
        "ko",
        "hits86과 rbi86의 상관계수",
        "number",
        "result = df['hits86'].corr(df['rbi86'])",
        {"rel_tol": 0.01},
    ),
    q(
        "b-17",
        BB,
        "ko",
        "1986년 실책(error86)이 가장 많은 선수는?",
        "label",
        "result = df.set_index('name2')['error86']",
        MAX,
    ),
    q("b-18", BB, "ko", "다음 시즌에 홈런왕이 될 선수는 누구일까?", "decline"),
    # --- presidential_elections: state, demVote (%), year 1932-2012, south ---------------------
    q(
        "e-01",
        EL,
        "en",
        "How many election years are covered?",
        "number",
        "result = df['year'].nunique()",
        N0,
    ),
    q(
        "e-02",
        EL,
        "en",
        "What was California's demVote in 2008?",
        "number",
        "result = df.loc[(df['state'] == 'California') & (df['year'] == 2008), 'demVote'].iloc[0]",
        N5,
    ),
    q(
        "e-03",
        EL,
        "en",
        "Which state had the highest demVote in 2012?",
        "label",
        "result = df[df['year'] == 2012].set_index('state')['demVote']",
        MAX,
    ),
    q(
        "e-04",
        EL,
        "en",
        "In how many states was demVote above 50 in 1984?",
        "number",
        "result = ((df['year'] == 1984) & (df['demVote'] > 50)).sum()",
        N0,
    ),
    q(
        "e-05",
        EL,
        "en",
        "Ohio's demVote by year",
        "table",
        "result = df[df['state'] == 'Ohio'].set_index('year')['demVote']",
        N5,
    ),
    q(
        "e-06",
        EL,
        "en",
        "In which year did Texas give the Democrats their highest share?",
        "label",
        "result = df[df['state'] == 'Texas'].set_index('year')['demVote']",
        MAX,
    ),
    q("e-07", EL, "en", "standard deviation of demVote", "number", *sd("demVote")),
    q(
        "e-08",
        EL,
        "en",
        "average demVote of the southern states in 1964",
        "number",
        "result = df.loc[df['south'] & (df['year'] == 1964), 'demVote'].mean()",
        N5,
    ),
    q("e-09", EL, "en", "What was the voter turnout in Florida in 2000?", "decline"),
    q(
        "e-10",
        EL,
        "ko",
        "민주당 득표율(demVote)이 가장 낮았던 주는?",
        "label",
        "result = df.set_index('state')['demVote'].groupby(level=0).min()",
        MIN,
    ),
    q(
        "e-11",
        EL,
        "ko",
        "Texas의 평균 demVote는?",
        "number",
        "result = df.loc[df['state'] == 'Texas', 'demVote'].mean()",
        N5,
    ),
    q(
        "e-12",
        EL,
        "ko",
        "1960년 이전 연도별 평균 demVote",
        "table",
        "result = df[df['year'] < 1960].groupby('year')['demVote'].mean()",
        N5,
    ),
    q(
        "e-13",
        EL,
        "ko",
        "2000년에 demVote가 40 미만인 주는 몇 개야?",
        "number",
        "result = ((df['year'] == 2000) & (df['demVote'] < 40)).sum()",
        N0,
    ),
    q(
        "e-14",
        EL,
        "ko",
        "California의 연도별 득표율 추이",
        "table",
        "result = df[df['state'] == 'California'].set_index('year')['demVote']",
        N5,
    ),
    q(
        "e-15",
        EL,
        "ko",
        "주별 평균 demVote가 가장 높은 주 3곳",
        "labels",
        "s = df.groupby('state')['demVote'].mean().sort_values(ascending=False); result = list(s.index[:3])",
        {"ordered": True, "others_from": "s"},
    ),
    q("e-16", EL, "ko", "다음 대선에서 민주당이 이길까?", "decline"),
    # --- veteran: lung-cancer trial, trt 1 standard / 2 test --------------------------------------
    q(
        "v-01",
        VE,
        "en",
        "How many patients are in each treatment group (trt)?",
        "table",
        "result = df['trt'].value_counts()",
        N0,
    ),
    q(
        "v-02",
        VE,
        "en",
        "median survival time by celltype",
        "table",
        "result = df.groupby('celltype')['time'].median()",
        N5,
    ),
    q("v-03", VE, "en", "What's the average age of the patients?", "number", "result = df['age'].mean()", N5),
    q(
        "v-04",
        VE,
        "en",
        "Which cell type has the longest mean survival time?",
        "label",
        "result = df.groupby('celltype')['time'].mean()",
        MAX,
    ),
    q(
        "v-05",
        VE,
        "en",
        "correlation between karno and time",
        "number",
        "result = df['karno'].corr(df['time'])",
        {"rel_tol": 0.01},
    ),
    q(
        "v-06",
        VE,
        "en",
        "mean karno for trt 1 vs trt 2",
        "table",
        "result = df.groupby('trt')['karno'].mean()",
        N5,
    ),
    q(
        "v-07",
        VE,
        "en",
        "How many patients older than 65 died (status 1)?",
        "number",
        "result = ((df['age'] > 65) & (df['status'] == 1)).sum()",
        N0,
    ),
    q("v-08", VE, "en", "Does the test treatment cause patients to live longer?", "decline"),
    q(
        "v-09",
        VE,
        "ko",
        "사망한 환자(status=1)의 비율은?",
        "number",
        "result = (df['status'] == 1).mean()",
        PCT,
    ),
    q("v-10", VE, "ko", "celltype별 환자 수", "table", "result = df['celltype'].value_counts()", N0),
    q(
        "v-11",
        VE,
        "ko",
        "나이가 60세 이상인 환자의 평균 생존시간(time)",
        "number",
        "result = df.loc[df['age'] >= 60, 'time'].mean()",
        N5,
    ),
    q(
        "v-12",
        VE,
        "ko",
        "생존시간(time)이 가장 긴 환자의 나이는?",
        "number",
        "result = df.loc[df['time'].idxmax(), 'age']",
        N0,
    ),
    q(
        "v-13",
        VE,
        "ko",
        "평균 karno 점수가 가장 낮은 celltype은?",
        "label",
        "result = df.groupby('celltype')['karno'].mean()",
        MIN,
    ),
    q(
        "v-14",
        VE,
        "ko",
        "squamous 환자의 생존시간 중앙값",
        "number",
        "result = df.loc[df['celltype'] == 'squamous', 'time'].median()",
        N5,
    ),
    q("v-15", VE, "ko", "trt별 평균 time", "table", "result = df.groupby('trt')['time'].mean()", N5),
    q("v-16", VE, "ko", "환자들의 평균 몸무게는?", "decline"),
    # --- schooldays: race, sex, school F0-F3, learner, absent (days) --------------------------------
    q("s-01", SD, "en", "What's the average number of days absent?", "number", "result = df['absent'].mean()", N5),
    q("s-02", SD, "en", "mean absent by race", "table", "result = df.groupby('race')['absent'].mean()", N5),
    q("s-03", SD, "en", "How many slow learners are there?", "number", "result = (df['learner'] == 'slow').sum()", N0),
    q(
        "s-04",
        SD,
        "en",
        "Which school has the highest average absence?",
        "label",
        "result = df.groupby('school')['absent'].mean()",
        MAX,
    ),
    q(
        "s-05",
        SD,
        "en",
        "average days absent for aboriginal girls",
        "number",
        "result = df.loc[(df['race'] == 'aboriginal') & (df['sex'] == 'female'), 'absent'].mean()",
        N5,
    ),
    q("s-06", SD, "en", "What is the most days any child was absent?", "number", "result = df['absent'].max()", N0),
    q(
        "s-07",
        SD,
        "en",
        "What percentage of children were absent more than 30 days?",
        "number",
        "result = (df['absent'] > 30).mean()",
        PCT,
    ),
    q("s-08", SD, "en", "Which school has the best students?", "decline"),
    q(
        "s-09",
        SD,
        "ko",
        "남학생과 여학생의 평균 결석일수 비교",
        "table",
        "result = df.groupby('sex')['absent'].mean()",
        N5,
    ),
    q("s-10", SD, "ko", "school별 학생 수", "table", "result = df['school'].value_counts()", N0),
    q(
        "s-12",
        SD,
        "ko",
        "non-aboriginal 학생의 평균 결석일수",
        "number",
        "result = df.loc[df['race'] == 'non-aboriginal', 'absent'].mean()",
        N5,
    ),
    q(
        "s-13",
        SD,
        "ko",
        "learner별 결석일수 표준편차",
        "table",
        "result = df.groupby('learner')['absent'].std()",
        N5,
    ),
    q("s-14", SD, "ko", "결석을 한 번도 안 한 학생은 몇 명이야?", "number", "result = (df['absent'] == 0).sum()", N0),
    q(
        "s-15",
        SD,
        "ko",
        "F3 학생 중 결석일수가 20일을 넘는 학생 수",
        "number",
        "result = ((df['school'] == 'F3') & (df['absent'] > 20)).sum()",
        N0,
    ),
    q("s-16", SD, "ko", "학생들의 시험 점수 평균은?", "decline"),
    # --- heating: 900 households, depvar = chosen system, costs per system, income, region ---------
    q("h-01", HE, "en", "How many households are in the data?", "number", "result = len(df)", N0),
    q(
        "h-02",
        HE,
        "en",
        "Which heating system (depvar) is chosen most often?",
        "label",
        "result = df['depvar'].value_counts()",
        MAX,
    ),
    q("h-03", HE, "en", "average income by region", "table", "result = df.groupby('region')['income'].mean()", N5),
    q(
        "h-05",
        HE,
        "en",
        "How many households chose a heat pump (depvar hp)?",
        "number",
        "result = (df['depvar'] == 'hp').sum()",
        N0,
    ),
    q(
        "h-06",
        HE,
        "en",
        "mean agehed by depvar",
        "table",
        "result = df.groupby('depvar')['agehed'].mean()",
        N5,
    ),
    q(
        "h-07",
        HE,
        "en",
        "Is income correlated with the number of rooms?",
        "number",
        "result = df['income'].corr(df['rooms'])",
        {"rel_tol": 0.01},
    ),
    q(
        "h-08",
        HE,
        "en",
        "share of households in each region",
        "table",
        "result = df['region'].value_counts(normalize=True)",
        PCT,
    ),
    q("h-09", HE, "en", "What's the best heating system?", "decline"),
    q("h-10", HE, "ko", "region별 가구 수", "table", "result = df['region'].value_counts()", N0),
    q("h-11", HE, "ko", "평균 방 개수(rooms)는?", "number", "result = df['rooms'].mean()", N5),
    q("h-13", HE, "ko", "depvar별 평균 income", "table", "result = df.groupby('depvar')['income'].mean()", N5),
    q(
        "h-14",
        HE,
        "ko",
        "rooms가 6개 이상이고 income이 5 이상인 가구 수",
        "number",
        "result = ((df['rooms'] >= 6) & (df['income'] >= 5)).sum()",
        N0,
    ),
    q(
        "h-15",
        HE,
        "ko",
        "ncostl 지역 가구의 평균 oc.gc",
        "number",
        "result = df.loc[df['region'] == 'ncostl', 'oc.gc'].mean()",
        N5,
    ),
    q(
        "h-16",
        HE,
        "ko",
        "gr을 선택한 가구의 비율",
        "number",
        "result = (df['depvar'] == 'gr').mean()",
        PCT,
    ),
]


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    write(HERE, rows)


if __name__ == "__main__":
    main()
