"""Builds `dev/questions.jsonl` of the fortieth evaluation set: every expected result is computed
here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset40/build.py

Written by helper s18a (Nov 2026, issue 14, session 22) before running the analyst on it and
without reading the analyst's code. Its kind: a FRESH GENERALIZATION PROBE, the closest stand-in
for real questions nobody here wrote: the first questions a student or data scientist asks of five
real Rdatasets tables from five domains no earlier set used (transport, agriculture, crime and
justice, finance and markets, social psychology; see data/gen_data.py), of every everyday kind
(how many rows, counts, filters with one or two conditions, group means and totals, rankings,
extremes and the row holding them, over time, correlations, shares, spread), phrased casually
(typos, Korean endings), about half in Korean, and eight that must be declined (a forecast, a
cause, a measure the table lacks, taste).

Conventions a careful analyst would follow: a share is a fraction (0.25 or 25% both accepted);
correlation is Pearson's; the standard deviation the sample one (the population one accepted
too); Airline's `year` is the panel's year number 1-15 as the table holds it; Garch's `date` is
yymmdd (850305 is 1985-03-05); "in the 1950s" is 1950-1959; "1960년부터" includes 1960; a mean
skips missing values.

START (main cc01591): 62 correct / 15 declined / 2 WRONG in pandas and in DuckDB. END (branch
s18a): 73 / 6 / 0 in pandas and in DuckDB. See README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
AL, CB, HA, GA, MO = "airline.csv", "cabbages.csv", "hartnagel.csv", "garch.csv", "moore.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
R1 = {"rel_tol": 0.01}
PCT = {"rel_tol": 0.005, "percent": True}
MAX = {"pick": "max"}
MIN = {"pick": "min"}


def q(qid, ds, lang, text, kind, code="", extra=None):
    return (qid, ds, lang, text, kind, code, extra or {})


def sd(s: str) -> tuple[str, dict]:
    """The sample standard deviation of the Series `s`, the population one also accepted."""
    return f"result = {s}.std()", {**N5, "also_rows": f"{s}.std(ddof=0)"}


QUESTIONS = [
    # --- Airline (transport): airline 1-6, year 1-15, cost output pf lf -------------------------
    q("a-01", AL, "en", "how many rows in the airline data?", "number", "result = len(df)", N0),
    q("a-02", AL, "en", "what's the average load factor", "number", "result = df['lf'].mean()", N5),
    q(
        "a-03",
        AL,
        "en",
        "which airline has the highest total cost overall?",
        "label",
        "result = df.groupby('airline')['cost'].sum()",
        MAX,
    ),
    q("a-04", AL, "en", "mean cost by airline", "table", "result = df.groupby('airline')['cost'].mean()", N5),
    q(
        "a-05",
        AL,
        "en",
        "whats the corelation between cost and output",
        "number",
        "result = df['cost'].corr(df['output'])",
        R1,
    ),
    q("a-06", AL, "en", "total cost in year 15", "number", "result = df.loc[df['year'] == 15, 'cost'].sum()", N5),
    q("a-07", AL, "en", "how many rows have lf above 0.6?", "number", "result = (df['lf'] > 0.6).sum()", N0),
    q(
        "a-08",
        AL,
        "en",
        "show the average fuel price (pf) for each year",
        "table",
        "result = df.groupby('year')['pf'].mean()",
        N5,
    ),
    q("a-09", AL, "ko", "항공사는 몇 개야?", "number", "result = df['airline'].nunique()", N0),
    q(
        "a-10",
        AL,
        "ko",
        "airline 3의 평균 cost 알려줘",
        "number",
        "result = df.loc[df['airline'] == 3, 'cost'].mean()",
        N5,
    ),
    q("a-11", AL, "ko", "연도별 총 비용", "table", "result = df.groupby('year')['cost'].sum()", N5),
    q(
        "a-12",
        AL,
        "ko",
        "lf가 가장 낮은 행의 airline은?",
        "label",
        "result = df.loc[df['lf'].idxmin(), 'airline']",
        {"others": "[a for a in df['airline'].unique() if a != result]"},
    ),
    q("a-13", AL, "ko", "output 중앙값은?", "number", "result = df['output'].median()", N5),
    q("a-14", AL, "ko", "pf랑 cost 상관계수 보여줘", "number", "result = df['pf'].corr(df['cost'])", R1),
    q(
        "a-15",
        AL,
        "ko",
        "총 cost 기준 상위 3개 항공사",
        "table",
        "result = df.groupby('airline')['cost'].sum().sort_values(ascending=False).head(3)",
        N5,
    ),
    q("a-16", AL, "en", "which airline is the safest?", "decline"),
    # --- cabbages (agriculture): Cult c39/c52, Date d16/d20/d21, HeadWt, VitC --------------------
    q("c-01", CB, "en", "avg head weight by cultivar", "table", "result = df.groupby('Cult')['HeadWt'].mean()", N5),
    q("c-02", CB, "en", "how many cabbages were planted on d20?", "number", "result = (df['Date'] == 'd20').sum()", N0),
    q(
        "c-03",
        CB,
        "en",
        "which planting date gave the heaviest heads on average?",
        "label",
        "result = df.groupby('Date')['HeadWt'].mean()",
        MAX,
    ),
    q("c-04", CB, "en", "correlation between HeadWt and VitC", "number", "result = df['HeadWt'].corr(df['VitC'])", R1),
    q("c-05", CB, "en", "max VitC for c52", "number", "result = df.loc[df['Cult'] == 'c52', 'VitC'].max()", N5),
    q(
        "c-06",
        CB,
        "en",
        "mean VitC of the c39 cabbages planted on d16",
        "number",
        "result = df.loc[(df['Cult'] == 'c39') & (df['Date'] == 'd16'), 'VitC'].mean()",
        N5,
    ),
    q(
        "c-07",
        CB,
        "en",
        "how many cabbages have a head weight over 3?",
        "number",
        "result = (df['HeadWt'] > 3).sum()",
        N0,
    ),
    q("c-08", CB, "ko", "품종별 VitC 평균 보여줘", "table", "result = df.groupby('Cult')['VitC'].mean()", N5),
    q("c-09", CB, "ko", "HeadWt 표준편차는?", "number", *sd("df['HeadWt']")),
    q(
        "c-10",
        CB,
        "ko",
        "가장 무거운 양배추의 품종은?",
        "label",
        "result = df.loc[df['HeadWt'].idxmax(), 'Cult']",
        {"others": "['c52']"},
    ),
    q(
        "c-11",
        CB,
        "ko",
        "c52 품종 중에서 HeadWt가 2 미만인 건 몇 개?",
        "number",
        "result = ((df['Cult'] == 'c52') & (df['HeadWt'] < 2)).sum()",
        N0,
    ),
    q(
        "c-12",
        CB,
        "ko",
        "비타민C 평균이 제일 낮은 파종일은?",
        "label",
        "result = df.groupby('Date')['VitC'].mean()",
        MIN,
    ),
    q("c-13", CB, "ko", "HeadWt 합계 알려줘", "number", "result = df['HeadWt'].sum()", N5),
    q("c-14", CB, "en", "will c52 give heavier cabbages next season?", "decline"),
    q("c-15", CB, "ko", "어떤 품종이 더 맛있어?", "decline"),
    # --- Hartnagel (crime): year 1931-1968, tfr partic degrees fconvict ftheft mconvict mtheft ----
    q(
        "h-01",
        HA,
        "en",
        "which year had the highest fconvict?",
        "label",
        "result = df.set_index('year')['fconvict']",
        MAX,
    ),
    q("h-02", HA, "en", "avrage mconvict", "number", "result = df['mconvict'].mean()", N5),
    q(
        "h-03",
        HA,
        "en",
        "correlation between tfr and fconvict",
        "number",
        "result = df['tfr'].corr(df['fconvict'])",
        R1,
    ),
    q("h-04", HA, "en", "mtheft in 1960", "number", "result = df.loc[df['year'] == 1960, 'mtheft'].iloc[0]", N5),
    q(
        "h-05",
        HA,
        "en",
        "mean fconvict in the 1950s",
        "number",
        "result = df.loc[df['year'].between(1950, 1959), 'fconvict'].mean()",
        N5,
    ),
    q(
        "h-06",
        HA,
        "en",
        "how many missing values does ftheft have?",
        "number",
        "result = df['ftheft'].isna().sum()",
        N0,
    ),
    q("h-07", HA, "en", "average tfr before 1940", "number", "result = df.loc[df['year'] < 1940, 'tfr'].mean()", N5),
    q("h-08", HA, "ko", "mconvict가 가장 낮았던 해는?", "label", "result = df.set_index('year')['mconvict']", MIN),
    q("h-09", HA, "ko", "연도별 fconvict 추이 보여줘", "chart", "", {"columns": ["year", "fconvict"]}),
    q("h-10", HA, "ko", "partic 평균은 얼마인가요?", "number", "result = df['partic'].mean()", N5),
    q("h-11", HA, "ko", "1960년부터 mtheft 평균", "number", "result = df.loc[df['year'] >= 1960, 'mtheft'].mean()", N5),
    q("h-12", HA, "ko", "degrees와 partic의 상관관계는?", "number", "result = df['degrees'].corr(df['partic'])", R1),
    q("h-13", HA, "ko", "fconvict이 100을 넘은 해는 몇 개야?", "number", "result = (df['fconvict'] > 100).sum()", N0),
    q("h-14", HA, "ko", "ftheft 최댓값은?", "number", "result = df['ftheft'].max()", N5),
    q("h-15", HA, "en", "did more women working cause more female crime?", "decline"),
    q("h-16", HA, "ko", "1975년 fconvict 예측해줘", "decline"),
    # --- Garch (finance): date yymmdd, day, dm ddm bp cd dy sf -----------------------------------
    q("g-01", GA, "en", "how many observations are there?", "number", "result = len(df)", N0),
    q("g-02", GA, "en", "average dm by day of the week", "table", "result = df.groupby('day')['dm'].mean()", N5),
    q("g-03", GA, "en", "max bp", "number", "result = df['bp'].max()", N5),
    q("g-04", GA, "en", "correlation between dm and sf", "number", "result = df['dm'].corr(df['sf'])", R1),
    q("g-05", GA, "en", "whcih weekday has the most rows?", "label", "result = df.groupby('day').size()", MAX),
    q(
        "g-06",
        GA,
        "en",
        "mean dy in 1985",
        "number",
        "result = df.loc[df['date'] // 10000 == 85, 'dy'].mean()",
        N5,
    ),
    q(
        "g-07",
        GA,
        "en",
        "on what date was bp the lowest?",
        "label",
        "result = '1985-03-05'",
        {"others": "['1985-02-25', '1985-02-26']"},
    ),
    q("g-08", GA, "en", "std dev of ddm", "number", *sd("df['ddm']")),
    q("g-09", GA, "ko", "요일별 관측치 개수", "table", "result = df.groupby('day').size()", N0),
    q("g-10", GA, "ko", "cd 평균 알려줘", "number", "result = df['cd'].mean()", N5),
    q("g-11", GA, "ko", "sf가 0.6 넘는 날은 며칠이야?", "number", "result = (df['sf'] > 0.6).sum()", N0),
    q("g-12", GA, "ko", "dm 최솟값은?", "number", "result = df['dm'].min()", N5),
    q("g-13", GA, "ko", "금요일의 bp 평균은?", "number", "result = df.loc[df['day'] == 'friday', 'bp'].mean()", N5),
    q("g-14", GA, "ko", "dm과 bp 상관계수", "number", "result = df['dm'].corr(df['bp'])", R1),
    q("g-15", GA, "ko", "ddm이 음수인 비율은?", "number", "result = (df['ddm'].dropna() < 0).mean()", PCT),
    q("g-16", GA, "en", "what will the yen rate be next month?", "decline"),
    # --- Moore (psychology): partner.status high/low, conformity, fcategory, fscore --------------
    q(
        "m-01",
        MO,
        "en",
        "average conformity by partner status",
        "table",
        "result = df.groupby('partner.status')['conformity'].mean()",
        N5,
    ),
    q("m-02", MO, "en", "how many subjects in each fcategory?", "table", "result = df.groupby('fcategory').size()", N0),
    q(
        "m-03",
        MO,
        "en",
        "mean fscore of subjects with a high status partner",
        "number",
        "result = df.loc[df['partner.status'] == 'high', 'fscore'].mean()",
        N5,
    ),
    q(
        "m-04",
        MO,
        "en",
        "correlation of fscore and conformity",
        "number",
        "result = df['fscore'].corr(df['conformity'])",
        R1,
    ),
    q(
        "m-05",
        MO,
        "en",
        "what's the fscore of the subject with the highest conformity?",
        "number",
        "result = df.loc[df['conformity'].idxmax(), 'fscore']",
        N5,
    ),
    q(
        "m-06",
        MO,
        "en",
        "how many subjects with a low status partner had conformity above 15?",
        "number",
        "result = ((df['partner.status'] == 'low') & (df['conformity'] > 15)).sum()",
        N0,
    ),
    q(
        "m-07",
        MO,
        "en",
        "which fcategory has the highest mean conformity?",
        "label",
        "result = df.groupby('fcategory')['conformity'].mean()",
        MAX,
    ),
    q(
        "m-08",
        MO,
        "ko",
        "fcategory별 conformity 중앙값",
        "table",
        "result = df.groupby('fcategory')['conformity'].median()",
        N5,
    ),
    q("m-09", MO, "ko", "conformity 평균은?", "number", "result = df['conformity'].mean()", N5),
    q(
        "m-10",
        MO,
        "ko",
        "fscore가 가장 높은 사람의 conformity는?",
        "number",
        "result = df.loc[df['fscore'].idxmax(), 'conformity']",
        N5,
    ),
    q(
        "m-11",
        MO,
        "ko",
        "partner.status가 high이고 fcategory가 low인 사람은 몇 명?",
        "number",
        "result = ((df['partner.status'] == 'high') & (df['fcategory'] == 'low')).sum()",
        N0,
    ),
    q("m-12", MO, "ko", "피험자는 총 몇 명인가요?", "number", "result = len(df)", N0),
    q(
        "m-13",
        MO,
        "ko",
        "conformity 최댓값이랑 최솟값 차이",
        "number",
        "result = df['conformity'].max() - df['conformity'].min()",
        N5,
    ),
    q(
        "m-14",
        MO,
        "ko",
        "partner.status가 low인 비율은?",
        "number",
        "result = (df['partner.status'] == 'low').mean()",
        PCT,
    ),
    q("m-15", MO, "en", "who is the smartest subject?", "decline"),
    q("m-16", MO, "ko", "권위주의 성향이 순응을 유발하나요?", "decline"),
]


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    # a-15's airlines are numbers (1-6): as bare labels they cannot be told from the numbers around
    # them ("상위 3개", "4,705,537"), so the three are graded as a table of their totals
    for r in rows:  # a correlation stated to two decimals is right (m-04 is -0.0105)
        if ".corr(" in r["code"]:
            r["expect"]["abs_tol"] = 0.005
    write(HERE, rows)


if __name__ == "__main__":
    main()
