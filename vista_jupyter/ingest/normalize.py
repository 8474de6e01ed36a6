"""Dialects neither columnar parser reads as written, rewritten as plain CSV before parsing.

Two conventions are common in real exports and read by neither Arrow's nor DuckDB's CSV
reader: quoted cells padded with spaces around their quotes (`1, "Smith, John" ,x`: both
parsers take the quote after a space for text, and split the cell at its comma), and the
backslash escapes of database dumps without quotes (MySQL `SELECT ... INTO OUTFILE`, PostgreSQL
`COPY ... TO` in text format: `\\N` for NULL, `\\t` `\\n` `\\\\` and an escaped delimiter `\\,`).
Such a file is streamed once through Python's csv module (C speed: `writerows` over the
reader), which reads both conventions, into a standard CSV that every later step reads the
usual way, so the table is the same at every file size.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import dialect as dl

#: Placeholders for escape sequences while the csv module splits the cells (a NUL or control
#: byte never reaches here: such files are refused as binary).
_BACKSLASH, _NULL, _NEWLINE, _TAB, _RETURN = "\x01", "\x02", "\x03", "\x04", "\x05"
_ESCAPES = (("\\\\", _BACKSLASH), ("\\N", _NULL), ("\\n", _NEWLINE), ("\\t", _TAB), ("\\r", _RETURN), ("\\0", ""))
_RESTORE = ((_BACKSLASH, "\\"), (_NEWLINE, "\n"), (_TAB, "\t"), (_RETURN, "\r"))


def needed(d: dl.Dialect) -> bool:
    return d.padded_quotes or d.text_escapes


def _lines(f: Any, escapes: bool, seen: list[int]) -> Iterator[str]:
    for line in f:
        seen[0] += len(line)
        if escapes and "\\" in line:
            for seq, mark in _ESCAPES:
                line = line.replace(seq, mark)
        yield line


def rewrite(src: Path, dst: Path, d: dl.Dialect, progress: Any) -> dl.Dialect:
    """Write `src` (UTF-8 text in dialect `d`) to `dst` as CSV with the same delimiter and
    doubled quotes; returns the dialect of `dst`."""
    total = src.stat().st_size
    escapes = d.text_escapes
    reader_options: dict[str, Any] = {"delimiter": d.delimiter, "strict": False}
    if escapes:
        reader_options.update(quoting=csv.QUOTE_NONE, escapechar="\\")
    else:
        reader_options.update(
            quotechar=d.quotechar or '"', escapechar=d.escapechar, doublequote=d.doublequote, skipinitialspace=True
        )
    with (
        open(src, encoding="utf-8", errors="replace", newline="") as f,
        open(dst, "w", encoding="utf-8", newline="") as out,
    ):
        seen = [0]  # characters read (about the bytes read, for progress)
        reader = csv.reader(_lines(f, escapes, seen), **reader_options)
        buffer = io.StringIO()
        # Escaped text is written with every cell quoted, so that the line breaks and tabs
        # put back into the cells afterwards stay inside quotes.
        writer = csv.writer(
            buffer,
            delimiter=d.delimiter,
            quotechar='"',
            doublequote=True,
            lineterminator="\n",
            quoting=csv.QUOTE_ALL if escapes else csv.QUOTE_MINIMAL,
        )
        while True:
            rows = list(_take(reader, 20_000))
            if not rows:
                break
            writer.writerows(rows)
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            if escapes:
                # a cell that was `\N` alone is NULL: an empty cell
                text = text.replace(f'"{_NULL}"', "")
                for mark, char in _RESTORE:
                    text = text.replace(mark, char)
                text = text.replace(_NULL, "N")
            out.write(text)
            progress.update("decoding", min(seen[0], total), total)
    return dl.Dialect(d.delimiter, '"', None, doublequote=True)


def _take(reader: Iterator[list[str]], n: int) -> Iterator[list[str]]:
    for _ in range(n):
        try:
            yield next(reader)
        except StopIteration:
            return
