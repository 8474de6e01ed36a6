"""Cleaning text cells (`types.clean`: trim, then missing markers as nulls) skips the trim for a
column whose bytes prove no cell starts or ends with a character the trim removes
(`types.needs_trim`), and gives the same cells as trimming everything would."""

from __future__ import annotations

import random

import pyarrow as pa
import pyarrow.compute as pc

from vista_jupyter.ingest import types as ty


def _reference(column: pa.Array) -> list[str | None]:
    """What cleaning means: every cell trimmed, then a missing marker is a null."""
    trimmed = pc.utf8_trim_whitespace(column).to_pylist()
    return [None if v is None or v in ty.MISSING and v not in ty.MISSING_WORDS else v for v in trimmed]


def test_trimmed_characters_are_arrows() -> None:
    """The table of trimmed characters is the set Arrow's trim removes, over every code point."""
    chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
    trimmed = pc.utf8_trim_whitespace(pa.array(chars)).to_pylist()
    assert {c for c, t in zip(chars, trimmed) if t == ""} == set(ty.TRIMMED)


def test_clean_matches_trimming_everything() -> None:
    """Random cells with every trimmed character at either end, inside, or nowhere; Korean,
    Japanese and accented text (bytes that look like a trimmed character's last byte); missing
    markers padded or not; nulls; sliced arrays (an offset into the buffers)."""
    rng = random.Random(11)
    words = ["Kim", "서울특별시", "東京", "São Paulo", "NA", "None", "-", "", "n/a", "3,5", "a b", "가\u3000나"]
    for _ in range(300):
        cells: list[str | None] = []
        for _ in range(rng.randint(0, 40)):
            if rng.random() < 0.1:
                cells.append(None)
                continue
            w = rng.choice(words)
            if rng.random() < 0.15:
                w = rng.choice(ty.TRIMMED) + w
            if rng.random() < 0.15:
                w = w + rng.choice(ty.TRIMMED)
            cells.append(w)
        column = pa.array(cells, pa.string())
        for piece in (column, column.slice(min(3, len(column)))):
            assert ty.clean(piece).to_pylist() == _reference(piece)


def test_no_copy_when_no_cell_needs_trimming() -> None:
    """A column with nothing to trim keeps its characters where they are (no copy of the text:
    the trim was most of cleaning's cost); one trailing no-break space anywhere is still found."""
    cells = [f"customer {i}" if i % 7 else "" for i in range(10_000)]
    column = pa.array(cells, pa.string())
    cleaned = ty.clean(column)
    assert cleaned.buffers()[2].address == column.buffers()[2].address
    assert cleaned.null_count == sum(1 for c in cells if not c)
    late = pa.array(cells[:-1] + ["last\u00a0"], pa.string())
    assert ty.needs_trim(late)
    assert ty.clean(late).to_pylist()[-1] == "last"
    assert not ty.needs_trim(pa.array(["", None, ""], pa.string()))
