"""CSV export that opens cleanly in Excel.

UTF-8 with a BOM (so Excel shows Chinese), one header row, empty cells for
missing values, and cells that a spreadsheet would read as a formula
(starting with = + - @, or a tab/carriage return) prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from enum import Enum
from pathlib import Path

from .models import DateMention

__all__ = ["DATE_COLUMNS", "neutralise", "write_csv", "dates_to_rows", "csv_text"]

DATE_COLUMNS = (
    "doc", "start", "end", "text", "year", "month", "day", "end_year", "end_month", "end_day",
    "precision", "basis", "kind",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """A cell's text, with spreadsheet formulas defused (CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def dates_to_rows(mentions: Iterable[DateMention]) -> list[dict[str, object]]:
    """Mentions as dicts keyed by :data:`DATE_COLUMNS`."""
    return [{k: v for k, v in asdict(m).items() if k in DATE_COLUMNS} for m in mentions]


def csv_text(rows: Iterable[dict[str, object]], columns: Sequence[str]) -> str:
    """The CSV as a string with a leading BOM, ready to save or download."""
    buf = io.StringIO(newline="")
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(row.get(c)) for c in columns])
    return buf.getvalue()


def write_csv(path: str | Path, rows: Iterable[dict[str, object]], columns: Sequence[str]) -> None:
    """Write ``rows`` to ``path`` as Excel-friendly CSV (see module docs)."""
    Path(path).write_text(csv_text(rows, columns), encoding="utf-8", newline="")
