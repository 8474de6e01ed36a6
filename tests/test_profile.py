"""Dataset profiles: the card's numbers, and a model summary that stays within budget."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from vista_jupyter.profile import SUMMARY_BUDGET, profile_parquet, summary_text


def test_kinds_and_statistics(tmp_path):
    frame = pd.DataFrame(
        {
            "customer_id": range(1, 201),
            "amount": np.linspace(0, 100, 200),
            "segment": ["a", "b", "c", "d"] * 50,
            "signup": pd.date_range("2024-01-01", periods=200, freq="D"),
            "active": [True, False] * 100,
            "note": [f"free text number {i} with spaces" for i in range(200)],
            "code": [f"X{i:05d}" for i in range(200)],
        }
    )
    frame.loc[3, "amount"] = None
    frame.to_parquet(tmp_path / "p.parquet")
    profile = profile_parquet(tmp_path / "p.parquet")
    columns = {c["name"]: c for c in profile["column_profiles"]}
    assert {n: c["kind"] for n, c in columns.items()} == {
        "customer_id": "identifier",
        "amount": "numeric",
        "segment": "categorical",
        "signup": "datetime",
        "active": "boolean",
        "note": "text",
        "code": "identifier",
    }
    assert columns["amount"]["nulls"] == 1
    assert columns["amount"]["mean"] == frame["amount"].mean()
    assert columns["amount"]["quantiles"]["50%"] == frame["amount"].median()
    assert columns["segment"]["distinct"] == 4 and columns["segment"]["top"][0]["count"] == 50
    assert profile["rows"] == 200 and len(profile["sample"]) == 5


def test_the_model_summary_fits_the_budget_even_for_1000_columns(tmp_path):
    wide = pd.DataFrame(
        np.random.default_rng(1).random((20, 1000)), columns=[f"sensor_{i:04d}_reading_in_volts" for i in range(1000)]
    )
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


def test_a_wide_table_is_profiled_together_exactly_as_column_by_column(tmp_path):
    # Numeric columns of a wide table are profiled as one matrix; every statistic must be what
    # the column-by-column profile says (missing cells, all-missing, one value, integer ids,
    # repeated values, NaN that is not missing, integers beyond float precision).
    import math

    import pyarrow as pa
    import pyarrow.parquet as pq

    from vista_jupyter.profile import MANY_COLUMNS, profile_column

    rng = np.random.default_rng(1)
    n = 30
    columns = {}
    for j in range(MANY_COLUMNS):
        missing = rng.random(n) < 0.2
        columns[f"f{j}"] = pa.array(np.round(rng.normal(size=n), 2 if j % 2 else 6), mask=missing)
    for j in range(40):
        columns[f"c{j}_id" if j % 2 else f"n{j}"] = pa.array(rng.permutation(n) if j % 3 else rng.integers(0, 5, n))
    columns["all_missing"] = pa.nulls(n, pa.float64())
    columns["one_value"] = pa.array([2.5] + [None] * (n - 1))
    columns["nan_not_missing"] = pa.array([float("nan"), 1.0] * (n // 2))
    columns["huge_ints"] = pa.array([2**60 + k for k in range(n)])
    table = pa.table(columns)
    pq.write_table(table, tmp_path / "wide.parquet")
    got = profile_parquet(tmp_path / "wide.parquet")["column_profiles"]
    assert len(got) == table.num_columns
    for mine, name in zip(got, table.column_names):
        expected = profile_column(name, table.column(name))
        assert list(mine) == list(expected), name
        for key, value in expected.items():
            if isinstance(value, float):
                assert math.isclose(mine[key], value, rel_tol=1e-9, abs_tol=1e-12), (name, key)
            elif isinstance(value, dict):
                assert mine[key].keys() == value.keys(), (name, key)
                for q, v in value.items():
                    assert (v is None and mine[key][q] is None) or math.isclose(mine[key][q], v, rel_tol=1e-9), (
                        name,
                        q,
                    )
            else:
                assert mine[key] == value, (name, key, mine[key], value)


def test_streamed_profile_counts_top_values_exactly_across_batches(tmp_path, monkeypatch):
    # Tables above EXACT_ROWS are profiled batch by batch: the top values of a column with few
    # distinct values are summed over every batch (the same as the exact profile), a column
    # with more distinct values than EXACT_TOP_MAX takes them from the sample (and says so),
    # and dates show their range.
    import datetime as dt

    from vista_jupyter import profile as pr

    n = 300_000
    table = pa.table(
        {
            "city": pa.array([["Seoul", "Busan", "Daegu", "Jeju"][(i * i) % 4] for i in range(n)]),
            "flag": pa.array([i % 3 == 0 for i in range(n)]),
            "code": pa.array([f"c{i % 5000}" for i in range(n)]),
            "day": pa.array([dt.datetime(2024, 1, 1) + dt.timedelta(hours=i) for i in range(n)]),
        }
    )
    path = tmp_path / "t.parquet"
    pq.write_table(table, path, row_group_size=50_000)
    exact = {c["name"]: c for c in pr._exact_columns(table)}
    monkeypatch.setattr(pr, "EXACT_TOP_MAX", 1_000)
    streamed = {c["name"]: c for c in pr.profile_parquet(path)["column_profiles"]}
    assert streamed["city"]["top"] == exact["city"]["top"]
    assert streamed["flag"]["top"] == exact["flag"]["top"]
    assert "top" not in streamed["city"]["estimated"] and "top" in streamed["code"]["estimated"]
    assert streamed["day"]["min"] == "2024-01-01T00:00:00" and "top" not in streamed["day"]


def _messy_csv(path, rows: int, late: str | None = None) -> None:
    """Mixed columns with missing cells, repeated and unique values; `late`: a cell put in the
    integer column's middle row (a type the samples did not show: the body is read again)."""
    rng = np.random.default_rng(11)
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,city,amount,qty,day,flag,note\n")
        for i in range(rows):
            city = ["Seoul", "Busan", "", "Daegu", "Jeju"][int(rng.integers(5))]
            amount = "" if rng.random() < 0.1 else f"{rng.normal(100, 30):.2f}"
            qty = late if (late and i == rows // 2) else str(int(rng.integers(1, 9)))
            day = "" if rng.random() < 0.05 else f"2024-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
            flag = ["true", "false", "NA"][int(rng.integers(3))]
            note = f'"note {int(rng.integers(0, rows // 3))}, more"' if rng.random() < 0.7 else ""
            f.write(f"{i},{city},{amount},{qty},{day},{flag},{note}\n")


@pytest.mark.parametrize(
    "rows,late",
    [
        (3_000, None),  # held and profiled exactly
        (60_000, None),  # merged batch by batch: several row groups, the sample thinned as it grows
        (60_000, "2.5"),  # the body read again (the integer column becomes decimal): a new profile
    ],
)
def test_the_profile_computed_while_the_file_is_written_is_the_files_profile(tmp_path, monkeypatch, rows, late):
    from vista_jupyter import profile as pr
    from vista_jupyter.ingest import ingest_to_parquet

    # small thresholds, so that a file of a few megabytes crosses every one of them
    monkeypatch.setattr(pr, "EXACT_ROWS", 20_000)
    monkeypatch.setattr(pr, "SAMPLE_VALUES", 3_000)
    monkeypatch.setattr(pr, "BATCH_ROWS", 4_096)
    monkeypatch.setattr(pr, "EXACT_TOP_MAX", 2_000)
    src, out = tmp_path / "data.csv", tmp_path / "data.parquet"
    _messy_csv(src, rows, late)
    result = ingest_to_parquet(src, out, profile=True)
    assert result.rows == rows and (result.detected["passes"] > 1) == bool(late)
    streamed = result.profile.finish(out)
    assert streamed is not None
    assert streamed == profile_parquet(out)
    columns = {c["name"]: c for c in streamed["column_profiles"]}
    assert columns["qty"]["dtype"] == ("double" if late else "int64")
    if rows > 20_000:  # the estimates are said to be so
        assert "distinct" in columns["note"]["estimated"] and "top" in columns["note"]["estimated"]


def test_a_profile_that_would_hold_too_much_is_taken_from_the_file(tmp_path, monkeypatch):
    from vista_jupyter import datasets
    from vista_jupyter import profile as pr
    from vista_jupyter.ingest import ingest_to_parquet

    monkeypatch.setattr(pr, "HOLD_BYTES", 10_000)
    src, out = tmp_path / "data.csv", tmp_path / "data.parquet"
    _messy_csv(src, 3_000)
    result = ingest_to_parquet(src, out, profile=True)
    assert result.profile.finish(out) is None
    assert datasets.full_profile(out, result.profile) == profile_parquet(out)


def test_a_stream_profile_never_holds_the_writing_up_for_good(tmp_path, monkeypatch):
    """A small row group waiting (not enough for the profile's thread to start) and then one too
    large to fit beside it: the writer's wait starts the thread, which makes room."""
    import threading

    from vista_jupyter import profile as pr

    small = pa.table({"x": pa.array(range(10), pa.int64())})
    large = pa.table({"x": pa.array(range(1_000), pa.int64())})
    monkeypatch.setattr(pr, "QUEUE_BYTES", small.nbytes + large.nbytes - 1)
    streamed = pr.StreamProfile(small.schema)
    writing = threading.Thread(target=lambda: (streamed.add(small), streamed.add(large), streamed.close()), daemon=True)
    writing.start()
    writing.join(30)
    assert not writing.is_alive(), "the writing waited for a profile that never ran"
    path = tmp_path / "t.parquet"
    pq.write_table(pa.concat_tables([small, large]), path)
    assert streamed.finish(path) == profile_parquet(path)


def test_text_read_as_parquet_dictionaries_profiles_as_the_decoded_text(tmp_path, monkeypatch):
    """A large table's text columns stored as dictionaries are read as such (counted by index);
    the profile equals the one from the decoded text, float sums included, although the reader
    then cuts its batches at every row group (here not a multiple of the profile's batch)."""
    from vista_jupyter import profile as pr

    monkeypatch.setattr(pr, "EXACT_ROWS", 5_000)
    monkeypatch.setattr(pr, "SAMPLE_VALUES", 2_000)
    monkeypatch.setattr(pr, "BATCH_ROWS", 1_000)
    rng = np.random.default_rng(5)
    rows = 23_456
    table = pa.table(
        {
            "city": pa.array([["Seoul", "Busan", None, "Jeju", "서울"][i] for i in rng.integers(0, 5, rows)]),
            "amount": pa.array(rng.normal(100, 30, rows)),
            "note": pa.array([f"note {i}" for i in rng.integers(0, 9_000, rows)]),
            "tags": pa.array([[f"t{i % 3}"] for i in range(rows)]),  # nested: two Parquet columns before `flag`
            "flag": pa.array([["a", "b"][i % 2] for i in range(rows)]),
        }
    )
    path = tmp_path / "t.parquet"
    pq.write_table(table, path, row_group_size=3_333, use_dictionary=["city", "flag"])
    assert pr._dictionary_columns(pq.ParquetFile(path)) == ["city", "flag"]
    encoded = profile_parquet(path)
    monkeypatch.setattr(pr, "_dictionary_columns", lambda parquet: [])
    assert encoded == profile_parquet(path)
    columns = {c["name"]: c for c in encoded["column_profiles"]}
    assert {t["value"]: t["count"] for t in columns["city"]["top"]} == {
        k: v for k, v in pd.Series(table.column("city").to_pylist()).value_counts().head(5).items()
    }


def test_a_dictionary_batch_leaves_only_its_sampled_rows_held(tmp_path):
    """A batch read as a dictionary refers to its row group's whole dictionary: what the profile
    keeps of it until the end is the sampled rows' values, not that dictionary."""
    from vista_jupyter import profile as pr

    values = pa.array([f"value number {i}" for i in range(50_000)]).dictionary_encode()
    keep = pa.array([i % 5_000 == 0 for i in range(50_000)])
    column = pr._Column("v", pa.string(), 50_000)
    column.add(values, keep)
    held = sum(s.nbytes for s in column.sample)
    assert values.dictionary.nbytes > 500_000 and held < 1_000
    assert pa.concat_arrays(column.sample).to_pylist() == [f"value number {i}" for i in range(0, 50_000, 5_000)]
