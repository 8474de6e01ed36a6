"""Columns that hold one kind of thing twice, in two roles (catalog.RolePair): home_team/away_team
with home_score/away_score, 출발터미널/도착터미널, budget_usd/actual_cost_usd, white_id/black_id.

Three readings of a question over such a table (passes of the planner, parse.py):

* `role_words`: a role word of the question ("at home", "홈에서", "as black", "출발한") picks that
  role's column where a word or a value would name both columns of a pair: "Hawks" of home_team
  and away_team is home_team in "points the Hawks scored at home", as "points" is home_points;
  a role word alone next to an arithmetic or a comparison names its column of the one pair that
  fits ("home minus away", "예정=실제").
* `outcomes`: who won a game of two sides whose scores are a pair: "the home team won" (home_score
  > away_score), "원정팀이 진 경기" (away < home), "무승부" (equal). A side must be named (a team
  that won anywhere would be one of two columns: that is declined).
* `one_side`: a comparison whose other side is one column of a pair: "over budget" (actual_cost >
  budget), "under budget", "예산 초과".

Each condition is one column against the other, row by row: a condition on their per-row
difference (a − b > 0), as the planner states every comparison of two columns, in both renderers.
"""

from __future__ import annotations

from .catalog import RolePair, opposed, role_pairs
from .lexicon import lexicon
from .match import Sense
from .plan import Condition
from .text import is_hangul, name_keys

_OPS = {"gt": ">", "lt": "<", "ge": ">=", "le": "<=", "eq": "=="}
_ARITHMETIC = ("plus", "minus", "compare", "compare_after", "than", "divide")


def _role(m) -> str | None:
    s = m.get("pair_role")
    return s.key if s is not None else None


def _top_columns(p, i: int) -> set[str]:
    senses = p.m[i].all("column")
    if not senses:
        return set()
    best = max(s.quality for s in senses)
    return {s.key for s in senses if s.quality >= best - 1e-9}


def _value_columns(p, i: int) -> set[str]:
    senses = p.m[i].all("value")
    if not senses:
        return set()
    best = max(s.quality for s in senses)
    return {s.key[0] for s in senses if s.quality >= best - 1e-9}


def _governing(
    p, i: int, roles: frozenset[str], words: list[tuple[int, str]], value: bool = False
) -> tuple[int, str] | None:
    """The role word that says which role the mention at i is of: one written right before or
    after it, else the only role (of that opposition) the question names, else the nearest one."""
    mine = [(j, r) for j, r in words if r in roles and j != i]
    if not mine:
        return None
    skip = ("filler", "particle", "condition", "range_join") if value else ("filler", "particle")
    before, after = p.prev_index(i, skip), p.next_index(i, skip)
    # a role said of a value follows it in Korean ("부산에 도착한", "LG 홈경기") and comes before it
    # in English ("departing from Busan", "as black"); of a column, it comes before it ("홈 득점")
    order = (after, before) if value and p.lang == "ko" else (before, after)
    for j in order:
        hit = [(k, r) for k, r in mine if k == j]
        if hit:
            return hit[0]
    if len({r for _, r in mine}) == 1:
        return min(mine, key=lambda w: abs(w[0] - i))
    return None  # both roles named, neither beside it ("출발이든 도착이든"): not one of them


def role_words(p) -> None:
    """Role words pick their column of each pair a word or a value of the question names both of."""
    pairs = role_pairs(p.t)
    if not pairs:
        return
    words = [(i, _role(m)) for i, m in enumerate(p.m) if i not in p.used and _role(m) and not m.has("column")]
    used: set[int] = set()
    picked: set[int] = set()
    for i, m in enumerate(p.m):
        # the pair's shared word alone names both its columns ("팀" of 홈팀/원정팀, "rating")
        said = "".join(name_keys(m.text))
        if i not in p.used and not m.has("column") and not m.has("value") and not _role(m) and said:
            for pair in pairs:
                if said == pair.stem.replace(" ", ""):
                    m.senses = m.senses + [Sense("column", c, 1.0) for c in pair.columns]
    for i, m in enumerate(p.m):
        if i in p.used or _role(m) and not m.has("column"):
            continue
        for kind, names in (("column", _top_columns(p, i)), ("value", _value_columns(p, i))):
            for pair in pairs:
                if not set(pair.columns) <= names:
                    continue
                got = _governing(p, i, frozenset(pair.roles), words, kind == "value")
                if got is None:
                    continue
                j, role = got
                drop = pair.other(pair.column_of(role))
                if kind == "column":
                    m.senses = [s for s in m.senses if not (s.role == "column" and s.key == drop)]
                else:
                    m.senses = [s for s in m.senses if not (s.role == "value" and s.key[0] == drop)]
                used.add(j)
                picked.add(i)
    _either(p, pairs, words, used)
    # a role word alone beside an arithmetic or a comparison is its column of the one pair of
    # numbers (or dates) that fits: "home minus away", "예정=실제", "budget vs actual"
    numeric, dated = _wants(p)
    for j, role in words:
        if j in used or p.m[j].has("value"):
            continue
        beside = [
            k
            for k in (p.prev_index(j, ("filler", "particle")), p.next_index(j, ("filler", "particle")))
            if k is not None
        ]
        if any(p.m[k].has("column") and k not in p.used for k in beside):
            continue  # it says which of a column's pair, and no pair of that column was named
        after = p.next_index(j, ("filler", "particle"))
        if after is not None and p.m[after].has("entity"):
            continue  # "home teams", "원정 경기": it says which things, not which column
        if not any(
            p.m[k].roles & set(_ARITHMETIC)
            or p.m[k].text in ("-", "+", "=", "−")
            or p.m[k].has("agg")
            and p.m[k].get("agg").key in ("sum", "mean", "median", "std")
            for k in beside
        ):
            continue  # alone, away from any computation of amounts: left to the other passes
        fits = [q for q in pairs if role in q.roles and (p.col(q.columns[0]).numeric or p.col(q.columns[0]).is_date)]
        if numeric != dated:  # "more", "average": the numbers; "later": the dates
            fits = [q for q in fits if p.col(q.columns[0]).numeric == numeric]
        # a word that named both columns of one of them says which ("point difference, home minus away")
        named = [
            q for q in fits if any(set(q.columns) <= _top_columns(p, k) for k in range(len(p.m)) if k not in p.used)
        ]
        if len(named) == 1:
            fits = named
        if len(fits) != 1:
            continue
        column = fits[0].column_of(role)
        p.m[j].senses = [Sense("column", column, 1.0)]
        for k in range(len(p.m)):
            if k != j and k not in p.used and set(fits[0].columns) <= _top_columns(p, k) and not p.m[k].has("value"):
                if not (p.m[k].roles - {"column", "concept"}):
                    p.claim(k)  # the noun of both ("point" of home minus away points)
    p.claim(*used)


def _wants(p) -> tuple[bool, bool]:
    """Whether the question computes with numbers (an arithmetic, a comparison of amounts, an
    aggregation of amounts) and whether it compares dates."""
    numeric = dated = False
    for i, m in enumerate(p.m):
        if i in p.used:
            continue
        if m.roles & {"plus", "minus", "divide", "compare", "compare_after"} or m.text in ("-", "+", "−"):
            numeric = True
        if m.has("agg") and m.get("agg").key in ("sum", "mean", "median", "std"):
            numeric = True
        if m.has("date_compare") and not m.roles & {"compare", "compare_after"}:
            dated = True
    return numeric, dated


def _scored(pair: RolePair) -> bool:
    words = {"".join(name_keys(str(f))) for f in lexicon().data.get("scored", [])}
    stem = pair.stem.replace(" ", "")
    return any(w and w in stem for w in words) or bool(set(pair.stem.split()) & words)


def outcomes(p) -> None:
    """ "the home team won", "원정팀이 이긴 경기", "한화가 홈에서 진", "무승부": one side's score
    against the other's, over the pair of score columns of the two sides named."""
    from .parse import Declined

    pairs = role_pairs(p.t)
    for i, m in enumerate(p.m):
        sense = m.get("outcome")
        if sense is None or i in p.used or m.roles & {"column", "value", "boolcol"}:
            continue
        # the side: a role word, or a column of a pair of names ("home team", "원정팀")
        sides: list[tuple[int, str]] = []
        for j, x in enumerate(p.m):
            if j == i:
                continue
            if x.has("value"):
                if _role(x):
                    sides = []  # the data records who won ("white" of a winner column)
                    break
                continue
            if _role(x) and not x.has("column"):
                sides.append((j, _role(x)))
                continue
            cols = _top_columns(p, j)
            for q in pairs:
                if len(cols) == 1 and next(iter(cols)) in q.columns and not p.col(next(iter(cols))).numeric:
                    sides.append((j, q.role_of(next(iter(cols)))))
        if sense.key == "draw":
            groups = {frozenset(q.roles) for q in pairs if _scored(q) and p.col(q.columns[0]).numeric}
            if len(groups) != 1:
                continue
            group = next(iter(groups))
            role = sorted(group)[0]
            side_words: list[int] = []
        else:
            if not sides:
                continue
            roles = {r for _, r in sides}
            if len(roles) != 1:
                near = min(sides, key=lambda s: abs(s[0] - i))
                roles = {near[1]}
                sides = [near]
            role = next(iter(roles))
            group = opposed(role)
            side_words = [j for j, _ in sides]
        scores = [q for q in pairs if frozenset(q.roles) == group and _scored(q) and p.col(q.columns[0]).numeric]
        if len(scores) != 1:
            if sense.key == "draw" or not scores:
                continue
            raise Declined(
                f"“{m.text}” compares the two sides' scores, and this data has several pairs of them "
                f"({', '.join(' / '.join(q.columns) for q in scores)}).",
                f"“{m.text}”은(는) 두 편의 점수를 비교하는 말인데, 점수 열 쌍이 여럿입니다 "
                f"({', '.join(' / '.join(q.columns) for q in scores)}).",
            )
        pair = scores[0]
        own = pair.column_of(role)
        name = p._derived_difference(own, pair.other(own))
        op = {"win": ">", "lose": "<", "draw": "=="}[sense.key]
        p.ctx.conditions.at = i
        p.ctx.conditions.append(Condition(name, op, 0))
        p.claim(i, *side_words)


def one_side(p) -> None:
    """ "over budget", "under budget", "예산 초과": a comparison whose only side named is one
    column of a pair of numbers is the other column against it (actual_cost > budget)."""
    pairs = [q for q in role_pairs(p.t) if p.col(q.columns[0]).numeric]
    if not pairs:
        return
    for i, m in enumerate(p.m):
        sense = m.get("compare") or m.get("compare_after")
        later = m.get("date_compare") if sense is None else None
        if later is not None:
            sense = later  # "예정보다 늦게": a time taken longer than planned
        if i in p.used or sense is None or sense.key not in _OPS:
            continue
        english = not is_hangul(m.text[:1])
        k = p.next_index(i, ("filler", "particle")) if english else p.prev_index(i, ("particle",))
        if k is None or k in p.used or p.m[k].has("num") or p.m[k].has("value"):
            continue
        cols = _top_columns(p, k)
        if not cols and _role(p.m[k]):
            cols = {q.column_of(_role(p.m[k])) for q in pairs if _role(p.m[k]) in q.roles}
        found = [q for q in pairs if len(cols) == 1 and next(iter(cols)) in q.columns]
        if len(found) != 1 or later is not None and set(found[0].roles) != {"planned", "actual"}:
            continue
        pair = found[0]
        obj = next(iter(cols))
        other = pair.other(obj)
        # a number right after the comparison is its other side ("over 100"), not this reading
        after = p.next_index(k, ("filler", "particle")) if english else p.next_index(i, ("filler", "particle"))
        if english and after is not None and p.m[after].has("num"):
            continue
        # the subject, if named, must be the other column ("actual cost over budget")
        before = p.prev_index(i, ("filler", "particle")) if english else p.prev_index(k, ("particle",))
        subject = []
        if before is not None and before not in p.used and p.m[before].has("column"):
            if _top_columns(p, before) == {other}:
                subject = [before]
            elif not p.m[before].has("entity"):
                continue
        name = p._derived_difference(other, obj)
        p.ctx.conditions.at = i
        p.ctx.conditions.append(Condition(name, _OPS[sense.key], 0))
        p.claim(i, k, *subject, *_verb_beside(p, i))


def numeric_lateness(p, i: int, key: str) -> bool:
    """ "late", "늦게 도착한", "빨리 도착한" where the data has no pair of dates but one pair of
    numbers in the planned/actual roles (예정소요시간/실제소요시간): the actual more than planned
    (late), less (early). True when the condition was added."""
    pairs = [
        q
        for q in role_pairs(p.t)
        if p.col(q.columns[0]).numeric and opposed(q.roles[0]) & {"planned", "actual"} == {"planned", "actual"}
    ]
    if len(pairs) != 1 or key not in ("late", "early"):
        return False
    pair = pairs[0]
    actual, planned = pair.column_of("actual"), pair.column_of("planned")
    nxt = i + 1 if i + 1 < len(p.m) else None
    if nxt is not None and _top_columns(p, nxt) & set(pair.columns):
        return False  # "지연시간", "delay time": the amount of the delay, not a condition
    name = p._derived_difference(actual, planned)
    p.ctx.conditions.at = i
    p.ctx.conditions.append(Condition(name, ">" if key == "late" else "<", 0))
    words = [i]
    for j, x in enumerate(p.m):
        if j in p.used or j == i:
            continue
        role = _role(x)
        if (
            role in ("planned", "actual")
            and not x.has("value")
            and (not x.has("column") or _top_columns(p, j) <= set(pair.columns))
        ):
            words.append(j)
            nxt = p.next_index(j, ("particle",))
            if nxt is not None and p.m[nxt].has("than") and nxt not in p.used:
                words.append(nxt)
    words += _verb_beside(p, i)
    p.claim(*words)
    return True


def _verb_beside(p, i: int) -> list[int]:
    """The role word said as the verb of a lateness or a comparison ("늦게 도착한", "arrived
    late"): a word of its roles alone, naming no column and no value."""
    out = []
    for k in (p.prev_index(i, ("filler", "particle")), p.next_index(i, ("filler", "particle"))):
        if k is not None and k not in p.used and _role(p.m[k]) and not p.m[k].roles & {"column", "value"}:
            out.append(k)
    return out


def _either(p, pairs: list[RolePair], words: list[tuple[int, str]], used: set[int]) -> None:
    """A value of both columns of a pair of names, no role word saying which: either column
    ("games the Hawks played", "KIA가 치른 경기", "강릉 관련 운행, 출발이든 도착이든"). Only one such
    value in the question (two would be read as both: another question), none next to a column
    that names one of the two, and no comparison of values asked."""
    found = []
    for i in range(len(p.m)):
        if i in p.used:
            continue
        names = _value_columns(p, i)
        for pair in pairs:
            if set(pair.columns) == names and not p.col(pair.columns[0]).numeric:
                found.append((i, pair))
    compared = any(m.has("than") or m.has("intent") and m.get("intent").key in ("compare", "difference") for m in p.m)
    if len(found) != 1 or compared:
        return
    i, pair = found[0]
    for k in (
        p.prev_index(i, ("filler", "particle", "condition")),
        p.next_index(i, ("filler", "particle", "condition")),
    ):
        if k is not None and p.m[k].has("column") and _top_columns(p, k) & set(pair.columns):
            return
    values = {str(s.key[1]) for s in p.m[i].all("value") if s.key[0] in pair.columns}
    if len(values) != 1:
        return
    value = next(s.key[1] for s in p.m[i].all("value") if s.key[0] == pair.columns[0])
    p.ctx.conditions.at = i
    p.ctx.conditions.append(Condition(pair.columns[0], "either", (pair.columns[1], value)))
    p.claim(i)
    # "출발이든 도착이든": both roles said, as the two columns the value may be in
    said = {
        j: _role(x)
        for j, x in enumerate(p.m)
        if j not in p.used and _role(x) in pair.roles and _top_columns(p, j) <= set(pair.columns)
    }
    if set(said.values()) == set(pair.roles):
        used.update(said)
