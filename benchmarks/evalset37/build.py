"""Builds `dev/questions.jsonl` of the thirty-seventh evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset37/build.py

Written by helper s16a (Nov 2026, issue 14, session 20) before running the analyst on it and
without reading the analyst's vocabulary. Its kind: SHARES, PROPORTIONS AND COMPARISONS BETWEEN
GROUPS as students and analysts ask them ("what percentage of X are Y", "what share of the total
comes from W", "is the mean higher for A or B", "how much higher, in units and in percent",
"how many times larger", "the difference between two groups' medians", 비율, 몇 퍼센트, 차이,
몇 배). Four real public tables from the Rdatasets collection (see data/gen_data.py), two of them
frequency tables (a count column to weigh by), about half of the questions in Korean, a few that
must be declined (causation, prediction). Shares are fractions (0.25 or 25% both pass); "how much
higher in percent" is relative to the group compared against ((a - b) / b); "the difference
between A and B" accepts either sign.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
U, K, W, INS = "ucb_admissions.csv", "chickwts.csv", "wages1.csv", "insurance.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
EITHER = {"rel_tol": 0.005, "either_sign": True}
MAX = {"pick": "max"}
MIN = {"pick": "min"}

# frequency-table helpers (in the snippets): applicants of a selection, admission rate of one
UA = "a = df[df['Admit'] == 'Admitted']; "
MEAN_K = "m = df.groupby('feed')['weight'].mean(); "
MEAN_W = "m = df.groupby('sex')['wage'].mean(); "
CL_D = "c = df.groupby('District')['Claims'].sum(); "
HO_D = "h = df.groupby('District')['Holders'].sum(); "


def q(qid, ds, lang, text, kind, code="", extra=None):
    return (qid, ds, lang, text, kind, code, extra or {})


QUESTIONS = [
    # --- UCBAdmissions: Admit x Gender x Dept, Freq ---------------------------------------------
    q(
        "u-01",
        U,
        "en",
        "what percentage of all applicants were admitted?",
        "number",
        UA + "result = a['Freq'].sum() / df['Freq'].sum()",
        PCT,
    ),
    q(
        "u-02",
        U,
        "en",
        "what share of the applicants were women?",
        "number",
        "result = df.loc[df['Gender'] == 'Female', 'Freq'].sum() / df['Freq'].sum()",
        PCT,
    ),
    q(
        "u-03",
        U,
        "en",
        "what percentage of female applicants were admitted?",
        "number",
        UA + "result = a.loc[a['Gender'] == 'Female', 'Freq'].sum() / df.loc[df['Gender'] == 'Female', 'Freq'].sum()",
        PCT,
    ),
    q(
        "u-04",
        U,
        "en",
        "admission rate for male applicants",
        "number",
        UA + "result = a.loc[a['Gender'] == 'Male', 'Freq'].sum() / df.loc[df['Gender'] == 'Male', 'Freq'].sum()",
        PCT,
    ),
    q(
        "u-05",
        U,
        "en",
        "admission rate by gender",
        "table",
        UA + "result = a.groupby('Gender')['Freq'].sum() / df.groupby('Gender')['Freq'].sum()",
        PCT,
    ),
    q(
        "u-06",
        U,
        "en",
        "what proportion of applicants applied to department A?",
        "number",
        "result = df.loc[df['Dept'] == 'A', 'Freq'].sum() / df['Freq'].sum()",
        PCT,
    ),
    q(
        "u-07",
        U,
        "en",
        "acceptance rate for each department",
        "table",
        UA + "result = a.groupby('Dept')['Freq'].sum() / df.groupby('Dept')['Freq'].sum()",
        PCT,
    ),
    q(
        "u-08",
        U,
        "en",
        "which department has the lowest admission rate?",
        "label",
        UA + "result = a.groupby('Dept')['Freq'].sum() / df.groupby('Dept')['Freq'].sum()",
        MIN,
    ),
    q(
        "u-09",
        U,
        "en",
        "how many more men than women applied?",
        "number",
        "s = df.groupby('Gender')['Freq'].sum(); result = s['Male'] - s['Female']",
        N0,
    ),
    q(
        "u-10",
        U,
        "en",
        "how many times more men than women applied to department A?",
        "number",
        "s = df[df['Dept'] == 'A'].groupby('Gender')['Freq'].sum(); result = s['Male'] / s['Female']",
        N5,
    ),
    q("u-11", U, "en", "does being a woman cause a lower chance of admission?", "decline"),
    q(
        "u-12",
        U,
        "ko",
        "전체 지원자 중 합격한 사람은 몇 퍼센트야?",
        "number",
        UA + "result = a['Freq'].sum() / df['Freq'].sum()",
        PCT,
    ),
    q(
        "u-13",
        U,
        "ko",
        "여성 지원자의 합격률",
        "number",
        UA + "result = a.loc[a['Gender'] == 'Female', 'Freq'].sum() / df.loc[df['Gender'] == 'Female', 'Freq'].sum()",
        PCT,
    ),
    q(
        "u-14",
        U,
        "ko",
        "성별 합격률",
        "table",
        UA + "result = a.groupby('Gender')['Freq'].sum() / df.groupby('Gender')['Freq'].sum()",
        PCT,
    ),
    q(
        "u-15",
        U,
        "ko",
        "전체 지원자 중 각 학과가 차지하는 비율",
        "table",
        "result = df.groupby('Dept')['Freq'].sum() / df['Freq'].sum()",
        PCT,
    ),
    q(
        "u-16",
        U,
        "ko",
        "남성 지원자는 여성 지원자보다 몇 명 더 많아?",
        "number",
        "s = df.groupby('Gender')['Freq'].sum(); result = s['Male'] - s['Female']",
        N0,
    ),
    q(
        "u-17",
        U,
        "ko",
        "A 학과에 지원한 남성은 여성의 몇 배야?",
        "number",
        "s = df[df['Dept'] == 'A'].groupby('Gender')['Freq'].sum(); result = s['Male'] / s['Female']",
        N5,
    ),
    q(
        "u-18",
        U,
        "ko",
        "합격률이 가장 높은 학과는?",
        "label",
        UA + "result = a.groupby('Dept')['Freq'].sum() / df.groupby('Dept')['Freq'].sum()",
        MAX,
    ),
    q("u-19", U, "ko", "성별이 합격에 영향을 주는지 인과관계를 밝혀줘", "decline"),
    # --- chickwts: weight by feed --------------------------------------------------------------
    q(
        "k-01",
        K,
        "en",
        "is the mean weight higher for casein or horsebean chicks?",
        "label",
        "result = df[df['feed'].isin(['casein', 'horsebean'])].groupby('feed')['weight'].mean()",
        MAX,
    ),
    q(
        "k-02",
        K,
        "en",
        "how much heavier on average are chicks fed sunflower than those fed soybean?",
        "number",
        MEAN_K + "result = m['sunflower'] - m['soybean']",
        N5,
    ),
    q(
        "k-03",
        K,
        "en",
        "by what percent does the mean weight of the casein group exceed that of the linseed group?",
        "number",
        MEAN_K + "result = (m['casein'] - m['linseed']) / m['linseed']",
        PCT,
    ),
    q(
        "k-04",
        K,
        "en",
        "difference between the median weights of the meatmeal and horsebean groups",
        "number",
        "d = df.groupby('feed')['weight'].median(); result = d['meatmeal'] - d['horsebean']",
        EITHER,
    ),
    q(
        "k-05",
        K,
        "en",
        "what share of the chicks were fed soybean?",
        "number",
        "result = (df['feed'] == 'soybean').mean()",
        PCT,
    ),
    q(
        "k-06",
        K,
        "en",
        "proportion of chicks in each feed group",
        "table",
        "result = df['feed'].value_counts(normalize=True)",
        PCT,
    ),
    q(
        "k-07",
        K,
        "en",
        "how many times heavier is the average sunflower chick than the average horsebean chick?",
        "number",
        MEAN_K + "result = m['sunflower'] / m['horsebean']",
        N5,
    ),
    q(
        "k-08",
        K,
        "en",
        "what percentage of chicks weigh more than 300 grams?",
        "number",
        "result = (df['weight'] > 300).mean()",
        PCT,
    ),
    q(
        "k-09",
        K,
        "en",
        "which feed gives the lowest median weight?",
        "label",
        "result = df.groupby('feed')['weight'].median()",
        MIN,
    ),
    q("k-10", K, "en", "will switching every chick to casein make them heavier?", "decline"),
    q(
        "k-11",
        K,
        "ko",
        "casein 사료와 horsebean 사료 중 평균 무게가 더 높은 쪽은?",
        "label",
        "result = df[df['feed'].isin(['casein', 'horsebean'])].groupby('feed')['weight'].mean()",
        MAX,
    ),
    q(
        "k-12",
        K,
        "ko",
        "sunflower 그룹 평균 무게는 soybean 그룹보다 얼마나 더 무거워?",
        "number",
        MEAN_K + "result = m['sunflower'] - m['soybean']",
        N5,
    ),
    q(
        "k-13",
        K,
        "ko",
        "casein 그룹의 평균 무게는 linseed 그룹보다 몇 퍼센트 높아?",
        "number",
        MEAN_K + "result = (m['casein'] - m['linseed']) / m['linseed']",
        PCT,
    ),
    q(
        "k-14",
        K,
        "ko",
        "meatmeal과 horsebean 그룹의 무게 중앙값 차이",
        "number",
        "d = df.groupby('feed')['weight'].median(); result = d['meatmeal'] - d['horsebean']",
        EITHER,
    ),
    q("k-15", K, "ko", "soybean 사료를 먹은 병아리의 비율", "number", "result = (df['feed'] == 'soybean').mean()", PCT),
    q("k-16", K, "ko", "사료별 병아리 비율", "table", "result = df['feed'].value_counts(normalize=True)", PCT),
    q(
        "k-17",
        K,
        "ko",
        "무게가 300을 넘는 병아리는 몇 퍼센트야?",
        "number",
        "result = (df['weight'] > 300).mean()",
        PCT,
    ),
    q(
        "k-18",
        K,
        "ko",
        "sunflower 평균 무게는 horsebean 평균의 몇 배야?",
        "number",
        MEAN_K + "result = m['sunflower'] / m['horsebean']",
        N5,
    ),
    q("k-19", K, "ko", "사료별 평균 무게 비교", "table", "result = df.groupby('feed')['weight'].mean()", N5),
    # --- Wages1: exper, sex, school, wage -------------------------------------------------------
    q(
        "w-01",
        W,
        "en",
        "what percentage of the workers are female?",
        "number",
        "result = (df['sex'] == 'female').mean()",
        PCT,
    ),
    q(
        "w-02",
        W,
        "en",
        "is the average wage higher for men or women?",
        "label",
        "result = df.groupby('sex')['wage'].mean()",
        MAX,
    ),
    q(
        "w-03",
        W,
        "en",
        "how much higher is the mean wage of men than of women, in dollars?",
        "number",
        MEAN_W + "result = m['male'] - m['female']",
        N5,
    ),
    q(
        "w-04",
        W,
        "en",
        "how much higher in percent is the mean wage of men than that of women?",
        "number",
        MEAN_W + "result = (m['male'] - m['female']) / m['female']",
        PCT,
    ),
    q(
        "w-05",
        W,
        "en",
        "difference between the median wages of men and women",
        "number",
        "d = df.groupby('sex')['wage'].median(); result = d['male'] - d['female']",
        EITHER,
    ),
    q(
        "w-06",
        W,
        "en",
        "what share of workers have 12 or more years of schooling?",
        "number",
        "result = (df['school'] >= 12).mean()",
        PCT,
    ),
    q("w-07", W, "en", "mean wage by sex", "table", "result = df.groupby('sex')['wage'].mean()", N5),
    q(
        "w-08",
        W,
        "en",
        "proportion of women among workers with more than 12 years of schooling",
        "number",
        "result = (df.loc[df['school'] > 12, 'sex'] == 'female').mean()",
        PCT,
    ),
    q(
        "w-09",
        W,
        "en",
        "what percent of workers earn more than 10 dollars an hour?",
        "number",
        "result = (df['wage'] > 10).mean()",
        PCT,
    ),
    q(
        "w-10",
        W,
        "en",
        "how many times higher is the average wage with 16 years of schooling than with 10 years?",
        "number",
        "m = df.groupby('school')['wage'].mean(); result = m[16] / m[10]",
        N5,
    ),
    q("w-11", W, "en", "would more schooling raise a woman's wage?", "decline"),
    q("w-12", W, "ko", "여성 근로자 비율은 몇 퍼센트야?", "number", "result = (df['sex'] == 'female').mean()", PCT),
    q(
        "w-13",
        W,
        "ko",
        "남성과 여성 중 평균 임금이 더 높은 쪽은?",
        "label",
        "result = df.groupby('sex')['wage'].mean()",
        MAX,
    ),
    q(
        "w-14",
        W,
        "ko",
        "남성 평균 임금은 여성보다 얼마나 높아?",
        "number",
        MEAN_W + "result = m['male'] - m['female']",
        N5,
    ),
    q(
        "w-15",
        W,
        "ko",
        "남성의 평균 임금은 여성보다 몇 퍼센트 더 높아?",
        "number",
        MEAN_W + "result = (m['male'] - m['female']) / m['female']",
        PCT,
    ),
    q(
        "w-16",
        W,
        "ko",
        "남성과 여성의 임금 중앙값 차이는?",
        "number",
        "d = df.groupby('sex')['wage'].median(); result = d['male'] - d['female']",
        EITHER,
    ),
    q("w-17", W, "ko", "시간당 임금이 10달러를 넘는 사람의 비율", "number", "result = (df['wage'] > 10).mean()", PCT),
    q("w-18", W, "ko", "교육 연수가 12년 이상인 근로자 비율", "number", "result = (df['school'] >= 12).mean()", PCT),
    q("w-19", W, "ko", "성별 평균 임금", "table", "result = df.groupby('sex')['wage'].mean()", N5),
    q(
        "w-20",
        W,
        "ko",
        "경력 10년 이상인 사람 중 여성 비율은?",
        "number",
        "result = (df.loc[df['exper'] >= 10, 'sex'] == 'female').mean()",
        PCT,
    ),
    # --- Insurance: District x Group x Age, Holders, Claims ----------------------------------------
    q(
        "i-01",
        INS,
        "en",
        "what share of all claims came from district 4?",
        "number",
        CL_D + "result = c[4] / c.sum()",
        PCT,
    ),
    q(
        "i-02",
        INS,
        "en",
        "what percentage of policyholders are under 25?",
        "number",
        "result = df.loc[df['Age'] == '<25', 'Holders'].sum() / df['Holders'].sum()",
        PCT,
    ),
    q(
        "i-03",
        INS,
        "en",
        "what is the overall number of claims per policyholder?",
        "number",
        "result = df['Claims'].sum() / df['Holders'].sum()",
        N5,
    ),
    q("i-04", INS, "en", "share of claims by district", "table", CL_D + "result = c / c.sum()", PCT),
    q(
        "i-05",
        INS,
        "en",
        "how many more claims were there in district 1 than in district 4?",
        "number",
        CL_D + "result = c[1] - c[4]",
        N0,
    ),
    q(
        "i-06",
        INS,
        "en",
        "how many times more policyholders does district 1 have than district 4?",
        "number",
        HO_D + "result = h[1] / h[4]",
        N5,
    ),
    q(
        "i-07",
        INS,
        "en",
        "which age group has the highest claim rate (claims per policyholder)?",
        "label",
        "g = df.groupby('Age')[['Claims', 'Holders']].sum(); result = g['Claims'] / g['Holders']",
        MAX,
    ),
    q(
        "i-08",
        INS,
        "en",
        "is the claim rate per holder higher for cars over 2 litres or under 1 litre?",
        "label",
        "g = df[df['Group'].isin(['>2l', '<1l'])].groupby('Group')[['Claims', 'Holders']].sum();"
        " result = g['Claims'] / g['Holders']",
        MAX,
    ),
    q("i-09", INS, "en", "total claims by car group", "table", "result = df.groupby('Group')['Claims'].sum()", N0),
    q("i-10", INS, "en", "will drivers under 25 make more claims next year?", "decline"),
    q("i-11", INS, "ko", "전체 청구 건수 중 4번 지역이 차지하는 비율", "number", CL_D + "result = c[4] / c.sum()", PCT),
    q(
        "i-12",
        INS,
        "ko",
        "25세 미만 보험 가입자 비율은 몇 퍼센트?",
        "number",
        "result = df.loc[df['Age'] == '<25', 'Holders'].sum() / df['Holders'].sum()",
        PCT,
    ),
    q("i-13", INS, "ko", "지역별 청구 건수 비중", "table", CL_D + "result = c / c.sum()", PCT),
    q("i-14", INS, "ko", "1지역 청구 건수는 4지역보다 몇 건 더 많아?", "number", CL_D + "result = c[1] - c[4]", N0),
    q("i-15", INS, "ko", "1지역 가입자 수는 4지역의 몇 배야?", "number", HO_D + "result = h[1] / h[4]", N5),
    q(
        "i-16",
        INS,
        "ko",
        "연령대별 가입자당 청구 건수",
        "table",
        "g = df.groupby('Age')[['Claims', 'Holders']].sum(); result = g['Claims'] / g['Holders']",
        N5,
    ),
    q(
        "i-17",
        INS,
        "ko",
        "배기량 2리터 초과 차량의 청구 건수는 전체 청구의 몇 퍼센트야?",
        "number",
        "result = df.loc[df['Group'] == '>2l', 'Claims'].sum() / df['Claims'].sum()",
        PCT,
    ),
    q("i-18", INS, "ko", "연령대별 총 청구 건수", "table", "result = df.groupby('Age')['Claims'].sum()", N0),
    q("i-19", INS, "ko", "나이가 많을수록 사고를 덜 내는 이유를 설명해줘", "decline"),
]


def main() -> None:
    write(HERE, build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None))


if __name__ == "__main__":
    main()
