"""Rankings and busiest periods (benchmarks/evalset24), through both renderers (pandas, and the
dataset held in DuckDB). Each answer is checked against pandas here.

* "busiest", "peak", "quietest", "slowest", "most/least popular", "붐비는", "한산한", "몰리는" rank
  groups or periods (hour of the day, weekday, month, year) by how many rows they hold;
* a ranking word ("rank", "순위") or a sort direction ("높은 순", "많은 순서대로", "ascending")
  over groups lists every group in that order, never one extreme; with one named value ("마포구
  순위", "where does Tom rank") it asks that value's place;
* a word of the dataset's name that begins a column of its kind (민원 of 민원_접수 over 민원유형)
  names the rows: "민원 건수" counts them;
* "which month" over data of several years stays declined; "of the year" is the calendar month.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("rankings")
    rng = np.random.default_rng(24)
    n = 900
    hours = rng.choice(np.arange(8, 22), n, p=np.array([1, 2, 3, 3, 4, 9, 4, 3, 3, 4, 5, 3, 2, 1]) / 47)
    days = pd.Timestamp("2025-01-06") + pd.to_timedelta(rng.choice(np.arange(180), n), unit="D")
    when = days + pd.to_timedelta(hours, unit="h") + pd.to_timedelta(rng.integers(0, 60, n), unit="m")
    visits = pd.DataFrame(
        {
            "visited_at": when.strftime("%Y-%m-%d %H:%M:%S"),
            "room": rng.choice(["Reading", "Kids", "Media", "Archive"], n, p=[0.4, 0.3, 0.2, 0.1]),
            "staff": rng.choice(["Ana", "Ben", "Cho", "Dev", "Eli"], n, p=[0.32, 0.25, 0.2, 0.14, 0.09]),
            "minutes": np.round(rng.uniform(5, 120, n), 1),
        }
    )
    m = 1200
    stamp = pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 3 * 365 * 24 * 60, m), unit="min")
    reports = pd.DataFrame(
        {
            "접수일시": stamp.strftime("%Y-%m-%d %H:%M"),
            "자치구": rng.choice(["중구", "동구", "서구", "남구", "북구"], m, p=[0.3, 0.25, 0.2, 0.15, 0.1]),
            "신고유형": rng.choice(["소음", "주차", "악취"], m, p=[0.5, 0.3, 0.2]),
            "처리일수": rng.integers(1, 15, m),
            "만족도": rng.integers(1, 6, m),
        }
    )
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    airports = pd.DataFrame({"airport": ["ICN", "NRT", "HKG", "SIN", "BKK"]})
    for k, month in enumerate(months):
        airports[month] = rng.integers(1000, 5000, 5) + 300 * k
    k = 400
    bikes = pd.DataFrame(
        {
            "대여일자": (pd.Timestamp("2025-04-01") + pd.to_timedelta(rng.integers(0, 60, k), unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "대여소": rng.choice(["역삼역", "시청역", "합정역"], k, p=[0.5, 0.3, 0.2]),
            # few rows with many rentals against many rows with few: rows and rentals rank apart
            "이용건수": np.where(rng.random(k) < 0.5, rng.integers(1, 4, k), rng.integers(1, 4, k)),
        }
    )
    bikes.loc[bikes["대여소"] == "합정역", "이용건수"] *= 9
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("library_visits", visits),
        ("신고_접수", reports),
        ("airport_passengers", airports),
        ("따릉이_대여", bikes),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def listed(answer: str) -> list[str]:
    """The names of an answer's list ("- name: value"), in order."""
    return [x.group(1) for x in re.finditer(r"^- (.+?): ", answer, re.M)]


@pytest.mark.parametrize("mode", MODES)
def test_busy_words_rank_periods_and_groups_by_their_rows(data, mode):
    frame, _ = data["library_visits"]
    when = pd.to_datetime(frame["visited_at"])
    hour = str(when.dt.hour.value_counts().idxmax())
    for question in ("busiest hour of the day", "peak hour", "가장 붐비는 시간대는?", "방문이 제일 많이 몰리는 시간"):
        head = first_line(answered(data, "library_visits", question, mode))
        assert re.search(rf"(?<!\d){hour}(?!\d)", head), (question, head)
    quiet = when.dt.day_name().value_counts().idxmin()
    head = first_line(answered(data, "library_visits", "quietest day of the week", mode))
    assert quiet in head, head
    # "during peak hours" is the rush, a part of the day without agreed hours: asked back
    declined(data, "library_visits", "visits during peak hour", mode)
    rooms = frame["room"].value_counts()
    assert rooms.index[0] in first_line(answered(data, "library_visits", "most popular room", mode))
    assert rooms.index[-1] in first_line(answered(data, "library_visits", "least popular room", mode))
    assert rooms.index[1] in first_line(answered(data, "library_visits", "second busiest room", mode))
    # data within one year: "busiest month" is its month
    month = when.dt.month_name().value_counts().idxmax()
    assert month in first_line(answered(data, "library_visits", "busiest month", mode))


@pytest.mark.parametrize("mode", MODES)
def test_ranking_words_list_every_group_in_order(data, mode):
    frame, _ = data["library_visits"]
    by_mean = frame.groupby("staff")["minutes"].mean().sort_values(ascending=False)
    answer = answered(data, "library_visits", "rank the staff by average minutes", mode)
    assert listed(answer) == list(by_mean.index), answer
    frame, _ = data["신고_접수"]
    counts = frame["자치구"].value_counts()
    for question in ("자치구별 건수 순위", "자치구별 건수 많은 순"):
        answer = answered(data, "신고_접수", question, mode)
        assert listed(answer) == list(counts.index), (question, answer)  # every group, not one extreme
        assert all(states(answer, v, 0) for v in counts), answer
    low_first = frame.groupby("자치구")["만족도"].mean().sort_values()
    answer = answered(data, "신고_접수", "자치구별 평균 만족도 낮은 순으로", mode)
    assert listed(answer) == list(low_first.index), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_ranking_word_with_one_named_value_asks_its_place(data, mode):
    frame, _ = data["library_visits"]
    place = int(frame["staff"].value_counts().rank(ascending=False)["Dev"])
    head = first_line(answered(data, "library_visits", "Where does Dev rank among staff by number of visits?", mode))
    assert f"#{place}" in head, head
    frame, _ = data["신고_접수"]
    place = int(frame.groupby("자치구")["처리일수"].sum().rank(ascending=False)["서구"])
    head = first_line(answered(data, "신고_접수", "처리일수 합계 기준 서구 순위는?", mode))
    assert f"{place}위" in head, head


@pytest.mark.parametrize("mode", MODES)
def test_the_datasets_kind_noun_names_its_rows(data, mode):
    frame, _ = data["신고_접수"]
    years = pd.to_datetime(frame["접수일시"]).dt.year.value_counts()
    answer = answered(data, "신고_접수", "연도별 신고 건수", mode)
    assert all(states(answer, v, 0) for v in years), answer  # rows counted, not kinds of report
    head = first_line(answered(data, "신고_접수", "신고가 가장 많았던 해는?", mode))
    assert str(years.idxmax()) in head, head
    # "구는 어디야?": the group is asked, not the lowest single rating
    worst = frame.groupby("자치구")["만족도"].mean().idxmin()
    head = first_line(answered(data, "신고_접수", "만족도가 가장 낮은 구는 어디야?", mode))
    assert worst in head, head


@pytest.mark.parametrize("mode", MODES)
def test_which_month_over_several_years_is_asked_back(data, mode):
    frame, _ = data["신고_접수"]
    declined(data, "신고_접수", "신고가 가장 많은 달은?", mode)
    month = pd.to_datetime(frame["접수일시"]).dt.month.value_counts().idxmax()
    head = first_line(answered(data, "신고_접수", "busiest month of the year", mode))
    assert pd.Timestamp(2000, month, 1).month_name() in head, head


@pytest.mark.parametrize("mode", MODES)
def test_busy_words_never_count_rows_that_hold_amounts(data, mode):
    # a wide table (a column per month): each month has one row per airport, so counting rows
    # would call every month equally busy; the amount to total must be named
    declined(data, "airport_passengers", "busiest month overall", mode)
    frame, _ = data["airport_passengers"]
    month = frame.drop(columns="airport").sum().idxmax()
    head = first_line(answered(data, "airport_passengers", "month with the most passengers", mode))
    assert month in head, head
    # rows that each count the rentals (이용건수): how busy a station is is its total
    frame, _ = data["따릉이_대여"]
    totals = frame.groupby("대여소")["이용건수"].sum()
    assert totals.idxmax() != frame["대여소"].value_counts().idxmax()
    head = first_line(answered(data, "따릉이_대여", "가장 붐비는 대여소", mode))
    assert totals.idxmax() in head and states(head, totals.max(), 0), head
