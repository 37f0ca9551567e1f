"""What a name of the gazetteer may mean, precomputed for the recogniser.

A *sense* is one unit a name points to, with the facts the recogniser asks
of it on every mention (is it a short form, does it need corroboration, its
province, prefecture and ancestors, its rank when several units share the
name). Building them once per gazetteer keeps that work out of the per-text
loop of :mod:`geo.places.recognition`.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.gazetteer.store import Gazetteer
from geo.gazetteer.names import Level, NameEntry, NameKind

__all__ = ["Sense", "NameSenses", "build_senses"]

_KIND_RANK = {NameKind.OFFICIAL: 0, NameKind.SHORT: 1, NameKind.HISTORICAL: 2, NameKind.HISTORICAL_SHORT: 3}


@dataclass(frozen=True, slots=True)
class Sense:
    """One unit a name may point to.

    ``weak`` marks a short form that is a county's (马边) or an ordinary word
    (合作): read as a place only with corroboration. ``large`` marks a province
    or prefecture, ``province_level`` a province. ``order`` ranks same-named units: the larger unit first,
    then an official name before a short or historical one.
    """

    entry: NameEntry
    adcode: str
    official: bool
    short: bool
    weak: bool
    large: bool
    province_level: bool
    province: str
    prefecture: str
    ancestors: frozenset[str]
    order: tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class NameSenses:
    """A name with its senses and their summaries."""

    name: str
    senses: tuple[Sense, ...]
    codes: frozenset[str]
    ancestors: frozenset[str]  # union over the senses
    full: bool  # some sense is not a short form
    all_weak: bool
    single_full: str  # the adcode when the name has one sense and it is not short, else ""


# Official names that are also the words for a part of any city (郊区 "the suburbs", 城区, 东区): read as the unit
# only with corroboration, as a county's short form is (汕尾市城区, 攀枝花市东区).
GENERIC_NAMES = frozenset({"东区", "西区", "南区", "北区", "中区", "城区", "郊区", "矿区", "市中区"})


def _sense(gaz: Gazetteer, e: NameEntry) -> Sense:
    place = gaz.place(e.adcode)
    return Sense(
        entry=e,
        adcode=e.adcode,
        official=e.kind is NameKind.OFFICIAL,
        short=e.is_short,
        weak=(e.is_short and (e.common or place.level is Level.COUNTY)) or e.name in GENERIC_NAMES,
        large=place.level is not Level.COUNTY,
        province_level=place.level is Level.PROVINCE,
        province=place.province,
        prefecture=place.prefecture,
        ancestors=frozenset(place.ancestors),
        order=(place.level.rank, _KIND_RANK[e.kind], e.adcode),
    )


def build_senses(gaz: Gazetteer) -> dict[str, NameSenses]:
    """Every name of ``gaz`` → its :class:`NameSenses`."""
    out: dict[str, NameSenses] = {}
    for name, entries in gaz.names.items():
        senses = tuple(_sense(gaz, e) for e in entries)
        single = senses[0].adcode if len(senses) == 1 and not senses[0].short else ""
        out[name] = NameSenses(
            name=name,
            senses=senses,
            codes=frozenset(s.adcode for s in senses),
            ancestors=frozenset().union(*(s.ancestors for s in senses)),
            full=any(not s.short for s in senses),
            all_weak=all(s.weak for s in senses),
            single_full=single,
        )
    return out
