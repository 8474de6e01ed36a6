"""How a column's values spread, as statistics students ask it (session 20, benchmarks/evalset38:
chickwts, MASS cats, Pima.tr, UScereal), through both renderers (pandas, and the dataset held in
DuckDB): the variance ("variance", 분산), the interquartile range ("IQR", "사분위수 범위"), any
percentile ("the 90th percentile", "95번째 백분위수", the cutoff of the top 10%: "상위 10%의
기준값", the quartiles: "제1사분위수", "third quartile"), the coefficient of variation (sd / mean, in
percent: "변동계수") and the skewness ("skewness", 왜도, which is no "why" (왜) of a cause), each
overall, within a group and per group. They had been declined as unknown words ("분산", "IQR",
"percentile") or as a question of causes (왜도).

The sample statistics, as pandas computes them: quantiles interpolate linearly (R's type 7),
variance over n - 1, skewness adjusted (Fisher-Pearson); SQL computes the same from a sort.
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
    root = tmp_path_factory.mktemp("spread")
    rng = np.random.default_rng(38)
    n = 150
    frames = {
        "cats": pd.DataFrame(
            {
                "Sex": rng.choice(["F", "M"], n),
                "Bwt": np.round(rng.uniform(2, 3.9, n), 1),
                "Hwt": np.round(rng.gamma(9, 1.2, n), 1),
            }
        ),
        "chickwts": pd.DataFrame(
            {
                "weight": rng.integers(100, 420, 71),
                "feed": rng.choice(["horsebean", "linseed", "soybean", "casein"], 71),
            }
        ),
        "cereals": pd.DataFrame(
            {
                "mfr": rng.choice(["G", "K", "P"], 65),
                "sugars": np.round(rng.uniform(0, 20, 65), 1),
                "protein": np.round(rng.uniform(1, 12, 65), 1),
                "sodium": np.round(rng.uniform(0, 400, 65), 0),
            }
        ),
    }
    # a few values far out, of males
    frames["cats"].loc[:2, ["Sex", "Hwt"]] = [["M", 30.0], ["M", 28.5], ["M", 0.5]]
    out = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def _iqr(x: pd.Series) -> float:
    return x.quantile(0.75) - x.quantile(0.25)


@pytest.mark.parametrize("mode", MODES)
def test_the_spread_of_one_column(data, mode):
    frame, _ = data["cats"]
    h = frame["Hwt"]
    for question, expected in [
        ("variance of Hwt", h.var()),
        ("Hwt의 분산", h.var()),
        ("IQR of Hwt", _iqr(h)),
        ("interquartile range of Hwt", _iqr(h)),
        ("Hwt의 사분위수 범위", _iqr(h)),
        ("90th percentile of Hwt", h.quantile(0.9)),
        ("Hwt의 95번째 백분위수", h.quantile(0.95)),
        ("Hwt 상위 10%의 기준값", h.quantile(0.9)),
        ("Hwt의 제1사분위수", h.quantile(0.25)),
        ("third quartile of Hwt", h.quantile(0.75)),
        ("skewness of Hwt", h.skew()),
        ("Hwt의 왜도는?", h.skew()),
    ]:
        answer = answered(data, "cats", question, mode)
        assert states(first_line(answer), expected), (question, answer)
    # the coefficient of variation is sd / mean, shown in percent (one decimal), without a unit
    for question in ("coefficient of variation of Hwt", "Hwt의 변동계수"):
        answer = answered(data, "cats", question, mode)
        assert f"{h.std() / h.mean() * 100:.1f}%" in first_line(answer), (question, answer)


@pytest.mark.parametrize("mode", MODES)
def test_the_spread_within_a_group_and_per_group(data, mode):
    frame, _ = data["cats"]
    m = frame.loc[frame["Sex"] == "M", "Hwt"]
    answer = answered(data, "cats", "variance of Hwt for male cats", mode)
    assert states(first_line(answer), m.var()), answer
    answer = answered(data, "cats", "75th percentile of Hwt for males", mode)
    assert states(first_line(answer), m.quantile(0.75)), answer
    for question, per in [
        ("variance of Hwt by Sex", frame.groupby("Sex")["Hwt"].var()),
        ("Sex별 Hwt 사분위수 범위", frame.groupby("Sex")["Hwt"].agg(_iqr)),
        ("90th percentile of Hwt by Sex", frame.groupby("Sex")["Hwt"].quantile(0.9)),
    ]:
        answer = answered(data, "cats", question, mode)
        lines = answer.splitlines()
        for sex, value in per.items():
            assert any(f"{sex}:" in line and states(line, value) for line in lines), (question, sex, answer)


@pytest.mark.parametrize("mode", MODES)
def test_outliers_counted_by_the_rule_the_question_says(data, mode):
    """The rows whose value lies more than k IQR below the first quartile or above the third: "1.5
    IQR" is the rule said; without a rule "outliers" is not read (there is no one definition)."""
    frame, _ = data["cats"]
    h = frame["Hwt"]
    q1, q3 = h.quantile(0.25), h.quantile(0.75)

    def outside(k: float) -> pd.Series:
        return (h < q1 - k * (q3 - q1)) | (h > q3 + k * (q3 - q1))

    for question, expected in [
        ("how many Hwt values are outliers by the 1.5 IQR rule?", outside(1.5).sum()),
        ("how many Hwt values lie more than 1.5 IQR beyond the quartiles?", outside(1.5).sum()),
        ("Hwt 이상치는 몇 개야? (1.5 IQR 기준)", outside(1.5).sum()),
        ("how many Hwt outliers by the 1 IQR rule", outside(1).sum()),
        ("how many male cats have Hwt outliers by 1.5 IQR", (outside(1.5) & (frame["Sex"] == "M")).sum()),
    ]:
        answer = answered(data, "cats", question, mode)
        assert states(first_line(answer), expected, 0), (question, answer)
    declined(data, "cats", "how many outliers in Hwt?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_the_rows_named_by_what_they_are(data, mode):
    """A noun for what each row is (a chick, 병아리, 고양이: the lexicon's nouns for rows) says only
    which rows, and "per cat" beside a statistic of the rows' values is over every row, as "per
    movie" beside a mean was ("median chick weight" had declined on "chick")."""
    frame, _ = data["chickwts"]
    for question in ("what is the median chick weight?", "병아리 무게의 중앙값은?"):
        answer = answered(data, "chickwts", question, mode)
        assert states(first_line(answer), frame["weight"].median()), (question, answer)
    cats, _ = data["cats"]
    answer = answered(data, "cats", "고양이 Hwt의 분산", mode)
    assert states(first_line(answer), cats["Hwt"].var()), answer
    for question, expected in [
        ("median Hwt per cat", cats["Hwt"].median()),
        ("variance of Hwt per cat", cats["Hwt"].var()),
    ]:
        answer = answered(data, "cats", question, mode)
        assert states(first_line(answer), expected) and "per cat" in answer, (question, answer)


@pytest.mark.parametrize("mode", MODES)
def test_which_group_is_the_larger(data, mode):
    """A comparative asked of which group, with nothing it is compared with, asks the larger (the
    smaller) of the groups: "which Sex has the larger standard deviation of Bwt", "성별 중 Bwt
    표준편차가 더 큰 쪽은?" (declined on 더, 큰 before)."""
    frame, _ = data["cats"]
    sd = frame.groupby("Sex")["Bwt"].std()
    for question, expected in [
        ("which Sex has the larger standard deviation of Bwt?", sd.idxmax()),
        ("성별 중 Bwt 표준편차가 더 큰 쪽은?", sd.idxmax()),
        ("which Sex has the smaller standard deviation of Bwt?", sd.idxmin()),
    ]:
        answer = answered(data, "cats", question, mode)
        assert f"**{expected}**" in first_line(answer), (question, answer)


@pytest.mark.parametrize("mode", MODES)
def test_a_definition_written_beside_the_statistic(data, mode):
    """Students restate the statistic they ask: in brackets, with the Korean particle after the
    bracket closed ("Hwt의 범위(최댓값 - 최솟값)는?": 는 is 범위's, declined as an unknown word
    before), or after "i.e." (declined on "e")."""
    frame, _ = data["cats"]
    h = frame["Hwt"]
    answer = answered(data, "cats", "Hwt의 범위(최댓값 - 최솟값)는?", mode)
    assert states(first_line(answer), h.max() - h.min()), answer
    answer = answered(data, "cats", "Hwt 평균(수컷)은?", mode)
    assert states(first_line(answer), h[frame["Sex"] == "M"].mean()), answer
    answer = answered(data, "cats", "median of Hwt for females, i.e. Sex F", mode)
    assert states(first_line(answer), h[frame["Sex"] == "F"].median()), answer


@pytest.mark.parametrize("mode", MODES)
def test_korean_words_for_feed_and_nutrients(data, mode):
    """The lexicon's concepts of what animals are fed and of nutrients name the English columns
    of food tables: 사료 feed, 당류 sugars, 단백질 protein, 나트륨 sodium (declined as unknown words
    before)."""
    frame, _ = data["chickwts"]
    answer = answered(data, "chickwts", "사료별 무게 표준편차", mode)
    lines = answer.splitlines()
    for feed, value in frame.groupby("feed")["weight"].std().items():
        assert any(f"{feed}:" in line and states(line, value) for line in lines), (feed, answer)
    answer = answered(data, "chickwts", "무게 중앙값이 가장 높은 사료는?", mode)
    assert f"**{frame.groupby('feed')['weight'].median().idxmax()}**" in first_line(answer), answer
    cereals, _ = data["cereals"]
    for question, expected in [
        ("당류 중앙값", cereals["sugars"].median()),
        ("단백질 표준편차", cereals["protein"].std()),
        ("나트륨의 분산", cereals["sodium"].var()),
    ]:
        answer = answered(data, "cereals", question, mode)
        assert states(first_line(answer), expected), (question, answer)


@pytest.mark.parametrize("mode", MODES)
def test_a_value_said_as_its_group(data, mode):
    """ "the casein group", "casein 그룹": a noun for the rows of a value, said after it, is those
    rows (declined on "group" before); "group" said anywhere else is still no column."""
    frame, _ = data["chickwts"]
    casein = frame.loc[frame["feed"] == "casein", "weight"]
    answer = answered(data, "chickwts", "variance of weight for the casein group", mode)
    assert states(first_line(answer), casein.var()), answer
    answer = answered(data, "chickwts", "casein 그룹의 무게 중앙값", mode)
    assert states(first_line(answer), casein.median()), answer
    declined(data, "chickwts", "average weight by group", mode)
