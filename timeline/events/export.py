"""CSV export that opens cleanly in Excel.

UTF-8 with a BOM (so Excel shows Chinese), one header row, empty cells for
missing values, and cells that a spreadsheet would read as a formula
(starting with = + - @, or a tab/carriage return) prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from enum import Enum
from pathlib import Path

from timeline.dates.mention import DateMention

from timeline.events.model import Event, Party
from timeline.text.document import Document

__all__ = [
    "INT_COLUMNS", "FLOAT_COLUMNS",
    "DATE_COLUMNS", "EVENT_COLUMNS", "neutralise", "write_csv", "dates_to_rows", "events_to_rows", "csv_text",
    "with_document_cells", "write_text",
]

DATE_COLUMNS = (
    "doc", "start", "end", "text", "year", "month", "day", "end_year", "end_month", "end_day",
    "precision", "basis", "kind", "url", "title",
)
# The CLI's and the app's timeline: the first 23 columns are the documented
# schema, in this order; the rest add what a user filters on.
EVENT_COLUMNS = (
    "event_id", "doc", "year", "month", "day", "date_text", "precision", "basis", "kind",
    "donor", "donor_adcode", "donor_lon", "donor_lat", "recipient", "recipient_adcode", "recipient_lon",
    "recipient_lat", "amount_yuan", "people", "summary", "evidence", "char_start", "char_end",
    "programme", "end_year", "end_month", "end_day", "donor_kind", "recipient_kind",
    # Summing: an event with two donors is two rows; its amount and people are
    # given once, on its first row, in the event_ columns (sum those, not amount_yuan).
    "event_rows", "event_amount_yuan", "event_people", "mentions", "mention_spans", "url", "title",
)
# The numeric columns (the rest are text): Parquet and the library keep these types.
INT_COLUMNS = frozenset({"year", "month", "day", "end_year", "end_month", "end_day", "people", "char_start",
                         "char_end", "event_rows", "event_people", "mentions"})
FLOAT_COLUMNS = frozenset({"amount_yuan", "donor_lon", "donor_lat", "recipient_lon", "recipient_lat",
                           "event_amount_yuan"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """A cell's text, with spreadsheet formulas defused (CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 330000000, not 330000000.0
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def dates_to_rows(mentions: Iterable[DateMention]) -> list[dict[str, object]]:
    """Mentions as dicts keyed by :data:`DATE_COLUMNS`."""
    return [{k: v for k, v in asdict(m).items() if k in DATE_COLUMNS} for m in mentions]


def _party_cells(prefix: str, party: Party) -> dict[str, object]:
    return {
        prefix: party.name,
        f"{prefix}_adcode": party.adcode,
        f"{prefix}_lon": party.lon,
        f"{prefix}_lat": party.lat,
        f"{prefix}_kind": party.kind,
    }


def events_to_rows(events: Iterable[Event]) -> list[dict[str, object]]:
    """One row per event × donor × recipient, keyed by :data:`EVENT_COLUMNS`.

    An event whose sentence states no date has empty date cells, precision
    ``unknown`` and basis ``not_stated``; one dated by the sentence it continues
    has basis ``context``. ``amount_yuan``/``people`` repeat on every row of an
    event; ``event_amount_yuan``/``event_people`` are filled on its first row
    only, so summing them counts each event once.
    """
    rows = []
    for ev in events:
        d = ev.date
        base = {
            "event_id": ev.event_id, "doc": ev.doc, "kind": ev.kind, "programme": ev.programme,
            "year": d.year if d else None, "month": d.month if d else None, "day": d.day if d else None,
            "end_year": d.end_year if d else None, "end_month": d.end_month if d else None,
            "end_day": d.end_day if d else None, "date_text": d.text if d else "",
            "precision": d.precision if d else "unknown", "basis": d.basis if d else "not_stated",
            "amount_yuan": ev.amount_yuan, "people": ev.people, "summary": ev.summary,
            "evidence": ev.evidence, "char_start": ev.char_start, "char_end": ev.char_end,
        }
        n_rows = len(ev.donors) * len(ev.recipients)
        spans = ev.spans or ((ev.char_start, ev.char_end),)
        base.update(event_rows=n_rows, mentions=len(spans), mention_spans=";".join(f"{a}-{b}" for a, b in spans))
        first = True
        for donor in ev.donors:
            for recipient in ev.recipients:
                once = {"event_amount_yuan": ev.amount_yuan if first else None,
                        "event_people": ev.people if first else None}
                first = False
                rows.append({**base, **once, **_party_cells("donor", donor), **_party_cells("recipient", recipient)})
    return rows


def with_document_cells(rows: Iterable[dict[str, object]], documents: Iterable[Document]) -> list[dict[str, object]]:
    """``rows`` with the ``url`` and ``title`` of the document each names in ``doc``."""
    by_doc = {d.doc: d for d in documents}
    return [{**row, "url": by_doc[row["doc"]].url, "title": by_doc[row["doc"]].title}
            if row.get("doc") in by_doc else dict(row) for row in rows]


def csv_text(rows: Iterable[dict[str, object]], columns: Sequence[str]) -> str:
    """The CSV as a string with a leading BOM, ready to save or download."""
    buf = io.StringIO(newline="")
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(row.get(c)) for c in columns])
    return buf.getvalue()


def write_csv(path: str | Path, rows: Iterable[dict[str, object]], columns: Sequence[str]) -> None:
    """Write ``rows`` to ``path`` as Excel-friendly CSV (see module docs), all at once: a file is either
    the whole CSV or left as it was (written beside it, then moved into place)."""
    write_text(path, csv_text(rows, columns))


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` all at once (beside it, then moved into place)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        tmp.write_text(text, encoding="utf-8", newline="")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
