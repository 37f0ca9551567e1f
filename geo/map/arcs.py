"""Arc geometry for the map: curved donor → recipient lines (their arrowheads are drawn in the
browser, in screen pixels: ``atlas_map.js``).

Pure arithmetic on ``(lon, lat)`` pairs. An arc's ends keep 5 decimals (about 1 m, the place's
point exactly as the gazetteer has it to that precision); its inner points 4.
"""

from __future__ import annotations

import math

__all__ = ["ARC_POINTS", "BULGE", "arc_coordinates"]

ARC_POINTS = 16
BULGE = 0.18  # control-point offset as a fraction of the chord, to the left of travel


def arc_coordinates(start: tuple[float, float], end: tuple[float, float], *, bulge: float = BULGE,
                    points: int = ARC_POINTS) -> list[list[float]]:
    """A quadratic Bézier from ``start`` to ``end`` (both ``(lon, lat)``) as ``[lon, lat]`` points.

    The control point lies to the left of the direction of travel, so A → B and
    B → A bulge to opposite sides. Computed in a plane where a degree of
    longitude is shortened by cos(latitude), so arcs keep their shape on the map.
    Identical ends give a small loop. Returns ``points`` coordinates, first
    ``start`` and last ``end``.
    """
    scale = max(math.cos(math.radians((start[1] + end[1]) / 2)), 0.2)
    x0, y0, x1, y1 = start[0] * scale, start[1], end[0] * scale, end[1]
    dx, dy = x1 - x0, y1 - y0
    if math.hypot(dx, dy) < 1e-9:
        radius = 0.12
        plane = [(x0 + radius * math.cos(a), y0 + radius + radius * math.sin(a))
                 for a in (-math.pi / 2 + 2 * math.pi * i / (points - 1) for i in range(points))]
    else:
        cx, cy = (x0 + x1) / 2 - bulge * dy, (y0 + y1) / 2 + bulge * dx
        plane = []
        for i in range(points):
            t = i / (points - 1)
            a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
            plane.append((a * x0 + b * cx + c * x1, a * y0 + b * cy + c * y1))
    coords = [[round(x / scale, 4), round(y, 4)] for x, y in plane]  # ~10 m: plenty between two places
    coords[0] = [round(start[0], 5), round(start[1], 5)]
    coords[-1] = [round(end[0], 5), round(end[1], 5)]
    return coords
