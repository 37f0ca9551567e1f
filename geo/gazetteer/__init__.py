"""The offline gazetteer: every province, prefecture and county with its names and their senses.

Built once from open data (:mod:`~geo.gazetteer.build`, ``python -m geo build-gazetteer``) into ``data/``;
loaded and validated by :mod:`~geo.gazetteer.store`. Depends on nothing else in the pipeline.
"""

from geo.gazetteer.names import Level
from geo.gazetteer.store import Gazetteer, Place, load_gazetteer

__all__ = ["Gazetteer", "Level", "Place", "load_gazetteer"]
