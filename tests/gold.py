"""Scoring extracted mentions against a gold set (shared by the gold tests)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD_DIR = Path(__file__).resolve().parent / "data" / "gold"
DATE_FIELDS = ("year", "month", "day", "end_year", "end_month", "end_day")


def load_gold(name: str) -> list[dict]:
    with open(GOLD_DIR / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    year_right: int = 0
    invented_years: list = field(default_factory=list)
    invented_parts: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def year_accuracy(self) -> float:
        return self.year_right / self.tp if self.tp else 0.0


def score_dates(found: list[dict], gold: list[dict]) -> Score:
    """Exact-span scoring. ``found`` and ``gold`` are dicts with doc/start/end and the date fields.

    An invented year is a found year where the gold year is empty (or a found
    mention outside the gold with a year of basis ``not_stated``); an
    invented part is a month or day the gold leaves empty.
    """
    s = Score()
    gold_by_span = {(g["doc"], g["start"], g["end"]): g for g in gold}
    found_spans = set()
    for f in found:
        key = (f["doc"], f["start"], f["end"])
        found_spans.add(key)
        g = gold_by_span.get(key)
        if g is None:
            s.fp += 1
            continue
        s.tp += 1
        s.year_right += f["year"] == g["year"]
        if f["year"] is not None and g["year"] is None:
            s.invented_years.append(key)
        for part in ("month", "day", "end_month", "end_day"):
            if f[part] is not None and g[part] is None:
                s.invented_parts.append((key, part))
    s.fn = sum(1 for k in gold_by_span if k not in found_spans)
    return s


def pair_key(name: str, adcode: str | None) -> str:
    return adcode or name


def same_party(gold: str, found: str) -> bool:
    """Adcodes must be equal; names of bodies and regions may differ by a prefix (省公安厅 / 公安厅)."""
    if gold.isdigit() or found.isdigit():
        return gold == found
    return gold in found or found in gold


def score_pairs(found: set[tuple[str, str, str]], gold: list[tuple[str, str, str]]) -> tuple[float, float, list, list]:
    """Recall and precision of directed (doc, donor, recipient) pairs; also the misses and the extras."""
    def match(g, f):
        return g[0] == f[0] and same_party(g[1], f[1]) and same_party(g[2], f[2])

    hits = [g for g in gold if any(match(g, f) for f in found)]
    extra = [f for f in found if not any(match(g, f) for g in gold)]
    recall = len(hits) / len(gold) if gold else 0.0
    precision = (len(found) - len(extra)) / len(found) if found else 0.0
    return recall, precision, [g for g in gold if g not in hits], extra
