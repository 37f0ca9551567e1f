"""Offline gazetteer and place recognition for Chinese news text.

Public API::

    find_places(text, *, doc="", gazetteer=None) -> list[PlaceMention]
    find_places_normalized(normalize(text), *, doc="", gazetteer=None) -> list[PlaceMention]
    geocode(query, *, exactly_one=True, context=None) -> Location | list[Location] | None
    reverse((lat, lon), *, exactly_one=True) -> Location | list[Location] | None
    load_gazetteer(data_dir=None) -> Gazetteer
"""

from geo.errors import GeoError
from geo.gazetteer import Gazetteer, Place, load_gazetteer
from geo.geocoder import OfflineGeocoder, OnlineFallback, geocode, reverse
from geo.names import Level
from geo.recognition import PlaceMention, find_places, find_places_normalized

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
]
