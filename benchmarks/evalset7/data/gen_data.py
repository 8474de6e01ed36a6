"""Seeded generator of the seventh evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset7/data/gen_data.py      # rewrites the CSV files next to it

Periods are written as text, the way exported reports write them:
* branch_monthly.csv: one row per branch (지점) and month, Korean column names, the month written
  "2021년 1월" (기준월), 2021-2023.
* gdp_quarterly.csv: one row per country and quarter, the quarter written "1995Q1"; Chile has no
  row at all in 1998-1999.
* taxi_trips.csv: one row per taxi trip in May-June 2024, with a pickup timestamp to the second.
* rain_monthly.csv: one row per city and month, the month written "2015-01", 2015-2022.
* kr_quarter.csv: one row per business unit (부문) and quarter, the quarter written "2019년 1분기".
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def branches(rng: np.random.Generator) -> pd.DataFrame:
    scale = {"강남점": 1.4, "홍대점": 1.1, "부산점": 0.9, "대구점": 0.75}
    staff = {"강남점": 14, "홍대점": 11, "부산점": 9, "대구점": 7}
    rows = []
    for m in pd.date_range("2021-01-01", "2023-12-01", freq="MS"):
        season = 1 + 0.25 * np.sin((m.month - 3) / 12 * 2 * np.pi) + 0.08 * (m.year - 2021)
        for b, s in scale.items():
            visitors = int(rng.normal(3000 * s * season, 250))
            rows.append(
                {
                    "기준월": f"{m.year}년 {m.month}월",
                    "지점": b,
                    "매출": int(visitors * rng.uniform(0.9, 1.1) * 0.45),
                    "방문객수": visitors,
                    "직원수": int(staff[b] + rng.integers(-2, 3)),
                }
            )
    return pd.DataFrame(rows)


def gdp(rng: np.random.Generator) -> pd.DataFrame:
    base = {"Korea": (4.5, 3.6), "Japan": (1.0, 4.0), "Chile": (3.8, 7.5)}
    rows = []
    for q in pd.period_range("1995Q1", "2019Q4", freq="Q"):
        for c, (g, u) in base.items():
            if c == "Chile" and q.year in (1998, 1999):
                continue
            shock = -5.5 if (q.year == 2009 and q.quarter <= 2) or (q.year == 1998 and c == "Korea") else 0.0
            rows.append(
                {
                    "quarter": f"{q.year}Q{q.quarter}",
                    "country": c,
                    "gdp_growth": round(g - 0.05 * (q.year - 1995) + shock + rng.normal(0, 1.3), 2),
                    "unemployment": round(u + 1.5 * np.sin((q.year - 1995) / 4) + rng.normal(0, 0.4), 2),
                }
            )
    return pd.DataFrame(rows)


def taxi(rng: np.random.Generator) -> pd.DataFrame:
    start = pd.Timestamp("2024-05-01")
    seconds = 61 * 24 * 3600
    hour_w = np.array([3, 2, 1.5, 1, 0.8, 1, 2, 4, 6, 5, 4, 4, 4.5, 4, 4, 4.5, 5, 6, 7.5, 7, 6, 5.5, 5, 4])
    n = 4000
    hours = rng.choice(24, n, p=hour_w / hour_w.sum())
    days = rng.integers(0, 61, n)
    secs = rng.integers(1, 3600, n)  # never on the hour exactly
    t = start + pd.to_timedelta(days * 86400 + hours * 3600 + secs, unit="s")
    zones = rng.choice(["Downtown", "Airport", "Harbor", "University", "Midtown"], n, p=[0.35, 0.1, 0.15, 0.2, 0.2])
    dist = np.round(rng.gamma(2.0, 2.5, n) + np.where(zones == "Airport", 12, 0), 2)
    night = (hours >= 22) | (hours < 5)
    fare = np.round(3.5 + dist * 1.9 * np.where(night, 1.2, 1.0) + rng.normal(0, 1, n), 2)
    tip = np.round(np.clip(fare * rng.uniform(0, 0.25, n), 0, None), 2)
    frame = pd.DataFrame(
        {
            "trip_id": [f"T{200000 + i}" for i in range(n)],
            "pickup_time": t.strftime("%Y-%m-%d %H:%M:%S"),
            "zone": zones,
            "distance_km": dist,
            "fare": fare,
            "tip": tip,
            "passengers": rng.integers(1, 5, n),
        }
    )
    assert seconds > 0
    return frame.sort_values("pickup_time").reset_index(drop=True)


def rain(rng: np.random.Generator) -> pd.DataFrame:
    cities = {"Seoul": (12.5, 1.0), "Busan": (14.8, 1.1), "Daejeon": (13.0, 0.95)}
    rows = []
    for m in pd.date_range("2015-01-01", "2022-12-01", freq="MS"):
        wet = {6: 1.4, 7: 3.5, 8: 2.9, 9: 1.5}.get(m.month, 0.45)
        for c, (t, r) in cities.items():
            rows.append(
                {
                    "ym": m.strftime("%Y-%m"),
                    "city": c,
                    "avg_temp": round(t - 14 * np.cos((m.month - 1) / 12 * 2 * np.pi) + rng.normal(0, 1.2), 1),
                    "rain_mm": round(max(0.0, rng.gamma(3, 40 * wet * r * rng.uniform(0.8, 1.25) / 3 * 3)), 1),
                }
            )
    return pd.DataFrame(rows)


def units(rng: np.random.Generator) -> pd.DataFrame:
    scale = {"가전": 320, "모바일": 410, "부품": 180}
    rows = []
    for q in pd.period_range("2018Q1", "2023Q4", freq="Q"):
        for u, s in scale.items():
            rows.append(
                {
                    "분기": f"{q.year}년 {q.quarter}분기",
                    "부문": u,
                    "매출액": round(
                        s * (1 + 0.05 * (q.year - 2018)) * (1 + 0.12 * (q.quarter == 4)) * rng.uniform(0.85, 1.15), 1
                    ),
                    "영업이익": round(s * 0.1 * rng.uniform(0.3, 1.5), 1),
                }
            )
    return pd.DataFrame(rows)


def main() -> None:
    rng = np.random.default_rng(20261126 + 7)
    branches(rng).to_csv(HERE / "branch_monthly.csv", index=False)
    gdp(rng).to_csv(HERE / "gdp_quarterly.csv", index=False)
    taxi(rng).to_csv(HERE / "taxi_trips.csv", index=False)
    rain(rng).to_csv(HERE / "rain_monthly.csv", index=False)
    units(rng).to_csv(HERE / "kr_quarter.csv", index=False)


if __name__ == "__main__":
    main()
