"""Seeded generator of the seventeenth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset17/data/gen_data.py      # rewrites the CSV files next to it

* hotel_bookings.csv: one row per booking of two hotels, 2023-2024, shaped like the public
  hotel-booking demand data: booking_id, hotel (City Hotel / Resort Hotel), arrival_date,
  lead_time (days), nights, adults, children, country (ISO-3 codes), market_segment, adr (average
  daily rate, EUR), is_canceled (0/1).
* library_loans.csv: one row per loan of a city library's four branches, 2023-2024: loan_id,
  borrower_id, borrower_age, branch, genre, loan_date, due_date, return_date (empty while the book
  is out), late_fee.
* 농산물_생산.csv: Korean column and file names, yearly crop statistics by province as a
  statistics office publishes them: 연도 (2015-2023), 도, 작물, 재배면적_ha, 생산량_톤.
* 전력사용량.csv: Korean column names, hourly smart-meter readings of three households through
  2024: 일시 ("2024-01-01 00:00"), 가구 (H01-H03), 사용량_kWh, 기온.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def hotel(rng: np.random.Generator) -> pd.DataFrame:
    n = 4200
    hotels = rng.choice(["City Hotel", "Resort Hotel"], n, p=[0.62, 0.38])
    days = pd.date_range("2023-01-01", "2024-12-31", freq="D")
    season = 1 + 0.6 * np.sin((days.day_of_year.to_numpy() - 100) / 365 * 2 * np.pi)
    arrival = rng.choice(days, n, p=season / season.sum())
    countries = ["PRT", "GBR", "FRA", "ESP", "DEU", "ITA", "KOR", "USA", "NLD", "BRA"]
    country = rng.choice(countries, n, p=[0.3, 0.15, 0.12, 0.1, 0.09, 0.07, 0.05, 0.05, 0.04, 0.03])
    segment = rng.choice(
        ["Online TA", "Offline TA/TO", "Direct", "Corporate", "Groups"], n, p=[0.45, 0.2, 0.15, 0.08, 0.12]
    )
    lead = rng.gamma(1.5, 45, n).round().astype(int)
    nights = np.clip(rng.poisson(3, n) + (hotels == "Resort Hotel") * rng.poisson(2, n), 1, 21)
    adults = rng.choice([1, 2, 2, 2, 3, 4], n)
    children = rng.choice([0, 0, 0, 0, 1, 2], n)
    month = pd.DatetimeIndex(arrival).month.to_numpy()
    adr = (
        np.where(hotels == "City Hotel", 95, 80) * (1 + 0.35 * np.isin(month, [7, 8])) * rng.uniform(0.7, 1.4, n)
    ).round(2)
    p_cancel = np.clip(0.15 + lead / 600 + (segment == "Groups") * 0.1, 0, 0.9)
    canceled = (rng.random(n) < p_cancel).astype(int)
    frame = pd.DataFrame(
        {
            "booking_id": np.arange(100001, 100001 + n),
            "hotel": hotels,
            "arrival_date": pd.DatetimeIndex(arrival).strftime("%Y-%m-%d"),
            "lead_time": lead,
            "nights": nights,
            "adults": adults,
            "children": children,
            "country": country,
            "market_segment": segment,
            "adr": adr,
            "is_canceled": canceled,
        }
    )
    return frame.sort_values(["arrival_date", "booking_id"]).reset_index(drop=True)


def library(rng: np.random.Generator) -> pd.DataFrame:
    n = 5000
    branches = rng.choice(["Central", "Eastside", "Harbor", "Hillcrest"], n, p=[0.4, 0.25, 0.2, 0.15])
    genres = ["Fiction", "Mystery", "Science", "History", "Children", "Comics", "Cookbooks"]
    borrowers = rng.integers(1, 900, n)
    ages = {b: int(rng.choice([rng.integers(7, 18), rng.integers(18, 85)], p=[0.25, 0.75])) for b in range(1, 900)}
    age = np.array([ages[b] for b in borrowers])
    genre = np.where(
        age < 13,
        rng.choice(["Children", "Comics", "Fiction"], n),
        rng.choice(genres, n, p=[0.28, 0.18, 0.12, 0.12, 0.05, 0.1, 0.15]),
    )
    loan = pd.Timestamp("2023-01-02") + pd.to_timedelta(rng.integers(0, 730, n), unit="D")
    due = loan + pd.Timedelta(days=21)
    kept = rng.gamma(2.2, 8.5, n).round().astype(int)
    returned = loan + pd.to_timedelta(kept, unit="D")
    out = returned > pd.Timestamp("2024-12-31")
    late_days = np.maximum((returned - due).days.to_numpy(), 0)
    fee = np.where(out, 0.0, np.minimum(late_days * 0.25, 10.0)).round(2)
    frame = pd.DataFrame(
        {
            "loan_id": [f"L{i:05d}" for i in range(1, n + 1)],
            "borrower_id": [f"B{b:04d}" for b in borrowers],
            "borrower_age": age,
            "branch": branches,
            "genre": genre,
            "loan_date": loan.strftime("%Y-%m-%d"),
            "due_date": due.strftime("%Y-%m-%d"),
            "return_date": np.where(out, "", returned.strftime("%Y-%m-%d")),
            "late_fee": fee,
        }
    )
    return frame.sort_values(["loan_date", "loan_id"]).reset_index(drop=True)


def crops(rng: np.random.Generator) -> pd.DataFrame:
    provinces = ["경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주"]
    yields = {"쌀": 5.2, "보리": 3.4, "콩": 1.9, "감자": 24.0, "고구마": 19.0, "배추": 65.0}
    base_area = {"쌀": 80000, "보리": 3000, "콩": 6000, "감자": 2500, "고구마": 2400, "배추": 1600}
    strength = {p: {c: float(rng.uniform(0.2, 1.6)) for c in yields} for p in provinces}
    strength["전남"]["쌀"], strength["강원"]["감자"], strength["강원"]["배추"] = 1.9, 2.6, 2.4
    strength["제주"]["쌀"], strength["제주"]["보리"] = 0.02, 1.1
    rows = []
    for year in range(2015, 2024):
        for p in provinces:
            for c, y in yields.items():
                area = base_area[c] * strength[p][c] * (1 - 0.012 * (year - 2015)) * rng.uniform(0.9, 1.1)
                weather = 0.85 if (year == 2020 and c in ("쌀", "배추")) else 1.0
                produced = area * y * weather * rng.uniform(0.9, 1.1)
                rows.append((year, p, c, int(round(area)), int(round(produced))))
    return pd.DataFrame(rows, columns=["연도", "도", "작물", "재배면적_ha", "생산량_톤"])


def power(rng: np.random.Generator) -> pd.DataFrame:
    hours = pd.date_range("2024-01-01 00:00", "2024-12-31 23:00", freq="h")
    doy = hours.day_of_year.to_numpy()
    hour = hours.hour.to_numpy()
    temp = (13 - 14 * np.cos((doy - 15) / 366 * 2 * np.pi) + 4 * np.sin((hour - 9) / 24 * 2 * np.pi)).round(1)
    frames = []
    for house, scale in [("H01", 1.0), ("H02", 1.45), ("H03", 0.7)]:
        daily = np.where((hour >= 18) & (hour <= 22), 1.0, np.where((hour >= 0) & (hour <= 5), 0.25, 0.5))
        weekend = hours.day_of_week.to_numpy() >= 5
        cooling = np.maximum(temp - 26, 0) * 0.12 + np.maximum(5 - temp, 0) * 0.05
        use = (
            scale
            * (daily * (1.15 if house != "H03" else 1.0) + 0.2 * weekend + cooling)
            * rng.uniform(0.8, 1.2, len(hours))
        )
        use = use.round(3)
        away = rng.random(len(hours)) < 0.01  # metering gaps or an empty home: 0
        use[away] = 0.0
        frames.append(
            pd.DataFrame(
                {
                    "일시": hours.strftime("%Y-%m-%d %H:%M"),
                    "가구": house,
                    "사용량_kWh": use,
                    "기온": (temp + rng.normal(0, 0.3, len(hours))).round(1),
                }
            )
        )
    return pd.concat(frames, ignore_index=True).sort_values(["일시", "가구"]).reset_index(drop=True)


def main() -> None:
    rng = np.random.default_rng(20261127)
    hotel(rng).to_csv(HERE / "hotel_bookings.csv", index=False)
    library(rng).to_csv(HERE / "library_loans.csv", index=False)
    crops(rng).to_csv(HERE / "농산물_생산.csv", index=False, encoding="utf-8")
    power(rng).to_csv(HERE / "전력사용량.csv", index=False, encoding="utf-8")


if __name__ == "__main__":
    main()
