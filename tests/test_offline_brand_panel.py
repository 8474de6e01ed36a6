"""A shopping panel's table (session 25, benchmarks/evalset48: Ecdat's Cracker, each row one
purchase by a household `id` that repeats, the brand chosen and each brand's display flag and
price in columns named brand by brand: disp.nabisco, price.nabisco), through both renderers
(pandas, and the dataset held in DuckDB):

* a purchase (구매, 구입, 주문, 결제) is an event the rows record, each row one: "how many purchases"
  counts the rows, not the households' ids (it had answered 136 households for 3,292 purchases);
  a filler word that is also a form of a row noun ("recorded") names no things to count;
* a brand said right beside a word that several brand-named columns share ("nabisco 가격") is the
  name's own word: it picks price.nabisco and is no condition on the brand chosen too (it had
  counted the rows priced over 100 AND choosing nabisco, another question);
* said beside such a word after all ("price of nabisco", "sunshine 가격의") a brand read first as
  the brand chosen is the name's word instead, its condition dropped (these had been declined as
  "price could mean several columns"); said apart ("the price when nabisco was chosen") it is not;
* "chosen" (selected, 선택한) only says the row's event happened: "when kleebler was chosen" is
  choice = kleebler;
* a request verb after "on" ("sunshine on display") is no filler to pass over: the question is
  declined, never answered as the purchases of sunshine.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, held, states
from test_offline_context import answered, declined

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    rng = np.random.default_rng(48)
    n = 600
    brands = ["sunshine", "kleebler", "nabisco"]
    frame = pd.DataFrame({"id": np.sort(rng.integers(1, 41, n))})
    for b in brands:
        frame[f"disp.{b}"] = rng.integers(0, 2, n)
    for b in brands:
        frame[f"price.{b}"] = rng.integers(60, 130, n).astype(float)
    frame["choice"] = rng.choice(brands, n)
    return held(tmp_path_factory.mktemp("panel"), {"cracker": frame})


@pytest.mark.parametrize("mode", MODES)
def test_purchases_are_the_rows(data, mode):
    frame, _ = data["cracker"]
    for question in ("How many purchases are recorded?", "구매는 몇 건이야?"):
        answer = answered(data, "cracker", question, mode)
        assert states(first_line(answer), len(frame), 0), answer
        assert not states(first_line(answer), frame["id"].nunique(), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_brand_beside_a_shared_word_names_its_column_only(data, mode):
    frame, _ = data["cracker"]
    answer = answered(data, "cracker", "nabisco 가격이 100 이상인 구매는 몇 건?", mode)
    assert states(first_line(answer), (frame["price.nabisco"] >= 100).sum(), 0), answer
    assert "choice" not in first_line(answer), answer


@pytest.mark.parametrize("mode", MODES)
def test_on_display_is_not_passed_over(data, mode):
    declined(data, "cracker", "How many purchases had sunshine on display?", mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_brand_beside_a_shared_word_read_as_its_name(data, mode):
    frame, _ = data["cracker"]
    answer = answered(data, "cracker", "average price of nabisco", mode)
    assert states(first_line(answer), frame["price.nabisco"].mean()), answer
    assert "choice" not in first_line(answer), answer
    answer = answered(data, "cracker", "sunshine 가격의 최댓값은?", mode)
    assert states(first_line(answer), frame["price.sunshine"].max()), answer
    declined(data, "cracker", "average price when nabisco was chosen", mode)


@pytest.mark.parametrize("mode", MODES)
def test_chosen_says_the_rows_event(data, mode):
    frame, _ = data["cracker"]
    answer = answered(data, "cracker", "average price of kleebler when kleebler was chosen", mode)
    expected = frame.loc[frame["choice"] == "kleebler", "price.kleebler"].mean()
    assert states(first_line(answer), expected), answer
