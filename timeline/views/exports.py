"""What the app's download buttons hand out: the CSV with its header in the chosen language or with
the machine column names, and a key that says when the map and the exports must be rebuilt.

>>> rows = [{"event_id": "a", "donor": "自贡市", "recipient": "平昌县"}]
>>> csv_for(rows, ("event_id", "donor"), "zh").splitlines()[0]
'\\ufeff事件编号,帮扶方'
>>> view_key(rows, "zh") == view_key([dict(rows[0])], "zh") != view_key(rows, "en")
True
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Mapping, Sequence

from timeline.events.export import csv_text
from timeline.views.labels import header_row
from timeline.views.summary import row_summary

__all__ = ["csv_for", "view_key"]

_KEYED = ("event_id", "doc", "year", "month", "day", "end_year", "date_text", "precision", "basis", "kind",
          "programme", "donor", "donor_lon", "donor_lat", "recipient", "recipient_lon", "recipient_lat",
          "amount_yuan", "people", "evidence", "summary")


def csv_for(rows: Iterable[Mapping[str, object]], columns: Sequence[str], lang: str | None) -> str:
    """The CSV of ``rows`` (``timeline.events.export.csv_text``: a BOM, cells defused for Excel) with its
    header row and ``summary`` in ``lang`` (:func:`~timeline.views.summary.row_summary`); ``None``: the
    machine column names and the extractor's English summary, as ``python -m timeline extract`` writes."""
    if lang is None:
        return csv_text(list(rows), columns)
    text = csv_text([{**r, "summary": row_summary(r, lang)} if "summary" in r else r for r in rows], columns)
    header = io.StringIO(newline="")
    csv.writer(header, lineterminator="\r\n").writerow(header_row(columns, lang))
    first_line_end = text.index("\r\n") + 2
    return "\ufeff" + header.getvalue() + text[first_line_end:]


def view_key(rows: Iterable[Mapping[str, object]], *extra: object) -> str:
    """A short fingerprint of what is in view (every row's values that the map, chart and exports show,
    in order) and of ``extra`` (language, sources…): equal keys, equal outputs, so a rerun with the same
    view can reuse them."""
    digest = hashlib.sha1()
    for row in rows:
        digest.update("\x1f".join(str(row.get(c)) for c in _KEYED).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
    digest.update(repr(extra).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]
