"""A time expression found in text: its span, value, precision and where its year comes from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Precision", "Basis", "DateKind", "DateMention"]


class Precision(StrEnum):
    """How fine the expression is, whether or not its year is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    UNKNOWN = "unknown"



class Basis(StrEnum):
    """Where the year of a mention comes from."""

    STATED = "stated"  # written in the expression itself
    RELATIVE = "relative"  # 今年, 去年, 同年 … resolved against a reference date
    INFERRED = "inferred"  # a month/day without a year, placed by the publication date
    NOT_STATED = "not_stated"  # no year can be known: it stays empty
    CONTEXT = "context"  # an event's sentence states no date; the dated sentence it continues does
    CORRECTED = "corrected"  # a person's correction of the extracted year (timeline.library.corrections)



class DateKind(StrEnum):
    """The form of the expression."""

    DATE = "date"  # a year with a month (and day), or a month with a day
    YEAR = "year"
    MONTH_ONLY = "month_only"
    RANGE = "range"
    RELATIVE = "relative"
    DURATION = "duration"
    DECADE = "decade"
    SEASON = "season"



@dataclass(frozen=True)
class DateMention:
    """One time expression found in a document.

    ``start``/``end`` are offsets in the decoded original text and
    ``text == original[start:end]``. Year, month and day are ``None`` where
    the text does not state them and nothing else can honestly supply them.
    """

    doc: str
    start: int
    end: int
    text: str
    kind: DateKind
    precision: Precision
    basis: Basis
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    rule: str = field(default="", compare=False)

    @property
    def has_year(self) -> bool:
        return self.year is not None
