"""A relation's card as compact data, and the card's HTML built from it.

The map page carries each card as data, not HTML (a large map's cards were most of its bytes): a dict
``{"title", "meta", "more", "events"}`` whose ``events`` are lists in the order of
:data:`CARD_EVENT_FIELDS` (the date as written and at its precision, the kind and programme as an index
into the page's ``facts`` list, amounts, a correction note, the evidence as an index into its ``evidence``
list, the source as an index into its ``sources`` list). Those lists hold each entry once: one sentence
behind several relations (an event with several recipients) and an article behind many events are sent once.

The browser builds the card's HTML on click (``atlas_map.js``, ``cardHtml``); :func:`card_html` builds
the same HTML in Python, for tests and for any caller without a browser. Every text is escaped in both:
the text is news, untrusted.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Hashable, Mapping, Sequence

__all__ = ["CARD_EVENT_FIELDS", "PageTable", "card_html", "source_entry"]

# What each event of a card holds, in this order.
CARD_EVENT_FIELDS = ("event_id", "when", "facts", "amounts", "corrected", "evidence", "source")
SOURCE_TITLE_MAX = 80


class PageTable:
    """Values listed once per page, each referred to by its index (first come, first listed)."""

    def __init__(self) -> None:
        self.items: list[object] = []
        self._index: dict[Hashable, int] = {}

    def index(self, key: Hashable, value: Callable[..., object] | None = None, *args: object) -> int:
        """The index of ``key``'s entry (``value(*args)``, or ``key`` itself), listed on first use."""
        found = self._index.get(key)
        if found is None:
            found = self._index[key] = len(self.items)
            self.items.append(key if value is None else value(*args))
        return found


def source_entry(doc: str, sources: Mapping[str, Mapping[str, object]]) -> list[str]:
    """``[label, url]`` of the article ``doc`` for the page's source list: its title (else its name), cut to
    80 characters, and its address if it is a web address (else ``""``: only web addresses become links)."""
    info = sources.get(doc) or {}
    title = str(info.get("title") or doc)
    url = str(info.get("url") or "")
    label = title if len(title) <= SOURCE_TITLE_MAX else title[: SOURCE_TITLE_MAX - 1] + "…"
    return [label, url if url.startswith(("https://", "http://")) else ""]


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def card_html(card: Mapping, lists: Mapping[str, Sequence]) -> str:
    """The card's HTML from its compact data (a relation's ``card``) and the page's lists it refers to
    (``lists["facts"]``, ``["evidence"]``, ``["sources"]``: :func:`geo.map.data.build_map_data`'s output
    holds them); what ``cardHtml`` in ``atlas_map.js`` builds.

    Raises :class:`IndexError` if an event refers to an entry the lists do not have, :class:`KeyError`
    without a list.
    """
    items = []
    for event_id, when, facts, amounts, corrected, text, source in card["events"]:
        label, url = lists["sources"][source]
        link = (f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(label)}</a>' if url
                else f"<span>{_e(label)}</span>")
        items.append(
            f'<li data-event="{_e(event_id)}"><b>{_e(when)}</b> · {_e(lists["facts"][facts])}'
            + (f" · {_e(amounts)}" if amounts else "")
            + (f'<div class="atlas-corrected">{_e(corrected)}</div>' if corrected else "")
            + f'<div class="atlas-evidence">{_e(lists["evidence"][text])}</div><div class="atlas-source">{link}</div></li>')
    return (f'<div class="atlas-card"><div class="atlas-card-title">{_e(card["title"])}</div>'
            f'<div class="atlas-card-meta">{_e(card["meta"])}</div><ol>{"".join(items)}</ol>'
            + (f'<div class="atlas-card-more">{_e(card["more"])}</div>' if card["more"] else "")
            + "</div>")
