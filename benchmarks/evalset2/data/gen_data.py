"""Seeded generator of the four synthetic dev datasets of the second evaluation set.

    python gen_data.py [DIR]      # (re)writes the four files next to this script, or into DIR

Each file imitates a real kind of export (encodings, separators, names and quirks are the point):

  air_quality_ko.csv     CP949. Seoul-style daily air-quality readings per station (Korean
                         names with units in parentheses); some readings blank (점검중) and some
                         station-days absent (a 14-day equipment swap at 노원구, scattered gaps).
  online_orders_ko.csv   UTF-8 with BOM. Online-shop order lines (Korean names, a name with a
                         space: "리뷰 평점"), timestamps, money in 원, return flags Y/N.
  energy_eu.csv          cp1252, ';' separator and decimal commas, dd.mm.yyyy dates, as a
                         German/Austrian Excel writes it. Monthly meter readings of five sites;
                         Zürich Lab opens in July 2021 and has no gas (blank); Lyon Depot has two
                         months absent.
  shipments.csv          UTF-8, ALL-CAPS legacy ERP export with MM/DD/YYYY dates; blank
                         SHIP_DATE / DELIV_DAYS where a shipment never shipped or arrived.

Deterministic: the same seed gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
SEED = 20250607


# ------------------------------------------------------------------ air quality (CP949)


def air_quality(rng: np.random.RandomState) -> pd.DataFrame:
    stations = [
        ("종로구", "도심권", 1.05),
        ("중구", "도심권", 1.10),
        ("마포구", "서북권", 0.95),
        ("노원구", "동북권", 0.90),
        ("강남구", "동남권", 1.00),
        ("송파구", "동남권", 1.02),
    ]
    days = pd.date_range("2022-01-01", "2023-12-31", freq="D")
    pm_month = [58, 62, 72, 60, 46, 36, 26, 23, 26, 36, 47, 54]
    o3_month = [0.015, 0.018, 0.025, 0.033, 0.040, 0.043, 0.035, 0.032, 0.029, 0.022, 0.016, 0.013]
    no2_month = [0.032, 0.030, 0.028, 0.024, 0.020, 0.017, 0.014, 0.014, 0.017, 0.023, 0.029, 0.033]
    # yellow dust: city-wide spikes on a few spring days
    dust = {}
    for start, n, level in [
        ("2022-03-18", 2, 210),
        ("2022-04-11", 3, 260),
        ("2022-05-03", 1, 170),
        ("2023-03-22", 2, 240),
        ("2023-04-12", 3, 330),
        ("2023-05-06", 2, 190),
    ]:
        for k, d in enumerate(pd.date_range(start, periods=n)):
            dust[d] = level * (1.0 - 0.15 * k)
    # a day-level weather factor shared by all stations (stagnant air, rain washout)
    day_factor = np.exp(rng.normal(0, 0.35, len(days)))
    rows = []
    for i, d in enumerate(days):
        m = d.month - 1
        for name, zone, f in stations:
            pm10 = pm_month[m] * f * day_factor[i] * np.exp(rng.normal(0, 0.18))
            if d in dust:
                pm10 = dust[d] * f * np.exp(rng.normal(0, 0.08))
                ratio = rng.uniform(0.22, 0.32)  # dust is coarse
            else:
                ratio = rng.uniform(0.45, 0.62)
            pm25 = pm10 * ratio
            o3 = max(0.002, o3_month[m] * np.exp(rng.normal(0, 0.22)) * (1.08 if zone == "동남권" else 1))
            no2 = max(0.003, no2_month[m] * f * np.exp(rng.normal(0, 0.25)))
            rows.append([d, zone, name, int(round(pm10)), int(round(pm25)), round(o3, 3), round(no2, 3)])
    df = pd.DataFrame(
        rows,
        columns=[
            "측정일자",
            "권역",
            "측정소명",
            "미세먼지(㎍/㎥)",
            "초미세먼지(㎍/㎥)",
            "오존(ppm)",
            "이산화질소(ppm)",
        ],
    )
    # missing days: a 14-day equipment swap at 노원구, and 12 scattered station-days
    swap = (df["측정소명"] == "노원구") & df["측정일자"].between("2022-08-08", "2022-08-21")
    df = df[~swap]
    drop = rng.choice(df.index[df["측정소명"] != "노원구"], 12, replace=False)
    df = df.drop(drop)
    # blank readings (점검중): each pollutant independently ~2%
    for col in ["미세먼지(㎍/㎥)", "초미세먼지(㎍/㎥)", "오존(ppm)", "이산화질소(ppm)"]:
        blank = rng.rand(len(df)) < 0.02
        df[col] = df[col].astype("float64")
        df.loc[blank, col] = np.nan
    pm = df["미세먼지(㎍/㎥)"]
    grade = pd.cut(pm, [-1, 30, 80, 150, 10_000], labels=["좋음", "보통", "나쁨", "매우나쁨"])
    df["미세먼지등급"] = grade.astype("object").where(pm.notna(), "")
    df["측정일자"] = df["측정일자"].dt.strftime("%Y-%m-%d")
    for col in ["미세먼지(㎍/㎥)", "초미세먼지(㎍/㎥)"]:
        df[col] = df[col].astype("Int64")
    return df.reset_index(drop=True)


# ------------------------------------------------------------------ online orders (UTF-8 BOM)

PRODUCTS = {
    "패션의류": [
        ("맨투맨", 29000),
        ("청바지", 49000),
        ("패딩점퍼", 159000),
        ("니트 가디건", 39000),
        ("반팔 티셔츠", 15900),
    ],
    "뷰티": [("선크림", 18900), ("립스틱", 24000), ("수분크림", 32000), ("클렌징폼", 9900), ("마스크팩 10매", 12900)],
    "식품": [
        ("생수 2L x 12", 8900),
        ("견과류 선물세트", 35000),
        ("닭가슴살 1kg", 16900),
        ("커피믹스 100T", 21900),
        ("포기김치 5kg", 39900),
    ],
    "가전디지털": [
        ("무선이어폰", 129000),
        ("블루투스 스피커", 59000),
        ("에어프라이어", 89000),
        ("보조배터리", 29900),
        ("USB-C 충전기", 19900),
    ],
    "생활용품": [
        ("물티슈 10팩", 11900),
        ("세탁세제 3L", 15900),
        ("호텔수건 5장", 25900),
        ("텀블러", 22000),
        ("디퓨저", 18000),
    ],
    "도서": [
        ("장편소설", 15800),
        ("자기계발서", 17000),
        ("수능 참고서", 22000),
        ("만화책 세트", 45000),
        ("에세이", 14400),
    ],
}
REGIONS = [
    ("서울", 19),
    ("경기", 26),
    ("인천", 6),
    ("부산", 6.5),
    ("대구", 4.5),
    ("광주", 2.8),
    ("대전", 2.8),
    ("울산", 2.2),
    ("세종", 0.8),
    ("강원", 3),
    ("충북", 3.1),
    ("충남", 4.1),
    ("전북", 3.4),
    ("전남", 3.5),
    ("경북", 5),
    ("경남", 6.4),
    ("제주", 1.3),
]


def online_orders(rng: np.random.RandomState) -> pd.DataFrame:
    n = 3000
    days = pd.date_range("2023-01-01", "2024-06-30", freq="D")
    w = np.ones(len(days))
    w[days.month == 11] *= 1.8  # November sale season
    w[days.month == 12] *= 1.4
    w[days.day_of_week >= 5] *= 0.8
    w[(days.year == 2024)] *= 1.15  # the shop grows
    w /= w.sum()
    picks = np.sort(rng.choice(len(days), n, p=w))
    secs = rng.randint(7 * 3600, 24 * 3600, n)
    ts = days[picks] + pd.to_timedelta(secs, unit="s")
    cats = list(PRODUCTS)
    cat_p = np.array([0.24, 0.18, 0.2, 0.1, 0.16, 0.12])
    grades = rng.choice(["일반", "실버", "골드", "VIP"], n, p=[0.55, 0.25, 0.15, 0.05])
    rows = []
    for i in range(n):
        c = cats[rng.choice(len(cats), p=cat_p)]
        if ts[i].month in (6, 7, 8) and c == "패션의류" and rng.rand() < 0.6:
            name, price = PRODUCTS[c][4]
        elif ts[i].month in (11, 12, 1) and c == "패션의류" and rng.rand() < 0.4:
            name, price = PRODUCTS[c][2]
        else:
            name, price = PRODUCTS[c][rng.randint(5)]
        qty = int(rng.choice([1, 2, 3, 4, 5], p=[0.62, 0.22, 0.09, 0.04, 0.03]))
        if c == "식품":
            qty = int(rng.choice([1, 2, 3], p=[0.5, 0.35, 0.15]))
        disc = int(rng.choice([0, 5, 10, 15, 20, 30], p=[0.42, 0.15, 0.2, 0.1, 0.09, 0.04]))
        if ts[i].month == 11:
            disc = max(disc, int(rng.choice([10, 20, 30])))
        pay = int(round(qty * price * (1 - disc / 100) / 10) * 10)
        g = grades[i]
        ship = 0 if pay >= 30000 or g == "VIP" else 3000
        method = rng.choice(
            ["신용카드", "카카오페이", "네이버페이", "무통장입금", "휴대폰결제", "토스페이"],
            p=[0.40, 0.20, 0.19, 0.08, 0.07, 0.06],
        )
        region = REGIONS[rng.choice(len(REGIONS), p=np.array([r[1] for r in REGIONS]) / sum(r[1] for r in REGIONS))][0]
        sex = rng.choice(["여", "남"], p=[0.62, 0.38])
        age = rng.choice(["10대", "20대", "30대", "40대", "50대", "60대 이상"], p=[0.05, 0.27, 0.31, 0.2, 0.12, 0.05])
        ret_p = {"패션의류": 0.12, "가전디지털": 0.06}.get(c, 0.025)
        ret = "Y" if rng.rand() < ret_p else "N"
        if rng.rand() < 0.4:
            score = int(rng.choice([1, 2, 3, 4, 5], p=[0.04, 0.06, 0.15, 0.35, 0.40]))
            if ret == "Y":
                score = int(rng.choice([1, 2, 3], p=[0.5, 0.3, 0.2]))
        else:
            score = None
        rows.append(
            [
                f"ORD{ts[i]:%y%m%d}-{i + 1:05d}",
                ts[i].strftime("%Y-%m-%d %H:%M:%S"),
                g,
                sex,
                age,
                c,
                name,
                qty,
                price,
                disc,
                pay,
                ship,
                method,
                region,
                ret,
                score,
            ]
        )
    df = pd.DataFrame(
        rows,
        columns=[
            "주문번호",
            "주문일시",
            "회원등급",
            "성별",
            "연령대",
            "카테고리",
            "상품명",
            "수량",
            "단가(원)",
            "할인율(%)",
            "결제금액(원)",
            "배송비(원)",
            "결제수단",
            "배송지역",
            "반품여부",
            "리뷰 평점",
        ],
    )
    df["리뷰 평점"] = df["리뷰 평점"].astype("Int64")
    return df


# ------------------------------------------------------------------ energy (European Excel)


def energy(rng: np.random.RandomState) -> pd.DataFrame:
    sites = [  # name, country, base kWh, base m3 gas or None, climate (mean, amplitude)
        ("Berlin Office", "DE", 42000, 5200, (10.0, 9.5)),
        ("München Lager", "DE", 61000, 8800, (9.0, 9.8)),
        ("Wien HQ", "AT", 55000, 7400, (11.0, 10.2)),
        ("Zürich Lab", "CH", 38000, None, (9.5, 9.0)),
        ("Lyon Depot", "FR", 27000, 3100, (12.5, 9.0)),
    ]
    months = pd.date_range("2021-01-01", "2024-12-01", freq="MS")
    elec_price = {2021: 0.21, 2022: 0.34, 2023: 0.29, 2024: 0.25}
    gas_price = {2021: 0.62, 2022: 1.45, 2023: 1.10, 2024: 0.92}
    rows = []
    for name, country, kwh, gas, (tmean, amp) in sites:
        for m in months:
            if name == "Zürich Lab" and m < pd.Timestamp("2021-07-01"):
                continue
            if name == "Lyon Depot" and m in (pd.Timestamp("2023-03-01"), pd.Timestamp("2023-04-01")):
                continue
            temp = tmean - amp * np.cos(2 * np.pi * (m.month - 1.5) / 12) + rng.normal(0, 1.6)
            heat = max(0.0, 16.0 - temp)
            saving = 1.0 - 0.06 * (m.year - 2021)  # efficiency work over the years
            e = kwh * saving * (1 + 0.012 * heat + (0.10 if m.month in (7, 8) else 0)) * np.exp(rng.normal(0, 0.05))
            if name == "Zürich Lab":
                e *= 1 + 0.02 * heat  # heat pump
            g = None if gas is None else gas * saving * (0.15 + heat / 9) * np.exp(rng.normal(0, 0.07))
            occ = int(np.clip(rng.normal(78 if m.year > 2021 else 55, 8), 20, 100))
            if m.month == 8:
                occ = int(occ * 0.7)
            cost = e * elec_price[m.year] + (g or 0) * gas_price[m.year] + 350
            rows.append(
                [m, name, country, round(e, 1), None if g is None else round(g, 1), round(temp, 1), round(cost, 2), occ]
            )
    df = pd.DataFrame(
        rows,
        columns=[
            "Month",
            "Site",
            "Country",
            "Electricity (kWh)",
            "Gas (m³)",
            "Avg. Temp (°C)",
            "Cost (EUR)",
            "Occupancy (%)",
        ],
    )
    df = df.sort_values(["Month", "Site"], kind="stable").reset_index(drop=True)
    # two blank meter readings
    df.loc[(df["Site"] == "Wien HQ") & (df["Month"] == "2022-11-01"), "Electricity (kWh)"] = np.nan
    df.loc[(df["Site"] == "Berlin Office") & (df["Month"] == "2024-02-01"), "Gas (m³)"] = np.nan
    df["Month"] = df["Month"].dt.strftime("%d.%m.%Y")
    return df


# ------------------------------------------------------------------ shipments (ALL CAPS ERP)

STATES = [
    ("CA", 12),
    ("TX", 9),
    ("FL", 7),
    ("NY", 6.5),
    ("PA", 4),
    ("IL", 4),
    ("OH", 3.5),
    ("GA", 3.3),
    ("NC", 3.2),
    ("MI", 3),
    ("NJ", 2.8),
    ("VA", 2.6),
    ("WA", 2.4),
    ("AZ", 2.3),
    ("MA", 2.1),
    ("TN", 2.1),
    ("IN", 2),
    ("MO", 1.8),
    ("MD", 1.8),
    ("WI", 1.7),
    ("CO", 1.7),
    ("MN", 1.7),
    ("SC", 1.6),
    ("AL", 1.5),
    ("LA", 1.4),
    ("KY", 1.3),
    ("OR", 1.3),
    ("OK", 1.2),
    ("CT", 1.1),
    ("UT", 1.0),
    ("NV", 0.9),
    ("IA", 0.9),
    ("AR", 0.9),
    ("KS", 0.8),
    ("NM", 0.6),
    ("ID", 0.6),
    ("NE", 0.6),
    ("HI", 0.4),
    ("AK", 0.25),
    ("ME", 0.4),
]


def shipments(rng: np.random.RandomState) -> pd.DataFrame:
    n = 2500
    days = pd.date_range("2024-01-02", "2024-12-31", freq="D")
    days = days[days.day_of_week < 6]  # no orders booked on Sundays
    w = np.ones(len(days))
    w[days.month >= 11] *= 1.6
    w /= w.sum()
    order = days[np.sort(rng.choice(len(days), n, p=w))]
    wh = rng.choice(["ATL-01", "DFW-02", "RNO-01", "EWR-03"], n, p=[0.28, 0.26, 0.24, 0.22])
    west = {"CA", "WA", "OR", "NV", "AZ", "UT", "ID", "HI", "AK", "CO", "NM"}
    st_names = [s for s, _ in STATES]
    st_p = np.array([p for _, p in STATES]) / sum(p for _, p in STATES)
    rows = []
    for i in range(n):
        dest = st_names[rng.choice(len(st_names), p=st_p)]
        carriers, cp = ["UPS", "FEDEX", "USPS", "DHL"], [0.36, 0.32, 0.22, 0.10]
        if wh[i] == "RNO-01" and dest in west:
            carriers, cp = carriers + ["ONTRAC"], [0.28, 0.25, 0.17, 0.08, 0.22]
        carrier = carriers[rng.choice(len(carriers), p=cp)]
        service = rng.choice(["GROUND", "2DAY", "OVERNIGHT"], p=[0.65, 0.25, 0.10])
        weight = round(float(np.exp(rng.normal(1.9, 0.9))), 1)
        pkgs = int(rng.choice([1, 2, 3, 4, 5, 6], p=[0.6, 0.2, 0.1, 0.05, 0.03, 0.02]))
        base = {"GROUND": 8.5, "2DAY": 19.0, "OVERNIGHT": 38.0}[service]
        per_lb = {"GROUND": 0.55, "2DAY": 1.1, "OVERNIGHT": 1.9}[service]
        mult = {"UPS": 1.05, "FEDEX": 1.08, "USPS": 0.9, "DHL": 1.12, "ONTRAC": 0.85}[carrier]
        cost = round(
            (base + per_lb * weight + 2.5 * (pkgs - 1)) * mult * np.exp(rng.normal(0, 0.08))
            + (6.0 if dest in ("HI", "AK") else 0.0),
            2,
        )
        o = order[i]
        status = rng.choice(["DELIVERED", "RETURNED", "LOST", "CANCELLED"], p=[0.93, 0.04, 0.01, 0.02])
        ship = (
            None
            if status == "CANCELLED"
            else o + pd.Timedelta(days=int(rng.choice([0, 1, 2, 3], p=[0.35, 0.45, 0.15, 0.05])))
        )
        days_needed = {"GROUND": 4.2, "2DAY": 2.0, "OVERNIGHT": 1.0}[service]
        far = (wh[i] in ("ATL-01", "EWR-03") and dest in west) or (wh[i] == "RNO-01" and dest not in west)
        if dest in ("HI", "AK"):
            far = True
        transit = max(
            1,
            int(
                round(
                    days_needed
                    + (1.6 if far and service == "GROUND" else 0)
                    + rng.exponential(0.6 if service == "GROUND" else 0.25)
                )
            ),
        )
        if (
            ship is not None
            and status == "DELIVERED"
            and ship + pd.Timedelta(days=transit) > pd.Timestamp("2024-12-31")
        ):
            status = "IN TRANSIT"
        deliv = transit if status in ("DELIVERED", "RETURNED") else None
        promised = {"GROUND": 5, "2DAY": 2, "OVERNIGHT": 1}[service]
        on_time = None if deliv is None else ("Y" if deliv <= promised else "N")
        rows.append(
            [
                f"SH{240000 + i + 1}",
                o.strftime("%m/%d/%Y"),
                None if ship is None else ship.strftime("%m/%d/%Y"),
                wh[i],
                dest,
                carrier,
                service,
                weight,
                pkgs,
                cost,
                deliv,
                on_time,
                status,
            ]
        )
    df = pd.DataFrame(
        rows,
        columns=[
            "SHIP_ID",
            "ORDER_DATE",
            "SHIP_DATE",
            "ORIGIN_WH",
            "DEST_STATE",
            "CARRIER",
            "SERVICE_LVL",
            "WEIGHT_LB",
            "PKG_CNT",
            "FREIGHT_COST_USD",
            "DELIV_DAYS",
            "ON_TIME_FLG",
            "STATUS",
        ],
    )
    df["DELIV_DAYS"] = df["DELIV_DAYS"].astype("Int64")
    return df


def main(out: Path = HERE) -> None:
    out = Path(out)
    rng = np.random.RandomState(SEED)
    aq = air_quality(rng)
    aq.to_csv(out / "air_quality_ko.csv", index=False, encoding="cp949")
    orders = online_orders(rng)
    orders.to_csv(out / "online_orders_ko.csv", index=False, encoding="utf-8-sig")
    en = energy(rng)
    en.to_csv(out / "energy_eu.csv", index=False, sep=";", decimal=",", encoding="cp1252", lineterminator="\r\n")
    sh = shipments(rng)
    sh.to_csv(out / "shipments.csv", index=False, encoding="utf-8")


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
