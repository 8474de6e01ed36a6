"""Places named as people name them, mapped to the spelling a dataset's column actually holds.

A question says "South Korea", "한국", "Vietnam" or "California"; the data may hold "Korea, Rep."
(the World Bank's spelling), "Viet Nam" (ISO's), "KOR", or "CA". This module owns the gazetteer
(countries from pycountry's ISO 3166 names, codes and Korean translations, plus `places.yaml`:
publishers' statistical spellings, everyday English and Korean names, US states and territories
with postal codes and Korean names, large US cities, cities of the world by their local, English and Korean names, Korea's provinces
and metropolitan cities)
and the one way it is used: for a column of
the dataset, find which kind of place its values are (countries, US states, US cities or Korean regions: the kind
that names most of them), which place each value is, and every other form of those places, as
phrases pointing to the value the column holds. Nothing is added for a place the column lacks
(a filter is never invented on a value the data does not have), and a form shared by two values
of the column (Congo for "Congo, Rep." and "Congo, Dem. Rep.") points to both, so the planner
asks which one is meant instead of picking one. A column of things named after their city
("Wien HQ", "München Lager") answers to that city's other names (Vienna, 뮌헨) the same way.

Codes (ISO alpha-2/alpha-3, postal codes) are flagged: a question names a place by its code only
when it writes the code in capitals ("IN" is Indiana, "in" is a word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from .text import is_hangul, name_keys

#: Words that only say what kind of state a country is, dropped to get its short Korean name
#: ("시리아 아랍 공화국" -> 시리아, "러시아 연방" -> 러시아).
_KO_POLITY = {
    "공화국",
    "연방",
    "민주",
    "인민",
    "민주주의",
    "아랍",
    "이슬람",
    "왕국",
    "연합국",
    "다국가",
    "볼리바르",
    "사회주의",
    "합중국",
    "연합",
    "공국",
    "대공국",
    "특별행정구",
    "중국령",
}


@dataclass(frozen=True)
class Place:
    id: str  # "country:KR", "us_state:CA", "us_city:3"
    kind: str  # country, us_state, us_city, kr_region
    names: tuple[str, ...]  # every name it is written with
    codes: tuple[str, ...]  # codes, written in capitals (KR, KOR; CA)


def place_key(text: Any) -> tuple[str, ...]:
    """A name reduced to what identifies it: its words without punctuation and without "the",
    Hangul runs joined ("콩고 민주 공화국" and "콩고민주공화국" are one name)."""
    out: list[str] = []
    hangul = ""
    for key in name_keys(str(text)):
        if is_hangul(key):
            hangul += key
            continue
        if hangul:
            out.append(hangul)
            hangul = ""
        if key.isalnum() and key != "the":
            out.append(key)
    if hangul:
        out.append(hangul)
    return tuple(out)


def _derived(name: str) -> list[str]:
    """Forms a name implies: the part before a comma ("Korea, Rep." -> Korea; "Virgin Islands,
    British" -> Virgin Islands) and the comma-inverted order ("Bahamas, The" -> The Bahamas); a
    Korean name without its words for the kind of state ("콩고 민주 공화국" -> 콩고)."""
    out = []
    if ", " in name:
        head, tail = name.split(", ", 1)
        out += [head, f"{tail} {head}"]
    words = name.split()
    if len(words) > 1 and all(is_hangul(w) for w in words) and all(w in _KO_POLITY for w in words[1:]):
        out.append(words[0])
    return out


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Place]
    # kind -> place_key -> ids of the places of that kind written so
    index: dict[str, dict[tuple[str, ...], frozenset[str]]]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    text = files(__package__).joinpath("places.yaml").read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    places: list[Place] = []
    try:
        import gettext

        import pycountry

        korean = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"], fallback=True)
        iso = [
            (
                c.alpha_2,
                c.alpha_3,
                [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None), korean.gettext(c.name)],
            )
            for c in pycountry.countries
        ]
    except ImportError:  # pragma: no cover - pycountry is a dependency; the file alone still works
        iso = [(a2, "", []) for a2 in raw["countries"]]
    for a2, a3, names in iso:
        listed = [n for n in names if n] + [str(f) for f in raw["countries"].get(a2, [])]
        every = list(dict.fromkeys(listed + [d for n in listed for d in _derived(n)]))
        # its people: "Vietnamese", and in Korean the name with 인 (베트남인, 중국인)
        every += [str(f) for f in raw["demonyms"].get(a2, [])]
        every += [f"{n}인" for n in every if is_hangul(n) and len(n) >= 2 and not n.endswith("국")]
        places.append(Place(f"country:{a2}", "country", tuple(every), tuple(c for c in (a2, a3) if c)))
    for code, names in raw["us_states"].items():
        names = [str(n) for n in names]
        korean_state = [f"{n}주" for n in names if is_hangul(n.replace(" ", ""))]  # 뉴욕주, 워싱턴주
        places.append(Place(f"us_state:{code}", "us_state", tuple(dict.fromkeys(names + korean_state)), (code,)))
    for k, names in enumerate(raw["us_cities"]):
        codes = tuple(str(n) for n in names if re.fullmatch(r"[A-Z]{2,3}", str(n)))
        plain = tuple(str(n) for n in names if str(n) not in codes)
        places.append(Place(f"us_city:{k}", "us_city", plain, codes))
    for k, names in enumerate(raw["world_cities"]):
        places.append(Place(f"world_city:{k}", "world_city", tuple(str(n) for n in names), ()))
    for k, names in enumerate(raw["kr_regions"]):
        places.append(Place(f"kr_region:{k}", "kr_region", tuple(str(n) for n in names), ()))
    index: dict[str, dict[tuple[str, ...], set[str]]] = {}
    for place in places:
        kind = index.setdefault(place.kind, {})
        for form in (*place.names, *place.codes):
            key = place_key(form)
            if key:
                kind.setdefault(key, set()).add(place.id)
    frozen = {k: {key: frozenset(ids) for key, ids in v.items()} for k, v in index.items()}
    return Gazetteer({p.id: p for p in places}, frozen)


@dataclass(frozen=True)
class PlacePhrase:
    keys: tuple[str, ...]  # as the reader matches questions (name_keys)
    values: tuple[Any, ...]  # the column's values it names (two or more: ambiguous)
    code: bool  # a code: only written in capitals


def column_places(values: tuple[Any, ...]) -> tuple[str | None, dict[Any, str]]:
    """The kind of place a column's values are (the kind that names most of them: at least two
    and half of the column) and which place each value is (values naming two places of that kind
    are left out)."""
    g = gazetteer()
    texts = [v for v in values if isinstance(v, str) and v.strip()]
    if len(texts) < 2:
        return None, {}
    keys = {v: place_key(v) for v in texts}
    counts = {kind: sum(1 for k in keys.values() if k in idx) for kind, idx in g.index.items()}
    best = max(counts.values())
    winners = [kind for kind, n in counts.items() if n == best]
    if best < 2 or best < 0.5 * len(texts) or len(winners) != 1:
        return _named_after_cities(keys, len(texts))
    kind = winners[0]
    found = {}
    for value, key in keys.items():
        ids = g.index[kind].get(key, frozenset())
        if len(ids) == 1:
            found[value] = next(iter(ids))
    return kind, found


def _named_after_cities(keys: dict[Any, tuple[str, ...]], n: int) -> tuple[str | None, dict[Any, str]]:
    """Things named after their city ("Wien HQ", "München Lager", "Berlin Office"): a column most
    of whose values hold exactly one city's name as words of their own. Each such value is the
    city (a question saying "Vienna" or 빈 means that site)."""
    g = gazetteer()
    found: dict[Any, str] = {}
    for value, key in keys.items():
        ids: set[str] = set()
        for kind in ("world_city", "us_city"):
            idx = g.index[kind]
            for a in range(len(key)):
                for b in range(a + 1, len(key) + 1):
                    ids |= idx.get(key[a:b], frozenset())
        if len(ids) == 1:
            found[value] = next(iter(ids))
    if len(found) < 2 or len(found) < 0.5 * n:
        return None, {}
    return "named_after_city", found


_CITY_KINDS = ("world_city", "us_city")


@lru_cache(maxsize=256)
def place_phrases(values: tuple[Any, ...]) -> tuple[PlacePhrase, ...]:
    """Every other form of the places a column's values are, with the values each names. Forms
    that are a value of the column themselves are left to that value."""
    kind, found = column_places(values)
    if kind is None:
        return ()
    g = gazetteer()
    pairs = list(found.items())
    if kind in _CITY_KINDS:
        # a column of cities holds US cities and cities elsewhere alike (New York beside London):
        # each value is also the city of that name in the other list, when it names one there
        for value in values:
            if not isinstance(value, str):
                continue
            for other in _CITY_KINDS:
                ids = g.index[other].get(place_key(value), frozenset())
                if len(ids) == 1 and (value, next(iter(ids))) not in pairs:
                    pairs.append((value, next(iter(ids))))
    own = {name_keys(v) for v in values if isinstance(v, str)}
    named: dict[tuple[str, ...], dict[Any, None]] = {}
    code_keys: set[tuple[str, ...]] = set()
    for value, pid in pairs:
        place = g.places[pid]
        for form, is_code in [*((n, False) for n in place.names), *((c, True) for c in place.codes)]:
            keys = name_keys(form)
            if not keys or keys in own:
                continue
            named.setdefault(keys, {})[value] = None
            if is_code:
                code_keys.add(keys)
    return tuple(PlacePhrase(k, tuple(v), k in code_keys) for k, v in named.items())


#: Words an organisation's initials skip ("Department of Energy" is DOE or DE; "National
#: Aeronautics and Space Administration" is NASA).
_SKIPPED = {"of", "and", "the", "for", "&", "de", "du", "des", "la", "le", "del", "y", "in", "on", "at", "to"}


#: Legal forms an organisation's initials usually leave out ("General Electric Company": GE).
_LEGAL = {"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "ag", "sa", "gmbh", "group", "holdings"}


@lru_cache(maxsize=256)
def initials_phrases(values: tuple[Any, ...]) -> tuple[PlacePhrase, ...]:
    """Initials of the column's values of several words ("United Parcel Service" -> UPS; with and
    without its small words and its legal form: "General Electric Company" -> GE), computed from
    the data itself. Initials that two values share
    point to both (asked back); initials that are a value themselves are left to it."""
    own = {place_key(v) for v in values if isinstance(v, str)}
    named: dict[tuple[str, ...], dict[Any, None]] = {}
    for value in values:
        if not isinstance(value, str):
            continue
        words = [w for w in re.split(r"[\s\-/]+", value) if w]
        letters = [w for w in words if w[:1].isascii() and w[:1].isalpha()]
        if len(words) < 2 or len(letters) != len(words):
            continue
        kept = [w for w in words if w.lower().strip(".,") not in _SKIPPED]
        named_by = [w for w in kept if w.lower().strip(".,") not in _LEGAL] or kept
        forms = {"".join(w[0] for w in seq) for seq in (words, kept, named_by)}
        for form in forms:
            if 2 <= len(form) <= 6 and (form.lower(),) not in own:
                named.setdefault((form.lower(),), {})[value] = None
    return tuple(PlacePhrase(k, tuple(v), True) for k, v in named.items())
