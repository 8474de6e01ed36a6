"""Columns whose names are abbreviated or coded, asked for by the words they stand for (issue 14,
benchmarks/evalset33: Ecdat's MCAS, Produc, Cigarette and Fatality tables), through both
renderers (pandas, and the dataset held in DuckDB):

* a name's pieces are explained, in order, by adjacent words of the question: each piece the
  start or consonant skeleton of a word (avg, prs: "average price"), the plural asked in the
  singular (prs: prices), or a short form the lexicon keeps as data (pc: "per capita", un:
  "unemployment"); a statistic word that begins the name is asked too ("average price" is the mean
  of avgprs);
* Korean words reach the same names through the lexicon's concepts (가격: price, so "연도별 평균
  가격" is avgprs by year; 실업률 is 실업 + 률, unemployment rate: unrate);
* a short form of ONE word never takes the word after it along: "public capital" had been read as
  `pc` (p..c spells "public"; pc is private capital beside pcap) and answered with private capital,
  a wrong answer; it is declined;
* the reply restates the words a name was read as ("Mean of avgprs (average price)");
* a period said in place of "date" after a date column's word groups it by that period ("total
  sales by ship month": ship_date by month; the period word had been left out once the name's
  first word alone read ship_date, and the sales were listed per day).
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
    root = tmp_path_factory.mktemp("abbreviated")
    rng = np.random.default_rng(33)
    states_ = ["AL", "CA", "NY", "TX", "UT"]
    years = [1985, 1990, 1995]
    cigarettes = pd.DataFrame([(s, y) for s in states_ for y in years], columns=["state", "year"])
    n = len(cigarettes)
    cigarettes["packpc"] = np.round(rng.uniform(50, 200, n), 2)
    cigarettes["tax"] = np.round(rng.uniform(18, 99, n), 2)
    cigarettes["avgprs"] = np.round(rng.uniform(85, 240, n), 2)
    fatalities = pd.DataFrame([(s, y) for s in range(1, 9) for y in (1982, 1985, 1988)], columns=["state", "year"])
    m = len(fatalities)
    fatalities["beertax"] = np.round(rng.uniform(0.05, 2.7, m), 3)
    fatalities["unrate"] = np.round(rng.uniform(2.4, 18, m), 1)
    fatalities["perinc"] = np.round(rng.uniform(9500, 22000, m), 0)
    capital = pd.DataFrame([(s, y) for s in ("TEXAS", "OHIO", "IOWA") for y in (1970, 1980)], columns=["state", "year"])
    capital["pcap"] = np.round(rng.uniform(3000, 140000, len(capital)), 2)
    capital["pc"] = np.round(rng.uniform(4000, 375000, len(capital)), 2)
    capital["unemp"] = np.round(rng.uniform(2.8, 18, len(capital)), 1)
    ordered = pd.date_range("2023-11-01", "2024-12-31", freq="3D")
    orders = pd.DataFrame(
        {
            "order_date": ordered,
            "ship_date": ordered + pd.to_timedelta(rng.integers(1, 9, len(ordered)), unit="D"),
            "sales": np.round(rng.uniform(50, 900, len(ordered)), 2),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("cigarette", cigarettes),
        ("fatality", fatalities),
        ("produc", capital),
        ("orders", orders),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_name_of_short_forms_is_spelled_by_the_words_in_order(data, mode):
    frame, _ = data["cigarette"]
    # avg + prs (prices, asked in the singular): the mean of avgprs, restated with the words
    answer = answered(data, "cigarette", "average price in 1990", mode)
    head = first_line(answer)
    assert states(head, frame.loc[frame["year"] == 1990, "avgprs"].mean()), answer
    assert "avgprs (average price)" in head, answer
    # pack + pc, the lexicon's short form of "per capita" (and of "per person")
    answer = answered(data, "cigarette", "average packs per capita in 1995", mode)
    assert states(first_line(answer), frame.loc[frame["year"] == 1995, "packpc"].mean()), answer
    answer = answered(data, "cigarette", "which state smoked the most packs per person in 1985?", mode)
    rows = frame[frame["year"] == 1985]
    assert rows.loc[rows["packpc"].idxmax(), "state"] in first_line(answer), answer
    frame, _ = data["fatality"]
    # un (unemployment) + rate; per (per capita) + inc (income)
    answer = answered(data, "fatality", "average unemployment rate in 1985", mode)
    assert states(first_line(answer), frame.loc[frame["year"] == 1985, "unrate"].mean()), answer
    answer = answered(data, "fatality", "median per capita income", mode)
    assert states(first_line(answer), frame["perinc"].median(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_korean_words_reach_an_abbreviated_name_through_their_concepts(data, mode):
    frame, _ = data["cigarette"]
    answer = answered(data, "cigarette", "연도별 평균 가격", mode)
    for year, value in frame.groupby("year")["avgprs"].mean().items():
        assert any(str(year) in line and states(line, value) for line in answer.splitlines()), answer
    frame, _ = data["fatality"]
    answer = answered(data, "fatality", "실업률 평균", mode)
    assert states(first_line(answer), frame["unrate"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_short_form_of_one_word_does_not_take_the_next_word_along(data, mode):
    # pc is private capital; "public capital" is pcap, which its words do not spell (p is no
    # short form of public): declined, never the private capital of Texas
    declined(data, "produc", "public capital in texas in 1970", mode)
    declined(data, "produc", "average public capital", mode)
    # the name asked in full still answers
    frame, _ = data["produc"]
    answer = answered(data, "produc", "pcap in texas in 1970", mode)
    row = frame[(frame["state"] == "TEXAS") & (frame["year"] == 1970)]
    assert states(first_line(answer), row["pcap"].iloc[0], 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_period_in_place_of_date_groups_the_date_by_it(data, mode):
    frame, _ = data["orders"]
    months = frame[frame["ship_date"].dt.year == 2024].groupby(frame["ship_date"].dt.strftime("%Y-%m"))["sales"].sum()
    answer = answered(data, "orders", "total sales by ship month in 2024", mode)
    lines = answer.splitlines()
    assert len(months) == 12
    for month, total in months.items():
        assert any(states(line, total) for line in lines), (month, answer)
