"""What kind of file is this? Format from the content (never the extension), compression, and
text encoding.

Formats: Parquet (`PAR1`), Excel .xlsx (a zip with `xl/`), zip and gzip archives of a data file,
JSON / JSON Lines, and delimited text. Anything else is refused with a message that says which
formats Vista reads.
"""

from __future__ import annotations

import codecs
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput, UnsupportedType

SUPPORTED = ("CSV or other delimited text (comma, semicolon, tab, pipe...), Excel .xlsx, Parquet, "
             "JSON or JSON Lines, or one of these compressed with gzip or zip")
SAMPLE_BYTES = 1 << 20


@dataclass
class Format:
    kind: str  # "parquet", "xlsx", "zip", "gzip", "json", "jsonl", "text"
    encoding: str | None = None


def _unsupported(what: str) -> UnsupportedType:
    return UnsupportedType(f"{what} Vista reads {SUPPORTED}.")


def detect_encoding(sample: bytes) -> str:
    """The text encoding of `sample` (a file's first bytes)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                      (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if sample.startswith(bom):
            return name
    if len(sample) >= 8:
        # UTF-16 without a byte order mark: ASCII text has a NUL in every other byte.
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
            return "utf-16-be"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        if e.start >= len(sample) - 3 and len(sample) >= SAMPLE_BYTES - 4:
            return "utf-8"  # the sample cut a character in two
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:200_000]).best()
    name = (best.encoding if best else "cp1252").lower().replace("_", "-")
    single_byte_latin = name.startswith(("cp125", "iso-8859", "latin", "mac-", "windows-125"))
    if single_byte_latin and name != "cp1252":
        # Short samples cannot tell Western codepages apart; Windows-1252 is by far the most
        # common export encoding, so it wins whenever it decodes the bytes.
        try:
            sample.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    # CP949 is a superset of EUC-KR (Korean Windows exports); cp1252 of latin-1 for text.
    return {"euc-kr": "cp949", "iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "utf-8"}.get(name, name)


def looks_binary(text: str) -> bool:
    """Too many control characters for a text table."""
    if not text:
        return False
    controls = sum(1 for c in text[:100_000] if ord(c) < 32 and c not in "\t\n\r\f\v")
    return controls > 0.01 * min(len(text), 100_000) or "\x00" in text[:100_000]


def detect_format(path: Path) -> Format:
    """The format of the file at `path`, from its content."""
    size = path.stat().st_size
    if size == 0:
        raise InvalidInput("The file is empty.")
    with open(path, "rb") as f:
        head = f.read(SAMPLE_BYTES)
    if head.startswith(b"PAR1"):
        return Format("parquet")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            raise _unsupported("This file looks like a zip archive but is damaged.") from None
        if any(n.startswith("xl/") for n in names) and "[Content_Types].xml" in names:
            return Format("xlsx")
        return Format("zip")
    if head.startswith(b"\x1f\x8b"):
        return Format("gzip")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedType("This is an old Excel .xls (or another Office) file. Save it as .xlsx or "
                              "CSV and upload that.")
    for magic, what in ((b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"),
                        (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
                        (b"SQLite format 3", "a SQLite database"), (b"BZh", "a bzip2 archive"),
                        (b"\xfd7zXZ", "an xz archive"), (b"7z\xbc\xaf", "a 7-Zip archive")):
        if head.startswith(magic):
            raise _unsupported(f"This file is {what}, not a table.")
    encoding = detect_encoding(head)
    try:
        text = head.decode(encoding, errors="strict")
    except UnicodeDecodeError:
        text = head[: len(head) - 4].decode(encoding, errors="replace")
    except LookupError:
        encoding = "cp1252"
        text = head.decode(encoding, errors="replace")
    if looks_binary(text):
        raise _unsupported("This file does not contain text or a known table format.")
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in "[{":
        first = stripped.split("\n", 1)[0].strip()
        if stripped[:1] == "{":
            try:
                json.loads(first)
                lines = [ln for ln in stripped.splitlines()[:3] if ln.strip()]
                if len(lines) > 1:
                    json.loads(lines[1])
                    return Format("jsonl", encoding)
            except ValueError:
                pass
        return Format("json", encoding)
    return Format("text", encoding)
