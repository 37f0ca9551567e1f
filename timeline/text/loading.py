"""Loading articles: files and folders, decoded (see :mod:`timeline.text.encoding`), web pages reduced to
their article (see :mod:`timeline.text.webpage`).

A batch never stops at a bad file, and loses nothing without a name: :func:`load_paths` returns the
documents it could read and one :class:`~timeline.errors.DocumentError` per path it could not — a
missing or unreadable file or folder, a broken link, a folder named like an article, a binary file —
each naming the path and saying what to do; what it read with a caveat is in ``warnings``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import DocumentError, DocumentTooLargeError
from timeline.text.document import Document
from timeline.text.encoding import decode_bytes
from timeline.text.metadata import DocumentMeta
from timeline.text.publication import detect_publication_date
from timeline.text.webpage import HtmlArticle, html_to_article, looks_like_html

__all__ = [
    "LoadResult", "SourceFile", "decode_bytes", "document_from_text", "find_sources", "load_document",
    "load_paths", "html_to_article", "looks_like_html", "HtmlArticle",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".xhtml"})
_scandir = os.scandir  # a seam: tests make a folder unreadable even when they run as root


@dataclass
class LoadResult:
    """Documents that loaded, one error per path that did not, and warnings about what did."""

    documents: list[Document]
    errors: list[DocumentError]
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SourceFile:
    """A file to read and the name its document gets (unique within a batch)."""

    path: Path
    doc: str


def document_from_text(
    text: str, *, doc: str, meta: DocumentMeta | None = None, source_path: str = ""
) -> Document:
    """Make a :class:`Document` from decoded text or HTML.

    A web page is reduced to its main text first (offsets then refer to that
    text). The publication date comes from ``meta``, else the page's
    metadata, else the text's own stamps, else it stays unknown.

    Raises:
        EmptyDocumentError: a web page with no text.
    """
    title, page_date, warnings = "", None, ()
    if looks_like_html(text, doc):
        page = html_to_article(text, name=source_path or doc)
        text, title, page_date = page.text, page.title, page.date
        warnings = (page.warning,) if page.warning else ()
    stamp = detect_publication_date(text)
    if page_date is not None:
        date, source = page_date, "page metadata"
    else:
        date, source = (stamp.date, f"stamp: {stamp.text}") if stamp else (None, "")
    document = Document(
        doc=doc, text=text, title=title, publication_date=date, publication_date_source=source,
        source_path=source_path, warnings=warnings,
    )
    if meta is not None:
        document = meta.apply(document)
    return document


def _oserror(path: Path | str, err: OSError, what: str = "file") -> DocumentError:
    return DocumentError(f"{path}: cannot read the {what} ({err.strerror or err}); check that it exists and "
                         "that you may read it.", path=str(path))


def read_source(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one article file, every command's way (the CLI, the corpus workers, the library).

    Raises:
        DocumentError: the file is missing, a broken link, a folder, a pipe, too large or unreadable.
    """
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(f"{path}: is a folder, not a file; give the folder to read the articles in it.",
                                path=str(path))
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(f"{path}: not a regular file (a pipe or device); save the article as a file.",
                                path=str(path))
        if info.st_size > max_bytes:
            raise DocumentTooLargeError(
                f"{path}: {info.st_size / 2**20:.1f} MiB is over the {max_bytes / 2**20:.0f} MiB limit; "
                "split the file into articles.",
                path=str(path),
            )
        raw = path.read_bytes()
    except FileNotFoundError as err:
        if path.is_symlink():
            raise DocumentError(f"{path}: a broken link (it points to {os.readlink(path)}, which does not "
                                "exist); fix or remove the link.", path=str(path)) from err
        raise DocumentError(f"{path}: no such file; check the path.", path=str(path)) from err
    except OSError as err:
        raise _oserror(path, err) from err
    return raw


def load_document(
    path: str | Path,
    *,
    doc: str | None = None,
    meta: DocumentMeta | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one file into a :class:`Document` named ``doc`` (default: the file's name).

    Raises:
        DocumentError: the file is missing, not a regular file, too large, empty or not text.
    """
    path = Path(path)
    doc = doc or path.name
    raw = read_source(path, max_bytes=max_bytes)
    try:
        text = decode_bytes(raw, name=str(path))
    except DocumentError as err:
        err.path = str(path)
        raise
    return document_from_text(text, doc=doc, meta=meta, source_path=str(path))


@dataclass
class _Found:
    files: list[tuple[Path, str]] = field(default_factory=list)  # (path, name relative to its argument)
    errors: list[DocumentError] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # files not read because of their type


def _walk(top: Path, found: _Found) -> None:
    """Every article file under ``top`` (links followed, each folder once), depth first, sorted."""
    seen: set[str] = set()
    stack: list[tuple[Path, str]] = [(top, "")]
    while stack:
        folder, rel = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            found.errors.append(DocumentError(f"{folder}: a link back to a folder already read; skipped.",
                                              path=str(folder)))
            continue
        seen.add(real)
        try:
            with _scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            found.errors.append(_oserror(folder, err, "folder (none of its files are read)"))
            continue
        subfolders = []
        for entry in entries:
            path, name = Path(entry.path), f"{rel}{entry.name}"
            suffix = Path(entry.name).suffix.lower()
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError as err:
                found.errors.append(_oserror(path, err))
                continue
            if is_dir:
                subfolders.append((path, name + "/"))
            elif is_file and suffix in TEXT_SUFFIXES:
                found.files.append((path, name))
            elif suffix in TEXT_SUFFIXES:  # a broken link or a pipe named like an article
                found.errors.append(_describe_unreadable(path))
            else:
                found.others.append(name)
        stack.extend(reversed(subfolders))


def _describe_unreadable(path: Path) -> DocumentError:
    if path.is_symlink() and not path.exists():
        return DocumentError(f"{path}: a broken link (it points to {os.readlink(path)}, which does not exist); "
                             "fix or remove the link.", path=str(path))
    if not path.exists():
        return DocumentError(f"{path}: no such file or folder; check the path.", path=str(path))
    return DocumentError(f"{path}: not a regular file (a pipe or device); save the article as a file.",
                         path=str(path))


def find_sources(paths: Iterable[str | Path]) -> tuple[list[SourceFile], list[DocumentError], list[str]]:
    """The article files of ``paths`` (folders: their .txt/.html files, recursively), each with a unique name.

    A file's name is its name; in a folder, its path relative to that folder (``a/index.txt``); where two
    still collide, the path as given. Returns the files, one error per path that cannot be read, and
    notes on the files of a folder left out because of their type.
    """
    found = _Found()
    notes: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            before, others_before = (len(found.files), len(found.errors)), len(found.others)
            _walk(p, found)
            skipped = found.others[others_before:]
            if skipped:
                shown = ", ".join(skipped[:5]) + (", …" if len(skipped) > 5 else "")
                notes.append(f"{p}: {len(skipped)} file(s) not read, not .txt or .html: {shown}")
            if (len(found.files), len(found.errors)) == before:
                why = ("is a folder, not an article file" if p.suffix.lower() in TEXT_SUFFIXES
                       else "holds no .txt or .html file")
                found.errors.append(DocumentError(f"{p}: {why}; nothing in it was read.", path=str(p)))
        elif p.is_file():
            found.files.append((p, p.name))
        else:
            found.errors.append(_describe_unreadable(p))
    return _unique(found.files), found.errors, notes


def _unique(files: list[tuple[Path, str]]) -> list[SourceFile]:
    out: list[SourceFile] = []
    seen_real: set[str] = set()
    counts: dict[str, int] = {}
    for _path, name in files:
        counts[name] = counts.get(name, 0) + 1
    taken: set[str] = set()
    for path, name in files:
        real = os.path.realpath(path)
        if real in seen_real:
            continue  # the same file given twice is read once
        seen_real.add(real)
        doc = name if counts[name] == 1 else path.as_posix()
        while doc in taken:  # e.g. a/x.txt given twice by different spellings
            doc = f"{doc}#{len(taken)}"
        taken.add(doc)
        out.append(SourceFile(path=path, doc=doc))
    return out


def _meta_for(source: SourceFile, metadata: dict[str, DocumentMeta], by_name: dict[str, list[SourceFile]]):
    if source.doc in metadata:
        return source.doc
    name = source.path.name
    if name in metadata and len(by_name.get(name, ())) == 1:
        return name
    return None


def load_paths(
    paths: Iterable[str | Path],
    *,
    metadata: dict[str, DocumentMeta] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int, str], None] | None = None,
) -> LoadResult:
    """Load files and folders (folders: their .txt/.html files, recursively).

    ``metadata`` maps a document's name (or its file's name, when no other file has it) to its
    overrides; a row that matches no file is a warning. ``progress(i, n, name)`` is called after each
    file. Every path not read is in ``errors``; the others still load.
    """
    sources, errors, notes = find_sources(paths)
    metadata = metadata or {}
    by_name: dict[str, list[SourceFile]] = {}
    for source in sources:
        by_name.setdefault(source.path.name, []).append(source)
    result = LoadResult(documents=[], errors=errors, warnings=list(notes))
    used: set[str] = set()
    for i, source in enumerate(sources, 1):
        key = _meta_for(source, metadata, by_name)
        if key is not None:
            used.add(key)
        try:
            document = load_document(source.path, doc=source.doc, meta=metadata.get(key) if key else None,
                                     max_bytes=max_bytes)
        except DocumentError as err:
            result.errors.append(err)
        else:
            result.documents.append(document)
            result.warnings.extend(document.warnings)
        if progress is not None:
            progress(i, len(sources), source.doc)
    for key in metadata:
        if key not in used:
            result.warnings.append(f"metadata: the row for {key!r} matches no article given; check its doc cell "
                                   "(the file's name, or its path inside the folder).")
    return result
