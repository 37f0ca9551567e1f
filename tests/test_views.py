"""What the app shows: filters, the timeline's data and chart, selections, evidence, uploads."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gold import SEEDS
from timeline import DecodeError, Document, DocumentError, EmptyDocumentError, extract_paths
from timeline.chart import timeline_chart
from timeline.errors import DocumentTooLargeError
from timeline.export import EVENT_COLUMNS, csv_text
from timeline.uploads import (
    combine, document_from_paste, document_from_upload, extract_paste, extract_uploads, libraries_by_file, library_of,
    upload_messages,
)
from timeline.views import (
    TABLE_COLUMNS, YEAR_NOT_STATED, Filters, axis_years, chart_selection, evidence_html, evidence_view, filter_rows,
    kinds_in, programmes_in, province_of, province_options, source_html, source_lines, table_frame, table_selection,
    timeline_chart_data, view_counts, year_bounds,
)

ARTICLE = ("自贡平昌——跨越千山万水的“双向奔赴”\n"
           "2021年6月以来,根据省委、省政府统一安排部署,自贡市正式启动对口帮扶巴中市平昌县工作。"
           "2023年7月，自贡市第二批结对帮扶平昌县工作队30名队员整装出发。")


def row(event_id: str, **values: object) -> dict[str, object]:
    """An event row with every EVENT_COLUMNS key: a placed, dated pair unless told otherwise."""
    base = {c: None for c in EVENT_COLUMNS}
    base.update(event_id=event_id, doc="a.txt", year=2021, precision="year", basis="stated", date_text="2021年",
                kind="pairing_start", programme="pairing", donor="自贡市", donor_adcode="510300",
                donor_lon=104.778442, donor_lat=29.33903, recipient="平昌县", recipient_adcode="511923",
                recipient_lon=107.104008, recipient_lat=31.560874, summary="", evidence="自贡市对口帮扶平昌县。",
                char_start=0, char_end=11, donor_kind="place", recipient_kind="place")
    base.update(values)
    return base


ROWS = [
    row("a", year=2012, kind="funding", programme="tibet_aid", donor="天津市", donor_adcode="120000",
        evidence="天津市援助会宁县建设学校。"),
    row("b", year=2016, month=9, day=11, precision="day", date_text="2016年9月11日", kind="team_arrival"),
    row("c", year=None, precision="unknown", basis="not_stated", date_text="", kind="visit", summary="调研"),
    row("d", year=2017, end_year=2019, kind="park", programme="enclave_park", recipient="理县",
        recipient_adcode="513222"),
    row("e", year=None, month=5, precision="month", basis="not_stated", date_text="5月", kind="visit",
        recipient="冻坡甲村", recipient_adcode="", recipient_lon=None, recipient_lat=None, recipient_kind="locality"),
]


def ids(rows) -> list[str]:
    return [r["event_id"] for r in rows]


# -- filters --------------------------------------------------------------------------------

def test_no_filters_keep_every_row_in_order():
    assert ids(filter_rows(ROWS, Filters())) == ["a", "b", "c", "d", "e"]


@pytest.mark.parametrize("years, include_undated, expected", [
    ((2012, 2012), False, ["a"]),
    ((2013, 2016), False, ["b"]),
    ((2018, 2030), False, ["d"]),  # 2017–2019 overlaps 2018–2030
    ((2013, 2015), True, ["c", "e"]),  # the range never drops rows whose year is not stated
    (None, False, ["a", "b", "d"]),
])
def test_year_range_keeps_overlapping_spans_and_undated_only_when_asked(years, include_undated, expected):
    assert ids(filter_rows(ROWS, Filters(years=years, include_undated=include_undated))) == expected


def test_kinds_and_programmes_are_enum_values_not_labels():
    assert ids(filter_rows(ROWS, Filters(kinds={"visit"}))) == ["c", "e"]
    assert ids(filter_rows(ROWS, Filters(kinds={"team arrives"}))) == []  # a label is not a key
    assert ids(filter_rows(ROWS, Filters(programmes=["tibet_aid", "enclave_park"]))) == ["a", "d"]


def test_provinces_filter_by_the_adcode_prefix():
    assert province_of("513222") == "510000"
    assert province_of("") == province_of(None) == province_of("51") == ""
    assert ids(filter_rows(ROWS, Filters(donor_province="120000"))) == ["a"]
    assert ids(filter_rows(ROWS, Filters(recipient_province="510000"))) == ["a", "b", "c", "d"]  # e: no adcode


def test_province_options_name_the_provinces_from_the_gazetteer():
    assert province_options(ROWS, side="donor") == {"120000": "天津市", "510000": "四川省"}
    assert province_options([], side="recipient") == {}
    with pytest.raises(ValueError, match="side"):
        province_options(ROWS, side="both")


@pytest.mark.parametrize("search, expected", [
    ("天津", ["a"]), ("调研", ["c"]), ("  自贡市   理县 ", ["d"]), ("冻坡甲村", ["e"]), ("天津 理县", []),
    ("学校", ["a"]), ("", ["a", "b", "c", "d", "e"]),
])
def test_search_needs_every_word_in_donor_recipient_evidence_or_summary(search, expected):
    assert ids(filter_rows(ROWS, Filters(search=search))) == expected


def test_search_folds_width_and_case():
    rows = [row("x", evidence="ABC公司捐赠")]
    assert ids(filter_rows(rows, Filters(search="ａｂｃ"))) == ["x"]


def test_selected_event_ids_keep_only_those_events():
    assert ids(filter_rows(ROWS, Filters(event_ids={"d", "zz"}))) == ["d"]


@pytest.mark.parametrize("kwargs, message", [
    ({"years": (2020, 2010)}, "reversed"), ({"donor_province": "四川省"}, "adcode"),
    ({"recipient_province": "51"}, "adcode"), ({"search": "x" * 201}, "at most"),
])
def test_bad_filters_are_refused_with_a_reason(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Filters(**kwargs)


def test_options_and_bounds_come_from_the_rows():
    assert year_bounds(ROWS) == (2012, 2019)
    assert year_bounds([ROWS[2]]) is None
    assert kinds_in(ROWS) == ["team_arrival", "funding", "park", "visit"]  # EventKind order
    assert programmes_in(ROWS) == ["pairing", "tibet_aid", "enclave_park"]


def test_counts_split_dated_and_undated_and_count_rows_off_the_map():
    assert view_counts(ROWS) == {"events": 5, "dated": 3, "undated": 2, "not_on_map": 1}
    assert view_counts([]) == {"events": 0, "dated": 0, "undated": 0, "not_on_map": 0}


def test_counts_agree_with_the_map_data_on_the_seeds():
    from geo.mapdata import build_map_data

    _, rows = library_of(extract_paths([SEEDS]))
    counts, legend = view_counts(rows), build_map_data(rows)["counts"]
    assert counts["events"] == legend["events"] and counts["not_on_map"] == legend["not_on_map"]
    assert counts["dated"] + counts["undated"] == counts["events"]
    assert counts["undated"] >= legend["undated"] > 0  # the map counts only the undated it can draw


# -- the timeline ---------------------------------------------------------------------------

def test_timeline_places_each_row_at_the_span_its_text_states():
    records = {r["event_id"]: r for r in timeline_chart_data(ROWS)}
    assert (records["a"]["start"], records["a"]["end"]) == ("2012-01-01", "2013-01-01")
    assert (records["b"]["start"], records["b"]["end"], records["b"]["mid"]) == ("2016-09-11", "2016-09-12",
                                                                                 "2016-09-11")
    assert (records["d"]["start"], records["d"]["end"]) == ("2017-01-01", "2020-01-01")
    month = timeline_chart_data([row("m", year=2017, month=8, precision="month")])[0]
    assert (month["start"], month["end"], month["mid"]) == ("2017-08-01", "2017-09-01", "2017-08-16")
    december = timeline_chart_data([row("m", year=2017, month=12, end_year=2018, end_month=2, precision="month")])[0]
    assert (december["start"], december["end"]) == ("2017-12-01", "2018-03-01")


def test_year_not_stated_gets_no_date_only_a_slot_in_its_own_band():
    records = {r["event_id"]: r for r in timeline_chart_data(ROWS)}
    for key in ("c", "e"):
        assert records[key]["dated"] is False
        assert records[key]["start"] is records[key]["end"] is records[key]["mid"] is None
    assert records["c"]["slot"] == 0 and records["c"]["when"] == YEAR_NOT_STATED
    assert records["e"]["when"] == f"5月 ({YEAR_NOT_STATED})"
    same_lane = timeline_chart_data([row("u1", year=None), row("u2", year=None), row("u3", year=None)])
    assert [r["slot"] for r in same_lane] == [0, 1, 2]


def test_lanes_are_pairs_ordered_by_their_first_date_undated_lanes_last():
    records = timeline_chart_data(ROWS)
    lanes = {r["lane"]: r["lane_order"] for r in records}
    assert lanes == {"天津市 → 平昌县": 0, "自贡市 → 平昌县": 1, "自贡市 → 理县": 2, "自贡市 → 冻坡甲村": 3}


def test_the_year_axis_shows_every_year_empty_ones_too():
    records = timeline_chart_data(ROWS)
    assert axis_years(records) == list(range(2012, 2020))
    assert axis_years(timeline_chart_data([ROWS[2]])) == []


def test_a_calendar_impossible_day_falls_back_to_its_year():
    record = timeline_chart_data([row("x", year=2017, month=2, day=30, precision="day")])[0]
    assert (record["start"], record["end"]) == ("2017-01-01", "2018-01-01")


def _spec(chart) -> dict:
    return json.loads(chart.to_json())


def test_chart_has_the_selections_the_app_reads_and_a_separate_undated_band():
    spec = _spec(timeline_chart(timeline_chart_data(ROWS), colours={"funding": "#009E73"}))
    params = {p["name"]: p["select"]["type"] for p in spec["params"]}
    assert params == {"pick": "point", "brush": "interval", "pick_undated": "point"}
    dated, band = spec["hconcat"]
    assert band["title"]["text"] == f"{YEAR_NOT_STATED} (2)"
    assert band["encoding"]["x"]["field"] == "slot"  # a position in the band, never a date
    dots = dated["layer"][1]["encoding"]["x"]
    assert dots["type"] == "temporal"
    ticks = [v["year"] for v in dots["axis"]["values"]]
    assert ticks == list(range(2012, 2020))


def test_chart_of_only_dated_or_only_undated_rows_has_one_view():
    assert "hconcat" not in _spec(timeline_chart(timeline_chart_data([ROWS[0]])))
    only_undated = _spec(timeline_chart(timeline_chart_data([ROWS[2]])))
    assert [p["name"] for p in only_undated["params"]] == ["pick_undated"]
    with pytest.raises(ValueError, match="no events"):
        timeline_chart([])


def test_many_lanes_get_thinner_so_the_chart_stays_on_screen():
    many = [row(str(i), donor=f"甲{i}市") for i in range(300)]
    dated = _spec(timeline_chart(timeline_chart_data(many)))
    assert dated["height"]["step"] * 300 <= 900 + 3 * 300  # MAX_HEIGHT, or 3 px a lane at the least
    assert _spec(timeline_chart(timeline_chart_data(ROWS)))["hconcat"][0]["height"]["step"] == 22


# -- selections -----------------------------------------------------------------------------

def test_chart_selection_reads_clicks_and_a_brush_in_milliseconds():
    # As the browser sends them (probed with chromium): epoch ms on the x field.
    selection = {"pick": [{"event_id": "b"}], "pick_undated": [{"event_id": "c"}],
                 "brush": {"mid": [1356100920000, 1412476920000]}}
    assert chart_selection(selection) == (frozenset({"b", "c"}), (2012, 2014))


@pytest.mark.parametrize("brush, years", [
    ({"mid": ["2019-05-01T00:00:00Z", "2016-02-01"]}, (2016, 2019)),
    ({"mid": [2016.4, 2017.9]}, (2016, 2017)),
    ({"mid": [{"year": 2015}, {"year": 2016}]}, (2015, 2016)),
    ({}, None),
])
def test_chart_selection_reads_other_brush_forms(brush, years):
    assert chart_selection({"brush": brush}) == (frozenset(), years)


def test_an_empty_selection_selects_nothing():
    assert chart_selection({"pick": {}, "brush": {}, "pick_undated": {}}) == (frozenset(), None)
    assert chart_selection({}) == (frozenset(), None)


def test_a_brush_end_that_is_not_a_date_is_refused():
    with pytest.raises(ValueError, match="not a date"):
        chart_selection({"brush": {"mid": [True, 3]}})


def test_table_selection_maps_positions_to_event_ids_and_ignores_stale_ones():
    assert table_selection(ROWS, [1, 3, 99, -1]) == frozenset({"b", "d"})
    assert table_selection(ROWS, []) == frozenset()


def test_table_frame_keeps_empty_years_empty():
    frame = table_frame(ROWS)
    assert list(frame.columns) == list(TABLE_COLUMNS)
    assert str(frame["year"].dtype) == "Int64" and frame["year"].isna().sum() == 2
    assert frame.loc[0, "year"] == 2012
    assert (frame.loc[0, "kind"], frame.loc[0, "programme"]) == ("funding", "aid to Tibetan areas")
    assert frame.loc[1, "kind"] == "team arrives"


# -- evidence -------------------------------------------------------------------------------

def test_evidence_view_splits_the_article_at_the_exact_offsets():
    start = ARTICLE.index("2021年6月以来")
    end = ARTICLE.index("。", start) + 1
    before, sentence, after = evidence_view(ARTICLE, start, end)
    assert sentence == "2021年6月以来,根据省委、省政府统一安排部署,自贡市正式启动对口帮扶巴中市平昌县工作。"
    assert before + sentence + after == ARTICLE
    short = evidence_view(ARTICLE, start, end, context=5)
    assert short[0] == "…" + ARTICLE[start - 5:start] and short[2] == ARTICLE[end:end + 5] + "…"


@pytest.mark.parametrize("start, end", [(-1, 3), (5, 2), (0, 10_000)])
def test_evidence_offsets_outside_the_article_are_refused(start, end):
    with pytest.raises(ValueError, match="outside the article"):
        evidence_view(ARTICLE, start, end)


def test_evidence_html_escapes_the_text_then_marks_the_sentence():
    text = '<script>alert("x")</script>\n援建<b>学校</b>。后文'
    start = text.index("援建")
    html = evidence_html(text, start, text.index("。") + 1)
    assert "<script>" not in html and "<b>" not in html
    assert "<mark>援建&lt;b&gt;学校&lt;/b&gt;。</mark>后文" in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>" in html


def test_source_lines_name_the_date_and_where_it_comes_from():
    document = Document(doc="a.txt", text="x", publication_date=dt.date(2024, 10, 9),
                        publication_date_source="stamp: 2024-10-09", url="https://example.org/a", title="标题")
    assert source_lines(document) == ["标题", "Published 2024-10-09 (stamp: 2024-10-09)", "https://example.org/a",
                                      "File: a.txt"]
    assert source_lines(Document(doc="b.txt", text="x")) == ["Publication date unknown", "File: b.txt"]


def test_source_html_escapes_and_links_only_web_addresses():
    page = Document(doc="p.html", text="x", title="<b>标题</b>", url="https://example.org/?a=1&b=2")
    heading = source_html("A → B · <i>visit</i>", page)
    assert "<b>A → B · &lt;i&gt;visit&lt;/i&gt;</b>" in heading and "&lt;b&gt;标题&lt;/b&gt;" in heading
    assert '<a href="https://example.org/?a=1&amp;b=2"' in heading
    sneaky = source_html("s", Document(doc="q.txt", text="x", url="javascript:alert(1)"))
    assert "<a " not in sneaky and "javascript:alert(1)" in sneaky


# -- uploads --------------------------------------------------------------------------------

def test_an_uploaded_text_file_becomes_a_document_with_its_stamp_date():
    document = document_from_upload("news.txt", "2024-10-09 21:10:14来源:天府融媒\n".encode() + ARTICLE.encode("gb18030"))
    assert document.doc == "news.txt" and document.publication_date == dt.date(2024, 10, 9)


@pytest.mark.parametrize("name, raw, error, message", [
    ("empty.txt", b"  \n", EmptyDocumentError, "empty.txt"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), DecodeError, "binary"),
    ("big5.txt", "對口幫扶藏區貧困縣工作會議，結親戚心連心。".encode("big5"), DecodeError, "UTF-8"),
    ("report.pdf", b"%PDF-1.4", DocumentError, "only .txt, .html and .htm"),
    ("huge.txt", b"a" * 2000, DocumentTooLargeError, "limit"),
])
def test_a_bad_upload_is_refused_with_a_message_naming_it(name, raw, error, message):
    with pytest.raises(error, match=message) as info:
        document_from_upload(name, raw, max_bytes=1000)
    assert name in str(info.value)


def test_bad_uploads_are_reported_and_the_rest_still_load():
    seen = []
    extraction = extract_uploads(
        [("good.txt", ARTICLE.encode()), ("empty.txt", b""), ("page.html", f"<html><body><p>{ARTICLE}</p></body></html>".encode())],
        progress=lambda i, n, name: seen.append((i, n, name)))
    assert [d.doc for d in extraction.documents] == ["good.txt", "page.html"]
    assert [e.path for e in extraction.errors] == ["empty.txt"]
    assert seen == [(1, 3, "good.txt"), (2, 3, "empty.txt"), (3, 3, "page.html")]
    assert {e.doc for e in extraction.events} == {"good.txt", "page.html"}
    per_file = libraries_by_file(extraction)
    assert set(per_file) == {"good.txt", "page.html"}
    assert {r["doc"] for r in per_file["good.txt"][1]} == {"good.txt"} and list(per_file["good.txt"][0]) == ["good.txt"]
    messages = upload_messages(["good.txt", "empty.txt"], extraction)
    assert messages["empty.txt"][0] is False and "empty.txt" in messages["empty.txt"][1]
    assert messages["good.txt"][0] is True and messages["good.txt"][1].startswith("good.txt: ")


def test_pasted_text_is_named_by_its_content_and_extracted():
    extraction = extract_paste(ARTICLE)
    assert extraction.documents[0].doc == document_from_paste(ARTICLE).doc  # same text, same name
    assert extraction.documents[0].doc.startswith("pasted-")
    _, rows = library_of(extraction)
    assert any(r["donor"] == "自贡市" and r["recipient"] == "平昌县" and r["year"] == 2021 for r in rows)
    assert all(type(r["kind"]) is str for r in rows)  # plain strings: cache- and table-friendly
    with pytest.raises(EmptyDocumentError, match="empty"):
        document_from_paste(" \n ")


def test_an_added_document_replaces_one_of_the_same_name():
    old = Document(doc="a.txt", text="old")
    new = Document(doc="a.txt", text="new")
    base = ({"a.txt": old, "b.txt": Document(doc="b.txt", text="b")}, [row("1", doc="a.txt"), row("2", doc="b.txt")])
    documents, rows = combine(base, ({"a.txt": new}, [row("3", doc="a.txt")]))
    assert documents["a.txt"] is new and ids(rows) == ["2", "3"]


def test_the_csv_of_filtered_rows_has_the_cli_schema_and_only_those_rows():
    kept = filter_rows(ROWS, Filters(kinds={"visit"}))
    lines = csv_text(kept, EVENT_COLUMNS).lstrip("\ufeff").splitlines()
    assert lines[0].split(",") == list(EVENT_COLUMNS)
    assert [line.split(",")[0] for line in lines[1:]] == ["c", "e"]
