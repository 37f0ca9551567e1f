"""The learned pair stage (timeline.events.learned) and its training (timeline.events.training)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.events.assembly import _rule_events, extract_events, pair_candidates
from timeline.events.learned import MODEL_PATH, PAIRS_PER_SENTENCE, PairModel, PairModelError, load_model
from timeline.events.training import fit, labelled_candidates

DATA = Path(__file__).resolve().parents[1] / "data"
REPO = DATA.parents[1]


def _pairs(events) -> set[tuple[str, str]]:
    return {(d.name, r.name) for ev in events for d in ev.donors for r in ev.recipients}


def test_a_pair_no_rule_reads_is_added_when_the_model_is_sure_of_it():
    # realset6: the cadres a district sends "来到" their county — no grammar rule joins the two.
    text = ("2014年以来,根据上海市委、市政府的安排部署,浦东新区已先后选派75名援疆干部人才,来到莎车县开展对口援建工作。")
    rules, _reading = _rule_events(text, doc="x")
    assert ("浦东新区", "莎车县") not in _pairs(rules)
    events = extract_events(text, doc="x")
    assert ("浦东新区", "莎车县") in _pairs(events)
    assert _pairs(rules) <= _pairs(events)  # the rules' pairs stay


def test_a_learned_pair_takes_no_year_its_sentence_does_not_state():
    text = "二十年来,浦东新区先后选派援疆干部人才,来到莎车县开展对口援建工作。"
    events = [ev for ev in extract_events(text, doc="x") if ev.recipients[0].name == "莎车县"]
    assert events and all(ev.year is None for ev in events)


def test_a_found_pair_said_again_at_a_coarser_level_is_no_candidate():
    text = "上海市对口支援日喀则市五县(江孜、亚东、萨迦、拉孜、定日),日喀则市各县与上海各区结对。"
    codes = {c.codes for c in pair_candidates(text, doc="x")}
    assert ("310000", "540200") not in codes


def test_in_an_article_about_aid_a_sentence_without_an_aid_word_has_its_pairs_weighed_and_says_so():
    # realset3 010 (湖北日报 on 30 years of aid to the 三峡 area): a caption with no aid word of its own
    lines = ["对口支援三十载,携手共创新未来。", "大连市援建的兴山县中医医院", "江苏省援建的秭归江苏工业园全景",
             "上海市援建的宜昌市上海中学", "武汉与秭归合作建设的秭归长江大桥"]
    found = {c.codes: c for c in pair_candidates("\n".join(lines), doc="x")}
    assert found[("420100", "420527")].features.get("no_aid_word") == 1.0
    assert all("no_aid_word" not in c.features for k, c in found.items() if "420100" not in k)
    # the same sentence in an article that is not about aid is weighed by nothing
    assert pair_candidates(lines[-1], doc="x") == []


def test_a_place_arrived_at_on_the_way_is_no_candidate_giver():
    # realset8 017: the team lands in 呼和浩特 and goes on to 察右中旗; 呼和浩特 gives nothing
    text = "6月29日,考察组到达呼和浩特后前往察右中旗铁沙盖镇,实地考察了永富肉牛养殖场,开展对口帮扶调研。"
    codes = {c.codes for c in pair_candidates(text, doc="x")}
    assert ("150100", "150927") not in codes and ("150927", "150100") in codes


def _county_list(n: int) -> str:
    import csv

    with open(REPO / "data" / "gazetteer.csv", encoding="utf-8") as f:
        names = [r["name"] for r in csv.DictReader(f) if r["name"].endswith("县")][:n]
    return "上海市对口帮扶" + "、".join(names) + "。"


def test_a_short_list_has_every_pair_of_its_places_weighed():
    codes = {c.codes for c in pair_candidates(_county_list(6), doc="x")}
    counties = {pair for pair in codes if "310000" not in pair}
    assert len(counties) == 6 * 5  # each ordered pair of two counties
    assert codes - counties == {(county, "310000") for county, _ in counties}  # 上海市 → each: found by the rules


def test_a_sentence_listing_hundreds_of_places_weighs_a_bounded_number_of_pairs():
    # a page of lists costs in proportion to its length, not to the square of a sentence's places
    assert len(pair_candidates(_county_list(150), doc="x")) <= PAIRS_PER_SENTENCE


def test_the_model_adds_weights_and_keeps_what_reaches_its_threshold():
    model = PairModel(bias=-1.0, weights={"a": 2.0, "b": -3.0}, threshold=0.5)
    assert model.probability({}) == pytest.approx(1 / (1 + 2.718281828 ** 1.0), rel=1e-6)
    assert model.probability({"a": 1.0}) > 0.5 > model.probability({"a": 1.0, "b": 1.0})
    assert PairModel.from_json(model.to_json()) == model


def test_an_unreadable_model_file_says_which_file_and_how_to_rebuild_it(tmp_path):
    broken = tmp_path / "pair_model.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(PairModelError, match="pair_model.json.*train-pairs"):
        load_model.__wrapped__(broken)


def test_the_stored_model_is_what_training_on_its_sets_gives():
    # The rules feed the features: when they change, `python -m timeline train-pairs …` rebuilds the model.
    stored = load_model()
    rows, labels = labelled_candidates([DATA / name for name in stored.trained_on])
    fresh = fit(rows, labels, trained_on=stored.trained_on)
    assert fresh.threshold == stored.threshold
    assert fresh.bias == pytest.approx(stored.bias, abs=1e-4)
    assert set(fresh.weights) == set(stored.weights)
    assert all(fresh.weights[k] == pytest.approx(w, abs=1e-4) for k, w in stored.weights.items())


def test_the_held_out_set_is_not_among_the_models_training_sets():
    trained_on = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["trained_on"]
    assert not {"realset27", "realset28", "realset29"} & set(trained_on)


def test_training_on_a_folder_without_gold_is_a_message_not_a_traceback(tmp_path):
    run = subprocess.run([sys.executable, "-m", "timeline", "train-pairs", str(tmp_path), "--out",
                          str(tmp_path / "m.json")], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "gold_events.csv" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "m.json").exists()
