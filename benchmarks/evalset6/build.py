"""Builds `dev/questions.jsonl` of the sixth evaluation set: every expected result is computed here
with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset6/data/gen_data.py && python benchmarks/evalset6/build.py

The questions were written (Nov 2026, issue 14 round 5) the way people ask, before changing the
analyst, about data whose places and organisations are spelled as publishers spell them: a
country asked in English or Korean where the data holds the World Bank's statistical names
("Korea, Rep.", "Viet Nam", "Bahamas, The"), a US state asked by name (or in Korean) where the
data holds postal codes and by postal code where it holds names, a carrier asked by its initials
(UPS) where the data holds the full name; everyday words for measures of tourism (visitors,
tourists, 관광객, 입국자, tourism revenue) and labour (jobs, 일자리, wages, 시급, 경제활동인구);
"the year when ... was highest" in Korean (…가장 많았던 해는); "orders" on a table of orders;
the difference of two columns. Near variants that must be declined: a name two values share
(Congo), places the data does not have (Germany, Ontario, Oregon). A snippet leaves its answer
in `result` (see `evalset_build.py`).
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

T, L, SO, F = "wb_tourism.csv", "state_labor.csv", "shop_orders.csv", "foreign_residents.csv"


def one(country: str, year: int, col: str) -> str:
    return f"result = df.loc[(df['Country Name'] == {country!r}) & (df['Year'] == {year}), {col!r}].sum()"


def of(country: str, col: str, agg: str) -> str:
    return f"result = df.loc[df['Country Name'] == {country!r}, {col!r}].{agg}()"


LM = "m = pd.to_datetime(df['month'])\n"
OD = "d = pd.to_datetime(df['order_date'])\n"


def st(code: str, col: str, agg: str, year: int | None = None) -> str:
    cond = f"(df['state'] == {code!r})" + (f" & (m.dt.year == {year})" if year else "")
    return LM + f"result = df.loc[{cond}, {col!r}].{agg}()"


def st_month(code: str, col: str, ym: str) -> str:
    return f"result = df.loc[(df['state'] == {code!r}) & (df['month'] == '{ym}-01'), {col!r}].sum()"


def to(state: str, col: str | None, agg: str, carrier: str | None = None, year: int | None = None) -> str:
    cond = f"(df['ship_state'] == {state!r})" if state else "(df['amount'] == df['amount'])"
    if carrier:
        cond += f" & (df['carrier'] == {carrier!r})"
    if year:
        cond += f" & (d.dt.year == {year})"
    if col is None:
        return OD + f"result = int(({cond}).sum())"
    return OD + f"result = df.loc[{cond}, {col!r}].{agg}()"


def fr(nat: str | None, col: str, year: int, region: str | None = None) -> str:
    cond = f"(df['year'] == {year})"
    if nat:
        cond += f" & (df['nationality'] == {nat!r})"
    if region:
        cond += f" & (df['region'] == {region!r})"
    return f"result = df.loc[{cond}, {col!r}].sum()"


UPS, USPS = "United Parcel Service", "United States Postal Service"
N0 = {"rel_tol": 0}
N1 = {"rel_tol": 0.005}

# (id, dataset, lang, question, kind, code, extra expect fields)
QUESTIONS = [
    # --- wb_tourism: countries by their statistical names ---
    (
        "t-01",
        T,
        "en",
        "How many international tourist arrivals did South Korea have in 2019?",
        "number",
        one("Korea, Rep.", 2019, "arrivals"),
        N0,
    ),
    ("t-02", T, "ko", "2019년 한국의 입국자 수는?", "number", one("Korea, Rep.", 2019, "arrivals"), N0),
    (
        "t-03",
        T,
        "en",
        "What were Vietnam's tourism receipts in 2018?",
        "number",
        one("Viet Nam", 2018, "receipts_usd_mn"),
        N1,
    ),
    ("t-04", T, "ko", "베트남의 2018년 관광 수입은 얼마야?", "number", one("Viet Nam", 2018, "receipts_usd_mn"), N1),
    (
        "t-05",
        T,
        "en",
        "Average number of visitors to Russia per year",
        "number",
        of("Russian Federation", "arrivals", "mean"),
        N1,
    ),
    ("t-06", T, "ko", "러시아의 연평균 방문객 수는?", "number", of("Russian Federation", "arrivals", "mean"), N1),
    (
        "t-07",
        T,
        "en",
        "Which year did Egypt have the most tourist arrivals?",
        "label",
        "result = df[df['Country Name'] == 'Egypt, Arab Rep.'].groupby('Year')['arrivals'].sum()",
        {"pick": "max"},
    ),
    (
        "t-08",
        T,
        "ko",
        "이집트 입국자 수가 가장 많았던 해는?",
        "label",
        "result = df[df['Country Name'] == 'Egypt, Arab Rep.'].groupby('Year')['arrivals'].sum()",
        {"pick": "max"},
    ),
    (
        "t-09",
        T,
        "en",
        "Total departures from Iran between 2015 and 2019",
        "number",
        "result = df.loc[(df['Country Name'] == 'Iran, Islamic Rep.') & df['Year'].between(2015, 2019), 'departures'].sum()",
        N0,
    ),
    (
        "t-10",
        T,
        "ko",
        "이란의 2015년부터 2019년까지 출국자 수 합계",
        "number",
        "result = df.loc[(df['Country Name'] == 'Iran, Islamic Rep.') & df['Year'].between(2015, 2019), 'departures'].sum()",
        N0,
    ),
    (
        "t-11",
        T,
        "en",
        "How many arrivals did the Bahamas record in 2023?",
        "number",
        one("Bahamas, The", 2023, "arrivals"),
        N0,
    ),
    ("t-12", T, "ko", "바하마의 2023년 관광객 수", "number", one("Bahamas, The", 2023, "arrivals"), N0),
    (
        "t-13",
        T,
        "en",
        "Which country had the highest tourism receipts in 2019?",
        "label",
        "result = df[df['Year'] == 2019].groupby('Country Name')['receipts_usd_mn'].sum()",
        {"pick": "max"},
    ),
    (
        "t-14",
        T,
        "ko",
        "2019년 관광수입이 가장 많은 나라는?",
        "label",
        "result = df[df['Year'] == 2019].groupby('Country Name')['receipts_usd_mn'].sum()",
        {"pick": "max"},
    ),
    (
        "t-15",
        T,
        "en",
        "Turkey or Thailand: which had more arrivals in 2023?",
        "label",
        "result = df[df['Country Name'].isin(['Turkiye', 'Thailand']) & (df['Year'] == 2023)].groupby('Country Name')['arrivals'].sum()",
        {"pick": "max"},
    ),
    ("t-16", T, "ko", "터키의 평균 입국자 수", "number", of("Turkiye", "arrivals", "mean"), N1),
    ("t-17", T, "en", "arrivals in Congo in 2019", "decline", "", {}),
    ("t-18", T, "ko", "콩고의 2019년 입국자 수", "decline", "", {}),
    (
        "t-19",
        T,
        "en",
        "How many arrivals did the Democratic Republic of the Congo have in 2019?",
        "number",
        one("Congo, Dem. Rep.", 2019, "arrivals"),
        N0,
    ),
    ("t-20", T, "ko", "홍콩의 2023년 출국자 수는?", "number", one("Hong Kong SAR, China", 2023, "departures"), N0),
    ("t-21", T, "en", "arrivals in Germany in 2019", "decline", "", {}),
    ("t-22", T, "ko", "미국의 2022년 관광 수입", "number", one("United States", 2022, "receipts_usd_mn"), N1),
    (
        "t-23",
        T,
        "en",
        "What was the Czech Republic's average tourism revenue?",
        "number",
        of("Czechia", "receipts_usd_mn", "mean"),
        N1,
    ),
    ("t-24", T, "ko", "체코의 평균 관광수입", "number", of("Czechia", "receipts_usd_mn", "mean"), N1),
    (
        "t-25",
        T,
        "en",
        "What is the average of arrivals minus departures for Japan?",
        "number",
        "j = df[df['Country Name'] == 'Japan']\nresult = (j['arrivals'] - j['departures']).mean()",
        N1,
    ),
    (
        "t-26",
        T,
        "ko",
        "일본의 입국자 수에서 출국자 수를 뺀 값의 평균은?",
        "number",
        "j = df[df['Country Name'] == 'Japan']\nresult = (j['arrivals'] - j['departures']).mean()",
        N1,
    ),
    # --- state_labor: states by postal code ---
    (
        "l-01",
        L,
        "en",
        "What was California's average unemployment rate in 2024?",
        "number",
        st("CA", "unemployment_rate", "mean", 2024),
        N1,
    ),
    ("l-02", L, "ko", "2024년 캘리포니아의 평균 실업률은?", "number", st("CA", "unemployment_rate", "mean", 2024), N1),
    (
        "l-03",
        L,
        "en",
        "Highest unemployment rate ever recorded in Michigan",
        "number",
        st("MI", "unemployment_rate", "max"),
        N0,
    ),
    ("l-04", L, "ko", "미시간의 최고 실업률은?", "number", st("MI", "unemployment_rate", "max"), N0),
    (
        "l-05",
        L,
        "en",
        "Average hourly wage in Texas in 2023",
        "number",
        st("TX", "avg_hourly_earnings", "mean", 2023),
        N1,
    ),
    ("l-06", L, "ko", "텍사스의 2023년 평균 시급은?", "number", st("TX", "avg_hourly_earnings", "mean", 2023), N1),
    (
        "l-07",
        L,
        "en",
        "Which state had the most nonfarm payroll jobs in December 2024?",
        "label",
        "result = df[df['month'] == '2024-12-01'].groupby('state')['nonfarm_payrolls'].sum()",
        {"pick": "max"},
    ),
    (
        "l-08",
        L,
        "ko",
        "2024년 12월 일자리 수가 가장 많은 주는?",
        "label",
        "result = df[df['month'] == '2024-12-01'].groupby('state')['nonfarm_payrolls'].sum()",
        {"pick": "max"},
    ),
    (
        "l-09",
        L,
        "en",
        "How many jobs did New York have in January 2022?",
        "number",
        st_month("NY", "nonfarm_payrolls", "2022-01"),
        N1,
    ),
    ("l-10", L, "ko", "뉴욕주의 2022년 1월 일자리 수는?", "number", st_month("NY", "nonfarm_payrolls", "2022-01"), N1),
    ("l-11", L, "en", "Average labor force in Georgia", "number", st("GA", "labor_force", "mean"), N1),
    ("l-12", L, "ko", "조지아의 평균 경제활동인구는?", "number", st("GA", "labor_force", "mean"), N1),
    (
        "l-13",
        L,
        "en",
        "What was the unemployment rate in Washington, D.C. in March 2023?",
        "number",
        st_month("DC", "unemployment_rate", "2023-03"),
        N0,
    ),
    ("l-14", L, "ko", "워싱턴 D.C.의 2023년 3월 실업률", "number", st_month("DC", "unemployment_rate", "2023-03"), N0),
    (
        "l-15",
        L,
        "en",
        "In which year was Ohio's average unemployment rate lowest?",
        "label",
        LM + "result = df[df['state'] == 'OH'].groupby(m.dt.year)['unemployment_rate'].mean()",
        {"pick": "min"},
    ),
    (
        "l-16",
        L,
        "ko",
        "오하이오의 평균 실업률이 가장 낮았던 해는?",
        "label",
        LM + "result = df[df['state'] == 'OH'].groupby(m.dt.year)['unemployment_rate'].mean()",
        {"pick": "min"},
    ),
    ("l-17", L, "en", "Average payrolls in Massachusetts", "number", st("MA", "nonfarm_payrolls", "mean"), N1),
    ("l-18", L, "ko", "매사추세츠주 평균 취업자 수", "number", st("MA", "nonfarm_payrolls", "mean"), N1),
    (
        "l-19",
        L,
        "en",
        "Arizona or Florida: which has the higher average unemployment rate?",
        "label",
        "result = df[df['state'].isin(['AZ', 'FL'])].groupby('state')['unemployment_rate'].mean()",
        {"pick": "max"},
    ),
    (
        "l-20",
        L,
        "ko",
        "애리조나와 플로리다 중 평균 실업률이 더 높은 곳은?",
        "label",
        "result = df[df['state'].isin(['AZ', 'FL'])].groupby('state')['unemployment_rate'].mean()",
        {"pick": "max"},
    ),
    ("l-21", L, "en", "What's the average unemployment rate in Ontario?", "decline", "", {}),
    (
        "l-22",
        L,
        "ko",
        "펜실베이니아의 2024년 평균 시간당 임금",
        "number",
        st("PA", "avg_hourly_earnings", "mean", 2024),
        N1,
    ),
    (
        "l-23",
        L,
        "en",
        "What was the highest average hourly earnings in Illinois?",
        "number",
        st("IL", "avg_hourly_earnings", "max"),
        N0,
    ),
    ("l-24", L, "ko", "일리노이 평균 실업률", "number", st("IL", "unemployment_rate", "mean"), N1),
    # --- shop_orders: states written out, carriers by their full names ---
    ("o-01", SO, "en", "How many orders were shipped to California?", "number", to("California", None, ""), N0),
    ("o-02", SO, "ko", "CA로 배송된 주문은 몇 건이야?", "number", to("California", None, ""), N0),
    ("o-03", SO, "en", "Average order amount for NY orders", "number", to("New York", "amount", "mean"), N1),
    ("o-04", SO, "ko", "뉴욕으로 간 주문의 평균 금액은?", "number", to("New York", "amount", "mean"), N1),
    ("o-05", SO, "en", "Total amount of orders shipped by UPS", "number", to("", "amount", "sum", carrier=UPS), N1),
    ("o-06", SO, "ko", "UPS로 보낸 주문 금액 합계는?", "number", to("", "amount", "sum", carrier=UPS), N1),
    ("o-07", SO, "en", "How many orders did USPS carry?", "number", to("", None, "", carrier=USPS), N0),
    ("o-08", SO, "ko", "USPS 배송 건수는?", "number", to("", None, "", carrier=USPS), N0),
    (
        "o-09",
        SO,
        "en",
        "Which state has the most orders?",
        "label",
        "result = df.groupby('ship_state').size()",
        {"pick": "max"},
    ),
    (
        "o-10",
        SO,
        "ko",
        "주문 수가 가장 많은 주는?",
        "label",
        "result = df.groupby('ship_state').size()",
        {"pick": "max"},
    ),
    (
        "o-11",
        SO,
        "ko",
        "주문 수가 가장 많았던 해는?",
        "label",
        OD + "result = df.groupby(d.dt.year).size()",
        {"pick": "max"},
    ),
    (
        "o-12",
        SO,
        "en",
        "Which carrier had the highest average order amount?",
        "label",
        "result = df.groupby('carrier')['amount'].mean()",
        {"pick": "max"},
    ),
    ("o-13", SO, "ko", "텍사스 주문 평균 금액", "number", to("Texas", "amount", "mean"), N1),
    (
        "o-14",
        SO,
        "en",
        "Average amount of orders to TX shipped with UPS",
        "number",
        to("Texas", "amount", "mean", carrier=UPS),
        N1,
    ),
    ("o-15", SO, "ko", "워싱턴주로 보낸 주문은 몇 건?", "number", to("Washington", None, ""), N0),
    (
        "o-16",
        SO,
        "en",
        "How many orders went to Massachusetts in 2024?",
        "number",
        to("Massachusetts", None, "", year=2024),
        N0,
    ),
    ("o-17", SO, "ko", "2024년에 매사추세츠로 간 주문 수는?", "number", to("Massachusetts", None, "", year=2024), N0),
    ("o-18", SO, "en", "How many orders went to Oregon?", "decline", "", {}),
    ("o-19", SO, "ko", "오리건으로 간 주문 수", "decline", "", {}),
    (
        "o-20",
        SO,
        "ko",
        "UPS와 USPS 중 평균 주문 금액이 더 높은 곳은?",
        "label",
        f"result = df[df['carrier'].isin([{UPS!r}, {USPS!r}])].groupby('carrier')['amount'].mean()",
        {"pick": "max"},
    ),
    (
        "o-21",
        SO,
        "en",
        "Total items shipped to Florida by USPS",
        "number",
        to("Florida", "items", "sum", carrier=USPS),
        N0,
    ),
    ("o-22", SO, "ko", "플로리다 USPS 주문 수", "number", to("Florida", None, "", carrier=USPS), N0),
    # --- foreign_residents: nationalities by demonym, Korean regions (written after the first
    # three datasets' measurement, before any change for demonyms or migration words) ---
    (
        "d-01",
        F,
        "en",
        "How many Vietnamese residents were there in 2023?",
        "number",
        fr("Viet Nam", "residents", year=2023),
        N0,
    ),
    ("d-02", F, "ko", "2023년 베트남 국적 거주자 수는?", "number", fr("Viet Nam", "residents", year=2023), N0),
    (
        "d-03",
        F,
        "en",
        "Which nationality had the most foreign workers in 2022?",
        "label",
        "result = df[df['year'] == 2022].groupby('nationality')['workers'].sum()",
        {"pick": "max"},
    ),
    (
        "d-04",
        F,
        "ko",
        "2022년 외국인 근로자가 가장 많은 국적은?",
        "label",
        "result = df[df['year'] == 2022].groupby('nationality')['workers'].sum()",
        {"pick": "max"},
    ),
    (
        "d-05",
        F,
        "en",
        "How many international students from China were in Seoul in 2021?",
        "number",
        fr("China", "students", year=2021, region="서울"),
        N0,
    ),
    (
        "d-06",
        F,
        "ko",
        "2021년 서울의 중국인 유학생 수",
        "number",
        fr("China", "students", year=2021, region="서울"),
        N0,
    ),
    (
        "d-07",
        F,
        "en",
        "Total number of foreign residents in Busan in 2020",
        "number",
        fr(None, "residents", year=2020, region="부산"),
        N0,
    ),
    ("d-08", F, "ko", "2020년 부산 외국인 주민 수 합계", "number", fr(None, "residents", year=2020, region="부산"), N0),
    (
        "d-09",
        F,
        "en",
        "Which region has the most Filipino workers?",
        "label",
        "result = df[df['nationality'] == 'Philippines'].groupby('region')['workers'].sum()",
        {"pick": "max"},
    ),
    (
        "d-10",
        F,
        "ko",
        "필리핀 근로자가 가장 많은 지역은?",
        "label",
        "result = df[df['nationality'] == 'Philippines'].groupby('region')['workers'].sum()",
        {"pick": "max"},
    ),
    (
        "d-11",
        F,
        "en",
        "How many Uzbek students were there in 2019?",
        "number",
        fr("Uzbekistan", "students", year=2019),
        N0,
    ),
    ("d-12", F, "ko", "2019년 우즈베키스탄 유학생 수는?", "number", fr("Uzbekistan", "students", year=2019), N0),
    (
        "d-13",
        F,
        "en",
        "How many Russian residents lived in Incheon in 2022?",
        "number",
        fr("Russian Federation", "residents", year=2022, region="인천"),
        N0,
    ),
    (
        "d-14",
        F,
        "ko",
        "2022년 인천 러시아인 거주자 수",
        "number",
        fr("Russian Federation", "residents", year=2022, region="인천"),
        N0,
    ),
    ("d-15", F, "en", "How many Mongolian workers were there in 2023?", "decline", "", {}),
    ("d-16", F, "ko", "2023년 몽골 국적 근로자 수", "decline", "", {}),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding=ENC[name]["encoding"])


def main() -> None:
    write(HERE, build(QUESTIONS, load, default_tol=None))


if __name__ == "__main__":
    main()
