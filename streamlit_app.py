"""Pairing Atlas — the web app (thin: widgets → settings → one core call per feature → render).

Opens on the events of ``seeds/``; the sidebar filters them, uploads add more. In 中文 or English
(the browser's language first). Everything it computes comes from :mod:`timeline.views` and
:mod:`geo.map`; the map, the chart and the exports are cached on what is in view
(:func:`timeline.views.exports.view_key`), and the download files are built only when clicked.
"""

from __future__ import annotations

import datetime as dt
import json
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
from timeline import TimelineError, extract_paths
from timeline.events.export import EVENT_COLUMNS
from timeline.views.chart import chart_spec, timeline_chart
from timeline.views.evidence import evidence_html, source_html, source_index
from timeline.views.exports import csv_for, view_key
from timeline.views.filters import (
    SEARCH_MAX_CHARS, TABLE_SHOWN, Filters, chart_selection, filter_rows, in_date_order, kinds_in, programmes_in, province_options,
    table_frame, table_selection, timeline_chart_data, view_counts, year_bounds,
)
from timeline.views.labels import (
    LANGUAGE_NAMES, LANGUAGES, column_label, kind_label, language_of, programme_label, ui,
)
from timeline.views.presentation import presentation_page
from timeline.views.uploads import (
    MAX_UPLOAD_BYTES, Library, combine, extract_paste, extract_uploads, libraries_by_file, library_of, upload_messages,
)

SEEDS = Path(__file__).resolve().parent / "seeds"
MAP_HEIGHT = 560
T = TypeVar("T")


def guarded(action: Callable[[], T], what: str, lang: str) -> T | None:
    """Run ``action``; show any error as one readable message, never a traceback."""
    try:
        return action()
    except MapAssetsMissingError as err:  # a setup step to do, not a failure
        st.warning(f"{what}: {err}")
    except (TimelineError, GeoError) as err:
        st.error(f"{what}: {err}")
    except Exception as err:  # the app must never show a traceback
        st.error(ui("unexpected", lang, what=what, kind=type(err).__name__, err=err))
        print(traceback.format_exc(), file=sys.stderr)
    return None


@st.cache_resource(show_spinner=False)
def seed_library() -> tuple[Library, list[str]]:
    """The seed articles, read once per server (shared, never modified)."""
    extraction = extract_paths([SEEDS])
    return library_of(extraction), [str(e) for e in extraction.errors]


def added_articles(files: list, paste: str | None, lang: str) -> Library:
    """What this session added: pasted texts, and the uploads still in the uploader.

    Each upload is extracted once, with a progress bar; a bad one gets a warning naming it.
    """
    done = st.session_state.setdefault("uploads", {})  # file id -> (ok, message, library)
    new = [f for f in files if f.file_id not in done]
    if new:
        bar = st.progress(0.0, text=ui("reading_uploads", lang))
        extraction = guarded(lambda: extract_uploads(
            [(f.name, f.getvalue()) for f in new],
            progress=lambda i, n, name: bar.progress(i / n, text=ui("read_file", lang, name=name, i=i, n=n))),
            ui("uploads", lang), lang)
        bar.empty()
        if extraction is not None:
            messages = upload_messages([f.name for f in new], extraction, lang)
            libraries = libraries_by_file(extraction)
            done.update({f.file_id: (*messages[f.name], libraries.get(f.name, ({}, []))) for f in new})
    if paste is not None:
        extraction = guarded(lambda: extract_paste(paste), ui("adding_paste", lang), lang)
        if extraction is not None:
            st.session_state["pasted"] = combine(st.session_state.get("pasted", ({}, [])), library_of(extraction))
            st.success(ui("pasted", lang, n=len(extraction.events)))
    added = st.session_state.get("pasted", ({}, []))
    for f in files:
        if f.file_id in done:
            ok, message, library = done[f.file_id]
            (st.caption if ok else st.warning)(message)
            added = combine(added, library)
    return added


@st.cache_data(max_entries=32, show_spinner=False)
def map_page(key: str, lang: str, _rows: list, _sources: dict) -> str:
    """The map's page for the rows in view (cached on their key), its scripts inlined from the npm
    packages (it draws offline), else loaded from CDNs."""
    data = build_map_data(_rows, sources=_sources, lang=lang)
    try:
        return render_map(data, standalone=True, height=MAP_HEIGHT, keep_view=True)
    except MapAssetsMissingError:
        return render_map(data, height=MAP_HEIGHT, keep_view=True)


@st.cache_data(max_entries=32, show_spinner=False)
def timeline_for(key: str, lang: str, _rows: list) -> dict:
    """The timeline chart's spec for the rows in view (cached on their key: not converted again on a rerun)."""
    return chart_spec(timeline_chart(timeline_chart_data(_rows, lang), colours=KIND_COLOURS, lang=lang))


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
with st.sidebar:
    lang = st.radio(ui("language", "zh"), LANGUAGES, index=LANGUAGES.index(language_of(st.context.locale)),
                    format_func=LANGUAGE_NAMES.get, horizontal=True, key="lang")
st.title(ui("title", lang))
st.caption(ui("intro", lang))

seed, seed_errors = guarded(seed_library, ui("seeds", lang), lang) or (({}, []), [])
for message in seed_errors:
    st.warning(message)
with st.sidebar:
    filters_box, upload_box = st.container(), st.container()
with upload_box:
    st.subheader(ui("add_articles", lang))
    uploads = st.file_uploader(ui("upload", lang), type=["txt", "html", "htm"], accept_multiple_files=True,
                               max_upload_size=MAX_UPLOAD_BYTES // 2**20, key="upload")
    pasted = st.text_area(ui("paste", lang), key="paste_text", height=120)
    submit = st.button(ui("paste_button", lang), key="paste_submit")
    added = added_articles(uploads or [], pasted if submit else None, lang)
documents, rows = combine(seed, added)
with filters_box:
    st.subheader(ui("filters", lang))
    filters = guarded(lambda: sidebar_filters(rows, lang), ui("reading_filters", lang), lang) or Filters()
view = in_date_order(filter_rows(rows, filters))  # the table's order: by date, "year not stated" last
sources = source_index(documents)

view_key_now = view_key(view, lang)  # what the map, chart and table are cached on
counts_box = st.container()
map_col, side_col = st.columns([5, 4], gap="medium")  # side by side on a wide screen, stacked on a phone
map_box = map_col.container()
timeline_event = None
with side_col:
    st.subheader(ui("timeline", lang))
    if view:
        chart = guarded(lambda: timeline_for(view_key_now, lang, view), ui("drawing_timeline", lang), lang)
        if chart is not None:
            st.caption(ui("timeline_help", lang))
            timeline_event = st.vega_lite_chart(chart, on_select="rerun", key="timeline", width="stretch")
    else:
        st.info(ui("no_match", lang))
picked, brushed = guarded(lambda: chart_selection(timeline_event["selection"] if timeline_event else {}),
                          ui("timeline_selection", lang), lang) or (frozenset(), None)
picked &= {str(r["event_id"]) for r in view}  # a click on an event the filters have since removed
shown = filter_rows(view, Filters(years=brushed, event_ids=picked))

shown_key = view_key(shown, lang) if shown is not view else view_key_now
counts = view_counts(shown)
st.subheader(ui("table", lang, events=counts["events"], rows=counts["rows"]))
table = st.dataframe(
    table_for(shown_key, lang, shown), hide_index=True, on_select="rerun", selection_mode="multi-row", key="events_table",
    column_order=TABLE_SHOWN, row_height=56,
    column_config={c: st.column_config.TextColumn(column_label(c, lang),
                                                  width="large" if c in ("summary", "evidence") else None)
                   for c in TABLE_SHOWN})
rows_picked = table_selection(shown, table["selection"]["rows"])
on_map = filter_rows(shown, Filters(event_ids=rows_picked)) if rows_picked else shown
with side_col:
    st.subheader(ui("evidence", lang))
    focus = next((r for r in on_map if r["event_id"] in (rows_picked or picked)), None)
    if focus is None:
        st.caption(ui("evidence_help", lang))
    else:
        document = documents.get(focus["doc"])
        if document is None:
            st.caption(ui("no_article", lang))
        else:
            st.html(source_html(str(focus["summary"]), document, lang))
            passage = guarded(lambda: evidence_html(document.text, focus["char_start"], focus["char_end"],
                                                    context=300), ui("showing_evidence", lang), lang)
            if passage:  # the offsets fit the article: the whole of it can be marked too
                st.html(passage)
                with st.expander(ui("whole_article", lang)):
                    st.html(evidence_html(document.text, focus["char_start"], focus["char_end"]))

with counts_box:
    for column, (label, value, note) in zip(st.columns(4), (
            (ui("events", lang), counts["events"], ui("events_help", lang, rows=counts["rows"])),
            (ui("dated", lang), counts["dated"], ui("dated_help", lang)),
            (ui("undated", lang), counts["undated"], ui("undated_help", lang)),
            (ui("not_on_map", lang), counts["not_on_map"], ui("not_on_map_help", lang)))):
        column.metric(label, value, help=note)
with map_box:
    key = view_key((), shown_key if on_map is shown else view_key(on_map, lang), len(documents),
                   str(node_modules_dir()))  # the page also shows the sources and inlines node_modules
    page = guarded(lambda: map_page(key, lang, on_map, sources), ui("drawing_map", lang), lang)
    if page:
        st.iframe(page, height=MAP_HEIGHT + 10)
    if on_map is not shown:
        st.caption(ui("selected_on_map", lang, n=len(on_map), total=len(shown)))

st.subheader(ui("downloads", lang))
today = dt.date.today()  # the export date printed on the presentation page
csv_col, machine_col, html_col, geojson_col = st.columns(4)
csv_col.download_button(ui("csv", lang), lambda: csv_for(shown, EVENT_COLUMNS, lang),
                        file_name="pairing-atlas-events.csv", mime="text/csv", key="download_csv", on_click="ignore")
machine_col.download_button(ui("csv_machine", lang), lambda: csv_for(shown, EVENT_COLUMNS, None),
                            file_name="pairing-atlas-events-columns.csv", mime="text/csv", key="download_csv_machine",
                            on_click="ignore")
with html_col:  # the presentation map inlines the npm packages: say how to install them if they are missing
    if guarded(check_installed, ui("preparing_html", lang), lang) is not None:
        st.download_button(
            ui("html", lang),
            lambda: presentation_page(shown, filters, sources, lang=lang, exported=today, brushed=brushed),
            file_name="pairing-atlas-map.html", mime="text/html", key="download_html", on_click="ignore")
geojson_col.download_button(
    ui("geojson", lang),
    lambda: json.dumps(to_geojson(build_map_data(shown, sources=sources, lang=lang)), ensure_ascii=False),
    file_name="pairing-atlas-relations.geojson", mime="application/geo+json", key="download_geojson",
    on_click="ignore")
