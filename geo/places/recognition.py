"""Place mentions in text: ``find_places(text) -> list[PlaceMention]``.

Steps: normalise (traditional → simplified, pinyin glosses out) keeping the
offset map; find every known name with one Aho–Corasick pass; keep a
candidate only if it is a word of its sentence (see :mod:`geo.places.segmenter`) and
is not the head of a smaller place (格西乡, 杭州湾) or part of another place's
name (绍兴滨海新区); a name before a zone (遂宁高新区) is the unit, approximately;
a full name whose suffix starts the next word (遂宁市民) is its short form;
read short forms that are county names or ordinary words (九龙, 和平, 合作) only
with corroboration (the full name, a parent, a list of places, an earthquake
named after the county); then choose among same-named units by an explicit
parent, else the document's other places, else the larger unit, keeping the
others as alternatives.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from geo.errors import InputTooLargeError, QueryError
from geo.gazetteer.store import Gazetteer, Place, load_gazetteer
from geo.gazetteer.names import Level, NameEntry, level_of_adcode
from geo.places.rules import (
    AUTONOMOUS_ENDINGS, COORDINATORS, COUNTED_UNITS, COUNTY_SUFFIXES, LIST_JOINERS, EVENT_AFTER_NAME, REBUILDING_AFTER_EVENT, AREA_AFTER_EVENT, GOVERNMENT_AFTER_NAME, PARK_AFTER_NAMES, ORG_HEAD_ENDINGS, PARENT_JOINERS,
    SMALLER_PLACE_HEADS, ZONE_HEADS, ZONE_HEADS_NOT_AFTER_PROVINCE,
)
from geo.places.segmenter import Segmenter
from geo.gazetteer.senses import NameSenses, Sense, build_senses
from timeline.text.normalization import NormalizedText, normalize

__all__ = ["PlaceMention", "find_places", "find_places_normalized", "MAX_TEXT_CHARS"]

MAX_TEXT_CHARS = 50_000_000


@dataclass(frozen=True)
class PlaceMention:
    """One place named in a text.

    ``start``/``end`` index the *original* text (``text[start:end] == mention``).
    ``adcode``/``name``/``level``/``lon``/``lat`` describe today's unit.
    ``score`` in (0, 1] is the confidence of the choice among ``alternatives``
    (other adcodes the same words could mean, including a county a bare short
    name was not taken for: 阿坝 → 513200, alternative 阿坝县 513231).
    ``approximate`` is true when the words name an organisation at the place
    (自贡市商务局) or a zone inside it (遂宁高新区), or the unit has no point of
    its own. ``historical_name`` is the former name written (郫县 for 郫都区)
    with ``changed_year`` when known. ``short_form`` is true for 平昌.
    ``names_event`` is true when the words name a disaster after the place
    (汶川特大地震援建者, 汶川地震重灾区): the place is named, but as the event's name.
    """

    start: int
    end: int
    mention: str
    adcode: str
    name: str
    level: Level
    lon: float
    lat: float
    score: float
    alternatives: tuple[str, ...] = ()
    approximate: bool = False
    historical_name: str | None = None
    changed_year: int | None = None
    short_form: bool = False
    doc: str = ""
    names_event: bool = False


# Punctuation, digits, Latin letters and the most frequent characters of
# modern Chinese, most frequent first (only the speed of matching depends on it).
_FREQUENT_CHARS = dict.fromkeys(
    ",.;:!?()[]/%+-|>。、“”‘’《》【】—…·• \n\t0123456789"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
    "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结"
    "解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级"
    "少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领"
    "七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每"
    "目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影"
    "算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准"
    "精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听"
    "该铁价严帮扶援助协作脱贫乡村振兴项目企业干部群众"
)
_NEVER = "\x00"  # follows each of those characters in keys that therefore never match in text

# What the words around a candidate make of it (see _Engine._word_ok).
_REJECT, _PLACE, _ORG, _ZONE, _SHARED = range(5)


@dataclass
class _Candidate:
    start: int  # normalised offsets
    end: int
    info: NameSenses
    entries: tuple[Sense, ...]
    approximate: bool = False
    written_full: bool = False  # 遂宁市民: the full name is written, the word is 遂宁 + 市民
    event: bool = False  # 汶川特大地震, 苍南党政代表团: what follows vouches for the name
    names_event: bool = False  # 汶川特大地震援建者: the words name the disaster, not the place
    area_end: int = 0  # after 汶川地震灾区: where a place the disaster hit would be named
    parent: "_Candidate | None" = None
    dropped: tuple[str, ...] = ()  # senses left out for lack of corroboration: still alternatives
    chosen: NameEntry | None = None
    score: float = 0.0
    alts: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.info.name


class _Engine:
    def __init__(self, gaz: Gazetteer) -> None:
        import ahocorasick

        self.gaz = gaz
        self.senses = build_senses(gaz)
        self.automaton = ahocorasick.Automaton()
        # pyahocorasick looks a character up among a node's children one by one,
        # in the order they were added; at the root that is ~1,600 first
        # characters of names. Adding the text's most frequent characters
        # first (as keys that can never match) makes most lookups short: ~1.5x
        # faster matching, same matches.
        for ch in _FREQUENT_CHARS:
            self.automaton.add_word(ch + _NEVER, (0, None))
        for name, info in self.senses.items():
            if len(name) >= 2:
                self.automaton.add_word(name, (len(name), info))
        self.automaton.make_automaton()
        official = (e.name for es in gaz.names.values() for e in es if not e.is_short)
        self.segmenter = Segmenter(official, (n for n, es in gaz.names.items() if not any(e.common for e in es)))
        self._coordinator_lengths = sorted({len(c) for c in COORDINATORS if c})

    # -- candidate filtering -------------------------------------------------
    def _word_ok(self, text: str, cand: _Candidate) -> int:
        """What the words around ``cand`` make of it: _REJECT, _PLACE, _ORG, _ZONE or _SHARED."""
        seg = self.segmenter
        # 浙西南山区, 川西北: a compass word (西南, 东北) runs into the name — unless
        # the 东/西 ends a place of its own (广东南海区).
        if (cand.start >= 1 and text[cand.start - 1] in "东西" and text[cand.start] in "南北"
                and text[max(0, cand.start - 2):cand.start] not in self.gaz.names):
            return _REJECT
        lo, hi = seg.window(text, cand.start, cand.end)
        zone = text.startswith(ZONE_HEADS, cand.end)
        if cand.info.full and cand.name.endswith(AUTONOMOUS_ENDINGS) and len(cand.name) >= 5:
            # 阿坝藏族羌族自治州, 锡林郭勒盟: a long official name is a word whatever the
            # segmenter makes of its first characters (省阿坝); only what follows may change it.
            if zone:
                return _ZONE
            nxt = seg.tokens(text, cand.end, hi)[:1] if cand.end < hi else []
            return self._after(text[nxt[0][0]:nxt[0][1]] if nxt else "")
        start_ok = seg.is_boundary(text, cand.start, lo, hi)
        if start_ok and zone:
            return _ZONE
        if start_ok and seg.is_boundary(text, cand.end, lo, hi):
            # Both ends are boundaries of every segmentation; what follows is
            # one of a few words. If they all give the same answer, it is exact.
            outcomes = {self._after(w) for w in seg.words_from(text, cand.end, hi)}
            if len(outcomes) == 1:
                return outcomes.pop()
            # Every route passes through cand.end, so the right side alone decides the next word.
            a, b = seg.tokens(text, cand.end, hi)[0]
            return self._after(text[a:b])
        spans = seg.tokens(text, lo, hi)
        starts = {a: b for a, b in spans}
        if cand.start not in starts:
            return _REJECT
        if zone:
            return _ZONE
        head = starts[cand.start]
        if head > cand.end and text[cand.end : head].endswith(ORG_HEAD_ENDINGS):
            return _ORG  # 成都市委 is one word: the party committee of 成都市
        if cand.end in starts:
            nxt = text[cand.end : starts[cand.end]]
            # 遂宁市民, 成都市区: the suffix starts a word (市民) and leaves one character.
            shared = text[cand.end - 1 : cand.end + 1]
            if cand.info.full and len(nxt) == 1 and seg.freq.get(shared):
                return _ORG if shared.endswith(ORG_HEAD_ENDINGS) else _SHARED  # 道孚县委
            return self._after(nxt)
        if cand.end == hi:
            return _PLACE
        # 江油市委, 自贡市场: a full name shares its suffix with the next word.
        if not cand.info.full or (cand.end - 1) not in starts:
            return _REJECT
        nxt = text[cand.end - 1 : starts[cand.end - 1]]
        if nxt.endswith(ORG_HEAD_ENDINGS):
            return _ORG
        return _REJECT if nxt in SMALLER_PLACE_HEADS else _SHARED

    @staticmethod
    def _after(nxt: str) -> int:
        """The outcome for a candidate followed by the word ``nxt``."""
        if nxt in SMALLER_PLACE_HEADS:
            return _REJECT
        return _ORG if nxt and nxt.endswith(ORG_HEAD_ENDINGS) else _PLACE

    def _shortened(self, cand: _Candidate) -> _Candidate | None:
        """遂宁市民 → 遂宁: the candidate without its suffix, when that is a name of the same unit."""
        info = self.senses.get(cand.name[:-1])
        if info is None:
            return None
        senses = tuple(s for s in info.senses if s.adcode in cand.info.codes)
        return _Candidate(cand.start, cand.end - 1, info, senses, written_full=True) if senses else None

    def candidates(self, text: str) -> list[_Candidate]:
        # (start, -length): at each start the longest name is tried first.
        hits = sorted((end_idx + 1 - n, -n, info) for end_idx, (n, info) in self.automaton.iter(text) if n)
        out: list[_Candidate] = []
        covered = 0
        borrowed: set[str] = set()  # names another place's name ran into: 绍兴滨海新区 … then 滨海新区
        for start, neg, info in hits:
            if start < covered:
                continue
            if borrowed and info.name in borrowed:
                continue
            cand = _Candidate(start, start - neg, info, info.senses)
            outcome = self._word_ok(text, cand)
            if outcome == _REJECT:
                continue
            if outcome == _SHARED:
                cand = self._shortened(cand) or cand
            elif outcome == _ZONE and text.startswith(ZONE_HEADS_NOT_AFTER_PROVINCE, cand.end):
                cand.entries = tuple(e for e in cand.entries if not (e.province_level and e.short))
                if not cand.entries:
                    continue
            cand.approximate = outcome in (_ORG, _ZONE)
            # 汶川特大地震, 苍南党政代表团: a named event, or the place's own government or delegation.
            disaster = EVENT_AFTER_NAME.match(text, cand.end)
            if disaster is not None and not text.startswith(REBUILDING_AFTER_EVENT, disaster.end()):
                area = next((w for w in AREA_AFTER_EVENT if text.startswith(w, disaster.end())), "")
                cand.names_event = True
                cand.area_end = disaster.end() + len(area) if area else 0
            cand.event = disaster is not None or GOVERNMENT_AFTER_NAME.match(text, cand.end) is not None
            if out and start - out[-1].end <= 1:
                prev = out[-1]
                if text[prev.end : start] in PARENT_JOINERS:
                    if not prev.info.codes.isdisjoint(cand.info.ancestors):
                        cand.parent = prev
                    elif prev.end == start and cand.info.full and not prev.info.all_weak:
                        # 绍兴滨海新区: another place's name runs straight into this one; in
                        # this text the bare name (滨海新区) is that zone too.
                        borrowed.add(info.name)
                        continue
            out.append(cand)
            covered = cand.end
        starts = {c.start for c in out}
        for c in out:
            if c.area_end:
                # 汶川地震灾区四川绵竹市: the disaster's name, with the place it hit named next; else the area is this place's
                c.names_event = c.area_end in starts
        return out

    # -- resolution -----------------------------------------------------------
    def resolve(self, text: str, cands: list[_Candidate]) -> list[_Candidate]:
        full_named = {c.info.single_full for c in cands if c.info.single_full}
        # Explicit parents narrow the entries first.
        for c in cands:
            if c.parent is not None:
                pcodes = {e.adcode for e in c.parent.entries}
                narrowed = tuple(e for e in c.entries if not pcodes.isdisjoint(e.ancestors))
                if narrowed:
                    c.entries = narrowed
                    parent_codes = {e.adcode for e in c.parent.entries if any(e.adcode in n.ancestors for n in narrowed)}
                    c.parent.entries = tuple(e for e in c.parent.entries if e.adcode in parent_codes) or c.parent.entries
        for c in cands:
            if len(c.entries) == 1 and (not c.entries[0].short or c.written_full or (
                    # 酉阳县 … 东营酉阳: a short form written with its county suffix names the county as
                    # surely as its full name does, for the bare mentions after it.
                    c.name.endswith(COUNTY_SUFFIXES) and len(c.name) >= 3 and not c.entries[0].entry.common)):
                full_named.add(c.entries[0].adcode)
        # Corroboration for weak names: full name elsewhere, a parent, a named
        # event, or a list with a place.
        kept: list[_Candidate] = []
        strong_by_end: dict[int, _Candidate] = {}
        strong_by_start: dict[int, _Candidate] = {}
        for c in cands:
            if not all(e.weak for e in c.entries):
                strong_by_end[c.end] = c
                strong_by_start[c.start] = c
        # Regions the text names in words that are not weak: a county's own short form
        # (什邡, 汉源) is read where its province is named, unless it is an ordinary word.
        named_regions = {
            code for c in cands if not all(e.weak for e in c.entries)
            for e in c.entries for code in (e.adcode, e.province, e.prefecture) if e.large
        }
        # Provinces written with their full official name (西藏自治区): there a prefecture's short name is that
        # prefecture even when it is also an ordinary word (拉萨).
        provinces_in_full = {e.adcode[:2] for c in cands if len(c.entries) == 1
                             for e in c.entries if not e.short and e.adcode.endswith("0000")}
        # 常熟泗洪工业园区: two names run together straight into a park's name vouch for each other, even names
        # that are also words (常熟, 宿迁): two such words do not run into a park's name by chance.
        in_park_name = set()
        for a, b in zip(cands, cands[1:]):
            if a.end == b.start and PARK_AFTER_NAMES.match(text, b.end):
                in_park_name.update((id(a), id(b)))
            elif (text[a.end:b.start] in ZONE_HEADS and PARK_AFTER_NAMES.match(text, b.end)
                  and not any(x.adcode in y.ancestors or y.adcode in x.ancestors for x in a.entries for y in b.entries)):
                # …and so do two places' names with a zone's head between (江宁开发区淮阴工业园: 江宁's zone built
                # 淮阴's park), unless one holds the other (遂宁高新区船山园区: a part of 遂宁's own zone).
                in_park_name.update((id(a), id(b)))
        position = {id(c): i for i, c in enumerate(cands)}
        for c in cands:
            if c.parent is not None or c.written_full or not any(e.weak for e in c.entries):
                kept.append(c)
                strong_by_end.setdefault(c.end, c)  # 河北省张家口、承德、保定: it vouches for its list
                strong_by_start.setdefault(c.start, c)
                continue
            entries = tuple(
                e for e in c.entries if not e.weak or e.adcode in full_named or id(c) in in_park_name
                or (c.event and not e.entry.common)
                # 马边县 for 马边彝族自治县: written with its county suffix, a short form is no ordinary word.
                or (c.name.endswith(COUNTY_SUFFIXES) and len(c.name) >= 3 and not e.entry.common)
                or (not e.entry.common and not c.approximate and len(c.entries) == 1 and e.province in named_regions)
                or (len(c.entries) == 1 and not c.approximate and e.adcode.endswith("00")
                    and e.adcode[:2] in provinces_in_full)
            )
            if not entries:
                # 苍南、永嘉、平阳三县; 龙泉和萧山两地: a list that the text counts as places names places.
                entries = self._counted(text, c, cands, position[id(c)])
            if not entries:
                # A list of places is of one region: 贵州、遵义 yes; 振兴、理县 no.
                around = self._coordinated(text, c, strong_by_end, strong_by_start)
                provinces = {e.province for p in around for e in p.entries}
                entries = tuple(e for e in c.entries if e.province in provinces)
                if not entries and len(around) >= 2 and all(_is_city(e.adcode) for p in around for e in p.entries):
                    # 深圳、青岛、大连、宁波: between two cities of a list, a city's name is that city.
                    entries = tuple(e for e in c.entries if _is_city(e.adcode))
            if entries:
                # 阿坝 alone is the prefecture; the county 阿坝县 stays an alternative.
                c.dropped = tuple(sorted({e.adcode for e in c.entries} - {e.adcode for e in entries}))
                c.entries = entries
                kept.append(c)
                # Read, it vouches for the next name of its list: 莲都—义乌、龙泉—萧山 (one region's names).
                strong_by_end.setdefault(c.end, c)
                strong_by_start.setdefault(c.start, c)
        # Context: provinces and prefectures of the mentions that are not ambiguous.
        context: Counter[str] = Counter()
        for c in kept:
            first = c.entries[0].adcode
            if all(e.adcode == first for e in c.entries):
                context.update(c.entries[0].ancestors | {first})
        for c in kept:
            self._choose(c, context)
        return kept

    def _counted(self, text: str, c: _Candidate, cands: list[_Candidate], i: int) -> tuple:
        """``c``'s (``cands[i]``'s) entries of the counted unit where it stands in a list of names closed by their
        count (苍南、永嘉、平阳三县, 长沙、株洲、岳阳、常德4市, 龙泉和萧山两地), else ``()``."""
        first = last = i
        while first > 0 and text[cands[first - 1].end:cands[first].start] in LIST_JOINERS:
            first -= 1
        while last + 1 < len(cands) and text[cands[last].end:cands[last + 1].start] in LIST_JOINERS:
            last += 1
        count = COUNTED_UNITS.match(text, cands[last].end)
        if count is None or last - first + 1 != _COUNT_VALUES.get(count["n"], int(count["n"]) if count["n"].isdigit() else 0):
            return ()
        levels = _COUNTED_LEVELS.get(count["unit"][-1], tuple(Level))
        return tuple(e for e in c.entries if level_of_adcode(e.adcode) in levels and not e.entry.common)

    def _coordinated(
        self, text: str, c: _Candidate, by_end: dict[int, _Candidate], by_start: dict[int, _Candidate]
    ) -> list[_Candidate]:
        """Strong mentions joined to ``c`` by a list separator (、, ·, 与 …)."""
        out = []
        for n in self._coordinator_lengths:
            p = by_end.get(c.start - n)
            if p is not None and text[p.end : c.start] in COORDINATORS:
                out.append(p)
            p = by_start.get(c.end + n)
            if p is not None and text[c.end : p.start] in COORDINATORS:
                out.append(p)
        return out

    def _choose(self, c: _Candidate, context: Counter[str]) -> None:
        """Pick the unit: the one the document's places favour, else the larger.

        The score is the chosen unit's share of the context weight over every
        unit the words may mean (kept or dropped), or 1/n when no context
        favours any; a name with one meaning scores 1.0 (0.9 for a short form).
        """
        by_code: dict[str, Sense] = {}
        for e in c.entries:  # an official entry beats a short or historical one for the same unit
            if e.adcode not in by_code or (not by_code[e.adcode].official and e.official):
                by_code[e.adcode] = e
        if len(by_code) == 1 and not c.dropped:
            (e,) = by_code.values()
            c.chosen, c.score, c.alts = e.entry, (1.0 if not e.short else 0.9), ()
            return
        own: frozenset[str] = frozenset()
        if len(by_code) == 1:  # this mention counted itself in the context: leave it out
            (e,) = by_code.values()
            own = e.ancestors | {e.adcode}
        places = self.gaz.places

        def weight(code: str) -> float:
            place = places[code]
            w = 0.0
            if place.prefecture and place.prefecture != code:
                w += 2 * (context[place.prefecture] - (place.prefecture in own))
            if place.province != code:
                w += context[place.province] - (place.province in own)
            else:  # 海南 in a list of provinces: a province's name is the commoner reading of the two
                w += _PROVINCE_PRIOR + context[code] - (code in own)
            return w

        codes = sorted(by_code)
        weights = {code: weight(code) for code in (*codes, *c.dropped)}
        total = sum(weights.values())
        if total > 0:
            best = min(codes, key=lambda k: (-weights[k], by_code[k].order))
            score = weights[best] / total
        else:
            best = min(codes, key=lambda k: by_code[k].order)
            score = 1.0 / len(weights)
        alts = tuple(k for k in sorted(weights) if k != best)
        c.chosen, c.score, c.alts = by_code[best].entry, round(score, 3), alts


_PROVINCE_PRIOR = 1  # the weight a province's sense starts with against a prefecture or county of its name


@lru_cache(maxsize=4)
def _engine(gaz: Gazetteer) -> _Engine:
    return _Engine(gaz)


def find_places(text: str, *, doc: str = "", gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place mention in ``text``, in order, with offsets into ``text``.

    Parameters: ``text`` the article (traditional or simplified); ``doc`` an
    identifier copied into each mention; ``gazetteer`` defaults to ``data/``.
    Returns a list (``[]`` when nothing is found). Raises :class:`QueryError`
    for a non-string and :class:`InputTooLargeError` past ``MAX_TEXT_CHARS``.
    """
    if not isinstance(text, str):
        raise QueryError(f"find_places needs a str, got {type(text).__name__}; decode the file first")
    if len(text) > MAX_TEXT_CHARS:
        raise InputTooLargeError(f"text has {len(text)} characters, more than {MAX_TEXT_CHARS}; split it into articles")
    if not text:
        return []
    return find_places_normalized(normalize(text), doc=doc, gazetteer=gazetteer)


def find_places_normalized(
    norm: NormalizedText, *, doc: str = "", gazetteer: Gazetteer | None = None
) -> list[PlaceMention]:
    """:func:`find_places` on a text already normalised by :func:`timeline.text.normalization.normalize`.

    For a caller that also finds dates (``timeline.dates.engine.find_dates_normalized``):
    one normalisation serves both. Offsets index ``norm.original``. Raises
    :class:`QueryError` for anything but a ``NormalizedText`` and
    :class:`InputTooLargeError` past ``MAX_TEXT_CHARS``.
    """
    if not isinstance(norm, NormalizedText):
        raise QueryError(f"find_places_normalized needs timeline.text.normalization.normalize(text), got {type(norm).__name__}")
    text = norm.original
    if len(text) > MAX_TEXT_CHARS:
        raise InputTooLargeError(f"text has {len(text)} characters, more than {MAX_TEXT_CHARS}; split it into articles")
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    engine = _engine(gaz)
    out: list[PlaceMention] = []
    places = gaz.places
    for c in engine.resolve(norm.text, engine.candidates(norm.text)):
        entry = c.chosen
        if entry is None:
            continue
        place: Place = places[entry.adcode]
        start, end = norm.to_original(c.start, c.end)
        historical = entry.is_historical
        out.append(
            PlaceMention(
                start=start,
                end=end,
                mention=text[start:end],
                adcode=place.adcode,
                name=place.name,
                level=place.level,
                lon=place.lon,
                lat=place.lat,
                score=c.score,
                alternatives=c.alts,
                approximate=c.approximate or place.coord_source.startswith("parent:"),
                historical_name=c.name if historical else None,
                changed_year=entry.year if historical else None,
                short_form=entry.is_short,
                doc=doc,
                names_event=c.names_event,
            )
        )
    return out


# The levels a counted unit can be: 三县 are counties, 4市 prefectures or county-level cities, 两地 anything.
_COUNTED_LEVELS = {
    "县": (Level.COUNTY,), "区": (Level.COUNTY,), "旗": (Level.COUNTY,), "省": (Level.PROVINCE,),
    "州": (Level.PREFECTURE,), "盟": (Level.PREFECTURE,), "市": (Level.PREFECTURE, Level.COUNTY),
}


_COUNT_VALUES = {n: v for v, ns in enumerate(("一", "二两", "三", "四", "五", "六", "七", "八", "九", "十"), 1) for n in ns}


def _is_city(adcode: str) -> bool:
    """A prefecture-level unit (大连市), not a province or a county."""
    return adcode.endswith("00") and not adcode.endswith("0000")
