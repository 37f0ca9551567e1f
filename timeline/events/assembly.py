"""Events: dates and places joined into donor → recipient events with evidence.

This is the one module of :mod:`timeline` that uses :mod:`geo`; the CLI and
the app both call :func:`extract_events`.

How a sentence becomes events:

1. It must hold the programmes' vocabulary (对口帮扶, 援藏, 飞地, 捐赠 …).
2. Direction comes from its grammar, strongest rule first: DONOR <directed
   verb> RECIPIENT (A对口帮扶B, A援助B); 来自A的援藏干部…; 将对口帮扶X的使命交给A;
   在A的帮助下 (help that runs the other way); B受援; 赴/抵达 B; A与B签订… (no
   direction of its own: the document's pair, or the pair a title names
   (自贡·平昌), decides).
3. A role the sentence leaves open is filled from the pairs the same section
   of the article states (a section starts at a byline such as "■道孚县委、
   县政府"), else from the article's dominant pair.
4. The date is the time expression of the same clause, else of the same
   sentence — never another sentence's, never the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from operator import attrgetter

from timeline.events.adcodes import depth, holds, related
from timeline.events.amounts import find_money, find_people
from timeline.dates.engine import find_dates_normalized
from timeline.events.model import Event, EventKind, Party, PartyKind, Programme
from timeline.text.document import Document
from timeline.text.normalization import NormalizedText, normalize, to_simplified
from timeline.text.segmentation import join_wrapped_lines
from timeline.events.direction import (
    AID, REGION_AID, STRONG, TEAM, WEAK, Pair, former_receivers, key, pairs_in_sentence, predecessors,
    programme_orientation,
)
from timeline.events.grammar import RULES
from timeline.events.parties import Token, attach_organisations, merge_parent_chains
from timeline.events.dating import Dating
from timeline.events.deixis import home_places, resolve_delegations, resolve_deixis
from timeline.events.merging import merge_mentions
from timeline.events.learned import Candidate, candidates, load_model
from timeline.events.abbreviations import abbreviation_token, programme_name_tokens
from timeline.events.spans import bounded_sentences, paragraph_ids
from timeline.events.vocabulary import (
    ARRIVAL_VERBS, DELEGATION_WORDS, GENERIC_LOCALITIES, REGION_AID_AREAS, KIND_ORDER, KIND_TRIGGERS, LOCALITY, ORG_SUFFIXES, PARK_HEAD,
    PROGRAMME_WORDS, SYMMETRIC_JOINERS,
)

__all__ = ["extract_events", "extract_document_events", "pair_candidates"]

_BYLINE = re.compile(r"(?:委|政府|人民政府)")
_TITLE_PAIR = re.compile(r"[·•・—]")  # 自贡·平昌, 秀洲—龙泉: the giver first
_METADATA = re.compile(r"\|.*\|")  # a table row or a page's metadata line, not prose

# A photo's caption repeats the story; it is not an event of its own.
_CAPTION = re.compile(r"\s*(?:[(（\[【]?图[)）\]】]?[:：]|图为|上图|下图|图片为|图片来源|图注)")
# …工人在生产线上作业(2022年5月5日摄)。: a sentence that ends with the photographer's credit is a caption.
_CAPTION_END = re.compile(r"[(（][^()（）\n]{0,40}摄[)）]\s*[。.]?\s*$")
_MEMORY = 64
# In an article about pairing aid, what its places sign, their delegations' visits and the support one
# gives another (给予…支持) belong to it.
_GIVEN_SUPPORT = re.compile(r"给予[^。；;]{0,12}?(?:支持|帮助|扶持)")
_SIGNED_OR_VISITED = re.compile(
    r"(?:签订|签署)[^。；;]{0,30}?(?:协议|备忘录|协定)|" + "|".join(DELEGATION_WORDS) + "|" + _GIVEN_SUPPORT.pattern
)
_ABOUT_AID = 3  # aid words in an article's opening that make it an article about pairing aid
# What a party named only by text needs: a count of units (10个县), a village or township, a body's suffix.
_TEXT_PARTY_HEAD = re.compile("个|村|乡|镇|街道|社区|" + "|".join(ORG_SUFFIXES))
# A line of a pairing table: 甲—乙, or a table's row of two cells (福田区 | 兴国县 |), nothing else.
_PAIR_LINE = re.compile(
    r"^\s*[|｜]?\s*[\u4e00-\u9fff（）()]{2,30}\s*(?:—{1,2}|－|–|-{1,2}|[|｜\t])\s*[\u4e00-\u9fff（）()]{2,30}"
    r"\s*(?:[;；,，。]|[|｜])?\s*$"
    # 4、上海:莎车县、泽普、叶城、巴楚。 (numbered lines under 支援地:受援地)
    r"|^\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})?[、.．)）]?\s*[\u4e00-\u9fff]{2,12}\s*[:：]"
    r"\s*[\u4e00-\u9fff、，,和及（）()0-9]{2,80}\s*[;；。]?\s*$"
)
# A line that is an aside in brackets, (喀什地区,疏附县为重点): inside a table it neither ends it nor adds a pair.
_ASIDE_LINE = re.compile(r"^\s*[(（][^()（）]*[)）]\s*$")
# A table's caption: a short line of its own, no clause in it (深圳市与赣州市区县结对合作安排).
_TABLE_CAPTION = re.compile(r"^[^,，。;；!?！？]{4,40}$")



@dataclass
class _DocContext:
    """What the article says about its pairs, gathered before events are built."""

    pair_counts: Counter = field(default_factory=Counter)  # (donor adcode/name, recipient …) -> n
    named_counts: Counter = field(default_factory=Counter)  # the same, of pairs a programme's name states (京宛)
    joined: set = field(default_factory=set)  # (a, b) of A与B…: two places stated together, direction open
    # Pairs a verb directs (绍兴市向衢州市捐赠), apart from those only the order of a name gives
    # (衢州市—绍兴市山海协作, a title's 甲·乙): where they disagree, the verb is right.
    verb_counts: Counter = field(default_factory=Counter)
    title_pair: tuple[Token, Token] | None = None
    region_receivers: dict[str, Token] = field(default_factory=dict)  # 援藏 → the Tibetan place the article is about

    def orientation(self, a: Party, b: Party) -> int:
        """+1 if the article has a→b as a pair, -1 if b→a, 0 if it cannot tell."""
        ka, kb = key(a), key(b)
        return (_sign(self.verb_counts[(ka, kb)], self.verb_counts[(kb, ka)])
                or _sign(self.pair_counts[(ka, kb)], self.pair_counts[(kb, ka)])
                or programme_orientation(a, b) or self._by_lineage(a, b))

    def _by_lineage(self, a: Party, b: Party) -> int:
        """北京市与河南省政府签订… in an article whose pair is 北京 → 南阳 (in 河南): a pair of places
        that hold, or lie in, the article's stated giver and receiver runs the same way."""
        if not (a.adcode and b.adcode):
            return 0
        # Stated pairs first, a programme's name next; places of one line first, then of one province
        # (朝阳区 and 淅川县 in an article whose pair is 顺义区 → 西峡县).
        for kin in (related, _same_province):
            for counts in (self.pair_counts, self.named_counts):
                if len(counts) > _LINEAGE_PAIRS:
                    continue
                ab = ba = 0
                for (d, r), n in counts.items():
                    if kin(a.adcode, d) and kin(b.adcode, r):
                        ab += n
                    if kin(b.adcode, d) and kin(a.adcode, r):
                        ba += n
                if ab != ba:
                    return 1 if ab > ba else -1
        return 0

    def dominant(self) -> tuple[str, str] | None:
        if not self.pair_counts:
            return None
        (pair, n), *rest = self.pair_counts.most_common(2)
        if rest and rest[0][1] == n:
            return None
        return pair

    def freeze(self) -> None:
        """Index the pairs once they are all counted (the second pass only reads them)."""
        self.donor_keys = {d for d, _r in self.pair_counts}
        self.recipient_keys = {r for _d, r in self.pair_counts}


# Rules that read a pair from the order of a name or a table line, not from a verb.
_NAMING_ORDER = frozenset({"joined_name", "dash_pair", "dash_pairs_listed", "table_row", "colon_line", "park_of"})


def _geography_turns(first: Party, second: Party) -> bool:
    """True when the programmes' geography has the second of two places named in order giving to the first
    (茂名电白·佛山南海产业合作园, 莲都—义乌): a name's or a table's order yields to it."""
    return programme_orientation(first, second) < 0


def _sign(x: int, y: int) -> int:
    return (x > y) - (y > x)


_LINEAGE_PAIRS = 64  # an article states a handful of pairs; past this many, lineage is not consulted


def _same_province(x: str, y: str) -> bool:
    return x[:2].isdigit() and x[:2] == y[:2]


def _place_party(pm) -> Party:
    return Party(
        name=pm.name, kind=PartyKind.PLACE, mention=pm.mention, adcode=pm.adcode, lon=pm.lon, lat=pm.lat,
        approximate=bool(pm.approximate), former_name=pm.historical_name or "",
    )


def _to_norm(norm: NormalizedText, pos: int) -> int:
    return bisect_left(norm.index, pos)


# -- the pass over an article ------------------------------------------------------------
def _tokens(norm: NormalizedText, places) -> list[Token]:
    raw = [
        Token(_to_norm(norm, pm.start), _to_norm(norm, pm.end), _place_party(pm), str(pm.level))
        for pm in places
        if not pm.names_event  # 汶川地震重灾区: the disaster's name, not a party
    ]
    return attach_organisations(merge_parent_chains(raw, norm.text), norm.text)


# A photo or text credit in brackets names who made the page, not a party: (什邡市委宣传部 供图), （记者 张三 摄）.
_CREDIT = re.compile(r"[(（][^()（）\n]{0,40}?(?:供图|摄影|摄|供稿|通讯员|记者)[^()（）\n]{0,20}[)）]")


# A dateline names where the reporter filed from, not a party: 新华网西安9月29日电, 中新社广州11月7日电,
# 中广网北京8月4日消息, 新华网北京(记者刘铮).
_DATELINE_PLACE = re.compile(
    r"(?:新华社|新华网|中新社|中新网|人民网|央视网|央广网|中广网|中国网|光明网|中青网|国际在线|本报|本网)"
    r"[\u4e00-\u9fff]{2,8}?"
    r"(?:(?:[0-9]{1,2}月)?[0-9]{1,2}日(?:电|讯|消息)|(?:电|讯)?[(（]记者)"
)


# A book's title names its subject, not a party to an event: 《江苏省对口支援新疆建设志》正式出版.
_BOOK_TITLE = re.compile(r"《[^《》\n]{2,40}?(?:志|年鉴|画册|读本|丛书|文集|纪实|实录)》")


def _without_spans(text: str, tokens: list[Token], *patterns: re.Pattern) -> list[Token]:
    """``tokens`` less those inside a match of any of ``patterns`` (a credit, a book's title, a dateline)."""
    for pattern in patterns:
        tokens = _outside(text, tokens, pattern)
    return tokens


def _outside(text: str, tokens: list[Token], pattern: re.Pattern) -> list[Token]:
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return tokens
    starts = [a for a, _ in spans]
    out = []
    for t in tokens:
        i = bisect_left(starts, t.start + 1) - 1
        if i >= 0 and spans[i][0] <= t.start and t.end <= spans[i][1]:
            continue
        out.append(t)
    return out


def _title_places(title: str, doc: str) -> list[Token]:
    """The places of a title known apart from the text (metadata)."""
    from geo.places.recognition import find_places_normalized

    if not title.strip():
        return []
    norm = normalize(title)
    return _tokens(norm, find_places_normalized(norm, doc=doc))


def _title_pair(text: str, tokens: list[Token]) -> tuple[Token, Token] | None:
    """自贡·平昌 / 和平·会宁 in the first lines: the first is the donor."""
    head_end = min(len(text), 400)
    head = [t for t in tokens[:bisect_left([t.start for t in tokens], head_end + 40)]]
    by_end = {t.end: t for t in head}
    by_start = {t.start: t for t in head}
    for m in _TITLE_PAIR.finditer(text, 0, head_end):
        a = by_end.get(m.start())
        b = by_start.get(m.end())
        if a and b and a.party.kind is b.party.kind is PartyKind.PLACE:
            # …unless the programme's geography has the second giving (茂名电白·佛山南海产业合作园)
            return (b, a) if _geography_turns(a.party, b.party) else (a, b)
    return None


_REGIONAL = (Programme.XINJIANG_AID, Programme.TIBET_AID, Programme.EAST_WEST, Programme.MOUNTAIN_SEA)


def _document_programme(text: str) -> Programme:
    """The regional programme the article names most; enclave parks and
    reconstruction are read sentence by sentence, not for a whole article."""
    counts = Counter()
    for programme, pattern in PROGRAMME_WORDS:
        if programme in _REGIONAL:
            counts[programme] += len(pattern.findall(text))
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] else Programme.PAIRING


def _programme(sentence: str, fallback: Programme) -> Programme:
    for programme, pattern in PROGRAMME_WORDS:
        if pattern.search(sentence):
            return programme
    return fallback


def _kind(sentence: str, has_money: bool, has_team: bool) -> EventKind:
    for kind in KIND_ORDER:
        if not KIND_TRIGGERS[kind].search(sentence):
            continue
        if kind is EventKind.FUNDING and not has_money:
            continue
        if kind is EventKind.TEAM_ARRIVAL and not (has_team or ARRIVAL_VERBS.search(sentence)):
            continue
        return kind
    return EventKind.OTHER


def _rule_kind(rule: str, sentence: str, sentence_kind: EventKind, has_money: bool, has_team: bool) -> EventKind:
    """The kind the pair's own construction names, else the sentence's kind.

    向银厂湾村捐赠10万元 is funding even where the same sentence also says
    奔赴 (a visit); 派出N名干部 is a team even in a sentence about money.
    """
    if rule in ("toward", "giving") and has_money:
        return EventKind.FUNDING
    if rule in ("dispatch", "from", "enter_area", "team_of") and has_team:
        return EventKind.TEAM_ARRIVAL
    return sentence_kind


def _event_id(doc: str, start: int, end: int, n: int) -> str:
    return hashlib.sha1(f"{doc}\x00{start}\x00{end}\x00{n}".encode()).hexdigest()[:12]


def extract_events(
    text: str, *, doc: str, publication_date: dt.date | None = None, programme: Programme | None = None,
    title: str = "",
) -> list[Event]:
    """Donor → recipient events of one article, in text order.

    Parameters:
        text: the decoded original article (offsets refer to it).
        doc: the document's name, copied into each event.
        publication_date: reference for relative and inferred years (never the clock).
        programme: the programme to assume where a sentence names none.
        title: the article's title where known apart from its text (it may
            name who 我市/我区 is).

    Returns:
        Events (possibly ``[]``). An event whose sentence states no year has an
        empty year. Mentions of one pair, kind and date are one event.
    """
    events, reading = _rule_events(text, doc=doc, publication_date=publication_date, programme=programme,
                                   title=title)
    model = load_model()
    per_sentence = Counter((ev.char_start, ev.char_end) for ev in events)  # ids go on from the rules' events
    for c in reading.candidates(events):  # what the rules did not read, where the learned model is sure enough
        if model.accepts(c):
            # 从珠海市手中接过…怒江州的接力棒: a pair whose giver was taken over from stands, undated here.
            rule = "predecessor" if reading.stood_before(c.sentence, c.donor, c.recipient) else "learned"
            learned = reading.events_for(c.sentence, [Pair([c.donor], [c.recipient], WEAK, rule)],
                                         first=per_sentence[reading.span(c.sentence)])
            per_sentence.update((ev.char_start, ev.char_end) for ev in learned)
            events.extend(learned)
    events.sort(key=lambda ev: ev.char_start)  # stable: a sentence's events keep their order
    return merge_mentions(events)


@dataclass
class _Reading:
    """What the rules read of an article, kept for the learned stage (:mod:`timeline.events.learned`)."""

    norm: NormalizedText
    doc: str
    title: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    dating: Dating
    programme: Programme
    located: dict[str, Party]

    def candidates(self, events: list[Event]) -> list[Candidate]:
        found = {(d.adcode[:6], r.adcode[:6]) for ev in events for d in ev.donors for r in ev.recipients
                 if d.adcode and r.adcode}
        return candidates(self.norm.text, self.tokens, self.sentences, found, self.title)

    def events_for(self, i: int, pairs: list[Pair], first: int = 0) -> list[Event]:
        return _events_for(self.norm, self.doc, i, pairs, self.dating, self.programme, self.located, first)

    def stood_before(self, i: int, donor: Token, recipient: Token) -> bool:
        """True when sentence ``i`` says the pair held before, not now: its giver was taken over from (佛山市接棒
        杭州市) or its receiver was left (从林芝市调整到昌都市)."""
        s, e = self.sentences[i]
        start = attrgetter("start")
        inside = self.tokens[bisect_left(self.tokens, s, key=start):bisect_left(self.tokens, e, key=start)]
        return (id(donor) in predecessors(self.norm.text, s, e, inside)
                or any(id(recipient) in left for left, _now in former_receivers(self.norm.text, s, e, inside)))

    def span(self, i: int) -> tuple[int, int]:
        """Sentence ``i``'s span in the original text (where its events' evidence stands)."""
        return self.norm.to_original(*self.sentences[i])


def pair_candidates(
    text: str, *, doc: str, publication_date: dt.date | None = None, title: str = "",
) -> list[Candidate]:
    """The candidate pairs the learned stage scores for an article (what :mod:`timeline.events.training`
    labels with an annotated set's gold)."""
    events, reading = _rule_events(text, doc=doc, publication_date=publication_date, title=title)
    return reading.candidates(events)


def _rule_events(
    text: str, *, doc: str, publication_date: dt.date | None = None, programme: Programme | None = None,
    title: str = "",
) -> tuple[list[Event], _Reading]:
    """The events the grammar rules read (in sentence order, not yet merged) and what they read them from."""
    from geo.places.recognition import find_places_normalized  # the one place timeline uses geo

    norm = normalize(text)
    joined = join_wrapped_lines(norm.text)  # a page that wraps its sentences across lines reads them whole
    if joined is not norm.text:
        norm = replace(norm, text=joined)
    ntext = norm.text
    dates = find_dates_normalized(norm, doc=doc, publication_date=publication_date)
    dates.sort(key=lambda d: d.start)
    date_starts = [d.start for d in dates]
    places = find_places_normalized(norm, doc=doc)
    tokens = _without_spans(ntext, _tokens(norm, places), _CREDIT, _BOOK_TITLE)
    title_tokens = _title_places(title, doc)
    homes = home_places(ntext, tokens, title_tokens)  # a dateline may say who 我市 is…
    tokens = resolve_deixis(ntext, _without_spans(ntext, tokens, _DATELINE_PLACE), homes)  # …but is no party
    tokens = resolve_delegations(ntext, tokens)  # 代表团一行…: the delegation named last
    doc_programme = programme or _document_programme(ntext)
    named = programme_name_tokens(
        ntext, tokens, lambda name, a, b: abbreviation_token(name, a, b, doc, _place_party, ntext[a:b]),
        programme_orientation,
    )
    named_starts = [g.start for g, _t, _two in named]

    starts = [t.start for t in tokens]
    sents = bounded_sentences(ntext, [(t.start, t.end) for t in tokens])
    paragraphs = paragraph_ids(ntext, sents)
    found: list[tuple[int, list[Pair]]] = []
    ctx = _DocContext(region_receivers=_region_receivers(tokens, title_tokens))
    title_pair = _title_pair(ntext, tokens)
    if title_pair:
        ctx.pair_counts[(key(title_pair[0].party), key(title_pair[1].party))] += 2
    # In an article about pairing aid, an agreement its places sign (北京市与河南省政府签订了《…战略合作框架
    # 协议》) or a visit of their delegations is part of it even where the sentence names no aid.
    about_aid = len(AID.findall(ntext, 0, 20_000)) >= _ABOUT_AID
    section_speaker: Token | None = None
    speakers: list[Token | None] = []
    table_heading = False
    listed: set[int] = set()  # sentences read only for the pairs of places they list (_names_pairings)
    for i, (s, e) in enumerate(sents):
        sentence = ntext[s:e]
        inside = tokens[bisect_left(starts, s):bisect_left(starts, e)]
        aided = AID.search(sentence) is not None
        if len(sentence) <= 30 and _BYLINE.search(sentence):
            inside_whole = [t for t in inside if t.end <= e]
            if inside_whole:
                section_speaker = inside_whole[0]
        speakers.append(section_speaker)
        if about_aid and not aided and _names_pairings(ntext, inside):
            listed.add(i)
        if _PAIR_LINE.match(sentence) and table_heading:
            pass  # a line of a pairing table under a heading that names the aid (…对口支援方案如下：)
        elif table_heading and _ASIDE_LINE.match(sentence):
            continue
        elif (not (aided or (about_aid and _SIGNED_OR_VISITED.search(sentence)) or i in listed)
              or _METADATA.search(sentence) or _CAPTION.match(sentence)
              or _CAPTION_END.search(sentence)):
            table_heading = False
            continue
        else:
            table_heading = sentence.rstrip().endswith((":", "：")) or bool(_TABLE_CAPTION.match(sentence.strip()))
        in_name = named[bisect_left(named_starts, s):bisect_left(named_starts, e)]
        if not inside and not in_name and _BOTH_SIDES.search(sentence) and aided:
            found.append((i, [Pair([], [], 0, "both_sides")]))  # 两地…共建协作产业园: the article's own pair
            continue
        if not inside and not in_name and not _TEXT_PARTY_HEAD.search(sentence):
            continue  # no place, and no word that could name a region, village or body: no party to read
        # Each rule looks only inside its sentence: hand it that sentence's tokens.
        pairs = pairs_in_sentence(ntext, s, e, inside)
        if not aided:  # admitted as a signing only: governments of places, not companies
            pairs = [p for p in pairs if all(t.party.kind is PartyKind.PLACE for t in p.donors + p.recipients)]
        # 京蒙两地建立对口帮扶关系: a programme's name states its pair.
        for g, t, the_two in in_name:
            ctx.named_counts[(key(g.party), key(t.party))] += 1
            if not _names_inside(pairs, g, t):
                pair = _programme_pair(g, t, inside)
                if the_two and pair.rule == "programme_name":
                    pair = Pair(pair.donors, pair.recipients, STRONG, "programme_places")  # the places themselves
                pairs.append(pair)
        for p in pairs:
            if p.rule == "symmetric" and len(ctx.joined) < _LINEAGE_PAIRS:
                ctx.joined.add((key(p.donors[0].party), key(p.recipients[0].party)))
            if p.strength == STRONG and p.rule not in ("received_help", "programme_name"):  # not the article's pair
                for d in p.donors:
                    for r in p.recipients:
                        giver, taker = key(d.party), key(r.party)
                        if p.rule not in _NAMING_ORDER:
                            ctx.verb_counts[(giver, taker)] += 1
                        elif _geography_turns(d.party, r.party):  # as resolution will turn it (_complete)
                            giver, taker = taker, giver
                        ctx.pair_counts[(giver, taker)] += 1
        found.append((i, pairs))

    ctx.freeze()
    by_key = {key(t.party): t for t in tokens}
    dominant = ctx.dominant()
    article_pair = _article_pair(ctx, by_key)
    dating = Dating(norm, dates, date_starts, sents, paragraphs)
    located = _located_localities(ntext, tokens)
    events: list[Event] = []
    section_pairs: dict[int, list[Pair]] = {}
    programme_answers: dict[tuple[str, str], bool] = {}
    for i, pairs in found:
        s, e = sents[i]
        speaker = speakers[i]
        memory = section_pairs.setdefault(id(speaker), [])
        resolved = []
        listed_order = _listed_order(pairs, ctx)
        joined_rule = "listed_pair" if i in listed else "symmetric"  # a listed sentence states its pairs: read whole
        for p in pairs:
            if p.rule == "symmetric" and listed_order and not ctx.orientation(p.donors[0].party, p.recipients[0].party):
                # a pair of a list the article orients in part goes the list's way (_listed_order)
                first, second = (p.donors, p.recipients) if listed_order > 0 else (p.recipients, p.donors)
                resolved.append(Pair(first, second, WEAK, joined_rule))
                continue
            if p.rule == "both_sides":
                if article_pair is not None:
                    resolved.append(Pair([article_pair[0]], [article_pair[1]], WEAK, "both_sides"))
                continue
            if p.rule == "programme_name":
                # One answer per programme: the names come from a fixed table, so this stays linear.
                name_key = (key(p.donors[0].party), key(p.recipients[0].party))
                if name_key not in programme_answers:
                    programme_answers[name_key] = _programme_in_article(p, ctx, by_key) is not None
                p = p if programme_answers[name_key] else None
                if p is None:
                    continue
            p = _seat_as_prefecture(_apart(_complete(p, ctx, memory, dominant, by_key, speaker, ntext, s, e)))
            if p is None:
                continue
            if (p.strength == STRONG and p.rule != "received_help") or p.rule == "symmetric":
                memory.append(p)
                del memory[:-_MEMORY]  # the section's recent pairs: a bounded look-back
            if p.rule == "symmetric":
                p = Pair(p.donors, p.recipients, p.strength, joined_rule)
            resolved.append(p)
        events.extend(_events_for(norm, doc, i, resolved, dating, doc_programme, located))
    return events, _Reading(norm, doc, title, tokens, sents, dating, doc_programme, located)


def _listed_order(pairs: list[Pair], ctx: _DocContext) -> int:
    """南京与淮安、无锡与徐州、常州与盐城…: a list of pairs is written in one order. Where the article orients some
    of a sentence's pairs (南京 gives to 淮安 elsewhere in it) and all those the same way, the sign of that way,
    for the pairs it does not orient; else 0."""
    joined = [p for p in pairs if p.rule == "symmetric" and len(p.donors) == len(p.recipients) == 1]
    if len(joined) < _LISTED_PAIRS:
        return 0
    signs = {o for o in (_sign(ctx.orientation(p.donors[0].party, p.recipients[0].party), 0) for p in joined) if o}
    return signs.pop() if len(signs) == 1 else 0


_LISTED_PAIRS = 3  # pairs of places a sentence lists before their order counts as the list's


def _names_pairings(text: str, tokens: list[Token]) -> bool:
    """A sentence that writes pairs of places as pairs: a list of them (南京与淮安、无锡与徐州…; 柯城和余杭、衢江和鄞州),
    or two names run together into a park's name (常州盐城工业园区). In an article about pairing aid these name its
    pairings even with no aid word beside them."""
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if a.end == b.start and PARK_HEAD.match(text, b.end):
            return True
        if (i + 3 < len(tokens) and text[a.end:b.start] in SYMMETRIC_JOINERS and text[b.end:tokens[i + 2].start] == "、"
                and text[tokens[i + 2].end:tokens[i + 3].start] in SYMMETRIC_JOINERS):
            return True
    return False


# 两地, 双方, 两市: the two partners the article is about, in a sentence that names neither.
_BOTH_SIDES = re.compile(r"两地|双方|两市|两县|两区|两省|两省区|两省市")


def _article_pair(ctx: _DocContext, by_key) -> tuple[Token, Token] | None:
    """The article's one pair: the pair its verbs state most, else the one pair it names together (A与B…)
    when the article orients it; ``None`` when there is no single pair."""
    if ctx.verb_counts:  # pairs a verb states; the order of a name or a title is not enough here
        (pair, n), *rest = ctx.verb_counts.most_common(2)
        d, r = pair
        if (rest and rest[0][1] == n) or d not in by_key or r not in by_key:
            return None
        return by_key[d], by_key[r]
    pairs = {frozenset(p) for p in ctx.joined if len(set(p)) == 2}
    if len(pairs) != 1:
        return None
    a, b = sorted(next(iter(pairs)))
    if a not in by_key or b not in by_key:
        return None
    o = ctx.orientation(by_key[a].party, by_key[b].party)
    return None if o == 0 else (by_key[a], by_key[b]) if o > 0 else (by_key[b], by_key[a])


def _within(inner: Party, outer: Party) -> bool:
    x = outer.adcode[:6]
    head = x[:2] if x.endswith("0000") else x[:4] if x.endswith("00") else x
    return bool(inner.adcode) and inner.adcode.startswith(head)


def _programme_pair(giver: Token, taker: Token, inside: list[Token]) -> Pair:
    """The pair a programme's name states; where its sentence names places inside both of its
    places (自鲁渝协作工作开展以来,聊城始终立足彭水所需), the pair is those places."""
    def within(outer: Token) -> list[Token]:
        found = {}
        for t in inside:
            if t.party.kind is PartyKind.PLACE and t.party.adcode[:6] != outer.party.adcode[:6] and _within(t.party, outer.party):
                found.setdefault(t.party.adcode, t)
        return list(found.values())

    givers, takers = within(giver), within(taker)
    if givers and takers:
        return Pair(givers, takers, STRONG, "programme_places")
    if takers:  # 西峡县…这是京宛对口协作的成果之一: a place named inside the receiving side is where the help went
        return Pair([giver], takers, STRONG, "programme_name")
    return Pair([giver], [taker], STRONG, "programme_name")


def _programme_in_article(p: Pair, ctx: _DocContext, by_key: dict) -> Pair | None:
    """因鲁渝协作的纽带 in an article about 聊城 → 彭水: a programme's name in an article that states a
    pair inside its two places (either way round) qualifies that pair, read where it is stated."""
    giver, taker = p.donors[0].party, p.recipients[0].party
    for a, b in [*ctx.pair_counts, *ctx.joined]:
        if (a, b) == (key(giver), key(taker)) or a not in by_key or b not in by_key:
            continue
        x, y = by_key[a].party, by_key[b].party
        if (_within(x, giver) and _within(y, taker)) or (_within(y, giver) and _within(x, taker)):
            return None
    return p


def _names_inside(pairs: list[Pair], giver: Token, taker: Token) -> bool:
    """鼓楼·原州闽宁协作签约仪式: the programme's name qualifies a pair the sentence names inside its two places."""
    for p in pairs:
        sides = [t.party for t in p.donors + p.recipients]
        if any(_within(x, giver.party) for x in sides) and any(_within(x, taker.party) for x in sides):
            return True
    return False


_NAMED_IN_FULL = ("市", "县", "区", "旗")


def _seat_as_prefecture(p: Pair | None) -> Pair | None:
    """北京…赴玉树: a province pairs with a prefecture; a bare name that is both a prefecture's and its
    seat's (玉树 = 玉树藏族自治州 and 玉树市) is the prefecture when a province gives to it."""
    if p is None or not p.donors or not all(d.party.adcode[2:6] == "0000" for d in p.donors if d.party.adcode):
        return p
    recipients = []
    for r in p.recipients:
        x = r.party
        mention = to_simplified(x.mention or "")
        if (x.kind is PartyKind.PLACE and x.adcode and not x.adcode[4:6] == "00" and mention
                and not mention.endswith(_NAMED_IN_FULL)):
            pref = _prefecture_token(r, mention)
            if pref is not None and pref.party.name.startswith(mention):
                r = pref
        recipients.append(r)
    return Pair(p.donors, recipients, p.strength, p.rule)


def _prefecture_token(token: Token, mention: str) -> Token | None:
    """The prefecture that holds the county of ``token``, at the same place in the text (``None`` if none)."""
    from geo.gazetteer import load_gazetteer

    places = load_gazetteer().places
    seat = places.get(token.party.adcode[:6])
    pref = places.get(seat.prefecture) if seat and seat.prefecture else None
    if pref is None or pref.adcode == seat.adcode:
        return None
    party = Party(name=pref.name, kind=PartyKind.PLACE, mention=mention, adcode=pref.adcode, lon=pref.lon,
                  lat=pref.lat)
    return Token(token.start, token.end, party, "prefecture")


# Rules whose recipient is the object of the giver's verb (not a place passed through or an address).
_OBJECT_RULES = frozenset({"toward_object", "give_to", "aid_area_is", "by_agent", "respectively_verb"})


def _apart(p: Pair | None) -> Pair | None:
    """A place never gives to a place inside it or to the place it lies in (青海省 → 西宁市, 玉树州 → 玉树市):
    such a pair is a venue or an address read as help."""
    if p is None:
        return None
    if p.rule in _OBJECT_RULES:
        # 广东将对汕头、湛江…给予支持: where a verb names its object, a province helps its own cities.
        donors = [d for d in p.donors if not any(_encloses(r.party, d.party) for r in p.recipients)]
    else:
        donors = [d for d in p.donors if not any(_encloses(d.party, r.party) or _encloses(r.party, d.party)
                                                 for r in p.recipients)]
    if not donors:
        return None
    return Pair(donors, p.recipients, p.strength, p.rule)


def _encloses(a: Party, b: Party) -> bool:
    return a.kind is PartyKind.PLACE and b.kind is PartyKind.PLACE and holds(a.adcode, b.adcode)


def _complete(p, ctx, memory, dominant, by_key, speaker, text, s, e) -> Pair | None:
    """Fill an open role, orient a symmetric pair; ``None`` when it cannot be done honestly."""
    if p.rule == "agreement":
        keys = [key(t.party) for t in p.donors]
        receiving = [t for t in p.donors if dominant and key(t.party) == dominant[1]]
        if not receiving:
            receiving = [t for t in p.donors if key(t.party) in ctx.recipient_keys
                         and key(t.party) not in ctx.donor_keys]
        if len(receiving) != 1 and len(p.donors) == 2:  # two signatories: orient as A与B
            return _complete(Pair([p.donors[0]], [p.donors[1]], 0, "symmetric"), ctx, memory, dominant, by_key,
                             speaker, text, s, e)
        if len(receiving) != 1 or len(keys) < 2:
            return None
        return Pair([t for t in p.donors if t is not receiving[0]], receiving, WEAK, "agreement")
    if p.rule == "symmetric":
        a, b = p.donors[0], p.recipients[0]
        o = ctx.orientation(a.party, b.party)
        if o == 0:
            return None
        return Pair([a], [b], WEAK, "symmetric") if o > 0 else Pair([b], [a], WEAK, "symmetric")
    if p.rule in _NAMING_ORDER and len(p.donors) == 1 and len(p.recipients) == 1:
        d, r = p.donors[0], p.recipients[0]
        verbs = _sign(ctx.verb_counts[(key(d.party), key(r.party))], ctx.verb_counts[(key(r.party), key(d.party))])
        if verbs < 0 or (verbs == 0 and _geography_turns(d.party, r.party)):
            # The article's verbs, else the programme's geography, run the other way (莲都—义乌山海协作产业园).
            return Pair([r], [d], p.strength, p.rule)
    if p.rule == "team_of":  # 郫县27名援藏干部…与“第二故乡”道孚一起: the places the article has receiving
        recipients = [r for r in p.recipients if key(r.party) in ctx.recipient_keys]
        if not recipients:
            return None
        p = Pair(p.donors, recipients, p.strength, p.rule)
    if p.rule == "location_loose" and not any(key(r.party) in ctx.recipient_keys for r in p.recipients):
        # 上海市代表团…前往普洱市、西双版纳州: a trip is help only to places the article (or the programme's
        # geography) has receiving from the traveller.
        recipients = [r for r in p.recipients
                      if p.donors and all(ctx.orientation(d.party, r.party) > 0 for d in p.donors)]
        if not recipients:
            return None
        p = Pair(p.donors, recipients, p.strength, p.rule)
    donors, recipients = list(p.donors), list(p.recipients)
    if not recipients and donors:
        recipients = _partner(donors, memory, dominant, by_key, role="recipient", speaker=speaker)
        if p.rule == "region_aid":  # 援藏 gives to the Tibetan place the article is about, nowhere else
            area = REGION_AID.match(text, donors[0].end, e)["area"]
            recipients = [r for r in recipients if r.party.adcode.startswith(REGION_AID_AREAS[area])] or (
                [ctx.region_receivers[area]] if area in ctx.region_receivers else [])
            recipients = [_at_donors_level(r, donors) for r in recipients]
    elif not donors and recipients:
        donors = _partner(recipients, memory, dominant, by_key, role="donor", speaker=speaker,
                          inside_receiver=p.rule in _OPEN_GIVER)
    keys = {key(t.party) for t in recipients}
    donors = [t for t in donors if key(t.party) not in keys]
    if not donors or not recipients:
        return None
    # A weak rule (赴B, B受援) that contradicts the article's stated pair is a
    # visit the other way (道孚 leaders 赴郫县), not help from B.
    # 我市(长春)代表团赶赴天津和杭州: each place visited gives to the visitor.
    if p.strength == WEAK and len(donors) == 1:
        if all(ctx.orientation(donors[0].party, r.party) < 0 for r in recipients):
            donors, recipients = recipients, donors
    return Pair(donors, recipients, p.strength, p.rule)


# Rows of the table that may leave their giver to the article (grammar.Rule.open_giver).
_OPEN_GIVER = frozenset(r.name for r in RULES if r.open_giver)


def _partner(known: list[Token], memory, dominant, by_key, *, role: str, speaker,
             inside_receiver: bool = False) -> list[Token]:
    """The other side of an open role: the section's recent pairs, its speaker, else the article's dominant pair
    (with ``inside_receiver``, also for places inside the dominant receiver: 北京市对口协作十堰市。…(对口县市区分别是:
    张湾区、茅箭区) — the counterparts an article lists inside its receiver receive from its giver)."""
    # A body at a place (青白江区技术学校) stands in for its place's pairs.
    keys = {key(t.party) for t in known} | {t.party.adcode for t in known if t.party.adcode}
    for p in reversed(memory):
        mine, other = (p.donors, p.recipients) if role == "recipient" else (p.recipients, p.donors)
        if keys & {key(t.party) for t in mine} and not all(t.party.approximate for t in other):
            return list(other)
    if speaker is not None and key(speaker.party) not in keys:
        return [speaker]
    if dominant is not None:
        donor_key, recipient_key = dominant
        if role == "recipient" and donor_key in keys and recipient_key in by_key:
            return [by_key[recipient_key]]
        if role == "donor" and recipient_key in keys and donor_key in by_key:
            return [by_key[donor_key]]
        if (role == "donor" and inside_receiver and donor_key in by_key and recipient_key in by_key
                and all(holds(by_key[recipient_key].party.adcode, t.party.adcode) for t in known)):
            return [by_key[donor_key]]
    return []


# Pairs the sentence says held before, not now (the predecessor taken over from, the receivers left): undated here.
_STOOD_BEFORE = frozenset({"predecessor", "former_receiver"})

# Pairs read from their whole sentence, not from the clauses around their names: a line of a pairing table, the
# learned stage's (its model weighed the sentence's aid words, wherever they stand), and a list the aid word
# introduces (对口县市区分别是:张湾区、茅箭区…: the word stands before the colon), and the pairs a sentence of an
# article about aid lists with no aid word (南京与淮安、无锡与徐州…: `_names_pairings`).
_READ_WHOLE = frozenset({"dash_pair", "table_row", "colon_line", "learned", "aid_area_is", "listed_pair"})


def _events_for(norm, doc, i, pairs, dating: Dating, doc_programme, located: dict[str, Party],
                first: int = 0) -> list[Event]:
    """The events of sentence ``i``'s pairs; ``first`` numbers them on from events already made of it."""
    if not pairs:
        return []
    s, e = dating.sentences[i]
    text = norm.text
    sentence = text[s:e]
    money = find_money(sentence)
    # People sent: 30名队员, 106名援藏干部人才 — not 138986名建档立卡脱贫户.
    people = [
        p for p in find_people(sentence)
        if TEAM.search(sentence, p.end, p.end + 8) or TEAM.search(sentence, max(0, p.start - 6), p.start)
    ]
    has_team = bool(TEAM.search(sentence))
    kind_of_sentence = _kind(sentence, bool(money), has_team)
    programme = _programme(sentence, doc_programme)
    a, b = norm.to_original(s, e)
    evidence = norm.original[a:b]
    spans = dating.clauses(i)
    out = []
    seen = set()
    for p in pairs:
        pair_key = (tuple(key(t.party) for t in p.donors), tuple(key(t.party) for t in p.recipients))
        if pair_key in seen:
            continue
        seen.add(pair_key)
        # Roles filled from elsewhere in the article do not place the event in its sentence.
        here = [t for t in p.donors + p.recipients if s <= t.start < e] or p.donors + p.recipients
        anchor = max(s, min(t.start for t in here))
        last = min(e, max(t.end for t in here))
        # The event's own clauses: those of its parties, and the one after them that continues their predicate.
        x = max([c for c, _ in spans if c <= anchor] or [s])
        ends = [d for _, d in spans if d >= last]
        y = ends[1] if len(ends) > 1 else (ends[0] if ends else e)
        own = text[x:y]
        # The kind its own clauses name (向皋兰县捐赠帮扶资金), else the sentence's.
        if (x, y) == (s, e):
            kind = _rule_kind(p.rule, sentence, kind_of_sentence, bool(money), has_team)
        else:
            own_money = bool(money) and bool(find_money(own))
            own_team = has_team and bool(TEAM.search(own))
            kind = _rule_kind(p.rule, own, _kind(own, own_money, own_team), own_money, own_team)
            if kind is EventKind.OTHER:
                kind = _rule_kind(p.rule, sentence, kind_of_sentence, bool(money), has_team)
        if (kind is EventKind.OTHER and p.rule not in _READ_WHOLE
                and not (AID.search(own) or _GIVEN_SUPPORT.search(own))):
            continue  # "help" with no kind of its own counts only where an aid word stands in its own clauses
        if p.rule == "built_by":  # 援建的都江堰聚源职业中学2009年9月即正式开学: only the built thing's own date
            date = dating.date_after(i, last)
        elif p.rule in _STOOD_BEFORE:
            date = None
        else:
            date = dating.date_for(i, anchor, last)
        donors = tuple(_dedupe(_locate(t.party, located) for t in p.donors))
        recipients = tuple(_dedupe(_locate(t.party, located) for t in p.recipients))
        if recipients and all(r.adcode and any(r.adcode == d.adcode for d in donors) for r in recipients):
            continue  # 五华县 → 梅林镇 (a township of 五华县): located, the pair is a place and itself — no pairing
        summary = _summary(donors, recipients, kind, date, money, people)
        out.append(Event(
            event_id=_event_id(doc, a, b, first + len(out)),
            doc=doc, kind=kind, programme=programme, donors=donors, recipients=recipients,
            evidence=evidence, char_start=a, char_end=b, summary=summary, date=date,
            amount_yuan=money[0].value if money and kind is EventKind.FUNDING else None,
            people=int(people[0].value) if people and kind in (EventKind.TEAM_ARRIVAL, EventKind.FUNDING) else None,
            spans=((a, b),),
        ))
    return out


_KIND_WORDS = {
    EventKind.PAIRING_START: "pairing starts", EventKind.AGREEMENT: "agreement", EventKind.TEAM_ARRIVAL: "team",
    EventKind.FUNDING: "funding", EventKind.PARK: "co-built park", EventKind.VISIT: "visit", EventKind.OTHER: "help",
}


def _summary(donors, recipients, kind, date, money, people) -> str:
    """One line a reader can scan: 自贡市 → 平昌县 · team · 2023年7月 · 30 people."""
    parts = [f"{'、'.join(d.name for d in donors)} → {'、'.join(r.name for r in recipients)}", _KIND_WORDS[kind]]
    parts.append(date.text if date is not None else "year not stated")
    if money and kind is EventKind.FUNDING:
        parts.append(money[0].text)
    if people:
        parts.append(f"{int(people[0].value)} people")
    return " · ".join(parts)


def _region_receivers(tokens: list[Token], title_tokens: list[Token]) -> dict[str, Token]:
    """For each regional aid word (援藏, 援疆, 援青), the one place of its aided area the article is about: the
    most specific such place of the title, else the one the text names most often (a tie names none)."""
    out: dict[str, Token] = {}
    for area, prefixes in REGION_AID_AREAS.items():
        # A province (西藏) is the aided area itself, not a place of it the article is about.
        titled = [t for t in title_tokens if t.party.kind is PartyKind.PLACE and t.party.adcode.startswith(prefixes)
                  and not t.party.adcode.endswith("0000")]
        if titled:
            deepest = max(titled, key=lambda t: depth(t.party.adcode))
            if all(holds(t.party.adcode, deepest.party.adcode) or t.party.adcode == deepest.party.adcode
                   for t in titled):
                named = [t for t in tokens if t.party.adcode == deepest.party.adcode]
                out[area] = named[0] if named else deepest
            continue
        counts = Counter(t.party.adcode for t in tokens if t.party.kind is PartyKind.PLACE
                         and t.party.adcode.startswith(prefixes) and not t.party.adcode.endswith("0000"))
        top = counts.most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]):
            out[area] = next(t for t in tokens if t.party.adcode == top[0][0])
    return out


def _at_donors_level(receiver: Token, donors: list[Token]) -> Token:
    """A province's regional aid goes to a prefecture (上海 → 日喀则), so a county the article is about stands
    for its prefecture when a province gives; a city's or a district's aid may go to the county itself."""
    if depth(receiver.party.adcode) < 2 or not all(depth(d.party.adcode) == 0 for d in donors):
        return receiver
    return _prefecture_token(receiver, receiver.party.mention) or receiver


def _located_localities(text: str, tokens: list[Token]) -> dict[str, Party]:
    """Townships and villages the article writes after their place (卢氏县木桐乡): name → that place.

    A name written after two different places is left unlocated.
    """
    out: dict[str, Party | None] = {}
    for t in tokens:
        if t.party.kind is not PartyKind.PLACE or not t.party.adcode:
            continue
        m = LOCALITY.match(text, t.end, t.end + 8)
        if m is None or m[0] in GENERIC_LOCALITIES:
            continue
        held = out.setdefault(m[0], t.party)
        if held is not None and key(held) != key(t.party):
            out[m[0]] = None
    return {name: party for name, party in out.items() if party is not None}


def _locate(party: Party, located: dict[str, Party]) -> Party:
    """木桐乡, named alone, at the place the article writes it under (卢氏县木桐乡): the place's adcode and
    point, marked approximate; the name stays the township's."""
    if party.kind is not PartyKind.LOCALITY or party.adcode or party.name not in located:
        return party
    place = located[party.name]
    return replace(party, adcode=place.adcode, lon=place.lon, lat=place.lat, approximate=True)


def _dedupe(parties: Iterable[Party]) -> list[Party]:
    seen, out = set(), []
    for p in parties:
        if key(p) not in seen:
            seen.add(key(p))
            out.append(p)
    return out


def extract_document_events(document: Document) -> list[Event]:
    """:func:`extract_events` for a loaded :class:`Document`."""
    return extract_events(
        document.text, doc=document.doc, publication_date=document.publication_date, title=document.title
    )


ProgressCallback = Callable[[int, int, str], None]
