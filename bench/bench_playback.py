"""The map's player in Chromium with 1,000 and 10,000 relations: milliseconds per step, frames per second and
long tasks, against the map code at a base commit and at a "before" commit, measured in the same run; and the page's size.

    .venv/bin/python -m bench.bench_playback            # print the Markdown section
    .venv/bin/python -m bench.bench_playback --write    # and update "## Map playback" in docs/BENCHMARKS.md

Rows: one donor → recipient pair of random gazetteer places per relation, 1 to 4 events each, copying the
seeds' rows (kind, evidence with the event's id added so that no two are alike, precision); each event dated in a random year from 1996 to 2023 (about one in
ten has no stated year), so the player steps by year through 28 steps. The standalone map
(``render_map(build_map_data(rows), standalone=True)``) is rendered by this checkout and by the map code of
``--base`` and of ``--before`` (the code before the change being measured; ``git archive`` of each commit into
a temporary folder, rendered in a subprocess). The pages are opened in one headless Chromium (software rendering, every non-local request blocked, as the
browser tests run it) at 1400×1000.

In each page the player is started and then stepped as its own timer does, through every year, ``--runs``
times, the next step as soon as the last one is drawn: a step's time runs from the animation frame its script
runs in to the first frame that begins after the page's last ``stroke()`` with nothing left to draw
(``player.drawing()``, where the page has it; the base draws in the frame after the step, as Leaflet's
canvas asks for its redraw at the next frame), and every frame's length is kept
(frames per second: frames / their total time; a frame over 33 ms misses 30 fps). Then the player plays on
its own timer at 4×, and every frame is timed until the last year is drawn. Long tasks (over 50 ms) are
counted with a ``PerformanceObserver``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from bench.common import REPO, environment, write_section

COMMAND = ".venv/bin/python -m bench.bench_playback --write"
BASE = "cb62a71"  # main before the playback work of issue 10 (point 7)
BEFORE = "8598aad"  # main before one step of 10,000 relations was made to fit in a frame
SIZES = (1_000, 10_000)
YEARS = (1996, 2023)
RUNS = 3

# Stepping the player as its timer does: play() with setInterval caught, then its step once per frame.
_LOOP = """async (runs) => {
    const player = window.atlas.player;
    const frames = [], scripts = [], stepTimes = [];
    let longTasks = 0, longest = 0, lastStroke = 0;
    const observer = new PerformanceObserver(list => {
        for (const entry of list.getEntries()) { longTasks += 1; longest = Math.max(longest, entry.duration); }
    });
    observer.observe({type: 'longtask'});
    const stroke = CanvasRenderingContext2D.prototype.stroke;  // when the page last drew a line
    CanvasRenderingContext2D.prototype.stroke = function (...args) {
        lastStroke = performance.now();
        return stroke.apply(this, args);
    };
    const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
    const realInterval = window.setInterval;
    for (let run = 0; run < runs; run++) {
        let step = null;
        window.setInterval = (fn) => { step = fn; return 0; };
        player.pause();
        player.play();
        window.setInterval = realInterval;
        await frame(); await frame();
        let before = await frame();
        while (player.playing()) {
            const start = before;  // the frame the step runs in
            const t = performance.now();
            step();
            scripts.push(performance.now() - t);
            let now;
            do {  // drawn: a frame begun after the last line was given, nothing left to draw
                now = await frame();
                frames.push(now - before);
                before = now;
            } while (now <= lastStroke || (player.drawing && player.drawing()));
            stepTimes.push(now - start);
        }
    }
    CanvasRenderingContext2D.prototype.stroke = stroke;
    await new Promise(resolve => setTimeout(resolve, 100));
    observer.disconnect();
    return {frames, scripts, stepTimes, longTasks, longest};
}"""


# Playing as a person does, at the fastest speed (4×: a step every 300 ms by year): every frame's length.
_REAL = """async () => {
    const player = window.atlas.player, frames = [];
    const speed = document.querySelector('.atlas-speed');
    speed.value = '4';
    speed.dispatchEvent(new Event('change'));
    player.pause();
    const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
    let longTasks = 0;
    const observer = new PerformanceObserver(list => { longTasks += list.getEntries().length; });
    observer.observe({type: 'longtask'});
    let before = await frame();
    const start = before;
    player.play();
    while (player.playing() || (player.drawing && player.drawing())) {
        const now = await frame();
        frames.push(now - before);
        before = now;
    }
    await new Promise(resolve => setTimeout(resolve, 100));
    observer.disconnect();
    return {frames, seconds: (before - start) / 1000, longTasks};
}"""


def synthesise_relations(n: int, seed: int = 0) -> list[dict[str, object]]:
    """Event rows for ``n`` relations (see the module docs)."""
    from bench.bench_map import synthesise_rows
    from geo.gazetteer.store import load_gazetteer

    templates = [r for r in synthesise_rows(200) if r["donor_lon"] is not None and r["recipient_lon"] is not None]
    places = sorted((p for p in load_gazetteer().places.values() if p.level.value != "province"),
                    key=lambda p: p.adcode)
    rng = random.Random(seed)
    pairs: set[tuple[str, str]] = set()
    rows = []
    while len(pairs) < n:
        donor, recipient = rng.sample(places, 2)
        if (donor.adcode, recipient.adcode) in pairs:
            continue
        pairs.add((donor.adcode, recipient.adcode))
        for _ in range(rng.randint(1, 4)):
            row = dict(rng.choice(templates))
            event_id = f"p{len(rows):06d}"
            row.update({"event_id": event_id, "evidence": f"{row['evidence']}（{event_id}）",  # a text of its own
                        "donor": donor.name, "donor_adcode": donor.adcode,
                        "donor_lon": donor.lon, "donor_lat": donor.lat, "recipient": recipient.name,
                        "recipient_adcode": recipient.adcode, "recipient_lon": recipient.lon,
                        "recipient_lat": recipient.lat})
            if rng.random() < 0.1:
                row.update({"year": None, "month": None, "day": None, "end_year": None, "basis": "",
                            "date_text": "今年"})
            else:
                row.update({"year": rng.randint(*YEARS), "end_year": None, "basis": "stated"})
                month = row["month"] if row["precision"] in ("month", "day") else None
                row["date_text"] = f"{row['year']}年" + (f"{month}月" if month else "")
            rows.append(row)
    return rows


# -- the map code at the base commit ---------------------------------------------------------

_RENDER_AT_BASE = """
import json, sys
from geo.map.data import build_map_data
from geo.map.render import render_map
rows = json.load(open(sys.argv[1], encoding="utf-8"))
html = render_map(build_map_data(rows), standalone=True, height=None)
open(sys.argv[2], "w", encoding="utf-8").write(html)
"""


def base_tree(commit: str, into: Path) -> Path:
    """The repository's files at ``commit`` unpacked into ``into`` (``git archive``); returns ``into``. Where its
    npm packages are not this checkout's, they are installed there (``npm ci``, from npm's cache if it has them)."""
    into.mkdir(parents=True, exist_ok=True)
    archive = into / "base.tar"
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), commit], cwd=REPO, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    archive.unlink()
    if (into / "package.json").read_bytes() != (REPO / "package.json").read_bytes():
        subprocess.run(["npm", "ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], cwd=into,
                       check=True, stdout=subprocess.DEVNULL)
    return into


def run_at_base(tree: Path, script: str, *args: str) -> None:
    """Run ``script`` with the base tree's packages first on the path (its npm packages, or this checkout's)."""
    modules = tree / "node_modules" if (tree / "node_modules").is_dir() else REPO / "node_modules"
    env = {**os.environ, "PYTHONPATH": str(tree), "PAIRING_ATLAS_NODE_MODULES": str(modules)}
    proc = subprocess.run([sys.executable, "-c", script, *args], cwd=tree, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"the base map code failed: {proc.stderr.strip()[-600:]}")


def pages(n: int, trees: dict[str, Path], out: Path) -> dict[str, Path]:
    """The standalone map of ``n`` relations as this checkout and each older tree (``{code: tree}``) render it."""
    from geo.map.data import build_map_data
    from geo.map.render import render_map

    rows = synthesise_relations(n)
    rows_path = out / f"rows_{n}.json"
    rows_path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    paths = {}
    for code, tree in trees.items():
        paths[code] = out / f"{code}_{n}.html"
        run_at_base(tree, _RENDER_AT_BASE, str(rows_path), str(paths[code]))
    paths["now"] = out / f"now_{n}.html"
    paths["now"].write_text(render_map(build_map_data(rows), standalone=True, height=None), encoding="utf-8")
    return paths


# -- the browser ---------------------------------------------------------------------------------

def play(browser, path: Path, runs: int) -> dict[str, object]:
    """Step the player of the page at ``path`` through every year ``runs`` times; the times."""
    from browser import _route

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        context.route("**/*", _route)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(path.as_uri(), timeout=180_000)
        page.wait_for_function("() => window.atlas && window.atlas.player", timeout=180_000)
        page.wait_for_timeout(500)
        timed = page.evaluate(_LOOP, runs)
        real = page.evaluate(_REAL)
        if errors:
            raise RuntimeError(f"{path.name}: {errors[0]}")
    finally:
        context.close()
    frames, steps = sorted(timed["frames"]), sorted(timed["stepTimes"])
    return {"steps": len(steps), "step_ms": statistics.median(steps), "step_p95_ms": _p95(steps),
            "frames": len(frames), "frame_ms": statistics.median(frames), "frame_p95_ms": _p95(frames),
            "frame_max_ms": frames[-1], "fps": 1000 * len(frames) / sum(frames),
            "script_ms": statistics.median(timed["scripts"]), "slow": sum(1 for f in frames if f > 1000 / 30),
            "long_tasks": timed["longTasks"], "longest_ms": timed["longest"], "bytes": path.stat().st_size,
            "real_fps": len(real["frames"]) / real["seconds"], "real_p95_ms": _p95(sorted(real["frames"])),
            "real_slow": sum(1 for f in real["frames"] if f > 1000 / 30), "real_frames": len(real["frames"]),
            "real_long_tasks": real["longTasks"]}


def _p95(values: list[float]) -> float:
    """The 95th percentile of sorted ``values`` (nearest rank)."""
    return values[min(len(values) - 1, max(0, math.ceil(0.95 * len(values)) - 1))]


def measure(sizes: list[int], commits: dict[str, str], runs: int) -> list[dict[str, object]]:
    """Each size's pages (``commits``: ``{"base": commit, "before": commit}``, and this checkout as "now"),
    opened and played in one browser; one result per size and code."""
    sys.path.insert(0, str(REPO / "tests"))
    from browser import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        trees = {code: base_tree(commit, Path(tmp) / code) for code, commit in commits.items()}
        built = {n: pages(n, trees, Path(tmp)) for n in sizes}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                for n in sizes:
                    for code in [*commits, "now"]:
                        load = os.getloadavg()
                        result = play(browser, built[n][code], runs)
                        results.append({"relations": n, "code": code, "load": load, **result})
                        print(f"{n} relations, {code}: step {result['step_ms']:.1f} ms median, "
                              f"p95 {result['step_p95_ms']:.1f} ms; frames p95 {result['frame_p95_ms']:.1f} ms, "
                              f"{result['fps']:.0f} fps; {result['bytes'] / 1e6:.2f} MB", file=sys.stderr)
            finally:
                browser.close()
    return results


def render(results: list[dict[str, object]], env: dict[str, str], commits: dict[str, str], runs: int) -> str:
    """The ``## Map playback`` section."""
    by = {(r["relations"], r["code"]): r for r in results}
    base = commits["base"]
    name = {**{code: f"{code} {commit}" for code, commit in commits.items()}, "now": "now"}
    lines = [
        "## Map playback", "",
        f"Measured {env['date']} with `{COMMAND}`.",
        f"Machine: {env['machine']}. Python {env['python']}; {env['versions']}; {env['code']}; "
        "Chromium headless (`/usr/bin/chromium`, `--disable-gpu`: software rendering).", "",
        "The standalone map of N relations over 28 years (`bench/bench_playback.py`; each relation 1–4 events, "
        "each event its own evidence text), played by year in Chromium at 1400×1000; base: the map code at git "
        f"{base} (before the playback work)"
        + (f"; before: the map code at git {commits['before']} (before the latest change)" if "before" in commits else "")
        + ", rendered from that commit's files and played in the same browser in the same run. 30 frames a second "
        "needs 33 ms a frame.", "",
        f"**Step loop** (every year, {runs} times, the next step as soon as the last is drawn): a step is the time "
        "from the animation frame its script runs in to the first frame begun after its last line was drawn "
        "(so at least one frame, 16.7 ms); frames are the times from one animation frame to the next during "
        "the loop.", "",
        "| Relations | Map code | Steps | ms per step, median | 95th percentile | frames | frame ms, median | "
        "95th percentile | slowest | frames per second | frames over 33 ms | long tasks (> 50 ms) | "
        "step's script, median (ms) | page (MB) | load average |",
        "|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['relations']:,} | {name[r['code']]} | {r['steps']} | {r['step_ms']:.1f} | {r['step_p95_ms']:.1f} | "
            f"{r['frames']} | {r['frame_ms']:.1f} | {r['frame_p95_ms']:.1f} | {r['frame_max_ms']:.0f} | "
            f"{r['fps']:.0f} | {r['slow']} | {r['long_tasks']} | {r['script_ms']:.1f} | {r['bytes'] / 1e6:.2f} | "
            f"{' '.join(f'{x:.2f}' for x in r['load'])} |")
    lines += [
        "", "**Played as a person plays it** (the player's own timer at its fastest, 4×: a step every 300 ms), "
        "every frame from play to the last year drawn:", "",
        "| Relations | Map code | frames | frames per second | frame ms, 95th percentile | frames over 33 ms | "
        "long tasks |",
        "|--:|---|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        lines.append(f"| {r['relations']:,} | {name[r['code']]} | {r['real_frames']} | {r['real_fps']:.0f} | "
                     f"{r['real_p95_ms']:.1f} | {r['real_slow']} | {r['real_long_tasks']} |")
    lines.append("")
    for n in sorted({r["relations"] for r in results}):
        for code in commits:
            if (n, code) in by and (n, "now") in by:
                b, w = by[(n, code)], by[(n, "now")]
                lines.append(f"- {n:,} relations against {name[code]}: a step {w['step_ms'] / b['step_ms']:.2f}× "
                             f"(median), {w['step_p95_ms'] / b['step_p95_ms']:.2f}× (95th percentile); played, "
                             f"{b['real_fps']:.0f} → {w['real_fps']:.0f} frames a second, {b['real_slow']} → "
                             f"{w['real_slow']} frames over 33 ms; the page {w['bytes'] / b['bytes']:.2f}× "
                             f"({b['bytes'] / 1e6:.2f} → {w['bytes'] / 1e6:.2f} MB).")
    lines += [
        "- How: the arcs are not Leaflet layers but three canvases of the map's own (no year, past, this step), "
        "each arc one quadratic curve and its own path; a step looks at and draws only its own relations (about "
        "a tenth of them at 10,000 over 28 years) and copies the last step's canvas onto the past, one image; at "
        "most 1,000 arcs are drawn a frame (a move or going back in time redraws over several frames). While "
        "playing, the canvas with no year is off the page and the places are drawn once onto the base map's "
        "canvas (their own canvas is hidden; stopped, they are over the arcs again and take clicks). The base "
        "restyled and redrew every relation, each a Leaflet polyline of 16 points, every step.",
        "- Headless Chromium draws frames at 60 Hz at most (16.7 ms: a step can take no less). Without a GPU a "
        "step's frame goes, on the page's main thread, to rasterising the step's strokes (a path costs by the rows "
        "it spans, about the same at any width) and to copying every canvas on the page into the frame, changed "
        "or not (about 1 ms per 1.4 million pixels). Traced at 10,000 relations before this change (CPU time of "
        "the main thread per step, tracing on, load 2–3): 37 ms, of which strokes ~21, copies of four canvases "
        "~7 (base map, places 2240×1600, past, step), script ~5. One path per arc instead of one per colour "
        "and width cut the strokes to ~14 (a step with its raster forced in the page: 30 → 18 ms) and placing "
        "only a step's relations its script to ~2 ms untraced (main thread 37 → 29 ms); the places on the base "
        "map while playing saved their canvas's copy (29 → 26.5 ms; compositor 8.1 → 6.9 ms).",
        "- Tried and left out (same traces): the past and the step on canvases off the page with one canvas "
        "shown (main thread 28 → 33 ms: a canvas off the page is rasterised when drawn from, in the script, and "
        "three more full-size images cost more than the one copy they save; 26 ms with the base map drawn in as "
        "well, no better than the places on the base map); the arcs at half resolution while playing (strokes "
        "halve, but the compositor then scales the canvas, +4 ms, and the arcs blur); a `desynchronized` step "
        "canvas (main thread halves, but steps took longer in wall time and it would show apart from the past); "
        "the base map shown as an image while playing, or its canvas moved by a 2-D transform (no gain); each "
        "look's arrowheads as one filled path (21 → 19 ms for 900 arcs alone, no gain in the page) and the past "
        "without a margin (no gain). `will-change` and `{alpha: false}` were not tried: each canvas is already "
        "a layer of its own and none is opaque (the sea is the map's background).",
        "- The machine's 2 cores are shared with other work (load average in the table): the ratios, measured "
        "in one run, are the result.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_playback", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update ## Map playback in docs/BENCHMARKS.md")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="N")
    parser.add_argument("--base", default=BASE, help=f"the commit to compare with (default {BASE})")
    parser.add_argument("--before", default=BEFORE,
                        help=f"the code before the change being measured (default {BEFORE}; '' for none)")
    parser.add_argument("--runs", type=int, default=RUNS, help="play-throughs per page")
    args = parser.parse_args(argv)
    commits = {"base": args.base, **({"before": args.before} if args.before else {})}
    results = measure(args.sizes, commits, args.runs)
    section = render(results, environment(("folium", "playwright"), ["geo"]), commits, args.runs)
    print(section)
    if args.write:
        write_section(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
