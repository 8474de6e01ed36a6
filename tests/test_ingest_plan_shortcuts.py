"""Planning's shortcuts give what the full work gives: the head sample's records and their ends
when every record takes one line (and when one spans lines), the most delimiters on a line
counted on the bytes' lines, and UTF-8 told by Arrow's validation as `bytes.decode` tells it."""

from __future__ import annotations

import csv
import itertools
import random

import pytest

from vista_jupyter.ingest import dialect as dl
from vista_jupyter.ingest import engine
from vista_jupyter.ingest.sniff import _utf8, guess_encoding


def _records_line_by_line(data: bytes, base: int, d: dl.Dialect) -> tuple[list[list[str]], list[int], bool]:
    """The records, their ends and whether one spans lines, walked record by record."""
    lines = data.splitlines(keepends=True)
    offsets = list(itertools.accumulate(map(len, lines), initial=base))
    reader = csv.reader(
        [line.decode("utf-8", errors="replace") for line in lines],
        delimiter=d.delimiter,
        quotechar=d.quotechar or "\x00",
        quoting=csv.QUOTE_MINIMAL if d.quotechar else csv.QUOTE_NONE,
        escapechar=d.escapechar,
        doublequote=d.doublequote,
        strict=False,
    )
    records, ends, read, multiline = [], [], 0, False
    for row in reader:
        records.append(row)
        multiline = multiline or reader.line_num > read + 1
        read = reader.line_num
        ends.append(offsets[read])
    return records, ends, multiline


@pytest.mark.parametrize(
    "data",
    [
        b"a,b\n1,2\n\n3,4\r\n5,6\r7,8",  # every line break, a blank line, no break at the end
        b'a,b\n1,"x\ny"\n2,3\n',  # a quoted line break: a record of two lines
        b'a,b\n1,"open\n2,3\n',  # a quote never closed swallows the rest
        b"id;name\n1;\xc3\xa9t\xc3\xa9\n2;caf\xff\n",  # non-ASCII and an invalid byte
        b"",
    ],
)
def test_text_records_as_walked_record_by_record(data: bytes) -> None:
    d = dl.Dialect(";" if b";" in data else ",")
    got = engine.text_records(data, 7, d)
    records, ends, multiline = _records_line_by_line(data, 7, d)
    assert got.records == records and got.ends == ends and got.multiline == multiline


def test_most_on_a_line_as_the_decoded_texts_lines() -> None:
    pieces = [b",", b";", b"\n", b"\r", b"\r\n", b"a", b'"', b"\t", b" ", b"\xc3\xa9", b"\xff"]
    breaks = [b"\x0b", b"\x0c", b"\x1e", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\x85", b"\xa9"]
    rng = random.Random(12)
    for i in range(3000):
        alphabet = pieces + (breaks if i % 2 else [])
        data = b"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        for separator in (",", ";", "\t", ", ", "é"):
            text = data.decode("utf-8", errors="replace")
            expected = max((line.count(separator) for line in text.splitlines()), default=0)
            assert engine._most_on_a_line(data, separator) == expected, (data, separator)


def test_utf8_as_decode_says() -> None:
    rng = random.Random(3)
    tricky = [0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0x41, 0xA0, 0x9F, 0x90, 0x8F]
    for _ in range(20000):
        data = bytes(rng.randrange(256) if rng.random() < 0.4 else rng.choice(tricky) for _ in range(rng.randint(0, 7)))
        try:
            data.decode("utf-8")
            valid = True
        except UnicodeDecodeError:
            valid = False
        assert _utf8(data) == valid, data
    assert _utf8("연도,나이\n".encode()) and not _utf8("연도,나이\n".encode("cp949"))
    assert guess_encoding(("연도,나이\n" * 50).encode())[0] == "utf-8"


def test_a_typed_column_filled_everywhere_leaves_no_one_cell_line_of_text() -> None:
    """`engine._filled_everywhere` (banners are not looked for) holds only where the full work
    finds no row whose one filled cell is text."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rng = random.Random(5)
    texts = ["", " ", "Page 3 of 9", "x", None, "\u3000"]
    checked = 0
    for _ in range(300):
        n = rng.randint(1, 6)
        columns = []
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.5:
                columns.append(pa.array([rng.choice(texts) for _ in range(n)], pa.string()))
            else:
                nulls = rng.random() < 0.5
                columns.append(pa.array([None if nulls and rng.random() < 0.5 else 1 for _ in range(n)], pa.int64()))
        batch = pa.record_batch(columns, names=[f"c{j}" for j in range(len(columns))])
        count, text, _ = engine._first_cells(batch)
        single = pc.fill_null(pc.and_(pc.equal(count, 1), pc.is_valid(text)), False) if text is not None else None
        if engine._filled_everywhere(batch):
            checked += 1
            assert single is None or not pc.any(single).as_py()
    assert checked > 50
