"""What the app shows: filters, counts, the timeline's data, selections, the events table."""

from __future__ import annotations

import pytest

from eventrows import ROWS, ids, row
from gold import SEEDS
from timeline import extract_paths
from timeline.views.uploads import library_of
from timeline.views.filters import (
    TABLE_COLUMNS, YEAR_NOT_STATED, Filters, axis_years, chart_selection, filter_rows, in_date_order, kinds_in,
    programmes_in,
    province_of, province_options, table_frame, table_selection, timeline_chart_data, view_counts, year_bounds,
)


# -- filters --------------------------------------------------------------------------------

def test_no_filters_keep_every_row_in_order():
    assert ids(filter_rows(ROWS, Filters())) == ["a", "b", "c", "d", "e"]


@pytest.mark.parametrize("years, include_undated, expected", [
    ((2012, 2012), False, ["a"]),
    ((2013, 2016), False, ["b"]),
    ((2018, 2030), False, ["d"]),  # 2017–2019 overlaps 2018–2030
    ((2013, 2015), True, ["c", "e"]),  # asked for: the range keeps rows whose year is not stated
    ((2013, 2015), None, []),  # not asked for: a range is a question about years
    ((2012, 2012), None, ["a"]),
    (None, None, ["a", "b", "c", "d", "e"]),
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


@pytest.mark.parametrize("search, expected", [
    ("Zigong", ["b", "c", "d", "e"]),  # pinyin of a party, any case
    ("zigong pingchang", ["b", "c"]),
    ("會寧", ["a"]),  # traditional characters find the simplified text
    ("自貢市", ["b", "c", "d", "e"]),
    ("四川", ["a", "b", "c", "d", "e"]),  # a party's province: a's recipient 平昌县 is in 四川省
    ("天津", ["a"]),
    ("Sichuan", []),  # province names are searched in characters only
])
def test_search_matches_simplified_traditional_pinyin_and_province(search, expected):
    assert ids(filter_rows(ROWS, Filters(search=search))) == expected


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
    assert view_counts(ROWS) == {"events": 5, "dated": 3, "undated": 2, "rows": 5, "not_on_map": 1}
    assert view_counts([]) == {"events": 0, "dated": 0, "undated": 0, "rows": 0, "not_on_map": 0}
    two_recipients = [ROWS[0], {**ROWS[0], "recipient": "自贡市"}]
    assert view_counts(two_recipients)["events"] == 1 and view_counts(two_recipients)["rows"] == 2


def test_counts_agree_with_the_map_data_on_the_seeds():
    from geo.map.data import build_map_data

    _, rows = library_of(extract_paths([SEEDS]))
    counts, legend = view_counts(rows), build_map_data(rows)["counts"]
    assert {k: legend[k] for k in counts} == counts  # the app's metrics and the map's legend agree
    assert counts["dated"] + counts["undated"] == counts["events"] < counts["rows"] == len(rows)
    assert counts["undated"] > 0



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
    assert records["c"]["slot"] == 0 and records["c"]["when"] == "年份未载明"
    assert records["e"]["when"] == "5月（年份未载明）"
    english = {r["event_id"]: r for r in timeline_chart_data(ROWS, lang="en")}
    assert english["c"]["when"] == YEAR_NOT_STATED and english["e"]["when"] == f"5月 ({YEAR_NOT_STATED})"
    assert english["b"]["when"] == "2016-09-11 · 2016年9月11日" and english["b"]["lane"] == "自贡市 Zigong → 平昌县 Pingchang"
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


def test_table_leads_with_date_parties_kind_and_summary_and_never_shows_none():
    frame = table_frame(ROWS)
    assert list(frame.columns) == list(TABLE_COLUMNS) and TABLE_COLUMNS[:5] == ("date", "donor", "recipient",
                                                                                 "kind", "summary")
    assert str(frame["year"].dtype) == "Int64" and frame["year"].isna().sum() == 2
    assert frame.loc[0, "year"] == 2012
    assert list(frame["date"]) == ["2012 · 2021年", "2016-09-11 · 2016年9月11日", "年份未载明", "2017–2019 · 2021年",
                                   "5月（年份未载明）"]
    assert (frame.loc[0, "kind"], frame.loc[0, "programme"]) == ("资金支持", "援藏")
    shown = frame[[c for c in frame.columns if c not in ("year", "month", "day")]]
    assert not shown.isna().any().any() and "None" not in shown.to_string()
    english = table_frame(ROWS, lang="en")
    assert (english.loc[0, "kind"], english.loc[0, "programme"]) == ("funding", "aid to Tibetan areas")
    assert english.loc[1, "kind"] == "team arrives" and english.loc[1, "donor"] == "自贡市 Zigong"
    school = table_frame([row("s", donor="成都市大弯中学", donor_kind="organisation")], lang="en")
    assert school.loc[0, "donor"] == "成都市大弯中学"  # an organisation is not spelled out in pinyin


def test_the_table_order_is_by_date_with_the_undated_last():
    assert ids(in_date_order(ROWS)) == ["a", "b", "d", "c", "e"]
    assert ids(in_date_order([row("x", year=2016, month=3), row("y", year=2016, month=None), row("z", year=2015)])) \
        == ["z", "y", "x"]
