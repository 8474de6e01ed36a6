"""How the offline analyst reads amounts, codes and places (issue 14, round 8): Korean amounts in
grand units ("2억 5천만원"), an amount with a scale word and no column named ("under 200 million"),
a number below zero ("영하 5도"), two amounts of money compared row by row, a number written as a
code ("470번"), "days with rain", and a city named in the other script or by initials when the
column holds US cities beside cities elsewhere. Each mechanism: a question answered with pandas'
own number, and a near variant that must be declined.

The code runs in this process as the kernel would run it (`df`, pd, np, plt).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask, states, written
from answers import first_line as head


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("amounts")
    rng = np.random.default_rng(11)
    n = 1200
    sales = pd.DataFrame(
        {
            "city": rng.choice(["서울", "부산", "대구"], n),
            "area_m2": rng.uniform(40, 130, n).round(1),
            "price_krw": (rng.uniform(1, 15, n) * 1e8).round(-6).astype("int64"),
        }
    )
    orders = pd.DataFrame(
        {
            "city": rng.choice(["New York", "Los Angeles", "London", "Tokyo"], n),
            "revenue": rng.gamma(3, 300, n).round(2),
            "cost": rng.gamma(3, 300, n).round(2),
            "quantity": rng.integers(1, 20, n),
        }
    )
    weather = pd.DataFrame(
        {
            "날짜": np.repeat(pd.date_range("2024-01-01", periods=n // 3).strftime("%Y-%m-%d"), 3),
            "지점": np.tile(["서울", "부산", "대구"], n // 3),
            "최저기온": rng.normal(2, 8, n).round(1),
            "최고기온": 0.0,
            "강수량(mm)": np.where(rng.random(n) < 0.3, rng.gamma(1, 10, n).round(1), 0.0),
        }
    )
    weather["최고기온"] = (weather["최저기온"] + rng.uniform(3, 15, n)).round(1)
    buses = pd.DataFrame(
        [(r, h, int(rng.integers(10, 500))) for r in (143, 262, 470) for h in range(5, 24) for _ in range(2)],
        columns=["노선", "시간대", "이용건수"],
    )
    trips = pd.DataFrame({"이용시간(분)": rng.integers(2, 150, n), "구": rng.choice(["강남구", "마포구"], n)})
    return written(root, {"sales": sales, "orders": orders, "weather": weather, "buses": buses, "trips": trips})


def test_an_amount_in_grand_units_is_one_number(data):
    a, text, df = ask(data, "sales", "price_krw 2억 5천만원 이하 거래는 몇 건?")
    assert not a.declined, a.message
    assert states(head(text), (df["price_krw"] <= 250_000_000).sum(), 0)
    # two amounts side by side are not added up
    a, _, _ = ask(data, "sales", "price_krw 2억 3억 거래 건수")
    assert a.declined


def test_an_amount_with_a_scale_word_is_the_one_column_that_reaches_it(data):
    a, text, df = ask(data, "sales", "how many sales in Busan under 200 million?")
    assert not a.declined, a.message
    assert states(head(text), ((df["price_krw"] < 2e8) & (df["city"] == "부산")).sum(), 0)
    assert "price_krw" in text  # the reading is stated
    # no column holds values of that size: not guessed
    a, _, _ = ask(data, "sales", "how many sales in Busan under 90 billion?")
    assert a.declined


def test_below_zero_written_before_the_number(data):
    a, text, df = ask(data, "weather", "최저기온이 영하 5도 밑으로 떨어진 행은 몇 개?")
    assert not a.declined, a.message
    assert states(head(text), (df["최저기온"] < -5).sum(), 0)


def test_two_amounts_of_money_compare_row_by_row(data):
    a, text, df = ask(data, "orders", "how many orders had a cost higher than the revenue?")
    assert not a.declined, a.message
    assert states(head(text), (df["cost"] > df["revenue"]).sum(), 0)
    a, text, df = ask(data, "orders", "cost가 revenue보다 큰 주문은 몇 건?")
    assert states(head(text), (df["cost"] > df["revenue"]).sum(), 0)
    # a count of items is not an amount of money: comparing them row by row is declined
    a, _, _ = ask(data, "orders", "how many orders had a quantity higher than the revenue?")
    assert a.declined


def test_a_number_written_as_a_code_names_its_column(data):
    a, text, df = ask(data, "buses", "470번 이용은 몇 건이야?")
    assert not a.declined, a.message
    assert states(head(text), df.loc[df["노선"] == 470, "이용건수"].sum(), 0)
    assert "노선 = 470" in text
    a, _, _ = ask(data, "buses", "999번 이용은 몇 건이야?")  # no such route
    assert a.declined


def test_days_with_rain_count_the_rows_above_zero(data):
    a, text, df = ask(data, "weather", "how many days had rain in Busan?")
    assert not a.declined, a.message
    rainy = (df["강수량(mm)"] > 0) & (df["지점"] == "부산")
    assert states(head(text), df.loc[rainy, "날짜"].nunique(), 0)
    assert "0" in text and "강수량" in text


def test_a_city_in_the_other_script_or_by_initials_among_world_cities(data):
    for question in ("로스앤젤레스 주문 건수", "how many orders from LA?"):
        a, text, df = ask(data, "orders", question)
        assert not a.declined, (question, a.message)
        assert states(head(text), (df["city"] == "Los Angeles").sum(), 0)
    a, text, df = ask(data, "orders", "total revenue in NYC")
    assert states(head(text), df.loc[df["city"] == "New York", "revenue"].sum(), 0)
    a, _, _ = ask(data, "orders", "베를린 주문 건수")  # not in the data: never another city
    assert a.declined


def test_one_column_above_another_by_a_margin(data):
    # temperatures with one decimal: the gap 23.4 − 13.4 is 10.0, not the float 9.999999999999998
    margin = lambda df: (df["최고기온"] - df["최저기온"]).round(9)  # noqa: E731
    a, text, df = ask(data, "weather", "최고기온이 최저기온보다 10도 이상 높은 행은 몇 개?")
    assert not a.declined, a.message
    assert states(head(text), (margin(df) >= 10).sum(), 0)
    a, text, df = ask(data, "weather", "how many rows had 최고기온 more than 12 degrees higher than 최저기온?")
    assert not a.declined, a.message
    assert states(head(text), (margin(df) > 12).sum(), 0)
    # a temperature above an amount of rain by a margin means nothing: not answered
    a, _, _ = ask(data, "weather", "최고기온이 강수량(mm)보다 10 이상 높은 행은 몇 개?")
    assert a.declined


def test_a_duration_in_hours_against_a_column_in_minutes(data):
    a, text, df = ask(data, "trips", "이용시간이 1시간 넘는 건 몇 건이야?")
    assert not a.declined, a.message
    assert states(head(text), (df["이용시간(분)"] > 60).sum(), 0)
    a, text, df = ask(data, "trips", "how many trips had 이용시간(분) over 1.5 hours?")
    assert states(head(text), (df["이용시간(분)"] > 90).sum(), 0)
    # a weight is not a duration: "2 kg" against minutes is not converted, nor answered
    a, _, _ = ask(data, "trips", "이용시간이 2kg 넘는 건 몇 건이야?")
    assert a.declined


def test_a_count_of_no_rows_is_zero_said_as_such(data):
    # nothing to compute for a mean of no rows; a count of them is a number: 0
    a, text, df = ask(data, "weather", "최고기온이 최저기온보다 50도 이상 높은 행은 몇 개?")
    assert not a.declined, a.message
    assert ((df["최고기온"] - df["최저기온"]) >= 50).sum() == 0
    assert states(head(text), 0, 0)
    a, text, _ = ask(data, "weather", "최고기온이 최저기온보다 50도 이상 높은 행의 강수량(mm) 평균")
    assert not states(head(text), 0, 0)  # no mean is made up
