"""Rows named by R's row names, and a category counted in units (benchmarks/evalset31), through
both renderers (pandas, and the dataset held in DuckDB):

* a table exported by R's `write.csv` (or pandas' `to_csv` with its index) names its rows in a
  first column with a blank header (the car models of mtcars, the states of USArrests, the
  provinces of swiss); a question asks for them by a noun no column has ("which province",
  "top 3 provinces", "살인율이 가장 높은 주", "가장 높은 지역 3곳"): those rows are answered, named,
  and the reply says which column names them, also when most names are abbreviated as no
  gazetteer writes them (R's road: Calif, Conn, Mass beside Alabama, Texas: "which state" was
  declined); the same noun on a table whose first column holds
  row numbers, or a measure read only in part ("인구" for UrbanPop, the urban population), stays
  declined;
* "5-speed cars", "4 speed": a number of gears is the gear column's value, as "6기통" is cylinders;
* categories written as ordinals are asked in words: "third class", "second-class children",
  "1등석", "3등실", "삼등석" are the one value of the column that writes that ordinal (3rd, 2nd
  class); the number n of a class column of whole numbers; with two columns writing ordinals the
  word stays unread and the question is declined;
* a frequency table (R's as.data.frame of a table: Class, Sex, Age, Survived, Freq, each row one
  combination) counts people by the total of its count column ("how many third class passengers
  survived" had counted rows: 4 instead of 178, a wrong answer once "third class" was read); a
  share of rows there is declined;
* a count of the different values of a column that names nearly every row ("how many districts"
  over a table of districts, two sharing a name) states the rows too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("rownames")
    rng = np.random.default_rng(31)
    towns = ["Altdorf", "Brugg", "Chur", "Davos", "Emmen", "Frutigen", "Glarus", "Horgen", "Ilanz", "Jona"]
    provinces = pd.DataFrame(
        {
            "column_1": towns,
            "Fertility": rng.permutation(np.round(np.linspace(40, 90, len(towns)), 1)),
            "Education": rng.permutation(np.arange(5, 5 + 3 * len(towns), 3)),
        }
    )
    numbered = provinces.assign(column_1=np.arange(1, len(towns) + 1))
    states = pd.DataFrame(
        {
            "column_1": ["Ohio", "Utah", "Iowa", "Idaho", "Maine", "Texas", "Kansas", "Oregon"],
            "Murder": [7.3, 3.2, 2.2, 2.6, 2.1, 12.7, 6.0, 4.9],
            "UrbanPop": [75, 80, 57, 54, 51, 80, 66, 67],
        }
    )
    # states named as R's road data names them: some whole, most abbreviated
    road = pd.DataFrame(
        {
            "column_1": ["Alabama", "Alaska", "Calif", "Conn", "Florida", "Idaho", "Ill", "Mass", "Minn", "Texas"],
            "deaths": [968, 43, 4743, 306, 1545, 208, 2207, 654, 480, 3430],
        }
    )
    cars = pd.DataFrame(
        {
            "column_1": [f"Model {k}" for k in range(12)],
            "hp": rng.integers(60, 300, 12),
            "gear": [3, 4, 5, 3, 4, 5, 3, 3, 4, 5, 4, 3],
        }
    )
    cells = pd.MultiIndex.from_product(
        [["1st", "2nd", "3rd", "Crew"], ["Male", "Female"], ["Child", "Adult"], ["No", "Yes"]],
        names=["Class", "Sex", "Age", "Survived"],
    ).to_frame(index=False)
    cells.insert(0, "column_1", np.arange(1, len(cells) + 1))
    cells["Freq"] = rng.integers(0, 200, len(cells))
    voyage = pd.DataFrame(
        {
            "class": rng.choice(["1st class", "2nd class", "3rd class"], 120),
            "deck": rng.choice(["1st", "2nd", "3rd"], 120),
            "fare": np.round(rng.uniform(5, 500, 120), 1),
        }
    )
    grouped = pd.DataFrame({"class": rng.choice([1, 2, 3], 90), "fare": np.round(rng.uniform(5, 500, 90), 1)})
    # one row per school district; two districts of different counties share a name
    names = [f"{town} Unified" for town in towns] + ["Altdorf Unified", "Chur Unified"]
    districts = pd.DataFrame(
        {
            "county": rng.choice(["North", "South", "East"], len(names)),
            "district": names,
            "enrolled": rng.integers(100, 5000, len(names)),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (
        ("swiss", provinces),
        ("numbered", numbered),
        ("usarrests", states),
        ("road", road),
        ("mtcars", cars),
        ("titanic_table", cells),
        ("voyage", voyage),
        ("fares", grouped),
        ("districts", districts),
    ):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_noun_no_column_has_names_the_rows_by_their_row_names(data, mode):
    frame, _ = data["swiss"]
    top = frame.loc[frame["Fertility"].idxmax()]
    answer = answered(data, "swiss", "which province has the highest fertility?", mode)
    assert top["column_1"] in first_line(answer) and states(first_line(answer), top["Fertility"], 1), answer
    assert "column_1" in answer, answer  # the reply says what names the rows
    three = frame.nlargest(3, "Education")["column_1"].tolist()
    for question in ("top 3 provinces by education", "Education 가장 높은 지역 3곳"):
        answer = answered(data, "swiss", question, mode)
        listed = [name for name in frame["column_1"] if name in answer]
        assert sorted(listed, key=answer.index) == three, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_korean_noun_for_the_rows_is_no_period(data, mode):
    frame, _ = data["usarrests"]
    top = frame.loc[frame["Murder"].idxmax()]
    answer = answered(data, "usarrests", "살인율이 가장 높은 주", mode)  # 주: a state, not a week
    assert top["column_1"] in first_line(answer) and states(first_line(answer), top["Murder"], 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_rows_not_named_or_a_measure_read_in_part_stay_declined(data, mode):
    declined(data, "numbered", "which province has the highest fertility?", mode)  # row numbers name nothing
    declined(data, "usarrests", "인구가 가장 많은 주는?", mode)  # UrbanPop is the urban population only
    # a kind of place names the rows only when they are places: car models are in no country
    for question in ("which country has the highest hp?", "which city has the most hp", "어느 나라가 hp가 제일 높아?"):
        declined(data, "mtcars", question, mode)
    frame, _ = data["usarrests"]
    answer = answered(data, "usarrests", "which state has the lowest murder rate?", mode)
    assert frame.loc[frame["Murder"].idxmin(), "column_1"] in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_number_of_gears_is_the_gear_columns_value(data, mode):
    frame, _ = data["mtcars"]
    answer = answered(data, "mtcars", "mean horsepower for 5-speed cars", mode)
    assert states(first_line(answer), frame.loc[frame["gear"] == 5, "hp"].mean()), answer
    answer = answered(data, "mtcars", "how many 4 speed cars are there", mode)
    assert states(first_line(answer), (frame["gear"] == 4).sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_an_ordinal_in_words_is_the_category_that_writes_it(data, mode):
    frame, _ = data["fares"]
    answer = answered(data, "fares", "average fare of third class passengers", mode)
    assert states(first_line(answer), frame.loc[frame["class"] == 3, "fare"].mean()), answer
    answer = answered(data, "fares", "1등석 평균 fare", mode)
    assert states(first_line(answer), frame.loc[frame["class"] == 1, "fare"].mean()), answer
    frame, _ = data["voyage"]
    answer = answered(data, "voyage", "mean fare in second class", mode)
    assert states(first_line(answer), frame.loc[frame["class"] == "2nd class", "fare"].mean()), answer
    # 3등실 names a class of cabins, but two columns here write ordinals: which one is not guessed
    declined(data, "voyage", "3등실 평균 fare", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_frequency_table_counts_by_its_count_column(data, mode):
    frame, _ = data["titanic_table"]
    third = frame.loc[(frame["Class"] == "3rd") & (frame["Survived"] == "Yes"), "Freq"].sum()
    for question in ("how many third class passengers survived?", "3등실 생존자는 몇 명"):
        answer = answered(data, "titanic_table", question, mode)
        assert states(first_line(answer), third, 0), answer
    answer = answered(data, "titanic_table", "how many crew were there", mode)
    assert states(first_line(answer), frame.loc[frame["Class"] == "Crew", "Freq"].sum(), 0), answer
    declined(data, "titanic_table", "survival rate by class", mode)  # shares of combinations, not people


@pytest.mark.parametrize("mode", MODES)
def test_a_count_of_a_name_on_nearly_every_row_says_the_rows_too(data, mode):
    """A count of "how many districts" over a table of districts whose names nearly all differ: the
    different names (10) and the rows (12: two districts share a name) may both be meant, so the
    first line states both; a column whose values repeat across rows (county) is counted alone."""
    frame, _ = data["districts"]
    for question in ("how many school districts are there?", "district 수는?"):
        line = first_line(answered(data, "districts", question, mode))
        assert states(line, frame["district"].nunique(), 0) and states(line, len(frame), 0), line
    line = first_line(answered(data, "districts", "how many counties are there?", mode))
    assert states(line, frame["county"].nunique(), 0) and not states(line, len(frame), 0), line


@pytest.mark.parametrize("mode", MODES)
def test_places_named_partly_abbreviated_are_still_places(data, mode):
    frame, _ = data["road"]
    line = first_line(answered(data, "road", "which state has the most deaths?", mode))
    assert frame.loc[frame["deaths"].idxmax(), "column_1"] in line, line
    declined(data, "road", "which country has the most deaths?", mode)  # (states are no countries)
