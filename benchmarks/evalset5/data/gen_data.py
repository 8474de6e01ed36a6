"""Seeded generator of the fifth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset5/data/gen_data.py      # rewrites the three CSV files next to it

* air_daily.csv: daily air readings per monitoring station in 2023 (one row per station and
  day); some days have no row at all for a station (Mapo misses three days in August), and
  some readings are empty cells.
* site_monthly.csv: one row per building site and month, 2022-2024 (Echo opens in July 2023);
  the Delta site has no gas meter (its gas column is empty throughout).
* orders.csv: an online shop's orders in the first half of 2024, with a free-text `note` column
  whose distinct values times the distinct days happen to be close to the row count although
  (note, day) pairs repeat: the rows are orders, not notes-by-day.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def air(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2023-01-01", "2023-12-31", freq="D")
    stations = {"Gangnam": 1.25, "Mapo": 1.0, "Jongno": 1.1, "Nowon": 0.85, "Songpa": 0.95}
    gaps = {
        "Mapo": {pd.Timestamp(d) for d in ("2023-08-07", "2023-08-08", "2023-08-21", "2023-11-02")},
        "Nowon": {pd.Timestamp(d) for d in ("2023-03-15", "2023-08-30")},
    }
    rows = []
    for d in days:
        season = 1 + 0.45 * np.cos((d.day_of_year - 60) / 365 * 2 * np.pi)
        warm = 13 - 14 * np.cos((d.day_of_year - 15) / 365 * 2 * np.pi)
        for s, scale in stations.items():
            if d in gaps.get(s, ()):
                continue
            pm = max(2.0, rng.normal(24 * scale * season, 7))
            hi = warm + rng.normal(4, 2)
            lo = hi - max(1.5, rng.normal(8 + (scale - 1) * 6, 2))
            rain = max(0.0, rng.gamma(0.4, 9) - 1.5) if d.month in (6, 7, 8) else max(0.0, rng.gamma(0.3, 4) - 1)
            rows.append(
                {
                    "date": d.strftime("%Y-%m-%d"),
                    "station": s,
                    "pm25": None if rng.random() < 0.02 else round(pm, 1),
                    "temp_max": round(hi, 1),
                    "temp_min": round(lo, 1),
                    "rain_mm": round(rain, 1),
                }
            )
    return pd.DataFrame(rows)


def sites(rng: np.random.Generator) -> pd.DataFrame:
    months = pd.date_range("2022-01-01", "2024-12-01", freq="MS")
    info = {
        "Alpha": ("north", 1.2),
        "Bravo": ("north", 0.9),
        "Charlie": ("south", 1.0),
        "Delta": ("south", 0.8),
        "Echo": ("north", 1.1),
        "Foxtrot": ("south", 1.35),
    }
    rows = []
    for m in months:
        for s, (region, scale) in info.items():
            if s == "Echo" and m < pd.Timestamp("2023-07-01"):
                continue
            year_shift = {2022: 0.0, 2023: 6.0, 2024: 3.0}[m.year]
            occ = float(np.clip(rng.normal(55 + 12 * (scale - 1) * 5 + year_shift, 12), 5, 100))
            gas = None if s == "Delta" else round(rng.normal(900 * scale, 120) * (1.15 if m.year == 2023 else 0.9), 1)
            rows.append(
                {
                    "month": m.strftime("%Y-%m-%d"),
                    "site": s,
                    "region": region,
                    "occupancy": round(occ, 1),
                    "gas": gas,
                    "power": round(rng.normal(4000 * scale, 400), 1),
                    "revenue": int(occ * 1000 * scale * rng.uniform(0.9, 1.1)),
                }
            )
    return pd.DataFrame(rows)


NOTE_WORDS = ["gift wrap", "leave at door", "call first", "fragile", "no bag", "express", "office hours", "weekend"]


def orders(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2024-01-01", "2024-06-30", freq="D")
    notes = [f"{a}, {b}" for a in NOTE_WORDS for b in NOTE_WORDS if a != b][:60]
    cities = ["Seoul", "Busan", "Daegu", "Incheon", "Gwangju"]
    city_p = [0.42, 0.2, 0.15, 0.15, 0.08]
    cats = {"Books": 22, "Electronics": 180, "Home": 65, "Toys": 35, "Beauty": 40}
    n = 9800
    day_weights = np.array([1.0 + 0.3 * (d.month == 3) + 0.15 * (d.day_of_week >= 5) for d in days])
    rows = []
    for i in range(n):
        d = days[rng.choice(len(days), p=day_weights / day_weights.sum())]
        city = cities[rng.choice(5, p=city_p)]
        cat = list(cats)[rng.choice(5, p=[0.3, 0.12, 0.25, 0.18, 0.15])]
        qty = int(rng.integers(1, 5))
        amount = round(float(rng.lognormal(np.log(cats[cat]), 0.5)) * qty * (1.1 if city == "Seoul" else 1.0), 2)
        rows.append(
            {
                "order_id": f"A{100000 + i}",
                "date": d.strftime("%Y-%m-%d"),
                "city": city,
                "category": cat,
                "qty": qty,
                "amount": amount,
                "note": notes[rng.integers(len(notes))],
            }
        )
    return pd.DataFrame(rows)


def main() -> None:
    rng = np.random.default_rng(20261126)
    air(rng).to_csv(HERE / "air_daily.csv", index=False)
    sites(rng).to_csv(HERE / "site_monthly.csv", index=False)
    orders(rng).to_csv(HERE / "orders.csv", index=False)


if __name__ == "__main__":
    main()
