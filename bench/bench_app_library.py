"""The app on a library of 100,000 event rows: its Python per rerun asking DuckDB (timeline.views.queries) against
the path it took before (every row loaded into Python, filtered and drawn there), in the same run.

    .venv/bin/python -m bench.bench_app_library            # print the Markdown section
    .venv/bin/python -m bench.bench_app_library --write    # and update "## App on a large library"

The library: ``bench.bench_map.synthesise_rows(n)`` (rows copying the seeds' mix, one pair per 25 rows, years
1996–2023) saved as documents of 100 rows each into a new DuckDB file (built once, kept in bench/out/corpus_bench).
A rerun is timed as the app does it without Streamlit's cache (a new view: nothing cached): the filter
widgets' options, the counts, the timeline, a page of the table and the map page rendered. The same reruns are
timed with the code of ``--base`` (main before the map's second pass, its files unpacked from git) in a process of
its own, in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import time
from pathlib import Path

from bench.bench_corpus import WORK
from bench.common import environment, write_section

COMMAND = ".venv/bin/python -m bench.bench_app_library --write"
ROWS = 100_000
DOC_ROWS = 100
BASE = "8598aad"  # main before the large map's second pass (issue 11: cards as columns, numbers per revision)
# The filter changes timed (keyword arguments of timeline.views.filters.Filters, as JSON for the base's process).
CHANGES = ({"kinds": ["funding"]}, {"years": [2005, 2015]}, {"search": "平昌"},
           {"donor_province": "510000", "include_undated": True})
# The base commit's new_rerun on the same library, timed as _timed times it (median wall and CPU seconds).
_AT_BASE = """
import gc, json, statistics, sys, time
from bench.bench_app_library import new_rerun
from geo import load_gazetteer
from timeline.library import Library
from timeline.views.filters import Filters
load_gazetteer()
library, repeat = Library(sys.argv[1]), int(sys.argv[3])
def timed(call):
    walls, cpus = [], []
    for _ in range(repeat):
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)
out = {"first": timed(lambda: new_rerun(library, Filters()))}
for change in json.loads(sys.argv[4]):
    f = Filters(**change)
    out[repr(f)] = timed(lambda: new_rerun(library, f, library_changed=False))
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(out))
"""


def build_library(n: int) -> Path:
    """A library file of ``n`` synthetic event rows (built once per ``n``)."""
    from bench.bench_map import synthesise_rows
    from timeline.corpus.version import extractor_version
    from timeline.corpus.work import DocumentResult
    from timeline.library import Library
    from timeline.library.documents import save_result, set_setting
    from timeline.library.ingest import SEEDED
    from timeline.text.document import Document

    path = WORK / f"app_library_{n}.duckdb"
    if path.exists():
        return path
    WORK.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    rows = synthesise_rows(n)
    version = extractor_version()
    library = Library(partial)
    now = dt.datetime(2026, 1, 1)
    with library.session() as con:
        set_setting(con, SEEDED, now.isoformat())  # no seeds: only the synthetic documents
        for start in range(0, n, DOC_ROWS):
            name = f"synthetic-{start // DOC_ROWS:05d}.txt"
            chunk = [{**r, "doc": name} for r in rows[start:start + DOC_ROWS]]
            doc = Document(doc=name, text="（合成文章）" * 50, publication_date=None)
            result = DocumentResult(index=start, name=name, path=name, content_hash=f"{start:064x}", document=doc,
                                    rows=chunk, n_events=len(chunk), extractor_version=version)
            save_result(con, result, source="file", now=now + dt.timedelta(seconds=start))
    partial.rename(path)
    return path


def _vm(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key):
            return int(line.split()[1])
    return 0


def new_rerun(library, filters, lang: str = "zh", *, library_changed: bool = True) -> dict:
    """What the app does now on a rerun with a view it has not seen (streamlit_app.py without Streamlit's
    cache): the filter widgets' options and the articles' sources when the library changed (else they come
    from the cache; what the views keep per revision is dropped then), then the view in one visit (counts, the strip or every row, the table's page), the
    timeline, the table and the map page."""
    from geo.map.data import KIND_COLOURS, build_map_data
    from geo.map.render import render_map
    from timeline.views import queries
    from timeline.views.catalog import catalog_sources
    from timeline.views.chart import chart_spec, timeline_chart, year_strip_chart
    from timeline.views.map_counts import view_map_data
    from timeline.views.filters import (
        kinds_in, programmes_in, province_options, table_frame, timeline_chart_data, year_bounds,
    )

    sources = _SOURCES.get(library.path)
    if library_changed or sources is None:
        _forget_revisions()
        options = queries.option_rows(library)
        year_bounds(options), kinds_in(options), programmes_in(options)
        province_options(options, side="donor"), province_options(options, side="recipient")
        sources = _SOURCES[library.path] = catalog_sources(library)
    query = queries.ViewQuery.of(filters)
    view = queries.view_summary(library, query, page=1)
    if view.detailed:
        chart = chart_spec(timeline_chart(timeline_chart_data(view.rows, lang), colours=KIND_COLOURS, lang=lang))
    else:
        chart = chart_spec(year_strip_chart(*view.years, lang=lang))
    table_frame(view.page, lang)
    data = (build_map_data(view.rows, lang=lang, sources=sources) if view.detailed else
            view_map_data(library, query, rows=view.counts["rows"], lang=lang, sources=sources))
    html = render_map(data, standalone=True, height=560, keep_view=True)
    return {"counts": view.counts, "relations": len(data["relations"]["features"]), "html": len(html.encode()),
            "chart": chart}


_SOURCES: dict = {}  # library file -> its sources, as the app's cache keeps them while the library is unchanged


def _forget_revisions() -> None:
    """Drop what the views keep per revision of a library (a changed library has none of it yet): its rows'
    numbers for the map, its corrected rows, its folded texts and searches."""
    from timeline.views import map_counts, queries

    for kept in (map_counts._KEYS, queries._CORRECTED, queries._FOLDED, queries._MATCHES):
        kept.clear()


def old_rerun(library, filters, lang: str = "zh") -> dict:
    """What the app did before (git 9beae75): every row into Python, filtered, drawn and tabled there."""
    from geo.map.data import KIND_COLOURS, build_map_data
    from geo.map.render import render_map
    from timeline.views.catalog import catalog_sources, library_rows
    from timeline.views.chart import chart_spec, timeline_chart
    from timeline.views.filters import (
        filter_rows, in_date_order, kinds_in, programmes_in, province_options, table_frame, timeline_chart_data,
        view_counts, year_bounds,
    )

    rows = library_rows(library)
    sources = catalog_sources(library)
    year_bounds(rows), kinds_in(rows), programmes_in(rows)
    province_options(rows, side="donor"), province_options(rows, side="recipient")
    view = in_date_order(filter_rows(rows, filters))
    counts = view_counts(view)
    chart_spec(timeline_chart(timeline_chart_data(view, lang), colours=KIND_COLOURS, lang=lang))
    table_frame(view, lang)
    data = build_map_data(view, lang=lang, sources=sources)
    html = render_map(data, standalone=True, height=560, keep_view=True)
    return {"counts": counts, "relations": len(data["relations"]["features"]), "html": len(html.encode())}


def old_change(rows, sources, filters, lang: str = "zh") -> None:
    """The old path's rerun after a filter change: the rows were cached in memory; filtered and drawn again."""
    from geo.map.data import KIND_COLOURS, build_map_data
    from geo.map.render import render_map
    from timeline.views.chart import chart_spec, timeline_chart
    from timeline.views.filters import filter_rows, in_date_order, table_frame, timeline_chart_data, view_counts

    view = in_date_order(filter_rows(rows, filters))
    view_counts(view)
    chart_spec(timeline_chart(timeline_chart_data(view, lang), colours=KIND_COLOURS, lang=lang))
    table_frame(view, lang)
    render_map(build_map_data(view, lang=lang, sources=sources), standalone=True, height=560, keep_view=True)


def app_runs(path: Path) -> dict:
    """The whole app script on the library, through Streamlit's AppTest (no browser, no websocket): the first
    run of a fresh server process's script (cold caches), a rerun with nothing changed, and a kind filter."""
    import os

    from streamlit.testing.v1 import AppTest

    from bench.common import REPO
    from timeline.library import ENV_VAR

    os.environ[ENV_VAR] = str(path)
    at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=600)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    problems = [str(e.value) for e in [*at.exception, *at.error]]
    start = time.perf_counter()
    at.run()
    same = time.perf_counter() - start
    start = time.perf_counter()
    at.multiselect(key="kinds").set_value(["funding"]).run()
    change = time.perf_counter() - start
    return {"first": first, "same": same, "change": change, "problems": problems}


def _first_search(library, word: str = "自贡") -> float:
    """Seconds of the rerun of the first search after the library changed (its texts folded then; the parties'
    names in pinyin stay cached in the process, as on a server that searched before)."""
    from timeline.views import queries
    from timeline.views.filters import Filters

    queries._FOLDED.clear()
    queries._MATCHES.clear()
    gc.collect()
    start = time.perf_counter()
    new_rerun(library, Filters(search=word), library_changed=False)
    return time.perf_counter() - start


def map_parts(library, filters, lang: str = "zh") -> dict[str, float]:
    """Seconds of the parts of a large view's rerun, each timed alone: the view in one visit, the map counted in
    DuckDB (``map_totals``), its arcs and cards built in Python (``build_map_from_totals``), the page rendered,
    as ``view_map_data`` does them."""
    from geo.map.data import build_map_from_totals
    from geo.map.render import render_map
    from timeline.views import queries
    from timeline.views.catalog import catalog_sources
    from timeline.views.map_counts import LARGE_EVIDENCE, map_totals

    sources = _SOURCES.get(library.path) or catalog_sources(library)
    query = queries.ViewQuery.of(filters)
    out = {}
    start = time.perf_counter()
    queries.view_summary(library, query)
    out["view"] = time.perf_counter() - start
    start = time.perf_counter()
    totals = map_totals(library, query, evidence_max=LARGE_EVIDENCE, event_ids=False)
    out["totals"] = time.perf_counter() - start
    start = time.perf_counter()
    data = build_map_from_totals(totals, lang=lang, sources=sources, page_only=True)
    out["build"] = time.perf_counter() - start
    start = time.perf_counter()
    render_map(data, standalone=True, height=560, keep_view=True)
    out["render"] = time.perf_counter() - start
    return out


CPU: dict[str, float] = {}  # the median CPU seconds of each timed call, by label (all the process's threads)


def _timed(call, repeat: int, label: str | None = None) -> tuple[float, object]:
    """The median wall seconds of ``repeat`` calls and the last result; the median CPU seconds go to
    :data:`CPU` under ``label`` (on a shared machine the CPU time varies less than the wall time)."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = call()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    if label is not None:
        CPU[label] = statistics.median(cpu)
    return statistics.median(times), result


def at_base(commit: str, path: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """The first map's and each change's rerun (median wall and CPU seconds) with the code of ``commit``, on the
    library at ``path``, in a process of its own."""
    import json
    import tempfile

    from bench.bench_playback import base_tree, run_at_base

    with tempfile.TemporaryDirectory() as tmp:
        tree = base_tree(commit, Path(tmp) / "tree")
        out = Path(tmp) / "out.json"
        run_at_base(tree, _AT_BASE, str(path), str(out), str(repeat), json.dumps(CHANGES, ensure_ascii=False))
        return {k: tuple(v) for k, v in json.loads(out.read_text(encoding="utf-8")).items()}


def measure(n: int, repeat: int, base: str | None = BASE) -> dict:
    from timeline.library import Library
    from timeline.views.catalog import catalog_sources, library_rows
    from timeline.views.filters import Filters

    start = time.perf_counter()
    path = build_library(n)
    built_s = time.perf_counter() - start
    library = Library(path)
    everything = Filters()
    changes = [Filters(**change) for change in CHANGES]
    from geo import load_gazetteer

    load_gazetteer()  # loaded once per server, before the first page (both paths use it)
    load_before = os.getloadavg()[0]
    rss0 = _vm("VmRSS")
    new_first_s, new = _timed(lambda: new_rerun(library, everything), repeat, "first")
    new_rss = _vm("VmHWM") - rss0
    change = {}
    for f in changes:  # the library is unchanged: its options and sources come from the cache
        change[repr(f)] = _timed(lambda f=f: new_rerun(library, f, library_changed=False), repeat, repr(f))[0]
    slowest = max(changes, key=lambda f: change[repr(f)])
    first_search_s = _first_search(library)
    parts = {"first": map_parts(library, everything), "slowest": map_parts(library, slowest)}
    load_after = os.getloadavg()[0]
    old_first_s, old = _timed(lambda: old_rerun(library, everything), 1, "old first")
    old_rss = _vm("VmHWM") - rss0
    rows, sources = library_rows(library), catalog_sources(library)
    old_change_s = {repr(f): _timed(lambda f=f: old_change(rows, sources, f), 1, "old " + repr(f))[0]
                    for f in changes[:2]}
    del rows
    _forget_revisions()  # the app's first page starts as a new server's would
    app = app_runs(path)
    before = at_base(base, path, repeat) if base else {}
    return {"n": n, "built_s": built_s, "size": path.stat().st_size, "new": new, "old": old,
            "new_first_s": new_first_s, "old_first_s": old_first_s, "change": change, "old_change": old_change_s,
            "new_rss_kib": new_rss, "old_rss_kib": old_rss, "changes": changes, "app": app, "parts": parts,
            "slowest": slowest, "load": (load_before, load_after), "repeat": repeat, "cpu": dict(CPU),
            "base": base, "before": before, "first_search_s": first_search_s}


def _label(f) -> str:
    parts = []
    if f.kinds:
        parts.append(f"kinds={sorted(f.kinds)}")
    if f.years:
        parts.append(f"years={f.years[0]}–{f.years[1]}")
    if f.search:
        parts.append(f"search {f.search!r}")
    if f.donor_province:
        parts.append(f"donor province {f.donor_province}, year not stated kept")
    return ", ".join(parts) or "none"


def _parts(p: dict[str, float], label: str) -> str:
    return (f"{label}: the view {p['view']:.2f} s, the map counted in DuckDB {p['totals']:.2f} s, its arcs and "
            f"cards built {p['build']:.2f} s, the page rendered {p['render']:.2f} s")


def _before(m: dict, key: str, now: float) -> str:
    """The base's seconds and CPU seconds of a rerun, and now ÷ before (two table cells)."""
    if key not in m["before"]:
        return "| "
    wall, cpu = m["before"][key]
    return f"{wall:.2f}, {cpu:.2f} | {now / wall:.2f}"


def section(m: dict, env: dict) -> str:
    c = m["new"]["counts"]
    base = m["old_first_s"]
    cpu = m["cpu"]
    lines = [
        "## App on a large library", "",
        f"Measured {env['date']} with `{COMMAND}`.",
        f"Machine: {env['machine']}. Python {env['python']}; {env['versions']}; {env['code']}.", "",
        f"Library: {m['n']:,} synthetic event rows ({c['events']:,} events, {c['dated']:,} dated, "
        f"{c['not_on_map']:,} rows not on the map) in {m['n'] // DOC_ROWS:,} documents, "
        f"{m['size'] / 2**20:.0f} MiB; {m['new']['relations']:,} relations drawn. The app's Python for one rerun "
        "with a view nothing has cached, as `streamlit_app.py` does it without Streamlit's cache "
        "(`new_rerun`): the first map reads the filter widgets' options and the articles' sources, then the view "
        "in one visit to the library (counts, the strip, the table's page), the timeline, the table and the map "
        "page rendered; a filter change leaves the library unchanged, so its options and sources come from the "
        f"cache. Median of {m['repeat']} runs; the old path once per view (it is slow). CPU seconds: the "
        "process's, all threads (DuckDB's too); on the shared machine they vary less than the wall clock."
        + (f" Before: the same reruns with the code of git {m['base']} (before the large map's second pass), "
           "in a process of its own, in the same run." if m["base"] else ""), "",
        f"| Rerun | Seconds | CPU seconds | Before (git {m['base'] or '–'}): seconds, CPU | Now ÷ before | "
        "vs old first map | Map page (MB) |", "|---|--:|--:|--:|--:|--:|--:|",
        f"| old: every row into Python, filtered and drawn there (first map) | {base:.2f} | {cpu['old first']:.2f} | "
        f"| | 1.00 | {m['old']['html'] / 1e6:.1f} |",
        f"| now: asked of DuckDB (first map) | {m['new_first_s']:.2f} | {cpu['first']:.2f} | "
        f"{_before(m, 'first', m['new_first_s'])} | {m['new_first_s'] / base:.2f} | {m['new']['html'] / 1e6:.1f} |",
    ]
    for f in m["changes"]:
        key = repr(f)
        old = m["old_change"].get(key)
        lines.append(f"| now, filter changed to {_label(f)} | {m['change'][key]:.2f} | {cpu[key]:.2f} | "
                     f"{_before(m, key, m['change'][key])} | {m['change'][key] / base:.2f} | |")
        if old is not None:
            lines.append(f"| old, the same change (rows already in memory) | {old:.2f} | {cpu['old ' + key]:.2f} | "
                         f"| | {old / base:.2f} | |")
    a = m["app"]
    lines += [
        "",
        "The whole app script on the same library through Streamlit's `AppTest` (the server's work for a page, "
        "without the browser; one run each):", "",
        "| App run | Seconds |", "|---|--:|",
        f"| first page (a fresh script run, every cache cold) | {a['first']:.2f} |",
        f"| rerun, nothing changed | {a['same']:.2f} |",
        f"| rerun, a kind picked in the sidebar | {a['change']:.2f} |",
    ]
    if a["problems"]:
        lines.append(f"\nThe app reported: {'; '.join(a['problems'])}")
    lines += [
        "",
        f"- Peak RSS added by the first rerun: now {m['new_rss_kib'] / 1024:.0f} MiB; the old path "
        f"{m['old_rss_kib'] / 1024:.0f} MiB (measured after the new path, in the same process: the old figure "
        "is the growth beyond the new path's peak).",
        f"- Targets: first map < 3 s after the server is up: the app's Python {m['new_first_s']:.2f} s "
        f"(CPU {cpu['first']:.2f} s; the page in Chromium: `## First map in the browser`); a filter change "
        f"< 1 s: {max(m['change'].values()):.2f} s at most (the slowest: {_label(m['slowest'])}; "
        f"{sum(v < 1 for v in m['change'].values())} of {len(m['change'])} changes under 1 s by the clock, "
        f"{sum(cpu[repr(f)] < 1 for f in m['changes'])} by CPU time; aimed at 0.7 s: "
        f"{sum(v <= 0.7 for v in m['change'].values())} of {len(m['change'])} by the clock).",
        f"- Where a large view's rerun goes (each part timed once, alone): {_parts(m['parts']['first'], 'first map')}; "
        f"{_parts(m['parts']['slowest'], _label(m['slowest']))}. The page's map holds only what the page shows "
        "(`build_map_from_totals(page_only=True)`: no event lists, event ids, years or inner arc points); the "
        "cards' rows come from DuckDB as columns and are checked a column at a time (`geo.map.rows.typed_rows`); "
        "each row's relation and its places in the map's and the table's order are numbered once per revision "
        "of the library (`timeline.views.map_counts._keys`, paid by the first map), so a view is grouped and "
        "ranked on numbers. What is left grows with the relations drawn and each card's rows.",
        f"- The first search after the library changed: {m['first_search_s']:.2f} s (each distinct text of the "
        "library folded once, then kept; the synthetic rows repeat the seeds' sentences, so a real library of "
        "this size has more to fold); later searches are the figure in the table.",
        f"- Load average (1 min) while the reruns were measured: {m['load'][0]:.1f} at the start, "
        f"{m['load'][1]:.1f} at the end (2 cores, shared).",
        "- Above 5,000 rows in view (`timeline.views.queries.DETAIL_ROWS`) the timeline is events per year and "
        "each relation's card lists its first 5 events with the totals; at or below it the app draws every "
        "row as before (the same rows, counts and map: tests/views/test_views_queries.py).",
        "- The app caches each answer on the library's revision and the query, so a rerun that changes nothing "
        "asks only the revision (one connection); the library's list, options and audit list are cached on it.",
        f"- Building the library (synthesis and saving, not timed above): {m['built_s']:.0f} s "
        "(0 when it was already in bench/out/corpus_bench).",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_app_library", description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=ROWS, help=f"event rows in the library (default {ROWS:,})")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="update the section in docs/BENCHMARKS.md")
    ap.add_argument("--base", default=BASE, help=f"the commit to time the same reruns with (default {BASE})")
    ap.add_argument("--no-base", action="store_true", help="skip the base commit's reruns")
    args = ap.parse_args(argv)
    m = measure(args.rows, args.repeat, None if args.no_base else args.base)
    text = section(m, environment(["duckdb", "streamlit"], ["timeline", "geo"]))
    print(text)
    if args.write:
        write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
