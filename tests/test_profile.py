"""Dataset profiles: the card's numbers, and a model summary that stays within budget."""

from __future__ import annotations

import numpy as np
import pandas as pd

from vista_jupyter.profile import SUMMARY_BUDGET, profile_parquet, summary_text


def test_kinds_and_statistics(tmp_path):
    frame = pd.DataFrame({
        "customer_id": range(1, 201),
        "amount": np.linspace(0, 100, 200),
        "segment": ["a", "b", "c", "d"] * 50,
        "signup": pd.date_range("2024-01-01", periods=200, freq="D"),
        "active": [True, False] * 100,
        "note": [f"free text number {i} with spaces" for i in range(200)],
        "code": [f"X{i:05d}" for i in range(200)],
    })
    frame.loc[3, "amount"] = None
    frame.to_parquet(tmp_path / "p.parquet")
    profile = profile_parquet(tmp_path / "p.parquet")
    columns = {c["name"]: c for c in profile["column_profiles"]}
    assert {n: c["kind"] for n, c in columns.items()} == {
        "customer_id": "identifier", "amount": "numeric", "segment": "categorical",
        "signup": "datetime", "active": "boolean", "note": "text", "code": "identifier",
    }
    assert columns["amount"]["nulls"] == 1
    assert columns["amount"]["mean"] == frame["amount"].mean()
    assert columns["amount"]["quantiles"]["50%"] == frame["amount"].median()
    assert columns["segment"]["distinct"] == 4 and columns["segment"]["top"][0]["count"] == 50
    assert profile["rows"] == 200 and len(profile["sample"]) == 5


def test_the_model_summary_fits_the_budget_even_for_1000_columns(tmp_path):
    wide = pd.DataFrame(np.random.default_rng(1).random((20, 1000)),
                        columns=[f"sensor_{i:04d}_reading_in_volts" for i in range(1000)])
    wide["label"] = ["x", "y"] * 10
    wide.to_parquet(tmp_path / "w.parquet")
    text = summary_text("wide", profile_parquet(tmp_path / "w.parquet"))
    assert len(text) <= SUMMARY_BUDGET  # about 1,500 tokens at 4 characters a token
    assert "20 rows x 1,001 columns" in text
    assert "more columns" in text and "1 categorical (label)" in text


def test_a_column_of_unique_ids_is_an_identifier_whatever_the_distinct_estimate_says(tmp_path):
    # Distinct counts are HyperLogLog estimates, a few percent off: 300,000 and 2,000,000 unique
    # order ids, estimated at about 96% and 95% of the rows, must still name the rows (an id,
    # not a measure: the offline analyst names the rows of a top 10 by it)
    for rows in (300_000, 2_000_000):
        check_unique_ids(tmp_path, rows)


def check_unique_ids(tmp_path, rows):
    frame = pd.DataFrame({"order_id": np.arange(rows), "amount": np.random.default_rng(1).random(rows)})
    frame.to_parquet(tmp_path / "orders.parquet")
    columns = {c["name"]: c for c in profile_parquet(tmp_path / "orders.parquet")["column_profiles"]}
    assert columns["order_id"]["kind"] == "identifier", columns["order_id"]
    assert columns["amount"]["kind"] == "numeric"
