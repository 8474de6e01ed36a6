"""Arithmetic between answers and the words that connect a measure to its condition, found by
evalset20 (clinic visits, games, parcels): one total over another ("A 합계를 B 합계로 나눈 값",
"the ratio of total A to total B"), one group's value over another's ("A 대비 B ... 비율"), a
change in percent said as 증감률, a verb negated after its noun ("반품되지 않은", "파손 안 된"),
a time word after a number as its unit ("over an hour" against wait_minutes), a name whose
counting word is not its head (patient_age is an age, "how many patients" counts rows) and
"per game" where each row is one game. Each in both renderers, with the near variant that must
decline or keep its reading."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_plans import MODES, ask


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("arithmetic")
    rng = np.random.default_rng(20)
    n = 240
    visits = pd.DataFrame(
        {
            "visit_date": pd.date_range("2023-01-01", periods=n, freq="3D").strftime("%Y-%m-%d"),
            "clinic": rng.choice(["North", "South"], n),
            "patient_age": rng.integers(1, 90, n),
            "wait_minutes": rng.integers(1, 150, n),
            "lab_fee": rng.integers(0, 200, n).astype(float),
            "drug_fee": rng.integers(1, 100, n).astype(float),
        }
    )
    parcels = pd.DataFrame(
        {
            "지역": rng.choice(["서울", "부산", "제주"], n),
            "배송비": rng.integers(3000, 9000, n),
            "배송일수": rng.integers(1, 6, n),
            "파손여부": rng.choice(["Y", "N"], n, p=[0.1, 0.9]),
            "반품": (rng.random(n) < 0.1).astype(int),
            "연도": rng.choice([2022, 2023], n),
            "무게_kg": rng.uniform(0.2, 12, n).round(1),
        }
    )
    games = pd.DataFrame(
        {
            "game_date": pd.date_range("2022-10-01", periods=n, freq="D").strftime("%Y-%m-%d"),
            "home_team": rng.choice(["Hawks", "Comets", "Tides"], n),
            "attendance": rng.integers(5000, 15000, n),
        }
    )
    trips = pd.DataFrame(
        {
            "duration_min": rng.integers(1, 200, n),
            "duration": rng.integers(1, 200, n),
            "fare": rng.uniform(3, 60, n).round(2),
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("visits", visits), ("parcels", parcels), ("games", games), ("trips", trips)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_one_total_divided_by_another(data, mode):
    frame, _ = data["visits"]
    ratio = frame["lab_fee"].sum() / frame["drug_fee"].sum()
    for question in (
        "lab_fee 합계를 drug_fee 합계로 나눈 값",
        "ratio of total lab_fee to total drug_fee",
        "lab_fee divided by drug_fee",
    ):
        analysis, answer = ask(data, "visits", question, mode)
        assert not analysis.declined, (question, answer)
        assert states(first_line(answer), ratio, 2), (question, answer)
        assert "÷" in first_line(answer), answer  # the reply restates what was divided
    # by group, as "A per B" is
    analysis, answer = ask(data, "visits", "clinic별 lab_fee 합계를 drug_fee 합계로 나눈 값", mode)
    assert not analysis.declined, answer
    for clinic, part in frame.groupby("clinic"):
        line = next(x for x in answer.splitlines() if clinic in x)
        assert states(line, part["lab_fee"].sum() / part["drug_fee"].sum(), 2), (clinic, answer)
    # the largest of one over a total of the other is not total over total
    analysis, _ = ask(data, "visits", "lab_fee 최대값을 drug_fee 합계로 나눈 값", mode)
    assert analysis.declined


@pytest.mark.parametrize("mode", MODES)
def test_one_groups_value_over_anothers(data, mode):
    frame, _ = data["visits"]
    means = frame.groupby("clinic")["wait_minutes"].mean()
    analysis, answer = ask(data, "visits", "South 대비 North 평균 wait_minutes 비율", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), means["North"] / means["South"], 2), answer
    # without the ratio word it stays the difference it was
    analysis, answer = ask(data, "visits", "South 대비 North 평균 wait_minutes", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), abs(means["North"] - means["South"]), 2), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_change_in_percent_said_as_a_rate_of_change(data, mode):
    frame, _ = data["parcels"]
    n = frame["연도"].value_counts()
    change = (n[2023] - n[2022]) / n[2022] * 100
    for question in ("2022년 대비 2023년 주문 건수 증감률", "2022년 대비 2023년 건수 변화율"):
        analysis, answer = ask(data, "parcels", question, mode)
        assert not analysis.declined, (question, answer)
        assert states(first_line(answer), abs(change), 1), (question, answer)
        assert "%" in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_verb_negated_after_its_noun(data, mode):
    frame, _ = data["parcels"]
    analysis, answer = ask(data, "parcels", "반품되지 않은 주문 건수", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int((frame["반품"] == 0).sum()), 0), answer
    analysis, answer = ask(data, "parcels", "파손 안 된 택배의 평균 배송일수", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame.loc[frame["파손여부"] == "N", "배송일수"].mean(), 2), answer
    # the affirmative keeps its reading
    analysis, answer = ask(data, "parcels", "파손된 택배의 평균 배송일수", mode)
    assert analysis.declined or states(first_line(answer), frame.loc[frame["파손여부"] == "Y", "배송일수"].mean(), 2), (
        answer
    )


@pytest.mark.parametrize("mode", MODES)
def test_a_time_word_after_a_number_is_its_unit(data, mode):
    frame, _ = data["visits"]
    for question, minutes in (
        ("how many visits waited over an hour?", 60),
        ("how many visits waited more than 2 hours", 120),
        ("how many visits waited over 90 minutes?", 90),
    ):
        analysis, answer = ask(data, "visits", question, mode)
        assert not analysis.declined, (question, answer)
        assert states(first_line(answer), int((frame["wait_minutes"] > minutes).sum()), 0), (question, answer)
        assert "patient_age" not in answer and "Mean" not in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_name_whose_counting_word_is_not_its_head_is_not_a_count(data, mode):
    frame, _ = data["visits"]
    analysis, answer = ask(data, "visits", "how many patients waited over 100 minutes?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int((frame["wait_minutes"] > 100).sum()), 0), answer
    assert "patient_age" not in first_line(answer), answer
    # the column is still its own measure
    analysis, answer = ask(data, "visits", "average patient age", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame["patient_age"].mean(), 2), answer


@pytest.mark.parametrize("mode", MODES)
def test_per_a_row_noun_is_the_mean_over_the_rows(data, mode):
    frame, _ = data["games"]
    analysis, answer = ask(data, "games", "average attendance per game", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame["attendance"].mean(), 2), answer
    assert "each row is one game" in answer, answer
    # per a grouping column it stays a grouping
    analysis, answer = ask(data, "games", "average attendance per home_team", mode)
    assert not analysis.declined, answer
    for team, mean in frame.groupby("home_team")["attendance"].mean().items():
        line = next(x for x in answer.splitlines() if team in x)
        assert states(line, mean, 2), (team, answer)


@pytest.mark.parametrize("mode", MODES)
def test_columns_added_row_by_row(data, mode):
    frame, _ = data["visits"]
    both = frame["lab_fee"] + frame["drug_fee"]
    for question in (
        "lab_fee와 drug_fee를 합친 금액의 평균",
        "average of lab_fee + drug_fee",
        "lab_fee, drug_fee, wait_minutes 세 개 더한 값의 평균",
    ):
        analysis, answer = ask(data, "visits", question, mode)
        assert not analysis.declined, (question, answer)
        expected = both.mean() if "wait" not in question else (both + frame["wait_minutes"]).mean()
        assert states(first_line(answer), expected, 2), (question, answer)
        assert "+" in first_line(answer), answer  # the reply restates the sum
    analysis, answer = ask(data, "visits", "clinic별 lab_fee + drug_fee 합계", mode)
    assert not analysis.declined, answer
    for clinic, part in frame.groupby("clinic"):
        line = next(x for x in answer.splitlines() if clinic in x)
        assert states(line, (part["lab_fee"] + part["drug_fee"]).sum(), 2), (clinic, answer)
    # "세 개" said of two columns is not that list
    analysis, _ = ask(data, "visits", "lab_fee, drug_fee 세 개 합친 금액의 평균", mode)
    assert analysis.declined


@pytest.mark.parametrize("mode", MODES)
def test_a_slip_of_one_vowel_is_read_and_said(data, mode):
    frame, _ = data["parcels"]
    analysis, answer = ask(data, "parcels", "평군 배송일수", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame["배송일수"].mean(), 2), answer
    assert "“평군”을(를) “평균”(으)로 읽었습니다" in answer, answer  # the reply says how it was read
    # a changed consonant is another word, not a slip (지연 is no 지역)
    analysis, _ = ask(data, "parcels", "지엽별 배송일수", mode)
    assert analysis.declined


@pytest.mark.parametrize("mode", MODES)
def test_a_duration_is_compared_in_the_unit_its_name_says(data, mode):
    frame, _ = data["trips"]
    analysis, answer = ask(data, "trips", "average fare where duration_min is over 1.5 hours", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame.loc[frame["duration_min"] > 90, "fare"].mean(), 2), answer
    # the minutes word still names the column it is part of
    analysis, answer = ask(data, "trips", "average fare for trips over 20 minutes", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame.loc[frame["duration_min"] > 20, "fare"].mean(), 2), answer
    # a duration whose unit nothing says is not compared with hours as if they were its unit
    analysis, _ = ask(data, "trips", "average fare where duration is over 2 hours", mode)
    assert analysis.declined


@pytest.mark.parametrize("mode", MODES)
def test_a_word_written_whole_is_not_cut_into_another(data, mode):
    frame, _ = data["parcels"]
    # 택배 비율 is 택배 and 비율 (a share), never 택배비 (a freight cost: 배송비) and a stray 율
    analysis, answer = ask(data, "parcels", "무게 5kg 넘는 택배 비율", mode)
    assert "배송비" not in (answer.splitlines() or [""])[0], answer
    assert analysis.declined or states(first_line(answer), (frame["무게_kg"] > 5).mean() * 100, 1), answer
    # written together it is still the freight cost
    analysis, answer = ask(data, "parcels", "택배비 평균", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), frame["배송비"].mean(), 2), answer
