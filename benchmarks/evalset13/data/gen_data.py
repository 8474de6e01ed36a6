"""Seeded generator of the thirteenth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset13/data/gen_data.py      # rewrites the CSV files next to it

* bike_trips_ko.csv: Korean column names, one row per bike rental in the first half of 2024:
  대여일자, 대여시각 (the hour, 0-23), 구 (a Seoul district), 회원구분, 이용시간(분),
  이동거리(km), 요금(원). The rows are the uses; nothing names them.
* bus_usage_ko.csv: Korean column names, one row per day, route and hour: 날짜, 노선, 시간대
  (0-23), 이용건수 (how many uses that hour: a count column).
* weather_ko.csv: Korean column names, one row per station (Korean names: 서울, 부산, 대구, 인천,
  광주) and day of 2024: 최고기온, 최저기온, 강수량(mm), 습도(%) (0-100).
* city_orders.csv: English column names and values, one row per order of 2024 in world cities
  (New York, Los Angeles, London, Paris, Tokyo, Osaka, Sydney, Toronto): order_date, order_time
  ("HH:MM"), city, channel, revenue and cost (USD), discount (a fraction 0-0.6).
* housing_kr.csv: English column names, Korean city values (서울, 부산, 대구, 인천, 광주, 대전),
  one row per apartment sale: deal_date, city, area_m2, price_krw (in won, 1억-20억), built_year.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def bike(rng: np.random.Generator) -> pd.DataFrame:
    n = 5000
    days = pd.date_range("2024-01-01", "2024-06-30", freq="D")
    # two commuting peaks and a quiet night
    weights = np.array(
        [
            0.6,
            0.3,
            0.2,
            0.15,
            0.2,
            0.6,
            1.5,
            4.0,
            5.0,
            3.0,
            1.8,
            1.8,
            2.4,
            2.0,
            1.8,
            2.0,
            2.6,
            3.6,
            4.8,
            4.2,
            3.0,
            2.2,
            1.6,
            1.0,
        ]
    )
    hours = rng.choice(24, n, p=weights / weights.sum())
    districts = np.array(["강남구", "마포구", "송파구", "종로구", "영등포구"])
    members = np.array(["정기권", "일일권", "비회원"])
    minutes = np.clip(np.round(rng.gamma(2.0, 11.0, n)), 2, 180).astype(int)
    dist = np.round(minutes * rng.uniform(0.12, 0.22, n), 2)
    kind = members[rng.choice(3, n, p=[0.55, 0.3, 0.15])]
    fee = np.where(kind == "정기권", 0, 1000 + 1000 * (minutes // 60)) + np.where(kind == "비회원", 500, 0)
    return (
        pd.DataFrame(
            {
                "대여일자": [days[int(i)].strftime("%Y-%m-%d") for i in rng.integers(0, len(days), n)],
                "대여시각": hours,
                "구": districts[rng.integers(0, len(districts), n)],
                "회원구분": kind,
                "이용시간(분)": minutes,
                "이동거리(km)": dist,
                "요금(원)": fee,
            }
        )
        .sort_values(["대여일자", "대여시각"])
        .reset_index(drop=True)
    )


def bus(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2024-03-01", "2024-05-31", freq="D")
    routes = {"143": 1.4, "262": 1.0, "470": 1.2, "740": 0.7}
    shape = {h: 0.2 + 1.8 * np.exp(-((h - 8) ** 2) / 2) + 1.4 * np.exp(-((h - 18) ** 2) / 3) for h in range(5, 24)}
    rows = []
    for d in days:
        for route, f in routes.items():
            for h, s in shape.items():
                rows.append((d.strftime("%Y-%m-%d"), route, h, int(rng.poisson(300 * f * s))))
    return pd.DataFrame(rows, columns=["날짜", "노선", "시간대", "이용건수"])


def weather(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2024-01-01", "2024-12-31", freq="D")
    stations = {"서울": 0.0, "부산": 2.5, "대구": 1.5, "인천": -0.8, "광주": 1.0}
    rows = []
    for d in days:
        base = 13 - 14 * np.cos((d.day_of_year - 15) / 366 * 2 * np.pi)
        for name, off in stations.items():
            t = base + off + rng.normal(0, 2.5)
            tmax = round(float(t + rng.uniform(3, 8)), 1)
            tmin = round(float(t - rng.uniform(3, 8)), 1)
            rain = round(float(rng.gamma(0.6, 12.0)) if rng.random() < 0.3 else 0.0, 1)
            hum = int(np.clip(rng.normal(62 + (20 if rain > 0 else 0), 12), 15, 100))
            rows.append((d.strftime("%Y-%m-%d"), name, tmax, tmin, rain, hum))
    return pd.DataFrame(rows, columns=["날짜", "지점", "최고기온", "최저기온", "강수량(mm)", "습도(%)"])


def orders(rng: np.random.Generator) -> pd.DataFrame:
    n = 4000
    cities = np.array(["New York", "Los Angeles", "London", "Paris", "Tokyo", "Osaka", "Sydney", "Toronto"])
    start = pd.Timestamp("2024-01-01")
    minute = np.clip(rng.normal(14 * 60, 300, n), 0, 24 * 60 - 1).astype(int)
    revenue = np.round(rng.lognormal(6.6, 0.8, n), 2)
    cost = np.round(revenue * rng.uniform(0.5, 1.3, n), 2)
    return (
        pd.DataFrame(
            {
                "order_date": [
                    (start + pd.Timedelta(days=int(d))).strftime("%Y-%m-%d") for d in rng.integers(0, 366, n)
                ],
                "order_time": [f"{m // 60:02d}:{m % 60:02d}" for m in minute],
                "city": cities[rng.integers(0, len(cities), n)],
                "channel": np.array(["online", "store"])[rng.integers(0, 2, n)],
                "revenue": revenue,
                "cost": cost,
                "discount": np.round(rng.choice([0.0, 0.1, 0.2, 0.3, 0.5, 0.6], n), 2),
            }
        )
        .sort_values(["order_date", "order_time"])
        .reset_index(drop=True)
    )


def housing(rng: np.random.Generator) -> pd.DataFrame:
    n = 3000
    cities = {"서울": 9.0, "부산": 4.0, "대구": 3.5, "인천": 4.2, "광주": 3.0, "대전": 3.3}
    names = np.array(list(cities))
    city = names[rng.choice(len(names), n, p=[0.3, 0.18, 0.14, 0.16, 0.1, 0.12])]
    area = np.round(rng.uniform(39, 135, n), 1)
    level = pd.Series(city).map(cities).to_numpy()
    price = (np.round(level * area / 84 * rng.uniform(0.6, 1.5, n) * 1e8, -6)).astype(np.int64)
    start = pd.Timestamp("2023-01-01")
    return pd.DataFrame(
        {
            "deal_date": [(start + pd.Timedelta(days=int(d))).strftime("%Y-%m-%d") for d in rng.integers(0, 730, n)],
            "city": city,
            "area_m2": area,
            "price_krw": np.clip(price, 100_000_000, 2_000_000_000),
            "built_year": rng.integers(1985, 2024, n),
        }
    )


if __name__ == "__main__":
    rng = np.random.default_rng(20261127)
    for name, frame in {
        "bike_trips_ko.csv": bike(rng),
        "bus_usage_ko.csv": bus(rng),
        "weather_ko.csv": weather(rng),
        "city_orders.csv": orders(rng),
        "housing_kr.csv": housing(rng),
    }.items():
        frame.to_csv(HERE / name, index=False, encoding="utf-8")
        print(name, frame.shape)
