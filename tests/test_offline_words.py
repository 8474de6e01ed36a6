"""How the offline analyst reads words (issue 14, round 4): two-digit years and decades, Korean
verb endings and counters, English possessives, number words and units, periods kept as text or
integers, and superlative adjectives of a named measure. Each mechanism is checked by a question
answered with pandas' own number, and by a near variant that must be declined, never answered
with something else.

The code runs in this process as the kernel would run it (`df`, pd, np, plt).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask, states, written
from answers import first_line as head

from vista_jupyter.profile import profile_parquet


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("words")
    rng = np.random.default_rng(4)
    frames = {}
    # monthly sales kept as text "2019-01", 1995-2024 (two-digit years are ambiguous by century
    # only outside this span)
    months = pd.period_range("1995-01", "2024-12", freq="M").astype(str)
    frames["monthly"] = pd.DataFrame(
        {
            "month": np.repeat(months, 2),
            "shop": np.tile(["Alder", "Birch"], len(months)),
            "revenue": rng.integers(100, 1000, 2 * len(months)).astype(float),
        }
    )
    # yearly visitors with Korean names, the period in two integer columns
    frames["visits_ko"] = pd.DataFrame(
        [
            (y, m, p, int(rng.integers(1000, 90000)))
            for y in range(2001, 2024)
            for m in range(1, 13)
            for p in ("제주", "부산", "강릉")
        ],
        columns=["연도", "월", "지역", "방문객수"],
    )
    # daily readings of two pollutants in three cities
    days = pd.date_range("2022-01-01", "2023-12-31")
    air = pd.DataFrame([(d, c) for d in days for c in ("Seoul", "Busan", "Daegu")], columns=["date", "city"])
    air["pm25"] = (rng.gamma(4, 5, len(air)) + air["city"].map({"Seoul": 6, "Busan": 0, "Daegu": 3})).round(1)
    air["pm10"] = (air["pm25"] * rng.uniform(1.3, 2.0, len(air))).round(1)
    air["temp_c"] = rng.normal(15, 9, len(air)).round(1)
    frames["air"] = air
    return written(root, frames)


# --- two-digit years and decades ---------------------------------------------------------------


def test_two_digit_years_name_the_century_the_data_covers(data):
    _, answer, visits = ask(data, "visits_ko", "22년 제주 방문객수 합계")
    expected = visits.loc[(visits["연도"] == 2022) & (visits["지역"] == "제주"), "방문객수"].sum()
    assert states(head(answer), expected)
    _, answer, monthly = ask(data, "monthly", "total revenue of Birch in '98")
    expected = monthly.loc[monthly["month"].str.startswith("1998") & (monthly["shop"] == "Birch"), "revenue"].sum()
    assert states(head(answer), expected)


def test_decades_are_their_ten_years(data):
    _, answer, visits = ask(data, "visits_ko", "2010년대 지역별 평균 방문객수")
    expected = visits[visits["연도"].between(2010, 2019)].groupby("지역")["방문객수"].mean()
    for place, value in expected.items():
        assert any(place in line and states(line, value) for line in answer.splitlines())
    _, answer, monthly = ask(data, "monthly", "average revenue in the 90s")
    years = monthly["month"].str[:4].astype(int)
    assert states(head(answer), monthly.loc[years.between(1990, 1999), "revenue"].mean())
    # the whole column is not the answer
    assert not states(head(answer), monthly["revenue"].mean())


def test_a_decade_or_year_the_data_lacks_is_declined(data):
    analysis, _, _ = ask(data, "visits_ko", "90년대 제주 방문객수 합계")  # data from 2001
    assert analysis.declined and "1990" in analysis.message
    analysis, _, _ = ask(data, "monthly", "average revenue in the 2050s")
    assert analysis.declined
    analysis, _, _ = ask(data, "monthly", "average revenue in the 1995s")  # not a decade
    assert analysis.declined


# --- Korean predicates written with fused endings --------------------------------------------


def test_korean_inflections_fuse_stem_and_ending():
    from vista_jupyter.assistant.offline.text import korean_inflections

    assert korean_inflections("크") == ["큰", "커", "컸"]
    assert korean_inflections("떨어지") == ["떨어진", "떨어져", "떨어졌"]
    assert korean_inflections("줄어들") == ["줄어든"]
    assert korean_inflections("오르") == ["오른", "올라", "올랐"]
    assert korean_inflections("많") == []  # 많 + 은 / 았던: endings of their own syllables


def test_a_fused_past_form_keeps_its_meaning(data):
    # 컸던 (크 + 었 + 던: was largest) ranks the groups like 많았던 does
    _, answer, visits = ask(data, "visits_ko", "방문객수가 가장 컸던 지역은?")
    totals = visits.groupby("지역")["방문객수"].sum()
    first = head(answer)
    assert totals.idxmax() in first
    assert all(first.index(totals.idxmax()) <= first.find(p) or first.find(p) < 0 for p in totals.index)
    # an inflected word the lexicon does not know is not read as a near one
    assert ask(data, "visits_ko", "방문객수가 가장 귀여웠던 지역은?")[0].declined


# --- periods kept in columns of their own (연도, 월) ---------------------------------------------


def test_the_year_with_the_most_is_the_years_total_and_when_is_a_question_word(data):
    _, answer, visits = ask(data, "visits_ko", "방문객수가 가장 많았던 해는 언제야?")
    totals = visits.groupby("연도")["방문객수"].sum()
    first = head(answer)
    # the year's total, not the year of the single biggest row
    assert str(totals.idxmax()) in first and states(first, totals.max())


def test_a_period_word_is_never_left_out_of_a_row_answer(data):
    # 달 (month) over 연도 + 월 with three places a month: not the coldest row named by its place
    analysis, _, _ = ask(data, "visits_ko", "방문객수가 가장 적었던 달은?")
    assert analysis.declined


# --- codes with digits, and the noun a Korean superlative clause asks for ----------------------


def test_codes_with_digits_match_however_they_are_separated():
    from vista_jupyter.assistant.offline import catalog
    from vista_jupyter.assistant.offline.text import name_keys

    for name in ("pm25", "PM2_5", "PM2.5(㎍/㎥)"):
        assert catalog.concepts_of(name_keys(name)) == {"pm25": 1.0}
    assert catalog.concepts_of(name_keys("PM10_ugm3")) == {"pm10": 1.0}
    assert catalog.concepts_of(name_keys("code25")) == {}  # digits alone are no code


def test_pm25_asked_as_written_finds_the_pm25_column(data):
    _, answer, air = ask(data, "air", "Seoul's average PM2.5 in 2023")
    expected = air.loc[(air["city"] == "Seoul") & (air["date"].dt.year == 2023), "pm25"].mean()
    assert states(head(answer), expected)


def test_a_korean_superlative_clause_ending_on_a_noun_asks_which(data):
    _, answer, air = ask(data, "air", "초미세먼지가 가장 높았던 도시는?")
    means = air.groupby("city")["pm25"].mean()
    first = head(answer)
    assert means.idxmax() in first and states(first, means.max())
    # the noun must be a column of names: a noun the data does not have is not guessed
    assert ask(data, "air", "초미세먼지가 가장 높았던 공항은?")[0].declined


# --- superlative adjectives of a named measure -------------------------------------------------


def test_cleanest_by_a_named_pollutant_is_its_lowest(data):
    _, answer, air = ask(data, "air", "Which city is the cleanest by average PM2.5?")
    means = air.groupby("city")["pm25"].mean()
    first = head(answer)
    assert means.idxmin() in first and states(first, means.min())


def test_cleanest_without_a_measure_or_of_a_neutral_one_is_declined(data):
    # two pollutants and no measure named: the direction is known, the measure is not
    assert ask(data, "air", "Which city is the cleanest?")[0].declined
    # a temperature is neither clean nor dirty
    assert ask(data, "air", "which city is the cleanest by temperature?")[0].declined
    # "clean" as a verb is an edit request, never an adjective
    analysis = ask(data, "air", "clean up the pm25 column")[0]
    assert analysis.declined and "clean" in analysis.message


# --- amounts with signs, Korean endings that are not words -------------------------------------


def test_a_currency_sign_before_an_amount_is_its_unit():
    from vista_jupyter.assistant.offline.text import tokenize

    assert [t.text for t in tokenize("over $100,000")] == ["over", "100000", "$"]
    assert [t.text for t in tokenize("$ 30 or 30$")] == ["$", "30", "or", "30", "$"]  # only written onto it


def test_revenue_over_a_dollar_amount_counts_those_rows(data):
    _, answer, monthly = ask(data, "monthly", "How many rows have revenue over $900?")
    assert states(head(answer), int((monthly["revenue"] > 900).sum()))


def test_ever_and_as_many_as_are_endings_but_or_still_joins(data):
    _, answer, visits = ask(data, "visits_ko", "방문객수가 8만 명을 넘은 적이 있는 지역은 몇 곳?")
    assert states(head(answer), visits.loc[visits["방문객수"] > 80000, "지역"].nunique())
    _, answer, visits = ask(data, "visits_ko", "지역은 몇 가지나 돼?")
    assert states(head(answer), visits["지역"].nunique())
    _, answer, visits = ask(data, "visits_ko", "제주 방문객수 총계는?")
    assert states(head(answer), visits.loc[visits["지역"] == "제주", "방문객수"].sum())
    # 나 between two places is "or": both, never the first alone
    _, answer, visits = ask(data, "visits_ko", "제주나 부산의 평균 방문객수")
    assert states(head(answer), visits.loc[visits["지역"].isin(["제주", "부산"]), "방문객수"].mean())


# --- unknown Korean words stay whole -----------------------------------------------------------


def test_a_word_that_cuts_only_into_endings_or_counters_is_unknown(data):
    # 인도 (India) is not 인 + 도, 대만 (Taiwan) not 대 + 만, 명지 not 명 + 지, 중랑 not 중 + 랑
    # (랑 follows a syllable without a final consonant): the whole-column mean would answer
    # another question
    for place in ("인도", "대만", "명지", "중랑", "플로리다"):
        analysis = ask(data, "air", f"{place} 평균 초미세먼지")[0]
        assert analysis.declined, place
        assert place in analysis.message
    # counters after a number and words made of a noun and its particle still read
    _, answer, air = ask(data, "air", "Seoul 초미세먼지 평균은?")
    assert states(head(answer), air.loc[air["city"] == "Seoul", "pm25"].mean())
    _, answer, visits = ask(data, "visits_ko", "방문객수가 8만 명 넘은 기록은 몇 건이야?")
    assert states(head(answer), int((visits["방문객수"] > 80000).sum()))


def test_particle_forms_follow_the_final_consonant():
    from vista_jupyter.assistant.offline.match import _misattached
    from vista_jupyter.assistant.offline.text import tokenize

    def at(text: str, k: int) -> bool:
        return _misattached(tokenize(text), k)

    assert at("중랑", 1) and at("병원가", 2)  # 랑/가 only after a vowel
    assert not at("제주랑", 2) and not at("거리가", 2)
    assert not at("서울로", 2) and at("부산로", 2)  # 로 after a vowel or ㄹ


# --- months written as integers (201901) are a time axis -------------------------------------


@pytest.fixture(scope="module")
def monthly_codes(tmp_path_factory):
    root = tmp_path_factory.mktemp("yyyymm")
    rng = np.random.default_rng(9)
    periods = pd.period_range("2018-01", "2023-12", freq="M")
    frame = pd.DataFrame(
        [(int(p.strftime("%Y%m")), r, int(rng.integers(100, 999))) for p in periods for r in ("A구", "B구")],
        columns=["기준연월", "자치구", "민원건수"],
    )
    frame.to_parquet(root / "ym.parquet")
    # six-digit amounts whose last two digits look like months are not months
    amounts = pd.DataFrame({"price": [190001, 200112, 210005, 199908], "shop": ["a", "b", "c", "d"]})
    amounts.to_parquet(root / "amounts.parquet")
    return {"ym": root / "ym.parquet", "amounts": root / "amounts.parquet", "_spill": root / "spill"}


def test_year_month_integers_answer_years_in_pandas_and_sql(monthly_codes):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from test_offline_sql import assert_same, both

    frame = pd.read_parquet(monthly_codes["ym"])
    out = both(monthly_codes, "ym", "2021년 민원건수 합계", "ko")
    expected = frame.loc[frame["기준연월"] // 100 == 2021, "민원건수"].sum()
    assert states(head(out["pandas"]["answer"]), expected)
    assert_same(out)
    out = both(monthly_codes, "ym", "연도별 민원건수 합계", "ko")
    for year, total in frame.groupby(frame["기준연월"] // 100)["민원건수"].sum().items():
        assert any(str(year) in line and states(line, total) for line in out["pandas"]["answer"].splitlines())
    assert_same(out)


def test_six_digit_amounts_are_not_months(monthly_codes):
    from vista_jupyter.assistant.offline.catalog import build_table

    path = monthly_codes["amounts"]
    table = build_table(
        {"var_name": "df", "name": "amounts", "profile": profile_parquet(path), "parquet_path": str(path)}
    )
    assert not table.column("price").is_date


# --- counters say what is ranked ---------------------------------------------------------------


def test_a_place_counter_ranks_the_one_column_of_places(data):
    _, answer, visits = ask(data, "visits_ko", "방문객수 합계 상위 두 곳은?")
    totals = visits.groupby("지역")["방문객수"].sum().sort_values(ascending=False)
    lines = answer.splitlines()[:8]
    first, second = (next(k for k, line in enumerate(lines) if p in line) for p in totals.index[:2])
    assert first < second
    assert not any(totals.index[2] in line for line in lines[: second + 1])
    # a counter of places where the data names no places (nor one kind of them) is not guessed
    assert ask(data, "monthly", "revenue 상위 두 곳은?")[0].declined
