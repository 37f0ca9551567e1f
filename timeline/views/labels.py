"""The app's words in Chinese and English, and the language to start in.

Kinds, programmes and date bases come from :mod:`geo.map.labels` (the map says the same); this
module adds the app's own wording (:data:`UI`), the table's and the CSV's column headers
(:data:`COLUMN_LABELS`, machine names stay the keys), :func:`language_of` (the browser's
locale → ``"zh"`` or ``"en"``), and :func:`message`: the core's errors and the app's notices, by their
``code`` and ``params`` (:data:`MESSAGES`), in the chosen language. The terminal keeps the errors' English.

>>> language_of("en-GB"), language_of("zh-TW"), language_of(None)
('en', 'zh', 'zh')
>>> ui("events", "en")
'Events'
>>> message(Notice("library.removed", {"name": "a.txt", "n": 2}), "zh")
'已从文库中移除 a.txt 及其 2 行事件。'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from geo.map.labels import (
    DEFAULT_LANGUAGE, LANGUAGES, basis_label, check_language, kind_label, programme_label,
)

__all__ = [
    "LANGUAGES", "DEFAULT_LANGUAGE", "LANGUAGE_NAMES", "UI", "COLUMN_LABELS", "language_of", "ui", "column_label", "header_aliases",
    "kind_label", "programme_label", "basis_label", "header_row", "MESSAGES", "Notice", "message", "source_label",
    "date_source_label",
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
                                   "“状态”栏写“不是事件”即删除该行。",
        "unmatched": "未匹配的行", "corrections_applied": "已应用 {n} 条更正；{unmatched} 行没有匹配的事件。",
        "corrections_preview": "将更改以下内容（应用前不会保存）：", "audit": "更正记录",
        "audit_doc": "只看这篇文章", "all_documents": "全部文章", "undo": "撤销所选更正", "undo_pick": "要撤销的更正",
        "correction_undone": "已撤销：{event} 的{field}恢复为 {value}。", "orphaned": "孤立（新的提取不再找到该事件）",
        "state_active": "有效", "state_undone": "已撤销", "not_an_event": "不是事件", "yes": "是", "no": "否",
        "no_corrections": "文库中还没有更正。", "checking_corrections": "检查更正",
        "audit_columns": "编号,文章,事件编号,字段,原值,新值,说明,更正人,时间,状态",
        "url": "网址", "library_columns": "文章,事件行数,年份未载明,发布日期,来源,标题",
        "source_seed": "示例文章", "source_file": "命令行添加", "source_upload": "上传", "source_paste": "粘贴",
        "date_from_meta": "元数据表", "date_from_edited": "在应用中填写", "date_from_page": "网页元数据",
        "date_from_stamp": "正文中的“{text}”",
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
        "url": "URL", "library_columns": "article,event rows,year not stated,publication date,source,title",
        "source_seed": "seed article", "source_file": "added on the command line", "source_upload": "upload",
        "source_paste": "pasted", "date_from_meta": "metadata file", "date_from_edited": "given in the app",
        "date_from_page": "the page's metadata", "date_from_stamp": "the line “{text}”",
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


def source_label(source: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """Where a library document came from (``seed``, ``file``, ``upload``, ``paste``), in ``lang``."""
    key = f"source_{getattr(source, 'value', source)}"
    return ui(key, lang) if key in UI[check_language(lang)] else str(source or "")


def date_source_label(source: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """How a publication date was found (``meta``, ``edited``, ``page metadata``, ``stamp: 发布时间：…``) in
    ``lang``; an unknown one as it is."""
    source = source or ""
    if source.startswith("stamp: "):
        return ui("date_from_stamp", lang, text=source.removeprefix("stamp: ").strip())
    key = {"meta": "date_from_meta", "edited": "date_from_edited", "page metadata": "date_from_page"}.get(source)
    return ui(key, lang) if key else source


def column_label(column: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A column's header in ``lang`` (a column without one keeps its machine name)."""
    return COLUMN_LABELS[check_language(lang)].get(column, column)


def header_aliases() -> dict[str, str]:
    """Every column label (both languages) → its machine name, to read a CSV a person edited."""
    return {label: column for table in COLUMN_LABELS.values() for column, label in table.items()}


def header_row(columns: Sequence[str], lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The CSV's header row in ``lang``."""
    return [column_label(c, lang) for c in columns]


# The core's errors (``code`` and ``params`` of timeline.errors / geo.errors) and the app's notices, by code.
# An error whose code has no wording here is shown as its English ``str()``; a notice needs both languages.
MESSAGES: dict[str, dict[str, str]] = {
    "zh": {
        "file.encoding_unclear": "{name}：无法确定文件的编码，它不是 UTF-8、GB18030、Big5 或 Shift-JIS 文本；请另存为 UTF-8 后重试。",
        "file.blank": "{name}：文件里没有文字（只有空白或字节顺序标记），没有可读的内容。",
        "file.empty": "{name}：文件是空的，没有可读的内容。",
        "file.binary": "{name}：这是二进制文件（图片、PDF 或压缩包），不是文章；请把文章正文另存为 .txt 或 .html 文件。",
        "file.bad_utf16": "{name}：文件开头像 UTF-16 文本，内容却不是；请另存为 UTF-8。",
        "file.control_characters": "{name}：文件不是文本（满是控制字符，可能是二进制文件）；请把文章另存为 UTF-8 文本。",
        "file.nul_bytes": "{name}：这是二进制文件（含有 NUL 字节），不是文章；请另存为 UTF-8 文本。",
        "page.unparsable": "{name}：无法把网页解析为 HTML；请把正文另存为 .txt。",
        "page.no_text": "{name}：网页中没有找到文章正文。",
        "upload.file_type": "{name}：只读取 .txt、.html 和 .htm 文件；请把文章另存为其中一种。",
        "upload.too_large": "{name}：{mb:.1f} MB，超过上传上限 {limit_mb:g} MB；请拆分文件，或只保留文章部分。",
        "paste.empty": "粘贴的文本是空的；请先粘贴文章正文。",
        "paste.too_long": "粘贴的文本有 {n:,} 个字符，超过上限 {limit:,}；请作为文件上传，或一次粘贴一篇文章。",
        "worker.died": "提取进程在完成前停止了（内存不足？）；请重试，或换一个较小的文件。",
        "library.no_folder": "无法创建文库所在的文件夹 {library}（{reason}）；请用 --library 或 PAIRING_ATLAS_LIBRARY 另选位置。",
        "library.not_a_library": "{library} 无法作为文库打开（{reason}）；它是对口帮扶地图的文库吗？请用 --library 另选文件。",
        "library.busy": "文库 {library} 正忙：正在被写入（本应用或另一个 library add）；已等待 {seconds:.0f} 秒。请待其完成后重试。",
        "library.io": "无法读写文库 {library}（{reason}）。",
        "library.newer": "{library} 由更新版本的对口帮扶地图写入（结构版本 {found}，本程序最高支持 {known}）；请更新后再打开。",
        "library.unknown_document": "文库中没有文章“{key}”；library list 可列出文章名。",
        "library.ambiguous_document": "“{key}”对应 {n} 篇文章；请写出更多的编号（library list 可列出）。",
        "map.assets_missing": "地图所需的 npm 包没有按 package.json 安装（{what}）；请在 {repo} 运行 `npm ci`"
                              "（或 `./atlas app`，它会自动安装）。",
        "corrections.unreadable": "{cause}未应用任何更正。请导出事件 CSV，编辑后导入该文件。",
        "corrections.column_twice": "{name}：“{column}”列出现了两次；请只保留一列后重新导入。",
        "corrections.no_event_id": "{name} 没有“事件编号”（event_id）列，无法把各行对应到事件：它不是本程序导出的事件 CSV"
                                   "（其列为：{columns}）。请导出事件（library export 或应用中的 CSV 下载），编辑后再导入。",
        "corrections.nothing_correctable": "{name} 有“事件编号”列，但没有可更正的列（年、月、日、帮扶方、受援方、类型、金额、"
                                           "人数或状态）；没有要做的事。",
        "corrections.rows_refused": "{name}：{n} 行无法应用，因此没有应用任何更正：\n{problems}",
        "corrections.import_refused": "{name}：{n} 条更正格式有误，因此一条也没有导入：\n{problems}",
        "corrections.row_problem": "第 {line} 行（{event_id}）：{problem}",
        "corrections.line_problem": "第 {line} 行：{problem}",
        "corrections.more": "\n……另有 {n} 条",
        "corrections.unknown": "文库中没有有效的更正“{id}”。",
        "corrections.ambiguous": "“{id}”对应 {n} 条更正；请写出更多的编号。",
        "cell.not_whole": "{field}“{value}”不是整数",
        "cell.not_amount": "金额“{value}”不是数字（请用阿拉伯数字写元数，如 5000000）",
        "cell.negative_amount": "金额“{value}”必须是 0 或以上的元数",
        "cell.year_range": "年份 {year} 超出范围（{first}–{last}）",
        "cell.month": "{month} 月不存在（1–12）",
        "cell.day_without_month": "日 {day} 需要先有月份",
        "cell.no_such_day": "{month} 没有第 {day} 日（1–{last}）",
        "cell.unknown_adcode": "{field}“{value}”不是地名库中的地方",
        "cell.empty_place": "{field}不能为空（要删除此行，请标记为“不是事件”）",
        "cell.unknown_place": "{field}“{value}”不是地名库已知的地方；请写县、市或省名（如 平昌县），或在“{field}代码”栏写行政区划代码",
        "cell.ambiguous_place": "{field}“{value}”对应 {n} 个地方：{options}；请在“{field}代码”栏写出所指的那个"
                                "（或连省名一起写，如 {example}）",
        "cell.status": "状态“{value}”：要删除此行请写 not_an_event（或“不是事件”），否则留空",
        "cell.kind": "类型“{value}”不是以下之一：{kinds}",
        "cell.negative_people": "人数 {value} 不能为负",
        "unmatched.no_event_id": "第 {line} 行：没有事件编号",
        "unmatched.not_in_library": "第 {line} 行：事件 {event_id} 不在本文库中",
        "unmatched.which_row": "第 {line} 行：事件 {event_id} 有多行，帮扶方、受援方两栏无法确定是哪一行",
        "unmatched.hidden": "第 {line} 行：事件 {event_id} 在本文库中已标记为“不是事件”；要重新显示，请撤销该更正",
        "upload.saved": "{name}：已保存，{n} 件事件（发布于 {date}）。",
        "upload.saved_no_date": "{name}：已保存，{n} 件事件（没有找到发布日期：请在下方文库中填写，只写月日的日期才能定年）。",
        "upload.replaced": "{name}：已替换，{n} 件事件（发布于 {date}）。",
        "upload.replaced_no_date": "{name}：已替换，{n} 件事件（没有找到发布日期：请在下方文库中填写，只写月日的日期才能定年）。",
        "upload.duplicate": "{name}：文库中已有相同正文的文章（名称不同），不重复保存。",
        "library.removed": "已从文库中移除 {name} 及其 {n} 行事件。",
        "library.edited": "已保存 {name}：{rows} 行事件，其中 {undated} 行年份未载明。",
    },
    "en": {
        "corrections.more": " … and {n} more",
        "upload.saved": "{name}: saved, {n} events (published {date}).",
        "upload.saved_no_date": "{name}: saved, {n} events (no publication date found: give one below so its "
                                "month-day dates get a year).",
        "upload.replaced": "{name}: replaced, {n} events (published {date}).",
        "upload.replaced_no_date": "{name}: replaced, {n} events (no publication date found: give one below so its "
                                   "month-day dates get a year).",
        "upload.duplicate": "{name}: its text is already in the library under another name; not saved twice.",
        "library.removed": "Removed {name} and its {n} event rows from the library.",
        "library.edited": "Saved {name}: {rows} event rows, {undated} with no year.",
    },
}


@dataclass(frozen=True)
class Notice:
    """Something the app tells the user that is not an error (an upload saved, a document removed): a code of
    :data:`MESSAGES` and its values. Plain data, so it crosses the extraction worker's process boundary."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)


def _value(name: str, value: object, lang: str) -> object:
    if isinstance(value, Mapping) and "code" in value:  # a nested message: a refused row, a cause
        return message(value, lang)
    if isinstance(value, list | tuple):
        if all(isinstance(v, Mapping) for v in value):
            return "\n".join("  " + str(_value(name, v, lang)) for v in value)
        return ("、" if lang == "zh" else ", ").join(map(str, value))
    if name == "field" and isinstance(value, str):
        return column_label(value, lang)
    return value


def message(what: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """What to tell the user, in ``lang``: an error or :class:`Notice` with a ``code`` (or a mapping with
    ``code``, ``params`` and the English ``text``) worded by :data:`MESSAGES`; without wording in ``lang``,
    the English it carries (``str(err)``).

    A ``more`` value above 0 adds "… and N more" (a list cut short).
    """
    if isinstance(what, Mapping):
        code, params, english = str(what.get("code") or ""), what.get("params") or {}, str(what.get("text") or "")
    else:
        code, params, english = getattr(what, "code", ""), getattr(what, "params", {}) or {}, str(what)
    template = MESSAGES[check_language(lang)].get(code)
    if template is None:
        if isinstance(what, Notice):
            raise KeyError(f"notice {code!r} has no wording in {lang!r}; add it to MESSAGES")
        return english
    text = template.format(**{k: _value(k, v, lang) for k, v in params.items()})
    more = params.get("more")
    return text + MESSAGES[lang]["corrections.more"].format(n=more) if isinstance(more, int) and more > 0 else text
