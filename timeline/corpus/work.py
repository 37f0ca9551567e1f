"""What a worker does with one file: read it, extract its events, and report either its rows or why not.

Runs on Dask workers as well as in-process. The gazetteer and jieba's dictionary are module-level
caches of :mod:`geo`, so a worker process loads them once (:func:`warm_up` at its start) and keeps them
for every partition it runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from timeline.corpus.version import extractor_version
from timeline.errors import DocumentError, DocumentTooLargeError
from timeline.events.assembly import extract_document_events
from timeline.events.export import events_to_rows
from timeline.text.document import Document
from timeline.text.loading import DEFAULT_MAX_BYTES, decode_bytes, document_from_text
from timeline.text.metadata import DocumentMeta

__all__ = ["DocumentResult", "content_hash", "extract_file", "extract_partition", "plain", "warm_up"]


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


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentTooLargeError(
                f"{path.name}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit; "
                "split the file or raise the limit.", path=str(path))
        return path.read_bytes()
    except OSError as err:
        raise DocumentError(f"{path}: cannot read the file ({err.strerror}).", path=str(path)) from err


def extract_document(index: int, document: Document, digest: str, *, keep_text: bool) -> DocumentResult:
    """The result for a document already read (an upload, a paste, a re-dated document)."""
    events = extract_document_events(document)
    rows = [{k: plain(v) for k, v in row.items()} for row in events_to_rows(events)]
    if not keep_text:
        document = replace(document, text="")
    return DocumentResult(
        index=index, name=document.doc, path=document.source_path, content_hash=digest, document=document,
        rows=rows, n_events=len(events), n_undated=sum(1 for e in events if e.year is None),
        extractor_version=extractor_version())


def extract_file(
    index: int, path: str | Path, *, meta: DocumentMeta | None = None, keep_text: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> DocumentResult:
    """Read and extract one file; a bad file gives a result whose ``error`` names it (never raises for it)."""
    path = Path(path)
    try:
        raw = _read(path, max_bytes)
        text = decode_bytes(raw, name=path.name)
        document = document_from_text(text, doc=path.name, meta=meta, source_path=str(path))
        return extract_document(index, document, content_hash(raw), keep_text=keep_text)
    except DocumentError as err:
        return DocumentResult(index=index, name=path.name, path=str(path), error=str(err))
    except Exception as err:  # noqa: BLE001 — one article must never sink a corpus of 100,000
        return DocumentResult(index=index, name=path.name, path=str(path),
                              error=f"{path.name}: extraction failed unexpectedly ({type(err).__name__}: {err}); "
                                    "please report this file.")


def extract_partition(
    part: Sequence[tuple[int, str]], metadata: dict[str, DocumentMeta] | None = None, *,
    keep_text: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[DocumentResult]:
    """The results of a partition's ``(index, path)`` files, in order."""
    metadata = metadata or {}
    return [extract_file(i, p, meta=metadata.get(Path(p).name), keep_text=keep_text, max_bytes=max_bytes)
            for i, p in part]


def warm_up() -> str:
    """Load the gazetteer and the dictionary now (once per process); returns the extractor's version."""
    extract_document_events(Document(doc="warm-up.txt", text="2021年6月，自贡市对口帮扶巴中市平昌县。"))
    return extractor_version()
