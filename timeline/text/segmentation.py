"""Sentences and clauses, as spans of a (normalised) text.

A sentence ends at 。！？!? or a line break (a closing quote or bracket right
after the stop stays with the sentence); a clause ends at ，,；;：: as well.
Leading and trailing spaces are not part of a span.
"""

from __future__ import annotations

import re

__all__ = ["sentences", "clauses"]

_SENTENCE = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”’」』)）\"]?)?")
_CLAUSE = re.compile(r"[^，,；;：:。！？!?\n]+")


def _spans(pattern: re.Pattern[str], text: str, offset: int = 0) -> list[tuple[int, int]]:
    out = []
    for m in pattern.finditer(text):
        a, b = m.span()
        seg = m[0]
        a += len(seg) - len(seg.lstrip())
        b -= len(seg) - len(seg.rstrip())
        if b > a:
            out.append((a + offset, b + offset))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence in ``text``."""
    return _spans(_SENTENCE, text)


def clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every clause of ``text[start:end]``, as offsets into ``text``."""
    end = len(text) if end is None else end
    return _spans(_CLAUSE, text[start:end], start)
