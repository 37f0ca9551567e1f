"""The geopy-compatible facade: geocode, reverse and the (offline-tested) fallback."""

from __future__ import annotations

import pytest
from geopy.location import Location

from geo import OfflineGeocoder, OnlineFallback, geocode, reverse
from geo.errors import OnlineLookupError, QueryError


def test_geocode_returns_a_geopy_location_with_the_row_in_raw():
    loc = geocode("平昌")
    assert isinstance(loc, Location)
    assert loc.address == "四川省 巴中市 平昌县"
    assert loc.raw["adcode"] == "511923" and loc.raw["level"] == "county"
    assert (loc.latitude, loc.longitude) == (loc.raw["lat"], loc.raw["lon"])


@pytest.mark.parametrize("query", ["郫县", "郫縣"])
def test_a_former_name_geocodes_to_todays_unit_and_says_so(query):
    loc = geocode(query)
    assert loc.raw["adcode"] == "510117"
    assert (loc.raw["historical_name"], loc.raw["changed_year"]) == ("郫县", 2016)


def test_exactly_one_false_gives_every_candidate_best_first():
    locs = geocode("和平区", exactly_one=False)
    assert [x.raw["adcode"] for x in locs][:2] == ["120101", "210102"]


def test_context_chooses_between_same_named_units():
    assert geocode("和平区", context="辽宁省沈阳市召开会议").raw["adcode"] == "210102"
    assert geocode("和平区", context="天津市召开会议").raw["adcode"] == "120101"


@pytest.mark.parametrize("query", ["省公安厅", "美菜网", "一个不存在的地方"])
def test_non_places_get_no_invented_coordinates(query):
    assert geocode(query) is None


def test_an_organisation_is_located_at_its_place_approximately():
    loc = geocode("自贡市商务局")
    assert loc.raw["adcode"] == "510300" and loc.raw["approximate"] is True
    assert geocode("光大银行成都分行").raw["adcode"] == "510100"


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_is_an_error(query):
    with pytest.raises(QueryError):
        geocode(query)


def test_reverse_gives_the_nearest_county_level_unit():
    loc = reverse((30.7959, 103.9011))
    assert loc.raw["adcode"] == "510117" and loc.raw["distance_km"] < 1


@pytest.mark.parametrize("point", [(91, 0), ("a", 1), (1,), (float("nan"), 1)])
def test_reverse_rejects_bad_points(point):
    with pytest.raises(QueryError):
        reverse(point)


class _FakeService:
    calls = 0

    def __init__(self, user_agent):
        self.user_agent = user_agent

    def geocode(self, query, exactly_one=True, language=None):
        type(self).calls += 1
        return Location("某某村", (30.0, 104.0), {})


def test_online_fallback_is_off_by_default_and_cached_when_on(tmp_path):
    assert OfflineGeocoder().fallback is None
    fb = OnlineFallback("pairing-atlas-tests", tmp_path / "cache.json", geocoder_factory=_FakeService)
    gc = OfflineGeocoder(fallback=fb)
    first = gc.geocode("某某村")
    second = gc.geocode("某某村")
    assert first.raw["approximate"] and second.point == first.point
    assert _FakeService.calls == 1  # the second answer came from the disk cache


@pytest.mark.parametrize("kwargs", [{"user_agent": ""}, {"user_agent": "geopy/2"}, {"user_agent": "app", "min_delay_seconds": 0.1}])
def test_online_fallback_requires_a_real_user_agent_and_rate_limit(tmp_path, kwargs):
    with pytest.raises(OnlineLookupError):
        OnlineFallback(cache_path=tmp_path / "c.json", **kwargs)
