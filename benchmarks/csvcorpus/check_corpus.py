"""Self-check of the corpus: files whose only pollutions are dialect-level are parsed with
Python's csv module told the exact dialect from the truth file; each must score 10.  This checks
that what the generator wrote and what its truth says agree (quoting, escaping, encodings, line
endings, locale numbers), independently of any reader under test.

    python check_corpus.py [files-dir]
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

from score import score

STRUCTURAL = (
    "preamble",
    "comment",
    "footer",
    "blank",
    "header",
    "table",
    "row",
    "page",
    "summary",
    "lookup",
    "metadata",
    "#TYPE",
    "dashes",
    "instrument",
    "index",
    "extra",
    "key/value",
)


def oracle(path: Path, t: dict):
    raw = path.read_bytes()
    text = raw.decode(t["encoding"])
    if text.startswith("\ufeff"):
        text = text[1:]
    d = t["dialect"]
    if d["escape"] in ("mysql", "pgtext"):
        rows = []
        for line in re.split(r"(?<!\\)\n", text):
            if not line:
                continue
            cells = re.split(r"(?<!\\)\t", line) if d["escape"] == "pgtext" else _split_unescaped(line, "\t")
            out = []
            for c in cells:
                if c == "\\N":
                    out.append("")
                elif d["escape"] == "pgtext":
                    out.append(
                        re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)), c)
                    )
                else:
                    out.append(re.sub(r"\\(.)", lambda m: m.group(1), c, flags=re.S))
            rows.append(out)
    else:
        delim = d["delimiter"]
        pad = any("spaces" in x or "padded" in x for x in t["pollutions"])
        kw = dict(delimiter=delim.strip() or delim, quotechar=d["quotechar"], skipinitialspace=delim == ", " or pad)
        if d["escape"] == "backslash":
            kw.update(escapechar="\\", doublequote=False)
        if d["quoting"] == "none":
            kw.update(escapechar="\\", quoting=csv.QUOTE_NONE)
        if d["escape"] == "mixed":
            kw.update(escapechar="\\", doublequote=True)
        rows = list(csv.reader(io.StringIO(text, newline=""), **kw))
    header = None
    if t["header"] is not None:
        header, rows = rows[0], rows[1:]
    return header, rows


def _split_unescaped(line, sep):
    out, cur, i = [], [], 0
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line):
            cur.append(line[i : i + 2])
            i += 2
            continue
        if ch == sep:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def main(root: Path) -> int:
    csv.field_size_limit(1 << 26)
    man = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    checked = bad = 0
    for m in man:
        p = root / m["file"]
        t = json.loads(p.with_name(p.name + ".truth.json").read_text(encoding="utf-8"))
        if any(w in " ".join(t["pollutions"]) for w in STRUCTURAL) and t["pollutions"] != ["no header"]:
            continue
        checked += 1
        h, r = oracle(p, t)
        s = score(t, h, r)
        if s["score"] < 9.999:
            bad += 1
            print(f"{m['file']}: {s['score']:.3f} {t['pollutions']}")
    print(f"{checked} dialect-level files parsed with their known dialect, {bad} below 10")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "files"))
