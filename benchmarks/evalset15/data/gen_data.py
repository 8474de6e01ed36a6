"""Seeded generator of the fifteenth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset15/data/gen_data.py      # rewrites the CSV files next to it

* labour_kosis_ko.csv: a long-format table as KOSIS publishes it, Korean column names: 시도
  (서울, 부산, 대구, 인천, 경기), 연도 (2018-2023), 항목 (경제활동인구, 취업자, 실업자, 고용률,
  실업률), 단위 (천명 / %), 값. What a row measures is the value of 항목.
* bls_labor.csv: a long-format monthly table as BLS publishes it, English: date (first of each
  month, 2019-2023), series (Nonfarm payrolls, Unemployment rate, Labor force participation rate,
  Unemployed), value (thousands or percent).
* 외국인_입국자.csv: Korean column and file name, monthly arrivals of foreign visitors by
  nationality and purpose, 2019-2023: 연월 ("2019-01"), 국적, 목적, 입국자수.
* stock_prices.csv: daily prices of three companies, 2021-2023: date, ticker (AAPL, TSLA, MSFT),
  company (Apple, Tesla, Microsoft), open, high, low, close, volume.
* online_orders.csv: one row per order of 2024 with two pairs of dates: order_date,
  promised_ship_date, shipped_date, expected_delivery_date, delivered_date, region, amount.
* 기온_일별.csv: Korean column names, one row per station (서울, 부산, 대전) and day, 2019-2023:
  날짜, 지점, 평균기온, 최고기온, 강수량.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def labour(rng: np.random.Generator) -> pd.DataFrame:
    base = {"서울": 5300, "부산": 1750, "대구": 1250, "인천": 1600, "경기": 7400}
    rows = []
    for region, pop in base.items():
        for year in range(2018, 2024):
            shock = 0.97 if year == 2020 else 1.0
            labour_force = round(pop * rng.uniform(0.97, 1.03) * (1 + 0.005 * (year - 2018)))
            rate_u = round(float(rng.uniform(2.5, 5.0) + (1.2 if year == 2020 else 0)), 1)
            unemployed = round(labour_force * rate_u / 100)
            employed = round((labour_force - unemployed) * shock)
            emp_rate = round(float(rng.uniform(57, 64)), 1)
            for item, unit, value in [
                ("경제활동인구", "천명", labour_force),
                ("취업자", "천명", employed),
                ("실업자", "천명", unemployed),
                ("고용률", "%", emp_rate),
                ("실업률", "%", rate_u),
            ]:
                rows.append({"시도": region, "연도": year, "항목": item, "단위": unit, "값": value})
    return pd.DataFrame(rows)


def bls(rng: np.random.Generator) -> pd.DataFrame:
    dates = pd.date_range("2019-01-01", "2023-12-01", freq="MS")
    rows = []
    payroll = 150000.0
    for d in dates:
        covid = d.year == 2020 and d.month >= 4
        payroll = payroll * rng.uniform(0.998, 1.004) * (0.9 if (d.year == 2020 and d.month == 4) else 1)
        rate = round(float(rng.uniform(3.4, 4.2) + (6 - 0.5 * (d.month - 4) if covid else 0)), 1)
        lfpr = round(float(rng.uniform(61.5, 63.4) - (1.5 if covid else 0)), 1)
        unemployed = round(rate * 1640 + float(rng.uniform(-200, 200)))
        for series, value in [
            ("Nonfarm payrolls", round(payroll)),
            ("Unemployment rate", rate),
            ("Labor force participation rate", lfpr),
            ("Unemployed", unemployed),
        ]:
            rows.append({"date": d.strftime("%Y-%m-%d"), "series": series, "value": value})
    return pd.DataFrame(rows)


def arrivals(rng: np.random.Generator) -> pd.DataFrame:
    level = {"중국": 40000, "일본": 25000, "미국": 12000, "대만": 9000, "베트남": 7000, "태국": 5000}
    purposes = {"관광": 0.7, "사업": 0.2, "유학": 0.1}
    rows = []
    for period in pd.period_range("2019-01", "2023-12", freq="M"):
        covid = 0.1 if period.year in (2020, 2021) else (0.5 if period.year == 2022 else 1.0)
        season = 1.3 if period.month in (7, 8) else 1.0
        for country, lv in level.items():
            for purpose, share in purposes.items():
                n = int(lv * share * covid * season * rng.uniform(0.7, 1.3))
                rows.append({"연월": str(period), "국적": country, "목적": purpose, "입국자수": n})
    return pd.DataFrame(rows)


def stocks(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.bdate_range("2021-01-04", "2023-12-29")
    rows = []
    for ticker, company, start, vol in [
        ("AAPL", "Apple", 130.0, 9e7),
        ("TSLA", "Tesla", 240.0, 1.1e8),
        ("MSFT", "Microsoft", 220.0, 3e7),
    ]:
        price = start
        for d in days:
            open_ = price * rng.uniform(0.985, 1.015)
            close = open_ * rng.uniform(0.97, 1.03)
            high = max(open_, close) * rng.uniform(1.0, 1.02)
            low = min(open_, close) * rng.uniform(0.98, 1.0)
            rows.append(
                {
                    "date": d.strftime("%Y-%m-%d"),
                    "ticker": ticker,
                    "company": company,
                    "open": round(open_, 2),
                    "high": round(high, 2),
                    "low": round(low, 2),
                    "close": round(close, 2),
                    "volume": int(vol * rng.uniform(0.5, 1.8)),
                }
            )
            price = close
    return pd.DataFrame(rows)


def orders(rng: np.random.Generator) -> pd.DataFrame:
    n = 2000
    start = pd.Timestamp("2024-01-01")
    order = start + pd.to_timedelta(rng.integers(0, 355, n), unit="D")
    promised = order + pd.to_timedelta(2, unit="D")
    shipped = order + pd.to_timedelta(rng.choice([1, 2, 3, 4], n, p=[0.35, 0.4, 0.15, 0.1]), unit="D")
    expected = order + pd.to_timedelta(5, unit="D")
    delivered = shipped + pd.to_timedelta(rng.choice([2, 3, 4, 5], n, p=[0.3, 0.4, 0.2, 0.1]), unit="D")
    f = "%Y-%m-%d"
    return pd.DataFrame(
        {
            "order_id": np.arange(10001, 10001 + n),
            "order_date": order.strftime(f),
            "promised_ship_date": promised.strftime(f),
            "shipped_date": shipped.strftime(f),
            "expected_delivery_date": expected.strftime(f),
            "delivered_date": delivered.strftime(f),
            "region": rng.choice(["North", "South", "East", "West"], n, p=[0.3, 0.25, 0.25, 0.2]),
            "amount": np.round(rng.gamma(2.0, 40.0, n) + 5, 2),
        }
    )


def temperatures(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2019-01-01", "2023-12-31", freq="D")
    rows = []
    for station, offset in {"서울": 0.0, "부산": 2.5, "대전": 0.5}.items():
        for d in days:
            mean = 12.5 + offset - 14 * np.cos(2 * np.pi * (d.day_of_year - 15) / 365) + float(rng.normal(0, 2.5))
            rain = float(rng.gamma(0.6, 12.0)) if rng.random() < (0.5 if d.month in (7, 8) else 0.25) else 0.0
            rows.append(
                {
                    "날짜": d.strftime("%Y-%m-%d"),
                    "지점": station,
                    "평균기온": round(mean, 1),
                    "최고기온": round(mean + float(rng.uniform(3, 8)), 1),
                    "강수량": round(rain, 1),
                }
            )
    return pd.DataFrame(rows)


if __name__ == "__main__":
    rng = np.random.default_rng(20261128)
    for name, frame in {
        "labour_kosis_ko.csv": labour(rng),
        "bls_labor.csv": bls(rng),
        "외국인_입국자.csv": arrivals(rng),
        "stock_prices.csv": stocks(rng),
        "online_orders.csv": orders(rng),
        "기온_일별.csv": temperatures(rng),
    }.items():
        frame.to_csv(HERE / name, index=False, encoding="utf-8")
        print(name, frame.shape)
