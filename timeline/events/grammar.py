"""Direction rules as data: patterns over a chunked sentence, run by one small engine.

A sentence is first *chunked* into a string of the same length in which each
party token, aid verb and role marker is replaced by a symbol, and every other
character stays itself::

    P p…   a party (place, organisation, deixis resolved to a place)
    V v…   a directed aid verb (对口帮扶, 结对帮扶, 援建 …)
    S s…   a symmetric verb (签订, 结对, 签约, 携手 …)
    F f    分别
    L      、 between list items
    &      和 / 及 / 以及 / 暨
    ~      与 / 同 / 跟
    H h…   the builders sent (援建者, 援建队伍)
    d…     a descriptor that may stand before a party (新疆生产建设兵团第二师, 位于…的)
    e      等 closing a list

A rule (:class:`Rule`) is a regular expression over that string with a
``donor`` and a ``recipient`` group, a strength, and how the two lists pair
up (``each``: every donor with every recipient, as one pair; ``each_alone``: the
same, each pair on its own; ``respectively``: position by position, as 分别 says). :data:`RULES` is the table; :func:`grammar_pairs`
the engine. Matching is linear in the sentence: every pattern is bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from timeline.events.adcodes import related
from timeline.events.parties import Token
from timeline.events.vocabulary import DIRECTED_VERBS, ONE_CHAR_AID, PARK_HEADS, REGION_AID_AREAS, SYMMETRIC_VERBS

__all__ = ["Rule", "RULES", "chunk", "grammar_pairs", "GrammarPair"]

# A list of parties: 甲、乙和丙等; each item may open with a descriptor.
LIST = r"(?:d*Pp*(?:(?:L|&{1,2})d*Pp*){0,24}e?)"
# An item of a line listing parties: a party (or a corps division named alone, 农十四师), with a short count after it
# (阿克苏地区八县一市).
_LINE_ITEM = r"(?:d*Pp*|d+)[^,;。!?PVS:L&~]{0,6}"
# Adverbs that may stand between a party and 与 (苏州市继续与铜仁市结对); anything else there
# (8名儿童与…) makes the sides something other than the places.
_ADVERB = r"(?:继续|仍然|仍|已经|已|也|还|又|再次|正式|率先|首先|先后|积极|主动|共同)"
_GAP = r"[^,;!?:。PVS]"  # ordinary words inside one clause (no party, no verb, no clause mark)
# Aid named by the region it goes to (对口援疆), which the chunk leaves as words.
_REGION_AID = rf"(?:对口)?援[{''.join(REGION_AID_AREAS)}]"
# An item of a list 包括 opens: a party, perhaps under its unit (南阳市的淅川县).
_INCLUDED = r"(?:d*Pp*的)?d*Pp*"
# …表示衷心感谢 closing the clause: the help named before it is thanked for, and who is thanked gave it
# (对常州的援建帮助表示感谢; 向昭通市给予松江…的关心支持…表示衷心感谢): no pair is read from it.
_THANKED = r"[^,;!?:。]{0,40}?(?:表示|致以|表达)[^,;!?:。]{0,4}?(?:感谢|谢意|敬意)"


@dataclass(frozen=True)
class Rule:
    """One row of the direction table.

    ``pattern`` runs over the chunked sentence; its groups ``donor`` and
    ``recipient`` are lists of parties. ``pairing`` is ``each``, ``each_alone`` or
    ``respectively``; ``symmetric`` rules name two sides whose direction the
    article decides (A与B签订). ``example`` is the real sentence the rule was
    written for (tests run it).
    """

    name: str
    pattern: str
    strength: int  # 2 strong, 0 symmetric
    pairing: str = "each"
    example: str = ""
    needs: tuple[str, ...] = ()  # the chunk must hold one of these for the rule to be tried (speed only)
    shares_receivers: bool = False  # its receivers may be those of an earlier rule (a second giver, later)
    bare_names: bool = False  # both sides written as bare names (东营酉阳), not a full name then a word (兴山县平邑口)
    between: str = ""  # the words between the two sides must match this (which symmetric verb joins them)
    open_giver: bool = False  # with no giver in its sentence it still names the receivers; the article names the giver
    giver_is_zone: bool = False  # the giver is written as its zone (江宁开发区), not a bare name


RULES: tuple[Rule, ...] = (
    # 甲、乙、丙三区分别与丁、戊、己三县结对: position by position; 与 gives no direction (淅川县、丹江口市也
    # 分别同朝阳区、海淀区…合作: the receivers first), the article does.
    Rule("respectively_with",
         rf"(?P<donor>{LIST}){_GAP}{{0,8}}?Ff~(?P<recipient>{LIST}){_GAP}{{0,10}}?[VS]", 0, "respectively",
         "张家港市、常熟市、昆山市分别与沿河县、思南县、碧江区结对 (written for the rule)", needs=("Ff~",)),
    # 甲、乙分别对口帮扶丙、丁.
    Rule("respectively_verb",
         rf"(?P<donor>{LIST}){_GAP}{{0,10}}?FfVv*{_GAP}{{0,3}}?(?P<recipient>{LIST})", 2, "respectively",
         "青白江区11个乡镇(街道)分别结对九龙县一个乡镇并联系一个贫困村", needs=("FfV",)),
    # 此前分别由茂名、肇庆帮扶的南宁、桂林: 分别 before 由 pairs the two lists position by position.
    Rule("respectively_by_agent",
         rf"Ff由(?P<donor>{LIST}){_GAP}{{0,4}}?Vv*的?(?P<recipient>{LIST})", 2, "respectively",
         "只是此前分别由茂名、肇庆帮扶的南宁、桂林的2市5县调整为深圳帮扶", needs=("Ff由",)),
    # …南宁、桂林的2市5县调整为深圳帮扶: who the help passes to gives now.
    Rule("changed_to",
         rf"(?P<recipient>{LIST})[^,;!?:。PVS~]{{0,10}}?(?:调整为|调整由|改为|改由|交由|转由)(?P<donor>{LIST})"
         r"(?:负责)?(?:对口)?Vv*", 2, "each",
         "只是此前分别由茂名、肇庆帮扶的南宁、桂林的2市5县调整为深圳帮扶", needs=("调整", "改为", "改由", "交由", "转由"),
         shares_receivers=True),
    # 原对口支援重庆万州的嘉定、宝山两区: the places a verb's clause describes as helping X give to X.
    Rule("described_giver",
         rf"Vv*(?P<recipient>{LIST})的(?P<donor>{LIST})(?=[两三四五六七八九十0-9]*(?:区|县|市|省|省市|地)?[^PV]{{0,12}}?(?:V|S|[,;。]|$))",
         2, "each", "上海市高度重视,将原对口支援重庆万州的嘉定、宝山两区调整为重点对口帮扶香格里拉县、德钦县和维西县",
         needs=("的",)),
    # 返回石渠的成都市金牛区第五批对口支援工作队: a team of the giver, at the place it works in.
    Rule("team_at",
         rf"(?:返回|回到|进驻|扎根|奋战在|坚守在|派驻|驻)(?P<recipient>d*Pp*)的(?P<donor>d*Pp*)"
         r"(?:第[0-9一二三四五六七八九十]{1,3}批)?(?:对口支援|对口帮扶|援藏|援疆|援青|帮扶|援建|V[v]*)?"
         r"(?:工作队|工作组|干部|队员|医疗队|专家|教师|人才)", 2, "each",
         "几天前返回石渠的成都市金牛区第五批对口支援工作队,举行了今年第一次工作部署安排会",
         needs=("返回", "回到", "进驻", "扎根", "奋战在", "坚守在", "驻")),
    # 青川县(浙江省援建)、剑阁县(黑龙江省援建): the builder in brackets after the place it built.
    Rule("builder_in_brackets",
         r"(?P<recipient>Pp*)[(（](?P<donor>Pp*)(?:对口)?Vv*[)）]", 2, "each",
         "列入帮扶范围的青川县(浙江省援建)、剑阁县(黑龙江省援建)干部群众顿时欢欣鼓舞", needs=("(", "（")),
    # 自2016年对口帮扶广西百色、河池以来,深圳累计投入…: a 自/从…以来 clause with no subject of its own takes the
    # subject of the clause it opens.
    Rule("since_clause",
         rf"(?:^|(?<=[,;:。]))[^,;!?:。PVS]{{0,6}}?(?:自|从)[^,;!?:。PVS]{{0,12}}?Vv*{_GAP}{{0,3}}?(?P<recipient>{LIST})"
         rf"{_GAP}{{0,4}}?以来,(?P<donor>d*Pp*)(?![pL&~])", 2, "each",
         "据了解,自2016年对口帮扶广西百色、河池以来,深圳累计投入46.65亿元", needs=("以来",)),
    # 由甲(、乙)结对帮扶丙: the agent after 由 gives.
    Rule("by_agent",
         rf"由(?P<donor>{LIST}){_GAP}{{0,6}}?Vv*{_GAP}{{0,3}}?(?P<recipient>{LIST})", 2, "each",
         "其中由介休市、综改示范区晋中开发区结对帮扶榆社县", needs=("由",)),
    # 凉山州盐源县由泸州市江阳区负责对口帮扶: the place before 由 receives from the agent (no object after the verb).
    Rule("by_agent_passive",
         rf"(?P<recipient>{LIST}){_GAP}{{0,4}}?由(?P<donor>{LIST}){_GAP}{{0,6}}?Vv*(?=[^P,;!?:。]{{0,8}}(?:[,;!?:。]|$))",
         2, "each", "凉山州盐源县由泸州市江阳区负责对口帮扶", needs=("由",)),
    # 北京市对口支援拉萨市“两区两县城”,包括城关区、堆龙德庆区、当雄县、尼木县: the places 包括 lists after the
    # receiver are the receivers it counts; the giver helps each (an item may name its unit first: 南阳市的淅川县).
    Rule("includes_list",
         rf"(?P<donor>{LIST}){_GAP}{{0,8}}?Vv*{_GAP}{{0,3}}?(?P<recipient>{LIST}[^;。!?PVS]{{0,20}}?,?"
         rf"(?:包括|包含|涵盖|其中有)[:：]?{_INCLUDED}(?:(?:L|&{{1,2}}|,){_INCLUDED}){{0,30}}e?)", 2, "each",
         "北京市对口支援拉萨市“两区两县城”,包括城关区、堆龙德庆区、当雄县、尼木县", needs=("包括", "包含", "涵盖", "其中有")),
    # 我区对口帮扶地区为甲、乙以及丙: the aided areas are listed after 为/是.
    # 深圳于省内对口帮扶协作的部分地区(汕尾、汕头、潮州、河源): or listed in brackets after them.
    Rule("aid_area_is",
         rf"(?:(?P<donor>{LIST}){_GAP}{{0,6}}?)?(?:Vv*|对口|结对)(?:Ss)?(?:的)?(?:部分|有关|相关)?"
         rf"(?:地区|对象|县市区|县市|县区|区县|县|市|区|单位|地方)(?:Ff)?(?:就|即|也|则|都)?(?:为|是|包括|有|[(（])[:：]?"
         rf"{_GAP}{{0,4}}?(?P<recipient>{LIST})", 2, "each",
         "目前我区对口帮扶地区为内蒙古乌兰察布市卓资县、河北省保定市唐县、张家口市康保县以及新疆和田地区墨玉县等4个贫困县", needs=("为", "是", "包括", "有", "(", "（"),
         open_giver=True),
    # 乙，作为甲的对口援建县: the place 甲 aids is the one the clause is about.
    # 其中那坡、乐业…为深圳对口帮扶的贫困县: so are those it says 甲 aids.
    Rule("aided_of",
         rf"(?P<recipient>{LIST}),?(?:作为|是|成为|为|系){_GAP}{{0,2}}?(?P<donor>{LIST})的?(?:Vv*|{_REGION_AID})的?"
         r"(?:贫困|重点|深度贫困)?(?:县市区|县区|县|市|区|地区|对象|单位|地)",
         2, "each", "西藏察隅县,作为深圳的对口援建县", needs=("作为", "是", "成为", "为", "系")),
    # 北京市成为青海省玉树藏族自治州的对口支援城市: the partner city (省市, 省份) a place is named as gives to it.
    Rule("partner_city_of",
         rf"(?P<donor>{LIST}),?(?:作为|是|成为|为|系){_GAP}{{0,4}}?(?P<recipient>d*Pp*)的(?:Vv*|对口|结对)(?:省市|城市|省份|省区)",
         2, "each", "北京市成为青海省玉树藏族自治州的对口支援城市", needs=("省市", "城市", "省份", "省区")),
    # 拉萨的对口省市是北京和江苏: the partners named as the aided place's counterparts give to it.
    Rule("counterparts_are",
         rf"(?P<recipient>d*Pp*)的(?:对口|结对|援建|帮扶)(?:支援|帮扶)?(?:省市|省份|城市|省区|单位|省|市|县|区)"
         rf"(?:是|为|有)(?P<donor>{LIST})", 2, "each",
         "拉萨的对口省市是北京和江苏,日喀则的对口省市是上海和山东", needs=("对口", "结对", "援建", "帮扶")),
    # 甲…对乙展开对口帮扶 / 对乙进行帮扶和支持: the object of 对 receives the help the verb names.
    Rule("toward_object",
         rf"(?P<donor>{LIST})[^,;!?:。PVS~]{{0,24}}?对(?P<recipient>{LIST})(?:的)?"
         r"(?:相关|所属|部分|有关)?(?:县区|县市|区县|贫困县|县|区|地区)?"
         rf"(?:(?:Ss+|开展|展开|进行|实施|给予|实行|加大)?[^,;!?:。PVS]{{0,4}}?Vv*(?![vPd])"
         r"|给予[^,;!?:。PVS]{0,10}?(?:支持|帮助|扶持))"
         rf"(?!{_THANKED})", 2, "each",
         "从2018年起,天津市10家医院对甘肃省甘南藏族自治州人民医院展开对口帮扶", needs=("对",)),
    # 时光辉代表贵州省委、省政府对广州长期以来的大力帮扶表示感谢: who thanks another for its help received it
    # (not one inside what is thanked for: …对佛山市委、市政府和佛山人民对凉山的大力支持表示感谢).
    Rule("thanks_for",
         rf"(?:^|(?<=[,;:。]))[^,;!?:。对]{{0,30}}?(?P<recipient>{LIST})[^;。!?P对]{{0,16}}?"
         rf"对(?P<donor>{LIST})[^,;!?:。P]{{0,12}}?(?:Vv*|支持|帮助|关心|援助)"
         r"[^,;!?:。P]{0,8}?(?:表示|致以|表达)[^,;!?:。P]{0,4}?(?:感谢|谢意|敬意)", 2, "each",
         "时光辉代表贵州省委、省政府对广州长期以来的大力帮扶表示感谢", needs=("感谢", "谢意", "敬意")),
    # 沙万强代表全县人民对越城区长期以来对马边的关心支持和倾情帮扶表示衷心的感谢: thanks to one party for its help to another.
    Rule("thanks_for_help_to",
         rf"对(?P<donor>{LIST})[^,;!?:。对]{{0,16}}?对(?P<recipient>{LIST})的[^,;!?:。P]{{0,12}}?(?:Vv*|支持|帮助|关心|援助)"
         r"[^,;!?:。P]{0,8}?(?:表示|致以|表达)[^,;!?:。P]{0,4}?(?:感谢|谢意|敬意)", 2, "each",
         "沙万强代表全县人民对越城区长期以来对马边的关心支持和倾情帮扶表示衷心的感谢", needs=("感谢", "谢意", "敬意")),
    # 景宁畲族自治县先后得到鄞州区、温岭市…等地的对口扶持: who 得到 help receives it from the list after it.
    Rule("receives_from",
         rf"(?P<recipient>{LIST})[^,;!?:。PVS~]{{0,8}}?(?:得到|获得|受到|接受)(?P<donor>{LIST})(?:地|各地)?的"
         r"[^,;!?:。P]{0,8}?(?:Vv*|扶持|支持|帮助|援助|关心)", 2, "each",
         "景宁畲族自治县先后得到鄞州区、温岭市、海盐县、上虞区、宁海县等地的对口扶持",
         needs=("得到", "获得", "受到", "接受")),
    # 甲多年来给予乙及丙…的大力支持: who 给予 gives; the party right after it receives.
    Rule("give_to",
         rf"(?P<donor>{LIST})[^,;!?:。PVS~]{{0,8}}?给予(?P<recipient>{LIST})[^,;!?:。P]{{0,16}}?(?:支持|帮助|Vv*)"
         rf"(?!{_THANKED})", 2, "each",
         "感谢大兴区多年来给予十堰市及茅箭区经济社会发展的大力支持", needs=("给予",)),
    # 江苏为地震灾区绵竹市培育“造血”机能, 北京为十堰送来了“冬暖”: who does something for a place gives it (为 before
    # the place and a verb of giving or building after it).
    Rule("done_for",
         rf"(?P<donor>{LIST})[^,;!?:。PVS~为]{{0,8}}?为(?:[^,;!?:。PVS]{{0,6}}?)(?P<recipient>{LIST})"
         r"(?:的[^,;!?:。PVS]{0,8}?)?(?:提供|送来|送去|送上|捐赠|捐助|捐建|援建|建设|建成|修建|新建|培育|培养|培训|输送|引进|打造|解决|筹集|安排)",
         2, "each", "江蘇為地震災區綿竹市培育“造血”機能", needs=("为",)),
    # 甲总计投入资金…用于乙的帮扶工作: money a party puts in goes to the places it is used for.
    Rule("used_for",
         rf"(?P<donor>{LIST})[^,;!?:。PVS~]{{0,12}}?(?:投入|拨付|安排|筹集|捐赠|捐助)[^,;!?:。PVS]{{0,16}}?用于(?P<recipient>{LIST})",
         2, "each", "从1996年到2017年,北京总计投入资金12.64亿元用于内蒙古自治区的帮扶工作", needs=("用于",)),
    # 甲以…为突破口助力乙脱贫攻坚: 助力 directs help like an aid verb, within one clause.
    Rule("boost",
         rf"(?P<donor>{LIST})[^,;!?:。P]{{0,16}}?助力(?P<recipient>{LIST})", 2, "each",
         "扬州市以镇、村结对为突破口助力榆林市脱贫攻坚", needs=("助力",)),
    # 汶川县三江乡，…在广东援建者的巧手下变成…; 在汉源，湖北的援建者…: the builders' place gives
    # to the place the sentence is about.
    Rule("builders_of",
         rf"(?P<recipient>Pp*)[^;。!?P]{{0,30}}?(?P<donor>Pp*)的?Hh*", 2, "each",
         "距离震中映秀镇仅十公里的汶川县三江乡,不到一年就在广东援建者的巧手下变成了风景如画的水乡藏寨", needs=("H",)),
    # 南浔·广安东西部协作产业园, 秀洲—龙泉飞地产业园: two places joined into one name before a
    # programme's word name the giver first (as 京蒙 and 自贡·平昌 do).
    Rule("joined_name",
         r"(?P<donor>Pp*)(?:[·•・]|—{1,2}|-)(?P<recipient>Pp*)(?:[VS]|东西部|山海|飞地|产业园|园区|合作区|工业园)", 2, "each",
         "走进南浔·广安东西部协作产业园二期项目,工人正加紧施工抢工期", needs=("·", "•", "・", "—", "-")),
    # 深圳(汕尾)产业转移工业园: a park named giver(host) — the host in brackets after the giver.
    Rule("park_of",
         r"(?P<donor>Pp*)[(（]\s*(?P<recipient>Pp*)\s*[)）](?:产业转移工业园|产业转移园|产业园|工业园|园区|合作区|新区)", 2,
         "each", "刘玉浦书记和许宗衡市长带领深圳市党政代表团考察深圳(汕尾)产业转移工业园", needs=("(", "（")),
    # 江宁开发区淮阴工业园, 南京经济开发区涟水工业园: a zone's name run into another place's park names the park's
    # giver first, as the parks built by a city's zone in another county are named.
    Rule("zone_park",
         rf"(?<![Pp])(?P<donor>Pp*)(?P<recipient>Pp*)(?:{'|'.join(PARK_HEADS)})", 2, "each",
         "做大做强江宁开发区淮阴工业园,加快南京经济开发区涟水工业园建设进度", needs=("园",), giver_is_zone=True),
    # 东营酉阳稻田养蟹产业园: two places run together into a park's name; the article decides who gives.
    Rule("park_named_for_both",
         r"(?<![Pp])(?P<donor>Pp*)(?P<recipient>Pp*)[^,;!?:。PVS、]{0,8}?(?:产业园|工业园|园区|合作区|飞地)", 0, "each",
         "“东营酉阳稻田养蟹产业园”", needs=("园", "合作区", "飞地"), bare_names=True),
    # 深圳、汕尾两市…; 上海云南两省市: the two places named as a pair; the article decides who gives.
    Rule("the_two",
         r"(?<![PpL&])(?P<donor>d*Pp*)[L&]?(?P<recipient>d*Pp*)这?两(?:座城市|个城市|省区市|省市|省区|市县|市区|县区|县市|地市|省|市|县|区|地|州|旗|盟|座)",
         0, "each", "2008年初,深圳、汕尾两市举行了党政领导座谈会", needs=("两",)),
    # 我市与前来考察的云和县党政代表团举行座谈会: the host meets the visitors; the article decides who gives.
    Rule("meets_visitors",
         rf"(?P<donor>{LIST})~(?:专程)?(?:前来|来访|来)[^,;!?:。PVS~]{{0,6}}?的(?P<recipient>d*Pp*)"
         r"(?:党政|政府)?(?:代表团|考察团|考察组|调研组|一行)", 0, "each",
         "昨天上午,我市与前来考察的云和县党政代表团举行座谈会", needs=("来",)),
    # 宁波市镇海区迎来了凉山州金阳县东西部协作调研组: the host receives a visiting delegation; the
    # article (or the programme's geography) decides who gives.
    Rule("welcomes_delegation",
         rf"(?P<donor>{LIST})[^,;!?:。PVS~]{{0,4}}?(?:迎来了?|接待了?)(?P<recipient>d*Pp*)"
         rf"[^,;!?:。P]{{0,10}}?(?:代表团|考察团|调研组|考察组|工作组|客人|一行)", 0, "each",
         "5月12日至14日,宁波市镇海区迎来了凉山州金阳县东西部协作调研组", needs=("迎来", "接待")),
    # 甘孜州党政代表团就到了杭州市、金华市、台州市,进行考察学习: a delegation visits its hosts.
    Rule("delegation_visits",
         r"(?P<recipient>d*Pp*)(?:[^,;!?:。PVS~]{0,6}?|[^,;!?:。PVS~]{0,10}?率[^,;!?:。PVS~]{0,4}?)"
         r"(?:代表团|考察团|调研组|考察组)[^,;!?:。PVS~]{0,4}?"
         rf"(?:到了|到|赴|来到|前往|抵达|在|来)(?P<donor>{LIST})(?:,?[^;!?:。PVS]{{0,8}}?(?:考察|调研|学习|对接|交流)"
         r"|,就[^;!?:。P]{0,12}?(?:交流|座谈|对接))", 0,
         "each", "5月20至22日,甘孜州党政代表团就到了杭州市、金华市、台州市,进行考察学习",
         needs=("代表团", "考察团", "调研组", "考察组")),
    # 山东省—北川县；广东省—汶川县 (a pairing table written as lines or a list): the giver first.
    Rule("dash_pair",
         r"(?:^|(?<=[,;:。\sL|｜]))(?P<donor>Pp*)\s*(?:—{1,2}|－|–|-{1,2})\s*(?P<recipient>Pp*)(?=$|[,;。\s(（Le|｜])", 2, "each",
         "山东省—北川县;广东省—汶川县;浙江省—青川县", needs=("—", "－", "–", "-")),
    # 福田区 | 兴国县 | (a pairing table's row, its cells split by bars or a tab): the giver's column first.
    Rule("table_row",
         r"^\s*[|｜]?\s*(?P<donor>Pp*)\s*(?:[|｜]\s*|\t\s*)(?P<recipient>Pp*)\s*[|｜]?\s*$", 2, "each",
         "福田区 | 兴国县 |", needs=("|", "｜", "\t")),
    # 4、上海:莎车县、泽普、叶城、巴楚。 (a pairing table written as numbered lines, 支援地:受援地): a line that is
    # one party, a colon and a list of parties pairs the first, who gives, with each (unless the article or the
    # programmes' geography turns a pair, as for every table line).
    Rule("colon_line",
         rf"^\s*(?:0+[L.)]|[一二三四五六七八九十]+L|[(（][0一二三四五六七八九十]+[)）])?\s*(?P<donor>Pp*)\s*:\s*"
         rf"(?P<recipient>{_LINE_ITEM}(?:(?:L|&{{1,2}}|,){_LINE_ITEM}){{0,30}})[。;]?\s*$", 2, "each_alone",
         "4、上海:莎车县、泽普、叶城、巴楚。", needs=(":",)),
    # 莲都—义乌、龙泉—萧山、遂昌—诸暨…等4个山海协作产业园: a list of dashed pairs anywhere in a clause.
    Rule("dash_pairs_listed",
         r"(?P<donor>Pp*)\s*(?:—{1,2}|－|–)\s*(?P<recipient>Pp*)(?=L\s*Pp*\s*(?:—{1,2}|－|–)\s*P)", 2, "each",
         "丽水加快推进莲都—义乌、龙泉—萧山、遂昌—诸暨、松阳—余姚等4个省级山海协作产业园建设", needs=("—", "－", "–")),
    # 道里区携手深圳福田区打造…: a symmetric verb straight between two places joins them; the article decides.
    Rule("hand_in_hand",
         r"(?<![PpL&~])(?P<donor>d*Pp*)(?:继续|共同|正式)?Ss(?P<recipient>d*Pp*)", 0, "each",
         "哈尔滨新区“带土移植”深圳“飞地”,道里区携手深圳福田区打造数字经济新引擎", needs=("S",),
         between=r"(?:继续|共同|正式)?(?:携手|牵手|联手)"),
    # 城关区与榆中县、七里河区与永登县、…、西固区与红古区建立了…关系: a list of pairs, each 甲与乙; the article (or
    # the programmes' geography) decides who gives. Every pair but the last is followed by the next…
    Rule("pairs_listed_with",
         r"(?<![Pp&~])(?P<donor>d*Pp*)[~&](?P<recipient>d*Pp*)(?=Ld*Pp*[~&]d*Pp*)", 0, "each",
         "今年城关区与榆中县、七里河区与永登县、安宁区与皋兰县、西固区与红古区建立了对口劳务协作关系", needs=("~", "&")),
    # …and the last follows one.
    Rule("pairs_listed_with_last",
         r"(?<=[~&])d*Pp*L(?P<donor>d*Pp*)[~&](?P<recipient>d*Pp*)(?![pL&~])", 0, "each",
         "今年城关区与榆中县、七里河区与永登县、安宁区与皋兰县、西固区与红古区建立了对口劳务协作关系", needs=("~", "&")),
    # 宝坻区援永登县、宁河区助榆中县、东丽区扶皋兰县: a list of pairs, each a giver, one character of help
    # and its receiver. Every pair but the last is followed by the next…
    Rule("one_char_pairs_listed",
         rf"(?<![Pp&~])(?P<donor>d*Pp*)[{ONE_CHAR_AID}](?P<recipient>d*Pp*)(?=Ld*Pp*[{ONE_CHAR_AID}]d*Pp*)", 2, "each",
         "天津市创新实施“一区帮一县”精准帮扶机制——宝坻区援永登县、宁河区助榆中县、东丽区扶皋兰县",
         needs=tuple(ONE_CHAR_AID)),
    # …and the last follows one.
    Rule("one_char_pairs_listed_last",
         rf"(?<=[{ONE_CHAR_AID}])d*Pp*L(?P<donor>d*Pp*)[{ONE_CHAR_AID}](?P<recipient>d*Pp*)(?![pL&~])", 2, "each",
         "天津市创新实施“一区帮一县”精准帮扶机制——宝坻区援永登县、宁河区助榆中县、东丽区扶皋兰县",
         needs=tuple(ONE_CHAR_AID)),
    # 甲与乙、丙签订…协议 / 甲、乙与丙结对: two sides, direction from the article.
    Rule("joint",
         rf"(?P<donor>{LIST}){_ADVERB}?~(?P<recipient>{LIST})[^,;!?。PV]{{0,24}}?[VS]", 0, "each",
         "近日,天津市武清区与甘肃省静宁县、泾川县签订8项合作协议", needs=("~",)),
    # 上海市,和六安市(大别山革命老区)、三明市(…)结对: one party and a list joined by 和 before a pairing verb;
    # the article (or the programmes' geography) decides who gives. Not 甲和乙、丙三方四地签订 (parties counted
    # before the verb sign together).
    Rule("joint_and_list",
         rf"(?<![PpL&])(?P<donor>d*Pp*),?(?:则|也|还|又)?&(?P<recipient>d*Pp*(?:Ld*Pp*){{1,24}})(?![pL&])[^,;!?:。PVS0一二三四五六七八九十两多]{{0,4}}?[VS]",
         0, "each", "像上海市,和六安市(大别山革命老区)、三明市(赣闽粤原中央苏区)结对", needs=("&",)),
    # 甲政府和乙…签约: two parties joined by 和 before a signing or pairing verb.
    Rule("joint_and",
         rf"(?<![PpL&])(?P<donor>d*Pp*)&(?P<recipient>d*Pp*)(?![pL&]){_GAP}{{0,24}}?[VS]", 0, "each",
         "近日,保定市政府和新疆生产建设兵团第二师铁门关市就乡村振兴结对帮扶工作签约", needs=("&",)),
)

_ZONE_HEADS = ("开发区", "高新区", "经开区", "新区")
# A party's own government acts for it: 保定市政府, 华池县委.
_GOVERNMENT = re.compile(r"(?:人民政府|政府|党委|县委|市委|区委|州委|旗委)")
# What may stand before a party without ending a list: a corps division, a located-at phrase,
# a functional area's name (综改示范区).
_DESCRIPTOR = (
    r"新疆生产建设兵团(?:第?[一二三四五六七八九十]{1,3}师)?|兵团第?[一二三四五六七八九十]{1,3}师|农[一二三四五六七八九十]{1,3}师"
    r"|位于[^,;。、与和]{1,12}?的|(?<![\u4e00-\u9fff])综改示范区|(?:示范区|试验区|实验区)|我省|我市|我区|我州"
)
_VERBS = "|".join(sorted(set(DIRECTED_VERBS) - {"援", "对口", "帮助"}, key=len, reverse=True))
_SYM = "|".join(sorted(set(SYMMETRIC_VERBS) | {"签约", "签署", "签订"}, key=len, reverse=True))
# Those who came to build: their place is the giver.
_HELPERS = r"援建者|援建队伍|援建干部|援建人员|援建大军|援建单位|援建队"
_SEPARATORS = {"、": "L", "和": "&", "及": "&", "暨": "&", "与": "~", "同": "~", "跟": "~", "等": "e"}
# Every other character stays itself, but for ASCII letters and digits (0): symbols are ASCII letters.
_PLAIN_SYMBOLS = re.compile("[0-9A-Za-z" + "".join(_SEPARATORS) + "]")
# One pass marks them all; at a position the first alternative that matches wins.
_FIRST = "".join(sorted({w[0] for w in (_VERBS + "|" + _SYM + "|" + _HELPERS).split("|")} | set("新兵农位综示试实分我")))
_MARKS = re.compile(  # the lookahead rejects most positions at their first character
    f"(?=[{_FIRST}])(?:(?P<d>{_DESCRIPTOR})|(?P<H>{_HELPERS})|(?P<F>分别)|(?P<V>{_VERBS})|(?P<S>{_SYM}))"
)
_TAILS = {"d": "d", "H": "h", "F": "f", "V": "v", "S": "s"}
_ASIDE = re.compile(r"[(（][^()（）,，。;；]{1,20}[)）]")
_HAN_BEFORE_AREA = 4  # characters of a functional area's name before 示范区 (综改示范区)


def chunk(text: str, s: int, e: int, tokens: list[Token]) -> str:
    """The chunked form of ``text[s:e]`` (see module docs); same length as the sentence."""
    out = list(text[s:e])
    for m in _PLAIN_SYMBOLS.finditer(text, s, e):
        out[m.start() - s] = "0" if m[0].isascii() else _SEPARATORS[m[0]]
    for m in re.finditer("以及", text[s:e]):
        out[m.start():m.end()] = "&&"
    taken = bytearray(e - s)

    def mark(a: int, b: int, head: str, tail: str) -> None:
        a, b = a - s, b - s
        if taken.find(1, a, b) >= 0:
            return
        out[a] = head
        out[a + 1:b] = tail * (b - a - 1)
        taken[a:b] = b"\x01" * (b - a)

    inside = [t for t in tokens if s <= t.start and t.end <= e]
    starts = sorted(t.start for t in inside)
    for t in inside:
        gov = _GOVERNMENT.match(text, t.end, e)
        end = gov.end() if gov else t.end
        # 六安市(大别山革命老区)、三明市(…): an aside in brackets that names no party stays with the party it follows
        aside = _ASIDE.match(text, end, e)
        if aside and bisect_left(starts, aside.start()) == bisect_left(starts, aside.end()):
            end = aside.end()
        mark(t.start, end, "P", "p")
    for m in _MARKS.finditer(text, s, e):
        head = m.lastgroup
        a = m.start()
        if head == "d" and m[0] in ("示范区", "试验区", "实验区"):
            while a > s and m.start() - a < _HAN_BEFORE_AREA and "\u4e00" <= text[a - 1] <= "\u9fff" and not taken[a - 1 - s]:
                a -= 1
        mark(a, m.end(), "d" if head == "d" else head, _TAILS[head])
    return "".join(out)


@dataclass
class GrammarPair:
    donors: list[Token]
    recipients: list[Token]
    strength: int
    rule: str


_UNIT_SUFFIXES = ("省", "市", "县", "区", "州", "旗", "盟")


def _written_with_suffix(t: Token) -> bool:
    """兴山县 (its name with the unit's suffix), not 徐州 (a bare name that ends in 州 itself)."""
    mention = t.party.mention or ""
    return mention.endswith(_UNIT_SUFFIXES) and (mention == t.party.name or len(mention) >= 3)
_COMPILED = tuple((r, re.compile(r.pattern)) for r in RULES)


def _parties(span: tuple[int, int], s: int, starts: dict[int, Token]) -> list[Token]:
    return [starts[k] for k in range(span[0] + s, span[1] + s) if k in starts]


def grammar_pairs(text: str, s: int, e: int, tokens: list[Token]) -> list[GrammarPair]:
    """Every pair the table's rules read in sentence ``text[s:e]``; each party is claimed once, first rule first."""
    if len(tokens) < 2:  # every rule pairs two parties of the sentence
        return []
    starts = {t.start: t for t in tokens if s <= t.start and t.end <= e}
    if len(starts) < 2:
        return []
    chunked = chunk(text, s, e, tokens)
    claimed: set[int] = set()
    out: list[GrammarPair] = []
    for rule, regex in _COMPILED:
        if rule.needs and not any(n in chunked for n in rule.needs):
            continue
        for m in regex.finditer(chunked):
            donors = _parties(m.span("donor"), s, starts) if m.start("donor") >= 0 else []
            if not donors and out and out[-1].strength:
                # …，对口协作地区为丙: a clause with no subject continues the last one's.
                donors = list(out[-1].donors)
                claimed.difference_update(id(t) for t in donors)
            recipients = _parties(m.span("recipient"), s, starts)
            if not donors and rule.open_giver and recipients and not any(id(t) in claimed for t in recipients):
                # 这10名来自北京市的干部…(对口县市区分别是:张湾区、茅箭区…): the sentence's topic gives, when it is
                # no place of the receivers' line; else who gives is left for the article to say (assembly).
                topic = starts[min(starts)]
                if topic.start < recipients[0].start and not any(related(topic.party.adcode, r.party.adcode)
                                                                 for r in recipients):
                    donors = [topic]
                else:
                    claimed.update(id(t) for t in recipients)
                    out.append(GrammarPair([], recipients, rule.strength, rule.name))
                    continue
            if not donors or not recipients or any(
                    id(t) in claimed for t in (donors if rule.shares_receivers else donors + recipients)):
                continue
            if rule.between and not re.fullmatch(rule.between, text[donors[-1].end:recipients[0].start].strip()):
                continue  # 赴上海开展迪庆…推介: 开展 joins no two places
            if rule.giver_is_zone and not all(text[t.start:t.end].endswith(_ZONE_HEADS) for t in donors):
                continue
            if rule.bare_names and any(_written_with_suffix(t) for t in donors + recipients):
                continue  # 兴山县平邑口工业园区: a county, then a word inside the park's name, not two partners
            if rule.pairing == "respectively":
                if len(donors) != len(recipients):
                    continue
                pairs = [([d], [r]) for d, r in zip(donors, recipients)]
            elif rule.strength == 0 and len(donors) == len(recipients) > 1:
                # 越城区、椒江区、浦江县、江山市与马边、峨边、金口河、沐川结成…关系: two lists of one length
                # joined by 与 pair position by position, as official lists of pairings are written.
                pairs = [([d], [r]) for d, r in zip(donors, recipients)]
            elif rule.strength == 0 or rule.pairing == "each_alone":
                pairs = [([d], [r]) for d in donors for r in recipients]
            else:
                pairs = [(donors, recipients)]
            claimed.update(id(t) for t in donors + recipients)
            out += [GrammarPair(d, r, rule.strength, rule.name) for d, r in pairs]
    return out
