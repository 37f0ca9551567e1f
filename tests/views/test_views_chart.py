"""The timeline chart: the selections the app reads, the honest year axis, the year-not-stated band."""

from __future__ import annotations

import json

import pytest

from eventrows import ROWS, row
from timeline.views.chart import timeline_chart
from timeline.views.filters import YEAR_NOT_STATED, timeline_chart_data


def _spec(chart: dict) -> dict:
    """The spec as the browser gets it (its data apart)."""
    return json.loads(json.dumps({k: v for k, v in chart.items() if k != "datasets"}))


def test_chart_has_the_selections_the_app_reads_and_a_separate_undated_band():
    spec = _spec(timeline_chart(timeline_chart_data(ROWS), colours={"funding": "#009E73"}))
    params = {p["name"]: p["select"]["type"] for p in spec["params"]}
    assert params == {"pick": "point", "brush": "interval", "pick_undated": "point"}
    dated, band = spec["hconcat"]
    assert band["title"]["text"] == ["年份未载明", "(2)"]  # two lines: the band stays narrow on a phone
    assert band["encoding"]["x"]["field"] == "slot"  # a position in the band, never a date
    dots = dated["layer"][1]["encoding"]["x"]
    assert dots["type"] == "temporal"
    ticks = [v["year"] for v in dots["axis"]["values"]]
    assert ticks == list(range(2012, 2020))


def test_chart_of_only_dated_or_only_undated_rows_has_one_view():
    assert "hconcat" not in _spec(timeline_chart(timeline_chart_data([ROWS[0]])))
    only_undated = _spec(timeline_chart(timeline_chart_data([ROWS[2]])))
    assert [p["name"] for p in only_undated["params"]] == ["pick_undated"]
    with pytest.raises(ValueError, match="no events"):
        timeline_chart([])


def test_many_lanes_get_thinner_so_the_chart_stays_on_screen():
    many = [row(str(i), donor=f"甲{i}市") for i in range(300)]
    dated = _spec(timeline_chart(timeline_chart_data(many)))
    assert dated["height"]["step"] * 300 <= 900 + 3 * 300  # MAX_HEIGHT, or 3 px a lane at the least
    assert _spec(timeline_chart(timeline_chart_data(ROWS)))["hconcat"][0]["height"]["step"] == 22


def test_the_chart_speaks_the_chosen_language():
    english = _spec(timeline_chart(timeline_chart_data(ROWS, lang="en"), colours={"funding": "#009E73"}, lang="en"))
    assert english["hconcat"][1]["title"]["text"] == [YEAR_NOT_STATED, "(2)"]
    assert english["hconcat"][0]["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["funding"]
    chinese = _spec(timeline_chart(timeline_chart_data(ROWS), colours={"funding": "#009E73"}))
    assert chinese["hconcat"][0]["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["资金支持"]


def test_the_spec_carries_its_data_as_named_frames_for_the_app_to_cache():
    from timeline.views.chart import chart_spec

    chart = timeline_chart(timeline_chart_data(ROWS), colours={"funding": "#009E73"})
    spec, again = chart_spec(chart), chart_spec(chart)
    assert set(spec["datasets"]) == set(again["datasets"]) and len(spec["datasets"]) == 2  # dated, undated
    assert all(len(frame) for frame in spec["datasets"].values())
    text = json.dumps({k: v for k, v in spec.items() if k != "datasets"})
    assert '"data": {"name": ' in text and '"data": {"values"' not in text  # by name, not inline


def _validated(spec: dict) -> None:
    """Check ``spec`` (datasets as frames) against the Vega-Lite schema, as altair does in its debug mode."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import load_schema

    plain = {**spec, "datasets": {name: json.loads(frame.to_json(orient="records"))
                                  for name, frame in spec["datasets"].items()}}
    validate_jsonschema(plain, load_schema())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_specs_the_app_sends_are_valid_vega_lite(lang):
    # the specs are written as dicts, not through altair's checked objects: they are checked here
    from timeline.views.chart import chart_spec, year_strip_chart

    _validated(chart_spec(timeline_chart(timeline_chart_data(ROWS, lang=lang), colours={"funding": "#009E73"},
                                         lang=lang)))
    _validated(chart_spec(timeline_chart(timeline_chart_data([ROWS[2]], lang=lang), lang=lang)))
    _validated(chart_spec(year_strip_chart([[2012, 3], [2013, 0], [2014, 1]], 5, lang=lang)))


def test_the_schema_check_catches_a_broken_spec():
    from jsonschema import ValidationError

    from timeline.views.chart import chart_spec

    spec = chart_spec(timeline_chart(timeline_chart_data(ROWS)))
    spec["hconcat"][0]["layer"][1]["mark"] = {"type": "no-such-mark"}
    with pytest.raises(ValidationError):
        _validated(spec)
