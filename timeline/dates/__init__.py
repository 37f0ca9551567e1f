"""Stage 2, dates: the Chinese date grammar.

Rules are data (:mod:`timeline.dates.patterns`), run by a small engine (:mod:`timeline.dates.engine`);
normalisers (:mod:`timeline.dates.resolution`) turn a match into year, month, day, precision and the basis
of its year. Reads normalised text from :mod:`timeline.text`; knows nothing of places or events.
"""

from timeline.dates.engine import find_dates, find_dates_in_document, find_dates_normalized
from timeline.dates.mention import Basis, DateKind, DateMention, Precision

__all__ = [
    "Basis", "DateKind", "DateMention", "Precision", "find_dates", "find_dates_in_document",
    "find_dates_normalized",
]
