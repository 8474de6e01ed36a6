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
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .catalog import Column, Table
from .lexicon import Meaning, PhraseIndex, lexicon
from .text import Token, is_hangul, jamo, name_keys, tokenize, variants

# Words too common to name a column by themselves when they are only part of its name.
_PARTIAL_STOP = {"in", "of", "per", "the", "and", "a", "an", "by", "to", "for", "at", "on", "no",
                 "is", "id", "num", "nr", "value", "total", "count", "number", "amount", "avg",
                 "mean", "max", "min", "sum", "pct", "percent", "rate", "per", "level"}


@dataclass(frozen=True)
class Sense:
    """One meaning of a stretch of the question."""

    role: str            # a lexicon role, or "column", "value", "number", "date", "concept"...
    key: Any = None
    quality: float = 1.0


@dataclass
class Mention:
    start: int            # token indexes [start, end)
    end: int
    text: str             # the words as the user wrote them
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
    unit: str | None = None        # a unit kind from the lexicon ("money", "percent", "age"...)
    unit_text: str | None = None   # as written ("만원", "kg")
    scale: float = 1.0             # the multiplier written (만 = 10,000)
    text: str = ""


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


def dataset_phrases(table: Table) -> PhraseIndex:
    """Column names (whole, without unit, and distinctive parts) and category values."""
    index = PhraseIndex()
    lex = lexicon()
    for column in table.columns:
        index.add(column.keys, Meaning("column", (column.name, 1.0)))
        if column.base and column.base != column.keys:
            index.add(column.base, Meaning("column", (column.name, 1.0)))
        # Parts of a longer name: "bill depth" for bill_depth_mm, "depth" alone; for Korean names
        # a leading or trailing part of two syllables or more (판매량 -> 판매, 전용면적 -> 면적).
        base = column.base or column.keys
        if all(is_hangul(k) for k in base):
            word = "".join(base)
            for size in range(2, len(word)):
                for part in (word[:size], word[-size:]):
                    index.add(tuple(part), Meaning("column", (column.name, 0.8)))
        elif len(base) > 1:
            for size in range(1, len(base)):
                for i in range(len(base) - size + 1):
                    part = base[i:i + size]
                    words = [w for w in part if w not in _PARTIAL_STOP]
                    if len(words) == len(part) and all(len(w) >= 3 or w.isdigit() for w in part):
                        index.add(part, Meaning("column", (column.name, 0.8 + 0.05 * size)))
        # Values: categories and booleans, and names of rows.
        if column.kind in ("categorical", "boolean", "text", "identifier") and column.values:
            for value in column.values:
                keys = _norm_value(value)
                if not keys or (len(keys) == 1 and len(keys[0]) == 1 and not is_hangul(keys[0])
                                and column.kind != "boolean"):
                    continue
                index.add(keys, Meaning("value", (column.name, value, 1.0)))
                word = "".join(keys)
                if is_hangul(word):
                    for suffix in _ADMIN_SUFFIXES:
                        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                            index.add(tuple(word[: -len(suffix)]), Meaning("value", (column.name, value, 0.9)))
                            break
            # The lexicon's bilingual values: "Japanese" / "일본" for the value Japan.
            normalized = {_norm_value(v): v for v in column.values}
            for group in lex.value_groups:
                hits = [normalized[name_keys(form)] for form in group if name_keys(form) in normalized]
                if len(set(map(str, hits))) == 1:
                    for form in group:
                        keys = name_keys(form)
                        if keys and keys not in normalized:
                            index.add(keys, Meaning("value", (column.name, hits[0], 0.95)))
        if column.kind == "boolean":
            index.add(column.keys, Meaning("boolcol", column.name))
    return index


def concept_columns(table: Table, concept: str) -> list[Column]:
    return [c for c in table.columns if concept in c.concepts]


# --- matching ---------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
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
    if fuzzy and len(token.text) >= 5 and len(key) >= 5 and \
            difflib.SequenceMatcher(None, token.text, key).ratio() >= 0.84:
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


@dataclass
class _Edge:
    start: int
    end: int
    senses: list[Sense]
    score: float


def _content_score(tokens: list[Token], i: int, j: int, quality: float) -> float:
    size = sum(max(1, len(t.text)) if t.kind == "word" else (2 if t.kind == "hangul" else 1)
               for t in tokens[i:j])
    return (size ** 1.4) * quality


_FUNCTION_ROLES = {"filler", "condition", "either", "range_join"}


class Reader:
    """Reads questions against one table."""

    def __init__(self, table: Table):
        self.table = table
        self.lex = lexicon()
        self.data = dataset_phrases(table)
        self._fuzzy_vocab: list[tuple[str, ...]] | None = None

    # candidates
    def _edges(self, tokens: list[Token], extra: list[_Edge]) -> dict[int, list[_Edge]]:
        edges: dict[int, list[_Edge]] = {}
        n = len(tokens)

        def add(i: int, j: int, sense: Sense, score: float) -> None:
            for edge in edges.setdefault(i, []):
                if edge.end == j:
                    if sense not in edge.senses:
                        edge.senses.append(sense)
                    edge.score = max(edge.score, score)
                    return
            edges[i].append(_Edge(i, j, [sense], score))

        for i, token in enumerate(tokens):
            for first in _first_keys(token):
                for index, is_data in ((self.lex.phrases, False), (self.data, True)):
                    for keys, meaning in index.starting_with(first):
                        m = _match(tokens, i, keys, fuzzy=is_data)
                        if m is None:
                            continue
                        j, quality = m
                        # A Korean word does not begin in the middle of another word unless it is
                        # a whole name of the data or a word of two syllables or more.
                        if token.kind == "hangul" and token.joined and len(keys) == 1 and \
                                meaning.role not in ("group", "bucket", "units", "date_units",
                                                     "multipliers", "compare_after") and \
                                i > 0 and tokens[i - 1].kind == "hangul":
                            continue
                        for sense in self._senses(meaning, quality):
                            role_score = 0.5 if sense.role in _FUNCTION_ROLES else 1.0
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
            if token.kind != "hangul" or not token.joined or i == 0:
                continue
            for particle in self.lex.particles:
                if tuple(t.text for t in tokens[i:i + len(particle)]) == particle and \
                        all(t.joined for t in tokens[i:i + len(particle)]):
                    add(i, i + len(particle), Sense("particle"), 0.05 * len(particle))
        for edge in extra:
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
            if columns:
                return [Sense("column", c.name, 0.9 * quality) for c in columns] + \
                    [Sense("concept", meaning.key, quality)]
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

    def _fuzzy(self, tokens: list[Token], path: list[_Edge]) -> list[_Edge]:
        """Edges for unknown words that are near spellings of a name, value or known word."""
        if self._fuzzy_vocab is None:
            vocab = set()
            for index in (self.data, self.lex.phrases):
                for entries in index.by_first.values():
                    for keys, meaning in entries:
                        if meaning.role in ("filler", "particle") or len("".join(keys)) < 2:
                            continue
                        vocab.add(keys)
            self._fuzzy_vocab = sorted(vocab)
        out: list[_Edge] = []
        spans = []
        run_start = None
        for edge in path + [None]:
            if edge is not None and edge.senses[0].role == "unknown" and tokens[edge.start].kind in ("word", "hangul"):
                run_start = edge.start if run_start is None else run_start
                continue
            if run_start is not None:
                spans.append((run_start, path[path.index(edge) - 1].end if edge is not None else path[-1].end))
                run_start = None
        for start, end in spans:
            # widen Korean spans to the whole run the unknown syllables sit in
            words = tokens[start:end]
            if words[0].kind == "word":
                for i in range(start, end):
                    text = tokens[i].text
                    if len(text) < 4:
                        continue
                    found = self._closest((text,), latin=True)
                    if found:
                        keys, quality = found
                        out.extend(self._fuzzy_edges(i, i + 1, keys, quality))
            else:
                text = "".join(t.text for t in words)
                if len(text) >= 2:
                    found = self._closest(tuple(text), latin=False)
                    if found:
                        keys, quality = found
                        out.extend(self._fuzzy_edges(start, end, keys, quality))
        return out

    def _closest(self, keys: tuple[str, ...], latin: bool) -> tuple[tuple[str, ...], float] | None:
        scored = []
        if latin:
            for cand in self._fuzzy_vocab or []:
                if len(cand) != 1 or is_hangul(cand[0]) or len(cand[0]) < 4:
                    continue
                r = difflib.SequenceMatcher(None, keys[0], cand[0]).ratio()
                if r >= 0.82:
                    scored.append((r, cand))
        else:
            target = jamo("".join(keys))
            for cand in self._fuzzy_vocab or []:
                word = "".join(cand)
                if not is_hangul(word) or abs(len(word) - len(keys)) > 1 or len(word) < 2:
                    continue
                r = difflib.SequenceMatcher(None, target, jamo(word)).ratio()
                if r >= 0.8:
                    scored.append((r, cand))
        if not scored:
            return None
        scored.sort(key=lambda x: -x[0])
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.02 and \
                self._meanings(scored[1][1]) != self._meanings(scored[0][1]):
            return None  # two near spellings: do not guess
        return scored[0][1], 0.7

    def _meanings(self, keys: tuple[str, ...]) -> list[Meaning]:
        out = []
        for index in (self.data, self.lex.phrases):
            out.extend(m for k, m in index.starting_with(keys[0]) if k == keys)
        return out

    def _fuzzy_edges(self, i: int, j: int, keys: tuple[str, ...], quality: float) -> list[_Edge]:
        senses = []
        for meaning in self._meanings(keys):
            senses.extend(self._senses(meaning, quality))
        if not senses:
            return []
        return [_Edge(i, j, senses, 2.0 * quality)]

    def read(self, question: str) -> tuple[list[Token], list[Mention]]:
        tokens = tokenize(question)
        if not tokens:
            return tokens, []
        edges = self._edges(tokens, [])
        path = self._best(tokens, edges)
        if any(e.senses[0].role == "unknown" for e in path):
            extra = self._fuzzy(tokens, path)
            if extra:
                path = self._best(tokens, self._edges(tokens, extra))
        mentions = []
        for edge in path:
            text = question[tokens[edge.start].start:tokens[edge.end - 1].end] if _same_text(question, tokens) \
                else " ".join(t.text for t in tokens[edge.start:edge.end])
            senses = sorted(edge.senses, key=lambda s: -s.quality)
            # An edge that is unknown but also has a reading keeps only the reading.
            if len(senses) > 1:
                senses = [s for s in senses if s.role != "unknown"]
            mentions.append(Mention(edge.start, edge.end, text, senses))
        return tokens, mentions


def _same_text(question: str, tokens: list[Token]) -> bool:
    # NFKC may change offsets (rare: ligatures, full-width forms); then words are shown as tokens.
    import unicodedata
    return len(unicodedata.normalize("NFKC", question)) == len(question)


def _date_token(text: str) -> DatePart:
    parts = [int(p) for p in re.split(r"[-/.]", text)]
    return DatePart(year=parts[0], month=parts[1] if len(parts) > 1 else None,
                    day=parts[2] if len(parts) > 2 else None)
