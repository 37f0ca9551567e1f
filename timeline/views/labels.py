"""The app's words in Chinese and English, and the language to start in.

Kinds, programmes and date bases come from :mod:`geo.map.labels` (the map says the same); this
module adds the app's own wording (:data:`UI`), the table's and the CSV's column headers
(:data:`COLUMN_LABELS`, machine names stay the keys) and :func:`language_of` (the browser's
locale → ``"zh"`` or ``"en"``).

>>> language_of("en-GB"), language_of("zh-TW"), language_of(None)
('en', 'zh', 'zh')
>>> ui("events", "en")
'Events'
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.map.labels import (
    DEFAULT_LANGUAGE, LANGUAGES, basis_label, check_language, kind_label, programme_label,
)

__all__ = [
    "LANGUAGES", "DEFAULT_LANGUAGE", "LANGUAGE_NAMES", "UI", "COLUMN_LABELS", "language_of", "ui", "column_label", "header_aliases",
    "kind_label", "programme_label", "basis_label", "header_row",
]

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}

UI: dict[str, dict[str, str]] = {
    "zh": {
        "title": "对口帮扶地图", "language": "语言 / Language",
        "intro": "从新闻报道中读出的对口帮扶关系：谁帮扶谁、何时、做了什么，每件事都附原文证据。"
                 "原文没有写明年份的事件单列为“年份未载明”，绝不猜测年份。",
        "reading_seeds": "正在读取示例文章…", "seeds": "读取示例文章", "filters": "筛选",
        "years": "年份", "keep_undated": "设定年份范围时仍保留“年份未载明”",
        "keep_undated_help": "年份范围只显示这些年份的事件；勾选后，原文未写年份的事件也一并保留。",
        "kinds": "事件类型", "all_kinds": "全部类型", "programmes": "项目", "all_programmes": "全部项目",
        "donor_province": "帮扶方所在省", "recipient_province": "受援方所在省", "any": "不限",
        "search": "搜索（简体、繁体、拼音或省名）", "add_articles": "添加文章",
        "upload": "上传 .txt 或 .html 文件", "paste": "…或粘贴文章正文", "paste_button": "添加粘贴的文本",
        "reading_uploads": "正在读取上传的文章…", "read_file": "已读取 {name}（{i}/{n}）", "uploads": "读取上传文件",
        "adding_paste": "添加粘贴的文本", "pasted": "已添加粘贴的文本：{n} 件事件。", "pasted_saved": "已添加粘贴的文本：{message}",
        "events": "事件", "events_help": "从文章中读出的事件；表格和 CSV 中共 {rows} 行（每个事件 × 帮扶方 × 受援方一行）。",
        "dated": "有年份", "dated_help": "原文写明年份的事件。",
        "undated": "年份未载明", "undated_help": "原文没有写明年份的事件：单列显示，绝不赋予年份。",
        "not_on_map": "不在地图上", "not_on_map_help": "有一方没有坐标的行（机构、村、一组县）：只在表格和 CSV 中。",
        "map": "地图", "drawing_map": "绘制地图", "building_map": "生成地图数据", "timeline": "时间线",
        "drawing_timeline": "绘制时间线",
        "timeline_help": "点击一个事件查看证据并只在地图上显示它；沿年份拖动选择范围；双击清除。",
        "no_match": "没有符合筛选条件的事件。请在侧栏放宽条件。", "timeline_selection": "读取时间线选择",
        "table": "事件表（{events} 件事件，{rows} 行）", "evidence": "证据",
        "evidence_help": "点击时间线上的事件或表格中的一行，在此阅读证据。点击地图上的连线查看该关系的全部事件。",
        "no_article": "原文已不在当前文章中。", "showing_evidence": "显示证据", "whole_article": "全文",
        "selected_on_map": "地图显示所选的 {n} 行（共 {total} 行）；清除选择可看全部。",
        "table_page": "表格页码（共 {pages} 页，按日期排列）",
        "downloads": "下载当前显示的内容", "csv": "事件（CSV，中文表头）", "csv_machine": "事件（CSV，英文列名）",
        "html": "演示用地图（HTML）", "geojson": "对口关系（GeoJSON）", "preparing_html": "准备独立地图",
        "prepare": "准备下载文件", "listing_provinces": "列出省份", "reading_filters": "读取筛选条件",
        "unexpected": "{what}意外失败（{kind}: {err}）。请报告此问题。",
        "published": "发布于 {date}", "published_how": "（{how}）", "no_date": "发布日期不详", "file": "文件：{doc}",
        "library": "文库：文章与发布日期", "library_empty": "文库是空的：上传文章，或运行 `python -m timeline library add PATH`。",
        "document": "文章", "publication_date": "发布日期", "publication_date_help": "只写月日或相对日期（今年、去年）的事件据此定年。",
        "doc_title": "标题", "save": "保存", "remove": "移除",
        "corrections": "更正", "edit_mode": "编辑模式：更正表中的事件",
        "edit_help": "改年、月、日、帮扶方、受援方（写地名；同名地方请在代码栏写行政区划代码）、类型、金额、人数，"
                     "或勾选“不是事件”。更正保存在文库中，重新读取文章后仍然有效。",
        "correction_note": "更正说明（随每条更正保存）", "correction_author": "更正人", "preview_changes": "检查更正",
        "apply_corrections": "应用这些更正", "no_changes": "没有要更正的内容：所有单元格都与当前值相同。",
        "upload_corrections": "上传编辑过的事件 CSV",
        "upload_corrections_help": "下载的事件 CSV（中文或英文表头，UTF-8 或 GBK），在 Excel 中修改后上传；"
                                   "“状态”栏写 not_an_event 删除该行。",
        "unmatched": "未匹配的行", "corrections_applied": "已应用 {n} 条更正；{unmatched} 行没有匹配的事件。",
        "corrections_preview": "将更改以下内容（应用前不会保存）：", "audit": "更正记录",
        "audit_doc": "只看这篇文章", "all_documents": "全部文章", "undo": "撤销所选更正", "undo_pick": "要撤销的更正",
        "correction_undone": "已撤销：{event} 的{field}恢复为 {value}。", "orphaned": "孤立（新的提取不再找到该事件）",
        "state_active": "有效", "state_undone": "已撤销", "not_an_event": "不是事件", "yes": "是", "no": "否",
        "no_corrections": "文库中还没有更正。", "checking_corrections": "检查更正",
        "audit_columns": "编号,文章,事件编号,字段,原值,新值,说明,更正人,时间,状态",
    },
    "en": {
        "title": "Pairing Atlas", "language": "语言 / Language",
        "intro": "Donor → recipient pairing assistance read from news articles: who helps whom, when, and what, "
                 "each with its evidence. Events whose text states no year are shown apart, never at a guessed year.",
        "reading_seeds": "Reading the seed articles…", "seeds": "Reading the seed articles", "filters": "Filters",
        "years": "Years", "keep_undated": "Keep “year not stated” with a year range",
        "keep_undated_help": "A year range shows the events of those years; tick to keep the events whose text "
                             "states no year as well.",
        "kinds": "Kinds", "all_kinds": "All kinds", "programmes": "Programmes", "all_programmes": "All programmes",
        "donor_province": "Donor province", "recipient_province": "Recipient province", "any": "Any",
        "search": "Search (simplified, traditional, pinyin or a province)", "add_articles": "Add articles",
        "upload": "Upload .txt or .html files", "paste": "…or paste an article's text",
        "paste_button": "Add the pasted text", "reading_uploads": "Reading the uploaded articles…",
        "read_file": "Read {name} ({i} of {n})", "uploads": "Reading the uploads", "adding_paste": "Adding the pasted text",
        "pasted": "Added the pasted text: {n} events.", "pasted_saved": "Added the pasted text: {message}",
        "events": "Events", "events_help": "Events read from the articles; {rows} rows in the table and the CSV "
                                           "(one per event, donor and recipient).",
        "dated": "Dated", "dated_help": "Events whose text states the year.",
        "undated": "Year not stated", "undated_help": "Events whose text states no year: kept apart, never given one.",
        "not_on_map": "Not on the map", "not_on_map_help": "Rows with a party that has no coordinates (an organisation, "
                                                           "a village, a group of counties): in the table and the CSV only.",
        "map": "Map", "drawing_map": "Drawing the map", "building_map": "Building the map", "timeline": "Timeline",
        "drawing_timeline": "Drawing the timeline",
        "timeline_help": "Click an event to read its evidence and show it alone on the map; drag along the years to "
                         "pick a range; double-click to clear.",
        "no_match": "No events match these filters. Loosen them in the sidebar.",
        "timeline_selection": "Reading the timeline selection",
        "table": "Events table ({events} events, {rows} rows)", "evidence": "Evidence",
        "evidence_help": "Click an event on the timeline or a row of the table to read its evidence here. Click a "
                         "line on the map for every event of that relation.",
        "no_article": "Its article is no longer loaded.", "showing_evidence": "Showing the evidence",
        "whole_article": "The whole article",
        "selected_on_map": "The map shows the {n} selected rows of {total}; clear the selection to see all.",
        "table_page": "Table page (of {pages}, in date order)",
        "downloads": "Download what is shown", "csv": "Events (CSV, English headers)",
        "csv_machine": "Events (CSV, machine column names)", "html": "Map for presentations (HTML)",
        "geojson": "Relations (GeoJSON)", "preparing_html": "Preparing the standalone map",
        "prepare": "Prepare the downloads", "listing_provinces": "Listing the provinces",
        "reading_filters": "Reading the filters",
        "unexpected": "{what} failed unexpectedly ({kind}: {err}). Please report this.",
        "published": "Published {date}", "published_how": " ({how})", "no_date": "Publication date unknown",
        "file": "File: {doc}",
        "library": "Library: documents, publication dates",
        "library_empty": "The library is empty: upload articles or run `python -m timeline library add PATH`.",
        "document": "Document", "publication_date": "Publication date",
        "publication_date_help": "Month-day and relative dates (今年, 去年) get their year from it.",
        "doc_title": "Title", "save": "Save", "remove": "Remove",
        "corrections": "Corrections", "edit_mode": "Edit mode: correct the events in the table",
        "edit_help": "Change year, month, day, donor, recipient (type a place name; for a name several places "
                     "share, write its adcode), kind, amount, people, or tick “not an event”. Corrections are kept "
                     "in the library and hold when the article is read again.",
        "correction_note": "Note (kept with each correction)", "correction_author": "Your name", "preview_changes": "Check the corrections",
        "apply_corrections": "Apply these corrections",
        "no_changes": "Nothing to correct: every cell equals its current value.",
        "upload_corrections": "Upload an edited events CSV",
        "upload_corrections_help": "The events CSV you downloaded (Chinese or English headers, UTF-8 or GBK), edited "
                                   "in Excel; write not_an_event in a “status” column to remove a row.",
        "unmatched": "Unmatched row", "corrections_applied": "Applied {n} corrections; {unmatched} rows matched no event.",
        "corrections_preview": "These changes will be made (nothing is saved before you apply):",
        "audit": "Corrections log", "audit_doc": "Only this article", "all_documents": "All articles",
        "undo": "Undo the chosen correction", "undo_pick": "Correction to undo",
        "correction_undone": "Undone: {field} of {event} is {value} again.",
        "orphaned": "orphaned (the new extraction no longer finds its event)", "state_active": "active",
        "state_undone": "undone", "not_an_event": "not an event", "yes": "yes", "no": "no",
        "no_corrections": "No corrections in the library yet.", "checking_corrections": "Checking the corrections",
        "audit_columns": "id,article,event id,field,before,after,note,by,when,state",
    },
}

# Headers for the table and the CSV; the machine names (timeline.events.export.EVENT_COLUMNS) stay the keys.
COLUMN_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "event_id": "事件编号", "doc": "文章", "year": "年", "month": "月", "day": "日", "date_text": "原文日期",
        "precision": "日期精度", "basis": "年份依据", "kind": "类型", "donor": "帮扶方", "donor_adcode": "帮扶方代码",
        "donor_lon": "帮扶方经度", "donor_lat": "帮扶方纬度", "recipient": "受援方", "recipient_adcode": "受援方代码",
        "recipient_lon": "受援方经度", "recipient_lat": "受援方纬度", "amount_yuan": "金额（元）", "people": "人数",
        "summary": "摘要", "evidence": "证据", "char_start": "证据起始位置", "char_end": "证据结束位置",
        "programme": "项目", "end_year": "结束年", "end_month": "结束月", "end_day": "结束日",
        "donor_kind": "帮扶方类别", "recipient_kind": "受援方类别", "date": "日期", "source": "来源",
        "corrected": "已更正", "status": "状态",
    },
    "en": {
        "event_id": "event id", "doc": "article", "year": "year", "month": "month", "day": "day",
        "date_text": "date as written", "precision": "date precision", "basis": "year basis", "kind": "kind",
        "donor": "donor", "donor_adcode": "donor adcode", "donor_lon": "donor longitude",
        "donor_lat": "donor latitude", "recipient": "recipient", "recipient_adcode": "recipient adcode",
        "recipient_lon": "recipient longitude", "recipient_lat": "recipient latitude",
        "amount_yuan": "amount (yuan)", "people": "people", "summary": "summary", "evidence": "evidence",
        "char_start": "evidence start", "char_end": "evidence end", "programme": "programme",
        "end_year": "end year", "end_month": "end month", "end_day": "end day", "donor_kind": "donor kind",
        "recipient_kind": "recipient kind", "date": "date", "source": "source",
        "corrected": "corrected", "status": "status",
    },
}


def language_of(locale: str | None) -> str:
    """The language to start in for a browser ``locale`` (``"zh-CN"``, ``"en-US"``…): Chinese for any
    ``zh`` locale or none known, English for any other."""
    if not locale:
        return DEFAULT_LANGUAGE
    return "zh" if str(locale).lower().startswith("zh") else "en"


def ui(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The app's word for ``key`` in ``lang``, ``{name}``-style ``values`` filled in."""
    return UI[check_language(lang)][key].format(**values)


def column_label(column: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A column's header in ``lang`` (a column without one keeps its machine name)."""
    return COLUMN_LABELS[check_language(lang)].get(column, column)


def header_aliases() -> dict[str, str]:
    """Every column label (both languages) → its machine name, to read a CSV a person edited."""
    return {label: column for table in COLUMN_LABELS.values() for column, label in table.items()}


def header_row(columns: Sequence[str], lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The CSV's header row in ``lang``."""
    return [column_label(c, lang) for c in columns]
