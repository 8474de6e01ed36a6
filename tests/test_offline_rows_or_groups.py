"""A count of things that are not the rows' own, on data with things at two levels: hospital
stays (the rows) grouped by a provider number (provnum, 40 providers on 600 stays). "How many
hospitals are there?" had counted the stays (COUNT's medpar, a probe of session 25): nothing said
hospitals were the rows, and an identifier column numbered something else. Such a count is
declined now with both numbers in the reply, through both renderers; people stay the rows of
data about people ("how many patients died"), events stay the rows of data about events ("how
many orders"), and a table with no such identifier still counts its rows for any noun ("how many
houses"; medicaid, a name that only ends in "id", is none, nor numRooms, a count)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask_held as ask
from answers import first_line, held, states

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("rows_or_groups")
    rng = np.random.default_rng(25)
    n = 600
    stays = pd.DataFrame(
        {
            "los": rng.integers(1, 40, n),
            "died": rng.integers(0, 2, n),
            "hmo": rng.integers(0, 2, n),
            "provnum": rng.choice(np.arange(30001, 30041), n),
        }
    )
    shops = pd.DataFrame(
        {
            "store_id": rng.choice([f"S{k:02d}" for k in range(12)], n),
            "amount": np.round(rng.uniform(5, 300, n), 2),
        }
    )
    houses = pd.DataFrame(
        {
            "price": rng.integers(30000, 190000, 300),
            "bedrooms": rng.integers(1, 7, 300),
            "lotsize": rng.integers(1500, 12000, 300),
            "medicaid": rng.choice(["none", "partial", "full"], 300),
            # a word of number first says a count (numGroups of HistData's Quarrels), no identifier
            "numRooms": rng.integers(2, 9, 300),
        }
    )
    return held(root, {"medpar": stays, "receipts": shops, "housing": houses})


@pytest.mark.parametrize("mode", MODES)
def test_things_an_identifier_may_number_are_not_counted_as_rows(data, mode):
    d, _ = data["medpar"]
    for question in ("how many hospitals are there?", "병원은 몇 개인가요?"):
        analysis, answer = ask(data, "medpar", question, mode)
        assert analysis.declined, (question, answer)
        # both readings are offered: the rows and the identifier's different values
        assert "600" in answer and "provnum" in answer and "40" in answer, (question, answer)
    s, _ = data["receipts"]
    analysis, answer = ask(data, "receipts", "how many stores are there?", mode)
    # a column named for the thing is that thing: its different values are counted
    assert not analysis.declined, answer
    assert states(first_line(answer), s.store_id.nunique()), answer
    analysis, answer = ask(data, "receipts", "how many products are there?", mode)
    assert analysis.declined and "store_id" in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_people_and_tables_with_no_identifier_still_count_rows(data, mode):
    d, _ = data["medpar"]
    for question, value in (
        ("how many patients died?", (d.died == 1).sum()),
        ("how many patients are there?", len(d)),
        ("how many different provnum values are there?", d.provnum.nunique()),
    ):
        analysis, answer = ask(data, "medpar", question, mode)
        assert not analysis.declined, (question, answer)
        assert states(first_line(answer), value), (question, answer)
    h, _ = data["housing"]
    analysis, answer = ask(data, "housing", "how many houses are there?", mode)
    assert not analysis.declined and states(first_line(answer), len(h)), answer
    # the rows of one identified thing are counted as they are
    s, _ = data["receipts"]
    analysis, answer = ask(data, "receipts", "how many products are in store S03?", mode)
    assert not analysis.declined and "S03" in first_line(answer), answer
    assert states(first_line(answer), (s.store_id == "S03").sum()), answer
    # events are one row each, whoever's they are
    s, _ = data["receipts"]
    analysis, answer = ask(data, "receipts", "how many orders are there?", mode)
    assert not analysis.declined and states(first_line(answer), len(s)), answer
    # a name that only ends in an id word's letters is no identifier (medicaid: a plan, 3 kinds)
    analysis, answer = ask(data, "housing", "how many loans are there?", mode)
    assert not analysis.declined and states(first_line(answer), len(h)), answer
