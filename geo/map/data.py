"""Map data for donor → recipient events: GeoJSON dicts, built without folium.

:func:`build_map_data` turns event rows (the CSV timeline's columns, typed or as strings read
back from the CSV) into what the map draws: one curved arc per *relation* (a donor → recipient
pair of places), its width by its number of events and its card listing every one of them
(date as written and at its precision, kind, programme, amounts, evidence, source), the years
its dated events fall in (the player shows a relation from its first year on, wider as events
accumulate) and whether it has events whose year is not stated (never given a fake date);
place markers sized by activity, parties that share a point spread around it so none hides
another; counts for the legend, events per year for the player's strip, and the bounds.
:mod:`geo.map.render` only renders this data.

Rows are one per event × donor × recipient. Counts say events and rows apart:
``events == dated + undated`` (distinct events), ``rows``, and ``not_on_map`` (rows with a party
that has no coordinates: an organisation with no place, a region kept as text), never drawn at
invented coordinates.
"""

from __future__ import annotations

import html
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from geo.map.arcs import BULGE, arc_coordinates
from geo.map.cards import PageTable, source_entry
from geo.errors import MapDataError
from geo.map.labels import (
    DEFAULT_LANGUAGE, KIND_LABELS, MAP_TEXT, basis_label, check_language, kind_label, programme_label, text,
)
from geo.map.romanise import pinyin_name
from geo.map.rows import REQUIRED_COLUMNS, Row, parse_row, text_of, typed_rows, whole_of

__all__ = [
    "REQUIRED_COLUMNS", "KIND_COLOURS", "KIND_LABELS", "CARD_EVENTS", "CARD_EVENTS_DENSE", "EVIDENCE_MAX", "MapTotals",
    "PartyTotals", "RelationTotals", "build_map_data", "build_map_from_totals", "to_geojson",
    "date_label", "arc_coordinates",
]

# Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
KIND_COLOURS = {
    "pairing_start": "#D55E00", "agreement": "#CC79A7", "team_arrival": "#0072B2",
    "funding": "#009E73", "park": "#E69F00", "visit": "#56B4E9", "other": "#555555",
}
UNKNOWN_KIND_COLOUR = "#999999"
EVIDENCE_MAX = 400
CARD_EVENTS = 40  # a relation's card lists this many events (fewer above ``aggregate_above`` rows), then a count
CARD_EVENTS_DENSE = 5
SPREAD = 0.06  # degrees: parties at one point are placed on a circle this wide around it


@dataclass(frozen=True)
class RelationTotals:
    """What the map shows of one relation (a donor → recipient pair of places), counted elsewhere (a database):
    ``shown``, how many rows of its card :attr:`MapTotals.sample` holds (its first rows in date order); ``rows``;
    distinct ``events``, ``dated`` and ``undated`` events; ``years`` and ``steps``, events per year and per player
    step (as :func:`build_map_data` counts them); ``kind``, its most frequent kind (ties: the earliest);
    ``amount_yuan``, the sum (``None`` if no row states one); ``event_ids`` sorted (may be left empty for a map
    that is only drawn: :func:`build_map_from_totals` with ``page_only``)."""

    shown: int
    rows: int
    events: int
    dated: int
    undated: int
    years: Mapping[int, int]
    steps: Mapping[int, int]
    kind: str
    amount_yuan: float | None
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class PartyTotals:
    """A party drawn on the map: its name and point, its adcode and kind as its first row gives them, and its
    rows as donor and as recipient."""

    name: str
    at: tuple[float, float]
    adcode: str
    kind: str
    as_donor: int
    as_recipient: int


@dataclass(frozen=True)
class MapTotals:
    """Everything :func:`build_map_from_totals` needs, counted over a view of any size: ``relations`` in the
    map's order (dated first, by their first event; then donor, recipient); ``parties`` in the order the view
    first names them; ``counts`` (``events``, ``dated``, ``undated``, ``rows``, ``not_on_map``); ``by_year`` and
    ``by_step`` (events drawn per year and per step), ``undated_drawn``, ``period`` and ``not_on_map`` (names
    without coordinates, sorted), as in :func:`build_map_data`; ``sample``, the rows of every relation's card as
    columns (keyed like the timeline's, ``index`` a row's place among its relation's; a relation's rows follow
    the previous relation's, in the order of ``relations``): a large map's cards hold tens of thousands of rows,
    which come from a database and are read a column at a time (:func:`geo.map.rows.typed_rows`)."""

    relations: tuple[RelationTotals, ...]
    parties: tuple[PartyTotals, ...]
    counts: Mapping[str, int]
    by_year: Mapping[int, int]
    by_step: Mapping[int, int]
    undated_drawn: int
    period: str
    not_on_map: tuple[str, ...]
    sample: Mapping[str, Sequence[object]]
    card_limit: int = CARD_EVENTS_DENSE
    evidence_max: int = EVIDENCE_MAX  # characters of evidence a card shows per event (fewer keep a large page small)


# -- words (everything escaped: the text is news, untrusted) ------------------------------

def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _clip(value: str, limit: int = EVIDENCE_MAX) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def date_label(row: Mapping | Row, lang: str = DEFAULT_LANGUAGE) -> str:
    """A row's date at its precision, then as the text wrote it: ``2016-09-11 · 2016年9月11日``,
    ``2016-09``, ``2016–2018``; ``5月（年份未载明）`` / ``5月 (year not stated)`` when no year is stated.

    Takes a parsed row or a mapping with the timeline's date columns (typed or CSV strings).
    """
    if isinstance(row, Row):
        year, month, day, end_year = row.year, row.month, row.day, row.end_year
        precision, written = row.precision, row.date_text
    else:
        year, month = whole_of(row, "year", 0, 1, 9999), whole_of(row, "month", 0, 1, 12)
        day, end_year = whole_of(row, "day", 0, 1, 31), whole_of(row, "end_year", 0, 1, 9999)
        precision, written = text_of(row.get("precision")), text_of(row.get("date_text"))
    if year is None:
        missing = text("year_not_stated", lang)
        if not written:
            return missing
        return f"{written}（{missing}）" if lang == "zh" else f"{written} ({missing})"
    if precision == "day" and month and day:
        iso = f"{year:04d}-{month:02d}-{day:02d}"
    elif precision in ("month", "day") and month:
        iso = f"{year:04d}-{month:02d}"
    else:
        iso = f"{year:04d}"
    if end_year and end_year != year:
        iso += f"–{end_year:04d}"
    return f"{iso} · {written}" if written and written != iso else iso


def _name(name: str, lang: str, kind: str = "place") -> str:
    """A party's name; in English a place's with its pinyin after it (自贡市 Zigong), an organisation's as it is."""
    if lang != "en" or kind == "organisation":
        return name
    pinyin = pinyin_name(name)
    return f"{name} {pinyin}" if pinyin and pinyin != name else name


def _amounts(row: Row, lang: str) -> str:
    parts = []
    if row.amount_yuan is not None:
        parts.append(f"¥{row.amount_yuan:,.0f}")
    if row.people is not None:
        parts.append(f"{row.people:,} {'人' if lang == 'zh' else 'people'}")
    return " · ".join(parts)


def _corrected(cell: str, lang: str) -> str:
    fields = [f for f in cell.split(";") if f]
    words = [text(f"field_{f}", lang) if f"field_{f}" in MAP_TEXT[lang] else f for f in fields]
    return text("corrected", lang, fields=("、" if lang == "zh" else ", ").join(words))


class _Page:
    """What a page lists once for all its cards: its sources (``[label, url]``), evidence texts and facts
    (``kind · programme`` in the page's language)."""

    def __init__(self, sources: Mapping[str, Mapping[str, object]]) -> None:
        self.known = sources
        self.sources = PageTable()
        self.evidence = PageTable()
        self.facts = PageTable()

        self._facts: dict[tuple[str, str], int] = {}

    def source(self, doc: str) -> int:
        return self.sources.index(doc, source_entry, doc, self.known)

    def facts_of(self, kind: str, programme: str, lang: str) -> int:
        """The index of ``kind · programme`` in the page's language (made once per pair)."""
        found = self._facts.get((kind, programme))
        if found is None:
            words = [kind_label(kind, lang)] + ([programme_label(programme, lang)] if programme else [])
            found = self._facts[(kind, programme)] = self.facts.index(" · ".join(words))
        return found


def _card(rows: list[Row], limit: int, page: _Page, lang: str, totals: tuple[int, int, int] | None = None,
          evidence_max: int = EVIDENCE_MAX) -> dict:
    """A relation's card as compact data (:mod:`geo.map.cards`): its first ``limit`` rows (``rows`` come in date
    order, :meth:`Row.sort_key`); ``totals``
    (events, dated events, rows) when ``rows`` is only those first rows (:func:`build_map_from_totals`), else
    counted from ``rows``."""
    first = rows[0]
    if totals is None:
        totals = (len({r.event_id for r in rows}), len({r.event_id for r in rows if r.year is not None}), len(rows))
    events, dated, n_rows = totals
    if lang == "zh":
        meta = f"{events} 件事件" + (f"（{dated} 件有年份）" if dated != events else "")
    else:
        meta = f"{events} event{'s' if events != 1 else ''}" + (f" ({dated} with a year)" if dated != events else "")
    items = []
    for r in rows[:limit]:
        when = date_label(r, lang)
        if r.year is not None and r.basis and r.basis != "stated":  # a year worked out, not written: say how
            when += f"（{basis_label(r.basis, lang)}）" if lang == "zh" else f" ({basis_label(r.basis, lang)})"
        evidence = _clip(r.evidence, evidence_max)
        items.append([r.event_id, when, page.facts_of(r.kind, r.programme, lang), _amounts(r, lang),
                      _corrected(r.corrected, lang) if r.corrected else "", page.evidence.index(evidence),
                      page.source(r.doc)])
    more = n_rows - limit
    return {"title": f"{_name(first.donor, lang, first.donor_kind)} → {_name(first.recipient, lang, first.recipient_kind)}",
            "meta": meta, "more": text("more_events", lang, n=more) if more > 0 else "", "events": items}


# -- features ---------------------------------------------------------------------------------

def _colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, UNKNOWN_KIND_COLOUR)


def _spread(rows: list[Row]) -> dict[tuple[str, tuple[float, float]], tuple[float, float]]:
    """Where each party is drawn: at its point, or, when several parties share a point (天津市 and
    a district placed at the city), on a small circle around it, in name order."""
    parties = []
    for r in rows:
        parties += [(r.donor, r.donor_at, r.donor_adcode), (r.recipient, r.recipient_at, r.recipient_adcode)]
    return _spread_parties(parties)


def _spread_parties(parties: Iterable[tuple[str, tuple[float, float], str]]) -> dict:
    """:func:`_spread` over (name, point, adcode) in the order the rows name them (the first adcode counts)."""
    at_point: dict[tuple[float, float], dict[str, str]] = defaultdict(dict)
    for name, at, adcode in parties:
        at_point[at].setdefault(name, adcode)
    placed = {}
    for (lon, lat), names in at_point.items():
        # The highest level (most trailing zeros in its adcode: the city, not its district) keeps the point.
        ordered = sorted(names, key=lambda n: (-_level(names[n]), len(n), n))
        placed[(ordered[0], (lon, lat))] = (round(lon, 5), round(lat, 5))
        scale = max(math.cos(math.radians(lat)), 0.2)
        for i, name in enumerate(ordered[1:]):
            angle = 2 * math.pi * i / (len(ordered) - 1) + math.pi / 2
            placed[(name, (lon, lat))] = (round(lon + SPREAD * math.cos(angle) / scale, 5),
                                          round(lat + SPREAD * math.sin(angle), 5))
    return placed


def _level(adcode: str) -> int:
    """How high a unit is by its adcode: 2 for a province (510000), 1 for a prefecture (510300), else 0."""
    if len(adcode) != 6 or not adcode.isdigit():
        return 0
    return 2 if adcode.endswith("0000") else 1 if adcode.endswith("00") else 0


def _place_features(rows: list[Row], placed: Mapping, lang: str) -> list[dict]:
    as_donor: Counter = Counter()
    as_recipient: Counter = Counter()
    kinds: dict[tuple, str] = {}
    for r in rows:
        as_donor[(r.donor, r.donor_at)] += 1
        as_recipient[(r.recipient, r.recipient_at)] += 1
        kinds.setdefault((r.donor, r.donor_at), r.donor_kind)
        kinds.setdefault((r.recipient, r.recipient_at), r.recipient_kind)
    return _place_features_of(as_donor, as_recipient, kinds, placed, lang)


def _place_features_of(as_donor: Mapping, as_recipient: Mapping, kinds: Mapping, placed: Mapping, lang: str) -> list[dict]:
    """The place points from each party's rows as donor and as recipient (keys: (name, point))."""
    as_donor, as_recipient = Counter(as_donor), Counter(as_recipient)
    features = []
    for key in sorted(set(as_donor) | set(as_recipient), key=lambda k: (placed[k], k[0])):
        name, count = key[0], as_donor[key] + as_recipient[key]
        shown = _name(name, lang, kinds.get(key, ""))
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": list(placed[key])},
                         "properties": {
                             "name": name, "label": shown, "count": count, "as_donor": as_donor[key],
                             "as_recipient": as_recipient[key], "radius": round(min(4 + 2 * math.sqrt(count), 20), 1),
                             "popup": f'<div class="atlas-card"><div class="atlas-card-title">{_e(shown)}</div>'
                                      f'{_e(text("as_donor", lang))} {as_donor[key]:,} · '
                                      f'{_e(text("as_recipient", lang))} {as_recipient[key]:,}</div>',
                             "tooltip": _e(shown)}})
    return features


def _step(row: Row, period: str) -> int:
    """Where the player shows a dated row: its year, or (``P1M``) its month as ``year * 12 + month - 1``."""
    return row.year * 12 + row.month - 1 if period == "P1M" else row.year  # type: ignore[operator]


def _period(rows: list[Row]) -> str:
    """``P1M`` when every dated row states its month (the data is that fine), else ``P1Y``: an event
    known to its year only is never shown at a month it does not state."""
    dated = [r for r in rows if r.year is not None]
    fine = dated and all(r.month is not None and r.precision in ("month", "day") for r in dated)
    return "P1M" if fine else "P1Y"


def _relation_feature(number: int, rows: list[Row], placed: Mapping, card_limit: int, page: _Page,
                      lang: str, period: str = "P1Y") -> dict:
    years: Counter = Counter()
    steps: Counter = Counter()
    for event_id, year, step in {(r.event_id, r.year, _step(r, period)) for r in rows if r.year is not None}:
        years[year] += 1
        steps[step] += 1
    amounts = [r.amount_yuan for r in rows if r.amount_yuan is not None]
    totals = RelationTotals(
        shown=len(rows), rows=len(rows), events=len({r.event_id for r in rows}),
        dated=len({r.event_id for r in rows if r.year is not None}),
        undated=len({r.event_id for r in rows if r.year is None}), years=years, steps=steps,
        kind=Counter(r.kind for r in rows).most_common(1)[0][0], amount_yuan=sum(amounts) if amounts else None,
        event_ids=tuple(sorted({r.event_id for r in rows})))
    return _feature(number, sorted(rows, key=Row.sort_key), totals, placed, card_limit, page, lang, card_all=True)


def _feature(number: int, rows: list[Row], totals: RelationTotals, placed: Mapping, card_limit: int,
             page: _Page, lang: str, *, card_all: bool = False, evidence_max: int = EVIDENCE_MAX,
             page_only: bool = False) -> dict:
    """A relation's arc from its rows in date order (all of them, or its first ones) and its totals;
    ``page_only``: what the map page shows of it (:func:`build_map_from_totals`)."""
    first = rows[0]
    start, end = placed[(first.donor, first.donor_at)], placed[(first.recipient, first.recipient_at)]
    coords = [[*start], [*end]] if page_only else arc_coordinates(start, end, bulge=BULGE)
    years, steps, events, undated, kind = totals.years, totals.steps, totals.events, totals.undated, totals.kind
    if page_only:
        years = {}  # the player reads the steps: the years are left out below
    what = f"{events} {text('event_unit', lang)}" if lang == "zh" else f"{events} event{'s' if events != 1 else ''}"
    properties = {
        "id": f"r{number}", "donor": first.donor, "donor_adcode": first.donor_adcode,
        "recipient": first.recipient, "recipient_adcode": first.recipient_adcode,
        "count": events, "undated": undated, "years": [list(item) for item in sorted(years.items())],
        "steps": [list(item) for item in sorted(steps.items())],
        "first_year": min(years) if years else None, "kind": kind, "colour": _colour(kind),
        "amount_yuan": totals.amount_yuan}
    if page_only:
        del properties["years"], properties["first_year"]
    else:
        properties["event_ids"] = list(totals.event_ids)
        properties["events"] = [
            {"event_id": r.event_id, "year": r.year, "month": r.month, "day": r.day, "date_text": r.date_text,
             "precision": r.precision, "basis": r.basis, "kind": r.kind, "programme": r.programme,
             "amount_yuan": r.amount_yuan, "people": r.people, "evidence": r.evidence, "doc": r.doc} for r in rows]
    properties["tooltip"] = _e(f"{_name(first.donor, lang, first.donor_kind)} → "
                               f"{_name(first.recipient, lang, first.recipient_kind)} · {what}")
    properties["card"] = _card(rows, card_limit, page, lang,
                               None if card_all else (totals.events, totals.dated, totals.rows), evidence_max)
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords}, "properties": properties}


def _bounds(features: Iterable[dict]) -> list[list[float]] | None:
    lons, lats = [], []
    for f in features:
        lon, lat = f["geometry"]["coordinates"]
        lons.append(lon)
        lats.append(lat)
    return [[min(lats), min(lons)], [max(lats), max(lons)]] if lons else None


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def build_map_data(rows: Iterable[Mapping[str, object]], *, aggregate_above: int = 2000, lang: str = DEFAULT_LANGUAGE,
                   sources: Mapping[str, Mapping[str, object]] | None = None) -> dict:
    """Everything the map draws, as JSON-serialisable GeoJSON dicts.

    Parameters: ``rows``, event rows keyed like ``timeline.events.export.EVENT_COLUMNS`` (values typed
    or CSV strings, ``''``/``None``/NaN for empty); ``aggregate_above``, the number of rows above which
    a relation's card lists only its first :data:`CARD_EVENTS_DENSE` events (else :data:`CARD_EVENTS`),
    keeping the page small; ``lang``, ``"zh"`` or ``"en"`` for every word on the map; ``sources``,
    article name (the rows' ``doc``) → ``{"title", "url"}`` for the cards' source links.

    Returns a dict with ``relations`` (one LineString per donor → recipient relation: ``count``
    events, ``undated`` of them with no year, ``years`` as ``[[year, events], …]``, ``card`` (compact
    data: :mod:`geo.map.cards`, :func:`geo.map.cards.card_html` makes its HTML), ``tooltip`` HTML,
    ``events``: each event's date, kind, amounts, evidence and article; ``steps``, its events per player
    step), ``places`` (points with ``count``, ``radius``, ``label``), ``counts``
    (``events``, ``dated``, ``undated``, ``rows``, ``not_on_map`` rows, ``relations``),
    ``year_counts`` (``[[year, events], …]`` of the events drawn, every year from the first to the
    last), ``undated_drawn`` (events drawn with no year), ``period`` (``"P1Y"``, or ``"P1M"`` when every
    dated event states its month: the player steps by month), ``step_counts`` (events per step, every step
    from the first to the last; a month step is ``year * 12 + month - 1``), ``years``, ``bounds``
    (``[[south, west], [north, east]]`` or ``None``), ``not_on_map`` (names without coordinates),
    ``lang``, and the lists the cards refer to: ``sources`` (``[label, url]`` per article), ``evidence``
    (each evidence text once) and ``facts`` (each ``kind · programme`` once).

    Raises :class:`geo.errors.MapDataError` for a row without a required column or with a
    year, month, longitude or latitude that is not a number in range, and for an unknown ``lang``.
    """
    if aggregate_above < 0:
        raise MapDataError(f"aggregate_above is {aggregate_above}; give 0 or more")
    try:
        check_language(lang)
    except ValueError as err:
        raise MapDataError(str(err)) from err
    parsed = [parse_row(i, row) for i, row in enumerate(rows)]
    drawn = [r for r in parsed if r.donor_at is not None and r.recipient_at is not None]
    unplaced = sorted({r.donor for r in parsed if r.donor_at is None}
                      | {r.recipient for r in parsed if r.recipient_at is None})
    placed = _spread(drawn)
    groups: dict[tuple, list[Row]] = {}
    for r in sorted(drawn, key=Row.sort_key):
        groups.setdefault(r.relation, []).append(r)
    limit = CARD_EVENTS_DENSE if len(parsed) > aggregate_above else CARD_EVENTS
    # Relations with a year first (in the order their first event comes), those without after.
    ordered = sorted(groups.values(), key=lambda g: (g[0].year is None, g[0].year or 0, g[0].donor, g[0].recipient))
    period = _period(drawn)
    page = _Page(sources or {})
    relations = [_relation_feature(i, g, placed, limit, page, lang, period) for i, g in enumerate(ordered)]
    places = _place_features(drawn, placed, lang)
    events = {r.event_id: r.year for r in parsed}
    per_year = Counter(y for y in {(r.event_id, r.year) for r in drawn if r.year is not None})
    by_year = Counter(year for _, year in per_year)
    by_step = Counter(step for _, step in {(r.event_id, _step(r, period)) for r in drawn if r.year is not None})
    counts = {"events": len(events), "dated": sum(1 for y in events.values() if y is not None),
              "undated": sum(1 for y in events.values() if y is None), "rows": len(parsed),
              "not_on_map": len(parsed) - len(drawn)}
    return _assemble(relations, places, counts, by_year, by_step,
                     len({r.event_id for r in drawn if r.year is None}), period, unplaced, lang, page)


def _assemble(relations: list[dict], places: list[dict], counts: Mapping[str, int], by_year: Mapping[int, int],
              by_step: Mapping[int, int], undated_drawn: int, period: str, unplaced: list[str], lang: str,
              page: _Page) -> dict:
    years = sorted(by_year)
    steps = sorted(by_step)
    return {
        "relations": _collection(relations),
        "places": _collection(places),
        "counts": {**counts, "relations": len(relations)},
        "year_counts": [[y, by_year.get(y, 0)] for y in range(years[0], years[-1] + 1)] if years else [],
        "undated_drawn": undated_drawn,
        "period": period,
        "step_counts": [[t, by_step.get(t, 0)] for t in range(steps[0], steps[-1] + 1)] if steps else [],
        "years": years,
        "bounds": _bounds(places),
        "not_on_map": unplaced,
        "lang": lang,
        "sources": page.sources.items,
        "evidence": page.evidence.items,
        "facts": page.facts.items,
    }


def build_map_from_totals(totals: MapTotals, *, lang: str = DEFAULT_LANGUAGE,
                          sources: Mapping[str, Mapping[str, object]] | None = None, page_only: bool = False) -> dict:
    """What :func:`build_map_data` returns, from counts made elsewhere (:class:`MapTotals`: a database counts
    a view of any size; only the relations, their parties and each relation's first rows come to Python).

    Equal to :func:`build_map_data` over the same rows except that each relation's ``events`` lists only its
    ``sample`` (the card's rows; its counts, years, steps and ``event_ids`` are whole). ``page_only``: only
    what the map's page shows (:func:`geo.map.render.render_map` makes the same page of it): each relation
    without its ``events``, ``event_ids``, ``years`` and ``first_year``, its arc as its two ends (the page draws
    the curve between them), for a large map that is drawn and not exported.

    Raises :class:`geo.errors.MapDataError` for a sample row that is not a timeline row, a sample that does not
    hold the relations' rows, or an unknown ``lang``.
    """
    try:
        check_language(lang)
    except ValueError as err:
        raise MapDataError(str(err)) from err
    placed = _spread_parties((p.name, p.at, p.adcode) for p in totals.parties)
    page = _Page(sources or {})
    for number, relation in enumerate(totals.relations):
        if relation.shown < 1:
            raise MapDataError(f"relation {number + 1} has no rows to show")
    shown = sum(r.shown for r in totals.relations)
    indexes = totals.sample.get("index") or [i for r in totals.relations for i in range(r.shown)]
    parsed = typed_rows(totals.sample, indexes)
    if len(parsed) != shown:
        raise MapDataError(f"the relations show {shown:,} rows and the sample holds {len(parsed):,}; "
                           "give each relation's card rows, one relation after another")
    starts = [0]
    for relation in totals.relations:
        starts.append(starts[-1] + relation.shown)
    relations = [_feature(number, parsed[starts[number]:starts[number + 1]], relation, placed, totals.card_limit,
                          page, lang, evidence_max=totals.evidence_max, page_only=page_only)
                 for number, relation in enumerate(totals.relations)]
    as_donor = {(p.name, p.at): p.as_donor for p in totals.parties}
    as_recipient = {(p.name, p.at): p.as_recipient for p in totals.parties}
    kinds = {(p.name, p.at): p.kind for p in totals.parties}
    places = _place_features_of(as_donor, as_recipient, kinds, placed, lang)
    return _assemble(relations, places, dict(totals.counts), totals.by_year, totals.by_step, totals.undated_drawn,
                     totals.period, list(totals.not_on_map), lang, page)


_EXPORT_DROPS = frozenset({"card", "tooltip", "colour", "steps"})


def to_geojson(data: Mapping) -> dict:
    """One FeatureCollection of the relations for a GeoJSON export: each arc keeps its data
    (parties, adcodes, event count, years, kind, event ids…) plus ``dated`` (it has an event with a
    year); the HTML card and tooltip are left out."""
    features = []
    for f in data["relations"]["features"]:
        props = {k: v for k, v in f["properties"].items() if k not in _EXPORT_DROPS}
        features.append({"type": "Feature", "geometry": f["geometry"],
                          "properties": {**props, "dated": bool(props["years"])}})
    return _collection(features)
