"""Seeded generator of the twenty-fourth evaluation set's datasets (none is bundled with Vista).

    python benchmarks/evalset24/data/gen_data.py      # rewrites the CSV files next to it

Event logs and tallies where people ask for the busiest period, the most popular group and
rankings (the values are generated, not copied):

* support_calls.csv: a customer support line's calls, January to June 2025: call_id,
  call_start (timestamp), queue (Billing / Technical / Sales / Returns / Account), agent,
  duration_sec, resolved (Yes/No), csat (1-5, some missing).
* gym_visits.csv: a fitness chain's check-ins over two years (2024 and 2025): checkin
  (timestamp), branch, membership (Basic / Premium / Student), activity, minutes.
* 영화_관람.csv: Korean names, a cinema chain's screenings in 2025: 상영일시, 영화명, 장르,
  지점, 관객수, 매출액(원).
* 민원_접수.csv: Korean names, a city's complaints over three years (2023-2025): 접수일시,
  자치구, 민원유형, 처리일수, 만족도.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent


def timestamps(rng, n, start, end, hour_w, dow_w, month_w=None):
    """n timestamps between start and end (inclusive days), drawn by weights on the hour of the
    day, the day of the week and (optionally) the calendar month."""
    days = pd.date_range(start, end, freq="D")
    w = np.array([dow_w[d.day_of_week] for d in days], dtype=float)
    if month_w is not None:
        w *= np.array([month_w[d.month - 1] for d in days], dtype=float)
    day = rng.choice(len(days), size=n, p=w / w.sum())
    hw = np.array(hour_w, dtype=float)
    hour = rng.choice(24, size=n, p=hw / hw.sum())
    minute = rng.integers(0, 60, size=n)
    ts = days[day] + pd.to_timedelta(hour, unit="h") + pd.to_timedelta(minute, unit="m")
    return pd.Series(ts).sort_values().reset_index(drop=True)


def support_calls(rng) -> pd.DataFrame:
    n = 1800
    hour_w = [0, 0, 0, 0, 0, 0, 0, 0, 4, 9, 12, 10, 6, 8, 11, 9, 7, 5, 0, 0, 0, 0, 0, 0]
    ts = timestamps(rng, n, "2025-01-01", "2025-06-30", hour_w, [10, 8, 7, 7, 6, 2, 1], [7, 6, 9, 8, 6, 5])
    queues = ["Billing", "Technical", "Sales", "Returns", "Account"]
    queue = rng.choice(queues, size=n, p=[0.31, 0.27, 0.12, 0.19, 0.11])
    agents = ["Maria", "James", "Aisha", "Tom", "Priya", "Lucas", "Chen", "Olga"]
    agent = rng.choice(agents, size=n, p=[0.16, 0.14, 0.13, 0.12, 0.12, 0.11, 0.12, 0.10])
    base = {"Billing": 300, "Technical": 540, "Sales": 240, "Returns": 280, "Account": 360}
    dur = np.array([rng.gamma(4, base[q] / 4) for q in queue]).round().astype(int) + 20
    resolved = np.where(rng.random(n) < 0.8, "Yes", "No")
    skill = {a: s for a, s in zip(agents, [0.3, -0.2, 0.5, 0.0, 0.2, -0.4, 0.1, -0.1])}
    csat = np.clip(np.round(3.6 + np.array([skill[a] for a in agent]) + rng.normal(0, 0.9, n)), 1, 5)
    csat = pd.Series(csat).where(rng.random(n) > 0.15)
    return pd.DataFrame(
        {
            "call_id": np.arange(100001, 100001 + n),
            "call_start": ts.dt.strftime("%Y-%m-%d %H:%M:%S"),
            "queue": queue,
            "agent": agent,
            "duration_sec": dur,
            "resolved": resolved,
            "csat": csat.astype("Int64"),
        }
    )


def gym_visits(rng) -> pd.DataFrame:
    n = 2600
    hour_w = [0, 0, 0, 0, 0, 0, 8, 10, 6, 4, 3, 3, 6, 4, 3, 3, 5, 9, 13, 11, 7, 3, 0, 0]
    month_w = [13, 10, 9, 8, 8, 7, 6, 6, 9, 8, 7, 5]
    ts = timestamps(rng, n, "2024-01-01", "2025-12-31", hour_w, [9, 10, 9, 8, 6, 5, 4], month_w)
    branch = rng.choice(["Downtown", "Riverside", "Northgate", "Eastwood"], size=n, p=[0.36, 0.27, 0.22, 0.15])
    membership = rng.choice(["Basic", "Premium", "Student"], size=n, p=[0.5, 0.3, 0.2])
    acts = ["Weights", "Spin", "Yoga", "Swimming", "Pilates", "HIIT"]
    activity = rng.choice(acts, size=n, p=[0.3, 0.2, 0.17, 0.13, 0.08, 0.12])
    mins = {"Weights": 70, "Spin": 45, "Yoga": 60, "Swimming": 50, "Pilates": 55, "HIIT": 35}
    minutes = np.array([max(15, rng.normal(mins[a], 12)) for a in activity]).round().astype(int)
    return pd.DataFrame(
        {
            "checkin": ts.dt.strftime("%Y-%m-%d %H:%M"),
            "branch": branch,
            "membership": membership,
            "activity": activity,
            "minutes": minutes,
        }
    )


def cinema(rng) -> pd.DataFrame:
    n = 1500
    hour_w = [0] * 24
    for h, w in {10: 2, 11: 3, 13: 5, 14: 6, 16: 7, 17: 6, 19: 9, 20: 8, 21: 5, 22: 3}.items():
        hour_w[h] = w
    ts = timestamps(
        rng, n, "2025-01-01", "2025-12-31", hour_w, [4, 3, 4, 5, 7, 10, 9], [8, 7, 5, 5, 6, 7, 10, 9, 6, 6, 5, 9]
    )
    movies = {
        "한밤의 추격": "액션",
        "바다의 노래": "드라마",
        "우리 동네 히어로": "액션",
        "웃음 택배": "코미디",
        "별빛 여우": "애니메이션",
        "검은 복도": "공포",
        "할머니의 부엌": "드라마",
        "로봇 친구 뭉치": "애니메이션",
    }
    names = list(movies)
    movie = rng.choice(names, size=n, p=[0.2, 0.1, 0.16, 0.13, 0.14, 0.07, 0.08, 0.12])
    branch = rng.choice(["강남", "홍대", "잠실", "부산서면", "대구동성로"], size=n, p=[0.27, 0.2, 0.23, 0.17, 0.13])
    pop = {m: p for m, p in zip(names, [1.3, 0.8, 1.1, 0.9, 1.0, 0.7, 0.6, 0.9])}
    aud = np.array([max(3, rng.normal(60 * pop[m], 25)) for m in movie]).round().astype(int)
    price = np.where(pd.Series(ts).dt.hour < 12, 11000, 14000)
    return pd.DataFrame(
        {
            "상영일시": ts.dt.strftime("%Y-%m-%d %H:%M"),
            "영화명": movie,
            "장르": [movies[m] for m in movie],
            "지점": branch,
            "관객수": aud,
            "매출액(원)": aud * price,
        }
    )


def complaints(rng) -> pd.DataFrame:
    n = 2200
    hour_w = [1, 0, 0, 0, 0, 0, 1, 2, 5, 9, 10, 8, 5, 7, 9, 8, 6, 5, 4, 3, 3, 2, 2, 1]
    month_w = [6, 5, 6, 7, 8, 9, 12, 11, 8, 7, 6, 6]
    ts = timestamps(rng, n, "2023-01-01", "2025-12-31", hour_w, [10, 9, 8, 8, 8, 4, 3], month_w)
    yr = ts.dt.year.to_numpy()
    keep = rng.random(n) < np.where(yr == 2023, 0.75, np.where(yr == 2024, 1.0, 0.88))
    ts = ts[keep].reset_index(drop=True)
    n = len(ts)
    gu = rng.choice(
        ["강남구", "마포구", "송파구", "노원구", "관악구", "은평구"], size=n, p=[0.24, 0.15, 0.2, 0.13, 0.17, 0.11]
    )
    kinds = ["불법주차", "소음", "쓰레기", "도로파손", "가로등고장"]
    kind = rng.choice(kinds, size=n, p=[0.34, 0.22, 0.2, 0.14, 0.10])
    days = {"불법주차": 2, "소음": 4, "쓰레기": 3, "도로파손": 9, "가로등고장": 6}
    proc = np.array([rng.poisson(days[k]) + 1 for k in kind])
    sat = np.clip(np.round(4.2 - proc * 0.12 + rng.normal(0, 0.8, n)), 1, 5).astype(int)
    return pd.DataFrame(
        {"접수일시": ts.dt.strftime("%Y-%m-%d %H:%M"), "자치구": gu, "민원유형": kind, "처리일수": proc, "만족도": sat}
    )


def main() -> None:
    rng = np.random.default_rng(20261127)
    support_calls(rng).to_csv(HERE / "support_calls.csv", index=False)
    gym_visits(rng).to_csv(HERE / "gym_visits.csv", index=False)
    cinema(rng).to_csv(HERE / "영화_관람.csv", index=False)
    complaints(rng).to_csv(HERE / "민원_접수.csv", index=False)


if __name__ == "__main__":
    main()
