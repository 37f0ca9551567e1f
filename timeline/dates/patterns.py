"""The Chinese date grammar, as data.

Each :class:`Rule` is a pattern over *normalised* text (simplified, half-width
digits, see :mod:`timeline.text.normalization`), the kind of expression it finds,
and the name of the normaliser (in :mod:`timeline.dates.resolution`) that turns a
match into year/month/day. The engine (:mod:`timeline.dates.engine`) runs every
rule, keeps the leftmost-longest matches, and normalises them.

Speed: every pattern starts with a character class or a literal, which lets
the regex engine skip ahead instead of trying each position; what must not
come *before* a match (``not_after``) and the words a span may absorb in front
of it (``prefixes``, e.g. 截至, 从) are checked by the engine instead of by
lookbehinds.

Safety: every repetition is bounded and none is nested, so no pattern can
backtrack catastrophically; spaces are matched as `` ?`` or ``[ ]{0,2}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.dates.mention import DateKind

__all__ = ["Rule", "RULES"]

# -- building blocks (named groups are read by the normalisers) -------------
_CN = "〇零一二三四五六七八九"
NUMERALS = "0123456789." + _CN + "十百千万两"  # a match must not start inside a number
# A year is four Arabic or four Chinese digits; one character class keeps the
# pattern fast, and a mixed "2〇18" is refused by the normaliser.
YEAR = r"(?P<y>[12" + _CN + r"○][0-9" + _CN + r"○]{3})"
YEAR2 = r"(?P<y2>[12" + _CN + r"○][0-9" + _CN + r"○]{3})"
_MONTH_NUM = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_MONTH_START = r"[0-9十一二三四五六七八九]{1,2}"  # validated by the normaliser
MONTH = r"(?P<m>" + _MONTH_NUM + r") ?月份?"
MONTH2 = r"(?P<m2>" + _MONTH_NUM + r") ?月份?"
_DAY_NUM = r"3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
DAY = r"(?P<d>" + _DAY_NUM + r") ?[日号]"
DAY2 = r"(?P<d2>" + _DAY_NUM + r") ?[日号]"
# Parts of a month or year that keep its precision: 以来 ("since"), 初/底/末 …
SINCE = r"(?P<since>以来)?"
_PART = r"(?:上旬|中旬|下旬|初|底|末|中)?"
# 上半年/一季度 make the expression a range of months (see resolution.PART_MONTHS).
_YEAR_PART = r"(?P<part>上半年|下半年|第?[一二三四1-4]季度|年初|年底|年末|初|底|末)?"
TO = r"[ ]{0,2}(?:至|到|—{1,2}|-|–|~|～)[ ]{0,2}"
_SEASON_WORDS = "阳春|早春|初春|仲春|暮春|晚春|初夏|盛夏|仲夏|晚夏|初秋|金秋|仲秋|深秋|晚秋|初冬|寒冬|隆冬|深冬"
_CLOCK = r"(?:[ T]{1,2}[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?)?"
# A clock in Chinese after a date (14时28分) belongs to the date's span.
_CN_CLOCK = r"(?: ?[0-2]?[0-9] ?[时点](?: ?[0-5]?[0-9] ?分)?)?"
_ASCII_AFTER = r"(?![0-9A-Za-z/_\-])"
_SMALL = r"[0-9一二三四五六七八九十两几数百]{1,3}"
_UNIT = r"(?:年|个月|个多月|天|周|个星期|个季度)"
UPTO = ("截至", "截止")
DURATION_PREFIXES = ("近", "连续", "历时", "长达", "短短", "整整", "为期")
_RELATIVE_YEARS = r"(?P<rel>今年|去年|前年|明年)"

# A 年 standing where a year's digits were, e.g. "始于年" in a page whose
# numbers were stripped. It must not be the tail of a word ending in 年
# (今年, 青年, 周年, 每年, 千年 …) nor the head of one starting with 年
# (年产值, 年均, 年近八旬, 年轻, 年度 …).
YEAR_WORD_BEFORE = (
    NUMERALS + "百千万亿两几多数每全今去前明后当同次翌本上下近历往来早晚青少老中成童新过拜周常长连"
    "整半逐累经终陈丰荒学财元末初壮幼暮流享余有那这哪该些隔光跨贺忘大小闰平鼠牛虎兔龙蛇马羊猴鸡狗猪"
    "延残盛凶灾华芳天旧头积频比先编纪熙正庆隆治统绪德丰宁兴年个之此ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "abcdefghijklmnopqrstuvwxyz"
)
_YEAR_WORD_AFTER = (
    "产销收均近内轻龄纪代度货会报终鉴华画级限薪份头利增节夜味关迈老幼长过满逾仅届事少间初底末中"
    "检审票卡费金糕景成岁月谱表号息租营出发用需供处吞接客游输运生创纳税润交耗降减排可平总复久深富"
    "高青尾前后里来年轮采加培服带"
)
_BARE_YEAR_END = r"(?![" + _YEAR_WORD_AFTER + r"])"


@dataclass(frozen=True)
class Rule:
    """One line of the grammar: ``pattern`` finds, ``normaliser`` reads the match.

    ``not_after``: characters that may not stand right before the match;
    ``not_after_words``: nor these words.
    ``prefixes``: words taken into the span when they stand right before it.
    ``priority`` breaks ties between matches of the same span.
    """

    name: str
    kind: DateKind
    pattern: str
    normaliser: str
    priority: int = 0
    not_after: str = ""
    not_after_words: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()

    def compile(self) -> re.Pattern[str]:
        return re.compile(self.pattern)


K = DateKind
N = NUMERALS
RULES: tuple[Rule, ...] = (
    # -- numeric stamps: 2024-10-09, 2018.05.09, 2018/5/9 (a clock may follow)
    Rule("iso", K.DATE,
         r"(?P<y>[12][0-9]{3})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
         r"(?P<d>3[01]|[12][0-9]|0?[1-9])" + _CLOCK + _ASCII_AFTER, "dateparser",
         not_after="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/._-"),
    # -- ranges ---------------------------------------------------------------
    Rule("year_range", K.RANGE, YEAR + r"(?:年度?)?" + TO + YEAR2 + r" ?年度?" + SINCE, "year_range", 2,
         not_after=N, prefixes=("从",)),
    Rule("month_range", K.RANGE,
         r"(?P<m>" + _MONTH_START + r")(?: ?月份?)?" + TO + r"(?:" + YEAR2 + r" ?年)?" + MONTH2, "month_range", 2,
         not_after=N),
    Rule("year_month_range", K.RANGE,
         YEAR + r" ?年(?P<m>" + _MONTH_START + r")(?: ?月份?)?" + TO + r"(?:" + YEAR2 + r" ?年)?" + MONTH2,
         "month_range", 2, not_after=N),
    Rule("relative_month_range", K.RANGE,
         _RELATIVE_YEARS + r"(?P<m>" + _MONTH_NUM + r")(?: ?月份?)?" + TO + MONTH2, "month_range", 3),
    Rule("day_range", K.RANGE,
         r"(?P<m>" + _MONTH_START + r") ?月 ?" + DAY + TO + r"(?:" + MONTH2 + r" ?)?" + DAY2, "day_range", 2,
         not_after=N),
    Rule("year_day_range", K.RANGE,
         YEAR + r" ?年(?P<m>" + _MONTH_START + r") ?月 ?" + DAY + TO + r"(?:" + MONTH2 + r" ?)?" + DAY2,
         "day_range", 2, not_after=N),
    Rule("adjacent_months", K.RANGE, r"(?P<m>[一二三四五六七八九])(?P<m2>[二三四五六七八九十])月份?",
         "adjacent_months", 1, not_after=N),
    Rule("relative_adjacent_months", K.RANGE,
         _RELATIVE_YEARS + r"(?P<m>[一二三四五六七八九])(?P<m2>[二三四五六七八九十])月份?", "adjacent_months", 1),
    Rule("stripped_year_range", K.RANGE, r"年" + TO + r"年" + _BARE_YEAR_END, "stripped_range", 1,
         not_after=YEAR_WORD_BEFORE),
    # -- a year in a list: the 2016 of "2016、2017年"
    Rule("listed_year", K.YEAR, r"(?P<y>[12][0-9]{3})(?=[、,和及与][12][0-9]{3} ?年)", "year", not_after=N),
    # -- full and partial dates -------------------------------------------------
    Rule("ymd", K.DATE, YEAR + r" ?年 ?" + MONTH + r" ?" + DAY + _CLOCK + _CN_CLOCK + SINCE, "ymd",
         not_after=N, prefixes=UPTO),
    Rule("year_named_day", K.DATE,
         YEAR + r" ?年 ?[“\"]?(?P<m>1[0-2]|[1-9])[·•‧・](?P<d>3[01]|[12][0-9]|[1-9])[”\"]?(?![0-9.])", "ymd", 1,
         not_after=N),
    Rule("ym", K.DATE,
         YEAR + r" ?年(?:的)?(?P<season>" + _SEASON_WORDS + r")? ?" + MONTH + _PART + SINCE, "ym",
         not_after=N, prefixes=UPTO),
    Rule("year", K.YEAR, YEAR + r" ?年(?P<fy>度)?" + _YEAR_PART + SINCE + r"(?!代)", "year",
         not_after=N, prefixes=UPTO),
    Rule("year_season", K.SEASON,
         YEAR + r" ?年?(?:的)?(?P<season>(?:初|早|仲|晚|盛|深|金|暮)?[春夏秋冬])(?:季|天)?(?!节)", "year", 1,
         not_after=N),
    # -- month and day without a year ---------------------------------------------
    Rule("md", K.DATE, r"(?P<m>" + _MONTH_START + r") ?月份? ?" + DAY + _CN_CLOCK + SINCE, "month_day", not_after=N,
         not_after_words=("每年", "每年的"), prefixes=UPTO),
    Rule("ago_date", K.RELATIVE,
         r"(?P<ago>" + _SMALL + r")年(?:前|之前)的?(?P<m>" + _MONTH_NUM + r") ?月 ?" + DAY + _CN_CLOCK, "ago", 1,
         not_after=N),
    Rule("month", K.MONTH_ONLY,
         r"(?P<m>" + _MONTH_START + r") ?月份?" + _PART + SINCE + r"(?![薪饼球刊光亮色牙])", "month",
         not_after=N + "第每个", not_after_words=("每年", "每年的"), prefixes=UPTO),
    Rule("day", K.DATE, r"(?P<d>[0-9]{1,2}) ?日(?![元游内均])", "day", not_after="0123456789.月"),
    Rule("named_day", K.DATE, r"(?P<m>1[0-2]|[1-9])[·•‧・](?P<d>3[01]|[12][0-9]|[1-9])(?![0-9.])", "named_day",
         not_after="0123456789."),
    # -- years whose digits are missing ----------------------------------------------
    Rule("stripped_ymd", K.DATE, r"年 ?" + MONTH + r" ?" + DAY + SINCE, "stripped", 1, not_after=YEAR_WORD_BEFORE),
    Rule("stripped_ym", K.DATE, r"年 ?" + MONTH + _PART + SINCE, "stripped", 1, not_after=YEAR_WORD_BEFORE),
    Rule("stripped_year", K.YEAR, r"年(?P<half>上半年|下半年)?" + SINCE + _BARE_YEAR_END, "stripped",
         not_after=YEAR_WORD_BEFORE),
    # -- relative to the publication date ----------------------------------------------
    Rule("relative_year_month", K.RELATIVE,
         r"(?P<rel>今年|去年|前年|明年|当年|同年|次年|翌年|本年)(?: ?" + MONTH + r"(?: ?" + DAY + r")?)?"
         + _YEAR_PART + SINCE, "relative", 1, prefixes=UPTO),
    Rule("relative_in_year", K.RELATIVE, r"年(?P<rel>内)", "relative", 2, not_after=YEAR_WORD_BEFORE),
    Rule("relative_month", K.RELATIVE, r"(?P<rel>上个?月|本月|当月|下个?月)(?: ?" + DAY + r")?" + _PART, "relative",
         prefixes=UPTO),
    # 汶川的今天 ("what Wenchuan is today") is not a date: not after 的.
    Rule("relative_now", K.RELATIVE, r"(?P<now>目前|当前|如今|现在|今天|今日)", "relative", prefixes=UPTO,
         not_after="的"),
    Rule("relative_recent", K.RELATIVE, r"(?P<recent>近日|日前|近期|最近|昨天|昨日)", "relative"),
    Rule("relative_ago", K.RELATIVE, r"(?P<ago>" + _SMALL + r")(?P<unit>年|个月)(?P<dir>前|后|之前|之后)(?![年])",
         "ago", not_after=N),
    # -- durations: recognised, carrying no date ----------------------------------------
    Rule("duration_since", K.DURATION, _SMALL + r"(?:多|余)?" + _UNIT + r"(?:多)?(?:以来|来|间|里|内)", "duration", 1,
         not_after=N, prefixes=DURATION_PREFIXES),
    Rule("duration_prefix", K.DURATION,
         r"(?:" + "|".join(DURATION_PREFIXES) + r")" + _SMALL + r"(?:多|余)?" + _UNIT + r"(?:多)?", "duration"),
    Rule("duration_time", K.DURATION,
         _SMALL + r"(?:(?:至|到|-|~)" + _SMALL + r")?(?:多|余)?" + _UNIT + r"(?=(?:的)?时间)", "duration",
         not_after=N),
    Rule("duration_words", K.DURATION, r"(?:近年来|近些年来?|多年来|这些年来?|近几年来?|几年来)", "duration"),
    # -- decades and named five-year-plan periods ------------------------------------------
    Rule("decade", K.DECADE, r"(?P<dec>[二三四五六七八九]十|[2-9]0)年代(?:初|末|中期|初期|末期)?", "decade",
         prefixes=("上世纪", "上个世纪", "20世纪", "二十世纪", "19", "一九")),
    Rule("plan_period", K.RANGE, r"十(?P<plan>[一二三四五])五(?=[”\"'’]|规划|期间|时期|计划|末|初)", "plan",
         not_after="一二三四五六七八九十"),
)
