"""The evaluation sets' grader (benchmarks/evalset/grade.py) on two-way breakdowns (evalset49):
a `table2` expectation is met by a long table (a line per combination) or a wide pivot either
way round, Markdown or plain; a `pair` by the winning combination named first."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks" / "evalset"))

from grade import grade  # noqa: E402

EXPECT = {
    "kind": "table2",
    "rel_tol": 0.005,
    "dims": ["sex", "volunteer"],
    "cells": [["female", "no", 12.01], ["female", "yes", 12.93], ["male", "no", 11.91], ["male", "yes", 12.95]],
}


def test_a_long_table_states_every_combination():
    answer = "Mean extraversion by sex and volunteer:\n\n- female, no: 12.01\n- female, yes: 12.93\n- male · no: 11.91\n- male · yes: 12.95"
    assert grade(EXPECT, answer, False, 0, "") == "correct"


def test_a_wide_pivot_either_way_round():
    wide = (
        "Mean extraversion:\n\n| sex | no | yes |\n|---|---|---|\n| female | 12.01 | 12.93 |\n| male | 11.91 | 12.95 |"
    )
    turned = "Mean extraversion:\n\n| volunteer | female | male |\n|---|---|---|\n| no | 12.01 | 11.91 |\n| yes | 12.93 | 12.95 |"
    plain = "Mean extraversion\n            no     yes\nfemale 12.01 12.93\nmale   11.91 12.95"
    for answer in (wide, turned, plain):
        assert grade(EXPECT, answer, False, 0, "") == "correct"


def test_a_cell_under_the_wrong_column_is_wrong():
    swapped = (
        "Mean extraversion:\n\n| sex | yes | no |\n|---|---|---|\n| female | 12.01 | 12.93 |\n| male | 11.91 | 12.95 |"
    )
    assert grade(EXPECT, swapped, False, 0, "") == "wrong"
    one_way = "Mean extraversion by sex:\n\n- female: 12.4\n- male: 12.4"
    assert grade(EXPECT, one_way, False, 0, "") == "wrong"


PAIR = {"kind": "pair", "pick": "max", "value": ["female", "yes"], "others": [["female", "no"], ["male", "no"]]}


def test_a_pair_is_both_labels_of_the_winner_first():
    assert grade(PAIR, "female volunteers (yes) have the highest mean: 12.9", False, 0, "") == "correct"
    assert grade(PAIR, "female, no: 12.9 (then female, yes)", False, 0, "") == "wrong"
    assert grade(PAIR, "female has the highest mean", False, 0, "") == "wrong"
