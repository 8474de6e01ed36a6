"""A column holding a number of things per row, asked for as "the number of" them, through both
renderers (pandas, and the dataset held in DuckDB):

* "the number of flights by year" on monthly rows with a column of flights is the flights added
  up per year (it counted the rows: 12 a year, a wrong answer), "average number of flights per
  year" the mean of the yearly totals (it was the mean number of rows a year);
* "average number of bedrooms", "average number of stations" are the column's mean (declined
  before: the count of rows had no place for "average"), "plot mag against number of stations"
  the scatter of the two columns, "stations 수 평균" the same in Korean;
* a column of names counted ("number of countries") keeps its different values, and "how many"
  rows stays a count of rows;
* a column of codes (zip_code, route_no: whole numbers that name things) is never added up:
  "number of zip codes", "how many zip codes", "우편번호 수" are its different values (it summed
  the zip codes, or counted the rows); "how many customers" of orders with a customer_id is the
  different ids, never the orders (it counted the rows: a wrong answer).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, ask, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("counted")
    rng = np.random.default_rng(7)
    months = pd.date_range("2015-01-01", periods=48, freq="MS")
    traffic = pd.DataFrame({"month": months, "flights": rng.integers(10, 90, 48)})
    quakes = pd.DataFrame(
        {
            "mag": np.round(rng.uniform(4, 6.4, 60), 1),
            "stations": rng.integers(10, 130, 60),
            "region": rng.choice(["Fiji", "Tonga", "Vanuatu"], 60),
        }
    )
    houses = pd.DataFrame({"price": np.round(rng.uniform(100, 900, 40), 1), "bedrooms": rng.integers(1, 6, 40)})
    stores = pd.DataFrame(
        {
            "zip_code": rng.choice([2139, 10001, 10453, 11201, 30301, 60601, 94103], 200),
            "visitors": rng.integers(0, 50, 200),
            "sales": rng.integers(10, 500, 200),
        }
    )
    orders = pd.DataFrame(
        {
            "order_id": np.arange(5000, 5300),
            "customer_id": rng.integers(1, 90, 300),
            "product": rng.choice(["pen", "ink", "pad"], 300),
            "amount": rng.integers(5, 200, 300),
        }
    )
    # the most staff (Design), the most projects (Sales) and the most per head (Legal): rows,
    # totals and means each rank another department first
    staff = pd.DataFrame(
        {
            "department": ["Sales"] * 12 + ["Legal"] * 3 + ["Design"] * 13,
            "projects": [2, 3, 2, 1, 2, 3, 2, 2, 1, 3, 2, 2] + [8, 8, 8] + [1] * 13,
            "salary": rng.integers(40, 120, 28) * 1000,
        }
    )
    # one row per stratum of a study, with its numbers of cases and of controls (R's esoph)
    strata = [(a, d) for a in ("25-44", "45-64", "65+") for d in ("low", "mid", "high")]
    study = pd.DataFrame(
        {
            "agegroup": [a for a, _ in strata],
            "dose": [d for _, d in strata],
            "ncases": [0, 1, 2, 9, 14, 30, 5, 3, 1],
            "n_controls": [40, 30, 20, 60, 30, 12, 25, 10, 2],
        }
    )
    shop = pd.DataFrame({"store": rng.choice(["A", "B", "C"], 50), "sales": rng.integers(20, 900, 50)})
    # a population recorded for each country and year, and one for each state (no time)
    panel = pd.DataFrame(
        [
            (country, continent, year, int(base * (1 + 0.02 * (year - 2000))))
            for country, continent, base in (
                ("Aland", "North", 5_000_000),
                ("Bria", "North", 9_000_000),
                ("Cora", "South", 12_000_000),
            )
            for year in (2000, 2005, 2010)
        ],
        columns=["country", "continent", "year", "population"],
    )
    panel_monthly = panel.assign(month=pd.to_datetime(panel["year"].astype(str) + "-01-01")).drop(columns="year")
    states = pd.DataFrame(
        {"state": ["AL", "AK", "AZ", "AR"], "region": ["S", "W", "W", "S"], "pop": [4041, 550, 3665, 2351]}
    )
    # insects counted on plots, one row per plot and spray
    plots = pd.DataFrame({"spray": np.repeat(["A", "B", "C"], 6), "count": rng.integers(0, 25, 18)})
    # policies of a car insurer: holders and claims per district and age band (R's Insurance)
    insurance = pd.DataFrame(
        [
            (d, a, int(rng.integers(20, 900)), int(rng.integers(0, 120)))
            for d in (1, 2, 3, 4)
            for a in ("<25", "25-35", ">35")
        ],
        columns=["District", "Age", "Holders", "Claims"],
    )
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("Insurance", insurance),
        ("panel", panel),
        ("panel_monthly", panel_monthly),
        ("states", states),
        ("insect_sprays", plots),
        ("staff", staff),
        ("study", study),
        ("shop", shop),
        ("traffic", traffic),
        ("quakes", quakes),
        ("houses", houses),
        ("stores", stores),
        ("orders", orders),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_the_number_of_things_a_column_holds_adds_up(data, mode):
    frame, _ = data["traffic"]
    yearly = frame.groupby(frame["month"].dt.year)["flights"].sum()
    answer = answered(data, "traffic", "the number of flights by year", mode)
    for year, total in yearly.items():
        assert any(str(year) in line and states(line, total, 0) for line in answer.splitlines()), (year, answer)
    answer = answered(data, "traffic", "average number of flights per year", mode)
    assert states(first_line(answer), yearly.mean()), answer
    answer = answered(data, "traffic", "number of flights in 2016", mode)
    assert states(first_line(answer), yearly[2016], 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_statistic_of_the_number_a_column_holds(data, mode):
    frame, _ = data["houses"]
    answer = answered(data, "houses", "average number of bedrooms", mode)
    assert states(first_line(answer), frame["bedrooms"].mean()), answer
    frame, _ = data["quakes"]
    for question in ("average number of stations", "stations 수 평균"):
        answer = answered(data, "quakes", question, mode)
        assert states(first_line(answer), frame["stations"].mean()), (question, answer)
    answer = answered(data, "quakes", "plot mag against number of stations", mode)
    assert "stations" in first_line(answer) and "mag" in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_names_and_rows_are_still_counted(data, mode):
    frame, _ = data["quakes"]
    answer = answered(data, "quakes", "number of regions", mode)
    assert states(first_line(answer), frame["region"].nunique(), 0), answer
    answer = answered(data, "quakes", "how many rows are there", mode)
    assert states(first_line(answer), len(frame), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_codes_are_counted_as_names_never_added(data, mode):
    frame, _ = data["stores"]
    codes = frame["zip_code"].nunique()
    for question in ("number of zip codes", "how many zip codes are there?", "우편번호 수"):
        line = first_line(answered(data, "stores", question, mode))
        assert states(line, codes, 0) and not states(line, len(frame), 0), (question, line)
        assert not states(line, frame["zip_code"].sum(), 0), (question, line)
    # a column counting things still adds up beside it
    line = first_line(answered(data, "stores", "total number of visitors", mode))
    assert states(line, frame["visitors"].sum(), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_the_things_an_id_column_names_are_its_different_ids(data, mode):
    frame, _ = data["orders"]
    customers = frame["customer_id"].nunique()
    for question in ("how many customers are there?", "number of customers", "고객은 몇 명?"):
        line = first_line(answered(data, "orders", question, mode))
        assert states(line, customers, 0) and not states(line, len(frame), 0), (question, line)
    ink = frame.loc[frame["product"] == "ink", "customer_id"].nunique()
    line = first_line(answered(data, "orders", "how many customers bought ink?", mode))
    assert states(line, ink, 0), line
    # the orders, one row each, are still the rows
    line = first_line(answered(data, "orders", "how many orders", mode))
    assert states(line, len(frame), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_things_an_id_column_names_are_ranked_by_their_totals(data, mode):
    """ "Which customer spent the most" of orders is the customer with the largest total, never the
    largest single order (it answered an order's sales, labelled by its order_id)."""
    frame, _ = data["orders"]
    totals = frame.groupby("customer_id")["amount"].sum().sort_values(ascending=False)
    line = first_line(answered(data, "orders", "which customer spent the most?", mode))
    assert str(totals.index[0]) in line and states(line, totals.iloc[0], 0), line
    for question in ("top 3 customers by amount", "top 3 customers by total amount"):
        answer = answered(data, "orders", question, mode)
        for customer, total in totals.head(3).items():
            assert any(str(customer) in x and states(x, total, 0) for x in answer.splitlines()), (question, answer)


@pytest.mark.parametrize("mode", MODES)
def test_a_category_with_the_most_is_its_best_value(data, mode):
    """ "customer with the most orders", "product with the highest average amount": a category
    named first and said to have the extreme is ranked by its values, as "which customer has the
    most orders" is (it ranked single rows and listed their products)."""
    frame, _ = data["orders"]
    per = frame.groupby("customer_id").size()
    line = first_line(answered(data, "orders", "customer with the most orders", mode))
    assert all(str(x) in line for x in per[per == per.max()].index) and states(line, per.max(), 0), line
    means = frame.groupby("product")["amount"].mean()
    line = first_line(answered(data, "orders", "product with the highest average amount", mode))
    assert means.idxmax() in line and states(line, means.max()), line


@pytest.mark.parametrize("mode", MODES)
def test_the_most_things_of_a_group_is_their_total(data, mode):
    """ "which department has the most projects": a quantity word before a plural noun naming a
    column of numbers of things asks how many of them each group has, their total (it ranked the
    departments by their mean, a wrong answer: Legal, where Sales has the most); "the fewest" the
    smallest total."""
    frame, _ = data["staff"]
    totals = frame.groupby("department")["projects"].sum()
    assert totals.idxmax() != frame.groupby("department")["projects"].mean().idxmax()
    for question in ("which department has the most projects?", "department with the most projects"):
        line = first_line(answered(data, "staff", question, mode))
        assert totals.idxmax() in line and states(line, totals.max(), 0), (question, line)
    line = first_line(answered(data, "staff", "which department has the fewest projects?", mode))
    assert totals.idxmin() in line and states(line, totals.min(), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_a_korean_loanword_names_the_column_its_english_word_names(data, mode):
    """ "프로젝트 수가 가장 많은 부서": 프로젝트 is the loanword of the column `projects`, so this is
    the department with the most projects, as in English (it counted each department's rows, the
    staff: a wrong answer). "부서별 평균 프로젝트 수" is the mean per department."""
    frame, _ = data["staff"]
    totals = frame.groupby("department")["projects"].sum()
    rows = frame.groupby("department").size()
    assert totals.idxmax() != rows.idxmax()
    line = first_line(answered(data, "staff", "프로젝트 수가 가장 많은 부서는?", mode))
    assert totals.idxmax() in line and states(line, totals.max(), 0), line
    answer = answered(data, "staff", "부서별 평균 프로젝트 수", mode)
    for department, mean in frame.groupby("department")["projects"].mean().items():
        assert any(department in x and states(x, mean) for x in answer.splitlines()), answer


@pytest.mark.parametrize("mode", MODES)
def test_how_many_things_a_column_holds_is_their_total(data, mode):
    """ "how many projects" of staff with a projects column: the projects, added up (it counted
    the staff: a wrong answer); "how many staff have more than 5 projects" still counts rows, and
    "how many sales" of a column of sales amounts counts the rows, never adds the money."""
    frame, _ = data["staff"]
    for question in ("how many projects are there?", "how many projects in total?"):
        line = first_line(answered(data, "staff", question, mode))
        assert states(line, frame["projects"].sum(), 0) and not states(line, len(frame), 0), (question, line)
    line = first_line(answered(data, "staff", "how many staff have more than 5 projects?", mode))
    assert states(line, (frame["projects"] > 5).sum(), 0), line
    frame, _ = data["shop"]
    analysis, answer = ask(data, "shop", "how many sales were there?", mode)
    assert analysis.declined or not states(first_line(answer), frame["sales"].sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_name_made_of_a_count_word_and_a_noun_counts_those_things(data, mode):
    """ncases, n_controls: a count word before a noun names a column of how many of them each row
    holds (one row per stratum of a study). "total number of cases" is the column's total (it
    counted the strata), "which age group has the most cases" ranks the groups' totals (it
    ranked their numbers of rows), "what share of all cases" is a share of that total (it was the
    share of rows), and "how many controls" adds them up (it read the column, then counted rows)."""
    frame, _ = data["study"]
    line = first_line(answered(data, "study", "total number of cases", mode))
    assert states(line, frame["ncases"].sum(), 0) and not states(line, len(frame), 0), line
    line = first_line(answered(data, "study", "how many controls are there in total?", mode))
    assert states(line, frame["n_controls"].sum(), 0), line
    totals = frame.groupby("agegroup")["ncases"].sum()
    rows = frame.groupby("agegroup").size()
    line = first_line(answered(data, "study", "which agegroup has the most cases?", mode))
    assert totals.idxmax() in line and states(line, totals.max(), 0) and rows.max() != totals.max(), line
    share = totals["65+"] / totals.sum() * 100
    line = first_line(answered(data, "study", "what share of all cases are in the 65+ agegroup?", mode))
    assert states(line, share, 1) and not states(line, 100 / 3, 1), line


@pytest.mark.parametrize("mode", MODES)
def test_a_level_adds_up_over_places_never_over_periods(data, mode):
    """A population recorded each year adds up over the countries of one year, never over the
    years: "which continent has the largest population" of country-years added every year's
    population up: it is the latest year's (said so), and over dates declined, with what to ask;
    "... in 2010" and "by year" add one year's. Where nothing records time, "total population of all states" is the total (it was
    the column's distribution: "total population" was one word of the lexicon)."""
    frame, _ = data["panel"]
    in_2010 = frame[frame["year"] == 2010].groupby("continent")["population"].sum()
    # over years: the latest year's, said so (never the years added up)
    for question in ("which continent has the largest population?", "인구가 가장 많은 대륙"):
        answer = answered(data, "panel", question, mode)
        line = first_line(answer)
        assert in_2010.idxmax() in line and states(line, in_2010.max(), 0), (question, answer)
        assert "year" in answer, answer
    # never a mean of the years beside it ("yearly" read as the year column): the mean of each
    # continent's yearly totals (session 24's per-period reading), said so
    answer = answered(data, "panel", "average yearly population by continent", mode)
    yearly = frame.groupby(["continent", "year"])["population"].sum().groupby("continent").mean()
    assert "yearly total" in first_line(answer), answer
    assert all(any(c in x and states(x, v, 0) for x in answer.splitlines()) for c, v in yearly.items()), answer
    # over the months of a date: declined, with what to ask
    for question in ("which continent has the largest population?", "total population by continent"):
        declined(data, "panel_monthly", question, mode)
    line = first_line(answered(data, "panel", "which continent had the largest population in 2010?", mode))
    assert in_2010.idxmax() in line and states(line, in_2010.max(), 0), line
    answer = answered(data, "panel", "total population by year", mode)
    for year, total in frame.groupby("year")["population"].sum().items():
        assert any(str(year) in x and states(x, total, 0) for x in answer.splitlines()), answer
    frame, _ = data["states"]
    line = first_line(answered(data, "states", "total population of all states", mode))
    assert states(line, frame["pop"].sum(), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_things_beside_a_count_column_are_not_guessed(data, mode):
    """Plots with the number of insects counted on each (a column named count): "how many insects
    were counted in total" counted the plots (a wrong answer); the things may be the rows or the
    count's total, so it is declined, while the rows and the count's total are answered when asked
    so."""
    frame, _ = data["insect_sprays"]
    analysis, answer = ask(data, "insect_sprays", "how many insects were counted in total?", mode)
    assert analysis.declined and "count" in answer, answer
    line = first_line(answered(data, "insect_sprays", "how many rows are there?", mode))
    assert states(line, len(frame), 0), line
    line = first_line(answered(data, "insect_sprays", "total count for spray B", mode))
    assert states(line, frame.loc[frame["spray"] == "B", "count"].sum(), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_how_many_things_on_average_is_their_mean(data, mode):
    """ "how many bedrooms do houses have on average?": the mean of the column (declined: "on
    average" had no place beside the count)."""
    frame, _ = data["houses"]
    line = first_line(answered(data, "houses", "how many bedrooms do houses have on average?", mode))
    assert states(line, frame["bedrooms"].mean()), line


@pytest.mark.parametrize("mode", MODES)
def test_policyholders_are_counted_and_the_insurance_word_restates_the_data(data, mode):
    """Of an insurer's table (Insurance, with Holders and Claims), "the most policyholders" is the
    holders' total (it ranked their means), and 보험 in "연령대별 보험 청구 건수" says what the whole
    data is about: the claims' total per age band alone (it added the holders' mean, read from
    보험 through a concept that took the domain word for the holders)."""
    frame, _ = data["Insurance"]
    totals = frame.groupby("District")["Holders"].sum()
    line = first_line(answered(data, "Insurance", "which district has the most policyholders?", mode))
    assert states(line, totals.max(), 0), line
    answer = answered(data, "Insurance", "연령대별 보험 청구 건수", mode)
    assert "Holders" not in answer, answer
    for age, total in frame.groupby("Age")["Claims"].sum().items():
        assert any(age in x and states(x, total, 0) for x in answer.splitlines()), answer
