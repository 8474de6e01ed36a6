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


LONG = {"kind": "table", "rel_tol": 0, "value": {str(1871 + k): float(k * 3 % 50) for k in range(60)}}


def _listing(shown: int, more: str) -> str:
    lines = [f"- {1871 + k}: {k * 3 % 50}" for k in range(shown)]
    return "year별 hr 합계 (60개 그룹):\n\n" + "\n".join(lines) + f"\n- … {more}"


def test_a_listing_cut_short_says_how_many_it_leaves_out():
    # the analyst lists the first groups and leaves the rest to the chart and the code's output
    # ("- … 외 87개", "- … and 87 more"): right when every listed value is right and exactly that
    # many groups are left out (evalset27 b-02, 137 years, had been graded wrong)
    assert grade(LONG, _listing(50, "외 10개"), False, 1, "") == "correct"
    assert grade(LONG, _listing(50, "and 10 more (see the chart and the code's output)"), False, 1, "") == "correct"
    assert grade(LONG, _listing(50, "외 9개"), False, 1, "") == "wrong"  # a count that does not add up
    wrong_value = _listing(50, "외 10개").replace("- 1875: 12", "- 1875: 13")
    assert grade(LONG, wrong_value, False, 1, "") == "wrong"
    cut = _listing(50, "").removesuffix("\n- … ")
    assert grade(LONG, cut, False, 1, "") == "wrong"  # cut with no word of it
