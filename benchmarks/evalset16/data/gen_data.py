"""Writes the sixteenth evaluation set's data (seeded): four tables in domains no earlier set uses,
in shapes real files have.

- `성적_2024.csv`: school exam scores, Korean column names: 학번 (an ID-like number), 이름, 반,
  성별, 시험 (Korean months: "2024년 3월"), 국어, 수학, 영어, 방과후참여 (True/False);
- `employees.csv`: HR records: employee_id, name, department, hire_date, salary as text
  ("$85,200"), bonus as a percent written as text ("12.5%"), remote (True/False), rating 1-5;
- `k리그_경기.csv`: football match results, Korean column names: 시즌, 경기일, 홈팀, 원정팀,
  홈득점, 원정득점, 관중수, 입장료 as text ("12,000원");
- `flu_cases_wide.csv`: a wide table, one column per year: state, disease, 2019 ... 2023.

    python benchmarks/evalset16/data/gen_data.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent
rng = np.random.default_rng(1616)


def scores() -> pd.DataFrame:
    family = list("김이박최정강조윤장임")
    given = [
        "민준",
        "서연",
        "도윤",
        "하은",
        "지호",
        "수아",
        "예준",
        "지유",
        "시우",
        "서윤",
        "주원",
        "하린",
        "지훈",
        "채원",
    ]
    rows = []
    students = []
    for k in range(40):
        name = family[k % len(family)] + given[(k * 3) % len(given)]
        students.append((20240001 + k, name, f"{k % 4 + 1}반", "남" if k % 3 else "여", bool(rng.random() < 0.45)))
    for exam in ("2024년 3월", "2024년 6월", "2024년 9월"):
        for sid, name, cls, sex, after in students:
            base = rng.normal(70, 12)
            rows.append(
                {
                    "학번": sid,
                    "이름": name,
                    "반": cls,
                    "성별": sex,
                    "시험": exam,
                    "국어": int(np.clip(round(base + rng.normal(0, 8)), 20, 100)),
                    "수학": int(np.clip(round(base + rng.normal(-3, 12)), 10, 100)),
                    "영어": int(np.clip(round(base + rng.normal(2, 9)), 20, 100)),
                    "방과후참여": after,
                }
            )
    return pd.DataFrame(rows)


def employees() -> pd.DataFrame:
    first = ["Alice", "Brian", "Chloe", "Daniel", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kara", "Liam"]
    last = ["Smith", "Lee", "Garcia", "Khan", "Novak", "Okafor", "Park", "Rossi", "Silva", "Tanaka", "Weber"]
    depts = {"Engineering": 98000, "Sales": 72000, "Marketing": 68000, "Finance": 80000, "Support": 52000}
    rows = []
    for k in range(150):
        dept = list(depts)[rng.choice(5, p=[0.32, 0.24, 0.14, 0.12, 0.18])]
        salary = int(round(depts[dept] * rng.uniform(0.75, 1.35), -2))
        hire = pd.Timestamp("2012-01-01") + pd.Timedelta(days=int(rng.integers(0, 4500)))
        bonus = round(float(rng.choice([0, 2.5, 5, 7.5, 10, 12.5, 15], p=[0.1, 0.15, 0.25, 0.2, 0.15, 0.1, 0.05])), 1)
        rows.append(
            {
                "employee_id": 1001 + k,
                "name": f"{first[k % 12]} {last[(k * 5) % 11]}",
                "department": dept,
                "hire_date": hire.strftime("%Y-%m-%d"),
                "salary": f"${salary:,}",
                "bonus": f"{bonus}%",
                "remote": bool(rng.random() < (0.6 if dept == "Engineering" else 0.3)),
                "rating": int(rng.choice([1, 2, 3, 4, 5], p=[0.05, 0.15, 0.4, 0.3, 0.1])),
            }
        )
    return pd.DataFrame(rows)


def matches() -> pd.DataFrame:
    teams = ["울산", "전북", "포항", "서울", "수원", "대구", "인천", "제주"]
    price = {
        "울산": 15000,
        "전북": 14000,
        "포항": 12000,
        "서울": 16000,
        "수원": 13000,
        "대구": 12000,
        "인천": 11000,
        "제주": 10000,
    }
    rows = []
    for season in (2022, 2023):
        day = pd.Timestamp(f"{season}-03-01")
        for home in teams:
            for away in teams:
                if home == away:
                    continue
                day += pd.Timedelta(days=int(rng.integers(1, 4)))
                rows.append(
                    {
                        "시즌": season,
                        "경기일": day.strftime("%Y-%m-%d"),
                        "홈팀": home,
                        "원정팀": away,
                        "홈득점": int(rng.poisson(1.5)),
                        "원정득점": int(rng.poisson(1.1)),
                        "관중수": int(rng.integers(4000, 30000)),
                        "입장료": f"{price[home] + (1000 if season == 2023 else 0):,}원",
                    }
                )
    return pd.DataFrame(rows)


def flu() -> pd.DataFrame:
    states = ["California", "Texas", "Florida", "New York", "Ohio", "Georgia", "Washington", "Arizona"]
    diseases = {"Influenza": 9000, "Measles": 40, "Pertussis": 600}
    rows = []
    for state in states:
        size = rng.uniform(0.4, 1.6)
        for disease, base in diseases.items():
            row = {"state": state, "disease": disease}
            level = base * size
            for year in range(2019, 2024):
                level *= rng.uniform(0.6, 1.5)
                row[str(year)] = int(round(level))
            rows.append(row)
    return pd.DataFrame(rows)


if __name__ == "__main__":
    scores().to_csv(HERE / "성적_2024.csv", index=False, encoding="utf-8")
    employees().to_csv(HERE / "employees.csv", index=False, encoding="utf-8")
    matches().to_csv(HERE / "k리그_경기.csv", index=False, encoding="utf-8")
    flu().to_csv(HERE / "flu_cases_wide.csv", index=False, encoding="utf-8")
