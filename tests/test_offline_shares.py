"""Shares, proportions and comparisons between groups (session 20, benchmarks/evalset37: UC
Berkeley admissions, chickwts, Wages1, MASS Insurance), through both renderers (pandas, and the
dataset held in DuckDB):

* a group's label that Markdown reads as the start of a block is escaped in a list ("- >35: 2,065"
  showed a quote of "35": the age band lost its '>', and the answer named a group that is not in
  the data).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_offline_context import answered

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("shares")
    rng = np.random.default_rng(37)
    n = 64
    frames = {
        "insurance": pd.DataFrame(
            {
                "District": np.repeat([1, 2, 3, 4], 16),
                "Group": np.tile(np.repeat(["<1l", "1-1.5l", "1.5-2l", ">2l"], 4), 4),
                "Age": np.tile(["<25", "25-29", "30-35", ">35"], 16),
                "Holders": rng.integers(3, 400, n),
                "Claims": rng.integers(0, 60, n),
            }
        ),
    }
    out = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_label_markdown_reads_as_a_block_is_escaped_in_a_list(data, mode):
    frame, _ = data["insurance"]
    answer = answered(data, "insurance", "total claims by age", mode)
    sums = frame.groupby("Age")["Claims"].sum()
    lines = answer.splitlines()
    assert not any(ln.startswith("- >") for ln in lines), answer
    assert f"- \\>35: {sums['>35']:,}" in lines, answer
    assert f"- <25: {sums['<25']:,}" in lines, answer
