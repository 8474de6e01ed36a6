"""Everyday first questions of a table (session 24, benchmarks/evalset45: a second fresh
generalization probe, on lme4's grouseticks, rpart's solder, psych's affect, Ecdat's Journals and
geepack's dietox), through both renderers (pandas, and the dataset held in DuckDB):

* "Which pig was the heaviest?" of pigs weighed every week had answered the pig of the highest
  MEAN weight (a wrong answer): where the group numbers individual things (a noun of a kind of
  thing, many of them, each in several rows) and no statistic is said, which of each one's
  values ranks them (its largest, its last, its average) is asked back;
* whole numbers that label things (BROOD 501-743, Litter, Pig: named by a singular noun of a
  kind of thing, no measure, repeating over the rows) are which one, never how many: "how many
  broods" had answered their TOTAL (251,962) and "BROOD는 몇 개야?" the rows; now the different
  ones, "by BROOD" groups by them however many, and their largest or mean is never computed
  ("가장 무거운 Pig는?" had answered the largest pig number: a wrong answer);
* a year said as "96년" of a column of years without their century (YEAR 95-97);
* a statistic word said before a name that ends with it ("total citations" of citestot: cites +
  tot) is the name's own, as "average income" of avginc is;
* lexicon data: citations (citestot = cites + tot), a library price (libprice = lib + price),
  the Korean glosses 진드기 (ticks), 연구 (study), 학회지 (society), journals (저널) as nouns for
  rows, verbs of founding (창간된, founded) as the rows' event;
* a numbered name of time (date1 of 1844-2000: a founding year) holds years: "the oldest journal";
* a superlative before "number of" a count column: "the largest number of ticks" is its largest
  value, never a count of rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, held, states
from test_offline_context import answered, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    rng = np.random.default_rng(7)
    pigs = [4601 + 3 * k for k in range(24)]
    weeks = range(1, 7)
    dietox = pd.DataFrame(
        [(p, w, round(20 + 8 * w + float(rng.normal(0, 4)), 1)) for p in pigs for w in weeks],
        columns=["Pig", "Time", "Weight"],
    )
    dietox["Litter"] = (dietox["Pig"] - 4601) // 9 + 1
    broods = list(range(501, 531))
    rows = []
    for k, b in enumerate(broods):
        for _ in range(3 + k % 2):
            rows.append((int(rng.integers(0, 40)), b, 95 + k % 3, 1 + k % 12, int(rng.integers(400, 540))))
    ticks = pd.DataFrame(rows, columns=["TICKS", "BROOD", "YEAR", "LOCATION", "HEIGHT"])
    n = 60
    journals = pd.DataFrame(
        {
            "title": [f"Journal {k:02d}" for k in range(n)],
            "society": rng.choice(["yes", "no"], n, p=[0.3, 0.7]),
            "libprice": rng.integers(20, 2000, n),
            "citestot": rng.integers(5, 9000, n),
            "date1": rng.integers(1850, 2000, n),
            "oclc": rng.integers(10, 1100, n),
            "field": rng.choice(["General", "Finance", "Theory"], n),
        }
    )
    affect = pd.DataFrame(
        {
            "Study": rng.choice(["flat", "maps"], 80),
            "Film": rng.integers(1, 5, 80),
            "ext": rng.integers(2, 22, 80).astype(float),
        }
    )
    return held(
        tmp_path_factory.mktemp("second_probe"),
        {"dietox": dietox, "grouseticks": ticks, "journals": journals, "affect": affect},
    )


@pytest.mark.parametrize("mode", MODES)
def test_individuals_measured_again_are_ranked_by_a_value_said(data, mode):
    frame, _ = data["dietox"]
    declined(data, "dietox", "Which pig was the heaviest?", mode)
    declined(data, "dietox", "Weight가 가장 높은 Pig는?", mode)
    # a statistic said ranks them by it
    answer = answered(data, "dietox", "Which pig had the highest average weight?", mode)
    assert str(frame.groupby("Pig")["Weight"].mean().idxmax()) in first_line(answer), answer
    # a group of a few (a litter has several pigs) is still ranked by its mean
    answer = answered(data, "dietox", "Which Litter has the highest Weight?", mode)
    assert str(frame.groupby("Litter")["Weight"].mean().idxmax()) in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_numbers_that_label_things_are_counted_by_their_values(data, mode):
    frame, _ = data["grouseticks"]
    broods = frame["BROOD"].nunique()
    for question in ("How many broods are there?", "BROOD는 몇 개야?", "BROOD는 모두 몇 개야?"):
        answer = answered(data, "grouseticks", question, mode)
        assert states(first_line(answer), broods, 0), answer
        assert not states(first_line(answer), frame["BROOD"].sum(), 0), answer
        assert not states(first_line(answer), len(frame), 0), answer
    answer = answered(data, "grouseticks", "number of broods by YEAR", mode)
    for year, count in frame.groupby("YEAR")["BROOD"].nunique().items():
        assert f"{year}: {count}" in answer, answer
    # a count of things still adds up
    answer = answered(data, "grouseticks", "How many ticks are there?", mode)
    assert states(first_line(answer), frame["TICKS"].sum(), 0), answer
    frame, _ = data["dietox"]
    answer = answered(data, "dietox", "Litter는 모두 몇 개야?", mode)
    assert states(first_line(answer), frame["Litter"].nunique(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_numbers_that_label_things_group_and_are_never_ranked(data, mode):
    frame, _ = data["grouseticks"]
    answer = answered(data, "grouseticks", "Which brood had the most ticks in total?", mode)
    totals = frame.groupby("BROOD")["TICKS"].sum()
    assert str(totals.idxmax()) in first_line(answer) and states(first_line(answer), totals.max(), 0), answer
    answer = answered(data, "grouseticks", "평균 TICKS가 가장 높은 LOCATION은?", mode)
    assert str(frame.groupby("LOCATION")["TICKS"].mean().idxmax()) in first_line(answer), answer
    frame, _ = data["dietox"]
    declined(data, "dietox", "가장 무거운 Pig는?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_year_without_its_century(data, mode):
    frame, _ = data["grouseticks"]
    answer = answered(data, "grouseticks", "96년에 조사된 병아리는 몇 마리야?", mode)
    assert states(first_line(answer), (frame["YEAR"] == 96).sum(), 0), answer
    declined(data, "grouseticks", "2005년에 조사된 병아리는 몇 마리야?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_words_of_publishing_and_glosses(data, mode):
    frame, _ = data["journals"]
    answer = answered(data, "journals", "correlation between price and citations", mode)
    assert states(first_line(answer), frame["libprice"].corr(frame["citestot"]), 2), answer
    answer = answered(data, "journals", "What's the most expensive journal?", mode)
    assert frame.loc[frame["libprice"].idxmax(), "title"] in first_line(answer), answer
    answer = answered(data, "journals", "top 5 journals by total citations", mode)
    top = list(frame.sort_values("citestot", ascending=False)["title"].head(5))
    assert all(title in answer for title in top), answer
    assert [answer.index(title) for title in top] == sorted(answer.index(title) for title in top), answer
    answer = answered(data, "journals", "field별 총 인용 수(citestot)", mode)
    for field, total in frame.groupby("field")["citestot"].sum().items():
        assert field in answer and states(answer, total, 0), answer
    answer = answered(data, "journals", "구독 도서관 수(oclc)가 가장 많은 저널은?", mode)
    assert frame.loc[frame["oclc"].idxmax(), "title"] in first_line(answer), answer
    answer = answered(data, "journals", "학회지(society가 yes)인 저널의 비율은?", mode)
    assert states(first_line(answer), 100 * (frame["society"] == "yes").mean(), 1), answer
    frame, _ = data["grouseticks"]
    answer = answered(data, "grouseticks", "진드기 수(TICKS)의 표준편차", mode)
    assert states(first_line(answer), frame["TICKS"].std(), 2), answer
    frame, _ = data["affect"]
    answer = answered(data, "affect", "flat 연구 참가자 중 ext가 15 이상인 사람 수", mode)
    assert states(first_line(answer), ((frame["Study"] == "flat") & (frame["ext"] >= 15)).sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_numbered_name_of_time_holds_years(data, mode):
    frame, _ = data["journals"]
    answer = answered(data, "journals", "What's the oldest journal?", mode)
    assert frame.loc[frame["date1"].idxmin(), "title"] in first_line(answer), answer
    answer = answered(data, "journals", "1950년 이전에 창간된 저널은 몇 개야?", mode)
    assert states(first_line(answer), (frame["date1"] < 1950).sum(), 0), answer
    answer = answered(data, "journals", "1990년 이후에 창간된 저널 중 가장 비싼 것은?", mode)
    newer = frame[frame["date1"] >= 1990]
    assert newer.loc[newer["libprice"].idxmax(), "title"] in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_superlative_before_number_of_a_count(data, mode):
    frame, _ = data["grouseticks"]
    answer = answered(data, "grouseticks", "What's the largest number of ticks?", mode)
    assert states(first_line(answer), frame["TICKS"].max(), 0), answer
    answer = answered(data, "grouseticks", "Which YEAR had the largest number of ticks?", mode)
    assert str(frame.groupby("YEAR")["TICKS"].sum().idxmax()) in first_line(answer), answer
