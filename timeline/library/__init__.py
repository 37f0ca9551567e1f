"""The library: one DuckDB file that keeps documents (text, content hash, name, title, url, publication date
and where each came from) and their events (with the extractor's version), across runs and programs.

:mod:`~timeline.library.store` opens it (where it lives, waiting while another program writes it),
:mod:`~timeline.library.schema` migrates it, :mod:`~timeline.library.documents` reads and writes documents
and events, :mod:`~timeline.library.ingest` adds files (through :mod:`timeline.corpus`) and edits documents.
"""

from timeline.library.documents import (
    DocumentInfo, Saved, Source, document_of, event_rows, iter_event_rows, list_documents, remove_document,
)
from timeline.library.errors import LibraryBusyError, LibraryError, LibraryVersionError, UnknownDocumentError
from timeline.library.ingest import AddReport, add_paths, edit_document, ensure_seeded, save_document
from timeline.library.schema import SCHEMA_VERSION
from timeline.library.store import ENV_VAR, Library, library_path

__all__ = [
    "ENV_VAR", "SCHEMA_VERSION", "AddReport", "DocumentInfo", "Library", "LibraryBusyError", "LibraryError",
    "LibraryVersionError", "Saved", "Source", "UnknownDocumentError", "add_paths", "document_of",
    "edit_document", "ensure_seeded", "event_rows", "iter_event_rows", "library_path", "list_documents",
    "remove_document", "save_document",
]
