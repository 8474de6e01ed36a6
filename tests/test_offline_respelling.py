"""Korean words respelt to the nearest word the analyst knows, through both renderers (pandas, and
the dataset held in DuckDB):

* a word the analyst does not know is respelt only into a word that means something of the
  data: 궤양이 (ulcer, of which the table has no column) was read as 고양이 (cat), a generic noun for rows, and
  "궤양이 있는 환자 수" counted every patient (a wrong answer, only noted in the reply); it is
  declined, as the word is unknown;
* a misspelt statistic is still respelt ("평군 나이": the mean age).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, ask

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("respelling")
    rng = np.random.default_rng(41)
    patients = pd.DataFrame(
        {
            "age": rng.integers(20, 90, 60),
            "thickness": np.round(rng.uniform(0.1, 9, 60), 2),
            "nodes": rng.integers(0, 6, 60),
        }
    )
    out = {"_spill": root / "spill"}
    patients.to_parquet(root / "patients.parquet")
    out["patients"] = (patients, root / "patients.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_an_unknown_word_is_never_respelt_into_a_generic_noun_for_rows(data, mode):
    frame, _ = data["patients"]
    analysis, answer = ask(data, "patients", "궤양이 있는 환자 수", mode)
    assert analysis.declined and "궤양" in answer, answer
    line = first_line(answered(data, "patients", "평군 나이", mode))
    assert states(line, frame["age"].mean()), line
