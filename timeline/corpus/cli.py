"""``python -m timeline extract``: the events of a corpus, on one process or a Dask cluster.

``python -m timeline extract PATH... --out events.csv|events.parquet [--meta META.csv] [--workers N]
[--scheduler tcp://HOST:PORT]``. The options ``--workers``/``--scheduler`` are shared with
``library add`` (:func:`add_cluster_options`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from timeline.corpus.engine import run_corpus
from timeline.console import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, Outputs, check_writable, one_line, report
from timeline.corpus.files import find_files
from timeline.corpus.sinks import open_sink
from timeline.corpus.work import DocumentResult
from timeline.text.loading import LoadResult
from timeline.text.metadata import load_metadata

__all__ = ["add_cluster_options", "add_extract_parser", "progress_reporter", "run_extract"]

def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of workers; give 1 or more")
    return n


def add_cluster_options(parser: argparse.ArgumentParser) -> None:
    """``--workers N`` and ``--scheduler tcp://HOST:PORT``."""
    parser.add_argument("--workers", type=_positive, metavar="N",
                        help="worker processes of a local Dask cluster (default: one per core; 1: no cluster)")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="send the work to a running Dask cluster instead (its workers must see the files)")


def add_extract_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``extract`` to ``python -m timeline``'s subcommands; its handler is :func:`run_extract`."""
    extract = subparsers.add_parser("extract", help="donor → recipient events, as the CSV or Parquet timeline")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .html) or folders")
    extract.add_argument("--meta", metavar="META.csv", help="CSV with doc,url,title,publication_date")
    extract.add_argument("--out", required=True, metavar="events.csv",
                         help="where to write the timeline: .csv (Excel-safe) or .parquet")
    add_cluster_options(extract)
    extract.set_defaults(handler=run_extract)
    return extract


def progress_reporter(total_label: str = "articles") -> tuple[Callable[[int, int, str], None], Callable[[], None]]:
    """A progress callback and its closer: a tqdm bar on a terminal, else one ``[i/n] name`` line per file."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = None

        def update(i: int, n: int, name: str) -> None:
            nonlocal bar
            if bar is None:
                bar = tqdm(total=n, unit="doc", desc=total_label, file=sys.stderr)
            bar.update(i - bar.n)

        return update, lambda: bar.close() if bar is not None else None

    def line(i: int, n: int, name: str) -> None:
        print(f"[{i}/{n}] {name}", file=sys.stderr, flush=True)

    return line, lambda: None


def run_extract(args: argparse.Namespace, outputs: Outputs | None = None) -> int:
    """Extract ``args.paths`` into ``args.out``; returns the exit code.

    ``--out`` is tried before any work; every path not read is named on stderr with its reason, and so are
    ``--meta`` rows that name no article.
    """
    outputs = outputs or Outputs()
    check_writable(args.out)
    warnings: list[str] = []
    metadata = load_metadata(args.meta, warnings=warnings) if args.meta else None
    sources, errors, notes = find_files(args.paths)
    names = {s.doc for s in sources} | {s.path.name for s in sources}
    warnings += notes + [f"metadata: the row for {key!r} matches no article given; check its doc cell (the "
                         "file's name, or its path inside the folder)." for key in (metadata or {}) if key not in names]
    report(LoadResult(documents=[], errors=errors, warnings=warnings))
    if not sources:
        print("error: no article could be read; nothing written.", file=sys.stderr)
        return EXIT_USAGE
    sink = open_sink(args.out)
    progress, close = progress_reporter()

    def save(result: DocumentResult) -> None:
        if result.error:
            print(f"skipped: {one_line(result.error)}", file=sys.stderr, flush=True)
        sink(result)

    stats = None
    try:
        stats = run_corpus(sources, save, metadata=metadata, workers=args.workers, scheduler=args.scheduler,
                           progress=progress)
    finally:
        close()
        sink.finish(keep=bool(stats and stats.documents))
    if not stats.documents:
        print("error: no article could be read; nothing written.", file=sys.stderr)
        return EXIT_USAGE
    if args.out != "-":
        outputs.written.append(args.out)
    print(f"{stats.events} events ({stats.undated} with no stated year), {stats.rows} rows, "
          f"from {stats.documents} articles written to {args.out}", file=sys.stderr)
    return EXIT_PARTIAL if stats.errors or errors else EXIT_OK
