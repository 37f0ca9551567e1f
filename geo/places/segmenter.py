"""Word boundaries around a candidate name, from a dictionary segmenter.

A place name must be a word of its sentence: 示范县 is one word, so 范县 inside
it is not a mention; 援助/理县 keeps 理县 whole. jieba's dictionary and
maximum-probability route (no HMM, so no guessing) decide, on a short window
around each candidate; official unit names are added to the dictionary.

Most candidates need no segmentation at all. jieba (without HMM) only ever
joins characters into a dictionary word, so where no dictionary word of the
window spans a position, *every* route has a word boundary there
(:meth:`Segmenter.is_boundary`), and the words that can follow are the
dictionary words starting there (:meth:`Segmenter.words_from`). The recogniser
segments a window only when these exact checks leave the answer open.
"""

from __future__ import annotations

import re
from math import log
from typing import Iterable

from geo.places.rules import CLAUSE_BREAKS, WINDOW

__all__ = ["Segmenter"]


def _cache_dir() -> str:
    """A folder of ours for jieba's dictionary cache: $XDG_CACHE_HOME/pairing-atlas, else a new temporary one."""
    import os
    import tempfile
    from pathlib import Path

    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pairing-atlas"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return tempfile.mkdtemp(prefix="pairing-atlas-")
    return str(folder)


class Segmenter:
    """Segments small windows of normalised text; loaded lazily, reused.

    Keeps no per-text cache: the cost of a text does not depend on what was
    read before it.
    """

    def __init__(self, official_names: Iterable[str], place_names: Iterable[str] = ()) -> None:
        self._names = tuple(sorted(set(official_names)))
        self._place_names = frozenset(place_names) | frozenset(self._names)
        self._tk = None
        self._freq: dict[str, int] | None = None
        self._logtotal = 0.0

    def _tokenizer(self):
        if self._tk is None:
            import logging
            import warnings

            with warnings.catch_warnings():  # jieba imports the deprecated pkg_resources
                warnings.simplefilter("ignore")
                import jieba  # imported lazily: the dictionary costs ~0.6 s and ~90 MB

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.tmp_dir = _cache_dir()  # not /tmp/jieba.cache: another user's file there makes jieba print a traceback
            tk.initialize()
            for name in self._names:
                if name not in tk.FREQ or not tk.FREQ[name]:
                    tk.add_word(name, freq=20)
            # 上海市浦东新区, 上海浦东新区: a dictionary word that is a place followed by another is two names, not
            # one word that hides both (it stays a prefix, as jieba keeps the prefixes of its words).
            names = self._place_names
            heads = {n[:2] for n in names}
            for word in [w for w, f in tk.FREQ.items() if f and len(w) >= 4 and w[:2] in heads]:
                if any(word[:k] in names and word[k:] in names for k in range(2, len(word) - 1)):
                    tk.FREQ[word] = 0
            self._tk = tk
            self._freq = tk.FREQ
            self._logtotal = log(tk.total)
        return self._tk

    @property
    def freq(self) -> dict[str, int]:
        """jieba's prefix dictionary: word → frequency, every proper prefix → 0."""
        if self._freq is None:
            self._tokenizer()
        return self._freq  # type: ignore[return-value]

    @staticmethod
    def window(text: str, start: int, end: int) -> tuple[int, int]:
        """The window ``[lo, hi)`` segmented around ``text[start:end]``.

        It stops at clause punctuation and extends ``WINDOW`` characters each
        side, so a boundary near the candidate is decided with its context.
        """
        lo = start
        floor = start - WINDOW
        while lo > 0 and lo > floor and text[lo - 1] not in CLAUSE_BREAKS:
            lo -= 1
        hi = end
        ceiling = min(len(text), end + WINDOW)
        while hi < ceiling and text[hi] not in CLAUSE_BREAKS:
            hi += 1
        return lo, hi

    def is_boundary(self, text: str, pos: int, lo: int, hi: int) -> bool:
        """True when no dictionary word inside ``[lo, hi)`` spans ``pos``.

        Then every segmentation of the window has a boundary at ``pos``. False
        means only that the segmenter must decide.
        """
        if pos <= lo or pos >= hi:
            return True
        if text[pos - 1] in _ASCII_ALNUM and text[pos] in _ASCII_ALNUM:
            return False  # jieba joins runs of single ASCII letters and digits (3|5 → 35)
        if text[pos - 1] == "\r" and text[pos] == "\n":
            return False  # and keeps "\r\n" whole
        freq = self.freq
        for i in range(pos - 1, lo - 1, -1):
            j = pos + 1
            frag = text[i:j]
            # Walk the words that start at i and reach past pos.
            while frag in freq:
                if freq[frag]:
                    return False
                j += 1
                if j > hi:
                    break
                frag = text[i:j]
        return True

    def words_from(self, text: str, pos: int, hi: int) -> list[str]:
        """Every token a segmentation of the window may start at ``pos``.

        The single character and each dictionary word starting at ``pos``
        inside the window; ``[""]`` at the end of the window.
        """
        if pos >= hi:
            return [""]
        freq = self.freq
        out = [text[pos]]
        j = pos + 2
        frag = text[pos:j]
        while j <= hi and frag in freq:
            if freq[frag]:
                out.append(frag)
            j += 1
            frag = text[pos:j]
        return out

    def tokens(self, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """Token spans of ``text[lo:hi]`` exactly as ``jieba.Tokenizer.cut(..., HMM=False)`` cuts it.

        The same blocks, dictionary graph, maximum-probability route and
        merging of single ASCII letters, without jieba's per-call overhead
        (``tests/geo/test_geo_places_recognition.py`` checks the equality).
        """
        spans: list[tuple[int, int]] = []
        pos = lo
        for m in _BLOCK.finditer(text, lo, hi):
            a, b = m.span()
            _others(text, pos, a, spans)
            self._cut_block(text, a, b, spans)
            pos = b
        _others(text, pos, hi, spans)
        return spans

    def _cut_block(self, text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
        freq = self.freq
        logtotal = self._logtotal
        # route[k - a] = (best log-probability from k to b, last index of the word at k);
        # computed as jieba.Tokenizer.calc does, so ties and floats agree.
        route: list[tuple[float, int]] = [(0.0, 0)] * (b - a + 1)
        for k in range(b - 1, a - 1, -1):
            best: tuple[float, int] | None = None
            i = k
            frag = text[k]
            while i < b and frag in freq:
                f = freq[frag]
                if f:
                    cand = (log(f) - logtotal + route[i + 1 - a][0], i)
                    if best is None or cand > best:
                        best = cand
                i += 1
                frag = text[k : i + 1]
            if best is None:
                best = (log(freq.get(text[k]) or 1) - logtotal + route[k + 1 - a][0], k)
            route[k - a] = best
        x = a
        buf_start = -1
        while x < b:
            y = route[x - a][1] + 1
            if y - x == 1 and text[x] in _ASCII_ALNUM:
                if buf_start < 0:
                    buf_start = x
            else:
                if buf_start >= 0:
                    spans.append((buf_start, x))
                    buf_start = -1
                spans.append((x, y))
            x = y
        if buf_start >= 0:
            spans.append((buf_start, b))


def _others(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    # jieba yields characters outside its blocks one by one, "\r\n" as one.
    i = a
    while i < b:
        j = i + 2 if text.startswith("\r\n", i) and i + 2 <= b else i + 1
        spans.append((i, j))
        i = j


# jieba's re_han_default and re_eng (jieba 0.42.1).
_BLOCK = re.compile("[\u4e00-\u9fd5" r"a-zA-Z0-9+#&._%\-]+")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
