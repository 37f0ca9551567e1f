"""What the map says, in Chinese and English: kinds, programmes, date bases, and its own words.

Tables keyed by language (:data:`LANGUAGES`), then by the machine value (an event kind's
``"funding"``, never a label). A value a table does not know is shown as it is, so a new kind
or date basis never breaks the map. :mod:`timeline.views.labels` builds the app's wording on these.

>>> kind_label("funding", "zh"), kind_label("funding", "en"), kind_label("new_kind", "zh")
('资金支持', 'funding', 'new_kind')
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "LANGUAGES", "DEFAULT_LANGUAGE", "KIND_LABELS", "PROGRAMME_LABELS", "BASIS_LABELS", "MAP_TEXT",
    "check_language", "kind_label", "programme_label", "basis_label", "text",
]

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

KIND_LABELS: dict[str, dict[str, str]] = {
    "zh": {"pairing_start": "启动结对", "agreement": "签署协议", "team_arrival": "工作队抵达", "funding": "资金支持",
           "park": "共建园区", "visit": "考察对接", "other": "其他"},
    "en": {"pairing_start": "pairing starts", "agreement": "agreement", "team_arrival": "team arrives",
           "funding": "funding", "park": "park", "visit": "visit", "other": "other"},
}
PROGRAMME_LABELS: dict[str, dict[str, str]] = {
    "zh": {"pairing": "对口帮扶", "east_west": "东西部协作", "tibet_aid": "援藏", "xinjiang_aid": "援疆",
           "reconstruction": "灾后重建", "enclave_park": "飞地园区", "mountain_sea": "山海协作", "other": "其他"},
    "en": {"pairing": "pairing assistance", "east_west": "east–west cooperation", "tibet_aid": "aid to Tibetan areas",
           "xinjiang_aid": "aid to Xinjiang", "reconstruction": "post-disaster reconstruction",
           "enclave_park": "enclave park", "mountain_sea": "mountain–sea cooperation", "other": "other"},
}
# How the year was found (the CSV's ``basis``). "context": the year of the paragraph around the sentence.
BASIS_LABELS: dict[str, dict[str, str]] = {
    "zh": {"stated": "文中写明", "relative": "由相对日期推算", "inferred": "推断", "context": "据上下文",
           "not_stated": "年份未载明", "corrected": "经人工更正"},
    "en": {"stated": "stated", "relative": "from a relative date", "inferred": "inferred", "context": "from context",
           "not_stated": "year not stated", "corrected": "corrected by a person"},
}
MAP_TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "year_not_stated": "年份未载明", "events": "事件", "rows": "行", "relations": "对口关系",
        "event_unit": "件", "dated": "有年份", "not_on_map": "行不在地图上", "no_coordinates": "无坐标",
        "and_more": "等另 {n} 个", "no_events": "没有可显示的事件。", "play": "播放", "pause": "暂停",
        "all_years": "全部年份", "legend": "图例", "undated_note": "虚线：年份未载明（播放时隐藏）",
        "more_events": "另有 {n} 件，见事件表", "source": "来源", "amount": "金额", "people": "人数",
        "published": "发布于", "as_donor": "作为帮扶方", "as_recipient": "作为受援方", "tiles": "在线底图（需联网）",
        "places": "地点", "kind": "类型", "yuan": "元", "speed": "速度", "year": "年",
        "corrected": "已更正：{fields}", "field_year": "年", "field_month": "月", "field_day": "日",
        "field_donor": "帮扶方", "field_recipient": "受援方", "field_kind": "类型", "field_amount_yuan": "金额",
        "field_people": "人数",
    },
    "en": {
        "year_not_stated": "year not stated", "events": "events", "rows": "rows", "relations": "relations",
        "event_unit": "events", "dated": "with a year", "not_on_map": "rows not on the map",
        "no_coordinates": "no coordinates", "and_more": "and {n} more", "no_events": "No events to map.",
        "play": "Play", "pause": "Pause", "all_years": "All years", "legend": "Legend",
        "undated_note": "dashed: year not stated (hidden while playing)",
        "more_events": "{n} more: see the events table", "source": "source", "amount": "amount", "people": "people",
        "published": "published", "as_donor": "donor in", "as_recipient": "recipient in",
        "tiles": "Web map tiles (online)", "places": "places", "kind": "kind", "yuan": "yuan", "speed": "speed",
        "year": "year",
        "corrected": "corrected: {fields}", "field_year": "year", "field_month": "month", "field_day": "day",
        "field_donor": "donor", "field_recipient": "recipient", "field_kind": "kind", "field_amount_yuan": "amount",
        "field_people": "people",
    },
}


def check_language(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGUAGES`; raises ValueError naming the choices otherwise."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    return lang


def _label(table: Mapping[str, Mapping[str, str]], value: object, lang: str) -> str:
    key = "" if value is None else str(getattr(value, "value", value))
    return table[check_language(lang)].get(key, key)


def kind_label(kind: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """An event kind's name in ``lang`` (an unknown kind as it is)."""
    return _label(KIND_LABELS, kind, lang)


def programme_label(programme: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """A programme's name in ``lang`` (an unknown one as it is; ``""`` for none)."""
    return _label(PROGRAMME_LABELS, programme, lang)


def basis_label(basis: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """How the year was found, in ``lang`` (an unknown basis as it is)."""
    return _label(BASIS_LABELS, basis, lang)


def text(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The map's word for ``key`` in ``lang``, with ``{n}``-style ``values`` filled in."""
    return MAP_TEXT[check_language(lang)][key].format(**values)
