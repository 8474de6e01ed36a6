"""Wide tables, one column per period, as statistics offices publish them (KOSIS, the World Bank,
CDC, Eurostat): the offline analyst reads them as one measure observed per period, through both
renderers (pandas, and the dataset held in DuckDB). Each answer is computed here with pandas.

* the period columns are recognised by their names (years, 1월..12월, Jan..Dec, Q1..Q4) and the
  table is read in long form, made first in the code the user sees (melt / UNPIVOT);
* a period is a condition ("in 2023", "3월", "Q3"), a grouping ("by year", "분기별") and a
  time axis ("trend"); changes run between period columns;
* the measure is named by the file ("flu_cases" of flu_cases.csv, 인구 of 시도별_인구);
* "which month had the most exports" is the month's total over the items; of a measure that
  does not add up (GDP per capita) the countries' mean, said so, never one country's year;
* "average per state in 2019": with the period and the other labels fixed, the mean over states;
* a word of the file's name naming the measure ("expenditure" of USPersonalExpenditure) is the
  measure, not the rows (it listed the matching row without its value).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, declined
from test_offline_plans import ask

from vista_jupyter.assistant.offline.wide import period_of, wide_of

MODES = ("pandas", "duckdb")
YEARS = [str(y) for y in range(2019, 2024)]
MONTHS = [f"{m}월" for m in range(1, 13)]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("wide")
    rng = np.random.default_rng(14)
    states_ = ["California", "Texas", "Ohio", "Iowa"]
    flu = pd.DataFrame(
        [(s, d, *rng.integers(lo, hi, len(YEARS))) for s in states_ for d, lo, hi in
         (("Influenza", 1000, 9000), ("Measles", 5, 90))],
        columns=["state", "disease", *YEARS],
    )  # fmt: skip
    population = pd.DataFrame(
        [(p, *rng.integers(1_000_000, 9_000_000, 9)) for p in ("서울", "부산", "대구", "제주")],
        columns=["시도", *[str(y) for y in range(2015, 2024)]],
    )
    exports = pd.DataFrame(
        [(item, *rng.integers(500, 9000, 12)) for item in ("반도체", "자동차", "선박")], columns=["품목", *MONTHS]
    )
    sales = pd.DataFrame(
        [(r, p, *np.round(rng.uniform(100, 500, 4), 1)) for r in ("North", "South") for p in ("Widgets", "Gadgets")],
        columns=["region", "product", "Q1", "Q2", "Q3", "Q4"],
    )
    gdp = pd.DataFrame(
        [(n, c, *np.round(rng.uniform(1000, 60000, 5), 1)) for n, c in (("Japan", "JPN"), ("Brazil", "BRA"))],
        columns=["Country Name", "Country Code", *YEARS],
    )
    # R's USPersonalExpenditure as pandas reads R's CSV (row names in "Unnamed: 0"): categories by
    # year, the measure named by the file only
    spending = pd.DataFrame(
        [
            (c, *np.round(rng.uniform(1, 90, 5), 2))
            for c in (
                "Food and Tobacco",
                "Household Operation",
                "Medical and Health",
                "Personal Care",
                "Private Education",
            )
        ],
        columns=["Unnamed: 0", "1940", "1945", "1950", "1955", "1960"],
    )
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("USPersonalExpenditure", spending),
        ("flu_cases", flu),
        ("시도별_인구", population),
        ("품목별_수출액", exports),
        ("regional_sales", sales),
        ("gdp_per_capita", gdp),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def test_period_columns_are_recognised_by_their_names():
    assert period_of("2019") == ("year", 2019) and period_of("2019년") == ("year", 2019)
    assert period_of("3월") == ("month", 3) and period_of("Mar") == ("month", 3) and period_of("March") == ("month", 3)
    assert period_of("Q2") == ("quarter", 2) and period_of("2분기") == ("quarter", 2)
    assert period_of("2023-01") == ("year_month", 2023 * 12) and period_of("state") is None
    assert period_of("1234") is None and period_of("13월") is None

    def dataset(names, kinds=None):
        kinds = kinds or ["categorical"] + ["numeric"] * (len(names) - 1)
        return {"var_name": "df", "name": "x.csv", "profile": {"column_profiles": [
            {"name": n, "kind": k} for n, k in zip(names, kinds)]}}  # fmt: skip

    wide = wide_of(dataset(["state", *YEARS]))
    assert wide is not None and wide.periods == YEARS and wide.labels == ["state"] and wide.period == "year"
    assert wide_of(dataset(["region", "Q1", "Q2", "Q3", "Q4"])).period == "quarter"
    assert wide_of(dataset(["시도", "2015", "2020", "2025"])).period == "연도"  # census years five apart
    # not one measure per period: headerless numbers, periods out of order or uneven, a second
    # measure beside them, no label
    assert wide_of(dataset(["column_1", "column_2", "column_3", "column_4"])) is None
    assert wide_of(dataset(["state", "2019", "2021", "2020"])) is None
    assert wide_of(dataset(["state", "2019", "2020", "2023"])) is None
    assert wide_of(dataset(["state", "population", *YEARS], ["categorical", "numeric", *["numeric"] * 5])) is None
    assert wide_of(dataset(YEARS, ["numeric"] * 5)) is None


@pytest.mark.parametrize("mode", MODES)
def test_a_period_column_is_a_condition_and_the_code_makes_the_long_form(data, mode):
    frame, _ = data["flu_cases"]
    analysis, answer = ask(data, "flu_cases", "total influenza cases in 2023", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame.loc[frame["disease"] == "Influenza", "2023"].sum(), 0), answer
    code = "\n".join(s.code for s in analysis.steps)
    assert (".melt(" in code) if mode == "pandas" else ("UNPIVOT" in code), code
    answer = answered(data, "flu_cases", "How many measles cases did Texas have in 2020?", mode)
    expected = frame.loc[(frame["state"] == "Texas") & (frame["disease"] == "Measles"), "2020"].sum()
    assert states(first_line(answer), expected, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_periods_are_a_time_axis(data, mode):
    frame, _ = data["flu_cases"]
    totals = frame[YEARS].sum()
    answer = answered(data, "flu_cases", "Which year had the highest total number of cases?", mode)
    assert totals.idxmax() in first_line(answer), answer
    answer = answered(data, "flu_cases", "total cases by year", mode)
    for year, total in totals.items():
        assert any(year in line and states(line, total, 0) for line in answer.splitlines()), (year, answer)
    measles = frame[frame["disease"] == "Measles"].set_index("state")["2021"]
    answer = answered(data, "flu_cases", "which state had the most measles cases in 2021", mode)
    assert measles.idxmax() in first_line(answer), answer
    frame, _ = data["시도별_인구"]
    busan = frame.set_index("시도").loc["부산"]
    answer = answered(data, "시도별_인구", "부산 인구 2019년 대비 2023년 증가율", mode)
    assert states(first_line(answer), abs(busan["2023"] / busan["2019"] - 1) * 100, 1), answer
    analysis, answer = ask(data, "시도별_인구", "부산 인구 추이 그래프로 보여줘", mode)
    assert not analysis.declined and analysis.plan.group.column == "연도", answer


@pytest.mark.parametrize("mode", MODES)
def test_months_and_quarters_are_periods_too(data, mode):
    frame, _ = data["품목별_수출액"]
    m = frame.set_index("품목")
    answer = answered(data, "품목별_수출액", "반도체 3월 수출액", mode)
    assert states(first_line(answer), m.loc["반도체", "3월"], 0), answer
    answer = answered(data, "품목별_수출액", "수출이 가장 많았던 달은?", mode)  # the month's total
    assert first_line(answer).count(m.sum().idxmax()) and states(first_line(answer), m.sum().max(), 0), answer
    answer = answered(data, "품목별_수출액", "반도체 연간 수출액 합계", mode)  # the twelve months: one year
    assert states(first_line(answer), m.loc["반도체"].sum(), 0), answer
    frame, _ = data["regional_sales"]
    answer = answered(data, "regional_sales", "total sales in Q3", mode)
    assert states(first_line(answer), frame["Q3"].sum(), 1), answer
    answer = answered(data, "regional_sales", "sales by quarter", mode)
    for quarter in ("Q1", "Q2", "Q3", "Q4"):
        assert any(quarter in line and states(line, frame[quarter].sum(), 1) for line in answer.splitlines()), answer


@pytest.mark.parametrize("mode", MODES)
def test_an_average_over_the_rows_of_one_period_and_what_does_not_add_up(data, mode):
    frame, _ = data["flu_cases"]
    answer = answered(data, "flu_cases", "average influenza cases per state in 2019", mode)
    assert states(first_line(answer), frame.loc[frame["disease"] == "Influenza", "2019"].mean()), answer
    frame, _ = data["gdp_per_capita"]
    answer = answered(data, "gdp_per_capita", "average GDP per capita across countries in 2022", mode)
    assert states(first_line(answer), frame["2022"].mean()), answer
    # each year has one value per country, and per-capita values do not add up: the year is ranked
    # by the countries' mean, said so, never by one country's year
    means = frame[YEARS].mean()
    answer = answered(data, "gdp_per_capita", "which year had the highest gdp per capita", mode)
    assert means.idxmax() in first_line(answer) and "mean" in first_line(answer).lower(), answer
    declined(data, "gdp_per_capita", "which month had the highest gdp per capita", mode)
    japan = frame.set_index("Country Name").loc["Japan", YEARS].astype(float)
    answer = answered(data, "gdp_per_capita", "In which year was Japan's GDP per capita highest?", mode)
    assert japan.idxmax() in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_files_word_for_the_measure_names_the_measure(data, mode):
    frame, _ = data["USPersonalExpenditure"]
    value = frame.loc[frame["Unnamed: 0"] == "Food and Tobacco", "1960"].iloc[0]
    line = first_line(answered(data, "USPersonalExpenditure", "expenditure on food and tobacco in 1960", mode))
    assert states(line, value), line
