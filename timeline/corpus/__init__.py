"""Corpora beyond one process: streaming extraction over many documents, in-process or on Dask.

Files are read and extracted in partitions on whatever worker runs them (:mod:`~timeline.corpus.work`);
:mod:`~timeline.corpus.engine` hands each document's result to a sink in corpus order as partitions
complete, so memory stays flat with corpus size; :mod:`~timeline.corpus.sinks` writes CSV or Parquet.
A bad file is reported by name and skipped; no good file is lost.
"""

from timeline.corpus.engine import RunStats, run_corpus
from timeline.corpus.errors import ClusterError, CorpusError
from timeline.corpus.files import iter_files, partition_files
from timeline.corpus.version import extractor_version
from timeline.corpus.work import DocumentResult, extract_file

__all__ = [
    "ClusterError", "CorpusError", "DocumentResult", "RunStats", "extract_file", "extractor_version",
    "iter_files", "partition_files", "run_corpus",
]
