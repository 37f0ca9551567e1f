"""The base map drawn in the page: :func:`geo.map.basemap.load_basemap`'s layers under the arcs.

Neighbouring countries, China's provinces (filled, with names), prefectures (lines, with names,
from zoom :data:`PREFECTURE_ZOOM`) and the national outline, in that order on one canvas below the
arcs. Names are HTML labels in a pane of their own; the page's language picks
``name`` or ``name_en``. Tiles are an optional layer, off by default and switched off again
if they fail to load (no network, or blocked).
"""

from __future__ import annotations

import json

from branca.element import MacroElement
from folium.template import Template

__all__ = ["BasemapLayer", "PREFECTURE_ZOOM", "PREFECTURE_NAMES_ZOOM", "SEA", "STYLE"]

PREFECTURE_ZOOM = 6  # prefecture borders from this zoom on
PREFECTURE_NAMES_ZOOM = 7  # and their names from this one (at 6 they would cover the map)
SEA = "#dce8f0"
STYLE = {
    "neighbours": {"color": "#c9c9c9", "weight": 0.8, "fillColor": "#f1f0ec", "fillOpacity": 1},
    "provinces": {"color": "#a3a3a3", "weight": 0.9, "fillColor": "#fdfcf8", "fillOpacity": 1},
    "prefectures": {"color": "#cfcfcf", "weight": 0.6, "fill": False, "dashArray": "2 3"},
    "outline": {"color": "#5f5f5f", "weight": 1.6, "fill": False},
}


class BasemapLayer(MacroElement):
    """Adds the base map to its parent map and sets ``window.atlasBasemap`` (its layers, for tests)."""

    _template = Template("""
        {% macro header(this, kwargs) %}
            <style>
                .leaflet-container { background: {{ this.sea }}; }
                .atlas-label { font: 12px/1.2 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #444;
                    white-space: nowrap; text-shadow: 0 0 3px #fff, 0 0 3px #fff; pointer-events: none;
                    transform: translate(-50%, -50%); width: auto !important; height: auto !important; }
                .atlas-label.prefecture { font-size: 10.5px; color: #777; }
            </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var data = {{ this.data }};
            var style = {{ this.style }};
            var lang = {{ this.lang|tojson }};
            var panes = {neighbours: 200, provinces: 210, prefectures: 220, outline: 230, labels: 380};
            Object.keys(panes).forEach(function (name) {
                var pane = map.createPane('atlas-' + name);
                pane.style.zIndex = panes[name];
                if (name === 'labels') { pane.style.pointerEvents = 'none'; }
            });
            // One canvas for the whole base map: without a GPU every canvas as large as the map costs the
            // browser its blending in each frame the map changes (a player's step), whatever it holds.
            var layers = {}, renderer = L.canvas({pane: 'atlas-provinces'});
            ['neighbours', 'provinces', 'prefectures', 'outline'].forEach(function (name) {
                layers[name] = L.geoJSON(data[name], {
                    pane: 'atlas-provinces', interactive: false, renderer: renderer,
                    style: function () { return style[name]; }
                });
            });
            function labels(name, cls) {
                return L.layerGroup(data[name].features.map(function (f) {
                    var p = f.properties, text = lang === 'en' ? p.name_en : (p.short || p.name);
                    return L.marker([p.label[1], p.label[0]], {pane: 'atlas-labels', interactive: false,
                        keyboard: false, icon: L.divIcon({className: 'atlas-label ' + cls, html: '',
                        iconSize: null})}).on('add', function (e) {
                            e.target.getElement().textContent = text; });
                }));
            }
            layers.provinceNames = labels('provinces', 'province');
            layers.prefectureNames = labels('prefectures', 'prefecture');
            ['neighbours', 'provinces', 'outline', 'provinceNames'].forEach(function (n) { layers[n].addTo(map); });
            function show(layer, on) {
                if (on && !map.hasLayer(layer)) { layer.addTo(map); }
                if (!on && map.hasLayer(layer)) { map.removeLayer(layer); }
            }
            function byZoom() {
                var had = map.hasLayer(layers.prefectures);
                show(layers.prefectures, map.getZoom() >= {{ this.prefecture_zoom }});
                if (!had && map.hasLayer(layers.prefectures)) { layers.outline.bringToFront(); }  // drawn last
                show(layers.prefectureNames, map.getZoom() >= {{ this.prefecture_names_zoom }});
            }
            map.on('zoomend', byZoom);
            byZoom();
            window.atlasBasemap = layers;
        })();
        {% endmacro %}
    """)

    def __init__(self, basemap_json: str, *, lang: str = "zh") -> None:
        """``basemap_json``: the base map as script-safe JSON (see ``geo.map.render._script_json``)."""
        super().__init__()
        self._name = "AtlasBasemap"
        self.data = basemap_json

        self.style = json.dumps(STYLE)
        self.sea = SEA
        self.lang = lang
        self.prefecture_zoom = PREFECTURE_ZOOM
        self.prefecture_names_zoom = PREFECTURE_NAMES_ZOOM
