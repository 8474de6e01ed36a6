"""Cleaning text cells (`types.clean`: trim, then missing markers as nulls) skips the trim for a
column whose bytes prove no cell starts or ends with a character the trim removes
(`types.needs_trim`), and gives the same cells as trimming everything would. Missing markers are
looked up only in the cells that could be one (`types._missing_markers`: empty cells from the
offsets, the rest by length and first byte), with the same result as looking up every cell."""

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
    words += ty.MISSING + ["NAB", "Nope", "-1.#INDX", "#N/A N/A!", "<NA>", "nan2", "?!", "1.5", "N"]
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


def test_markers_are_found_as_looking_up_every_cell_finds_them() -> None:
    """Every marker, near misses (a marker's first byte and length, one character more or
    different), multi-byte first characters, nulls (one with characters behind it), sliced
    arrays: the cells `clean` makes missing are the empty ones and those `is_in` finds."""
    rng = random.Random(5)
    near = [
        "NAN",
        "NaN!",
        "nil",
        "Nan",
        "#N/A N/B",
        "-1.#QNAN",
        "-1.#QNAX",
        "1.#IND",
        "1.#INDE",
        "?",
        "??",
        "--",
        "---",
    ]
    words = ty.MISSING + near + ["Nürnberg", "ñ", "-5", "#1", "<b>", "1", "1999", "", " NA", "東京"]
    for _ in range(60):  # short arrays (looked up whole) and long ones (looked at first)
        size = rng.randint(0, 60) if rng.random() < 0.5 else rng.randint(ty.LOOKED_AT, 3 * ty.LOOKED_AT)
        cells = [None if rng.random() < 0.05 else rng.choice(words) for _ in range(size)]
        column = pa.array(cells, pa.string())
        for piece in (column, column.slice(min(5, len(column))), column.slice(0, len(column) // 2)):
            expected = [
                v is not None and (v == "" or v in ty.MISSING and v not in ty.MISSING_WORDS) for v in piece.to_pylist()
            ]
            found = ty._missing_markers(piece)
            got = found.tolist() if found is not None else [False] * len(piece)
            kept = [v is not None for v in piece.to_pylist()]  # a null cell is null whatever it holds
            assert [g for g, k in zip(got, kept) if k] == [e for e, k in zip(expected, kept) if k]
            assert ty.clean(piece).to_pylist() == _reference(piece)
    # a null slot whose offsets span characters ("NA" behind a null): still a null, not a marker
    for times in (1, ty.LOOKED_AT):
        valid = pa.array([True, False, True] * times).buffers()[1]
        offsets = pa.array([0] + [k * 9 + end for k in range(times) for end in (2, 4, 9)], pa.int32()).buffers()[1]
        data = pa.py_buffer(b"NANAkeeps" * times)
        hidden = pa.Array.from_buffers(pa.string(), 3 * times, [valid, offsets, data], null_count=times)
        assert ty.clean(hidden).to_pylist() == [None, None, "keeps"] * times


def test_trim_gives_arrows_trim() -> None:
    """`types.trim` is Arrow's trim, without a copy when no cell needs it, on every kind of
    string array (large strings and other types are trimmed by Arrow as before)."""
    cells = ["a", " b", "c\u3000", None, "", "\u00a0"]
    for column in (pa.array(cells, pa.string()), pa.array(cells, pa.large_string()), pa.array(cells).slice(1)):
        assert ty.trim(column).to_pylist() == pc.utf8_trim_whitespace(column).to_pylist()
    plain = pa.array(["a", "b", None, ""] * ty.LOOKED_AT, pa.string())
    assert ty.trim(plain) is plain
    padded = pa.array(["a", "b", None, "c "] * ty.LOOKED_AT, pa.string())
    assert ty.trim(padded).to_pylist() == pc.utf8_trim_whitespace(padded).to_pylist()


def test_decimal_commas_are_weighed_as_before() -> None:
    """No cell showing a decimal comma decides at once (no decimal points to count); cells that
    show one are still weighed against the points."""
    assert not ty.decimal_comma_likely(",", ["1.5", "2.25", "x", ""])
    assert not ty.decimal_comma_likely(";", ["12", "abc"])
    assert ty.decimal_comma_likely(";", ["1,5", "2,25", "3.5"])
    assert not ty.decimal_comma_likely(";", ["1,5", "2.25", "3.5"])
    assert ty.decimal_comma_likely(",", [" 0,5", "12,25 ", "x"])
