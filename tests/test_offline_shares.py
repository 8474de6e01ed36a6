"""Shares, proportions and comparisons between groups (session 20, benchmarks/evalset37: UC
Berkeley admissions, chickwts, Wages1, MASS Insurance), through both renderers (pandas, and the
dataset held in DuckDB):

* a group's label that Markdown reads as the start of a block is escaped in a list ("- >35: 2,065"
  showed a quote of "35": the age band lost its '>', and the answer named a group that is not in
  the data);
* a comparison whose bound a category column keeps as a band's label ("<25", ">2l") names that
  band: "what percentage of policyholders are under 25" over Age bands <25 .. >35 had counted the
  rows with Holders < 25 (a wrong answer); a column named right before the comparison ("Holders
  under 25") is still compared;
* "N번 X", a number with the counter 번 right before a noun, numbers that noun: "전체 청구 건수 중
  4번 지역이 차지하는 비율" had answered the share of rows with Claims = 4 (a wrong answer);
* a noun for the rows sharing a value said after it ("the casein group", "each feed group",
  "casein 그룹의") is those rows (it was an unknown word: declined);
* an adjective of the measure compared says the direction of the difference ("얼마나 더 무거워":
  how much heavier; declined), with the Korean endings of a stem in ㅂ (무거워);
* grams are a unit of mass ("more than 300 grams");
* on a frequency table (Admit, Gender, Dept, Freq) a share of the people is a share of the total
  of Freq ("what percentage of female applicants were admitted") and "how many more men than
  women" compares totals of Freq (both declined: counting rows would count combinations);
  applicants, 지원자, 근로자 (workers), chicks are nouns for the rows;
* "12 or more years of schooling", "경력 10년 이상": a number of years of a numeric column that
  is no date is that column's value (declined: no column for "12", a number of rows, or "no
  dates in this data");
* "how much higher in percent is A than B" is the difference in percent of B (it was declined:
  "percent" had no place in the difference);
* "what share of treated patients improved markedly": the noun of the rows ends the base of a share
  (it gave the share of all rows meeting both, a wrong answer); two conditions with nothing between
  them telling base from question are declined naming both readings;
* "how many more policyholders does district 1 have than district 4": a column of whole counts
  named right after "how many (times) more" is compared by its total (it compared the means per
  row: a wrong answer wherever the districts' numbers of rows differ from one);
* what animals are fed is a concept (feed, fed, 사료): "chicks fed soybean", "사료별" (unknown
  words before);
* "compare" beside a measure by groups ("사료별 평균 무게 비교", "compare average weight by feed")
  is what the groups side by side answer (it had no place: declined);
* an amount of money is never a number of rows: "earn more than 10 dollars an hour" (read as
  rows of hours: declined);
* "how many more years of schooling do men have than women" compares the mean of schooling (it
  compared the numbers of rows: a wrong answer);
* a bound inside such bands that is no band of its own ("policyholders under 30" over <25, 25-29,
  30-35, >35) is declined: it had counted the rows with Holders < 30 (a wrong answer).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered, declined
from test_offline_plans import ask

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("shares")
    rng = np.random.default_rng(37)
    n = 64
    frames = {
        "insurance": pd.DataFrame(
            {
                "District": np.repeat([1, 2, 3, 4], 16),
                "Group": np.tile(np.repeat(["<1l", "1-1.5l", "1.5-2l", ">2l"], 4), 4),
                "Age": np.tile(["<25", "25-29", "30-35", ">35"], 16),
                "Holders": rng.integers(3, 400, n),
                "Claims": rng.integers(0, 60, n),
            }
        ),
        "chicks": pd.DataFrame(
            {
                "weight": rng.integers(110, 420, 71),
                "feed": rng.choice(["casein", "horsebean", "linseed", "soybean", "sunflower"], 71),
            }
        ),
        "admissions": pd.DataFrame(
            [
                (a, g, d, int(f))
                for (a, g, d), f in zip(
                    [(a, g, d) for d in "ABCDEF" for g in ("Male", "Female") for a in ("Admitted", "Rejected")],
                    rng.integers(8, 520, 24),
                )
            ],
            columns=["Admit", "Gender", "Dept", "Freq"],
        ),
        "workers": pd.DataFrame(
            {
                "sex": rng.choice(["female", "male"], 300),
                "wage": np.round(rng.uniform(2, 20, 300), 2),
                "exper": rng.integers(1, 19, 300),
                "school": rng.integers(3, 17, 300),
            }
        ),
        # answers counted per group, one column per answer (HSAUR's womensrole)
        "opinions": pd.DataFrame(
            {
                "education": np.tile(np.arange(0, 6), 2),
                "sex": np.repeat(["Male", "Female"], 6),
                "agree": rng.integers(0, 60, 12),
                "disagree": rng.integers(0, 60, 12),
            }
        ),
        # a trial: treatment and outcome of each patient (vcd's Arthritis)
        "trial": pd.DataFrame(
            {
                "Treatment": rng.choice(["Treated", "Placebo"], 90),
                "Sex": rng.choice(["Female", "Male"], 90),
                "Improved": rng.choice(["None", "Some", "Marked"], 90),
            }
        ),
    }
    out = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


@pytest.mark.parametrize("mode", MODES)
def test_a_label_markdown_reads_as_a_block_is_escaped_in_a_list(data, mode):
    frame, _ = data["insurance"]
    answer = answered(data, "insurance", "total claims by age", mode)
    sums = frame.groupby("Age")["Claims"].sum()
    lines = answer.splitlines()
    assert not any(ln.startswith("- >") for ln in lines), answer
    assert f"- \\>35: {sums['>35']:,}" in lines, answer
    assert f"- <25: {sums['<25']:,}" in lines, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_comparison_names_the_band_labelled_with_it(data, mode):
    frame, _ = data["insurance"]
    young = frame.loc[frame["Age"] == "<25", "Holders"].sum() / frame["Holders"].sum()
    for question in ("what percentage of policyholders are under 25?", "25세 미만 보험 가입자 비율은 몇 퍼센트?"):
        answer = answered(data, "insurance", question, mode)
        assert states(first_line(answer), young * 100, 1) and "<25" in first_line(answer), answer
    big = frame.loc[frame["Group"] == ">2l", "Claims"].sum()
    answer = answered(data, "insurance", "total claims for cars over 2 litres", mode)
    assert states(first_line(answer), big, 0) and ">2l" in first_line(answer), answer
    # the column named before the comparison is compared
    answer = answered(data, "insurance", "how many rows have Holders under 25?", mode)
    assert states(first_line(answer), (frame["Holders"] < 25).sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_number_with_beon_before_a_noun_numbers_it(data, mode):
    frame, _ = data["insurance"]
    analysis, answer = ask(data, "insurance", "전체 청구 건수 중 4번 지역이 차지하는 비율", mode)
    share = frame.loc[frame["District"] == 4, "Claims"].sum() / frame["Claims"].sum()
    assert analysis.declined or states(first_line(answer), share * 100, 1), answer
    assert "Claims = 4" not in answer, answer


@pytest.mark.parametrize("mode", MODES)
def test_a_group_noun_after_a_value_is_its_rows(data, mode):
    frame, _ = data["chicks"]
    m = frame.groupby("feed")["weight"].mean()
    answer = answered(data, "chicks", "casein 그룹의 평균 weight는 linseed 그룹보다 몇 퍼센트 높아?", mode)
    assert states(first_line(answer), (m["casein"] - m["linseed"]) / m["linseed"] * 100, 1), answer
    answer = answered(data, "chicks", "average weight of the soybean group", mode)
    assert states(first_line(answer), m["soybean"]), answer
    shares = frame["feed"].value_counts(normalize=True)
    answer = answered(data, "chicks", "proportion of rows in each feed group", mode)
    assert all(f"{k}: {v * 100:.1f}%" in answer for k, v in shares.items()), answer


@pytest.mark.parametrize("mode", MODES)
def test_an_adjective_of_the_measure_says_the_difference(data, mode):
    frame, _ = data["chicks"]
    m = frame.groupby("feed")["weight"].mean()
    answer = answered(data, "chicks", "sunflower 그룹 평균 무게는 soybean 그룹보다 얼마나 더 무거워?", mode)
    assert states(first_line(answer), abs(m["sunflower"] - m["soybean"])), answer


@pytest.mark.parametrize("mode", MODES)
def test_grams_are_a_unit_of_mass(data, mode):
    frame, _ = data["chicks"]
    answer = answered(data, "chicks", "what percentage of rows weigh more than 300 grams?", mode)
    assert states(first_line(answer), (frame["weight"] > 300).mean() * 100, 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_share_of_a_frequency_table_is_of_its_count(data, mode):
    frame, _ = data["admissions"]
    women = frame[frame["Gender"] == "Female"]
    rate = women.loc[women["Admit"] == "Admitted", "Freq"].sum() / women["Freq"].sum()
    answer = answered(data, "admissions", "what percentage of female applicants were admitted?", mode)
    assert states(first_line(answer), rate * 100, 1), answer
    share = frame.loc[frame["Dept"] == "A", "Freq"].sum() / frame["Freq"].sum()
    answer = answered(data, "admissions", "what share of the applicants were in Dept A?", mode)
    assert states(first_line(answer), share * 100, 1), answer
    by_sex = frame.groupby("Gender")["Freq"].sum()
    answer = answered(data, "admissions", "남성 지원자는 여성 지원자보다 몇 명 더 많아?", mode)
    assert states(first_line(answer), abs(by_sex["Male"] - by_sex["Female"]), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_nouns_for_people_and_animals_are_rows(data, mode):
    frame, _ = data["workers"]
    answer = answered(data, "workers", "여성 근로자 비율은 몇 퍼센트야?", mode)
    assert states(first_line(answer), (frame["sex"] == "female").mean() * 100, 1), answer
    frame, _ = data["chicks"]
    answer = answered(data, "chicks", "how many chicks weigh more than 300?", mode)
    assert states(first_line(answer), (frame["weight"] > 300).sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_years_of_a_measure_are_its_values(data, mode):
    frame, _ = data["workers"]
    answer = answered(data, "workers", "what share of workers have 12 or more years of schooling?", mode)
    assert states(first_line(answer), (frame["school"] >= 12).mean() * 100, 1), answer
    among = frame.loc[frame["school"] > 12, "sex"] == "female"
    answer = answered(data, "workers", "proportion of women among workers with more than 12 years of schooling", mode)
    assert states(first_line(answer), among.mean() * 100, 1), answer
    answer = answered(data, "workers", "경력 10년 이상인 사람 중 여성 비율은?", mode)
    among = frame.loc[frame["exper"] >= 10, "sex"] == "female"
    assert states(first_line(answer), among.mean() * 100, 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_how_much_higher_in_percent_is_a_relative_difference(data, mode):
    frame, _ = data["workers"]
    m = frame.groupby("sex")["wage"].mean()
    answer = answered(data, "workers", "how much higher in percent is the mean wage of men than that of women?", mode)
    assert states(first_line(answer), abs(m["male"] - m["female"]) / m["female"] * 100, 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_how_many_more_of_a_count_column_compares_totals(data, mode):
    frame, _ = data["insurance"]
    h = frame.groupby("District")["Holders"].sum()
    answer = answered(data, "insurance", "how many more policyholders does district 1 have than district 4?", mode)
    assert states(first_line(answer), abs(h[1] - h[4]), 0), answer
    answer = answered(
        data, "insurance", "how many times more policyholders does district 1 have than district 4?", mode
    )
    assert states(first_line(answer), h[1] / h[4]), answer
    # a statistic said keeps it
    m = frame.groupby("District")["Holders"].mean()
    answer = answered(data, "insurance", "how much higher is the average Holders of district 1 than district 4?", mode)
    assert states(first_line(answer), abs(m[1] - m[4])), answer


@pytest.mark.parametrize("mode", MODES)
def test_feed_is_a_concept(data, mode):
    frame, _ = data["chicks"]
    answer = answered(data, "chicks", "what share of the chicks were fed soybean?", mode)
    assert states(first_line(answer), (frame["feed"] == "soybean").mean() * 100, 1), answer
    answer = answered(data, "chicks", "사료별 병아리 비율", mode)
    shares = frame["feed"].value_counts(normalize=True)
    assert all(f"{k}: {v * 100:.1f}%" in answer for k, v in shares.items()), answer


@pytest.mark.parametrize("mode", MODES)
def test_compare_a_measure_by_groups(data, mode):
    frame, _ = data["chicks"]
    means = frame.groupby("feed")["weight"].mean()
    for question in ("compare average weight by feed", "feed별 평균 무게 비교"):
        answer = answered(data, "chicks", question, mode)
        assert all(states(answer, v) for v in means), answer


@pytest.mark.parametrize("mode", MODES)
def test_an_amount_of_money_is_no_number_of_rows(data, mode):
    frame, _ = data["workers"]
    answer = answered(data, "workers", "what percent of workers earn more than 10 dollars an hour?", mode)
    assert states(first_line(answer), (frame["wage"] > 10).mean() * 100, 1), answer


@pytest.mark.parametrize("mode", MODES)
def test_how_many_more_years_of_a_measure_compares_its_mean(data, mode):
    frame, _ = data["workers"]
    m = frame.groupby("sex")["school"].mean()
    answer = answered(data, "workers", "how many more years of schooling do men have than women?", mode)
    assert states(first_line(answer), abs(m["male"] - m["female"])), answer
    assert not states(first_line(answer), abs((frame["sex"] == "male").sum() - (frame["sex"] == "female").sum()), 0)


@pytest.mark.parametrize("mode", MODES)
def test_a_bound_inside_bands_is_declined(data, mode):
    declined(data, "insurance", "what percentage of policyholders are under 30?", mode)
    declined(data, "insurance", "30세 미만 가입자 비율", mode)
    frame, _ = data["insurance"]
    answer = answered(data, "insurance", "how many rows have Holders under 30?", mode)
    assert states(first_line(answer), (frame["Holders"] < 30).sum(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_the_rows_noun_ends_what_a_share_is_of(data, mode):
    """ "what share of treated patients improved markedly": the treated patients are the base, the
    rest is asked of them (it gave the share of all patients both treated and marked, a wrong
    answer); with nothing to tell the base from what is asked ("of patients in the treated group
    improved markedly") both readings are named and declined; with "and", or a verb before both,
    it is the share of all rows meeting both."""
    frame, _ = data["trial"]
    treated = frame[frame["Treatment"] == "Treated"]
    marked = (treated["Improved"] == "Marked").mean() * 100
    both = ((frame["Treatment"] == "Treated") & (frame["Improved"] == "Marked")).mean() * 100
    line = first_line(answered(data, "trial", "what share of treated patients improved markedly?", mode))
    assert states(line, marked, 1) and not states(line, both, 1), line
    analysis, answer = ask(data, "trial", "what share of patients in the treated group improved markedly", mode)
    assert analysis.declined and "among" in answer, answer
    joint = ((frame["Sex"] == "Female") & (frame["Treatment"] == "Treated")).mean() * 100
    for question in ("what share of patients are female and treated?", "what percentage of patients are treated women"):
        line = first_line(answered(data, "trial", question, mode))
        assert states(line, joint, 1), (question, line)


@pytest.mark.parametrize("mode", MODES)
def test_rows_picked_before_an_amount_are_no_share_of_its_total(data, mode):
    """ "what share of men agree" of answers counted per group (agree, disagree) gave the share of
    all agreeing answers that are men's (a wrong answer: the men who agree among all men was
    asked). Declined, saying what can be asked; "what share of agree comes from men" still is."""
    frame, _ = data["opinions"]
    analysis, answer = ask(data, "opinions", "what share of men agree?", mode)
    assert analysis.declined and "comes from" in answer, answer
    men = frame.loc[frame["sex"] == "Male", "agree"].sum() / frame["agree"].sum() * 100
    line = first_line(answered(data, "opinions", "what share of agree comes from men?", mode))
    assert states(line, men, 1), line
