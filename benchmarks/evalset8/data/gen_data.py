"""Seeded generator of the eighth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset8/data/gen_data.py      # rewrites the CSV files next to it

Values are written the way their sources write them, which is often not how people ask:
* visitor_survey.csv: one row per survey respondent; English columns; the respondent's
  nationality written domestic/foreign, the trip's purpose business/tourism/family/study, the
  city visited in Latin letters (Seoul, Busan, Jeju, Gyeongju, Jeonju).
* subway_daily.csv: one row per station and day (Jan-Mar 2024); Korean columns; station names in
  Hangul (강남, 잠실, ...), boardings and alightings as two counts (승차인원, 하차인원), the day's
  mean temperature (평균기온, below zero on many January days).
* company_results.csv: one row per company and year (2015-2023); English columns; Korean
  companies written in Latin letters (Samsung, Hyundai, Naver, ...); operating profit and the
  stock's yearly return both go below zero in some years.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def survey(rng: np.random.Generator) -> pd.DataFrame:
    n = 640
    cities = ["Seoul", "Busan", "Jeju", "Gyeongju", "Jeonju"]
    purposes = ["business", "tourism", "family", "study"]
    nationality = rng.choice(["domestic", "foreign"], n, p=[0.62, 0.38])
    purpose = rng.choice(purposes, n, p=[0.25, 0.5, 0.17, 0.08])
    city = rng.choice(cities, n, p=[0.34, 0.24, 0.2, 0.12, 0.1])
    nights = rng.integers(0, 9, n)
    spend = np.round(rng.lognormal(5.6, 0.5, n) * (1 + 0.4 * (nationality == "foreign")) + 35 * nights, 0)
    return pd.DataFrame(
        {
            "respondent_id": [f"R{1000 + k}" for k in range(n)],
            "survey_date": pd.Timestamp("2024-04-01") + pd.to_timedelta(rng.integers(0, 150, n), unit="D"),
            "nationality": nationality,
            "purpose": purpose,
            "city": city,
            "nights": nights,
            "spending_usd": spend,
            "satisfaction": rng.integers(1, 6, n),
        }
    ).assign(survey_date=lambda d: d["survey_date"].dt.strftime("%Y-%m-%d"))


def subway(rng: np.random.Generator) -> pd.DataFrame:
    stations = {
        "강남": ("2호선", 1.6),
        "잠실": ("2호선", 1.3),
        "홍대입구": ("2호선", 1.2),
        "신촌": ("2호선", 0.8),
        "서울역": ("1호선", 1.4),
        "여의도": ("5호선", 0.9),
        "광화문": ("5호선", 0.7),
    }
    rows = []
    for d in pd.date_range("2024-01-01", "2024-03-31"):
        temp = round(float(-4 + 0.14 * (d.day_of_year) + rng.normal(0, 3.2)), 1)
        weekday = d.day_of_week < 5
        for name, (line, scale) in stations.items():
            base = 40000 * scale * (1 if weekday else 0.65)
            rows.append(
                {
                    "날짜": d.strftime("%Y-%m-%d"),
                    "역명": name,
                    "호선": line,
                    "승차인원": int(rng.normal(base, base * 0.06)),
                    "하차인원": int(rng.normal(base * 0.97, base * 0.06)),
                    "평균기온": temp,
                }
            )
    return pd.DataFrame(rows)


def companies(rng: np.random.Generator) -> pd.DataFrame:
    firms = {
        "Samsung": ("electronics", 2400),
        "Hyundai": ("automotive", 1100),
        "LG": ("electronics", 650),
        "Naver": ("internet", 60),
        "Kakao": ("internet", 45),
        "Lotte": ("retail", 150),
        "Posco": ("steel", 600),
        "Coupang": ("retail", 180),
        "Celltrion": ("biotech", 20),
    }
    rows = []
    for firm, (sector, size) in firms.items():
        level = size
        for y in range(2015, 2024):
            level *= float(rng.uniform(0.93, 1.15))
            margin = float(rng.normal(0.06, 0.07)) - (0.12 if firm == "Coupang" and y < 2021 else 0)
            rows.append(
                {
                    "company": firm,
                    "sector": sector,
                    "year": y,
                    "revenue": round(level, 1),
                    "operating_profit": round(level * margin, 1),
                    "stock_return_pct": round(float(rng.normal(4, 22)), 1),
                }
            )
    return pd.DataFrame(rows)


def main() -> None:
    rng = np.random.default_rng(20261126)
    survey(rng).to_csv(HERE / "visitor_survey.csv", index=False)
    subway(rng).to_csv(HERE / "subway_daily.csv", index=False)
    companies(rng).to_csv(HERE / "company_results.csv", index=False)
    names = ("visitor_survey.csv", "subway_daily.csv", "company_results.csv")
    (HERE / "datasets.json").write_text(json.dumps({n: {"encoding": "utf-8"} for n in names}, indent=2) + "\n")


if __name__ == "__main__":
    main()
