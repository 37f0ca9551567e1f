"""The timeline as an Altair (Vega-Lite) chart: a lane per pair, a band for "year not stated".

The chart only draws :func:`timeline.views.filters.timeline_chart_data` records. Dated
records sit on an honest year axis (every year from the first to the last,
the empty ones too); each shows the span its text states (a year, a month, a
day) as a faint bar and a dot at its middle. Records whose year is not stated
sit in their own band to the right, by lane, never at a made-up year.

Selections, for ``st.altair_chart(..., on_select="rerun")``: ``pick`` and
``pick_undated`` (a click: the event ids) and ``brush`` (a drag along the
years); :func:`timeline.views.filters.chart_selection` reads them.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

import altair as alt
import pandas as pd
from altair.utils import schemapi

from geo.map.labels import KIND_LABELS, text
from timeline.views.filters import axis_years

__all__ = ["timeline_chart", "year_strip_chart", "chart_spec", "LANE_STEP", "MAX_HEIGHT", "UNDATED_WIDTH"]

LANE_STEP = 22  # pixels per lane, up to MAX_HEIGHT; thinner lanes beyond it
MAX_HEIGHT = 900
UNDATED_WIDTH = 64
_TOOLTIP_FIELDS = (("lane", "pair", "对口关系"), ("when", "date", "日期"), ("kind_label", "kind", "类型"),
                   ("summary", "summary", "摘要"), ("doc", "article", "文章"))


def _tooltip(lang: str) -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{field}:N", title=zh if lang == "zh" else en) for field, en, zh in _TOOLTIP_FIELDS]


def _colour(colours: Mapping[str, str] | None, lang: str) -> alt.Color:
    title = "类型" if lang == "zh" else "kind"
    if not colours:
        return alt.Color("kind_label:N", title=title, legend=alt.Legend(orient="bottom", symbolOpacity=1))
    kinds = [k for k in KIND_LABELS[lang] if k in colours]
    return alt.Color(
        "kind_label:N", title=title,
        scale=alt.Scale(domain=[KIND_LABELS[lang][k] for k in kinds], range=[colours[k] for k in kinds]),
        legend=alt.Legend(orient="bottom", direction="horizontal", symbolOpacity=1, columns=4),
    )


def timeline_chart(records: Sequence[Mapping[str, object]], *, colours: Mapping[str, str] | None = None,
                   width: int = 200, lang: str = "zh") -> alt.TopLevelMixin:
    """The timeline of ``records`` (from :func:`~timeline.views.filters.timeline_chart_data`).

    ``colours`` maps an event kind's value to its colour (the map's, so both agree); ``lang`` is the
    language of its words (the records' labels come from ``timeline_chart_data(rows, lang)``).

    Raises:
        ValueError: no records (show a message instead of an empty chart).
    """
    if not records:
        raise ValueError("no events to draw on the timeline; loosen the filters")
    with _unchecked():
        return _timeline_chart(records, colours, width, lang)


def _timeline_chart(records: Sequence[Mapping[str, object]], colours: Mapping[str, str] | None, width: int,
                    lang: str) -> alt.TopLevelMixin:
    lanes = [lane for _, lane in sorted({(int(r["lane_order"]), str(r["lane"])) for r in records})]
    step = max(3, min(LANE_STEP, MAX_HEIGHT // len(lanes)))
    lane_axis = alt.Y("lane:N", title=None, sort=lanes, scale=alt.Scale(domain=lanes),
                      axis=alt.Axis(labelLimit=130, labelOverlap="greedy"))
    colour = _colour(colours, lang)
    dated = [dict(r) for r in records if r.get("dated")]
    undated = [dict(r) for r in records if not r.get("dated")]
    views = []
    if dated:
        years = axis_years(dated)
        scale = alt.Scale(type="utc", domain=[alt.DateTime(year=years[0], utc=True),
                                              alt.DateTime(year=years[-1] + 1, utc=True)])
        # A tick on each 1 January, its label just right of it, inside its own year: the axis
        # shows every year from the first to the last, with or without events.
        axis = alt.Axis(values=[alt.DateTime(year=y, utc=True) for y in years], format="%Y", labelAngle=0,
                        labelAlign="left", labelOverlap=True, grid=True, title=None)
        pick = alt.selection_point(name="pick", fields=["event_id"], on="click", clear="dblclick")
        brush = alt.selection_interval(name="brush", encodings=["x"])
        base = alt.Chart(pd.DataFrame(dated)).encode(y=lane_axis, color=colour)
        spans = base.mark_bar(opacity=0.25, height=step * 0.6).encode(
            x=alt.X("start:T", scale=scale, axis=axis), x2="end:T")
        dots = base.mark_circle(size=90, stroke="#333333", strokeWidth=0.5).encode(
            x=alt.X("mid:T", scale=scale, axis=axis), tooltip=_tooltip(lang),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
        ).add_params(pick, brush)
        views.append(alt.layer(spans, dots).properties(width=width, height=alt.Step(step)))
    if undated:
        most = max(int(r["slot"]) for r in undated)
        pick_undated = alt.selection_point(name="pick_undated", fields=["event_id"], on="click", clear="dblclick")
        band = alt.Chart(pd.DataFrame(undated)).mark_point(size=70, filled=False, strokeWidth=2).encode(
            x=alt.X("slot:Q", title=None, axis=None, scale=alt.Scale(domain=[-0.5, most + 0.5])),
            y=lane_axis if not dated else alt.Y("lane:N", sort=lanes, scale=alt.Scale(domain=lanes), axis=None),
            color=colour, tooltip=_tooltip(lang),
            opacity=alt.condition(pick_undated, alt.value(1.0), alt.value(0.35)),
        ).add_params(pick_undated).properties(
            width=UNDATED_WIDTH, height=alt.Step(step),
            title=alt.TitleParams(f"{text('year_not_stated', lang)} ({len({r['event_id'] for r in undated})})",
                                  fontSize=12,
                                  fontWeight="normal"),
        )
        views.append(band)
    chart = views[0] if len(views) == 1 else alt.hconcat(*views, spacing=12)
    return chart.configure_view(strokeOpacity=0.3)


def year_strip_chart(year_counts: Sequence[Sequence[int]], undated: int, *, width: int = 360,
                     lang: str = "zh") -> alt.TopLevelMixin:
    """A large view's timeline: events per year as bars (every year from the first to the last, empty ones
    too) and the events whose year is not stated counted in the title, never placed at a year. Drag along it
    to pick years (the ``brush`` selection, read by :func:`~timeline.views.filters.chart_selection`).

    Raises:
        ValueError: no events at all (show a message instead of an empty chart).
    """
    if not year_counts and not undated:
        raise ValueError("no events to draw on the timeline; loosen the filters")
    with _unchecked():
        return _year_strip_chart(year_counts, undated, width, lang)


def _year_strip_chart(year_counts: Sequence[Sequence[int]], undated: int, width: int, lang: str) -> alt.TopLevelMixin:
    missing = text("year_not_stated", lang)
    title = f"{missing}: {undated:,}" if undated else ""
    frame = pd.DataFrame([{"year": int(y), "events": int(n)} for y, n in year_counts], columns=["year", "events"])
    brush = alt.selection_interval(name="brush", encodings=["x"])
    bars = alt.Chart(frame).mark_bar(color="#0072B2").encode(
        x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True),
                scale=alt.Scale(zero=False, nice=False, padding=8)),
        y=alt.Y("events:Q", title="事件" if lang == "zh" else "events"),
        tooltip=[alt.Tooltip("year:Q", format="d", title="年份" if lang == "zh" else "year"),
                 alt.Tooltip("events:Q", format=",", title="事件" if lang == "zh" else "events")],
    ).add_params(brush).properties(width=width, height=160,
                                   title=alt.TitleParams(title, fontSize=12, fontWeight="normal"))
    return bars.configure_view(strokeOpacity=0.3)


_TRANSFORMER = "pairing_atlas_named"
# altair's data transformer, theme and debug mode are global to all threads
_ALTAIR_LOCK = threading.RLock()


@contextmanager
def _unchecked() -> Iterator[None]:
    """Build charts without altair checking each object against the Vega-Lite schema as it is made (its
    "debug mode", on by default): that check cost more than the chart (0.8 s for 1,500 events). The specs
    are checked in the tests instead (tests/views/test_views_chart.py)."""
    with _ALTAIR_LOCK, schemapi.debug_mode(False):
        yield


def _named(data: object, datasets: dict) -> dict[str, str]:
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    name = hashlib.sha1(pd.util.hash_pandas_object(frame.astype(str), index=True).values.tobytes()).hexdigest()[:16]
    datasets[name] = frame
    return {"name": name}


def chart_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec with its data as named DataFrames in ``datasets`` (not inline values):
    what ``st.vega_lite_chart`` takes and sends as Arrow, so the app can cache the spec instead of
    converting the chart on every rerun."""
    datasets: dict[str, pd.DataFrame] = {}
    with _unchecked():
        alt.data_transformers.register(_TRANSFORMER, _named)
        with alt.data_transformers.enable(_TRANSFORMER, datasets=datasets), alt.theme.enable("none"):
            spec = chart.to_dict(validate=False)  # checked in the tests
    spec["datasets"] = datasets
    return spec
