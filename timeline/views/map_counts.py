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
from timeline.views.queries import ORDER_COLUMNS_SQL, TIES_SQL, ViewQuery, all_rows, corrected_session, view_sql

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

    The table's order breaks ties as the Python path's place in the view does (``index``): the order's own
    columns (:data:`ORDER_COLUMNS_SQL`) stand in for a row number over the whole view, which would sort it."""
    with corrected_session(library) as con:
        view, params = view_sql(con, query, f"{_MAPPED}, {ORDER_COLUMNS_SQL}", ordered=False)
        con.execute(f"CREATE TEMP TABLE atlas_view AS SELECT * FROM {view} v", params)
        n_rows = con.execute("SELECT count(*) FROM atlas_view").fetchone()[0]
        limit = CARD_EVENTS_DENSE if n_rows > aggregate_above else CARD_EVENTS
        drawn = ("(SELECT * FROM atlas_view WHERE donor_lon IS NOT NULL AND donor_lat IS NOT NULL "
                 "AND recipient_lon IS NOT NULL AND recipient_lat IS NOT NULL)")
        fine = con.execute(f"""SELECT count(*) > 0 AND bool_and(month IS NOT NULL AND "precision" IN ('month', 'day'))
                               FROM {drawn} WHERE "year" IS NOT NULL""").fetchone()[0]
        period = "P1M" if fine else "P1Y"
        step = '"year" * 12 + month - 1' if fine else '"year"'
        sort = (f'ORDER BY "year" IS NULL, coalesce("year", 0), coalesce(month, 0), coalesce(day, 0), event_id, '
                f"{TIES_SQL}")
        # A number per relation (a pair of parties at their places) first, so that ranking the rows within each
        # relation sorts on that number and not on the parties' names and coordinates.
        con.execute(f"""CREATE TEMP TABLE atlas_relations AS SELECT row_number() OVER () AS rel_id, * FROM (
                            SELECT DISTINCT coalesce(donor, '') AS k_donor, donor_lon AS k_donor_lon,
                                   donor_lat AS k_donor_lat, coalesce(recipient, '') AS k_recipient,
                                   recipient_lon AS k_recipient_lon, recipient_lat AS k_recipient_lat FROM {drawn})""")
        con.execute(f"""CREATE TEMP TABLE atlas_ranked AS SELECT v.*, {step} AS step, r.rel_id,
                            row_number() OVER (PARTITION BY r.rel_id {sort}) AS rk
                        FROM {drawn} v JOIN atlas_relations r
                          ON r.k_donor = coalesce(v.donor, '') AND r.k_donor_lon = v.donor_lon
                         AND r.k_donor_lat = v.donor_lat AND r.k_recipient = coalesce(v.recipient, '')
                         AND r.k_recipient_lon = v.recipient_lon AND r.k_recipient_lat = v.recipient_lat""")
        relations = con.execute(f"""
            SELECT r.rel_id, count(*), count(DISTINCT event_id),
                   count(DISTINCT event_id) FILTER (WHERE "year" IS NOT NULL),
                   count(DISTINCT event_id) FILTER (WHERE "year" IS NULL),
                   sum(amount_yuan), {"list(DISTINCT event_id ORDER BY event_id)" if event_ids else "NULL"}
            FROM atlas_ranked r GROUP BY r.rel_id""").fetchall()
        firsts = {r[0]: r[1:] for r in con.execute(
            f"""SELECT rel_id, "year" IS NULL, coalesce("year", 0), coalesce(donor, ''), coalesce(recipient, ''),
                       coalesce(month, 0), coalesce(day, 0), event_id, {TIES_SQL}
                FROM atlas_ranked WHERE rk = 1""").fetchall()}
        kinds = {r[0]: r[1] for r in con.execute(
            """SELECT rel_id, arg_min(k, (-n, first_rk)) FROM (
                   SELECT rel_id, coalesce(nullif(trim(kind), ''), 'other') AS k, count(*) AS n, min(rk) AS first_rk
                   FROM atlas_ranked GROUP BY rel_id, k) GROUP BY rel_id""").fetchall()}
        years: dict[int, dict[int, int]] = {}
        for rel_id, year, n in con.execute(
                'SELECT rel_id, "year", count(DISTINCT (event_id, step)) FROM atlas_ranked WHERE "year" IS NOT NULL '
                'GROUP BY rel_id, "year"').fetchall():
            years.setdefault(rel_id, {})[year] = n
        steps: dict[int, dict[int, int]] = {}
        for rel_id, s, n in con.execute(
                'SELECT rel_id, step, count(DISTINCT (event_id, "year")) FROM atlas_ranked WHERE "year" IS NOT NULL '
                "GROUP BY rel_id, step").fetchall():
            steps.setdefault(rel_id, {})[s] = n
        # a party's first row in the table's order (its donor before its recipient) gives its adcode and kind
        at = ('"year" IS NULL, coalesce("year", 0), coalesce(month, 0), coalesce(day, 0), '
              "o_seed, o_added, o_name, o_row")
        parties = con.execute(f"""
            SELECT name, lon, lat, arg_min(adcode, o), arg_min(kind, o),
                   count(*) FILTER (WHERE side = 0), count(*) FILTER (WHERE side = 1)
            FROM (SELECT coalesce(donor, '') AS name, donor_lon AS lon, donor_lat AS lat,
                         coalesce(donor_adcode, '') AS adcode, coalesce(donor_kind, '') AS kind, 0 AS side,
                         ({at}, 0) AS o FROM atlas_ranked
                  UNION ALL
                  SELECT coalesce(recipient, ''), recipient_lon, recipient_lat, coalesce(recipient_adcode, ''),
                         coalesce(recipient_kind, ''), 1, ({at}, 1) FROM atlas_ranked)
            GROUP BY name, lon, lat ORDER BY min(o)""").fetchall()
        events, dated, not_on_map = con.execute("""
            SELECT count(DISTINCT event_id), count(DISTINCT event_id) FILTER (WHERE "year" IS NOT NULL),
                   count(*) FILTER (WHERE donor_lon IS NULL OR donor_lat IS NULL OR recipient_lon IS NULL
                                    OR recipient_lat IS NULL) FROM atlas_view""").fetchone()
        by_year = dict(con.execute('SELECT "year", count(DISTINCT event_id) FROM atlas_ranked WHERE "year" IS NOT NULL '
                                   'GROUP BY "year"').fetchall())
        by_step = dict(con.execute('SELECT step, count(DISTINCT event_id) FROM atlas_ranked '
                                   'WHERE "year" IS NOT NULL GROUP BY step').fetchall())
        undated_drawn = con.execute('SELECT count(DISTINCT event_id) FROM atlas_ranked WHERE "year" IS NULL'
                                    ).fetchone()[0]
        unplaced = [r[0] for r in con.execute(
            """SELECT DISTINCT coalesce(donor, '') FROM atlas_view WHERE donor_lon IS NULL OR donor_lat IS NULL
               UNION SELECT DISTINCT coalesce(recipient, '') FROM atlas_view
               WHERE recipient_lon IS NULL OR recipient_lat IS NULL""").fetchall()]
        order_of = sorted(firsts, key=lambda rel_id: firsts[rel_id])
        # each card's rows, a relation after another in the map's order, as columns (index: the row's place
        # among its relation's; rk follows the table's order)
        con.register("atlas_order", pa.table({"rel_id": order_of, "place": range(len(order_of))}))
        sample = con.sql(f"""SELECT {_CARD}, r.rk AS "index" FROM (SELECT * FROM atlas_ranked WHERE rk <= ?) r
                             JOIN atlas_order o USING (rel_id) JOIN events e USING (doc_id, row_number)
                             JOIN documents d ON d.doc_id = e.doc_id ORDER BY o.place, r.rk""", params=[limit]).to_arrow_table().to_pydict()
        con.unregister("atlas_order")
    stats = {r[0]: r[1:] for r in relations}
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
