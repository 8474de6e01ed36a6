"""Rows that are not what the header says: cells beyond the header's (a trailing delimiter, a text
cell split at a delimiter that was not quoted, a real unnamed column), page banners printed
through the data, and quoted decimal commas. Each file is read small (the whole file is the
sample) and with its body repeated past the reader's samples and batches, by both parsers, and
must give the same schema and cells, and say the same on the card."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from vista_jupyter.ingest import IngestLimits, ingest_to_parquet, read_table
from vista_jupyter.ingest.engine import HEAD_BYTES, read_text
from vista_jupyter.ingest.sniff import detect_format

#: Past the head sample (the whole file is no longer parsed as its own sample), with a tail
#: sample, several batches and row groups.
LARGE = 12 * HEAD_BYTES


def _read(path: Path, work: Path, careful: bool, raw: bool = False) -> tuple[pa.Table, object]:
    work.mkdir(parents=True, exist_ok=True)
    out = work / "out.parquet"
    result = read_text(path, detect_format(path).encoding, out, work, IngestLimits(), raw=raw, careful=careful)
    return pq.read_table(out), result


def _counts(warnings: list[str]) -> list[str]:
    """The card's sentences with their numbers taken out (they grow with the repeats)."""
    import re

    return [re.sub(r"\d+ (row|page|more time)", r"N \1", w) for w in warnings]


def same_at_every_size(tmp_path: Path, head: str, body: str, raw: bool = False) -> tuple[pa.Table, list[str]]:
    """Reads `head + body` and `head + body * n` (past LARGE), each by Arrow's path (when it
    takes the file) and the careful parser; asserts one schema, the same cells in every repeat,
    and the same card; returns the small table and its card."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    repeats = LARGE // len(body.encode()) + 1
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    small.write_text(head + body, encoding="utf-8")
    large.write_text(head + body * repeats, encoding="utf-8")
    assert large.stat().st_size > LARGE > HEAD_BYTES > small.stat().st_size
    tables = {}
    for name, path in (("small", small), ("large", large)):
        for careful in (False, True):
            tables[name, careful] = _read(path, tmp_path / f"{name}-{careful}-{raw}", careful, raw)
    t1, r1 = tables["small", False]
    for (name, careful), (table, result) in tables.items():
        assert table.schema == t1.schema, (name, careful, table.schema, t1.schema)
        assert result.columns == r1.columns
        assert _counts(result.warnings) == _counts(r1.warnings), (name, careful)
        if name == "small":
            assert table.equals(t1), (careful, table.to_pylist()[:5], t1.to_pylist()[:5])
        else:
            assert table.num_rows == repeats * t1.num_rows
            for k in (0, repeats // 2, repeats - 1):
                assert table.slice(k * t1.num_rows, t1.num_rows).equals(t1), (careful, k)
    return t1, r1.warnings


def _body(n: int, row) -> str:
    return "".join(row(i) + "\n" for i in range(n))


# --- 1. rows with more cells than the header --------------------------------------------------


def test_a_trailing_delimiter_on_some_rows_is_no_cell(tmp_path):
    body = _body(40, lambda i: f"{i},Kim {i},{i * 1.5}" + ("," if i % 7 == 3 else ""))
    for raw in (False, True):
        table, warnings = same_at_every_size(tmp_path / str(raw), "id,name,amount\n", body, raw)
        assert table.column_names == ["id", "name", "amount"] and table.num_rows == 40
        assert not any("more cells" in w for w in warnings)
    assert [str(t) for t in table.schema.types] == ["string"] * 3  # the last raw reading
    assert table.column("amount").to_pylist()[3] == "4.5"


def test_a_text_cell_split_at_an_unquoted_delimiter_is_put_back_together(tmp_path):
    # ", " inside a name that was not quoted: the cells after it are shifted by one, so the
    # city lands in the amount column and the amount in a column the header does not have
    names = {3: "Smith, John", 11: "Doe, Jane", 20: "Lee,Min"}  # the last without a space
    body = _body(30, lambda i: f"{i},{names.get(i, f'Kim {i}')},City {i % 4},{i * 2},2024-01-{i % 28 + 1:02d}")
    table, warnings = same_at_every_size(tmp_path / "typed", "id,name,city,amount,day\n", body)
    assert table.column_names == ["id", "name", "city", "amount", "day"]
    assert [str(t) for t in table.schema.types] == ["int64", "string", "string", "int64", "timestamp[us]"]
    rows = table.to_pylist()
    assert rows[3]["name"] == "Smith, John" and rows[3]["city"] == "City 3" and rows[3]["amount"] == 6
    assert rows[20]["name"] == "Lee,Min" and rows[20]["amount"] == 40  # the types show the shift
    [said] = [w for w in warnings if "more cells" in w]
    assert said.startswith("3 row(s)") and "put back together (name)" in said
    raw, _ = same_at_every_size(tmp_path / "raw", "id,name,city,amount,day\n", body, raw=True)
    assert raw.column("name").to_pylist()[11] == "Doe, Jane" and raw.num_columns == 5


def test_every_row_split_at_an_unquoted_delimiter_is_read_at_the_headers_width(tmp_path):
    # Every name holds the delimiter and none is quoted: each data row has one cell more than
    # the header, so no sample row shows the table's real shape. Read as such (before): an
    # unnamed column and every cell from the name on shifted (amount holding first names).
    first, last = ["Smith", "Kim", "Lee", "Garcia"], ["John", "Ann", "Min", "Eva"]
    for space in (" ", ""):  # `Smith, John`, and `Smith,John`, where only the types show it
        body = _body(
            30, lambda i, space=space: f"{i},{first[i % 4]},{space}{last[i % 3]},{i * 1.5},2024-01-{i % 28 + 1:02d}"
        )
        for raw in (False, True):
            table, warnings = same_at_every_size(tmp_path / f"{raw}{space!r}", "id,name,amount,day\n", body, raw)
            assert table.column_names == ["id", "name", "amount", "day"], (space, raw)
            rows = table.to_pylist()
            assert rows[4]["name"] == f"Smith,{space}Ann", (space, raw, rows[4])
            [said] = [w for w in warnings if "more cells" in w]
            assert said.startswith("30 row(s)") and "put back together (name)" in said, said
        assert rows[4]["amount"] == "6.0" and rows[4]["day"] == "2024-01-05"  # the last, raw
    typed, _ = same_at_every_size(tmp_path / "typed", "id,name,amount,day\n", body)
    assert [str(t) for t in typed.schema.types] == ["int64", "string", "double", "timestamp[us]"]
    assert typed.column("amount").to_pylist()[:3] == [0.0, 1.5, 3.0]


@pytest.mark.parametrize("header", ["id,name,amount,\n", "id,name,amount\n"])
def test_every_line_ending_with_the_delimiter_gets_no_extra_column(tmp_path, header):
    # a writer that ends every line with the delimiter (the header too, or only the data rows)
    body = _body(40, lambda i: f"{i},Kim {i},{i * 1.5},")
    for raw in (False, True):
        table, warnings = same_at_every_size(tmp_path / str(raw), header, body, raw)
        assert table.column_names == ["id", "name", "amount"] and table.num_rows == 40, table.column_names
        assert not any("more cells" in w for w in warnings), warnings
    assert table.column("amount").to_pylist()[3] == "4.5"


def test_extra_cells_that_fit_no_shift_are_kept_in_an_unnamed_column(tmp_path):
    notes = {5: "corrected", 17: "see note 3"}
    body = _body(30, lambda i: f"{i},Kim {i},{i * 1.5}" + (f",{notes[i]}" if i in notes else ""))
    table, warnings = same_at_every_size(tmp_path / "typed", "id,name,amount\n", body)
    assert table.column_names == ["id", "name", "amount", "column_4"]
    assert [str(t) for t in table.schema.types] == ["int64", "string", "double", "string"]
    assert table.column("column_4").to_pylist()[5] == "corrected" and table.column("amount").to_pylist()[5] == 7.5
    assert table.column("column_4").null_count == 28
    [said] = [w for w in warnings if "more cells" in w]
    assert said.startswith("2 row(s)") and "kept in 1 unnamed column(s) (column_4)" in said
    # the note first seen far beyond the head sample: the table is widened all the same
    late = "".join(f"{i},Kim {i},{i * 1.5}\n" for i in range(60_000)) + "60000,Kim,1.5,late note\n"
    path = tmp_path / "late.csv"
    path.write_text("id,name,amount\n" + late, encoding="utf-8")
    frame = read_table(path, types=False)
    assert list(frame.columns) == ["id", "name", "amount", "column_4"] and frame.iloc[-1, 3] == "late note"
    assert len(frame) == 60_001 and (frame["column_4"] == "").sum() == 60_000


def test_a_row_longer_than_any_in_the_head_loses_no_cell(tmp_path):
    # DuckDB is told how many columns to expect from the head; a later row with many more cells
    # must not be cut silently
    rows = "".join(f"{i},{i % 9},{i % 5}\n" for i in range(60_000))
    path = tmp_path / "long.csv"
    path.write_text("a,b,c\n" + rows + "7,8,9,10,11,12,13\n", encoding="utf-8")
    result = ingest_to_parquet(path, tmp_path / "long.parquet")
    table = pq.read_table(tmp_path / "long.parquet")
    assert table.num_rows == 60_001 and table.num_columns == 7
    assert table.slice(60_000).to_pylist()[0] == {
        "a": 7, "b": 8, "c": 9, "column_4": 10, "column_5": 11, "column_6": 12, "column_7": 13,
    }  # fmt: skip
    assert any("1 row(s) had more cells" in w and "4 unnamed column(s)" in w for w in result.warnings)


# --- 2. page banners --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "banner",
    ["Page {n}", "Page {n} of 12", "- {n} -", "{n} / 12 페이지", "Seite {n} von 12", "Page {n},,"],
)
def test_page_banners_are_left_out_of_the_data(tmp_path, banner):
    def page(p: int) -> str:
        rows = "".join(f"{p * 20 + i},Kim {i},{(p * 20 + i) * 0.5}\n" for i in range(20))
        return banner.format(n=p) + "\n" + rows

    body = "".join(page(p) for p in range(1, 4))
    table, warnings = same_at_every_size(tmp_path, "id,name,amount\n", body)
    assert [str(t) for t in table.schema.types] == ["int64", "string", "double"]
    assert table.num_rows == 60 and table.column("id").to_pylist()[:2] == [20, 21]
    [said] = [w for w in warnings if "page banner" in w]
    assert said.startswith("3 page banner line(s)") and banner.format(n=1).rstrip(",") in said


def test_repeated_page_headers_with_banners(tmp_path):
    # a printed report: every page starts with its banner and the header row again
    body = "".join(
        f"Page {p} of 3\nid;name;amount\n" + "".join(f"{p}{i:02d};Kim;{i},5\n" for i in range(25)) for p in (1, 2, 3)
    )
    table, warnings = same_at_every_size(tmp_path, "", body)
    assert table.column_names == ["id", "name", "amount"] and table.num_rows == 75
    assert [str(t) for t in table.schema.types] == ["int64", "string", "double"]
    assert table.column("amount").to_pylist()[1] == 1.5


@pytest.mark.parametrize("padding", ["", ",,"])
def test_page_banners_first_seen_beyond_the_samples_are_left_out(tmp_path, padding):
    # Pages longer than the head sample: the samples hold one banner or none, so the banners
    # are learned from the body, by both parsers, and the table is the one without them (the
    # id column stays numbers although `Page 2 of 4` sat in it), as it is for short pages.
    def report(per_page: int) -> tuple[str, str]:
        rows = [f"{k},Kim {k % 50},{k * 0.5}\n" for k in range(4 * per_page)]
        pages = ["".join(rows[p * per_page : (p + 1) * per_page]) for p in range(4)]
        with_banners = "".join(f"{page}Page {p + 1} of 4{padding}\n" for p, page in enumerate(pages))
        return "id,name,amount\n" + with_banners + "99999,end,0.0\n", "id,name,amount\n" + "".join(
            rows
        ) + "99999,end,0.0\n"

    per_page = HEAD_BYTES // 16  # about 20 bytes a row: a page is longer than the head sample
    messy, clean = report(per_page)
    (tmp_path / "messy.csv").write_text(messy, encoding="utf-8")
    (tmp_path / "clean.csv").write_text(clean, encoding="utf-8")
    assert len(messy.split("\n", per_page + 2)[per_page].encode()) and messy.index("Page 1") > HEAD_BYTES
    expected, _ = _read(tmp_path / "clean.csv", tmp_path / "clean", careful=False)
    assert [str(t) for t in expected.schema.types] == ["int64", "string", "double"]
    for careful in (False, True):
        table, result = _read(tmp_path / "messy.csv", tmp_path / f"messy-{careful}", careful)
        assert table.equals(expected), (careful, table.schema)
        [said] = [w for w in result.warnings if "page banner" in w]
        assert said.startswith("4 page banner line(s)") and "Page 1 of 4" in said, said
    # short pages (every banner in the samples): the same reading
    short, _ = report(20)
    table, warnings = same_at_every_size(tmp_path / "short", short.split("\n", 1)[0] + "\n", short.split("\n", 1)[1])
    assert [str(t) for t in table.schema.types] == ["int64", "string", "double"] and table.num_rows == 81


def test_one_cell_rows_that_are_records_stay(tmp_path):
    # a row with only its first cell filled, like the first cells of the column: a record
    body = _body(40, lambda i: f"N{i},{i},{i * 2}" if i % 9 else f"N{i},,")
    table, warnings = same_at_every_size(tmp_path, "name,a,b\n", body, raw=True)
    assert table.num_rows == 40 and not any("banner" in w for w in warnings)


# --- 3. decimal commas in quoted cells --------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_quoted_decimal_commas_convert_with_the_unquoted_ones(tmp_path, delimiter):
    def row(i: int) -> str:
        amount = f"{i},{i % 10}"
        total = f"{1 + i % 3}.{i % 1000:03d},{i % 100:02d}"
        quote = delimiter == "," or i % 2
        cells = [str(i), f"Filiale {i}", f'"{amount}"' if quote else amount, f'"{total}"', f'"-{i},25"']
        return delimiter.join(cells)

    header = delimiter.join(["id", "name", "amount", "total", "delta"]) + "\n"
    table, _ = same_at_every_size(tmp_path, header, _body(40, row))
    assert [str(t) for t in table.schema.types] == ["int64", "string", "double", "double", "double"]
    assert table.column("amount").to_pylist()[13] == 13.3 and table.column("total").to_pylist()[5] == 3005.05
    assert table.column("delta").to_pylist()[2] == -2.25


def test_quoted_us_thousands_in_a_comma_file_stay_thousands(tmp_path):
    body = _body(40, lambda i: f'{i},"{1 + i % 9},{i % 1000:03d}","{i % 7},{i % 1000:03d}.50"')
    table, _ = same_at_every_size(tmp_path, "id,units,revenue\n", body)
    assert [str(t) for t in table.schema.types] == ["int64", "int64", "double"]
    assert table.column("units").to_pylist()[12] == 4012 and table.column("revenue").to_pylist()[12] == 5012.5


# --- 4. rewritten dialects, block by block ----------------------------------------------------


def _dump_cell(v: str) -> str:
    # MySQL SELECT ... INTO OUTFILE: \N for NULL, a backslash before \, tab and line break
    return "\\N" if v == "" else v.replace("\\", "\\\\").replace("\t", "\\\t").replace("\n", "\\\n")


CELLS = ["", "plain", "C:\\tmp\\", "two\nlines", "tab\there", "ends with \\", "\\\\share", "N", "a, b", 'say "hi"']


@pytest.mark.parametrize("block", [7, 64, 1 << 20])
def test_a_dump_is_unescaped_the_same_whatever_the_blocks(tmp_path, monkeypatch, block):
    from vista_jupyter.ingest import normalize

    monkeypatch.setattr(normalize, "BLOCK", block)
    rows = [[str(i), CELLS[i % len(CELLS)], CELLS[(i * 3) % len(CELLS)], f"{i * 0.5}"] for i in range(300)]
    path = tmp_path / "dump.txt"
    path.write_text("".join("\t".join(_dump_cell(v) for v in r) + "\n" for r in rows), encoding="utf-8")
    for careful in (False, True):
        table, result = _read(path, tmp_path / f"w{careful}", careful, raw=True)
        assert result.detected["escapes"].startswith("backslash")
        assert [list(r.values()) for r in table.to_pylist()] == rows, careful


@pytest.mark.parametrize("block", [16, 64, 1 << 20])  # lines up to 4 blocks long are kept whole
def test_padded_quotes_are_unpadded_the_same_whatever_the_blocks(tmp_path, monkeypatch, block):
    from vista_jupyter.ingest import normalize

    monkeypatch.setattr(normalize, "BLOCK", block)

    def cell(v: str, i: int) -> str:
        quoted = '"' + v.replace('"', '""') + '"'
        if i % 4:
            return (" " * (i % 3)) + quoted + (" " * (i % 2))
        return quoted if any(c in v for c in ',"\n') else v

    # quoted cells holding the delimiter, doubled quotes after a comma and spaces, line breaks
    values = ["Smith, John", 'said, ""', 'x,  "y" z', "two\nlines", "", "plain", 'a "b", c']
    rows = [[str(i), values[i % len(values)], values[(i + 3) % len(values)]] for i in range(200)]
    text = "id,a,b\n" + "".join(",".join(cell(v, i + j) for j, v in enumerate(r)) + "\n" for i, r in enumerate(rows))
    path = tmp_path / "padded.csv"
    path.write_text(text, encoding="utf-8")
    for careful in (False, True):
        table, result = _read(path, tmp_path / f"w{careful}", careful, raw=True)
        assert result.detected.get("padded_quotes") is True
        assert [[c.strip() for c in r.values()] for r in table.to_pylist()] == [[c.strip() for c in r] for r in rows]


@pytest.mark.parametrize("odd", ["\u2028", "\x0c", "\x85"])
def test_unicode_line_breaks_inside_cells_stay_in_their_cells(tmp_path, odd):
    # Characters Python's str.splitlines breaks at, but no CSV parser does: the sample's records
    # (decoded at once, or line by line when the text holds such a character) keep them in the cell.
    rows = "".join(f'{i},"note{odd}{i}",{i * 1.5}\n' for i in range(40))
    src = tmp_path / "odd.csv"
    src.write_text("id,note,value\n" + rows, encoding="utf-8")
    frame = read_table(src)
    assert list(frame.columns) == ["id", "note", "value"]
    assert len(frame) == 40
    assert frame["note"].tolist() == [f"note{odd}{i}" for i in range(40)]
    assert frame["value"].tolist() == [i * 1.5 for i in range(40)]


@pytest.mark.parametrize("digits", [True, False])
def test_a_late_cell_decides_a_date_column_over_the_sample(tmp_path, digits):
    # a date column whose one late cell (beyond the head sample) has no digit, or another format:
    # the column is text, whatever the sample showed
    late = "unknown" if not digits else "2024/13/45"
    body = "".join(f"{i},2024-01-{i % 28 + 1:02d}\n" for i in range(HEAD_BYTES // 12))
    src = tmp_path / "late.csv"
    src.write_text("id,day\n" + body + f"99999999,{late}\n", encoding="utf-8")
    frame = read_table(src)
    assert not str(frame["day"].dtype).startswith("datetime")  # text
    assert frame["day"].iloc[-1] == late


def test_a_json_lines_file_with_a_long_first_record_is_json_lines(tmp_path):
    # the format is told from the first record whole, however long it is
    src = tmp_path / "long.jsonl"
    records = [{"id": 1, "text": "x" * (300 << 10)}, {"id": 2, "text": "short"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert detect_format(src).kind == "jsonl"


def test_text_after_many_blank_lines_is_text(tmp_path):
    src = tmp_path / "late.csv"
    src.write_text("\n" * (200 << 10) + "a,b\n1,2\n", encoding="utf-8")
    assert detect_format(src).kind == "text"


@pytest.mark.parametrize("script", ["가나다라마바사", "Привет мир", "日本語のテキスト"])
@pytest.mark.parametrize("at, binary", [(60_000, True), (100_000, False)])
def test_control_characters_are_counted_over_the_first_characters_whatever_the_script(tmp_path, script, at, binary):
    # Control characters are counted over the first 100,000 characters, however many bytes
    # those take (2-3 a character here): a run of them there is no text; after them it is
    from vista_jupyter.errors import UnsupportedType

    line = f"{script},{script}\n"
    body = line * (at // len(line) + 1)
    src = tmp_path / "script.csv"
    src.write_text("a,b\n" + body + "\x01" * 1500 + "\n" + line * 5000, encoding="utf-8")
    if binary:
        with pytest.raises(UnsupportedType):
            detect_format(src)
    else:
        assert detect_format(src).kind == "text"
