"""Putting documents into the library: files and folders (through :mod:`timeline.corpus`, so on Dask
when asked), the seeds on first use, single documents from the app, and re-dating a document.

A file whose bytes are already in the library, read by the same extractor version, is skipped before
any work is sent out, so a re-run is cheap; each document is saved in its own transaction as soon as
its partition comes back, so a run killed half-way keeps every document it finished.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from timeline.corpus.engine import run_corpus
from timeline.corpus.files import find_files
from timeline.text.loading import SourceFile
from timeline.corpus.version import extractor_version
from timeline.corpus.work import DocumentResult, extract_document
from timeline.library.documents import (
    Known, Saved, Source, find_document, known_documents, replace_events, save_result, set_setting, setting,
)
from timeline.library.store import Library, Writer
from timeline.text.document import Document
from timeline.text.metadata import DocumentMeta

__all__ = ["AddReport", "add_paths", "ensure_seeded", "save_document", "edit_document", "file_hash"]

Clock = Callable[[], dt.datetime]
SEEDED = "seeded"


@dataclass
class AddReport:
    """What ``library add`` did, by file name."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # same bytes, same extractor: skipped
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, the library's name for it)
    errors: list[str] = field(default_factory=list)
    events: int = 0
    rows: int = 0


def file_hash(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or ``None`` when it cannot be read (reading it later says why)."""
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def _unchanged(known: Known, meta: DocumentMeta | None, version: str) -> bool:
    if known.extractor_version != version:
        return False
    if meta is None:
        return True
    return ((meta.publication_date is None or meta.publication_date == known.publication_date)
            and (not meta.title or meta.title == known.title) and (not meta.url or meta.url == known.url))


def _edits(known: Known) -> DocumentMeta:
    """A user's edits as metadata, so a document read again (a new extractor) keeps them."""
    return DocumentMeta(doc=known.name, url=known.url, title=known.title, publication_date=known.publication_date)


def add_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    metadata: dict[str, DocumentMeta] | None = None,
    source: Source = Source.FILE,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    on_result: Callable[[DocumentResult, Saved | None], None] | None = None,
    now: Clock = dt.datetime.now,
) -> AddReport:
    """Add files and folders to the library; see the module's docs for what is skipped and when saved.

    ``on_result(result, saved)`` is called after each document is saved (``saved`` is ``None`` for a file
    that could not be read). Raises the library's errors (busy, version) and the corpus' (cluster).
    """
    metadata = dict(metadata or {})
    version = extractor_version()
    report = AddReport()
    with library.session() as con:
        known = known_documents(con)
    todo: list[SourceFile] = []
    kept_edits: dict[str, dt.datetime] = {}  # doc_id -> when a user edited it
    sources, errors, _notes = find_files(paths)
    report.errors.extend(str(err) for err in errors)  # every path not read, named with its reason
    for f in sources:
        name = f.doc
        digest = file_hash(f.path)
        stored = known.get(digest) if digest else None
        if stored is not None and _unchanged(stored, metadata.get(name, metadata.get(f.path.name)), version):
            if stored.name == name:
                report.unchanged.append(name)
            else:
                report.duplicates.append((name, stored.name))
            continue
        if stored is not None and stored.edited_at is not None and stored.name == name and name not in metadata:
            metadata[name] = _edits(stored)
            kept_edits[digest] = stored.edited_at
        todo.append(f)
    del known
    with Writer(library) as writer:
        def save(result: DocumentResult) -> None:
            saved = None
            if result.error:
                report.errors.append(result.error)
            else:
                saved = save_result(writer.connection(), result, source=source, now=now(),
                                    edited_at=kept_edits.get(result.content_hash))
                if saved is Saved.DUPLICATE:
                    report.duplicates.append((result.name, result.name))
                else:
                    (report.added if saved is Saved.ADDED else report.replaced).append(result.name)
                    report.events += result.n_events
                    report.rows += len(result.rows)
            if on_result is not None:
                on_result(result, saved)

        if todo:
            run_corpus(todo, save, metadata=metadata, workers=workers, scheduler=scheduler, keep_text=True,
                       progress=progress)
    return report


def ensure_seeded(library: Library, seeds: Path | None, *, now: Clock = dt.datetime.now) -> AddReport | None:
    """On a library's first use, add the seed articles (once: removing them later keeps them removed)."""
    with library.session() as con:
        if setting(con, SEEDED) is not None:
            return None
    report = None
    if seeds is not None and seeds.is_dir():
        report = add_paths(library, [seeds], source=Source.SEED, workers=1, now=now)
    with library.session() as con:
        set_setting(con, SEEDED, now().isoformat(timespec="seconds"))
    return report


def save_document(library: Library, document: Document, digest: str, *, source: Source,
                  now: Clock = dt.datetime.now) -> tuple[Saved, DocumentResult]:
    """Extract one document already read (an upload, a paste) and save it; ``digest`` is its bytes' hash."""
    result = extract_document(0, document, digest, keep_text=True)
    with library.session() as con:
        return save_result(con, result, source=source, now=now()), result


def edit_document(
    library: Library, name: str, *, publication_date: dt.date | None | type(...) = ...,
    title: str | None = None, url: str | None = None, now: Clock = dt.datetime.now,
) -> DocumentResult:
    """Change a document's title, url or publication date (``None`` clears it; ``...`` leaves it).

    A new publication date re-reads the document, so its relative (今年) and inferred (3月) dates follow.

    Raises:
        UnknownDocumentError: no such document.
    """
    with library.session() as con:
        doc_id, name = find_document(con, name)
        row = con.execute("SELECT name, text, publication_date, url, title, source_path, publication_date_source "
                          "FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        document = Document(doc=row[0], text=row[1], publication_date=row[2], url=row[3], title=row[4],
                            source_path=row[5], publication_date_source=row[6])
        changes: dict = {}
        if title is not None:
            changes["title"] = title.strip()
        if url is not None:
            changes["url"] = url.strip()
        if publication_date is not ... and publication_date != document.publication_date:
            changes["publication_date"] = publication_date
            changes["publication_date_source"] = "edited" if publication_date else ""
        document = replace(document, **changes)
        result = extract_document(0, document, doc_id, keep_text=False)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("UPDATE documents SET title = ?, url = ?, publication_date = ?, publication_date_source = ?, "
                        "edited_at = ? WHERE doc_id = ?",
                        [document.title, document.url, document.publication_date,
                         document.publication_date_source, now(), doc_id])
            replace_events(con, doc_id, result)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return result
