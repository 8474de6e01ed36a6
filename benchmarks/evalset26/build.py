"""Builds `dev/questions.jsonl` of the twenty-sixth evaluation set: every expected result is
computed here with pandas from the question's own snippet, independently of the offline analyst.

    python benchmarks/evalset26/build.py

Written by helper i14y (Nov 2026, issue 14 round 13) before any code change and without reading
the analyst's vocabulary: Korean questions, the way Korean users ask them, over four REAL public
tables whose column names and values are English abbreviations and words (ggplot2's mpg and
midwest, MASS's Cars93, car's Davis). Most questions are Korean because that is the kind of
failure the set measures; some English ones ask the same things as a control.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from evalset_build import build, write  # noqa: E402 - the benchmarks folder, as above

DATA = HERE / "data"
MP, C, DV, MW = "mpg.csv", "Cars93.csv", "Davis.csv", "midwest.csv"
N0 = {"rel_tol": 0}
N5 = {"rel_tol": 0.005}
MAX = {"pick": "max"}
MIN = {"pick": "min"}
NOBAG = "(df['AirBags'].isna() | (df['AirBags'] == 'None'))"

QUESTIONS = [
    # --- mpg (ggplot2) ----------------------------------------------------------------------
    (
        "mp-01",
        MP,
        "ko",
        "제조사별 평균 고속도로 연비",
        "table",
        "result = df.groupby('manufacturer')['hwy'].mean()",
        N5,
    ),
    ("mp-02", MP, "ko", "배기량이 가장 큰 차는?", "label", "result = df.groupby('model')['displ'].max()", MAX),
    ("mp-03", MP, "ko", "구동방식이 4륜인 차는 몇 대?", "number", "result = (df['drv'] == '4').sum()", N0),
    ("mp-04", MP, "ko", "연식별 평균 시내 연비", "table", "result = df.groupby('year')['cty'].mean()", N5),
    ("mp-05", MP, "ko", "실린더 수별 차량 대수", "table", "result = df['cyl'].value_counts()", N0),
    (
        "mp-06",
        MP,
        "ko",
        "2008년식 차들 평균 배기량",
        "number",
        "result = df.loc[df['year'] == 2008, 'displ'].mean()",
        N5,
    ),
    ("mp-07", MP, "ko", "고속도로 연비 30 넘는 차 몇대야", "number", "result = (df['hwy'] > 30).sum()", N0),
    (
        "mp-08",
        MP,
        "ko",
        "차종 중에 평균 시내연비가 제일 좋은 건?",
        "label",
        "result = df.groupby('class')['cty'].mean()",
        MAX,
    ),
    (
        "mp-09",
        MP,
        "en",
        "which manufacturer has the best average city mileage",
        "label",
        "result = df.groupby('manufacturer')['cty'].mean()",
        MAX,
    ),
    ("mp-10", MP, "en", "how many cars are front wheel drive", "number", "result = (df['drv'] == 'f').sum()", N0),
    (
        "mp-11",
        MP,
        "ko",
        "전륜구동 차량의 평균 고속도로 연비",
        "number",
        "result = df.loc[df['drv'] == 'f', 'hwy'].mean()",
        N5,
    ),
    ("mp-12", MP, "ko", "연료 종류별 개수", "table", "result = df['fl'].value_counts()", N0),
    ("mp-13", MP, "ko", "배기량이랑 고속도로 연비 산점도", "chart", "", {"columns": ["displ", "hwy"]}),
    ("mp-14", MP, "ko", "배기량 때문에 연비가 떨어지는 거야?", "decline", "", {}),
    (
        "mp-15",
        MP,
        "ko",
        "hyundai 시내 연비 평균",
        "number",
        "result = df.loc[df['manufacturer'] == 'hyundai', 'cty'].mean()",
        N5,
    ),
    (
        "mp-16",
        MP,
        "en",
        "median engine displacement of suvs",
        "number",
        "result = df.loc[df['class'] == 'suv', 'displ'].median()",
        N5,
    ),
    ("mp-17", MP, "ko", "최고 고속도로 연비는 얼마?", "number", "result = df['hwy'].max()", N0),
    ("mp-18", MP, "ko", "모델 연도별 차 몇 대씩 있어?", "table", "result = df['year'].value_counts()", N0),
    (
        "mp-19",
        MP,
        "en",
        "average highway mpg by manufacturer",
        "table",
        "result = df.groupby('manufacturer')['hwy'].mean()",
        N5,
    ),
    ("mp-20", MP, "en", "how many 4wd cars are there", "number", "result = (df['drv'] == '4').sum()", N0),
    # --- Cars93 (MASS) ----------------------------------------------------------------------
    ("c-01", C, "ko", "가격이 제일 비싼 차는?", "label", "result = df.set_index('Make')['Price']", MAX),
    ("c-02", C, "ko", "에어백 없는 차 평균 가격", "number", f"result = df.loc[{NOBAG}, 'Price'].mean()", N5),
    ("c-03", C, "ko", "원산지별 평균 마력", "table", "result = df.groupby('Origin')['Horsepower'].mean()", N5),
    ("c-04", C, "ko", "차 유형별로 몇 대인지", "table", "result = df['Type'].value_counts()", N0),
    ("c-05", C, "ko", "마력 200 넘는 차 몇 대?", "number", "result = (df['Horsepower'] > 200).sum()", N0),
    ("c-06", C, "ko", "차량 무게 평균", "number", "result = df['Weight'].mean()", N5),
    (
        "c-07",
        C,
        "ko",
        "수동변속기 있는 차들 평균 가격",
        "number",
        "result = df.loc[df['Man.trans.avail'] == 'Yes', 'Price'].mean()",
        N5,
    ),
    (
        "c-08",
        C,
        "ko",
        "구동방식별 평균 고속도로 연비",
        "table",
        "result = df.groupby('DriveTrain')['MPG.highway'].mean()",
        N5,
    ),
    (
        "c-09",
        C,
        "en",
        "average price of midsize cars",
        "number",
        "result = df.loc[df['Type'] == 'Midsize', 'Price'].mean()",
        N5,
    ),
    ("c-10", C, "ko", "승차 인원별 차 대수", "table", "result = df['Passengers'].value_counts()", N0),
    ("c-11", C, "ko", "엔진 크기 최대값", "number", "result = df['EngineSize'].max()", N0),
    ("c-12", C, "ko", "연료탱크 용량 평균은?", "number", "result = df['Fuel.tank.capacity'].mean()", N5),
    ("c-13", C, "ko", "가격이랑 마력 산점도 그려줘", "chart", "", {"columns": ["Price", "Horsepower"]}),
    ("c-14", C, "ko", "이 데이터로 가격 예측하는 회귀모델 만들어줘", "decline", "", {}),
    (
        "c-15",
        C,
        "en",
        "mean horsepower of USA cars",
        "number",
        "result = df.loc[df['Origin'] == 'USA', 'Horsepower'].mean()",
        N5,
    ),
    ("c-16", C, "ko", "시내 연비가 가장 좋은 차", "label", "result = df.set_index('Make')['MPG.city']", MAX),
    ("c-17", C, "ko", "제조사 몇 개야?", "number", "result = df['Manufacturer'].nunique()", N0),
    ("c-18", C, "ko", "평균 회전수(RPM)", "number", "result = df['RPM'].mean()", N5),
    ("c-19", C, "en", "how many cars have no airbags", "number", f"result = {NOBAG}.sum()", N0),
    ("c-20", C, "en", "most expensive car", "label", "result = df.set_index('Make')['Price']", MAX),
    # --- Davis (car) ------------------------------------------------------------------------
    ("dv-01", DV, "ko", "남녀 평균 체중", "table", "result = df.groupby('sex')['weight'].mean()", N5),
    ("dv-02", DV, "ko", "여성 평균 키", "number", "result = df.loc[df['sex'] == 'F', 'height'].mean()", N5),
    ("dv-03", DV, "ko", "키가 180 이상인 사람 몇 명", "number", "result = (df['height'] >= 180).sum()", N0),
    ("dv-04", DV, "ko", "남자는 몇 명이야", "number", "result = (df['sex'] == 'M').sum()", N0),
    ("dv-05", DV, "ko", "평균 몸무게", "number", "result = df['weight'].mean()", N5),
    ("dv-06", DV, "en", "average height of men", "number", "result = df.loc[df['sex'] == 'M', 'height'].mean()", N5),
    ("dv-07", DV, "ko", "성별 평균 신장", "table", "result = df.groupby('sex')['height'].mean()", N5),
    ("dv-08", DV, "ko", "최대 체중", "number", "result = df['weight'].max()", N0),
    ("dv-09", DV, "ko", "키와 몸무게 산점도", "chart", "", {"columns": ["height", "weight"]}),
    ("dv-10", DV, "ko", "혈압 평균 알려줘", "decline", "", {}),
    (
        "dv-11",
        DV,
        "en",
        "how many women are taller than 170",
        "number",
        "result = ((df['sex'] == 'F') & (df['height'] > 170)).sum()",
        N0,
    ),
    (
        "dv-12",
        DV,
        "ko",
        "여자 중에 몸무게 60kg 넘는 사람 수",
        "number",
        "result = ((df['sex'] == 'F') & (df['weight'] > 60)).sum()",
        N0,
    ),
    ("dv-13", DV, "ko", "성별 인원수", "table", "result = df['sex'].value_counts()", N0),
    ("dv-14", DV, "en", "average weight by sex", "table", "result = df.groupby('sex')['weight'].mean()", N5),
    # --- midwest (ggplot2) ------------------------------------------------------------------
    ("mw-01", MW, "ko", "주별 총 인구", "table", "result = df.groupby('state')['poptotal'].sum()", N0),
    ("mw-02", MW, "ko", "인구가 가장 많은 카운티는?", "label", "result = df.set_index('county')['poptotal']", MAX),
    ("mw-03", MW, "ko", "주별 카운티 수", "table", "result = df['state'].value_counts()", N0),
    ("mw-04", MW, "ko", "인구밀도 평균", "number", "result = df['popdensity'].mean()", N5),
    (
        "mw-05",
        MW,
        "ko",
        "대졸자 비율 평균이 가장 높은 주",
        "label",
        "result = df.groupby('state')['percollege'].mean()",
        MAX,
    ),
    ("mw-06", MW, "ko", "빈곤율 평균", "number", "result = df['percbelowpoverty'].mean()", N5),
    (
        "mw-07",
        MW,
        "en",
        "total population of OH",
        "number",
        "result = df.loc[df['state'] == 'OH', 'poptotal'].sum()",
        N0,
    ),
    (
        "mw-08",
        MW,
        "en",
        "average percent below poverty by state",
        "table",
        "result = df.groupby('state')['percbelowpoverty'].mean()",
        N5,
    ),
    (
        "mw-09",
        MW,
        "ko",
        "OH 주 카운티들의 평균 인구",
        "number",
        "result = df.loc[df['state'] == 'OH', 'poptotal'].mean()",
        N5,
    ),
    ("mw-10", MW, "ko", "면적이 제일 넓은 카운티", "label", "result = df.set_index('county')['area']", MAX),
    ("mw-11", MW, "ko", "인구 많으면 빈곤율이 낮아지는지 인과관계 알려줘", "decline", "", {}),
    ("mw-12", MW, "ko", "주별 평균 인구밀도", "table", "result = df.groupby('state')['popdensity'].mean()", N5),
    ("mw-13", MW, "ko", "실업률 평균", "decline", "", {}),
    ("mw-14", MW, "ko", "인구밀도가 가장 낮은 카운티", "label", "result = df.set_index('county')['popdensity']", MIN),
    ("mw-15", MW, "en", "largest county by area", "label", "result = df.set_index('county')['area']", MAX),
    (
        "mw-16",
        MW,
        "en",
        "which county has the biggest population",
        "label",
        "result = df.set_index('county')['poptotal']",
        MAX,
    ),
]


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, encoding="utf-8")


if __name__ == "__main__":
    rows = build(QUESTIONS, load, default_tol=None)
    # a car of Cars93 is named by its Make ("Mercedes-Benz 300E") or by its Model ("300E"): either
    # names the same row
    cars = load(C).set_index("Make")["Model"]
    for r in rows:
        if r["dataset"] == C and r["expect"]["kind"] == "label" and r["expect"]["value"] in cars.index:
            r["expect"]["also"] = [str(cars[r["expect"]["value"]])]
    write(HERE, rows)
