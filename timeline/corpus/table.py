"""A timeline's rows as an Arrow table: its schema, and a view that reads such a table as row dicts.

A worker sends a partition's rows back to the driver as one table (:class:`PackedResults`) rather than
thousands of dicts: the table pickles as a few buffers, so neither side spends time on the dicts, and
the Parquet sink writes it as it is. Whoever wants dicts (the CSV sink, the library) reads
:class:`RowTable` like a list of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.export import EVENT_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa

    from timeline.corpus.work import DocumentResult

__all__ = ["EVENT_TYPES", "PackedResults", "RowTable", "event_schema", "pack_results"]

# The column types of the timeline (CSV cells are text; Parquet and the library keep these).
EVENT_TYPES = {c: "int64" if c in INT_COLUMNS else "float64" if c in FLOAT_COLUMNS else "string"
               for c in EVENT_COLUMNS}

_COLUMNS = frozenset(EVENT_COLUMNS)


def event_schema(columns: Sequence[str] = EVENT_COLUMNS) -> pa.Schema:
    """The Arrow schema of ``columns`` (a column the timeline does not type is text)."""
    import pyarrow as pa

    types = {"int64": pa.int64(), "float64": pa.float64(), "string": pa.string()}
    return pa.schema([(c, types[EVENT_TYPES.get(c, "string")]) for c in columns])


class RowTable(Sequence):
    """An Arrow table of timeline rows, read as a list of row dicts (converted on first use)."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table
        self._rows: list[dict[str, object]] | None = None

    def _dicts(self) -> list[dict[str, object]]:
        if self._rows is None:
            self._rows = self.table.to_pylist()
        return self._rows

    def __len__(self) -> int:
        return self.table.num_rows

    def __getitem__(self, i):
        return self._dicts()[i]

    def __iter__(self) -> Iterator[dict[str, object]]:
        return iter(self._dicts())

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return f"RowTable({self.table.num_rows} rows)"


@dataclass
class PackedResults:
    """A partition's results for the trip from a worker: each document without its rows, and all the rows
    in one table, ``counts[k]`` of them for ``results[k]``, in order."""

    results: list[DocumentResult]
    table: pa.Table
    counts: list[int]

    def unpack(self) -> list[DocumentResult]:
        """The results again, each with its rows (a zero-copy slice of the table)."""
        start = 0
        for result, n in zip(self.results, self.counts):
            result.rows = RowTable(self.table.slice(start, n))
            start += n
        return self.results


def pack_results(results: list[DocumentResult]) -> PackedResults | list[DocumentResult]:
    """``results`` with their rows in one Arrow table; as they are if a row does not fit the schema (a
    value of another type than its column's), so that nothing is lost or changed on the way."""
    import pyarrow as pa

    rows = [row for r in results for row in r.rows]
    if any(row.keys() != _COLUMNS for row in rows):
        return results  # a column the schema would drop, or add
    try:
        table = pa.Table.from_pylist(rows, schema=event_schema())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return results
    counts = [len(r.rows) for r in results]
    for r in results:
        r.rows = []
    return PackedResults(results=results, table=table, counts=counts)
