"""Builds `dev/questions.jsonl` of the forty-first evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset41/build.py

Written by helper s18b (Nov 2026, issue 14, session 22) before running the analyst on it and
without reading the analyst's vocabulary. Its kind: HOW PEOPLE PHRASE questions, not what they
ask. The underlying questions are plain ones (a count, a mean per group, a top-N, a filter with
one or two conditions, a max and its row, a share, a trend as a per-year table), but wrapped as
people write them: politeness and hedges ("Could you please tell me...", "I was wondering
what...", "quick q:", "hey, what's the..."), imperatives and notebook speak ("Compute the mean X
grouped by Y", "Give me a breakdown of X by Y", "Show X per Y, sorted"), context ("I'm writing a
report on ..., so I need the ..."), trailing "please" / "thanks" / "?!", typos and missing spaces,
lower-case names of values ("pac", "vic", "quebec", "school d"), numbers written as words ("top
three", "over fifty", "a perfect ten"), and Korean the same way (존댓말 / 반말, "혹시 ... 알 수
있을까요?", "~좀 알려줘", "~해줄래?", "~인지 궁금해요", spacing errors like "연도별평균",
loanwords in Hangul: 컴포지션, 컬러, 온타리오). Seven must be declined: the wrapper hides a
question the table cannot answer (a prediction, a why, a counterfactual). Five real public tables
from the Rdatasets collection (see data/gen_data.py), about half of the questions in Korean.

Conventions: the rows are the respondents / states / patients / painters / women the question
names (car::States has DC among its 51 rows, so no question counts states by a condition DC
meets); a share is a fraction (written as 0.25 or 25%); "top N" lists N names (in order where no
tie makes the order arbitrary); a trend is the per-year table. Where a top value is tied the
question asks for the other end or another column instead.

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
V, S, A, P, W = "vocab.csv", "states.csv", "aids2.csv", "painters.csv", "womenlf.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
MAX = {"pick": "max"}
MIN = {"pick": "min"}
#: the row names R wrote as a first unnamed column (states' postal codes, painters' names)
NAMED = "df = df.set_index(df.columns[0]); "
YEAR = "pd.to_datetime(df['diag']).dt.year"


def q(qid, ds, lang, text, kind, code="", extra=None):
    return (qid, ds, lang, text, kind, code, extra or {})


QUESTIONS = [
    # --- car::Vocab: year, sex (Female/Male), education (years), vocabulary (0-10) ------------------
    q(
        "v-01",
        V,
        "en",
        "Could you please tell me the average vocabulary score for men and for women?",
        "table",
        "result = df.groupby('sex')['vocabulary'].mean()",
        N5,
    ),
    q("v-02", V, "en", "quick q: how many respondents are in the survey?", "number", "result = len(df)", N0),
    q(
        "v-03",
        V,
        "en",
        "I'm writing a report on the General Social Survey, so I need the mean vocabulary score for each "
        "survey year. Thanks!",
        "table",
        "result = df.groupby('year')['vocabulary'].mean()",
        N5,
    ),
    q(
        "v-04",
        V,
        "en",
        "hey, what's the average education of the female respondents?",
        "number",
        "result = df.loc[df['sex'] == 'Female', 'education'].mean()",
        N5,
    ),
    q(
        "v-05",
        V,
        "en",
        "Compute the mean vocabulary grouped by education",
        "table",
        "result = df.groupby('education')['vocabulary'].mean()",
        N5,
    ),
    q(
        "v-06",
        V,
        "en",
        "how many people scored a perfect ten on vocabulary?",
        "number",
        "result = (df['vocabulary'] == 10).sum()",
        N0,
    ),
    q(
        "v-07",
        V,
        "en",
        "Show the number of respondents per year, sorted by year",
        "table",
        "result = df.groupby('year').size()",
        N0,
    ),
    q(
        "v-08",
        V,
        "en",
        "I was wondering what share of respondents have more than twelve years of education?",
        "number",
        "result = (df['education'] > 12).mean()",
        PCT,
    ),
    q(
        "v-09",
        V,
        "en",
        "Out of curiosity, which year had the highest average vocabulary score?!",
        "label",
        "result = df.groupby('year')['vocabulary'].mean()",
        MAX,
    ),
    q("v-10", V, "en", "I need to predict the average vocabulary score for the 2008 survey, can you help?", "decline"),
    q(
        "v-11",
        V,
        "ko",
        "혹시 성별 평균 어휘 점수를 알 수 있을까요?",
        "table",
        "result = df.groupby('sex')['vocabulary'].mean()",
        N5,
    ),
    q(
        "v-12",
        V,
        "ko",
        "연도별평균 vocabulary 좀 알려줘",
        "table",
        "result = df.groupby('year')['vocabulary'].mean()",
        N5,
    ),
    q("v-13", V, "ko", "응답자가 총 몇 명인지 궁금해요", "number", "result = len(df)", N0),
    q(
        "v-14",
        V,
        "ko",
        "education이 16년 이상인 사람은 몇 명이야?",
        "number",
        "result = (df['education'] >= 16).sum()",
        N0,
    ),
    q(
        "v-15",
        V,
        "ko",
        "2004년 조사에서 여성 응답자들의 vocabulary 평균은 얼마인가요?",
        "number",
        "result = df.loc[(df['year'] == 2004) & (df['sex'] == 'Female'), 'vocabulary'].mean()",
        N5,
    ),
    q(
        "v-16",
        V,
        "ko",
        "vocabulary 평균이 제일 낮았던 해가 언제인지 알려주실 수 있나요?",
        "label",
        "result = df.groupby('year')['vocabulary'].mean()",
        MIN,
    ),
    q("v-17", V, "ko", "education평균 좀 구해줄래?", "number", "result = df['education'].mean()", N5),
    q(
        "v-18",
        V,
        "ko",
        "vocabulary가 0점인 응답자 비율이 얼마나 돼?",
        "number",
        "result = (df['vocabulary'] == 0).mean()",
        PCT,
    ),
    # --- car::States: row names (postal codes), region, pop, SATV, SATM, percent, dollars, pay -------
    q(
        "s-01",
        S,
        "en",
        "Could you tell me which state has the lowest average teacher pay?",
        "label",
        NAMED + "result = df['pay']",
        MIN,
    ),
    q(
        "s-02",
        S,
        "en",
        "Give me a breakdown of average SATM by region",
        "table",
        "result = df.groupby('region')['SATM'].mean()",
        N5,
    ),
    q(
        "s-03",
        S,
        "en",
        "top three states by population please",
        "labels",
        NAMED + "result = df['pop'].nlargest(3).index.tolist(); s = df['pop'].sort_values(ascending=False)",
        {"ordered": True, "others_from": "s"},
    ),
    q(
        "s-04",
        S,
        "en",
        "How many states have an SATM over five hundred?",
        "number",
        "result = (df['SATM'] > 500).sum()",
        N0,
    ),
    q(
        "s-05",
        S,
        "en",
        "I'm putting together a slide on education spending, so I need the mean of dollars for each region, thanks",
        "table",
        "result = df.groupby('region')['dollars'].mean()",
        N5,
    ),
    q(
        "s-06",
        S,
        "en",
        "Show average SATV per region, sorted",
        "table",
        "result = df.groupby('region')['SATV'].mean()",
        N5,
    ),
    q(
        "s-07",
        S,
        "en",
        "what's the total pop of the states in the pac region?",
        "number",
        "result = df.loc[df['region'] == 'PAC', 'pop'].sum()",
        N0,
    ),
    q(
        "s-08",
        S,
        "en",
        "hey, which state spends the fewest dollars per student?",
        "label",
        NAMED + "result = df['dollars']",
        MIN,
    ),
    q(
        "s-09",
        S,
        "ko",
        "혹시 region별로 SATM 평균 좀 알 수 있을까요?",
        "table",
        "result = df.groupby('region')['SATM'].mean()",
        N5,
    ),
    q(
        "s-10",
        S,
        "ko",
        "인구가 가장 많은 주 다섯 개 보여줘",
        "labels",
        NAMED + "result = df['pop'].nlargest(5).index.tolist(); s = df['pop'].sort_values(ascending=False)",
        {"ordered": True, "others_from": "s"},
    ),
    q("s-11", S, "ko", "pay가 40 이상인 주는 몇 개인지 궁금해요", "number", "result = (df['pay'] >= 40).sum()", N0),
    q(
        "s-12",
        S,
        "ko",
        "SAT 응시 비율(percent)이 가장 낮은 주가 어디야?",
        "label",
        NAMED + "result = df['percent']",
        MIN,
    ),
    q(
        "s-13",
        S,
        "ko",
        "NE 지역 주들의 평균 pay 좀 구해줄래?",
        "number",
        "result = df.loc[df['region'] == 'NE', 'pay'].mean()",
        N5,
    ),
    q(
        "s-14",
        S,
        "ko",
        "SATV가 450점을 넘는 주의 비율은 얼마예요?",
        "number",
        "result = (df['SATV'] > 450).mean()",
        PCT,
    ),
    q("s-15", S, "ko", "pop 합계가 제일 큰 region은?", "label", "result = df.groupby('region')['pop'].sum()", MAX),
    q("s-16", S, "ko", "내년에 교사 급여가 얼마나 오를지 예측해 줄 수 있어?", "decline"),
    # --- MASS::Aids2: state, sex (F/M), diag, death (dates), status (A/D), T.categ, age -------------
    q(
        "a-01",
        A,
        "en",
        "Could you please tell me how many patients are in this dataset?",
        "number",
        "result = len(df)",
        N0,
    ),
    q("a-02", A, "en", "whats the avg age per state?", "table", "result = df.groupby('state')['age'].mean()", N5),
    q(
        "a-03",
        A,
        "en",
        "I was wondering what fraction of patients had died by the end of observation (status D)?",
        "number",
        "result = (df['status'] == 'D').mean()",
        PCT,
    ),
    q("a-04", A, "en", "Give me the number of diagnoses per year", "table", f"result = df.groupby({YEAR}).size()", N0),
    q(
        "a-05",
        A,
        "en",
        "how many female patients from vic are there?",
        "number",
        "result = ((df['sex'] == 'F') & (df['state'] == 'VIC')).sum()",
        N0,
    ),
    q("a-06", A, "en", "quick q: how old was the oldest patient?", "number", "result = df['age'].max()", N0),
    q(
        "a-07",
        A,
        "en",
        "Compute the mean age grouped by T.categ",
        "table",
        "result = df.groupby('T.categ')['age'].mean()",
        N5,
    ),
    q("a-08", A, "en", "why did so many patients in NSW die?", "decline"),
    q("a-09", A, "ko", "주별 환자 수 좀 알려줘", "table", "result = df.groupby('state').size()", N0),
    q(
        "a-10",
        A,
        "ko",
        "혹시 사망한 환자(status가 D)가 몇 명인지 알 수 있을까요?",
        "number",
        "result = (df['status'] == 'D').sum()",
        N0,
    ),
    q("a-11", A, "ko", "남성 환자들 평균나이는?", "number", "result = df.loc[df['sex'] == 'M', 'age'].mean()", N5),
    q("a-12", A, "ko", "진단 연도별 환자 수 추이 보여줄래?", "table", f"result = df.groupby({YEAR}).size()", N0),
    q("a-13", A, "ko", "40세 이상 환자 비율이 궁금해요", "number", "result = (df['age'] >= 40).mean()", PCT),
    q(
        "a-14",
        A,
        "ko",
        "T.categ 중에서 환자가 제일 많은 건 뭐야?",
        "label",
        "result = df.groupby('T.categ').size()",
        MAX,
    ),
    q("a-15", A, "ko", "다음 해에 진단될 환자 수를 예측해 주세요", "decline"),
    q(
        "a-16",
        A,
        "ko",
        "QLD에서 진단받은 여성 환자의 평균 연령 좀 알려주세요",
        "number",
        "result = df.loc[(df['state'] == 'QLD') & (df['sex'] == 'F'), 'age'].mean()",
        N5,
    ),
    q("a-17", A, "en", "patients over fifty - how many are there?", "number", "result = (df['age'] > 50).sum()", N0),
    # --- MASS::painters: row names (painters), Composition, Drawing, Colour, Expression, School -----
    q(
        "p-01",
        P,
        "en",
        "Could you tell me which painter has the highest Drawing score, and what it is?",
        "label",
        NAMED + "result = df['Drawing']",
        MAX,
    ),
    q(
        "p-02",
        P,
        "en",
        "average Drawing score per School, thanks!",
        "table",
        "result = df.groupby('School')['Drawing'].mean()",
        N5,
    ),
    q(
        "p-03",
        P,
        "en",
        "top four painters by Expression, please",
        "labels",
        NAMED
        + "result = df['Expression'].nlargest(4).index.tolist(); s = df['Expression'].sort_values(ascending=False)",
        {"ordered": False, "others_from": "s"},
    ),
    q(
        "p-04",
        P,
        "en",
        "how many painters scored zero for Expression?",
        "number",
        "result = (df['Expression'] == 0).sum()",
        N0,
    ),
    q(
        "p-05",
        P,
        "en",
        "I'm preparing a lecture on de Piles' ratings, so I'd like the mean Composition score of school d painters",
        "number",
        "result = df.loc[df['School'] == 'D', 'Composition'].mean()",
        N5,
    ),
    q(
        "p-06",
        P,
        "en",
        "howmany painters are there in each School?",
        "table",
        "result = df.groupby('School').size()",
        N0,
    ),
    q("p-07", P, "en", "why did the Venetian painters get such high Colour scores?", "decline"),
    q("p-08", P, "ko", "Expression 점수가 가장 높은 화가가 누구야?", "label", NAMED + "result = df['Expression']", MAX),
    q(
        "p-09",
        P,
        "ko",
        "학파(School)별 Composition 평균을 구해주세요",
        "table",
        "result = df.groupby('School')['Composition'].mean()",
        N5,
    ),
    q("p-10", P, "ko", "Drawing 15점 이상인 화가는 몇 명?", "number", "result = (df['Drawing'] >= 15).sum()", N0),
    q(
        "p-11",
        P,
        "ko",
        "Expression이 10점 넘고 Colour도 10점 넘는 화가가 몇 명인지 궁금해요",
        "number",
        "result = ((df['Expression'] > 10) & (df['Colour'] > 10)).sum()",
        N0,
    ),
    q("p-12", P, "ko", "컴포지션 점수 평균 좀 알려줄래?", "number", "result = df['Composition'].mean()", N5),
    q(
        "p-13",
        P,
        "ko",
        "Composition 상위 세 명 보여줘",
        "labels",
        NAMED
        + "result = df['Composition'].nlargest(3).index.tolist(); s = df['Composition'].sort_values(ascending=False)",
        {"ordered": False, "others_from": "s"},
    ),
    q(
        "p-14",
        P,
        "ko",
        "School이 D인 화가들의 컬러 점수 평균은?",
        "number",
        "result = df.loc[df['School'] == 'D', 'Colour'].mean()",
        N5,
    ),
    # --- car::Womenlf: partic (fulltime/not.work/parttime), hincome, children, region ---------------
    q(
        "w-01",
        W,
        "en",
        "quick q: how many women work full time?",
        "number",
        "result = (df['partic'] == 'fulltime').sum()",
        N0,
    ),
    q(
        "w-02",
        W,
        "en",
        "Could you give me the average hincome by region, please?",
        "table",
        "result = df.groupby('region')['hincome'].mean()",
        N5,
    ),
    q(
        "w-03",
        W,
        "en",
        "what share of the women have children present?",
        "number",
        "result = (df['children'] == 'present').mean()",
        PCT,
    ),
    q(
        "w-04",
        W,
        "en",
        "Show the mean hincome per partic category, sorted",
        "table",
        "result = df.groupby('partic')['hincome'].mean()",
        N5,
    ),
    q(
        "w-05",
        W,
        "en",
        "How many women in quebec are not working?",
        "number",
        "result = ((df['region'] == 'Quebec') & (df['partic'] == 'not.work')).sum()",
        N0,
    ),
    q(
        "w-06",
        W,
        "en",
        "which region has the most women working part time?",
        "label",
        "result = df[df['partic'] == 'parttime'].groupby('region').size()",
        MAX,
    ),
    q("w-07", W, "en", "what would these women earn if they all worked full time?", "decline"),
    q("w-08", W, "ko", "지역별 인원수 좀 알려줘", "table", "result = df.groupby('region').size()", N0),
    q("w-09", W, "ko", "hincome 평균이 얼마인지 궁금해요", "number", "result = df['hincome'].mean()", N5),
    q(
        "w-10",
        W,
        "ko",
        "hincome이 20 넘는 사람 중에 fulltime인 사람은 몇 명이야?",
        "number",
        "result = ((df['hincome'] > 20) & (df['partic'] == 'fulltime')).sum()",
        N0,
    ),
    q(
        "w-11",
        W,
        "ko",
        "children이 present인 여성의 비율은?",
        "number",
        "result = (df['children'] == 'present').mean()",
        PCT,
    ),
    q(
        "w-12",
        W,
        "ko",
        "온타리오 지역 여성들의 평균 hincome 좀 구해줄래요?",
        "number",
        "result = df.loc[df['region'] == 'Ontario', 'hincome'].mean()",
        N5,
    ),
    q("w-13", W, "ko", "partic별로 hincome 평균 내줘~", "table", "result = df.groupby('partic')['hincome'].mean()", N5),
    q("w-14", W, "ko", "이 여성들이 왜 일을 안 하는지 알려줘", "decline"),
]

#: Vocab's sex may be named as people are
SEXES = {"Female": ["women", "woman", "여성", "여자"], "Male": ["men", "man", "남성", "남자"]}


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    for r in rows:
        e = r["expect"]
        if r["dataset"] == V and e["kind"] == "table" and set(e["value"]) == set(SEXES):
            e["also"] = SEXES
    write(HERE, rows)


if __name__ == "__main__":
    main()
