"""Seeded generator of the twelfth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset12/data/gen_data.py      # rewrites the CSV files next to it

* orders.csv: one row per order of 2022-2024 with two dates (order_date, ship_date 1-9 days later),
  customer (60 names, 3-12 orders each), region, category, sales (USD), quantity, carrier and
  delivery (On time / Late).
* weather_stations.csv: one row per station and day of 2023 (five stations, so five rows a day):
  rain_mm (0 on dry days), temp_max, wind_kmh.
* members.csv: one row per gym member: member_id, birth_date (1950-2003), join_date (2019-2024),
  plan, monthly_fee, visits (visits last year).
* 가게매출.csv: Korean column names, one row per shop and month of 2023-2024: 가게 (shop names),
  지역, 업종, 개업연도 (a year, 1995-2021), 날짜 (first day of the month), 매출액 (만원), 방문객수.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def orders(rng: np.random.Generator) -> pd.DataFrame:
    first = "Alder Birch Cedar Dune Ember Fjord Grove Harbor Iris Juniper Kestrel Lumen".split()
    last = "Trading Supply Works Partners Labs".split()
    customers = [f"{a} {b}" for a in first for b in last]
    rows = []
    oid = 1000
    start = pd.Timestamp("2022-01-01")
    for c in customers:
        scale = rng.uniform(0.5, 2.0)
        for _ in range(int(rng.integers(3, 13))):
            oid += int(rng.integers(1, 4))
            od = start + pd.Timedelta(days=int(rng.integers(0, 1096)))
            sd = od + pd.Timedelta(days=int(rng.integers(1, 10)))
            carrier = rng.choice(["UPS", "FedEx", "DHL", "USPS"], p=[0.35, 0.3, 0.15, 0.2])
            late_p = {"UPS": 0.12, "FedEx": 0.18, "DHL": 0.3, "USPS": 0.22}[carrier]
            rows.append(
                {
                    "order_id": f"SO-{oid}",
                    "order_date": od.date().isoformat(),
                    "ship_date": sd.date().isoformat(),
                    "customer": c,
                    "region": rng.choice(["East", "West", "Central", "South"]),
                    "category": rng.choice(["Furniture", "Office Supplies", "Technology"], p=[0.3, 0.45, 0.25]),
                    "sales": round(float(rng.gamma(2.0, 120.0) * scale * (3.0 if carrier == "DHL" else 1.0)), 2),
                    "quantity": int(rng.integers(1, 15)),
                    "carrier": carrier,
                    "delivery": "Late" if rng.random() < late_p else "On time",
                }
            )
    return pd.DataFrame(rows).sort_values("order_date", kind="stable").reset_index(drop=True)


def weather(rng: np.random.Generator) -> pd.DataFrame:
    stations = {"Hilltop": 0.0, "Harbor": 2.5, "Airport": 1.0, "Riverside": 1.5, "Valley": 3.0}
    days = pd.date_range("2023-01-01", "2023-12-31", freq="D")
    rows = []
    for d in days:
        season = 12 + 14 * np.sin((d.day_of_year - 105) / 365 * 2 * np.pi)
        wet_day = rng.random() < 0.3
        for s, warm in stations.items():
            rain = float(rng.gamma(1.5, 6.0)) if (wet_day and rng.random() < 0.7) or rng.random() < 0.05 else 0.0
            rows.append(
                {
                    "station": s,
                    "date": d.date().isoformat(),
                    "rain_mm": round(rain, 1),
                    "temp_max": round(season + warm + rng.normal(0, 3), 1),
                    "wind_kmh": round(abs(rng.normal(14, 7)), 1),
                }
            )
    return pd.DataFrame(rows)


def members(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    fees = {"Basic": 29.0, "Plus": 49.0, "Premium": 79.0}
    for i in range(420):
        plan = rng.choice(list(fees), p=[0.5, 0.3, 0.2])
        birth = pd.Timestamp("1950-01-01") + pd.Timedelta(days=int(rng.integers(0, 19700)))
        join = pd.Timestamp("2019-01-01") + pd.Timedelta(days=int(rng.integers(0, 2190)))
        rows.append(
            {
                "member_id": f"M{i + 1:04d}",
                "birth_date": birth.date().isoformat(),
                "join_date": join.date().isoformat(),
                "plan": plan,
                "monthly_fee": fees[plan] - (5.0 if rng.random() < 0.2 else 0.0),
                "visits": int(rng.poisson({"Basic": 45, "Plus": 60, "Premium": 110}[plan])),
            }
        )
    return pd.DataFrame(rows)


def shops(rng: np.random.Generator) -> pd.DataFrame:
    names = (
        "하늘 바다 들꽃 소나무 은행 달빛 햇살 구름 별빛 노을 이슬 나무 "
        "물결 산들 바람 단풍 봄날 여름 가을 겨울 새벽 한빛 푸른 초록"
    ).split()
    kinds = {"카페": 1.0, "분식": 0.7, "베이커리": 0.9, "한식": 1.3}
    regions = ["서울", "부산", "대구", "광주"]
    months = pd.date_range("2023-01-01", "2024-12-01", freq="MS")
    rows = []
    for i, n in enumerate(names):
        kind = list(kinds)[i % 4]
        region = regions[int(rng.integers(0, 4))]
        opened = int(rng.integers(1995, 2022))
        base = rng.uniform(800, 2600) * kinds[kind]
        for m in months:
            season = 1 + 0.15 * np.sin((m.month - 3) / 12 * 2 * np.pi)
            sales = base * season * rng.uniform(0.8, 1.2)
            rows.append(
                {
                    "가게": f"{n}{kind}",
                    "지역": region,
                    "업종": kind,
                    "개업연도": opened,
                    "날짜": m.date().isoformat(),
                    "매출액": int(round(sales)),
                    "방문객수": int(round(sales / rng.uniform(0.9, 1.4))),
                }
            )
    return pd.DataFrame(rows)


def main() -> None:
    rng = np.random.default_rng(1214)
    orders(rng).to_csv(HERE / "orders.csv", index=False)
    weather(rng).to_csv(HERE / "weather_stations.csv", index=False)
    members(rng).to_csv(HERE / "members.csv", index=False)
    shops(rng).to_csv(HERE / "가게매출.csv", index=False)


if __name__ == "__main__":
    main()
