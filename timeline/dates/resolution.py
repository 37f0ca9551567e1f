"""Normalisers: from a grammar match to year, month, day, precision and basis.

Each normaliser takes the match and a :class:`Context` (the publication date
and the last year the article stated) and returns a :class:`Value`, or
``None`` when the match is not a real date (month 13, 2月30日). Nothing here
reads the clock: a year comes from the text, from the publication date, or
it stays empty.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from timeline.dates.mention import Basis, DateKind, Precision
from timeline.dates.numerals import parse_int

__all__ = ["Context", "Value", "NORMALISERS", "dateparser_value"]

B, P = Basis, Precision


@dataclass
class Context:
    """What a normaliser may use besides the match itself."""

    publication_date: dt.date | None
    last_stated_year: int | None = None


@dataclass(frozen=True)
class Value:
    precision: Precision
    basis: Basis
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    kind: DateKind | None = None  # when the value changes the rule's kind (上半年 makes a range)


# 上半年, 一季度 …: the months they cover.
PART_MONTHS = {
    "上半年": (1, 6), "下半年": (7, 12),
    **{f"{p}{q}季度": (3 * i + 1, 3 * i + 3) for i, q in enumerate("一二三四") for p in ("", "第")},
    **{f"{p}{q}季度": (3 * i + 1, 3 * i + 3) for i, q in enumerate("1234") for p in ("", "第")},
}


def _with_part(m: re.Match[str], value: Value) -> Value:
    """A year value narrowed by 上半年/一季度 to a range of months."""
    months = PART_MONTHS.get(_g(m, "part") or "")
    if months is None or value.year is None and value.basis is not B.NOT_STATED and value.basis is not B.RELATIVE:
        return value
    return replace(value, precision=P.MONTH, month=months[0], end_year=value.year, end_month=months[1],
                   kind=DateKind.RANGE)


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


_UNREADABLE = -1  # a group that matched but is no number (a mixed "1十"): never valid


def _num(m: re.Match[str], name: str) -> int | None:
    s = _g(m, name)
    if not s:
        return None
    n = parse_int(s)
    return _UNREADABLE if n is None else n


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if year is not None and not 1000 <= year <= 2999:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        if not 1 <= day <= 31:
            return False
        if month is not None:
            try:
                dt.date(year if year is not None else 2000, month, day)  # 2000: a leap year
            except ValueError:
                return False
    return True


# -- dateparser, for the forms it reads right ------------------------------------
_DP_SETTINGS_BY_PRECISION = {
    P.DAY: ["year", "month", "day"],
    P.MONTH: ["year", "month"],
}


# Used as RELATIVE_BASE when an article has no publication date: the spans we
# hand to dateparser state every part they have, so the base is never read
# into the result, but dateparser must not fall back to the clock.
_NO_BASE = dt.date(2000, 1, 1)


@lru_cache(maxsize=64)
def _dateparser(parts: tuple[str, ...], base: dt.date):
    from dateparser.date import DateDataParser

    # REQUIRE_PARTS makes dateparser refuse rather than fill in a missing part.
    return DateDataParser(
        languages=["zh"],
        settings={
            "REQUIRE_PARTS": list(parts),
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": False,
        },
    )


@lru_cache(maxsize=4096)
def dateparser_value(
    text: str, precision: Precision, base: dt.date | None = None
) -> tuple[int, int | None, int | None] | None:
    """Read a fully stated Arabic-numeral date with dateparser.

    ``base`` (the publication date) is dateparser's RELATIVE_BASE. Returns
    ``(year, month, day)`` with only the parts ``precision`` covers, or
    ``None`` when dateparser cannot read it.
    """
    parts = tuple(_DP_SETTINGS_BY_PRECISION[precision])
    data = _dateparser(parts, base or _NO_BASE).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj
    return (
        d.year,
        d.month if "month" in parts else None,
        d.day if "day" in parts else None,
    )


# -- the normalisers ----------------------------------------------------------------
def _stated(m: re.Match[str], ctx: Context, precision: Precision) -> Value | None:
    y, mo, d = _num(m, "y"), _num(m, "m"), _num(m, "d")
    if not _valid(y, mo, d):
        return None
    raw = _g(m, "y") or ""
    if raw.isascii() and precision is not P.YEAR:
        # Arabic-numeral dates with a month: dateparser reads these right.
        # Feed it the date part alone (no 以来/的阳春). A bare "2011年" it
        # reads as "2011 years ago", so years are read here.
        canon = f"{y}年" + (f"{mo}月" if mo else "") + (f"{d}日" if d else "")
        read = dateparser_value(canon, precision, ctx.publication_date)
        if read is None:
            return None
        y, mo, d = read
    ctx.last_stated_year = y
    return Value(precision, B.STATED, y, mo, d)


def n_dateparser(m, ctx):
    return _stated(m, ctx, P.DAY)


def n_ymd(m, ctx):
    return _stated(m, ctx, P.DAY)


def n_ym(m, ctx):
    return _stated(m, ctx, P.MONTH)


def n_year(m, ctx):
    value = _stated(m, ctx, P.YEAR)
    return None if value is None else _with_part(m, value)


def n_year_range(m, ctx):
    y, y2 = _num(m, "y"), _num(m, "y2")
    if y is None or y2 is None or y2 < y or not (_valid(y, None, None) and _valid(y2, None, None)):
        return None
    ctx.last_stated_year = y2
    return Value(P.YEAR, B.STATED, y, end_year=y2)


def _infer_month_day(pub: dt.date, month: int, day: int | None) -> int | None:
    """The year of the latest (month, day) not after ``pub``."""
    year = pub.year
    for _ in range(8):  # 2月29日 may need a few years back
        try:
            candidate = dt.date(year, month, day or 1)
        except ValueError:
            year -= 1
            continue
        if day is None and (year, month) <= (pub.year, pub.month) or candidate <= pub:
            return year
        year -= 1
    return None


def _without_year(month: int | None, day: int | None, ctx: Context, precision: Precision) -> Value | None:
    if not _valid(None, month, day):
        return None
    pub = ctx.publication_date
    if pub is None or month is None:
        return Value(precision, B.NOT_STATED, None, month, day)
    year = _infer_month_day(pub, month, day)
    if year is None:
        return Value(precision, B.NOT_STATED, None, month, day)
    return Value(precision, B.INFERRED, year, month, day)


def n_month_day(m, ctx):
    return _without_year(_num(m, "m"), _num(m, "d"), ctx, P.DAY)


def n_month(m, ctx):
    return _without_year(_num(m, "m"), None, ctx, P.MONTH)


def n_day(m, ctx):
    day = _num(m, "d")
    if not _valid(None, None, day):
        return None
    pub = ctx.publication_date
    if pub is None:
        return Value(P.DAY, B.NOT_STATED, None, None, day)
    # The month is not stated and stays empty; the year is that of the
    # latest such day not after publication.
    year = pub.year if (day <= pub.day or pub.month > 1) else pub.year - 1
    return Value(P.DAY, B.INFERRED, year, None, day)


def n_named_day(m, ctx):
    month, day = _num(m, "m"), _num(m, "d")
    if not _valid(None, month, day):
        return None
    return Value(P.DAY, B.NOT_STATED, None, month, day)


def _range_start(y, mo, d, ctx, *, last_year) -> tuple[int | None, Basis] | None:
    """The start year of a range and its basis: stated, else inferred like a month or day alone."""
    if y is not None:
        ctx.last_stated_year = last_year
        return y, B.STATED
    start = _without_year(mo, d, ctx, P.DAY if d else P.MONTH)
    return None if start is None else (start.year, start.basis)


def n_month_range(m, ctx):
    y, y2 = _num(m, "y"), _num(m, "y2")
    mo, mo2 = _num(m, "m"), _num(m, "m2")
    if not (_valid(y, mo, None) and _valid(y2, mo2, None)):
        return None
    rel = _g(m, "rel")
    if rel:
        pub = ctx.publication_date
        y = None if pub is None else pub.year + _REL_YEAR[rel]
        y2 = None if y is None else (y if mo2 >= mo else y + 1)
        return Value(P.MONTH, B.RELATIVE, y, mo, None, y2, mo2, None)
    start = _range_start(y, mo, None, ctx, last_year=y2 or y)
    if start is None:
        return None
    y, basis = start
    if y2 is None and y is not None:
        y2 = y if mo2 >= mo else y + 1
    return Value(P.MONTH, basis, y, mo, None, y2, mo2, None)


def n_day_range(m, ctx):
    y, mo, d = _num(m, "y"), _num(m, "m"), _num(m, "d")
    mo2, d2 = _num(m, "m2") or mo, _num(m, "d2")
    if not (_valid(y, mo, d) and _valid(y, mo2, d2)):
        return None
    start = _range_start(y, mo, d, ctx, last_year=y)
    if start is None:
        return None
    y, basis = start
    y2 = None if y is None else (y if (mo2, d2) >= (mo, d) else y + 1)
    return Value(P.DAY, basis, y, mo, d, y2, mo2, d2)


_REL_YEAR = {"今年": 0, "本年": 0, "去年": -1, "前年": -2, "明年": 1, "内": 0}
_ANAPHORA = {"同年": 0, "当年": 0, "次年": 1, "翌年": 1}
_REL_MONTH = {"上月": -1, "上个月": -1, "本月": 0, "当月": 0, "下月": 1, "下个月": 1}


def n_adjacent_months(m, ctx):
    mo, mo2 = _num(m, "m"), _num(m, "m2")
    if mo is None or mo2 != mo + 1:
        return None
    rel = _g(m, "rel")
    if rel:
        value = n_relative(m, ctx)
        return replace(value, precision=P.MONTH, month=mo, end_year=value.year, end_month=mo2)
    start = _without_year(mo, None, ctx, P.MONTH)
    return replace(start, end_year=start.year, end_month=mo2)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    i = year * 12 + month - 1 + delta
    return i // 12, i % 12 + 1


def n_relative(m, ctx):
    pub = ctx.publication_date
    rel, now, recent = _g(m, "rel"), _g(m, "now"), _g(m, "recent")
    mo, d = _num(m, "m"), _num(m, "d")
    if not _valid(None, mo, d):
        return None
    precision = P.DAY if d else P.MONTH if mo else P.YEAR
    if rel in _ANAPHORA:
        base = ctx.last_stated_year
        year = None if base is None else base + _ANAPHORA[rel]
        return Value(precision, B.RELATIVE, year, mo, d)
    if pub is None:
        value = Value(P.DAY if now else precision, B.RELATIVE, None, mo, d)
        return _with_part(m, value) if mo is None and not now else value
    if now:
        return Value(P.DAY, B.RELATIVE, pub.year, pub.month, pub.day)
    if recent:
        return Value(P.YEAR, B.RELATIVE, pub.year)
    if rel in _REL_YEAR:
        value = Value(precision, B.RELATIVE, pub.year + _REL_YEAR[rel], mo, d)
        return _with_part(m, value) if mo is None else value
    if rel in _REL_MONTH:
        year, month = _shift_month(pub.year, pub.month, _REL_MONTH[rel])
        return Value(P.DAY if d else P.MONTH, B.RELATIVE, year, month, d)
    return None


def n_ago(m, ctx):
    n = _num(m, "ago")
    pub = ctx.publication_date
    if n is None or n < 0:
        return None
    if pub is None:
        if _g(m, "m"):
            return Value(P.DAY, B.RELATIVE, None, _num(m, "m"), _num(m, "d"))
        return Value(P.YEAR if _g(m, "unit") == "年" else P.MONTH, B.RELATIVE)
    if _g(m, "m"):  # 十年前的5月12日
        mo, d = _num(m, "m"), _num(m, "d")
        if not _valid(None, mo, d):
            return None
        return Value(P.DAY, B.RELATIVE, pub.year - n, mo, d)
    sign = -1 if "前" in _g(m, "dir") else 1
    if _g(m, "unit") == "年":
        return Value(P.YEAR, B.RELATIVE, pub.year + sign * n)
    year, month = _shift_month(pub.year, pub.month, sign * n)
    return Value(P.MONTH, B.RELATIVE, year, month)


def n_stripped(m, ctx):
    mo, d = _num(m, "m"), _num(m, "d")
    if not _valid(None, mo, d):
        return None
    precision = P.DAY if d else P.MONTH if mo else P.YEAR
    return Value(precision, B.NOT_STATED, None, mo, d)


def n_stripped_range(m, ctx):
    return Value(P.YEAR, B.NOT_STATED)


def n_duration(m, ctx):
    return Value(P.UNKNOWN, B.NOT_STATED)


def n_decade(m, ctx):
    dec = parse_int(_g(m, "dec") or "")
    if dec is None:
        return None
    # 上世纪/20世纪/19… name the 1900s; a bare 九十年代 is read the same way,
    # as Chinese news writes it.
    year = 1900 + dec
    return Value(P.DECADE, B.STATED, year, end_year=year + 9)


_PLANS = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026}


def n_plan(m, ctx):
    start = _PLANS[_g(m, "plan")]
    return Value(P.YEAR, B.STATED, start, end_year=start + 4)


NORMALISERS = {
    "dateparser": n_dateparser,
    "ymd": n_ymd,
    "ym": n_ym,
    "year": n_year,
    "year_range": n_year_range,
    "month_range": n_month_range,
    "day_range": n_day_range,
    "adjacent_months": n_adjacent_months,
    "month_day": n_month_day,
    "month": n_month,
    "day": n_day,
    "named_day": n_named_day,
    "relative": n_relative,
    "ago": n_ago,
    "stripped": n_stripped,
    "stripped_range": n_stripped_range,
    "duration": n_duration,
    "decade": n_decade,
    "plan": n_plan,
}
