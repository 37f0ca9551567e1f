"""Recognition rules as data: the word lists the engine in :mod:`geo.recognition` applies.

Each set is a closed class of the language, not a list of places:
generic heads that turn a preceding name into a smaller place or an
organisation, and the separators that join names.
"""

from __future__ import annotations

__all__ = [
    "SMALLER_PLACE_HEADS",
    "ORG_HEAD_ENDINGS",
    "PARENT_JOINERS",
    "COORDINATORS",
    "CLAUSE_BREAKS",
    "WINDOW",
]

# A name followed by one of these words names a smaller or different place
# (格西乡, 杭州湾, 河东新区, 金沙村): it is not a mention of the unit.
SMALLER_PLACE_HEADS = frozenset(
    {
        "乡", "镇", "村", "街道", "社区", "组", "屯", "寨", "湾", "港", "岛", "路", "街", "巷", "桥",
        "新区", "开发区", "园区", "高新区", "工业园", "工业园区", "山", "河", "江", "湖", "峡", "沟",
    }
)

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

# Characters a local segmentation window never crosses.
CLAUSE_BREAKS = frozenset("，。！？；：、,.!?;:()（）《》“”\"'‘’【】[]|\n\r\t ")

# Characters of context on each side of a candidate given to the segmenter.
WINDOW = 6
