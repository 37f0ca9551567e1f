"""A geopy-compatible geocoder over the offline gazetteer.

``geocode(query, *, exactly_one=True, context=None)`` returns ``None``, a
:class:`geopy.location.Location` or a list of them, with the gazetteer row in
``.raw``; ``reverse((lat, lon))`` returns the nearest county-level unit. geopy's
``Location`` and ``Point`` are reused; geopy's ``Geocoder`` base is not (it
builds an HTTP client). An online fallback (Nominatim behind ``RateLimiter``,
at most one request a second, with an on-disk cache) can be switched on for
places the gazetteer lacks (towns, villages); it is off by default.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

from geopy.location import Location

from geo.errors import OnlineLookupError, QueryError
from geo.gazetteer.store import Gazetteer, Place, load_gazetteer
from geo.gazetteer.names import NameEntry, NameKind
from geo.places.recognition import find_places
from timeline.text.normalization import normalize

__all__ = ["OfflineGeocoder", "OnlineFallback", "geocode", "reverse", "MAX_QUERY_CHARS"]

MAX_QUERY_CHARS = 1000


def _raw(gaz: Gazetteer, place: Place, **extra: Any) -> dict[str, Any]:
    raw = asdict(place)
    raw["level"] = place.level.value
    raw["address"] = gaz.address(place.adcode)
    raw.update(extra)
    return raw


def _location(gaz: Gazetteer, place: Place, **extra: Any) -> Location:
    return Location(gaz.address(place.adcode), (place.lat, place.lon), _raw(gaz, place, **extra))


@dataclass(frozen=True)
class OnlineFallback:
    """Nominatim, rate-limited and cached on disk; used only when switched on.

    ``user_agent`` must identify the application (Nominatim's usage policy);
    ``cache_path`` is a JSON file of past answers; ``min_delay_seconds`` >= 1.
    ``geocoder_factory`` is a seam for tests (default: geopy's Nominatim).
    """

    user_agent: str
    cache_path: Path
    min_delay_seconds: float = 1.0
    geocoder_factory: Callable[[str], Any] | None = None

    def __post_init__(self) -> None:
        if not self.user_agent or "geopy" in self.user_agent.lower():
            raise OnlineLookupError("give the online fallback a real user_agent naming your application")
        if self.min_delay_seconds < 1.0:
            raise OnlineLookupError("Nominatim allows at most one request a second: min_delay_seconds must be >= 1")

    def _cache(self) -> dict[str, Any]:
        if self.cache_path.exists():
            try:
                return json.loads(self.cache_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                raise OnlineLookupError(f"cache {self.cache_path} is unreadable; delete it to start afresh") from err
        return {}

    def lookup(self, query: str) -> Location | None:
        """One query: from the cache, else one rate-limited request (then cached)."""
        cache = self._cache()
        if query in cache:
            hit = cache[query]
            return None if hit is None else Location(hit["address"], (hit["lat"], hit["lon"]), hit["raw"])
        from geopy.extra.rate_limiter import RateLimiter

        if self.geocoder_factory is None:
            from geopy.geocoders import Nominatim

            service = Nominatim(user_agent=self.user_agent)
        else:
            service = self.geocoder_factory(self.user_agent)
        limited = RateLimiter(service.geocode, min_delay_seconds=self.min_delay_seconds, max_retries=1)
        try:
            loc = limited(query, exactly_one=True, language="zh")
        except Exception as err:  # geopy raises many kinds of network errors; report them as one
            raise OnlineLookupError(f"online lookup of {query!r} failed: {err}") from err
        cache[query] = None if loc is None else {"address": loc.address, "lat": loc.latitude, "lon": loc.longitude, "raw": {"online": True}}
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        self.cache_path.write_text(json.dumps(cache, ensure_ascii=False, indent=0), encoding="utf-8")
        if loc is None:
            return None
        return Location(loc.address, (loc.latitude, loc.longitude), {"online": True, "approximate": True})


class OfflineGeocoder:
    """geopy-style ``geocode``/``reverse`` over a :class:`Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, fallback: OnlineFallback | None = None) -> None:
        self.gaz = gazetteer if gazetteer is not None else load_gazetteer()
        self.fallback = fallback
        counties = [p for p in self.gaz.places.values() if p.level.value == "county"]
        self._counties = sorted(counties, key=lambda p: p.adcode)

    def _context(self, context: str | None) -> Counter[str]:
        counts: Counter[str] = Counter()
        if context:
            for m in find_places(context, gazetteer=self.gaz):
                place = self.gaz.place(m.adcode)
                counts.update(set(place.ancestors) | {place.adcode})
        return counts

    def _ranked(self, entries: tuple[NameEntry, ...], counts: Counter[str]) -> list[tuple[NameEntry, float]]:
        best: dict[str, NameEntry] = {}
        for e in entries:
            if e.adcode not in best or e.kind is NameKind.OFFICIAL:
                best[e.adcode] = e

        def weight(code: str) -> float:
            p = self.gaz.place(code)
            return 2 * counts[p.prefecture] * (p.prefecture != code) + counts[p.province] * (p.province != code)

        kind_rank = {NameKind.OFFICIAL: 0, NameKind.SHORT: 1, NameKind.HISTORICAL: 2, NameKind.HISTORICAL_SHORT: 3}
        order = sorted(best, key=lambda c: (-weight(c), self.gaz.place(c).level.rank, kind_rank[best[c].kind], c))
        total = sum(weight(c) for c in order)
        scores = [(weight(c) / total) if total else (1.0 / len(order)) for c in order]
        return [(best[c], round(s, 3)) for c, s in zip(order, scores)]

    def geocode(self, query: str, *, exactly_one: bool = True, context: str | None = None) -> Location | list[Location] | None:
        """Locate ``query`` (a place name, traditional or simplified, full or short).

        ``context`` is text around the query (an article) used to choose
        between same-named units. A query that only *contains* a place (an
        organisation such as 自贡市商务局) is located at that place with
        ``raw['approximate'] = True``. Returns ``None`` when nothing matches,
        one ``Location`` or, with ``exactly_one=False``, a list best first.
        Raises :class:`QueryError` for an empty or over-long query.
        """
        if not isinstance(query, str) or not query.strip():
            raise QueryError("geocode needs a non-empty place name, e.g. 郫县 or 平昌")
        if len(query) > MAX_QUERY_CHARS:
            raise QueryError(f"query has {len(query)} characters; geocode takes a name, use find_places for text")
        name = normalize(query.strip()).text
        entries = self.gaz.lookup(name)
        if entries:
            ranked = self._ranked(entries, self._context(context))
            locs = [
                _location(
                    self.gaz,
                    self.gaz.place(e.adcode),
                    score=s,
                    alternatives=[x.adcode for x, _ in ranked if x.adcode != e.adcode],
                    historical_name=name if e.is_historical else None,
                    changed_year=e.year if e.is_historical else None,
                    approximate=self.gaz.place(e.adcode).coord_source.startswith("parent:"),
                )
                for e, s in ranked
            ]
            return locs[0] if exactly_one else locs
        inner = find_places(query, gazetteer=self.gaz)
        if inner:
            # The most specific place named inside the query: 光大银行成都分行 → 成都市.
            m = sorted(inner, key=lambda x: (-x.level.rank, -x.score, x.start))[0]
            loc = _location(
                self.gaz,
                self.gaz.place(m.adcode),
                score=m.score,
                alternatives=list(m.alternatives),
                historical_name=m.historical_name,
                changed_year=m.changed_year,
                approximate=True,
                matched=m.mention,
            )
            return loc if exactly_one else [loc]
        if self.fallback is not None:
            loc = self.fallback.lookup(query.strip())
            if loc is not None:
                return loc if exactly_one else [loc]
        return None

    def reverse(self, point: tuple[float, float], *, exactly_one: bool = True) -> Location | list[Location] | None:
        """The nearest county-level unit to ``(lat, lon)`` (great-circle distance).

        Raises :class:`QueryError` for a point that is not two finite numbers in range.
        """
        try:
            lat, lon = float(point[0]), float(point[1])
        except (TypeError, ValueError, IndexError) as err:
            raise QueryError(f"reverse needs (lat, lon), got {point!r}") from err
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise QueryError(f"({lat}, {lon}) is not a valid (lat, lon)")
        rlat, rlon = math.radians(lat), math.radians(lon)

        def dist(p: Place) -> float:
            a = math.sin((math.radians(p.lat) - rlat) / 2) ** 2 + math.cos(rlat) * math.cos(math.radians(p.lat)) * math.sin((math.radians(p.lon) - rlon) / 2) ** 2
            return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))

        own = [p for p in self._counties if not p.coord_source.startswith("parent:")]
        ranked = sorted(own, key=dist)[: (1 if exactly_one else 5)]
        locs = [_location(self.gaz, p, distance_km=round(dist(p), 3), approximate=False) for p in ranked]
        return locs[0] if exactly_one else locs


_DEFAULT: OfflineGeocoder | None = None


def _default() -> OfflineGeocoder:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = OfflineGeocoder()
    return _DEFAULT


def geocode(query: str, *, exactly_one: bool = True, context: str | None = None) -> Location | list[Location] | None:
    """:meth:`OfflineGeocoder.geocode` on the default gazetteer, offline."""
    return _default().geocode(query, exactly_one=exactly_one, context=context)


def reverse(point: tuple[float, float], *, exactly_one: bool = True) -> Location | list[Location] | None:
    """:meth:`OfflineGeocoder.reverse` on the default gazetteer."""
    return _default().reverse(point, exactly_one=exactly_one)
