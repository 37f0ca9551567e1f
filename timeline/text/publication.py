"""Detecting an article's publication date from its own stamps.

News pages carry the date they were published in a few conventional places:
a labelled stamp ("发布时间:2024-02-13 15:50", "内容时间:2018-05-09"), a
timestamp before the source ("2024-10-09 21:10:14来源"), a line of its own
under the masthead ("四川日报 2016年08月22日"), or a dateline
("新华网4月19日电") whose year is given elsewhere. Only the head and the tail
of an article are read: a date in the body is an event, not a stamp.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from timeline.text.normalization import normalize

__all__ = ["PublicationStamp", "detect_publication_date"]

HEAD_CHARS = 1500
TAIL_CHARS = 600

_YMD = r"((?:19|20)\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_LABEL = r"(?:发布|发表|发稿|更新|生成|内容|出版|见报|刊发|信息)?(?:时间|日期)"

# Ordered by how much they can be trusted.
_STAMPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("label", re.compile(_LABEL + r"\s*[:：|]?\s*\|?\s*" + _YMD)),
    ("timestamp", re.compile(_YMD + r"\s+" + _CLOCK)),
    # 定西日报 2019年11月26日 第01版 / 四川日报 2016年08月22日
    ("line", re.compile(
        r"(?m)^[^\S\n]*(?:[^\s\d]{2,12}[^\S\n]+)?" + _YMD
        + r"[^\S\n]*(?:星期.|周.)?[^\S\n]*(?:第[^\S\n]*[0-9一二三四五六七八九十]{1,3}[^\S\n]*版)?[^\S\n]*$"
    )),
    # 【大公报讯】记者陈敏重庆报道(2022年8月3日)
    ("byline", re.compile(r"(?:讯|电|报道)[^\n。]{0,24}?[(（]\s*" + _YMD + r"\s*[)）]")),
)
_DATELINE = re.compile(r"(?:社|网|报|台|电视台|日报|记者)[^\n。]{0,12}?(\d{1,2})月(\d{1,2})日(?:电|讯)")
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})年\s*\d{1,2}月")


@dataclass(frozen=True)
class PublicationStamp:
    """The detected date and the text it was read from (for the user to check)."""

    date: dt.date
    text: str
    how: str


def _to_date(m: re.Match[str]) -> dt.date | None:
    year = int(m[1])
    month = int(m[2] or m[4])
    day = int(m[3] or m[5])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def detect_publication_date(text: str) -> PublicationStamp | None:
    """Return the publication date an article states about itself, or ``None``.

    Looks at the first :data:`HEAD_CHARS` and last :data:`TAIL_CHARS`
    characters only, after traditional → simplified normalisation.
    """
    if len(text) > HEAD_CHARS + TAIL_CHARS:
        region = text[:HEAD_CHARS] + "\n" + text[-TAIL_CHARS:]
    else:
        region = text
    norm = normalize(region).text
    for how, pattern in _STAMPS:
        for m in pattern.finditer(norm):
            date = _to_date(m)
            if date is not None:
                return PublicationStamp(date=date, text=m[0].strip(), how=how)
    m = _DATELINE.search(norm)
    if m:
        # A dateline has no year; take the latest year the article states
        # with a month. Without one the date stays unknown.
        years = [int(y) for y in _YEAR_MONTH.findall(normalize(text[:200_000]).text)]
        if years:
            try:
                date = dt.date(max(years), int(m[1]), int(m[2]))
            except ValueError:
                return None
            return PublicationStamp(date=date, text=m[0], how="dateline")
    return None
