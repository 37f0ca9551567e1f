"""Errors raised by :mod:`timeline.corpus` (all are :class:`~timeline.errors.TimelineError`)."""

from __future__ import annotations

from timeline.errors import TimelineError

__all__ = ["CorpusError", "ClusterError", "OutputError"]


class CorpusError(TimelineError):
    """Root of the errors of a corpus run."""


class ClusterError(CorpusError, ConnectionError):
    """Raised when the Dask cluster cannot be started or its scheduler cannot be reached."""


class OutputError(CorpusError, OSError):
    """Raised when the output file cannot be written (a missing folder, no permission, a full disk)."""
