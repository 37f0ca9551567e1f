"""Events of the five seeds against the hand-annotated pairs, and the client's principal events."""

from __future__ import annotations

import pytest

from gold import SEEDS, load_gold, pair_key, score_pairs
from timeline.events.batch import extract_paths
from timeline.dates.mention import Basis
from timeline.events.model import EventKind, PartyKind


@pytest.fixture(scope="module")
def extraction():
    result = extract_paths([SEEDS])
    assert not result.errors and len(result.documents) == 5
    return result


@pytest.fixture(scope="module")
def events(extraction):
    return extraction.events


def _key(party) -> str:
    return party.adcode if party.kind is PartyKind.PLACE else party.name


def found_pairs(events) -> set[tuple[str, str, str]]:
    return {(e.doc, _key(d), _key(r)) for e in events for d in e.donors for r in e.recipients}


GOLD_PAIRS = [(g["doc"], pair_key(g["donor"], g["donor_adcode"]), pair_key(g["recipient"], g["recipient_adcode"]))
              for g in load_gold("pairs.jsonl")]


def test_pair_recall_is_at_least_0_90(events):
    recall, _, missed, _ = score_pairs(found_pairs(events), GOLD_PAIRS)
    assert recall >= 0.90, missed


def test_pair_precision_is_at_least_0_85(events):
    _, precision, _, extra = score_pairs(found_pairs(events), GOLD_PAIRS)
    assert precision >= 0.85, extra


def test_every_principal_pair_is_found(events):
    principal = [(g["doc"], pair_key(g["donor"], g["donor_adcode"]), pair_key(g["recipient"], g["recipient_adcode"]))
                 for g in load_gold("pairs.jsonl") if g["principal"]]
    recall, _, missed, _ = score_pairs(found_pairs(events), principal)
    assert recall == 1.0, missed


def test_the_pair_scorer_can_actually_fail():
    recall, precision, missed, extra = score_pairs({("d", "1", "2"), ("d", "3", "4")}, [("d", "2", "1"), ("d", "1", "2")])
    assert (recall, precision) == (0.5, 0.5) and missed == [("d", "2", "1")] and extra == [("d", "3", "4")]


def test_no_year_is_invented(extraction):
    texts = {d.doc: d.text for d in extraction.documents}
    for e in extraction.events:
        if e.date is None:
            assert e.year is None
            continue
        # The date is a time expression of the event's own sentence.
        assert e.char_start <= e.date.start and e.date.end <= e.char_end, e
        assert texts[e.doc][e.date.start:e.date.end] == e.date.text
        if e.date.basis is Basis.NOT_STATED:
            assert e.year is None


def test_seed_000_has_no_year_anywhere(events):
    assert [e for e in events if e.doc.startswith("000_") and e.year is not None] == []


def test_evidence_is_the_text_at_its_offsets(extraction):
    texts = {d.doc: d.text for d in extraction.documents}
    for e in extraction.events:
        assert texts[e.doc][e.char_start:e.char_end] == e.evidence


def _events(events, doc, donor=None, recipient=None):
    return [
        e for e in events
        if e.doc.startswith(doc)
        and (donor is None or any(_key(d) == donor for d in e.donors))
        and (recipient is None or any(_key(r) == recipient for r in e.recipients))
    ]


def test_2011_aid_to_daofu_from_pixian_now_pidu_and_dujiangyan(events):
    found = [e for e in _events(events, "002_", recipient="513326") if e.year == 2011]
    assert found
    donors = {_key(d): d for e in found for d in e.donors}
    assert {"510117", "510181"} <= donors.keys()
    assert donors["510117"].former_name == "郫县" and donors["510117"].name == "郫都区"


def test_2012_chengdu_aids_the_provinces_tibetan_counties_as_region_text(events):
    found = [e for e in _events(events, "002_", donor="510100") if e.year == 2012]
    regions = [r for e in found for r in e.recipients if r.kind is PartyKind.REGION]
    assert regions and regions[0].name == "省内藏区10个县" and regions[0].adcode == "" and regions[0].lon is None


def test_2012_mianyang_aids_rangtang(events):
    assert [e for e in _events(events, "002_", donor="510700", recipient="513230") if e.year == 2012]


def test_2016_qingbaijiang_team_arrives_in_jiulong_on_11_september(events):
    found = _events(events, "004_", donor="510113", recipient="513324")
    arrival = [e for e in found if e.date and (e.year, e.date.month, e.date.day) == (2016, 9, 11)]
    assert arrival and arrival[0].kind is EventKind.TEAM_ARRIVAL


def test_2017_tianjin_heping_pairs_with_huining(events):
    found = [e for e in _events(events, "003_", donor="120101", recipient="620422") if e.year == 2017]
    assert found and found[0].kind is EventKind.AGREEMENT


def test_2021_06_zigong_starts_helping_pingchang(events):
    found = [e for e in _events(events, "001_", donor="510300", recipient="511923")
             if e.year == 2021 and e.date.month == 6]
    assert found and found[0].kind is EventKind.PAIRING_START


def test_seed_000_suining_helps_li_county_with_the_year_empty(events):
    found = _events(events, "000_", donor="510900", recipient="513222")
    assert found and all(e.year is None for e in found)


def test_seed_000_enclave_park_signing_in_month_5_with_the_year_empty(events):
    park = [e for e in _events(events, "000_", recipient="513222") if e.kind is EventKind.PARK]
    assert len(park) == 1
    e = park[0]
    assert {_key(d) for d in e.donors} == {"330784", "330783", "510903"}
    assert (e.year, e.date.month, e.date.basis) == (None, 5, Basis.NOT_STATED)


def test_help_that_runs_the_other_way_stays_the_other_way(events):
    # 江油 helps 布拖 in the programme; after the 5·12 earthquake 布拖 helped 江油.
    assert _events(events, "002_", donor="510781", recipient="513429")
    assert _events(events, "002_", donor="513429", recipient="510781")


def test_event_ids_are_stable_across_runs(events):
    again = extract_paths([SEEDS]).events
    assert [e.event_id for e in again] == [e.event_id for e in events]
    assert len({e.event_id for e in events}) == len(events)
