"""A column of numbers that IDENTIFY the rows, named in Korean (환자번호, 회원코드): Korean glues the
id word to its noun where English writes patient_id, so the name's END is the test (the lexicon's
`code_names` and `id_words`), through both renderers (pandas, and the dataset held in DuckDB).
Found by benchmarks/evalset43 (Korean users' own files: vcd::Arthritis as 관절염_임상시험.csv):

* "환자는 총 몇 명이야?", "How many patients are older than 60?" had answered the SUM of 환자번호
  (3,570 for 84 patients): a wrong answer. The patients are the rows; a number that names a
  patient adds up to nothing and averages to nothing;
* "성별 환자수" (the noun and 수 glued) counts the rows per group, as "성별 환자 수" does.
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
    root = tmp_path_factory.mktemp("korean_ids")
    rng = np.random.default_rng(43)
    n = 84
    trial = pd.DataFrame(
        {
            "환자번호": rng.permutation(np.arange(1, n + 1)),
            "투여군": rng.choice(["위약", "신약"], n),
            "성별": rng.choice(["여", "남"], n, p=[0.7, 0.3]),
            "연령(세)": rng.integers(23, 75, n),
        }
    )
    out = {"_spill": root / "spill"}
    trial.to_parquet(root / "관절염_임상시험.parquet")
    out["관절염_임상시험"] = (trial, root / "관절염_임상시험.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_the_things_an_id_column_names_are_counted_as_rows(data, mode):
    frame, _ = data["관절염_임상시험"]
    for question, expected in (
        ("환자는 총 몇 명이야?", len(frame)),
        ("신약 투여군 환자 수는?", (frame["투여군"] == "신약").sum()),
        ("How many patients are older than 60?", (frame["연령(세)"] > 60).sum()),
    ):
        line = first_line(answered(data, "관절염_임상시험", question, mode))
        assert states(line, expected, 0), (question, line)
        assert "환자번호" not in line, (question, line)  # never its total


@pytest.mark.parametrize("mode", MODES)
def test_an_id_column_is_no_measure_beside_the_one_asked(data, mode):
    frame, _ = data["관절염_임상시험"]
    line = first_line(answered(data, "관절염_임상시험", "여자 환자들 평균 연령은 얼마예요?", mode))
    assert states(line, frame.loc[frame["성별"] == "여", "연령(세)"].mean()), line
    assert "환자번호" not in line, line


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["성별 환자수", "성별 환자 수"])
def test_a_noun_glued_to_su_counts_the_rows_per_group(data, mode, question):
    frame, _ = data["관절염_임상시험"]
    answer = answered(data, "관절염_임상시험", question, mode)
    counts = frame["성별"].value_counts()
    for sex, count in counts.items():
        assert any(sex in line and states(line, count, 0) for line in answer.splitlines()), answer


@pytest.fixture(scope="module")
def numbered(tmp_path_factory):
    root = tmp_path_factory.mktemp("korean_row_numbers")
    rng = np.random.default_rng(400)
    n = 50
    stores = pd.DataFrame({"순번": np.arange(1, n + 1), "연매출액(원)": rng.permutation(np.arange(n)) * 1000 + 5000})
    stores.to_parquet(root / "매장_매출.parquet")
    return {"_spill": root / "spill", "매장_매출": (stores, root / "매장_매출.parquet")}


@pytest.mark.parametrize("mode", MODES)
def test_the_column_numbering_the_rows_names_them_and_measures_nothing(numbered, mode):
    """순번, 연번 (Excel's first column, 1..n): the rows' names ("연매출 상위 3개 매장의 순번" lists
    them by it), never a measure ("순번 평균" is declined: 25.5 means nothing)."""
    frame, _ = numbered["매장_매출"]
    answer = answered(numbered, "매장_매출", "연매출 상위 3개 매장의 순번", mode)
    top = frame.nlargest(3, "연매출액(원)")
    lines = [ln for ln in answer.splitlines() if ln.strip()][1:4]
    for line, (_, row) in zip(lines, top.iterrows()):
        assert f"{row['순번']}:" in line and states(line, row["연매출액(원)"], 0), answer
    analysis, _ = ask(numbered, "매장_매출", "순번 평균", mode)
    assert analysis.declined
