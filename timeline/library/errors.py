"""Errors raised by :mod:`timeline.library` (all are :class:`~timeline.errors.TimelineError`)."""

from __future__ import annotations

from timeline.errors import TimelineError

__all__ = ["LibraryError", "LibraryBusyError", "LibraryVersionError", "UnknownDocumentError"]


class LibraryError(TimelineError):
    """Root of the library's errors; also raised when the library file cannot be opened at all."""


class LibraryBusyError(LibraryError, TimeoutError):
    """Raised when another program (the app, another ``library add``) kept the library past the wait."""


class LibraryVersionError(LibraryError, RuntimeError):
    """Raised when the library was written by a newer Pairing Atlas (its schema is ahead of this code)."""


class UnknownDocumentError(LibraryError, LookupError):
    """Raised when a document named by the user is not in the library."""
