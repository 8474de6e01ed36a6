"""Builds `dev/questions.jsonl` of the thirtieth evaluation set: every expected result is computed
here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset30/build.py

Written by helper s13y (Nov 2026, issue 14 session 16) before any code change and without looking
at the planner's vocabulary: conditions that name a yes/no column, or the sign of a gain/loss
measure, by what they mean ("mothers who smoked", "non-union workers", "흡연 산모", "적자 국가",
"the biggest loss") over four REAL public tables whose flags are stored as 0/1 (MASS::birthwt),
TRUE/FALSE (Ecdat::Treatment), yes/no (Ecdat::Wages), and a net income that is negative for a loss
(Ecdat::Mofa): see data/gen_data.py. About half the questions are in Korean over the English
column names; some must be declined (causes, predictions, a flag that two columns could mean).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
B, T, W, M = "birthwt.csv", "treatment.csv", "wages.csv", "mofa.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
COUNTRY = "df = df.set_index('Unnamed: 0')\n"


def mean_where(col: str, cond: str) -> str:
    return f"result = df.loc[{cond}, '{col}'].mean()"


QUESTIONS = [
    # --- birthwt: flags stored as 0/1 ----------------------------------------------------------
    (
        "b-01",
        B,
        "en",
        "what share of the mothers smoked during pregnancy?",
        "number",
        "result = (df['smoke'] == 1).mean()",
        PCT,
    ),
    (
        "b-02",
        B,
        "en",
        "average birth weight of babies whose mothers smoked",
        "number",
        mean_where("bwt", "df['smoke'] == 1"),
        N5,
    ),
    ("b-03", B, "en", "mean bwt for non-smokers", "number", mean_where("bwt", "df['smoke'] == 0"), N5),
    ("b-04", B, "ko", "흡연 산모 비율", "number", "result = (df['smoke'] == 1).mean()", PCT),
    ("b-05", B, "ko", "흡연한 엄마들의 아기 평균 몸무게는?", "number", mean_where("bwt", "df['smoke'] == 1"), N5),
    ("b-06", B, "ko", "비흡연 산모 아기의 평균 bwt", "number", mean_where("bwt", "df['smoke'] == 0"), N5),
    ("b-07", B, "en", "how many mothers had hypertension?", "number", "result = (df['ht'] == 1).sum()", N0),
    ("b-08", B, "ko", "고혈압 있는 산모 수", "number", "result = (df['ht'] == 1).sum()", N0),
    (
        "b-09",
        B,
        "en",
        "how many babies were born with low birth weight",
        "number",
        "result = (df['low'] == 1).sum()",
        N0,
    ),
    ("b-10", B, "ko", "저체중아 몇 명이야", "number", "result = (df['low'] == 1).sum()", N0),
    ("b-11", B, "en", "average age of smoking mothers", "number", mean_where("age", "df['smoke'] == 1"), N5),
    ("b-12", B, "ko", "담배 피운 산모들 평균 나이", "number", mean_where("age", "df['smoke'] == 1"), N5),
    (
        "b-13",
        B,
        "en",
        "how many smokers had a low weight baby?",
        "number",
        "result = ((df['smoke'] == 1) & (df['low'] == 1)).sum()",
        N0,
    ),
    ("b-14", B, "en", "mothers without hypertension: average lwt", "number", mean_where("lwt", "df['ht'] == 0"), N5),
    ("b-15", B, "en", "does smoking cause low birth weight?", "decline", "", {}),
    ("b-16", B, "ko", "흡연이 저체중 출산의 원인이야?", "decline", "", {}),
    ("b-17", B, "en", "predict the birth weight of a baby whose mother is 30", "decline", "", {}),
    # --- treatment: flags stored as TRUE/FALSE -------------------------------------------------
    ("t-01", T, "en", "how many people were treated?", "number", "result = df['treat'].sum()", N0),
    ("t-02", T, "en", "average re78 of treated people", "number", mean_where("re78", "df['treat']"), N5),
    ("t-03", T, "en", "average 1978 earnings of the untreated", "number", mean_where("re78", "~df['treat']"), N5),
    ("t-04", T, "ko", "처치 받은 사람들의 re78 평균", "number", mean_where("re78", "df['treat']"), N5),
    ("t-05", T, "ko", "처치 안 받은 사람 re78 평균은?", "number", mean_where("re78", "~df['treat']"), N5),
    ("t-06", T, "en", "share of married men", "number", "result = df['married'].mean()", PCT),
    ("t-07", T, "ko", "기혼자 비율", "number", "result = df['married'].mean()", PCT),
    ("t-08", T, "ko", "미혼인 사람들의 평균 나이", "number", mean_where("age", "~df['married']"), N5),
    ("t-09", T, "en", "how many were unemployed in 1975?", "number", "result = df['u75'].sum()", N0),
    ("t-10", T, "ko", "74년에 실업 상태였던 사람 수", "number", "result = df['u74'].sum()", N0),
    ("t-11", T, "en", "how many were unemployed?", "decline", "", {}),
    ("t-12", T, "ko", "실업자 평균 re78", "decline", "", {}),
    (
        "t-13",
        T,
        "en",
        "median re75 of married treated men",
        "number",
        "result = df.loc[df['married'] & df['treat'], 're75'].median()",
        N5,
    ),
    ("t-14", T, "en", "did the training raise earnings?", "decline", "", {}),
    ("t-15", T, "ko", "결혼하면 소득이 오르는 이유는?", "decline", "", {}),
    ("t-16", T, "en", "average age of men who are not married", "number", mean_where("age", "~df['married']"), N5),
    # --- wages: flags stored as yes/no ---------------------------------------------------------
    ("w-01", W, "en", "average lwage of union members", "number", mean_where("lwage", "df['union'] == 'yes'"), N5),
    ("w-02", W, "en", "mean lwage for non-union workers", "number", mean_where("lwage", "df['union'] == 'no'"), N5),
    ("w-03", W, "ko", "노조 가입자 평균 lwage", "number", mean_where("lwage", "df['union'] == 'yes'"), N5),
    ("w-04", W, "ko", "노조 없는 노동자들 lwage 평균", "number", mean_where("lwage", "df['union'] == 'no'"), N5),
    (
        "w-05",
        W,
        "en",
        "what percent of workers are in a union?",
        "number",
        "result = (df['union'] == 'yes').mean()",
        PCT,
    ),
    ("w-06", W, "ko", "남부 거주자 비율", "number", "result = (df['south'] == 'yes').mean()", PCT),
    ("w-07", W, "en", "how many workers live in the south?", "number", "result = (df['south'] == 'yes').sum()", N0),
    (
        "w-08",
        W,
        "en",
        "average weeks worked by blue collar workers",
        "number",
        mean_where("wks", "df['bluecol'] == 'yes'"),
        N5,
    ),
    ("w-09", W, "ko", "블루칼라 아닌 사람들 평균 exp", "number", mean_where("exp", "df['bluecol'] == 'no'"), N5),
    (
        "w-10",
        W,
        "en",
        "how many black workers are married?",
        "number",
        "result = ((df['black'] == 'yes') & (df['married'] == 'yes')).sum()",
        N0,
    ),
    ("w-11", W, "ko", "결혼한 사람 평균 lwage", "number", mean_where("lwage", "df['married'] == 'yes'"), N5),
    (
        "w-12",
        W,
        "en",
        "average ed of workers not living in an smsa",
        "number",
        mean_where("ed", "df['smsa'] == 'no'"),
        N5,
    ),
    (
        "w-13",
        W,
        "en",
        "median lwage of unionized vs non-unionized workers",
        "table",
        "result = df.groupby('union')['lwage'].median()",
        N5,
    ),
    ("w-14", W, "en", "what would a worker with 20 years of experience earn?", "decline", "", {}),
    ("w-15", W, "ko", "노조에 가입하면 임금이 오르나?", "decline", "", {}),
    ("w-16", W, "ko", "미혼 노동자 수", "number", "result = (df['married'] == 'no').sum()", N0),
    # --- mofa: the sign of a net income ---------------------------------------------------------
    ("m-01", M, "en", "how many countries lost money?", "number", "result = (df['netinc'] < 0).sum()", N0),
    ("m-02", M, "ko", "적자 국가 수", "number", "result = (df['netinc'] < 0).sum()", N0),
    (
        "m-03",
        M,
        "en",
        "which country had the biggest loss?",
        "label",
        COUNTRY + "result = df['netinc'].dropna()",
        {"pick": "min"},
    ),
    ("m-04", M, "ko", "손실이 가장 큰 나라는?", "label", COUNTRY + "result = df['netinc'].dropna()", {"pick": "min"}),
    ("m-05", M, "en", "how many countries were profitable", "number", "result = (df['netinc'] > 0).sum()", N0),
    ("m-06", M, "ko", "흑자 낸 나라는 몇 개?", "number", "result = (df['netinc'] > 0).sum()", N0),
    (
        "m-07",
        M,
        "en",
        "total sales in countries with a net loss",
        "number",
        "result = df.loc[df['netinc'] < 0, 'sales'].sum()",
        N5,
    ),
    ("m-08", M, "ko", "순이익이 마이너스인 나라들의 평균 gdp", "number", mean_where("gdp", "df['netinc'] < 0"), N5),
    (
        "m-09",
        M,
        "en",
        "which country had the highest net income?",
        "label",
        COUNTRY + "result = df['netinc'].dropna()",
        {"pick": "max"},
    ),
    ("m-10", M, "ko", "적자인 나라들 평균 capexp", "number", mean_where("capexp", "df['netinc'] < 0"), N5),
    ("m-11", M, "en", "why did affiliates in some countries lose money?", "decline", "", {}),
    ("m-12", M, "ko", "내년 순이익 예측해줘", "decline", "", {}),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
