"""Stage 3, events: who helped whom, when and how.

Parties and lists (:mod:`~timeline.events.parties`), direction rules (:mod:`~timeline.events.direction`),
the programmes' vocabulary and amounts; :mod:`~timeline.events.assembly` is the one module that joins dates
(:mod:`timeline.dates`) and places (:mod:`geo.places`) into events. The CLI and the app both call it.
"""

from timeline.events.assembly import extract_document_events, extract_events
from timeline.events.batch import Extraction, extract_documents, extract_paths
from timeline.events.model import Event, EventKind, Party, PartyKind, Programme

__all__ = [
    "Event", "EventKind", "Extraction", "Party", "PartyKind", "Programme", "extract_document_events",
    "extract_documents", "extract_events", "extract_paths",
]
