"""A column named with a word for drawing a chart, through both renderers (pandas, and the dataset
held in DuckDB). MASS's painters rates each painter's Composition, Drawing, Colour and Expression:
"average drawing score by school" was declined ("Number of rows by School", the word taken for
"draw a chart" and the measure dropped); the column named in full is the measure, and the chart
is the one the plan draws anyway.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import states
from test_offline_context import answered

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("chart_word_columns")
    rng = np.random.default_rng(7)
    n = 54
    painters = pd.DataFrame(
        {
            "painter": [f"P{i}" for i in range(n)],
            "Composition": rng.integers(0, 19, n),
            "Drawing": rng.integers(6, 19, n),
            "Colour": rng.integers(0, 19, n),
            "Expression": rng.integers(0, 19, n),
            "School": rng.choice(list("ABCDEFGH"), n),
        }
    )
    out = {"_spill": root / "spill"}
    painters.to_parquet(root / "painters.parquet")
    out["painters"] = (painters, root / "painters.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["average drawing score by school", "plot average Drawing by School"])
def test_a_column_named_drawing_is_the_measure(data, mode, question):
    frame, _ = data["painters"]
    answer = answered(data, "painters", question, mode)
    assert "Mean of Drawing by School" in answer, answer
    lines = answer.splitlines()
    for school, mean in frame.groupby("School")["Drawing"].mean().items():
        assert any(f"{school}:" in x and states(x, mean) for x in lines), answer
