"""Names people use for places and organisations against the spelling the data holds, the words
of tourism and labour statistics, and the Korean and "orders" readings of issue 14's fifth round,
through both renderers (pandas, and the dataset held in DuckDB), each with a near variant that
must be declined or asked back.

The data is shaped like real publishers' files: World Bank country names ("Korea, Rep.",
"Congo, Dem. Rep."), ISO alpha-3 codes beside them, US states as postal codes, states written
out with carriers' full names in a shop's orders.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_plans import MODES, ask

from vista_jupyter.assistant.offline import catalog, gazetteer
from vista_jupyter.profile import profile_parquet


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("places")
    rng = np.random.default_rng(7)
    countries = {
        "Korea, Rep.": "KOR",
        "Viet Nam": "VNM",
        "Russian Federation": "RUS",
        "Bahamas, The": "BHS",
        "Congo, Dem. Rep.": "COD",
        "Congo, Rep.": "COG",
        "United States": "USA",
        "Japan": "JPN",
    }
    tourism = pd.DataFrame(
        [
            (name, code, year, int(rng.integers(1e5, 3e7)), int(rng.integers(1e5, 3e7)))
            for name, code in countries.items()
            for year in range(2015, 2024)
        ],
        columns=["Country Name", "Country Code", "Year", "arrivals", "departures"],
    )
    months = pd.date_range("2023-01-01", "2024-12-01", freq="MS").strftime("%Y-%m-%d")
    labor = pd.DataFrame(
        [
            (code, m, round(float(rng.uniform(2.5, 6.5)), 1), round(float(rng.uniform(25, 45)), 2))
            for code in ("CA", "TX", "NY", "IN", "OR", "WA", "DC")
            for m in months
        ],
        columns=["state", "month", "unemployment_rate", "avg_hourly_earnings"],
    )
    n = 900
    orders = pd.DataFrame(
        {
            "order_id": [f"SO-{k}" for k in range(n)],
            "order_date": rng.choice(pd.date_range("2022-01-01", "2024-12-31").strftime("%Y-%m-%d"), n),
            "ship_state": rng.choice(["California", "New York", "Texas", "Washington"], n, p=[0.4, 0.3, 0.2, 0.1]),
            "carrier": rng.choice(["United Parcel Service", "United States Postal Service", "DHL Express"], n),
            "amount": np.round(rng.lognormal(4, 0.5, n), 2),
        }
    )
    # two carriers with the same initials: "UPS" may be either
    shared = orders.assign(carrier=rng.choice(["United Parcel Service", "Universal Package Systems", "DHL Express"], n))
    # a table whose rows are days with a column counting the orders of the day
    daily = pd.DataFrame(
        {
            "date": pd.date_range("2023-01-01", "2024-12-31").strftime("%Y-%m-%d"),
        }
    )
    daily["region"] = rng.choice(["north", "south", "east"], len(daily))
    daily["orders"] = rng.integers(0, 40, len(daily))
    air = pd.DataFrame(
        {
            "date": pd.date_range("2023-01-01", periods=200).strftime("%Y-%m-%d"),
            "station": rng.choice(["Hill", "Port"], 200),
            "temp_max": np.round(rng.normal(20, 5, 200), 1),
        }
    )
    air["temp_min"] = np.round(air["temp_max"] - rng.uniform(3, 12, 200), 1)
    # grants by agency, the agencies written as their initials
    grants = pd.DataFrame(
        {
            "agency": rng.choice(["NSF", "NIH", "NASA", "DOE"], 400),
            "amount": np.round(rng.uniform(1e4, 1e6, 400), 0),
        }
    )
    # visitors to Korea by nationality, in Korean, as the Korea Tourism Organization writes them
    kto = pd.DataFrame(
        [
            (c, ym, int(rng.integers(1e4, 5e5)))
            for c in ("중국", "일본", "미국", "대만", "베트남", "러시아")
            for ym in (202301, 202302, 202303, 202304)
        ],
        columns=["국적", "연월", "입국자수"],
    )
    # house prices by US city
    homes = pd.DataFrame(
        {
            "city": rng.choice(["Los Angeles", "New York", "Chicago", "Houston", "Seattle"], 500),
            "price": np.round(rng.lognormal(13, 0.4, 500), -2),
        }
    )
    # vital statistics by region and year
    vital = pd.DataFrame(
        [
            (year, region, int(rng.integers(1000, 9000)), int(rng.integers(1000, 9000)), int(rng.integers(2e4, 9e4)))
            for year in range(2018, 2024)
            for region in ("north", "south", "east", "west")
        ],
        columns=["year", "region", "births", "deaths", "households"],
    )
    # energy use of sites named after their city in the local language
    energy = pd.DataFrame(
        {
            "Month": np.tile(pd.date_range("2024-01-01", periods=12, freq="MS").strftime("%Y-%m-%d"), 4),
            "Site": np.repeat(["Wien HQ", "München Lager", "Berlin Office", "Lyon Depot"], 12),
            "Cost": np.round(rng.uniform(5000, 30000, 48), 2),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("tourism", tourism),
        ("labor", labor),
        ("orders", orders),
        ("shared", shared),
        ("daily", daily),
        ("air", air),
        ("grants", grants),
        ("kto", kto),
        ("homes", homes),
        ("vital", vital),
        ("energy", energy),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def answered(data, name, question, mode):
    analysis, answer = ask(data, name, question, mode)
    assert not analysis.declined, answer
    return first_line(answer), answer


# --- the gazetteer: a place as people name it, the value as the data spells it ----------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question, country",
    [
        ("How many arrivals did South Korea have in 2019?", "Korea, Rep."),
        ("2019년 한국의 입국자 수는?", "Korea, Rep."),
        ("arrivals of Vietnam in 2019", "Viet Nam"),
        ("2019년 러시아 입국자 수", "Russian Federation"),
        ("How many arrivals did the Bahamas have in 2019?", "Bahamas, The"),
        ("How many arrivals did the Democratic Republic of the Congo have in 2019?", "Congo, Dem. Rep."),
    ],
)
def test_a_country_named_as_people_say_it_filters_on_the_datas_spelling(data, mode, question, country):
    frame, _ = data["tourism"]
    line, answer = answered(data, "tourism", question, mode)
    expected = frame.loc[(frame["Country Name"] == country) & (frame["Year"] == 2019), "arrivals"].sum()
    assert states(line, expected, 0), answer
    assert country in line, answer  # the reply says which value it used


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question, country",
    [
        ("How many visitors came from Japan in total?", "일본"),
        ("total arrivals from Vietnam", "베트남"),
        ("Which nationality had the most arrivals?", None),
    ],
)
def test_a_country_in_english_finds_the_korean_name_the_data_holds(data, mode, question, country):
    frame, _ = data["kto"]
    line, answer = answered(data, "kto", question, mode)
    if country is None:
        totals = frame.groupby("국적")["입국자수"].sum()
        assert totals.idxmax() in line and states(line, totals.max(), 0), answer
    else:
        assert states(line, frame.loc[frame["국적"] == country, "입국자수"].sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["arrivals in Congo in 2019", "콩고의 2019년 입국자 수"])
def test_a_name_two_values_share_is_asked_back_never_one_of_them(data, mode, question):
    analysis, answer = ask(data, "tourism", question, mode)
    assert analysis.declined, answer
    assert "Congo, Dem. Rep." in answer and "Congo, Rep." in answer, answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["arrivals in Germany in 2019", "2019년 독일 입국자 수"])
def test_a_country_the_data_lacks_is_declined_not_invented(data, mode, question):
    analysis, answer = ask(data, "tourism", question, mode)
    assert analysis.declined, answer


def test_a_code_column_beside_a_name_column_answers_second(data):
    _, path = data["tourism"]
    table = catalog.build_table({"var_name": "df", "name": "tourism", "profile": profile_parquet(path)})
    name, code = table.column("Country Name"), table.column("Country Code")
    assert name.concepts["country"] > code.concepts["country"]
    # and "미국" names the United States by its name, though the code column holds USA
    frame, _ = data["tourism"]
    line, answer = answered(data, "tourism", "미국의 2020년 출국자 수", "pandas")
    expected = frame.loc[(frame["Country Name"] == "United States") & (frame["Year"] == 2020), "departures"].sum()
    assert states(line, expected, 0), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question, code",
    [
        ("What was California's average unemployment rate?", "CA"),
        ("캘리포니아의 평균 실업률은?", "CA"),
        ("뉴욕주의 평균 실업률", "NY"),
        ("average unemployment rate in Washington, D.C.", "DC"),
        ("워싱턴 D.C.의 평균 실업률", "DC"),
        ("average unemployment rate in Indiana", "IN"),
    ],
)
def test_a_state_by_name_filters_a_column_of_postal_codes(data, mode, question, code):
    frame, _ = data["labor"]
    line, answer = answered(data, "labor", question, mode)
    assert states(line, frame.loc[frame["state"] == code, "unemployment_rate"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question, city",
    [
        ("로스앤젤레스의 평균 가격은?", "Los Angeles"),
        ("average price in LA", "Los Angeles"),
        ("시카고 평균 가격", "Chicago"),
    ],
)
def test_a_us_city_in_korean_or_by_its_initials_finds_the_datas_name(data, mode, question, city):
    frame, _ = data["homes"]
    line, answer = answered(data, "homes", question, mode)
    assert states(line, frame.loc[frame["city"] == city, "price"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["average price in la", "보스턴 평균 가격"])
def test_a_city_code_in_lower_case_or_a_city_the_data_lacks_is_declined(data, mode, question):
    analysis, answer = ask(data, "homes", question, mode)
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question, site",
    [
        ("average cost of the Vienna site", "Wien HQ"),
        ("뮌헨 사이트 평균 비용", "München Lager"),
        ("Munich average cost", "München Lager"),
    ],
)
def test_a_site_named_after_its_city_answers_to_the_citys_other_names(data, mode, question, site):
    frame, _ = data["energy"]
    line, answer = answered(data, "energy", question, mode)
    assert states(line, frame.loc[frame["Site"] == site, "Cost"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["average cost of the Paris site", "파리 사이트 평균 비용"])
def test_a_city_no_site_is_named_after_is_declined(data, mode, question):
    analysis, answer = ask(data, "energy", question, mode)
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_two_letter_word_in_lower_case_is_never_a_postal_code(data, mode):
    # IN (Indiana) and OR (Oregon) are codes in the data; "in" and "or" are words of the question
    frame, _ = data["labor"]
    line, answer = answered(data, "labor", "what was the average unemployment rate in 2024?", mode)
    year = pd.to_datetime(frame["month"]).dt.year == 2024
    assert states(line, frame.loc[year, "unemployment_rate"].mean()), answer
    assert "IN" not in line, answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question", ["How many orders were sent to CA?", "CA로 보낸 주문은 몇 건이야?", "텍사스 주문은 몇 건?"]
)
def test_a_state_by_code_or_in_korean_filters_a_column_of_names(data, mode, question):
    frame, _ = data["orders"]
    line, answer = answered(data, "orders", question, mode)
    state = "Texas" if "텍사스" in question else "California"
    assert states(line, int((frame["ship_state"] == state).sum()), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_place_the_data_lacks_in_korean_is_declined(data, mode):
    analysis, answer = ask(data, "orders", "오리건으로 간 주문은 몇 건?", mode)
    assert analysis.declined, answer


# --- organisations by their initials, computed from the data ----------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["Total amount of UPS orders", "UPS 주문 금액 합계는?"])
def test_initials_name_the_organisation_the_data_writes_in_full(data, mode, question):
    frame, _ = data["orders"]
    line, answer = answered(data, "orders", question, mode)
    assert states(line, frame.loc[frame["carrier"] == "United Parcel Service", "amount"].sum()), answer


@pytest.mark.parametrize("mode", MODES)
def test_initials_two_organisations_share_are_asked_back(data, mode):
    analysis, answer = ask(data, "shared", "Total amount of UPS orders", mode)
    assert analysis.declined, answer
    assert "United Parcel Service" in answer and "Universal Package Systems" in answer, answer


def test_initials_are_read_only_in_capitals():
    phrases = {p.keys: p for p in gazetteer.initials_phrases(("United Parcel Service", "DHL Express"))}
    assert phrases[("ups",)].code and phrases[("ups",)].values == ("United Parcel Service",)
    # "de" (DHL Express) is a word of French or a two-letter initial: read only as written, DE
    assert phrases[("de",)].code


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question, agency",
    [
        ("total amount from the National Science Foundation", "NSF"),
        ("average amount of National Aeronautics and Space Administration grants", "NASA"),
        ("Department of Energy의 amount 합계는?", "DOE"),
    ],
)
def test_an_organisation_spelled_out_names_the_initials_the_data_holds(data, mode, question, agency):
    frame, _ = data["grants"]
    line, answer = answered(data, "grants", question, mode)
    agg = "mean" if "average" in question else "sum"
    assert states(line, frame.loc[frame["agency"] == agency, "amount"].agg(agg)), answer


@pytest.mark.parametrize("mode", MODES)
def test_an_organisation_the_data_lacks_spelled_out_is_declined(data, mode):
    # NEA is no agency of the data: its words stay unknown, never another agency's rows
    analysis, answer = ask(data, "grants", "total amount from the National Endowment for the Arts", mode)
    assert analysis.declined, answer


# --- words of tourism and labour statistics ------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question", ["How many tourists visited Japan in 2018?", "2018년 일본 관광객 수는?", "일본의 2018년 방문객 수"]
)
def test_visitors_and_tourists_of_a_country_are_its_arrivals_and_add_up(data, mode, question):
    frame, _ = data["tourism"]
    line, answer = answered(data, "tourism", question, mode)
    expected = frame.loc[(frame["Country Name"] == "Japan") & (frame["Year"] == 2018), "arrivals"].sum()
    assert states(line, expected, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_how_many_arrivals_over_years_is_their_total_not_a_count_of_rows(data, mode):
    frame, _ = data["tourism"]
    line, answer = answered(data, "tourism", "how many arrivals did Japan have from 2016 to 2018?", mode)
    expected = frame.loc[(frame["Country Name"] == "Japan") & frame["Year"].between(2016, 2018), "arrivals"].sum()
    assert states(line, expected, 0), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["average hourly wage in Texas", "텍사스의 평균 시급은?"])
def test_wages_name_the_earnings_column(data, mode, question):
    frame, _ = data["labor"]
    line, answer = answered(data, "labor", question, mode)
    assert states(line, frame.loc[frame["state"] == "TX", "avg_hourly_earnings"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_measure_the_data_lacks_is_declined(data, mode):
    # the labour data has no tourism and no nationality
    for question in ("average tourism receipts in Texas", "국적별 평균 실업률"):
        analysis, answer = ask(data, "labor", question, mode)
        assert analysis.declined, (question, answer)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question, column, year",
    [
        ("2020년 출생아 수 합계", "births", 2020),
        ("how many newborns were there in 2021?", "births", 2021),
        ("2022년 사망자 수는?", "deaths", 2022),
        ("how many households were there in 2019?", "households", 2019),
    ],
)
def test_everyday_words_of_vital_statistics_name_their_columns(data, mode, question, column, year):
    frame, _ = data["vital"]
    line, answer = answered(data, "vital", question, mode)
    assert states(line, frame.loc[frame["year"] == year, column].sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["2020년 이혼 건수 합계", "how many marriages were there in 2020?"])
def test_a_vital_statistic_the_data_lacks_is_declined(data, mode, question):
    analysis, answer = ask(data, "vital", question, mode)
    assert analysis.declined, answer


# --- 해는: the year; orders on a table of orders ------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_the_year_when_something_was_highest_reads_hae_as_the_year(data, mode):
    frame, _ = data["orders"]
    line, answer = answered(data, "orders", "주문 수가 가장 많았던 해는?", mode)
    per_year = frame.groupby(frame["order_date"].str[:4]).size()
    assert per_year.idxmax() in line and states(line, per_year.max(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_word_beginning_with_hae_and_an_ending_is_not_the_year(data, mode):
    # 해지 (a cancellation) is not 해 (the year) + 지
    analysis, answer = ask(data, "orders", "주문 수가 가장 많았던 해지는?", mode)
    assert analysis.declined, answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["주문 수가 가장 많은 주는?", "Which state has the most orders?"])
def test_orders_on_a_table_of_orders_are_its_rows(data, mode, question):
    frame, _ = data["orders"]
    line, answer = answered(data, "orders", question, mode)
    counts = frame["ship_state"].value_counts()
    assert counts.index[0] in line and states(line, counts.iloc[0], 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_orders_where_a_column_counts_them_are_that_columns_total(data, mode):
    frame, _ = data["daily"]
    line, answer = answered(data, "daily", "주문 수가 가장 많은 region은?", mode)
    totals = frame.groupby("region")["orders"].sum()
    assert totals.idxmax() in line and states(line, totals.max(), 0), answer


# --- the difference of two columns ----------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    ["average of temp_max - temp_min", "temp_max minus temp_min on average", "temp_max에서 temp_min을 뺀 값의 평균"],
)
def test_a_difference_of_two_columns_is_computed_per_row(data, mode, question):
    frame, _ = data["air"]
    line, answer = answered(data, "air", question, mode)
    assert states(line, (frame["temp_max"] - frame["temp_min"]).mean()), answer
    assert not states(line, frame["temp_max"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_an_extreme_in_a_columns_name_is_not_the_statistic_of_a_difference(data, mode):
    # "max" in temp_max says which statistic of temp_max is meant, not of temp_max − temp_min:
    # with no statistic asked, the difference gets the one any measure gets, and says so
    frame, _ = data["air"]
    line, answer = answered(data, "air", "temp_max minus temp_min", mode)
    difference = frame["temp_max"] - frame["temp_min"]
    assert line.startswith("Mean of"), answer
    assert states(line, difference.mean()), answer
    assert not states(line, difference.max()), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["average of temp_max - station", "temp_max minus station on average"])
def test_a_difference_with_a_column_that_is_not_a_number_is_declined(data, mode, question):
    analysis, answer = ask(data, "air", question, mode)
    assert analysis.declined, answer
