"""Offline gazetteer and place recognition for Chinese news text.

Public API::

    find_places(text, *, doc="", gazetteer=None) -> list[PlaceMention]
    find_places_normalized(normalize(text), *, doc="", gazetteer=None) -> list[PlaceMention]
    geocode(query, *, exactly_one=True, context=None) -> Location | list[Location] | None
    reverse((lat, lon), *, exactly_one=True) -> Location | list[Location] | None
    load_gazetteer(data_dir=None) -> Gazetteer
    build_map_data(rows, *, aggregate_above=2000) -> dict   # GeoJSON for the map, pure
    to_geojson(data) -> dict                                # the arcs, for a GeoJSON export
    render_map(data, *, standalone=False, height=620) -> str  # HTML (imports folium on first use)
"""

from geo.errors import GeoError
from geo.gazetteer import Gazetteer, Level, Place, load_gazetteer
from geo.geocoder import OfflineGeocoder, OnlineFallback, geocode, reverse
from geo.map import build_map_data, to_geojson
from geo.places import PlaceMention, find_places, find_places_normalized

__all__ = [
    "find_places",
    "find_places_normalized",
    "geocode",
    "reverse",
    "load_gazetteer",
    "PlaceMention",
    "Place",
    "Gazetteer",
    "Level",
    "OfflineGeocoder",
    "OnlineFallback",
    "GeoError",
    "build_map_data",
    "to_geojson",
    "render_map",
]


def __getattr__(name: str):  # render_map imports folium, which only the map needs
    if name == "render_map":
        from geo.map.render import render_map

        return render_map
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
