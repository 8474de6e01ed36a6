"""Seeded generator of the fourth evaluation set's datasets (none is bundled with Vista, none is
derived from the bundled examples).

    python benchmarks/evalset4/data/gen_data.py      # rewrites the three CSV files next to it

* shop_monthly.csv: an online shop's monthly revenue and orders per region and category,
  2015-01..2024-12; the month is a text column written "2019-01" (no date type).
* tourism_ko.csv (CP949): monthly visitors and tourism income of five Korean destinations,
  1995-2024, with Korean column names and values and the period in two integer columns (연도, 월).
* city_air.csv: daily air quality, temperature and rain of five cities, 2021-2024.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def shop(rng: np.random.Generator) -> pd.DataFrame:
    regions = {"North": 1.0, "South": 1.25, "East": 0.85, "West": 1.1}
    categories = {"Grocery": (52000, 1400), "Apparel": (38000, 610), "Electronics": (91000, 240), "Home": (27000, 330)}
    rows = []
    for period in pd.period_range("2015-01", "2024-12", freq="M"):
        trend = 1 + 0.04 * (period.year - 2015)
        season = 1 + 0.18 * np.sin((period.month - 3) / 12 * 2 * np.pi)
        for region, scale in regions.items():
            for category, (base, orders) in categories.items():
                lift = 1.35 if category == "Electronics" and period.month in (11, 12) else 1.0
                revenue = base * scale * trend * season * lift * rng.normal(1, 0.08)
                rows.append(
                    {
                        "month": str(period),
                        "region": region,
                        "category": category,
                        "revenue": round(float(revenue), 2),
                        "orders": int(orders * scale * trend * season * lift * rng.normal(1, 0.1)),
                        "return_rate": round(float(np.clip(rng.normal(0.06, 0.02), 0.005, 0.2)), 3),
                    }
                )
    return pd.DataFrame(rows)


def tourism(rng: np.random.Generator) -> pd.DataFrame:
    places = {
        "제주": (310000, 52000),
        "부산": (180000, 34000),
        "강릉": (95000, 6000),
        "경주": (120000, 9000),
        "전주": (70000, 4000),
    }
    rows = []
    for year in range(1995, 2025):
        growth = 1 + 0.025 * (year - 1995)
        covid = 0.45 if year in (2020, 2021) else 1.0
        for month in range(1, 13):
            season = 1 + 0.3 * np.sin((month - 4) / 12 * 2 * np.pi) + (0.25 if month == 8 else 0)
            for place, (domestic, foreign) in places.items():
                d = int(domestic * growth * season * covid * rng.normal(1, 0.07))
                f = int(foreign * growth**1.4 * season * (0.15 if covid < 1 else 1) * rng.normal(1, 0.1))
                rows.append(
                    {
                        "연도": year,
                        "월": month,
                        "지역": place,
                        "내국인방문객(명)": d,
                        "외국인방문객(명)": f,
                        "관광수입(억원)": round((d * 0.00009 + f * 0.0004) * rng.normal(1, 0.05), 1),
                        "평균기온(℃)": round(
                            float(13 + 11 * np.sin((month - 4) / 12 * 2 * np.pi) + rng.normal(0, 1.2)), 1
                        ),
                    }
                )
    return pd.DataFrame(rows)


def air(rng: np.random.Generator) -> pd.DataFrame:
    cities = {
        "Seoul": (24, 12.5, 1.0),
        "Busan": (18, 15.0, 1.2),
        "Daegu": (22, 14.5, 0.8),
        "Incheon": (26, 12.8, 0.95),
        "Gwangju": (20, 14.0, 1.1),
    }
    rows = []
    for day in pd.date_range("2021-01-01", "2024-12-31", freq="D"):
        season = np.cos((day.day_of_year - 15) / 365.25 * 2 * np.pi)  # 1 in January, -1 in July
        for city, (pm, temp, wet) in cities.items():
            pm25 = max(2.0, rng.gamma(4, pm * (1 + 0.35 * season) / 4))
            rain = float(rng.exponential(9 * wet * (1.6 - season))) if rng.random() < 0.3 else 0.0
            rows.append(
                {
                    "date": day.strftime("%Y-%m-%d"),
                    "city": city,
                    "pm25": round(float(pm25), 1),
                    "pm10": round(float(pm25 * rng.uniform(1.4, 2.2)), 1),
                    "temp_c": round(float(temp - 13.5 * season + rng.normal(0, 2.8)), 1),
                    "rain_mm": round(rain, 1),
                }
            )
    return pd.DataFrame(rows)


def main() -> None:
    rng = np.random.default_rng(2026_11_26)
    shop(rng).to_csv(HERE / "shop_monthly.csv", index=False)
    tourism(rng).to_csv(HERE / "tourism_ko.csv", index=False, encoding="cp949")
    air(rng).to_csv(HERE / "city_air.csv", index=False)


if __name__ == "__main__":
    main()
