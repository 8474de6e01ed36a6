"""How the offline analyst reads column names as real files write them, through both renderers
(pandas, and the dataset held in DuckDB). Each question is answered as pandas computes it here,
or declined where a reading would answer another question.

* a unit after the name (사용량_kWh, 생산량_톤, 재배면적_ha): the name without it is the column;
* a file name compounded of a column's name and the data's subject (전력 of 전력사용량);
* amounts that add up (production, electricity use): totals per group and per year;
* 0/1 columns (is_canceled): "canceled bookings" are the rows where it is 1;
* a thing's identifier (borrower_id beside borrower_age): "borrowers" names the identifier, and a
  weaker reading of the same word is never taken because a number is wanted there;
* initials (adr for "average daily rate"), "몇 도" (the value in degrees, not a count),
  "X이 0인" (equality said outright), the date the rows' own noun names (loan_date of "loans").
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered
from test_offline_plans import ask

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("names")
    rng = np.random.default_rng(7)
    hours = pd.date_range("2024-01-01", "2024-03-31 23:00", freq="h")
    power = pd.DataFrame(
        {
            "일시": np.repeat(hours.strftime("%Y-%m-%d %H:%M"), 2),
            "가구": ["A01", "A02"] * len(hours),
            "사용량_kWh": np.round(rng.uniform(0, 2, len(hours) * 2), 3),
            "기온": np.round(rng.normal(2, 6, len(hours) * 2), 1),
        }
    )
    power.loc[power.index % 37 == 0, "사용량_kWh"] = 0.0
    crops = pd.DataFrame(
        [
            (year, province, crop, int(rng.integers(500, 90000)), int(rng.integers(1000, 900000)))
            for year in range(2018, 2024)
            for province in ("경기", "강원", "전남")
            for crop in ("쌀", "감자", "배추")
        ],
        columns=["연도", "도", "작물", "재배면적_ha", "생산량_톤"],
    )
    n = 800
    hotel = pd.DataFrame(
        {
            "hotel": rng.choice(["City Hotel", "Resort Hotel"], n),
            "lead_time": rng.integers(0, 300, n),
            "adr": np.round(rng.uniform(50, 200, n), 2),
            "is_canceled": rng.choice([0, 1], n, p=[0.7, 0.3]),
        }
    )
    loan = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 200, n), unit="D")
    loans = pd.DataFrame(
        {
            "loan_id": [f"L{i:04d}" for i in range(n)],
            "borrower_id": [f"B{b:03d}" for b in rng.integers(1, 300, n)],
            "borrower_age": rng.integers(8, 80, n),
            "branch": rng.choice(["Central", "Harbor"], n),
            "loan_date": loan.strftime("%Y-%m-%d"),
            "due_date": (loan + pd.Timedelta(days=21)).strftime("%Y-%m-%d"),
            "return_date": (loan + pd.to_timedelta(rng.integers(1, 40, n), unit="D")).strftime("%Y-%m-%d"),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("전력사용량", power),
        ("농산물_생산", crops),
        ("hotel_bookings", hotel),
        ("library_loans", loans),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_unit_after_the_name_is_not_part_of_it(data, mode):
    frame, _ = data["전력사용량"]
    answer = answered(data, "전력사용량", "가구별 총 사용량", mode)
    for household, total in frame.groupby("가구")["사용량_kWh"].sum().items():
        assert household in answer and states(answer, total, 0), answer
    frame, _ = data["농산물_생산"]
    answer = answered(data, "농산물_생산", "2020년 쌀 생산량은?", mode)
    expected = frame.loc[(frame["연도"] == 2020) & (frame["작물"] == "쌀"), "생산량_톤"].sum()
    assert states(first_line(answer), expected, 0), answer  # a total of an amount, not its rows listed


@pytest.mark.parametrize("mode", MODES)
def test_the_subject_in_a_compound_file_name_adds_no_condition(data, mode):
    frame, _ = data["전력사용량"]
    answer = answered(data, "전력사용량", "전력 사용량 합계", mode)
    assert states(first_line(answer), frame["사용량_kWh"].sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_year_with_the_most_of_an_amount_is_ranked_by_its_total(data, mode):
    frame, _ = data["농산물_생산"]
    totals = frame[frame["작물"] == "감자"].groupby("연도")["생산량_톤"].sum()
    answer = answered(data, "농산물_생산", "감자 생산량이 가장 많았던 해는?", mode)
    assert str(totals.idxmax()) in first_line(answer) and states(first_line(answer), totals.max(), 0), answer
    answer = answered(data, "농산물_생산", "total potato production in 2021", mode)
    expected = frame.loc[(frame["연도"] == 2021) & (frame["작물"] == "감자"), "생산량_톤"].sum()
    assert states(first_line(answer), expected, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_zero_one_column_is_a_condition_where_its_word_is(data, mode):
    frame, _ = data["hotel_bookings"]
    canceled = frame["is_canceled"] == 1
    for question in ("how many canceled bookings", "how many bookings were canceled"):
        answer = answered(data, "hotel_bookings", question, mode)
        assert states(first_line(answer), canceled.sum(), 0), (question, answer)
        assert not states(first_line(answer), len(frame), 0), (question, answer)
    answer = answered(data, "hotel_bookings", "average lead time of canceled bookings", mode)
    assert states(first_line(answer), frame.loc[canceled, "lead_time"].mean()), answer
    answer = answered(data, "hotel_bookings", "how many were not canceled", mode)
    assert states(first_line(answer), (~canceled).sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_thing_is_its_identifier_and_no_weaker_reading_is_taken(data, mode):
    frame, _ = data["library_loans"]
    answer = answered(data, "library_loans", "how many different borrowers are there", mode)
    assert states(first_line(answer), frame["borrower_id"].nunique(), 0), answer
    # "per borrower" names borrower_id; the mean of borrower_age would answer another question
    analysis, answer = ask(data, "library_loans", "number of loans per borrower", mode)
    assert analysis.declined or "borrower_age" not in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_the_date_the_rows_own_noun_names(data, mode):
    frame, _ = data["library_loans"]
    answer = answered(data, "library_loans", "loans per month", mode)
    counts = frame.groupby(frame["loan_date"].str[:7]).size()
    assert "loan_date" in first_line(answer), answer
    for month, count in counts.items():
        assert month in answer and states(answer, count, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_initials_name_a_column(data, mode):
    frame, _ = data["hotel_bookings"]
    answer = answered(data, "hotel_bookings", "average daily rate at the resort hotel", mode)
    expected = frame.loc[frame["hotel"] == "Resort Hotel", "adr"].mean()
    assert "adr" in first_line(answer) and states(first_line(answer), expected), answer


@pytest.mark.parametrize("mode", MODES)
def test_how_many_degrees_asks_the_value(data, mode):
    frame, _ = data["전력사용량"]
    answer = answered(data, "전력사용량", "최고 기온은 몇 도야?", mode)
    assert states(first_line(answer), frame["기온"].max(), 1), answer
    answer = answered(data, "전력사용량", "최저 기온은?", mode)
    assert states(first_line(answer), frame["기온"].min(), 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_equality_said_outright_holds_for_a_measure(data, mode):
    frame, _ = data["전력사용량"]
    answer = answered(data, "전력사용량", "사용량이 0인 경우는 몇 번이야?", mode)
    assert states(first_line(answer), (frame["사용량_kWh"] == 0).sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_flag_named_by_its_noun_is_counted_per_group(data, mode):
    frame, _ = data["hotel_bookings"]
    per_hotel = frame[frame["is_canceled"] == 1].groupby("hotel").size()
    for question in ("number of cancellations per hotel", "hotel별 취소 건수"):
        answer = answered(data, "hotel_bookings", question, mode)
        for hotel, count in per_hotel.items():
            assert hotel in answer and states(answer, count, 0), (question, answer)
    # the number of them by a Korean grouping before it: a count, never the mean of the 0/1 column
    answer = answered(data, "hotel_bookings", "hotel별 취소 수", mode)
    for hotel, count in per_hotel.items():
        assert hotel in answer and states(answer, count, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_how_many_percent_still_asks_a_percent(data, mode):
    frame, _ = data["농산물_생산"]
    totals = frame[frame["작물"] == "쌀"].groupby("연도")["생산량_톤"].sum()
    change = (totals[2023] - totals[2018]) / totals[2018] * 100
    answer = answered(data, "농산물_생산", "By how many percent did rice production change from 2018 to 2023?", mode)
    assert "%" in first_line(answer) and states(first_line(answer), abs(change), 1), answer
