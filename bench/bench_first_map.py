"""The first map in Chromium after the server is up: `./atlas app` as a user starts it, on a library.

One server per library (`python streamlit_app.py serve`, with `PAIRING_ATLAS_LIBRARY` set), started and waited
for (`/_stcore/health`); then sessions one after another, each in a fresh browser context (no cache): the seconds
from `goto` to the counts ("Events (") and to the map's Leaflet container in its frame. Every non-local request is
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


def _sessions(url: str, with_map: bool) -> list[tuple[float, float | None]]:
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
            page.get_by_text("Events (").first.wait_for(timeout=180_000)
            counts = time.perf_counter() - start
            shown = None
            if with_map:
                page.frame_locator("iframe").first.locator(".leaflet-container").first.wait_for(timeout=180_000)
                shown = time.perf_counter() - start
            out.append((counts, shown))
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
        "Seconds from opening the page to the counts (\"Events (\") and to the map drawn, each session in a fresh "
        "browser context (nothing cached), sessions one after another; the server as `./atlas app` starts it "
        "(`python streamlit_app.py serve`: the app's modules, gazetteer and base map loaded before it listens).", "",
        "| Server on | server up (s) | session 1: counts / map (s) | sessions 2–3: counts / map (s) |",
        "|---|--:|--:|--:|",
    ]
    for label, up, sessions in rows:
        def fmt(c, m):
            return f"{c:.2f}" if m is None else f"{c:.2f} / {m:.2f}"
        later = ", ".join(fmt(c, m) for c, m in sessions[1:])
        lines.append(f"| {label} | {up:.1f} | {fmt(*sessions[0])} | {later} |")
    lines += ["", f"- Load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (2 cores, shared).",
              "- Targets (issues 10 and 11): the first map < 3 s after the server is up.", ""]
    return "\n".join(lines)


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
