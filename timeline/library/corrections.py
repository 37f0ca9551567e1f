"""Corrections that stick: a person's fixes to event rows, kept in the library and laid over every later
extraction (:mod:`timeline.library.overlay` applies them when rows are read).

A correction names its row by :class:`~timeline.library.overlay.RowKey` (the document's content hash, the
evidence span, the extracted pair). The CSV's ``event_id`` alone is not that key: it is a digest of the
document's *name*, the span and the event's place in its sentence, and one event gives a row per donor ×
recipient. So an edited CSV row is found by its ``event_id`` (and, where the event has several rows, by
the pair), and the correction is stored under the row's key.

Two files come in through :func:`~timeline.library.cells.read_table` → :func:`plan_corrections` / :func:`plan_import`:
an events CSV (the timeline export, edited in Excel; English or Chinese headers, UTF-8 with or without a
BOM, or GBK) — only the cells that differ from the library's current value become corrections, and a
``status`` cell ``not_an_event`` removes a row — and a corrections CSV (:func:`corrections_csv`), which
moves one person's corrections to another library. Every problem of a file is collected and raised
together as :class:`CorrectionError` before anything is written; :func:`commit` writes a plan in one
transaction. Nothing is deleted: :func:`undo` marks a correction undone.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pyarrow as pa

from timeline.events.export import EVENT_COLUMNS, neutralise
from timeline.events.model import EventKind
from timeline.library.errors import CellError, CorrectionError, UnknownCorrectionError
from timeline.library.overlay import (
    DATE_FIELDS, FIELDS, NOT_AN_EVENT, PARTY_KEY_SQL, PLACE_FIELDS, Keyer, RowKey, active_corrections,
    apply_corrections,
)
from timeline.library.cells import (
    amount, cell_text, check_date, place_of, read_table, resolve_place, same_value, shown_value, whole,
)

__all__ = [
    "CORRECTION_COLUMNS", "STATUS", "Change", "CorrectionRecord", "Plan", "Unmatched", "commit", "corrected_documents",
    "corrections_csv",
    "list_corrections", "plan_corrections", "plan_import", "read_table", "undo",
]

STATUS = "status"  # the events CSV's extra column: not_an_event removes the row
CORRECTION_COLUMNS = (
    "correction_id", "doc_id", "doc", "event_id", "char_start", "char_end", "donor_key", "recipient_key",
    "ordinal", "field", "old_value", "new_value", "note", "author", "created_at", "status", "undone_at",
)
_ARROW_SCHEMA = pa.schema([(c, pa.int64() if c in ("char_start", "char_end", "ordinal") else
                            pa.timestamp("us") if c in ("created_at", "undone_at") else pa.string())
                           for c in CORRECTION_COLUMNS])
_MAX_LISTED = 30  # problems listed in one message
_NOT_AN_EVENT_WORDS = {"not_an_event", "not an event", "not-an-event", "非事件", "不是事件"}
_INT_FIELDS = ("year", "month", "day", "people")
_PARTY_CELLS = ("donor", "donor_adcode", "recipient", "recipient_adcode")

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True)
class Change:
    """One cell to correct: ``old`` is the library's current value, ``new`` the one asked for."""

    key: RowKey
    event_id: str
    doc: str
    field: str
    old: object
    new: object
    line: int = 0  # the CSV line it came from (0: not from a file)

    def describe(self) -> str:
        return f"{self.doc} {self.event_id} {self.field}: {shown_value(self.old)} → {shown_value(self.new)}"


@dataclass(frozen=True)
class Unmatched:
    """A row of the file that matches no event: ``str()`` says why in English; ``code`` and ``params`` let the
    app say it in its language."""

    line: int
    code: str
    params: dict[str, object] = field(default_factory=dict)
    text: str = ""

    def __str__(self) -> str:
        return self.text


def _problem(line: int, event_id: str, err: Exception) -> dict[str, object]:
    """A refused row as plain data: its line, the event and what is wrong (``code``/``params`` when known)."""
    where = f"line {line}" + (f" ({event_id})" if event_id else "")
    return {"code": "corrections.row_problem" if event_id else "corrections.line_problem", "text": f"{where}: {err}",
            "params": {"line": line, "event_id": event_id,
                       "problem": {"code": getattr(err, "code", ""), "params": getattr(err, "params", {}),
                                   "text": str(err)}}}


@dataclass
class Plan:
    """What a file would do: the changes (shown before they are applied), the rows that match nothing,
    and the imported corrections already there (a corrections file read twice)."""

    changes: list[Change] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    rows: int = 0
    imported: list[dict[str, object]] = field(default_factory=list)  # corrections file: records to insert
    already: int = 0

    @property
    def empty(self) -> bool:
        return not self.changes and not self.imported

    def preview(self) -> list[str]:
        """One line per change, then one per unmatched row."""
        lines = [f"line {c.line}: {c.describe()}" if c.line else c.describe() for c in self.changes]
        lines += [f"{r['doc']} {r['event_id']} {r['field']}: → {shown_value(json.loads(r['new_value']))} (imported)"
                  for r in self.imported]
        return lines + [f"not matched: {u}" for u in self.unmatched]


@dataclass(frozen=True)
class CorrectionRecord:
    """A stored correction, for the audit list."""

    correction_id: str
    doc_id: str
    doc: str
    event_id: str
    field: str
    old_value: object
    new_value: object
    note: str
    author: str
    created_at: dt.datetime
    status: str
    undone_at: dt.datetime | None
    orphaned: bool  # its row is no longer extracted from the document (or the document is gone)


# ---------------------------------------------------------------------------------------------- library rows

@dataclass(frozen=True)
class _Current:
    key: RowKey
    row: dict[str, object]  # with corrections applied
    hidden: bool  # marked not an event


def _current_rows(con) -> dict[str, list[_Current]]:
    """event_id → its rows as they read now (corrected), hidden ones included."""
    fixes = active_corrections(con)
    cols = ", ".join(f'e."{c}"' for c in EVENT_COLUMNS if c not in ("url", "title"))
    names = [c for c in EVENT_COLUMNS if c not in ("url", "title")]
    out: dict[str, list[_Current]] = {}
    keyer = Keyer()
    for r in con.execute(f"SELECT e.doc_id, {cols} FROM events e ORDER BY e.doc_id, e.row_number").fetchall():
        row = dict(zip(names, r[1:]))
        key = keyer.key(r[0], row)
        own = fixes.get(key) or {}
        hidden = bool(own.get(NOT_AN_EVENT))
        fixed = apply_corrections(row, {f: v for f, v in own.items() if f != NOT_AN_EVENT})
        out.setdefault(str(row["event_id"]), []).append(_Current(key, fixed, hidden))
    return out


def _match(candidates: list[_Current], cells: Mapping[str, str]) -> _Current | None:
    if len(candidates) <= 1:
        return candidates[0] if candidates else None

    def agree(c: _Current) -> int:
        return sum(1 for k in _PARTY_CELLS if k in cells and cell_text(cells[k]) == str(c.row.get(k) or ""))
    scored = sorted(((agree(c), i) for i, c in enumerate(candidates)), reverse=True)
    if scored[0][0] == 0 or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return candidates[scored[0][1]]


# ---------------------------------------------------------------------------------------------- planning

def plan_corrections(con, header: Sequence[str], rows: Sequence[Mapping[str, str]], *, name: str = "the file"
                     ) -> Plan:
    """The changes an edited events table asks for, checked against the library; nothing written.

    Raises:
        CorrectionError: a key column is missing, or any cell is invalid (every one is listed).
    """
    if {"correction_id", "field", "new_value"} <= set(header):
        return plan_import(con, rows, name=name)
    if "event_id" not in header:
        shown = ", ".join(h for h in list(header)[:8] if h) or "none"
        raise CorrectionError(
            f"{name} has no event_id column (事件编号), so its rows cannot be matched to events: it is not a "
            f"Pairing Atlas events CSV (its columns: {shown}). Export the events (library export, or the app's "
            "CSV download), edit that file, and import it.", code="corrections.no_event_id", name=name,
            columns=shown)
    editable = [f for f in FIELDS if f in header and f != NOT_AN_EVENT]
    if not editable and STATUS not in header:
        raise CorrectionError(f"{name} has an event_id column but none that can be corrected "
                              f"({', '.join(FIELDS[:-1])}, or status); nothing to do.",
                              code="corrections.nothing_correctable", name=name)
    current = _current_rows(con)
    plan, problems = Plan(rows=len(rows)), []
    for line, cells in enumerate(rows, start=2):
        event_id = cell_text(cells.get("event_id", ""))
        if not event_id:
            plan.unmatched.append(Unmatched(line, "unmatched.no_event_id", {"line": line}, f"line {line}: no event_id"))
            continue
        found = _match(current.get(event_id, []), cells)
        if found is None:
            missing = event_id not in current
            why = ("is not in this library" if missing else
                   "has several rows and the donor/recipient cells do not tell which")
            plan.unmatched.append(Unmatched(
                line, "unmatched.not_in_library" if missing else "unmatched.which_row",
                {"line": line, "event_id": event_id, "doc": cells.get("doc", "")},
                f"line {line}: event {event_id} ({cells.get('doc', '')}) {why}"))
            continue
        if found.hidden and cell_text(cells.get(STATUS, "")).lower() not in _NOT_AN_EVENT_WORDS:
            plan.unmatched.append(Unmatched(
                line, "unmatched.hidden", {"line": line, "event_id": event_id},
                f"line {line}: event {event_id} is marked not an event in this library; undo "
                "that correction to show it again ('library corrections --doc', then 'library undo')"))
            continue
        try:
            plan.changes.extend(_row_changes(found, cells, editable, line))
        except ValueError as err:
            problems.append(_problem(line, event_id, err))
    changes: dict[tuple[RowKey, str], Change] = {}
    for c in plan.changes:  # a row given twice: its last line counts
        changes.pop((c.key, c.field), None)
        changes[(c.key, c.field)] = c
    plan.changes = list(changes.values())
    if problems:
        more = f" … and {len(problems) - _MAX_LISTED} more" if len(problems) > _MAX_LISTED else ""
        raise CorrectionError(f"{name}: {len(problems)} rows cannot be applied, so nothing was applied:\n  "
                              + "\n  ".join(str(p["text"]) for p in problems[:_MAX_LISTED]) + more,
                              code="corrections.rows_refused", name=name, n=len(problems),
                              problems=problems[:_MAX_LISTED], more=max(0, len(problems) - _MAX_LISTED))
    return plan


def _row_changes(found: _Current, cells: Mapping[str, str], editable: list[str], line: int) -> list[Change]:
    row = found.row
    out: list[Change] = []

    def change(field: str, old: object, new: object) -> None:
        out.append(Change(found.key, str(row["event_id"]), str(row["doc"]), field, old, new, line))

    status = cell_text(cells.get(STATUS, "")).lower()
    if status and status not in _NOT_AN_EVENT_WORDS:
        raise CellError(f"status {status!r}: write not_an_event to remove the row, or leave it empty",
                        code="cell.status", value=status)
    if status:
        if not found.hidden:
            change(NOT_AN_EVENT, False, True)
        return out  # a removed row's other cells do not matter
    new_values: dict[str, object] = {}
    for field in editable:
        if field in _INT_FIELDS:
            new_values[field] = whole(cells.get(field, ""), field)
        elif field == "amount_yuan":
            new_values[field] = amount(cells.get(field, ""))
        elif field == "kind":
            kind = cell_text(cells.get(field, ""))
            if kind not in {k.value for k in EventKind}:
                raise CellError(f"kind {kind!r} is not one of {', '.join(k.value for k in EventKind)}",
                                code="cell.kind", value=kind, kinds=[k.value for k in EventKind])
            new_values[field] = kind
        else:  # a place: changed when its name cell changed, or its adcode cell to a third place
            old = place_of(row, field)
            name = cell_text(cells.get(field, ""))
            code = cell_text(cells.get(f"{field}_adcode", old["adcode"])).removesuffix(".0")
            # The adcode the extractor found is what an export made before the name was corrected still
            # says: it is no edit (else the same file imported twice would undo its own correction).
            extracted = getattr(found.key, field).partition("|")
            typed_code = code if code not in (old["adcode"], extracted[0] if extracted[1] else "") else ""
            if name == old["name"] and not typed_code:
                continue
            new_values[field] = resolve_place(name, typed_code, field)
    if new_values.get("people") is not None and new_values["people"] < 0:
        raise CellError(f"people {new_values['people']} cannot be negative", code="cell.negative_people",
                        value=new_values["people"])
    date = {f: new_values.get(f, row.get(f)) for f in DATE_FIELDS}
    if any(f in new_values and not same_value(f, row.get(f), new_values[f]) for f in DATE_FIELDS):
        check_date(date["year"], date["month"], date["day"])
    for field, new in new_values.items():
        old = place_of(row, field) if field in PLACE_FIELDS else row.get(field)
        if not same_value(field, old, new):
            change(field, old, new)
    return out


def plan_import(con, rows: Sequence[Mapping[str, str]], *, name: str = "the file") -> Plan:
    """The corrections of a corrections CSV (:func:`corrections_csv`) this library lacks; nothing written.

    Raises:
        CorrectionError: a row is malformed (every one is listed).
    """
    have = {r[0] for r in con.execute("SELECT correction_id FROM corrections").fetchall()}
    plan, problems = Plan(rows=len(rows)), []
    for line, cells in enumerate(rows, start=2):
        try:
            record = {c: cell_text(cells.get(c, "")) for c in CORRECTION_COLUMNS}
            if record["field"] not in FIELDS:
                raise ValueError(f"field {record['field']!r} is not one of {', '.join(FIELDS)}")
            for c in ("old_value", "new_value"):
                try:
                    json.loads(record[c] or "null")
                except json.JSONDecodeError:
                    raise ValueError(f"{c} {record[c]!r} is not a value this file format writes") from None
            record["char_start"], record["char_end"] = whole(record["char_start"], "char_start"), whole(
                record["char_end"], "char_end")
            record["ordinal"] = whole(record["ordinal"], "ordinal") or 0
            if not record["correction_id"] or not record["doc_id"] or record["char_start"] is None:
                raise ValueError("correction_id, doc_id and char_start are needed")
            record["created_at"] = dt.datetime.fromisoformat(record["created_at"])
            record["undone_at"] = dt.datetime.fromisoformat(record["undone_at"]) if record["undone_at"] else None
            if record["status"] not in ("active", "undone"):
                raise ValueError(f"status {record['status']!r} is neither active nor undone")
        except (TypeError, ValueError) as err:
            problems.append(_problem(line, "", err))
            continue
        if record["correction_id"] in have:
            plan.already += 1
        else:
            have.add(record["correction_id"])
            plan.imported.append(record)
    if problems:
        raise CorrectionError(f"{name}: {len(problems)} corrections are malformed, so none was imported:\n  "
                              + "\n  ".join(str(p["text"]) for p in problems[:_MAX_LISTED]),
                              code="corrections.import_refused", name=name, n=len(problems),
                              problems=problems[:_MAX_LISTED], more=max(0, len(problems) - _MAX_LISTED))
    return plan


# ---------------------------------------------------------------------------------------------- writing

def _digest(*parts: object) -> str:
    return hashlib.sha256("\x00".join(map(str, parts)).encode()).hexdigest()[:16]


def commit(con, plan: Plan, *, note: str = "", author: str = "", now: Clock = dt.datetime.now) -> int:
    """Write a plan's corrections in one transaction (all or none); returns how many were written."""
    when = now()
    records = [{
        "correction_id": _digest(*vars(c.key).values(), c.field, json.dumps(c.new), when.isoformat(), author),
        "doc_id": c.key.doc_id, "doc": c.doc, "event_id": c.event_id, "char_start": c.key.char_start,
        "char_end": c.key.char_end, "donor_key": c.key.donor, "recipient_key": c.key.recipient, "ordinal": c.key.ordinal,
        "field": c.field,
        "old_value": json.dumps(c.old, ensure_ascii=False), "new_value": json.dumps(c.new, ensure_ascii=False),
        "note": note, "author": author, "created_at": when, "status": "active", "undone_at": None,
    } for c in plan.changes] + plan.imported
    if not records:
        return 0
    columns = ", ".join(CORRECTION_COLUMNS)
    table = pa.Table.from_pylist([{c: r[c] for c in CORRECTION_COLUMNS} for r in records], schema=_ARROW_SCHEMA)
    con.register("new_corrections", table)  # one insert of them all, not a statement per row
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"INSERT INTO corrections ({columns}) SELECT {columns} FROM new_corrections")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("new_corrections")
    return len(records)


def undo(con, correction_id: str, *, now: Clock = dt.datetime.now) -> CorrectionRecord:
    """Mark a correction undone (the value before it shows again); returns it.

    Raises:
        UnknownCorrectionError: no active correction with that id (or the start of it, 6+ characters).
    """
    ids = [r[0] for r in con.execute("SELECT correction_id FROM corrections WHERE status = 'active' AND "
                                     "starts_with(correction_id, ?)", [correction_id.strip()]).fetchall()]
    if len(correction_id.strip()) < 6 or len(ids) != 1:
        unknown = not ids or len(correction_id.strip()) < 6
        raise UnknownCorrectionError(
            f"no active correction {correction_id!r} in the library" if unknown
            else f"{correction_id!r} names {len(ids)} corrections; give more of the id",
            code="corrections.unknown" if unknown else "corrections.ambiguous", id=correction_id, n=len(ids))
    con.execute("UPDATE corrections SET status = 'undone', undone_at = ? WHERE correction_id = ?", [now(), ids[0]])
    return next(r for r in list_corrections(con) if r.correction_id == ids[0])


_KEYED = f"""WITH keyed AS (
    SELECT doc_id, char_start, char_end, {PARTY_KEY_SQL.format(role="donor")} AS donor_key,
           {PARTY_KEY_SQL.format(role="recipient")} AS recipient_key, row_number() OVER (PARTITION BY doc_id,
           char_start, char_end, donor_key, recipient_key ORDER BY row_number) - 1 AS ordinal
    FROM events e)"""
_ORPHAN = """NOT EXISTS (SELECT 1 FROM keyed k WHERE k.doc_id = c.doc_id AND k.char_start = c.char_start
    AND k.char_end = c.char_end AND k.donor_key = c.donor_key AND k.recipient_key = c.recipient_key
    AND k.ordinal = c.ordinal)"""


def list_corrections(con, *, doc: str | None = None, orphaned_only: bool = False) -> list[CorrectionRecord]:
    """Every correction (newest first), of one document (its name or doc_id) when ``doc`` is given, with
    whether its row is still extracted."""
    where, params = [], []
    if doc:
        where.append("(c.doc = ? OR c.doc_id = ?)")
        params += [doc, doc]
    if orphaned_only:
        where.append(_ORPHAN)
    sql = (f"{_KEYED} SELECT c.correction_id, c.doc_id, c.doc, c.event_id, c.field, c.old_value, c.new_value, c.note, "
           f"c.author, c.created_at, c.status, c.undone_at, {_ORPHAN} FROM corrections c "
           f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY c.created_at DESC, c.correction_id")
    return [CorrectionRecord(*r[:5], json.loads(r[5]), json.loads(r[6]), *r[7:]) for r in
            con.execute(sql, params).fetchall()]


def corrected_documents(con) -> list[str]:
    """The names of the documents that have corrections (active or undone), sorted: one look at the corrections
    table (:func:`list_corrections` also works out, over every event, whether each is orphaned)."""
    return [r[0] for r in con.execute("SELECT DISTINCT doc FROM corrections ORDER BY doc").fetchall()]


def corrections_csv(con) -> str:
    """Every correction as a CSV (UTF-8 with BOM) that ``library correct`` imports into another library."""
    buf = io.StringIO(newline="")
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CORRECTION_COLUMNS)
    cols = ", ".join(CORRECTION_COLUMNS)
    for r in con.execute(f"SELECT {cols} FROM corrections ORDER BY created_at, correction_id").fetchall():
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.datetime) else neutralise(v)
                         for v in r])
    return buf.getvalue()
