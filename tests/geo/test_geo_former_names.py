"""Former names from JioNLP's maintained list of changes and the hand-kept former_names.csv."""

from __future__ import annotations

import csv
import importlib.util

import pytest

from geo.errors import GazetteerSchemaError
from geo.gazetteer.build import read_former_names, read_location_changes
from geo import find_places
from geo.gazetteer.names import Level, NameKind, earlier_suffixes
from geo.gazetteer.store import DATA_DIR, load_gazetteer
from geo.geocoder import geocode


@pytest.mark.parametrize("former, adcode, today, year", [
    ("襄樊市", "420600", "襄阳市", 2010),  # JioNLP's list
    ("襄樊", "420600", "襄阳市", 2010),
    ("思茅市", "530800", "普洱市", 2007),  # former_names.csv
    ("温江县", "510115", "温江区", 2002),
    ("双流县", "510116", "双流区", 2015),
    ("江都市", "321012", "江都区", 2011),
    ("元坝区", "510811", "昭化区", 2013),
    ("湾里区", "360112", "新建区", 2019),  # the list corrects the nearest-neighbour guess (红谷滩区)
    ("下城区", "330105", "拱墅区", 2021),  # abolished, no longer a unit of today
    ("林芝县", "540402", "巴宜区", 2015),  # former_names.csv: a county renamed as its city's district
    ("安县", "510705", "安州区", 2016),
])
def test_former_names_lead_to_todays_unit_with_the_year(former, adcode, today, year):
    entries = [e for e in load_gazetteer().lookup(former)
               if e.kind in (NameKind.HISTORICAL, NameKind.HISTORICAL_SHORT)]
    assert [(e.adcode, e.year) for e in entries] == [(adcode, year)]
    location = geocode(former)
    assert location is not None and location.raw["adcode"] == adcode and location.raw["name"] == today


def test_a_former_countys_bare_stem_stays_the_city_of_today_that_bears_it():
    # 昌都县 became 卡若区 when 昌都地区 became 昌都市: a bare 昌都 is the city, never the former county.
    assert {e.adcode for e in load_gazetteer().lookup("昌都")} == {"540300"}
    assert [(p.mention, p.adcode) for p in find_places("2014年,昌都县撤销。天津对口支援昌都。")] == [
        ("昌都县", "540302"), ("天津", "120000"), ("昌都", "540300")]


def test_an_abolished_district_is_no_longer_a_unit_of_today():
    assert not [e for e in load_gazetteer().lookup("下城区") if e.kind is NameKind.OFFICIAL]


def test_every_hand_kept_row_says_where_it_comes_from():
    rows = read_former_names(DATA_DIR / "former_names.csv")
    assert rows and all(r.source for r in rows)
    with (DATA_DIR / "change_years.csv").open(encoding="utf-8") as fh:
        sources = [rec["source"] for rec in csv.DictReader(fh)]
    assert all("JioNLP" in s for s in sources), "each change year says whether JioNLP's list confirms it"


def test_a_former_name_row_without_a_source_is_rejected(tmp_path):
    path = tmp_path / "former_names.csv"
    path.write_text("former_name,level,adcode,year,source\n思茅市,prefecture,530800,2007,\n", encoding="utf-8")
    with pytest.raises(GazetteerSchemaError, match="source"):
        read_former_names(path)


def test_the_location_change_list_is_parsed_as_jionlp_ships_it(tmp_path):
    path = tmp_path / "changes.txt"
    path.write_text("2010-12-09\t国批\t湖北省\t湖北\t襄樊市\t襄樊=>湖北省\t襄阳市\n"
                    "2017-04-03\t国批\t河北省\t河北\t承德市\t承德\t平泉县\t平泉=>河北省\t承德市\t平泉市\n",
                    encoding="utf-8")
    changes = read_location_changes(path)
    assert [(c.year, c.former, c.current) for c in changes] == [
        (2010, ("湖北省", "襄樊市"), ("湖北省", "襄阳市")),
        (2017, ("河北省", "承德市", "平泉县"), ("河北省", "承德市", "平泉市"))]
    path.write_text("not a change\n", encoding="utf-8")
    with pytest.raises(GazetteerSchemaError, match="not a location change"):
        read_location_changes(path)


@pytest.mark.skipif(importlib.util.find_spec("jionlp") is None, reason="jionlp not installed")
def test_the_hand_entered_years_agree_with_jionlps_list():
    from geo.gazetteer.build import _location_changes_path

    listed = {c.former[-1]: c.year for c in read_location_changes(_location_changes_path())}
    with (DATA_DIR / "change_years.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    both = [(r["former_name"], int(r["year"]), listed[r["former_name"]]) for r in rows if r["former_name"] in listed]
    assert len(both) >= 25 and [b for b in both if b[1] != b[2]] == []


@pytest.mark.parametrize("name, level, earlier", [
    ("香格里拉市", Level.COUNTY, ("香格里拉县",)),  # 撤县设市
    ("双流区", Level.COUNTY, ("双流县", "双流市")),  # 撤县设区, or a city that became a district
    ("德钦县", Level.COUNTY, ()),  # a county has no earlier status to go back to
    ("滨海新区", Level.COUNTY, ()),  # a new area was never a county
    ("城区", Level.COUNTY, ()),  # a one-character stem is an ordinary word
    ("普洱市", Level.PREFECTURE, ()),  # only county-level units changed this way
])
def test_a_county_level_unit_went_by_its_name_under_its_earlier_status(name, level, earlier):
    assert earlier_suffixes(name, level) == earlier


def test_a_county_written_by_its_status_before_it_became_a_city_is_found():
    # realset5 017 (滇沪, traditional): 香格里拉县 became 香格里拉市 in 2014
    text = "嘉定、寶山兩區調整為重點對口幫扶香格里拉縣、德欽縣和維西縣"
    found = {(p.mention, p.adcode, p.historical_name) for p in find_places(text)}
    assert ("香格里拉縣", "533401", "香格里拉县") in found


def test_an_earlier_status_shared_by_two_units_names_neither():
    # 长安区 of 石家庄 and 长安区 of 西安: 长安县 could have been either
    assert not [e for e in load_gazetteer().lookup("长安县") if e.kind is NameKind.HISTORICAL]
    assert find_places("长安县") == []


def test_an_earlier_status_is_never_derived_from_an_ordinary_word():
    # 合作市's short name 合作 is also "cooperation": 合作县区 is words, not a former county
    assert find_places("两地开展合作县区结对帮扶") == []


@pytest.mark.parametrize("text, mention, adcode", [
    ("湖南省從1995年開始,對口支援西藏山南地區", "山南地區", "540500"),  # realset11 016: 撤地设市 2016
    ("江苏省对口支援日喀则地区的四个县", "日喀则地区", "540200"),  # 2014
    ("1996年8月,从中央明确深圳市对口帮扶贵州毕节地区", "毕节地区", "520500"),  # realset7 027: 2011
    ("北京市对口帮扶乌兰察布盟的六个旗县", "乌兰察布盟", "150900"),  # a league before it became a city, 2003
    # realset11 007: 哈密 is also a word (哈密瓜), but no word runs on into 地区 as a name: 2016
    ("2010年,根據中央安排,河南由對口支援阿克蘇地區轉為支援哈密地區及兵團十三師。", "哈密地區", "650500"),
])
def test_a_prefecture_level_city_is_found_by_its_name_as_a_prefecture(text, mention, adcode):
    assert (mention, adcode) in {(p.mention, p.adcode) for p in find_places(text)}


def test_only_inner_mongolias_cities_were_leagues():
    assert load_gazetteer().lookup("乌兰察布盟") and not load_gazetteer().lookup("深圳盟")
