"""The map of a view, counted in the library's database: its relations with their totals and each relation's
first rows (:func:`map_totals`, for :func:`geo.map.data.build_map_from_totals`), or built from every row of a
small view (:func:`view_map_data`). The same map as :func:`geo.map.data.build_map_data` over the view's rows
(``tests/views/test_views_queries.py`` checks it on the seeds).
"""

from __future__ import annotations

import pyarrow as pa

from geo.map.data import CARD_EVENTS, CARD_EVENTS_DENSE, EVIDENCE_MAX, MapTotals, PartyTotals, RelationTotals
from geo.map.rows import CARD_COLUMNS
from timeline.library import Library
from timeline.library.schema import DOCUMENT_CELLS
from timeline.views import queries
from timeline.views.queries import (
    ORDER_SQL, ViewQuery, _Kept, _revision_key, all_rows, corrected_session, view_sql,
)

__all__ = ["LARGE_EVIDENCE", "map_totals", "view_map_data"]

LARGE_EVIDENCE = 120  # characters of evidence per event in a large map's cards (the table shows it whole)
# What the map counts with (its texts are read for each relation's first rows only).
_MAPPED = ", ".join(f'e."{c}"' for c in (
    "doc_id", "row_number", "event_id", "year", "month", "day", "precision", "kind", "amount_yuan",
    "donor", "donor_adcode", "donor_kind", "donor_lon", "donor_lat",
    "recipient", "recipient_adcode", "recipient_kind", "recipient_lon", "recipient_lat"))
_CARD = ", ".join(f'd."{c}"' if c in DOCUMENT_CELLS else f'e."{c}"' for c in CARD_COLUMNS)


def view_map_data(library: Library, query: ViewQuery, *, rows: int, lang: str, sources: dict,
                  detail_rows: int | None = None) -> dict:
    """The map data of the view (``rows`` in it): :func:`geo.map.data.build_map_data` over its rows up to
    ``detail_rows`` (:data:`~timeline.views.queries.DETAIL_ROWS`), else counted in the database
    (:func:`map_totals`, each card its first events; only what the page shows: ``page_only``)."""
    from geo.map.data import build_map_data, build_map_from_totals

    if rows <= (queries.DETAIL_ROWS if detail_rows is None else detail_rows):
        return build_map_data(all_rows(library, query), lang=lang, sources=sources)
    return build_map_from_totals(map_totals(library, query, evidence_max=LARGE_EVIDENCE, event_ids=False), lang=lang,
                                 sources=sources, page_only=True)


def map_totals(library: Library, query: ViewQuery, *, aggregate_above: int = 2000,
               evidence_max: int = EVIDENCE_MAX, event_ids: bool = True) -> MapTotals:
    """The map of the rows in view, counted in the database: what :func:`geo.map.data.build_map_data` draws
    (``aggregate_above`` as there), with each relation's card rows only (:class:`~geo.map.data.MapTotals`),
    their evidence cut at ``evidence_max`` characters; each relation's ``event_ids`` listed when ``event_ids``
    (a map that is only drawn leaves them out: :func:`geo.map.data.build_map_from_totals` with ``page_only``).

    Each row's relation and its places in the map's order and the table's are worked out once per revision of
    the library (:func:`_keys`), so a view ranks and groups its rows on numbers."""
    with corrected_session(library) as con:
        con.register("atlas_keys", _keys(con))
        view, params = view_sql(con, query, _MAPPED, ordered=False)
        con.execute(f"""CREATE TEMP TABLE atlas_view AS SELECT v.*, k.rel_id, k.map_pos, k.table_pos,
                            (donor_lon IS NOT NULL AND donor_lat IS NOT NULL AND recipient_lon IS NOT NULL
                             AND recipient_lat IS NOT NULL) AS drawn
                        FROM {view} v JOIN atlas_keys k USING (doc_id, row_number)""", params)
        con.unregister("atlas_keys")
        n_rows, events, dated, not_on_map, fine, undated_drawn = con.execute("""
            SELECT count(*), count(DISTINCT event_id), count(DISTINCT event_id) FILTER (WHERE "year" IS NOT NULL),
                   count(*) FILTER (WHERE NOT drawn),
                   coalesce(bool_and(month IS NOT NULL AND "precision" IN ('month', 'day'))
                            FILTER (WHERE drawn AND "year" IS NOT NULL), false),
                   count(DISTINCT event_id) FILTER (WHERE drawn AND "year" IS NULL)
            FROM atlas_view""").fetchone()
        limit = CARD_EVENTS_DENSE if n_rows > aggregate_above else CARD_EVENTS
        period = "P1M" if fine else "P1Y"
        step = '"year" * 12 + month - 1' if fine else '"year"'
        # a relation's first row (in the map's order) places it on the map's list: dated first, by that row's
        # year, then donor, recipient and the rest of that row's date
        relations = con.execute(f"""
            SELECT rel_id, count(*), count(DISTINCT event_id),
                   count(DISTINCT event_id) FILTER (WHERE "year" IS NOT NULL),
                   count(DISTINCT event_id) FILTER (WHERE "year" IS NULL),
                   sum(amount_yuan), {"list(DISTINCT event_id ORDER BY event_id)" if event_ids else "NULL"},
                   arg_min("year" IS NULL, map_pos), arg_min(coalesce("year", 0), map_pos),
                   arg_min(coalesce(donor, ''), map_pos), arg_min(coalesce(recipient, ''), map_pos), min(map_pos)
            FROM atlas_view WHERE drawn GROUP BY rel_id""").fetchall()
        kinds = dict(con.execute(
            """SELECT rel_id, arg_min(k, (-n, first)) FROM (
                   SELECT rel_id, coalesce(nullif(trim(kind), ''), 'other') AS k, count(*) AS n, min(map_pos) AS first
                   FROM atlas_view WHERE drawn GROUP BY rel_id, k) GROUP BY rel_id""").fetchall())
        years: dict[int, dict[int, int]] = {}
        for rel_id, year, n in con.execute(
                f'SELECT rel_id, "year", count(DISTINCT (event_id, {step})) FROM atlas_view '
                'WHERE drawn AND "year" IS NOT NULL GROUP BY rel_id, "year"').fetchall():
            years.setdefault(rel_id, {})[year] = n
        steps: dict[int, dict[int, int]] = {}
        for rel_id, s, n in con.execute(
                f'SELECT rel_id, {step} AS s, count(DISTINCT (event_id, "year")) FROM atlas_view '
                'WHERE drawn AND "year" IS NOT NULL GROUP BY rel_id, s').fetchall():
            steps.setdefault(rel_id, {})[s] = n
        # a party's first row in the table's order (its donor before its recipient) gives its adcode and kind
        parties = con.execute("""
            SELECT name, lon, lat, arg_min(adcode, o), arg_min(kind, o),
                   count(*) FILTER (WHERE o % 2 = 0), count(*) FILTER (WHERE o % 2 = 1)
            FROM (SELECT coalesce(donor, '') AS name, donor_lon AS lon, donor_lat AS lat,
                         coalesce(donor_adcode, '') AS adcode, coalesce(donor_kind, '') AS kind, table_pos * 2 AS o
                  FROM atlas_view WHERE drawn
                  UNION ALL
                  SELECT coalesce(recipient, ''), recipient_lon, recipient_lat, coalesce(recipient_adcode, ''),
                         coalesce(recipient_kind, ''), table_pos * 2 + 1 FROM atlas_view WHERE drawn)
            GROUP BY name, lon, lat ORDER BY min(o)""").fetchall()
        by_year = dict(con.execute('SELECT "year", count(DISTINCT event_id) FROM atlas_view '
                                   'WHERE drawn AND "year" IS NOT NULL GROUP BY "year"').fetchall())
        by_step = dict(con.execute(f'SELECT {step} AS s, count(DISTINCT event_id) FROM atlas_view '
                                   'WHERE drawn AND "year" IS NOT NULL GROUP BY s').fetchall())
        unplaced = [r[0] for r in con.execute(
            """SELECT DISTINCT coalesce(donor, '') FROM atlas_view WHERE donor_lon IS NULL OR donor_lat IS NULL
               UNION SELECT DISTINCT coalesce(recipient, '') FROM atlas_view
               WHERE recipient_lon IS NULL OR recipient_lat IS NULL""").fetchall()]
        order_of = [r[0] for r in sorted(relations, key=lambda r: r[7:])]
        # each card's rows, a relation after another in the map's order, as columns (index: the row's place
        # among its relation's)
        con.register("atlas_order", pa.table({"rel_id": order_of, "place": range(len(order_of))}))
        sample = con.sql(f"""SELECT {_CARD}, r.rk AS "index" FROM (
                                 SELECT doc_id, row_number, rel_id,
                                        row_number() OVER (PARTITION BY rel_id ORDER BY map_pos) AS rk
                                 FROM atlas_view WHERE drawn) r
                             JOIN atlas_order o USING (rel_id) JOIN events e USING (doc_id, row_number)
                             JOIN documents d ON d.doc_id = e.doc_id WHERE r.rk <= ? ORDER BY o.place, r.rk""",
                         params=[limit]).to_arrow_table().to_pydict()
        con.unregister("atlas_order")
    stats = {r[0]: r[1:7] for r in relations}
    totals = []
    for rel_id in order_of:
        n, n_events, n_dated, n_undated, amount, ids = stats[rel_id]
        totals.append(RelationTotals(
            shown=min(n, limit), rows=n, events=n_events, dated=n_dated, undated=n_undated,
            years=years.get(rel_id, {}), steps=steps.get(rel_id, {}), kind=kinds[rel_id],
            amount_yuan=None if amount is None else float(amount), event_ids=tuple(ids or ())))
    return MapTotals(
        relations=tuple(totals),
        parties=tuple(PartyTotals(name, (lon, lat), adcode, kind, d, r) for name, lon, lat, adcode, kind, d, r in parties),
        counts={"events": events, "dated": dated, "undated": events - dated, "rows": n_rows, "not_on_map": not_on_map},
        by_year=by_year, by_step=by_step, undated_drawn=undated_drawn, period=period,
        not_on_map=tuple(sorted(unplaced)), sample=sample, card_limit=limit, evidence_max=evidence_max)


_KEYS = _Kept(2)  # (library, its revision) -> each row's relation and places in the map's and the table's order


def _keys(con) -> pa.Table:
    """Each row's keys (``doc_id``, ``row_number``) with ``rel_id``, a number per relation (a pair of parties at
    their places), ``map_pos``, its place in the map's order (by date, then event id, then the table's order), and
    ``table_pos``, its place in the table's order (:data:`~timeline.views.queries.ORDER_SQL`). They depend on the
    library only, not on the view: worked out once per revision (about 10 MB at 100,000 rows) and kept."""
    key = _revision_key(con)
    found = _KEYS.get(key)
    if found is not None:
        return found
    return _KEYS.put(key, con.sql(f"""
        SELECT e.doc_id, e.row_number,
               dense_rank() OVER (ORDER BY coalesce(e.donor, ''), e.donor_lon, e.donor_lat, coalesce(e.recipient, ''),
                                           e.recipient_lon, e.recipient_lat) AS rel_id,
               row_number() OVER (ORDER BY e."year" IS NULL, coalesce(e."year", 0), coalesce(e.month, 0),
                                           coalesce(e.day, 0), e.event_id, d.source <> 'seed', d.added_at, d.name,
                                           e.row_number) AS map_pos,
               row_number() OVER (ORDER BY {ORDER_SQL}) AS table_pos
        FROM events e JOIN documents d USING (doc_id)""").to_arrow_table())
