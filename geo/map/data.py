"""Map data for donor → recipient events: GeoJSON dicts, built without folium.

:func:`build_map_data` turns event rows (the CSV timeline's columns, typed or as
strings read back from the CSV) into what the map draws: curved arcs with
arrowheads for events with a year (each coordinate carrying the ISO time the
TimeDimension player shows it from), dashed arcs for events whose year is not
stated (no times: they are always shown, never given a fake date), place
markers sized by activity, counts for the legend and the bounds to fit.
:mod:`geo.map.render` only renders this data.

Counts are over rows, one per event × donor × recipient (one arc each):
``events == dated + undated + not_on_map``; a row with a party that has no
coordinates (an organisation with no place, a region kept as text) is counted
``not_on_map`` and never drawn at invented coordinates.
"""

from __future__ import annotations

import html
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from geo.map.arcs import ARC_POINTS, BULGE, arc_coordinates, arrowhead
from geo.errors import MapDataError

__all__ = [
    "REQUIRED_COLUMNS", "KIND_COLOURS", "KIND_LABELS", "YEAR_NOT_STATED",
    "build_map_data", "to_geojson", "arc_coordinates", "arrowhead",
]

# The timeline columns the map reads; the others are optional.
REQUIRED_COLUMNS = (
    "event_id", "year", "month", "date_text", "precision", "kind", "donor", "donor_lon",
    "donor_lat", "recipient", "recipient_lon", "recipient_lat", "evidence",
)
# Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
KIND_COLOURS = {
    "pairing_start": "#D55E00", "agreement": "#CC79A7", "team_arrival": "#0072B2",
    "funding": "#009E73", "park": "#E69F00", "visit": "#56B4E9", "other": "#555555",
}
KIND_LABELS = {
    "pairing_start": "pairing starts", "agreement": "agreement", "team_arrival": "team arrives",
    "funding": "funding", "park": "park", "visit": "visit", "other": "other",
}
UNKNOWN_KIND_COLOUR = "#999999"
YEAR_NOT_STATED = "year not stated"
FAN_STEPS = 5  # arcs of one pair fan out over this many bulges, so their popups stay reachable
EVIDENCE_MAX = 400
_MONTH_PRECISIONS = frozenset({"month", "day"})


@dataclass(frozen=True)
class _Row:
    """One row, parsed: what the map needs of it."""

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

    def time(self, by_month: bool = True) -> str | None:
        """The ISO time the player shows this row from: its year, or its month (``by_month``)."""
        if self.year is None:
            return None
        if by_month and self.month is not None and self.precision in _MONTH_PRECISIONS:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def pair(self) -> tuple[str, str, str, str]:
        return (self.donor, self.donor_adcode, self.recipient, self.recipient_adcode)


# -- parsing: typed values or CSV strings -------------------------------------------------

def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and math.isnan(value))  # pandas gives NaN for an empty cell


def _text(value: object) -> str:
    return "" if _blank(value) else str(getattr(value, "value", value)).strip()


def _number(row: Mapping, key: str, index: int) -> float | None:
    value = row.get(key)
    if _blank(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as err:
        raise MapDataError(f"row {index + 1}: {key} {value!r} is not a number; fix or empty the cell") from err
    if not math.isfinite(number):
        raise MapDataError(f"row {index + 1}: {key} {value!r} is not a finite number")
    return number


def _whole(row: Mapping, key: str, index: int, low: int, high: int) -> int | None:
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


def _parse(index: int, row: Mapping) -> _Row:
    missing = [c for c in REQUIRED_COLUMNS if c not in row]
    if missing:
        raise MapDataError(f"row {index + 1} has no {', '.join(missing)}; "
                           "give rows with the CSV timeline's columns (timeline.events.export.EVENT_COLUMNS)")
    return _Row(
        index=index, event_id=_text(row["event_id"]), doc=_text(row.get("doc")),
        year=_whole(row, "year", index, 1, 9999), month=_whole(row, "month", index, 1, 12),
        day=_whole(row, "day", index, 1, 31), precision=_text(row["precision"]),
        date_text=_text(row["date_text"]), kind=_text(row["kind"]) or "other",
        programme=_text(row.get("programme")), donor=_text(row["donor"]),
        donor_adcode=_text(row.get("donor_adcode")), donor_at=_point(row, "donor", index),
        recipient=_text(row["recipient"]), recipient_adcode=_text(row.get("recipient_adcode")),
        recipient_at=_point(row, "recipient", index), amount_yuan=_number(row, "amount_yuan", index),
        people=_whole(row, "people", index, 0, 10**9), evidence=_text(row["evidence"]),
    )


# -- popups (everything escaped: the text is news, untrusted) -----------------------------

def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _date_label(row: _Row) -> str:
    if row.year is None:
        return f"{row.date_text} ({YEAR_NOT_STATED})" if row.date_text else YEAR_NOT_STATED
    if not row.date_text:
        return str(row.year)
    return row.date_text if str(row.year) in row.date_text else f"{row.date_text} ({row.year})"


def _clip(text: str) -> str:
    return text if len(text) <= EVIDENCE_MAX else text[: EVIDENCE_MAX - 1] + "…"


def _event_popup(row: _Row) -> str:
    extra = []
    if row.amount_yuan is not None:
        extra.append(f"¥{row.amount_yuan:,.0f}")
    if row.people is not None:
        extra.append(f"{row.people:,} people")
    return (
        f'<div class="atlas-popup"><b>{_e(row.donor)} → {_e(row.recipient)}</b><br>'
        f"{_e(_date_label(row))} · {_e(KIND_LABELS.get(row.kind, row.kind))}"
        + (f" · {_e(' · '.join(extra))}" if extra else "")
        + f'<p style="margin:4px 0">{_e(_clip(row.evidence))}</p>'
        f'<small>{_e(row.doc)}</small></div>'
    )


def _group_popup(rows: list[_Row]) -> str:
    first = rows[0]
    when = YEAR_NOT_STATED if first.year is None else str(first.year)
    kinds = Counter(KIND_LABELS.get(r.kind, r.kind) for r in rows)
    amounts = [r.amount_yuan for r in rows if r.amount_yuan is not None]
    lines = [f"<b>{_e(first.donor)} → {_e(first.recipient)}</b>",
             f"{_e(when)} · {len(rows):,} event{'s' if len(rows) > 1 else ''}",
             _e(", ".join(f"{k} {n}" for k, n in kinds.most_common()))]
    if amounts:
        lines.append(_e(f"total ¥{sum(amounts):,.0f} (amount stated in {len(amounts)} of {len(rows)})"))
    lines.append(f'<p style="margin:4px 0">e.g. {_e(_clip(first.evidence))}</p>')
    return '<div class="atlas-popup">' + "<br>".join(lines) + "</div>"


# -- features ---------------------------------------------------------------------------------

def _colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, UNKNOWN_KIND_COLOUR)


def _arc_features(group: list[_Row], fan: int, aggregated: bool) -> tuple[dict, dict]:
    """The arc and its arrowhead for one row, or for one aggregated group of rows (one pair, one year)."""
    first = group[0]
    coords = arc_coordinates(first.donor_at, first.recipient_at, bulge=BULGE * (1 + 0.35 * (fan % FAN_STEPS)))
    kinds = Counter(r.kind for r in group)
    kind = kinds.most_common(1)[0][0]
    colour = _colour(kind)
    time = first.time(by_month=not aggregated)
    weight = round(2 + 1.5 * math.log2(len(group)), 1) if aggregated else 2.5
    amounts = [r.amount_yuan for r in group if r.amount_yuan is not None]
    props = {
        "donor": first.donor, "donor_adcode": first.donor_adcode,
        "recipient": first.recipient, "recipient_adcode": first.recipient_adcode,
        "year": first.year, "month": None if aggregated else first.month,
        "day": None if aggregated else first.day, "date_text": "" if aggregated else first.date_text,
        "precision": first.precision,
        "kind": kind, "programme": first.programme, "count": len(group),
        "event_ids": [r.event_id for r in group], "evidence": "" if aggregated else first.evidence,
        "doc": "" if aggregated else first.doc,
        "amount_yuan": sum(amounts) if amounts else None,
        "popup": _group_popup(group) if aggregated else _event_popup(first),
        "tooltip": _e(f"{first.donor} → {first.recipient} · {YEAR_NOT_STATED if time is None else time}"),
    }
    arc_style = {"color": colour, "weight": weight, "opacity": 0.85}
    if time is None:
        arc_style.update(opacity=0.7, dashArray="6 6")
    arc = {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords},
           "properties": {**props, "style": arc_style}}
    arrow = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": arrowhead(coords)},
             "properties": {"tooltip": props["tooltip"], "year": first.year,  # the popup is the arc's
                            "style": {"color": colour, "weight": 1, "fillColor": colour,
                                      "fillOpacity": 0.9 if time else 0.6, "opacity": 0.9}}}
    if time is not None:
        arc["properties"]["times"] = [time] * len(coords)
        arrow["properties"]["times"] = [time]  # one per ring: TimeDimension slices a Polygon's rings
    return arc, arrow


def _place_features(rows: list[_Row]) -> list[dict]:
    names: dict[tuple[float, float], Counter] = defaultdict(Counter)
    as_donor: Counter = Counter()
    as_recipient: Counter = Counter()
    for r in rows:
        d = (round(r.donor_at[0], 5), round(r.donor_at[1], 5))
        t = (round(r.recipient_at[0], 5), round(r.recipient_at[1], 5))
        names[d][r.donor] += 1
        names[t][r.recipient] += 1
        as_donor[d] += 1
        as_recipient[t] += 1
    features = []
    for at, counter in sorted(names.items()):
        count = as_donor[at] + as_recipient[at]
        label = [n for n, _ in counter.most_common()]
        also = f"<br>also: {_e(', '.join(label[1:6]))}" if len(label) > 1 else ""
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": list(at)},
                         "properties": {
                             "name": label[0], "names": label, "count": count, "as_donor": as_donor[at],
                             "as_recipient": as_recipient[at],
                             "radius": round(min(4 + 2 * math.sqrt(count), 20), 1),
                             "popup": f'<div class="atlas-popup"><b>{_e(label[0])}</b>{also}<br>'
                                      f"donor in {as_donor[at]:,}, recipient in {as_recipient[at]:,}</div>",
                             "tooltip": _e(label[0]),
                             "style": {"color": "#333333", "weight": 1, "fillColor": "#ffffff", "fillOpacity": 0.85}}})
    return features


def _bounds(features: Iterable[dict]) -> list[list[float]] | None:
    lons, lats = [], []
    for f in features:
        geom = f["geometry"]
        coords = [geom["coordinates"]] if geom["type"] == "Point" else geom["coordinates"]
        for lon, lat in coords:
            lons.append(lon)
            lats.append(lat)
    return [[min(lats), min(lons)], [max(lats), max(lons)]] if lons else None


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def build_map_data(rows: Iterable[Mapping[str, object]], *, aggregate_above: int = 2000) -> dict:
    """Everything the map draws, as JSON-serialisable GeoJSON dicts.

    Parameters: ``rows``, event rows keyed like ``timeline.events.export.EVENT_COLUMNS`` (values typed
    or CSV strings, ``''``/``None``/NaN for empty); ``aggregate_above``, the number of rows above
    which arcs are merged per (donor, recipient, year) with a count and total amount, timed by
    year (undated rows: one dashed arc per pair).

    Returns a dict with ``dated`` (arcs with ``properties.times``), ``arrows`` (their
    arrowheads, same times), ``undated`` (dashed arcs, no times), ``undated_arrows``,
    ``places`` (points with ``count`` and ``radius``), ``counts`` (``events``, ``dated``,
    ``undated``, ``not_on_map``, ``pairs``), ``bounds`` (``[[south, west], [north, east]]`` or
    ``None``), ``years`` (sorted years of the dated arcs), ``period`` (``"P1Y"``, or ``"P1M"``
    when a dated arc is placed at its month), ``aggregated`` and ``not_on_map`` (the names of
    parties without coordinates).

    Raises :class:`geo.errors.MapDataError` for a row without a required column or with a
    year, month, longitude or latitude that is not a number in range.
    """
    if aggregate_above < 0:
        raise MapDataError(f"aggregate_above is {aggregate_above}; give 0 or more")
    parsed = [_parse(i, row) for i, row in enumerate(rows)]
    drawn = [r for r in parsed if r.donor_at is not None and r.recipient_at is not None]
    unplaced = sorted({r.donor for r in parsed if r.donor_at is None}
                      | {r.recipient for r in parsed if r.recipient_at is None})
    aggregated = len(parsed) > aggregate_above
    # Dense data is merged per pair and year, and plays by year: fewer arcs, and 12 times fewer
    # steps, each of which redraws every arc shown so far.
    by_month = not aggregated
    ordered = sorted(drawn, key=lambda r: (r.year is None, r.time() or "", r.donor, r.recipient, r.event_id, r.index))
    groups: dict[tuple, list[_Row]] = {}
    for r in ordered:
        key = (r.donor, r.donor_at, r.recipient, r.recipient_at, r.year) if aggregated else (r.index,)
        groups.setdefault(key, []).append(r)
    fans: Counter = Counter()
    layers: dict[str, list[dict]] = {"dated": [], "arrows": [], "undated": [], "undated_arrows": []}
    for group in groups.values():
        r = group[0]
        pair_at = (r.donor_at, r.recipient_at)
        arc, arrow = _arc_features(group, fans[pair_at], aggregated)
        fans[pair_at] += 1
        dated = r.year is not None
        layers["dated" if dated else "undated"].append(arc)
        layers["arrows" if dated else "undated_arrows"].append(arrow)
    places = _place_features(drawn)
    n_dated = sum(1 for r in drawn if r.year is not None)
    return {
        **{name: _collection(features) for name, features in layers.items()},
        "places": _collection(places),
        "counts": {"events": len(parsed), "dated": n_dated, "undated": len(drawn) - n_dated,
                   "not_on_map": len(parsed) - len(drawn), "pairs": len({r.pair for r in parsed})},
        "bounds": _bounds(layers["dated"] + layers["undated"] + places),
        "years": sorted({r.year for r in drawn if r.year is not None}),
        "period": "P1M" if any(len(r.time(by_month) or "") > 4 for r in drawn) else "P1Y",
        "aggregated": aggregated,
        "not_on_map": unplaced,
    }


_EXPORT_DROPS = frozenset({"popup", "tooltip", "style", "times"})


def to_geojson(data: Mapping) -> dict:
    """One FeatureCollection of the arcs (dated, then year not stated) for a GeoJSON export.

    Each arc keeps its data (pair, adcodes, year, month, kind, count, event ids, evidence…)
    plus ``dated`` (bool); the HTML popups, styles and player times are left out.
    """
    features = []
    for layer, dated in (("dated", True), ("undated", False)):
        for f in data[layer]["features"]:
            props = {k: v for k, v in f["properties"].items() if k not in _EXPORT_DROPS}
            features.append({"type": "Feature", "geometry": f["geometry"], "properties": {**props, "dated": dated}})
    return _collection(features)
