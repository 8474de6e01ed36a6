"""The overview's first look read from the Parquet file itself (`first_look_file_bytes`): it shows
what the loaded table shows (the same lines, rows and types), runs in the kernel before the table
is loaded, re-runs in an exported notebook, and the rest of the overview and later questions see
the whole table. Real kernels throughout."""

from __future__ import annotations

import nbformat
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from test_export import rerun
from test_turns import of, wait_done

from vista_jupyter import setup_code
from vista_jupyter.assistant.offline.catalog import build_table
from vista_jupyter.assistant.offline.render_pandas import overview_steps
from vista_jupyter.kernels import KernelExecutor
from vista_jupyter.profile import card_profile

ROWS = 3000


def _awkward(path) -> None:
    """A table whose columns pandas types by what lies beyond the first rows: nulls far down in
    an integer and a boolean column (float and object in pandas), NaN and nulls in floats (both
    missing to pandas, only nulls in the statistics), text, dates and an all-null column; several
    row groups."""
    n = np.arange(ROWS)
    late = n == ROWS - 10
    table = pa.table(
        {
            "id": pa.array(n),
            "count": pa.array(n % 7, mask=late),
            "flag": pa.array(n % 2 == 0, mask=late),
            "steady": pa.array(n % 3 == 0),
            "ratio": pa.array(np.where(n % 500 == 7, np.nan, n / 3), mask=n % 400 == 9),
            "city": pa.array([None if i % 250 == 3 else f"city {i % 5}" for i in range(ROWS)]),
            "when": pa.array(pd.date_range("2024-01-01", periods=ROWS, freq="h")),
            "nothing": pa.nulls(ROWS, pa.float64()),
        }
    )
    pq.write_table(table, path, row_group_size=700)


def _outputs(cell) -> list:
    """What a cell showed, as a person sees it: printed text and the result's text and HTML."""
    shown: list = []
    for out in cell.outputs:
        if out.output_type == "stream":  # a print may arrive in pieces
            if shown and isinstance(shown[-1], str):
                shown[-1] += out.text
            else:
                shown.append(out.text)
        elif out.output_type == "execute_result":
            shown.append((out.data["text/plain"], out.data.get("text/html")))
    return shown


def test_the_first_look_read_from_the_file_shows_what_the_loaded_table_shows(tmp_path):
    path = tmp_path / "awkward.parquet"
    _awkward(path)
    table = build_table({"var_name": "df", "name": "awkward", "profile": card_profile(path), "parquet_path": None})
    from_file = overview_steps(table, "en", "df_file")[0].code
    from_table = overview_steps(table, "en")[0].code
    assert "df_file" in from_file and "df." not in from_file and "df[" not in from_file
    load = setup_code.DataLoad("df", "awkward.parquet")
    # In a fresh kernel, as Vista's runs it: the first look before the table is loaded (`df` does
    # not exist yet), then the table, then the first look computed from it
    notebook = new_notebook(
        cells=[
            # other datasets may have any name the step might use for itself
            new_code_cell(setup_code.IMPORTS + "\n" + setup_code.file_code([load]) + "\nsource = pc = first = 'mine'"),
            new_code_cell(from_file),
            new_code_cell("print('df' in globals(), source, pc, first)\n" + setup_code.data_code([load])),
            new_code_cell(from_table),
        ]
    )
    done = rerun(notebook, tmp_path)
    assert _outputs(done.cells[2]) == ["False mine mine mine\n"]
    shown, expected = _outputs(done.cells[1]), _outputs(done.cells[3])
    assert shown == expected
    frame = pd.read_parquet(path)
    assert expected[0] == f"rows\t3000\ncolumns\t8\nmissing\t{int(frame.isna().sum().sum())}\n"
    assert frame.isna().sum().sum() > pq.read_metadata(path).row_group(0).column(4).statistics.null_count
    # the types of the whole columns: 1.0 for the integer with a null far down, True for the flag
    assert "1.0" in expected[1][0] and str(frame["count"].dtype) == "float64" and frame["flag"].dtype == object


class RecordingExecutor(KernelExecutor):
    """The real executor, noting when each piece of code starts and ends in a kernel: the data
    load (the pool's code that reads the table), the pool's other preparation, and steps."""

    order: list[tuple[str, str]] = []

    async def run(self, kernel, code, *, record, on_output=None, timeout=None):
        kind = "step" if record else ("load" if "= pd.read_parquet(" in code else "prepare")
        self.order.append(("start", kind))
        try:
            return await super().run(kernel, code, record=record, on_output=on_output, timeout=timeout)
        finally:
            self.order.append(("end", kind))


def _csv(rows: int) -> bytes:
    """A CSV whose integer and boolean columns have an empty cell only far down."""
    lines = ["id,count,flag,amount,city"]
    for i in range(rows):
        empty = i == rows - 5
        lines.append(
            f"{i},{'' if empty else i % 9},{'' if empty else ('true' if i % 2 else 'false')},"
            f"{'' if i % 97 == 5 else i * 0.5},{'Seoul' if i % 3 else 'Busan'}"
        )
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    "vista_config",
    [{"auto_overview": True, "first_look_file_bytes": 0, "executor_class": RecordingExecutor}],
)
async def test_a_new_threads_first_look_runs_before_its_data_loads_and_shows_the_whole_table(
    api, vista_app, jp_root_dir
):
    RecordingExecutor.order = []
    _, up = await api("POST", "uploads", body=_csv(20_000), params={"name": "sales.csv"})
    status, thread = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
    assert status == 201, thread
    tid = thread["id"]
    events = await wait_done(api, tid, timeout=120)
    assert of(events, "done")[-1]["status"] == "done"
    codes = [c["code"] for c in of(events, "code")]
    # The order in the kernel: the first look ran, whole, before the data load began; every
    # later step after the load ended
    log = RecordingExecutor.order
    first_end = log.index(("end", "step"))
    load_start, load_end = log.index(("start", "load")), log.index(("end", "load"))
    assert log.index(("start", "step")) < first_end < load_start < load_end
    assert log.count(("start", "step")) == len(codes)
    assert [i for i, e in enumerate(log) if e == ("start", "step")][1] > load_end
    assert "_first_look(df_file)" in codes[0] and len(codes) > 1  # then the rest of the overview

    # What it showed is what the whole table shows, computed in the same kernel
    first_outputs = [o["output"] for o in of(events, "output") if o["step"] == of(events, "code")[0]["step"]]
    _, info = await api("GET", "info")
    classic = (
        "print('rows', len(df), sep='\\t')\nprint('columns', df.shape[1], sep='\\t')\n"
        "print('missing', int(df.isna().sum().sum()), sep='\\t')\ndf.head()"
    )
    whole = await vista_app.executor.execute(info["owner"], tid, classic)
    assert whole.status == "ok"

    def shown(outputs):
        return [{k: v for k, v in o.items() if k != "execution_count"} for o in outputs]

    assert shown(first_outputs) == shown(whole.to_dict()["outputs"])
    assert "rows\t20000\n" in whole.stdout and "missing\t" in whole.stdout
    check = await vista_app.executor.execute(info["owner"], tid, "print(df['count'].dtype, df['flag'].dtype)")
    assert check.stdout.split() == ["float64", "object"]

    # The exported notebook re-runs, the first look included, with the same outputs
    status, saved = await api("POST", f"threads/{tid}/notebook", json_body={"path": "sales.ipynb"})
    assert status == 201, saved
    notebook = nbformat.read(jp_root_dir / "sales.ipynb", as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code" and "_first_look(df_file)" in c.source)
    again = rerun(notebook, jp_root_dir)
    redone = next(c for c in again.cells if c.cell_type == "code" and "_first_look(df_file)" in c.source)
    assert _outputs(redone) == _outputs(cell) and _outputs(cell)
