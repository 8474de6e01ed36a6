"""What the rows are, as a Korean FILE NAME says it: Korean names put the owner before its measure
(의류매장_매출: the stores' sales; 캐나다_기업_겸임이사: the firms' interlocking directors;
학생_결석일수: the pupils' days absent), so when the name's head is a measure, the nearest word
before it that is or ends in a noun for rows of the lexicon (매장 of 의류매장) names the rows. Through
both renderers (pandas, and the dataset held in DuckDB). Found by benchmarks/evalset43, where each
was declined:

* "매장은 모두 몇 개야?" had read 매장 as the column 매장면적 (the store's area), its first part;
* "자산이 제일 큰 기업의 업종은 뭐야?" had said 기업 names no column, so ranking rows would not rank
  firms;
* never a noun a column counts: in 사고사망자_월별 with a column 사망자수, 사망자 are no rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from answers import first_line, states
from test_offline_context import answered

from vista_jupyter.assistant.offline import catalog
from vista_jupyter.profile import profile_parquet

MODES = ("pandas", "duckdb")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("korean_names")
    rng = np.random.default_rng(1990)
    n = 120
    stores = pd.DataFrame(
        {
            "연매출액(원)": rng.integers(100_000, 5_000_000, n),
            "매장면적(㎡)": rng.integers(30, 900, n),
            "정규직 수(명)": rng.integers(0, 8, n),
        }
    )
    firms = pd.DataFrame(
        {
            "자산(백만달러)": rng.permutation(np.arange(100, 100 + 7 * 60, 7)),
            "업종": rng.choice(["은행", "광업", "운송"], 60),
            "겸임이사수": rng.integers(0, 60, 60),
        }
    )
    deaths = pd.DataFrame({"기준년월": [202301 + i for i in range(12)], "사망자수": rng.integers(100, 300, 12)})
    out = {"_spill": root / "spill"}
    for name, frame in (("의류매장_매출", stores), ("캐나다_기업_겸임이사", firms), ("사고사망자_월별", deaths)):
        frame.to_parquet(root / f"{name}.parquet")
        out[name] = (frame, root / f"{name}.parquet")
    return out


def nouns(data, name: str) -> frozenset[str]:
    _, path = data[name]
    dataset = {"var_name": "df", "name": name, "profile": profile_parquet(path), "parquet_path": str(path)}
    return catalog.row_nouns(catalog.build_table(dataset))


def test_the_owner_before_a_measure_in_the_name_names_the_rows(data):
    assert "매장" in nouns(data, "의류매장_매출")
    assert "기업" in nouns(data, "캐나다_기업_겸임이사")
    assert "사망자" not in nouns(data, "사고사망자_월별")  # 사망자수 counts them


@pytest.mark.parametrize("mode", MODES)
def test_the_rows_owner_is_counted_not_a_column_it_begins(data, mode):
    frame, _ = data["의류매장_매출"]
    line = first_line(answered(data, "의류매장_매출", "매장은 모두 몇 개야?", mode))
    assert states(line, len(frame), 0) and "면적" not in line, line
    line = first_line(answered(data, "의류매장_매출", "매장 면적 평균", mode))
    assert states(line, frame["매장면적(㎡)"].mean()), line


@pytest.mark.parametrize("mode", MODES)
def test_the_rows_owner_is_ranked(data, mode):
    frame, _ = data["캐나다_기업_겸임이사"]
    top = frame.loc[frame["자산(백만달러)"].idxmax()]
    line = first_line(answered(data, "캐나다_기업_겸임이사", "자산이 제일 큰 기업의 업종은 뭐야?", mode))
    assert states(line, top["자산(백만달러)"], 0) and top["업종"] in line, line
