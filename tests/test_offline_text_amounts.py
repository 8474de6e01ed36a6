"""Amounts written as text (issue 14, evalset18): money and percentages held as text cells
("$85,200", "1.234,50 €", "₩12,900", "4,800만원", "3억 2,000만", "12.5%", "($35.20)"), which the
reader keeps as text. The catalog reads such a column as a measure in its unit only when every
value is such an amount; the generated code converts it visibly (and re-runs); numbers in the
question with units and magnitude words are compared in the column's unit. Each in both
renderers, with the near variants that must decline.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import ask_held as ask
from answers import first_line, states
from test_offline_plans import MODES

from vista_jupyter.assistant.offline import catalog
from vista_jupyter.profile import profile_parquet


def _korean(man: int) -> str:
    eok, rest = divmod(man, 10000)
    return f"{eok}억 {rest:,}만" if eok and rest else (f"{eok}억" if eok else f"{rest:,}만")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("text_amounts")
    rng = np.random.default_rng(14)
    n = 120
    salary = (rng.uniform(40, 130, n) * 1000).round(-2)
    bonus = rng.choice([0.0, 5.0, 7.5, 10.0, 12.5], n)
    profit = (rng.normal(50, 80, n)).round(2)
    staff = pd.DataFrame(
        {
            "name": [f"Person {k:03d}" for k in range(n)],
            "department": rng.choice(["Sales", "Engineering", "Support"], n),
            "salary": [f"${x:,.0f}" for x in salary],
            "bonus": [f"{x:.1f}%" for x in bonus],
            "amount": [f"${x:,.2f}" for x in salary / 40],
            "profit": [f"${x:,.2f}" if x >= 0 else f"(${-x:,.2f})" for x in profit],
            # not every value is an amount: no measure
            "list_price": [f"${x:,.2f}" if k % 10 else "call" for k, x in enumerate(salary / 30)],
            "code": [f"A{k}" for k in range(n)],
        }
    )
    price = (rng.uniform(0.9, 25, n) * 10000).round(-2).astype(int)  # 만원
    homes = pd.DataFrame(
        {
            "구": rng.choice(["강남구", "노원구"], n),
            "매매가": [_korean(int(x)) for x in price],
            "관리비": [f"{int(x):,}원" for x in rng.uniform(80, 400, n).round() * 1000],
            "연봉": [f"{int(x):,}만원" for x in rng.uniform(3000, 9000, n).round(-1)],
        }
    )
    total = rng.lognormal(6.8, 0.7, n).round(2)
    invoices = pd.DataFrame(
        {
            "country": rng.choice(["Germany", "France"], n),
            "total": [f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") + " €" for x in total],
        }
    )
    out = {"_spill": root / "spill"}
    for name, frame in (("staff", staff), ("homes", homes), ("invoices", invoices)):
        frame = frame.astype("string")
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def _money(frame: pd.DataFrame, column: str) -> pd.Series:
    """The column's amounts, converted here independently of the analyst."""
    s = frame[column].astype(str)
    negative = s.str.startswith("(")
    return s.str.replace(r"[$,()]", "", regex=True).astype(float).where(~negative, lambda x: -x)


def _man(value: str) -> float:
    eok, _, rest = value.partition("억")
    if not rest and "만" in eok:
        eok, rest = "0", eok
    return int(eok or 0) * 10000 + int(rest.replace("만", "").replace(",", "").strip() or 0)


def test_the_catalog_reads_a_column_of_amounts_as_a_measure_in_its_unit(data):
    from vista_jupyter.assistant.offline.amounts import detect

    _, path = data["staff"]
    table = catalog.build_table(
        {"var_name": "df", "name": "staff", "profile": profile_parquet(path), "parquet_path": str(path)}
    )
    salary, bonus, profit = (table.column(c) for c in ("salary", "bonus", "profit"))
    assert salary.numeric and salary.unit == "$" and salary.amount is not None
    assert bonus.numeric and bonus.unit == "%"
    assert profit.numeric and float(profit.minimum) < 0  # "($35.20)" is negative
    # one value that is no amount ("call"), or codes: never a measure
    assert not table.column("list_price").numeric and not table.column("code").numeric
    assert detect(["$1.00", "call for price", "$3.00"]) is None
    assert detect(["1", "2", "3"]) is None  # plain numbers as text: nothing marks them as amounts
    assert detect(["1.234,50 €", "610,19 €", "12,00 €"]).decimal_comma


@pytest.mark.parametrize("mode", MODES)
def test_statistics_of_a_text_column_of_dollars(data, mode):
    frame, _ = data["staff"]
    salary = _money(frame, "salary")
    analysis, answer = ask(data, "staff", "What is the average salary?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), salary.mean(), 0) and "$" in first_line(answer), answer
    code = "\n".join(s.code for s in analysis.steps)
    assert ("pd.to_numeric" in code) if mode == "pandas" else ("regexp_replace" in code), code
    analysis, answer = ask(data, "staff", "average salary by department", mode)
    assert not analysis.declined, answer
    for group, mean in salary.groupby(frame["department"]).mean().items():
        line = next(x for x in answer.splitlines() if group in x)
        assert states(line, mean, 0), (group, answer)
    analysis, answer = ask(data, "staff", "top 3 employees by salary", mode)
    assert not analysis.declined, answer
    top = frame.assign(s=salary).sort_values("s", ascending=False)["name"].head(3).tolist()
    positions = [answer.index(name) for name in top]
    assert positions == sorted(positions), answer
    # accounting negatives "($35.20)" count as negative
    analysis, answer = ask(data, "staff", "total profit", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), _money(frame, "profit").sum(), 0), answer
    # a column with a value that is no amount is no measure
    analysis, _ = ask(data, "staff", "average list_price", mode)
    assert analysis.declined


@pytest.mark.parametrize("mode", MODES)
def test_a_percent_column_is_a_percent(data, mode):
    frame, _ = data["staff"]
    bonus = frame["bonus"].str.rstrip("%").astype(float)
    analysis, answer = ask(data, "staff", "average bonus", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), bonus.mean(), 1) and "%" in first_line(answer), answer
    # many rows share the highest: the value and how many, their names after the first line
    analysis, answer = ask(data, "staff", "highest bonus", mode)
    assert not analysis.declined, answer
    head = first_line(answer)
    assert states(head, 12.5, 1) and states(head, int((bonus == 12.5).sum()), 0), answer
    assert "Person" not in head, answer
    analysis, answer = ask(data, "staff", "how many people have a bonus above 7.5%", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int((bonus > 7.5).sum()), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_amounts_in_the_question_in_the_columns_currency(data, mode):
    frame, _ = data["staff"]
    amount = _money(frame, "amount")
    # no column named: the rows' own amount (not profit, also in dollars)
    analysis, answer = ask(data, "staff", "how many over $2,000?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int((amount > 2000).sum()), 0), answer
    analysis, answer = ask(data, "staff", "how many with salary above 100k", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int((_money(frame, "salary") > 100000).sum()), 0), answer
    # another currency is never compared with dollars
    analysis, _ = ask(data, "staff", "how many with salary over 1000 euros", mode)
    assert analysis.declined


@pytest.mark.parametrize("mode", MODES)
def test_korean_amounts_in_grand_units_and_in_won(data, mode):
    frame, _ = data["homes"]
    price = frame["매매가"].map(_man)
    fee = frame["관리비"].str.replace(r"[,원]", "", regex=True).astype(float)
    analysis, answer = ask(data, "homes", "평균 매매가는?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), price.mean(), 0) and "만원" in first_line(answer), answer
    analysis, answer = ask(data, "homes", "10억 이상 매물은 몇 개야?", mode)  # 매매가: only it reaches 10억
    assert not analysis.declined, answer
    assert states(first_line(answer), int((price >= 100000).sum()), 0), answer
    # 20만원 is about 관리비 (in 원), named, though 매매가 is the column in 만원
    analysis, answer = ask(data, "homes", "관리비가 20만원 넘는 매물 수", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int((fee > 200000).sum()), 0), answer
    salary = frame["연봉"].str.replace(r"[,만원]", "", regex=True).astype(float)
    analysis, answer = ask(data, "homes", "연봉 6천만원 이상은 몇 명?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int((salary >= 6000).sum()), 0), answer


@pytest.mark.parametrize("mode", MODES)
def test_a_decimal_comma_where_the_values_show_it(data, mode):
    frame, _ = data["invoices"]
    total = frame["total"].str.replace(" €", "").str.replace(".", "").str.replace(",", ".").astype(float)
    analysis, answer = ask(data, "invoices", "total 평균", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), total.mean(), 0) and "€" in first_line(answer), answer
    analysis, answer = ask(data, "invoices", "how many with total over €2,000?", mode)
    assert not analysis.declined, answer
    assert states(first_line(answer), int((total > 2000).sum()), 0), answer
