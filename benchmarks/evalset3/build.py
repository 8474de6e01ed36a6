"""Builds `dev/questions.jsonl` of the third evaluation set: every expected result is computed here
with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset3/build.py

The questions were written (Nov 2026, issue 14 round 3) the way people ask, before reading the
analyst's vocabulary, and are measured only at the start and end of a round: failures here are
fixed only through general mechanisms, never by rules for these phrasings. A snippet leaves its
answer in `result`:
* number: a scalar; label: a Series whose idxmax/idxmin (`pick`) is the answer (the runners-up
  become `others`) or a scalar label; labels: a list (in order); table: a Series.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
ENC = json.loads((DATA / "datasets.json").read_text())

C, F, H = "cafe_sales.csv", "company_finance.csv", "hospital_ko.csv"
M = "m = pd.to_datetime(df['date'])\n"
HM = "m = pd.to_datetime(df['진료일'])\n"

# (id, dataset, lang, question, kind, code, extra expect fields)
QUESTIONS = [
    (
        "cafe-01",
        C,
        "en",
        "How much did we sell in total at the Harbor branch?",
        "number",
        "result = df.loc[df['branch'] == 'Harbor', 'sales'].sum()",
        {"rel_tol": 0.005},
    ),
    ("cafe-02", C, "en", "how many branches are there?", "number", "result = df['branch'].nunique()", {"rel_tol": 0}),
    (
        "cafe-03",
        C,
        "en",
        "Which month had the best sales overall?",
        "label",
        M + "result = df.groupby(m.dt.month)['sales'].sum()",
        {"pick": "max", "month_names": True},
    ),
    (
        "cafe-04",
        C,
        "en",
        "average cups of cold brew sold at Campus",
        "number",
        "result = df.loc[(df['item'] == 'Cold Brew') & (df['branch'] == 'Campus'), 'cups'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "cafe-05",
        C,
        "en",
        "Were there any days when the Campus branch didn't report anything?",
        "labels",
        M + "have = set(m[df['branch'] == 'Campus'].dt.normalize())\n"
        "result = [d.strftime('%Y-%m-%d') for d in pd.date_range(m.min(), m.max()) if d not in have]",
        {"ordered": False},
    ),
    (
        "cafe-06",
        C,
        "en",
        "top 3 items by revenue",
        "labels",
        "s = df.groupby('item')['sales'].sum().sort_values(ascending=False)\nresult = list(s.index[:3])",
        {"ordered": True, "others_from": "s"},
    ),
    (
        "cafe-07",
        C,
        "en",
        "plot daily sales for each branch as a line chart",
        "chart",
        "",
        {"columns": ["date", "sales", "branch"]},
    ),
    ("cafe-08", C, "en", "What were total sales of Mocha?", "decline", "", {}),
    (
        "cafe-09",
        C,
        "en",
        "what's the average sales figure on rainy days?",
        "number",
        "result = df.loc[df['weather'] == 'rainy', 'sales'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "cafe-10",
        C,
        "en",
        "Which branch had the biggest single day of Latte sales?",
        "label",
        "s = df[df['item'] == 'Latte'].groupby('branch')['sales'].max()\nresult = s",
        {"pick": "max"},
    ),
    (
        "cafe-11",
        C,
        "en",
        "how many days did it rain?",
        "number",
        "result = df.loc[df['weather'] == 'rainy', 'date'].nunique()",
        {"rel_tol": 0},
    ),
    ("cafe-12", C, "en", "Will sales go up next month?", "decline", "", {}),
    (
        "cafe-13",
        C,
        "en",
        "total cups sold by weather",
        "table",
        "result = df.groupby('weather')['cups'].sum()",
        {"rel_tol": 0.005},
    ),
    (
        "cafe-14",
        C,
        "ko",
        "지점별 평균 판매액",
        "table",
        "result = df.groupby('branch')['sales'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "fin-01",
        F,
        "en",
        "How many companies are in the data?",
        "number",
        "result = df['company'].nunique()",
        {"rel_tol": 0},
    ),
    (
        "fin-02",
        F,
        "en",
        "What was Nimbus Corp's revenue growth from 2020 to 2023?",
        "number",
        "r = df[df['company'] == 'Nimbus Corp'].set_index('year')['revenue_musd']\nresult = r[2023] / r[2020] - 1",
        {"percent": True, "rel_tol": 0.005},
    ),
    (
        "fin-03",
        F,
        "en",
        "top 3 companies by the highest profit they ever made",
        "labels",
        "s = df.groupby('company')['profit_musd'].max().sort_values(ascending=False)\nresult = list(s.index[:3])",
        {"ordered": True, "others_from": "s"},
    ),
    (
        "fin-04",
        F,
        "en",
        "Which company had the most employees in 2024?",
        "label",
        "result = df[df['year'] == 2024].set_index('company')['employees']",
        {"pick": "max"},
    ),
    (
        "fin-05",
        F,
        "en",
        "average revenue per year",
        "table",
        "result = df.groupby('year')['revenue_musd'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "fin-06",
        F,
        "ko",
        "2024년 국가별 매출 합계",
        "table",
        "result = df[df['year'] == 2024].groupby('country')['revenue_musd'].sum()",
        {"rel_tol": 0.005},
    ),
    ("fin-07", F, "ko", "회사는 모두 몇 개야?", "number", "result = df['company'].nunique()", {"rel_tol": 0}),
    (
        "fin-08",
        F,
        "ko",
        "2019년 대비 2024년에 직원 수가 가장 많이 늘어난 회사는?",
        "label",
        "p = df.pivot(index='company', columns='year', values='employees')\nresult = p[2024] - p[2019]",
        {"pick": "max"},
    ),
    (
        "fin-09",
        F,
        "ko",
        "적자를 낸 적이 있는 회사는 몇 곳?",
        "number",
        "result = df.loc[df['profit_musd'] < 0, 'company'].nunique()",
        {"rel_tol": 0},
    ),
    (
        "fin-10",
        F,
        "ko",
        "Orion Labs 연도별 매출 추이를 선 그래프로 그려줘",
        "chart",
        "",
        {"columns": ["year", "revenue_musd"]},
    ),
    ("fin-11", F, "ko", "Zenith Holdings 매출 합계는?", "decline", "", {}),
    ("fin-12", F, "ko", "내년 매출 예측해줘", "decline", "", {}),
    (
        "hos-01",
        H,
        "ko",
        "강남센터 전체 환자 수 합계",
        "number",
        "result = df.loc[df['병원명'] == '강남센터', '환자수'].sum()",
        {"rel_tol": 0},
    ),
    (
        "hos-02",
        H,
        "ko",
        "진료과별 평균 대기시간",
        "table",
        "result = df.groupby('진료과')['대기시간(분)'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "hos-03",
        H,
        "ko",
        "환자가 가장 많았던 달은?",
        "label",
        HM + "result = df.groupby(m.dt.month)['환자수'].sum()",
        {"pick": "max", "month_names": True},
    ),
    (
        "hos-04",
        H,
        "ko",
        "진료수익이 가장 높았던 분기는 언제야?",
        "label",
        HM + "result = df.groupby(m.dt.quarter)['진료수익(원)'].sum()",
        {"pick": "max", "quarter": True},
    ),
    (
        "hos-05",
        H,
        "ko",
        "분당센터 기록이 빠진 날짜 알려줘",
        "labels",
        HM + "have = set(m[df['병원명'] == '분당센터'].dt.normalize())\n"
        "result = [d.strftime('%Y-%m-%d') for d in pd.date_range(m.min(), m.max()) if d not in have]",
        {"ordered": False},
    ),
    ("hos-06", H, "ko", "병원은 몇 곳이야?", "number", "result = df['병원명'].nunique()", {"rel_tol": 0}),
    (
        "hos-07",
        H,
        "ko",
        "소아과 환자수가 제일 많았던 날은?",
        "label",
        "s = df[df['진료과'] == '소아과'].groupby('진료일')['환자수'].sum()\nresult = s",
        {"pick": "max"},
    ),
    ("hos-08", H, "ko", "병원별 환자수 추이 선그래프", "chart", "", {"columns": ["진료일", "환자수", "병원명"]}),
    (
        "hos-09",
        H,
        "ko",
        "대기시간 30분 넘는 기록 몇 건이야?",
        "number",
        "result = (df['대기시간(분)'] > 30).sum()",
        {"rel_tol": 0},
    ),
    (
        "hos-10",
        H,
        "ko",
        "일산센터 안과 평균 진료수익",
        "number",
        "result = df.loc[(df['병원명'] == '일산센터') & (df['진료과'] == '안과'), '진료수익(원)'].mean()",
        {"rel_tol": 0.005},
    ),
    (
        "hos-11",
        H,
        "ko",
        "전체 환자 중 피부과 비중은?",
        "number",
        "result = df.loc[df['진료과'] == '피부과', '환자수'].sum() / df['환자수'].sum()",
        {"percent": True, "rel_tol": 0.005, "also_rows": "(df['진료과'] == '피부과').mean()"},
    ),
    (
        "hos-12",
        H,
        "en",
        "Which department has the longest average wait?",
        "label",
        "result = df.groupby('진료과')['대기시간(분)'].mean()",
        {"pick": "max"},
    ),
    ("hos-13", H, "ko", "환자 만족도 평균은?", "decline", "", {}),
    (
        "hos-14",
        H,
        "ko",
        "3월 병원별 진료수익 합계",
        "table",
        HM + "result = df[m.dt.month == 3].groupby('병원명')['진료수익(원)'].sum()",
        {"rel_tol": 0.005},
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding=ENC[name]["encoding"])


def main() -> None:
    write(HERE, build(QUESTIONS, load, default_tol=None))


if __name__ == "__main__":
    main()
