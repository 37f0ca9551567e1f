"""Map build time and HTML size for 10 / 1,000 / 10,000 events, and the app's work per rerun at 20,000.

    .venv/bin/python -m bench.bench_map            # print the Markdown section
    .venv/bin/python -m bench.bench_map --write    # and update "## Map" in docs/BENCHMARKS.md

Rows are synthesised with a fixed seed: each copies a real row of the seeds' timeline
(kind, evidence, whether its year is stated, month precision, a party without coordinates)
and gets a donor → recipient pair drawn from a pool of random gazetteer places and, when
its template is dated, a random year from 1996 to 2023. The pool has one pair per 25 rows,
so pairs recur over the years as real programmes do.

The page's size is measured against the map code at ``bench.bench_playback.BASE`` (before the cards were sent
as data), rendered in a subprocess from that commit's files, on the same rows in the same run; and the app's
map page on the 100,000-row library of ``bench.bench_app_library`` (built once into bench/out/corpus_bench).
The rows here get evidence of their own (the seeds' sentence and the event's id), as articles have: the page
lists each evidence text once, and the seeds' few sentences repeated would flatter it.

The app's rerun is measured three ways in the same run, on the same rows: the eager path the
app used to take on every rerun (map, chart, CSV, presentation HTML and GeoJSON all rebuilt),
the cached path on an unchanged view (what a click that changes nothing costs now), and the
cached path after a filter change (a new map and chart; the downloads wait for a click).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time

from bench.bench_playback import BASE as BASE_COMMIT  # the map code before its cards were sent as data
from bench.common import REPO, environment, write_section

COMMAND = ".venv/bin/python -m bench.bench_map --write"
SIZES = (10, 1_000, 10_000)
APP_ROWS = 20_000
ROWS_PER_PAIR = 25
YEARS = (1996, 2023)


def synthesise_rows(n: int, seed: int = 0) -> list[dict[str, object]]:
    """``n`` event rows (typed, as ``timeline.events.export.events_to_rows`` gives them); see the module docs."""
    from geo.gazetteer.store import load_gazetteer
    from timeline.events.batch import extract_paths
    from timeline.events.export import events_to_rows

    templates = events_to_rows(extract_paths([str(REPO / "seeds")]).events)
    places = sorted((p for p in load_gazetteer().places.values() if p.level.value != "province"),
                    key=lambda p: p.adcode)
    rng = random.Random(seed)
    pairs = [tuple(rng.sample(places, 2)) for _ in range(max(2, n // ROWS_PER_PAIR))]
    rows = []
    for i in range(n):
        row = dict(rng.choice(templates))
        donor, recipient = rng.choice(pairs)
        for side, place in (("donor", donor), ("recipient", recipient)):
            if row[f"{side}_lon"] is not None:  # a party without coordinates stays one
                row.update({side: place.name, f"{side}_adcode": place.adcode,
                            f"{side}_lon": place.lon, f"{side}_lat": place.lat})
        if row["year"] is not None:
            row["year"] = rng.randint(*YEARS)
            month = row["month"] if row["precision"] in ("month", "day") else None
            row["date_text"] = f"{row['year']}年" + (f"{month}月" if month else "")
        row["event_id"] = f"s{i:06d}"
        rows.append(row)
    return rows


def _median_seconds(call, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        gc.collect()  # every timed run starts from the same heap: no collection left over from the last
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


_BASE_PAGE = """
import gc, json, statistics, sys, time
from geo.map.data import build_map_data
from geo.map.render import render_map
rows = json.load(open(sys.argv[1], encoding="utf-8"))
times = []
for _ in range(3):
    gc.collect()
    start = time.perf_counter()
    data = build_map_data(rows)
    times.append(time.perf_counter() - start)
html = render_map(data, standalone=True, height=None)
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps({"bytes": len(html.encode("utf-8")),
                                                           "build_s": statistics.median(times)}))
"""
_BASE_APP_PAGE = """
import sys
from bench.bench_app_library import new_rerun
from timeline.library import Library
from timeline.views.filters import Filters
open(sys.argv[2], "w", encoding="utf-8").write(str(new_rerun(Library(sys.argv[1]), Filters())["html"]))
"""


def _evidence_of_its_own(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{**r, "evidence": f"{r['evidence']}（{r['event_id']}）"} for r in rows]


def _at_base(tree, script: str, argument: str) -> str:
    """What ``script`` run with the base commit's code (files in ``tree``) writes."""
    import tempfile
    from pathlib import Path

    from bench.bench_playback import run_at_base

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        run_at_base(tree, script, argument, str(out))
        return out.read_text(encoding="utf-8")


def measure(n: int, tree=None, repeat: int = 3) -> dict[str, object]:
    """Build and standalone render times (median of ``repeat``) and the HTML's size for ``n`` rows, and the
    size the map code of the base commit (files in ``tree``) gives the same rows (``None`` without a tree)."""
    import json
    import tempfile
    from pathlib import Path

    from geo.map.data import build_map_data
    from geo.map.render import render_map

    rows = _evidence_of_its_own(synthesise_rows(n))
    build_s, data = _median_seconds(lambda: build_map_data(rows), repeat)
    render_s, html = _median_seconds(lambda: render_map(data, standalone=True, height=None), repeat)
    one = next(r for r in synthesise_rows(50) if r["year"] is not None and r["recipient_lon"] is not None)
    base = render_map(build_map_data([one]), standalone=True, height=None)  # libraries, base map, player
    at_base = {"bytes": None, "build_s": None}
    if tree is not None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "rows.json"
            path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
            at_base = json.loads(_at_base(tree, _BASE_PAGE, str(path)))
    return {
        "events": n, "counts": data["counts"], "relations": len(data["relations"]["features"]),
        "places": len(data["places"]["features"]), "build_s": build_s, "render_s": render_s,
        "html_bytes": len(html.encode("utf-8")), "empty_bytes": len(base.encode("utf-8")),
        "base_bytes": at_base["bytes"], "base_build_s": at_base["build_s"],
    }


def measure_app_page(tree, rows: int = 100_000) -> dict[str, object]:
    """The app's map page (every filter off) on the library of ``bench.bench_app_library`` at ``rows`` rows: its
    size now and with the base commit's code, and what the page's evidence list saves (the synthetic rows
    repeat the seeds' sentences: the size had every card event its own evidence text is given too)."""
    from bench.bench_app_library import build_library
    from geo.map.render import _script_json
    from timeline.library import Library
    from timeline.views import queries
    from timeline.views.catalog import catalog_sources
    from timeline.views.filters import Filters
    from timeline.views.map_counts import view_map_data

    from geo.map.render import render_map

    path = build_library(rows)
    library = Library(path)
    query = queries.ViewQuery.of(Filters())
    counts = queries.view_counts(library, query)
    data = view_map_data(library, query, rows=counts["rows"], lang="zh", sources=catalog_sources(library))
    html = render_map(data, standalone=True, height=560, keep_view=True)
    listed = len(_script_json(data["evidence"]).encode("utf-8"))
    each = sum(len(_script_json(data["evidence"][e[5]]).encode("utf-8")) + 1
               for f in data["relations"]["features"] for e in f["properties"]["card"]["events"])
    now = len(html.encode("utf-8"))
    return {"rows": rows, "relations": len(data["relations"]["features"]), "now_bytes": now,
            "base_bytes": int(_at_base(tree, _BASE_APP_PAGE, str(path))), "distinct_bytes": now - listed + each,
            "texts": len(data["evidence"]),
            "card_events": sum(len(f["properties"]["card"]["events"]) for f in data["relations"]["features"])}


def measure_app(n: int = APP_ROWS, repeat: int = 3) -> dict[str, float]:
    """Seconds of Python per app rerun at ``n`` rows: eager (the old path, every row in memory and everything
    rebuilt), and the app's path now on a library of the same rows (``bench.bench_app_library.new_rerun``:
    asked of DuckDB, cached as its st.cache_data caches): nothing changed, a filter change, the first page."""
    import datetime as dt

    import pyarrow as pa

    from bench.bench_app_library import build_library, new_rerun
    from geo.map.data import KIND_COLOURS, build_map_data, to_geojson
    from geo.map.render import render_map
    from timeline.events.export import EVENT_COLUMNS
    from timeline.library import Library
    from timeline.views.catalog import library_revision
    from timeline.views.chart import chart_spec, timeline_chart
    from timeline.views.exports import csv_for
    from timeline.views.filters import Filters, filter_rows, table_frame, timeline_chart_data, view_counts
    from timeline.views.presentation import presentation_page

    rows = synthesise_rows(n)
    library = Library(build_library(n))  # the same rows, saved as documents of 100 rows
    load_before = os.getloadavg()[0]

    def page(view):
        return render_map(build_map_data(view, lang="zh"), standalone=True, height=560, keep_view=True)

    def chart(view):  # built, and turned into its spec (as st.altair_chart did on every rerun)
        return chart_spec(timeline_chart(timeline_chart_data(view, "zh"), colours=KIND_COLOURS, lang="zh"))

    def send(spec):  # what st.vega_lite_chart does with a (cached) spec's data on every rerun
        for frame in spec["datasets"].values():
            pa.Table.from_pandas(frame)

    def eager(filters: Filters) -> None:  # every rerun rebuilt everything, downloads included
        view = filter_rows(rows, filters)
        page(view), send(chart(view)), table_frame(view), view_counts(view)
        csv_for(view, EVENT_COLUMNS, None)
        presentation_page(view, filters, {}, lang="zh", exported=dt.date(2026, 1, 1))
        to_geojson(build_map_data(view))

    def changed(filters: Filters, library_changed: bool = False) -> None:  # a view the cache has not seen
        send(new_rerun(library, filters, library_changed=library_changed)["chart"])

    def cpu_seconds(call) -> float:  # the median CPU seconds (all threads) of ``repeat`` calls
        times = []
        for _ in range(repeat):
            start = time.process_time()
            call()
            times.append(time.process_time() - start)
        return statistics.median(times)

    everything, funding = Filters(), Filters(kinds={"funding"})
    first_map_s, _ = _median_seconds(lambda: changed(everything, library_changed=True), repeat)
    first_map_cpu = cpu_seconds(lambda: changed(everything, library_changed=True))
    eager_s, _ = _median_seconds(lambda: eager(everything), repeat)
    shown = new_rerun(library, everything)

    def same() -> None:  # the library's revision (every rerun reads it), then map, chart and table from the cache
        library_revision(library)
        send(shown["chart"])

    same_s, _ = _median_seconds(same, repeat)
    change_s, _ = _median_seconds(lambda: changed(funding), repeat)
    change_cpu = cpu_seconds(lambda: changed(funding))
    eager_change_s, _ = _median_seconds(lambda: eager(funding), repeat)
    return {"rows": n, "first_map_s": first_map_s, "eager_s": eager_s, "same_s": same_s,
            "change_s": change_s, "eager_change_s": eager_change_s, "load": (load_before, os.getloadavg()[0]),
            "change_cpu": change_cpu, "first_map_cpu": first_map_cpu}


def render(results: list[dict], app: dict[str, float], env: dict[str, str],
           page: dict[str, object] | None = None, base: str = "", load: str = "?") -> str:
    """The ``## Map`` section."""
    lines = [
        "## Map", "",
        f"Measured {env['date']} with `{COMMAND}`.",
        f"Machine: {env['machine']}. Python {env['python']}; {env['versions']}; {env['code']}.", "",
        "`geo.map.data.build_map_data(rows)` and `geo.map.render.render_map(data, standalone=True)` "
        "(every script, stylesheet and font and the base map inlined), median of 3 runs each.", "",
        "| Events (rows) | Dated / year not stated / not on the map (events) | Relations drawn | Places | "
        f"build_map_data (ms) | at base {base} (ms) | render_map standalone (ms) | HTML (MB) | HTML at base (MB) | "
        "HTML vs base |",
        "|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        c = r["counts"]
        lines.append(f"| {r['events']:,} | {c['dated']:,} / {c['undated']:,} / {c['not_on_map']:,} | "
                     f"{r['relations']:,} | {r['places']:,} | {r['build_s'] * 1000:,.1f} | "
                     + (f"{r['base_build_s'] * 1000:,.1f} | " if r["base_build_s"] else "not measured | ")
                     + f"{r['render_s'] * 1000:,.1f} | {r['html_bytes'] / 1e6:.2f} | "
                     + (f"{r['base_bytes'] / 1e6:.2f} | {r['html_bytes'] / r['base_bytes']:.2f} |" if r["base_bytes"]
                        else "not measured | |"))
    e = app["eager_s"]
    lines += [
        "",
        f"The app's Python per rerun at {app['rows']:,} rows (median of 3; `measure_app`): now on a library of "
        "those rows (asked of DuckDB as `streamlit_app.py` does, `bench.bench_app_library.new_rerun`; answers cached "
        "on the library's revision and the view), against the eager path it used to take on every rerun (every "
        "row in memory; map, chart, CSV, presentation HTML and GeoJSON rebuilt), measured in the same run:", "",
        "| Rerun | Seconds | vs eager |",
        "|---|--:|--:|",
        f"| eager, every rerun (the old path) | {e:.2f} | 1.00 |",
        f"| now, nothing changed (map, chart and table from the cache) | {app['same_s']:.2f} | {app['same_s'] / e:.2f} |",
        f"| now, a filter change to kinds=['funding'] (new counts, map, chart and table page; downloads on click) | "
        f"{app['change_s']:.2f} | {app['change_s'] / app['eager_change_s']:.2f} (eager: {app['eager_change_s']:.2f}) |",
        f"| now, first page, cold (options, counts, strip, table page, map of all rows) | {app['first_map_s']:.2f} | "
        f"{app['first_map_s'] / e:.2f} |",
        "",
        f"- A map of one dated event is {results[0]['empty_bytes'] / 1e6:.2f} MB: the inlined libraries "
        "(Leaflet), the base map of China (`data/basemap.json`, 0.65 MB) and the player; each relation "
        "then adds its two ends and its card as data (each event's date, amounts and the index of its kind, "
        "evidence and source in the page's lists; at most 5 events above 2,000 rows), each place its point, "
        "name and counts; the browser builds cards and popups on click. At the base commit each relation "
        "carried its 16 points and its card as HTML, each place its popup.",
        "- Rows: see `bench/bench_map.py`. They copy the seeds' mix, so about 60 % have no stated year "
        f"and 16 % a party without coordinates; one donor → recipient pair per {ROWS_PER_PAIR} rows, years "
        f"{YEARS[0]}–{YEARS[1]}; each its own evidence text (the seeds' sentence and its event id). "
        f"Load average at the start: {load}.",
        "- The machine's 2 cores are shared: seconds vary between runs (the eager path took 4–10 s in three runs "
        "the same hour); the ratios, measured in one run, are the result. Each timed run starts after "
        f"`gc.collect()`. Load average (1 min) when the app's reruns were measured: {app['load'][0]:.1f} at the "
        f"start, {app['load'][1]:.1f} at the end; their CPU seconds (all threads, median of 3, less affected by "
        f"the other programs): filter change {app['change_cpu']:.2f}, first page {app['first_map_cpu']:.2f}.",
    ]
    if page:
        lines += [
            f"- The app's map page on the {page['rows']:,}-row library of `bench/bench_app_library.py` (every filter "
            f"off, {page['relations']:,} relations, each card its first 5 events): {page['now_bytes'] / 1e6:.2f} MB, "
            f"against {page['base_bytes'] / 1e6:.2f} MB at {base} ({page['now_bytes'] / page['base_bytes']:.2f}×). "
            f"Its synthetic rows repeat the seeds' sentences ({page['texts']:,} evidence texts for "
            f"{page['card_events']:,} card events); had each event a text of its own the page would be "
            f"{page['distinct_bytes'] / 1e6:.2f} MB ({page['distinct_bytes'] / page['base_bytes']:.2f}×).",
        ]
    lines.append("- Playback in Chromium: `## Map playback` (`bench/bench_playback.py`).")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_map", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update ## Map in docs/BENCHMARKS.md")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="N")
    parser.add_argument("--base", default=BASE_COMMIT, help="the commit whose map page sizes to compare with")
    parser.add_argument("--no-library", action="store_true", help="skip the app's page on the 100,000-row library")
    args = parser.parse_args(argv)
    import tempfile
    from pathlib import Path

    from bench.bench_playback import base_tree

    import os

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tree = base_tree(args.base, Path(tmp) / "base")
        for n in args.sizes:
            results.append(measure(n, tree))
            print(f"{n:>6} rows: build {results[-1]['build_s']:.3f} s, render {results[-1]['render_s']:.3f} s, "
                  f"{results[-1]['html_bytes'] / 1e6:.2f} MB (base {results[-1]['base_bytes'] / 1e6:.2f} MB)",
                  file=sys.stderr)
        page = None if args.no_library else measure_app_page(tree)
    app = measure_app()
    print(f"app at {app['rows']} rows: eager {app['eager_s']:.2f} s, same {app['same_s']:.2f} s, "
          f"change {app['change_s']:.2f} s, first map {app['first_map_s']:.2f} s", file=sys.stderr)
    section = render(results, app, environment(("folium", "branca", "streamlit"), ["geo", "timeline"]), page,
                     args.base, load)
    print(section)
    if args.write:
        write_section(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
