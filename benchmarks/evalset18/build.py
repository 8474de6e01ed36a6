"""Builds `dev/questions.jsonl` of the eighteenth evaluation set (amounts written as text): every
expected result is computed here with pandas from the question's own snippet, independently of the
offline analyst (each snippet converts the text column itself).

    python benchmarks/evalset18/data/gen_data.py && python benchmarks/evalset18/build.py

Written by helper i14s (Nov 2026, issue 14 round 11) before changing any code and without looking
at the planner's vocabulary: money and percentages held as text cells ("$1,234.50", "4,800만원",
"12억 5,000만", "1.234,50 €", "12%", "($35.20)"), and numbers in the questions written with units
and magnitude words ("over $1,000", "10억 이상", "5천만원에서 7천만원 사이", "1.5k").

Amounts of a column written in 만원 or with 억/만 are expected in 만원 (`unit` 만원: the grader reads
"10억 3,200만" as 103200) and also accepted in 원.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
OR, SA, AP, IN = "online_orders.csv", "직원_연봉.csv", "아파트_매물.csv", "eu_invoices.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
P5 = {"rel_tol": 0.005, "percent": True}
MAN = {"rel_tol": 0.005, "man": True}  # a value in 만원

# Each dataset's conversions, written here independently of Vista.
AMT = "amt = df['amount'].str.replace(r'[$,]', '', regex=True).astype(float)\n"
DISC = "disc = df['discount'].str.rstrip('%').astype(float)\n"
SHIP = "ship = df['shipping_fee'].str.replace('USD ', '').astype(float)\n"
PROF = (
    "neg = df['profit'].str.startswith('(')\n"
    "prof = df['profit'].str.replace(r'[$,()]', '', regex=True).astype(float).where(~neg, lambda s: -s)\n"
)
OD = "d = pd.to_datetime(df['order_date'])\n"
SAL = "sal = df['연봉'].str.replace(r'[,만원]', '', regex=True).astype(float)\n"  # 만원
BON = "bon = df['성과급'].str.replace(r'[₩,]', '', regex=True).astype(float)\n"
RAI = "rai = df['인상률'].str.rstrip('%').astype(float)\n"
PRICE = (
    "def man(s):\n"
    "    eok, _, rest = s.partition('억')\n"
    "    if not rest and '만' in eok: eok, rest = '0', eok\n"
    "    return int(eok or 0) * 10000 + int(rest.replace('만', '').replace(',', '').strip() or 0)\n"
    "price = df['매매가'].map(man).astype(float)\n"
)
FEE = "fee = df['관리비'].str.replace(r'[,원]', '', regex=True).astype(float)\n"
TOT = "tot = df['total'].str.replace(' €', '').str.replace('.', '').str.replace(',', '.').astype(float)\n"
VAT = "vat = df['vat_rate'].str.replace(' %', '').astype(float)\n"

QUESTIONS = [
    # --- online orders: dollars, percents, accounting negatives -----------------------
    ("o-01", OR, "en", "What's the average order amount?", "number", AMT + "result = amt.mean()", N5),
    ("o-02", OR, "en", "total sales by region", "table", AMT + "result = amt.groupby(df['region']).sum()", N5),
    (
        "o-03",
        OR,
        "en",
        "which category has the highest average order value?",
        "label",
        AMT + "result = amt.groupby(df['category']).mean()",
        {"pick": "max"},
    ),
    (
        "o-04",
        OR,
        "en",
        "top 3 orders by amount",
        "labels",
        AMT + "result = list(df.assign(a=amt).sort_values('a', ascending=False)['order_id'][:3])",
        {"ordered": True},
    ),
    ("o-05", OR, "en", "how many orders over $1,000?", "number", AMT + "result = (amt > 1000).sum()", N0),
    (
        "o-06",
        OR,
        "en",
        "number of orders between $500 and $1,000",
        "number",
        AMT + "result = ((amt >= 500) & (amt <= 1000)).sum()",
        N0,
    ),
    ("o-07", OR, "en", "average discount", "number", DISC + "result = disc.mean() / 100", P5),
    (
        "o-08",
        OR,
        "en",
        "How many orders got more than 10% off? (discount)",
        "number",
        DISC + "result = (disc > 10).sum()",
        N0,
    ),
    ("o-09", OR, "en", "max shipping fee", "number", SHIP + "result = ship.max()", N5),
    ("o-10", OR, "en", "total profit", "number", PROF + "result = prof.sum()", N5),
    ("o-11", OR, "en", "how many orders had a negative profit", "number", PROF + "result = (prof < 0).sum()", N0),
    (
        "o-12",
        OR,
        "en",
        "Which region made the most profit?",
        "label",
        PROF + "result = prof.groupby(df['region']).sum()",
        {"pick": "max"},
    ),
    (
        "o-13",
        OR,
        "en",
        "avg amount for Electronics in the West",
        "number",
        AMT + "result = amt[(df['category'] == 'Electronics') & (df['region'] == 'West')].mean()",
        N5,
    ),
    ("o-14", OR, "en", "highest discount given", "number", DISC + "result = disc.max() / 100", P5),
    ("o-15", OR, "en", "median order amount", "number", AMT + "result = amt.median()", N5),
    (
        "o-16",
        OR,
        "en",
        "total amount in March",
        "number",
        AMT + OD + "result = amt[d.dt.month == 3].sum()",
        N5,
    ),
    ("o-17", OR, "en", "orders above 1.5k, how many?", "number", AMT + "result = (amt > 1500).sum()", N0),
    ("o-18", OR, "en", "will sales grow next year?", "decline", "", {}),
    ("o-19", OR, "ko", "region별 평균 amount", "table", AMT + "result = amt.groupby(df['region']).mean()", N5),
    ("o-20", OR, "ko", "amount 합계는?", "number", AMT + "result = amt.sum()", N5),
    (
        "o-21",
        OR,
        "ko",
        "amount가 1000달러 넘는 주문 몇 건?",
        "number",
        AMT + "result = (amt > 1000).sum()",
        N0,
    ),
    ("o-22", OR, "ko", "discount 평균", "number", DISC + "result = disc.mean() / 100", P5),
    (
        "o-23",
        OR,
        "ko",
        "category별 profit 합계",
        "table",
        PROF + "result = prof.groupby(df['category']).sum()",
        N5,
    ),
    ("o-24", OR, "en", "what is the profit margin trend caused by discounts?", "decline", "", {}),
    # --- 직원 연봉: 만원, ₩, percents -------------------------------------------------
    ("s-01", SA, "ko", "평균 연봉은?", "number", SAL + "result = sal.mean()", MAN),
    ("s-02", SA, "ko", "부서별 평균 연봉", "table", SAL + "result = sal.groupby(df['부서']).mean()", MAN),
    (
        "s-03",
        SA,
        "ko",
        "연봉이 가장 높은 직원은 누구야?",
        "label",
        SAL + "result = pd.Series(sal.values, index=df['이름'])",
        {"pick": "max"},
    ),
    (
        "s-04",
        SA,
        "ko",
        "연봉 상위 5명",
        "labels",
        SAL + "result = list(df.assign(s=sal).sort_values('s', ascending=False)['이름'][:5])",
        {"ordered": True},
    ),
    ("s-05", SA, "ko", "연봉 6천만원 이상인 직원은 몇 명?", "number", SAL + "result = (sal >= 6000).sum()", N0),
    (
        "s-06",
        SA,
        "ko",
        "연봉이 5천만원에서 7천만원 사이인 사람 수",
        "number",
        SAL + "result = ((sal >= 5000) & (sal <= 7000)).sum()",
        N0,
    ),
    ("s-07", SA, "ko", "개발 부서 평균 성과급", "number", BON + "result = bon[df['부서'] == '개발'].mean()", N5),
    ("s-08", SA, "ko", "성과급 총액", "number", BON + "result = bon.sum()", N5),
    ("s-09", SA, "ko", "평균 인상률", "number", RAI + "result = rai.mean() / 100", P5),
    ("s-10", SA, "ko", "인상률이 5% 넘는 직원 몇 명?", "number", RAI + "result = (rai > 5).sum()", N0),
    ("s-11", SA, "ko", "직급별 평균 연봉", "table", SAL + "result = sal.groupby(df['직급']).mean()", MAN),
    (
        "s-12",
        SA,
        "ko",
        "성과급 300만원 이상 받은 사람은 몇 명이야",
        "number",
        BON + "result = (bon >= 3_000_000).sum()",
        N0,
    ),
    (
        "s-13",
        SA,
        "ko",
        "평균 인상률이 가장 높은 부서는?",
        "label",
        RAI + "result = rai.groupby(df['부서']).mean()",
        {"pick": "max"},
    ),
    ("s-14", SA, "ko", "연봉 최저액", "number", SAL + "result = sal.min()", MAN),
    ("s-15", SA, "ko", "연봉이 낮아서 퇴사하는 걸까?", "decline", "", {}),
    ("s-16", SA, "ko", "마케팅 평균 연봉 얼마", "number", SAL + "result = sal[df['부서'] == '마케팅'].mean()", MAN),
    ("s-17", SA, "ko", "부장 연봉 최고액", "number", SAL + "result = sal[df['직급'] == '부장'].max()", MAN),
    ("s-18", SA, "en", "average 연봉 by 부서", "table", SAL + "result = sal.groupby(df['부서']).mean()", MAN),
    ("s-19", SA, "en", "total 성과급", "number", BON + "result = bon.sum()", N5),
    (
        "s-20",
        SA,
        "ko",
        "연봉 1억 넘는 사람 있어? 몇 명?",
        "number",
        SAL + "result = (sal > 10000).sum()",
        N0,
    ),
    # --- 아파트 매물: 억/만 -----------------------------------------------------------
    ("a-01", AP, "ko", "평균 매매가는?", "number", PRICE + "result = price.mean()", MAN),
    ("a-02", AP, "ko", "구별 평균 매매가", "table", PRICE + "result = price.groupby(df['구']).mean()", MAN),
    (
        "a-03",
        AP,
        "ko",
        "평균 매매가가 가장 높은 구는?",
        "label",
        PRICE + "result = price.groupby(df['구']).mean()",
        {"pick": "max"},
    ),
    ("a-04", AP, "ko", "10억 이상 매물은 몇 개야?", "number", PRICE + "result = (price >= 100000).sum()", N0),
    (
        "a-05",
        AP,
        "ko",
        "매매가 5억에서 10억 사이 아파트 몇 개",
        "number",
        PRICE + "result = ((price >= 50000) & (price <= 100000) & (df['유형'] == '아파트')).sum()",
        N0,
    ),
    (
        "a-06",
        AP,
        "ko",
        "강남구 아파트 평균 매매가",
        "number",
        PRICE + "result = price[(df['구'] == '강남구') & (df['유형'] == '아파트')].mean()",
        MAN,
    ),
    ("a-07", AP, "ko", "관리비 평균", "number", FEE + "result = fee.mean()", N5),
    ("a-08", AP, "ko", "관리비가 20만원 넘는 매물 수", "number", FEE + "result = (fee > 200000).sum()", N0),
    ("a-09", AP, "ko", "가장 싼 매물 가격은?", "number", PRICE + "result = price.min()", MAN),
    ("a-10", AP, "ko", "오피스텔 최고가", "number", PRICE + "result = price[df['유형'] == '오피스텔'].max()", MAN),
    ("a-11", AP, "ko", "유형별 평균 관리비", "table", FEE + "result = fee.groupby(df['유형']).mean()", N5),
    ("a-12", AP, "ko", "매매가 중앙값", "number", PRICE + "result = price.median()", MAN),
    (
        "a-13",
        AP,
        "ko",
        "매매가 3억 5천만원 이하 매물 수",
        "number",
        PRICE + "result = (price <= 35000).sum()",
        N0,
    ),
    ("a-14", AP, "ko", "내년 집값 예측해줘", "decline", "", {}),
    (
        "a-15",
        AP,
        "en",
        "average 매매가 in 마포구",
        "number",
        PRICE + "result = price[df['구'] == '마포구'].mean()",
        MAN,
    ),
    (
        "a-16",
        AP,
        "ko",
        "노원구 매매가 제일 비싼 거",
        "number",
        PRICE + "result = price[df['구'] == '노원구'].max()",
        MAN,
    ),
    ("a-17", AP, "ko", "빌라 관리비 최고액", "number", FEE + "result = fee[df['유형'] == '빌라'].max()", N5),
    # --- eu invoices: decimal comma, symbol after, "19 %" ---------------------------------
    ("i-01", IN, "en", "average invoice total", "number", TOT + "result = tot.mean()", N5),
    ("i-02", IN, "en", "total invoiced per country", "table", TOT + "result = tot.groupby(df['country']).sum()", N5),
    ("i-03", IN, "en", "how many invoices over €2,000?", "number", TOT + "result = (tot > 2000).sum()", N0),
    ("i-04", IN, "en", "average vat rate", "number", VAT + "result = vat.mean() / 100", P5),
    (
        "i-05",
        IN,
        "en",
        "Which country has the highest average total?",
        "label",
        TOT + "result = tot.groupby(df['country']).mean()",
        {"pick": "max"},
    ),
    ("i-06", IN, "en", "largest total", "number", TOT + "result = tot.max()", N5),
    (
        "i-07",
        IN,
        "en",
        "sum of total for unpaid invoices",
        "number",
        TOT + "result = tot[df['paid'] == 'no'].sum()",
        N5,
    ),
    ("i-08", IN, "en", "invoices under 500 euros - how many", "number", TOT + "result = (tot < 500).sum()", N0),
    (
        "i-09",
        IN,
        "en",
        "average total for Wholesale in Germany",
        "number",
        TOT + "result = tot[(df['segment'] == 'Wholesale') & (df['country'] == 'Germany')].mean()",
        N5,
    ),
    ("i-10", IN, "ko", "country별 total 평균", "table", TOT + "result = tot.groupby(df['country']).mean()", N5),
    ("i-11", IN, "ko", "vat_rate 20% 이상인 인보이스 수", "number", VAT + "result = (vat >= 20).sum()", N0),
    ("i-12", IN, "en", "why are wholesale invoices larger?", "decline", "", {}),
    ("i-13", IN, "ko", "total 중앙값", "number", TOT + "result = tot.median()", N5),
    ("i-14", IN, "ko", "total 2천 유로 넘는 거 몇 개야", "number", TOT + "result = (tot > 2000).sum()", N0),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


def in_man(rows: list[dict], questions: list[tuple]) -> None:
    """Amounts in 만원: graded with Korean large-number words, also accepted in 원."""
    man = {q[0] for q in questions if q[6].get("man")}
    for r in rows:
        if r["id"] in man:
            e = r["expect"]
            e["unit"] = "만원"
            if e["kind"] == "number":
                e["also"] = [e["value"] * 10000]


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    in_man(rows, QUESTIONS)
    write(HERE, rows)
