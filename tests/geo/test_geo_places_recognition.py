"""find_places on real paragraphs: offsets, rejection rules, disambiguation."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo import find_places, geocode
from geo.errors import InputTooLargeError, QueryError


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def names(text):
    return [(m.mention, m.adcode) for m in find_places(text)]


@pytest.mark.parametrize(
    "text, rejected",
    [
        ("打造“遂理一家亲”帮扶合作品牌", "合作"),  # 合作市: an ordinary word
        ("2018年的阳春3月,青白江区援藏工作队", "阳春"),  # 阳春市
        ("近期,区援藏队将以打造电商示范县作为抓手", "范县"),  # 示范县 is one word
        ("堅持真金白銀幫扶,將幫扶資金列入財政預算", "白銀"),  # 白银市 inside an idiom
        ("“千年盐都”与位于米仓山南麓的“川北重镇”", "山南"),  # 山南市 across 米仓山/南麓
        ("九龙三垭彝族乡尔西移民搬迁安置点的村民广场", "迁安"),  # 迁安市 across 搬迁/安置
        ("引資1000萬元建成格西鄉(xiāng)種植基地", "西鄉"),  # 西乡县 inside a township name
        ("位于遂宁市河东新区九宗书院路的“理县馆”", "河东"),  # 河东区 ≠ 河东新区
        ("绍兴滨海新区管委会发布通知", "滨海新区"),  # 天津's 滨海新区 ≠ 绍兴's
        ("杭州湾跨海大桥通车", "杭州"),  # 杭州湾 is a bay
        ("首页 | 直通屏山 | 政务公开", "屏山"),  # a website section, not 屏山县
        ("薛城镇金沙村电缆线损坏", "金沙"),  # a village, not 金沙县
    ],
)
def test_a_name_inside_an_ordinary_word_or_smaller_place_is_not_a_mention(text, rejected):
    assert all(m.mention != rejected for m in find_places(text))


def test_a_bare_county_suffix_is_never_a_place():
    assert find_places("全县干部群众;县委、县政府;5个市、县(市)") == []


@pytest.mark.parametrize(
    "text, mention, adcode",
    [
        ("天津市和平区:一处向海而兴的商业强区", "和平区", "120101"),
        ("天津和平区和甘肃省会宁县一道", "和平区", "120101"),
        ("沈阳市和平区召开会议", "和平区", "210102"),
        ("阿坝州理县三方四地签订协议", "理县", "513222"),
        ("位于成都市青白江区的台嘉生产车间", "青白江区", "510113"),
    ],
)
def test_an_explicit_parent_chooses_the_unit(text, mention, adcode):
    found = {m.mention: m for m in find_places(text)}
    assert found[mention].adcode == adcode
    assert found[mention].score == 1.0


def test_document_context_chooses_between_same_named_units():
    tianjin = find_places("天津市引进企业。和平区累计投入财政帮扶资金3.3亿元。")
    shenyang = find_places("辽宁省沈阳市召开会议。和平区累计投入帮扶资金。")
    assert [m.adcode for m in tianjin if m.mention == "和平区"] == ["120101"]
    pick = [m for m in shenyang if m.mention == "和平区"][0]
    assert pick.adcode == "210102" and "120101" in pick.alternatives and pick.score > 0.5


def test_seed_tianjin_article_reads_heping_as_tianjin():
    text = (SEEDS / "003_5e482c36e855b8f5.txt").read_text(encoding="utf-8")
    assert {m.adcode for m in find_places(text) if m.name == "和平区"} == {"120101"}


def test_a_bare_short_name_means_the_larger_unit():
    (m,) = find_places("阿坝")
    assert (m.adcode, m.level.value) == ("513200", "prefecture")


def test_a_bare_short_name_lists_the_smaller_unit_as_an_alternative_with_a_score():
    (m,) = find_places("阿坝")
    assert m.alternatives == ("513231",)  # 阿坝县
    assert m.score == 0.5
    located = geocode("阿坝", exactly_one=False)
    assert [x.raw["adcode"] for x in located] == ["513200", "513231"]
    assert located[0].raw["score"] == m.score


def test_a_short_name_with_one_meaning_has_no_alternatives():
    (m,) = find_places("遂宁")
    assert (m.adcode, m.alternatives, m.score) == ("510900", (), 0.9)


@pytest.mark.parametrize(
    "text, mention, adcode",
    [
        ("“飞地”园区计划在遂宁高新区船山园区落地项目30个以上", "遂宁", "510900"),
        ("兰州新区招商引资", "兰州", "620100"),
        ("成都高新区管委会", "成都", "510100"),
        ("入驻平昌县工业园区的企业", "平昌县", "511923"),
    ],
)
def test_a_province_or_prefecture_before_a_zone_is_mentioned_approximately(text, mention, adcode):
    (m,) = [m for m in find_places(text) if m.mention == mention]
    assert (m.adcode, m.approximate) == (adcode, True)
    assert text[m.start : m.end] == mention


def test_a_county_short_form_before_a_zone_needs_the_county_named_elsewhere():
    alone = "计划在遂宁高新区船山园区落地项目"
    named = "遂宁船山区、阿坝州理县签订协议。计划在遂宁高新区船山园区落地项目"
    assert "船山" not in [m.mention for m in find_places(alone)]
    assert [(m.mention, m.adcode) for m in find_places(named) if m.mention == "船山"] == [("船山", "510903")]


@pytest.mark.parametrize(
    "text", ["作為“5·12”汶川特大地震重災區,江油", "汶川地震发生后,各地驰援", "纪念汶川地震10周年"]
)
def test_a_county_short_form_naming_an_earthquake_is_a_mention(text):
    (m,) = find_places(text)[:1]
    assert (m.mention, m.adcode, m.alternatives) == ("汶川", "513221", ())
    assert text[m.start : m.end] == "汶川"


def test_an_earthquake_named_by_an_ambiguous_county_keeps_both_counties():
    (m,) = find_places("长宁6.0级地震")  # 长宁县 (宜宾) or 长宁区 (上海): no context to choose
    assert m.mention == "长宁" and {m.adcode, *m.alternatives} == {"511524", "310105"} and m.score == 0.5
    (m,) = [x for x in find_places("四川宜宾长宁6.0级地震") if x.mention == "长宁"]
    assert m.adcode == "511524"


def test_the_earthquake_rule_reads_汶川_as_the_sichuan_county():
    (m,) = find_places("5·12汶川特大地震")
    assert (m.mention, m.adcode, m.start, m.end) == ("汶川", "513221", 4, 6)


@pytest.mark.parametrize("text", ["汶川的茶叶很好", "新建地震监测站", "芦山地震局"])
def test_a_county_short_form_without_an_event_still_needs_corroboration(text):
    assert [m for m in find_places(text) if m.level.value == "county"] == []


@pytest.mark.parametrize(
    "text, mention, adcode, approximate",
    [
        ("理县特色农副产品,遂宁市民都可以在这里买到", "遂宁", "510900", False),  # 遂宁 / 市民
        ("在自贡市场知名度和销售量进一步提升", "自贡", "510300", False),  # 自贡 / 市场
        ("乐山市中区召开会议", "乐山", "511100", False),  # 乐山 / 市中区
        ("江油市委常委会", "江油市", "510781", True),  # the party committee of 江油市
        ("道孚縣委、縣政府", "道孚縣", "513326", True),
    ],
)
def test_a_suffix_shared_with_the_next_word(text, mention, adcode, approximate):
    (m,) = [m for m in find_places(text) if m.adcode == adcode]
    assert (m.mention, m.approximate) == (mention, approximate)
    assert text[m.start : m.end] == mention


def test_the_shared_suffix_leaves_the_next_place_whole():
    assert [(m.mention, m.adcode) for m in find_places("乐山市中区")] == [("乐山", "511100"), ("市中区", "511102")]


def test_traditional_former_name_resolves_to_todays_unit_with_original_offsets():
    text = "來自公安廳等省直機關和郫縣、都江堰市等對口支援市縣"
    m = [x for x in find_places(text) if x.adcode == "510117"][0]
    assert text[m.start : m.end] == "郫縣" == m.mention
    assert (m.name, m.historical_name, m.changed_year) == ("郫都区", "郫县", 2016)


def test_offsets_survive_removed_pinyin_glosses():
    text = "對口幫扶藏區(qū)彝區(qū)貧困縣:壤塘縣、道孚縣"
    for m in find_places(text):
        assert text[m.start : m.end] == m.mention


@pytest.mark.parametrize(
    "text, short",
    [
        ("自贡市对口帮扶巴中市平昌县。自贡与平昌,跨越千山万水", "平昌"),
        ("青白江区被调整到对口帮扶甘孜州九龙县。开启青白江对口帮扶九龙工作", "九龙"),
        ("蓝瘦山泉水在成都武侯等区县上架销售", "武侯"),
        ("德阳、绵阳及贵州、遵义等其他区域", "遵义"),
    ],
)
def test_short_forms_are_read_with_corroboration(text, short):
    assert any(m.mention == short and m.short_form for m in find_places(text))


def test_a_county_short_form_alone_needs_corroboration():
    assert find_places("马边的茶叶很好") == []
    assert names("在乐山马边调研") == [("乐山", "511100"), ("马边", "511133")]


@pytest.mark.parametrize("text", ["省公安厅", "美菜网", "光大银行"])
def test_non_places_get_nothing(text):
    assert find_places(text) == []


def test_an_organisation_named_with_a_place_is_located_there_approximately():
    (m,) = find_places("在自贡市商务局的大力支持下")
    assert (m.adcode, m.approximate) == ("510300", True)


def test_mentions_are_frozen_and_carry_the_doc():
    (m,) = find_places("平昌县", doc="a.txt")
    assert m.doc == "a.txt"
    with pytest.raises(AttributeError):
        m.adcode = "x"  # type: ignore[misc]


def test_empty_text_gives_an_empty_list():
    assert find_places("") == []


def test_non_string_input_is_rejected():
    with pytest.raises(QueryError):
        find_places(b"\xe5\xb9\xb3")  # type: ignore[arg-type]


def test_input_size_is_bounded(monkeypatch):
    import geo.places.recognition as rec

    monkeypatch.setattr(rec, "MAX_TEXT_CHARS", 10)
    with pytest.raises(InputTooLargeError):
        rec.find_places("平昌县" * 10)


def test_a_long_input_is_handled_in_linear_time():
    text = ("县" * 50_000) + ("平昌县帮扶" * 10_000)
    assert len(find_places(text)) == 10_000


def test_the_keys_that_speed_up_matching_never_match():
    import geo.places.recognition as rec

    text = "".join(ch + rec._NEVER for ch in rec._FREQUENT_CHARS) + "巴中市平昌县"
    assert [(m.mention, m.adcode) for m in find_places(text)] == [("巴中市", "511900"), ("平昌县", "511923")]


def test_one_normalisation_serves_dates_and_places():
    from geo import find_places_normalized
    from timeline.text.normalization import normalize

    text = "來自郫縣、都江堰市等對口支援市縣"
    assert find_places_normalized(normalize(text), doc="a") == find_places(text, doc="a")
    with pytest.raises(QueryError):
        find_places_normalized(text)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["延吉市河南新区", "河北新区建设"])
def test_a_province_short_form_before_新区_is_a_direction_not_the_province(text):
    assert [m.adcode for m in find_places(text) if m.level.value == "province"] == []


def test_a_province_before_its_free_trade_zone_is_mentioned():
    (m,) = find_places("海南自贸区建设")
    assert (m.adcode, m.approximate) == ("460000", True)


def test_a_compass_word_running_into_a_name_is_not_the_place():
    from geo import find_places

    assert [p.name for p in find_places("推动沿海发达地区与浙西南山区、海岛地区结对合作")] == []
    assert "南海区" in [p.name for p in find_places("广东南海区")]
    assert "南山区" in [p.name for p in find_places("深圳市南山区")]


def test_a_named_place_vouches_for_the_bare_names_listed_after_it():
    # realset4 009 (traditional): 承德 (also a county) and 保定 follow 河北省张家口 in one list
    names = [p.name for p in find_places("北京從2016年起陸續對口幫扶河北省張家口、承德、保定3市23個縣。")]
    assert names == ["北京市", "河北省", "张家口市", "承德市", "保定市"]
    # realset3 025: a list of dashed pairs, each name vouching for the next
    names = [p.name for p in find_places("丽水加快推进莲都—义乌、龙泉—萧山、遂昌—诸暨、松阳—余姚等4个省级山海协作产业园建设")]
    assert names == ["丽水市", "莲都区", "义乌市", "龙泉市", "萧山区", "遂昌县", "诸暨市", "松阳县", "余姚市"]


def test_a_province_written_in_full_vouches_for_its_prefectures_short_names():
    # realset4 005: 拉萨 is also an ordinary word, but not where 西藏自治区 is named in full
    text = "中共西藏自治区区委常委向巴平措介绍说,拉萨的对口省市是北京和江苏。"
    assert "拉萨市" in [p.name for p in find_places(text)]
    assert "拉萨市" not in [p.name for p in find_places(text.replace("西藏自治区", "西藏"))]


def test_a_city_name_that_is_also_a_word_is_the_city_between_two_cities_of_a_list():
    # realset7 029 (贵州 扶贫): 大连 is kept as an ordinary word unless the text vouches for it
    text = "深圳、青岛、大连、宁波4个计划单列市采取“一对二”的帮扶模式对口帮扶我省8个市(州)"
    assert [p.name for p in find_places(text)] == ["深圳市", "青岛市", "大连市", "宁波市"]
    assert [p.name for p in find_places("大连、青岛")] == ["青岛市"]  # one neighbour is not a list of cities


def test_a_short_name_followed_by_its_delegation_or_government_is_the_place():
    # realset8 012 (红原县's site): 苍南 alone needs corroboration; its 党政代表团 gives it
    text = "9月6日至8日,县长郑建忠率苍南党政代表团一行赴四川省阿坝州红原县开展东西部扶贫协作考察活动"
    assert "苍南县" in [p.name for p in find_places(text)]
    assert "苍南县" not in [p.name for p in find_places("苍南与红原")]


def test_two_names_run_together_into_a_parks_name_vouch_for_each_other():
    # realset3 026 (江苏 南北挂钩): 常熟 and 宿迁 are also ordinary words in the dictionary
    assert [p.name for p in find_places("常熟泗洪工业园区")] == ["常熟市", "泗洪县"]
    assert [p.name for p in find_places("苏州宿迁工业园区")] == ["苏州市", "宿迁市"]
    assert find_places("开展合作园区建设") == []  # one word before a park's name is no pair of places


def test_a_provinces_name_is_the_province_beside_a_prefecture_of_the_same_name():
    # realset8 010 (民政部's 2008 list, traditional): 海南 is the province, not 青海's 海南州, even in a text
    # that names 青海 once
    text = "湖北對口支援漢源縣,海南對口支援寶興縣。未承擔對口支援任務的貴州、西藏、青海、寧夏、新疆等六省。"
    assert [p.name for p in find_places(text) if p.mention == "海南"] == ["海南省"]
    # with the prefecture's province named right before it, it is the prefecture
    assert [p.name for p in find_places("青海海南") if p.mention == "海南"] == ["海南藏族自治州"]


def test_a_dictionary_word_made_of_a_place_and_its_part_hides_neither():
    # realset9 007 (上海 浦东 援滇): jieba's dictionary has 上海市浦东新区 and 上海浦东新区 as single words
    assert [p.name for p in find_places("上海市浦东新区")] == ["上海市", "浦东新区"]
    assert [p.name for p in find_places("上海浦东新区对口帮扶怒江州")] == ["上海市", "浦东新区", "怒江傈僳族自治州"]


def test_a_county_named_for_its_people_is_read_by_its_short_name_where_its_region_is_named():
    # realset9 009 (厦门湖里 → 临夏 东乡): 东乡县 is also 江西's former 东乡县 (今东乡区)
    assert [p.adcode for p in find_places("临夏州东乡县。厦门市湖里区深入东乡县开展全方位结对帮扶") if p.mention == "东乡县"] == [
        "622926", "622926"]
    assert [p.adcode for p in find_places("江西省抚州市东乡县") if p.mention == "东乡县"] == ["361003"]


@pytest.mark.parametrize("text, expected", [
    # realset8 012: three bare county names the text counts as 三县 (none corroborated otherwise)
    ("红原县由苍南、永嘉、平阳三县共同结对帮扶", [("红原县", "513233"), ("苍南", "330327"), ("永嘉", "330324"),
                                                 ("平阳", "330326")]),
    # realset11 016: 4縣 after the list (the prefecture named before it)
    ("分別對口援助山南地區的貢嘎、扎囊、桑日、隆子4縣", [("山南地區", "540500"), ("貢嘎", "540522"), ("扎囊", "540521"),
                                                     ("桑日", "540523"), ("隆子", "540529")]),
])
def test_bare_names_of_a_list_the_text_counts_are_places(text, expected):
    assert names(text) == expected


def test_a_count_that_does_not_match_the_list_vouches_for_nothing():
    # two names, 三县: the count is not of this list
    assert names("苍南、永嘉三县") == []
    assert names("振兴、理县两地") == [("理县", "513222")]  # 振兴 is an ordinary word first


def test_a_name_that_is_also_the_word_for_part_of_a_city_needs_its_city():
    # 郊区 "the suburbs", 东区 of a list of 中山's districts and towns (realset10 014): not 阳泉's 郊区 nor 攀枝花's 东区
    assert names("郊区的农民") == []
    assert ("东区", "510402") not in names("我市由火炬开发区、石岐区、东区、小榄镇分别结对云南省昭通市的大关县")
    # written under its city, it is the unit
    assert names("汕尾市城区对口帮扶") == [("汕尾市", "441500"), ("城区", "441502")]
    assert ("东区", "510402") in names("攀枝花市东区与盐边县")


@pytest.mark.parametrize(
    "text, names_event",
    [
        ("“5.12”汶川特大地震援建者们组成代表团回访平武", True),  # realset23 010: the earthquake's name
        ("汶川地震重災區陜西略陽縣和寧強縣恢復重建", True),  # realset23 005: the counties it hit
        ("甘肃舟曲特大泥石流灾害两周年之际", True),  # realset23 004
        ("北京市對口支援青海玉樹地震災後重建工作開展以來", False),  # realset21 001: the rebuilding of 玉树 itself
        ("河北對口援建四川平武地震災區項目15日正式交接", False),  # realset23 002: the area of 平武 itself
    ],
)
def test_a_place_naming_a_disaster_is_marked_unless_the_words_are_its_rebuilding(text, names_event):
    (m,) = [m for m in find_places(text) if m.mention in ("汶川", "舟曲", "玉樹", "平武")]
    assert m.names_event is names_event


def test_a_road_named_after_a_province_is_not_the_province():
    # realset24 007 (traditional): 湖南、湖北两省援建的湖南大道、三湘大道和湖北大道
    got = [m.mention for m in find_places("由湖南、湖北兩省斥巨資援建的湖南大道、三湘大道和湖北大道")]
    assert got == ["湖南", "湖北"]


def test_two_places_with_a_zone_between_them_in_a_parks_name_vouch_for_each_other():
    # realset17 030: 江宁开发区淮阴工业园, the park 江宁's zone built in 淮阴 (neither named in full there)
    assert [(m.mention, m.name) for m in find_places("做大做强江宁开发区淮阴工业园")] == [("江宁", "江宁区"), ("淮阴", "淮阴区")]
