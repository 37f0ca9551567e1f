"""Small integers written in Arabic or Chinese numerals, as dates use them."""

from __future__ import annotations

__all__ = ["CN_DIGIT", "parse_int"]

CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def parse_int(s: str) -> int | None:
    """Parse ``"2018"``, ``"08"``, ``"二〇一八"``, ``"十二"``, ``"二十三"``, ``"三十一"``.

    A run of Chinese digits without 十/百 is read digit by digit (years);
    otherwise 十 and 百 are positional. Returns ``None`` for anything else.
    """
    s = s.strip()
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if all(c in CN_DIGIT for c in s):
        if len(s) == 1:
            return CN_DIGIT[s]
        return int("".join(str(CN_DIGIT[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in CN_DIGIT:
            current = CN_DIGIT[c]
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        elif c == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current
