"""Robustness on polluted CSV files: Vista's reader next to pandas, clevercsv and DuckDB.

An independent corpus, not derived from the bundled examples: `clean_tables()` writes eight
tables of its own (3 to 14 columns; integers, decimals, dates, booleans, categories, free text
with commas and quotes; English, Korean, German, Japanese and Russian text), and `pollutions()`
applies to each the faults real exports have, one per file: other delimiters (`;`, tab, `|`,
`", "`), quoting and escaping variants (all quoted, single quotes, backslash escapes, one odd
backslash escape among doubled quotes, a stray quote), titles, comment lines and notes around the
table, no header, a group row over the header, the header repeated inside the data, blank lines,
rows with a cell missing or one too many, trailing delimiters, CRLF / CR / mixed line breaks,
spaces around cells, and other encodings (UTF-16, UTF-8 with BOM, Windows-1252, CP949,
Shift-JIS, Windows-1251).

Every reader's result is compared as text with the clean table: header F1 (a name ending with
the true name counts, so a group prefix is no penalty), record F1 and cell F1, averaged and scaled
to 0-10 (Pollock's measures; this is not the Pollock benchmark itself). A reader that raises
scores 0 for the file and is counted as failed, apart from the files it read wrongly.
"""

from __future__ import annotations

import csv
import io
import random
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import Result

Table = tuple[list[str], list[list[str]]]


# --- clean tables of our own ----------------------------------------------------------------


def clean_tables() -> dict[str, Table]:
    rng = random.Random(20241125)
    tables: dict[str, Table] = {}

    def dates(n: int) -> list[str]:
        return [f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(n)]

    n = 80
    tables["orders"] = (
        ["order_id", "customer", "amount", "paid", "ordered"],
        [
            [
                str(1000 + i),
                rng.choice(["Acme Corp.", "Smith, John", "O'Brien & Sons", 'Widgets "Plus"']),
                f"{rng.uniform(1, 900):.2f}",
                rng.choice(["true", "false"]),
                d,
            ]
            for i, d in enumerate(dates(n))
        ],
    )
    tables["weather_ko"] = (
        ["관측소", "날짜", "기온", "강수량", "비고"],
        [
            [
                rng.choice(["서울", "부산", "대구", "광주"]),
                d,
                f"{rng.uniform(-10, 35):.1f}",
                f"{rng.uniform(0, 80):.1f}",
                rng.choice(["맑음", "흐림, 비", "눈", ""]),
            ]
            for d in dates(60)
        ],
    )
    tables["inventory_de"] = (
        ["Artikel", "Lager", "Menge", "Preis", "Größe", "Farbe", "Lieferant"],
        [
            [
                f"Teil-{i:04d}",
                rng.choice(["Köln", "München", "Düsseldorf"]),
                str(rng.randint(0, 500)),
                f"{rng.uniform(0.5, 99):.2f}",
                rng.choice(["S", "M", "L", "XL"]),
                rng.choice(["grün", "weiß", "schwarz"]),
                rng.choice(["Müller GmbH", "Schäfer & Co", "Öko AG"]),
            ]
            for i in range(70)
        ],
    )
    tables["survey"] = (
        ["respondent", "age", "country", "q1", "q2", "q3", "q4", "q5", "comment"],
        [
            [f"R{i:03d}", str(rng.randint(18, 80)), rng.choice(["Canada", "Brazil", "India", "Kenya"])]
            + [str(rng.randint(1, 5)) for _ in range(5)]
            + [rng.choice(["", "Great service", "Too slow, but friendly", 'said "ok"', "n/a"])]
            for i in range(100)
        ],
    )
    tables["sensors_wide"] = (
        ["timestamp"] + [f"s{j:02d}" for j in range(1, 14)],
        [
            [f"2024-03-01 {h:02d}:{m:02d}"] + [f"{rng.gauss(20, 5):.3f}" for _ in range(13)]
            for h in range(6)
            for m in range(0, 60, 5)
        ],
    )
    tables["books_ja"] = (
        ["書名", "著者", "出版年", "価格"],
        [
            [
                rng.choice(["吾輩は猫である", "雪国", "羅生門", "こころ"]),
                rng.choice(["夏目漱石", "川端康成", "芥川龍之介"]),
                str(rng.randint(1900, 1970)),
                str(rng.randint(500, 3000)),
            ]
            for _ in range(50)
        ],
    )
    tables["cities_ru"] = (
        ["город", "население", "регион"],
        [
            [
                rng.choice(["Москва", "Казань", "Омск", "Тверь"]),
                str(rng.randint(10_000, 12_000_000)),
                rng.choice(["Центр", "Сибирь", "Поволжье"]),
            ]
            for _ in range(40)
        ],
    )
    tables["tiny"] = (["key", "value", "note"], [["a", "1", "first"], ["b", "2", ""], ["c", "3", "x, y"]])
    return tables


# --- pollutions ----------------------------------------------------------------------------


def render(
    rows: list[list[str]],
    delimiter: str = ",",
    quotechar: str = '"',
    quoting: int = csv.QUOTE_MINIMAL,
    escapechar: str | None = None,
    doublequote: bool = True,
    end: str = "\n",
) -> str:
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        quotechar=quotechar,
        quoting=quoting,
        escapechar=escapechar,
        doublequote=doublequote,
        lineterminator=end,
    )
    writer.writerows(rows)
    return buffer.getvalue()


LANGUAGE_ENCODING = {
    "weather_ko": "cp949",
    "books_ja": "shift_jis",
    "cities_ru": "cp1251",
    "inventory_de": "cp1252",
    "orders": "cp1252",
    "survey": "cp1252",
}


def pollutions(name: str, table: Table) -> dict[str, tuple[bytes, list[str] | None, list[list[str]]]]:
    """pollution -> (file bytes, expected header or None, expected records)."""
    header, body = table
    rows = [header] + body
    width = len(header)
    base = render(rows)
    out: dict[str, tuple[bytes, list[str] | None, list[list[str]]]] = {}

    def add(label: str, text: str | bytes, h: list[str] | None = header, b: list[list[str]] = body) -> None:
        out[label] = (text.encode() if isinstance(text, str) else text, h, b)

    add("clean", base)
    for d, label in ((";", "semicolon"), ("\t", "tab"), ("|", "pipe")):
        add(f"delimiter {label}", render(rows, delimiter=d))

    def quoted(c: str) -> str:
        return '"' + c.replace('"', '""') + '"' if ("," in c or '"' in c) else c

    add("comma space", "".join(", ".join(quoted(c) for c in r) + "\n" for r in rows))
    add("quote all", render(rows, quoting=csv.QUOTE_ALL))
    add("single quotes", render(rows, quotechar="'", quoting=csv.QUOTE_ALL))
    add("backslash escapes", render(rows, escapechar="\\", doublequote=False))
    lines = base.splitlines(keepends=True)
    odd = [r[:] for r in body]
    odd[len(odd) // 2][-1] = 'say \\"hi\\"'  # one cell written by another tool
    add(
        "one backslash among doubled quotes",
        render([header] + odd).replace('"say \\""hi\\"""', '"say \\"hi\\""'),
        b=[r if i != len(odd) // 2 else r[:-1] + ['say "hi"'] for i, r in enumerate(odd)],
    )
    add("preamble", "Export of 2024-05-01\nPrepared by the data team\n\n" + base)
    add("comment lines", "# source: internal system\n# rows: all\n" + base)
    add("footnotes", base + "\nSource: internal system\nFigures are provisional.\n")
    add("no header", render(body), h=None)
    groups = ["Group A"] + [""] * (width - 1)
    add("group row over header", render([groups] + rows))
    middle = len(lines) // 2
    add("header repeated inside", "".join(lines[:middle] + [lines[0]] + lines[middle:]))
    add("blank lines", "".join(line + ("\n" if i % 9 == 4 else "") for i, line in enumerate(lines)))
    short = [r[:-1] if i % 7 == 3 else r for i, r in enumerate(body)]
    add("rows missing a cell", render([header] + short), b=[r + [""] * (width - len(r)) for r in short])
    add("trailing delimiter", "".join(line.rstrip("\n") + ",\n" for line in lines))
    add("crlf", base.replace("\n", "\r\n"))
    add("cr only", base.replace("\n", "\r"))
    add("mixed line breaks", "".join(line.replace("\n", "\r\n") if i % 2 else line for i, line in enumerate(lines)))
    add(
        "spaces around cells",
        "".join(",".join(f" {c} " if quoted(c) == c else quoted(c) for c in r) + "\n" for r in rows),
    )
    stray = [r[:] for r in body]
    j = next((k for k, c in enumerate(stray[1]) if c and "," not in c and '"' not in c), 0)
    stray[1][j] = stray[1][j] + ' 5"'  # an inch sign: a quote inside an unquoted cell
    add(
        "stray quote",
        "".join([lines[0], lines[1]]) + ",".join(stray[1]) + "\n" + "".join(lines[3:]),
        b=[body[0], stray[1]] + body[2:],
    )
    add("utf-16", base.encode("utf-16"))
    add("utf-8 with BOM", base.encode("utf-8-sig"))
    if name in LANGUAGE_ENCODING:
        encoding = LANGUAGE_ENCODING[name]
        try:
            add(f"legacy encoding ({encoding})", base.encode(encoding))
        except UnicodeEncodeError:
            pass
    return out


# --- scoring ---------------------------------------------------------------------------------


def f1(expected: Counter, got: Counter) -> float:
    if not expected and not got:
        return 1.0
    hit = sum((expected & got).values())
    if hit == 0:
        return 0.0
    precision, recall = hit / sum(got.values()), hit / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def score(result: tuple[list[str], list[list[Any]]] | None, header: list[str] | None, body: list[list[str]]) -> float:
    if result is None:
        return 0.0
    names, records = result
    got_rows = [tuple(_cell(c) for c in r) for r in records]
    truth_rows = [tuple(c.strip() for c in r) for r in body]
    if header is None:
        generic = all(n.startswith(("column", "Unnamed", "col", "V", "field")) or n.isdigit() or not n for n in names)
        h = 1.0 if generic else 0.5  # a data row taken for names: the record is lost below too
    else:
        got_names = [_cell(n) for n in names]
        matched = Counter()
        for n in got_names:
            for t in header:
                if n == t or n.endswith(" " + t) or n.endswith(t) and len(n) > len(t) and n[-len(t) - 1] in " _.":
                    matched[t] += 1
                    break
        hits = sum(min(matched[t], c) for t, c in Counter(header).items())
        p = hits / max(1, len(got_names))
        r = hits / max(1, len(header))
        h = 0.0 if hits == 0 else 2 * p * r / (p + r)
    records = f1(Counter(truth_rows), Counter(got_rows))
    cells = f1(Counter(c for r in truth_rows for c in r), Counter(c for r in got_rows for c in r))
    return 10 * (h + records + cells) / 3


# --- readers ---------------------------------------------------------------------------------


def _frame(frame: Any) -> tuple[list[str], list[list[Any]]]:
    return [str(c) for c in frame.columns], frame.astype(object).values.tolist()


def vista(path: Path) -> tuple[list[str], list[list[Any]]]:
    from vista_jupyter.ingest import read_table

    return _frame(read_table(path, types=False))


def pandas_default(path: Path) -> tuple[list[str], list[list[Any]]]:
    import pandas as pd

    return _frame(pd.read_csv(path, dtype=str, keep_default_na=False))


def pandas_sniff(path: Path) -> tuple[list[str], list[list[Any]]]:
    import pandas as pd

    return _frame(pd.read_csv(path, sep=None, engine="python", dtype=str, keep_default_na=False))


def clevercsv_reader(path: Path) -> tuple[list[str], list[list[Any]]]:
    import clevercsv

    return _frame(clevercsv.read_dataframe(str(path), dtype=str, keep_default_na=False))


def duckdb_auto(path: Path) -> tuple[list[str], list[list[Any]]]:
    import duckdb

    con = duckdb.connect()
    try:
        relation = con.read_csv(str(path), all_varchar=True)
        return list(relation.columns), [list(r) for r in relation.fetchall()]
    finally:
        con.close()


READERS: dict[str, Callable[[Path], tuple[list[str], list[list[Any]]]]] = {
    "vista": vista,
    "pandas (defaults)": pandas_default,
    "pandas (sep=None)": pandas_sniff,
    "clevercsv": clevercsv_reader,
    "duckdb (auto)": duckdb_auto,
}


def evaluate() -> tuple[dict[str, list[float]], dict[str, int], dict[str, dict[str, list[float]]]]:
    scores: dict[str, list[float]] = {r: [] for r in READERS}
    failures: dict[str, int] = {r: 0 for r in READERS}
    by_pollution: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, table in clean_tables().items():
            for label, (content, header, body) in pollutions(name, table).items():
                path = Path(tmp, f"{name}-{label}.csv".replace(" ", "_").replace("/", "_"))
                path.write_bytes(content)
                for reader, fn in READERS.items():
                    try:
                        result = fn(path)
                    except Exception:
                        result = None
                        failures[reader] += 1
                    s = score(result, header, body)
                    scores[reader].append(s)
                    by_pollution.setdefault(label, {}).setdefault(reader, []).append(s)
    return scores, failures, by_pollution


def run() -> list[Result]:
    scores, failures, by_pollution = evaluate()
    files = len(scores["vista"])
    results = [
        Result(
            "ingest pollution",
            f"{r}: mean score (0-10) over {files} files; failed on {failures[r]}",
            sum(v) / len(v),
            "",
        )
        for r, v in scores.items()
    ]
    mean = {label: {r: sum(v) / len(v) for r, v in per.items()} for label, per in by_pollution.items()}
    for label in sorted(mean, key=lambda k: mean[k]["vista"])[:6]:
        others = ", ".join(f"{r} {s:.1f}" for r, s in mean[label].items() if r != "vista")
        results.append(Result("ingest pollution", f"vista on '{label}' ({others})", mean[label]["vista"], ""))
    return results


if __name__ == "__main__":
    scores, failures, by_pollution = evaluate()
    readers = list(READERS)
    print("| pollution | " + " | ".join(readers) + " |")
    print("|---|" + "---|" * len(readers))
    for label, per in by_pollution.items():
        print(f"| {label} | " + " | ".join(f"{sum(per[r]) / len(per[r]):.2f}" for r in readers) + " |")
    print("| **mean** | " + " | ".join(f"**{sum(scores[r]) / len(scores[r]):.2f}**" for r in readers) + " |")
    print("| failed files | " + " | ".join(str(failures[r]) for r in readers) + " |")
