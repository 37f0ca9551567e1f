"""The library: one DuckDB file that keeps documents (text, content hash, name, title, url, publication date
and where each came from) and their events (with the extractor's version), across runs and programs.

:mod:`~timeline.library.store` opens it (where it lives, waiting while another program writes it),
:mod:`~timeline.library.schema` migrates it, :mod:`~timeline.library.documents` reads and writes documents
and events, :mod:`~timeline.library.ingest` adds files (through :mod:`timeline.corpus`) and edits documents.

The names below are loaded on first use (PEP 562): ``python -m timeline dates`` builds the ``library``
command's parser without paying for DuckDB and Arrow.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "timeline.library.documents": ("DocumentInfo", "Saved", "Source", "document_of", "event_rows",
                                   "iter_event_rows", "list_documents", "remove_document"),
    "timeline.library.errors": ("LibraryBusyError", "LibraryError", "LibraryVersionError", "UnknownDocumentError"),
    "timeline.library.ingest": ("AddReport", "add_paths", "edit_document", "ensure_seeded", "save_document"),
    "timeline.library.schema": ("SCHEMA_VERSION",),
    "timeline.library.store": ("ENV_VAR", "Library", "library_path"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = sorted(_HOME_OF)


def __getattr__(name: str):
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once: the next lookup is an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
