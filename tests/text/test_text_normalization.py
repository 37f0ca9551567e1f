"""Normalisation for matching, and the map back to original offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.text.normalization import normalize, to_simplified


def test_traditional_becomes_simplified_at_the_same_offsets():
    n = normalize("對口幫扶郫縣")
    assert n.text == "对口帮扶郫县"
    assert n.to_original(4, 6) == (4, 6)


def test_pinyin_glosses_are_removed_and_offsets_skip_them():
    original = "藏區(qū)彝區(qū)發(fā)言"
    n = normalize(original)
    assert n.text == "藏区彝区发言"
    a, b = n.to_original(3, 6)  # 区发言
    assert original[a:b] == "區(qū)發(fā)言"


def test_latin_in_brackets_without_tone_marks_is_kept():
    assert normalize("开展HIV(hiv)检测").text == "开展HIV(hiv)检测"


def test_full_width_digits_and_punctuation_are_folded():
    assert normalize("２０１６年，（一）　完成").text == "2016年,(一) 完成"


def test_conversion_never_changes_the_length():
    text = "乾隆年間頭髮發展，裡面後來" * 3
    assert len(to_simplified(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_every_normalised_span_maps_inside_the_original(text):
    n = normalize(text)
    assert len(n.index) == len(n.text) + 1
    for i in range(len(n.text)):
        a, b = n.to_original(i, i + 1)
        assert 0 <= a < b <= len(text)


def test_variant_characters_opencc_keeps_become_the_simplified_ones_at_the_same_offsets():
    # realset7 026 (苏陕协作, traditional with the variant 陜 for 陝)
    original = "2021年,江蘇省共向我省投入蘇陜協作財政援助資金26.9億元"
    norm = normalize(original)
    assert norm.text == "2021年,江苏省共向我省投入苏陕协作财政援助资金26.9亿元"
    assert len(norm.text) == len(original)
