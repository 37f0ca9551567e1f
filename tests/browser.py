"""A real browser for the tests: Debian's chromium driven by Playwright, offline.

Every request that is not local is blocked, except the map's CDN addresses,
which are served from the npm packages (geo/map/assets.py) — the same files a
standalone map inlines. Where chromium is not installed the browser tests skip,
except under CI (``CI=true``), where .ci/run installs it and a skip would hide
a failure: there they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a root, headless, network-less machine: without the background-
# networking ones chromium keeps trying Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def require_browser() -> None:
    """Skip without chromium or Playwright, but fail under CI, where they must be there."""
    missing = []
    if not os.path.exists(CHROMIUM):
        missing.append("chromium (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install playwright)")
    if missing:
        message = "browser tests need " + " and ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; .ci/run installs them")
        pytest.skip(message)


def _route(route) -> None:
    from geo.map.assets import local_file

    url = route.request.url
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about") or parts.hostname in LOCAL_HOSTS:
        route.continue_()
        return
    path = local_file(url)
    if path is None:
        route.abort()  # tiles and anything else from outside: the tests run offline
        return
    content_type = {".js": "application/javascript", ".css": "text/css"}.get(path.suffix, "application/octet-stream")
    route.fulfill(status=200, body=path.read_bytes(), headers={"content-type": content_type})


@contextmanager
def offline_page(viewport=(1400, 1000), locale: str | None = None) -> Iterator[object]:
    """A Playwright page whose only network is this machine and the npm copies of the CDN files;
    ``locale`` is the browser's language (``"zh-CN"``…; the app starts in it)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                          **({"locale": locale} if locale else {}))
            context.route("**/*", _route)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.js_errors = errors
            yield page
        finally:
            browser.close()
