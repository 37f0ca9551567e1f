"""``python -m timeline library add|list|remove|export``: the library from the terminal.

``library add PATH... [--meta META.csv] [--workers N] [--scheduler tcp://HOST:PORT]``
    read files and folders into the library; files already there (same bytes, same extractor) are skipped.
``library list``                         the documents, with their event counts.
``library remove DOC``                   a document (by name or the start of its id) and its events.
``library export --out FILE.csv|FILE.parquet``   every event row, as the timeline CSV or Parquet, corrected
    (the ``corrected`` column names the fields people corrected).
``library correct FILE.csv [--dry-run] [--note TEXT] [--author NAME]``
    apply an edited events CSV (or a corrections CSV from ``export-corrections``): lists every change, then
    applies all of them, or none when a row is invalid (exit 2). ``--dry-run`` only lists them. Rows that
    match no event are listed, and the exit code is then 1.
``library corrections [--doc DOC] [--orphaned]``  the corrections (audit), newest first.
``library undo ID``                      undo one correction (its id, or the first 6+ characters).
``library export-corrections --out FILE.csv``     every correction, for ``library correct`` elsewhere.

Every subcommand takes ``--library FILE`` (else ``$PAIRING_ATLAS_LIBRARY``, else the user's data folder)
and ``--wait SECONDS``, how long to wait for another program using the library.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timeline.corpus.cli import add_cluster_options, progress_reporter
from timeline.library.errors import CorrectionError
from timeline.library.store import ENV_VAR, Library, library_path

# The handlers import DuckDB, Arrow and the extraction when they run: building this parser (every
# `python -m timeline` command does) stays cheap.

__all__ = ["add_library_parser", "SEEDS"]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def add_library_parser(subparsers, *, header_aliases: dict[str, str] | None = None) -> argparse.ArgumentParser:
    """Add ``library`` and its subcommands to ``python -m timeline``; each sets ``handler``.

    ``header_aliases`` (column label → machine name) lets ``library correct`` read the app's CSV headers
    (the labels live in :mod:`timeline.views.labels`, above this layer)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="FILE",
                        help=f"the library file (default: ${ENV_VAR}, else {library_path(environ={})})")
    common.add_argument("--wait", type=float, default=30.0, metavar="SECONDS",
                        help="how long to wait while another program uses the library (default 30)")
    library = subparsers.add_parser("library", help="the library: documents and their events, kept on disk")
    sub = library.add_subparsers(dest="library_command", required=True)
    add = sub.add_parser("add", parents=[common], help="read articles into the library")
    add.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .html) or folders")
    add.add_argument("--meta", metavar="META.csv", help="CSV with doc,url,title,publication_date")
    add_cluster_options(add)
    add.set_defaults(handler=_add)
    sub.add_parser("list", parents=[common], help="the documents and their event counts").set_defaults(
        handler=_list)
    remove = sub.add_parser("remove", parents=[common], help="remove a document and its events")
    remove.add_argument("doc", metavar="DOC", help="the document's name, or the start of its id")
    remove.set_defaults(handler=_remove)
    export = sub.add_parser("export", parents=[common], help="every event row, as CSV or Parquet")
    export.add_argument("--out", required=True, metavar="FILE.csv", help="FILE.csv (Excel-safe) or FILE.parquet")
    export.set_defaults(handler=_export)
    correct = sub.add_parser("correct", parents=[common],
                             help="apply an edited events CSV, or a corrections CSV, as corrections")
    correct.add_argument("file", metavar="FILE.csv", help="the events CSV (edited) or a corrections CSV")
    correct.add_argument("--dry-run", action="store_true", help="list the changes, apply nothing")
    correct.add_argument("--note", default="", help="a note kept with each correction")
    correct.add_argument("--author", default="", help="who corrects (kept with each correction)")
    correct.set_defaults(handler=_correct, header_aliases=dict(header_aliases or {}))
    audit = sub.add_parser("corrections", parents=[common], help="the corrections, newest first")
    audit.add_argument("--doc", help="only this document's (its name or doc_id)")
    audit.add_argument("--orphaned", action="store_true", help="only those whose event is no longer found")
    audit.set_defaults(handler=_corrections)
    undo = sub.add_parser("undo", parents=[common], help="undo one correction")
    undo.add_argument("correction_id", metavar="ID", help="the correction's id (6+ first characters)")
    undo.set_defaults(handler=_undo)
    out = sub.add_parser("export-corrections", parents=[common], help="every correction, as CSV")
    out.add_argument("--out", required=True, metavar="FILE.csv", help="where to write the CSV")
    out.set_defaults(handler=_export_corrections)
    return library


def _open(args: argparse.Namespace) -> Library:
    from timeline.library.ingest import ensure_seeded

    library = Library(library_path(args.library), wait=args.wait)
    report = ensure_seeded(library, SEEDS)
    if report is not None:
        print(f"new library {library.path}: added the {len(report.added)} seed articles", file=sys.stderr)
    return library


def _add(args: argparse.Namespace) -> int:
    from timeline.library.ingest import add_paths
    from timeline.text.metadata import load_metadata

    metadata = load_metadata(args.meta) if args.meta else None
    library = _open(args)
    progress, close = progress_reporter()

    def tell(result, saved) -> None:
        if result.error:
            print(f"skipped: {result.error}", file=sys.stderr, flush=True)

    try:
        report = add_paths(library, args.paths, metadata=metadata, workers=args.workers, scheduler=args.scheduler,
                           progress=progress, on_result=tell)
    finally:
        close()
    for name, existing in report.duplicates:
        print(f"skipped: {name} has the same text as {existing}, already in the library", file=sys.stderr)
    saved = len(report.added) + len(report.replaced)
    print(f"{saved} articles saved to {library.path} ({len(report.added)} new, {len(report.replaced)} replaced), "
          f"{report.events} events, {report.rows} rows; {len(report.unchanged)} unchanged, skipped")
    if report.errors and not (saved or report.unchanged or report.duplicates):
        return EXIT_USAGE
    return EXIT_PARTIAL if report.errors else EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from timeline.library.documents import list_documents

    library = _open(args)
    with library.session() as con:
        docs = list_documents(con)
    if not docs:
        print(f"{library.path} holds no documents; add some with 'python -m timeline library add PATH'.")
        return EXIT_OK
    print(f"{'id':12}  {'rows':>5}  {'undated':>7}  {'published':10}  {'source':6}  name — title")
    for d in docs:
        date = d.publication_date.isoformat() if d.publication_date else "?"
        title = f" — {d.title[:40]}" if d.title else ""
        print(f"{d.doc_id[:12]}  {d.n_rows:>5}  {d.n_undated:>7}  {date:10}  {d.source:6}  {d.name}{title}")
    print(f"{len(docs)} documents, {sum(d.n_rows for d in docs)} event rows in {library.path}")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    from timeline.library.documents import remove_document

    library = _open(args)
    with library.session() as con:
        name, n = remove_document(con, args.doc)
    print(f"removed {name} and its {n} event rows from {library.path}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from timeline.corpus.sinks import open_sink
    from timeline.library.documents import LIBRARY_COLUMNS, iter_event_rows

    library = _open(args)
    sink = open_sink(args.out, columns=LIBRARY_COLUMNS)
    n = 0
    try:
        with library.session() as con:
            for rows in iter_event_rows(con):
                sink.write(rows)
                n += len(rows)
    finally:
        sink.finish(keep=True)
    print(f"{n} event rows written to {args.out}")
    return EXIT_OK


def _correct(args: argparse.Namespace) -> int:
    from timeline.library import corrections

    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise CorrectionError(f"cannot read {path} ({err.strerror or err}); check the path.") from err
    header, rows = corrections.read_table(raw, path.name, aliases=args.header_aliases)
    library = _open(args)
    with library.session() as con:
        plan = corrections.plan_corrections(con, header, rows, name=path.name)
        for line in plan.preview():
            print(line)
        if plan.already:
            print(f"{plan.already} corrections of {path.name} are already in the library")
        if args.dry_run:
            print(f"dry run: {len(plan.changes) + len(plan.imported)} corrections would be applied, "
                  f"{len(plan.unmatched)} rows match no event; nothing written")
            return EXIT_PARTIAL if plan.unmatched else EXIT_OK
        n = corrections.commit(con, plan, note=args.note, author=args.author)
        orphans = len(corrections.list_corrections(con, orphaned_only=True))
    print(f"{n} corrections applied to {library.path} from {path.name} ({plan.rows} rows read, "
          f"{len(plan.unmatched)} match no event)" + (f"; {orphans} corrections are orphaned (their event is no "
                                                      "longer found): 'library corrections --orphaned'" if orphans else ""))
    return EXIT_PARTIAL if plan.unmatched else EXIT_OK


def _corrections(args: argparse.Namespace) -> int:
    from timeline.library import corrections
    from timeline.library.cells import shown_value

    library = _open(args)
    with library.session() as con:
        records = corrections.list_corrections(con, doc=args.doc, orphaned_only=args.orphaned)
    for r in records:
        state = r.status + (", orphaned" if r.orphaned else "")
        note = f" — {r.note}" if r.note else ""
        print(f"{r.correction_id}  {r.created_at:%Y-%m-%d %H:%M}  {r.author or '-'}  {r.doc} {r.event_id} "
              f"{r.field}: {shown_value(r.old_value)} → {shown_value(r.new_value)}  [{state}]{note}")
    print(f"{len(records)} corrections in {library.path}")
    return EXIT_OK


def _undo(args: argparse.Namespace) -> int:
    from timeline.library import corrections
    from timeline.library.cells import shown_value

    library = _open(args)
    with library.session() as con:
        r = corrections.undo(con, args.correction_id)
    print(f"undone {r.correction_id}: {r.doc} {r.event_id} {r.field} shows {shown_value(r.old_value)} again "
          "(unless an older correction of it is active)")
    return EXIT_OK


def _export_corrections(args: argparse.Namespace) -> int:
    from timeline.events.export import write_text
    from timeline.library import corrections

    library = _open(args)
    with library.session() as con:
        text = corrections.corrections_csv(con)
    write_text(args.out, text)
    print(f"{text.count(chr(10)) - 1} corrections written to {args.out}")
    return EXIT_OK
