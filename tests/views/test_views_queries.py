"""The library's view asked of DuckDB (timeline.views.queries) gives what the Python path gives over every row
(filters.filter_rows, in_date_order, view_counts, geo.map.data.build_map_data), on the seeds' real articles."""

from __future__ import annotations

import pytest

from geo.map.data import build_map_data, build_map_from_totals
from gold import SEEDS
from timeline.views.catalog import library_rows, open_library
from timeline.views.filters import (
    Filters, filter_rows, in_date_order, kinds_in, programmes_in, province_options, view_counts, year_bounds,
)
from timeline.views.map_counts import map_totals
from timeline.views.queries import (
    ViewQuery, option_rows, page_rows, present_ids, view_counts as sql_counts, view_rows, year_counts,
)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    return open_library(SEEDS, tmp_path_factory.mktemp("lib") / "lib.duckdb")


@pytest.fixture(scope="module")
def rows(library):
    return library_rows(library)


FILTERS = [
    Filters(),
    Filters(years=(2016, 2018)),
    Filters(years=(2016, 2018), include_undated=True),
    Filters(include_undated=False),
    Filters(kinds=frozenset({"funding", "team_arrival"})),
    Filters(programmes=frozenset({"east_west"})),
    Filters(donor_province="510000"),
    Filters(recipient_province="620000"),
    Filters(search="自贡"),
    Filters(search="Zigong 平昌縣"),  # pinyin and a traditional character, both must occur
    Filters(search="四川"),  # a province's name finds its parties' rows
    Filters(search="援藏 2011"),
    Filters(search="nothing-like-this"),
]


def _ids(rows):
    return [(r["doc"], r["event_id"], r["donor"], r["recipient"]) for r in rows]


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_the_database_keeps_the_rows_python_keeps_in_the_same_order(library, rows, filters):
    expected = in_date_order(filter_rows(rows, filters))
    got = [r for chunk in view_rows(library, ViewQuery.of(filters)) for r in chunk]
    assert _ids(got) == _ids(expected)
    assert got == [dict(r) for r in expected]  # every cell, typed alike
    assert sql_counts(library, ViewQuery.of(filters)) == view_counts(expected)


def test_the_filters_keep_something_so_the_comparisons_say_something(rows):
    for filters in FILTERS[:-1]:
        assert 0 < len(filter_rows(rows, filters)) < len(rows) or filters == Filters(), filters


@pytest.mark.parametrize("filters", [Filters(), Filters(years=(2016, 2020)), Filters(search="平昌"),
                                     Filters(kinds=frozenset({"visit"}))], ids=repr)
@pytest.mark.parametrize("aggregate_above", [2000, 10])
def test_the_map_counted_in_the_database_is_the_map_of_every_row(library, rows, filters, aggregate_above):
    view = in_date_order(filter_rows(rows, filters))
    expected = build_map_data(view, aggregate_above=aggregate_above, lang="en")
    got = build_map_from_totals(map_totals(library, ViewQuery.of(filters), aggregate_above=aggregate_above),
                                lang="en")
    assert expected["relations"]["features"], "the seeds draw relations"
    for a, b in zip(expected["relations"]["features"], got["relations"]["features"], strict=True):
        limit = len(b["properties"]["events"])  # the totals path lists only the card's rows
        assert limit == min(len(a["properties"]["events"]), 5 if aggregate_above == 10 else 40)
        a["properties"]["events"] = a["properties"]["events"][:limit]
        assert a == b
    assert {k: v for k, v in expected.items() if k != "relations"} == {k: v for k, v in got.items() if k != "relations"}


def test_the_table_is_paged_in_date_order_with_year_not_stated_last(library, rows):
    view = in_date_order(rows)
    pages = [page_rows(library, ViewQuery.of(Filters()), page, size=7) for page in range(1, len(view) // 7 + 3)]
    assert all(len(p) == 7 for p in pages[:len(view) // 7])
    assert [r for p in pages for r in p] == [dict(r) for r in view]
    assert pages[-1] == []  # past the end: an empty page, not an error
    filled = [p for p in pages if p]  # the last may be full when the rows are a multiple of 7
    assert filled[0][0]["year"] is not None and filled[-1][-1]["year"] is None
    with pytest.raises(ValueError, match="page 0"):
        page_rows(library, ViewQuery.of(Filters()), 0)


def test_the_sidebar_brush_and_clicks_combine_as_the_app_chains_them(library, rows):
    sidebar, brush = Filters(years=(2016, 2020), include_undated=True), Filters(years=(2017, 2017))
    view = in_date_order(filter_rows(rows, sidebar))
    expected = filter_rows(view, brush)
    got = [r for chunk in view_rows(library, ViewQuery.of(sidebar, brush)) for r in chunk]
    assert _ids(got) == _ids(expected) and expected
    picked = {expected[0]["event_id"], "no-such-event"}
    assert present_ids(library, ViewQuery.of(sidebar, brush), picked) == {expected[0]["event_id"]}


def test_the_widgets_get_the_options_of_every_row(library, rows):
    options = option_rows(library)
    assert len(options) < len(rows) / 2  # a few rows per widget value, not every row
    assert year_bounds(options) == year_bounds(rows)
    assert kinds_in(options) == kinds_in(rows) and programmes_in(options) == programmes_in(rows)
    for side in ("donor", "recipient"):
        assert province_options(options, side=side) == province_options(rows, side=side)


def test_the_strip_counts_events_per_year_and_those_without_one(library, rows):
    strip, undated = year_counts(library, ViewQuery.of(Filters()))
    counts = view_counts(rows)
    assert sum(n for _, n in strip) <= counts["dated"] and undated == counts["undated"]
    dated = {r["event_id"]: r["year"] for r in rows if r["year"] is not None}
    assert dict(strip) == {y: sum(1 for v in dated.values() if v == y) for y in range(strip[0][0], strip[-1][0] + 1)}


def test_a_search_finds_a_document_saved_after_the_same_search(tmp_path):
    from timeline.views.catalog import save_paste

    library = open_library(None, tmp_path / "empty.duckdb")
    query = ViewQuery.of(Filters(search="自贡"))
    assert sql_counts(library, query)["rows"] == 0
    save_paste(library, "2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。")
    assert sql_counts(library, query)["rows"] == len(filter_rows(library_rows(library), Filters(search="自贡"))) > 0


@pytest.mark.parametrize("filters", [Filters(), Filters(years=(2016, 2020), include_undated=True),
                                     Filters(search="平昌")], ids=repr)
@pytest.mark.parametrize("detail_rows", [10_000, 10])
def test_one_visit_gives_the_counts_the_rows_or_strip_and_the_page_the_separate_questions_give(
        library, filters, detail_rows):
    from timeline.views.queries import all_rows, view_summary

    query = ViewQuery.of(filters)
    counts = sql_counts(library, query)
    for page in (1, 2):
        got = view_summary(library, query, page=page, size=7, detail_rows=detail_rows)
        assert got.counts == counts
        assert got.page == page_rows(library, query, page, size=7)
        if counts["rows"] <= detail_rows:  # detailed: every row, no strip
            assert got.detailed and got.rows == all_rows(library, query) and got.years is None
        else:  # large: the strip, not the rows
            assert not got.detailed and got.years == year_counts(library, query)
    assert view_summary(library, query, size=7, detail_rows=detail_rows, strip=False).years is None
    if filters == Filters():
        assert 10 < counts["rows"] <= 10_000  # so both ways are taken
    with pytest.raises(ValueError, match="page 0"):
        view_summary(library, query, page=0)


@pytest.mark.parametrize("filters", [Filters(), Filters(years=(2016, 2020))], ids=repr)
def test_the_page_only_map_makes_the_same_page_and_leaves_out_what_it_does_not_show(library, filters):
    from geo.map import render

    query = ViewQuery.of(filters)
    whole = build_map_from_totals(map_totals(library, query, aggregate_above=10), lang="en")
    page = build_map_from_totals(map_totals(library, query, aggregate_above=10, event_ids=False), lang="en",
                                 page_only=True)
    assert render._relations(page["relations"]) == render._relations(whole["relations"])
    assert render._places(page["places"]) == render._places(whole["places"])
    assert {k: v for k, v in page.items() if k != "relations"} == {k: v for k, v in whole.items() if k != "relations"}
    for lean, full in zip(page["relations"]["features"], whole["relations"]["features"], strict=True):
        assert not {"events", "event_ids", "years", "first_year"} & set(lean["properties"])
        assert full["properties"]["event_ids"] and full["properties"]["events"]
        assert lean["geometry"]["coordinates"] == [full["geometry"]["coordinates"][0],
                                                   full["geometry"]["coordinates"][-1]]


def test_a_corrected_row_s_card_says_so_on_the_map_counted_in_the_database(library, tmp_path):
    import shutil

    from timeline.library import Library
    from timeline.library.cells import read_table
    from timeline.library.corrections import commit, plan_corrections
    from timeline.views.labels import header_aliases

    path = tmp_path / "corrected.duckdb"
    shutil.copy(library.path, path)
    corrected = Library(path)
    rows = library_rows(corrected)
    target = next(r for r in rows if r["year"] is not None and r["donor_lon"] is not None
                  and r["recipient_lon"] is not None and sum(x["event_id"] == r["event_id"] for x in rows) == 1)
    header = ["event_id", "doc", "year"]
    years = [r["year"] + 1 if r is target else r["year"] or "" for r in rows]
    table = "\n".join([",".join(header), *(f'{r["event_id"]},{r["doc"]},{year}' for r, year in zip(rows, years))])
    header, cells = read_table(table.encode("utf-8"), "edited.csv", aliases=header_aliases())
    with corrected.session() as con:
        commit(con, plan_corrections(con, header, cells, name="edited.csv"))
    rows = library_rows(corrected)
    assert [r["corrected"] for r in rows if r["event_id"] == target["event_id"]] == ["year"]
    expected = build_map_data(in_date_order(rows), aggregate_above=10, lang="en")
    got = build_map_from_totals(map_totals(corrected, ViewQuery.of(Filters()), aggregate_above=10), lang="en")
    cards = [e for f in got["relations"]["features"] for e in f["properties"]["card"]["events"]
             if e[0] == target["event_id"]]
    assert cards and all(e[4] == "corrected: year" for e in cards), cards
    assert [f["properties"]["card"] for f in got["relations"]["features"]] == \
        [f["properties"]["card"] for f in expected["relations"]["features"]]
