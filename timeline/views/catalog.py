"""The app's library: what it shows from the library file, and what it saves to it (pure functions).

Uploads and pasted texts are saved in the library (they outlive the browser session and the server);
the app lists the documents with their counts, removes them, and edits a document's title, url and
publication date (a new date re-reads its relative and inferred dates). Every session and the command
line see the same library. No Streamlit here: the app calls these and renders what they return.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.corpus.work import content_hash
from timeline.errors import DocumentError
from timeline.library import (
    Library, Saved, Source, document_of, edit_document, ensure_seeded, library_path, save_document,
)
from timeline.library.documents import event_rows, list_documents, remove_document, revision
from timeline.text.document import Document
from timeline.text.loading import decode_bytes, looks_like_html
from timeline.views.labels import Notice
from timeline.views.uploads import MAX_UPLOAD_BYTES, document_from_paste, document_from_upload

__all__ = [
    "APP_WAIT_SECONDS", "StoredDocuments", "catalog_rows", "catalog_sources", "edit_publication", "open_library", "library_revision",
    "library_rows", "page_url", "remove_from_library", "save_paste", "save_uploads",
]

# How long an app rerun waits while `library add` holds the file, before it says the library is busy.
APP_WAIT_SECONDS = 10.0


def open_library(seeds: Path | None, path: str | Path | None = None, *, wait: float = APP_WAIT_SECONDS) -> Library:
    """The library the app works on ($PAIRING_ATLAS_LIBRARY, else the user's), with the seeds on first use.

    Raises:
        LibraryError: it cannot be opened (busy past ``wait``, not a library, a newer version).
    """
    library = Library(library_path(path), wait=wait)
    ensure_seeded(library, seeds)
    return library


def library_revision(library: Library) -> tuple:
    """A value that changes whenever a document is added, replaced, removed or edited, or a correction made
    or undone (by anyone)."""
    with library.session() as con:
        return revision(con)


def library_rows(library: Library) -> list[dict[str, object]]:
    """Every event row of the library, keyed like the CSV (plain values)."""
    with library.session() as con:
        return event_rows(con)


@dataclass(frozen=True)
class StoredDocuments:
    """Documents by name, read from the library when asked for (only the one on screen is in memory)."""

    library: Library

    def get(self, name: str) -> Document | None:
        with self.library.session() as con:
            return document_of(con, name)


def save_uploads(
    library: Library, files: Iterable[tuple[str, bytes]], *, max_bytes: int = MAX_UPLOAD_BYTES,
    progress: Callable[[int, int, str], None] | None = None,
) -> dict[str, tuple[bool, Notice | DocumentError]]:
    """Read, extract and save ``(name, bytes)`` uploads; per name, (ok, what to tell the user: a
    :class:`~timeline.views.labels.Notice`, or the error; :func:`~timeline.views.labels.message` words either).

    A bad file gets a message naming it and is not saved; the others are.
    """
    files = list(files)
    out: dict[str, tuple[bool, Notice | DocumentError]] = {}
    for i, (name, raw) in enumerate(files, 1):
        try:
            document = document_from_upload(name, raw, max_bytes=max_bytes)
        except DocumentError as err:
            out[name] = (False, err)
        else:
            if not document.url and looks_like_html(raw[:2000].decode("utf-8", "ignore"), name):
                document = replace(document, url=page_url(decode_bytes(raw, name=name)))
            saved, result = _save(library, document, content_hash(raw), Source.UPLOAD)
            out[name] = (True, _message(name, saved, result.n_events, document))
        if progress is not None:
            progress(i, len(files), name)
    return out


def page_url(html: str) -> str:
    """The address a saved web page states for itself (``<link rel=canonical>``, ``og:url``), else ``""``."""
    import trafilatura  # loaded on first use: it pulls in lxml

    metadata = trafilatura.extract_metadata(html)
    return (metadata.url or "") if metadata is not None else ""


def save_paste(library: Library, text: str) -> Notice:
    """Extract and save pasted text (named ``pasted-<hash>.txt``); what to tell the user.

    Raises:
        DocumentError: empty or too long (see :func:`~timeline.views.uploads.document_from_paste`).
    """
    document = document_from_paste(text)
    saved, result = _save(library, document, content_hash(text.encode("utf-8")), Source.PASTE)
    return _message(document.doc, saved, result.n_events, document)


def _save(library: Library, document: Document, digest: str, source: Source):
    return save_document(library, document, digest, source=source)


def _message(name: str, saved: Saved, n_events: int, document: Document) -> Notice:
    if saved is Saved.DUPLICATE:
        return Notice("upload.duplicate", {"name": name})
    code = "upload.replaced" if saved is Saved.REPLACED else "upload.saved"
    if document.publication_date is None:
        return Notice(code + "_no_date", {"name": name, "n": n_events})
    return Notice(code, {"name": name, "n": n_events, "date": document.publication_date.isoformat()})


def catalog_rows(library: Library) -> list[dict[str, object]]:
    """The library's documents for the app's list: name, title, date, source, rows, undated, added."""
    with library.session() as con:
        docs = list_documents(con)
    return [{"doc": d.name, "title": d.title, "url": d.url, "publication_date": d.publication_date,
             "date_from": d.publication_date_source, "source": d.source, "rows": d.n_rows, "undated": d.n_undated,
             "added": d.added_at.replace(microsecond=0)} for d in docs]


def catalog_sources(library: Library) -> dict[str, dict[str, str]]:
    """Article name → ``{"title", "url", "published"}`` for the map's relation cards and the presentation page
    (as :func:`timeline.views.evidence.source_index`, read from the library)."""
    return {d["doc"]: {"title": d["title"] or d["doc"], "url": d["url"] or "",
                       "published": d["publication_date"].isoformat() if d["publication_date"] else ""}
            for d in catalog_rows(library)}


def remove_from_library(library: Library, name: str) -> Notice:
    """Remove a document and its events; what to tell the user.

    Raises:
        UnknownDocumentError: it is no longer there (another session removed it).
    """
    with library.session() as con:
        removed, n = remove_document(con, name)
    return Notice("library.removed", {"name": removed, "n": n})


def edit_publication(library: Library, name: str, *, publication_date: dt.date | None, title: str,
                     url: str) -> Notice:
    """Set a document's publication date, title and url; its dates are read again. What to tell the user.

    Raises:
        UnknownDocumentError: no such document.
    """
    result = edit_document(library, name, publication_date=publication_date, title=title, url=url)
    undated = sum(1 for r in result.rows if r.get("year") is None)
    return Notice("library.edited", {"name": name, "rows": len(result.rows), "undated": undated})
