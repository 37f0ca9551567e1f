"""The date of an event: its own clause's, a leading date's that governs it, or its paragraph's.

The reading, in order (never the clock, never a year the text does not give):

1. A date written in the event's own clause.
2. A date that opens the sentence as its own clause or adverbial (``2016年6月，…``,
   ``近日，…``, ``3月30日，全国…会议闭幕，…``) governs the clauses after it, up to a
   clause with a date of its own. A date inside another clause's predicate
   belongs to that clause's event, not to this one.
3. A sentence without a date that continues a dated one in the same paragraph
   (``其中…``, ``随后…``, ``此外…``, ``根据会议部署…``, or a list under a sentence
   ending in ``：``) takes that sentence's governing date, with the basis
   :attr:`~timeline.dates.mention.Basis.CONTEXT`. Never across paragraphs.

A clause that states a span (``先后``, ``累计``, ``迄今``, ``陆续``, ``X年来``) takes
no date from elsewhere: its start is not that of the sentence's date.
Durations, datelines (新华社…7月16日电) and dates inside a 《title》 are never event dates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from timeline.dates.mention import Basis, DateKind, DateMention
from timeline.text.normalization import NormalizedText, to_simplified
from timeline.events.spans import bracket_around, sentence_clauses

__all__ = ["Dating", "SPAN_MARKERS", "CONTINUATION"]

_DATELINE = re.compile(r"电|讯|電|訊")
_NOW = ("relative_now",)
# A clause that states a span of time or a running total: the sentence's date is not its date.
SPAN_MARKERS = re.compile(r"已先后|已陆续|累计|迄今|至今|历年|[0-9一二三四五六七八九十两多几]+年来")
# Words that open a sentence continuing the one before (the same meeting, day, list).
CONTINUATION = re.compile(
    r"(?:其中|随后|此外|同时|期间|会上|会议|会后|当天|当日|活动中|仪式上|签约仪式上|根据|按照|据此|"
    r"双方|两地|这次|此次|本次)"
)
# What may stand in a leading date's clause besides the date itself.
_LEAD_WORDS = re.compile(
    r"^(?:在|于|从|自|到|至今|迄今|至|今年|去年|上午|下午|晚上|早上|中旬|上旬|下旬|初|底|末|前夕|期间|以来|起|开始|"
    r"的?[0-9一二三四五六七八九十两几多]{0,3}年间|\s)*$"
)
_DATELINE_HEAD = re.compile(r"(?:电|讯|電|訊)\s*")
_MAX_BACK = 4  # sentences a continuation may look back within its paragraph


# A clause that opens with one of these tells what came after the clause before it.
_LATER = re.compile(r"\s*(?:随后|此后|之后|其后|后来|接着|然后|继而)")


class Dating:
    """Dates of one article, indexed by position, and the sentences they sit in."""

    def __init__(self, norm: NormalizedText, dates: list[DateMention], starts: list[int],
                 sentences: list[tuple[int, int]], paragraphs: list[int]) -> None:
        self.norm = norm
        self.dates = dates
        self.starts = starts
        self.sentences = sentences
        self.paragraphs = paragraphs
        self._lead: dict[int, DateMention | None] = {}
        self._clauses: dict[int, list[tuple[int, int]]] = {}
        self._never: dict[tuple[int, int], bool] = {}  # a date's span -> never an event date, whatever the clause

    def clauses(self, i: int) -> list[tuple[int, int]]:
        """The clauses of sentence ``i`` (normalised offsets), computed once."""
        if i not in self._clauses:
            s, e = self.sentences[i]
            self._clauses[i] = list(sentence_clauses(self.norm.text, s, e))
        return self._clauses[i]

    # -- helpers on original offsets ------------------------------------------------------
    def _orig(self, a: int, b: int) -> tuple[int, int]:
        return self.norm.to_original(a, b)

    def _usable(self, a: int, b: int, floor: int) -> list[DateMention]:
        """Event-date candidates whose start lies in original ``[a, b)``."""
        original = self.norm.original
        out = []
        for d in self.dates[bisect_left(self.starts, a):bisect_left(self.starts, b)]:
            # 目前/当前 says how things stand, not when an event happened.
            if d.kind is DateKind.DURATION or d.rule in _NOW or _in_title(original, d.start, floor):
                continue
            if not self._never_an_event_date(d):
                out.append(d)
        return out

    def _never_an_event_date(self, d: DateMention) -> bool:
        """A dateline, a date in an aside, a plan, a running total's or an anniversary's date; decided once a date."""
        span = (d.start, d.end)
        if span not in self._never:
            original = self.norm.original
            # The words around a date are read in simplified script (從2005年起, 為…週年 as 从…起, 为…周年).
            self._never[span] = bool(
                _DATELINE.match(original, d.end) or _in_aside(original, d.start, d.end) or _PLAN.fullmatch(d.text)
                or to_simplified(d.text).startswith(_UP_TO)
                or _ANNIVERSARY.match(to_simplified(original[d.end:d.end + _ANNIVERSARY_REACH])))
        return self._never[span]

    def _governing(self, a: int, b: int, floor: int) -> DateMention | None:
        """The date of original clause ``[a, b)`` when the clause is that date alone (with 在/于/以来 …)."""
        found = self._usable(a, b, floor)
        if not found or found[0].rule in _NOW:
            return None
        d = found[0]
        original = self.norm.original
        head = original[a:d.start]
        line = _DATELINE_HEAD.search(head)  # 新华网4月19日电 4月初以来: the dateline is not the clause's
        if line:
            head = head[line.end():]
        return d if _LEAD_WORDS.match(to_simplified(head + original[d.end:b])) else None

    def leading(self, i: int) -> DateMention | None:
        """The first date of sentence ``i`` that is a clause of its own and so governs what follows."""
        if i in self._lead:
            return self._lead[i]
        s, e = self.sentences[i]
        sa = self._orig(s, e)[0]
        found = None
        for x, y in self.clauses(i):
            a, b = self._orig(x, y)
            if self._usable(a, b, sa):
                found = self._governing(a, b, sa)
                break
        self._lead[i] = found
        return found

    def date_for(self, i: int, anchor: int, last: int) -> DateMention | None:
        """The date of an event stated in sentence ``i`` whose parties start at normalised ``anchor`` (and end
        at ``last``)."""
        s, e = self.sentences[i]
        text = self.norm.text
        spans = self.clauses(i)
        k = next((n for n, (x, y) in enumerate(spans) if x <= anchor < y), None)
        if k is None:
            return None
        sa, sb = self._orig(s, e)
        ca, cb = self._orig(*spans[k])
        own = self._usable(ca, cb, sa)
        if own:
            return own[0]
        # 泉州市委…深入贯彻…部署,迄今为止已先后选派…干部前往原州区: a span stated in any clause the event's
        # parties stand in (the giver in one, the receivers in the next) is the event's.
        if SPAN_MARKERS.search(text, spans[k][0], max(spans[k][1], last)):
            return None
        if k + 1 < len(spans):
            # 甲与乙共建…项目,已于5月30日成功签约: the next clause is this one's predicate, its date this event's.
            m = _DATED_PREDICATE.match(text, spans[k + 1][0], spans[k + 1][1])
            if m:
                after = self._usable(*self._orig(m.end(), spans[k + 1][1]), sa)
                if after and after[0].start == self._orig(m.end(), m.end())[0]:
                    return after[0]
        # The nearest dated clause before governs only when it is a date alone;
        # a date inside another clause's predicate is that clause's.
        for n in range(k - 1, -1, -1):
            if _LATER.match(text, spans[n + 1][0]):
                return None  # 2006年,随着…开工建设,…随后启动建设…: what came after is not of that date
            x, y = spans[n]
            a, b = self._orig(x, y)
            if self._usable(a, b, sa):
                return self._governing(a, b, sa)
        if self._usable(sa, sb, sa):
            return None  # a date in a later clause belongs to that clause's event
        return self._context(i)

    def date_after(self, i: int, pos: int) -> DateMention | None:
        """The first date of sentence ``i`` written after normalised ``pos`` in the same clause."""
        s, _e = self.sentences[i]
        clause = next(((x, y) for x, y in self.clauses(i) if x <= pos < y), None)
        if clause is None:
            return None
        found = self._usable(*self._orig(pos, clause[1]), self._orig(s, s)[0])
        return found[0] if found else None

    def _meeting_date(self, j: int) -> DateMention | None:
        """The date (with a year) written in the clause of sentence ``j`` that says a meeting was held."""
        sa = self._orig(*self.sentences[j])[0]
        for x, y in self.clauses(j):
            if _HELD.search(self.norm.text, x, y):
                found = [d for d in self._usable(*self._orig(x, y), sa) if d.has_year]
                return found[0] if found else None
        return None

    def _context(self, i: int) -> DateMention | None:
        s, e = self.sentences[i]
        text = self.norm.text
        sentence = text[s:e]
        if _PRESENT.search(sentence):
            return None  # 根据…部署,泉州目前对口帮扶…: how things stand now, not what happened on the day before
        for j in range(i - 1, max(-1, i - 1 - _MAX_BACK), -1):
            if self.paragraphs[j] != self.paragraphs[i]:
                return None
            ps, pe = self.sentences[j]
            heading = text[ps:pe].rstrip().endswith((":", "："))
            if not (CONTINUATION.match(sentence) or heading):
                return None
            lead = self.leading(j)
            if lead is not None and lead.has_year:
                return replace(lead, basis=Basis.CONTEXT)
            a, b = self._orig(ps, pe)
            if self._usable(a, b, a):
                # 会议7日在广州举行。根据会议部署,…: what the meeting decided takes the meeting's date.
                held = self._meeting_date(j) if _OF_THE_MEETING.match(sentence) else None
                return replace(held, basis=Basis.CONTEXT) if held is not None else None
            sentence = text[ps:pe]  # a continuation of a continuation
        return None


# A clause with no subject of its own that opens on its date: the predicate of the clause before.
_DATED_PREDICATE = re.compile(r"\s*(?:已经|已|均|都|正式|将)于")
# A sentence that says how things stand now takes no date from the sentence before it.
_PRESENT = re.compile(r"目前|当前|现在|如今|眼下")
# A sentence opening with the meeting's decisions (根据会议部署, 会上, 会议明确) continues the meeting.
_OF_THE_MEETING = re.compile(r"(?:根据|按照)?(?:会议|会上|会议上|会议明确|会议提出|会议确定)")
# The clause that says a meeting was held: 会议7日在广州举行, 联席会议在福州召开.
_HELD = re.compile(r"(?:会议|会|仪式)[^，,。；;]{0,20}?(?:举行|召开|开幕)")


# A five-year plan's period (“十四五”深化战略合作框架协议) names a plan, not when an event happened.
_PLAN = re.compile(r"“?[十][一二三四五六七八九]?五”?(?:时期|期间|规划)?")
# 截至2015年底…累计投入: a running total up to a date, not an event of that date.
_UP_TO = ("截至", "截止")
# 2025年是第十批广东援疆干部人才进疆两周年: the year of an anniversary, not of the event it recalls.
_ANNIVERSARY = re.compile(r"\s*(?:是|为|恰逢|正值)[^。；;，,]{0,30}?周年")
_ANNIVERSARY_REACH = 40
_ASIDE_REACH = 40
_ASIDE_WORDS = 6  # more than this besides the date: the brackets hold a clause of their own


def _in_aside(text: str, start: int, end: int) -> bool:
    """True when a date sits in a bracketed aside with words of its own: 海原县(2003年12月该县划归中卫市管辖).
    A bracket that holds only the date, a span or 起/以来 (阶段(1996年至2020年)) dates what it follows."""
    brackets = bracket_around(text, start, end, _ASIDE_REACH)
    if brackets is None:
        return False
    opened, close = brackets
    rest = to_simplified(text[opened + 1:start] + text[end:close])
    return len(re.sub(r"[0-9年月日至到\-—~～起以来\s]", "", rest)) > _ASIDE_WORDS


def _in_title(text: str, pos: int, floor: int) -> bool:
    """True when ``pos`` lies inside a 《book title》 that opens after ``floor``."""
    opened = text.rfind("《", floor, pos)
    return opened >= 0 and text.rfind("》", opened, pos) < 0
