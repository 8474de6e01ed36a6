"""Seeded generator of the ninth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset9/data/gen_data.py      # rewrites the CSV files next to it

* store_sales.csv: one row per store, category and month (2022-01 .. 2024-12): units sold, the
  average unit price, revenue and the store's staff that month. Stores grow or shrink from year
  to year at different rates, so "which store fell the most" has one answer.
* station_daily.csv: Korean column names, one row per station (측정소) and day in 2023-2024:
  highest and lowest temperature, rain and PM10 (미세먼지). A few rows carry a sensor error
  (최저기온 above 최고기온), as real exports do.
* deliveries.csv: one row per order in 2023-2024 with its order, promised and delivered dates
  (empty when cancelled), city, status, weight, fee and a late flag (Y/N) that agrees with the
  dates.
* apt_deals.csv: Korean column names, one row per apartment sale with its district (구) and year
  (연도, a plain year column), price in 만원, floor area in ㎡ and floor.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def store_sales(rng: np.random.Generator) -> pd.DataFrame:
    # yearly growth per store: some fall, some rise, at different rates in different years
    growth = {
        "Northgate": (1.00, 0.86, 1.05),
        "Riverside": (1.00, 1.07, 1.18),
        "Old Town": (1.00, 0.95, 0.90),
        "Harbor": (1.00, 1.12, 0.97),
        "Westfield": (1.00, 1.02, 1.09),
    }
    base = {"Northgate": 1.3, "Riverside": 1.0, "Old Town": 0.8, "Harbor": 1.1, "Westfield": 0.9}
    price = {"Electronics": 420.0, "Clothing": 55.0, "Grocery": 12.0}
    volume = {"Electronics": 60, "Clothing": 400, "Grocery": 2200}
    rows = []
    for m in pd.date_range("2022-01-01", "2024-12-01", freq="MS"):
        k = m.year - 2022
        season = 1 + 0.2 * np.sin((m.month - 4) / 12 * 2 * np.pi)
        for s, g in growth.items():
            level = base[s] * float(np.prod(g[: k + 1]))
            staff = int(round(8 * base[s] + rng.integers(-1, 2)))
            for c in price:
                units = int(rng.normal(volume[c] * level * season, volume[c] * 0.08))
                p = round(float(price[c] * rng.uniform(0.9, 1.1)), 2)
                rows.append(
                    {
                        "month": m.strftime("%Y-%m"),
                        "store": s,
                        "category": c,
                        "units": units,
                        "price": p,
                        "revenue": round(units * p, 2),
                        "staff": staff,
                    }
                )
    return pd.DataFrame(rows)


def stations(rng: np.random.Generator) -> pd.DataFrame:
    offset = {"종로": (0.0, 10.0), "강릉": (-1.5, -15.0), "대전": (0.5, 0.0), "부산": (1.5, -5.0)}
    wet = {"종로": 1.0, "강릉": 1.3, "대전": 0.9, "부산": 1.2}
    rows = []
    for d in pd.date_range("2023-01-01", "2024-12-31"):
        season = -np.cos((d.day_of_year - 15) / 365 * 2 * np.pi)
        yearly = 0.8 if d.year == 2024 else 0.0
        for s, (t, pm) in offset.items():
            hi = round(float(17 + 14 * season + t + yearly + rng.normal(0, 3)), 1)
            lo = round(float(hi - rng.uniform(5, 14)), 1)
            if rng.random() < 0.004:  # a sensor error
                lo = round(hi + rng.uniform(0.5, 3), 1)
            rain = (
                0.0
                if rng.random() < 0.68
                else round(
                    float(rng.gamma(1.2, 9 * wet[s] * (1.25 if d.year == 2024 and s in ("강릉", "대전") else 1.0))), 1
                )
            )
            pm10 = int(max(5, rng.normal(48 + pm - 12 * season, 22)))
            rows.append(
                {
                    "날짜": d.strftime("%Y-%m-%d"),
                    "측정소": s,
                    "최고기온": hi,
                    "최저기온": lo,
                    "강수량": rain,
                    "미세먼지": pm10,
                }
            )
    return pd.DataFrame(rows)


def deliveries(rng: np.random.Generator) -> pd.DataFrame:
    n = 1800
    cities = ["Seoul", "Busan", "Incheon", "Daegu", "Gwangju"]
    late_p = {"Seoul": 0.12, "Busan": 0.2, "Incheon": 0.15, "Daegu": 0.25, "Gwangju": 0.1}
    days = pd.date_range("2023-01-01", "2024-12-31")
    rows = []
    for k in range(n):
        city = str(rng.choice(cities, p=[0.36, 0.22, 0.18, 0.14, 0.10]))
        order = pd.Timestamp(rng.choice(days))
        if k % 3 == 0 and order.year == 2023 and city == "Daegu":
            order = order + pd.Timedelta(days=366)  # Daegu grows in 2024
        promised = order + pd.Timedelta(days=int(rng.integers(1, 5)))
        status = str(rng.choice(["delivered", "cancelled", "returned"], p=[0.86, 0.09, 0.05]))
        weight = round(float(rng.gamma(2.0, 2.5)) + 0.2, 1)
        fee = round(2500 + 380 * weight + float(rng.normal(0, 300)), -1)
        if status == "cancelled":
            delivered, late = "", "N"
        else:
            shift = int(rng.integers(1, 4)) if rng.random() < late_p[city] else -int(rng.integers(0, 3))
            d = promised + pd.Timedelta(days=shift)
            delivered, late = d.strftime("%Y-%m-%d"), "Y" if d > promised else "N"
        rows.append(
            {
                "order_id": f"O{20000 + k}",
                "order_date": order.strftime("%Y-%m-%d"),
                "promised_date": promised.strftime("%Y-%m-%d"),
                "delivered_date": delivered,
                "city": city,
                "status": status,
                "weight_kg": weight,
                "fee": fee,
                "late": late,
            }
        )
    return pd.DataFrame(rows).sort_values("order_date", kind="stable").reset_index(drop=True)


def apartments(rng: np.random.Generator) -> pd.DataFrame:
    level = {"강남구": 2.1, "마포구": 1.35, "노원구": 0.75, "송파구": 1.7, "은평구": 0.85}
    trend = {"강남구": 0.06, "마포구": 0.04, "노원구": -0.03, "송파구": 0.02, "은평구": 0.01}
    volume = {"강남구": 60, "마포구": 45, "노원구": 70, "송파구": 55, "은평구": 40}
    rows = []
    for year in range(2019, 2025):
        for g in level:
            n = int(volume[g] * (1 + 0.15 * np.sin(year + len(g) * 1.7)) + rng.integers(-6, 7))
            for _ in range(n):
                area = round(float(rng.choice([59.9, 74.5, 84.9, 101.2, 114.8])) + float(rng.normal(0, 0.5)), 1)
                per_m2 = 1100 * level[g] * (1 + trend[g]) ** (year - 2019) * rng.uniform(0.85, 1.15)
                rows.append(
                    {
                        "구": g,
                        "연도": year,
                        "거래가격": int(round(area * per_m2, -1)),
                        "전용면적": area,
                        "층": int(rng.integers(1, 26)),
                    }
                )
    return pd.DataFrame(rows)


def main() -> None:
    rng = np.random.default_rng(2026_11_26)
    store_sales(rng).to_csv(HERE / "store_sales.csv", index=False)
    stations(rng).to_csv(HERE / "station_daily.csv", index=False)
    deliveries(rng).to_csv(HERE / "deliveries.csv", index=False)
    apartments(rng).to_csv(HERE / "apt_deals.csv", index=False)


if __name__ == "__main__":
    main()
