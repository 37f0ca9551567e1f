"""Pairing Atlas — the web app (thin: widgets, one core call per feature, render).

Today it shows every time expression the date grammar finds in the articles
of ``seeds/``, with "year not stated" kept visible. The map and the event
timeline build on this (see docs/DESIGN.md).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from timeline import TimelineError, find_dates_in_document, load_paths
from timeline.export import DATE_COLUMNS, csv_text, dates_to_rows

SEEDS = Path(__file__).resolve().parent / "seeds"
T = TypeVar("T")


def guarded(action: Callable[[], T], what: str) -> T | None:
    """Run ``action``; turn any error into one readable message instead of a traceback."""
    try:
        return action()
    except TimelineError as err:
        st.error(f"{what}: {err}")
    except Exception as err:  # the app must never show a traceback
        st.error(f"{what} failed unexpectedly ({type(err).__name__}: {err}). Please report this.")
        print(traceback.format_exc())
    return None


@st.cache_data(show_spinner="Reading the articles…")
def seed_dates() -> tuple[list[dict], list[str]]:
    loaded = load_paths([SEEDS])
    rows = [row for doc in loaded.documents for row in dates_to_rows(find_dates_in_document(doc))]
    return rows, [str(e) for e in loaded.errors]


def as_table(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(DATE_COLUMNS))
    for column in ("year", "month", "day", "end_year", "end_month", "end_day"):
        frame[column] = frame[column].astype("Int64")  # empty stays empty, not 2016.0
    return frame


st.set_page_config(page_title="Pairing Atlas", layout="wide")
st.title("Pairing Atlas")
st.caption("Time expressions in the seed articles. Where the text omits the year, the year stays empty.")

result = guarded(seed_dates, "Reading the seed articles")
if result is not None:
    rows, errors = result
    for message in errors:
        st.warning(message)
    docs = sorted({row["doc"] for row in rows})
    chosen = st.multiselect("Articles", docs, default=docs, key="docs")
    shown = [row for row in rows if row["doc"] in chosen]
    left, right = st.columns(2)
    left.metric("Time expressions", len(shown))
    right.metric("Year not stated", sum(row["year"] is None for row in shown))
    st.dataframe(as_table(shown), width="stretch", hide_index=True)
    st.download_button(
        "Download CSV", csv_text(shown, DATE_COLUMNS), file_name="dates.csv",
        mime="text/csv", key="download_dates",
    )
