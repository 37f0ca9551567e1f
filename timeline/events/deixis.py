"""Parties named by deixis: 我市, 我区, 我县 … resolved from the article's own words.

An article written by a place's own paper or government says 我区 for itself.
Who that is comes only from the article: its title (given apart or as the
text's first short line), its source line (``来源：上海普陀``), a byline
(``■道孚县委、县政府``) or a dateline (``本报成都讯``) — the first of these
that names a place of the matching level. Nothing is guessed: a 我市 that
none of them names stays unread.
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.events.model import Party, PartyKind
from timeline.events.parties import Token
from timeline.events.vocabulary import DELEGATION_WORDS

__all__ = ["DEICTIC", "home_places", "resolve_deixis", "resolve_delegations"]

# The deictic word and the endings of the names it may stand for.
DEICTIC: dict[str, tuple[str, ...]] = {
    "我市": ("市",),
    "我区": ("区",),  # a district, or an autonomous region (我区 in Tibet's papers)
    "我县": ("县",),
    "我州": ("州",),
    "我旗": ("旗",),
    "我盟": ("盟",),
    "我省": ("省",),
}
_DEICTIC = re.compile("|".join(DEICTIC))
_SOURCE = re.compile(r"(?:来源|来自|稿源|供稿)[:：]\s*([^\s|/，,。]{2,20})")
_DATELINE = re.compile(
    r"(?:本报|本网|本台|新华社|新华网|中新社|中新网|人民网)([\u4e00-\u9fff]{2,6}?)(?:[0-9]{1,2}月[0-9]{1,2}日)?(?:讯|电)"
)
# A local outlet's own dateline names its place: 龙泉新闻网讯, 德阳日报讯, 什邡融媒体中心讯.
_OUTLET = re.compile(
    r"(?:^|(?<=[\s|]))([\u4e00-\u9fff]{2,6}?)(?:新闻网|日报|晚报|电视台|广播电视台|融媒体中心|发布|在线)(?:讯|消息)"
)
_HEAD_LINES = 3  # a headline is one of the text's first lines
_HEADLINE_MAX = 60
_SOURCE_ZONE = 2000  # a source line or dateline sits at the top of the page


def home_places(text: str, tokens: list[Token], title_tokens: list[Token] | None = None) -> list[list[Token]]:
    """Places that may be the article's own voice, one group per source, strongest source first.

    ``title_tokens`` are the places of the article's title where it is known
    apart from the text; the other groups are read from ``text``'s tokens.
    """
    groups: list[list[Token]] = [list(title_tokens or [])]
    head_end = min(len(text), _SOURCE_ZONE)
    # The first short lines: a headline.
    pos = 0
    for _ in range(_HEAD_LINES):
        nl = text.find("\n", pos, head_end)
        end = head_end if nl < 0 else nl
        line = text[pos:end].strip()
        if line and len(line) <= _HEADLINE_MAX:
            groups.append([t for t in tokens if pos <= t.start and t.end <= end])
        if nl < 0:
            break
        pos = nl + 1
    for pattern in (_SOURCE, _DATELINE, _OUTLET):
        for m in pattern.finditer(text, 0, head_end):
            groups.append([t for t in tokens if m.start(1) <= t.start and t.end <= m.end(1)])
    return [[t for t in g if t.party.kind is PartyKind.PLACE and t.party.adcode] for g in groups]


def _resolve(word: str, homes: list[list[Token]]) -> Token | None:
    """The one place of the first source that names a place of ``word``'s level; two is ambiguous."""
    endings = DEICTIC[word]
    for group in homes:
        fitting = {t.party.adcode: t for t in group if t.party.name.endswith(endings)}
        if len(fitting) == 1:
            return next(iter(fitting.values()))
        if fitting:
            return None
    return None


def resolve_deixis(text: str, tokens: list[Token], homes: list[list[Token]]) -> list[Token]:
    """``tokens`` with a token added for every 我市/我区/… that ``homes`` resolve.

    我市海曙区…: a 我市 written straight before one of its own districts or counties is the city that
    holds them, whatever the sources say; and so is every other 我市 of the article.
    """
    starts = {t.start: t for t in tokens}
    if not any(homes) and not any(m.end() in starts for m in _DEICTIC.finditer(text)):
        return tokens
    covered = [(t.start, t.end) for t in tokens]
    held = {m.start(): _holder(m[0], starts.get(m.end())) for m in _DEICTIC.finditer(text) if m.end() in starts}
    cities = {p.adcode: p for p in held.values() if p is not None}
    the_city = next(iter(cities.values())) if len(cities) == 1 else None  # the article speaks for one city
    added = []
    for m in _DEICTIC.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in _near(covered, m.start())):
            continue
        if m.end() in starts:  # 我省张家口市, 我市海曙区: it only says whose the place after it is
            continue
        party = held.get(m.start()) or (the_city if m[0] == "我市" else None)
        if party is None:
            home = _resolve(m[0], homes)
            if home is None:
                continue
            party, level = home.party, home.level
        else:
            level = "prefecture"
        added.append(Token(m.start(), m.end(), replace(party, mention=m[0]), level))
    if not added:
        return tokens
    return sorted(tokens + added, key=lambda t: t.start)


def _holder(word: str, nxt: Token | None):
    """The city (for 我市) that holds the place token ``nxt`` written right after the word, else ``None``."""
    if word != "我市" or nxt is None or nxt.party.kind is not PartyKind.PLACE or not nxt.party.adcode:
        return None
    from geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    place = gaz.places.get(nxt.party.adcode[:6])
    city = gaz.places.get(place.prefecture) if place is not None and place.prefecture else None
    if city is None or city.adcode == place.adcode or not city.name.endswith("市"):
        return None
    return Party(name=city.name, kind=PartyKind.PLACE, mention=word, adcode=city.adcode, lon=city.lon, lat=city.lat)


def _near(spans: list[tuple[int, int]], pos: int) -> list[tuple[int, int]]:
    from bisect import bisect_left

    i = bisect_left(spans, (pos, pos))
    return spans[max(0, i - 1):i + 1]


# A delegation named with its place (宁波市党政代表团), and later the bare word (代表团一行…) at a clause's start.
_DELEGATION = r"(?:党政|经贸|考察|友好|政府)?(?:" + "|".join((*DELEGATION_WORDS, "工作组")) + ")"
_NAMED_DELEGATION = re.compile(_DELEGATION)
_BARE_DELEGATION = re.compile(r"(?:(?<=^)|(?<=[\n，,。；;：:\s]))(?:该|此|这个)?" + _DELEGATION)


def resolve_delegations(text: str, tokens: list[Token]) -> list[Token]:
    """``tokens`` with a token added for every bare 代表团 that stands for the delegation named last before it
    (宁波市党政代表团赴贵州省考察。…代表团一行重点考察了对口帮扶的黔东南州): the delegation's place.

    Only a bare word at the start of a clause is read, and only after a delegation its text names with a place."""
    if not tokens or "团" not in text and "组" not in text:
        return tokens
    by_end = {t.end: t for t in tokens if t.party.kind is PartyKind.PLACE and t.party.adcode}
    named: list[tuple[int, Token]] = []  # (where the delegation's word ends, its place)
    for m in _NAMED_DELEGATION.finditer(text):
        place = by_end.get(m.start())
        if place is not None:
            named.append((m.end(), place))
    if not named:
        return tokens
    covered = {t.start for t in tokens}
    added = []
    for m in _BARE_DELEGATION.finditer(text):
        if m.start() in covered:
            continue
        before = [place for end, place in named if end <= m.start()]
        if before:
            added.append(Token(m.start(), m.end(), replace(before[-1].party, mention=m[0]), before[-1].level))
    if not added:
        return tokens
    return sorted(tokens + added, key=lambda t: t.start)
