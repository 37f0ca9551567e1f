"""Place names real articles write that short-form rules misread: autonomous full names, 马边县,
a zone's borrowed name, a county's short form where its province is named (tests/data/realset)."""

from __future__ import annotations

import pytest

from geo.places.recognition import find_places


def found(text):
    return [(m.mention, m.adcode) for m in find_places(text)]


@pytest.mark.parametrize(
    ("text", "mention", "adcode"),
    [
        # realset 005: the prefecture's full name, not 阿坝县 that shares its first characters
        ("成都市对口支援四川省阿坝藏族羌族自治州和四川省甘孜藏族自治州的十九个县(市)。阿坝县", "阿坝藏族羌族自治州", "513200"),
        ("成都市对口支援四川省阿坝藏族羌族自治州和四川省甘孜藏族自治州的十九个县(市)。", "甘孜藏族自治州", "513300"),
    ],
)
def test_an_autonomous_prefecture_written_in_full_is_the_prefecture(text, mention, adcode):
    assert (mention, adcode) in found(text)
    assert "513231" not in [a for m, a in found(text) if m != "阿坝县"]


def test_an_autonomous_county_written_short_with_its_suffix_is_the_county():
    # realset 017 (traditional script): 馬邊縣 is 马边彝族自治县.
    assert ("馬邊縣", "511133") in found("峨眉山市符溪鎮結對幫扶馬邊縣榮丁鎮、雪口山鎮")


def test_the_bare_short_form_without_suffix_still_needs_corroboration():
    assert [a for _m, a in found("马边的风景很美")] == []


def test_a_zone_named_after_another_citys_district_stays_the_zone_when_written_bare_later():
    # realset 006: 绍兴滨海新区, then 滨海新区 alone — never 天津's 滨海新区 (120116).
    text = "绍兴滨海新区与衢州市开化县签订共建山海协作“产业飞地”框架协议。根据框架协议,滨海新区与开化县将在滨海新区合作共建。"
    assert "120116" not in [a for _m, a in found(text)]


def test_the_bare_zone_name_alone_is_still_the_district():
    assert ("滨海新区", "120116") in found("天津市滨海新区召开会议。滨海新区经济发展")


def test_a_county_short_form_is_read_where_its_province_is_named():
    # realset 018: 什邡 and 汉源 in an article about Sichuan's reconstruction.
    text = "在5·12汶川特大地震极重灾区四川彭州市,有一座大桥。北京对口支援什邡的基础设施项目;在汉源,湖北的援建者让所有的建设项目真正做成“交钥匙工程”。"
    codes = [a for _m, a in found(text)]
    assert "510682" in codes and "511823" in codes


def test_a_county_short_form_is_not_read_where_its_province_is_not_named():
    assert "510682" not in [a for _m, a in found("北京对口支援什邡的基础设施项目")]
