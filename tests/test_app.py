"""The Streamlit app, driven through AppTest by widget keys."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from gold import ROOT

APP = str(ROOT / "streamlit_app.py")


def test_app_opens_on_the_seed_dates_with_undated_years_counted():
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and not at.error
    counts = {m.label: m.value for m in at.metric}
    assert int(counts["Time expressions"]) > 50
    assert int(counts["Year not stated"]) > 10


def test_choosing_one_article_filters_the_table():
    at = AppTest.from_file(APP, default_timeout=60).run()
    first = at.multiselect(key="docs").options[0]
    at.multiselect(key="docs").set_value([first]).run()
    table = at.dataframe[0].value
    assert set(table["doc"]) == {first}
