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

# The folium map object: folium names it map_<hex> on window.
FIND_MAP = "Object.keys(window).filter(k => /^map_[0-9a-f]+$/.test(k)).map(k => window[k])[0]"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    rows = events_to_rows(extract_paths([SEEDS]).events)
    data = build_map_data(rows)
    path = tmp_path_factory.mktemp("map") / "map.html"
    path.write_text(render_map(data, standalone=True), encoding="utf-8")
    return path, data


def _count_layers(page, predicate: str) -> int:
    return page.evaluate(
        f"""() => {{
            const map = {FIND_MAP};
            let n = 0;
            map.eachLayer(layer => {{ if ({predicate}) n += 1; }});
            return n;
        }}"""
    )


def test_exported_map_opens_offline_and_draws_arcs(exported):
    path, data = exported
    assert data["counts"]["dated"] > 0 and data["counts"]["undated"] > 0
    with offline_page() as page:
        page.goto(path.as_uri())
        page.wait_for_function(f"() => {{ const m = {FIND_MAP}; return m && m.timeDimension; }}")
        assert page.js_errors == []
        # Undated arcs: always on, dashed, in their own layer.
        page.wait_for_function(
            f"""() => {{ let n = 0; {FIND_MAP}.eachLayer(l => {{
                if (l instanceof L.Polyline && l.options.dashArray) n += 1; }}); return n > 0; }}"""
        )
        assert _count_layers(page, "layer instanceof L.Polyline && layer.options.dashArray") > 0
        legend = page.locator("text=Year not stated").first
        legend.wait_for(state="attached")


def test_play_advances_the_year_and_adds_dated_arcs(exported):
    path, _ = exported
    with offline_page() as page:
        page.goto(path.as_uri())
        page.wait_for_function(f"() => {{ const m = {FIND_MAP}; return m && m.timeDimension; }}")
        start = page.evaluate(f"() => {FIND_MAP}.timeDimension.getCurrentTime()")
        page.locator("a.timecontrol-play").first.click()
        changed = f"(t) => {FIND_MAP}.timeDimension.getCurrentTime() !== t"
        page.wait_for_function(changed, arg=start, timeout=30_000)
        first = page.evaluate(f"() => {FIND_MAP}.timeDimension.getCurrentTime()")
        page.wait_for_function(changed, arg=first, timeout=30_000)
        later = page.evaluate(f"() => {FIND_MAP}.timeDimension.getCurrentTime()")
        assert later > first  # playing moves forward through the years
        # Solid (dated) arcs appear as time passes.
        page.wait_for_function(
            f"""() => {{ let n = 0; {FIND_MAP}.eachLayer(l => {{
                if (l instanceof L.Polyline && !l.options.dashArray) n += 1; }}); return n > 0; }}""",
            timeout=30_000,
        )
        assert page.js_errors == []


def test_the_basemap_draws_china_offline_with_province_polygons_and_names(exported):
    path, _ = exported
    with offline_page() as page:
        page.goto(path.as_uri())
        page.wait_for_function("() => window.atlas && window.atlas.basemap")
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
