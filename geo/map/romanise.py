"""Place names in pinyin for the English interface: 自贡市 → Zigong, 凉山彝族自治州 → Liangshan.

A name loses its administrative suffix (the table :data:`SUFFIXES`, longest first), then is written
in toneless pinyin with a capital. The one official exception to plain Hanyu Pinyin for a
province-level name, 陕西 *Shaanxi* (to tell it from 山西 *Shanxi*), is a row of :data:`SPELLINGS`.

>>> pinyin_name("自贡市")
'Zigong'
>>> pinyin_name("陕西省")
'Shaanxi'
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["SUFFIXES", "ETHNIC_GROUPS", "SPELLINGS", "base_name", "pinyin_name"]

# Longest first: "自治州" must win over "州". An ethnic autonomous unit's ethnic names go with it.
SUFFIXES = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区", "新区",
    "林区", "省", "市", "盟", "县", "区", "旗",
)
# The ethnic groups whose names an autonomous unit's name carries before 自治州/自治县 (凉山彝族自治州).
ETHNIC_GROUPS = tuple(sorted((
    "壮 回 满 维吾尔 苗 彝 土家 藏 蒙古 侗 布依 瑶 白 朝鲜 哈尼 黎 哈萨克 傣 畲 傈僳 东乡 仡佬 拉祜 佤 水 纳西 羌 土 "
    "仫佬 锡伯 柯尔克孜 景颇 达斡尔 撒拉 布朗 毛南 塔吉克 普米 阿昌 怒 鄂温克 京 基诺 德昂 保安 俄罗斯 裕固 "
    "乌孜别克 门巴 鄂伦春 独龙 赫哲 高山 珞巴 塔塔尔 各").split(), key=len, reverse=True))
# Official spellings that differ from plain toneless pinyin.
SPELLINGS = {"陕西": "Shaanxi"}


def base_name(name: str) -> str:
    """``name`` without its administrative suffix (and the ethnic names of an autonomous unit)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                stem = _strip_ethnic(stem)
            return stem
    return name


def _strip_ethnic(stem: str) -> str:
    while stem.endswith("族"):
        group = next((g for g in ETHNIC_GROUPS if stem[:-1].endswith(g) and len(stem) - 1 - len(g) >= 2), None)
        if group is None:
            break
        stem = stem[: -1 - len(group)]
    return stem


@lru_cache(maxsize=8192)
def pinyin_name(name: str) -> str:
    """``name`` in toneless pinyin, suffix dropped, first letter capital (``""`` for ``""``)."""
    if not name:
        return ""
    stem = base_name(name)
    if stem in SPELLINGS:
        return SPELLINGS[stem]
    from pypinyin import lazy_pinyin  # loaded on first use: its dictionaries take a moment

    text = "".join(lazy_pinyin(stem))
    return text[:1].upper() + text[1:]
