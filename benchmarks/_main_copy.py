"""Another revision's reader beside this one in one process: `git archive REF vista_jupyter`
unpacked into a temporary folder as the package `vista_ref` (its imports renamed)."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(ref: str) -> Path:
    """Unpack `ref`'s `vista_jupyter` as `vista_ref` and put it on `sys.path` (returns the folder)."""
    folder = Path(tempfile.mkdtemp(prefix="vista-ref-"))
    archive = subprocess.run(["git", "archive", ref, "vista_jupyter"], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "vista_jupyter").rename(folder / "vista_ref")
    for path in (folder / "vista_ref").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "vista_jupyter" in text:
            path.write_text(text.replace("vista_jupyter", "vista_ref"), encoding="utf-8")
    sys.path.insert(0, str(folder))
    sys.path.insert(0, str(ROOT))
    return folder
