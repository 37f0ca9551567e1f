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


def test_the_card_the_page_builds_from_its_data_is_the_card_python_builds_and_escapes_news_text(tmp_path):
    from geo.map.cards import card_html
    from test_map_data import HOSTILE, row

    rows = events_to_rows(extract_paths([SEEDS]).events) + [
        row(event_id="h1", evidence=f"x{HOSTILE}'\"&", date_text=HOSTILE, kind=HOSTILE, doc="h.txt"),
        row(event_id="h2", year=None, date_text="", corrected="year", doc="h.txt")]
    data = build_map_data(rows, sources={"h.txt": {"title": HOSTILE, "url": f'https://example.org/"{HOSTILE}'}})
    path = tmp_path / "cards.html"
    path.write_text(render_map(data, standalone=True, height=None), encoding="utf-8")
    expected = [card_html(f["properties"]["card"], data)
                for f in data["relations"]["features"]]
    with offline_page() as page:
        _open(page, path)
        same = page.evaluate("""(expected) => expected.map((html, i) => {
            const div = document.createElement('div');
            div.innerHTML = html;  // the DOM's own serialisation of each, compared
            const built = document.createElement('div');
            built.innerHTML = window.atlas.player.cardHtml(i);
            return div.innerHTML === built.innerHTML && built.querySelectorAll('script').length === 0; })""",
                             expected)
        assert len(same) == len(expected) > 10 and all(same)
        popups = [f["properties"]["popup"] for f in data["places"]["features"]]
        assert page.evaluate("(n) => [...Array(n).keys()].map(i => window.atlas.player.placePopup(i))",
                             len(popups)) == popups
        hostile = next(i for i, c in enumerate(expected) if "&lt;script&gt;" in c)
        page.evaluate(f"() => window.atlas.player.openCard({hostile})")
        card = page.locator(".atlas-card-popup .atlas-card")
        card.wait_for(timeout=10_000)
        assert HOSTILE in card.inner_text()  # shown as text, not run
        assert page.evaluate("() => document.querySelectorAll('.atlas-card script').length") == 0
        assert page.js_errors == []


def _big_map(tmp_path, relations: int = 3000):
    """A map of ``relations`` relations between points spread over China, one event each in 1996–2023,
    but relation 100's in 1990 (alone in its year: on top when the player shows it)."""
    import random

    from test_map_data import row

    rng = random.Random(7)
    rows = []
    for i in range(relations):
        start = (rng.uniform(90, 122), rng.uniform(22, 45))
        end = (rng.uniform(90, 122), rng.uniform(22, 45))
        rows.append(row(event_id=f"b{i}", year=1990 if i == 100 else rng.randint(1996, 2023), donor=f"甲{i}",
                        donor_lon=start[0], donor_lat=start[1], recipient=f"乙{i}", recipient_lon=end[0],
                        recipient_lat=end[1], evidence=f"第{i}条证据。"))
    data = build_map_data(rows)
    path = tmp_path / "big.html"
    path.write_text(render_map(data, standalone=True, height=None), encoding="utf-8")
    return path, data


def test_at_a_big_map_a_click_on_a_relation_opens_its_card_and_the_step_draws_its_arcs(tmp_path):
    path, data = _big_map(tmp_path)
    index = next(i for i, f in enumerate(data["relations"]["features"]) if f["properties"]["years"] == [[1990, 1]])
    with offline_page() as page:
        _open(page, path)
        page.evaluate(f"""() => {{ const p = window.atlas.player, m = window.atlas.map;
            p.showYear(1990);
            m.fitBounds(p.relations[{index}].bounds, {{padding: [200, 200], animate: false}}); }}""")
        page.wait_for_function("() => !window.atlas.player.drawing()")
        x, y = _relation_point(page, index)
        drawn = page.evaluate(f"""([x, y]) => {{  // the arc is on the step's canvas, under the point
            const canvas = [...document.querySelectorAll('.leaflet-atlas-arcs-pane canvas')].pop();
            const box = canvas.getBoundingClientRect(), ctx = canvas.getContext('2d');
            return ctx.getImageData(Math.round(x - box.left) - 2, Math.round(y - box.top) - 2, 5, 5).data
                .some((v, i) => i % 4 === 3 && v > 0); }}""", [x, y])
        assert drawn
        page.mouse.click(x, y)
        card = page.locator(".atlas-card-popup .atlas-card")
        card.wait_for(timeout=10_000)
        title = data["relations"]["features"][index]["properties"]["card"]["title"]
        assert card.locator(".atlas-card-title").inner_text() == title
        assert page.evaluate(STATE)["shown"] == "1"  # 1990: only that relation has a year so far
        page.evaluate("() => window.atlas.player.showYear(2023)")
        page.wait_for_function("() => !window.atlas.player.drawing()", timeout=60_000)
        assert int(page.evaluate(STATE)["shown"]) == len(data["relations"]["features"]) == 3000
        assert page.js_errors == []


def test_the_map_opens_still_and_is_drawing_until_its_arcs_are_drawn_for_the_view_a_zoom_goes_to(exported):
    path, _ = exported
    with offline_page() as page:
        _open(page, path)
        # The page is at its first view when its script ends: no zoom animated to it, none to come.
        assert page.evaluate("""() => new Promise(done => {
            const m = window.atlas.map;
            if (document.querySelector('.leaflet-zoom-anim')) { done('animating'); return; }
            m.once('movestart', () => done('moved'));
            setTimeout(() => done('still'), 600); })""") == "still"
        page.wait_for_function("() => !window.atlas.player.drawing()")
        during = page.evaluate("""() => new Promise(done => {  // a zoom animated: the old arcs, scaled
            const m = window.atlas.map;
            m.once('zoomanim', () => setTimeout(() => done(window.atlas.player.drawing()), 0));
            m.setZoom(m.getZoom() + 1); })""")
        assert during is True
        page.wait_for_function("() => !window.atlas.player.drawing()")
        arcs = page.evaluate("""() => [...document.querySelectorAll('.leaflet-atlas-arcs-pane canvas')]
            .map(c => c.style.transform)""")
        assert arcs and all("scale" not in t or "scale(1)" in t for t in arcs)  # drawn for the new view
        assert page.js_errors == []


def test_the_page_draws_each_arc_along_the_exported_curve(exported):
    path, data = exported
    with offline_page() as page:
        _open(page, path)
        worst = page.evaluate("""(arcs) => {
            const m = window.atlas.map, p = window.atlas.player;
            m.setZoom(7, {animate: false});
            let worst = 0;
            arcs.forEach((coords, i) => coords.forEach((c, j) => {
                const a = m.latLngToContainerPoint([c[1], c[0]]), b = m.latLngToContainerPoint(p.relations[i].latlngs[j]);
                worst = Math.max(worst, a.distanceTo(b)); }));
            return worst; }""", [f["geometry"]["coordinates"] for f in data["relations"]["features"]])
        assert worst < 6  # pixels at zoom 7: the curve in screen space is within a few of the export's
