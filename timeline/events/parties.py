"""Parties in a sentence: places (from geo), organisations and regions, as tokens.

A token is a span of the normalised text standing for one :class:`Party`.
A place written with its parents (巴中市平昌县, 天津市和平区) is one token for
the most specific place. Organisations (省统计局, 光大银行成都分行) and regions
(省内藏区10个县) are only read inside lists of parties, next to a place or a
direction word, so an ordinary noun never becomes a party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.events.adcodes import holds
from timeline.events.model import Party, PartyKind
from timeline.events.spans import bracket_around
from dataclasses import replace

from timeline.events.vocabulary import (
    DIRECTED_VERBS, DESIGNATORS, GENERIC_LOCALITIES, GOVERNMENT_WORDS, LOCALITY, NOT_IN_ORG_NAMES, ONE_CHAR_AID,
    ORG_SUFFIXES, PARK_HEAD, REGION,
)

__all__ = [
    "Token", "merge_parent_chains", "attach_organisations", "list_before", "list_after", "coordinated", "org_or_region", "split_items",
]

_ORG = re.compile(
    r"(?:[\u4e00-\u9fff]{0,10}?)(?:" + "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)) + r")$"
)
_FILLER = "等各"  # 郫县、都江堰市等; 各支援单位
# Separators inside one list of parties. A comma ends a clause, not a list
# (张家港市结对帮扶沿河县，常熟市结对帮扶思南县); 与 joins two sides, not co-donors.
# 日喀则市及其下辖桑珠孜、白朗…: "and those under it" continues the list; 桑珠孜,、白朗 (a converter's doubled
# mark) is one separator.
_SEP = re.compile(r"^(?:[,，]?、|和|及|以及|暨|及其(?:下辖|所辖|所属)?的?|及所(?:辖|属)的?)$")
_SEP_EITHER_SIDE = re.compile(r"^(?:、|和|与|及|以及|暨)$")
_PUNCT = re.compile(r"[，,。；;：:！!？?]")
# 对口支援三峡库区重庆万州区: a short region word may stand between the verb and the place.
_DESCRIPTOR = re.compile(r"[\u4e00-\u9fff]{1,4}(?:库区|灾区|藏区|山区|片区|老区|地区)的?")
# The aid verbs that govern a party (援 and 帮助 alone are too common a character and word to tell).
_AID_VERB = "(?:" + "|".join(sorted(set(DIRECTED_VERBS) - {"援", "帮助"}, key=len, reverse=True)) + ")"
# What makes a list item the subject of a clause of its own: an aid verb right after it (共同/也/则 …), or one
# character of help before the next place (宁河区助榆中县).
_ACTS = re.compile(r"(?:人民政府|政府)?(?:共同|也|则|还|又|继续|将)?" + _AID_VERB)
_ONE_CHAR_AID = re.compile(f"[{ONE_CHAR_AID}]")
_LIST_TAIL = re.compile(
    r"(?:[两三四五六七八九十0-9]{1,2}(?:个)?(?:区|县|市|省市|省|地|县区|区县))?"
    r"(?:调整为|继续|将|共同|也|还|正式|率先|分别|积极|主动|持续)?(?:重点)?$"
)
_OBJECT_OF = re.compile(_AID_VERB + "$")  # the party right after it is that verb's object
_COUNT_CLOSES = re.compile(r"^[0-9一二三四五六七八九十]{1,3}个(?:地区|县区|区县|县市|市县|县|市|区|州|旗)(?=和|及|、)")
_CORPS = re.compile(r"(?:新疆生产建设兵团|兵团)(?:第?[一二三四五六七八九十]{1,3}师)?$|农[一二三四五六七八九十]{1,3}师$")
_PARENTHETICAL = re.compile(r"[(（][^()（）]{0,24}[)）]")


@dataclass(frozen=True)
class Token:
    start: int  # normalised offsets
    end: int
    party: Party
    level: str = ""  # province | prefecture | county for places
    parents: tuple[Party, ...] = ()  # written before it, outermost first: 西藏山南市贡嘎 → (西藏, 山南市)


def merge_parent_chains(tokens: list[Token], text: str) -> list[Token]:
    """Join 巴中市平昌县 / 天津和平区 / 阿坝州理县 into one token for the child, which keeps its written parents."""
    out: list[Token] = []
    for t in sorted(tokens, key=lambda t: t.start):
        if out and holds(out[-1].party.adcode, t.party.adcode) and text[out[-1].end:t.start] in _PARENT_JOINERS:
            prev = out.pop()
            t = Token(prev.start, t.end, t.party, t.level, prev.parents + (prev.party,))
        out.append(t)
    return out


# What may stand between a parent and its child in one name: 巴中市平昌县, 天津·和平区, 和田地区的和田市
# (not 成都市在金堂县: two places).
_PARENT_JOINERS = ("", " ", "·", "•", "・", "-", "的")  # 和田地区的和田市: the child of that parent
_ORG_RUN = re.compile(r"[\u4e00-\u9fff]{1,8}")
_BRACKETED_SEAT = re.compile(r"[)）][\u4e00-\u9fff]{0,10}?(?:有限责任公司|股份有限公司|有限公司|公司|集团)")
_COMPANY_HEAD = 10
_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,10}$")
# Zones and functional areas named after a place (a rule of the language: the head names the zone).
_ZONE = re.compile(r"(?:高新技术产业开发区|经济技术开发区|经济开发区|开发区|高新区|经开区|新区|综合保税区|保税区|自贸区)")
_ORG_END = tuple(sorted(ORG_SUFFIXES, key=len, reverse=True))
_ORG_SUFFIX_AT = re.compile(r"(?=(" + "|".join(_ORG_END) + "))")
_ORG_STOP = re.compile(r"[与和及、]")


def attach_organisations(tokens: list[Token], text: str) -> list[Token]:
    """A place followed by a body's name (成都市大弯中学, 青白江区人社局) becomes that body.

    The body keeps its place's adcode and point, marked approximate; a
    place's own government (道孚县委, 成都市政府) stays the place.
    """
    out = []
    place_end = {t.start: t.end for t in tokens if t.party.kind is PartyKind.PLACE}  # a place's end, by its start
    for t in tokens:
        company = _BRACKETED_SEAT.match(text, t.end) if 0 < t.start and text[t.start - 1] in "(（" else None
        if company:
            # 飞秒(漳州)实业有限公司: a place in brackets inside a company's name is part of the name.
            head = _HAN_BEFORE.search(text, max(0, t.start - 1 - _COMPANY_HEAD), t.start - 1)
            if head:
                name = text[head.start():company.end()]
                out.append(Token(head.start(), company.end(),
                                 Party(name=name, kind=PartyKind.ORGANISATION, mention=name), t.level))
                continue
        zone = _ZONE.match(text, t.end)
        if zone and t.party.kind is PartyKind.PLACE and zone.end() in place_end and PARK_HEAD.match(
                text, place_end[zone.end()]):
            # 江宁开发区淮阴工业园: a zone's name before another place's park names the park's giver by its place.
            out.append(Token(t.start, zone.end(), t.party, t.level, t.parents))
            continue
        if zone and t.party.kind is PartyKind.PLACE:
            # 晋中开发区, 绍兴滨海新区: a zone is a body of its own, not the unit whose name it
            # borrows; kept by name with no adcode, so it never pairs as that place.
            name = text[t.start:zone.end()]
            party = Party(name=name, kind=PartyKind.ORGANISATION, mention=name)
            out.append(Token(t.start, zone.end(), party, t.level))
            continue
        m = _ORG_RUN.match(text, t.end)
        run = m[0] if m else ""
        # The longest head of the run (up to 与/和/及/、) that ends with a body's suffix.
        run = _ORG_STOP.split(run, maxsplit=1)[0]
        cut = max((m.start() + len(m[1]) for m in _ORG_SUFFIX_AT.finditer(run)), default=0)
        if cut and any(w in run[:cut] for w in NOT_IN_ORG_NAMES):
            cut = 0
        if t.party.kind is not PartyKind.PLACE or not cut or run.startswith(GOVERNMENT_WORDS):
            out.append(t)
            continue
        name = text[t.start:t.end + cut]
        owner = _stationed_by(text, t, out)
        party = replace(owner.party if owner is not None else t.party, name=name, kind=PartyKind.ORGANISATION,
                        mention=name, approximate=True)
        out.append(Token(t.start, t.end + cut, party, t.level))
    return out


# 黔东南州驻佛山市劳务联络工作站, 喀什地区驻上海办事处: 驻 between two places makes the body the first's, at the second.
_STATIONED = re.compile(r"(?:州|市|县|区|盟|旗)?(?:人民政府|政府)?驻$")


def _stationed_by(text: str, t: Token, before: list[Token]) -> Token | None:
    """The place whose body stands at ``t``'s place (A驻B…站: A), else ``None``."""
    if not before or before[-1].party.kind is not PartyKind.PLACE:
        return None
    prev = before[-1]
    gap = text[prev.end:t.start]
    return prev if len(gap) <= 5 and _STATIONED.search(gap) else None


def org_or_region(item: str, offset: int) -> Token | None:
    """An organisation or a region named by a whole list item, else ``None``."""
    item_stripped = item.rstrip(_FILLER)
    if not item_stripped or len(item_stripped) > 14:
        return None
    end = offset + len(item_stripped)
    region = REGION.search(item_stripped)
    if region and region.end() == len(item_stripped):
        start = offset + region.start()
        words = item_stripped[region.start():]
        return Token(start, end, Party(name=words, kind=PartyKind.REGION, mention=words))
    if item_stripped in DESIGNATORS or not _ORG.search(item_stripped):
        return None
    return Token(offset, end, Party(name=item_stripped, kind=PartyKind.ORGANISATION, mention=item_stripped))


def split_items(text: str, start: int, end: int, tokens: list[Token] = ()) -> list[tuple[int, int]]:
    """Spans of the list items of ``text[start:end]`` (separated by 、 和 与 及 …); a separator inside one of
    ``tokens`` (和田, 和平区) is part of its name."""
    items, pos = [], start
    inside = [(t.start, t.end) for t in tokens if t.end > start and t.start < end]
    for m in re.finditer(r"、|以及|和|与|及|暨", text[start:end]):
        at = start + m.start()
        if any(a <= at < b for a, b in inside):
            continue
        items.append((pos, at))
        pos = start + m.end()
    items.append((pos, end))
    return [(a, b) for a, b in items if b > a]


def list_before(text: str, pos: int, floor: int, tokens: list[Token]) -> list[Token]:
    """The list of parties that ends right before ``pos`` (e.g. before a verb).

    Items are read backwards from ``pos`` down to ``floor`` while each is a
    place (possibly followed by 等), an organisation or a region.
    """
    found: list[Token] = []
    # 嘉定、宝山两区调整为重点对口帮扶…: a count and adverbs after the list still let it be the subject.
    tail = _LIST_TAIL.search(text, floor, pos)
    if tail is not None and tail.start() > floor:
        pos = tail.start()
    items = split_items(text, floor, pos, tokens)
    for a, b in reversed(items):
        item = text[a:b]
        place = next((t for t in tokens if a <= t.start and t.end <= b and text[t.end:b].strip(_FILLER) == ""), None)
        if place is not None and found and _OBJECT_OF.search(text, max(floor, place.start - 6), place.start):
            break  # 福州市对口援建八宿县、厦门市…: 八宿县 is the object of the pairing before, not a co-giver
        if place is not None:
            whole = item.rstrip(_FILLER)
            if place.party.kind is PartyKind.ORGANISATION and place.start > a and len(whole) <= 14:
                # 光大银行成都分行: the body's name is the whole item.
                place = Token(a, a + len(whole), replace(place.party, name=whole, mention=whole), place.level)
                found.append(place)
                continue
            found.append(place)
            # A place at the end of a longer item ends the list: 省委先后确定绵阳市.
            if text[a:place.start].strip():
                break
            continue
        other = org_or_region(item, a)
        if other is None:
            break
        found.append(other)
    return list(reversed(found))


def _run_end(text: str, first: Token, tokens: list[Token], ceiling: int) -> int:
    """Where the run of parties joined to ``first`` by list separators (漳州市及龙岩市) ends."""
    end = first.end
    for t in tokens:
        if t.start < end:
            continue
        if t.end > ceiling or not _SEP.match(text[end:t.start] or "x"):
            break
        end = t.end
    return end


def list_after(text: str, pos: int, ceiling: int, tokens: list[Token], *, gap: int = 2) -> list[Token]:
    """The list of parties that starts within ``gap`` characters after ``pos``.

    The gap never crosses punctuation; a short region word (三峡库区) may be
    skipped; a parenthesis after a party ((时为万县市)) does not end the list.
    """
    first = next((t for t in tokens if pos <= t.start <= pos + gap and t.end <= ceiling), None)
    if first is None:
        descriptor = _DESCRIPTOR.match(text, pos, ceiling)
        if descriptor:
            first = next((t for t in tokens if t.start == descriptor.end() and t.end <= ceiling), None)
    if first is not None and _PUNCT.search(text, pos, first.start):
        first = None
    if first is None:
        text_party = _region_or_locality(text, pos, min(ceiling, pos + gap + 14), gap)
        return [text_party] if text_party else []
    first = _county_of(text, first, tokens, ceiling)
    out = [_narrowed(text, first, ceiling)]
    cursor = max(first.end, out[0].end)  # 永宁县的闽宁镇(首次结对)和…: the list goes on after the township
    while True:
        aside = _PARENTHETICAL.match(text, cursor, ceiling)
        if aside:
            cursor = aside.end()
        nxt = next((t for t in tokens if t.start >= cursor and t.end <= ceiling), None)
        # 博尔塔拉蒙古自治州和兵团第五师双河市: a corps division may stand before a list's next city.
        between = _CORPS.sub("", text[cursor:nxt.start]) if nxt is not None else ""
        between = _COUNT_CLOSES.sub("", between)  # 塔城3个地区和奎屯市: a count closes a sublist, not the list
        # 伊犁州伊犁、阿勒泰、塔城3个地区: a region written right before a list of its parts opens that list.
        opens_list = (len(out) == 1 and nxt is not None and nxt.start == cursor
                      and _SEP.match(text[nxt.end:nxt.end + 1] or "x") is not None)
        if nxt is None or not (opens_list or _SEP.match(between.strip(_FILLER) or "x")):
            break
        run_end = _run_end(text, nxt, tokens, ceiling)
        if _ACTS.match(text, run_end, ceiling) or (
                _ONE_CHAR_AID.match(text, run_end, ceiling) and any(t.start == run_end + 1 for t in tokens)):
            # 福州市对口援建八宿县、厦门市对口援建左贡县、漳州市及龙岩市共同对口援建边坝县, 宝坻区援永登县、
            # 宁河区助榆中县: the next items are the next pairing's subject.
            break
        out.append(nxt)
        cursor = nxt.end
    return _parts_listed(text, out, tokens, ceiling)


# 日喀则市五县(江孜、定日、萨迦、拉孜、亚东): a count of a place's units, then the units in brackets.
_PARTS_REACH = 60  # characters of the bracketed names
_COUNT_OF_PARTS = re.compile(r"[两三四五六七八九十0-9]{1,2}个?(?:县区|区县|县市|市县|县|区|市|州|地区)[(（]")


def _parts_listed(text: str, found: list[Token], tokens: list[Token], ceiling: int) -> list[Token]:
    """A place followed by a count of its units and their names in brackets is those units."""
    if len(found) != 1 or not found[0].party.adcode:
        return found
    m = _COUNT_OF_PARTS.match(text, found[0].end, ceiling)
    if m is None:
        return found
    brackets = bracket_around(text, m.end(), m.end(), _PARTS_REACH, hi=ceiling)
    if brackets is None:
        return found
    close = brackets[1]
    prefix = found[0].party.adcode[:6].rstrip("0")
    parts = [t for t in tokens if m.end() <= t.start and t.end <= close and t.party.adcode.startswith(prefix)
             and t.party.adcode != found[0].party.adcode]
    return parts or found


def _county_of(text: str, token: Token, tokens: list[Token], ceiling: int) -> Token:
    """固原市的海原县: a city or province followed by 的 and a county is that county (which may since have
    moved to another city, so no parent chain joined them)."""
    if (token.party.kind is not PartyKind.PLACE or not token.party.adcode.endswith("00")
            or text[token.end:token.end + 1] != "的"):
        return token
    nxt = next((t for t in tokens if t.start == token.end + 1 and t.end <= ceiling), None)
    if nxt is None or nxt.party.kind is not PartyKind.PLACE or not nxt.party.adcode or nxt.party.adcode[:6].endswith("00"):
        return token
    return nxt


_REGION_OR_LOCALITY_HEAD = re.compile(r"个|村|乡|镇|街道|社区")
_OF = re.compile(r"[^，,。；;、]{0,6}?的")


def _narrowed(text: str, token: Token, ceiling: int) -> Token:
    """九龙县最偏远的子耳乡: a township singled out within its county receives.

    Only the "county…的 township" form narrows; an address such as 平昌县板庙镇
    keeps the county. The township keeps the county's adcode and point,
    marked approximate.
    """
    if token.party.kind is not PartyKind.PLACE:
        return token
    of = _OF.match(text, token.end, ceiling)
    if of is None:
        return token
    m = LOCALITY.match(text, of.end(), ceiling)
    if m is None or m[0] in GENERIC_LOCALITIES:
        return token
    party = replace(token.party, name=m[0], mention=m[0], kind=PartyKind.LOCALITY, approximate=True)
    return Token(m.start(), m.end(), party, token.level)


def _region_or_locality(text: str, pos: int, ceiling: int, gap: int) -> Token | None:
    """A region (省内藏区10个县) or a named village or township starting near ``pos``."""
    if not _REGION_OR_LOCALITY_HEAD.search(text, pos, ceiling + 8):
        return None  # neither a count of units (个) nor a village/township word is near: skip the scans
    for start in range(pos, min(pos + gap, ceiling) + 1):
        region = REGION.match(text, start, ceiling)
        if region:
            words = region[0]
            return Token(region.start(), region.end(), Party(name=words, kind=PartyKind.REGION, mention=words))
    for start in range(pos, min(pos + gap, ceiling) + 1):
        cursor = start
        while (m := LOCALITY.match(text, cursor, ceiling)) is not None and cursor <= pos + gap + 8:
            if m[0] not in GENERIC_LOCALITIES and not m[0].endswith(tuple(GENERIC_LOCALITIES)):
                words = m[0]
                return Token(m.start(), m.end(), Party(name=words, kind=PartyKind.LOCALITY, mention=words))
            cursor = m.end()  # 贫困村银厂湾村: skip the description, read the name
    return None


def coordinated(text: str, token: Token, tokens: list[Token], floor: int, ceiling: int) -> list[Token]:
    """``token`` with the places listed together with it (A、B和C)."""
    group = [token]
    i = next(k for k, t in enumerate(tokens) if t is token)
    j = i - 1
    while j >= 0 and tokens[j].start >= floor and _SEP.match(text[tokens[j].end:group[0].start].strip(_FILLER) or "x"):
        if _OBJECT_OF.search(text, max(floor, tokens[j].start - 6), tokens[j].start):
            break  # …对口援建八宿县、厦门市: the object of the pairing before is not a co-giver
        group.insert(0, tokens[j])
        j -= 1
    k = i + 1
    while k < len(tokens) and tokens[k].end <= ceiling and _SEP.match(
        text[group[-1].end:tokens[k].start].strip(_FILLER) or "x"
    ):
        group.append(tokens[k])
        k += 1
    return group
