"""Pairing Atlas — the web app (thin: widgets → settings → one core call per feature → render).

Opens on the events of the library (``seeds/`` on first use); uploads and pasted texts are saved to it
(:mod:`timeline.views.catalog`), read in a worker process (:mod:`timeline.views.offload`). In 中文 or English
(the browser's language first). Everything it computes comes from :mod:`timeline.views` and
:mod:`geo.map`; the map, the chart and the exports are cached on what is in view
(:func:`timeline.views.exports.view_key`), and the download files are built only when clicked.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import streamlit as st

from geo import GeoError
from geo.errors import MapAssetsMissingError
from geo.map.assets import check_installed, node_modules_dir
from geo.map.data import KIND_COLOURS, build_map_data, to_geojson
from geo.map.render import render_map
from geo.map.served import publish
from timeline import TimelineError
from timeline.library import Library, library_path
from timeline.views.chart import chart_spec, timeline_chart, year_strip_chart
from timeline.views.catalog import (
    StoredDocuments, catalog_rows, catalog_sources, edit_publication, library_revision, open_library,
    remove_from_library, save_paste, save_uploads,
)
from timeline.views.corrections import (
    DOWNLOAD_COLUMNS, EDITOR_COLUMNS, KIND_OPTIONS, apply_table, audit_documents, audit_rows, editor_edits,
    editor_frame, plan_table, preview_rows, undo_correction, upload_table,
)
from timeline.views.evidence import evidence_html, source_html
from timeline.views.exports import csv_for, view_key
from timeline.views.filters import (
    SEARCH_MAX_CHARS, TABLE_SHOWN, Filters, chart_selection, filter_rows, kinds_in, programmes_in, province_options,
    table_frame, table_selection, timeline_chart_data, year_bounds,
)
import timeline.views.queries as queries
from timeline.views.map_counts import view_map_data
from timeline.views.labels import (
    LANGUAGE_NAMES, LANGUAGES, column_label, kind_label, language_of, message, programme_label, source_label, ui,
)
from timeline.views.presentation import presentation_page
from timeline.views.summary import row_summary
from timeline.views.offload import Extractor
from timeline.views.uploads import MAX_UPLOAD_MB, upload_names

def warm_first_page(script: str, locales: tuple[str, ...] = ("zh-CN", "en-US")) -> None:
    """Run the app's first page once in each language in this process (Streamlit's AppTest), before the server
    listens: its cached answers (st.cache_data, st.cache_resource: the library's options, the view's counts,
    table and map page) are then there for the first browser session too. A failure only costs the warm-up."""
    from streamlit.testing.v1 import AppTest

    for locale in locales:
        try:
            at = AppTest.from_file(script, default_timeout=300)
            at.context = {"locale": locale}
            at.run()
            failed = [str(e.value) for e in [*at.exception, *at.error]]
        except Exception as err:  # the server starts all the same; its first page is simply not ready
            failed = [f"{type(err).__name__}: {err}"]
        if failed:
            print(f"the first page ({locale}) was not made ready before the server started: {failed[0]}",
                  file=sys.stderr)


if __name__ == "__main__" and sys.argv[1:2] == ["serve"]:
    # ./atlas app: start Streamlit on this script in this process, the app's modules, the base map and the
    # first page's answers for the library in use already made (timeline.views.serve.warm, warm_first_page),
    # so the first page does not wait for them.
    from streamlit.web import cli

    from timeline.views.serve import warm

    sys.argv = ["streamlit", "run", str(Path(__file__).resolve()), *sys.argv[2:]]
    warm()
    warm_first_page(sys.argv[2])
    sys.exit(cli.main())

SEEDS = Path(__file__).resolve().parent / "seeds"
WHOLE_PAGE = "whole_page"  # session state: this browser session's page is whole (complete_the_page)
REST_AFTER_S = 0.8  # a session's first page (the counts and the map) asks for the rest this long after it came
APP_STATIC = Path(__file__).resolve().parent / "static"  # what Streamlit's static file serving hands out
MAP_HEIGHT = 560
# On a phone the timeline (lanes, years and the "year not stated" band side by side) is wider than the
# screen: it scrolls within its own box rather than being cut off; the four counts stay two by two.
PAGE_CSS = """<style>
[data-testid="stVegaLiteChart"] { overflow-x: auto; overflow-y: hidden; }
@media (max-width: 640px) {
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) { flex-flow: row wrap !important; gap: .5rem; }
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) > [data-testid="stColumn"] {
    flex: 1 1 40% !important; min-width: 40% !important; width: auto !important; }
}
</style>"""
T = TypeVar("T")


def guarded(action: Callable[[], T], what: str, lang: str) -> T | None:
    """Run ``action``; show any error as one readable message, never a traceback."""
    try:
        return action()
    except MapAssetsMissingError as err:  # a setup step to do, not a failure
        st.warning(f"{what}: {message(err, lang)}")
    except (TimelineError, GeoError) as err:
        st.error(f"{what}: {message(err, lang)}".replace("\n", "  \n"))  # a list of refused rows: one a line
    except Exception as err:  # the app must never show a traceback
        st.error(ui("unexpected", lang, what=what, kind=type(err).__name__, err=err))
        print(traceback.format_exc(), file=sys.stderr)
    return None


@st.cache_resource
def extractor() -> Extractor:
    """The worker process extraction runs in: a heavy upload neither stalls other sessions nor keeps its memory."""
    return Extractor()


# -- the library: one file every session and the command line share (timeline.views.catalog) ------------


@st.cache_resource(show_spinner=False, max_entries=4)
def seeded_library(path: str, file_id: int) -> Library:
    """The library at ``path`` (the file ``file_id``: its inode), checked for its seeds once per server."""
    return open_library(SEEDS, path)


def library_at(path: str) -> Library:
    """The library the app works on; a new file gets the seeds (every time one is made, not cached)."""
    try:
        file_id = os.stat(path).st_ino
    except OSError:  # not there yet (or not readable: open_library says why)
        return open_library(SEEDS, path)
    return seeded_library(path, file_id)


@st.cache_data(show_spinner=False, max_entries=2)
def library_options(path: str, revision: tuple, _library: Library) -> tuple[list[dict], dict]:
    """What the filter widgets offer and the articles' sources, read again only when the library changed."""
    return queries.option_rows(_library), catalog_sources(_library)


@st.cache_data(show_spinner=False, max_entries=2)
def catalog(path: str, revision: tuple, _library: Library) -> list[dict]:
    """The library's documents with their counts, read again only when the library changed."""
    return catalog_rows(_library)


@st.cache_data(show_spinner=False, max_entries=2)
def corrected_docs(path: str, revision: tuple, _library: Library) -> list[str]:
    """The documents that have corrections (the audit's filter), read again only when the library changed."""
    return audit_documents(_library)


@st.cache_data(show_spinner=False, max_entries=64)
def summary(path: str, revision: tuple, key: str, page: int, strip: bool, _library: Library,
            _query: queries.ViewQuery) -> queries.ViewSummary:
    """The counts, the rows or events per year, and a page of the table of a view, asked of the library in
    one visit (timeline.views.queries.view_summary), cached on the query."""
    return queries.view_summary(_library, _query, page=page, strip=strip)


def save_added(library, files: list, paste: str | None, lang: str) -> None:
    """Save new uploads (once per file, with a progress bar) and the pasted text; a message for each.

    Reading and extraction run in the worker process (:func:`extractor`); two different files with the same
    name stay two articles (:func:`~timeline.views.uploads.upload_names`).
    """
    done = st.session_state.setdefault("uploads", {})  # file id -> (ok, message)
    for gone in set(done) - {f.file_id for f in files}:  # removed from the uploader (it stays in the library)
        del done[gone]
    names = dict(zip((f.file_id for f in files), upload_names([(f.name, f.getvalue()) for f in files])))
    new = [f for f in files if f.file_id not in done]
    if new:
        bar = st.progress(0.0, text=ui("reading_uploads", lang))
        for i, f in enumerate(new, 1):
            name = names[f.file_id]
            messages = guarded(lambda: extractor().run(save_uploads, library, [(name, f.getvalue())]),
                               ui("uploads", lang), lang)
            bar.progress(i / len(new), text=ui("read_file", lang, name=name, i=i, n=len(new)))
            if messages is not None:
                done[f.file_id] = messages[name]
        bar.empty()
    if paste is not None:
        notice = guarded(lambda: extractor().run(save_paste, library, paste), ui("adding_paste", lang), lang)
        if notice is not None:
            st.success(ui("pasted_saved", lang, message=message(notice, lang)))
    for f in files:
        if f.file_id in done:
            ok, said = done[f.file_id]
            (st.caption if ok else st.warning)(message(said, lang))


def library_panel(library, revision: tuple, lang: str) -> tuple:
    """The library's documents with their counts; edit one's publication date, title and url, or remove it.
    Returns the library's revision (a new one after an edit or a removal)."""
    path = str(library.path)
    docs = guarded(lambda: catalog(path, revision, library), ui("library", lang), lang) or []
    if not docs:
        st.caption(ui("library_empty", lang))
        return revision
    by_name = {d["doc"]: d for d in docs}
    name = st.selectbox(ui("document", lang), list(by_name), key="library_doc")
    info = by_name[name]
    if st.session_state.get("library_doc_loaded") != name:  # show the chosen document's own values
        st.session_state.update(edit_date=info["publication_date"], edit_title=info["title"], edit_url=info["url"],
                                library_doc_loaded=name)
    date = st.date_input(ui("publication_date", lang), key="edit_date", min_value=dt.date(1949, 1, 1),
                         max_value=dt.date(2100, 12, 31), help=ui("publication_date_help", lang))
    title = st.text_input(ui("doc_title", lang), key="edit_title", max_chars=500)
    url = st.text_input(ui("url", lang), key="edit_url", max_chars=2000)
    save_col, remove_col = st.columns(2)
    changed = False
    if save_col.button(ui("save", lang), key="edit_save"):
        notice = guarded(lambda: edit_publication(library, name, publication_date=date, title=title, url=url),
                         ui("library", lang), lang)
        if notice:
            st.session_state.pop("library_doc_loaded", None)
            st.success(message(notice, lang))
            changed = True
    if remove_col.button(ui("remove", lang), key="library_remove"):
        notice = guarded(lambda: remove_from_library(library, name), ui("library", lang), lang)
        if notice:
            st.session_state.pop("library_doc_loaded", None)
            st.success(message(notice, lang))
            changed = True
    if changed:
        revision = guarded(lambda: library_revision(library), ui("library", lang), lang) or revision
        docs = guarded(lambda: catalog(path, revision, library), ui("library", lang), lang) or []
    shown = ("doc", "rows", "undated", "publication_date", "source", "title")
    st.dataframe([{**d, "source": source_label(d["source"], lang)} for d in docs], hide_index=True,
                 key="library_table", column_order=shown,
                 column_config=dict(zip(shown, ui("library_columns", lang).split(","))))
    return revision


# -- corrections (issue 12): edit mode, an edited CSV's upload, the log with undo (timeline.views.corrections) --


def correction_preview(library, header: list, cells: list, name: str, source: str, note: str, author: str,
                       lang: str) -> None:
    """What ``cells`` would change, and a button that applies them (checked again, all or none)."""
    plan = guarded(lambda: plan_table(library, header, cells, name=name), ui("checking_corrections", lang), lang)
    if plan is None:
        return
    if plan.empty:
        st.caption(ui("no_changes", lang))
    else:
        st.caption(ui("corrections_preview", lang))
    if plan.changes or plan.imported or plan.unmatched:
        st.dataframe(preview_rows(plan, lang), hide_index=True, key=f"preview_{source}")
    if not plan.empty and st.button(ui("apply_corrections", lang), key=f"apply_{source}"):
        message = guarded(lambda: apply_table(library, header, cells, name=name, note=note, author=author,
                                                      lang=lang),
                          ui("corrections", lang), lang)
        if message:
            st.session_state["corrections_message"] = message
            st.session_state["editor_round"] = st.session_state.get("editor_round", 0) + 1  # a fresh editor
            st.rerun()


def corrections_panel(library, revision: tuple, rows: list[dict], lang: str) -> None:
    """Correct the events in view (edit mode) or from an edited CSV; the log of corrections, with undo."""
    if message := st.session_state.pop("corrections_message", None):
        st.success(message)
    with st.expander(ui("corrections", lang)):
        note_col, author_col = st.columns([3, 1])
        note = note_col.text_input(ui("correction_note", lang), key="correction_note", max_chars=500)
        author = author_col.text_input(ui("correction_author", lang), key="correction_author", max_chars=100)
        if st.toggle(ui("edit_mode", lang), key="edit_mode", help=ui("edit_help", lang)):
            before = editor_frame(rows, lang)
            labels = {c: column_label(c, lang) for c in EDITOR_COLUMNS}
            config = {c: labels[c] for c in EDITOR_COLUMNS}
            config["kind"] = st.column_config.SelectboxColumn(labels["kind"], options=KIND_OPTIONS,
                                                              format_func=lambda k: kind_label(k, lang))
            config["not_an_event"] = st.column_config.CheckboxColumn(ui("not_an_event", lang))
            for c in ("year", "month", "day", "people"):
                config[c] = st.column_config.NumberColumn(labels[c], step=1, format="%d")
            after = st.data_editor(before, hide_index=True, num_rows="fixed", column_config=config,
                                   disabled=("event_id", "doc", "summary", "corrected"),
                                   key=f"events_editor_{st.session_state.get('editor_round', 0)}")
            header, cells = editor_edits(before, after)
            if cells:
                correction_preview(library, header, cells, "table", "editor", note, author, lang)
        upload = st.file_uploader(ui("upload_corrections", lang), type=["csv"], key="corrections_upload",
                                  help=ui("upload_corrections_help", lang))
        if upload is not None:
            table = guarded(lambda: upload_table(upload.name, upload.getvalue()), ui("upload_corrections", lang), lang)
            if table is not None:
                correction_preview(library, *table, upload.name, "upload", note, author, lang)
    with st.expander(ui("audit", lang)):
        docs = guarded(lambda: corrected_docs(str(library.path), revision, library), ui("audit", lang), lang) or []
        if not docs:
            st.caption(ui("no_corrections", lang))
            return
        doc = st.selectbox(ui("audit_doc", lang), ["", *docs], key="audit_doc",
                           format_func=lambda d: d or ui("all_documents", lang))
        log = guarded(lambda: audit_rows(library, doc=doc, lang=lang), ui("audit", lang), lang) or []
        names = dict(zip(("id", "doc", "event_id", "field", "old", "new", "note", "author", "when", "state"),
                         ui("audit_columns", lang).split(",")))
        st.dataframe(log, hide_index=True, key="audit_table", column_order=list(names), column_config=names)
        active = {r["id"]: r for r in log if r["active"]}
        if active:
            pick = st.selectbox(ui("undo_pick", lang), list(active), key="undo_pick",
                                format_func=lambda i: f"{i[:8]} · {active[i]['event_id']} · {active[i]['field']}: "
                                                      f"{active[i]['old']} → {active[i]['new']}")
            if st.button(ui("undo", lang), key="undo_correction"):
                message = guarded(lambda: undo_correction(library, pick, lang), ui("audit", lang), lang)
                if message:
                    st.session_state["corrections_message"] = message
                    st.rerun()


@st.cache_resource(show_spinner=False)
def map_files(node_modules: str, serving: bool) -> str | None:
    """Where this server hands out the map's unchanging files (Leaflet, the player, the base map: written once
    into ``static/`` by :func:`geo.map.served.publish`, served by Streamlit's static file serving), so a map
    page carries only its data; ``None`` (the pages inline them) when static serving is off or they cannot
    be written."""
    if not serving:
        return None
    try:
        return f"app/static/{publish(APP_STATIC, Path(node_modules))}/"
    except GeoError as err:  # the npm packages missing, or static/ not writable: each page inlines them
        print(f"the map's files are inlined in each page: {err}", file=sys.stderr)
        return None


@st.cache_data(max_entries=32, show_spinner=False)
def map_page(key: str, lang: str, _rows: list | None, _sources: dict, _view: tuple | None = None,
             assets_url: str | None = None) -> str:
    """The map's page for the rows in view (cached on their key): its scripts loaded from ``assets_url``
    (:func:`map_files`), else inlined from the npm packages (it draws offline), else loaded from CDNs.
    ``_view`` (library, query, rows): the whole view, asked of the library (map_counts.view_map_data:
    counted in DuckDB when it is large)."""
    data = (build_map_data(_rows, sources=_sources, lang=lang) if _view is None else
            view_map_data(_view[0], _view[1], rows=_view[2], lang=lang, sources=_sources))
    try:
        if assets_url:
            return render_map(data, height=MAP_HEIGHT, keep_view=True, assets_url=assets_url)
        return render_map(data, standalone=True, height=MAP_HEIGHT, keep_view=True)
    except MapAssetsMissingError:
        return render_map(data, height=MAP_HEIGHT, keep_view=True)


@st.cache_data(max_entries=32, show_spinner=False)
def timeline_for(key: str, lang: str, _rows: list) -> dict:
    """The timeline chart's spec for the rows in view (cached on their key: not converted again on a rerun)."""
    return chart_spec(timeline_chart(timeline_chart_data(_rows, lang), colours=KIND_COLOURS, lang=lang))


@st.cache_data(max_entries=32, show_spinner=False)
def strip_for(key: str, lang: str, _years: tuple) -> dict:
    """A large view's timeline: events per year (cached on the view's key)."""
    return chart_spec(year_strip_chart(_years[0], _years[1], lang=lang))


@st.cache_data(max_entries=32, show_spinner=False)
def table_for(key: str, lang: str, _rows: list):
    """The events table for the rows in view (cached on their key)."""
    return table_frame(_rows, lang)


def sidebar_filters(rows: list[dict], lang: str) -> Filters:
    bounds = year_bounds(rows)
    years = None
    if bounds and bounds[0] < bounds[1]:
        years = st.slider(ui("years", lang), bounds[0], bounds[1], bounds, key="year_range")
        years = None if tuple(years) == tuple(bounds) else years  # the whole span is no range
    include_undated = st.checkbox(ui("keep_undated", lang), value=False, key="include_undated",
                                  help=ui("keep_undated_help", lang)) or None
    kinds = st.multiselect(ui("kinds", lang), kinds_in(rows), format_func=lambda k: kind_label(k, lang),
                           placeholder=ui("all_kinds", lang), key="kinds")
    programmes = st.multiselect(ui("programmes", lang), programmes_in(rows),
                                format_func=lambda p: programme_label(p, lang),
                                placeholder=ui("all_programmes", lang), key="programmes")
    provinces = {}
    for side in ("donor", "recipient"):
        names = guarded(lambda: province_options(rows, side=side), ui("listing_provinces", lang), lang) or {}
        provinces[side] = st.selectbox(ui(f"{side}_province", lang), ["", *names],
                                       format_func=lambda c, names=names: names.get(c, ui("any", lang)),
                                       key=f"{side}_province")
    search = st.text_input(ui("search", lang), max_chars=SEARCH_MAX_CHARS, key="search")
    return Filters(years=years, include_undated=include_undated, kinds=kinds, programmes=programmes,
                   donor_province=provinces["donor"], recipient_province=provinces["recipient"], search=search)


st.set_page_config(page_title="Pairing Atlas · 对口帮扶地图", layout="wide")
st.html(PAGE_CSS)  # style only: Streamlit adds it to the page without taking space
with st.sidebar:
    lang = st.radio(ui("language", "zh"), LANGUAGES, index=LANGUAGES.index(language_of(st.context.locale)),
                    format_func=LANGUAGE_NAMES.get, horizontal=True, key="lang")
st.title(ui("title", lang))
st.caption(ui("intro", lang))

library = guarded(lambda: library_at(str(library_path())), ui("seeds", lang), lang)
# A browser's first page in a session is the counts and the map; the rest of the page (the filters, uploads,
# the library, the timeline, the table, evidence, corrections, downloads) comes in the run the page asks for
# REST_AFTER_S later (complete_the_page), so the browser draws the map without first laying out the rest.
# Without a browser (AppTest, the server's warm-up) there is nobody to ask: the page is whole at once.
whole_page = st.session_state.get(WHOLE_PAGE, False) or st.context.url is None
with st.sidebar:
    filters_box, upload_box, library_box = st.container(), st.container(), st.container()
if whole_page:
    with upload_box:
        st.subheader(ui("add_articles", lang))
        uploads = st.file_uploader(ui("upload", lang), type=["txt", "html", "htm"], accept_multiple_files=True,
                                   max_upload_size=MAX_UPLOAD_MB, key="upload")
        pasted = st.text_area(ui("paste", lang), key="paste_text", height=120)
        submit = st.button(ui("paste_button", lang), key="paste_submit")
        if library is not None:
            save_added(library, uploads or [], pasted if submit else None, lang)
# What every cached answer is keyed on: read once a rerun (an upload above, an edit below make a new one).
revision = guarded(lambda: library_revision(library), ui("library", lang), lang) if library is not None else None
if revision is None:
    library, revision = None, ()
if library is not None and whole_page:
    with library_box, st.expander(ui("library", lang)):
        revision = library_panel(library, revision, lang)
# The view is asked of the library (DuckDB), never loaded whole: counts, a page of the table, the map's
# relations; every row only for a view of up to queries.DETAIL_ROWS rows (the timeline draws each).
path = str(library.path) if library is not None else ""
options, sources = (guarded(lambda: library_options(path, revision, library), ui("library", lang), lang)
                    if library is not None else None) or ([], {})
documents = StoredDocuments(library)
filters = Filters()  # a session's first page shows the whole library; its filters come with the rest
if whole_page:
    with filters_box:
        st.subheader(ui("filters", lang))
        filters = guarded(lambda: sidebar_filters(options, lang), ui("reading_filters", lang), lang) or Filters()


NOTHING = queries.ViewSummary({"events": 0, "dated": 0, "undated": 0, "rows": 0, "not_on_map": 0}, [], None, [])


def ask(query: queries.ViewQuery, page: int, *, strip: bool = True) -> queries.ViewSummary:
    """The view of ``query`` with page ``page`` of its table (the last page when there are fewer now)."""
    if library is None:
        return NOTHING
    answer = guarded(lambda: summary(path, revision, query.key(), page, strip, library, query), ui("library", lang),
                     lang)
    last = queries.pages(answer.counts, queries.PAGE_ROWS) if answer is not None else 1
    if page > last:  # fewer pages since the last rerun
        return ask(query, last, strip=strip)
    return NOTHING if answer is None else answer


def selections(chart_state, table_state, rows: list[dict]) -> tuple[frozenset, tuple | None, frozenset]:
    """What the timeline chart (events clicked, years brushed) and the table (rows picked among ``rows``) hold,
    from their states (``None`` before they are drawn)."""
    chart = chart_state["selection"] if chart_state else {}
    picked, brushed = guarded(lambda: chart_selection(chart), ui("timeline_selection", lang), lang) or (frozenset(), None)
    if picked and library is not None:  # a click on an event the filters have since removed
        picked = guarded(lambda: queries.present_ids(library, sidebar, picked), ui("library", lang), lang) or frozenset()
    table = table_selection(rows, table_state["selection"]["rows"]) if table_state else frozenset()
    return picked, brushed, table


def view_of(picked: frozenset, brushed: tuple | None) -> tuple[queries.ViewQuery, queries.ViewSummary]:
    """The query of the sidebar's filters narrowed by the chart's selection, and its answer."""
    narrowed = queries.ViewQuery.of(filters, Filters(years=brushed, event_ids=picked))
    return narrowed, (ask(narrowed, page_number, strip=False) if (brushed or picked) else whole_view)


def complete_the_page() -> None:
    """Have the browser ask for the rest of the page REST_AFTER_S after it has the first: a fragment that its
    timer reruns marks the session's page whole and reruns the app (its call in this run does nothing)."""
    st.session_state["rest_asked"] = True

    @st.fragment(run_every=REST_AFTER_S)
    def rest_of_the_page() -> None:
        if st.session_state.pop("rest_asked", False):  # this run's own call; the timer's comes next
            return
        st.session_state[WHOLE_PAGE] = True
        st.rerun()

    rest_of_the_page()


def draw_counts(counts: dict) -> None:
    with counts_slot.container():
        for column, (label, value, note) in zip(st.columns(4), (
                (ui("events", lang), counts["events"], ui("events_help", lang, rows=counts["rows"])),
                (ui("dated", lang), counts["dated"], ui("dated_help", lang)),
                (ui("undated", lang), counts["undated"], ui("undated_help", lang)),
                (ui("not_on_map", lang), counts["not_on_map"], ui("not_on_map_help", lang)))):
            column.metric(label, value, help=note)


def rows_on_map(shown: list[dict], rows_picked: frozenset) -> list[dict]:
    """The table's rows picked on its page, else the page itself (``is`` it: the map draws the whole view)."""
    return filter_rows(shown, Filters(event_ids=rows_picked)) if rows_picked else shown


def draw_map(query: queries.ViewQuery, answer: queries.ViewSummary, rows_picked: frozenset) -> None:
    """The map of the view (or of the table's rows picked on its page), with a caption when rows are picked."""
    shown = answer.page
    on_map = rows_on_map(shown, rows_picked)
    whole = on_map is shown  # nothing picked in the table: the map draws the whole view, not the page
    node_modules = str(node_modules_dir())
    key = view_key((), query.key() if whole else view_key(on_map, lang), str(revision),
                   node_modules)  # the page also shows the sources and inlines node_modules
    # a detailed view's map is drawn from its rows (asked already), a large one's counted in the library
    rows_drawn = on_map if not whole else answer.rows
    counted = (library, query, answer.counts["rows"]) if rows_drawn is None and library is not None else None
    serving = st.get_option("server.enableStaticServing")
    page = guarded(lambda: map_page(key, lang, rows_drawn, sources, counted,
                                    assets_url=map_files(node_modules, serving)), ui("drawing_map", lang), lang)
    with map_slot.container():
        if page:
            st.iframe(page, height=MAP_HEIGHT + 10)
        if not whole:
            st.caption(ui("selected_on_map", lang, n=len(on_map), total=answer.counts["rows"]))


sidebar = queries.ViewQuery.of(filters)
page_number = int(st.session_state.get("table_page", 1))
whole_view = ask(sidebar, page_number)  # the table's order: by date, "year not stated" last
view_counts_now = whole_view.counts
detailed = whole_view.detailed
view = whole_view.rows  # every row of a detailed view, else None
view_key_now = view_key((), sidebar.key(), str(revision), lang)  # what the map, chart and table are cached on
counts_slot = st.empty()
map_col, side_col = st.columns([5, 4], gap="medium")  # side by side on a wide screen, stacked on a phone
map_slot = map_col.empty()
# The counts and the map first, from the chart's and the table's selections as the browser last sent them:
# the browser draws the map while the rest of the page comes. Should the chart or the table turn out to hold
# other selections (a new view resets them), both are drawn again below.
first_picked, first_brushed, _ = selections(st.session_state.get("timeline"), None, [])
query, in_view = view_of(first_picked, first_brushed)
first_rows = selections(None, st.session_state.get("events_table"), in_view.page)[2]
draw_counts(in_view.counts)
draw_map(query, in_view, first_rows)
if not whole_page:
    complete_the_page()
    st.stop()
timeline_event = None
with side_col:
    st.subheader(ui("timeline", lang))
    if view_counts_now["rows"]:
        chart = guarded(lambda: timeline_for(view_key_now, lang, view) if detailed else
                        strip_for(view_key_now, lang, whole_view.years or ([], 0)),
                        ui("drawing_timeline", lang), lang)
        if chart is not None:
            st.caption(ui("timeline_help", lang))
            timeline_event = st.vega_lite_chart(chart, on_select="rerun", key="timeline", width="stretch")
    else:
        st.info(ui("no_match", lang))
picked, brushed, _ = selections(timeline_event, None, [])
if (picked, brushed) != (first_picked, first_brushed):
    query, in_view = view_of(picked, brushed)
shown_counts = in_view.counts
page_count = queries.pages(shown_counts, queries.PAGE_ROWS)
if page_number > page_count:  # fewer pages since the last rerun
    st.session_state["table_page"] = page_count
shown = in_view.page  # the table shows one page of the view
pager_box = st.container()
shown_key = view_key(shown, lang)
counts = shown_counts
st.subheader(ui("table", lang, events=counts["events"], rows=counts["rows"]))
table = st.dataframe(
    table_for(shown_key, lang, shown), hide_index=True, on_select="rerun", selection_mode="multi-row", key="events_table",
    column_order=TABLE_SHOWN, row_height=56,
    column_config={c: st.column_config.TextColumn(column_label(c, lang),
                                                  width="large" if c in ("summary", "evidence") else None)
                   for c in TABLE_SHOWN})
rows_picked = selections(None, table, shown)[2]
if (picked, brushed) != (first_picked, first_brushed):
    draw_counts(counts)
if (picked, brushed, rows_picked) != (first_picked, first_brushed, first_rows):
    draw_map(query, in_view, rows_picked)
on_map = rows_on_map(shown, rows_picked)
with side_col:
    st.subheader(ui("evidence", lang))
    focus = next((r for r in on_map if r["event_id"] in (rows_picked or picked)), None)
    if focus is None:
        st.caption(ui("evidence_help", lang))
    else:
        document = documents.get(focus["doc"]) if library is not None else None
        if document is None:
            st.caption(ui("no_article", lang))
        else:
            st.html(source_html(row_summary(focus, lang), document, lang))
            passage = guarded(lambda: evidence_html(document.text, focus["char_start"], focus["char_end"],
                                                    context=300), ui("showing_evidence", lang), lang)
            if passage:  # the offsets fit the article: the whole of it can be marked too
                st.html(passage)
                with st.expander(ui("whole_article", lang)):
                    st.html(evidence_html(document.text, focus["char_start"], focus["char_end"]))

with pager_box:
    if page_count > 1:
        st.number_input(ui("table_page", lang, pages=page_count), min_value=1, max_value=page_count, step=1,
                        key="table_page")


def everything() -> list[dict]:
    """Every row in view, for a download (asked when its button is clicked)."""
    return queries.all_rows(library, query) if library is not None else []


if library is not None:
    corrections_panel(library, revision, shown, lang)

st.subheader(ui("downloads", lang))
today = dt.date.today()  # the export date printed on the presentation page
csv_col, machine_col, html_col, geojson_col = st.columns(4)
csv_col.download_button(ui("csv", lang), lambda: csv_for(everything(), DOWNLOAD_COLUMNS, lang),
                        file_name="pairing-atlas-events.csv", mime="text/csv", key="download_csv", on_click="ignore")
machine_col.download_button(ui("csv_machine", lang), lambda: csv_for(everything(), DOWNLOAD_COLUMNS, None),
                            file_name="pairing-atlas-events-columns.csv", mime="text/csv", key="download_csv_machine",
                            on_click="ignore")
with html_col:  # the presentation map inlines the npm packages: say how to install them if they are missing
    if guarded(check_installed, ui("preparing_html", lang), lang) is not None:
        st.download_button(
            ui("html", lang),
            lambda: presentation_page(everything(), filters, sources, lang=lang, exported=today, brushed=brushed),
            file_name="pairing-atlas-map.html", mime="text/html", key="download_html", on_click="ignore")
geojson_col.download_button(
    ui("geojson", lang),
    lambda: json.dumps(to_geojson(build_map_data(everything(), sources=sources, lang=lang)), ensure_ascii=False),
    file_name="pairing-atlas-relations.geojson", mime="application/geo+json", key="download_geojson",
    on_click="ignore")
