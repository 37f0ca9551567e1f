"""The programmes' vocabulary, as data: what marks an event, its kind, its direction.

Everything here is matched on normalised (simplified) text. Lists are
ordered longest first where one word contains another.
"""

from __future__ import annotations

import re

from timeline.events.model import EventKind, Programme

__all__ = [
    "DIRECTED_VERBS", "AID_WORDS", "REGION_AID_AREAS", "WATER_SOURCE_PARTNERS", "DELEGATION_WORDS", "WITHIN_PROVINCE", "NORTHEAST_RECEIVING", "EAST_PARTNERS_OF_NORTHEAST", "KIND_TRIGGERS", "KIND_ORDER", "PROGRAMME_WORDS", "LOCATION_VERBS",
    "SYMMETRIC_JOINERS", "SYMMETRIC_VERBS", "DESIGNATORS", "ORG_SUFFIXES", "REGION", "RECEIVED_HELP",
    "FROM_DONOR", "ASSIGNED_TO", "PARK_HEADS", "PARK_HEAD", "ONE_CHAR_AID", "LOCALITY", "GENERIC_LOCALITIES", "RECIPIENT_MARKERS", "TEAM_WORDS", "LIST_SEPARATORS", "GOVERNMENT_WORDS", "NOT_IN_ORG_NAMES", "ARRIVAL_VERBS",
]


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# DONOR <verb> RECIPIENT: the party right after the verb receives.
DIRECTED_VERBS = (
    "对口帮扶", "对口支援", "对口援助", "对口援建", "对口协作", "结对帮扶", "定点帮扶", "结对帮带", "结对共建",
    "协作帮扶", "帮扶协作", "扶贫协作", "东西部协作", "援助", "支援", "援建", "帮扶", "帮助", "结对", "对口", "援",
)
# Any of these in a sentence makes it a candidate for an event.
AID_WORDS = DIRECTED_VERBS + (
    "援藏", "援疆", "援青", "飞地", "共建", "受援", "受扶", "捐赠", "捐助", "捐款", "捐资", "协作", "助力", "大力支持",
    "产业转移工业园", "产业转移园", "特别合作区",  # parks a giver builds with its host (广东's 深圳(汕尾)…)
)
# The heads of a park's name after the place it stands in (淮阴工业园): what a zone's name before them builds
# (江宁开发区淮阴工业园). Longest first.
PARK_HEADS = ("工业园区", "工业园", "产业园区", "产业园", "合作园区", "园区")
PARK_HEAD = re.compile("|".join(PARK_HEADS))  # one of them, where a name ends
# One character of help between two places, as parallel pairings are written (宁河区助榆中县).
ONE_CHAR_AID = "援助扶帮"
TEAM_WORDS = ("工作队", "援藏干部", "援疆干部", "干部人才", "队员", "教师", "医生", "专家", "人才", "支教", "挂职",
              "工作组", "医疗队", "援派干部", "帮扶干部", "指挥部")

# Kind triggers: a kind applies when one of its patterns matches the sentence.
KIND_TRIGGERS: dict[EventKind, re.Pattern[str]] = {
    EventKind.PARK: re.compile(r"飞地|共建[^，,。；]{0,12}?(?:园区|产业园|工业园|示范园|园)|产业转移(?:工业)?园|特别合作区"),
    EventKind.AGREEMENT: re.compile(r"签订|签署|签约|协议|备忘录|合作框架"),
    EventKind.FUNDING: re.compile(r"投入|拨付|援助资金|帮扶资金|财政资金|捐赠|捐助|捐款|捐资|资金|投资"),
    EventKind.TEAM_ARRIVAL: re.compile(r"抵达|到达|来到|进驻|奔赴|赴任|出发|派出|选派|派遣|轮换"),
    # A pairing begins: the start word must govern a pairing word (启动对口帮扶,
    # 确定A…对口支援B, 调整到对口帮扶, 建立结对关系, 对口帮扶…以来), not any project.
    EventKind.PAIRING_START: re.compile(
        r"(?:启动|开启|开始|正式|确定|调整到|调整为|结成|建立)[^，,。；;]{0,20}?(?:对口|结对|帮扶关系|协作关系)"
        r"|(?:对口|结对)(?:帮扶|支援)[^，,。；;]{0,12}?以来|以来[^。]{0,30}?(?:对口|结对)(?:帮扶|支援)"
    ),
    EventKind.VISIT: re.compile(r"考察|调研|互访|走访|慰问|座谈|对接|交流|看望|回访|代表团|迎来"),
}
# A place's delegation: its trip or its hosts are a visit even where no aid word is written.
DELEGATION_WORDS = ("代表团", "考察团", "考察组", "调研组")
# Arriving names who came; sending (派出, 出发) counts only with a team word.
ARRIVAL_VERBS = re.compile(r"抵达|到达|来到|进驻|奔赴|赴任")
# When several kinds match a sentence, the first in this order wins.
KIND_ORDER = (
    EventKind.PARK, EventKind.AGREEMENT, EventKind.TEAM_ARRIVAL, EventKind.FUNDING, EventKind.PAIRING_START,
    EventKind.VISIT,
)

PROGRAMME_WORDS: tuple[tuple[Programme, re.Pattern[str]], ...] = (
    (Programme.ENCLAVE_PARK, re.compile(r"飞地")),
    (Programme.RECONSTRUCTION, re.compile(r"灾后|重建|地震")),
    (Programme.XINJIANG_AID, re.compile(r"援疆|对口支援新疆")),
    (Programme.TIBET_AID, re.compile(r"援藏|援青|涉藏|藏区|对口支援西藏|对口支援青海")),
    (Programme.EAST_WEST, re.compile(r"东西部|东西协作|津甘|闽宁|粤桂|沪滇|苏陕|浙川")),
    (Programme.MOUNTAIN_SEA, re.compile(r"山海协作")),
    (Programme.ENCLAVE_PARK, re.compile(r"共建[^，,。；]{0,12}?(?:园区|产业园|工业园)")),
)

# 赴/到/抵达 B: B is where the help goes.
LOCATION_VERBS = ("抵达", "到达", "来到", "进驻", "奔赴", "前往", "深入", "走进", "齐聚", "赴", "到", "在")
# A 与 B 签订/结对 …: no direction of its own; the document's pair decides.
SYMMETRIC_JOINERS = ("与", "和", "同", "跟")
SYMMETRIC_VERBS = ("签订", "签署", "签约", "建立", "开展", "结对", "结成", "共建", "携手", "一道", "合作", "协作",
                   "缔结", "举行", "召开", "互访", "交流", "对接")
# Bodies that assign aid but do not give it (省委确定A对口支援B).
DESIGNATORS = ("党中央", "中央", "国务院", "省委", "省政府", "市委", "市政府", "县委", "县政府", "区委", "区政府",
               "自治区党委", "自治区政府", "省委省政府", "组织部", "中组部")
# A named body that is not a place: 省公安厅, 省统计局, 光大银行成都分行, 成都师院.
ORG_SUFFIXES = ("厅", "委", "局", "办", "公司", "银行", "分行", "集团", "协会", "学院", "师院", "大学", "医院", "中学",
                "小学", "学校", "中心", "商会", "基金会", "研究院", "研究所", "总队", "支队", "常委会", "委员会",
                "农场", "合作社", "卫生院", "幼儿园", "供销社", "总会", "慈善会", "工作站")
# Words that cannot stand inside a body's name: 九龙就协助当地人社局 is a clause, not a body.
NOT_IN_ORG_NAMES = ("就", "在", "是", "的", "了", "将", "把", "被", "向", "从", "对", "到", "也", "都", "还", "又",
                    "协助", "帮助", "举办", "开展", "参与", "组织", "推动", "实施", "引进", "成立",
                    "挂职", "任职", "担任")  # 七星关区挂职区委常委 is a post, not a body
# A place's own government acts for the place: 道孚县委, 成都市政府 stay the place.
GOVERNMENT_WORDS = ("委", "党委", "政府", "人民政府", "县委", "市委", "区委", "州委")
# A group of places named as text: 省内藏区10个县, 5个受援县, 藏区9个县.
REGION = re.compile(
    r"(?:省内|区内|州内|市内)?(?:藏区|彝区|涉藏地区|民族地区|贫困地区|深度贫困地区|受援地区)?"
    r"[0-9一二三四五六七八九十两]{1,3}个(?:受援|贫困|藏区|彝区)?(?:县|市|区|县市|市县|区县|州|乡镇)"
)
# A township, village or community named after a direction word: 银厂湾村, 子耳乡.
# Words that only describe a village (贫困村, 示范村) are skipped.
# 助力五峰山乡…: a verb opens no village's name, and no name starts inside one.
_NOT_IN_A_VILLAGE_NAME = ("助力", "帮助", "推动", "促进", "支持", "带动", "实现", "建设", "打造", "发展")
LOCALITY = re.compile(
    r"(?![到在赴向于从自对给为与和及的了是将把被就各每该本全个一二三四五六七八九十两几0-9])"
    rf"(?!{'|'.join(_NOT_IN_A_VILLAGE_NAME)})"
    + "".join(f"(?<!{v[0]}(?={v[1]}))" for v in _NOT_IN_A_VILLAGE_NAME)
    + r"(?:(?![到在向于从的了是将把被])[\u4e00-\u9fff]){1,5}?(?:村|乡|镇|街道|社区)(?![\u4e00-\u9fff]{0,1}(?:委|长|民|干部))"
)
GENERIC_LOCALITIES = frozenset({"贫困村", "示范村", "重点村", "行政村", "各村", "该村", "本村", "全村", "乡镇", "村镇",
                                "城乡", "乡村", "农村", "各乡镇", "贫困乡", "民族乡", "建档立卡贫困村", "深度贫困村"})
# 在A的(关心、)帮助和支持下: A helped the subject (help that runs the other way).
# 在深圳市对口援建支持下, 在广东的对口援建下, 在宁波市北仑区帮扶支持下: the same with the help named straight after the
# giver.
RECEIVED_HELP = re.compile(
    r"在(?P<giver>[^，,。；]{1,30}?)(?:的|(?=对口|帮扶|帮助|援助|支援|援建|直接|大力))[^，,。；]{0,10}?"
    r"(?:帮助|支持|援助|支援|帮扶|援建)[^，,。；]{0,6}?下"
)
# 来自A的…: A sends.
FROM_DONOR = re.compile(r"来自")
# 将对口帮扶X的(光荣)使命/任务交给A: A is the donor.
ASSIGNED_TO = re.compile(r"(?:使命|任务)(?:交给|交由|赋予|落到)")
# B受援, 受援地B, 受援方B, 受扶地B.
RECIPIENT_MARKERS = ("受援", "受扶")
LIST_SEPARATORS = ("、", "和", "与", "及", "以及", ",", "，")

# Where the programmes send help, by adcode prefix: a rule of the programmes,
# used only to orient a pair the text itself leaves symmetric (A与B签订…).
# East–west cooperation: eastern provinces and cities give, western ones receive.
EAST_GIVING_PROVINCES = frozenset({"11", "12", "21", "31", "32", "33", "35", "37", "44"})
WEST_RECEIVING_PROVINCES = frozenset({"15", "22", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"})
# Tibet and Xinjiang aid, and aid to the Tibetan and Yi areas of Sichuan,
# Gansu, Qinghai and Yunnan: these receive.
AIDED_AREAS = ("54", "65", "63", "5132", "5133", "5134", "6230", "6229", "5334")
# The areas a regional aid word names as receiving: 援藏 (Tibet and the Tibetan prefectures of 四川, 云南, 甘肃 and
# 青海), 援疆, 援青.
REGION_AID_AREAS: dict[str, tuple[str, ...]] = {
    "藏": ("54", "5132", "5133", "5334", "6230", "63"), "疆": ("65",), "青": ("63",),
}
# Pairing inside one province runs from its developed part to its poorer part, by programme:
# 浙江's 山海协作 (the 26 mountain counties, all of 丽水 and 衢州, receive from the rest), 江苏's 南北挂钩
# (苏南's five cities give to 苏北's five) and 广东's 对口帮扶 (the Pearl River Delta gives to 粤东西北).
# province -> (adcode prefixes that give, or None for "every other place", prefixes that receive)
WITHIN_PROVINCE: dict[str, tuple[tuple[str, ...] | None, tuple[str, ...]]] = {
    "33": (None, (
        "3311", "3308",  # 丽水市, 衢州市 and every county of theirs
        "330324", "330326", "330327", "330328", "330329",  # 温州: 永嘉 平阳 苍南 文成 泰顺
        "330723", "330727", "331022", "331023", "331024", "330127",  # 武义 磐安 三门 天台 仙居 淳安
    )),
    "32": (("3201", "3202", "3204", "3205", "3211"),  # 南京 无锡 常州 苏州 镇江
           ("3203", "3207", "3208", "3209", "3213")),  # 徐州 连云港 淮安 盐城 宿迁
    "44": (("4401", "4403", "4404", "4406", "4407", "4412", "4413", "4419", "4420"),  # 广 深 珠 佛 江 肇 惠 莞 中
           ("4402", "4405", "4408", "4409", "4414", "4415", "4416", "4417", "4418", "4451", "4452", "4453")),
}
# 东北对口合作 (国办发〔2017〕22号): 辽宁, 吉林, 黑龙江 and their cities pair with 江苏, 浙江, 广东, 北京,
# 上海, 天津 and 深圳, who give.
NORTHEAST_RECEIVING = frozenset({"21", "22", "23"})
EAST_PARTNERS_OF_NORTHEAST = frozenset({"11", "12", "31", "32", "33", "44"})
# Beijing–Tianjin–Hebei: the two municipalities pair with and aid Hebei's counties (京津冀协同发展).
CAPITAL_GIVING_PROVINCES = frozenset({"11", "12"})
CAPITAL_RECEIVING_PROVINCES = frozenset({"13"})
# 南水北调 中线 水源区对口协作: 北京 with the source areas of 河南 (南阳) and 湖北 (十堰, 神农架), 天津 with those
# of 陕西 (汉中, 安康, 商洛); the capital cities give.
WATER_SOURCE_PARTNERS: dict[str, tuple[str, ...]] = {
    "11": ("4113", "4203", "4290"), "12": ("6107", "6109", "6110"),
}
