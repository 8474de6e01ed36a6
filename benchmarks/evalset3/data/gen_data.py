"""Seeded generator of the third evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset3/data/gen_data.py      # rewrites the three CSV files next to it

* cafe_sales.csv: a coffee chain's daily sales per branch and item, Jan-Jun 2025; the Campus
  branch did not report on three days (those days have no rows at all).
* company_finance.csv: yearly revenue, profit and head count of twelve companies, 2019-2024.
* hospital_ko.csv (CP949): daily patients, waiting time and revenue per clinic and department in
  2024, Korean columns and values; 분당센터 has no rows on four days.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def cafe(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2025-01-01", "2025-06-30", freq="D")
    weather = rng.choice(["sunny", "cloudy", "rainy"], size=len(days), p=[0.5, 0.3, 0.2])
    branches = {"Harbor": 1.3, "Old Town": 1.0, "Campus": 0.8, "Station": 1.15}
    items = {"Latte": (4.8, 60), "Americano": (3.9, 70), "Cold Brew": (5.2, 35), "Tea": (3.2, 25), "Scone": (3.5, 30)}
    closed = {pd.Timestamp("2025-02-14"), pd.Timestamp("2025-04-03"), pd.Timestamp("2025-05-21")}
    rows = []
    for d, w in zip(days, weather):
        for b, scale in branches.items():
            if b == "Campus" and d in closed:
                continue
            discount = "Y" if rng.random() < 0.15 else "N"
            for it, (price, base) in items.items():
                season = 1 + 0.25 * np.sin((d.day_of_year - 30) / 365 * 2 * np.pi)
                mean = base * scale * season * (0.8 if w == "rainy" else 1.0) * (1.2 if discount == "Y" else 1)
                if it == "Cold Brew":
                    mean *= 0.6 + d.month / 6
                cups = int(rng.poisson(mean))
                sales = round(cups * price * (0.85 if discount == "Y" else 1.0), 2)
                rows.append(
                    {
                        "date": d.strftime("%Y-%m-%d"),
                        "branch": b,
                        "item": it,
                        "cups": cups,
                        "sales": sales,
                        "baristas": int(rng.integers(2, 6)),
                        "weather": w,
                        "discount": discount,
                    }
                )
    return pd.DataFrame(rows)


def companies(rng: np.random.Generator) -> pd.DataFrame:
    names = {
        "Nimbus Corp": "USA",
        "Orion Labs": "USA",
        "Kestrel AG": "Germany",
        "Tanuki KK": "Japan",
        "Borealis Oy": "Finland",
        "Vela Systems": "USA",
        "Marlin SA": "France",
        "Hanbit Co": "Korea",
        "Quokka Pty": "Australia",
        "Ibis GmbH": "Germany",
        "Sakura Denki": "Japan",
        "Fjord AS": "Norway",
    }
    rows = []
    for c, country in names.items():
        rev = rng.uniform(80, 900)
        emp = int(rng.uniform(200, 6000))
        growth = rng.uniform(-0.05, 0.18)
        for y in range(2019, 2025):
            rev *= 1 + growth + rng.normal(0, 0.06)
            emp = max(50, int(emp * (1 + growth / 2 + rng.normal(0, 0.03))))
            margin = rng.normal(0.08, 0.09)
            rows.append(
                {
                    "company": c,
                    "country": country,
                    "year": y,
                    "revenue_musd": round(rev, 1),
                    "profit_musd": round(rev * margin, 1),
                    "employees": emp,
                }
            )
    return pd.DataFrame(rows)


def hospital(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2024-01-01", "2024-12-31", freq="D")
    clinics = {"강남센터": 1.4, "분당센터": 1.0, "일산센터": 0.75}
    depts = {
        "내과": (45, 25, 38000),
        "소아과": (30, 35, 29000),
        "정형외과": (25, 30, 52000),
        "피부과": (18, 20, 61000),
        "안과": (15, 15, 44000),
    }
    closed = {pd.Timestamp(x) for x in ("2024-03-01", "2024-06-06", "2024-08-15", "2024-10-09")}
    rows = []
    for d in days:
        flu = 1 + 0.5 * np.cos((d.day_of_year - 15) / 366 * 2 * np.pi)
        for c, scale in clinics.items():
            if c == "분당센터" and d in closed:
                continue
            for dept, (base, wait, fee) in depts.items():
                mean = base * scale * (flu if dept in ("내과", "소아과") else 1) * (0.5 if d.day_of_week == 6 else 1)
                patients = int(rng.poisson(mean))
                rows.append(
                    {
                        "진료일": d.strftime("%Y-%m-%d"),
                        "병원명": c,
                        "진료과": dept,
                        "환자수": patients,
                        "대기시간(분)": round(max(3, rng.normal(wait * scale, 6)), 1),
                        "진료수익(원)": int(patients * fee * rng.uniform(0.9, 1.1)),
                    }
                )
    return pd.DataFrame(rows)


def main() -> None:
    rng = np.random.default_rng(20261126)
    cafe(rng).to_csv(HERE / "cafe_sales.csv", index=False)
    companies(rng).to_csv(HERE / "company_finance.csv", index=False)
    hospital(rng).to_csv(HERE / "hospital_ko.csv", index=False, encoding="cp949")


if __name__ == "__main__":
    main()
