"""Errors raised by :mod:`timeline`.

Every error derives from :class:`TimelineError`; each subclass also inherits
the builtin a caller would expect, so ``except ValueError`` keeps working.
Messages say what was wrong and what to do about it. ``str(err)`` is the English the terminal shows;
an error the app can meet also has a ``code`` and the ``params`` of its message, which the app words in
the user's language (:func:`timeline.views.labels.message`).
"""

from __future__ import annotations

__all__ = [
    "TimelineError",
    "DocumentError",
    "DecodeError",
    "EmptyDocumentError",
    "DocumentTooLargeError",
    "MetadataError",
    "OutputError",
    "WorkerError",
]


class TimelineError(Exception):
    """Root of every error raised by :mod:`timeline`.

    ``code`` (``""`` for none) names the message, ``params`` are its values (``name="a.txt"``): plain data,
    so the error keeps them across processes (pickling keeps ``__dict__``).
    """

    def __init__(self, message: str = "", *, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class DocumentError(TimelineError, ValueError):
    """An input document cannot be used. ``path`` names it."""

    def __init__(self, message: str, *, path: str = "", code: str = "", **params: object) -> None:
        super().__init__(message, code=code, **params)
        self.path = path


class DecodeError(DocumentError):
    """Raised when a file is not text in an encoding that can be told for sure (binary, an image, scrambled bytes)."""


class EmptyDocumentError(DocumentError):
    """Raised when a file holds no text at all."""


class DocumentTooLargeError(DocumentError):
    """Raised when a file is larger than the loader's ``max_bytes``."""


class MetadataError(TimelineError, ValueError):
    """Raised when a metadata CSV (``--meta``) is malformed: missing ``doc`` column, bad date."""


class OutputError(TimelineError, OSError):
    """Raised before any work when an output path (``--out``) cannot be written: its folder is missing
    or read-only, or the path is a folder."""


class WorkerError(TimelineError, RuntimeError):
    """Raised by the app's extraction worker (:mod:`timeline.views.offload`) when its process died before it
    answered; the next call starts a new one."""
