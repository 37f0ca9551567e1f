"""The segmenter's shortcuts agree with jieba's own segmentation."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from geo.gazetteer.store import load_gazetteer
from geo.places.recognition import _engine
from timeline.text.normalization import normalize

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seg():
    return _engine(load_gazetteer()).segmenter


@pytest.fixture(scope="module")
def windows():
    """Random spans of the normalised seeds, with line breaks and punctuation."""
    rng = random.Random(0)
    texts = [normalize(p.read_text(encoding="utf-8")).text for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("A股3D打印·天津市和平区\r\n与iPhone 15同步—自贡高投供销社")
    out = []
    for text in texts:
        for _ in range(400):
            a = rng.randrange(len(text) + 1)
            out.append((text, a, min(len(text), a + rng.randint(0, 24))))
    return out


def _jieba_spans(seg, text, lo, hi):
    spans, pos = [], lo
    for tok in seg._tokenizer().cut(text[lo:hi], HMM=False):
        spans.append((pos, pos + len(tok)))
        pos += len(tok)
    return spans


def test_tokens_equal_jieba_without_hmm(seg, windows):
    for text, lo, hi in windows:
        assert seg.tokens(text, lo, hi) == _jieba_spans(seg, text, lo, hi), text[lo:hi]


def test_a_position_no_word_spans_is_a_boundary_of_jiebas_route(seg, windows):
    checked = 0
    for text, lo, hi in windows:
        ends = {b for _, b in _jieba_spans(seg, text, lo, hi)}
        for pos in range(lo + 1, hi):
            if seg.is_boundary(text, pos, lo, hi):
                checked += 1
                assert pos in ends, (text[lo:pos], text[pos:hi])
    assert checked > 1000  # the check ran on real boundaries


def test_the_boundary_check_can_say_no(seg):
    text = "以打造电商示范县作为抓手"
    start = text.index("范县")
    assert not seg.is_boundary(text, start, 0, len(text))  # 示范 spans it


def test_the_next_word_is_among_the_candidates(seg, windows):
    for text, lo, hi in windows:
        spans = _jieba_spans(seg, text, lo, hi)
        for a, b in spans:
            if seg.is_boundary(text, a, lo, hi):
                assert text[a:b] in seg.words_from(text, a, hi) or text[a:b].isascii()
