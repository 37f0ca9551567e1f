"""Sentences and clauses, as spans of a (normalised) text.

A sentence ends at 。！？!? or a line break (a closing quote or bracket right
after the stop stays with the sentence); a clause ends at ，,；;：: as well.
Leading and trailing spaces are not part of a span.

A sentence longer than :data:`MAX_SENTENCE_CHARS` (a page of text without a
stop) is cut into pieces of at most that many characters, after the last
clause mark (，、；：) inside each piece where there is one: rules that look
at a whole sentence then cost at most a bounded amount per piece, so the cost
of a text grows with its length, not with the square of its longest line.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["MAX_SENTENCE_CHARS", "sentences", "clauses", "join_wrapped_lines"]

MAX_SENTENCE_CHARS = 1000
_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”’」』)）\"]?)?")
_CLAUSE = re.compile(r"[^，,；;：:。！？!?\n]+")
_CUT_AFTER = re.compile(r"[，,、；;：:]")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _spans(pattern: re.Pattern[str], text: str, offset: int = 0) -> list[tuple[int, int]]:
    out = []
    for m in pattern.finditer(text):
        a, b = _trim(text, *m.span())
        if b > a:
            out.append((a + offset, b + offset))
    return out


def _cut(text: str, a: int, b: int, marks: list[int], limit: int) -> list[tuple[int, int]]:
    """``[a, b)`` in pieces of at most ``limit`` characters, each ending after a clause mark where one fits."""
    pieces = []
    while b - a > limit:
        i = bisect_right(marks, a + limit - 1) - 1  # the last mark at or before a + limit - 1
        cut = marks[i] + 1 if i >= 0 and marks[i] >= a else a + limit
        pieces.append(_trim(text, a, cut))
        a = cut
    pieces.append(_trim(text, a, b))
    return [(x, y) for x, y in pieces if y > x]


def sentences(text: str, *, max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence in ``text``; none longer than ``max_chars`` (see module docs)."""
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, not {max_chars}")
    spans = _spans(_SENTENCE, text)
    if all(b - a <= max_chars for a, b in spans):
        return spans
    marks = [m.start() for m in _CUT_AFTER.finditer(text)]
    out: list[tuple[int, int]] = []
    for a, b in spans:
        out.extend([(a, b)] if b - a <= max_chars else _cut(text, a, b, marks, max_chars))
    return out


def clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every clause of ``text[start:end]``, as offsets into ``text``."""
    end = len(text) if end is None else end
    return _spans(_CLAUSE, text[start:end], start)


# A page that breaks its sentences across lines (one fragment per line, often with blank lines between):
# most of its lines end in no stop and are short. Its line breaks inside a sentence are spaces.
_LINE = re.compile(r"[^\n]+")
_ENDS_STOP = re.compile(r"[。！？!?；;：:…”’」』)）\"]\s*$")
_SOFT_BREAK = re.compile(r"(?<=[^。！？!?；;：:…”’」』)）\"\s])[ \t\u3000]*\n\s*(?=\S)")
_WRAPPED_SHARE = 0.6  # of the text's characters, those in fragments
_WRAPPED_LINE = 60  # characters: a fragment, not a paragraph
_WRAPPED_MIN_LINES = 6


def join_wrapped_lines(text: str) -> str:
    """``text`` with the line breaks inside sentences made spaces, for a page that wraps its sentences
    across lines (对口支援喀什市\\n\\n和塔什库尔干塔吉克自治县); any other text unchanged. Same length."""
    lines = [m[0].strip() for m in _LINE.finditer(text)]
    lines = [x for x in lines if x]
    if len(lines) < _WRAPPED_MIN_LINES:
        return text
    # Fragments: short lines ending in no stop. Long unpunctuated lines are paragraphs of a page that uses no
    # stops; lines ending in one are sentences; menus are a small share of a page's text.
    fragments = [x for x in lines if len(x) <= _WRAPPED_LINE and not _ENDS_STOP.search(x)]
    if sum(map(len, fragments)) < _WRAPPED_SHARE * sum(map(len, lines)):
        return text
    return _SOFT_BREAK.sub(lambda m: " " * len(m[0]), text)
