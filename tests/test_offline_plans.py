"""What the offline analyst's plans can express and when they must decline, through both
renderers: each question runs as a kernel would run it, with `df` in pandas and with the dataset
held in DuckDB (the set-up a kernel gets: the view, the sample, `sql()`), and the answer's first
line is checked against pandas computed here. Near variants that cannot be answered honestly
must be declined, with a message that says which reading could not be made.
"""

from __future__ import annotations

import contextlib
import io
import re

import matplotlib

matplotlib.use("Agg")  # this test process only; the analyst's code never selects a backend
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
import pytest  # noqa: E402

from vista_jupyter.assistant import offline  # noqa: E402
from vista_jupyter.assistant.offline import catalog  # noqa: E402
from vista_jupyter.profile import profile_parquet  # noqa: E402
from vista_jupyter.setup_code import DataLoad, data_code  # noqa: E402

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
    out = {"_spill": root / "spill"}
    for name, frame in (("deliveries", deliveries), ("ledger", ledger)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def execute(steps, namespace) -> list[dict]:
    results = []
    for step in steps:
        out = io.StringIO()
        original = plt.show
        plt.show = lambda *a, **k: None
        try:
            with contextlib.redirect_stdout(out):
                exec(step.code, namespace)  # noqa: S102
            results.append(
                {"status": "ok", "outputs": [{"output_type": "stream", "name": "stdout", "text": out.getvalue()}]}
            )
        finally:
            plt.show = original
            plt.close("all")
    return results


def ask(data, name: str, question: str, mode: str) -> tuple[offline.Analysis, str]:
    """The question about `name` with the dataset held as `mode` holds it, run as a kernel would."""
    frame, path = data[name]
    dataset = {
        "var_name": "df",
        "name": name,
        "profile": profile_parquet(path),
        "parquet_path": str(path),
        "mode": mode,
    }
    analysis = offline.analyse(question, [dataset])
    if mode == "pandas":
        namespace = {"df": frame.copy(), "pd": pd, "np": np, "plt": plt}
    else:
        namespace = {"pd": pd, "np": np, "plt": plt}
        rows = pq.ParquetFile(path).metadata.num_rows
        exec(data_code([DataLoad("df", str(path), "duckdb", rows)], spill=str(data["_spill"])), namespace)  # noqa: S102
    return analysis, offline.answer(analysis, execute(analysis.steps, namespace))


def first_line(answer: str) -> str:
    return next(line for line in answer.splitlines() if line.strip())


def numbers(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"-?\d[\d,]*(?:\.\d+)?", text)]


def states(text: str, value: float, digits: int = 2) -> bool:
    return any(abs(x - value) <= max(0.5 * 10**-digits, abs(value) * 0.0005) + 1e-9 for x in numbers(text))


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
