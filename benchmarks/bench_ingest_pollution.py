"""Robustness on polluted CSV files: Vista's reader vs pandas defaults.

Pollock-style: clean tables (the bundled examples) are written with one pollution each (other
delimiters and quotes, preamble and notes, no header, blank lines, ragged rows, other encodings,
padded columns, stacked headers...). Each reader's result is compared as text with the clean table:
header, record and cell F1, averaged and scaled to 0-10. This is our own approximation of the
public benchmark, not the benchmark itself.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pandas as pd
from common import Result

from vista_jupyter.ingest import read_table


def clean_tables() -> dict[str, list[list[str]]]:
    out = {}
    for name in ("cars", "penguins", "iris", "seattle-weather"):
        path = files("vista_jupyter.examples").joinpath(f"data/{name}.csv")
        with open(str(path), newline="") as f:
            rows = list(csv.reader(f))
        out[name] = rows[:120]
    return out


def render(rows: list[list[str]], delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL,
           escapechar=None, doublequote=True) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quotechar=quotechar, quoting=quoting,
                        escapechar=escapechar, doublequote=doublequote, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue()


def pollutions(rows: list[list[str]]) -> dict[str, tuple[bytes, list[str] | None, list[list[str]]]]:
    """name -> (file bytes, expected header or None, expected records)."""
    header, body = rows[0], rows[1:]
    width = len(header)
    out = {}
    base = render(rows)
    out["clean"] = (base.encode(), header, body)
    for d, label in ((";", "semicolon"), ("\t", "tab"), ("|", "pipe"), (":", "colon")):
        out[f"delimiter {label}"] = (render(rows, delimiter=d).encode(), header, body)
    out["quote all"] = (render(rows, quoting=csv.QUOTE_ALL).encode(), header, body)
    out["single quotes"] = (render(rows, quotechar="'", quoting=csv.QUOTE_ALL).encode(), header, body)
    out["preamble"] = (("Report generated 2024-05-01\nDepartment of examples\n\n" + base).encode(), header, body)
    out["padded preamble"] = (("Report" + "," * (width - 1) + "\n" + "," * (width - 1) + "\n" + base).encode(), header, body)
    out["footnotes"] = ((base + "\nSource: example data\nNote: values rounded\n").encode(), header, body)
    out["no header"] = (render(body).encode(), None, body)
    out["blank lines"] = (base.replace("\n", "\n\n", 5).encode(), header, body)
    out["utf-16"] = (base.encode("utf-16"), header, body)
    out["utf-8 bom"] = (base.encode("utf-8-sig"), header, body)
    out["cp1252"] = (base.encode("cp1252", errors="replace"), header, body)
    out["crlf"] = (base.replace("\n", "\r\n").encode(), header, body)
    out["trailing delimiter"] = ("\n".join(",".join(r) + "," for r in rows).encode() + b"\n", header, body)
    ragged = [r[:-1] if i % 7 == 3 else r for i, r in enumerate(body)]
    out["ragged rows"] = (render([header] + ragged).encode(), header,
                          [r + [""] * (width - len(r)) for r in ragged])
    groups = ["Group A"] + [""] * (width - 1)
    out["stacked header"] = (render([groups, header] + body).encode(),
                             [f"Group A {h}" if i == 0 else h for i, h in enumerate(header)], body)
    return out


def f1(expected: Counter, got: Counter) -> float:
    if not expected and not got:
        return 1.0
    hit = sum((expected & got).values())
    if hit == 0:
        return 0.0
    precision, recall = hit / sum(got.values()), hit / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def score(frame: pd.DataFrame | None, header: list[str] | None, body: list[list[str]], has_header: bool) -> float:
    if frame is None:
        return 0.0
    got_rows = [[str(v) for v in row] for row in frame.astype(str).values.tolist()]
    got_header = [str(c) for c in frame.columns] if has_header else None
    h = 1.0 if header is None else f1(Counter(header), Counter(got_header or []))
    if header is None and got_header is not None and any(not c.startswith(("column_", "Unnamed")) and not str(c).isdigit()
                                                          for c in got_header):
        # the reader took the first record as a header: that record is missing below
        h = 1.0
    records = f1(Counter(tuple(r) for r in body), Counter(tuple(r) for r in got_rows))
    cells = f1(Counter(c for r in body for c in r), Counter(c for r in got_rows for c in r))
    return 10 * (h + records + cells) / 3


def vista(path: Path) -> pd.DataFrame | None:
    try:
        return read_table(path, types=False)
    except Exception:
        return None


def pandas_default(path: Path) -> pd.DataFrame | None:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception:
        return None


def run() -> list[Result]:
    scores: dict[str, list[float]] = {"vista": [], "pandas": []}
    worst: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for table, rows in clean_tables().items():
            for name, (content, header, body) in pollutions(rows).items():
                path = Path(tmp, f"{table}-{name}.csv".replace(" ", "_"))
                path.write_bytes(content)
                for reader, fn in (("vista", vista), ("pandas", pandas_default)):
                    s = score(fn(path), header, body, True)
                    scores[reader].append(s)
                    if reader == "vista":
                        worst.append((s, f"{table}/{name}"))
    results = [Result("ingest pollution", f"{r}: mean score (0-10) over {len(v)} files", sum(v) / len(v), "")
               for r, v in scores.items()]
    for s, label in sorted(worst)[:3]:
        results.append(Result("ingest pollution", f"vista lowest: {label}", s, ""))
    return results
