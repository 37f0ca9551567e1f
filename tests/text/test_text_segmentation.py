"""Sentences and clauses; an over-long sentence is cut into bounded pieces."""

from __future__ import annotations

import pytest

from timeline.text.segmentation import MAX_SENTENCE_CHARS, clauses, join_wrapped_lines, sentences


def test_sentences_end_at_stops_and_keep_a_closing_quote():
    text = "两地签约。“我们来了！”他说\n次年抵达"
    assert [text[a:b] for a, b in sentences(text)] == ["两地签约。", "“我们来了！”", "他说", "次年抵达"]


def test_clauses_are_offsets_into_the_whole_text():
    text = "甲。2016年，上海市对口支援万州区；次年抵达。"
    assert [text[a:b] for a, b in clauses(text, 2)] == ["2016年", "上海市对口支援万州区", "次年抵达"]


def test_an_unpunctuated_line_of_100k_characters_is_cut_into_bounded_pieces():
    text = "上海市对口支援万州区" * 10_000
    spans = sentences(text)
    assert max(b - a for a, b in spans) == MAX_SENTENCE_CHARS
    assert "".join(text[a:b] for a, b in spans) == text  # nothing lost, nothing doubled


def test_a_long_sentence_is_cut_after_its_clause_marks():
    clause = "上海市对口支援万州区" * 9 + "，"  # 91 characters
    text = clause * 30 + "。"
    spans = sentences(text, max_chars=200)
    assert all(text[b - 1] in "，。" for a, b in spans)
    assert all(b - a <= 200 for a, b in spans) and "".join(text[a:b] for a, b in spans) == text


def test_short_sentences_are_not_touched_by_the_bound():
    text = "两地签约。" * 500
    assert sentences(text) == sentences(text, max_chars=len(text))


def test_the_bound_must_be_positive():
    with pytest.raises(ValueError, match="positive"):
        sentences("甲", max_chars=0)


def test_a_page_that_wraps_its_sentences_across_lines_reads_them_whole():
    # realset8 001 (深圳扶贫合作's photo story): one fragment per line, blank lines between
    text = ("如今,这条连接东西的通道\n\n早已不是他们走过的模样\n\n2010年新一轮援疆工作以来\n\n"
            "深圳作为19个援疆省市中\n\n唯一的计划单列市\n\n对口支援喀什市\n\n和塔什库尔干塔吉克自治县\n\n(简称“塔县”)\n\n"
            "9年来,深圳秉持\n\n“感恩改革开放、回报全国人民”的理念\n")
    joined = join_wrapped_lines(text)
    assert len(joined) == len(text)
    assert "唯一的计划单列市  对口支援喀什市  和塔什库尔干塔吉克自治县" in joined
    assert len(sentences(joined)) < len(sentences(text))


def test_a_page_of_sentences_and_a_short_menu_keeps_its_lines():
    text = ("首页\n新闻\n专题\n"
            "2014年,北京、淅川正式开启对口协作篇章。北京、淅川对口协作以来,京淅两地紧紧围绕目标深入谋划对口协作项目建设。\n"
            "2014年以来,北京市累计安排对口协作资金支持淅川县实施项目。\n")
    assert join_wrapped_lines(text) is text
