"""The library's schema, as numbered migrations applied in order.

A library records the version it is at (``schema_version``); opening it applies the migrations it lacks,
each in one transaction, so a library written by an older Pairing Atlas opens in a newer one. A migration
is never edited once released: a change is a new migration appended to :data:`MIGRATIONS`.

Migration 3 adds ``corrections``: a user's fixes to event rows, kept apart from the extracted rows so that
every later extraction gets them again (see :mod:`timeline.library.corrections`).
"""

from __future__ import annotations

from timeline.events.export import EVENT_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS
from timeline.library.errors import LibraryVersionError

__all__ = ["DOCUMENT_CELLS", "EVENT_SQL_TYPES", "MIGRATIONS", "SCHEMA_VERSION", "STORED_EVENT_COLUMNS",
           "V1_EVENT_COLUMNS", "migrate", "schema_version"]

_INT, _FLOAT = INT_COLUMNS, FLOAT_COLUMNS
# The document's own cells of a timeline row: read from the documents table, never stored per event.
DOCUMENT_CELLS = ("url", "title")
# The event columns v1 created, written out: the schema must not move when the export's columns do.
# A column added to EVENT_COLUMNS needs a migration that adds it (tests/library checks they agree).
V1_EVENT_COLUMNS = (
    "event_id", "doc", "year", "month", "day", "date_text", "precision", "basis", "kind",
    "donor", "donor_adcode", "donor_lon", "donor_lat", "recipient", "recipient_adcode", "recipient_lon",
    "recipient_lat", "amount_yuan", "people", "summary", "evidence", "char_start", "char_end",
    "programme", "end_year", "end_month", "end_day", "donor_kind", "recipient_kind",
)


def _sql_type(column: str) -> str:
    return "BIGINT" if column in _INT else "DOUBLE" if column in _FLOAT else "VARCHAR"


STORED_EVENT_COLUMNS = tuple(c for c in EVENT_COLUMNS if c not in DOCUMENT_CELLS)
EVENT_SQL_TYPES = {c: _sql_type(c) for c in STORED_EVENT_COLUMNS}
_EVENT_COLUMNS_SQL = ",\n    ".join(f'"{c}" {_sql_type(c)}' for c in V1_EVENT_COLUMNS)

# v1: documents (identified by the SHA-256 of their bytes), their event rows, and settings.
_V1 = f"""
CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY,            -- SHA-256 of the file's bytes (of the text, for a paste)
    name VARCHAR NOT NULL,                 -- the file's name: the "doc" of its events
    text VARCHAR NOT NULL,                 -- the article text the events' offsets refer to
    title VARCHAR NOT NULL DEFAULT '',
    url VARCHAR NOT NULL DEFAULT '',
    publication_date DATE,
    publication_date_source VARCHAR NOT NULL DEFAULT '',
    source VARCHAR NOT NULL,               -- seed | file | upload | paste
    source_path VARCHAR NOT NULL DEFAULT '',
    extractor_version VARCHAR NOT NULL,
    added_at TIMESTAMP NOT NULL,
    n_events INTEGER NOT NULL
);
CREATE TABLE events (
    doc_id VARCHAR NOT NULL,
    row_number INTEGER NOT NULL,           -- the row's place in its document's timeline
    {_EVENT_COLUMNS_SQL},
    extractor_version VARCHAR NOT NULL
);
CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
"""

# v2: a document's title, url and publication date can be edited (the app); remember when, and find a
# document by name, and its events, without a scan (saving stays as fast in a library of 100,000).
_V2 = """
ALTER TABLE documents ADD COLUMN edited_at TIMESTAMP;
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX documents_name ON documents (name);
"""

# v3: the events' own totals (an event with two donors is two rows: sum these, given on its first row) and
# every sentence that states it (issue 9). Rows saved before have them empty until read again.
_V3 = """
ALTER TABLE events ADD COLUMN event_rows BIGINT;
ALTER TABLE events ADD COLUMN event_amount_yuan DOUBLE;
ALTER TABLE events ADD COLUMN event_people BIGINT;
ALTER TABLE events ADD COLUMN mentions BIGINT;
ALTER TABLE events ADD COLUMN mention_spans VARCHAR
"""

# v4: corrections (issue 12). A row is named by what re-extraction keeps: the document's content hash, the
# evidence span and the extracted pair (adcode and name), never by row order or extractor version.
# Values are JSON; a correction is never deleted, only marked undone.
_V4 = """
CREATE TABLE corrections (
    correction_id VARCHAR PRIMARY KEY,     -- a digest of what it says and when: the same file imported twice adds nothing
    doc_id VARCHAR NOT NULL,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL,
    donor_key VARCHAR NOT NULL,            -- the extracted donor: adcode|name, or its name without an adcode
    recipient_key VARCHAR NOT NULL,
    ordinal BIGINT NOT NULL DEFAULT 0,     -- among the document's rows with this span and pair, in order
    event_id VARCHAR NOT NULL DEFAULT '',  -- the CSV's key when it was made (for people reading the audit)
    doc VARCHAR NOT NULL DEFAULT '',
    field VARCHAR NOT NULL,                -- year, month, day, donor, recipient, kind, amount_yuan, people, not_an_event
    old_value VARCHAR NOT NULL,            -- JSON: the value it replaced
    new_value VARCHAR NOT NULL,            -- JSON
    note VARCHAR NOT NULL DEFAULT '',
    author VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    status VARCHAR NOT NULL DEFAULT 'active',  -- active | undone
    undone_at TIMESTAMP
);
CREATE INDEX corrections_doc ON corrections (doc_id);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(con) -> int:
    """The version a library is at; 0 for an empty file."""
    has = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
                      ).fetchone()[0]
    if not has:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(con, *, path: str = "the library", target: int = SCHEMA_VERSION) -> tuple[int, int]:
    """Bring the library to ``target``; returns (version before, version after).

    Raises:
        LibraryVersionError: the library is at a version newer than this code knows.
    """
    before = schema_version(con)
    if before > SCHEMA_VERSION:
        raise LibraryVersionError(f"{path} was written by a newer Pairing Atlas (schema {before}, this one "
                                  f"knows up to {SCHEMA_VERSION}); update Pairing Atlas to open it.",
                                  code="library.newer", library=path, found=before, known=SCHEMA_VERSION)
    for version in range(before + 1, target + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            if version == 1:
                con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            for statement in MIGRATIONS[version - 1].split(";"):
                if statement.strip():
                    con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?)", [version])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return before, max(before, target)
