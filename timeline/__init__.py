"""Pairing Atlas core: dated events from Chinese news articles about pairing assistance.

>>> import datetime as dt
>>> from timeline import find_dates
>>> [(m.text, m.year, m.basis.value) for m in find_dates("年5月签约，3月抵达", publication_date=dt.date(2024, 10, 9))]
[('年5月', None, 'not_stated'), ('3月', 2024, 'inferred')]
"""

from .dates import find_dates, find_dates_in_document
from .errors import (
    DecodeError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    MetadataError,
    TimelineError,
)
from .loading import LoadResult, decode_bytes, document_from_text, load_document, load_paths
from .metadata import DocumentMeta, load_metadata, parse_metadata
from .models import Basis, DateKind, DateMention, Document, Precision
from .normalization import NormalizedText, normalize

__all__ = [
    "Basis", "DateKind", "DateMention", "DecodeError", "Document", "DocumentError", "DocumentMeta",
    "DocumentTooLargeError", "EmptyDocumentError", "LoadResult", "MetadataError", "NormalizedText",
    "Precision", "TimelineError", "decode_bytes", "document_from_text", "find_dates",
    "find_dates_in_document", "load_document", "load_metadata", "load_paths", "normalize",
    "parse_metadata",
]
