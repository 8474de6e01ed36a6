"""Date columns parsed by Arrow's CSV parser (`engine._typed_in_arrow`): a `date_iso` column
whose sample holds dates alone is typed as `date32` while parsing, and every reading gives the
same table, detected settings (passes included) and warnings as converting its text does,
whatever cell the body holds past the samples."""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from vista_jupyter.ingest import engine
from vista_jupyter.ingest.reader import IngestLimits, ingest_to_parquet


def _write(path: Path, late: str | None, rows: int = 40_000) -> None:
    rng = random.Random(4)
    lines = ["id,day,shipped,amount,note"]
    for i in range(rows):
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        shipped = "" if rng.random() < 0.1 else f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if late is not None and i == rows - 7:
            shipped = late
        lines.append(f"{i},{day},{shipped},{rng.uniform(0, 99):.2f},n{rng.randint(0, 9)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read(path: Path, out: Path, *, arrow_dates: bool, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as m:
        if not arrow_dates:
            m.setattr(engine, "_dates_only", lambda sample: False)
        result = ingest_to_parquet(path, out, limits=IngestLimits())
    return pq.read_table(out), result.detected, result.warnings


LATE = [
    None,
    "2024-05-06 13:45",  # a time after the head's dates alone: still date_iso, converted from text
    "2024-05-06 13",  # a date and an hour alone: date_iso refuses it, the column moves on
    "2024-05-06 00",
    "2024-5-6",
    " 2024-05-06 ",  # spaces Arrow's date parser trims, as cleaning does
    "\u00a02024-05-06",  # a space cleaning trims and Arrow does not
    "NA",
    "None",  # a missing word: missing in a date column
    "  ",
    "unknown",
    "2024-02-30",
]


@pytest.mark.parametrize("late", LATE)
def test_dates_parsed_by_arrow_give_the_same_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, late: str | None
) -> None:
    src = tmp_path / "orders.csv"
    _write(src, late)
    text = _read(src, tmp_path / "text.parquet", arrow_dates=False, monkeypatch=monkeypatch)
    typed = _read(src, tmp_path / "typed.parquet", arrow_dates=True, monkeypatch=monkeypatch)
    assert typed[0].schema == text[0].schema
    assert typed[0].equals(text[0])
    assert typed[1] == text[1] and typed[2] == text[2]
    assert typed[1]["parser"] == "arrow"


def test_dates_alone_are_typed_while_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "orders.csv"
    _write(src, None)
    seen: list[pa.DataType] = []
    original = engine._from_arrow

    def spy(col: pa.Array) -> pa.Array:
        seen.append(col.type)
        return original(col)

    monkeypatch.setattr(engine, "_from_arrow", spy)
    result = ingest_to_parquet(src, tmp_path / "out.parquet")
    assert result.detected["types"]["day"] == "date_iso" and result.detected["passes"] == 1
    assert pa.date32() in seen
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.field("day").type == pa.timestamp("us")
    assert table.column("shipped").null_count > 0


def test_a_header_cell_that_is_a_date_keeps_the_column_text_in_the_parser(tmp_path: Path) -> None:
    # no header: the first line is data, its date cell is a value (the column is converted here)
    src = tmp_path / "noheader.csv"
    src.write_text("".join(f"{i},2024-01-{i % 28 + 1:02d},x{i % 3}\n" for i in range(3000)), encoding="utf-8")
    result = ingest_to_parquet(src, tmp_path / "out.parquet")
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 3000
    assert pa.types.is_timestamp(table.schema.field(1).type)
    assert result.detected["passes"] == 1
