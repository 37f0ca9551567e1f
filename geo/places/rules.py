"""Recognition rules as data: the word lists the engine in :mod:`geo.places.recognition` applies.

Each set is a closed class of the language, not a list of places:
generic heads that turn a preceding name into a smaller place or an
organisation, and the separators that join names.
"""

from __future__ import annotations

import re

__all__ = [
    "SMALLER_PLACE_HEADS",
    "ZONE_HEADS",
    "ZONE_HEADS_NOT_AFTER_PROVINCE",
    "EVENT_AFTER_NAME",
    "REBUILDING_AFTER_EVENT",
    "AREA_AFTER_EVENT",
    "GOVERNMENT_AFTER_NAME",
    "PARK_AFTER_NAMES",
    "ORG_HEAD_ENDINGS",
    "PARENT_JOINERS",
    "LIST_JOINERS",
    "COUNTED_UNITS",
    "COORDINATORS",
    "CLAUSE_BREAKS",
    "WINDOW",
    "AUTONOMOUS_ENDINGS",
    "COUNTY_SUFFIXES",
]

# Endings of official names long enough to be words on their own (阿坝藏族羌族自治州, 锡林郭勒盟).
AUTONOMOUS_ENDINGS = ("自治州", "自治县", "自治旗", "自治区", "盟", "地区")
# A short form written with one of these (马边县, 木里县) says it is a county, not an ordinary word.
COUNTY_SUFFIXES = ("县", "旗")

# A name followed by one of these words names a smaller or different place
# (格西乡, 杭州湾, 金沙村): it is not a mention of the unit.
SMALLER_PLACE_HEADS = frozenset(
    {
        "乡", "镇", "村", "街道", "社区", "组", "屯", "寨", "湾", "港", "岛", "路", "大道", "大街", "街", "巷", "桥",
        "山", "河", "江", "湖", "峡", "沟",
    }
)

# A name directly followed by one of these names a zone *inside* the unit
# (遂宁高新区, 兰州新区, 平昌县工业园区): the unit is mentioned, approximately.
# A county's short form still needs corroboration there: 河东新区 in 遂宁 is not
# 河东区 of 天津 or 临沂, unless the text names 河东区 in full.
ZONE_HEADS = (
    "高新技术产业开发区", "经济技术开发区", "经济开发区", "开发区", "高新区", "经开区", "新区",
    "工业园区", "工业园", "产业园区", "产业园", "园区", "综合保税区", "保税区", "自贸区",
)
# Zone heads that never follow a province's short form as its own zone: 河南新区
# and 河北新区 are districts "south/north of the river" in some city.
ZONE_HEADS_NOT_AFTER_PROVINCE = ("新区",)

# 苍南党政代表团, 平武县委: a name followed by its government, its leaders or its delegation is a place.
GOVERNMENT_AFTER_NAME = re.compile(
    r"(?:党政代表团|党政考察团|代表团|考察团|县委|市委|区委|州委|旗委|县政府|市政府|区政府|州政府|人民政府"
    r"|县长|市长|区长|州长)"
)
# 常熟泗洪工业园区, 张家港宿豫工业园区: two names run together into a park's name are the two partners' places.
PARK_AFTER_NAMES = re.compile(r"(?:经济开发区|工业园区|工业园|产业园区|产业园|合作园区|合作园|园区)")
# A county's short form directly followed by an earthquake named after it, as
# news names them (5·12汶川特大地震, 芦山地震发生后, 长宁6.0级地震, 舟曲特大泥石流), is a mention
# of the county with no other corroboration needed. A bare 地震 counts only
# where what follows shows an event (灾区, 发生, 周年, punctuation …), so
# 新建地震监测站 (a newly built station) is not 新建区.
EVENT_AFTER_NAME = re.compile(
    r"(?:[0-9]{1,2}(?:\.[0-9])?级)?"
    r"(?:特大地震|强烈地震|大地震|特大泥石流|泥石流"
    r"|(?:地震|强震)(?:$|(?=[^\u3400-\u9fff])"
    r"|(?=重灾|灾区|灾后|发生|后|以来|周年|遗址|纪念|遇难|伤亡|救援|期间|之后|受灾|造成|波及)))"
)
# What follows a disaster's name when the words mean the rebuilding of the place itself
# (玉树地震灾后重建 is the rebuilding of 玉树); otherwise the name is the disaster's
# (汶川地震重灾区陕西略阳县, 汶川特大地震援建者), not a mention of the place.
REBUILDING_AFTER_EVENT = ("灾后",)
# The area a disaster hit, written after its name: the name is the disaster's only where the text then names
# the place hit (汶川地震灾区四川绵竹市); 对口援建四川平武地震灾区项目 is the area of 平武 itself.
AREA_AFTER_EVENT = ("重灾区", "重灾县", "重灾市", "灾区")

# A name followed by a word ending in one of these is an organisation named
# with the place (自贡市商务局, 平昌中学): located there, marked approximate.
ORG_HEAD_ENDINGS = (
    "局", "厅", "委", "办", "院", "所", "校", "中学", "小学", "大学", "学院", "公司", "集团", "分行",
    "支行", "银行", "日报", "报", "台", "社", "分社", "中心", "政府", "办公室", "协会", "合作社",
    "医院", "部", "队", "站", "馆", "商会", "航空", "部门",
)

# What may stand between a parent and its child: 天津·和平, 自贡-平昌 (a pair, not
# a parent, unless the first encloses the second), 天津市和平区.
PARENT_JOINERS = ("", "·", "•", "・", " ", "-")

# What joins two names in a list: 乐山、凉山; 和平与会宁.
COORDINATORS = ("、", "·", "•", "・", "与", "和", "及", "-", "—", "/", " ")

# What joins the names of a list the text then counts (苍南、永嘉、平阳三县; 龙泉和萧山两地).
LIST_JOINERS = ("、", "和", "与", "及", "，", ",")
# The count that closes such a list: 三县, 4市, 两地, 4个县.
COUNTED_UNITS = re.compile(r"(?P<n>[0-9]|[一两二三四五六七八九十])个?(?P<unit>县市|市县|县区|区县|县|市|区|旗|州|盟|地|省)")

# Characters a local segmentation window never crosses.
CLAUSE_BREAKS = frozenset("，。！？；：、,.!?;:()（）《》“”\"'‘’【】[]|\n\r\t ")

# Characters of context on each side of a candidate given to the segmenter.
WINDOW = 6
