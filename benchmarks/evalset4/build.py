"""Builds `dev/questions.jsonl` of the fourth evaluation set: every expected result is computed
here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset4/data/gen_data.py && python benchmarks/evalset4/build.py

The questions were written (Nov 2026, issue 14 round 4) the way people ask, before changing the
analyst, about how it reads words: Korean endings, counters and numerals, loanwords and unknown
names; English possessives, number words and units; periods kept as text or integers ("2019-01",
연도 + 월), two-digit years and decades; superlative adjectives of a named measure. A snippet
leaves its answer in `result`:
* number: a scalar; label: a Series whose idxmax/idxmin (`pick`) is the answer (the runners-up
  become `others`), or a scalar label with `others` given; labels: a list (in order); table: a
  Series. `month_names` turns month numbers (1-12) into names; `aliases` adds spellings.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
ENC = {"shop_monthly.csv": "utf-8", "tourism_ko.csv": "cp949", "city_air.csv": "utf-8"}
S, T, A = "shop_monthly.csv", "tourism_ko.csv", "city_air.csv"
SY = "y = df['month'].str[:4].astype(int)\n"
AD = "d = pd.to_datetime(df['date'])\n"
TF, TI = "외국인방문객(명)", "관광수입(억원)"


# (id, dataset, lang, question, kind, code, extra)
QUESTIONS = [
    (
        "shop-01",
        S,
        "en",
        "What was total revenue in 2023?",
        "number",
        SY + "result = df.loc[y == 2023, 'revenue'].sum()",
        {},
    ),
    ("shop-02", S, "en", "show the monthly revenue trend", "chart", "", {"columns": ["month", "revenue"]}),
    (
        "shop-03",
        S,
        "en",
        "Which month in 2022 had the highest revenue?",
        "label",
        "result = df[df['month'].str.startswith('2022')].groupby('month')['revenue'].sum()",
        {"pick": "max", "period_month": True},
    ),
    (
        "shop-04",
        S,
        "en",
        "How many rows have revenue over $100,000?",
        "number",
        "result = (df['revenue'] > 100000).sum()",
        {"rel_tol": 0},
    ),
    (
        "shop-05",
        S,
        "en",
        "average orders in the 2010s",
        "number",
        SY + "result = df.loc[y.between(2010, 2019), 'orders'].mean()",
        {},
    ),
    (
        "shop-06",
        S,
        "en",
        "the West region's average revenue",
        "number",
        "result = df.loc[df['region'] == 'West', 'revenue'].mean()",
        {},
    ),
    (
        "shop-07",
        S,
        "en",
        "top two categories by total revenue",
        "labels",
        "s = df.groupby('category')['revenue'].sum().sort_values(ascending=False)\nresult = list(s.index[:2])",
        {"ordered": True, "others_from": "s"},
    ),
    ("shop-08", S, "en", "total revenue by year", "table", SY + "result = df.groupby(y)['revenue'].sum()", {}),
    (
        "shop-09",
        S,
        "en",
        "average return rate of Apparel in '22",
        "number",
        "result = df.loc[(df['category'] == 'Apparel') & df['month'].str.startswith('2022'), 'return_rate'].mean()",
        {},
    ),
    ("shop-10", S, "en", "What was the revenue in Florida?", "decline", "", {}),
    (
        "shop-11",
        S,
        "en",
        "how many records have a return rate above 10%?",
        "number",
        "result = (df['return_rate'] > 0.10).sum()",
        {"rel_tol": 0},
    ),
    (
        "shop-12",
        S,
        "ko",
        "2023년 월별 매출 합계",
        "table",
        "result = df[df['month'].str.startswith('2023')].groupby('month')['revenue'].sum()",
        {"period_month": True},
    ),
    (
        "shop-13",
        S,
        "ko",
        "23년 Electronics 매출 합계는?",
        "number",
        "result = df.loc[(df['category'] == 'Electronics') & df['month'].str.startswith('2023'), 'revenue'].sum()",
        {},
    ),
    ("shop-14", S, "ko", "지역별 평균 주문수", "table", "result = df.groupby('region')['orders'].mean()", {}),
    (
        "shop-15",
        S,
        "ko",
        "매출이 가장 컸던 카테고리는?",
        "label",
        "result = df.groupby('category')['revenue'].sum()",
        {"pick": "max"},
    ),
    (
        "shop-16",
        S,
        "ko",
        "2020년에 매출이 가장 많았던 달은 언제야?",
        "label",
        "result = df[df['month'].str.startswith('2020')].groupby('month')['revenue'].sum()",
        {"pick": "max", "period_month": True},
    ),
    (
        "shop-17",
        S,
        "ko",
        "South 지역 2019년 주문 수 합계",
        "number",
        "result = df.loc[(df['region'] == 'South') & df['month'].str.startswith('2019'), 'orders'].sum()",
        {"rel_tol": 0},
    ),
    ("shop-18", S, "ko", "매출이 늘어난 이유가 뭐야?", "decline", "", {}),
    (
        "tour-01",
        T,
        "ko",
        "90년대 제주 외국인 방문객 합계",
        "number",
        f"result = df.loc[(df['지역'] == '제주') & df['연도'].between(1990, 1999), '{TF}'].sum()",
        {"rel_tol": 0},
    ),
    (
        "tour-02",
        T,
        "ko",
        "2010년대 지역별 평균 관광수입",
        "table",
        f"result = df[df['연도'].between(2010, 2019)].groupby('지역')['{TI}'].mean()",
        {},
    ),
    (
        "tour-03",
        T,
        "ko",
        "외국인 방문객이 가장 많았던 해는 언제야?",
        "label",
        f"result = df.groupby('연도')['{TF}'].sum()",
        {"pick": "max"},
    ),
    (
        "tour-04",
        T,
        "ko",
        "부산 내국인 방문객이 30만 명 넘은 달은 몇 번이야?",
        "number",
        "result = ((df['지역'] == '부산') & (df['내국인방문객(명)'] > 300000)).sum()",
        {"rel_tol": 0},
    ),
    (
        "tour-05",
        T,
        "ko",
        "관광수입이 제일 컸던 지역은?",
        "label",
        f"result = df.groupby('지역')['{TI}'].sum()",
        {"pick": "max"},
    ),
    (
        "tour-06",
        T,
        "ko",
        "외국인 방문객 합계 상위 세 곳은?",
        "labels",
        f"s = df.groupby('지역')['{TF}'].sum().sort_values(ascending=False)\nresult = list(s.index[:3])",
        {"ordered": True, "others_from": "s"},
    ),
    (
        "tour-07",
        T,
        "ko",
        "강릉이나 경주의 평균 관광수입",
        "number",
        f"result = df.loc[df['지역'].isin(['강릉', '경주']), '{TI}'].mean()",
        {},
    ),
    ("tour-08", T, "ko", "연도별 외국인 방문객 추이 그래프", "chart", "", {"columns": ["연도", TF]}),
    ("tour-09", T, "ko", "플로리다 방문객 합계", "decline", "", {}),
    ("tour-10", T, "ko", "지역은 몇 가지나 돼?", "number", "result = df['지역'].nunique()", {"rel_tol": 0}),
    ("tour-11", T, "ko", "제주 관광수입 총계는?", "number", f"result = df.loc[df['지역'] == '제주', '{TI}'].sum()", {}),
    (
        "tour-12",
        T,
        "ko",
        "외국인 방문객이 5만 명을 넘은 적이 있는 지역은 몇 곳?",
        "number",
        f"result = df.loc[df['{TF}'] > 50000, '지역'].nunique()",
        {"rel_tol": 0},
    ),
    (
        "tour-13",
        T,
        "ko",
        "2023년 1월 전주 내국인 방문객 수",
        "number",
        "result = df.loc[(df['연도'] == 2023) & (df['월'] == 1) & (df['지역'] == '전주'), '내국인방문객(명)'].sum()",
        {"rel_tol": 0},
    ),
    (
        "tour-14",
        T,
        "ko",
        "평균기온이 가장 낮았던 달은?",
        "label",
        "result = df.groupby('월')['평균기온(℃)'].mean()",
        {"pick": "min", "month_names": True},
    ),
    (
        "tour-15",
        T,
        "en",
        "Which month is the coldest on average?",
        "label",
        "result = df.groupby('월')['평균기온(℃)'].mean()",
        {"pick": "min", "month_names": True},
    ),
    (
        "tour-16",
        T,
        "ko",
        "2000년대 중에 관광수입이 가장 많았던 해는?",
        "label",
        f"result = df[df['연도'].between(2000, 2009)].groupby('연도')['{TI}'].sum()",
        {"pick": "max"},
    ),
    (
        "tour-17",
        T,
        "ko",
        "22년 8월 지역별 외국인 방문객",
        "table",
        f"result = df[(df['연도'] == 2022) & (df['월'] == 8)].groupby('지역')['{TF}'].sum()",
        {"rel_tol": 0},
    ),
    ("tour-18", T, "ko", "외국인 관광객 예측 모델 만들어줘", "decline", "", {}),
    (
        "air-01",
        A,
        "en",
        "Which city is the cleanest by average PM2.5?",
        "label",
        "result = df.groupby('city')['pm25'].mean()",
        {"pick": "min"},
    ),
    (
        "air-02",
        A,
        "en",
        "Which city had the worst average PM10?",
        "label",
        "result = df.groupby('city')['pm10'].mean()",
        {"pick": "max"},
    ),
    (
        "air-03",
        A,
        "en",
        "How many days was it over 30 degrees in Daegu?",
        "number",
        "result = ((df['city'] == 'Daegu') & (df['temp_c'] > 30)).sum()",
        {"rel_tol": 0},
    ),
    (
        "air-04",
        A,
        "en",
        "Seoul's average pm2.5 in 2023",
        "number",
        AD + "result = df.loc[(df['city'] == 'Seoul') & (d.dt.year == 2023), 'pm25'].mean()",
        {},
    ),
    ("air-05", A, "en", "pm10 trend for Busan", "chart", "", {"columns": ["date", "pm10"]}),
    (
        "air-06",
        A,
        "en",
        "how many days had more than 50 mm of rain in Seoul?",
        "number",
        "result = ((df['city'] == 'Seoul') & (df['rain_mm'] > 50)).sum()",
        {"rel_tol": 0},
    ),
    (
        "air-07",
        A,
        "en",
        "average temperature in Incheon in July 2022",
        "number",
        AD + "result = df.loc[(df['city'] == 'Incheon') & (d.dt.year == 2022) & (d.dt.month == 7), 'temp_c'].mean()",
        {},
    ),
    (
        "air-08",
        A,
        "en",
        "which month has the highest average pm2.5?",
        "label",
        AD + "result = df.groupby(d.dt.month)['pm25'].mean()",
        {"pick": "max", "month_names": True},
    ),
    (
        "air-09",
        A,
        "en",
        "top three cities by total rainfall",
        "labels",
        "s = df.groupby('city')['rain_mm'].sum().sort_values(ascending=False)\nresult = list(s.index[:3])",
        {"ordered": True, "others_from": "s"},
    ),
    ("air-10", A, "en", "Does rain cause lower pm2.5?", "decline", "", {}),
    ("air-11", A, "en", "What's the average PM2.5 in Tokyo?", "decline", "", {}),
    (
        "air-12",
        A,
        "en",
        "the second cleanest city by average pm2.5",
        "label",
        "s = df.groupby('city')['pm25'].mean().sort_values()\nresult = s.index[1]",
        {"others": "list(s.index[:1]) + list(s.index[2:])"},
    ),
    (
        "air-13",
        A,
        "ko",
        "Seoul 초미세먼지 평균은?",
        "number",
        "result = df.loc[df['city'] == 'Seoul', 'pm25'].mean()",
        {},
    ),
    (
        "air-14",
        A,
        "ko",
        "Daegu에서 기온이 30도 넘은 날은 며칠이야?",
        "number",
        "result = ((df['city'] == 'Daegu') & (df['temp_c'] > 30)).sum()",
        {"rel_tol": 0},
    ),
    (
        "air-15",
        A,
        "ko",
        "22년 Busan 평균 기온",
        "number",
        AD + "result = df.loc[(df['city'] == 'Busan') & (d.dt.year == 2022), 'temp_c'].mean()",
        {},
    ),
    (
        "air-16",
        A,
        "ko",
        "초미세먼지가 가장 심했던 도시는?",
        "label",
        "result = df.groupby('city')['pm25'].mean()",
        {"pick": "max"},
    ),
    (
        "air-17",
        A,
        "ko",
        "강수량 합계가 두 번째로 많은 도시는?",
        "label",
        "s = df.groupby('city')['rain_mm'].sum().sort_values(ascending=False)\nresult = s.index[1]",
        {"others": "list(s.index[:1]) + list(s.index[2:])"},
    ),
    ("air-18", A, "en", "clean up the pm25 column", "decline", "", {}),
    ("air-19", A, "en", "Which city is the cleanest?", "decline", "", {}),
    (
        "air-20",
        A,
        "ko",
        "미세먼지가 제일 좋았던 달은?",
        "label",
        AD + "result = df.groupby(d.dt.month)['pm10'].mean()",
        {"pick": "min", "month_names": True},
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding=ENC[name])


def main() -> None:
    write(HERE, build(QUESTIONS, load, default_tol=0.005))


if __name__ == "__main__":
    main()
