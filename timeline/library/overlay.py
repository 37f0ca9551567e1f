"""Corrections laid over extracted rows: the read path of :mod:`timeline.library.corrections`.

The events table holds what the extractor found; the corrections table what people changed. A row read
from the library is the extracted row with the active corrections of its key applied (the latest per
field wins), a ``corrected`` cell naming the corrected fields, and no row at all when it was marked
``not_an_event``. Because the key is what re-extraction keeps (content hash, evidence span, the extracted
pair), a re-added document or a new extractor gets the same fixes.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

__all__ = [
    "CORRECTED", "DATE_FIELDS", "FIELDS", "NOT_AN_EVENT", "PARTY_KEY_SQL", "PLACE_FIELDS", "Keyer", "RowKey",
    "active_corrections", "apply_corrections", "party_key",
]

CORRECTED = "corrected"  # the column naming a row's corrected fields
NOT_AN_EVENT = "not_an_event"
DATE_FIELDS = ("year", "month", "day")
PLACE_FIELDS = ("donor", "recipient")
# The fields a person may correct, in the order the ``corrected`` cell lists them.
FIELDS = (*DATE_FIELDS, *PLACE_FIELDS, "kind", "amount_yuan", "people", NOT_AN_EVENT)


@dataclass(frozen=True)
class RowKey:
    """What names an event row across extractions: the document's content hash, the evidence span, the
    extracted pair (each party's adcode and name, or its name where it has no adcode) and, for rows that
    share all of these (two events of one sentence between the same parties), their order in the document."""

    doc_id: str
    char_start: int
    char_end: int
    donor: str
    recipient: str
    ordinal: int = 0


def party_key(adcode: object, name: object) -> str:
    """A party as a key: ``510100|成都市``, or the name alone where there is no adcode."""
    return f"{adcode}|{name or ''}" if adcode else str(name or "")


# The same in SQL, over the events table aliased ``e`` (for finding orphans).
PARTY_KEY_SQL = ("CASE WHEN coalesce(e.{role}_adcode, '') <> '' THEN e.{role}_adcode || '|' || coalesce(e.{role}, '') "
                 "ELSE coalesce(e.{role}, '') END")


class Keyer:
    """Keys of a document's extracted rows read in their order (``row_number``); call :meth:`key` per row."""

    def __init__(self) -> None:
        self.doc_id: str | None = None
        self.seen: Counter[tuple] = Counter()

    def key(self, doc_id: str, row: dict[str, object]) -> RowKey:
        if doc_id != self.doc_id:
            self.doc_id, self.seen = doc_id, Counter()
        base = (doc_id, int(row.get("char_start") or 0), int(row.get("char_end") or 0),
                party_key(row.get("donor_adcode"), row.get("donor")),
                party_key(row.get("recipient_adcode"), row.get("recipient")))
        n = self.seen[base]
        self.seen[base] += 1
        return RowKey(*base, n)


def active_corrections(con) -> dict[RowKey, dict[str, object]]:
    """Key → {field: new value} of every active correction, the latest per field."""
    out: dict[RowKey, dict[str, object]] = {}
    for *key, field, value in con.execute(
            "SELECT doc_id, char_start, char_end, donor_key, recipient_key, ordinal, field, new_value FROM corrections "
            "WHERE status = 'active' ORDER BY created_at, correction_id").fetchall():
        out.setdefault(RowKey(*key), {})[field] = json.loads(value)
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
