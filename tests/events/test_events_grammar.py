"""The direction table (timeline.events.grammar.RULES): every rule read on a real sentence.

Each case is a sentence from a real article (tests/data/realset, the seeds, or a
page cited beside it), the rule that must read it, and the pairs it must give.
A meta-test checks that every rule of the table has a case here.
"""

from __future__ import annotations

import pytest

from timeline.events import assembly
from timeline.events.deixis import home_places, resolve_deixis
from timeline.events.grammar import RULES, chunk, grammar_pairs
from timeline.events.assembly import extract_events
from timeline.text.normalization import normalize


def _tokens(text: str, title: str = ""):
    from geo.places.recognition import find_places_normalized

    norm = normalize(text)
    tokens = assembly._tokens(norm, find_places_normalized(norm))
    homes = home_places(norm.text, tokens, assembly._title_places(title, "t"))
    return norm.text, resolve_deixis(norm.text, tokens, homes)


def read(text: str, title: str = "") -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    ntext, tokens = _tokens(text, title)
    return [
        (p.rule, tuple(t.party.name for t in p.donors), tuple(t.party.name for t in p.recipients))
        for p in grammar_pairs(ntext, 0, len(ntext), tokens)
    ]


CASES = {
    # realset 020 (晋中, county pairing within a city)
    "by_agent": (
        "其中由介休市、综改示范区晋中开发区结对帮扶榆社县,灵石县结对帮扶左权县,寿阳县结对帮扶和顺县,榆次区结对帮扶昔阳县。", "",
        [("by_agent", ("介休市", "晋中开发区"), ("榆社县",))],
    ),
    # realset 014 (Beijing 朝阳区's own paper: 我区 from the title)
    "aid_area_is": (
        "目前我区对口帮扶地区为内蒙古乌兰察布市卓资县、河北省保定市唐县、张家口市康保县以及新疆和田地区墨玉县等4个贫困县,"
        "对口协作地区为河南省南阳市淅川县。", "朝阳区对口帮扶工作重抓实事实效",
        [("aid_area_is", ("朝阳区",), ("卓资县", "唐县", "康保县", "墨玉县")), ("aid_area_is", ("朝阳区",), ("淅川县",))],
    ),
    # realset6 022 (天津和平区 ← 白银, traditional): the visitors' leader leads the delegation to the host
    "delegation_visits (led by)": (
        "4月18日,甘肅省白銀市市委書記蘇君率黨政代表團來天津市和平區,就開展對口扶貧工作進行交流座談。", "",
        [("delegation_visits", ("和平区",), ("白银市",))],
    ),
    # realset5 019 (绵阳新闻网): a park named for both partners with a plain hyphen
    "joined_name (hyphen)": (
        "在北川,工作组对擂鼓镇柯城-北川共建产业园的运营及企业入驻情况进行了详细询问。"
        "工作组对衢州和绵阳结对6年多以来,不断加强交流合作。", "",  # 衢州 vouches for 柯城
        [("joined_name", ("柯城区",), ("北川羌族自治县",)), ("joint_and", ("衢州市",), ("绵阳市",))],
    ),
    # realset8 009 (a book on 汶川 reconstruction)
    "builder_in_brackets": (
        "列入帮扶范围的青川县(浙江省援建)、剑阁县(黑龙江省援建)干部群众顿时欢欣鼓舞。", "",
        [("builder_in_brackets", ("浙江省",), ("青川县",)), ("builder_in_brackets", ("黑龙江省",), ("剑阁县",))],
    ),
    # realset4 026 (江苏 南北挂钩): bare names that end in 州 themselves are still bare names
    "park_named_for_both (names ending in 州)": (
        "经过5年的培育发展,45家共建工业园区中,冒出了7家“高材生”:苏州宿迁工业园区、无锡徐州工业园区、宁淮智能制造产业园、"
        "常州盐城工业园区4家成为省级创新试点园区。", "",
        [("park_named_for_both", ("苏州市",), ("宿迁市",)), ("park_named_for_both", ("无锡市",), ("徐州市",)),
         ("park_named_for_both", ("常州市",), ("盐城市",))],
    ),
    # realset3 015 (哈尔滨 ← 深圳 对口合作)
    "hand_in_hand": (
        "哈尔滨新区“带土移植”深圳“飞地”,道里区携手深圳福田区打造数字经济新引擎。", "",
        [("hand_in_hand", ("道里区",), ("福田区",))],
    ),
    # realset9 025 (兰州's districts and counties, 劳务协作)
    "pairs_listed_with": (
        "今年城关区与榆中县、七里河区与永登县、安宁区与皋兰县、西固区与红古区建立了对口劳务协作关系。", "",
        [("pairs_listed_with", ("城关区",), ("榆中县",)), ("pairs_listed_with", ("七里河区",), ("永登县",)),
         ("pairs_listed_with", ("安宁区",), ("皋兰县",)), ("pairs_listed_with_last", ("西固区",), ("红古区",))],
    ),
    # realset6 010 (四川日报): the team named by the place it went back to
    "team_at": (
        "3月9日,甘孜州石渠县,最低气温降到零下14℃ 几天前返回石渠的成都市金牛区第五批对口支援工作队,举行了今年第一次工作部署安排会。",
        "", [("team_at", ("金牛区",), ("石渠县",))],
    ),
    # realset7 024 (深圳's 省内 pairing): the aided areas in brackets
    "aid_area_is (bracketed)": (
        "来自中央、省级、市级10多家主流媒体的记者走进深汕特别合作区,以及深圳于省内对口帮扶协作的部分地区(汕尾、汕头、潮州、河源),"
        "深入产业园区、乡镇、学校、医院等地。", "",
        [("aid_area_is", ("深圳市",), ("汕尾市", "汕头市", "潮州市", "河源市"))],
    ),
    # realset 019 (深圳 → 察隅)
    "aided_of": (
        "编者按:一个是中国改革开放的前沿城市深圳,一个是青藏高原边缘的边境小县西藏察隅县,作为深圳的对口援建县,深圳和察隅,因为援藏而紧紧联系在一起。", "",
        [("aided_of", ("深圳市",), ("察隅县",))],
    ),
    # realset 001 (苏陕协作)
    "boost": (
        "扬州市以镇、村结对为突破口助力榆林市脱贫攻坚,落实精准帮扶项目36个,捐助扶贫济困资金近200万元。", "",
        [("boost", ("扬州市",), ("榆林市",))],
    ),
    # 新华社 photo caption, 2021-04-09 (new.qq.com/omn/20210409/20210409A010KC00.html)
    "toward_object": (
        "从2018年起,天津市10家医院对甘肃省甘南藏族自治州人民医院展开对口帮扶。", "",
        [("toward_object", ("天津市",), ("甘肃省甘南藏族自治州人民医院",))],
    ),
    # 山西日报 2010-08-12 (孝义 → 石楼), as reposted on china-news-home.blogspot.com
    "toward_object (对…进行帮扶)": (
        "结对五年来,孝义市在项目建设、农民增收、文化教育等方面对石楼县进行帮扶和支持,极大地促进了石楼县经济社会的发展。", "",
        [("toward_object", ("孝义市",), ("石楼县",))],
    ),
    # realset 018 (Wenchuan reconstruction, 经济日报 2010-05-12)
    "builders_of": (
        "距离震中映秀镇仅十公里的汶川县三江乡,不到一年就在广东援建者的巧手下变成了风景如画的水乡藏寨。", "",
        [("builders_of", ("广东省",), ("汶川县",))],
    ),
    # The State Council's 2008 reconstruction plan lists its pairs as 省—县 (国办发〔2008〕53号).
    "dash_pair": (
        "汶川地震灾后恢复重建对口支援方案:山东省—北川县;广东省—汶川县;浙江省—青川县;江苏省—绵竹市。", "",
        [("dash_pair", ("山东省",), ("北川羌族自治县",)), ("dash_pair", ("广东省",), ("汶川县",)),
         ("dash_pair", ("浙江省",), ("青川县",)), ("dash_pair", ("江苏省",), ("绵竹市",))],
    ),
    # realset 002 (天津武清 → 甘肃)
    "joint": (
        "为深入做好东西部扶贫协作和对口支援工作,近日,天津市武清区与甘肃省静宁县、泾川县签订8项合作协议。", "",
        [("joint", ("武清区",), ("静宁县",)), ("joint", ("武清区",), ("泾川县",))],
    ),
    # realset 009 (保定 → 兵团第二师铁门关市), traditional script
    "joint_and": (
        "近日,保定市政府和新疆生產建設兵團第二師鐵門關市就鄉村振興結對幫扶工作簽約。", "",
        [("joint_and", ("保定市",), ("铁门关市",))],
    ),
    # seed 004 (青白江 → 九龙): 分别 with one party on each side
    "respectively_verb": (
        "青白江区11个乡镇(街道)分别结对九龙县一个乡镇并联系一个贫困村。", "",
        [("respectively_verb", ("青白江区",), ("九龙县",))],
    ),
    # realset2 dev 015 (浙川, a co-built park; the next sentence names the two districts in full)
    "joined_name": (
        "走进南浔·广安东西部协作产业园二期项目,工人正加紧施工抢工期。"
        "园区由浙江省湖州市南浔区、四川省广安市广安区合力打造,还没建成就已招引了4家浙江企业。", "",
        [("joined_name", ("南浔区",), ("广安区",))],
    ),
    # realset2 dev 019 (南水北调 对口协作, traditional page with pinyin glosses): who 给予 gives to the places after it
    "give_to": (
        "張維國熱忱歡迎周立云一行,感謝大興區(qū)多年來給予十堰市及茅箭區(qū)經(jīng)濟社會發(fā)展的大力支持。", "",
        [("give_to", ("大兴区",), ("十堰市", "茅箭区"))],
    ),
    # realset2 dev 013 (京蒙, traditional): the money a party puts in goes to the place it is used for
    "used_for": (
        "從1996年到2017年,北京總計投入資金12.64億元用于內蒙古自治區的幫扶工作", "",
        [("used_for", ("北京市",), ("内蒙古自治区",))],
    ),
    # realset 009: a list of counties with one partner (a corps division before the city)
    "joint (list)": (
        "最終確定望都縣、高陽縣、高碑店市與新疆生產建設兵團第二師鐵門關市相關連結對幫扶。", "",
        [("joint", ("望都县",), ("铁门关市",)), ("joint", ("高阳县",), ("铁门关市",)),
         ("joint", ("高碑店市",), ("铁门关市",))],
    ),
    # realset2 022 (深汕特别合作区; 广东's parks are named giver(host): 深圳(汕尾))
    "park_of": (
        "2008年初,刘玉浦书记和许宗衡市长带领深圳市党政代表团考察深圳(汕尾)产业转移工业园。", "",
        [("park_of", ("深圳市",), ("汕尾市",))],
    ),
    # realset2 016 (鲁渝, traditional): a park named for both partners; the article decides who gives
    "park_named_for_both": (
        "在酉陽縣黑水鎮平地壩村,“東營酉陽稻田養蟹產業園”的牌子格外顯眼。", "",
        [("park_named_for_both", ("东营市",), ("酉阳土家族苗族自治县",))],
    ),
    # realset2 004 (沪滇, traditional with pinyin glosses): 甲乙两省市 names the pair
    "the_two": (
        "昨日,上海云南兩省市對(duì)口幫扶合作第十三次聯(lián)席會(huì)議紀(jì)要在昆明簽署。", "",
        [("the_two", ("上海市",), ("云南省",))],
    ),
    # realset 013 (宁波 → 云和, 山海协作): 我市 is the city of the districts written right after it later on
    "meets_visitors": (
        "本报讯(记者孙吉晶)昨天上午,我市与前来考察的云和县党政代表团举行座谈会,双方就今后五年结对帮扶工作进行广泛交流。"
        "从今年起,我市海曙段塘、望春,江东东郊,北仑小港、大碶,宁海西店等四区一县的7个镇(街道)结对帮扶丽水市云和县。", "",
        [("meets_visitors", ("宁波市",), ("云和县",))],
    ),
    # realset3 022 (浙川 visits, 2021): hosts and visiting delegations
    "welcomes_delegation": (
        "5月12日至14日,宁波市镇海区迎来了凉山州金阳县东西部协作调研组。", "",
        [("welcomes_delegation", ("镇海区",), ("金阳县",))],
    ),
    "delegation_visits": (
        "5月20至22日,甘孜州党政代表团就到了杭州市、金华市、台州市,进行考察学习。", "",
        [("delegation_visits", (host,), ("甘孜藏族自治州",)) for host in ("杭州市", "金华市", "台州市")],
    ),
    # realset3 025 (山海协作, 《今日浙江》 2019): the receiver is the subject of 得到
    "receives_from": (
        "景宁畲族自治县先后得到鄞州区、温岭市、海盐县、上虞区、宁海县等地的对口扶持,累计援建产业发展资金1.6亿元。", "",
        [("receives_from", ("鄞州区", "温岭市", "海盐县", "上虞区", "宁海县"), ("景宁畲族自治县",))],
    ),
    # realset13 030 (深圳 → 赣州 区县结对合作安排, 2023): a pairing table as the page's text gives it, cells between bars
    "table_row": (
        "福田区 | 兴国县 |", "",
        [("table_row", ("福田区",), ("兴国县",))],
    ),
    # realset14 029 (革命老区 对口合作, a forum repost): one city and a list, each with its aside in brackets; the
    # article or the programmes' geography turns the symmetric pairs (广州 gives to 梅州 inside 广东)
    "joint_and_list": (
        "在东部地区的城市中,像上海市,和六安市(大别山革命老区)、三明市(赣闽粤原中央苏区)结对。", "",
        [("joint_and_list", ("上海市",), ("六安市",)), ("joint_and_list", ("上海市",), ("三明市",))],
    ),
    # realset3 025: the 山海协作 parks listed as 山—海 (the table reads them in the order written; the
    # programme's geography turns them round: test_events_article_pairs)
    "dash_pairs_listed": (
        "丽水加快推进莲都—义乌、龙泉—萧山、遂昌—诸暨、松阳—余姚等4个省级山海协作产业园建设。", "",
        [("dash_pair", ("龙泉市",), ("萧山区",)), ("dash_pair", ("遂昌县",), ("诸暨市",)),
         ("dash_pair", ("松阳县",), ("余姚市",)), ("dash_pairs_listed", ("莲都区",), ("义乌市",))],
    ),
    # realset4 005 (援藏, traditional)
    "counterparts_are": (
        "中共西藏自治區區委常委向巴平措介紹說,拉薩的對口省市是北京和江蘇,日喀則的對口省市是上海和山東。", "",
        [("counterparts_are", ("北京市", "江苏省"), ("拉萨市",)), ("counterparts_are", ("上海市", "山东省"), ("日喀则市",))],
    ),
    # realset4 013 (四川 省内对口帮扶, traditional)
    "by_agent_passive": (
        "涼山州鹽源縣由瀘州市江陽區負責對口幫扶。", "",
        [("by_agent_passive", ("江阳区",), ("盐源县",))],
    ),
    # realset5 030 (粤桂 adjustment, 2021, traditional): before by position, now by the new giver
    "respectively_by_agent": (
        "只是此前分別由茂名、肇慶幫扶的南寧、桂林的2市5縣調整為深圳幫扶。", "",
        [("respectively_by_agent", ("茂名市",), ("南宁市",)), ("respectively_by_agent", ("肇庆市",), ("桂林市",)),
         ("changed_to", ("深圳市",), ("南宁市", "桂林市"))],
    ),
    # realset6 024 (浙川 2017): four and four joined by 与 with no 分别 — position by position, never 16 pairs
    "joint (two lists of one length)": (
        "2017年,浙江省绍兴市越城区、台州市椒江区、金华市浦江县、衢州市江山市与四川省乐山市马边彝族自治县、"
        "峨边彝族自治县、金口河区、沐川县结成扶贫协作对口关系。", "",
        [("joint", ("越城区",), ("马边彝族自治县",)), ("joint", ("椒江区",), ("峨边彝族自治县",)),
         ("joint", ("浦江县",), ("金口河区",)), ("joint", ("江山市",), ("沐川县",))],
    ),
    # realset5 017 (沪滇 迪庆, traditional): the districts a clause describes as helping 万州 give to it
    "described_giver": (
        "迪慶州自2004年4月被確定為滇滬合作對口幫扶重點地州以來,上海市高度重視,將原對口支援重慶萬州的嘉定、寶山兩區調整為"
        "重點對口幫扶香格里拉縣、德欽縣和維西縣。", "",
        [("described_giver", ("嘉定区", "宝山区"), ("万州区",))],
    ),
    # realset6 008 (河北's own paper): 我省 unread stands before the list; 相关县区 and 开展 between list and verb
    "toward_object (对我省…相关县区开展对口帮扶)": (
        "2016年至2020年,北京市、天津市对我省张家口市、承德市、保定市相关县区开展对口帮扶。", "",
        [("toward_object", ("北京市", "天津市"), ("张家口市", "承德市", "保定市"))],
    ),
    # realset20 001 (a forum post listing the 2010 new round of 援疆, under the heading 支援地:受援地)
    "colon_line": (
        "4、上海:莎车县、泽普、叶城、巴楚。", "",
        [("colon_line", ("上海市",), (r,)) for r in ("莎车县", "泽普县", "叶城县", "巴楚县")],
    ),
    # realset24 020 (粤黔, 广州's news): the province's leader thanks 广州 for its help
    "thanks_for": (
        "时光辉代表贵州省委、省政府对广州长期以来的大力帮扶表示感谢。", "",
        [("thanks_for", ("广州市",), ("贵州省",))],
    ),
    # realset6 030 (越城 → 马边): thanks to 越城区 for its help to 马边
    "thanks_for_help_to": (
        "马边彝族自治县县长沙万强代表全县人民对越城区长期以来对马边的关心支持和倾情帮扶表示衷心的感谢。", "",
        [("thanks_for_help_to", ("越城区",), ("马边彝族自治县",))],
    ),
    # realset17 030 (宁淮 parks): each zone's place built the park in the other's county
    "zone_park": (
        "做大做强江宁开发区淮阴工业园,加快南京经济开发区涟水工业园建设进度,尽快促成南京雨花经济开发区盱眙工业园获省批准并"
        "开工建设,同时扩大共建开发区范围。", "",
        [("zone_park", ("江宁区",), ("淮阴区",)), ("zone_park", ("南京市",), ("涟水县",))],
    ),
    # realset24 025 (津甘, 兰州's counties): 援/助/扶 between each district and its county
    "one_char_pairs_listed": (
        "天津市创新实施“一区帮一县”精准帮扶机制——宝坻区援永登县、宁河区助榆中县、东丽区扶皋兰县。", "",
        [("one_char_pairs_listed", ("宝坻区",), ("永登县",)), ("one_char_pairs_listed", ("宁河区",), ("榆中县",)),
         ("one_char_pairs_listed_last", ("东丽区",), ("皋兰县",))],
    ),
    # realset20 017 (粤桂 in 深圳's news, traditional)
    "since_clause": (
        "據了解,自2016年對口幫扶廣西百色、河池以來,深圳累計投入46.65億元,其中財政資金33.13億元。", "",
        [("since_clause", ("深圳市",), ("百色市", "河池市"))],
    ),
    # realset20 017: the sentence before names the counties in full; 其中… names those 深圳 aids
    "aided_of (为甲对口帮扶的贫困县)": (
        "8個縣分別為融水苗族自治縣、三江侗族自治縣、那坡縣、樂業縣、隆林各族自治縣、羅城仫佬族自治縣、都安瑤族自治縣、"
        "大化瑤族自治縣。其中那坡、樂業、隆林、羅城、大化、都安為深圳對口幫扶的貧困縣。", "",
        [("aided_of", ("深圳市",), ("那坡县", "乐业县", "隆林各族自治县", "罗城仫佬族自治县", "大化瑶族自治县",
                                   "都安瑶族自治县"))],
    ),
    # realset25 017 (哈密's relief goods to 郑州; its title line names 哈密市): aid named by its region, 对口援疆
    "aided_of (对口援疆地区)": (
        "來自天山的問候——哈密市、新疆生產建設兵團第十三師援豫抗災物資抵鄭\n哈密是河南對口援疆地區。", "",
        [("aided_of", ("河南省",), ("哈密市",))],
    ),
    # realset26 015 (北京援藏): the receivers 包括 lists after the receiver, each under it
    "includes_list": (
        "北京市对口支援拉萨市“两区两县城”,包括城关区、堆龙德庆区、当雄县、尼木县,1995年以来,北京派出940余名北京援藏干部人才。", "",
        [("includes_list", ("北京市",), ("拉萨市", "城关区", "堆龙德庆区", "当雄县", "尼木县"))],
    ),
    # realset12 003 (a page's list of headlines, traditional): who does something for a place gives it
    "done_for": (
        "· 江蘇為地震災區綿竹市培育“造血”機能", "",
        [("done_for", ("江苏省",), ("绵竹市",))],
    ),
    # realset14 016 (北京 → 玉树): the partner city a place is named as gives to it
    "partner_city_of": (
        "2010年1月,《中共中央、国务院关于加快四川云南甘肃青海省藏区经济社会发展的意见》出台,"
        "北京市成为青海省玉树藏族自治州的对口支援城市。", "",
        [("partner_city_of", ("北京市",), ("玉树藏族自治州",))],
    ),
}
# No real sentence with two full lists joined by 分别与 was at hand: this rule is tested on a
# sentence written for it (test_respectively_pairs_lists_position_by_position) until one is.
WITHOUT_REAL_SENTENCE = {"respectively_with"}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_rule_reads_its_real_sentence(rule):
    text, title, expected = CASES[rule]
    assert read(text, title) == expected


def test_every_rule_of_the_table_has_a_real_sentence_here():
    read_by = {rule for _text, _title, expected in CASES.values() for rule, _d, _r in expected}
    assert {r.name for r in RULES} - WITHOUT_REAL_SENTENCE <= read_by


def test_respectively_pairs_lists_position_by_position():
    # Written for the rule (no real sentence with two full lists was at hand): 分别 pairs by position.
    got = read("张家港市、常熟市、昆山市分别与沿河县、思南县、碧江区结对。")
    assert got == [("respectively_with", ("张家港市", "常熟市", "昆山市")[i:i + 1], r) for i, r in
                   enumerate((("沿河土家族自治县",), ("思南县",), ("碧江区",)))]


def test_respectively_with_lists_of_different_lengths_pairs_nothing_by_position():
    assert not [p for p in read("张家港市、常熟市分别与沿河县、思南县、碧江区结对。") if p[0] == "respectively_with"]


def test_a_list_after_one_donor_gives_a_pair_per_recipient_across_semicolons():
    # 新华社 2016-12-07 on the east–west pairs (宁波日报 A16).
    text = ("调整后的东西部扶贫协作结对关系为:北京市帮扶内蒙古自治区、河北省张家口市和保定市;天津市帮扶甘肃省、"
            "河北省承德市;辽宁省大连市帮扶贵州省六盘水市。")
    got = [("、".join(d.name for d in e.donors), "、".join(r.name for r in e.recipients))
           for e in extract_events(text, doc="t")]
    assert got == [("北京市", "内蒙古自治区、张家口市、保定市"), ("天津市", "甘肃省、承德市"), ("大连市", "六盘水市")]


def test_a_list_of_counterparts_after_a_colon_receives_from_the_sentences_topic():
    # realset18 029 (十堰日报): 对口县市区分别是:… names the receivers; the cadres come from 北京市
    text = ("这10名来自北京市的干部,1名干部拟挂任十堰市委常委、副市长,另9名干部拟挂任各对口县市区政府副职"
            "(对口县市区分别是:张湾区、茅箭区、丹江口市、郧县、郧西县、竹山县、竹溪县、房县,武当山特区),挂职时间为1年。")
    got = {(d.name, r.name) for e in extract_events(text, doc="t") for d in e.donors for r in e.recipients}
    assert got == {("北京市", r) for r in ("张湾区", "茅箭区", "丹江口市", "郧阳区", "郧西县", "竹山县", "竹溪县", "房县")}


def test_a_list_of_counterparts_with_no_giver_in_its_sentence_takes_the_articles():
    # the same list, its giver named only in the sentence before
    text = ("北京市对口协作十堰市。另9名干部拟挂任各对口县市区政府副职(对口县市区分别是:张湾区、茅箭区),挂职时间为1年。")
    got = {(d.name, r.name) for e in extract_events(text, doc="t") for d in e.donors for r in e.recipients}
    assert got == {("北京市", "十堰市"), ("北京市", "张湾区"), ("北京市", "茅箭区")}


def test_a_pairing_table_written_as_lines_under_an_aid_heading():
    text = "对口支援方案如下:\n山东省—北川县\n广东省—汶川县\n"
    got = [(e.donors[0].name, e.recipients[0].name) for e in extract_events(text, doc="t")]
    assert got == [("山东省", "北川羌族自治县"), ("广东省", "汶川县")]


def test_a_pairing_table_written_as_numbered_colon_lines_under_its_heading():
    # realset20 001: each line names a giver, a colon and its receivers; an aside in brackets between lines
    # neither ends the table nor adds a pair
    text = ("新一轮对口援疆由中东部十九个省市对口支援新疆12个地州。\n支援地:受援地\n"
            "1、广东省:疏附、伽师、农十三师图木舒克市。(喀什地区,疏附县为重点)\n"
            "2、深圳:喀什市、塔什库尔干塔吉克自治县。(喀什地区,喀什市为重点)\n"
            "8、辽宁:塔城地区。\n19、河南:哈密地区;\n")
    got = [(e.donors[0].name, e.recipients[0].name) for e in extract_events(text, doc="t")
           if e.evidence[:1].isdigit()]
    assert got == [("广东省", "疏附县"), ("广东省", "伽师县"), ("广东省", "图木舒克市"), ("深圳市", "喀什市"),
                   ("深圳市", "塔什库尔干塔吉克自治县"), ("辽宁省", "塔城地区"), ("河南省", "哈密市")]


def test_colon_lines_with_no_heading_naming_aid_are_no_pair():
    assert extract_events("嘉宾名单\n1、上海:莎车县、泽普、叶城。\n", doc="t") == []


def test_a_pairing_table_with_bar_separated_cells_under_its_caption():
    # realset13 030: the caption is a line of its own, the header row names the two cities, each row a pair
    text = ("深圳市与赣州市区县结对合作安排\n深圳市 | 赣州市 |\n福田区 | 兴国县 |\n罗湖区 | 宁都县 |\n"
            "盐田区 | 南康区 |\n")
    got = [(e.donors[0].name, e.recipients[0].name) for e in extract_events(text, doc="t")]
    assert got == [("深圳市", "赣州市"), ("福田区", "兴国县"), ("罗湖区", "宁都县"), ("盐田区", "南康区")]


def test_an_aside_in_brackets_stays_with_its_place_and_the_geography_turns_the_pair():
    text = "广州市则和龙岩市(赣闽粤原中央苏区)、梅州市(赣闽粤原中央苏区)结对。"
    got = [(e.donors[0].name, e.recipients[0].name) for e in extract_events(text, doc="t")]
    assert ("广州市", "梅州市") in got and ("梅州市", "广州市") not in got


def test_bar_separated_cells_with_no_caption_naming_aid_are_no_pair():
    assert extract_events("城市对比\n北京市 | 上海市 |\n", doc="t") == []
    assert extract_events("福田区 | 兴国县 |\n", doc="t") == []


def test_a_dash_between_places_without_an_aid_heading_is_no_pair():
    assert extract_events("成都—重庆高铁今天开通。\n北京—上海\n", doc="t") == []


def test_eight_children_paired_across_two_places_is_not_the_places_pairing():
    # realset 014: the parties qualify the children, they do not pair.
    assert read("通过“京和家庭一家亲”活动,组织我区8名儿童与和田地区儿童牵手结对,进一步加深两地情谊。",
                "朝阳区对口帮扶工作重抓实事实效") == []


def test_the_chunked_sentence_keeps_its_length_and_marks_parties_verbs_and_lists():
    ntext, tokens = _tokens("近日,天津市武清区与甘肃省静宁县、泾川县签订8项合作协议。")
    c = chunk(ntext, 0, len(ntext), tokens)
    assert len(c) == len(ntext)
    assert c == "近日,Pppppp~PpppppLPppSs0项Ss协议。"


def test_a_table_rule_that_reads_nothing_makes_the_case_test_fail():
    # The per-rule cases compare whole outputs: an empty reading cannot pass for a rule's case.
    assert read("今天天气很好。") == [] != CASES["boost"][2]


def test_a_symmetric_verb_that_joins_no_two_places_pairs_nothing():
    # realset5 017 (迪庆's own paper): 开展 after 赴上海 starts an activity, it does not join 上海 and 迪庆
    assert read("州长陈建国将带领我州代表团赴上海开展迪庆香格里拉旅游文化推介和经贸合作交流活动。") == []


def test_a_corps_division_written_without_di_stands_before_its_city():
    # realset8 003 (浙江 援疆): 兵团一师阿拉尔市
    got = pairs_of("浙江支援阿克苏地区和兵团一师阿拉尔市以来,确定了“以改善和保障民生为重点”的援助思路。")
    assert got == {("浙江省", "阿克苏地区"), ("浙江省", "阿拉尔市")}


def pairs_of(text: str) -> set[tuple[str, str]]:
    return {(d.name, r.name) for e in extract_events(text, doc="t") for d in e.donors for r in e.recipients}
