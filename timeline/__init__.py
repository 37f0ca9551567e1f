"""Pairing Atlas core: dated events from Chinese news articles about pairing assistance.

The stages, in the order data passes through them: :mod:`timeline.text` → :mod:`timeline.dates` (and
:mod:`geo.places`) → :mod:`timeline.events` → :mod:`timeline.views`. docs/DESIGN.md draws the layers.

>>> from timeline import extract_events
>>> [e.summary for e in extract_events("2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。", doc="a.txt")]
['自贡市 → 平昌县 · pairing starts · 2021年6月以来']

>>> import datetime as dt
>>> from timeline import find_dates
>>> [(m.text, m.year, m.basis.value) for m in find_dates("年5月签约，3月抵达", publication_date=dt.date(2024, 10, 9))]
[('年5月', None, 'not_stated'), ('3月', 2024, 'inferred')]
"""

from timeline.dates import Basis, DateKind, DateMention, Precision, find_dates, find_dates_in_document
from timeline.errors import (
    DecodeError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    MetadataError,
    TimelineError,
)
from timeline.events import (
    Event, EventKind, Extraction, Party, PartyKind, Programme, extract_document_events, extract_documents,
    extract_events, extract_paths,
)
from timeline.text import (
    Document, DocumentMeta, LoadResult, NormalizedText, decode_bytes, document_from_text, load_document,
    load_metadata, load_paths, normalize, parse_metadata,
)

__all__ = [
    "Event", "EventKind", "Extraction", "Party", "PartyKind", "Programme", "extract_document_events",
    "extract_documents", "extract_events", "extract_paths",
    "Basis", "DateKind", "DateMention", "DecodeError", "Document", "DocumentError", "DocumentMeta",
    "DocumentTooLargeError", "EmptyDocumentError", "LoadResult", "MetadataError", "NormalizedText",
    "Precision", "TimelineError", "decode_bytes", "document_from_text", "find_dates",
    "find_dates_in_document", "load_document", "load_metadata", "load_paths", "normalize",
    "parse_metadata",
]
