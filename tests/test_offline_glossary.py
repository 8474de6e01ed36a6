"""Korean questions about columns named in English words (the lexicon's `glossary` of data
vocabulary), through both renderers (pandas, and the dataset held in DuckDB):

* "평균 두께" of a column thickness, "연도별 총 고용" of emp (abbreviating employment), "습도가 가장
  높은 날" of humidity, "부채 중앙값" of debt: the Korean word reaches the column whose name holds
  (or abbreviates) its English word; each was declined as an unknown word; so were "성별 평균 어휘
  점수" (vocabulary) and "문해율 중앙값" (literacy), words of surveys, and "지역별 사고 합계", "부상자
  평균" (accidents, injuries);
* a word for a thing no column is named for stays unknown (declined).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("glossary")
    rng = np.random.default_rng(53)
    firms = pd.DataFrame(
        [
            (f, y, round(float(rng.uniform(1, 50)), 2), round(float(rng.uniform(0, 9)), 2))
            for f in range(1, 9)
            for y in (2001, 2002, 2003)
        ],
        columns=["firm", "year", "emp", "debt"],
    )
    lesions = pd.DataFrame({"thickness": np.round(rng.uniform(0.1, 8, 50), 2), "age": rng.integers(20, 90, 50)})
    days = pd.DataFrame(
        {
            "day": pd.date_range("2024-05-01", periods=30, freq="D"),
            "humidity": rng.integers(30, 99, 30),
            "wind": np.round(rng.uniform(0, 30, 30), 1),
        }
    )
    survey = pd.DataFrame(
        {
            "sex": rng.choice(["Female", "Male"], 80),
            "vocabulary": rng.integers(0, 11, 80),
            "literacy": rng.integers(20, 90, 80),
        }
    )
    roads = pd.DataFrame(
        {
            "district": rng.choice(["Gangnam", "Mapo", "Jongno"], 90),
            "accidents": rng.integers(0, 50, 90),
            "injuries": rng.integers(0, 80, 90),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("firms", firms), ("lesions", lesions), ("days", days), ("survey", survey), ("roads", roads)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_korean_word_reaches_the_column_named_by_its_english_word(data, mode):
    frame, _ = data["lesions"]
    assert states(first_line(answered(data, "lesions", "평균 두께", mode)), frame["thickness"].mean())
    frame, _ = data["firms"]
    answer = answered(data, "firms", "연도별 총 고용", mode)
    for year, total in frame.groupby("year")["emp"].sum().items():
        assert any(str(year) in x and states(x, total, 1) for x in answer.splitlines()), answer
    assert states(first_line(answered(data, "firms", "부채 중앙값", mode)), frame["debt"].median())
    frame, _ = data["days"]
    line = first_line(answered(data, "days", "습도가 가장 높은 날", mode))
    assert states(line, frame["humidity"].max(), 0), line
    frame, _ = data["survey"]
    answer = answered(data, "survey", "성별 평균 어휘 점수", mode)
    for sex, mean in frame.groupby("sex")["vocabulary"].mean().items():
        assert any(sex in x and states(x, mean) for x in answer.splitlines()), answer
    assert states(first_line(answered(data, "survey", "문해율 중앙값", mode)), frame["literacy"].median())
    frame, _ = data["roads"]
    answer = answered(data, "roads", "지역별 사고 합계", mode)
    for district, total in frame.groupby("district")["accidents"].sum().items():
        assert any(district in x and states(x, total) for x in answer.splitlines()), answer
    assert states(first_line(answered(data, "roads", "부상자 평균", mode)), frame["injuries"].mean())


@pytest.mark.parametrize("mode", MODES)
def test_a_korean_word_for_no_column_stays_unknown(data, mode):
    declined(data, "lesions", "평균 체온", mode)
