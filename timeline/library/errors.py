"""Errors raised by :mod:`timeline.library` (all are :class:`~timeline.errors.TimelineError`)."""

from __future__ import annotations

from timeline.errors import TimelineError

__all__ = ["LibraryError", "LibraryBusyError", "LibraryVersionError", "UnknownDocumentError", "CorrectionError",
           "CellError", "UnknownCorrectionError"]


class LibraryError(TimelineError):
    """Root of the library's errors; also raised when the library file cannot be opened at all."""


class LibraryBusyError(LibraryError, TimeoutError):
    """Raised when another program (the app, another ``library add``) kept the library past the wait."""


class LibraryVersionError(LibraryError, RuntimeError):
    """Raised when the library was written by a newer Pairing Atlas (its schema is ahead of this code)."""


class UnknownDocumentError(LibraryError, LookupError):
    """Raised when a document named by the user is not in the library."""


class CorrectionError(LibraryError, ValueError):
    """Raised when corrections are refused: a file that is not an events or corrections CSV, a missing key
    column, an unknown or ambiguous place, an impossible date. Nothing of the file is applied."""


class CellError(CorrectionError):
    """Raised for one cell of an edited CSV that cannot be taken (not a whole number, an impossible date, an
    unknown or ambiguous place); checking a file collects them, with their lines, into one CorrectionError."""


class UnknownCorrectionError(LibraryError, LookupError):
    """Raised when a correction named by the user (to undo it) is not in the library, or is already undone."""
