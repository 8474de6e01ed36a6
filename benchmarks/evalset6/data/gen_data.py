"""Seeded generator of the sixth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset6/data/gen_data.py      # rewrites the four CSV files next to it

Places and organisations are written the way real publishers write them, not the way people
ask about them:

* wb_tourism.csv: yearly tourism figures per country, 2010-2023, shaped like the World Bank's
  World Development Indicators: `Country Name` in its statistical spelling ("Korea, Rep.",
  "Egypt, Arab Rep.", "Bahamas, The", "Viet Nam", "Russian Federation", both Congos),
  `Country Code` (ISO alpha-3), international arrivals and departures, receipts in US$ millions.
* state_labor.csv: monthly labour statistics per US state, 2022-2024, shaped like the BLS's:
  `state` as two-letter postal codes (DC included), nonfarm payrolls in thousands, the
  unemployment rate, average hourly earnings, the labour force in thousands.
* foreign_residents.csv: registered foreign residents of Korean regions by nationality and year,
  2019-2023, shaped like Korean statistics: `region` in Korean (서울, 경기), `nationality` in the
  English statistical names ("Viet Nam", "Russian Federation"), residents, workers, students.
* shop_orders.csv: an online shop's orders in 2023-2024, one row per order: the destination
  state written out in full ("New York", "Washington"), the carrier's full name ("United Parcel
  Service", "United States Postal Service", "DHL Express"), the amount and the number of items.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent

COUNTRIES = {  # World Bank name: (ISO alpha-3, scale of arrivals in millions)
    "Korea, Rep.": ("KOR", 14.0),
    "Japan": ("JPN", 20.0),
    "China": ("CHN", 55.0),
    "Viet Nam": ("VNM", 12.0),
    "Russian Federation": ("RUS", 24.0),
    "United States": ("USA", 72.0),
    "Egypt, Arab Rep.": ("EGY", 11.0),
    "Bahamas, The": ("BHS", 1.6),
    "Iran, Islamic Rep.": ("IRN", 6.0),
    "Turkiye": ("TUR", 38.0),
    "Congo, Dem. Rep.": ("COD", 0.3),
    "Congo, Rep.": ("COG", 0.2),
    "Thailand": ("THA", 30.0),
    "France": ("FRA", 85.0),
    "Hong Kong SAR, China": ("HKG", 27.0),
    "Czechia": ("CZE", 11.0),
}

STATES = {  # postal code: scale of payrolls (thousands)
    "CA": 17500,
    "TX": 13500,
    "NY": 9600,
    "FL": 9500,
    "IL": 6100,
    "PA": 6100,
    "OH": 5600,
    "GA": 4800,
    "WA": 3600,
    "MA": 3700,
    "NC": 4900,
    "DC": 780,
    "MI": 4400,
    "AZ": 3100,
}

SHIP_STATES = ["California", "New York", "Texas", "Florida", "Washington", "Illinois", "Georgia", "Massachusetts"]
CARRIERS = ["United Parcel Service", "United States Postal Service", "DHL Express", "Federal Express"]


def tourism(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for name, (code, scale) in COUNTRIES.items():
        for year in range(2010, 2024):
            covid = 0.25 if year in (2020, 2021) else (0.6 if year == 2022 else 1.0)
            growth = 1 + 0.04 * (year - 2010)
            arrivals = scale * 1e6 * growth * covid * rng.uniform(0.9, 1.1)
            rows.append(
                {
                    "Country Name": name,
                    "Country Code": code,
                    "Year": year,
                    "arrivals": int(arrivals),
                    "departures": int(arrivals * rng.uniform(0.5, 1.4)),
                    "receipts_usd_mn": round(arrivals * rng.uniform(600, 1400) / 1e6, 1),
                }
            )
    return pd.DataFrame(rows)


def labor(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    months = pd.date_range("2022-01-01", "2024-12-01", freq="MS")
    for code, scale in STATES.items():
        base_rate = rng.uniform(2.8, 5.5)
        wage = rng.uniform(28, 42)
        for k, m in enumerate(months):
            rows.append(
                {
                    "state": code,
                    "month": m.strftime("%Y-%m-%d"),
                    "nonfarm_payrolls": round(scale * (1 + 0.0015 * k) * rng.uniform(0.995, 1.005), 1),
                    "unemployment_rate": round(base_rate + rng.normal(0, 0.3) - 0.01 * k, 1),
                    "avg_hourly_earnings": round(wage * (1 + 0.003 * k) + rng.normal(0, 0.2), 2),
                    "labor_force": round(scale * 1.55 * rng.uniform(0.99, 1.01), 1),
                }
            )
    return pd.DataFrame(rows)


def orders(rng: np.random.Generator) -> pd.DataFrame:
    n = 2400
    days = pd.date_range("2023-01-01", "2024-12-31", freq="D")
    weights = np.array([0.26, 0.18, 0.16, 0.12, 0.09, 0.08, 0.06, 0.05])
    return pd.DataFrame(
        {
            "order_id": [f"SO-{100000 + k}" for k in range(n)],
            "order_date": rng.choice(days, n).astype("datetime64[ns]").astype(str),
            "ship_state": rng.choice(SHIP_STATES, n, p=weights / weights.sum()),
            "carrier": rng.choice(CARRIERS, n, p=[0.4, 0.3, 0.2, 0.1]),
            "amount": np.round(rng.lognormal(4.0, 0.55, n), 2),
            "items": rng.integers(1, 8, n),
        }
    )


NATIONALITIES = {  # the nationality column's English statistical names: scale of residents
    "China": 90000,
    "Viet Nam": 45000,
    "Thailand": 30000,
    "United States": 12000,
    "Uzbekistan": 15000,
    "Philippines": 14000,
    "Russian Federation": 11000,
    "Nepal": 9000,
}
REGIONS = {"서울": 1.3, "경기": 1.8, "인천": 0.6, "부산": 0.4, "경남": 0.7}


def residents(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for year in range(2019, 2024):
        for region, r in REGIONS.items():
            for nat, scale in NATIONALITIES.items():
                base = scale * r * (1 + 0.05 * (year - 2019)) * rng.uniform(0.85, 1.15)
                rows.append(
                    {
                        "year": year,
                        "region": region,
                        "nationality": nat,
                        "residents": int(base),
                        "workers": int(base * rng.uniform(0.3, 0.6)),
                        "students": int(base * rng.uniform(0.02, 0.12)),
                    }
                )
    return pd.DataFrame(rows)


def main() -> None:
    rng = np.random.default_rng(606)
    tourism(rng).to_csv(HERE / "wb_tourism.csv", index=False)
    labor(rng).to_csv(HERE / "state_labor.csv", index=False)
    residents(np.random.default_rng(607)).to_csv(HERE / "foreign_residents.csv", index=False)
    frame = orders(rng)
    frame["order_date"] = frame["order_date"].str[:10]
    frame.sort_values("order_date").to_csv(HERE / "shop_orders.csv", index=False)


if __name__ == "__main__":
    main()
