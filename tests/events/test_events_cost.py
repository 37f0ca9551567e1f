"""Cost stays linear in the text: inputs that were superlinear finish (generous timeouts; the
ratios are measured in bench/bench_events.py, never timed here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.events.assembly import extract_events
from timeline.events.spans import MAX_SENTENCE, bounded_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.timeout(120)
def test_a_100k_character_line_without_punctuation_finishes_and_still_reads_its_pair():
    text = "上海市对口支援万州区" * 10_000
    events = extract_events(text, doc="t")
    assert events and {(e.donors[0].name, e.recipients[0].name) for e in events} == {("上海市", "万州区")}


@pytest.mark.timeout(300)
def test_a_2_mb_article_finishes():
    seed = (SEEDS / "000_6015d314b7f56541.txt").read_text(encoding="utf-8")
    text = (seed + "\n") * (2_000_000 // (len(seed) + 1) + 1)
    assert len(text) >= 2_000_000
    assert extract_events(text, doc="t")


def test_a_long_sentence_is_cut_at_clause_marks_and_never_inside_a_name():
    text = ("上海市对口支援万州区，" * 200) + "上海市对口支援万州区。"
    spans = bounded_sentences(text, [(i, i + 3) for i in range(0, len(text), 11)])
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert all(text[b - 1] == "，" for a, b in spans[:-1])  # cut after a clause mark
    assert "".join(text[a:b] for a, b in spans) == text


def test_an_unpunctuated_sentence_is_cut_outside_the_tokens():
    text = "上海市对口支援万州区" * 200
    tokens = [(i, i + 3) for i in range(0, len(text), 10)] + [(i + 7, i + 10) for i in range(0, len(text), 10)]
    tokens.sort()
    spans = bounded_sentences(text, tokens)
    cuts = [b for _a, b in spans[:-1]]
    assert cuts and not any(a < c < b for c in cuts for a, b in tokens)
