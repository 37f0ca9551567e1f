"""The date grammar against the hand-annotated gold set of the five seeds."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from gold import SEEDS, load_gold, score_dates
from timeline import find_dates_in_document, load_paths

GOLD = load_gold("dates.jsonl")


@pytest.fixture(scope="module")
def found() -> list[dict]:
    loaded = load_paths([SEEDS])
    assert not loaded.errors and len(loaded.documents) == 5
    return [asdict(m) for d in loaded.documents for m in find_dates_in_document(d)]


@pytest.fixture(scope="module")
def score(found):
    return score_dates(found, GOLD)


def test_every_gold_span_is_the_text_at_its_offsets():
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert len(GOLD) > 50
    for g in GOLD:
        assert texts[g["doc"]][g["start"] : g["end"]] == g["text"], g


def test_every_found_span_is_the_text_at_its_offsets(found):
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for f in found:
        assert texts[f["doc"]][f["start"] : f["end"]] == f["text"], f


def test_span_f1_is_at_least_0_90(score):
    assert score.f1 >= 0.90, (score.precision, score.recall)


def test_year_is_right_on_at_least_95_percent_of_found_spans(score):
    assert score.year_accuracy >= 0.95


def test_no_year_is_invented(score):
    assert score.invented_years == []


def test_no_month_or_day_is_invented(score):
    assert score.invented_parts == []


def test_every_year_stripped_expression_of_seed_000_is_found_with_an_empty_year(found):
    stripped = [g for g in GOLD if g["doc"].startswith("000_") and g["basis"] == "not_stated" and "年" in g["text"]]
    assert len(stripped) >= 8
    by_span = {(f["doc"], f["start"], f["end"]): f for f in found}
    for g in stripped:
        f = by_span.get((g["doc"], g["start"], g["end"]))
        assert f is not None, g
        assert f["year"] is None and f["end_year"] is None, f


def test_the_scorer_can_actually_fail():
    gold = [{"doc": "d", "start": 0, "end": 2, "year": None, "month": 5, "day": None, "end_month": None, "end_day": None}]
    wrong = [{"doc": "d", "start": 0, "end": 2, "year": 2024, "month": 5, "day": 1, "end_month": None, "end_day": None},
             {"doc": "d", "start": 5, "end": 7, "year": 2020, "month": None, "day": None, "end_month": None, "end_day": None}]
    s = score_dates(wrong, gold)
    assert s.f1 < 0.9 and s.invented_years and s.invented_parts and s.year_accuracy == 0
