"""Mentions of one event become one event with all its evidence.

An article names its pair many times: in the headline, the lead, a caption,
the body. A reader counts one event per pair, kind and date, so mentions of
the same donors, recipients, kind and date merge, keeping every sentence
that states it (:attr:`Event.spans`). A mention that states no date joins
the one dated event of its pair and kind when the article dates it exactly
once (it cannot be told apart from it); with several dates it stays apart.
"""

from __future__ import annotations

from dataclasses import replace

from timeline.events.direction import key
from timeline.events.model import Event

__all__ = ["merge_mentions"]


def _date_key(ev: Event) -> tuple | None:
    d = ev.date
    if d is None or not d.has_year:
        return None
    return (d.year, d.month, d.day, d.end_year, d.end_month, d.end_day)


def _pair_key(ev: Event) -> tuple:
    return (ev.doc, ev.kind, tuple(key(p) for p in ev.donors), tuple(key(p) for p in ev.recipients))


def _join(first: Event, other: Event) -> Event:
    return replace(
        first,
        spans=first.spans + tuple(s for s in other.spans if s not in first.spans),
        amount_yuan=first.amount_yuan if first.amount_yuan is not None else other.amount_yuan,
        people=first.people if first.people is not None else other.people,
    )


def merge_mentions(events: list[Event]) -> list[Event]:
    """``events`` with mentions of one pair, kind and date merged, in text order of their first mention."""
    groups: dict[tuple, list[int]] = {}
    for n, ev in enumerate(events):
        groups.setdefault(_pair_key(ev), []).append(n)
    target: dict[int, int] = {}  # event index -> index of the event it merges into
    for members in groups.values():
        by_date: dict[tuple | None, int] = {}
        for n in members:
            by_date.setdefault(_date_key(events[n]), n)
        dated = [k for k in by_date if k is not None]
        for n in members:
            k = _date_key(events[n])
            if k is None and len(dated) == 1:
                k = dated[0]
            target[n] = by_date[k]
    merged: dict[int, Event] = {}
    for n, ev in enumerate(events):
        t = target[n]
        if t == n and t not in merged:
            merged[t] = ev
        elif t in merged:
            merged[t] = _join(merged[t], ev)
        else:  # an undated mention before the dated one it joins: the dated one leads
            merged[t] = replace(events[t], spans=ev.spans + tuple(s for s in events[t].spans if s not in ev.spans))
    first: dict[int, int] = {}
    for n in range(len(events)):
        first.setdefault(target[n], n)
    return [merged[t] for t in sorted(merged, key=first.__getitem__)]
