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
    log = tmp_path_factory.mktemp("app") / "streamlit.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.headless", "true",
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


def _legend_total(page) -> int:
    return page.evaluate(f"() => Number({LEGEND}.dataset.events)")


def _state(page) -> dict:
    return page.evaluate(f"() => Object.assign({{}}, {MAP}.contentWindow.atlas.map.getContainer().dataset)")


def test_app_loads_offline_draws_china_and_the_map_plays_by_year(app_url, tmp_path):
    with offline_page() as page:
        page.goto(app_url)
        _map_ready(page)
        page.wait_for_selector(".vega-embed svg .mark-symbol path", timeout=60_000)
        provinces = page.evaluate(f"() => {MAP}.contentWindow.atlas.basemap.provinces.getLayers().length")
        assert provinces == 34  # China drawn with no tiles and no network
        assert int(_state(page)["undatedShown"]) > 0  # stopped: the relations with no year are dashed
        frame = page.frame_locator('iframe[data-testid="stIFrame"]')
        frame.locator("button.atlas-play").click()
        page.wait_for_function(f"() => {MAP}.contentWindow.atlas.player.year() !== null")
        first = page.evaluate(f"() => {MAP}.contentWindow.atlas.player.year()")
        assert _state(page)["undatedShown"] == "0"  # hidden while playing
        assert frame.locator(".atlas-year").inner_text() == str(first)
        page.wait_for_function(f"(y) => {MAP}.contentWindow.atlas.player.year() === y + 1", arg=first,
                               timeout=10_000)
        assert frame.locator(".atlas-year").inner_text() == str(first + 1)  # one step, one year
        page.evaluate(f"() => {MAP}.contentWindow.atlas.player.showYear(null)")
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
