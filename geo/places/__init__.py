"""Place mentions in text: recognition over the gazetteer's names, segmentation, the senses a context decides.

Reads normalised text (:mod:`timeline.text`) and the gazetteer (:mod:`geo.gazetteer`).
"""

from geo.places.recognition import PlaceMention, find_places, find_places_normalized

__all__ = ["PlaceMention", "find_places", "find_places_normalized"]
