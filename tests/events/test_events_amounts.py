"""Money and head counts, in Arabic and Chinese numerals."""

from __future__ import annotations

import pytest

from timeline.events.amounts import find_money, find_people


@pytest.mark.parametrize(
    "text, yuan",
    [("累计投入财政帮扶资金3.3亿元", 330_000_000), ("财政资金5590万元", 55_900_000), ("投入帮扶资金一千万元", 10_000_000),
     ("拨付对口帮扶资金1050万,主要用于", 10_500_000), ("融资300万余元", 3_000_000), ("捐助学费及生活费1.2万元", 12_000),
     ("捐款近3000元", 3000), ("投入资金14.67亿元", 1_467_000_000)],
)
def test_money_is_read_in_yuan(text, yuan):
    assert find_money(text)[0].value == pytest.approx(yuan)


@pytest.mark.parametrize("text", ["存栏肉牛达到10.98万头", "吸引1800余名求职者", "种植面积70亩", "2016年9月11日"])
def test_counts_that_are_not_money_are_not_money(text):
    assert find_money(text) == []


@pytest.mark.parametrize("text, n", [("工作队30名队员整装出发", 30), ("选派两批778名干部人才援藏", 778), ("二十名教师", 20)])
def test_people_are_counted(text, n):
    assert find_people(text)[0].value == n


def test_ordinals_are_not_counts():
    assert find_people("排名第20名") == []
