"""Shows where one reader's table differs from the truth of one file.

python explain.py duckdb files/numbers/weather__de_semicolon.csv [--max 10]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from run import load_reader
from score import _clean, cell_candidates, cell_key, score


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reader")
    ap.add_argument("path")
    ap.add_argument("--max", type=int, default=8)
    a = ap.parse_args()
    p = Path(a.path)
    t = json.loads(p.with_name(p.name + ".truth.json").read_text(encoding="utf-8"))
    header, rows = load_reader(a.reader)(str(p))
    print(json.dumps(score(t, header, rows), indent=0))
    loc = t["locale"]
    print("truth header:", t["header"])
    print("read header: ", header)
    th, tr = _clean(t["header"], t["rows"])
    ph, pr = _clean(header, rows)
    print(f"truth rows {len(tr)}, read rows {len(pr)}")
    shown = 0
    for i, r in enumerate(pr):
        if shown >= a.max:
            break
        best = None
        for tr_row in tr:
            diff = [
                (j, tc, r[j] if j < len(r) else None)
                for j, tc in enumerate(tr_row)
                if cell_key(tc, loc) not in cell_candidates(r[j] if j < len(r) else "", loc)
            ]
            if best is None or len(diff) < len(best):
                best = diff
            if not diff:
                break
        if best:
            shown += 1
            print(f"read row {i}: {len(best)} cells differ from the nearest truth row, e.g. {best[:4]}")


if __name__ == "__main__":
    main()
