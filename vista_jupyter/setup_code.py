"""The set-up code Vista's Python runs after: in analysis kernels, at the top of exported notebooks,
and above the first cell Vista inserts into a notebook. One source, so a figure draws the same
everywhere.

It imports pandas, NumPy and matplotlib, gives matplotlib a font that draws Korean, and loads the
datasets. The font is NanumGothic (SIL Open Font License, `fonts/OFL.txt`), shipped in this
package: the code finds it with `importlib.util.find_spec`, which locates the package without
importing it (nor Vista's server), or in a folder beside the notebook (the data folder of a
downloaded zip holds a copy, so the notebook draws Korean on a machine without Vista). Without
either, it looks for a Korean font the system already has. It is registered after DejaVu Sans:
matplotlib falls back glyph by glyph, so Latin text keeps matplotlib's usual look.
"""

from __future__ import annotations

from pathlib import Path

#: The font file shipped in the package, and its licence.
FONT_DIR = Path(__file__).parent / "fonts"
FONT_FILES = ("NanumGothic.ttf", "OFL.txt")

IMPORTS = """\
import pandas as pd
import numpy as np
import matplotlib.pyplot as plt"""

# Plain code, not a function of Vista's: a kernel may run remotely, and a notebook elsewhere,
# without Vista installed. Families tried in order: the shipped font, then fonts that Korean
# systems commonly have (Linux, Windows, macOS).
_FONT_FUNCTION = '''\
def _korean_font(*folders):
    """Let matplotlib draw Korean (Hangul) text: NanumGothic after DejaVu Sans."""
    import importlib.util, pathlib
    from matplotlib import font_manager
    spec = importlib.util.find_spec("vista_jupyter")
    if spec is not None and spec.submodule_search_locations:
        folders += tuple(pathlib.Path(p, "fonts") for p in spec.submodule_search_locations)
    for folder in folders:
        for ttf in sorted(pathlib.Path(folder).glob("*.ttf")):
            font_manager.fontManager.addfont(str(ttf))
    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in ("NanumGothic", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic",
                   "Apple SD Gothic Neo", "AppleGothic"):
        if family in known:
            plt.rcParams["font.family"] = ["DejaVu Sans", family]
            plt.rcParams["axes.unicode_minus"] = False
            return'''


def font_code(*folders: str, guarded: bool = False) -> str:
    """Code that registers a Korean-capable font, also looking in `folders` (relative paths).

    `guarded`: a failure (a broken font file) is ignored, for code that must go on to load data.
    """
    call = f"_korean_font({', '.join(repr(f) for f in folders)})"
    if guarded:
        call = f"try:\n    {call}\nexcept Exception:\n    pass"
    return f"{_FONT_FUNCTION}\n\n\n{call}"


def notebook_setup(loads: list[tuple[str, str]], font_folder: str | None = None) -> str:
    """The first code cell of a notebook: imports, the font, then `var = pd.read_parquet(path)`
    for each `(var, path)`, paths relative to the notebook."""
    lines = [IMPORTS, "", font_code(*([font_folder] if font_folder else [])), ""]
    lines += [f"{var} = pd.read_parquet({path!r})" for var, path in loads]
    return "\n".join(lines).rstrip() + "\n"
