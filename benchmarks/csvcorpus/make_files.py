"""Writes the polluted delimited-text files and their ground truth from the clean tables.

Every file is one source table written the way some real program or person writes it: a
dialect (delimiter, quoting, escaping, line endings), an encoding, and around the table the
things real exports carry (titles, export metadata, comments, totals, notes, blank lines, extra
header rows, repeated headers, a second table).  The ground truth (`<file>.truth.json`) is the
table a person reads in the file: its header (or null) and every record's cells as text.

    python make_files.py --tables tables --out files --seed 7 --part dev --split-key csvcorpus-split-1

Files are grouped in families (one folder each).  The seeded split (--split-key) puts about a
quarter of each family's (table, variant) pairs in the held-out part, which is written with
--part heldout from tables and a file seed that are not kept here; each part writes only its
own files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from common import load_table, locale_info, render

NUMERIC_TYPES = ("int", "dec", "sci")
SUBST = {
    "«": '"',
    "»": '"',
    "—": "-",
    "–": "-",
    "…": "...",
    "№": "No.",
    "µ": "u",
    "²": "2",
    "·": ".",
    "😀": ":-)",
    "ё": "е",
    "Ё": "Е",
    "œ": "oe",
    "Œ": "OE",
    "€": "EUR",
    "’": "'",
    "“": '"',
    "”": '"',
}


@dataclass
class Line:
    kind: str  # data | header | extra | raw
    cells: list | None = None  # what is written (data/header/extra)
    truth: list | None = None  # what a person reads (data lines only)
    raw: str | None = None  # written verbatim (raw lines)
    bare: set = field(default_factory=set)  # columns written without quotes whatever they hold


@dataclass
class Doc:
    table: dict
    locale: str = "native"
    delim: str = ","
    quotechar: str = '"'
    quoting: str = "minimal"  # minimal | all | nonnumeric | lax | none
    escape: str = "double"  # double | backslash | mixed | mysql | pgtext
    lineterm: str = "\n"  # \n | \r\n | \r | mixed
    embedded_nl: str = "\n"  # how a line break inside a cell is written
    encoding: str = "utf-8"
    bom: bool = False
    trailing_delim: bool = False
    pad: str = ""  # "" | spaces | align
    header: list | None = None
    header_variants: list | None = None
    pre: list = field(default_factory=list)
    head_lines: list = field(default_factory=list)
    body: list = field(default_factory=list)
    foot: list = field(default_factory=list)
    numeric: list = field(default_factory=list)
    pollutions: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    null_token: str | None = None

    @property
    def width(self):
        return len(self.header) if self.header else len(self.table["columns"])

    def data_lines(self):
        return [ln for ln in self.body if ln.kind == "data"]


def new_doc(
    table: dict, rng: random.Random, locale: str = "native", rows: slice | None = None, subset: bool = True
) -> Doc:
    cols = table["columns"]
    values = table["values"]
    if rows is not None:
        values = values[rows]
    elif subset and len(values) > 40:
        n = len(values)
        k = rng.randint(int(n * 0.6), n)
        s = rng.randint(0, n - k)
        values = values[s : s + k]
    doc = Doc(table=table, locale=locale)
    doc.header = [c["name"] for c in cols]
    doc.numeric = [c["type"] in NUMERIC_TYPES for c in cols]
    doc.head_lines = [Line("header", list(doc.header))]
    for v in values:
        r = [render(x, c, locale) for x, c in zip(v, cols)]
        doc.body.append(Line("data", list(r), list(r)))
    return doc


# ----------------------------------------------------------------------------- serializing


def fmt_field(doc: Doc, cell: str, numeric: bool, rng: random.Random) -> str:
    q = doc.quotechar
    d = doc.delim.strip() or doc.delim
    if doc.escape == "pgtext":
        if cell == "":
            return doc.null_token or ""
        return cell.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if doc.escape == "mysql":
        if cell == "":
            return doc.null_token or ""
        return cell.replace("\\", "\\\\").replace(d, "\\" + d).replace("\n", "\\\n")
    cell = cell.replace("\n", doc.embedded_nl) if "\n" in cell else cell
    special = d in cell or "\n" in cell or "\r" in cell
    if doc.quoting == "all":
        quote = True
    elif doc.quoting == "nonnumeric":
        quote = not (numeric and cell != "") or special
    elif doc.quoting == "numeric":
        quote = (numeric and cell != "") or special or q in cell
    elif doc.quoting == "lax":
        quote = special
    elif doc.quoting == "none":
        quote = False
    else:
        quote = special or q in cell or cell != cell.strip() or (doc.escape == "backslash" and "\\" in cell)
    if not quote:
        if doc.quoting == "none" and d in cell:
            cell = cell.replace(d, "\\" + d)
        return cell
    esc = doc.escape
    if esc == "mixed":
        esc = rng.choice(["double", "backslash"])
    if esc == "backslash" and doc.escape == "mixed":
        inner = cell.replace(q, "\\" + q)  # a second tool in the pipeline: quotes only
    elif esc == "backslash":
        inner = cell.replace("\\", "\\\\").replace(q, "\\" + q)
    else:
        inner = cell.replace(q, q + q)
    return q + inner + q


def fmt_cells(doc: Doc, cells: list, rng: random.Random, widths=None, bare=()) -> str:
    out = []
    for j, c in enumerate(cells):
        num = doc.numeric[j] if j < len(doc.numeric) else False
        f = c if j in bare else fmt_field(doc, c, num, rng)
        if doc.pad == "spaces" and f:
            f = " " * rng.randint(0, 2) + f + " " * rng.randint(0, 2)
        elif doc.pad == "align" and widths and j < len(widths):
            f = f.rjust(widths[j]) if num else f.ljust(widths[j])
        out.append(f)
    s = doc.delim.join(out)
    if doc.trailing_delim:
        s += doc.delim
    return s


def serialize(doc: Doc, rng: random.Random) -> str:
    lines = doc.pre + ([] if doc.header is None else doc.head_lines) + doc.body + doc.foot
    widths = None
    if doc.pad == "align":
        widths = [0] * max(len(ln.cells) for ln in lines if ln.cells is not None)
        for ln in lines:
            if ln.kind in ("data", "header") and ln.cells:
                for j, c in enumerate(ln.cells):
                    widths[j] = max(widths[j], len(c))
    texts = []
    for ln in lines:
        if ln.kind == "raw":
            texts.append(ln.raw)
        else:
            texts.append(fmt_cells(doc, ln.cells, rng, widths, ln.bare))
    if doc.lineterm == "mixed":
        terms = ["\r\n" if rng.random() < 0.5 else "\n" for _ in texts]
        terms[0], terms[-1] = "\r\n", "\n"
        if len(terms) > 2:
            terms[1] = "\n"
        return "".join(t + e for t, e in zip(texts, terms))
    return "".join(t + doc.lineterm for t in texts)


def encode(doc: Doc, text: str) -> bytes:
    enc = doc.encoding
    if enc == "utf-16-le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if enc == "utf-16-be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    data = text.encode(enc)
    return (b"\xef\xbb\xbf" + data) if doc.bom else data


def truth_of(doc: Doc) -> dict:
    rows = [list(ln.truth) for ln in doc.data_lines()]
    w = max([len(r) for r in rows] + [len(doc.header or [])])
    rows = [r + [""] * (w - len(r)) for r in rows]
    codec = {"utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(doc.encoding, doc.encoding)
    if doc.bom and doc.encoding == "utf-8":
        codec = "utf-8-sig"
    t = {
        "header": doc.header,
        "rows": rows,
        "encoding": codec,
        "bom": doc.bom or doc.encoding.startswith("utf-16"),
        "notes": "; ".join(doc.notes),
        "table": doc.table["name"],
        "pollutions": doc.pollutions,
        "locale": locale_info(doc.table, doc.locale),
        "dialect": {
            "delimiter": doc.delim,
            "quotechar": doc.quotechar,
            "quoting": doc.quoting,
            "escape": doc.escape,
            "lineterminator": doc.lineterm,
        },
    }
    if doc.header_variants:
        t["header_variants"] = doc.header_variants
    return t


def subst_all(doc: Doc, enc: str) -> bool:
    """Replace characters the legacy encoding lacks (as legacy systems did); False if still unencodable."""

    def fix(s):
        try:
            s.encode(enc)
            return s
        except UnicodeEncodeError:
            return "".join(SUBST.get(ch, ch) for ch in s)

    def fixl(xs):
        return None if xs is None else [fix(x) for x in xs]

    doc.header = fixl(doc.header)
    for ln in doc.pre + doc.head_lines + doc.body + doc.foot:
        ln.cells, ln.truth = fixl(ln.cells), fixl(ln.truth)
        if ln.raw is not None:
            ln.raw = fix(ln.raw)
    if doc.header_variants:
        doc.header_variants = [fixl(v) for v in doc.header_variants]
    try:
        serialize(doc, random.Random(0)).encode(enc)
    except UnicodeEncodeError:
        return False
    return True


# ----------------------------------------------------------------------------- realistic text

TITLES = {
    "kr_air_quality": [
        "서울시 시간별 대기오염도 현황 (2024년 3월 1일)",
        "자료: 서울특별시 대기환경정보",
        "단위: ㎍/㎥, ppm",
    ],
    "jp_population": [
        "令和2年国勢調査　人口等基本集計（主な内容：男女・年齢・配偶関係，世帯の構成，住居の状態など）",
        "表番号：001",
        "（単位：人）",
    ],
    "cn_retail": ["2023年1-6月主要城市社会消费品零售总额", "数据来源：国家统计局", "单位：亿元"],
    "ru_budget": ["Отчёт об исполнении бюджета", "на 01.04.2024 г.", "Единица измерения: руб."],
    "de_bank": ["Umsatzanzeige", "Konto: DE12 5001 0517 0648 4898 90", "Zeitraum: 01.01.2024 - 31.05.2024"],
    "fr_communes": [
        "Liste des communes au 1er janvier 2024",
        "Source : Insee, Code officiel géographique",
        "Champ : France",
    ],
    "us_orders": ["Superstore Sales Report", "Fiscal Year 2023", "Prepared by: Finance Ops"],
    "server_log": [
        "Log export - service: all, level: >= DEBUG",
        "Range: 2024-05-17 08:00:00 to 2024-05-17 09:00:00 UTC",
    ],
    "lab_plate": ["Plate Reader Results", "Protocol: ELISA_IL6_v3", "Read: Absorbance 450 nm / 620 nm"],
    "hr_employees": ["Employee Master Data", "Confidential - HR use only"],
    "weather": ["Daily Summaries", "Order #3612345 - generated by Climate Data Online"],
    "survey": ["Customer satisfaction survey 2024 (responses)"],
    "products": ["Product catalogue", "Export of shop articles, all categories"],
    "transit": ["Ridership by stop, April 2024"],
    "kv_kennzahlen": ["Konzernkennzahlen 2023", "Angaben in Mio. EUR, sofern nicht anders angegeben"],
    "single_column": ["Participants"],
    "wide_sensors": ["Sensor matrix export", "Plant: Line 3"],
    "jp_sales": ["売上明細表", "期間：2024/04/01～2024/05/31", "出力日時：2024/06/01 09:15"],
}
FOOT_NOTES = {
    "kr_air_quality": ["※ 측정값은 실시간 자료로 확정 전 자료임", "출처: 서울특별시 보건환경연구원"],
    "jp_population": ["注）総人口には国籍不詳を含む。", "資料：総務省統計局「国勢調査」"],
    "cn_retail": ["注：部分数据因四舍五入的原因，存在总计与分项合计不等的情况。", "资料来源：国家统计局"],
    "ru_budget": ["Руководитель ____________ /Иванов И. И./", "Главный бухгалтер ____________ /Петрова А. С./"],
    "de_bank": ["Kontostand am 31.05.2024: 4.321,00 EUR", "Alle Angaben ohne Gewähr."],
    "fr_communes": [
        "Note : les populations sont des populations municipales.",
        "Source : Insee, recensement de la population 2021",
    ],
    "kv_kennzahlen": ["(C)opyright Statistisches Bundesamt (Destatis), 2024 | Stand: 15.03.2024"],
    "jp_sales": ["※金額は税抜です。"],
}
DEFAULT_NOTES = ["Note: figures are provisional and subject to revision.", "Source: internal reporting system"]


def title_lines(doc: Doc, n: int = None):
    t = TITLES.get(doc.table["name"], ["Report"])
    return t[: n or len(t)]


# ----------------------------------------------------------------------------- pollutions


def p_delim(d):
    def f(doc, rng):
        doc.delim = d
        doc.pollutions.append(f"delimiter {d!r}")

    return f


def p_quoting(style, quotechar='"'):
    def f(doc, rng):
        doc.quoting = style
        doc.quotechar = quotechar
        doc.pollutions.append(f"quoting {style}" + (" with single quotes" if quotechar == "'" else ""))

    return f


def p_escape(style):
    def f(doc, rng):
        doc.escape = style
        if style == "mysql":
            doc.delim, doc.quoting, doc.null_token = "\t", "none", "\\N"
            doc.notes.append("MySQL SELECT ... INTO OUTFILE: tab, no enclosure, backslash escapes, \\N = NULL")
        elif style == "pgtext":
            doc.delim, doc.quoting, doc.null_token = "\t", "none", "\\N"
            doc.notes.append("PostgreSQL COPY text format: \\n \\t \\\\ escapes, \\N = NULL")
        doc.pollutions.append(f"escape {style}")

    return f


def p_lineterm(t, embedded=None):
    def f(doc, rng):
        doc.lineterm = t
        if embedded:
            doc.embedded_nl = embedded
        doc.pollutions.append(
            "line endings "
            + {"\n": "LF", "\r\n": "CRLF", "\r": "CR", "mixed": "mixed"}[t]
            + ("" if not embedded else " / in-cell " + repr(embedded))
        )

    return f


def p_encoding(enc, bom=False):
    def f(doc, rng):
        doc.encoding = enc
        doc.bom = bom
        doc.pollutions.append(f"encoding {enc}" + (" BOM" if bom or enc.startswith("utf-16") else ""))

    return f


def p_title(padded=False, n=None, blank_after=True):
    def f(doc, rng):
        for t in title_lines(doc, n):
            cells = [t] + ([""] * (doc.width - 1) if padded else [])
            doc.pre.append(Line("extra", cells))
        if blank_after:
            doc.pre.append(Line("extra", [""] * (doc.width if padded else 1)))
        doc.pollutions.append("preamble title" + (" (padded to width)" if padded else ""))

    return f


def p_export_meta(doc, rng):
    who = rng.choice(["j.smith", "admin", "kim.minji", "export-bot"])
    lines = [
        f"Exported on {rng.choice(['2024-06-03 14:22:07', '03.06.2024 14:22', '6/3/2024 2:22 PM'])} by {who}",
        f"Filter: {rng.choice(['none', 'Region = All', 'Status <> closed'])}",
        f"Rows: {len(doc.data_lines())}",
    ]
    for s in lines:
        doc.pre.append(Line("raw", raw=s))
    doc.pollutions.append("preamble export metadata")


def p_kv_block(raw=False):
    def f(doc, rng):
        kv = [
            ("Report", title_lines(doc, 1)[0]),
            ("Generated", "2024-06-03 09:15:42"),
            ("User", "analyst01"),
            ("Time zone", "UTC+09:00"),
            ("Version", "4.2.1"),
        ]
        for k, v in kv[: rng.randint(3, 5)]:
            if raw:
                doc.pre.append(Line("raw", raw=f"{k}: {v}"))
            else:
                doc.pre.append(Line("extra", [k, v]))
        doc.pre.append(Line("raw", raw=""))
        doc.pollutions.append("preamble key/value block" + (" (Key: value text)" if raw else " (2 cells)"))

    return f


def p_comments_top(doc, rng):
    for s in [f"# {t}" for t in title_lines(doc)] + ["# generated 2024-06-03T09:15:42Z", "#"]:
        doc.pre.append(Line("raw", raw=s))
    doc.pollutions.append("comment lines at top")


def p_comments_inside(doc, rng):
    body = []
    for i, ln in enumerate(doc.body):
        if i and i % rng.randint(25, 60) == 0:
            body.append(Line("raw", raw=rng.choice(["# --- checkpoint ---", f"# batch {i}", "#"])))
        body.append(ln)
    doc.body = body
    doc.pre.insert(0, Line("raw", raw="# " + title_lines(doc, 1)[0]))
    doc.pollutions.append("comment lines inside data")


def p_estat_preamble(doc, rng):
    meta = [
        ["統計名：", "国勢調査"],
        ["表題：", title_lines(doc, 1)[0]],
        ["調査年月：", "2020年"],
        ["地域：", "全国"],
        [],
    ]
    for m in meta:
        doc.pre.append(Line("extra", m) if m else Line("raw", raw=""))
    doc.pollutions.append("e-Stat style metadata block")


def p_powershell(doc, rng):
    doc.pre.insert(0, Line("raw", raw="#TYPE System.Management.Automation.PSCustomObject"))
    doc.quoting = "all"
    doc.pollutions.append("PowerShell Export-Csv #TYPE line, all quoted")


def p_footer_notes(blank_before=True):
    def f(doc, rng):
        if blank_before:
            doc.foot.append(Line("raw", raw=""))
        for s in FOOT_NOTES.get(doc.table["name"], DEFAULT_NOTES):
            doc.foot.append(Line("extra", [s]))
        doc.pollutions.append("footer notes")

    return f


def p_footer_total(doc, rng):
    cols = doc.table["columns"]
    cells = [""] * doc.width
    cells[0] = {"ko": "합계", "ja": "合計", "zh": "总计", "ru": "Итого", "de": "Summe", "fr": "Total"}.get(
        doc.table.get("language"), rng.choice(["Total", "TOTAL:", "Grand Total"])
    )
    for j, c in enumerate(cols):
        if j and c.get("sum"):
            vals = [ln.truth[j] for ln in doc.data_lines()]
            cells[j] = _sum_text(vals, c, doc)
    doc.foot.append(Line("extra", cells))
    doc.pollutions.append("totals row in footer")


def _sum_text(vals, col, doc):
    from decimal import Decimal

    info = locale_info(doc.table, doc.locale)
    tot = Decimal(0)
    for v in vals:
        if not v:
            continue
        s = v.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "")
        s = s.replace("$", "").replace("€", "").replace("￥", "").replace("EUR", "")
        if info["decimal"] == ",":
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
        try:
            tot += Decimal(s)
        except Exception:
            return ""
    return render(int(tot), col, doc.locale) if col["type"] == "int" else render(float(tot), col, doc.locale)


def p_footer_source(doc, rng):
    doc.foot += [
        Line("raw", raw="__________"),
        Line(
            "extra",
            [
                rng.choice(
                    [
                        "(C)opyright Statistisches Bundesamt (Destatis), 2024",
                        "Source: Office for National Statistics",
                        "출처: 통계청 KOSIS",
                        "Source : Insee",
                    ]
                )
            ],
        ),
        Line("extra", [f"Stand: {rng.choice(['15.03.2024 / 10:12:31', '2024-03-15'])}"]),
    ]
    doc.pollutions.append("footer source/copyright")


def p_footer_rowcount(doc, rng):
    doc.foot += [Line("raw", raw=""), Line("raw", raw=f"({len(doc.data_lines())} rows affected)")]
    doc.pollutions.append("footer row count")


def p_footer_end(doc, rng):
    doc.foot.append(Line("raw", raw=rng.choice(["End of report", "*** END OF DATA ***", "EOF"])))
    doc.pollutions.append("footer end marker")


def p_blank_inside(kind="empty"):
    def f(doc, rng):
        body = []
        n = len(doc.body)
        marks = set(rng.sample(range(1, max(2, n)), min(max(1, n // 30), max(1, n - 1))))
        for i, ln in enumerate(doc.body):
            if i in marks:
                if kind == "empty":
                    body.append(Line("raw", raw=""))
                elif kind == "delims":
                    body.append(Line("extra", [""] * doc.width))
                elif kind == "spaces":
                    body.append(Line("raw", raw=" " * rng.randint(1, 4)))
            body.append(ln)
        doc.body = body
        doc.pollutions.append(f"blank lines inside ({kind})")

    return f


def p_blank_after_header(doc, rng):
    doc.body.insert(0, Line("raw", raw=""))
    doc.pollutions.append("blank line after header")


def p_blank_end(doc, rng):
    doc.foot += [Line("raw", raw="")] * rng.randint(2, 5)
    doc.pollutions.append("blank lines at end")


def p_no_header(doc, rng):
    doc.header = None
    doc.pollutions.append("no header")


GROUPS = {
    "kr_air_quality": [(0, "측정정보"), (2, "오염물질 농도"), (8, "평가")],
    "jp_population": [(0, "地域"), (2, "人口"), (5, "指標")],
    "weather": [(0, "Station"), (5, "Date"), (6, "Precipitation"), (9, "Temperature"), (11, "Wind")],
    "us_orders": [(0, "Order"), (5, "Customer"), (7, "Location"), (11, "Product"), (12, "Financials")],
    "lab_plate": [(0, "Sample"), (2, "Absorbance"), (6, "Conditions")],
    "de_bank": [(0, "Datum"), (2, "Umsatz"), (6, "Beträge")],
    "ru_budget": [(0, "Показатель"), (2, "Сумма"), (5, "Прочее")],
    "cn_retail": [(0, "基本信息"), (2, "零售"), (6, "其他")],
}


def _split_unit(name: str):
    for o, c in (("(", ")"), ("（", "）"), ("[", "]")):
        if name.endswith(c) and o in name:
            i = name.rindex(o)
            return name[:i].rstrip(" ,"), name[i + 1 : -1]
    if ", " in name:
        a, b = name.rsplit(", ", 1)
        return a, b
    return name, ""


UNITS = {
    "weather": {
        "PRCP": "in",
        "SNOW": "in",
        "SNWD": "in",
        "TMAX": "°F",
        "TMIN": "°F",
        "AWND": "mph",
        "WDF2": "deg",
        "WSF2": "mph",
        "LATITUDE": "deg",
        "LONGITUDE": "deg",
        "ELEVATION": "m",
    }
}


def p_units_row(doc, rng):
    names, units = [], []
    extra = UNITS.get(doc.table["name"], {})
    for n in doc.header:
        a, u = _split_unit(n)
        if n in extra:
            a, u = n, extra[n]
        names.append(a)
        units.append(u)
    doc.header = names
    doc.head_lines = [Line("header", names), Line("extra", units)]
    doc.header_variants = [[f"{a} ({u})", f"{a} [{u}]", f"{a}, {u}", u] if u else [] for a, u in zip(names, units)]
    doc.pollutions.append("units row under header")


def p_group_row(doc, rng):
    groups = GROUPS[doc.table["name"]]
    row = [""] * doc.width
    label_of = [""] * doc.width
    for k, (start, lab) in enumerate(groups):
        end = groups[k + 1][0] if k + 1 < len(groups) else doc.width
        row[start] = lab
        for j in range(start, end):
            label_of[j] = lab
    doc.head_lines.insert(0, Line("extra", row))
    vs = []
    for j, n in enumerate(doc.header):
        old = (doc.header_variants or [[] for _ in doc.header])[j]
        vs.append([f"{label_of[j]} {n}"] + [f"{label_of[j]} {o}" for o in old] + old)
    doc.header_variants = vs
    doc.pollutions.append("group row over header")


def p_repeat_header(page_line=False):
    def f(doc, rng):
        every = rng.randint(20, 50)
        body = []
        k = 0
        for _i, ln in enumerate(doc.body):
            if ln.kind == "data":
                if k and k % every == 0:
                    if page_line:
                        body.append(Line("raw", raw=""))
                        body.append(Line("extra", [f"Page {k // every + 1}"]))
                    body += [
                        Line("extra", list(h.cells)) if h.cells is not None else Line("raw", raw=h.raw)
                        for h in doc.head_lines
                    ]
                k += 1
            body.append(ln)
        doc.body = body
        doc.pollutions.append("header repeated inside" + (" with page lines" if page_line else ""))

    return f


def p_index_column(doc, rng):
    doc.header = [""] + doc.header
    doc.head_lines = [Line("header", [""] + ln.cells) if ln.kind == "header" else ln for ln in doc.head_lines]
    doc.numeric = [True] + doc.numeric
    for i, ln in enumerate(doc.data_lines()):
        ln.cells = [str(i)] + ln.cells
        ln.truth = [str(i)] + ln.truth
    doc.pollutions.append("unnamed index column (pandas to_csv)")


def p_missing_trailing(doc, rng):
    for ln in doc.data_lines():
        if rng.random() < 0.15 and doc.width > 2:
            k = rng.randint(max(1, doc.width // 2), doc.width - 1)
            ln.cells = ln.cells[:k]
            ln.truth = ln.truth[:k]
        else:
            while len(ln.cells) > 1 and ln.cells[-1] == "" and rng.random() < 0.7:
                ln.cells = ln.cells[:-1]
    doc.pollutions.append("ragged rows: missing trailing cells")


def p_extra_cells(doc, rng):
    notes = ["corrected", "see note 3", "revised 2024-04", "duplicate?", "estimated"]
    hit = False
    for ln in doc.data_lines():
        if rng.random() < 0.08:
            v = rng.choice(notes)
            ln.cells = ln.cells + [v]
            ln.truth = ln.truth + [v]
            hit = True
    if not hit:
        ln = doc.data_lines()[0]
        ln.cells, ln.truth = ln.cells + ["corrected"], ln.truth + ["corrected"]
    doc.header = doc.header + [""] if doc.header else doc.header
    doc.pollutions.append("ragged rows: extra trailing cells")


def p_trailing_delim(doc, rng):
    doc.trailing_delim = True
    doc.pollutions.append("trailing delimiter on every line")


def p_pad(kind):
    def f(doc, rng):
        doc.pad = kind
        doc.pollutions.append("spaces around cells" if kind == "spaces" else "space-padded aligned columns")

    return f


def p_locale(loc):
    def f(doc, rng):
        # the cells were rendered in this locale by new_doc (Job.locale); this step records it
        doc.locale = loc
        doc.pollutions.append(f"numbers/dates in locale {loc}")

    return f


def p_summary_block(doc, rng):
    nrows = len(doc.data_lines())
    lines = [["Summary"], ["Records", str(nrows)], ["Generated", "2024-06-03"], ["Status", "final"]]
    doc.pre += [Line("extra", ln) for ln in lines] + [Line("raw", raw="")]
    doc.pre.append(Line("extra", ["Detail"]))
    doc.pollutions.append("summary block before the data table")


def p_lookup_table(doc, rng):
    lk = [
        ["Code", "Label", "Description"],
        ["A", "Active", "currently valid"],
        ["I", "Inactive", "kept for history"],
        ["P", "Pending", "awaiting approval, see workflow"],
    ]
    doc.pre += [Line("extra", ln) for ln in lk] + [Line("raw", raw=""), Line("raw", raw="")]
    doc.pollutions.append("lookup table before the data table")


def p_totals_table_after(doc, rng):
    doc.foot += [Line("raw", raw=""), Line("extra", ["Totals by group"]), Line("extra", ["Group", "Count", "Share"])]
    for g, c, s in [("A", "120", "41.2%"), ("B", "97", "33.3%"), ("C", "74", "25.4%")]:
        doc.foot.append(Line("extra", [g, c, s]))
    doc.pollutions.append("second table after the data table")


def p_long_cell(doc, rng):
    ln = rng.choice(doc.data_lines())
    j = max(range(doc.width), key=lambda j: doc.table["columns"][j]["type"] == "text")
    blob = "".join(
        rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(250_000)
    )
    ln.cells[j] = ln.truth[j] = "data:application/octet-stream;base64," + blob
    doc.pollutions.append("one 250,000-character cell")


def p_sql_dashes(doc, rng):
    widths = [max(len(h), 4) for h in doc.header]
    doc.head_lines.append(Line("raw", raw=doc.delim.join("-" * w for w in widths)))
    doc.foot += [Line("raw", raw=""), Line("raw", raw=f"({len(doc.data_lines())} rows affected)")]
    doc.pollutions.append("SQL Server results: dashes line under header, rows-affected footer")


def p_lab_instrument(doc, rng):
    kv = [
        "Software Version\t3.1.2",
        "Plate Type\t96 WELL PLATE",
        "Read Mode\tAbsorbance",
        "Wavelengths\t450 620",
        "Temperature\t25.0 °C",
        "",
    ]
    doc.pre += [Line("raw", raw=s) if "\t" not in s else Line("extra", s.split("\t")) for s in kv]
    doc.foot += [Line("raw", raw=""), Line("raw", raw="~End")]
    doc.pollutions.append("instrument key/value preamble and ~End footer")


# ----------------------------------------------------------------------------- job catalogue


# Added in round 5 (page banners, cells beyond the header, quoted decimal commas).

#: Page banners of printed reports exported with the data, as report writers print them
#: (Crystal/SSRS "Page N of M", centred "- N -", Korean and German report footers, Japanese).
BANNERS = {
    "page": "Page {n}",
    "page_of": "Page {n} of {m}",
    "dash": "- {n} -",
    "ko": "{n} / {m} 페이지",
    "de": "Seite {n} von {m}",
    "ja": "{n}ページ",
    "printed": "Printed 2024-06-03 09:15    Page {n}",
}


def p_page_banners(style: str, header_again=False, padded=False, blank=False, bottom=False):
    """A banner line every page (20-45 rows), at the top of each page (or at its bottom), with
    the header printed again under it, padded with delimiters to the table's width (spreadsheet
    exports), or set off by blank lines."""

    def f(doc, rng):
        every = rng.randint(20, 45)
        data = doc.data_lines()
        pages = (len(data) + every - 1) // every
        text = BANNERS[style]

        def banner(n):
            line = text.format(n=n, m=pages)
            if padded:
                return Line("extra", [line] + [""] * (doc.width - 1))
            return Line("raw", raw=line)

        body, k, page = [], 0, 0
        for ln in doc.body:
            if ln.kind == "data":
                if k % every == 0 and not bottom:
                    page += 1
                    body += [Line("raw", raw="")] if blank and k else []
                    body.append(banner(page))
                    if header_again and k:
                        body += [Line("extra", list(h.cells)) for h in doc.head_lines if h.cells is not None]
                k += 1
                body.append(ln)
                if bottom and (k % every == 0 or k == len(data)):
                    page += 1
                    body += [Line("raw", raw="")] if blank else []
                    body.append(banner(page))
                    if header_again and k < len(data):
                        body += [Line("extra", list(h.cells)) for h in doc.head_lines if h.cells is not None]
                continue
            body.append(ln)
        doc.body = body
        doc.pollutions.append(f"page banners ({style}{', bottom' if bottom else ''})")

    return f


#: What people append to a name or a note with a comma (or the file's delimiter) inside it.
_SUFFIXES = ["Inc.", "Ltd.", "Jr.", "GmbH", "et al.", "see note", "2nd floor", "Dept. 4", "ext. 12", "etc."]


def _text_columns(doc) -> list[int]:
    cols = doc.table["columns"]
    return [j for j, c in enumerate(cols) if c["type"] == "text" and j < doc.width]


def p_unquoted_delimiter(share=0.1, space=True):
    """A naive writer (string joins, no quoting): text cells that hold the delimiter are written
    as they are, so those rows have more cells than the header. Some of a text column's cells get
    the delimiter (and usually a space) before a suffix, as names and notes do."""

    def f(doc, rng):
        d = doc.delim.strip() or doc.delim

        def eligible(cell: str) -> bool:
            return bool(cell) and not any(ch in cell for ch in "\n\r\"'" + d)

        # a text column most of whose cells the writer leaves alone (no delimiter, no quote yet)
        data = doc.data_lines()
        cols = [j for j in _text_columns(doc) if sum(eligible(ln.cells[j]) for ln in data) > 0.5 * len(data)]
        if not cols:
            return
        j = rng.choice(cols)
        hit = False
        for ln in doc.data_lines():
            cell = ln.cells[j] if j < len(ln.cells) else ""
            if not eligible(cell):
                continue
            if rng.random() < share or not hit:
                value = cell + d + (" " if space else "") + rng.choice(_SUFFIXES)
                ln.cells[j] = ln.truth[j] = value
                ln.bare = ln.bare | {j}
                hit = True
        doc.pollutions.append("text cells holding the delimiter without quotes")

    return f


def p_some_trailing_delims(doc, rng):
    """Some rows end with a delimiter (an empty cell), as hand-edited files and some exporters do."""
    for ln in doc.data_lines():
        if rng.random() < 0.15:
            ln.cells = ln.cells + [""]
    doc.pollutions.append("a trailing delimiter on some rows")


def p_extra_values(doc, rng):
    """A few rows carry one or two values after the last named column (a correction, a code)."""
    hit = False
    for ln in doc.data_lines():
        if rng.random() < 0.06 or not hit:
            extra = [rng.choice(["corrected", "R", "2024-05-01", "x", "manual entry"])]
            if rng.random() < 0.3:
                extra.append(str(rng.randint(1, 99)))
            ln.cells = ln.cells + extra
            ln.truth = ln.truth + extra
            hit = True
    width = max(len(ln.truth) for ln in doc.data_lines())
    if doc.header:
        doc.header = doc.header + [""] * (width - len(doc.header))
    doc.pollutions.append("extra values after the last column")


def p_quoted_numbers(doc, rng):
    """Numbers written as quoted text by the exporter (every cell quoted, or the numbers only,
    as a sheet whose number cells are formatted as text is saved), whatever their decimal mark."""
    doc.quoting = rng.choice(["all", "numeric"])
    doc.pollutions.append("numbers quoted" + (" (every cell)" if doc.quoting == "all" else ""))


@dataclass
class Job:
    family: str
    variant: str
    table: str
    steps: list
    locale: str = "native"
    ext: str = "csv"
    rows: slice | None = None
    repeat: int = 1


ALL = [
    "kr_air_quality",
    "jp_population",
    "cn_retail",
    "ru_budget",
    "de_bank",
    "fr_communes",
    "us_orders",
    "server_log",
    "lab_plate",
    "hr_employees",
    "weather",
    "survey",
    "products",
    "kv_kennzahlen",
    "jp_sales",
]
MULTILINE = ["survey", "hr_employees", "products", "server_log", "jp_sales"]
NUMERIC = [
    "weather",
    "jp_population",
    "us_orders",
    "lab_plate",
    "cn_retail",
    "products",
    "kv_kennzahlen",
    "de_bank",
    "ru_budget",
]


def catalogue(rng: random.Random) -> list[Job]:
    jobs: list[Job] = []

    def pick(pool, k):
        return rng.sample(pool, min(k, len(pool)))

    def add(family, variant, tables, steps, **kw):
        for t in tables:
            jobs.append(Job(family, variant, t, steps, **kw))

    # dialect: delimiters
    for d, name, k, ext in [
        (",", "comma", 6, "csv"),
        (";", "semicolon", 7, "csv"),
        ("\t", "tab", 7, "tsv"),
        ("|", "pipe", 7, "txt"),
        (", ", "comma_space", 6, "csv"),
        (":", "colon", 5, "txt"),
    ]:
        add("dialect", name, pick(ALL, k), [p_delim(d)], ext=ext)
    # quoting
    add("quoting", "all_quoted", pick(ALL, 7), [p_quoting("all")])
    add("quoting", "nonnumeric", pick(NUMERIC, 6), [p_quoting("nonnumeric")])
    add("quoting", "single_quotes", pick(ALL, 6), [p_quoting("minimal", "'")])
    add("quoting", "single_quotes_all", pick(ALL, 4), [p_quoting("all", "'")])
    add(
        "quoting",
        "quotes_in_unquoted",
        pick(["us_orders", "products", "server_log", "survey", "hr_employees", "de_bank"], 6),
        [p_quoting("lax")],
    )
    add("quoting", "semicolon_all_quoted", pick(ALL, 4), [p_delim(";"), p_quoting("all")])
    # escaping
    add(
        "escaping",
        "backslash",
        pick(["us_orders", "products", "server_log", "survey", "hr_employees", "de_bank", "jp_sales"], 6),
        [p_escape("backslash")],
    )
    add(
        "escaping", "mixed_escapes", ["us_orders", "products", "survey", "de_bank", "hr_employees"], [p_escape("mixed")]
    )
    add("escaping", "mysql_outfile", pick(ALL, 6), [p_escape("mysql")], ext="txt")
    add("escaping", "pg_copy_text", pick(ALL, 6), [p_escape("pgtext")], ext="tsv")
    add("escaping", "unquoted_backslash_delims", ["us_orders", "weather", "cn_retail"], [p_quoting("none")], ext="txt")
    # newlines
    add("newlines", "crlf", pick(ALL, 5), [p_lineterm("\r\n")])
    add("newlines", "cr_only", pick(ALL, 5), [p_lineterm("\r")])
    add("newlines", "mixed", pick(ALL, 5), [p_lineterm("mixed")])
    add("newlines", "embedded_lf_in_crlf", MULTILINE, [p_lineterm("\r\n", "\n")])
    add("newlines", "embedded_crlf", pick(MULTILINE, 4), [p_lineterm("\r\n", "\r\n")])
    add("newlines", "embedded_lf", pick(MULTILINE, 4), [p_lineterm("\n")])
    # encodings
    for enc, bom, tables, name in [
        ("utf-8", True, pick(ALL, 5), "utf8_bom"),
        ("utf-16-le", False, pick(ALL, 4), "utf16le_bom"),
        ("utf-16-be", False, pick(ALL, 3), "utf16be_bom"),
        ("cp1252", False, ["de_bank", "fr_communes", "us_orders", "products", "kv_kennzahlen"], "cp1252"),
        ("latin-1", False, ["de_bank", "fr_communes", "weather", "kv_kennzahlen"], "latin1"),
        ("cp949", False, ["kr_air_quality", "hr_employees", "survey"], "cp949"),
        ("euc_kr", False, ["kr_air_quality", "single_column"], "euc_kr"),
        ("cp932", False, ["jp_population", "jp_sales"], "shift_jis"),
        ("gb18030", False, ["cn_retail", "survey"], "gb18030"),
        ("cp1251", False, ["ru_budget", "survey"], "cp1251"),
        ("koi8_r", False, ["ru_budget"], "koi8_r"),
        ("mac_roman", False, ["fr_communes", "de_bank"], "mac_roman"),
    ]:
        steps = [p_encoding(enc, bom)]
        if enc.startswith("utf-16"):
            steps = [p_delim("\t"), p_lineterm("\r\n")] + steps
        add("encoding", name, tables, steps, ext="txt" if enc.startswith("utf-16") else "csv")
    # preamble
    add("preamble", "title", pick(ALL, 5), [p_title()])
    add("preamble", "title_padded", pick(ALL, 4), [p_title(padded=True)])
    add("preamble", "export_metadata", pick(ALL, 4), [p_export_meta])
    add("preamble", "kv_block_cells", pick(ALL, 4), [p_kv_block()])
    add("preamble", "kv_block_text", pick(ALL, 4), [p_kv_block(raw=True)])
    add("preamble", "comments_top", pick(ALL, 4), [p_comments_top])
    add("preamble", "comments_inside", pick(ALL, 4), [p_comments_inside])
    add("preamble", "powershell_type", pick(ALL, 3), [p_powershell])
    # footer
    add("footer", "notes", pick(ALL, 5), [p_footer_notes()])
    add("footer", "totals", pick(NUMERIC, 5), [p_footer_total])
    add("footer", "source", pick(ALL, 4), [p_footer_source])
    add("footer", "rowcount", pick(ALL, 3), [p_footer_rowcount])
    add("footer", "end_marker", pick(ALL, 3), [p_footer_end])
    add("footer", "totals_and_notes", pick(NUMERIC, 4), [p_footer_total, p_footer_notes()])
    # blank lines
    add("blank", "empty_lines", pick(ALL, 5), [p_blank_inside("empty")])
    add("blank", "delimiter_only_lines", pick(ALL, 5), [p_blank_inside("delims")])
    add("blank", "whitespace_lines", pick(ALL, 4), [p_blank_inside("spaces")])
    add("blank", "after_header", pick(ALL, 3), [p_blank_after_header])
    add("blank", "at_end", pick(ALL, 3), [p_blank_end])
    # header
    add("header", "no_header", pick(ALL, 6), [p_no_header])
    add("header", "no_header_numeric", ["weather", "lab_plate", "transit"], [p_no_header], rows=slice(0, 300))
    add("header", "group_row", list(GROUPS), [p_group_row])
    add(
        "header",
        "units_row",
        ["kr_air_quality", "jp_population", "cn_retail", "lab_plate", "weather", "ru_budget"],
        [p_units_row],
    )
    add(
        "header",
        "group_and_units",
        pick(["kr_air_quality", "jp_population", "lab_plate", "weather", "cn_retail"], 3),
        [p_units_row, p_group_row],
    )
    add("header", "repeated", pick(ALL, 5), [p_repeat_header()])
    add("header", "repeated_with_pages", pick(ALL, 3), [p_repeat_header(page_line=True)])
    add("header", "index_column", pick(ALL, 4), [p_index_column])
    # ragged
    add("ragged", "missing_trailing", pick(ALL, 6), [p_missing_trailing])
    add("ragged", "extra_cells", pick(ALL, 5), [p_extra_cells])
    add("ragged", "trailing_delimiter", pick(ALL, 5), [p_trailing_delim])
    add("ragged", "trailing_semicolon", pick(ALL, 3), [p_delim(";"), p_trailing_delim])
    add("ragged", "spaces_around", pick(ALL, 5), [p_pad("spaces")])
    add("ragged", "aligned_padding", pick(ALL, 4), [p_pad("align")])
    # numbers
    add("numbers", "de_semicolon", pick(NUMERIC, 6), [p_locale("de"), p_delim(";")], locale="de")
    add(
        "numbers", "de_nogroup_semicolon", pick(NUMERIC, 3), [p_locale("de_nogroup"), p_delim(";")], locale="de_nogroup"
    )
    add("numbers", "fr_nnbsp_semicolon", pick(NUMERIC, 4), [p_locale("fr"), p_delim(";")], locale="fr")
    add("numbers", "fr_space_semicolon", pick(NUMERIC, 3), [p_locale("fr_space"), p_delim(";")], locale="fr_space")
    add("numbers", "ru_nbsp_semicolon", pick(NUMERIC, 3), [p_locale("ru"), p_delim(";")], locale="ru")
    add("numbers", "ch_apostrophe", pick(NUMERIC, 3), [p_locale("ch"), p_delim(";")], locale="ch")
    add("numbers", "en_grouped_quoted", pick(NUMERIC, 4), [p_locale("en")], locale="en")
    add("numbers", "us_excel", pick(NUMERIC, 3), [p_locale("us_excel")], locale="us_excel")
    add(
        "numbers",
        "decimal_comma_in_comma_file",
        pick(NUMERIC, 4),
        [p_locale("de_nogroup"), p_quoting("minimal")],
        locale="de_nogroup",
    )
    add("numbers", "de_tab", pick(NUMERIC, 3), [p_locale("de"), p_delim("\t")], locale="de", ext="tsv")
    # multiple tables
    add("multitable", "summary_then_data", pick(ALL, 5), [p_summary_block])
    add("multitable", "lookup_then_data", pick(ALL, 5), [p_lookup_table])
    add("multitable", "data_then_totals_table", pick(ALL, 5), [p_totals_table_after])
    # shapes
    add("shape", "wide_1201_cols", ["wide_sensors"], [])
    add("shape", "wide_1201_cols_semicolon", ["wide_sensors"], [p_delim(";")])
    add("shape", "wide_1201_cols_tab_no_header", ["wide_sensors"], [p_delim("\t"), p_no_header], ext="tsv")
    add("shape", "long_cell", ["server_log", "products"], [p_long_cell])
    add("shape", "header_only", pick(ALL, 4), [], rows=slice(0, 0))
    add("shape", "single_column", ["single_column", "kr_addresses"], [])
    add("shape", "single_column_quoted", ["single_column", "kr_addresses"], [p_quoting("all")])
    add("shape", "single_column_no_header", ["single_column", "kr_addresses"], [p_no_header])
    add("shape", "single_column_cp949_crlf", ["kr_addresses"], [p_encoding("cp949"), p_lineterm("\r\n")])
    add("shape", "one_row", pick(ALL, 4), [], rows=slice(3, 4))
    add("shape", "two_rows_semicolon", pick(ALL, 2), [p_delim(";")], rows=slice(5, 7))
    add("shape", "long_file", ["transit"], [], rows=slice(0, 20000))
    add("shape", "long_file_crlf_semicolon", ["transit"], [p_delim(";"), p_lineterm("\r\n")], rows=slice(0, 12000))
    add("shape", "very_long_file", ["transit"], [], rows=slice(0, 20000), repeat=4)

    # combos: real export profiles, each 2-3 pollutions
    add(
        "combo",
        "german_excel",
        pick(NUMERIC + ["de_bank"], 4),
        [p_locale("de"), p_delim(";"), p_encoding("cp1252"), p_lineterm("\r\n")],
        locale="de",
    )
    add(
        "combo",
        "german_excel_utf8",
        pick(NUMERIC, 3),
        [p_locale("de"), p_delim(";"), p_encoding("utf-8", True), p_lineterm("\r\n")],
        locale="de",
    )
    add(
        "combo",
        "korean_portal",
        ["kr_air_quality", "hr_employees", "survey"],
        [p_encoding("cp949"), p_title(n=2), p_footer_notes(), p_lineterm("\r\n")],
    )
    add(
        "combo",
        "korean_portal_euckr",
        ["kr_air_quality"],
        [p_encoding("euc_kr"), p_title(padded=True), p_lineterm("\r\n")],
    )
    add(
        "combo",
        "japan_estat",
        ["jp_population", "jp_sales"],
        [p_encoding("cp932"), p_quoting("all"), p_estat_preamble, p_footer_notes(), p_lineterm("\r\n")],
    )
    add("combo", "japan_units", ["jp_population"], [p_encoding("cp932"), p_units_row, p_title()])
    add("combo", "china_gb", ["cn_retail"], [p_encoding("gb18030"), p_title(), p_footer_notes()])
    add(
        "combo",
        "russian_1c",
        ["ru_budget"],
        [p_encoding("cp1251"), p_delim(";"), p_title(padded=True), p_footer_notes()],
    )
    add("combo", "russian_koi8", ["ru_budget"], [p_encoding("koi8_r"), p_delim(";"), p_units_row])
    add("combo", "bank_statement", ["de_bank"], [p_delim(";"), p_kv_block(), p_encoding("cp1252"), p_footer_notes()])
    add(
        "combo",
        "bank_statement_latin1_quoted",
        ["de_bank"],
        [p_delim(";"), p_quoting("all"), p_encoding("latin-1"), p_title()],
    )
    add(
        "combo",
        "mac_excel",
        pick(["fr_communes", "de_bank", "us_orders", "weather"], 3),
        [p_lineterm("\r"), p_encoding("mac_roman")],
    )
    add(
        "combo",
        "excel_unicode_text",
        pick(ALL, 4),
        [p_delim("\t"), p_encoding("utf-16-le"), p_lineterm("\r\n")],
        ext="txt",
    )
    add("combo", "mysql_no_header", pick(ALL, 3), [p_escape("mysql"), p_no_header], ext="txt")
    add("combo", "pg_copy_header", pick(ALL, 3), [p_escape("pgtext"), p_blank_end], ext="tsv")
    add("combo", "log_pipe_comments", ["server_log"], [p_delim("|"), p_comments_top, p_quoting("lax")], ext="txt")
    add(
        "combo",
        "log_pipe_comments_inside",
        ["server_log"],
        [p_delim("|"), p_comments_inside, p_lineterm("mixed")],
        ext="log",
    )
    add("combo", "lab_instrument", ["lab_plate"], [p_delim("\t"), p_lab_instrument, p_units_row], ext="txt")
    add("combo", "lab_instrument_comma", ["lab_plate"], [p_lab_instrument, p_blank_inside("empty")])
    add("combo", "sql_server_results", pick(ALL, 3), [p_sql_dashes, p_lineterm("\r\n")], ext="rpt")
    add("combo", "powershell_utf16", pick(ALL, 2), [p_powershell, p_encoding("utf-16-le"), p_lineterm("\r\n")])
    add(
        "combo",
        "libreoffice_fr",
        pick(NUMERIC, 3),
        [p_locale("fr"), p_delim(";"), p_quoting("nonnumeric")],
        locale="fr",
    )
    add("combo", "gsheets_blank_tail", pick(ALL, 3), [p_trailing_delim, p_blank_end])
    add("combo", "pandas_index_semicolon", pick(ALL, 2), [p_index_column, p_delim(";"), p_locale("de")], locale="de")
    add("combo", "report_title_totals", pick(NUMERIC, 3), [p_title(), p_footer_total, p_footer_notes()])
    add("combo", "page_breaks_crlf", pick(ALL, 3), [p_title(), p_repeat_header(page_line=True), p_lineterm("\r\n")])
    add("combo", "no_header_semicolon_de", pick(NUMERIC, 2), [p_no_header, p_delim(";"), p_locale("de")], locale="de")
    add(
        "combo",
        "ragged_tab_bom",
        pick(ALL, 3),
        [p_missing_trailing, p_delim("\t"), p_encoding("utf-8", True)],
        ext="tsv",
    )
    add("combo", "single_quote_pipe", pick(ALL, 2), [p_quoting("minimal", "'"), p_delim("|")], ext="txt")
    add("combo", "multiline_cr", pick(MULTILINE, 2), [p_lineterm("\r"), p_quoting("all")])
    add("combo", "preamble_blank_lines", pick(ALL, 3), [p_export_meta, p_blank_inside("delims"), p_trailing_delim])
    # random realistic 2-3 pollution mixes
    pool = [
        ("semi", lambda: p_delim(";")),
        ("tab", lambda: p_delim("\t")),
        ("pipe", lambda: p_delim("|")),
        ("allq", lambda: p_quoting("all")),
        ("crlf", lambda: p_lineterm("\r\n")),
        ("bom", lambda: p_encoding("utf-8", True)),
        ("title", lambda: p_title()),
        ("notes", lambda: p_footer_notes()),
        ("blank", lambda: p_blank_inside("empty")),
        ("trail", lambda: p_trailing_delim),
        ("rephdr", lambda: p_repeat_header()),
        ("nohdr", lambda: p_no_header),
        ("ragged", lambda: p_missing_trailing),
        ("comments", lambda: p_comments_top),
        ("spaces", lambda: p_pad("spaces")),
        ("kv", lambda: p_kv_block()),
        ("mixednl", lambda: p_lineterm("mixed")),
    ]
    clash = [{"semi", "tab", "pipe"}, {"crlf", "mixednl"}, {"nohdr", "rephdr"}]
    for _i in range(24):
        while True:
            k = rng.choice([2, 2, 3])
            chosen = rng.sample(pool, k)
            names = {n for n, _ in chosen}
            if all(len(names & c) <= 1 for c in clash):
                break
        chosen.sort(key=lambda x: [n for n, _ in pool].index(x[0]))
        tname = rng.choice(ALL)
        jobs.append(Job("combo", "mix_" + "_".join(n for n, _ in chosen), tname, [f() for _, f in chosen]))
    # Added in round 3, after everything above so that the earlier files and their split stay
    # as they were. Japanese text in EUC-JP (older Unix and web systems) and Shift-JIS, whose
    # bytes GB18030 also decodes
    add("cjk_encoding", "euc_jp", ["jp_population", "jp_sales"], [p_encoding("euc_jp")])
    add(
        "cjk_encoding",
        "euc_jp_all_quoted_crlf",
        ["jp_sales", "jp_population"],
        [p_quoting("all"), p_lineterm("\r\n"), p_encoding("euc_jp")],
    )
    add(
        "cjk_encoding",
        "shift_jis_title_notes",
        ["jp_sales", "jp_population"],
        [p_title(), p_footer_notes(), p_encoding("cp932")],
    )
    # quoted cells padded with spaces around their quotes (hand-edited files, fixed-width-minded
    # exporters): every cell quoted, with ';', with a title and CRLF
    add("padded_quotes", "all_quoted_padded", pick(ALL, 4), [p_quoting("all"), p_pad("spaces")])
    add("padded_quotes", "semicolon_padded", pick(ALL, 3), [p_delim(";"), p_pad("spaces")])
    add("padded_quotes", "title_padded_crlf", pick(ALL, 3), [p_title(), p_pad("spaces"), p_lineterm("\r\n")])
    # Added in round 5, after everything above (the earlier files and their split stay as they
    # were). Printed reports exported with their page banners, with and without the header
    # printed again, padded to the width, set off by blank lines, at the bottom of each page
    add("page_banners", "page_n", pick(ALL, 3), [p_page_banners("page")])
    add("page_banners", "page_of_header_again", pick(ALL, 3), [p_page_banners("page_of", header_again=True)])
    add("page_banners", "dash_blank", pick(ALL, 3), [p_page_banners("dash", blank=True)])
    add(
        "page_banners",
        "korean_padded_semicolon",
        ["kr_air_quality", "hr_employees", "jp_population"],
        [p_delim(";"), p_page_banners("ko", padded=True)],
    )
    add(
        "page_banners",
        "german_bottom_header_again",
        ["de_bank", "kv_kennzahlen", "ru_budget"],
        [p_delim(";"), p_page_banners("de", header_again=True, bottom=True)],
        locale="de",
    )
    add("page_banners", "japanese_cp932", ["jp_sales", "jp_population"], [p_page_banners("ja"), p_encoding("cp932")])
    add(
        "page_banners",
        "printed_title_footer",
        pick(ALL, 3),
        [p_title(), p_page_banners("printed", blank=True), p_footer_notes()],
    )
    # Rows with more cells than the header: a naive writer's unquoted delimiters in text, a
    # trailing delimiter on some rows, a few values after the last column, and mixes
    text_tables = [
        "us_orders",
        "products",
        "server_log",
        "hr_employees",
        "de_bank",
        "fr_communes",
        "jp_sales",
        "survey",
    ]
    add("extra_cells", "unquoted_comma_space", pick(text_tables, 4), [p_unquoted_delimiter()])
    add("extra_cells", "unquoted_comma_no_space", pick(text_tables, 3), [p_unquoted_delimiter(space=False)])
    add("extra_cells", "unquoted_semicolon", pick(text_tables, 3), [p_delim(";"), p_unquoted_delimiter()])
    add("extra_cells", "some_trailing_delimiters", pick(ALL, 4), [p_some_trailing_delims])
    add("extra_cells", "extra_values", pick(ALL, 4), [p_extra_values])
    add(
        "extra_cells",
        "extra_values_semicolon_de",
        ["de_bank", "ru_budget", "lab_plate"],
        [p_delim(";"), p_extra_values],
        locale="de",
    )
    add(
        "extra_cells",
        "unquoted_and_trailing",
        pick(text_tables, 3),
        [p_unquoted_delimiter(), p_some_trailing_delims, p_title()],
    )
    # Numbers quoted as text, decimal commas among them (with ',' and ';' delimiters)
    add(
        "quoted_numbers",
        "de_comma_file",
        ["de_bank", "kv_kennzahlen", "lab_plate", "weather"],
        [p_quoted_numbers],
        locale="de",
    )
    add(
        "quoted_numbers",
        "de_semicolon",
        ["de_bank", "ru_budget", "lab_plate", "products"],
        [p_delim(";"), p_quoted_numbers],
        locale="de",
    )
    add(
        "quoted_numbers",
        "ru_semicolon",
        ["ru_budget", "jp_population", "weather"],
        [p_delim(";"), p_quoted_numbers],
        locale="ru",
    )
    add("quoted_numbers", "en_grouped", ["us_orders", "weather", "jp_population"], [p_quoted_numbers], locale="en")
    return jobs


# ----------------------------------------------------------------------------- driver


def job_id(job: Job) -> str:
    return f"{job.family}/{job.table}__{job.variant}"


def split_heldout(jobs: list[Job], key: str, frac: float = 0.25) -> set[str]:
    """About `frac` of each family, drawn in seeded random order; every variant keeps a dev file."""
    by_fam: dict[str, list[Job]] = {}
    for j in jobs:
        by_fam.setdefault(j.family, []).append(j)
    ho = set()
    for _fam, js in by_fam.items():
        js = sorted(js, key=lambda j: hashlib.sha256(f"{key}:{job_id(j)}".encode()).hexdigest())
        left = {}
        for j in js:
            left[j.variant] = left.get(j.variant, 0) + 1
        want = round(len(js) * frac)
        for j in js:
            if len([x for x in js if job_id(x) in ho]) >= want:
                break
            if left[j.variant] > 1:
                ho.add(job_id(j))
                left[j.variant] -= 1
    return ho


def write_job(job: Job, tables: dict, out: Path, seed: str) -> dict | None:
    rng = random.Random(f"{seed}:{job_id(job)}")
    table = tables[job.table]
    doc = new_doc(table, rng, job.locale, rows=job.rows)
    if job.repeat > 1:
        doc.body = doc.body * job.repeat
        doc.notes.append(f"rows repeated {job.repeat} times")
    for step in job.steps:
        step(doc, rng)
    if doc.encoding not in ("utf-8", "utf-16-le", "utf-16-be") and not subst_all(doc, doc.encoding):
        return None
    text = serialize(doc, rng)
    data = encode(doc, text)
    path = out / job.family / f"{job.table}__{job.variant}.{job.ext}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    truth = truth_of(doc)
    truth.update(family=job.family, variant=job.variant, file=path.name)
    if not doc.pollutions:
        truth["pollutions"] = ["none (clean RFC 4180 file)"]
    (path.parent / (path.name + ".truth.json")).write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return {
        "file": f"{job.family}/{path.name}",
        "family": job.family,
        "variant": job.variant,
        "table": job.table,
        "pollutions": truth["pollutions"],
        "bytes": len(data),
        "encoding": truth["encoding"],
        "n_pollutions": len(truth["pollutions"]),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tables", default="tables")
    ap.add_argument("--out", default="files")
    ap.add_argument("--seed", default="7")
    ap.add_argument("--part", choices=["all", "dev", "heldout"], default="dev")
    ap.add_argument("--split-key", default="", help="secret that decides which jobs are held out")
    a = ap.parse_args()
    tables = {p.stem: load_table(p) for p in Path(a.tables).glob("*.json")}
    jobs = catalogue(random.Random("catalogue"))
    # names must be unique: a repeated (table, variant) pair is dropped
    seen, uniq = set(), []
    for j in jobs:
        if job_id(j) not in seen:
            seen.add(job_id(j))
            uniq.append(j)
    ho = split_heldout(uniq, a.split_key) if a.part != "all" else set()
    chosen = [j for j in uniq if (a.part == "all") or ((job_id(j) in ho) == (a.part == "heldout"))]
    out = Path(a.out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    manifest = []
    for j in chosen:
        m = write_job(j, tables, out, a.seed)
        if m:
            manifest.append(m)
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    fams = {}
    for m in manifest:
        fams[m["family"]] = fams.get(m["family"], 0) + 1
    print(len(manifest), "files", fams)


if __name__ == "__main__":
    main()
