"""The map for presentations: one standalone HTML file that fills the window and plays offline, with a
title, what the filters were, the list of sources and the export date (a panel at the top left).

The export date is passed in (no hidden clock); everything from the articles is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping

from geo.map.data import build_map_data
from geo.map.labels import kind_label, programme_label
from geo.map.render import render_map
from timeline.views.filters import Filters
from timeline.views.labels import ui

__all__ = ["describe_filters", "about_html", "presentation_page"]

_WORDS = {
    "zh": {"exported": "导出日期", "filters": "筛选条件", "none": "无（全部事件）", "years": "年份",
           "undated_kept": "保留年份未载明的事件", "kinds": "类型", "programmes": "项目", "donor": "帮扶方所在省",
           "recipient": "受援方所在省", "search": "搜索", "picked": "选中的事件", "sources": "来源",
           "counts": "{events} 件事件（{rows} 行）", "sep": "；", "list": "、"},
    "en": {"exported": "Exported", "filters": "Filters", "none": "none (every event)", "years": "years",
           "undated_kept": "events with no year kept", "kinds": "kinds", "programmes": "programmes",
           "donor": "donor province", "recipient": "recipient province", "search": "search",
           "picked": "events picked", "sources": "Sources", "counts": "{events} events ({rows} rows)",
           "sep": "; ", "list": ", "},
}


def _province_name(code: str) -> str:
    from geo import load_gazetteer  # lazily, as timeline.views.filters.province_options does

    places = load_gazetteer().places
    return places[code].name if code in places else code


def describe_filters(filters: Filters, lang: str, *, brushed: tuple[int, int] | None = None) -> str:
    """The filters in words, in ``lang`` (plain text): what a presentation shows."""
    w = _WORDS[lang]
    parts = []
    years = brushed or filters.years
    if years:
        parts.append(f"{w['years']} {years[0]}–{years[1]}")
    if filters.include_undated and years:
        parts.append(w["undated_kept"])
    if filters.kinds:
        parts.append(f"{w['kinds']}: " + w["list"].join(sorted(kind_label(k, lang) for k in filters.kinds)))
    if filters.programmes:
        parts.append(f"{w['programmes']}: "
                     + w["list"].join(sorted(programme_label(p, lang) for p in filters.programmes)))
    for side in ("donor", "recipient"):
        code = getattr(filters, f"{side}_province")
        if code:
            parts.append(f"{w[side]}: {_province_name(code)}")
    if filters.search.strip():
        parts.append(f"{w['search']}: “{filters.search.strip()}”")
    if filters.event_ids:
        parts.append(f"{w['picked']}: {len(filters.event_ids)}")
    return w["sep"].join(parts) if parts else w["none"]


def about_html(rows: Iterable[Mapping[str, object]], filters: Filters, sources: Mapping[str, Mapping[str, object]],
               *, lang: str, exported: dt.date, brushed: tuple[int, int] | None = None) -> str:
    """The presentation's panel as escaped HTML: title, counts, filters, export date, sources."""
    w, e = _WORDS[lang], lambda v: html.escape(str(v), quote=True)
    rows = list(rows)
    docs = sorted({str(r.get("doc") or "") for r in rows} - {""})
    items = []
    for doc in docs:
        info = sources.get(doc) or {}
        title, url = str(info.get("title") or doc), str(info.get("url") or "")
        published = f" · {e(info['published'])}" if info.get("published") else ""
        link = (f'<a href="{e(url)}" target="_blank" rel="noopener noreferrer">{e(title)}</a>'
                if url.startswith(("https://", "http://")) else e(title))
        items.append(f"<li>{link}{published}</li>")
    counts = w["counts"].format(events=len({r.get("event_id") for r in rows}), rows=len(rows))
    return (f'<details open><summary>{e(ui("title", lang))}</summary>'
            f'<h1>{e(ui("title", lang))}</h1><div>{e(counts)}</div>'
            f'<div><b>{e(w["filters"])}</b>: {e(describe_filters(filters, lang, brushed=brushed))}</div>'
            f'<div><b>{e(w["exported"])}</b>: {exported.isoformat()}</div>'
            f'<details><summary>{e(w["sources"])} ({len(docs)})</summary><ul>{"".join(items)}</ul></details>'
            "</details>")


def presentation_page(rows: Iterable[Mapping[str, object]], filters: Filters,
                      sources: Mapping[str, Mapping[str, object]], *, lang: str, exported: dt.date,
                      brushed: tuple[int, int] | None = None) -> str:
    """The standalone HTML map of ``rows`` for a presentation (see the module docs).

    Raises :class:`geo.errors.MapAssetsMissingError` when the npm packages it inlines are not installed.
    """
    rows = list(rows)
    data = build_map_data(rows, sources=sources, lang=lang)
    return render_map(data, standalone=True, height=None, lang=lang, title=ui("title", lang),
                      about_html=about_html(rows, filters, sources, lang=lang, exported=exported, brushed=brushed))
