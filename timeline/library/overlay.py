"""Corrections laid over extracted rows: the read path of :mod:`timeline.library.corrections`.

The events table holds what the extractor found; the corrections table what people changed. A row read
from the library is the extracted row with the active corrections of its key applied (the latest per
field wins), a ``corrected`` cell naming the corrected fields, and no row at all when it was marked
``not_an_event``. Because the key is what re-extraction keeps (content hash, evidence span, the extracted
pair), a re-added document or a new extractor gets the same fixes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

__all__ = [
    "CORRECTED", "DATE_FIELDS", "FIELDS", "NOT_AN_EVENT", "PLACE_FIELDS", "RowKey", "active_corrections",
    "apply_corrections", "row_key",
]

CORRECTED = "corrected"  # the column naming a row's corrected fields
NOT_AN_EVENT = "not_an_event"
DATE_FIELDS = ("year", "month", "day")
PLACE_FIELDS = ("donor", "recipient")
# The fields a person may correct, in the order the ``corrected`` cell lists them.
FIELDS = (*DATE_FIELDS, *PLACE_FIELDS, "kind", "amount_yuan", "people", NOT_AN_EVENT)


@dataclass(frozen=True)
class RowKey:
    """What names an event row across extractions: the document's content hash, the evidence span and the
    extracted pair (each party's adcode, else its name)."""

    doc_id: str
    char_start: int
    char_end: int
    donor: str
    recipient: str


def _party_key(row: dict[str, object], role: str) -> str:
    return str(row.get(f"{role}_adcode") or row.get(role) or "")


def row_key(doc_id: str, row: dict[str, object]) -> RowKey:
    """The key of an extracted (uncorrected) row of document ``doc_id``."""
    return RowKey(doc_id, int(row.get("char_start") or 0), int(row.get("char_end") or 0),
                  _party_key(row, "donor"), _party_key(row, "recipient"))


def active_corrections(con) -> dict[RowKey, dict[str, object]]:
    """Key → {field: new value} of every active correction, the latest per field."""
    out: dict[RowKey, dict[str, object]] = {}
    for doc_id, start, end, donor, recipient, field, value in con.execute(
            "SELECT doc_id, char_start, char_end, donor_key, recipient_key, field, new_value FROM corrections "
            "WHERE status = 'active' ORDER BY created_at, correction_id").fetchall():
        out.setdefault(RowKey(doc_id, start, end, donor, recipient), {})[field] = json.loads(value)
    return out


def _precision(row: dict[str, object]) -> str:
    for field, name in (("day", "day"), ("month", "month"), ("year", "year")):
        if row.get(field) is not None:
            return name
    return "unknown"


def apply_corrections(row: dict[str, object], fixes: dict[str, object] | None) -> dict[str, object] | None:
    """``row`` with ``fixes`` ({field: value}) applied and its ``corrected`` cell; ``None`` for a row marked
    not an event. A corrected year gets basis ``corrected``; a corrected date its precision anew."""
    row = dict(row)
    if not fixes:
        row[CORRECTED] = ""
        return row
    if fixes.get(NOT_AN_EVENT):
        return None
    for field, value in fixes.items():
        if field in PLACE_FIELDS:
            place = value or {}
            row[field] = place.get("name", "")
            row[f"{field}_adcode"] = place.get("adcode", "")
            row[f"{field}_lon"] = place.get("lon")
            row[f"{field}_lat"] = place.get("lat")
            row[f"{field}_kind"] = place.get("kind", "place")
        elif field in row or field in DATE_FIELDS or field in ("kind", "amount_yuan", "people"):
            row[field] = value
    if any(f in fixes for f in DATE_FIELDS):
        row["precision"] = _precision(row)
        if "year" in fixes:
            row["basis"] = "corrected"
    row[CORRECTED] = ";".join(f for f in FIELDS if f in fixes and f != NOT_AN_EVENT)
    return row
