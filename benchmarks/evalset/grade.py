"""Grader for the offline-analyst evaluation set.

grade(expect, answer, declined, figures, code, question="") -> "correct" | "declined" | "wrong"

The answer's HEADLINE is its first non-empty line after Markdown markers are stripped. The rules
are written so that an answer which dumps many numbers or names cannot pass by luck:

* declined=True: "correct" for a decline question, "declined" for any other (not wrong).
* decline: anything but declined=True is "wrong" (an answer to a question that cannot be answered
  honestly is an answer to a different question).
* number: the headline must state the expected value (or one of expect["also"]). Numbers are read
  as written: "1,234.5", "1,234명", "23.5%", "-3.2", "1.2e5"; with expect["percent"] the value is a
  fraction and may be written as 0.235 or 23.5% ("퍼센트", "percent", "프로" count as %); with
  expect["unit"] == "만원" Korean large-number words are read too ("10억 3,200만" = 103200).
  A number matches when it equals the value rounded to 3 significant digits or better
  (|x - v| <= half a unit of the 3rd significant digit, or <= rel_tol * |v|, or <=
  expect["abs_tol"], which correlations set to 0.005 so two decimals pass); percentages also
  match within 0.05 percentage points; counts (rel_tol 0) must be exact. The headline may
  contain at most MAX_HEADLINE_NUMBERS distinct numbers beyond those that occur in the question
  (dates are not counted); more is a dump and is "wrong".
* label: the expected name (or an alias in expect["also"]) must appear in the headline, and no
  competing name from expect["others"] may appear before it. Latin names match case-insensitively
  on word boundaries; Hangul names match as substrings (particles attach to them); dates written
  as 2012/11/19, 2012.11.19, 2012년 11월 19일, Nov 19, 2012 or 19 November 2012 match 2012-11-19.
  Competitors that the question itself names ("manufacturing or construction?") may come first.
* labels: every expected name (or an alias in expect["also"][name]) must appear in the answer's
  first 15 lines (after stripping Markdown); with expect["ordered"] their first mentions must be
  in the expected order; no name from expect["others"] (the runners-up) may be mentioned before
  all expected names have been.
* table (a group aggregate: "average price by region"): for every group in expect["value"]
  (a {name: number} map), one of the answer's first max(15, groups + 5) lines names the group
  (or an alias in expect["also"][name]) and states its number under the number rule above,
  with at most MAX_HEADLINE_NUMBERS other numbers on that line.
* table2 (a two-way breakdown: "average income by region and sex"): expect["cells"] lists
  [row, column, number] for every combination present. Each cell is stated either in a LONG
  table (a line, among the first max(15, cells + 8), naming both the row and the column label and
  the number, with at most MAX_HEADLINE_NUMBERS + 1 numbers besides) or in a WIDE one (a header
  line whose cells are the column labels, then a line whose first cell is the row label and whose
  cell under the column's states the number); the wide table may also be transposed (rows
  across). Markdown tables (|-separated) and plain tables (2+ spaces apart) are read. A label may
  be written as an alias in expect["also"][label].
* pair ("which sex and major has the highest average SAT"): both labels of expect["value"] (a
  [row, column] pair; or an alias in expect["also"][label], as for table2) in the headline, and no pair of expect["others"] (the runners-up) fully
  named earlier in it.
* chart: figures >= 1 and every column in expect["columns"] is named in the analyst's code (and,
  for each group in expect["any_of"], at least one of its columns).
"""

from __future__ import annotations

import math
import re

MAX_HEADLINE_NUMBERS = 3
LABELS_LINES = 15

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_DATE_PATTERNS = [
    # 2012-11-19, 2012/11/19, 2012.11.19 (optionally followed by a time)
    (
        re.compile(
            r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"
            r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
        ),
        lambda m: (m.group(1), m.group(2), m.group(3)),
    ),
    # 2012년 11월 19일
    (re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일"), lambda m: (m.group(1), m.group(2), m.group(3))),
    # Nov 19, 2012 / November 19 2012
    (
        re.compile(r"\b(" + _MON_RE + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I),
        lambda m: (m.group(3), str(_MONTHS[m.group(1).lower()]), m.group(2)),
    ),
    # 19 Nov 2012 / 19 November, 2012
    (
        re.compile(r"\b(\d{1,2})\s+(" + _MON_RE + r")\.?,?\s+(\d{4})\b", re.I),
        lambda m: (m.group(3), str(_MONTHS[m.group(2).lower()]), m.group(1)),
    ),
]

_NUM_RE = re.compile(
    r"(?<![0-9A-Za-z_.\-−])([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?"
    r"(\s*(?:%|퍼센트|프로|percent\b|per cent\b))?"
)
_KO_BIG_RE = re.compile(r"(\d+(?:\.\d+)?)\s*억(?:\s*(\d{1,3}(?:,\d{3})+|\d+)\s*만)?")

_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+")


def strip_markdown(line: str) -> str:
    """Remove Markdown structure (headings, quotes, bullets, emphasis, code ticks, table pipes)."""
    line = _MD_PREFIX.sub("", line)
    line = re.sub(r"\*{1,3}|`+", "", line)
    line = re.sub(r"(?<!\w)_{1,3}|_{1,3}(?!\w)", "", line)  # emphasis, not snake_case names
    line = line.replace("|", " ")
    return line.strip()


def lines_of(answer: str) -> list[str]:
    out = []
    for raw in (answer or "").splitlines():
        s = strip_markdown(raw)
        if s and not re.fullmatch(r"[-:=\s]+", s):  # skip table separator rows
            out.append(s)
    return out


def headline(answer: str) -> str:
    ls = lines_of(answer)
    return ls[0] if ls else ""


def normalize_dates(text: str) -> str:
    """Rewrite the date spellings we accept into ISO yyyy-mm-dd."""
    for rx, parts in _DATE_PATTERNS:

        def iso(m, parts=parts):
            y, mo, d = parts(m)
            try:
                mo_i, d_i = int(mo), int(d)
            except ValueError:
                return m.group(0)
            if not (1 <= mo_i <= 12 and 1 <= d_i <= 31):
                return m.group(0)
            return f"{int(y):04d}-{mo_i:02d}-{d_i:02d}"

        text = rx.sub(iso, text)
    return text


def _strip_dates(text: str) -> str:
    return re.sub(r"\d{4}-\d{2}-\d{2}", " DATE ", normalize_dates(text))


def numbers_in(text: str, korean_money: bool = False) -> list[tuple[float, bool]]:
    """All numbers written in text as (value, written_as_percent). Dates are skipped."""
    text = _strip_dates(text)
    out: list[tuple[float, bool]] = []
    if korean_money:

        def big(m):
            value = float(m.group(1)) * 10000 + (float(m.group(2).replace(",", "")) if m.group(2) else 0.0)
            out.append((value, False))
            return " "

        text = _KO_BIG_RE.sub(big, text)
    for m in _NUM_RE.finditer(text):
        sign, whole, frac, exp, pct = m.groups()
        s = whole.replace(",", "") + (frac or "") + (exp or "")
        try:
            v = float(s)
        except ValueError:
            continue
        if sign:
            v = -v
        out.append((v, bool(pct)))
    return out


def _tolerance(v: float, rel_tol: float) -> float:
    if v == 0:
        return 1e-9
    half_unit_3sig = 0.5 * 10 ** (math.floor(math.log10(abs(v))) - 2)
    return max(half_unit_3sig, rel_tol * abs(v)) * (1 + 1e-9)


def number_matches(x: float, is_pct: bool, expect: dict) -> bool:
    values = [expect["value"]] + list(expect.get("also", []))
    rel_tol = float(expect.get("rel_tol", 0.005))
    abs_tol = float(expect.get("abs_tol", 0.0)) * (1 + 1e-9)
    for v in values:
        v = float(v)
        if rel_tol == 0 and not expect.get("percent"):
            if abs(x - v) < 1e-9 and not is_pct:
                return True
            continue
        if expect.get("percent"):
            candidate = x / 100.0 if is_pct else x
            tol = max(_tolerance(v, rel_tol), 0.0005 * (1 + 1e-9), abs_tol)
            if abs(candidate - v) <= tol:
                return True
        elif not is_pct and abs(x - v) <= max(_tolerance(v, rel_tol), abs_tol):
            return True
    return False


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"


def find_label(text: str, label: str) -> list[tuple[int, int]]:
    """Spans where label occurs in text (Latin: case-insensitive, word-bounded)."""
    label = str(label).strip()
    if not label:
        return []
    low, lab = text.lower(), label.lower()
    spans = []
    start = 0
    while True:
        i = low.find(lab, start)
        if i < 0:
            break
        j = i + len(lab)
        before = low[i - 1] if i > 0 else " "
        after = low[j] if j < len(low) else " "
        ok = True
        if lab[0].isascii() and lab[0].isalnum() and before.isascii() and before.isalnum():
            ok = False
        if lab[-1].isascii() and lab[-1].isalnum() and after.isascii() and after.isalnum():
            ok = False
        # a number label is a whole number token: "3" is not in "29.3" nor "2014" in "2014.5"
        if lab[0].isdigit() and before in ".,":
            ok = False
        if lab[-1].isdigit() and after in ".," and j + 1 < len(low) and low[j + 1].isdigit():
            ok = False
        if ok:
            spans.append((i, j))
        start = i + 1
    return spans


def _first(text: str, names: list[str], inside: list[tuple[int, int]] = ()) -> int | None:
    best = None
    for name in names:
        for i, j in find_label(text, name):
            if any(a <= i and j <= b for a, b in inside):
                continue  # e.g. "강남" inside the expected "강남구"
            if best is None or i < best:
                best = i
    return best


def _grade_label(expect: dict, head: str, question: str = "") -> bool:
    text = normalize_dates(head)
    names = [str(expect["value"])] + [str(a) for a in expect.get("also", [])]
    own_spans = [s for n in names for s in find_label(text, n)]
    if not own_spans:
        return False
    mine = min(i for i, _ in own_spans)
    # a competitor named in the question ("manufacturing or construction?") may be echoed
    asked = normalize_dates(question or "")
    others = [str(o) for o in expect.get("others", []) if not find_label(asked, str(o))]
    other = _first(text, others, own_spans)
    return other is None or mine < other


def _grade_labels(expect: dict, answer: str) -> bool:
    text = normalize_dates("\n".join(lines_of(answer)[:LABELS_LINES]))
    positions, own_spans = [], []
    for item in expect["value"]:
        aliases = [str(item)] + [str(a) for a in expect.get("also", {}).get(str(item), [])]
        own_spans += [s for a in aliases for s in find_label(text, a)]
        pos = _first(text, aliases)
        if pos is None:
            return False
        positions.append(pos)
    if expect.get("ordered") and not all(a < b for a, b in zip(positions, positions[1:])):
        return False
    # a list that names non-members before it has named all members is a dump, not a top-N
    other = _first(text, [str(o) for o in expect.get("others", [])], own_spans)
    return other is None or other > max(positions)


def _grade_number(expect: dict, head: str, question: str) -> bool:
    korean_money = expect.get("unit") == "만원"
    found = numbers_in(head, korean_money)
    if not any(number_matches(x, p, expect) for x, p in found):
        return False
    echoed = {round(x, 9) for x, _ in numbers_in(question or "")}
    extra = {round(x, 9) for x, _ in found} - echoed
    return len(extra) <= MAX_HEADLINE_NUMBERS


#: "- … and 87 more (see the chart and the code's output)", "- … 외 87개": a long listing cut short,
#: saying how many groups it leaves to the chart and the code's output
_MORE = re.compile(r"…\s*(?:and\s+([\d,]+)\s+more|외\s*([\d,]+)\s*개)")


def _grade_table(expect: dict, answer: str) -> bool:
    """Every group's value in a line naming it; a listing cut short ("… and N more") passes
    when every group it lists has its value and exactly N groups are left out."""
    groups = expect["value"]
    limit = max(LABELS_LINES, len(groups) + 5)
    lines = [normalize_dates(ln) for ln in lines_of(answer)[:limit]]
    more = next((m for m in (_MORE.search(ln) for ln in lines) if m), None)
    left = int((more.group(1) or more.group(2)).replace(",", "")) if more else 0
    korean_money = expect.get("unit") == "만원"
    missing = 0
    for name, value in groups.items():
        aliases = [str(name)] + [str(a) for a in expect.get("also", {}).get(str(name), [])]
        one = {k: v for k, v in expect.items() if k not in ("value", "also")}
        one["value"] = value
        found = False
        for ln in lines:
            spans = [s for a in aliases for s in find_label(ln, a)]
            if not spans:
                continue
            # the group's own name may be a number (a year): do not count it as a value; where
            # its value is written the same ("3: 3"), one occurrence is the name, another the value
            for named in [spans] + ([[s] for s in spans] if len(spans) > 1 else []):
                rest = "".join(ch if not any(a <= i < b for a, b in named) else " " for i, ch in enumerate(ln))
                nums = numbers_in(rest, korean_money)
                if (
                    any(number_matches(x, p, one) for x, p in nums)
                    and len({round(x, 9) for x, _ in nums}) <= MAX_HEADLINE_NUMBERS + 1
                ):
                    found = True
                    break
            if found:
                break
        if not found:
            named = any(find_label(ln, a) for ln in lines for a in [str(name)])
            if named or not left:
                return False  # listed with another value, or missing from a full listing
            missing += 1
    return missing == left


def _table_cells(raw: str) -> list[str]:
    """A table line's cells: |-separated (Markdown) or 2+ spaces / a tab apart (plain)."""
    s = raw.strip()
    parts = s.strip("|").split("|") if "|" in s else re.split(r"\t|\s{2,}", s)
    return [re.sub(r"\*{1,3}|`+", "", p).strip().rstrip(":").strip() for p in parts]


def _is_label(cell: str, label: str) -> bool:
    return cell.strip().lower() == str(label).strip().lower()


def _wide_cell(lines: list[str], across: str, down: str, labels: list[str], one: dict, korean_money: bool) -> bool:
    """The number under the header cell `across` on the line whose first cell is `down`. A plain
    table whose cells are one space apart is read by order: the k-th of the column `labels` in
    the header, the k-th number after the row's label."""
    for h, head in enumerate(lines):
        hc = _table_cells(head)
        at = [i for i, c in enumerate(hc) if _is_label(c, across)]
        ranked = sorted((m[0], str(x)) for x in labels for m in find_label(head, str(x))[:1])
        k = next((n for n, (_, x) in enumerate(ranked) if _is_label(x, across)), None)
        if not at and (k is None or "|" in head):
            continue
        for ln in lines[h + 1 :]:
            rc = _table_cells(ln)
            shift = len(rc) - len(hc)  # a header without the index's own cell is one short
            if at and rc and _is_label(rc[0], down) and shift in (0, 1) and at[0] + shift < len(rc):
                if any(number_matches(x, p, one) for x, p in numbers_in(rc[at[0] + shift], korean_money)):
                    return True
            stripped = ln.strip()
            if k is not None and "|" not in ln and stripped.lower().startswith(str(down).lower() + " "):
                nums = numbers_in(stripped[len(str(down)) :], korean_money)
                if len(nums) == len(ranked) and number_matches(*nums[k], one):
                    return True
    return False


def _long_cell(lines: list[str], row: str, col: str, one: dict, korean_money: bool) -> bool:
    """A line naming both labels (apart) and stating the number."""
    for ln in lines:
        rs, cs = find_label(ln, row), find_label(ln, col)
        pairs = [(a, b) for a in rs for b in cs if a[1] <= b[0] or b[1] <= a[0]]
        for a, b in pairs:
            rest = "".join(" " if a[0] <= i < a[1] or b[0] <= i < b[1] else ch for i, ch in enumerate(ln))
            nums = numbers_in(rest, korean_money)
            if (
                any(number_matches(x, p, one) for x, p in nums)
                and len({round(x, 9) for x, _ in nums}) <= MAX_HEADLINE_NUMBERS + 2
            ):
                return True
    return False


def _grade_table2(expect: dict, answer: str) -> bool:
    """Every cell of a two-way breakdown, in a long table or a wide one (either way round)."""
    cells = expect["cells"]
    limit = max(LABELS_LINES, len(cells) + 8)
    raw = [normalize_dates(ln) for ln in (answer or "").splitlines() if ln.strip()]
    raw = [ln for ln in raw if not re.fullmatch(r"[-:=|\s]+", ln)][:limit]
    plain = [normalize_dates(ln) for ln in lines_of(answer)[:limit]]
    korean_money = expect.get("unit") == "만원"
    one = {k: v for k, v in expect.items() if k not in ("cells", "dims", "also")}
    rows = list(dict.fromkeys(str(r) for r, _, _ in cells))
    cols = list(dict.fromkeys(str(c) for _, c, _ in cells))

    also = expect.get("also", {})

    def names(label: str) -> list[str]:
        return [str(label)] + [str(a) for a in also.get(str(label), [])]

    def stated(row: str, col: str, value: float, wide_as: tuple[bool, ...]) -> bool:
        one["value"] = value
        for r in names(row):
            for c in names(col):
                if _long_cell(plain, r, c, one, korean_money):
                    return True
                for transposed in wide_as:
                    down, across = (c, r) if transposed else (r, c)
                    labels = [n for x in (cols if not transposed else rows) for n in names(x)]
                    if _wide_cell(raw, across, down, labels, one, korean_money):
                        return True
        return False

    # a wide table is read one way round for every cell (not each cell whichever way suits it)
    return any(all(stated(r, c, v, (t,)) for r, c, v in cells) for t in (False, True))


def _grade_pair(expect: dict, head: str) -> bool:
    text = normalize_dates(head)

    also = expect.get("also", {})

    def at(pair) -> int | None:
        a, b = ([s for n in [str(x)] + list(also.get(str(x), [])) for s in find_label(text, n)] for x in pair)
        apart = [max(x[0], y[0]) for x in a for y in b if x[1] <= y[0] or y[1] <= x[0]]
        return min(apart) if apart else None

    mine = at(expect["value"])
    if mine is None:
        return False
    return all((o := at(p)) is None or o > mine for p in expect.get("others", []))


def _grade_chart(expect: dict, figures: int, code: str) -> bool:
    if figures < 1:
        return False
    code = code or ""
    if not all(c in code for c in expect.get("columns", [])):
        return False
    return all(any(c in code for c in group) for group in expect.get("any_of", []))


def grade(expect: dict, answer: str, declined: bool, figures: int, code: str, question: str = "") -> str:
    kind = expect["kind"]
    if kind == "decline":
        return "correct" if declined else "wrong"
    if declined:
        return "declined"
    head = headline(answer)
    if kind == "number":
        ok = _grade_number(expect, head, question)
    elif kind == "label":
        ok = _grade_label(expect, head, question)
    elif kind == "labels":
        ok = _grade_labels(expect, answer)
    elif kind == "table":
        ok = _grade_table(expect, answer)
    elif kind == "table2":
        ok = _grade_table2(expect, answer)
    elif kind == "pair":
        ok = _grade_pair(expect, head)
    elif kind == "chart":
        ok = _grade_chart(expect, figures, code)
    else:
        raise ValueError(f"unknown expect kind {kind!r}")
    return "correct" if ok else "wrong"


def grade_file(questions_path: str, answers_path: str) -> dict:
    """Grade a JSONL of answers ({"id", "answer", "declined", "figures", "code"}) against a
    questions file; a question with no answer line counts as wrong."""
    import json
    from collections import Counter

    def read(path):
        with open(path, encoding="utf-8") as f:
            return [json.loads(ln) for ln in f if ln.strip()]

    answers = {a["id"]: a for a in read(answers_path)}
    totals, by_lang, wrong = Counter(), Counter(), []
    for q in read(questions_path):
        a = answers.get(q["id"])
        if a is None:
            verdict = "wrong"
        else:
            verdict = grade(
                q["expect"],
                a.get("answer", ""),
                bool(a.get("declined")),
                int(a.get("figures", 0)),
                a.get("code", ""),
                q["question"],
            )
        totals[verdict] += 1
        by_lang[(q["lang"], verdict)] += 1
        if verdict == "wrong":
            wrong.append(q["id"])
    return {"totals": dict(totals), "by_lang": {f"{k[0]}:{k[1]}": v for k, v in by_lang.items()}, "wrong": wrong}


if __name__ == "__main__":
    import json
    import sys

    if len(sys.argv) != 3:
        sys.exit("usage: python grade.py QUESTIONS.jsonl ANSWERS.jsonl")
    report = grade_file(sys.argv[1], sys.argv[2])
    n = sum(report["totals"].values())
    for k in ("correct", "declined", "wrong"):
        print(f"{k:9} {report['totals'].get(k, 0):4d}  ({100 * report['totals'].get(k, 0) / n:.1f}%)")
    print("wrong ids:", " ".join(report["wrong"]) or "-")
    print(json.dumps(report["by_lang"], sort_keys=True))
