"""Place mentions in text: ``find_places(text) -> list[PlaceMention]``.

Steps: normalise (traditional → simplified, pinyin glosses out) keeping the
offset map; find every known name with one Aho–Corasick pass; keep a
candidate only if it is a word of its sentence (see :mod:`geo.segmenter`) and
is not the head of a smaller place (格西乡, 杭州湾) or part of another place's
name (绍兴滨海新区); read short forms that are county names or ordinary words
(九龙, 和平, 合作) only with corroboration; then choose among same-named units
by an explicit parent, else the document's other places, else the larger unit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from geo.errors import InputTooLargeError, QueryError
from geo.gazetteer import Gazetteer, Place, load_gazetteer
from geo.names import Level, NameEntry, NameKind
from geo.rules import COORDINATORS, ORG_HEAD_ENDINGS, PARENT_JOINERS, SMALLER_PLACE_HEADS
from geo.segmenter import Segmenter
from timeline.normalization import normalize

__all__ = ["PlaceMention", "find_places", "MAX_TEXT_CHARS"]

MAX_TEXT_CHARS = 50_000_000


@dataclass(frozen=True)
class PlaceMention:
    """One place named in a text.

    ``start``/``end`` index the *original* text (``text[start:end] == mention``).
    ``adcode``/``name``/``level``/``lon``/``lat`` describe today's unit.
    ``score`` in (0, 1] is the confidence of the choice among ``alternatives``
    (other adcodes the same words could mean). ``approximate`` is true when the
    words name an organisation at the place (自贡市商务局) or the unit has no
    point of its own. ``historical_name`` is the former name written (郫县 for
    郫都区) with ``changed_year`` when known. ``short_form`` is true for 平昌.
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


@dataclass(frozen=True, slots=True)
class _Sense:
    """One unit a name may point to, with what the engine asks of it precomputed."""

    entry: NameEntry
    adcode: str
    official: bool  # today's full name
    short: bool
    weak: bool  # a short form that is a county's or an ordinary word: needs corroboration
    province: str
    prefecture: str
    ancestors: frozenset[str]
    order: tuple[int, int, str]  # larger unit first, then official before short/historical


@dataclass(frozen=True, slots=True)
class _Name:
    """A name of the automaton with its senses and their summaries."""

    name: str
    senses: tuple[_Sense, ...]
    codes: frozenset[str]
    ancestors: frozenset[str]  # union over the senses
    full: bool  # some sense is not a short form
    all_weak: bool
    single_full: str  # the adcode when the name has one sense and it is not short


_KIND_RANK = {NameKind.OFFICIAL: 0, NameKind.SHORT: 1, NameKind.HISTORICAL: 2, NameKind.HISTORICAL_SHORT: 3}


@dataclass
class _Candidate:
    start: int  # normalised offsets
    end: int
    info: _Name
    entries: tuple[_Sense, ...]
    approximate: bool = False
    parent: "_Candidate | None" = None
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
        self.automaton = ahocorasick.Automaton()
        for name, entries in gaz.names.items():
            if len(name) >= 2:
                self.automaton.add_word(name, (len(name), self._name(name, entries)))
        self.automaton.make_automaton()
        official = (e.name for es in gaz.names.values() for e in es if not e.is_short)
        self.segmenter = Segmenter(official)
        self._coordinator_lengths = sorted({len(c) for c in COORDINATORS if c})

    def _name(self, name: str, entries: tuple[NameEntry, ...]) -> _Name:
        senses = []
        for e in entries:
            place = self.gaz.place(e.adcode)
            weak = e.is_short and (e.common or place.level is Level.COUNTY)
            senses.append(
                _Sense(
                    e, e.adcode, e.kind is NameKind.OFFICIAL, e.is_short, weak, place.province, place.prefecture,
                    frozenset(place.ancestors), (place.level.rank, _KIND_RANK[e.kind], e.adcode),
                )
            )
        full = any(not s.short for s in senses)
        single = senses[0].adcode if len(senses) == 1 and not senses[0].short else ""
        return _Name(
            name, tuple(senses), frozenset(s.adcode for s in senses), frozenset().union(*(s.ancestors for s in senses)),
            full, all(s.weak for s in senses), single,
        )

    # -- candidate filtering -------------------------------------------------
    def _word_ok(self, text: str, cand: _Candidate) -> tuple[bool, bool]:
        """(is a word of its sentence and not a smaller place's head, names an organisation)."""
        seg = self.segmenter
        lo, hi = seg.window(text, cand.start, cand.end)
        if seg.is_boundary(text, cand.start, lo, hi) and seg.is_boundary(text, cand.end, lo, hi):
            # Both ends are boundaries of every segmentation; what follows is
            # one of a few words. If they all give the same answer, it is exact.
            outcomes = {self._after(w) for w in seg.words_from(text, cand.end, hi)}
            if len(outcomes) == 1:
                return outcomes.pop()
            # Every route passes through cand.end, so the right side alone decides the next word.
            a, b = seg.tokens(text, cand.end, hi)[0]
            return self._after(text[a:b])
        spans = seg.tokens(text, lo, hi)
        starts = {a for a, _ in spans}
        ends = {b for _, b in spans}
        if cand.start not in starts:
            return False, False
        head = next((b for a, b in spans if a == cand.start), cand.end)
        if head > cand.end and text[cand.end : head].endswith(ORG_HEAD_ENDINGS):
            return True, True  # 成都市委 is one word: the party committee of 成都市
        if cand.end not in ends:
            # 江油市委 → 江油 / 市委: a full name may share its suffix with the next word.
            if not cand.info.full or (cand.end - 1) not in starts:
                return False, False
            nxt = next((text[a:b] for a, b in spans if a == cand.end - 1), "")
        else:
            nxt = next((text[a:b] for a, b in spans if a == cand.end), "")
        return self._after(nxt)

    @staticmethod
    def _after(nxt: str) -> tuple[bool, bool]:
        """(ok, organisation) for a candidate followed by the word ``nxt``."""
        if nxt in SMALLER_PLACE_HEADS:
            return False, False
        return True, bool(nxt) and nxt.endswith(ORG_HEAD_ENDINGS)

    def candidates(self, text: str) -> list[_Candidate]:
        # (start, -length): at each start the longest name is tried first.
        hits = sorted((end_idx + 1 - n, -n, info) for end_idx, (n, info) in self.automaton.iter(text))
        out: list[_Candidate] = []
        covered = 0
        for start, neg, info in hits:
            if start < covered:
                continue
            end = start - neg
            cand = _Candidate(start, end, info, info.senses)
            ok, org = self._word_ok(text, cand)
            if not ok:
                continue
            cand.approximate = org
            if out and start - out[-1].end <= 1:
                prev = out[-1]
                if text[prev.end : start] in PARENT_JOINERS:
                    if not prev.info.codes.isdisjoint(info.ancestors):
                        cand.parent = prev
                    elif prev.end == start and info.full and not prev.info.all_weak:
                        # 绍兴滨海新区: another place's name runs straight into this one.
                        continue
            out.append(cand)
            covered = end
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
            if len(c.entries) == 1 and not c.entries[0].short:
                full_named.add(c.entries[0].adcode)
        # Corroboration for weak names: full name elsewhere, a parent, or a list with a place.
        kept: list[_Candidate] = []
        strong_by_end: dict[int, _Candidate] = {}
        strong_by_start: dict[int, _Candidate] = {}
        for c in cands:
            if not all(e.weak for e in c.entries):
                strong_by_end[c.end] = c
                strong_by_start[c.start] = c
        for c in cands:
            if c.parent is not None or not any(e.weak for e in c.entries):
                kept.append(c)
                continue
            entries = tuple(e for e in c.entries if not e.weak or e.adcode in full_named)
            if not entries:
                # A list of places is of one region: 贵州、遵义 yes; 振兴、理县 no.
                provinces = {e.province for p in self._coordinated(text, c, strong_by_end, strong_by_start) for e in p.entries}
                entries = tuple(e for e in c.entries if e.province in provinces)
            if entries:
                c.entries = entries
                kept.append(c)
        # Context: provinces and prefectures of the mentions that are not ambiguous.
        context: Counter[str] = Counter()
        for c in kept:
            first = c.entries[0].adcode
            if all(e.adcode == first for e in c.entries):
                context.update(c.entries[0].ancestors | {first})
        for c in kept:
            self._choose(c, context)
        return kept

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
        by_code: dict[str, _Sense] = {}
        for e in c.entries:  # an official entry beats a short or historical one for the same unit
            if e.adcode not in by_code or (not by_code[e.adcode].official and e.official):
                by_code[e.adcode] = e
        if len(by_code) == 1:
            (e,) = by_code.values()
            c.chosen, c.score, c.alts = e.entry, (1.0 if not e.short else 0.9), ()
            return
        codes = sorted(by_code)

        def weight(e: _Sense) -> float:
            w = 0.0
            if e.prefecture and e.prefecture != e.adcode:
                w += 2 * context[e.prefecture]
            if e.province != e.adcode:
                w += context[e.province]
            return w

        weights = {code: weight(by_code[code]) for code in codes}
        total = sum(weights.values())
        if total > 0:
            best = min(codes, key=lambda k: (-weights[k], by_code[k].order))
            score = weights[best] / total
        else:
            best = min(codes, key=lambda k: by_code[k].order)
            score = 1.0 / len(codes)
        c.chosen, c.score, c.alts = by_code[best].entry, round(score, 3), tuple(k for k in codes if k != best)


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
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    engine = _engine(gaz)
    norm = normalize(text)
    out: list[PlaceMention] = []
    for c in engine.resolve(norm.text, engine.candidates(norm.text)):
        entry = c.chosen
        if entry is None:
            continue
        place: Place = gaz.place(entry.adcode)
        start, end = norm.to_original(c.start, c.end)
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
                historical_name=c.name if entry.is_historical else None,
                changed_year=entry.year if entry.is_historical else None,
                short_form=entry.is_short,
                doc=doc,
            )
        )
    return out
