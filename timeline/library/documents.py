"""Documents and their events in the library: save, list, find, remove, read back.

Functions take an open connection (see :class:`~timeline.library.store.Library`). A document is
identified by the SHA-256 of its bytes (``doc_id``) and named by its file name (``name``, the ``doc`` of
its events). Saving a document replaces one of the same name (a new version of the file), and skips one
whose content is already in the library under another name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

import pyarrow as pa

from timeline.corpus.work import DocumentResult
from timeline.events.export import EVENT_COLUMNS
from timeline.library.errors import UnknownDocumentError
from timeline.library.overlay import CORRECTED, Keyer, active_corrections, apply_corrections
from timeline.library.schema import DOCUMENT_CELLS, EVENT_SQL_TYPES
from timeline.text.document import Document

__all__ = [
    "ARROW_TYPES", "LIBRARY_COLUMNS", "DocumentInfo", "corrected_rows_by_position", "revision", "Known", "Saved", "Source", "document_of", "event_rows", "find_document", "iter_event_rows",
    "known_documents", "list_documents", "remove_document", "save_result", "setting", "set_setting",
]

# The timeline's columns as the library gives them: the export's, and which fields people corrected.
LIBRARY_COLUMNS = (*EVENT_COLUMNS, CORRECTED)
# The Arrow type of each SQL type of the events table (rows go in and out of DuckDB as Arrow tables).
ARROW_TYPES = {"BIGINT": pa.int64(), "DOUBLE": pa.float64(), "VARCHAR": pa.string()}
_EVENT_SCHEMA = pa.schema([("doc_id", pa.string()), ("row_number", pa.int32()),
                           *((c, ARROW_TYPES[t]) for c, t in EVENT_SQL_TYPES.items()),
                           ("extractor_version", pa.string())])
_COLS = ", ".join(f'"{c}"' for c in _EVENT_SCHEMA.names)
_SELECT_ROWS = ", ".join(f'd."{c}"' if c in DOCUMENT_CELLS else f'e."{c}"' for c in EVENT_COLUMNS)


class Source(StrEnum):
    """Where a document came from."""

    SEED = "seed"
    FILE = "file"  # library add
    UPLOAD = "upload"  # the app's uploader
    PASTE = "paste"  # text pasted in the app


class Saved(StrEnum):
    """What saving a document did."""

    ADDED = "added"
    REPLACED = "replaced"  # a document of the same name, or the same text read by an older extractor
    DUPLICATE = "duplicate"  # the same text is already there under another name: nothing saved


@dataclass(frozen=True)
class DocumentInfo:
    """A row of ``library list``."""

    doc_id: str
    name: str
    title: str
    url: str
    publication_date: dt.date | None
    publication_date_source: str
    source: str
    added_at: dt.datetime
    n_events: int
    n_rows: int
    n_undated: int
    extractor_version: str
    chars: int


def setting(con, key: str) -> str | None:
    row = con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return None if row is None else row[0]


def set_setting(con, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", [key, value])


@dataclass(frozen=True)
class Known:
    """What the library holds for a doc_id, for deciding what to skip and what to keep."""

    name: str
    extractor_version: str
    publication_date: dt.date | None
    title: str
    url: str
    edited_at: dt.datetime | None  # set when a user edited the title, url or date (the app)


def known_documents(con) -> dict[str, Known]:
    """doc_id → :class:`Known`, for every document."""
    return {r[0]: Known(*r[1:]) for r in con.execute(
        "SELECT doc_id, name, extractor_version, publication_date, title, url, edited_at FROM documents").fetchall()}


def save_result(con, result: DocumentResult, *, source: Source | str, now: dt.datetime,
                edited_at: dt.datetime | None = None) -> Saved:
    """Save one extracted document and its rows in one transaction.

    A document of the same name (or the same text under the same name) is replaced; the same text under
    another name, read by this extractor version, is left alone (:attr:`Saved.DUPLICATE`). ``edited_at``
    carries a user's edit over to the new row (the document was read again with the edited values).
    """
    doc = result.document
    if doc is None:
        raise ValueError(f"{result.name}: nothing to save ({result.error or 'no document'})")
    con.execute("BEGIN TRANSACTION")
    try:
        found = con.execute("SELECT doc_id, name, extractor_version FROM documents WHERE doc_id = ? UNION "
                            "SELECT doc_id, name, extractor_version FROM documents WHERE name = ?",
                            [result.content_hash, doc.doc]).fetchall()  # two index lookups, not a scan
        if any(d == result.content_hash and n != doc.doc and v == result.extractor_version for d, n, v in found):
            con.execute("ROLLBACK")
            return Saved.DUPLICATE
        old = [d for d, _n, _v in found]
        for doc_id in old:
            con.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
            con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
        con.execute(
            "INSERT INTO documents (doc_id, name, text, title, url, publication_date, publication_date_source, "
            "source, source_path, extractor_version, added_at, n_events, edited_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [result.content_hash, doc.doc, doc.text, doc.title, doc.url, doc.publication_date,
             doc.publication_date_source, str(source), doc.source_path, result.extractor_version, now,
             result.n_events, edited_at])
        _insert_rows(con, result.content_hash, result.rows, result.extractor_version)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return Saved.REPLACED if old else Saved.ADDED


def replace_events(con, doc_id: str, result: DocumentResult) -> None:
    """Replace a document's events (and its event count) by ``result``'s, e.g. after its date was edited.
    The caller holds the transaction."""
    con.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
    _insert_rows(con, doc_id, result.rows, result.extractor_version)
    con.execute("UPDATE documents SET n_events = ?, extractor_version = ? WHERE doc_id = ?",
                [result.n_events, result.extractor_version, doc_id])


def _insert_rows(con, doc_id: str, rows: list[dict[str, object]], version: str) -> None:
    if not rows:
        return
    table = pa.Table.from_pylist(
        [{**row, "doc_id": doc_id, "row_number": i, "extractor_version": version} for i, row in enumerate(rows)],
        schema=_EVENT_SCHEMA)
    con.register("new_event_rows", table)
    try:
        con.execute(f"INSERT INTO events ({_COLS}) SELECT {_COLS} FROM new_event_rows")
    finally:
        con.unregister("new_event_rows")


def list_documents(con) -> list[DocumentInfo]:
    """Every document with its counts, seeds first, then in the order they were added."""
    rows = con.execute("""
        SELECT d.doc_id, d.name, d.title, d.url, d.publication_date, d.publication_date_source, d.source,
               d.added_at, d.n_events, coalesce(c.n, 0), coalesce(c.undated, 0), d.extractor_version,
               length(d.text)
        FROM documents d LEFT JOIN (
            SELECT doc_id, count(*) AS n, count(*) FILTER (WHERE "year" IS NULL) AS undated
            FROM events GROUP BY doc_id) c USING (doc_id)
        ORDER BY d.source <> 'seed', d.added_at, d.name""").fetchall()
    return [DocumentInfo(*r) for r in rows]


def find_document(con, key: str) -> tuple[str, str]:
    """(doc_id, name) of the document named ``key``, or whose doc_id starts with ``key`` (8+ characters).

    Raises:
        UnknownDocumentError: none, or several, match.
    """
    rows = con.execute("SELECT doc_id, name FROM documents WHERE name = ?", [key]).fetchall()
    if not rows and len(key) >= 8:
        rows = con.execute("SELECT doc_id, name FROM documents WHERE starts_with(doc_id, ?)", [key.lower()]
                           ).fetchall()
    if len(rows) == 1:
        return rows[0]
    if not rows:
        raise UnknownDocumentError(f"no document {key!r} in the library; 'library list' shows their names.",
                                   code="library.unknown_document", key=key)
    raise UnknownDocumentError(f"{key!r} names {len(rows)} documents; give more of the id "
                               "('library list' shows them).", code="library.ambiguous_document", key=key,
                               n=len(rows))


def remove_document(con, key: str) -> tuple[str, int]:
    """Remove a document and its events; returns (its name, the number of event rows removed).

    Raises:
        UnknownDocumentError: no such document.
    """
    doc_id, name = find_document(con, key)
    con.execute("BEGIN TRANSACTION")
    try:
        n = con.execute("SELECT count(*) FROM events WHERE doc_id = ?", [doc_id]).fetchone()[0]
        con.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
        con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return name, n


def document_of(con, name: str) -> Document | None:
    """The stored :class:`Document` named ``name`` (its text is what the events' offsets refer to)."""
    row = con.execute("SELECT name, text, publication_date, url, title, source_path, publication_date_source "
                      "FROM documents WHERE name = ?", [name]).fetchone()
    if row is None:
        return None
    return Document(doc=row[0], text=row[1], publication_date=row[2], url=row[3], title=row[4],
                    source_path=row[5], publication_date_source=row[6])


_ORDER = "ORDER BY d.source <> 'seed', d.added_at, d.name, e.row_number"


def _kept_rows(con, events: str, batch: int) -> Iterator[list[tuple[str, int, dict[str, object]]]]:
    """``(doc_id, row_number, row)`` in batches, in the library's order: each row with the people's corrections
    applied (``corrected`` names the fields), rows marked not an event left out."""
    fixes = active_corrections(con)
    keyer = Keyer()  # rows come a document at a time, in their order: the keys' ordinals count within it
    cur = con.execute(f"SELECT e.doc_id, e.row_number, {_SELECT_ROWS} FROM {events} e JOIN documents d "
                      f"USING (doc_id) {_ORDER}")
    while chunk := cur.fetchmany(batch):
        kept = []
        for r in chunk:
            row = dict(zip(EVENT_COLUMNS, r[2:]))
            row = apply_corrections(row, fixes.get(keyer.key(r[0], row)) if fixes else None)
            if row is not None:
                kept.append((r[0], r[1], row))
        yield kept


def iter_event_rows(con, *, batch: int = 10_000) -> Iterator[list[dict[str, object]]]:
    """The timeline's rows (keyed by :data:`LIBRARY_COLUMNS`) in batches, for exports of any size: each with
    the people's corrections applied (``corrected`` names the fields), rows marked not an event left out."""
    for chunk in _kept_rows(con, "events", batch):
        yield [row for _doc_id, _n, row in chunk]


def corrected_rows_by_position(con, events: str = "events") -> list[tuple[str, int, dict[str, object]]]:
    """``(doc_id, row_number, row)`` of every row :func:`iter_event_rows` gives, for a query engine that needs
    to know which stored row each one is. ``events`` names the stored table (qualified, when a temporary one
    shadows it)."""
    return [kept for chunk in _kept_rows(con, events, 10_000) for kept in chunk]


def revision(con) -> tuple:
    """A value that changes whenever a document is added, replaced, removed or edited, or a correction made
    or undone (by anyone): what a cache of the library's rows is keyed on."""
    return (*con.execute("SELECT count(*), max(added_at), max(edited_at), bit_xor(hash(doc_id)), "
                         "(SELECT count(*) FROM events) FROM documents").fetchall()[0],
            *con.execute("SELECT count(*), max(created_at), max(undone_at) FROM corrections").fetchall()[0])


def event_rows(con) -> list[dict[str, object]]:
    """Every row of the timeline (see :func:`iter_event_rows`)."""
    return [row for chunk in iter_event_rows(con) for row in chunk]
