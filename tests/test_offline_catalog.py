"""The offline planner's catalog: what it remembers between questions gives the same answers.

`concepts_of` is memoised per column name, so a caller changing the dict it got must not change
what the next caller gets; `_scan_values` remembers per file version the distinct values of the
string columns it read, and also which columns had too many, so a later question reads neither
again, and a changed file is read anew.
"""

from __future__ import annotations

import os

import pyarrow as pa
import pyarrow.parquet as pq

from vista_jupyter.assistant.offline import catalog
from vista_jupyter.assistant.offline.text import name_keys


def test_concepts_of_gives_each_caller_its_own_dict():
    keys = name_keys("Weight_in_lbs")
    first = catalog.concepts_of(keys)
    assert "weight" in first
    first.clear()
    first["unrelated"] = 1.0
    again = catalog.concepts_of(keys)
    assert "weight" in again and "unrelated" not in again


def test_abbreviated_and_korean_names_still_find_their_concepts():
    # the Latin abbreviation path (skipped early when a run cannot start the word) and the
    # Korean compound path
    assert catalog.concepts_of(name_keys("unemp")) == {"unemployment": 0.9}
    assert catalog.concepts_of(name_keys("lifeExp")) == {"life_expectancy": 0.9}
    assert catalog.concepts_of(name_keys("gdpPercap")) == {"gdp": 1.0, "per_capita": 0.9}
    # 초미세먼지 (PM2.5) is not the 미세먼지 (PM10) inside it
    assert catalog.concepts_of(name_keys("초미세먼지")) == {"pm25": 1.0}
    assert catalog.concepts_of(name_keys("미세먼지")) == {"pm10": 1.0}


def _parquet(path, many: int) -> None:
    """40 rows: a city column with two values, a note column with `many` + 1 (or 40)."""
    notes = [f"note {i}" for i in range(many)]
    pq.write_table(
        pa.table(
            {
                "city": ["Seoul", "Busan", "Seoul", None] * 10,
                "note": notes + ["x"] * (40 - many),
            }
        ),
        path,
    )


def test_scanned_values_are_read_once_per_file_version(tmp_path, monkeypatch):
    path = tmp_path / "data.parquet"
    _parquet(path, 40)
    monkeypatch.setattr(catalog, "MAX_VALUES", 10)  # "note" has 40 distinct values: too many
    opened = []
    real = pq.ParquetFile

    def counting(*args, **kwargs):
        opened.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(pq, "ParquetFile", counting)
    got = catalog._scan_values(str(path), ["city", "note"])
    assert got == {"city": ["Busan", "Seoul"]}  # "note" left out: more than MAX_VALUES
    assert len(opened) == 1
    # Both columns are remembered, the one with too many values too: nothing is read again.
    assert catalog._scan_values(str(path), ["city", "note"]) == {"city": ["Busan", "Seoul"]}
    assert catalog._scan_values(str(path), ["note"]) == {}
    assert len(opened) == 1
    # A new version of the file (other size and time) is read anew.
    pq.write_table(pa.table({"city": ["Daegu"], "note": ["n"]}), path)
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert catalog._scan_values(str(path), ["city", "note"]) == {"city": ["Daegu"], "note": ["n"]}
    assert len(opened) == 2


def test_warm_reads_what_build_table_then_finds(tmp_path, monkeypatch):
    path = tmp_path / "data.parquet"
    _parquet(path, 3)
    profile = {
        "rows": 40,
        "columns": 2,
        "sample": [],
        "column_profiles": [
            {
                "name": "city",
                "kind": "categorical",
                "dtype": "string",
                "nulls": 10,
                "distinct": 2,
                "top": [{"value": "Seoul", "count": 20}],
            },
            {
                "name": "note",
                "kind": "categorical",
                "dtype": "string",
                "nulls": 0,
                "distinct": 4,
                "top": [{"value": "x", "count": 37}],
            },
        ],
    }
    dataset = {"var_name": "df", "name": "df", "profile": profile, "parquet_path": str(path)}
    catalog.warm(dataset)

    def no_reading(*args, **kwargs):
        raise AssertionError("build_table read the file again")

    monkeypatch.setattr(pq, "ParquetFile", no_reading)
    table = catalog.build_table(dataset)
    assert table.column("city").values == ["Busan", "Seoul"]  # all values, not only the top one
    assert table.column("note").values == ["note 0", "note 1", "note 2", "x"]


def test_dates_written_as_text_are_parsed_once_per_file_version(tmp_path, monkeypatch):
    import pandas as pd

    path = tmp_path / "data.parquet"
    days = pd.date_range("2001-01-01", periods=60, freq="D")
    pq.write_table(pa.table({"day": [d.strftime("%b %d %Y") for d in days]}), path)
    profile = {
        "rows": 60,
        "columns": 1,
        "sample": [{"day": "Jan 01 2001"}],
        "column_profiles": [
            {
                "name": "day",
                "kind": "text",
                "dtype": "string",
                "nulls": 0,
                "distinct": 60,
                "top": [{"value": d.strftime("%b %d %Y"), "count": 1} for d in days[:5]],
            },
        ],
    }
    dataset = {"var_name": "df", "name": "df", "profile": profile, "parquet_path": str(path)}
    catalog.warm(dataset)

    def no_parsing(*args, **kwargs):
        raise AssertionError("the dates were parsed again")

    monkeypatch.setattr(pd, "to_datetime", no_parsing)
    column = catalog.build_table(dataset).column("day")
    assert column.date_format == "mixed"
    assert (column.minimum, column.maximum) == ("2001-01-01T00:00:00", "2001-03-01T00:00:00")
    assert column.granularity == "day"
