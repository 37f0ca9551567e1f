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


@dataclass
class _Candidate:
    start: int  # normalised offsets
    end: int
    name: str
    entries: tuple[NameEntry, ...]
    approximate: bool = False
    parent: "_Candidate | None" = None
    chosen: NameEntry | None = None
    score: float = 0.0
    alts: tuple[str, ...] = field(default=())


class _Engine:
    def __init__(self, gaz: Gazetteer) -> None:
        import ahocorasick

        self.gaz = gaz
        self.automaton = ahocorasick.Automaton()
        for name in gaz.names:
            if len(name) >= 2:
                self.automaton.add_word(name, name)
        self.automaton.make_automaton()
        official = (e.name for es in gaz.names.values() for e in es if not e.is_short)
        self.segmenter = Segmenter(official)

    # -- candidate filtering -------------------------------------------------
    def _word_ok(self, text: str, cand: _Candidate) -> tuple[bool, bool]:
        """(is a word of its sentence and not a smaller place's head, names an organisation)."""
        spans = self.segmenter.tokens_around(text, cand.start, cand.end)
        starts = {a for a, _ in spans}
        ends = {b for _, b in spans}
        if cand.start not in starts:
            return False, False
        full = any(not e.is_short for e in cand.entries)
        head = next((b for a, b in spans if a == cand.start), cand.end)
        if head > cand.end and text[cand.end : head].endswith(ORG_HEAD_ENDINGS):
            return True, True  # 成都市委 is one word: the party committee of 成都市
        if cand.end not in ends:
            # 江油市委 → 江油 / 市委: a full name may share its suffix with the next word.
            if not full or (cand.end - 1) not in starts:
                return False, False
            nxt = next((text[a:b] for a, b in spans if a == cand.end - 1), "")
        else:
            nxt = next((text[a:b] for a, b in spans if a == cand.end), "")
        if nxt in SMALLER_PLACE_HEADS:
            return False, False
        return True, bool(nxt) and nxt.endswith(ORG_HEAD_ENDINGS)

    def candidates(self, text: str) -> list[_Candidate]:
        found: dict[int, list[tuple[int, str]]] = {}
        for end_idx, name in self.automaton.iter(text):
            start = end_idx - len(name) + 1
            found.setdefault(start, []).append((end_idx + 1, name))
        out: list[_Candidate] = []
        covered = 0
        for start in sorted(found):
            if start < covered:
                continue
            for end, name in sorted(found[start], reverse=True):  # longest first
                cand = _Candidate(start, end, name, self.gaz.lookup(name))
                ok, org = self._word_ok(text, cand)
                if not ok:
                    continue
                cand.approximate = org
                prev = next((p for p in reversed(out) if p.end <= start), None)
                if prev is not None and self._joined(text, prev, cand):
                    if self._encloses(prev, cand):
                        cand.parent = prev
                    elif prev.end == cand.start and any(not e.is_short for e in cand.entries) and not all(self._weak(e) for e in prev.entries):
                        # 绍兴滨海新区: another place's name runs straight into this one.
                        continue
                out.append(cand)
                covered = end
                break
        return out

    @staticmethod
    def _joined(text: str, prev: _Candidate, cand: _Candidate) -> bool:
        return text[prev.end : cand.start] in PARENT_JOINERS

    def _encloses(self, outer: _Candidate, inner: _Candidate) -> bool:
        outer_codes = {e.adcode for e in outer.entries}
        return any(outer_codes & set(self.gaz.place(e.adcode).ancestors) for e in inner.entries)

    # -- resolution -----------------------------------------------------------
    def _weak(self, entry: NameEntry) -> bool:
        if not entry.is_short:
            return False
        return entry.common or self.gaz.place(entry.adcode).level is Level.COUNTY

    def resolve(self, text: str, cands: list[_Candidate]) -> list[_Candidate]:
        full_named = {e.adcode for c in cands for e in c.entries if not e.is_short and len(c.entries) == 1}
        # Explicit parents narrow the entries first.
        for c in cands:
            if c.parent is not None:
                pcodes = {e.adcode for e in c.parent.entries}
                narrowed = tuple(e for e in c.entries if pcodes & set(self.gaz.place(e.adcode).ancestors))
                if narrowed:
                    c.entries = narrowed
                    parent_codes = {e.adcode for e in c.parent.entries if any(e.adcode in self.gaz.place(n.adcode).ancestors for n in narrowed)}
                    c.parent.entries = tuple(e for e in c.parent.entries if e.adcode in parent_codes) or c.parent.entries
        for c in cands:
            if len(c.entries) == 1 and not c.entries[0].is_short:
                full_named.add(c.entries[0].adcode)
        # Corroboration for weak names: full name elsewhere, a parent, or a list with a place.
        kept: list[_Candidate] = []
        strong = [c for c in cands if any(not self._weak(e) for e in c.entries)]
        for c in cands:
            entries = tuple(e for e in c.entries if not self._weak(e) or c.parent is not None or e.adcode in full_named)
            if not entries:
                # A list of places is of one region: 贵州、遵义 yes; 振兴、理县 no.
                partners = self._coordinated(text, c, strong)
                provinces = {self.gaz.place(e.adcode).province for p in partners for e in p.entries}
                entries = tuple(e for e in c.entries if self.gaz.place(e.adcode).province in provinces)
            if entries:
                c.entries = entries
                kept.append(c)
        # Context: provinces and prefectures of the mentions that are not ambiguous.
        context: Counter[str] = Counter()
        for c in kept:
            codes = {e.adcode for e in c.entries}
            if len(codes) == 1:
                place = self.gaz.place(next(iter(codes)))
                context.update(set(place.ancestors) | {place.adcode})
        for c in kept:
            self._choose(c, context)
        return kept

    @staticmethod
    def _coordinated(text: str, c: _Candidate, strong: list[_Candidate]) -> list[_Candidate]:
        """Strong mentions joined to ``c`` by a list separator (、, ·, 与 …)."""
        out = []
        for p in strong:
            if p.end < c.start and text[p.end : c.start] in COORDINATORS:
                out.append(p)
            elif p.start > c.end and text[c.end : p.start] in COORDINATORS:
                out.append(p)
        return out

    def _choose(self, c: _Candidate, context: Counter[str]) -> None:
        by_code: dict[str, NameEntry] = {}
        for e in c.entries:  # an official entry beats a short or historical one for the same unit
            if e.adcode not in by_code or (by_code[e.adcode].kind is not NameKind.OFFICIAL and e.kind is NameKind.OFFICIAL):
                by_code[e.adcode] = e
        codes = sorted(by_code)
        if len(codes) == 1:
            c.chosen, c.score, c.alts = by_code[codes[0]], (1.0 if not by_code[codes[0]].is_short else 0.9), ()
            return

        def weight(code: str) -> float:
            place = self.gaz.place(code)
            w = 0.0
            if place.prefecture and place.prefecture != code:
                w += 2 * context[place.prefecture]
            if place.province != code:
                w += context[place.province]
            return w

        def tiebreak(code: str) -> tuple:
            e = by_code[code]
            kind_rank = {NameKind.OFFICIAL: 0, NameKind.SHORT: 1, NameKind.HISTORICAL: 2, NameKind.HISTORICAL_SHORT: 3}[e.kind]
            return (self.gaz.place(code).level.rank, kind_rank, code)

        weights = {code: weight(code) for code in codes}
        total = sum(weights.values())
        if total > 0:
            best = sorted(codes, key=lambda k: (-weights[k], tiebreak(k)))[0]
            score = weights[best] / total
        else:
            best = sorted(codes, key=tiebreak)[0]
            score = 1.0 / len(codes)
        c.chosen, c.score, c.alts = by_code[best], round(score, 3), tuple(k for k in codes if k != best)


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
