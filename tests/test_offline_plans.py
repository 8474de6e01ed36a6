"""What the offline analyst's plans can express and when they must decline, through both
renderers: each question runs as a kernel would run it, with `df` in pandas and with the dataset
held in DuckDB (the set-up a kernel gets: the view, the sample, `sql()`), and the answer's first
line is checked against pandas computed here. Near variants that cannot be answered honestly
must be declined, with a message that says which reading could not be made.
"""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")  # this test process only; the analyst's code never selects a backend
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from answers import ask_held as ask  # noqa: E402
from answers import first_line, states  # noqa: E402

from vista_jupyter.assistant.offline import catalog  # noqa: E402
from vista_jupyter.profile import profile_parquet  # noqa: E402

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("plans")
    rng = np.random.default_rng(18)
    days = pd.date_range("2024-01-01", periods=60).strftime("%Y-%m-%d")
    notes = [f"note {k}" for k in range(40)]
    # Deliveries: one row per delivery; 40 notes × 60 days = 2,400 ≈ 2,200 rows, so the distinct
    # counts look like notes-by-day, but (note, day) pairs repeat: the rows are deliveries.
    n = 2200
    deliveries = pd.DataFrame(
        {
            "delivery_id": [f"D{10000 + k}" for k in range(n)],
            "day": rng.choice(days, n),
            "city": rng.choice(["Seoul", "Busan", "Daegu"], n, p=[0.5, 0.3, 0.2]),
            "amount": np.round(rng.lognormal(4.3, 0.6, n), 2),
            "note": rng.choice(notes, n),
        }
    )
    # A true firm-year table: one row per firm (by its listing code) and year.
    ledger = pd.DataFrame(
        [(f"K{k:03d}", y, round(float(rng.normal(50, 10)), 1)) for k in range(9) for y in range(2005, 2020)],
        columns=["code", "year", "revenue"],
    )
    # Daily readings per station in 2023: Hill has no row on three days in May (and one in
    # June); some readings are empty cells, which are not missing days.
    gaps = {"Hill": {"2023-05-04", "2023-05-05", "2023-05-19", "2023-06-02"}, "Port": {"2023-05-10"}}
    readings = pd.DataFrame(
        [
            (d, s, None if rng.random() < 0.05 else round(float(rng.normal(20 + 5 * k, 6)), 1))
            for d in pd.date_range("2023-01-01", "2023-12-31").strftime("%Y-%m-%d")
            for k, s in enumerate(("Hill", "Port", "Vale"))
            if d not in gaps.get(s, ())
        ],
        columns=["date", "station", "pm10"],
    )
    # One row per plant and month; Birch has no gas meter at all.
    plants = pd.DataFrame(
        [
            (m, p, round(float(rng.uniform(20, 95)), 1), None if p == "Birch" else round(float(rng.normal(500, 80)), 1))
            for m in pd.date_range("2022-01-01", "2023-12-01", freq="MS").strftime("%Y-%m-%d")
            for p in ("Ash", "Birch", "Cedar", "Elm")
        ],
        columns=["month", "plant", "load", "gas"],
    )
    # readings with a second measure per row (the per-row difference of two columns)
    mixed = readings.assign(load=np.round(rng.uniform(0, 30, len(readings)), 1))
    # Daily sales over two years: "which month" may mean one month of one year or a month of
    # every year taken together.
    sales = pd.DataFrame(
        {
            "date": pd.date_range("2022-01-01", "2023-12-31").strftime("%Y-%m-%d"),
        }
    )
    sales["amount"] = np.round(rng.uniform(10, 100, len(sales)), 1)
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("sales", sales),
        ("deliveries", deliveries),
        ("ledger", ledger),
        ("readings", readings),
        ("plants", plants),
        ("mixed", mixed),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


# --- rows are things by period only when (name, period) pairs are unique ----------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_coincidence_of_distinct_counts_does_not_make_rows_things_by_period(data, mode):
    frame, path = data["deliveries"]
    dataset = {"var_name": "df", "name": "deliveries", "profile": profile_parquet(path), "parquet_path": str(path)}
    table = catalog.build_table(dict(dataset, mode=mode))
    assert ("note", "day") in catalog.period_candidates(table)  # the counts multiply to ≈ rows
    assert table.periods == []  # but the data shows pairs repeating


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question", ["how many orders from Seoul with amount over 100", "Seoul에서 amount가 100 넘는 주문은 몇 건이야?"]
)
def test_orders_on_a_table_of_orders_are_counted(data, mode, question):
    frame, _ = data["deliveries"]
    analysis, answer = ask(data, "deliveries", question, mode)
    assert not analysis.declined, answer
    expected = int(((frame["city"] == "Seoul") & (frame["amount"] > 100)).sum())
    assert states(first_line(answer), expected, 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_orders_on_a_table_of_orders_are_ranked(data, mode):
    frame, _ = data["deliveries"]
    analysis, answer = ask(data, "deliveries", "top 5 orders by amount", mode)
    assert not analysis.declined, answer
    top = list(frame.sort_values("amount", ascending=False)["delivery_id"][:5])
    positions = [answer.find(t) for t in top]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["how many companies are there?", "회사는 모두 몇 개야?"])
def test_a_firm_year_table_declines_counting_companies_as_rows_and_says_why(data, mode, question):
    analysis, answer = ask(data, "ledger", question, mode)
    assert analysis.declined, answer
    assert "code" in answer and "year" in answer, answer  # names the reading: one code per year
    assert "fits into it" not in answer, answer


# --- missing days are calendar days without a row, within the period asked ------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question", ["How many days in May is Hill's data missing?", "5월에 Hill 데이터가 빠진 날은 며칠이야?"]
)
def test_missing_days_in_a_month_are_that_months_calendar_days_without_a_row(data, mode, question):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", question, mode)
    assert not analysis.declined, answer
    have = set(frame.loc[frame["station"] == "Hill", "date"])
    expected = sum(1 for d in pd.date_range("2023-05-01", "2023-05-31").strftime("%Y-%m-%d") if d not in have)
    assert expected == 3
    line = first_line(answer)
    assert states(line, expected, 0) and "2023-06-02" not in answer, answer
    # empty cells in May are not missing days
    assert frame.loc[(frame["station"] == "Hill") & frame["date"].str.startswith("2023-05"), "pm10"].isna().any()


def test_the_days_missing_are_listed_within_the_month_only(data):
    analysis, answer = ask(data, "readings", "Which days in May is Hill's data missing?", "pandas")
    line = first_line(answer)
    assert all(d in line for d in ("2023-05-04", "2023-05-05", "2023-05-19")), answer
    assert "2023-01-01" not in answer and "2023-06-02" not in answer, answer


@pytest.mark.parametrize("question", ["which days is each station missing?", "station별로 빠진 날짜는?"])
def test_missing_days_of_each_value_are_the_same_in_sql_and_never_empty_cells(data, question):
    frame, _ = data["readings"]
    answers = [ask(data, "readings", question, mode) for mode in MODES]
    assert not any(a.declined for a, _ in answers), answers
    first = [first_line(answer) for _, answer in answers]
    assert first[0] == first[1], first  # both renderers list the same (value, day) pairs
    # Hill's and Port's days without a row, and no day that only has an empty pm10 cell
    assert "Hill 2023-05-04" in first[0] and "Port 2023-05-10" in first[0], first
    empty = frame[frame["pm10"].isna()]
    assert not any(f"{s} {d}" in first[0] for s, d in zip(empty["station"], empty["date"])), first


# --- "site-months" counts (thing, period) pairs ---------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question", ["How many plant-months had load below 50?", "load가 50 미만인 plant-month는 몇 개야?"]
)
def test_thing_period_nouns_count_pairs_on_rows_keyed_by_thing_and_period(data, mode, question):
    frame, _ = data["plants"]
    analysis, answer = ask(data, "plants", question, mode)
    assert not analysis.declined, answer
    expected = int((frame["load"] < 50).sum())
    assert expected != frame.loc[frame["load"] < 50, "plant"].nunique()
    assert states(first_line(answer), expected, 0), answer


def test_thing_period_nouns_decline_when_rows_are_not_one_per_thing_and_period(data):
    analysis, answer = ask(data, "readings", "how many station-months had pm10 over 30?", "pandas")
    assert analysis.declined, answer
    assert "one row per station and month" in answer, answer


# --- ranking things by their extreme lists each thing once ----------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question", ["top 2 stations by the highest pm10 they ever reached", "which 2 stations had the highest pm10"]
)
def test_top_things_by_their_extreme_are_distinct_things(data, mode, question):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", question, mode)
    assert not analysis.declined, answer
    best = frame.groupby("station")["pm10"].max().sort_values(ascending=False)
    listed = [line for line in answer.splitlines() if re.match(r"\s*\d+\.\s", line)]
    assert [line.split(".", 1)[1].split(":")[0].strip() for line in listed] == list(best.index[:2]), answer
    assert states(listed[1], best.iloc[1], 1), answer


# --- a statistic over rows holding no value of the column is a decline ----------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["total gas of plant Birch", "Birch의 gas 합계는?"])
def test_a_total_over_no_recorded_value_is_declined_saying_so(data, mode, question):
    analysis, answer = ask(data, "plants", question, mode)
    assert analysis.declined, answer
    assert ("no recorded values" in answer) if analysis.language == "en" else ("기록되어 있지 않" in answer), answer
    assert not re.search(r"\*\*0(\.0+)?\*\*", answer), answer


# --- the n-th of a ranking, written with a degree word ("두 번째로 높은") -----------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("question", "ascending"),
    [("평균 pm10이 두 번째로 높은 station은?", False), ("평균 pm10이 두 번째로 낮은 station은?", True)],
)
def test_the_second_of_a_ranking_of_groups(data, mode, question, ascending):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", question, mode)
    assert not analysis.declined, answer
    ranked = frame.groupby("station")["pm10"].mean().sort_values(ascending=ascending)
    line = first_line(answer)
    assert ranked.index[1] in line and ranked.index[0] not in line.split("**")[1], answer
    assert states(line, ranked.iloc[1]), answer


# --- "A or B: which had more": the two compared, the one asked for named first ---------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("question", "high"),
    [
        ("Hill or Vale: which had the higher average pm10?", True),
        ("Hill or Vale: which had the lower average pm10?", False),
        ("Hill이랑 Vale 중에 평균 pm10이 더 낮은 곳은?", False),
        ("Hill이랑 Vale 중에 평균 pm10이 더 높은 곳은?", True),
    ],
)
def test_which_of_two_names_the_one_asked_for_with_both_values(data, mode, question, high):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", question, mode)
    assert not analysis.declined, answer
    means = frame.groupby("station")["pm10"].mean()[["Hill", "Vale"]]
    winner = means.idxmax() if high else means.idxmin()
    line = first_line(answer)
    assert line.startswith(f"**{winner}**"), answer
    assert states(line, means["Hill"]) and states(line, means["Vale"]), answer
    assert states(line, abs(means["Hill"] - means["Vale"])), answer


# --- one value against the rest of its column ---------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    [
        "How much higher is Vale's average pm10 than the rest of the stations?",
        "Vale 평균 pm10은 나머지보다 얼마나 높아?",
    ],
)
def test_one_value_against_the_rest(data, mode, question):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", question, mode)
    assert not analysis.declined, answer
    one = frame.loc[frame["station"] == "Vale", "pm10"].mean()
    rest = frame.loc[frame["station"] != "Vale", "pm10"].mean()
    line = first_line(answer)
    assert states(line, one) and states(line, rest) and states(line, one - rest), answer


def test_the_rest_without_a_value_to_set_against_it_is_declined(data):
    analysis, answer = ask(data, "readings", "How much higher is average pm10 than the rest?", "pandas")
    assert analysis.declined, answer


# --- "drop" asked with "how much" is a fall between two periods, not an edit -----------------


@pytest.mark.parametrize("mode", MODES)
def test_how_much_a_measure_dropped_between_two_months(data, mode):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", "By how much did the average pm10 drop from March to September?", mode)
    assert not analysis.declined, answer
    month = pd.to_datetime(frame["date"]).dt.month
    diff = frame.loc[month == 3, "pm10"].mean() - frame.loc[month == 9, "pm10"].mean()
    line = first_line(answer)
    assert states(line, abs(diff)) and ("lower" if diff > 0 else "higher") in line, answer


def test_drop_without_a_change_asked_is_still_an_edit_declined(data):
    analysis, answer = ask(data, "readings", "drop rows with missing pm10", "pandas")
    assert analysis.declined and "does not change" in answer, answer


# --- the period with the highest statistic: group by the period bucket, then pick ---------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["월평균 pm10이 가장 높은 달은?", "the month with the lowest average pm10"])
def test_the_month_with_the_extreme_average(data, mode, question):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", question, mode)
    assert not analysis.declined, answer
    monthly = frame.groupby(pd.to_datetime(frame["date"]).dt.month)["pm10"].mean()
    month = monthly.idxmax() if "높은" in question else monthly.idxmin()
    line = first_line(answer)
    assert states(line, monthly[month]), answer
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
    names += ["November", "December"]
    assert (f"{month}월" in line) if "월" in question else (names[month - 1] in line), answer


# --- the spread of two opposite extremes is the range ------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    [
        "What's the spread between the highest and lowest pm10 at Port?",
        "what's the difference between the largest and smallest pm10 at Port?",
        "Port pm10 최고값과 최저값의 차이는?",
    ],
)
def test_the_difference_of_the_two_extremes_is_the_range(data, mode, question):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", question, mode)
    assert not analysis.declined, answer
    values = frame.loc[frame["station"] == "Port", "pm10"]
    assert states(first_line(answer), values.max() - values.min(), 1), answer


def test_two_extremes_without_their_difference_asked_are_not_a_range(data):
    analysis, answer = ask(data, "readings", "highest and lowest pm10 at Port", "pandas")
    assert analysis.declined or "Range" not in first_line(answer), answer


# --- group filters: groups kept by their number of rows (HAVING) --------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    [
        "Among cities with at least 500 orders, which has the lowest average amount?",
        "주문이 500건 이상인 city 중에서 평균 amount가 가장 낮은 곳은?",
    ],
)
def test_among_groups_with_at_least_n_rows(data, mode, question):
    frame, _ = data["deliveries"]
    analysis, answer = ask(data, "deliveries", question, mode)
    assert not analysis.declined, answer
    sizes = frame.groupby("city").size()
    kept = frame[frame["city"].isin(sizes[sizes >= 500].index)].groupby("city")["amount"].mean()
    overall = frame.groupby("city")["amount"].mean()
    assert kept.idxmin() != overall.idxmin()  # the filter changes the answer
    line = first_line(answer)
    assert kept.idxmin() in line and states(line, kept.min()), answer


def test_a_number_of_rows_is_never_read_as_a_value_of_another_column(data):
    analysis, answer = ask(data, "deliveries", "average amount of orders with more than 500 orders", "pandas")
    assert analysis.declined or "amount > 500" not in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_months_of_data_count_rows_only_where_rows_are_one_per_thing_and_month(data, mode):
    frame, _ = data["plants"]
    analysis, answer = ask(
        data, "plants", "Among plants with at least 20 months of data, which had the highest average load?", mode
    )
    assert not analysis.declined, answer
    assert frame.groupby("plant")["load"].mean().idxmax() in first_line(answer), answer
    analysis, answer = ask(
        data, "readings", "Among stations with at least 10 months of data, which had the highest average pm10?", mode
    )
    assert analysis.declined, answer  # daily rows: 10 months are not 10 rows


# --- the place of one named value in a ranking of its column's groups ("몇 위") -----------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["평균 pm10 기준으로 Port는 몇 위야?", "what rank is Port by average pm10?"])
def test_the_place_of_a_named_value_among_groups(data, mode, question):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", question, mode)
    assert not analysis.declined, answer
    ranked = frame.groupby("station")["pm10"].mean().sort_values(ascending=False)
    place = list(ranked.index).index("Port") + 1
    line = first_line(answer)
    assert (f"{place}위" in line) if analysis.language == "ko" else (f"#{place}" in line), answer
    assert states(line, ranked["Port"]), answer


def test_a_place_asked_without_a_named_value_is_declined(data):
    analysis, answer = ask(data, "readings", "평균 pm10 기준으로 몇 위야?", "pandas")
    assert analysis.declined, answer


# --- per-row differences of two named columns ---------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["average of pm10 minus load at Hill", "Hill에서 pm10에서 load를 뺀 값의 평균은?"])
def test_the_average_of_a_per_row_difference(data, mode, question):
    analysis, answer = ask(data, "mixed", question, mode)
    assert not analysis.declined, answer
    rows = data["mixed"][0]
    rows = rows[rows["station"] == "Hill"]
    expected = (rows["pm10"] - rows["load"]).mean()
    assert expected != rows["pm10"].mean() - 0  # a difference, not one column
    assert states(first_line(answer), expected), answer


# --- "A 대비 B", "A보다 B": the base of a comparison of two values is the one 대비/보다 governs -------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("question", "base"),
    [
        ("Hill 대비 Vale pm10 합계 몇 배?", "Hill"),
        ("Vale 대비 Hill pm10 합계 몇 배?", "Vale"),
        ("Hill pm10 합계는 Vale의 몇 배야?", "Vale"),
    ],
)
def test_the_ratio_is_to_the_base_korean_names(data, mode, question, base):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", question, mode)
    assert not analysis.declined, answer
    totals = frame.groupby("station")["pm10"].sum()
    other = "Vale" if base == "Hill" else "Hill"
    assert states(first_line(answer), totals[other] / totals[base], 2), answer


@pytest.mark.parametrize("mode", MODES)
def test_how_much_less_than_a_base_said_first_in_korean(data, mode):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", "Vale보다 Hill pm10 평균이 얼마나 낮아?", mode)
    means = frame.groupby("station")["pm10"].mean()
    line = first_line(answer)
    assert states(line, means["Vale"] - means["Hill"]) and "낮습니다" in line and "반대" not in line, answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    ["Vale 평균 pm10은 나머지보다 몇 퍼센트 높아?", "how many percent higher is Vale's average pm10 than the rest?"],
)
def test_percent_higher_than_a_base_group(data, mode, question):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", question, mode)
    assert not analysis.declined, answer
    one = frame.loc[frame["station"] == "Vale", "pm10"].mean()
    rest = frame.loc[frame["station"] != "Vale", "pm10"].mean()
    line = first_line(answer)
    assert states(line, (one / rest - 1) * 100, 1) and "%" in line, answer


@pytest.mark.parametrize("mode", MODES)
def test_one_month_against_the_other_months(data, mode):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", "How much lower is average pm10 in August than in the other months?", mode)
    assert not analysis.declined, answer
    month = pd.to_datetime(frame["date"]).dt.month
    diff = frame.loc[month == 8, "pm10"].mean() - frame.loc[month != 8, "pm10"].mean()
    line = first_line(answer)
    assert states(line, abs(diff)) and ("lower" if diff < 0 else "higher") in line, answer


@pytest.mark.parametrize("mode", MODES)
def test_which_of_two_values_said_as_two_conditions(data, mode):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", "Hill랑 Port 중 2023년 pm10 평균이 더 높은 곳은?", mode)
    assert not analysis.declined, answer
    means = frame.groupby("station")["pm10"].mean()[["Hill", "Port"]]
    assert first_line(answer).startswith(f"**{means.idxmax()}**"), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_range_said_as_it_is_computed(data, mode):
    frame, _ = data["readings"]
    for question in ("what's the range of pm10 at Port (max minus min)?", "Port pm10 max minus min"):
        analysis, answer = ask(data, "readings", question, mode)
        values = frame.loc[frame["station"] == "Port", "pm10"]
        assert states(first_line(answer), values.max() - values.min(), 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_what_a_korean_ranking_is_by_is_not_a_grouping(data, mode):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", "pm10 최고값 기준으로 상위 2개 station은?", mode)
    assert not analysis.declined, answer
    best = frame.groupby("station")["pm10"].max().sort_values(ascending=False)
    positions = [answer.find(name) for name in best.index[:2]]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), answer
    assert best.index[2] not in answer.split("\n\n")[1], answer


def test_missing_days_of_each_value_are_counted_per_value(data):
    frame, _ = data["readings"]
    analysis, answer = ask(data, "readings", "how many days is each station missing?", "pandas")
    assert not analysis.declined, answer
    line = first_line(answer)
    assert "Hill 4" in line and "Port 1" in line and "Vale" not in line, answer


def test_a_word_left_over_is_declined_naming_the_reading_made(data):
    analysis, answer = ask(data, "readings", "highest and lowest pm10 at Port", "pandas")
    assert analysis.declined, answer
    assert "I read the question as" in answer and "“highest”" in answer, answer


@pytest.mark.parametrize("mode", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "question", ["which month had the highest total amount?", "amount 합계가 가장 높았던 달은 언제야?"]
)
def test_which_month_over_several_years_is_asked_back_not_pooled(data, mode, question):
    # one month of one year (2023-03) or the same month of every year together (March)? Either
    # answer is a different question if it is the wrong reading
    analysis, answer = ask(data, "sales", question, mode)
    assert analysis.declined and not analysis.steps
    assert "every year" in answer or "모든 해" in answer


@pytest.mark.parametrize("mode", ["pandas", "duckdb"])
def test_which_month_within_one_year_is_that_years_month(data, mode):
    frame = data["sales"][0]
    analysis, answer = ask(data, "sales", "which month in 2023 had the highest total amount?", mode)
    assert not analysis.declined
    d = pd.to_datetime(frame["date"])
    best = frame[d.dt.year == 2023].groupby(d.dt.month)["amount"].sum().idxmax()
    month = pd.Timestamp(2023, int(best), 1).strftime("%B")
    assert month in first_line(answer), answer


# --- a change per group between two periods -------------------------------------------------


@pytest.fixture(scope="module")
def shops(tmp_path_factory):
    """One row per sale: four shops over 2022-2023; "Dock" opened in 2023 (no 2022 row), and
    amounts run from 1,500 to 3,000, so "from 2022 to 2023" could be misread as amounts."""
    root = tmp_path_factory.mktemp("shops")
    rng = np.random.default_rng(7)
    rows = []
    for shop, (n22, n23, level) in {
        "Alder": (120, 90, 2400),
        "Birch": (100, 130, 2100),
        "Cove": (110, 105, 1900),
        "Dock": (0, 60, 2600),
    }.items():
        for year, n in ((2022, n22), (2023, n23)):
            days = pd.date_range(f"{year}-01-01", f"{year}-12-31").strftime("%Y-%m-%d")
            for _ in range(n):
                amount = float(
                    np.clip(rng.normal(level + (150 if year == 2023 and shop == "Birch" else 0), 300), 1500, 3000)
                )
                rows.append((str(rng.choice(days)), shop, round(amount, 1)))
    frame = pd.DataFrame(rows, columns=["date", "shop", "amount"])
    path = root / "shops.parquet"
    frame.to_parquet(path)
    return {"_spill": root / "spill", "shops": (frame, path)}


def _per_shop_year(frame: pd.DataFrame, how: str) -> pd.DataFrame:
    year = frame["date"].str[:4].astype(int)
    grouped = frame.groupby(["shop", year])["amount"]
    return (grouped.size() if how == "count" else grouped.agg(how)).unstack()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    [
        "Which shop's total amount fell the most from 2022 to 2023?",
        "2022년 대비 2023년 amount 합계가 가장 많이 줄어든 shop은?",
    ],
)
def test_the_group_that_fell_the_most_between_two_years_is_named_with_its_change(shops, mode, question):
    frame, _ = shops["shops"]
    analysis, answer = ask(shops, "shops", question, mode)
    assert not analysis.declined, answer
    totals = _per_shop_year(frame, "sum")
    change = (totals[2023] - totals[2022]).dropna().sort_values()
    assert change.index[0] == "Alder" and change.iloc[0] < 0  # Dock has no 2022 total: left out
    line = first_line(answer)
    assert "**Alder**" in line and "−" in line and states(line, abs(change.iloc[0]), 0), answer
    assert "Dock" not in answer, answer  # no change without a 2022 value


@pytest.mark.parametrize("mode", MODES)
def test_a_count_per_group_changes_from_zero_for_a_group_without_rows_in_the_base_year(shops, mode):
    frame, _ = shops["shops"]
    analysis, answer = ask(shops, "shops", "which shop's number of rows grew the most from 2022 to 2023?", mode)
    assert not analysis.declined, answer
    counts = _per_shop_year(frame, "count").fillna(0)
    grew = (counts[2023] - counts[2022]).sort_values(ascending=False)
    assert grew.index[0] == "Dock"  # 0 sales in 2022, 60 in 2023
    assert "**Dock**" in first_line(answer) and states(first_line(answer), grew.iloc[0], 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_change_of_every_group_is_listed_with_its_two_values(shops, mode):
    frame, _ = shops["shops"]
    analysis, answer = ask(shops, "shops", "shop별 평균 amount가 2022년보다 2023년에 얼마나 변했어?", mode)
    assert not analysis.declined, answer
    means = _per_shop_year(frame, "mean").dropna()
    for shop, row in means.iterrows():
        line = next(x for x in answer.splitlines() if x.startswith(f"- {shop}:"))
        assert states(line, abs(row[2023] - row[2022]), 1) and states(line, row[2022], 0), answer
    # the years are the two periods, never a range of amounts (amounts run 1,500-3,000)
    assert "between" not in analysis.plan.conditions.__repr__(), analysis.plan.conditions


@pytest.mark.parametrize(
    "question",
    [
        "which shop's total amount changed the most from 2022 to 2023?",  # rose or fell?
        "which shop's total amount fell the least from 2022 to 2023?",
        "which shop's total amount fell the most?",  # no two periods
    ],
)
def test_a_change_per_group_without_its_direction_or_its_periods_is_declined(shops, question):
    analysis, answer = ask(shops, "shops", question, "pandas")
    assert analysis.declined, answer


# --- one column compared with another, row by row ---------------------------------------------


@pytest.fixture(scope="module")
def games(tmp_path_factory):
    """One row per match: the home and the away team's scores, and the crowd."""
    root = tmp_path_factory.mktemp("games")
    rng = np.random.default_rng(11)
    n = 300
    frame = pd.DataFrame(
        {
            "home_team": rng.choice(["Lions", "Tigers", "Bears", "Eagles"], n),
            "home_score": rng.poisson(4.4, n),
            "away_score": rng.poisson(3.9, n),
            "crowd": rng.integers(2, 12, n),
        }
    )
    path = root / "games.parquet"
    frame.to_parquet(path)
    return {"_spill": root / "spill", "games": (frame, path)}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    ["how many games have home_score greater than away_score?", "home_score가 away_score보다 높은 경기는 몇 번이야?"],
)
def test_rows_where_one_column_exceeds_another_are_counted(games, mode, question):
    frame, _ = games["games"]
    analysis, answer = ask(games, "games", question, mode)
    assert not analysis.declined, answer
    expected = int((frame["home_score"] > frame["away_score"]).sum())
    assert expected not in (0, len(frame)) and expected != int((frame["home_score"] >= frame["away_score"]).sum())
    line = first_line(answer)
    assert states(line, expected, 0) and "home_score − away_score > 0" in line, answer


def test_one_column_above_another_by_a_margin_is_their_difference(games):
    # round 8: "2 이상 높은" after "보다" is a margin: home_score − away_score ≥ 2
    frame, _ = games["games"]
    analysis, answer = ask(games, "games", "home_score가 away_score보다 2 이상 높은 경기는 몇 번이야?", "pandas")
    assert not analysis.declined, answer
    assert states(first_line(answer), int((frame["home_score"] - frame["away_score"] >= 2).sum()), 0), answer


@pytest.mark.parametrize(
    "question",
    [
        "how many games have home_score greater than home_team?",  # a name is no number
        "how many games have home_score greater than crowd?",  # goals and thousands of people
    ],
)
def test_a_comparison_of_columns_that_are_not_two_alike_numbers_is_declined(games, question):
    analysis, answer = ask(games, "games", question, "pandas")
    assert analysis.declined, answer


# --- a ratio of two columns' totals, a weighted mean --------------------------------------------


@pytest.fixture(scope="module")
def lines(tmp_path_factory):
    """One row per order line: units, unit price and revenue per product; the shop's headcount
    (staff, a few values) is written on each of its lines."""
    root = tmp_path_factory.mktemp("lines")
    rng = np.random.default_rng(5)
    n = 900
    product = rng.choice(["kettle", "toaster", "blender"], n)
    base = pd.Series(product).map({"kettle": 30.0, "toaster": 45.0, "blender": 80.0}).to_numpy()
    units = rng.integers(1, 40, n)
    price = np.round(base * rng.uniform(0.6, 1.4, n), 2)
    frame = pd.DataFrame(
        {
            "product": product,
            "units": units,
            "price": price,
            "revenue": np.round(units * price, 2),
            "staff": rng.choice([4, 6, 9], n),
        }
    )
    path = root / "lines.parquet"
    frame.to_parquet(path)
    return {"_spill": root / "spill", "lines": (frame, path)}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["revenue per units by product", "product별 units당 revenue"])
def test_a_ratio_per_group_is_total_over_total(lines, mode, question):
    frame, _ = lines["lines"]
    analysis, answer = ask(lines, "lines", question, mode)
    assert not analysis.declined, answer
    totals = frame.groupby("product")[["revenue", "units"]].sum()
    ratio = totals["revenue"] / totals["units"]
    row_mean = (frame["revenue"] / frame["units"]).groupby(frame["product"]).mean()
    assert all(abs(ratio - row_mean) > 0.05)  # the two readings differ here
    for product, value in ratio.items():
        line = next(x for x in answer.splitlines() if x.startswith(f"- {product}:"))
        assert states(line, value, 2), answer


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["average price weighted by units", "units로 가중한 price 평균은?"])
def test_a_weighted_mean_weights_each_row_by_the_other_column(lines, mode, question):
    frame, _ = lines["lines"]
    analysis, answer = ask(lines, "lines", question, mode)
    assert not analysis.declined, answer
    expected = (frame["price"] * frame["units"]).sum() / frame["units"].sum()
    assert abs(expected - frame["price"].mean()) > 0.5
    assert states(first_line(answer), expected, 2), answer


@pytest.mark.parametrize(
    "question",
    [
        "max revenue per units by product",  # a statistic of per-row ratios, not total over total
        "revenue per staff by product",  # a headcount repeated on every line: its total means nothing
        "median price weighted by units",
    ],
)
def test_ratios_that_are_not_total_over_total_are_declined(lines, question):
    analysis, answer = ask(lines, "lines", question, "pandas")
    assert analysis.declined, answer


# --- the year before as the base of a change --------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("question", ["year over year growth of the total amount", "amount 합계의 전년 대비 증가율"])
def test_year_over_year_growth_is_each_years_change_from_the_year_before(shops, mode, question):
    frame, _ = shops["shops"]
    analysis, answer = ask(shops, "shops", question, mode)
    assert not analysis.declined, answer
    totals = frame.groupby(frame["date"].str[:4].astype(int))["amount"].sum()
    growth = totals[2023] / totals[2022] - 1
    line = next(x for x in answer.splitlines() if x.startswith("- 2023:"))
    assert states(line, abs(growth) * 100, 1) and "%" in line, answer
    assert "- 2022:" not in answer  # the first year has no year before it


@pytest.mark.parametrize("mode", MODES)
def test_the_same_month_a_year_before_is_the_base_of_a_stated_month(shops, mode):
    frame, _ = shops["shops"]
    analysis, answer = ask(shops, "shops", "2023년 3월 amount 합계는 작년 같은 달보다 몇 % 늘었어?", mode)
    assert not analysis.declined, answer
    march = frame[frame["date"].str[5:7] == "03"]
    by_year = march.groupby(march["date"].str[:4])["amount"].sum()
    change = by_year["2023"] / by_year["2022"] - 1
    assert states(first_line(answer), abs(change) * 100, 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_without_a_period_the_last_year_is_set_against_the_year_before(shops, mode):
    frame, _ = shops["shops"]
    analysis, answer = ask(shops, "shops", "전년 대비 amount 합계가 가장 많이 줄어든 shop은?", mode)
    assert not analysis.declined, answer
    totals = _per_shop_year(frame, "sum")
    fell = (totals[2023] - totals[2022]).dropna().idxmin()
    assert f"**{fell}**" in first_line(answer) and "2022" in first_line(answer), answer


@pytest.mark.parametrize("question", ["작년 amount 합계는?", "total amount last year"])
def test_the_year_before_without_a_change_is_a_date_relative_to_today_and_declined(shops, question):
    analysis, answer = ask(shops, "shops", question, "pandas")
    assert analysis.declined, answer


@pytest.fixture(scope="module")
def parcels(tmp_path_factory):
    """One row per parcel: the promised and the delivered day as text (none when cancelled)."""
    root = tmp_path_factory.mktemp("parcels")
    rng = np.random.default_rng(3)
    n = 400
    promised = pd.Timestamp("2024-03-01") + pd.to_timedelta(rng.integers(0, 60, n), unit="D")
    delivered = promised + pd.to_timedelta(rng.integers(-2, 3, n), unit="D")
    frame = pd.DataFrame(
        {
            "city": rng.choice(["Seoul", "Busan", "Daegu"], n),
            "promised_date": promised.strftime("%Y-%m-%d"),
            "delivered_date": [None if k % 9 == 0 else d for k, d in enumerate(delivered.strftime("%Y-%m-%d"))],
        }
    )
    path = root / "parcels.parquet"
    frame.to_parquet(path)
    return {"_spill": root / "spill", "parcels": (frame, path)}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "question",
    [
        "how many parcels have delivered_date after promised_date?",
        "delivered_date가 promised_date보다 늦은 주문은 몇 건?",
        "what share of parcels have delivered_date after promised_date?",
    ],
)
def test_one_date_after_another_is_a_condition_on_both_dates(parcels, mode, question):
    frame, _ = parcels["parcels"]
    analysis, answer = ask(parcels, "parcels", question, mode)
    assert not analysis.declined, answer
    late = pd.to_datetime(frame["delivered_date"]) > pd.to_datetime(frame["promised_date"])
    on_time = pd.to_datetime(frame["delivered_date"]) >= pd.to_datetime(frame["promised_date"])
    assert late.sum() != on_time.sum()  # the same day is not after
    expected = late.mean() * 100 if "share" in question else late.sum()
    assert states(first_line(answer), expected, 1 if "share" in question else 0), answer
