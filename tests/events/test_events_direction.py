"""Event assembly on paragraphs written the way the news writes them, across programmes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.events.assembly import extract_events
from timeline.dates.mention import Basis
from timeline.events.model import EventKind, PartyKind, Programme


def pairs(text, pub=None):
    return [
        ("、".join(d.name for d in e.donors), "、".join(r.name for r in e.recipients), e.year)
        for e in extract_events(text, doc="t.txt", publication_date=pub)
    ]


def place_pairs(text):
    """Every (giver, receiver) pair of the text's events, by name."""
    return {(d.name, r.name) for e in extract_events(text, doc="t") for d in e.donors for r in e.recipients}


def pairs_stated_where(real_set, doc, words):
    """The (giver, receiver) pairs of a real article's events whose evidence holds ``words``."""
    text = (Path(__file__).parents[1] / "data" / real_set / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
    return {(d.name, r.name) for e in extract_events(text, doc=doc) if words in e.evidence
            for d in e.donors for r in e.recipients}


def only(text, pub=None):
    found = extract_events(text, doc="t.txt", publication_date=pub)
    assert len(found) == 1, [(e.summary) for e in found]
    return found[0]


def test_donor_verb_recipient_reads_the_direction():
    e = only("2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。")
    assert ([d.name for d in e.donors], [r.name for r in e.recipients]) == (["自贡市"], ["平昌县"])
    assert (e.year, e.date.month, e.kind) == (2021, 6, EventKind.PAIRING_START)


def test_recipient_written_with_its_parents_is_the_most_specific_place():
    e = only("上海市对口支援新疆喀什地区莎车县。")
    assert [r.adcode for r in e.recipients] == ["653125"]


def test_a_group_of_donors_gives_one_row_each():
    e = only("2012年，省委先后确定绵阳市、省卫生计生委、省统计局等对口支援壤塘县。")
    assert [d.name for d in e.donors] == ["绵阳市", "省卫生计生委", "省统计局"]
    assert [d.kind for d in e.donors] == [PartyKind.PLACE, PartyKind.ORGANISATION, PartyKind.ORGANISATION]
    assert e.donors[1].lon is None and e.donors[1].adcode == ""  # no invented coordinates


def test_team_from_a_donor_arriving_in_the_recipient():
    e = only("2021年8月，来自上海市的第十批援疆干部人才抵达喀什地区莎车县。")
    assert ([d.name for d in e.donors], [r.name for r in e.recipients]) == (["上海市"], ["莎车县"])
    assert e.kind is EventKind.TEAM_ARRIVAL and e.programme is Programme.XINJIANG_AID


def test_task_given_to_a_city_names_it_the_donor_and_the_region_the_recipient():
    e = only("2012年，省委、省政府将对口帮扶省内藏区10个县的光荣使命交给成都。")
    assert [d.name for d in e.donors] == ["成都市"]
    assert e.recipients[0].kind is PartyKind.REGION and e.recipients[0].name == "省内藏区10个县"
    assert e.recipients[0].adcode == "" and e.recipients[0].lon is None


def test_help_received_runs_from_the_giver_to_the_subject():
    e = only("江油市正是在全国各地包括布拖县人民的关心、帮助和支持下，取得了灾后重建的胜利。")
    assert ([d.name for d in e.donors], [r.name for r in e.recipients]) == (["布拖县"], ["江油市"])
    assert e.programme is Programme.RECONSTRUCTION


def test_giving_toward_a_recipient_is_funding_with_the_amount():
    e = only("2021年，苏州市向铜仁市捐赠医疗设备价值3000万元。")
    assert (e.kind, e.amount_yuan, e.year) == (EventKind.FUNDING, 30_000_000, 2021)
    assert ([d.name for d in e.donors], [r.name for r in e.recipients]) == (["苏州市"], ["铜仁市"])


def test_chinese_numeral_money_is_read():
    e = only("宁波市镇海区对口帮扶凉山州布拖县，投入帮扶资金一千万元助力产业发展。")
    assert e.amount_yuan == 10_000_000 and e.kind is EventKind.FUNDING


def test_people_sent_are_counted_on_team_events():
    e = only("2023年7月，自贡市第二批结对帮扶平昌县工作队30名队员整装出发。")
    assert (e.people, e.kind) == (30, EventKind.TEAM_ARRIVAL)


def test_a_symmetric_signing_is_oriented_by_the_articles_stated_pair():
    text = "天津市和平区对口帮扶甘肃省会宁县。2017年，和平区与会宁县签订东西部协作帮扶协议。"
    found = pairs(text)
    assert ("和平区", "会宁县", 2017) in found
    assert not [p for p in found if p[0] == "会宁县"]


def test_east_west_signing_without_other_evidence_is_oriented_east_to_west():
    e = only("2023年，福州市与定西市签订东西部协作框架协议。")
    assert ([d.name for d in e.donors], [r.name for r in e.recipients]) == (["福州市"], ["定西市"])
    assert e.kind is EventKind.AGREEMENT and e.programme is Programme.EAST_WEST


def test_a_signing_with_no_direction_anywhere_gives_no_event():
    # Two places of one province that no programme's geography orders.
    assert extract_events("成都市武侯区与德阳市旌阳区共建产业园。", doc="t") == []


def test_a_mountain_sea_signing_takes_its_direction_from_the_programmes_geography():
    # 泰顺 is one of 浙江's 26 mountain counties: the coast's 鹿城区 gives; so do 苏南 to 苏北 (南北挂钩)
    # and the Pearl River Delta to 粤东西北, whichever is named first.
    for text, pair in (("温州市鹿城区与泰顺县共建山海协作产业园。", (["鹿城区"], ["泰顺县"])),
                       ("宿迁市泗洪县与苏州市吴江区共建南北挂钩产业园。", (["吴江区"], ["泗洪县"])),
                       ("梅州市与广州市共建产业转移工业园。", (["广州市"], ["梅州市"]))):
        (event,) = extract_events(text, doc="t")
        assert ([d.name for d in event.donors], [r.name for r in event.recipients]) == pair


def test_multi_party_park_signing_gives_the_article_recipient_and_keeps_the_missing_year_empty():
    text = ("遂宁市对口帮扶阿坝州理县。年5月，浙江省永康市和东阳市、遂宁船山区、阿坝州理县三方四地签订共建“飞地”园区"
            "合作开发框架协议。")
    park = [e for e in extract_events(text, doc="t") if e.kind is EventKind.PARK]
    assert len(park) == 1
    assert [d.name for d in park[0].donors] == ["永康市", "东阳市", "船山区"]
    assert [r.name for r in park[0].recipients] == ["理县"]
    assert (park[0].year, park[0].date.month, park[0].date.basis) == (None, 5, Basis.NOT_STATED)


def test_a_date_from_another_sentence_is_never_borrowed():
    e = extract_events("2016年9月11日，工作队抵达九龙县。青白江区对口帮扶九龙县，成效显著。", doc="t")[-1]
    assert e.date is None and e.year is None


def test_dates_inside_a_plans_title_are_not_the_events_date():
    e = only("自贡市印发了《自贡市对口帮扶平昌县工作规划(2021—2025年)》。")
    assert e.date is None


def test_a_dateline_is_not_the_events_date():
    e = only("新华社乌鲁木齐7月16日电 2010年以来，北京市对口支援和田地区。", pub=dt.date(2023, 7, 17))
    assert (e.date.text, e.year) == ("2010年以来", 2010)


def test_relative_and_inferred_dates_keep_their_basis():
    e = only("去年9月，青白江区对口帮扶九龙县的20名教师来到九龙县。", pub=dt.date(2018, 5, 9))
    assert (e.year, e.date.month, e.date.basis) == (2017, 9, Basis.RELATIVE)


def test_a_body_named_with_its_place_is_kept_by_name_at_that_place_marked_approximate():
    e = only("2020年，成都市大弯中学对口帮扶九龙县中学。")
    donor = e.donors[0]
    assert (donor.name, donor.kind, donor.adcode, donor.approximate) == (
        "成都市大弯中学", PartyKind.ORGANISATION, "510100", True)


def test_a_place_never_helps_itself():
    for e in extract_events("九龙县协助打造九龙县特色品牌，帮助九龙县发展产业。", doc="t"):
        assert not {d.adcode for d in e.donors} & {r.adcode for r in e.recipients}


def test_traditional_text_reads_the_same_with_original_offsets():
    text = "2011年以來，來自郫縣、都江堰市等對口支援市縣的援藏干部人才抵達道孚縣。"
    e = only(text)
    assert [d.name for d in e.donors] == ["郫都区", "都江堰市"] and e.donors[0].former_name == "郫县"
    assert [r.name for r in e.recipients] == ["道孚县"]
    assert text[e.char_start:e.char_end] == e.evidence and e.year == 2011


@pytest.mark.parametrize("text", ["", "今天天气很好。", "2016年9月11日。", "对口帮扶工作很重要。"])
def test_text_without_a_stated_pair_gives_no_event(text):
    assert extract_events(text, doc="t") == []


def test_a_place_qualifying_a_helper_after_the_verb_is_not_a_recipient():
    text = "天津市和平区对口帮扶甘肃省会宁县。教育人才“组团式”帮扶天津和平区教师胡刚说道，我把课堂理念带到了会宁。"
    assert not [e for e in extract_events(text, doc="t") if any(r.adcode == "120101" for r in e.recipients)]


def test_a_water_source_area_receives_from_its_capital_city_whichever_is_named_first():
    # realset5 009 (南水北调 中线 水源区对口协作, traditional)
    text = ("飲水思源,為了支持水源地的發(fā)展,北京與河南南陽、湖北十堰等水源區(qū)進行對口協(xié)作,"
            "通過資金支持、人才交流等方式,大力推動水源地公共服務質量提升。")
    got = sorted((d.name, r.name) for e in extract_events(text, doc="t") for d in e.donors for r in e.recipients)
    assert got == [("北京市", "十堰市"), ("北京市", "南阳市")]
    reversed_ = "十堰市与北京市签订对口协作协议。"  # the receiver named first
    assert [(d.name, r.name) for e in extract_events(reversed_, doc="t") for d in e.donors for r in e.recipients] == [
        ("北京市", "十堰市")]


def test_help_received_from_a_giver_named_with_its_aid_and_no_de_before_the_receiver():
    # realset5 029 (汶川, traditional) and realset8 014 (巫山): the giver helps the place named after the phrase
    for text, pair in (("在廣東的對口援建下,汶川县一排排新居拔地而起。", ("广东省", "汶川县")),
                       ("2016年,在深圳市對口援建支持下巫山县終于建成水池。", ("深圳市", "巫山县"))):
        assert [(d.name, r.name) for e in extract_events(text, doc="t") for d in e.donors for r in e.recipients] == [pair]


def test_inside_a_province_the_capitals_city_gives_to_its_counties_and_other_cities():
    # realset9 025 (兰州): 城关区 and 七里河区 are the capital's districts, 榆中 and 永登 its counties; two
    # districts of the capital (西固区, 红古区) follow the order of the list the others are oriented in
    text = "今年城关区与榆中县、七里河区与永登县、安宁区与皋兰县、西固区与红古区建立了对口劳务协作关系。"
    got = sorted((d.name, r.name) for e in extract_events(text, doc="t") for d in e.donors for r in e.recipients)
    assert got == [("七里河区", "永登县"), ("城关区", "榆中县"), ("安宁区", "皋兰县"), ("西固区", "红古区")]


def test_a_place_on_the_way_is_not_who_goes_there():
    # realset8 017 (房山区窦店镇 → 察右中旗): the team lands in 呼和浩特 on its way
    text = "6月29日,考察组到达呼和浩特后前往察右中旗铁沙盖镇,实地考察了永富肉牛养殖场,开展对口帮扶调研。"
    assert not any(d.name == "呼和浩特市" for e in extract_events(text, doc="t") for d in e.donors)


def test_a_verb_joined_by_he_to_the_one_before_shares_its_giver():
    # realset12 029 (东莞, traditional): 昭通 receives the first verb's help, it gives nothing to 韶关 and 揭阳
    text = ("從2016年開始,東莞參與對口幫扶云南昭通市的東西部扶貧協作和對口幫扶韶關、揭陽市的省內精準扶貧工作,"
            "其間合計派出扶貧干部818名、柔性支援人才586人。")
    got = place_pairs(text)
    assert got == {("东莞市", "昭通市"), ("东莞市", "韶关市"), ("东莞市", "揭阳市")}


def test_a_partner_noun_after_an_aid_verb_leaves_the_direction_to_the_programmes_geography():
    # realset13 023 (浙江 山海协作): 结对地区 / 结对县市 name partners; 衢州 and 丽水 receive inside 浙江
    text = ("衢州常山的胡柚、双柚汁走进结对地区杭州拱墅,不少市民游客购买后还加了商家联系方式,打算回购;"
            "丽水景宁与结对县市绍兴上虞、台州温岭的不少企业达成合作。")
    got = place_pairs(text)
    assert got == {("拱墅区", "常山县"), ("上虞区", "景宁畲族自治县"), ("温岭市", "景宁畲族自治县")}


def test_a_park_named_receiver_first_yields_to_the_programmes_geography():
    # realset13 026 (广东 省内对口帮扶): 茂名 receives from 佛山 inside 广东, though the park's name puts 电白 first
    text = ("茂名电白·佛山南海产业合作园揭牌\n2月19日,茂名电白·佛山南海产业合作园揭牌及企业进驻签约仪式在狮山举行。"
            "南海区与电白区自2023年开展对口帮扶协作工作以来,在多领域深度合作。")
    got = place_pairs(text)
    assert got == {("南海区", "电白区")}


def test_a_township_located_in_the_giver_is_no_pair_of_a_place_with_itself():
    # realset15 025 (番禺 → 五华): the district's chamber gives to 梅林镇, a township of 五华县 — not 五华县 → 五华县
    text = ("番禺区对口帮扶五华县。8月7日,番禺区党政代表团到五华县梅林镇考察。座谈会上还举行了捐赠和慰问仪式,"
            "区慈善会向五华县、区商会向梅林镇分别捐赠慈善资金用于帮扶。")
    events = extract_events(text, doc="t")
    assert events and all({d.adcode for d in e.donors}.isdisjoint({r.adcode for r in e.recipients}) for e in events)


def test_a_place_after_援疆_receives_only_inside_xinjiang():
    # realset19 018: 实现援疆与日照扩大开放互动双赢 — 日照 gives; 援疆 holds its own object
    text = ("日照市对口支援麦盖提县。全市各级要统筹安排好援疆资金、政策和资源,挖掘利用好喀什地区和麦盖提县的优势,"
            "实现援疆与日照扩大开放互动双赢。")
    assert not [e for e in extract_events(text, doc="t") if e.recipients[0].name == "日照市"]


def test_a_place_of_the_area_after_援青_receives():
    # realset10 013: 援青乌兰十周年 — 乌兰 lies in 青海, the area 援青 names (not the prefecture the trip went to)
    text = ("浙江省党政代表团赴海西州乌兰县考察对口支援工作。27日,代表团实地考察了乌兰生物产业园、县文体中心等"
            "浙江援青项目运行情况,并观看了援青乌兰十周年汇报视频片。")
    got = place_pairs(text)
    assert got == {("浙江省", "乌兰县")}


def test_helpers_described_as_working_in_a_place_come_from_the_place_after_de():
    # realset17 004: 在小金县援建的江西志愿者 — 小金县 is where they help, 江西 where they come from
    text = "近日,中国江西网记者联络上几位曾经或目前在小金县援建的江西志愿者,了解他们与小金县的故事。"
    got = place_pairs(text)
    assert got == {("江西省", "小金县")}


def test_dui_before_a_verb_that_has_its_own_object_is_not_that_verbs_receiver():
    # realset17 015: …对太仓长期以来帮扶周至…表示感谢 — 太仓 is thanked; 帮扶 has 周至 as its object
    text = ("周至县党政代表团赴太仓市考察。"
            "段军利代表周至县委、县政府和全县69万干部群众对太仓长期以来帮扶周至、支持周至、援建周至表示衷心的感谢。")
    got = place_pairs(text)
    assert got == {("太仓市", "周至县")}


def test_a_banner_of_thanks_given_to_the_helper_is_no_help():
    # realset19 024: 通辽 gives 北京's office a banner (锦旗) to thank it
    text = "会上,通辽市委书记冯玉臻向北京市扶贫支援办赠送锦旗,郭玉峰向北京挂职通辽团队工作组组长干部陈广利颁发证书。"
    assert not [e for e in extract_events(text, doc="t") if e.donors[0].name == "通辽市"]
    # realset24 029: 捐赠了锦旗 is the same thanks
    text = "库伦旗委副书记、旗长王薇代表库伦旗委、旗政府向密云区委区政府捐赠了锦旗。"
    assert not [e for e in extract_events(text, doc="t") if e.donors[0].name == "库伦旗"]


def test_thanks_for_a_places_help_does_not_make_that_place_the_receiver():
    # realset13 006: 共和县委书记…对常州的援建帮助表示感谢 — 常州 helped 共和县
    text = "青海省海南州委常委、共和县委书记陈鸿林对常州的援建帮助表示感谢,对常州援青干部人才的工作给予高度评价。"
    got = place_pairs(text)
    assert ("共和县", "常州市") not in got


def test_support_named_in_a_speech_of_thanks_is_no_pair_of_its_own():
    # realset5 016: 松江 thanks 昭通 for its 关心支持; the title's 松江区·昭通市 stays 松江 → 昭通
    text = ("2025年松江区·昭通市东西部协作联席会议举行\n"
            "王靖代表松江区委、区政府向昭通市给予松江经济社会发展的关心支持和对松江援昭干部人才的关心爱护表示衷心感谢。\n")
    got = place_pairs(text)
    assert got == {("松江区", "昭通市")}


def test_a_service_offered_to_the_partner_that_gives_is_not_help_to_it():
    # realset7 021: 河源 promotes itself to 深圳's firms (为深圳等地工业企业提供…服务); 深圳 gives to 河源
    text = ("推介会详细介绍了河源市“五县一区”、高新区、江东新区、灯塔盆地,以及深圳河源共建的7个产业转移园的基本情况,"
            "展示了河源目前发展情况和特色优势,为深圳等地工业企业提供资源对接、项目推介、信息咨询、招商引资等服务,"
            "推动两市工业合作。")
    assert not [e for e in extract_events(text, doc="t") if e.donors[0].name == "河源市"]


def test_people_sent_to_learn_are_taught_by_the_place_they_go_to():
    # realset11 030: 来自黔东南州的…校长到杭州挂职学习 — 杭州 gives (training), 黔东南州 receives
    text = ("去年以来,100多名来自黔东南州的优秀青年校长到杭州挂职学习,杭州还新增结对帮扶学校17所,"
            "选派18位优秀教师到黔东南州开展为期一年的支教。")
    got = place_pairs(text)
    assert got == {("杭州市", "黔东南苗族侗族自治州")}


def test_wei_inside_a_verb_of_its_own_marks_no_receiver():
    # realset18 001: 我州被列为上海对口帮扶云南的重点地区 — 列为 is "listed as", not 为 (for) 上海
    text = "上海、昆明对口帮扶迪庆工作综述\n从2004年起,我州被列为上海对口帮扶云南的重点地区之一。"
    got = {(d.name, r.name) for e in extract_events(text, doc="t", title="上海、昆明对口帮扶迪庆工作综述")
           for d in e.donors for r in e.recipients}
    assert ("迪庆藏族自治州", "上海市") not in got


def test_a_givers_headquarters_named_after_the_region_it_helps_is_no_help_to_that_region():
    # realset11 011: 江西省对口支援新疆前方指挥部 is the giver's office, not the rule's pair 江西 → 新疆
    from geo import find_places
    from timeline.events.direction import pairs_in_sentence
    from timeline.events.parties import Token
    from timeline.events.model import Party, PartyKind

    def rule_pairs(text):
        tokens = [Token(m.start, m.end, Party(name=m.name, kind=PartyKind.PLACE, mention=m.mention, adcode=m.adcode))
                  for m in find_places(text)]
        return {(d.party.name, r.party.name) for p in pairs_in_sentence(text, 0, len(text), tokens)
                for d in p.donors for r in p.recipients}

    assert ("江西省", "新疆维吾尔自治区") not in rule_pairs("2020年以来,江西省对口支援新疆前方指挥部始终将阿克陶县作为重点。")
    assert ("江西省", "新疆维吾尔自治区") in rule_pairs("2020年以来,江西省对口支援新疆,始终将阿克陶县作为重点。")


def test_a_giver_that_is_the_subject_of_a_cleft_gives_to_the_place_named_after_it():
    # realset25 008 (万州, traditional in part): 上海…对口支援的是萬州的五桥区 — 上海 does it (not 正在巴宜区进行对口
    # 支援的是广东省…, where the place before the verb is where the help is done)
    text = ("陈文刚,1959年10月生。2002年4月任重庆市万州区委副秘书长,2007年3月任万州区政府副秘书长、万州区对口支援主任。\n"
        "(一)1992至1998年,目标是“搬得出”。当时上海具体对口支援的是萬州的五桥区,")
    assert place_pairs(text) == {("上海市", "万州区")}


def test_help_received_with_no_de_goes_to_the_place_after_it_not_to_one_in_an_earlier_clause():
    # realset4 020 (深圳龙岗 → 那坡, traditional): 在龍崗區幫扶下 has no 的; 广西 qualifies 那坡 in the clause before
    text = "作為當時廣西4個極度貧困縣之一,在龍崗區幫扶下,那坡縣也在2020年11月20日成功脫貧摘帽。"
    assert place_pairs(text) == {("龙岗区", "那坡县")}


def test_a_region_named_as_a_givers_area_of_aid_to_xinjiang_receives_from_it():
    # realset25 017 (哈密 → 郑州 relief goods; the aid runs 河南 → 哈密): 哈密是河南對口援疆地區
    text = "來自天山的問候——哈密市、新疆生產建設兵團第十三師援豫抗災物資抵鄭\n哈密是河南對口援疆地區。"
    assert place_pairs(text) == {("河南省", "哈密市")}


def test_a_sentence_listing_pairs_with_no_aid_word_states_them_in_an_article_about_pairing():
    # realset21 030 (江苏南北挂钩, the whole page): 由此形成五对首次跨江握手的“城市联盟”:南京与淮安、无锡与徐州、… names
    # no aid, but in an article about pairing its list is the pairings; the article orients 无锡 → 徐州
    assert pairs_stated_where("realset21", "030", "南京与淮安") == {
        ("南京市", "淮安市"), ("无锡市", "徐州市"), ("常州市", "盐城市"), ("苏州市", "宿迁市"), ("镇江市", "连云港市")}


def test_two_places_run_together_into_a_parks_name_state_their_pair_with_no_aid_word_beside_them():
    # realset18 027 (江苏南北共建园区, the whole page): 无锡连云港工业园区聚焦高端装备,常州盐城工业园区深耕新能源
    assert pairs_stated_where("realset18", "027", "常州盐城工业园区深耕") == {
        ("无锡市", "连云港市"), ("常州市", "盐城市")}
