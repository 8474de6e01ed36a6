"""Builds `dev/questions.jsonl` of the forty-ninth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset49/build.py

Written by helper s22b (Nov 2026, issue 14, session 25) before running the analyst on it and
without reading the analyst's code: TWO-WAY BREAKDOWNS, as people ask for them ("average SAT by
sex and major", "count by A and B", "cross-tab of A and B", "for each A, the share of each B",
"A별 B별 평균", "성별·전공별 인원", "전공별로 성별 비율"): counts, means, totals, medians and
maxima by two columns, cross-tabulations, shares within each group of one column by another (row
percentages), which combination has the highest or lowest value, two-way breakdowns of the rows
meeting a condition, some one-way questions beside them, and seven that must be declined (a
column the table lacks; a three-way pivot of 90 cells). Four real public tables from the
Rdatasets collection none of the earlier sets used (see data/gen_data.py).

Conventions: a two-way result (`table2`) is every combination that occurs (a combination with no
rows is left out; a wide pivot may show it empty or 0), stated as a long table (one line per
combination) or a wide pivot (either way round); shares are fractions of the first-named group
(a row percentage: within each group of A, the share of each B), written as 0.25 or 25%; a
median is the middle value; a `pair` answer names both labels of the winning combination.

START and END numbers: README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import MAX, MIN, N0, N5, PCT, build, q, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
ML, DI, PI, CO = "mathlevel.csv", "singapore_diamonds.csv", "political_information.csv", "cowles.csv"


def by(a: str, b: str, col: str, stat: str, where: str = "") -> str:
    """`stat` of `col` for every combination of `a` and `b` (rows `where`)."""
    d = f"df[{where}]" if where else "df"
    return f"result = {d}.groupby(['{a}', '{b}'])['{col}'].{stat}()"


def count(a: str, b: str, where: str = "") -> str:
    """The number of rows of every combination of `a` and `b` that occurs (rows `where`)."""
    d = f"df[{where}]" if where else "df"
    return f"result = {d}.groupby(['{a}', '{b}']).size()"


def shares(a: str, b: str, where: str = "") -> str:
    """Within each group of `a`, the share of each value of `b` (row percentages, as fractions)."""
    d = f"df[{where}]" if where else "df"
    return f"result = pd.crosstab({d}['{a}'], {d}['{b}'], normalize='index').stack()\nresult = result[result > 0]"


def share_of(a: str, cond: str) -> str:
    """Within each group of `a`, the share of rows meeting `cond` (one-way)."""
    return f"result = ({cond}).groupby(df['{a}']).mean()"


QUESTIONS = [
    # --- Mathlevel: 609 students of intermediate micro-economics ------------------------------
    q("m-01", ML, "en", "average SAT math score by sex and major", "table2", by("sex", "major", "sat", "mean"), N5),
    q("m-02", ML, "en", "count of students by sex and major", "table2", count("sex", "major"), N0),
    q("m-03", ML, "ko", "전공별 성별 평균 sat", "table2", by("major", "sex", "sat", "mean"), N5),
    q("m-04", ML, "en", "cross-tab of major and language", "table2", count("major", "language"), N0),
    q(
        "m-05",
        ML,
        "en",
        "For each major, what share of students are female?",
        "table",
        share_of("major", "df['sex'] == 'female'"),
        PCT,
    ),
    q(
        "m-06",
        ML,
        "ko",
        "전공별로 외국어 가능한(language가 yes인) 학생 비율",
        "table",
        share_of("major", "df['language'] == 'yes'"),
        PCT,
    ),
    q(
        "m-07",
        ML,
        "en",
        "Which combination of sex and major has the highest average sat?",
        "pair",
        by("sex", "major", "sat", "mean"),
        MAX,
    ),
    q("m-08", ML, "ko", "평균 sat가 가장 낮은 성별·전공 조합은?", "pair", by("sex", "major", "sat", "mean"), MIN),
    q("m-09", ML, "en", "median sat by major and language", "table2", by("major", "language", "sat", "median"), N5),
    q(
        "m-10",
        ML,
        "en",
        "average sat by sex and major for students who took at least 2 math courses",
        "table2",
        by("sex", "major", "sat", "mean", "df['mathcourse'] >= 2"),
        N5,
    ),
    q(
        "m-11",
        ML,
        "ko",
        "mathcourse가 0인 학생은 빼고 성별, 전공별 평균 sat",
        "table2",
        by("sex", "major", "sat", "mean", "df['mathcourse'] != 0"),
        N5,
    ),
    q("m-12", ML, "en", "average sat by major", "table", "result = df.groupby('major')['sat'].mean()", N5),
    q("m-13", ML, "ko", "성별 평균 sat", "table", "result = df.groupby('sex')['sat'].mean()", N5),
    q(
        "m-14",
        ML,
        "en",
        "How many students are there in each major?",
        "table",
        "result = df['major'].value_counts()",
        N0,
    ),
    q(
        "m-15",
        ML,
        "en",
        "Within each sex, what percentage of students are in each major?",
        "table2",
        shares("sex", "major"),
        PCT,
    ),
    q("m-16", ML, "ko", "전공별로 성별 비율을 보여줘", "table2", shares("major", "sex"), PCT),
    q("m-17", ML, "ko", "성별·전공별 인원", "table2", count("sex", "major"), N0),
    q("m-18", ML, "en", "average sat by sex and ethnicity", "decline"),
    # --- Diamond: 308 diamond rings advertised in Singapore -----------------------------------
    q("d-01", DI, "en", "average price by colour and clarity", "table2", by("colour", "clarity", "price", "mean"), N5),
    q(
        "d-02",
        DI,
        "en",
        "number of diamonds by certification and colour",
        "table2",
        count("certification", "colour"),
        N0,
    ),
    q(
        "d-03",
        DI,
        "ko",
        "인증기관(certification)별 색상(colour)별 평균 가격",
        "table2",
        by("certification", "colour", "price", "mean"),
        N5,
    ),
    q("d-04", DI, "ko", "컬러와 clarity별 다이아몬드 개수", "table2", count("colour", "clarity"), N0),
    q(
        "d-05",
        DI,
        "en",
        "total price by certification and clarity",
        "table2",
        by("certification", "clarity", "price", "sum"),
        N5,
    ),
    q(
        "d-06",
        DI,
        "en",
        "Which colour and clarity combination has the highest average price?",
        "pair",
        by("colour", "clarity", "price", "mean"),
        MAX,
    ),
    q(
        "d-07",
        DI,
        "ko",
        "평균 캐럿이 가장 큰 인증기관·색상 조합은?",
        "pair",
        by("certification", "colour", "carat", "mean"),
        MAX,
    ),
    q(
        "d-08",
        DI,
        "en",
        "median carat by certification and colour",
        "table2",
        by("certification", "colour", "carat", "median"),
        N5,
    ),
    q(
        "d-09",
        DI,
        "en",
        "average price by colour and certification for stones over 0.5 carat",
        "table2",
        by("colour", "certification", "price", "mean", "df['carat'] > 0.5"),
        N5,
    ),
    q(
        "d-10",
        DI,
        "ko",
        "1캐럿 이상 다이아몬드의 인증기관별 clarity별 개수",
        "table2",
        count("certification", "clarity", "df['carat'] >= 1"),
        N0,
    ),
    q(
        "d-11",
        DI,
        "en",
        "For each certification body, what share of its diamonds are in each clarity grade?",
        "table2",
        shares("certification", "clarity"),
        PCT,
    ),
    q("d-12", DI, "ko", "색상별로 clarity 구성 비율", "table2", shares("colour", "clarity"), PCT),
    q(
        "d-13",
        DI,
        "en",
        "average price by certification",
        "table",
        "result = df.groupby('certification')['price'].mean()",
        N5,
    ),
    q("d-14", DI, "ko", "색상별 평균 가격", "table", "result = df.groupby('colour')['price'].mean()", N5),
    q(
        "d-15",
        DI,
        "en",
        "How many diamonds are certified by GIA?",
        "number",
        "result = (df['certification'] == 'GIA').sum()",
        N0,
    ),
    q("d-16", DI, "ko", "인증기관과 색상별 최고 가격", "table2", by("certification", "colour", "price", "max"), N0),
    q("d-17", DI, "en", "average price by colour and cut", "decline"),
    q("d-18", DI, "ko", "판매 지역별 색상별 평균 가격", "decline"),
    q("d-19", DI, "en", "average price by colour, clarity and certification", "decline"),
    # --- politicalInformation: 1,807 respondents of the 2000 ANES -----------------------------
    q("p-01", PI, "en", "cross-tab of y and collegeDegree", "table2", count("y", "collegeDegree"), N0),
    q("p-02", PI, "ko", "collegeDegree별 정보 수준(y) 비율", "table2", shares("collegeDegree", "y"), PCT),
    q(
        "p-03",
        PI,
        "en",
        "For each level of y, what percentage of respondents have a college degree?",
        "table",
        share_of("y", "df['collegeDegree'] == 'Yes'"),
        PCT,
    ),
    q(
        "p-04",
        PI,
        "en",
        "average interview length by y and collegeDegree",
        "table2",
        by("y", "collegeDegree", "length", "mean"),
        N5,
    ),
    q("p-05", PI, "ko", "y별, female별 평균 나이", "table2", by("y", "female", "age", "mean"), N5),
    q("p-06", PI, "en", "count of respondents by y and homeOwn", "table2", count("y", "homeOwn"), N0),
    q("p-07", PI, "ko", "y와 govt별 인원수", "table2", count("y", "govt"), N0),
    q(
        "p-08",
        PI,
        "en",
        "Which combination of y and collegeDegree has the highest average age?",
        "pair",
        by("y", "collegeDegree", "age", "mean"),
        MAX,
    ),
    q("p-09", PI, "ko", "평균 length가 가장 긴 y·female 조합은?", "pair", by("y", "female", "length", "mean"), MAX),
    q("p-10", PI, "en", "median age by y and female", "table2", by("y", "female", "age", "median"), N5),
    q(
        "p-11",
        PI,
        "en",
        "average age by y and collegeDegree among homeowners",
        "table2",
        by("y", "collegeDegree", "age", "mean", "df['homeOwn'] == 'Yes'"),
        N5,
    ),
    q(
        "p-12",
        PI,
        "ko",
        "govt가 Yes인 응답자만 y별 collegeDegree별 인원",
        "table2",
        count("y", "collegeDegree", "df['govt'] == 'Yes'"),
        N0,
    ),
    q(
        "p-13",
        PI,
        "ko",
        "collegeDegree별 평균 length",
        "table",
        "result = df.groupby('collegeDegree')['length'].mean()",
        N5,
    ),
    q(
        "p-14",
        PI,
        "en",
        "How many respondents have a college degree?",
        "number",
        "result = (df['collegeDegree'] == 'Yes').sum()",
        N0,
    ),
    q("p-15", PI, "ko", "female별로 y 분포를 퍼센트로", "table2", shares("female", "y"), PCT),
    q("p-16", PI, "en", "average income by y and collegeDegree", "decline"),
    q("p-17", PI, "ko", "지역별 y별 인원수", "decline"),
    # --- Cowles: 1,421 students asked to volunteer for an experiment --------------------------
    q(
        "c-01",
        CO,
        "en",
        "average extraversion by sex and volunteer",
        "table2",
        by("sex", "volunteer", "extraversion", "mean"),
        N5,
    ),
    q("c-02", CO, "en", "cross-tabulate sex and volunteer", "table2", count("sex", "volunteer"), N0),
    q(
        "c-03",
        CO,
        "ko",
        "성별 자원봉사(volunteer) 참여 비율",
        "table",
        share_of("sex", "df['volunteer'] == 'yes'"),
        PCT,
    ),
    q(
        "c-04",
        CO,
        "ko",
        "성별, volunteer 여부별 평균 neuroticism",
        "table2",
        by("sex", "volunteer", "neuroticism", "mean"),
        N5,
    ),
    q(
        "c-05",
        CO,
        "en",
        "median neuroticism by sex and volunteer",
        "table2",
        by("sex", "volunteer", "neuroticism", "median"),
        N5,
    ),
    q("c-06", CO, "ko", "성별·volunteer별 인원", "table2", count("sex", "volunteer"), N0),
    q(
        "c-07",
        CO,
        "en",
        "Which sex and volunteer group has the highest mean neuroticism?",
        "pair",
        by("sex", "volunteer", "neuroticism", "mean"),
        MAX,
    ),
    q(
        "c-08",
        CO,
        "ko",
        "extraversion 평균이 가장 낮은 성별·volunteer 조합",
        "pair",
        by("sex", "volunteer", "extraversion", "mean"),
        MIN,
    ),
    q(
        "c-09",
        CO,
        "en",
        "average neuroticism by sex and volunteer for people with extraversion above 15",
        "table2",
        by("sex", "volunteer", "neuroticism", "mean", "df['extraversion'] > 15"),
        N5,
    ),
    q(
        "c-10",
        CO,
        "ko",
        "extraversion이 10 이하인 사람들의 성별 volunteer별 인원",
        "table2",
        count("sex", "volunteer", "df['extraversion'] <= 10"),
        N0,
    ),
    q(
        "c-11",
        CO,
        "en",
        "Within each sex, what share volunteered and what share did not?",
        "table2",
        shares("sex", "volunteer"),
        PCT,
    ),
    q("c-12", CO, "ko", "volunteer별 성별 구성비", "table2", shares("volunteer", "sex"), PCT),
    q("c-13", CO, "ko", "성별 extraversion 평균", "table", "result = df.groupby('sex')['extraversion'].mean()", N5),
    q(
        "c-14",
        CO,
        "en",
        "How many women volunteered?",
        "number",
        "result = ((df['sex'] == 'female') & (df['volunteer'] == 'yes')).sum()",
        N0,
    ),
    q("c-15", CO, "ko", "성별 연령대별 평균 extraversion", "decline"),
]


#: Vista loads a column of Yes/No text as booleans (True/False in the kernel's table): those
#: labels are accepted for Yes/No, as evalset38 accepts them
BOOL_ALIASES = {"Yes": ["True"], "No": ["False"], "yes": ["True"], "no": ["False"]}


def _aliased(row: dict) -> dict:
    e = row["expect"]
    labels: set[str] = set()
    if e["kind"] == "table2":
        labels = {x for r, c, _ in e["cells"] for x in (r, c)}
    elif e["kind"] == "pair":
        labels = set(e["value"]) | {x for p in e["others"] for x in p}
    elif e["kind"] == "table":
        labels = set(e["value"])
    also = {k: v for k, v in BOOL_ALIASES.items() if k in labels}
    if also:
        e["also"] = {**e.get("also", {}), **also}
    return row


def main() -> None:
    rows = build(QUESTIONS, lambda ds: pd.read_csv(DATA / ds), default_tol=None)
    write(HERE, [_aliased(r) for r in rows])


if __name__ == "__main__":
    main()
