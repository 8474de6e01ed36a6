"""Seeded generator of the twenty-first evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset21/data/gen_data.py      # rewrites the CSV files next to it

Shaped like public tables people learn and work with (the values are generated, not copied):

* penguins.csv: the Palmer penguins layout: species, island, bill_length_mm, bill_depth_mm,
  flipper_length_mm, body_mass_g, sex (some missing), year (2007-2009).
* tips.csv: the restaurant tips layout: total_bill, tip, sex, smoker (Yes/No), day (Thur-Sun),
  time (Lunch/Dinner), size.
* 공공자전거_이용정보.csv: Korean names, a city bike share's daily usage per station, group and
  age band, shaped like Seoul's open data: 대여일자, 대여소명, 성별 (M/F), 연령대 (20대...),
  이용건수, 이동거리(M), 이용시간(분).
* 아파트_실거래가.csv: Korean names, apartment sales as the land ministry publishes them:
  시군구, 단지명, 전용면적(㎡), 계약년월 (202301), 계약일, 거래금액(만원) (written "82,500"), 층,
  건축년도.
* taxi_trips.csv: city taxi trips: pickup_datetime, dropoff_datetime, passenger_count,
  trip_distance (miles), payment_type (Credit card / Cash / No charge / Dispute), fare_amount,
  tip_amount, total_amount, borough.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def penguins(rng: np.random.Generator) -> pd.DataFrame:
    spec = {  # species: islands, bill length, bill depth, flipper, mass
        "Adelie": (["Torgersen", "Biscoe", "Dream"], 38.8, 18.3, 190, 3700),
        "Chinstrap": (["Dream"], 48.8, 18.4, 196, 3730),
        "Gentoo": (["Biscoe"], 47.5, 15.0, 217, 5080),
    }
    rows = []
    for species, n in (("Adelie", 152), ("Chinstrap", 68), ("Gentoo", 124)):
        islands, bl, bd, fl, bm = spec[species]
        for _ in range(n):
            sex = rng.choice(["male", "female"])
            k = 1.06 if sex == "male" else 0.94
            rows.append(
                {
                    "species": species,
                    "island": rng.choice(islands),
                    "bill_length_mm": round(rng.normal(bl * (1 + (k - 1) / 3), 2.4), 1),
                    "bill_depth_mm": round(rng.normal(bd * (1 + (k - 1) / 3), 0.9), 1),
                    "flipper_length_mm": int(round(rng.normal(fl * (1 + (k - 1) / 5), 6))),
                    "body_mass_g": int(round(rng.normal(bm * k, 330) / 25) * 25),
                    "sex": sex if rng.random() > 0.03 else None,
                    "year": int(rng.choice([2007, 2008, 2009])),
                }
            )
    df = pd.DataFrame(rows)
    gone = rng.choice(len(df), 2, replace=False)  # two birds measured not at all, as in the original
    for c in ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"):
        df[c] = df[c].astype("float64")
        df.loc[gone, c] = np.nan
    df["flipper_length_mm"] = df["flipper_length_mm"].astype("Int64")
    df["body_mass_g"] = df["body_mass_g"].astype("Int64")
    return df


def tips(rng: np.random.Generator) -> pd.DataFrame:
    n = 244
    day = rng.choice(["Thur", "Fri", "Sat", "Sun"], n, p=[0.25, 0.08, 0.35, 0.32])
    time = np.where(day == "Thur", np.where(rng.random(n) < 0.9, "Lunch", "Dinner"), "Dinner")
    time = np.where((day == "Fri") & (rng.random(n) < 0.35), "Lunch", time)
    size = np.clip(rng.poisson(1.6, n) + 1, 1, 6)
    bill = np.round(np.clip(rng.gamma(4, 2.2, n) + size * 2.5, 3, 55), 2)
    smoker = rng.choice(["Yes", "No"], n, p=[0.38, 0.62])
    rate = np.clip(rng.normal(0.155, 0.05, n) + (smoker == "Yes") * rng.normal(0, 0.04, n), 0.04, 0.45)
    tip = np.round(np.maximum(bill * rate, 1.0), 2)
    sex = rng.choice(["Male", "Female"], n, p=[0.64, 0.36])
    return pd.DataFrame(
        {"total_bill": bill, "tip": tip, "sex": sex, "smoker": smoker, "day": day, "time": time, "size": size}
    )


def bikes(rng: np.random.Generator) -> pd.DataFrame:
    stations = ["여의나루역 1번출구", "뚝섬유원지역 1번출구", "합정역 7번출구", "마포구민체육센터 앞", "잠실역 8번출구"]
    days = pd.date_range("2024-04-01", "2024-06-30", freq="D")
    rows = []
    for d in days:
        weekend = d.day_of_week >= 5
        for s_i, s in enumerate(stations):
            for sex in ("M", "F"):
                for age in ("10대", "20대", "30대", "40대", "50대", "60대"):
                    if rng.random() < 0.35:
                        continue
                    base = {"10대": 2, "20대": 9, "30대": 7, "40대": 5, "50대": 3, "60대": 1.5}[age]
                    n = int(rng.poisson(base * (1.6 if weekend else 1.0) * (1.3 if s_i < 2 else 1.0)))
                    if n == 0:
                        continue
                    dist = float(np.round(n * rng.gamma(3, 900), 2))
                    mins = int(round(n * rng.gamma(3, 9)))
                    rows.append([d.strftime("%Y-%m-%d"), s, sex, age, n, dist, mins])
    return pd.DataFrame(
        rows, columns=["대여일자", "대여소명", "성별", "연령대", "이용건수", "이동거리(M)", "이용시간(분)"]
    )


def apartments(rng: np.random.Generator) -> pd.DataFrame:
    districts = {  # 시군구: complexes, price per m2 (만원)
        "서울특별시 강남구 대치동": (["은마", "래미안대치팰리스", "대치아이파크"], 2400),
        "서울특별시 노원구 상계동": (["주공7단지", "상계벽산", "수락리버시티"], 780),
        "서울특별시 마포구 아현동": (["마포래미안푸르지오", "공덕자이"], 1550),
        "경기도 성남시 분당구 정자동": (["느티마을3단지", "한솔마을5단지", "정든마을"], 1250),
        "부산광역시 해운대구 우동": (["해운대자이", "센텀파크"], 820),
    }
    rows = []
    months = [202301 + i for i in range(12)] + [202401 + i for i in range(12)]
    for _ in range(900):
        sgg = rng.choice(list(districts))
        names, per = districts[sgg]
        area = float(rng.choice([39.6, 59.9, 84.9, 84.97, 114.8, 134.5], p=[0.1, 0.3, 0.35, 0.1, 0.1, 0.05]))
        ym = int(rng.choice(months))
        price = int(round(area * per * rng.normal(1 + (ym > 202400) * 0.04, 0.08) / 100) * 100)
        rows.append(
            [
                sgg,
                rng.choice(names),
                area,
                ym,
                int(rng.integers(1, 29)),
                f"{price:,}",
                int(rng.integers(1, 35)),
                int(rng.integers(1979, 2021)),
            ]
        )
    return pd.DataFrame(
        rows, columns=["시군구", "단지명", "전용면적(㎡)", "계약년월", "계약일", "거래금액(만원)", "층", "건축년도"]
    )


def taxi(rng: np.random.Generator) -> pd.DataFrame:
    n = 5000
    start = pd.Timestamp("2024-03-01").value // 10**9
    pickup = pd.to_datetime(np.sort(rng.integers(start, start + 61 * 86400, n)), unit="s")
    dist = np.round(np.clip(rng.gamma(1.6, 1.9, n), 0.1, 40), 2)
    minutes = np.clip(dist * rng.normal(4.2, 1.0, n) + rng.gamma(2, 2, n), 1, 180)
    dropoff = pickup + pd.to_timedelta(np.round(minutes * 60), unit="s")
    pay = rng.choice(["Credit card", "Cash", "No charge", "Dispute"], n, p=[0.74, 0.22, 0.025, 0.015])
    fare = np.round(3.0 + dist * 2.5 + minutes * 0.5, 2)
    tip = np.where(pay == "Credit card", np.round(fare * np.clip(rng.normal(0.2, 0.06, n), 0, 0.5), 2), 0.0)
    total = np.round(fare + tip + 1.0, 2)
    boroughs = rng.choice(
        ["Manhattan", "Brooklyn", "Queens", "Bronx", "Staten Island"], n, p=[0.7, 0.12, 0.13, 0.04, 0.01]
    )
    passengers = rng.choice([1, 2, 3, 4, 5, 6], n, p=[0.7, 0.15, 0.05, 0.03, 0.04, 0.03])
    fmt = "%Y-%m-%d %H:%M:%S"
    return pd.DataFrame(
        {
            "pickup_datetime": pickup.strftime(fmt),
            "dropoff_datetime": dropoff.strftime(fmt),
            "passenger_count": passengers,
            "trip_distance": dist,
            "payment_type": pay,
            "fare_amount": fare,
            "tip_amount": tip,
            "total_amount": total,
            "borough": boroughs,
        }
    )


def main() -> None:
    rng = np.random.default_rng(21)
    penguins(rng).to_csv(HERE / "penguins.csv", index=False)
    tips(rng).to_csv(HERE / "tips.csv", index=False)
    bikes(rng).to_csv(HERE / "공공자전거_이용정보.csv", index=False)
    apartments(rng).to_csv(HERE / "아파트_실거래가.csv", index=False)
    taxi(rng).to_csv(HERE / "taxi_trips.csv", index=False)


if __name__ == "__main__":
    main()
