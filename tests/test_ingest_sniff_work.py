"""Sniffing does only the work its answer needs: a space-separated reading is parsed only when
no other character makes a table (it would be dropped then anyway), and quotes padded with spaces
are looked for line by line only when a quote follows a delimiter and spaces somewhere. The
answers stay those of the full work: space-separated tables, padded quotes with any line break."""

from __future__ import annotations

import pytest

from vista_jupyter.ingest import dialect as dl


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    parse = dl.parse

    def counted(text: str, d: dl.Dialect) -> list[list[str]]:
        seen.append(d.delimiter)
        return parse(text, d)

    monkeypatch.setattr(dl, "parse", counted)
    return seen


def test_a_comma_table_with_words_is_not_read_at_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["id,customer,city,note"] + [f'{i},"Kim, Min {i}",New York,late on time again {i}' for i in range(300)]
    seen = _counting(monkeypatch)
    d = dl.sniff("\n".join(lines) + "\n")
    assert d.delimiter == "," and d.quotechar == '"'
    assert " " not in seen  # main parsed the sample at spaces twice, then dropped that reading


def test_space_separated_tables_are_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["id value name"] + [f"{i} {i * 2.5} item{i}" for i in range(200)]
    seen = _counting(monkeypatch)
    assert dl.sniff("\n".join(lines) + "\n").delimiter == " "
    assert " " in seen


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_padded_quotes_with_every_line_break(newline: str) -> None:
    text = newline.join(
        ["id , name , city", '1 ,  "Smith, John"  , Paris', '  "2", "Doe, Jane" ,"Rome"', '3 ,Roe, "Oslo"']
    )
    assert dl.sniff(text + newline).padded_quotes
    plain = newline.join(["id,name,city", '1,"Smith, John",Paris', '2,"Doe, Jane",Rome'])
    assert not dl.sniff(plain + newline).padded_quotes


def test_counts_looked_for_literal_first_are_the_patterns_counts() -> None:
    """Sniffing's counts over the sample, now looked for from a literal (a delimiter, two
    quotes, a quote after a space) or not at all when that literal is absent, are those of the
    patterns as written before: fuzzed over delimiters, digits, quotes, spaces and line breaks."""
    import random
    import re

    rng = random.Random(3)
    alphabet = list("0123456789") * 2 + list(",;:|\t\"' \\ab\n\r") + ["\u2028", "é"]
    for _ in range(3000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        for delimiter in [",", ";", ":", "|", "\t"]:
            e = re.escape(delimiter)
            count = sample.count(delimiter)
            before = len(re.findall(rf"(?<=\d){e}(?=\d)", sample)) / count if count else 0.0
            assert dl._between_digits(sample, delimiter) == before, (sample, delimiter)
            for quote in ['"', "'"]:
                q = re.escape(quote)
                old = rf"(?:^|{e}|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029])[ \t]+{q}"
                padded = re.compile(rf"(?:^|{e})[ \t]+{q}(?:[^{q}]|{q}{q})*{q}[ \t]*(?:{e}|$)", re.MULTILINE)
                expected = (
                    bool(re.search(old, sample)) and sum(1 for ln in sample.splitlines() if padded.search(ln)) >= 2
                )
                assert dl._padded_quotes(sample, dl.Dialect(delimiter, quote)) == expected, (sample, delimiter)
        for quote in ['"', "'"]:
            q = re.escape(quote)
            backslashed = len(re.findall(rf"\\{q}", sample))
            doubled = len(re.findall(rf"[^\s,;|\t{q}]{q}{q}|{q}{q}[^\s,;|\t{q}]", sample))
            assert dl._escape(sample, quote) == (("\\", False) if backslashed > doubled else (None, True))


def test_longest_line_counts_as_splitlines_cuts() -> None:
    """The head's longest line, from the positions of its breaks, is `bytes.splitlines`'s (LF,
    CR, CRLF; no other byte breaks a line of bytes), fuzzed."""
    import random

    from vista_jupyter.ingest import engine

    rng = random.Random(1)
    for _ in range(20_000):
        data = bytes(rng.choice(b"ab\r\n\x0b\x0c\x1c\x85") for _ in range(rng.randint(0, 30)))
        assert engine._longest_line(data) == max(map(len, data.splitlines()), default=0), data


def test_the_type_sample_holds_each_columns_cells_in_order(tmp_path) -> None:
    """The plan's type sample, made row after row and put in column order by one take, holds
    each column's cleaned cells in the rows' order: short rows padded with missing cells."""
    import pyarrow as pa

    from vista_jupyter.ingest import engine, types
    from vista_jupyter.ingest.reader import IngestLimits

    rows = [["id", "name", "amount", "day"]] + [
        [str(i), f" Kim {i} ", "NA" if i % 7 == 0 else f"{i}.5", f"2024-01-{i % 28 + 1:02d}"][: 4 - (i % 9 == 0)]
        for i in range(400)
    ]
    path = tmp_path / "t.csv"
    path.write_text("\n".join(",".join(r) for r in rows) + "\n")
    limits = IngestLimits()
    samples = engine.read_samples(path, limits.max_line_bytes)
    plan = engine.make_plan(samples, dl.Dialect(","), engine.text_records, limits, False, 100, [], {}, fast=True)
    for j in range(4):
        column = [r[j] if j < len(r) else None for r in rows[1:]]
        assert plan.samples[j].to_pylist() == types.clean(pa.array(column, pa.string())).to_pylist()
