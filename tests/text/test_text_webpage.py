"""Saved web pages from old CMSs: deep nesting, XHTML, pages too large for boilerplate removal."""

from __future__ import annotations

import pytest

from timeline.errors import EmptyDocumentError
from timeline.text.loading import document_from_text
from timeline.text.webpage import MAX_EXTRACTION_ELEMENTS, html_to_article

SENTENCE = "2016年9月11日，青白江区援藏工作队抵达九龙县。"


def test_four_hundred_unclosed_font_paragraphs_are_all_read():
    page = ("<html><head><title>旧站</title></head><body>"
            + "".join(f"<p><font size=3>第{i}段：{SENTENCE}" for i in range(400)) + "</body></html>")
    article = html_to_article(page, name="old.html")
    assert article.text.count("抵达九龙县") == 400
    assert "第399段" in article.text


def test_254_nested_divs_still_give_the_article():
    page = "<html><body>" + "<div>" * 254 + f"<p>{SENTENCE * 3}</p>" + "</div>" * 254 + "</body></html>"
    assert html_to_article(page, name="deep.html").text.count("抵达九龙县") == 3


def test_an_xhtml_page_with_an_xml_declaration_is_read_even_as_txt():
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>援藏</title></head><body><div><p>{SENTENCE}</p><p>{SENTENCE}</p></div></body></html>")
    document = document_from_text(page, doc="page.txt")
    assert document.text.count("抵达九龙县") == 2 and "<p>" not in document.text


def test_a_page_too_large_for_boilerplate_removal_is_read_whole_with_a_warning():
    rows = "".join(f"<p>{i}：{SENTENCE}</p>" for i in range(MAX_EXTRACTION_ELEMENTS))
    page = f"<html><head><title>大页</title><script>var x=1;</script></head><body><nav>首页</nav>{rows}</body></html>"
    article = html_to_article(page, name="big.html")
    assert article.text.count("抵达九龙县") == MAX_EXTRACTION_ELEMENTS
    assert "首页" not in article.text and "var x" not in article.text
    assert article.title == "大页"
    assert article.warning.startswith("big.html: read the whole text of the page")


def test_the_warning_reaches_the_document():
    rows = "".join(f"<p>{SENTENCE}</p>" for i in range(MAX_EXTRACTION_ELEMENTS))
    document = document_from_text(f"<html><body>{rows}</body></html>", doc="big.html")
    assert document.warnings and "menus and footers included" in document.warnings[0]


def test_a_page_without_any_text_is_refused():
    with pytest.raises(EmptyDocumentError, match="empty.html"):
        html_to_article("<html><head><script>var a;</script></head><body><img src=x></body></html>",
                        name="empty.html")


@pytest.mark.timeout(120)
def test_a_20_mb_page_and_a_50_mb_file_are_read(tmp_path):
    """Bounded, not timed: the per-character cost is measured in bench/bench_text.py."""
    from timeline.text.loading import DEFAULT_MAX_BYTES, load_document

    row = f"<p><font size=3>{SENTENCE}</font></p>\n"
    page = tmp_path / "big.html"
    page.write_text(f"<html><body><div>{row * (20_000_000 // len(row.encode()))}</div></body></html>", encoding="utf-8")
    assert load_document(page).text.count("抵达九龙县") == 20_000_000 // len(row.encode())
    line = (SENTENCE + "\n").encode()
    text = tmp_path / "big.txt"
    text.write_bytes(line * (DEFAULT_MAX_BYTES // len(line)))
    assert len(load_document(text).text) == len(line.decode()) * (DEFAULT_MAX_BYTES // len(line))
