"""Saved web pages: the article's main text, title and stated date.

The page is parsed once by lxml with ``huge_tree`` (libxml2 otherwise stops at a nesting depth of 256
and drops the rest silently: old CMS pages with hundreds of unclosed ``<font>`` tags or nested
``<div>``s), then trafilatura removes menus, footers and ads from that tree. Trafilatura's cost grows
faster than the page, so a page of more than :data:`MAX_EXTRACTION_ELEMENTS` elements — and a page
where it finds no article — is read as the whole text of its body instead, with a warning saying so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from timeline.errors import EmptyDocumentError

__all__ = ["HtmlArticle", "html_to_article", "looks_like_html", "MAX_EXTRACTION_ELEMENTS"]

MAX_EXTRACTION_ELEMENTS = 20_000
_HTML = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"(?:<!doctype html|<html|<head|<body|<meta|<article|<div|<p[ >])",
    re.IGNORECASE | re.DOTALL,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")  # lxml and trafilatura refuse these
# Elements whose text is never the article's, and those that end a line of text.
_DROP = ("script", "style", "noscript", "template", "head", "nav", "footer", "header", "aside", "form", "select")
_BLOCKS = frozenset({
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
    "blockquote", "pre", "dd", "dt", "table", "ul", "ol", "hr",
})
_BLANK_LINES = re.compile(r"[ \t\u3000\xa0]*\n[\s\u3000\xa0]*")


@dataclass(frozen=True)
class HtmlArticle:
    """The main text of a saved web page, what its metadata says, and a warning if it was read whole."""

    text: str
    title: str
    date: dt.date | None
    warning: str = ""


def looks_like_html(text: str, name: str = "") -> bool:
    """True for a saved web page (by its name or its first tag; an XML declaration may come first)."""
    return name.lower().endswith((".htm", ".html", ".xhtml")) or bool(_HTML.match(text[:2000]))


def _parse(html: str):
    from lxml import html as lxml_html  # loaded on first use

    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, encoding="utf-8")
    # Bytes, because lxml refuses a str that carries an XML encoding declaration (XHTML pages).
    data = _NOT_XML.sub(" ", _XML_DECLARATION.sub("", html, count=1)).encode("utf-8")
    try:
        return lxml_html.document_fromstring(data, parser=parser)
    except Exception:  # lxml raises ParserError, XMLSyntaxError or ValueError on a page it cannot build
        return None


def _page_text(tree) -> str:
    """The text of the page's body, one line per block element, without scripts, menus or footers."""
    from lxml import etree

    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    skip_depth = 0
    for action, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if action == "start":
            if tag in _DROP:
                skip_depth += 1
            elif skip_depth == 0 and el.text:
                parts.append(el.text)
        else:
            if tag in _DROP:
                skip_depth -= 1
            elif skip_depth == 0 and tag in _BLOCKS:
                parts.append("\n")
            if skip_depth == 0 and el.tail and el is not root:
                parts.append(el.tail)
    return _BLANK_LINES.sub("\n", "".join(parts)).strip()


def _title_of(tree) -> str:
    title = tree.find(".//title")
    return (title.text_content() or "").strip() if title is not None else ""


def html_to_article(html: str, *, name: str = "<html>") -> HtmlArticle:
    """Extract a page's main text with trafilatura (menus, footers and ads dropped).

    The date is the one the page's metadata states; trafilatura is told not to guess one from the
    text or the clock. A page too large for trafilatura, or one where it finds no article, is read
    whole, with :attr:`HtmlArticle.warning` saying so.

    Raises:
        EmptyDocumentError: the page has no text at all.
    """
    tree = _parse(html)
    if tree is None:
        raise EmptyDocumentError(f"{name}: the web page cannot be parsed as HTML; save its text as .txt.",
                                 path=name, code="page.unparsable", name=name)
    elements = sum(1 for _ in tree.iter())
    text, title, date = "", "", None
    if elements <= MAX_EXTRACTION_ELEMENTS:
        import trafilatura  # loaded on first use

        doc = trafilatura.bare_extraction(
            tree, with_metadata=True, favor_recall=True, include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        if doc is not None:
            text, title = doc.text or "", doc.title or ""
            if doc.date:
                try:
                    date = dt.date.fromisoformat(doc.date[:10])
                except ValueError:
                    date = None
        if text.strip():
            return HtmlArticle(text=text, title=title, date=date)
        why = "no article was found in it"
    else:
        why = f"it has {elements:,} elements, more than the {MAX_EXTRACTION_ELEMENTS:,} menus are removed from"
    text = _page_text(tree)
    if not text:
        raise EmptyDocumentError(f"{name}: no article text found in this web page.", path=name, code="page.no_text",
                                 name=name)
    return HtmlArticle(
        text=text, title=title or _title_of(tree), date=date,
        warning=f"{name}: read the whole text of the page, menus and footers included, because {why}.",
    )
