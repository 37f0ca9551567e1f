"""Date quality on the gold set: our grammar against dateparser and JioNLP, on the same spans.

Run: ``.venv/bin/python -m bench.quality_dates [--write]`` (needs ``pip install -e .[bench]``).

Every library reads the five seeds with the publication date as its reference. A found span
counts when its offsets equal a gold span's. "Year right" is over the spans found; an
invented year is a year given to a gold span whose year is empty (not stated, or a relative
expression in an article with no date). dateparser's ``search_dates`` returns text without
offsets: each span is located by searching forward from the previous one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO)]  # gold, and bench.common when run as a file

from bench.common import write_section  # noqa: E402
from gold import load_gold, score_dates  # noqa: E402
from timeline import find_dates_in_document, load_paths  # noqa: E402

SECTION = "## Date quality on the gold set"


def _ours(documents) -> list[dict]:
    out = []
    for d in documents:
        for m in find_dates_in_document(d):
            out.append({"doc": d.doc, "start": m.start, "end": m.end, "year": m.year, "month": m.month,
                        "day": m.day, "end_month": m.end_month, "end_day": m.end_day})
    return out


def _dateparser(documents) -> list[dict]:
    from dateparser.search import search_dates

    out = []
    for d in documents:
        settings = {}
        if d.publication_date:
            settings["RELATIVE_BASE"] = dt.datetime.combine(d.publication_date, dt.time())
        pos = 0
        for text, value in search_dates(d.text, languages=["zh"], settings=settings) or []:
            start = d.text.find(text, pos)
            if start < 0:
                continue
            pos = start + len(text)
            out.append({"doc": d.doc, "start": start, "end": pos, "year": value.year, "month": value.month,
                        "day": value.day, "end_month": None, "end_day": None})
    return out


def _jionlp(documents) -> list[dict]:
    import jionlp

    out = []
    for d in documents:
        base = time.mktime((d.publication_date or dt.date.today()).timetuple())
        for r in jionlp.ner.extract_time(d.text, time_base=base, with_parsing=True):
            times = (r.get("detail") or {}).get("time") or []
            first = times[0] if isinstance(times, list) and times and isinstance(times[0], str) else ""
            year = int(first[:4]) if first[:4].isdigit() else None
            out.append({"doc": d.doc, "start": r["offset"][0], "end": r["offset"][1], "year": year,
                        "month": int(first[5:7]) if first[5:7].isdigit() else None,
                        "day": int(first[8:10]) if first[8:10].isdigit() else None, "end_month": None, "end_day": None})
    return out


def _overlap_f1(found: list[dict], gold: list[dict]) -> float:
    """F1 where a found span matches a gold span it overlaps (one to one): forgiving of span conventions."""
    used: set[int] = set()
    hits = 0
    for f in found:
        for i, g in enumerate(gold):
            if i not in used and g["doc"] == f["doc"] and g["start"] < f["end"] and f["start"] < g["end"]:
                used.add(i)
                hits += 1
                break
    p = hits / len(found) if found else 0.0
    r = hits / len(gold) if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def table() -> str:
    documents = load_paths([REPO / "seeds"]).documents
    gold = load_gold("dates.jsonl")
    rows = [("timeline `find_dates`", _ours)]
    rows.append(("dateparser `search_dates` + `RELATIVE_BASE`", _dateparser))
    rows.append(("JioNLP `extract_time` (time_base = publication date)", _jionlp))
    lines = ["| Library | Found | Span precision | Span recall | Span F1 | F1, overlapping spans | "
             "Year right (of found) | Invented years |",
             "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for name, run in rows:
        try:
            found = run(documents)
        except ImportError as err:
            lines.append(f"| {name} | not installed ({err.name}) | | | | | | |")
            continue
        s = score_dates(found, gold)
        lines.append(f"| {name} | {len(found)} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} | "
                     f"{_overlap_f1(found, gold):.2f} | {s.year_accuracy:.2f} | {len(s.invented_years)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"replace the '{SECTION}' section of docs/BENCHMARKS.md")
    args = parser.parse_args()
    body = table()
    section = (
        f"{SECTION}\n\nMeasured {dt.date.today().isoformat()} with `.venv/bin/python -m bench.quality_dates --write` "
        "on the hand-annotated gold (`tests/data/gold/dates.jsonl`, 89 time expressions in the five seeds). "
        "Span columns match offsets exactly; the overlap column forgives span conventions (以来 in or out). "
        "JioNLP reports offsets; dateparser's spans are located in the text. Year right and invented "
        "years are over exact matches. The gold was annotated to the conventions our grammar follows, so our "
        "row is an upper bound; articles nobody has seen are the real test.\n\n" + body + "\n"
    )
    print(section)
    if args.write:
        write_section(section)


if __name__ == "__main__":
    main()
