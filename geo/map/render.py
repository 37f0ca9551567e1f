"""Render :func:`geo.map.data.build_map_data` output as a folium (Leaflet) map in one HTML document.

Dated arcs and their arrowheads play in a ``TimestampedGeoJson`` (Leaflet.TimeDimension),
cumulative: an arc stays once its year (or month) has come. Arcs whose year is not stated
sit in their own always-visible, dashed layer, never at a fake date. Places are circle
markers sized by activity. Everything is drawn on a canvas (``prefer_canvas``), which keeps
playback smooth with thousands of arcs.

The player opens at the last step, every dated arc drawn; play starts over from the first.
The page exposes ``window.atlas = {map, timeDimension, dated, undated, places}`` so that a
browser test can wait on the player without knowing folium's generated names.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping

import folium
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import TimestampedGeoJson
from folium.template import Template

from geo.map.assets import DROPPED, asset_for, external_references, inline_assets
from geo.map.basemap import load_basemap
from geo.map.basemap_layer import BasemapLayer
from geo.errors import MapAssetError, MapDataError
from geo.map.data import KIND_COLOURS, KIND_LABELS, YEAR_NOT_STATED

__all__ = ["render_map", "build_folium_map", "RENDER_PROPERTIES", "CHINA_CENTRE", "TILES"]

TILES = "OpenStreetMap"  # an optional layer: off by default, the base map draws China without it

CHINA_CENTRE = (35.0, 104.0)
RENDER_PROPERTIES = ("times", "style", "popup", "tooltip", "radius")  # what the browser needs of a feature
PLAY_SECONDS = 30  # a whole play-through at the default speed, however many steps
_NUMERIC_SORT = """
    // Leaflet.TimeDimension 1.1.1 sorts times with Array.sort(), as strings: a time before
    // 2001-09-09 (12 digits of ms) sorts after a later one and the slider collapses to one
    // step. Sort numerically instead.
    L.TimeDimension.Util.sort_and_deduplicate = function (arr) {
        var sorted = arr.slice(0).sort(function (a, b) { return a - b; });
        var result = [];
        for (var i = 0; i < sorted.length; i++) {
            if (i === 0 || sorted[i] !== sorted[i - 1]) { result.push(sorted[i]); }
        }
        return result;
    };
"""
_FEATURE_OPTIONS = """{
        style: function (feature) { return feature.properties.style; },
        pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, Object.assign({radius: feature.properties.radius || 5},
                                                        feature.properties.style));
        },
        onEachFeature: function (feature, layer) {
            if (feature.properties.popup) { layer.bindPopup(feature.properties.popup, {maxWidth: 360}); }
            if (feature.properties.tooltip) { layer.bindTooltip(feature.properties.tooltip, {sticky: true}); }
        }
    }"""


def _script_json(obj: object) -> str:
    """JSON that is safe inside a <script> element (no "</script>", no HTML-significant characters)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _slim(collection: Mapping) -> dict:
    """The collection with only the properties the browser uses (the data keeps the rest)."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": f["geometry"],
         "properties": {k: f["properties"][k] for k in RENDER_PROPERTIES if k in f["properties"]}}
        for f in collection["features"]]}


class _PlayedGeoJson(TimestampedGeoJson):
    """folium's TimestampedGeoJson with its template fixed for this map.

    Sorts times numerically (see ``_NUMERIC_SORT``), shows the slider's date in UTC (the
    times are UTC; a local date west of Greenwich would show the year before), styles and
    popups come from the feature properties, the data is embedded script-safe, and the
    console is not logged to on every step.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
            """ + _NUMERIC_SORT + """
            L.Control.TimeDimensionCustom = L.Control.TimeDimension.extend({
                _getDisplayDateFormat: function (date) {
                    return moment.utc(date).format({{ this.date_options|tojson }});
                }
            });
            {{ this._parent.get_name() }}.timeDimension = L.timeDimension({period: {{ this.period|tojson }}});
            var {{ this.get_name() }}_control = new L.Control.TimeDimensionCustom({{ this.options|tojavascript }});
            {{ this._parent.get_name() }}.addControl({{ this.get_name() }}_control);
            var {{ this.get_name() }} = L.timeDimension.layer.geoJson(
                L.geoJson({{ this.data }}, """ + _FEATURE_OPTIONS + """),
                {updateTimeDimension: true, addlastPoint: {{ this.add_last_point|tojson }},
                 duration: {{ this.duration }}}
            ).addTo({{ this._parent.get_name() }});
            // after the layer has given the player its times (an earlier currentTime is dropped)
            {{ this._parent.get_name() }}.timeDimension.setCurrentTime(Date.parse({{ this.start|tojson }}));
        {% endmacro %}
    """)

    def __init__(self, data: dict, *, start: str, **kwargs: object) -> None:
        super().__init__({"type": "FeatureCollection", "features": []}, **kwargs)
        self.data = _script_json(data)
        self.start = start  # the ISO time the player opens at


class _StyledGeoJson(folium.map.Layer):
    """A GeoJSON layer styled by ``properties.style``, points as circle markers of ``properties.radius``."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geoJson({{ this.data }}, """ + _FEATURE_OPTIONS + """);
        {% endmacro %}
    """)

    def __init__(self, data: dict) -> None:
        super().__init__(control=False)
        self._name = "StyledGeoJson"
        self.data = _script_json(data)


class _Script(MacroElement):
    """A script run after the map's layers exist."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code


def _month_index(time: str) -> int:
    return int(time[:4]) * 12 + (int(time[5:7]) - 1 if len(time) > 4 else 0)


def _steps(times: list[str], period: str) -> int:
    """How many steps the player has from the first time to the last."""
    first, last = min(times), max(times)
    if period == "P1Y":
        return int(last[:4]) - int(first[:4]) + 1
    return _month_index(last) - _month_index(first) + 1


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _legend(data: Mapping) -> str:
    counts = data["counts"]
    rows = []
    if counts["events"] == 0:
        rows.append("<b>No events to map.</b>")
    else:
        unplaced = data.get("not_on_map", [])
        names = ", ".join(unplaced[:5]) + (f" and {len(unplaced) - 5} more" if len(unplaced) > 5 else "")
        rows += [
            f"<b>{counts['events']:,} events</b> · {counts['pairs']:,} pairs"
            + (" · arcs merged per pair and year" if data.get("aggregated") else ""),
            f'<span class="atlas-dated">{counts["dated"]:,} dated</span>'
            + (" (play to animate)" if counts["dated"] else ""),
            f'<span class="atlas-undated">{counts["undated"]:,} {YEAR_NOT_STATED}</span> (dashed, always shown)',
            f'<span class="atlas-not-on-map">{counts["not_on_map"]:,} not on the map</span>'
            + (f" (no coordinates: {_e(names)})" if names else ""),
        ]
        kinds = {f["properties"].get("kind") for layer in ("dated", "undated") for f in data[layer]["features"]}
        rows.append(" ".join(
            f'<span style="white-space:nowrap"><i style="display:inline-block;width:14px;height:3px;'
            f'background:{colour};vertical-align:middle"></i> {_e(KIND_LABELS[kind])}</span>'
            for kind, colour in KIND_COLOURS.items() if kind in kinds))
    return (f'<div id="atlas-legend" data-events="{counts["events"]}" data-dated="{counts["dated"]}" '
            f'data-undated="{counts["undated"]}" data-not-on-map="{counts["not_on_map"]}" '
            'style="background:rgba(255,255,255,.92);padding:6px 9px;font:12px/1.5 sans-serif;'
            'border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:300px">'
            + "<br>".join(rows) + "</div>")


def _keep_known_assets(m: folium.Map) -> None:
    """Leave out the CDN files the map does not use, each file once; refuse an unknown address."""
    seen: set[str] = set()
    elements, stack = [], [m]
    while stack:
        element = stack.pop(0)
        elements.append(element)
        stack.extend(element._children.values())
    for element in elements:
        if not isinstance(element, JSCSSMixin):
            continue
        for attr in ("default_js", "default_css"):
            kept = []
            for name, url in getattr(element, attr):
                if url in DROPPED:
                    continue
                asset = asset_for(url)
                if asset is None:
                    raise MapAssetError(f"folium asks for {url}, which geo/map/assets.py does not know; "
                                        "add it to ASSETS (an npm file) or DROPPED")
                if asset.relative not in seen:
                    seen.add(asset.relative)
                    kept.append((name, url))
            setattr(element, attr, kept)  # an instance attribute: the class's list stays as folium made it


def build_folium_map(data: Mapping, *, height: int | None = 620, tiles: str | None = TILES,
                     lang: str = "zh") -> folium.Map:
    """The folium map for ``data`` (see :func:`render_map`), before rendering; for tests and callers that add to it."""
    try:
        counts, dated, undated = data["counts"], data["dated"], data["undated"]
    except (KeyError, TypeError) as err:
        raise MapDataError("render_map takes the dict that geo.map.data.build_map_data returns") from err
    m = folium.Map(location=CHINA_CENTRE, zoom_start=4, prefer_canvas=True, tiles=None, control_scale=True,
                   height="100%" if height is None else f"{int(height)}px")
    BasemapLayer(_script_json(load_basemap()), lang=lang).add_to(m)
    tile_layer = None
    if tiles:
        tile_layer = folium.TileLayer(tiles, name="Web map tiles (online)", overlay=True, show=False).add_to(m)
    places = folium.FeatureGroup(name=f"Places ({len(data['places']['features']):,})", show=True).add_to(m)
    _StyledGeoJson(_slim(data["places"])).add_to(places)
    undated_group = folium.FeatureGroup(name=f"Year not stated ({counts['undated']:,})", show=True).add_to(m)
    _StyledGeoJson(_slim({"features": undated["features"] + data.get("undated_arrows", {}).get("features", [])})
                   ).add_to(undated_group)
    played = None
    times = [t for f in dated["features"] for t in f["properties"]["times"][:1]]
    if times:
        period = data.get("period", "P1Y")
        steps = _steps(times, period)
        played = _PlayedGeoJson(
            {"features": dated["features"] + data.get("arrows", {}).get("features", [])},
            start=max(times),  # opens with every dated arc drawn; play starts over from the first year
            period=period, add_last_point=False, duration=None,  # None: an arc stays once it has appeared
            transition_time=min(max(int(PLAY_SECONDS * 1000 / steps), 100), 1000),
            auto_play=False, loop=False, speed_slider=True, time_slider_drag_update=True,
            max_speed=20, date_options="YYYY" if period == "P1Y" else "YYYY-MM")
        played.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    if data.get("bounds"):
        m.fit_bounds(data["bounds"], padding=(24, 24), max_zoom=9)
    legend = _legend(data)
    _Script(
        f"var atlasLegend = L.control({{position: 'bottomright'}});\n"
        f"atlasLegend.onAdd = function () {{ var div = L.DomUtil.create('div'); div.innerHTML = {_script_json(legend)};"
        f" L.DomEvent.disableClickPropagation(div); return div; }};\n"
        f"atlasLegend.addTo({m.get_name()});\n"
        + (f"{tile_layer.get_name()}.on('tileerror', function () {{ {m.get_name()}.removeLayer({tile_layer.get_name()}); }});\n"
           if tile_layer is not None else "")
        + f"window.atlas = {{map: {m.get_name()}, timeDimension: {m.get_name()}.timeDimension || null, "
        f"basemap: window.atlasBasemap, "
        f"dated: {played.get_name() if played else 'null'}, undated: {undated_group.get_name()}, "
        f"places: {places.get_name()}}};"
    ).add_to(m)
    m.get_root().header.add_child(Element("<title>Pairing Atlas map</title>"), name="atlas_title")
    _keep_known_assets(m)
    return m


def render_map(data: Mapping, *, standalone: bool = False, height: int | None = 620,
               tiles: str | None = TILES, lang: str = "zh") -> str:
    """A complete HTML document with the map of ``data`` (from :func:`geo.map.data.build_map_data`).

    Parameters: ``standalone``, inline every script, stylesheet and font from the npm packages
    (``node_modules``) so the file works opened from disk with no network (China is drawn by the
    inlined base map, :mod:`geo.map.basemap`); ``height``, the map's height in pixels (``None``: the
    whole window); ``tiles``, a folium tile name or URL template for an optional layer, off by
    default and dropped when its tiles fail to load (``None``: none); ``lang``, ``"zh"`` or ``"en"``.

    Raises :class:`geo.errors.MapAssetsMissingError` (standalone) when the npm packages are not
    installed, :class:`geo.errors.MapAssetError` if an external address would remain, and
    :class:`geo.errors.MapDataError` if ``data`` is not what ``build_map_data`` returns.
    """
    document = build_folium_map(data, height=height, tiles=tiles, lang=lang).get_root().render()
    if not standalone:
        return document
    document = inline_assets(document)
    remaining = external_references(document)
    if remaining:
        raise MapAssetError(f"the standalone map would still load {', '.join(remaining[:3])}; map it in geo/map/assets.py")
    return document


