"""Benchmark: place recognition speed and peak memory, ours vs cpca, plus geocode lookups/s.

    .venv/bin/python bench/bench_places.py [--mb 10]

Each system runs in its own child process so its peak RSS (ru_maxrss, which
includes the interpreter and the loaded tables) is its own. Corpora: the five
seeds as they are, and a synthetic corpus of >= --mb MB made by repeating the
seeds (articles kept whole, joined by blank lines). Prints a Markdown table
for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

CHILD = r'''
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {root!r})
from pathlib import Path
seeds = [p.read_text(encoding="utf-8") for p in sorted(Path({root!r}, "seeds").glob("*.txt"))]
target = {mb} * 1_000_000
docs = list(seeds)
size = sum(len(d.encode("utf-8")) for d in docs)
if {mb} > 0:
    while size < target:
        docs.extend(seeds); size += sum(len(d.encode("utf-8")) for d in seeds)
chars = sum(len(d) for d in docs)
system = {system!r}
t0 = time.perf_counter()
if system == "ours":
    from geo import find_places
    find_places("预热:平昌县")  # load tables and the segmenter outside the timing
    t1 = time.perf_counter()
    n = sum(len(find_places(d)) for d in docs)
elif system == "cpca":
    import cpca
    cpca.transform(["平昌县"])
    t1 = time.perf_counter()
    # cpca reads addresses line by line; give it each line of each article.
    lines = [l for d in docs for l in d.splitlines() if l.strip()]
    n = int(cpca.transform(lines).notna().any(axis=1).sum())
elif system == "geocode":
    from geo import geocode
    from geo.gazetteer import load_gazetteer
    names = sorted(load_gazetteer().names)
    geocode("平昌")
    t1 = time.perf_counter()
    n = 0
    for name in names:
        n += geocode(name) is not None
    chars = len(names)
t2 = time.perf_counter()
print(json.dumps({{"system": system, "chars": chars, "bytes": size, "found": n, "load_s": t1 - t0, "run_s": t2 - t1,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
'''


def run(system: str, mb: float) -> dict:
    code = CHILD.format(root=str(ROOT), mb=mb, system=system)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0, help="size of the synthetic corpus in MB (UTF-8)")
    args = ap.parse_args()
    print("| corpus | system | chars | mentions/rows | load s | run s | chars/s | peak MiB |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, mb in (("5 seeds", 0), (f"synthetic >= {args.mb:g} MB", args.mb)):
        for system in ("ours", "cpca"):
            r = run(system, mb)
            print(f"| {label} | {system} | {r['chars']:,} | {r['found']:,} | {r['load_s']:.2f} | {r['run_s']:.2f} | {r['chars'] / r['run_s']:,.0f} | {r['peak_mib']:.0f} |")
    g = run("geocode", 0)
    print()
    print(f"geocode: {g['chars']:,} distinct names looked up in {g['run_s']:.2f} s = {g['chars'] / g['run_s']:,.0f} lookups/s "
          f"({g['found']:,} found), peak {g['peak_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
