"""Inputs that must never crash or hang the date grammar."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from gold import SEEDS
from timeline import find_dates
from timeline.dates.patterns import RULES

PUB = dt.date(2018, 5, 9)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_random_unicode_never_crashes_and_spans_are_exact(text):
    for m in find_dates(text, publication_date=PUB):
        assert text[m.start : m.end] == m.text
        assert m.start < m.end


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789年月日至-—、.·从到今去近十一二三〇", max_size=200))
def test_date_like_noise_never_crashes(text):
    find_dates(text, publication_date=PUB)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("ch", list("0年月日 -—至十一〇2"))
def test_one_100000_character_line_of_a_rule_ingredient_finishes(ch):
    # Long runs of the characters the rules repeat are where a backtracking
    # pattern would hang; the timeout turns a hang into a failure.
    find_dates(ch * 100_000, publication_date=PUB)
    find_dates(("2016年" + ch) * 20_000, publication_date=PUB)


def test_a_5_mb_article_is_processed():
    seed = (SEEDS / "004_c29e945638e12640.txt").read_text(encoding="utf-8")
    big = (seed * (5_000_000 // len(seed.encode()) + 1))
    found = find_dates(big, publication_date=PUB)
    assert len(found) > 1000


_NESTED = re.compile(r"\([^()]*[*+}][^()]*\)[*+{]")


def test_no_rule_nests_quantifiers():
    assert [r.name for r in RULES if _NESTED.search(r.pattern)] == []


def test_the_nesting_check_can_actually_fail():
    assert _NESTED.search(r"(?:a+)+b") and _NESTED.search(r"(\d{1,3}x)*")
