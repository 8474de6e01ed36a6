"""Seeded generator of the twentieth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset20/data/gen_data.py      # rewrites the CSV files next to it

* clinic_visits.csv: one row per outpatient visit of three clinics, 2023-2024: visit_id,
  visit_date, clinic (North/South/West), department, patient_age, insured (Yes/No),
  wait_minutes, consult_fee, lab_fee, drug_fee, follow_up (True/False).
* basketball_games.csv: one row per game of a six-team league, seasons 2021-2023: season,
  game_date, home_team, away_team, home_points, away_points, attendance.
* 택배_배송.csv: Korean column and file names, one row per parcel: 주문번호, 주문일, 지역,
  택배사, 무게_kg, 배송일수, 배송비, 포장비, 파손여부 (Y/N), 반품 (0/1).
* 지역_감염병.csv: Korean names, yearly cases of an infectious disease by province as a health
  agency publishes them: 연도 (2019-2023), 시도, 인구, 확진자수, 사망자수.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def clinic(rng: np.random.Generator) -> pd.DataFrame:
    n = 2400
    days = pd.date_range("2023-01-01", "2024-12-31", freq="D")
    date = rng.choice(days, n)
    clinics = rng.choice(["North", "South", "West"], n, p=[0.45, 0.35, 0.2])
    dept = rng.choice(["Cardiology", "Pediatrics", "Orthopedics", "Dermatology"], n, p=[0.25, 0.3, 0.25, 0.2])
    age = np.where(dept == "Pediatrics", rng.integers(0, 17, n), rng.integers(18, 90, n))
    insured = rng.choice(["Yes", "No"], n, p=[0.78, 0.22])
    wait = np.clip(rng.gamma(2.0, 12, n) + (clinics == "North") * 8, 1, 180).round().astype(int)
    consult = np.where(dept == "Cardiology", 120, np.where(dept == "Orthopedics", 95, 70)) * rng.uniform(0.9, 1.2, n)
    lab = np.where(rng.random(n) < 0.55, rng.uniform(20, 160, n), 0.0)
    drug = np.where(rng.random(n) < 0.7, rng.uniform(5, 90, n), 0.0)
    follow = rng.random(n) < np.where(dept == "Cardiology", 0.6, 0.3)
    frame = pd.DataFrame(
        {
            "visit_id": np.arange(50001, 50001 + n),
            "visit_date": pd.DatetimeIndex(date).strftime("%Y-%m-%d"),
            "clinic": clinics,
            "department": dept,
            "patient_age": age,
            "insured": insured,
            "wait_minutes": wait,
            "consult_fee": consult.round(2),
            "lab_fee": lab.round(2),
            "drug_fee": drug.round(2),
            "follow_up": follow,
        }
    )
    return frame.sort_values(["visit_date", "visit_id"]).reset_index(drop=True)


def basketball(rng: np.random.Generator) -> pd.DataFrame:
    teams = ["Hawks", "Comets", "Wolves", "Pilots", "Rangers", "Tides"]
    strength = {"Hawks": 6, "Comets": 3, "Wolves": 0, "Pilots": -2, "Rangers": 1, "Tides": -4}
    crowd = {"Hawks": 15000, "Comets": 12000, "Wolves": 9000, "Pilots": 8000, "Rangers": 11000, "Tides": 7000}
    rows = []
    for season, growth in [(2021, 0.7), (2022, 1.0), (2023, 1.12)]:
        start = pd.Timestamp(f"{season}-10-15")
        k = 0
        for _ in range(2):
            for h in teams:
                for a in teams:
                    if h == a:
                        continue
                    date = start + pd.Timedelta(days=int(k * 2.5))
                    k += 1
                    hp = int(rng.normal(104 + strength[h] + 3, 10))
                    ap = int(rng.normal(104 + strength[a], 10))
                    if hp == ap:
                        hp += 1
                    att = int(crowd[h] * growth * rng.uniform(0.85, 1.1))
                    rows.append((season, date.strftime("%Y-%m-%d"), h, a, hp, ap, att))
    return pd.DataFrame(
        rows, columns=["season", "game_date", "home_team", "away_team", "home_points", "away_points", "attendance"]
    )


def parcels(rng: np.random.Generator) -> pd.DataFrame:
    n = 3000
    days = pd.date_range("2023-01-01", "2024-12-31", freq="D")
    date = rng.choice(days, n)
    region = rng.choice(["서울", "부산", "대구", "광주", "제주"], n, p=[0.4, 0.2, 0.15, 0.15, 0.1])
    carrier = rng.choice(["한진", "대한통운", "롯데", "우체국"], n, p=[0.25, 0.35, 0.2, 0.2])
    weight = rng.gamma(2.0, 1.6, n).round(1) + 0.1
    days_taken = (
        1
        + rng.poisson(0.8, n)
        + (region == "제주") * rng.integers(1, 3, n)
        + (carrier == "우체국") * (rng.random(n) < 0.3)
    )
    fee = (3000 + weight * 350 + (region == "제주") * 3000).round(-1)
    pack = np.where(weight > 5, 1000, 500)
    damaged = np.where(rng.random(n) < np.where(carrier == "롯데", 0.06, 0.03), "Y", "N")
    returned = (rng.random(n) < 0.08).astype(int)
    frame = pd.DataFrame(
        {
            "주문번호": [f"P{i:06d}" for i in range(1, n + 1)],
            "주문일": pd.DatetimeIndex(date).strftime("%Y-%m-%d"),
            "지역": region,
            "택배사": carrier,
            "무게_kg": weight.round(1),
            "배송일수": days_taken.astype(int),
            "배송비": fee.astype(int),
            "포장비": pack,
            "파손여부": damaged,
            "반품": returned,
        }
    )
    return frame.sort_values(["주문일", "주문번호"]).reset_index(drop=True)


def disease(rng: np.random.Generator) -> pd.DataFrame:
    pops = {
        "서울": 9_500_000,
        "부산": 3_300_000,
        "대구": 2_380_000,
        "인천": 2_950_000,
        "광주": 1_440_000,
        "대전": 1_450_000,
        "강원": 1_530_000,
        "제주": 670_000,
    }
    rate = {p: float(rng.uniform(20, 70)) for p in pops}
    rate["제주"] = 95.0
    rows = []
    for year, wave in [(2019, 1.0), (2020, 1.6), (2021, 2.3), (2022, 1.4), (2023, 0.9)]:
        for p, pop in pops.items():
            people = int(pop * (1 + 0.004 * (year - 2019) * (1 if p in ("인천", "제주") else -1)))
            cases = int(people / 100_000 * rate[p] * wave * rng.uniform(0.85, 1.15))
            deaths = int(cases * rng.uniform(0.004, 0.012))
            rows.append((year, p, people, cases, deaths))
    return pd.DataFrame(rows, columns=["연도", "시도", "인구", "확진자수", "사망자수"])


if __name__ == "__main__":
    rng = np.random.default_rng(20)
    clinic(rng).to_csv(HERE / "clinic_visits.csv", index=False)
    basketball(rng).to_csv(HERE / "basketball_games.csv", index=False)
    parcels(rng).to_csv(HERE / "택배_배송.csv", index=False)
    disease(rng).to_csv(HERE / "지역_감염병.csv", index=False)
