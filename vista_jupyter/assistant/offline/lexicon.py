"""The bilingual lexicon (`lexicon.yaml`) loaded into phrase indexes the planner matches against.

A *meaning* is a (role, key) pair: ("agg", "mean") for "average" / "평균", ("compare", "gt") for
"over" / "초과", ("concept", "price") for "cost" / "가격", ("value", 4) for "Japanese" / "일본". One
form may have several meanings ("most": a superlative and a degree); the planner picks the one the
question's structure calls for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from .text import is_hangul, korean_inflections, name_keys

#: Roles whose forms map straight to a key (role: {key: [forms]}).
_KEYED = (
    "clock_hours",
    "level_compare",
    "agg",
    "superlative",
    "busy",
    "evaluative",
    "change",
    "degree",
    "compare",
    "compare_after",
    "date_compare",
    "relative_period",
    "lateness",
    "pair_role",
    "outcome",
    "bucket",
    "per_period",
    "sign",
    "halves",
    "seasons",
    "order",
    "chart",
    "intent",
    "unsupported",
    "number_words",
    "multipliers",
    "units",
    "date_units",
    "months",
    "weekdays",
    "quarters",
    "ordinal",
    "daytime",
    "previous_bucket",
    "event",
)
#: Roles that are plain lists of forms.
_LISTED = (
    "movement",
    "between",
    "than",
    "contains",
    "times",
    "range_join",
    "negation",
    "absence",
    "presence",
    "either",
    "condition",
    "group",
    "which",
    "when",
    "rows",
    "entity",
    "filler",
    "weekend",
    "workdays",
    "descriptors",
    "frequent",
    "rest",
    "position",
    "minus",
    "divide",
    "plus",
    "ratio_per",
    "weighted",
    "previous_period",
    "light_verbs",
    "outlier",
    "outlier_rule",
    "group_noun",
    "breakdown",
)


@dataclass(frozen=True)
class Meaning:
    role: str
    key: Any = None


@dataclass
class PhraseIndex:
    """Phrases (tuples of token keys) with their meanings, found by their first key."""

    by_first: dict[str, list[tuple[tuple[str, ...], Meaning]]] = field(default_factory=dict)
    # phrases that name their meaning only when the question writes them in capitals (codes and
    # initials the dataset's values are known by: "IN" is Indiana, "in" is a word)
    capitals: set[tuple[tuple[str, ...], Meaning]] = field(default_factory=set)
    # every phrase added, to skip one added twice without scanning (a wide table adds thousands
    # of values starting with the same word)
    _seen: set[tuple[tuple[str, ...], Meaning]] = field(default_factory=set, repr=False)

    def add(self, keys: tuple[str, ...], meaning: Meaning, *, capitals: bool = False) -> None:
        if not keys:
            return
        if capitals:
            self.capitals.add((keys, meaning))
        entries = self.by_first.setdefault(keys[0], [])
        try:
            if (keys, meaning) in self._seen:
                return
            self._seen.add((keys, meaning))
        except TypeError:  # a meaning that cannot be hashed: looked for among its first key's
            if (keys, meaning) in entries:
                return
        entries.append((keys, meaning))

    def starting_with(self, key: str) -> list[tuple[tuple[str, ...], Meaning]]:
        return self.by_first.get(key, [])


@dataclass
class Lexicon:
    data: dict[str, Any]
    phrases: PhraseIndex
    particles: tuple[tuple[str, ...], ...]
    concepts: dict[str, dict[str, Any]]
    adjectives: dict[str, dict[str, Any]]
    value_groups: list[list[str]]

    def forms(self, role: str, key: Any = None) -> list[str]:
        entry = self.data[role]
        if key is None:
            return [str(f) for f in entry]
        return [str(f) for f in entry[key]]

    def concept_keys(self, concept: str) -> list[tuple[str, ...]]:
        return [name_keys(f) for f in self.concepts[concept]["forms"]]


def _as_forms(value: Any, where: str) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(f"lexicon: {where} must be a list of forms")
    for form in value:
        if not isinstance(form, str):
            raise ValueError(f"lexicon: {where} has a form that is not text: {form!r} (quote it)")
    return value


#: Roles whose Korean forms are predicates (verbs and adjectives) and so are written inflected.
_PREDICATES = ("degree", "change", "evaluative", "compare_after", "adjective", "light_verbs")


def _add_inflections(index: PhraseIndex, raw: dict[str, Any], particles: tuple[tuple[str, ...], ...]) -> None:
    """Korean predicates of the lexicon in the forms that fuse stem and ending into one syllable
    (크 -> 큰, 컸; 줄어들 -> 줄어든; 떨어지 -> 떨어졌), with the meaning of the form they come from.
    A derived form that is already a form of anything else (더 -> 던, a particle) is not added:
    the lexicon's own entries win."""
    taken = {keys for entries in index.by_first.values() for keys, _ in entries} | set(particles)
    derived: list[tuple[tuple[str, ...], Meaning]] = []
    for entries in index.by_first.values():
        for keys, meaning in entries:
            role = meaning.role if meaning.role != "superlative_marker" else ""
            word = "".join(keys)
            if role not in _PREDICATES or len(keys) != len(word) or not is_hangul(word):
                continue
            for form in korean_inflections(word):
                if name_keys(form) not in taken:
                    derived.append((name_keys(form), meaning))
    for keys, meaning in derived:
        index.add(keys, meaning)


def quantile_forms(raw: dict[str, Any]) -> list[tuple[tuple[str, ...], Meaning]]:
    """The lexicon's `quantiles` as phrases of the aggregation "p<p>" (the p-th percentile; the
    50th is the median): each template of `percentile` for every p from 1 to 99, of `top` for
    every q = 100 - p (the cutoff of the top q percent), and the quartiles' own words."""
    out: list[tuple[tuple[str, ...], Meaning]] = []
    for p in range(1, 100):
        key = "median" if p == 50 else f"p{p}"
        for form in _as_forms(raw["percentile"], "quantiles.percentile"):
            out.append((name_keys(form.format(p=p)), Meaning("agg", key)))
        for form in _as_forms(raw["top"], "quantiles.top"):
            out.append((name_keys(form.format(q=100 - p)), Meaning("agg", key)))
    for key in ("p25", "p75"):
        for form in _as_forms(raw[key], f"quantiles.{key}"):
            out.append((name_keys(form), Meaning("agg", key)))
    return out


#: English question words people write together with the word after them ("howmany", "whatis")
_QUESTION_WORDS = frozenset({"how", "what", "which", "who", "where", "when"})


def _add_joined_question_words(index: PhraseIndex) -> None:
    """A two-word phrase that begins with a question word ("how many", "what is", "which one")
    also in the one word it is typed as without its space ("howmany"), with the phrase's meaning.
    A joined form that is already a form of anything else is not added: the lexicon's own win."""
    taken = {keys for entries in index.by_first.values() for keys, _ in entries}
    joined = [
        ((keys[0] + keys[1],), meaning)
        for entries in index.by_first.values()
        for keys, meaning in entries
        if len(keys) == 2 and keys[0] in _QUESTION_WORDS and keys[1].isascii() and keys[1].isalpha()
    ]
    for keys, meaning in joined:
        if keys not in taken:
            index.add(keys, meaning)


@lru_cache(maxsize=None)
def joined_forms(role: str) -> frozenset[str]:
    """A listed role's forms as names are compared with them: their keys joined, without spaces
    ("이용 건수" and "이용건수" alike), e.g. the event nouns and count heads read against names."""
    return frozenset("".join(name_keys(f)) for f in lexicon().data[role])


@lru_cache(maxsize=1)
def concept_words() -> frozenset[str]:
    """Every one-word form of a lexicon concept, lower-cased (speed, prices, visits, 소득)."""
    return frozenset(
        str(f).lower() for entry in lexicon().concepts.values() for f in entry["forms"] if " " not in str(f)
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded once."""
    raw = yaml.safe_load(files(__package__).joinpath("lexicon.yaml").read_text(encoding="utf-8"))
    index = PhraseIndex()
    for role in _KEYED:
        for key, forms in raw[role].items():
            if role == "superlative" and key in ("marker", "most", "least"):
                meaning = Meaning("superlative_marker", {"marker": None, "most": "high", "least": "low"}[key])
            else:
                meaning = Meaning(role, key)
            for form in _as_forms(forms, f"{role}.{key}"):
                index.add(name_keys(form) or (form.lower(),), meaning)
                if role == "busy":  # "the busiest": a superlative in its direction, of what is counted
                    index.add(name_keys(form) or (form.lower(),), Meaning("superlative", key))
    for keys, meaning in quantile_forms(raw["quantiles"]):
        index.add(keys, meaning)
    for role in _LISTED:
        for form in _as_forms(raw[role], role):
            index.add(name_keys(form) or (form.lower(),), Meaning(role))
    # the events rows record are nouns for the rows (`count_heads` is only read against names)
    for form in _as_forms(raw["events"], "events"):
        index.add(name_keys(form) or (form.lower(),), Meaning("entity"))
    for form in _as_forms(raw["event_verbs"], "event_verbs"):
        index.add(name_keys(form) or (form.lower(),), Meaning("entity"))
    _as_forms(raw["count_heads"], "count_heads")
    # read as one word ("그룹", not the filler 그 + 룹); what it is is decided beside its
    # neighbours (match._group_nouns)
    for form in _as_forms(raw["group_nouns"], "group_nouns"):
        index.add(name_keys(form) or (form.lower(),), Meaning("group_noun"))
    concepts = raw["concepts"]
    for name, entry in concepts.items():
        for form in _as_forms(entry["forms"], f"concepts.{name}"):
            index.add(name_keys(form), Meaning("concept", name))
    adjectives = raw["adjectives"]
    for name, entry in adjectives.items():
        for form in _as_forms(entry["forms"], f"adjectives.{name}"):
            index.add(name_keys(form), Meaning("adjective", name))
        for concept, direction in entry["concept"]:
            if concept not in concepts or direction not in ("high", "low"):
                raise ValueError(f"lexicon: adjective {name} points to {concept}/{direction}")
    groups = [_as_forms(group, "values") for group in raw["values"]]
    for i, group in enumerate(groups):
        for form in group:
            index.add(name_keys(form) or (form.lower(),), Meaning("value_group", i))
    particles = tuple(sorted({name_keys(p) for p in _as_forms(raw["particles"], "particles")}, key=len, reverse=True))
    _add_inflections(index, raw, particles)
    _add_joined_question_words(index)
    return Lexicon(raw, index, particles, concepts, adjectives, groups)
