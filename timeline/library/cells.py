"""The cells of a corrections file: reading a CSV a person edited (any header language, UTF-8 or GBK), the
values in its cells (whole numbers, yuan, dates that exist, places resolved through the offline geocoder),
and how a value is shown. Used by :mod:`timeline.library.corrections`; raises :class:`CellError` (a
``ValueError``) saying what is wrong with a cell, :class:`CorrectionError` for a file that cannot be read.
"""

from __future__ import annotations

import calendar
import csv
import io
import math
from collections.abc import Mapping
from functools import cache

from timeline.errors import DocumentError
from timeline.library.errors import CellError, CorrectionError
from timeline.library.overlay import PLACE_FIELDS
from timeline.text.encoding import decode_bytes

__all__ = [
    "YEAR_RANGE", "amount", "cell_text", "check_date", "place_of", "read_table", "resolve_place", "same_value",
    "shown_value", "whole",
]

YEAR_RANGE = (1900, 2100)


def shown_value(value: object) -> str:
    if isinstance(value, dict):
        return f"{value.get('name', '')} ({value.get('adcode') or 'no adcode'})"
    return "(empty)" if value is None or value == "" else str(value)


# ---------------------------------------------------------------------------------------------- reading

def read_table(raw: bytes, name: str, *, aliases: Mapping[str, str] | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """The header (as machine names) and rows of a CSV file's bytes.

    ``aliases`` maps other headers (the app's Chinese and English column labels) to machine names.
    Decoded as the articles are (UTF-8 with or without BOM, GBK/GB18030); ``,``, ``;`` or tab separated.

    Raises:
        CorrectionError: empty, undecodable, no header, or a header twice.
    """
    try:
        text = decode_bytes(raw, name=name)
    except DocumentError as err:
        raise CorrectionError(f"{name}: {_reason(err)}; nothing applied. Export the events as CSV, edit it, "
                              "and import that file.", code="corrections.unreadable", name=name,
                              cause={"code": err.code, "params": err.params, "text": _reason(err)}) from err
    lines = text.lstrip("\ufeff").splitlines()
    try:
        dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    records = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=dialect.delimiter))
    lookup = {k.strip().lower(): v for k, v in (aliases or {}).items()}
    header = [lookup.get(h.strip().lower(), h.strip()) for h in records[0]]
    seen = [h for h in header if h and header.count(h) > 1]
    if seen:
        raise CorrectionError(f"{name}: the column {seen[0]!r} appears twice; keep one and import again.",
                              code="corrections.column_twice", name=name, column=seen[0])
    rows = []
    for record in records[1:]:
        if not any(cell.strip() for cell in record):
            continue
        rows.append({h: (record[i] if i < len(record) else "") for i, h in enumerate(header) if h})
    return header, rows


def _reason(err: DocumentError) -> str:
    text = str(err)
    return text.split(": ", 1)[1] if text.startswith(err.path or "\0") and ": " in text else text


# ---------------------------------------------------------------------------------------------- values

def cell_text(value: str) -> str:
    text = value.strip()
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]  # our export defused a formula; the value is what follows
    return text


def whole(value: str, field: str) -> int | None:
    text = cell_text(value).replace(",", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise CellError(f"{field} {text!r} is not a whole number", code="cell.not_whole", field=field,
                        value=text) from None
    if not number.is_integer():
        raise CellError(f"{field} {text!r} is not a whole number", code="cell.not_whole", field=field, value=text)
    return int(number)


def amount(value: str) -> float | None:
    text = cell_text(value).replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise CellError(f"amount_yuan {text!r} is not a number (write yuan as digits, e.g. 5000000)",
                        code="cell.not_amount", value=text) from None
    if not math.isfinite(number) or number < 0:
        raise CellError(f"amount_yuan {text!r} must be a number of yuan, 0 or more", code="cell.negative_amount",
                        value=text)
    return number


def same_value(field: str, old: object, new: object) -> bool:
    if field == "amount_yuan" and old is not None and new is not None:
        return math.isclose(float(old), float(new), rel_tol=1e-9, abs_tol=0.005)
    if field in PLACE_FIELDS:
        return isinstance(old, dict) and isinstance(new, dict) and (old.get("name"), old.get("adcode")) == (
            new.get("name"), new.get("adcode"))
    return old == new or (old in (None, "") and new in (None, ""))


def check_date(year: int | None, month: int | None, day: int | None) -> None:
    """Refuse an impossible date (month 13, 30 February, a day without a month, a year out of range).

    Raises:
        CellError: saying what is wrong.
    """
    if year is not None and not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise CellError(f"year {year} is out of range ({YEAR_RANGE[0]}–{YEAR_RANGE[1]})", code="cell.year_range",
                        year=year, first=YEAR_RANGE[0], last=YEAR_RANGE[1])
    if month is not None and not 1 <= month <= 12:
        raise CellError(f"month {month} does not exist (1–12)", code="cell.month", month=month)
    if day is not None:
        if month is None:
            raise CellError(f"day {day} needs a month", code="cell.day_without_month", day=day)
        last = calendar.monthrange(year if year is not None else 2000, month)[1]  # no year: allow 29 February
        if not 1 <= day <= last:
            raise CellError(f"{'' if year is None else f'{year}-'}{month:02d} has no day {day} (1–{last})",
                            code="cell.no_such_day", month=f"{'' if year is None else f'{year}-'}{month:02d}",
                            day=day, last=last)


@cache
def _geocoder():
    from geo.geocoder import OfflineGeocoder  # loads the gazetteer: only when a place is corrected

    return OfflineGeocoder()


def resolve_place(name: str, adcode: str, role: str) -> dict[str, object]:
    """A typed place as the library stores it: ``{name, adcode, lon, lat, kind}``. ``adcode``, when given,
    decides; else the name is geocoded offline.

    Raises:
        CellError: empty, unknown, or ambiguous (the message lists the candidates with their provinces).
    """
    name, adcode = cell_text(name), cell_text(adcode).removesuffix(".0")
    gaz = _geocoder().gaz
    if adcode:
        place = gaz.places.get(adcode)
        if place is None:
            raise CellError(f"{role}_adcode {adcode!r} is no place in the gazetteer", code="cell.unknown_adcode",
                            field=f"{role}_adcode", value=adcode)
        return {"name": name or place.name, "adcode": adcode, "lon": place.lon, "lat": place.lat, "kind": "place"}
    if not name:
        raise CellError(f"{role} cannot be empty (mark the row not_an_event to remove it)", code="cell.empty_place",
                        field=role)
    found = _geocoder().geocode(name, exactly_one=False)
    if not found:
        raise CellError(f"{role} {name!r} is no place our gazetteer knows; write a county, city or province "
                        f"name (e.g. 平昌县), or its adcode in {role}_adcode", code="cell.unknown_place", field=role,
                        value=name)
    codes = list(dict.fromkeys(loc.raw["adcode"] for loc in found))
    if len(codes) > 1:
        options = "; ".join(f"{c} {gaz.address(c)}" for c in codes[:8])
        example = gaz.address(codes[0]).replace(' ', '')
        raise CellError(f"{role} {name!r} names {len(codes)} places: {options}; write the one you mean in "
                        f"{role}_adcode (or the name with its province, e.g. {example})", code="cell.ambiguous_place",
                        field=role, value=name, n=len(codes), options=options, example=example)
    loc = found[0]
    place = gaz.place(codes[0])
    # A body named after its place (成都市大弯中学) is located there, kept by its own name.
    kind = "organisation" if loc.raw.get("approximate") and not name.endswith(place.name) else "place"
    return {"name": name if kind == "organisation" else place.name, "adcode": place.adcode, "lon": place.lon,
            "lat": place.lat, "kind": kind}


def place_of(row: Mapping[str, object], role: str) -> dict[str, object]:
    return {"name": row.get(role) or "", "adcode": row.get(f"{role}_adcode") or "", "lon": row.get(f"{role}_lon"),
            "lat": row.get(f"{role}_lat"), "kind": row.get(f"{role}_kind") or ""}
