"""Where is the table in a text file? Delimiter, quote and escape characters, then the rows that
form the table: title or preamble lines before it, notes after it, blank lines, the header row
(none, one, or several stacked), and ragged rows.

The dialect is chosen by parsing a sample with each candidate and keeping the one under which the
most rows agree on one width (more than one column), which is what a table is. The table is then
the longest stretch of rows of about that width; short lines around it are preamble or notes.
When blank lines and title lines cut that stretch into several stacked tables, the largest is
the table.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

DELIMITERS = [",", ";", "\t", "|", ":", "^", "~", " "]
_NUMBER = re.compile(r"^[\s$€£¥₩%+-]*\(?-?[\d.,\s]*\d[\d.,\s]*\)?[%]?\s*$")


@dataclass
class Dialect:
    delimiter: str
    #: None: quotes are ordinary characters (a file whose quotes do not pair up).
    quotechar: str | None = '"'
    escapechar: str | None = None
    doublequote: bool = True
    #: Every delimiter is followed by a space (", "): the space belongs to the delimiter.
    skipinitialspace: bool = False
    #: Quoted cells padded with spaces around their quotes (`1,  "a, b" ,c`).
    padded_quotes: bool = False
    #: Backslash escapes in unquoted text, as database dumps write them (`\N` for NULL, `\t`,
    #: `\n`, `\\`, an escaped delimiter `\,`).
    text_escapes: bool = False

    def as_dict(self) -> dict[str, str | None]:
        delimiter = self.delimiter + (" " if self.skipinitialspace else "")
        return {"delimiter": delimiter, "quotechar": self.quotechar, "escapechar": self.escapechar}


def parse(text: str, dialect: Dialect) -> list[list[str]]:
    """Rows of `text` under `dialect` (cells are the original text). Line breaks may be LF, CRLF
    or CR alone."""
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=dialect.delimiter,
        quotechar=dialect.quotechar or "\x00",
        quoting=csv.QUOTE_MINIMAL if dialect.quotechar else csv.QUOTE_NONE,
        escapechar=dialect.escapechar,
        doublequote=dialect.doublequote,
        strict=False,
        skipinitialspace=dialect.delimiter == " " or dialect.skipinitialspace or dialect.padded_quotes,
    )
    rows = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error:
        # a field larger than the csv module allows: the rest is read line by line
        rest = text.splitlines()[reader.line_num :]
        rows += [line.split(dialect.delimiter) for line in rest]
    return rows


def _table_score(rows: list[list[str]]) -> float:
    """How much `rows` look like one or more tables: the share of rows whose width (two cells or
    more) is shared by many rows, weighted so that wider readings count more. Two stacked tables
    of different widths still score as tables; a reading that splits times (`00:15`) or URLs on
    `:` into two steady columns scores lower than the real nine-column reading."""
    widths = _filled_lengths(rows)
    if not widths:
        return 0.0
    counts = Counter(widths)
    total = len(widths)
    score = 0.0
    for width, count in counts.items():
        if width >= 2 and count >= max(2, 0.1 * total):
            score += count / total * min(1.0, 0.4 + width / 10)
    return score


def _split_quotes(rows: list[list[str]], quote: str) -> float:
    """The share of rows where a cell opens a quote it does not close and a later cell closes
    one it did not open: a quoted cell split at a delimiter inside it."""
    split = 0
    for row in rows:
        if not any(quote in cell for cell in row):
            continue  # most rows: no quote to open (a C-level look, not a walk over the cells)
        opened = False
        for cell in row:
            c = cell.strip()
            if not opened and c.startswith(quote) and not (len(c) > 1 and c.endswith(quote)):
                opened = True
            elif opened and c.endswith(quote) and not c.startswith(quote):
                split += 1
                break
    return split / max(1, len(rows))


def _filled_lengths(rows: list[list[str]]) -> list[int]:
    """The number of cells of each row that is not blank (a row's cells joined hold a character
    that is no space exactly when one of its cells does: one C-level look per row)."""
    return [len(r) for r in rows if "".join(r).strip()]


def _modal_share(rows: list[list[str]]) -> float:
    widths = _filled_lengths(rows)
    return Counter(widths).most_common(1)[0][1] / len(widths) if widths else 0.0


def _escape(sample: str, quote: str) -> tuple[str | None, bool]:
    """(escape character, doubled quotes) from the evidence: backslash-escaped quotes against
    doubled quotes inside fields. One odd `\\"` in a file of doubled quotes changes nothing."""
    q = re.escape(quote)
    backslashed = len(re.findall(rf"\\{q}", sample))
    # (both patterns need two quotes in a row: without one, none is counted)
    doubled = len(re.findall(rf"[^\s,;|\t{q}]{q}{q}|{q}{q}[^\s,;|\t{q}]", sample)) if quote * 2 in sample else 0
    if backslashed > doubled:
        return "\\", False
    return None, True


def sniff(sample: str) -> Dialect:
    """The dialect under which the sample looks most like a table."""
    lines = sample.splitlines(keepends=True)
    if len(lines) > 1 and not lines[-1].endswith(("\n", "\r")):
        sample = "".join(lines[:-1])  # the sample may end mid-line
    sample = "".join(sample.splitlines(keepends=True)[:400])
    quote = (
        "'" if sample.count("'") > 2 * sample.count('"') and re.search(r"(^|[,;\t|])'", sample, re.MULTILINE) else '"'
    )
    escapechar, doublequote = _escape(sample, quote)
    best, best_score = Dialect(","), -1.0
    lines = max(1, len(sample.splitlines()))
    scores: dict[str, tuple[float, Dialect]] = {}
    sample_lines = [line for line in sample.splitlines() if line.strip()]
    for delimiter in DELIMITERS:
        # a table's delimiter is on most of its lines: others are not worth a parse
        if sum(delimiter in line for line in sample_lines) < 0.3 * len(sample_lines):
            continue
        if delimiter == " " and any(v[0] >= 0.5 for v in scores.values()):
            continue  # spaces come last, and another character makes a table: dropped below anyway
        # Quotes quote, unless they do not pair up: a stray quote swallows the lines after it
        # into one cell, so the quoted reading has far fewer records than lines.
        readings = []
        dialects = [Dialect(delimiter, quote, escapechar, doublequote=doublequote), Dialect(delimiter, None)]
        other = "'" if quote == '"' else '"'
        if other in sample and re.search(rf"(^|{re.escape(delimiter)}){other}", sample, re.MULTILINE):
            # cells opening with the other quote character: that reading is a candidate too
            # (a log whose single-quoted user agents hold commas, and messages hold '"')
            dialects.append(Dialect(delimiter, other, *_escape(sample, other)))
        if _padded_quotes(sample, dialects[0]):
            # quoted cells with spaces before the quote: read with those spaces skipped too
            dialects.append(Dialect(delimiter, quote, escapechar, doublequote=doublequote, padded_quotes=True))
        for dialect in dialects:
            rows = parse(sample, dialect)
            score = _modal_share(rows) * min(1.0, len(rows) / lines)
            for q in {quote, other} - {dialect.quotechar}:
                # quoted cells cut in two at a delimiter they hold ("13.212 | 40") are no reading
                # (none where the sample has no such quote at all)
                if q in sample:
                    score *= 1.0 - _split_quotes(rows, q)
            readings.append((score, dialect.quotechar is not None, dialect, rows))
        # ties go to quotes, and to padded quotes when the sample shows them
        _, _, dialect, rows = max(readings, key=lambda r: (round(r[0], 6), r[1], r[2].padded_quotes))
        scores[delimiter] = (_table_score(rows), dialect)
    # Spaces also separate words inside cells and pad cells ("a , b"): they are the delimiter
    # only when no other character makes a table.
    real = {d: v for d, v in scores.items() if d != " "}
    if real and max(v[0] for v in real.values()) >= 0.5:
        scores = real
    # A table separated by spaces is regular: every line splits into the same number of cells
    # (free text split at its words, e.g. one column of names or addresses, is not).
    if " " in scores and _modal_share(parse(sample, scores[" "][1])) < 0.9:
        del scores[" "]
    # A character found mostly between two digits (`39,121`, `00:15`) is a decimal mark, a group
    # separator or a time's colon, not the delimiter, when another character makes a table too
    # (a ';' file with decimal commas has steady comma counts on every line).
    between = {d: _between_digits(sample, d) for d in scores}
    scores = {
        d: v
        for d, v in scores.items()
        if between[d] < 0.95 or not any(between[o] <= between[d] - 0.25 and scores[o][0] >= 0.5 for o in scores)
    }
    for delimiter, (score, dialect) in scores.items():
        if delimiter == " ":
            score *= 0.8
        if score > best_score + 1e-9:
            best, best_score = dialect, score
    if best_score <= 0:
        # No reading gives two rows of one width (a single line, e.g. a header alone): the
        # delimiter is the one the first line has most of; spaces do not count here.
        first = sample.splitlines()[0] if sample.strip() else ""
        counts = [(first.count(d), d) for d in DELIMITERS if d != " " and first.count(d)]
        best = Dialect(max(counts)[1] if counts else ",", quote, escapechar, doublequote=doublequote)
    # ", " (a comma and a space): when every delimiter has a space after it, the space belongs to
    # the delimiter, so quoted fields after it are still quoted fields.
    if best.delimiter != " ":
        plain = re.sub(r'"[^"]*"', "x", sample) if best.quotechar == '"' else sample
        count = plain.count(best.delimiter)
        if count and plain.count(best.delimiter + " ") == count:
            best.skipinitialspace, best.padded_quotes = True, False
        if not best.skipinitialspace and not best.padded_quotes:
            _text_escapes(sample, best)
    return best


def _between_digits(sample: str, delimiter: str) -> float:
    """The share of the delimiter's occurrences that have a digit on both sides."""
    count = sample.count(delimiter)
    if not count or delimiter == " ":
        return 0.0
    d = re.escape(delimiter)
    # the delimiter first, then the digit behind it (a pattern that starts with a literal is
    # looked for at C speed, one that starts with a look-behind is tried at every position)
    return len(re.findall(rf"{d}(?<=\d{d})(?=\d)", sample)) / count


def _padded_quotes(sample: str, d: Dialect) -> bool:
    """Whether quoted cells are padded with spaces before their opening quote (`,  "a, b" ,`):
    a quote after a delimiter and spaces that closes, after more text, before spaces and the
    next delimiter or the line's end, on at least two lines (a cell that only starts with a
    space and a quoted word, `, "ok" he said`, does not close so)."""
    q, dm = re.escape(d.quotechar or '"'), re.escape(d.delimiter)
    # a quote after a delimiter (or a line's start: any break `splitlines` cuts at) and spaces:
    # without one anywhere, no line can match below
    quote = d.quotechar or '"'
    if " " + quote not in sample and "\t" + quote not in sample:
        return False  # no quote right after a space or a tab (looked for at C speed)
    if not re.search(rf"(?:^|{dm}|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029])[ \t]+{q}", sample):
        return False
    padded = re.compile(rf"(?:^|{dm})[ \t]+{q}(?:[^{q}]|{q}{q})*{q}[ \t]*(?:{dm}|$)", re.MULTILINE)
    return sum(1 for line in sample.splitlines() if padded.search(line)) >= 2


#: After a backslash in a dump: itself, NULL, the usual control letters, a quote, a line break.
_DUMP_ESCAPED = set("\\Nntr0bfvZ'\"\n\r")


def _text_escapes(sample: str, d: Dialect) -> None:
    r"""Database dumps without quotes escape with backslashes (MySQL `INTO OUTFILE`, PostgreSQL
    `COPY` text): `\N` cells, escaped delimiters, doubled backslashes, and no quoted cells. Any
    other backslash (`C:\Users`) means the backslashes are text."""
    q = re.escape(d.quotechar or '"')
    dm = re.escape(d.delimiter)
    if re.search(rf"(?:^|{dm}){q}", sample, re.MULTILINE) or "\\" not in sample:
        return
    allowed = _DUMP_ESCAPED | {d.delimiter}
    strong = 0
    for match in re.finditer(r"\\(.|\n|$)", sample.replace("\\\\", ""), re.MULTILINE):
        after = match.group(1)
        if after not in allowed:
            return
        strong += after in ("N", d.delimiter)
    strong += sample.count("\\\\")
    if strong >= 2:
        d.quotechar, d.escapechar, d.doublequote, d.text_escapes = None, "\\", False, True


def _is_number(cell: str) -> bool:
    # the pattern needs a digit, so a blank cell never matches
    return _NUMBER.match(cell) is not None


def _numeric_counts(rows: list[list[str]], width: int) -> list[int]:
    """Per column (of `width`): how many of `rows` hold a number there. Column by column with
    C-level `map` (wide files have 10,000 columns: a Python call per cell cost half a second)."""
    counts = [0] * width
    even = [r for r in rows if len(r) >= width]
    if even:
        for j, column in enumerate(zip(*(r[:width] for r in even))):
            counts[j] = len(column) - list(map(_NUMBER.match, column)).count(None)
    for r in rows:
        if len(r) < width:
            for j, cell in enumerate(r):
                counts[j] += _NUMBER.match(cell) is not None
    return counts


def filled_width(row: list[str]) -> int:
    """Cells up to the last non-blank one (0 for a blank row)."""
    for j in range(len(row) - 1, -1, -1):
        if row[j].strip():
            return j + 1
    return 0


def _empty(row: list[str]) -> bool:
    # stops at the first cell with text (most rows: the first)
    return not any(map(str.strip, row))


@dataclass
class Layout:
    """Which parsed rows are the header(s) and the data."""

    header_rows: list[int]
    first: int  # first data row
    last: int  # last data row (inclusive)
    width: int
    #: Another table follows this one: the rows after `last` are not records.
    ends_before_another: bool = False
    #: Tables found stacked in the rows (the largest is this one).
    tables: int = 1
    #: Patterns of the page furniture lines repeated in the data (`page_banners`).
    banners: list[str] = field(default_factory=list)


#: Rows below a candidate header that `_header_like` looks at (the first non-blank ones).
BELOW = 60


def _filled_rows(rows: list[list[str]], start: int, stop: int, limit: int = BELOW) -> list[list[str]]:
    """The first `limit` non-blank rows of `rows[start:stop]` (what `_header_like` looks at: the
    rest of a table of thousands of sample rows is not walked for it)."""
    return list(itertools.islice((r for r in itertools.islice(rows, start, stop) if not _empty(r)), limit))


def _header_like(row: list[str], data: list[list[str]]) -> bool:
    """A row whose cells are names where the data below has numbers, or all distinct labels."""
    cells = [c.strip() for c in row]
    filled = [c for c in cells if c]
    if not filled:
        return False
    below = [r for r in data[:BELOW] if not _same(r, row)][:50]  # a header repeated below is no evidence
    years = _year_names(cells, below)
    if sum(_is_number(c) for j, c in enumerate(cells) if c and j not in years) > 0.5 * len(filled):
        return False
    counts = _numeric_counts(below, len(cells)) if below else []
    numeric_cols = [j for j, n in enumerate(counts) if n >= 0.8 * len(below)]
    if any(cells[j] for j in numeric_cols):
        named = sum(1 for j in numeric_cols if cells[j] and (j in years or not _is_number(cells[j])))
        return named >= 0.5 * len(numeric_cols)
    # A blank over every column of numbers says nothing either way: R's write.csv heads its row
    # numbers with "" over a table that may be all text ("", class, age, sex, survived); the
    # text columns decide, as in an all-text table
    # All-text tables: a header has no repeats and differs from the rows below
    if len(set(filled)) != len(filled):
        return False
    text = [j for j in range(len(cells)) if j not in numeric_cols]  # (all of them without numbers)
    if any([r[j].strip() if j < len(r) else "" for j in text] == [cells[j] for j in text] for r in below):
        return False
    # ... and is unlike the values below it. Digits are the mark names almost never have: a first
    # row with digits over a column whose values all have them (addresses, codes mixed with
    # text) is a record, unless another mark sets it apart. Without such evidence the first row
    # stays the header ("Name" over "Alice", "Bob" cannot be told from "Alice" over "Bob").
    apart, alike, columns = False, 0, 0
    for j, cell in enumerate(cells):
        column = [r[j].strip() for r in below if j < len(r) and r[j].strip()]
        if len(column) < 5 or not cell:
            continue
        columns += 1
        for k, mark in enumerate(_MARKS):
            share = sum(map(mark, column)) / len(column)
            if (share >= 0.9 and not mark(cell)) or (share <= 0.1 and mark(cell)):
                apart = True
            elif k == 0 and share >= 0.8 and mark(cell):
                alike += 1
    return apart or not columns or alike < columns


def _year_names(cells: list[str], below: list[list[str]]) -> set[int]:
    """The cells of a wide table's header that name years ("state, 2019, 2020, 2021", as
    statistics offices publish): three or more side by side, whole years one step apart (the same
    step throughout), over columns whose values below are not years. A row of data has no such
    run; a header of years has little else to tell it by (its other cells may be few)."""

    def year(c: str) -> int | None:
        return int(c) if c.isdigit() and len(c) == 4 and 1800 <= int(c) <= 2100 else None

    found: set[int] = set()
    run: list[int] = []
    for j in range(len(cells) + 1):
        y = year(cells[j]) if j < len(cells) else None
        if run and y is not None:
            step = y - year(cells[run[-1]])
            first = year(cells[run[1]]) - year(cells[run[0]]) if len(run) > 1 else step
            if step != 0 and abs(step) <= 10 and step == first:
                run.append(j)
                continue
        if len(run) >= 3:
            found.update(run)
        run = [j] if y is not None else []
    for j in list(found):
        column = [r[j].strip() for r in below if j < len(r) and r[j].strip()]
        if not column or sum(year(v) is not None for v in column) >= 0.5 * len(column):
            found.discard(j)  # years over years: a row of data
    return found if len(found) >= 3 else set()


def _has_digit(v: str) -> bool:
    return any(c.isdigit() for c in v)


#: Marks a cell's text has or not, which a column's values tend to share and its name does not
#: (digits first: the only one that is evidence of a record on its own).
_MARKS = (
    _has_digit,
    lambda v: " " in v,
    lambda v: any(not c.isalnum() and not c.isspace() for c in v),
)


def _tables(
    rows: list[list[str]],
    widths: list[int],
    first: int,
    last: int,
    fits: Callable[[int], bool],
    paged: set[int] = frozenset(),  # type: ignore[assignment]
) -> list[tuple[int, int]]:
    """The run of rows `first..last` cut into the tables stacked in it. A blank line separates
    two tables when what follows it does not go on with the table above: a title line (`Detail`,
    `Totals by group`) or a block of another width. A title line followed by the header repeated
    (a page break: blank, `Page 2`, the header again) goes on with the same table, and so does a
    block after a page banner (`paged`: the rows that are one)."""
    blocks: list[list[int]] = [[]]
    after_banner: set[int] = set()  # blocks (by their first row) with a page banner before them
    banner = False
    for i in range(first, last + 1):
        if widths[i] == 0:
            if blocks[-1]:
                blocks.append([])
            banner = banner or i in paged
        else:
            if not blocks[-1] and banner:
                after_banner.add(i)
            banner = False
            blocks[-1].append(i)
    blocks = [b for b in blocks if b]
    if len(blocks) < 2:
        return [(first, last)]

    def modal(block: list[int]) -> int:
        counts = Counter(widths[i] for i in block)
        return max(counts, key=lambda w: (counts[w], w))

    def head(block: list[int]) -> int | None:  # the block's first row that fits the table
        return next((i for i in block if fits(i)), None)

    tables = [[blocks[0]]]
    for prev, block in zip(blocks, blocks[1:]):
        opening = head(block)
        apart = not fits(block[0]) or (len(prev) > 1 and len(block) > 1 and modal(prev) != modal(block))
        start = head(tables[-1][0])
        if apart and opening is not None and start is not None and _same(rows[opening], rows[start]):
            apart = False  # the table's first row (its header) again: a new page of the same table
        if block[0] in after_banner:
            apart = False  # a page banner between them: the next page of the same table
        if apart:
            tables.append([block])
        else:
            tables[-1].append(block)
    spans = []
    for table in tables:
        rows_in = [i for b in table for i in b]
        start = next((i for i in rows_in if fits(i)), None)
        if start is not None:
            spans.append((start, rows_in[-1]))
    return spans or [(first, last)]


def layout(rows: list[list[str]], complete: bool = True) -> Layout:
    """Find the table in parsed rows: the largest of the tables they hold. With `complete`
    False the rows are the start of a longer text, and a table that runs to their end goes
    on (it is the largest)."""
    # A row's width counts up to its last non-empty cell: spreadsheet exports pad titles and
    # notes with delimiters ("Report;;;"), which must not make them look like table rows.
    widths = [len(r) if r and r[-1].strip() else filled_width(r) for r in rows]  # most rows: their length
    # Page banners ("Page 3 of 12", "- 3 -") repeated through the data are no rows of the
    # table: laid out like blank lines, so a page break does not cut the table in two.
    banners = page_banners(rows)
    paged: set[int] = set()
    if banners:
        banner = banner_matcher(banners)
        paged = {i for i, (r, w) in enumerate(zip(rows, widths)) if w and is_banner(r, banner)}
        widths = [0 if i in paged else w for i, w in enumerate(widths)]
    # Comment lines ("# generated 2024-06-03", "# Angaben in Mio. EUR, sofern ...") are notes
    # whatever their width, unless many rows start so (then "#" starts values: "#1", "#FF0000")
    # (a C-level look for "#" in each first cell first: most files have none)
    hashed = [i for i, r in enumerate(rows) if r and "#" in r[0]]
    comments = {i for i in hashed if widths[i] and rows[i][0].lstrip().startswith("#")}
    if 0 < len(comments) < 0.2 * sum(1 for w in widths if w):
        widths = [min(w, 1) if i in comments else w for i, w in enumerate(widths)]
    nonempty = [w for w in widths if w]
    if not nonempty:
        return Layout([], 0, -1, 0)
    counts = Counter(nonempty)
    width = max(counts, key=lambda w: (counts[w] * (w > 1 or len(counts) == 1), w))

    # ragged rows: a little shorter or longer than the table still belong to it
    least = max(2, width - max(1, width // 3))
    fitting = [w >= least or (width == 1 and w == 1) for w in widths]
    fits = fitting.__getitem__  # whether row i fits the table (one look-up, not a call per row)

    # the longest run of fitting rows (blank lines inside the table are skipped, not breaks)
    def resumes(i: int) -> bool:
        # a stray short row inside the table (a broken record) does not end it if the table
        # goes on right after
        return any(fits(k) for k in range(i + 1, min(i + 3, len(rows))))

    best = (0, -1)
    start = None
    for i in range(len(rows) + 1):
        if i < len(rows) and (fits(i) or (start is not None and (widths[i] == 0 or resumes(i)))):
            if start is None:
                start = i
            continue
        if start is not None:
            end = i - 1
            while end >= start and widths[end] == 0:
                end -= 1
            if end - start > best[1] - best[0]:
                best = (start, end)
            start = None
    first, last = best
    if last < first:
        return Layout([], 0, -1, width)
    tables = _tables(rows, widths, first, last, fits, paged)
    ends_before_another = False
    if len(tables) > 1:

        def size(span: tuple[int, int]) -> float:
            if not complete and span[1] == last and last >= len(rows) - 2:
                return float("inf")
            return sum(1 for i in range(span[0], span[1] + 1) if widths[i])

        chosen = max(tables, key=lambda t: (size(t), t[0]))
        ends_before_another = chosen[1] < tables[-1][1]
        first, last = chosen
        counts = Counter(widths[i] for i in range(first, last + 1) if widths[i])
        width = max(counts, key=lambda w: (counts[w], w))

    # the table's first non-blank rows (`len(body) > 3` and `_header_like` need no more)
    body = _filled_rows(rows, first, last + 1)
    headers: list[int] = []

    def rest(i: int) -> list[list[str]]:
        return _filled_rows(rows, i + 1, last + 1)

    second = first + 1
    while second <= last and _empty(rows[second]):
        second += 1
    # a group row over a header row ("2023, , 2024," over "Sales, Units, Sales, Units"): the group
    # row has gaps (merged cells) and may hold numbers such as years
    if (
        second <= last
        and len(body) > 3
        and any(not c.strip() for c in rows[first])
        and not _header_like(rows[first], rest(first))
        and _header_like(rows[second], rest(second))
        and sum(not c.strip() for c in rows[second]) < sum(not c.strip() for c in rows[first])
    ):
        headers = [first, second]
        first = second + 1
    # a header inside the run
    elif body and _header_like(rows[first], rest(first)):
        headers = [first]
        first += 1
        # a second stacked header row (e.g. "2023 | | 2024" over "Sales | Units | Sales | Units")
        while first <= last and _empty(rows[first]):
            first += 1
        if (
            first <= last
            and _header_like(rows[first], rest(first))
            and any(not c.strip() for c in rows[headers[0]])
            and len(body) > 3
        ):
            headers.append(first)
            first += 1
    elif first > 0:
        # a header just above the run that is a bit shorter (e.g. a missing trailing name)
        above = first - 1
        while above >= 0 and widths[above] == 0:
            above -= 1
        if above >= 0 and widths[above] >= max(2, width - 1) and _header_like(rows[above], body):
            headers = [above]
    while first <= last and (_empty(rows[first]) or (headers and _same(rows[first], rows[headers[-1]]))):
        first += 1  # blank lines, and the header line repeated (exports that print it twice)
    return Layout(headers, first, last, width, ends_before_another, len(tables), banners)


_DIGITS = re.compile(r"\d+")


def page_banners(rows: list[list[str]]) -> list[str]:
    """Patterns (regular expressions over a cell's trimmed text) of page furniture: the banner a
    printed report repeats on every page ("Page 3", "Page 3 of 12", "- 3 -", "3 / 12 페이지",
    "Seite 3 von 12"), exported with the data. What marks it is the file itself, not a word
    list: a line with one cell, in a table of several columns, whose text recurs with only its
    numbers changed (or recurs unchanged three times or more), and which no column of the table's
    rows holds (a record with one cell filled, "Kim,,,", has a name like its column's names).
    Such lines are left out of the data wherever they are, at every file size."""
    singles: dict[str, list[tuple[int, str]]] = {}
    full: list[list[str]] = []
    for r in rows:
        if len(r) > 1 and r[0].strip() and r[1].strip():
            full.append(r)  # most rows: their first two cells filled
            continue
        # the first two filled cells (wide rows are not walked)
        found = None
        several = False
        for j, c in enumerate(r):
            if c.strip():
                if found is not None:
                    several = True
                    break
                found = j
        if several:
            full.append(r)
        elif found is not None:
            text = r[found].strip()
            if banner_candidate(text):
                singles.setdefault(banner_template(text), []).append((found, text))
    if len(full) < 4:
        return []
    patterns = []
    for template, found in singles.items():
        if not recurs_as_banner(template, len({t for _, t in found}), len(found), len(full) + len(found)):
            continue
        columns = {j for j, _ in found}
        if any(j < len(r) and _DIGITS.sub("\x00", r[j].strip()) == template for r in full[:2000] for j in columns):
            continue
        patterns.append(banner_pattern(template))
    return patterns


def banner_candidate(text: str) -> bool:
    """Whether a one-cell line's trimmed text could be a banner (short, no comment)."""
    return len(text) <= 80 and not text.startswith("#")


def recurs_as_banner(template: str, distinct: int, count: int, lines: int) -> bool:
    """Whether the one-cell lines sharing `template` (`count` of them, `distinct` texts, among
    `lines` lines) recur as page furniture: numbered and seen twice, or the same text three
    times, and not a quarter of the lines (then they are a column of the data)."""
    numbered = "\x00" in template and distinct > 1
    return (numbered and count >= 2 or count >= 3) and count <= 0.25 * lines


def banner_template(text: str) -> str:
    """A one-cell line's text with its numbers taken out: banners of one kind share it."""
    return _DIGITS.sub("\x00", text)


def banner_pattern(template: str) -> str:
    """The regular expression (Python's `re` and RE2 alike) of the lines with `template`."""
    return "^" + r"\d+".join(_escape_text(p) for p in template.split("\x00")) + "$"


def _escape_text(text: str) -> str:
    # ASCII punctuation escaped, everything else literal: the same pattern for Python's `re`
    # and for RE2 (Arrow's kernels), which refuses some of `re.escape`'s escapes
    return "".join("\\" + c if c.isascii() and not c.isalnum() and not c.isspace() else c for c in text)


def banner_matcher(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def is_banner(row: list[str], matcher: re.Pattern[str]) -> bool:
    cells = [c.strip() for c in row if c.strip()]
    return len(cells) == 1 and matcher.match(cells[0]) is not None


def _same(a: list[str], b: list[str]) -> bool:
    """Whether two rows hold the same non-blank cells (spaces around them aside)."""
    if a == b:
        return True

    def strip(r):
        return [c.strip() for c in r if c.strip()]

    # most rows differ in their first cells: compare those before whole (wide) rows
    head_a, head_b = strip(a[:8]), strip(b[:8])
    if head_a and head_b and head_a[0] != head_b[0]:
        return False
    return strip(a) == strip(b)


def column_names(rows: list[list[str]], headers: list[int], width: int) -> list[str]:
    """Header cells as unique, non-empty column names (`column_3` for blanks, `a_2` for repeats)."""
    if not headers:
        names = [f"column_{i + 1}" for i in range(width)]
    else:
        stacked = []
        for index in headers:
            row = [c.strip().strip("\"'").strip() for c in rows[index]] + [""] * width
            if len(headers) > 1 and index == headers[0]:
                filled, last = [], ""
                for c in row[:width]:  # merged cells: a group name covers the cells after it
                    last = c or last
                    filled.append(last)
                row = filled
            stacked.append(row[:width])
        names = [" ".join(p for p in parts if p) for parts in zip(*stacked)]
        names = [n if n else f"column_{i + 1}" for i, n in enumerate(names)]
    seen: Counter = Counter()
    unique = []
    for name in names:
        seen[name] += 1
        unique.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return unique
