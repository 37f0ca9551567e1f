"""Errors raised by :mod:`timeline`.

Every error derives from :class:`TimelineError`; each subclass also inherits
the builtin a caller would expect, so ``except ValueError`` keeps working.
Messages say what was wrong and what to do about it.
"""

from __future__ import annotations

__all__ = [
    "TimelineError",
    "DocumentError",
    "DecodeError",
    "EmptyDocumentError",
    "DocumentTooLargeError",
    "MetadataError",
]


class TimelineError(Exception):
    """Root of every error raised by :mod:`timeline`."""


class DocumentError(TimelineError, ValueError):
    """An input document cannot be used. ``path`` names it."""

    def __init__(self, message: str, *, path: str = "") -> None:
        super().__init__(message)
        self.path = path


class DecodeError(DocumentError):
    """Raised when a file is neither UTF-8 nor GB18030 text (binary, an image, another encoding)."""


class EmptyDocumentError(DocumentError):
    """Raised when a file holds no text at all."""


class DocumentTooLargeError(DocumentError):
    """Raised when a file is larger than the loader's ``max_bytes``."""


class MetadataError(TimelineError, ValueError):
    """Raised when a metadata CSV (``--meta``) is malformed: missing ``doc`` column, bad date."""
