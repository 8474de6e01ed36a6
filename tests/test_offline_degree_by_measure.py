"""A degree word before the rows' noun with the measure after "by", through both renderers (pandas,
and the dataset held in DuckDB). On HistData's Guerry (French departments, their Area, Region,
Literacy): "largest department by area" was declined ("Highest Area", with "largest" left over),
and "smallest department by area" must rank the other way. With fewer departments than a column
of categories may hold values (40), "by area" had grouped by Area, one row a group.

On the same table "지역별 평균 문해율" (지역 is a region to the lexicon, and so is Area) was declined
for grouping by Area, a measured number of many values, where Region, a category said as well, is
the only grouping there can be.
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
    root = tmp_path_factory.mktemp("degree_by_measure")
    rng = np.random.default_rng(11)
    n = 40
    departments = pd.DataFrame(
        {
            "Department": [
                a + b
                for a in ("Haute", "Basse", "Mont", "Val", "Bois")
                for b in ("rive", "lac", "mer", "pont", "vigne", "roche", "plaine", "combe")
            ],
            "Region": rng.choice(list("NSEWC"), n),
            "Literacy": rng.integers(10, 75, n),
            "Area": rng.permutation(np.arange(700, 700 + 230 * n, 230)),
        }
    )
    out = {"_spill": root / "spill"}
    departments.to_parquet(root / "departments.parquet")
    out["departments"] = (departments, root / "departments.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question,high",
    [
        ("largest department by area", True),
        ("which department is the biggest by area?", True),
        ("smallest department by area", False),
    ],
)
def test_the_degree_word_ranks_by_the_measure_after_by(data, mode, question, high):
    frame, _ = data["departments"]
    row = frame.loc[frame["Area"].idxmax() if high else frame["Area"].idxmin()]
    line = first_line(answered(data, "departments", question, mode))
    assert row["Department"] in line and states(line, row["Area"]), line


@pytest.mark.parametrize("mode", MODES)
def test_a_number_of_the_smallest_by_a_measure(data, mode):
    frame, _ = data["departments"]
    answer = answered(data, "departments", "the 3 smallest departments by area", mode)
    smallest = frame.nsmallest(3, "Area")["Department"].tolist()
    listed = [x for x in answer.splitlines() if x.strip()[:2] in ("1.", "2.", "3.")]
    assert [next(d for d in smallest if d in x) for x in listed] == smallest, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_grouping_word_of_a_category_and_a_measure_groups_by_the_category(data, mode):
    frame, _ = data["departments"]
    answer = answered(data, "departments", "지역별 평균 문해율", mode)
    lines = answer.splitlines()
    assert "Region" in lines[0], answer
    for region, mean in frame.groupby("Region")["Literacy"].mean().items():
        assert any(f"{region}:" in x and states(x, mean) for x in lines), answer
    # the column named in full is no region: grouping by it is declined, never by Region
    declined(data, "departments", "average literacy by area", mode)
