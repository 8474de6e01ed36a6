"""Tests of the scorer: right answers score 10, each kind of misreading scores lower."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from score import score

HERE = Path(__file__).resolve().parent

EN = {"decimal": ".", "group": ",", "date_order": "mdy"}
DE = {"decimal": ",", "group": ".", "date_order": "dmy"}


def truth(header, rows, locale=EN, **kw):
    return {"header": header, "rows": rows, "locale": locale, **kw}


T = truth(
    ["id", "name", "amount", "share", "date", "note"],
    [
        ["007", "Anna", "$1,234.50", "12.5%", "3/5/2024", "first, with comma"],
        ["008", "Bo", "-$7.00", "0%", "12/31/2024", 'says "hi"'],
        ["009", "Chen", "$0.99", "100%", "1/1/2025", "line one\nline two"],
        ["010", "Dana", "", "", "", ""],
    ],
)


def test_exact_answer_scores_ten():
    s = score(T, T["header"], T["rows"])
    assert s["score"] == pytest.approx(10.0)
    assert s["success"] == 1.0


def test_numbers_dates_and_percent_read_by_value_score_ten():
    rows = [
        ["007", "Anna", "1234.5", "0.125", "2024-03-05", "first, with comma"],
        ["008", "Bo", "-7.0", "0.0", "2024-12-31 00:00:00", 'says "hi"'],
        ["009", "Chen", "0.99", "1", "2025-01-01", "line one\r\nline two"],
        ["010", "Dana", None, "nan" and "", "", ""],
    ]
    assert score(T, T["header"], rows)["score"] == pytest.approx(10.0)


def test_leading_zero_ids_read_as_numbers_are_wrong():
    rows = [[str(int(r[0]))] + r[1:] for r in T["rows"]]
    s = score(T, T["header"], rows)
    assert s["record_f1"] == 0.0
    assert s["cell_f1"] < 1.0
    assert s["score"] < 10.0


def test_day_month_order_matters():
    t = truth(["d"], [["05/03/2024"], ["13/03/2024"]], locale=DE)
    assert score(t, ["d"], [["2024-03-05"], ["2024-03-13"]])["score"] == pytest.approx(10.0)
    assert score(t, ["d"], [["2024-05-03"], ["2024-03-13"]])["record_r"] == pytest.approx(0.5)


def test_german_numbers_by_value():
    t = truth(["Betrag", "Saldo"], [["-1.234,56", "12.345,00"], ["0,5", "1.000"]], locale=DE)
    assert score(t, ["Betrag", "Saldo"], [["-1234.56", "12345"], ["0.5", "1000"]])["score"] == pytest.approx(10.0)
    # the same text read with the decimal comma ignored is a different value
    bad = score(t, ["Betrag", "Saldo"], [["-123456", "1234500"], ["5", "1000"]])
    assert bad["cell_r"] == pytest.approx(1 / 4)


def test_shifted_columns_score_lower():
    shifted = [r[1:] + [""] for r in T["rows"]]
    s = score(T, T["header"][1:] + [""], shifted)
    assert s["record_f1"] == 0.0
    assert s["header_r"] < 1.0
    assert s["score"] < 7.0


def test_lost_header_scores_lower():
    # the reader took the header for a record and said the file has no header
    s = score(T, None, [T["header"]] + T["rows"])
    assert s["header_f1"] == 0.0
    assert s["record_r"] == 1.0 and s["record_p"] == pytest.approx(4 / 5)
    assert s["score"] < 8.0


def test_first_record_taken_as_header_when_there_is_none():
    t = truth(None, T["rows"])
    assert score(t, None, T["rows"])["score"] == pytest.approx(10.0)
    s = score(t, T["rows"][0], T["rows"][1:])
    assert s["header_f1"] == 0.0 and s["record_r"] == pytest.approx(3 / 4)


def test_lost_rows_score_lower():
    s = score(T, T["header"], T["rows"][:2])
    assert s["record_p"] == 1.0 and s["record_r"] == pytest.approx(0.5)
    assert s["score"] < 10.0


def test_split_rows_score_lower():
    # a reader that breaks the record at the line break inside a quoted cell
    rows = T["rows"][:2] + [T["rows"][2][:5] + ["line one"], ["line two"]] + T["rows"][3:]
    s = score(T, T["header"], rows)
    assert s["record_r"] == pytest.approx(3 / 4) and s["record_p"] == pytest.approx(3 / 5)
    assert s["cell_f1"] < 1.0


def test_empty_rows_and_unnamed_empty_columns_are_ignored():
    rows = [r + [""] for r in T["rows"]] + [["", "", ""], []]
    assert score(T, T["header"] + [""], rows)["score"] == pytest.approx(10.0)


def test_preamble_read_as_records_costs_precision():
    rows = [["Report 2024", "", "", "", "", ""], ["Exported on 2024-06-03", "", "", "", "", ""]] + T["rows"]
    s = score(T, T["header"], rows)
    assert s["record_p"] == pytest.approx(4 / 6) and s["record_r"] == 1.0


def test_multirow_header_parts_may_be_joined():
    t = truth(["Temp", "Rain"], [["1", "2"]], header_variants=[["Weather Temp (°C)", "Temp (°C)"], ["Rain (mm)"]])
    assert score(t, ["Temp [°C]", "Rain (mm)"], [["1", "2"]])["header_f1"] == 1.0
    assert score(t, ["Temp", "Rain"], [["1", "2"]])["header_f1"] == 1.0
    assert score(t, ["°C", "mm"], [["1", "2"]])["header_f1"] == 0.0


def test_nothing_read_scores_zero_on_every_level():
    s = score(T, None, [])
    assert s["header_f1"] == s["record_f1"] == s["cell_f1"] == 0.0
    assert s["score"] == 1.0  # success only: the reader returned without raising


def test_yes_no_words_equal_the_boolean_read_from_them():
    t = truth(["a", "b", "c"], [["TRUE", "oui", "예"], ["false", "non", "아니오"]])
    assert score(t, ["a", "b", "c"], [["True", "True", "True"], ["False", "False", "False"]])["score"] == pytest.approx(
        10.0
    )
    assert score(t, ["a", "b", "c"], [["True", "oui", "예"], ["False", "non", "아니오"]])["score"] == pytest.approx(
        10.0
    )
    # the wrong truth value, or a boolean where the text is not a yes/no word, is wrong
    assert score(t, ["a", "b", "c"], [["False", "oui", "예"], ["False", "non", "아니오"]])["record_r"] == 0.5
    t2 = truth(["a"], [["maybe"]])
    assert score(t2, ["a"], [["True"]])["record_f1"] == 0.0


def test_reader_that_raises_scores_zero(tmp_path):
    """Through run.py: a plug-in that raises gets 0 for the file, a slow one times out."""
    (tmp_path / "boom.py").write_text(
        textwrap.dedent("""
        import time
        def fail(path):
            raise ValueError("cannot read")
        def slow(path):
            time.sleep(30)
        def right(path):
            import json
            t = json.load(open(str(path) + ".truth.json", encoding="utf-8"))
            return t["header"], t["rows"]
    """)
    )
    files = tmp_path / "files" / "fam"
    files.mkdir(parents=True)
    (files / "a.csv").write_text("x,y\n1,2\n")
    (files / "a.csv.truth.json").write_text(json.dumps(truth(["x", "y"], [["1", "2"]])))
    (tmp_path / "files" / "manifest.json").write_text(
        json.dumps([{"file": "fam/a.csv", "family": "fam", "n_pollutions": 1}])
    )
    out = subprocess.run(
        [
            sys.executable,
            str(HERE / "run.py"),
            "--heldout",
            str(tmp_path),
            "--readers",
            "",
            "--reader",
            "boom:fail",
            "--reader",
            "boom:slow",
            "--reader",
            "boom:right",
            "--timeout",
            "3",
            "--jobs",
            "3",
            "--results",
            str(tmp_path / "results"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("| fam "))
    assert [c.strip() for c in line.split("|")[3:6]] == ["0.00", "0.00", "10.00"]
