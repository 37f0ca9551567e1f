"""Speed and memory of the date grammar against dateparser and JioNLP, in one run.

    .venv/bin/python -m bench.bench_dates            # print the Markdown table
    .venv/bin/python -m bench.bench_dates --write    # and update "## Dates" in docs/BENCHMARKS.md
    .venv/bin/python -m bench.bench_dates --profile  # where find_dates spends its time (10 MB corpus)

Every (library, input) pair runs in its own subprocess (`--worker`), one after another, so
each peak RSS (VmHWM of that child) belongs to one library. A worker reads its input
as JSON lines, times only the extraction calls, and keeps every result in memory as an app
would. Needs the benchmark extras: ``pip install -e .[bench]``.
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

WORK = REPO / "bench" / "out" / "dates"
COMMAND = ".venv/bin/python -m bench.bench_dates --write"
LIBRARIES = {  # key -> (label in the table, distribution whose version is reported)
    "ours": ("timeline `find_dates`", "pairing-atlas"),
    "dateparser": ("dateparser `search_dates`", "dateparser"),
    "dateparser-base": ("dateparser `search_dates` + `RELATIVE_BASE`", "dateparser"),
    "jionlp": ("JioNLP `extract_time`", "jionlp"),
}
TARGETS = {"dateparser": 10.0, "dateparser-base": 10.0, "jionlp": 2.0}  # find_dates must be this many times faster
PEAK_LIMIT_MIB = 200
WARM_UP = ("2018年5月9日，去年9月，我们到了成都。", dt.date(2018, 5, 9))


# -- worker: one library, one input, in its own process ---------------------------------


def _extractor(lib: str):
    """Import ``lib`` and return ``call(text, doc, publication_date) -> list``."""
    if lib == "ours":
        from timeline.dates.engine import find_dates

        return lambda text, doc, pub: find_dates(text, doc=doc, publication_date=pub)
    if lib == "dateparser":  # the call issue 2 names
        from dateparser.search import search_dates

        return lambda text, doc, pub: search_dates(text, languages=["zh"]) or []
    if lib == "dateparser-base":
        from dateparser.search import search_dates

        def call(text, doc, pub):
            # The reference date find_dates gets, not the clock. It also makes dateparser
            # ~1.4x faster: cProfile shows ~1/3 fewer fragments parsed on the seeds.
            settings = {"RELATIVE_BASE": dt.datetime.combine(pub, dt.time())} if pub else None
            return search_dates(text, languages=["zh"], settings=settings) or []

        return call
    if lib == "jionlp":
        import jionlp

        def call(text, doc, pub):
            # time_base None is JioNLP's default: the clock.
            base = dt.datetime.combine(pub, dt.time()) if pub else None
            return jionlp.ner.extract_time(text, time_base=base)

        return call
    raise ValueError(f"unknown library {lib!r}; use one of {', '.join(LIBRARIES)}")


def _articles(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            pub = dt.date.fromisoformat(rec["pub"]) if rec["pub"] else None
            yield rec["doc"], rec["text"], pub


def run_worker(lib: str, input_path: Path, *, min_passes: int, min_seconds: float,
               time_limit: float) -> dict:
    """Time ``lib`` over the articles in ``input_path``; return figures as a dict.

    Passes repeat until both ``min_passes`` and ``min_seconds`` are reached; a pass stops
    early (and is marked truncated) once its extraction time exceeds ``time_limit``.
    """
    rss_start = rss_kib()
    try:
        call = _extractor(lib)
    except ImportError as err:
        return {"lib": lib, "error": f"cannot import: {err}"}
    rss_import = rss_kib()
    call(WARM_UP[0], "warm-up", WARM_UP[1])  # loads lazy data; not timed
    passes: list[dict] = []
    results: list = []
    while len(passes) < min_passes or sum(p["seconds"] for p in passes) < min_seconds:
        results = []  # one pass's results stay in memory; the previous pass's are freed
        chars = docs = found = errors = 0
        seconds = 0.0
        truncated = False
        for doc, text, pub in _articles(input_path):
            t0 = time.perf_counter()
            try:
                out = call(text, doc, pub)
            except Exception as err:  # a baseline crashing on one article is a finding, not a stop
                out = []
                errors += 1
                print(f"{lib}: {doc}: {type(err).__name__}: {err}", file=sys.stderr)
            seconds += time.perf_counter() - t0
            results.append(out)
            chars += len(text)
            docs += 1
            found += len(out)
            if seconds > time_limit:
                truncated = True
                break
        passes.append({"chars": chars, "docs": docs, "seconds": seconds, "found": found,
                       "errors": errors, "truncated": truncated})
        if truncated:
            break
    rates = [p["chars"] / p["seconds"] for p in passes if p["seconds"] > 0]
    return {
        "lib": lib, "passes": passes, "chars_per_s": statistics.median(rates) if rates else 0.0,
        "rss_start_kib": rss_start, "rss_import_kib": rss_import, "rss_peak_kib": rss_kib(),
        "kept_results": len(results),
    }


# -- parent: inputs, subprocesses, report ------------------------------------------------


def prepare_inputs(corpus_bytes: int, sample_bytes: int) -> dict[str, dict]:
    """Write the seeds, the corpus sample and the corpus as JSON lines under bench/out/."""
    from bench.corpus import build_corpus, seed_articles

    corpus = build_corpus(corpus_bytes, seed=0)
    sample, size = [], 0
    for art in corpus:  # the corpus is already shuffled: its head is a fixed, mixed sample
        if size >= sample_bytes:
            break
        sample.append(art)
        size += len(art[1].encode("utf-8"))
    return {
        "seeds": write_jsonl(WORK / "seeds.jsonl", seed_articles()),
        "sample": write_jsonl(WORK / "sample.jsonl", sample),
        "corpus": write_jsonl(WORK / "corpus.jsonl", corpus),
    }


def measure(lib: str, inp: dict, *, min_passes: int, min_seconds: float, time_limit: float) -> dict:
    """Run one worker subprocess and return its figures (or ``{"lib": ..., "error": ...}``)."""
    worker_args = ["--worker", lib, "--input", str(inp["path"]), "--min-passes", str(min_passes),
                   "--min-seconds", str(min_seconds), "--time-limit", str(time_limit)]
    return {"lib": lib, **run_worker_process("bench.bench_dates", worker_args,
                                             WORK / f"result_{lib}_{inp['path'].stem}.json")}


def render(inputs: dict, runs: list[tuple[str, dict]], env: dict, args) -> str:
    """The ``## Dates`` section: table, targets, method notes."""
    ours = {name: r for name, r in runs if r["lib"] == "ours" and "error" not in r}
    lines = [
        "## Dates", "",
        f"Measured {env['date']} with `{COMMAND}` (needs `pip install -e .[bench]`).",
        f"Machine: {env['machine']}. Python {env['python']}; {env['versions']}; {env['code']}.", "",
        "| Input | Library | Chars per pass | Passes | Chars/s | find_dates is × faster "
        "| Found | RSS after import (MiB) | Peak RSS (MiB) |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, r in runs:
        inp = inputs[name]
        where = f"{name} ({inp['docs']} articles, {inp['bytes'] / 1e6:.2f} MB)"
        label = LIBRARIES[r["lib"]][0]
        if "error" in r:
            lines.append(f"| {where} | {label} | not run: {r['error']} |||||||")
            continue
        p = r["passes"][-1]
        note = " (time limit hit)" if p["truncated"] else ""
        ratio = "" if r["lib"] == "ours" or name not in ours else \
            f"{ours[name]['chars_per_s'] / r['chars_per_s']:.1f}×"
        err = f" ({p['errors']} errors)" if p["errors"] else ""
        lines.append(
            f"| {where} | {label} | {p['chars']:,}{note} | {len(r['passes'])} | "
            f"{r['chars_per_s']:,.0f} | {ratio} | {p['found']:,}{err} | "
            f"{mib(r['rss_import_kib'])} | {mib(r['rss_peak_kib'])} |")
    bare = min((r["rss_start_kib"] for _, r in runs if "error" not in r), default=0)
    lines += ["", "| Target | Measured | Result |", "|---|---|---|"]
    for lib, times in TARGETS.items():
        for name, r in runs:
            if r["lib"] == lib and "error" not in r and name in ours:
                x = ours[name]["chars_per_s"] / r["chars_per_s"]
                lines.append(f"| ≥ {times:g}× {LIBRARIES[lib][0]} chars/s ({name}) | {x:.1f}× | "
                             f"{'pass' if x >= times else 'FAIL'} |")
    for name, r in ours.items():
        peak = r["rss_peak_kib"] / 1024
        lines.append(f"| find_dates peak RSS < {PEAK_LIMIT_MIB} MiB ({name}) | {peak:.0f} MiB | "
                     f"{'pass' if peak < PEAK_LIMIT_MIB else 'FAIL'} |")
    lines += [
        "",
        f"- One subprocess per row, run one after another; RSS is the child's VmHWM (its "
        "`ru_maxrss` would include the parent's RSS, inherited across fork+exec). The interpreter "
        f"with this harness is {mib(bare)} MiB; \"RSS after import\" adds the library's import, "
        "before any call; the peak adds lazily loaded data and every result of the pass kept in memory.",
        "- Only the extraction calls are timed (after one untimed warm-up call). Chars/s is the "
        f"median over passes; on the seeds every library, and on the sample find_dates, repeats "
        f"until ≥ {args.min_passes} passes and ≥ {args.min_seconds:g} s; the other rows are one pass.",
        f"- seeds: the five articles in `seeds/`. sample: the first {inputs['sample']['docs']} "
        f"articles of the synthetic corpus (≥ {args.sample_bytes // 1000} KB); the baselines run on "
        f"it instead of the whole corpus to keep the run short (time limit {args.time_limit:g} s a "
        "pass). corpus: all of `bench.corpus.build_corpus(10_000_000, seed=0)`, find_dates only. "
        "The corpus repeats seed paragraphs, so it tests throughput and memory, not coverage.",
        "- dateparser runs twice: as issue 2 names it (`search_dates(text, languages=['zh'])`) and "
        "with `settings={'RELATIVE_BASE': <publication date>}` where known, which is ~1.4× faster. "
        "JioNLP gets `time_base` = the publication date where known (else its default, the clock). "
        "\"Found\" counts what each returns; quality is compared on the gold set (issue 2), not here.",
        "",
    ]
    return "\n".join(lines)


def profile(corpus_path: Path, top: int = 15) -> None:
    """Print cProfile's top functions and each rule's regex time over the corpus."""
    import cProfile
    import pstats

    from timeline.dates.engine import find_dates
    from timeline.text.normalization import normalize
    from timeline.dates.patterns import RULES

    articles = list(_articles(corpus_path))
    prof = cProfile.Profile()
    prof.enable()
    for doc, text, pub in articles:
        find_dates(text, doc=doc, publication_date=pub)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)
    texts = [normalize(t).text for _, t, _ in articles]
    per_rule = []
    for rule in RULES:
        rx = rule.compile()
        t0 = time.perf_counter()
        n = sum(1 for t in texts for _ in rx.finditer(t))
        per_rule.append((time.perf_counter() - t0, rule.name, n))
    total = sum(s for s, _, _ in per_rule)
    print(f"regex time per rule ({len(RULES)} rules, {total:.2f} s in all):")
    for s, name, n in sorted(per_rule, reverse=True)[:top]:
        print(f"  {s:6.2f} s  {100 * s / total:4.1f}%  {name:<28} {n:>8,} matches")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_dates", description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="update the ## Dates section of docs/BENCHMARKS.md")
    ap.add_argument("--profile", action="store_true", help="profile find_dates on the corpus and stop")
    ap.add_argument("--corpus-bytes", type=int, default=10_000_000)
    ap.add_argument("--sample-bytes", type=int, default=500_000, help="corpus sample for the baselines")
    ap.add_argument("--time-limit", type=float, default=180.0, help="seconds per baseline pass")
    ap.add_argument("--min-passes", type=int, default=3)
    ap.add_argument("--min-seconds", type=float, default=3.0)
    ap.add_argument("--worker", choices=list(LIBRARIES), help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        res = run_worker(args.worker, args.input, min_passes=args.min_passes,
                         min_seconds=args.min_seconds, time_limit=args.time_limit)
        args.result.write_text(json.dumps(res), encoding="utf-8")
        return 0

    started = time.perf_counter()
    inputs = prepare_inputs(args.corpus_bytes, args.sample_bytes)
    if args.profile:
        profile(inputs["corpus"]["path"])
        return 0
    repeat = {"min_passes": args.min_passes, "min_seconds": args.min_seconds, "time_limit": args.time_limit}
    once = {"min_passes": 1, "min_seconds": 0.0, "time_limit": args.time_limit}
    plan = [("seeds", lib, repeat) for lib in LIBRARIES]
    plan += [("sample", "ours", repeat)] + [("sample", lib, once) for lib in LIBRARIES if lib != "ours"]
    plan += [("corpus", "ours", {**once, "time_limit": float("inf")})]
    runs = []
    for name, lib, opts in plan:
        print(f"... {lib} on {name}", file=sys.stderr, flush=True)
        runs.append((name, measure(lib, inputs[name], **opts)))
    section = render(inputs, runs, environment(("dateparser", "jionlp", "jiojio"), ["timeline"]), args)
    print(section)
    print(f"(whole run: {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.write:
        write_section(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
