"""The first map in Chromium after the server is up: `./atlas app` as a user starts it, on a library.

One server per library (`python streamlit_app.py serve`, with `PAIRING_ATLAS_LIBRARY` set), started and waited
for (`/_stcore/health`); then sessions one after another, each in a fresh browser context (no cache): the seconds
from `goto` to the counts (the first metric's value), to the map drawn (its page's player made: `window.atlas.player`
in the map's frame) and to the whole page (the downloads at its end, "Events (CSV"). Every non-local request is
blocked, as in the browser tests. In the same run, for scale, a Streamlit page that writes one line. Usage:
`.venv/bin/python -m bench.bench_first_map [--write]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.common import REPO, environment, write_section

COMMAND = ".venv/bin/python -m bench.bench_first_map --write"
SESSIONS = 3
LARGE = REPO / "bench" / "out" / "corpus_bench" / "app_library_100000.duckdb"  # made by bench.bench_app_library
CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(args: list[str], env: dict) -> tuple[subprocess.Popen, str, float]:
    port = _free_port()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args, "--server.headless", "true", "--server.port", str(port),
                             "--browser.gatherUsageStats", "false"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            return proc, url, time.perf_counter() - start
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"the server on {url} did not come up")


MAP_DRAWN = ("() => { const f = document.querySelector('iframe'); "
             "return !!(f && f.contentWindow && f.contentWindow.atlas && f.contentWindow.atlas.player); }")


def _sessions(url: str, with_map: bool) -> list[tuple[float, float | None, float | None]]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        for _ in range(SESSIONS):
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url
                          else route.abort())
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url)
            if not with_map:
                page.get_by_text("Events (").first.wait_for(timeout=180_000)
                out.append((time.perf_counter() - start, None, None))
                context.close()
                continue
            page.get_by_test_id("stMetricValue").first.wait_for(timeout=180_000)
            counts = time.perf_counter() - start
            page.wait_for_function(MAP_DRAWN, polling=50, timeout=180_000)
            shown = time.perf_counter() - start
            page.get_by_text("Events (CSV").first.wait_for(timeout=180_000)
            out.append((counts, shown, time.perf_counter() - start))
            context.close()
        browser.close()
    return out


def measure() -> list[tuple[str, float, list]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "one_line.py"
        page.write_text('import streamlit as st\nst.write("Events (0)")\n', encoding="utf-8")
        proc, url, up = _serve(["-m", "streamlit", "run", str(page)], dict(os.environ))
        try:
            rows.append(("a Streamlit page of one line (for scale)", up, _sessions(url, with_map=False)))
        finally:
            proc.terminate(), proc.wait()
        libraries = [("the seeds' library (made on first use, before the timed sessions)", None)]
        if LARGE.exists():
            libraries.append(("a library of 100,000 events (bench_app_library's)", LARGE))
        for label, source in libraries:
            lib = Path(tmp) / f"library_{len(rows)}.duckdb"
            if source is not None:
                shutil.copy(source, lib)
            env = {**os.environ, "PAIRING_ATLAS_LIBRARY": str(lib)}
            if source is None:  # the seeds go in on first use: done by one untimed session
                proc, url, _up = _serve(["streamlit_app.py", "serve"], env)
                try:
                    _sessions(url, with_map=True)
                finally:
                    proc.terminate(), proc.wait()
            proc, url, up = _serve(["streamlit_app.py", "serve"], env)
            try:
                rows.append((label, up, _sessions(url, with_map=True)))
            finally:
                proc.terminate(), proc.wait()
    return rows


def section(rows) -> str:
    env = environment(["streamlit", "playwright"], ["streamlit_app.py", "timeline/views", "geo/map"])
    load = os.getloadavg()
    lines = [
        "## First map in the browser", "",
        f"Measured {env['date']} with `{COMMAND}`.",
        f"Machine: {env['machine']}. Python {env['python']}; {env['versions']}; {env['code']}; Chromium headless "
        f"(`{CHROMIUM}`, software rendering).", "",
        "Seconds from opening the page to the counts (the first metric's value), to the map drawn (its page's "
        "player made, `window.atlas.player`) and to the whole page (the downloads at its end), each session in a "
        "fresh browser context (nothing cached), sessions one after another; the server as `./atlas app` starts it "
        "(`python streamlit_app.py serve`: the app's modules, gazetteer, base map and the first page's answers for "
        "the library in each language made before it listens).", "",
        "| Server on | server up (s) | session 1: counts / map / whole page (s) | sessions 2–3 (s) |",
        "|---|--:|--:|--:|",
    ]
    for label, up, sessions in rows:
        def fmt(c, m, w):
            return f"{c:.2f}" if m is None else f"{c:.2f} / **{m:.2f}** / {w:.2f}"
        later = ", ".join(fmt(*s) for s in sessions[1:])
        lines.append(f"| {label} | {up:.1f} | {fmt(*sessions[0])} | {later} |")
    maps = [s[1] for _, _, sessions in rows for s in sessions if s[1] is not None]
    lines += ["", f"- Load average at the start: {LOAD_AT_START[0]:.2f}; at the end: {load[0]:.2f} {load[1]:.2f} "
                  f"{load[2]:.2f} (2 cores, shared with other work).",
              f"- Targets (issues 10 and 11): the first map < 3 s after the server is up (aimed at 2.5 s): "
              f"{sum(m < 3 for m in maps)} of {len(maps)} sessions under 3 s, {sum(m <= 2.5 for m in maps)} at or "
              f"under 2.5 s; the slowest {max(maps):.2f} s.",
              "- A browser's first page in a session is the counts and the map (the whole library); the rest (the filters, the timeline, "
              "the table, uploads, the library, corrections, downloads) comes in the run the page asks for "
              "`REST_AFTER_S` later (streamlit_app.py `complete_the_page`), the map's page left as it is. The map's "
              "page loads Leaflet, the player and the base map from the app's server (`geo.map.served`, Streamlit "
              "static serving) and carries only the view's data; each relation's tooltip and card are read when "
              "first used.", ""]
    return "\n".join(lines)


LOAD_AT_START = os.getloadavg()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    args = parser.parse_args()
    text = section(measure())
    print(text)
    if args.write:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
