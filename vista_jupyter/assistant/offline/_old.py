"""The offline analyst: Vista's built-in, deterministic "model" for when no language model is
configured. No network. It understands common analysis requests in English and Korean, matches
column names fuzzily (case, spaces/underscores, typos, Korean words for common columns) and
category values ("Japan" -> the column holding it), and writes real pandas/matplotlib code. The
code prints the key facts; the answer quotes them, so every number comes from the kernel.

Intents (English / Korean examples):

- overview: "Give me an overview of this data" / "이 데이터의 개요를 보여 주세요"
- describe: "Describe the data", "summary statistics" / "요약 통계"
- missing: "Are there missing values?" / "결측치가 있나요?"
- distribution: "Distribution of Horsepower" / "마력 분포"
- counts: "How many cars per origin?" / "Origin별 개수"
- top_n: "Top 5 cars by horsepower" / "마력 상위 5개"
- group_agg: "Average mpg by origin" (mean, sum, count, median) / "Origin별 평균 연비"
- relationship: "Relationship between weight and mpg" / "무게와 연비의 관계"
- correlation: "Show the correlations" / "상관관계"
- trend: "Trend of temp_max over time" / "시간에 따른 temp_max 추세"
- filter: "Only cars from Japan", "cars with horsepower over 150" / "일본 차만", "마력이 150 이상"
- lookup: "Which car has the highest horsepower?" / "가장 높은 마력"

When it does not understand, it says what it can do, suggests questions built from the dataset's
real column names, and explains how an administrator configures a language model.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Step:
    intro: str
    code: str


@dataclass
class Plan:
    language: str
    intent: str
    steps: list[Step] = field(default_factory=list)
    fallback: str = ""


# --- language -----------------------------------------------------------------------------------

_HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Korean words for common column words, values and analysis terms, mapped to English tokens so
# one matcher serves both languages.
_KO = {
    "마력": "horsepower", "연비": "miles per gallon mpg", "무게": "weight", "중량": "weight",
    "가속": "acceleration", "배기량": "displacement", "실린더": "cylinders", "연식": "year",
    "연도": "year", "년도": "year", "원산지": "origin", "생산지": "origin", "제조국": "origin",
    "국가": "origin", "이름": "name", "차종": "name", "품종": "species", "종류": "species",
    "종": "species", "섬": "island", "성별": "sex", "부리 길이": "bill length",
    "부리 깊이": "bill depth", "부리": "bill", "날개": "flipper", "지느러미": "flipper",
    "체중": "body mass", "몸무게": "body mass", "꽃받침": "sepal", "꽃잎": "petal",
    "길이": "length", "너비": "width", "폭": "width", "날짜": "date", "강수량": "precipitation",
    "강수": "precipitation", "최고 기온": "temp max", "최저 기온": "temp min", "최고기온": "temp max",
    "최저기온": "temp min", "풍속": "wind", "바람": "wind", "날씨": "weather", "기온": "temp",
    "온도": "temp", "일본": "japan", "미국": "usa", "유럽": "europe", "수컷": "male", "암컷": "female",
}

_SYNONYMS = {"mpg": "miles per gallon", "hp": "horsepower", "temperature": "temp",
             "gender": "sex", "rain": "precipitation", "cars": "name", "car": "name"}


def language_of(text: str) -> str:
    return "ko" if _HANGUL.search(text) else "en"


def _words(name: str) -> str:
    """'Miles_per_Gallon' -> 'miles per gallon'; 'sepalLength' -> 'sepal length'."""
    name = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(name))
    return re.sub(r"[\W_]+", " ", name).strip().lower()


def _normalise(question: str) -> str:
    text = question.lower()
    for ko, en in sorted(_KO.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(ko, f" {en} ")
    text = _words(text)
    return " ".join(_SYNONYMS.get(w, w) for w in text.split())


# --- the data, as the profile describes it -----------------------------------------------------


@dataclass
class Column:
    name: str
    kind: str
    words: str
    top: list[Any]


@dataclass
class Table:
    var: str
    name: str
    rows: int
    columns: list[Column]

    def of_kind(self, *kinds: str) -> list[Column]:
        return [c for c in self.columns if c.kind in kinds]


def _table(dataset: dict[str, Any]) -> Table:
    profile = dataset.get("profile") or {}
    columns = [
        Column(c["name"], c["kind"], _words(c["name"]), [t["value"] for t in c.get("top", [])])
        for c in profile.get("column_profiles", [])
    ]
    return Table(dataset["var_name"], dataset.get("name", dataset["var_name"]), profile.get("rows", 0), columns)


def _mentions(text: str, table: Table) -> list[Column]:
    """Columns the question names, in the order they appear (exact, word, or fuzzy match)."""
    tokens = text.split()
    found: list[tuple[int, int, Column]] = []
    for column in table.columns:
        position = None
        quality = 1  # 0: the whole name appears; 1: a word of it, or a near spelling
        if f" {column.words} " in f" {text} ":
            position = f" {text} ".index(f" {column.words} ")
            quality = 0
        else:
            parts = [p for p in column.words.split() if len(p) > 2 and p not in ("per", "the", "in", "of")]
            for i, token in enumerate(tokens):
                if len(token) < 3:
                    continue
                if token in parts or (parts and difflib.get_close_matches(token, parts, 1, 0.85)):
                    position = len(" ".join(tokens[:i]))
                    break
            if position is None:
                joined = column.words.replace(" ", "")
                for n in (1, 2, 3):
                    for i in range(len(tokens) - n + 1):
                        gram = "".join(tokens[i:i + n])
                        if len(gram) >= 4 and difflib.SequenceMatcher(None, gram, joined).ratio() >= 0.85:
                            position = len(" ".join(tokens[:i]))
                            break
                    if position is not None:
                        break
        if position is not None:
            found.append((quality, position, column))
    # A loose match that shares a word with a whole-name match is dropped ('temp max' named in
    # full is not also 'temp min'); the rest keep the order in which the question names them.
    exact = sorted((f for f in found if f[0] == 0), key=lambda f: f[1])
    covered = {w for _, _, c in exact for w in c.words.split()}
    loose = sorted((f for f in found if f[0] == 1 and not set(f[2].words.split()) & covered),
                   key=lambda f: f[1])
    return [c for _, _, c in sorted(exact + loose, key=lambda f: f[1])]


def _value_mention(text: str, table: Table) -> tuple[Column, Any] | None:
    """A category value the question names (e.g. 'japan' -> (Origin, 'Japan'))."""
    for column in table.of_kind("categorical", "boolean"):
        for value in column.top:
            if isinstance(value, str) and len(value) >= 2 and re.search(rf"\b{re.escape(value.lower())}\b", text):
                return column, value
    return None


def _number(text: str, default: int | None = None) -> int | None:
    match = re.search(r"\b(\d{1,4})\b", text)
    return int(match.group(1)) if match else default


# --- phrases ------------------------------------------------------------------------------------

def _has(text: str, *words: str) -> bool:
    return any(re.search(rf"(^|\s){w}", text) for w in words)


def _raw_has(question: str, *words: str) -> bool:
    return any(w in question for w in words)


def _t(language: str, en: str, ko: str) -> str:
    return ko if language == "ko" else en


# --- code templates -----------------------------------------------------------------------------

def _q(name: str) -> str:
    return repr(name)


def _overview(t: Table, lang: str) -> list[Step]:
    steps = [Step(
        _t(lang, f"Here is a first look at **{t.name}**: its size, its columns and a few rows.",
           f"**{t.name}** 데이터의 크기, 열, 처음 몇 행을 살펴보겠습니다."),
        f"print({_q(_t(lang, 'Rows', '행 수'))}, len({t.var}))\n"
        f"print({_q(_t(lang, 'Columns', '열 수'))}, {t.var}.shape[1])\n"
        f"missing = int({t.var}.isna().sum().sum())\n"
        f"print({_q(_t(lang, 'Missing values', '결측치'))}, missing)\n"
        f"{t.var}.head()",
    )]
    numeric = t.of_kind("numeric")[:4]
    if numeric:
        cols = ", ".join(_q(c.name) for c in numeric)
        steps.append(Step(
            _t(lang, "The distributions of the main numeric columns:", "주요 숫자 열의 분포입니다:"),
            f"cols = [{cols}]\n"
            f"fig, axes = plt.subplots(1, len(cols), figsize=(4 * len(cols), 3.2))\n"
            f"axes = np.atleast_1d(axes)\n"
            f"for ax, col in zip(axes, cols):\n"
            f"    {t.var}[col].dropna().plot.hist(ax=ax, bins=20, color='#4c72b0', edgecolor='white')\n"
            f"    ax.set_title(col)\n"
            f"plt.tight_layout()\nplt.show()",
        ))
    categorical = t.of_kind("categorical")[:1]
    if categorical:
        c = categorical[0].name
        steps.append(Step(
            _t(lang, f"And how the rows split by **{c}**:", f"**{c}**별 행 수입니다:"),
            _counts_code(t, c, lang),
        ))
    return steps


def _counts_code(t: Table, col: str, lang: str) -> str:
    return (
        f"counts = {t.var}[{_q(col)}].value_counts()\n"
        f"for value, n in counts.head(10).items():\n"
        f"    print(f'{{value}}: {{n}}')\n"
        f"ax = counts.head(20).plot.bar(color='#4c72b0')\n"
        f"ax.set_title({_q(col)})\nax.set_ylabel({_q(_t(lang, 'count', '개수'))})\n"
        f"plt.tight_layout()\nplt.show()"
    )


def _describe(t: Table, lang: str) -> list[Step]:
    return [Step(_t(lang, "Summary statistics of every numeric column:", "숫자 열의 요약 통계입니다:"),
                 f"summary = {t.var}.describe().T.round(2)\n"
                 f"for col, row in summary.iterrows():\n"
                 f"    print(f\"{{col}}: {_t(lang, 'mean', '평균')} {{row['mean']}}, {_t(lang, 'min', '최소')} {{row['min']}}, {_t(lang, 'max', '최대')} {{row['max']}}\")\n"
                 f"summary")]


def _missing(t: Table, lang: str) -> list[Step]:
    return [Step(_t(lang, "Counting the missing values in each column:", "열마다 결측치를 세어 보겠습니다:"),
                 f"missing = {t.var}.isna().sum()\n"
                 f"print({_q(_t(lang, 'Total missing', '전체 결측치'))}, int(missing.sum()))\n"
                 f"for col, n in missing[missing > 0].items():\n"
                 f"    print(f'{{col}}: {{n}} ({{n / len({t.var}):.1%}})')\n"
                 f"if missing.sum():\n"
                 f"    ax = missing[missing > 0].plot.bar(color='#dd8452')\n"
                 f"    ax.set_title({_q(_t(lang, 'Missing values per column', 'Missing values per column'))})\n"
                 f"    plt.tight_layout()\n    plt.show()")]


def _distribution(t: Table, col: str, lang: str) -> list[Step]:
    return [Step(_t(lang, f"The distribution of **{col}**:", f"**{col}**의 분포입니다:"),
                 f"values = {t.var}[{_q(col)}].dropna()\n"
                 f"print({_q(_t(lang, 'Mean', '평균'))}, round(values.mean(), 2))\n"
                 f"print({_q(_t(lang, 'Median', '중앙값'))}, round(values.median(), 2))\n"
                 f"print({_q(_t(lang, 'Min', '최소'))}, values.min(), {_q(_t(lang, 'Max', '최대'))}, values.max())\n"
                 f"ax = values.plot.hist(bins=25, color='#4c72b0', edgecolor='white')\n"
                 f"ax.axvline(values.mean(), color='#c44e52', linestyle='--', label='mean')\n"
                 f"ax.set_title({_q(col)})\nax.set_xlabel({_q(col)})\nax.legend()\n"
                 f"plt.tight_layout()\nplt.show()")]


def _label_column(t: Table) -> str | None:
    for kinds in (("text", "identifier"), ("categorical",)):
        cols = t.of_kind(*kinds)
        if cols:
            return cols[0].name
    return None


def _top_n(t: Table, col: str, n: int, largest: bool, lang: str) -> list[Step]:
    label = _label_column(t)
    show = [c for c in (label, col) if c]
    word = _t(lang, "top" if largest else "bottom", "상위" if largest else "하위")
    pick = "nlargest" if largest else "nsmallest"
    label_expr = f"row[{_q(label)}]" if label else "index"
    return [Step(_t(lang, f"The {word} {n} rows by **{col}**:", f"**{col}** 기준 {word} {n}개입니다:"),
                 f"top = {t.var}.{pick}({n}, {_q(col)})\n"
                 f"for index, row in top.iterrows():\n"
                 f"    label, value = {label_expr}, row[{_q(col)}]\n"
                 f"    print(f'{{label}}: {{value}}')\n"
                 f"top[{show!r}]")]


def _group(t: Table, value: str, by: str, how: str, lang: str) -> list[Step]:
    names = {"mean": ("average", "평균"), "sum": ("total", "합계"), "median": ("median", "중앙값"),
             "count": ("count", "개수")}
    en, ko = names[how]
    return [Step(_t(lang, f"The {en} of **{value}** for each **{by}**:", f"**{by}**별 **{value}**의 {ko}입니다:"),
                 f"result = {t.var}.groupby({_q(by)})[{_q(value)}].{how}().sort_values(ascending=False)\n"
                 f"for group, v in result.round(2).items():\n"
                 f"    print(f'{{group}}: {{v}}')\n"
                 f"ax = result.plot.bar(color='#4c72b0')\n"
                 f"ax.set_title({_q(f'{how} of {value} by {by}')})\nax.set_ylabel({_q(value)})\n"
                 f"plt.tight_layout()\nplt.show()")]


def _relationship(t: Table, x: str, y: str, lang: str) -> list[Step]:
    return [Step(_t(lang, f"How **{y}** relates to **{x}**, with a fitted trend line:",
                    f"**{x}**와(과) **{y}**의 관계를 추세선과 함께 보겠습니다:"),
                 f"pair = {t.var}[[{_q(x)}, {_q(y)}]].dropna()\n"
                 f"r = pair[{_q(x)}].corr(pair[{_q(y)}])\n"
                 f"slope, intercept = np.polyfit(pair[{_q(x)}], pair[{_q(y)}], 1)\n"
                 f"print({_q(_t(lang, 'Correlation', '상관계수'))}, round(r, 3))\n"
                 f"print({_q(_t(lang, 'Slope', '기울기'))}, round(slope, 4))\n"
                 f"print({_q(_t(lang, 'Rows used', '사용한 행'))}, len(pair))\n"
                 f"ax = pair.plot.scatter(x={_q(x)}, y={_q(y)}, alpha=0.6)\n"
                 f"xs = np.linspace(pair[{_q(x)}].min(), pair[{_q(x)}].max(), 100)\n"
                 f"ax.plot(xs, slope * xs + intercept, color='#c44e52')\n"
                 f"ax.set_title({_q(f'{y} vs {x}')})\n"
                 f"plt.tight_layout()\nplt.show()")]


def _correlation(t: Table, lang: str) -> list[Step]:
    return [Step(_t(lang, "Correlations between the numeric columns:", "숫자 열 사이의 상관관계입니다:"),
                 f"corr = {t.var}.select_dtypes('number').corr().round(2)\n"
                 f"pairs = corr.where(np.triu(np.ones(corr.shape, dtype=bool), 1)).stack()\n"
                 f"strongest = pairs.abs().sort_values(ascending=False).head(3)\n"
                 f"for (a, b), _ in strongest.items():\n"
                 f"    print(f'{{a}} ~ {{b}}: {{corr.loc[a, b]}}')\n"
                 f"fig, ax = plt.subplots(figsize=(1 + 0.7 * len(corr), 0.8 + 0.6 * len(corr)))\n"
                 f"im = ax.imshow(corr, cmap='RdBu_r', vmin=-1, vmax=1)\n"
                 f"ax.set_xticks(range(len(corr)), corr.columns, rotation=45, ha='right')\n"
                 f"ax.set_yticks(range(len(corr)), corr.columns)\n"
                 f"for i in range(len(corr)):\n"
                 f"    for j in range(len(corr)):\n"
                 f"        ax.text(j, i, corr.iat[i, j], ha='center', va='center', fontsize=8)\n"
                 f"fig.colorbar(im)\nax.set_title('correlation')\n"
                 f"plt.tight_layout()\nplt.show()")]


def _trend(t: Table, col: str, time_col: str, lang: str) -> list[Step]:
    return [Step(_t(lang, f"How **{col}** changes over **{time_col}**:", f"**{time_col}**에 따른 **{col}**의 변화입니다:"),
                 f"data = {t.var}[[{_q(time_col)}, {_q(col)}]].dropna()\n"
                 f"if pd.api.types.is_string_dtype(data[{_q(time_col)}]):  # dates stored as text\n"
                 f"    as_dates = pd.to_datetime(data[{_q(time_col)}], errors='coerce')\n"
                 f"    if as_dates.notna().mean() > 0.9:\n"
                 f"        data[{_q(time_col)}] = as_dates\n"
                 f"if pd.api.types.is_datetime64_any_dtype(data[{_q(time_col)}]):\n"
                 f"    span = data[{_q(time_col)}].max() - data[{_q(time_col)}].min()\n"
                 f"    freq = 'MS' if span > pd.Timedelta(days=120) else 'D'\n"
                 f"    series = data.set_index({_q(time_col)})[{_q(col)}].resample(freq).mean()\n"
                 f"else:\n"
                 f"    series = data.groupby({_q(time_col)})[{_q(col)}].mean()\n"
                 f"print({_q(_t(lang, 'First', '처음'))}, series.index[0], round(series.iloc[0], 2))\n"
                 f"print({_q(_t(lang, 'Last', '마지막'))}, series.index[-1], round(series.iloc[-1], 2))\n"
                 f"print({_q(_t(lang, 'Highest', '최고'))}, series.idxmax(), round(series.max(), 2))\n"
                 f"ax = series.plot(marker='o' if len(series) < 40 else None)\n"
                 f"ax.set_title({_q(f'{col} over {time_col}')})\nax.set_ylabel({_q(col)})\n"
                 f"plt.tight_layout()\nplt.show()")]


def _filter(t: Table, condition: str, description: str, lang: str) -> list[Step]:
    return [Step(_t(lang, f"Keeping only the rows where {description}:", f"{description} 조건의 행만 남깁니다:"),
                 f"subset = {t.var}[{condition}]\n"
                 f"print({_q(_t(lang, 'Matching rows', '해당 행'))}, len(subset), {_q(_t(lang, 'of', '/'))}, len({t.var}))\n"
                 f"subset.head(10)")]


def _lookup(t: Table, col: str, largest: bool, lang: str) -> list[Step]:
    label = _label_column(t)
    pick = "idxmax" if largest else "idxmin"
    word = _t(lang, "highest" if largest else "lowest", "가장 높은" if largest else "가장 낮은")
    label_line = f"print({_q(label)}, row[{_q(label)}])\n" if label else ""
    return [Step(_t(lang, f"Finding the {word} **{col}**:", f"{word} **{col}**을(를) 찾습니다:"),
                 f"row = {t.var}.loc[{t.var}[{_q(col)}].{pick}()]\n"
                 f"print({_q(col)}, row[{_q(col)}])\n"
                 f"{label_line}"
                 f"row.to_frame().T")]


# --- understanding ------------------------------------------------------------------------------

_AGG = [("median", ("median", "중앙값")), ("sum", ("sum", "total", "합계", "총합", "합")),
        ("mean", ("average", "mean", "avg", "평균")), ("count", ("count", "number of", "개수", "몇"))]


def plan(question: str, datasets: list[dict[str, Any]]) -> Plan:
    """Turn a question into code steps (or a fallback answer when it is not understood)."""
    lang = language_of(question)
    if not datasets:
        return Plan(lang, "unknown", fallback=_t(lang, "There is no dataset in this thread yet.",
                                                 "이 대화에는 아직 데이터가 없습니다."))
    text = _normalise(question)
    tables = [_table(d) for d in datasets]
    table = max(tables, key=lambda t: len(_mentions(text, t)))
    mentioned = _mentions(text, table)
    numeric = [c for c in mentioned if c.kind in ("numeric",)]
    groups = [c for c in mentioned if c.kind in ("categorical", "boolean")]
    times = [c for c in mentioned if c.kind == "datetime"] or table.of_kind("datetime")
    q = question.lower()

    def done(intent: str, steps: list[Step]) -> Plan:
        return Plan(lang, intent, steps)

    if _has(text, "overview", "explore", "about this", "what is in", "whats in", "what s in") or \
            _raw_has(q, "개요", "뭐가 있", "무엇이 있", "살펴", "소개"):
        return done("overview", _overview(table, lang))
    if _has(text, "missing", "null", "nan", "empty") or _raw_has(q, "결측", "누락", "빠진", "비어"):
        return done("missing", _missing(table, lang))
    if _has(text, "correlation", "correlat", "heatmap") or _raw_has(q, "상관"):
        if len(numeric) >= 2 and not _has(text, "heatmap"):
            return done("relationship", _relationship(table, numeric[0].name, numeric[1].name, lang))
        return done("correlation", _correlation(table, lang))
    if _has(text, "describe", "summary", "summarize", "statistics", "stats") or _raw_has(q, "요약", "통계"):
        return done("describe", _describe(table, lang))
    if (_has(text, "trend", "over time", "time series", "monthly", "per year", "by year", "over the years")
            or _raw_has(q, "추세", "시간에 따", "월별", "연도별", "변화")):
        time_col = times[0].name if times else next(
            (c.name for c in table.columns
             if set(c.words.split()) & {"date", "time", "day", "month", "year", "datetime", "timestamp"}),
            None)
        value = next((c for c in numeric if c.name != time_col), None) or \
            next((c for c in table.of_kind("numeric") if c.name != time_col), None)
        if time_col and value:
            return done("trend", _trend(table, value.name, time_col, lang))
    if (_has(text, "relationship", "relation", "versus", "vs", "against", "scatter", "related", "affect")
            or _raw_has(q, "관계", "산점도", "영향")) and len(numeric) >= 2:
        return done("relationship", _relationship(table, numeric[0].name, numeric[1].name, lang))
    if _has(text, "distribution", "histogram", "spread") or _raw_has(q, "분포", "히스토그램"):
        if numeric:
            return done("distribution", _distribution(table, numeric[0].name, lang))
        if groups:
            return done("counts", [Step(_t(lang, f"How the rows split by **{groups[0].name}**:",
                                           f"**{groups[0].name}**별 행 수입니다:"),
                                        _counts_code(table, groups[0].name, lang))])
    n = _number(text)
    if numeric and (_has(text, "top", "bottom") or _raw_has(q, "상위", "하위")):
        largest = not (_has(text, "bottom") or _raw_has(q, "하위"))
        return done("top_n", _top_n(table, numeric[0].name, n or 5, largest, lang))
    how = next((name for name, words in _AGG if any(w in q for w in words)), None)
    by_word = _has(text, "by", "per", "for each", "each", "across") or "별" in q or "마다" in q
    if groups and numeric and (how or by_word) and how != "count":
        return done("group_agg", _group(table, numeric[0].name, groups[0].name, how or "mean", lang))
    if groups and (how == "count" or _has(text, "how many", "count", "counts", "frequency") or
                   _raw_has(q, "개수", "몇", "빈도")):
        return done("counts", [Step(_t(lang, f"How many rows there are for each **{groups[0].name}**:",
                                       f"**{groups[0].name}**별 개수입니다:"),
                                    _counts_code(table, groups[0].name, lang))])
    comparison = re.search(r"(over|above|greater than|more than|at least|under|below|less than|at most)\s+(-?\d+(?:\.\d+)?)", text)
    ko_comparison = re.search(r"(-?\d+(?:\.\d+)?)\s*(이상|초과|넘는|넘|이하|미만|보다 큰|보다 작은)", question)
    if numeric and (comparison or ko_comparison):
        if comparison:
            word, value = comparison.group(1), comparison.group(2)
            op = {"over": ">", "above": ">", "greater than": ">", "more than": ">", "at least": ">=",
                  "under": "<", "below": "<", "less than": "<", "at most": "<="}[word]
        else:
            value, word = ko_comparison.group(1), ko_comparison.group(2)
            op = {"이상": ">=", "초과": ">", "넘는": ">", "넘": ">", "보다 큰": ">", "이하": "<=",
                  "미만": "<", "보다 작은": "<"}[word]
        col = numeric[0].name
        return done("filter", _filter(table, f"{table.var}[{_q(col)}] {op} {value}",
                                      f"**{col}** {op} {value}", lang))
    value = _value_mention(text, table)
    if value and (_has(text, "only", "from", "where", "just", "filter", "with") or "만" in q or how is None):
        column, v = value
        if not (numeric and _superlative(" ".join(w for w in text.split() if w not in {w2 for c in mentioned for w2 in c.words.split()}), q)):
            return done("filter", _filter(table, f"{table.var}[{_q(column.name)}] == {v!r}",
                                          f"**{column.name}** = {v}", lang))
    bare = " ".join(w for w in text.split() if w not in {w2 for c in mentioned for w2 in c.words.split()})
    if numeric and _superlative(bare, q):
        largest = not (_has(text, "lowest", "minimum", "min", "smallest", "least", "fewest") or
                       _raw_has(q, "낮은", "작은", "최소", "최저", "적은"))
        return done("lookup", _lookup(table, numeric[0].name, largest, lang))
    if numeric and groups:
        return done("group_agg", _group(table, numeric[0].name, groups[0].name, how or "mean", lang))
    if numeric:
        return done("distribution", _distribution(table, numeric[0].name, lang))
    if groups:
        return done("counts", [Step(_t(lang, f"How many rows there are for each **{groups[0].name}**:",
                                       f"**{groups[0].name}**별 개수입니다:"),
                                    _counts_code(table, groups[0].name, lang))])
    return Plan(lang, "unknown", fallback=_fallback(table, lang))


def _superlative(text: str, q: str) -> bool:
    return _has(text, "highest", "lowest", "maximum", "minimum", "max", "min", "largest", "smallest",
                "most", "least", "biggest", "heaviest", "lightest", "fastest", "best", "worst") or \
        _raw_has(q, "가장", "최대", "최소", "최고", "최저")


def _fallback(t: Table, lang: str) -> str:
    num = [c.name for c in t.of_kind("numeric")]
    cat = [c.name for c in t.of_kind("categorical")]
    examples = []
    if num:
        examples.append(_t(lang, f"Distribution of {num[0]}", f"{num[0]} 분포"))
        examples.append(_t(lang, f"Which row has the highest {num[0]}?", f"가장 높은 {num[0]}"))
    if num and cat:
        examples.append(_t(lang, f"Average {num[0]} by {cat[0]}", f"{cat[0]}별 평균 {num[0]}"))
    if len(num) >= 2:
        examples.append(_t(lang, f"Relationship between {num[0]} and {num[1]}", f"{num[0]}와 {num[1]}의 관계"))
    examples.append(_t(lang, "Are there missing values?", "결측치가 있나요?"))
    listed = "\n".join(f"- {e}" for e in examples[:5])
    if lang == "ko":
        return (
            "죄송합니다. 이 질문은 이해하지 못했습니다. 저는 Vista의 오프라인 분석기로, 데이터 개요, 요약 통계, "
            "결측치, 분포, 범주별 개수, 상위 N개, 그룹별 평균·합계·중앙값, 두 열의 관계, 상관관계, 시간에 따른 "
            "추세, 간단한 필터, 최댓값·최솟값 찾기를 할 수 있습니다.\n\n예를 들어 이렇게 물어보세요:\n"
            f"{listed}\n\n더 자유로운 질문에는 언어 모델이 필요합니다. 관리자가 서버 환경에 `OPENAI_API_KEY`, "
            "`OPENAI_BASE_URL`, `VISTA_MODEL`을 설정하거나 `jupyter_server_config.py`에 "
            "`c.VistaApp.model` 등을 설정하면 됩니다 (브라우저에서 키를 입력하지 않습니다)."
        )
    return (
        "Sorry, I did not understand that. I am Vista's offline analyst: I can give an overview, "
        "summary statistics, missing values, distributions, counts per category, top N, group "
        "averages/sums/medians, relationships between two columns, correlations, trends over time, "
        "simple filters and highest/lowest look-ups.\n\nFor example, ask:\n"
        f"{listed}\n\nFor free-form questions, a language model is needed: an administrator sets "
        "`OPENAI_API_KEY`, `OPENAI_BASE_URL` and `VISTA_MODEL` in the server's environment, or "
        "`c.VistaApp.model` and friends in `jupyter_server_config.py` (keys are never entered in "
        "the browser)."
    )


def overview(datasets: list[dict[str, Any]], language: str = "en") -> Plan:
    """The automatic first turn: a look at the (first) dataset with one or two figures."""
    if not datasets:
        return Plan(language, "unknown", fallback=_t(language, "There is no dataset yet.", "아직 데이터가 없습니다."))
    return Plan(language, "overview", _overview(_table(datasets[0]), language))


# --- answering ----------------------------------------------------------------------------------

def _printed(result: dict[str, Any]) -> list[str]:
    text = "".join(o.get("text", "") for o in result.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")
    return [line.strip() for line in text.splitlines() if line.strip()]


def answer(plan: Plan, results: list[dict[str, Any]]) -> str:
    """The final answer in Markdown, quoting what the code printed."""
    lang = plan.language
    if not plan.steps:
        return plan.fallback
    parts: list[str] = []
    figures = 0
    for step, result in zip(plan.steps, results):
        if result.get("status") != "ok":
            error = result.get("error") or {}
            parts.append(_t(lang, f"One step did not work ({error.get('ename', result.get('status'))}: "
                                  f"{error.get('evalue', '')}). Try rephrasing the question or naming the column exactly.",
                            f"한 단계가 실패했습니다 ({error.get('ename', result.get('status'))}: "
                            f"{error.get('evalue', '')}). 질문을 바꾸거나 열 이름을 정확히 적어 보세요."))
            continue
        lines = _printed(result)[:12]
        if lines:
            parts.append("\n".join(f"- {line}" for line in lines))
        figures += sum(1 for o in result.get("outputs", []) if "artifact" in o)
    headline = {
        "overview": _t(lang, "Here is an overview of the data:", "데이터 개요입니다:"),
        "describe": _t(lang, "Summary statistics:", "요약 통계입니다:"),
        "missing": _t(lang, "Missing values:", "결측치 현황입니다:"),
        "distribution": _t(lang, "What the values look like:", "값의 분포입니다:"),
        "counts": _t(lang, "Counts per category:", "범주별 개수입니다:"),
        "top_n": _t(lang, "The rows you asked for:", "요청하신 행입니다:"),
        "group_agg": _t(lang, "Per group:", "그룹별 결과입니다:"),
        "relationship": _t(lang, "How the two columns relate:", "두 열의 관계입니다:"),
        "correlation": _t(lang, "The strongest correlations:", "가장 강한 상관관계입니다:"),
        "trend": _t(lang, "How it changes over time:", "시간에 따른 변화입니다:"),
        "filter": _t(lang, "The matching rows:", "조건에 맞는 행입니다:"),
        "lookup": _t(lang, "Found it:", "찾았습니다:"),
    }.get(plan.intent, "")
    notes = []
    if figures:
        notes.append(_t(lang, f"The chart{'s' if figures > 1 else ''} above show{'' if figures > 1 else 's'} it visually.",
                        "위의 그래프에서 한눈에 볼 수 있습니다."))
    if plan.intent in ("distribution", "relationship", "trend", "group_agg"):
        notes.append(_t(lang, "Rows with missing values in these columns were left out.",
                        "이 열에 값이 비어 있는 행은 제외했습니다."))
    if plan.intent == "relationship":
        notes.append(_t(lang, "A correlation near 1 or -1 means a strong straight-line relationship; near 0, little.",
                        "상관계수가 1이나 -1에 가까우면 강한 직선 관계, 0에 가까우면 관계가 거의 없다는 뜻입니다."))
    return "\n\n".join(p for p in [headline, *parts, " ".join(notes)] if p)
