"""Seeded generator of the eleventh evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset11/data/gen_data.py      # rewrites the CSV files next to it

* cars_ko.csv: Korean column names, one row per car model on sale: 모델명, 제조국 (한국, 일본,
  유럽, 미국, 기타), 차종, 가격(만원), 연비 (km/L), 판매대수, and 판매지역(시도) a column named with
  a parenthetical alias.
* subway_hourly.csv: Korean column names, one row per day of 2024, hour (시간, 5..23) and line
  (호선, values written with their counter: "1호선" .. "4호선"): 승차인원, 하차인원.
* air_daily.csv: one row per district and day of 2023-2024: pm10, its grade (등급: 좋음 < 보통 <
  나쁨 < 매우나쁨, cut from pm10 at 30/80/150 as Korea's forecast grades are), the day's lowest and
  highest temperature (often below zero in winter).
* shipments.csv: one row per parcel in 2024 with its ship date and time of day (HH:MM), carrier,
  origin state (two-letter codes), weight_kg, cost_usd, cost_per_kg and a late flag (True/False).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def cars(rng: np.random.Generator) -> pd.DataFrame:
    makers = {"한국": 0.95, "일본": 1.05, "유럽": 1.6, "미국": 1.25, "기타": 0.8}
    kinds = {"세단": (3200, 13.5), "SUV": (4200, 11.0), "해치백": (2500, 15.5), "트럭": (3800, 9.0)}
    regions = ["서울", "경기", "부산", "대구", "인천"]
    rows = []
    n = 0
    for maker, pf in makers.items():
        for kind, (base, eff) in kinds.items():
            for _ in range(int(rng.integers(3, 7))):
                n += 1
                rows.append(
                    {
                        "모델명": f"M{n:03d}",
                        "제조국": maker,
                        "차종": kind,
                        "가격(만원)": int(round(base * pf * rng.uniform(0.7, 1.4), -1)),
                        "연비": round(float(eff * rng.uniform(0.8, 1.25) / (pf**0.3)), 1),
                        "판매대수": int(rng.integers(50, 5000)),
                        "판매지역(시도)": regions[int(rng.integers(0, len(regions)))],
                    }
                )
    return pd.DataFrame(rows)


def subway(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2024-01-01", "2024-12-31", freq="D")
    hours = np.arange(5, 24)
    lines = {"1호선": 1.0, "2호선": 2.2, "3호선": 1.3, "4호선": 1.1}
    # rush hours peak; evenings taper off
    shape = {h: 0.3 + 1.6 * np.exp(-((h - 8) ** 2) / 2) + 1.3 * np.exp(-((h - 18.5) ** 2) / 3) for h in hours}
    rows = []
    for d in days:
        weekend = d.day_of_week >= 5
        season = 1 + 0.1 * np.sin((d.month - 3) / 12 * 2 * np.pi)
        for h in hours:
            for line, lf in lines.items():
                mean = 900 * lf * shape[h] * season * (0.6 if weekend else 1.0)
                on = int(rng.poisson(mean))
                off = int(rng.poisson(mean * rng.uniform(0.85, 1.15)))
                rows.append((d.strftime("%Y-%m-%d"), int(h), line, on, off))
    return pd.DataFrame(rows, columns=["날짜", "시간", "호선", "승차인원", "하차인원"])


def air(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2023-01-01", "2024-12-31", freq="D")
    districts = {"Jongno": 1.15, "Mapo": 1.0, "Gangnam": 1.05, "Nowon": 0.9}
    rows = []
    for d in days:
        doy = d.day_of_year
        temp = 12.5 - 15 * np.cos((doy - 15) / 365 * 2 * np.pi)
        spring = 1 + 0.6 * np.exp(-(((doy - 80) / 30) ** 2))
        for name, f in districts.items():
            pm10 = float(np.round(rng.gamma(2.2, 22) * f * spring, 0))
            grade = "좋음" if pm10 <= 30 else "보통" if pm10 <= 80 else "나쁨" if pm10 <= 150 else "매우나쁨"
            t = temp + rng.normal(0, 3)
            tmin = round(float(t - rng.uniform(3, 7)), 1)
            tmax = round(float(t + rng.uniform(3, 7)), 1)
            rows.append((d.strftime("%Y-%m-%d"), name, pm10, grade, tmin, tmax))
    return pd.DataFrame(rows, columns=["date", "district", "pm10", "등급", "temp_min", "temp_max"])


def shipments(rng: np.random.Generator) -> pd.DataFrame:
    n = 4000
    start = pd.Timestamp("2024-01-01")
    day = rng.integers(0, 366, n)
    minute = np.clip(rng.normal(14 * 60, 240, n), 0, 24 * 60 - 1).astype(int)
    carriers = np.array(["UPS", "FedEx", "DHL", "USPS"])
    states = np.array(["CA", "TX", "NY", "WA", "IL", "FL", "GA"])
    weight = np.round(rng.gamma(2.0, 4.0, n) + 0.2, 2)
    carrier = carriers[rng.integers(0, 4, n)]
    rate = pd.Series(carrier).map({"UPS": 2.1, "FedEx": 2.4, "DHL": 2.8, "USPS": 1.6}).to_numpy()
    cost = np.round(4 + weight * rate * rng.uniform(0.85, 1.15, n), 2)
    late = rng.random(n) < np.where(minute >= 20 * 60, 0.3, 0.12)
    frame = pd.DataFrame(
        {
            "ship_date": [(start + pd.Timedelta(days=int(d))).strftime("%Y-%m-%d") for d in day],
            "ship_time": [f"{m // 60:02d}:{m % 60:02d}" for m in minute],
            "carrier": carrier,
            "origin_state": states[rng.integers(0, len(states), n)],
            "weight_kg": weight,
            "cost_usd": cost,
            "cost_per_kg": np.round(cost / weight, 2),
            "late": late,
        }
    )
    return frame.sort_values(["ship_date", "ship_time"]).reset_index(drop=True)


if __name__ == "__main__":
    rng = np.random.default_rng(20261126)
    for name, frame in {
        "cars_ko.csv": cars(rng),
        "subway_hourly.csv": subway(rng),
        "air_daily.csv": air(rng),
        "shipments.csv": shipments(rng),
    }.items():
        frame.to_csv(HERE / name, index=False, encoding="utf-8")
        print(name, frame.shape)
