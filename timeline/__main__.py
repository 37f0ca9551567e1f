"""Command line for Pairing Atlas' timeline.

``python -m timeline dates PATH... [--meta META.csv] --out dates.csv``
    every time expression, with offsets, precision and basis.
``python -m timeline extract PATH... [--meta META.csv] --out events.csv|events.parquet [--workers N]``
    donor → recipient events: one row per event × donor × recipient (:mod:`timeline.corpus.cli`).
``python -m timeline library add|list|remove|export``
    the library of documents and their events (:mod:`timeline.library.cli`).

Exit codes: 0 all files read; 1 some files could not be read (the others are
in the output); 2 bad usage or nothing could be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from timeline.dates.engine import find_dates_in_document
from timeline.corpus.cli import add_extract_parser
from timeline.errors import TimelineError
from timeline.library.cli import add_library_parser
from timeline.events.export import DATE_COLUMNS, dates_to_rows, write_csv
from timeline.text.loading import load_paths
from timeline.text.metadata import load_metadata

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dates = sub.add_parser("dates", help="every time expression in the articles, as CSV")
    dates.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    dates.add_argument("--meta", metavar="META.csv", help="CSV with doc,url,title,publication_date")
    dates.add_argument("--out", required=True, metavar="dates.csv", help="where to write the CSV")
    add_extract_parser(sub)
    add_library_parser(sub)
    return parser


def _write(path: str, rows: list[dict], columns) -> bool:
    try:
        write_csv(path, rows, columns)
    except OSError as err:
        print(f"error: cannot write {path} ({err.strerror}).", file=sys.stderr)
        return False
    return True


def _cmd_dates(args: argparse.Namespace) -> int:
    metadata = load_metadata(args.meta) if args.meta else None
    loaded = load_paths(args.paths, metadata=metadata)
    for err in loaded.errors:
        print(f"skipped: {err}", file=sys.stderr)
    if not loaded.documents:
        print("error: no article could be read; nothing written.", file=sys.stderr)
        return EXIT_USAGE
    rows = []
    for document in loaded.documents:
        rows.extend(dates_to_rows(find_dates_in_document(document)))
    if not _write(args.out, rows, DATE_COLUMNS):
        return EXIT_USAGE
    print(f"{len(rows)} time expressions from {len(loaded.documents)} articles written to {args.out}")
    return EXIT_PARTIAL if loaded.errors else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "dates":
            return _cmd_dates(args)
        if hasattr(args, "handler"):  # extract, library: their own modules
            return args.handler(args)
    except TimelineError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
