"""Korean questions about tables whose column names are English, as most public data is (round 13,
benchmarks/evalset26: ggplot2's mpg and midwest, MASS's Cars93, car's Davis). A Korean word finds
an English column by meaning, not only by sound: the lexicon's concepts hold the words and the
usual abbreviations tables name their columns with (hwy, cty, drv, displ, wt) with the Korean words
people use for them (고속도로, 시내, 구동, 배기량, 체중). Each question is answered as pandas computes
it here, in both renderers, or declined where the data has no column for what is asked.

* 고속도로 연비 is `hwy`, 시내 연비 `cty` (before: "고속도" unknown, the question declined);
  on a table whose names say both (MPG.city, MPG.highway) the same words name those;
* 연식 is the model year, 구동방식 the drive column;
* a bare word names the column named by its concept alone: 가격 of a table with Min.Price, Price
  and Max.Price is Price (before: declined as three columns), 체중 of weight and repwt is weight;
* a name run together from such words (poptotal, popdensity, percbelowpoverty, repwt) is read
  as them: 인구 is poptotal (pop + total: the whole population, not popwhite), 인구밀도 popdensity;
* 주별 is "by state" where the data has no dates and has a state column (it had been "weekly",
  declined for want of dates);
* the codes of a drive column (4, f, r; 4WD, Front, Rear) are read from 사륜, 전륜구동, 후륜,
  "front wheel drive", "4wd", only for a column of that concept;
* 성별 (sex) or 남녀 (men and women) said before what is asked groups by it ("성별 평균 신장",
  "남녀 평균 체중"), unless a value follows;
* "2008년식" is the year 2008; "the best city mileage" is the highest cty (fuel economy is
  better high, said by the words that named the column);
* a word for something no column holds (혈압 of a table of heights and weights) still declines.
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
    root = tmp_path_factory.mktemp("english_columns")
    rng = np.random.default_rng(26)
    n = 240
    mpg = pd.DataFrame(
        {
            "manufacturer": rng.choice(["audi", "ford", "honda", "toyota"], n),
            "displ": np.round(rng.uniform(1.6, 6.5, n), 1),
            "year": rng.choice([1999, 2008], n),
            "drv": rng.choice(["4", "f", "r"], n),
            "cty": rng.integers(9, 35, n),
            "hwy": rng.integers(12, 44, n),
            "class": rng.choice(["compact", "suv", "pickup"], n),
        }
    )
    cars = pd.DataFrame(
        {
            "Make": [f"Car {k}" for k in range(90)],
            "Min.Price": np.round(rng.uniform(7, 40, 90), 1),
            "Horsepower": rng.integers(55, 300, 90),
            "MPG.city": rng.integers(15, 46, 90),
            "MPG.highway": rng.integers(20, 50, 90),
        }
    )
    cars["Price"] = cars["Min.Price"] + np.round(rng.uniform(0, 10, 90), 1)
    cars["Max.Price"] = cars["Price"] + np.round(rng.uniform(0, 20, 90), 1)
    people = pd.DataFrame(
        {
            "sex": rng.choice(["F", "M"], 200),
            "weight": rng.integers(40, 120, 200),
            "height": rng.integers(150, 200, 200),
        }
    )
    people["repwt"] = people["weight"] + rng.integers(-3, 4, 200)
    counties = pd.DataFrame(
        {
            "county": [f"C{k}" for k in range(150)],
            "state": rng.choice(["IL", "OH", "WI"], 150),
            "poptotal": rng.integers(2000, 900000, 150),
            "popwhite": rng.integers(1000, 800000, 150),
            "popdensity": np.round(rng.uniform(10, 5000, 150), 1),
            "percbelowpoverty": np.round(rng.uniform(2, 40, 150), 2),
        }
    )
    cars["DriveTrain"] = rng.choice(["4WD", "Front", "Rear"], 90)
    out = {"_spill": root / "spill"}
    for name, frame in (("mpg", mpg), ("cars", cars), ("people", people), ("midwest", counties)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_korean_words_name_abbreviated_english_columns(data, mode):
    frame, _ = data["mpg"]
    answer = answered(data, "mpg", "제조사별 평균 고속도로 연비", mode)
    for maker, mean in frame.groupby("manufacturer")["hwy"].mean().items():
        assert maker in answer and states(answer, mean), answer
    answer = answered(data, "mpg", "연식별 평균 시내 연비", mode)
    for year, mean in frame.groupby("year")["cty"].mean().items():
        assert str(year) in answer and states(answer, mean), answer
    answer = answered(data, "mpg", "고속도로 연비 30 넘는 차 몇대야", mode)
    assert states(first_line(answer), (frame["hwy"] > 30).sum(), 0), answer
    # the reply names the English column as it is, so a wrong reading would show
    assert "hwy" in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_same_words_find_names_that_spell_them_out(data, mode):
    frame, _ = data["cars"]
    answer = answered(data, "cars", "시내 연비 평균", mode)
    assert states(first_line(answer), frame["MPG.city"].mean()), answer
    assert "MPG.city" in first_line(answer), answer
    answer = answered(data, "cars", "고속도로 연비 최대값", mode)
    assert states(first_line(answer), frame["MPG.highway"].max(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_bare_word_names_the_column_named_by_it_alone(data, mode):
    frame, _ = data["cars"]
    answer = answered(data, "cars", "평균 가격", mode)
    assert states(first_line(answer), frame["Price"].mean()), answer
    assert not states(first_line(answer), frame["Min.Price"].mean()), answer
    answer = answered(data, "cars", "가격이랑 마력 상관관계", mode)
    assert states(first_line(answer), frame["Price"].corr(frame["Horsepower"]), 0.01), answer
    frame, _ = data["people"]
    answer = answered(data, "people", "평균 체중", mode)
    assert states(first_line(answer), frame["weight"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_measure_no_column_holds_still_declines(data, mode):
    declined(data, "people", "혈압 평균 알려줘", mode)
    declined(data, "mpg", "배기량 때문에 연비가 떨어지는 거야?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_names_run_together_are_read_as_their_words(data, mode):
    frame, _ = data["midwest"]
    answer = answered(data, "midwest", "인구가 가장 많은 카운티는?", mode)
    top = frame.loc[frame["poptotal"].idxmax()]
    assert top["county"] in first_line(answer) and states(first_line(answer), top["poptotal"], 0), answer
    answer = answered(data, "midwest", "인구밀도 평균", mode)
    assert states(first_line(answer), frame["popdensity"].mean()), answer
    answer = answered(data, "midwest", "total population of OH", mode)
    assert states(first_line(answer), frame.loc[frame["state"] == "OH", "poptotal"].sum(), 0), answer
    frame, _ = data["people"]
    answer = answered(data, "people", "how many are taller than 185", mode)
    assert states(first_line(answer), (frame["height"] > 185).sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_by_state_where_there_are_no_weeks(data, mode):
    frame, _ = data["midwest"]
    answer = answered(data, "midwest", "주별 평균 인구밀도", mode)
    for state, mean in frame.groupby("state")["popdensity"].mean().items():
        assert state in answer and states(answer, mean), answer


@pytest.mark.parametrize("mode", MODES)
def test_drive_codes_are_read_in_a_drive_column(data, mode):
    frame, _ = data["mpg"]
    answer = answered(data, "mpg", "구동방식이 4륜인 차는 몇 대?", mode)
    assert states(first_line(answer), (frame["drv"] == "4").sum(), 0), answer
    answer = answered(data, "mpg", "전륜구동 차량의 평균 고속도로 연비", mode)
    assert states(first_line(answer), frame.loc[frame["drv"] == "f", "hwy"].mean()), answer
    answer = answered(data, "mpg", "how many cars are front wheel drive", mode)
    assert states(first_line(answer), (frame["drv"] == "f").sum(), 0), answer
    frame, _ = data["cars"]
    answer = answered(data, "cars", "후륜 차 평균 가격", mode)
    assert states(first_line(answer), frame.loc[frame["DriveTrain"] == "Rear", "Price"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_sex_said_first_groups_by_it(data, mode):
    frame, _ = data["people"]
    answer = answered(data, "people", "성별 평균 신장", mode)
    for sex, mean in frame.groupby("sex")["height"].mean().items():
        assert sex in answer and states(answer, mean), answer
    # 남녀 (men and women) names the column by a pair of its values, and groups by it too
    answer = answered(data, "people", "남녀 평균 체중", mode)
    for sex, mean in frame.groupby("sex")["weight"].mean().items():
        assert sex in answer and states(answer, mean), answer
    # a value after it is a condition, not a grouping
    answer = answered(data, "people", "성별이 여자인 사람 평균 키", mode)
    assert states(first_line(answer), frame.loc[frame["sex"] == "F", "height"].mean()), answer


@pytest.mark.parametrize("mode", MODES)
def test_model_years_and_the_best_mileage(data, mode):
    frame, _ = data["mpg"]
    answer = answered(data, "mpg", "2008년식 차들 평균 배기량", mode)
    assert states(first_line(answer), frame.loc[frame["year"] == 2008, "displ"].mean()), answer
    answer = answered(data, "mpg", "which manufacturer has the best average city mileage", mode)
    assert frame.groupby("manufacturer")["cty"].mean().idxmax() in first_line(answer), answer
