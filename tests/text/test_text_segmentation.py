"""Sentences and clauses; an over-long sentence is cut into bounded pieces."""

from __future__ import annotations

import pytest

from timeline.text.segmentation import MAX_SENTENCE_CHARS, clauses, sentences


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
