"""Seeded generator of the fourteenth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset14/data/gen_data.py      # rewrites the CSV files next to it

* shipments.csv: English columns, one row per parcel shipped in 2024 from ten US states:
  ship_date, state, carrier, weight_kg, shipping_cost, order_value (USD), discount (USD, 0 for
  most orders).
* store_sales_ko.csv: Korean column names, one row per sale at eight branches in 2024: 날짜, 지점,
  상품군, 매출액 (won), 판매수량, 할인액 (won, 0 for most sales).
* weather_cities.csv: English columns, one row per city (Seoul, Busan, London, Madrid) and day of
  2024: date, city, temp_high, temp_low (°C), rain_mm (0 on dry days), wind_kmh.
* cars_ko.csv: Korean column names, one row per car model: 모델, 제조사, 차종, 가격(만원),
  연비(km/L), 출력(마력); every model, price and efficiency distinct.
* arrivals_ko.csv: Korean column names, one row per month (2023-2024), nationality and purpose:
  연월, 국적, 목적, 입국자수.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def shipments(rng: np.random.Generator) -> pd.DataFrame:
    n = 1500
    states = np.array(
        ["California", "Texas", "New York", "Florida", "Illinois", "Ohio", "Georgia", "Washington", "Oregon", "Nevada"]
    )
    w = np.array([22, 17, 14, 12, 9, 8, 7, 5, 3.5, 2.5])
    st = states[rng.choice(len(states), n, p=w / w.sum())]
    carriers = np.array(["UPS", "FedEx", "DHL", "USPS"])
    days = pd.date_range("2024-01-01", "2024-12-31", freq="D")
    weight = np.round(rng.gamma(2.0, 3.0, n) + 0.2, 2)
    cost = np.round(4 + weight * rng.uniform(0.9, 1.6, n), 2)
    value = np.round(rng.lognormal(4.6, 0.7, n), 2)
    disc = np.where(rng.random(n) < 0.35, np.round(value * rng.uniform(0.05, 0.3, n), 2), 0.0)
    return (
        pd.DataFrame(
            {
                "ship_date": [days[int(i)].strftime("%Y-%m-%d") for i in rng.integers(0, len(days), n)],
                "state": st,
                "carrier": carriers[rng.choice(4, n, p=[0.35, 0.3, 0.15, 0.2])],
                "weight_kg": weight,
                "shipping_cost": cost,
                "order_value": value,
                "discount": disc,
            }
        )
        .sort_values("ship_date")
        .reset_index(drop=True)
    )


def store_sales(rng: np.random.Generator) -> pd.DataFrame:
    n = 3000
    branches = np.array(["강남점", "홍대점", "잠실점", "서면점", "동성로점", "수원점", "대전점", "광주점"])
    w = np.array([20, 16, 15, 13, 11, 10, 8, 7])
    br = branches[rng.choice(len(branches), n, p=w / w.sum())]
    kinds = np.array(["의류", "잡화", "식품", "화장품"])
    days = pd.date_range("2024-01-01", "2024-12-31", freq="D")
    qty = rng.integers(1, 6, n)
    unit = rng.choice([9900, 19900, 29900, 49900, 79900, 129000], n)
    sales = qty * unit
    disc = np.where(rng.random(n) < 0.3, (sales * rng.choice([0.1, 0.2, 0.3], n)).round(-2), 0).astype(int)
    return (
        pd.DataFrame(
            {
                "날짜": [days[int(i)].strftime("%Y-%m-%d") for i in rng.integers(0, len(days), n)],
                "지점": br,
                "상품군": kinds[rng.integers(0, 4, n)],
                "매출액": sales,
                "판매수량": qty,
                "할인액": disc,
            }
        )
        .sort_values("날짜")
        .reset_index(drop=True)
    )


def weather(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2024-01-01", "2024-12-31", freq="D")
    doy = np.arange(len(days))
    rows = []
    for city, mean, amp, wet in [
        ("Seoul", 13, 15, 0.3),
        ("Busan", 15.5, 10, 0.33),
        ("London", 11.5, 6.5, 0.45),
        ("Madrid", 15, 10, 0.18),
    ]:
        base = mean - amp * np.cos(2 * np.pi * (doy - 15) / 366)
        high = np.round(base + rng.uniform(3, 9, len(days)) + rng.normal(0, 1.5, len(days)), 1)
        low = np.round(base - rng.uniform(2, 7, len(days)) + rng.normal(0, 1.5, len(days)), 1)
        rain = np.where(rng.random(len(days)) < wet, np.round(rng.gamma(1.2, 8, len(days)) + 0.1, 1), 0.0)
        wind = np.round(rng.gamma(3, 4, len(days)), 1)
        for i, d in enumerate(days):
            rows.append((d.strftime("%Y-%m-%d"), city, high[i], low[i], rain[i], wind[i]))
    return pd.DataFrame(rows, columns=["date", "city", "temp_high", "temp_low", "rain_mm", "wind_kmh"])


def cars(rng: np.random.Generator) -> pd.DataFrame:
    makers = {
        "현대": ["아반떼", "쏘나타", "그랜저", "투싼", "싼타페", "팰리세이드", "캐스퍼", "포터"],
        "기아": ["K3", "K5", "K8", "스포티지", "쏘렌토", "모닝", "레이", "봉고"],
        "제네시스": ["G70", "G80", "G90", "GV70", "GV80"],
        "쉐보레": ["트랙스", "트레일블레이저", "말리부"],
        "르노": ["QM6", "XM3", "SM6"],
    }
    kind = {
        "캐스퍼": "경차",
        "모닝": "경차",
        "레이": "경차",
        "포터": "트럭",
        "봉고": "트럭",
        "투싼": "SUV",
        "싼타페": "SUV",
        "팰리세이드": "SUV",
        "스포티지": "SUV",
        "쏘렌토": "SUV",
        "GV70": "SUV",
        "GV80": "SUV",
        "트랙스": "SUV",
        "트레일블레이저": "SUV",
        "QM6": "SUV",
        "XM3": "SUV",
    }
    rows = []
    k = 0
    seen: set = set()
    for maker, models in makers.items():
        for m in models:
            t = kind.get(m, "세단")
            p = {"경차": 1400, "트럭": 2000, "SUV": 3600, "세단": 3200}[t] * (1.8 if maker == "제네시스" else 1.0)
            price = int(p + rng.integers(0, 1500))
            while price in seen:
                price += 7
            seen.add(price)
            eff = round(
                float({"경차": 14.5, "트럭": 9.5, "SUV": 11.0, "세단": 12.5}[t] - (price - 2500) / 2000 + k * 0.013), 3
            )
            hp = int(80 + price / 30 + k * 3)
            rows.append((m, maker, t, price, eff, hp))
            k += 1
    df = pd.DataFrame(rows, columns=["모델", "제조사", "차종", "가격(만원)", "연비(km/L)", "출력(마력)"])
    assert df["가격(만원)"].is_unique and df["연비(km/L)"].is_unique
    return df


def arrivals(rng: np.random.Generator) -> pd.DataFrame:
    months = pd.period_range("2023-01", "2024-12", freq="M")
    nat = {"중국": 90000, "일본": 70000, "미국": 40000, "대만": 30000, "베트남": 25000, "태국": 15000}
    purpose = {"관광": 0.7, "업무": 0.12, "유학": 0.06, "기타": 0.12}
    rows = []
    for m in months:
        for nname, base in nat.items():
            for pname, share in purpose.items():
                v = int(base * share * rng.uniform(0.7, 1.3) * (1 + 0.02 * (m.month - 6) ** 2 / 6))
                rows.append((str(m), nname, pname, v))
    return pd.DataFrame(rows, columns=["연월", "국적", "목적", "입국자수"])


def main() -> None:
    rng = np.random.default_rng(14)
    shipments(rng).to_csv(HERE / "shipments.csv", index=False)
    store_sales(rng).to_csv(HERE / "store_sales_ko.csv", index=False)
    weather(rng).to_csv(HERE / "weather_cities.csv", index=False)
    cars(rng).to_csv(HERE / "cars_ko.csv", index=False)
    arrivals(rng).to_csv(HERE / "arrivals_ko.csv", index=False)


if __name__ == "__main__":
    main()
