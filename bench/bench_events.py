"""End-to-end speed and memory of ``extract_events``, and where its time goes.

    .venv/bin/python -m bench.bench_events            # print the Markdown section
    .venv/bin/python -m bench.bench_events --write    # and update "## Events" in docs/BENCHMARKS.md
    .venv/bin/python -m bench.bench_events --profile  # cProfile of the corpus, top functions
    .venv/bin/python -m bench.bench_events --baseline REF   # also time git REF's code, cold, in the same run

Inputs: the five seeds (publication dates from ``timeline.text.loading.load_paths(["seeds"])``),
the 25 real articles of ``tests/data/realset`` (with their metadata) and the shared synthetic
corpus ``bench.corpus.build_corpus(10_000_000, seed=0)``. The long-article run also times one
unpunctuated line and a page of 150-county lists at 25,000 and 100,000 characters, and the command exits 1
when time per character at 4× the size exceeds 1.5× that at 1× (seeds repeated, the line, the lists).
Every measurement runs in its own subprocess (``--worker``), one after another, so each
peak RSS (VmHWM of that child) belongs to one measurement.

Cold and warm. geo keeps no per-text cache (``geo.places.segmenter.Segmenter``; only the
gazetteer and the automaton are cached, once per process). The date grammar does:
``timeline.dates.resolution.dateparser_value`` (lru_cache, keyed by the date's text) and
``timeline.dates.resolution._dateparser`` (one dateparser per publication date). The corpus
repeats the seeds' paragraphs and five publication dates, so those caches hit almost
always. *Cold* clears both before every article (untimed): every article costs what an
article nobody has seen costs. *Warm* keeps them, as a long-running app would.

Shares: a separate run wraps, in the worker process only, ``timeline.events.assembly.normalize``,
``timeline.events.assembly.find_dates_normalized``, ``geo.places.recognition.find_places_normalized``,
``timeline.events.assembly.pairs_in_sentence`` and ``timeline.events.assembly._events_for`` with
``perf_counter`` timers; the library files are not touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

from bench.common import REPO, environment, mib, rss_kib, run_worker_process, write_jsonl, write_section

WORK = REPO / "bench" / "out" / "events"
COMMAND = ".venv/bin/python -m bench.bench_events --write"
MODES = {"cold": "cold (date caches cleared per article)", "warm": "warm (caches kept)"}
# Triggers every lazy load (OpenCC, jieba's dictionary, dateparser, cn2an) with a date,
# places and numbers that the seeds do not contain, so it pre-fills no cache they use.
WARM_UP = "2019年3月5日，浙江省湖州市选派十二名干部赴四川省广元市开展东西部协作，投入资金一千万元。"
PARTS = ("normalise", "dates", "places", "direction", "events_for")
SCALES = (1, 4, 16)
LINE_UNIT = "上海市对口支援万州区"  # repeated with no punctuation: the hardening issue's worst case
LINE_CHARS = (25_000, 100_000)
MAX_PER_CHAR_RATIO = 1.5  # time per character at 4× the size may grow at most this much


# -- worker: one measurement in its own process -----------------------------------------


def _articles(path: Path) -> list[tuple[str, str, dt.date | None]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        out.append((rec["doc"], rec["text"], dt.date.fromisoformat(rec["pub"]) if rec["pub"] else None))
    return out


def _clear_date_caches() -> None:
    from timeline.dates import resolution

    resolution.dateparser_value.cache_clear()
    resolution._dateparser.cache_clear()


def _install_timers() -> dict[str, float]:
    """Wrap the stages of ``extract_events`` with timers (this process only); return the totals."""
    import geo.places.recognition
    import timeline.events.assembly

    totals = dict.fromkeys(PARTS, 0.0)
    targets = {
        "normalise": (timeline.events.assembly, "normalize"),
        "dates": (timeline.events.assembly, "find_dates_normalized"),
        # extract_events imports it from geo.places.recognition at each call, so the module attribute is what it gets.
        "places": (geo.places.recognition, "find_places_normalized"),
        "direction": (timeline.events.assembly, "pairs_in_sentence"),
        "events_for": (timeline.events.assembly, "_events_for"),
    }
    for part, (module, name) in targets.items():
        original = getattr(module, name)

        def timed(*args, _f=original, _part=part, **kwargs):
            t0 = time.perf_counter()
            try:
                return _f(*args, **kwargs)
            finally:
                totals[_part] += time.perf_counter() - t0

        setattr(module, name, timed)
    return totals


def _load(split: bool) -> tuple:
    t0 = time.perf_counter()
    from timeline.events.assembly import extract_events

    totals = _install_timers() if split else None
    extract_events(WARM_UP, doc="warm-up", publication_date=None)  # loads lazy data; not timed
    return extract_events, totals, time.perf_counter() - t0


def _passes(extract, totals, articles, *, cold: bool, min_passes: int, min_seconds: float) -> list[dict]:
    """Passes over ``articles`` until ``min_passes`` and ``min_seconds`` (of counted passes) are reached."""
    passes: list[dict] = []
    kept: list = []
    while len(passes) < min_passes or sum(p["seconds"] for p in passes[0 if cold else 1:]) < min_seconds:
        kept = []  # one pass's events stay in memory, as an app keeps them; the previous pass's are freed
        before = dict(totals) if totals is not None else {}
        seconds = cpu = 0.0
        for doc, text, pub in articles:
            if cold:
                _clear_date_caches()
            t0, c0 = time.perf_counter(), time.process_time()
            kept.append(extract(text, doc=doc, publication_date=pub))
            seconds += time.perf_counter() - t0
            cpu += time.process_time() - c0
        parts = {k: totals[k] - before[k] for k in totals} if totals is not None else {}
        passes.append({"seconds": seconds, "cpu": cpu, "events": sum(len(e) for e in kept), "parts": parts})
    return passes


def run_worker(mode: str, input_path: Path, *, split: bool, min_passes: int, min_seconds: float) -> dict:
    """Time ``extract_events`` over the articles in ``input_path`` in ``mode`` (cold or warm)."""
    articles = _articles(input_path)
    rss_start = rss_kib("VmRSS")
    extract, totals, load_s = _load(split)
    rss_loaded = rss_kib("VmRSS")
    passes = _passes(extract, totals, articles, cold=mode == "cold", min_passes=min_passes, min_seconds=min_seconds)
    counted = passes if mode == "cold" or len(passes) == 1 else passes[1:]
    seconds = sum(p["seconds"] for p in counted)
    return {
        "mode": mode, "split": split, "docs": len(articles), "chars": sum(len(t) for _, t, _ in articles),
        "bytes": sum(len(t.encode("utf-8")) for _, t, _ in articles), "events": passes[-1]["events"],
        "load_s": load_s, "passes": len(passes), "first_s": passes[0]["seconds"],
        "median_s": statistics.median(p["seconds"] for p in counted),
        "median_cpu_s": statistics.median(p["cpu"] for p in counted),
        "parts": {k: sum(p["parts"][k] for p in counted) / seconds for k in PARTS} if split else {},
        "rss_start_kib": rss_start, "rss_loaded_kib": rss_loaded, "rss_peak_kib": rss_kib(),
    }


def run_scaling_worker(input_path: Path, *, min_seconds: float) -> dict:
    """Each seed repeated k times as one article (cold): does the cost per character stay flat?"""
    seeds = _articles(input_path)
    extract, totals, _ = _load(True)
    rows = []
    for k in SCALES:
        articles = [(doc, "\n".join([text] * k), pub) for doc, text, pub in seeds]
        passes = _passes(extract, totals, articles, cold=True, min_passes=3, min_seconds=min_seconds)
        seconds = sum(p["seconds"] for p in passes)
        rows.append({
            "k": k, "chars": sum(len(t) for _, t, _ in articles), "events": passes[-1]["events"],
            "median_s": statistics.median(p["seconds"] for p in passes),
            "parts": {part: sum(p["parts"][part] for p in passes) / seconds for part in PARTS},
        })
    # One unpunctuated line (a page that lost its punctuation), 25,000 and 100,000 characters.
    line_rows = []
    for n in LINE_CHARS:
        articles = [("line", LINE_UNIT * (n // len(LINE_UNIT)), None)]
        passes = _passes(extract, totals, articles, cold=True, min_passes=3, min_seconds=min_seconds)
        line_rows.append({"chars": n, "events": passes[-1]["events"],
                          "median_s": statistics.median(p["seconds"] for p in passes)})
    # A page of long lists: sentences each naming 150 counties after an aid word (every pair of places is weighed
    # by the learned stage up to a bound per sentence), 25,000 and 100,000 characters.
    list_rows = []
    for n in LINE_CHARS:
        articles = [("lists", _list_page(n), None)]
        passes = _passes(extract, totals, articles, cold=True, min_passes=3, min_seconds=min_seconds)
        list_rows.append({"chars": n, "events": passes[-1]["events"],
                          "median_s": statistics.median(p["seconds"] for p in passes)})
    return {"rows": rows, "line_rows": line_rows, "list_rows": list_rows}


def _list_page(chars: int) -> str:
    """``chars`` characters of sentences 对口帮扶甲县、乙县、…。 of 150 counties each, from the gazetteer in its order."""
    import csv

    with open(REPO / "data" / "gazetteer.csv", encoding="utf-8") as f:
        names = [r["name"] for r in csv.DictReader(f) if r["name"].endswith("县")][:600]
    out, n = [], 0
    while sum(map(len, out)) < chars:
        out.append("对口帮扶" + "、".join(names[(n * 150) % 450:(n * 150) % 450 + 150]) + "。\n")
        n += 1
    return "".join(out)[:chars]


def linear_check(scaling: dict) -> list[tuple[str, float]]:
    """Time per character at 4× the size over time per character at 1×, for the seeds and the line."""
    def per_char(r: dict) -> float:
        return r["median_s"] / r["chars"]

    by_k = {r["k"]: r for r in scaling["rows"]}
    out = [("seeds repeated, k = 4 over k = 1", per_char(by_k[4]) / per_char(by_k[1]))]
    lines = scaling.get("line_rows", [])
    if len(lines) == 2:
        out.append((f"unpunctuated line, {lines[1]['chars']:,} over {lines[0]['chars']:,} chars",
                    per_char(lines[1]) / per_char(lines[0])))
    lists = scaling.get("list_rows", [])
    if len(lists) == 2:
        out.append((f"page of 150-county lists, {lists[1]['chars']:,} over {lists[0]['chars']:,} chars",
                    per_char(lists[1]) / per_char(lists[0])))
    return out


def run_profile(input_path: Path, top: int) -> None:
    """cProfile one cold pass over the input; print the top functions by own time."""
    import cProfile
    import pstats

    articles = _articles(input_path)
    extract, _, _ = _load(False)
    prof = cProfile.Profile()
    for doc, text, pub in articles:
        _clear_date_caches()
        prof.enable()
        extract(text, doc=doc, publication_date=pub)
        prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


# -- parent: inputs, subprocesses, report ------------------------------------------------


def prepare_inputs(corpus_bytes: int) -> dict[str, dict]:
    """Write the seeds and the corpus as JSON lines under bench/out/events/."""
    from bench.corpus import build_corpus
    from timeline.text.loading import load_paths

    from timeline.text.metadata import load_metadata

    seeds = [(d.doc, d.text, d.publication_date) for d in load_paths([REPO / "seeds"]).documents]
    realset_dir = REPO / "tests" / "data" / "realset"
    real = load_paths([realset_dir / "docs"], metadata=load_metadata(realset_dir / "meta.csv")).documents
    return {
        "seeds": write_jsonl(WORK / "seeds.jsonl", seeds),
        "realset": write_jsonl(WORK / "realset.jsonl", [(d.doc, d.text, d.publication_date) for d in real]),
        "corpus": write_jsonl(WORK / "corpus.jsonl", build_corpus(corpus_bytes, seed=0)),
    }


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def export_baseline(ref: str) -> Path:
    """The tree of git ``ref`` under bench/out/events/ (``git archive``), for a baseline in the same run."""
    import subprocess
    import tarfile

    root = WORK / f"baseline-{ref.replace('/', '_')}"
    if not root.exists():
        root.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", ref], cwd=REPO, check=True, capture_output=True).stdout
        import io

        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(root, filter="data")
    return root


def _baseline_lines(inputs: dict, runs: list, baseline: tuple[str, list] | None) -> list[str]:
    if not baseline:
        return []
    ref, base_runs = baseline
    this = {name: e2e for name, mode, e2e, _split in runs if mode == "cold"}
    lines = ["", f"Against the code of `{ref}` in the same run (cold, CPU time; > 1 is faster now):", "",
             "| Input | MB per CPU-s now | MB per CPU-s at baseline | Ratio |", "|---|--:|--:|--:|"]
    note = ("The baseline's code is `git archive` of the ref under bench/out/events/, timed by this same worker "
            "right after the runs above; absolute figures move with the machine's load, the ratio is the comparison.")
    for name, e2e in base_runs:
        now = this.get(name, {})
        if "error" in e2e or "error" in now or not now:
            lines.append(f"| {name} | not run: {e2e.get('error') or now.get('error', '')} |||")
            continue
        a = inputs[name]["bytes"] / now["median_cpu_s"] / 1e6
        b = inputs[name]["bytes"] / e2e["median_cpu_s"] / 1e6
        lines.append(f"| {name} | {a:.2f} | {b:.2f} | {a / b:.2f} |")
    return lines + ["", note]


def render(inputs: dict, runs: list[tuple[str, str, dict, dict]], scaling: dict, env: dict,
           baseline: tuple[str, list] | None = None) -> str:
    """The ``## Events`` section: throughput table, time shares, scaling, method notes."""
    lines = [
        "## Events", "",
        f"Measured {env['date']} with `{env.get('command', COMMAND)}`.",
        f"Machine: {env['machine']}. Python {env['python']}; {env['versions']}; {env['code']}.", "",
        "End to end: `timeline.events.assembly.extract_events(text, doc=..., publication_date=...)`, one article a call.", "",
        "| Input | Mode | Events | Articles/s | MB/s | MB per CPU-s | Chars/s | First pass chars/s | Passes | Load (s) | RSS loaded (MiB) | Peak RSS (MiB) |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, mode, e2e, _split in runs:
        inp = inputs[name]
        where = f"{name} ({inp['docs']} articles, {inp['bytes'] / 1e6:.2f} MB, {inp['chars']:,} chars)"
        if "error" in e2e:
            lines.append(f"| {where} | {MODES[mode]} | not run: {e2e['error']} ||||||||||")
            continue
        s = e2e["median_s"]
        lines.append(
            f"| {where} | {MODES[e2e['mode']]} | {e2e['events']:,} | {e2e['docs'] / s:,.1f} | {e2e['bytes'] / s / 1e6:.2f} | "
            f"{e2e['bytes'] / e2e['median_cpu_s'] / 1e6:.2f} | "
            f"{e2e['chars'] / s:,.0f} | {e2e['chars'] / e2e['first_s']:,.0f} | {e2e['passes']} | {e2e['load_s']:.2f} | "
            f"{mib(e2e['rss_loaded_kib'])} | {mib(e2e['rss_peak_kib'])} |")
    lines += _baseline_lines(inputs, runs, baseline)
    lines += [
        "", "Where the time goes (share of the timed `extract_events` calls, same passes as above, separate runs):", "",
        "| Input | Mode | Normalisation (shared) | Dates | Places | Assembly | of which: direction rules | event building | the rest |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, mode, _e2e, split in runs:
        if "error" in split:
            lines.append(f"| {name} | {MODES[mode]} | not run: {split['error']} |||||||")
            continue
        p = split["parts"]
        assembly = 1 - p["normalise"] - p["dates"] - p["places"]
        rest = assembly - p["direction"] - p["events_for"]
        lines.append(
            f"| {name} | {MODES[split['mode']]} | {_pct(p['normalise'])} | {_pct(p['dates'])} | {_pct(p['places'])} | "
            f"{_pct(assembly)} | {_pct(p['direction'])} | {_pct(p['events_for'])} | {_pct(rest)} |")
    if "error" in scaling:
        lines += ["", f"Long articles: not run: {scaling['error']}"]
    else:
        lines += [
            "", ("Long articles (cold): each seed repeated k times as one article. Flat chars/s would mean "
            "cost linear in the article's length:"), "",
            "| k | Chars | Events | Chars/s | Direction rules' share | ms per copy of a seed |",
            "|--:|--:|--:|--:|--:|--:|",
        ]
        for r in scaling["rows"]:
            lines.append(
                f"| {r['k']} | {r['chars']:,} | {r['events']:,} | {r['chars'] / r['median_s']:,.0f} | "
                f"{_pct(r['parts']['direction'])} | {1000 * r['median_s'] / (5 * r['k']):.1f} |")
        lines += ["", f"One line of `{LINE_UNIT}` repeated with no punctuation (cold):", "",
                  "| Chars | Events | Chars/s | Seconds |", "|--:|--:|--:|--:|"]
        for r in scaling.get("line_rows", []):
            lines.append(f"| {r['chars']:,} | {r['events']:,} | {r['chars'] / r['median_s']:,.0f} | {r['median_s']:.2f} |")
        lines += ["", "A page of sentences each listing 150 counties after 对口帮扶 (cold; the learned stage weighs at most "
                  "`timeline.events.learned.PAIRS_PER_SENTENCE` pairs a sentence):", "",
                  "| Chars | Events | Chars/s | Seconds |", "|--:|--:|--:|--:|"]
        for r in scaling.get("list_rows", []):
            lines.append(f"| {r['chars']:,} | {r['events']:,} | {r['chars'] / r['median_s']:,.0f} | {r['median_s']:.2f} |")
        lines += ["", f"Linear cost check (time per character at 4× the size ≤ {MAX_PER_CHAR_RATIO}× that at 1×):", ""]
        for name, ratio in linear_check(scaling):
            verdict = "ok" if ratio <= MAX_PER_CHAR_RATIO else "FAILS"
            lines.append(f"- {name}: {ratio:.2f}× — {verdict}")
    bare = min((e["rss_start_kib"] for _, _, e, _ in runs if "error" not in e), default=0)
    long_note = []
    if "error" not in scaling:
        first, last = scaling["rows"][0], scaling["rows"][-1]
        fall = first["chars"] / first["median_s"] / (last["chars"] / last["median_s"])

        def lexical_ms(r: dict) -> float:  # normalisation, dates and places, per copy of a seed
            share = r["parts"]["normalise"] + r["parts"]["dates"] + r["parts"]["places"]
            return 1000 * share * r["median_s"] / (5 * r["k"])

        long_note = [(
            f"- Long articles: from k = {first['k']} to k = {last['k']} chars/s falls {fall:.1f}×; normalisation, "
            f"dates and places take {lexical_ms(first):.1f} and {lexical_ms(last):.1f} ms per copy, the direction "
            f"rules' share goes from {_pct(first['parts']['direction'])} to {_pct(last['parts']['direction'])}."
            + (" For each sentence, and often each trigger word in it, the rules in timeline/events/direction.py and "
               "timeline/events/parties.py scan the article's whole list of place tokens (e.g. `list_after`, "
               "`_symmetric_pairs`, the `[t for t in tokens if ...]` filters), so their cost grows with "
               "sentences × tokens." if fall > 1.2 else "")
        )]
    lines += [
        "",
        ("- One subprocess per measurement, one after another. RSS is the child's own: VmRSS after "
        "loading, VmHWM for the peak (a child's `ru_maxrss` would include the parent's, inherited "
        f"across fork+exec). The interpreter with the input read is {mib(bare)} MiB of it. The events "
        "of a whole pass stay in memory, as the app keeps them."),
        ("- Load: import plus one untimed call on a sentence the seeds do not contain, which loads "
        "OpenCC, the gazetteer and automaton, jieba's dictionary (~90 MiB of the RSS), dateparser "
        "and cn2an. Only the `extract_events` calls are timed."),
        ("- MB is the UTF-8 size of the original text (10⁶ bytes), chars are Python characters. "
        "Articles/s, MB/s and chars/s use the median pass: cold, every pass (≥ 3 passes, ≥ 1 s); "
        "warm, the passes after the first. \"First pass\" is the first pass in the fresh process. "
         "A pass over the seeds takes ~40 ms: their figures are noisy (±10 %)."),
        ("- Caches: geo keeps none per text, so repeated paragraphs do not make places faster. The date "
        "grammar caches dateparser's reading of each Arabic-numeral date "
        "(`timeline.dates.resolution.dateparser_value`) and one dateparser per publication date "
        "(`_dateparser`); the corpus repeats the seeds' dates and publication dates, so warm runs "
        "hit almost always. Cold clears both before every article (untimed)."),
        ("- Shares: timers wrap, in the worker only, `normalize` (one normalisation serves dates and "
        "places), `find_dates_normalized`, `geo.places.recognition.find_places_normalized`, "
        "`pairs_in_sentence` (timeline/events/direction.py, the direction rules of each sentence with aid "
        "vocabulary) and `_events_for` (kind, amounts, date choice, evidence). Assembly is the rest of "
        "`extract_events`: the direction rules, event building, and \"the rest\" (tokens from places, "
        "sentence split, the article's pairs, filling open roles). The timers cost about 1 % "
        "(compare a shares run's total with its plain run)."),
        ("- seeds: the five articles in `seeds/` with the publication dates `timeline.text.loading.load_paths` "
        "reads from them. corpus: `bench.corpus.build_corpus(10_000_000, seed=0)`, shared with the "
        "dates and places benchmarks; it repeats seed paragraphs, so it tests throughput and memory, "
        "not quality (the gold tests do that)."),
        *long_note,
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_events", description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="update the ## Events section of docs/BENCHMARKS.md")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one cold corpus pass and stop")
    ap.add_argument("--corpus-bytes", type=int, default=10_000_000)
    ap.add_argument("--baseline", metavar="GIT_REF",
                    help="also time the code of GIT_REF (git archive) cold on the same inputs, in the same run")
    ap.add_argument("--code-root", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--worker", choices=[*MODES, "scaling"], help=argparse.SUPPRESS)
    ap.add_argument("--split", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--min-passes", type=int, default=3, help=argparse.SUPPRESS)
    ap.add_argument("--min-seconds", type=float, default=1.0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.code_root:  # a baseline's code, exported by --baseline: import timeline and geo from there
        sys.path.insert(0, str(args.code_root))
    if args.worker == "scaling":
        res = run_scaling_worker(args.input, min_seconds=args.min_seconds)
        args.result.write_text(json.dumps(res), encoding="utf-8")
        return 0
    if args.worker:
        res = run_worker(args.worker, args.input, split=args.split, min_passes=args.min_passes,
                         min_seconds=args.min_seconds)
        args.result.write_text(json.dumps(res), encoding="utf-8")
        return 0

    started = time.perf_counter()
    inputs = prepare_inputs(args.corpus_bytes)
    if args.profile:
        run_profile(inputs["corpus"]["path"], 40)
        return 0
    runs = []
    for name in inputs:
        for mode in MODES:
            measured = []
            for split in (False, True):
                print(f"... {mode} on {name}{' (shares)' if split else ''}", file=sys.stderr, flush=True)
                argv_ = ["--worker", mode, "--input", str(inputs[name]["path"])] + (["--split"] if split else [])
                result = WORK / f"result_{mode}_{name}{'_split' if split else ''}.json"
                measured.append(run_worker_process("bench.bench_events", argv_, result))
            runs.append((name, mode, *measured))
    baseline_runs = []
    if args.baseline:
        root = export_baseline(args.baseline)
        for name in inputs:
            print(f"... cold on {name} (baseline {args.baseline})", file=sys.stderr, flush=True)
            argv_ = ["--worker", "cold", "--input", str(inputs[name]["path"]), "--code-root", str(root)]
            baseline_runs.append((name, run_worker_process("bench.bench_events", argv_,
                                                          WORK / f"result_baseline_{name}.json")))
    print("... long articles", file=sys.stderr, flush=True)
    scaling = run_worker_process("bench.bench_events", ["--worker", "scaling", "--input", str(inputs["seeds"]["path"])],
                                 WORK / "result_scaling.json")
    libs = ("jieba", "pyahocorasick", "OpenCC", "dateparser", "cn2an")
    env = environment(libs, ["timeline", "geo", "data"])
    extra = (f" --corpus-bytes {args.corpus_bytes}" if args.corpus_bytes != 10_000_000 else "") + (
        f" --baseline {args.baseline}" if args.baseline else "")
    if extra:
        env["command"] = COMMAND + extra
    section = render(inputs, runs, scaling, env, baseline=(args.baseline, baseline_runs) if args.baseline else None)
    print(section)
    print(f"(whole run: {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.write:
        write_section(section)
    if "error" not in scaling and any(r > MAX_PER_CHAR_RATIO for _n, r in linear_check(scaling)):
        print("linear cost check failed: see the section above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
