"""Sentences the events stage reads, bounded in length, and the paragraphs they sit in.

Every rule of :mod:`timeline.events.direction` looks only inside one
sentence, so the cost of a sentence is what bounds the cost of an article.
A sentence longer than :data:`MAX_SENTENCE` (an unpunctuated page, a table
flattened into one line) is cut into pieces at its last clause mark before
the bound, else at the bound itself, never inside a place's name: the cost of
the events stage stays linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from collections.abc import Sequence

from timeline.text.segmentation import clauses, sentences

__all__ = ["MAX_SENTENCE", "bounded_sentences", "bracket_around", "paragraph_ids", "sentence_clauses"]

# Real sentences of official news run to ~450 characters (a semicolon-joined
# list of pairs); beyond this a "sentence" is a page without punctuation.
MAX_SENTENCE = 600
_CLAUSE_MARKS = "；;，,：:、"


def _cut(text: str, s: int, e: int, starts: Sequence[int], ends: Sequence[int]) -> list[tuple[int, int]]:
    out = []
    while e - s > MAX_SENTENCE:
        limit = s + MAX_SENTENCE
        cut = max(text.rfind(mark, s + MAX_SENTENCE // 2, limit) for mark in _CLAUSE_MARKS)
        cut = cut + 1 if cut > 0 else limit
        # Never inside a token: move the cut back to the start of a token that straddles it.
        i = bisect_left(ends, cut + 1)  # first token ending after the cut
        if i < len(starts) and starts[i] < cut:
            cut = starts[i] if starts[i] > s else ends[i]
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def bounded_sentences(text: str, token_spans: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``, none longer than :data:`MAX_SENTENCE`.

    ``token_spans`` (sorted, non-overlapping) are spans a cut must not split.
    """
    out = sentences(text)
    if all(e - s <= MAX_SENTENCE for s, e in out):
        return out
    starts = [a for a, _ in token_spans]
    ends = [b for _, b in token_spans]
    bounded: list[tuple[int, int]] = []
    for s, e in out:
        bounded.extend([(s, e)] if e - s <= MAX_SENTENCE else _cut(text, s, e, starts, ends))
    return bounded


def paragraph_ids(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """The paragraph (line) number of each span: a line break ends a paragraph."""
    breaks = [m.start() for m in re.finditer("\n", text)]
    return [bisect_right(breaks, s) for s, _ in spans]


@lru_cache(maxsize=256)
def sentence_clauses(text: str, s: int, e: int) -> tuple[tuple[int, int], ...]:
    """The clauses of sentence ``text[s:e]``, computed once for every rule and the dating that read it."""
    return tuple(clauses(text, s, e))


def bracket_around(text: str, start: int, end: int, reach: int, lo: int = 0, hi: int | None = None,
                   ) -> tuple[int, int] | None:
    """The ``(open, close)`` offsets of the brackets, ``( )`` or ``（ ）``, that hold ``text[start:end]``, each
    within ``reach`` characters of it and inside ``[lo, hi)``; ``None`` when it stands in no bracket."""
    hi = len(text) if hi is None else hi
    floor = max(lo, start - reach)
    opened = max(text.rfind("(", floor, start), text.rfind("（", floor, start))
    if opened < 0 or max(text.rfind(")", opened, start), text.rfind("）", opened, start)) >= 0:
        return None
    ceiling = min(hi, end + reach)
    closes = [c for c in (text.find(")", end, ceiling), text.find("）", end, ceiling)) if c >= 0]
    return (opened, min(closes)) if closes else None
