"""Running a corpus: partitions of files through workers, results to a sink in corpus order.

In-process when one worker is asked for (or the corpus is a single partition: starting processes would
cost more than it saves); otherwise on Dask — a ``LocalCluster`` of one single-threaded worker process per
core, or the cluster whose scheduler address is given. At most a few partitions per worker are in flight,
and a partition's results are handed to the sink as soon as every partition before it has been, so the
driver holds a bounded amount whatever the corpus size.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline.corpus.files import PARTITION_BYTES, partition_files, source_of
from timeline.text.loading import SourceFile
from timeline.corpus.work import DocumentResult, extract_partition
from timeline.text.loading import DEFAULT_MAX_BYTES
from timeline.text.metadata import DocumentMeta

__all__ = ["RunStats", "run_corpus", "default_workers"]

Sink = Callable[[DocumentResult], None]
Progress = Callable[[int, int, str], None]
IN_FLIGHT_PER_WORKER = 2


@dataclass
class RunStats:
    """What a run did: documents read, files skipped (with their messages), events and rows."""

    documents: int = 0
    events: int = 0
    undated: int = 0
    rows: int = 0
    errors: list[str] | None = None
    workers: int = 1

    def add(self, result: DocumentResult) -> None:
        if result.error:
            self.errors = [*(self.errors or []), result.error]
        else:
            self.documents += 1
            self.events += result.n_events
            self.undated += result.n_undated
            self.rows += len(result.rows)


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _metadata_for(part: Sequence[tuple[int, SourceFile]], metadata: dict[str, DocumentMeta]) -> dict[str, DocumentMeta]:
    """Each document's ``--meta`` row, by its name, else by its file's name."""
    found = {}
    for _, s in part:
        key = s.doc if s.doc in metadata else s.path.name if s.path.name in metadata else None
        if key is not None:
            found[s.doc] = metadata[key]
    return found


def _work(part: Sequence[tuple[int, SourceFile]], *, absolute: bool = False) -> list[tuple[int, str, str]]:
    return [(i, str(s.path.absolute() if absolute else s.path), s.doc) for i, s in part]


def run_corpus(
    files: Iterable[SourceFile | str | Path],
    sink: Sink,
    *,
    metadata: dict[str, DocumentMeta] | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    keep_text: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    partition_bytes: int = PARTITION_BYTES,
    progress: Progress | None = None,
) -> RunStats:
    """Extract every file and give each :class:`DocumentResult` to ``sink``, in the order of ``files``.

    Parameters:
        files: the files to read (see :func:`~timeline.corpus.files.iter_files` for folders).
        sink: called on this process once per file, in order, as partitions complete.
        workers: worker processes of the local cluster (default: one per core); 1 runs in this process.
        scheduler: ``tcp://HOST:PORT`` of a running Dask scheduler; its workers must see the same files.
        keep_text: also return each document's text (the library stores it).
        progress: ``progress(done, total, name)`` after each file.

    Raises:
        ClusterError: the cluster cannot be started or reached.
    """
    files = [source_of(f) for f in files]
    metadata = metadata or {}
    parts = list(partition_files(files, max_bytes=partition_bytes))
    stats = RunStats()
    done = 0

    def deliver(results: list[DocumentResult]) -> None:
        nonlocal done
        for result in results:
            stats.add(result)
            sink(result)
            done += 1
            if progress is not None:
                progress(done, len(files), result.name)

    n = default_workers() if workers is None else workers
    if scheduler is None and (n <= 1 or len(parts) <= 1):
        for part in parts:
            deliver(extract_partition(_work(part), _metadata_for(part, metadata),
                                      keep_text=keep_text, max_bytes=max_bytes))
        return stats
    from timeline.corpus.cluster import dask_client  # imports distributed: only when a cluster is used

    with dask_client(n, scheduler) as client:
        stats.workers = len(client.scheduler_info().get("workers", {})) or n
        _run_on_dask(client, parts, metadata, deliver, keep_text=keep_text, max_bytes=max_bytes,
                     in_flight=max(2, IN_FLIGHT_PER_WORKER * stats.workers))
    return stats


def _run_on_dask(client, parts, metadata, deliver, *, keep_text: bool, max_bytes: int, in_flight: int) -> None:
    from distributed import as_completed

    queue = iter(enumerate(parts))
    index_of: dict = {}
    finished: dict[int, list[DocumentResult]] = {}  # done, waiting for an earlier partition
    next_out = 0
    pending = as_completed()

    def top_up() -> None:
        # Never more than `in_flight` partitions running, nor more than that many waiting for an earlier
        # one: a slow partition holds the others back instead of letting results pile up here.
        while pending.count() < in_flight and len(finished) < in_flight:
            item = next(queue, None)
            if item is None:
                return
            k, part = item
            fut = client.submit(extract_partition, _work(part, absolute=True),
                                _metadata_for(part, metadata), keep_text=keep_text, max_bytes=max_bytes, pure=False)
            index_of[fut.key] = k
            pending.add(fut)

    top_up()
    for fut in pending:
        k = index_of.pop(fut.key)
        try:
            finished[k] = fut.result()
        except Exception as err:  # noqa: BLE001 — a worker died on this partition: report its files, go on
            finished[k] = [DocumentResult(index=i, name=s.doc, path=str(s.path),
                                          error=f"{s.doc}: its worker failed ({type(err).__name__}: {err}); "
                                                "run it again alone to see why.") for i, s in parts[k]]
        fut.release()
        while next_out in finished:
            deliver(finished.pop(next_out))
            next_out += 1
        top_up()
