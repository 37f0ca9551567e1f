"""Programme names made of place abbreviations: 京蒙, 沪滇, 闽宁, 粤桂, 浙川, 鲁渝, 京宛 …

A pairing programme is often named by the standard one-character
abbreviations (简称) of its two places, the giver first: 京蒙协作 is Beijing's
help to Inner Mongolia. The abbreviations are read only in such a compound
standing right before a cooperation word (协作, 合作, 对口, 帮扶, 扶贫, 两地 …),
never anywhere else, and never inside a place's own name (青川 is a county,
not 青海 + 四川). Regional cooperation between peers (川渝合作, 京津冀协同) is
not aid: a compound counts only when the programmes' geography agrees that
the first gives to the second, or its word is a word of directed aid (京宛对口协作).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

from timeline.events.model import PartyKind
from timeline.events.parties import Token

__all__ = ["ABBREVIATIONS", "abbreviation_token", "programme_name_tokens"]

# The standard abbreviations of the provinces, and the few prefecture ones programmes are named with.
ABBREVIATIONS: dict[str, str] = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
    "蒙": "内蒙古自治区", "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省",
    "皖": "安徽省", "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省",
    "湘": "湖南省", "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "川": "四川省", "黔": "贵州省",
    "滇": "云南省", "藏": "西藏自治区", "陕": "陕西省", "甘": "甘肃省", "陇": "甘肃省", "青": "青海省",
    "宁": "宁夏回族自治区", "疆": "新疆维吾尔自治区",
    # Prefectures whose abbreviation names a programme (南水北调: 京宛 = 北京 → 南阳).
    "宛": "南阳市",
}
# The cooperation words a programme's name stands before, with the few words allowed between
# (京蒙统一战线协作, 沪滇产业协作); 对口/帮扶/援 name directed aid.
_DIRECTED_WORDS = ("对口", "帮扶", "扶贫协作", "东西部扶贫协作", "东西部协作", "扶贫", "援")
# 沪滇两地, 沪滇双方: the name stands for the two places themselves acting.
_THE_TWO = ("两地", "双方")
_WORDS = _DIRECTED_WORDS + _THE_TWO + ("协作", "合作", "两省", "两市", "携手")
_CHARS = "".join(ABBREVIATIONS)
_COMPOUND = re.compile(
    rf"(?:[{_CHARS}])(?:[{_CHARS}])"
    rf"(?P<gap>[\u4e00-\u9fff]{{0,6}}?)(?P<word>{'|'.join(sorted(_WORDS, key=len, reverse=True))})"
)


@lru_cache(maxsize=64)
def _place(name: str, doc: str):
    """The place party and level of a full name (北京市), read by the place recogniser itself."""
    from geo.places.recognition import find_places_normalized
    from timeline.text.normalization import normalize

    found = find_places_normalized(normalize(name), doc=doc)
    return (found[0], ) if found else ()


def programme_name_tokens(
    text: str, tokens: list[Token], make_token, orientation,
) -> list[tuple[Token, Token, bool]]:
    """Each programme-name compound of ``text`` as a (giver, receiver, the_two) triple of one-character
    tokens; ``the_two`` when the compound stands for the two places themselves (沪滇两地, 沪滇双方).

    ``make_token(full_name, start, end)`` builds the token of a place named in
    full (``None`` if unknown); ``orientation(a, b)`` is the programmes'
    geography (+1 when a gives to b).
    """
    covered = sorted((t.start, t.end) for t in tokens)
    starts = [x for x, _y in covered]
    out = []
    for m in _COMPOUND.finditer(text):
        a = m.start()
        i = bisect_right(starts, a + 1) - 1  # tokens never overlap: only the last one starting before can cover
        if i >= 0 and covered[i][1] > a:  # inside a place's own name (青川县)
            continue
        first, second = ABBREVIATIONS[text[a]], ABBREVIATIONS[text[a + 1]]
        if first == second:
            continue
        giver = make_token(first, a, a + 1)
        taker = make_token(second, a + 1, a + 2)
        if giver is None or taker is None:
            continue
        directed = m["word"].startswith(_DIRECTED_WORDS) or m["gap"].endswith(("对口", "扶贫"))
        if orientation(giver.party, taker.party) <= 0 and not directed:
            continue
        if orientation(giver.party, taker.party) < 0:
            continue
        out.append((giver, taker, not m["gap"] and m["word"] in _THE_TWO))
    return out


def abbreviation_token(full_name: str, start: int, end: int, doc: str, to_party, mention: str) -> Token | None:
    """A token at ``text[start:end]`` (written ``mention``) standing for the place named ``full_name``."""
    found = _place(full_name, doc)
    if not found:
        return None
    pm = found[0]
    party = to_party(pm)
    if party.kind is not PartyKind.PLACE or not party.adcode:
        return None
    return Token(start, end, replace(party, mention=mention), str(pm.level))
