"""Render :func:`geo.map.data.build_map_data` output as a folium (Leaflet) map in one HTML document.

Under everything, China drawn offline (:mod:`geo.map.basemap_layer`); over it one arc per
relation with its card, the places, a year player with a count-per-year strip and the
"year not stated" bar apart, a large year label and a collapsible legend — all from
``atlas_map.js`` (beside this file), drawn on canvases, so ten thousand relations still play
smoothly. Tiles are an optional layer, off by default.

The player opens on all years (relations with no year dashed); play starts from the first
year. The page exposes ``window.atlas = {map, player, basemap}`` so that a browser test can
drive the player without knowing folium's generated names.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import folium
from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from geo.errors import MapAssetError, MapDataError
from geo.map.assets import DROPPED, asset_for, external_references, inline_assets, relocate_assets
from geo.map.basemap import load_basemap
from geo.map.basemap_layer import BasemapLayer
from geo.map.data import KIND_COLOURS
from geo.map.labels import DEFAULT_LANGUAGE, MAP_TEXT, check_language, kind_label, text
from geo.map.served import BASEMAP_GLOBAL, BASEMAP_SCRIPT, PLAYER_SCRIPT

__all__ = ["render_map", "build_folium_map", "basemap_json", "RENDER_PROPERTIES", "CHINA_CENTRE", "TILES"]

CHINA_CENTRE = (35.0, 104.0)
TILES = "OpenStreetMap"  # an optional layer: off by default, the base map draws China without it
# What the browser needs of a relation to draw and play it (the data keeps the rest); its tooltip and card
# (DETAILS) go apart, read by the page when first hovered or clicked.
RENDER_PROPERTIES = ("id", "count", "undated", "steps", "colour")
DETAILS = ("tooltip", "card")
DETAILS_ID = "atlas-details"  # the id of the page's JSON block of every relation's [tooltip, card]
_SCRIPT = (Path(__file__).with_name("atlas_map.js")).read_text(encoding="utf-8")
_STYLE = """
.atlas-year { position: absolute; top: 8px; left: 50%; transform: translateX(-50%); z-index: 800;
  font: 600 48px/1 system-ui, sans-serif; color: rgba(40, 40, 40, .55); pointer-events: none;
  text-shadow: 0 0 6px #fff; }
.atlas-year.atlas-year-all { font-size: 22px; top: 14px; }
.atlas-player { background: rgba(255,255,255,.94); padding: 6px 8px; border-radius: 6px;
  box-shadow: 0 1px 5px rgba(0,0,0,.3); font: 13px/1.3 system-ui, sans-serif; max-width: calc(100vw - 24px); }
.atlas-strip { display: flex; align-items: flex-end; gap: 2px; height: 36px; }
.atlas-bar { flex: 1 1 6px; min-width: 3px; max-width: 18px; background: #c7c7c7; cursor: pointer; }
.atlas-bar.atlas-bar-on { background: #6b8fb3; }
.atlas-bar.atlas-bar-now { background: #d55e00; }
.atlas-undated { display: flex; align-items: flex-end; gap: 4px; margin-left: 14px; padding-left: 8px;
  border-left: 1px dashed #999; height: 100%; }
.atlas-bar-undated { width: 14px; flex: none; cursor: default;
  background: repeating-linear-gradient(45deg, #bbb 0 3px, #eee 3px 6px); }
.atlas-bar-undated.atlas-bar-on { background: repeating-linear-gradient(45deg, #777 0 3px, #ddd 3px 6px); }
.atlas-undated-name { font-size: 11px; color: #555; white-space: nowrap; }
.atlas-controls { display: flex; align-items: center; gap: 6px; margin-top: 4px; flex-wrap: wrap; }
.atlas-controls button, .atlas-controls select { font: inherit; padding: 2px 8px; border: 1px solid #aaa;
  border-radius: 4px; background: #fff; cursor: pointer; }
.atlas-slider { flex: 1 1 120px; min-width: 100px; }
.atlas-legend-box { background: rgba(255,255,255,.94); padding: 6px 9px; border-radius: 6px;
  box-shadow: 0 1px 5px rgba(0,0,0,.3); font: 12px/1.5 system-ui, sans-serif; max-width: 280px; }
.atlas-legend-box summary, .atlas-about summary { cursor: pointer; font-weight: 600; }
.atlas-about { background: rgba(255,255,255,.94); padding: 6px 10px; border-radius: 6px; max-width: 360px;
  box-shadow: 0 1px 5px rgba(0,0,0,.3); font: 13px/1.45 system-ui, sans-serif; max-height: 60vh; overflow: auto; }
.atlas-about h1 { font-size: 17px; margin: 2px 0 4px; }
.atlas-about ul { padding-left: 18px; margin: 4px 0; }
.atlas-card { font: 13px/1.45 system-ui, sans-serif; }
.atlas-card-title { font-weight: 600; font-size: 14px; }
.atlas-card-meta { color: #555; margin-bottom: 4px; }
.atlas-card ol { padding-left: 18px; margin: 4px 0; }
.atlas-card li { margin-bottom: 6px; }
.atlas-evidence { color: #222; margin: 2px 0; }
.atlas-source { font-size: 12px; color: #666; }
.atlas-place-name { font-size: 11.5px; color: #222; }
@media (max-width: 600px) { .atlas-year { font-size: 32px; } .atlas-legend-box { max-width: 60vw; } }
"""


def _script_json(obj: object) -> str:
    """JSON that is safe inside a <script> element (no "</script>", no HTML-significant characters)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


@lru_cache(maxsize=1)
def basemap_json() -> str:
    """The base map as script-safe JSON, made once (0.65 MB: every map page embeds the same text)."""
    return _script_json(load_basemap())


def _places(collection: Mapping) -> list[list]:
    """The places as the page takes them: ``[lon, lat, name, rows as donor, rows as recipient, radius]`` (its
    popup and tooltip are made in the page, as :func:`geo.map.data.build_map_data` writes them)."""
    return [[*f["geometry"]["coordinates"], f["properties"]["label"], f["properties"]["as_donor"],
             f["properties"]["as_recipient"], f["properties"]["radius"]] for f in collection["features"]]


def _relations(collection: Mapping) -> list[dict]:
    """The relations as the player takes them: the properties it uses and the arc's two ends
    (``[lon, lat, lon, lat]``; the page draws the curve between them as :mod:`geo.map.arcs` does)."""
    relations = []
    for f in collection["features"]:
        coords = f["geometry"]["coordinates"]
        relations.append({**{k: f["properties"][k] for k in RENDER_PROPERTIES if k in f["properties"]},
                          "ends": [*coords[0], *coords[-1]]})
    return relations


_PAYLOAD = re.compile(r"/\*atlas-payload:(\w+)\*/null")


class _Figure(Figure):
    """The page, with its large JSON (the base map, the relations) put in after rendering.

    branca renders each element's script and then compiles the result as a Jinja template, which for
    a megabyte of JSON costs more than everything else; so the elements carry a placeholder
    (``/*atlas-payload:name*/null``, valid JavaScript) and :meth:`render` substitutes the JSON in one
    pass (inserted text is never scanned again).
    """

    def __init__(self) -> None:
        super().__init__()
        self.payloads: dict[str, str] = {}

    def payload(self, name: str, text: str) -> str:
        """Keep ``text`` (script-safe JSON) for the page; the placeholder to put where it goes."""
        self.payloads[name] = text
        return f"/*atlas-payload:{name}*/null"

    def render(self, **kwargs: object) -> str:
        return _PAYLOAD.sub(lambda m: self.payloads[m.group(1)], super().render(**kwargs))


class _HeaderText(MacroElement):
    """Text put in the page's head as it is (a stylesheet, a script): a class-level template, so a long
    text is not compiled as a Jinja template on every render, as ``branca.element.Element(text)`` would."""

    _template = Template("{% macro header(this, kwargs) %}{{ this.text }}{% endmacro %}")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class _Script(MacroElement):
    """A script run after the map's layers exist."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _legend(data: Mapping, lang: str, tiles: bool) -> str:
    """The legend's HTML: counts (events and rows apart), kinds, how to read the lines, layer switches."""
    counts = data["counts"]
    t = MAP_TEXT[lang]
    rows = []
    if counts["rows"] == 0:
        rows.append(f"<b>{_e(t['no_events'])}</b>")
    else:
        unplaced = data.get("not_on_map", [])
        names = "、".join(unplaced[:5]) if lang == "zh" else ", ".join(unplaced[:5])
        if len(unplaced) > 5:
            names += " " + text("and_more", lang, n=len(unplaced) - 5)
        if lang == "zh":
            rows += [f"<b>{counts['events']:,} 件事件</b>（{counts['rows']:,} 行）· {counts['relations']:,} 对对口关系",
                     f"{counts['dated']:,} 件有年份 · {counts['undated']:,} 件{_e(t['year_not_stated'])}"]
        else:
            rows += [f"<b>{counts['events']:,} events</b> ({counts['rows']:,} rows) · {counts['relations']:,} relations",
                     f"{counts['dated']:,} with a year · {counts['undated']:,} {_e(t['year_not_stated'])}"]
        if counts["not_on_map"]:
            rows.append(f"{counts['not_on_map']:,} {_e(t['not_on_map'])}"
                        + (f"（{_e(t['no_coordinates'])}：{_e(names)}）" if lang == "zh"
                           else f" ({_e(t['no_coordinates'])}: {_e(names)})"))
        kinds = {f["properties"].get("kind") for f in data["relations"]["features"]}
        rows.append(" ".join(
            f'<span style="white-space:nowrap"><i style="display:inline-block;width:14px;height:3px;'
            f'background:{colour};vertical-align:middle"></i> {_e(kind_label(kind, lang))}</span>'
            for kind, colour in KIND_COLOURS.items() if kind in kinds))
        rows.append(_e("线宽：事件数；箭头指向受援方" if lang == "zh"
                       else "width: number of events; the arrow points to the recipient"))
        rows.append(_e(t["undated_note"]))
    switches = (f'<label><input type="checkbox" name="atlas-places" checked> {_e(t["places"])}</label><br>'
                + (f'<label><input type="checkbox" name="atlas-tiles"> {_e(t["tiles"])}</label>' if tiles else ""))
    return (f'<details open id="atlas-legend" data-events="{counts["events"]}" data-rows="{counts["rows"]}" '
            f'data-dated="{counts["dated"]}" data-undated="{counts["undated"]}" '
            f'data-not-on-map="{counts["not_on_map"]}" data-relations="{counts["relations"]}">'
            f'<summary>{_e(t["legend"])}</summary>' + "<br>".join(rows) + "<br>" + switches + "</details>")


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
                     lang: str | None = None, keep_view: bool = False, title: str | None = None,
                     about_html: str | None = None, assets_url: str | None = None) -> folium.Map:
    """The folium map for ``data`` (see :func:`render_map`), before rendering; for tests and callers that add to it."""
    try:
        data["counts"]["rows"], data["relations"]["features"], data["places"]["features"]
    except (KeyError, TypeError) as err:
        raise MapDataError("render_map takes the dict that geo.map.data.build_map_data returns") from err
    lang = check_language(lang or data.get("lang") or DEFAULT_LANGUAGE)
    m = folium.Map(location=CHINA_CENTRE, zoom_start=4, prefer_canvas=True, tiles=None, control_scale=True,
                   height="100%" if height is None else f"{int(height)}px")
    figure = _Figure()
    figure.add_child(m)  # the page the map renders in: it puts the large JSON in after rendering
    BasemapLayer(f"window.{BASEMAP_GLOBAL}" if assets_url else figure.payload("basemap", basemap_json()),
                 lang=lang).add_to(m)
    tile_layer = None
    if tiles:
        tile_layer = folium.TileLayer(tiles, name=text("tiles", lang), overlay=True, show=False, control=False)
        tile_layer.add_to(m)
    details = [[f["properties"].get(k) for k in DETAILS] for f in data["relations"]["features"]]
    figure.html.add_child(Element(f'<script type="application/json" id="{DETAILS_ID}">'
                                  + figure.payload("details", _script_json(details)) + "</script>"),
                          name="atlas_details")
    slim = {"relations": _relations(data["relations"]), "places": _places(data["places"]),
            "sources": data.get("sources", []), "evidence": data.get("evidence", []), "facts": data.get("facts", []),
            "period": data.get("period", "P1Y"), "step_counts": data.get("step_counts", []),
            "undated_drawn": data.get("undated_drawn", 0), "undated_events": data["counts"].get("undated", 0)}
    options = {"keepView": keep_view, "storageKey": "pairing-atlas-view", "legend": _legend(data, lang, bool(tiles)),
               "fit": data.get("bounds"), "about": about_html or "", "details": DETAILS_ID}
    _Script(
        "var atlasOptions = " + figure.payload("options", _script_json(options)) + ";\n"
        + (f"atlasOptions.tiles = {tile_layer.get_name()};\n" if tile_layer is not None else "")
        + f"window.atlas = {{map: {m.get_name()}, basemap: window.atlasBasemap}};\n"
        + f"window.atlas.player = atlasMap({m.get_name()}, {figure.payload('relations', _script_json(slim))}, "
          f"{_script_json(MAP_TEXT[lang])}, "
          "atlasOptions);\n"
    ).add_to(m)
    root = m.get_root()
    root.header.add_child(Element(f"<title>{_e(title or 'Pairing Atlas map')}</title>"), name="atlas_title")
    scripts = (f'<script src="{_e(assets_url + PLAYER_SCRIPT)}"></script>\n'
               f'<script src="{_e(assets_url + BASEMAP_SCRIPT)}"></script>' if assets_url else
               "<script>" + _SCRIPT.replace("</script", "<\\/script") + "</script>")
    _HeaderText("<style>" + _STYLE + "</style>\n" + scripts).add_to(m)
    if tile_layer is not None:  # added only when its box is ticked
        _Script(f"{m.get_name()}.removeLayer({tile_layer.get_name()});").add_to(m)
    _keep_known_assets(m)
    return m


def render_map(data: Mapping, *, standalone: bool = False, height: int | None = 620,
               tiles: str | None = TILES, lang: str | None = None, keep_view: bool = False,
               title: str | None = None, about_html: str | None = None, assets_url: str | None = None) -> str:
    """A complete HTML document with the map of ``data`` (from :func:`geo.map.data.build_map_data`).

    Parameters: ``standalone``, inline every script, stylesheet and font from the npm packages
    (``node_modules``) so the file works opened from disk with no network (China is drawn by the
    inlined base map, :mod:`geo.map.basemap`); ``height``, the map's height in pixels (``None``: the
    whole window); ``tiles``, a folium tile name or URL template for an optional layer, off by
    default and dropped when its tiles fail to load (``None``: none); ``lang``, ``"zh"`` or ``"en"``
    (default: the language ``data`` was built in); ``keep_view``, keep the zoom, position and
    player year in the browser's storage across page loads (the app's reruns); ``title``, the page's
    title; ``about_html``, HTML (escaped by the caller) for a collapsible panel at the top left: what
    a presentation shows (title, filters, sources, export date); ``assets_url``, a folder URL (ending in
    ``/``) where :func:`geo.map.served.publish` put Leaflet, the player and the base map: the page loads them
    from there and carries only the view's data (not with ``standalone``).

    Raises :class:`geo.errors.MapAssetsMissingError` (standalone) when the npm packages are not
    installed, :class:`geo.errors.MapAssetError` if an external address would remain, and
    :class:`geo.errors.MapDataError` if ``data`` is not what ``build_map_data`` returns.
    """
    if standalone and assets_url:
        raise ValueError("a standalone map inlines its files; give it no assets_url")
    if assets_url is not None and not assets_url.endswith("/"):
        raise ValueError(f"assets_url {assets_url!r} must be a folder's URL, ending in '/'")
    document = build_folium_map(data, height=height, tiles=tiles, lang=lang, keep_view=keep_view, title=title,
                                about_html=about_html, assets_url=assets_url).get_root().render()
    if assets_url:
        document = relocate_assets(document, assets_url)
    elif standalone:
        document = inline_assets(document)
    else:
        return document
    remaining = [u for u in external_references(document) if not (assets_url and u.startswith(assets_url))]
    if remaining:
        raise MapAssetError(f"the {'standalone ' if standalone else ''}map would still load "
                            f"{', '.join(remaining[:3])}; map it in geo/map/assets.py")
    return document


