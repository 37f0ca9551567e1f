"""What keeping a corpus in the library costs: ``library add`` against ``extract`` on the same files, a re-run
that finds everything already there, and ``library export``.

    .venv/bin/python -m bench.bench_library            # 5 MB; print the Markdown section
    .venv/bin/python -m bench.bench_library --write    # and update "## Library" in docs/BENCHMARKS.md

Input: the corpus of :mod:`bench.bench_corpus` (``--mb``, default 5). Every command is one subprocess, one
after another, with ``--workers 1`` so the ratios compare the same single process doing more or less work.
"""

from __future__ import annotations

import argparse
import sys
import time

from bench.bench_corpus import WORK, build, load_average, run_child
from bench.common import environment, mib, write_section

COMMAND = ".venv/bin/python -m bench.bench_library --write"


def section(rows: list[dict], figures: dict, mb: int, size: int, env: dict) -> str:
    base = rows[0]["wall"]
    lines = [
        "## Library", "",
        f"Measured {env['date']} with `{COMMAND}`.",
        f"Machine: {env['machine']}. Python {env['python']}; {env['versions']}; {env['code']}.", "",
        f"Input: {mb} MB, {figures['docs']:,} articles (the corpus of `bench.bench_corpus`). One subprocess per "
        "command, one after another, all `--workers 1`.", "",
        "| Command | Wall (s) | vs extract | Peak RSS (MiB) | Load average at start |", "|---|--:|--:|--:|---|",
    ]
    lines += [f"| `{r['command']}` | {r['wall']:.1f} | {r['wall'] / base:.2f}× | {mib(r['driver_kib'])} | {r['load']} |"
              for r in rows]
    lines += ["", f"- The library file after the add: {size / 2**20:.0f} MiB (texts and event rows).",
              "- The first `library add` on a new file also adds the five seeds (inside the timed run).",
              "- The re-run reads and hashes every file, finds every one there (same bytes, same extractor "
              "version) and sends nothing to extraction.",
              "- The machine is shared: see the load average; re-run on a quiet machine before judging ratios."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_library", description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=int, default=5, help="corpus size in MB (default 5)")
    ap.add_argument("--write", action="store_true", help="update ## Library in docs/BENCHMARKS.md")
    args = ap.parse_args(argv)
    folder, figures = build(args.mb)
    lib = WORK / f"library_{args.mb}mb.duckdb"
    for f in (lib, lib.with_name(lib.name + ".wal")):
        f.unlink(missing_ok=True)
    meta = str(folder / "meta.csv")
    commands = [
        ("extract FOLDER --out events.parquet", ["extract", str(folder), "--meta", meta, "--out",
                                                 str(WORK / "lib_events.parquet"), "--workers", "1"]),
        ("library add FOLDER (new library)", ["library", "add", str(folder), "--meta", meta, "--library", str(lib),
                                              "--workers", "1"]),
        ("library add FOLDER (again: all there)", ["library", "add", str(folder), "--meta", meta, "--library",
                                                   str(lib), "--workers", "1"]),
        ("library export --out events.csv", ["library", "export", "--out", str(WORK / "lib_events.csv"),
                                             "--library", str(lib)]),
        ("library export --out events.parquet", ["library", "export", "--out", str(WORK / "lib_events.parquet"),
                                                 "--library", str(lib)]),
    ]
    rows = []
    for label, argv_ in commands:
        load = load_average()
        start = time.perf_counter()
        result = run_child(argv_)
        result["wall"] = time.perf_counter() - start
        print(f"{label}: {result['wall']:.1f} s; {result['summary']}", file=sys.stderr)
        rows.append({"command": label, "load": load, **result})
    text = section(rows, figures, args.mb, lib.stat().st_size, environment(["duckdb", "pyarrow"], ["timeline"]))
    print(text)
    if args.write:
        write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
