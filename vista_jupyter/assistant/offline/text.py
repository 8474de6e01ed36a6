"""Words of a question: tokens, English word variants, Korean syllables and jamo.

The planner matches a question against column names, category values and the lexicon at the level
of tokens. English (and other Latin-script) words are tokens of their own; Hangul is split into
syllables, each remembering whether a space came before it, so that a Korean word can be found
inside a run written without spaces ("지역별평균연비") and particles written onto a word can be told
apart from it. Names of columns and values are tokenized the same way, so that a name and the
question meet on one representation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_HANGUL = re.compile(r"[\uac00-\ud7a3]")

# One alternative per token kind, tried in order.
_TOKEN = re.compile(
    # a date year first (2021-03-15, 2021.3), or with the year last, its separator used twice:
    # month first with "/" or "-" (3/15/2021, US), day first with "." (15.03.2021); see _date_token
    r"(?P<date>\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?![\d.])|\d{1,2}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{4}(?![\d.]))"
    r"|(?P<num>\d+(?:,\d{3})+(?:\.\d+)?(?!\d)|\d*\.\d+|\d+)"
    r"|(?P<hangul>[\uac00-\ud7a3])"
    r"|(?P<word>[^\W\d_\uac00-\ud7a3](?:[^\W_\uac00-\ud7a3]|['’](?=[^\W\d_\uac00-\ud7a3]))*)"
    r"|(?P<sym>>=|<=|!=|==|[<>=~%$€£₩≥≤≠+?!,:;/&·㎡℃°\-–])",
    re.UNICODE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "hangul", "num", "date", "sym"
    text: str  # normalized: lower case, NFKC
    start: int  # character offsets in the question
    end: int
    joined: bool  # no space between this token and the previous one

    @property
    def key(self) -> str:
        return self.text


def language_of(text: str) -> str:
    """'ko' when the text has Hangul, else 'en'."""
    return "ko" if _HANGUL.search(text or "") else "en"


def is_hangul(text: str) -> bool:
    return bool(text) and all(_HANGUL.match(ch) for ch in text)


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text))
    text = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("\u2212", "-")  # − a minus sign
    return text.lower()


def split_camel(name: str) -> str:
    """'sepalLength' -> 'sepal Length' (so its words can be matched); an initialism before a word
    in lower case, as R's series are named, is a word of its own: 'UKgas' -> 'UK gas' (not where
    the lower case is a plural's s or too short for a word: 'CDs', 'NOx')."""
    name = re.sub(r"(?<![A-Za-z])([A-Z]{2,})([a-z]{3,})(?![A-Za-z])", r"\1 \2", str(name))
    return re.sub(r"([a-z])([A-Z])", r"\1 \2", name)


# Korean writes "either particle" as 이(가), 은(는), 을(를): the bracketed one is dropped.
_EITHER_PARTICLE = re.compile(r"\((?:이|가|은|는|을|를|와|과|으|이나|나|로|으로|아|야)\)")


def tokenize(text: str, *, camel: bool = False) -> list[Token]:
    """Tokens of a question or a name (underscores and brackets separate words)."""
    source = split_camel(text) if camel else _EITHER_PARTICLE.sub("", str(text))
    source = normalize(source)
    tokens: list[Token] = []
    last_end = -1
    for m in _TOKEN.finditer(source):
        kind = m.lastgroup or "sym"
        value = m.group(0)
        if kind == "word":
            value = value.strip("'")
            if len(value) > 3 and value.endswith("'s"):
                value = value[:-2]  # possessive: "Texas's" is about Texas
            if not value:
                continue
        if kind == "num":
            value = value.replace(",", "")
        tokens.append(Token(kind, value, m.start(), m.end(), joined=(m.start() == last_end)))
        last_end = m.end()
    return _currency_after_amount(_signed_numbers(tokens))


def _signed_numbers(tokens: list[Token]) -> list[Token]:
    """A minus sign written onto a number that follows no number or word it could join ("below
    -1", "−2에서 2", "between -5 and 5", "<-3") makes the number negative; a hyphen between two
    numbers or a word and a number ("5-10", "COVID-19", "8-cylinder") stays a hyphen."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            tok.kind == "num"
            and tok.joined
            and prev is not None
            and prev.kind == "sym"
            and prev.text == "-"
            and not (prev.joined and len(out) > 1 and out[-2].kind in ("num", "word", "hangul", "date"))
        ):
            out[-1] = Token("num", "-" + tok.text, prev.start, tok.end, prev.joined)
            continue
        out.append(tok)
    return out


_CURRENCY_SIGNS = ("$", "€", "£", "₩")


def _currency_after_amount(tokens: list[Token]) -> list[Token]:
    """ "$30" is read as "30 $": a sign written before its amount goes after it, where units are
    read ("30 dollars", "3만 원"), so that "over $30" compares the amount."""
    out = list(tokens)
    for k in range(len(out) - 1):
        sign, amount = out[k], out[k + 1]
        if sign.kind == "sym" and sign.text in _CURRENCY_SIGNS and amount.kind == "num" and amount.joined:
            out[k] = Token("num", amount.text, amount.start, amount.end, sign.joined)
            out[k + 1] = Token("sym", sign.text, sign.start, sign.end, True)
    return out


@lru_cache(maxsize=1 << 16)
def name_keys(name: str) -> tuple[str, ...]:
    """The token keys of a name: 'Miles_per_Gallon' -> ('miles', 'per', 'gallon'). (Kept: the
    same names and values are keyed again for every question and every column of a table.)"""
    return tuple(t.text for t in tokenize(name, camel=True))


# --- English word variants --------------------------------------------------------------------

_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "people": "person",
    "children": "child",
    "feet": "foot",
    "mice": "mouse",
    "geese": "goose",
    "teeth": "tooth",
    "data": "datum",
    "better": "good",
    "best": "good",
    "worse": "bad",
    "worst": "bad",
}


def irregular_singular(word: str) -> str | None:
    """The singular of an English plural not made with -s (women -> woman, people -> person)."""
    singular = _IRREGULAR.get(word)
    return singular if singular not in ("good", "bad") else None  # (better, worst: no nouns)


def irregular_plural(word: str) -> str | None:
    """The plural of an English noun not made with -s (woman -> women, person -> people)."""
    return next((plural for plural, one in _IRREGULAR.items() if one == word and one not in ("good", "bad")), None)


def variants(word: str) -> list[str]:
    """A word and the forms it may be inflected from: 'heaviest' -> heavy; 'rainy' -> rain;
    'prices' -> price; 'sunny' -> sun. The word itself comes first."""
    out = [word]

    def add(w: str) -> None:
        if len(w) >= 2 and w not in out:
            out.append(w)

    if not word.isalpha() or len(word) < 3:
        return out
    if word in _IRREGULAR:
        add(_IRREGULAR[word])
    # plurals and third person
    if word.endswith("ies") and len(word) > 4:
        add(word[:-3] + "y")
    if word.endswith("ied") and len(word) > 4:
        add(word[:-3] + "y")  # denied -> deny, married -> marry, applied -> apply
    # nouns of an act made from its verb with -al: denial -> deny, approval -> approve, arrival ->
    # arrive, refusal -> refuse, renewal -> renew
    if len(word) > 5 and word.endswith("ial"):
        add(word[:-3] + "y")
    elif len(word) > 5 and word.endswith(("val", "sal")):
        add(word[:-1] + "e")
    elif len(word) > 5 and word.endswith("wal"):
        add(word[:-2])
    # -es only after the sounds that take it (boxes, classes, wishes, potatoes): "codes" is code+s,
    # never cod+es
    if word.endswith("es") and len(word) > 3 and word[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
        add(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        add(word[:-1])
    # comparatives and superlatives: heavier/heaviest -> heavy, larger -> large, hotter -> hot
    for suffix in ("iest", "ier"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            add(word[: -len(suffix)] + "y")
    for suffix in ("est", "er"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            add(stem)
            add(stem + "e")
            if len(stem) > 2 and stem[-1] == stem[-2]:
                add(stem[:-1])
    # past tense and gerund: rained -> rain, snowing -> snow
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            add(stem)
            add(stem + "e")
            if len(stem) > 2 and stem[-1] == stem[-2]:
                add(stem[:-1])
    # adjectives in -y: rainy -> rain, sunny -> sun, windy -> wind
    if word.endswith("y") and len(word) > 3:
        stem = word[:-1]
        add(stem)
        if len(stem) > 2 and stem[-1] == stem[-2]:
            add(stem[:-1])
    # adverbs: typically -> typical
    if word.endswith("ly") and len(word) > 4:
        add(word[:-2])
    return out


# --- Korean jamo, for typo-tolerant matching ---------------------------------------------------

_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def jamo(text: str) -> str:
    """Hangul syllables decomposed into their letters ('연비' -> 'ㅇㅕㄴㅂㅣ')."""
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(_CHO[code // 588])
            out.append(_JUNG[(code % 588) // 28])
            if code % 28:
                out.append(_JONG[code % 28])
        else:
            out.append(ch)
    return "".join(out)


def _syllable(cho: int, jung: int, jong: int = 0) -> str:
    return chr(0xAC00 + cho * 588 + jung * 28 + jong)


def _parts(ch: str) -> tuple[int, int, int] | None:
    code = ord(ch) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return code // 588, (code % 588) // 28, code % 28


_J = {v: i for i, v in enumerate(_JUNG)}
_F = {v: i for i, v in enumerate(_JONG)}
# the vowel a stem's last vowel becomes before the ending 아/어 (크+어 -> 커, 지+어 -> 져)
_CONTRACT = {"ㅡ": None, "ㅣ": "ㅕ", "ㅗ": "ㅘ", "ㅜ": "ㅝ", "ㅚ": "ㅙ"}


def korean_inflections(form: str) -> list[str]:
    """Surface forms of a Korean predicate written as its stem or its 아/어 form, which are not
    written as stem + ending in separate syllables: the adnominal (크 -> 큰, 줄어들 -> 줄어든),
    the 아/어 form (크 -> 커, 지 -> 져) and the contracted past (크 -> 컸, 떨어지 -> 떨어졌).
    Endings written in syllables of their own (많 + 았던, 높 + 은) are particles, not these."""
    if not form or not is_hangul(form):
        return []
    cho, jung, jong = _parts(form[-1])  # type: ignore[misc]
    stem, vowel = form[:-1], _JUNG[jung]
    out: list[str] = []
    if jong == 0:
        out.append(stem + _syllable(cho, jung, _F["ㄴ"]))
        if form[-1] == "하":
            joined = "해"
        elif form[-1] == "르" and stem and _parts(stem[-1]) and not _parts(stem[-1])[2]:  # type: ignore[index]
            # 르 stems double their ㄹ: 오르 -> 올라, 빠르 -> 빨라, 다르 -> 달라
            b_cho, b_jung, _ = _parts(stem[-1])  # type: ignore[misc]
            stem = stem[:-1] + _syllable(b_cho, b_jung, _F["ㄹ"])
            joined = _syllable(_CHO.index("ㄹ"), _J["ㅏ" if _JUNG[b_jung] in ("ㅏ", "ㅗ") else "ㅓ"])
            out[0] = form[:-1] + _syllable(cho, jung, _F["ㄴ"])
        elif vowel in _CONTRACT:
            new = _CONTRACT[vowel]
            if new is None:  # ㅡ: 아 after a syllable with ㅏ/ㅗ (나쁘 -> 나빠), else 어 (크 -> 커)
                before = _parts(stem[-1]) if stem else None
                new = "ㅏ" if before and _JUNG[before[1]] in ("ㅏ", "ㅗ") else "ㅓ"
            joined = _syllable(cho, _J[new])
        else:
            joined = form[-1]
        if stem + joined != form:
            out.append(stem + joined)
        c2, j2, _ = _parts(joined)  # type: ignore[misc]
        out.append(stem + _syllable(c2, j2, _F["ㅆ"]))
    elif _JONG[jong] == "ㄹ":
        out.append(stem + _syllable(cho, jung, _F["ㄴ"]))  # 들 -> 든, 길 -> 긴
    return [f for f in dict.fromkeys(out) if f != form]


def has_final_consonant(word: str) -> bool | None:
    """Whether a Korean word ends in a consonant (은/이/을 follow it, else 는/가/를); None when
    the word does not end in Hangul (digits and Latin letters are read aloud differently)."""
    if not word:
        return None
    code = ord(word[-1]) - 0xAC00
    if 0 <= code < 11172:
        return code % 28 != 0
    return None


def particle(word: str, pair: str) -> str:
    """`word` with the right one of a particle pair: particle('가격', '이/가') -> '가격이'."""
    with_final, without = pair.split("/")
    final = has_final_consonant(word)
    if final is None:
        return f"{word}{with_final}({without})" if with_final != "(으)로" else f"{word}(으)로"
    return word + (with_final if final else without)


# --- names written in the other script: 삼성 / Samsung, Gangnam / 강남 ---------------------------

# Revised Romanization of Korean, letter by letter (no sound changes across syllables: names
# borrowed into Hangul are spelled, not pronounced, and the comparison below is loose anyway).
_RR_CHO = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_RR_JUNG = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
            "eu", "ui", "i"]  # fmt: skip
_RR_JONG = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
            "ng", "t", "t", "k", "t", "p", "t"]  # fmt: skip


def loan_spelling(text: str) -> str:
    """A Hangul loanword's Latin letters without the vowel ㅡ Korean adds after a consonant that
    ends a syllable in the source ('오크우드' -> 'okud' for Oakwood, '시드니' -> 'sdni' for Sydney,
    '스미스' -> 'smis'): the spelling a name borrowed into Hangul is compared by."""
    out = []
    for ch in text:
        parts = _parts(ch)
        if parts is not None and _JUNG[parts[1]] == "ㅡ" and parts[2] == 0 and _RR_CHO[parts[0]]:
            out.append(_RR_CHO[parts[0]].replace("r", "l"))
        else:
            out.append(romanize(ch))
    return "".join(out)


def romanize(text: str) -> str:
    """Hangul in Latin letters by the Revised Romanization ('강남' -> 'gangnam', '삼성' ->
    'samseong'); anything else is kept as it is. Initial ㄹ is written l after a final consonant
    or at the start (롯데 -> lotde), as loanwords spell it."""
    out = []
    for k, ch in enumerate(text):
        parts = _parts(ch)
        if parts is None:
            out.append(ch.lower())
            continue
        cho, jung, jong = parts
        initial = _RR_CHO[cho]
        before = _parts(text[k - 1]) if k > 0 else None
        if initial == "r" and before is not None and _JONG[before[2]] in ("ㅇ", "ㅁ"):
            initial = "n"  # 종로 is Jongno, 음료 eumnyo: ㄹ after ㅇ/ㅁ is said (and romanized) n
        elif initial == "r" and (k == 0 or before is None or before[2]):
            initial = "l"
        out.append(initial + _RR_JUNG[jung] + _RR_JONG[jong])
    return "".join(out)


# Sound classes of Latin letters, so that a name's Hangul spelling (romanized) and its Latin
# spelling meet: voiced and voiceless stops are one class (Korean writes both b and p as ㅂ/ㅍ, and
# romanizes ㅂ as b), l and r are one (ㄹ), f and v go with p and b (ㅍ/ㅂ), z with j (ㅈ), and
# vowels, h, w and y (which Hangul folds into its vowels) are dropped.
_SOUND = {
    **dict.fromkeys("bpfv", "P"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("gkqx", "K"),
    **dict.fromkeys("lr", "L"),
    "s": "S",
    "j": "J",
    "z": "J",
    "m": "M",
    "n": "N",
}
_VOWELS = set("aeiouyw")


def sound_key(latin: str, vowels: bool = False) -> str:
    """A Latin spelling's consonant skeleton by sound class ('Samsung' -> 'SMSNK', 'samseong' ->
    'SMSNK', 'Lotte' -> 'LT', 'lotde' -> 'LT'): letters of one class written together count once;
    an r before a consonant or at the end is silent (Hangul spells 'York' 욕); c is s before e, i, y
    and k elsewhere, ch is j (ㅊ), ph is p, -tion and -sion are s (sh). With `vowels`, each run of vowels is kept as "V" (the
    name's shape: 'neibeo' and 'naver' are both 'NVPV')."""
    word = "".join(ch for ch in latin.lower() if "a" <= ch <= "z")
    out: list[str] = []
    prev = ""  # the class of the last letter (a vowel: "")
    i = 0
    while i < len(word):
        ch = word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch == "c":
            cls = "J" if nxt == "h" else ("S" if nxt in ("e", "i", "y") else "K")
            i += 2 if nxt == "h" else 1
        elif ch == "p" and nxt == "h":
            cls, i = "P", i + 2
        elif ch in "ts" and word[i + 1 : i + 4] == "ion" and i > 0:
            cls, i = "S", i + 2  # -tion, -sion sound sh: 'action' 액션, 'station' 스테이션
        elif ch == "r" and (not nxt or nxt not in _VOWELS):
            i += 1
            continue
        elif ch in _VOWELS or ch == "h":
            if vowels and ch != "h" and prev != "V":
                out.append("V")
                prev = "V"
            elif not vowels:
                prev = ""
            i += 1
            continue
        else:
            cls = _SOUND.get(ch, ch.upper())
            i += 1
        if cls != prev:
            out.append(cls)
        prev = cls
    return "".join(out)
