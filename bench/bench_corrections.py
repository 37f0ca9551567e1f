"""What corrections cost the read path: reading every row of a library with no corrections, against the same
library holding many, and checking plus applying an edited CSV of that many changes.

    .venv/bin/python -m bench.bench_corrections            # print the Markdown section
    .venv/bin/python -m bench.bench_corrections --write    # and update "## Corrections" in docs/BENCHMARKS.md

The library is the seeds, their event rows copied (``--copies``) under shifted offsets so each copy is a
row of its own; one row in ``--every`` gets a people correction. In-process, one measurement after another.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import tempfile
import time
from pathlib import Path

from bench.common import environment, write_section
from timeline.library import Library, ensure_seeded, event_rows
from timeline.library.corrections import commit, plan_corrections, read_table

COMMAND = ".venv/bin/python -m bench.bench_corrections --write"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def timed(fn):
    gc.collect()
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_corrections", description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=600, help="copies of the seeds' rows (default 600)")
    ap.add_argument("--every", type=int, default=10, help="correct one row in this many (default 10)")
    ap.add_argument("--write", action="store_true", help="update ## Corrections in docs/BENCHMARKS.md")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(Path(tmp) / "bench.duckdb")
        ensure_seeded(library, SEEDS)
        with library.session() as con:
            con.execute(f"""INSERT INTO events SELECT e.* REPLACE (
                e.char_start + 100000 * c.i AS char_start, e.char_end + 100000 * c.i AS char_end,
                substr(md5(e.event_id || c.i::VARCHAR), 1, 12) AS event_id)
                FROM events e, range(1, {args.copies}) c(i)""")
            n_rows = con.execute("SELECT count(*) FROM events").fetchone()[0]
        plain, rows = timed(lambda: _read(library))
        edited = [{"event_id": r["event_id"], "people": (r["people"] or 0) + 1} for r in rows[::args.every]]
        buf = io.StringIO()
        writer = csv.DictWriter(buf, ["event_id", "people"])
        writer.writeheader()
        writer.writerows(edited)
        raw = buf.getvalue().encode("utf-8")

        def correct():
            header, table = read_table(raw, "edited.csv")
            with library.session() as con:
                return commit(con, plan_corrections(con, header, table))

        applying, n = timed(correct)
        corrected, _ = timed(lambda: _read(library))
    env = environment(["duckdb", "pyarrow"], ["timeline"])
    lines = [
        "## Corrections", "",
        f"Measured {env['date']} with `{COMMAND}`.",
        f"Machine: {env['machine']}. Python {env['python']}; {env['versions']}; {env['code']}.", "",
        f"Input: a library of {n_rows:,} event rows (the seeds' rows, {args.copies} copies); {n:,} corrections "
        f"(one row in {args.every}). In-process, one after another.", "",
        "| Step | Wall (s) | vs reading with none |", "|---|--:|--:|",
        f"| read every row, no corrections | {plain:.2f} | 1.00× |",
        f"| read every row, {n:,} corrections laid over | {corrected:.2f} | {corrected / plain:.2f}× |",
        f"| `correct`: read, check and apply an edited CSV of {n:,} changes | {applying:.2f} | "
        f"{applying / plain:.2f}× |", "",
        "- The machine's 2 cores are shared: the ratios, measured in one run, are the result.",
    ]
    section = "\n".join(lines) + "\n"
    print(section)
    if args.write:
        write_section(section)
    return 0


def _read(library: Library) -> list[dict]:
    with library.session() as con:
        return event_rows(con)


if __name__ == "__main__":
    raise SystemExit(main())
