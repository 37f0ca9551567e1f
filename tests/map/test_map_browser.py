"""The standalone HTML map in a real browser, opened from file:// with no network."""

from __future__ import annotations

import pytest

from browser import offline_page
from gold import SEEDS
from geo.map.data import build_map_data
from geo.map.render import render_map
from timeline.events.batch import extract_paths
from timeline.events.export import events_to_rows

pytestmark = pytest.mark.timeout(180)

STATE = "() => Object.assign({}, window.atlas.map.getContainer().dataset)"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    rows = events_to_rows(extract_paths([SEEDS]).events)
    data = build_map_data(rows)
    path = tmp_path_factory.mktemp("map") / "map.html"
    path.write_text(render_map(data, standalone=True, height=None), encoding="utf-8")
    return path, data


def _open(page, path) -> None:
    page.goto(path.as_uri())
    page.wait_for_function("() => window.atlas && window.atlas.player")


def test_exported_map_opens_offline_with_every_relation_and_the_undated_dashed(exported):
    path, data = exported
    with offline_page() as page:
        _open(page, path)
        state = page.evaluate(STATE)
        assert state["year"] == "all" and state["playing"] == "false"
        assert int(state["shown"]) == data["counts"]["relations"] > 0
        undated_only = sum(1 for f in data["relations"]["features"] if not f["properties"]["years"])
        assert int(state["undatedShown"]) == undated_only > 0  # dashed, in view when stopped
        assert page.inner_text(".atlas-undated-name").startswith("年份未载明")
        assert page.js_errors == []


def test_play_steps_by_year_with_a_large_year_label_and_hides_the_undated(exported):
    path, data = exported
    with offline_page() as page:
        _open(page, path)
        page.click("button.atlas-play")
        first = str(data["years"][0])
        page.wait_for_function(f"() => window.atlas.map.getContainer().dataset.year === '{first}'")
        assert page.inner_text(".atlas-year") == first
        state = page.evaluate(STATE)
        assert state["playing"] == "true" and state["undatedShown"] == "0"  # no year: not while playing
        page.wait_for_function(f"() => window.atlas.map.getContainer().dataset.year === '{int(first) + 1}'",
                               timeout=10_000)
        assert page.inner_text(".atlas-year") == str(int(first) + 1)  # one step is one year
        font = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.atlas-year')).fontSize)")
        assert font >= 32
        last = str(data["years"][-1])
        page.evaluate("() => window.atlas.player.showYear(" + last + ")")  # stopped: the undated come back
        state = page.evaluate(STATE)
        assert state["playing"] == "false" and int(state["undatedShown"]) > 0
        assert page.js_errors == []


def _relation_point(page, index: int = 0) -> tuple[float, float]:
    return tuple(page.evaluate(f"""() => {{
        const r = window.atlas.player.relations[{index}], m = window.atlas.map;
        const p = m.latLngToContainerPoint(r.latlngs[Math.floor(r.latlngs.length / 2)]);
        const box = m.getContainer().getBoundingClientRect();
        return [p.x + box.left, p.y + box.top]; }}"""))


def test_a_click_on_a_relation_opens_its_card_with_the_evidence(exported):
    path, data = exported
    relation = data["relations"]["features"][0]["properties"]
    with offline_page() as page:
        _open(page, path)
        page.evaluate("() => { window.atlas.map.fitBounds(window.atlas.player.relations[0].bounds, "
                      "{padding: [200, 200], animate: false}); }")
        page.mouse.click(*_relation_point(page))
        card = page.locator(".atlas-card-popup .atlas-card")
        card.wait_for(timeout=10_000)
        text = card.inner_text()
        assert f"{relation['donor']} → {relation['recipient']}" in text
        assert relation["events"][0]["evidence"][:20] in text
        assert page.js_errors == []


def test_on_a_phone_the_legend_is_folded_and_the_player_uncovered(exported):
    path, _ = exported
    with offline_page(viewport=(390, 844)) as page:
        _open(page, path)
        boxes = page.evaluate("""() => {
            const r = s => document.querySelector(s).getBoundingClientRect().toJSON();
            return {player: r('.atlas-player'), legend: r('.atlas-legend-box'), width: window.innerWidth,
                    open: document.querySelector('#atlas-legend').open}; }""")
        player, legend = boxes["player"], boxes["legend"]
        assert boxes["open"] is False
        assert player["right"] <= boxes["width"] and player["left"] >= 0
        assert legend["bottom"] <= player["top"] or legend["top"] >= player["bottom"]  # no overlap
        assert page.js_errors == []


def test_the_basemap_draws_china_offline_with_province_polygons_and_names(exported):
    path, _ = exported
    with offline_page() as page:
        _open(page, path)
        drawn = page.evaluate("""() => {
            const b = window.atlas.basemap, m = window.atlas.map;
            return {provinces: b.provinces.getLayers().length, outline: m.hasLayer(b.outline),
                    names: document.querySelectorAll('.atlas-label.province').length,
                    tiles: Object.values(m._layers).filter(l => l instanceof L.TileLayer).length};
        }""")
        assert drawn["provinces"] == 34 and drawn["outline"] is True
        assert drawn["names"] == 34 and drawn["tiles"] == 0  # tiles are off: nothing to load
        assert page.locator(".atlas-label.province", has_text="四川").count() == 1
        assert page.js_errors == []


def test_the_presentation_map_fills_the_window_says_what_it_shows_and_plays_offline(tmp_path):
    import datetime as dt

    from timeline.views.evidence import source_index
    from timeline.views.filters import Filters
    from timeline.views.presentation import presentation_page
    from timeline.views.uploads import library_of

    documents, rows = library_of(extract_paths([SEEDS]))
    filters = Filters(kinds={"team_arrival", "funding"})
    path = tmp_path / "presentation.html"
    path.write_text(presentation_page([r for r in rows if r["kind"] in filters.kinds], filters,
                                      source_index(documents), lang="zh", exported=dt.date(2026, 11, 30)),
                    encoding="utf-8")
    with offline_page(viewport=(1280, 800)) as page:
        _open(page, path)
        assert page.title() == "对口帮扶地图"
        about = page.locator(".atlas-about").inner_text()
        assert "对口帮扶地图" in about and "类型: 工作队抵达、资金支持" in about and "2026-11-30" in about
        assert "来源" in about
        size = page.evaluate("() => { const r = window.atlas.map.getContainer().getBoundingClientRect(); "
                             "return [r.width, r.height]; }")
        assert size[0] >= 1270 and size[1] >= 790  # the whole window
        page.click("button.atlas-play")
        page.wait_for_function("() => window.atlas.player.year() !== null")
        assert page.js_errors == []


def test_data_fine_to_the_month_plays_by_month(tmp_path):
    from test_map_data import row

    rows = [row(event_id="a", year=2016, month=9, precision="month", date_text="2016年9月"),
            row(event_id="b", year=2016, month=11, precision="month", date_text="2016年11月")]
    path = tmp_path / "months.html"
    path.write_text(render_map(build_map_data(rows), standalone=True, height=None), encoding="utf-8")
    with offline_page() as page:
        _open(page, path)
        page.click("button.atlas-play")
        page.wait_for_function("() => document.querySelector('.atlas-year').textContent === '2016-09'")
        page.wait_for_function("() => document.querySelector('.atlas-year').textContent === '2016-10'",
                               timeout=10_000)
        assert page.js_errors == []
