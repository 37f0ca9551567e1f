"""Where a corpus run's rows go as partitions complete: an Excel-safe CSV appended in order, or Parquet.

Both write to ``<out>.partial`` and rename it to ``<out>`` only when the run finishes, so a crash or a
run that read nothing never leaves a half-written file under the name asked for.
"""

from __future__ import annotations

import csv
import sys
import os
from collections.abc import Sequence
from pathlib import Path

from timeline.corpus.errors import OutputError
from timeline.corpus.work import DocumentResult
from timeline.events.export import EVENT_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, neutralise

__all__ = ["EVENT_TYPES", "CsvSink", "ParquetSink", "open_sink", "PARQUET_SUFFIXES"]

PARQUET_SUFFIXES = (".parquet", ".pq")
_INT, _FLOAT = INT_COLUMNS, FLOAT_COLUMNS
# The column types of the timeline (CSV cells are text; Parquet and the library keep these).
EVENT_TYPES = {c: "int64" if c in _INT else "float64" if c in _FLOAT else "string" for c in EVENT_COLUMNS}


class _Sink:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")

    def _fail(self, err: OSError) -> OutputError:
        return OutputError(f"cannot write {self.path} ({err.strerror or err}); check the folder exists and "
                           "you may write there.")

    def __call__(self, result: DocumentResult) -> None:
        if result.rows:
            try:
                self.write(result.rows)
            except OSError as err:
                raise self._fail(err) from err

    def write(self, rows: list[dict[str, object]]) -> None:
        raise NotImplementedError

    def finish(self, *, keep: bool) -> None:
        """Close; move the file into place when ``keep``, else remove it."""
        try:
            self.close()
            if keep:
                os.replace(self.partial, self.path)
            else:
                self.partial.unlink(missing_ok=True)
        except OSError as err:
            raise self._fail(err) from err

    def close(self) -> None:
        raise NotImplementedError


class CsvSink(_Sink):
    """The timeline CSV (UTF-8 with BOM, formulas defused), one partition's rows appended at a time."""

    def __init__(self, path: str | Path, columns: Sequence[str] = EVENT_COLUMNS) -> None:
        super().__init__(path)
        self.columns = tuple(columns)
        try:
            self.fh = self.partial.open("w", encoding="utf-8", newline="")
        except OSError as err:
            raise self._fail(err) from err
        self.fh.write("\ufeff")
        self.writer = csv.writer(self.fh, lineterminator="\r\n")
        self.writer.writerow(self.columns)

    def write(self, rows: list[dict[str, object]]) -> None:
        self.writer.writerows([neutralise(row.get(c)) for c in self.columns] for row in rows)

    def close(self) -> None:
        self.fh.close()


class StdoutSink(CsvSink):
    """The timeline CSV on standard output (``--out -``), without the BOM a file for Excel gets."""

    def __init__(self, columns: Sequence[str] = EVENT_COLUMNS) -> None:  # noqa: D107 — no file to rename
        self.path = Path("-")
        self.columns = tuple(columns)
        self.fh = sys.stdout
        self.writer = csv.writer(self.fh, lineterminator="\r\n")
        self.writer.writerow(self.columns)

    def finish(self, *, keep: bool) -> None:
        self.fh.flush()


class ParquetSink(_Sink):
    """One Parquet file, a row group per batch of documents (so pandas, DuckDB and Spark read it whole)."""

    ROW_GROUP = 4_096  # rows buffered as dicts on the driver: keep it small (memory), not tiny (file size)

    def __init__(self, path: str | Path, columns: Sequence[str] = EVENT_COLUMNS) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        super().__init__(path)
        self.pa = pa
        self.schema = pa.schema([(c, pa.int64() if t == "int64" else pa.float64() if t == "float64" else pa.string())
                                 for c, t in ((c, EVENT_TYPES.get(c, "string")) for c in columns)])
        self.buffer: list[dict[str, object]] = []
        try:
            self.writer = pq.ParquetWriter(self.partial, self.schema, compression="zstd")
        except OSError as err:
            raise self._fail(err) from err

    def write(self, rows: list[dict[str, object]]) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= self.ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            self.writer.write_table(self.pa.Table.from_pylist(self.buffer, schema=self.schema))
            self.buffer = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


# Names that promise a format these sinks do not write: refused rather than filled with CSV.
OTHER_FORMATS = (".xlsx", ".xls", ".json", ".jsonl", ".html", ".htm", ".geojson")


def open_sink(path: str | Path, *, columns: Sequence[str] = EVENT_COLUMNS) -> CsvSink | ParquetSink:
    """A Parquet sink for ``.parquet``/``.pq``, standard output for ``-``, else a CSV sink; of ``columns``.

    Raises:
        OutputError: the file cannot be created, or its name asks for another format (``.xlsx``, ``.json``…).
    """
    name = str(path).lower()
    if name == "-":
        return StdoutSink(columns)
    if name.endswith(OTHER_FORMATS):
        raise OutputError(f"{path}: the timeline is written as .csv (opens in Excel) or .parquet; "
                          "give --out a name ending in one of them.")
    return ParquetSink(path, columns) if name.endswith(PARQUET_SUFFIXES) else CsvSink(path, columns)
