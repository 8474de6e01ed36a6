"""How the offline analyst reads words for times and for the rows (issue 14, round 8): parts of
the day said without hours ("evening", "새벽", "출근 시간대") read as the lexicon's usual hours and
stated in the reply; nouns for the events rows record ("이용", "rides") read as the rows, or as
the total of the column that counts them when rows hold counts. Each mechanism is checked by a
question answered with pandas' own number, and by a near variant that must be declined.

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
    root = tmp_path_factory.mktemp("dayparts")
    rng = np.random.default_rng(8)
    n = 1500
    # one row per rental: an hour column named as a point of the day (대여시각), a duration
    # column that begins with the event noun (이용시간(분)), districts
    rentals = pd.DataFrame(
        {
            "대여시각": rng.integers(0, 24, n),
            "구": rng.choice(["강남구", "마포구", "종로구"], n, p=[0.5, 0.3, 0.2]),
            "이용시간(분)": rng.integers(2, 120, n),
        }
    )
    # one row per route and hour with a column that counts the uses
    usage = pd.DataFrame(
        [(r, h, int(rng.integers(10, 900))) for r in ("101", "202", "303") for h in range(5, 24) for _ in range(3)],
        columns=["노선", "시간대", "이용건수"],
    )
    # orders with their time of day as text
    minutes = rng.integers(0, 24 * 60, n)
    orders = pd.DataFrame(
        {
            "order_time": [f"{m // 60:02d}:{m % 60:02d}" for m in minutes],
            "revenue": rng.gamma(2, 50, n).round(2),
        }
    )
    return written(root, {"rentals": rentals, "usage": usage, "orders": orders})


def test_evening_over_an_hour_column_is_the_usual_hours_and_says_so(data):
    a, text, df = ask(data, "rentals", "how many rentals in the evening?")
    assert not a.declined, a.message
    assert states(head(text), df["대여시각"].between(18, 21).sum(), 0)
    assert "18:00–21:59" in text  # the reading is stated, so a reader who means other hours sees it


def test_a_korean_part_of_the_day_over_an_hour_column(data):
    a, text, df = ask(data, "rentals", "출근 시간대 마포구 대여는 몇 건?")
    assert not a.declined, a.message
    assert states(head(text), (df["대여시각"].between(7, 9) & (df["구"] == "마포구")).sum(), 0)
    assert "07:00–09:59" in text


def test_night_runs_past_midnight_over_times_written_as_text(data):
    a, text, df = ask(data, "orders", "total revenue at night")
    assert not a.declined, a.message
    t = df["order_time"]
    assert states(head(text), df.loc[(t >= "22:00") | (t < "06:00"), "revenue"].sum(), 0)
    assert "22:00–05:59" in text


def test_rush_hour_alone_is_asked_back(data):
    # the morning or the evening one: no usual hours for both at once
    a, _, _ = ask(data, "rentals", "how many rentals during rush hour?")
    assert a.declined
    assert "rush hour" in a.message


def test_an_event_noun_counts_rows_not_the_column_it_begins(data):
    # 이용 begins 이용시간(분) (a duration); "the district with the most 이용" counts rentals
    a, text, df = ask(data, "rentals", "이용이 가장 많은 구는?")
    assert not a.declined, a.message
    assert df["구"].value_counts().idxmax() in head(text)
    assert "이용시간" not in head(text)
    a, text, df = ask(data, "rentals", "이용은 총 몇 건이야?")
    assert states(head(text), len(df), 0)
    assert "행 수로" in text  # the reply says the uses were counted as rows


def test_an_event_noun_is_the_total_of_the_column_that_counts_it(data):
    a, text, df = ask(data, "usage", "저녁 시간대 이용은 몇 건이야?")
    assert not a.declined, a.message
    assert states(head(text), df.loc[df["시간대"].between(18, 21), "이용건수"].sum(), 0)
    assert "이용건수" in text


def test_rows_holding_counts_of_something_else_are_declined(data):
    # "rides" is not what 이용건수 is named for: not the rows either, so not answered
    a, _, _ = ask(data, "usage", "how many rides in the evening?")
    assert a.declined
    assert "이용건수" in a.message


def test_a_name_ending_in_a_duration_word_is_not_hours(data):
    # 이용시간(분) has values 2-119; a column named ...시간 is a duration, never a clock
    a, _, _ = ask(data, "rentals", "average 이용시간(분) in the morning")
    assert not a.declined
    assert a.plan.conditions[0].column == "대여시각"
