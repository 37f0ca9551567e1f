"""Learned pairs: the place pairs a sentence states in a way no grammar rule reads.

The rules (:mod:`timeline.events.direction`, :mod:`timeline.events.grammar`) read the constructions they
know; real news states pairs in many more. Every ordered pair of two places that stand in one sentence with
an aid word (in an article about aid, in any one sentence), and that the rules did not find, is a *candidate*;
a logistic model scores it on what surrounds it (the words between the two names and beside them, their order
and distance, their levels and regions, whether its sentence has an aid word, what the rules found elsewhere in
the article) and keeps those that reach the model's threshold.

The model is data: ``data/pair_model.json`` holds its weights, threshold and the annotated sets it was
trained on; :mod:`timeline.events.training` writes it (``python -m timeline train-pairs``). This module
only computes features and adds weights, so reading needs no learning library.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from timeline.errors import TimelineError
from timeline.events.adcodes import level, related, up
from timeline.events.direction import AID, VENUE, programme_orientation
from timeline.events.parties import Token

__all__ = ["Candidate", "PairModel", "MODEL_PATH", "candidates", "load_model", "CONTEXT_WORDS"]

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "pair_model.json"
# Pairs weighed per sentence: every pair of a sentence with up to 45 place mentions (the longest lists of real
# news); in a longer one (a page listing hundreds of places) each place is paired with its nearest mentions only,
# so that the cost stays linear in the text.
PAIRS_PER_SENTENCE = 2_025

# The statistical regions of China (国家统计局: 东部、中部、西部、东北) by the province's two digits: pairing
# programmes run between them, so a pair's two regions say much about its direction.
REGIONS = {
    **dict.fromkeys(("11", "12", "13", "31", "32", "33", "35", "37", "44", "46"), "east"),
    **dict.fromkeys(("14", "34", "36", "41", "42", "43"), "central"),
    **dict.fromkeys(("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"), "west"),
    **dict.fromkeys(("21", "22", "23"), "northeast"),
}
# Words whose presence between the two names is a feature (with the pair's order): aid verbs, joiners, list
# marks, motion, the bodies and things pairing news names.
CONTEXT_WORDS = (
    "对口", "帮扶", "支援", "援建", "援助", "协作", "结对", "与", "和", "同", "、", "，", "赴", "到", "来", "在", "援",
    "向", "为", "给", "受援", "帮助", "共建", "签", "合作", "捐", "选派", "挂职", "干部", "医院", "学校", "企业", "及",
    "；", "：", "（", "的", "携手", "牵手", "考察", "调研", "代表团", "接", "助力", "资金", "项目", "园",
)


# 到达X后…: a place arrived at on the way (read with the 后 after it) is no giver.
_WAYPOINT_BEFORE = re.compile(r"(?:抵达|到达|来到|飞抵|前往|奔赴|赴)$")


class PairModelError(TimelineError):
    """The learned pair model's file is missing or unreadable."""


@dataclass(frozen=True)
class Candidate:
    """An ordered place pair of one sentence that the rules did not find, with its features."""

    donor: Token
    recipient: Token
    sentence: int  # the index of the sentence it stands in
    features: dict[str, float] = field(hash=False, compare=False)

    @property
    def codes(self) -> tuple[str, str]:
        return _code(self.donor), _code(self.recipient)


@dataclass(frozen=True)
class PairModel:
    """A logistic model over candidate features: P(pair) = σ(bias + Σ weight·value)."""

    bias: float
    weights: dict[str, float]
    threshold: float
    trained_on: tuple[str, ...] = ()

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, candidate: Candidate) -> bool:
        return self.probability(candidate.features) >= self.threshold

    def to_json(self) -> str:
        return json.dumps({"bias": self.bias, "threshold": self.threshold, "trained_on": list(self.trained_on),
                           "weights": dict(sorted(self.weights.items()))}, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> PairModel:
        raw = json.loads(text)
        return cls(float(raw["bias"]), {str(k): float(v) for k, v in raw["weights"].items()},
                   float(raw["threshold"]), tuple(raw.get("trained_on", ())))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> PairModel:
    try:
        return PairModel.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PairModelError(f"the learned pair model {path} cannot be read ({exc}); restore it from git or "
                             "rebuild it with `python -m timeline train-pairs`") from exc


def _code(t: Token) -> str:
    return t.party.adcode[:6]


def _bin(n: int, edges: Iterable[int]) -> str:
    return next((str(e) for e in edges if n <= e), "more")


def candidates(text: str, tokens: list[Token], sentences: list[tuple[int, int]],
               found: set[tuple[str, str]], title: str = "") -> list[Candidate]:
    """The ordered place pairs of sentences with an aid word (of every sentence, in an article about aid) that are
    not in ``found`` (the rules' pairs by 6-digit adcode) nor a found pair at a coarser level, neither place within
    the other, each at its closest two mentions, with features."""
    places = [t for t in tokens if t.party.adcode]
    starts = [t.start for t in places]
    donors = {a for a, _ in found}
    recipients = {b for _, b in found}
    # A found pair and every pair that holds it (the same places or units that contain them) …
    held = {(a, b) for x, y in found for a in up(x) for b in up(y)}
    # … and the found pairs with one side widened, for pairs related to a found one on both sides.
    donor_wide = {(a, y) for x, y in found for a in up(x)}
    recipient_wide = {(x, b) for x, y in found for b in up(y)}
    mentions = Counter(_code(t) for t in places)
    top = mentions.most_common(1)[0][0] if mentions else None
    together: Counter = Counter()
    nested: dict[tuple[str, str], bool] = {}
    closest: dict[tuple[str, str], tuple[int, Token, Token, int, int]] = {}
    aided = [bool(AID.search(text, s, e)) for s, e in sentences]
    # In an article with an aid word, a sentence with none of its own may still state a pair (东营酉阳稻田养蟹产业园,
    # 武汉与秭归合作建设的…大桥): its pairs are weighed too, the model knowing the sentence has none.
    any_aid = any(aided)
    for i, (s, e) in enumerate(sentences):
        if not aided[i] and not any_aid:
            continue
        inside = places[bisect_left(starts, s):bisect_left(starts, e)]
        codes = {_code(t) for t in inside}
        here: set[tuple[str, str]] = set()
        reach = len(inside) if len(inside) ** 2 <= PAIRS_PER_SENTENCE else PAIRS_PER_SENTENCE // (2 * len(inside))
        # 纪要在昆明签署: where a meeting sat is no receiver
        venues = {id(b) for b in inside if text[b.start - 1:b.start] == "在" and VENUE.match(text, b.end)}
        for x, a in enumerate(inside):
            p = _code(a)
            if _WAYPOINT_BEFORE.search(text, max(s, a.start - 3), a.start) and text.startswith("后", a.end):
                continue  # 到达呼和浩特后前往察右中旗: a place on the way gives nothing
            for b in inside[max(0, x - reach):x + reach + 1]:
                q = _code(b)
                if p == q or id(b) in venues:
                    continue
                here.add((p, q))
                if (p, q) not in nested:
                    nested[(p, q)] = related(p, q)
                if nested[(p, q)]:
                    continue
                distance = abs(a.start - b.start)
                if (p, q) not in closest or distance < closest[(p, q)][0]:
                    closest[(p, q)] = (distance, a, b, i, len(codes))
        together.update(here)
    out = []
    for (p, q), (_d, a, b, i, n) in closest.items():
        if (p, q) in held:
            continue  # found, or a found pair said again at a coarser level (日喀则市 of 日喀则市五县(江孜、…))
        beside_found = (any((x, y) in found for x in up(p) for y in up(q))
                        or any((x, q) in recipient_wide for x in up(p)) or any((p, y) in donor_wide for y in up(q)))
        forward = a.start < b.start
        between = text[a.end:b.start] if forward else text[b.end:a.start]
        side = "F" if forward else "B"
        f: dict[str, float] = {
            "fwd": forward,
            "dist_" + _bin(len(between), (0, 2, 6, 15, 30, 60)): 1,
            **{f"{side}btw_{w}": 1 for w in CONTEXT_WORDS if w in between},
            "after_p_" + text[a.end:a.end + 1]: 1,
            "after_p2_" + text[a.end:a.end + 2]: 1,
            "before_p_" + text[max(0, a.start - 1):a.start]: 1,
            "after_q_" + text[b.end:b.end + 1]: 1,
            "before_q_" + text[max(0, b.start - 1):b.start]: 1,
            "before_q2_" + text[max(0, b.start - 2):b.start]: 1,
            f"lv_{level(p)}_{level(q)}": 1,
            f"rg_{REGIONS.get(p[:2], '?')}_{REGIONS.get(q[:2], '?')}": 1,
            "same_prov": p[:2] == q[:2],
            "rev_pred": (q, p) in found,
            "p_donor": p in donors, "q_recip": q in recipients, "p_recip": p in recipients, "q_donor": q in donors,
            "rel_pred": beside_found,
            "cooc_" + _bin(together[(p, q)], (1, 2, 4)): 1,
            "p_title": a.party.name[:2] in title, "q_title": b.party.name[:2] in title,
            "n_" + _bin(n, (2, 3, 5, 8)): 1,
            "mp_" + _bin(mentions[p], (1, 2, 4, 8)): 1,
            "mq_" + _bin(mentions[q], (1, 2, 4, 8)): 1,
            "p_top": p == top, "q_top": q == top,
            "no_pred": not found,
            "between_places_" + _bin(bisect_left(starts, max(a.start, b.start)) - bisect_left(starts, min(a.end, b.end)),
                                     (0, 1, 3)): 1,
            "p_org": a.party.approximate, "q_org": b.party.approximate,
            "before_p2_" + text[max(0, a.start - 2):a.start]: 1,
            "after_q2_" + text[b.end:b.end + 2]: 1,
            f"orient_{programme_orientation(a.party, b.party)}": 1,
            "no_aid_word": not aided[i],
        }
        out.append(Candidate(a, b, i, {k: float(v) for k, v in f.items() if v}))
    return out
