"""Direction: who gives and who receives, read from one sentence's grammar.

Each rule returns :class:`Pair` candidates with the strength of its
evidence. A role a rule cannot read stays empty here; :mod:`timeline.events.assembly`
fills it from what the rest of the article says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.events.adcodes import depth, holds
from timeline.events.amounts import find_money
from timeline.events.grammar import grammar_pairs
from timeline.events.model import Party, PartyKind
from timeline.events.parties import Token, coordinated, list_after, list_before, org_or_region, split_items
from timeline.events.spans import bracket_around, sentence_clauses as _clauses
from timeline.events.vocabulary import (
    AIDED_AREAS, CAPITAL_GIVING_PROVINCES, WITHIN_PROVINCE, NORTHEAST_RECEIVING, EAST_PARTNERS_OF_NORTHEAST, CAPITAL_RECEIVING_PROVINCES, EAST_GIVING_PROVINCES,
    WEST_RECEIVING_PROVINCES,
    REGION_AID_AREAS, WATER_SOURCE_PARTNERS, AID_WORDS, ASSIGNED_TO, DELEGATION_WORDS, DIRECTED_VERBS, FROM_DONOR, LOCATION_VERBS, RECEIVED_HELP, RECIPIENT_MARKERS,
    SYMMETRIC_JOINERS, SYMMETRIC_VERBS, TEAM_WORDS,
)

__all__ = [
    "Pair", "STRONG", "WEAK", "AID", "TEAM", "VENUE", "key", "pairs_in_sentence", "without_self", "programme_orientation",
    "predecessors", "former_receivers",
]

_DIRECTED = re.compile("|".join(sorted(DIRECTED_VERBS, key=len, reverse=True)))
AID = re.compile("|".join(sorted(set(AID_WORDS), key=len, reverse=True)))
TEAM = re.compile("|".join(TEAM_WORDS))
_LOCATION = re.compile("|".join(sorted(LOCATION_VERBS, key=len, reverse=True)))
_SYMMETRIC = re.compile("|".join(SYMMETRIC_VERBS))
_DEICTIC = re.compile(r"我县|我市|我区|我州|全县|本县|本市|全市|全区|我旗")
_BYLINE = re.compile(r"(?:委|政府|人民政府)")
_TITLE_PAIR = re.compile(r"[·•・]")
_DISPATCH = re.compile(r"派出|选派|派遣|输送|派驻")
_GIVE = re.compile(r"投入|拨付|捐赠|捐助|捐款|捐资|援助")
_SIGN = re.compile(r"签订|签署|签约|共建")
_METADATA = re.compile(r"\|.*\|")  # a table row or a page's metadata line, not prose

# Strength of the rule that set a role; fallbacks never override stronger rules.
STRONG, WEAK = 2, 1


@dataclass
class Pair:
    donors: list[Token]
    recipients: list[Token]
    strength: int
    rule: str


def key(p: Party) -> str:
    """What makes two parties the same: a place's adcode, otherwise the name."""
    return p.adcode if p.kind is PartyKind.PLACE and p.adcode else p.name


# -- direction rules ------------------------------------------------------------------
def _directed_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    pairs = []
    for m in _DIRECTED.finditer(text, s, e):
        if _in_aside(text, m.start(), s, e) or _noun_joined(text, m.end(), e, tokens):
            # 闽宁镇(首次结对): a verb in a bracketed aside directs nothing; 东西部协作和广州对口帮扶工作: a verb
            # joined by 和 to what follows is a noun in a list, not a verb with an object.
            continue
        recipients = list_after(text, m.end(), e, tokens)
        area = text[m.end():m.end() + 1] if m[0] == "援" else ""
        if area in REGION_AID_AREAS:
            # 援疆 holds its object: a place after it receives only inside that area (援青乌兰 yes; 实现援疆与日照…双赢:
            # 日照 no).
            recipients = [r for r in recipients if r.party.adcode.startswith(REGION_AID_AREAS[area])]
        if not recipients:
            continue
        if _HEADQUARTERS.match(text, recipients[-1].end, e):
            continue  # 河南省对口支援新疆工作前方指挥部: the giver's headquarters named, not help to the region
        clause_start = max([a for a, _ in _clauses(text, s, e) if a <= m.start()] or [s])
        donors = list_before(text, m.start(), clause_start, tokens)
        in_clause = [t for t in tokens if clause_start <= t.start and t.end <= m.start()]
        # “组团式”帮扶天津和平区教师: with no giver before the verb, a place that
        # qualifies a person (和平区教师) is where the helper comes from, not who receives.
        if not donors and not in_clause and TEAM.match(text, recipients[-1].end):
            continue
        if not donors and pairs and pairs[-1].donors and not any(
                clause_start <= t.start and t.end <= m.start() for t in tokens):
            # 山东对口援助重庆的14个区县,重点帮扶石柱、巫山…: a clause with no subject continues the giver before.
            donors = list(pairs[-1].donors)
        if not donors:
            before = [t for t in tokens if clause_start <= t.start and t.end <= m.start()]
            if not before:
                before = [t for t in tokens if s <= t.start and t.end <= m.start()]
            if before:
                donors = coordinated(text, before[-1], tokens, s, m.start())
                taking = {key(t.party) for t in recipients}
                if all(key(d.party) in taking for d in donors):
                    # 平湖市与青田县协作…，将…帮助青田: the nearest party is the receiver named
                    # again; the giver is the sentence's topic.
                    donors = _subject(tokens, s, m.start(), recipients)
        if pairs and pairs[-1].strength and pairs[-1].donors and _CHANGED_TO.search(text, max(s, m.start() - 4), m.start()):
            # 珠海市从原来对口帮扶云南省怒江州4个县(市)调整为对口协作贵州省遵义市8个县(市): who changed its
            # receivers gives to the new ones; the receivers it left are not the giver (the words of a change of
            # receivers, _CHANGED_TO, just before this verb).
            donors = list(pairs[-1].donors)
        if (pairs and pairs[-1].strength and donors and _JOINED_BEFORE.search(text, max(s, m.start() - 2), m.start())
                and {key(d.party) for d in donors} <= {key(r.party) for r in pairs[-1].recipients}):
            # 东莞参与对口帮扶昭通市的东西部协作和对口帮扶韶关、揭阳市的省内工作: a verb joined to the one before
            # by 和 shares its giver; the first verb's receiver is not the second's giver.
            donors = list(pairs[-1].donors)
        donors = [d for d in donors if d not in recipients]
        if (len(donors) > len(recipients) and donors and "分别" in text[donors[-1].end:m.start()]
                and _LIST_GOES_ON.match(text, recipients[-1].end, e)):
            # 长沙、株洲、岳阳、常德4市分别对口援助…贡嘎、扎朗、桑日、隆孜4个县: one by one, but the list of receivers
            # goes on past what was read (a misspelt name): who gives to whom cannot be told.
            continue
        if len(donors) == 1 and len(recipients) == 1 and donors[0].start > s and text[donors[0].start - 1] in _WITH:
            # 与巫山“一对一”结对的广东: the place after 与 is a partner, not the giver; the article decides.
            pairs.append(Pair(donors, recipients, 0, "symmetric"))
            continue
        if len(donors) == 1 and _PARTNER_NOUN.match(text, m.end(), e):
            # 走进结对地区杭州拱墅, 与结对县市绍兴上虞、台州温岭: the verb names a partner (结对地区 X), not who
            # gives; the article (or the programmes' geography) decides, for each partner.
            pairs += [Pair(donors, [r], 0, "symmetric") for r in recipients]
            continue
        if text.startswith(_CLEFT, m.end()) and (not donors or text[donors[0].start - 1] in _AT):
            # 正在巴宜区进行对口支援的是广东省第九批援藏工作队: who is named after 的是 does it; the place it is
            # done in receives. (上海具体对口支援的是万州的五桥区: a giver that is the verb's subject gives to it.)
            if donors:
                pairs.append(Pair(recipients[:1], donors, STRONG, "cleft"))
            continue
        # 山东援建的日喀则市齐鲁幼儿园: help described (援建的…), not an act of the sentence's date.
        rule = "built_by" if text.startswith("的", m.end()) and not text.startswith(_CLEFT, m.end()) else "directed"
        if (rule == "built_by" and len(donors) == 1 and donors[0].start > s and text[donors[0].start - 1] == "在"
                and (TEAM.match(text, recipients[-1].end) or text.startswith(_HELPERS, recipients[-1].end))):
            # 在小金县援建的江西志愿者: where the helpers work receives; the people after 的 come from the giver.
            pairs.append(Pair(recipients, donors, STRONG, rule))
            continue
        if len(donors) == len(recipients) >= _IN_ORDER:
            # 宜宾、泸州、自贡、攀枝花对口援建朝天、元坝、苍溪、旺苍: two long lists of one length pair in order, as
            # official lists of pairings are written.
            pairs += [Pair([d], [r], STRONG, rule) for d, r in zip(donors, recipients)]
            continue
        pairs.append(Pair(donors, recipients, STRONG, rule))
    return pairs


# The name of a giver's headquarters in the region it helps: 对口支援新疆工作前方指挥部, 援疆前线指挥部.
_HEADQUARTERS = re.compile(r"(?:工作)?(?:前方|前线|一线)?(?:总)?指挥部")
_WITH = "与同跟"
_CLEFT = ("的是", "的就是", "的正是")  # 进行对口支援的是…: the one named next is who does it
_AT = "在于"  # …where the place before the verb is where it is done (正在巴宜区进行对口支援的是…)
# What people come to a place for when that place teaches them: 挂职学习, 跟岗学习, 培训.
_TO_LEARN = re.compile(r"(?:挂职|跟岗|跟班|进修)?(?:学习|培训|取经|进修)")
# People a place sends, besides its teams (TEAM): 江西志愿者, 上海援建人员.
_HELPERS = ("志愿者", "人员", "干部", "援建者")
# An aid verb that qualifies a noun of places names a partner: 结对地区, 帮扶城市, 协作县市.
_PARTNER_NOUN = re.compile(r"(?:地区|县市|市县|县区|区县|城市|省份|省区|省市|地市)")
_IN_ORDER = 3  # lists this long on both sides of a verb pair in order (两省 对 两县 may be each with each)


_ASIDE = 16  # characters of a bracketed aside
_JOINED_AFTER = re.compile(r"和|及|与|、|以及")
_LIST_GOES_ON = re.compile(r"[、和及]\s*[\u4e00-\u9fff]")
_JOINED_BEFORE = re.compile(r"(?:和|及|以及|、|并)\s*$")


def _noun_joined(text: str, pos: int, e: int, tokens: list[Token]) -> bool:
    """东西部协作和广州对口帮扶工作: after the verb, 和 joins another party's own aid word — two nouns in a list."""
    j = _JOINED_AFTER.match(text, pos, e)
    if not j:
        return False
    nxt = next((t for t in tokens if t.start == j.end()), None)
    return nxt is not None and _DIRECTED.match(text, nxt.end, e) is not None


def _in_aside(text: str, pos: int, s: int, e: int) -> bool:
    """True when ``pos`` lies inside a short bracketed aside: (首次结对), （时为万县市）."""
    return bracket_around(text, pos, pos, _ASIDE, s, e) is not None


def _from_donor_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """来自A的援藏干部…(到B): A sends."""
    pairs = []
    for m in FROM_DONOR.finditer(text, s, e):
        tail_end = text.find("的", m.end(), e)
        if tail_end < 0 or not TEAM.search(text, tail_end, min(e, tail_end + 16)):
            continue
        donors = [t for t in tokens if m.end() <= t.start and t.end <= tail_end]
        donors += _orgs_in(text, m.end(), tail_end, donors)
        if not donors:
            continue
        recipients = []
        loc = _LOCATION.search(text, tail_end, e)
        if loc:
            recipients = list_after(text, loc.end(), e, tokens)
        donors = sorted(donors, key=lambda t: t.start)
        if recipients and _TO_LEARN.match(text, recipients[-1].end, e):
            # 来自黔东南州的…校长到杭州挂职学习: people sent to learn are taught by where they go
            pairs.append(Pair(recipients, donors, STRONG, "from"))
            continue
        pairs.append(Pair(donors, recipients, STRONG, "from"))
    return pairs


def _orgs_in(text: str, a: int, b: int, places: list[Token]) -> list[Token]:
    """Organisations listed in ``text[a:b]`` outside the place tokens (公安厅等省直机关)."""
    out = []
    for x, y in split_items(text, a, b, places):
        if any(x <= t.start < y for t in places):
            continue
        item = text[x:y]
        cut = item.find("等")
        token = org_or_region(item[:cut] if cut > 0 else item, x)
        if token is not None and token.party.kind is PartyKind.ORGANISATION:
            out.append(token)
    return out


def _assigned_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """将对口帮扶X的光荣使命交给A: A gives, X receives."""
    m = ASSIGNED_TO.search(text, s, e)
    if not m:
        return []
    donors = list_after(text, m.end(), e, tokens)
    verb = _DIRECTED.search(text, s, m.start())
    recipients = list_after(text, verb.end(), m.start(), tokens) if verb else []
    return [Pair(donors, recipients, STRONG, "assigned")] if donors and recipients else []


_BEFORE_HELP = re.compile(r"[^，,。；;]{0,4}")  # what may stand between the receiver and 在 (也, 正是)


def _received_help_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """X在A的帮助下…: A helped X (help may run against the article's main direction)."""
    pairs = []
    for m in RECEIVED_HELP.finditer(text, s, e):
        givers = [t for t in tokens if m.start("giver") <= t.start and t.end <= m.end("giver")]
        # X在A的帮助下: the receiver stands just before 在 (那坡县也在…), else it is the first place after (在广东的
        # 对口援建下,汶川县…; 作为广西…之一,在龙岗区帮扶下,那坡县…)
        takers = [t for t in tokens if s <= t.start and t.end <= m.start()
                  and _BEFORE_HELP.fullmatch(text, t.end, m.start())][-1:]
        takers = takers or [t for t in tokens if m.end() <= t.start and t.end <= e][:1]
        if givers:
            # 在宁波市北仑区帮扶支持下,锁寨村…: with no place received, the article says who it is (a village of it)
            pairs.append(Pair(givers, takers, STRONG, "received_help"))
    return pairs


def _recipient_marker_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """B受援 / 受援地B: B receives."""
    out = []
    for marker in RECIPIENT_MARKERS:
        for m in re.finditer(marker, text[s:e]):
            at = s + m.start()
            before = [t for t in tokens if t.end == at]
            after = list_after(text, at + len(marker) + 1, e, tokens, gap=1)
            takers = before or after
            if takers:
                out.append(Pair([], takers, WEAK, "recipient_marker"))
    return out


def _location_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """赴/抵达/来到 B (with a team or aid word): B receives."""
    out = []
    spans = _clauses(text, s, e)
    for m in _LOCATION.finditer(text, s, e):
        recipients = list_after(text, m.end(), e, tokens, gap=0)
        if not recipients:
            continue
        if m[0] == "在" and (VENUE.match(text, recipients[-1].end, e) or _ESCORTED.match(text, recipients[-1].end, e)
                            or _DIRECTED.match(text, recipients[-1].end, e)):
            # 纪要在昆明签署, 在云南省委书记王宁…陪同下, 在淄博援建的…中心演出: where a meeting sat, who went
            # along, who built the place — not a place arrived at.
            continue
        clause_start, clause_end = next(((a, b) for a, b in spans if a <= m.start() < b), (s, e))
        # 赴理县开展对口帮扶 and 教师来到会宁 are help arriving; 赴延安、深圳培训 is a
        # trip, unless the place is one the article already names as receiving
        # (assembly checks that for "location_loose").
        loose = not (TEAM.search(text, clause_start, clause_end) or AID.search(text, clause_start, clause_end))
        if loose and not (AID.search(text, s, e) or _DELEGATION.search(text, s, e)):
            continue
        # The clause's subject goes there (上海市对口支援新疆工作前方指挥部在喀什…: 上海市),
        # else the sentence's (青白江区人社局率23家企业,携700余个岗位齐聚九龙).
        donors = (_delegation_of(text, tokens, _segment_start(text, s, m.start()), m.start(), recipients)
                  or _subject(tokens, clause_start, m.start(), recipients)
                  or _subject(tokens, _segment_start(text, s, m.start()), m.start(), recipients))
        donors = coordinated(text, donors[0], tokens, clause_start, m.start()) if donors else []
        if donors and _LOCATION.search(text, max(s, donors[0].start - 3), donors[0].start):
            continue  # 到达呼和浩特后前往察右中旗: a place on the way, not who goes
        out.append(Pair(donors, recipients, WEAK, "location_loose" if loose else "location"))
    return out


def _segment_start(text: str, s: int, pos: int) -> int:
    """Where the part of the sentence holding ``pos`` starts: a semicolon sets parallel statements apart
    (乐山市今年投入…;成都市郫都区投入资金…,在甘孜州白玉县新建…)."""
    return max(text.rfind(";", s, pos), text.rfind("；", s, pos)) + 1 or s


# 广州市党政代表团, 成都市考察团: a place written right before its delegation.
_OWN_DELEGATION = re.compile(r"(?:党政|政府)?(?:" + "|".join(DELEGATION_WORDS) + ")")


def _delegation_of(text: str, tokens: list[Token], s: int, before: int, exclude: list[Token]) -> list[Token]:
    """The place whose delegation goes (广东省委常委、广州市委书记林克庆率广州市党政代表团赴…: 广州市, not the
    province a leader's title names)."""
    keys = {key(t.party) for t in exclude}
    led = [t for t in tokens if s <= t.start and t.end <= before and key(t.party) not in keys
           and _OWN_DELEGATION.match(text, t.end, before)]
    return led[-1:]


def _subject(tokens: list[Token], s: int, before: int, exclude: list[Token]) -> list[Token]:
    """Who acts in a clause that names no one: the sentence's topic (its first
    party), or when that is the receiver, the nearest other party before."""
    keys = {key(t.party) for t in exclude}
    earlier = [t for t in tokens if s <= t.start and t.end <= before]
    if earlier and key(earlier[0].party) not in keys:
        return earlier[:1]
    others = [t for t in earlier if key(t.party) not in keys]
    return others[-1:]


# 郫县27名援藏干部, 上海市第八批援藏队伍, 福建援宁挂职干部: a place written before the aid people it sends.
_TEAM_OF = re.compile(
    r"(?:第[0-9一二三四五六七八九十]{1,3}批|[0-9一二三四五六七八九十百两多余]{1,5}(?:名|位|人))?"
    r"援(?:藏|疆|青|宁|黔|滇|蒙|渝|川|桂|甘|陕|建)?(?:干部人才|干部|人才|工作队|队伍|医疗队|教师|医生|专家|挂职干部)"
)


# 上海市对口援藏项目1582个, 山东省援藏资金…: a place written before its regional aid's projects or funds gives to
# the aided area (the article decides which place of it: assembly's region receiver). Its cadres (上海市虹口区
# 援青干部、玛沁县人民医院院长…) are mostly a person's title, not an event.
REGION_AID = re.compile(
    r"(?:第[0-9一二三四五六七八九十]{1,3}批)?(?:对口)?援(?P<area>藏|疆|青)"
    r"(?=项目|资金)"
)


def _region_aid_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """A + (对口)援藏/援疆/援青…: A gives to the area the word names; the receiver is left open."""
    out = []
    for t in tokens:
        if s <= t.start and t.end <= e and t.party.kind is PartyKind.PLACE and t.party.adcode:
            m = REGION_AID.match(text, t.end, e)
            if m and not t.party.adcode.startswith(REGION_AID_AREAS[m["area"]]):
                out.append(Pair([t], [], WEAK, "region_aid"))
    return out


def _team_of_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """A + 援藏干部/援疆工作队…: A sends them, to a place the same sentence names (the article decides which
    of them receive: assembly keeps only its known receivers)."""
    out = []
    inside = [t for t in tokens if s <= t.start and t.end <= e and t.party.kind is PartyKind.PLACE]
    for t in inside:
        if _TEAM_OF.match(text, t.end, e):
            others = [o for o in inside if key(o.party) != key(t.party)]
            if others:
                out.append(Pair([t], others, WEAK, "team_of"))
    return out


_ENTER_AREA = re.compile(r"进藏|入藏|进疆|入疆|进村入户")


def _enter_area_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """A的老师进藏开展培训: A sends people into the aided area (the article's recipient)."""
    out = []
    for m in _ENTER_AREA.finditer(text, s, e):
        clause_start = max([a for a, _ in _clauses(text, s, e) if a <= m.start()] or [s])
        before = [t for t in tokens if clause_start <= t.start and t.end <= m.start()]
        if before:
            out.append(Pair([before[-1]], [], WEAK, "enter_area"))
    return out


def _dispatch_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """A…派出/选派 N名干部 (赴B): A sends."""
    out = []
    for m in _DISPATCH.finditer(text, s, e):
        if not TEAM.search(text, m.end(), min(e, m.end() + 20)):
            continue
        clause_start, clause_end = next(((a, b) for a, b in _clauses(text, s, e) if a <= m.start() < b), (s, e))
        before = [t for t in tokens if clause_start <= t.start and t.end <= m.start()]
        donors = coordinated(text, before[-1], tokens, clause_start, m.start()) if before else []
        donors = donors or _subject(tokens, s, m.start(), [])
        if not donors:
            continue
        # 派出专家团队开展技术指导；…选派25名教师到碧江: only this clause says where to.
        loc = _LOCATION.search(text, m.end(), clause_end)
        recipients = list_after(text, loc.end(), clause_end, tokens, gap=0) if loc else []
        out.append(Pair(donors, recipients, WEAK, "dispatch"))
    return out


def _giving_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """A投入/拨付/捐赠 … 元 (to B): A gives money."""
    out = []
    for m in _GIVE.finditer(text, s, e):
        if not find_money(text[m.end():e]):
            continue
        clause_start = max([a for a, _ in _clauses(text, s, e) if a <= m.start()] or [s])
        before = [t for t in tokens if clause_start <= t.start and t.end <= m.start()]
        if not before:
            continue
        out.append(Pair(coordinated(text, before[-1], tokens, clause_start, m.start()), [], WEAK, "giving"))
    return out


# 向, 为, 给 before the receiver — not inside a verb of their own (列为, 成为, 作为, 面向, 走向, 转向).
_TOWARD = re.compile(r"(?<![列成作称定评誉视改分名认选面走转导趋])(?:向|为)|给")
_DELEGATION = re.compile("|".join(DELEGATION_WORDS))
_ESCORTED = re.compile(r"[^。；;]{0,40}?陪同下")
# 纪要在昆明签署: 在 + a place + one of these is where a meeting sat, not a place helped.
VENUE = re.compile(r"(?:市|县|区)?(?:隆重)?(?:签署|签订|签约|召开|举行|举办|开幕|闭幕|座谈)")
_TOWARD_VERBS = re.compile(
    r"捐赠|捐助|捐款|捐献|捐资|提供|援助|支援|赠送|拨付|移交|援建|帮扶|输送|派出|选派|安排|投入|返还|下达|划拨|调拨"
)


def _toward_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """A向B捐赠/提供/移交…: A gives to B."""
    out = []
    for m in _TOWARD.finditer(text, s, e):
        recipients = list_after(text, m.end(), e, tokens, gap=0)
        verb = _TOWARD_VERBS.search(text, recipients[-1].end, min(e, recipients[-1].end + 10)) if recipients else None
        if verb is None:
            continue
        if _THANKS_GIVEN.match(text, recipients[-1].end, e):
            continue  # 向北京市扶贫支援办赠送锦旗: a banner of thanks, not help
        clause_start = max([a for a, _ in _clauses(text, s, e) if a <= m.start()] or [s])
        before = [t for t in tokens if clause_start <= t.start and t.end <= m.start()]
        donors = coordinated(text, before[-1], tokens, clause_start, m.start()) if before else []
        donors = donors or _subject(tokens, s, m.start(), recipients)
        if verb[0] == "提供" and all(programme_orientation(d.party, r.party) < 0 for d in donors for r in recipients):
            # 河源…为深圳等地工业企业提供…招商引资等服务: a service offered to a partner the programmes have giving
            # (提供 is no aid word of its own), not help to it.
            continue
        if donors:
            out.append(Pair(donors, recipients, STRONG, "toward"))
    return out


# What a receiver gives back to say thanks: 赠送锦旗, 送上感谢信.
_THANKS_GIVEN = re.compile(
    r"[^,，;；。]{0,6}?(?:赠送|送上|送来|敬献|献上|颁发|授予|捐赠|赠予)了?[^,，;；。]{0,4}?(?:锦旗|牌匾|感谢信|荣誉证书)"
)
_TASK = re.compile(r"的(?:对口)?(?:帮扶|支援|援助|援建|协作)(?:任务|工作)")


def _task_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """(新增)X的帮扶任务: X is to receive; the giver is who takes on the task."""
    out = []
    for m in _TASK.finditer(text, s, e):
        head = max(s, m.start() - 16)
        for start in range(head, m.start()):
            found = list_after(text, start, m.start(), tokens, gap=0)
            if found and found[-1].end == m.start():
                out.append(Pair([], found, WEAK, "task"))
                break
    return out


def _agreement_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """A、B、C与D(三方四地)签订/共建…: several parties sign; the document's recipient receives."""
    out = []
    for m in _SIGN.finditer(text, s, e):
        clause_start = max([a for a, _ in _clauses(text, s, e) if a <= m.start()] or [s])
        before = [t for t in tokens if clause_start <= t.start and t.end <= m.start()]
        if len(before) < 2:
            continue
        group = coordinated(text, before[-1], tokens, clause_start, m.start())
        if len(group) >= 2:
            out.append(Pair(group, [], 0, "agreement"))
    return out


def _symmetric_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """A与B签订/结对/携手 …: two parties, direction unknown yet."""
    out = []
    for i, a in enumerate(tokens[:-1]):
        b = tokens[i + 1]
        if not (s <= a.start and b.end <= e):
            continue
        between = text[a.end:b.start]
        if between not in SYMMETRIC_JOINERS:
            continue
        if _SYMMETRIC.search(text, b.end, e) or AID.search(text, b.end, e):
            out.append(Pair([a], [b], 0, "symmetric"))
    return out


def without_self(p: Pair) -> Pair:
    """A party is never its own donor, nor is a body at the recipient's own place; a
    place does not receive from the places inside it (在吕梁市… after 孝义市、石楼县 is scope)."""
    keys = {key(t.party) for t in p.recipients} | {t.party.adcode for t in p.recipients if t.party.adcode}
    donors = [t for t in p.donors if key(t.party) not in keys and t.party.adcode not in keys]
    recipients = [r for r in p.recipients if not any(_contains(r.party, d.party) for d in donors)]
    return Pair(donors, recipients, p.strength, p.rule)


def _contains(a: Party, b: Party) -> bool:
    """True when place ``a`` encloses place ``b`` (by adcode)."""
    return a.kind is PartyKind.PLACE and holds(a.adcode, b.adcode)




def pairs_in_sentence(text: str, s: int, e: int, tokens: list[Token]) -> list[Pair]:
    """Every pair the sentence ``text[s:e]`` states, strongest rules first.

    The explicit constructions (将…交给A, 来自A的…, 在A的帮助下, A对口帮扶B) are
    read first; a multi-party signing next; the weak ones (B受援, 赴B, A派出…,
    A投入…元, A与B…) only when nothing stronger spoke.
    """
    everyone = tokens
    tokens = _without_predecessors(text, s, e, tokens)
    table = [Pair(g.donors, g.recipients, g.strength, "symmetric" if g.strength == 0 else g.rule)
             for g in grammar_pairs(text, s, e, tokens)]
    by_table = {id(t) for p in table for t in p.donors + p.recipients}
    pairs = _assigned_pairs(text, s, e, tokens) + _from_donor_pairs(text, s, e, tokens)
    pairs += _received_help_pairs(text, s, e, tokens) + _toward_pairs(text, s, e, tokens)
    pairs = [p for p in pairs if not all(id(t) in by_table for t in p.donors + p.recipients)]
    claimed = {id(t) for p in pairs for t in p.donors + p.recipients} | by_table
    pairs += [p for p in _directed_pairs(text, s, e, tokens) if not any(id(t) in claimed for t in p.recipients)]
    pairs = table + pairs
    if not pairs:
        pairs = _agreement_pairs(text, s, e, tokens)
    weak = (
        _recipient_marker_pairs(text, s, e, tokens) + _location_pairs(text, s, e, tokens)
        + _dispatch_pairs(text, s, e, tokens) + _giving_pairs(text, s, e, tokens) + _task_pairs(text, s, e, tokens)
        + _enter_area_pairs(text, s, e, tokens) + _team_of_pairs(text, s, e, tokens) + _region_aid_pairs(text, s, e, tokens)
        + [p for p in _symmetric_pairs(text, s, e, tokens) if not {id(p.donors[0]), id(p.recipients[0])} <= by_table]
    )
    if pairs:
        # Beside a stronger reading, a weak one counts only for a party it adds
        # (青白江区人社局…齐聚九龙 next to 青白江区对口帮扶九龙县).
        known = {key(t.party) for p in pairs for t in p.donors + p.recipients}
        pairs += [p for p in weak if p.donors and not {key(t.party) for t in p.donors + p.recipients} <= known]
    else:
        pairs = weak
    out = [without_self(_used_within(text, e, tokens, p)) for p in pairs]
    out = [g for p in out for g in _as_groups(text, s, e, p)]
    out = [p for p in out if p.rule != "symmetric" or (p.donors and p.recipients)]  # two sides, or nothing to orient
    out = _with_former_receivers(text, s, e, tokens, out)
    if len(tokens) < len(everyone):
        # The predecessor helped the same receivers before: that pair stands, undated here.
        before = [t for t in everyone if all(t is not x for x in tokens)]
        out += [Pair(before, p.recipients, STRONG, "predecessor") for p in out[:1] if p.donors and p.recipients]
    return out


_RESPECTIVELY = re.compile(r"分别|各自|依次|一一")


def _as_groups(text: str, s: int, e: int, p: Pair) -> list[Pair]:
    """湖南长沙、株洲、常德、岳阳4地市,全面进驻西藏山南市贡嘎、扎囊、隆子、桑日4县: with no 分别, a list
    of givers and a list of receivers are paired as groups, not each with each. Where the receivers are
    written under their unit, each giver helps that unit, and the givers' own unit, where written, helps
    each receiver (北京海淀、顺义、昌平等区对口协作湖北丹江口市、河南淅川县: 北京 with each). Lists the text places
    under no unit stay as they are."""
    if len(p.donors) < 2 or len(p.recipients) < 2 or _RESPECTIVELY.search(text, s, e):
        return [p]
    unit, givers_unit = _written_unit(p.recipients), _written_unit(p.donors)
    if unit is None and givers_unit is None:
        return [p]
    out = [Pair(p.donors, [unit], p.strength, p.rule)] if unit is not None else []
    if givers_unit is not None:
        out.append(Pair([givers_unit], p.recipients, p.strength, p.rule))
    return out


def _written_unit(items: list[Token]) -> Token | None:
    """The innermost unit written before the first of ``items`` (西藏山南市贡嘎、扎囊: 山南市) that holds them all."""
    first = items[0]
    for unit in reversed(first.parents):
        if all(t.party.kind is PartyKind.PLACE and holds(unit.adcode, t.party.adcode) for t in items):
            return Token(first.start, first.end, unit, ("province", "prefecture", "county")[depth(unit.adcode)])
    return None


_USED_FOR = re.compile(r"用于|用在|投向|重点支持|主要支持")


def _used_within(text: str, e: int, tokens: list[Token], p: Pair) -> Pair:
    """上海市援助云南省帮扶资金1亿元,主要用于迪庆藏区及红河、文山、普洱3州市…: the places the help is used
    for, inside the place that receives it, receive the same help (one event, its amount counted once)."""
    if p.strength != STRONG or not p.donors or not p.recipients:
        return p
    m = _USED_FOR.search(text, max(t.end for t in p.recipients), e)
    if not m:
        return p
    inner = [t for t in tokens if t.start >= m.end() and t.end <= e
             and any(_contains(r.party, t.party) for r in p.recipients)]
    return Pair(p.donors, p.recipients + inner, p.strength, p.rule) if inner else p


# 福建对口支援西藏地区从林芝市调整到昌都市; 河南由对口支援阿克苏地区转为支援哈密地区: the receivers a giver leaves
# (after 从/由) still had its help, undated here; those it turns to (after the verb) have it now.
_CHANGED_TO = re.compile(r"(?:调整到|调整为|调整至|转为|改为|变为|转到|转向)(?:对口)?(?:支援|帮扶|援建|援助|协作)?")
_CHANGED_FROM = re.compile(r"(?:从|由)(?:对口)?(?:支援|帮扶|援建|援助|协作)?$")


def former_receivers(text: str, s: int, e: int, tokens: list[Token]) -> list[tuple[set[int], list[Token]]]:
    """Each change of receivers sentence ``[s, e)`` states (从林芝市调整到…): the ids of the receivers left, and
    the receivers turned to."""
    out: list[tuple[set[int], list[Token]]] = []
    for m in _CHANGED_TO.finditer(text, s, e):
        before = list_before(text, m.start(), s, tokens)
        if before and _CHANGED_FROM.search(text, max(s, before[0].start - 8), before[0].start):
            out.append(({id(t) for t in before}, list_after(text, m.end(), e, tokens)))
    return out


def _with_former_receivers(text: str, s: int, e: int, tokens: list[Token], pairs: list[Pair]) -> list[Pair]:
    """Each pair's receivers its giver left become a pair of their own (rule ``former_receiver``, undated), the
    giver gives to the receivers it turned to, and a receiver left gives to none of them."""
    changes = former_receivers(text, s, e, tokens)
    if not changes:
        return pairs
    former = set().union(*(left for left, _now in changes))
    out: list[Pair] = []
    for p in pairs:
        if p.donors and all(id(d) in former for d in p.donors):
            continue  # 由对口支援阿克苏地区转为支援哈密地区: the receiver left gives nothing to the next
        left = [r for r in p.recipients if id(r) in former]
        if not left or not p.donors:
            out.append(p)
            continue
        out.append(Pair(p.donors, left, p.strength, "former_receiver"))
        kept = [r for r in p.recipients if id(r) not in former]
        turned_to = next(now for ids, now in changes if id(left[0]) in ids)
        turned = [t for t in turned_to if all(t is not r for r in kept) and all(t is not d for d in p.donors)]
        if kept or turned:
            out.append(Pair(p.donors, kept + turned, p.strength, p.rule))
    for left_ids, now in changes:
        # 福建对口支援西藏地区从林芝市调整到昌都市: no pair names the receivers left, but one names those turned to;
        # its giver is the one that turned, and gave to those it left.
        if any(id(r) in left_ids for p in out for r in p.recipients):
            continue
        giver = next((p.donors for p in out if p.donors and any(r is t for r in p.recipients for t in now)), None)
        if giver:
            out.append(Pair(giver, [t for t in tokens if id(t) in left_ids], STRONG, "former_receiver"))
    return out


_TAKES_OVER = re.compile(r"[“\"]?(?:接棒|接替|接过)[”\"]?")


def _without_predecessors(text: str, s: int, e: int, tokens: list[Token]) -> list[Token]:
    """佛山市“接棒”杭州市,结对黔东南: the party taken over from is the predecessor, no party to today's help."""
    gone = predecessors(text, s, e, tokens)
    return [t for t in tokens if id(t) not in gone] if gone else tokens


def predecessors(text: str, s: int, e: int, tokens: list[Token]) -> set[int]:
    """The ids of the tokens of sentence ``[s, e)`` that a take-over names as the predecessor (接棒/接替/接过)."""
    gone: set[int] = set()
    if not _TAKES_OVER.search(text, s, e):
        return gone
    for m in _TAKES_OVER.finditer(text, s, e):
        gone.update(id(t) for t in list_after(text, m.end(), e, tokens, gap=0))
        # 从珠海市手中接过结对援建怒江州的接力棒: the party it is taken from stands before
        hand = _FROM_HANDS.search(text, max(s, m.start() - _HANDS_REACH), m.start())
        if hand:
            gone.update(id(t) for t in tokens if hand.start("who") <= t.start and t.end <= hand.end("who"))
    return gone


_FROM_HANDS = re.compile(r"从(?P<who>[^,，。；;]{2,20}?)(?:手中|手里|那里)$")
_HANDS_REACH = 24


def _capital_city(adcode: str) -> bool:
    """The provincial capital itself or one of its districts (城关区 of 兰州), not its counties or other cities."""
    code = adcode[:6]
    if code[2:4] != "01" or code.endswith("0000"):
        return False
    return code.endswith("00") or 1 <= int(code[4:6]) <= 20


def _county(adcode: str) -> bool:
    """A county, banner or county-level city (not a district: 旌阳区 pairs with 武侯区 as a peer)."""
    code = adcode[:6]
    return not code.endswith("00") and int(code[4:6]) > 20


def programme_orientation(a: Party, b: Party) -> int:
    """+1 if the programmes' geography says a gives to b, -1 if b to a, 0 if it does not say.

    Aided areas (Tibet, Xinjiang, Qinghai, the Tibetan and Yi prefectures)
    receive; in east–west pairs the eastern party gives.
    """
    if not (a.adcode and b.adcode):
        return 0
    a_aided = a.adcode.startswith(AIDED_AREAS)
    b_aided = b.adcode.startswith(AIDED_AREAS)
    if a_aided != b_aided:
        return -1 if a_aided else 1
    pa, pb = a.adcode[:2], b.adcode[:2]
    if pa in EAST_GIVING_PROVINCES and pb in WEST_RECEIVING_PROVINCES:
        return 1
    if pb in EAST_GIVING_PROVINCES and pa in WEST_RECEIVING_PROVINCES:
        return -1
    if pa == pb and pa in WITHIN_PROVINCE:  # 山海协作, 南北挂钩, 珠三角 → 粤东西北
        giving, receiving = WITHIN_PROVINCE[pa]
        a_gets, b_gets = a.adcode.startswith(receiving), b.adcode.startswith(receiving)
        a_gives = not a_gets if giving is None else a.adcode.startswith(giving)
        b_gives = not b_gets if giving is None else b.adcode.startswith(giving)
        if a_gives and b_gets:
            return 1
        if b_gives and a_gets:
            return -1
    if pa in EAST_PARTNERS_OF_NORTHEAST and pb in NORTHEAST_RECEIVING:
        return 1
    if pb in EAST_PARTNERS_OF_NORTHEAST and pa in NORTHEAST_RECEIVING:
        return -1
    if b.adcode.startswith(WATER_SOURCE_PARTNERS.get(pa, ("-",))):
        return 1
    if a.adcode.startswith(WATER_SOURCE_PARTNERS.get(pb, ("-",))):
        return -1
    if pa == pb and pa not in WITHIN_PROVINCE:  # 城关区 (兰州) with 榆中县: the capital's city gives to a county
        if _capital_city(a.adcode) and _county(b.adcode):
            return 1
        if _capital_city(b.adcode) and _county(a.adcode):
            return -1
    if pa in CAPITAL_GIVING_PROVINCES and pb in CAPITAL_RECEIVING_PROVINCES:
        return 1
    if pb in CAPITAL_GIVING_PROVINCES and pa in CAPITAL_RECEIVING_PROVINCES:
        return -1
    return 0
