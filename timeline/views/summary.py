"""An event row's one-line summary, in the app's language, from the row's own fields.

The extractor stores an English ``summary`` in the timeline (the machine CSV keeps it as it is); the app
shows this one instead: the row's donor → recipient, kind, date at its precision, amount and people, in
``lang``, as they read now (a corrected donor or year shows corrected).

>>> row = {"donor": "自贡市", "recipient": "平昌县", "kind": "team_arrival", "year": 2023, "month": 7,
...        "precision": "month", "date_text": "2023年7月", "people": 30}
>>> row_summary(row, "zh")
'自贡市 → 平昌县 · 工作队抵达 · 2023年7月 · 30人'
>>> row_summary({**row, "year": None, "month": None, "date_text": "", "people": None,
...              "amount_yuan": 5_000_000, "kind": "funding"}, "zh")
'自贡市 → 平昌县 · 资金支持 · 年份未载明 · 500万元'
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from geo.map.data import date_label
from geo.map.labels import kind_label
from geo.map.romanise import pinyin_name

__all__ = ["party_label", "row_summary", "yuan_text"]

_DATE_FIELDS = {"year", "month", "day"}


def party_label(name: object, lang: str, kind: object = "place") -> str:
    """A party as the app shows it: in English a place with its pinyin after it (自贡市 Zigong); an
    organisation keeps its name (a spelled-out 省卫生计生委 helps nobody)."""
    name = "" if name is None else str(name)
    kind = getattr(kind, "value", kind)
    pinyin = pinyin_name(name) if lang == "en" and str(kind or "") != "organisation" else ""
    return f"{name} {pinyin}" if pinyin and pinyin != name else name


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def yuan_text(amount: object, lang: str) -> str:
    """An amount of yuan as a reader writes it: ``500万元``, ``14.67亿元``; ``5,000,000 yuan``; ``""`` for none."""
    value = _number(amount)
    if value is None:
        return ""
    if lang != "zh":
        return f"{value:,.0f} yuan"
    for unit, size in (("亿", 1e8), ("万", 1e4)):
        if value >= size:
            return f"{round(value / size, 4):g}{unit}元"
    return f"{value:g}元"


def _date(row: Mapping[str, object], lang: str) -> str:
    label = date_label(row, lang)  # "2016-09 · 2016年9月", "2016", "5月（年份未载明）", "年份未载明"
    if row.get("year") in (None, ""):
        return label
    iso, _, written = label.partition(" · ")
    corrected = set(str(row.get("corrected") or "").split(";"))
    return written if written and not corrected & _DATE_FIELDS else iso  # a corrected date: the text is stale


def row_summary(row: Mapping[str, object], lang: str) -> str:
    """One line a reader can scan, in ``lang``: ``自贡市 → 平昌县 · 工作队抵达 · 2023年7月 · 30人``;
    ``自贡市 Zigong → 平昌县 Pingchang · team arrives · 2023年7月 · 30 people``."""
    parts = [f"{party_label(row.get('donor'), lang, row.get('donor_kind'))} → "
             f"{party_label(row.get('recipient'), lang, row.get('recipient_kind'))}",
             kind_label(row.get("kind") or "other", lang), _date(row, lang)]
    money = yuan_text(row.get("amount_yuan"), lang)
    if money:
        parts.append(money)
    people = _number(row.get("people"))
    if people is not None:
        n = int(people)
        parts.append(f"{n}人" if lang == "zh" else f"{n:,} {'person' if n == 1 else 'people'}")
    return " · ".join(parts)
