"""An indicator of a long statistics table named by a word of each of its two concepts, through
both renderers (pandas, and the dataset held in DuckDB).

A long table (시도, 연도, 항목, 값; date, series, value) names its measures in one column. A value
such as 실업률 carries two concepts (unemployment and rate), and a question said it in the other
language with a word of each: "average unemployment rate by region" of 항목 = 실업률 was declined
(only a single form carrying both, "jobless rate", named it), and "2020년 평균 실업률" of the series
"Unemployment rate" read 실업 as the series "Unemployed" and declined on 률. A word of each concept,
in either order, names the value; where several values fit what is said, the one carrying most of
it is meant ("employment rate": 고용률, not 취업자, the employed, who carry only employment).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask_held as ask
from answers import first_line, held, states

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("indicators")
    rng = np.random.default_rng(4)
    rows = []
    for region in ("서울", "부산", "대구"):
        for year in range(2018, 2023):
            rows += [
                (region, year, "취업자", "천명", float(rng.integers(1000, 5000))),
                (region, year, "실업자", "천명", float(rng.integers(30, 300))),
                (region, year, "실업률", "%", round(float(rng.uniform(2, 6)), 1)),
                (region, year, "고용률", "%", round(float(rng.uniform(55, 65)), 1)),
            ]
    korean = pd.DataFrame(rows, columns=["시도", "연도", "항목", "단위", "값"])
    dates = pd.date_range("2019-01-01", periods=36, freq="MS")
    series = []
    for d in dates:
        series += [
            (d, "Unemployment rate", round(float(rng.uniform(3, 9)), 1)),
            (d, "Unemployed", float(rng.integers(5000, 20000))),
            (d, "Nonfarm payrolls", float(rng.integers(140000, 155000))),
        ]
    english = pd.DataFrame(series, columns=["date", "series", "value"])
    return held(root, {"labour_ko": korean, "bls": english})


@pytest.mark.parametrize("mode", MODES)
def test_a_word_of_each_concept_names_the_indicator(data, mode):
    d, _ = data["labour_ko"]
    rate = d[d["항목"] == "실업률"]
    analysis, answer = ask(data, "labour_ko", "average unemployment rate by region", mode)
    assert not analysis.declined, answer
    assert "실업률" in answer and all(states(answer, v, 2) for v in rate.groupby("시도")["값"].mean()), answer
    analysis, answer = ask(data, "labour_ko", "average unemployment rate in 부산", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), rate[rate["시도"] == "부산"]["값"].mean(), 2), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_value_carrying_most_of_what_is_said(data, mode):
    d, _ = data["labour_ko"]
    analysis, answer = ask(data, "labour_ko", "employment rate in 2020", mode)
    assert not analysis.declined, answer
    assert "고용률" in answer and "취업자" not in answer, answer
    picked = d[(d["항목"] == "고용률") & (d["연도"] == 2020)]["값"]
    assert all(states(answer, v, 1) for v in picked), answer


@pytest.mark.parametrize("mode", MODES)
def test_korean_rate_of_an_english_series(data, mode):
    d, _ = data["bls"]
    rate = d[d.series == "Unemployment rate"]
    analysis, answer = ask(data, "bls", "2020년 평균 실업률은?", mode)
    assert not analysis.declined, answer
    assert "Unemployment rate" in answer, answer
    assert states(first_line(answer), rate[rate.date.dt.year == 2020].value.mean(), 2), answer
    analysis, answer = ask(data, "bls", "average unemployment rate in 2020", mode)
    assert not analysis.declined and "Unemployment rate" in answer, answer
