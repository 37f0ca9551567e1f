"""The app's side of corrections (pure functions; :mod:`timeline.library.corrections` does the work).

The events table in edit mode, an uploaded edited CSV, the preview of what either would change, the audit
list with its undo. Every plan is computed again from the same input when it is applied, in one
transaction, so what was previewed is what is applied, or, if the library changed in between, a fresh
check refuses it whole. No Streamlit here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from timeline.events.model import EventKind
from timeline.library import Library
from timeline.library.documents import LIBRARY_COLUMNS
from timeline.library.cells import read_table
from timeline.library.corrections import (
    Plan, commit, corrected_documents, list_corrections, plan_corrections, undo,
)
from timeline.library.overlay import CORRECTED, NOT_AN_EVENT
from timeline.views.labels import column_label, header_aliases, message, ui
from timeline.views.summary import row_summary

__all__ = [
    "DOWNLOAD_COLUMNS", "EDITABLE", "EDITOR_COLUMNS", "KIND_OPTIONS", "apply_table", "audit_documents", "audit_rows", "editor_edits", "editor_frame",
    "plan_table", "preview_rows", "undo_correction", "upload_table",
]

# The cells a person may change in the app's table, and the ones shown beside them to know the row.
EDITABLE = ("year", "month", "day", "donor", "donor_adcode", "recipient", "recipient_adcode", "kind",
            "amount_yuan", "people", NOT_AN_EVENT)
EDITOR_COLUMNS = ("event_id", "doc", "summary", *EDITABLE, CORRECTED)
KIND_OPTIONS = tuple(k.value for k in EventKind)  # the edit mode's choices for ``kind``
# The downloads' columns: the timeline's, and which fields people corrected.
DOWNLOAD_COLUMNS = LIBRARY_COLUMNS
_INTS = ("year", "month", "day", "people")

def editor_frame(rows: Sequence[Mapping[str, object]], lang: str = "zh") -> pd.DataFrame:
    """The rows as the edit mode shows them: machine values (kinds as ``funding``…; the app labels them),
    nullable numbers, ``not_an_event`` unticked, the summary in ``lang``."""
    frame = pd.DataFrame([{c: r.get(c) for c in EDITOR_COLUMNS} | {"summary": row_summary(r, lang)} for r in rows],
                         columns=list(EDITOR_COLUMNS))
    frame[NOT_AN_EVENT] = False
    for c in ("event_id", "doc", "summary", "donor", "donor_adcode", "recipient", "recipient_adcode", "kind",
              CORRECTED):
        frame[c] = frame[c].map(lambda v: "" if v is None else str(v)).astype("string")
    frame["amount_yuan"] = pd.to_numeric(frame["amount_yuan"], errors="coerce").astype("Float64")
    return frame.astype({c: "Int64" for c in _INTS})

def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

def editor_edits(before: pd.DataFrame, after: pd.DataFrame) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows (as CSV cells) the person changed in the edit mode; unchanged rows left out.

    Rows are matched by position (the editor adds and deletes none)."""
    header = ["event_id", "doc", *[c for c in EDITABLE if c != NOT_AN_EVENT], "status"]
    cells = []
    for (_, old), (_, new) in zip(before.iterrows(), after.iterrows()):
        if all(_text(old[c]) == _text(new[c]) for c in EDITABLE):
            continue
        row = {c: _text(new[c]) for c in header if c in new.index}
        row["status"] = NOT_AN_EVENT if bool(new[NOT_AN_EVENT]) else ""
        row["event_id"], row["doc"] = _text(old["event_id"]), _text(old["doc"])
        cells.append(row)
    return header, cells

def upload_table(name: str, raw: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """An uploaded edited CSV (Chinese or English headers, UTF-8 or GBK) as header and rows.

    Raises:
        CorrectionError: empty, not a CSV we can read.
    """
    return read_table(raw, name, aliases=header_aliases())

def plan_table(library: Library, header: Sequence[str], cells: Sequence[Mapping[str, str]], *,
               name: str) -> Plan:
    """What the rows would change (nothing written).

    Raises:
        CorrectionError: a key column missing, a cell invalid (each listed).
    """
    with library.session() as con:
        return plan_corrections(con, header, cells, name=name)

def apply_table(library: Library, header: Sequence[str], cells: Sequence[Mapping[str, str]], *, name: str,
                note: str = "", author: str = "", lang: str = "zh") -> str:
    """Check the rows again and apply them, all or none; what to tell the user.

    Raises:
        CorrectionError: as :func:`plan_table`.
    """
    with library.session() as con:
        plan = plan_corrections(con, header, cells, name=name)
        n = commit(con, plan, note=note.strip(), author=author.strip())
    return ui("corrections_applied", lang, n=n, unmatched=len(plan.unmatched))

def _value(value: object, lang: str) -> str:
    if isinstance(value, dict):
        return f"{value.get('name', '')} ({value.get('adcode') or '—'})"
    if value is True:
        return ui("yes", lang)
    if value is False:
        return ui("no", lang)
    return "" if value is None else _text(value)

def _field(field: str, lang: str) -> str:
    return ui("not_an_event", lang) if field == NOT_AN_EVENT else column_label(field, lang)

def preview_rows(plan: Plan, lang: str = "zh") -> list[dict[str, object]]:
    """One row per change (article, event, field, before, after), then one per unmatched row."""
    out = [{"doc": c.doc, "event_id": c.event_id, "field": _field(c.field, lang), "old": _value(c.old, lang),
            "new": _value(c.new, lang)} for c in plan.changes]
    out += [{"doc": r["doc"], "event_id": r["event_id"], "field": _field(r["field"], lang), "old": "",
             "new": r["new_value"]} for r in plan.imported]
    out += [{"doc": "", "event_id": "", "field": ui("unmatched", lang), "old": "", "new": message(u, lang)}
            for u in plan.unmatched]
    return out

def audit_documents(library: Library) -> list[str]:
    """The documents that have corrections, for the audit's filter."""
    with library.session() as con:
        return corrected_documents(con)

def audit_rows(library: Library, *, doc: str | None = None, lang: str = "zh") -> list[dict[str, object]]:
    """The corrections (newest first), of ``doc`` when given: who, when, note, field, before, after, state."""
    with library.session() as con:
        records = list_corrections(con, doc=doc or None)
    return [{"id": r.correction_id, "doc": r.doc, "event_id": r.event_id, "field": _field(r.field, lang),
             "old": _value(r.old_value, lang), "new": _value(r.new_value, lang), "note": r.note,
             "author": r.author, "when": r.created_at.replace(microsecond=0),
             "state": ui(f"state_{r.status}", lang) + (f" · {ui('orphaned', lang)}" if r.orphaned else ""),
             "active": r.status == "active"} for r in records]

def undo_correction(library: Library, correction_id: str, lang: str = "zh") -> str:
    """Undo one correction; what to tell the user.

    Raises:
        UnknownCorrectionError: it is not there, or already undone (another session).
    """
    with library.session() as con:
        record = undo(con, correction_id)
    return ui("correction_undone", lang, field=_field(record.field, lang), event=record.event_id,
              value=_value(record.old_value, lang))
