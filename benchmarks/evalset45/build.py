"""Builds `dev/questions.jsonl` of the forty-fifth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset45/build.py

Written by helper s20a (Nov 2026, issue 14, session 24) before running the analyst on it and
without reading the analyst's code: a FRESH GENERALIZATION PROBE, the everyday questions a
student or data scientist asks first of a table they have just been given, of every kind
(overview, counts, filters with one or two conditions, group means and totals, rankings,
extremes and the row holding them, over time, correlations, shares, spread, two groups
compared), in English and Korean (about half each), phrased as people phrase them (column
names or plain words), and seven that must be declined (not answerable from the table, a
forecast, or a judgement the table cannot make). Five real public tables from the Rdatasets
collection (see data/gen_data.py), none used by an earlier set: ecology (lme4::grouseticks, a
two-digit YEAR), manufacturing quality (rpart::solder, terse codes), a psychology experiment
(psych::affect, 21 abbreviated columns, coded films), the economics of publishing
(Ecdat::Journals, 180 titles, 52 publishers, 24 fields, a founding year), animal agriculture
(geepack::dietox, pigs weighed weekly).

Conventions: the standard deviation is the sample one (the population one also accepted);
correlations are Pearson's over the rows where both values are known; shares are fractions
(written as 0.25 or 25%); a journal is named by its title.

START and END numbers: README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import MAX, MIN, N0, N5, PCT, build, q, sd, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
GT, SO, AF, JO, DI = "grouseticks.csv", "solder.csv", "affect.csv", "journals.csv", "dietox.csv"
R1 = {"rel_tol": 0.01}


QUESTIONS = [
    # --- grouseticks: 403 red grouse chicks, ticks on the head, 1995-1997 ----------------------
    q("g-01", GT, "en", "How many chicks were sampled?", "number", "result = len(df)", N0),
    q("g-02", GT, "en", "What's the average number of ticks per chick?", "number", "result = df['TICKS'].mean()", N5),
    q("g-03", GT, "en", "mean TICKS by YEAR", "table", "result = df.groupby('YEAR')['TICKS'].mean()", N5),
    q("g-04", GT, "en", "How many chicks had no ticks at all?", "number", "result = (df['TICKS'] == 0).sum()", N0),
    q(
        "g-05",
        GT,
        "en",
        "What is the correlation between HEIGHT and TICKS?",
        "number",
        "result = df['HEIGHT'].corr(df['TICKS'])",
        R1,
    ),
    q(
        "g-06",
        GT,
        "en",
        "Which brood had the most ticks in total?",
        "label",
        "result = df.groupby('BROOD')['TICKS'].sum()",
        MAX,
    ),
    q(
        "g-07",
        GT,
        "en",
        "What's the largest number of ticks found on a single chick?",
        "number",
        "result = df['TICKS'].max()",
        N0,
    ),
    q("g-08", GT, "ko", "BROOD는 모두 몇 개야?", "number", "result = df['BROOD'].nunique()", N0),
    q("g-09", GT, "ko", "연도별 진드기(TICKS) 총합", "table", "result = df.groupby('YEAR')['TICKS'].sum()", N0),
    q(
        "g-10",
        GT,
        "ko",
        "HEIGHT가 500 이상인 병아리는 몇 마리야?",
        "number",
        "result = (df['HEIGHT'] >= 500).sum()",
        N0,
    ),
    q("g-11", GT, "ko", "TICKS의 중앙값은?", "number", "result = df['TICKS'].median()", N0),
    q(
        "g-12",
        GT,
        "ko",
        "평균 TICKS가 가장 높은 LOCATION은?",
        "label",
        "result = df.groupby('LOCATION')['TICKS'].mean()",
        MAX,
    ),
    q("g-13", GT, "ko", "96년에 조사된 병아리는 몇 마리야?", "number", "result = (df['YEAR'] == 96).sum()", N0),
    q("g-14", GT, "ko", "진드기 수(TICKS)의 표준편차", "number", *sd("TICKS")),
    q("g-15", GT, "en", "Which species of tick was found most often?", "decline"),
    # --- solder: 720 runs of a soldering experiment -----------------------------------------------
    q("s-01", SO, "en", "How many observations are there?", "number", "result = len(df)", N0),
    q("s-02", SO, "en", "average skips by Opening", "table", "result = df.groupby('Opening')['skips'].mean()", N5),
    q(
        "s-03",
        SO,
        "en",
        "Which PadType has the highest average number of skips?",
        "label",
        "result = df.groupby('PadType')['skips'].mean()",
        MAX,
    ),
    q(
        "s-04",
        SO,
        "en",
        "total skips for thick vs thin solder",
        "table",
        "result = df.groupby('Solder')['skips'].sum()",
        N0,
    ),
    q("s-05", SO, "en", "How many runs had zero skips?", "number", "result = (df['skips'] == 0).sum()", N0),
    q(
        "s-06",
        SO,
        "en",
        "What share of runs have more than 10 skips?",
        "number",
        "result = (df['skips'] > 10).mean()",
        PCT,
    ),
    q(
        "s-07",
        SO,
        "en",
        "average skips with Thin solder and mask B6",
        "number",
        "result = df.loc[(df['Solder'] == 'Thin') & (df['Mask'] == 'B6'), 'skips'].mean()",
        N5,
    ),
    q(
        "s-08",
        SO,
        "en",
        "Which mask has the fewest skips on average?",
        "label",
        "result = df.groupby('Mask')['skips'].mean()",
        MIN,
    ),
    q("s-09", SO, "ko", "Mask별 skips 평균", "table", "result = df.groupby('Mask')['skips'].mean()", N5),
    q(
        "s-10",
        SO,
        "ko",
        "skips가 가장 많았던 경우의 PadType은?",
        "label",
        "pads = df['PadType'].value_counts()\nresult = df.loc[df['skips'].idxmax(), 'PadType']",
        {"others_from": "pads"},
    ),
    q("s-11", SO, "ko", "Panel별 관측 수는?", "table", "result = df['Panel'].value_counts()", N0),
    q(
        "s-12",
        SO,
        "ko",
        "Opening이 S인 경우 skips의 평균은?",
        "number",
        "result = df.loc[df['Opening'] == 'S', 'skips'].mean()",
        N5,
    ),
    q("s-13", SO, "ko", "Solder별 skips 표준편차", "table", "result = df.groupby('Solder')['skips'].std()", N5),
    q("s-14", SO, "ko", "skips가 0인 비율은?", "number", "result = (df['skips'] == 0).mean()", PCT),
    q("s-15", SO, "ko", "다음 달 생산분의 skips는 몇 개쯤 나올까?", "decline"),
    # --- affect: 330 participants, four films, mood before and after ------------------------------
    q("a-01", AF, "en", "How many participants are in each study?", "table", "result = df['Study'].value_counts()", N0),
    q("a-02", AF, "en", "What's the average extraversion score (ext)?", "number", "result = df['ext'].mean()", N5),
    q("a-03", AF, "en", "mean PA2 by Film", "table", "result = df.groupby('Film')['PA2'].mean()", N5),
    q(
        "a-04",
        AF,
        "en",
        "correlation between neur and traitanx",
        "number",
        "result = df['neur'].corr(df['traitanx'])",
        R1,
    ),
    q("a-05", AF, "ko", "Film이 2인 영화를 본 참가자는 몇 명?", "number", "result = (df['Film'] == 2).sum()", N0),
    q(
        "a-06",
        AF,
        "en",
        "Which Film had the highest average NA2?",
        "label",
        "result = df.groupby('Film')['NA2'].mean()",
        MAX,
    ),
    q("a-07", AF, "en", "How many participants have a missing BDI?", "number", "result = df['BDI'].isna().sum()", N0),
    q(
        "a-08",
        AF,
        "en",
        "average BDI in the maps study",
        "number",
        "result = df.loc[df['Study'] == 'maps', 'BDI'].mean()",
        N5,
    ),
    q(
        "a-09",
        AF,
        "en",
        "What is the average change in positive affect from before to after the film (PA2 minus PA1)?",
        "number",
        "result = (df['PA2'] - df['PA1']).mean()",
        N5,
    ),
    q("a-10", AF, "ko", "Study별 평균 traitanx", "table", "result = df.groupby('Study')['traitanx'].mean()", N5),
    q(
        "a-11",
        AF,
        "ko",
        "flat 연구 참가자 중 ext가 15 이상인 사람 수",
        "number",
        "result = ((df['Study'] == 'flat') & (df['ext'] >= 15)).sum()",
        N0,
    ),
    q("a-12", AF, "ko", "EA1과 EA2의 상관계수", "number", "result = df['EA1'].corr(df['EA2'])", R1),
    q("a-13", AF, "ko", "Film별 TA2 평균", "table", "result = df.groupby('Film')['TA2'].mean()", N5),
    q("a-14", AF, "ko", "neur 점수의 표준편차는?", "number", *sd("neur")),
    q("a-15", AF, "ko", "참가자들의 평균 나이는?", "decline"),
    q("a-16", AF, "en", "Which film did participants enjoy the most?", "decline"),
    # --- journals: 180 economics journals in 2000 ------------------------------------------------
    q("j-01", JO, "en", "How many journals are in the dataset?", "number", "result = len(df)", N0),
    q(
        "j-02",
        JO,
        "en",
        "What's the most expensive journal?",
        "label",
        "result = df.set_index('title')['libprice']",
        MAX,
    ),
    q(
        "j-03",
        JO,
        "en",
        "average library price by field",
        "table",
        "result = df.groupby('field')['libprice'].mean()",
        N5,
    ),
    q(
        "j-04",
        JO,
        "en",
        "How many journals does Elsevier publish?",
        "number",
        "result = (df['pub'] == 'Elsevier').sum()",
        N0,
    ),
    q("j-05", JO, "en", "Which publisher has the most journals?", "label", "result = df['pub'].value_counts()", MAX),
    q(
        "j-06",
        JO,
        "en",
        "correlation between price and citations",
        "number",
        "result = df['libprice'].corr(df['citestot'])",
        R1,
    ),
    q("j-07", JO, "en", "What's the oldest journal?", "label", "result = df.set_index('title')['date1']", MIN),
    q("j-08", JO, "ko", "1950년 이전에 창간된 저널은 몇 개야?", "number", "result = (df['date1'] < 1950).sum()", N0),
    q(
        "j-09",
        JO,
        "en",
        "median libprice for society vs non-society journals",
        "table",
        "result = df.groupby('society')['libprice'].median()",
        N5,
    ),
    q(
        "j-10",
        JO,
        "en",
        "top 5 journals by total citations",
        "labels",
        "result = list(df.sort_values('citestot', ascending=False)['title'].head(5))",
        {"ordered": True},
    ),
    q(
        "j-11",
        JO,
        "ko",
        "field가 Finance인 저널들의 평균 가격은?",
        "number",
        "result = df.loc[df['field'] == 'Finance', 'libprice'].mean()",
        N5,
    ),
    q(
        "j-12",
        JO,
        "ko",
        "학회지(society가 yes)인 저널의 비율은?",
        "number",
        "result = (df['society'] == 'yes').mean()",
        PCT,
    ),
    q(
        "j-13",
        JO,
        "ko",
        "1990년 이후에 창간된 저널 중 가장 비싼 것은?",
        "label",
        "result = df[df['date1'] >= 1990].set_index('title')['libprice']",
        MAX,
    ),
    q("j-14", JO, "ko", "저널당 평균 페이지 수는?", "number", "result = df['pages'].mean()", N5),
    q(
        "j-15",
        JO,
        "ko",
        "구독 도서관 수(oclc)가 가장 많은 저널은?",
        "label",
        "result = df.set_index('title')['oclc']",
        MAX,
    ),
    q(
        "j-16",
        JO,
        "ko",
        "출판사(pub)별 저널 수 상위 3곳",
        "labels",
        "result = list(df['pub'].value_counts().head(3).index)",
        {"ordered": True},
    ),
    q("j-17", JO, "ko", "field별 총 인용 수(citestot)", "table", "result = df.groupby('field')['citestot'].sum()", N0),
    q("j-18", JO, "en", "Which journal has the best editors?", "decline"),
    q("j-19", JO, "ko", "내년에 Elsevier 저널 가격은 얼마나 오를까?", "decline"),
    # --- dietox: 72 pigs weighed weekly (Time 1-12) ---------------------------------------------
    q("d-01", DI, "en", "How many pigs are in the study?", "number", "result = df['Pig'].nunique()", N0),
    q(
        "d-02",
        DI,
        "en",
        "average Weight at Time 12",
        "number",
        "result = df.loc[df['Time'] == 12, 'Weight'].mean()",
        N5,
    ),
    q("d-03", DI, "en", "average Weight by Time", "table", "result = df.groupby('Time')['Weight'].mean()", N5),
    q(
        "d-04",
        DI,
        "en",
        "Which pig was the heaviest?",
        "label",
        "pigs = df.groupby('Pig')['Weight'].max()\nresult = df.loc[df['Weight'].idxmax(), 'Pig']",
        {"others_from": "pigs"},
    ),
    q("d-05", DI, "en", "correlation between Feed and Weight", "number", "result = df['Feed'].corr(df['Weight'])", R1),
    q("d-06", DI, "en", "mean weight by Cu", "table", "result = df.groupby('Cu')['Weight'].mean()", N5),
    q("d-07", DI, "en", "How many rows have missing Feed?", "number", "result = df['Feed'].isna().sum()", N0),
    q(
        "d-08",
        DI,
        "en",
        "average weight for pigs with Evit 1 and Cu 1",
        "number",
        "result = df.loc[(df['Evit'] == 1) & (df['Cu'] == 1), 'Weight'].mean()",
        N5,
    ),
    q("d-09", DI, "ko", "Time별 평균 Feed", "table", "result = df.groupby('Time')['Feed'].mean().dropna()", N5),
    q("d-10", DI, "ko", "Litter는 모두 몇 개야?", "number", "result = df['Litter'].nunique()", N0),
    q(
        "d-11",
        DI,
        "ko",
        "체중(Weight)이 100 이상인 기록은 몇 개?",
        "number",
        "result = (df['Weight'] >= 100).sum()",
        N0,
    ),
    q("d-12", DI, "ko", "Evit별 평균 체중", "table", "result = df.groupby('Evit')['Weight'].mean()", N5),
    q("d-13", DI, "ko", "Cu 수준별 Feed 합계", "table", "result = df.groupby('Cu')['Feed'].sum()", N5),
    q(
        "d-14",
        DI,
        "ko",
        "1주차(Time 1) 평균 체중은?",
        "number",
        "result = df.loc[df['Time'] == 1, 'Weight'].mean()",
        N5,
    ),
    q("d-15", DI, "ko", "돼지 품종별 평균 체중은?", "decline"),
]


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    write(HERE, rows)


if __name__ == "__main__":
    main()
