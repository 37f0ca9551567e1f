"""The date engine: runs the grammar over a text and returns :class:`DateMention` s.

>>> import datetime as dt
>>> [m.text for m in find_dates("2016年9月11日抵达，次年3月返回", publication_date=dt.date(2018, 5, 9))]
['2016年9月11日', '次年3月']
"""

from __future__ import annotations

from bisect import bisect_right

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.dates.mention import DateMention

from timeline.text.document import Document
from timeline.text.normalization import NormalizedText, normalize
from timeline.dates.patterns import RULES, Rule
from timeline.dates.resolution import NORMALISERS, Context

__all__ = ["find_dates", "find_dates_in_document"]


@dataclass(frozen=True)
class _Compiled:
    rule: Rule
    regex: re.Pattern[str]
    normaliser: object


@lru_cache(maxsize=1)
def _compiled() -> tuple[_Compiled, ...]:
    return tuple(_Compiled(r, r.compile(), NORMALISERS[r.normaliser]) for r in RULES)


def _matches(text: str, c: _Compiled):
    """Matches of one rule, with its ``not_after`` checks and ``prefixes`` applied.

    Yields ``(start, match)`` where ``start`` may lie before ``match.start()``
    when a prefix (截至, 从 …) is taken into the span.
    """
    rule, search = c.rule, c.regex.search
    pos = 0
    while (m := search(text, pos)) is not None:
        a = m.start()
        if a and (text[a - 1] in rule.not_after or any(text.endswith(w, 0, a) for w in rule.not_after_words)):
            pos = a + 1  # a shorter match may start inside this one
            continue
        start = a
        for prefix in rule.prefixes:
            if text.endswith(prefix, 0, a):
                start = a - len(prefix)
                break
        yield start, m
        pos = m.end() if m.end() > a else a + 1


def _candidates(text: str) -> list[tuple[int, int, int, int, re.Match[str], _Compiled]]:
    found = []
    for order, c in enumerate(_compiled()):
        for start, m in _matches(text, c):
            found.append((start, -(m.end() - start), -c.rule.priority, order, m, c))
    found.sort(key=lambda t: t[:4])
    return found


def find_dates_normalized(
    norm: NormalizedText, *, doc: str = "", publication_date: dt.date | None = None
) -> list[DateMention]:
    """Find every time expression in an already normalised text."""
    ctx = Context(publication_date=publication_date)
    out: list[DateMention] = []
    taken_until = 0
    # 同年/当年/次年 lean on a year stated in their own paragraph: a new paragraph forgets it
    # (当年作为浙江省援建指挥部副指挥长… opens a paragraph: "back then", not the year above).
    breaks = [b.start() for b in re.finditer("\n", norm.text)]
    paragraph = 0
    for start, _neglen, _p, _o, m, c in _candidates(norm.text):
        if start < taken_until:
            continue
        here = bisect_right(breaks, start)
        if here != paragraph:
            paragraph = here
            ctx.last_stated_year = None
        value = c.normaliser(m, ctx)
        if value is None:  # not a real date (2月30日, month 13): try shorter matches
            continue
        taken_until = m.end()
        a, b = norm.to_original(start, m.end())
        out.append(
            DateMention(
                doc=doc,
                start=a,
                end=b,
                text=norm.original[a:b],
                kind=value.kind or c.rule.kind,
                precision=value.precision,
                basis=value.basis,
                year=value.year,
                month=value.month,
                day=value.day,
                end_year=value.end_year,
                end_month=value.end_month,
                end_day=value.end_day,
                rule=c.rule.name,
            )
        )
    return out


def find_dates(
    text: str, *, doc: str = "", publication_date: dt.date | None = None
) -> list[DateMention]:
    """Find every time expression in ``text``.

    Parameters:
        text: the decoded original article; offsets refer to it.
        doc: the document's name, copied into each mention.
        publication_date: the reference for relative (今年) and inferred
            (3月) years. ``None`` leaves those years empty; the clock is
            never read.

    Returns:
        Mentions in text order, none overlapping; ``[]`` when there are none.
    """
    return find_dates_normalized(normalize(text), doc=doc, publication_date=publication_date)


def find_dates_in_document(document: Document) -> list[DateMention]:
    """:func:`find_dates` with the document's name and publication date."""
    return find_dates(document.text, doc=document.doc, publication_date=document.publication_date)
