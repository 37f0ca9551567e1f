"""Pairing Atlas — the web app (thin: widgets → settings → one core call per feature → render).

Opens on the events of ``seeds/``; the sidebar filters them, uploads add more.
Everything it computes comes from :mod:`timeline.views.filters`, :mod:`timeline.views.chart`,
:mod:`timeline.views.uploads`, :mod:`timeline.views.evidence` and :mod:`geo.map.data`/:mod:`geo.map.render`.
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import streamlit as st

from geo import GeoError
from geo.errors import MapAssetsMissingError
from geo.map.data import KIND_COLOURS, build_map_data, to_geojson
from geo.map.render import render_map
from timeline import TimelineError, extract_paths
from timeline.views.chart import timeline_chart
from timeline.events.export import EVENT_COLUMNS, csv_text
from timeline.views.uploads import (
    MAX_UPLOAD_BYTES, Library, combine, extract_paste, extract_uploads, libraries_by_file, library_of, upload_messages,
)
from timeline.views.evidence import evidence_html, source_html, source_index
from timeline.views.filters import (
    KIND_LABELS, PROGRAMME_LABELS, SEARCH_MAX_CHARS, Filters, chart_selection, filter_rows, kinds_in,
    programmes_in, province_options, table_frame, table_selection, timeline_chart_data, view_counts, year_bounds,
)

SEEDS = Path(__file__).resolve().parent / "seeds"
MAP_HEIGHT = 560
T = TypeVar("T")


def guarded(action: Callable[[], T], what: str) -> T | None:
    """Run ``action``; show any error as one readable message, never a traceback."""
    try:
        return action()
    except MapAssetsMissingError as err:  # a setup step to do, not a failure
        st.warning(f"{what}: {err}")
    except (TimelineError, GeoError) as err:
        st.error(f"{what}: {err}")
    except Exception as err:  # the app must never show a traceback
        st.error(f"{what} failed unexpectedly ({type(err).__name__}: {err}). Please report this.")
        print(traceback.format_exc(), file=sys.stderr)
    return None


@st.cache_data(show_spinner="Reading the seed articles…")
def seed_library() -> tuple[Library, list[str]]:
    extraction = extract_paths([SEEDS])
    return library_of(extraction), [str(e) for e in extraction.errors]


def added_articles(files: list, paste: str | None) -> Library:
    """What this session added: pasted texts, and the uploads still in the uploader.

    Each upload is extracted once, with a progress bar; a bad one gets a warning naming it.
    """
    done = st.session_state.setdefault("uploads", {})  # file id -> (ok, message, library)
    new = [f for f in files if f.file_id not in done]
    if new:
        bar = st.progress(0.0, text="Reading the uploaded articles…")
        extraction = guarded(lambda: extract_uploads(
            [(f.name, f.getvalue()) for f in new],
            progress=lambda i, n, name: bar.progress(i / n, text=f"Read {name} ({i} of {n})")), "Reading the uploads")
        bar.empty()
        if extraction is not None:
            messages, libraries = upload_messages([f.name for f in new], extraction), libraries_by_file(extraction)
            done.update({f.file_id: (*messages[f.name], libraries.get(f.name, ({}, []))) for f in new})
    if paste is not None:
        extraction = guarded(lambda: extract_paste(paste), "Adding the pasted text")
        if extraction is not None:
            st.session_state["pasted"] = combine(st.session_state.get("pasted", ({}, [])), library_of(extraction))
            st.success(f"Added the pasted text: {len(extraction.events)} events.")
    added = st.session_state.get("pasted", ({}, []))
    for f in files:
        if f.file_id in done:
            ok, message, library = done[f.file_id]
            (st.caption if ok else st.warning)(message)
            added = combine(added, library)
    return added


def map_page(data: dict) -> str:
    """The map's page, its scripts inlined from the npm packages (draws offline), else loaded from CDNs."""
    try:
        return render_map(data, standalone=True, height=MAP_HEIGHT, keep_view=True)
    except MapAssetsMissingError:
        return render_map(data, height=MAP_HEIGHT, keep_view=True)


def sidebar_filters(rows: list[dict]) -> Filters:
    bounds = year_bounds(rows)
    years = None
    if bounds and bounds[0] < bounds[1]:
        years = st.slider("Years", bounds[0], bounds[1], bounds, key="year_range")
    include_undated = st.checkbox("Include year not stated", value=True, key="include_undated")
    kinds = st.multiselect("Kinds", kinds_in(rows), format_func=lambda k: KIND_LABELS.get(k, k),
                           placeholder="All kinds", key="kinds")
    programmes = st.multiselect("Programmes", programmes_in(rows), format_func=lambda p: PROGRAMME_LABELS.get(p, p),
                                placeholder="All programmes", key="programmes")
    provinces = {}
    for side in ("donor", "recipient"):
        names = guarded(lambda: province_options(rows, side=side), "Listing the provinces") or {}
        provinces[side] = st.selectbox(f"{side.title()} province", ["", *names],
                                       format_func=lambda c, names=names: names.get(c, "Any"),
                                       key=f"{side}_province")
    search = st.text_input("Search donor, recipient, evidence", max_chars=SEARCH_MAX_CHARS, key="search")
    return Filters(years=years, include_undated=include_undated, kinds=kinds, programmes=programmes,
                   donor_province=provinces["donor"], recipient_province=provinces["recipient"], search=search)


st.set_page_config(page_title="Pairing Atlas", layout="wide")
st.title("Pairing Atlas")
st.caption("Donor → recipient pairing assistance read from news articles. "
           "Events whose text states no year stay undated: they are shown apart, never at a guessed year.")

seed, seed_errors = guarded(seed_library, "Reading the seed articles") or (({}, []), [])
for message in seed_errors:
    st.warning(message)
with st.sidebar:
    filters_box, upload_box = st.container(), st.container()
with upload_box:
    st.subheader("Add articles")
    uploads = st.file_uploader("Upload .txt or .html files", type=["txt", "html", "htm"], accept_multiple_files=True,
                               max_upload_size=MAX_UPLOAD_BYTES // 2**20, key="upload")
    pasted = st.text_area("…or paste an article's text", key="paste_text", height=120)
    submit = st.button("Add the pasted text", key="paste_submit")
    added = added_articles(uploads or [], pasted if submit else None)
documents, rows = combine(seed, added)
with filters_box:
    filters = guarded(lambda: sidebar_filters(rows), "Reading the filters") or Filters()
view = filter_rows(rows, filters)

counts_box, map_box = st.container(), st.container()
timeline_event = None
if view:
    records = timeline_chart_data(view)
    chart = guarded(lambda: timeline_chart(records, colours=KIND_COLOURS), "Drawing the timeline")
    if chart is not None:
        st.caption("Click an event to read its evidence and show it alone on the map; drag along the years to "
                   "pick a range; double-click to clear.")
        timeline_event = st.altair_chart(chart, on_select="rerun", key="timeline", width="stretch")
else:
    st.info("No events match these filters. Loosen them in the sidebar.")
picked, brushed = guarded(lambda: chart_selection(timeline_event["selection"] if timeline_event else {}),
                          "Reading the timeline selection") or (frozenset(), None)
picked &= {str(r["event_id"]) for r in view}  # a click on an event the filters have since removed
shown = filter_rows(view, Filters(years=brushed, event_ids=picked))

table_col, evidence_col = st.columns([3, 2])
with table_col:
    st.subheader(f"Events ({len(shown)})")
    table = st.dataframe(table_frame(shown), hide_index=True, on_select="rerun", selection_mode="multi-row",
                         key="events_table")
rows_picked = table_selection(shown, table["selection"]["rows"])
on_map = filter_rows(shown, Filters(event_ids=rows_picked)) if rows_picked else shown
with evidence_col:
    st.subheader("Evidence")
    focus = next((r for r in on_map if r["event_id"] in (rows_picked or picked)), None)
    if focus is None:
        st.caption("Click an event on the timeline or a row of the table to read its evidence here.")
    else:
        document = documents.get(focus["doc"])
        if document is None:
            st.caption("Its article is no longer loaded.")
        else:
            st.html(source_html(str(focus["summary"]), document))
            passage = guarded(lambda: evidence_html(document.text, focus["char_start"], focus["char_end"],
                                                    context=300), "Showing the evidence")
            if passage:  # the offsets fit the article: the whole of it can be marked too
                st.html(passage)
                with st.expander("The whole article"):
                    st.html(evidence_html(document.text, focus["char_start"], focus["char_end"]))

counts = view_counts(shown)
with counts_box:
    for column, (label, value, note) in zip(st.columns(4), (
            ("Events", counts["events"], f"Events read from the articles; {counts['rows']} rows in the table and "
                                         "the CSV (one per event, donor and recipient)."),
            ("Dated", counts["dated"], "Events whose text states the year, on the map or not."),
            ("Year not stated", counts["undated"], "Events whose text states no year: kept apart, never given one."),
            ("Not on the map", counts["not_on_map"], "Rows with a party that has no coordinates (an organisation, "
                                                     "a village, a group of counties): in the table and the CSV only."))):
        column.metric(label, value, help=note)
sources = source_index(documents)
export_data = guarded(lambda: build_map_data(shown, sources=sources), "Building the map")
with map_box:
    map_data = export_data if on_map is shown else guarded(lambda: build_map_data(on_map, sources=sources),
                                                           "Building the map")
    page = guarded(lambda: map_page(map_data), "Drawing the map") if map_data is not None else None
    if page:
        st.iframe(page, height=MAP_HEIGHT + 10)
    if on_map is not shown:
        st.caption(f"The map shows the {len(on_map)} selected rows of {len(shown)}; clear the selection to see all.")

st.subheader("Download what is shown")
csv_col, html_col, geojson_col = st.columns(3)
csv_col.download_button("Events (CSV)", csv_text(shown, EVENT_COLUMNS), file_name="pairing-atlas-events.csv",
                        mime="text/csv", key="download_csv")
if export_data is not None:
    with html_col:
        standalone = guarded(lambda: render_map(export_data, standalone=True), "Preparing the standalone map")
        if standalone:
            st.download_button("Map for presentations (HTML)", standalone, file_name="pairing-atlas-map.html",
                               mime="text/html", key="download_html")
    geojson_col.download_button("Arcs (GeoJSON)", json.dumps(to_geojson(export_data), ensure_ascii=False),
                                file_name="pairing-atlas-arcs.geojson", mime="application/geo+json",
                                key="download_geojson")
