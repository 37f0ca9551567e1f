"""Recall and precision of find_places against the hand-checked gold of the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo import find_places

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold" / "places.jsonl"
SEEDS = ROOT / "seeds"


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(gold: list[dict], found: list[tuple[str, int, int, str]]) -> dict[str, float]:
    """Exact-span, same-adcode matching: recall, precision and short-form recall."""
    g = {(r["doc"], r["start"], r["end"], r["adcode"]) for r in gold}
    f = set(found)
    hit = g & f
    short = {(r["doc"], r["start"], r["end"], r["adcode"]) for r in gold if not r["text"].endswith(("县", "縣", "市", "区", "區", "省", "州"))}
    return {
        "recall": len(hit) / len(g) if g else 0.0,
        "precision": len(hit) / len(f) if f else 0.0,
        "short_recall": len(short & f) / len(short) if short else 0.0,
    }


def test_gold_offsets_point_at_the_text():
    for r in _gold():
        text = (SEEDS / r["doc"]).read_text(encoding="utf-8")
        assert text[r["start"] : r["end"]] == r["text"], r


def test_the_score_can_actually_fail():
    gold = _gold()[:10]
    assert score(gold, [])["recall"] == 0.0
    wrong = [(r["doc"], r["start"], r["end"], "000000") for r in gold]
    assert score(gold, wrong) == {"recall": 0.0, "precision": 0.0, "short_recall": 0.0}


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        for m in find_places(path.read_text(encoding="utf-8"), doc=path.name):
            found.append((m.doc, m.start, m.end, m.adcode))
    return score(_gold(), found)


def test_recall_on_the_seeds(measured):
    assert measured["recall"] >= 0.98


def test_precision_on_the_seeds(measured):
    assert measured["precision"] >= 0.98


def test_short_form_recall_on_the_seeds(measured):
    assert measured["short_recall"] >= 0.95
