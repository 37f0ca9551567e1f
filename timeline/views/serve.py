"""What the app's server loads before its first page: ``python streamlit_app.py serve [streamlit options]``
(``./atlas app``) calls :func:`warm`, then starts Streamlit on the app in the same process.

Streamlit runs ``streamlit_app.py`` when the first browser session connects, so that session would also pay for
importing pandas, DuckDB, folium and the app's own modules and for making the base map into the page's JSON
(about a second and a half). Loaded first, they are there for every session; :func:`warm_first_page` also
makes the first page's cached answers for the library in use.
"""

from __future__ import annotations

import importlib
import sys

__all__ = ["warm", "warm_first_page", "PRELOADED"]

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
