"""The evidence panel: the article split at the evidence's offsets, escaped, then marked."""

from __future__ import annotations

import datetime as dt

import pytest

from eventrows import ARTICLE
from timeline import Document
from timeline.views.evidence import evidence_html, evidence_view, source_html, source_lines


def test_evidence_view_splits_the_article_at_the_exact_offsets():
    start = ARTICLE.index("2021年6月以来")
    end = ARTICLE.index("。", start) + 1
    before, sentence, after = evidence_view(ARTICLE, start, end)
    assert sentence == "2021年6月以来,根据省委、省政府统一安排部署,自贡市正式启动对口帮扶巴中市平昌县工作。"
    assert before + sentence + after == ARTICLE
    short = evidence_view(ARTICLE, start, end, context=5)
    assert short[0] == "…" + ARTICLE[start - 5:start] and short[2] == ARTICLE[end:end + 5] + "…"


@pytest.mark.parametrize("start, end", [(-1, 3), (5, 2), (0, 10_000)])
def test_evidence_offsets_outside_the_article_are_refused(start, end):
    with pytest.raises(ValueError, match="outside the article"):
        evidence_view(ARTICLE, start, end)


def test_evidence_html_escapes_the_text_then_marks_the_sentence():
    text = '<script>alert("x")</script>\n援建<b>学校</b>。后文'
    start = text.index("援建")
    html = evidence_html(text, start, text.index("。") + 1)
    assert "<script>" not in html and "<b>" not in html
    assert "<mark>援建&lt;b&gt;学校&lt;/b&gt;。</mark>后文" in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>" in html


def test_source_lines_name_the_date_and_where_it_comes_from():
    document = Document(doc="a.txt", text="x", publication_date=dt.date(2024, 10, 9),
                        publication_date_source="stamp: 2024-10-09", url="https://example.org/a", title="标题")
    assert source_lines(document) == ["标题", "Published 2024-10-09 (the line “2024-10-09”)", "https://example.org/a",
                                      "File: a.txt"]
    assert source_lines(Document(doc="b.txt", text="x")) == ["Publication date unknown", "File: b.txt"]


def test_source_html_escapes_and_links_only_web_addresses():
    page = Document(doc="p.html", text="x", title="<b>标题</b>", url="https://example.org/?a=1&b=2")
    heading = source_html("A → B · <i>visit</i>", page)
    assert "<b>A → B · &lt;i&gt;visit&lt;/i&gt;</b>" in heading and "&lt;b&gt;标题&lt;/b&gt;" in heading
    assert '<a href="https://example.org/?a=1&amp;b=2"' in heading
    sneaky = source_html("s", Document(doc="q.txt", text="x", url="javascript:alert(1)"))
    assert "<a " not in sneaky and "javascript:alert(1)" in sneaky
