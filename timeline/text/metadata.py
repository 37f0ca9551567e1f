"""Per-document metadata from a CSV (``--meta``): url, title, publication date.

Columns: ``doc`` (the file's name, or its path inside the folder given; required) and any of ``url``, ``title``,
``publication_date``. A non-empty cell overrides what was read from the text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.errors import MetadataError
from timeline.text.document import Document

__all__ = ["DocumentMeta", "load_metadata", "parse_metadata", "parse_date"]

KNOWN_COLUMNS = ("doc", "url", "title", "publication_date")
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:[T ].*)?$")


@dataclass(frozen=True)
class DocumentMeta:
    """Overrides for one document; empty fields leave the document as it is."""

    doc: str
    url: str = ""
    title: str = ""
    publication_date: dt.date | None = None

    def apply(self, document: Document) -> Document:
        """Return ``document`` with this metadata's non-empty fields applied."""
        changes: dict = {}
        if self.url:
            changes["url"] = self.url
        if self.title:
            changes["title"] = self.title
        if self.publication_date is not None:
            changes["publication_date"] = self.publication_date
            changes["publication_date_source"] = "meta"
        return replace(document, **changes) if changes else document


def parse_date(value: str) -> dt.date:
    """Parse 2024-10-09, 2024/10/09, 2024.10.09 or 2024年10月9日 (a time may follow).

    Raises:
        ValueError: not such a date, or not a real calendar date.
    """
    m = _DATE.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a date like 2024-10-09")
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def parse_metadata(
    text: str, *, name: str = "metadata", warnings: list[str] | None = None
) -> dict[str, DocumentMeta]:
    """Parse metadata CSV text into ``{doc: DocumentMeta}``.

    A second row for the same doc replaces the first; each such row adds a line to ``warnings``.

    Raises:
        MetadataError: no ``doc`` column, a row without a doc, a bad date, or
            a line the CSV reader cannot parse. The message names the line.
    """
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as err:
        raise MetadataError(f"{name}: the header cannot be read as CSV ({err}).") from err
    if "doc" not in header:
        raise MetadataError(
            f"{name}: there is no 'doc' column; the first line must name the columns, "
            f"e.g. doc,url,title,publication_date (found: {', '.join(header) or 'nothing'})."
        )
    reader.fieldnames = header
    out: dict[str, DocumentMeta] = {}
    lines: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                raise MetadataError(
                    f"{name}, line {line}: more cells than the header names; quote cells that hold commas."
                )
            doc = (row.get("doc") or "").strip()
            if not doc:
                raise MetadataError(f"{name}, line {line}: the 'doc' cell is empty; give the file's name.")
            raw_date = (row.get("publication_date") or "").strip()
            try:
                date = parse_date(raw_date) if raw_date else None
            except ValueError as err:
                raise MetadataError(
                    f"{name}, line {line}: publication_date {raw_date!r} is not a date; "
                    "write it as YYYY-MM-DD."
                ) from err
            if doc in lines and warnings is not None:
                warnings.append(f"{name}, line {line}: a second row for {doc!r} (the first is on line "
                                f"{lines[doc]}); line {line} is used. Keep one row per article.")
            lines[doc] = line
            out[doc] = DocumentMeta(
                doc=doc,
                url=(row.get("url") or "").strip(),
                title=(row.get("title") or "").strip(),
                publication_date=date,
            )
    except csv.Error as err:
        raise MetadataError(f"{name}, line {reader.line_num}: malformed CSV ({err}).") from err
    return out


def load_metadata(path: str | Path, *, warnings: list[str] | None = None) -> dict[str, DocumentMeta]:
    """Read a metadata CSV file (UTF-8, BOM optional); duplicate rows are reported in ``warnings``.

    Raises:
        MetadataError: the file is missing, not UTF-8, or malformed.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise MetadataError(f"{path}: cannot read the metadata file ({err.strerror}).") from err
    except UnicodeDecodeError as err:
        raise MetadataError(f"{path}: the metadata file is not UTF-8; save it as UTF-8 CSV.") from err
    return parse_metadata(text, name=path.name, warnings=warnings)
