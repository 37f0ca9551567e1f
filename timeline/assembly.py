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
from dataclasses import dataclass, field

from .amounts import find_money, find_people
from .dates import find_dates_normalized
from .models import DateKind, DateMention, Document, Event, EventKind, Party, PartyKind, Programme
from .normalization import NormalizedText, normalize
from .parties import Token, coordinated, list_after, list_before, merge_parent_chains
from .segmentation import clauses, sentences
from .vocabulary import (
    AID_WORDS, ASSIGNED_TO, DIRECTED_VERBS, FROM_DONOR, KIND_ORDER, KIND_TRIGGERS, LOCATION_VERBS,
    PROGRAMME_WORDS, RECEIVED_HELP, RECIPIENT_MARKERS, SYMMETRIC_JOINERS, SYMMETRIC_VERBS, TEAM_WORDS,
)

__all__ = ["extract_events", "extract_document_events"]

_DIRECTED = re.compile("|".join(sorted(DIRECTED_VERBS, key=len, reverse=True)))
_AID = re.compile("|".join(sorted(set(AID_WORDS), key=len, reverse=True)))
_TEAM = re.compile("|".join(TEAM_WORDS))
_LOCATION = re.compile("|".join(sorted(LOCATION_VERBS, key=len, reverse=True)))
_SYMMETRIC = re.compile("|".join(SYMMETRIC_VERBS))
_DEICTIC = re.compile(r"我县|我市|我区|我州|全县|本县|本市|全市|全区|我旗")
_BYLINE = re.compile(r"(?:委|政府|人民政府)")
_TITLE_PAIR = re.compile(r"[·•・]")
_DISPATCH = re.compile(r"派出|选派|派遣|输送|派驻")
_GIVE = re.compile(r"投入|拨付|捐赠|捐助|捐款|捐资|援助")
_SIGN = re.compile(r"签订|签署|签约|共建")
_METADATA = re.compile(r"\|.*\|")  # a table row or a page's metadata line, not prose
_NOW = ("relative_now",)

# Strength of the rule that set a role; fallbacks never override stronger rules.
STRONG, WEAK = 2, 1


@dataclass
class _Pair:
    donors: list[Token]
    recipients: list[Token]
    strength: int
    rule: str


@dataclass
class _DocContext:
    """What the article says about its pairs, gathered before events are built."""

    pair_counts: Counter = field(default_factory=Counter)  # (donor adcode/name, recipient …) -> n
    title_pair: tuple[Token, Token] | None = None

    def orientation(self, a: Party, b: Party) -> int:
        """+1 if the article has a→b as a pair, -1 if b→a, 0 if it cannot tell."""
        ab = self.pair_counts[(_key(a), _key(b))]
        ba = self.pair_counts[(_key(b), _key(a))]
        return (ab > ba) - (ba > ab)

    def dominant(self) -> tuple[str, str] | None:
        if not self.pair_counts:
            return None
        (pair, n), *rest = self.pair_counts.most_common(2)
        if rest and rest[0][1] == n:
            return None
        return pair


def _key(p: Party) -> str:
    return p.adcode or p.name


def _place_party(pm) -> Party:
    return Party(
        name=pm.name, kind=PartyKind.PLACE, mention=pm.mention, adcode=pm.adcode, lon=pm.lon, lat=pm.lat,
        approximate=bool(pm.approximate), former_name=pm.historical_name or "",
    )


def _to_norm(norm: NormalizedText, pos: int) -> int:
    return bisect_left(norm.index, pos)


# -- direction rules ------------------------------------------------------------------
def _directed_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[_Pair]:
    pairs = []
    for m in _DIRECTED.finditer(text, s, e):
        recipients = list_after(text, m.end(), e, tokens)
        # 帮扶天津和平区教师: the place qualifies a person, it does not receive.
        if not recipients or _TEAM.match(text, recipients[-1].end):
            continue
        clause_start = max([a for a, _ in clauses(text, s, e) if a <= m.start()] or [s])
        donors = list_before(text, m.start(), clause_start, tokens)
        if not donors:
            before = [t for t in tokens if clause_start <= t.start and t.end <= m.start()]
            if not before:
                before = [t for t in tokens if s <= t.start and t.end <= m.start()]
            if before:
                donors = coordinated(text, before[-1], tokens, s, m.start())
        donors = [d for d in donors if d not in recipients]
        pairs.append(_Pair(donors, recipients, STRONG, "directed"))
    return pairs


def _from_donor_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[_Pair]:
    """来自A的援藏干部…(到B): A sends."""
    pairs = []
    for m in FROM_DONOR.finditer(text, s, e):
        tail_end = text.find("的", m.end(), e)
        if tail_end < 0 or not _TEAM.search(text, tail_end, min(e, tail_end + 16)):
            continue
        donors = [t for t in tokens if m.end() <= t.start and t.end <= tail_end]
        donors += _orgs_in(text, m.end(), tail_end, donors)
        if not donors:
            continue
        recipients = []
        loc = _LOCATION.search(text, tail_end, e)
        if loc:
            recipients = list_after(text, loc.end(), e, tokens)
        pairs.append(_Pair(sorted(donors, key=lambda t: t.start), recipients, STRONG, "from"))
    return pairs


def _orgs_in(text: str, a: int, b: int, places: list[Token]) -> list[Token]:
    """Organisations listed in ``text[a:b]`` outside the place tokens (公安厅等省直机关)."""
    from .parties import _org_or_region, _split_items

    out = []
    for x, y in _split_items(text, a, b):
        if any(x <= t.start < y for t in places):
            continue
        item = text[x:y]
        cut = item.find("等")
        token = _org_or_region(item[:cut] if cut > 0 else item, x)
        if token is not None and token.party.kind is PartyKind.ORGANISATION:
            out.append(token)
    return out


def _assigned_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[_Pair]:
    """将对口帮扶X的光荣使命交给A: A gives, X receives."""
    m = ASSIGNED_TO.search(text, s, e)
    if not m:
        return []
    donors = list_after(text, m.end(), e, tokens)
    verb = _DIRECTED.search(text, s, m.start())
    recipients = list_after(text, verb.end(), m.start(), tokens) if verb else []
    return [_Pair(donors, recipients, STRONG, "assigned")] if donors and recipients else []


def _received_help_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[_Pair]:
    """X在A的帮助下…: A helped X (help may run against the article's main direction)."""
    pairs = []
    for m in RECEIVED_HELP.finditer(text, s, e):
        givers = [t for t in tokens if m.start("giver") <= t.start and t.end <= m.end("giver")]
        takers = [t for t in tokens if s <= t.start and t.end <= m.start()]
        if givers and takers:
            pairs.append(_Pair(givers, [takers[-1]], STRONG, "received_help"))
    return pairs


def _recipient_marker_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[_Pair]:
    """B受援 / 受援地B: B receives."""
    out = []
    for marker in RECIPIENT_MARKERS:
        for m in re.finditer(marker, text[s:e]):
            at = s + m.start()
            before = [t for t in tokens if t.end == at]
            after = list_after(text, at + len(marker) + 1, e, tokens, gap=1)
            takers = before or after
            if takers:
                out.append(_Pair([], takers, WEAK, "recipient_marker"))
    return out


def _location_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[_Pair]:
    """赴/抵达/来到 B (with a team or aid word): B receives."""
    out = []
    spans = clauses(text, s, e)
    for m in _LOCATION.finditer(text, s, e):
        recipients = list_after(text, m.end(), e, tokens, gap=0)
        if not recipients:
            continue
        clause_start, clause_end = next(((a, b) for a, b in spans if a <= m.start() < b), (s, e))
        # 赴延安、深圳培训 is a trip; 赴理县开展对口帮扶 and 教师来到会宁 are help arriving.
        if not (_TEAM.search(text, clause_start, clause_end) or _AID.search(text, clause_start, clause_end)):
            continue
        before = [t for t in tokens if clause_start <= t.start and t.end <= m.start() and t not in recipients]
        donors = coordinated(text, before[-1], tokens, clause_start, m.start()) if before else []
        out.append(_Pair(donors, recipients, WEAK, "location"))
    return out


def _dispatch_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[_Pair]:
    """A…派出/选派 N名干部 (赴B): A sends."""
    out = []
    for m in _DISPATCH.finditer(text, s, e):
        if not _TEAM.search(text, m.end(), min(e, m.end() + 20)):
            continue
        before = [t for t in tokens if s <= t.start and t.end <= m.start()]
        if not before:
            continue
        loc = _LOCATION.search(text, m.end(), e)
        recipients = list_after(text, loc.end(), e, tokens, gap=0) if loc else []
        donors = coordinated(text, before[-1], tokens, s, m.start())
        out.append(_Pair(donors, recipients, WEAK, "dispatch"))
    return out


def _giving_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[_Pair]:
    """A投入/拨付/捐赠 … 元 (to B): A gives money."""
    out = []
    for m in _GIVE.finditer(text, s, e):
        if not find_money(text[m.end():e]):
            continue
        clause_start = max([a for a, _ in clauses(text, s, e) if a <= m.start()] or [s])
        before = [t for t in tokens if clause_start <= t.start and t.end <= m.start()]
        if not before:
            continue
        out.append(_Pair(coordinated(text, before[-1], tokens, clause_start, m.start()), [], WEAK, "giving"))
    return out


def _agreement_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[_Pair]:
    """A、B、C与D(三方四地)签订/共建…: several parties sign; the document's recipient receives."""
    out = []
    for m in _SIGN.finditer(text, s, e):
        clause_start = max([a for a, _ in clauses(text, s, e) if a <= m.start()] or [s])
        before = [t for t in tokens if clause_start <= t.start and t.end <= m.start()]
        if len(before) < 2:
            continue
        group = coordinated(text, before[-1], tokens, clause_start, m.start())
        if len(group) >= 2:
            out.append(_Pair(group, [], 0, "agreement"))
    return out


def _symmetric_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[_Pair]:
    """A与B签订/结对/携手 …: two parties, direction unknown yet."""
    out = []
    for i, a in enumerate(tokens[:-1]):
        b = tokens[i + 1]
        if not (s <= a.start and b.end <= e):
            continue
        between = text[a.end:b.start]
        if between not in SYMMETRIC_JOINERS:
            continue
        if _SYMMETRIC.search(text, b.end, e) or _AID.search(text, b.end, e):
            out.append(_Pair([a], [b], 0, "symmetric"))
    return out


# -- the pass over an article ------------------------------------------------------------
def _tokens(norm: NormalizedText, places) -> list[Token]:
    raw = [
        Token(_to_norm(norm, pm.start), _to_norm(norm, pm.end), _place_party(pm), str(pm.level))
        for pm in places
    ]
    return merge_parent_chains(raw, norm.text)


def _title_pair(text: str, tokens: list[Token]) -> tuple[Token, Token] | None:
    """自贡·平昌 / 和平·会宁 in the first lines: the first is the donor."""
    head_end = min(len(text), 400)
    for m in _TITLE_PAIR.finditer(text, 0, head_end):
        a = next((t for t in reversed(tokens) if t.end == m.start()), None)
        b = next((t for t in tokens if t.start == m.end()), None)
        if a and b and a.party.kind is b.party.kind is PartyKind.PLACE:
            return a, b
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
        if kind is EventKind.TEAM_ARRIVAL and not has_team:
            continue
        return kind
    return EventKind.OTHER


def _in_title(text: str, pos: int, floor: int) -> bool:
    """True when ``pos`` lies inside a 《book title》 that opens after ``floor``."""
    opened = text.rfind("《", floor, pos)
    return opened >= 0 and text.rfind("》", opened, pos) < 0


def _pick_date(
    dates: list[DateMention], clause_span: tuple[int, int], sent: tuple[int, int], original: str
) -> DateMention | None:
    """The event's date: its clause's first time expression, else its sentence's.

    Durations and dates inside a 《title》 (a plan's period) are not event
    dates; nor is a bare 目前/当前 from another clause of the sentence.
    """
    usable = [
        d for d in dates
        if sent[0] <= d.start < sent[1] and d.kind is not DateKind.DURATION and not _in_title(original, d.start, sent[0])
    ]
    in_clause = [d for d in usable if clause_span[0] <= d.start < clause_span[1]]
    chosen = in_clause or [d for d in usable if d.rule not in _NOW]
    return chosen[0] if chosen else None


def _event_id(doc: str, start: int, end: int, n: int) -> str:
    return hashlib.sha1(f"{doc}\x00{start}\x00{end}\x00{n}".encode()).hexdigest()[:12]


def extract_events(
    text: str, *, doc: str, publication_date: dt.date | None = None, programme: Programme | None = None
) -> list[Event]:
    """Donor → recipient events of one article, in text order.

    Parameters:
        text: the decoded original article (offsets refer to it).
        doc: the document's name, copied into each event.
        publication_date: reference for relative and inferred years (never the clock).
        programme: the programme to assume where a sentence names none.

    Returns:
        Events (possibly ``[]``). An event whose sentence states no year has an
        empty year.
    """
    from geo import find_places  # the one place timeline uses geo

    norm = normalize(text)
    ntext = norm.text
    dates = find_dates_normalized(norm, doc=doc, publication_date=publication_date)
    tokens = _tokens(norm, find_places(text, doc=doc))
    doc_programme = programme or _document_programme(ntext)

    sents = sentences(ntext)
    found: list[tuple[tuple[int, int], list[_Pair]]] = []
    ctx = _DocContext()
    title = _title_pair(ntext, tokens)
    if title:
        ctx.pair_counts[(_key(title[0].party), _key(title[1].party))] += 2
    section_speaker: Token | None = None
    speakers: dict[tuple[int, int], Token | None] = {}
    for s, e in sents:
        sentence = ntext[s:e]
        if len(sentence) <= 30 and _BYLINE.search(sentence):
            inside = [t for t in tokens if s <= t.start and t.end <= e]
            if inside:
                section_speaker = inside[0]
        speakers[(s, e)] = section_speaker
        if not _AID.search(sentence) or _METADATA.search(sentence):
            continue
        pairs = (
            _assigned_pairs(ntext, s, e, tokens) + _from_donor_pairs(ntext, s, e, tokens)
            + _received_help_pairs(ntext, s, e, tokens)
        )
        claimed = {id(t) for p in pairs for t in p.donors + p.recipients}
        pairs += [
            p for p in _directed_pairs(ntext, s, e, tokens)
            if not any(id(t) in claimed for t in p.recipients)
        ]
        if not pairs:
            pairs = _agreement_pairs(ntext, s, e, tokens)
        if not pairs:
            pairs = (
                _recipient_marker_pairs(ntext, s, e, tokens) + _location_pairs(ntext, s, e, tokens)
                + _dispatch_pairs(ntext, s, e, tokens) + _giving_pairs(ntext, s, e, tokens)
            )
            pairs += _symmetric_pairs(ntext, s, e, tokens)
        pairs = [_without_self(p) for p in pairs]
        for p in pairs:
            if p.strength == STRONG and p.rule != "received_help":  # an exception, not the article's pair
                for d in p.donors:
                    for r in p.recipients:
                        ctx.pair_counts[(_key(d.party), _key(r.party))] += 1
        found.append(((s, e), pairs))

    by_key = {_key(t.party): t for t in tokens}
    dominant = ctx.dominant()
    events: list[Event] = []
    section_pairs: dict[int, list[_Pair]] = {}
    for (s, e), pairs in found:
        speaker = speakers[(s, e)]
        memory = section_pairs.setdefault(id(speaker), [])
        resolved = []
        for p in pairs:
            p = _complete(p, ctx, memory, dominant, by_key, speaker, ntext, s, e)
            if p is None:
                continue
            if (p.strength == STRONG and p.rule != "received_help") or p.rule == "symmetric":
                memory.append(p)
            resolved.append(p)
        events.extend(_events_for(norm, doc, (s, e), resolved, dates, doc_programme))
    return events


def _without_self(p: _Pair) -> _Pair:
    """A party is never its own donor: drop donors that are also recipients."""
    keys = {_key(t.party) for t in p.recipients}
    return _Pair([t for t in p.donors if _key(t.party) not in keys], p.recipients, p.strength, p.rule)


def _complete(p, ctx, memory, dominant, by_key, speaker, text, s, e) -> _Pair | None:
    """Fill an open role, orient a symmetric pair; ``None`` when it cannot be done honestly."""
    if p.rule == "agreement":
        keys = [_key(t.party) for t in p.donors]
        receiving = [t for t in p.donors if dominant and _key(t.party) == dominant[1]]
        if not receiving:
            receiving = [t for t in p.donors if any(_key(t.party) == r for (_d, r) in ctx.pair_counts)
                         and not any(_key(t.party) == d for (d, _r) in ctx.pair_counts)]
        if len(receiving) != 1 or len(keys) < 2:
            return None
        return _Pair([t for t in p.donors if t is not receiving[0]], receiving, WEAK, "agreement")
    if p.rule == "symmetric":
        a, b = p.donors[0], p.recipients[0]
        o = ctx.orientation(a.party, b.party)
        if o == 0:
            return None
        return _Pair([a], [b], WEAK, "symmetric") if o > 0 else _Pair([b], [a], WEAK, "symmetric")
    donors, recipients = list(p.donors), list(p.recipients)
    if not recipients and donors:
        recipients = _partner(donors, memory, dominant, by_key, role="recipient", speaker=speaker)
    elif not donors and recipients:
        donors = _partner(recipients, memory, dominant, by_key, role="donor", speaker=speaker)
    keys = {_key(t.party) for t in recipients}
    donors = [t for t in donors if _key(t.party) not in keys]
    if not donors or not recipients:
        return None
    # A weak rule (赴B, B受援) that contradicts the article's stated pair is a
    # visit the other way (道孚 leaders 赴郫县), not help from B.
    if p.strength == WEAK and len(donors) == 1 and len(recipients) == 1:
        if ctx.orientation(donors[0].party, recipients[0].party) < 0:
            donors, recipients = recipients, donors
    return _Pair(donors, recipients, p.strength, p.rule)


def _partner(known: list[Token], memory, dominant, by_key, *, role: str, speaker) -> list[Token]:
    keys = {_key(t.party) for t in known}
    for p in reversed(memory):
        mine, other = (p.donors, p.recipients) if role == "recipient" else (p.recipients, p.donors)
        if keys & {_key(t.party) for t in mine} and not all(t.party.approximate for t in other):
            return list(other)
    if speaker is not None and _key(speaker.party) not in keys:
        return [speaker]
    if dominant is not None:
        donor_key, recipient_key = dominant
        if role == "recipient" and donor_key in keys and recipient_key in by_key:
            return [by_key[recipient_key]]
        if role == "donor" and recipient_key in keys and donor_key in by_key:
            return [by_key[donor_key]]
    return []


def _events_for(norm, doc, span, pairs, ndates, doc_programme) -> list[Event]:
    s, e = span
    text = norm.text
    sentence = text[s:e]
    money = find_money(sentence)
    # People sent: 30名队员, 106名援藏干部人才 — not 138986名建档立卡脱贫户.
    people = [p for p in find_people(sentence) if _TEAM.search(sentence, p.end, p.end + 8)]
    has_team = bool(_TEAM.search(sentence))
    kind = _kind(sentence, bool(money), has_team)
    programme = _programme(sentence, doc_programme)
    a, b = norm.to_original(s, e)
    evidence = norm.original[a:b]
    out = []
    seen = set()
    for p in pairs:
        key = (tuple(_key(t.party) for t in p.donors), tuple(_key(t.party) for t in p.recipients))
        if key in seen:
            continue
        seen.add(key)
        anchor = min(t.start for t in p.donors + p.recipients)
        clause = next(((x, y) for x, y in clauses(text, s, e) if x <= anchor < y), (s, e))
        date = _pick_date(ndates, _orig_span(norm, clause), (a, b), norm.original)
        donors = tuple(_dedupe(t.party for t in p.donors))
        recipients = tuple(_dedupe(t.party for t in p.recipients))
        summary = f"{'、'.join(d.name for d in donors)} → {'、'.join(r.name for r in recipients)}: {kind.value}"
        out.append(Event(
            event_id=_event_id(doc, a, b, len(out)),
            doc=doc, kind=kind, programme=programme, donors=donors, recipients=recipients,
            evidence=evidence, char_start=a, char_end=b, summary=summary, date=date,
            amount_yuan=money[0].value if money and kind is EventKind.FUNDING else None,
            people=int(people[0].value) if people and kind in (EventKind.TEAM_ARRIVAL, EventKind.FUNDING) else None,
        ))
    return out


def _orig_span(norm: NormalizedText, span: tuple[int, int]) -> tuple[int, int]:
    return norm.to_original(*span)


def _dedupe(parties: Iterable[Party]) -> list[Party]:
    seen, out = set(), []
    for p in parties:
        if _key(p) not in seen:
            seen.add(_key(p))
            out.append(p)
    return out


def extract_document_events(document: Document) -> list[Event]:
    """:func:`extract_events` for a loaded :class:`Document`."""
    return extract_events(document.text, doc=document.doc, publication_date=document.publication_date)


ProgressCallback = Callable[[int, int, str], None]
