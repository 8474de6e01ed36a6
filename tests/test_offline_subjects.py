"""What a question is about, through both renderers (pandas, and the dataset held in DuckDB):

* "how many patients are there" of a trial with each patient in two rows (R's sleep: extra,
  group, ID) is the number of different IDs (it counted the rows: 20 for 10 patients), said so
  in the reply; "how many rows" still counts rows;
* "꽃받침 너비가 가장 넓은 품종은?": an adjective giving the direction of a measure named before it
  asks which species has the widest sepals on average, as "가장 긴" and the English question do
  (it picked the one widest flower and named its species).
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
    root = tmp_path_factory.mktemp("subjects")
    rng = np.random.default_rng(5)
    trial = pd.DataFrame(
        {
            "extra": np.round(rng.normal(1, 1.5, 24), 1),
            "group": np.repeat([1, 2], 12),
            "ID": np.tile(np.arange(1, 13), 2),
        }
    )
    # one flower of the species with the narrower sepals on average is the widest of all
    flowers = pd.DataFrame(
        {
            "Sepal.Width": [3.0, 3.1, 3.2, 3.0, 2.6, 2.7, 4.5, 2.5, 3.3, 3.4, 3.5, 3.3],
            "Species": ["alba"] * 4 + ["nigra"] * 4 + ["rubra"] * 4,
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("sleep_trial", trial), ("flowers", flowers)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_things_of_a_repeated_id_are_its_different_values(data, mode):
    frame, _ = data["sleep_trial"]
    answer = answered(data, "sleep_trial", "how many patients are there?", mode)
    assert states(first_line(answer), frame["ID"].nunique(), 0), answer
    assert "ID" in answer, answer
    line = first_line(answered(data, "sleep_trial", "how many rows are there?", mode))
    assert states(line, len(frame), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_an_adjective_of_a_named_measure_asks_for_the_group(data, mode):
    frame, _ = data["flowers"]
    means = frame.groupby("Species")["Sepal.Width"].mean()
    widest_row = frame.loc[frame["Sepal.Width"].idxmax(), "Species"]
    assert means.idxmax() != widest_row
    line = first_line(answered(data, "flowers", "꽃받침 너비가 가장 넓은 품종은?", mode))
    assert means.idxmax() in line and widest_row not in line and states(line, means.max()), line
