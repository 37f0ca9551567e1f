"""Training the learned pair model (:mod:`timeline.events.learned`) on annotated real articles.

An annotated set is a folder as ``tests/data/realset*`` holds them: ``docs/``, ``meta.csv`` and
``gold_events.csv`` (one row per stated event with the donor's and recipient's adcodes). Each candidate pair
the rules leave is labelled by whether the gold states it; an L2-regularised logistic regression is fitted by
Newton's method (numpy only, deterministic), features seen fewer than ``MIN_COUNT`` times left out. Usage::

    python -m timeline train-pairs tests/data/realset tests/data/realset2 … --out data/pair_model.json

The rules feed the features (what they found elsewhere in the article), so the model is retrained when they
change; a test checks that the stored model is what training on its sets gives.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from timeline.errors import TimelineError
from timeline.events.assembly import pair_candidates
from timeline.events.learned import PairModel
from timeline.text.loading import load_paths
from timeline.text.metadata import load_metadata

__all__ = ["L2", "MIN_COUNT", "THRESHOLD", "labelled_candidates", "fit", "train"]

L2 = 1 / 0.3  # the weights' penalty (λ/2·|w|², the bias free)
MIN_COUNT = 2
THRESHOLD = 0.3  # the probability a candidate needs: chosen leaving one set out at a time (docs/BENCHMARKS.md)
_ITERATIONS = 25


class TrainingError(TimelineError):
    """An annotated set cannot be read for training."""


def _gold(folder: Path) -> set[tuple[str, str, str]]:
    path = folder / "gold_events.csv"
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return {(r["doc"].strip(), r["donor_adcode"].strip()[:6], r["recipient_adcode"].strip()[:6])
                    for r in csv.DictReader(f) if (r.get("donor_adcode") or "").strip()
                    and (r.get("recipient_adcode") or "").strip()}
    except (OSError, KeyError, csv.Error) as exc:
        raise TrainingError(f"{path}: not an annotated set's gold ({exc}); it needs doc, donor_adcode and "
                            "recipient_adcode columns") from exc


def labelled_candidates(folders: Iterable[Path]) -> tuple[list[dict[str, float]], list[bool]]:
    """Every candidate pair of every article of the annotated sets, and whether its set's gold states it."""
    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    for folder in map(Path, folders):
        gold = _gold(folder)
        meta = folder / "meta.csv"
        loaded = load_paths([folder / "docs"], metadata=load_metadata(meta) if meta.exists() else None)
        if loaded.errors:
            raise TrainingError(f"{folder}: {len(loaded.errors)} article(s) could not be read: {loaded.errors[0]}")
        for document in loaded.documents:
            name = Path(document.doc).stem
            for c in pair_candidates(document.text, doc=document.doc, publication_date=document.publication_date,
                                     title=document.title):
                rows.append(c.features)
                labels.append((name, *c.codes) in gold)
    return rows, labels


def fit(rows: list[dict[str, float]], labels: list[bool], *, l2: float = L2, min_count: int = MIN_COUNT,
        threshold: float = THRESHOLD, trained_on: tuple[str, ...] = ()) -> PairModel:
    """An L2-regularised logistic regression over sparse features, by Newton's method."""
    counts = Counter(name for row in rows for name in row)
    names = sorted(n for n, c in counts.items() if c >= min_count)
    if not rows or not names or len(set(labels)) < 2:
        raise TrainingError("training needs candidates of both kinds (pairs the gold states and pairs it does not)")
    column = {n: j for j, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0  # the bias
    for i, row in enumerate(rows):
        for n, v in row.items():
            if n in column:
                x[i, column[n]] = v
    y = np.asarray(labels, dtype=float)
    penalty = np.full(len(names) + 1, l2)
    penalty[-1] = 1e-9
    w = np.zeros(len(names) + 1)
    for _ in range(_ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    weights = {n: round(float(w[j]), 6) for n, j in column.items() if abs(w[j]) >= 1e-6}
    return PairModel(round(float(w[-1]), 6), weights, threshold, trained_on)


def train(folders: list[Path], out: Path) -> PairModel:
    """Fit the model on ``folders`` (annotated sets) and write it to ``out``."""
    rows, labels = labelled_candidates(folders)
    model = fit(rows, labels, trained_on=tuple(Path(f).name for f in folders))
    out.write_text(model.to_json(), encoding="utf-8")
    return model
