"""The date grammar on sentences written the way Chinese news writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import find_dates
from timeline.dates.mention import Basis, DateKind, Precision

PUB = dt.date(2018, 5, 9)


def spans(text, pub=PUB):
    return [(m.text, m.year, m.month, m.day) for m in find_dates(text, publication_date=pub)]


def only(text, pub=PUB):
    found = find_dates(text, publication_date=pub)
    assert len(found) == 1, [m.text for m in found]
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


# (sentence, span, year, month, day, kind, basis)
STATED = [
    ("从2016年9月11日抵达九龙开展对口帮扶以来", "2016年9月11日", 2016, 9, 11, DateKind.DATE, Basis.STATED),
    ("四川日报 2016年08月22日", "2016年08月22日", 2016, 8, 22, DateKind.DATE, Basis.STATED),
    ("二〇一八年三月五日，工作队抵达", "二〇一八年三月五日", 2018, 3, 5, DateKind.DATE, Basis.STATED),
    ("二零二零年十二月三十一日前完成", "二零二零年十二月三十一日", 2020, 12, 31, DateKind.DATE, Basis.STATED),
    ("内容时间:2018-05-09", "2018-05-09", 2018, 5, 9, DateKind.DATE, Basis.STATED),
    ("发布于2018.05.09，来源", "2018.05.09", 2018, 5, 9, DateKind.DATE, Basis.STATED),
    ("2024-10-09 21:10:14来源:天府融媒", "2024-10-09 21:10:14", 2024, 10, 9, DateKind.DATE, Basis.STATED),
    ("2018年的阳春3月，副领队陪同企业考察", "2018年的阳春3月", 2018, 3, None, DateKind.DATE, Basis.STATED),
    ("2021年6月以来，自贡市正式启动对口帮扶", "2021年6月以来", 2021, 6, None, DateKind.DATE, Basis.STATED),
    ("2011年以来，援藏干部真情融入", "2011年以来", 2011, None, None, DateKind.YEAR, Basis.STATED),
    ("在2023年度考核评估中", "2023年度", 2023, None, None, DateKind.YEAR, Basis.STATED),
    ("2024初夏“考试季”", "2024初夏", 2024, None, None, DateKind.SEASON, Basis.STATED),
    ("截至2023年底，累计投入", "截至2023年底", 2023, None, None, DateKind.YEAR, Basis.STATED),
    ("2018年春节前夕", "2018年", 2018, None, None, DateKind.YEAR, Basis.STATED),
]


@pytest.mark.parametrize("text, span, year, month, day, kind, basis", STATED)
def test_stated_dates_keep_every_stated_part_and_no_other(text, span, year, month, day, kind, basis):
    m = only(text)
    assert (m.text, m.year, m.month, m.day, m.kind, m.basis) == (span, year, month, day, kind, basis)


def test_precision_follows_what_the_expression_states():
    got = {m.text: m.precision for m in find_dates("2016年9月11日、2017年3月、2018年", publication_date=PUB)}
    assert got == {"2016年9月11日": Precision.DAY, "2017年3月": Precision.MONTH, "2018年": Precision.YEAR}


@pytest.mark.parametrize(
    "text, span, start, end",
    [
        ("规划(2017-2021年)", "2017-2021年", (2017, None), (2021, None)),
        ("《工作规划(2021—2025年)》", "2021—2025年", (2021, None), (2025, None)),
        ("从2012年到2022年，成都持续援藏", "从2012年到2022年", (2012, None), (2022, None)),
        ("2022年1月至3月，完成投资", "2022年1月至3月", (2022, 1), (2022, 3)),
        ("2023年7月至2024年6月期间", "2023年7月至2024年6月", (2023, 7), (2024, 6)),
        ("今年1至4月，销售额增长", "今年1至4月", (2018, 1), (2018, 4)),
        ("预计今年二三月份可以成熟采摘", "今年二三月份", (2018, 2), (2018, 3)),
    ],
)
def test_ranges_are_one_mention_with_both_ends(text, span, start, end):
    m = only(text)
    assert m.kind == DateKind.RANGE
    assert m.text == span
    assert (m.year, m.month) == start
    assert (m.end_year, m.end_month) == end


def test_day_range_keeps_both_days_and_infers_one_year():
    m = only("9月23日至24日，两地召开联席会议", pub=dt.date(2018, 10, 1))
    assert (m.text, m.year, m.month, m.day, m.end_month, m.end_day) == ("9月23日至24日", 2018, 9, 23, 9, 24)
    assert m.basis == Basis.INFERRED


def test_a_list_of_years_gives_one_mention_per_year():
    assert spans("2016、2017年的1420万元已经到位") == [("2016", 2016, None, None), ("2017年", 2017, None, None)]


# -- years whose digits are missing ----------------------------------------------
@pytest.mark.parametrize(
    "text, span, month, kind",
    [
        ("这份情谊始于年。", "年", None, DateKind.YEAR),
        ("领导与学生代表们年种下的“团结树”", "年", None, DateKind.YEAR),
        ("年5月，“理县馆”正式开馆营业", "年5月", 5, DateKind.DATE),
        ("年以来，两地连续四年举办活动", "年以来", None, DateKind.YEAR),
        ("计划年至年在园区落地项目30个以上", "年至年", None, DateKind.RANGE),
    ],
)
def test_year_with_missing_digits_is_found_with_an_empty_year(text, span, month, kind):
    m = find_dates(text, publication_date=PUB)[0]
    assert (m.text, m.year, m.month, m.kind, m.basis) == (span, None, month, kind, Basis.NOT_STATED)
    assert m.end_year is None


@pytest.mark.parametrize(
    "text",
    ["实现年产值亿元以上", "是年近八旬的父亲", "蓝瘦山泉水年销售额能达到2000万", "农牧民人均纯收入年均增速达20%",
     "每年组织2次以上专项捐赠活动", "全年接待游客", "这是第20个年头", "千年盐都", "青年干部", "建党百年",
     "近年来", "新年伊始", "年轻干部"],
)
def test_words_containing_nian_are_not_years(text):
    assert [m for m in find_dates(text, publication_date=PUB) if m.kind != DateKind.DURATION] == []


# -- month or day without a year ----------------------------------------------------
@pytest.mark.parametrize(
    "text, pub, year, month, day",
    [
        ("3月，九龙县“蓝瘦”山泉水招商发布会举行", dt.date(2018, 5, 9), 2018, 3, None),
        ("8月12日，爱心人士一行81人赴银厂湾村", dt.date(2018, 5, 9), 2017, 8, 12),
        ("8月21日召开的全省对口帮扶工作会议", dt.date(2016, 8, 22), 2016, 8, 21),
        ("5月9日，工作队返回", dt.date(2018, 5, 9), 2018, 5, 9),
        ("12月底，项目完工", dt.date(2019, 1, 15), 2018, 12, None),
    ],
)
def test_month_without_year_takes_the_latest_year_not_after_publication(text, pub, year, month, day):
    m = only(text, pub=pub)
    assert (m.year, m.month, m.day, m.basis) == (year, month, day, Basis.INFERRED)


def test_month_without_year_stays_undated_without_a_publication_date():
    m = only("5月是理县甜樱桃热销的时节", pub=None)
    assert (m.text, m.year, m.month, m.basis, m.kind) == ("5月", None, 5, Basis.NOT_STATED, DateKind.MONTH_ONLY)


def test_bare_day_keeps_its_month_empty():
    m = only("16日，考察组抵达", pub=dt.date(2018, 5, 20))
    assert (m.day, m.month, m.year, m.basis) == (16, None, 2018, Basis.INFERRED)


def test_february_29_is_placed_in_a_leap_year():
    assert only("2月29日", pub=dt.date(2019, 3, 1)).year == 2016


def test_invalid_day_is_not_a_date():
    assert [(m.text, m.day) for m in find_dates("2月30日", publication_date=PUB)] == [("2月", None)]


def test_recurring_month_is_not_a_date():
    assert find_dates("每年5月，樱桃上市", publication_date=PUB) == []


# -- relative ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, span, year, month, day, precision",
    [
        ("今年，两地继续深化协作", "今年", 2018, None, None, Precision.YEAR),
        ("去年，援藏工作队成立爱心公社", "去年", 2017, None, None, Precision.YEAR),
        ("前年完成的项目", "前年", 2016, None, None, Precision.YEAR),
        ("明年将全面完成", "明年", 2019, None, None, Precision.YEAR),
        ("今年6月，成都投入帮扶资金", "今年6月", 2018, 6, None, Precision.MONTH),
        ("去年9月，20名骨干教师来到九龙", "去年9月", 2017, 9, None, Precision.MONTH),
        ("截至今年6月，成都市投入资金", "截至今年6月", 2018, 6, None, Precision.MONTH),
        ("上月，工作队走访", "上月", 2018, 4, None, Precision.MONTH),
        ("本月，工作队走访", "本月", 2018, 5, None, Precision.MONTH),
        ("截至目前，援藏队员捐款", "截至目前", 2018, 5, 9, Precision.DAY),
        ("目前，已有4名九龙失业人员成功就业", "目前", 2018, 5, 9, Precision.DAY),
        ("近日，记者从县委获悉", "近日", 2018, None, None, Precision.YEAR),
        ("日前，两地签订协议", "日前", 2018, None, None, Precision.YEAR),
        ("锁定年内退出44个村", "年内", 2018, None, None, Precision.YEAR),
        ("三年前，这里还是荒地", "三年前", 2015, None, None, Precision.YEAR),
        ("去年底，项目竣工", "去年底", 2017, None, None, Precision.YEAR),
    ],
)
def test_relative_expressions_resolve_against_the_publication_date(text, span, year, month, day, precision):
    m = only(text)
    assert (m.text, m.year, m.month, m.day, m.precision) == (span, year, month, day, precision)
    assert m.basis == Basis.RELATIVE


@pytest.mark.parametrize("text", ["今年", "去年9月", "截至目前", "近日", "上月", "三年前"])
def test_relative_expressions_stay_empty_without_a_publication_date(text):
    m = only(text, pub=None)
    assert (m.year, m.basis) == (None, Basis.RELATIVE)


def test_same_year_refers_back_to_the_last_stated_year():
    found = find_dates("2012年，省委确定绵阳市对口支援壤塘。同年10月，首批干部抵达；次年完成交接。", publication_date=PUB)
    assert [(m.text, m.year, m.month) for m in found] == [("2012年", 2012, None), ("同年10月", 2012, 10), ("次年", 2013, None)]


def test_back_then_opening_a_new_paragraph_takes_no_year_from_the_paragraph_above():
    # realset2 dev 021: 当年 at a paragraph's start is "back then", not 2008 of the paragraph before.
    text = ("血浓于水的情谊在浙江与青川的对口援建中也比比皆是。自2008年7月4日浙江援建指挥部成立起,379名援建干部、"
            "192家参建单位、共计1.2万余名建设者参与了这场特殊的战斗,在两年时间内基本完成了三年的重建任务。\n"
            "看着巍巍剑门关和如织的游人,嘉兴市委副书记孙贤龙露出欣慰的笑容。当年作为浙江省援建指挥部副指挥长,"
            "孙贤龙带领12名干部在广元和青川工作了两年。")
    found = find_dates(text, publication_date=None)
    assert [(m.text, m.year) for m in found if m.text == "当年"] == [("当年", None)]


def test_same_year_without_an_earlier_year_stays_empty():
    assert only("同年，工作队抵达").year is None


# -- durations, decades, named days --------------------------------------------------
@pytest.mark.parametrize(
    "text, span",
    [("十年来，遂宁倾情帮扶", "十年来"), ("一年多来，工作队全体队员", "一年多来"), ("近五年里，全县生产总值翻了两番", "近五年里"),
     ("力争用3至5年时间打造示范村", "3至5年"), ("连续四年成功举办", "连续四年"), ("十年间，遂宁聚焦民生", "十年间"),
     ("短短两个月时间", "短短两个月"), ("近年来，我们坚持", "近年来"), ("9个月时间走遍了11个乡镇", "9个月")],
)
def test_durations_are_recognised_but_carry_no_date(text, span):
    m = only(text)
    assert (m.text, m.kind, m.year, m.month, m.day, m.end_year) == (span, DateKind.DURATION, None, None, None, None)


def test_decade_spans_ten_years():
    m = only("省卫生计生委自上世纪九十年代在壤塘开展工作")
    assert (m.text, m.year, m.end_year, m.precision, m.kind) == ("上世纪九十年代", 1990, 1999, Precision.DECADE, DateKind.DECADE)


def test_five_year_plan_period_is_a_range():
    m = only("确保援藏规划与受援方“十三五”规划无缝对接")
    assert (m.text, m.year, m.end_year, m.kind) == ("十三五", 2016, 2020, DateKind.RANGE)


def test_named_day_keeps_month_and_day_but_never_gets_a_year():
    m = only("作为“5·12”汶川特大地震重灾区")
    assert (m.text, m.year, m.month, m.day, m.basis) == ("5·12", None, 5, 12, Basis.NOT_STATED)


# -- not dates ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["投资2亿元", "注册资金7060万元", "吸引1800余名求职者", "存栏肉牛达到10.98万头", "实施好15年免费教育",
     "索引号: 126204227458732362/2024-199400", "联系电话:0817-2345678", "转载请注明地址:http://www.1xbbk.net/jwbys/2109.html",
     "年近八旬的父亲", "这是第20个年头", "上午10时持续至下午15时", "晚上就住在乡上", "一日游线路"],
)
def test_money_counts_codes_phones_urls_and_ages_are_not_dates(text):
    assert find_dates(text, publication_date=PUB) == []


# -- traditional script and offsets ---------------------------------------------------------
def test_traditional_text_with_pinyin_glosses_keeps_original_offsets():
    text = "編者按 8月21日召開的全省對口幫扶藏區(qū)彝區(qū)工作會議。2012年以來傾情參與"
    found = find_dates(text, publication_date=dt.date(2016, 8, 22))
    assert [(m.text, text[m.start : m.end]) for m in found] == [("8月21日", "8月21日"), ("2012年以來", "2012年以來")]
    assert found[1].year == 2012


def test_full_width_digits_are_read():
    m = only("２０１６年９月１１日抵达")
    assert (m.text, m.year, m.month, m.day) == ("２０１６年９月１１日", 2016, 9, 11)


def test_no_publication_date_never_reads_the_clock():
    found = find_dates("今年3月，去年，近日，8月12日", publication_date=None)
    assert all(m.year is None for m in found)
    assert len(found) == 4


def test_empty_text_gives_an_empty_list():
    assert find_dates("") == []


def test_named_day_with_its_year_stated_is_a_full_date():
    m = only("2008年“5·12”汶川特大地震发生后")
    assert (m.text, m.year, m.month, m.day, m.basis) == ("2008年“5·12”", 2008, 5, 12, Basis.STATED)


def test_dateline_day_is_inferred_from_the_publication_date():
    m = only("新华社乌鲁木齐7月16日电（记者张三）", pub=dt.date(2023, 7, 17))
    assert (m.text, m.year, m.month, m.day, m.basis) == ("7月16日", 2023, 7, 16, Basis.INFERRED)


def test_for_a_period_of_is_a_duration():
    assert only("开展为期三年的援疆工作").text == "为期三年"


def test_beginning_of_this_year_is_one_relative_mention():
    m = only("今年年初，两地签订协议")
    assert (m.text, m.year, m.basis) == ("今年年初", 2018, Basis.RELATIVE)


@pytest.mark.parametrize("text", ["2〇18年3月", "1十月", "〇〇〇〇年"])
def test_mixed_or_impossible_numerals_are_not_stated_years(text):
    assert [m for m in find_dates(text, publication_date=PUB) if m.basis == Basis.STATED] == []
