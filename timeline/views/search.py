"""Search over event rows: a term matches in simplified or traditional characters, in pinyin, or by province.

Both the words and the rows are folded (NFKC, case) and converted to simplified characters, so
會寧 finds 会宁县; a party's name is also searched in pinyin (``zigong`` finds 自贡市), and a row
is found by the names of its parties' provinces (四川 finds every row with a party in 四川省).

>>> row = {"donor": "自贡市", "recipient": "平昌县", "evidence": "", "summary": ""}
>>> matches(row, search_terms("Zigong")), matches(row, search_terms("平昌縣")), matches(row, search_terms("巴中"))
(True, True, False)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

from geo.map.romanise import pinyin_name
from timeline.text.normalization import to_simplified

__all__ = ["SEARCHED", "fold_many", "name_forms", "search_terms", "search_text", "matches"]

SEARCHED = ("donor", "recipient", "evidence", "summary")


def _fold(text: object) -> str:
    return to_simplified(unicodedata.normalize("NFKC", "" if text is None else str(text)).casefold())


def search_terms(search: str) -> list[str]:
    """The words of a search, folded and in simplified characters (``[]`` for a blank search)."""
    return [_fold(t) for t in search.split()]


_SEPARATOR = "\x1f"  # folds to itself, and no news text holds it: many cells are folded as one string


def fold_many(values: list[object]) -> list[str]:
    """Each value folded as a search folds a row's text (``None`` → ``""``), in one pass over them all
    (the conversion to simplified characters is one call, not one per cell)."""
    texts = ["" if v is None else str(v) for v in values]
    if any(_SEPARATOR in t for t in texts):
        return [_fold(t) for t in texts]
    folded = _fold(_SEPARATOR.join(texts)).split(_SEPARATOR)
    return folded if len(folded) == len(texts) else [_fold(t) for t in texts]


def name_forms(name: str) -> str:
    """A party's name in pinyin as a search finds it (``zi gong shi`` and ``zigongshi``), ``""`` if none."""
    return _name_forms(name)


@lru_cache(maxsize=65536)
def _name_forms(name: str) -> str:
    pinyin = pinyin_name(name).casefold()
    return f"{pinyin}\n{pinyin.replace(' ', '')}" if pinyin else ""


def search_text(row: Mapping[str, object], province_name: Callable[[object], str] | None = None) -> str:
    """Everything a search looks in for ``row``: its text columns, its parties in pinyin and, given
    ``province_name`` (adcode → the province's name), its parties' provinces."""
    parts = [_fold(row.get(c)) for c in SEARCHED]
    parts += [_name_forms(str(row.get(side) or "")) for side in ("donor", "recipient")]
    if province_name is not None:
        parts += [province_name(row.get(f"{side}_adcode")) for side in ("donor", "recipient")]
    return "\n".join(parts)


def matches(row: Mapping[str, object], terms: list[str], province_name: Callable[[object], str] | None = None) -> bool:
    """Whether every one of ``terms`` (from :func:`search_terms`) occurs in :func:`search_text` of ``row``."""
    if not terms:
        return True
    haystack = search_text(row, province_name)
    return all(t in haystack for t in terms)
