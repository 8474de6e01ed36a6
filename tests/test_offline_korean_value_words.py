"""Words Korean writes ON a category value, through both renderers (pandas, and the dataset held
in DuckDB). Found by benchmarks/evalset43 (vcd::Arthritis as 관절염_임상시험.csv: 투여군 위약/신약),
where each was declined:

* 군 (群, group) glued to a value is the rows of that value: "위약군 환자 중 ... 비율", "신약군
  환자 수" (the lexicon's `group_nouns`; a glued syllable only right after a value, so 군 stays
  unknown anywhere else);
* a verb of taking what the rows were given (the lexicon's `light_verbs`: 먹은, 복용한) beside the
  value: "신약 먹은 남자 환자 몇명?", "위약을 복용한 환자 평균 연령";
* 환자 of 환자번호 is the rows' own noun though the lexicon also has it as a concept.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("korean_value_words")
    rng = np.random.default_rng(84)
    n = 84
    trial = pd.DataFrame(
        {
            "환자번호": np.arange(1, n + 1),
            "투여군": rng.choice(["위약", "신약"], n),
            "성별": rng.choice(["여", "남"], n),
            "연령(세)": rng.integers(23, 75, n),
            "개선정도": rng.choice(["없음", "약간", "뚜렷"], n),
        }
    )
    trial.to_parquet(root / "관절염_임상시험.parquet")
    return {"_spill": root / "spill", "관절염_임상시험": (trial, root / "관절염_임상시험.parquet")}


@pytest.mark.parametrize("mode", MODES)
def test_a_group_syllable_glued_to_a_value_is_its_rows(data, mode):
    frame, _ = data["관절염_임상시험"]
    placebo = frame[frame["투여군"] == "위약"]
    line = first_line(answered(data, "관절염_임상시험", "위약군 환자 중 개선정도가 없음인 비율은?", mode))
    assert states(line, 100 * (placebo["개선정도"] == "없음").mean(), 1), line
    line = first_line(answered(data, "관절염_임상시험", "신약군 환자 수", mode))
    assert states(line, (frame["투여군"] == "신약").sum(), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_a_verb_of_taking_beside_the_value_adds_nothing(data, mode):
    frame, _ = data["관절염_임상시험"]
    line = first_line(answered(data, "관절염_임상시험", "신약 먹은 남자 환자 몇명?", mode))
    assert states(line, ((frame["투여군"] == "신약") & (frame["성별"] == "남")).sum(), 0), line
    line = first_line(answered(data, "관절염_임상시험", "위약을 복용한 환자 평균 연령", mode))
    assert states(line, frame.loc[frame["투여군"] == "위약", "연령(세)"].mean()), line
