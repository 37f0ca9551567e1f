"""What the app shows, asked of the library's database: a view of any size without loading it into Python.

The same :class:`~timeline.views.filters.Filters` as :func:`~timeline.views.filters.filter_rows`, translated to
SQL with parameters (never pasted values): the counts (:func:`view_counts`), a page of rows in the table's
order (:func:`page_rows`, :func:`view_rows`), the widgets' options (:func:`option_rows`), events per year
(:func:`year_counts`) and all of what a rerun shows of a view in one visit (:func:`view_summary`); the map's
relations are counted in :mod:`timeline.views.map_counts`. Each answer is what the Python path gives over
:func:`~timeline.views.catalog.library_rows` (``tests/views/test_views_queries.py`` checks it on the seeds).

A search folds the rows as :mod:`timeline.views.search` does: each distinct text of the library is folded once
(:func:`timeline.views.search.fold_many`, once per revision of the library: the folded rows are kept), the
parties' pinyin and their provinces' names come from small tables of the library's distinct names and provinces.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyarrow as pa

from timeline.events.export import EVENT_COLUMNS
from timeline.library.documents import ARROW_TYPES, LIBRARY_COLUMNS, corrected_rows_by_position, revision
from timeline.library.overlay import active_corrections
from timeline.library import Library
from timeline.library.schema import DOCUMENT_CELLS, EVENT_SQL_TYPES, STORED_EVENT_COLUMNS
from timeline.views.filters import Filters
from timeline.views.search import fold_many, name_forms, search_terms

__all__ = ["DETAIL_ROWS", "PAGE_ROWS", "ViewQuery", "ViewSummary", "all_rows", "option_rows", "page_rows", "pages",
           "present_ids", "view_counts", "view_rows", "view_summary", "year_counts"]

PAGE_ROWS = 500  # the table's rows per page
# Up to this many rows in view, the timeline draws each of them and the map is built from every row (each card
# lists all its events); above it, the timeline counts events per year and the map is counted in the database.
DETAIL_ROWS = 5_000

class _Kept:
    """A few answers kept per key, shared by the app's sessions (threads of one process)."""

    def __init__(self, size: int) -> None:
        self._size, self._items, self._lock = size, {}, threading.Lock()

    def get(self, key: tuple):
        with self._lock:
            return self._items.get(key)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def put(self, key: tuple, value):
        with self._lock:
            while len(self._items) >= self._size:
                self._items.pop(next(iter(self._items)))
            self._items[key] = value
        return value


def _revision_key(con) -> tuple:
    """The library file and its revision (:func:`timeline.library.documents.revision`)."""
    path = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()[0][0]
    return (path, *revision(con))


_CORRECTED = _Kept(2)  # (library, its revision) -> the events as people corrected them


@contextmanager
def corrected_session(library: Library):
    """A connection on which ``events`` is the timeline as people corrected it (their fixes applied, rows
    marked not an event left out, ``corrected`` naming the fields): every query below reads that, so the
    DuckDB path shows what :func:`timeline.library.documents.event_rows` shows. The corrected rows are
    worked out once per revision of the library, not once per query."""
    with library.session() as con:
        db = con.execute("SELECT current_database()").fetchall()[0][0]
        stored = f'"{db}".main.events'
        if active_corrections(con):
            key = _revision_key(con)
            fixed = _CORRECTED.get(key) or _CORRECTED.put(key, _corrected_table(con, stored))
            con.register("atlas_corrected_events", fixed)
            con.execute("CREATE OR REPLACE TEMP TABLE events AS SELECT f.*, s.extractor_version FROM "
                        f"atlas_corrected_events f JOIN {stored} s USING (doc_id, row_number)")
            con.unregister("atlas_corrected_events")
        else:
            con.execute(f"CREATE OR REPLACE TEMP VIEW events AS SELECT *, '' AS corrected FROM {stored}")
        yield con


def _corrected_table(con, stored: str) -> pa.Table:
    return pa.Table.from_pylist(
        [{"doc_id": d, "row_number": n, **{c: row.get(c) for c in STORED_EVENT_COLUMNS}, "corrected": row.get("corrected")}
         for d, n, row in corrected_rows_by_position(con, stored)],
        schema=pa.schema([("doc_id", pa.string()), ("row_number", pa.int32()),
                          *((c, ARROW_TYPES[t]) for c, t in EVENT_SQL_TYPES.items()), ("corrected", pa.string())]))


ROW_COLUMNS_SQL = ", ".join(f'd."{c}"' if c in DOCUMENT_CELLS else f'e."{c}"' for c in LIBRARY_COLUMNS)
# The table's order (timeline.views.filters.in_date_order over the library's order of rows).
ORDER_SQL = ('e."year" IS NULL, coalesce(e."year", 0), coalesce(e."month", 0), coalesce(e."day", 0), '
          "d.source <> 'seed', d.added_at, d.name, e.row_number")
_PROVINCE = ("CASE WHEN regexp_full_match(coalesce({t}.{side}_adcode, ''), '[0-9]{{6}}') "
             "THEN left({t}.{side}_adcode, 2) || '0000' ELSE '' END")
# What counting needs of a row (not its texts), and the order's keys as columns of a view.
_COUNTED = ('e.event_id, e."year", e.donor_lon, e.donor_lat, e.recipient_lon, e.recipient_lat')
ORDER_COLUMNS_SQL = ("d.source <> 'seed' AS o_seed, d.added_at AS o_added, d.name AS o_name, "
                  "e.row_number AS o_row")
_ORDER_BY = ('"year" IS NULL, coalesce("year", 0), coalesce("month", 0), coalesce("day", 0), o_seed, o_added, '
             "o_name, o_row")


@dataclass(frozen=True)
class ViewQuery:
    """One or more :class:`Filters`, all of which a row must pass (the sidebar's, then the timeline's brush
    and clicks), as a SQL condition over ``events e JOIN documents d``."""

    filters: tuple[Filters, ...]

    @classmethod
    def of(cls, *filters: Filters | None) -> ViewQuery:
        return cls(tuple(f for f in filters if f is not None))

    def where(self) -> tuple[str, list[object]]:
        """The condition and its parameters."""
        parts: list[str] = []
        params: list[object] = []
        for f in self.filters:
            keep_undated = f.years is None if f.include_undated is None else f.include_undated
            if not keep_undated:
                parts.append('e."year" IS NOT NULL')
            if f.years is not None:
                parts.append('(e."year" IS NULL OR (greatest(e."year", coalesce(e.end_year, e."year")) >= ? '
                             'AND e."year" <= ?))')
                params += [f.years[0], f.years[1]]
            for column, values in (("kind", f.kinds), ("programme", f.programmes), ("event_id", f.event_ids)):
                if values:
                    parts.append(f'list_contains(?::VARCHAR[], e."{column}")')
                    params.append(sorted(values))
            for side, code in (("donor", f.donor_province), ("recipient", f.recipient_province)):
                if code:
                    parts.append(f"{_PROVINCE.format(t='e', side=side)} = ?")
                    params.append(code)
        return (" AND ".join(parts) or "TRUE"), params

    def terms(self) -> tuple[str, ...]:
        """Every search word of every filter (a row must hold them all), folded, sorted."""
        return tuple(sorted({t for f in self.filters for t in search_terms(f.search)}))

    def key(self) -> str:
        """A stable text of the query (equal queries, equal keys: what the app caches on)."""
        return repr([(f.years, f.include_undated, sorted(f.kinds), sorted(f.programmes), f.donor_province,
                      f.recipient_province, f.search, sorted(f.event_ids)) for f in self.filters])

    @property
    def searches(self) -> bool:
        return any(search_terms(f.search) for f in self.filters)


def view_sql(con, query: ViewQuery, columns: str = ROW_COLUMNS_SQL, *, ordered: bool = True) -> tuple[str, list[object]]:
    """``(SELECT …)`` of the rows in view (``columns``), with their place in the table's order (``pos``) when
    ``ordered``; registers what a search needs on ``con``."""
    where, params = query.where()
    join = ""
    if query.searches:
        con.register("atlas_matches", _matches(con, query.terms()))
        join = "SEMI JOIN atlas_matches m ON m.doc_id = e.doc_id AND m.row_number = e.row_number"
    pos = f", row_number() OVER (ORDER BY {ORDER_SQL}) - 1 AS pos" if ordered else ""
    sql = f"(SELECT {columns}{pos} FROM events e JOIN documents d USING (doc_id) {join} WHERE {where})"
    return sql, params


_MATCHES = _Kept(4)  # (library, its revision, search words) -> the rows found
_FOLDED = _Kept(1)  # (library, its revision) -> every row's text as a search folds it


def _matches(con, terms: tuple[str, ...]) -> pa.Table:
    """The keys (doc_id, row_number) of the rows that hold every one of ``terms``, folded as a search folds
    (:func:`timeline.views.search.search_text`). The answer is kept for the library's revision: the count, the
    strip, the page and the map of one search look once."""
    key = (*_revision_key(con), terms)
    found = _MATCHES.get(key)
    if found is not None:
        return found
    con.register("atlas_folded", _folded(con))
    table = con.sql(f"""SELECT doc_id, row_number FROM atlas_folded
                        WHERE {" AND ".join("strpos(haystack, ?) > 0" for _ in terms)}""",
                    params=list(terms)).to_arrow_table()
    con.unregister("atlas_folded")
    return _MATCHES.put(key, table)


def _folded(con) -> pa.Table:
    """Every row's keys and what a search looks in, folded: its texts, its parties in pinyin and their
    provinces' names. Folding text is the costly part of a search, so each distinct text is folded once (an
    event's rows share their sentence; the parties' names repeat), once per revision of the library, and every
    row's text is kept folded (about 45 MB at 100,000 rows): a new word is then a plain substring search in
    DuckDB. A row's texts are folded one by one and joined by newlines, which is folding them joined (no
    normalisation or conversion to simplified characters reaches across a line's end)."""
    key = _revision_key(con)
    found = _FOLDED.get(key)
    if found is not None:
        return found
    _register_search(con)
    texts = [r[0] for r in con.execute("""SELECT DISTINCT coalesce(t, '') FROM (
                                              SELECT donor AS t FROM events UNION ALL SELECT recipient FROM events
                                              UNION ALL SELECT evidence FROM events UNION ALL SELECT summary FROM events)
                                          """).fetchall()]
    con.register("atlas_texts", pa.table({"t": texts, "f": fold_many(texts)}))
    table = con.sql(f"""SELECT e2.doc_id, e2.row_number,
                         concat_ws(chr(10), fd.f, fr.f, fe.f, fs.f)
                         || chr(10) || coalesce(dn.forms, '') || chr(10) || coalesce(rn.forms, '')
                         || chr(10) || coalesce(dp.name, '') || chr(10) || coalesce(rp.name, '') AS haystack
                       FROM events e2
                       JOIN atlas_texts fd ON fd.t = coalesce(e2.donor, '')
                       JOIN atlas_texts fr ON fr.t = coalesce(e2.recipient, '')
                       JOIN atlas_texts fe ON fe.t = coalesce(e2.evidence, '')
                       JOIN atlas_texts fs ON fs.t = coalesce(e2.summary, '')
                       LEFT JOIN atlas_names dn ON dn.name = e2.donor
                       LEFT JOIN atlas_names rn ON rn.name = e2.recipient
                       LEFT JOIN atlas_provinces dp ON dp.code = {_PROVINCE.format(t='e2', side='donor')}
                       LEFT JOIN atlas_provinces rp ON rp.code = {_PROVINCE.format(t='e2', side='recipient')}
                    """).to_arrow_table()
    con.unregister("atlas_texts")
    return _FOLDED.put(key, table)


def _register_search(con) -> None:
    """The tables of names (pinyin forms) and provinces (names) a search looks in."""
    names = [r[0] for r in con.execute("SELECT DISTINCT donor FROM events WHERE donor IS NOT NULL UNION "
                                       "SELECT DISTINCT recipient FROM events WHERE recipient IS NOT NULL").fetchall()]
    con.register("atlas_names", pa.table({"name": names, "forms": [name_forms(n) for n in names]}))
    codes = [r[0] for r in con.execute(
        "SELECT DISTINCT left(a, 2) || '0000' FROM (SELECT donor_adcode AS a FROM events UNION "
        "SELECT recipient_adcode FROM events) WHERE regexp_full_match(coalesce(a, ''), '[0-9]{6}')").fetchall()]
    from geo import load_gazetteer  # lazily: geo imports timeline's normalisation

    places = load_gazetteer().places
    con.register("atlas_provinces", pa.table({"code": codes, "name": [places[c].name if c in places else ""
                                                                      for c in codes]}))


def _rows(cursor, columns: Sequence[str]) -> list[dict[str, object]]:
    return [dict(zip(columns, r)) for r in cursor.fetchall()]


def view_counts(library: Library, query: ViewQuery) -> dict[str, int]:
    """:func:`timeline.views.filters.view_counts` of the rows in view."""
    with corrected_session(library) as con:
        return _counts(con, query)


def _counts(con, query: ViewQuery) -> dict[str, int]:
    view, params = view_sql(con, query, _COUNTED, ordered=False)
    events, dated, rows, not_on_map = con.execute(
        f"""SELECT count(DISTINCT event_id), count(DISTINCT event_id) FILTER (WHERE "year" IS NOT NULL),
                   count(*), count(*) FILTER (WHERE donor_lon IS NULL OR donor_lat IS NULL
                                              OR recipient_lon IS NULL OR recipient_lat IS NULL)
            FROM {view} v""", params).fetchone()
    return {"events": events, "dated": dated, "undated": events - dated, "rows": rows, "not_on_map": not_on_map}


def page_rows(library: Library, query: ViewQuery, page: int = 1, size: int = PAGE_ROWS) -> list[dict[str, object]]:
    """Page ``page`` (from 1) of the rows in view, ``size`` rows, in the table's order (by date, year not
    stated last; :func:`~timeline.views.filters.in_date_order`)."""
    _check_page(page, size)
    with corrected_session(library) as con:
        return _page(con, query, page, size)


def _check_page(page: int, size: int) -> None:
    if page < 1 or size < 1:
        raise ValueError(f"page {page} of {size} rows: give a page from 1 and a size of 1 or more")


def _page(con, query: ViewQuery, page: int, size: int) -> list[dict[str, object]]:
    view, params = view_sql(con, query, f"{ROW_COLUMNS_SQL}, {ORDER_COLUMNS_SQL}", ordered=False)
    cur = con.execute(f"SELECT {', '.join(map(_q, LIBRARY_COLUMNS))} FROM {view} v ORDER BY {_ORDER_BY} "
                      "LIMIT ? OFFSET ?", [*params, size, (page - 1) * size])
    return _rows(cur, LIBRARY_COLUMNS)


def view_rows(library: Library, query: ViewQuery, *, batch: int = 10_000) -> Iterable[list[dict[str, object]]]:
    """Every row in view, in the table's order, in batches (for the downloads)."""
    with corrected_session(library) as con:
        yield from _batches(con, query, batch)


def _batches(con, query: ViewQuery, batch: int = 10_000) -> Iterable[list[dict[str, object]]]:
    view, params = view_sql(con, query, f"{ROW_COLUMNS_SQL}, {ORDER_COLUMNS_SQL}", ordered=False)
    cur = con.execute(f"SELECT {', '.join(map(_q, LIBRARY_COLUMNS))} FROM {view} v ORDER BY {_ORDER_BY}", params)
    while chunk := cur.fetchmany(batch):
        yield [dict(zip(LIBRARY_COLUMNS, r)) for r in chunk]


def all_rows(library: Library, query: ViewQuery) -> list[dict[str, object]]:
    """Every row in view, in the table's order (a detailed view, or a download on click)."""
    return [row for chunk in view_rows(library, query) for row in chunk]


@dataclass(frozen=True)
class ViewSummary:
    """What a rerun shows of one view, asked in one visit to the library (:func:`view_summary`).

    ``counts`` as :func:`view_counts`; ``rows``: every row in the table's order when the view is detailed
    (at most ``detail_rows``), else ``None``; ``years``: events per year (:func:`year_counts`) when the view
    is large and the strip was asked for, else ``None``; ``page``: the table's page (:func:`page_rows`).
    """

    counts: dict[str, int]
    rows: list[dict[str, object]] | None
    years: tuple[list[list[int]], int] | None
    page: list[dict[str, object]]

    @property
    def detailed(self) -> bool:
        return self.rows is not None


def view_summary(library: Library, query: ViewQuery, *, page: int = 1, size: int | None = None,
                 detail_rows: int | None = None, strip: bool = True) -> ViewSummary:
    """The counts, the rows or the events per year, and the table's page ``page`` of the view, in one session
    (a connection to the library costs about as much as one of these queries). ``size`` and ``detail_rows``
    default to :data:`PAGE_ROWS` and :data:`DETAIL_ROWS`."""
    size = PAGE_ROWS if size is None else size
    detail_rows = DETAIL_ROWS if detail_rows is None else detail_rows
    _check_page(page, size)
    with corrected_session(library) as con:
        counts = _counts(con, query)
        if counts["rows"] <= detail_rows:
            rows = [row for chunk in _batches(con, query) for row in chunk]
            return ViewSummary(counts, rows, None, rows[(page - 1) * size:page * size])
        years = _years(con, query) if strip else None
        return ViewSummary(counts, None, years, _page(con, query, page, size))


def pages(counts: dict[str, int], size: int = PAGE_ROWS) -> int:
    """How many pages the table of a view with ``counts`` has (at least 1)."""
    return max(1, -(-int(counts["rows"]) // size))


def present_ids(library: Library, query: ViewQuery, event_ids: Iterable[str]) -> frozenset[str]:
    """Those of ``event_ids`` still in view (a click on an event the filters have since removed is dropped)."""
    ids = sorted({str(i) for i in event_ids})
    if not ids:
        return frozenset()
    with corrected_session(library) as con:
        view, params = view_sql(con, query, _COUNTED, ordered=False)
        found = con.execute(f"SELECT DISTINCT event_id FROM {view} v WHERE list_contains(?::VARCHAR[], event_id)",
                            [*params, ids]).fetchall()
    return frozenset(r[0] for r in found)


def option_rows(library: Library) -> list[dict[str, object]]:
    """A few rows that hold every kind, programme, donor and recipient province and the first and last year
    of the library: what :func:`~timeline.views.filters.year_bounds`, ``kinds_in``, ``programmes_in`` and
    ``province_options`` need for the filter widgets, without every row."""
    with corrected_session(library) as con:
        first, last = con.execute('SELECT min("year"), max(greatest("year", coalesce(end_year, "year"))) '
                                  "FROM events").fetchone()
        out: list[dict[str, object]] = [{"year": first}, {"year": last}] if first is not None else []
        for column in ("kind", "programme", "donor_adcode", "recipient_adcode"):
            if column.endswith("adcode"):
                side = column.split("_")[0]
                sql = f"SELECT DISTINCT {_PROVINCE.format(t='e', side=side)} FROM events e"
            else:
                sql = f'SELECT DISTINCT "{column}" FROM events'
            out += [{column: value} for (value,) in con.execute(sql).fetchall() if value]
    return out


def year_counts(library: Library, query: ViewQuery) -> tuple[list[list[int]], int]:
    """Events per year in view (``[[year, events], …]``, every year from the first to the last; an event
    counts in its first year) and the number of events whose year is not stated: the large view's strip."""
    with corrected_session(library) as con:
        return _years(con, query)


def _years(con, query: ViewQuery) -> tuple[list[list[int]], int]:
    view, params = view_sql(con, query, _COUNTED, ordered=False)
    counts: dict[int | None, int] = dict(con.execute(
        f'SELECT "year", count(DISTINCT event_id) FROM {view} v GROUP BY "year"', params).fetchall())
    undated = counts.pop(None, 0)
    years = sorted(counts)
    return ([[y, counts.get(y, 0)] for y in range(years[0], years[-1] + 1)] if years else []), undated


def _q(column: str) -> str:
    return f'"{column}"'
