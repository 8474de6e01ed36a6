"""Builds `dev/questions.jsonl` of the thirty-eighth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset38/build.py

Written by helper s16b (Nov 2026, issue 14, session 20) before any code change and without
reading the analyst's vocabulary. Its kind: DISTRIBUTION AND SPREAD, as statistics students ask
about a table: median, quartiles, interquartile range, percentiles ("90th percentile", "상위 10%의
기준값"), standard deviation, variance, range (max minus min), coefficient of variation, skewness,
how many outliers by the 1.5 IQR rule, overall, within a group, and per group ("median X by Y",
"which group varies most"). Four real public tables from the Rdatasets collection (see
data/gen_data.py), about half of the questions in Korean, a few that must be declined.

Conventions a careful analyst would follow (pandas' own): quantiles interpolate linearly (R's
type 7); the standard deviation and variance are the sample ones (n - 1), the population ones
(n) accepted too for a single number; IQR = Q3 - Q1; the coefficient of variation is sd / mean
(a fraction, or the same as a percentage); skewness is the adjusted Fisher-Pearson coefficient
(pandas' skew), the plain moment one accepted too; an outlier lies below Q1 - 1.5 IQR or above
Q3 + 1.5 IQR.

START (main 15fe14f): 20 correct / 43 declined / 1 WRONG in pandas and DuckDB as first written
(the WRONG: Pima's Yes / No groups named True / False; accepted since, `BOOLEAN`: 21 / 43 / 0).
END (branch s16b): 57 / 7 / 0 in pandas and in DuckDB. See README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
CH, CA, PI, UC = "chickwts.csv", "cats.csv", "pima.csv", "uscereal.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
MAX = {"pick": "max"}


def q(qid, ds, lang, text, kind, code="", extra=None):
    return (qid, ds, lang, text, kind, code, extra or {})


def sd(col: str, where: str = "") -> tuple[str, dict]:
    """The sample standard deviation of `col` (rows `where`), the population one also accepted."""
    s = f"df.loc[{where}, '{col}']" if where else f"df['{col}']"
    return f"result = {s}.std()", {**N5, "also_rows": f"{s}.std(ddof=0)"}


def var(col: str, where: str = "") -> tuple[str, dict]:
    s = f"df.loc[{where}, '{col}']" if where else f"df['{col}']"
    return f"result = {s}.var()", {**N5, "also_rows": f"{s}.var(ddof=0)"}


def iqr(col: str) -> str:
    return f"result = df['{col}'].quantile(0.75) - df['{col}'].quantile(0.25)"


def outliers(col: str) -> str:
    return (
        f"x = df['{col}']; q1, q3 = x.quantile(0.25), x.quantile(0.75); "
        f"result = ((x < q1 - 1.5 * (q3 - q1)) | (x > q3 + 1.5 * (q3 - q1))).sum()"
    )


def skew(col: str) -> tuple[str, dict]:
    moment = f"((df['{col}'] - df['{col}'].mean()) ** 3).mean() / df['{col}'].std(ddof=0) ** 3"
    return f"result = df['{col}'].skew()", {"rel_tol": 0.01, "also_rows": moment}


def rng(col: str, where: str = "") -> str:
    s = f"df.loc[{where}, '{col}']" if where else f"df['{col}']"
    return f"result = {s}.max() - {s}.min()"


QUESTIONS = [
    # --- chickwts: weight (g) by feed ---------------------------------------------------------
    q("c-01", CH, "en", "what is the median chick weight?", "number", "result = df['weight'].median()", N5),
    q("c-02", CH, "en", "standard deviation of weight", "number", *sd("weight")),
    q("c-03", CH, "en", "what's the interquartile range of weight?", "number", iqr("weight"), N5),
    q("c-04", CH, "en", "range of chick weights (max minus min)", "number", rng("weight"), N5),
    q("c-05", CH, "en", "median weight by feed", "table", "result = df.groupby('feed')['weight'].median()", N5),
    q(
        "c-06",
        CH,
        "en",
        "which feed has the most variable weights, i.e. the largest standard deviation?",
        "label",
        "result = df.groupby('feed')['weight'].std()",
        MAX,
    ),
    q("c-07", CH, "en", "90th percentile of weight", "number", "result = df['weight'].quantile(0.9)", N5),
    q("c-08", CH, "en", "variance of weight for the casein group", "number", *var("weight", "df['feed'] == 'casein'")),
    q("c-09", CH, "ko", "병아리 무게의 중앙값은?", "number", "result = df['weight'].median()", N5),
    q("c-10", CH, "ko", "사료별 무게 표준편차", "table", "result = df.groupby('feed')['weight'].std()", N5),
    q("c-11", CH, "ko", "weight의 제1사분위수", "number", "result = df['weight'].quantile(0.25)", N5),
    q(
        "c-12",
        CH,
        "ko",
        "horsebean 사료를 먹은 병아리들의 무게 범위(최댓값-최솟값)",
        "number",
        rng("weight", "df['feed'] == 'horsebean'"),
        N5,
    ),
    q("c-13", CH, "ko", "무게의 분산은 얼마야", "number", *var("weight")),
    q(
        "c-14",
        CH,
        "ko",
        "무게 중앙값이 가장 높은 사료는?",
        "label",
        "result = df.groupby('feed')['weight'].median()",
        MAX,
    ),
    q("c-15", CH, "ko", "무게 상위 10%의 기준값", "number", "result = df['weight'].quantile(0.9)", N5),
    q("c-16", CH, "en", "does casein feed cause the chicks' weights to vary more?", "decline"),
    # --- cats: Sex F/M, Bwt (kg), Hwt (g) ------------------------------------------------------
    q(
        "k-01",
        CA,
        "en",
        "how spread out are the cats' heart weights? give the standard deviation of Hwt",
        "number",
        *sd("Hwt"),
    ),
    q(
        "k-02",
        CA,
        "en",
        "median Bwt of the female cats",
        "number",
        "result = df.loc[df['Sex'] == 'F', 'Bwt'].median()",
        N5,
    ),
    q("k-03", CA, "en", "IQR of Hwt", "number", iqr("Hwt"), N5),
    q("k-04", CA, "en", "standard deviation of Hwt by Sex", "table", "result = df.groupby('Sex')['Hwt'].std()", N5),
    q(
        "k-05",
        CA,
        "en",
        "coefficient of variation of body weight (Bwt)",
        "number",
        "result = df['Bwt'].std() / df['Bwt'].mean()",
        PCT,
    ),
    q("k-06", CA, "en", "how many Hwt values are outliers by the 1.5 IQR rule?", "number", outliers("Hwt"), N0),
    q("k-07", CA, "en", "what is the 25th percentile of Bwt?", "number", "result = df['Bwt'].quantile(0.25)", N5),
    q("k-08", CA, "ko", "고양이 Hwt의 분산", "number", *var("Hwt")),
    q("k-09", CA, "ko", "성별 Bwt 중앙값", "table", "result = df.groupby('Sex')['Bwt'].median()", N5),
    q("k-10", CA, "ko", "수컷 고양이 Hwt의 표준편차", "number", *sd("Hwt", "df['Sex'] == 'M'")),
    q("k-11", CA, "ko", "Bwt의 사분위수 범위", "number", iqr("Bwt"), N5),
    q("k-12", CA, "ko", "Hwt의 왜도는?", "number", *skew("Hwt")),
    q("k-13", CA, "ko", "Hwt의 범위(최댓값 - 최솟값)는?", "number", rng("Hwt"), N5),
    q(
        "k-14",
        CA,
        "ko",
        "성별 중 Bwt 표준편차가 더 큰 쪽은?",
        "label",
        "result = df.groupby('Sex')['Bwt'].std()",
        MAX,
    ),
    q("k-15", CA, "ko", "Hwt의 95번째 백분위수", "number", "result = df['Hwt'].quantile(0.95)", N5),
    # --- Pima.tr: npreg glu bp skin bmi ped age, type Yes/No --------------------------------------
    q("p-01", PI, "en", "what's the median age of the women?", "number", "result = df['age'].median()", N5),
    q("p-02", PI, "en", "standard deviation of glu", "number", *sd("glu")),
    q("p-03", PI, "en", "interquartile range of bmi", "number", iqr("bmi"), N5),
    q("p-04", PI, "en", "median glu by type", "table", "result = df.groupby('type')['glu'].median()", N5),
    q(
        "p-05",
        PI,
        "en",
        "how many ped values lie more than 1.5 IQR beyond the quartiles?",
        "number",
        outliers("ped"),
        N0,
    ),
    q("p-06", PI, "en", "what is the 75th percentile of bp?", "number", "result = df['bp'].quantile(0.75)", N5),
    q("p-07", PI, "en", "skewness of ped", "number", *skew("ped")),
    q("p-08", PI, "ko", "나이 중앙값", "number", "result = df['age'].median()", N5),
    q("p-09", PI, "ko", "bmi 표준편차는?", "number", *sd("bmi")),
    q("p-10", PI, "ko", "type별 age 분산", "table", "result = df.groupby('type')['age'].var()", N5),
    q("p-11", PI, "ko", "bp의 범위 (최대 - 최소)", "number", rng("bp"), N5),
    q("p-12", PI, "ko", "glu 상위 10% 기준값", "number", "result = df['glu'].quantile(0.9)", N5),
    q("p-13", PI, "ko", "skin의 제3사분위수", "number", "result = df['skin'].quantile(0.75)", N5),
    q(
        "p-14",
        PI,
        "ko",
        "bmi의 변동계수",
        "number",
        "result = df['bmi'].std() / df['bmi'].mean()",
        PCT,
    ),
    q(
        "p-15",
        PI,
        "ko",
        "type 중 glu 표준편차가 더 큰 그룹은?",
        "label",
        "result = df.groupby('type')['glu'].std()",
        MAX,
    ),
    q("p-16", PI, "ko", "내년 환자들의 나이 중앙값을 예측해줘", "decline"),
    # --- UScereal: mfr G/K/N/P/Q/R, shelf 1-3, nutrients per portion ----------------------------
    q("u-01", UC, "en", "median sugars per cereal", "number", "result = df['sugars'].median()", N5),
    q("u-02", UC, "en", "what is the standard deviation of calories?", "number", *sd("calories")),
    q("u-03", UC, "en", "variance of sodium", "number", *var("sodium")),
    q("u-04", UC, "en", "interquartile range of sugars", "number", iqr("sugars"), N5),
    q("u-05", UC, "en", "median calories by mfr", "table", "result = df.groupby('mfr')['calories'].median()", N5),
    q(
        "u-06",
        UC,
        "en",
        "which mfr has the biggest standard deviation of sugars?",
        "label",
        "result = df.groupby('mfr')['sugars'].std()",
        MAX,
    ),
    q("u-07", UC, "en", "75th percentile of fibre", "number", "result = df['fibre'].quantile(0.75)", N5),
    q("u-08", UC, "en", "range of potassium, max minus min", "number", rng("potassium"), N5),
    q("u-09", UC, "ko", "칼로리 중앙값은?", "number", "result = df['calories'].median()", N5),
    q("u-10", UC, "ko", "sugars의 표준편차", "number", *sd("sugars")),
    q("u-11", UC, "ko", "mfr별 sodium 중앙값", "table", "result = df.groupby('mfr')['sodium'].median()", N5),
    q("u-12", UC, "ko", "protein의 사분위 범위", "number", iqr("protein"), N5),
    q("u-13", UC, "ko", "fat 분산", "number", *var("fat")),
    q("u-14", UC, "ko", "calories 이상치는 몇 개야? (1.5 IQR 기준)", "number", outliers("calories"), N0),
    q("u-15", UC, "ko", "shelf별 sugars 표준편차", "table", "result = df.groupby('shelf')['sugars'].std()", N5),
    q(
        "u-16",
        UC,
        "ko",
        "칼로리의 변동계수는?",
        "number",
        "result = df['calories'].std() / df['calories'].mean()",
        PCT,
    ),
    q("u-17", UC, "en", "will Kellogg's cereals get more sugary next year?", "decline"),
]


#: Pima's type is written Yes / No; read as a yes/no column it may be named True / False
BOOLEAN = {"Yes": "True", "No": "False"}


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    for r in rows:
        e = r["expect"]
        if r["dataset"] == PI and e["kind"] == "table" and set(e["value"]) == set(BOOLEAN):
            e["also"] = {k: [v] for k, v in BOOLEAN.items()}
        elif r["dataset"] == PI and e["kind"] == "label" and e["value"] in BOOLEAN:
            e["also"] = [BOOLEAN[e["value"]]]
            e["others"] = [BOOLEAN.get(o, o) for o in e["others"]] + e["others"]
    write(HERE, rows)


if __name__ == "__main__":
    main()
