"""Seeded generator of the twenty-second evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset22/data/gen_data.py      # rewrites the CSV files next to it

Written to probe how the analyst reads what one row is called ("how many movies", "상담당",
"건") and the light verbs people put around a measure ("earned", "took", "받은", "낸"). The
values are generated, not copied:

* movies.csv: one film a row: title, genre, release_year, runtime_min, budget_musd,
  box_office_musd, imdb_rating, director.
* insurance_claims.csv: one claim a row: claim_id (CLM-00001), policy_type, region, filed_date,
  claim_amount, days_to_settle, status (Approved / Denied / Pending), claimant_age.
* 콜센터_상담내역.csv: Korean names, one call a row: 상담번호, 상담일자, 상담원, 상담유형,
  대기시간(초), 통화시간(분), 만족도 (1-5), 해결여부 (Y/N).
* 주차장_이용내역.csv: Korean names, one parking session a row (no id column): 입차시각,
  주차장명, 차량구분, 주차시간(분), 주차요금(원), 결제수단.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def movies(rng: np.random.Generator) -> pd.DataFrame:
    n = 640
    genres = rng.choice(
        ["Drama", "Comedy", "Action", "Horror", "Animation", "Documentary", "Sci-Fi"],
        n,
        p=[0.27, 0.2, 0.18, 0.12, 0.08, 0.07, 0.08],
    )
    base_budget = {
        "Drama": 25,
        "Comedy": 30,
        "Action": 110,
        "Horror": 12,
        "Animation": 90,
        "Documentary": 3,
        "Sci-Fi": 120,
    }
    budget = np.round(np.array([base_budget[g] for g in genres]) * rng.lognormal(0, 0.5, n), 1)
    gross = np.round(budget * rng.lognormal(0.9, 0.8, n), 1)
    runtime = np.clip(np.round(rng.normal(112, 18, n)), 72, 201).astype(int)
    runtime[genres == "Animation"] = np.clip(runtime[genres == "Animation"] - 18, 72, None)
    rating = np.round(np.clip(rng.normal(6.5, 0.9, n), 2.1, 9.3), 1)
    words = "Last Night Silent River Broken Empire Golden Hour Lost City Dark Signal Paper Moon Iron Heart Winter Road".split()
    titles = [f"{words[i % len(words)]} {words[(i * 7 + 3) % len(words)]} {i + 1}" for i in range(n)]
    directors = rng.choice([f"Director {c}" for c in "ABCDEFGHIJKLMNOP"], n)
    return pd.DataFrame(
        {
            "title": titles,
            "genre": genres,
            "release_year": rng.integers(2005, 2024, n),
            "runtime_min": runtime,
            "budget_musd": budget,
            "box_office_musd": gross,
            "imdb_rating": rating,
            "director": directors,
        }
    )


def claims(rng: np.random.Generator) -> pd.DataFrame:
    n = 1500
    policy = rng.choice(["Auto", "Home", "Health", "Travel"], n, p=[0.4, 0.25, 0.25, 0.1])
    scale = {"Auto": 4200, "Home": 9800, "Health": 2600, "Travel": 900}
    amount = np.round(np.array([scale[p] for p in policy]) * rng.lognormal(0, 0.7, n), 2)
    start = pd.Timestamp("2023-01-01")
    filed = start + pd.to_timedelta(np.sort(rng.integers(0, 365, n)), unit="D")
    days = np.clip(np.round(rng.gamma(2.2, 14, n)), 1, 240).astype(int)
    status = rng.choice(["Approved", "Denied", "Pending"], n, p=[0.68, 0.22, 0.10])
    return pd.DataFrame(
        {
            "claim_id": [f"CLM-{i + 1:05d}" for i in range(n)],
            "policy_type": policy,
            "region": rng.choice(["North", "South", "East", "West"], n),
            "filed_date": filed.strftime("%Y-%m-%d"),
            "claim_amount": amount,
            "days_to_settle": days,
            "status": status,
            "claimant_age": rng.integers(18, 86, n),
        }
    )


def calls(rng: np.random.Generator) -> pd.DataFrame:
    n = 2200
    start = pd.Timestamp("2024-01-02")
    day = start + pd.to_timedelta(np.sort(rng.integers(0, 182, n)), unit="D")
    kind = rng.choice(["요금문의", "해지", "기술지원", "가입", "분실신고"], n, p=[0.34, 0.14, 0.3, 0.14, 0.08])
    wait = np.clip(np.round(rng.gamma(2, 45, n)), 0, 900).astype(int)
    talk = np.round(np.clip(rng.gamma(2.5, 2.6, n), 0.5, 60), 1)
    talk[kind == "기술지원"] = np.round(talk[kind == "기술지원"] * 1.6, 1)
    solved = np.where(rng.random(n) < 0.82, "Y", "N")
    score = np.clip(np.round(rng.normal(3.9, 0.9, n) - (solved == "N") * 1.2 - wait / 600), 1, 5).astype(int)
    return pd.DataFrame(
        {
            "상담번호": [f"C{240000 + i}" for i in range(n)],
            "상담일자": day.strftime("%Y-%m-%d"),
            "상담원": rng.choice(["김민지", "이준호", "박서연", "최다은", "정우성", "한지민"], n),
            "상담유형": kind,
            "대기시간(초)": wait,
            "통화시간(분)": talk,
            "만족도": score,
            "해결여부": solved,
        }
    )


def parking(rng: np.random.Generator) -> pd.DataFrame:
    n = 1800
    start = pd.Timestamp("2024-04-01").value // 10**9
    t = pd.to_datetime(np.sort(rng.integers(start, start + 61 * 86400, n)), unit="s")
    car = rng.choice(["일반", "경차", "전기차", "화물"], n, p=[0.62, 0.16, 0.14, 0.08])
    minutes = np.clip(np.round(rng.gamma(1.8, 55, n)), 5, 1440).astype(int)
    pay = rng.choice(["카드", "현금", "정기권"], n, p=[0.7, 0.12, 0.18])
    fee = np.ceil(np.maximum(minutes - 30, 0) / 10) * 500
    fee = np.where(car == "경차", fee * 0.5, fee)
    fee = np.where(car == "전기차", fee * 0.5, fee)
    fee = np.where(pay == "정기권", 0, fee).astype(int)
    return pd.DataFrame(
        {
            "입차시각": t.strftime("%Y-%m-%d %H:%M"),
            "주차장명": rng.choice(["시청앞", "중앙시장", "역전", "체육공원"], n, p=[0.3, 0.3, 0.25, 0.15]),
            "차량구분": car,
            "주차시간(분)": minutes,
            "주차요금(원)": fee,
            "결제수단": pay,
        }
    )


def main() -> None:
    rng = np.random.default_rng(22)
    movies(rng).to_csv(HERE / "movies.csv", index=False)
    claims(rng).to_csv(HERE / "insurance_claims.csv", index=False)
    calls(rng).to_csv(HERE / "콜센터_상담내역.csv", index=False)
    parking(rng).to_csv(HERE / "주차장_이용내역.csv", index=False)


if __name__ == "__main__":
    main()
