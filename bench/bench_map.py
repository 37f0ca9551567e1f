"""Map build time and standalone HTML size for 10 / 1,000 / 10,000 events.

    .venv/bin/python -m bench.bench_map            # print the Markdown section
    .venv/bin/python -m bench.bench_map --write    # and update "## Map" in docs/BENCHMARKS.md

Rows are synthesised with a fixed seed: each copies a real row of the seeds' timeline
(kind, evidence, whether its year is stated, month precision, a party without coordinates)
and gets a donor → recipient pair drawn from a pool of random gazetteer places and, when
its template is dated, a random year from 1996 to 2023. The pool has one pair per 25 rows,
so pairs recur over the years as real programmes do and aggregation has something to merge.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from bench.common import REPO, environment, write_section

COMMAND = ".venv/bin/python -m bench.bench_map --write"
SIZES = (10, 1_000, 10_000)
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
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def measure(n: int, repeat: int = 3) -> dict[str, object]:
    """Build and standalone render times (median of ``repeat``) and the HTML's size for ``n`` rows."""
    from geo.map.data import build_map_data
    from geo.map.render import render_map

    rows = synthesise_rows(n)
    build_s, data = _median_seconds(lambda: build_map_data(rows), repeat)
    render_s, html = _median_seconds(lambda: render_map(data, standalone=True, height=None), repeat)
    one = next(r for r in synthesise_rows(50) if r["year"] is not None and r["recipient_lon"] is not None)
    base = render_map(build_map_data([one]), standalone=True, height=None)  # libraries, player and all
    return {
        "events": n, "counts": data["counts"], "aggregated": data["aggregated"],
        "arcs": len(data["dated"]["features"]) + len(data["undated"]["features"]),
        "places": len(data["places"]["features"]), "build_s": build_s, "render_s": render_s,
        "html_bytes": len(html.encode("utf-8")), "empty_bytes": len(base.encode("utf-8")),
    }


def render(results: list[dict], env: dict[str, str]) -> str:
    """The ``## Map`` section."""
    lines = [
        "## Map", "",
        f"Measured {env['date']} with `{COMMAND}`.",
        f"Machine: {env['machine']}. Python {env['python']}; {env['versions']}; {env['code']}.", "",
        "`geo.map.data.build_map_data(rows)` and `geo.map.render.render_map(data, standalone=True)` "
        "(every script, stylesheet and font inlined from node_modules), median of 3 runs each.", "",
        "| Events (rows) | Dated / year not stated / not on the map | Arcs drawn | Places | "
        "build_map_data (ms) | render_map standalone (ms) | HTML (MB) |",
        "|--:|---|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        c = r["counts"]
        arcs = f"{r['arcs']:,}" + (" (merged per pair and year)" if r["aggregated"] else "")
        lines.append(f"| {r['events']:,} | {c['dated']:,} / {c['undated']:,} / {c['not_on_map']:,} | {arcs} | "
                     f"{r['places']:,} | {r['build_s'] * 1000:,.1f} | {r['render_s'] * 1000:,.1f} | "
                     f"{r['html_bytes'] / 1e6:.2f} |")
    lines += [
        "",
        f"- A map of one dated event is {results[0]['empty_bytes'] / 1e6:.2f} MB, nearly all of it the inlined "
        "libraries (Leaflet, Leaflet.TimeDimension, jQuery, moment, iso8601-js-period, the Glyphicons font); "
        "each arc then adds its 16 points, their times and an escaped popup with the evidence sentence.",
        "- Rows: see `bench/bench_map.py`. They copy the seeds' mix, so about 60 % have no stated year "
        f"and 16 % a party without coordinates; one donor → recipient pair per {ROWS_PER_PAIR} rows, years "
        f"{YEARS[0]}–{YEARS[1]}.",
        "- Above 2,000 rows (`aggregate_above`) arcs are merged per (donor, recipient, year) and play by "
        "year, the popup giving the count and total amount: the page's size and the player's work per step "
        "grow with pairs × years, not with events, and there are 12 times fewer steps than by month.",
        "- Playback speed is a browser matter (canvas rendering, `prefer_canvas=True`); the browser tests "
        "check that the map draws and plays.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_map", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update ## Map in docs/BENCHMARKS.md")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="N")
    args = parser.parse_args(argv)
    results = []
    for n in args.sizes:
        results.append(measure(n))
        print(f"{n:>6} rows: build {results[-1]['build_s']:.3f} s, render {results[-1]['render_s']:.3f} s, "
              f"{results[-1]['html_bytes'] / 1e6:.2f} MB", file=sys.stderr)
    section = render(results, environment(("folium", "branca"), ["geo"]))
    print(section)
    if args.write:
        write_section(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
