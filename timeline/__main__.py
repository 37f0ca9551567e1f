"""Command line for Pairing Atlas' timeline.

``python -m timeline dates PATH... [--meta META.csv] --out dates.csv``
    every time expression, with offsets, precision and basis.
``python -m timeline extract PATH... [--meta META.csv] --out events.csv|events.parquet [--workers N]``
    donor → recipient events: one row per event × donor × recipient (:mod:`timeline.corpus.cli`).
``python -m timeline library add|list|remove|export``
    the library of documents and their events (:mod:`timeline.library.cli`).
``python -m timeline train-pairs SET... --out data/pair_model.json``
    fit the learned pair model on annotated sets (:mod:`timeline.events.training`).

Exit codes: 0 all files read; 1 some files could not be read (each named on
stderr; the others are in the output); 2 bad usage or nothing could be read;
130 interrupted (Ctrl-C); 141 the reader of the output pipe went away.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from geo.errors import GeoError
from timeline.console import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, Outputs, check_writable, report, run, write_rows
from timeline.corpus.cli import add_extract_parser
from timeline.errors import TimelineError
from timeline.library.cli import add_library_parser
from timeline.views.labels import header_aliases
from timeline.events.export import DATE_COLUMNS, dates_to_rows, with_document_cells
from timeline.text.loading import LoadResult, load_paths
from timeline.text.metadata import load_metadata


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m timeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dates = sub.add_parser("dates", help="every time expression in the articles, as CSV")
    dates.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    dates.add_argument("--meta", metavar="META.csv", help="CSV with doc,url,title,publication_date")
    dates.add_argument("--out", required=True, metavar="dates.csv", help="where to write the CSV (- for stdout)")
    add_extract_parser(sub)
    add_library_parser(sub, header_aliases=header_aliases())
    train = sub.add_parser("train-pairs", help="fit the learned pair model on annotated sets of real articles")
    train.add_argument("sets", nargs="+", metavar="SET", help="folders with docs/, meta.csv and gold_events.csv")
    train.add_argument("--out", required=True, metavar="pair_model.json", help="where to write the model")
    train.set_defaults(handler=_cmd_train)
    return parser


def _cmd_train(args: argparse.Namespace) -> int:
    from pathlib import Path

    from timeline.events.training import train

    check_writable(args.out)
    model = train([Path(s) for s in args.sets], Path(args.out))
    print(f"{len(model.weights)} weights from {len(args.sets)} annotated sets written to {args.out}", file=sys.stderr)
    return EXIT_OK


def _load(args: argparse.Namespace, progress=None) -> LoadResult:
    """Check ``--out``, read ``--meta`` and the articles, and report what was not read."""
    check_writable(args.out)
    meta_warnings: list[str] = []
    metadata = load_metadata(args.meta, warnings=meta_warnings) if args.meta else None
    loaded = load_paths(args.paths, metadata=metadata, progress=progress)
    loaded.warnings[:0] = meta_warnings
    report(loaded)
    return loaded


def _cmd_dates(args: argparse.Namespace, outputs: Outputs) -> int:
    from timeline.dates.engine import find_dates_in_document

    loaded = _load(args)
    if not loaded.documents:
        print("error: no article could be read; nothing written.", file=sys.stderr)
        return EXIT_USAGE
    rows = []
    for document in loaded.documents:
        rows.extend(dates_to_rows(find_dates_in_document(document)))
    write_rows(args.out, with_document_cells(rows, loaded.documents), DATE_COLUMNS, outputs)
    print(f"{len(rows)} time expressions from {len(loaded.documents)} articles written to {args.out}",
          file=sys.stderr)
    return EXIT_PARTIAL if loaded.errors else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    def guarded(outputs: Outputs) -> int:
        try:
            if args.command == "dates":
                return _cmd_dates(args, outputs)
            return args.handler(args)  # extract, library: their own modules
        except (TimelineError, GeoError) as err:
            print(f"error: {err}", file=sys.stderr)
            return EXIT_USAGE

    return run(guarded)


if __name__ == "__main__":
    sys.exit(main())
