"""The offline analyst's answers in tests: a question asked of an in-process table (its code run
as a kernel would, its answer written from the outputs), in pandas or with the table held in
DuckDB as a kernel holds a large dataset (`ask_as`), and reading the answer: the first line, the
numbers stated, and whether a value is among them (rounded as the answer rounds)."""

from __future__ import annotations

import contextlib
import io
import re

import matplotlib

matplotlib.use("Agg")  # this test process only; the analyst's code never selects a backend
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from vista_jupyter.assistant import offline  # noqa: E402
from vista_jupyter.profile import profile_parquet  # noqa: E402
from vista_jupyter.setup_code import DataLoad, data_code  # noqa: E402


def written(root, frames: dict[str, pd.DataFrame]) -> dict[str, tuple[pd.DataFrame, list[dict]]]:
    """Each frame written as `root/<name>.parquet` and read back, with the dataset (its profile as
    Vista computes it) the analyst is given: `{name: (frame, [dataset])}`, what `ask` takes."""
    out = {}
    for name, frame in frames.items():
        path = root / f"{name}.parquet"
        frame.to_parquet(path)
        out[name] = (
            pd.read_parquet(path),
            [{"var_name": "df", "name": name, "profile": profile_parquet(path), "parquet_path": str(path)}],
        )
    return out


def execute(steps, namespace: dict) -> list[dict]:
    """Each step's code run in `namespace` (shared, as a kernel's), with what it printed as the
    step's result; figures are drawn and closed, never shown."""
    results = []
    for step in steps:
        out = io.StringIO()
        original = plt.show
        plt.show = lambda *a, **k: None
        try:
            with contextlib.redirect_stdout(out):
                exec(step.code, namespace)  # noqa: S102
        finally:
            plt.show = original
            plt.close("all")
        results.append(
            {"status": "ok", "outputs": [{"output_type": "stream", "name": "stdout", "text": out.getvalue()}]}
        )
    return results


def run(analysis: offline.Analysis, frame: pd.DataFrame) -> str:
    """The answer to `analysis`, its steps' code run on a copy of `frame` as `df`."""
    results = []
    for step in analysis.steps:  # each step on a fresh copy: no step sees another's changes
        results += execute([step], {"df": frame.copy(), "pd": pd, "np": np, "plt": plt})
    return offline.answer(analysis, results)


def ask_as(mode: str, frame: pd.DataFrame, path, name: str, question: str, spill) -> tuple[offline.Analysis, str]:
    """`question` about the table `frame` (written at `path`), the dataset held as a kernel holds
    it in `mode`: "pandas" (a DataFrame `df`) or "duckdb" (the set-up code a kernel gets for a
    large dataset, spilling into `spill`). The analysis and its answer (the message when declined)."""
    dataset = {
        "var_name": "df",
        "name": name,
        "profile": profile_parquet(path),
        "parquet_path": str(path),
        "mode": mode,
    }
    analysis = offline.analyse(question, [dataset])
    if analysis.declined:
        return analysis, analysis.message
    namespace = {"pd": pd, "np": np, "plt": plt}
    if mode == "pandas":
        namespace["df"] = frame.copy()
    else:
        rows = pq.ParquetFile(path).metadata.num_rows
        exec(data_code([DataLoad("df", str(path), "duckdb", rows)], spill=str(spill)), namespace)  # noqa: S102
    return analysis, offline.answer(analysis, execute(analysis.steps, namespace))


def ask(data, name: str, question: str) -> tuple[offline.Analysis, str, pd.DataFrame]:
    """Ask `question` of `data[name]` (a frame and its datasets): the analysis, its answer ("" when
    declined) and the frame."""
    frame, datasets = data[name]
    analysis = offline.analyse(question, datasets)
    return analysis, ("" if analysis.declined else run(analysis, frame)), frame


def held(root, frames: dict[str, pd.DataFrame]) -> dict:
    """Each frame written as `root/<name>.parquet` for `ask_held`: `{name: (frame, path)}` and the
    spill folder the DuckDB renderer may use (`"_spill"`)."""
    out: dict = {"_spill": root / "spill"}
    for name, frame in frames.items():
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def ask_held(data, name: str, question: str, mode: str) -> tuple[offline.Analysis, str]:
    """`ask_as` for `data[name]` (a frame and its Parquet file; `data["_spill"]` a folder)."""
    frame, path = data[name]
    return ask_as(mode, frame, path, name, question, data["_spill"])


def first_line(answer: str) -> str:
    return next(line for line in answer.splitlines() if line.strip())


def numbers(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"-?\d[\d,]*(?:\.\d+)?", text)]


def states(text: str, value: float, digits: int = 2) -> bool:
    """Whether the text states `value` rounded to `digits` decimals (or to 3 significant digits)."""
    return any(abs(x - value) <= max(0.5 * 10**-digits, abs(value) * 0.0005) + 1e-9 for x in numbers(text))
