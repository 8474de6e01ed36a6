"""Builds `dev/questions.jsonl` of the forty-sixth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset46/build.py

Written by helper s20b (Nov 2026, issue 14, session 24) before running the analyst on it and
without reading the analyst's code: a probe of COMPOSED CONDITIONS AND COMPARISONS, the way
people ask them: two or three conditions joined by and / or / but not ("women over 40 who have
children", "neither ... nor", "excluding", "other than", "among", "of those"), ranges
("between 5 and 20", "at least", "14~17년", "이상/이하/미만/초과", "1명부터 3명까지"),
membership lists ("1, 2 or 3"), conditions on a group's statistic ("regions whose average is
above 6"), the share of rows meeting a condition, within a group ("what percent of women"),
two groups compared (difference, ratio, which is higher), Korean conditions glued to nouns
(남성 중, ~을 제외한, ~가 아닌), and eight that must be declined (a column the table lacks, a
value that is not there, an ambiguous reference): the analyst must never drop a condition.
Four real public tables from the Rdatasets collection (see data/gen_data.py), none used by an
earlier set.

Conventions: "between a and b", "a~b", "a부터 b까지" include both ends; shares are fractions
(written as 0.25 or 25%); a difference of two groups' means is accepted with either sign when the
question does not say which is subtracted ("the difference between"), and as asked otherwise
("how much more"); a ratio is the first group's over the second's.

START and END numbers: README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import EITHER, MAX, N0, N5, PCT, build, q, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
FA, PS, OF, UN = "fair.csv", "psid.csv", "ofp.csv", "unemployment.csv"
UNORDERED = {"ordered": False}


def count(mask: str) -> str:
    return f"result = ({mask}).sum()"


def mean(col: str, mask: str) -> str:
    return f"result = df.loc[{mask}, '{col}'].mean()"


def share(cond: str, within: str) -> str:
    """The fraction of the rows `within` that meet `cond`."""
    return f"result = ({cond})[{within}].mean()"


def diff(col: str, a: str, b: str) -> str:
    """mean of `col` over rows a minus over rows b."""
    return f"result = df.loc[{a}, '{col}'].mean() - df.loc[{b}, '{col}'].mean()"


def groups_above(by: str, col: str, threshold: float) -> str:
    m = f"df.groupby('{by}')['{col}'].mean()"
    return f"result = [str(k) for k in {m}[{m} > {threshold}].index]"


QUESTIONS = [
    # --- fair.csv: 601 married people (Ecdat::Fair) ------------------------------------------
    q(
        "f-01",
        FA,
        "en",
        "How many women over 40 have children?",
        "number",
        count("(df['sex'] == 'female') & (df['age'] > 40) & (df['child'] == 'yes')"),
        N0,
    ),
    q(
        "f-02",
        FA,
        "en",
        "Average number of affairs among men who rate their marriage 4 or higher",
        "number",
        mean("nbaffairs", "(df['sex'] == 'male') & (df['rate'] >= 4)"),
        N5,
    ),
    q(
        "f-03",
        FA,
        "en",
        "What share of people married more than 10 years had at least one affair?",
        "number",
        share("df['nbaffairs'] >= 1", "df['ym'] > 10"),
        PCT,
    ),
    q(
        "f-04",
        FA,
        "en",
        "How many people without children have a religious score other than 1 or 2?",
        "number",
        count("(df['child'] == 'no') & ~df['religious'].isin([1, 2])"),
        N0,
    ),
    q(
        "f-05",
        FA,
        "en",
        "What percent of women rate their marriage a 5?",
        "number",
        share("df['rate'] == 5", "df['sex'] == 'female'"),
        PCT,
    ),
    q(
        "f-06",
        FA,
        "en",
        "Who has more affairs on average, men or women?",
        "label",
        "result = df.groupby('sex')['nbaffairs'].mean()",
        MAX,
    ),
    q(
        "f-07",
        FA,
        "en",
        "How many more affairs on average do people with children have than people without?",
        "number",
        diff("nbaffairs", "df['child'] == 'yes'", "df['child'] == 'no'"),
        N5,
    ),
    q(
        "f-08",
        FA,
        "en",
        "average education of people aged between 22 and 37 who have no children",
        "number",
        mean("education", "df['age'].between(22, 37) & (df['child'] == 'no')"),
        N5,
    ),
    q(
        "f-09",
        FA,
        "en",
        "Which occupation groups have an average marriage rating (rate) above 4?",
        "labels",
        groups_above("occupation", "rate", 4),
        UNORDERED,
    ),
    q(
        "f-10",
        FA,
        "en",
        "Excluding people who had no affairs, what's the average number of affairs?",
        "number",
        mean("nbaffairs", "df['nbaffairs'] > 0"),
        N5,
    ),
    q(
        "f-11",
        FA,
        "ko",
        "40세 이상 여성 중 아이가 없는 사람은 몇 명?",
        "number",
        count("(df['age'] >= 40) & (df['sex'] == 'female') & (df['child'] == 'no')"),
        N0,
    ),
    q(
        "f-12",
        FA,
        "ko",
        "결혼 기간(ym)이 5년 미만이고 결혼 만족도(rate)가 3 이하인 사람 수",
        "number",
        count("(df['ym'] < 5) & (df['rate'] <= 3)"),
        N0,
    ),
    q(
        "f-13",
        FA,
        "ko",
        "religious가 4 이상인 사람 중 nbaffairs가 0보다 큰 사람의 비율",
        "number",
        share("df['nbaffairs'] > 0", "df['religious'] >= 4"),
        PCT,
    ),
    q(
        "f-14",
        FA,
        "ko",
        "남성과 여성의 평균 교육연수(education) 차이는?",
        "number",
        diff("education", "df['sex'] == 'male'", "df['sex'] == 'female'"),
        EITHER,
    ),
    q(
        "f-15",
        FA,
        "ko",
        "자녀가 있는 사람을 제외한 남성의 평균 나이",
        "number",
        mean("age", "(df['sex'] == 'male') & (df['child'] != 'yes')"),
        N5,
    ),
    q(
        "f-16",
        FA,
        "ko",
        "교육연수가 14~17년인 사람들의 평균 rate",
        "number",
        mean("rate", "df['education'].between(14, 17)"),
        N5,
    ),
    q(
        "f-17",
        FA,
        "ko",
        "occupation이 1, 2, 3 중 하나인 여성은 몇 명이야?",
        "number",
        count("df['occupation'].isin([1, 2, 3]) & (df['sex'] == 'female')"),
        N0,
    ),
    q("f-18", FA, "ko", "연 소득이 5만 달러 이상인 사람들의 평균 외도 횟수는?", "decline"),
    q("f-19", FA, "en", "How many divorced women are in the data?", "decline"),
    # --- psid.csv: 4,856 people, PSID 1993 (Ecdat::PSID) ------------------------------------
    q(
        "p-01",
        PS,
        "en",
        "How many divorced or separated people earn more than 50,000?",
        "number",
        count("df['married'].isin(['divorced', 'separated']) & (df['earnings'] > 50000)"),
        N0,
    ),
    q(
        "p-02",
        PS,
        "en",
        "Average earnings of married people aged 40 or older",
        "number",
        mean("earnings", "(df['married'] == 'married') & (df['age'] >= 40)"),
        N5,
    ),
    q(
        "p-03",
        PS,
        "en",
        "What percent of never married people worked zero hours?",
        "number",
        share("df['hours'] == 0", "df['married'] == 'never married'"),
        PCT,
    ),
    q(
        "p-04",
        PS,
        "en",
        "average hours of people aged 30 to 35 whose marital status is anything other than married",
        "number",
        mean("hours", "df['age'].between(30, 35) & (df['married'] != 'married')"),
        N5,
    ),
    q(
        "p-05",
        PS,
        "en",
        "Which marital status groups have average earnings above 14,000?",
        "labels",
        groups_above("married", "earnings", 14000),
        UNORDERED,
    ),
    q(
        "p-06",
        PS,
        "en",
        "How much more do married people earn on average than never married people?",
        "number",
        diff("earnings", "df['married'] == 'married'", "df['married'] == 'never married'"),
        N5,
    ),
    q(
        "p-07",
        PS,
        "en",
        "Median earnings of people with 16 or 17 years of education (educatn)",
        "number",
        "result = df.loc[df['educatn'].isin([16, 17]), 'earnings'].median()",
        N5,
    ),
    q(
        "p-08",
        PS,
        "en",
        "Among people with zero earnings, what share are married?",
        "number",
        share("df['married'] == 'married'", "df['earnings'] == 0"),
        PCT,
    ),
    q(
        "p-09",
        PS,
        "en",
        "ratio of the average earnings of people aged 45-50 to that of people aged 30-34",
        "number",
        "result = df.loc[df['age'].between(45, 50), 'earnings'].mean()"
        " / df.loc[df['age'].between(30, 34), 'earnings'].mean()",
        N5,
    ),
    q(
        "p-10",
        PS,
        "en",
        "How many people with no kids are neither married nor divorced?",
        "number",
        count("(df['kids'] == 0) & ~df['married'].isin(['married', 'divorced'])"),
        N0,
    ),
    q(
        "p-11",
        PS,
        "ko",
        "divorced인 사람 중 hours가 2000 이상인 사람의 비율",
        "number",
        share("df['hours'] >= 2000", "df['married'] == 'divorced'"),
        PCT,
    ),
    q(
        "p-12",
        PS,
        "ko",
        "나이가 35세 초과 45세 미만이고 married인 사람들의 평균 earnings",
        "number",
        mean("earnings", "(df['age'] > 35) & (df['age'] < 45) & (df['married'] == 'married')"),
        N5,
    ),
    q(
        "p-13",
        PS,
        "ko",
        "자녀(kids)가 1명부터 3명까지인 사람들의 평균 earnings",
        "number",
        mean("earnings", "df['kids'].between(1, 3)"),
        N5,
    ),
    q(
        "p-14",
        PS,
        "ko",
        "never married가 아닌 사람들 중 earnings가 0인 사람 수",
        "number",
        count("(df['married'] != 'never married') & (df['earnings'] == 0)"),
        N0,
    ),
    q(
        "p-15",
        PS,
        "ko",
        "widowed이거나 separated인 사람의 평균 나이",
        "number",
        mean("age", "df['married'].isin(['widowed', 'separated'])"),
        N5,
    ),
    q(
        "p-16",
        PS,
        "ko",
        "married와 divorced 중 평균 근로시간(hours)이 더 긴 쪽은?",
        "label",
        "result = df[df['married'].isin(['married', 'divorced'])].groupby('married')['hours'].mean()",
        MAX,
    ),
    q("p-17", PS, "ko", "earnings가 10만 이상인 사람들 중 여성의 비율은?", "decline"),
    q(
        "p-18",
        PS,
        "ko",
        "나이가 50세인 사람 중 married가 아닌 사람은 몇 명?",
        "number",
        count("(df['age'] == 50) & (df['married'] != 'married')"),
        N0,
    ),
    # --- ofp.csv: 4,406 elderly people's medical care (Ecdat::OFP) ---------------------------
    q(
        "o-01",
        OF,
        "en",
        "How many black women are on Medicaid?",
        "number",
        count("(df['black'] == 'yes') & (df['sex'] == 'female') & (df['medicaid'] == 'yes')"),
        N0,
    ),
    q(
        "o-02",
        OF,
        "en",
        "average ofp for people in poor health (hlth) who have no private insurance (privins)",
        "number",
        mean("ofp", "(df['hlth'] == 'poor') & (df['privins'] == 'no')"),
        N5,
    ),
    q(
        "o-03",
        OF,
        "en",
        "What percent of people in the west region are employed?",
        "number",
        share("df['employed'] == 'yes'", "df['region'] == 'west'"),
        PCT,
    ),
    q(
        "o-04",
        OF,
        "en",
        "Average number of physician office visits (ofp) for people with 3 to 5 chronic conditions",
        "number",
        mean("ofp", "df['numchron'].between(3, 5)"),
        N5,
    ),
    q(
        "o-05",
        OF,
        "en",
        "Which regions have an average ofp above 6?",
        "labels",
        groups_above("region", "ofp", 6),
        UNORDERED,
    ),
    q(
        "o-06",
        OF,
        "en",
        "How many more office visits (ofp) do people in poor health make on average than people in excellent health?",
        "number",
        diff("ofp", "df['hlth'] == 'poor'", "df['hlth'] == 'excellent'"),
        N5,
    ),
    q(
        "o-07",
        OF,
        "en",
        "Of those with at least one hospital stay (hosp), what share also had an emergency room visit (emr)?",
        "number",
        share("df['emr'] >= 1", "df['hosp'] >= 1"),
        PCT,
    ),
    q(
        "o-08",
        OF,
        "en",
        "average faminc of people who have neither medicaid nor private insurance",
        "number",
        mean("faminc", "(df['medicaid'] == 'no') & (df['privins'] == 'no')"),
        N5,
    ),
    q(
        "o-09",
        OF,
        "en",
        "Excluding the midwest, what's the average number of chronic conditions (numchron)?",
        "number",
        mean("numchron", "df['region'] != 'midwest'"),
        N5,
    ),
    q(
        "o-10",
        OF,
        "en",
        "Count the people with 12 or more years of school in the noreast or west regions",
        "number",
        count("(df['school'] >= 12) & df['region'].isin(['noreast', 'west'])"),
        N0,
    ),
    q(
        "o-11",
        OF,
        "ko",
        "남성 중 maried가 yes인 사람의 비율",
        "number",
        share("df['maried'] == 'yes'", "df['sex'] == 'male'"),
        PCT,
    ),
    q(
        "o-12",
        OF,
        "ko",
        "medicaid가 없는 흑인(black)의 평균 입원 횟수(hosp)",
        "number",
        mean("hosp", "(df['medicaid'] == 'no') & (df['black'] == 'yes')"),
        N5,
    ),
    q(
        "o-13",
        OF,
        "ko",
        "numchron이 2개 이상이면서 hlth가 excellent인 사람 수",
        "number",
        count("(df['numchron'] >= 2) & (df['hlth'] == 'excellent')"),
        N0,
    ),
    q(
        "o-14",
        OF,
        "ko",
        "school이 10년 이하인 사람과 12년 이상인 사람의 평균 ofp 차이",
        "number",
        diff("ofp", "df['school'] <= 10", "df['school'] >= 12"),
        EITHER,
    ),
    q(
        "o-15",
        OF,
        "ko",
        "지역(region)별 employed가 yes인 사람의 비율",
        "table",
        "result = (df['employed'] == 'yes').groupby(df['region']).mean()",
        PCT,
    ),
    q(
        "o-16",
        OF,
        "ko",
        "privins가 yes인 사람 중 emr이 0인 사람의 비율",
        "number",
        share("df['emr'] == 0", "df['privins'] == 'yes'"),
        PCT,
    ),
    q(
        "o-17",
        OF,
        "ko",
        "여성이면서 흑인이 아닌 사람들의 평균 faminc",
        "number",
        mean("faminc", "(df['sex'] == 'female') & (df['black'] == 'no')"),
        N5,
    ),
    q("o-18", OF, "ko", "south 지역 사람들의 평균 ofp는?", "decline"),
    q("o-19", OF, "ko", "흡연자 중 입원 경험이 있는 사람은 몇 명?", "decline"),
    q("o-20", OF, "en", "Compare the average ofp of the two groups.", "decline"),
    # --- unemployment.csv: 452 spells of unemployment (Ecdat::Unemployment) -------------------
    q(
        "u-01",
        UN,
        "en",
        "How many white women lost their job (reason lose)?",
        "number",
        count("(df['race'] == 'white') & (df['sex'] == 'female') & (df['reason'] == 'lose')"),
        N0,
    ),
    q(
        "u-02",
        UN,
        "en",
        "Average duration for nonwhite men who used a public employment agency (pubemp)",
        "number",
        mean("duration", "(df['race'] == 'nonwhite') & (df['sex'] == 'male') & (df['pubemp'] == 'yes')"),
        N5,
    ),
    q(
        "u-03",
        UN,
        "en",
        "What percent of job losers (reason lose) were unemployed for more than 10 weeks?",
        "number",
        share("df['duration'] > 10", "df['reason'] == 'lose'"),
        PCT,
    ),
    q(
        "u-04",
        UN,
        "en",
        "How many people were unemployed between 5 and 20 weeks and had search = yes?",
        "number",
        count("df['duration'].between(5, 20) & (df['search'] == 'yes')"),
        N0,
    ),
    q(
        "u-05",
        UN,
        "en",
        "Which reasons have an average duration longer than 17 weeks?",
        "labels",
        groups_above("reason", "duration", 17),
        UNORDERED,
    ),
    q(
        "u-06",
        UN,
        "en",
        "Are men or women unemployed longer on average?",
        "label",
        "result = df.groupby('sex')['duration'].mean()",
        MAX,
    ),
    q(
        "u-07",
        UN,
        "en",
        "ratio of the mean duration of people who used a public employment agency (pubemp yes) to those who did not",
        "number",
        "result = df.loc[df['pubemp'] == 'yes', 'duration'].mean() / df.loc[df['pubemp'] == 'no', 'duration'].mean()",
        N5,
    ),
    q(
        "u-08",
        UN,
        "en",
        "average duration for reasons other than new and reentr",
        "number",
        mean("duration", "~df['reason'].isin(['new', 'reentr'])"),
        N5,
    ),
    q(
        "u-09",
        UN,
        "en",
        "Of the women, what share are reentrants (reason reentr)?",
        "number",
        share("df['reason'] == 'reentr'", "df['sex'] == 'female'"),
        PCT,
    ),
    q(
        "u-10",
        UN,
        "en",
        "How many people neither had search = yes nor used a public employment agency (pubemp)?",
        "number",
        count("(df['search'] != 'yes') & (df['pubemp'] != 'yes')"),
        N0,
    ),
    q(
        "u-11",
        UN,
        "ko",
        "실업 기간(duration)이 4주 이상 12주 이하인 여성은 몇 명?",
        "number",
        count("(df['duration'] >= 4) & (df['duration'] <= 12) & (df['sex'] == 'female')"),
        N0,
    ),
    q(
        "u-12",
        UN,
        "ko",
        "nonwhite 중 duration이 26주를 초과한 사람의 비율",
        "number",
        share("df['duration'] > 26", "df['race'] == 'nonwhite'"),
        PCT,
    ),
    q(
        "u-13",
        UN,
        "ko",
        "reason이 leave인 사람을 제외한 평균 실업 기간(duration)",
        "number",
        mean("duration", "df['reason'] != 'leave'"),
        N5,
    ),
    q(
        "u-14",
        UN,
        "ko",
        "백인(white)과 비백인(nonwhite)의 평균 duration 차이는?",
        "number",
        diff("duration", "df['race'] == 'white'", "df['race'] == 'nonwhite'"),
        EITHER,
    ),
    q(
        "u-15",
        UN,
        "ko",
        "성별 pubemp가 yes인 사람의 비율",
        "table",
        "result = (df['pubemp'] == 'yes').groupby(df['sex']).mean()",
        PCT,
    ),
    q(
        "u-16",
        UN,
        "ko",
        "reason이 lose 또는 leave인 남성 중 search가 yes인 사람 수",
        "number",
        count("df['reason'].isin(['lose', 'leave']) & (df['sex'] == 'male') & (df['search'] == 'yes')"),
        N0,
    ),
    q(
        "u-17",
        UN,
        "ko",
        "평균 duration이 15주 미만인 reason은?",
        "labels",
        "m = df.groupby('reason')['duration'].mean()\nresult = [str(k) for k in m[m < 15].index]",
        UNORDERED,
    ),
    q("u-18", UN, "ko", "대졸 이상 실업자의 평균 실업 기간은?", "decline"),
    q("u-19", UN, "en", "How long were retirees (reason retire) unemployed on average?", "decline"),
    q(
        "u-20",
        UN,
        "ko",
        "실업 기간이 2주 미만인 사람은 몇 명이야?",
        "number",
        count("df['duration'] < 2"),
        N0,
    ),
]


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    write(HERE, rows)


if __name__ == "__main__":
    main()
