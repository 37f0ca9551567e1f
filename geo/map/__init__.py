"""The map: GeoJSON data built by pure functions (:mod:`~geo.map.data`), rendered by folium
(:mod:`~geo.map.render`) with assets from the npm packages (:mod:`~geo.map.assets`).

Takes event rows; depends on no extraction code.
"""

from geo.map.data import build_map_data, to_geojson

__all__ = ["build_map_data", "to_geojson"]
