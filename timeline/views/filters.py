"""What the app shows, as pure functions over event rows (no streamlit here).

Rows are the dicts of :func:`timeline.events.export.events_to_rows`, one per event ×
donor × recipient. :class:`Filters` says which to keep, :func:`filter_rows`
keeps them; :func:`timeline_chart_data` lays them out on the timeline, with
rows whose year is not stated in their own band, never at a made-up year;
:func:`chart_selection` reads what a user clicked or brushed there
(:mod:`timeline.views.evidence` shows the article behind a row).

>>> rows = [{"event_id": "a", "year": 2017, "kind": "funding", "donor": "自贡市", "recipient": "平昌县"},
...         {"event_id": "b", "year": None, "kind": "visit", "donor": "自贡市", "recipient": "平昌县"}]
>>> [r["event_id"] for r in filter_rows(rows, Filters(years=(2016, 2018), include_undated=False))]
['a']
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

import pandas as pd

from geo.map.data import date_label
from geo.map.labels import KIND_LABELS as _KIND_WORDS, PROGRAMME_LABELS as _PROGRAMME_WORDS, kind_label, programme_label
from timeline.events.model import EventKind, Programme
from timeline.views.labels import column_label
from timeline.views.search import matches, search_terms
from timeline.views.summary import party_label as _party, row_summary

__all__ = [
    "Filters", "KIND_LABELS", "PROGRAMME_LABELS", "YEAR_NOT_STATED", "SEARCH_MAX_CHARS", "TABLE_COLUMNS", "TABLE_SHOWN",
    "plain_rows", "filter_rows", "in_date_order", "year_bounds", "kinds_in", "programmes_in", "province_of",
    "province_options", "view_counts", "timeline_chart_data", "axis_years", "chart_selection",
    "table_frame", "table_selection",
]

YEAR_NOT_STATED = "year not stated"  # English; the app says it in its language (geo.map.labels.text)
SEARCH_MAX_CHARS = 200
# English names by enum, as before; the app takes them in its language from geo.map.labels.
KIND_LABELS = {k: _KIND_WORDS["en"][k.value] for k in EventKind}
PROGRAMME_LABELS = {p: _PROGRAMME_WORDS["en"][p.value] for p in Programme}
# The events table's columns, in order: what a reader looks at first, then the rest (``corrected``: the
# fields people corrected); the last five are kept for the app (selections, sorting) and hidden from view.
TABLE_COLUMNS = (
    "date", "donor", "recipient", "kind", "summary", "programme", "evidence", "amount_yuan", "people", "doc",
    "corrected", "year", "month", "day", "date_text", "event_id",
)
TABLE_SHOWN = TABLE_COLUMNS[:11]


@dataclass(frozen=True)
class Filters:
    """Which rows to show. Empty collections and ``""`` mean "no restriction".

    ``years`` is an inclusive (first, last) range; a row whose own span
    (``year`` … ``end_year``) overlaps it is kept. Rows whose year is not
    stated are kept when ``include_undated`` is true, dropped when it is
    false, and when it is ``None`` (the default) kept only if no year range
    is set: a range asks for years, so it leaves them out unless asked.
    ``kinds`` and ``programmes`` hold enum values (``"funding"``), never UI
    labels; provinces are adcodes (``"510000"``); ``search`` is words that
    must all occur in the donor, recipient, evidence or summary; ``event_ids``
    keeps only those events.

    Raises:
        ValueError: a reversed year range, a province that is not an adcode,
            a search longer than :data:`SEARCH_MAX_CHARS`.
    """

    years: tuple[int, int] | None = None
    include_undated: bool | None = None
    kinds: frozenset[str] = field(default_factory=frozenset)
    programmes: frozenset[str] = field(default_factory=frozenset)
    donor_province: str = ""
    recipient_province: str = ""
    search: str = ""
    event_ids: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for name in ("kinds", "programmes", "event_ids"):
            object.__setattr__(self, name, frozenset(str(v) for v in getattr(self, name)))
        if self.years is not None:
            first, last = (int(y) for y in self.years)
            if first > last:
                raise ValueError(f"year range {first}–{last} is reversed; give the earlier year first")
            object.__setattr__(self, "years", (first, last))
        for name in ("donor_province", "recipient_province"):
            code = getattr(self, name)
            if code and not (len(code) == 6 and code.isdigit()):
                raise ValueError(f"{name} {code!r} is not a six-digit adcode such as '510000'")
        if len(self.search) > SEARCH_MAX_CHARS:
            raise ValueError(f"the search is {len(self.search)} characters long; use at most {SEARCH_MAX_CHARS}")


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def plain_rows(rows: Iterable[Mapping[str, object]]) -> list[dict[str, object]]:
    """Rows with enum values as their plain strings (for tables, caches and comparisons)."""
    return [{k: _plain(v) for k, v in row.items()} for row in rows]


def province_of(adcode: object) -> str:
    """The province adcode of a six-digit adcode (``"513222"`` → ``"510000"``), ``""`` if none."""
    code = "" if adcode is None else str(adcode)
    return code[:2] + "0000" if len(code) == 6 and code.isdigit() else ""


def _year_span(row: Mapping[str, object]) -> tuple[int, int] | None:
    year = row.get("year")
    if year is None or year == "":
        return None
    end = row.get("end_year")
    first = int(year)
    return first, max(first, int(end)) if end not in (None, "") else first


def filter_rows(rows: Iterable[Mapping[str, object]], filters: Filters) -> list[Mapping[str, object]]:
    """The rows ``filters`` keeps, in their order (the same dict objects)."""
    terms = search_terms(filters.search)
    provinces = _province_names() if terms else None
    kept = []
    for row in rows:
        span = _year_span(row)
        if span is None:
            keep = filters.years is None if filters.include_undated is None else filters.include_undated
            if not keep:
                continue
        elif filters.years is not None and (span[1] < filters.years[0] or span[0] > filters.years[1]):
            continue
        if filters.kinds and str(_plain(row.get("kind"))) not in filters.kinds:
            continue
        if filters.programmes and str(_plain(row.get("programme"))) not in filters.programmes:
            continue
        if filters.donor_province and province_of(row.get("donor_adcode")) != filters.donor_province:
            continue
        if filters.recipient_province and province_of(row.get("recipient_adcode")) != filters.recipient_province:
            continue
        if filters.event_ids and str(row.get("event_id")) not in filters.event_ids:
            continue
        if terms and not matches(row, terms, provinces):
            continue
        kept.append(row)
    return kept


def in_date_order(rows: Iterable[Mapping[str, object]]) -> list[Mapping[str, object]]:
    """The rows by date (year, month, day; rows of one date keep their order), those whose year is not
    stated last: how the table lists them."""
    def key(row: Mapping[str, object]) -> tuple:
        parts = [row.get(k) for k in ("year", "month", "day")]
        return (parts[0] in (None, ""), *(int(p) if p not in (None, "") else 0 for p in parts))

    return sorted(rows, key=key)


def year_bounds(rows: Iterable[Mapping[str, object]]) -> tuple[int, int] | None:
    """The first and last year any row spans, ``None`` when no row states a year."""
    spans = [s for s in map(_year_span, rows) if s is not None]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def kinds_in(rows: Iterable[Mapping[str, object]]) -> list[str]:
    """The event kinds present, in :class:`EventKind` order."""
    present = {str(_plain(r.get("kind"))) for r in rows}
    return [k.value for k in EventKind if k.value in present]


def programmes_in(rows: Iterable[Mapping[str, object]]) -> list[str]:
    """The programmes present, in :class:`Programme` order."""
    present = {str(_plain(r.get("programme"))) for r in rows}
    return [p.value for p in Programme if p.value in present]


def province_options(rows: Iterable[Mapping[str, object]], *, side: str) -> dict[str, str]:
    """Province adcode → name for the ``side`` (``"donor"`` or ``"recipient"``) of the rows.

    Names come from the gazetteer (loaded on first use; :mod:`timeline` does not
    import :mod:`geo` at import time); a code it does not know is its own name.

    Raises:
        ValueError: ``side`` is neither ``"donor"`` nor ``"recipient"``.
    """
    if side not in ("donor", "recipient"):
        raise ValueError(f"side is {side!r}; give 'donor' or 'recipient'")
    codes = sorted({c for c in (province_of(r.get(f"{side}_adcode")) for r in rows) if c})
    if not codes:
        return {}
    from geo import load_gazetteer  # lazily: geo imports timeline's normalisation

    places = load_gazetteer().places
    return {c: places[c].name if c in places else c for c in codes}


def _province_names():
    """adcode → the name of its province (for search), from the gazetteer; loaded on first use."""
    from geo import load_gazetteer  # lazily: geo imports timeline's normalisation

    places = load_gazetteer().places

    def name(adcode: object) -> str:
        code = province_of(adcode)
        return places[code].name if code in places else ""

    return name


def _has_point(row: Mapping[str, object], prefix: str) -> bool:
    values = (row.get(f"{prefix}_lon"), row.get(f"{prefix}_lat"))
    return all(v not in (None, "") and not (isinstance(v, float) and math.isnan(v)) for v in values)


def view_counts(rows: Iterable[Mapping[str, object]]) -> dict[str, int]:
    """What is in view, events and rows apart (the map's legend counts the same way).

    ``events`` (distinct event ids) = ``dated`` + ``undated`` (year not stated); ``rows`` (one per
    event × donor × recipient, as in the CSV); ``not_on_map``, rows with a party that has no
    coordinates (listed in the table and the CSV, not drawn).
    """
    years: dict[str, bool] = {}
    counts = {"events": 0, "dated": 0, "undated": 0, "rows": 0, "not_on_map": 0}
    for row in rows:
        counts["rows"] += 1
        years[str(row.get("event_id"))] = _year_span(row) is not None
        if not (_has_point(row, "donor") and _has_point(row, "recipient")):
            counts["not_on_map"] += 1
    counts["events"] = len(years)
    counts["dated"] = sum(years.values())
    counts["undated"] = counts["events"] - counts["dated"]
    return counts


# -- the timeline -------------------------------------------------------------------------

def _month(row: Mapping[str, object], key: str) -> int | None:
    value = row.get(key)
    return None if value in (None, "") else int(value)


def _next_month(year: int, month: int) -> dt.date:
    return dt.date(year + (month == 12), month % 12 + 1, 1)


def _date_span(row: Mapping[str, object]) -> tuple[dt.date, dt.date]:
    """The half-open span of days the row's date covers: its year(s), month(s) or day(s)."""
    year, end_year = _year_span(row)  # type: ignore[misc]  # only called for dated rows
    whole_years = (dt.date(year, 1, 1), dt.date(end_year + 1, 1, 1))
    month, day = _month(row, "month"), _month(row, "day")
    end_month, end_day = _month(row, "end_month"), _month(row, "end_day")
    precision = str(_plain(row.get("precision")) or "")
    if month is None or precision not in ("month", "day"):
        return whole_years
    try:
        start = dt.date(year, month, day if precision == "day" and day else 1)
        if end_month is None:
            if end_year > year:
                return start, whole_years[1]
            return start, (start + dt.timedelta(days=1) if precision == "day" and day
                           else _next_month(year, month))
        end = (dt.date(end_year, end_month, end_day) + dt.timedelta(days=1) if end_day
               else _next_month(end_year, end_month))
    except ValueError:  # a day the calendar does not have: fall back to the whole year
        return whole_years
    return start, max(end, start + dt.timedelta(days=1))


def _when(row: Mapping[str, object], lang: str) -> str:
    """The row's date at its precision and as written (geo.map.data.date_label); never "None"."""
    return date_label(row, lang)


def timeline_chart_data(rows: Iterable[Mapping[str, object]], lang: str = "zh") -> list[dict[str, object]]:
    """One record per row for the timeline: a lane per pair, dated rows at their dates.

    Each record has ``event_id``, ``lane`` (``"donor → recipient"``), ``lane_order``
    (lanes sorted by their first date, lanes with no dated row last), ``kind``,
    ``kind_label``, ``programme``, ``date_text``, ``when`` (the date as the
    tooltip shows it), ``summary`` (:func:`~timeline.views.summary.row_summary` in ``lang``), ``doc`` and ``dated``. A dated record has
    ISO ``start``/``end`` (the half-open span the text's date covers: its year,
    month or day) and ``mid`` (where its mark sits); a record whose year is not
    stated has them ``None`` and a ``slot`` (0, 1, … within its lane) to place it
    in the "year not stated" band instead. Labels and dates are in ``lang``.
    """
    records: list[dict[str, object]] = []
    slots: dict[str, int] = {}
    for row in rows:
        lane = (f"{_party(row.get('donor'), lang, row.get('donor_kind'))} → "
                f"{_party(row.get('recipient'), lang, row.get('recipient_kind'))}")
        kind = str(_plain(row.get("kind")) or "other")
        date_text = str(row.get("date_text") or "")
        record: dict[str, object] = {
            "event_id": str(row.get("event_id")), "lane": lane, "kind": kind,
            "kind_label": kind_label(kind, lang), "programme": str(_plain(row.get("programme")) or ""),
            "date_text": date_text, "summary": row_summary(row, lang), "doc": str(row.get("doc") or ""),
            "start": None, "end": None, "mid": None, "slot": None,
        }
        if _year_span(row) is None:
            record.update(dated=False, slot=slots.get(lane, 0), when=_when(row, lang))
            slots[lane] = slots.get(lane, 0) + 1
        else:
            start, end = _date_span(row)
            mid = start + (end - start) / 2
            record.update(dated=True, start=start.isoformat(), end=end.isoformat(), mid=mid.isoformat(),
                          when=_when(row, lang))
        records.append(record)
    first: dict[str, str] = {}
    for r in records:
        if r["dated"]:
            first[r["lane"]] = min(first.get(r["lane"], r["start"]), r["start"])  # type: ignore[type-var]
    lanes = sorted({r["lane"] for r in records}, key=lambda lane: (lane not in first, first.get(lane, ""), lane))
    order = {lane: i for i, lane in enumerate(lanes)}
    for r in records:
        r["lane_order"] = order[r["lane"]]
    return records


def axis_years(records: Iterable[Mapping[str, object]]) -> list[int]:
    """Every year from the first dated record's to the last's, empty years included."""
    spans = [(int(str(r["start"])[:4]), dt.date.fromisoformat(str(r["end"])) - dt.timedelta(days=1))
             for r in records if r.get("dated")]
    if not spans:
        return []
    return list(range(min(s[0] for s in spans), max(s[1].year for s in spans) + 1))


def _year_of(value: object) -> int:
    """A brush end as a year: epoch milliseconds, an ISO date string or a (fractional) year."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a date")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a date")
        if abs(value) > 100_000:  # milliseconds since 1970, as Vega-Lite gives a time scale
            return (dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=value)).year
        return math.floor(value)
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).year
    if isinstance(value, Mapping) and "year" in value:  # Vega-Lite's DateTime object
        return int(value["year"])
    raise ValueError(f"{value!r} is not a date")


def chart_selection(selection: Mapping[str, object]) -> tuple[frozenset[str], tuple[int, int] | None]:
    """What a user picked on the timeline: (event ids clicked, year range brushed or ``None``).

    ``selection`` is ``st.altair_chart(...)["selection"]``: point selections
    (``pick``, ``pick_undated``) are lists of ``{"event_id": …}``; the interval
    ``brush`` maps the x field to its two ends.

    Raises:
        ValueError: a brush end that is not a date.
    """
    ids: set[str] = set()
    for name in ("pick", "pick_undated"):
        for point in selection.get(name) or ():
            if isinstance(point, Mapping) and point.get("event_id") is not None:
                ids.add(str(point["event_id"]))
    years = None
    brush = selection.get("brush") or {}
    for ends in brush.values() if isinstance(brush, Mapping) else ():
        if isinstance(ends, Sequence) and not isinstance(ends, str) and len(ends) == 2:
            first, last = sorted(_year_of(v) for v in ends)
            years = (first, last)
            break
    return frozenset(ids), years


def table_frame(rows: Iterable[Mapping[str, object]], lang: str = "zh") -> pd.DataFrame:
    """The events table, :data:`TABLE_COLUMNS` (machine names; the app labels them): the date at its
    precision, parties (in English with pinyin), kind, programme and the summary
    (:func:`~timeline.views.summary.row_summary`) in ``lang``, amounts as text, and
    no empty cell shown as "None"; ``year``/``month``/``day`` stay nullable integers for sorting and
    selections (which go by position)."""
    rows = list(rows)
    frame = pd.DataFrame(rows, columns=[c for c in TABLE_COLUMNS if c != "date"])
    frame.insert(0, "date", [_when(r, lang) for r in rows])
    if lang == "en":
        frame["donor"] = [_party(r.get("donor"), lang, r.get("donor_kind")) for r in rows]
        frame["recipient"] = [_party(r.get("recipient"), lang, r.get("recipient_kind")) for r in rows]
    frame["kind"] = frame["kind"].map(lambda k: kind_label(k, lang))
    frame["programme"] = frame["programme"].map(lambda p: programme_label(p, lang) if p else "")
    frame["amount_yuan"] = [f"{a:,.0f}" if _number(a) else "" for a in frame["amount_yuan"]]
    frame["people"] = [f"{int(p):,}" if _number(p) else "" for p in frame["people"]]
    frame["corrected"] = [corrected_label(r.get("corrected"), lang) for r in rows]
    frame["summary"] = [row_summary(r, lang) for r in rows]
    for column in ("evidence", "doc", "date_text", "event_id"):
        frame[column] = frame[column].map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v))
                                          else str(v))
    return frame.astype({c: "Int64" for c in ("year", "month", "day")})


def corrected_label(cell: object, lang: str = "zh") -> str:
    """A row's ``corrected`` cell (``year;donor``) in ``lang`` (``年、帮扶方``); empty when none."""
    fields = [f for f in str(cell or "").split(";") if f]
    return ("、" if lang == "zh" else ", ").join(column_label(f, lang) for f in fields)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def table_selection(rows: Sequence[Mapping[str, object]], indices: Iterable[int]) -> frozenset[str]:
    """The event ids of the table rows at ``indices`` (positions in ``rows``; stale ones ignored)."""
    return frozenset(str(rows[i]["event_id"]) for i in indices if 0 <= i < len(rows))
