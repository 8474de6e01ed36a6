"""Seeded generator of the tenth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset10/data/gen_data.py      # rewrites the CSV files next to it

* visitors_monthly.csv: one row per month (2012-01 .. 2024-12) of a country's inbound travel:
  arrivals, the tourists among them, departures and travel receipts (million USD). Arrivals
  collapse in 2020 and recover over 2022-2023, with a seasonal cycle and noise, so months fall
  and rise against the one before.
* 고용_월별.csv: Korean column names, one row per month (2000-01 .. 2023-12): 실업률 and 고용률
  (%), and the employed (천명) in 제조업, 건설업 and 서비스업, each a column (a wide table).
* country_stats.csv: one row per country and year (1987 .. 2007): region, GDP per capita, life
  expectancy and population (millions). Countries grow at different rates; a few shrink.
* trips.csv: one row per bike-share trip in 2022-2023: city, start time, rider type
  (member/casual), duration in minutes, distance in km and fare.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def visitors(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for m in pd.date_range("2012-01-01", "2024-12-01", freq="MS"):
        t = (m.year - 2012) + (m.month - 1) / 12
        level = 900_000 * (1.05**t)
        if m.year == 2020 and m.month >= 3 or m.year == 2021:
            level *= 0.08 if m.year == 2020 else 0.06
        elif m.year == 2022:
            level *= 0.15 + 0.06 * m.month
        elif m.year == 2023:
            level *= 0.85 + 0.012 * m.month
        season = 1 + 0.22 * np.sin((m.month - 4) / 12 * 2 * np.pi)
        arrivals = int(level * season * rng.normal(1, 0.05))
        share = float(np.clip(rng.normal(0.74 if m.year != 2021 else 0.45, 0.03), 0.3, 0.9))
        departures = int(arrivals * rng.uniform(1.1, 1.6))
        rows.append(
            {
                "month": m.strftime("%Y-%m"),
                "arrivals": arrivals,
                "tourists": int(arrivals * share),
                "departures": departures,
                "receipts_musd": round(arrivals * rng.uniform(0.0011, 0.0014), 1),
            }
        )
    return pd.DataFrame(rows)


def employment(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for m in pd.date_range("2000-01-01", "2023-12-01", freq="MS"):
        y = m.year - 2000
        crisis = 1.1 if m.year in (2009, 2020) else 0.0
        season = 0.5 * np.cos((m.month - 1) / 12 * 2 * np.pi)
        unemp = round(float(4.2 - 0.05 * y + crisis + season + rng.normal(0, 0.25)), 1)
        rows.append(
            {
                "연월": m.strftime("%Y-%m"),
                "실업률": unemp,
                "고용률": round(float(58.5 + 0.12 * y - 0.6 * crisis + rng.normal(0, 0.4)), 1),
                "제조업": int(4200 + 8 * y + rng.normal(0, 60)),
                "건설업": int(1700 + 25 * y - 30 * crisis + rng.normal(0, 70) + 120 * np.sin(m.month / 2)),
                "서비스업": int(12500 + 210 * y + rng.normal(0, 150)),
            }
        )
    return pd.DataFrame(rows)


def countries(rng: np.random.Generator) -> pd.DataFrame:
    spec = {
        "Norway": ("Europe", 24000),
        "Portugal": ("Europe", 9000),
        "Poland": ("Europe", 4000),
        "Greece": ("Europe", 11000),
        "Chile": ("Americas", 3000),
        "Peru": ("Americas", 2200),
        "Canada": ("Americas", 19000),
        "Haiti": ("Americas", 900),
        "Vietnam": ("Asia", 400),
        "Japan": ("Asia", 21000),
        "Nepal": ("Asia", 300),
        "Thailand": ("Asia", 1500),
        "Kenya": ("Africa", 500),
        "Ghana": ("Africa", 450),
        "Zambia": ("Africa", 700),
        "Morocco": ("Africa", 1200),
    }
    rows = []
    for c, (region, gdp0) in spec.items():
        growth = rng.uniform(-0.03, 0.06)
        life0 = {"Europe": 74, "Americas": 68, "Asia": 64, "Africa": 52}[region] + rng.normal(0, 3)
        pop0 = rng.uniform(3, 120)
        for y in range(1987, 2008):
            k = y - 1987
            rows.append(
                {
                    "country": c,
                    "region": region,
                    "year": y,
                    "gdp_per_capita": round(gdp0 * (1 + growth) ** k * rng.normal(1, 0.04), 1),
                    "life_expectancy": round(life0 + rng.uniform(0.05, 0.4) * k + rng.normal(0, 0.5), 2),
                    "population_m": round(pop0 * (1.012**k), 2),
                }
            )
    return pd.DataFrame(rows)


def trips(rng: np.random.Generator) -> pd.DataFrame:
    weight = {"Lisbon": 0.4, "Porto": 0.25, "Braga": 0.2, "Faro": 0.1, "Evora": 0.05}
    speed = {"Lisbon": 11.0, "Porto": 12.5, "Braga": 14.0, "Faro": 13.0, "Evora": 15.5}
    n = 3000
    city = rng.choice(list(weight), size=n, p=list(weight.values()))
    start = pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 730 * 24 * 60, size=n), unit="min")
    rider = np.where(rng.random(n) < 0.62, "member", "casual")
    dist = np.round(rng.gamma(2.0, 1.6, size=n) + 0.3, 2)
    dur = np.round(dist / np.array([speed[c] for c in city]) * 60 * rng.uniform(0.8, 1.6, size=n), 1)
    fare = np.round(np.where(rider == "member", 0.8, 1.5) + dur * np.where(rider == "member", 0.05, 0.12), 2)
    return pd.DataFrame(
        {
            "trip_id": np.arange(1, n + 1),
            "city": city,
            "start_time": start.strftime("%Y-%m-%d %H:%M"),
            "rider_type": rider,
            "duration_min": dur,
            "distance_km": dist,
            "fare": fare,
        }
    ).sort_values("start_time", ignore_index=True)


if __name__ == "__main__":
    rng = np.random.default_rng(20261126)
    visitors(rng).to_csv(HERE / "visitors_monthly.csv", index=False)
    employment(rng).to_csv(HERE / "고용_월별.csv", index=False)
    countries(rng).to_csv(HERE / "country_stats.csv", index=False)
    trips(rng).to_csv(HERE / "trips.csv", index=False)
