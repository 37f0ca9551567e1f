"""Many articles at once: load, extract events, report progress and bad files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.events.assembly import extract_document_events
from timeline.errors import DocumentError
from timeline.text.loading import DEFAULT_MAX_BYTES, load_paths
from timeline.text.metadata import DocumentMeta
from timeline.events.model import Event
from timeline.text.document import Document

__all__ = ["Extraction", "extract_documents", "extract_paths"]

Progress = Callable[[int, int, str], None]


@dataclass
class Extraction:
    """What a batch produced: the documents read, their events, and one error per bad file."""

    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)


def extract_documents(documents: Iterable[Document], *, progress: Progress | None = None) -> Extraction:
    """Events of already loaded documents; ``progress(i, n, doc)`` after each."""
    documents = list(documents)
    out = Extraction(documents=documents)
    for i, document in enumerate(documents, 1):
        out.events.extend(extract_document_events(document))
        if progress is not None:
            progress(i, len(documents), document.doc)
    return out


def extract_paths(
    paths: Iterable[str | Path],
    *,
    metadata: dict[str, DocumentMeta] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> Extraction:
    """Load files and folders and extract their events; bad files are reported, not raised."""
    loaded = load_paths(paths, metadata=metadata, max_bytes=max_bytes)
    out = extract_documents(loaded.documents, progress=progress)
    out.errors = loaded.errors
    return out
