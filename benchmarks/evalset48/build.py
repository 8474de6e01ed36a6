"""Builds `dev/questions.jsonl` of the forty-eighth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset48/build.py

Written by helper s22a (Nov 2026, issue 14, session 25) before running the analyst on it and
without reading the analyst's code: a FRESH GENERALIZATION PROBE, the everyday questions a
student or data scientist asks first of a table they have just been given, of every kind
(overview, counts, filters with one or two conditions, group means and totals, rankings,
extremes and the row holding them, over time, correlations, shares, spread, two groups
compared), in English and Korean (about half each), phrased as people phrase them (column
names or plain words), and seven that must be declined (a column the table lacks, a forecast,
a year the table does not reach, a judgement the table cannot make). Five real public tables
from the Rdatasets collection (see data/gen_data.py), none used by an earlier set: sport
(HSAUR::heptathlon, athletes named only in the unnamed first column), energy (Ecdat::Gasoline,
a year column, 18 countries, terse log names), elections (pscl::AustralianElections, 19
columns, a date), retail (Ecdat::Cracker, brand choice, dotted column names), a biology lab
experiment (MASS::Rabbit, blood pressure under ascending doses).

Conventions: the standard deviation is the sample one (the population one also accepted);
correlations are Pearson's; shares are fractions (written as 0.25 or 25%); an athlete is named
as the table names her ("Joyner-Kersee (USA)"); an election is named by its year.

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
HE, GA, AE, CR, RA = "heptathlon.csv", "gasoline.csv", "australian_elections.csv", "cracker.csv", "rabbit.csv"
R1 = {"rel_tol": 0.01}
#: The athletes, by name (the unnamed first column).
ATH = "s = df.set_index(df.columns[0])"
#: The elections, by year.
YEAR = "df['y'] = pd.to_datetime(df['date']).dt.year"


QUESTIONS = [
    # --- heptathlon: 25 athletes, Seoul 1988 ------------------------------------------------------
    q("h-01", HE, "en", "How many athletes competed?", "number", "result = len(df)", N0),
    q("h-02", HE, "en", "Who won the heptathlon?", "label", f"{ATH}\nresult = s['score']", MAX),
    q("h-03", HE, "en", "What was the average score?", "number", "result = df['score'].mean()", N5),
    q("h-04", HE, "en", "Who ran the fastest 800m?", "label", f"{ATH}\nresult = s['run800m']", MIN),
    q(
        "h-05",
        HE,
        "en",
        "correlation between hurdles and score",
        "number",
        "result = df['hurdles'].corr(df['score'])",
        R1,
    ),
    q(
        "h-06",
        HE,
        "en",
        "How many athletes scored more than 6000 points?",
        "number",
        "result = (df['score'] > 6000).sum()",
        N0,
    ),
    q(
        "h-07",
        HE,
        "en",
        "top 3 athletes by javelin",
        "labels",
        f"{ATH}\njav = s['javelin'].sort_values(ascending=False)\nresult = list(jav.index[:3])",
        {"ordered": True, "others_from": "jav"},
    ),
    q("h-08", HE, "ko", "멀리뛰기(longjump) 최고 기록은?", "number", "result = df['longjump'].max()", N0),
    q("h-09", HE, "ko", "점수(score)가 가장 낮은 선수는 누구야?", "label", f"{ATH}\nresult = s['score']", MIN),
    q("h-10", HE, "ko", "높이뛰기(highjump) 평균은?", "number", "result = df['highjump'].mean()", N5),
    q(
        "h-11",
        HE,
        "ko",
        "포환던지기(shot) 기록이 15m 이상인 선수는 몇 명?",
        "number",
        "result = (df['shot'] >= 15).sum()",
        N0,
    ),
    q("h-12", HE, "ko", "score의 표준편차는?", "number", *sd("score")),
    q(
        "h-13",
        HE,
        "ko",
        "run200m과 run800m의 상관계수",
        "number",
        "result = df['run200m'].corr(df['run800m'])",
        R1,
    ),
    q(
        "h-14",
        HE,
        "ko",
        "멀리뛰기 기록이 가장 좋은 선수의 점수는?",
        "number",
        "result = df.loc[df['longjump'].idxmax(), 'score']",
        N0,
    ),
    q("h-15", HE, "en", "How old was the winner?", "decline"),
    q("h-16", HE, "ko", "다음 올림픽에서는 누가 우승할까?", "decline"),
    # --- Gasoline: 18 OECD countries, 1960-1978 -----------------------------------------------------
    q("g-01", GA, "en", "How many countries are in the data?", "number", "result = df['country'].nunique()", N0),
    q("g-02", GA, "en", "What is the first year in the data?", "number", "result = df['year'].min()", N0),
    q(
        "g-03",
        GA,
        "en",
        "average lgaspcar by country",
        "table",
        "result = df.groupby('country')['lgaspcar'].mean()",
        N5,
    ),
    q(
        "g-04",
        GA,
        "en",
        "Which country has the highest average gasoline consumption per car (lgaspcar)?",
        "label",
        "result = df.groupby('country')['lgaspcar'].mean()",
        MAX,
    ),
    q("g-05", GA, "en", "mean lrpmg per year", "table", "result = df.groupby('year')['lrpmg'].mean()", N5),
    q(
        "g-06",
        GA,
        "en",
        "What is the correlation between lrpmg and lgaspcar?",
        "number",
        "result = df['lrpmg'].corr(df['lgaspcar'])",
        R1,
    ),
    q(
        "g-07",
        GA,
        "en",
        "Which country had the lowest lcarpcap in 1978?",
        "label",
        "result = df[df['year'] == 1978].set_index('country')['lcarpcap']",
        MIN,
    ),
    q(
        "g-08",
        GA,
        "en",
        "lgaspcar for JAPAN in 1970",
        "number",
        "result = df.loc[(df['country'] == 'JAPAN') & (df['year'] == 1970), 'lgaspcar'].iloc[0]",
        N5,
    ),
    q("g-09", GA, "ko", "국가별 관측치 수", "table", "result = df['country'].value_counts()", N0),
    q(
        "g-10",
        GA,
        "ko",
        "1978년 lincomep 평균은?",
        "number",
        "result = df.loc[df['year'] == 1978, 'lincomep'].mean()",
        N5,
    ),
    q(
        "g-11",
        GA,
        "ko",
        "lcarpcap이 가장 높았던 나라는?",
        "label",
        "countries = df['country'].value_counts()\nresult = df.loc[df['lcarpcap'].idxmax(), 'country']",
        {"others_from": "countries"},
    ),
    q("g-12", GA, "ko", "연도별 lgaspcar 평균 추이", "table", "result = df.groupby('year')['lgaspcar'].mean()", N5),
    q(
        "g-13",
        GA,
        "ko",
        "SWEDEN의 lrpmg 최댓값",
        "number",
        "result = df.loc[df['country'] == 'SWEDEN', 'lrpmg'].max()",
        N5,
    ),
    q(
        "g-14",
        GA,
        "ko",
        "평균 lincomep 기준 상위 5개 국가",
        "labels",
        "inc = df.groupby('country')['lincomep'].mean().sort_values(ascending=False)\nresult = list(inc.index[:5])",
        {"ordered": True, "others_from": "inc"},
    ),
    q("g-15", GA, "ko", "lrpmg가 0보다 큰 행은 몇 개야?", "number", "result = (df['lrpmg'] > 0).sum()", N0),
    q("g-16", GA, "ko", "2000년 JAPAN의 lgaspcar는?", "decline"),
    # --- AustralianElections: 24 elections, 1949-2007 ---------------------------------------------
    q("a-01", AE, "en", "How many elections are in the table?", "number", "result = len(df)", N0),
    q("a-02", AE, "en", "What was the average turnout?", "number", "result = df['Turnout'].mean()", N5),
    q(
        "a-03",
        AE,
        "en",
        "In which year did the ALP win the most seats?",
        "label",
        f"{YEAR}\nresult = df.groupby('y')['ALPSeats'].sum()",
        MAX,
    ),
    q(
        "a-04",
        AE,
        "en",
        "In how many elections did the ALP win more than half of the seats?",
        "number",
        "result = (df['ALPSeats'] > df['Seats'] / 2).sum()",
        N0,
    ),
    q("a-05", AE, "en", "correlation between ALP and ALP2PP", "number", "result = df['ALP'].corr(df['ALP2PP'])", R1),
    q(
        "a-06",
        AE,
        "en",
        "What was the highest informal vote percentage?",
        "number",
        "result = df['Informal'].max()",
        N0,
    ),
    q("a-07", AE, "en", "average Green vote", "number", "result = df['Green'].mean()", N5),
    q(
        "a-08",
        AE,
        "ko",
        "전체 선거에서 LP가 얻은 의석 수 합계는?",
        "number",
        "result = df['LPSeats'].sum()",
        N0,
    ),
    q(
        "a-09",
        AE,
        "ko",
        "투표율(Turnout)이 가장 낮았던 선거는 몇 년이야?",
        "label",
        f"{YEAR}\nresult = df.groupby('y')['Turnout'].min()",
        MIN,
    ),
    q("a-10", AE, "ko", "ALP 득표율의 중앙값은?", "number", "result = df['ALP'].median()", N5),
    q(
        "a-11",
        AE,
        "ko",
        "1990년대 선거에서 ALP 평균 득표율은?",
        "number",
        f"{YEAR}\nresult = df.loc[df['y'].between(1990, 1999), 'ALP'].mean()",
        N5,
    ),
    q(
        "a-12",
        AE,
        "ko",
        "연도별 의석 수(Seats) 추이",
        "table",
        f"{YEAR}\nresult = df.set_index('y')['Seats']",
        N0,
    ),
    q(
        "a-13",
        AE,
        "ko",
        "LP 의석이 ALP 의석보다 많았던 선거는 몇 번?",
        "number",
        "result = (df['LPSeats'] > df['ALPSeats']).sum()",
        N0,
    ),
    q("a-14", AE, "ko", "NP 득표율의 표준편차", "number", *sd("NP")),
    q("a-15", AE, "en", "Which party won the most votes in Queensland?", "decline"),
    q("a-16", AE, "ko", "DLP 득표율이 5% 이상인 선거는 몇 번?", "number", "result = (df['DLP'] >= 5).sum()", N0),
    # --- Cracker: 3,292 purchases by 136 households ------------------------------------------------
    q("c-01", CR, "en", "How many purchases are recorded?", "number", "result = len(df)", N0),
    q("c-02", CR, "en", "How many households are in the panel?", "number", "result = df['id'].nunique()", N0),
    q("c-03", CR, "en", "Which brand was chosen most often?", "label", "result = df['choice'].value_counts()", MAX),
    q(
        "c-04",
        CR,
        "en",
        "What share of purchases went to the private label?",
        "number",
        "result = (df['choice'] == 'private').mean()",
        PCT,
    ),
    q("c-05", CR, "en", "average price of nabisco", "number", "result = df['price.nabisco'].mean()", N5),
    q(
        "c-06",
        CR,
        "en",
        "How many purchases had sunshine on display?",
        "number",
        "result = (df['disp.sunshine'] == 1).sum()",
        N0,
    ),
    q("c-07", CR, "en", "number of purchases by brand chosen", "table", "result = df['choice'].value_counts()", N0),
    q(
        "c-08",
        CR,
        "en",
        "average price of kleebler when kleebler was chosen",
        "number",
        "result = df.loc[df['choice'] == 'kleebler', 'price.kleebler'].mean()",
        N5,
    ),
    q(
        "c-09",
        CR,
        "ko",
        "브랜드(choice)별 구매 비율",
        "table",
        "result = df['choice'].value_counts(normalize=True)",
        PCT,
    ),
    q("c-10", CR, "ko", "price.private의 평균은?", "number", "result = df['price.private'].mean()", N5),
    q(
        "c-11",
        CR,
        "ko",
        "nabisco 가격이 100 이상인 구매는 몇 건?",
        "number",
        "result = (df['price.nabisco'] >= 100).sum()",
        N0,
    ),
    q("c-12", CR, "ko", "구매 횟수가 가장 많은 가구(id)는?", "label", "result = df['id'].value_counts()", MAX),
    q(
        "c-13",
        CR,
        "ko",
        "신문 광고(feat.nabisco)가 있을 때 nabisco를 선택한 비율은?",
        "number",
        "result = (df.loc[df['feat.nabisco'] == 1, 'choice'] == 'nabisco').mean()",
        PCT,
    ),
    q(
        "c-14",
        CR,
        "ko",
        "price.sunshine과 price.kleebler의 상관계수",
        "number",
        "result = df['price.sunshine'].corr(df['price.kleebler'])",
        R1,
    ),
    q("c-15", CR, "ko", "고객 나이대별로 선호하는 브랜드는?", "decline"),
    q("c-16", CR, "ko", "sunshine 가격의 최댓값은?", "number", "result = df['price.sunshine'].max()", N5),
    # --- Rabbit: 5 rabbits, 6 doses, control and MDL ----------------------------------------------
    q("r-01", RA, "en", "How many measurements are there?", "number", "result = len(df)", N0),
    q(
        "r-02",
        RA,
        "en",
        "average BPchange by Treatment",
        "table",
        "result = df.groupby('Treatment')['BPchange'].mean()",
        N5,
    ),
    q(
        "r-03",
        RA,
        "en",
        "Which animal had the largest average blood pressure change?",
        "label",
        "result = df.groupby('Animal')['BPchange'].mean()",
        MAX,
    ),
    q(
        "r-04",
        RA,
        "en",
        "What's the mean BPchange at the highest dose?",
        "number",
        "result = df.loc[df['Dose'] == df['Dose'].max(), 'BPchange'].mean()",
        N5,
    ),
    q(
        "r-05",
        RA,
        "en",
        "mean BPchange by Dose",
        "table",
        "result = df.groupby('Dose')['BPchange'].mean()\nresult.index = [f'{d:g}' for d in result.index]",
        N5,
    ),
    q(
        "r-06",
        RA,
        "en",
        "correlation between Dose and BPchange",
        "number",
        "result = df['Dose'].corr(df['BPchange'])",
        R1,
    ),
    q("r-07", RA, "ko", "실험에 쓰인 토끼는 몇 마리야?", "number", "result = df['Animal'].nunique()", N0),
    q(
        "r-08",
        RA,
        "ko",
        "MDL 처리군의 BPchange 평균",
        "number",
        "result = df.loc[df['Treatment'] == 'MDL', 'BPchange'].mean()",
        N5,
    ),
    q(
        "r-09",
        RA,
        "ko",
        "혈압 변화(BPchange)가 가장 컸던 측정의 Animal은?",
        "label",
        "animals = df['Animal'].value_counts()\nresult = df.loc[df['BPchange'].idxmax(), 'Animal']",
        {"others_from": "animals"},
    ),
    q("r-10", RA, "ko", "BPchange가 20 이상인 측정은 몇 건?", "number", "result = (df['BPchange'] >= 20).sum()", N0),
    q(
        "r-11",
        RA,
        "ko",
        "Control 그룹에서 Dose가 50 이상일 때 BPchange 평균",
        "number",
        "result = df.loc[(df['Treatment'] == 'Control') & (df['Dose'] >= 50), 'BPchange'].mean()",
        N5,
    ),
    q("r-12", RA, "ko", "Run별 BPchange 최댓값", "table", "result = df.groupby('Run')['BPchange'].max()", N0),
    q("r-13", RA, "ko", "BPchange의 최솟값은?", "number", "result = df['BPchange'].min()", N0),
    q("r-14", RA, "ko", "이 약이 사람에게도 효과가 있을까?", "decline"),
    q("r-15", RA, "en", "What did the rabbits weigh?", "decline"),
]


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    write(HERE, rows)


if __name__ == "__main__":
    main()
