"""The map's data (geo.map.data): arcs, times, the undated layer, counts, popups, aggregation."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from geo.errors import GeoError, MapDataError
from geo.map.data import KIND_COLOURS, KIND_LABELS, REQUIRED_COLUMNS, build_map_data, to_geojson
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


@both_forms
def test_dated_arc_runs_from_donor_to_recipient_with_one_time_per_point(form):
    data = build_map_data(form([row()]))
    [arc] = data["dated"]["features"]
    coords = arc["geometry"]["coordinates"]
    assert arc["geometry"]["type"] == "LineString"
    assert 16 <= len(coords) <= 24
    assert coords[0] == pytest.approx(list(SUINING), abs=1e-5)
    assert coords[-1] == pytest.approx(list(LIXIAN), abs=1e-5)
    assert arc["properties"]["times"] == ["2017"] * len(coords)
    assert (arc["properties"]["donor"], arc["properties"]["recipient"]) == ("遂宁市", "理县")
    assert data["years"] == [2017] and data["period"] == "P1Y"


@both_forms
@pytest.mark.parametrize(("precision", "month", "day", "time"), [
    ("year", None, None, "2021"),
    ("month", 6, None, "2021-06"),
    ("day", 6, 15, "2021-06"),  # at its month: the player steps by month
])
def test_an_arc_is_timed_at_its_year_or_month(form, precision, month, day, time):
    data = build_map_data(form([row(year=2021, month=month, day=day, precision=precision)]))
    [arc] = data["dated"]["features"]
    assert set(arc["properties"]["times"]) == {time}
    assert data["period"] == ("P1Y" if time == "2021" else "P1M")


def test_arrowhead_has_the_arc_time_and_its_tip_at_the_recipient():
    data = build_map_data([row(year=2012, month=3, precision="month")])
    [arrow] = data["arrows"]["features"]
    ring = arrow["geometry"]["coordinates"][0]
    assert arrow["geometry"]["type"] == "Polygon"
    assert ring[0] == ring[-1] == pytest.approx(list(LIXIAN), abs=1e-5)
    assert arrow["properties"]["times"] == ["2012-03"]  # one per ring


def _side(arc: dict) -> float:
    """Positive when the arc's middle lies left of its own straight line from donor to recipient."""
    coords = arc["geometry"]["coordinates"]
    (x0, y0), (x1, y1), (xm, ym) = coords[0], coords[-1], coords[len(coords) // 2]
    return (x1 - x0) * (ym - y0) - (y1 - y0) * (xm - x0)


def test_opposite_directions_bulge_to_opposite_sides_so_they_do_not_overlap():
    there = row(event_id="a")
    back = row(event_id="b", donor="理县", donor_lon=LIXIAN[0], donor_lat=LIXIAN[1],
               recipient="遂宁市", recipient_lon=SUINING[0], recipient_lat=SUINING[1])
    a, b = build_map_data([there, back])["dated"]["features"]
    mid_a = a["geometry"]["coordinates"][10]
    mid_b = b["geometry"]["coordinates"][10]
    assert math.dist(mid_a, mid_b) > 0.1
    # each bulges to the left of its own travel: the same sign relative to its own direction
    assert _side(a) > 0 and _side(b) > 0


@both_forms
def test_undated_event_is_dashed_in_its_own_layer_without_times(form):
    data = build_map_data(form([row(year=None, date_text="", precision="unknown", basis="not_stated")]))
    assert data["dated"]["features"] == [] and data["arrows"]["features"] == []
    [arc] = data["undated"]["features"]
    assert "times" not in arc["properties"]
    assert arc["properties"]["style"]["dashArray"]
    assert "year not stated" in arc["properties"]["popup"]
    assert data["counts"]["undated"] == 1 and data["counts"]["dated"] == 0
    assert data["years"] == []


def test_a_month_without_year_stays_undated_and_says_so():
    data = build_map_data([row(year=None, month=5, date_text="年5月", precision="month", basis="not_stated")])
    [arc] = data["undated"]["features"]
    assert "年5月 (year not stated)" in arc["properties"]["popup"]


@both_forms
def test_a_party_without_coordinates_is_counted_not_on_the_map_and_not_drawn(form):
    region = row(event_id="r", recipient="省内藏区10个县", recipient_adcode="", recipient_lon=None,
                 recipient_lat=None, recipient_kind="region")
    data = build_map_data(form([row(), region]))
    assert data["counts"] == {"events": 2, "dated": 1, "undated": 0, "not_on_map": 1, "pairs": 2}
    assert data["not_on_map"] == ["省内藏区10个县"]
    drawn = [f["properties"]["recipient"] for f in data["dated"]["features"] + data["undated"]["features"]]
    assert drawn == ["理县"]
    assert {f["properties"]["name"] for f in data["places"]["features"]} == {"遂宁市", "理县"}


def test_counts_of_the_seed_events_partition_the_rows(seed_rows):
    data = build_map_data(seed_rows)
    c = data["counts"]
    assert c["events"] == len(seed_rows) == c["dated"] + c["undated"] + c["not_on_map"]
    assert c["dated"] == len(data["dated"]["features"]) and c["undated"] == len(data["undated"]["features"])
    assert c["not_on_map"] == sum(1 for r in seed_rows if r["donor_lon"] is None or r["recipient_lon"] is None) > 0
    assert c["undated"] > 0 and c["dated"] > 0


def test_csv_strings_and_typed_rows_give_the_same_map(seed_rows):
    typed, read_back = build_map_data(seed_rows), build_map_data(as_csv_rows(seed_rows))
    for key in ("counts", "bounds", "years", "period", "not_on_map"):
        assert typed[key] == read_back[key]
    assert [f["geometry"] for f in typed["dated"]["features"]] == [f["geometry"] for f in read_back["dated"]["features"]]


HOSTILE = "<script>alert(1)</script>"


@pytest.mark.parametrize("field", ["evidence", "donor", "recipient", "date_text", "doc", "kind"])
def test_popups_and_tooltips_escape_news_text(field):
    data = build_map_data([row(**{field: f"x{HOSTILE}"})])
    [arc] = data["dated"]["features"]
    [arrow] = data["arrows"]["features"]
    html_parts = [arc["properties"]["popup"], arc["properties"]["tooltip"], arrow["properties"]["tooltip"]]
    html_parts += [f["properties"]["popup"] for f in data["places"]["features"]]
    assert all(HOSTILE not in part for part in html_parts)
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in part for part in html_parts)


def test_the_escape_check_can_fail():
    """The raw text does reach the data, so the popup check above is not vacuous."""
    data = build_map_data([row(evidence=HOSTILE)])
    assert data["dated"]["features"][0]["properties"]["evidence"] == HOSTILE


def test_popup_shows_pair_date_as_stated_kind_and_evidence():
    popup = build_map_data([row(date_text="今年", basis="relative", amount_yuan=3e8)])["dated"]["features"][0][
        "properties"]["popup"]
    for part in ("遂宁市 → 理县", "今年 (2017)", "team arrives", "2017年,遂宁市派出干部赴理县。", "¥300,000,000"):
        assert part in popup


def _many(n_2017: int, n_2018: int) -> list[dict[str, object]]:
    rows = [row(event_id=f"a{i}", amount_yuan=1000) for i in range(n_2017)]
    return rows + [row(event_id=f"b{i}", year=2018, date_text="2018年") for i in range(n_2018)]


def test_aggregation_merges_arcs_per_pair_and_year_above_the_threshold():
    data = build_map_data(_many(5, 2), aggregate_above=6)
    assert data["aggregated"] is True
    arcs = data["dated"]["features"]
    assert [(a["properties"]["times"][0], a["properties"]["count"]) for a in arcs] == [("2017", 5), ("2018", 2)]
    assert "5 events" in arcs[0]["properties"]["popup"]
    assert "total ¥5,000 (amount stated in 5 of 5)" in arcs[0]["properties"]["popup"]
    assert len(arcs[0]["properties"]["event_ids"]) == 5
    assert data["counts"]["dated"] == 7  # counts stay per row


def test_no_aggregation_at_or_below_the_threshold():
    data = build_map_data(_many(5, 2), aggregate_above=7)
    assert data["aggregated"] is False
    assert len(data["dated"]["features"]) == 7


def test_aggregated_arcs_play_by_year_and_undated_ones_merge_per_pair():
    rows = [row(event_id="m3", month=3, precision="month"), row(event_id="m4", month=4, precision="month"),
            row(event_id="u1", year=None, date_text=""), row(event_id="u2", year=None, date_text="")]
    data = build_map_data(rows, aggregate_above=1)
    [dated] = data["dated"]["features"]
    assert set(dated["properties"]["times"]) == {"2017"} and dated["properties"]["count"] == 2
    assert data["period"] == "P1Y"
    [undated] = data["undated"]["features"]
    assert undated["properties"]["count"] == 2 and "times" not in undated["properties"]


def test_places_are_sized_by_activity():
    rows = [row(event_id=f"s{i}") for i in range(4)] + [
        row(event_id="z", donor="自贡市", donor_lon=ZIGONG[0], donor_lat=ZIGONG[1], recipient="平昌县",
            recipient_lon=PINGCHANG[0], recipient_lat=PINGCHANG[1])]
    places = {f["properties"]["name"]: f["properties"] for f in build_map_data(rows)["places"]["features"]}
    assert places["理县"]["count"] == 4 and places["理县"]["as_recipient"] == 4
    assert places["平昌县"]["count"] == 1
    assert places["理县"]["radius"] > places["平昌县"]["radius"] > 0


def test_bounds_hold_every_drawn_point_and_none_without_any():
    data = build_map_data([row()])
    (south, west), (north, east) = data["bounds"]
    for lon, lat in (SUINING, LIXIAN):  # coordinates are kept to 5 decimals (about a metre)
        assert south <= round(lat, 5) <= north and west <= round(lon, 5) <= east
    assert build_map_data([])["bounds"] is None
    assert build_map_data([row(donor_lon=None, donor_lat=None)])["bounds"] is None


def test_no_rows_give_empty_layers_and_zero_counts():
    data = build_map_data([])
    assert data["counts"] == {"events": 0, "dated": 0, "undated": 0, "not_on_map": 0, "pairs": 0}
    assert all(data[k]["features"] == [] for k in ("dated", "arrows", "undated", "places"))


def test_donor_and_recipient_at_the_same_point_make_a_small_loop():
    [arc] = build_map_data([row(recipient="遂宁市船山区", recipient_lon=SUINING[0], recipient_lat=SUINING[1])])[
        "dated"]["features"]
    coords = arc["geometry"]["coordinates"]
    assert coords[0] == coords[-1]
    assert max(math.dist(c, coords[0]) for c in coords) > 0.05


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


def test_geojson_export_holds_every_arc_without_html():
    data = build_map_data([row(), row(event_id="u", year=None, date_text="")])
    out = to_geojson(data)
    assert out["type"] == "FeatureCollection"
    assert [f["properties"]["dated"] for f in out["features"]] == [True, False]
    for f in out["features"]:
        assert not {"popup", "tooltip", "style", "times"} & set(f["properties"])
        assert f["geometry"]["type"] == "LineString"
    assert out["features"][0]["properties"]["year"] == 2017
    json.dumps(out, allow_nan=False)


def test_required_columns_are_timeline_columns_and_every_kind_has_a_colour_and_label():
    assert set(REQUIRED_COLUMNS) <= set(EVENT_COLUMNS)
    assert {k.value for k in EventKind} == set(KIND_COLOURS) == set(KIND_LABELS)


@pytest.fixture(scope="module")
def seed_rows() -> list[dict[str, object]]:
    return events_to_rows(extract_paths([str(SEEDS)]).events)
