"""How the offline analyst reads words against real-world data, through both renderers (pandas,
and the dataset held in DuckDB): each question is answered as pandas computes it here, and a near
variant that no plan can answer honestly is declined.

* long statistics tables (KOSIS, BLS): the indicator named ("취업자", "jobs", "unemployment rate")
  filters the indicator column and the one value column holds the number;
* words that only restate the dataset's subject (외국인 of 외국인_관광객): no condition;
* possessive names ("NVDA's", "AMZN's lowest close");
* a month without a year over several years: every year's month, said in the reply;
* "late", "지연된", "on time": one date column against the expected one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_plans import ask

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("context")
    rng = np.random.default_rng(41)
    # a long KOSIS table: what each row measures is its 지표
    kosis = pd.DataFrame(
        [
            (year, region, item, value)
            for year in range(2019, 2024)
            for region, size in (("서울", 5000), ("경기", 7000), ("강원", 800))
            for item, value in (
                ("취업자", int(size * rng.uniform(0.9, 1.1))),
                ("실업률", round(float(rng.uniform(2.5, 5.5)), 1)),
                ("고용률", round(float(rng.uniform(55, 65)), 1)),
            )
        ],
        columns=["연도", "시도", "지표", "값"],
    )
    # a long BLS table: one row per month and series
    months = pd.date_range("2019-01-01", "2022-12-01", freq="MS")
    bls = pd.DataFrame(
        [
            (m.strftime("%Y-%m-%d"), series, value)
            for m in months
            for series, value in (
                ("Nonfarm payrolls", int(rng.uniform(140000, 155000))),
                ("Unemployment rate", round(float(rng.uniform(3.3, 9.0)), 1)),
            )
        ],
        columns=["date", "series", "value"],
    )
    # tourists by nationality: the file's name says 외국인
    tourists = pd.DataFrame(
        {
            "연월": [m.strftime("%Y-%m") for m in months for _ in range(3)],
            "국적": ["일본", "중국", "미국"] * len(months),
            "관광객수": rng.integers(1000, 9000, len(months) * 3),
        }
    )
    days = pd.bdate_range("2022-01-03", "2023-06-30")
    prices = pd.DataFrame(
        [
            (
                d.strftime("%Y-%m-%d"),
                t,
                round(float(rng.uniform(90, 110)), 2),
                round(float(rng.uniform(80, 100)), 2),
                round(float(rng.uniform(85, 105)), 2),
                int(rng.integers(1_000_000, 9_000_000)),
            )
            for d in days
            for t in ("NVDA", "AMZN")
        ],
        columns=["date", "ticker", "high", "low", "close", "volume"],
    )
    n = 600
    placed = pd.Timestamp("2024-03-01") + pd.to_timedelta(rng.integers(0, 200, n), unit="D")
    deliveries = pd.DataFrame(
        {
            "placed_date": placed.strftime("%Y-%m-%d"),
            "due_date": (placed + pd.to_timedelta(4, unit="D")).strftime("%Y-%m-%d"),
            "delivered_date": (placed + pd.to_timedelta(rng.integers(2, 7, n), unit="D")).strftime("%Y-%m-%d"),
            "fee": np.round(rng.uniform(3, 15, n), 2),
        }
    )
    two_pairs = deliveries.assign(
        promised_ship_date=(placed + pd.to_timedelta(1, unit="D")).strftime("%Y-%m-%d"),
        shipped_date=(placed + pd.to_timedelta(rng.integers(0, 3, n), unit="D")).strftime("%Y-%m-%d"),
    )
    weather = pd.DataFrame(
        [
            (
                d.strftime("%Y-%m-%d"),
                s,
                round(float(10 + 12 * np.sin((d.month - 4) / 12 * 2 * np.pi) + rng.normal(0, 3)), 1),
            )
            for d in pd.date_range("2020-01-01", "2022-12-31", freq="D")
            for s in ("서울", "강릉")
        ],
        columns=["날짜", "지점", "평균기온"],
    )
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("kosis", kosis),
        ("bls", bls),
        ("외국인_관광객", tourists),
        ("prices", prices),
        ("deliveries", deliveries),
        ("two_pairs", two_pairs),
        ("weather", weather),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def answered(data, name: str, question: str, mode: str) -> str:
    analysis, answer = ask(data, name, question, mode)
    assert not analysis.declined, answer
    return answer


def declined(data, name: str, question: str, mode: str) -> None:
    analysis, answer = ask(data, name, question, mode)
    assert analysis.declined, answer


# --- long statistics tables --------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_an_indicator_named_is_the_value_of_its_rows(data, mode):
    frame, _ = data["kosis"]
    k = frame[frame["지표"] == "취업자"]
    answer = answered(data, "kosis", "2021년 강원 취업자 수는?", mode)
    expected = k.loc[(k["연도"] == 2021) & (k["시도"] == "강원"), "값"].sum()
    assert states(first_line(answer), expected, 0) and "취업자" in first_line(answer), answer
    # over every region of one year the people employed add up
    answer = answered(data, "kosis", "2020년 취업자는 모두 몇 명이야?", mode)
    assert states(first_line(answer), k.loc[k["연도"] == 2020, "값"].sum(), 0), answer
    # never the number of rows
    assert not states(first_line(answer), 3, 0), answer
    # a level summed over five years is no figure anyone asked for: each year's, or a decline
    analysis, answer = ask(data, "kosis", "강원 취업자 수는?", mode)
    assert analysis.declined or not states(first_line(answer), k.loc[k["시도"] == "강원", "값"].sum(), 0), answer
    # an indicator the table lacks
    declined(data, "kosis", "2021년 강원 비경제활동인구는?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_rate_indicator_is_averaged_and_ranked_by_its_values(data, mode):
    frame, _ = data["kosis"]
    r = frame[frame["지표"] == "실업률"]
    answer = answered(data, "kosis", "시도별 평균 실업률", mode)
    for region, value in r.groupby("시도")["값"].mean().items():
        assert region in answer and states(answer, value, 2), answer
    g = frame[(frame["지표"] == "고용률") & (frame["연도"] == 2022)]
    answer = answered(data, "kosis", "2022년 고용률이 가장 높은 시도는?", mode)
    assert g.loc[g["값"].idxmax(), "시도"] in first_line(answer), answer
    # a rate the table does not hold
    declined(data, "kosis", "average inflation rate by region", mode)


@pytest.mark.parametrize("mode", MODES)
def test_lexicon_words_find_the_indicator_value(data, mode):
    frame, _ = data["bls"]
    d = pd.to_datetime(frame["date"])
    answer = answered(data, "bls", "How many jobs were there in June 2021?", mode)
    row = (frame["series"] == "Nonfarm payrolls") & (d.dt.year == 2021) & (d.dt.month == 6)
    assert states(first_line(answer), frame.loc[row, "value"].sum(), 0), answer
    answer = answered(data, "bls", "highest unemployment rate", mode)
    assert states(first_line(answer), frame.loc[frame["series"] == "Unemployment rate", "value"].max(), 1), answer
    # payroll jobs are not people employed (a household survey counts those): not in this table
    declined(data, "bls", "How many people were employed in June 2021?", mode)


# --- months without a year ---------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_month_without_a_year_is_every_years_month_and_says_so(data, mode):
    frame, _ = data["bls"]
    d = pd.to_datetime(frame["date"])
    rate = frame["series"] == "Unemployment rate"
    expected = frame.loc[rate & (d.dt.month == 7), "value"].mean()
    answer = answered(data, "bls", "average unemployment rate in July", mode)
    assert states(first_line(answer), expected, 2) and "July of every year, 2019–2022" in answer, answer
    answer = answered(data, "bls", "7월 평균 실업률", mode)
    assert states(first_line(answer), expected, 2) and "2019–2022년 매년의 7월" in answer, answer
    # July of one year is that month only, with no such note
    answer = answered(data, "bls", "unemployment rate in July 2021", mode)
    assert states(answer, frame.loc[rate & (d.dt.month == 7) & (d.dt.year == 2021), "value"].sum(), 1), answer
    assert "every year" not in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_column_named_for_means_is_averaged_and_another_measure_is_not_absorbed(data, mode):
    frame, _ = data["weather"]
    answer = answered(data, "weather", "서울의 평균 기온은?", mode)
    assert states(first_line(answer), frame.loc[frame["지점"] == "서울", "평균기온"].mean(), 2), answer
    # 습도 is no part of 평균기온: the data has no humidity
    declined(data, "weather", "7월 평균 습도", mode)


# --- the dataset's subject, possessives ----------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_words_restating_the_files_subject_add_no_condition(data, mode):
    frame, _ = data["외국인_관광객"]
    answer = answered(data, "외국인_관광객", "외국인 관광객은 총 몇 명이야?", mode)
    assert states(first_line(answer), frame["관광객수"].sum(), 0), answer
    answer = answered(data, "외국인_관광객", "일본 외국인 관광객 합계", mode)
    assert states(first_line(answer), frame.loc[frame["국적"] == "일본", "관광객수"].sum(), 0), answer
    # alone it names nothing the data holds; the other group of people is not in it
    declined(data, "외국인_관광객", "외국인 수", mode)
    declined(data, "외국인_관광객", "내국인 관광객 수", mode)


@pytest.mark.parametrize("mode", MODES)
def test_possessive_names_and_the_extreme_of_the_column_named_after(data, mode):
    frame, _ = data["prices"]
    answer = answered(data, "prices", "NVDA's highest volume", mode)
    assert states(first_line(answer), frame.loc[frame["ticker"] == "NVDA", "volume"].max(), 0), answer
    # "lowest close": the lowest of close, not the column low
    answer = answered(data, "prices", "AMZN's lowest close", mode)
    assert states(first_line(answer), frame.loc[frame["ticker"] == "AMZN", "close"].min(), 2), answer
    assert not states(first_line(answer), frame.loc[frame["ticker"] == "AMZN", "low"].min(), 2), answer
    declined(data, "prices", "META's average close", mode)


# --- late, on time ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_late_compares_a_date_with_the_date_it_was_due(data, mode):
    frame, _ = data["deliveries"]
    late = pd.to_datetime(frame["delivered_date"]) > pd.to_datetime(frame["due_date"])
    answer = answered(data, "deliveries", "how many deliveries were late?", mode)
    assert states(first_line(answer), late.sum(), 0) and "due_date" in first_line(answer), answer
    answer = answered(data, "deliveries", "average fee of late deliveries", mode)
    assert states(first_line(answer), frame.loc[late, "fee"].mean(), 2), answer
    answer = answered(data, "deliveries", "percentage of deliveries on time", mode)
    assert states(first_line(answer), 100 * (~late).mean(), 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_late_with_two_pairs_of_dates_needs_the_word_that_picks_one(data, mode):
    frame, _ = data["two_pairs"]
    shipped_late = pd.to_datetime(frame["shipped_date"]) > pd.to_datetime(frame["promised_ship_date"])
    answer = answered(data, "two_pairs", "how many orders shipped late?", mode)
    assert states(first_line(answer), shipped_late.sum(), 0), answer
    declined(data, "two_pairs", "how many orders were late?", mode)
    declined(data, "two_pairs", "지연된 주문은 몇 건?", mode)
    # no pair of dates for returns
    declined(data, "weather", "how many days were late?", mode)
