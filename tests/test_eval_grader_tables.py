"""The evaluation sets' grader (benchmarks/evalset/grade.py) on per-group tables whose group names
are numbers: a group's value written like its name ("3: 3", the mean vocabulary of the people with
3 years of education in evalset41 v-05) is still read as the value."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks" / "evalset"))

from grade import grade  # noqa: E402

EXPECT = {"kind": "table", "rel_tol": 0.005, "value": {"2": 3.75, "3": 3.0, "4": 2.857}}


def test_a_value_written_like_its_group_name_is_read():
    answer = "Mean of vocabulary by education (3 groups):\n\n- 2: 3.75\n- 3: 3\n- 4: 2.86"
    assert grade(EXPECT, answer, False, 0, "") == "correct"


def test_the_group_name_alone_is_still_no_value():
    answer = "Mean of vocabulary by education (3 groups):\n\n- 2: 3.75\n- 3: n/a\n- 4: 2.86"
    assert grade(EXPECT, answer, False, 0, "") == "wrong"
    answer = "Mean of vocabulary by education (3 groups):\n\n- 2: 3.75\n- 3: 2.5\n- 4: 2.86"
    assert grade(EXPECT, answer, False, 0, "") == "wrong"
