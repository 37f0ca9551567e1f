"""Stage 4, views: what the app shows, as pure functions over event rows (no Streamlit here).

Filters and table (:mod:`~timeline.views.filters`), the timeline chart (:mod:`~timeline.views.chart`),
the evidence panel (:mod:`~timeline.views.evidence`) and uploads (:mod:`~timeline.views.uploads`).
"""
