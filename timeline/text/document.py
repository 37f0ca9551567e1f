"""A decoded article: what the text stage hands to the rest of the pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Document"]


@dataclass(frozen=True)
class Document:
    """A decoded article. ``doc`` is the file's name; ``text`` is the decoded original."""

    doc: str
    text: str
    publication_date: dt.date | None = None
    url: str = ""
    title: str = ""
    source_path: str = ""
    publication_date_source: str = ""  # "meta", "stamp: <text>", or "" when unknown
