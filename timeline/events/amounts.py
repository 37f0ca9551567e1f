"""Money and head counts in a sentence: 3.3亿元, 5590万元, 一千万元, 30名队员.

Numbers may be Arabic or Chinese (read with cn2an). Money is returned in
yuan; counts of people are whole numbers. Works on normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Amount", "find_money", "find_people"]

_CN_NUM = "零〇一二两三四五六七八九十百千万亿"
_NUMBER = r"(?P<n>[0-9]{1,9}(?:\.[0-9]{1,4})?|[" + _CN_NUM + r"]{1,12})"
_SCALE = {"": 1, "万": 10_000, "亿": 100_000_000, "千万": 10_000_000, "百万": 1_000_000, "十万": 100_000}
# 3.3亿元, 5590万元, 300万余元, 1.2万元, 一千万元, 1000万 (after 资金/投入/拨付 … where 元 may be left out)
_MONEY = re.compile(
    r"(?<![0-9.])" + _NUMBER + r"(?P<approx>余|多)?(?P<scale>千万|百万|十万|万|亿)?(?:余|多)?元"
)
_MONEY_NO_YUAN = re.compile(
    r"(?:资金|投入|拨付|捐赠|捐助|捐款|投资|援助)[^,，。;；]{0,8}?(?<![0-9.])" + _NUMBER
    + r"(?P<approx>余|多)?(?P<scale>千万|百万|万|亿)(?![元0-9])"
)
_PEOPLE = re.compile(
    r"(?<![0-9.第])" + _NUMBER + r"(?:余|多)?(?:名|位)(?!次)"
)


@dataclass(frozen=True)
class Amount:
    """A number found at ``start:end`` of the normalised sentence."""

    value: float
    start: int
    end: int
    text: str


def _number(text: str) -> float | None:
    if not text:
        return None
    if text[0].isdigit():
        return float(text)
    import cn2an  # loaded on first use: its tables take a moment

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


def find_money(text: str) -> list[Amount]:
    """Every sum of money in ``text``, in yuan."""
    out: list[Amount] = []
    for pattern in (_MONEY, _MONEY_NO_YUAN):
        for m in pattern.finditer(text):
            n = _number(m["n"])
            if n is None or any(a.start <= m.start("n") < a.end for a in out):
                continue
            out.append(Amount(n * _SCALE[m["scale"] or ""], m.start("n"), m.end(), m[0][m.start("n") - m.start():]))
    return sorted(out, key=lambda a: a.start)


def find_people(text: str) -> list[Amount]:
    """Every count of people (N名, N位) in ``text``."""
    out = []
    for m in _PEOPLE.finditer(text):
        n = _number(m["n"])
        if n is not None and n == int(n):
            out.append(Amount(n, m.start(), m.end(), m[0]))
    return out
