"""Event rows as the map reads them: each row parsed into a :class:`Row` (typed values or CSV strings), or a
database's typed rows, given as columns, checked a column at a time (:func:`typed_rows`: a large map's cards).

Rows are keyed like the CSV timeline (``timeline.events.export.EVENT_COLUMNS``); :data:`REQUIRED_COLUMNS` must be
there, the others may be missing or empty. A value that is not a number in range raises
:class:`geo.errors.MapDataError` naming the row and the column.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from geo.errors import MapDataError

__all__ = ["CARD_COLUMNS", "REQUIRED_COLUMNS", "Row", "parse_row", "text_of", "typed_rows", "whole_of"]

# The timeline columns the map reads; the others are optional.
REQUIRED_COLUMNS = (
    "event_id", "year", "month", "date_text", "precision", "kind", "donor", "donor_lon",
    "donor_lat", "recipient", "recipient_lon", "recipient_lat", "evidence",
)


class Row(NamedTuple):
    """One row, parsed: what the map needs of it (a tuple: a large map makes tens of thousands)."""

    index: int
    event_id: str
    doc: str
    year: int | None
    month: int | None
    day: int | None
    precision: str
    date_text: str
    kind: str
    programme: str
    donor: str
    donor_adcode: str
    donor_at: tuple[float, float] | None  # (lon, lat)
    recipient: str
    recipient_adcode: str
    recipient_at: tuple[float, float] | None
    amount_yuan: float | None
    people: int | None
    evidence: str

    end_year: int | None = None
    basis: str = ""
    summary: str = ""
    donor_kind: str = ""
    recipient_kind: str = ""
    corrected: str = ""  # the fields a person corrected (``year;donor``), from the library

    @property
    def relation(self) -> tuple:
        return (self.donor, self.donor_at, self.recipient, self.recipient_at)

    def sort_key(self) -> tuple:
        return (self.year is None, self.year or 0, self.month or 0, self.day or 0, self.event_id, self.index)


# -- one row: typed values or CSV strings ---------------------------------------------------

def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and math.isnan(value))  # pandas gives NaN for an empty cell


def text_of(value: object) -> str:
    """A cell as text, stripped (``""`` for an empty cell)."""
    if value.__class__ is str:  # the common case first (a map of 100,000 rows parses millions of cells)
        return value.strip()  # type: ignore[attr-defined]
    return "" if _blank(value) else str(getattr(value, "value", value)).strip()


def _number(row: Mapping, key: str, index: int) -> float | None:
    value = row.get(key)
    if value is None:
        return None
    if value.__class__ is int:
        return float(value)  # type: ignore[arg-type]
    if _blank(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as err:
        raise MapDataError(f"row {index + 1}: {key} {value!r} is not a number; fix or empty the cell") from err
    if not math.isfinite(number):
        raise MapDataError(f"row {index + 1}: {key} {value!r} is not a finite number")
    return number


def whole_of(row: Mapping, key: str, index: int, low: int, high: int) -> int | None:
    """The cell ``key`` as a whole number from ``low`` to ``high`` (``None`` if empty).

    Raises :class:`MapDataError` for anything else."""
    number = _number(row, key, index)
    if number is None:
        return None
    if not number.is_integer() or not low <= number <= high:
        raise MapDataError(f"row {index + 1}: {key} {row.get(key)!r} is not a whole number from {low} to {high}")
    return int(number)


def _point(row: Mapping, prefix: str, index: int) -> tuple[float, float] | None:
    lon = _number(row, f"{prefix}_lon", index)
    lat = _number(row, f"{prefix}_lat", index)
    if lon is None or lat is None:
        return None
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise MapDataError(f"row {index + 1}: {prefix} at lon {lon}, lat {lat} is not on Earth; "
                           "longitude comes first in the _lon column")
    return (lon, lat)


def parse_row(index: int, row: Mapping) -> Row:
    """Row ``index`` (from 0) parsed. Raises :class:`MapDataError` for a missing required column or a value
    that is not a number in range."""
    missing = [c for c in REQUIRED_COLUMNS if c not in row]
    if missing:
        raise MapDataError(f"row {index + 1} has no {', '.join(missing)}; "
                           "give rows with the CSV timeline's columns (timeline.events.export.EVENT_COLUMNS)")
    return Row(
        index=index, event_id=text_of(row["event_id"]), doc=text_of(row.get("doc")),
        year=whole_of(row, "year", index, 1, 9999), month=whole_of(row, "month", index, 1, 12),
        day=whole_of(row, "day", index, 1, 31), precision=text_of(row["precision"]),
        date_text=text_of(row["date_text"]), kind=text_of(row["kind"]) or "other",
        programme=text_of(row.get("programme")), donor=text_of(row["donor"]),
        donor_adcode=text_of(row.get("donor_adcode")), donor_at=_point(row, "donor", index),
        recipient=text_of(row["recipient"]), recipient_adcode=text_of(row.get("recipient_adcode")),
        recipient_at=_point(row, "recipient", index), amount_yuan=_number(row, "amount_yuan", index),
        people=whole_of(row, "people", index, 0, 10**9), evidence=text_of(row["evidence"]),
        end_year=whole_of(row, "end_year", index, 1, 9999), basis=text_of(row.get("basis")),
        summary=text_of(row.get("summary")), donor_kind=text_of(row.get("donor_kind")),
        recipient_kind=text_of(row.get("recipient_kind")), corrected=text_of(row.get("corrected")),
    )


# -- many rows from a database: checked a column at a time ------------------------------------

_TEXTS = ("event_id", "doc", "precision", "date_text", "kind", "programme", "donor", "donor_adcode", "recipient",
          "recipient_adcode", "evidence", "basis", "summary", "donor_kind", "recipient_kind", "corrected")
_WHOLES = {"year": (1, 9999), "month": (1, 12), "day": (1, 31), "end_year": (1, 9999), "people": (0, 10**9)}
_POINTS = {"donor_lon": 180, "donor_lat": 90, "recipient_lon": 180, "recipient_lat": 90}
_NONE = type(None)
# What a relation's card and its events are made of (a row's ``summary`` is not shown on the map).
CARD_COLUMNS = (*(c for c in _TEXTS if c != "summary"), *_WHOLES, *_POINTS, "amount_yuan")


def typed_rows(columns: Mapping[str, Sequence[object]], indexes: Sequence[int]) -> list[Row]:
    """:func:`parse_row` of each row of ``columns`` (the rows' cells a column at a time, keyed like the
    timeline's; ``indexes``: the rows' numbers), for cells already typed (``None``, ``int``, ``float``, ``str``,
    as a database gives them) of rows placed at both ends: each column is checked once for all rows, then the rows
    are made without converting a cell. Rows that are not so (a string for a number, a value out of range, a
    party without coordinates) go through :func:`parse_row`, which names the row and the column in its error.

    Raises :class:`MapDataError` for a missing required column, columns of unequal lengths, or a bad cell."""
    n = len(indexes)
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise MapDataError(f"the rows have no {', '.join(missing)}; "
                           "give rows with the CSV timeline's columns (timeline.events.export.EVENT_COLUMNS)")
    if any(len(values) != n for values in columns.values()):
        raise MapDataError(f"the rows' columns are not all {n:,} long; give one cell per row in each")
    empty = [None] * n
    cells = {c: columns.get(c, empty) for c in (*_TEXTS, *_WHOLES, *_POINTS, "amount_yuan")}
    if not _typed(cells):
        names = list(columns)
        return [parse_row(int(i), dict(zip(names, row))) for i, row in zip(indexes, zip(*columns.values()))]
    text = {c: ["" if v is None else v.strip() for v in cells[c]] for c in _TEXTS}
    kinds = [k or "other" for k in text["kind"]]
    floats = {c: list(map(float, cells[c])) for c in _POINTS}
    amounts = [None if v is None else float(v) for v in cells["amount_yuan"]]
    return list(map(
        Row, map(int, indexes), text["event_id"], text["doc"], cells["year"], cells["month"], cells["day"],
        text["precision"], text["date_text"], kinds, text["programme"], text["donor"], text["donor_adcode"],
        zip(floats["donor_lon"], floats["donor_lat"]), text["recipient"], text["recipient_adcode"],
        zip(floats["recipient_lon"], floats["recipient_lat"]), amounts, cells["people"], text["evidence"],
        cells["end_year"], text["basis"], text["summary"], text["donor_kind"], text["recipient_kind"],
        text["corrected"]))


def _typed(columns: Mapping[str, list]) -> bool:
    """Whether every cell of ``columns`` is of its column's type and in range (the check :func:`parse_row`
    makes of one cell, made once per column)."""
    if any(not set(map(type, columns[c])) <= {str, _NONE} for c in _TEXTS):
        return False
    for column, (low, high) in _WHOLES.items():
        values = columns[column]
        if not set(map(type, values)) <= {int, _NONE}:
            return False
        present = [v for v in values if v is not None]
        if present and not (low <= min(present) and max(present) <= high):
            return False
    amounts = [v for v in columns["amount_yuan"] if v is not None]
    if not set(map(type, amounts)) <= {int, float} or not all(map(math.isfinite, amounts)):
        return False
    for column, bound in _POINTS.items():
        values = columns[column]
        if not set(map(type, values)) <= {int, float} or not all(map(math.isfinite, values)):
            return False  # a party without coordinates (None) included: parse_row says it is not drawn
        if values and not (-bound <= min(values) and max(values) <= bound):
            return False
    return True
