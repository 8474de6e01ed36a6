"""Dialects neither columnar parser reads as written, rewritten before parsing, streamed in
bounded memory.

Two conventions are common in real exports:

- **Database dumps' backslash escapes** without quotes (MySQL `SELECT ... INTO OUTFILE`,
  PostgreSQL `COPY ... TO` in text format): `\\N` for NULL, `\\\\` for a backslash, `\\n` `\\t`
  `\\r` for a line break, tab or return (PostgreSQL), a backslash before a real line break, tab
  or delimiter (MySQL). Arrow's and DuckDB's parsers both take a backslash as an escape outside
  quotes (the escaped character is kept, so `\\<tab>` is a tab in the cell and `\\<line break>` a
  line break), but read `\\N` as `N` and `\\n` as `n`. So the file is rewritten byte for byte, in
  blocks, with `bytes.replace` (C speed, no Python per cell): `\\\\` set aside, `\\N` removed (an
  empty cell), `\\n` `\\t` `\\r` turned into a backslash before the real character, `\\0`
  removed, `\\\\` put back; then either parser reads it with the backslash as its escape.
- **Quoted cells padded with spaces around their quotes** (`1, "Smith, John" ,x`): both parsers
  take a quote after a space for text, and split the cell at its comma; DuckDB's takes the spaces
  after a closing quote but not before an opening one. Whether a quote opens a cell depends on
  everything before it in the record, so this rewrite runs Python's csv module (C speed:
  `writerows` over the reader) over the text, into a standard CSV, a few megabytes at a time.

Either way, every later step reads the rewritten file the usual way, so the table is the same at
every file size.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import dialect as dl

#: Bytes of the source read (or rows gathered) at a time: memory stays bounded by a few of these.
BLOCK = 8 << 20
#: Stand-in for an escaped backslash while the other escapes are rewritten (a control byte never
#: reaches here: such files are refused as binary).
_BACKSLASH = b"\x01"
_DUMP_ESCAPES = (
    (b"\\\\", _BACKSLASH),
    (b"\\N", b""),
    (b"\\n", b"\\\n"),
    (b"\\t", b"\\\t"),
    (b"\\r", b"\\\r"),
    (b"\\0", b""),
    (_BACKSLASH, b"\\\\"),
)


def needed(d: dl.Dialect) -> bool:
    return d.padded_quotes or d.text_escapes


def rewrite(src: Path, dst: Path, d: dl.Dialect, progress: Any) -> dl.Dialect:
    """Write `src` (UTF-8 text in dialect `d`) to `dst` in a dialect both parsers read as
    written; returns that dialect."""
    if d.text_escapes:
        return _unescape(src, dst, d, progress)
    return _unpad(src, dst, d, progress)


def _unescape(src: Path, dst: Path, d: dl.Dialect, progress: Any) -> dl.Dialect:
    total = src.stat().st_size
    done = 0
    carry = b""
    with open(src, "rb") as f, open(dst, "wb") as out:
        while block := f.read(BLOCK):
            done += len(block)
            block = carry + block
            # a run of backslashes at the end of the block may pair with what follows: it goes on
            # with the next block
            cut = len(block.rstrip(b"\\"))
            if cut < len(block) and done < total:
                block, carry = block[:cut], block[cut:]
            else:
                carry = b""
            for sequence, replacement in _DUMP_ESCAPES:
                block = block.replace(sequence, replacement)
            out.write(block)
            progress.update("decoding", done, total)
        if carry:
            for sequence, replacement in _DUMP_ESCAPES:
                carry = carry.replace(sequence, replacement)
            out.write(carry)
    return dl.Dialect(d.delimiter, None, "\\", doublequote=False)


def _unpad(src: Path, dst: Path, d: dl.Dialect, progress: Any) -> dl.Dialect:
    total = src.stat().st_size
    with (
        open(src, encoding="utf-8", errors="replace", newline="") as f,
        open(dst, "w", encoding="utf-8", newline="") as out,
    ):
        seen = [0]  # characters read (about the bytes read, for progress and the block size)
        reader = csv.reader(
            _lines(f, seen),
            delimiter=d.delimiter,
            quotechar=d.quotechar or '"',
            escapechar=d.escapechar,
            doublequote=d.doublequote,
            skipinitialspace=True,
            strict=False,
        )
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=d.delimiter, quotechar='"', doublequote=True, lineterminator="\n")
        while True:
            # rows up to about BLOCK characters of the source at a time (wide rows or long
            # cells: fewer rows), so memory does not grow with the width of the table
            limit = seen[0] + BLOCK
            rows = list(_until(reader, seen, limit))
            if not rows:
                break
            writer.writerows(rows)
            out.write(buffer.getvalue())
            buffer.seek(0)
            buffer.truncate()
            progress.update("decoding", min(seen[0], total), total)
    return dl.Dialect(d.delimiter, '"', None, doublequote=True)


def _lines(f: Any, seen: list[int]) -> Iterator[str]:
    for line in f:
        seen[0] += len(line)
        yield line


def _until(reader: Iterator[list[str]], seen: list[int], limit: int) -> Iterator[list[str]]:
    while seen[0] < limit:
        try:
            yield next(reader)
        except StopIteration:
            return
