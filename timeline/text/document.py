"""A decoded article: what the text stage hands to the rest of the pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Document"]


@dataclass(frozen=True)
class Document:
    """A decoded article. ``doc`` names it (the file's name, or its path where two files share a
    name); ``text`` is the decoded original."""

    doc: str
    text: str
    publication_date: dt.date | None = None
    url: str = ""
    title: str = ""
    source_path: str = ""
    publication_date_source: str = ""  # "meta", "stamp: <text>", or "" when unknown
    warnings: tuple[str, ...] = ()  # what the reader should know: e.g. a page read whole, menus included
