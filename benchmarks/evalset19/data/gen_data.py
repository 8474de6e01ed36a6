"""Seeded generator of the nineteenth evaluation set's datasets: wide tables, one column per
period, as statistics offices publish them (none is bundled with Vista).

    python benchmarks/evalset19/data/gen_data.py      # rewrites the CSV files next to it

* 시도별_인구.csv: KOSIS style, Korean names: 시도, then one column per year 2015..2023 (persons).
* gdp_per_capita.csv: World Bank style: Country Name, Country Code, then one column per year
  2014..2023 (current US$); one value missing, as the World Bank's files have.
* 품목별_수출액.csv: Korean names, monthly exports of 2024 by item: 품목, 1월..12월
  (million US$).
* regional_sales.csv: quarterly sales of 2024 by region and product: region, product, Q1..Q4
  (thousand US$).
* airport_passengers.csv: Eurostat style, monthly passengers of 2023 by airport: airport,
  Jan..Dec (thousands).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def population(rng: np.random.Generator) -> pd.DataFrame:
    base = {
        "서울": 10_020_000,
        "부산": 3_450_000,
        "대구": 2_470_000,
        "인천": 2_920_000,
        "광주": 1_470_000,
        "대전": 1_530_000,
        "경기": 12_670_000,
        "강원": 1_550_000,
        "충북": 1_590_000,
        "전남": 1_900_000,
        "제주": 640_000,
    }
    trend = {
        "서울": -0.006,
        "부산": -0.007,
        "대구": -0.006,
        "인천": 0.004,
        "광주": -0.003,
        "대전": -0.004,
        "경기": 0.011,
        "강원": -0.001,
        "충북": 0.002,
        "전남": -0.005,
        "제주": 0.012,
    }
    years = list(range(2015, 2024))
    rows = []
    for name, b in base.items():
        vals = [round(b * (1 + trend[name]) ** (y - 2015) * rng.uniform(0.997, 1.003)) for y in years]
        rows.append([name, *vals])
    return pd.DataFrame(rows, columns=["시도", *[str(y) for y in years]])


def gdp(rng: np.random.Generator) -> pd.DataFrame:
    countries = [
        ("Korea, Rep.", "KOR", 29_000),
        ("Japan", "JPN", 38_000),
        ("Germany", "DEU", 48_000),
        ("United States", "USA", 55_000),
        ("Brazil", "BRA", 12_000),
        ("India", "IND", 1_550),
        ("Mexico", "MEX", 10_900),
        ("Viet Nam", "VNM", 2_500),
        ("France", "FRA", 43_000),
        ("Indonesia", "IDN", 3_500),
    ]
    years = list(range(2014, 2024))
    rows = []
    for name, code, b in countries:
        g = rng.uniform(0.0, 0.06)
        vals = []
        for y in years:
            v = b * (1 + g) ** (y - 2014) * rng.uniform(0.95, 1.05)
            if y == 2020:
                v *= 0.93
            vals.append(round(v, 1))
        rows.append([name, code, *vals])
    frame = pd.DataFrame(rows, columns=["Country Name", "Country Code", *[str(y) for y in years]])
    frame.loc[frame["Country Code"] == "VNM", "2014"] = np.nan
    return frame


def exports(rng: np.random.Generator) -> pd.DataFrame:
    items = {
        "반도체": 9_500,
        "자동차": 5_800,
        "석유제품": 4_200,
        "선박": 2_100,
        "철강": 2_700,
        "디스플레이": 1_500,
        "무선통신기기": 1_300,
        "화장품": 750,
    }
    months = [f"{m}월" for m in range(1, 13)]
    season = 1 + 0.12 * np.sin((np.arange(12) - 2) / 12 * 2 * np.pi)
    rows = []
    for name, b in items.items():
        vals = (b * season * rng.uniform(0.8, 1.2, 12)).round().astype(int)
        rows.append([name, *vals])
    return pd.DataFrame(rows, columns=["품목", *months])


def sales(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for region in ["North", "South", "East", "West"]:
        for product, b in [("Widgets", 420), ("Gadgets", 310), ("Gizmos", 180)]:
            vals = (b * np.array([0.9, 1.0, 1.05, 1.25]) * rng.uniform(0.75, 1.3, 4)).round(1)
            rows.append([region, product, *vals])
    return pd.DataFrame(rows, columns=["region", "product", "Q1", "Q2", "Q3", "Q4"])


def passengers(rng: np.random.Generator) -> pd.DataFrame:
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    season = 1 + 0.25 * np.sin((np.arange(12) - 3) / 12 * 2 * np.pi)
    rows = []
    for airport, b in [
        ("LHR", 6_500),
        ("CDG", 5_800),
        ("FRA", 5_000),
        ("AMS", 5_300),
        ("MAD", 5_100),
        ("FCO", 3_700),
        ("ICN", 4_300),
    ]:
        vals = (b * season * rng.uniform(0.85, 1.15, 12)).round().astype(int)
        rows.append([airport, *vals])
    return pd.DataFrame(rows, columns=["airport", *months])


def main() -> None:
    rng = np.random.default_rng(19)
    population(rng).to_csv(HERE / "시도별_인구.csv", index=False)
    gdp(rng).to_csv(HERE / "gdp_per_capita.csv", index=False)
    exports(rng).to_csv(HERE / "품목별_수출액.csv", index=False)
    sales(rng).to_csv(HERE / "regional_sales.csv", index=False)
    passengers(rng).to_csv(HERE / "airport_passengers.csv", index=False)


if __name__ == "__main__":
    main()
