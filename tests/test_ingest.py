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
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from vista_jupyter.errors import InvalidInput, TooLarge, UnsupportedType
from vista_jupyter.ingest import (
    IngestLimits,
    Progress,
    ingest_to_parquet,
    list_sheets,
    read_table,
)
from vista_jupyter.ingest.sniff import detect_format, plausibility

ROWS = [
    ["Seoul", "9,776,000", "605.2", "2024-01-31"],
    ["Busan", "3,429,000", "770.0", "2024-02-29"],
    ["Incheon", "2,957,000", "1,063.3", "2024-03-31"],
]


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


@pytest.mark.parametrize("encoding", ["mac-roman", "cp1252"])
def test_german_from_mac_excel_and_from_windows(tmp_path, encoding):
    # Mac Excel writes Mac Roman: its ä ö ü Ü ß are bytes cp1252 also reads (as Š š Ÿ † §)
    rows = [
        "Buchungstag;Empfänger;Verwendungszweck;Betrag",
        "01.02.2024;Bäckerei Schäfer;Brötchen;-4,50",
        "02.02.2024;Finanzamt Köln-Süd;Überweisung Grundsteuer;-120,00",
        "03.02.2024;Müller & Söhne;Straße 5, Miete März;-890,00",
    ]
    frame = read_table(write(tmp_path, "konto.csv", "\n".join(rows) + "\n", encoding), types=False)
    assert list(frame.columns) == ["Buchungstag", "Empfänger", "Verwendungszweck", "Betrag"]
    assert frame["Empfänger"].tolist() == ["Bäckerei Schäfer", "Finanzamt Köln-Süd", "Müller & Söhne"]
    assert frame["Verwendungszweck"].tolist()[1:] == ["Überweisung Grundsteuer", "Straße 5, Miete März"]
    # a word read with the wrong code page ("EmpfŠnger" for "Empfänger") does not read as a word
    for word in ("Empfänger", "Süd", "Bäckerei"):
        wrong = word.encode(encoding).decode("cp1252" if encoding == "mac-roman" else "mac-roman")
        assert plausibility(wrong) < plausibility(word) == 1.0, wrong


def test_cp1252_with_units_in_headers_is_not_read_as_a_dos_code_page(tmp_path):
    # An Excel export (the second evaluation set's energy file): "m³" and "°C" in headers and
    # umlauts in values read as plausibly in CP852 ("m│", "MŘnchen"); box-drawing characters
    # are mojibake, and Windows' code page is the one such files are written in
    source = Path(__file__).parent.parent / "benchmarks" / "evalset2" / "data" / "energy_eu.csv"
    frame = read_table(write(tmp_path, "e.csv", source.read_bytes()))
    assert list(frame.columns)[4:6] == ["Gas (m³)", "Avg. Temp (°C)"]
    assert {"München Lager", "Zürich Lab"} <= set(frame["Site"])


def test_excel_export_with_title_notes_and_decimal_commas(tmp_path):
    text = (
        "Quarterly report;;;\nCreated 2024-04-02;;;\n;;;\n"
        "Region;Revenue;Units;Date\nNord;1.234,56;10;01.02.2024\nSüd;2.000,00;20;02.02.2024\n"
        "Ost;999,5;5;03.02.2024\n;;;\nSource: finance team;;;\n"
    )
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


def test_a_header_of_years_is_the_header(tmp_path):
    # a wide table as statistics offices publish it: one column per year. Most of the header's
    # cells are numbers, but whole years one step apart over counts are names, not a record
    text = "state,disease,2019,2020,2021,2022\nOhio,Flu,7912,4778,5082,7222\nTexas,Flu,38,48,68,73\n"
    text += "Iowa,Flu,914,1193,1217,815\n"
    frame = read_table(write(tmp_path, "w.csv", text))
    assert list(frame.columns) == ["state", "disease", "2019", "2020", "2021", "2022"]
    assert frame["2021"].tolist() == [5082, 68, 1217]
    # census years five apart, without a label column
    frame = read_table(write(tmp_path, "c.csv", "1990,1995,2000\n12,15,19\n30,31,35\n"))
    assert list(frame.columns) == ["1990", "1995", "2000"] and len(frame) == 2
    # years over years are data: a file of periods without a header keeps its first row
    frame = read_table(write(tmp_path, "y.csv", "2019,2020,2021\n2020,2021,2022\n2021,2022,2023\n"))
    assert list(frame.columns) == ["column_1", "column_2", "column_3"] and len(frame) == 3


def test_r_row_numbers_under_a_blank_header_cell_over_an_all_text_table(tmp_path):
    # R's write.csv: "" heads the row numbers; every other column is text (Rdatasets' titanic).
    # The blank over the numbers is no evidence: the text columns tell the header from records
    rows = [("1st class", "adults", "man", "yes"), ("2nd class", "child", "women", "no")] * 30
    text = '"","class","age","sex","survived"\n' + "".join(
        f'"{i}","{c}","{a}","{s}","{v}"\n' for i, (c, a, s, v) in enumerate(rows, 1)
    )
    frame = read_table(write(tmp_path, "titanic.csv", text))
    assert list(frame.columns)[1:] == ["class", "age", "sex", "survived"] and len(frame) == 60
    assert frame["survived"].tolist()[:2] == [True, False]  # (yes/no read as booleans)
    # a headerless file whose first record lacks its number stays a file of records
    text = "".join(f"{'' if i == 1 else i},{c},{a}\n" for i, (c, a, _, _) in enumerate(rows, 1))
    frame = read_table(write(tmp_path, "records.csv", text))
    assert len(frame) == 60 and frame.iloc[0].tolist()[1:] == ["1st class", "adults"]


ADDRESSES = [
    "12 Main St, Apt 4",
    "7 Oak Avenue",
    "301 Pine Rd, Unit 2",
    "45 Elm St",
    "9 Lake View Dr",
    "88 Hill Rd, Floor 3",
    "150 River St",
]


def test_a_one_column_file_without_a_header_keeps_its_first_row(tmp_path):
    # every value has digits and so does the first line: it is a record, not a column name
    frame = read_table(
        write(tmp_path, "a.csv", "\n".join(f'"{a}"' if "," in a else a for a in ADDRESSES) + "\n"), types=False
    )
    assert list(frame.columns) == ["column_1"] and frame["column_1"].tolist() == ADDRESSES
    # the same column under a name is read with its header, and so are names under a name
    frame = read_table(
        write(tmp_path, "b.csv", "address\n" + "\n".join(f'"{a}"' for a in ADDRESSES) + "\n"), types=False
    )
    assert list(frame.columns) == ["address"] and frame["address"].tolist() == ADDRESSES
    frame = read_table(write(tmp_path, "c.csv", "Name\nAlice\nBob\nCarol\nDave\nEve\nFrank\n"), types=False)
    assert list(frame.columns) == ["Name"] and len(frame) == 6


def test_single_quoted_cells_in_a_file_that_also_holds_double_quotes(tmp_path):
    # user agents quoted with ' hold commas; messages hold '"' as text (more of them than of ')
    agent = "'Mozilla/5.0 (X11; Linux) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0'"
    rows = [
        f"2024-05-17T08:00:{i:02d}Z,GET,200,{agent if i % 2 else 'curl/8.4.0'},"
        f"{'said ' + chr(34) + 'ok' + chr(34) + ' twice ' + chr(34) + 'x' + chr(34) if i % 3 else 'fine'}"
        for i in range(12)
    ]
    frame = read_table(
        write(tmp_path, "log.csv", "ts,method,status,agent,message\n" + "\n".join(rows) + "\n"), types=False
    )
    assert list(frame.columns) == ["ts", "method", "status", "agent", "message"] and len(frame) == 12
    assert frame["agent"][1] == agent.strip("'") and frame["message"][1] == 'said "ok" twice "x"'


def test_every_cell_quoted_and_padded(tmp_path):
    # no delimiter inside any quotes: the quoted and padded readings are equally regular
    text = ' "day"  , "city","pm10" \n' + "".join(f' "2024-03-0{i}"  ,  "Seoul" , "{i}0"  \n' for i in range(1, 8))
    frame = read_table(write(tmp_path, "q.csv", text), types=False)
    assert [c.strip() for c in frame.columns] == ["day", "city", "pm10"]
    assert [c.strip() for c in frame["city"]] == ["Seoul"] * 7


def test_quoted_cells_padded_with_spaces_around_their_quotes(tmp_path):
    text = (
        'id , name ,  city\n1 ,  "Smith, John"  , Paris\n2, "Doe, Jane" ,"Rome, Italy"\n'
        '3 ,Roe,  "Oslo, ""N"""\n4,"X" , Bern\n'
    )
    frame = read_table(write(tmp_path, "p.csv", text), types=False)
    assert [c.strip() for c in frame.columns] == ["id", "name", "city"] and len(frame) == 4
    assert [c.strip() for c in frame.iloc[:, 1]] == ["Smith, John", "Doe, Jane", "Roe", "X"]
    assert [c.strip() for c in frame.iloc[:, 2]] == ["Paris", "Rome, Italy", 'Oslo, "N"', "Bern"]


def test_database_dumps_with_backslash_escapes(tmp_path):
    # MySQL SELECT ... INTO OUTFILE: tab, no quotes, \N for NULL, an escaped tab / line break / backslash
    mysql = (
        "1\tSmith\t\\N\t3.5\n2\tO'Brien\tline one\\\nline two\t\\N\n"
        "3\ttab\\\there\tC:\\\\tmp\\\\new\t2\n4\tLee\tok\t1\n"
    )
    frame = read_table(write(tmp_path, "m.txt", mysql), types=False)
    assert frame.values.tolist() == [
        ["1", "Smith", "", "3.5"],
        ["2", "O'Brien", "line one\nline two", ""],
        ["3", "tab\there", "C:\\tmp\\new", "2"],
        ["4", "Lee", "ok", "1"],
    ]
    assert read_table(tmp_path / "m.txt")["column_4"].tolist()[::2] == [3.5, 2.0]  # \N is missing, not text
    # PostgreSQL COPY ... TO in text format: \t \n \\ as letters
    pg = "id\tnote\tn\n1\ta\\tb\t\\N\n2\tline\\nbreak\t4\n3\tback\\\\slash\t5\n4\tplain\t6\n"
    frame = read_table(write(tmp_path, "p.tsv", pg), types=False)
    assert frame["note"].tolist() == ["a\tb", "line\nbreak", "back\\slash", "plain"]
    assert frame["n"].tolist() == ["", "4", "5", "6"]
    # an escaped delimiter in unquoted cells
    frame = read_table(
        write(tmp_path, "e.csv", "id,name,x\n1,Smith\\, John,\\N\n2,Doe\\, Jane,7\n3,Roe,8\n"), types=False
    )
    assert frame["name"].tolist() == ["Smith, John", "Doe, Jane", "Roe"] and frame["x"].tolist() == ["", "7", "8"]
    # Windows paths are text: their backslashes stay
    paths = "name,path\na,C:\\Users\\new\nb,D:\\data\\N\nc,E:\\x\n"
    frame = read_table(write(tmp_path, "w.csv", paths), types=False)
    assert frame["path"].tolist() == ["C:\\Users\\new", "D:\\data\\N", "E:\\x"]


def test_rewritten_dialects_read_the_same_past_every_sample(tmp_path):
    # padded quotes and dump escapes far beyond the head and tail samples (the file is several MB)
    rows = [f'{i} , "Kim, {i % 7}" , {i % 13}.5 , "say ""{i}"""' for i in range(120_000)]
    rows[90_000] = '90000 ,  "late, odd"  , \\N , x'
    small = write(tmp_path, "s.csv", "id , name , v , q\n" + "\n".join(rows[89_990:90_010]) + "\n")
    large = write(tmp_path, "l.csv", "id , name , v , q\n" + "\n".join(rows) + "\n")
    assert large.stat().st_size > 4 << 20
    t1 = read_table(small, types=False)
    t2 = read_table(large, types=False)
    assert list(t1.columns) == list(t2.columns) and len(t2) == 120_000
    assert t2.iloc[89_990:90_010].reset_index(drop=True).equals(t1)
    assert t2.iloc[90_000, 1].strip() == "late, odd" and t2.iloc[5, 3].strip() == 'say "5"'
    dump = [f"{i}\tname\\\tx\t{i}\t\\N" if i % 3 else f"{i}\tC:\\\\dir\t{i}\tx" for i in range(200_000)]
    small = write(tmp_path, "s.txt", "\n".join(dump[150_000:150_030]) + "\n")
    large = write(tmp_path, "l.txt", "\n".join(dump) + "\n")
    t1, t2 = read_table(small, types=False), read_table(large, types=False)
    assert t2.iloc[150_000:150_030].reset_index(drop=True).equals(t1) and len(t2) == 200_000
    assert t1.values.tolist()[:2] == [["150000", "C:\\dir", "150000", "x"], ["150001", "name\tx", "150001", ""]]


KENNZAHLEN = "".join(f'Kennzahl {i},"{i}.212,{i:02d}"\n' for i in range(1, 13))


def test_the_largest_of_several_tables_is_read(tmp_path):
    # a wider lookup table above the data, its cells quoted with the delimiter inside
    lookup = 'Code,Label,Description\nA,Active,currently valid\nP,Pending,"awaiting approval, see workflow"\n\n\n'
    result = ingest_to_parquet(
        write(tmp_path, "l.csv", lookup + "Kennzahl,Wert\n" + KENNZAHLEN), tmp_path / "l.parquet"
    )
    table = pq.read_table(tmp_path / "l.parquet")
    assert table.column_names == ["Kennzahl", "Wert"] and table.num_rows == 12
    assert table.column("Wert")[0].as_py() == 1212.01  # quoted decimal commas in a comma file
    assert any("2 tables" in w for w in result.warnings)
    # a summary block of the same width, then a title line and the data
    summary = "Summary\nRecords,12\nGenerated,2024-06-03\nStatus,final\n\nDetail\n"
    frame = read_table(write(tmp_path, "s.csv", summary + "Kennzahl,Wert\n" + KENNZAHLEN), types=False)
    assert list(frame.columns) == ["Kennzahl", "Wert"] and len(frame) == 12
    # the data first, then a smaller table of the same width: the smaller one is left out
    after = "\nTotals by group\nGroup,Count\nA,120\nB,97\n"
    frame = read_table(write(tmp_path, "a.csv", "Kennzahl,Wert\n" + KENNZAHLEN + after), types=False)
    assert len(frame) == 12 and frame["Kennzahl"].tolist()[-1] == "Kennzahl 12"
    # page breaks (a blank line, a page line, the header again) keep one table
    pages = "Kennzahl,Wert\n" + KENNZAHLEN + "\nPage 2\nKennzahl,Wert\n" + KENNZAHLEN
    result = ingest_to_parquet(write(tmp_path, "p.csv", pages), tmp_path / "p.parquet")
    kept = pq.read_table(tmp_path / "p.parquet").column("Kennzahl").to_pylist()
    assert kept.count("Kennzahl 12") == 2 and not any("tables" in w for w in result.warnings)
    # blank lines inside one table are not a second table
    gaps = "Kennzahl,Wert\n" + KENNZAHLEN.replace("Kennzahl 5", "\nKennzahl 5")
    assert len(read_table(write(tmp_path, "g.csv", gaps), types=False)) == 12


def test_comment_lines_above_the_table_are_notes_even_with_a_delimiter_inside(tmp_path):
    text = (
        "# Konzernkennzahlen 2023\n# Angaben in Mio. EUR, sofern nicht anders angegeben\n#\n"
        "Kennzahl,Wert\n" + KENNZAHLEN
    )
    frame = read_table(write(tmp_path, "c.csv", text), types=False)
    assert list(frame.columns) == ["Kennzahl", "Wert"] and len(frame) == 12
    # "#" starting most first cells is data ("#1", "#2" ...)
    frame = read_table(write(tmp_path, "h.csv", "id,v\n" + "".join(f"#{i},{i}\n" for i in range(9))), types=False)
    assert frame["id"].tolist()[0] == "#0" and len(frame) == 9


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


def test_ragged_rows_are_padded_or_kept_in_place_and_counted(tmp_path):
    # a row with one cell more, all of whose cells fit their columns: nothing is lost, the extra
    # cell gets an unnamed column of its own
    path = write(tmp_path, "r.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n")
    raw = read_table(path, types=False)
    assert list(raw.columns) == ["a", "b", "c", "column_4"]
    assert raw.values.tolist() == [
        ["1", "2", "3", ""],
        ["4", "5", "", ""],
        ["6", "7", "8", "9"],
        ["10", "11", "12", ""],
    ]
    result = ingest_to_parquet(path, tmp_path / "r.parquet")
    assert any("1 row(s) had fewer cells" in w for w in result.warnings)
    assert any("1 row(s) had more cells" in w and "kept in 1 unnamed column" in w for w in result.warnings)
    frame = pd.read_parquet(tmp_path / "r.parquet")
    assert frame["c"].isna().tolist() == [False, True, False, False]
    assert frame["column_4"].tolist()[2] == 9 and frame["column_4"].isna().sum() == 3


def test_duplicate_and_blank_column_names(tmp_path):
    frame = read_table(write(tmp_path, "d.csv", "x,x,,y\n1,2,3,4\n5,6,7,8\n"))
    assert list(frame.columns) == ["x", "x_2", "column_3", "y"]


def test_booleans_and_missing_values(tmp_path):
    frame = read_table(write(tmp_path, "b.csv", "flag,v\ntrue,1\nfalse,NA\nTRUE,3\n,4\n"))
    assert frame["flag"].tolist()[:3] == [True, False, True] and pd.isna(frame["flag"][3])
    assert frame["v"].isna().tolist() == [False, True, False, False]


def test_the_word_none_is_a_value_of_text_and_missing_among_numbers(tmp_path):
    # R's write.csv writes NA for missing; "None" is then a level of a category (exercise: Freq,
    # Some, None; a veneer type), as pyarrow and DuckDB read it: it had been made missing, and
    # "average pulse by exercise level" lost a group. Among numbers, dates or yes/no it is missing.
    rows = ["exer,pulse,when,flag,blank"]
    rows += [
        f"{e},{p},{d},{f},None"
        for e, p, d, f in zip(
            ["Freq", "None", "Some", "None", "NA", "nil"],
            ["72", "None", "80", "NA", "66", "nil"],
            ["2024-01-02", "None", "2024-03-04", "NA", "nil", "2024-05-06"],
            ["yes", "no", "None", "NA", "yes", "nil"],
        )
    ]
    frame = read_table(write(tmp_path, "s.csv", "\n".join(rows) + "\n"))
    assert frame["exer"].tolist()[:4] == ["Freq", "None", "Some", "None"] and pd.isna(frame["exer"][4])
    assert frame["exer"][5] == "nil"
    assert frame["pulse"].isna().tolist() == [False, True, False, True, False, True]
    assert frame["pulse"].dtype.kind in "if" and frame["pulse"].sum() == 72 + 80 + 66
    assert pd.api.types.is_datetime64_any_dtype(frame["when"]) and frame["when"].isna().sum() == 3
    assert frame["flag"].isna().tolist() == [False, False, True, True, False, True]
    assert frame["blank"].isna().all()


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


@pytest.mark.parametrize(
    "content, error, needle",
    [
        (b"", InvalidInput, "empty"),
        (bytes(range(256)) * 100, UnsupportedType, "Vista reads"),
        (b"%PDF-1.7\n" + b"\x00\x01" * 500, UnsupportedType, "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, UnsupportedType, ".xls"),
        (b"just one line of words\n", InvalidInput, "No table"),
    ],
)
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
        ingest_to_parquet(
            tmp_path / "bomb.gz", tmp_path / "o.parquet", limits=IngestLimits(max_decompressed_bytes=1_000_000)
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.gz"]


def test_a_gzip_bomb_is_stopped_early_not_at_the_size_limit(tmp_path):
    # a valid table that expands 1000x: only the ratio gives it away
    with gzip.open(tmp_path / "bomb.csv.gz", "wb", compresslevel=9) as f:
        f.write(b"a,b\n")
        for _ in range(100):
            f.write(b"1,2\n" * 250_000)
    packed = (tmp_path / "bomb.csv.gz").stat().st_size
    progress = Progress()
    with pytest.raises(TooLarge, match="zip bomb"):
        ingest_to_parquet(tmp_path / "bomb.csv.gz", tmp_path / "o.parquet", progress=progress)
    # refused with the default 20 GiB limit, long before the whole archive was expanded
    assert progress.phase == "expanding" and progress.done < packed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.csv.gz"]


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
        f.writelines(b"x" * (1 << 20) for _ in range(40))
    with pytest.raises(InvalidInput, match="line longer than"):
        ingest_to_parquet(path, tmp_path / "o.parquet", limits=IngestLimits(max_line_bytes=8 << 20))
    assert not (tmp_path / "o.parquet").exists()


def test_undecodable_bytes_are_refused(tmp_path):
    content = ("a,b\n" + "x,\u00e9\n" * 10).encode("utf-8") + bytes([0x80, 0x81, 0xFE, 0xFF, 0x90]) * 2000
    with pytest.raises((InvalidInput, UnsupportedType)):
        ingest_to_parquet(write(tmp_path, "u.csv", content), tmp_path / "o.parquet")


def test_cli_ingest_and_profile(tmp_path):
    source = write(tmp_path, "in.csv", csv_text(";"), "cp949")
    run = subprocess.run(
        [sys.executable, "-m", "vista_jupyter.cli", "ingest", str(source), "-o", str(tmp_path / "out.csv")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert pd.read_csv(tmp_path / "out.csv")["population"].tolist() == [9776000, 3429000, 2957000]
    run = subprocess.run(
        [sys.executable, "-m", "vista_jupyter.cli", "profile", str(source)], capture_output=True, text=True
    )
    assert "3 rows x 4 columns" in run.stdout and "population (numeric" in run.stdout
    run = subprocess.run(
        [sys.executable, "-m", "vista_jupyter.cli", "profile", str(tmp_path / "nope.csv")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "no such file" in run.stderr
    nested = write(
        tmp_path, "n.jsonl", '{"id": 1, "tags": ["a"], "o": {"k": [1, 2]}}\n{"id": 2, "tags": [], "o": {"k": []}}\n'
    )
    run = subprocess.run(
        [sys.executable, "-m", "vista_jupyter.cli", "profile", str(nested), "--json"], capture_output=True, text=True
    )
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert {c["name"]: c["kind"] for c in json.loads(run.stdout)["column_profiles"]}["tags"] == "nested"


def test_the_public_read_table_is_the_engine(tmp_path):
    import vista_jupyter

    path = write(tmp_path, "p.csv", csv_text(";"))
    pd.testing.assert_frame_equal(vista_jupyter.read_table(path, types=False), read_table(path, types=False))


# --- the reader's defects, each with a small file written here ---------------------------------


def test_one_backslash_escape_does_not_switch_off_doubled_quotes(tmp_path):
    text = 'id,title,note\n1,"Round 48""",x\n2,"He said ""go""",y\n3,"a \\"quoted\\" word",z\n4,"a, b",w\n'
    raw = read_table(write(tmp_path, "q.csv", text), types=False)
    assert raw["title"].tolist()[:2] == ['Round 48"', 'He said "go"']
    assert raw["note"].tolist() == ["x", "y", "z", "w"] and len(raw) == 4


def test_cr_only_line_endings(tmp_path):
    text = 'name,comment,n\r"Kim","likes ""tea"", coffee",1\rLee,plain,2\rPark,"x, y",3\r'
    raw = read_table(write(tmp_path, "cr.csv", text), types=False)
    assert raw.values.tolist() == [["Kim", 'likes "tea", coffee', "1"], ["Lee", "plain", "2"], ["Park", "x, y", "3"]]


def test_comma_space_delimiters_keep_quoted_commas(tmp_path):
    text = 'city, note, count\nSeoul, "big, busy", 10\nBusan, "sea, port", 20\nIncheon, airport, 30\n'
    frame = read_table(write(tmp_path, "cs.csv", text))
    assert list(frame.columns) == ["city", "note", "count"]
    assert frame["note"].tolist() == ["big, busy", "sea, port", "airport"]
    assert frame["count"].tolist() == [10, 20, 30]


def test_words_in_one_column_are_not_a_space_separated_table(tmp_path):
    # one column of names: most have two words, some one, three or four
    names = [
        "Kim Min-su",
        "Anna Schmidt",
        "José María García",
        "Li",
        "Olga Ivanova",
        "Ana-Lucía van der Berg",
        "Tom Lee",
        "Sara Park",
        "Nguyen Van An",
        "O'Neil Smith",
    ] * 3
    frame = read_table(write(tmp_path, "names.csv", "participant\n" + "\n".join(names) + "\n"), types=False)
    assert list(frame.columns) == ["participant"] and frame["participant"].tolist() == names
    # a table that spaces do separate is regular, and stays space-separated
    rows = [f"{i} {n.split()[0]} {i * 1.5}" for i, n in enumerate(names)]
    frame = read_table(write(tmp_path, "spaced.txt", "id name score\n" + "\n".join(rows) + "\n"))
    assert list(frame.columns) == ["id", "name", "score"] and frame["score"].tolist()[:2] == [0.0, 1.5]


def test_times_and_urls_do_not_make_a_colon_table(tmp_path):
    # two tables of different widths; every line has one time and one URL (steady ':' counts)
    first = ["ts,site,a,b,c,d,e,f,g"] + [f"00:{i:02d},https://x.org/{i},{i},2,3,4,5,6,7" for i in range(12)]
    second = ["ts,site,p,q,r"] + [f"01:{i:02d},https://y.org/{i},{i},8,9" for i in range(12)]
    path = write(tmp_path, "two.csv", "\n".join(first + [""] + second) + "\n")
    result = ingest_to_parquet(path, tmp_path / "two.parquet")
    assert result.detected["delimiter"] == ","
    assert result.columns[:3] == ["ts", "site", "a"]


def test_a_repeated_header_line_is_not_a_data_row(tmp_path):
    text = "id,name,score\nid,name,score\n1,Kim,3.5\n2,Lee,4\nid,name,score\n3,Park,5\n"
    path = write(tmp_path, "rep.csv", text)
    frame = read_table(path)
    assert frame["id"].tolist() == [1, 2, 3] and frame["score"].tolist() == [3.5, 4.0, 5.0]
    assert any("header line appeared" in w for w in ingest_to_parquet(path, tmp_path / "o.parquet").warnings)


def test_a_damaged_header_is_still_the_header(tmp_path):
    text = 'id,"name,score\n1,Kim,3\n2,Lee,4\n3,Park,5\n4,Choi,6\n'
    frame = read_table(write(tmp_path, "dh.csv", text))
    assert list(frame.columns) == ["id", "name", "score"]
    assert frame["score"].tolist() == [3, 4, 5, 6]


def test_a_stray_quote_in_an_empty_last_column_swallows_nothing(tmp_path):
    text = 'id,name,note\n1,Kim,ok\n2,Lee,"\n3,Park,fine\n4,Choi,good\n5,Han,\n'
    raw = read_table(write(tmp_path, "sq.csv", text), types=False)
    assert raw["id"].tolist() == ["1", "2", "3", "4", "5"]
    assert raw["name"].tolist() == ["Kim", "Lee", "Park", "Choi", "Han"]


def test_a_file_with_only_a_header_is_an_empty_table(tmp_path):
    path = write(tmp_path, "h.csv", "id;name;amount\n")
    result = ingest_to_parquet(path, tmp_path / "h.parquet")
    assert (result.rows, result.columns) == (0, ["id", "name", "amount"])
    assert pd.read_parquet(tmp_path / "h.parquet").shape == (0, 3)


def test_six_columns_with_a_title_and_an_often_empty_last_column_are_not_ragged(tmp_path):
    lines = ["Liste des adhérents 2024", "nom;prénom;ville;âge;cotisation;remarque"]
    lines += [f"Dupont{i};Zoé;Orléans;{30 + i % 40};{i % 9},50;{'payé' if i % 10 == 0 else ''}" for i in range(60)]
    path = write(tmp_path, "fr.csv", "\n".join(lines) + "\n", "latin-1")
    result = ingest_to_parquet(path, tmp_path / "fr.parquet")
    assert result.rows == 60 and len(result.columns) == 6
    assert not any("cells" in w for w in result.warnings), result.warnings
    frame = pd.read_parquet(tmp_path / "fr.parquet")
    assert frame["ville"].iloc[0] == "Orléans" and frame["cotisation"].iloc[1] == 1.5


# --- whole columns decide types; one table at every size -----------------------------------------


def test_a_late_odd_cell_widens_the_column_instead_of_refusing_the_file(tmp_path):
    rows = [f"{i},{i * 0.5},{i % 7},2024-01-{i % 28 + 1:02d}" for i in range(200_000)]
    rows[120_000] = "120000,unknown,2.5,not a date"  # far beyond the head and tail samples
    path = write(tmp_path, "late.csv", "id,ratio,small,when\n" + "\n".join(rows) + "\n")
    result = ingest_to_parquet(path, tmp_path / "late.parquet")
    table = pq.read_table(tmp_path / "late.parquet")
    assert result.rows == 200_000
    assert table.schema.field("id").type == pa.int64()
    assert table.schema.field("small").type == pa.float64()
    assert table.column("small")[120_000].as_py() == 2.5 and table.column("small")[6].as_py() == 6.0
    # 'unknown' is not a missing marker: the column is text and keeps every cell as written
    assert table.schema.field("ratio").type == pa.string()
    assert table.column("ratio")[120_000].as_py() == "unknown" and table.column("ratio")[3].as_py() == "1.5"
    assert table.schema.field("when").type == pa.string()
    assert result.detected["passes"] > 1


def _german(x: float) -> str:
    return f"{x:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _messy(body_repeats: int) -> bytes:
    """A Windows-1252 export with a title, ';' delimiters, decimal commas (some quoted), dotted
    thousands, day-first dates, missing markers, a quoted ';' and line break, a short row, a row
    whose name holds an unquoted ';', page banners, blank lines and notes."""
    head = "Umsatzbericht Filialen\nStand: 03.04.2024\n\nFiliale;Umsatz;Stück;Datum;Aktiv;Bemerkung\n"
    body = "Seite 1 von 2\n" + "".join(
        f"Köln {i};{_german(i * 1001 + i % 100 / 100)};{i % 50};{i % 28 + 1:02d}.{i % 12 + 1:02d}.2023;"
        f"{'ja' if i % 3 else 'nein'};{'n/a' if i % 5 == 0 else ('' if i % 7 == 0 else f'Notiz {i}')}\n"
        + ("Seite 2 von 2\n" if i == 2000 else "")
        for i in range(1, 4000)
    )
    body += 'Düsseldorf;1.234,50;7;01.02.2023;ja;"zwei; Zeilen\nhier"\n'
    body += 'Köln; Ehrenfeld;"99,5";3;01.03.2023;nein;Nachtrag\n'
    body += "Bonn;99,5;3\n\n"
    foot = "\nSumme;;;;;\nQuelle: Buchhaltung\n"
    return (head + body * body_repeats + foot).encode("cp1252")


def test_the_same_messy_file_gives_the_same_table_at_1_mb_and_300_mb(tmp_path):
    one = _messy(1)
    repeats = (300 << 20) // len(one)
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    small.write_bytes(one)
    large.write_bytes(_messy(repeats))
    assert small.stat().st_size < 1 << 20 < (300 << 20) * 0.9 < large.stat().st_size
    r1 = ingest_to_parquet(small, tmp_path / "small.parquet")
    r2 = ingest_to_parquet(large, tmp_path / "large.parquet")
    t1, t2 = pq.read_table(tmp_path / "small.parquet"), pq.read_table(tmp_path / "large.parquet")
    assert t1.schema == t2.schema
    assert [str(t) for t in t1.schema.types] == ["string", "double", "int64", "timestamp[us]", "bool", "string"]
    assert t2.num_rows == repeats * t1.num_rows == repeats * r1.rows == r2.rows
    for k in (0, repeats // 2, repeats - 1):
        assert t2.slice(k * t1.num_rows, t1.num_rows).equals(t1), k
    assert t1.column("Umsatz")[0].as_py() == 1001.01 and t1.column("Bemerkung")[4].as_py() is None
    assert t1.column("Bemerkung")[t1.num_rows - 3].as_py() == "zwei; Zeilen\nhier"
    assert t1.slice(t1.num_rows - 2, 1).to_pylist()[0] == {
        "Filiale": "Köln; Ehrenfeld", "Umsatz": 99.5, "Stück": 3,
        "Datum": pd.Timestamp("2023-03-01").to_pydatetime(), "Aktiv": False, "Bemerkung": "Nachtrag",
    }  # fmt: skip
    assert t1.column("Datum")[0].as_py().isoformat() == "2023-02-02T00:00:00"
    for result in (r1, r2):
        assert result.detected["decimal_comma"] is True and result.detected["encoding"] == "cp1252"
        assert any("before the table" in w for w in result.warnings)
        assert any("after the table" in w for w in result.warnings)
        assert any("page banner line(s) (like 'Seite 1 von 2')" in w for w in result.warnings)
        assert any("put back together (Filiale)" in w for w in result.warnings)


# --- encodings at every sample size --------------------------------------------------------------

LANGUAGES = {
    "cp949": (["연도", "나이", "도시"], ["서울특별시", "부산광역시", "대구"]),
    "euc-kr": (["연도", "나이", "도시"], ["서울특별시", "부산광역시", "대구"]),
    "cp932": (["年度", "年齢", "都市"], ["東京都", "大阪市", "名古屋"]),
    # kana, full-width brackets and signs: bytes GB18030 also decodes (as rare ideographs)
    "shift_jis": (["伝票番号", "数量", "品名"], ["ノートパソコン（１５型）", "ボールペン・黒", "東京都の倉庫"]),
    "euc-jp": (["伝票番号", "数量", "品名"], ["ノートパソコン（１５型）", "ボールペン・黒", "東京都の倉庫"]),
    "gb18030": (["年份", "年龄", "城市"], ["北京市", "上海市", "广州"]),
    "big5": (["年度", "年齡", "城市"], ["臺北市", "高雄市", "新竹縣"]),
    "cp1251": (["год", "возраст", "город"], ["Москва", "Казань", "Омск"]),
    "koi8-r": (["год", "возраст", "город"], ["Москва", "Казань", "Омск"]),
}


def _sized(encoding: str, size: int, shift: int) -> tuple[bytes, int]:
    header, cities = LANGUAGES[encoding]
    lines = ["x" * shift, ",".join(header)]  # a short title line moves every character by `shift`
    body, n = [], 0
    length = sum(len(line.encode(encoding)) + 1 for line in lines)
    while length < size:
        line = f"{2000 + n % 25},{20 + n % 60},{cities[n % 3]}"
        body.append(line)
        length += len(line.encode(encoding)) + 1
        n += 1
    return ("\n".join(lines + body) + "\n").encode(encoding), n


@pytest.mark.parametrize("encoding", list(LANGUAGES))
def test_legacy_encodings_just_below_and_above_every_sample_size(tmp_path, encoding):
    from vista_jupyter.ingest.sniff import SAMPLE_BYTES, TAIL_BYTES

    header, cities = LANGUAGES[encoding]
    for size in (64 << 10, TAIL_BYTES, SAMPLE_BYTES, 2 * SAMPLE_BYTES):
        for shift in (1, 2):  # both parities: the cut falls inside a character or between two
            for target in (size - 3, size + 3):
                content, rows = _sized(encoding, target, shift)
                path = write(tmp_path, "e.csv", content)
                raw = read_table(path, types=False)
                assert list(raw.columns) == header, (size, shift, target)
                assert not detect_format(path).doubtful, (size, shift, target)  # a clear case
                assert len(raw) == rows
                assert set(raw[header[2]]) == set(cities), (size, shift, target)


def test_a_wide_file_with_a_late_odd_cell_in_one_column(tmp_path):
    rows = [",".join(f"{(i * 7 + j) % 1000 / 10}" for j in range(120)) for i in range(3000)]
    cells = rows[1500].split(",")
    cells[50] = "see note"  # one text cell, far from the samples, in one of 120 columns
    rows[1500] = ",".join(cells)
    path = write(tmp_path, "w.csv", ",".join(f"m{j}" for j in range(120)) + "\n" + "\n".join(rows) + "\n")
    result = ingest_to_parquet(path, tmp_path / "w.parquet")
    table = pq.read_table(tmp_path / "w.parquet")
    assert result.rows == 3000 and table.num_columns == 120
    assert table.schema.field("m50").type == pa.string() and table.column("m50")[1500].as_py() == "see note"
    assert {str(table.schema.field(f"m{j}").type) for j in range(120) if j != 50} == {"double"}


def test_a_doubtful_encoding_is_said_on_the_card(tmp_path):
    # two Cyrillic words: Windows-1251 and several other codepages read them about as well
    path = write(tmp_path, "short.csv", "name,city\nПривет,Мир\n", "cp1251")
    result = ingest_to_parquet(path, tmp_path / "s.parquet")
    [warning] = [w for w in result.warnings if "encoding" in w]
    assert "close call" in warning and result.detected["encoding"] in warning and "UTF-8" in warning
    # a clear case is not flagged
    path = write(tmp_path, "long.csv", "год,город\n" + "".join(f"{2000 + i},Москва\n" for i in range(200)), "cp1251")
    result = ingest_to_parquet(path, tmp_path / "l.parquet")
    assert result.detected["encoding"] == "cp1251" and not any("encoding" in w for w in result.warnings)


def test_the_parallel_parser_gives_the_same_table_as_a_small_file(tmp_path):
    # no line breaks inside quotes: the body is parsed by several threads at once
    head = "Report title\nGenerated today\n\nid;city;amount;note\n"
    body = "".join(f"{i};Köln {i % 7};{i},{i % 100:02d};{'x, y' if i % 3 else ''}\n" for i in range(5000)) + "\n"
    foot = "Total;;;\nSource: us\n"
    small, large = write(tmp_path, "s.csv", head + body + foot), write(tmp_path, "l.csv", head + body * 250 + foot)
    r1, r2 = ingest_to_parquet(small, tmp_path / "s.parquet"), ingest_to_parquet(large, tmp_path / "l.parquet")
    t1, t2 = pq.read_table(tmp_path / "s.parquet"), pq.read_table(tmp_path / "l.parquet")
    assert t1.schema == t2.schema and t2.num_rows == 250 * t1.num_rows == 250 * 5000
    assert all(t2.slice(k * t1.num_rows, t1.num_rows).equals(t1) for k in (0, 124, 249))
    assert r1.warnings == r2.warnings and len(r2.warnings) == 2


# --- two parsers, one table ------------------------------------------------------------------------
# Arrow's streaming parser reads regular tables; DuckDB's careful parser reads the others (ragged
# rows, `", "` or space delimiters) and any file whose body turns out irregular. Wherever Arrow's is
# used, both must give the same table.


def _both(tmp_path: Path, path: Path, raw: bool = False) -> tuple[pa.Table, pa.Table, Any, Any]:
    from vista_jupyter.ingest.engine import read_text
    from vista_jupyter.ingest.sniff import detect_format

    encoding = detect_format(path).encoding
    results = []
    for careful in (False, True):
        work = tmp_path / f"work-{careful}-{path.stem}"
        work.mkdir()
        out = work / "out.parquet"
        result = read_text(path, encoding, out, work, IngestLimits(), raw=raw, careful=careful)
        results.append((pq.read_table(out), result))
    (fast, r1), (careful_, r2) = results
    return fast, careful_, r1, r2


REGULAR = {
    "quoted": 'id,name,note,amount\n1,"Kim, Min-su","said ""hi""",1.5\n2,Lee,,2\n3,"Park","a\nb",NA\n',
    "crlf_bom": "\ufeffid;flag;when\r\n1;Yes;2024-01-05\r\n2;no;2024-02-06 10:30\r\n3;TRUE;\r\n",
    "cr_only": 'a,b,c\r1,"x, y",3\r4,"say ""z""",6\r',
    "backslash": 'id,text\n1,"a \\"quoted\\" word"\n2,"plain, with comma"\n3,x\n',
    "title_notes": "Report 2024\nmade by us\n\nregion|sales|units\nNord|1.234,5|3\nSüd|99,25|4\n\nTotal|1.333,75|7\nSource: finance\n",
    "blank_lines": "k,v\n\n1,2\n   \n3,4\n,\n5, 6 \n",
    "spaces_in_cells": "id,count,ok\n1, 12 ,yes\n2,7, No \n3,n/a,YES\n",
    "repeated_header": "id,name\nid,name\n1,a\n2,b\nid,name\n3,c\n",
    "trailing_delimiter": "a,b,c,\n1,2,3,\n4,5,6,\n",
    # a header cell that is a missing marker, over a column of numbers, repeated inside the data
    "marker_in_header": "name,NA\nKim,1\nLee,2\nname,NA\nPark,3\n",
    "markers": "x,y,z\n-,1.5,null\n--,N/A,true\n3,-nan,false\n",
    "padded_quotes": 'id , name , city\n1 ,  "Smith, John"  , Paris\n2, "Doe, Jane" ,"Rome"\n3 ,Roe, "Oslo, ""N"""\n',
    "mysql_outfile": "1\tSmith\t\\N\t3.5\n2\tO'Brien\tline one\\\nline two\t\\N\n3\ttab\\\there\tC:\\\\tmp\t2\n",
    "pg_copy_text": "id\tnote\tn\n1\ta\\tb\t\\N\n2\tline\\nbreak\t4\n3\tback\\\\slash\t5\n",
    "escaped_delimiters": "id,name,x\n1,Smith\\, John,\\N\n2,Doe\\, Jane,7\n3,Roe,8\n",
    "two_tables": 'Code,Label,Description\nA,Active,ok\nP,Pending,"wait, see"\n\n\nKennzahl,Wert\n'
    'Umsatz,"13.212,40"\nEBIT,"163,37"\nMarge,"78,79"\nFTE,"92,76"\n',
    "one_column_no_header": "".join(f'"{a}"\n' for a in ADDRESSES),
}


@pytest.mark.parametrize("name", sorted(REGULAR))
def test_arrow_and_the_careful_parser_give_the_same_table(tmp_path, name):
    path = write(tmp_path, f"{name}.csv", REGULAR[name])
    for raw in (False, True):
        (tmp_path / str(raw)).mkdir()
        fast, careful, r1, r2 = _both(tmp_path / str(raw), path, raw=raw)
        assert r1.detected["parser"] == "arrow" and r2.detected["parser"] == "duckdb"
        assert fast.equals(careful), (name, raw, fast.to_pylist(), careful.to_pylist())
        assert r1.columns == r2.columns and r1.rows == r2.rows == fast.num_rows
        assert r1.warnings == r2.warnings


def _regular_body(rows: int) -> list[str]:
    return [f"{i},Kim {i % 13},{i * 0.25:.2f},{i % 2 == 0},2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}" for i in range(rows)]


def test_a_ragged_row_beyond_the_samples_sends_the_file_to_the_careful_parser(tmp_path):
    lines = _regular_body(60_000)  # ~2 MB: the middle is in neither sample
    lines[30_000] = "30000,Kim short"
    lines[31_000] += ",extra"
    path = write(tmp_path, "late.csv", "id,name,amount,even,day\n" + "\n".join(lines) + "\n")
    result = ingest_to_parquet(path, tmp_path / "late.parquet")
    assert result.detected["parser"] == "duckdb" and result.rows == 60_000
    assert any("1 row(s) had fewer cells" in w for w in result.warnings)
    assert any("1 row(s) had more cells" in w for w in result.warnings)
    frame = pd.read_parquet(tmp_path / "late.parquet")
    assert frame["name"][30_000] == "Kim short" and pd.isna(frame["amount"][30_000])
    assert frame["amount"][31_000] == 7750.0 and frame["day"].dtype.kind == "M"
    # the same rows in a file small enough for the samples read the same
    small = write(tmp_path, "small.csv", "id,name,amount,even,day\n" + "\n".join(lines[29_990:31_010]) + "\n")
    assert ingest_to_parquet(small, tmp_path / "small.parquet").detected["parser"] == "duckdb"
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "small.parquet"), frame.iloc[29_990:31_010].reset_index(drop=True)
    )


def test_cells_arrow_cannot_take_as_written_are_converted_like_the_others(tmp_path):
    # beyond the samples: a number with spaces, a yes/no word in an odd letter case, a quoted
    # missing marker; Arrow's parser refuses them while parsing, Vista's kernels take them
    lines = _regular_body(60_000)
    lines[30_000] = '30000,Kim, 12.5 ,tRuE,"N/A"'
    path = write(tmp_path, "odd.csv", "id,name,amount,even,day\n" + "\n".join(lines) + "\n")
    result = ingest_to_parquet(path, tmp_path / "odd.parquet")
    table = pq.read_table(tmp_path / "odd.parquet")
    assert result.detected["parser"] == "arrow" and result.rows == 60_000
    assert [str(t) for t in table.schema.types] == ["int64", "string", "double", "bool", "timestamp[us]"]
    assert table.column("amount")[30_000].as_py() == 12.5 and table.column("even")[30_000].as_py() is True
    assert table.column("day")[30_000].as_py() is None and table.column("amount")[29_999].as_py() == 7499.75


def test_a_long_line_beyond_the_head_is_refused_while_streaming(tmp_path):
    lines = _regular_body(60_000)
    lines[40_000] = "40000,Kim," + "9" * (3 << 20) + ",True,2024-01-01"
    path = write(tmp_path, "long.csv", "id,name,amount,even,day\n" + "\n".join(lines) + "\n")
    with pytest.raises(InvalidInput, match="line longer than"):
        ingest_to_parquet(path, tmp_path / "o.parquet", limits=IngestLimits(max_line_bytes=1 << 20))
    assert not (tmp_path / "o.parquet").exists()


def test_a_body_no_longer_than_a_line_may_be_reaches_arrows_parser_as_one_buffer(tmp_path, monkeypatch):
    # Arrow's reader reads a Python file from a thread of its own, a new bytes object a block:
    # in a fresh process that thread faults in fresh memory (system time larger than the parse).
    # A body no longer than a line may be cannot hold a too long line: it is read at once here.
    import threading

    from vista_jupyter.ingest import engine

    reads: list[int] = []
    window_read = engine._Window.read

    def read(self: Any, n: int = -1) -> bytes:
        reads.append(threading.get_ident())
        return window_read(self, n)

    monkeypatch.setattr(engine._Window, "read", read)
    path = write(tmp_path, "body.csv", "id,name,amount,even,day\n" + "\n".join(_regular_body(60_000)) + "\n")
    result = ingest_to_parquet(path, tmp_path / "one.parquet")  # ~2 MB, lines up to 16 MB
    assert result.detected["parser"] == "arrow" and result.rows == 60_000
    assert reads == []
    # a body longer than a line may be is still read through the window, which watches the lines
    blocks = ingest_to_parquet(path, tmp_path / "blocks.parquet", limits=IngestLimits(max_line_bytes=256 << 10))
    assert reads and blocks.rows == 60_000
    assert pq.read_table(tmp_path / "one.parquet").equals(pq.read_table(tmp_path / "blocks.parquet"))


def test_a_quoted_cell_longer_than_a_parser_block_is_read_whole(tmp_path):
    lines = _regular_body(60_000)
    long_text = "\n".join(f"paragraph {k} " + "w" * 200 for k in range(20_000))  # ~4 MB, many lines
    lines[30_000] = f'30000,"{long_text}",1.0,False,2024-01-01'
    path = write(tmp_path, "quote.csv", "id,name,amount,even,day\n" + "\n".join(lines) + "\n")
    result = ingest_to_parquet(path, tmp_path / "q.parquet")
    table = pq.read_table(tmp_path / "q.parquet")
    assert result.detected["parser"] == "arrow" and result.rows == 60_000
    assert table.column("name")[30_000].as_py() == long_text


def test_iso_dates_are_decided_as_the_pattern_decides(tmp_path):
    # the date kernel casts and checks lengths instead of matching a pattern per cell: fuzzed
    # against the pattern and the cast together
    import random
    import re

    from vista_jupyter.ingest import types as ty

    pattern = re.compile(ty._ISO_DATE)
    rng = random.Random(11)
    noise = list("0123456789") * 3 + list("-: TtZz.,+W")
    for _ in range(20_000):
        cell = (
            f"{rng.randint(1, 9999):04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}"
            + rng.choice(["", " ", "T"])
            + "".join(rng.choice(noise) for _ in range(rng.randint(0, 10)))
        )
        try:
            expected = pa.array([cell]).cast(ty.TIMESTAMP).to_pylist() if pattern.match(cell) else None
        except pa.ArrowInvalid:
            expected = None
        try:
            got = ty.convert(pa.array([cell]), ty.Candidate("date_iso")).to_pylist()
        except ty.Mismatch:
            got = None
        assert got == expected, cell


def test_arrow_converts_numbers_and_yes_no_words_exactly_as_the_kernels_do(tmp_path):
    # what Arrow's parser converts while parsing it converts as `types.convert` would; what it
    # refuses, the kernels convert (or refuse) afterwards
    import random

    import pyarrow.csv as pcsv

    from vista_jupyter.ingest import types as ty

    rng = random.Random(4)
    words = (
        ty.MISSING
        + ty.ARROW_TRUE
        + ty.ARROW_FALSE
        + ["inf", "-0", "1e5", "0x1F", " 7", "+3", "1,5", ".5", "tRUE", "Ja"]
    )

    def cell() -> str:
        r = rng.random()
        return (
            rng.choice(words)
            if r < 0.3
            else str(rng.randint(-(10**6), 10**6))
            if r < 0.6
            else f"{rng.uniform(-1e6, 1e6):.{rng.randint(0, 6)}f}"
        )

    for _ in range(3000):
        cells = [cell() for _ in range(5)]
        for kind, arrow_type in ty.PARSED_BY_ARROW.items():
            data = ("v\n" + "\n".join('"' + c.replace('"', '""') + '"' for c in cells) + "\n").encode()
            try:
                parsed = (
                    pcsv.read_csv(
                        io.BytesIO(data),
                        convert_options=pcsv.ConvertOptions(
                            column_types={"v": arrow_type},
                            null_values=ty.MISSING,
                            true_values=ty.ARROW_TRUE,
                            false_values=ty.ARROW_FALSE,
                            quoted_strings_can_be_null=True,
                        ),
                    )
                    .column("v")
                    .to_pylist()
                )
            except pa.ArrowInvalid:
                continue
            expected = ty.convert(ty.clean(pa.array(cells)), ty.Candidate(kind)).to_pylist()
            assert parsed == expected or all(a == b or a != a and b != b for a, b in zip(parsed, expected)), cells


def test_where_the_blocks_of_the_stream_end_does_not_change_the_table(tmp_path, monkeypatch):
    # The body is streamed in blocks: blocks of 1 MB and of 64 KB (their ends fall elsewhere:
    # inside the long quoted cell, between a late odd cell and the rows before it) give the
    # same table and the same notes (late odd cells that widen a column or that Arrow cannot
    # take as written, a long quoted cell, a late ragged row).
    from vista_jupyter.ingest import engine

    lines = _regular_body(60_000)
    lines[20_000] = '20000,Kim, 12.5 ,tRuE,"N/A"'
    lines[30_000] = "30000,Kim,not a number,False,2024-01-01"
    lines[40_000] = '40000,"' + "\n".join("w" * 300 for _ in range(5_000)) + '",1.0,False,2024-01-01'
    cases = {"regular": lines, "ragged": lines[:45_000] + ["45000,Kim short"] + lines[45_001:]}
    for name, body in cases.items():
        path = write(tmp_path, f"{name}.csv", "id,name,amount,even,day\n" + "\n".join(body) + "\n")
        got = []
        for block in (engine.BLOCK_BYTES, 64 << 10):
            monkeypatch.setattr(engine, "BLOCK_BYTES", block)
            out = tmp_path / f"{name}-{block}.parquet"
            result = ingest_to_parquet(path, out)
            got.append((pq.read_table(out), result))
        (t1, r1), (t2, r2) = got
        assert r1.detected["parser"] == r2.detected["parser"] == ("arrow" if name == "regular" else "duckdb")
        assert t1.equals(t2) and r1.warnings == r2.warnings and r1.rows == r2.rows == 60_000, name
        assert str(t1.schema.field("amount").type) == "string"  # widened by the late word


def test_clean_marks_missing_cells_without_copying_and_keeps_real_nulls(tmp_path):
    # `clean` sets the missing markers to null through the validity bitmap (no copy of the
    # text): the same cells as trimming and replacing them one by one, for sliced arrays, real
    # nulls, blank cells and text that only looks like a marker.
    import random

    import pyarrow.compute as pc

    from vista_jupyter.ingest import types as ty

    values = [" NA ", "x", None, "", " y", "n/a", "-", "nan", "  ", "가 ", "NULL", "NAN x", "--x"]
    rng = random.Random(0)
    for _ in range(200):
        column = pa.array([rng.choice(values) for _ in range(rng.randint(0, 30))], pa.string())
        column = column.slice(rng.randint(0, len(column)))
        trimmed = [None if v is None else v.strip() for v in column.to_pylist()]
        expected = [None if v is None or v in ty.MISSING else v for v in trimmed]
        got = ty.clean(column)
        got.validate(full=True)
        assert got.to_pylist() == expected
        assert got.null_count == sum(v is None for v in expected)
        assert pc.count(got).as_py() == len(expected) - got.null_count


def test_only_columns_with_repeated_values_are_dictionary_encoded(tmp_path):
    # Parquet dictionaries pay off where values repeat (cities, categories); for ids and
    # amounts the writer would build one per row group and drop it again.
    lines = ["id,city,amount"] + [f"{i},{['Seoul', 'Busan', 'Daegu'][i % 3]},{i * 1.37:.2f}" for i in range(5000)]
    path = write(tmp_path, "d.csv", "\n".join(lines) + "\n")
    out = tmp_path / "d.parquet"
    ingest_to_parquet(path, out)
    meta = pq.ParquetFile(out).metadata
    encodings = {meta.schema.column(j).name: meta.row_group(0).column(j).encodings for j in range(3)}
    assert any("DICT" in e for e in encodings["city"])
    assert not any("DICT" in e for e in encodings["id"]) and not any("DICT" in e for e in encodings["amount"])
    table = pq.read_table(out)
    assert table.column("city").to_pylist()[:4] == ["Seoul", "Busan", "Daegu", "Seoul"]
    assert table.column("amount").to_pylist()[-1] == round(4999 * 1.37, 2)
