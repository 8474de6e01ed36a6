"""Seeded generator for the two Korean-language evaluation datasets.

car_sales_ko.csv  - dealer sales records (one row = one model sold in one region on one day),
                    Korean column names and values, saved in CP949 like files exported from
                    Korean Excel / public-data portals.
apt_trades_ko.csv - Seoul-style apartment transaction records (actual-price registry layout),
                    saved as UTF-8 with BOM (what Excel writes for "CSV UTF-8").

The numbers are synthetic but shaped like the real thing (regional mix, fuel types, electric cars
with no km/L figure, prices rounded the way dealers and the registry round them). Re-running this
script rewrites both files byte-for-byte identically.

Run:  python gen_korean.py   (needs numpy + pandas)
"""

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent


def car_sales(rng: np.random.Generator, n: int = 2400) -> pd.DataFrame:
    regions = ["서울", "경기", "인천", "부산", "대구", "광주", "대전", "울산", "강원", "제주"]
    region_w = np.array([20, 26, 7, 9, 6, 4, 4, 3, 3, 2], dtype=float)
    # brand, model, segment, fuels, base price (10k KRW), base km/L
    models = [
        ("현대", "아반떼", "준중형", ["가솔린", "하이브리드", "LPG"], 2050, 14.6),
        ("현대", "쏘나타", "중형", ["가솔린", "하이브리드", "LPG"], 2900, 12.6),
        ("현대", "그랜저", "대형", ["가솔린", "하이브리드"], 4100, 11.2),
        ("현대", "캐스퍼", "경차", ["가솔린"], 1500, 14.2),
        ("현대", "투싼", "SUV", ["가솔린", "디젤", "하이브리드"], 2950, 12.1),
        ("현대", "싼타페", "SUV", ["가솔린", "하이브리드"], 3750, 11.0),
        ("현대", "아이오닉5", "SUV", ["전기"], 5300, np.nan),
        ("현대", "스타리아", "승합", ["디젤", "LPG"], 3350, 10.1),
        ("기아", "모닝", "경차", ["가솔린"], 1300, 15.1),
        ("기아", "레이", "경차", ["가솔린", "전기"], 1450, 13.0),
        ("기아", "K5", "중형", ["가솔린", "하이브리드", "LPG"], 2850, 13.0),
        ("기아", "K8", "대형", ["가솔린", "하이브리드"], 3900, 11.5),
        ("기아", "스포티지", "SUV", ["가솔린", "디젤", "하이브리드"], 2900, 12.3),
        ("기아", "쏘렌토", "SUV", ["가솔린", "디젤", "하이브리드"], 3600, 11.4),
        ("기아", "카니발", "승합", ["가솔린", "디젤", "하이브리드"], 3900, 9.8),
        ("기아", "EV6", "SUV", ["전기"], 5400, np.nan),
        ("제네시스", "G80", "대형", ["가솔린", "전기"], 6000, 9.6),
        ("제네시스", "GV80", "SUV", ["가솔린", "디젤"], 7100, 8.9),
        ("쉐보레", "트랙스", "소형", ["가솔린"], 2250, 12.6),
        ("쉐보레", "트레일블레이저", "소형", ["가솔린"], 2500, 12.4),
        ("르노코리아", "QM6", "SUV", ["가솔린", "LPG"], 2950, 11.4),
        ("KG모빌리티", "토레스", "SUV", ["가솔린"], 3050, 10.6),
    ]
    model_w = np.array([14, 9, 10, 6, 7, 6, 3, 3, 6, 6, 7, 5, 7, 8, 6, 3, 3, 3, 4, 3, 3, 3], dtype=float)
    fuel_kmpl = {"가솔린": 0.0, "디젤": 2.2, "하이브리드": 4.3, "LPG": -2.6, "전기": np.nan}
    fuel_price = {"가솔린": 0, "디젤": 200, "하이브리드": 350, "LPG": -100, "전기": 1600}
    ages = ["20대", "30대", "40대", "50대", "60대 이상"]
    age_w = np.array([12, 27, 28, 21, 12], dtype=float)

    start = pd.Timestamp("2022-01-01")
    days = (pd.Timestamp("2024-12-31") - start).days + 1
    rows = []
    for _ in range(n):
        brand, model, seg, fuels, base_price, base_kmpl = models[rng.choice(len(models), p=model_w / model_w.sum())]
        fuel = fuels[rng.integers(len(fuels))]
        date = start + pd.Timedelta(days=int(rng.integers(days)))
        region = regions[rng.choice(len(regions), p=region_w / region_w.sum())]
        if fuel == "전기":
            kmpl = np.nan  # electric cars are rated in km/kWh, not km/L: left blank
        else:
            kmpl = round(base_kmpl + fuel_kmpl[fuel] + rng.normal(0, 0.35), 1)
        price = (base_price + fuel_price[fuel]) * (1 + rng.normal(0, 0.04))
        price = int(round(price / 10.0) * 10)  # dealers quote prices in steps of 100,000 KRW
        qty = int(1 + rng.poisson(4 if seg in ("경차", "준중형", "SUV") else 3))
        age = ages[rng.choice(len(ages), p=age_w / age_w.sum())]
        if rng.random() < 0.03:
            age = None  # customer did not answer the survey
        rows.append(
            {
                "판매일": date.strftime("%Y-%m-%d"),
                "지역": region,
                "브랜드": brand,
                "모델": model,
                "차종": seg,
                "연료": fuel,
                "연비": kmpl,
                "가격(만원)": price,
                "판매량": qty,
                "고객연령대": age,
            }
        )
    df = pd.DataFrame(rows).sort_values(["판매일", "지역", "모델"], kind="stable")
    return df.reset_index(drop=True)


def apt_trades(rng: np.random.Generator, n: int = 2000) -> pd.DataFrame:
    # gu -> (price per m2 in 10k KRW around 2021, dongs)
    gus = {
        "강남구": (2200, ["대치동", "개포동", "역삼동", "압구정동"]),
        "서초구": (2050, ["반포동", "서초동", "잠원동"]),
        "송파구": (1700, ["잠실동", "가락동", "문정동"]),
        "용산구": (1750, ["이촌동", "한남동"]),
        "성동구": (1450, ["행당동", "옥수동", "성수동1가"]),
        "마포구": (1400, ["아현동", "공덕동", "상암동"]),
        "강서구": (1000, ["화곡동", "가양동", "마곡동"]),
        "노원구": (850, ["상계동", "중계동", "월계동"]),
        "관악구": (900, ["봉천동", "신림동"]),
        "도봉구": (750, ["창동", "방학동"]),
    }
    gu_w = np.array([11, 9, 13, 5, 8, 10, 11, 14, 9, 10], dtype=float)
    prefixes = [
        "래미안",
        "힐스테이트",
        "자이",
        "푸르지오",
        "e편한세상",
        "롯데캐슬",
        "아이파크",
        "한신",
        "현대",
        "주공",
        "벽산",
        "삼성",
    ]
    complexes = {}
    for gu, (_, dongs) in gus.items():
        for dong in dongs:
            k = int(rng.integers(2, 5))
            picks = rng.choice(len(prefixes), size=k, replace=False)
            names = []
            for p in picks:
                base = f"{dong[:2]}{prefixes[p]}" if rng.random() < 0.6 else f"{prefixes[p]}{dong[:2]}"
                if rng.random() < 0.4:
                    base += f"{int(rng.integers(1, 6))}단지"
                names.append((base, int(rng.integers(1985, 2021))))
            complexes[(gu, dong)] = names
    areas = [39.6, 49.9, 59.9, 74.9, 84.9, 84.99, 101.9, 114.8, 134.9]
    area_w = np.array([5, 8, 22, 14, 26, 8, 7, 6, 4], dtype=float)
    # yearly market factor (2021 peak, 2022-23 fall, 2024 partial recovery)
    year_factor = {2021: 1.00, 2022: 0.93, 2023: 0.86, 2024: 0.91}
    start = pd.Timestamp("2021-01-01")
    days = (pd.Timestamp("2024-06-30") - start).days + 1
    gu_names = list(gus)
    rows = []
    for _ in range(n):
        gu = gu_names[rng.choice(len(gu_names), p=gu_w / gu_w.sum())]
        per_m2, dongs = gus[gu]
        dong = dongs[int(rng.integers(len(dongs)))]
        name, built = complexes[(gu, dong)][int(rng.integers(len(complexes[(gu, dong)])))]
        area = areas[rng.choice(len(areas), p=area_w / area_w.sum())]
        date = start + pd.Timedelta(days=int(rng.integers(days)))
        floor = int(rng.integers(1, 36 if built > 2005 else 16))
        age = date.year - built
        age_factor = 1.15 if age < 5 else (1.0 if age < 20 else (0.92 if age < 30 else 1.05))
        price = per_m2 * area * year_factor[date.year] * age_factor * (1 + 0.004 * floor)
        price *= 1 + rng.normal(0, 0.08)
        rows.append(
            {
                "계약일": date.strftime("%Y-%m-%d"),
                "자치구": gu,
                "법정동": dong,
                "단지명": name,
                "전용면적(㎡)": area,
                "층": floor,
                "건축년도": built,
                "거래금액(만원)": int(round(price / 100.0) * 100),
            }
        )
    df = pd.DataFrame(rows).sort_values(["계약일", "자치구", "단지명"], kind="stable")
    return df.reset_index(drop=True)


def main() -> None:
    rng = np.random.default_rng(20241125)
    cars = car_sales(rng)
    cars.to_csv(HERE / "car_sales_ko.csv", index=False, encoding="cp949")
    apt = apt_trades(rng)
    apt.to_csv(HERE / "apt_trades_ko.csv", index=False, encoding="utf-8-sig")


if __name__ == "__main__":
    main()
