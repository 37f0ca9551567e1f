"""The app server's memory over many sessions and a 5 MB upload: RSS of the server and of its extraction
worker after each session, measured with real browser sessions (Debian's chromium, Playwright).

    .venv/bin/python -m bench.bench_app                  # print the Markdown section (~2 min)
    .venv/bin/python -m bench.bench_app --write          # and update "## App memory" in docs/BENCHMARKS.md

One app server (``python streamlit_app.py serve``, as ``./atlas app`` starts it) (``server.disconnectedSessionTTL`` set to 10 s, so that a closed session's
state is dropped within the run); sessions one after another, each opening the app and closing it; the
second one also uploads a 5 MB article (the seeds, repeated). The baseline is the server's RSS after the
first session, in the same run: the ratio says how much the server grew over it.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.common import REPO, environment, mib, write_section

COMMAND = ".venv/bin/python -m bench.bench_app --write"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
UPLOAD_BYTES = 4_990_000  # under the uploader's 5 MB (5,000,000 bytes)
TTL_S = 10


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out]


def _worker_kib(server: int) -> int:
    """RSS of the server's descendants (the extraction worker)."""
    total, stack = 0, _children(server)
    while stack:
        pid = stack.pop()
        total += _rss_kib(pid)
        stack.extend(_children(pid))
    return total


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _article(folder: Path) -> Path:
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt")))
    text = (seeds * (UPLOAD_BYTES // len(seeds.encode()) + 1)).encode()[:UPLOAD_BYTES].decode("utf-8", "ignore")
    path = folder / "big.txt"
    path.write_text(text, encoding="utf-8")
    return path


def measure(sessions: int) -> list[tuple[str, int, int]]:
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen(
        [sys.executable, str(REPO / "streamlit_app.py"), "serve", "--server.headless", "true",  # as ./atlas app starts it
         "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.disconnectedSessionTTL", str(TTL_S)],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    rows: list[tuple[str, int, int]] = []
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        rows.append(("server started, no session", _rss_kib(server.pid), _worker_kib(server.pid)))
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
            article = _article(Path(tmp))
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            def open_page():
                context = browser.new_context()
                context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url
                              else route.abort())
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url)
                page.get_by_text("Events (").first.wait_for(timeout=180_000)
                return context, page, time.perf_counter() - start

            for i in range(1, sessions + 1):
                context, page, load_s = open_page()
                label = f"after session {i} (page shown in {load_s:.1f} s)"
                if i == 2:
                    start = time.perf_counter()
                    page.get_by_test_id("stSidebarUserContent").locator("input[type=file]").set_input_files(str(article))
                    page.get_by_text("Reading the uploaded articles").first.wait_for(timeout=60_000)
                    other, _page, other_s = open_page()  # another user, while the upload is extracted
                    other.close()
                    page.get_by_text("big.txt: ").first.wait_for(timeout=900_000)
                    label += (f"; uploaded 5 MB, read in {time.perf_counter() - start:.1f} s; meanwhile another "
                              f"session's page was shown in {other_s:.1f} s")
                context.close()
                time.sleep(1)
                rows.append((label, _rss_kib(server.pid), _worker_kib(server.pid)))
            browser.close()
        time.sleep(TTL_S + 5)
        urllib.request.urlopen(url + "/_stcore/health", timeout=5)
        rows.append((f"{TTL_S + 5} s after the last session closed", _rss_kib(server.pid), _worker_kib(server.pid)))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


def section(rows: list[tuple[str, int, int]]) -> str:
    env = environment(["streamlit"], ["streamlit_app.py", "timeline/views"])
    base = next(r[1] for r in rows if r[0].startswith("after session 1 "))
    lines = [
        "## App memory", "",
        f"`{COMMAND}`; {env['date']}; {env['machine']}; Python {env['python']}; {env['versions']}; {env['code']}.",
        "",
        "RSS (MiB) of the app server (`python streamlit_app.py serve`, as `./atlas app` starts it) and of its extraction worker process "
        "(`timeline/views/offload.py`); sessions opened and closed one after another; the baseline is the "
        "server after session 1.", "",
        "| when | server RSS | × session 1 | worker RSS |", "|---|---:|---:|---:|",
    ]
    for label, server, worker in rows:
        lines.append(f"| {label} | {mib(server)} | {server / base:.2f} | {mib(worker)} |")
    lines += ["", "The worker is replaced after 20 extraction calls (`MAX_TASKS_PER_WORKER`), which gives its "
              "memory back; the server keeps only each session's rows and texts, dropped when the session ends.", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    args = parser.parse_args()
    text = section(measure(args.sessions))
    print(text)
    if args.write:
        write_section(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
