"""A small body is read in one pass in the calling thread (`engine.INLINE_BYTES`): the same
Parquet table (schema and values), warnings and profile as the threaded path gives, for both
parsers, with type changes found late in the body, and without starting the reading threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from test_ingest import REGULAR, _messy

from vista_jupyter.ingest import engine, ingest_to_parquet
from vista_jupyter.ingest.engine import read_text
from vista_jupyter.ingest.reader import IngestLimits
from vista_jupyter.ingest.sniff import detect_format


def _late_changes(rows: int) -> str:
    """A regular table over several of Arrow's blocks whose rows past the samples change two
    columns' types (an integer column gets `2.5`, a date column a word), with missing markers,
    quoted commas and a quoted line break: each change makes the body be read again."""
    lines = ["id,name,qty,day,ok,amount"]
    for i in range(rows):
        qty = "2.5" if i == rows // 2 else ("NA" if i % 11 == 0 else str(i % 40))
        day = "soon" if i == rows * 2 // 3 else f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
        name = f'"Kim, {i % 17}"' if i % 5 else ('"two\nlines"' if i == 500 else f"Lee {i % 9}")
        lines.append(f"{i},{name},{qty},{day},{'yes' if i % 3 else 'no'},{i * 1.25:.2f}")
    return "\n".join(lines) + "\n"


FILES = {
    "late_changes": _late_changes(150_000),  # about 7 MB: two of the one-pass blocks and more
    **{name: REGULAR[name] for name in ("quoted", "title_notes", "blank_lines", "repeated_header", "markers")},
}


def _read(path: Path, work: Path, inline: bool, careful: bool, monkeypatch) -> tuple:
    monkeypatch.setattr(engine, "INLINE_BYTES", 1 << 40 if inline else 0)
    started: list[str] = []
    original = engine.threading.Thread

    def thread(*args, **kwargs):  # the reading threads started
        started.append(kwargs.get("name", ""))
        return original(*args, **kwargs)

    monkeypatch.setattr(engine.threading, "Thread", thread)
    try:
        work.mkdir()
        out = work / "out.parquet"
        result = read_text(path, detect_format(path).encoding, out, work, IngestLimits(), careful=careful)
    finally:
        monkeypatch.setattr(engine.threading, "Thread", original)
    return pq.read_table(out), result, started


@pytest.mark.parametrize("careful", [False, True])
@pytest.mark.parametrize("name", sorted(FILES) + ["messy_cp1252"])
def test_a_body_read_in_one_pass_gives_the_threaded_paths_table(tmp_path, monkeypatch, name, careful):
    path = tmp_path / f"{name}.csv"
    if name == "messy_cp1252":
        path.write_bytes(_messy(3))
    else:
        path.write_text(FILES[name], encoding="utf-8", newline="")
    one, r1, started1 = _read(path, tmp_path / "inline", True, careful, monkeypatch)
    threaded, r2, started2 = _read(path, tmp_path / "threaded", False, careful, monkeypatch)
    assert not [n for n in started1 if n.startswith("vista-")], started1
    assert {"vista-convert", "vista-parquet-writer"} <= set(started2)
    assert one.schema == threaded.schema
    assert one.equals(threaded), (name, careful)
    assert (r1.rows, r1.columns, r1.warnings) == (r2.rows, r2.columns, r2.warnings)
    assert r1.detected["parser"] == r2.detected["parser"] == ("duckdb" if careful else r2.detected["parser"])
    assert {k: v for k, v in r1.detected.items() if k != "passes"} == {
        k: v for k, v in r2.detected.items() if k != "passes"
    }
    if name == "late_changes":
        assert r1.detected["passes"] > 1 and r2.detected["passes"] > 1
        assert [str(t) for t in one.schema.types] == ["int64", "string", "double", "string", "bool", "double"]


def test_the_profile_of_a_body_read_in_one_pass_is_the_threaded_paths(tmp_path, monkeypatch):
    path = tmp_path / "late.csv"
    path.write_text(_late_changes(150_000), encoding="utf-8", newline="")
    profiles = []
    for inline in (True, False):
        monkeypatch.setattr(engine, "INLINE_BYTES", 1 << 40 if inline else 0)
        out = tmp_path / f"{inline}.parquet"
        result = ingest_to_parquet(path, out, profile=True)
        profiles.append(result.profile.finish(out))
    assert profiles[0] is not None and profiles[0] == profiles[1]


@pytest.mark.parametrize("inline", [True, False])
def test_a_failed_write_leaves_no_file_and_no_thread(tmp_path, monkeypatch, inline):
    # threaded, a failure writing the last row group (after the end was sent) waited on main
    # for more batches forever
    monkeypatch.setattr(engine, "INLINE_BYTES", 1 << 40 if inline else 0)
    path = tmp_path / "t.csv"
    path.write_text(_late_changes(2000), encoding="utf-8", newline="")

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(engine.pq.ParquetWriter, "write_table", fail)
    before = threading.active_count()
    with pytest.raises(RuntimeError, match="disk full"):
        ingest_to_parquet(path, tmp_path / "out.parquet")
    assert not (tmp_path / "out.parquet").exists()
    assert not list(tmp_path.glob(".*partial"))
    assert threading.active_count() == before


def test_a_body_longer_than_a_line_may_be_is_read_at_once_in_blocks_no_longer(tmp_path, monkeypatch) -> None:
    """A one-pass body longer than a line may be (`max_line_bytes`) reaches Arrow's parser as one
    buffer when its blocks are no longer than a line may be (no Python file read from Arrow's
    thread, block by block): a line longer than the limit is longer than a block, so the parser
    stops there and the pass is read again with larger blocks, through the window, which refuses
    it as before. A long line within the limit is read as before."""
    from test_ingest import _regular_body

    from vista_jupyter.errors import InvalidInput

    reads: list[int] = []
    window_read = engine._Window.read

    def read(self, n: int = -1) -> bytes:
        reads.append(n)
        return window_read(self, n)

    monkeypatch.setattr(engine._Window, "read", read)
    monkeypatch.setattr(engine, "INLINE_BLOCK_BYTES", 64 << 10)
    limits = IngestLimits(max_line_bytes=256 << 10)
    header = "id,name,amount,even,day\n"
    lines = _regular_body(60_000)  # ~2 MB: eight times a line's limit
    path = tmp_path / "body.csv"
    path.write_text(header + "\n".join(lines) + "\n")
    once = ingest_to_parquet(path, tmp_path / "once.parquet", limits=limits)
    assert once.detected["parser"] == "arrow" and once.rows == 60_000 and reads == []
    ingest_to_parquet(path, tmp_path / "default.parquet")
    assert pq.read_table(tmp_path / "once.parquet").equals(pq.read_table(tmp_path / "default.parquet"))
    # a line of 200 KB past the head sample: longer than a block, within the limit
    lines[40_000] = "40000,Kim " + "w" * (200 << 10) + ",1.5,True,2024-01-01"
    path.write_text(header + "\n".join(lines) + "\n")
    long = ingest_to_parquet(path, tmp_path / "long.parquet", limits=limits)
    assert long.rows == 60_000 and reads == []
    assert pq.read_table(tmp_path / "long.parquet").column("name")[40_000].as_py() == "Kim " + "w" * (200 << 10)
    # a line of 1 MB: longer than the limit, refused
    lines[40_000] = "40000,Kim " + "w" * (1 << 20) + ",1.5,True,2024-01-01"
    path.write_text(header + "\n".join(lines) + "\n")
    with pytest.raises(InvalidInput, match="line longer than"):
        ingest_to_parquet(path, tmp_path / "refused.parquet", limits=limits)
    assert reads and not (tmp_path / "refused.parquet").exists()
