"""Reading a question into mentions: which words name a column, a value, a number, a date, or a
word of the lexicon, and which words are not understood.

Every stretch of the question that matches something becomes a candidate with its meanings; a
dynamic programme then picks the reading that covers the question best (long matches over short
ones, exact over fuzzy, known words over unknown ones). Korean particles and endings are accepted
only written onto a word that was placed, so "지역별" is 지역 + 별 and "연비는" is 연비 + 는, but an
unknown word never disappears into particles. What is left unknown is reported, and the planner
declines rather than ignore it.
"""

from __future__ import annotations

import difflib
import itertools
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .catalog import _IDENTITY_WORDS, _MEASURE_FLAGS, GENERATED_NAME, Column, Table, _singular, bracket_alias
from .catalog import row_nouns as table_row_nouns
from .gazetteer import column_places, initials_phrases, place_phrases
from .lexicon import Lexicon, Meaning, PhraseIndex, concept_words, joined_forms, lexicon
from .text import (
    Token,
    has_final_consonant,
    is_hangul,
    jamo,
    loan_spelling,
    name_keys,
    romanize,
    sound_key,
    tokenize,
    variants,
)

# Words too common to name a column by themselves when they are only part of its name.
_PARTIAL_STOP = {
    "in",
    "of",
    "per",
    "the",
    "and",
    "a",
    "an",
    "by",
    "to",
    "for",
    "at",
    "on",
    "no",
    "is",
    "id",
    "num",
    "nr",
    "value",
    "total",
    "count",
    "number",
    "amount",
    "avg",
    "mean",
    "max",
    "min",
    "sum",
    "pct",
    "percent",
    "rate",
    "level",
}


#: the other word of a name that makes it the whole of what its first word names (sleep_total)
_WHOLE_WORDS = frozenset({"total", "overall", "tot", "all"})

_VOWELS = set("aeiouy")


#: What a one-letter value may be written after its column's name with: a subject or topic
#: particle ("status가 D", "School이 D인", "등급은 A") or an equals sign ("grade = A")
_NAME_VALUE_LINKS = ("이", "가", "은", "는", "=", "==")


def abbreviates(piece: str, word: str) -> float:
    """How well `piece` (a part of a column name) abbreviates `word` (of the question), 0 if not:
    the word itself (1), its start ("unemp" for unemployment, "deliv" for delivery: 0.9), or its
    consonant skeleton ("pkg" for package, "cnt" for count, "lvl" for level: 0.85)."""
    if not piece or not word:
        return 0.0
    if piece == word:
        return 1.0
    if not (piece.isascii() and word.isascii()) or piece[0] != word[0] or len(piece) >= len(word):
        return 0.0
    if len(piece) >= 3 and word.startswith(piece):
        return 0.9
    if (
        len(piece) >= 2
        and len(word) > len(piece)
        and not any(ch in "aeiou" for ch in piece[1:])
        # (a piece that is a data word of its own, "phd", "gpa", "bmi", is no skeleton of another:
        # "published" is not phd)
        and piece not in _glossary_words()
        and (len(piece) >= 3 or piece[-1] == [ch for ch in word if ch not in "aeiou"][-1])
    ):
        it = iter(word)
        if all(ch in it for ch in piece):
            # the word's own consonants, kept in order: its last one, or all but one of them
            consonants = [ch for ch in word[1:] if ch not in "aeiou"]
            rest = [ch for ch in piece[1:] if ch not in "aeiou"]
            skipped, k = 0, 0
            for ch in consonants:
                if k < len(rest) and ch == rest[k]:
                    k += 1
                elif k < len(rest):
                    skipped += 1
            # (at most two of the word's consonants left out: "pkg", "mgmt", "pct"; "adt" leaves
            # out three of "accident", a short form of something else: average daily traffic)
            if consonants and skipped <= 2 and (rest[-1:] == consonants[-1:] or (k == len(rest) and skipped <= 1)):
                return 0.85
    # a skeleton that keeps the word's last letter, a vowel ("rte" of rate, "tme" of time): the
    # consonants of the rest, then that letter
    if len(piece) >= 3 and piece[-1] in "aeiou" and word[-1] == piece[-1] and word[0] == piece[0]:
        kept = piece[1:-1]
        consonants = [ch for ch in word[1:-1] if ch not in "aeiou"]
        # every consonant of the word kept, in order ("age" leaves out two of "average", "ate"
        # one of "afte": no short forms of them)
        if kept and list(kept) == consonants:
            return 0.85
    # a compound word's first part whole and the rest cut short: "bathrms" for bathrooms
    # (bath + rms), "fullbase" for full basement's words run together are `segment`'s
    for cut in range(3, len(piece) - 1):
        if word.startswith(piece[:cut]) and abbreviates(piece[cut:], word[cut:]) >= 0.85:
            return 0.85
    return 0.0


@lru_cache(maxsize=1)
def _glossary_words() -> frozenset[str]:
    """The English data words of the lexicon's `glossary` (whole words, never abbreviations)."""
    return frozenset(str(w).lower() for w in lexicon().data.get("glossary", {}))


@lru_cache(maxsize=8192)
def _word_forms(word: str) -> tuple[tuple[tuple[str, float], ...], frozenset[str], int]:
    """A question word's forms as `_word_abbreviates` weighs them, the letters they start with
    and their greatest length: a piece of a name abbreviates none of them unless it starts with
    one of those letters and is no longer (see `abbreviates`), so `segment` tries no other piece."""
    forms = [(w, 1.0 if w == word else 0.97) for w in variants(word)]
    if word.isascii() and word.isalpha() and len(word) >= 3 and not word.endswith("s"):
        # a name abbreviates the plural as often as the word (prs: prices, stu: students)
        forms.append((word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s"), 0.95))
    # the short forms names write it with (pc: per capita, hh: household, avg: average)
    forms += [(short, 0.95) for short in short_forms().get(word, ()) if short not in dict(forms)]
    return tuple(forms), frozenset(w[:1] for w, _ in forms), max((len(w) for w, _ in forms), default=0)


@lru_cache(maxsize=1)
def short_forms() -> dict[str, tuple[str, ...]]:
    """The lexicon's `short_forms`: a word or phrase (its words joined by a space) -> the short
    forms column names write it with."""
    raw = lexicon().data.get("short_forms") or {}
    return {" ".join(name_keys(k)): tuple(str(f).lower() for f in v) for k, v in raw.items()}


@lru_cache(maxsize=8192)
def _letters(word: str) -> frozenset[str]:
    """The letters of a word's forms: a piece that abbreviates one keeps only its letters."""
    return frozenset(ch for w, _ in _word_forms(word)[0] for ch in w)


@lru_cache(maxsize=1 << 16)  # (a wide table's names share their pieces: gene_1 ... gene_3000)
def _word_abbreviates(piece: str, word: str) -> float:
    return max((abbreviates(piece, w) * f for w, f in _word_forms(word)[0]), default=0.0)


@lru_cache(maxsize=1 << 18)  # the same names and words come back question after question
def segment(name: str, cuts: frozenset[int] | None, words: tuple[str, ...], whole: bool) -> float:
    """How well the question's `words`, in order, spell the squashed column name `name` ("tbilrate"
    from "T-bill rate", "lifeexp" from "life expectancy", "gdppercap" from "GDP per capita"), each
    word by a piece of the name that abbreviates it. `whole`: the words must cover all of the name;
    else a part: one that starts and ends where the name's words do (`cuts`), or, in a name of one
    run of letters (`cuts` None), its start or its end, of 3 letters or more. 0 when they do not."""
    n = len(name)
    memo: dict[tuple[int, int, int], float] = {}
    spellings = [_word_forms(w) for w in words]

    def rest(pos: int, k: int, stop: int) -> float:
        key = (pos, k, stop)
        if key in memo:
            return memo[key]
        if k == len(words):
            return 1.0 if pos == stop else 0.0
        best = 0.0
        _, firsts, longest = spellings[k]
        if pos >= stop or name[pos] not in firsts:  # no piece from here abbreviates the word
            memo[key] = best
            return best
        # (the last word ends where the span does)
        ends = (stop,) if k == len(words) - 1 else range(pos + 1, stop + 1)
        for end in ends:
            if end - pos > longest:
                break
            q = _word_abbreviates(name[pos:end], words[k])
            if not q and whole and end - pos == 1 and k < len(words) - 1 and _measured_word(words[k]):
                # a word for a measure kept as its first letter before the rest, as economists
                # write names (slim: speed limit, pboat: price of boat), in a name spelled whole;
                # any other word ("chose boat") is no letter of cboat
                q = 0.85
            if q:
                best = max(best, min(q, rest(end, k + 1, stop)))
        memo[key] = best
        return best

    if whole:
        # each piece is no longer than its word's longest form and spelled with its letters
        if n > sum(longest for _, _, longest in spellings) or not set(name) <= frozenset().union(
            *(_letters(w) for w in words)
        ):
            return 0.0
        return rest(0, 0, n)
    if cuts is None:
        spans = [(0, e) for e in range(3, n - 2)] + [(b, n) for b in range(3, n - 2)]
    else:
        points = sorted(c for c in cuts if 0 <= c <= n)
        spans = [(a, b) for a in points for b in points if b - a >= 2 and (a, b) != (0, n)]
    return max((rest(a, 0, b) for a, b in spans), default=0.0)


@dataclass(frozen=True)
class Sense:
    """One meaning of a stretch of the question."""

    role: str  # a lexicon role, or "column", "value", "number", "date", "concept"...
    key: Any = None
    quality: float = 1.0


@dataclass
class Mention:
    start: int  # token indexes [start, end)
    end: int
    text: str  # the words as the user wrote them
    senses: list[Sense] = field(default_factory=list)

    def has(self, role: str) -> bool:
        return any(s.role == role for s in self.senses)

    def get(self, role: str) -> Sense | None:
        return next((s for s in self.senses if s.role == role), None)

    def all(self, role: str) -> list[Sense]:
        return [s for s in self.senses if s.role == role]

    @property
    def unknown(self) -> bool:
        return self.has("unknown")

    @property
    def roles(self) -> set[str]:
        return {s.role for s in self.senses}

    def __repr__(self) -> str:
        senses = ", ".join(f"{s.role}:{s.key}" if s.key is not None else s.role for s in self.senses)
        return f"<{self.text!r} {senses}>"


@dataclass(frozen=True)
class Number:
    value: float
    unit: str | None = None  # a unit kind from the lexicon ("money", "percent", "age"...)
    unit_text: str | None = None  # as written ("만원", "kg")
    scale: float = 1.0  # the multiplier written (만 = 10,000)
    text: str = ""
    alternatives: tuple[str, ...] = ()  # other unit kinds the word may be (대: count or age)


@dataclass(frozen=True)
class DatePart:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None


# --- the dataset's own phrases -----------------------------------------------------------------


def _norm_value(value: Any) -> tuple[str, ...]:
    return name_keys(str(value))


_ADMIN_SUFFIXES = ("특별시", "광역시", "시", "구", "군", "동", "읍", "면", "도")


def _spellings(hangul: str, admin: bool = True) -> list[str]:
    """The Latin spellings a Hangul name is compared by: its Revised Romanization ('송파구' ->
    'songpagu'), that of the name without the word for its kind of district (`admin`: 'songpa', as
    "Songpa" names 송파구), and a loanword's letters without the vowel Hangul adds after a
    consonant ('오크우드' -> 'okud')."""
    out = [romanize(hangul)]
    if admin:
        for suffix in _ADMIN_SUFFIXES:
            if hangul.endswith(suffix) and len(hangul) - len(suffix) >= 2:
                out.append(romanize(hangul[: -len(suffix)]))
                break
    out.append(loan_spelling(hangul))
    return list(dict.fromkeys(out))


def dataset_phrases(table: Table) -> PhraseIndex:
    """Column names (whole, without unit, and distinctive parts) and category values."""
    index = PhraseIndex()
    lex = lexicon()
    # The dataset's own name ("seattle-weather", "판매 기록"): words about the rows, like "cars"
    # (not a word of a column named with the dataset's words only: a wide table read long names its
    # values' column after the file, USPersonalExpenditure, as R names a series' column, co2 of
    # co2.csv: "expenditure" is that column, not the rows)
    own = set(name_keys(table.name))
    named = {k for c in table.columns if set(keys := (c.base or c.keys)) and set(keys) <= own for k in keys}
    for word in name_keys(table.name):
        if len(word) >= 3 and not word.isdigit() and word not in named:
            index.add((word,), Meaning("entity"))
    for keys in subject_words(table):
        index.add(keys, Meaning("subject"))
    # the things the rows record, named by the dataset and by a column of their kind: 민원 of
    # 민원_접수.csv with the column 민원유형 (a complaint's type): "민원 건수" counts rows
    for keys in kind_nouns(table):
        index.add(keys, Meaning("entity"))
    korean_names = ["".join(c.base or c.keys) for c in table.columns if all(is_hangul(k) for k in (c.base or c.keys))]
    shared: dict[str, int] = {}
    for name in korean_names:
        for part in {name[:size] for size in range(2, len(name))}:
            shared[part] = shared.get(part, 0) + 1
    leading: dict[str, int] = {}
    for column in table.columns:
        first = (column.base or column.keys)[:1]
        if first and len(column.base or column.keys) > 1 and not is_hangul(first[0]):
            leading[first[0]] = leading.get(first[0], 0) + 1
    row_nouns = {keys for keys, m in _entity_forms(lex)}
    taken: dict[str, set] = {}  # the table's whole values and column names, made once when needed
    # what the data calls one row (its name's head, an identifier's name): a noun for the rows,
    # never a part of a column's name it begins (claim of claim_amount, 상담 of 상담유형)
    own = {name_keys(w) for w in table_row_nouns(table)}
    for keys in own:
        index.add(keys, Meaning("entity"))
    row_nouns |= own
    events, count_heads = joined_forms("events"), joined_forms("count_heads")
    # a unit of measure written alone names the one column measured in it ("total kg": weight_kg)
    unit_owners: dict[str, list[str]] = {}
    for column in table.columns:
        if column.numeric and column.unit and column.unit.isascii() and column.unit.isalpha() and len(column.unit) >= 2:
            unit_owners.setdefault(column.unit.lower(), []).append(column.name)
    measured_in = {
        u: names[0]
        for u, names in unit_owners.items()
        if len(names) == 1
        and u
        in {f.lower() for kind, forms in lex.data["units"].items() if kind not in ("percent", "money") for f in forms}
    }
    for column in table.columns:
        index.add(column.keys, Meaning("column", (column.name, 1.0)))
        if len(column.keys) == 2 and column.keys[1] in _WHOLE_WORDS:
            index.add(column.keys[::-1], Meaning("column", (column.name, 1.0)))  # sleep_total: "total sleep"
        if column.base and column.base != column.keys:
            # (a wave's measure, hits of hits86, a little below a column named by the word alone,
            # hits: the name that is the word wins)
            index.add(column.base, Meaning("column", (column.name, 1.0 if column.name_year is None else 0.97)))
        alias = bracket_alias(column.name)
        if alias:  # 동네(법정동): the name in brackets names the column too
            index.add(alias, Meaning("column", (column.name, 0.95)))
        if column.counted_noun:  # ncases, num_children: "cases", "children" name the column
            index.add(name_keys(column.counted_noun), Meaning("column", (column.name, 1.0)))
        if column.unit and measured_in.get(column.unit.lower()) == column.name:
            index.add((column.unit.lower(),), Meaning("column", (column.name, 0.7)))
        # Parts of a longer name: "bill depth" for bill_depth_mm, "depth" alone; for Korean names
        # a leading or trailing part of two syllables or more (판매량 -> 판매, 전용면적 -> 면적).
        base = column.base or column.keys
        if all(is_hangul(k) for k in base):
            word = "".join(base)
            for size in range(2, len(word)):
                for part in (word[:size], word[-size:]):
                    # a part that begins several names (주문 of 주문번호 and 주문일시) names what
                    # the rows are (orders), not one of those columns
                    if shared.get(part, 0) >= 2 and any(n.startswith(part) for n in korean_names if n != word):
                        continue
                    if part == word[:size] and tuple(part) in own:
                        continue
                    # a noun for the events the rows are, before a head that is not their count
                    # (이용 of 이용시간: the time of a use), names the rows; 이용건수 counts them
                    if part == word[:size] and part in events and word[size:] not in count_heads:
                        continue
                    index.add(tuple(part), Meaning("column", (column.name, 0.8)))
        elif len(base) > 1 and not GENERATED_NAME.match(column.name):  # column_3 has no parts: "3" is a number
            for size in range(1, len(base)):
                for i in range(len(base) - size + 1):
                    part = base[i : i + size]
                    # a noun for rows that begins several names (order of order_id and
                    # order_date) names what the rows are (orders), not one of those columns
                    if size == 1 and i == 0 and part in row_nouns and leading.get(part[0], 0) >= 2:
                        continue
                    # the events the rows are, before a head that is not their count ("trip" of
                    # trip_minutes), names the rows; trip_count counts them
                    if i == 0 and "".join(part) in events and "".join(base[size:]) not in count_heads:
                        continue
                    words = [w for w in part if w not in _PARTIAL_STOP]
                    if len(words) == len(part) and all(len(w) >= 3 or w.isdigit() for w in part):
                        # the thing itself ("borrowers") is its identifier (borrower_id) rather
                        # than one of its properties (borrower_age)
                        rest = base[:i] + base[i + size :]
                        identity = 0.02 if rest and set(rest) <= _IDENTITY_WORDS else 0.0
                        # the thing as a whole (sleep_total of sleep_rem and sleep_cycle) is what
                        # the bare word names
                        whole = 0.02 if rest and set(rest) <= _WHOLE_WORDS else 0.0
                        index.add(part, Meaning("column", (column.name, 0.8 + 0.05 * size + identity + whole)))
        # Values: categories and booleans, and names of rows.
        if column.kind in ("categorical", "boolean", "text", "identifier") and column.values:
            for value in column.values:
                keys = _norm_value(value)
                if not keys:
                    continue
                if len(keys) == 1 and len(keys[0]) == 1 and not is_hangul(keys[0]) and column.kind != "boolean":
                    # a one-letter value ("A", "D") is a word of its own ("a") unless its column is
                    # named with it: "discipline A", "color D"
                    index.add((*column.keys, *keys), Meaning("value", (column.name, value, 1.0)))
                    # and with the particle or sign Korean and notebooks write between them
                    # ("status가 D", "School이 D인", "grade = A")
                    for between in _NAME_VALUE_LINKS:
                        index.add((*column.keys, between, *keys), Meaning("value", (column.name, value, 1.0)))
                    continue
                index.add(keys, Meaning("value", (column.name, value, 1.0)))
                # a name written in camel case ("FedEx", "iPhone") is also the one word the
                # question writes it as ("fedex"), not only its parts ("fed ex")
                plain = tuple(t.text for t in tokenize(str(value)))
                if plain and plain != keys and len(plain) < len(keys):
                    index.add(plain, Meaning("value", (column.name, value, 1.0)))
                word = "".join(keys)
                if is_hangul(word):
                    for suffix in _ADMIN_SUFFIXES:
                        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                            index.add(tuple(word[: -len(suffix)]), Meaning("value", (column.name, value, 0.9)))
                            break
            _value_words(index, column, table, lex, taken)
            # A Korean name column (역명, 노선명, 단지명): a value with the head noun written after
            # it names the same row ("강남역" for 역명 = 강남)
            head = "".join(column.base or column.keys)
            if is_hangul(head) and len(head) >= 2 and head[-1] == "명":
                noun = head[:-1]
                for value in column.values:
                    keys = _norm_value(value)
                    word = "".join(keys)
                    if is_hangul(word) and not word.endswith(noun):
                        index.add(tuple(word + noun), Meaning("value", (column.name, value, 1.0)))
                if len(noun) == 1:
                    index.add((noun,), Meaning("column", (column.name, 0.85)))
            # The lexicon's bilingual values: "Japanese" / "일본" for the value Japan; weekday and
            # month names too, for a column that holds them as text ("Sun", "Thur": "Sundays", 일요일)
            normalized = {_norm_value(v): v for v in column.values}
            groups = [*lex.value_groups, *calendar_groups(column), *concept_groups(column)]
            reached = [{str(normalized[name_keys(f)]) for f in group if name_keys(f) in normalized} for group in groups]
            for g, group in enumerate(groups):
                hits = [normalized[name_keys(form)] for form in group if name_keys(form) in normalized]
                if len(set(map(str, hits))) != 1 or _other_reading(g, reached):
                    continue
                # a one-letter code ("M", "N") is read by a bilingual line only beside the code of
                # its opposite (F with M: male; S with N: north): M alone in a region column is
                # no man, nor N a no
                # (a letter: 쌀, 소, 배 are words of one syllable, not codes)
                if (
                    len(str(hits[0])) == 1
                    and str(hits[0]).isascii()
                    and g < len(lex.value_groups)
                    and not _paired(g, reached)
                ):
                    continue
                # a code (USA) a little less surely than a name (United States): a column of
                # names and a column of their codes name the same rows, the name is shown
                quality = 0.93 if _is_code(hits[0]) else 0.95
                for form in group:
                    keys = name_keys(form)
                    if keys and keys not in normalized:
                        index.add(keys, Meaning("value", (column.name, hits[0], quality)))
            # Places by the names people use ("South Korea", 한국, "California", 캘리포니아) for
            # the spelling the column holds ("Korea, Rep.", "CA"), and organisations by their
            # initials (UPS for "United Parcel Service"): only values the column has; a form
            # naming two of them points to both, and the planner asks which
            values = tuple(column.values)
            for phrase in (*place_phrases(values), *initials_phrases(values)):
                if phrase.keys in normalized:
                    continue
                for value in phrase.values:
                    quality = 0.93 if _is_code(value) else 0.95
                    index.add(phrase.keys, Meaning("value", (column.name, value, quality)), capitals=phrase.code)
        if column.kind == "boolean":
            index.add(column.keys, Meaning("boolcol", column.name))
        if column.flag:
            # a yes/no column is named by what it flags, its yes side ("married", 기혼, "smokers")
            # or its no side ("unmarried", 미혼, "non-smokers", "untreated"): see `flag_names`
            for keys, negated in flag_names(column, lex):
                if keys == column.keys:
                    continue
                index.add(keys, Meaning("column", (column.name, 0.95)))
                if column.kind == "boolean":
                    index.add(keys, Meaning("boolcol", column.name))
                if negated:
                    index.add(keys, Meaning("negated_flag", column.name))
    if table.indicator is not None:
        for keys, value in indicator_forms(table.column(table.indicator[0])):
            index.add(keys, Meaning("value", (table.indicator[0], value, 0.9)))
    # Korean words for the English words column names are made of (the lexicon's `glossary`):
    # "장력" for tension, "수학 점수" for math_score, "고용" for emp (abbreviating employment)
    # (the names' pieces by first letter, once: a word is compared only with pieces it could
    # abbreviate to, which start with its letter; a table of 10,000 columns is read once per word)
    pieces_by_letter: dict[str, dict[str, list[str]]] = {}
    for column in table.columns:
        for k in column.base or column.keys:
            if k.isascii() and k.isalpha():
                pieces_by_letter.setdefault(k[0], {}).setdefault(k, []).append(column.name)
    for english, koreans in lex.data.get("glossary", {}).items():
        english = str(english).lower()
        best: dict[str, float] = {}
        for piece, names in pieces_by_letter.get(english[:1], {}).items():
            q = abbreviates(piece, english)
            if q >= 0.85:
                for name in names:
                    best[name] = max(q, best.get(name, 0.0))
        hits = list(best.items())
        if not hits or len(hits) > 3:
            continue
        for korean in koreans:
            keys = tuple(str(korean))
            # (a word the lexicon reads as a concept some column carries keeps that reading)
            if any(
                k == keys and m.role == "concept" and concept_columns(table, m.key)
                for k, m in lex.phrases.starting_with(keys[0])
            ):
                continue
            for name, q in hits:
                index.add(keys, Meaning("column", (name, 0.8 * q)))
    return index


_NEGATING_PREFIXES = ("non-", "non", "un")


def _flag_stem(word: str) -> str:
    """An English word without the endings that make a flag's noun, verb or adjective of it
    (smoke, smoker, smokers, smoking; treat, treated; union, unionized)."""
    for end in ("ized", "ised", "ers", "ing", "er", "ed", "s", "e", "d"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def flag_names(column: Column, lex: Any) -> list[tuple[tuple[str, ...], bool]]:
    """The words that name a yes/no column by its meaning, each with whether it names the no side:
    its own name with a negating prefix ("non-union", "untreated", "nonsmokers"); and the lexicon's
    bilingual value lines (`values`) that hold its name or a form of it, with the line whose word
    is one of those with a negating prefix naming the no side ([married, 기혼] and [single,
    unmarried, 미혼]; [smoker, 흡연] and [non-smoker, 비흡연])."""
    name = "".join(column.base or column.keys)
    if not name.isascii() or not name.isalpha() or len(name) < 3:
        return []
    stem = _flag_stem(name)
    own = {name, stem, name + "ed", name + "d", name + "s", name + "ized", name + "er", name + "ers", name + "ing"}
    groups = [[str(f).lower() for f in g] for g in lex.value_groups]
    positive = [g for g in groups if any(f.isascii() and f.isalpha() and _flag_stem(f) == stem for f in g)]
    said = own | {f for g in positive for f in g if f.isascii()}
    negatives = {p + w for w in said for p in _NEGATING_PREFIXES}
    negative = [g for g in groups if any(f in negatives for f in g)]
    # a column named by one sex (female 0/1): the other sex is its no side ("men", 남성)
    sexes = [g for g in groups if "male" in g or "female" in g]
    if not negative and len(sexes) == 2 and len(positive) == 1 and positive[0] in sexes:
        negative = [g for g in sexes if g is not positive[0]]
    if len(positive) > 1 or len(negative) > 1:
        return []  # two lines hold the name: which side a word names is not sure
    out = [(name_keys(w), False) for w in own] + [(name_keys(w), True) for w in negatives]
    out += [(name_keys(f), False) for g in positive for f in g]
    out += [(name_keys(f), True) for g in negative for f in g]
    # (a letter or a syllable alone, "m" or 남 of [male, ..., m, 남], is too short to name it)
    return list(dict.fromkeys(k for k in out if len("".join(k[0])) >= 2))


#: the name a reader gives a column whose header is missing or blank (Vista's column_3)
@dataclass(frozen=True)
class _Named:
    """A column's English name (or, with no column, a word of the file's name: what the rows are)
    a Hangul word may write."""

    column: str


@dataclass(frozen=True)
class _NamePart:
    """A word of longer English column names (rating of white_rating and black_rating, deflator
    of GNP.deflator) a Hangul word may write: it names the columns that word names."""

    word: str


class ValueParts(tuple):
    """The values of a column that hold one word among others (노원구 of "서울특별시 노원구
    상계동"): the rows of any of them."""


#: at most this many values a word of theirs stands for (more is a word of a pattern, not a place)
_MAX_PART_VALUES = 30


def _value_words(index: PhraseIndex, column: Column, table: Table, lex: Lexicon, taken: dict[str, set]) -> None:
    """A word of a value written in several words names the rows whose value holds it: 노원구 of
    "서울특별시 노원구 상계동", "card" of "Credit card". Only when the column's values are all
    known and are no dates, the word tells them apart (not in every value), holds no digit (a
    number or a period is read as one), is no value or column name of its own and no word of the
    lexicon (which keeps its meaning). `taken` keeps the table's whole values and column names
    between the columns of one table (made once: a wide table has thousands of columns)."""
    if column.distinct > len(column.values) or column.kind not in ("categorical", "text") or column.is_date:
        return
    holders: dict[tuple[str, ...], list[Any]] = {}
    for value in column.values:
        words = str(value).split()
        if len(words) < 2:
            continue
        for word in dict.fromkeys(words):
            keys = name_keys(word)
            if not keys or (is_hangul(word) and len(word) < 2) or (not is_hangul(word) and len(word) < 3):
                continue
            if any(ch.isdigit() for ch in word):
                continue  # a number or a period ("2022년" of "2022년 10월") is read as one
            holders.setdefault(keys, []).append(value)
            if is_hangul(word):  # 노원 of 노원구, as the whole value's own name is read too
                bare = next(
                    (word[: -len(x)] for x in _ADMIN_SUFFIXES if word.endswith(x) and len(word) - len(x) >= 2), None
                )
                if bare:
                    holders.setdefault(tuple(bare), []).append(value)
    if holders and not taken:
        taken["whole"] = {_norm_value(v) for c in table.columns for v in (c.values or [])}
        taken["names"] = {
            k for c in table.columns for k in (tuple(c.keys), tuple(c.base or c.keys), *((k,) for k in c.keys))
        }
    for keys, values in holders.items():
        if (
            keys in taken["whole"]
            or keys in taken["names"]
            or len(values) == len(column.values)
            or len(values) > _MAX_PART_VALUES
        ):
            continue
        if any(k == keys for k, _ in lex.phrases.starting_with(keys[0])):
            continue
        if len(values) == 1:
            index.add(keys, Meaning("value", (column.name, values[0], 0.9)))
        else:
            index.add(keys, Meaning("value", (column.name, ValueParts(values), 0.9)))


def _other_reading(g: int, reached: list[set[str]]) -> bool:
    """Whether the column value the lexicon's value line g reaches is better read by another
    line. Opposite values are written on adjacent lines (yes, no; male, female): a code in two
    lines ("F": false or female) is read by the line whose neighbour reaches another value of the
    same column (M beside F: female; T beside F: false)."""
    value = reached[g]
    rivals = [h for h, r in enumerate(reached) if h != g and r == value]
    if not rivals:
        return False
    return not _paired(g, reached) and any(_paired(h, reached) for h in rivals)


def _paired(h: int, reached: list[set[str]]) -> bool:
    """Whether the opposite of the lexicon's value line h (the adjacent line it pairs with: yes
    and no, male and female) reaches another value of the column than line h does."""
    partner = h + 1 if h % 2 == 0 else h - 1
    return 0 <= partner < len(reached) and bool(reached[partner] - reached[h])


def subject_words(table: Table) -> list[tuple[str, ...]]:
    """Words that restate what the whole dataset is about, from its name: the Korean words of
    the name (외국인 and 입국자 of 외국인_입국자.csv; name_keys splits Hangul into syllables), and
    the other language's forms of a lexicon value the name says ("foreign" for 외국인, 외국인
    for foreign_visitors) when no column holds that value (then it is a condition, not a
    restatement). They add no condition: every row is already about them."""
    lex = lexicon()
    words = [w for w in re.split(r"[^가-힣]+", table.name) if len(w) >= 2]
    words += [w for w in name_keys(table.name) if len(w) >= 3 and not w.isdigit() and not is_hangul(w)]
    held = {_norm_value(v) for c in table.columns for v in (c.values or [])}
    names = ["".join(c.keys) for c in table.columns]
    concepts = {x for c in table.columns for x in c.concepts}
    from .catalog import concepts_of

    # a word that names a column (입국자 of 입국자수) is that column, not only the subject
    # a Korean name compounded of a column's name and a word about the whole data: 전력 of
    # 전력사용량.csv over the column 사용량_kWh, 서울 of 서울기온 over 기온
    bases = {"".join(c.base or c.keys) for c in table.columns if all(is_hangul(k) for k in (c.base or c.keys))}
    # (the whole compound is then no subject word: "전력 사용량" is 전력 and the column)
    split = {
        w: [
            rest
            for b in bases
            if len(b) >= 2 and b != w
            for rest in ((w[: -len(b)] if w.endswith(b) else ""), (w[len(b) :] if w.startswith(b) else ""))
            if len(rest) >= 2
        ]
        for w in words
        if is_hangul(w)
    }
    words = [part for w in words for part in (split.get(w) or [w])]
    words = [w for w in words if not any(w in n for n in names) and not set(concepts_of(name_keys(w))) & concepts]
    out = [tuple(w) for w in words if is_hangul(w)]
    for group in lex.value_groups:
        keyed = [name_keys(str(f)) for f in group]
        if any(k in held for k in keyed):
            continue
        if any(k in (tuple(w), (w,)) or "".join(k) == w for k in keyed for w in words):
            out += [k for k in keyed if k]
    return list(dict.fromkeys(out))


def subject_concept_forms(table: Table) -> frozenset[str]:
    """The other script's forms of a lexicon concept the dataset's name says and no column holds
    (보험 of Insurance.csv, written whole: "보험"), read as the subject by `_subjects` when the
    question's word is only that concept; never what the rows are (주문 of orders.csv counts them)
    nor an amount or a count. Only for whole words the Reader found: unlike `subject_words`, they
    are not added to the phrases, where they would split a longer phrase (폭력 범죄율)."""
    from .catalog import concepts_of

    lex = lexicon()
    concepts = {x for c in table.columns for x in c.concepts}
    rows = {"".join(name_keys(w)) for w in table_row_nouns(table)}
    out = set()
    for w in (w for w in name_keys(table.name) if len(w) >= 3 and not w.isdigit() and not is_hangul(w)):
        if "".join(name_keys(w)) in rows:
            continue
        for concept, weight in concepts_of(name_keys(w)).items():
            entry = lex.concepts.get(concept, {})
            if weight < 1.0 or concept in concepts or entry.get("counts") or entry.get("additive"):
                continue
            out |= {str(f).replace(" ", "") for f in entry.get("forms", ()) if is_hangul(str(f))}
    return frozenset(out)


def kind_nouns(table: Table) -> list[tuple[str, ...]]:
    """Korean words of the dataset's name that begin a column's name whose rest is a word of kind
    (유형, 종류, 분류: the lexicon's concept `type`): 민원 of 민원_접수.csv over 민원유형. The rows are
    those things (one complaint each), so the word alone names the rows, not the column."""
    from .catalog import concepts_of

    out = []
    for w in re.split(r"[^가-힣]+", table.name):
        if len(w) < 2:
            continue
        for c in table.columns:
            name = "".join(c.base or c.keys)
            if is_hangul(name) and name.startswith(w) and "type" in concepts_of(name_keys(name[len(w) :])):
                out.append(tuple(w))
                break
    return out


def indicator_forms(column: Column) -> list[tuple[tuple[str, ...], Any]]:
    """The lexicon's words for the measures a long table's indicator column names ("jobs" for
    "Nonfarm payrolls", "unemployment rate" for 실업률): a form of a concept of one value names
    that value when the form carries every concept the value's name does, and no other value
    fits it (then the word stays unplaced and the planner declines)."""
    from .catalog import concepts_of

    lex = lexicon()
    own = set(column.concepts)
    named = {_norm_value(v): v for v in column.values}
    meanings = {v: set(concepts_of(_norm_value(v))) - own for v in column.values}
    fits: dict[tuple[str, ...], set] = {}
    for concepts in meanings.values():
        for concept in concepts:
            for form in lex.concepts.get(concept, {}).get("forms", []):
                keys = name_keys(str(form))
                if keys and keys not in named:
                    fits.setdefault(keys, set())
        if len(concepts) == 2:
            # a value of two concepts said with a word of each, in either order ("unemployment
            # rate" for 실업률: unemployment and rate), in one script, three words at most
            a, b = (
                [name_keys(str(f)) for f in lex.concepts.get(c, {}).get("forms", []) if str(f).isascii()]
                for c in sorted(concepts)
            )
            for x in a:
                for y in b:
                    for keys in (x + y, y + x):
                        if len(keys) <= 3 and keys not in named:
                            fits.setdefault(keys, set())
    for keys in fits:
        said = set(concepts_of(keys)) - own
        fitting = {v for v, concepts in meanings.items() if concepts and concepts <= said}
        # of several, the one that carries most of what is said ("employment rate": 고용률, of
        # employment_rate and rate, over 취업자, of employment alone)
        most = max((len(meanings[v]) for v in fitting), default=0)
        fits[keys] = {v for v in fitting if len(meanings[v]) == most}
    return [(keys, next(iter(values))) for keys, values in fits.items() if len(values) == 1]


def _entity_forms(lex: Any) -> list[tuple[tuple[str, ...], Meaning]]:
    """The lexicon's nouns for rows (order, trip, 주문), as phrases."""
    return [(keys, m) for entries in lex.phrases.by_first.values() for keys, m in entries if m.role == "entity"]


def spelled_names(table: Table) -> list[tuple[str, str, frozenset[int]]]:
    """Latin column names squashed into one run of letters with the places their words meet:
    where the name's own words meet ("deliv|days") and where it parts from another column's name
    that starts the same way ("real|gdp", "real|cons": the shared start is a word of its own)."""
    squashed = {}
    for column in table.columns:
        keys = [k for k in (column.base or column.keys) if k.isascii() and k.isalnum()]
        if not keys or len(keys) != len(column.base or column.keys):
            continue
        cuts = {0}
        for k in keys:
            cuts.add(max(cuts) + len(k))
        squashed[column.name] = ("".join(keys), cuts)
    # where a name parts from another: a start of 3 letters or more that another name goes on
    # from with another letter (every start's next letters, once, instead of every pair of names)
    following: dict[str, set[str]] = {}
    for text, _ in squashed.values():
        for n in range(3, len(text)):
            following.setdefault(text[:n], set()).add(text[n])
    out = []
    for name, (text, cuts) in squashed.items():
        for n in range(3, len(text)):
            if following[text[:n]] - {text[n]}:
                cuts.add(n)
        out.append((name, text, frozenset(cuts)))
    return out


def calendar_groups(column: Column) -> list[list[str]]:
    """The lexicon's weekday (or month, or quarter) names as value groups, for a text column whose
    values are such names (Mon, 3월, Q2: a wide table's periods in long form among them)."""
    lex = lexicon()
    out = []
    for role in ("weekdays", "months", "quarters"):
        groups = [lex.forms(role, key) for key in lex.data[role]]
        known = {name_keys(f) for g in groups for f in g}
        values = [_norm_value(v) for v in column.values]
        if values and sum(v in known for v in values) >= max(2, 0.8 * len(values)):
            out += groups
    return out


def concept_groups(column: Column) -> list[list[str]]:
    """The value groups of the concepts a column carries (a drive column's f, r and 4 are front,
    rear and four-wheel drive, 전륜, 후륜, 사륜): codes that mean these things only in such a
    column ("f" of a sex column is female), so read only there."""
    lex = lexicon()
    return [list(map(str, g)) for k in column.concepts for g in lex.concepts.get(k, {}).get("values", [])]


def concept_columns(table: Table, concept: str) -> list[Column]:
    return [c for c in table.columns if concept in c.concepts]


def bare_columns(table: Table, concept: str, columns: list[Column] | None = None) -> list[Column]:
    """Of the columns that carry a concept, the one the bare word names when one is named by the
    concept alone, or as a whole: 가격 of Cars93 is Price, not Min.Price or Max.Price (whose
    other word the question would say); 인구 of midwest is poptotal (pop + total), not popwhite;
    "taller" is height, not repht. Otherwise all of them."""
    if columns is None:
        columns = concept_columns(table, concept)
    if len(columns) < 2:
        return columns
    forms = set(lexicon().concept_keys(concept))
    bare = [c for c in columns if tuple(k for k in (c.base or c.keys) if k not in _WHOLE_WORDS) in forms]
    return bare if len(bare) == 1 else columns


# --- matching ---------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _transposed(a: str, b: str) -> bool:
    """Whether `a` is `b` with two neighbouring letters swapped (a typing slip: "whcih")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


@lru_cache(maxsize=8192)
def _measured_word(word: str) -> bool:
    """Whether a word of three letters or more is a form of a lexicon concept (speed, price,
    weight): only such a word is kept as its first letter in a name (`segment`)."""
    if len(word) < 3 or not word.isascii():
        return False
    forms = concept_words()
    return any(v in forms for v in variants(word))


#: Words that join a name's words and give it no letter of its own ("loan to value ratio": lvr).
_JOINING = frozenset({"to", "of", "and", "per", "the", "for", "in", "on"})


def _variant_set(word: str) -> frozenset[str]:
    return frozenset(v for v in variants(word) if len(v) >= 3 or v == word)


def _word_match(token: Token, key: str, fuzzy: bool) -> float:
    """How well a token matches one key of a phrase (0: not at all)."""
    if token.text == key:
        return 1.0
    if token.kind != "word" or is_hangul(key):
        return 0.0
    if _variant_set(token.text) & _variant_set(key):
        return 0.95
    if (
        fuzzy
        and len(token.text) >= 5
        and len(key) >= 5
        and difflib.SequenceMatcher(None, token.text, key).ratio() >= 0.84
    ):
        return 0.7
    return 0.0


def _match(tokens: list[Token], i: int, keys: tuple[str, ...], fuzzy: bool) -> tuple[int, float] | None:
    quality = 1.0
    j = i
    for k, key in enumerate(keys):
        if j >= len(tokens):
            return None
        q = _word_match(tokens[j], key, fuzzy and k > 0)
        if not q:
            return None
        quality = min(quality, q)
        j += 1
    return j, quality


def _first_keys(token: Token) -> list[str]:
    if token.kind == "word":
        return list(dict.fromkeys([token.text, *variants(token.text)]))
    return [token.text]


def _hashable(sense: Sense) -> bool:
    try:
        hash(sense)
    except TypeError:
        return False
    return True


@dataclass
class _Edge:
    start: int
    end: int
    senses: list[Sense]
    score: float


def _content_score(tokens: list[Token], i: int, j: int, quality: float) -> float:
    size = sum(max(1, len(t.text)) if t.kind == "word" else (2 if t.kind == "hangul" else 1) for t in tokens[i:j])
    return (size**1.4) * quality


_FUNCTION_ROLES = {"filler", "condition", "either", "range_join"}
#: Small words an organisation's initials may skip (National Aeronautics and Space Administration).
_SMALL_WORDS = {"of", "and", "the", "for", "de", "du", "des", "la", "le", "del", "y", "in", "on", "at", "to"}
_PREPOSITIONS = {"to", "by", "with", "from", "of", "for", "in", "on", "at", "into"}


#: `dataset_phrases` and `spelled_names` of tables described before (by `_described`'s key)
#: a table's phrases, its spelled names, and what words spell which of them (`Reader._spellings`)
_Described = tuple[PhraseIndex, list[tuple[str, str, frozenset[int]]], dict[Any, Any]]
_readings: OrderedDict[tuple[Any, ...], _Described] = OrderedDict()
_readings_lock = threading.Lock()


def _described(table: Table) -> _Described:
    """The table's phrases and spelled names, worked out once per table as described from its
    dataset (`Table.fingerprint`) and as the planner holds it (its columns, derived ones too)."""
    if table.fingerprint is None:
        return dataset_phrases(table), spelled_names(table), {}
    key = (
        table.fingerprint,
        repr(
            (
                table.var,
                table.name,
                [c.name for c in table.columns],
                table.labels,
                table.periods,
                table.indicator,
                table.wide_period,
                table.wide_kind,
                table.wide_keys,
            )
        ),
        id(lexicon()),
    )
    with _readings_lock:
        known = _readings.get(key)
        if known is not None:
            _readings.move_to_end(key)
            return known
    known = (dataset_phrases(table), spelled_names(table), {})
    with _readings_lock:
        _readings[key] = known
        while len(_readings) > 16:
            _readings.popitem(last=False)
    return known


class Reader:
    """Reads questions against one table."""

    def __init__(self, table: Table, *, other_script: bool = False):
        """`other_script`: also read unknown words as names written in the other script than the
        data's (see `_transliterated`); the analyst does so only for a question it would decline
        otherwise, so that it never changes an answer it gives without it."""
        self.table = table
        self.other_script = other_script
        self.lex = lexicon()
        self.data, self.spelled, self._spell_memo = _described(table)
        self._fuzzy_vocab: list[tuple[str, ...]] | None = None
        self._stems: list[str] | None = None
        self._other_script: list[tuple[str, Any, bool, str, str]] | None = None
        self._question = ""
        self.corrections: list[tuple[str, str]] = []  # words read in another spelling (read())
        # column -> the question's words that spelled its abbreviated name ("average prices")
        self.spelled_as: dict[str, str] = {}
        # (column, code value, the words) -> the question's words that spelled a coded value
        # ("orange juice" for OJ): `_coded_values`
        self.coded_as: dict[tuple[str, str, str], str] = {}
        self.code_words: dict[str, str] = {}  # a code value read -> the words that spelled it
        self._statistic_words = {
            k[0]
            for key in ("mean", "median", "sum", "max", "min")
            for k in map(name_keys, self.lex.forms("agg", key))
            if len(k) == 1
        }
        self._respelled: list[tuple[str, str]] = []
        self._subject_cache: set[str] | None = None
        self._closest: dict[str, str | None] = {}
        self._plain = {
            k[0]
            for role in (
                "filler",
                "condition",
                "descriptors",
                "either",
                "range_join",
                "negation",
                "group",
                "between",
                "than",
            )
            for k in map(name_keys, self.lex.forms(role))
            if len(k) == 1
        }

    def _latin_forms(self, role: str, key: Any) -> list[str]:
        """The English forms of a lexicon meaning as a name may spell them: its one-word forms and
        the phrases of `short_forms` ("per capita")."""
        forms = self.lex.forms(role, key) if role == "agg" else [" ".join(k) for k in self.lex.concept_keys(key)]
        out = []
        for f in forms:
            k = name_keys(f)
            if k and all(w.isascii() and w.isalpha() for w in k) and (len(k) == 1 or " ".join(k) in short_forms()):
                out.append(" ".join(k))
        return out[:16]

    def _suffix_words(self, syllable: str) -> list[str]:
        """The English forms of the concept a one-syllable Korean name suffix is a word of (률: rate)."""
        if not syllable or syllable not in set(self.lex.data.get("name_suffixes") or []):
            return []
        meanings = [
            m for keys, m in self.lex.phrases.starting_with(syllable) if keys == (syllable,) and m.role == "concept"
        ]
        return [w for m in meanings for w in self._latin_forms("concept", m.key) if " " not in w]

    def _concepts_spelling_names(self, mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
        """Korean words reach an abbreviated English name through the lexicon's concepts: "1인당
        소득" (per capita + income) is perinc, "평균 가격" (average + prices) avgprs, when the
        English forms of the words' concepts, in the question's order, spell the WHOLE name
        (`segment`) and spell no other name. A statistic word before them (평균) is also asked: it
        stays the question's (the mean of avgprs). Only for words no column was found for."""
        out = list(mentions)
        k = 0
        while k < len(out):
            run_end = k
            while (
                run_end < len(out)
                and run_end - k < 2
                and is_hangul(out[run_end].text.replace(" ", ""))
                and out[run_end].has("concept")
                and not out[run_end].has("column")
                and not out[run_end].has("value")
            ):
                run_end += 1
            if run_end == k:
                k += 1
                continue
            before = out[k - 1] if k else None
            agg = before.get("agg") if before is not None and not before.has("column") else None
            options = [[self._latin_forms("concept", s.key) for s in m.all("concept")] for m in out[k:run_end]]
            found: dict[str, float] = {}
            for size in range(run_end - k, 0, -1):  # the longest run of words first
                words_of = [sum(o, []) for o in options[:size]]
                # a Korean compound ending in a suffix that is a concept's word (실업률: 실업 +
                # 률, rate) spells its name with that word too (unrate: unemployment rate)
                last = out[k + size - 1].text.replace(" ", "")
                tail = self._suffix_words(last[-1:]) if len(last) >= 3 else []
                # (the suffix read apart, written onto the word: "범죄" + "율" of 범죄율, crmrte)
                after = out[k + size] if k + size < len(out) else None
                glued = bool(
                    not tail
                    and after is not None
                    and len(after.text) == 1
                    and not after.has("column")
                    and self._suffix_words(after.text)
                    and tokens[after.start].joined
                )
                if glued:
                    tail = self._suffix_words(after.text)
                combos = [] if glued else list(itertools.product(*words_of))
                if tail:
                    combos += [(*c, w) for c in itertools.product(*words_of) for w in tail]
                for combo in combos:
                    heads = [self._latin_forms("agg", agg.key)] if agg is not None else []
                    for words in [(*h, *combo) for h in itertools.product(*heads)] + [combo]:
                        firsts = _word_forms(words[0])[1]
                        for name, squashed, cuts in self.spelled:
                            if squashed[:1] not in firsts:
                                continue  # (no piece from its start abbreviates the first word)
                            q = segment(squashed, cuts, tuple(words), True)
                            if q >= 0.85:
                                found[name] = max(found.get(name, 0.0), q)
                if not found and size == 1 and not out[k].roles - {"concept"}:
                    # a concept's word held inside one name of one run of letters (수학: math, in
                    # tmathssk), as an English word is (`_inside_names`)
                    keys = {s.key for s in out[k].all("concept")}
                    words = {w for o in options[0] for w in o} | {c for c in keys if str(c).isalpha()}
                    inside = {n: q for w in words for n, q in self._inside_names(str(w))}
                    if len(inside) == 1:
                        found = inside
                if found:
                    if len(found) == 1:
                        name, q = next(iter(found.items()))
                        end = k + size + (1 if glued else 0)
                        first, last = out[k], out[end - 1]
                        text = first.text if end - k == 1 else f"{first.text}{'' if glued else ' '}{last.text}"
                        senses = [Sense("column", name, 0.9 * q)] + [s for m in out[k:end] for s in m.all("concept")]
                        out[k:end] = [Mention(first.start, last.end, text, senses)]
                        self.spelled_as.setdefault(name, text)
                    break
            k += 1
        return out

    def _word_runs(self, tokens: list[Token], i: int) -> list[tuple[list[str], int]]:
        """The runs of up to 5 words from `tokens[i]` a name may spell, each with where it ends:
        words joined by a hyphen, slash or underscore are one run; a phrase of the lexicon's
        `short_forms` ("per capita", pc) is also one word of a run, as names write it."""
        phrases = [tuple(k.split(" ")) for k in short_forms() if " " in k]
        out: list[tuple[list[str], int]] = []

        def grow(words: list[str], j: int) -> None:
            if len(words) >= 5 or j >= n:
                return
            t = tokens[j]
            if (
                t.kind == "sym"
                and t.text in ("-", "–", "/", "_")
                and words
                and j + 1 < n
                and tokens[j + 1].kind == "word"
            ):
                grow(words, j + 1)
                return
            if t.kind not in ("word", "num"):
                return
            out.append(([*words, t.text], j + 1))
            grow([*words, t.text], j + 1)
            for phrase in phrases:
                k = len(phrase)
                if tuple(x.text for x in tokens[j : j + k]) == phrase:
                    out.append(([*words, " ".join(phrase)], j + k))
                    grow([*words, " ".join(phrase)], j + k)

        n = len(tokens)
        grow([], i)
        return out

    def _spellings(self, words: tuple[str, ...]) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
        """The names `words` spell whole (`segment`'s quality), and those of the rest they spell a
        part of (0.8 x its quality), worked out once per table and words: a wide table's thousands
        of names would be tried again for every question's words."""
        memo = self._spell_memo
        known = memo.get(words)
        if known is not None:
            return known
        by_letter = memo.get(None)
        if by_letter is None:
            # the names by the letters their pieces start with (where their words meet): a piece
            # abbreviates the first word only if it starts with one of its forms' letters (see
            # `segment`), so only those names are tried
            by_letter = {}
            for k, (_name, squashed, cuts) in enumerate(self.spelled):
                for letter in {squashed[a] for a in cuts if a < len(squashed)}:
                    by_letter.setdefault(letter, []).append(k)
            memo[None] = by_letter
        tried = sorted({k for f in _word_forms(words[0])[1] for k in by_letter.get(f, ())})
        wholes, partial = [], []
        for k in tried:
            name, squashed, cuts = self.spelled[k]
            q = segment(squashed, cuts, words, True)
            if q:
                wholes.append((name, q))
                continue
            q = segment(squashed, cuts, words, False)
            if q:
                partial.append((name, 0.8 * q))
        if len(memo) > 4096:
            memo.clear()
            memo[None] = by_letter
        memo[words] = known = (wholes, partial)
        return known

    def _inside_names(self, word: str) -> list[tuple[str, float]]:
        """The names of one run of letters (no word of their own inside) holding the word, or its
        start of 4 letters or more, after or before other letters: econometric tables write a
        measure between codes of its kind and its wave ("math" in Project STAR's tmathssk, total
        math scaled score in kindergarten; "read" of "reading" in treadssk). 0.7 each, a part."""
        if not (word.isascii() and word.isalpha() and len(word) >= 4):
            return []
        pieces = {w[:k] for w, f in _word_forms(word)[0] if f >= 0.97 for k in range(4, len(w) + 1)}
        out = []
        for name, squashed, cuts in self.spelled:
            if cuts != frozenset((0, len(squashed))) or len(squashed) < len(word) or squashed.startswith(word):
                continue
            # the piece found and the letters around it shorter than it (a code, not a word)
            # (inside: a name that starts with it, "count" of country, is no code before it)
            if any(squashed.find(p) >= 1 and len(squashed) - len(p) <= len(p) for p in pieces) and not any(
                squashed.startswith(p) for p in pieces
            ):
                out.append((name, 0.7))
        return out

    def _abbreviated(self, tokens: list[Token]) -> list[_Edge]:
        """Columns named by words their names abbreviate or run together: "unemployment" for
        unemp, "delivery days" for DELIV_DAYS, "T-bill rate" for tbilrate, "GDP per capita" for
        gdpPercap, "package count" for PKG_CNT; a distinctive part alone ("delivery", "GDP")."""
        out: list[_Edge] = []
        n = len(tokens)
        keys_of = {c.name: tuple(c.base or c.keys) for c in self.table.columns}
        own_names = {tuple(c.keys) for c in self.table.columns}
        for i in range(n):
            if tokens[i].kind != "word":
                continue
            for words, j in self._word_runs(tokens, i):
                single = len(words) == 1
                if single and (len(words[0]) < 3 or words[0] in _PARTIAL_STOP or words[0] in self._plain):
                    # (a plain word that is also a concept's name, "reading" of what rows are, still
                    # names the one name that holds it: treadssk; "there" is no "ther" of weather)
                    inside = (
                        self._inside_names(words[0])
                        if words[0] not in _PARTIAL_STOP and words[0] in self.lex.concepts
                        else []
                    )
                    if len(inside) == 1 and not self._names_value(words[0]):
                        name, quality = inside[0]
                        out.append(
                            _Edge(
                                i,
                                j,
                                [Sense("column", name, quality)],
                                _content_score(tokens, i, j, 1.0) * quality * 1.05,
                            )
                        )
                    continue
                if single and self._names_value(words[0]):
                    continue  # "female" of sex = F is no FL: a word the data reads as a value
                wholes, partial = self._spellings(tuple(words))
                for name, q in wholes:
                    if q < 0.95 or tuple(words) != keys_of[name]:  # (the name's own words are indexed)
                        quality = 0.95 * q
                        # "average price" of avgprs, "avg income" of avginc: the statistic is
                        # asked too (the mean of avgprs), its word stays the question's; the
                        # rest of the words must still name the column
                        first = i
                        # (a name that writes it as a word of its own, "Avg. Temp", is named
                        # whole by the phrase, as before)
                        if (
                            len(words) > 1
                            and words[0] in self._statistic_words
                            and q < 0.95
                            and len(keys_of[name]) == 1
                        ):
                            first = i + 1
                        out.append(
                            _Edge(
                                first,
                                j,
                                [Sense("column", name, quality)],
                                _content_score(tokens, first, j, 1.0) * quality * 1.05,
                            )
                        )
                        self.spelled_as.setdefault(name, " ".join(words))
                parts = partial if partial and (len(words) > 1 or self._closest_latin(words[0]) is None) else []
                if (
                    single
                    and not wholes
                    and not parts
                    and (words[0] in self.lex.concepts or self._closest_latin(words[0]) is None)
                ):
                    # (a concept's name, "math", or a word the lexicon does not know)
                    parts = self._inside_names(words[0])
                # A name that is the initials of the words ("adr" for average daily rate, "bmi"
                # for body mass index): three words or more, each of two letters or more
                # (a first word that is itself a column's whole name is that column, never a
                # letter of another's: "ofp for people in poor" is no opp; a column's name inside
                # the phrase may be: "gross state product" is gsp beside a column state)
                if (
                    len(words) >= 3
                    and all(w.isascii() and w.isalpha() and len(w) >= 2 for w in words)
                    and (words[0],) not in own_names
                ):
                    # (the words that join others are no letter of them: lvr, "loan to value
                    # ratio"; dir, "debt to income ratio")
                    content = [w for w in words if w not in _JOINING]
                    spelled = {"".join(w[0] for w in words)}
                    if len(content) >= 3 and content[0] == words[0] and content[-1] == words[-1]:
                        spelled.add("".join(w[0] for w in content))
                    # "average daily rate" of adr: the average is also asked (the mean of adr)
                    first = i + 1 if words[0] in self.lex.forms("agg", "mean") else i
                    for name, squashed, _cuts in self.spelled:
                        if squashed in spelled and name.isascii() and len(keys_of[name]) == 1:
                            score = _content_score(tokens, first, j, 1.0) * 0.9 * 1.05
                            out.append(_Edge(first, j, [Sense("column", name, 0.9)], score))
                # A part several names share ("ship" of SHIP_ID and SHIP_DATE, "real" of realgdp
                # and realcons) names what the rows are, not one column
                if len(parts) == 1:
                    name, quality = parts[0]
                    out.append(
                        _Edge(
                            i, j, [Sense("column", name, quality)], _content_score(tokens, i, j, 1.0) * quality * 1.05
                        )
                    )
        return out

    def _spaced_names(self, tokens: list[Token]) -> list[_Edge]:
        """A one-word name of the data written as two words ("full time" for the value fulltime,
        "part time" for parttime, "work load" for workload): the two words, joined, are that name.
        Only Latin words, only a name the data writes as one word, only both words together."""
        out: list[_Edge] = []
        for i in range(len(tokens) - 1):
            a, b = tokens[i], tokens[i + 1]
            if a.kind != "word" or b.kind != "word" or b.joined or not (a.text + b.text).isascii():
                continue
            joined = a.text + b.text
            senses = [
                s
                for keys, meaning in self.data.starting_with(joined)
                if keys == (joined,) and meaning.role in ("value", "column")
                for s in self._senses(meaning, 1.0)
            ]
            if senses:
                out.append(_Edge(i, i + 2, senses, _content_score(tokens, i, i + 2, 1.0) * 1.05))
        return out

    def _coded_values(self, tokens: list[Token]) -> list[_Edge]:
        """Category values the data keeps as short codes, named by the words they stand for: their
        initials ("orange juice" for OJ, "vitamin C" for VC, "family therapy" for FT), or words the
        code abbreviates as a column's name abbreviates them (`segment`: "control" for ctrl,
        "treatment 1" for trt1). Only the columns' own values are candidates, and only words that
        mean nothing else to the data or the lexicon (a concept's word, "therapy", aside) spell
        one; words that spell values of two columns name both (the planner asks which). The words
        are kept (`coded_as`): the reply restates them beside the code."""
        codes = self._codes()
        out: list[_Edge] = []
        if not codes:
            return out
        for i in range(len(tokens)):
            if tokens[i].kind != "word":
                continue
            for words, j in self._word_runs(tokens, i):
                if not self._free_word(words[-1]):
                    break  # (a longer run holds it too)
                found = [
                    (column, value, q)
                    for column, value, code in codes
                    if code != "".join(words) and (q := _spells_code(code, words))
                ]
                if not found:
                    continue
                senses = [Sense("value", (column, value), 0.9 * q) for column, value, q in found]
                # the words read together as one value, rather than one by one ("treatment" a
                # concept no column of the data carries, "1" a number)
                out.append(_Edge(i, j, senses, _content_score(tokens, i, j, 1.0) * 1.05))
                for column, value, _ in found:
                    self.coded_as[(column, str(value), " ".join(w.lower() for w in words))] = " ".join(words)
        return out

    def _codes(self) -> list[tuple[str, Any, str]]:
        """(column, value, its code in lower case) of the category values written as one short
        token of letters and digits (OJ, ctrl, trt1, CBT): two to five characters."""
        out = []
        for column in self.table.columns:
            if column.kind not in ("categorical", "text") or not column.values or column.distinct > len(column.values):
                continue
            for value in column.values:
                text = str(value)
                if 2 <= len(text) <= 5 and text.isascii() and text.isalnum() and not text.isdigit():
                    out.append((column.name, value, text.lower()))
        return out

    def _free_word(self, word: str) -> bool:
        """A word that may spell a code: no small word, no column or value of the data, and in the
        lexicon at most a concept's word ("therapy")."""
        if word in _SMALL_WORDS or word in _PARTIAL_STOP or " " in word:
            return False
        if word.isdigit():
            return True
        if not (word.isascii() and word.isalpha()):
            return False
        if any(k == (word,) for k, _ in self.data.starting_with(word)):
            return False
        return all(m.role == "concept" for k, m in self.lex.phrases.starting_with(word) if k == (word,))

    def _names_value(self, word: str) -> bool:
        """Whether the data's index reads the word alone as one of its category values."""
        return any(k == (word,) and m.role == "value" for k, m in self.data.starting_with(word))

    def _spelled_out(self, tokens: list[Token]) -> list[_Edge]:
        """Organisations the data writes by their initials (NASA, NSF) named in full in the
        question ("National Science Foundation"): words written with capitals whose initials,
        with or without their small words, are a code value of a column (three letters or more).
        Initials two values share are both kept (the planner asks which)."""
        codes: dict[str, list[tuple[str, Any]]] = {}
        for column in self.table.columns:
            if column.kind in ("categorical", "text", "identifier") and column.values:
                for value in column.values:
                    if _is_code(value) and len(value) >= 3:
                        codes.setdefault(value.lower(), []).append((column.name, value))
        if not codes:
            return []
        out: list[_Edge] = []
        n = len(tokens)
        for i in range(n):
            if tokens[i].kind != "word" or not self._capitalized(tokens[i]):
                continue
            for j in range(i + 2, min(n, i + 9) + 1):
                run = tokens[i:j]
                if run[-1].kind != "word" or not (run[-1].text in _SMALL_WORDS or self._capitalized(run[-1])):
                    break
                if run[-1].text in _SMALL_WORDS:
                    continue  # (a name does not end in "of")
                big = [t for t in run if t.text not in _SMALL_WORDS]
                for initials in {"".join(t.text[0] for t in run), "".join(t.text[0] for t in big)}:
                    for name, value in codes.get(initials, []):
                        sense = Sense("value", (name, value), 0.9)
                        out.append(_Edge(i, j, [sense], _content_score(tokens, i, j, 1.0) * 0.9 * 1.05))
        return out

    def _script_values(self) -> list[tuple[str, Any, bool, str, str]]:
        """The table's category values a name in the other script may stand for: (column, value,
        written in Hangul, its Latin spelling, its sound key). Column names of one English word
        and the English words of the file's name are among them, as (their column or "", None, ...): a
        Korean question writes them as they sound (캐럿 for carat, 다이아몬드 for diamonds)."""
        if self._other_script is None:
            out = []
            names = [(c.name, c.keys[0]) for c in self.table.columns if len(c.keys) == 1]
            names += [("", word) for word in name_keys(self.table.name)]  # the rows: "diamonds"
            for name, word in names:
                if word.isascii() and word.isalpha() and len(word) >= 3:
                    for latin in dict.fromkeys([word, *variants(word)]):
                        if sound_key(latin):
                            out.append((name, None, False, latin, sound_key(latin)))
            # a word of a longer name (디플레이터 for GNP.deflator, 보너스 for signing_bonus): a word
            # of four letters or more that is no whole name of its own, in ONE name only (레이팅 of
            # white_rating and black_rating is left unknown: with the side words of a pair, 백 레이팅이
            # 흑 레이팅보다 높은, the pair's reading took one of them twice, a wrong answer)
            whole = {word for _, word in names}
            held: dict[str, int] = {}
            for c in self.table.columns:
                if len(c.keys) > 1 and not GENERATED_NAME.match(c.name):
                    for k in set(c.keys):
                        held[k] = held.get(k, 0) + 1
            parts = {
                k
                for k, n in held.items()
                if n == 1 and k.isascii() and k.isalpha() and len(k) >= 4 and k not in whole and k not in _PARTIAL_STOP
            }
            for word in sorted(parts):
                for latin in dict.fromkeys([word, *variants(word)]):
                    if sound_key(latin):
                        out.append(("", _NamePart(word), False, latin, sound_key(latin)))
            for column in self.table.columns:
                if column.kind not in ("categorical", "text", "identifier") or not column.values:
                    continue
                for value in column.values:
                    if not isinstance(value, str):
                        continue
                    hangul = is_hangul(value.replace(" ", ""))
                    if not hangul and not re.fullmatch(r"[A-Za-z][A-Za-z .&'-]*", value):
                        continue  # codes with digits, mixed scripts: not a name to transliterate
                    for latin in _spellings(value.replace(" ", "")) if hangul else [value]:
                        key = sound_key(latin)
                        if key:
                            out.append((column.name, value, hangul, latin.lower(), key))
            self._other_script = out
        return self._other_script

    def _initials(self, word: str) -> set[str]:
        """The Latin initials a Hangul word spells letter by letter ('엘지' -> {'lg'})."""
        names = [(name, letter) for letter, forms in self.lex.data["letter_names"].items() for name in forms]
        found: dict[int, set[str]] = {0: {""}}
        for pos in range(len(word)):
            for prefix in found.get(pos, set()):
                for name, letter in names:
                    if word.startswith(name, pos):
                        found.setdefault(pos + len(name), set()).add(prefix + str(letter))
        return {w for w in found.get(len(word), set()) if len(w) >= 2}

    def _other_script_value(self, word: str) -> list[Sense]:
        """The value a name written in the other script than the data's stands for ("삼성" for
        Samsung, "Gangnam" for 강남, "엘지" for LG): the two spellings' sound keys agree
        (`sound_key`) and their letters are alike, for one value only; two values alike as much
        leave the word unknown (the analyst then declines)."""
        hangul = is_hangul(word)
        initials = self._initials(word) if hangul else set()
        scored: dict[str, float] = {}
        columns: dict[str, list[str]] = {}
        spellings = [
            (latin, sound_key(latin)) for latin in (_spellings(word, admin=False) if hangul else [word.lower()])
        ]
        for (column, value, value_hangul, value_latin, value_key), (latin, key) in itertools.product(
            self._script_values(), spellings
        ):
            if value_hangul == hangul:
                continue
            if value is None:
                value = _Named(column)
            if initials and _is_code(value) and value.lower() in initials:
                score = 1.0
            elif key == value_key and not _is_code(value):
                # the shape (consonants and where vowels fall) and the letters must agree, the
                # more so the fewer consonants the name has: measured on common Korean words
                # against place and company names, these bounds keep about one coincidence in six
                # of looser ones (비싼 is not Busan: its letters differ) at the cost of names
                # spelled far from their sound (네이버 for Naver is declined)
                shape = difflib.SequenceMatcher(None, sound_key(latin, True), sound_key(value_latin, True)).ratio()
                letters = difflib.SequenceMatcher(None, latin, value_latin.replace(" ", "")).ratio()
                if len(key) >= 3:
                    sure = shape >= 0.85 and letters >= 0.5
                elif len(key) == 2:
                    sure = shape >= 1.0 and letters >= 0.6
                else:
                    sure = letters >= 0.85
                if not sure:
                    continue
                score = shape + 0.5 * letters
            else:
                continue
            scored[value] = max(score, scored.get(value, 0.0))
            columns.setdefault(value, []).append(column)
        if not scored:
            return []
        ranked = sorted(scored.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - 0.1:
            return []
        value = ranked[0][0]
        if isinstance(value, _NamePart):  # the column whose name holds that word
            named = [c.name for c in self.table.columns if value.word in c.keys]
            return [Sense("column", name, 0.85) for name in named[:1]]
        if isinstance(value, _Named):  # a column's name, or what the rows are
            return [Sense("column", value.column, 0.85) if value.column else Sense("entity", None, 0.85)]
        return [Sense("value", (name, value), 0.85) for name in dict.fromkeys(columns[value])]

    def _transliterated(self, tokens: list[Token], path: list[_Edge]) -> list[_Edge]:
        """Edges for unknown words that name a value in the other script (see
        `_other_script_value`): a Latin word or two, or a run of Hangul from its start, as short
        as matches with only particles written after it (삼성의, 네이버나)."""
        unknown = {i for e in path if e.senses[0].role == "unknown" for i in range(e.start, e.end)}
        out: list[_Edge] = []
        n = len(tokens)
        runs: set[tuple[int, int]] = set()
        for i in sorted(unknown):
            # a Latin word is a name only when written as one (Gangnam, New York), never the
            # question's first word (capitalized anyway): "fashion" is not 부산 (P-S-N both)
            if tokens[i].kind == "word" and self._capitalized(tokens[i]):
                # the question's first word only as the first of two capitalized words (Park Jihoon)
                for j in (i + 1, i + 2) if i > 0 else (i + 2,):
                    if j <= n and all(
                        t.kind == "word" and k in unknown and self._capitalized(t) for k, t in enumerate(tokens[i:j], i)
                    ):
                        senses = self._other_script_value(" ".join(t.text for t in tokens[i:j]))
                        if senses:
                            out.append(_Edge(i, j, senses, _content_score(tokens, i, j, 1.0) * 0.85 * 1.05))
            elif tokens[i].kind == "hangul":
                a = i
                while a > 0 and tokens[a].joined and tokens[a - 1].kind == "hangul":
                    a -= 1
                b = i + 1
                while b < n and tokens[b].kind == "hangul" and tokens[b].joined:
                    b += 1
                runs.add((a, b))
        for a, b in runs:
            for end in range(a + 2, b + 1):
                if not self._particles_only(tokens[end:b]):
                    continue
                senses = self._other_script_value("".join(t.text for t in tokens[a:end]))
                if senses:
                    out.append(_Edge(a, end, senses, _content_score(tokens, a, end, 1.0) * 0.85 * 1.05))
                    break
        return out

    def _loanword_column(self, tokens: list[Token], edge: _Edge) -> _Edge:
        """A Hangul noun the lexicon knows only as a word for rows (프로젝트, 게임, 모델) that is the
        loanword of a Latin column's name (projects, games, model) names that column as the
        English word would: "프로젝트 수가 가장 많은 부서" asks about the projects column, never
        the number of rows (it counted the employees: a wrong answer). The same sound and letter
        test as names in the other script (`_other_script_value`), for column names only."""
        if not edge.senses or any(s.role != "entity" for s in edge.senses):
            return edge
        if not all(t.kind == "hangul" for t in tokens[edge.start : edge.end]):
            return edge
        word = "".join(t.text for t in tokens[edge.start : edge.end])
        if len(word) < 2:
            return edge
        named = [s for s in self._other_script_value(word) if s.role == "column"]
        if len(named) != 1:
            return edge
        # as the Latin name is read: the column, not the rows ("A noun that is also a column
        # name ... is read as that instead", the lexicon's entity list)
        return _Edge(edge.start, edge.end, [Sense("column", named[0].key, 0.95)], edge.score)

    def _cuts_a_known_word(self, tokens: list[Token], i: int, j: int) -> bool:
        """Whether a match over Hangul syllables i..j-1 runs across a space into a written word it
        ends in the middle of, when that whole word is one the lexicon knows: "택배 비율" is 택배
        and 비율 (a share), never 택배비 (a freight cost) and a stray 율."""
        if j >= len(tokens) or tokens[i].kind != "hangul" or tokens[j].kind != "hangul" or not tokens[j].joined:
            return False
        spaces = [k for k in range(i + 1, j) if tokens[k].kind == "hangul" and not tokens[k].joined]
        if not spaces:
            return False
        start = spaces[-1]
        word = tuple(t.text for t in [tokens[start], *_joined_run(tokens, start + 1)])
        return any(keys == word for keys, _ in self.lex.phrases.starting_with(word[0]))

    def _particles_only(self, rest: list[Token]) -> bool:
        """Whether syllables are nothing but particles and endings (의, 이나, 였던)."""
        text = tuple(t.text for t in rest)
        ok = [True] + [False] * len(text)
        for pos in range(len(text)):
            if ok[pos]:
                for p in self.lex.particles:
                    if text[pos : pos + len(p)] == p:
                        ok[pos + len(p)] = True
        return ok[len(text)]

    def _capitalized(self, token: Token) -> bool:
        written = self._question[token.start : token.end] if _same_text(self._question) else token.text
        return written[:1].isupper()

    # candidates
    def _edges(self, tokens: list[Token], extra: list[_Edge]) -> dict[int, list[_Edge]]:
        edges: dict[int, list[_Edge]] = {}
        n = len(tokens)

        # the senses each edge holds, to add each once (a word of a wide table's names, "gene"
        # of gene_1 ... gene_3000, has thousands: a list's `in` made it quadratic)
        held: dict[tuple[int, int], set[Sense]] = {}

        def add(i: int, j: int, sense: Sense, score: float) -> None:
            for edge in edges.setdefault(i, []):
                if edge.end == j:
                    if _hashable(sense):
                        if sense not in held[(i, j)]:
                            held[(i, j)].add(sense)
                            edge.senses.append(sense)
                    elif sense not in edge.senses:
                        edge.senses.append(sense)
                    edge.score = max(edge.score, score)
                    return
            edges[i].append(_Edge(i, j, [sense], score))
            held[(i, j)] = {sense} if _hashable(sense) else set()

        for i, token in enumerate(tokens):
            for first in _first_keys(token):
                for index, is_data in ((self.lex.phrases, False), (self.data, True)):
                    for keys, meaning in index.starting_with(first):
                        m = _match(tokens, i, keys, fuzzy=is_data)
                        if m is None:
                            continue
                        j, quality = m
                        if self._cuts_a_known_word(tokens, i, j):
                            continue
                        # "in", "or", "us" are words of the question, not the codes IN, OR, US of the
                        # data, unless written in capitals as the codes are
                        if (keys, meaning) in index.capitals and not question_text(
                            tokens, i, j, self._question
                        ).isupper():
                            continue
                        if (
                            is_data
                            and meaning.role == "value"
                            and len(keys) == 1
                            and keys[0] in self._plain
                            and str(meaning.key[1]).isupper()
                            and str(meaning.key[1]).lower() == keys[0]
                            and not question_text(tokens, i, j, self._question).isupper()
                        ):
                            continue
                        # A Korean word does not begin in the middle of another word unless it is
                        # a whole name of the data or a word of two syllables or more.
                        # "7월 평균" is July's mean, not 월평균 (a monthly mean): after a number,
                        # 월/일/년 are date units
                        # A unit (도, 원, 명) without a number before it does not begin a longer
                        # word: 도시가 is 도시 + 가, not 도 (degrees) + 시가
                        if (
                            meaning.role == "units"
                            and token.kind == "hangul"
                            and len(keys) == 1
                            and not token.joined
                            and not (i > 0 and (tokens[i - 1].kind == "num" or tokens[i - 1].text == "몇"))
                            and i + 1 < n
                            and tokens[i + 1].kind == "hangul"
                            and tokens[i + 1].joined
                            and not self._particles_only(_joined_run(tokens, i + 1))
                        ):
                            continue
                        # ... and after a word, 일 is the copula (영하일 때, 적자일 경우), not a day
                        if (
                            meaning.role == "date_units"
                            and token.kind == "hangul"
                            and token.joined
                            and token.text == "일"
                            and len(keys) == 1
                            and i > 0
                            and tokens[i - 1].kind == "hangul"
                        ):
                            continue
                        if (
                            token.kind == "hangul"
                            and token.joined
                            and i > 0
                            and tokens[i - 1].kind == "num"
                            and token.text in ("월", "일", "년", "주")
                            and len(keys) > 1
                            and meaning.role not in ("date_units", "units", "months", "quarters", "ordinal")
                        ):
                            continue
                        # 제주나 부산: 나 written onto a word is "or" as 이나 is (와/과 "and" stay
                        # particles there: a range or two sides read them)
                        or_word = meaning.role == "either" and token.text == "나"
                        if (
                            token.kind == "hangul"
                            and token.joined
                            and len(keys) == 1
                            and not or_word
                            and meaning.role
                            not in (
                                "group",
                                "ratio_per",
                                "bucket",
                                "units",
                                "date_units",
                                "multipliers",
                                "compare_after",
                                "descriptors",
                            )
                            and i > 0
                            and tokens[i - 1].kind == "hangul"
                        ):
                            continue
                        if meaning.role == "either" and token.kind == "hangul" and _misattached(tokens, i):
                            continue
                        # "which day" asks a date and "by day" groups dates by day, unless the
                        # data has a column of that name holding names, not times (tips' `day`,
                        # Thur..Sun): then they are "which" or "by" and that column
                        if (
                            meaning.role in ("when", "bucket")
                            and len(keys) > 1
                            and any(
                                tuple(c.keys) == keys[1:] and c.kind in ("categorical", "text") and not c.is_date
                                for c in self.table.columns
                            )
                        ):
                            continue
                        # 주별 is "weekly" over dates, but "by state" (주 + 별) where the data
                        # has no dates and a column the stem names (midwest's `state`)
                        if meaning.role == "bucket" and self._names_a_column_not_a_period(keys):
                            continue
                        # "shipped to", "paid with": a verb and the preposition that marks the value
                        # after it; where no column carries its concept it says nothing that value
                        # does not, and its words are read one by one
                        if (
                            meaning.role == "concept"
                            and len(keys) > 1
                            and keys[-1] in _PREPOSITIONS
                            and not concept_columns(self.table, meaning.key)
                        ):
                            continue
                        # a concept no column carries ("최저 기온" with only 기온) gives way to a
                        # reading of its words that the data has (최저 of 기온)
                        unheld = (
                            meaning.role == "concept"
                            and j - i > 1
                            and not concept_columns(self.table, meaning.key)
                            and not self._names_a_value(keys)  # 실업률, a value of an indicator column
                        )
                        for sense in self._senses(meaning, quality):
                            role_score = 0.5 if sense.role in _FUNCTION_ROLES or unheld else 1.0
                            score = _content_score(tokens, i, j, quality) * role_score
                            if sense.role in ("column", "value"):
                                score *= sense.quality * 1.05
                            add(i, j, sense, score)
            if token.kind == "num":
                add(i, i + 1, Sense("num", float(token.text)), 1.0)
            if token.kind == "date":
                add(i, i + 1, Sense("date", _date_token(token.text)), 4.0)
            if token.kind == "sym" and token.text in "?!,.:;/&·":
                add(i, i + 1, Sense("filler"), 0.3)
        # Korean particles and endings, only written onto the word before them.
        for i, token in enumerate(tokens):
            # "범위(최댓값 - 최솟값)는": after a bracket closed, of the word before the bracket
            bracketed = 0 < token.start and getattr(self, "_question", "")[token.start - 1 : token.start] in (")", "]")
            if token.kind != "hangul" or not (token.joined or bracketed) or i == 0:
                continue
            if not bracketed and _misattached(tokens, i):
                continue
            for particle in self.lex.particles:
                if tuple(t.text for t in tokens[i : i + len(particle)]) == particle and all(
                    t.joined or t is token for t in tokens[i : i + len(particle)]
                ):
                    add(i, i + len(particle), Sense("particle"), 0.05 * len(particle))
        for edge in [
            *extra,
            *self._abbreviated(tokens),
            *self._spelled_out(tokens),
            *self._coded_values(tokens),
            *self._spaced_names(tokens),
        ]:
            for sense in edge.senses:
                add(edge.start, edge.end, sense, edge.score)
        # Unknown, one token at a time.
        for i in range(n):
            add(i, i + 1, Sense("unknown"), -4.0 if tokens[i].kind != "sym" else -0.5)
        return edges

    def _senses(self, meaning: Meaning, quality: float) -> list[Sense]:
        if meaning.role == "column":
            name, q = meaning.key
            return [Sense("column", name, q * quality)]
        if meaning.role == "value":
            name, value, q = meaning.key
            return [Sense("value", (name, value), q * quality)]
        if meaning.role == "concept":
            columns = concept_columns(self.table, meaning.key)
            if len(columns) > 1:
                columns = bare_columns(self.table, meaning.key, columns)
            if columns:
                return [Sense("column", c.name, 0.9 * quality * c.concepts[meaning.key]) for c in columns] + [
                    Sense("concept", meaning.key, quality)
                ]
            # no column carries the concept, but a column is named by the head word of one of its
            # forms ("party size" of a column "size"): that column, a little less surely
            heads = {name_keys(f)[-1] for f in lexicon().concepts[meaning.key]["forms"] if len(name_keys(f)) > 1}
            named = [c for c in self.table.columns if len(c.keys) == 1 and c.keys[0] in heads]
            if any(self.lex.concepts[meaning.key].get(k) for k in _MEASURE_FLAGS):
                # a measure ("wait time": better low) only of a column of numbers: tips.csv's
                # `time` (Lunch, Dinner) is no wait, and "which waiter" had grouped by it
                named = [c for c in named if c.numeric]
            if len(named) == 1:
                return [Sense("column", named[0].name, 0.8 * quality), Sense("concept", meaning.key, quality)]
            if self.lex.concepts[meaning.key].get("counts"):
                # "주문 수", "orders" where no column counts them: the rows are what is counted
                # (주문 + 수, a noun for rows and a count), read by the words themselves
                return []
            return [Sense("concept", meaning.key, quality)]
        if meaning.role == "value_group":
            return []  # only through the dataset's own values (see dataset_phrases)
        return [Sense(meaning.role, meaning.key, quality)]

    # best reading
    def _best(self, tokens: list[Token], edges: dict[int, list[_Edge]]) -> list[_Edge]:
        n = len(tokens)
        best: list[tuple[float, list[_Edge]] | None] = [None] * (n + 1)
        best[0] = (0.0, [])
        for i in range(n):
            if best[i] is None:
                continue
            score, path = best[i]
            for edge in edges.get(i, []):
                if edge.senses == [Sense("particle")] and (not path or path[-1].senses[0].role == "unknown"):
                    continue  # a particle attaches to a word that was understood
                candidate = (score + edge.score - 0.01, path + [edge])
                current = best[edge.end]
                if current is None or candidate[0] > current[0] + 1e-9:
                    best[edge.end] = candidate
        assert best[n] is not None
        return best[n][1]

    def _vocabulary(self) -> list[tuple[str, ...]]:
        if self._fuzzy_vocab is None:
            vocab = set()
            for index in (self.data, self.lex.phrases):
                for entries in index.by_first.values():
                    for keys, meaning in entries:
                        if meaning.role in ("filler", "particle", "value_group") or len("".join(keys)) < 2:
                            continue
                        vocab.add(keys)
            self._fuzzy_vocab = sorted(vocab)
        return self._fuzzy_vocab

    def _corrections(self, tokens: list[Token], path: list[_Edge], keep: set[int] = frozenset()) -> list[Token] | None:
        """The question's tokens with unknown words replaced by their nearest known spelling
        ("temprature" -> temperature, "pengiuns" -> penguins, "하이브리트" -> 하이브리드), or None.
        Only a clear winner is taken: two candidates as near as each other leave the word unknown."""
        unknown = {i for e in path if e.senses[0].role == "unknown" for i in range(e.start, e.end)} - keep
        if not unknown:
            return None
        out = list(tokens)
        changed = False
        replaced: dict[int, tuple[int, tuple[str, ...]]] = {}
        self._respelled: list[tuple[str, str]] = []  # (as written, as read)
        for i in sorted(unknown):
            token = tokens[i]
            if token.kind == "word" and len(token.text) >= 4:
                found = self._closest_latin(token.text)
                if found:
                    out[i] = Token("word", found, token.start, token.end, token.joined)
                    self._respelled.append((token.text, found))
                    changed = True
        # Korean: the run of syllables an unknown one sits in, matched from its start
        runs = []
        for i in sorted(unknown):
            if tokens[i].kind != "hangul" or any(a <= i < b for a, b in runs):
                continue
            a = i
            while a > 0 and tokens[a].joined and tokens[a - 1].kind == "hangul":
                a -= 1
            b = i + 1
            while b < len(tokens) and tokens[b].kind == "hangul" and tokens[b].joined:
                b += 1
            runs.append((a, b))
        for a, b in runs:
            word = "".join(t.text for t in tokens[a:b])
            for size in range(len(word), 1, -1):
                found = self._closest_korean(word[:size])
                if found and found != word[:size]:
                    replaced[a] = (a + size, found)
                    self._respelled.append((word[:size], "".join(found)))
                    changed = True
                    break
        if not changed:
            return None
        rebuilt: list[Token] = []
        i = 0
        while i < len(out):
            if i in replaced:
                end, word = replaced[i]
                first, last = tokens[i], tokens[end - 1]
                for k, ch in enumerate(word):
                    rebuilt.append(
                        Token(
                            "hangul",
                            ch,
                            first.start if k == 0 else last.end,
                            last.end if k == len(word) - 1 else first.start,
                            first.joined if k == 0 else True,
                        )
                    )
                i = end
                continue
            rebuilt.append(out[i])
            i += 1
        return rebuilt

    def _closest_latin(self, word: str) -> str | None:
        if word not in self._closest:  # (asked again for every column a word may abbreviate)
            self._closest[word] = self._closest_latin_of(word)
        return self._closest[word]

    def _closest_latin_of(self, word: str) -> str | None:
        scored: dict[str, float] = {}
        # the word and its inflections (smoked: smoke; winners: winner), never a stem cut from a
        # comparative's ending ("moth" of mother: "mother" had been read as "month")
        comparative = word.endswith(("er", "est"))
        forms = list(dict.fromkeys([word, *(v for v in variants(word) if not comparative)]))
        for cand in self._vocabulary():
            if len(cand) != 1 or is_hangul(cand[0]) or len(cand[0]) < 4:
                continue
            # a ratio is at most 2 * the shorter length / both lengths: forms that cannot reach
            # 0.84 are not compared (their ratio could not be the best one kept)
            if any(_transposed(f, cand[0]) for f in forms):
                # two neighbouring letters swapped ("whcih", "aveage"): as near as a close spelling
                scored[cand[0]] = max(0.9, scored.get(cand[0], 0.0))
                continue
            # a misspelling keeps its first letter (a slip at the start is the rarest kind, and
            # a word differing there is most often another word: "catchers" is not "Hatcher")
            near = [
                f
                for f in forms
                if f[0] == cand[0][0] and 2.0 * min(len(f), len(cand[0])) / (len(f) + len(cand[0])) >= 0.84
            ]
            if not near:
                continue
            best = max(difflib.SequenceMatcher(None, f, cand[0]).ratio() for f in near)
            if best >= 0.84:
                scored[cand[0]] = max(best, scored.get(cand[0], 0.0))
        for value in self._value_stems():
            # a value the data keeps short (carni, herbi, Prof) is the start of the word written
            # out ("herbivores", "professors"); as near as a misspelling, so that a misspelling
            # of another value ("Carnivora" for "carnivores") leaves the word unread
            if len(word) >= len(value) + 2 and word.startswith(value):
                scored[value] = max(0.9, scored.get(value, 0.0))
        return _unique_best(scored, self._same_meaning)

    def _value_stems(self) -> list[str]:
        """The data's one-word values of four letters or more, as the index holds them."""
        if self._stems is None:
            self._stems = sorted(
                {
                    keys[0]
                    for entries in self.data.by_first.values()
                    for keys, meaning in entries
                    if meaning.role == "value"
                    and len(keys) == 1
                    and keys[0].isascii()
                    and keys[0].isalpha()
                    and len(keys[0]) >= 4
                }
            )
        return self._stems

    def _closest_korean(self, word: str) -> str | None:
        target = jamo(word)
        scored: dict[str, float] = {}
        for cand in self._vocabulary():
            text = "".join(cand)
            if not is_hangul(text) or len(text) < 2 or abs(len(text) - len(word)) > 1:
                continue
            other = jamo(text)
            r = difflib.SequenceMatcher(None, target, other).ratio()
            if r < 0.85 and _one_vowel_off(word, text):
                r = 0.85  # one vowel off in one syllable: 평군 and 평귱 for 평균
            if r < 0.85:
                continue
            # a generic noun for rows (고양이, cat) names nothing of the data: only a near-certain
            # respelling of it is taken (궤양이, ulcer, is no misspelt 고양이)
            if r < 0.92 and all(m.role == "entity" for m in self._meanings(tuple(text))):
                continue
            scored[text] = max(r, scored.get(text, 0.0))
        if word in scored:
            return None
        return _unique_best(scored, lambda a, b: self._same_meaning(tuple(a), tuple(b)))

    def _same_meaning(self, a: Any, b: Any) -> bool:
        ka = a if isinstance(a, tuple) else (a,)
        kb = b if isinstance(b, tuple) else (b,)
        ma, mb = self._meanings(ka), self._meanings(kb)
        return all(m in mb for m in ma) and all(m in ma for m in mb)  # (one in both indexes counts once)

    def _meanings(self, keys: tuple[str, ...]) -> list[Meaning]:
        out = []
        for index in (self.data, self.lex.phrases):
            out.extend(m for k, m in index.starting_with(keys[0]) if k == keys)
        return out

    def read(self, question: str) -> tuple[list[Token], list[Mention]]:
        self._question = question
        tokens = tokenize(question)
        if not tokens:
            return tokens, []
        path = self._best(tokens, self._edges(tokens, []))
        self.corrections = []
        # a word that names a value of the data in the other script (경주 for Gyeongju) is that
        # value, never a misspelling of a lexicon word (경지, farmland, one vowel away)
        sounded = (
            {i for e in self._transliterated(tokens, path) for i in range(e.start, e.end)}
            if self.other_script
            else set()
        )
        corrected = self._corrections(tokens, path, sounded)
        if corrected is not None:
            # read again with the corrected words: phrases can now match across them
            path2 = self._best(corrected, self._edges(corrected, []))
            unknown = sum(1 for e in path if e.senses[0].role == "unknown")
            unknown2 = sum(1 for e in path2 if e.senses[0].role == "unknown")
            whole = {"".join(t.text for t in corrected[e.start : e.end]) for e in path2}
            if unknown2 < unknown and all(
                read in whole for _, read in self._respelled if is_hangul(read)
            ):  # a Korean word respelled is read whole (중랑 is no 중량 cut into 중 + 량)
                # the words read in another spelling, stated in the reply ("평군" read as 평균)
                self.corrections = list(self._respelled)
                tokens, path = corrected, path2
        extra = self._transliterated(tokens, path) if self.other_script else []
        if extra:
            path2 = self._best(tokens, self._edges(tokens, extra))
            if sum(e.senses[0].role == "unknown" for e in path2) < sum(e.senses[0].role == "unknown" for e in path):
                path = path2
        path = [self._loanword_column(tokens, edge) for edge in path]
        mentions = []
        for edge in path:
            first, last = tokens[edge.start], tokens[edge.end - 1]
            text = (
                question[first.start : max(last.end, first.start + 1)]
                if _same_text(question)
                else " ".join(t.text for t in tokens[edge.start : edge.end])
            )
            senses = sorted(edge.senses, key=lambda s: -s.quality)
            # "quarterly", "monthly": a period word, not the column its stem names (quarter)
            # (the concept its stem names too, "monthly" of month: only a concept said as written
            # keeps its columns, so "average monthly deaths" is no mean of a column `month`)
            if any(s.role in ("bucket", "per_period") for s in senses) and not any(
                s.role == "concept" and s.quality >= 1.0 for s in senses
            ):
                senses = [s for s in senses if not (s.role in ("column", "concept") and s.quality < 1.0)]
            # A code written in capitals in the data (COD, UPS, CA) is a value only when the
            # question writes that code itself, not when an ordinary word inflects or misspells
            # into it ("codes", "cats")
            senses = [
                s for s in senses if not (s.role == "value" and _is_code(s.key[1]) and _inflects_into(text, s.key[1]))
            ] or [Sense("unknown")]
            # A noun for things the data holds ("orders" in a table of orders) is no sort word
            # by an inflection of one ("order"): only the sort word as written ranks or sorts
            if any(s.role == "entity" and s.quality >= 1.0 for s in senses):
                senses = [s for s in senses if not (s.role == "order" and s.quality < 1.0)]
            # A word that is a column's whole name as the data writes it ("Drawing" of painters'
            # Drawing score) is that column, not the verb of a chart or a game's draw it also reads as
            if any(
                s.role == "column" and s.quality >= 1.0 and str(s.key).lower() == text.lower() for s in senses
            ) and not any(s.role == "concept" for s in senses):
                senses = [s for s in senses if s.role not in ("chart", "outcome")]
            # An edge that is unknown but also has a reading keeps only the reading.
            if len(senses) > 1:
                senses = [s for s in senses if s.role != "unknown"]
            mentions.append(Mention(edge.start, edge.end, text, senses))
            words = " ".join(t.text.lower() for t in tokens[edge.start : edge.end] if t.kind in ("word", "num"))
            for s in senses:
                # a code read from the words it stands for ("orange juice" OJ, "women" F, "high"
                # H): the reply restates them beside it, so that a wrong reading is seen
                code = str(s.key[1]) if s.role == "value" else ""
                if (
                    code
                    and code.lower() not in words.split()
                    and ((s.key[0], code, words) in self.coded_as or (len(code) == 1 and code.isalpha()))
                ):
                    self.code_words.setdefault(code, text)
        mentions = self._concepts_spelling_names(mentions, tokens)
        mentions = merge_columns(mentions, tokens, self.table)
        mentions = _the_one_measure(mentions, self.table)
        mentions = _extremes_before_columns(_qualified_columns(mentions, tokens), self.table)
        mentions = _kind_nouns(mentions, {"".join(k) for k in kind_nouns(self.table)})
        mentions = _busiest_one(mentions, tokens)
        mentions = _days_as_rows(mentions, tokens, self.table)
        mentions = _adjectives_of_columns(mentions, self.table)
        mentions = _names_as_words(mentions, self.table)
        mentions = _places_not_rows(mentions, self.table)
        mentions = _rows_named(mentions, self.table)
        mentions = _ordinal_categories(mentions, self.table)
        mentions = _request_verb(mentions)
        mentions = _request_verbs_as_nouns(mentions)
        mentions = _group_nouns(mentions, self.table, tokens)
        return tokens, _value_in_units(_subjects(mentions, self._subject_texts()))

    def _names_a_column_not_a_period(self, keys: tuple[str, ...]) -> bool:
        """A Korean period word made of a stem and 별/마다 (주별, 주마다) whose stem is a word for a
        column of this data, while the data has no dates to make periods of: it groups by that
        column."""
        word = "".join(keys)
        if not is_hangul(word) or any(c.is_date for c in self.table.columns):
            return False
        for suffix in ("별", "마다"):
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and stem:
                for concept in {
                    m.key for k, m in self.lex.phrases.starting_with(stem) if k == (stem,) and m.role == "concept"
                }:
                    if concept_columns(self.table, concept):
                        return True
        return False

    def _names_a_value(self, keys: tuple[str, ...]) -> bool:
        return any(k == keys and m.role == "value" for k, m in self.data.starting_with(keys[0]))

    def _subject_texts(self) -> set[str]:
        if self._subject_cache is None:
            self._subject_cache = {"".join(k) for k in subject_words(self.table)} | subject_concept_forms(self.table)
        return self._subject_cache


#: Particles written only after a syllable without a final consonant (가격이 but 거리가): after one
#: with a final consonant the syllable is part of a word (중랑 is not 중 + 랑, 병원가 not 병원 + 가).
_AFTER_VOWEL = {"가", "를", "랑", "와", "야", "라", "라는"}


def _joined_run(tokens: list[Token], i: int) -> list[Token]:
    """The Hangul syllables from i on written together (no space between)."""
    j = i
    while j < len(tokens) and tokens[j].kind == "hangul" and tokens[j].joined:
        j += 1
    return tokens[i:j]


def _misattached(tokens: list[Token], i: int) -> bool:
    """Whether the syllable at i, read as a particle, breaks the rule of which form follows a
    final consonant (로 also follows ㄹ: 서울로)."""
    if i == 0 or tokens[i - 1].kind != "hangul":
        return False
    final = has_final_consonant(tokens[i - 1].text)
    text = tokens[i].text
    if text == "로":
        return bool(final) and jamo(tokens[i - 1].text)[-1] != "ㄹ"
    return bool(final) and text in _AFTER_VOWEL


def _spells_code(code: str, words: list[str]) -> float:
    """How well the question's words spell a short code value, 0 if not: as their initials (two
    words or more, each but the last of two letters or more: "orange juice" OJ, "vitamin c" VC),
    or, for a code of three characters or more, as a column's name abbreviates words (`segment`:
    "control" ctrl, "treatment 1" trt1)."""
    if (
        len(words) >= 2
        and code.isalpha()
        and all(w.isalpha() for w in words)
        and all(len(w) >= 2 for w in words[:-1])
        and "".join(w[0] for w in words) == code
    ):
        return 0.9
    if len(words) == 1 and words[0].startswith(code):
        return 0.0  # the start of the word written out (herbi, Cont): `_closest_latin` weighs it
    if len(code) >= 3 and code[0] == words[0][:1]:
        q = segment(code, None, tuple(words), True)
        return q if q >= 0.85 else 0.0
    return 0.0


def _is_code(value: Any) -> bool:
    """A short value written in capital letters: an abbreviation or code, not a word."""
    return isinstance(value, str) and 2 <= len(value) <= 5 and value.isalpha() and value.isupper()


def _inflects_into(text: str, code: str) -> bool:
    """Whether a word reaches a code only by inflection or misspelling ("codes", "cods" for COD),
    not by being written as it is or by a bilingual name ("american" for USA)."""
    word, code = text.lower(), code.lower()
    # a possessive is the code itself: "TSLA's volume", "AAPL’s close", "the MSFTs' ..."
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending) and word[: -len(ending)] == code:
            return False
    if word == code:
        return False
    return code in variants(word) or difflib.SequenceMatcher(None, word, code).ratio() >= 0.6


def question_text(tokens: list[Token], i: int, j: int, question: str) -> str:
    """The words tokens[i:j] as the user wrote them (case kept)."""
    if not _same_text(question):
        return " ".join(t.text for t in tokens[i:j])
    return question[tokens[i].start : tokens[j - 1].end]


def _one_vowel_off(a: str, b: str) -> bool:
    """Whether Korean b is a with the vowel of one syllable changed, its consonants kept (평군,
    평귱: 평균), the commonest slip of Korean typing; a changed consonant (지연, 지역) is another
    word too often to be read as a slip."""
    if len(a) != len(b) or len(a) < 2 or not (is_hangul(a) and is_hangul(b)):
        return False
    off = [(x, y) for x, y in zip(a, b) if x != y]
    if len(off) != 1:
        return False
    x, y = (ord(c) - 0xAC00 for c in off[0])
    return x // 588 == y // 588 and x % 28 == y % 28


def _unique_best(scored: dict[Any, float], same: Any) -> Any:
    if not scored:
        return None
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    for other, s in ranked[1:]:
        if s >= score - 0.02 and not same(best, other):
            return None  # two near spellings with different meanings: do not guess
    return best


_ABSORB = {"descriptors", "filler", "concept", "intent", "particle", "entity"}


_NUMBER_OF = ("number of", "the number of", "total number of")


def _period_of_date(prev: Mention, m: Mention, table: Table) -> bool:
    """Whether `m` names a period in place of "date" after a date column's word: "by ship month"
    (ship_date by month), "주문 연도별"; the grouping reads the period from the mention's words."""
    if not any(s.key in ("day", "week", "month", "quarter", "year") for s in m.all("concept")):
        return False
    names = {s.key for s in prev.all("column")}
    return len(names) == 1 and table.column(next(iter(names))).is_date


def _names_things(column: Any) -> bool:
    """Whether a column of whole numbers can hold a number of things a plural noun names: its
    lexicon concepts say no other kind of measure (an amount of money or sales, a level, a score),
    unless they say it counts (passengers, visitors)."""
    lex = lexicon().concepts
    for concept in column.concepts:
        entry = lex.get(concept, {})
        if entry.get("counts"):
            return True
        if any(entry.get(flag) for flag in ("additive", "level", "better", "currency")):
            return False
    return True


def labels_things(column: Column, table: Table) -> bool:
    """Whether a column of whole numbers labels things rather than counting them: named by one
    singular noun (BROOD, Litter: a plural name, TICKS, skips, passengers, counts; never an event
    the rows record, the lexicon's `events`: visit 1-4 numbers each patient's visits), with no
    lexicon concept (no measure), its numbers from 1 up repeating over the rows (each thing in
    several rows)."""
    keys = column.base or column.keys
    if not (column.numeric and column.integer) or len(keys) != 1 or not keys[0].isascii() or not keys[0].isalpha():
        return False
    if column.concepts or column.row_number or column.yearlike or column.is_date or column.calendar_part:
        return False
    if _singular(keys[0]) or column.counted_noun is not None:
        return False
    if keys[0] in {str(w).lower() for w in lexicon().data["events"]}:
        return False  # (visit 1-4 of each patient numbers the events the rows are: "how many visits" counts rows)
    return column.minimum is not None and float(column.minimum) >= 1 and column.distinct < table.rows / 2


def _labels_things(column: Column, word: str, table: Table) -> bool:
    """ "how many broods": the plural of the name of a column that labels things
    (`labels_things`) asks how many different ones."""
    keys = column.base or column.keys
    return labels_things(column, table) and keys[0] in _singular(word)


def _counted_by_column(prev: Mention, m: Mention, table: Table) -> Sense | None:
    """The column sense of "number of <column>" (`_count_column`); None otherwise."""
    if prev.text.lower() not in _NUMBER_OF:
        return None
    return _count_column(m, table)


def counted_columns(mentions: list[Mention], table: Table) -> set[str]:
    """The columns a question names as a number of things ("number of flights", "stations 수"):
    numbers per row that add up over rows."""
    out = set()
    quantities = {str(w).lower() for w in lexicon().data["quantities"]}
    for k, m in enumerate(mentions):
        after_number_of = k > 0 and mentions[k - 1].text.lower() in _NUMBER_OF
        # "how many projects", "the most projects", "fewer goals": a quantity before a plural
        # noun counts its things, when the column names nothing else (an amount: "how many sales"
        # of a column of sales in dollars counts the rows)
        word = m.text.lower()
        plural = word.isalpha() and bool(_singular(word))  # (one word in the plural: projects, goals)
        # (after "how many" a noun is plural though it keeps its form: lynx, sheep, fish)
        how_many = k > 0 and mentions[k - 1].text.lower() == "how many" and word.isalpha()
        after_quantity = k > 0 and mentions[k - 1].text.lower() in quantities and (plural or how_many)
        named = after_number_of or after_quantity or m.text.lower().startswith(_NUMBER_OF) or m.text.endswith(" 수")
        if named and (sense := _count_column(m, table)) is not None:
            if after_quantity and not (after_number_of or _names_things(table.column(sense.key))):
                continue
            if _labels_things(table.column(sense.key), word, table):
                continue  # "how many broods" of BROOD 501-743: which brood, never how many
            out.add(sense.key)
    return out


def _count_column(m: Mention, table: Table) -> Sense | None:
    """The column sense of a mention naming a column that holds a number of things per row
    (stations reporting a quake, bedrooms of a house: whole numbers, none negative, no year, day
    or row number), named outright (its sense is the mention's best); None otherwise."""
    if m.has("value"):
        return None
    columns = m.all("column")
    if not columns:
        return None
    best = max(s.quality for s in m.senses)
    top = [s for s in columns if s.quality >= max(best, 0.9)]
    if len({s.key for s in top}) != 1:
        return None
    column = table.column(top[0].key)
    # a column named by the plural noun itself counts those things even in fractions of one
    # (Caschool's teachers: full-time equivalents, 10.9)
    word = m.text.lower()
    named_plural = column is not None and column.name.lower() == word and word.isalpha() and bool(_singular(word))
    if (
        column is None
        or not (column.numeric and (column.integer or named_plural))
        or column.minimum is None
        or float(column.minimum) < 0
        or column.yearlike
        or column.calendar_part
        or column.row_number
        or column.is_date
        or column.names_codes
    ):
        return None
    return top[0]


def _the_one_measure(mentions: list[Mention], table: Table) -> list[Mention]:
    """ "total consumption by decade", "평균 소비량이 가장 높은 분기": in a table of one measure (a
    series beside its time: R's UKgas), a word for an amount used or a level (the lexicon's
    `amount_descriptors` and `level_descriptors`) said alone, with no column named, is that
    measure; with two measures or more it names none (left to decline)."""
    measures = [
        c
        for c in table.columns
        if c.numeric and c.kind != "identifier" and not c.row_number and not c.yearlike and not c.calendar_part
    ]
    if len(measures) != 1 or any(m.has("column") for m in mentions):
        return mentions
    lex = lexicon()
    words = {str(w).lower() for key in ("amount_descriptors", "level_descriptors") for w in lex.data.get(key, ())}
    for m in mentions:
        if m.has("descriptors") and m.text.lower() in words and not m.roles - {"descriptors", "concept"}:
            m.senses = [Sense("column", measures[0].name, 0.9), *m.senses]
    return mentions


def merge_columns(mentions: list[Mention], tokens: list[Token], table: Table) -> list[Mention]:
    """Adjacent words naming one column become one mention: "부리 길이" (bill + length: only
    bill_length_mm has both), "fuel type (연료)" (the same column twice), "murder rate" and
    "살인율" (a column and a word that only describes it), "violent crime" (a column and a concept
    the data has no column for)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        counted = _counted_by_column(prev, m, table) if prev is not None else None
        if counted is not None:
            # a column that holds a number of things per row is that number, not things the rows
            # are, and adds up over rows (`counted_columns`): "the number of flights by year" is
            # their total; after another statistic or beside another column ("average number of
            # bedrooms", "plot mag against number of stations") it is the column's own values
            others = [x for x in mentions if x is not prev and x is not m]
            # (or right after a superlative: "the largest number of ticks on a chick", its largest value)
            just_before = out[-2] if len(out) >= 2 else None
            if any(x.has("agg") or x.has("intent") or x.has("chart") for x in others) or (
                just_before is not None and just_before.has("superlative")
            ):
                out[-1] = Mention(prev.start, m.end, _join(prev, m, tokens), [counted])
            else:
                out.append(Mention(m.start, m.end, m.text, [counted]))
            continue
        if (
            len(out) >= 2
            and m.has("descriptors")
            and m.roles <= _ABSORB - {"intent"}
            and prev.roles == {"agg"}
            and out[-2].has("column")
            and not out[-2].has("value")
        ):
            # "수학 평균 점수", "math average score": a word for the kind of value, after the
            # statistic of a column, describes that column's values (nothing of its own)
            m.senses = [Sense("filler")]
            out.append(m)
            continue
        if (
            prev is not None
            and prev.has("column")
            and not prev.has("value")
            and not prev.has("adjective")
            and not m.has("adjective")
        ):
            prev_cols = {s.key for s in prev.all("column")}
            # the same column again, or two words whose columns meet in exactly one
            if m.has("column") and not m.has("value"):
                cols = {s.key for s in m.all("column")}
                both = prev_cols & cols
                if len(both) == 1 and (len(prev_cols) > 1 or len(cols) > 1 or prev_cols == cols):
                    name = next(iter(both))
                    quality = max(s.quality for s in prev.all("column") + m.all("column") if s.key == name)
                    out[-1] = Mention(
                        prev.start,
                        m.end,
                        _join(prev, m, tokens),
                        [Sense("column", name, quality)] + [s for s in prev.senses if s.role == "concept"],
                    )
                    continue
            # a word that only describes the column before it: "rate", "column", 율, 세기
            # (not after an aggregation word that also begins a column's name: "평균 습도" beside
            # 평균기온 asks the mean of humidity, a measure the data lacks, not of 평균기온)
            # (a concept the data has no column for describes a column named in full, not one
            # only a short form of a word reached: "public capital" is no `pc` whose p..c spells
            # "public", as pc is private capital beside pcap)
            named = max(s.quality for s in prev.all("column")) >= 0.9 or _period_of_date(prev, m, table)
            # (not another concept after a column of a two-sided one, sex: "성별 연령대별" is by sex
            # and by age group, two things; a sex column has no kinds for a word to describe)
            concepts = lexicon().concepts
            other_concept = any(concepts.get(s.key, {}).get("sides") for s in prev.all("concept")) and not (
                {s.key for s in m.all("concept")} & {s.key for s in prev.all("concept")}
            )
            describes = m.has("descriptors") or (
                m.has("concept") and not m.has("column") and not prev.has("agg") and named and not other_concept
            )
            # "실린더 수" is the column; "거래 수", "펭귄 수" count the rows the noun names
            counting = m.text in ("수",)
            if counting and prev.has("entity"):
                if (own := _count_column(prev, table)) is not None:
                    # "stations 수": the column of a number of stations, though stations are things
                    out[-1] = Mention(prev.start, m.end, _join(prev, m, tokens), [own])
                    continue
                out.append(m)
                continue
            if counting and any(isinstance(s.key, str) and table.column(s.key).names_codes for s in prev.all("column")):
                out.append(m)  # "우편번호 수", "노선 수": how many codes, not the column of codes itself
                continue
            said_count = any(s.key == "count" for s in m.all("agg"))  # "사람 수" after a column describes it
            roles = m.roles - ({"agg"} if m.has("descriptors") and (counting or said_count) else set())
            if describes and roles <= _ABSORB and not (m.has("intent") and not m.has("descriptors")):
                out[-1] = Mention(prev.start, m.end, _join(prev, m, tokens), prev.senses)
                continue
        out.append(m)
    return out


def _qualified_columns(mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """ "the latest model year", "최근 모델 연도": a noun for a kind of thing (a word for the rows'
    things with a lexicon concept, naming no column or value of this data) right before a
    column's word only qualifies that word, in either language: one mention of the column, so
    no rule reads the noun as the things the rows are."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.roles <= {"entity", "concept"}
            and prev.has("entity")
            and prev.has("concept")
            and m.has("column")
            and not m.has("value")
        ):
            out[-1] = Mention(prev.start, m.end, _join(prev, m, tokens), m.senses)
            continue
        out.append(m)
    return out


#: Units a "how many" asks a value in (몇 도, how many dollars), not a number of things counted.
#: (not percent: "몇 %", "how many percent" ask a share or a change in percent)
_MEASURED_UNITS = ("temperature", "money", "mass", "length", "area", "energy", "volume", "speed", "age")


def _value_in_units(mentions: list[Mention]) -> list[Mention]:
    """ "몇 도야?", "몇 kWh", "how many dollars": the value asked in its unit, not a count. The
    pair reads as a word of asking; a unit that is also a name of the data (도, a province column)
    keeps its count."""
    for i in range(len(mentions) - 1):
        ask, unit = mentions[i], mentions[i + 1]
        count = ask.get("agg")
        if count is None or count.key != "count" or not ask.text.startswith(("몇", "how many")):
            continue
        kinds = {str(s.key) for s in unit.all("units")}
        named = unit.has("value") or any(s.key == unit.text for s in unit.all("column"))
        if kinds and kinds <= set(_MEASURED_UNITS) and not named:
            ask.senses = [Sense("filler")]
            unit.senses = [Sense("filler")]
    return mentions


def _subjects(mentions: list[Mention], subjects: set[str] = frozenset()) -> list[Mention]:
    """A word restating the dataset's subject (`subject_words`) adds nothing when it describes
    the noun after it ("외국인 입국자", "foreign visitors": read as a function word); alone
    ("외국인 수") it names nothing the data holds, and stays unknown (the planner declines). A
    lexicon concept no column has, written as a subject word (전력 of 전력사용량.csv), is that
    subject."""
    for m in mentions:
        if m.has("concept") and not m.roles - {"concept"} and m.text.replace(" ", "") in subjects:
            m.senses = [*m.senses, Sense("subject")]
    for i, m in enumerate(mentions):
        if not m.has("subject"):
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        # a descriptor word ("수" of "외국인 수") names nothing unless it is a column's name (사용량)
        named = nxt is not None and not nxt.has("agg") and (not nxt.has("descriptors") or nxt.has("column"))
        if named and (nxt.has("column") or nxt.has("value")):
            m.senses = [Sense("filler")]
        else:
            m.senses = [s for s in m.senses if s.role != "subject"] or [Sense("unknown")]
    return mentions


def _group_nouns(mentions: list[Mention], table: Table, tokens: list[Token]) -> list[Mention]:
    """ "the casein group", "each feed group", "sunflower 그룹의": a noun for the rows sharing a
    value (the lexicon's `group_nouns`) said right after a value or a column of categories is
    those rows again: it reads as a filler; Korean glues one of one syllable onto the value
    (위약군, 대조군: 군, 群), read only there. A word that names something of the data (a column
    called group) keeps that; anywhere else the noun stays unknown."""
    prev = None
    glued = {f for f in joined_forms("group_nouns") if is_hangul(f) and len(f) == 1}
    for m in mentions:
        if (
            m.roles == {"unknown"}
            and m.text in glued
            and tokens[m.start].joined
            and prev is not None
            and prev.has("value")
            and prev.end == m.start
        ):
            m.senses = [Sense("filler")]  # 위약군: the rows of 위약
        elif m.has("group_noun"):
            rest = [s for s in m.senses if s.role not in ("group_noun", "unknown")]
            categories = prev is not None and (
                prev.has("value")
                or any(
                    s.role == "column" and isinstance(s.key, str) and not table.column(s.key).numeric
                    for s in prev.senses
                )
            )
            m.senses = rest or [Sense("filler" if categories else "unknown")]
        if not m.roles <= {"particle"}:
            prev = m
    return mentions


def _request_verb(mentions: list[Mention]) -> list[Mention]:
    """The question's first word, a function word as written ("return", "report", "list") and
    followed by a word that opens a noun phrase ("the", "me", "all"), is the request's verb: "return the top 5 orders"
    asks for orders, not for the returned ones ("return rate by category" keeps its data)."""
    if len(mentions) < 2:
        return mentions
    first, nxt = mentions[0], mentions[1]
    verb = any(s.role == "filler" and s.quality >= 1.0 for s in first.senses)
    opens = nxt.text.split()[0].lower() in _NOUN_PHRASE_OPENERS
    if verb and first.roles - {"filler"} and opens:
        first.senses = [s for s in first.senses if s.role == "filler"]
    return mentions


def _request_verbs_as_nouns(mentions: list[Mention]) -> list[Mention]:
    """A request's verb said after "on" is a noun of a state the rows are in ("sunshine on
    display", "on show"), not the request: it asks something the question must be read with, so
    it is no filler to pass over ("how many purchases had sunshine on display" had counted the
    purchases of sunshine, dropping the display: another question)."""
    for k in range(1, len(mentions)):
        m = mentions[k]
        if mentions[k - 1].text.lower() == "on" and m.roles == {"filler"} and m.text.lower() in _REQUEST_VERBS:
            m.senses = [Sense("unknown")]
    return mentions


#: the request verbs that are also nouns of a state ("on display")
_REQUEST_VERBS = frozenset({"display", "show", "list", "report", "view"})


#: words that open a noun phrase (articles, pronouns, quantifiers): after one, the word before is
#: not a noun of the same phrase
_NOUN_PHRASE_OPENERS = frozenset(
    {"the", "a", "an", "me", "us", "all", "every", "each", "my", "our", "this", "these", "those", "any"}
)


def _kind_nouns(mentions: list[Mention], nouns: set[str]) -> list[Mention]:
    """A word that is one of the dataset's `kind_nouns` (민원 over 민원유형) and only part of a
    column's name names the rows, not that column: its column senses give way to the rows."""
    for m in mentions:
        if m.text.replace(" ", "") in nouns and m.has("entity"):
            if not any(s.role == "column" and s.quality >= 1.0 for s in m.senses):
                m.senses = [s for s in m.senses if s.role != "column"]
    return mentions


def _names_as_words(mentions: list[Mention], table: Table) -> list[Mention]:
    """Names of single rows (a label column: one company, one person each) that are also
    ordinary words: the company "Total" in "total profits of German companies", the company
    "Bank" in "median assets of banks". A word that is also an aggregation, right before the
    number it aggregates, is that aggregation; a word that reaches a row's name only by
    inflection ("banks" for "Bank") speaks of many things, so it is no one row's name."""
    labels = {c for c in table.labels if table.names_rows(c)}
    if not labels:
        return mentions

    def one_row(s: Sense) -> bool:
        return s.role == "value" and s.key[0] in labels

    for k, m in enumerate(mentions):
        named = [s for s in m.senses if one_row(s)]
        if not named or len(named) == len(m.senses):
            if named and all(s.quality < 1.0 for s in named) and _plural_word(m.text):
                m.senses = [Sense("unknown")]  # "banks": no one row, and nothing else it reads as
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        before_number = nxt is not None and any(
            s.role == "column" and table.column(s.key).numeric for s in nxt.senses if isinstance(s.key, str)
        )
        if (m.has("agg") and before_number) or all(s.quality < 1.0 for s in named) and _plural_word(m.text):
            m.senses = [s for s in m.senses if not one_row(s)]
    return mentions


#: roles of the words that stand between a noun and what asks for it ("the", 이, 는)
_BETWEEN = frozenset(("filler", "particle"))


def _asks_for_rows(mentions: list[Mention], k: int, counted: bool = False) -> bool:
    """Whether the noun at k stands where a question asks for things by name: after "which",
    "what", 어느, 무슨 ("which province", "어느 지방이"); after a count of them ("top 5 states",
    "상위 3개 주", "5 provinces with"), or, with `counted`, after "how many" ("how many occupations");
    after the word that ranks them ("가장 높은 주", "제일 가벼운 모델"); or before 별 as a word of
    its own ("지역 별")."""
    j = k - 1
    while j >= 0 and mentions[j].roles <= _BETWEEN and mentions[j].roles:
        j -= 1
    if j < 0:
        return False
    prev = mentions[j]
    if prev.has("which") or prev.has("num") or prev.has("units") and j > 0 and mentions[j - 1].has("num"):
        return True
    if counted and any(s.key == "count" for s in prev.all("agg")) and not is_hangul(prev.text[:1]):
        return True  # "how many occupations": the rows counted (a Korean count follows its noun)
    if prev.has("degree") or prev.has("adjective"):
        # a word that ranks, written right after the superlative ("가장 높은", "the lightest")
        return any(m.has("superlative_marker") or m.has("superlative") for m in mentions[max(0, j - 2) : j + 1])
    return False


def _rows_named(mentions: list[Mention], table: Table) -> list[Mention]:
    """On a table whose rows are named by a column of row names (`Table.row_names`: the car
    models of mtcars, the states of USArrests), a noun no column and no value has, asked for by
    name ("which province", "top 5 states", "살인율이 가장 높은 주", "qsec이 가장 짧은 모델"), names
    those rows: it is read as the rows' noun (the sense `entity`, with the sense `rows_named` that
    the reply states: "the rows are named by column_1"). So is "name" right after it ("차량 이름").
    A noun that a column or a value could be is left as it was (the question may ask of that)."""
    if table.row_names is None:
        return mentions
    own = {x for c in table.columns for x in c.concepts}
    said = {s.key for m in mentions for s in m.all("concept")}
    for m in mentions:
        best = max((s for s in m.senses if s.role == "column"), key=lambda s: s.quality, default=None)
        if best is not None and best.quality < 1.0 and isinstance(best.key, str) and m.has("concept"):
            column = next((c for c in table.columns if c.name == best.key), None)
            if column is not None and set(column.concepts) - said:
                # "인구" reaching UrbanPop (urban population) by a concept: the measure is read only in part, so
                # the rows ranked by it would not answer; the question stays as it was read
                return mentions
    for k, m in enumerate(mentions):
        if not m.senses or m.roles - {"concept", "entity"} or not m.has("concept"):
            continue
        if any(s.key in own for s in m.all("concept")):
            continue  # a kind of thing a column holds: that column's, not the rows'
        if _place_not_here(m, table):
            continue  # "which country" of car models: no country to name
        named = _asks_for_rows(mentions, k, counted=True)
        after = k > 0 and mentions[k - 1].has("entity") and all(s.key == "name" for s in m.all("concept"))
        if named:
            m.senses = [Sense("entity"), Sense("rows_named", table.row_names)]
        elif after:
            m.senses = [Sense("entity")]  # "차량 이름": the name of the rows asked, their row names
    return mentions


#: Lexicon concepts of places the gazetteer knows (countries, US states, cities).
_PLACE_NOUNS = frozenset({"country", "state", "city"})


def _places_not_rows(mentions: list[Mention], table: Table) -> list[Mention]:
    """A noun for a kind of place ("which country", "어느 나라", "cities") that no column holds
    names the rows only when their names are places: "which country has the best mileage" of car
    models had named the car with the best mileage (a wrong answer). Otherwise it is no word for
    the rows, and the question declines unless something else reads it."""
    named = set(name_keys(table.name))
    for k, m in enumerate(mentions):
        if not m.has("entity") or m.has("column") or m.has("value"):
            continue
        # ("how many countries" of occupations counts no countries; of a table named states, the
        # states are its rows)
        word = m.text.lower()
        counted = not ({word, *_singular(word)} & named)
        if not _asks_for_rows(mentions, k, counted=counted):
            continue
        if _place_not_here(m, table):
            m.senses = [s for s in m.senses if s.role != "entity"]
    return mentions


def _place_not_here(m: Mention, table: Table) -> bool:
    """Whether `m` is a noun for a kind of place no column holds, on a table whose rows are not
    named by places of that kind (the gazetteer's `column_places` of its label columns and row
    names: "which country" of US states is no question of those rows)."""
    concepts = {s.key for s in m.all("concept")}
    names = dict.fromkeys([*table.labels, *([table.row_names] if table.row_names else [])])
    if concepts & _AREA_NOUNS and not concepts & {x for c in table.columns for x in c.concepts}:
        # "which region" of survey respondents: no column holds regions, the rows are people and
        # their names no places of any kind (nor is the table named by the noun)
        word = m.text.lower()
        named = {word, *_singular(word)} & set(name_keys(table.name))
        placed = any(set(table.column(c).concepts) & (_PLACE_NOUNS | _AREA_NOUNS) for c in names)
        # (R's row names may well be areas: swiss's provinces, "which province"; so may rows with
        # no names, Airq's areas: only rows that are people, with a sex or an age, are none)
        people = any({"sex", "age"} & set(c.concepts) for c in table.columns)
        return not named and not placed and table.row_names is None and people
    if not concepts & _PLACE_NOUNS or concepts & {x for c in table.columns for x in c.concepts}:
        return False
    nouns = concepts & _PLACE_NOUNS
    kinds = {k for noun in nouns for k in _PLACE_KINDS.get(noun, ())} | (
        {"named_after_city"} if "city" in nouns else set()
    )
    return not any(
        column_places(tuple(table.column(c).values))[0] in kinds or _partly_places(table.column(c).values or [], nouns)
        for c in names
    )


#: Lexicon concepts of areas no gazetteer lists (regions, districts): rows are such areas only
#: when a column naming them says so
_AREA_NOUNS = frozenset({"region", "district", "county"})

#: the gazetteer's kinds of place each noun for places names
_PLACE_KINDS = {"country": ("country",), "state": ("us_state", "kr_region"), "city": ("us_city", "world_city")}


def _partly_places(values: list[Any], nouns: set[str]) -> bool:
    """Whether a good part of a column's names (three or more, and a third of them) are places of
    the kind a noun says: R's road data names its states Alabama, Alaska, ... and Calif, Conn,
    Mass (abbreviated as no gazetteer writes them), so "which state" is still asked of those rows
    (and "which country" is not)."""
    from .gazetteer import gazetteer, place_key

    texts = [v for v in values if isinstance(v, str) and v.strip()]
    if len(texts) < 3:
        return False
    keys = [place_key(v) for v in texts]
    index = gazetteer().index
    kinds = [k for noun in nouns for k in _PLACE_KINDS.get(noun, ()) if k in index]
    best = max((sum(1 for key in keys if key in index[k]) for k in kinds), default=0)
    return best >= 3 and best >= len(texts) / 3


#: ordinals written as words, and Sino-Korean numerals before 등 (일등석, 삼등실)
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5}
#: Korean words after N등 that say a class of seats or cabins (1등석, 3등실, 2등칸)
_CLASS_SYLLABLES = ("석", "실", "칸")


def _ordinal_value(value: Any, n: int) -> bool:
    """Whether a category's value is the n-th as categories write it: "3rd", "3rd class",
    "third", "Third Class", "3등", "3등석" (not a bare number: that is a number's column)."""
    word = {v: k for k, v in _ORDINAL_WORDS.items()}.get(n, "")
    text = re.sub(r"[\s_.-]+", " ", str(value).strip().lower())
    return bool(
        re.fullmatch(rf"(?:{n}(?:st|nd|rd|th)|{word})(?: (?:class|grade|level|division|tier))?", text)
        or re.fullmatch(rf"{n} ?등(?:석|실|칸|급)?", text)
    )


def _ordinal_at(mentions: list[Mention], k: int) -> tuple[int, int] | None:
    """The ordinal written at k and the index of the last mention it spans: "third", "3rd",
    "first" (before a column's word), 3등, 3 + 등, 삼 + 등."""
    m = mentions[k]
    text = m.text.strip().lower()
    nxt = mentions[k + 1].text.strip() if k + 1 < len(mentions) else ""
    if m.has("ordinal") and isinstance(m.get("ordinal").key, int):
        return m.get("ordinal").key, k
    if text in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[text], k
    if nxt == "등" and (m.has("num") or text in _SINO):
        n = _SINO.get(text) or m.get("num").key
        if float(n).is_integer() and 1 <= n <= 9:
            return int(n), k + 1
    return None


def _ordinal_categories(mentions: list[Mention], table: Table) -> list[Mention]:
    """Categories written as ordinals, asked in words: "third class", "second-class children",
    "first class passengers", "1등석", "3등실", "삼등석". The ordinal and the word after it (a
    column's word: class; 석, 실, 칸 after N등: a class of seats) are the one value of a column of
    few values that writes that ordinal ("3rd", "3rd class", "Third"), or the number n of a column
    of whole numbers that the word names (class 1/2/3). No such column, or several: the words
    stay as they were read (and the question is declined)."""
    for k in range(len(mentions)):
        found = _ordinal_at(mentions, k)
        if found is None:
            continue
        n, last = found
        j = last + 1
        if j < len(mentions) and mentions[j].text.strip() in ("-", "–"):
            j += 1
        if j >= len(mentions):
            continue
        word = mentions[j]
        korean = mentions[last].text.strip().endswith("등") or word.text.strip().startswith(_CLASS_SYLLABLES)
        if korean and not word.text.strip().startswith(_CLASS_SYLLABLES):
            continue
        if not korean and not word.has("column"):
            continue
        named = {s.key for s in word.all("column")}
        texts = [
            (c.name, v)
            for c in table.columns
            if not c.numeric and 0 < c.distinct <= 12 and (korean or c.name in named)
            for v in (c.values or [])
            if _ordinal_value(v, n)
        ]
        numbers = [
            c.name
            for c in table.columns
            if c.numeric
            and c.integer
            and 0 < c.distinct <= 12
            and c.name in named | set(concept_groups_names(table, word))
            and not (c.calendar_part or c.yearlike or c.is_date)  # "second quarter": a period's part
            and c.minimum is not None
            and float(c.minimum) <= n <= float(c.maximum)
        ]
        if len(texts) == 1 and not numbers:
            mentions[k].senses = [Sense("value", texts[0], 1.0)]
            for x in range(k + 1, j + 1):
                mentions[x].senses = [Sense("filler")]
        elif len(numbers) == 1 and not texts:
            # n and the column's word, side by side as "class 3" is read: 1등석 is 1 + class
            mentions[k].senses = [Sense("num", float(n))]
            if word.has("column"):
                between = range(k + 1, j)
            else:
                mentions[k + 1].senses = [Sense("column", numbers[0], 1.0)]
                between = range(k + 2, j + 1)
            for x in between:
                mentions[x].senses = [Sense("filler")]
    return mentions


def concept_groups_names(table: Table, word: Mention) -> list[str]:
    """The columns of the lexicon's concept `type` (class, 등급) when `word` is a Korean word for
    a class of seats (석, 실, 칸): the column its number belongs to."""
    if not word.text.strip().startswith(_CLASS_SYLLABLES):
        return []
    return [c.name for c in table.columns if "type" in c.concepts]


def _plural_word(text: str) -> bool:
    """An English word written as a plural ("banks", "companies"), which names many things."""
    word = text.strip().split()[-1] if text.strip() else ""
    return word.isascii() and word.isalpha() and len(word) > 3 and word.lower().endswith("s")


def _adjectives_of_columns(mentions: list[Mention], table: Table) -> list[Mention]:
    """ "windiest" spelled near a column's name (Wind) is the adjective for that column's concept
    (the most wind): its column sense, which would measure the column without the superlative,
    gives way (a name written in full stays a column)."""
    lex = lexicon()
    for m in mentions:
        if not m.has("adjective") or not m.has("column"):
            continue
        concepts = {c for s in m.all("adjective") for c, _ in lex.adjectives[s.key]["concept"]}
        columns = [s for s in m.senses if s.role == "column"]
        if all(
            s.quality < 1.0
            and s.key in {c.name for c in table.columns}
            and concepts & set(table.column(s.key).concepts)
            for s in columns
        ):
            m.senses = [s for s in m.senses if s.role != "column"]
    return mentions


def _days_as_rows(mentions: list[Mention], tokens: list[Token], table: Table) -> list[Mention]:
    """In a table whose date is kept in parts, one row a day (airquality's Month and Day), "day"
    ("the hottest day", "가장 더웠던 날") names the rows, not the column of the day of the month
    (whose highest value, 31, no one asks for); followed by a number ("day 4") it is that column."""
    if table.dates or "day" not in table.calendar_parts():
        return mentions
    day = table.calendar_parts()["day"]
    for m in mentions:
        numbered = m.end < len(tokens) and tokens[m.end].kind == "num"
        asked = m.has("entity") or m.has("when")  # "the hottest day", "when was it"
        if asked and not numbered and any(s.role == "column" and s.key == day for s in m.senses):
            m.senses = [s for s in m.senses if s.role != "column"]
    return mentions


def _busiest_one(mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    """ "the peak hour": a part of the day reached only by inflection ("peak hours", the rush) and
    begun by a word of how busy (`busy`) asks for the one busiest hour: the busy word and the
    period word, read apart."""
    lex = lexicon()
    busy = {str(f).lower(): key for key, forms in lex.data["busy"].items() for f in forms}
    out = []
    for m in mentions:
        words = m.text.split()
        if (
            m.roles == {"daytime"}
            and max(s.quality for s in m.senses) < 1.0
            and len(words) == 2
            and m.end - m.start == 2
            and words[0].lower() in busy
            and words[1].lower() in ("hour", "time")
            and not (out and out[-1].has("condition"))  # "trips during peak hour": the rush, a condition
        ):
            key = busy[words[0].lower()]
            out += [
                Mention(m.start, m.start + 1, words[0], [Sense("busy", key), Sense("superlative", key)]),
                Mention(m.start + 1, m.end, words[1], [Sense("entity")]),
            ]
            continue
        out.append(m)
    return out


def _extremes_before_columns(mentions: list[Mention], table: Table) -> list[Mention]:
    """ "lowest close", "highest volume" over columns named low and high: a superlative that
    reaches a column only by inflection (lowest -> low) is the extreme of the column named next,
    not a second measure."""
    for i, m in enumerate(mentions):
        if not (m.has("superlative") or m.has("degree")) or not m.has("column"):
            continue
        nxt = next((x for x in mentions[i + 1 :] if not (x.roles <= {"filler", "particle"})), None)
        if nxt is None or not nxt.has("column") or nxt.has("superlative") or nxt.has("degree"):
            continue
        said = name_keys(m.text)
        if any(table.column(s.key).keys == said for s in m.all("column")):
            continue  # the column's own name, written as it is
        m.senses = [s for s in m.senses if s.role != "column"]
    return mentions


def _join(a: Mention, b: Mention, tokens: list[Token]) -> str:
    gap = "" if tokens[b.start].joined else " "
    return f"{a.text}{gap}{b.text}"


def _same_text(question: str) -> bool:
    # NFKC may change offsets (rare: ligatures, full-width forms); then words are shown as tokens.
    import unicodedata

    return len(unicodedata.normalize("NFKC", question)) == len(question)


def _date_token(text: str) -> DatePart:
    """A date token's parts. Year first: year, month, day. Year last: month first when written
    with "/" or "-" (the US way: 3/15/2021) and day first with "." (15.03.2021), unless that
    reading has no such month and the other has (15/3/2021 is the 15th of March either way)."""
    parts = [int(p) for p in re.split(r"[-/.]", text)]
    if len(parts) == 3 and re.match(r"\d{1,2}[-/.]", text):
        first, second, year = parts
        month, day = (second, first) if "." in text else (first, second)
        if month > 12 >= day:
            month, day = day, month
        return DatePart(year=year, month=month, day=day)
    return DatePart(year=parts[0], month=parts[1] if len(parts) > 1 else None, day=parts[2] if len(parts) > 2 else None)
