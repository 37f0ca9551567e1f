"""The rendered map (geo.map.render) and its assets (geo.map.assets): what folium is given, and standalone HTML.

Whether it draws and plays in a browser is the browser tests' job; these check the map's
structure and that a standalone file loads nothing but tiles. node_modules must be installed
(`./atlas test` does it): without it these tests fail, they never skip.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import folium
import pytest

from geo.map import assets
from geo.errors import GeoError, MapAssetError, MapAssetsMissingError
from geo.map.data import build_map_data
from geo.map.render import _legend, build_folium_map, render_map
from test_map_data import HOSTILE, LIXIAN, SUINING, ZIGONG, row

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data() -> dict:
    region = row(event_id="r", recipient="省内藏区10个县", recipient_lon=None, recipient_lat=None)
    return build_map_data([row(), row(event_id="m", year=1998, month=6, precision="month"),
                           row(event_id="u", year=None, date_text=""), region])


@pytest.fixture(scope="module")
def standalone(data) -> str:
    return render_map(data, standalone=True)


def _children(element) -> list:
    found, stack = [], [element]
    while stack:
        e = stack.pop()
        found.append(e)
        stack.extend(e._children.values())
    return found


def _player_data(html: str) -> dict:
    """The data handed to the page's player (the second argument of atlasMap)."""
    start = html.index("window.atlas.player = atlasMap(") + len("window.atlas.player = atlasMap(")
    start = html.index(", ", start) + 2
    decoder = json.JSONDecoder()
    return decoder.raw_decode(html[start:])[0]


def _details(html: str) -> list:
    """Each relation's [tooltip, card] as the page's JSON block holds them (read by the page on first use)."""
    block = re.search(r'<script type="application/json" id="atlas-details">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_the_page_hands_the_player_every_relation_with_its_years_ends_and_card_data(data):
    html = render_map(data)
    played = _player_data(html)
    assert [r["id"] for r in played["relations"]] == [f["properties"]["id"] for f in data["relations"]["features"]]
    [relation] = played["relations"]
    assert relation["steps"] == [[1998, 1], [2017, 1]] and relation["undated"] == 1
    properties = data["relations"]["features"][0]["properties"]
    assert "card" not in relation and "tooltip" not in relation  # apart, read when first hovered or clicked
    assert _details(html) == [[properties["tooltip"], properties["card"]]]  # data, the card built on click
    assert relation["ends"] == pytest.approx([*SUINING, *LIXIAN], abs=1e-5)  # the page draws the curve between
    assert played["evidence"] == data["evidence"] and played["sources"] == data["sources"]
    assert played["facts"] == data["facts"] == ["工作队抵达 · 援藏"]
    assert sorted(p[2:] for p in played["places"]) == [["理县", 0, 3, 7.5], ["遂宁市", 3, 0, 7.5]]  # name, rows as donor, as recipient, radius
    assert "donor_adcode" not in relation and "event_ids" not in relation  # only what the browser uses
    assert played["period"] == "P1Y"  # a year-only event: the player steps by year
    assert played["step_counts"][0] == [1998, 1] and played["step_counts"][-1] == [2017, 1]
    assert played["undated_drawn"] == 1


def test_the_page_carries_no_card_html_and_each_evidence_text_once():
    shared = "同一句证据，两个受援方。"
    rows = [row(evidence=shared), row(evidence=shared, recipient="自贡市", recipient_lon=ZIGONG[0],
                                      recipient_lat=ZIGONG[1])]
    html = render_map(build_map_data(rows))
    played = _player_data(html)
    assert len(played["relations"]) == 2 and html.count(shared) == 1
    assert "atlas-evidence" not in json.dumps(played) and "<li" not in json.dumps(played)


def test_map_without_dated_events_still_renders_its_undated_relations():
    played = _player_data(render_map(build_map_data([row(year=None, date_text="")])))
    assert played["step_counts"] == [] and len(played["relations"]) == 1


@pytest.mark.parametrize("standalone_mode", [False, True])
def test_no_events_render_an_empty_map_with_a_message(standalone_mode):
    html = render_map(build_map_data([]), standalone=standalone_mode)
    assert html.startswith("<!DOCTYPE html>")
    assert "没有可显示的事件。" in html
    assert "No events to map." in render_map(build_map_data([]), lang="en")


def test_legend_says_events_and_rows_apart_and_escapes_names(data):
    hostile = build_map_data([row(recipient=HOSTILE, recipient_lon=None, recipient_lat=None)])
    legend = _legend(hostile, "zh", True)
    assert HOSTILE not in legend and "&lt;script&gt;" in legend
    legend = _legend(data, "zh", True)
    assert 'data-events="4" data-rows="4" data-dated="3" data-undated="1" data-not-on-map="1"' in legend
    assert "4 件事件</b>（4 行）" in legend and "省内藏区10个县" in legend and "<details open" in legend
    english = _legend(data, "en", False)
    assert "4 events</b> (4 rows)" in english and "team arrives" in english and "atlas-tiles" not in english


def test_news_text_cannot_close_the_script_it_is_embedded_in():
    closing = "</script><script>alert(1)</script>"
    html = render_map(build_map_data([row(evidence=closing), row(event_id="u", year=None, evidence=closing)]))
    assert closing not in html
    assert html.count("<script") == html.count("</script>")


def test_standalone_html_loads_nothing_but_tiles(standalone):
    assert assets.external_references(standalone) == []
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in standalone  # tiles stay online, as an option
    assert "atlasMap(" in standalone and "atlasBasemap" in standalone


def test_the_external_reference_check_can_fail(data):
    online = assets.external_references(render_map(data))
    assert online and all(u.startswith("https://") for u in online)
    assert assets.external_references('<style>a{background:url(//x.example/a.png)}</style>') == ["//x.example/a.png"]


def test_standalone_html_inlines_leaflet_and_its_images(standalone):
    assert "/* leaflet/dist/leaflet.js */" in standalone
    assert "url('data:image/png;base64," in standalone  # leaflet.css's icons
    # Only Leaflet is inlined: folium's jQuery, Bootstrap and the rest are dropped (no script of the map uses them)
    assert set(re.findall(r"<(?:script|style)>/\* ([\w./@-]+) \*/", standalone)) == {
        "leaflet/dist/leaflet.js", "leaflet/dist/leaflet.css"}
    assert "jQuery" not in standalone and "Glyphicons" not in standalone


def test_map_asks_only_for_mapped_assets_and_drops_the_unused(data):
    online = assets.external_references(render_map(data))
    assert all(assets.asset_for(u) for u in online)
    assert not set(online) & set(assets.DROPPED)
    # the map's lists are per instance: folium's own stay untouched for other maps
    assert any("bootstrap@5" in url for _, url in folium.Map.default_js)


def test_every_asset_is_installed_at_the_pinned_version():
    assert assets.check_installed() == assets.node_modules_dir()
    for asset in assets.ASSETS:
        assert assets.local_file(asset.url).is_file()


def test_package_json_and_lock_pin_exactly_the_asset_packages():
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert package["dependencies"] == assets.PACKAGES
    assert {name: lock["packages"][f"node_modules/{name}"]["version"] for name in assets.PACKAGES} == assets.PACKAGES
    assert {a.package for a in assets.ASSETS} == set(assets.PACKAGES)


def test_protocol_relative_http_and_query_forms_find_the_same_asset():
    icon = "//cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/images/layers.png?v=2#x"
    assert assets.asset_for(icon).path == "dist/images/layers.png"
    # the same address in a page served over http (a Streamlit iframe) is fetched with http:
    assert assets.asset_for("http:" + icon) == assets.asset_for(icon)
    assert assets.asset_for("https://example.com/leaflet.js") is None


def test_standalone_without_node_modules_says_to_install_them(data, monkeypatch, tmp_path):
    monkeypatch.setenv("PAIRING_ATLAS_NODE_MODULES", str(tmp_path / "node_modules"))
    with pytest.raises(MapAssetsMissingError, match="npm ci") as info:
        render_map(data, standalone=True)
    assert isinstance(info.value, GeoError) and isinstance(info.value, FileNotFoundError)
    assert render_map(data).startswith("<!DOCTYPE html>")  # the CDN version does not need them


def test_a_stale_package_version_is_reported(monkeypatch, tmp_path):
    for name, version in assets.PACKAGES.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "package.json").write_text(json.dumps({"version": version}), encoding="utf-8")
    (tmp_path / "leaflet" / "package.json").write_text('{"version": "1.9.4"}', encoding="utf-8")
    with pytest.raises(MapAssetsMissingError, match="leaflet 1.9.4 is installed, 1.9.3 is pinned"):
        assets.check_installed(tmp_path)


def test_an_unknown_external_address_is_refused_not_left_in():
    with pytest.raises(MapAssetError, match="geo/map/assets.py"):
        assets.inline_assets('<script src="https://cdn.example/x.js"></script>')


def test_height_sets_the_map_size():
    assert build_folium_map(build_map_data([]), height=480).height == (480.0, "px")
    assert build_folium_map(build_map_data([]), height=None).height == (100.0, "%")


def test_news_text_that_looks_like_a_payload_placeholder_stays_text():
    sneaky = "/*atlas-payload:basemap*/null"
    html = render_map(build_map_data([row(evidence=sneaky, donor=sneaky)]))
    assert html.count('"name_en":"Sichuan"') == 1  # the base map went in once, where it belongs
    assert sneaky in html  # and the news text stayed as it was


def test_a_page_with_an_assets_url_loads_leaflet_the_player_and_the_base_map_from_it_and_carries_only_its_data(data):
    served = render_map(data, assets_url="app/static/map-x/")
    loaded = assets.external_references(served)
    assert sorted(u.rsplit("/", 1)[-1] for u in loaded) == ["atlas_map.js", "basemap.js", "leaflet.css", "leaflet.js"]
    assert all(u.startswith("app/static/map-x/") for u in loaded)
    assert "function atlasMap" not in served and "新疆" not in served  # the player and the base map are not in it
    assert "window.atlasBasemapData" in served and _player_data(served)["relations"]  # the view's data is
    assert len(served) < len(render_map(data, standalone=True)) / 20


def test_an_assets_url_is_a_folder_and_not_for_a_standalone_page(data):
    with pytest.raises(ValueError):
        render_map(data, standalone=True, assets_url="app/static/map-x/")
    with pytest.raises(ValueError):
        render_map(data, assets_url="app/static/map-x")


def test_publish_writes_the_files_once_in_a_folder_named_by_their_content_and_drops_other_versions(tmp_path):
    from geo.map.basemap import load_basemap
    from geo.map.served import publish, served_files

    (tmp_path / "map-0ld").mkdir()
    name = publish(tmp_path)
    assert name.startswith("map-") and publish(tmp_path) == name
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no older version, no half-written folder
    for path, content in served_files().items():
        assert (tmp_path / name / path).read_bytes() == content
    assert (tmp_path / name / "leaflet.js").read_bytes() == (REPO / "node_modules/leaflet/dist/leaflet.js").read_bytes()
    assert (tmp_path / name / "images" / "layers.png").is_file()  # where leaflet.css looks for its images
    script = (tmp_path / name / "basemap.js").read_text(encoding="utf-8")
    prefix = "window.atlasBasemapData = "
    assert script.startswith(prefix) and json.loads(script[len(prefix):].rstrip().rstrip(";")) == load_basemap()


def test_publish_into_a_folder_it_cannot_write_says_so(tmp_path):
    from geo.map.served import publish

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(MapAssetError, match="cannot write"):
        publish(blocked / "static")
