"""The offline analyst on every intent, in English and Korean: the code it writes runs, and the
numbers its answer reports match pandas computed here."""

from __future__ import annotations

import contextlib
import io
import re
from importlib.resources import files

import matplotlib

matplotlib.use("Agg")  # this test process only; the analyst's code never selects a backend
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from vista_jupyter.assistant import offline  # noqa: E402
from vista_jupyter.profile import profile_parquet  # noqa: E402


def load(name: str) -> pd.DataFrame:
    frame = pd.read_csv(str(files("vista_jupyter.examples").joinpath(f"data/{name}.csv")))
    if name == "seattle-weather":
        frame["date"] = pd.to_datetime(frame["date"])  # as Vista's ingest reads it
    return frame


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    out = {}
    for name in ("cars", "penguins", "iris", "seattle-weather"):
        frame = load(name)
        path = tmp_path_factory.mktemp(name) / "data.parquet"
        frame.to_parquet(path)
        out[name] = (frame, [{"var_name": "df", "name": name, "profile": profile_parquet(path)}])
    return out


def run(plan: offline.Plan, frame: pd.DataFrame) -> tuple[str, int]:
    """Execute the plan's code as the kernel would; return the answer and the figures shown."""
    results, figures = [], 0
    for step in plan.steps:
        shown = []
        namespace = {"df": frame.copy(), "pd": pd, "np": np, "plt": plt}
        original_show = plt.show
        plt.show = lambda *a, **k: shown.append(len(plt.get_fignums()))  # noqa: E731
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                exec(step.code, namespace)  # noqa: S102
            outputs = [{"output_type": "stream", "name": "stdout", "text": out.getvalue()}]
            outputs += [{"output_type": "display_data", "data": {}, "artifact": {"id": "f"}}] * len(shown)
            results.append({"status": "ok", "outputs": outputs})
        except Exception as e:  # the test fails below: every step must run
            results.append({"status": "error", "outputs": [], "error": {"ename": type(e).__name__, "evalue": str(e)}})
        finally:
            plt.show = original_show
            plt.close("all")
        figures += len(shown)
    assert all(r["status"] == "ok" for r in results), results
    return offline.answer(plan, results), figures


def ask(data, dataset: str, question: str, intent: str) -> tuple[str, int, pd.DataFrame]:
    frame, datasets = data[dataset]
    plan = offline.plan(question, datasets)
    assert plan.intent == intent, (question, plan.intent)
    assert plan.language == ("ko" if re.search("[가-힣]", question) else "en")
    answer, figures = run(plan, frame)
    return answer, figures, frame


@pytest.mark.parametrize("question", ["Give me an overview of this data", "이 데이터의 개요를 보여 주세요"])
def test_overview(data, question):
    answer, figures, cars = ask(data, "cars", question, "overview")
    assert f"406" in answer and "USA: 254" in answer
    assert str(int(cars.isna().sum().sum())) in answer
    assert figures == 2


@pytest.mark.parametrize("question", ["describe the data", "요약 통계를 보여줘"])
def test_describe(data, question):
    answer, _, cars = ask(data, "cars", question, "describe")
    assert f"{round(cars['Horsepower'].mean(), 2)}" in answer


@pytest.mark.parametrize("question", ["Are there missing values?", "결측치가 있나요?"])
def test_missing(data, question):
    answer, _, cars = ask(data, "cars", question, "missing")
    for column, n in cars.isna().sum().items():
        if n:
            assert f"{column}: {n}" in answer


@pytest.mark.parametrize("question", ["distribution of horse power", "마력 분포", "Histogram of horsepowr"])
def test_distribution(data, question):
    answer, figures, cars = ask(data, "cars", question, "distribution")
    assert f"{round(cars['Horsepower'].mean(), 2)}" in answer and figures == 1


@pytest.mark.parametrize("question", ["how many cars per origin?", "Origin별 개수"])
def test_counts(data, question):
    answer, figures, cars = ask(data, "cars", question, "counts")
    for origin, n in cars["Origin"].value_counts().items():
        assert f"{origin}: {n}" in answer
    assert figures == 1


@pytest.mark.parametrize("question", ["top 5 cars by horsepower", "마력 상위 5개"])
def test_top_n(data, question):
    answer, _, cars = ask(data, "cars", question, "top_n")
    for name in cars.nlargest(5, "Horsepower")["Name"]:
        assert name in answer


@pytest.mark.parametrize("question, how", [
    ("average mpg by origin", "mean"), ("Origin별 평균 연비", "mean"),
    ("total weight per origin", "sum"), ("Origin별 무게 합계", "sum"),
    ("median horsepower for each origin", "median"),
])
def test_group_aggregates(data, question, how):
    answer, figures, cars = ask(data, "cars", question, "group_agg")
    column = {"mean": "Miles_per_Gallon", "sum": "Weight_in_lbs", "median": "Horsepower"}[how]
    expected = getattr(cars.groupby("Origin")[column], how)().round(2)
    for origin, value in expected.items():
        assert f"{origin}: {value}" in answer
    assert figures == 1


def test_group_median_on_penguins(data):
    answer, _, penguins = ask(data, "penguins", "median body mass per species", "group_agg")
    for species, value in penguins.groupby("species")["body_mass_g"].median().items():
        assert f"{species}: {value}" in answer


@pytest.mark.parametrize("question", ["relationship between weight and mpg", "무게와 연비의 관계"])
def test_relationship(data, question):
    answer, figures, cars = ask(data, "cars", question, "relationship")
    r = cars["Weight_in_lbs"].corr(cars["Miles_per_Gallon"])
    assert f"{round(r, 3)}" in answer and figures == 1


@pytest.mark.parametrize("question", ["show the correlations", "상관관계를 보여줘"])
def test_correlation(data, question):
    answer, figures, cars = ask(data, "cars", question, "correlation")
    corr = cars.select_dtypes("number").corr().round(2)
    assert f"Cylinders ~ Displacement: {corr.loc['Cylinders', 'Displacement']}" in answer
    assert figures == 1


@pytest.mark.parametrize("question", ["trend of temp_max over time", "시간에 따른 최고 기온 추세"])
def test_trend(data, question):
    answer, figures, weather = ask(data, "seattle-weather", question, "trend")
    monthly = weather.set_index("date")["temp_max"].resample("MS").mean()
    assert f"{round(monthly.max(), 2)}" in answer and f"{round(monthly.iloc[0], 2)}" in answer
    assert figures == 1


@pytest.mark.parametrize("question", ["only cars from Japan", "일본 차만 보여줘"])
def test_filter_by_value(data, question):
    answer, _, cars = ask(data, "cars", question, "filter")
    assert f"{(cars['Origin'] == 'Japan').sum()}" in answer


@pytest.mark.parametrize("question", ["cars with horsepower over 150", "마력이 150 초과인 차"])
def test_filter_by_comparison(data, question):
    answer, _, cars = ask(data, "cars", question, "filter")
    assert f"{(cars['Horsepower'] > 150).sum()}" in answer


@pytest.mark.parametrize("question, largest", [
    ("Which car has the highest horsepower?", True), ("가장 높은 마력", True),
    ("which car has the lowest weight", False), ("무게가 가장 낮은 차", False),
])
def test_lookup(data, question, largest):
    answer, _, cars = ask(data, "cars", question, "lookup")
    column = "Horsepower" if "horse" in question or "마력" in question else "Weight_in_lbs"
    row = cars.loc[cars[column].idxmax() if largest else cars[column].idxmin()]
    assert row["Name"] in answer and str(row[column]) in answer


def test_relationship_axes_follow_the_question(data):
    _, datasets = data["cars"]
    code = offline.plan("relationship between weight and mpg", datasets).steps[0].code
    assert "x='Weight_in_lbs', y='Miles_per_Gallon'" in code
    code = offline.plan("trend of temp_max over time", data["seattle-weather"][1]).steps[0].code
    assert "'temp_max'" in code and "'temp_min'" not in code


def test_trend_over_dates_stored_as_text(data, tmp_path):
    weather = load("seattle-weather")
    weather["date"] = weather["date"].dt.strftime("%Y/%m/%d")  # as text, the way the CSV has it
    weather.to_parquet(tmp_path / "w.parquet")
    datasets = [{"var_name": "df", "name": "w", "profile": profile_parquet(tmp_path / "w.parquet")}]
    plan = offline.plan("trend of temp_max over time", datasets)
    assert plan.intent == "trend"
    answer, figures = run(plan, weather)
    monthly = load("seattle-weather").set_index("date")["temp_max"].resample("MS").mean()
    assert f"{round(monthly.max(), 2)}" in answer and figures == 1


def test_fuzzy_column_names(data):
    for question in ("average miles per gallon by origin", "avg Miles_Per_Galon by ORIGIN"):
        frame, datasets = data["cars"]
        plan = offline.plan(question, datasets)
        assert plan.intent == "group_agg"
        assert "'Miles_per_Gallon'" in plan.steps[0].code and "'Origin'" in plan.steps[0].code


@pytest.mark.parametrize("question, language", [("what is the meaning of life", "en"), ("오늘 점심 뭐 먹지", "ko")])
def test_fallback_suggests_real_columns_and_how_to_configure_a_model(data, question, language):
    _, datasets = data["penguins"]
    plan = offline.plan(question, datasets)
    assert plan.intent == "unknown" and not plan.steps and plan.language == language
    assert "bill_length_mm" in plan.fallback and "species" in plan.fallback
    assert "OPENAI_API_KEY" in plan.fallback
    assert offline.answer(plan, []) == plan.fallback


def test_the_overview_turn_in_korean(data):
    frame, datasets = data["penguins"]
    plan = offline.overview(datasets, "ko")
    answer, figures = run(plan, frame)
    assert plan.language == "ko" and "데이터 개요" in answer and figures == 2
