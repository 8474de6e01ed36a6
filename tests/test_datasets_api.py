"""Datasets through the REST API: streamed uploads, examples, workspace files, profiles, downloads,
and bad input that must leave nothing behind."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import quote

import pandas as pd
import pytest
from conftest import NAMED_USERS, error_message

CSV = "city,temperature,rain\nSeoul,12.5,yes\nBusan,15.0,no\nIncheon,11.25,yes\n"


async def upload(api, name: str, content: bytes | str, **kw):
    data = content.encode() if isinstance(content, str) else content
    return await api("POST", "uploads", body=data, params={"name": name}, **kw)


def leftovers(data_dir) -> list[str]:
    """Files and stage folders in the upload and staging areas (none after a failure); the
    server's own (empty) scratch folder, `staging/<server id>/`, is not one."""
    out = []
    for area in ("uploads", "staging"):
        folder = data_dir / area
        if folder.exists():
            out += [
                f"{area}/{p.relative_to(folder)}"
                for p in folder.rglob("*")
                if p.is_file() or len(p.relative_to(folder).parts) > 1
            ]
    return out


async def test_examples_are_listed_with_descriptions_and_licences(api):
    status, body = await api("GET", "examples")
    assert status == 200
    examples = {e["id"]: e for e in body["examples"]}
    assert {"cars", "penguins", "iris", "seattle-weather"} <= set(examples)
    for e in examples.values():
        assert e["title"] and e["description"] and e["description_ko"]
        assert e["license"] and e["attribution"]


async def test_thread_from_an_example_has_a_profiled_dataset(api, vista_data_dir):
    status, thread = await api("POST", "threads", json_body={"dataset": {"example": "cars"}})
    assert status == 201, thread
    assert thread["name"] == "cars" and thread["datasets"] == ["cars"]

    status, body = await api("GET", f"threads/{thread['id']}/datasets")
    [dataset] = body["datasets"]
    assert dataset["var_name"] == "df"
    assert (dataset["rows"], dataset["columns"]) == (406, 9)
    assert dataset["original_name"] == "cars.csv"

    card = await profiled(api, thread["id"], dataset["id"])
    profile = card["profile"]
    expected = pd.read_csv(_example("cars.csv"))
    columns = {c["name"]: c for c in profile["column_profiles"]}
    assert list(columns) == list(expected.columns)
    assert columns["Horsepower"]["kind"] == "numeric"
    assert columns["Horsepower"]["nulls"] == int(expected["Horsepower"].isna().sum())
    assert columns["Horsepower"]["max"] == expected["Horsepower"].max()
    assert columns["Horsepower"]["mean"] == pytest.approx(expected["Horsepower"].mean())
    assert columns["Origin"]["kind"] == "categorical"
    assert {t["value"]: t["count"] for t in columns["Origin"]["top"]} == expected["Origin"].value_counts().to_dict()
    assert len(profile["sample"]) == 5 and profile["sample"][0]["Name"] == expected["Name"][0]
    assert "406 rows x 9 columns" in card["summary"]
    # The Parquet copy is there and holds the same table
    parquet = vista_data_dir / "threads" / thread["id"] / "datasets" / dataset["id"] / "data.parquet"
    pd.testing.assert_frame_equal(pd.read_parquet(parquet), expected, check_dtype=False)


async def profiled(api, thread_id: str, dataset_id: str, timeout: float = 120) -> dict:
    """A dataset's card once its full profile is stored (it is computed after the dataset is
    recorded)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        status, card = await api("GET", f"threads/{thread_id}/datasets/{dataset_id}")
        assert status == 200, card
        if not card["profile"].get("pending"):
            return card
        assert asyncio.get_running_loop().time() < deadline, "the profile was never completed"
        await asyncio.sleep(0.05)


class _HeldProfiles:
    """Holds every full profile back until `release` (the card must not wait for it)."""

    def __init__(self, monkeypatch):
        import threading

        from vista_jupyter import datasets

        self.gate = threading.Event()
        real = datasets.full_profile

        def held(path, streamed):
            self.gate.wait(120)
            return real(path, streamed)

        monkeypatch.setattr(datasets, "full_profile", held)

    def release(self):
        self.gate.set()


def _overview(events: list[dict]) -> list[tuple[str, str]]:
    """What the user sees of an overview: its text, code and outputs, in order (a figure by its
    kind and caption: its id and time differ from thread to thread)."""
    seen = []
    for e in events:
        if e["type"] in ("text", "code"):
            seen.append((e["type"], e["data"].get("delta") or e["data"].get("code")))
        elif e["type"] == "output":
            output = dict(e["data"]["output"])
            if "artifact" in output:
                output["artifact"] = {k: output["artifact"][k] for k in ("kind", "mime_type")}
            seen.append(("output", json.dumps(output, sort_keys=True)))
    return seen


@pytest.mark.parametrize("vista_config", [{"auto_overview": True}])
async def test_the_card_shows_before_the_profile_and_the_overview_starts_without_it(api, monkeypatch):
    from test_turns import wait_done

    held = _HeldProfiles(monkeypatch)
    try:
        status, thread = await api("POST", "threads", json_body={"dataset": {"example": "cars"}})
        assert status == 201, thread  # answered although no profile can be computed yet
        _, body = await api("GET", f"threads/{thread['id']}/datasets")
        dataset_id = body["datasets"][0]["id"]
        status, card = await api("GET", f"threads/{thread['id']}/datasets/{dataset_id}")
        expected = pd.read_csv(_example("cars.csv"))
        assert status == 200 and card["profile"]["pending"] is True
        assert (card["profile"]["rows"], card["profile"]["columns"]) == (406, 9)
        columns = {c["name"]: c for c in card["profile"]["column_profiles"]}
        assert list(columns) == list(expected.columns)
        # the card's facts come from the Parquet footer: types, kinds by type, missing values
        assert columns["Horsepower"]["kind"] == "numeric" and columns["Horsepower"]["distinct"] is None
        assert columns["Horsepower"]["nulls"] == int(expected["Horsepower"].isna().sum()) > 0
        assert columns["Origin"]["dtype"] == "string"
        assert len(card["profile"]["sample"]) == 5 and card["profile"]["sample"][0]["Name"] == expected["Name"][0]
        assert "406 rows x 9 columns" in card["summary"]
        # The overview's first look (size, columns, first rows) needs no profile: it runs in the
        # kernel while the profile is held back, and nothing after it does.
        deadline = asyncio.get_running_loop().time() + 120
        while True:
            _, page = await api("GET", f"threads/{thread['id']}/events")
            outputs = [e for e in page["events"] if e["type"] == "output"]
            if outputs:
                break
            assert asyncio.get_running_loop().time() < deadline, page["events"]
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)
        _, page = await api("GET", f"threads/{thread['id']}/events")
        codes = [e["data"]["code"] for e in page["events"] if e["type"] == "code"]
        assert len(codes) == 1 and "len(df)" in codes[0] and "df.head()" in codes[0], codes
        assert not any(e["type"] == "done" for e in page["events"])
        _, card = await api("GET", f"threads/{thread['id']}/datasets/{dataset_id}")
        assert card["profile"]["pending"] is True
    finally:
        held.release()
    card = await profiled(api, thread["id"], dataset_id)
    columns = {c["name"]: c for c in card["profile"]["column_profiles"]}
    assert columns["Origin"]["kind"] == "categorical" and columns["Origin"]["distinct"] == 3
    # The rest was planned from the full profile: only it knows Origin is categorical (the card
    # calls every text column text), and the overview splits the rows by a categorical one.
    events = await wait_done(api, thread["id"], timeout=120)
    assert any("Origin" in e["data"].get("code", "") for e in events if e["type"] == "code"), events
    # The same overview, step for step, as a thread whose profile was complete before it started
    monkeypatch.undo()
    status, again = await api("POST", "threads", json_body={"dataset": {"example": "cars"}})
    assert status == 201
    await profiled(api, again["id"], (await api("GET", f"threads/{again['id']}/datasets"))[1]["datasets"][0]["id"])
    later = await wait_done(api, again["id"], timeout=120)
    assert _overview(events) == _overview(later)
    _, first = await api("GET", f"threads/{thread['id']}/messages")
    _, second = await api("GET", f"threads/{again['id']}/messages")
    answers = [[m["content"] for m in page["messages"] if m["role"] == "assistant"] for page in (first, second)]
    assert answers[0] == answers[1] and answers[0][0]


@pytest.mark.parametrize("vista_config", [{"auto_overview": False}])
async def test_a_profile_left_pending_by_a_stopped_server_is_computed_by_the_next_turn(api, vista_app):
    from test_turns import wait_done

    from vista_jupyter.profile import card_profile, summary_text

    status, thread = await api("POST", "threads", json_body={"dataset": {"example": "cars"}})
    assert status == 201
    _, body = await api("GET", f"threads/{thread['id']}/datasets")
    dataset = body["datasets"][0]
    await profiled(api, thread["id"], dataset["id"])
    # what a server that stopped before storing the full profile leaves behind: the card
    card = card_profile(vista_app.datasets.folders.path_for(thread["id"]) / dataset["parquet_path"])
    vista_app.store.set_dataset_profile(dataset["id"], card, summary_text("cars", card))
    _, stored = await api("GET", f"threads/{thread['id']}/datasets/{dataset['id']}")
    assert stored["profile"]["pending"] is True
    status, _ = await api("POST", f"threads/{thread['id']}/messages", json_body={"content": "How many rows?"})
    assert status == 202
    await wait_done(api, thread["id"], timeout=120)
    _, full = await api("GET", f"threads/{thread['id']}/datasets/{dataset['id']}")
    assert not full["profile"].get("pending")
    assert {c["name"]: c["kind"] for c in full["profile"]["column_profiles"]}["Origin"] == "categorical"


@pytest.mark.parametrize("vista_config", [{"auto_overview": False}])
async def test_a_complete_profile_is_read_once_and_a_pending_one_until_it_is_computed(api, vista_app, monkeypatch):
    from vista_jupyter.profile import card_profile, summary_text

    store, service = vista_app.store, vista_app.datasets
    owner = (await api("GET", "info"))[1]["owner"]
    reads: list[str] = []
    real = store.get_dataset

    def get_dataset(owner, thread_id, dataset_id):  # the real read, counted
        reads.append(dataset_id)
        return real(owner, thread_id, dataset_id)

    monkeypatch.setattr(store, "get_dataset", get_dataset)
    ids = []
    for _ in range(2):
        _, thread = await api("POST", "threads", json_body={"dataset": {"example": "cars"}})
        _, body = await api("GET", f"threads/{thread['id']}/datasets")
        await profiled(api, thread["id"], body["datasets"][0]["id"])
        ids.append((thread["id"], body["datasets"][0]))
    (first, one), (second, two) = ids
    reads.clear()  # (the requests above read them too)
    await service.profiled(owner, first)
    assert reads.count(one["id"]) == 1
    # a turn after that reads the list of datasets, not the complete profile again
    await service.profiled(owner, first)
    await service.profiled(owner, first)
    assert reads.count(one["id"]) == 1
    # a pending profile (a server stopped before storing it) is read, computed and stored
    card = card_profile(service.folders.path_for(second) / two["parquet_path"])
    store.set_dataset_profile(two["id"], card, summary_text("cars", card))
    await service.profiled(owner, second)
    assert real(owner, second, two["id"])["profile"].get("pending") is not True
    assert reads.count(two["id"]) >= 1


@pytest.mark.parametrize("vista_config", [{"auto_overview": False}])
async def test_a_profile_stored_while_a_turn_reads_it_as_pending_is_not_made_again(api, vista_app, monkeypatch):
    """The race CI met under load: a turn reads a dataset's card as pending, the profile being
    made is stored and its job ends, then the turn finds no job running. It must not profile
    the dataset a second time (the work is done, and a second profile from the file would
    replace the one made while the file was written)."""
    import threading
    import time

    from vista_jupyter import datasets

    store, service = vista_app.store, vista_app.datasets
    owner = (await api("GET", "info"))[1]["owner"]
    entered, gate, calls = threading.Event(), threading.Event(), []
    real_profile, real_get = datasets.full_profile, store.get_dataset

    def held(path, streamed):
        calls.append(path)
        entered.set()
        assert gate.wait(60)
        return real_profile(path, streamed)

    monkeypatch.setattr(datasets, "full_profile", held)
    _, thread = await api("POST", "threads", json_body={"dataset": {"example": "cars"}})
    _, body = await api("GET", f"threads/{thread['id']}/datasets")
    dataset_id = body["datasets"][0]["id"]
    assert await asyncio.to_thread(entered.wait, 60)  # the profile is being made
    racing = []

    def get_dataset(owner, thread_id, wanted):
        row = real_get(owner, thread_id, wanted)  # read while the profile is pending
        if wanted == dataset_id and not racing:
            racing.append(row["profile"].get("pending"))
            gate.set()  # the profile is stored and its job ends before this read returns
            deadline = time.monotonic() + 60
            while dataset_id in service._profiling and time.monotonic() < deadline:
                time.sleep(0.01)
        return row

    monkeypatch.setattr(store, "get_dataset", get_dataset)
    await service.profiled(owner, thread["id"])
    await profiled(api, thread["id"], dataset_id)
    assert racing == [True] and dataset_id not in service._profiling
    assert len(calls) == 1, calls


def _records_streamed(monkeypatch) -> list:
    """Wraps `datasets.full_profile` to record, per profile completed, whether one was computed
    while the file was written (the real function still runs)."""
    from vista_jupyter import datasets

    seen: list = []
    real = datasets.full_profile

    def recording(path, streamed):
        seen.append(streamed is not None)
        return real(path, streamed)

    monkeypatch.setattr(datasets, "full_profile", recording)
    return seen


def _packed(kind: str, name: str, data: bytes) -> bytes:
    import gzip
    import io
    import zipfile

    if kind == "gzip":
        return gzip.compress(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["gzip", "zip"])
async def test_the_streamed_profile_gate_weighs_a_compressed_files_text_not_its_archive(
    api, monkeypatch, vista_data_dir, kind
):
    """The profile is computed alongside the reading only for text up to STREAM_PROFILE_MAX_BYTES:
    an archive below the gate whose text is above it is profiled from the Parquet file (as a
    large file is), one whose text is below alongside; both profiles are complete and equal
    what the file gives."""
    from vista_jupyter import datasets
    from vista_jupyter.profile import profile_parquet

    text = _big_csv(20_000)
    packed = _packed(kind, "big.csv", text)
    assert len(packed) * 4 < len(text)  # the archive is a fraction of its text
    seen = _records_streamed(monkeypatch)
    for gate, alongside in ((len(text) // 2, False), (len(text), True)):
        assert len(packed) < gate  # on disk, both archives are under the gate
        monkeypatch.setattr(datasets, "STREAM_PROFILE_MAX_BYTES", gate)
        status, up = await upload(api, "big.csv.gz" if kind == "gzip" else "big.zip", packed)
        assert status == 201, up
        status, thread = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
        assert status == 201, thread
        _, body = await api("GET", f"threads/{thread['id']}/datasets")
        [dataset] = body["datasets"]
        card = await profiled(api, thread["id"], dataset["id"])
        assert seen[-1] is alongside
        assert card["profile"]["rows"] == 20_000
        columns = {c["name"]: c for c in card["profile"]["column_profiles"]}
        assert columns["city"]["distinct"] == 2 and columns["amount"]["max"] == 19_999 * 0.25
        parquet = vista_data_dir / "threads" / thread["id"] / "datasets" / dataset["id"] / "data.parquet"
        assert card["profile"] == profile_parquet(parquet)
    assert len(seen) == 2


async def test_a_streamed_profile_that_fails_falls_back_to_the_file(api, monkeypatch, vista_data_dir):
    """`StreamProfile.finish` raising in a real reading: the dataset still gets its full profile,
    taken from its Parquet file (not the card's footer facts left as they were)."""
    from vista_jupyter import profile as pr
    from vista_jupyter.profile import profile_parquet

    calls = []

    def broken(self, path):
        calls.append(path)
        raise RuntimeError("the streamed profile broke")

    monkeypatch.setattr(pr.StreamProfile, "finish", broken)
    status, up = await upload(api, "big.csv", _big_csv(5_000))
    assert status == 201, up
    status, thread = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
    assert status == 201, thread
    _, body = await api("GET", f"threads/{thread['id']}/datasets")
    [dataset] = body["datasets"]
    card = await profiled(api, thread["id"], dataset["id"])
    assert len(calls) == 1  # the streamed profile was there, and failed
    parquet = vista_data_dir / "threads" / thread["id"] / "datasets" / dataset["id"] / "data.parquet"
    assert card["profile"] == profile_parquet(parquet)
    columns = {c["name"]: c for c in card["profile"]["column_profiles"]}
    assert columns["city"]["distinct"] == 2 and {t["value"] for t in columns["city"]["top"]} == {"Seoul", "Busan"}


def _example(name):
    from importlib.resources import files

    return str(files("vista_jupyter.examples").joinpath(f"data/{name}"))


async def test_upload_then_thread_then_download_the_original(api, jp_fetch, vista_data_dir):
    name = "날씨 2024 (final).csv"
    status, up = await upload(api, name, CSV)
    assert status == 201, up
    assert up["name"] == name and up["size_bytes"] == len(CSV.encode())

    status, thread = await api("POST", "threads", json_body={"name": "Weather", "dataset": {"upload": up["id"]}})
    assert status == 201, thread
    assert thread["datasets"] == ["날씨 2024 (final)"]
    # The upload was consumed
    assert leftovers(vista_data_dir) == []
    status, again = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
    assert status == 404 and "Upload the file again" in error_message(again)

    _, body = await api("GET", f"threads/{thread['id']}/datasets")
    [dataset] = body["datasets"]
    response = await jp_fetch("vista", "api", "threads", thread["id"], "datasets", dataset["id"], "original")
    assert response.body == CSV.encode()
    assert response.headers["Content-Type"] == "application/octet-stream"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote(name)}" in disposition


async def test_more_datasets_get_their_own_variable_names(api):
    _, thread = await api("POST", "threads", json_body={"dataset": {"example": "cars"}})
    status, penguins = await api("POST", f"threads/{thread['id']}/datasets", json_body={"example": "penguins"})
    assert status == 201, penguins
    assert penguins["var_name"] == "penguins"
    _, up = await upload(api, "2024 sales.csv", CSV)
    status, sales = await api("POST", f"threads/{thread['id']}/datasets", json_body={"upload": up["id"]})
    assert sales["var_name"] == "df_2024_sales"
    _, body = await api("GET", f"threads/{thread['id']}")
    assert body["datasets"] == ["cars", "penguins", "2024 sales"]


@pytest.mark.parametrize(
    "name, needle",
    [
        ("../../x.csv", "path separator"),
        ("/etc/passwd", "path separator"),
        ("..\\..\\x.csv", "path separator"),
        ("a\x00b.csv", "NUL"),
        ("x" * 500 + ".csv", "too long"),
        ("invoice\u202evsc.exe", "text-direction"),
        ("..", "only dots"),
        ("", "empty"),
        ("tab\there.csv", "control characters"),
    ],
)
async def test_dangerous_upload_names_are_refused(api, vista_data_dir, name, needle):
    status, body = await upload(api, name, CSV)
    assert status == 400
    assert needle in error_message(body)
    assert leftovers(vista_data_dir) == []


@pytest.mark.parametrize("vista_config", [{"max_upload_bytes": 1000}])
async def test_an_upload_over_the_limit_is_413_and_leaves_nothing(api, vista_data_dir):
    status, body = await upload(api, "big.csv", "a,b\n" + "1,2\n" * 1000)
    assert status == 413
    assert "larger than the upload limit of 1000 bytes" in error_message(body)
    assert leftovers(vista_data_dir) == []
    # At the limit it is fine
    status, body = await upload(api, "ok.csv", "a,b\n" + "1,2\n" * 249)
    assert status == 201


async def test_an_empty_upload_is_refused(api, vista_data_dir):
    status, body = await upload(api, "empty.csv", b"")
    assert status == 400 and error_message(body) == "The file is empty."
    assert leftovers(vista_data_dir) == []


async def test_an_interrupted_upload_leaves_nothing(jp_serverapp, jp_base_url, jp_http_port, vista_data_dir, api):
    token = jp_serverapp.identity_provider.token
    reader, writer = await asyncio.open_connection("127.0.0.1", jp_http_port)
    writer.write(
        (
            f"POST {jp_base_url}vista/api/uploads?name=cut.csv HTTP/1.1\r\nHost: localhost\r\n"
            f"Authorization: token {token}\r\nContent-Length: 1000000\r\n\r\n"
        ).encode()
        + b"a,b\n1,2\n" * 1000
    )
    await writer.drain()
    for _ in range(100):  # the part file appears while the body streams in
        if list((vista_data_dir / "staging").glob("*/*.part")):
            break
        await asyncio.sleep(0.02)
    assert list((vista_data_dir / "staging").glob("*/*.part"))
    writer.transport.abort()
    for _ in range(100):
        if not leftovers(vista_data_dir):
            break
        await asyncio.sleep(0.02)
    assert leftovers(vista_data_dir) == []
    status, _ = await api("GET", "info")
    assert status == 200


async def test_uploads_need_authentication_before_any_byte_is_stored(api, vista_data_dir):
    status, _ = await upload(api, "x.csv", CSV, headers={"Authorization": ""})
    assert status == 403
    assert leftovers(vista_data_dir) == []


@pytest.mark.parametrize(
    "content, status_code, needle",
    [
        (bytes(range(256)) * 64, 415, ""),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000, 415, ""),
    ],
)
async def test_unreadable_content_creates_no_thread(api, vista_data_dir, content, status_code, needle):
    _, up = await upload(api, "data.csv", content)
    status, body = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
    assert status == status_code, body
    assert needle in error_message(body)
    _, listing = await api("GET", "threads")
    assert listing["threads"] == []
    assert leftovers(vista_data_dir) == []
    assert list((vista_data_dir / "threads").iterdir()) == []


async def test_workspace_files_by_contents_path(api, jp_root_dir, tmp_path):
    (jp_root_dir / "data").mkdir()
    (jp_root_dir / "data" / "rain.csv").write_text(CSV)
    (jp_root_dir / ".hidden.csv").write_text(CSV)
    (tmp_path / "outside.csv").write_text(CSV)

    status, thread = await api("POST", "threads", json_body={"dataset": {"path": "data/rain.csv"}})
    assert status == 201, thread
    assert thread["datasets"] == ["rain"]

    for path in ("data/missing.csv", "../outside.csv", "data", ".hidden.csv", "/etc/passwd"):
        status, body = await api("POST", "threads", json_body={"dataset": {"path": path}})
        assert status in (400, 404), (path, status, body)
        assert "outside.csv" not in json.dumps(body) or path == "../outside.csv"
    _, listing = await api("GET", "threads")
    assert len(listing["threads"]) == 1


@pytest.mark.parametrize(
    "body, needle",
    [
        ({"dataset": {}}, "dataset: give exactly one of upload, example or path"),
        ({"dataset": {"example": "cars", "upload": "x"}}, "give exactly one"),
        ({"dataset": {"file": "x"}}, "dataset.file: unknown field"),
        ({"dataset": {"example": "   "}}, "dataset.example: must not be empty"),
        ({"dataset": "cars"}, "dataset: input should be a valid dictionary"),
    ],
)
async def test_bad_dataset_sources_are_400(api, body, needle):
    status, answer = await api("POST", "threads", json_body=body)
    assert status == 400
    assert needle in error_message(answer)


async def test_unknown_example_is_404_listing_the_examples(api):
    status, body = await api("POST", "threads", json_body={"dataset": {"example": "titanic"}})
    assert status == 404
    assert "cars" in error_message(body)


@pytest.mark.parametrize("server_config", NAMED_USERS)
async def test_datasets_uploads_and_originals_are_private(api, jp_fetch):
    _, up = await upload(api, "hers.csv", CSV, user="alice")
    _, thread = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}}, user="alice")
    _, body = await api("GET", f"threads/{thread['id']}/datasets", user="alice")
    dataset = body["datasets"][0]
    _, up2 = await upload(api, "hers2.csv", CSV, user="alice")

    for method, path, payload in [
        ("GET", f"threads/{thread['id']}/datasets", None),
        ("GET", f"threads/{thread['id']}/datasets/{dataset['id']}", None),
        ("GET", f"threads/{thread['id']}/datasets/{dataset['id']}/original", None),
        ("POST", f"threads/{thread['id']}/datasets", {"example": "iris"}),
        ("POST", "threads", {"dataset": {"upload": up2["id"]}}),
    ]:
        status, answer = await api(method, path, json_body=payload, user="bob")
        assert status == 404, (method, path)
        assert "Seoul" not in json.dumps(answer)
    # alice's upload is still usable by alice
    status, _ = await api("POST", "threads", json_body={"dataset": {"upload": up2["id"]}}, user="alice")
    assert status == 201


async def test_deleting_a_thread_removes_its_dataset_files(api, vista_data_dir):
    _, thread = await api("POST", "threads", json_body={"dataset": {"example": "iris"}})
    folder = vista_data_dir / "threads" / thread["id"]
    assert list(folder.rglob("data.parquet"))
    status, _ = await api("DELETE", f"threads/{thread['id']}")
    assert status == 204
    assert not folder.exists()


async def test_a_full_disk_during_upload_is_a_clear_507_and_leaves_nothing(api, vista_data_dir, monkeypatch):
    import errno

    from vista_jupyter import datasets

    real_open = open
    written = {"n": 0}

    class FullDisk:
        """A file that accepts 100 kB and then reports ENOSPC, like a filling disk."""

        def __init__(self, path, mode):
            self._f = real_open(path, mode)
            self.closed = False

        def write(self, chunk):
            written["n"] += len(chunk)
            if written["n"] > 100_000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self._f.write(chunk)

        def __getattr__(self, name):
            return getattr(self._f, name)

        def close(self):
            self.closed = True
            self._f.close()

    monkeypatch.setattr(datasets, "open", FullDisk, raising=False)
    status, body = await upload(api, "big.csv", "a,b\n" + "1,2\n" * 100_000)
    assert status == 507
    assert "disk is full" in error_message(body)
    assert leftovers(vista_data_dir) == []
    monkeypatch.undo()
    status, _ = await upload(api, "small.csv", CSV)
    assert status == 201


# --- reading: its own bounded pool, progress, cancel ----------------------------------------------


def _big_csv(rows: int) -> bytes:
    return (
        "id,city,amount,when\n"
        + "".join(f"{i},{'Seoul' if i % 3 else 'Busan'},{i * 0.25},2024-01-{i % 28 + 1:02d}\n" for i in range(rows))
    ).encode()


async def _until(check, timeout: float = 120.0):
    """Poll `check` (async, returns a value or None) until it gives a value."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        value = await check()
        if value is not None:
            return value
        await asyncio.sleep(0.02)
    raise AssertionError("condition not reached")


async def post_thread_then_leave(serverapp, base_url: str, port: int, upload_id: str, reading: str):
    """Send the request that makes a thread of an upload (followed as `reading`) on a raw
    connection; the writer that `.transport.abort()`s it, as a client that goes away does."""
    token = serverapp.identity_provider.token
    body = json.dumps({"dataset": {"upload": upload_id}}).encode()
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        (
            f"POST {base_url}vista/api/threads?reading={reading} HTTP/1.1\r\nHost: localhost\r\n"
            f"Authorization: token {token}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        + body
    )
    await writer.drain()
    return writer


@pytest.mark.parametrize("vista_config", [{"ingest_workers": 1}])
async def test_a_reading_shows_progress_and_cancel_keeps_nothing_but_the_upload(api, vista_data_dir):
    # Given one reader and a large file being read, a second file waits for the reader
    _, big = await upload(api, "big.csv", _big_csv(1_500_000))
    _, small = await upload(api, "small.csv", CSV)
    first = asyncio.ensure_future(
        api("POST", "threads", json_body={"dataset": {"upload": big["id"]}}, params={"reading": "reading-big-1"})
    )

    async def progressing():
        status, body = await api("GET", "readings/reading-big-1")
        return body if status == 200 and body["phase"] != "waiting" else None

    shown = await _until(progressing)
    assert shown["bytes_total"] == big["size_bytes"] and shown["elapsed"] >= 0
    second = asyncio.ensure_future(
        api("POST", "threads", json_body={"dataset": {"upload": small["id"]}}, params={"reading": "reading-small-2"})
    )

    async def waiting():
        status, body = await api("GET", "readings/reading-small-2")
        return body if status == 200 else None

    assert (await _until(waiting))["phase"] == "waiting"
    # Another user's id is not found, and unknown ids are 404 like everything else
    assert (await api("GET", "readings/reading-nope-3"))[0] == 404
    # When the user cancels the waiting one, it answers 409 and creates nothing
    status, _ = await api("DELETE", "readings/reading-small-2")
    assert status == 204
    status, body = await second
    assert status == 409 and "cancelled" in error_message(body)
    # The large one goes on and makes its thread, with a real percentage on the way
    status, thread = await first
    assert status == 201, thread
    _, listing = await api("GET", "threads")
    assert [t["id"] for t in listing["threads"]] == [thread["id"]]
    assert (await api("GET", "readings/reading-big-1"))[0] == 404  # finished readings are gone
    assert leftovers(vista_data_dir) == [f"uploads/{small['id']}"]
    # the cancelled upload is still usable
    status, again = await api("POST", "threads", json_body={"dataset": {"upload": small["id"]}})
    assert status == 201, again


async def test_a_client_that_goes_away_cancels_its_reading(
    jp_serverapp, jp_base_url, jp_http_port, api, vista_data_dir
):
    _, big = await upload(api, "big.csv", _big_csv(2_000_000))
    writer = await post_thread_then_leave(jp_serverapp, jp_base_url, jp_http_port, big["id"], "gone-away-1")

    async def reading():
        status, progress = await api("GET", "readings/gone-away-1")
        return progress if status == 200 and progress["phase"] not in ("waiting",) else None

    await _until(reading)
    writer.transport.abort()

    async def finished():
        status, _ = await api("GET", "readings/gone-away-1")
        return True if status == 404 else None

    await _until(finished)
    _, listing = await api("GET", "threads")
    assert listing == {"threads": [], "next_cursor": None}
    assert leftovers(vista_data_dir) == [f"uploads/{big['id']}"]
    assert list((vista_data_dir / "threads").iterdir()) == [] if (vista_data_dir / "threads").exists() else True


@pytest.mark.parametrize("vista_config", [{"ingest_workers": 1}])
async def test_reading_does_not_hold_up_other_requests(api):
    _, big = await upload(api, "big.csv", _big_csv(1_500_000))
    reading = asyncio.ensure_future(
        api("POST", "threads", json_body={"dataset": {"upload": big["id"]}}, params={"reading": "busy-reader-1"})
    )

    async def started():
        status, body = await api("GET", "readings/busy-reader-1")
        return body if status == 200 and body["phase"] != "waiting" else None

    await _until(started)
    # uploads and other calls are served while the reader is busy (they use other threads)
    status, up = await upload(api, "tiny.csv", "a,b\n1,2\n")
    assert status == 201
    status, _ = await api("GET", "readings/busy-reader-1")
    assert status == 200, "the reading had already finished: the file is too small to show this"
    assert (await reading)[0] == 201


@pytest.mark.parametrize("vista_config", [{"max_columns": 5}])
async def test_a_file_wider_than_max_columns_is_413(api, vista_data_dir):
    _, up = await upload(api, "wide.csv", "a,b,c,d,e,f\n1,2,3,4,5,6\n")
    status, body = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
    assert status == 413 and "6 columns" in error_message(body) and "max_columns" in error_message(body)
    assert list((vista_data_dir / "threads").iterdir()) == []


async def test_nested_json_is_kept_and_profiled_not_a_500(api, vista_data_dir):
    records = [
        {
            "id": i,
            "tags": ["a", "b"][: i % 3],
            "owner": {"name": f"n{i}", "age": 30 + i},
            "mixed": [1, "x"] if i % 2 else {"k": i},
        }
        for i in range(50)
    ]
    _, up = await upload(api, "nested.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    status, thread = await api("POST", "threads", json_body={"dataset": {"upload": up["id"]}})
    assert status == 201, thread
    _, body = await api("GET", f"threads/{thread['id']}/datasets")
    card = await profiled(api, thread["id"], body["datasets"][0]["id"])
    kinds = {c["name"]: c["kind"] for c in card["profile"]["column_profiles"]}
    assert kinds["tags"] == "nested" and kinds["owner.name"] in ("identifier", "text", "categorical")
    assert kinds["mixed"] in ("text", "nested", "identifier", "categorical")
    parquet = next((vista_data_dir / "threads" / thread["id"]).rglob("data.parquet"))
    frame = pd.read_parquet(parquet)
    assert list(frame["tags"][4]) == ["a"] and frame["owner.age"].tolist()[:2] == [30, 31]


# --- a new thread's kernel starts while its file is read -----------------------------------------

WARM = {"ingest_workers": 1, "auto_overview": False}


@pytest.mark.parametrize("vista_config", [WARM])
async def test_a_new_threads_kernel_starts_while_its_file_is_read(api, vista_app):
    kernels = vista_app.serverapp.kernel_manager
    _, info = await api("GET", "info")
    _, big = await upload(api, "big.csv", _big_csv(1_500_000))
    creating = asyncio.ensure_future(
        api("POST", "threads", json_body={"dataset": {"upload": big["id"]}}, params={"reading": "warm-reading-1"})
    )

    async def kernel_started():
        return list(kernels.list_kernel_ids()) or None

    [kernel_id] = await _until(kernel_started)
    status, progress = await api("GET", "readings/warm-reading-1")
    assert status == 200 and progress["phase"] != "waiting", "the kernel did not start while the file was read"
    status, thread = await creating
    assert status == 201, thread
    # the kernel started meanwhile is the thread's, in the thread's folder, and counts as ready
    # only once the thread's data loaded
    result = await vista_app.executor.execute(info["owner"], thread["id"], "import os; print(os.getcwd(), df.shape)")
    assert result.status == "ok", result.error
    folder = vista_app.threads.folders.path_for(thread["id"])
    assert result.stdout.split() == [str(folder), "(1500000,", "4)"]
    assert list(kernels.list_kernel_ids()) == [kernel_id] == [vista_app.executor.kernel_id(thread["id"])]


@pytest.mark.parametrize("vista_config", [WARM])
async def test_a_failed_or_cancelled_reading_leaves_no_kernel(api, vista_app, vista_data_dir):
    kernels = vista_app.serverapp.kernel_manager
    _, bad = await upload(api, "data.csv", bytes(range(256)) * 64)
    status, _ = await api("POST", "threads", json_body={"dataset": {"upload": bad["id"]}})
    assert status == 415
    assert list(kernels.list_kernel_ids()) == [] and list((vista_data_dir / "threads").iterdir()) == []
    # cancelled once its kernel is starting
    _, big = await upload(api, "big.csv", _big_csv(1_500_000))
    creating = asyncio.ensure_future(
        api("POST", "threads", json_body={"dataset": {"upload": big["id"]}}, params={"reading": "cancel-warm-1"})
    )

    async def kernel_starting():
        return list(kernels.list_kernel_ids()) or None

    await _until(kernel_starting)
    assert (await api("DELETE", "readings/cancel-warm-1"))[0] == 204
    status, _ = await creating
    assert status == 409
    assert list(kernels.list_kernel_ids()) == [] and list((vista_data_dir / "threads").iterdir()) == []
    _, listing = await api("GET", "threads")
    assert listing["threads"] == []
    assert vista_app.store.orphaned_pending([vista_app.store.instance_id]) == []


@pytest.mark.parametrize("vista_config", [{**WARM, "max_kernels_per_user": 1}])
async def test_an_early_kernel_start_keeps_to_the_kernels_per_user(api, vista_app):
    kernels = vista_app.serverapp.kernel_manager
    _, info = await api("GET", "info")
    _, small = await upload(api, "small.csv", CSV)
    _, first = await api("POST", "threads", json_body={"dataset": {"upload": small["id"]}})
    assert (await vista_app.executor.execute(info["owner"], first["id"], "print(len(df))")).status == "ok"
    [first_kernel] = kernels.list_kernel_ids()
    _, big = await upload(api, "big.csv", _big_csv(1_000_000))
    creating = asyncio.ensure_future(
        api("POST", "threads", json_body={"dataset": {"upload": big["id"]}}, params={"reading": "one-slot-1"})
    )

    async def reading():
        status, body = await api("GET", "readings/one-slot-1")
        # the only slot is taken: no second kernel starts, and the idle one is not stopped
        assert list(kernels.list_kernel_ids()) == [first_kernel]
        return None if status == 200 and body["phase"] != "done" else True

    await _until(reading)
    status, second = await creating
    assert status == 201 and list(kernels.list_kernel_ids()) == [first_kernel]
    # a question in the new thread takes the slot of the idle kernel, as any execution does
    result = await vista_app.executor.execute(info["owner"], second["id"], "print(len(df))")
    assert result.status == "ok" and result.stdout.strip() == "1000000"
    assert len(kernels.list_kernel_ids()) == 1 and first_kernel not in kernels.list_kernel_ids()


@pytest.mark.parametrize("vista_config", [{"ingest_workers": 1, "auto_overview": True, "max_kernels_per_user": 1}])
async def test_when_the_overview_follows_an_early_kernel_start_takes_the_idle_kernels_slot(api, vista_app):
    kernels = vista_app.serverapp.kernel_manager
    _, small = await upload(api, "small.csv", CSV)
    _, first = await api("POST", "threads", json_body={"dataset": {"upload": small["id"]}})
    await _until(lambda: _overview_done(api, first["id"]))
    [first_kernel] = kernels.list_kernel_ids()
    _, big = await upload(api, "big.csv", _big_csv(3_000_000))  # read for long enough here
    creating = asyncio.ensure_future(
        api("POST", "threads", json_body={"dataset": {"upload": big["id"]}}, params={"reading": "one-slot-2"})
    )

    reading = False

    async def replaced_while_reading():
        nonlocal reading
        status, body = await api("GET", "readings/one-slot-2")
        ids = list(kernels.list_kernel_ids())
        assert len(ids) <= 1  # the user's one kernel, never two
        if status == 200 and body["phase"] != "done":
            reading = True
            return True if ids and ids != [first_kernel] else None
        assert not reading, "the file was read before the idle kernel's slot was taken"
        return None  # the request has not reached the server yet

    await _until(replaced_while_reading)
    status, second = await creating
    assert status == 201

    async def second_kernel():
        # the early start runs in the background: the thread knows its kernel once it started
        assert len(kernels.list_kernel_ids()) <= 1
        return vista_app.executor.kernel_id(second["id"])

    assert list(kernels.list_kernel_ids()) == [await _until(second_kernel)]
    await _until(lambda: _overview_done(api, second["id"]))
    assert list(kernels.list_kernel_ids()) == [vista_app.executor.kernel_id(second["id"])]


async def _overview_done(api, thread_id: str):
    _, page = await api("GET", f"threads/{thread_id}/events", params={"after": 0})
    done = [e for e in page["events"] if e["type"] == "done"]
    if done:
        assert done[0]["data"]["status"] == "done", done
        return True
    return None
