"""Reading messy real-world files: formats, encodings, dialects, table layout, types; and bad
input that must be refused clearly without leaving anything behind."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from vista_jupyter.errors import InvalidInput, TooLarge, UnsupportedType
from vista_jupyter.ingest import IngestLimits, ingest_to_parquet, list_sheets, read_table

ROWS = [["Seoul", "9,776,000", "605.2", "2024-01-31"], ["Busan", "3,429,000", "770.0", "2024-02-29"],
        ["Incheon", "2,957,000", "1,063.3", "2024-03-31"]]


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


def csv_text(delimiter: str = ",", header=("city", "population", "area", "date")) -> str:
    lines = [delimiter.join(header)] + [delimiter.join(f'"{c}"' if delimiter in c else c for c in row) for row in ROWS]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_and_original_text(tmp_path, delimiter):
    path = write(tmp_path, "data.txt", csv_text(delimiter))
    raw = read_table(path, types=False)
    assert list(raw.columns) == ["city", "population", "area", "date"]
    assert raw.values.tolist() == ROWS
    assert all(isinstance(v, str) for v in raw.values.ravel())
    typed = read_table(path)
    assert typed["population"].tolist() == [9776000, 3429000, 2957000]
    assert typed["area"].tolist() == [605.2, 770.0, 1063.3]
    assert str(typed["date"].dtype).startswith("datetime64")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp949", "euc-kr"])
def test_korean_in_every_encoding(tmp_path, encoding):
    text = "이름,점수,도시\n김철수,90,서울\n이영희,85,부산\n박민수,77,대구\n"
    frame = read_table(write(tmp_path, "k.csv", text, encoding))
    assert list(frame.columns) == ["이름", "점수", "도시"]
    assert frame["이름"].tolist() == ["김철수", "이영희", "박민수"]
    assert frame["점수"].tolist() == [90, 85, 77]


def test_latin1_and_cp1252(tmp_path):
    text = "ville;prix\nCôte d’Azur;12,50\nZürich;7,25\nSão Paulo;3,00\n"
    frame = read_table(write(tmp_path, "f.csv", text, "cp1252"))
    assert frame["ville"].tolist() == ["Côte d’Azur", "Zürich", "São Paulo"]
    assert frame["prix"].tolist() == [12.5, 7.25, 3.0]


def test_excel_export_with_title_notes_and_decimal_commas(tmp_path):
    text = ("Quarterly report;;;\nCreated 2024-04-02;;;\n;;;\n"
            "Region;Revenue;Units;Date\nNord;1.234,56;10;01.02.2024\nSüd;2.000,00;20;02.02.2024\n"
            "Ost;999,5;5;03.02.2024\n;;;\nSource: finance team;;;\n")
    path = write(tmp_path, "r.csv", text, "cp1252")
    raw = read_table(path, types=False)
    assert list(raw.columns) == ["Region", "Revenue", "Units", "Date"]
    assert raw["Revenue"].tolist() == ["1.234,56", "2.000,00", "999,5"]
    frame = read_table(path)
    assert frame["Revenue"].tolist() == [1234.56, 2000.0, 999.5]
    assert frame["Date"].dt.day.tolist() == [1, 2, 3] and frame["Date"].dt.month.tolist() == [2, 2, 2]
    result = ingest_to_parquet(path, tmp_path / "out.parquet")
    assert result.rows == 3
    assert any("before the table" in w for w in result.warnings)
    assert any("after the table" in w for w in result.warnings)
    assert result.detected["delimiter"] == ";" and result.detected["decimal_comma"] is True


def test_no_header(tmp_path):
    frame = read_table(write(tmp_path, "n.csv", "1,2.5,3\n4,5.5,6\n7,8.5,9\n"))
    assert list(frame.columns) == ["column_1", "column_2", "column_3"]
    assert frame["column_2"].tolist() == [2.5, 5.5, 8.5]


def test_multi_row_header(tmp_path):
    text = "Region,2023,,2024,\n,Sales,Units,Sales,Units\nA,1,2,3,4\nB,5,6,7,8\nC,9,10,11,12\nD,1,1,1,1\n"
    frame = read_table(write(tmp_path, "m.csv", text))
    assert list(frame.columns) == ["Region", "2023 Sales", "2023 Units", "2024 Sales", "2024 Units"]
    assert frame["2024 Units"].tolist() == [4, 8, 12, 1]


def test_quotes_escapes_and_embedded_newlines(tmp_path):
    text = 'id,comment\n1,"Hello, ""world"""\n2,"two\nlines"\n3,plain\n'
    raw = read_table(write(tmp_path, "q.csv", text), types=False)
    assert raw["comment"].tolist() == ['Hello, "world"', "two\nlines", "plain"]
    text = 'id,comment\n1,"say \\"hi\\""\n2,"a, b"\n3,c\n'
    raw = read_table(write(tmp_path, "e.csv", text), types=False)
    assert raw["comment"].tolist() == ['say "hi"', "a, b", "c"]


def test_ragged_rows_are_padded_or_cut_in_place_and_counted(tmp_path):
    path = write(tmp_path, "r.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n")
    raw = read_table(path, types=False)
    assert raw.values.tolist() == [["1", "2", "3"], ["4", "5", ""], ["6", "7", "8"], ["10", "11", "12"]]
    result = ingest_to_parquet(path, tmp_path / "r.parquet")
    assert any("1 row(s) had fewer cells" in w for w in result.warnings)
    assert any("1 row(s) had more cells" in w for w in result.warnings)
    assert pd.read_parquet(tmp_path / "r.parquet")["c"].isna().tolist() == [False, True, False, False]


def test_duplicate_and_blank_column_names(tmp_path):
    frame = read_table(write(tmp_path, "d.csv", "x,x,,y\n1,2,3,4\n5,6,7,8\n"))
    assert list(frame.columns) == ["x", "x_2", "column_3", "y"]


def test_booleans_and_missing_values(tmp_path):
    frame = read_table(write(tmp_path, "b.csv", "flag,v\ntrue,1\nfalse,NA\nTRUE,3\n,4\n"))
    assert frame["flag"].tolist()[:3] == [True, False, True] and pd.isna(frame["flag"][3])
    assert frame["v"].isna().tolist() == [False, True, False, False]


def test_excel_json_jsonl_parquet(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["Monthly sales"])
    sheet.append([])
    sheet.append(["month", "sales"])
    for m, v in [("Jan", 10.5), ("Feb", 12), ("Mar", 9.25)]:
        sheet.append([m, v])
    book.create_sheet("Other").append(["x"])
    book.save(tmp_path / "s.xlsx")
    # a misleading extension: the content decides
    (tmp_path / "s.xlsx").rename(tmp_path / "sales.csv")
    frame = read_table(tmp_path / "sales.csv")
    assert list(frame.columns) == ["month", "sales"] and frame["sales"].tolist() == [10.5, 12, 9.25]
    assert list_sheets(tmp_path / "sales.csv") == ["Data", "Other"]

    records = [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]
    assert read_table(write(tmp_path, "r.json", json.dumps(records)))["a"].tolist() == [1, 2]
    assert read_table(write(tmp_path, "r.json2", json.dumps({"rows": records})))["b"].tolist() == ["x", "y"]
    jsonl = "\n".join(json.dumps(r) for r in records) + "\n"
    assert read_table(write(tmp_path, "r.jsonl", jsonl), types=False)["a"].tolist() == ["1", "2"]
    pd.DataFrame({"k": [1, 2, 3]}).to_parquet(tmp_path / "p.bin")
    assert read_table(tmp_path / "p.bin")["k"].tolist() == [1, 2, 3]


def test_gzip_and_zip(tmp_path):
    (tmp_path / "d.gz").write_bytes(gzip.compress(csv_text().encode()))
    assert read_table(tmp_path / "d.gz", types=False).values.tolist() == ROWS
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inner/data.csv", csv_text(";"))
    (tmp_path / "d.zip").write_bytes(buffer.getvalue())
    result = ingest_to_parquet(tmp_path / "d.zip", tmp_path / "z.parquet")
    assert result.rows == 3 and result.detected["compression"] == "zip:inner/data.csv"


@pytest.mark.parametrize("content, error, needle", [
    (b"", InvalidInput, "empty"),
    (bytes(range(256)) * 100, UnsupportedType, "Vista reads"),
    (b"%PDF-1.7\n" + b"\x00\x01" * 500, UnsupportedType, "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, UnsupportedType, ".xls"),
    (b"just one line of words\n", InvalidInput, "No table"),
])
def test_bad_files_are_refused_and_leave_nothing(tmp_path, content, error, needle):
    source = write(tmp_path, "bad.csv", content)
    out = tmp_path / "out" / "data.parquet"
    out.parent.mkdir()
    with pytest.raises(error, match=needle):
        ingest_to_parquet(source, out)
    assert list(out.parent.iterdir()) == []


def test_zip_bomb_is_refused(tmp_path):
    (tmp_path / "bomb.gz").write_bytes(gzip.compress(b"a,b\n" + b"1,2\n" * 2_000_000))
    with pytest.raises(TooLarge, match="zip bomb"):
        ingest_to_parquet(tmp_path / "bomb.gz", tmp_path / "o.parquet",
                          limits=IngestLimits(max_decompressed_bytes=1_000_000))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.gz"]


def test_zip_with_several_files_names_them(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.csv", "x,y\n1,2\n")
        archive.writestr("b.csv", "x,y\n1,2\n")
    (tmp_path / "two.zip").write_bytes(buffer.getvalue())
    with pytest.raises(InvalidInput, match="2 files.*a.csv.*b.csv"):
        read_table(tmp_path / "two.zip")


def test_a_huge_single_line_is_refused_without_reading_it_whole(tmp_path):
    path = tmp_path / "line.csv"
    with open(path, "wb") as f:
        f.write(b"a,b\n")
        for _ in range(40):
            f.write(b"x" * (1 << 20))
    with pytest.raises(InvalidInput, match="line longer than"):
        ingest_to_parquet(path, tmp_path / "o.parquet", limits=IngestLimits(max_line_bytes=8 << 20))
    assert not (tmp_path / "o.parquet").exists()


def test_undecodable_bytes_are_refused(tmp_path):
    content = ("a,b\n" + "x,\u00e9\n" * 10).encode("utf-8") + bytes([0x80, 0x81, 0xfe, 0xff, 0x90]) * 2000
    with pytest.raises((InvalidInput, UnsupportedType)):
        ingest_to_parquet(write(tmp_path, "u.csv", content), tmp_path / "o.parquet")


def test_cli_ingest_and_profile(tmp_path):
    source = write(tmp_path, "in.csv", csv_text(";"), "cp949")
    run = subprocess.run([sys.executable, "-m", "vista_jupyter.cli", "ingest", str(source), "-o",
                          str(tmp_path / "out.csv")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert pd.read_csv(tmp_path / "out.csv")["population"].tolist() == [9776000, 3429000, 2957000]
    run = subprocess.run([sys.executable, "-m", "vista_jupyter.cli", "profile", str(source)],
                         capture_output=True, text=True)
    assert "3 rows x 4 columns" in run.stdout and "population (numeric" in run.stdout
    run = subprocess.run([sys.executable, "-m", "vista_jupyter.cli", "profile", str(tmp_path / "nope.csv")],
                         capture_output=True, text=True)
    assert run.returncode == 2 and "no such file" in run.stderr


@pytest.fixture
def stream_everything(monkeypatch):
    """Make every text file take the streaming path used for files too big for memory."""
    from vista_jupyter.ingest import reader

    monkeypatch.setattr(reader, "ROBUST_MAX_BYTES", 100)


def test_the_streaming_path_reads_large_files_with_a_preamble(tmp_path, stream_everything):
    lines = ["Export of 2024-05-01", "", "id,city,amount,when"]
    lines += [f"{i},{'Seoul' if i % 2 else 'Busan'},{i * 1.5},2024-01-{i % 28 + 1:02d}" for i in range(5000)]
    lines.insert(1000, "broken,row")  # a ragged line in the middle of a big file
    path = write(tmp_path, "big.csv", "\n".join(lines) + "\n")
    result = ingest_to_parquet(path, tmp_path / "big.parquet")
    assert result.detected["path"] == "streaming"
    frame = pd.read_parquet(tmp_path / "big.parquet")
    assert list(frame.columns) == ["id", "city", "amount", "when"] and len(frame) == 5000
    assert frame["amount"].sum() == pytest.approx(sum(i * 1.5 for i in range(5000)))
    import pyarrow as pa
    import pyarrow.parquet as pq

    when = pq.read_schema(tmp_path / "big.parquet").field("when").type
    assert pa.types.is_date(when) or pa.types.is_timestamp(when)
    assert any("left out" in w for w in result.warnings)


def test_the_streaming_path_refuses_a_giant_line(tmp_path, stream_everything):
    path = tmp_path / "giant.csv"
    with open(path, "wb") as f:
        f.write(b"a,b\n1,2\n")
        f.write(b"x" * (3 << 20))
    with pytest.raises(InvalidInput, match="line longer than"):
        ingest_to_parquet(path, tmp_path / "o.parquet", limits=IngestLimits(max_line_bytes=1 << 20))
    assert not (tmp_path / "o.parquet").exists()


def test_the_public_read_table_is_the_engine(tmp_path):
    import vista_jupyter

    path = write(tmp_path, "p.csv", csv_text(";"))
    pd.testing.assert_frame_equal(vista_jupyter.read_table(path, types=False), read_table(path, types=False))
