"""Loading articles: files and folders, decoded from UTF-8 or GB18030.

A batch never stops at a bad file: :func:`load_paths` returns the documents
it could read and one :class:`~timeline.errors.DocumentError` per file it
could not, each naming the file and saying what to do.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import DecodeError, DocumentError, DocumentTooLargeError, EmptyDocumentError
from timeline.text.metadata import DocumentMeta
from timeline.text.document import Document
from timeline.text.publication import detect_publication_date

__all__ = ["LoadResult", "decode_bytes", "load_document", "load_paths", "document_from_text"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html"})

# Signatures of common binary formats, so an image gets "binary", not "encoding".
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"BM")


_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<meta|<article|<div|<p[ >])", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlArticle:
    """The main text of a saved web page, with what its metadata says."""

    text: str
    title: str
    date: dt.date | None


def looks_like_html(text: str, name: str = "") -> bool:
    """True for a saved web page (by its name or its first tag)."""
    return name.lower().endswith((".htm", ".html")) or bool(_HTML.match(text[:2000]))


def html_to_article(html: str, *, name: str = "<html>") -> HtmlArticle:
    """Extract a page's main text with trafilatura (menus, footers and ads dropped).

    The date is the one the page's metadata states; trafilatura is told not
    to guess one from the text or the clock.

    Raises:
        EmptyDocumentError: the page has no article text.
    """
    import trafilatura  # loaded on first use: it pulls in lxml

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, favor_recall=True, include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (doc.text if doc is not None else "") or ""
    if not text.strip():
        raise EmptyDocumentError(f"{name}: no article text found in this web page.", path=name)
    date = None
    if doc.date:
        try:
            date = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            date = None
    return HtmlArticle(text=text, title=doc.title or "", date=date)


@dataclass
class LoadResult:
    """Documents that loaded, and one error per file that did not."""

    documents: list[Document]
    errors: list[DocumentError]


def _looks_like_text(text: str) -> bool:
    """True when ``text`` is mostly letters, CJK, digits, punctuation and spacing."""
    sample = text[:20000]
    bad = 0
    for ch in sample:
        cat = unicodedata.category(ch)
        if (cat == "Cc" and ch not in "\t\n\r\f\v") or cat in ("Co", "Cn", "Cs"):
            bad += 1
    return bad <= max(2, len(sample) // 200)


def decode_bytes(raw: bytes, *, name: str = "<bytes>") -> str:
    """Decode an article's bytes: UTF-8 (BOM optional), UTF-16 with a BOM, or GB18030.

    Raises:
        EmptyDocumentError: nothing but whitespace.
        DecodeError: binary data, or text in another encoding.
    """
    if not raw.strip():
        raise EmptyDocumentError(f"{name}: the file is empty; nothing to read.", path=name)
    if raw.startswith(_MAGIC):
        raise DecodeError(
            f"{name}: this is a binary file (an image, PDF or archive), not an article; "
            "save the article's text as a .txt or .html file.",
            path=name,
        )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "gb18030")
    for encoding in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise DecodeError(
        f"{name}: the file is not UTF-8 or GB18030 text (it may be binary or in another "
        "encoding); save it as UTF-8 and try again.",
        path=name,
    )


def document_from_text(
    text: str, *, doc: str, meta: DocumentMeta | None = None, source_path: str = ""
) -> Document:
    """Make a :class:`Document` from decoded text or HTML.

    A web page is reduced to its main text first (offsets then refer to that
    text). The publication date comes from ``meta``, else the page's
    metadata, else the text's own stamps, else it stays unknown.
    """
    title, page_date = "", None
    if looks_like_html(text, doc):
        page = html_to_article(text, name=doc)
        text, title, page_date = page.text, page.title, page.date
    stamp = detect_publication_date(text)
    if page_date is not None:
        date, source = page_date, "page metadata"
    else:
        date, source = (stamp.date, f"stamp: {stamp.text}") if stamp else (None, "")
    document = Document(
        doc=doc, text=text, title=title, publication_date=date, publication_date_source=source,
        source_path=source_path,
    )
    if meta is not None:
        document = meta.apply(document)
    return document


def load_document(
    path: str | Path,
    *,
    meta: DocumentMeta | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one file into a :class:`Document`.

    Raises:
        DocumentError: the file is missing, too large, empty or not text.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentTooLargeError(
                f"{path.name}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit; "
                "split the file or raise the limit.",
                path=str(path),
            )
        raw = path.read_bytes()
    except OSError as err:
        raise DocumentError(f"{path}: cannot read the file ({err.strerror}).", path=str(path)) from err
    text = decode_bytes(raw, name=path.name)
    return document_from_text(text, doc=path.name, meta=meta, source_path=str(path))


def _expand(paths: Iterable[str | Path]) -> Iterable[Path]:
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
            )
        else:
            yield p


def load_paths(
    paths: Iterable[str | Path],
    *,
    metadata: dict[str, DocumentMeta] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int, str], None] | None = None,
) -> LoadResult:
    """Load files and folders (folders: their .txt/.html files, recursively).

    ``metadata`` maps a file name to its overrides. ``progress(i, n, name)``
    is called after each file. Bad files are reported in ``errors``; the
    others still load.
    """
    files = list(_expand(paths))
    metadata = metadata or {}
    result = LoadResult(documents=[], errors=[])
    for i, f in enumerate(files, 1):
        try:
            result.documents.append(load_document(f, meta=metadata.get(f.name), max_bytes=max_bytes))
        except DocumentError as err:
            result.errors.append(err)
        if progress is not None:
            progress(i, len(files), f.name)
    return result

