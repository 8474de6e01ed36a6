"""What the generated evaluation sets (evalset3, evalset4, evalset5) share: each question's
expected result computed with pandas from the question's own snippet, independently of the
offline analyst, and the `dev/questions.jsonl` it is written to.

A question is `(id, dataset, lang, text, kind, code, extra)`. The snippet leaves its answer in
`result`:
* number: a scalar (`rel_tol`; `percent`; `also_rows`, another snippet's value also accepted;
  `either_sign`, the negated value also accepted);
* label: a Series whose idxmax/idxmin (`pick`) is the answer, the runners-up becoming `others`
  (`month_names`: month numbers named; `quarter`: 1-4 as quarters; `period_month`: "2022-07"
  also said as months are), or a scalar label (`others`: a snippet listing the other
  candidates, or `others_from`: a Series whose index they are);
* labels: a list, in order if `ordered` (`others_from`: the Series that lists the runners-up);
* table: a Series (`rel_tol`, `percent`, `period_month`);
* table2: a Series indexed by two columns (a two-way breakdown), or a DataFrame (a pivot, its
  empty cells left out) (`rel_tol`, `percent`);
* pair: a Series indexed by two columns whose idxmax/idxmin (`pick`) is the answer;
* chart: the `columns` it must show; decline: nothing computed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

#: The expectations' options most sets use (see the module's docstring).
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
EITHER = {"rel_tol": 0.005, "either_sign": True}
MAX = {"pick": "max"}
MIN = {"pick": "min"}


def q(qid: str, ds: str, lang: str, text: str, kind: str, code: str = "", extra: dict | None = None) -> tuple:
    """One question, as `build` reads it."""
    return (qid, ds, lang, text, kind, code, extra or {})


def sd(col: str, where: str = "") -> tuple[str, dict]:
    """The sample standard deviation of `col` (rows `where`), the population one also accepted."""
    s = f"df.loc[{where}, '{col}']" if where else f"df['{col}']"
    return f"result = {s}.std()", {**N5, "also_rows": f"{s}.std(ddof=0)"}


#: Month names written out here, not taken from Vista's wording: the expectations stay independent.
MONTHS = "January February March April May June July August September October November December".split()


def month_aliases(label: str) -> list[str]:
    """'2022-07' -> ['July 2022', 'Jul 2022', '2022년 7월', '2022.07', '2022/07']."""
    y, m = label.split("-")
    name = MONTHS[int(m) - 1]
    return [f"{name} {y}", f"{name[:3]} {y}", f"{y}년 {int(m)}월", f"{y}.{m}", f"{y}/{m}"]


def expectation(kind: str, result: Any, extra: dict, env: dict, default_tol: float | None) -> dict:
    """What a correct answer must state, from the snippet's `result` (see the module's docstring).
    `default_tol` is the set's relative tolerance for numbers without their own (None: required)."""
    expect: dict = {"kind": kind}

    def tol() -> float:
        return extra["rel_tol"] if default_tol is None else extra.get("rel_tol", default_tol)

    if kind == "number":
        value = float(result)
        expect.update(rel_tol=tol(), value=value)
        if extra.get("percent"):
            expect["percent"] = True
        if "also_rows" in extra:
            expect["also"] = [float(eval(extra["also_rows"], env))]  # noqa: S307 - the set's own snippet
        if extra.get("either_sign"):
            expect["also"] = [-value]
    elif kind == "label" and isinstance(result, pd.Series):
        s = result.sort_values(ascending=extra["pick"] == "min")
        top = s.index[0]
        expect.update(pick=extra["pick"], value=str(top), others=[str(x) for x in s.index[1:10]])
        if extra.get("month_names"):
            expect.update(
                value=MONTHS[int(top) - 1],
                others=[MONTHS[int(x) - 1] for x in s.index[1:10]],
                also=[MONTHS[int(top) - 1][:3], f"{int(top)}월"],
            )
        if extra.get("quarter"):
            q = int(top)
            expect.update(
                value=f"Q{q}",
                others=[f"Q{int(x)}" for x in s.index[1:]],
                also=[f"{q}분기", f"2024Q{q}", f"2024-Q{q}"],
            )
        if extra.get("period_month"):
            expect["also"] = month_aliases(str(top))
    elif kind == "label":  # a scalar name (an n-th rank)
        if "others" in extra:
            others = [str(x) for x in eval(extra["others"], env)]  # noqa: S307 - the set's own snippet
        else:  # every other group competes
            others = [str(x) for x in env[extra["others_from"]].index if str(x) != str(result)]
        expect.update(value=str(result), others=others)
    elif kind == "labels":
        expect.update(n=len(result), ordered=extra["ordered"], value=[str(x) for x in result])
        if "others_from" in extra:
            expect["others"] = [str(x) for x in env[extra["others_from"]].index[len(result) : len(result) + 9]]
            expect["pick"] = "max"
    elif kind == "table2":
        if isinstance(result, pd.DataFrame):
            result = result.stack()
        result = result.dropna()
        expect.update(
            rel_tol=tol(),
            dims=[str(n) for n in result.index.names],
            cells=[[str(r), str(c), float(v)] for (r, c), v in result.items()],
        )
        if extra.get("percent"):
            expect["percent"] = True
    elif kind == "pair":
        s = result.dropna().sort_values(ascending=extra["pick"] == "min")
        expect.update(
            pick=extra["pick"],
            value=[str(x) for x in s.index[0]],
            others=[[str(x) for x in k] for k in s.index[1:10]],
        )
    elif kind == "table":
        expect.update(rel_tol=tol(), value={str(k): float(v) for k, v in result.items()})
        if extra.get("percent"):  # shares per group, as fractions (written as 0.25 or 25%)
            expect["percent"] = True
        if extra.get("period_month"):
            expect["also"] = {str(k): month_aliases(str(k)) for k in result.index}
    return expect


def build(questions: list[tuple], load: Callable[[str], pd.DataFrame], default_tol: float | None) -> list[dict]:
    """Every question with its expectation; each dataset is read once."""
    out = []
    frames: dict[str, pd.DataFrame] = {}
    for qid, ds, lang, text, kind, code, extra in questions:
        if kind in ("number", "label", "labels", "table", "table2", "pair"):
            env: dict = {"df": frames.setdefault(ds, load(ds)).copy(), "pd": pd}
            exec(code, env)  # noqa: S102 - the set's own snippet
            expect = expectation(kind, env["result"], extra, env, default_tol)
        else:
            expect = {"kind": kind}
            if kind == "chart":
                expect["columns"] = extra["columns"]
        out.append({"id": qid, "dataset": ds, "lang": lang, "question": text, "expect": expect, "code": code})
    return out


def write(here: Path, rows: list[dict]) -> None:
    """`dev/questions.jsonl` of the set in `here`."""
    (here / "dev").mkdir(exist_ok=True)
    with open(here / "dev" / "questions.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} questions, {sum(r['lang'] == 'ko' for r in rows)} in Korean")
