"""Builds `dev/questions.jsonl` of the eighth evaluation set: every expected result is computed
here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset8/data/gen_data.py && python benchmarks/evalset8/build.py

The questions were written (Nov 2026, issue 14 round 6) the way people ask, before changing the
analyst, about how WORDS and VALUES are read: names in "or"/"and" lists (a membership filter),
words the data writes otherwise (foreigners for `foreign`, got off for 하차, 영하 for a
temperature below zero, 적자 / negative returns for a value below zero), names written in Hangul
while the data writes them in Latin letters and the reverse (삼성 for Samsung, Gangnam for 강남),
and distinct counts worded as kinds ("how many different", "몇 종류"); with near variants that
must be declined (a list with a member the data does not have, a sign word whose column is
ambiguous, a name that only looks like a value). See `evalset_build.py` for the kinds of
expected result.
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
V, S, C = "visitor_survey.csv", "subway_daily.csv", "company_results.csv"
N0 = {"rel_tol": 0}
N1 = {"rel_tol": 0.005}

# (id, dataset, lang, question, kind, code, extra expect fields)
QUESTIONS = [
    # --- visitor_survey: English columns, values domestic/foreign, business/tourism/... ---
    ("vs-01", V, "en", "how many respondents visited Busan or Jeju?", "number",
     "result = df['city'].isin(['Busan', 'Jeju']).sum()", N0),
    ("vs-02", V, "en", "average spending of visitors to Seoul, Busan or Gyeongju", "number",
     "result = df.loc[df['city'].isin(['Seoul', 'Busan', 'Gyeongju']), 'spending_usd'].mean()", N1),
    ("vs-03", V, "ko", "서울이나 부산을 방문한 응답자는 몇 명이야?", "number",
     "result = df['city'].isin(['Seoul', 'Busan']).sum()", N0),
    ("vs-04", V, "ko", "제주 또는 경주 방문객의 평균 지출은?", "number",
     "result = df.loc[df['city'].isin(['Jeju', 'Gyeongju']), 'spending_usd'].mean()", N1),
    ("vs-05", V, "en", "how many people in the survey went to Seoul or Tokyo?", "decline", "", {}),
    ("vs-06", V, "ko", "서울이나 대전에 간 응답자는 몇 명?", "decline", "", {}),
    ("vs-07", V, "en", "how many foreigners answered the survey?", "number",
     "result = (df['nationality'] == 'foreign').sum()", N0),
    ("vs-08", V, "ko", "외국인 응답자의 평균 지출은 얼마야?", "number",
     "result = df.loc[df['nationality'] == 'foreign', 'spending_usd'].mean()", N1),
    ("vs-09", V, "ko", "내국인은 평균 몇 박 했어?", "number",
     "result = df.loc[df['nationality'] == 'domestic', 'nights'].mean()", N1),
    ("vs-10", V, "en", "what's the average spending on business trips?", "number",
     "result = df.loc[df['purpose'] == 'business', 'spending_usd'].mean()", N1),
    ("vs-11", V, "ko", "출장으로 온 사람은 몇 명이야?", "number",
     "result = (df['purpose'] == 'business').sum()", N0),
    ("vs-12", V, "ko", "관광 목적 방문객의 평균 만족도는?", "number",
     "result = df.loc[df['purpose'] == 'tourism', 'satisfaction'].mean()", N1),
    ("vs-13", V, "en", "how many tourists from abroad visited Jeju?", "number",
     "result = ((df['purpose'] == 'tourism') & (df['nationality'] == 'foreign') & (df['city'] == 'Jeju')).sum()", N0),
    ("vs-14", V, "en", "how many different cities are in the survey?", "number",
     "result = df['city'].nunique()", N0),
    ("vs-15", V, "en", "number of unique purposes", "number",
     "result = df['purpose'].nunique()", N0),
    ("vs-16", V, "ko", "방문 도시는 몇 종류야?", "number",
     "result = df['city'].nunique()", N0),
    ("vs-17", V, "ko", "외국인 응답자들이 방문한 도시는 몇 종류야?", "number",
     "result = df.loc[df['nationality'] == 'foreign', 'city'].nunique()", N0),
    ("vs-18", V, "en", "how many kinds of airlines did respondents use?", "decline", "", {}),
    ("vs-19", V, "ko", "purpose 종류가 몇 가지야?", "number",
     "result = df['purpose'].nunique()", N0),
    ("vs-20", V, "en", "average spending of visitors to Busan or Daejeon", "decline", "", {}),
    ("vs-21", V, "en", "average satisfaction of visitors to Jeju, Jeonju or Gyeongju", "number",
     "result = df.loc[df['city'].isin(['Jeju', 'Jeonju', 'Gyeongju']), 'satisfaction'].mean()", N1),
    ("vs-22", V, "ko", "부산, 제주, 경주 중 한 곳을 방문한 사람은 몇 명?", "number",
     "result = df['city'].isin(['Busan', 'Jeju', 'Gyeongju']).sum()", N0),
    # --- subway_daily: Korean columns, station names in Hangul, boardings and alightings ---
    ("sw-01", S, "ko", "강남이나 잠실의 승차인원 합계는?", "number",
     "result = df.loc[df['역명'].isin(['강남', '잠실']), '승차인원'].sum()", N0),
    ("sw-02", S, "ko", "신촌, 홍대입구 또는 여의도의 평균 하차인원은?", "number",
     "result = df.loc[df['역명'].isin(['신촌', '홍대입구', '여의도']), '하차인원'].mean()", N1),
    ("sw-03", S, "ko", "강남과 잠실의 하차인원 합계", "number",
     "result = df.loc[df['역명'].isin(['강남', '잠실']), '하차인원'].sum()", N0),
    ("sw-04", S, "ko", "강남이나 판교의 승차인원 합계는?", "decline", "", {}),
    ("sw-05", S, "en", "how many people got off at 강남 in total?", "number",
     "result = df.loc[df['역명'] == '강남', '하차인원'].sum()", N0),
    ("sw-06", S, "ko", "강남에서 내린 사람은 총 몇 명이야?", "number",
     "result = df.loc[df['역명'] == '강남', '하차인원'].sum()", N0),
    ("sw-07", S, "en", "total alightings at Gangnam", "number",
     "result = df.loc[df['역명'] == '강남', '하차인원'].sum()", N0),
    ("sw-08", S, "en", "average boardings at Jamsil", "number",
     "result = df.loc[df['역명'] == '잠실', '승차인원'].mean()", N1),
    ("sw-09", S, "en", "how many people got on at Yeouido in total?", "number",
     "result = df.loc[df['역명'] == '여의도', '승차인원'].sum()", N0),
    ("sw-10", S, "ko", "영하일 때 강남의 평균 승차인원은?", "number",
     "result = df.loc[(df['평균기온'] < 0) & (df['역명'] == '강남'), '승차인원'].mean()", N1),
    ("sw-11", S, "en", "average 승차인원 at 잠실 on days below freezing", "number",
     "result = df.loc[(df['평균기온'] < 0) & (df['역명'] == '잠실'), '승차인원'].mean()", N1),
    ("sw-12", S, "ko", "역은 모두 몇 개야?", "number",
     "result = df['역명'].nunique()", N0),
    ("sw-13", S, "ko", "서로 다른 호선은 몇 개야?", "number",
     "result = df['호선'].nunique()", N0),
    ("sw-14", S, "en", "how many distinct stations are there?", "number",
     "result = df['역명'].nunique()", N0),
    ("sw-15", S, "ko", "2호선에는 몇 종류의 역명이 있어?", "number",
     "result = df.loc[df['호선'] == '2호선', '역명'].nunique()", N0),
    ("sw-16", S, "ko", "강남의 환승인원 합계는?", "decline", "", {}),
    ("sw-17", S, "en", "average 하차인원 at Gangnam or Jamsil", "number",
     "result = df.loc[df['역명'].isin(['강남', '잠실']), '하차인원'].mean()", N1),
    ("sw-18", S, "en", "total boardings at Gangnam or Pangyo", "decline", "", {}),
    ("sw-19", S, "ko", "서울역이나 광화문에서 탄 승객 수 합계는?", "number",
     "result = df.loc[df['역명'].isin(['서울역', '광화문']), '승차인원'].sum()", N0),
    ("sw-20", S, "en", "how many different lines are there", "number",
     "result = df['호선'].nunique()", N0),
    # --- company_results: English columns, Korean companies written in Latin letters ---
    ("co-01", C, "ko", "삼성의 평균 매출은?", "number",
     "result = df.loc[df['company'] == 'Samsung', 'revenue'].mean()", N1),
    ("co-02", C, "ko", "네이버 매출 합계 알려줘", "number",
     "result = df.loc[df['company'] == 'Naver', 'revenue'].sum()", N1),
    ("co-03", C, "ko", "카카오의 최대 revenue는?", "number",
     "result = df.loc[df['company'] == 'Kakao', 'revenue'].max()", N1),
    ("co-04", C, "ko", "2020년 현대의 매출은?", "number",
     "result = df.loc[(df['company'] == 'Hyundai') & (df['year'] == 2020), 'revenue'].sum()", N1),
    ("co-05", C, "ko", "포스코의 평균 stock_return_pct는?", "number",
     "result = df.loc[df['company'] == 'Posco', 'stock_return_pct'].mean()", N1),
    ("co-06", C, "ko", "애플의 평균 매출은?", "decline", "", {}),
    ("co-07", C, "ko", "삼양의 매출 합계는?", "decline", "", {}),
    ("co-08", C, "ko", "네이버나 카카오의 2022년 매출 합계는?", "number",
     "result = df.loc[df['company'].isin(['Naver', 'Kakao']) & (df['year'] == 2022), 'revenue'].sum()", N1),
    ("co-09", C, "en", "total revenue of Samsung, Hyundai or LG in 2021", "number",
     "result = df.loc[df['company'].isin(['Samsung', 'Hyundai', 'LG']) & (df['year'] == 2021), 'revenue'].sum()", N1),
    ("co-10", C, "en", "revenue of Samsung or Apple in 2021", "decline", "", {}),
    ("co-11", C, "en", "how many rows are electronics or internet companies?", "number",
     "result = df['sector'].isin(['electronics', 'internet']).sum()", N0),
    ("co-12", C, "en", "in how many years did Coupang have a negative operating profit?", "number",
     "result = ((df['company'] == 'Coupang') & (df['operating_profit'] < 0)).sum()", N0),
    ("co-13", C, "ko", "쿠팡이 적자였던 해는 몇 번이야?", "number",
     "result = ((df['company'] == 'Coupang') & (df['operating_profit'] < 0)).sum()", N0),
    ("co-14", C, "en", "how many times was the stock return negative?", "number",
     "result = (df['stock_return_pct'] < 0).sum()", N0),
    ("co-15", C, "ko", "stock_return_pct가 마이너스인 경우는 몇 건?", "number",
     "result = (df['stock_return_pct'] < 0).sum()", N0),
    ("co-16", C, "en", "how many negative values are there?", "decline", "", {}),
    ("co-17", C, "ko", "마이너스인 건 몇 건이야?", "decline", "", {}),
    ("co-18", C, "ko", "2023년에 흑자를 낸 회사는 몇 곳이야?", "number",
     "result = df.loc[(df['year'] == 2023) & (df['operating_profit'] > 0), 'company'].nunique()", N0),
    ("co-19", C, "en", "average revenue of loss-making companies", "number",
     "result = df.loc[df['operating_profit'] < 0, 'revenue'].mean()", N1),
    ("co-20", C, "en", "how many different companies are in the data?", "number",
     "result = df['company'].nunique()", N0),
    ("co-21", C, "en", "how many unique sectors are there?", "number",
     "result = df['sector'].nunique()", N0),
    ("co-22", C, "ko", "sector는 몇 가지야?", "number",
     "result = df['sector'].nunique()", N0),
    ("co-23", C, "en", "how many different companies had a negative stock return in 2022?", "number",
     "result = df.loc[(df['year'] == 2022) & (df['stock_return_pct'] < 0), 'company'].nunique()", N0),
    ("co-24", C, "ko", "2022년에 stock_return_pct가 음수인 회사는 몇 곳?", "number",
     "result = df.loc[(df['year'] == 2022) & (df['stock_return_pct'] < 0), 'company'].nunique()", N0),
    ("co-25", C, "ko", "롯데의 평균 operating_profit은?", "number",
     "result = df.loc[df['company'] == 'Lotte', 'operating_profit'].mean()", N1),
    ("co-26", C, "ko", "셀트리온 매출 평균", "number",
     "result = df.loc[df['company'] == 'Celltrion', 'revenue'].mean()", N1),
    ("co-27", C, "ko", "엘지의 매출 합계는?", "number",
     "result = df.loc[df['company'] == 'LG', 'revenue'].sum()", N1),
    ("co-28", C, "ko", "삼성이나 애플의 평균 매출", "decline", "", {}),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding=json.loads((DATA / "datasets.json").read_text())[name]["encoding"])


if __name__ == "__main__":
    write(HERE, build(QUESTIONS, load, None))
