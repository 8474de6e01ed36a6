"""What kind of file is this? Format from the content (never the extension), compression, and
text encoding.

Formats: Parquet (`PAR1`), Excel .xlsx (a zip with `xl/`), zip and gzip archives of a data file,
JSON / JSON Lines, and delimited text. Anything else is refused with a message that says which
formats Vista reads.
"""

from __future__ import annotations

import codecs
import functools
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput, UnsupportedType

SUPPORTED = (
    "CSV or other delimited text (comma, semicolon, tab, pipe...), Excel .xlsx, Parquet, "
    "JSON or JSON Lines, or one of these compressed with gzip or zip"
)
SAMPLE_BYTES = 1 << 20
#: Bytes read from the end of a large file (footer notes, late types, encoding).
TAIL_BYTES = 256 << 10


@dataclass
class Format:
    kind: str  # "parquet", "xlsx", "zip", "gzip", "json", "jsonl", "text"
    encoding: str | None = None
    #: The encoding was a close call between readings (the dataset card says so).
    doubtful: bool = False


def _unsupported(what: str) -> UnsupportedType:
    return UnsupportedType(f"{what} Vista reads {SUPPORTED}.")


#: Legacy encodings tried, in order of preference when they read a sample equally well.
LEGACY_ENCODINGS = (
    "cp949",
    "cp932",
    "euc-jp",
    "gb18030",
    "big5",
    "cp1251",
    "koi8-r",
    "cp1252",
    "cp1250",
    "iso-8859-1",
    "mac-roman",
)
_SCRIPTS = ("HANGUL", "CJK", "HIRAGANA", "KATAKANA", "CYRILLIC", "LATIN", "GREEK", "ARABIC", "HEBREW", "THAI")


@functools.lru_cache(maxsize=65536)
def _script(ch: str) -> str | None:
    import unicodedata

    if not unicodedata.category(ch).startswith("L"):
        return None
    name = unicodedata.name(ch, "")
    if name.startswith("HALFWIDTH KATAKANA"):
        return "CJK"
    for script in _SCRIPTS:
        if name.startswith(script):
            return "CJK" if script in ("HIRAGANA", "KATAKANA") else script
    return "OTHER"


#: Each East Asian standard ranks its characters: GB2312 level 1 (lead bytes B0-D7: the 3,755
#: commonest Chinese characters), JIS X 0208 level 1 (Shift-JIS lead bytes 88-98: the 2,965
#: commonest kanji), Big5's frequent characters (A4-C6) and the 2,350 Hangul syllables of
#: KS X 1001 (EUC-KR B0-C8). Real text is made mostly of such characters; the same bytes read in
#: a sibling encoding (Shift-JIS read as GB18030: "搒摴晎導" for "都道府県") mostly are not.
_COMMON_TIERS = (("gb2312", 0xB0, 0xD7), ("shift_jis", 0x88, 0x98), ("big5", 0xA4, 0xC6), ("euc-kr", 0xB0, 0xC8))


@functools.lru_cache(maxsize=65536)
def _common_cjk(ch: str) -> bool:
    """Whether an ideograph or Hangul syllable is among the common ones of some East Asian
    standard; kana always are."""
    if "\u3040" <= ch <= "\u30ff":
        return True
    for encoding, low, high in _COMMON_TIERS:
        try:
            b = ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and low <= b[0] <= high:
            return True
    return False


_EDGE_SIGNS = "…•‰†‡°±×÷«»‹›§©®™·¢£¤¥€₩₽₹"


def plausibility(text: str) -> float:
    """How much `text` reads like real writing: the share of its non-ASCII characters that are
    letters inside words of one script (mojibake mixes symbols, accents and scripts inside words),
    minus a heavy penalty for replacement and control characters."""
    import re

    text = text[:32_768]
    # Box-drawing and block characters are what DOS code pages make of accents and of the
    # symbols data headers use (°, ³, µ): "Gas (m³)" read as CP852 is "Gas (m│)"
    bad = text.count("\ufffd") + len(re.findall("[\x80-\x9f\u2500-\u259f]", text))
    good = total = 0

    # CJK punctuation and full-width forms (（）、。・％￥) separate words like ASCII punctuation
    for word in re.findall(
        r"[^\s\d,;|\t\"'.:()\[\]{}<>/=+_\u2018\u2019\u201c\u201d\u2013\u2014"
        r"\u3000-\u303f\u30fb\uff01-\uff20\uff3b-\uff40\uff5b-\uff65\uffe0-\uffee-]+",
        text,
    ):
        # typographic signs at a word's edge ("more…", "°C", "€88", "«text»") are punctuation;
        # inside a word ("Empf‰nger") they are mojibake
        word = word.strip(_EDGE_SIGNS)
        high = [c for c in word if ord(c) > 127]
        if not high:
            continue
        if total > 5_000:
            break
        total += len(high)
        scripts = {_script(c) for c in word if c.isalpha() or ord(c) > 127}
        ascii_letters = any(c.isascii() and c.isalpha() for c in word)
        if None in scripts or len(scripts - {"LATIN"}) > 1 or (ascii_letters and scripts - {"LATIN"}):
            continue
        if _capital_inside(word):
            continue
        if len(word) > 40 and not scripts & {"CJK", "HANGUL", "THAI"}:
            continue  # alphabets write words, not endless runs of letters
        if scripts & {"CJK", "HANGUL"}:
            # ideographs and syllables count as words as far as they are common ones
            good += sum(1 for c in high if _script(c) not in ("CJK", "HANGUL") or _common_cjk(c))
        else:
            good += len(high)
    return _ratio(good, total, bad)


def _capital_inside(word: str) -> bool:
    """A non-ASCII capital inside a word next to a lower-case letter ("EmpfŠnger", "BŠckerei",
    "SŸd", "cafÈ" for "Empfänger", "Bäckerei", "Süd", "café"): real words almost never have one
    (all-capital words have no lower-case neighbour); text read with a wrong single-byte code page
    often does."""
    for i in range(1, len(word)):
        c = word[i]
        if c.isupper() and not c.isascii() and (word[i - 1].islower() or word[i + 1 : i + 2].islower()):
            return True
    return False


def _ratio(good: int, total: int, bad: int) -> float:
    if total == 0:
        return 1.0 - bad
    return good / total - 10 * bad / max(total, 1)


def cut_at_line(sample: bytes, *, head: bool = True) -> bytes:
    """`sample` cut at a line break, so no character is split (a newline byte is never part of a
    multi-byte character in UTF-8, CP949, Shift-JIS, GB18030 or the single-byte encodings)."""
    if head:
        end = sample.rfind(b"\n")
        return sample[: end + 1] if end > 0 else sample
    start = sample.find(b"\n")
    return sample[start + 1 :] if 0 <= start < len(sample) - 1 else sample


def detect_encoding(sample: bytes, *, complete: bool = False) -> str:
    """The text encoding of `sample` (a file's first bytes, or the whole file when `complete`)."""
    return guess_encoding(sample, complete=complete)[0]


def _utf8(data: bytes) -> bool:
    """Whether `data` is valid UTF-8 (as `bytes.decode` says), by Arrow's validation: several
    times faster than decoding a sample with some non-ASCII characters into a `str`."""
    import numpy as np
    import pyarrow as pa

    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int64))
    try:
        pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(data)]).cast(pa.large_string())
    except pa.ArrowInvalid:
        return False
    return True


def guess_encoding(sample: bytes, *, complete: bool = False) -> tuple[str, bool]:
    """(encoding, doubtful) for `sample`: byte order marks, then UTF-8, then the legacy encoding
    under which the sample reads most plausibly. `doubtful` when two readings are nearly as good
    or none is good."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if sample.startswith(bom):
            return name, False
    if len(sample) >= 8 and b"\x00" in sample:
        # UTF-16 without a byte order mark: ASCII text has a NUL in every other byte.
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
            return "utf-16-le", False
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
            return "utf-16-be", False
    body = sample if complete else cut_at_line(sample)
    if body.isascii() or _utf8(body):
        return "utf-8", False  # checked without decoding: ASCII is UTF-8
    try:
        body.decode("utf-8")
        return "utf-8", False
    except UnicodeDecodeError as e:
        if not complete and e.start >= len(body) - 3 and e.reason == "unexpected end of data":
            return "utf-8", False  # a sample with no line break, cut inside a character
    from charset_normalizer import from_bytes

    # charset-normalizer weighs letter frequencies per language (it tells Korean from Chinese);
    # our plausibility check refuses readings that are mojibake (symbols and accents inside words).
    # The evidence is in the lines with non-ASCII bytes: up to 64 KB of them, whole lines only.
    evidence, kept = [], 0
    for line in body.splitlines(keepends=True):
        if kept > 64 << 10:
            break
        if max(line, default=0) > 127:
            evidence.append(line)
            kept += len(line)
    body = b"".join(evidence) or body[: 64 << 10]
    matches = list(from_bytes(body))
    named = [_normal(m.encoding) for m in matches]
    decoded: dict[str, str] = {}

    def score(name: str) -> float:
        if name not in decoded:
            try:
                decoded[name] = body.decode(name, errors="replace")
            except LookupError:
                decoded[name] = "\ufffd" * 100
        return plausibility(decoded[name])

    best_plausible = max(LEGACY_ENCODINGS, key=lambda n: (score(n), -LEGACY_ENCODINGS.index(n)))
    top = score(best_plausible)
    # charset-normalizer's order among the readings that are not mojibake
    plausible = [(m, n) for m, n in zip(matches, named) if score(n) >= top - 0.05]
    chosen = plausible[0][1] if plausible else best_plausible
    if chosen in _WESTERN and chosen != "cp1252":
        try:
            body.decode("cp1252")
            # the usual export encoding: wins whenever it reads the bytes as well
            if score("cp1252") >= score(chosen) - 0.02:
                chosen = "cp1252"
        except UnicodeDecodeError:
            pass
    rivals = [
        n
        for m, n in plausible[1:4]
        if not _same_family(n, chosen)
        and abs(m.chaos - plausible[0][0].chaos) < 0.01
        and abs(m.coherence - plausible[0][0].coherence) < 0.02
    ]
    doubtful = score(chosen) < 0.8 or bool(rivals) or not plausible
    if score(chosen) < 0.3:
        # No reading gives words: binary junk, or bytes of an encoding Vista does not know.
        raise InvalidInput(
            "The file's text encoding could not be recognised (too many bytes that are "
            "not valid characters). Save it as UTF-8 and try again."
        )
    return chosen, doubtful


_WESTERN = {
    "cp1252",
    "cp1250",
    "cp1257",
    "iso-8859-1",
    "iso-8859-15",
    "latin-1",
    "mac-roman",
    # DOS and Mac code pages of Latin scripts: they read Windows exports as plausibly
    # ("MŘnchen" in CP852), and such files are far rarer than CP1252 ones
    "cp437",
    "cp850",
    "cp852",
    "cp858",
    "cp775",
    "mac-latin2",
    "mac-iceland",
    "mac-turkish",
}


def _normal(name: str) -> str:
    name = name.lower().replace("_", "-")
    aliases = {
        "euc-kr": "cp949",
        "shift-jis": "cp932",
        "gb2312": "gb18030",
        "gbk": "gb18030",
        "iso8859-1": "iso-8859-1",
        "latin-1": "iso-8859-1",
        "ascii": "utf-8",
        "koi8-r": "koi8-r",
        "big5hkscs": "big5",
        "euc-jp": "euc-jp",
    }
    if name.startswith("iso8859-"):
        name = "iso-8859-" + name.split("-", 1)[1]
    return aliases.get(name, name)


def _same_family(a: str, b: str) -> bool:
    # Western single-byte codepages read ordinary text alike; picking either is not a doubt.
    return a == b or (a in _WESTERN and b in _WESTERN)


def looks_binary(text: str) -> bool:
    """Too many control characters for a text table."""
    if not text:
        return False
    head = text[:100_000]
    # a control character is one byte of the same value in UTF-8 (every other character is
    # none of those bytes): counted by deleting the rest of the bytes, not by a regex per character
    controls = len(head.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL))
    return controls > 0.01 * min(len(text), 100_000) or "\x00" in head


#: Bytes that are not control characters (deleted to count the control characters fast).
_NOT_CONTROL = bytes(range(32, 256)) + b"\t\n\r\f\v"


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
        raise UnsupportedType(
            "This is an old Excel .xls (or another Office) file. Save it as .xlsx or CSV and upload that."
        )
    for magic, what in (
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"SQLite format 3", "a SQLite database"),
        (b"BZh", "a bzip2 archive"),
        (b"\xfd7zXZ", "an xz archive"),
        (b"7z\xbc\xaf", "a 7-Zip archive"),
    ):
        if head.startswith(magic):
            raise _unsupported(f"This file is {what}, not a table.")
    controls = len(head[:100_000].translate(None, _NOT_CONTROL))
    even, odd = head[:100_000:2], head[1:100_000:2]
    wide = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or max(odd.count(0), even.count(0)) > 0.4 * max(
        1, len(odd)
    )  # UTF-16/32: NULs are text here
    if not wide and (b"\x00" in head[:100_000] or controls > 0.01 * min(len(head), 100_000)):
        raise _unsupported("This file does not contain text or a known table format.")
    complete = size <= len(head)
    if not complete and size > 2 * len(head):
        with open(path, "rb") as f:
            f.seek(size - TAIL_BYTES)
            tail = cut_at_line(f.read(), head=False)
    else:
        tail = b""
    encoding, doubtful = guess_encoding(head if not tail else cut_at_line(head) + tail, complete=complete)
    whole = head if complete else cut_at_line(head)
    # What follows looks at the first 100,000 characters and the first lines: a part of the
    # sample is decoded, and the whole of it only when the part is shorter than that or the text
    # may be JSON (whose first record may be longer than the part; "" counts as "[{" here too)
    text = whole[: 128 << 10].decode(encoding, errors="replace")
    if len(whole) > 128 << 10 and (len(text) <= 100_000 or text.lstrip("\ufeff \t\r\n")[:1] in "[{"):
        text = whole.decode(encoding, errors="replace")
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
                    return Format("jsonl", encoding, doubtful)
            except ValueError:
                pass
        return Format("json", encoding, doubtful)
    return Format("text", encoding, doubtful)
