"""Plans over periods and groups that need more than one aggregation: each period's change from
the one before (the period that rose or fell the most, periods counted by the way they went), the
first period whose value crosses a number, groups and periods counted by their measure, which of
two columns is larger, the rest of a comparison, and statistics of per-row differences and ratios.

Every question runs through both renderers as a kernel would run it (`df` in pandas, and the
dataset held in DuckDB with its SQL), and the answer's first line is checked against pandas
computed here; a near variant that cannot be answered honestly must be declined.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # this test process only; the analyst's code never selects a backend
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from answers import ask_held as ask  # noqa: E402
from answers import first_line, states  # noqa: E402

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("series")
    rng = np.random.default_rng(7)
    # One row per month, 2019-01 .. 2023-12, with 2021-06 missing: the month after a gap has no
    # change from "the month before" (it is two months on), and a year missing whole (2021 has
    # rows, but see `yearly`) is a year with a total of 0.
    months = [m for m in pd.period_range("2019-01", "2023-12", freq="M") if str(m) != "2021-06"]
    visitors = pd.DataFrame(
        {
            "month": [str(m) for m in months],
            "visitors": [int(v) for v in rng.integers(50_000, 150_000, len(months))],
            "outbound": [int(v) for v in rng.integers(40_000, 160_000, len(months))],
        }
    )
    visitors.loc[visitors["month"] == "2021-07", "visitors"] = 400_000  # the largest rise is over a gap
    # sales per day in 2020 and 2022 only: 2021 lies in the data's span with no row at all
    days = [d for d in pd.date_range("2020-01-01", "2022-12-31") if d.year != 2021]
    sales = pd.DataFrame(
        {"day": [d.strftime("%Y-%m-%d") for d in days], "amount": np.round(rng.uniform(0, 100, len(days)), 1)}
    )
    # countries by year: gdp and life expectancy, in regions
    spec = {"Ana": "North", "Bel": "North", "Cor": "North", "Dun": "South", "Eli": "South", "Fal": "South"}
    countries = pd.DataFrame(
        [
            (c, r, y, round(float(rng.uniform(1000, 9000)), 1), round(float(rng.uniform(50, 85)), 1))
            for c, r in spec.items()
            for y in range(2000, 2011)
        ],
        columns=["country", "region", "year", "gdp", "life"],
    )
    # rides: a fare and a distance per row, several rows a day
    n = 600
    rides = pd.DataFrame(
        {
            "day": pd.to_datetime("2023-01-01")
            + pd.to_timedelta(rng.integers(0, 365, n), unit="D").astype("timedelta64[ns]"),
            "rider": rng.choice(["member", "casual"], n),
            "distance_km": np.round(rng.lognormal(1.0, 0.9, n) + 0.1, 2),
        }
    )
    # a base fare and a rate per km: short rides cost more per km, so the median of the rides'
    # own ratios is far from total fare ÷ total distance
    rides["fare"] = np.round(3 + 0.5 * rides["distance_km"] + rng.uniform(0, 1, n), 2)
    rides["day"] = rides["day"].dt.strftime("%Y-%m-%d")
    # a wide table: two head counts of one kind and a rate
    wide = pd.DataFrame(
        {
            "month": [str(m) for m in pd.period_range("2020-01", "2022-12", freq="M")],
            "factory": rng.integers(4000, 4500, 36),
            "building": rng.integers(1800, 2600, 36),
            "jobless_rate": np.round(rng.uniform(2.5, 5.0, 36), 1),
        }
    )
    # daily PM10 per station: lower is better, so "the worst" is the highest average
    stations = pd.DataFrame(
        [
            (d.strftime("%Y-%m-%d"), s, round(float(rng.normal(30 + 6 * k, 8)), 1), int(rng.integers(50, 90)))
            for d in pd.date_range("2023-01-01", "2023-03-31")
            for k, s in enumerate(("Hill", "Port", "Vale", "Dock"))
        ],
        columns=["date", "station", "pm10", "humidity"],
    )
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("stations", stations),
        ("visitors", visitors),
        ("sales", sales),
        ("countries", countries),
        ("rides", rides),
        ("wide", wide),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def monthly_changes(frame: pd.DataFrame) -> pd.Series:
    """Each month's change from the calendar month before (none after a missing month)."""
    s = frame.set_index(pd.PeriodIndex(frame["month"], freq="M"))["visitors"]
    return (s - s.reindex(s.index - 1).to_numpy()).dropna()


def month_name(period: str) -> str:
    return pd.Period(period, freq="M").strftime("%B %Y")


# --- each period's change from the one before -------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("question", "rise"),
    [
        ("In which month did visitors fall the most compared with the month before?", False),
        ("What was the biggest month-over-month increase in visitors?", True),
    ],
)
def test_the_month_that_rose_or_fell_the_most_from_the_month_before(data, mode, question, rise):
    frame, _ = data["visitors"]
    analysis, answer = ask(data, "visitors", question, mode)
    assert not analysis.declined, answer
    changes = monthly_changes(frame)
    best = changes.idxmax() if rise else changes.idxmin()
    line = first_line(answer)
    assert month_name(str(best)) in line, answer
    assert states(line, abs(changes[best]), 0), answer
    # 2021-07 jumped to 400,000, but the month before it (2021-06) is missing: no change there
    assert "July 2021" not in line, answer


@pytest.mark.parametrize("mode", MODES)
def test_the_month_that_rose_the_most_in_korean(data, mode):
    frame, _ = data["visitors"]
    analysis, answer = ask(data, "visitors", "visitors가 전월보다 가장 크게 늘어난 달은 언제야?", mode)
    assert not analysis.declined, answer
    best = pd.Period(monthly_changes(frame).idxmax(), freq="M")
    assert f"{best.year}년 {best.month}월" in first_line(answer), answer


def test_a_change_without_a_direction_is_declined(data):
    for question in ("In which month did visitors change the most?", "visitors가 가장 많이 변한 달은?"):
        analysis, answer = ask(data, "visitors", question, "pandas")
        assert analysis.declined, (question, answer)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    ["how many months saw a drop in visitors from the previous month?", "visitors가 전달보다 줄어든 달은 몇 번이야?"],
)
def test_months_counted_by_their_fall_from_the_month_before(data, mode, question):
    frame, _ = data["visitors"]
    analysis, answer = ask(data, "visitors", question, mode)
    assert not analysis.declined, answer
    expected = int((monthly_changes(frame) < 0).sum())
    assert f"**{expected}**" in first_line(answer), answer


def test_a_day_before_is_not_read_over_monthly_rows(data):
    # a monthly table has no day before: the words stay unused and the question declines
    analysis, answer = ask(data, "visitors", "how many days saw a drop in visitors from the day before?", "pandas")
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
def test_the_year_that_fell_the_most_from_the_year_before(data, mode):
    frame, _ = data["visitors"]
    analysis, answer = ask(data, "visitors", "visitors가 전년 대비 가장 많이 감소한 해는?", mode)
    assert not analysis.declined, answer
    totals = frame.groupby(frame["month"].str[:4].astype(int))["visitors"].sum().diff().dropna()
    line = first_line(answer)
    assert str(totals.idxmin()) in line and states(line, abs(totals.min()), 0), answer


# --- the first period whose value crosses a number ---------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    [
        "What was the first month after 2020 when visitors passed 140,000?",
        "2021년 이후 visitors가 처음으로 14만을 넘은 달은?",
    ],
)
def test_the_first_month_whose_value_crosses_a_number(data, mode, question):
    frame, _ = data["visitors"]
    analysis, answer = ask(data, "visitors", question, mode)
    assert not analysis.declined, answer
    hits = frame[(frame["month"] >= "2021-01") & (frame["visitors"] > 140_000)]
    first = hits["month"].iloc[0]
    line = first_line(answer)
    assert month_name(first) in line or f"{first[:4]}년 {int(first[5:])}월" in line, answer
    later = hits["month"].iloc[1]
    assert month_name(later) not in line, answer


def test_the_first_month_with_a_word_left_over_is_declined(data):
    # "from Japan" is not in the data: the crossing of all visitors would answer another question
    question = "What was the first month when visitors passed 140,000 from Japan?"
    analysis, answer = ask(data, "visitors", question, "pandas")
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
def test_the_first_year_whose_average_crosses_a_number(data, mode):
    frame, _ = data["countries"]
    analysis, answer = ask(data, "countries", "In which year was the average gdp first above 5000?", mode)
    assert not analysis.declined, answer
    per = frame.groupby("year")["gdp"].mean()
    hits = per[per > 5000]
    assert str(hits.index[0]) in first_line(answer), answer


# --- groups and periods counted by their measure -------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_groups_counted_by_their_average(data, mode):
    frame, _ = data["countries"]
    analysis, answer = ask(data, "countries", "How many countries had an average life above 67 in 2005?", mode)
    assert not analysis.declined, answer
    expected = int((frame[frame["year"] == 2005].groupby("country")["life"].mean() > 67).sum())
    assert f"**{expected}**" in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    ["How many countries had a lower gdp in 2010 than in 2000?", "2000년보다 2010년에 gdp가 낮아진 country는 몇 개?"],
)
def test_groups_counted_by_the_way_they_went_between_two_years(data, mode, question):
    frame, _ = data["countries"]
    analysis, answer = ask(data, "countries", question, mode)
    assert not analysis.declined, answer
    p = frame.pivot(index="country", columns="year", values="gdp")
    assert f"**{int((p[2010] < p[2000]).sum())}**" in first_line(answer), answer


def test_groups_counted_between_a_year_outside_the_data_is_declined(data):
    analysis, answer = ask(data, "countries", "How many countries had a lower gdp in 2010 than in 1990?", "pandas")
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
def test_years_under_a_total_count_a_year_without_rows_as_zero(data, mode):
    frame, _ = data["sales"]
    analysis, answer = ask(data, "sales", "How many years had total amount under 10000?", mode)
    assert not analysis.declined, answer
    totals = frame.groupby(frame["day"].str[:4].astype(int))["amount"].sum().reindex(range(2020, 2023), fill_value=0)
    assert f"**{int((totals < 10000).sum())}**" in first_line(answer), answer  # 2021: no row, 0
    assert int((totals < 10000).sum()) == 1


def test_periods_under_a_total_within_a_date_condition_are_declined(data):
    analysis, answer = ask(data, "sales", "How many months in 2022 had total amount under 1500?", "pandas")
    assert analysis.declined, answer


# --- comparisons: the rest of a condition, which of two columns ------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_the_rest_of_a_comparison_is_the_rows_not_meeting_it(data, mode):
    frame, _ = data["countries"]
    question = "In 2005, how much higher was the average gdp of countries with life over 70 than of the rest?"
    analysis, answer = ask(data, "countries", question, mode)
    assert not analysis.declined, answer
    k = frame[frame["year"] == 2005]
    m = k["life"] > 70
    diff = k.loc[m, "gdp"].mean() - k.loc[~m, "gdp"].mean()
    assert states(first_line(answer), abs(diff), 0), answer


def test_the_rest_with_two_values_named_is_declined(data):
    question = "how much higher was the average gdp of countries with life over 70 in North than the rest?"
    analysis, answer = ask(data, "countries", question, "pandas")
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    ["Which had the higher average in 2021, building or factory?", "factory와 building 중 평균이 더 높은 쪽은?"],
)
def test_which_of_two_columns_has_the_higher_average(data, mode, question):
    frame, _ = data["wide"]
    analysis, answer = ask(data, "wide", question, mode)
    assert not analysis.declined, answer
    rows = frame[frame["month"].str.startswith("2021")] if "2021" in question else frame
    means = rows[["factory", "building"]].mean()
    line = first_line(answer)
    assert line.split("**")[1] == means.idxmax(), answer
    assert states(line, means.max(), 0) and states(line, means.min(), 0), answer


def test_two_columns_of_different_kinds_are_not_compared(data):
    analysis, answer = ask(data, "wide", "factory와 jobless_rate 중 평균이 더 높은 쪽은?", "pandas")
    assert analysis.declined, answer


# --- statistics of per-row differences and ratios ---------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    [
        "On average, how many more outbound than visitors were there per month?",
        "average difference between outbound and visitors",
        "월평균 outbound와 visitors의 차이는?",
    ],
)
def test_the_average_difference_of_two_columns(data, mode, question):
    frame, _ = data["visitors"]
    analysis, answer = ask(data, "visitors", question, mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), (frame["outbound"] - frame["visitors"]).mean(), 0), answer


def test_a_difference_of_two_columns_without_a_statistic_is_declined(data):
    analysis, answer = ask(data, "visitors", "how many more outbound than visitors in 2019?", "pandas")
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["What is the median fare per km?", "km당 fare의 중앙값은 얼마야?"])
def test_the_median_of_a_per_row_ratio(data, mode, question):
    frame, _ = data["rides"]
    analysis, answer = ask(data, "rides", question, mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), (frame["fare"] / frame["distance_km"]).median(), 2), answer
    # not the ratio of the totals, which is another number here
    assert not states(first_line(answer), frame["fare"].sum() / frame["distance_km"].sum(), 2), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_spread_said_as_max_minus_min_is_the_range(data, mode):
    frame, _ = data["rides"]
    analysis, answer = ask(data, "rides", "What's the spread of fares for casual riders, max minus min?", mode)
    assert not analysis.declined, answer
    k = frame.loc[frame["rider"] == "casual", "fare"]
    assert states(first_line(answer), k.max() - k.min()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_share_not_by_a_value(data, mode):
    frame, _ = data["rides"]
    analysis, answer = ask(data, "rides", "What percentage of rides were not by members?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), 100 * (frame["rider"] != "member").mean(), 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_month_as_a_multiple_of_the_same_month_a_year_before(data, mode):
    frame, _ = data["visitors"]
    analysis, answer = ask(data, "visitors", "2022년 8월 visitors는 1년 전 같은 달의 몇 배야?", mode)
    assert not analysis.declined, answer
    s = frame.set_index("month")["visitors"]
    assert states(first_line(answer), s["2022-08"] / s["2021-08"]), answer


def test_the_same_month_a_year_before_without_a_comparison_is_declined(data):
    # no change and no ratio asked: "1년 전 같은 달" alone is a date relative to today
    analysis, answer = ask(data, "visitors", "1년 전 같은 달의 visitors는?", "pandas")
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question", ["which station has the second worst average pm10?", "평균 pm10이 두 번째로 나쁜 station은?"]
)
def test_the_second_worst_group_by_a_measure_whose_lower_is_better(data, mode, question):
    frame, _ = data["stations"]
    analysis, answer = ask(data, "stations", question, mode)
    assert not analysis.declined, answer
    ranked = frame.groupby("station")["pm10"].mean().sort_values(ascending=False)
    line = first_line(answer)
    assert line.split("**")[1] == ranked.index[1] and states(line, ranked.iloc[1]), answer


def test_the_second_worst_of_a_measure_with_no_better_way_is_declined(data):
    analysis, answer = ask(data, "stations", "which station has the second worst average humidity?", "pandas")
    assert analysis.declined, answer


def test_an_extreme_of_a_per_row_ratio_is_declined(data):
    # the highest fare per km of which rides: one ride's ratio, or a total over a total?
    analysis, answer = ask(data, "rides", "What is the highest fare per km?", "pandas")
    assert analysis.declined, answer
