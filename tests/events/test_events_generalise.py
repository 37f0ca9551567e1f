"""Rules of the language that carry over to news the rules were not written on (real sentences)."""

from __future__ import annotations

from pathlib import Path

from timeline.events.assembly import extract_events


def pairs(text):
    return {
        ("、".join(d.name for d in e.donors), "、".join(r.name for r in e.recipients), e.year)
        for e in extract_events(text, doc="t.txt")
    }


def test_a_bracketed_photo_credit_names_no_party():
    # The credit's 广汉市委 is not who receives the help; 广汉市 goes to 金阳县 to help.
    found = pairs("广汉市组织教育工作者到金阳县开展教育帮扶(广汉市委组宣传部 供图)")
    assert found == {("广汉市", "金阳县", None)}


def test_a_province_never_gives_to_its_own_capital():
    # 西宁 is the venue of Qinghai's meeting, not a place Qinghai aids.
    found = pairs("從北京市扶貧支援辦獲悉,7月30日上午,青海省第三、第四批援青干部人才輪換交接大會在西寧召開。")
    assert ("青海省", "西宁市", None) not in found
    assert not any(d == "青海省" for d, _r, _y in found)


def test_a_programme_named_by_abbreviations_states_its_pair_giver_first():
    found = pairs("1996年,中共中央、国务院作出开展东西部扶贫协作的重大决策,京蒙两地建立对口帮扶关系。")
    assert found == {("北京市", "内蒙古自治区", 1996)}


def test_an_abbreviation_compound_in_a_document_title_is_read_before_its_cooperation_word():
    found = pairs("2022年7月,《京蒙统一战线协作框架协议(2022—2026年)》签订。")
    assert found == {("北京市", "内蒙古自治区", 2022)}


def test_a_place_name_made_of_abbreviation_characters_stays_the_place():
    # 青川 is a county, not 青海 + 四川 (realset2 dev 021; the first sentence is written to name the pair in full).
    found = pairs("浙江省对口援建青川县。血浓于水的情谊在浙江与青川的对口援建中也比比皆是。")
    assert found == {("浙江省", "青川县", None)}


def test_a_programme_name_with_places_inside_both_sides_pairs_those_places():
    text = ("山東聊城,地處魯西平原;重慶彭水,位于武陵山區(qū)\n"
            "自魯渝協(xié)作工作開展以來,聊城始終立足彭水所需、發(fā)揮自身所能,以真金白銀投入、真抓實(shí)干幫扶,"
            "與彭水協(xié)作共建日益緊密。")
    assert pairs(text) == {("聊城市", "彭水苗族土家族自治县", None)}


def test_a_programme_name_qualifies_the_pair_the_article_states():
    # 闽宁协作 in an article about 鼓楼区 → 原州区 is that pair's programme, not a separate 福建 → 宁夏 pair.
    text = (Path(__file__).parents[1] / "data" / "realset" / "docs" / "015.txt").read_text(encoding="utf-8")
    found = pairs(text)
    assert any(d == "鼓楼区" and r == "原州区" for d, r, _y in found), found
    assert not any(d == "福建省" for d, _r, _y in found), found


def test_peers_named_by_abbreviations_are_not_aid():
    # 京津冀协同: Beijing and Tianjin are peers; the compound states no aid pair (written for the rule).
    found = pairs("近年来,京津冀协同发展不断深化,京津两地合作日益紧密。")
    assert not any(d == "北京市" and r == "天津市" for d, r, _y in found)


_XIUZHOU_LONGQUAN = (
    "打造山海协作工程升级版秀洲—龙泉开启合作新篇章\n"
    "龙泉新闻网讯 (记者 杨震山 王亚成)7月13日至14日,嘉兴市秀洲区委副书记、区长刘德威带队来我市考察对接山海协作工作。"
    "双方召开联席会议,举行了签约及援赠仪式,迈出深化合作、打造山海协作工程升级版的新步伐。秀洲区政协主席滕根林等参加。\n"
    "龙泉市委副书记、市长翁志鸿,龙泉市政协主席刘赤波等出席活动。\n"
    "自2002年4月我省启动实施山海协作工程以来,秀洲与我市成为首批山海协作结对县(市、区)。\n"
)


def test_a_dash_joined_pair_in_the_headline_names_the_giver_first():
    # 山海协作 within one province: the geography cannot orient 秀洲 与 我市; the headline 秀洲—龙泉 does.
    found = pairs(_XIUZHOU_LONGQUAN)
    assert ("秀洲区", "龙泉市", None) in found
    assert not any(d == "龙泉市" for d, _r, _y in found), found


def test_a_local_outlets_dateline_names_the_article_s_own_place():
    from geo.places.recognition import find_places_normalized
    from timeline.events.assembly import _tokens
    from timeline.events.deixis import home_places
    from timeline.text.normalization import normalize

    text = _XIUZHOU_LONGQUAN.split("\n", 1)[1]  # no headline: only the dateline 龙泉新闻网讯 says who 我市 is
    norm = normalize(text)
    tokens = _tokens(norm, find_places_normalized(norm, doc="t.txt"))
    homes = home_places(norm.text, tokens)
    assert ["龙泉市"] in [[t.party.name for t in g] for g in homes]  # the dateline's own group


def test_a_bare_name_shared_by_a_prefecture_and_its_seat_is_the_prefecture_a_province_aids():
    # 玉樹 names both 玉树藏族自治州 and its seat 玉树市; Beijing pairs with the prefecture.
    found = pairs("北京市委組織部紀檢監察組組長張保民介紹,自對口支援青海玉樹以來,北京市先后派出了三批、142名援青干部人才"
                  "投身于玉樹的產業發展、項目建設、民生改善、民族團結等方面。")
    assert found == {("北京市", "玉树藏族自治州", None)}


def test_a_seat_named_in_full_stays_the_seat():
    found = pairs("北京市对口支援玉树市。")
    assert ("北京市", "玉树市", None) in found


_AVOCADO = ("2017年以來,上海市助力孟連傣族拉祜族佤族自治縣打造“中國牛油果之鄉(xiāng)”,與墨西哥、秘魯、智利等牛油果主產(chǎn)國錯峰上市,"
            "填補了國際牛油果供貨的短缺期,目前已成功替代了15%的進口牛油果份額。\n")


def test_boost_names_help_in_a_traditional_page_with_pinyin_glosses():
    assert pairs(_AVOCADO) == {("上海市", "孟连傣族拉祜族佤族自治县", 2017)}


def test_a_programme_name_standing_for_the_two_places_keeps_its_pair_beside_a_county_pair():
    # 滬滇兩地 is Shanghai and Yunnan acting, not the name of the 上海 → 孟连 programme.
    text = _AVOCADO + ("進入鞏固拓展脫貧攻堅成果同鄉(xiāng)村振興有效銜接5年過渡期以來,滬滇兩地不斷拓展幫扶領(lǐng)域,"
                       "逐漸形成區(qū)域協(xié)同發(fā)展、互利共贏的良好局面。\n")
    found = pairs(text)
    assert ("上海市", "云南省", None) in found
    assert ("上海市", "孟连傣族拉祜族佤族自治县", 2017) in found


def test_a_corps_division_before_a_city_does_not_end_the_list_of_receivers():
    text = ("6月22日,在省委组织部、省人社厅、省援疆办的组织下,我省第八批援疆干部人才启程赴新疆维吾尔自治区"
            "博尔塔拉蒙古自治州和兵团第五师双河市,开展为期三年的对口支援工作。")
    found = extract_events(text, doc="t.txt", title="湖北省第八批援疆干部启程")  # the title says who 我省 is
    assert [([d.name for d in e.donors], [r.name for r in e.recipients]) for e in found] == [
        (["湖北省"], ["博尔塔拉蒙古自治州", "双河市"])]


def test_inner_mongolia_by_its_short_name_before_a_league_is_one_place():
    # realset2 dev 013 (traditional): 北京 與 內蒙古興安盟 — the league receives.
    found = pairs("今天(28日)上午,在北京舉辦的內蒙古興安盟京蒙對口幫扶合作暨承接京津冀產業轉移推介會上,"
                  "北京與內蒙古興安盟再簽下26個扶貧合作項目,總投資額達242億元。")
    assert ("北京市", "兴安盟", None) in found


def test_a_wing_banner_by_its_short_name_receives_from_the_list_s_giver():
    found = pairs("2024年,北京市大兴区与察右前旗、正镶白旗分别签订《2024年东西部协作协议》。")
    assert found == {("大兴区", "察哈尔右翼前旗", 2024), ("大兴区", "正镶白旗", 2024)}
