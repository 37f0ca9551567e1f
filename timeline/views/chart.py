"""The timeline as a Vega-Lite chart: a lane per pair, a band for "year not stated".

The chart only draws :func:`timeline.views.filters.timeline_chart_data` records. Dated
records sit on an honest year axis (every year from the first to the last,
the empty ones too); each shows the span its text states (a year, a month, a
day) as a faint bar and a dot at its middle. Records whose year is not stated
sit in their own band to the right, by lane, never at a made-up year.

The specs are written as Vega-Lite JSON (dicts), the layout Altair gives the same charts, with their data
as named DataFrames in ``datasets``: what ``st.vega_lite_chart`` takes and sends as Arrow. Building them
through Altair cost more than everything else in a rerun (0.2–0.8 s for a few thousand events, most of it
its objects checking and copying themselves); ``tests/views/test_views_chart.py`` checks them against the
Vega-Lite schema instead.

Selections, for ``st.vega_lite_chart(..., on_select="rerun")``: ``pick`` and
``pick_undated`` (a click: the event ids) and ``brush`` (a drag along the
years); :func:`timeline.views.filters.chart_selection` reads them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import pandas as pd

from geo.map.labels import KIND_LABELS, text
from timeline.views.filters import axis_years

__all__ = ["timeline_chart", "year_strip_chart", "chart_spec", "LABEL_LIMIT", "LANE_STEP", "MAX_HEIGHT", "SCHEMA",
           "UNDATED_WIDTH"]

LANE_STEP = 22  # pixels per lane, up to MAX_HEIGHT; thinner lanes beyond it
MAX_HEIGHT = 900
UNDATED_WIDTH = 64
# Lane labels, the years (``width``) and the undated band side by side fit a phone's 358 px (390 less margins).
LABEL_LIMIT = 90
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
_TOOLTIP_FIELDS = (("lane", "pair", "对口关系"), ("when", "date", "日期"), ("kind_label", "kind", "类型"),
                   ("summary", "summary", "摘要"), ("doc", "article", "文章"))
_DATED_VIEW, _UNDATED_VIEW = "view_dated", "view_undated"


def _tooltip(lang: str) -> list[dict]:
    return [{"field": field, "title": zh if lang == "zh" else en, "type": "nominal"}
            for field, en, zh in _TOOLTIP_FIELDS]


def _colour(colours: Mapping[str, str] | None, lang: str) -> dict:
    title = "类型" if lang == "zh" else "kind"
    if not colours:
        return {"field": "kind_label", "legend": {"orient": "bottom", "symbolOpacity": 1}, "title": title,
                "type": "nominal"}
    kinds = [k for k in KIND_LABELS[lang] if k in colours]
    return {"field": "kind_label",
            "legend": {"columns": 2, "direction": "horizontal", "orient": "bottom", "symbolOpacity": 1},
            "scale": {"domain": [KIND_LABELS[lang][k] for k in kinds], "range": [colours[k] for k in kinds]},
            "title": title, "type": "nominal"}


def _point_selection(name: str) -> dict:
    return {"name": name, "select": {"type": "point", "clear": "dblclick", "fields": ["event_id"], "on": "click"}}


def _brush() -> dict:
    return {"name": "brush", "select": {"type": "interval", "encodings": ["x"]}}


def _data(frame: pd.DataFrame, datasets: dict[str, pd.DataFrame]) -> dict[str, str]:
    """``frame`` kept in ``datasets`` under a name made from its content (equal data, equal name)."""
    name = hashlib.sha1(pd.util.hash_pandas_object(frame.astype(str), index=True).values.tobytes()).hexdigest()[:16]
    datasets[name] = frame
    return {"name": name}


def _year(year: int) -> dict:
    return {"utc": True, "year": year}


def timeline_chart(records: Sequence[Mapping[str, object]], *, colours: Mapping[str, str] | None = None,
                   width: int = 160, lang: str = "zh") -> dict:
    """The timeline of ``records`` (from :func:`~timeline.views.filters.timeline_chart_data`), as a Vega-Lite
    spec whose data are DataFrames under ``datasets``.

    ``colours`` maps an event kind's value to its colour (the map's, so both agree); ``lang`` is the
    language of its words (the records' labels come from ``timeline_chart_data(rows, lang)``).

    Raises:
        ValueError: no records (show a message instead of an empty chart).
    """
    if not records:
        raise ValueError("no events to draw on the timeline; loosen the filters")
    lanes = [lane for _, lane in sorted({(int(r["lane_order"]), str(r["lane"])) for r in records})]
    step = max(3, min(LANE_STEP, MAX_HEIGHT // len(lanes)))
    colour = _colour(colours, lang)
    dated = [dict(r) for r in records if r.get("dated")]
    undated = [dict(r) for r in records if not r.get("dated")]
    datasets: dict[str, pd.DataFrame] = {}
    views, params = [], []
    if dated:
        years = axis_years(dated)
        scale = {"domain": [_year(years[0]), _year(years[-1] + 1)], "type": "utc"}
        # A tick on each 1 January, its label just right of it, inside its own year: the axis
        # shows every year from the first to the last, with or without events.
        axis = {"format": "%Y", "grid": True, "labelAlign": "left", "labelAngle": 0, "labelOverlap": True,
                "title": None, "values": [_year(y) for y in years]}
        lane_axis = {"axis": {"labelLimit": LABEL_LIMIT, "labelOverlap": "greedy"}, "field": "lane",
                     "scale": {"domain": lanes}, "sort": lanes, "title": None, "type": "nominal"}
        spans = {"mark": {"type": "bar", "height": step * 0.6, "opacity": 0.25},
                 "encoding": {"color": colour, "x": {"axis": axis, "field": "start", "scale": scale, "type": "temporal"},
                              "x2": {"field": "end"}, "y": lane_axis}}
        dots = {"mark": {"type": "circle", "size": 90, "stroke": "#333333", "strokeWidth": 0.5},
                "encoding": {"color": colour, "opacity": {"condition": {"param": "pick", "value": 1.0}, "value": 0.35},
                             "tooltip": _tooltip(lang),
                             "x": {"axis": axis, "field": "mid", "scale": scale, "type": "temporal"},
                             "y": lane_axis},
                "name": _DATED_VIEW}
        views.append({"layer": [spans, dots], "data": _data(pd.DataFrame(dated), datasets),
                      "height": {"step": step}, "width": width})
        params += [{**_point_selection("pick"), "views": [_DATED_VIEW]}, {**_brush(), "views": [_DATED_VIEW]}]
    if undated:
        most = max(int(r["slot"]) for r in undated)
        lane = {"field": "lane", "scale": {"domain": lanes}, "sort": lanes, "type": "nominal"}
        lane.update({"axis": None} if dated else
                    {"axis": {"labelLimit": LABEL_LIMIT, "labelOverlap": "greedy"}, "title": None})
        band = {"data": _data(pd.DataFrame(undated), datasets),
                "mark": {"type": "point", "filled": False, "size": 70, "strokeWidth": 2},
                "encoding": {"color": colour,
                             "opacity": {"condition": {"param": "pick_undated", "value": 1.0}, "value": 0.35},
                             "tooltip": _tooltip(lang),
                             "x": {"axis": None, "field": "slot", "scale": {"domain": [-0.5, most + 0.5]},
                                   "title": None, "type": "quantitative"},
                             "y": lane},
                "height": {"step": step}, "name": _UNDATED_VIEW,
                "title": {"text": [text("year_not_stated", lang), f"({len({r['event_id'] for r in undated})})"],
                          "fontSize": 12, "fontWeight": "normal"},
                "width": UNDATED_WIDTH}
        views.append(band)
        params.append({**_point_selection("pick_undated"), "views": [_UNDATED_VIEW]})
    if not dated:  # one view: its selection needs no name to point at
        params = [_point_selection("pick_undated")]
        del views[0]["name"]
    chart = views[0] if len(views) == 1 else {"hconcat": views, "spacing": 12}
    return {**chart, "config": {"view": {"strokeOpacity": 0.3}}, "params": params, "$schema": SCHEMA,
            "datasets": datasets}


def year_strip_chart(year_counts: Sequence[Sequence[int]], undated: int, *, width: int = 360,
                     lang: str = "zh") -> dict:
    """A large view's timeline: events per year as bars (every year from the first to the last, empty ones
    too) and the events whose year is not stated counted in the title, never placed at a year. Drag along it
    to pick years (the ``brush`` selection, read by :func:`~timeline.views.filters.chart_selection`). A
    Vega-Lite spec, its data a DataFrame under ``datasets``.

    Raises:
        ValueError: no events at all (show a message instead of an empty chart).
    """
    if not year_counts and not undated:
        raise ValueError("no events to draw on the timeline; loosen the filters")
    missing = text("year_not_stated", lang)
    title = f"{missing}: {undated:,}" if undated else ""
    frame = pd.DataFrame([{"year": int(y), "events": int(n)} for y, n in year_counts], columns=["year", "events"])
    events = "事件" if lang == "zh" else "events"
    datasets: dict[str, pd.DataFrame] = {}
    return {
        "data": _data(frame, datasets), "mark": {"type": "bar", "color": "#0072B2"},
        "config": {"view": {"strokeOpacity": 0.3}},
        "encoding": {
            "tooltip": [{"field": "year", "format": "d", "title": "年份" if lang == "zh" else "year",
                         "type": "quantitative"},
                        {"field": "events", "format": ",", "title": events, "type": "quantitative"}],
            "x": {"axis": {"format": "d", "labelOverlap": True, "tickMinStep": 1}, "field": "year",
                  "scale": {"nice": False, "padding": 8, "zero": False}, "title": None, "type": "quantitative"},
            "y": {"field": "events", "title": events, "type": "quantitative"}},
        "height": 160, "params": [_brush()],
        "title": {"text": title, "fontSize": 12, "fontWeight": "normal"}, "width": width, "$schema": SCHEMA,
        "datasets": datasets,
    }


def chart_spec(chart: Mapping) -> dict:
    """The chart's Vega-Lite spec with its data as named DataFrames in ``datasets`` (not inline values):
    what ``st.vega_lite_chart`` takes and sends as Arrow, so the app can cache the spec. The charts above
    are specs already; this gives a copy the caller may change."""
    return {**chart, "datasets": dict(chart.get("datasets", {}))}
