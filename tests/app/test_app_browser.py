"""The app in a real browser: loads offline, the map draws and plays, a timeline click filters.

The server is this repository's app started by the test on a free local port;
the browser may reach nothing else (see tests/browser.py). The first test also
takes the README's screenshot: it replaces docs/screenshot.png when run with
ATLAS_UPDATE_SCREENSHOT=1 (so that an ordinary run leaves the tree clean).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from browser import offline_page, require_browser
from gold import ROOT

pytestmark = pytest.mark.timeout(240)

SCREENSHOT = ROOT / "docs" / "screenshot.png"
# The map is an iframe with its page in srcdoc (same origin): read its window.atlas.
MAP = "document.querySelector('iframe[data-testid=\"stIFrame\"]')"
LEGEND = MAP + ".contentWindow.document.querySelector('#atlas-legend')"
SERVER_LOG = {}  # the app_url server's output: {"path": Path}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, deadline_s: float = 90) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.25)  # the server is starting; this is not a page wait
    raise TimeoutError(f"{url} did not answer within {deadline_s} s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    require_browser()
    port = _free_port()
    log = SERVER_LOG["path"] = tmp_path_factory.mktemp("app") / "streamlit.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            # as ./atlas app starts it: streamlit run streamlit_app.py, the app's modules loaded first
            [sys.executable, str(ROOT / "streamlit_app.py"), "serve", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        _wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", proc)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _map_ready(page) -> None:
    page.wait_for_function(f"() => {MAP} && {MAP}.contentWindow && {MAP}.contentWindow.atlas", timeout=90_000)


def _settled(page) -> None:
    """Wait until the map's page stops being replaced (the app reruns once the chart reports its selection)."""
    for _ in range(20):
        page.evaluate(f"() => {{ {MAP}.contentWindow.__atlasMark = true; }}")
        page.wait_for_timeout(1000)  # a quiet second: no rerun replaced the page
        if page.evaluate(f"() => {MAP} && {MAP}.contentWindow && {MAP}.contentWindow.__atlasMark === true"):
            _map_ready(page)
            return
        _map_ready(page)
    raise AssertionError("the app kept replacing the map")


def _legend_total(page) -> int:
    return page.evaluate(f"() => Number({LEGEND}.dataset.events)")


def _state(page) -> dict:
    return page.evaluate(f"() => Object.assign({{}}, {MAP}.contentWindow.atlas.map.getContainer().dataset)")


def test_app_loads_offline_in_chinese_draws_china_and_the_map_plays_by_year(app_url, tmp_path):
    with offline_page(locale="zh-CN") as page:  # a Chinese browser: the app starts in 中文
        page.goto(app_url)
        _map_ready(page)
        page.wait_for_selector(".vega-embed svg .mark-symbol path", timeout=60_000)
        provinces = page.evaluate(f"() => {MAP}.contentWindow.atlas.basemap.provinces.getLayers().length")
        assert provinces == 34  # China drawn with no tiles and no network
        assert int(_state(page)["undatedShown"]) > 0  # stopped: the relations with no year are dashed
        frame = page.frame_locator('iframe[data-testid="stIFrame"]')
        assert "年份未载明" in frame.locator(".atlas-undated-name").inner_text()
        frame.locator("#atlas-legend summary").click()  # folded on a map this small: unfold it
        assert "工作队抵达" in frame.locator("#atlas-legend").inner_text()  # kinds in Chinese
        assert page.get_by_text("年份未载明", exact=True).first.is_visible()  # the app's own count
        frame.locator("button.atlas-play").click()
        page.wait_for_function(f"() => {MAP}.contentWindow.atlas.player.year() !== null")
        first = page.evaluate(f"() => {MAP}.contentWindow.atlas.player.year()")
        assert _state(page)["undatedShown"] == "0"  # hidden while playing
        assert frame.locator(".atlas-year").inner_text() == str(first)
        page.wait_for_function(f"(y) => {MAP}.contentWindow.atlas.player.year() === y + 1", arg=first,
                               timeout=10_000)
        assert frame.locator(".atlas-year").inner_text() == str(first + 1)  # one step, one year
        page.evaluate(f"() => {MAP}.contentWindow.atlas.player.showYear(null)")
        frame.locator("#atlas-legend summary").click()  # folded again, as it opens
        shot = SCREENSHOT if os.environ.get("ATLAS_UPDATE_SCREENSHOT") == "1" else tmp_path / "screenshot.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert page.js_errors == []


def test_a_click_on_a_timeline_event_filters_the_map_and_opens_its_evidence(app_url):
    with offline_page() as page:
        page.goto(app_url)
        _map_ready(page)
        before = _legend_total(page)
        assert before > 1
        dot = page.locator(".vega-embed svg .mark-symbol path").first
        dot.wait_for(timeout=60_000)
        dot.click()
        page.wait_for_function(
            f"(n) => {MAP} && {MAP}.contentWindow.document.querySelector('#atlas-legend') && "
            f"Number({LEGEND}.dataset.events) < n",
            arg=before, timeout=60_000,
        )
        assert _legend_total(page) == 1
        page.locator("mark").first.wait_for(timeout=30_000)  # the evidence sentence, highlighted


def _frame_boxes(page) -> dict:
    return page.evaluate(f"""() => {{
        const d = {MAP}.contentWindow.document, r = s => d.querySelector(s).getBoundingClientRect().toJSON();
        return {{player: r('.atlas-player'), legend: r('.atlas-legend-box'), map: r('.folium-map'),
                 open: d.querySelector('#atlas-legend').open}}; }}""")


def test_on_a_phone_the_player_is_uncovered_and_the_page_does_not_scroll_sideways(app_url):
    with offline_page(viewport=(390, 844), locale="zh-CN") as page:
        page.goto(app_url)
        _map_ready(page)
        page.wait_for_function(f"() => {MAP}.contentWindow.document.querySelector('.atlas-player')")
        boxes = _frame_boxes(page)
        player, legend, map_box = boxes["player"], boxes["legend"], boxes["map"]
        assert boxes["open"] is False  # the legend starts folded on a small screen
        assert legend["bottom"] <= player["top"] or legend["top"] >= player["bottom"]
        assert player["left"] >= map_box["left"] and player["right"] <= map_box["right"]
        page.frame_locator('iframe[data-testid="stIFrame"]').locator("button.atlas-play").click()  # reachable
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        # The timeline, legend and "year not stated" band included, fits the screen: nothing cut off.
        page.wait_for_selector('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg')
        chart = page.evaluate("""() => { const box = document.querySelector('[data-testid="stVegaLiteChart"]');
            const drawn = box.querySelector('canvas, svg').getBoundingClientRect();
            return {left: drawn.left, right: drawn.right, box: box.getBoundingClientRect().right}; }""")
        assert chart["left"] >= 0 and chart["right"] <= min(chart["box"], 390), chart
        # The four counts stay two by two, so the map starts on the first screen.
        tops = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMetric"]')]
            .map(m => Math.round(m.getBoundingClientRect().top))""")
        assert len(tops) == 4 and len(set(tops)) == 2, tops
        assert page.evaluate(f"() => {MAP}.getBoundingClientRect().top") < 844 - 200  # the map: on the first screen
        assert page.js_errors == []


def test_a_click_on_a_relation_shows_its_evidence_and_the_view_survives_a_rerun(app_url):
    with offline_page(locale="zh-CN") as page:
        page.goto(app_url)
        _map_ready(page)
        _settled(page)
        window = f"{MAP}.contentWindow"
        page.evaluate(f"() => {{ const a = {window}.atlas; "
                      "a.map.fitBounds(a.player.relations[0].bounds, {padding: [150, 150], animate: false}); }")
        x, y = page.evaluate(f"""() => {{
            const a = {window}.atlas, r = a.player.relations[0];
            const p = a.map.latLngToContainerPoint(r.latlngs[Math.floor(r.latlngs.length / 2)]);
            const f = {MAP}.getBoundingClientRect(), m = a.map.getContainer().getBoundingClientRect();
            return [f.left + m.left + p.x, f.top + m.top + p.y]; }}""")
        page.mouse.click(x, y)
        card = page.frame_locator('iframe[data-testid="stIFrame"]').locator(".atlas-card-popup .atlas-card")
        card.wait_for(timeout=10_000)
        evidence = page.evaluate(f"() => {window}.atlas.player.cardHtml(0)")
        assert "atlas-evidence" in evidence and card.locator(".atlas-evidence").count() > 0
        zoom = page.evaluate(f"() => {window}.atlas.map.getZoom()")
        page.get_by_label("搜索（简体、繁体、拼音或省名）").fill("四川")  # a filter change reruns the app
        page.keyboard.press("Enter")
        page.wait_for_function(f"(z) => {MAP} && {window}.atlas && {window}.atlas.map.getZoom() === z "
                               f"&& {window}.document.querySelector('#atlas-legend')", arg=zoom, timeout=60_000)
        assert page.js_errors == []


def test_the_first_page_draws_the_map_with_its_files_from_the_app_and_keeps_it_when_the_rest_comes(app_url):
    with offline_page() as page:
        page.goto(app_url)
        _map_ready(page)
        window = f"{MAP}.contentWindow"
        page.evaluate(f"() => {{ {window}.__first = true; }}")
        loaded = page.evaluate(f"() => {window}.performance.getEntriesByType('resource').map(e => e.name)")
        served = {u.rsplit("/", 1)[-1] for u in loaded if "/app/static/map-" in u}
        assert {"leaflet.js", "leaflet.css", "atlas_map.js", "basemap.js"} <= served  # from the app's own server
        srcdoc = page.evaluate(f"() => {MAP}.srcdoc")
        assert "function atlasMap" not in srcdoc and "leaflet" not in srcdoc.split("<body>")[1]  # only the view's data
        # the rest of the page comes after (the timeline, the table, the uploads, the downloads)...
        page.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=60_000)
        page.get_by_text("Events (CSV").first.wait_for(timeout=60_000)
        assert page.locator('[data-testid="stFileUploader"]').count() >= 1
        # ...and leaves the map's page as it was: the same page, not loaded again
        assert page.evaluate(f"() => {window}.__first === true && !!{window}.atlas.player")
        assert page.js_errors == []


def test_the_server_made_the_first_page_ready_before_listening(app_url):
    log = SERVER_LOG["path"].read_text(encoding="utf-8", errors="replace")
    assert "was not made ready" not in log, log[-2000:]
