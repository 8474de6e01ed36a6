"""Builds `dev/questions.jsonl` of the thirty-second evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset32/build.py

Written by helper s14a (Nov 2026, issue 14 round 18) before any code change, without reading the
planner's vocabulary: measures named by an ADJECTIVE or a question word rather than by their
column ("how tall", "the oldest", "cheaper than", "가장 비싼", "30세 미만", "얼마나 빨라"), with
comparatives and superlatives built on them, on four real public tables (see data/gen_data.py):
Galton's families (four height columns: "tallest" alone cannot say which), computers sold in
1993-95 (price, speed, hd, ram, screen), Scottish hill races (distance, climb, record time; race
names as R's row names) and a Canadian labour survey with Korean column names (나이, 시급).
About half in Korean. Declines: relations ("are heavier ... less ...", "does X make Y"), measures
the table lacks (height of survey respondents), and a dimension several columns could mean.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
G, C, H, S = "galton.csv", "computers.csv", "hills.csv", "slid_ko.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
CORR = {"rel_tol": 0.01, "abs_tol": 0.005}
RACES = "df = df.set_index('Unnamed: 0')\n"
SONS = "sons = df['gender'] == 'male'\n"
DAUGHTERS = "daughters = df['gender'] == 'female'\n"

QUESTIONS = [
    # --- Galton's families: heights in inches ----------------------------------------------------
    (
        "g-01",
        G,
        "en",
        "are sons taller than daughters on average?",
        "label",
        "result = df.groupby('gender')['childHeight'].mean()",
        {"pick": "max"},
    ),
    ("g-02", G, "en", "how tall is the tallest child?", "number", "result = df['childHeight'].max()", N5),
    (
        "g-03",
        G,
        "en",
        "how short is the shortest daughter",
        "number",
        DAUGHTERS + "result = df.loc[daughters, 'childHeight'].min()",
        N5,
    ),
    (
        "g-04",
        G,
        "en",
        "how many children are taller than 72 inches?",
        "number",
        "result = (df['childHeight'] > 72).sum()",
        N0,
    ),
    ("g-05", G, "en", "how tall was the tallest father", "number", "result = df['father'].max()", N5),
    ("g-06", G, "en", "what's the average height?", "decline", "", {}),
    ("g-07", G, "en", "do tall parents cause tall children?", "decline", "", {}),
    ("g-08", G, "ko", "아들들 평균 키는?", "number", SONS + "result = df.loc[sons, 'childHeight'].mean()", N5),
    (
        "g-09",
        G,
        "ko",
        "딸 중에 제일 키 큰 사람은 몇 인치?",
        "number",
        DAUGHTERS + "result = df.loc[daughters, 'childHeight'].max()",
        N5,
    ),
    (
        "g-10",
        G,
        "ko",
        "자녀 키가 60인치보다 작은 경우는 몇 명",
        "number",
        "result = (df['childHeight'] < 60).sum()",
        N0,
    ),
    (
        "g-11",
        G,
        "ko",
        "남자 아이와 여자 아이 중 누가 평균적으로 더 작아?",
        "label",
        "result = df.groupby('gender')['childHeight'].mean()",
        {"pick": "min"},
    ),
    ("g-12", G, "ko", "가장 키 작은 엄마의 키", "number", "result = df['mother'].min()", N5),
    ("g-13", G, "ko", "가장 키가 큰 사람", "decline", "", {}),
    ("g-14", G, "ko", "자녀들 몸무게 평균", "decline", "", {}),
    # --- computers, 1993-95 -----------------------------------------------------------------------
    ("c-01", C, "en", "how expensive is the most expensive computer?", "number", "result = df['price'].max()", N5),
    ("c-02", C, "en", "how fast is the fastest one", "number", "result = df['speed'].max()", N5),
    ("c-03", C, "en", "how many computers are cheaper than $1500", "number", "result = (df['price'] < 1500).sum()", N0),
    (
        "c-04",
        C,
        "en",
        "how expensive are computers with a cd drive on average?",
        "number",
        "result = df.loc[df['cd'] == 'yes', 'price'].mean()",
        N5,
    ),
    ("c-05", C, "en", "what's the biggest hard drive", "number", "result = df['hd'].max()", N5),
    ("c-06", C, "en", "are faster computers more expensive?", "number", "result = df['speed'].corr(df['price'])", CORR),
    ("c-07", C, "en", "how big are the computers?", "decline", "", {}),
    (
        "c-08",
        C,
        "en",
        "average price of computers slower than 33 mhz",
        "number",
        "result = df.loc[df['speed'] < 33, 'price'].mean()",
        N5,
    ),
    ("c-09", C, "en", "does more ram make a computer more expensive", "decline", "", {}),
    ("c-10", C, "ko", "가장 싼 컴퓨터 가격은?", "number", "result = df['price'].min()", N5),
    ("c-11", C, "ko", "컴퓨터들 평균적으로 얼마나 빨라?", "number", "result = df['speed'].mean()", N5),
    ("c-12", C, "ko", "3000달러보다 비싼 컴퓨터 몇 대?", "number", "result = (df['price'] > 3000).sum()", N0),
    ("c-13", C, "ko", "화면이 가장 큰 건 몇 인치야", "number", "result = df['screen'].max()", N5),
    (
        "c-14",
        C,
        "ko",
        "가장 빠른 컴퓨터들의 평균 가격",
        "number",
        "result = df.loc[df['speed'] == df['speed'].max(), 'price'].mean()",
        N5,
    ),
    ("c-15", C, "ko", "컴퓨터 무게가 제일 무거운 거", "decline", "", {}),
    (
        "c-16",
        C,
        "ko",
        "cd 있는 컴퓨터가 더 비싸? 평균 가격으로",
        "label",
        "result = df.groupby('cd')['price'].mean()",
        {"pick": "max"},
    ),
    # --- Scottish hill races ----------------------------------------------------------------------
    ("h-01", H, "en", "which is the longest race?", "label", RACES + "result = df['dist']", {"pick": "max"}),
    ("h-02", H, "en", "which race takes the longest time", "label", RACES + "result = df['time']", {"pick": "max"}),
    ("h-03", H, "en", "how far is the Ben Nevis race?", "number", RACES + "result = df.loc['Ben Nevis', 'dist']", N5),
    ("h-04", H, "en", "how long does Goatfell take?", "number", RACES + "result = df.loc['Goatfell', 'time']", N5),
    ("h-05", H, "en", "which race is the shortest", "label", RACES + "result = df['dist']", {"pick": "min"}),
    ("h-06", H, "en", "how many races are longer than 10 miles", "number", "result = (df['dist'] > 10).sum()", N0),
    ("h-07", H, "en", "which race is quickest to run", "label", RACES + "result = df['time']", {"pick": "min"}),
    (
        "h-08",
        H,
        "en",
        "do longer races have slower record times?",
        "number",
        "result = df['dist'].corr(df['time'])",
        CORR,
    ),
    ("h-09", H, "ko", "가장 긴 경주는 어디야?", "label", RACES + "result = df['dist']", {"pick": "max"}),
    ("h-10", H, "ko", "Lairig Ghru 경주는 몇 마일이야", "number", RACES + "result = df.loc['Lairig Ghru', 'dist']", N5),
    (
        "h-11",
        H,
        "ko",
        "5마일보다 짧은 경주들의 평균 기록",
        "number",
        "result = df.loc[df['dist'] < 5, 'time'].mean()",
        N5,
    ),
    ("h-12", H, "ko", "기록이 가장 빠른 경주", "label", RACES + "result = df['time']", {"pick": "min"}),
    ("h-13", H, "ko", "가장 가파른 경주의 우승자는 누구?", "decline", "", {}),
    ("h-14", H, "ko", "평균 거리는 얼마나 돼?", "number", "result = df['dist'].mean()", N5),
    # --- Canadian labour survey, Korean columns ---------------------------------------------------
    ("s-01", S, "en", "how old is the oldest person in the survey?", "number", "result = df['나이'].max()", N5),
    ("s-02", S, "en", "how many people are older than 60", "number", "result = (df['나이'] > 60).sum()", N0),
    ("s-03", S, "en", "how young is the youngest respondent", "number", "result = df['나이'].min()", N5),
    (
        "s-04",
        S,
        "en",
        "average hourly wage of people younger than 30",
        "number",
        "result = df.loc[df['나이'] < 30, '시급'].mean()",
        N5,
    ),
    ("s-05", S, "en", "how tall are the respondents on average?", "decline", "", {}),
    ("s-06", S, "en", "are older people paid more?", "number", "result = df['나이'].corr(df['시급'])", CORR),
    ("s-07", S, "ko", "가장 나이 많은 응답자는 몇 살?", "number", "result = df['나이'].max()", N5),
    ("s-08", S, "ko", "30세 미만 응답자 수", "number", "result = (df['나이'] < 30).sum()", N0),
    (
        "s-09",
        S,
        "ko",
        "남성과 여성 중 누가 평균적으로 나이가 더 많아?",
        "label",
        "result = df.groupby('성별')['나이'].mean()",
        {"pick": "max"},
    ),
    ("s-10", S, "ko", "65살 넘는 사람들 평균 시급", "number", "result = df.loc[df['나이'] > 65, '시급'].mean()", N5),
    ("s-11", S, "ko", "응답자들 평균 몇 살이야", "number", "result = df['나이'].mean()", N5),
    ("s-12", S, "ko", "교육을 더 받으면 시급이 오르나? 인과관계 알려줘", "decline", "", {}),
    ("s-13", S, "ko", "가장 젊은 여성은 몇 살", "number", "result = df.loc[df['성별'] == '여성', '나이'].min()", N5),
    (
        "s-14",
        S,
        "ko",
        "남자랑 여자 중 시급 더 많이 받는 쪽은?",
        "label",
        "result = df.groupby('성별')['시급'].mean()",
        {"pick": "max"},
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    write(HERE, rows)
