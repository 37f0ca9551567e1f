"""What the app's server loads before its first page: ``python streamlit_app.py serve [streamlit options]``
(``./atlas app``) calls :func:`warm`, then starts Streamlit on the app in the same process.

Streamlit runs ``streamlit_app.py`` when the first browser session connects, so that session would also pay for
importing pandas, DuckDB, folium and the app's own modules and for making the base map into the page's JSON
(about a second and a half). Loaded first, they are there for every session.
"""

from __future__ import annotations

import importlib

__all__ = ["warm", "PRELOADED"]

# What streamlit_app.py imports that costs time to load (tests/app/test_app_serve.py keeps the list honest).
PRELOADED = (
    "pandas", "duckdb", "folium", "geo.map.render", "geo.map.data", "timeline.library", "timeline.views.catalog",
    "timeline.views.chart", "timeline.views.corrections", "timeline.views.filters", "timeline.views.uploads",
    "timeline.views.labels",
)


def warm() -> None:
    """Load what every first page reads: the modules, the gazetteer, the base map made into the page's JSON."""
    for name in PRELOADED:
        importlib.import_module(name)
    from geo.gazetteer import load_gazetteer
    from geo.map.data import build_map_data
    from geo.map.render import render_map

    load_gazetteer()
    render_map(build_map_data([]))
