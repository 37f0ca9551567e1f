"""The map's data (geo.map.data): one arc per relation, its years and card, places, counts."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from geo.errors import GeoError, MapDataError
from geo.map.cards import CARD_EVENT_FIELDS, card_html
from geo.map.data import KIND_COLOURS, KIND_LABELS, REQUIRED_COLUMNS, build_map_data, date_label, to_geojson
from timeline.events.batch import extract_paths
from timeline.events.export import EVENT_COLUMNS, csv_text, events_to_rows
from timeline.events.model import EventKind

SUINING = (105.592803, 30.53292)
LIXIAN = (103.164661, 31.435174)
ZIGONG = (104.778442, 29.33903)
PINGCHANG = (107.104008, 31.560874)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def row(**over: object) -> dict[str, object]:
    """A typed row as ``timeline.events.export.events_to_rows`` makes it: 遂宁市 → 理县, 2017."""
    base: dict[str, object] = {c: None for c in EVENT_COLUMNS}
    base.update(
        event_id="e1", doc="a.txt", year=2017, month=None, day=None, date_text="2017年", precision="year",
        basis="stated", kind="team_arrival", programme="tibet_aid", donor="遂宁市", donor_adcode="510900",
        donor_lon=SUINING[0], donor_lat=SUINING[1], recipient="理县", recipient_adcode="513222",
        recipient_lon=LIXIAN[0], recipient_lat=LIXIAN[1], evidence="2017年,遂宁市派出干部赴理县。",
        summary="", char_start=0, char_end=10, donor_kind="place", recipient_kind="place",
    )
    base.update(over)
    return base


def as_csv_rows(rows: list[dict[str, object]]) -> list[dict[str, str]]:
    """The same rows written to the CSV timeline and read back: every value a string, '' for empty."""
    return list(csv.DictReader(io.StringIO(csv_text(rows, EVENT_COLUMNS).lstrip("\ufeff"))))


both_forms = pytest.mark.parametrize("form", [lambda rows: rows, as_csv_rows], ids=["typed", "csv-strings"])


def relations(data: dict) -> list[dict]:
    return [f["properties"] for f in data["relations"]["features"]]


def cards(data: dict) -> list[str]:
    """Each relation's card as HTML, built from its compact data as the page builds it."""
    return [card_html(p["card"], data) for p in relations(data)]


@both_forms
def test_one_arc_per_relation_runs_from_donor_to_recipient(form):
    data = build_map_data(form([row(), row(event_id="e2", year=2019, date_text="2019年"),
                                row(event_id="e3", year=None, date_text="")]))
    [arc] = data["relations"]["features"]
    coords = arc["geometry"]["coordinates"]
    assert arc["geometry"]["type"] == "LineString" and 16 <= len(coords) <= 24
    assert coords[0] == pytest.approx(list(SUINING), abs=1e-5)
    assert coords[-1] == pytest.approx(list(LIXIAN), abs=1e-5)
    p = arc["properties"]
    assert (p["donor"], p["recipient"], p["count"], p["undated"]) == ("遂宁市", "理县", 3, 1)
    assert p["years"] == [[2017, 1], [2019, 1]] and p["first_year"] == 2017
    assert data["years"] == [2017, 2019]
    assert data["year_counts"] == [[2017, 1], [2018, 0], [2019, 1]]  # the empty year too
    assert data["undated_drawn"] == 1


def test_the_player_steps_by_month_only_when_every_dated_event_states_its_month():
    months = [row(year=2016, month=9, precision="month"), row(event_id="b", year=2017, month=2, day=3, precision="day")]
    data = build_map_data(months + [row(event_id="u", year=None, date_text="")])
    assert data["period"] == "P1M"
    assert data["step_counts"][0] == [2016 * 12 + 8, 1] and data["step_counts"][-1] == [2017 * 12 + 1, 1]
    assert len(data["step_counts"]) == 6  # every month from 2016-09 to 2017-02
    assert relations(data)[0]["steps"] == [[2016 * 12 + 8, 1], [2017 * 12 + 1, 1]]
    mixed = build_map_data(months + [row(event_id="y", year=2018)])  # one event known to its year only
    assert mixed["period"] == "P1Y" and [s for s, _ in mixed["step_counts"]] == [2016, 2017, 2018]


def test_each_direction_is_its_own_relation_and_bulges_to_its_own_side():
    there = row(event_id="a")
    back = row(event_id="b", donor="理县", donor_lon=LIXIAN[0], donor_lat=LIXIAN[1],
               recipient="遂宁市", recipient_lon=SUINING[0], recipient_lat=SUINING[1])
    a, b = build_map_data([there, back])["relations"]["features"]
    assert math.dist(a["geometry"]["coordinates"][8], b["geometry"]["coordinates"][8]) > 0.1
    assert _side(a) > 0 and _side(b) > 0  # each to the left of its own travel


def _side(arc: dict) -> float:
    """Positive when the arc's middle lies left of its own straight line from donor to recipient."""
    coords = arc["geometry"]["coordinates"]
    (x0, y0), (x1, y1), (xm, ym) = coords[0], coords[-1], coords[len(coords) // 2]
    return (x1 - x0) * (ym - y0) - (y1 - y0) * (xm - x0)


def test_a_relation_with_only_undated_events_has_no_years():
    data = build_map_data([row(year=None, date_text="", precision="unknown", basis="not_stated")])
    [p] = relations(data)
    assert p["years"] == [] and p["first_year"] is None and p["undated"] == 1
    assert "年份未载明" in cards(data)[0]
    assert data["counts"]["undated"] == 1 and data["counts"]["dated"] == 0 and data["years"] == []


@pytest.mark.parametrize(("over", "zh", "en"), [
    ({"year": None, "month": 5, "date_text": "年5月", "precision": "month", "basis": "not_stated"},
     "年5月（年份未载明）", "年5月 (year not stated)"),
    ({"year": None, "date_text": "", "precision": "unknown"}, "年份未载明", "year not stated"),
    ({"year": 2016, "month": 9, "day": 11, "date_text": "2016年9月11日", "precision": "day"},
     "2016-09-11 · 2016年9月11日", "2016-09-11 · 2016年9月11日"),
    ({"year": 2016, "month": 9, "date_text": "2016年9月", "precision": "month"}, "2016-09 · 2016年9月", None),
    ({"year": 2016, "date_text": "2016", "precision": "year"}, "2016", None),
    ({"year": 2016, "end_year": 2018, "date_text": "2016至2018年", "precision": "year"}, "2016–2018 · 2016至2018年", None),
])
def test_dates_show_at_their_precision_and_as_written(over, zh, en):
    assert date_label(row(**over), "zh") == zh
    if en:
        assert date_label(row(**over), "en") == en


@both_forms
def test_a_party_without_coordinates_is_counted_not_on_the_map_and_not_drawn(form):
    region = row(event_id="r", recipient="省内藏区10个县", recipient_adcode="", recipient_lon=None,
                 recipient_lat=None, recipient_kind="region")
    data = build_map_data(form([row(), region]))
    assert data["counts"] == {"events": 2, "dated": 2, "undated": 0, "rows": 2, "not_on_map": 1, "relations": 1}
    assert data["not_on_map"] == ["省内藏区10个县"]
    assert [p["recipient"] for p in relations(data)] == ["理县"]
    assert {f["properties"]["name"] for f in data["places"]["features"]} == {"遂宁市", "理县"}


def test_counts_say_events_and_rows_apart(seed_rows):
    data = build_map_data(seed_rows)
    c = data["counts"]
    events = {r["event_id"] for r in seed_rows}
    assert c["events"] == len(events) == c["dated"] + c["undated"] < c["rows"] == len(seed_rows)
    assert c["not_on_map"] == sum(1 for r in seed_rows if r["donor_lon"] is None or r["recipient_lon"] is None) > 0
    drawn = [r for r in seed_rows if r["donor_lon"] is not None and r["recipient_lon"] is not None]
    assert sum(p["count"] for p in relations(data)) == len(drawn)  # each drawn row in exactly one relation
    assert c["relations"] == len({(r["donor"], r["recipient"]) for r in drawn}) < len(drawn)


def test_one_event_with_two_recipients_counts_once():
    rows = [row(event_id="x"), row(event_id="x", recipient="自贡市", recipient_lon=ZIGONG[0], recipient_lat=ZIGONG[1])]
    c = build_map_data(rows)["counts"]
    assert (c["events"], c["rows"], c["relations"]) == (1, 2, 2)


def test_csv_strings_and_typed_rows_give_the_same_map(seed_rows):
    typed, read_back = build_map_data(seed_rows), build_map_data(as_csv_rows(seed_rows))
    for key in ("counts", "bounds", "years", "year_counts", "not_on_map"):
        assert typed[key] == read_back[key]
    assert typed["relations"] == read_back["relations"]


HOSTILE = "<script>alert(1)</script>"


@pytest.mark.parametrize("field", ["evidence", "donor", "recipient", "date_text", "doc", "kind", "programme"])
def test_cards_and_tooltips_escape_news_text(field):
    data = build_map_data([row(**{field: f"x{HOSTILE}"})], sources={"a.txt": {"title": HOSTILE, "url": "https://x/"}})
    [p] = relations(data)
    html_parts = [cards(data)[0], p["tooltip"]] + [f["properties"]["popup"] for f in data["places"]["features"]]
    assert all(HOSTILE not in part for part in html_parts)
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in part for part in html_parts)


def test_the_escape_check_can_fail():
    """The raw text does reach the data, so the card check above is not vacuous."""
    assert relations(build_map_data([row(donor=HOSTILE)]))[0]["donor"] == HOSTILE


def test_a_card_lists_every_event_with_date_kind_amount_evidence_and_source():
    rows = [row(date_text="今年", basis="relative", amount_yuan=3e8),
            row(event_id="e2", year=None, date_text="", precision="unknown", kind="funding", people=30,
                evidence="自贡市援助理县。", doc="b.txt")]
    sources = {"a.txt": {"title": "理县新闻", "url": "https://example.org/a"}, "b.txt": {"title": "", "url": "file:x"}}
    card = cards(build_map_data(rows, sources=sources))[0]
    for part in ("遂宁市 → 理县", "2 件事件（1 件有年份）", "2017 · 今年", "工作队抵达", "援藏", "¥300,000,000",
                 "2017年,遂宁市派出干部赴理县。", '<a href="https://example.org/a"', "理县新闻",
                 "年份未载明", "资金支持", "30 人", "b.txt"):
        assert part in card, part
    assert card.index("2017 · 今年") < card.index("年份未载明")  # dated first, in date order
    assert 'href="file:x"' not in card  # only web addresses become links
    english = cards(build_map_data(rows, lang="en", sources=sources))[0]
    for part in ("遂宁市 Suining → 理县 Lixian", "2 events (1 with a year)", "team arrives", "aid to Tibetan areas",
                 "year not stated", "30 people"):
        assert part in english, part


def test_a_card_is_sent_as_data_each_event_with_its_date_kind_amounts_and_indexes_into_the_page_lists():
    rows = [row(date_text="今年", basis="relative", amount_yuan=3e8, corrected="year")]
    data = build_map_data(rows, sources={"a.txt": {"title": "理县新闻", "url": "https://example.org/a"}})
    card = relations(data)[0]["card"]
    assert (card["title"], card["meta"], card["more"]) == ("遂宁市 → 理县", "1 件事件", "")
    [event] = card["events"]
    fields = dict(zip(CARD_EVENT_FIELDS, event, strict=True))
    assert fields["event_id"] == "e1" and fields["when"] == "2017 · 今年（由相对日期推算）"
    assert data["facts"][fields["facts"]] == "工作队抵达 · 援藏" and fields["amounts"] == "¥300,000,000"
    assert fields["corrected"] == "已更正：年"
    assert data["evidence"][fields["evidence"]] == "2017年,遂宁市派出干部赴理县。"
    assert data["sources"][fields["source"]] == ["理县新闻", "https://example.org/a"]
    json.dumps(data, allow_nan=False)


def test_evidence_and_sources_are_listed_once_for_every_card_that_shows_them():
    rows = [row(event_id="x"), row(event_id="x", recipient="自贡市", recipient_lon=ZIGONG[0], recipient_lat=ZIGONG[1]),
            row(event_id="y", evidence="另一句。", doc="b.txt", recipient="自贡市", recipient_lon=ZIGONG[0],
                recipient_lat=ZIGONG[1])]
    data = build_map_data(rows)
    assert data["evidence"] == ["2017年,遂宁市派出干部赴理县。", "另一句。"]
    assert data["sources"] == [["a.txt", ""], ["b.txt", ""]]  # no web address: the name, not a link
    assert data["facts"] == ["工作队抵达 · 援藏"]
    assert [[e[5] for e in p["card"]["events"]] for p in relations(data)] == [[0], [0, 1]]
    assert all("另一句。" in c for c in cards(data)[1:]) and "另一句。" not in cards(data)[0]


def test_the_card_data_keeps_news_text_raw_and_the_card_built_from_it_escapes_it():
    data = build_map_data([row(evidence=HOSTILE, date_text=HOSTILE, kind=HOSTILE, doc=HOSTILE)],
                          sources={HOSTILE: {"title": HOSTILE, "url": f'https://x/"{HOSTILE}'}})
    assert data["evidence"] == [HOSTILE] and HOSTILE in data["facts"][0]  # raw: the check can fail
    [card] = cards(data)
    assert HOSTILE not in card and '"<' not in card
    assert card.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 5  # date, kind, evidence, link text, its address
    assert 'href="https://x/&quot;&lt;script&gt;' in card


def test_a_long_relation_card_lists_the_first_events_and_says_how_many_more():
    rows = [row(event_id=f"a{i}") for i in range(8)]
    card = cards(build_map_data(rows, aggregate_above=5))[0]
    assert card.count("<li") == 5 and "另有 3 件" in card
    assert cards(build_map_data(rows))[0].count("<li") == 8


def test_places_are_sized_by_activity():
    rows = [row(event_id=f"s{i}") for i in range(4)] + [
        row(event_id="z", donor="自贡市", donor_lon=ZIGONG[0], donor_lat=ZIGONG[1], recipient="平昌县",
            recipient_lon=PINGCHANG[0], recipient_lat=PINGCHANG[1])]
    places = {f["properties"]["name"]: f["properties"] for f in build_map_data(rows)["places"]["features"]}
    assert places["理县"]["count"] == 4 and places["理县"]["as_recipient"] == 4
    assert places["平昌县"]["count"] == 1
    assert places["理县"]["radius"] > places["平昌县"]["radius"] > 0


def test_parties_at_one_point_do_not_hide_each_other():
    # 和平区 placed at 天津市's point (as a gazetteer may place a district at its city)
    tianjin = (117.2, 39.12)
    rows = [row(donor="天津市", donor_adcode="120000", donor_lon=tianjin[0], donor_lat=tianjin[1]),
            row(event_id="h", donor="和平区", donor_adcode="120101", donor_lon=tianjin[0], donor_lat=tianjin[1])]
    data = build_map_data(rows)
    places = {f["properties"]["name"]: f["geometry"]["coordinates"] for f in data["places"]["features"]}
    assert places["天津市"] == list(tianjin)  # the city keeps the point, its district moves aside
    assert 0.03 < math.dist(places["和平区"], places["天津市"]) < 0.2
    starts = {p["donor"]: f["geometry"]["coordinates"][0]
              for f, p in zip(data["relations"]["features"], relations(data))}
    assert starts["和平区"] == places["和平区"] and starts["天津市"] == places["天津市"]


def test_english_place_labels_add_pinyin_but_not_to_organisations():
    school = row(event_id="s", donor="遂宁市高升实验小学", donor_kind="organisation")
    data = build_map_data([row(), school], lang="en")
    places = {f["properties"]["name"]: f["properties"] for f in data["places"]["features"]}
    assert places["遂宁市"]["label"] == "遂宁市 Suining"
    assert places["遂宁市高升实验小学"]["label"] == "遂宁市高升实验小学"
    assert "遂宁市高升实验小学 → 理县 Lixian" in relations(data)[1]["tooltip"]


def test_bounds_hold_every_drawn_point_and_none_without_any():
    data = build_map_data([row()])
    (south, west), (north, east) = data["bounds"]
    for lon, lat in (SUINING, LIXIAN):  # coordinates are kept to 5 decimals (about a metre)
        assert south <= round(lat, 5) <= north and west <= round(lon, 5) <= east
    assert build_map_data([])["bounds"] is None
    assert build_map_data([row(donor_lon=None, donor_lat=None)])["bounds"] is None


def test_no_rows_give_empty_layers_and_zero_counts():
    data = build_map_data([])
    assert data["counts"] == {"events": 0, "dated": 0, "undated": 0, "rows": 0, "not_on_map": 0, "relations": 0}
    assert data["relations"]["features"] == [] == data["places"]["features"] == data["year_counts"]


def test_donor_and_recipient_at_the_same_point_are_spread_apart():
    [arc] = build_map_data([row(recipient="遂宁市船山区", recipient_lon=SUINING[0], recipient_lat=SUINING[1])])[
        "relations"]["features"]
    coords = arc["geometry"]["coordinates"]
    assert math.dist(coords[0], coords[-1]) > 0.03


def test_map_data_is_strict_json(seed_rows):
    json.dumps(build_map_data(seed_rows), allow_nan=False)
    json.dumps(build_map_data([row(amount_yuan=float("nan"), people=float("nan"))]), allow_nan=False)


@pytest.mark.parametrize(("over", "words"), [
    ({"year": "二〇一七"}, "year"),
    ({"month": 13}, "month"),
    ({"donor_lon": 500}, "not on Earth"),
    ({"recipient_lat": "north"}, "recipient_lat"),
])
def test_unusable_values_are_map_data_errors_naming_the_row(over, words):
    with pytest.raises(MapDataError, match=words) as info:
        build_map_data([row(), row(**over)])
    assert "row 2" in str(info.value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, GeoError)


def test_a_row_without_a_required_column_is_an_error():
    bad = row()
    del bad["evidence"]
    with pytest.raises(MapDataError, match="evidence"):
        build_map_data([bad])


def test_an_unknown_language_is_an_error_naming_the_choices():
    with pytest.raises(MapDataError, match="zh, en"):
        build_map_data([row()], lang="fr")


def test_an_unknown_date_basis_or_kind_is_shown_as_it_is():
    data = build_map_data([row(basis="from_the_moon", kind="new_kind")])
    [p], [card] = relations(data), cards(data)
    assert "new_kind" in card and "from_the_moon" in card and p["colour"] == "#999999"


@pytest.mark.parametrize(("basis", "zh", "en"), [
    ("context", "2017（据上下文）", "2017 (from context)"), ("relative", "由相对日期推算", "from a relative date"),
])
def test_a_year_worked_out_rather_than_written_says_how(basis, zh, en):
    assert zh in cards(build_map_data([row(basis=basis, date_text="")]))[0]
    assert en in cards(build_map_data([row(basis=basis, date_text="")], lang="en"))[0]
    assert "（" not in cards(build_map_data([row(date_text="")]))[0].split("</b>")[0]  # stated: no note


def test_geojson_export_holds_every_relation_without_html():
    data = build_map_data([row(), row(event_id="u", year=None, date_text="", recipient="自贡市",
                                      recipient_lon=ZIGONG[0], recipient_lat=ZIGONG[1])])
    out = to_geojson(data)
    assert out["type"] == "FeatureCollection"
    assert [f["properties"]["dated"] for f in out["features"]] == [True, False]
    for f in out["features"]:
        assert not {"card", "tooltip", "colour"} & set(f["properties"])
        assert f["geometry"]["type"] == "LineString"
    assert out["features"][0]["properties"]["years"] == [[2017, 1]]
    json.dumps(out, allow_nan=False)


def test_required_columns_are_timeline_columns_and_every_kind_has_a_colour_and_labels():
    assert set(REQUIRED_COLUMNS) <= set(EVENT_COLUMNS)
    assert {k.value for k in EventKind} == set(KIND_COLOURS) == set(KIND_LABELS["zh"]) == set(KIND_LABELS["en"])


@pytest.fixture(scope="module")
def seed_rows() -> list[dict[str, object]]:
    return events_to_rows(extract_paths([str(SEEDS)]).events)


def test_a_corrected_row_says_so_on_its_card_and_a_corrected_year_how_it_was_found():
    card = cards(build_map_data([row(basis="corrected", date_text="", corrected="year;donor")]))[0]
    assert "2017（经人工更正）" in card and "已更正：年、帮扶方" in card
    card = cards(build_map_data([row(basis="corrected", date_text="", corrected="year")], lang="en"))[0]
    assert "(corrected by a person)" in card and "corrected: year" in card
    assert "已更正" not in cards(build_map_data([row()]))[0]  # the check can fail
