"""Builds `dev/questions.jsonl` of the thirty-ninth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset39/build.py

Written by helper s17a (Nov 2026, issue 14, session 21) before running the analyst on it and
without reading the analyst's vocabulary. Its kind: a FRESH GENERALIZATION PROBE, the closest
stand-in for real questions nobody here wrote: the first questions a student or data scientist
asks of five real Rdatasets tables from five domains (sport, economics, health, environment,
education; see data/gen_data.py), of every everyday kind (how many rows, counts, filters with one
or two conditions, group means and totals, rankings, extremes and the row holding them, over time,
correlations, shares, spread), phrased casually, about half in Korean, and eight that must be
declined (a cause, a forecast, a column the table lacks, a question without a measure).

Conventions a careful analyst would follow: a share is a fraction (0.25 or 25% both accepted);
correlation is Pearson's; standard deviation the sample one (the population one accepted too);
"how many people" in the Males panel counts distinct `nr`, not rows; Males' `wage` is the log
hourly wage as the table holds it, and a mean of it is the mean of that column.

START (main ae72ecf): 45 correct / 30 declined / 4 WRONG in pandas and in DuckDB. END (branch
s17a): 60 / 19 / 0 in pandas and in DuckDB. See README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
BU, MA, WA, AQ, ST = "bundesliga.csv", "males.csv", "water.csv", "airq.csv", "star.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
MAX = {"pick": "max"}
MIN = {"pick": "min"}


def q(qid, ds, lang, text, kind, code="", extra=None):
    return (qid, ds, lang, text, kind, code, extra or {})


def sd(s: str) -> tuple[str, dict]:
    """The sample standard deviation of the Series `s`, the population one also accepted."""
    return f"result = {s}.std()", {**N5, "also_rows": f"{s}.std(ddof=0)"}


QUESTIONS = [
    # --- Bundesliga (sport): HomeTeam AwayTeam HomeGoals AwayGoals Round Year Date --------------
    q("b-01", BU, "en", "how many games are in this dataset?", "number", "result = len(df)", N0),
    q("b-02", BU, "en", "avg home goals per game", "number", "result = df['HomeGoals'].mean()", N5),
    q(
        "b-03",
        BU,
        "en",
        "which team played the most home games?",
        "label",
        "result = df['HomeTeam'].value_counts()",
        MAX,
    ),
    q(
        "b-04",
        BU,
        "en",
        "how many matches did Bayern Muenchen play at home",
        "number",
        "result = (df['HomeTeam'] == 'Bayern Muenchen').sum()",
        N0,
    ),
    q(
        "b-05",
        BU,
        "en",
        "total home goals in 1995",
        "number",
        "result = df.loc[df['Year'] == 1995, 'HomeGoals'].sum()",
        N0,
    ),
    q(
        "b-06",
        BU,
        "en",
        "average away goals by year",
        "table",
        "result = df.groupby('Year')['AwayGoals'].mean()",
        N5,
    ),
    q(
        "b-07",
        BU,
        "en",
        "what's the most goals a home team ever scored in one game?",
        "number",
        "result = df['HomeGoals'].max()",
        N0,
    ),
    q(
        "b-08",
        BU,
        "en",
        "correlation between HomeGoals and AwayGoals",
        "number",
        "result = df['HomeGoals'].corr(df['AwayGoals'])",
        {"rel_tol": 0.01},
    ),
    q(
        "b-09",
        BU,
        "en",
        "how many games ended 0-0 (no goals for either team)?",
        "number",
        "result = ((df['HomeGoals'] == 0) & (df['AwayGoals'] == 0)).sum()",
        N0,
    ),
    q(
        "b-10",
        BU,
        "en",
        "in which month of the year are the most games played?",
        "label",
        "result = pd.to_datetime(df['Date']).dt.month.value_counts()",
        {"pick": "max", "month_names": True},
    ),
    q("b-11", BU, "ko", "연도별 경기 수 보여줘", "table", "result = df.groupby('Year').size()", N0),
    q("b-13", BU, "ko", "경기가 제일 많았던 해는?", "label", "result = df.groupby('Year').size()", MAX),
    q(
        "b-14",
        BU,
        "ko",
        "Borussia Dortmund가 홈경기에서 평균 몇 골 넣었어?",
        "number",
        "result = df.loc[df['HomeTeam'] == 'Borussia Dortmund', 'HomeGoals'].mean()",
        N5,
    ),
    q(
        "b-15",
        BU,
        "ko",
        "홈에서 넣은 골 합계가 가장 많은 팀 5개",
        "labels",
        "s = df.groupby('HomeTeam')['HomeGoals'].sum().sort_values(ascending=False); result = list(s.index[:5])",
        {"ordered": True, "others_from": "s"},
    ),
    q(
        "b-16",
        BU,
        "ko",
        "2000년부터 홈팀이 5골 이상 넣은 경기는 몇 개야?",
        "number",
        "result = ((df['Year'] >= 2000) & (df['HomeGoals'] >= 5)).sum()",
        N0,
    ),
    q("b-17", BU, "ko", "홈 골 수의 표준편차", "number", *sd("df['HomeGoals']")),
    q("b-18", BU, "ko", "다음 시즌에 바이에른 뮌헨이 우승할까?", "decline"),
    q("b-19", BU, "en", "which team has the best fans?", "decline"),
    # --- Males (economics): nr year school exper union ethn married health wage industry ... ----
    q("m-01", MA, "en", "how many unique people (nr) are in the panel?", "number", "result = df['nr'].nunique()", N0),
    q("m-02", MA, "en", "average wage by year", "table", "result = df.groupby('year')['wage'].mean()", N5),
    q(
        "m-03",
        MA,
        "en",
        "what share of the observations are union members?",
        "number",
        "result = (df['union'] == 'yes').mean()",
        PCT,
    ),
    q("m-04", MA, "en", "mean wage union vs non-union", "table", "result = df.groupby('union')['wage'].mean()", N5),
    q(
        "m-05",
        MA,
        "en",
        "which industry has the highest average wage?",
        "label",
        "result = df.groupby('industry')['wage'].mean()",
        MAX,
    ),
    q(
        "m-06",
        MA,
        "en",
        "average years of schooling for married men",
        "number",
        "result = df.loc[df['married'] == 'yes', 'school'].mean()",
        N5,
    ),
    q("m-07", MA, "en", "how many missing values in residence?", "number", "result = df['residence'].isna().sum()", N0),
    q(
        "m-08",
        MA,
        "en",
        "corr between school and wage",
        "number",
        "result = df['school'].corr(df['wage'])",
        {"rel_tol": 0.01},
    ),
    q("m-10", MA, "ko", "연도별 평균 exper 보여줘", "table", "result = df.groupby('year')['exper'].mean()", N5),
    q(
        "m-11",
        MA,
        "ko",
        "결혼한 사람과 안 한 사람의 평균 wage 차이는?",
        "number",
        "g = df.groupby('married')['wage'].mean(); result = g['yes'] - g['no']",
        {**N5, "either_sign": True},
    ),
    q("m-12", MA, "ko", "occupation별 인원수 알려줘", "table", "result = df['occupation'].value_counts()", N0),
    q(
        "m-13",
        MA,
        "ko",
        "1987년 노조원(union=yes)의 평균 임금은?",
        "number",
        "result = df.loc[(df['year'] == 1987) & (df['union'] == 'yes'), 'wage'].mean()",
        N5,
    ),
    q(
        "m-14",
        MA,
        "ko",
        "wage가 제일 높은 행의 industry는?",
        "label",
        "result = df.loc[df['wage'].idxmax(), 'industry']",
        {"others": "[i for i in df['industry'].dropna().unique() if i != result]"},
    ),
    q("m-15", MA, "ko", "거주지역별 평균 school", "table", "result = df.groupby('residence')['school'].mean()", N5),
    q("m-16", MA, "ko", "health 문제가 있는 비율은?", "number", "result = (df['health'] == 'yes').mean()", PCT),
    q("m-17", MA, "en", "does joining a union cause wages to rise?", "decline"),
    q("m-18", MA, "ko", "남녀 임금 격차는 얼마야?", "decline"),
    # --- water (health): location town mortality hardness ---------------------------------------
    q("w-01", WA, "en", "how many towns are there?", "number", "result = df['town'].nunique()", N0),
    q("w-02", WA, "en", "what's the average mortality", "number", "result = df['mortality'].mean()", N5),
    q(
        "w-03",
        WA,
        "en",
        "is hardness correlated with mortality? give the correlation",
        "number",
        "result = df['hardness'].corr(df['mortality'])",
        {"rel_tol": 0.01},
    ),
    q(
        "w-04",
        WA,
        "en",
        "mean mortality north vs south",
        "table",
        "result = df.groupby('location')['mortality'].mean()",
        N5,
    ),
    q(
        "w-05",
        WA,
        "en",
        "which town has the highest mortality?",
        "label",
        "result = df.set_index('town')['mortality']",
        MAX,
    ),
    q(
        "w-06",
        WA,
        "en",
        "the 3 towns with the lowest mortality",
        "labels",
        "s = df.set_index('town')['mortality'].sort_values(); result = list(s.index[:3])",
        {"ordered": True, "others_from": "s"},
    ),
    q(
        "w-07",
        WA,
        "en",
        "how many southern towns have hardness over 100?",
        "number",
        "result = ((df['location'] == 'South') & (df['hardness'] > 100)).sum()",
        N0,
    ),
    q("w-08", WA, "ko", "사망률이 가장 높은 도시 알려줘", "label", "result = df.set_index('town')['mortality']", MAX),
    q(
        "w-09",
        WA,
        "ko",
        "North 지역 도시들의 평균 hardness는?",
        "number",
        "result = df.loc[df['location'] == 'North', 'hardness'].mean()",
        N5,
    ),
    q("w-10", WA, "ko", "location별 도시 수", "table", "result = df['location'].value_counts()", N0),
    q("w-11", WA, "ko", "mortality 1500 넘는 도시 몇 개야?", "number", "result = (df['mortality'] > 1500).sum()", N0),
    q(
        "w-13",
        WA,
        "ko",
        "Bath의 사망률은?",
        "number",
        "result = df.loc[df['town'] == 'Bath', 'mortality'].iloc[0]",
        N0,
    ),
    q("w-14", WA, "ko", "물의 경도를 높이면 사망률이 줄어들까?", "decline"),
    # --- Airq (environment): airq vala rain coas dens medi --------------------------------------
    q("a-01", AQ, "en", "how many areas are coastal?", "number", "result = (df['coas'] == 'yes').sum()", N0),
    q(
        "a-02",
        AQ,
        "en",
        "average airq for coastal vs non coastal areas",
        "table",
        "result = df.groupby('coas')['airq'].mean()",
        N5,
    ),
    q(
        "a-03",
        AQ,
        "en",
        "correlation between rain and airq",
        "number",
        "result = df['rain'].corr(df['airq'])",
        {"rel_tol": 0.01},
    ),
    q("a-04", AQ, "en", "what is the max population density (dens)?", "number", "result = df['dens'].max()", N5),
    q(
        "a-05",
        AQ,
        "en",
        "what's the airq of the area with the highest medi?",
        "number",
        "result = df.loc[df['medi'].idxmax(), 'airq']",
        N0,
    ),
    q("a-06", AQ, "en", "how many areas have airq below 100", "number", "result = (df['airq'] < 100).sum()", N0),
    q("a-08", AQ, "ko", "airq 평균 알려줘", "number", "result = df['airq'].mean()", N5),
    q(
        "a-09",
        AQ,
        "ko",
        "rain이 가장 많은 지역의 airq는?",
        "number",
        "result = df.loc[df['rain'].idxmax(), 'airq']",
        N0,
    ),
    q(
        "a-10",
        AQ,
        "ko",
        "해안 지역(coas=yes)의 평균 medi는?",
        "number",
        "result = df.loc[df['coas'] == 'yes', 'medi'].mean()",
        N5,
    ),
    q(
        "a-11",
        AQ,
        "ko",
        "airq가 120 이상이고 해안이 아닌 지역은 몇 곳?",
        "number",
        "result = ((df['airq'] >= 120) & (df['coas'] == 'no')).sum()",
        N0,
    ),
    q(
        "a-12",
        AQ,
        "ko",
        "dens와 airq 상관계수",
        "number",
        "result = df['dens'].corr(df['airq'])",
        {"rel_tol": 0.01},
    ),
    q("a-13", AQ, "ko", "rain 표준편차 보여줘", "number", *sd("df['rain']")),
    q("a-15", AQ, "en", "which city in California has the worst air?", "decline"),
    q("a-16", AQ, "ko", "가장 좋은 지역은?", "decline"),
    # --- Star (education): tmathssk treadssk classk totexpk sex freelunk race schidkn ----------
    q("s-01", ST, "en", "how many students are there", "number", "result = len(df)", N0),
    q(
        "s-02",
        ST,
        "en",
        "average math score by class type",
        "table",
        "result = df.groupby('classk')['tmathssk'].mean()",
        N5,
    ),
    q(
        "s-04",
        ST,
        "en",
        "what percent of students get free lunch?",
        "number",
        "result = (df['freelunk'] == 'yes').mean()",
        PCT,
    ),
    q(
        "s-05",
        ST,
        "en",
        "average math score of girls",
        "number",
        "result = df.loc[df['sex'] == 'girl', 'tmathssk'].mean()",
        N5,
    ),
    q(
        "s-06",
        ST,
        "en",
        "correlation of math and reading scores",
        "number",
        "result = df['tmathssk'].corr(df['treadssk'])",
        {"rel_tol": 0.01},
    ),
    q(
        "s-07",
        ST,
        "en",
        "which race has the lowest average reading score?",
        "label",
        "result = df.groupby('race')['treadssk'].mean()",
        MIN,
    ),
    q(
        "s-08",
        ST,
        "en",
        "how many boys are in small classes?",
        "number",
        "result = ((df['sex'] == 'boy') & (df['classk'] == 'small.class')).sum()",
        N0,
    ),
    q("s-09", ST, "ko", "classk별 학생 수 알려줘", "table", "result = df['classk'].value_counts()", N0),
    q("s-10", ST, "ko", "교사 경력(totexpk) 평균은?", "number", "result = df['totexpk'].mean()", N5),
    q(
        "s-11",
        ST,
        "ko",
        "무료급식(freelunk) 여부별 평균 수학 점수",
        "table",
        "result = df.groupby('freelunk')['tmathssk'].mean()",
        N5,
    ),
    q("s-12", ST, "ko", "성별 평균 읽기 점수 보여줘", "table", "result = df.groupby('sex')['treadssk'].mean()", N5),
    q(
        "s-13",
        ST,
        "ko",
        "학생 수가 가장 많은 학교(schidkn)는?",
        "label",
        "result = df['schidkn'].value_counts()",
        MAX,
    ),
    q(
        "s-14",
        ST,
        "ko",
        "수학 점수 500점 이상인 학생 비율",
        "number",
        "result = (df['tmathssk'] >= 500).mean()",
        PCT,
    ),
    q(
        "s-15",
        ST,
        "ko",
        "totexpk가 20년 이상인 학생들의 평균 treadssk",
        "number",
        "result = df.loc[df['totexpk'] >= 20, 'treadssk'].mean()",
        N5,
    ),
    q("s-16", ST, "ko", "race별 수학 점수 중앙값", "table", "result = df.groupby('race')['tmathssk'].median()", N5),
    q("s-17", ST, "ko", "수학 최고 점수는?", "number", "result = df['tmathssk'].max()", N0),
    q("s-18", ST, "ko", "학생들 평균 IQ는?", "decline"),
]


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    write(HERE, rows)


if __name__ == "__main__":
    main()
