"""Time as published tables write it (benchmarks/evalset27, round 13), through both renderers
(pandas, and the dataset held in DuckDB); each question is answered as pandas computes it here,
or declined where a reading would answer another question:

* decimal years (R's `time()` of a monthly series: 1949, 1949.0833...) are the months they name:
  "total per year", "in December", "in March 1958", "1955년 평균";
* a date kept in whole-number columns of its own (airquality's Month and Day; 연도 + 월): "by
  month" and "which month" group by the month column and name the months; a day is named by its
  month and day ("the hottest day" -> August 28), never measured as the number of the day;
* a start/end pair of dates gives each row's duration, in days for dates without a time of day,
  in years when asked ("몇 년", "in years"), with the words for a term (재임 기간, tenure);
* a column named for years holds years before 1800 too (christenings from 1629): "in 1665" is
  that row; on a table of one row a year, "the year with the highest X" ("X가 가장 높은 해",
  "연도") is the row, named by its year;
* a column of month names beside a date restates the date's month: "in which month was the army
  largest", "Army가 가장 많았던 달은?" name the month of the row (its date), never the calendar
  month of two years' rows pooled (which had answered "Sep" from Septembers' mean: wrong);
* R's `write.csv` leaves the header of its row numbers blank: a table of names and dates with
  that one numeric column keeps its header.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, declined

from vista_jupyter.ingest import read_table

MODES = ("pandas", "duckdb")
MONTHS = "January February March April May June July August September October November December".split()


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("time_parts")
    rng = np.random.default_rng(27)
    # monthly rows over years, the month as a decimal year (AirPassengers)
    k = np.arange(96)
    flights = pd.DataFrame(
        {"time": 1951 + k / 12, "passengers": (150 + 2 * k + 40 * np.sin(k * np.pi / 6) + rng.integers(0, 20, 96))}
    )
    flights["passengers"] = flights["passengers"].round().astype("int64")
    # one summer's days in Month and Day columns, no year (airquality)
    days = pd.date_range("1990-05-01", "1990-09-30", freq="D")
    air = pd.DataFrame(
        {
            "Ozone": rng.integers(5, 150, len(days)).astype(float),
            "Wind": np.round(rng.uniform(2, 20, len(days)), 1),
            "Temp": rng.integers(55, 97, len(days)),
            "Month": days.month,
            "Day": days.day,
        }
    )
    air.loc[air.index[::9], "Ozone"] = np.nan
    air.loc[100, "Temp"] = 99  # one hottest day: August 9
    # terms of office: a start/end pair of dates
    terms = pd.DataFrame(
        {
            "name": ["Adams", "Baker", "Clark", "Davis", "Evans", "Foster"],
            "start": pd.to_datetime(
                ["1953-01-20", "1961-01-20", "1963-11-22", "1969-01-20", "1974-08-09", "1977-01-20"]
            ),
            "end": pd.to_datetime(["1961-01-20", "1963-11-22", "1969-01-20", "1974-08-09", "1977-01-20", "1981-01-20"]),
            "party": ["R", "D", "D", "R", "R", "D"],
        }
    )
    # a year and a quarter column, several years (statsmodels' macrodata)
    macro = pd.DataFrame(
        {
            "year": np.repeat(np.arange(1995, 2005), 4),
            "quarter": np.tile([1, 2, 3, 4], 10),
            "infl": np.round(rng.normal(2.5, 1.5, 40), 2),
        }
    )
    # one row a year since 1629 (HistData's Arbuthnot: London's christenings and burials)
    london = pd.DataFrame(
        {
            "Year": np.arange(1629, 1711),
            "Males": rng.integers(2800, 8500, 82),
            "Mortality": rng.permutation(np.arange(8000, 8000 + 250 * 82, 250)),
        }
    )
    # one row a year of recent years
    yearly = pd.DataFrame({"year": np.arange(1990, 2020), "gdp": rng.permutation(np.round(np.linspace(10, 99, 30), 2))})
    # monthly rows over two years, a date and its month's name beside it (HistData's Nightingale)
    dates = pd.date_range("1854-04-01", periods=24, freq="MS")
    army = pd.DataFrame(
        {
            "Date": dates.strftime("%Y-%m-%d"),
            "Month": dates.strftime("%b"),
            "Year": dates.year,
            "Army": rng.permutation(np.arange(20_000, 20_000 + 1_000 * 24, 1_000)),
        }
    )
    # a month of something else beside a date: members' birth months and their signup dates
    signup = pd.date_range("2023-01-01", periods=240, freq="D")
    members = pd.DataFrame(
        {
            "member": [f"m{i}" for i in range(240)],
            "signup_date": signup.strftime("%Y-%m-%d"),
            "birth_month": rng.choice([m[:3] for m in MONTHS], 240),
            "score": rng.integers(40, 100, 240),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("members", members),
        ("army", army),
        ("flights", flights),
        ("airquality", air),
        ("terms", terms),
        ("macro", macro),
        ("london", london),
        ("yearly", yearly),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def _year(frame: pd.DataFrame) -> pd.Series:
    return (frame["time"] + 1e-6).astype(int)


def _month(frame: pd.DataFrame) -> pd.Series:
    return ((frame["time"] - _year(frame)) * 12).round().astype(int) + 1


@pytest.mark.parametrize("mode", MODES)
def test_decimal_years_are_months(data, mode):
    frame, _ = data["flights"]
    answer = answered(data, "flights", "total passengers per year", mode)
    for year, total in frame.groupby(_year(frame))["passengers"].sum().items():
        assert str(year) in answer and states(answer, total, 0), answer
    answer = answered(data, "flights", "average passengers in December", mode)
    assert states(first_line(answer), frame.loc[_month(frame) == 12, "passengers"].mean()), answer
    answer = answered(data, "flights", "how many passengers in March 1955", mode)
    march = frame.loc[(_year(frame) == 1955) & (_month(frame) == 3), "passengers"].sum()
    assert states(first_line(answer), march, 0), answer
    answer = answered(data, "flights", "1953년 평균 승객", mode)
    assert states(first_line(answer), frame.loc[_year(frame) == 1953, "passengers"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_month_column_groups_and_names_the_months(data, mode):
    frame, _ = data["airquality"]
    answer = answered(data, "airquality", "average wind by month", mode)
    for month, mean in frame.groupby("Month")["Wind"].mean().items():
        line = next(x for x in answer.splitlines() if MONTHS[month - 1] in x)
        assert states(line, mean), answer
    means = frame.groupby("Month")["Temp"].mean()
    answer = answered(data, "airquality", "which month had the highest mean temperature", mode)
    assert MONTHS[means.idxmax() - 1] in first_line(answer), answer
    answer = answered(data, "airquality", "오존 평균이 가장 낮은 달", mode)
    assert f"{frame.groupby('Month')['Ozone'].mean().idxmin()}월" in first_line(answer), answer
    # "월별 최고 기온" (each month's highest) is not the month with the highest mean
    analysis_declined_or_max = answered_or_declined(data, "airquality", "월별 최고 기온", mode)
    if analysis_declined_or_max is not None:
        for month, top in frame.groupby("Month")["Temp"].max().items():
            line = next(x for x in analysis_declined_or_max.splitlines() if f"{month}월" in x)
            assert states(line, top, 0), analysis_declined_or_max


def answered_or_declined(data, name: str, question: str, mode: str) -> str | None:
    from test_offline_plans import ask

    analysis, answer = ask(data, name, question, mode)
    return None if analysis.declined else answer


@pytest.mark.parametrize("mode", MODES)
def test_a_day_is_named_by_its_month_and_day(data, mode):
    frame, _ = data["airquality"]
    top = frame.loc[frame["Temp"].idxmax()]
    answer = answered(data, "airquality", "hottest day", mode)
    head = first_line(answer)
    assert f"{MONTHS[int(top['Month']) - 1]} {int(top['Day'])}" in head and states(head, top["Temp"], 0), answer
    answer = answered(data, "airquality", "가장 더웠던 날은 언제야?", mode)
    assert f"{int(top['Month'])}월 {int(top['Day'])}일" in first_line(answer), answer
    may = frame[frame["Month"] == 5]
    windy = may.loc[may["Wind"].idxmax()]
    answer = answered(data, "airquality", "windiest day in May", mode)
    assert f"May {int(windy['Day'])}" in first_line(answer) and states(first_line(answer), windy["Wind"]), answer
    # a day's number is a condition, not a row noun; a month and its day pick that day's row
    answer = answered(data, "airquality", "temperature on day 4 of July", mode)
    expected = frame.loc[(frame["Month"] == 7) & (frame["Day"] == 4), "Temp"].sum()
    assert states(first_line(answer), expected, 0), answer
    answer = answered(data, "airquality", "6월 15일 풍속은?", mode)
    expected = frame.loc[(frame["Month"] == 6) & (frame["Day"] == 15), "Wind"].sum()
    assert states(first_line(answer), expected), answer
    # a half of a month is not the first six months of the year (with July: no row at all)
    declined(data, "airquality", "mean temp in the first half of july", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_start_and_end_give_a_term(data, mode):
    frame, _ = data["terms"]
    days = (frame["end"] - frame["start"]).dt.days
    # one row's term: pandas shows it; SQL shows no per-row difference yet and declines
    answer = answered_or_declined(data, "terms", "Clark 재임 기간은 며칠이야?", mode)
    assert answer is not None or mode == "duckdb"
    if answer is not None:
        assert states(first_line(answer), days[frame["name"] == "Clark"].sum(), 0), answer
        assert not states(first_line(answer), 1, 0), answer  # never the number of rows
    answer = answered(data, "terms", "평균 재임 기간은 며칠?", mode)
    assert states(first_line(answer), days.mean(), 0), answer
    answer = answered(data, "terms", "average tenure in years", mode)
    assert states(first_line(answer), (days / 365.25).mean(), 1) and "year" in first_line(answer), answer
    answer = answered(data, "terms", "평균 임기는 몇 년?", mode)
    assert states(first_line(answer), days.mean() / 365.25), answer
    answer = answered(data, "terms", "party별 평균 재임 기간", mode)
    for party, mean in days.groupby(frame["party"]).mean().items():
        assert states(next(x for x in answer.splitlines() if party in x), mean, 0), answer
    declined(data, "terms", "was Adams a better leader than Baker?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_statistic_per_month_of_monthly_rows_is_per_calendar_month(data, mode):
    frame, _ = data["flights"]
    answer = answered(data, "flights", "average passengers by month", mode)
    assert "calendar month" in answer, answer
    for month, mean in frame.groupby(_month(frame))["passengers"].mean().items():
        line = next(x for x in answer.splitlines() if x.lstrip("- ").startswith(MONTHS[month - 1]))
        assert states(line, mean), answer
    # months counted by an amount: over monthly rows each month is a row; a year's is not said
    answer = answered(data, "flights", "how many months had more than 300 passengers", mode)
    assert states(first_line(answer), (frame["passengers"] > 300).sum(), 0), answer
    declined(data, "flights", "how many years had more than 3000 passengers", mode)


def test_r_row_numbers_with_a_blank_header_keep_the_header(tmp_path):
    path = tmp_path / "presidential.csv"
    path.write_text(
        '"","name","start","end","party"\n'
        '"1","Eisenhower",1953-01-20,1961-01-20,"Republican"\n'
        '"2","Kennedy",1961-01-20,1963-11-22,"Democratic"\n'
        '"3","Johnson",1963-11-22,1969-01-20,"Democratic"\n'
        '"4","Nixon",1969-01-20,1974-08-09,"Republican"\n'
        '"5","Ford",1974-08-09,1977-01-20,"Republican"\n'
        '"6","Carter",1977-01-20,1981-01-20,"Democratic"\n'
    )
    frame = read_table(path)
    assert list(frame.columns)[1:] == ["name", "start", "end", "party"], list(frame.columns)
    assert len(frame) == 6 and frame["name"].iloc[0] == "Eisenhower"


@pytest.mark.parametrize("mode", MODES)
def test_a_quarter_column_beside_several_years_pools_no_quarters(data, mode):
    """ "quarterly inflation" is each year's quarter (the rows), never the quarters of every year
    pooled (a guard: this branch's first reading pooled them, evalset2 macro-16)."""
    frame, _ = data["macro"]
    pooled = frame[frame["year"] >= 2000].groupby("quarter")["infl"].std()
    answer = answered_or_declined(data, "macro", "std dev of quarterly inflation since 2000", mode)
    assert answer is None or not all(states(answer, v) for v in pooled), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_table_of_one_row_a_year_names_its_years(data, mode):
    frame, _ = data["london"]
    answer = answered(data, "london", "mortality in 1665", mode)
    assert states(first_line(answer), frame.loc[frame["Year"] == 1665, "Mortality"].iloc[0], 0), answer
    top = frame.loc[frame["Mortality"].idxmax()]
    for question in (
        "which year had the highest mortality",
        "Mortality가 가장 높은 해는?",
        "Mortality가 가장 높은 연도",
    ):
        line = first_line(answered(data, "london", question, mode))
        assert str(int(top["Year"])) in line and states(line, top["Mortality"], 0), (question, line)
    frame, _ = data["yearly"]
    top = frame.loc[frame["gdp"].idxmax()]
    for question in ("gdp가 가장 높은 연도", "gdp가 가장 높은 해"):
        line = first_line(answered(data, "yearly", question, mode))
        assert str(int(top["year"])) in line and states(line, top["gdp"]), (question, line)


@pytest.mark.parametrize("mode", MODES)
def test_a_month_named_beside_its_date_is_the_dates_month(data, mode):
    frame, _ = data["army"]
    top = frame.loc[frame["Army"].idxmax()]
    for question in ("in which month was the army largest?", "Army가 가장 많았던 달은?"):
        line = first_line(answered(data, "army", question, mode))
        assert top["Date"][:7] in line and states(line, top["Army"], 0), (question, line)


@pytest.mark.parametrize("mode", MODES)
def test_a_month_that_is_not_the_dates_is_a_category(data, mode):
    """A birth month beside the signup date is a category of its own: its months are grouped
    (the sample rows show its names are not the dates' months)."""
    frame, _ = data["members"]
    means = frame.groupby("birth_month")["score"].mean()
    line = first_line(answered(data, "members", "which birth month has the highest average score?", mode))
    assert means.idxmax() in line and states(line, means.max()), line
    sizes = frame.groupby("birth_month").size()
    line = first_line(answered(data, "members", "which birth month has the most members?", mode))
    assert sizes.idxmax() in line and states(line, sizes.max(), 0), line
