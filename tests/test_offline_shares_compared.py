"""Whose share is higher, asked of two groups: "are women more likely to volunteer than men?",
"is the share of volunteers higher among women than men?", "compare the volunteer rate of women
and men" (car's Cowles, a probe of session 25) had compared the NUMBERS of women and men who
volunteered (349 against 248, "40.7% higher": more women were asked), and the rate word
disappeared. A share word that is not a word of percent, or a yes/no column's rate, beside two
values of one column asks for the share within each group: both shares are given now, through
both renderers; "how many more women volunteered than men" still compares the numbers, and
"by what percent" still asks for a change in percent."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask_held as ask
from answers import first_line, held, states

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("shares_compared")
    rng = np.random.default_rng(7)
    # many more women than men, and the men volunteer more often: the counts and the shares
    # point opposite ways
    sex = np.array(["female"] * 700 + ["male"] * 300)
    p = np.where(sex == "female", 0.35, 0.55)
    survey = pd.DataFrame(
        {
            "neuroticism": rng.integers(0, 25, len(sex)),
            "sex": sex,
            "volunteer": np.where(rng.random(len(sex)) < p, "yes", "no"),
        }
    )
    return held(root, {"cowles": survey})


def _shares(d):
    return d.groupby("sex").volunteer.apply(lambda s: (s == "yes").mean() * 100)


@pytest.mark.parametrize("mode", MODES)
def test_more_likely_compares_shares_within_each_group(data, mode):
    d, _ = data["cowles"]
    shares = _shares(d)
    counts = d[d.volunteer == "yes"].sex.value_counts()
    assert counts["female"] > counts["male"] and shares["female"] < shares["male"]  # the data's point
    for question in (
        "are women more likely to volunteer than men?",
        "who is more likely to volunteer, men or women?",
        "is the share of volunteers higher among women than men?",
        "compare the volunteer rate of women and men",
    ):
        analysis, answer = ask(data, "cowles", question, mode)
        assert not analysis.declined, (question, answer)
        assert analysis.plan.kind == "share", (question, answer)
        assert states(answer, shares["female"], 1) and states(answer, shares["male"], 1), (question, answer)
        assert str(counts["female"]) not in first_line(answer), (question, answer)


@pytest.mark.parametrize("mode", MODES)
def test_numbers_compared_stay_numbers(data, mode):
    d, _ = data["cowles"]
    counts = d[d.volunteer == "yes"].sex.value_counts()
    analysis, answer = ask(data, "cowles", "how many more women volunteered than men?", mode)
    assert not analysis.declined and analysis.plan.kind == "compare", answer
    assert states(first_line(answer), counts["female"] - counts["male"]), answer
