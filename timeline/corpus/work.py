"""What a worker does with one file: read it, extract its events, and report either its rows or why not.

Runs on Dask workers as well as in-process. The gazetteer and jieba's dictionary are module-level
caches of :mod:`geo`, so a worker process loads them once (:func:`warm_up` at its start, or its parent
before forking it) and keeps them for every partition it runs.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from timeline.corpus.version import extractor_version
from timeline.errors import DocumentError
from timeline.events.assembly import extract_document_events
from timeline.events.export import events_to_rows, with_document_cells
from timeline.text.document import Document
from timeline.text.loading import DEFAULT_MAX_BYTES, decode_bytes, document_from_text, read_source
from timeline.text.metadata import DocumentMeta

__all__ = ["DocumentResult", "content_hash", "extract_file", "extract_partition", "loaded_by", "plain", "warm_up"]


@dataclass
class DocumentResult:
    """One file's outcome. ``error`` (naming the file) is set when it could not be read; then
    ``document`` is ``None`` and ``rows`` empty. ``document.text`` is dropped unless asked for."""

    index: int
    name: str
    path: str
    content_hash: str = ""
    document: Document | None = None
    rows: list[dict[str, object]] = field(default_factory=list)
    n_events: int = 0
    n_undated: int = 0
    extractor_version: str = ""
    error: str = ""


def content_hash(raw: bytes) -> str:
    """The SHA-256 of a file's bytes, in hex: a document's identity in the library."""
    return hashlib.sha256(raw).hexdigest()


def plain(value: object) -> object:
    """Enum values as their plain strings (for Parquet, DuckDB and pickling across versions)."""
    return value.value if isinstance(value, Enum) else value


def extract_document(index: int, document: Document, digest: str, *, keep_text: bool) -> DocumentResult:
    """The result for a document already read (an upload, a paste, a re-dated document)."""
    events = extract_document_events(document)
    rows = [{k: plain(v) for k, v in row.items()} for row in with_document_cells(events_to_rows(events), [document])]
    if not keep_text:
        document = replace(document, text="")
    return DocumentResult(
        index=index, name=document.doc, path=document.source_path, content_hash=digest, document=document,
        rows=rows, n_events=len(events), n_undated=sum(1 for e in events if e.year is None),
        extractor_version=extractor_version())


def extract_file(
    index: int, path: str | Path, *, doc: str | None = None, meta: DocumentMeta | None = None,
    keep_text: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
) -> DocumentResult:
    """Read and extract one file, named ``doc`` (default: its file name); a bad file gives a result whose
    ``error`` names it (never raises for it)."""
    path = Path(path)
    doc = doc or path.name
    try:
        raw = read_source(path, max_bytes=max_bytes)
        text = decode_bytes(raw, name=str(path))
        document = document_from_text(text, doc=doc, meta=meta, source_path=str(path))
        return extract_document(index, document, content_hash(raw), keep_text=keep_text)
    except DocumentError as err:
        return DocumentResult(index=index, name=doc, path=str(path), error=str(err))
    except Exception as err:  # noqa: BLE001 — one article must never sink a corpus of 100,000
        return DocumentResult(index=index, name=doc, path=str(path),
                              error=f"{doc}: extraction failed unexpectedly ({type(err).__name__}: {err}); "
                                    "please report this file.")


def extract_partition(
    part: Sequence[tuple[int, str, str]], metadata: dict[str, DocumentMeta] | None = None, *,
    keep_text: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[DocumentResult]:
    """The results of a partition's ``(index, path, doc)`` files, in order; ``metadata`` is by doc."""
    metadata = metadata or {}
    return [extract_file(i, p, doc=doc, meta=metadata.get(doc), keep_text=keep_text, max_bytes=max_bytes)
            for i, p, doc in part]


_loaded_by: int | None = None  # the process that loaded them: a forked worker inherits its parent's


def warm_up() -> str:
    """Load the gazetteer and the dictionary now (once per process, or not at all in a process forked
    from one that did); returns the extractor's version."""
    global _loaded_by
    if _loaded_by is None:
        extract_document_events(Document(doc="warm-up.txt", text="2021年6月，自贡市对口帮扶巴中市平昌县。"))
        _loaded_by = os.getpid()
    return extractor_version()


def loaded_by() -> int | None:
    """The id of the process that loaded the gazetteer and dictionary this process uses (``None``: not yet)."""
    return _loaded_by
