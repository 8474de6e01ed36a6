"""Category values a table keeps as short CODES, asked for by the words they stand for (session 19,
benchmarks/evalset35: anorexia's Cont/CBT/FT, Chile's sex, vote and region codes, crabs, PlantGrowth's
ctrl/trt1/trt2), through both renderers (pandas, and the dataset held in DuckDB):

* a code is spelled by the question's words: their initials ("orange juice" OJ, "vitamin c" VC,
  "post-secondary" PS) or the words it abbreviates as a column's name abbreviates them ("control"
  ctrl, "treatment 1" trt1); only the columns' own values are candidates, and the reply restates
  the words beside the code ("group = trt1 (treatment 1)");
* a one-letter code is read by the lexicon's bilingual words (female F, high H, north N) only beside
  the code of its opposite: M in a column with F is male, M alone in a region column is no man
  ("average age of men" had asked which of region and sex; with no sex column it had answered
  region = M); numbers are never read as codes of words (sex 1/2);
* a word the data reads as a value spells no abbreviated column ("how many female crabs" had
  counted the rows with an FL, 200, a wrong answer);
* "how many voted no" counts the rows of vote = N (it had answered vote's number of different
  values among them, 1: a wrong answer).
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
    root = tmp_path_factory.mktemp("coded")
    rng = np.random.default_rng(35)
    n = 240
    frames = {
        "plants": pd.DataFrame(
            {"weight": np.round(rng.uniform(3.5, 6.5, 30), 2), "group": np.repeat(["ctrl", "trt1", "trt2"], 10)}
        ),
        "teeth": pd.DataFrame(
            {
                "len": np.round(rng.uniform(4, 34, 60), 1),
                "supp": rng.choice(["VC", "OJ"], 60),
                "dose": rng.choice([0.5, 1.0, 2.0], 60),
            }
        ),
        "poll": pd.DataFrame(
            {
                "region": rng.choice(["C", "M", "N", "S", "SA"], n),
                "sex": rng.choice(["F", "M"], n),
                "education": rng.choice(["P", "PS", "S"], n),
                "age": rng.integers(18, 80, n),
                "vote": rng.choice(["Y", "N", "U", "A"], n),
            }
        ),
        "places": pd.DataFrame({"region": rng.choice(["C", "M", "N", "SA"], n), "age": rng.integers(18, 80, n)}),
        "votes": pd.DataFrame({"vote": rng.choice(["Y", "N", "U"], 100), "age": rng.integers(18, 80, 100)}),
        "coded": pd.DataFrame({"sex": rng.choice([1, 2], n), "age": rng.integers(18, 80, n)}),
        "crabs": pd.DataFrame(
            {
                "sp": rng.choice(["B", "O"], 200),
                "sex": rng.choice(["M", "F"], 200),
                "FL": np.round(rng.uniform(7, 23, 200), 1),
                "CW": np.round(rng.uniform(17, 54, 200), 1),
            }
        ),
        "looms": pd.DataFrame(
            {
                "breaks": rng.integers(10, 70, 54),
                "wool": rng.choice(["A", "B"], 54),
                "tension": rng.choice(["L", "M", "H"], 54),
            }
        ),
    }
    out = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_code_spelled_by_the_words_it_abbreviates(data, mode):
    frame, _ = data["plants"]
    answer = answered(data, "plants", "average weight in the control group", mode)
    assert states(first_line(answer), frame.loc[frame["group"] == "ctrl", "weight"].mean()), answer
    assert "ctrl (control)" in first_line(answer), answer
    answer = answered(data, "plants", "mean weight for treatment 1", mode)
    assert states(first_line(answer), frame.loc[frame["group"] == "trt1", "weight"].mean()), answer
    assert "trt1 (treatment 1)" in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_code_spelled_by_the_initials_of_its_words(data, mode):
    frame, _ = data["teeth"]
    answer = answered(data, "teeth", "average len for orange juice", mode)
    assert states(first_line(answer), frame.loc[frame["supp"] == "OJ", "len"].mean()), answer
    assert "OJ (orange juice)" in first_line(answer), answer
    answer = answered(data, "teeth", "maximum len with vitamin c", mode)
    assert states(first_line(answer), frame.loc[frame["supp"] == "VC", "len"].max()), answer
    frame, _ = data["poll"]
    answer = answered(data, "poll", "average age of people with post-secondary education", mode)
    assert states(first_line(answer), frame.loc[frame["education"] == "PS", "age"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_one_letter_code_is_read_beside_its_opposite(data, mode):
    frame, _ = data["poll"]
    answer = answered(data, "poll", "average age of men", mode)
    assert states(first_line(answer), frame.loc[frame["sex"] == "M", "age"].mean()), answer
    answer = answered(data, "poll", "how many respondents from the north", mode)
    assert states(first_line(answer), (frame["region"] == "N").sum(), 0), answer
    frame, _ = data["looms"]
    answer = answered(data, "looms", "average breaks with high tension", mode)
    assert states(first_line(answer), frame.loc[frame["tension"] == "H", "breaks"].mean()), answer
    assert "H (high)" in first_line(answer), answer
    # M alone in a region column is no man, N alone no north; numbers are no codes of words
    declined(data, "places", "average age of men", mode)
    declined(data, "places", "average age in the north", mode)
    declined(data, "coded", "how many women", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_word_read_as_a_value_spells_no_column(data, mode):
    frame, _ = data["crabs"]
    answer = answered(data, "crabs", "how many female crabs", mode)
    assert states(first_line(answer), (frame["sex"] == "F").sum(), 0), answer
    assert not states(first_line(answer), len(frame), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_column_before_its_value_is_no_count_of_its_values(data, mode):
    frame, _ = data["votes"]
    answer = answered(data, "votes", "how many voted no", mode)
    assert states(first_line(answer), (frame["vote"] == "N").sum(), 0), answer
