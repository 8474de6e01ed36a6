"""What a question is about, through both renderers (pandas, and the dataset held in DuckDB):

* "how many patients are there" of a trial with each patient in two rows (R's sleep: extra,
  group, ID) is the number of different IDs (it counted the rows: 20 for 10 patients), said so
  in the reply; "how many rows" still counts rows;
* "꽃받침 너비가 가장 넓은 품종은?": an adjective giving the direction of a measure named before it
  asks which species has the widest sepals on average, as "가장 긴" and the English question do
  (it picked the one widest flower and named its species);
* "how many airlines are there" of a panel whose column `airline` numbers the airlines 1-6: the
  different airlines (it added the numbers up: 315); a column of whole numbers under the singular
  name of a kind of thing numbers those things;
  so does a panel of firms each followed for some of the years only (1,031 rows of 140 firms by 9
  years: "how many firms" counted the rows, "how many firms in each sector" the rows per sector),
  and of subjects by a column of days numbered 0-9 ("how many subjects": it added the subjects'
  numbers up); such numbers are never added up or averaged: "total herd" is declined saying how
  to ask, and "average herd size" is the mean size (it was the mean herd number too);
* "average reaction time by day" over a column `Days` of whole numbers groups by it (it was
  declined: no dates);
* "average years of schooling by ethnicity" beside a `year` column: the mean of `school` (it was
  the mean of the years, 1,984).
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
    airlines = pd.DataFrame(
        [(a, y, int(rng.integers(100, 900))) for a in range(1, 7) for y in range(1, 16)],
        columns=["airline", "year", "cost"],
    )
    men = pd.DataFrame(
        {
            "nr": np.repeat(np.arange(1, 31), 3),
            "year": np.tile([1980, 1981, 1982], 30),
            "school": np.repeat(rng.integers(8, 17, 30), 3),
            "ethn": np.repeat(rng.choice(["black", "hisp", "other"], 30), 3),
            "wage": np.round(rng.uniform(1, 3, 90), 2),
        }
    )
    wages = pd.DataFrame(
        {
            "exper": rng.integers(1, 20, 80),
            "school": rng.integers(8, 17, 80),
            "wage": np.round(rng.uniform(2, 9, 80), 2),
        }
    )
    # firms followed over years, each for some of them only (an unbalanced panel, as firm data is)
    firms = pd.DataFrame(
        [
            (f, y, int(rng.integers(1, 6)), round(float(rng.uniform(1, 40)), 2))
            for f in range(1, 41)
            for y in range(1990, 1990 + int(rng.integers(4, 9)))
        ],
        columns=["firm", "year", "sector", "emp"],
    )
    # subjects measured on days 0-9 of a study (the days numbered, no dates), and herds observed
    # in four periods with their size and new cases
    study = pd.DataFrame(
        [(int(s), d, round(float(250 + 10 * d + rng.normal(0, 30)), 1)) for s in range(300, 318) for d in range(10)],
        columns=["Subject", "Days", "Reaction"],
    )
    herds = pd.DataFrame(
        [(h, p, int(rng.integers(5, 30)), int(rng.integers(0, 6))) for h in range(1, 16) for p in range(1, 5)],
        columns=["herd", "period", "size", "incidence"],
    ).iloc[:-3]
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("firms", firms),
        ("study", study),
        ("herds", herds),
        ("sleep_trial", trial),
        ("flowers", flowers),
        ("airlines", airlines),
        ("males", men),
        ("wages", wages),
    ):
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


@pytest.mark.parametrize("mode", MODES)
def test_numbers_under_the_name_of_a_thing_name_those_things(data, mode):
    frame, _ = data["airlines"]
    line = first_line(answered(data, "airlines", "how many airlines are there?", mode))
    assert states(line, frame["airline"].nunique(), 0) and not states(line, frame["airline"].sum(), 0), line
    answer = answered(data, "airlines", "total cost by airline", mode)
    for airline, total in frame.groupby("airline")["cost"].sum().items():
        assert any(states(x, total, 0) for x in answer.splitlines()), (airline, answer)
    # a column named school holding years of schooling (no panel with a time column) is a measure
    frame, _ = data["wages"]
    line = first_line(answered(data, "wages", "교육 연수가 12년 이상인 근로자 비율", mode))
    assert states(line, (frame["school"] >= 12).mean() * 100, 1), line


@pytest.mark.parametrize("mode", MODES)
def test_years_of_a_measure_name_the_measure(data, mode):
    frame, _ = data["males"]
    answer = answered(data, "males", "average years of schooling by ethnicity", mode)
    for ethn, mean in frame.groupby("ethn")["school"].mean().items():
        assert any(ethn in x and states(x, mean) for x in answer.splitlines()), answer
    line = first_line(answered(data, "males", "average years of schooling", mode))
    assert states(line, frame["school"].mean()), line


@pytest.mark.parametrize("mode", MODES)
def test_numbered_things_of_an_unbalanced_panel_or_by_numbered_days_are_counted_apart(data, mode):
    frame, _ = data["firms"]
    assert frame.groupby("firm").size().nunique() > 1  # (firms followed for different spans)
    line = first_line(answered(data, "firms", "how many firms are in the data?", mode))
    assert states(line, frame["firm"].nunique(), 0) and not states(line, len(frame), 0), line
    answer = answered(data, "firms", "how many firms in each sector?", mode)
    for sector, n in frame.groupby("sector")["firm"].nunique().items():
        rows = int((frame["sector"] == sector).sum())
        line = next(x for x in answer.splitlines() if x.strip().startswith(f"- {sector}:"))
        assert states(line, n, 0) and (rows == n or not states(line, rows, 0)), answer
    frame, _ = data["study"]
    line = first_line(answered(data, "study", "how many subjects are there?", mode))
    assert states(line, frame["Subject"].nunique(), 0) and not states(line, frame["Subject"].sum(), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_numbers_naming_things_are_never_added_up_or_averaged(data, mode):
    frame, _ = data["herds"]
    line = first_line(answered(data, "herds", "how many herds?", mode))
    assert states(line, frame["herd"].nunique(), 0), line
    analysis, answer = ask(data, "herds", "total herd", mode)
    assert analysis.declined and "how many different herd" in answer, answer
    answer = answered(data, "herds", "average herd size", mode)
    assert states(first_line(answer), frame["size"].mean()) and not states(answer, frame["herd"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_by_day_groups_by_a_column_of_numbered_days(data, mode):
    frame, _ = data["study"]
    answer = answered(data, "study", "average reaction time by day", mode)
    for day, mean in frame.groupby("Days")["Reaction"].mean().items():
        assert any(x.strip().startswith(f"- {day}:") and states(x, mean, 1) for x in answer.splitlines()), answer
