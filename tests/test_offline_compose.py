"""Periods written as text, hours of the day and composed plans in the offline analyst, through
both renderers (pandas, and the dataset held in DuckDB): each question is answered as pandas
computes it here, and a near variant that no plan can answer honestly is declined or asked back.

* periods written as text ("2021년 1월", "1995Q1", "2019년 1분기") are read as dates;
* the hour of a timestamp: "which hour", "after 6 pm", "오후 6시 이후", "between 22:00 and 23:00";
* composition: a group picked by a superlative, then a measure of it ("매출이 가장 높은 지점의
  평균 직원수"); periods counted by a per-period condition ("how many years had total X over N").
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_plans import ask

from vista_jupyter.assistant.offline.catalog import text_period_format, text_period_start

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("compose")
    rng = np.random.default_rng(29)
    # one row per branch and month, the month written "2021년 1월"
    branches = pd.DataFrame(
        [
            (f"{m.year}년 {m.month}월", b, int(rng.normal(1500 * s, 200)), int(staff + rng.integers(-2, 3)))
            for m in pd.date_range("2021-01-01", "2023-12-01", freq="MS")
            for b, s, staff in (("강남점", 1.4, 14), ("홍대점", 1.0, 10), ("부산점", 0.8, 8))
        ],
        columns=["기준월", "지점", "매출", "직원수"],
    )
    # one row per country and quarter, the quarter written "1995Q1"
    quarters = pd.DataFrame(
        [
            (f"{q.year}Q{q.quarter}", c, round(float(rng.normal(g, 1.5)), 2))
            for q in pd.period_range("2000Q1", "2012Q4", freq="Q")
            for c, g in (("Korea", 4.0), ("Japan", 1.0))
            if not (c == "Japan" and q.year == 2005)  # Japan has no row at all in 2005
        ],
        columns=["quarter", "country", "growth"],
    )
    # one row per unit and quarter, the quarter written "2019년 1분기"
    units = pd.DataFrame(
        [
            (f"{q.year}년 {q.quarter}분기", u, round(float(rng.uniform(80, 120) * s), 1))
            for q in pd.period_range("2019Q1", "2022Q4", freq="Q")
            for u, s in (("가전", 3.0), ("부품", 1.0))
        ],
        columns=["분기", "부문", "매출액"],
    )
    # taxi trips with a pickup time to the second (never on the hour exactly)
    n = 1500
    weights = np.ones(24)
    weights[18] = 3.0  # the evening peak: one hour clearly first
    hours = rng.choice(24, n, p=weights / weights.sum())
    pickup = pd.Timestamp("2024-05-01") + pd.to_timedelta(
        rng.integers(0, 30, n) * 86400 + hours * 3600 + rng.integers(1, 3600, n), unit="s"
    )
    trips = pd.DataFrame(
        {
            "pickup_time": pickup.strftime("%Y-%m-%d %H:%M:%S"),
            "zone": rng.choice(["Downtown", "Airport", "Harbor"], n, p=[0.5, 0.2, 0.3]),
            "fare": np.round(rng.gamma(3, 5, n) + np.where(hours >= 20, 6, 0), 2),
        }
    )
    trips["tip"] = np.round(trips["fare"] * 0.15 + (hours % 3), 2)
    # one row per city and month ("2015-01"), a year of rain per city
    rain = pd.DataFrame(
        [
            (m.strftime("%Y-%m"), c, round(float(rng.gamma(3, 40 * w)), 1))
            for m in pd.date_range("2015-01-01", "2022-12-01", freq="MS")
            for c, w in (("Seoul", 1.0), ("Busan", 1.2))
        ],
        columns=["ym", "city", "rain_mm"],
    )
    # months written as numbers, as statistics tables write them (2019.01 ... 2019.12: read as
    # numbers, October is 2019.1)
    dotted = pd.DataFrame(
        [
            (m.year + m.month / 100, round(float(rng.uniform(10, 20)), 1))
            for m in pd.date_range("2019-01-01", "2021-12-01", freq="MS")
        ],
        columns=["기준월", "sales"],
    )
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("branches", branches),
        ("quarters", quarters),
        ("units", units),
        ("trips", trips),
        ("rain", rain),
        ("dotted", dotted),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


# --- periods written as text ------------------------------------------------------------------


def test_text_periods_are_recognised_only_when_every_value_is_one():
    assert text_period_format(["2021년 1월", "2021년 12월", "2022년 3월"]) == "text:year-month-ko"
    assert text_period_format(["1995Q1", "1995 Q4", "1996-Q2"]) == "text:year-quarter"
    assert text_period_format(["2019년 1분기", "2019년 4분기", "2020년 2분기"]) == "text:year-quarter-ko"
    assert text_period_format(["2019.01", "2019.12", "2020.07"]) == "text:year.month"
    # a code that only looks like one, a fifth quarter, a thirteenth month: not periods
    assert text_period_format(["1995Q1", "1995Q5", "1996Q1"]) is None
    assert text_period_format(["2021년 1월", "2021년 13월", "2022년 1월"]) is None
    assert text_period_format(["A1Q2", "B3Q1", "C2Q4"]) is None
    assert text_period_start("2020년 2분기", "text:year-quarter-ko") == "2020-04-01T00:00:00"


@pytest.mark.parametrize("mode", MODES)
def test_a_korean_month_column_filters_and_groups_by_year(data, mode):
    frame, _ = data["branches"]
    p = pd.to_datetime(frame["기준월"], format="%Y년 %m월")
    analysis, answer = ask(data, "branches", "2022년 강남점 매출 합계는?", mode)
    assert not analysis.declined, answer
    expected = frame.loc[(p.dt.year == 2022) & (frame["지점"] == "강남점"), "매출"].sum()
    assert states(first_line(answer), expected, 0), answer
    # a month named as it is written selects that month's rows
    analysis, answer = ask(data, "branches", "2023년 3월 전체 매출은 얼마야?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame.loc[frame["기준월"] == "2023년 3월", "매출"].sum(), 0), answer
    assert "2023-03" in first_line(answer) and "2023-03-01" not in answer, answer  # the month, not its first day
    analysis, answer = ask(data, "branches", "which year had the highest total 매출?", mode)
    assert not analysis.declined, answer
    assert str(frame.groupby(p.dt.year)["매출"].sum().idxmax()) in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_quarters_written_as_text_are_read_as_quarters(data, mode):
    frame, _ = data["quarters"]
    q = pd.PeriodIndex(frame["quarter"], freq="Q")
    analysis, answer = ask(data, "quarters", "average growth of Korea in 2008", mode)
    assert not analysis.declined, answer
    expected = frame.loc[(q.year == 2008) & (frame["country"] == "Korea"), "growth"].mean()
    assert states(first_line(answer), expected), answer
    units, _ = data["units"]
    analysis, answer = ask(data, "units", "2020년 2분기 매출액 합계는?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), units.loc[units["분기"] == "2020년 2분기", "매출액"].sum(), 1), answer


@pytest.mark.parametrize("question", ["which years are missing for each country?", "country별로 빠진 연도는?"])
def test_years_missing_for_each_value_of_quarters_written_as_text(data, question):
    answers = [ask(data, "quarters", question, mode) for mode in MODES]
    assert not any(a.declined for a, _ in answers), answers
    lines = [first_line(answer) for _, answer in answers]
    assert lines[0] == lines[1] and "Japan 2005" in lines[0] and "Korea" not in lines[0], lines


def test_two_groupings_outside_a_question_of_what_is_missing_are_declined(data):
    analysis, answer = ask(data, "quarters", "average growth per year for each country in one number", "pandas")
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
def test_months_written_as_numbers_are_months(data, mode):
    frame, path = data["dotted"]
    year = (frame["기준월"] // 1).astype(int)
    month = ((frame["기준월"] - frame["기준월"] // 1) * 100).round().astype(int)
    assert (month == 10).sum() == 3  # October is 2019.1, 2020.1, 2021.1
    analysis, answer = ask(data, "dotted", "total sales in October 2020", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame.loc[(year == 2020) & (month == 10), "sales"].sum(), 1), answer
    analysis, answer = ask(data, "dotted", "연도별 sales 합계", mode)
    assert not analysis.declined, answer
    for y, total in frame.groupby(year)["sales"].sum().items():
        assert str(y) in answer and states(answer, total, 1), answer


def test_numbers_near_2000_are_months_only_in_a_column_named_for_time(data, tmp_path):
    from vista_jupyter.assistant.offline.catalog import build_table
    from vista_jupyter.profile import profile_parquet

    frame = pd.DataFrame(
        {"weight": [2019.01, 2019.05, 2019.12, 2020.03], "기준월": [2019.01, 2019.05, 2019.12, 2020.03]}
    )
    frame.to_parquet(tmp_path / "w.parquet")
    table = build_table(
        {
            "var_name": "df",
            "name": "w",
            "profile": profile_parquet(tmp_path / "w.parquet"),
            "parquet_path": str(tmp_path / "w.parquet"),
        }
    )
    assert table.column("weight").date_format is None and table.column("기준월").is_date


# --- hours of the day ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["which hour of the day has the most trips?", "몇 시에 운행이 가장 많아?"])
def test_the_hour_with_the_most_rows(data, mode, question):
    frame, _ = data["trips"]
    analysis, answer = ask(data, "trips", question, mode)
    assert not analysis.declined, answer
    counts = frame.groupby(pd.to_datetime(frame["pickup_time"]).dt.hour).size().sort_values(ascending=False)
    assert counts.iloc[0] > counts.iloc[1]  # one hour is first
    assert f"**{counts.index[0]}**" in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("question", "low", "high"),
    [
        ("how many trips started after 6 pm?", 18, 24),
        ("오후 6시 이후 운행은 몇 건이야?", 18, 24),
        ("number of trips between 22:00 and 23:00", 22, 23),
        ("오전에 운행은 몇 건?", 0, 12),
        ("how many trips between 9 am and 5 pm?", 9, 17),
        ("9시부터 18시까지 운행 건수", 9, 18),
        ("저녁 7시에서 9시 사이 운행은 몇 건?", 19, 21),
    ],
)
def test_rows_picked_by_the_hour(data, mode, question, low, high):
    frame, _ = data["trips"]
    analysis, answer = ask(data, "trips", question, mode)
    assert not analysis.declined, answer
    hour = pd.to_datetime(frame["pickup_time"]).dt.hour
    assert states(first_line(answer), int(((hour >= low) & (hour < high)).sum()), 0), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("question", "hours", "said"),
    [
        ("how many trips in the evening?", range(18, 22), "18:00–21:59"),
        ("밤에 운행은 몇 건?", [22, 23, 0, 1, 2, 3, 4, 5], "22:00–05:59"),  # past midnight
    ],
)
def test_a_part_of_the_day_without_hours_is_its_usual_hours_said(data, mode, question, hours, said):
    # round 8: the lexicon's usual hours (daytime_hours), stated under the first line
    frame, _ = data["trips"]
    analysis, answer = ask(data, "trips", question, mode)
    assert not analysis.declined, answer
    hour = pd.to_datetime(frame["pickup_time"]).dt.hour
    assert states(first_line(answer), int(hour.isin(list(hours)).sum()), 0), answer
    assert said in answer


@pytest.mark.parametrize(
    "question",
    [
        "how many trips during rush hour?",  # the morning's or the evening's: asked back
        "how many trips between 10 pm and 2 am?",  # across midnight: not one range of hours
    ],
)
def test_a_part_of_the_day_without_agreed_hours_is_asked_back(data, question):
    analysis, answer = ask(data, "trips", question, "pandas")
    assert analysis.declined and not analysis.steps, answer
    assert "rush hour" in answer or "within one day" in answer, answer


def test_hours_of_dates_without_times_are_declined(data):
    analysis, answer = ask(data, "rain", "which hour of the day has the most rain_mm?", "pandas")
    assert analysis.declined, answer


# --- composition: a group picked, then a measure of it ----------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_measure_of_the_group_a_superlative_picks(data, mode):
    frame, _ = data["branches"]
    top = frame.groupby("지점")["매출"].sum().idxmax()
    analysis, answer = ask(data, "branches", "매출이 가장 높은 지점의 평균 직원수는?", mode)
    assert not analysis.declined, answer
    line = first_line(answer)
    assert top in line and states(line, frame.loc[frame["지점"] == top, "직원수"].mean()), answer
    trips, _ = data["trips"]
    zone = trips.groupby("zone")["fare"].mean().idxmax()
    question = "Which zone has the highest average fare, and how many trips did it have?"
    analysis, answer = ask(data, "trips", question, mode)
    assert not analysis.declined, answer
    line = first_line(answer)
    assert zone in line and states(line, int((trips["zone"] == zone).sum()), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_measure_of_the_period_a_superlative_picks(data, mode):
    frame, _ = data["branches"]
    year = pd.to_datetime(frame["기준월"], format="%Y년 %m월").dt.year
    best = frame.groupby(year)["매출"].sum().idxmax()
    expected = frame.loc[year == best, "직원수"].mean()
    for question in ("average 직원수 in the year with the most 매출", "매출이 가장 많았던 해의 평균 직원수는?"):
        analysis, answer = ask(data, "branches", question, mode)
        assert not analysis.declined, answer
        assert str(best) in first_line(answer) and states(first_line(answer), expected), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("question", "rank", "ascending"),
    [
        ("fare가 두 번째로 높은 운행의 tip은?", 2, False),
        ("tip of the trip with the lowest fare", 1, True),
    ],
)
def test_a_column_of_the_row_a_ranking_picks(data, mode, question, rank, ascending):
    frame, _ = data["trips"]
    ranked = frame.sort_values("fare", ascending=ascending, kind="stable")
    assert ranked["fare"].iloc[rank - 1] != ranked["fare"].iloc[rank]  # no tie at that place
    asked = "tip"
    analysis, answer = ask(data, "trips", question, mode)
    assert not analysis.declined, answer
    line = first_line(answer)
    assert states(line, ranked[asked].iloc[rank - 1]) and not states(line, ranked[asked].iloc[rank]), answer


@pytest.mark.parametrize(
    "question",
    [
        "fare가 두 번째로 높은 운행의 tip 분포는?",  # a distribution is not one row's value
        "Which zone has the highest average fare, and why?",  # not a measure
        "평균 fare가 가장 높은 zone의 Harbor 운행 건수는?",  # names a zone of its own too
    ],
)
def test_a_second_part_that_is_no_measure_of_the_picked_group_is_declined(data, question):
    analysis, answer = ask(data, "trips", question, "pandas")
    assert analysis.declined and not analysis.steps, answer


# --- composition: periods counted by a per-period condition -------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    ["how many years had total rain_mm over 1500 in Seoul?", "Seoul의 연간 rain_mm 합계가 1500을 넘은 해는 몇 번이야?"],
)
def test_periods_counted_by_their_total(data, mode, question):
    frame, _ = data["rain"]
    seoul = frame[frame["city"] == "Seoul"]
    totals = seoul.groupby(pd.to_datetime(seoul["ym"]).dt.year)["rain_mm"].sum()
    expected = int((totals > 1500).sum())
    assert 0 < expected < len(totals)  # the condition splits the years
    analysis, answer = ask(data, "rain", question, mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), expected, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_periods_counted_where_rows_are_one_per_period(data, mode):
    frame, _ = data["rain"]
    expected = int(((frame["city"] == "Busan") & (frame["rain_mm"] > 150)).sum())
    analysis, answer = ask(data, "rain", "in how many months was rain_mm over 150 in Busan?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), expected, 0), answer


@pytest.mark.parametrize(
    "question",
    [
        # several branches a month: the month's total, or any branch's row? Not said
        "How many months did 매출 exceed 4000?",
        "월 매출이 4000을 넘은 달은 몇 번이야?",
    ],
)
def test_periods_counted_without_saying_how_a_period_adds_up_are_declined(data, question):
    analysis, answer = ask(data, "branches", question, "pandas")
    assert analysis.declined and not analysis.steps, answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["how many days had more than {n} trips?", "운행이 {n}건 넘은 날은 며칠이야?"])
def test_periods_counted_by_their_number_of_rows(data, mode, question):
    # read as one plan, "more than 50 trips" became a condition on fare (fare > 50): a different
    # question; the rows per day are counted, then the days over the number
    frame, _ = data["trips"]
    per_day = frame.groupby(pd.to_datetime(frame["pickup_time"]).dt.date).size()
    n = int(per_day.median())
    analysis, answer = ask(data, "trips", question.format(n=n), mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int((per_day > n).sum()), 0), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("question", "value", "n"),
    [("how many days had fewer than {n} trips?", None, 52), ("how many days had total fare under {n}?", "fare", 1000)],
)
def test_periods_under_a_count_or_total_count_days_without_rows_as_zero(data, mode, question, value, n):
    # a day of the data's span without any trip has 0 of them: it is one of the days under the
    # number, though no row names it; the day's own rows are counted (or added up) as before
    frame, _ = data["trips"]
    day = pd.to_datetime(frame["pickup_time"]).dt.to_period("D")
    per_day = frame.groupby(day).size() if value is None else frame.groupby(day)[value].sum()
    span = pd.period_range(day.min(), day.max(), freq="D")
    per_day = per_day.reindex(span, fill_value=0)
    expected = int((per_day < n).sum())
    assert 0 < expected < len(span)
    analysis, answer = ask(data, "trips", question.format(n=n), mode)
    assert not analysis.declined, answer
    assert f"**{expected}**" in first_line(answer), answer


def test_periods_under_a_count_within_a_date_condition_are_declined(data):
    # the days "in May" without a trip are not the data's span: which days count is not said
    analysis, answer = ask(data, "trips", "how many days in May 2024 had fewer than 40 trips?", "pandas")
    assert analysis.declined and not analysis.steps, answer


@pytest.mark.parametrize("mode", MODES)
def test_the_group_picked_by_its_number_of_rows_then_its_average(data, mode):
    # read as one plan, the zones were ranked by their average fare: a different question
    frame, _ = data["trips"]
    zone = frame.groupby("zone").size().idxmax()
    analysis, answer = ask(data, "trips", "which zone has the most trips, and what is its average fare?", mode)
    assert not analysis.declined, answer
    line = first_line(answer)
    assert zone in line and states(line, frame.loc[frame["zone"] == zone, "fare"].mean()), answer


# --- ordinals: the n-th period of one name's series ----------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_the_nth_period_of_one_names_series(data, mode):
    frame, _ = data["quarters"]
    japan = frame[frame["country"] == "Japan"].set_index("quarter")["growth"].sort_values()
    analysis, answer = ask(data, "quarters", "Japan에서 growth가 두 번째로 낮은 분기는?", mode)
    assert not analysis.declined, answer
    line = first_line(answer)
    assert f"**{japan.index[1]}**" in line and states(line, japan.iloc[1]), answer


def test_the_nth_period_over_several_names_is_declined(data):
    # two countries a quarter: the quarter's average, or the quarter of the n-th row? Not said
    analysis, answer = ask(data, "quarters", "growth가 두 번째로 낮은 분기는?", "pandas")
    assert analysis.declined, answer
