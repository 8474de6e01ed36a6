"""Seeded generator of the eighteenth evaluation set's datasets: amounts written as text.

    python benchmarks/evalset18/data/gen_data.py      # rewrites the CSV files next to it

Every file holds money and percentages the way exports and spreadsheets write them, as text cells
that a CSV reader keeps as text (pandas and DuckDB do):

* online_orders.csv: one row per web-shop order, 2024: order_id, order_date, region, category,
  amount ("$1,234.50"), discount ("12%", "7.5%", empty when none was recorded), shipping_fee
  ("USD 8.50"), profit (accounting style: "$120.40", a loss as "($35.20)"), list_price ("$49.99"
  or "call for price": not every value is an amount, so it is no measure).
* 직원_연봉.csv: Korean names, one row per employee: 사번, 이름, 부서, 직급, 연봉 ("4,800만원"),
  성과급 ("₩3,200,000"), 인상률 ("3.5%").
* 아파트_매물.csv: Korean names, one row per listing: 매물ID, 구, 유형, 전용면적, 매매가 written
  with Korean number units ("12억 5,000만", "8억", "9,800만"), 관리비 ("185,000원").
* eu_invoices.csv: one row per invoice of a European wholesaler: invoice_no, invoice_date,
  country, segment, total with a decimal comma and the symbol after ("1.234,50 €"), vat_rate
  ("19 %"), paid (yes/no).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def usd(x: float) -> str:
    return f"${x:,.2f}"


def orders(rng: np.random.Generator) -> pd.DataFrame:
    n = 1500
    region = rng.choice(["North", "South", "East", "West"], n, p=[0.3, 0.2, 0.25, 0.25])
    category = rng.choice(["Electronics", "Home", "Clothing", "Toys"], n, p=[0.3, 0.3, 0.25, 0.15])
    base = {"Electronics": 900, "Home": 420, "Clothing": 160, "Toys": 90}
    amount = np.array([base[c] for c in category]) * rng.lognormal(0, 0.55, n)
    amount = amount * np.where(region == "West", 1.12, 1.0)
    amount = amount.round(2)
    disc = rng.choice([0, 5, 7.5, 10, 12, 15, 20, 25], n, p=[0.3, 0.15, 0.1, 0.15, 0.1, 0.1, 0.06, 0.04])
    disc_txt = np.array([f"{d:g}%" for d in disc], dtype=object)
    disc_txt[rng.random(n) < 0.04] = None  # not recorded
    ship = rng.choice([0, 4.99, 8.5, 12, 19.9], n)
    margin = rng.normal(0.12, 0.1, n) - disc / 100 * 0.8
    profit = (amount * margin).round(2)
    list_price = np.array([usd(x) for x in (amount * rng.uniform(1.0, 1.3, n)).round(2)], dtype=object)
    list_price[rng.random(n) < 0.05] = "call for price"
    dates = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 366, n), unit="D")
    frame = pd.DataFrame(
        {
            "order_id": [f"A{10001 + i}" for i in range(n)],
            "order_date": dates.strftime("%Y-%m-%d"),
            "region": region,
            "category": category,
            "amount": [usd(x) for x in amount],
            "discount": disc_txt,
            "shipping_fee": [f"USD {x:,.2f}" for x in ship],
            "profit": [usd(x) if x >= 0 else f"({usd(-x)})" for x in profit],
            "list_price": list_price,
        }
    )
    return frame.sort_values(["order_date", "order_id"]).reset_index(drop=True)


def employees(rng: np.random.Generator) -> pd.DataFrame:
    surnames = list("김이박최정강조윤장임한오서신권황안송류홍")
    given = [
        "민준",
        "서연",
        "도윤",
        "지우",
        "하준",
        "서윤",
        "시우",
        "지민",
        "주원",
        "하은",
        "예준",
        "수아",
        "지호",
        "지유",
        "준서",
        "채원",
        "현우",
        "다은",
        "건우",
        "은서",
        "우진",
        "가은",
        "선우",
        "예린",
    ]
    names = [s + g for s in surnames for g in given]
    n = 400
    picked = rng.choice(len(names), n, replace=False)
    dept = rng.choice(["영업", "개발", "인사", "재무", "마케팅"], n, p=[0.25, 0.3, 0.12, 0.13, 0.2])
    rank = rng.choice(["사원", "대리", "과장", "차장", "부장"], n, p=[0.35, 0.25, 0.2, 0.12, 0.08])
    base = {"사원": 3600, "대리": 4500, "과장": 5600, "차장": 6800, "부장": 8200}
    bump = {"영업": 1.0, "개발": 1.12, "인사": 0.95, "재무": 1.03, "마케팅": 0.98}
    salary = np.array([base[r] * bump[d] for r, d in zip(rank, dept)]) * rng.uniform(0.88, 1.15, n)
    salary = (salary / 10).round() * 10  # in 만원, whole tens
    bonus = (salary * 10000 * rng.uniform(0.02, 0.12, n) / 10000).round() * 10000  # won, whole 만
    raise_pct = rng.choice([1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0, 7.5], n)
    frame = pd.DataFrame(
        {
            "사번": [f"E{2001 + i}" for i in range(n)],
            "이름": [names[i] for i in picked],
            "부서": dept,
            "직급": rank,
            "연봉": [f"{int(x):,}만원" for x in salary],
            "성과급": [f"₩{int(x):,}" for x in bonus],
            "인상률": [f"{x:.1f}%" for x in raise_pct],
        }
    )
    return frame


def korean_won(man: int) -> str:
    """An amount in 만원 written the way listings write it: 12억 5,000만 / 8억 / 9,800만."""
    eok, rest = divmod(int(man), 10000)
    if eok and rest:
        return f"{eok}억 {rest:,}만"
    if eok:
        return f"{eok}억"
    return f"{rest:,}만"


def apartments(rng: np.random.Generator) -> pd.DataFrame:
    n = 600
    gu = rng.choice(
        ["강남구", "서초구", "송파구", "마포구", "노원구", "은평구"], n, p=[0.18, 0.15, 0.2, 0.17, 0.16, 0.14]
    )
    kind = rng.choice(["아파트", "오피스텔", "빌라"], n, p=[0.55, 0.25, 0.2])
    area = np.where(
        kind == "아파트",
        rng.uniform(49, 135, n),
        np.where(kind == "오피스텔", rng.uniform(18, 60, n), rng.uniform(30, 85, n)),
    )
    area = area.round(1)
    per_m2 = {"강남구": 2300, "서초구": 2100, "송파구": 1700, "마포구": 1450, "노원구": 850, "은평구": 900}  # 만원/㎡
    factor = np.where(kind == "아파트", 1.0, np.where(kind == "오피스텔", 0.7, 0.55))
    price = np.array([per_m2[g] for g in gu]) * area * factor * rng.uniform(0.85, 1.15, n)
    price = (price / 100).round() * 100  # 만원, whole 100만
    fee = (area * rng.uniform(2600, 3600, n) / 1000).round() * 1000  # 원
    frame = pd.DataFrame(
        {
            "매물ID": [f"M{5001 + i}" for i in range(n)],
            "구": gu,
            "유형": kind,
            "전용면적": area,
            "매매가": [korean_won(int(x)) for x in price],
            "관리비": [f"{int(x):,}원" for x in fee],
        }
    )
    return frame


def eur(x: float) -> str:
    whole, cents = f"{x:,.2f}".split(".")
    return f"{whole.replace(',', '.')},{cents} €"


def invoices(rng: np.random.Generator) -> pd.DataFrame:
    n = 500
    country = rng.choice(["Germany", "France", "Spain", "Italy", "Netherlands"], n, p=[0.3, 0.25, 0.15, 0.15, 0.15])
    segment = rng.choice(["Retail", "Wholesale"], n, p=[0.65, 0.35])
    vat = {"Germany": 19, "France": 20, "Spain": 21, "Italy": 22, "Netherlands": 21}
    total = rng.lognormal(6.6, 0.7, n) * np.where(segment == "Wholesale", 2.2, 1.0)
    total = total.round(2)
    dates = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 366, n), unit="D")
    frame = pd.DataFrame(
        {
            "invoice_no": [f"INV-{7001 + i}" for i in range(n)],
            "invoice_date": dates.strftime("%Y-%m-%d"),
            "country": country,
            "segment": segment,
            "total": [eur(x) for x in total],
            "vat_rate": [f"{vat[c]} %" for c in country],
            "paid": np.where(rng.random(n) < 0.8, "yes", "no"),
        }
    )
    return frame.sort_values(["invoice_date", "invoice_no"]).reset_index(drop=True)


def main() -> None:
    rng = np.random.default_rng(20261127 + 18)
    orders(rng).to_csv(HERE / "online_orders.csv", index=False)
    employees(rng).to_csv(HERE / "직원_연봉.csv", index=False, encoding="utf-8")
    apartments(rng).to_csv(HERE / "아파트_매물.csv", index=False, encoding="utf-8")
    invoices(rng).to_csv(HERE / "eu_invoices.csv", index=False)


if __name__ == "__main__":
    main()
