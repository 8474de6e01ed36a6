"""How the offline analyst reads names and values (issue 14, round 6): names listed with
or/and (a membership filter), names written in the other script than the data's (농심 for
Nongshim, Ulsan for 울산, 케이티 for KT), words the data writes otherwise (foreigners for
`foreign`, 적자 / loss-making for a profit below zero, 영하 for a temperature below zero, people
who got on for a column of boardings), and distinct counts worded as kinds. Each mechanism is
checked by a question answered with pandas' own number and by a near variant that must be
declined, never answered with something else.

The code runs in this process as the kernel would run it (`df`, pd, np, plt).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask, states, written
from answers import first_line as head

from vista_jupyter.assistant.offline.text import romanize, sound_key


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("values")
    rng = np.random.default_rng(61)
    frames = {}
    # food makers by year: Latin names (and one code), two sectors, operating and net profit both
    # below zero in some years, a yearly share-price change that is too
    makers = ["Nongshim", "Samyang", "Orion", "Binggrae", "KT"]
    frames["makers"] = pd.DataFrame(
        [
            (
                m,
                "telecom" if m == "KT" else "food",
                y,
                round(float(rng.uniform(50, 900)), 1),
                round(float(rng.normal(5, 20)), 1),
                round(float(rng.normal(3, 15)), 1),
                round(float(rng.normal(2, 18)), 1),
            )
            for m in makers
            for y in range(2010, 2024)
        ],
        columns=["maker", "sector", "year", "sales", "operating_profit", "net_profit", "price_change"],
    )
    # daily sales of three stores named in Hangul, with the day's temperature and the shoppers who
    # came in; who bought is written domestic / foreign
    days = pd.date_range("2024-01-01", "2024-02-29").strftime("%Y-%m-%d")
    shop = pd.DataFrame([(d, s) for d in days for s in ("울산", "대전", "광주")], columns=["날짜", "매장"])
    shop["판매량"] = rng.integers(50, 400, len(shop))
    shop["입장객수"] = rng.integers(300, 2000, len(shop))
    shop["기온"] = rng.normal(1, 6, len(shop)).round(1)
    shop["고객구분"] = rng.choice(["domestic", "foreign"], len(shop), p=[0.7, 0.3])
    frames["shop"] = shop
    # boardings and alightings by stop (Hangul names)
    stops = pd.DataFrame([(d, s) for d in days for s in ("시청", "역삼", "선릉")], columns=["날짜", "정류장명"])
    stops["승차인원"] = rng.integers(100, 900, len(stops))
    stops["하차인원"] = rng.integers(100, 900, len(stops))
    frames["stops"] = stops
    # survey answers: a religion written as the doctrine (Catholicism), asked about as its people
    frames["people"] = pd.DataFrame(
        {
            "religion": rng.choice(["Buddhism", "Catholicism", "none"], 300),
            "age": rng.integers(18, 90, 300),
        }
    )
    # scores by country, the countries in Latin letters
    frames["scores"] = pd.DataFrame(
        {"country": rng.choice(["Korea", "Japan", "China"], 90), "score": rng.integers(0, 100, 90)}
    )
    return written(root, frames)


# --- names in the other script ---------------------------------------------------------------


def test_a_hangul_spelling_and_a_latin_one_share_a_sound_key():
    assert romanize("강남") == "gangnam" and romanize("롯데") == "lotde"
    for hangul, latin in (("농심", "Nongshim"), ("빙그레", "Binggrae"), ("오리온", "Orion"), ("울산", "Ulsan")):
        assert sound_key(romanize(hangul)) == sound_key(latin)
    assert sound_key(romanize("삼양")) != sound_key("Samsung")


@pytest.mark.parametrize(
    "question, maker",
    [("농심의 평균 sales는?", "Nongshim"), ("빙그레 sales 합계", "Binggrae"), ("케이티의 sales 합계는?", "KT")],
)
def test_a_name_written_in_hangul_finds_its_latin_value(data, question, maker):
    _, answer, frame = ask(data, "makers", question)
    column = frame.loc[frame["maker"] == maker, "sales"]
    assert states(head(answer), column.mean() if "평균" in question else column.sum())


def test_a_name_written_in_latin_finds_its_hangul_value(data):
    _, answer, frame = ask(data, "shop", "total 판매량 at Ulsan")
    assert states(head(answer), frame.loc[frame["매장"] == "울산", "판매량"].sum())


def test_a_lowercase_english_word_is_never_read_as_a_name(data):
    # "lesson" sounds like 울산 (l-s-n) but is a word, not a name: declined, not 울산's total
    analysis, _, _ = ask(data, "shop", "total 판매량 of the lesson")
    assert analysis.declined
    _, answer, frame = ask(data, "shop", "total 판매량 of Ulsan")
    assert states(head(answer), frame.loc[frame["매장"] == "울산", "판매량"].sum())


def test_a_korean_word_that_only_shares_consonants_with_a_value_is_not_it(data):
    # 가루 (powder) has Korea's consonants (k-r) and shape, but not its letters: declined
    analysis, _, _ = ask(data, "scores", "가루의 평균 score는?")
    assert analysis.declined
    _, answer, frame = ask(data, "scores", "Korea의 평균 score는?")
    assert states(head(answer), frame.loc[frame["country"] == "Korea", "score"].mean())


@pytest.mark.parametrize("question", ["해태의 평균 sales는?", "삼성의 sales 합계", "total 판매량 at Busan"])
def test_a_name_like_no_value_is_declined(data, question):
    analysis, _, _ = ask(data, "shop" if "판매량" in question else "makers", question)
    assert analysis.declined


# --- names listed with or / and ----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how many rows are from Ulsan or Daejeon?",
        "how many rows are from either Ulsan or Daejeon?",
        "울산이나 대전의 행은 몇 개야?",
        "울산 또는 대전의 판매량 합계",
        "울산 혹은 대전의 판매량 합계",
    ],
)
def test_names_listed_with_or_are_any_of_them(data, question):
    _, answer, frame = ask(data, "shop", question)
    rows = frame["매장"].isin(["울산", "대전"])
    expected = frame.loc[rows, "판매량"].sum() if "판매량" in question else rows.sum()
    assert states(head(answer), expected)
    assert not states(head(answer), len(frame) if "판매량" not in question else frame["판매량"].sum())


def test_a_list_with_a_name_the_data_lacks_is_declined(data):
    for question in ("how many rows are from Ulsan or Incheon?", "울산이나 인천의 판매량 합계"):
        analysis, _, _ = ask(data, "shop", question)
        assert analysis.declined, question


def test_names_joined_with_and_are_a_membership_only_for_totals_and_counts(data):
    _, answer, frame = ask(data, "shop", "울산과 대전의 판매량 합계")
    assert states(head(answer), frame.loc[frame["매장"].isin(["울산", "대전"]), "판매량"].sum())
    # the mean of both may ask for each one's mean: not guessed
    analysis, _, _ = ask(data, "shop", "울산과 대전의 평균 판매량")
    assert analysis.declined


# --- words the data writes otherwise --------------------------------------------------------------


def test_foreigners_are_the_rows_written_foreign(data):
    _, answer, frame = ask(data, "shop", "외국인 고객의 판매량 합계")
    assert states(head(answer), frame.loc[frame["고객구분"] == "foreign", "판매량"].sum())
    # a table that records no such thing: declined
    analysis, _, _ = ask(data, "makers", "how many foreigners are there?")
    assert analysis.declined


def test_a_word_derived_from_a_value_names_it(data):
    _, answer, frame = ask(data, "people", "average age of Catholics")
    assert states(head(answer), frame.loc[frame["religion"] == "Catholicism", "age"].mean())
    # a word that names no value ("Sikhs") is not guessed
    analysis, _, _ = ask(data, "people", "average age of Sikhs")
    assert analysis.declined


def test_below_freezing_compares_the_temperature_with_zero(data):
    _, answer, frame = ask(data, "shop", "영하인 날 울산의 평균 판매량은?")
    assert states(head(answer), frame.loc[(frame["기온"] < 0) & (frame["매장"] == "울산"), "판매량"].mean())
    analysis, _, _ = ask(data, "stops", "영하인 날 시청의 승차인원 합계")  # no temperature here
    assert analysis.declined


def test_a_sign_word_of_profit_needs_one_profit_column(data):
    # two columns of profit: which one a loss is about is not guessed
    analysis, _, _ = ask(data, "makers", "Orion이 적자였던 해는 몇 번이야?")
    assert analysis.declined
    _, answer, frame = ask(data, "makers", "how many years did Orion have a negative net_profit?")
    assert states(head(answer), ((frame["maker"] == "Orion") & (frame["net_profit"] < 0)).sum())
    # a bare "negative" with no column next to it: declined
    analysis, _, _ = ask(data, "makers", "how many negative values are there?")
    assert analysis.declined


def test_a_loss_word_finds_the_one_profit_column(data, tmp_path):
    single = written(tmp_path, {"makers_one": data["makers"][0].drop(columns=["net_profit"])})
    one = single["makers_one"][0]
    _, answer, _ = ask(single, "makers_one", "average sales of loss-making makers")
    assert states(head(answer), one.loc[one["operating_profit"] < 0, "sales"].mean())
    _, answer, _ = ask(single, "makers_one", "Orion이 흑자였던 해는 몇 번이야?")
    assert states(head(answer), ((one["maker"] == "Orion") & (one["operating_profit"] > 0)).sum())


def test_people_who_got_on_are_the_total_of_boardings(data):
    _, answer, frame = ask(data, "stops", "how many people got on at 역삼 in total?")
    assert states(head(answer), frame.loc[frame["정류장명"] == "역삼", "승차인원"].sum())
    _, answer, _ = ask(data, "stops", "선릉에서 내린 사람은 총 몇 명이야?")
    assert states(head(answer), frame.loc[frame["정류장명"] == "선릉", "하차인원"].sum())
    # no column counts transfers: declined, not the rows counted
    analysis, _, _ = ask(data, "stops", "how many people transferred at 역삼?")
    assert analysis.declined


# --- distinct counts worded as kinds -----------------------------------------------------------


@pytest.mark.parametrize(
    "question, column",
    [
        ("how many different makers are there?", "maker"),
        ("number of unique sectors", "sector"),
        ("서로 다른 maker는 몇 개야?", "maker"),
        ("sector는 몇 종류야?", "sector"),
    ],
)
def test_kinds_are_counted_as_distinct_values(data, question, column):
    _, answer, frame = ask(data, "makers", question)
    assert states(head(answer), frame[column].nunique())
    assert not states(head(answer), len(frame))


def test_distinct_values_with_a_condition_and_of_an_unknown_thing(data):
    _, answer, frame = ask(data, "makers", "how many different makers had a negative price_change in 2015?")
    assert states(head(answer), frame.loc[(frame["year"] == 2015) & (frame["price_change"] < 0), "maker"].nunique())
    analysis, _, _ = ask(data, "makers", "how many different suppliers are there?")
    assert analysis.declined
