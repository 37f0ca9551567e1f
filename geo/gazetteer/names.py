"""The names a place goes by: official name, short forms, historical names.

Pure functions over strings. Short forms follow the rules of Chinese
administrative naming: a unit's generic suffix (省, 市, 县, 区, 旗, 地区, 盟,
自治州, 自治县 …) is dropped together with the ethnic names that precede an
autonomous suffix (马边彝族自治县 → 马边, 阿坝藏族羌族自治州 → 阿坝 and 阿坝州).
A stem of one character is never a short form (理县 stays 理县), because one
character is almost always an ordinary word.

Traditional characters are not listed here: texts and queries go through
:func:`timeline.text.normalization.normalize` (OpenCC t2s) before any lookup, so 郫縣
is read as 郫县.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Level", "NameKind", "NameEntry", "stem_of", "short_forms", "level_of_adcode", "strip_ethnic", "earlier_suffixes",
]


class Level(StrEnum):
    """Administrative level of a unit, from the 6-digit adcode."""

    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"

    @property
    def rank(self) -> int:
        """0 for a province, 1 for a prefecture, 2 for a county: smaller is larger."""
        return {"province": 0, "prefecture": 1, "county": 2}[self.value]


class NameKind(StrEnum):
    """How a name relates to the unit it points to."""

    OFFICIAL = "official"  # today's full name: 郫都区
    SHORT = "short"  # a short form of today's name: 平昌, 阿坝州
    HISTORICAL = "historical"  # a former full name: 郫县 (→ 郫都区)
    HISTORICAL_SHORT = "historical_short"  # a short form of a former name


@dataclass(frozen=True)
class NameEntry:
    """One name → one unit, with what kind of name it is.

    ``common`` is true when the name is also an ordinary word of the language
    (合作, 白银): such a name is only read as a place with corroboration.
    ``year`` is the year of the change for a historical name, when known.
    """

    name: str
    adcode: str
    kind: NameKind
    common: bool = False
    year: int | None = None
    former_adcode: str = ""

    @property
    def is_short(self) -> bool:
        return self.kind in (NameKind.SHORT, NameKind.HISTORICAL_SHORT)

    @property
    def is_historical(self) -> bool:
        return self.kind in (NameKind.HISTORICAL, NameKind.HISTORICAL_SHORT)


# Generic suffixes, longest first so 自治州 wins over 州.
_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "行政区",
    "地区",
    "新区",
    "林区",
    "特区",
    "矿区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
)
# Suffixes whose short form keeps a one-character marker news uses: 阿坝州.
_KEEP_MARKER = {"自治州": "州"}
# Suffixes whose stem alone is not a name of the unit: 滨海新区 is not 滨海.
_NO_SHORT = {"新区", "行政区", "矿区"}
# A banner of a wing (察哈尔右翼前旗) goes by its first character, the wing and the position: 察右前旗.
_WING = re.compile(r"^(.{2,4}?)(左|右)翼(前|中|后)$")


def level_of_adcode(adcode: str) -> Level:
    """The level encoded in a 6-digit adcode: ``XX0000`` province, ``XXXX00`` prefecture."""
    if len(adcode) != 6 or not adcode.isdigit():
        raise ValueError(f"adcode {adcode!r} is not 6 digits")
    if adcode.endswith("0000"):
        return Level.PROVINCE
    if adcode.endswith("00"):
        return Level.PREFECTURE
    return Level.COUNTY


def strip_ethnic(stem: str, nations: tuple[str, ...]) -> str:
    """Remove ethnic names from the end of ``stem`` (马边彝族 → 马边, 广西壮族 → 广西).

    ``nations`` lists ethnic names with 族 (彝族); the form without 族 is also
    stripped (维吾尔自治区 → 新疆维吾尔 → 新疆).
    """
    forms = sorted({n for n in nations} | {n[:-1] for n in nations if n.endswith("族") and len(n) > 2}, key=len, reverse=True)
    forms = [f for f in forms if f] + ["各族"]
    changed = True
    while changed and stem:
        changed = False
        for f in forms:
            if stem.endswith(f) and len(stem) > len(f):
                stem = stem[: -len(f)]
                changed = True
                break
    return stem


def stem_of(name: str, nations: tuple[str, ...] = ()) -> tuple[str, str]:
    """Split ``name`` into (stem, suffix); the stem has ethnic names removed.

    ``('', '')`` is never returned for a non-empty name: a name without a known
    suffix is its own stem with an empty suffix.
    """
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix == "特别行政区":
                stripped = strip_ethnic(stem, nations)
                # 内蒙古自治区: where the nation is the name itself (内 + 蒙古), the name keeps it.
                stem = stripped if len(stripped) >= 2 else stem
                if stem in nations and stem.endswith("族") and len(stem) >= 3:
                    stem = stem[:-1]  # 东乡族自治县: the county is named for its people alone, 东乡(县)
            return stem, suffix
    return name, ""


def short_forms(name: str, level: Level, nations: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The short forms of an official ``name`` at ``level``, most specific first.

    Examples: 平昌县 → (平昌,), 阿坝藏族羌族自治州 → (阿坝州, 阿坝),
    马边彝族自治县 → (马边县, 马边), 理县 → () because 理 is one character.
    """
    stem, suffix = stem_of(name, nations)
    if not suffix or suffix in _NO_SHORT or len(stem) < 2:
        return ()
    out: list[str] = []
    if suffix in _KEEP_MARKER:
        out.append(stem + _KEEP_MARKER[suffix])
    if suffix == "自治县":
        out.append(stem + "县")
    if suffix == "自治旗":
        out.append(stem + "旗")
    wing = _WING.match(stem) if suffix == "旗" else None
    if wing:  # 察哈尔右翼前旗 → 察右前旗, 科尔沁左翼中旗 → 科左中旗
        out.append(wing[1][0] + wing[2] + wing[3] + "旗")
    out.append(stem)
    return tuple(dict.fromkeys(f for f in out if f != name))


# What a county-level unit was before its last change of status: a county became a county-level city (撤县设市:
# 香格里拉县 → 香格里拉市) or a district (撤县设区: 双流县 → 双流区), a county-level city a district (江都市 → 江都区).
# Units do not go back, so a county's name gives no earlier form.
_EARLIER_SUFFIXES = {"市": ("县",), "区": ("县", "市")}


def earlier_suffixes(name: str, level: Level) -> tuple[str, ...]:
    """The names a county-level unit had under an earlier status: 香格里拉市 → (香格里拉县,); 双流区 → (双流县, 双流市).

    Only a plain 市 or 区 of two characters or more before it; not 新区, 矿区, 林区 or 特区 (not former counties).
    """
    if level is not Level.COUNTY or name.endswith(("新区", "矿区", "林区", "特区", "自治区")):
        return ()
    stem, suffix = name[:-1], name[-1:]
    if len(stem) < 2 or suffix not in _EARLIER_SUFFIXES:
        return ()
    return tuple(stem + s for s in _EARLIER_SUFFIXES[suffix])
