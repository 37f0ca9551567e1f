"""Word boundaries around a candidate name, from a dictionary segmenter.

A place name must be a word of its sentence: 示范县 is one word, so 范县 inside
it is not a mention; 援助/理县 keeps 理县 whole. jieba's dictionary and
maximum-probability route (no HMM, so no guessing) decide, on a short window
around each candidate; official unit names are added to the dictionary.
"""

from __future__ import annotations

from typing import Iterable

from geo.rules import CLAUSE_BREAKS, WINDOW

__all__ = ["Segmenter"]


class Segmenter:
    """Segments small windows of normalised text; loaded lazily, reused."""

    def __init__(self, official_names: Iterable[str]) -> None:
        self._names = tuple(sorted(set(official_names)))
        self._tk = None

    def _tokenizer(self):
        if self._tk is None:
            import logging

            import warnings

            with warnings.catch_warnings():  # jieba imports the deprecated pkg_resources
                warnings.simplefilter("ignore")
                import jieba  # imported lazily: the dictionary costs ~0.6 s and ~90 MB

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()
            for name in self._names:
                if name not in tk.FREQ or not tk.FREQ[name]:
                    tk.add_word(name, freq=20)
            self._tk = tk
        return self._tk

    def tokens_around(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Token spans (absolute offsets) of a window around ``text[start:end]``.

        The window stops at clause punctuation and extends ``WINDOW`` characters
        each side, so a boundary near the candidate is decided with its context.
        """
        lo = start
        while lo > 0 and start - lo < WINDOW and text[lo - 1] not in CLAUSE_BREAKS:
            lo -= 1
        hi = end
        while hi < len(text) and hi - end < WINDOW and text[hi] not in CLAUSE_BREAKS:
            hi += 1
        return _segment(self._tokenizer(), text[lo:hi], lo)


def _segment(tk, window: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    pos = offset
    for tok in _cut(tk, window):
        spans.append((pos, pos + len(tok)))
        pos += len(tok)
    return spans


def _cut(tk, window: str) -> tuple[str, ...]:
    return _cached_cut(id(tk), tk, window)


_CACHE: dict[tuple[int, str], tuple[str, ...]] = {}


def _cached_cut(_key: int, tk, window: str) -> tuple[str, ...]:
    hit = _CACHE.get((_key, window))
    if hit is None:
        hit = tuple(tk.cut(window, HMM=False))
        if len(_CACHE) > 200_000:  # bounded: a corpus of distinct windows cannot grow it without limit
            _CACHE.clear()
        _CACHE[(_key, window)] = hit
    return hit
