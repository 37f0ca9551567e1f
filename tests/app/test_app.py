"""The Streamlit app, driven through AppTest by widget keys.

The pure functions behind each step are tested in test_views.py; these tests
check that the page wires them together: filters and timeline selections
reach the table, the map and the exports, uploads reach the view.
"""

from __future__ import annotations

import csv
import json
import datetime as dt
import io
import re
import shutil

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from gold import ROOT, SEEDS
from timeline import extract_paths
from timeline.events.export import EVENT_COLUMNS
from timeline.library import ENV_VAR, Library, ensure_seeded
from timeline.views.labels import column_label, ui
from timeline.views.uploads import library_of

APP = str(ROOT / "streamlit_app.py")
ARTICLE = ("2021年6月以来,根据省委、省政府统一安排部署,自贡市正式启动对口帮扶巴中市平昌县工作。"
           "2023年7月，自贡市第二批结对帮扶平昌县工作队30名队员整装出发。")


@pytest.fixture(scope="session")
def seeded_library_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "library.duckdb"
    ensure_seeded(Library(path), SEEDS)
    return path


@pytest.fixture(autouse=True)
def own_library(tmp_path, monkeypatch, seeded_library_file):
    """Every test starts on a library of its own holding the seeds (a copy of one seeded file)."""
    path = tmp_path / "library.duckdb"
    shutil.copy(seeded_library_file, path)
    monkeypatch.setenv(ENV_VAR, str(path))
    return path


@pytest.fixture(scope="module")
def seed_rows() -> list[dict]:
    return library_of(extract_paths([SEEDS]))[1]


def run_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def metrics(at: AppTest, lang: str = "zh") -> dict[str, int]:
    """The four counts by their machine names (the labels are in the app's language)."""
    names = {ui(k, lang): k for k in ("events", "dated", "undated", "not_on_map")}
    return {names[m.label]: int(m.value) for m in at.metric}


def table_ids(at: AppTest) -> list[str]:
    return list(at.dataframe(key="events_table").value["event_id"]) if at.dataframe else []


def events(rows) -> int:
    """Distinct events in rows (a row is one event × donor × recipient)."""
    return len({r["event_id"] for r in rows})


def map_page(at: AppTest) -> str:
    """The map's page, with the text of the files it loads from the app's server (the base map, the player)."""
    (frame,) = at.get("iframe")
    page = frame.proto.srcdoc
    served = re.findall(r'<script src="app/static/([^"]+)"', page)
    return page + "".join((ROOT / "static" / path).read_text(encoding="utf-8") for path in served)


def on_map(row: dict) -> bool:
    return all(row[f"{side}_{axis}"] is not None for side in ("donor", "recipient") for axis in ("lon", "lat"))


def marker(row: dict) -> str:
    """A piece of the row's evidence that its map popup carries unchanged (no characters HTML escapes)."""
    text = "".join(ch for ch in row["evidence"] if ch not in "<>&\"'")
    return text[:24]


def test_the_app_opens_on_the_seed_events_with_a_map_a_timeline_and_a_table(seed_rows):
    at = run_app()
    counts = metrics(at)
    assert counts["events"] == events(seed_rows) > 30  # 40 since mentions of one event merge (issue 9)
    assert counts["dated"] + counts["undated"] == counts["events"]
    assert counts["undated"] > 10 and counts["not_on_map"] > 0
    assert sorted(table_ids(at)) == sorted(r["event_id"] for r in seed_rows)
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")  # the timeline
    page = map_page(at)
    assert "window.atlas" in page and "leaflet" in page.lower()
    assert 'src="https://' not in page  # the embedded map carries its scripts: it draws offline
    assert {b.key for b in at.get("download_button")} == {"download_csv", "download_csv_machine", "download_html",
                                                         "download_geojson"}


def test_a_kind_filter_changes_the_table_the_counts_and_the_map(seed_rows):
    at = run_app()
    before = map_page(at)
    at.multiselect(key="kinds").set_value(["team_arrival"]).run()
    kept = [r for r in seed_rows if r["kind"] == "team_arrival"]
    assert kept and sorted(table_ids(at)) == sorted(r["event_id"] for r in kept)
    assert metrics(at)["events"] == events(kept)
    page = map_page(at)
    assert page != before
    shown = {marker(r) for r in kept if on_map(r)}
    gone = {marker(r) for r in seed_rows if on_map(r) and r["kind"] != "team_arrival"} - shown
    assert shown and gone
    assert all(m in page for m in shown) and not any(m in page for m in gone)
    assert all(m in before for m in gone)  # the check can fail: they were on the map before


def test_a_year_range_leaves_out_the_undated_unless_asked(seed_rows):
    at = run_app()
    assert at.dataframe(key="events_table").value["year"].isna().sum() > 0  # no range: all of them
    at.slider(key="year_range").set_value((2016, 2017)).run()
    table = at.dataframe(key="events_table").value
    years = table["year"].dropna()
    assert len(years) and years.between(2016, 2017).all() and table["year"].notna().all()
    at.checkbox(key="include_undated").check().run()
    table = at.dataframe(key="events_table").value
    assert table["year"].isna().sum() == sum(r["year"] is None for r in seed_rows)


def test_a_click_on_the_timeline_filters_the_table_and_the_map_and_opens_the_evidence(seed_rows):
    target = next(r for r in seed_rows if r["donor"] == "自贡市" and r["year"] == 2021 and on_map(r))
    other = next(r for r in seed_rows if on_map(r) and marker(r) != marker(target))
    at = run_app()
    at.session_state["timeline"] = {"selection": {"pick": [{"event_id": target["event_id"]}],
                                                  "brush": {}, "pick_undated": {}}}
    at.run()
    assert not at.exception and not at.error
    assert set(table_ids(at)) == {target["event_id"]}
    page = map_page(at)
    assert marker(target) in page and marker(other) not in page
    evidence = " ".join(h.proto.body for h in at.get("html"))
    assert f"<mark>{target['evidence']}</mark>" in evidence
    assert "发布于 2024-10-09（正文中的“" in evidence and target["doc"] in evidence


def test_a_brush_on_the_timeline_picks_a_year_range(seed_rows):
    at = run_app()
    ms = [int(dt.datetime(y, m, 1, tzinfo=dt.timezone.utc).timestamp() * 1000) for y, m in ((2016, 3), (2017, 5))]
    at.session_state["timeline"] = {"selection": {"pick": {}, "brush": {"mid": ms}, "pick_undated": {}}}
    at.run()
    years = at.dataframe(key="events_table").value["year"].dropna()
    assert len(years) and set(years) <= {2016, 2017}
    assert len(years) < sum(r["year"] is not None for r in seed_rows)


def test_uploads_add_events_and_each_bad_file_gets_a_message_naming_it(seed_rows):
    at = run_app()
    at.file_uploader(key="upload").set_value([
        ("zigong.txt", ARTICLE.encode("gb18030"), "text/plain"),
        ("empty.txt", b"   ", "text/plain"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "text/plain"),
    ]).run()
    assert not at.exception and not at.error
    warnings = " ".join(w.value for w in at.warning)
    assert "empty.txt" in warnings and "photo.txt" in warnings and "zigong.txt" not in warnings
    table = at.dataframe(key="events_table").value
    assert "zigong.txt" in set(table["doc"])
    assert metrics(at)["events"] == events(seed_rows) + table[table["doc"] == "zigong.txt"]["event_id"].nunique()
    at.file_uploader(key="upload").set_value(None).run()  # removed from the uploader: still in the library
    assert "zigong.txt" in set(at.dataframe(key="events_table").value["doc"]) and not at.warning


def test_the_chinese_app_says_what_became_of_each_upload_and_every_summary_in_chinese(seed_rows):
    at = run_app()
    at.file_uploader(key="upload").set_value([
        ("zigong.txt", ARTICLE.encode("utf-8"), "text/plain"),
        ("empty.txt", b"", "text/plain"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "text/plain"),
    ]).run()
    assert not at.exception and not at.error
    assert [w.value for w in at.warning] == [
        "empty.txt：文件是空的，没有可读的内容。",
        "photo.txt：这是二进制文件（图片、PDF 或压缩包），不是文章；请把文章正文另存为 .txt 或 .html 文件。"]
    assert [c.value for c in at.caption if c.value.startswith("zigong.txt")] == [
        "zigong.txt：已保存，2 件事件（没有找到发布日期：请在下方文库中填写，只写月日的日期才能定年）。"]
    table = at.dataframe(key="events_table").value
    mine = table[table["doc"] == "zigong.txt"].set_index("date")["summary"].to_dict()
    assert mine == {"2021-06 · 2021年6月以来": "自贡市 → 平昌县 · 启动结对 · 2021年6月以来",
                    "2023-07 · 2023年7月": "自贡市 → 平昌县 · 工作队抵达 · 2023年7月 · 30人"}
    english = ("people", "help", "team", "funding", "year not stated", "pairing starts", "agreement", "visit")
    assert not [s for s in table["summary"] if any(word in s for word in english)]
    assert "年份未载明" in " ".join(table["summary"])
    at.text_area(key="paste_text").input("   ")
    at.button(key="paste_submit").click().run()
    assert [e.value for e in at.error] == ["添加粘贴的文本: 粘贴的文本是空的；请先粘贴文章正文。"]
    at.radio(key="lang").set_value("en").run()  # the same uploads, told in English
    assert "photo.txt: this is a binary file (an image, PDF or archive), not an article; save the article's text " \
           "as a .txt or .html file." in [w.value for w in at.warning]
    table = at.dataframe(key="events_table").value
    assert "自贡市 Zigong → 平昌县 Pingchang · team arrives · 2023年7月 · 30 people" in set(table["summary"])


def test_an_upload_survives_a_restart_and_is_removed_from_the_library_panel(seed_rows):
    at = run_app()
    at.file_uploader(key="upload").set_value([("zigong.txt", ARTICLE.encode("utf-8"), "text/plain")]).run()
    added = metrics(at)["events"] - events(seed_rows)
    assert added > 0
    restarted = run_app()  # a new server process's first session: nothing in its session state
    assert "zigong.txt" in set(restarted.dataframe(key="events_table").value["doc"])
    assert metrics(restarted)["events"] == events(seed_rows) + added
    listed = next(d.value for d in restarted.dataframe if "undated" in d.value.columns)  # the library's list
    table = restarted.dataframe(key="events_table").value
    assert int(listed.loc[listed["doc"] == "zigong.txt", "rows"].iloc[0]) == sum(table["doc"] == "zigong.txt")
    restarted.selectbox(key="library_doc").set_value("zigong.txt").run()
    restarted.button(key="library_remove").click().run()
    assert not restarted.exception and not restarted.error
    assert any(s.value == "已从文库中移除 zigong.txt 及其 2 行事件。" for s in restarted.success)
    assert "zigong.txt" not in set(restarted.dataframe(key="events_table").value["doc"])
    assert metrics(run_app())["events"] == events(seed_rows)


def test_a_publication_date_given_in_the_app_gives_month_day_dates_their_year():
    at = run_app()
    article = "3月，自贡市对口帮扶巴中市平昌县，双方签订协议。".encode("utf-8")
    at.file_uploader(key="upload").set_value([("march.txt", article, "text/plain")]).run()
    assert any(c.value.startswith("march.txt：已保存，") and "没有找到发布日期" in c.value for c in at.caption)
    table = at.dataframe(key="events_table").value
    assert table.loc[table["doc"] == "march.txt", "year"].isna().all()
    at.selectbox(key="library_doc").set_value("march.txt").run()
    at.date_input(key="edit_date").set_value(dt.date(2024, 10, 9))
    at.button(key="edit_save").click().run()
    assert not at.exception and not at.error
    table = at.dataframe(key="events_table").value
    assert set(table.loc[table["doc"] == "march.txt", "year"]) == {2024}


def test_pasted_text_is_added_to_the_view(seed_rows):
    at = run_app()
    at.text_area(key="paste_text").input("2016年9月11日，青白江区援藏工作队抵达九龙县，开展对口支援。")
    at.button(key="paste_submit").click().run()
    assert not at.exception and not at.error
    assert any(ui("pasted", "zh", n="") .split("：")[0] in s.value for s in at.success)
    docs = at.dataframe(key="events_table").value["doc"]
    assert any(d.startswith("pasted-") for d in docs)
    assert metrics(at)["events"] > events(seed_rows)


def test_downloads_are_built_when_asked_and_hold_exactly_the_filtered_rows(monkeypatch):
    deferred: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        deferred[file_name] = data_callable  # not called: a file is built only when its button is clicked
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    at = run_app()
    at.multiselect(key="kinds").set_value(["visit", "funding"]).run()
    assert set(deferred) == {"pairing-atlas-events.csv", "pairing-atlas-events-columns.csv", "pairing-atlas-map.html",
                             "pairing-atlas-relations.geojson"}
    text = deferred["pairing-atlas-events.csv"]()
    assert text.startswith("\ufeff")
    records = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert list(records[0]) == [column_label(c, "zh") for c in (*EVENT_COLUMNS, "corrected")]  # 中文 headers
    machine = list(csv.DictReader(io.StringIO(deferred["pairing-atlas-events-columns.csv"]().lstrip("\ufeff"))))
    assert list(machine[0]) == [*EVENT_COLUMNS, "corrected"]  # and the machine names, for scripts
    table = at.dataframe(key="events_table").value
    assert [(r["event_id"], r["donor"], r["recipient"]) for r in machine] == list(
        zip(table["event_id"], table["donor"], table["recipient"]))
    assert {r["kind"] for r in machine} == {"visit", "funding"}
    assert '"type": "FeatureCollection"' in deferred["pairing-atlas-relations.geojson"]()
    page = deferred["pairing-atlas-map.html"]()
    assert "window.atlas" in page and "类型: 考察对接、资金支持" in page and "导出日期" in page


def test_a_row_picked_in_the_table_is_alone_on_the_map_and_opens_its_evidence(seed_rows):
    at = run_app()
    table = at.dataframe(key="events_table").value
    index = next(i for i, e in enumerate(table["event_id"])
                 if any(r["event_id"] == e and on_map(r) and r["year"] is not None for r in seed_rows))
    target = next(r for r in seed_rows if r["event_id"] == table["event_id"][index] and on_map(r))
    at.session_state["events_table"] = {"selection": {"rows": [index], "columns": [], "cells": []}}
    at.run()
    assert not at.exception and not at.error
    assert metrics(at)["events"] == events(seed_rows)  # the table keeps every row: the selection is for reading
    page = map_page(at)
    assert marker(target) in page
    assert sum(marker(r) in page for r in seed_rows if on_map(r)) < len([r for r in seed_rows if on_map(r)])
    assert any("地图显示所选的" in c.value for c in at.caption)
    assert f"<mark>{target['evidence']}</mark>" in " ".join(h.proto.body for h in at.get("html"))


def test_the_table_lists_dated_events_first_in_date_order():
    table = run_app().dataframe(key="events_table").value
    known = table["year"].notna()
    n = int(known.sum())
    assert n and known.iloc[:n].all() and not known.iloc[n:].any()  # every undated row after the dated ones
    assert list(table["year"].iloc[:n]) == sorted(table["year"].iloc[:n])
    assert "年份未载明" in table["date"].iloc[-1]


def test_the_language_switch_changes_every_label_and_keeps_the_counts(seed_rows):
    at = run_app()
    chinese = metrics(at)
    assert "年份未载明" in [m.label for m in at.metric] and at.title[0].value == "对口帮扶地图"
    table = at.dataframe(key="events_table").value
    assert "资金支持" in set(table["kind"]) and "年份未载明" in set(table["date"])
    assert "年份未载明" in map_page(at) and "资金支持" in map_page(at)
    at.radio(key="lang").set_value("en").run()
    assert not at.exception and not at.error
    assert metrics(at, "en") == chinese  # the same counts, in other words
    assert at.title[0].value == "Pairing Atlas" and at.multiselect(key="kinds").label == "Kinds"
    table = at.dataframe(key="events_table").value
    assert "funding" in set(table["kind"]) and "year not stated" in set(table["date"])
    assert any(" " in d and d.split(" ")[-1].isascii() for d in table["donor"])  # 自贡市 Zigong
    page = map_page(at)
    assert "year not stated" in page and "Sichuan" in page and "Zigong" in page


def test_counts_say_events_and_rows_apart(seed_rows):
    at = run_app()
    counts = metrics(at)
    assert counts["events"] == events(seed_rows) < len(seed_rows)
    assert any(f"{len(seed_rows)} 行" in s.value for s in at.subheader)  # the table's heading: events and rows
    assert counts["not_on_map"] == sum(1 for r in seed_rows if not on_map(r))
    page = map_page(at)  # the map's legend and strip say the same numbers
    legend = page.replace('\\"', '"')  # the legend's HTML is a JSON string in the page's script
    assert f'data-events="{counts["events"]}" data-rows="{len(seed_rows)}" data-dated="{counts["dated"]}" ' \
           f'data-undated="{counts["undated"]}"' in legend
    assert f'"undated_events":{counts["undated"]}' in page
    chart = (at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))[0]
    spec = json.dumps(json.loads(chart.proto.spec), ensure_ascii=False)
    assert f'"年份未载明", "({counts["undated"]})"' in spec  # and the timeline's band (its title on two lines)


def test_without_the_npm_packages_the_map_loads_from_cdns_and_the_html_export_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("PAIRING_ATLAS_NODE_MODULES", str(tmp_path))  # an empty node_modules
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and not at.error
    assert 'src="https://' in map_page(at)  # the page still draws, with network
    assert any("npm ci" in w.value for w in at.warning)
    assert {b.key for b in at.get("download_button")} == {"download_csv", "download_csv_machine", "download_geojson"}


def test_the_uploader_and_the_app_agree_on_the_upload_limit():
    from timeline.views.uploads import MAX_UPLOAD_BYTES

    at = run_app()
    assert at.file_uploader(key="upload").proto.max_upload_size_mb * 1_000_000 == MAX_UPLOAD_BYTES


def test_two_uploads_of_the_same_name_stay_two_articles(seed_rows):
    at = run_app()
    at.file_uploader(key="upload").set_value([
        ("index.txt", "2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。".encode(), "text/plain"),
        ("index.txt", "2018年，上海市对口支援重庆市万州区。".encode(), "text/plain"),
    ]).run()
    assert not at.exception and not at.error
    table = at.dataframe(key="events_table").value
    added = table[~table["doc"].isin({r["doc"] for r in seed_rows})]
    assert set(added["recipient"]) == {"平昌县", "万州区"}
    assert added.groupby("doc")["recipient"].nunique().tolist() == [1, 1]  # each article keeps its own rows
    captions = " ".join(c.value for c in at.caption)
    assert "index.txt：已保存" in captions and "index~" in captions


def test_a_large_view_is_asked_of_the_library_counted_per_year_and_paged(seed_rows, monkeypatch):
    from timeline.views import queries

    monkeypatch.setattr(queries, "DETAIL_ROWS", 10)  # the seeds' 81 rows are a "large" view here
    monkeypatch.setattr(queries, "PAGE_ROWS", 20)
    at = run_app()
    assert metrics(at)["events"] == events(seed_rows)  # counted over the whole view, not the page
    assert len(table_ids(at)) == 20
    pages = -(-len(seed_rows) // 20)
    pager = at.number_input(key="table_page")
    assert pager.max == pages
    spec = json.loads((at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))[0].proto.spec)
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["x"]["field"] == "year"  # events per year
    page = map_page(at)
    relations = {(r["donor"], r["recipient"]) for r in seed_rows if on_map(r)}
    assert all(donor in page and recipient in page for donor, recipient in relations)
    seen = list(table_ids(at))
    for number in range(2, pages + 1):
        at.number_input(key="table_page").set_value(number).run()
        seen += table_ids(at)
    assert sorted(seen) == sorted(r["event_id"] for r in seed_rows)  # every row on exactly one page
    assert metrics(at)["events"] == events(seed_rows) and map_page(at) == page  # paging leaves the map alone


def test_a_library_file_made_anew_while_the_app_runs_gets_the_seeds_again(own_library, seed_rows):
    # the app checks a library for its seeds once per file, not on every rerun: a new file is a new check
    assert metrics(run_app())["events"] == events(seed_rows)
    own_library.unlink()
    assert metrics(run_app())["events"] == events(seed_rows)
    assert metrics(run_app())["events"] == events(seed_rows)  # and the new file, now known, is used as it is


def test_a_browsers_first_page_is_the_counts_and_the_map_and_the_rest_comes_when_it_asks():
    at = AppTest.from_file(APP, default_timeout=60)
    at.context = {"url": "http://localhost:8501/"}  # a browser's session (AppTest alone has no url)
    at.run()
    assert not at.exception and not at.error
    assert len(at.metric) == 4 and len(at.get("iframe")) == 1  # the counts and the map
    assert not at.dataframe and not (at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))  # not yet
    assert not at.get("download_button") and not at.get("file_uploader")
    at.session_state["whole_page"] = True  # what the page's timer asks for (complete_the_page)
    at.run()
    assert not at.exception and not at.error
    assert at.dataframe(key="events_table").value is not None
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert {b.key for b in at.get("download_button")} >= {"download_csv", "download_html"}
    assert len(at.metric) == 4 and len(at.get("iframe")) == 1
