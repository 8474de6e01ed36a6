"""Units as Korean files write them, through both renderers (pandas, and the dataset held in
DuckDB). Found by benchmarks/evalset43 (Ecdat::Clothing as 의류매장_매출.csv, MASS::quine as
학생_결석일수.csv), where each was declined:

* a currency in a header's brackets is the values' unit, not another name of the column:
  "연매출액(길더)" is in guilders (the lexicon's `currencies`), so "100만 길더 이상" is an amount
  compared with the column named before it (it had asked which of three columns in 길더 "길더" meant);
* "결석일수 20일 넘는 학생": a number of days after a measure named in days is a value of it,
  not the 20th day of a month (it had said the data has no dates); "20일 이후" stays a date.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered
from test_offline_plans import ask

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("korean_units")
    rng = np.random.default_rng(146)
    n = 200
    stores = pd.DataFrame(
        {
            "연매출액(길더)": rng.integers(100_000, 3_000_000, n),
            "점포 투자액(길더)": rng.integers(0, 500_000, n),
            "자동화 투자액(길더)": rng.integers(0, 400_000, n),
            "매장면적(㎡)": rng.integers(30, 900, n),
        }
    )
    pupils = pd.DataFrame(
        {"성별": rng.choice(["여", "남"], 146), "결석일수": rng.integers(0, 80, 146)},
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("의류매장_매출", stores), ("학생_결석일수", pupils)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_currency_in_brackets_is_the_unit_of_an_amount_asked(data, mode):
    frame, _ = data["의류매장_매출"]
    line = first_line(answered(data, "의류매장_매출", "연매출액이 100만 길더 이상인 매장 수", mode))
    assert states(line, (frame["연매출액(길더)"] >= 1_000_000).sum(), 0), line
    line = first_line(answered(data, "의류매장_매출", "평균 연매출은 얼마예요?", mode))
    assert states(line, frame["연매출액(길더)"].mean(), 0) and "길더" in line, line


@pytest.mark.parametrize("mode", MODES)
def test_days_after_a_measure_in_days_are_its_value(data, mode):
    frame, _ = data["학생_결석일수"]
    line = first_line(answered(data, "학생_결석일수", "결석일수 20일 넘는 학생 몇명이야", mode))
    assert states(line, (frame["결석일수"] > 20).sum(), 0), line
    line = first_line(answered(data, "학생_결석일수", "결석일수가 20일 이상인 학생 수", mode))
    assert states(line, (frame["결석일수"] >= 20).sum(), 0), line
    analysis, answer = ask(data, "학생_결석일수", "결석일수 20일 이후", mode)
    assert analysis.declined or not states(first_line(answer), (frame["결석일수"] > 20).sum(), 0), answer
