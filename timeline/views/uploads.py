"""Articles a user adds in the app: uploaded files and pasted text, read into events.

A bad file never stops the others: :func:`extract_uploads` returns the
documents and events it could read and one
:class:`~timeline.errors.DocumentError` per file it could not (binary, empty,
too large, an unknown encoding, a type it does not read), each naming the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import PurePath

from timeline.events.assembly import extract_document_events
from timeline.events.batch import Extraction, extract_documents
from timeline.errors import DocumentError, DocumentTooLargeError, EmptyDocumentError
from timeline.events.export import events_to_rows
from timeline.text.loading import decode_bytes, document_from_text
from timeline.text.document import Document
from timeline.views.filters import plain_rows

__all__ = [
    "MAX_UPLOAD_BYTES", "MAX_UPLOAD_MB", "UPLOAD_SUFFIXES", "Library", "document_from_upload", "document_from_paste",
    "extract_uploads", "extract_paste", "library_of", "combine", "libraries_by_file", "upload_messages",
    "upload_names",
]

# Streamlit's uploader counts its limit (``max_upload_size``, in MB) in millions of bytes ("File must be
# 5.0MB or smaller" for 5,238,784 bytes): the app's own check is the same number of bytes.
MAX_UPLOAD_MB = 5
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1_000_000
MAX_PASTE_CHARS = 1_000_000
UPLOAD_SUFFIXES = (".txt", ".html", ".htm")


def document_from_upload(name: str, raw: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> Document:
    """Read one uploaded file (``.txt``, ``.html`` or ``.htm``) into a :class:`Document`.

    Raises:
        DocumentTooLargeError: more than ``max_bytes``.
        EmptyDocumentError: nothing but whitespace, or a web page with no article text.
        DecodeError: binary data or an encoding other than UTF-8, UTF-16 (with BOM) or GB18030.
        DocumentError: a file type other than .txt, .html or .htm.
    """
    if PurePath(name).suffix.lower() not in UPLOAD_SUFFIXES:
        raise DocumentError(f"{name}: only .txt, .html and .htm files are read; save the article as one of them.",
                            path=name, code="upload.file_type", name=name)
    if len(raw) > max_bytes:
        raise DocumentTooLargeError(
            f"{name}: {len(raw) / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit for an upload; "
            "split the file or keep only the article.", path=name, code="upload.too_large", name=name,
            mb=len(raw) / 1e6, limit_mb=max_bytes / 1e6)
    return document_from_text(decode_bytes(raw, name=name), doc=name)


def document_from_paste(text: str) -> Document:
    """A :class:`Document` of pasted text, named by its content (``pasted-<hash>.txt``), so pasting
    the same text twice adds it once.

    Raises:
        EmptyDocumentError: nothing but whitespace.
        DocumentTooLargeError: more than a million characters.
    """
    if not text.strip():
        raise EmptyDocumentError("the pasted text is empty; paste an article's text first.", path="pasted text",
                                 code="paste.empty")
    if len(text) > MAX_PASTE_CHARS:
        raise DocumentTooLargeError(f"the pasted text has {len(text):,} characters, over the {MAX_PASTE_CHARS:,} "
                                    "limit; upload it as a file or paste one article at a time.",
                                    path="pasted text", code="paste.too_long", n=len(text),
                                    limit=MAX_PASTE_CHARS)
    name = f"pasted-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}.txt"
    return document_from_text(text, doc=name)


def upload_names(files: Iterable[tuple[str, bytes]]) -> list[str]:
    """The name each upload's document gets: its file name, unless an earlier upload with other content has
    that name; then the name with a key of its content (``index~3f2a9c1e.txt``), so two sites' ``index.txt``
    stay two articles, and the same file uploaded twice stays one."""
    holder: dict[str, bytes] = {}  # name -> digest of the upload that has it
    out = []
    for name, raw in files:
        digest = hashlib.sha1(raw).digest()
        if holder.setdefault(name, digest) == digest:
            out.append(name)
        else:
            path = PurePath(name)
            out.append(f"{path.stem}~{digest.hex()[:8]}{path.suffix}")
    return out


def extract_uploads(
    files: Iterable[tuple[str, bytes]],
    *,
    max_bytes: int = MAX_UPLOAD_BYTES,
    progress: Callable[[int, int, str], None] | None = None,
) -> Extraction:
    """Read and extract ``(name, bytes)`` files; ``progress(i, n, name)`` after each.

    Bad files are reported in ``errors`` (one each, naming the file); the others still load.
    """
    files = list(files)
    out = Extraction()
    for i, (name, raw) in enumerate(files, 1):
        try:
            document = document_from_upload(name, raw, max_bytes=max_bytes)
        except DocumentError as err:
            out.errors.append(err)
        else:
            out.documents.append(document)
            out.events.extend(extract_document_events(document))
        if progress is not None:
            progress(i, len(files), name)
    return out


def extract_paste(text: str) -> Extraction:
    """The events of pasted text (see :func:`document_from_paste` for its name and errors)."""
    return extract_documents([document_from_paste(text)])


# What the app shows: documents by name (for the evidence panel) and their event rows.
Library = tuple[dict[str, Document], list[dict[str, object]]]


def library_of(extraction: Extraction) -> Library:
    """The extraction's documents by name and its event rows (enum values as plain strings)."""
    return {d.doc: d for d in extraction.documents}, plain_rows(events_to_rows(extraction.events))


def combine(base: Library, added: Library) -> Library:
    """``base`` with ``added``; an added document replaces one of the same name, and its rows theirs."""
    documents = {**base[0], **added[0]}
    replaced = set(added[0])
    rows = [r for r in base[1] if r.get("doc") not in replaced] + list(added[1])
    return documents, rows


def libraries_by_file(extraction: Extraction) -> dict[str, Library]:
    """The extraction split per document: name → (that document, its rows)."""
    documents, rows = library_of(extraction)
    return {name: ({name: doc}, [r for r in rows if r.get("doc") == name]) for name, doc in documents.items()}


def upload_messages(names: Iterable[str], extraction: Extraction, lang: str = "en") -> dict[str, tuple[bool, str]]:
    """Per uploaded file name: (ok, what to tell the user in ``lang``) — its event count, or why it was not
    read (the reader's own message, which names the file)."""
    errors = {e.path: str(e) for e in extraction.errors}
    counts: dict[str, int] = {}
    for event in extraction.events:
        counts[event.doc] = counts.get(event.doc, 0) + 1

    def read(name: str) -> str:
        n = counts.get(name, 0)
        return f"{name}：{n} 件事件" if lang == "zh" else f"{name}: {n} events"

    return {name: (False, errors[name]) if name in errors else (True, read(name)) for name in names}
