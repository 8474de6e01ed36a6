"""A column of the two sexes named otherwise, and verbs that only say the rows happened, through
both renderers (pandas, and the dataset held in DuckDB). On pscl's bioChemists (art: articles
published, fem: Men or Women, mar, kid5, phd: the prestige of the PhD department, ment):

* "average number of articles by gender" was declined ("gender" had no place): a column whose
  two values are the two sexes is the sex, whatever its name;
* "how many biochemists published no articles?" also gave the mean of phd, "published" being
  read as phd's consonants; a word of its own (phd, gpa, bmi) abbreviates no other word, and
  "published", "released" only say the rows' event happened.

On COUNT's rwm1984 (docvis, age and a 0/1 column named female): "average doctor visits by
gender" was declined; a yes/no column named by one sex is the sex, and "men" is its no side
("how many men" was declined).
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
    root = tmp_path_factory.mktemp("sex_by_values")
    rng = np.random.default_rng(17)
    n = 300
    chemists = pd.DataFrame(
        {
            "art": rng.poisson(1.7, n),
            "fem": rng.choice(["Men", "Women"], n),
            "mar": rng.choice(["Married", "Single"], n),
            "kid5": rng.integers(0, 3, n),
            "phd": np.round(rng.uniform(1, 5, n), 2),
            "ment": rng.poisson(8, n),
        }
    )
    films = pd.DataFrame(
        {
            "title": [f"Film {i}" for i in range(n)],
            "year": rng.integers(1980, 2006, n),
            "rating": np.round(rng.uniform(1, 10, n), 1),
        }
    )
    patients = pd.DataFrame(
        {"docvis": rng.poisson(3, n), "age": rng.integers(25, 65, n), "female": rng.integers(0, 2, n)}
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("chemists", chemists), ("films", films), ("patients", patients)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["average number of articles by gender", "average art by sex"])
def test_a_column_of_the_two_sexes_is_the_sex(data, mode, question):
    frame, _ = data["chemists"]
    answer = answered(data, "chemists", question, mode)
    for sex, mean in frame.groupby("fem")["art"].mean().items():
        assert any(sex in x and states(x, mean) for x in answer.splitlines()), answer


@pytest.mark.parametrize("mode", MODES)
def test_published_is_no_phd_and_only_says_the_rows_happened(data, mode):
    frame, _ = data["chemists"]
    answer = answered(data, "chemists", "how many chemists published no articles?", mode)
    assert "phd" not in answer, answer
    assert states(first_line(answer), int((frame["art"] == 0).sum())), answer
    frame, _ = data["films"]
    line = first_line(answered(data, "films", "how many films released after 2000 have a rating above 8?", mode))
    assert states(line, int(((frame["year"] > 2000) & (frame["rating"] > 8)).sum())), line


@pytest.mark.parametrize("mode", MODES)
def test_a_yes_no_column_named_by_one_sex(data, mode):
    frame, _ = data["patients"]
    answer = answered(data, "patients", "average doctor visits by gender", mode)
    for side, mean in frame.groupby("female")["docvis"].mean().items():
        assert any(f"{side}:" in x and states(x, mean) for x in answer.splitlines()), answer
    line = first_line(answered(data, "patients", "how many women", mode))
    assert states(line, int((frame["female"] == 1).sum())), line
    line = first_line(answered(data, "patients", "average age of men", mode))
    assert states(line, frame.loc[frame["female"] == 0, "age"].mean()), line
