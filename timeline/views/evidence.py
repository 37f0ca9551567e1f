"""The evidence panel: an article with its evidence sentence highlighted, and where the article comes from.

Everything is escaped before it is marked up: the text is news, untrusted.

>>> evidence_view("前文。自贡市对口帮扶平昌县。后文", 3, 14)
('前文。', '自贡市对口帮扶平昌县。', '后文')
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from timeline.text.document import Document
from timeline.views.labels import date_source_label, ui

__all__ = ["evidence_view", "evidence_html", "source_lines", "source_html", "source_index"]


def evidence_view(document_text: str, char_start: int, char_end: int, *,
                  context: int | None = None) -> tuple[str, str, str]:
    """The article split around its evidence: (before, sentence, after).

    ``context`` keeps at most that many characters on each side (cut with "…").

    Raises:
        ValueError: offsets outside the text or reversed (the row is not from this text).
    """
    if not 0 <= char_start <= char_end <= len(document_text):
        raise ValueError(f"evidence offsets {char_start}–{char_end} are outside the article "
                         f"({len(document_text)} characters); was the row extracted from another version of it?")
    before, sentence, after = (document_text[:char_start], document_text[char_start:char_end],
                               document_text[char_end:])
    if context is not None:
        if len(before) > context:
            before = "…" + before[len(before) - context:]
        if len(after) > context:
            after = after[:context] + "…"
    return before, sentence, after


def evidence_html(document_text: str, char_start: int, char_end: int, *, context: int | None = None) -> str:
    """The article as escaped HTML with the evidence sentence in ``<mark>``; line breaks kept."""
    before, sentence, after = evidence_view(document_text, char_start, char_end, context=context)

    def text(part: str) -> str:
        return html.escape(part, quote=True).replace("\n", "<br>")

    return (f'<div class="atlas-evidence" style="line-height:1.7">{text(before)}'
            f"<mark>{text(sentence)}</mark>{text(after)}</div>")


def source_lines(document: Document, lang: str = "en") -> list[str]:
    """Where an article comes from, as plain lines in ``lang``: title, publication date and its source,
    address, file."""
    lines = []
    if document.title:
        lines.append(document.title)
    if document.publication_date is not None:
        source = document.publication_date_source
        how = ui("published_how", lang, how=date_source_label(source, lang)) if source else ""
        lines.append(ui("published", lang, date=document.publication_date.isoformat()) + how)
    else:
        lines.append(ui("no_date", lang))
    if document.url:
        lines.append(document.url)
    lines.append(ui("file", lang, doc=document.doc))
    return lines


def source_html(summary: str, document: Document, lang: str = "en") -> str:
    """The evidence panel's heading as escaped HTML: the event's summary, then :func:`source_lines`
    (the address a link only when it is http(s))."""
    parts = []
    for line in source_lines(document, lang):
        if line == document.url and line.startswith(("https://", "http://")):
            url = html.escape(line, quote=True)
            parts.append(f'<a href="{url}" target="_blank" rel="noopener noreferrer">{url}</a>')
        else:
            parts.append(html.escape(line))
    return (f"<p style=\"margin:0\"><b>{html.escape(summary)}</b></p>"
            f'<p style="margin:0 0 .5em;font-size:.85em;opacity:.75">{"<br>".join(parts)}</p>')


def source_index(documents: Mapping[str, Document] | Iterable[Document]) -> dict[str, dict[str, str]]:
    """Article name → ``{"title", "url", "published"}`` for the map's relation cards (plain strings, ``""`` when
    unknown); the title falls back to the file name."""
    docs = documents.values() if isinstance(documents, Mapping) else documents
    return {d.doc: {"title": d.title or d.doc, "url": d.url or "",
                    "published": d.publication_date.isoformat() if d.publication_date else ""} for d in docs}
